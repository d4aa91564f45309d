//! `resume check`: every problem of a résumé and its translations in one
//! run, each located, in the compiler style users know.

use std::collections::HashSet;

use crate::error::{Error, Location};
use crate::i18n::{Catalogue, Language, UserCatalogue};
use crate::model::{self, Resume, Source, Step, YearMonth, locate};
use crate::select::Selection;
use crate::view;

/// What `check` found.
#[derive(Debug, Default)]
pub struct Report {
    /// Problems that break a build.
    pub errors: Vec<Error>,
    /// Problems worth a look that do not (`--strict` fails on them too).
    pub warnings: Vec<Error>,
}

/// Checks the résumé, its profiles, and its translations into `languages`,
/// every language a profile asks for, and every language with a `.ftl` file.
pub fn check(source: &Source, languages: &[Language], today: YearMonth) -> Report {
    let diagnosis = model::diagnose(source);
    let mut report = Report { errors: diagnosis.problems, warnings: Vec::new() };
    let Some(resume) = diagnosis.resume else { return report };
    // The model may lack entries that had type errors; paths into it are
    // located in the text it was read from, and the lines shown are then
    // taken from the file as the user wrote it.
    let read = &diagnosis.read;
    if diagnosis.complete {
        check_profiles(&resume, read, today, &mut report);
    }
    check_periods(&resume, read, today, &mut report);
    let mut wanted: Vec<Language> = languages.to_vec();
    for profile in resume.profiles.values() {
        for tag in &profile.lang {
            if let Ok(language) = Language::negotiate(tag)
                && !wanted.contains(&language)
            {
                wanted.push(language);
            }
        }
    }
    // A translation file of its own makes a language asked for, too.
    if let Some(dir) = &source.dir {
        for language in crate::i18n::LANGUAGES {
            let has_file = UserCatalogue::find(dir, *language).is_ok_and(|files| !files.is_empty());
            if has_file && !wanted.contains(language) {
                wanted.push(*language);
            }
        }
    }
    if wanted.is_empty() {
        wanted.push(Language::negotiate("ko").expect("ko is built in"));
    }
    for language in wanted {
        check_language(&resume, read, language, today, diagnosis.complete, &mut report);
    }
    // Budgets need a build, which any problem above would fail first.
    if diagnosis.complete && report.errors.is_empty() {
        check_budgets(&resume, read, today, &mut report);
    }
    for problem in report.errors.iter_mut().chain(report.warnings.iter_mut()) {
        if let Some(location) = problem.location.as_deref_mut()
            && location.file == source.path.display().to_string()
            && let Some(line) = source.text.lines().nth(location.line - 1)
        {
            location.source_line = line.trim_end_matches('\r').to_string();
        }
    }
    report
}

/// Each profile's selectors and languages, located at the profile's key.
fn check_profiles(resume: &Resume, source: &Source, today: YearMonth, report: &mut Report) {
    for (name, profile) in &resume.profiles {
        let located = |err: Error, key: &'static str| {
            let path = [Step::Key("profile"), Step::Name(name.clone()), Step::Key(key)];
            let error = Error { message: format!("profile `{name}`: {}", err.message), ..err };
            match locate(source, &path) {
                Some(location) => error.at(location),
                None => error,
            }
        };
        if let Err(err) = Selection::new(&profile.only, &profile.hide, resume, today) {
            let key = if err.message.contains("--hide") { "hide" } else { "only" };
            report.errors.push(located(err, key));
        }
        for tag in &profile.lang {
            if let Err(err) = Language::negotiate(tag) {
                report.errors.push(located(err, "lang"));
            }
        }
        if let Some(paper) = &profile.paper
            && let Err(err) = crate::config::parse_paper(paper)
        {
            report.errors.push(located(err, "paper"));
        }
        if let Some(layout) = &profile.layout {
            let checked = crate::world::Layout::parse(layout)
                .and_then(|layout| crate::config::inside_folder(source, layout))
                .and_then(|layout| match layout {
                    crate::world::Layout::File(path) if !path.is_file() => Err(crate::error::Error::new(
                        format!("the layout `{}` does not exist", path.display()),
                    )
                    .with_hint("give a path relative to resume.toml, or a built-in layout name")),
                    layout => Ok(layout),
                });
            if let Err(err) = checked {
                report.errors.push(located(err, "layout"));
            }
        }
    }
}

/// Builds every profile with a page budget, in each of its languages and in
/// parallel, writing nothing, and reports those that do not fit (with the
/// entries that take the most room) and any character no font has.
fn check_budgets(resume: &Resume, source: &Source, today: YearMonth, report: &mut Report) {
    let configs = match crate::config::budgeted(source, resume, today) {
        Ok(configs) => configs,
        Err(err) => return report.errors.push(err),
    };
    for ((config, _, _), outcome) in crate::pipeline::render_all(&configs) {
        let Err(mut error) = outcome else { continue };
        if error.location.is_none()
            && let Some(name) = &config.profile
            && let Some(location) = budget_line(source, name)
        {
            error = error.at(location);
        }
        report.errors.push(error);
    }
}

/// The `max_pages` line of `[profile.NAME]`, to point a budget error at.
fn budget_line(source: &Source, name: &str) -> Option<Location> {
    let header = source.text.find(&format!("[profile.{name}]"))?;
    let table_end = source.text[header + 1..].find("\n[").map_or(source.text.len(), |i| header + 1 + i);
    let key = source.text[header..table_end].find("max_pages")? + header;
    Some(Location::from_span(&source.path, &source.text, key..key + "max_pages".len()))
}

