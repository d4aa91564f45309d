//! RenderCV's YAML (`John_Doe_CV.yaml`), read into a `resume.toml`.
//!
//! RenderCV keeps a CV as `cv:` (the person, then `sections:` of any
//! title, each a list of one kind of entry) beside `design:` and
//! `locale:`, which set its own look and are ignored here. Entries are
//! told apart by their keys, as RenderCV tells them: experience
//! (`company`, `position`) becomes an employer with a project, education
//! (`institution`, `area`) a school, a publication (`title`, `authors`) a
//! `[[publication]]`, a normal entry (`name`) a project of one's own in a
//! section of projects and a free section's entry elsewhere, one-line
//! entries (`label`, `details`) entries with their keywords, and bullets,
//! numbered entries and plain text a free section's bullets (a section of
//! text titled like a summary is the summary). Markdown inside any text is
//! read as plain text, its links kept, each such field named.

use std::path::Path;

use serde_json::Value;

use super::import::{Imported, is_ongoing};
use super::jsonresume::{Importer, month};
use super::markup::{self, Kind};
use crate::error::{Error, Location, Result};
use crate::i18n::Language;
use crate::model::{
    Account, Bullet, Education, Period, Person, PersonLink, Project, Publication, Resume, Role, Roles,
    Section, SectionEntry, Text, YearMonth,
};

/// Keys whose values are addresses, dates or codes, never prose.
const CODE_KEYS: &[&str] = &[
    "email",
    "phone",
    "website",
    "url",
    "doi",
    "start_date",
    "end_date",
    "date",
    "username",
    "network",
    "photo",
    "number",
    "reversed_number",
    "fontawesome_icon",
];

/// Section titles that hold one's own projects (normal entries there are
/// projects, not a free section's entries).
const PROJECT_TITLES: &[&str] = &[
    "projects",
    "project",
    "personal projects",
    "side projects",
    "selected projects",
    "프로젝트",
    "개인 프로젝트",
];

/// Section titles whose text is the summary.
const SUMMARY_TITLES: &[&str] = &["summary", "about", "about me", "profile", "요약", "소개", "자기소개"];

/// How RenderCV's texts are read for markup.
fn text_kind(key: &str, list: Option<&str>) -> Kind {
    match (key, list) {
        (key, _) if CODE_KEYS.contains(&key) => Kind::Code,
        (_, Some("highlights")) => Kind::Bullet,
        (_, Some("authors")) => Kind::Name,
        ("bullet", _) => Kind::Bullet,
        _ => Kind::Prose,
    }
}

/// The strings of a RenderCV file's `cv` that are prose, joined: what its
/// language is told from.
pub fn prose(text: &str) -> String {
    fn strings(value: &Value, key: &str, out: &mut String) {
        match value {
            Value::String(text) if !CODE_KEYS.contains(&key) => {
                out.push_str(text);
                out.push('\n');
            }
            Value::Array(items) => items.iter().for_each(|v| strings(v, key, out)),
            Value::Object(map) => map.iter().for_each(|(k, v)| strings(v, k, out)),
            _ => {}
        }
    }
    let mut out = String::new();
    if let Ok(yaml) = serde_yaml::from_str::<serde_yaml::Value>(text)
        && let Some(cv) = yaml.get("cv")
        && let Ok(cv) = serde_json::to_value(cv)
    {
        strings(&cv, "", &mut out);
    }
    out
}

