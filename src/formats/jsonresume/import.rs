//! A JSON Resume document read into the résumé model.
//!
//! Employments become companies; an employment that no JSON Resume project
//! names as its `entity` also becomes a project of its own (its position,
//! summary and highlights), so a résumé written around jobs still prints
//! them. Prose is written as `{ <lang> = "…" }`, ready for a translation
//! beside it; names of organisations stay plain.
//!
//! What `resume check` would reject is mended or left out here, each
//! reported with its place: a link without its scheme gets `https://`, one
//! with another scheme (`javascript:`) is dropped, a period written
//! backwards is swapped, ids are kebab-case and unique.

use std::path::Path;

use super::{
    Document, NETWORKS, SECTION_INTERESTS, SECTION_LANGUAGES, SECTION_REFERENCES, SECTION_SKILLS,
    SECTION_VOLUNTEER, Unknown, split_link,
};
use crate::error::{Error, Location, Result};
use crate::formats::import::{Ids, Imported, is_ongoing, link_or_note, ordered_period};
use crate::i18n::{Catalogue, Language};
use crate::model::is_email;
use crate::model::{
    Account, Bullet, Certification, Education, Period, Person, PersonLink, Resume, Section, SectionEntry,
    Text, YearMonth,
};

/// Reads `text` (the contents of `file`) as JSON Resume, with its prose in
/// `lang`.
pub fn import(text: &str, file: &Path, lang: Language) -> Result<Imported> {
    // As browsers and Python read JSON: a key written twice keeps its
    // last value (each said below).
    let mut value: serde_json::Value =
        serde_json::from_str(text).map_err(|err| syntax_error(&err, text, file))?;
    refuse_other_json(&value, text, file)?;
    let mut converted = Vec::new();
    crate::formats::markup::plain_json(&mut value, text_kind, &mut converted);
    let document: Document = match serde_json::from_value(value) {
        Ok(document) => document,
        // The same error read from the text, to point at its line.
        Err(err) => {
            return Err(match serde_json::from_str::<Document>(text) {
                Err(located) if !located.to_string().starts_with("duplicate field") => {
                    syntax_error(&located, text, file)
                }
                _ => Error::new(format!("{}: this is not a JSON Resume document: {err}", file.display())),
            });
        }
    };
    let mut importer = Importer::new(lang)?;
    for path in duplicate_keys(text) {
        importer.note(&path, "is written twice; the last value is kept, as browsers read it");
    }
    for path in converted {
        importer.note(&path, "holds Markdown or HTML markup; imported as plain text, its links kept");
    }
    let resume = importer.resume(document)?;
    let header = "# Imported from JSON Resume; run `resume check` and add the other languages.\n";
    let toml = crate::formats::import::printable_toml(&resume, header, &mut importer.notes);
    Ok(Imported { toml, skipped: importer.notes })
}

/// Keys whose values are addresses, dates or codes, never prose.
const NOT_PROSE: &[&str] = &[
    "url",
    "website",
    "email",
    "phone",
    "image",
    "picture",
    "startDate",
    "endDate",
    "date",
    "releaseDate",
    "$schema",
    "countryCode",
    "postalCode",
    "username",
];

/// Lists whose strings are names (a keyword, a course), printed as written.
const NAME_LISTS: &[&str] = &["keywords", "courses", "roles"];

/// How JSON Resume's texts are read for markup: addresses and dates are
/// no prose, a highlight is a bullet, keywords and courses are names.
fn text_kind(key: &str, list: Option<&str>) -> crate::formats::markup::Kind {
    use crate::formats::markup::Kind;
    match (key, list) {
        (key, _) if NOT_PROSE.contains(&key) => Kind::Code,
        (_, Some("highlights")) => Kind::Bullet,
        (_, Some(list)) if NAME_LISTS.contains(&list) => Kind::Name,
        _ => Kind::Prose,
    }
}

