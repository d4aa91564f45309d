//! `resume import markdown`: reads résumés kept as Markdown lists —
//! `## project` headings, `- Key: value` items with nested sub-lists,
//! Korean or English keys, `<url>` links, `Company: a/b(20191201~)` renames
//! — into the résumé model, and prints it with [`to_toml`], so that what it
//! writes always reads back and passes `resume check`.
//!
//! Known keys map onto the model; unknown ones are kept as the project's
//! `other` facts. What can be mended (a second `Description`, a period
//! written backwards, a link without its scheme) is mended and reported
//! with its line; what has no place is left out and reported the same way;
//! what leaves no résumé to write (a project without a readable period) is
//! an error pointing at the line.
//!
//! The helpers both importers share live here too: ids ([`Ids`]), links
//! ([`clean_link`]), e-mail addresses and periods.

use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::path::Path;

use crate::error::{Error, Location, Result};
use crate::i18n::Language;
use crate::model::{
    Bullet, Company, Detail, Fact, FactValue, FormerName, Period, Person, Project, Resume, Text, Trouble,
    YearMonth, to_toml,
};

/// The result: TOML text, and what could not be read.
pub struct Imported {
    /// The new resume.toml.
    pub toml: String,
    /// `line N: why` (or `place: why`), for what was mended or left out.
    pub skipped: Vec<String>,
}

// ---------------------------------------------------------------------------
// Shared by both importers
// ---------------------------------------------------------------------------

/// `kakao i MLOps` → `kakao-i-mlops`; ASCII letters and digits only, so
/// the result is always kebab-case (possibly empty).
pub(crate) fn kebab(text: &str) -> String {
    let mut id = String::new();
    // Korean names give readable ids too: `검색 서비스` → `geomsaek-seobiseu`.
    for c in crate::romanize::romanize(text).chars() {
        if c.is_ascii_alphanumeric() {
            id.push(c.to_ascii_lowercase());
        } else if !id.ends_with('-') && !id.is_empty() {
            id.push('-');
        }
    }
    id.trim_end_matches('-').to_string()
}

/// The ids given so far in one namespace, so that every new one is
/// kebab-case, non-empty and unique: ids select entries and name their
/// translations, and `resume check` rejects any that is not.
#[derive(Debug, Default)]
pub(crate) struct Ids {
    taken: HashSet<String>,
}

impl Ids {
    /// Shortest id taken from a name: a single letter says nothing.
    const MIN_LEN: usize = 2;

    /// Marks an id as used without giving it, for ids fixed elsewhere
    /// (built-in section names, sections an importer will add later).
    pub(crate) fn reserve(&mut self, id: &str) {
        self.taken.insert(id.to_string());
    }

    /// The namespace of entries (projects, education, certifications,
    /// contributions, sections), with the built-in section and project
    /// part names taken: a selector names those first, so an entry with
    /// such an id could not be selected, and a section with one is an error.
    pub(crate) fn for_entries() -> Self {
        let builtin = crate::select::SECTIONS.iter().chain(crate::select::PROJECT_PARTS);
        Self { taken: builtin.map(|name| name.to_string()).collect() }
    }

    /// The id `name` kebabs to, if it is long enough and still free. One
    /// that starts with a digit gets `kind-` in front: a selector such as
    /// `2023-search` reads as a period.
    fn natural(&self, name: &str, kind: &str) -> Option<String> {
        let mut id = kebab(name);
        if id.starts_with(|c: char| c.is_ascii_digit()) {
            id = format!("{kind}-{id}");
        }
        (id.len() >= Self::MIN_LEN && !self.taken.contains(&id)).then_some(id)
    }

    /// The first of `kind-1`, `kind-2`… not yet taken, for names that give
    /// no id (Hangul only) or one already in use.
    fn fallback(&mut self, kind: &str) -> String {
        let id = (1..).map(|n| format!("{kind}-{n}")).find(|id| !self.taken.contains(id)).expect("unbounded");
        self.taken.insert(id.clone());
        id
    }

    /// An id for `name`, given now: its kebab form, or `kind-N`.
    pub(crate) fn claim(&mut self, name: &str, kind: &str) -> String {
        match self.natural(name, kind) {
            Some(id) => {
                self.taken.insert(id.clone());
                id
            }
            None => self.fallback(kind),
        }
    }