/// Reads `text` (the contents of `file`) as a RenderCV file, with its prose
/// in `lang`.
pub fn import(text: &str, file: &Path, lang: Language) -> Result<Imported> {
    let yaml: serde_yaml::Value = serde_yaml::from_str(text).map_err(|err| syntax_error(&err, text, file))?;
    let Some(top) = yaml.as_mapping() else { return Err(not_rendercv(text, file)) };
    let Some(cv) = yaml.get("cv").and_then(serde_yaml::Value::as_mapping) else {
        return Err(not_rendercv(text, file));
    };
    let mut reader = Reader { importer: Importer::new(lang)?, converted: Vec::new() };
    for key in top.keys().filter_map(serde_yaml::Value::as_str) {
        match key {
            "cv" => {}
            "design" | "locale" | "locale_catalog" | "rendercv_settings" => reader.importer.note(
                key,
                "sets RenderCV's own look and wording; ignored (`resume` has its layouts, `--accent`, `--font-size` and both languages)",
            ),
            other => reader.importer.left_out(other),
        }
    }
    let resume = reader.resume(cv)?;
    let mut notes = reader.converted;
    notes.extend(reader.importer.notes);
    let header = "# Imported from RenderCV; run `resume check` and add the other languages.\n";
    let toml = super::import::printable_toml(&resume, header, &mut notes);
    Ok(Imported { toml, skipped: notes })
}

fn syntax_error(err: &serde_yaml::Error, text: &str, file: &Path) -> Error {
    let offset = err.location().map_or(0, |l| l.index()).min(text.len().saturating_sub(1));
    let message = err.to_string();
    let message = message.split(" at line ").next().unwrap_or(&message).to_string();
    Error::new(format!("this is not a RenderCV file: {message}"))
        .at(Location::from_span(file, text, offset..(offset + 1).min(text.len())))
        .with_hint("a RenderCV file is YAML with a `cv:` holding `name`, `sections`, …")
}

fn not_rendercv(text: &str, file: &Path) -> Error {
    let start = text.len() - text.trim_start().len();
    Error::new("this YAML file is not a RenderCV file: it has no `cv:` mapping")
        .at(Location::from_span(file, text, start..(start + 1).min(text.len())))
        .with_hint("a RenderCV file starts with `cv:`, holding `name`, `email`, `sections`, …")
}

/// A text of a YAML value: strings as written, numbers (`2002`) as read.
fn text_of(value: Option<&Value>) -> Option<String> {
    match value? {
        Value::String(text) => Some(text.trim().to_string()).filter(|t| !t.is_empty()),
        Value::Number(number) => Some(number.to_string()),
        _ => None,
    }
}

/// RenderCV's section keys are titles in snake case: `quick_guide` reads
/// `Quick guide`.
fn title_of(key: &str) -> String {
    let spaced = key.replace('_', " ");
    let mut chars = spaced.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => spaced,
    }
}

/// The address of a user's page on a network RenderCV knows.
fn network_url(network: &str, username: &str) -> Option<String> {
    let user = username.trim().trim_start_matches('@');
    let url = match network.to_ascii_lowercase().replace(' ', "").as_str() {
        "linkedin" => format!("https://linkedin.com/in/{user}"),
        "github" => format!("https://github.com/{user}"),
        "gitlab" => format!("https://gitlab.com/{user}"),
        "instagram" => format!("https://instagram.com/{user}"),
        "orcid" => format!("https://orcid.org/{user}"),
        "stackoverflow" => format!("https://stackoverflow.com/users/{user}"),
        "researchgate" => format!("https://researchgate.net/profile/{user}"),
        "youtube" => format!("https://youtube.com/@{user}"),
        "googlescholar" => format!("https://scholar.google.com/citations?user={user}"),
        "telegram" => format!("https://t.me/{user}"),
        "x" | "twitter" => format!("https://x.com/{user}"),
        "imdb" => format!("https://imdb.com/name/{user}"),
        "mastodon" => {
            // `@user@instance.social`.
            let (name, host) = user.split_once('@')?;
            format!("https://{host}/@{name}")
        }
        _ => return None,
    };
    Some(url)
}

/// What a section's entries are, told by their keys as RenderCV tells them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Entry {
    Text,
    Bullet,
    Numbered,
    OneLine,
    Publication,
    Education,
    Experience,
    Normal,
}

