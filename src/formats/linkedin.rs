//! LinkedIn's data export (the ZIP it mails, or the folder it unzips to),
//! read into a `resume.toml`: what most people have of their career.
//!
//! The export is a set of CSV files, each optional: `Profile.csv` (name,
//! headline, summary, place, websites), `Email Addresses.csv`,
//! `PhoneNumbers.csv`, `Positions.csv`, `Education.csv`, `Skills.csv`,
//! `Languages.csv`, `Certifications.csv`, `Projects.csv`, `Honors.csv`,
//! `Publications.csv` and `Volunteering.csv`; the rest (connections,
//! messages…) is no résumé's and is named as left out. LinkedIn puts
//! notes before some headers, writes months as `Mar 2021` or years alone,
//! and lists websites as `[COMPANY:https://…,PORTFOLIO:https://…]`; each is
//! read as it comes. The ZIP is read in place, each file capped, so an
//! export of any size (or a hostile one) costs what its résumé files do.

use std::collections::BTreeMap;
use std::io::{Read, Seek};
use std::path::Path;

use super::import::{Imported, ordered_period};
use super::jsonresume::Importer;
use crate::error::{Error, Result};
use crate::i18n::Language;
use crate::model::{
    Award, Bullet, Certification, Education, Period, Person, PersonLink, Project, Publication, Resume, Role,
    Roles, Section, SectionEntry, Text, YearMonth,
};

/// The files of the export a résumé is made of, by their name.
const RESUME_FILES: &[&str] = &[
    "Profile.csv",
    "Email Addresses.csv",
    "PhoneNumbers.csv",
    "Positions.csv",
    "Education.csv",
    "Skills.csv",
    "Languages.csv",
    "Certifications.csv",
    "Projects.csv",
    "Honors.csv",
    "Publications.csv",
    "Volunteering.csv",
];

/// The most any one file of the export may hold once inflated: a
/// résumé's CSV is kilobytes; a larger one is not read.
const MAX_FILE: u64 = 8 * 1024 * 1024;

/// The most files an export's ZIP may list.
const MAX_ENTRIES: usize = 10_000;

/// The most a ZIP read from standard input may hold.
const MAX_STDIN: u64 = 256 * 1024 * 1024;

/// The résumé files of an export, by name, as text; and the names of the
/// others, which are left out.
#[derive(Debug, Default)]
pub struct Export {
    files: BTreeMap<String, String>,
    others: Vec<String>,
    /// Files whose CSV broke off, to be said.
    broken: std::cell::RefCell<Vec<String>>,
}

impl Export {
    /// Reads an export: a ZIP file, a folder, or `-` for a ZIP on
    /// standard input.
    pub fn read(path: &Path) -> Result<Self> {
        if path.as_os_str() == "-" {
            let mut bytes = Vec::new();
            std::io::stdin()
                .take(MAX_STDIN + 1)
                .read_to_end(&mut bytes)
                .map_err(|err| Error::new(format!("cannot read standard input: {err}")))?;
            if bytes.len() as u64 > MAX_STDIN {
                return Err(Error::new(
                    "the export on standard input is over 256 MB; give the file's path instead",
                ));
            }
            return Self::from_zip(std::io::Cursor::new(bytes), Path::new("<stdin>"));
        }
        if path.is_dir() {
            return Self::from_folder(path);
        }
        let file = std::fs::File::open(path)
            .map_err(|err| Error::new(format!("cannot read `{}`: {err}", path.display())))?;
        Self::from_zip(file, path)
    }

