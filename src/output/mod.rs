//! The last stage: laid-out pages to bytes ([`pdf`], [`png`], [`svg`];
//! [`packet`] joins finished PDFs), and
//! bytes to files ([`write`]) so that a build never costs the user a file.

pub mod packet;
pub mod pdf;
pub mod png;
pub mod svg;
pub mod write;

use std::path::{Path, PathBuf};

pub use write::{check_target, check_target_as, is_stdout, same_file, write_all_atomic, write_atomic};

/// Every output of a document: typeset by Typst (PDF, images) or written
/// from the view by a writer of [`crate::formats`] (Word, Markdown, text,
/// JSON Resume, the view itself). Both `--format` flags read their names
/// from [`FORMATS`], the build dispatches on [`Format::typeset`], and a
/// document format's writer is chosen in [`crate::formats::write`]: adding
/// a format is a line there, a line here, and its writer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// A tagged PDF with selectable text and links: what is sent.
    Pdf,
    /// One PNG per page, for previews and pasting into documents.
    Png,
    /// One SVG per page, for the web.
    Svg,
    /// An editable Word document, for recruiters who edit what they send on.
    Docx,
    /// Markdown, readable on GitHub, which `import markdown` reads back.
    Markdown,
    /// Plain text in reading order, for portal fields and ATS checks.
    Text,
    /// A JSON Resume document, for its themes and the services that read it.
    JsonResume,
    /// The view as JSON: what a layout reads.
    Json,
    /// A web page of one language, its style inline (`resume html` writes
    /// every language in one page, with its fonts and PDFs).
    Html,
}

/// Every format: its name on the command line, and what it is for.
pub const FORMATS: &[(Format, &str, &str)] = &[
    (Format::Pdf, "pdf", "a tagged PDF with selectable text and links, one per document"),
    (Format::Png, "png", "a PNG image per page"),
    (Format::Svg, "svg", "an SVG image per page"),
    (Format::Docx, "docx", "an editable Word document"),
    (Format::Markdown, "markdown", "Markdown, readable on GitHub; `import markdown` reads it back"),
    (Format::Text, "text", "plain text in reading order, for portal fields and ATS checks"),
    (Format::JsonResume, "jsonresume", "a JSON Resume document"),
    (Format::Json, "json", "the view a layout reads, as JSON"),
    (Format::Html, "html", "a web page in one file (`resume html` makes a folder with every language)"),
];