fn entry_kind(value: &Value) -> Option<Entry> {
    let map = match value {
        Value::String(_) => return Some(Entry::Text),
        Value::Object(map) => map,
        _ => return None,
    };
    let has = |key: &str| map.contains_key(key);
    Some(match () {
        _ if has("bullet") => Entry::Bullet,
        _ if has("number") || has("reversed_number") => Entry::Numbered,
        _ if has("label") && has("details") => Entry::OneLine,
        _ if has("title") && has("authors") => Entry::Publication,
        _ if has("institution") => Entry::Education,
        _ if has("company") => Entry::Experience,
        _ if has("name") => Entry::Normal,
        _ => return None,
    })
}

struct Reader {
    importer: Importer,
    /// Notes on texts whose markup was converted, first.
    converted: Vec<String>,
}

impl Reader {
    /// The value at `place` as JSON, its markup converted.
    fn json(&mut self, value: &serde_yaml::Value, place: &str) -> Value {
        let mut json = serde_json::to_value(value).unwrap_or(Value::Null);
        let mut changed = Vec::new();
        markup::plain_json(&mut json, text_kind, &mut changed);
        for path in changed {
            let at = match path.as_str() {
                "" => place.to_string(),
                p if p.starts_with('[') => format!("{place}{p}"),
                p => format!("{place}.{p}"),
            };
            self.converted
                .push(format!("{at}: holds Markdown or HTML markup; imported as plain text, its links kept"));
        }
        json
    }

    fn resume(&mut self, cv: &serde_yaml::Mapping) -> Result<Resume> {
        let mut resume = Resume {
            settings: Default::default(),
            person: Person {
                name: Text::Plain(String::new()),
                headline: None,
                email: None,
                phone: None,
                location: None,
                links: Vec::new(),
                photo: None,
                name_hanja: None,
                birth_date: None,
                address: None,
                nationality: None,
                visa: None,
            },
            summary: None,
            companies: Vec::new(),
            projects: Vec::new(),
            education: Vec::new(),
            certifications: Vec::new(),
            open_source: Vec::new(),
            sections: Vec::new(),
            language_tests: Vec::new(),
            military: None,
            awards: Vec::new(),
            publications: Vec::new(),
            letters: Vec::new(),
            profiles: Default::default(),
            check: Default::default(),
            tailor: Default::default(),
        };
        let mut sections = None;
        for (key, value) in cv {
            let Some(key) = key.as_str() else { continue };
            let place = format!("cv.{key}");
            match key {
                "sections" => sections = value.as_mapping(),
                "name" | "headline" | "label" | "location" | "email" | "phone" | "website" | "social_networks"
                | "custom_connections" => {
                    let value = self.json(value, &place);
                    self.person_field(key, &value, &place, &mut resume.person);
                }
                "photo" => self.importer.note(
                    &place,
                    "a photo is a file beside resume.toml, shown only when asked for: set `photo` under [person]; left out",
                ),
                _ => self.importer.left_out(&place),
            }
        }
        if resume.person.name == Text::Plain(String::new()) {
            let placeholder = if self.importer.lang == "ko" { "이름" } else { "Your Name" };
            self.importer.note(
                "cv.name",
                &format!("missing; `name` is set to \"{placeholder}\" under [person]: fill it in"),
            );
            resume.person.name = Text::Plain(placeholder.to_string());
        }
        for (title, entries) in sections.into_iter().flatten() {
            let Some(title) = title.as_str() else { continue };
            let place = format!("cv.sections.{title}");
            let entries = self.json(entries, &place);
            let Some(entries) = entries.as_array() else {
                self.importer.note(&place, "is not a list of entries; left out");
                continue;
            };
            self.section(title, entries, &place, &mut resume);
        }
        Ok(resume)
    }

