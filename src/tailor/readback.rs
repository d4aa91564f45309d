//! What an applicant-tracking system reads back from a PDF: its text
//! layer, line by line in content order, read with `printpdf`'s parser
//! (independent of Typst, which wrote it), then checked for what a
//! recruiter's machine must find: the name, e-mail and phone, each
//! employer with its dates, each title, each requirement the résumé
//! covers; each on one line, whole (not split across lines, not run into
//! a neighbour), and an employer's dates read after the employer, not
//! before it.

use serde::Serialize;

use crate::error::{Error, Result};

/// A line of text as read back: its page (1-based) and words.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReadLine {
    pub page: usize,
    pub text: String,
}

/// A PDF's text layer, in the order a machine reads it.
#[derive(Debug, Clone, Serialize)]
pub struct Reading {
    pub pages: usize,
    pub lines: Vec<ReadLine>,
}

/// Reads a PDF's text layer, or says why it cannot be read.
///
/// Each page is parsed as a PDF of its own (split off with lopdf):
/// printpdf keeps one resource dictionary for the whole document, so a
/// font that two pages name alike would decode the second page's text
/// through the first page's map.
pub fn read(bytes: &[u8]) -> Result<Reading> {
    let unreadable = |err: String| Error::new(format!("the PDF cannot be read: {err}"));
    let whole = lopdf::Document::load_mem(bytes).map_err(|err| unreadable(err.to_string()))?;
    let count = u32::try_from(whole.get_pages().len()).unwrap_or(u32::MAX);
    if count > 200 {
        return Err(Error::new(format!("the PDF has {count} pages; a résumé is read up to 200")));
    }
    let mut lines = Vec::new();
    for number in 1..=count {
        let mut one = whole.clone();
        let others: Vec<u32> = (1..=count).filter(|p| *p != number).collect();
        one.delete_pages(&others);
        let mut page_bytes = Vec::new();
        one.save_to(&mut page_bytes).map_err(|err| unreadable(err.to_string()))?;
        let mut warnings = Vec::new();
        let options = printpdf::PdfParseOptions { fail_on_error: false };
        let document =
            printpdf::PdfDocument::parse(&page_bytes, &options, &mut warnings).map_err(unreadable)?;
        read_page(&document, number as usize, &mut lines);
    }
    Ok(Reading { pages: count as usize, lines })
}

/// The lines of a one-page document, as page `number`.
fn read_page(document: &printpdf::PdfDocument, number: usize, lines: &mut Vec<ReadLine>) {
    for page in document.extract_text_boxes().iter().take(1) {
        let index = number - 1;
        // Runs that follow each other on one baseline are one line (a
        // layout sets a muted note or a symbol as a run of its own).
        // printpdf estimates the widths of the bare CFF fonts Typst embeds
        // (without its text-layout feature it parses TrueType only), so
        // a run's right edge is a guess: a run that starts right of the
        // last one's start on its baseline continues it.
        let mut current: Option<(f32, f32, String)> = None;
        for line in &page.lines {
            let words: Vec<&str> =
                line.words.iter().map(|w| w.text.as_str()).filter(|w| !w.is_empty()).collect();
            let text = words.join(" ");
            if text.trim().is_empty() {
                continue;
            }
            match &mut current {
                Some((baseline, left, joined))
                    if (line.baseline - *baseline).abs() < 2.0 && line.bbox[0] > *left =>
                {
                    joined.push(' ');
                    joined.push_str(&text);
                    *left = line.bbox[0];
                }
                _ => {
                    if let Some((_, _, done)) = current.take() {
                        lines.push(ReadLine { page: index + 1, text: normalize(&done) });
                    }
                    current = Some((line.baseline, line.bbox[0], text));
                }
            }
        }
        if let Some((_, _, done)) = current {
            lines.push(ReadLine { page: index + 1, text: normalize(&done) });
        }
    }
}

/// Spaces made one, and the compatibility forms of letters (`ﬁ`) plain,
/// as a parser compares them.
fn normalize(text: &str) -> String {
    text.replace('\u{a0}', " ")
        .replace('ﬁ', "fi")
        .replace('ﬂ', "fl")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// What a machine should find, and what it is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Expected {
    /// `name`, `e-mail`, `employer`, `dates`, `title`, `requirement`.
    pub kind: &'static str,
    pub text: String,
    /// For dates: the employer they belong to, which must be read first;
    /// for a label: the start of its value, which must be read after it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub after: Option<String>,
    /// Other ways it may be written (a technology's spellings), any of
    /// which found whole is enough.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub alternatives: Vec<String>,
}

/// What a machine would miss.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Miss {
    pub kind: &'static str,
    pub text: String,
    /// Why: `not found`, `split across lines`, `run into its neighbour`,
    /// `read before its employer`.
    pub why: String,
}

