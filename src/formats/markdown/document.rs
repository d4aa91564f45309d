//! The tool's own Markdown export, read back: `# name`, the headline in
//! bold, the contact row, the summary; then `##` sections titled as either
//! built-in catalogue titles them, projects and schools as `###` entries,
//! keys as the catalogue labels them (`- 기간: 2022.04 ~ 현재 (4년 9개월)`,
//! `- Period: Apr 2022 – Present (4 yrs 9 mos)`).
//!
//! What the export computes is not read back but computed again from what
//! it was computed from: durations, the career total, the skills summary.
//! The career summary gives the companies: their renames with the month,
//! roles and locations. Any other `##` section is a free section.

use std::collections::HashMap;

use super::dates::{read_month, read_period};
use super::outline::{Block, Item, Paragraph, inline_link, key_value, split_link, unescape};
use super::reader::{CompanyName, Markdown, read_rename};
use crate::error::Result;
use crate::formats::import::{Ids, ordered_period};
use crate::i18n::{Catalogue, LANGUAGES};
use crate::model::{
    Award, Certification, Contribution, Education, LanguageTest, Person, Publication, Resume, Section, Text,
};

/// The built-in sections, as the export titles them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Career,
    Projects,
    Skills,
    Education,
    Certifications,
    OpenSource,
    LanguageTests,
    Awards,
    Publications,
}

const SECTION_IDS: [(&str, Kind); 9] = [
    ("section-summary", Kind::Career),
    ("section-projects", Kind::Projects),
    ("section-skills", Kind::Skills),
    ("section-education", Kind::Education),
    ("section-certifications", Kind::Certifications),
    ("section-open-source", Kind::OpenSource),
    ("section-language-tests", Kind::LanguageTests),
    ("section-awards", Kind::Awards),
    ("section-publications", Kind::Publications),
];

/// Keys the export writes outside a project (a project's keys are read
/// as in the seed form).
const KEY_IDS: [&str; 8] = [
    "field-period",
    "field-degree",
    "field-role",
    "field-department",
    "field-location",
    "field-gpa",
    "field-authors",
    "field-doi",
];

/// The built-in catalogues' labels, by their text in every language: what
/// the export may have printed, whichever language it was made in.
struct Labels(HashMap<String, &'static str>);

impl Labels {
    fn builtin() -> Self {
        let mut by_text = HashMap::new();
        for language in LANGUAGES {
            let catalogue = Catalogue::new(*language, &[]).expect("built-in catalogues build");
            for id in SECTION_IDS.iter().map(|(id, _)| *id).chain(KEY_IDS) {
                let text = catalogue.label(id, None).expect("built-in labels format");
                by_text.insert(text.to_lowercase(), id);
            }
        }
        Labels(by_text)
    }

    /// The message id `text` is the label of, if any.
    fn id_of(&self, text: &str) -> Option<&'static str> {
        self.0.get(&unescape(text).trim().to_lowercase()).copied()
    }

    fn section(&self, title: &str) -> Option<Kind> {
        let id = self.id_of(title)?;
        SECTION_IDS.iter().find(|(i, _)| *i == id).map(|(_, kind)| *kind)
    }
}

/// Whether the outline is the tool's export rather than the seed form: a
/// `##` heading is one of the built-in section titles.
pub(super) fn is_export(blocks: &[Block]) -> bool {
    let labels = Labels::builtin();
    blocks.iter().any(|b| b.level == 2 && labels.section(&b.name).is_some())
}

/// The parts of an export, gathered before they are read, so that the
/// projects' ids are given first, as in the seed form.
#[derive(Default)]
struct Parts<'b> {
    companies: Vec<CompanyName>,
    projects: Vec<Block>,
    schools: Vec<&'b Block>,
    certifications: Vec<&'b Item>,
    contributions: Vec<&'b Item>,
    language_tests: Vec<&'b Item>,
    awards: Vec<&'b Item>,
    publications: Vec<&'b Item>,
    sections: Vec<&'b Block>,
}

