//! The checks the types cannot express, run on every load: ids (kebab,
//! unique across entries), company references, links and e-mail
//! addresses, required texts that are empty, profile names and output
//! patterns, item ids. Every problem is collected, each located, so that
//! one run reports them all.

use std::collections::HashSet;

use super::source::{Source, Step, closest, locate};
use super::{Bullet, Period, Resume, Text};
use crate::error::Error;

fn invalid(source: &Source, path: &[Step], message: String, hint: &str) -> Error {
    let error = Error::new(message).with_hint(hint);
    match locate(source, path) {
        Some(location) => error.at(location),
        None => error,
    }
}

/// Ids become Fluent message ids and selectors, so they must be kebab-case.
fn is_kebab_id(id: &str) -> bool {
    !id.is_empty()
        && !id.starts_with('-')
        && !id.ends_with('-')
        && !id.contains("--")
        && id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// The checks the types cannot express: ids, links, e-mail addresses.
pub(super) fn check(resume: &Resume, source: &Source, problems: &mut Vec<Error>) {
    check_source_language(resume, source, problems);
    check_ids(resume, source, problems);
    check_letter_kinds(resume, source, problems);
    check_contacts(resume, source, problems);
    check_projects(resume, source, problems);
    check_companies(resume, source, problems);
    check_required_texts(resume, source, problems);
    check_profiles(resume, source, problems);
    check_links(resume, source, problems);
}

/// `[resume] source` names a language of this tool.
fn check_source_language(resume: &Resume, source: &Source, problems: &mut Vec<Error>) {
    if let Some(language) = &resume.settings.source
        && !crate::i18n::LANGUAGES.iter().any(|l| l.code == language)
    {
        let codes: Vec<&str> = crate::i18n::LANGUAGES.iter().map(|l| l.code).collect();
        problems.push(invalid(
            source,
            &[Step::Key("resume"), Step::Key("source")],
            format!(
                "`source = \"{}\"` is not a language of this tool",
                crate::error::escape_controls(language)
            ),
            &format!("write one of: {}", codes.join(", ")),
        ));
    }
}

/// Every id is kebab-case and unique in its namespace, and no free
/// section takes a built-in section's name.
fn check_ids(resume: &Resume, source: &Source, problems: &mut Vec<Error>) {
    let mut seen = HashSet::new();
    let entries = [
        ("company", resume.companies.iter().map(|c| c.id.as_str()).collect::<Vec<_>>()),
        ("project", resume.projects.iter().map(|p| p.id.as_str()).collect()),
        ("education", resume.education.iter().map(|e| e.id.as_str()).collect()),
        ("certification", resume.certifications.iter().map(|c| c.id.as_str()).collect()),
        ("open_source", resume.open_source.iter().map(|c| c.id.as_str()).collect()),
        ("section", resume.sections.iter().map(|s| s.id.as_str()).collect()),
        ("letter", resume.letters.iter().map(|l| l.id.as_str()).collect()),
    ];
    for (table, ids) in entries {
        for (index, id) in ids.into_iter().enumerate() {
            let path = [Step::Key(table), Step::Index(index), Step::Key("id")];
            if !is_kebab_id(id) {
                problems.push(invalid(
                    source,
                    &path,
                    format!("the id `{id}` is not kebab-case"),
                    "use lowercase letters, digits and single dashes, such as `kakao-i-mlops`",
                ));
                continue;
            }
            if table == "section" && (super::SECTIONS.contains(&id) || super::PROJECT_PARTS.contains(&id)) {
                problems.push(invalid(
                    source,
                    &path,
                    format!("the section id `{id}` is taken by a built-in section or project part"),
                    "section ids double as selectors; pick another, such as `talks` or `publications`",
                ));
                continue;
            }
            // Companies and letters live in namespaces of their own: a
            // project may share its company's name, and a letter for a
            // company may take the company's id.
            let key = match table {
                "company" | "letter" => format!("{table}:{id}"),
                _ => id.to_string(),
            };
            if !seen.insert(key) {
                problems.push(invalid(
                    source,
                    &path,
                    format!("the id `{id}` is used twice"),
                    "ids select entries and name their translations, so each must be unique",
                ));
            }
        }
    }
}

/// A letter is a 자기소개서 (questions) or a cover letter (paragraphs), not both.
fn check_letter_kinds(resume: &Resume, source: &Source, problems: &mut Vec<Error>) {
    for (index, letter) in resume.letters.iter().enumerate() {
        if !letter.questions.is_empty() && !letter.paragraphs.is_empty() {
            problems.push(invalid(
                source,
                &[Step::Key("letter"), Step::Index(index), Step::Key("id")],
                format!("the letter `{}` has both questions and paragraphs", letter.id),
                "a 자기소개서 answers `[[letter.question]]`s; a cover letter has `paragraphs`: make two letters",
            ));
        }
    }
}

/// The e-mail, links and phone of the header.
fn check_contacts(resume: &Resume, source: &Source, problems: &mut Vec<Error>) {
    for email in resume.person.email.iter().flat_map(Text::values) {
        if !is_email(email) {
            problems.push(invalid(
                source,
                &[Step::Key("person"), Step::Key("email")],
                format!("`{}` is not an e-mail address", crate::error::escape_controls(email)),
                "write it as `name@example.com`",
            ));
        }
    }
    for (index, link) in resume.person.links.iter().enumerate() {
        let at = [Step::Key("person"), Step::Key("links"), Step::Index(index), Step::Key("url")];
        let path = if matches!(link, crate::model::PersonLink::Account(_)) { &at[..] } else { &at[..3] };
        check_url(source, link.url(), path, problems);
    }
    for phone in resume.person.phone.iter().flat_map(Text::values) {
        if safe_url(&format!("tel:{}", phone.replace(' ', ""))).is_err() {
            problems.push(invalid(
                source,
                &[Step::Key("person"), Step::Key("phone")],
                format!("`{}` is not a phone number", crate::error::escape_controls(phone)),
                "write it with digits, spaces and `+ - ( )` only, such as `+82 10-1234-5678`",
            ));
        }
    }
}

/// Every field that becomes a link, besides `person.links` and project
/// bullets: each must pass [`check_url`].
fn check_links(resume: &Resume, source: &Source, problems: &mut Vec<Error>) {
    let tables = [
        ("certification", resume.certifications.iter().map(|c| c.link.as_deref()).collect::<Vec<_>>()),
        ("open_source", resume.open_source.iter().map(|c| c.link.as_deref()).collect()),
    ];
    for (table, links) in tables {
        for (index, link) in links.into_iter().enumerate() {
            if let Some(url) = link {
                check_url(source, url, &[Step::Key(table), Step::Index(index), Step::Key("link")], problems);
            }
        }
    }
    for (index, education) in resume.education.iter().enumerate() {
        let path = vec![Step::Key("education"), Step::Index(index), Step::Key("details")];
        check_bullets(source, &education.details, path, problems);
    }
    for (index, section) in resume.sections.iter().enumerate() {
        let path = vec![Step::Key("section"), Step::Index(index), Step::Key("items")];
        check_bullets(source, &section.items, path, problems);
        for (n, entry) in section.entries.iter().enumerate() {
            if let Some(url) = &entry.link {
                let path = [
                    Step::Key("section"),
                    Step::Index(index),
                    Step::Key("entry"),
                    Step::Index(n),
                    Step::Key("link"),
                ];
                check_url(source, url, &path, problems);
            }
        }
    }
}

/// Profile names and `output` patterns become file names inside the
/// output folder, so they must be file names: no separators, no `..`, no
/// absolute paths, no control characters. A page budget of 0 pages can
/// never be met.
fn check_profiles(resume: &Resume, source: &Source, problems: &mut Vec<Error>) {
    for (name, profile) in &resume.profiles {
        let at = |key: Option<&'static str>| {
            let mut path = vec![Step::Key("profile"), Step::Name(name.clone())];
            path.extend(key.map(Step::Key));
            path
        };
        if let Some(why) = unsafe_file_name(name) {
            problems.push(invalid(
                source,
                &at(None),
                format!("the profile name `{}` {why}", crate::error::escape_controls(name)),
                "profile names become file names: use letters, digits, `-` and `_`, such as `[profile.en-search]`",
            ));
        }
        if let Some(pattern) = &profile.output {
            let example = pattern.replace("{profile}", name).replace("{lang}", "ko");
            let why = unsafe_file_name(&example).or_else(|| {
                (!example.to_ascii_lowercase().ends_with(".pdf")).then_some("does not end in `.pdf`")
            });
            if let Some(why) = why {
                problems.push(invalid(
                    source,
                    &at(Some("output")),
                    format!("`output = \"{}\"` {why}", crate::error::escape_controls(pattern)),
                    "`output` names a file inside the output folder (`out/`, or `-o`), such as `\"{profile}-{lang}.pdf\"`",
                ));
            }
        }
        if profile.max_pages == Some(0) {
            problems.push(invalid(
                source,
                &at(Some("max_pages")),
                "`max_pages = 0` can never be met".to_string(),
                "give at least 1, or leave `max_pages` out for no budget",
            ));
        }
    }
}