    fn from_folder(folder: &Path) -> Result<Self> {
        let mut export = Export::default();
        let entries = std::fs::read_dir(folder)
            .map_err(|err| Error::new(format!("cannot read the folder `{}`: {err}", folder.display())))?;
        for entry in entries.flatten().take(MAX_ENTRIES) {
            let name = entry.file_name().to_string_lossy().into_owned();
            match resume_file(&name) {
                // Only regular files: a link could point anywhere.
                Some(known) if entry.file_type().is_ok_and(|t| t.is_file()) => {
                    let bytes = crate::input::read_capped(&entry.path(), MAX_FILE)
                        .map_err(|refusal| refusal.to_error("read", &entry.path(), MAX_FILE))?;
                    export.files.insert(known.to_string(), text_of(&entry.path(), bytes)?);
                }
                _ => export.others.push(name),
            }
        }
        export.check_any(folder)?;
        Ok(export)
    }

    fn from_zip(reader: impl Read + Seek, path: &Path) -> Result<Self> {
        let not_zip = |err: zip::result::ZipError| {
            Error::new(format!("`{}` is not a LinkedIn export: {err}", path.display())).with_hint(
                "give the ZIP LinkedIn mails (Settings → Data privacy → Get a copy of your data), or the folder it unzips to",
            )
        };
        let mut archive = zip::ZipArchive::new(reader).map_err(not_zip)?;
        if archive.len() > MAX_ENTRIES {
            return Err(Error::new(format!(
                "`{}` lists {} files; a LinkedIn export has a few dozen",
                path.display(),
                archive.len()
            )));
        }
        let mut export = Export::default();
        for index in 0..archive.len() {
            let mut file = archive.by_index(index).map_err(not_zip)?;
            if file.is_dir() {
                continue;
            }
            let full = file.name().to_string();
            let name = full.rsplit('/').next().unwrap_or(&full).to_string();
            let Some(known) = resume_file(&name) else {
                export.others.push(name);
                continue;
            };
            let mut bytes = Vec::new();
            (&mut file)
                .take(MAX_FILE + 1)
                .read_to_end(&mut bytes)
                .map_err(|err| Error::new(format!("{}: {full}: cannot be read: {err}", path.display())))?;
            if bytes.len() as u64 > MAX_FILE {
                return Err(Error::new(format!(
                    "{}: {full} is over 8 MB once inflated; a résumé's file is kilobytes",
                    path.display()
                )));
            }
            export.files.insert(known.to_string(), text_of(Path::new(&full), bytes)?);
        }
        export.check_any(path)?;
        Ok(export)
    }

    fn check_any(&self, path: &Path) -> Result<()> {
        if self.files.is_empty() {
            return Err(Error::new(format!(
                "`{}` holds none of a LinkedIn export's résumé files ({})",
                path.display(),
                RESUME_FILES.join(", ")
            ))
            .with_hint("give the ZIP LinkedIn mails, or the folder it unzips to"));
        }
        Ok(())
    }

    /// The prose of the export's résumé files: what its language is told
    /// from.
    pub fn prose(&self) -> String {
        let mut out = String::new();
        for file in ["Profile.csv", "Positions.csv", "Education.csv", "Projects.csv", "Honors.csv"] {
            for row in self.rows(file) {
                for (column, value) in row.iter() {
                    if !matches!(column.as_str(), "Url" | "Websites" | "Started On" | "Finished On") {
                        out.push_str(value);
                        out.push('\n');
                    }
                }
            }
        }
        out
    }

    /// The rows of a file, each by its columns; a file that is absent has
    /// none. Lines before the header (LinkedIn's notes) are passed over:
    /// the header is the first row naming a column the file is known by.
    fn rows(&self, file: &str) -> Vec<BTreeMap<String, String>> {
        let Some(text) = self.files.get(file) else { return Vec::new() };
        let key = match file {
            "Profile.csv" => "First Name",
            "Email Addresses.csv" => "Email Address",
            "PhoneNumbers.csv" => "Number",
            "Positions.csv" => "Company Name",
            "Education.csv" => "School Name",
            "Projects.csv" | "Honors.csv" => "Title",
            "Volunteering.csv" => "Company Name",
            _ => "Name",
        };
        let mut reader =
            csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(text.as_bytes());
        let mut header: Option<Vec<String>> = None;
        let mut rows = Vec::new();
        for record in reader.records() {
            // A line the CSV reader cannot read (a quote never closed)
            // ends the file there; what it kept is read, and it is said.
            let Ok(record) = record else {
                self.broken.borrow_mut().push(file.to_string());
                break;
            };
            let cells: Vec<String> = record.iter().map(|c| c.trim().to_string()).collect();
            match &header {
                None if cells.iter().any(|c| c == key) => header = Some(cells),
                None => {}
                Some(columns) => {
                    let row: BTreeMap<String, String> =
                        columns.iter().cloned().zip(cells).filter(|(_, value)| !value.is_empty()).collect();
                    if !row.is_empty() {
                        rows.push(row);
                    }
                }
            }
        }
        rows
    }
}