/// The sections a JSON Resume document may have, of every version.
const SECTIONS: [&str; 13] = [
    "basics",
    "work",
    "volunteer",
    "education",
    "awards",
    "certificates",
    "publications",
    "skills",
    "languages",
    "interests",
    "references",
    "projects",
    "meta",
];

/// A JSON file that is no JSON Resume (an object with none of its
/// sections, or not an object) is an error, not an empty résumé.
fn refuse_other_json(value: &serde_json::Value, text: &str, file: &Path) -> Result<()> {
    let known = value.as_object().is_some_and(|map| map.keys().any(|k| SECTIONS.contains(&k.as_str())));
    if known {
        return Ok(());
    }
    let start = text.len() - text.trim_start().len();
    Err(Error::new("this JSON file is not a JSON Resume document: it has none of its sections")
        .at(Location::from_span(file, text, start..(start + 1).min(text.len())))
        .with_hint(format!("a JSON Resume is one object with `basics`, `work`, …: {}", SECTIONS.join(", "))))
}

/// The paths of keys written twice in one object (`work[2].name`).
fn duplicate_keys(text: &str) -> Vec<String> {
    use serde::de::{DeserializeSeed, MapAccess, SeqAccess, Visitor};
    use std::cell::RefCell;

    struct Scan<'a> {
        path: String,
        found: &'a RefCell<Vec<String>>,
    }
    impl<'de> DeserializeSeed<'de> for Scan<'_> {
        type Value = ();
        fn deserialize<D: serde::Deserializer<'de>>(
            self,
            deserializer: D,
        ) -> std::result::Result<(), D::Error> {
            deserializer.deserialize_any(self)
        }
    }
    impl<'de> Visitor<'de> for Scan<'_> {
        type Value = ();
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("JSON")
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> std::result::Result<(), A::Error> {
            let mut seen = std::collections::HashSet::new();
            while let Some(key) = map.next_key::<String>()? {
                let path = if self.path.is_empty() { key.clone() } else { format!("{}.{key}", self.path) };
                if !seen.insert(key) {
                    self.found.borrow_mut().push(path.clone());
                }
                map.next_value_seed(Scan { path, found: self.found })?;
            }
            Ok(())
        }
        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> std::result::Result<(), A::Error> {
            let mut n = 0;
            while seq
                .next_element_seed(Scan { path: format!("{}[{n}]", self.path), found: self.found })?
                .is_some()
            {
                n += 1;
            }
            Ok(())
        }
        fn visit_bool<E>(self, _: bool) -> std::result::Result<(), E> {
            Ok(())
        }
        fn visit_i64<E>(self, _: i64) -> std::result::Result<(), E> {
            Ok(())
        }
        fn visit_u64<E>(self, _: u64) -> std::result::Result<(), E> {
            Ok(())
        }
        fn visit_f64<E>(self, _: f64) -> std::result::Result<(), E> {
            Ok(())
        }
        fn visit_str<E>(self, _: &str) -> std::result::Result<(), E> {
            Ok(())
        }
        fn visit_unit<E>(self) -> std::result::Result<(), E> {
            Ok(())
        }
    }
    let found = RefCell::new(Vec::new());
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let _ = Scan { path: String::new(), found: &found }.deserialize(&mut deserializer);
    found.into_inner()
}

/// The text of a document's fields, for telling its language: every
/// string value, none of the keys (which are English in every file).
pub fn prose(text: &str) -> String {
    fn strings(value: &serde_json::Value, out: &mut String) {
        match value {
            serde_json::Value::String(text) => {
                out.push_str(text);
                out.push('\n');
            }
            serde_json::Value::Array(items) => items.iter().for_each(|v| strings(v, out)),
            serde_json::Value::Object(map) => map.values().for_each(|v| strings(v, out)),
            _ => {}
        }
    }
    let mut out = String::new();
    if let Ok(value) = serde_json::from_str::<serde_json::Value>(text) {
        strings(&value, &mut out);
    }
    out
}