impl Format {
    /// Its name on the command line.
    pub fn name(self) -> &'static str {
        FORMATS.iter().find(|(f, _, _)| *f == self).map_or("pdf", |(_, name, _)| name)
    }

    /// The format of a name (`md` and `txt` as well), or an error listing
    /// the names.
    pub fn parse(text: &str) -> Result<Format, String> {
        let text = text.trim().to_ascii_lowercase();
        let alias = match text.as_str() {
            "md" => "markdown",
            "txt" => "text",
            other => other,
        };
        FORMATS.iter().find(|(_, name, _)| *name == alias).map(|(f, _, _)| *f).ok_or_else(|| {
            let names: Vec<&str> = FORMATS.iter().map(|(_, name, _)| *name).collect();
            format!("`{text}` is not a format; the formats are: {}", names.join(", "))
        })
    }

    /// Whether Typst lays it out (PDF and page images); the others are
    /// written from the view alone, with no typesetting.
    pub fn typeset(self) -> bool {
        matches!(self, Format::Pdf | Format::Png | Format::Svg)
    }

    /// The file name extension.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Pdf => "pdf",
            Format::Png => "png",
            Format::Svg => "svg",
            Format::Docx => "docx",
            Format::Markdown => "md",
            Format::Text => "txt",
            Format::JsonResume => "resume.json",
            Format::Json => "json",
            Format::Html => "html",
        }
    }

    /// How a file of this format begins, so that an existing file of
    /// another kind is never replaced by one. A text format's file is
    /// text: no NUL byte, valid UTF-8 (a character may be cut at the end).
    pub(crate) fn looks_like(self, head: &[u8]) -> bool {
        match self {
            Format::Pdf => head.starts_with(b"%PDF-"),
            Format::Png => head.starts_with(b"\x89PNG"),
            Format::Svg => head.starts_with(b"<svg") || head.starts_with(b"<?xml"),
            Format::Docx => head.starts_with(b"PK\x03\x04"),
            Format::Markdown | Format::Text | Format::JsonResume | Format::Json | Format::Html => {
                !head.contains(&0)
                    && std::str::from_utf8(head).map_or_else(|e| e.valid_up_to() + 4 > head.len(), |_| true)
            }
        }
    }

    /// Whether an existing file's name says it is one of this format's
    /// (`.docx` for Word, `.md` or `.markdown` for Markdown…): a file is
    /// replaced only when its name and its content both say so.
    pub(crate) fn named_as(self, path: &Path) -> bool {
        let Some(extension) = path.extension().and_then(|e| e.to_str()) else { return false };
        let accepted: &[&str] = match self {
            Format::Markdown => &["md", "markdown"],
            Format::Text => &["txt", "text"],
            Format::JsonResume | Format::Json => &["json"],
            Format::Html => &["html", "htm"],
            other => &[other.extension()],
        };
        accepted.iter().any(|a| extension.eq_ignore_ascii_case(a))
    }

    /// Whether the format is one file per page.
    pub fn paged(self) -> bool {
        matches!(self, Format::Png | Format::Svg)
    }

    /// The files a document of `pages` pages is written to, for the
    /// output `target` (`resume-ko.pdf`): the target itself for a PDF,
    /// `resume-ko-1.png`, `resume-ko-2.png`… for images.
    pub fn paths(self, target: &Path, pages: usize) -> Vec<PathBuf> {
        if self == Format::Pdf || is_stdout(target) {
            return vec![target.to_path_buf()];
        }
        if !self.paged() {
            let is_pdf = target.extension().is_some_and(|e| e.eq_ignore_ascii_case("pdf"));
            return vec![if is_pdf { target.with_extension(self.extension()) } else { target.to_path_buf() }];
        }
        (1..=pages).map(|n| self.page_path(target, n)).collect()
    }

    /// The file of page `n` (1-based) of an image format.
    pub fn page_path(self, target: &Path, n: usize) -> PathBuf {
        let stem = match target.extension().and_then(|e| e.to_str()) {
            Some(ext) if ext.eq_ignore_ascii_case("pdf") || ext.eq_ignore_ascii_case(self.extension()) => {
                target.with_extension("")
            }
            _ => target.to_path_buf(),
        };
        let mut name = stem.file_name().map(|n| n.to_os_string()).unwrap_or_default();
        name.push(format!("-{n}.{}", self.extension()));
        stem.with_file_name(name)
    }
}

/// The files a build wrote, as one phrase: `resume-ko.pdf`, or
/// `resume-ko-1.png … resume-ko-4.png` for the pages of an image format.
pub fn written(paths: &[PathBuf]) -> String {
    let shown = |path: &PathBuf| {
        if is_stdout(path) { "standard output".to_string() } else { path.display().to_string() }
    };
    let mut parts = Vec::new();
    let mut rest = paths;
    while let Some(first) = rest.first() {
        // The pages of one format share their name but for the number.
        let extension = first.extension();
        let run = rest.iter().take_while(|p| p.extension() == extension).count().max(1);
        parts.push(match run {
            1 => shown(first),
            2 => format!("{}, {}", shown(first), shown(&rest[1])),
            _ => format!("{} … {}", shown(first), shown(&rest[run - 1])),
        });
        rest = &rest[run..];
    }
    parts.join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn images_get_one_file_per_page_beside_the_target() {
        let paths = Format::Png.paths(Path::new("out/resume-ko.pdf"), 2);
        assert_eq!(paths, [PathBuf::from("out/resume-ko-1.png"), PathBuf::from("out/resume-ko-2.png")]);
        assert_eq!(Format::Svg.page_path(Path::new("cv.svg"), 3), PathBuf::from("cv-3.svg"));
        assert_eq!(Format::Pdf.paths(Path::new("a.pdf"), 4), [PathBuf::from("a.pdf")]);
        let mut all = vec![PathBuf::from("a.pdf")];
        all.extend(Format::Png.paths(Path::new("a.pdf"), 3));
        assert_eq!(written(&all), "a.pdf, a-1.png … a-3.png");
    }
}