    fn person_field(&mut self, key: &str, value: &Value, place: &str, person: &mut Person) {
        match key {
            "name" => {
                if let Some(name) = text_of(Some(value)) {
                    person.name = Text::Plain(name);
                }
            }
            "headline" | "label" => person.headline = text_of(Some(value)).map(|h| self.importer.prose(&h)),
            "location" => person.location = text_of(Some(value)).map(|l| self.importer.prose(&l)),
            "email" => {
                let Some(email) = text_of(Some(value)) else { return };
                let address = email.strip_prefix("mailto:").unwrap_or(&email);
                if crate::model::is_email(address) {
                    person.email = Some(Text::Plain(address.to_string()));
                } else {
                    self.importer.note(place, &format!("`{email}` is not an e-mail address; left out"));
                }
            }
            "phone" => {
                let Some(phone) = text_of(Some(value)) else { return };
                let number = phone.strip_prefix("tel:").unwrap_or(&phone).to_string();
                if crate::model::safe_url(&format!("tel:{}", number.replace(' ', ""))).is_ok() {
                    person.phone = Some(Text::Plain(number));
                } else {
                    self.importer.note(place, &format!("`{phone}` is not a phone number; left out"));
                }
            }
            "website" => {
                if let Some(url) = text_of(Some(value)).and_then(|url| self.importer.link(place, &url)) {
                    person.links.push(PersonLink::Address(url));
                }
            }
            "social_networks" => {
                for (n, profile) in value.as_array().into_iter().flatten().enumerate() {
                    let place = format!("{place}[{n}]");
                    let network = text_of(profile.get("network"));
                    let username = text_of(profile.get("username"));
                    let (Some(network), Some(username)) = (network, username) else {
                        self.importer.note(&place, "needs a `network` and a `username`; left out");
                        continue;
                    };
                    let Some(url) = network_url(&network, &username) else {
                        self.importer.note(
                            &place,
                            &format!("`{network}` is not a network RenderCV knows; add its link to [person] links yourself"),
                        );
                        continue;
                    };
                    if let Some(url) = self.importer.link(&place, &url)
                        && !person.links.iter().any(|l| l.url() == url)
                    {
                        person.links.push(PersonLink::Account(Account {
                            url,
                            network: Some(network),
                            username: Some(username),
                        }));
                    }
                }
            }
            _ => {
                // Custom connections: each a link, its icon and
                // placeholder text RenderCV's own.
                for (n, connection) in value.as_array().into_iter().flatten().enumerate() {
                    let place = format!("{place}[{n}]");
                    match text_of(connection.get("url")).and_then(|url| self.importer.link(&place, &url)) {
                        Some(url) => person.links.push(PersonLink::Address(url)),
                        None => self.importer.note(&place, "has no `url`; left out"),
                    }
                }
            }
        }
    }

    fn section(&mut self, key: &str, entries: &[Value], place: &str, resume: &mut Resume) {
        let title = title_of(key);
        let lower = title.to_lowercase();
        let mut free = Section {
            id: String::new(),
            title: self.importer.prose(&title),
            entries: Vec::new(),
            items: Vec::new(),
            tags: Vec::new(),
        };
        let mut numbered = false;
        let mut paragraphs = Vec::new();
        for (n, entry) in entries.iter().enumerate() {
            let place = format!("{place}[{n}]");
            let Some(kind) = entry_kind(entry) else {
                self.importer.note(&place, "is not an entry RenderCV knows (by its keys); left out");
                continue;
            };
            match kind {
                Entry::Text if SUMMARY_TITLES.contains(&lower.as_str()) => {
                    paragraphs.extend(text_of(Some(entry)));
                }
                Entry::Text => {
                    free.items.extend(text_of(Some(entry)).and_then(|t| self.importer.bullet(&place, &t)))
                }
                Entry::Bullet => {
                    let text = text_of(entry.get("bullet"));
                    free.items.extend(text.and_then(|t| self.importer.bullet(&place, &t)));
                    self.unknown(entry, &["bullet"], &place);
                }
                Entry::Numbered => {
                    numbered = true;
                    let text = text_of(entry.get("number")).or_else(|| text_of(entry.get("reversed_number")));
                    free.items.extend(text.and_then(|t| self.importer.bullet(&place, &t)));
                    self.unknown(entry, &["number", "reversed_number"], &place);
                }
                Entry::OneLine => {
                    let details = text_of(entry.get("details")).unwrap_or_default();
                    // An entry without a label is its details alone.
                    let (label, details) = match text_of(entry.get("label")) {
                        Some(label) => (label, details),
                        None if !details.is_empty() => (details, String::new()),
                        None => {
                            self.importer.note(&place, "has neither a label nor details; left out");
                            continue;
                        }
                    };
                    free.entries.push(SectionEntry {
                        name: self.importer.prose(&label),
                        detail: None,
                        date: None,
                        period: None,
                        link: None,
                        summary: None,
                        keywords: details
                            .split(", ")
                            .map(|k| k.trim().to_string())
                            .filter(|k| !k.is_empty())
                            .collect(),
                        details: vec![],
                    });
                    self.unknown(entry, &["label", "details"], &place);
                }
                Entry::Publication => self.publication(entry, &place, resume),
                Entry::Education => self.education(entry, &place, resume),
                Entry::Experience => self.experience(entry, &place, resume),
                Entry::Normal if PROJECT_TITLES.contains(&lower.as_str()) => {
                    self.project(entry, &place, resume)
                }
                Entry::Normal => free.entries.extend(self.normal(entry, &place)),
            }
        }
        if numbered {
            self.importer
                .note(place, "its entries are numbered in RenderCV; they keep their order as bullets");
        }
        if !paragraphs.is_empty() {
            let text = paragraphs.join("\n\n");
            resume.summary = Some(match resume.summary.take() {
                Some(before) => self.importer.prose(&format!("{}\n\n{text}", before.any())),
                None => self.importer.prose(&text),
            });
        }
        if !free.entries.is_empty() || !free.items.is_empty() {
            free.id = self.importer.ids.claim(&title, "section");
            resume.sections.push(free);
        }
    }

