//! `--only` and `--hide`: one grammar for choosing what a variant shows.
//!
//! A selector is a period (`2020-`, `-2015`, `2016-2019`,
//! `2019.06-2022.03`), a section or project part (`projects`,
//! `troubleshooting`), an entry id (`kakao-i-mlops`), or a tag
//! (`tag:search`). Within one kind selectors are alternatives (OR); across
//! kinds all must hold (AND). `--hide` applies after `--only`.

use std::collections::{BTreeMap, BTreeSet};

use crate::error::{Error, Result};
use crate::model::{Period, Resume, YearMonth, closest};

pub use crate::model::{PROJECT_PARTS, SECTIONS, STACK_FACTS};

/// A month range with open ends, as selectors write it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    /// First month kept, if bounded.
    pub from: Option<YearMonth>,
    /// Last month kept, if bounded.
    pub to: Option<YearMonth>,
}

impl Span {
    fn parse(text: &str) -> Option<Self> {
        let (from, to) = text.split_once('-')?;
        let bound = |part: &str, end: bool| -> Option<Option<YearMonth>> {
            match part {
                "" => Some(None),
                year if year.len() == 4 && year.bytes().all(|b| b.is_ascii_digit()) => {
                    Some(Some(YearMonth::new(year.parse().ok()?, if end { 12 } else { 1 })?))
                }
                month => YearMonth::parse(month).filter(|_| month.contains('.')).map(Some),
            }
        };
        let span = Span { from: bound(from, false)?, to: bound(to, true)? };
        let forwards = match (span.from, span.to) {
            (Some(from), Some(to)) => from <= to,
            _ => true,
        };
        (forwards && (span.from.is_some() || span.to.is_some())).then_some(span)
    }

    /// Whether a period shares a month with this range.
    pub fn overlaps(self, period: Period, today: YearMonth) -> bool {
        let starts_in_time = self.to.is_none_or(|to| period.start <= to);
        let ends_in_time = self.from.is_none_or(|from| period.end_or(today) >= from);
        starts_in_time && ends_in_time
    }
}

/// One parsed selector.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Selector {
    /// Entries whose period overlaps.
    Period(Span),
    /// A top-level section or a project part.
    Section(String),
    /// One entry by id.
    Entry(String),
    /// Entries and bullets carrying a tag.
    Tag(String),
}

/// What to keep, decided once from the flags and the model.
#[derive(Debug, Clone, Default)]
pub struct Selection {
    /// Groups of `--only` selectors, each of which must keep an entry: a
    /// profile's `only`, then the `--only` flag given beside it, which
    /// narrows it.
    only: Vec<Vec<Selector>>,
    hide: Vec<Selector>,
    today: Option<YearMonth>,
    /// For each section that is not work, the ids and tags its entries
    /// have: an `--only` id or tag applies there only if it names one.
    others: BTreeMap<&'static str, BTreeSet<String>>,
    /// The selectors as given (`--only 2020- --hide talks`), for messages.
    asked: String,
    /// Words whose bullets come first in each list, the first word
    /// weighing most (a profile's `first`, which `tailor` writes).
    first: Vec<String>,
}

/// What an entry offers to selectors.
#[derive(Debug, Clone, Copy)]
pub struct Entry<'a> {
    /// The section it stands in: `projects` and `open-source` are work,
    /// which periods choose; `education`, `certifications` and `sections`
    /// (free sections) are not.
    pub section: &'static str,
    /// Its id.
    pub id: &'a str,
    /// Its period, if it has one.
    pub period: Option<Period>,
    /// Its own tags.
    pub tags: &'a [String],
    /// Tags of its bullets: `--only tag:x` keeps an entry with an `x`
    /// bullet (and then only its untagged and `x` bullets), while
    /// `--hide tag:x` drops just those bullets, not the entry.
    pub bullet_tags: &'a [String],
}

impl Selection {
    /// Parses `--only` and `--hide` values (each a list of comma-separated
    /// selectors) against the names the model offers.
    pub fn new(only: &[String], hide: &[String], resume: &Resume, today: YearMonth) -> Result<Self> {
        let empty = Self { today: Some(today), others: others_of(resume), ..Self::default() };
        empty.narrowed(only, hide, resume)
    }

