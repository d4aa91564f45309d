//! The application's one diagnostic type.
//!
//! Every failure a user can cause (a malformed file, an unknown selector, a
//! broken layout, an unwritable path) becomes an [`Error`] that says what went
//! wrong, where (file, line, column and the source line), and what to do
//! next. A warning (Hangul in an English build, a Typst warning) is the
//! same type with [`Severity::Warning`], printed the same way with its own
//! prefix; `--strict` turns one into the other.

use std::fmt::{self, Display, Formatter};
use std::ops::Range;
use std::path::Path;

/// Shorthand used across the crate.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Whether a diagnostic stops the build.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Severity {
    /// The build fails.
    #[default]
    Error,
    /// The build goes on; `--strict` makes it fail.
    Warning,
    /// Worth knowing, never a failure (an answer well under its limit).
    Note,
}

/// A failure (or a warning) explained for the person who caused it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    /// Whether it stops the build; printed as `error:` or `warning:`.
    pub severity: Severity,
    /// What went wrong, lowercase, without a trailing period.
    pub message: String,
    /// Where in the user's files, when one place is to blame.
    pub location: Option<Box<Location>>,
    /// What to do about it.
    pub hint: Option<String>,
    /// Already formatted detail, such as Typst's own diagnostics.
    pub detail: Option<String>,
}

/// A place in a text file, with the line it points into, so the message can
/// show the user their own text with a caret under the culprit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    /// The file as the user would type it.
    pub file: String,
    /// 1-based line.
    pub line: usize,
    /// 1-based column, counted in characters.
    pub column: usize,
    /// The whole source line.
    pub source_line: String,
    /// How many characters the caret underlines (at least one).
    pub width: usize,
}

impl Location {
    /// Turns a byte range in `source` into a location a person can find.
    pub fn from_span(file: &Path, source: &str, span: Range<usize>) -> Self {
        let start = floor_char_boundary(source, span.start.min(source.len()));
        let line_start = source[..start].rfind('\n').map_or(0, |i| i + 1);
        let line_end = source[start..].find('\n').map_or(source.len(), |i| start + i);
        let source_line = source[line_start..line_end].trim_end_matches('\r');
        let end = floor_char_boundary(source, span.end.clamp(start, line_end));
        Self {
            file: file.display().to_string(),
            line: source[..start].matches('\n').count() + 1,
            column: source[line_start..start].chars().count() + 1,
            source_line: source_line.to_string(),
            width: source[start..end].chars().count().max(1),
        }
    }
}

fn floor_char_boundary(text: &str, mut index: usize) -> usize {
    while !text.is_char_boundary(index) {
        index -= 1;
    }
    index
}

impl Error {
    /// An error with only a message.
    pub fn new(message: impl Into<String>) -> Self {
        Self { severity: Severity::Error, message: message.into(), location: None, hint: None, detail: None }
    }

    /// A warning with only a message.
    pub fn warning(message: impl Into<String>) -> Self {
        Self { severity: Severity::Warning, ..Self::new(message) }
    }

    /// The same diagnostic as a warning: what builds, but is worth saying.
    pub fn into_warning(self) -> Self {
        Self { severity: Severity::Warning, ..self }
    }

    /// The same diagnostic as a note: said, never failing.
    pub fn into_note(self) -> Self {
        Self { severity: Severity::Note, ..self }
    }

    /// The same diagnostic as an error, for `--strict`.
    pub fn into_error(self) -> Self {
        Self { severity: Severity::Error, ..self }
    }

    /// Adds what the user should do next.
    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    /// Points the error at a place in a file.
    pub fn at(mut self, location: Location) -> Self {
        self.location = Some(Box::new(location));
        self
    }

    /// Attaches pre-formatted detail printed below the message.
    pub fn with_detail(mut self, detail: impl Into<String>) -> Self {
        self.detail = Some(detail.into());
        self
    }

    /// An I/O failure on a path, phrased for people.
    pub fn io(action: &str, path: &Path, err: &std::io::Error) -> Self {
        let reason = match err.kind() {
            std::io::ErrorKind::NotFound => "no such file or folder".to_string(),
            std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
            _ => err.to_string(),
        };
        Self::new(format!("cannot {action} `{}`: {reason}", path.display()))
    }
}

// Messages quote the user's files, which may hold raw control bytes: they
// are shown escaped, so an error cannot move the cursor or retitle the
// terminal.