/// Why a text cannot be a plain file name, if it cannot. Beyond what the
/// file system forbids, it refuses what would deceive a reader of the name:
/// characters that reorder or hide text (a right-to-left override turns
/// `cv\u{202E}fdp.exe` into `cvexe.pdf` on screen) and slashes from other
/// blocks that look like path separators.
fn unsafe_file_name(name: &str) -> Option<&'static str> {
    if name.is_empty() || name.trim().is_empty() {
        Some("is empty")
    } else if name.contains(['/', '\\']) {
        Some("holds a path separator")
    } else if name.contains(['\u{2044}', '\u{2215}', '\u{29F8}', '\u{FF0F}', '\u{FF3C}', '\u{29F5}']) {
        Some("holds a character that looks like a path separator")
    } else if name.chars().any(is_invisible_or_reordering) {
        Some("holds an invisible or text-reordering character")
    } else if name == "." || name == ".." || name.starts_with('.') {
        Some("starts with a dot")
    } else if name.chars().any(char::is_control) {
        Some("holds a control character")
    } else if name.len() > 200 {
        Some("is longer than 200 bytes (with `{profile}` and `{lang}` filled in)")
    } else if name.contains(':') {
        Some("holds a colon, which some systems read as a drive or stream")
    } else if name.contains(['"', '<', '>', '|', '?', '*', ';']) {
        Some("holds a character Windows does not allow in a file name (`\"<>|?*`) or `;`")
    } else {
        None
    }
}