    /// Keys of an entry that none of its kind's fields take, each named.
    fn unknown(&mut self, entry: &Value, known: &[&str], place: &str) {
        for key in entry.as_object().into_iter().flat_map(|m| m.keys()) {
            if !known.contains(&key.as_str()) {
                self.importer.left_out(&format!("{place}.{key}"));
            }
        }
    }

    /// An entry's period: `start_date` to `end_date` (absent or `present`
    /// while it goes on), or its one `date` as a month or year; a `date`
    /// that is a link or free text is returned as written.
    fn dates(&mut self, entry: &Value, place: &str) -> (Option<Period>, Option<String>) {
        let start = text_of(entry.get("start_date"));
        let end = text_of(entry.get("end_date"));
        if start.is_some() {
            let end = end.filter(|e| !is_ongoing(e));
            return (self.importer.period(place, &start, &end), None);
        }
        let Some(date) = text_of(entry.get("date")) else {
            if end.is_some() {
                self.importer
                    .note(&format!("{place}.end_date"), "has no `start_date`; the period was left out");
            }
            return (None, None);
        };
        match month(&date, false) {
            Some(month) => (Some(Period { start: month, end: Some(month.as_end()) }), None),
            None => (None, Some(date)),
        }
    }

    /// A `date` that is no date: a link (RenderCV users put a project's
    /// repository there) or free text, which is noted.
    fn odd_date(&mut self, date: &str, place: &str) -> Option<String> {
        let pieces = markup::read(date);
        let link = pieces.iter().flatten().find_map(|p| match p {
            markup::Piece::Link { url, .. } => Some(url.clone()),
            markup::Piece::Text(_) => None,
        });
        match link {
            Some(url) => self.importer.link(&format!("{place}.date"), &url),
            None if date.contains("://") => self.importer.link(&format!("{place}.date"), date),
            None => {
                self.importer.note(&format!("{place}.date"), &format!("`{date}` is not a date; left out"));
                None
            }
        }
    }

    fn highlights(&mut self, entry: &Value, place: &str) -> Vec<Bullet> {
        let texts: Vec<String> = entry
            .get("highlights")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(|v| text_of(Some(v)))
            .collect();
        self.importer.bullets(&format!("{place}.highlights"), &texts)
    }