/// The known résumé file `name` is, matched without regard to case.
fn resume_file(name: &str) -> Option<&'static str> {
    RESUME_FILES.iter().copied().find(|known| known.eq_ignore_ascii_case(name))
}

/// A file's text: UTF-8 with or without its byte-order mark.
fn text_of(path: &Path, bytes: Vec<u8>) -> Result<String> {
    let text = crate::input::decode(path, bytes)?;
    Ok(text.strip_prefix('\u{feff}').map(str::to_string).unwrap_or(text))
}

/// A month as LinkedIn writes it: `Mar 2021`, `March 2021`, `Mar 3, 2021`,
/// `2021-03`, or a year alone, which stays a year (standing for its last
/// month at the end of a period).
fn month(text: &str, is_end: bool) -> Option<YearMonth> {
    const MONTHS: [&str; 12] =
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
    let text = text.trim();
    if let Some(month) = YearMonth::parse(text) {
        return Some(if is_end { month.as_end() } else { month });
    }
    let words: Vec<&str> = text.split([' ', ',']).filter(|w| !w.is_empty()).collect();
    let (name, year) = match words.as_slice() {
        [name, year] | [name, _, year] => (*name, *year),
        _ => return None,
    };
    let index = MONTHS.iter().position(|m| name.to_ascii_lowercase().starts_with(m))?;
    YearMonth::new(year.parse().ok()?, index as u8 + 1)
}

/// `[COMPANY:https://a.example,PORTFOLIO:https://b.example]` → the
/// addresses; a plain list of addresses reads too.
fn websites(text: &str) -> Vec<String> {
    let inner = text.trim().trim_start_matches('[').trim_end_matches(']');
    inner
        .split(',')
        .filter_map(|part| {
            let part = part.trim();
            let url = match part.split_once(':') {
                Some((kind, rest)) if !kind.contains('/') && !rest.starts_with("//") => rest,
                _ => part,
            };
            Some(url.trim().to_string()).filter(|u| !u.is_empty())
        })
        .collect()
}

/// Reads a LinkedIn export, with its prose in `lang`.
pub fn import(export: &Export, lang: Language) -> Result<Imported> {
    let mut reader = Reader { importer: Importer::new(lang)?, export };
    let resume = reader.resume()?;
    let mut notes = reader.importer.notes;
    let mut broken = export.broken.borrow().clone();
    broken.sort();
    broken.dedup();
    for file in broken {
        notes.push(format!(
            "{file}: a line cannot be read as CSV (a quote never closed?); what follows it was left out"
        ));
    }
    if !export.others.is_empty() {
        notes.push(format!(
            "{}: no part of a résumé; left out",
            export.others.iter().take(12).cloned().collect::<Vec<_>>().join(", ")
                + if export.others.len() > 12 { ", …" } else { "" }
        ));
    }
    let header = "# Imported from a LinkedIn export; run `resume check` and add the other languages.\n";
    let toml = super::import::printable_toml(&resume, header, &mut notes);
    Ok(Imported { toml, skipped: notes })
}

/// A company's titles with their dates, as its positions give them.
type Titles = Vec<(Text, Option<Period>)>;

struct Reader<'a> {
    importer: Importer,
    export: &'a Export,
}