    /// Ids for a batch of names at once: every name that gives a free id
    /// keeps it, and only then do the others get `kind-N`, so a fallback
    /// never takes the id a later name would have had.
    pub(crate) fn assign(&mut self, names: &[&str], kind: &str) -> Vec<String> {
        let natural: Vec<Option<String>> = names
            .iter()
            .map(|name| {
                let id = self.natural(name, kind)?;
                self.taken.insert(id.clone());
                Some(id)
            })
            .collect();
        natural.into_iter().map(|id| id.unwrap_or_else(|| self.fallback(kind))).collect()
    }
}

/// Link schemes the tool prints as links; anything else could run code or
/// read files when clicked in a PDF or a rendered export.
const LINK_SCHEMES: &[&str] = &["https", "http", "mailto", "tel"];

/// The scheme of a link and what follows its colon, if it has one:
/// `example.com:8080/x` is a host and port, not a scheme.
fn scheme_of(url: &str) -> Option<(&str, &str)> {
    let (scheme, rest) = url.split_once(':')?;
    let mut chars = scheme.chars();
    let well_formed = chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    if !well_formed {
        return None;
    }
    let known = LINK_SCHEMES.contains(&scheme.to_ascii_lowercase().as_str());
    let is_port = rest.starts_with(|c: char| c.is_ascii_digit());
    (known || rest.starts_with("//") || !is_port).then_some((scheme, rest))
}

/// A link as an importer may write it: `Ok((link, note))` with a note when
/// it had to be mended (a missing `https://`), or `Err(note)` when it
/// cannot be a link the tool accepts (another scheme such as `javascript:`,
/// no host) and must be left out. Every link either importer writes goes
/// through here, so that an import never fails `resume check` on a link.
pub(crate) fn clean_link(raw: &str) -> std::result::Result<(String, Option<String>), String> {
    let url = raw.trim();
    if url.is_empty() {
        return Err("the link is empty; left out".to_string());
    }
    // Mend what can be mended (a missing or upper-case scheme), then judge
    // by the one rule every link of the model must pass.
    let fixed = match scheme_of(url) {
        None => format!("https://{}", url.trim_start_matches('/')),
        Some((scheme, rest)) => match scheme.to_ascii_lowercase().as_str() {
            web @ ("https" | "http") => format!("{web}://{}", rest.trim_start_matches('/')),
            other @ ("mailto" | "tel") => format!("{other}:{rest}"),
            other => {
                return Err(format!(
                    "`{url}` is a `{other}:` link, which could run or open something when clicked; left out \
                     (links may be https, http, mailto or tel)"
                ));
            }
        },
    };
    match crate::model::safe_url(&fixed) {
        Ok(()) if fixed == url => Ok((fixed, None)),
        Ok(()) => {
            let note = format!("`{url}` was written as `{fixed}`");
            Ok((fixed, Some(note)))
        }
        Err(why) => Err(format!("`{url}` {why}; left out")),
    }
}

/// [`clean_link`] for an importer: the link to write, if any, with what
/// was mended or left out handed to `note`.
pub(crate) fn link_or_note(url: &str, mut note: impl FnMut(String)) -> Option<String> {
    match clean_link(url) {
        Ok((url, fixed)) => {
            fixed.into_iter().for_each(&mut note);
            Some(url)
        }
        Err(why) => {
            note(why);
            None
        }
    }
}

/// Words résumés write for an end that has not come.
pub(crate) fn is_ongoing(text: &str) -> bool {
    matches!(
        text.trim().to_lowercase().as_str(),
        "" | "present" | "current" | "now" | "현재" | "재직중" | "재직 중" | "진행중" | "진행 중"
    )
}

/// A period from its two ends, swapped when written backwards (the model
/// rejects an end before the start): the period and a note if swapped.
pub(crate) fn ordered_period(start: YearMonth, end: Option<YearMonth>) -> (Period, Option<String>) {
    match end {
        Some(end) if end < start => {
            let period = Period { start: end, end: Some(start) };
            (period, Some(format!("ends ({end}) before it starts ({start}); swapped to {period}")))
        }
        _ => (Period { start, end }, None),
    }
}

// ---------------------------------------------------------------------------
// Reading the Markdown outline
// ---------------------------------------------------------------------------

/// A list item with its nested items, and where its text stands.
#[derive(Debug, Clone, Default)]
struct Item {
    /// 1-based line number.
    line: usize,
    /// Byte offset of `text` in the source.
    at: usize,
    text: String,
    children: Vec<Item>,
}

