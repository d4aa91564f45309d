//! The words themselves: spelling, spacing and consistency, checked as
//! warnings (style is a choice, so never an error), each at the line and
//! column of the character it is about, with what to write instead.

mod consistency;
mod english;
mod fix;
mod fluent;
mod korean;
mod texts;

pub use fix::{ChangedLine, fix, fix_translations};

use crate::error::{Error, Location};
use crate::model::{Source, YearMonth};

pub use korean::Finding;
pub use texts::{TextAt, texts};

/// Fields read for English spelling and grammar: sentences, not names.
const ENGLISH_PROSE: &[&str] = &[
    "summary",
    "headline",
    "description",
    "responsibilities",
    "achievements",
    "problem",
    "resolution",
    "answer",
    "paragraphs",
    "opening",
    "closing",
    "salutation",
    "duties",
    "text",
    "details",
];

/// The résumé's own words, which are never misspellings: the person's
/// name, companies, projects, technologies, tags, section titles, the
/// hosts of its links, and `[check] words`.
fn own_words(resume: &crate::model::Resume) -> Vec<String> {
    let mut words: Vec<String> = resume.check.words.clone();
    words.extend(resume.person.name.values().into_iter().map(str::to_string));
    words.extend(resume.person.links.iter().map(|l| l.url().to_string()));
    for company in &resume.companies {
        words.extend(company.name.values().into_iter().map(str::to_string));
        words.push(company.id.clone());
        if let Some(former) = &company.formerly {
            words.extend(former.name.values().into_iter().map(str::to_string));
        }
    }
    for project in &resume.projects {
        words.extend(project.name.values().into_iter().map(str::to_string));
        words.extend(project.tags.iter().cloned());
        for (_, fact) in project.facts() {
            let Some(fact) = fact else { continue };
            if let Some(crate::model::FactValue::Names(names)) = &fact.value {
                words.extend(names.iter().cloned());
            }
        }
        for key in crate::localize::SKILL_FACTS {
            words.extend(crate::localize::technologies(project, key).into_iter().map(str::to_string));
        }
    }
    words.extend(resume.settings.skill_aliases.iter().flat_map(|(a, b)| [a.clone(), b.clone()]));
    words
}

/// The Latin words written inside the résumé's Korean texts and in its
/// stack facts: the terms its author uses (`elastalert`, `brotli`,
/// `kibana`), which the English texts name too.
fn terms(source: &Source) -> Vec<String> {
    let mut words = Vec::new();
    for text in texts(&source.text) {
        let korean = crate::model::has_hangul(&text.value);
        let fact =
            crate::model::STACK_FACTS.iter().any(|f| text.keys.iter().any(|k| k.replace('_', "-") == *f))
                || text.keys.iter().any(|k| k == "details" || k == "value" || k == "label");
        if korean || fact {
            words.extend(
                text.value
                    .split(|c: char| !c.is_ascii_alphanumeric())
                    .filter(|w| w.len() >= 2 && w.chars().any(|c| c.is_ascii_alphabetic()))
                    .map(str::to_string),
            );
        }
    }
    words
}

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
    // Harper's dictionary loads once, on the first English text.
    let mut harper: Option<english::English> = None;
    for text in texts(&source.text) {
        if NOT_PROSE.contains(&text.field()) || text.keys.first().is_some_and(|k| k == "profile") {
            continue;
        }
        if let Some((total, current)) = career
            && consistency::CLAIMING.contains(&text.field())
        {
            warnings.extend(consistency::years(&text, source, total, current));
        }
        // An English sentence where the Korean document prints it.
        let korean_document = text.language() == Some("ko")
            || (text.language().is_none() && resume.as_ref().is_some_and(|r| r.source_language() == "ko"));
        if korean_document
            && ENGLISH_PROSE.contains(&text.field())
            && consistency::is_english_sentence(&text.value)
        {
            warnings.push(
                Error::new("this text is English, and the Korean document prints it as it is (consistency)")
                    .at(Location::from_span(&source.path, &source.text, text.span.clone()))
                    .with_hint("give it a Korean version beside the English: `{ ko = \"…\", en = \"…\" }`"),
            );
        }
        let english = text.language() == Some("en")
            || (text.language().is_none()
                && resume.as_ref().is_some_and(|r| r.source_language() == "en")
                && !crate::model::has_hangul(&text.value));
        if english && ENGLISH_PROSE.contains(&text.field()) {
            let checker = harper.get_or_insert_with(|| {
                let mut words = resume.as_ref().map(own_words).unwrap_or_default();
                words.extend(terms(source));
                english::English::new(&words)
            });
            for finding in checker.findings(&text.value) {
                warnings.push(located(source, &text, &finding));
            }
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
    // The English translation files beside it, with the same words known.
    for file in translations(source, "en") {
        for (range, value) in fluent::values(&file.text) {
            let checker = harper.get_or_insert_with(|| {
                let mut words = resume.as_ref().map(own_words).unwrap_or_default();
                words.extend(terms(source));
                english::English::new(&words)
            });
            for finding in checker.findings(value) {
                let span = range.start + finding.range.start..range.start + finding.range.end;
                let mut warning = Error::new(format!(
                    "`{}`: {} ({})",
                    &value[finding.range.clone()],
                    finding.why.trim_end_matches('.'),
                    finding.rule
                ))
                .at(Location::from_span(&file.path, &file.text, span));
                if !finding.replacement.is_empty() {
                    warning = warning.with_hint(format!("write `{}`", finding.replacement));
                }
                warnings.push(warning);
            }
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

/// A finding in a text of the résumé file, at its characters.
fn located(source: &Source, text: &TextAt, finding: &Finding) -> Error {
    let span = text.source_span(&source.text, finding.range.clone());
    let written = &text.value[finding.range.clone()];
    let mut warning =
        Error::new(format!("`{written}`: {} ({})", finding.why.trim_end_matches('.'), finding.rule))
            .at(Location::from_span(&source.path, &source.text, span));
    if !finding.replacement.is_empty() {
        warning = warning.with_hint(format!("write `{}`", finding.replacement));
    }
    warning
}

/// The résumé's Korean translation files (`ko.ftl`, `i18n/ko.ftl`).
fn korean_translations(source: &Source) -> Vec<crate::i18n::UserCatalogue> {
    translations(source, "ko")
}

/// The résumé's translation files of one language.
fn translations(source: &Source, code: &str) -> Vec<crate::i18n::UserCatalogue> {
    let Some(dir) = &source.dir else { return Vec::new() };
    let Ok(language) = crate::i18n::Language::negotiate(code) else { return Vec::new() };
    crate::i18n::UserCatalogue::find(dir, language).unwrap_or_default()
}