impl Markdown<'_> {
    /// A résumé from the tool's own Markdown export.
    pub(super) fn document(&mut self, blocks: &[Block]) -> Result<Resume> {
        let labels = Labels::builtin();
        let mut person = self.person_named(blocks.iter().find(|b| b.level == 1))?;
        let summary = self.header(blocks, &mut person);
        let parts = self.parts(blocks, &labels);
        let mut ids = Ids::for_entries();
        let (companies, projects) = self.projects(&parts.projects, parts.companies, &mut ids)?;
        let education = parts.schools.iter().map(|b| self.school(b, &labels, &mut ids)).collect();
        let certifications =
            parts.certifications.iter().filter_map(|i| self.certification(i, &mut ids)).collect();
        let open_source = parts.contributions.iter().filter_map(|i| self.contribution(i, &mut ids)).collect();
        let sections = parts.sections.iter().map(|b| self.section(b, &mut ids)).collect();
        Ok(Resume {
            settings: Default::default(),
            person,
            summary,
            companies,
            projects,
            education,
            certifications,
            open_source,
            sections,
            letters: Vec::new(),
            language_tests: parts.language_tests.iter().filter_map(|i| self.language_test(i)).collect(),
            military: None,
            awards: parts.awards.iter().filter_map(|i| self.award(i)).collect(),
            publications: parts.publications.iter().filter_map(|i| self.publication(i, &labels)).collect(),
            profiles: Default::default(),
            check: Default::default(),
            tailor: Default::default(),
        })
    }

    /// The prose before the first section: the headline (in bold), the
    /// contact row (links joined by ` · `, the location first), and the
    /// summary, which is returned.
    fn header(&mut self, blocks: &[Block], person: &mut Person) -> Option<Text> {
        let header = blocks.iter().take_while(|b| b.level < 2);
        let mut summary = Vec::new();
        for block in header.clone() {
            for item in &block.items {
                self.note(item.line, "an item before the first `##` section; left out");
            }
        }
        let paragraphs: Vec<&Paragraph> = header.flat_map(|b| &b.paragraphs).collect();
        for (n, paragraph) in paragraphs.into_iter().enumerate() {
            let bold = paragraph.text.strip_prefix("**").and_then(|t| t.strip_suffix("**"));
            match bold {
                Some(headline) if n == 0 && !headline.trim().is_empty() => {
                    person.headline = Some(self.prose(headline.trim()))
                }
                _ if paragraph.text.contains("](") && person.links.is_empty() && person.email.is_none() => {
                    self.contacts(paragraph, person)
                }
                _ => summary.push(unescape(&paragraph.text)),
            }
        }
        (!summary.is_empty()).then(|| self.prose(&summary.join("\n\n")))
    }

    /// The contact row: `서울 · [a@b.c](mailto:a@b.c) · [010-1234](tel:0101234) · [site](https://…)`.
    fn contacts(&mut self, row: &Paragraph, person: &mut Person) {
        for (n, segment) in row.text.split(" · ").enumerate() {
            let Some((text, url)) = inline_link(segment) else {
                if n == 0 && !segment.trim().is_empty() {
                    person.location = Some(self.prose(segment.trim()));
                } else {
                    self.note(row.line, format!("`{segment}` in the contact row is not a link; left out"));
                }
                continue;
            };
            let text = unescape(text);
            let phone_link = format!("tel:{}", text.replace(' ', ""));
            if url.starts_with("mailto:") {
                match crate::model::is_email(&text) {
                    true => person.email = Some(Text::Plain(text)),
                    false => self.note(row.line, format!("`{text}` is not an e-mail address; left out")),
                }
            } else if url.starts_with("tel:") {
                match crate::model::safe_url(&phone_link) {
                    Ok(()) => person.phone = Some(Text::Plain(text)),
                    Err(_) => self.note(row.line, format!("`{text}` is not a phone number; left out")),
                }
            } else if let Some(url) = self.link(row.line, url) {
                person.links.push(crate::model::PersonLink::Address(url));
            }
        }
    }

    /// Sorts the blocks into the sections they belong to; `###` entries go
    /// with the `##` section above them.
    fn parts<'b>(&mut self, blocks: &'b [Block], labels: &Labels) -> Parts<'b> {
        let mut parts = Parts::default();
        let mut section = None;
        for block in blocks.iter().skip_while(|b| b.level < 2) {
            if block.level == 2 {
                section = if block.free { None } else { labels.section(&block.name) };
                match section {
                    Some(Kind::Career) => parts.companies = self.career(block, labels),
                    Some(Kind::Certifications) => parts.certifications.extend(&block.items),
                    Some(Kind::OpenSource) => parts.contributions.extend(&block.items),
                    Some(Kind::LanguageTests) => parts.language_tests.extend(&block.items),
                    Some(Kind::Awards) => parts.awards.extend(&block.items),
                    Some(Kind::Publications) => parts.publications.extend(&block.items),
                    Some(Kind::Skills) => {} // computed again from the projects
                    None if unescape(&block.name).trim().is_empty() => self.untitled(block),
                    None => parts.sections.push(block),
                    Some(Kind::Projects | Kind::Education) => self.nothing_outside_entries(block),
                }
                continue;
            }
            match (block.level, section) {
                (3, Some(Kind::Projects)) => parts.projects.push(Block {
                    level: 3,
                    free: false,
                    name: block.name.clone(),
                    line: block.line,
                    at: block.at,
                    paragraphs: vec![],
                    items: block.items.clone(),
                }),
                (3, Some(Kind::Education)) if unescape(&block.name).trim().is_empty() => self.untitled(block),
                (3, Some(Kind::Education)) => parts.schools.push(block),
                _ => {
                    self.note(block.line, format!("the heading `{}` has no place here; left out", block.name))
                }
            }
        }
        parts
    }

    /// Reports a heading without a name, and leaves out what is under it.
    fn untitled(&mut self, block: &Block) {
        self.note(block.line, "a heading without a name; left out with what is under it");
    }

    /// Reports items written under `## Projects` or `## Education` but
    /// outside any `###` entry.
    fn nothing_outside_entries(&mut self, block: &Block) {
        for item in &block.items {
            self.note(item.line, format!("an item under `{}` outside any `###` entry; left out", block.name));
        }
    }

    /// The companies of the career summary, `- company: period (duration)`
    /// with the role and location nested; a company that shows under its
    /// former name in one stretch and renamed in another is one company.
    fn career(&mut self, block: &Block, labels: &Labels) -> Vec<CompanyName> {
        let mut read = Vec::new();
        for item in &block.items {
            let company = match item.text.rsplit_once(": ") {
                Some((company, period))
                    if read_period(period).is_some() && !unescape(company).trim().is_empty() =>
                {
                    unescape(company).trim().to_string()
                }
                _ => {
                    self.note(item.line, "not a career line (`- company: period`); left out");
                    continue;
                }
            };
            let mut name = read_rename(&company)
                .unwrap_or(CompanyName { name: company.clone(), ..CompanyName::default() });
            for child in &item.children {
                let (key, value) = key_value(&child.text);
                match (labels.id_of(&key), value) {
                    (Some("field-role"), Some(value)) => {
                        // `Tech lead (2021.01 ~ 현재)`: a title of several, with its period.
                        let (title, period) = match value.rfind(" (") {
                            Some(open) if value.ends_with(')') => {
                                match read_period(&value[open + 2..value.len() - 1]) {
                                    Some((start, end)) => {
                                        (&value[..open], Some(crate::model::Period { start, end }))
                                    }
                                    None => (value.as_str(), None),
                                }
                            }
                            _ => (value.as_str(), None),
                        };
                        let title = self.prose(title);
                        name.roles.push((title, period, None));
                    }
                    // The team of the title above it.
                    (Some("field-department"), Some(value)) if !name.roles.is_empty() => {
                        let department = self.prose(&value);
                        name.roles.last_mut().expect("checked").2 = Some(department);
                    }
                    (Some("field-location"), Some(value)) => name.location = Some(self.prose(&value)),
                    _ => self
                        .note(child.line, format!("`{}` is not a role or a location; left out", child.text)),
                }
            }
            read.push(name);
        }
        // Renames first, so that a stretch under the former name alone
        // finds the company it belongs to.
        read.sort_by_key(|c| c.formerly.is_none());
        let mut companies: Vec<CompanyName> = Vec::new();
        for name in read {
            match companies.iter_mut().find(|c| c.is_named(&name)) {
                Some(company) => {
                    company.roles.extend(name.roles);
                    company.location = company.location.take().or(name.location);
                }
                None => companies.push(name),
            }
        }
        companies
    }

    /// A school: `### school`, then its period and degree by key, then
    /// its details as bullets.
    fn school(&mut self, block: &Block, labels: &Labels, ids: &mut Ids) -> Education {
        let (mut period, mut degree, mut gpa, mut details) = (None, None, None, Vec::new());
        for item in &block.items {
            let (key, value) = key_value(&item.text);
            match (labels.id_of(&key), value) {
                (Some("field-period"), Some(value)) if period.is_none() => match read_period(&value) {
                    Some((start, end)) => period = Some(self.ordered(item.line, start, end)),
                    None => self.note(item.line, format!("`{value}` is not a period; left out")),
                },
                (Some("field-degree"), Some(value)) if degree.is_none() => degree = Some(self.prose(&value)),
                (Some("field-gpa"), Some(value)) if gpa.is_none() => gpa = Some(unescape(&value)),
                _ => details.extend(self.bullet(item)),
            }
        }
        let school = unescape(&block.name);
        Education {
            id: ids.claim(&school, "education"),
            school: self.prose(&block.name),
            degree,
            period,
            details,
            tags: vec![],
            major: None,
            standing: None,
            gpa,
        }
    }

    /// A language test: `- test · score · issuer: month`.
    fn language_test(&mut self, item: &Item) -> Option<LanguageTest> {
        let (rest, date) = match item.text.rsplit_once(": ") {
            Some((rest, month)) if read_month(month).is_some() => (rest.to_string(), read_month(month)),
            _ => (item.text.clone(), None),
        };
        let mut parts = rest.splitn(3, " · ");
        let test = unescape(parts.next().unwrap_or_default()).trim().to_string();
        let Some(score) = parts.next().map(|s| unescape(s).trim().to_string()) else {
            self.note(item.line, format!("`{}` gives no score after ` · `; left out", item.text));
            return None;
        };
        let issuer = parts.next().map(|i| self.prose(i)).filter(|i| !i.any().trim().is_empty());
        let test = self.named(item, &test)?;
        Some(LanguageTest { test, score: self.neutral(&score), date, issuer })
    }

    /// An award: `- name · issuer: month`, with its summary nested.
    fn award(&mut self, item: &Item) -> Option<Award> {
        let (rest, date) = match item.text.rsplit_once(": ") {
            Some((rest, month)) if read_month(month).is_some() => (rest.to_string(), read_month(month)),
            _ => (item.text.clone(), None),
        };
        let (name, issuer) = match rest.split_once(" · ") {
            Some((name, issuer)) => (name.to_string(), Some(self.prose(issuer))),
            None => (rest, None),
        };
        let name = self.named(item, &name)?;
        let summary = item.children.first().map(|i| self.prose(&i.text));
        Some(Award {
            name: self.prose(&name),
            issuer: issuer.filter(|i| !i.any().trim().is_empty()),
            date,
            summary,
        })
    }

    /// A publication: `- title · journal: month <link>`, its authors, DOI
    /// and summary beneath.
    fn publication(&mut self, item: &Item, labels: &Labels) -> Option<Publication> {
        let (body, url) = split_link(&item.text);
        let link = url.and_then(|url| self.link(item.line, &url));
        let (rest, date) = match body.rsplit_once(": ") {
            Some((rest, month)) if read_month(month).is_some() => (rest.to_string(), read_month(month)),
            _ => (body.clone(), None),
        };
        let (title, journal) = match rest.split_once(" · ") {
            Some((title, journal)) => (title.to_string(), Some(self.prose(journal))),
            None => (rest, None),
        };
        let title = self.named(item, &title)?;
        let (mut authors, mut doi, mut summary) = (Vec::new(), None, None);
        for child in &item.children {
            let (key, value) = key_value(&child.text);
            match (labels.id_of(&key), value) {
                (Some("field-authors"), Some(value)) => {
                    authors = unescape(&value).split(", ").map(|a| a.trim().to_string()).collect()
                }
                (Some("field-doi"), Some(value)) => doi = Some(unescape(&value).trim().to_string()),
                _ if summary.is_none() => summary = Some(self.prose(&child.text)),
                _ => self.note(child.line, format!("`{}` is a second summary; left out", child.text)),
            }
        }
        // A link that is only the DOI's address is the DOI's.
        let link = link.filter(|url| doi.as_ref().is_none_or(|d| *url != format!("https://doi.org/{d}")));
        Some(Publication {
            title: self.prose(&title),
            authors,
            journal: journal.filter(|j| !j.any().trim().is_empty()),
            date,
            doi,
            link,
            summary,
        })
    }

    /// A period, swapped with a note when it runs backwards.
    fn ordered(
        &mut self,
        line: usize,
        start: crate::model::YearMonth,
        end: Option<crate::model::YearMonth>,
    ) -> crate::model::Period {
        let (period, swapped) = ordered_period(start, end);
        if let Some(swapped) = swapped {
            self.note(line, format!("the period {swapped}"));
        }
        period
    }

    /// A certificate: `- name · issuer: month <link>`.
    fn certification(&mut self, item: &Item, ids: &mut Ids) -> Option<Certification> {
        let (body, url) = split_link(&item.text);
        let link = url.and_then(|url| self.link(item.line, &url));
        let (rest, date) = match body.rsplit_once(": ") {
            Some((rest, month)) if read_month(month).is_some() => (rest.to_string(), read_month(month)),
            _ => (body.clone(), None),
        };
        let (name, issuer) = match rest.split_once(" · ") {
            Some((name, issuer)) => (name.to_string(), Some(self.prose(issuer))),
            None => (rest, None),
        };
        let name = self.named(item, &name)?;
        Some(Certification {
            id: ids.claim(&name, "certification"),
            name: self.neutral(&name),
            issuer: issuer.filter(|i| !i.any().trim().is_empty()),
            date,
            link,
            tags: vec![],
        })
    }

    /// A contribution: `- name: period`, with its description and link
    /// nested.
    fn contribution(&mut self, item: &Item, ids: &mut Ids) -> Option<Contribution> {
        let (name, period) = match item.text.rsplit_once(": ") {
            Some((name, period)) => match read_period(period) {
                Some((start, end)) => (name.to_string(), Some(self.ordered(item.line, start, end))),
                None => (item.text.clone(), None),
            },
            None => (item.text.clone(), None),
        };
        let (mut description, mut link) = (None, None);
        for child in &item.children {
            match split_link(&child.text) {
                (body, Some(url)) if body.is_empty() && link.is_none() => link = self.link(child.line, &url),
                (body, _) if description.is_none() && !body.is_empty() => {
                    description = Some(self.prose(&body))
                }
                _ => self
                    .note(child.line, format!("`{}` is a second description or link; left out", child.text)),
            }
        }
        let name = self.named(item, &name)?;
        Some(Contribution {
            id: ids.claim(&name, "open-source"),
            name: self.neutral(&name),
            description,
            period,
            link,
            tags: vec![],
        })
    }

    /// The name an entry's item starts with, its escapes undone, or a note
    /// when it has none.
    fn named(&mut self, item: &Item, name: &str) -> Option<String> {
        let name = unescape(name).trim().to_string();
        if name.is_empty() {
            self.note(item.line, format!("`{}` has no name; left out", item.text));
            return None;
        }
        Some(name)
    }

    /// A free section: its title and its bullets.
    fn section(&mut self, block: &Block, ids: &mut Ids) -> Section {
        for paragraph in &block.paragraphs {
            self.note(paragraph.line, format!("prose under `{}` is not a bullet; left out", block.name));
        }
        let items = block.items.iter().flat_map(|item| self.bullet(item)).collect();
        Section {
            entries: vec![],
            id: ids.claim(&unescape(&block.name), "section"),
            title: self.prose(&block.name),
            items,
            tags: vec![],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_catalogue_title_is_recognised() {
        let labels = Labels::builtin();
        for (title, kind) in [
            ("경력 요약", Kind::Career),
            ("Career summary", Kind::Career),
            ("프로젝트", Kind::Projects),
            ("Skills", Kind::Skills),
            ("학력", Kind::Education),
            ("Certifications", Kind::Certifications),
            ("오픈소스", Kind::OpenSource),
        ] {
            assert_eq!(labels.section(title), Some(kind), "{title}");
        }
        assert_eq!(labels.id_of("근무지"), Some("field-location"));
        assert_eq!(labels.id_of("Degree"), Some("field-degree"));
        assert_eq!(labels.section("발표"), None);
    }
}
