//! A project of a Markdown résumé: its items sorted by what their keys
//! mean (Korean or English, the seed's or the export's), and read into
//! the model's period, facts, bullets and troubleshooting stories.

use super::dates::read_period;
use super::outline::{Block, Item, key_value, names, split_link, unescape};
use super::reader::Markdown;
use crate::error::Result;
use crate::formats::import::{link_or_note, ordered_period};
use crate::model::{Bullet, Detail, Fact, FactValue, Period, Project, Text, Trouble};
use std::collections::HashMap;

/// What a top-level key of a project means.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(super) enum Field {
    Company,
    Period,
    Description,
    /// Where the project can be seen.
    Link,
    /// Whom a project of no employer was for.
    Organisation,
    /// A stack fact, by its TOML key.
    Fact(&'static str),
    Achievements,
    Responsibilities,
    Troubleshooting,
    Other,
}

impl Field {
    pub(super) fn of(key: &str) -> Self {
        match key.to_lowercase().as_str() {
            "company" | "회사" | "소속" => Field::Company,
            "participation period" | "period" | "기간" | "참여 기간" => Field::Period,
            "description" | "설명" | "개요" => Field::Description,
            "link" | "url" | "링크" => Field::Link,
            "organization" | "organisation" | "기관" => Field::Organisation,
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
    pub(super) fn is_single(self) -> bool {
        matches!(
            self,
            Field::Company
                | Field::Period
                | Field::Description
                | Field::Link
                | Field::Organisation
                | Field::Fact(_)
        )
    }
}

/// Stack facts written as free text rather than a list of names.
pub(super) const TEXT_FACTS: &[&str] = &["ci_cd", "architecture"];

/// A project's items sorted by what they mean.
#[derive(Default)]
pub(super) struct Sorted<'a> {
    pub single: HashMap<Field, &'a Item>,
    pub achievements: Vec<&'a Item>,
    pub responsibilities: Vec<&'a Item>,
    pub troubleshooting: Vec<&'a Item>,
    pub other: Vec<&'a Item>,
}

/// The field of `project` a stack fact's TOML key names.
pub(super) fn fact_slot<'p>(project: &'p mut Project, key: &str) -> &'p mut Option<Fact> {
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

impl Markdown<'_> {
    pub(super) fn project(
        &mut self,
        heading: &Block,
        sorted: &Sorted,
        id: String,
        company: String,
    ) -> Result<Project> {
        if heading.name.is_empty() {
            return Err(self.error(
                heading.at..heading.at + 2,
                "this project heading has no name".to_string(),
                "write the project's name after `## `, such as `## Search Platform`",
            ));
        }
        let period = self.period(heading, sorted.single.get(&Field::Period).copied())?;
        let name = self.prose(&heading.name);
        let mut project = Project {
            description: sorted.single.get(&Field::Description).and_then(|item| self.description(item)),
            responsibilities: self.bullet_lists(&sorted.responsibilities),
            achievements: self.bullet_lists(&sorted.achievements),
            troubleshooting: sorted.troubleshooting.iter().flat_map(|item| self.troubles(item)).collect(),
            other: sorted.other.iter().flat_map(|item| self.others(item)).collect(),
            link: sorted.single.get(&Field::Link).and_then(|item| self.project_link(item)),
            organisation: sorted.single.get(&Field::Organisation).and_then(|item| self.description(item)),
            ..Project::new(id, name, company, period)
        };
        for (field, item) in &sorted.single {
            if let Field::Fact(key) = field {
                *fact_slot(&mut project, key) = self.fact(item, key);
            }
        }
        Ok(project)
    }

    /// The period item read, swapped with a note when backwards; an
    /// unreadable period is an error. A project without one is imported
    /// undated, with a note: a side project may have no dates, and an
    /// employer's project gets them added by hand.
    pub(super) fn period(&mut self, heading: &Block, item: Option<&Item>) -> Result<Option<Period>> {
        let hint =
            "write it as `- Period: 201607~202203`, `2016-07..2022-03`, or `202204~` while it is ongoing";
        let Some(item) = item else {
            self.note(
                heading.line,
                format!("the project `{}` has no period; imported undated", heading.name),
            );
            return Ok(None);
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
        Ok(Some(period))
    }

    /// The project's link: the value of its `Link` item, bare or in
    /// angle brackets, mended or left out with a note as every link is.
    fn project_link(&mut self, item: &Item) -> Option<String> {
        self.nothing_nested(item);
        let (_, value) = key_value(&item.text);
        let value = value.unwrap_or_default();
        let url = value.trim().trim_start_matches('<').trim_end_matches('>').trim();
        self.link(item.line, url)
    }

    /// Reports items nested under one that takes none.
    pub(super) fn nothing_nested(&mut self, item: &Item) {
        if let Some(child) = item.children.first() {
            let (key, _) = key_value(&item.text);
            self.note(child.line, format!("`{key}` takes no nested items; left out what is nested under it"));
        }
    }

    /// The description: its value, or its nested items joined when it has
    /// none of its own.
    pub(super) fn description(&mut self, item: &Item) -> Option<Text> {
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
    pub(super) fn fact(&mut self, item: &Item, key: &str) -> Option<Fact> {
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
    pub(super) fn detail(&mut self, item: &Item, text: fn(&Self, &str) -> Text) -> Option<Detail> {
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
    pub(super) fn others(&mut self, item: &Item) -> Vec<Detail> {
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
    pub(super) fn bullet_lists(&mut self, items: &[&Item]) -> Vec<Bullet> {
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
    pub(super) fn troubles(&mut self, item: &Item) -> Vec<Trouble> {
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
    pub(super) fn trouble(&mut self, item: &Item) -> Option<Trouble> {
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