    /// This selection with more selectors: `only` narrows what it keeps
    /// (both must keep an entry) and `hide` drops more. This is how flags
    /// given beside `--profile` compose with the profile's lists.
    pub fn narrowed(mut self, only: &[String], hide: &[String], resume: &Resume) -> Result<Self> {
        let names = Names::of(resume);
        // An empty selector (`--only ''`, `--only a,,b`) is a mistake:
        // ignoring it would build something other than what was asked.
        let parse_all = |values: &[String], flag: &str| -> Result<Vec<Selector>> {
            values
                .iter()
                .flat_map(|v| v.split(','))
                .map(str::trim)
                .map(|s| {
                    if s.is_empty() {
                        Err(Error::new(format!("`{flag}` was given an empty selector")).with_hint(
                            "separate selectors with single commas and leave none empty: `--only 2020-,tag:search`",
                        ))
                    } else {
                        names.parse(s, flag)
                    }
                })
                .collect()
        };
        let only_group = parse_all(only, "--only")?;
        let hide_more = parse_all(hide, "--hide")?;
        for (flag, values) in [("--only", only), ("--hide", hide)] {
            if !values.is_empty() {
                if !self.asked.is_empty() {
                    self.asked.push(' ');
                }
                self.asked.push_str(&format!("{flag} {}", values.join(",")));
            }
        }
        if !only_group.is_empty() {
            self.only.push(only_group);
        }
        self.hide.extend(hide_more);
        Ok(self)
    }

    /// The selectors as given, or `None` when nothing was selected: for
    /// saying which selectors left a document empty.
    pub fn asked(&self) -> Option<&str> {
        (!self.asked.is_empty()).then_some(self.asked.as_str())
    }

    /// Whether a top-level section is shown.
    pub fn keeps_section(&self, name: &str) -> bool {
        let kept = self.only.iter().all(|group| {
            let wanted: Vec<&str> = section_names(group).collect();
            let top: Vec<&&str> = wanted.iter().filter(|s| !PROJECT_PARTS.contains(s)).collect();
            let wants_parts = wanted.len() > top.len();
            wanted.is_empty()
                || top.contains(&&name)
                || (name == "career" && top.contains(&&"summary"))
                || (wants_parts && name == "projects")
        });
        kept && !section_names(&self.hide).any(|s| s == name)
    }

    /// Whether a part of every project (`troubleshooting`, `databases`…) is
    /// shown.
    pub fn keeps_part(&self, part: &str) -> bool {
        let names_part = |s: &str| s == part || (s == "stack" && STACK_FACTS.contains(&part));
        let kept = self.only.iter().all(|group| {
            let only: Vec<&str> = section_names(group).filter(|s| PROJECT_PARTS.contains(s)).collect();
            only.is_empty() || only.iter().any(|s| names_part(s))
        });
        kept && !section_names(&self.hide).any(names_part)
    }

    /// Whether an entry (project, degree, contribution…) is shown.
    pub fn keeps_entry(&self, entry: Entry) -> bool {
        self.only.iter().all(|group| self.group_keeps(group, entry)) && !self.hides(entry)
    }

    /// One `--only` group: per kind of selector (period, id, tag), one must
    /// hold; each kind given must. An entry that is not work ignores
    /// periods, and ids and tags that name nothing in its section.
    fn group_keeps(&self, group: &[Selector], entry: Entry) -> bool {
        let today = self.today.unwrap_or(YearMonth { year: 9999, month: 12, year_only: false });
        let work = is_work(entry.section);
        let names_here =
            |word: String| self.others.get(entry.section).is_some_and(|names| names.contains(&word));
        let names_any = |ids: bool| {
            group.iter().any(|s| match s {
                Selector::Entry(id) if ids => names_here(id.clone()),
                Selector::Tag(tag) if !ids => names_here(format!("tag:{tag}")),
                _ => false,
            })
        };
        let mut kinds = [None::<bool>; 3];
        for selector in group {
            let (kind, hit) = match selector {
                Selector::Period(_) if !work => continue,
                Selector::Period(span) => (0, entry.period.is_none_or(|p| span.overlaps(p, today))),
                Selector::Entry(id) if work || names_any(true) => (1, id == entry.id),
                Selector::Tag(tag) if work || names_any(false) => {
                    (2, entry.tags.contains(tag) || entry.bullet_tags.contains(tag))
                }
                Selector::Entry(_) | Selector::Tag(_) | Selector::Section(_) => continue,
            };
            let slot = &mut kinds[kind];
            *slot = Some(slot.unwrap_or(false) || hit);
        }
        kinds.iter().all(|k| k.unwrap_or(true))
    }

