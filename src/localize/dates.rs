//! Months, periods and durations as the catalogue writes them
//! (`2022.04 ~ 현재`, `Apr 2022 – Present`, `4년 8개월`, `4 yrs 8 mos`), and
//! the arithmetic that counts overlapping months once.

use fluent_bundle::FluentArgs;

use super::Localizer;
use crate::error::Result;
use crate::model::{Period, YearMonth};

impl Localizer<'_> {
    pub(super) fn month(&self, month: YearMonth) -> Result<String> {
        let mut args = FluentArgs::new();
        args.set("year", month.year.to_string());
        if month.year_only {
            return self.catalogue.label("date-year", Some(&args));
        }
        args.set("month", format!("{:02}", month.month));
        args.set("month-name", self.catalogue.label(&format!("month-{}", month.month), None)?);
        self.catalogue.label("date-month", Some(&args))
    }

    pub(super) fn period(&self, period: Period) -> Result<String> {
        // A period of one month (or one year) is that month.
        if period.end == Some(period.start) {
            return self.month(period.start);
        }
        let mut args = FluentArgs::new();
        args.set("start", self.month(period.start)?);
        let end = match period.end {
            Some(end) => self.month(end)?,
            None => self.catalogue.label("date-present", None)?,
        };
        args.set("end", end);
        self.catalogue.label("date-range", Some(&args))
    }

    pub(super) fn duration(&self, months: u32) -> Result<String> {
        self.duration_as("duration", months)
    }

    /// A duration written out (`18 years 5 months`), where it stands on
    /// its own rather than beside a period.
    pub(super) fn long_duration(&self, months: u32) -> Result<String> {
        self.duration_as("duration-long", months)
    }

    fn duration_as(&self, stem: &str, months: u32) -> Result<String> {
        let (years, rest) = (months / 12, months % 12);
        let mut args = FluentArgs::new();
        args.set("years", years);
        args.set("months", rest);
        let id = match (years, rest) {
            (0, _) => "months",
            (_, 0) => "years",
            _ => "years-months",
        };
        self.catalogue.label(&format!("{stem}-{id}"), Some(&args))
    }

    /// Whole years for skills, where months would be noise: rounded down,
    /// so that 4 years 9 months never reads as 5 years (a recruiter may
    /// hold a candidate to the number); months under a year.
    pub(super) fn rough_duration(&self, months: u32) -> Result<String> {
        if months < 12 {
            return self.duration(months);
        }
        self.duration(months / 12 * 12)
    }
}

/// Periods merged where they overlap or touch, so months are counted once.
pub fn merge(periods: &[Period], today: YearMonth) -> Vec<Period> {
    let mut sorted: Vec<Period> = periods.to_vec();
    sorted.sort_by_key(|p| p.start);
    let mut merged: Vec<Period> = Vec::new();
    for period in sorted {
        match merged.last_mut() {
            Some(last) if period.start.ordinal() <= last.end_or(today).ordinal() + 1 => {
                if last.end.is_some() && (period.end.is_none() || period.end > last.end) {
                    last.end = period.end;
                }
            }
            _ => merged.push(period),
        }
    }
    merged
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn merge_counts_overlaps_once() {
        let today = YearMonth::new(2026, 11).unwrap();
        let periods: Vec<Period> =
            ["2016-07..2022-03", "2020-01..2022-03", "2022-04..", "2007-09..2011-01", "2011-02..2012-01"]
                .iter()
                .map(|p| p.parse().unwrap())
                .collect();
        let merged = merge(&periods, today);
        assert_eq!(merged.len(), 2);
        assert_eq!(merged[1].end, None);
        assert_eq!(merged.iter().map(|p| p.months(today)).sum::<u32>(), 53 + 125);
    }
}
