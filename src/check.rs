//! `resume check`: every problem of a résumé and its translations in one
//! run, each located, in the compiler style users know.

use std::collections::HashSet;

use crate::error::{Error, Location};
use crate::i18n::{Catalogue, Language, UserCatalogue};
use crate::localize;
use crate::model::{self, Resume, Source, Step, YearMonth, locate};

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

/// Each profile's selectors, languages, paper and layout, checked as
/// `pdf --profile NAME` checks them (see [`crate::build::profile_problems`]).
fn check_profiles(resume: &Resume, source: &Source, today: YearMonth, complete: bool, report: &mut Report) {
    for (name, profile) in &resume.profiles {
        report.errors.extend(crate::build::profile_problems(name, profile, source, resume, today, complete));
        check_document_fields(name, profile, resume, source, report);
        check_layout_sections(name, profile, resume, source, report);
        // A photo is the norm on a Korean form, and out of place on an
        // English résumé, which recruiters abroad may have to discard.
        let english = profile.lang.iter().any(|l| l.starts_with("en"));
        if profile.photo == Some(true) && english {
            let mut warning = Error::warning(format!(
                "profile `{name}` puts the photo on an English résumé"
            ))
            .with_hint("recruiters in the US and Europe expect no photo, and some must discard a résumé with one; remove `photo = true`");
            let path = [Step::Key("profile"), Step::Name(name.clone()), Step::Key("photo")];
            if let Some(location) = locate(source, &path) {
                warning = warning.at(location);
            }
            report.warnings.push(warning);
        }
    }
}

/// The sections of the résumé a profile's own layout never reads: each
/// built-in layout prints every section, but a layout of the user's may
/// have been written before the résumé had awards, say, and would leave
/// them out of that one document in silence. A warning at the profile's
/// `layout`, naming the sections and the view field to print.
fn check_layout_sections(
    name: &str,
    profile: &model::Profile,
    resume: &Resume,
    source: &Source,
    report: &mut Report,
) {
    let Some(field) = &profile.layout else { return };
    let Ok(crate::typeset::world::Layout::File(path)) = crate::build::profile_layout(source, field) else {
        return;
    };
    let Ok(Some(layout)) = crate::input::read_text(&path) else { return };
    let has = [
        ("summary", resume.summary.is_some()),
        ("skills", !resume.projects.is_empty()),
        ("education", !resume.education.is_empty()),
        ("certifications", !resume.certifications.is_empty()),
        ("language_tests", !resume.language_tests.is_empty()),
        ("awards", !resume.awards.is_empty()),
        ("open_source", !resume.open_source.is_empty()),
        ("sections", !resume.sections.is_empty()),
    ];
    let unread: Vec<String> = has
        .into_iter()
        .filter(|(field, present)| *present && !layout.contains(&format!(".{field}")))
        .map(|(field, _)| format!("`data.{field}`"))
        .collect();
    if unread.is_empty() {
        return;
    }
    let mut warning = Error::warning(format!(
        "profile `{name}` uses the layout `{field}`, which never prints {} of this résumé",
        unread.join(", ")
    ))
    .with_hint("every layout should print every section the résumé has; see how `resume layout new NAME` lays them out, or remove them from the résumé");
    let path = [Step::Key("profile"), Step::Name(name.to_string()), Step::Key("layout")];
    if let Some(location) = locate(source, &path) {
        warning = warning.at(location);
    }
    report.warnings.push(warning);
}

/// What a profile's documents need that the résumé lacks: the 이력서
/// form's details, a cover letter's addressee, greeting and sign-off. Each
/// is a warning at the profile's `documents`: the document builds, with
/// blanks where they are missing.
fn check_document_fields(
    name: &str,
    profile: &model::Profile,
    resume: &Resume,
    source: &Source,
    report: &mut Report,
) {
    let mut missing: Vec<(String, Vec<&str>)> = Vec::new();
    for document in &profile.documents {
        match crate::build::Document::parse(document, resume) {
            Ok(crate::build::Document::Form) => {
                let person = &resume.person;
                let fields: Vec<&str> = [
                    ("person.birth_date", person.birth_date.is_none()),
                    ("person.phone", person.phone.is_none()),
                    ("person.email", person.email.is_none()),
                    ("person.address", person.address.is_none()),
                    ("[[education]]", resume.education.is_empty()),
                ]
                .into_iter()
                .filter_map(|(field, absent)| absent.then_some(field))
                .collect();
                if !fields.is_empty() {
                    missing.push((document.clone(), fields));
                }
            }
            Ok(crate::build::Document::Letter(id)) => {
                let Some(letter) = resume.letters.iter().find(|l| l.id == id) else { continue };
                let fields: Vec<&str> = if letter.questions.is_empty() {
                    [
                        ("addressee", letter.addressee.is_none()),
                        ("salutation", letter.salutation.is_none()),
                        ("closing", letter.closing.is_none()),
                    ]
                    .into_iter()
                    .filter_map(|(field, absent)| absent.then_some(field))
                    .collect()
                } else {
                    letter
                        .questions
                        .iter()
                        .any(|q| q.limit.is_none())
                        .then_some("a `limit` on every question")
                        .into_iter()
                        .collect()
                };
                if !fields.is_empty() {
                    missing.push((document.clone(), fields));
                }
            }
            _ => {}
        }
    }
    for (document, fields) in missing {
        let mut warning = Error::warning(format!(
            "profile `{name}` builds `{document}`, which needs {} the résumé does not give",
            fields.join(", ")
        ))
        .with_hint(
            "the document builds with blanks there; fill them in, or drop the document from `documents`",
        );
        let path = [Step::Key("profile"), Step::Name(name.to_string()), Step::Key("documents")];
        if let Some(location) = locate(source, &path) {
            warning = warning.at(location);
        }
        report.warnings.push(warning);
    }
}