/// A project's `company` must name a `[[company]]` once the résumé has
/// any: a typo (`smartcomerce`) would otherwise add an employer to the
/// career summary. A résumé with no `[[company]]` at all may name its
/// employers in plain text.
fn check_companies(resume: &Resume, source: &Source, problems: &mut Vec<Error>) {
    if resume.companies.is_empty() {
        return;
    }
    let ids: Vec<&str> = resume.companies.iter().map(|c| c.id.as_str()).collect();
    for (index, project) in resume.projects.iter().enumerate() {
        if let Some(company) = resume.companies.iter().find(|c| c.id == project.company)
            && let Some(employment) = company.period
            && let Some(period) = project.period
            && outside(period, employment)
        {
            problems.push(invalid(
                source,
                &[Step::Key("project"), Step::Index(index), Step::Key("period")],
                format!(
                    "the project `{}` ({}) runs outside the employment at `{}` ({})",
                    project.id, period, company.id, employment
                ),
                "a project happens during its employment: correct its period, or the company's `period` \
                 (as the certificate of employment states it)",
            ));
        }
        // An empty company is a project of no employer (a side project).
        if project.company.is_empty() || ids.contains(&project.company.as_str()) {
            continue;
        }
        let mut hint = format!("the companies of this résumé are: {}", ids.join(", "));
        if let Some(near) = closest(&project.company, &ids) {
            hint = format!("did you mean `{near}`? {hint}");
        } else {
            hint.push_str("; add a `[[company]]` with this id");
        }
        problems.push(invalid(
            source,
            &[Step::Key("project"), Step::Index(index), Step::Key("company")],
            format!(
                "`company = \"{}\"` names no `[[company]]`",
                crate::error::escape_controls(&project.company)
            ),
            &hint,
        ));
    }
}