/// Each expected text that a machine reading `reading` would miss.
pub fn misses(reading: &Reading, expected: &[Expected]) -> Vec<Miss> {
    let mut out = Vec::new();
    let folded: Vec<String> = reading.lines.iter().map(|l| l.text.to_lowercase()).collect();
    let find = |needle: &str| -> Option<(usize, bool)> {
        let needle = normalize(needle).to_lowercase();
        let mut run_into = None;
        for (index, line) in folded.iter().enumerate() {
            for (at, _) in line.match_indices(&needle) {
                let before = line[..at].chars().last();
                let after = line[at + needle.len()..].chars().next();
                let joined = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
                if joined(before) || joined(after) {
                    run_into.get_or_insert(index);
                } else {
                    return Some((index, true));
                }
            }
        }
        run_into.map(|index| (index, false))
    };
    for item in expected {
        // A label printed on a line of its own must not follow its value.
        if item.kind == "label" {
            let value = item.after.as_deref().unwrap_or_default().to_lowercase();
            let after_value = folded.iter().enumerate().any(|(index, line)| {
                *line == item.text.to_lowercase()
                    && index > 0
                    && folded[index - 1].contains(&value)
                    && !folded.get(index + 1).is_some_and(|next| next.contains(&value))
            });
            let miss =
                Miss { kind: item.kind, text: item.text.clone(), why: "read after its value".to_string() };
            if after_value && !out.contains(&miss) {
                out.push(miss);
            }
            continue;
        }
        if !item.alternatives.is_empty() {
            let whole = item
                .alternatives
                .iter()
                .any(|a| reading.lines.iter().any(|l| !super::terms::occurrences(&l.text, a).is_empty()));
            if !whole {
                out.push(Miss { kind: item.kind, text: item.text.clone(), why: "not found".to_string() });
            }
            continue;
        }
        let why = match find(&item.text) {
            Some((index, true)) => match &item.after {
                Some(employer) => match find(employer) {
                    Some((first, _)) if first > index => Some("read before its employer".to_string()),
                    _ => None,
                },
                None => None,
            },
            Some((_, false)) => Some("run into its neighbour".to_string()),
            None => {
                // Split: every word found, but never on one line.
                let all = reading.lines.iter().map(|l| l.text.to_lowercase()).collect::<Vec<_>>().join(" ");
                if normalize(&all).contains(&normalize(&item.text).to_lowercase()) {
                    Some("split across lines".to_string())
                } else {
                    Some("not found".to_string())
                }
            }
        };
        if let Some(why) = why {
            out.push(Miss { kind: item.kind, text: item.text.clone(), why });
        }
    }
    out
}

/// The stack facts' labels of the document's projects, each with the
/// start of its value: a label printed apart must be read before it.
pub fn labels(view: &crate::view::View) -> Vec<Expected> {
    let mut out: Vec<Expected> = Vec::new();
    for project in &view.projects {
        for fact in &project.facts {
            let Some(value) = &fact.value else { continue };
            let first = value.split([',', '·']).next().unwrap_or(value).trim();
            if first.chars().count() >= 2
                && !out.iter().any(|e| e.text == fact.label && e.after.as_deref() == Some(first))
            {
                out.push(Expected {
                    kind: "label",
                    text: fact.label.clone(),
                    after: Some(first.to_string()),
                    alternatives: Vec::new(),
                });
            }
        }
    }
    out
}

/// What the résumé's document says a machine must find in it: the
/// person's name, e-mail and phone, each employer with its dates and
/// titles, as the view (the one document every writer renders) words
/// them, in the form the layout prints them (the career summary's lines,
/// else the employments).
pub fn expected(view: &crate::view::View) -> Vec<Expected> {
    let mut out = Vec::new();
    let person = &view.person;
    out.push(Expected { kind: "name", text: person.name.clone(), after: None, alternatives: Vec::new() });
    for contact in &person.contacts {
        let kind = if contact.url.starts_with("mailto:") {
            "e-mail"
        } else if contact.url.starts_with("tel:") {
            "phone"
        } else {
            continue;
        };
        out.push(Expected { kind, text: contact.text.clone(), after: None, alternatives: Vec::new() });
    }
    let mut employers: Vec<(String, String, Vec<String>)> = match &view.career {
        Some(career) => career
            .lines
            .iter()
            .map(|l| (l.company.clone(), l.period.clone(), l.roles.iter().map(|r| r.title.clone()).collect()))
            .collect(),
        None => Vec::new(),
    };
    if employers.is_empty() {
        employers = view
            .employments
            .iter()
            .map(|e| (e.company.clone(), e.period.clone(), e.roles.iter().map(|r| r.title.clone()).collect()))
            .collect();
    }
    for (company, period, titles) in employers {
        let company = crate::view::employer_now(&company).to_string();
        out.push(Expected { kind: "employer", text: company.clone(), after: None, alternatives: Vec::new() });
        out.push(Expected { kind: "dates", text: period, after: Some(company), alternatives: Vec::new() });
        for title in titles {
            if !out.iter().any(|e| e.kind == "title" && e.text == title) {
                out.push(Expected { kind: "title", text: title, after: None, alternatives: Vec::new() });
            }
        }
    }
    out
}

/// The covered requirements a machine should find as words: any of each
/// one's spellings, whole.
pub fn requirements(coverage: &[super::Covered]) -> Vec<Expected> {
    coverage
        .iter()
        .filter(|c| c.covered && c.note.is_none() && !c.spellings.is_empty())
        .map(|c| Expected {
            kind: "requirement",
            text: c.label.clone(),
            after: None,
            alternatives: c.spellings.clone(),
        })
        .collect()
}