/// A `## project` heading and the items under it, as read.
#[derive(Debug, Default)]
struct Heading {
    name: String,
    /// Byte offset of the heading line.
    at: usize,
    items: Vec<Item>,
}

/// A line of the source with its number and byte offset.
struct Line<'a> {
    number: usize,
    at: usize,
    text: &'a str,
}

fn lines(source: &str) -> impl Iterator<Item = Line<'_>> {
    let mut at = 0;
    source.split_inclusive('\n').enumerate().map(move |(index, raw)| {
        let line = Line { number: index + 1, at, text: raw.trim_end_matches(['\n', '\r']) };
        at += raw.len();
        line
    })
}

/// The name of a `## heading`, if the line is one (`##` alone is one with
/// no name).
fn heading_name(line: &str) -> Option<&str> {
    let rest = line.trim_start().strip_prefix("##")?;
    (rest.is_empty() || rest.starts_with([' ', '\t'])).then(|| rest.trim())
}

/// The columns of a line's indentation, a tab counting to the next stop
/// of four as Markdown counts it.
fn indentation(line: &str) -> usize {
    let mut columns = 0;
    for c in line.chars() {
        match c {
            ' ' => columns += 1,
            '\t' => columns += 4 - columns % 4,
            _ => break,
        }
    }
    columns
}

/// The text of a list item (`- x`, `* x`, `+ x`, or a bare `-`) and its
/// offset in the line.
fn item_text(line: &str) -> Option<(usize, &str)> {
    let trimmed = line.trim_start();
    let lead = line.len() - trimmed.len();
    let mut chars = trimmed.chars();
    let marker = chars.next().filter(|c| matches!(c, '-' | '*' | '+'))?;
    let rest = chars.as_str();
    if !rest.is_empty() && !rest.starts_with([' ', '\t']) {
        return None;
    }
    let text = rest.trim();
    let offset = lead + marker.len_utf8() + (rest.len() - rest.trim_start().len());
    Some((offset, text))
}

/// Items waiting for their children, deepest last.
#[derive(Default)]
struct OpenItems(Vec<(usize, Item)>);

impl OpenItems {
    /// Closes every open item at `depth` or deeper, attaching each to its
    /// parent or, at the top, to the heading.
    fn close_to(&mut self, depth: usize, heading: &mut Heading) {
        while self.0.last().is_some_and(|(d, _)| *d >= depth) {
            let (_, item) = self.0.pop().expect("checked");
            match self.0.last_mut() {
                Some((_, parent)) => parent.children.push(item),
                None => heading.items.push(item),
            }
        }
    }
}

// ---------------------------------------------------------------------------
// From the outline to the model
// ---------------------------------------------------------------------------

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

/// `Key: value` → (`Key`, `value`); a text without a colon, or whose colon
/// belongs to a link, is all key.
fn key_value(text: &str) -> (String, Option<String>) {
    match text.split_once(':') {
        Some((key, value)) if !key.contains("http") && !key.contains('<') => {
            let value = value.trim();
            (key.trim().to_string(), (!value.is_empty()).then(|| value.to_string()))
        }
        _ => (text.trim().to_string(), None),
    }
}

/// Splits `a, b(c,d), e` at the commas outside parentheses.
fn names(text: &str) -> Vec<String> {
    let (mut out, mut current, mut depth) = (Vec::new(), String::new(), 0i32);
    for c in text.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth -= 1,
            ',' if depth <= 0 => {
                out.push(current.trim().to_string());
                current.clear();
                continue;
            }
            _ => {}
        }
        current.push(c);
    }
    out.push(current.trim().to_string());
    out.retain(|n| !n.is_empty());
    out
}

/// Whether `inner` (the text between `<` and `>`) was meant as a link:
/// it has a scheme, or looks like a host with a dot.
fn looks_like_link(inner: &str) -> bool {
    if inner.is_empty() || inner.contains(char::is_whitespace) || inner.contains('<') {
        return false;
    }
    if scheme_of(inner).is_some() {
        return true;
    }
    let host = inner.trim_start_matches('/').split(['/', '?', '#']).next().unwrap_or_default();
    host.contains('.') && host.starts_with(|c: char| c.is_alphanumeric())
}