    fn publication(&mut self, entry: &Value, place: &str, resume: &mut Resume) {
        let Some(title) = text_of(entry.get("title")) else { return };
        let authors = entry
            .get("authors")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(|a| text_of(Some(a)))
            .collect();
        let doi = text_of(entry.get("doi"));
        let link = text_of(entry.get("url"))
            .and_then(|url| self.importer.link(&format!("{place}.url"), &url))
            .filter(|url| doi.as_ref().is_none_or(|d| *url != format!("https://doi.org/{d}")));
        let date = text_of(entry.get("date")).and_then(|date| {
            let month = month(&date, false);
            if month.is_none() {
                self.importer.note(&format!("{place}.date"), &format!("`{date}` is not a date; left out"));
            }
            month
        });
        resume.publications.push(Publication {
            title: self.importer.prose(&title),
            authors,
            journal: text_of(entry.get("journal")).map(|j| self.importer.prose(&j)),
            date,
            doi,
            link,
            summary: text_of(entry.get("summary")).map(|s| self.importer.prose(&s)),
        });
        self.unknown(entry, &["title", "authors", "doi", "url", "journal", "date", "summary"], place);
    }

    fn education(&mut self, entry: &Value, place: &str, resume: &mut Resume) {
        let Some(school) = text_of(entry.get("institution")) else { return };
        let (period, odd) = self.dates(entry, place);
        if let Some(odd) = odd {
            self.importer.note(&format!("{place}.date"), &format!("`{odd}` is not a date; left out"));
        }
        let mut details: Vec<Bullet> = Vec::new();
        if let Some(summary) = text_of(entry.get("summary")) {
            details.extend(self.importer.bullet(&format!("{place}.summary"), &summary));
        }
        details.extend(self.highlights(entry, place));
        if text_of(entry.get("location")).is_some() {
            self.importer
                .note(&format!("{place}.location"), "a school's place prints on no résumé; left out");
        }
        resume.education.push(Education {
            id: self.importer.ids.claim(&school, "education"),
            school: self.importer.prose(&school),
            degree: text_of(entry.get("degree")).map(|d| self.importer.prose(&d)),
            major: text_of(entry.get("area")).map(|a| self.importer.prose(&a)),
            standing: None,
            gpa: None,
            period,
            details,
            tags: vec![],
        });
        let known = [
            "institution",
            "area",
            "degree",
            "start_date",
            "end_date",
            "date",
            "location",
            "summary",
            "highlights",
        ];
        self.unknown(entry, &known, place);
    }

    /// An employment: the company (with its place and titles) and one
    /// project holding what was done there.
    fn experience(&mut self, entry: &Value, place: &str, resume: &mut Resume) {
        let Some(company) = text_of(entry.get("company")) else { return };
        let company_id = self.importer.company_named(&company, resume);
        let (mut period, odd) = self.dates(entry, place);
        if let Some(odd) = odd {
            self.importer.note(&format!("{place}.date"), &format!("`{odd}` is not a date; left out"));
        }
        // Several positions, each with its dates (RenderCV's `positions`),
        // are successive titles; the project spans them.
        let mut titles: Vec<(Text, Option<Period>)> = Vec::new();
        if let Some(position) = text_of(entry.get("position")) {
            titles.push((self.importer.prose(&position), period));
        }
        for (n, position) in
            entry.get("positions").and_then(Value::as_array).into_iter().flatten().enumerate()
        {
            let at = format!("{place}.positions[{n}]");
            let Some(name) = text_of(position.get("name")).or_else(|| text_of(position.get("title"))) else {
                self.importer.note(&at, "has no `name`; left out");
                continue;
            };
            let (dates, _) = self.dates(position, &at);
            titles.push((self.importer.prose(&name), dates));
        }
        if period.is_none() {
            let dated: Vec<Period> = titles.iter().filter_map(|(_, p)| *p).collect();
            if let (Some(first), Some(last)) =
                (dated.iter().map(|p| p.start).min(), dated.iter().map(|p| p.end).max())
            {
                let ongoing = dated.iter().any(|p| p.end.is_none());
                period = Some(Period { start: first, end: if ongoing { None } else { last } });
            }
        }
        let location = text_of(entry.get("location"));
        let newest = titles
            .iter()
            .max_by_key(|(_, p)| p.map(|p| (p.end.is_none(), p.end, p.start)))
            .map(|(t, _)| t.clone());
        if let Some(company) = resume.companies.iter_mut().find(|c| c.id == company_id) {
            if let Some(location) = &location
                && company.location.is_none()
            {
                company.location =
                    Some(Text::Localized([(self.importer.lang.to_string(), location.clone())].into()));
            }
            if company.role.is_none() {
                company.role = match titles.as_slice() {
                    [] => None,
                    [(title, _)] => Some(Roles::One(title.clone())),
                    many => Some(Roles::Many(
                        many.iter()
                            .map(|(title, period)| Role {
                                id: None,
                                title: title.clone(),
                                period: *period,
                                department: None,
                                duties: None,
                            })
                            .collect(),
                    )),
                };
            }
        }
        if period.is_none() {
            self.importer.note(place, "has no dates; the employment is imported without a period, and its career line shows none until you add one");
        }
        let name = newest.unwrap_or_else(|| Text::Plain(company.clone()));
        let id = self.importer.ids.claim(&format!("{company} {}", name.any()), "project");
        let responsibilities = self.highlights(entry, place);
        resume.projects.push(Project {
            description: text_of(entry.get("summary")).map(|s| self.importer.prose(&s)),
            responsibilities,
            ..Project::new(id, name, company_id, period)
        });
        let known = [
            "company",
            "position",
            "positions",
            "location",
            "start_date",
            "end_date",
            "date",
            "summary",
            "highlights",
        ];
        self.unknown(entry, &known, place);
    }

