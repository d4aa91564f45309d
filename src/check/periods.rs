//! Periods that parse but cannot be meant: far in the future, or ending
//! after today while marked as ended.

use crate::error::Error;
use crate::model::{Resume, Source, Step, YearMonth, locate};

use super::Report;

/// The last year a period is taken to mean: later ones are typos
/// (`9999-12..`), which durations and selections would take at their word.
const LAST_LIKELY_YEAR: u16 = 2100;

pub(super) fn check_periods(resume: &Resume, source: &Source, today: YearMonth, report: &mut Report) {
    for (index, project) in resume.projects.iter().enumerate() {
        let Some(period) = project.period else { continue };
        let far = |ym: YearMonth| ym.year > LAST_LIKELY_YEAR;
        let future = match period.end {
            _ if far(period.start) || period.end.is_some_and(far) => Some("lies after 2100"),
            _ if period.start > today => Some("starts in the future"),
            Some(end) if end > today => Some("ends in the future"),
            _ => None,
        };
        if let Some(which) = future {
            let path = [Step::Key("project"), Step::Index(index), Step::Key("period")];
            let mut warning =
                Error::new(format!("the period of `{}` {which} (today is {today})", project.id))
                    .with_hint("write an ongoing period as `2022-04..`, or pin today with --today");
            if let Some(location) = locate(source, &path) {
                warning = warning.at(location);
            }
            report.warnings.push(warning);
        }
    }
}