impl Display for Error {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        let prefix = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Note => "note",
        };
        write!(f, "{prefix}: {}", escape_controls(&self.message))?;
        if let Some(loc) = &self.location {
            let number = loc.line.to_string();
            let pad = " ".repeat(number.len());
            let (shown, column) = window(&loc.source_line, loc.column);
            let lead: String =
                shown.chars().take(column - 1).map(|c| if c == '\t' { '\t' } else { ' ' }).collect();
            let caret_width: usize = shown.chars().skip(column - 1).take(loc.width).map(display_width).sum();
            write!(
                f,
                "\n{pad}--> {}:{}:{}\n{pad} |\n{number} | {}\n{pad} | {lead}{}",
                escape_controls(&loc.file),
                loc.line,
                loc.column,
                escape_controls(&shown),
                "^".repeat(caret_width.max(1)),
            )?;
        }
        if let Some(detail) = &self.detail {
            // A quoted line of a huge file (an SVG on one line) is cut.
            let lines: Vec<String> = detail.trim_end().lines().map(|line| cut(line, 300)).collect();
            write!(f, "\n{}", escape_controls(&lines.join("\n")))?;
        }
        if let Some(hint) = &self.hint {
            write!(
                f,
                "\n{}= hint: {}",
                if self.location.is_some() { "  " } else { "" },
                escape_controls(hint)
            )?;
        }
        Ok(())
    }
}

/// The part of a long source line worth showing: about a terminal's width
/// around the column, with `…` where it was cut, and the column within it.
fn window(line: &str, column: usize) -> (String, usize) {
    const WIDTH: usize = 100;
    let count = line.chars().count();
    if count <= WIDTH + 20 {
        return (line.to_string(), column);
    }
    let start = column.saturating_sub(40).min(count.saturating_sub(WIDTH));
    let end = (start + WIDTH).min(count);
    let mut shown: String = line.chars().skip(start).take(end - start).collect();
    let mut column = column - start;
    if start > 0 {
        shown.insert(0, '…');
        column += 1;
    }
    if end < count {
        shown.push('…');
    }
    (shown, column.max(1))
}

/// A line of at most `most` characters, `…` where it was cut.
fn cut(line: &str, most: usize) -> String {
    match line.char_indices().nth(most) {
        Some((at, _)) => format!("{}…", &line[..at]),
        None => line.to_string(),
    }
}

/// Terminal columns taken by a character: Hangul, Hanja and other wide
/// characters take two, so the caret lines up under Korean text.
fn display_width(c: char) -> usize {
    let wide = matches!(c as u32,
        0x1100..=0x115F | 0x2E80..=0x303E | 0x3041..=0x33FF | 0x3400..=0x4DBF
        | 0x4E00..=0x9FFF | 0xA960..=0xA97F | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF
        | 0xFE30..=0xFE4F | 0xFF00..=0xFF60 | 0xFFE0..=0xFFE6 | 0x1F300..=0x1FAFF);
    if wide { 2 } else { 1 }
}

impl std::error::Error for Error {}

/// Prints a diagnostic on standard error: the one place errors and
/// warnings are printed, so that every one looks the same.
pub fn emit(diagnostic: &Error) {
    eprintln!("{diagnostic}");
}

/// Control characters of untrusted text, shown escaped (`\u{1b}`), so an
/// error message that quotes the input cannot move the cursor, ring the
/// bell or rewrite the terminal's title.
pub fn escape_controls(text: &str) -> String {
    if !text.chars().any(is_unsafe_control) {
        return text.to_string();
    }
    text.chars()
        .map(|c| if is_unsafe_control(c) { c.escape_unicode().to_string() } else { c.to_string() })
        .collect()
}

fn is_unsafe_control(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_are_escaped() {
        assert_eq!(escape_controls("a\u{1b}[2Jb\u{7}"), "a\\u{1b}[2Jb\\u{7}");
        assert_eq!(escape_controls("한글\tok\n"), "한글\tok\n");
    }

    #[test]
    fn location_counts_lines_and_characters() {
        let source = "a = 1\n이름 = \"x\"\n";
        let at = source.rfind('=').unwrap();
        let loc = Location::from_span(Path::new("r.toml"), source, at..at + 1);
        assert_eq!((loc.line, loc.column), (2, 4));
        assert_eq!(loc.source_line, "이름 = \"x\"");
    }

    #[test]
    fn display_shows_caret_under_wide_text() {
        let source = "name = 한글\n";
        let start = source.find('한').unwrap();
        let loc = Location::from_span(Path::new("r.toml"), source, start..source.len() - 1);
        let text = Error::new("bad").at(loc).with_hint("fix it").to_string();
        assert!(text.contains("--> r.toml:1:8"), "{text}");
        assert!(text.contains("|        ^^^^"), "{text}");
        assert!(text.ends_with("= hint: fix it"), "{text}");
    }
}