fn syntax_error(err: &serde_json::Error, text: &str, file: &Path) -> Error {
    let line_start: usize = text.split_inclusive('\n').take(err.line().saturating_sub(1)).map(str::len).sum();
    let mut offset = (line_start + err.column().saturating_sub(1)).min(text.len());
    // serde_json stops just before the value it rejects; point at the value.
    offset += text[offset..].len() - text[offset..].trim_start_matches([' ', '\t']).len();
    let message = err.to_string();
    let message = message.split(" at line ").next().unwrap_or(&message).to_string();
    Error::new(format!("this is not a JSON Resume document: {message}"))
        .at(Location::from_span(file, text, offset..offset + 1))
        .with_hint("JSON Resume is the format of jsonresume.org: one JSON object with `basics`, `work`, …")
}

pub(crate) struct Importer {
    pub(crate) lang: &'static str,
    pub(crate) catalogue: Catalogue,
    /// Ids of projects, education, certifications, contributions and
    /// sections: one namespace, as selectors see them.
    pub(crate) ids: Ids,
    /// Company ids, a namespace of their own.
    pub(crate) company_ids: Ids,
    pub(crate) notes: Vec<String>,
}

/// Empty strings count as absent, as JSON Resume editors leave them.
pub(crate) fn given(text: &Option<String>) -> Option<&str> {
    text.as_deref().map(str::trim).filter(|t| !t.is_empty())
}

/// A month from `2019-12-01`, `2019-12` or `2019` (January as a start,
/// December as an end).
pub(crate) fn month(text: &str, is_end: bool) -> Option<YearMonth> {
    let text = text.trim();
    if text.len() == 4 && text.bytes().all(|b| b.is_ascii_digit()) {
        return YearMonth::year(text.parse().ok()?, if is_end { 12 } else { 1 });
    }
    YearMonth::parse(text)
}

impl Importer {
    /// An importer writing prose in `lang`, with the catalogue that names
    /// the sections it adds.
    pub(crate) fn new(lang: Language) -> Result<Self> {
        Ok(Importer {
            lang: lang.code,
            catalogue: Catalogue::new(lang, &[])?,
            ids: Ids::for_entries(),
            company_ids: Ids::default(),
            notes: Vec::new(),
        })
    }

    pub(crate) fn prose(&self, text: &str) -> Text {
        Text::Localized([(self.lang.to_string(), text.to_string())].into())
    }

    pub(crate) fn note(&mut self, place: &str, what: &str) {
        self.notes.push(format!("{place}: {what}"));
    }

    pub(crate) fn left_out(&mut self, place: &str) {
        self.note(place, "has no place in resume.toml; left out");
    }

    pub(super) fn unknown(&mut self, place: &str, unknown: &Unknown) {
        for key in unknown.keys() {
            self.left_out(&format!("{place}.{key}"));
        }
    }

    /// A link from `place`, mended (a missing `https://`) or left out
    /// (another scheme, no host) with a note, so that the file passes
    /// `resume check`.
    pub(crate) fn link(&mut self, place: &str, url: &str) -> Option<String> {
        link_or_note(url, |note| self.note(place, &note))
    }

    /// A given link field, cleaned as [`Self::link`] does.
    pub(crate) fn link_field(&mut self, place: &str, url: &Option<String>) -> Option<String> {
        given(url).and_then(|url| self.link(place, url))
    }

    pub(crate) fn period(
        &mut self,
        place: &str,
        start: &Option<String>,
        end: &Option<String>,
    ) -> Option<Period> {
        let start_text = given(start)?;
        let Some(start) = month(start_text, false) else {
            self.note(
                place,
                &format!("the start date `{start_text}` is not a date; the period was left out"),
            );
            return None;
        };
        let end = match end.as_deref() {
            None => None,
            Some(text) if is_ongoing(text) => None,
            Some(text) => match month(text, true) {
                Some(end) => Some(end),
                None => {
                    self.note(
                        place,
                        &format!("the end date `{text}` is not a date; the period was left out"),
                    );
                    return None;
                }
            },
        };
        let (period, swapped) = ordered_period(start, end);
        if let Some(swapped) = swapped {
            self.note(place, &format!("the period {swapped}"));
        }
        Some(period)
    }