/// Whether `inner` starts before `outer` or ends after it (an ongoing
/// period ends after any period that has ended).
fn outside(inner: Period, outer: Period) -> bool {
    inner.start < outer.start
        || match (inner.end, outer.end) {
            (_, None) => false,
            (None, Some(_)) => true,
            (Some(a), Some(b)) => a > b,
        }
}

/// A text an entry cannot do without (a name, a school, a title) must not
/// be empty in any language it is given in: `name = ""` would print a
/// header with no name.
fn check_required_texts(resume: &Resume, source: &Source, problems: &mut Vec<Error>) {
    let mut required: Vec<(Vec<Step>, &Text)> =
        vec![(vec![Step::Key("person"), Step::Key("name")], &resume.person.name)];
    let tables: [(&'static str, &'static str, Vec<&Text>); 6] = [
        ("company", "name", resume.companies.iter().map(|c| &c.name).collect()),
        ("project", "name", resume.projects.iter().map(|p| &p.name).collect()),
        ("education", "school", resume.education.iter().map(|e| &e.school).collect()),
        ("certification", "name", resume.certifications.iter().map(|c| &c.name).collect()),
        ("open_source", "name", resume.open_source.iter().map(|c| &c.name).collect()),
        ("section", "title", resume.sections.iter().map(|s| &s.title).collect()),
    ];
    for (table, key, texts) in tables {
        for (index, text) in texts.into_iter().enumerate() {
            required.push((vec![Step::Key(table), Step::Index(index), Step::Key(key)], text));
        }
    }
    for (index, section) in resume.sections.iter().enumerate() {
        for (n, entry) in section.entries.iter().enumerate() {
            let path = [Step::Key("section"), Step::Index(index), Step::Key("entry"), Step::Index(n)];
            required.push(([path.as_slice(), &[Step::Key("name")]].concat(), &entry.name));
        }
    }
    for (path, text) in required {
        let empty = match text {
            Text::Plain(plain) => plain.trim().is_empty(),
            Text::Localized(map) => map.is_empty() || map.values().any(|t| t.trim().is_empty()),
        };
        if empty {
            let key = match path.last() {
                Some(Step::Key(key)) => *key,
                _ => "text",
            };
            problems.push(invalid(
                source,
                &path,
                format!("`{key}` is empty"),
                "write it out; a language that has no text yet can be left out of `{ ko = …, en = … }`",
            ));
        }
    }
}