    /// A normal entry in a section of projects: a project of one's own.
    fn project(&mut self, entry: &Value, place: &str, resume: &mut Resume) {
        let Some(name) = text_of(entry.get("name")) else { return };
        let (period, odd) = self.dates(entry, place);
        let mut link = odd.and_then(|date| self.odd_date(&date, place));
        if let Some(url) = text_of(entry.get("url")) {
            link = link.or_else(|| self.importer.link(&format!("{place}.url"), &url));
        }
        if text_of(entry.get("location")).is_some() {
            self.importer.note(
                &format!("{place}.location"),
                "a project's place has no place in resume.toml; left out",
            );
        }
        let id = self.importer.ids.claim(&name, "project");
        let responsibilities = self.highlights(entry, place);
        resume.projects.push(Project {
            link,
            description: text_of(entry.get("summary")).map(|s| self.importer.prose(&s)),
            responsibilities,
            ..Project::new(id, self.importer.prose(&name), String::new(), period)
        });
        let known = ["name", "start_date", "end_date", "date", "location", "summary", "highlights", "url"];
        self.unknown(entry, &known, place);
    }

    /// A normal entry anywhere else: a free section's entry with its
    /// period, place, link, summary and bullets.
    fn normal(&mut self, entry: &Value, place: &str) -> Option<SectionEntry> {
        let name = text_of(entry.get("name"))?;
        let (period, odd) = self.dates(entry, place);
        let mut link = odd.and_then(|date| self.odd_date(&date, place));
        if let Some(url) = text_of(entry.get("url")) {
            link = link.or_else(|| self.importer.link(&format!("{place}.url"), &url));
        }
        // A single month is the entry's date; a span its period.
        let (date, period) = match period {
            Some(Period { start, end: Some(end) }) if end == start.as_end() => (Some(start), None),
            other => (None::<YearMonth>, other),
        };
        let details = self.highlights(entry, place);
        let known = ["name", "start_date", "end_date", "date", "location", "summary", "highlights", "url"];
        self.unknown(entry, &known, place);
        Some(SectionEntry {
            name: self.importer.prose(&name),
            detail: text_of(entry.get("location")).map(|l| self.importer.prose(&l)),
            date,
            period,
            link,
            summary: text_of(entry.get("summary")).map(|s| self.importer.prose(&s)),
            keywords: vec![],
            details,
        })
    }
}
