//! The words themselves: spelling, spacing and consistency, checked as
//! warnings (style is a choice, so never an error), each at the line and
//! column of the character it is about, with what to write instead.

mod consistency;
mod fix;
mod korean;
mod texts;

pub use fix::{ChangedLine, fix};

use crate::error::{Error, Location};
use crate::model::{Source, YearMonth};

pub use korean::Finding;
pub use texts::{TextAt, texts};

/// Fields whose texts are not prose: ids, addresses, dates, labels.
const NOT_PROSE: &[&str] = &[
    "id",
    "company",
    "link",
    "url",
    "links",
    "photo",
    "email",
    "phone",
    "period",
    "date",
    "until",
    "tags",
    "doi",
    "source",
    "layout",
    "paper",
    "output",
    "only",
    "hide",
    "lang",
    "documents",
    "accent",
    "birth_date",
    "standing",
    "gpa",
    "test",
    "score",
    "skill_aliases",
    "network",
    "username",
];

/// Every style finding of the résumé file, as warnings: the words, then
/// what the résumé says against itself.
pub fn check_style(source: &Source, today: YearMonth) -> Vec<Error> {
    let mut warnings = Vec::new();
    let resume = crate::model::diagnose(source).resume;
    let career = resume.as_ref().map(|r| consistency::career_months(r, today));
    for text in texts(&source.text) {
        if NOT_PROSE.contains(&text.field()) || text.keys.first().is_some_and(|k| k == "profile") {
            continue;
        }
        if let Some((total, current)) = career
            && consistency::CLAIMING.contains(&text.field())
        {
            warnings.extend(consistency::years(&text, source, total, current));
        }
        for finding in korean::findings(&text.value) {
            let span = text.source_span(&source.text, finding.range.clone());
            let written = &text.value[finding.range.clone()];
            warnings.push(
                Error::new(format!("`{written}`: {} ({})", finding.why, finding.rule))
                    .at(Location::from_span(&source.path, &source.text, span))
                    .with_hint(format!("write `{}`", finding.replacement)),
            );
        }
    }
    if let Some(resume) = &resume {
        warnings.extend(consistency::spellings(resume, source));
        warnings.extend(consistency::contact(resume, source));
    }
    warnings
}