/// Format characters (zero-width spaces and joiners, bidirectional
/// controls, the byte-order mark) and line or paragraph separators.
fn is_invisible_or_reordering(c: char) -> bool {
    matches!(c,
        '\u{00AD}' | '\u{061C}' | '\u{180E}' | '\u{200B}'..='\u{200F}' | '\u{2028}'..='\u{202E}'
        | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{206F}' | '\u{FEFF}' | '\u{FFF9}'..='\u{FFFB}')
}

fn check_projects(resume: &Resume, source: &Source, problems: &mut Vec<Error>) {
    for (p, project) in resume.projects.iter().enumerate() {
        let at = |key| vec![Step::Key("project"), Step::Index(p), Step::Key(key)];
        check_bullets(source, &project.responsibilities, at("responsibilities"), problems);
        check_bullets(source, &project.achievements, at("achievements"), problems);
        for (t, trouble) in project.troubleshooting.iter().enumerate() {
            if let Some(id) = &trouble.id {
                let mut at = at("troubleshooting");
                at.extend([Step::Index(t), Step::Key("id")]);
                check_item_id(source, id, &at, problems);
            }
            if let Some(url) = &trouble.link {
                let mut path = at("troubleshooting");
                path.extend([Step::Index(t), Step::Key("link")]);
                check_url(source, url, &path, problems);
            }
        }
    }
}

fn check_bullets(source: &Source, bullets: &[Bullet], path: Vec<Step>, problems: &mut Vec<Error>) {
    for (index, bullet) in bullets.iter().enumerate() {
        let mut here = path.clone();
        here.push(Step::Index(index));
        if let Some(id) = &bullet.id {
            let mut at = here.clone();
            at.push(Step::Key("id"));
            check_item_id(source, id, &at, problems);
        }
        if let Some(url) = &bullet.link {
            let mut link = here.clone();
            link.push(Step::Key("link"));
            check_url(source, url, &link, problems);
        }
        let mut items = here;
        items.push(Step::Key("items"));
        check_bullets(source, &bullet.items, items, problems);
    }
}

/// An item's own id becomes part of a message id, so it is kebab-case.
fn check_item_id(source: &Source, id: &str, path: &[Step], problems: &mut Vec<Error>) {
    if !is_kebab_id(id) {
        problems.push(invalid(
            source,
            path,
            format!("the id `{}` is not kebab-case", crate::error::escape_controls(id)),
            "use lowercase letters, digits and single dashes, such as `ranking-rewrite`",
        ));
    }
}

fn check_url(source: &Source, url: &str, path: &[Step], problems: &mut Vec<Error>) {
    if let Err(why) = safe_url(url) {
        let shown: String = crate::error::escape_controls(&url.chars().take(80).collect::<String>());
        let ellipsis = if url.chars().count() > 80 { "…" } else { "" };
        problems.push(invalid(
            source,
            path,
            format!("`{shown}{ellipsis}` {why}"),
            "links may be `https://…`, `http://…`, `mailto:…` or `tel:…`; write the whole address, such as `https://example.com/post`",
        ));
    }
}

/// The longest link accepted: browsers and PDF viewers handle far less
/// reliably beyond it, and no real address needs more.
const MAX_URL: usize = 2000;

/// The one check for every text that becomes a link in a document: only
/// web, mail and phone links, so that a résumé cannot carry a
/// `javascript:` or `file:` action into a PDF viewer. Says why not.
pub fn safe_url(url: &str) -> std::result::Result<(), &'static str> {
    if url.len() > MAX_URL {
        return Err("is longer than 2,000 characters");
    }
    if url.chars().any(|c| c.is_whitespace() || c.is_control() || matches!(c, '<' | '>' | '"' | '`' | '\\')) {
        return Err("is not a link: it holds spaces, quotes, angle brackets or control characters");
    }
    let lower = url.to_ascii_lowercase();
    if let Some(rest) = lower.strip_prefix("https://").or_else(|| lower.strip_prefix("http://")) {
        let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
        let host = host.rsplit('@').next().unwrap_or_default();
        return if host.contains('.') && !host.starts_with('.') && !host.ends_with('.') {
            Ok(())
        } else {
            Err("is not a web address: its host has no domain")
        };
    }
    if let Some(address) = lower.strip_prefix("mailto:") {
        // A query (`?subject=…&body=…`) would write the reader's mail for
        // them: a contact link is an address, nothing more.
        return if address.contains('?') {
            Err("is a mail link with a prefilled subject or body; give the address alone")
        } else if is_email(address) {
            Ok(())
        } else {
            Err("is not a mail link")
        };
    }
    if let Some(number) = lower.strip_prefix("tel:") {
        let digits = number.chars().filter(char::is_ascii_digit).count();
        return if digits >= 3 && number.chars().all(|c| c.is_ascii_digit() || "+-.()".contains(c)) {
            Ok(())
        } else {
            Err("is not a phone link")
        };
    }
    Err("is not a web address")
}

/// Whether a text reads as an e-mail address: someone, an `@`, a domain
/// with a dot; the one rule for `email` and `mailto:` links alike.
pub fn is_email(text: &str) -> bool {
    match text.split_once('@') {
        Some((user, domain)) => {
            !user.is_empty()
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && !text.chars().any(|c| c.is_whitespace() || c.is_control() || "<>\"`\\()[],;:".contains(c))
        }
        None => false,
    }
}

/// A text's language entries, for messages naming what a text lacks.
pub fn languages_of(text: &Text) -> Vec<&str> {
    match text {
        Text::Plain(_) => vec![],
        Text::Localized(map) => map.keys().map(String::as_str).collect(),
    }
}