impl Reader<'_> {
    /// A period from LinkedIn's `Started On` and `Finished On`; none when
    /// it has no start, with a note when the dates do not read.
    fn period(
        &mut self,
        place: &str,
        row: &BTreeMap<String, String>,
        start: &str,
        end: &str,
    ) -> Option<Period> {
        let start_text = row.get(start)?;
        let Some(first) = month(start_text, false) else {
            self.importer.note(place, &format!("`{start_text}` is not a date; the period was left out"));
            return None;
        };
        let last = match row.get(end) {
            None => None,
            Some(text) => match month(text, true) {
                Some(last) => Some(last),
                None => {
                    self.importer.note(place, &format!("`{text}` is not a date; the period was left out"));
                    return None;
                }
            },
        };
        let (period, swapped) = ordered_period(first, last);
        if let Some(swapped) = swapped {
            self.importer.note(place, &format!("the period {swapped}"));
        }
        Some(period)
    }

    /// Columns of a row no field takes, each named.
    fn unknown(&mut self, place: &str, row: &BTreeMap<String, String>, known: &[&str]) {
        for column in row.keys().filter(|c| !known.contains(&c.as_str())) {
            self.importer.note(&format!("{place}, {column}"), "has no place in resume.toml; left out");
        }
    }

    /// A LinkedIn description: lines that start with a bullet mark are
    /// bullets, the rest the description.
    fn description(&mut self, place: &str, text: &str) -> (Option<Text>, Vec<Bullet>) {
        let mut prose = Vec::new();
        let mut bullets = Vec::new();
        for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
            match line.strip_prefix(['•', '-', '*', '·', '▪', '–']) {
                Some(item) => bullets.extend(self.importer.bullet(place, item.trim())),
                None => prose.push(line),
            }
        }
        let description = (!prose.is_empty()).then(|| self.importer.prose(&prose.join(" ")));
        (description, bullets)
    }

    fn resume(&mut self) -> Result<Resume> {
        let mut resume = Resume {
            settings: Default::default(),
            person: self.person(),
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
        if let Some(summary) = self.export.rows("Profile.csv").first().and_then(|r| r.get("Summary").cloned())
        {
            resume.summary = Some(self.importer.prose(&summary));
        }
        self.positions(&mut resume);
        self.education(&mut resume);
        self.projects(&mut resume);
        self.certifications(&mut resume);
        self.honors(&mut resume);
        self.publications(&mut resume);
        self.sections(&mut resume)?;
        Ok(resume)
    }

    fn person(&mut self) -> Person {
        let profile = self.export.rows("Profile.csv").into_iter().next().unwrap_or_default();
        let name = [profile.get("First Name"), profile.get("Last Name")]
            .into_iter()
            .flatten()
            .cloned()
            .collect::<Vec<_>>()
            .join(" ");
        let name = if name.is_empty() {
            let placeholder = if self.importer.lang == "ko" { "이름" } else { "Your Name" };
            self.importer.note(
                "Profile.csv, First Name",
                &format!("missing; `name` is set to \"{placeholder}\" under [person]: fill it in"),
            );
            placeholder.to_string()
        } else {
            name
        };
        let mut links = Vec::new();
        for url in profile.get("Websites").map(|w| websites(w)).unwrap_or_default() {
            if let Some(url) = self.importer.link("Profile.csv, Websites", &url)
                && !links.iter().any(|l: &PersonLink| l.url() == url)
            {
                links.push(PersonLink::Address(url));
            }
        }
        for handle in profile.get("Twitter Handles").map(|w| websites(w)).unwrap_or_default() {
            let handle = handle.trim_start_matches('@');
            if let Some(url) =
                self.importer.link("Profile.csv, Twitter Handles", &format!("https://x.com/{handle}"))
            {
                links.push(PersonLink::Address(url));
            }
        }
        for private in ["Address", "Birth Date", "Zip Code", "Maiden Name", "Instant Messengers"] {
            if profile.contains_key(private) {
                self.importer.note(
                    &format!("Profile.csv, {private}"),
                    "private, and printed on no résumé; left out (the 이력서 form's are `person.address` and `person.birth_date`)",
                );
            }
        }
        if profile.contains_key("Industry") {
            self.importer.note("Profile.csv, Industry", "has no place in resume.toml; left out");
        }
        let emails = self.export.rows("Email Addresses.csv");
        let email = emails
            .iter()
            .find(|r| r.get("Primary").is_some_and(|p| p.eq_ignore_ascii_case("yes")))
            .or(emails.first())
            .and_then(|r| r.get("Email Address"))
            .filter(|e| crate::model::is_email(e))
            .map(|e| Text::Plain(e.clone()));
        let phone = self
            .export
            .rows("PhoneNumbers.csv")
            .first()
            .and_then(|r| r.get("Number").cloned())
            .filter(|n| crate::model::safe_url(&format!("tel:{}", n.replace(' ', ""))).is_ok())
            .map(Text::Plain);
        Person {
            name: Text::Plain(name),
            headline: profile.get("Headline").map(|h| self.importer.prose(h)),
            email,
            phone,
            location: profile.get("Geo Location").map(|l| self.importer.prose(l)),
            links,
            photo: None,
            name_hanja: None,
            birth_date: None,
            address: None,
            nationality: None,
            visa: None,
        }
    }

    /// Each position: its company (with its place and titles), and a
    /// project holding what was done, named by the title.
    fn positions(&mut self, resume: &mut Resume) {
        let mut titles: Vec<(String, Titles)> = Vec::new();
        for (n, row) in self.export.rows("Positions.csv").iter().enumerate() {
            let place = format!("Positions.csv, row {}", n + 1);
            let Some(company) = row.get("Company Name") else {
                self.importer.note(&place, "has no company; left out");
                continue;
            };
            let company_id = self.importer.company_named(company, resume);
            if let Some(location) = row.get("Location")
                && let Some(entry) = resume.companies.iter_mut().find(|c| c.id == company_id)
            {
                entry.location.get_or_insert_with(|| {
                    Text::Localized([(self.importer.lang.to_string(), location.clone())].into())
                });
            }
            let period = self.period(&place, row, "Started On", "Finished On");
            let title = row.get("Title").cloned().unwrap_or_else(|| company.clone());
            match titles.iter_mut().find(|(id, _)| *id == company_id) {
                Some((_, held)) => held.push((self.importer.prose(&title), period)),
                None => titles.push((company_id.clone(), vec![(self.importer.prose(&title), period)])),
            }
            let (description, responsibilities) = match row.get("Description") {
                Some(text) => self.description(&format!("{place}, Description"), text),
                None => (None, Vec::new()),
            };
            let id = self.importer.ids.claim(&format!("{company} {title}"), "project");
            resume.projects.push(Project {
                description,
                responsibilities,
                ..Project::new(id, self.importer.prose(&title), company_id, period)
            });
            self.unknown(
                &place,
                row,
                &["Company Name", "Title", "Description", "Location", "Started On", "Finished On"],
            );
        }
        for (company_id, held) in titles {
            let Some(company) = resume.companies.iter_mut().find(|c| c.id == company_id) else { continue };
            company.role = Some(match held.as_slice() {
                [(title, _)] => Roles::One(title.clone()),
                _ => Roles::Many(
                    held.into_iter()
                        .map(|(title, period)| Role {
                            id: None,
                            title,
                            period,
                            department: None,
                            duties: None,
                        })
                        .collect(),
                ),
            });
        }
    }

    fn education(&mut self, resume: &mut Resume) {
        for (n, row) in self.export.rows("Education.csv").iter().enumerate() {
            let place = format!("Education.csv, row {}", n + 1);
            let Some(school) = row.get("School Name") else {
                self.importer.note(&place, "has no school; left out");
                continue;
            };
            let mut details = Vec::new();
            for column in ["Notes", "Activities"] {
                if let Some(text) = row.get(column) {
                    details.extend(self.importer.bullet(&format!("{place}, {column}"), text));
                }
            }
            resume.education.push(Education {
                id: self.importer.ids.claim(school, "education"),
                school: self.importer.prose(school),
                degree: row.get("Degree Name").map(|d| self.importer.prose(d)),
                major: None,
                standing: None,
                gpa: None,
                period: self.period(&place, row, "Start Date", "End Date"),
                details,
                tags: vec![],
            });
            self.unknown(
                &place,
                row,
                &["School Name", "Start Date", "End Date", "Notes", "Degree Name", "Activities"],
            );
        }
    }

    /// Projects: one's own, with their link and period.
    fn projects(&mut self, resume: &mut Resume) {
        for (n, row) in self.export.rows("Projects.csv").iter().enumerate() {
            let place = format!("Projects.csv, row {}", n + 1);
            let Some(title) = row.get("Title") else { continue };
            let (description, responsibilities) = match row.get("Description") {
                Some(text) => self.description(&format!("{place}, Description"), text),
                None => (None, Vec::new()),
            };
            let period = self.period(&place, row, "Started On", "Finished On");
            let id = self.importer.ids.claim(title, "project");
            resume.projects.push(Project {
                link: row.get("Url").and_then(|u| self.importer.link(&format!("{place}, Url"), u)),
                description,
                responsibilities,
                ..Project::new(id, self.importer.prose(title), String::new(), period)
            });
            self.unknown(&place, row, &["Title", "Description", "Url", "Started On", "Finished On"]);
        }
    }

    fn certifications(&mut self, resume: &mut Resume) {
        for (n, row) in self.export.rows("Certifications.csv").iter().enumerate() {
            let place = format!("Certifications.csv, row {}", n + 1);
            let Some(name) = row.get("Name") else { continue };
            let date = row.get("Started On").and_then(|d| month(d, false));
            for column in ["Finished On", "License Number"] {
                if row.contains_key(column) {
                    self.importer
                        .note(&format!("{place}, {column}"), "has no place in resume.toml; left out");
                }
            }
            resume.certifications.push(Certification {
                id: self.importer.ids.claim(name, "certification"),
                name: self.importer.prose(name),
                issuer: row.get("Authority").map(|a| self.importer.prose(a)),
                date,
                link: row.get("Url").and_then(|u| self.importer.link(&format!("{place}, Url"), u)),
                tags: vec![],
            });
            self.unknown(
                &place,
                row,
                &["Name", "Url", "Authority", "Started On", "Finished On", "License Number"],
            );
        }
    }

    fn honors(&mut self, resume: &mut Resume) {
        for (n, row) in self.export.rows("Honors.csv").iter().enumerate() {
            let place = format!("Honors.csv, row {}", n + 1);
            let Some(title) = row.get("Title") else { continue };
            resume.awards.push(Award {
                name: self.importer.prose(title),
                issuer: None,
                date: row.get("Issued On").and_then(|d| month(d, false)),
                summary: row.get("Description").map(|d| self.importer.prose(d)),
            });
            self.unknown(&place, row, &["Title", "Description", "Issued On"]);
        }
    }

    fn publications(&mut self, resume: &mut Resume) {
        for (n, row) in self.export.rows("Publications.csv").iter().enumerate() {
            let place = format!("Publications.csv, row {}", n + 1);
            let Some(name) = row.get("Name") else { continue };
            resume.publications.push(Publication {
                title: self.importer.prose(name),
                authors: Vec::new(),
                journal: row.get("Publisher").map(|p| self.importer.prose(p)),
                date: row.get("Published On").and_then(|d| month(d, false)),
                doi: None,
                link: row.get("Url").and_then(|u| self.importer.link(&format!("{place}, Url"), u)),
                summary: row.get("Description").map(|d| self.importer.prose(d)),
            });
            self.unknown(&place, row, &["Name", "Published On", "Description", "Publisher", "Url"]);
        }
    }

    /// Skills, languages and volunteering: free sections, with the ids and
    /// titles a JSON Resume import gives them, so an export puts them back
    /// in JSON Resume's places.
    fn sections(&mut self, resume: &mut Resume) -> Result<()> {
        let skills: Vec<String> =
            self.export.rows("Skills.csv").iter().filter_map(|r| r.get("Name").cloned()).collect();
        if !skills.is_empty() {
            resume.sections.push(self.section(
                "skill-set",
                "section-skills",
                vec![SectionEntry {
                    name: self.importer.prose(&self.importer.catalogue.label("section-skills", None)?),
                    detail: None,
                    date: None,
                    period: None,
                    link: None,
                    summary: None,
                    keywords: skills,
                    details: vec![],
                }],
            )?);
        }
        let mut languages = Vec::new();
        for row in self.export.rows("Languages.csv") {
            let Some(name) = row.get("Name") else { continue };
            languages.push(SectionEntry {
                name: self.importer.prose(name),
                detail: row.get("Proficiency").map(|p| self.importer.prose(p)),
                date: None,
                period: None,
                link: None,
                summary: None,
                keywords: vec![],
                details: vec![],
            });
        }
        if !languages.is_empty() {
            resume.sections.push(self.section("spoken-languages", "section-spoken-languages", languages)?);
        }
        let mut roles = Vec::new();
        for (n, row) in self.export.rows("Volunteering.csv").iter().enumerate() {
            let place = format!("Volunteering.csv, row {}", n + 1);
            let Some(organisation) = row.get("Company Name") else { continue };
            let (name, detail) = match row.get("Role") {
                Some(role) => (role.clone(), Some(organisation.clone())),
                None => (organisation.clone(), None),
            };
            let (summary, details) = match row.get("Description") {
                Some(text) => self.description(&format!("{place}, Description"), text),
                None => (None, Vec::new()),
            };
            roles.push(SectionEntry {
                name: self.importer.prose(&name),
                detail: detail.map(|d| self.importer.prose(&d)),
                date: None,
                period: self.period(&place, row, "Started On", "Finished On"),
                link: None,
                summary,
                keywords: row.get("Cause").cloned().into_iter().collect(),
                details,
            });
            self.unknown(
                &place,
                row,
                &["Company Name", "Role", "Cause", "Started On", "Finished On", "Description"],
            );
        }
        if !roles.is_empty() {
            resume.sections.push(self.section("volunteer", "section-volunteer", roles)?);
        }
        Ok(())
    }

    fn section(&mut self, id: &str, title: &str, entries: Vec<SectionEntry>) -> Result<Section> {
        self.importer.ids.reserve(id);
        Ok(Section {
            id: id.to_string(),
            title: self.importer.prose(&self.importer.catalogue.label(title, None)?),
            entries,
            items: vec![],
            tags: vec![],
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_read_as_linkedin_writes_them() {
        let ym = |y, m| YearMonth::new(y, m);
        assert_eq!(month("Mar 2021", false), ym(2021, 3));
        assert_eq!(month("March 2021", false), ym(2021, 3));
        assert_eq!(month("Mar 3, 2021", false), ym(2021, 3));
        assert_eq!(month("2019", false), YearMonth::year(2019, 1));
        assert_eq!(month("2019", true), YearMonth::year(2019, 12));
        assert_eq!(month("Smarch 2021", false), None);
    }

    #[test]
    fn websites_read_with_and_without_their_kinds() {
        assert_eq!(
            websites("[COMPANY:https://a.example,PORTFOLIO:https://b.example/x]"),
            ["https://a.example", "https://b.example/x"]
        );
        assert_eq!(websites("https://c.example"), ["https://c.example"]);
        assert_eq!(websites("[OTHER:c.example/me]"), ["c.example/me"]);
    }
}
