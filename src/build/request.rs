//! What a build is asked for, before anything is checked: the flags of
//! `pdf`, `watch`, `export` and `serve` as plain data (the library never
//! sees the command-line parser), and the documents an application has.

use std::path::PathBuf;

use crate::error::{Error, Result};
use crate::model::{Resume, Source, YearMonth, closest};
use crate::output::Format;
use crate::today;
use crate::view::Paper;

/// Which résumé a command reads, and which month is today: what every
/// command that reads a résumé is asked.
#[derive(Debug, Clone, Default)]
pub struct SourceRequest {
    /// `--input`; else `./resume.toml`, else the built-in example.
    pub input: Option<PathBuf>,
    /// Whether `input` was found by its name (`./resume.toml`, resolved
    /// once by `watch` and `serve`) rather than named by the user: such a
    /// file must lie in its folder, checked again at every read.
    pub found: bool,
    /// `--today YYYY-MM`; else `$SOURCE_DATE_EPOCH`, else the clock.
    pub today: Option<String>,
}

/// What a build is asked for, as the command line gives it and before
/// anything is checked: the flags of `pdf` (and `watch`), as plain data,
/// so the library never sees the command-line parser. The default is a
/// plain `resume pdf`.
#[derive(Debug, Clone, Default)]
pub struct Request {
    /// `--lang`: the languages, else the profile's, else `ko`.
    pub lang: Option<Vec<String>>,
    /// `--profile NAME` or `all`.
    pub profile: Option<String>,
    /// `--max-pages`.
    pub max_pages: Option<u16>,
    /// The résumé and today.
    pub source: SourceRequest,
    /// `-o`: a file, a folder, or `-` for standard output.
    pub output: Option<PathBuf>,
    /// `--only` selectors, added to the profile's.
    pub only: Vec<String>,
    /// `--hide` selectors, added to the profile's.
    pub hide: Vec<String>,
    /// `--layout`: a built-in name or a `.typ` file.
    pub layout: Option<String>,
    /// `--paper`.
    pub paper: Option<Paper>,
    /// `--font-path`: a folder of extra fonts.
    pub font_path: Option<PathBuf>,
    /// `--allow-missing-glyphs`.
    pub allow_missing_glyphs: bool,
    /// `--allow-overflow`.
    pub allow_overflow: bool,
    /// `--allow-over-limit`: build a letter whose answer is over its
    /// limit, as a draft.
    pub allow_over_limit: bool,
    /// `--allow-plugins`.
    pub allow_plugins: bool,
    /// `--strict`: warnings fail the build.
    pub strict: bool,
    /// `--format`: what to write (PDF when empty).
    pub formats: Vec<Format>,
    /// `--ppi`: pixels per inch of PNG pages [default: 144].
    pub ppi: Option<f32>,
    /// `--accent`: the accent colour.
    pub accent: Option<String>,
    /// `--font-size`: the body size in points.
    pub font_size: Option<f64>,
    /// `--photo` (true) or `--no-photo` (false).
    pub photo: Option<bool>,
    /// `--document`: what to build, `resume` (the default), `iryeokseo`,
    /// `letter:ID`; several make one job each.
    pub documents: Vec<String>,
    /// `--packet` (true) or `--no-packet` (false): join the documents of
    /// each language into one PDF.
    pub packet: Option<bool>,
    /// `--packet-numbers`: each document numbered on its own, or the
    /// packet throughout.
    pub packet_numbers: Option<crate::model::PacketNumbers>,
    /// `--short-links`: links in the body print their host and `/…`.
    pub short_links: Option<bool>,
}

/// What a build prints: the résumé, or one of its letters.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Document {
    /// The résumé in its layout.
    #[default]
    Resume,
    /// The letter with this id, in the `letter` layout unless another is
    /// given.
    Letter(String),
    /// The Korean 이력서 form, in the `iryeokseo` layout: the one document
    /// that carries the private details (birth date, address, military
    /// service, photo).
    Form,
}

impl Document {
    /// Reads `--document`: `resume`, or `letter:ID` naming a letter of the
    /// résumé.
    pub fn parse(text: &str, resume: &Resume) -> Result<Self> {
        if matches!(text, "resume" | "career" | "경력기술서") {
            return Ok(Document::Resume);
        }
        if text == "iryeokseo" || text == "이력서" {
            return Ok(Document::Form);
        }
        let Some(id) = text.strip_prefix("letter:") else {
            return Err(Error::new(format!("`{text}` is not a document"))
                .with_hint("give `resume`, `iryeokseo` (the 이력서 form) or `letter:ID` (`resume letter count` lists the letters)"));
        };
        if resume.letters.iter().any(|l| l.id == id) {
            return Ok(Document::Letter(id.to_string()));
        }
        let ids: Vec<&str> = resume.letters.iter().map(|l| l.id.as_str()).collect();
        let mut hint = if ids.is_empty() {
            "the résumé has no letters; add a `[[letter]]`".to_string()
        } else {
            format!("the letters are: {}", ids.join(", "))
        };
        if let Some(close) = closest(id, &ids) {
            hint = format!("did you mean `letter:{close}`? {hint}");
        }
        Err(Error::new(format!("there is no letter `{id}`")).with_hint(hint))
    }
}

/// Reads the résumé a command names and resolves today.
pub fn read(args: &SourceRequest) -> Result<(Source, YearMonth)> {
    let today = today::resolve(args.today.as_deref())?;
    let input = args.input.as_deref().map(|path| (path, args.found));
    Ok((crate::source::find_source(input)?, today))
}
