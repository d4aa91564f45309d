//! The Markdown importer. It reads two forms:
//!
//! - résumés kept as Markdown lists, the seed form: a `## name` heading per
//!   project, `- Key: value` items with nested sub-lists, Korean or English
//!   keys, `<url>` links, `Company: a/b(20191201~)` renames;
//! - the tool's own export (`resume export --format markdown`): `# name`,
//!   the headline and contact row, `##` sections with `###` entries, dates
//!   and labels as either language prints them (see [`super::document`]).
//!
//! Known keys map onto the model; unknown ones are kept as the project's
//! `other` facts. What can be mended (a second `Description`, a period
//! written backwards, a link without its scheme) is mended and reported
//! with its line; what has no place is left out and reported the same way;
//! what leaves no résumé to write (a project without a readable period, no
//! name for the person) is an error pointing at the line. The result is
//! printed with [`to_toml`], so it always reads back and passes `check`.

use std::ops::Range;
use std::path::Path;

use super::outline::{Block, Item, key_value, outline, unescape};
use super::project::{Field, Sorted};
use crate::error::{Error, Location, Result};
use crate::formats::import::{Ids, Imported};
use crate::i18n::Language;
use crate::model::{Company, FormerName, Person, Project, Resume, Text, YearMonth, to_toml};

/// A company as the Markdown names it: `kakao/kakaoenterprise(20191201~)`
/// or the export's `kakao → kakaoenterprise (2019.12 ~)` is
/// kakaoenterprise, called kakao until December 2019; the export's career
/// summary also gives its role and location.
#[derive(Debug, Default)]
pub(super) struct CompanyName {
    pub name: String,
    pub formerly: Option<(String, YearMonth)>,
    /// Titles, each with its period when the export gave one, and its team.
    pub roles: Vec<ReadRole>,
    pub location: Option<Text>,
}

impl CompanyName {
    /// Whether a project's company line names this company: by its name,
    /// its former name, or both with the arrow the export prints.
    pub(super) fn is_named(&self, name: &CompanyName) -> bool {
        let former = self.formerly.as_ref().map(|(former, _)| former.as_str());
        self.name == name.name || (name.formerly.is_none() && former == Some(name.name.as_str()))
    }
}

/// A rename as the export prints it: `kakao → kakaoenterprise`, with the
/// month when the career summary gives it (`(2019.12 ~)`, `(from Dec 2019)`).
pub(super) fn read_rename(text: &str) -> Option<CompanyName> {
    let (former, rest) = text.split_once(" → ")?;
    let (current, month) = match rest.rfind(" (") {
        Some(open) if rest.ends_with(')') => {
            let inner = &rest[open + 2..rest.len() - 1];
            let inner = inner.trim().trim_end_matches('~').trim();
            let inner = inner.strip_prefix("from ").unwrap_or(inner);
            (&rest[..open], super::dates::read_month(inner))
        }
        _ => (rest, None),
    };
    let (former, current) = (former.trim(), current.trim());
    (!former.is_empty() && !current.is_empty()).then(|| CompanyName {
        name: current.to_string(),
        formerly: month.map(|m| (former.to_string(), m)),
        ..CompanyName::default()
    })
}

/// The header of every imported file.
const MARKDOWN_HEADER: &str = "# Imported from Markdown; run `resume check` and add the other languages.\n";

/// The Markdown importer: the source, where notes go, and the language of
/// its prose.
pub(super) struct Markdown<'a> {
    pub source: &'a str,
    pub file: &'a Path,
    pub lang: &'static str,
    /// The person's name from `--name`, which the seed form does not hold.
    pub name: Option<&'a str>,
    /// What was mended or left out, by line.
    notes: Vec<(usize, String)>,
}

/// Reads a Markdown résumé (the contents of `file`), in the seed form or
/// as the tool exports it; prose is written as `{ <lang> = "…" }` so a
/// translation can be added beside it. Fails, with the line and a hint,
/// when a project cannot be written (no name, no readable period), when
/// there is no project at all, or when nothing names the person.
pub fn import(text: &str, file: &Path, lang: Language, name: Option<&str>) -> Result<Imported> {
    let mut importer = Markdown { source: text, file, lang: lang.code, name, notes: Vec::new() };
    let blocks = outline(text);
    let resume = if super::document::is_export(&blocks) {
        importer.document(&blocks)?
    } else {
        importer.seed(&blocks)?
    };
    Ok(Imported { toml: to_toml(&resume, MARKDOWN_HEADER), skipped: importer.notes_in_line_order() })
}

