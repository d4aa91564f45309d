//! Months and periods, the only notion of time a résumé needs.
//!
//! A résumé speaks in months (`2022.04 ~ 현재`), so days are never stored.
//! Periods are inclusive on both ends: `2016-07..2022-03` lasted 5 years and
//! 9 months, as a recruiter would count it.

use std::fmt::{self, Display, Formatter};
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A calendar month, or a year whose month was never given.
///
/// Other formats often date a degree or a side project by its year alone
/// (`2023`); such a date stays a year in every writer rather than gaining
/// an invented month. For arithmetic it stands for its first month, or
/// its last when it ends a period (`2019..2023` lasted five years).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct YearMonth {
    /// Four-digit year.
    pub year: u16,
    /// 1 to 12; for a year alone, the month it stands for in arithmetic.
    pub month: u8,
    /// Whether only the year was given, so only the year is printed.
    pub year_only: bool,
}

impl YearMonth {
    /// Checks the month and builds the value.
    pub fn new(year: u16, month: u8) -> Option<Self> {
        ((1..=12).contains(&month) && (1000..=9999).contains(&year)).then_some(Self {
            year,
            month,
            year_only: false,
        })
    }

    /// A year whose month is not known, standing for `month` in arithmetic
    /// (1 where it starts something, 12 where it ends it).
    pub fn year(year: u16, month: u8) -> Option<Self> {
        Self::new(year, month).map(|m| Self { year_only: true, ..m })
    }

    /// The same date standing for its year's last month when only the
    /// year is known: how the end of a period is counted.
    pub fn as_end(self) -> Self {
        if self.year_only { Self { month: 12, ..self } } else { self }
    }

    /// Months since year 0, for arithmetic.
    pub fn ordinal(self) -> i32 {
        i32::from(self.year) * 12 + i32::from(self.month) - 1
    }

    /// Reads `2022-04`, `2022.04`, `2022/04` or the compact `202204`; a day
    /// (`2019-12-01`, `20191201`) is accepted and dropped; a year alone
    /// (`2023`) stays a year.
    pub fn parse(text: &str) -> Option<Self> {
        let text = text.trim();
        if text.len() == 4 && text.bytes().all(|b| b.is_ascii_digit()) {
            return Self::year(text.parse().ok()?, 1);
        }
        let digits: String = text.chars().filter(char::is_ascii_digit).collect();
        let separators_ok = text.chars().all(|c| c.is_ascii_digit() || matches!(c, '-' | '.' | '/'));
        if !separators_ok {
            return None;
        }
        let parts: Vec<&str> = text.split(['-', '.', '/']).collect();
        let (year, month) = match parts.as_slice() {
            [compact] if compact.len() == 6 || compact.len() == 8 => (&digits[..4], &digits[4..6]),
            [year, month] | [year, month, _] if year.len() == 4 && (1..=2).contains(&month.len()) => {
                (*year, *month)
            }
            _ => return None,
        };
        Self::new(year.parse().ok()?, month.parse().ok()?)
    }
}

impl Display for YearMonth {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        if self.year_only {
            return write!(f, "{:04}", self.year);
        }
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

/// When something happened: a start month and, unless it is still going on,
/// an end month.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Period {
    /// First month, inclusive.
    pub start: YearMonth,
    /// Last month, inclusive; `None` while ongoing.
    pub end: Option<YearMonth>,
}

/// Why a period could not be read, phrased for the user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PeriodError(pub String);

impl Display for PeriodError {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl Period {
    /// The last month counted, the given today for an ongoing period.
    pub fn end_or(self, today: YearMonth) -> YearMonth {
        self.end.unwrap_or(today)
    }

    /// Length in whole months, both ends included.
    pub fn months(self, today: YearMonth) -> u32 {
        let end = self.end_or(today).ordinal();
        (end - self.start.ordinal() + 1).max(0) as u32
    }

    /// Whether two periods share at least one month.
    pub fn overlaps(self, other: Period, today: YearMonth) -> bool {
        self.start <= other.end_or(today) && other.start <= self.end_or(today)
    }
}

impl FromStr for Period {
    type Err = PeriodError;