    /// A highlight as a bullet, its `<url>` as the link; `None` when
    /// nothing is left of it (a bullet needs a text or a link).
    pub(crate) fn bullet(&mut self, place: &str, text: &str) -> Option<Bullet> {
        let (text, url) = split_link(text.trim());
        let link = url.and_then(|url| self.link(place, &url));
        let text = (!text.is_empty()).then(|| self.prose(&text));
        (text.is_some() || link.is_some()).then_some(Bullet { text, link, ..Bullet::default() })
    }

    /// Every highlight of a list that leaves a bullet.
    pub(crate) fn bullets(&mut self, place: &str, texts: &[String]) -> Vec<Bullet> {
        texts.iter().enumerate().filter_map(|(n, text)| self.bullet(&format!("{place}[{n}]"), text)).collect()
    }

    /// Reserves the ids of the sections this document will fill, so that
    /// no entry takes one of them first.
    pub(super) fn reserve_sections(&mut self, document: &Document) {
        let lists = [
            (SECTION_LANGUAGES, document.languages.is_empty()),
            (SECTION_INTERESTS, document.interests.is_empty()),
            (SECTION_SKILLS, document.skills.is_empty()),
            (SECTION_VOLUNTEER, document.volunteer.is_empty()),
            (SECTION_REFERENCES, document.references.is_empty()),
        ];
        for ((id, _), empty) in lists {
            if !empty {
                self.ids.reserve(id);
            }
        }
    }

    pub(super) fn resume(&mut self, document: Document) -> Result<Resume> {
        let mut resume = Resume {
            settings: Default::default(),
            person: self.person(&document),
            summary: given(&document.basics.summary).map(|s| self.prose(s)),
            companies: Vec::new(),
            projects: Vec::new(),
            education: Vec::new(),
            certifications: Vec::new(),
            open_source: Vec::new(),
            sections: Vec::new(),
            letters: Vec::new(),
            language_tests: Vec::new(),
            military: None,
            awards: Vec::new(),
            publications: Vec::new(),
            profiles: Default::default(),
            check: Default::default(),
            tailor: Default::default(),
        };
        self.reserve_sections(&document);
        self.work(&document, &mut resume);
        self.projects(&document, &mut resume);
        self.education(&document, &mut resume);
        self.certificates(&document, &mut resume);
        self.sections(&document, &mut resume)?;
        if document.meta.is_some() {
            self.left_out("meta");
        }
        for key in document.unknown.keys() {
            self.left_out(key);
        }
        Ok(resume)
    }

