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

use std::collections::HashMap;
use std::ops::Range;
use std::path::Path;

use super::dates::read_period;
use super::outline::{Block, Item, key_value, names, outline, split_link, unescape};
use crate::error::{Error, Location, Result};
use crate::formats::import::{Ids, Imported, link_or_note, ordered_period};
use crate::i18n::Language;
use crate::model::{
    Bullet, Company, Detail, Fact, FactValue, FormerName, Period, Person, Project, Resume, Text, Trouble,
    YearMonth, to_toml,
};

/// What a top-level key of a project means.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Field {
    Company,
    Period,
    Description,
    /// A stack fact, by its TOML key.
    Fact(&'static str),
    Achievements,
    Responsibilities,
    Troubleshooting,
    Other,
}

impl Field {
    fn of(key: &str) -> Self {
        match key.to_lowercase().as_str() {
            "company" | "회사" | "소속" => Field::Company,
            "participation period" | "period" | "기간" | "참여 기간" => Field::Period,
            "description" | "설명" | "개요" => Field::Description,
            "programming language" | "programming languages" | "language" | "languages" | "언어" => {
                Field::Fact("languages")
            }
            "os" => Field::Fact("os"),
            "db" | "database" | "databases" => Field::Fact("databases"),
            "platform" | "플랫폼" => Field::Fact("platform"),
            "ci/cd" => Field::Fact("ci_cd"),
            "monitoring" | "모니터링" => Field::Fact("monitoring"),
            "서비스 구성" | "architecture" => Field::Fact("architecture"),
            "achievement" | "achievements" | "성과" => Field::Achievements,
            "contribute/responsibilities" | "responsibilities" | "주요 업무" | "담당 업무" => {
                Field::Responsibilities
            }
            "troubleshooting" | "트러블슈팅" => Field::Troubleshooting,
            _ => Field::Other,
        }
    }

    /// Whether the model holds one of it per project, so a second is a
    /// duplicate rather than more of the same.
    fn is_single(self) -> bool {
        matches!(self, Field::Company | Field::Period | Field::Description | Field::Fact(_))
    }
}

/// Stack facts written as free text rather than a list of names.
const TEXT_FACTS: &[&str] = &["ci_cd", "architecture"];

/// A project's items sorted by what they mean.
#[derive(Default)]
struct Sorted<'a> {
    single: HashMap<Field, &'a Item>,
    achievements: Vec<&'a Item>,
    responsibilities: Vec<&'a Item>,
    troubleshooting: Vec<&'a Item>,
    other: Vec<&'a Item>,
}