    /// Reads `2022-04..` (ongoing), `2016-07..2022-03`, the compact
    /// `202204~` and `201607~202203`, and years alone (`2019..2023`).
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let expected = || {
            PeriodError(format!(
                "`{text}` is not a period; write `2016-07..2022-03`, or `2022-04..` while it is ongoing"
            ))
        };
        let (start, end) = text.split_once("..").or_else(|| text.split_once('~')).ok_or_else(expected)?;
        let start = YearMonth::parse(start).ok_or_else(expected)?;
        let end = match end.trim() {
            "" => None,
            end => Some(YearMonth::parse(end).ok_or_else(expected)?.as_end()),
        };
        if let Some(end) = end
            && end < start
        {
            return Err(PeriodError(format!("the period `{text}` ends ({end}) before it starts ({start})")));
        }
        Ok(Self { start, end })
    }
}

impl Display for Period {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        match self.end {
            Some(end) => write!(f, "{}..{end}", self.start),
            None => write!(f, "{}..", self.start),
        }
    }
}

impl<'de> Deserialize<'de> for Period {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

impl Serialize for Period {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for YearMonth {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        YearMonth::parse(&text).ok_or_else(|| {
            serde::de::Error::custom(format!("`{text}` is not a month; write it as `2019-12`"))
        })
    }
}

impl Serialize for YearMonth {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ym(year: u16, month: u8) -> YearMonth {
        YearMonth::new(year, month).unwrap()
    }

    #[test]
    fn reads_every_written_form() {
        let closed = Period { start: ym(2016, 7), end: Some(ym(2022, 3)) };
        assert_eq!("2016-07..2022-03".parse(), Ok(closed));
        assert_eq!("201607~202203".parse(), Ok(closed));
        assert_eq!("2016.07 ~ 2022.03".parse(), Ok(closed));
        let open = Period { start: ym(2022, 4), end: None };
        assert_eq!("2022-04..".parse(), Ok(open));
        assert_eq!("202204~".parse(), Ok(open));
    }

    #[test]
    fn rejects_nonsense() {
        for bad in ["2022", "2022-13..", "abc..", "2022-04", "2022-04..2021-01", "20220..", ""] {
            assert!(bad.parse::<Period>().is_err(), "{bad}");
        }
        let err = "2022-04..2021-01".parse::<Period>().unwrap_err();
        assert!(err.0.contains("ends (2021-01) before it starts (2022-04)"), "{err}");
    }

    #[test]
    fn counts_months_inclusively() {
        let today = ym(2026, 11);
        assert_eq!("2016-07..2022-03".parse::<Period>().unwrap().months(today), 69);
        assert_eq!("2022-04..".parse::<Period>().unwrap().months(today), 56);
        assert_eq!("2020-01..2020-01".parse::<Period>().unwrap().months(today), 1);
    }

    #[test]
    fn overlap_includes_touching_months() {
        let today = ym(2026, 11);
        let a: Period = "2016-07..2022-03".parse().unwrap();
        let b: Period = "2022-03..".parse().unwrap();
        let c: Period = "2022-04..".parse().unwrap();
        assert!(a.overlaps(b, today));
        assert!(!a.overlaps(c, today));
    }

    #[test]
    fn month_accepts_a_day() {
        assert_eq!(YearMonth::parse("20191201"), Some(ym(2019, 12)));
        assert_eq!(YearMonth::parse("2019-12-01"), Some(ym(2019, 12)));
        assert_eq!(YearMonth::parse("2019-1"), Some(ym(2019, 1)));
        assert_eq!(YearMonth::parse("2019"), YearMonth::year(2019, 1));
        assert_eq!(YearMonth::parse("20190"), None);
    }

    #[test]
    fn a_year_alone_stays_a_year_and_counts_whole() {
        let years: Period = "2019..2023".parse().unwrap();
        assert_eq!(years.to_string(), "2019..2023");
        assert_eq!(years.months(ym(2026, 11)), 60);
        assert!(years.start.year_only && years.end.unwrap().year_only);
        let mixed: Period = "2019-03..2020".parse().unwrap();
        assert_eq!(mixed.to_string(), "2019-03..2020");
        assert_eq!(mixed.months(ym(2026, 11)), 22);
        assert_eq!(
            "2023".parse::<Period>().map(|_| ()),
            Err(PeriodError(
                "`2023` is not a period; write `2016-07..2022-03`, or `2022-04..` while it is ongoing".into()
            ))
        );
    }
}