    /// `--hide`: any selector that names the entry drops it; periods name
    /// only work.
    fn hides(&self, entry: Entry) -> bool {
        let today = self.today.unwrap_or(YearMonth { year: 9999, month: 12, year_only: false });
        self.hide.iter().any(|selector| match selector {
            Selector::Period(span) => {
                is_work(entry.section) && entry.period.is_some_and(|p| span.overlaps(p, today))
            }
            Selector::Entry(id) => id == entry.id,
            Selector::Tag(tag) => entry.tags.contains(tag),
            Selector::Section(_) => false,
        })
    }

    /// This selection with bullets that name `words` put first in their
    /// list (the earlier word weighing more); the rest keep their order.
    pub fn with_first(mut self, words: &[String]) -> Self {
        self.first = words.iter().map(|w| w.to_lowercase()).filter(|w| !w.trim().is_empty()).collect();
        self
    }

    /// How far forward a bullet of `text` goes: the sum, over the `first`
    /// words it names as words of their own, of their weights.
    pub fn precedence(&self, text: &str) -> usize {
        let lower = text.to_lowercase();
        let count = self.first.len();
        self.first
            .iter()
            .enumerate()
            .filter(|(_, word)| names_word(&lower, word))
            .map(|(n, _)| count - n)
            .sum()
    }

    /// Whether a tagged bullet is shown: untagged bullets follow their
    /// entry; tagged ones must carry a tag of each `--only` group that asks
    /// for tags, and none of the `--hide` tags.
    pub fn keeps_bullet(&self, tags: &[String]) -> bool {
        if tags.is_empty() {
            return true;
        }
        let kept = self.only.iter().all(|group| {
            let wanted: Vec<&String> = group.iter().filter_map(tag_of).collect();
            wanted.is_empty() || wanted.iter().any(|t| tags.contains(t))
        });
        kept && !self.hide.iter().filter_map(tag_of).any(|t| tags.contains(t))
    }
}

fn tag_of(selector: &Selector) -> Option<&String> {
    match selector {
        Selector::Tag(tag) => Some(tag),
        _ => None,
    }
}

/// Whether entries of a section are work, which periods choose.
fn is_work(section: &str) -> bool {
    matches!(section, "projects" | "open-source")
}

/// The ids (and `tag:` names) of the entries of each section that is not
/// work.
fn others_of(resume: &Resume) -> BTreeMap<&'static str, BTreeSet<String>> {
    let mut others: BTreeMap<&'static str, BTreeSet<String>> = BTreeMap::new();
    let mut add = |section: &'static str, id: &str, tags: &[String]| {
        let names = others.entry(section).or_default();
        names.insert(id.to_string());
        names.extend(tags.iter().map(|t| format!("tag:{t}")));
    };
    for entry in &resume.education {
        add("education", &entry.id, &entry.tags);
    }
    for entry in &resume.certifications {
        add("certifications", &entry.id, &entry.tags);
    }
    for section in &resume.sections {
        let mut tags = section.tags.clone();
        let mut bullet_tags = BTreeSet::new();
        collect_bullet_tags(section.items.iter(), &mut bullet_tags);
        tags.extend(bullet_tags);
        add("sections", &section.id, &tags);
    }
    others
}

fn section_names(selectors: &[Selector]) -> impl Iterator<Item = &str> {
    selectors.iter().filter_map(|s| match s {
        Selector::Section(name) => Some(name.as_str()),
        _ => None,
    })
}

/// The names a model offers to selectors, for parsing and for messages.
struct Names {
    sections: Vec<String>,
    entries: BTreeSet<String>,
    tags: BTreeSet<String>,
}

impl Names {
    fn of(resume: &Resume) -> Self {
        let mut sections: Vec<String> = SECTIONS.iter().chain(PROJECT_PARTS).map(|s| s.to_string()).collect();
        sections.extend(resume.sections.iter().map(|s| s.id.clone()));
        let mut entries = BTreeSet::new();
        let mut tags = BTreeSet::new();
        for project in &resume.projects {
            entries.insert(project.id.clone());
            tags.extend(project.tags.iter().cloned());
            let bullets = project.responsibilities.iter().chain(&project.achievements);
            collect_bullet_tags(bullets, &mut tags);
            tags.extend(project.troubleshooting.iter().flat_map(|t| t.tags.iter().cloned()));
        }
        for entry in &resume.education {
            entries.insert(entry.id.clone());
            tags.extend(entry.tags.iter().cloned());
            collect_bullet_tags(entry.details.iter(), &mut tags);
        }
        for entry in &resume.certifications {
            entries.insert(entry.id.clone());
            tags.extend(entry.tags.iter().cloned());
        }
        for section in &resume.sections {
            tags.extend(section.tags.iter().cloned());
            collect_bullet_tags(section.items.iter(), &mut tags);
        }
        for contribution in &resume.open_source {
            entries.insert(contribution.id.clone());
            tags.extend(contribution.tags.iter().cloned());
        }
        Self { sections, entries, tags }
    }