/// Takes the last `<url>` out of a text: (text without it, url).
fn split_link(text: &str) -> (String, Option<String>) {
    let mut found = None;
    let mut from = 0;
    while let Some(start) = text[from..].find('<').map(|i| from + i) {
        let Some(end) = text[start + 1..].find('>').map(|i| start + 1 + i) else { break };
        if looks_like_link(&text[start + 1..end]) {
            found = Some((start, end));
        }
        from = start + 1;
    }
    match found {
        Some((start, end)) => {
            let rest = format!("{} {}", text[..start].trim_end(), text[end + 1..].trim_start());
            (rest.trim().to_string(), Some(text[start + 1..end].to_string()))
        }
        None => (text.to_string(), None),
    }
}

/// Reads a period as résumés write it: `202204~`, `201607~202203`,
/// `2016-07..2022-03`, `2022.04 ~ 현재`.
fn read_period(text: &str) -> Option<(YearMonth, Option<YearMonth>)> {
    let (start, end) = text.split_once("..").or_else(|| text.split_once('~'))?;
    let start = YearMonth::parse(start)?;
    let end = if is_ongoing(end) { None } else { Some(YearMonth::parse(end)?) };
    Some((start, end))
}

/// A company as a project names it: `kakao/kakaoenterprise(20191201~)` is
/// kakaoenterprise, called kakao until December 2019.
struct CompanyName {
    name: String,
    formerly: Option<(String, YearMonth)>,
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
struct Markdown<'a> {
    source: &'a str,
    file: &'a Path,
    lang: &'static str,
    /// The person's name from `--name`, which the Markdown does not hold.
    name: Option<&'a str>,
    /// What was mended or left out, by line (`usize::MAX` for the file
    /// as a whole).
    notes: Vec<(usize, String)>,
}

/// Reads a Markdown résumé (the contents of `file`); prose is written as
/// `{ <lang> = "…" }` so a translation can be added beside it. Fails, with
/// the line and a hint, when a project cannot be written (no name, no
/// readable period) or when there is no project at all.
pub fn markdown(text: &str, file: &Path, lang: Language, name: Option<&str>) -> Result<Imported> {
    let mut importer = Markdown { source: text, file, lang: lang.code, name, notes: Vec::new() };
    let headings = importer.outline();
    let resume = importer.resume(&headings)?;
    Ok(Imported { toml: to_toml(&resume, MARKDOWN_HEADER), skipped: importer.notes_in_line_order() })
}