/// Builds every profile with a page budget, in each of its languages and in
/// parallel, writing nothing, and reports those that do not fit (with the
/// entries that take the most room) and any character no font has.
fn check_budgets(
    resume: &Resume,
    source: &Source,
    today: YearMonth,
    profile: Option<&str>,
    report: &mut Report,
) {
    let configs = match crate::build::budgeted(source, resume, today) {
        Ok(configs) => configs,
        Err(err) => return report.errors.push(err),
    };
    let configs: Vec<_> =
        configs.into_iter().filter(|c| profile.is_none() || c.profile.as_deref() == profile).collect();
    for ((config, _, _), outcome) in crate::build::render_all(&configs) {
        let mut error = match outcome {
            Ok((_, warnings)) => {
                // What the profile's build warns about, once each.
                for warning in warnings {
                    if !report.warnings.iter().any(|w| w.message == warning.message) {
                        report.warnings.push(warning);
                    }
                }
                continue;
            }
            Err(error) => error,
        };
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

/// Every answer against its limit, in every language it is written in:
/// over the maximum is an error (the portal cuts or refuses it), under the
/// minimum a warning, under 80 % of the maximum a note.
fn check_letters(resume: &Resume, source: &Source, report: &mut Report) {
    use crate::letters::{Verdict, thousands};
    for letter in &resume.letters {
        for question in &letter.questions {
            let Some(limit) = &question.limit else { continue };
            // A text written once is one answer, whatever the language.
            let languages: Vec<Option<&str>> = match &question.answer {
                model::Text::Plain(_) => vec![None],
                localized => model::languages_of(localized).into_iter().map(Some).collect(),
            };
            for lang in languages {
                let (text, asked) = match lang {
                    Some(lang) => (question.answer.get(lang), question.question.get(lang)),
                    None => (Some(question.answer.any()), None),
                };
                let Some(text) = text else { continue };
                let n = limit.measure(text);
                let count = format!("{} {}", thousands(n), limit.unit_name());
                let asked = asked.unwrap_or_else(|| question.question.any());
                let what = match lang {
                    Some(lang) => format!("the `{lang}` answer to “{asked}” in the letter `{}`", letter.id),
                    None => format!("the answer to “{asked}” in the letter `{}`", letter.id),
                };
                let problem = match limit.verdict(text) {
                    Verdict::Over(by) => Error::new(format!("{what} is {} over its limit: {count}, {limit}", thousands(by)))
                        .with_hint("shorten it: a portal cuts or refuses an answer over its limit (`resume letter count` shows every count)"),
                    Verdict::Under(by) => Error::warning(format!("{what} is {} short of its minimum: {count}, {limit}", thousands(by)))
                        .with_hint("a portal may refuse an answer under its minimum"),
                    Verdict::Short(room) => Error::new(format!("{what} uses under 80 % of its limit: {count}, {limit}; {} left", thousands(room)))
                        .with_hint("there is room to say more")
                        .into_note(),
                    Verdict::Fits(_) => continue,
                };
                let l = resume
                    .letters
                    .iter()
                    .position(|x| std::ptr::eq(x, letter))
                    .expect("a letter of this résumé");
                let q = letter
                    .questions
                    .iter()
                    .position(|x| std::ptr::eq(x, question))
                    .expect("a question of it");
                let mut path = vec![
                    Step::Key("letter"),
                    Step::Index(l),
                    Step::Key("question"),
                    Step::Index(q),
                    Step::Key("answer"),
                ];
                if let Some(lang) = lang {
                    path.push(Step::Name(lang.to_string()));
                }
                let problem = match locate(source, &path).or_else(|| locate(source, &path[..5])) {
                    Some(location) => problem.at(location),
                    None => problem,
                };
                match problem.severity {
                    crate::error::Severity::Error => report.errors.push(problem),
                    crate::error::Severity::Warning => report.warnings.push(problem),
                    crate::error::Severity::Note => report.notes.push(problem),
                }
            }
        }
    }
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
    let entries = match localize::texts(resume, source, &catalogue, today) {
        Ok(entries) => entries,
        Err(err) => return report.errors.push(err),
    };
    check_glyphs(&entries, &user, report);
    for entry in entries.iter().filter(|e| e.foreign_script) {
        let written_in = match entry.source.first() {
            Some((lang, _)) if lang != crate::model::SHARED => format!("written in `{lang}`"),
            _ => "Korean".to_string(),
        };
        let mut warning = Error::warning(format!(
            "this text is {written_in}, but it is printed in `{}` too",
            language.code
        ))
            .with_hint(format!(
                "give it a `{0}` version, or define `{1} = …` in {0}.ftl; write `{{ all = \"…\" }}` if it is meant for every language",
                language.code, entry.id
            ));
        if let Some(location) = &entry.location {
            warning = warning.at(location.clone());
        }
        report.warnings.push(warning);
    }
    let known: HashSet<&str> = entries.iter().map(|e| e.id.as_str()).collect();
    // Messages of the user's files that no text has: translations of an
    // earlier version of a text, or typos.
    let orphans: Vec<(&UserCatalogue, String, usize)> = if complete {
        user.iter()
            .flat_map(|file| message_ids(&file.text).into_iter().map(move |(id, at)| (file, id, at)))
            .filter(|(_, id, _)| !known.contains(id.as_str()) && !catalogue.is_builtin(id))
            .collect()
    } else {
        // An override of a blanked entry would look like it overrides nothing.
        Vec::new()
    };
    let mut paired: HashSet<String> = HashSet::new();
    let missing: Vec<&localize::TextEntry> = entries.iter().filter(|e| !e.translated).collect();
    for entry in &missing {
        // A text whose source changed has a new id; its old translation
        // is the one orphan in the same place of the same list.
        let same_slot: Vec<&(&UserCatalogue, String, usize)> =
            orphans.iter().filter(|(_, id, _)| same_slot(id, &entry.id)).collect();
        let rivals =
            missing.iter().filter(|m| same_slot.iter().any(|(_, id, _)| same_slot_ids(id, &m.id))).count();
        let mut error = match (same_slot.as_slice(), rivals) {
            ([(file, old, _)], 1) => {
                paired.insert(old.clone());
                stale_error(language, entry, file, old)
            }
            _ => {
                let has: Vec<&str> = entry.source.iter().map(|(l, _)| l.as_str()).collect();
                Error::new(format!("this text has no `{}` version (it has: {})", language.code, has.join(", "))).with_hint(
                    format!(
                        "add `{} = \"…\"` to it, or define `{} = …` in {}.ftl; `resume i18n extract --lang {} --write` adds them all",
                        language.code, entry.id, language.code, language.code
                    ),
                )
            }
        };
        if let Some(location) = &entry.location {
            error = error.at(location.clone());
        }
        report.errors.push(error);
    }
    report.warnings.extend(changed_sources(language, &entries, &user));
    for (file, id, offset) in &orphans {
        if paired.contains(id) {
            continue;
        }
        let end = offset + id.len();
        report.warnings.push(
            Error::new(format!("the message `{id}` overrides nothing"))
                .at(Location::from_span(&file.path, &file.text, *offset..end))
                .with_hint("check its id against `resume i18n missing --lang …` (every text's id) or `resume export --format json` (the labels); terms start with `-`"),
        );
    }
}

/// Translations whose source changed since they were made: a text with a
/// fixed id (a description, a summary, a name, a title) keeps its id when
/// it is edited, so its translation would print the old meaning silently.
/// `i18n extract` writes the source above each message (`# en: …`); when
/// it no longer matches the source, the translation is stale. A warning
/// (`--strict` fails) at the message, with both sources and the translation.
fn changed_sources(
    language: Language,
    entries: &[localize::TextEntry],
    user: &[UserCatalogue],
) -> Vec<Error> {
    let squash = |t: &str| t.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut warnings = Vec::new();
    for entry in entries.iter().filter(|e| e.translated && !e.source.is_empty()) {
        for file in user {
            let Some((_, offset)) = message_ids(&file.text).into_iter().find(|(id, _)| *id == entry.id)
            else {
                continue;
            };
            let Some(was) = source_comment_above(&file.text, &entry.id) else { continue };
            let Some((lang, text)) = was.split_once(": ") else { continue };
            let Some((_, now)) = entry.source.iter().find(|(l, _)| l == lang) else { continue };
            if squash(text) == squash(now) {
                continue;
            }
            let translation = message_value(&file.text, &entry.id).unwrap_or_default();
            let detail = format!(
                "  the source was: {lang}: {text}\n  the source is:  {lang}: {now}\n  the `{}` text:   {translation}",
                language.code
            );
            let mut warning = Error::warning(format!(
                "the `{}` translation `{}` is stale: its source changed since it was made",
                language.code, entry.id
            ))
            .with_detail(detail)
            .with_hint(format!(
                "bring the translation up to date, then the `# {lang}: …` comment above it to the source as it is now"
            ))
            .at(Location::from_span(&file.path, &file.text, offset..offset + entry.id.len()));
            if let Some(location) = &entry.location {
                warning.hint = warning
                    .hint
                    .map(|h| format!("{h} (the source is at {}:{})", location.file, location.line));
            }
            warnings.push(warning);
        }
    }
    warnings
}

/// Whether two message ids are the same item's place in one list: the same
/// up to the item's key, and the same after it (`-problem`).
fn same_slot(a: &str, b: &str) -> bool {
    a != b && same_slot_ids(a, b)
}

fn same_slot_ids(a: &str, b: &str) -> bool {
    let common = a.bytes().zip(b.bytes()).take_while(|(x, y)| x == y).count();
    let stem = &a[..a[..common].rfind('-').map_or(0, |i| i + 1)];
    if stem.is_empty() {
        return false;
    }
    let rest = |id: &str| {
        let tail = &id[stem.len()..];
        tail.find('-').map_or(String::new(), |i| tail[i..].to_string())
    };
    !a[stem.len()..].is_empty() && !b[stem.len()..].is_empty() && rest(a) == rest(b)
}

/// A translation of an earlier version of a text: what it said then, what
/// the source says now, and the translation, so it can be brought up to
/// date.
fn stale_error(language: Language, entry: &localize::TextEntry, file: &UserCatalogue, old: &str) -> Error {
    let was = source_comment_above(&file.text, old);
    let now = entry.source.first().map(|(l, t)| format!("{l}: {t}")).unwrap_or_default();
    let translation = message_value(&file.text, old).unwrap_or_default();
    let mut detail = Vec::new();
    if let Some(was) = was {
        detail.push(format!("  the source was: {was}"));
    }
    detail.push(format!("  the source is:  {now}"));
    detail.push(format!("  the `{}` text:   {translation}", language.code));
    Error::new(format!(
        "the `{}` translation of this text is stale: its source changed since `{old}` was written in {}",
        language.code,
        file.path.display()
    ))
    .with_detail(detail.join("\n"))
    .with_hint(format!(
        "bring the translation up to date and rename `{old}` to `{}` in {}",
        entry.id,
        file.path.display()
    ))
}

/// The `# ko: …` comment `i18n extract` wrote above a message, if kept.
fn source_comment_above(text: &str, id: &str) -> Option<String> {
    let lines: Vec<&str> = text.lines().collect();
    let at =
        lines.iter().position(|l| l.strip_prefix(id).is_some_and(|r| r.trim_start().starts_with('=')))?;
    lines[..at]
        .iter()
        .rev()
        .take_while(|l| l.starts_with('#'))
        .find_map(|l| {
            l.strip_prefix("# ").filter(|c| c.len() > 3 && c.as_bytes()[2] == b':' && !c.contains(" = "))
        })
        .map(str::to_string)
}

/// The first line of a message's value.
fn message_value(text: &str, id: &str) -> Option<String> {
    text.lines()
        .find_map(|l| l.strip_prefix(id).and_then(|r| r.trim_start().strip_prefix('=')))
        .map(|v| v.trim().to_string())
}

/// Characters no embedded font has, in the résumé's texts and the
/// translation files: `pdf` would refuse them, so `check` says so first.
fn check_glyphs(entries: &[localize::TextEntry], user: &[UserCatalogue], report: &mut Report) {
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
            if let Some(c) = text.chars().find(|c| !crate::typeset::fonts::covered(*c)) {
                push(c, entry.location.clone());
            }
        }
    }
    for file in user {
        let mut offset = 0;
        for line in file.text.split_inclusive('\n') {
            if !line.trim_start().starts_with('#')
                && let Some((at, c)) = line.char_indices().find(|(_, c)| !crate::typeset::fonts::covered(*c))
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