    fn parse(&self, text: &str, flag: &str) -> Result<Selector> {
        if let Some(tag) = text.strip_prefix("tag:") {
            if self.tags.contains(tag) {
                return Ok(Selector::Tag(tag.to_string()));
            }
            let known: Vec<&str> = self.tags.iter().map(String::as_str).collect();
            return Err(unknown(flag, text, "tag", &known, tag, "tag:"));
        }
        if text.starts_with(|c: char| c.is_ascii_digit() || c == '-') && text.contains('-') {
            return Span::parse(text).map(Selector::Period).ok_or_else(|| {
                Error::new(format!("`{flag} {text}` is not a period")).with_hint(
                    "write a period as `2020-`, `-2015`, `2016-2019` or `2019.06-2022.03`, earliest first",
                )
            });
        }
        if self.sections.iter().any(|s| s == text) {
            return Ok(Selector::Section(text.to_string()));
        }
        if self.entries.contains(text) {
            return Ok(Selector::Entry(text.to_string()));
        }
        let mut known: Vec<&str> = self.sections.iter().map(String::as_str).collect();
        known.extend(self.entries.iter().map(String::as_str));
        Err(unknown(flag, text, "section or entry", &known, text, ""))
    }
}

fn collect_bullet_tags<'a>(
    bullets: impl Iterator<Item = &'a crate::model::Bullet>,
    tags: &mut BTreeSet<String>,
) {
    for bullet in bullets {
        tags.extend(bullet.tags.iter().cloned());
        collect_bullet_tags(bullet.items.iter(), tags);
    }
}

fn unknown(flag: &str, text: &str, kind: &str, known: &[&str], word: &str, prefix: &str) -> Error {
    let list = if known.is_empty() { "none".to_string() } else { known.join(", ") };
    let mut hint = format!("the valid {kind} names are: {list}; a period is written `2020-` or `2016-2019`");
    if let Some(near) = closest(word, known) {
        hint = format!("did you mean `{prefix}{near}`? {hint}");
    }
    Error::new(format!("`{flag} {text}` names no {kind} of this résumé")).with_hint(hint)
}

/// Whether `text` (lowercased) holds `word` with no Latin letter or digit
/// joined on either side (a Korean particle may follow).
fn names_word(text: &str, word: &str) -> bool {
    text.match_indices(word).any(|(at, _)| {
        let before = text[..at].chars().last();
        let after = text[at + word.len()..].chars().next();
        let joined = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
        !joined(before) && !joined(after)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ym(y: u16, m: u8) -> YearMonth {
        YearMonth::new(y, m).unwrap()
    }

    #[test]
    fn spans_parse() {
        assert_eq!(Span::parse("2020-"), Some(Span { from: Some(ym(2020, 1)), to: None }));
        assert_eq!(Span::parse("-2015"), Some(Span { from: None, to: Some(ym(2015, 12)) }));
        assert_eq!(Span::parse("2016-2019"), Some(Span { from: Some(ym(2016, 1)), to: Some(ym(2019, 12)) }));
        assert_eq!(
            Span::parse("2019.06-2022.03"),
            Some(Span { from: Some(ym(2019, 6)), to: Some(ym(2022, 3)) })
        );
        assert_eq!(Span::parse("-"), None);
        assert_eq!(Span::parse("20-"), None);
        assert_eq!(Span::parse("2019.13-"), None);
        assert_eq!(Span::parse("2020-2010"), None, "a backwards period");
    }

    #[test]
    fn span_overlap() {
        let today = ym(2026, 11);
        let span = Span::parse("2020-").unwrap();
        assert!(span.overlaps("2016-07..2022-03".parse().unwrap(), today));
        assert!(!span.overlaps("2014-01..2016-06".parse().unwrap(), today));
        assert!(span.overlaps("2022-04..".parse().unwrap(), today));
        let until = Span::parse("-2015").unwrap();
        assert!(until.overlaps("2014-01..2016-06".parse().unwrap(), today));
        assert!(!until.overlaps("2016-07..".parse().unwrap(), today));
    }
}
