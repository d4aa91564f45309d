//! The projects of a Markdown résumé and the companies they name: each
//! `##` (or the export's `###`) project read, its company matched to one
//! already known (the export's career summary) or added, renames and
//! titles gathered, ids given.

use super::outline::{Block, Item, key_value, unescape};
use super::project::{Field, Sorted};
use super::reader::{CompanyName, Markdown, ReadRole, read_rename};
use crate::error::Result;
use crate::formats::import::Ids;
use crate::model::{Company, FormerName, Project, Text, YearMonth};

impl Markdown<'_> {
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
                period: None,
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
                .map(|(title, period, department)| Role { id: None, title, period, department, duties: None })
                .collect(),
        )),
    }
}