    pub(super) fn person(&mut self, document: &Document) -> Person {
        let basics = &document.basics;
        // Never an empty header: a missing name becomes a placeholder that
        // reads as one in the PDF, with a warning.
        let placeholder = if self.lang == "ko" { "이름" } else { "Your Name" };
        let name = given(&basics.name).unwrap_or_else(|| {
            self.note(
                "basics.name",
                &format!("missing; `name` is set to \"{placeholder}\" under [person]: fill it in"),
            );
            placeholder
        });
        let mut links: Vec<PersonLink> =
            self.link_field("basics.url", &basics.url).map(PersonLink::Address).into_iter().collect();
        for (n, profile) in basics.profiles.iter().enumerate() {
            let place = format!("basics.profiles[{n}]");
            let (network, username) = (given(&profile.network), given(&profile.username));
            let url = given(&profile.url)
                .map(str::to_string)
                .or_else(|| profile_url(network.unwrap_or_default(), username?));
            match url.map(|url| self.link(&format!("{place}.url"), &url)) {
                Some(Some(url)) if !links.iter().any(|l| l.url() == url) => {
                    // The network and user name are kept where the address
                    // does not already say them the way an export would.
                    let derived = super::network_of(&url).map(|(n, u)| (n.to_string(), u));
                    let given_pair = (
                        network.map(str::to_string).unwrap_or_default(),
                        username.map(str::to_string).unwrap_or_default(),
                    );
                    let link = match derived {
                        Some(derived) if derived == given_pair => PersonLink::Address(url),
                        _ if network.is_none() && username.is_none() => PersonLink::Address(url),
                        _ => PersonLink::Account(Account {
                            url,
                            network: network.map(str::to_string),
                            username: username.map(str::to_string),
                        }),
                    };
                    links.push(link);
                }
                Some(_) => {}
                None => self.note(&place, "has no `url`; add the link to [person] links yourself"),
            }
            self.unknown(&format!("basics.profiles[{n}]"), &profile.unknown);
        }
        if given(&basics.image).is_some() {
            self.note(
                "basics.image",
                "a photo is a file beside resume.toml, shown only when asked for: save the image there and set `photo` under [person]; left out",
            );
        }
        let location = self.location(basics.location.as_ref());
        self.unknown("basics", &basics.unknown);
        Person {
            name: Text::Plain(name.to_string()),
            headline: given(&basics.label).map(|l| self.prose(l)),
            email: self.email(&basics.email).map(Text::Plain),
            phone: self.phone(&basics.phone).map(Text::Plain),
            location,
            photo: None,
            name_hanja: None,
            birth_date: None,
            address: None,
            nationality: None,
            visa: None,
            links,
        }
    }

    /// The person's place from `basics.location`: its city, region and
    /// country as one line (`Seoul, KR`); the street address and postal
    /// code are the 이력서 form's, left out with a note.
    pub(super) fn location(&mut self, location: Option<&serde_json::Value>) -> Option<Text> {
        let location = location?;
        if let Some(text) = location.as_str() {
            return (!text.trim().is_empty()).then(|| self.prose(text.trim()));
        }
        let field =
            |key: &str| location.get(key).and_then(|v| v.as_str()).map(str::trim).filter(|t| !t.is_empty());
        for key in ["address", "postalCode"] {
            if field(key).is_some() {
                self.note(&format!("basics.location.{key}"), "a street address prints on no résumé; left out (the 이력서 form's address is `person.address`)");
            }
        }
        let parts: Vec<&str> = ["city", "region", "countryCode"].into_iter().filter_map(field).collect();
        (!parts.is_empty()).then(|| self.prose(&parts.join(", ")))
    }

    /// The phone number, if it reads as one (`resume check` rejects the
    /// rest); otherwise it is left out with a note.
    pub(super) fn phone(&mut self, phone: &Option<String>) -> Option<String> {
        let given = given(phone)?;
        if crate::model::safe_url(&format!("tel:{}", given.replace(' ', ""))).is_ok() {
            return Some(given.to_string());
        }
        self.note("basics.phone", &format!("`{given}` is not a phone number; left out"));
        None
    }

    /// The e-mail address, without a `mailto:` in front; one that is not
    /// an address is left out with a note (`resume check` rejects it).
    pub(super) fn email(&mut self, email: &Option<String>) -> Option<String> {
        let given = given(email)?;
        let address = given.strip_prefix("mailto:").unwrap_or(given);
        if is_email(address) && !address.contains(char::is_whitespace) {
            return Some(address.to_string());
        }
        self.note("basics.email", &format!("`{given}` is not an e-mail address; left out"));
        None
    }

