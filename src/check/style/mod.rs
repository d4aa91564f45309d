//! The words themselves: spelling, spacing and consistency, checked as
//! warnings (style is a choice, so never an error), each at the line and
//! column of the character it is about, with what to write instead.

mod consistency;
mod fix;
mod fluent;
mod korean;
mod texts;

pub use fix::{ChangedLine, fix, fix_translations};

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
    // The Korean translation files beside it.
    for file in korean_translations(source) {
        for (range, value) in fluent::values(&file.text) {
            for finding in korean::findings(value) {
                let span = range.start + finding.range.start..range.start + finding.range.end;
                warnings.push(
                    Error::new(format!(
                        "`{}`: {} ({})",
                        &value[finding.range.clone()],
                        finding.why,
                        finding.rule
                    ))
                    .at(Location::from_span(&file.path, &file.text, span))
                    .with_hint(format!("write `{}`", finding.replacement)),
                );
            }
        }
    }
    if let Some(resume) = &resume {
        warnings.extend(consistency::spellings(resume, source));
        warnings.extend(consistency::contact(resume, source));
    }
    warnings
}

/// The résumé's Korean translation files (`ko.ftl`, `i18n/ko.ftl`).
fn korean_translations(source: &Source) -> Vec<crate::i18n::UserCatalogue> {
    let Some(dir) = &source.dir else { return Vec::new() };
    let Ok(korean) = crate::i18n::Language::negotiate("ko") else { return Vec::new() };
    crate::i18n::UserCatalogue::find(dir, korean).unwrap_or_default()
}