impl Markdown<'_> {
    fn note(&mut self, line: usize, what: impl std::fmt::Display) {
        self.notes.push((line, format!("line {line}: {what}")));
    }

    /// The notes as a reader meets their lines, whatever order the
    /// importer found them in.
    fn notes_in_line_order(mut self) -> Vec<String> {
        self.notes.sort_by_key(|(line, _)| *line);
        self.notes.into_iter().map(|(_, note)| note).collect()
    }

    fn error(&self, span: Range<usize>, message: String, hint: &str) -> Error {
        Error::new(message).with_hint(hint).at(Location::from_span(self.file, self.source, span))
    }

    /// A text as written in the file's language. In a Korean résumé, a
    /// text with no Hangul (`MongoDB`, `Develop OCR Server`) is the same in
    /// every language: kept plain, it needs no translation.
    fn prose(&self, text: &str) -> Text {
        if self.lang == "ko" && !crate::model::has_hangul(text) {
            return Text::Plain(text.to_string());
        }
        Text::Localized([(self.lang.to_string(), text.to_string())].into())
    }

    /// The `## project` headings with their nested items; lines that are
    /// neither are reported and skipped.
    fn outline(&mut self) -> Vec<Heading> {
        let mut headings: Vec<Heading> = Vec::new();
        let mut open = OpenItems::default();
        for line in lines(self.source) {
            if line.text.trim().is_empty() {
                continue;
            }
            if let Some(name) = heading_name(line.text) {
                if let Some(last) = headings.last_mut() {
                    open.close_to(0, last);
                }
                headings.push(Heading { name: name.to_string(), at: line.at, items: vec![] });
                continue;
            }
            if line.text.trim_start().starts_with("# ") || line.text.trim() == "#" {
                continue;
            }
            let Some((offset, text)) = item_text(line.text) else {
                self.note(line.number, format!("not a `## heading` or a `- item`: {}", line.text.trim()));
                continue;
            };
            let Some(heading) = headings.last_mut() else {
                self.note(line.number, "an item before the first `## project` heading");
                continue;
            };
            let depth = indentation(line.text) / 2;
            open.close_to(depth, heading);
            let item =
                Item { line: line.number, at: line.at + offset, text: text.to_string(), children: vec![] };
            open.0.push((depth, item));
        }
        if let Some(last) = headings.last_mut() {
            open.close_to(0, last);
        }
        headings
    }

    fn resume(&mut self, headings: &[Heading]) -> Result<Resume> {
        if headings.is_empty() {
            let start = self.source.len() - self.source.trim_start().len();
            return Err(self.error(
                start..start,
                "this Markdown has no `## project` heading, so there is nothing to import".to_string(),
                "each project starts with a `## name` line, followed by `- Key: value` items",
            ));
        }
        let sorted: Vec<Sorted> = headings.iter().map(|h| self.sort(h)).collect();
        let (companies, company_of) = self.companies(&sorted);
        let names: Vec<&str> = headings.iter().map(|h| h.name.as_str()).collect();
        let ids = Ids::for_entries().assign(&names, "project");
        let mut projects = Vec::new();
        for (((heading, sorted), id), company) in headings.iter().zip(&sorted).zip(ids).zip(company_of) {
            projects.push(self.project(heading, sorted, id, company)?);
        }
        Ok(Resume {
            person: self.person_to_fill_in(),
            summary: None,
            companies,
            projects,
            education: vec![],
            certifications: vec![],
            open_source: vec![],
            sections: vec![],
            profiles: Default::default(),
        })
    }

    /// The Markdown has no place for the person: an empty name, and a note
    /// saying so, so the PDF does not go out nameless by surprise.
    /// The person: Markdown résumés of this kind hold no name, so it comes
    /// from `--name`, or is a placeholder that reads as one in the PDF
    /// (never an empty header), with a warning.
    fn person_to_fill_in(&mut self) -> Person {
        let name = match self.name.map(str::trim).filter(|n| !n.is_empty()) {
            Some(name) => name.to_string(),
            None => {
                let placeholder = if self.lang == "ko" { "이름" } else { "Your Name" };
                let note = format!(
                    "the Markdown has no name for the person; `name` is set to \"{placeholder}\" under [person]: \
                     fill it in, or import with `--name`"
                );
                self.notes.push((usize::MAX, note));
                placeholder.to_string()
            }
        };
        Person {
            name: Text::Plain(name),
            headline: None,
            email: None,
            phone: None,
            location: None,
            links: vec![],
        }
    }

    /// Sorts a heading's items by field; a second item of a field the
    /// model holds once is reported and left out (the first one wins, as
    /// a reader of the Markdown would see it first).
    fn sort<'h>(&mut self, heading: &'h Heading) -> Sorted<'h> {
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
    /// own namespace; and for each project the id of its company (empty
    /// when it names none).
    fn companies(&mut self, sorted: &[Sorted]) -> (Vec<Company>, Vec<String>) {
        let mut read: Vec<CompanyName> = Vec::new();
        let mut index_of = Vec::new();
        for project in sorted {
            let Some(name) = project.single.get(&Field::Company).and_then(|item| self.company_name(item))
            else {
                index_of.push(None);
                continue;
            };
            match read.iter().position(|c| c.name == name.name) {
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
                role: None,
                location: None,
            })
            .collect();
        (companies, company_of)
    }

    /// Reads `name`, or `former/name(YYYYMMDD~)` for a rename.
    fn company_name(&mut self, item: &Item) -> Option<CompanyName> {
        let (_, value) = key_value(&item.text);
        let value = value?;
        let Some((former, rest)) = value.split_once('/') else {
            return Some(CompanyName { name: value.trim().to_string(), formerly: None });
        };
        let (current, since) = rest.split_once('(').unwrap_or((rest, ""));
        let (former, current) = (former.trim(), current.trim());
        if current.is_empty() || former.is_empty() {
            let name = if current.is_empty() { former } else { current };
            return (!name.is_empty()).then(|| CompanyName { name: name.to_string(), formerly: None });
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
        Some(CompanyName { name: current.to_string(), formerly: until.map(|u| (former.to_string(), u)) })
    }

    fn project(
        &mut self,
        heading: &Heading,
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
    fn period(&mut self, heading: &Heading, item: Option<&Item>) -> Result<Period> {
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
                let names = names(&v);
                (!names.is_empty()).then_some(FactValue::Names(names))
            }
        });
        let details: Vec<Detail> = item.children.iter().filter_map(|child| self.detail(child)).collect();
        (value.is_some() || !details.is_empty()).then_some(Fact { value, details })
    }

    /// `Label: value` or a bare value, as a detail; items nested deeper
    /// have no place and are reported.
    fn detail(&mut self, item: &Item) -> Option<Detail> {
        self.nothing_nested(item);
        let (label, value) = key_value(&item.text);
        match value {
            Some(value) if !label.is_empty() => {
                Some(Detail { label: Some(Text::Plain(label)), value: self.prose(&value) })
            }
            Some(value) => Some(Detail { label: None, value: self.prose(&value) }),
            None if label.is_empty() => None,
            None => Some(Detail { label: None, value: self.prose(&label) }),
        }
    }

    /// An item of an unknown key, kept as `other` facts: the item itself,
    /// and its nested items labelled with its key.
    fn others(&mut self, item: &Item) -> Vec<Detail> {
        let (key, value) = key_value(&item.text);
        let mut details = Vec::new();
        if value.is_some() || item.children.is_empty() {
            details.extend(self.detail(&Item { children: vec![], ..item.clone() }));
        }
        for child in &item.children {
            self.nothing_nested(child);
            if !child.text.is_empty() {
                let label = (!key.is_empty()).then(|| Text::Plain(key.clone()));
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
    fn link(&mut self, line: usize, url: &str) -> Option<String> {
        link_or_note(url, |note| self.note(line, note))
    }

    /// A bullet with its link and nested bullets; a nested item that is
    /// only a link becomes the bullet's link. An item without text or link
    /// gives its nested bullets to its parent (a bullet needs one of them).
    fn bullet(&mut self, item: &Item) -> Vec<Bullet> {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kebab_gives_lowercase_words_with_single_dashes() {
        assert_eq!(kebab("kakao i MLOps"), "kakao-i-mlops");
        assert_eq!(kebab("  -- C++ / Rust --"), "c-rust");
        assert_eq!(kebab("한게임 포커"), "hangeim-pokeo", "Korean names romanized");
    }

    #[test]
    fn ids_fall_back_without_colliding() {
        let mut ids = Ids::default();
        let given = ids.assign(&["한글", "Project 1", "한국", "project-1", "x"], "project");
        assert_eq!(given, ["hangeul", "project-1", "hanguk", "project-2", "project-3"]);
        assert_eq!(ids.claim("Project 1", "project"), "project-4");

        let mut ids = Ids::for_entries();
        assert_eq!(ids.claim("Monitoring", "project"), "project-1");
        assert_eq!(ids.claim("2023 Search", "project"), "project-2023-search");
    }

    #[test]
    fn links_are_mended_or_left_out() {
        assert_eq!(clean_link("https://x.y/a"), Ok(("https://x.y/a".into(), None)));
        let (url, note) = clean_link("example.com/x").unwrap();
        assert_eq!(url, "https://example.com/x");
        assert!(note.unwrap().contains("`example.com/x` was written as `https://example.com/x`"));
        assert_eq!(clean_link("example.com:8080/x").unwrap().0, "https://example.com:8080/x");
        assert_eq!(clean_link("HTTP://x.y").unwrap().0, "http://x.y");
        assert_eq!(clean_link("mailto:a@b.c").unwrap().0, "mailto:a@b.c");
        assert_eq!(clean_link("tel:+82-10-1234").unwrap().0, "tel:+82-10-1234");
        for bad in [
            "javascript:alert(1)",
            "file:///etc/passwd",
            "ftp://x.y",
            "https://localhost",
            "a b.c",
            "",
            "mailto:x",
        ] {
            assert!(clean_link(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn links_split_off_wherever_they_stand() {
        assert_eq!(split_link("a <https://x.y> b"), ("a b".into(), Some("https://x.y".into())));
        assert_eq!(split_link("<x.y/z>"), (String::new(), Some("x.y/z".into())));
        assert_eq!(split_link("a < b > c <br>"), ("a < b > c <br>".into(), None));
        assert_eq!(split_link("<javascript:alert(1)>").1.as_deref(), Some("javascript:alert(1)"));
    }

    #[test]
    fn periods_read_the_usual_forms_and_swap_when_backwards() {
        let (start, end) = read_period("2022.04 ~ 현재").unwrap();
        assert_eq!((start.to_string(), end), ("2022-04".to_string(), None));
        let (start, end) = read_period("202203~201607").unwrap();
        let (period, note) = ordered_period(start, end);
        assert_eq!(period.to_string(), "2016-07..2022-03");
        assert!(note.unwrap().contains("swapped"));
        assert!(read_period("2022-13~").is_none());
    }
}