    pub(super) fn education(&mut self, document: &Document, resume: &mut Resume) {
        for (n, entry) in document.education.iter().enumerate() {
            let place = format!("education[{n}]");
            self.unknown(&place, &entry.unknown);
            let Some(school) = given(&entry.institution) else {
                self.note(&place, "has no `institution`; left out");
                continue;
            };
            if given(&entry.url).is_some() {
                self.left_out(&format!("{place}.url"));
            }
            let period = self.period(&place, &entry.start_date, &entry.end_date);
            let details = self.bullets(&format!("{place}.courses"), &entry.courses);
            resume.education.push(Education {
                id: self.ids.claim(school, "education"),
                school: self.prose(school),
                degree: given(&entry.study_type).map(|d| self.prose(d)),
                period,
                details,
                tags: vec![],
                major: given(&entry.area).map(|a| self.prose(a)),
                standing: None,
                gpa: given(&entry.score).map(str::to_string),
            });
        }
    }

    pub(super) fn certificates(&mut self, document: &Document, resume: &mut Resume) {
        for (n, entry) in document.certificates.iter().enumerate() {
            let place = format!("certificates[{n}]");
            self.unknown(&place, &entry.unknown);
            let Some(name) = given(&entry.name) else {
                self.note(&place, "has no `name`; left out");
                continue;
            };
            let date = given(&entry.date).and_then(|d| month(d, false));
            if given(&entry.date).is_some() && date.is_none() {
                self.note(&place, "its `date` is not a date; left out");
            }
            let link = self.link_field(&format!("{place}.url"), &entry.url);
            resume.certifications.push(Certification {
                id: self.ids.claim(name, "certification"),
                name: self.prose(name),
                issuer: given(&entry.issuer).map(|i| Text::Plain(i.to_string())),
                date,
                link,
                tags: vec![],
            });
        }
    }