/// The last year a period is taken to mean: later ones are typos
/// (`9999-12..`), which durations and selections would take at their word.
const LAST_LIKELY_YEAR: u16 = 2100;

fn check_periods(resume: &Resume, source: &Source, today: YearMonth, report: &mut Report) {
    for (index, project) in resume.projects.iter().enumerate() {
        let far = |ym: YearMonth| ym.year > LAST_LIKELY_YEAR;
        let future = match project.period.end {
            _ if far(project.period.start) || project.period.end.is_some_and(far) => Some("lies after 2100"),
            _ if project.period.start > today => Some("starts in the future"),
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

fn check_language(
    resume: &Resume,
    source: &Source,
    language: Language,
    today: YearMonth,
    complete: bool,
    report: &mut Report,
) {
    let user = match &source.dir {
        Some(dir) => match UserCatalogue::find(dir, language) {
            Ok(files) => files,
            Err(err) => return report.errors.push(err),
        },
        None => Vec::new(),
    };
    let catalogue = match Catalogue::new(language, &user) {
        Ok(catalogue) => catalogue,
        Err(err) => return report.errors.push(err),
    };
    let entries = match view::texts(resume, source, &catalogue, today) {
        Ok(entries) => entries,
        Err(err) => return report.errors.push(err),
    };
    check_glyphs(&entries, &user, report);
    for entry in entries.iter().filter(|e| e.foreign_script) {
        let mut warning = Error::new(format!("this text is Korean, but it is printed in `{}` too", language.code))
            .with_hint(format!(
                "give it a `{0}` version, or define `{1} = …` in {0}.ftl; write `{{ all = \"…\" }}` if it is meant for every language",
                language.code, entry.id
            ));
        if let Some(location) = &entry.location {
            warning = warning.at(location.clone());
        }
        report.warnings.push(warning);
    }
    for entry in entries.iter().filter(|e| !e.translated) {
        let has: Vec<&str> = entry.source.iter().map(|(l, _)| l.as_str()).collect();
        let mut error = Error::new(format!("this text has no `{}` version (it has: {})", language.code, has.join(", ")))
            .with_hint(format!(
                "add `{} = \"…\"` to it, or define `{} = …` in {}.ftl; `resume i18n extract --lang {}` lists them all",
                language.code, entry.id, language.code, language.code
            ));
        if let Some(location) = &entry.location {
            error = error.at(location.clone());
        }
        report.errors.push(error);
    }
    if !complete {
        // An override of a blanked entry would look like it overrides nothing.
        return;
    }
    let known: HashSet<&str> = entries.iter().map(|e| e.id.as_str()).collect();
    for file in &user {
        for (id, offset) in message_ids(&file.text) {
            if !known.contains(id.as_str()) && !catalogue.is_builtin(&id) {
                let end = offset + id.len();
                report.warnings.push(
                    Error::new(format!("the message `{id}` overrides nothing"))
                        .at(Location::from_span(&file.path, &file.text, offset..end))
                        .with_hint("check its id against `resume i18n missing --lang …` (every text's id) or `resume export --format json` (the labels); terms start with `-`"),
                );
            }
        }
    }
}

/// Characters no embedded font has, in the résumé's texts and the
/// translation files: `pdf` would refuse them, so `check` says so first.
fn check_glyphs(entries: &[view::TextEntry], user: &[UserCatalogue], report: &mut Report) {
    let mut reported: Vec<char> = report
        .errors
        .iter()
        .filter_map(|e| e.message.strip_prefix("no font has a glyph for `")?.chars().next())
        .collect();
    let mut push = |c: char, location: Option<Location>| {
        if reported.contains(&c) {
            return;
        }
        reported.push(c);
        let mut error = Error::new(format!("no font has a glyph for `{c}` (U+{:04X})", c as u32)).with_hint(
            "remove the character, or build with a font that has it (`resume pdf --font-path DIR`); \
             `--allow-missing-glyphs` builds anyway and prints a box",
        );
        if let Some(location) = location {
            error = error.at(location);
        }
        report.errors.push(error);
    };
    for entry in entries {
        for (_, text) in &entry.source {
            if let Some(c) = text.chars().find(|c| !crate::fonts::covered(*c)) {
                push(c, entry.location.clone());
            }
        }
    }
    for file in user {
        let mut offset = 0;
        for line in file.text.split_inclusive('\n') {
            if !line.trim_start().starts_with('#')
                && let Some((at, c)) = line.char_indices().find(|(_, c)| !crate::fonts::covered(*c))
            {
                let start = offset + at;
                push(c, Some(Location::from_span(&file.path, &file.text, start..start + c.len_utf8())));
            }
            offset += line.len();
        }
    }
}

/// Message ids defined in a Fluent file, with their byte offsets.
fn message_ids(text: &str) -> Vec<(String, usize)> {
    let mut ids = Vec::new();
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let first = line.chars().next().unwrap_or(' ');
        if first.is_ascii_alphabetic()
            && let Some((id, _)) = line.split_once('=')
        {
            ids.push((id.trim().to_string(), offset));
        }
        offset += line.len();
    }
    ids
}