/// A company as the Markdown names it: `kakao/kakaoenterprise(20191201~)`
/// or the export's `kakao → kakaoenterprise (2019.12 ~)` is
/// kakaoenterprise, called kakao until December 2019; the export's career
/// summary also gives its role and location.
#[derive(Debug, Default)]
pub(super) struct CompanyName {
    pub name: String,
    pub formerly: Option<(String, YearMonth)>,
    pub role: Option<Text>,
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

/// The field of `project` a stack fact's TOML key names.
fn fact_slot<'p>(project: &'p mut Project, key: &str) -> &'p mut Option<Fact> {
    match key {
        "languages" => &mut project.languages,
        "os" => &mut project.os,
        "databases" => &mut project.databases,
        "platform" => &mut project.platform,
        "ci_cd" => &mut project.ci_cd,
        "monitoring" => &mut project.monitoring,
        _ => &mut project.architecture,
    }
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
                role: company.role,
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

    fn project(&mut self, heading: &Block, sorted: &Sorted, id: String, company: String) -> Result<Project> {
        if heading.name.is_empty() {
            return Err(self.error(
                heading.at..heading.at + 2,
                "this project heading has no name".to_string(),
                "write the project's name after `## `, such as `## Search Platform`",
            ));
        }
        let period = self.period(heading, sorted.single.get(&Field::Period).copied())?;
        let mut project = Project {
            id,
            name: self.prose(&heading.name),
            company,
            period,
            description: sorted.single.get(&Field::Description).and_then(|item| self.description(item)),
            languages: None,
            os: None,
            databases: None,
            platform: None,
            ci_cd: None,
            monitoring: None,
            architecture: None,
            responsibilities: self.bullet_lists(&sorted.responsibilities),
            achievements: self.bullet_lists(&sorted.achievements),
            troubleshooting: sorted.troubleshooting.iter().flat_map(|item| self.troubles(item)).collect(),
            tags: vec![],
            other: sorted.other.iter().flat_map(|item| self.others(item)).collect(),
        };
        for (field, item) in &sorted.single {
            if let Field::Fact(key) = field {
                *fact_slot(&mut project, key) = self.fact(item, key);
            }
        }
        Ok(project)
    }

    /// The period item read, swapped with a note when backwards; a missing
    /// or unreadable period is an error, as every project needs one.
    fn period(&mut self, heading: &Block, item: Option<&Item>) -> Result<Period> {
        let hint =
            "write it as `- Period: 201607~202203`, `2016-07..2022-03`, or `202204~` while it is ongoing";
        let Some(item) = item else {
            return Err(self.error(
                heading.at..heading.at + heading.name.len() + 3,
                format!("the project `{}` has no period", heading.name),
                hint,
            ));
        };
        let (_, value) = key_value(&item.text);
        let value = value.unwrap_or_default();
        let value_at = item.at + item.text.rfind(value.as_str()).unwrap_or(0);
        let Some((start, end)) = read_period(&value) else {
            let span = if value.is_empty() {
                item.at..item.at + item.text.len()
            } else {
                value_at..value_at + value.len()
            };
            let message = if value.is_empty() {
                format!("the period of `{}` is empty", heading.name)
            } else {
                format!("`{value}` is not a period")
            };
            return Err(self.error(span, message, hint));
        };
        let (period, swapped) = ordered_period(start, end);
        if let Some(swapped) = swapped {
            self.note(item.line, format!("the period `{value}` {swapped}"));
        }
        self.nothing_nested(item);
        Ok(period)
    }

    /// Reports items nested under one that takes none.
    fn nothing_nested(&mut self, item: &Item) {
        if let Some(child) = item.children.first() {
            let (key, _) = key_value(&item.text);
            self.note(child.line, format!("`{key}` takes no nested items; left out what is nested under it"));
        }
    }

    /// The description: its value, or its nested items joined when it has
    /// none of its own.
    fn description(&mut self, item: &Item) -> Option<Text> {
        let (_, value) = key_value(&item.text);
        match value {
            Some(value) => {
                self.nothing_nested(item);
                Some(self.prose(&value))
            }
            None => {
                let lines: Vec<&str> =
                    item.children.iter().map(|c| c.text.as_str()).filter(|t| !t.is_empty()).collect();
                for child in &item.children {
                    self.nothing_nested(child);
                }
                (!lines.is_empty()).then(|| self.prose(&lines.join(" ")))
            }
        }
    }

    /// A stack fact: its value (names, or text for CI/CD and architecture)
    /// and its nested items as labelled details.
    fn fact(&mut self, item: &Item, key: &str) -> Option<Fact> {
        let (_, value) = key_value(&item.text);
        let value = value.and_then(|v| {
            if TEXT_FACTS.contains(&key) {
                Some(FactValue::Text(self.prose(&v)))
            } else {
                let names: Vec<String> = names(&v).iter().map(|n| unescape(n)).collect();
                (!names.is_empty()).then_some(FactValue::Names(names))
            }
        });
        let details: Vec<Detail> =
            item.children.iter().filter_map(|child| self.detail(child, Self::neutral)).collect();
        (value.is_some() || !details.is_empty()).then_some(Fact { value, details })
    }

    /// `Label: value` or a bare value, as a detail, its value made a text
    /// by `text` (a stack value is [`Self::neutral`], other facts are
    /// prose); items nested deeper have no place and are reported.
    fn detail(&mut self, item: &Item, text: fn(&Self, &str) -> Text) -> Option<Detail> {
        self.nothing_nested(item);
        let (label, value) = key_value(&item.text);
        match value {
            Some(value) if !label.is_empty() => {
                Some(Detail { label: Some(self.neutral(&label)), value: text(self, &value) })
            }
            Some(value) => Some(Detail { label: None, value: text(self, &value) }),
            None if label.is_empty() => None,
            None => Some(Detail { label: None, value: text(self, &label) }),
        }
    }

    /// An item of an unknown key, kept as `other` facts: the item itself,
    /// and its nested items labelled with its key.
    fn others(&mut self, item: &Item) -> Vec<Detail> {
        let (key, value) = key_value(&item.text);
        let mut details = Vec::new();
        if value.is_some() || item.children.is_empty() {
            details.extend(self.detail(&Item { children: vec![], ..item.clone() }, Self::prose));
        }
        for child in &item.children {
            self.nothing_nested(child);
            if !child.text.is_empty() {
                let label = (!key.is_empty()).then(|| self.neutral(&key));
                details.push(Detail { label, value: self.prose(&child.text) });
            }
        }
        details
    }

    /// The bullets of every `Achievement` (or `Responsibilities`) item of a
    /// project, in order: a value on the key's own line is the first.
    fn bullet_lists(&mut self, items: &[&Item]) -> Vec<Bullet> {
        let mut bullets = Vec::new();
        for item in items {
            let before = bullets.len();
            let (key, value) = key_value(&item.text);
            if let Some(value) = value {
                bullets.extend(self.bullet(&Item { text: value, children: vec![], ..(*item).clone() }));
            }
            for child in &item.children {
                bullets.extend(self.bullet(child));
            }
            if bullets.len() == before {
                self.note(item.line, format!("`{key}` has no items; left out"));
            }
        }
        bullets
    }

    /// A link read at `line`, mended or left out with a note.
    pub(super) fn link(&mut self, line: usize, url: &str) -> Option<String> {
        link_or_note(url, |note| self.note(line, note))
    }

    /// A bullet with its link and nested bullets; a nested item that is
    /// only a link becomes the bullet's link. An item without text or link
    /// gives its nested bullets to its parent (a bullet needs one of them).
    pub(super) fn bullet(&mut self, item: &Item) -> Vec<Bullet> {
        let (body, url) = split_link(&item.text);
        let mut link = url.and_then(|url| self.link(item.line, &url));
        let mut items = Vec::new();
        for child in &item.children {
            let (child_body, child_url) = split_link(&child.text);
            if let (true, true, None, Some(url)) =
                (child_body.is_empty(), child.children.is_empty(), &link, &child_url)
            {
                link = self.link(child.line, url);
                continue;
            }
            items.extend(self.bullet(child));
        }
        if body.is_empty() && link.is_none() {
            return items;
        }
        let text = (!body.is_empty()).then(|| self.prose(&body));
        vec![Bullet { text, link, items, ..Bullet::default() }]
    }

    /// The stories of a `Troubleshooting` item: one per nested item, and
    /// one for a value on its own line.
    fn troubles(&mut self, item: &Item) -> Vec<Trouble> {
        let (_, value) = key_value(&item.text);
        let mut troubles = Vec::new();
        if let Some(value) = value {
            troubles.extend(self.trouble(&Item { text: value, children: vec![], ..item.clone() }));
        }
        for child in &item.children {
            troubles.extend(self.trouble(child));
        }
        troubles
    }

    /// A story: the item is the problem, its nested items the resolution,
    /// and the first link among them the write-up.
    fn trouble(&mut self, item: &Item) -> Option<Trouble> {
        let (problem, url) = split_link(&item.text);
        let mut link = url.and_then(|url| self.link(item.line, &url));
        let mut resolution = Vec::new();
        let mut stack: Vec<&Item> = item.children.iter().rev().collect();
        while let Some(child) = stack.pop() {
            let (body, url) = split_link(&child.text);
            if !body.is_empty() {
                resolution.push(body);
            }
            if let Some(url) = url {
                match link {
                    None => link = self.link(child.line, &url),
                    Some(_) => {
                        self.note(child.line, format!("a second link, `{url}`, in one story; left out"))
                    }
                }
            }
            stack.extend(child.children.iter().rev());
        }
        if problem.is_empty() {
            if !resolution.is_empty() || link.is_some() {
                self.note(
                    item.line,
                    "a troubleshooting item needs the problem before its resolution; left out",
                );
            }
            return None;
        }
        Some(Trouble {
            id: None,
            problem: self.prose(&problem),
            resolution: (!resolution.is_empty()).then(|| self.prose(&resolution.join(" "))),
            link,
            tags: vec![],
        })
    }
}