    /// Awards become `[[award]]`; publications, languages, interests and
    /// skills become free sections of entries, each field in its own
    /// place, so that an export puts each back where it came from.
    pub(super) fn sections(&mut self, document: &Document, resume: &mut Resume) -> Result<()> {
        // Awards have a table of their own: `[[award]]`.
        for (n, award) in document.awards.iter().enumerate() {
            let place = format!("awards[{n}]");
            self.unknown(&place, &award.unknown);
            let Some(name) = given(&award.title).or(given(&award.summary)) else {
                self.note(&place, "has no `title`; left out");
                continue;
            };
            let date = given(&award.date).and_then(|d| month(d, false));
            if given(&award.date).is_some() && date.is_none() {
                self.note(&place, "its `date` is not a month; left out");
            }
            let summary = given(&award.summary).filter(|s| *s != name);
            resume.awards.push(crate::model::Award {
                name: self.prose(name),
                issuer: given(&award.awarder).map(|a| self.prose(a)),
                date,
                summary: summary.map(|s| self.prose(s)),
            });
        }

        // Publications have a table of their own, with the authors and
        // DOI an export keeps beside JSON Resume's fields.
        for (n, publication) in document.publications.iter().enumerate() {
            let place = format!("publications[{n}]");
            self.unknown(&place, &publication.unknown);
            let Some(title) = given(&publication.name) else {
                self.note(&place, "has no name; left out");
                continue;
            };
            let date = self.month_field(&format!("{place}.releaseDate"), &publication.release_date);
            let doi = given(&publication.doi).map(str::to_string);
            let link = self
                .link_field(&format!("{place}.url"), &publication.url)
                .filter(|url| doi.as_ref().is_none_or(|d| *url != format!("https://doi.org/{d}")));
            resume.publications.push(crate::model::Publication {
                title: self.prose(title),
                authors: publication
                    .authors
                    .iter()
                    .map(|a| a.trim().to_string())
                    .filter(|a| !a.is_empty())
                    .collect(),
                journal: given(&publication.publisher).map(|p| self.prose(p)),
                date,
                doi,
                link,
                summary: given(&publication.summary).map(|s| self.prose(s)),
            });
        }

        let mut lists: Vec<((&str, &str), Vec<SectionEntry>)> = Vec::new();

        // Volunteering: the role (or the organisation) with the
        // organisation beside it, its period, link, summary and bullets.
        let mut volunteering = Vec::new();
        for (n, role) in document.volunteer.iter().enumerate() {
            let place = format!("volunteer[{n}]");
            self.unknown(&place, &role.unknown);
            let (name, detail) = match (given(&role.position), given(&role.organization)) {
                (Some(position), organization) => (Some(position), organization),
                (None, organization) => (organization, None),
            };
            let period = self.period(&place, &role.start_date, &role.end_date);
            let link = self.link_field(&format!("{place}.url"), &role.url);
            let details = self.bullets(&format!("{place}.highlights"), &role.highlights);
            let entry = self.entry(&place, name, detail, &[]);
            volunteering.extend(entry.map(|entry| SectionEntry {
                period,
                link,
                summary: given(&role.summary).map(|s| self.prose(s)),
                details,
                ..entry
            }));
        }
        lists.push((SECTION_VOLUNTEER, volunteering));

        // References: who, and what they said.
        let mut references = Vec::new();
        for (n, reference) in document.references.iter().enumerate() {
            let place = format!("references[{n}]");
            self.unknown(&place, &reference.unknown);
            let entry = self.entry(&place, given(&reference.name), None, &[]);
            references.extend(entry.map(|entry| SectionEntry {
                summary: given(&reference.reference).map(|s| self.prose(s)),
                ..entry
            }));
        }
        lists.push((SECTION_REFERENCES, references));

        let mut languages = Vec::new();
        for (n, language) in document.languages.iter().enumerate() {
            let place = format!("languages[{n}]");
            self.unknown(&place, &language.unknown);
            languages.extend(self.entry(&place, given(&language.language), given(&language.fluency), &[]));
        }
        lists.push((SECTION_LANGUAGES, languages));

        let mut interests = Vec::new();
        for (n, interest) in document.interests.iter().enumerate() {
            let place = format!("interests[{n}]");
            self.unknown(&place, &interest.unknown);
            interests.extend(self.entry(&place, given(&interest.name), None, &interest.keywords));
        }
        lists.push((SECTION_INTERESTS, interests));

        let mut skills = Vec::new();
        for (n, skill) in document.skills.iter().enumerate() {
            let place = format!("skills[{n}]");
            self.unknown(&place, &skill.unknown);
            skills.extend(self.entry(&place, given(&skill.name), given(&skill.level), &skill.keywords));
        }
        lists.push((SECTION_SKILLS, skills));

        for ((id, title), entries) in lists {
            if !entries.is_empty() {
                let title = self.prose(&self.catalogue.label(title, None)?);
                resume.sections.push(Section {
                    id: id.to_string(),
                    title,
                    entries,
                    items: vec![],
                    tags: vec![],
                });
            }
        }
        Ok(())
    }

    /// An entry of a free section, or a note when it has no name.
    fn entry(
        &mut self,
        place: &str,
        name: Option<&str>,
        detail: Option<&str>,
        keywords: &[String],
    ) -> Option<SectionEntry> {
        let keywords: Vec<String> =
            keywords.iter().map(|k| k.trim().to_string()).filter(|k| !k.is_empty()).collect();
        let Some(name) = name else {
            self.note(place, "has no name; left out");
            return None;
        };
        Some(SectionEntry {
            name: self.prose(name),
            detail: detail.map(|d| self.prose(d)),
            date: None,
            period: None,
            link: None,
            summary: None,
            keywords,
            details: vec![],
        })
    }

    /// A month field, or a note when it is not one.
    fn month_field(&mut self, place: &str, date: &Option<String>) -> Option<YearMonth> {
        let text = given(date)?;
        let parsed = month(text, false);
        if parsed.is_none() {
            self.note(place, "is not a month; left out");
        }
        parsed
    }
}

/// The address of a user's page on a known network.
fn profile_url(network: &str, username: &str) -> Option<String> {
    let (host, _) = NETWORKS.iter().find(|(_, name)| name.eq_ignore_ascii_case(network))?;
    let path = if *host == "linkedin.com" { format!("in/{username}") } else { username.to_string() };
    Some(format!("https://{host}/{path}"))
}