impl Markdown<'_> {
    pub(super) fn note(&mut self, line: usize, what: impl std::fmt::Display) {
        self.notes.push((line, format!("line {line}: {what}")));
    }

    /// The notes as a reader meets their lines, whatever order the
    /// importer found them in.
    fn notes_in_line_order(mut self) -> Vec<String> {
        self.notes.sort_by_key(|(line, _)| *line);
        self.notes.into_iter().map(|(_, note)| note).collect()
    }

    pub(super) fn error(&self, span: Range<usize>, message: String, hint: &str) -> Error {
        Error::new(message).with_hint(hint).at(Location::from_span(self.file, self.source, span))
    }

    /// A text as written in the file's language, its export escapes
    /// undone. In a Korean résumé, a text with no Hangul (`MongoDB`,
    /// `Develop OCR Server`) is the same in every language: kept plain, it
    /// needs no translation.
    pub(super) fn prose(&self, text: &str) -> Text {
        let text = unescape(text);
        if self.lang == "ko" && !crate::model::has_hangul(&text) {
            return Text::Plain(text);
        }
        Text::Localized([(self.lang.to_string(), text)].into())
    }

    /// A name or a value of the stack (`MongoDB`, `redis-cluster`, a
    /// label): the same in every language unless it has Hangul, whatever
    /// the file's language, as the skills summary counts only such values.
    pub(super) fn neutral(&self, text: &str) -> Text {
        let text = unescape(text);
        match crate::model::has_hangul(&text) {
            true => Text::Localized([(self.lang.to_string(), text)].into()),
            false => Text::Plain(text),
        }
    }

    /// The person's name: `--name`, else the export's `# name` heading,
    /// else an error, as a résumé without a name would print an empty
    /// header.
    pub(super) fn person_named(&self, heading: Option<&Block>) -> Result<Person> {
        let given = self.name.map(str::trim).filter(|n| !n.is_empty());
        let from_heading = heading.map(|h| unescape(&h.name)).filter(|n| !n.trim().is_empty());
        let Some(name) = given.map(str::to_string).or(from_heading) else {
            let start = self.source.len() - self.source.trim_start().len();
            let example = if self.lang == "ko" { "홍길동" } else { "Gildong Hong" };
            return Err(self.error(
                start..start,
                "this Markdown does not say whose résumé it is: it has no name for the person".to_string(),
                &format!(
                    "give the name with `--name \"{example}\"`; a file in the export's form starts with `# {example}`"
                ),
            ));
        };
        Ok(Person {
            name: Text::Plain(name),
            headline: None,
            email: None,
            phone: None,
            location: None,
            photo: None,
            name_hanja: None,
            birth_date: None,
            address: None,
            links: vec![],
        })
    }

    /// A résumé in the seed form: every `## heading` is a project. What
    /// has no place in it (prose, items before the first project, deeper
    /// headings) is reported and skipped.
    fn seed(&mut self, blocks: &[Block]) -> Result<Resume> {
        let mut projects: Vec<Block> = Vec::new();
        for block in blocks {
            for paragraph in &block.paragraphs {
                let first = paragraph.text.split(' ').take(8).collect::<Vec<_>>().join(" ");
                self.note(paragraph.line, format!("not a `## heading` or a `- item`: {first}"));
            }
            match (block.level, projects.last_mut()) {
                (2, _) => projects.push(Block {
                    level: 2,
                    name: block.name.clone(),
                    line: block.line,
                    at: block.at,
                    paragraphs: vec![],
                    items: block.items.clone(),
                }),
                (3.., Some(project)) => {
                    self.note(
                        block.line,
                        format!("a `###` heading inside `{}`; read its items as the project's", project.name),
                    );
                    project.items.extend(block.items.iter().cloned());
                }
                _ => {
                    for item in &block.items {
                        self.note(item.line, "an item before the first `## project` heading");
                    }
                }
            }
        }
        if projects.is_empty() {
            let start = self.source.len() - self.source.trim_start().len();
            return Err(self.error(
                start..start,
                "this Markdown has no `## project` heading, so there is nothing to import".to_string(),
                "each project starts with a `## name` line, followed by `- Key: value` items",
            ));
        }
        let projects_read = self.projects(&projects, Vec::new(), &mut Ids::for_entries())?;
        let person = self.person_named(None)?;
        Ok(Resume {
            person,
            summary: None,
            companies: projects_read.0,
            projects: projects_read.1,
            education: vec![],
            certifications: vec![],
            open_source: vec![],
            sections: vec![],
            letters: vec![],
            language_tests: Vec::new(),
            military: None,
            awards: Vec::new(),
            profiles: Default::default(),
        })
    }

    /// The projects of `blocks` (one heading each) and the companies they
    /// name, starting from the companies already `known` (the export's
    /// career summary).
    pub(super) fn projects(
        &mut self,
        blocks: &[Block],
        known: Vec<CompanyName>,
        ids: &mut Ids,
    ) -> Result<(Vec<Company>, Vec<Project>)> {
        let sorted: Vec<Sorted> = blocks.iter().map(|h| self.sort(h)).collect();
        let (companies, company_of) = self.companies(&sorted, known);
        let names: Vec<String> = blocks.iter().map(|h| unescape(&h.name)).collect();
        let names: Vec<&str> = names.iter().map(String::as_str).collect();
        let ids = ids.assign(&names, "project");
        let mut projects = Vec::new();
        for (((block, sorted), id), company) in blocks.iter().zip(&sorted).zip(ids).zip(company_of) {
            projects.push(self.project(block, sorted, id, company)?);
        }
        Ok((companies, projects))
    }

    /// Sorts a heading's items by field; a second item of a field the
    /// model holds once is reported and left out (the first one wins, as
    /// a reader of the Markdown would see it first).
    fn sort<'h>(&mut self, heading: &'h Block) -> Sorted<'h> {
        let mut sorted = Sorted::default();
        for item in &heading.items {
            let (key, _) = key_value(&item.text);
            let field = Field::of(&key);
            if field.is_single() {
                if let Some(first) = sorted.single.get(&field) {
                    let first = first.line;
                    self.note(
                        item.line,
                        format!(
                            "a second `{key}` in `{}` (the first is on line {first}); kept the first, left this one out",
                            heading.name
                        ),
                    );
                } else {
                    sorted.single.insert(field, item);
                }
                continue;
            }
            match field {
                Field::Achievements => sorted.achievements.push(item),
                Field::Responsibilities => sorted.responsibilities.push(item),
                Field::Troubleshooting => sorted.troubleshooting.push(item),
                _ => sorted.other.push(item),
            }
        }
        sorted
    }

    /// The companies the projects name, one per name, with ids of their
    /// own namespace, after those already `known`; and for each project the
    /// id of its company (empty when it names none).
    fn companies(&mut self, sorted: &[Sorted], known: Vec<CompanyName>) -> (Vec<Company>, Vec<String>) {
        let mut read = known;
        let mut index_of = Vec::new();
        for project in sorted {
            let Some(name) =
                project.single.get(&Field::Company).and_then(|item| self.company_name(item, &read))
            else {
                index_of.push(None);
                continue;
            };
            match read.iter().position(|c| c.is_named(&name)) {
                Some(index) => {
                    if read[index].formerly.is_none() {
                        read[index].formerly = name.formerly;
                    }
                    index_of.push(Some(index));
                }
                None => {
                    read.push(name);
                    index_of.push(Some(read.len() - 1));
                }
            }
        }
        let names: Vec<&str> = read.iter().map(|c| c.name.as_str()).collect();
        let ids = Ids::default().assign(&names, "company");
        let company_of = index_of.iter().map(|i| i.map(|i| ids[i].clone()).unwrap_or_default()).collect();
        let companies = read
            .into_iter()
            .zip(ids)
            .map(|(company, id)| Company {
                id,
                name: Text::Plain(company.name),
                formerly: company.formerly.map(|(name, until)| FormerName { name: Text::Plain(name), until }),
                role: roles_of(company.roles),
                location: company.location,
            })
            .collect();
        (companies, company_of)
    }

    /// Reads a project's company: `name`; `former/name(YYYYMMDD~)` for a
    /// rename in the seed form; `former → name` as the export prints a
    /// project that spans a rename, whose month the career summary gives
    /// (`known`).
    fn company_name(&mut self, item: &Item, known: &[CompanyName]) -> Option<CompanyName> {
        let (_, value) = key_value(&item.text);
        let value = unescape(&value?);
        if let Some(renamed) = read_rename(&value) {
            if renamed.formerly.is_none() && !known.iter().any(|c| c.name == renamed.name) {
                self.note(
                    item.line,
                    format!(
                        "`{value}` gives no month for the rename; the former name was left out \
                         (write `{}` under [[company]] with `formerly`)",
                        renamed.name
                    ),
                );
            }
            return Some(renamed);
        }
        let Some((former, rest)) = value.split_once('/') else {
            return Some(CompanyName { name: value.trim().to_string(), ..CompanyName::default() });
        };
        let (current, since) = rest.split_once('(').unwrap_or((rest, ""));
        let (former, current) = (former.trim(), current.trim());
        if current.is_empty() || former.is_empty() {
            let name = if current.is_empty() { former } else { current };
            return (!name.is_empty())
                .then(|| CompanyName { name: name.to_string(), ..CompanyName::default() });
        }
        let until = YearMonth::parse(since.split(['~', ')']).next().unwrap_or_default());
        if until.is_none() {
            self.note(
                item.line,
                format!(
                    "the rename of `{former}` to `{current}` has no readable month (write `{former}/{current}(201912~)`); \
                     the former name was left out"
                ),
            );
        }
        Some(CompanyName {
            name: current.to_string(),
            formerly: until.map(|u| (former.to_string(), u)),
            ..CompanyName::default()
        })
    }
}

/// A company's titles as read: one without a period is `role = "…"`, any
/// more are `[[company.role]]` tables.
/// A title as the export's career summary gives it: the title, its
/// period when there were several, and its team.
pub(super) type ReadRole = (Text, Option<crate::model::Period>, Option<Text>);

fn roles_of(mut read: Vec<ReadRole>) -> Option<crate::model::Roles> {
    use crate::model::{Role, Roles};
    // A title shows under each stretch it overlaps: once is enough.
    let mut unique = Vec::new();
    for role in read.drain(..) {
        if !unique.contains(&role) {
            unique.push(role);
        }
    }
    let read = unique;
    match read.as_slice() {
        [] => None,
        [(title, None, None)] => Some(Roles::One(title.clone())),
        _ => Some(Roles::Many(
            read.into_iter()
                .map(|(title, period, department)| Role { title, period, department, duties: None })
                .collect(),
        )),
    }
}
