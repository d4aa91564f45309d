//! `resume check`: every problem of a résumé and its translations in one
//! run, each located, in the compiler style users know.

use crate::error::Error;

mod language;
mod letters;
mod periods;
mod profiles;
pub mod style;

use crate::i18n::{Language, UserCatalogue};
use crate::model::{self, Source, YearMonth};
use language::check_language;
use letters::check_letters;
use periods::check_periods;
use profiles::{check_budgets, check_profiles};

/// What `check` found.
#[derive(Debug, Default)]
pub struct Report {
    /// Problems that break a build.
    pub errors: Vec<Error>,
    /// Problems worth a look that do not (`--strict` fails on them too).
    pub warnings: Vec<Error>,
    /// Things worth knowing that never fail (an answer well under its
    /// limit).
    pub notes: Vec<Error>,
}

/// Checks the résumé, its profiles, and its translations into `languages`,
/// every language a profile asks for, and every language with a `.ftl` file.
pub fn check(source: &Source, languages: &[Language], today: YearMonth) -> Report {
    check_for(source, languages, today, None)
}

/// Like [`check`], for one profile alone (`check --profile NAME`): its
/// fields, its documents' letters, its languages and its page budget, so
/// that a problem of another application does not fail the one being sent.
pub fn check_for(source: &Source, languages: &[Language], today: YearMonth, profile: Option<&str>) -> Report {
    let diagnosis = model::diagnose(source);
    let mut report = Report { errors: diagnosis.problems, warnings: Vec::new(), notes: Vec::new() };
    let Some(mut resume) = diagnosis.resume else { return report };
    if let Some(name) = profile {
        let Some(chosen) = resume.profiles.get(name).cloned() else {
            let names: Vec<&str> = resume.profiles.keys().map(String::as_str).collect();
            let mut hint = format!("the profiles are: {}", names.join(", "));
            if let Some(near) = model::closest(name, &names) {
                hint = format!("did you mean `{near}`? {hint}");
            }
            report.errors.push(Error::new(format!("there is no profile `{name}`")).with_hint(hint));
            return report;
        };
        // The profile's letters only: another application's letters are not sent.
        let letters: Vec<String> =
            chosen.documents.iter().filter_map(|d| d.strip_prefix("letter:").map(str::to_string)).collect();
        resume.letters.retain(|l| letters.contains(&l.id));
        resume.profiles = [(name.to_string(), chosen)].into_iter().collect();
    }
    let resume = resume;
    // The model may lack entries that had type errors; paths into it are
    // located in the text it was read from, and the lines shown are then
    // taken from the file as the user wrote it.
    let read = &diagnosis.read;
    check_profiles(&resume, read, today, diagnosis.complete, &mut report);
    check_periods(&resume, read, today, &mut report);
    check_letters(&resume, read, &mut report);
    let mut wanted: Vec<Language> = languages.to_vec();
    if profile.is_some() && resume.profiles.values().all(|p| p.lang.is_empty()) && wanted.is_empty() {
        wanted.push(
            Language::negotiate(crate::i18n::DEFAULT_LANGUAGE).expect("the default language is built in"),
        );
    }
    for profile in resume.profiles.values() {
        for tag in &profile.lang {
            if let Ok(language) = Language::negotiate(tag)
                && !wanted.contains(&language)
            {
                wanted.push(language);
            }
        }
    }
    // A translation file of its own makes a language asked for, too
    // (unless one profile's languages are checked).
    if let Some(dir) = source.dir.as_ref().filter(|_| profile.is_none()) {
        for language in crate::i18n::LANGUAGES {
            let has_file = UserCatalogue::find(dir, *language).is_ok_and(|files| !files.is_empty());
            if has_file && !wanted.contains(language) {
                wanted.push(*language);
            }
        }
    }
    if wanted.is_empty() {
        wanted.push(
            Language::negotiate(crate::i18n::DEFAULT_LANGUAGE).expect("the default language is built in"),
        );
    }
    for language in wanted {
        check_language(&resume, read, language, today, diagnosis.complete, &mut report);
    }
    // Budgets need a build, which any problem above would fail first.
    if diagnosis.complete && report.errors.is_empty() {
        check_budgets(&resume, read, today, profile, &mut report);
    }
    for problem in report.errors.iter_mut().chain(report.warnings.iter_mut()).chain(report.notes.iter_mut()) {
        if let Some(location) = problem.location.as_deref_mut()
            && location.file == source.path.display().to_string()
            && let Some(line) = source.text.lines().nth(location.line - 1)
        {
            location.source_line = line.trim_end_matches('\r').to_string();
        }
    }
    report
}
