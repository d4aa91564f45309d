//! Plain text, for portal fields and applicant-tracking checks: what the
//! document says in reading order, with `-` for bullets and nothing a
//! layout adds.
//!
//! A letter prints each question, its limit and its answer; the answer is
//! printed exactly as written (line breaks kept, nothing trimmed), so what
//! is pasted counts as `resume letter count` says.

use std::fmt::Write;

use unicode_width::UnicodeWidthStr;

use crate::view::LetterView;
use crate::view::View;
use crate::view::body::{Block, Item, Span};

/// The résumé's view as plain text: the header, then the document's
/// sections as composed, word for word.
pub fn export(view: &View) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{}", view.person.name);
    if let Some(headline) = &view.person.headline {
        let _ = writeln!(out, "{headline}");
    }
    let mut contacts: Vec<&str> = view.person.location.iter().map(String::as_str).collect();
    contacts.extend(view.person.contacts.iter().map(|c| c.text.as_str()));
    if !contacts.is_empty() {
        let _ = writeln!(out, "{}", contacts.join(" | "));
    }
    for section in &view.body {
        if let Some(heading) = &section.heading {
            let _ = write!(out, "\n{heading}");
        }
        out.push('\n');
        blocks(&mut out, &section.blocks, "");
    }
    out
}

/// Blocks, each line after `indent`.
fn blocks(out: &mut String, blocks: &[Block], indent: &str) {
    for block in blocks {
        match block {
            Block::Paragraph { spans: runs } => {
                let _ = writeln!(out, "{indent}{}", spans(runs));
            }
            Block::Entry(entry) => {
                let _ = writeln!(out, "\n{indent}{}", entry.title);
                if !entry.meta.is_empty() {
                    let _ = writeln!(out, "{indent}{}", entry.meta.join(" | "));
                }
                self::blocks(out, &entry.blocks, indent);
            }
            Block::List { items: list } => items(out, list, indent),
            Block::Rows { rows } => {
                for row in rows {
                    let _ = writeln!(out, "{indent}{}: {}", row.label, row.values.join("; "));
                }
            }
            Block::Part { title, blocks: inner } => {
                let _ = writeln!(out, "{indent}{title}");
                self::blocks(out, inner, indent);
            }
        }
    }
}

fn items(out: &mut String, items: &[Item], indent: &str) {
    for item in items {
        let _ = writeln!(out, "{indent}- {}", spans(&item.spans));
        let deeper = format!("{indent}  ");
        self::items(out, &item.items, &deeper);
        if let Some(note) = &item.note {
            let _ = writeln!(out, "{deeper}{note}");
        }
    }
}

/// Runs as plain text; a link as its whole address, to paste or follow.
fn spans(spans: &[Span]) -> String {
    spans.iter().map(|s| s.link.as_deref().unwrap_or(&s.text)).collect()
}

/// A letter as its document has it (in the build's language, limits as
/// the portal wrote them): its title and addressee, then each question
/// with its limit and its answer exactly as written; or a cover letter's
/// date, addressee, salutation, paragraphs, closing and signature.
pub fn letter(letter: &LetterView) -> String {
    let mut out = String::new();
    if letter.questions.is_empty() {
        // A business letter, as the PDF sets it: the date, the addressee,
        // the subject, each a block of its own.
        let blocks: Vec<&String> =
            [&letter.date, &letter.addressee, &letter.title].into_iter().flatten().collect();
        let _ = writeln!(out, "{}", blocks.iter().map(|b| b.as_str()).collect::<Vec<_>>().join("\n\n"));
    } else {
        for line in [&letter.title, &letter.addressee].into_iter().flatten() {
            let _ = writeln!(out, "{line}");
        }
    }
    for (n, question) in letter.questions.iter().enumerate() {
        let _ = writeln!(out, "\n{}. {}", n + 1, question.question);
        if let Some(limit) = &question.limit {
            let _ = writeln!(out, "({limit})");
        }
        // The answer as counted: a blank line before it, and after it only
        // the line break that ends the output.
        let _ = write!(out, "\n{}", question.answer);
        if !out.ends_with('\n') {
            out.push('\n');
        }
    }
    if let Some(salutation) = &letter.salutation {
        let _ = writeln!(out, "\n{salutation}");
    }
    for paragraph in &letter.paragraphs {
        let _ = writeln!(out, "\n{paragraph}");
    }
    if let Some(closing) = &letter.closing {
        let _ = writeln!(out, "\n{closing}");
    }
    if let Some(signature) = &letter.signature {
        let _ = writeln!(out, "{signature}");
    }
    out
}

/// The narrowest `--width` that still reads: a Korean line of 20 columns
/// holds about eight syllables.
pub const MIN_WIDTH: usize = 20;

/// Wraps every line of `text` to `width` terminal columns (a Hangul
/// syllable takes two), breaking only at spaces, so Korean breaks between
/// words (어절) and a URL is never cut. A wrapped bullet's lines hang under
/// its text, not its marker. A word wider than the line stays whole.
pub fn wrap(text: &str, width: usize) -> String {
    let mut out = String::new();
    for line in text.split_inclusive('\n') {
        let (line, end) = match line.strip_suffix('\n') {
            Some(line) => (line, "\n"),
            None => (line, ""),
        };
        if line.width() <= width {
            out.push_str(line);
            out.push_str(end);
            continue;
        }
        let indent = line.len() - line.trim_start_matches(' ').len();
        let marker = if line[indent..].starts_with("- ") { 2 } else { 0 };
        let hang = " ".repeat(indent + marker);
        let mut current = line[..indent + marker].to_string();
        let mut empty = true;
        for word in line[indent + marker..].split(' ').filter(|w| !w.is_empty()) {
            if !empty && current.width() + 1 + word.width() > width {
                out.push_str(&current);
                out.push('\n');
                current = hang.clone();
                empty = true;
            }
            if !empty {
                current.push(' ');
            }
            current.push_str(word);
            empty = false;
        }
        out.push_str(&current);
        out.push_str(end);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_between_words_by_display_width_with_a_hanging_indent() {
        let text = "- 배포 파이프라인을 설계하고 클러스터 무중단 이전을 이끌었습니다 https://example.com/a/very/long/path/that/stays/whole\nshort\n";
        let wrapped = wrap(text, 30);
        for line in wrapped.lines() {
            assert!(line.width() <= 30 || !line.trim().contains(' '), "{line:?}");
        }
        assert!(
            wrapped.lines().skip(1).take(2).all(|l| l.starts_with("  ") && !l.starts_with("  -")),
            "{wrapped}"
        );
        // Nothing lost, nothing split inside a word.
        let words = |t: &str| t.split_whitespace().map(str::to_string).collect::<Vec<_>>();
        assert_eq!(words(&wrapped), words(text));
        assert!(wrapped.ends_with("\nshort\n"));
        assert_eq!(wrapped.lines().next(), Some("- 배포 파이프라인을 설계하고"));
    }

    #[test]
    fn lines_that_fit_are_left_as_they_are() {
        let text = "a  b\n\n  - c\n";
        assert_eq!(wrap(text, 20), text);
    }
}
