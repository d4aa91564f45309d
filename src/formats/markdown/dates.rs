//! Months and periods as résumés write them, and as the tool's own export
//! prints them in each language: `202204~`, `2016-07..2022-03`,
//! `2022.04 ~ 현재 (4년 9개월)`, `Apr 2022 – Present (4 yrs 9 mos)`.

use crate::formats::import::is_ongoing;
use crate::model::YearMonth;

/// English month names as the built-in catalogue prints them (`Apr`), and
/// spelt out (`April`): the first three letters decide.
const MONTHS: [&str; 12] =
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/// A month: `2022.04`, `2022-04`, `202204`, or `Apr 2022`.
pub(super) fn read_month(text: &str) -> Option<YearMonth> {
    let text = text.trim();
    if let Some(month) = YearMonth::parse(text) {
        return Some(month);
    }
    let (name, year) = text.split_once(char::is_whitespace)?;
    let name = name.trim_end_matches('.').to_lowercase();
    let index = MONTHS.iter().position(|m| name.len() >= 3 && m.starts_with(&name[..3.min(name.len())]))?;
    let spelt = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    if !(spelt[index].starts_with(&name) || name == MONTHS[index]) {
        return None;
    }
    YearMonth::new(year.trim().parse().ok()?, index as u8 + 1)
}

/// A period: its start, and its end unless it goes on. A duration in
/// parentheses after it, as the export prints, is passed over.
pub(super) fn read_period(text: &str) -> Option<(YearMonth, Option<YearMonth>)> {
    let text = super::outline::unescape(text);
    let text = without_duration(&text);
    // A period of one month (or one year) prints as that month.
    let Some((start, end)) = ["..", "~", "–", "—"].iter().find_map(|sep| text.split_once(sep)) else {
        let month = read_month(text)?;
        return Some((month, Some(month.as_end())));
    };
    let start = read_month(start)?;
    let end = if is_ongoing(end) { None } else { Some(read_month(end)?.as_end()) };
    Some((start, end))
}

/// `2022.04 ~ 현재 (4년 9개월)` → `2022.04 ~ 현재`.
fn without_duration(text: &str) -> &str {
    let text = text.trim();
    match text.rfind(" (") {
        Some(open) if text.ends_with(')') => text[..open].trim_end(),
        _ => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn period(text: &str) -> Option<(String, Option<String>)> {
        read_period(text).map(|(start, end)| (start.to_string(), end.map(|e| e.to_string())))
    }

    #[test]
    fn periods_read_the_usual_forms_and_both_exports() {
        let open = |start: &str| Some((start.to_string(), None));
        let closed = |start: &str, end: &str| Some((start.to_string(), Some(end.to_string())));
        assert_eq!(period("202204~"), open("2022-04"));
        assert_eq!(period("2022.04 ~ 현재"), open("2022-04"));
        assert_eq!(period("2022.04 ~ 현재 (4년 9개월)"), open("2022-04"));
        assert_eq!(period("2016-07..2022-03"), closed("2016-07", "2022-03"));
        assert_eq!(period("Apr 2022 – Present (4 yrs 9 mos)"), open("2022-04"));
        assert_eq!(period("Jul 2016 – Mar 2022"), closed("2016-07", "2022-03"));
        assert_eq!(period("September 2007 – January 2012"), closed("2007-09", "2012-01"));
        assert_eq!(period("2022-13~"), None);
        assert_eq!(period("Sept 2007 – Jan 2012").map(|p| p.0), Some("2007-09".to_string()));
        assert_eq!(period("Juno 2007 – Jan 2012"), None);
        // Years stay years; one month (or year) is a period of its own.
        assert_eq!(period("2015 – 2017"), closed("2015", "2017"));
        assert_eq!(period("2019 – Jun 2020 (1 yr 6 mos)"), closed("2019", "2020-06"));
        assert_eq!(period("Aug 2016 (1 mo)"), closed("2016-08", "2016-08"));
        assert_eq!(period("2016.08"), closed("2016-08", "2016-08"));
        assert_eq!(period("Augu"), None);
    }
}
