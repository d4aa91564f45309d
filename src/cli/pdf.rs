//! `resume pdf` (also what `resume` alone runs): build one PDF per
//! language and profile, in parallel, and say what was written.

use std::path::PathBuf;

use clap::{Args, ValueEnum};
use resume::Result;
use resume::build::{self, Request};
use resume::model::PacketNumbers;
use resume::output::Format;
use resume::view::Paper;

use super::{LimitArgs, SourceArgs, clean};

/// Options for building a document. The default is a plain `resume pdf`.
#[derive(Debug, Clone, Default, Args)]
#[command(after_help = SELECTOR_HELP)]
pub struct PdfArgs {
    /// Languages to build, comma-separated (ko, en; ko-KR and en-US work too)
    /// [default: the profile's, else ko].
    #[arg(short, long, value_name = "LANG,…", value_delimiter = ',')]
    pub lang: Option<Vec<String>>,

    /// Apply a profile stored in the résumé (`[profile.NAME]`); `all` builds
    /// every profile in each of its languages, into `out/` unless -o says
    /// otherwise. Flags given beside it override the profile.
    #[arg(short, long, value_name = "NAME")]
    pub profile: Option<String>,

    /// Fail when the document needs more pages than this, after tightening
    /// spacing and then type size (never below 9 pt) to fit.
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    pub max_pages: Option<u16>,

    /// Which résumé, and which month is today.
    #[command(flatten)]
    pub source: SourceArgs,

    /// Output file, or folder when several languages are built, or `-` for
    /// standard output [default: resume-<lang>.pdf].
    #[arg(short, long, value_name = "PATH")]
    pub output: Option<PathBuf>,

    /// Keep only what these selectors name (see below).
    #[arg(long, value_name = "SEL,…", allow_hyphen_values = true)]
    pub only: Vec<String>,

    /// Drop what these selectors name, after --only (see below).
    #[arg(long, value_name = "SEL,…", allow_hyphen_values = true)]
    pub hide: Vec<String>,

    /// A built-in layout name, or the path of a .typ file [default: classic].
    #[arg(long, value_name = "NAME|FILE")]
    pub layout: Option<String>,

    /// Paper size [default: a4].
    #[arg(long, value_enum)]
    pub paper: Option<PaperArg>,

    /// Also use the fonts in this folder (the embedded fonts stay first).
    #[arg(long, value_name = "DIR")]
    pub font_path: Option<PathBuf>,

    /// Build even when a character has no glyph in any font (it prints as a box).
    #[arg(long)]
    pub allow_missing_glyphs: bool,

    /// Build even when text runs off its page (it is then lost from the
    /// PDF); the overflow is reported as a warning.
    #[arg(long)]
    pub allow_overflow: bool,

    /// Build a letter even when an answer is over its limit, as a draft
    /// (its count is printed in red); without it, such a build fails.
    #[arg(long)]
    pub allow_over_limit: bool,

    /// Let a custom layout run WebAssembly plugins (`plugin(…)`). Off by
    /// default: a plugin runs code that cannot be interrupted.
    #[arg(long)]
    pub allow_plugins: bool,

    /// Fail on warnings too: a stale translation, Hangul in a build for
    /// another language, text run off its page under `--allow-overflow`.
    /// Nothing is written when a build fails.
    #[arg(long)]
    pub strict: bool,

    /// What to write, comma-separated: `pdf` (one file per document),
    /// `png` or `svg` (one file per page: resume-ko-1.png, resume-ko-2.png…),
    /// `docx` (an editable Word document: resume-ko.docx), `markdown`,
    /// `text`, `jsonresume`, `json`, `html` (resume-ko.md, .txt,
    /// .resume.json, .json, .html: one language's web page in one file).
    #[arg(long, value_name = "FORMAT,…", value_delimiter = ',', default_value = "pdf", value_parser = Format::parse)]
    pub format: Vec<Format>,

    /// Pixels per inch of PNG pages [default: 144].
    #[arg(long, value_name = "N")]
    pub ppi: Option<f32>,

    /// The accent colour of titles and rules, as hex (`#1d4f91`)
    /// [default: the layout's].
    #[arg(long, value_name = "#RRGGBB")]
    pub accent: Option<String>,

    /// The body text size in points, from 8 to 12 [default: the layout's].
    #[arg(long, value_name = "PT")]
    pub font_size: Option<f64>,

    /// Show the photo `person.photo` names (off by default).
    #[arg(long, overrides_with = "no_photo")]
    pub photo: bool,

    /// Leave the photo out, whatever the profile says.
    #[arg(long)]
    pub no_photo: bool,

    /// What to build, comma-separated: `resume` (or `career`, the
    /// 경력기술서), `iryeokseo` (the 이력서 form, Korean only) or a letter,
    /// `letter:ID` (a 자기소개서 or cover letter); each in its own layout
    /// (`--layout` is the résumé's, or the one document's when only one is
    /// built) [default: the profile's, else resume].
    #[arg(long, value_name = "DOC,…", value_delimiter = ',')]
    pub document: Vec<String>,

    /// Join the documents of each language into one PDF (packet-ko.pdf),
    /// with an outline entry and page numbers for each, for a portal that
    /// takes one file.
    #[arg(long, overrides_with = "no_packet")]
    pub packet: bool,

    /// Write each document to its own file, whatever the profile says.
    #[arg(long)]
    pub no_packet: bool,

    /// How a packet numbers its pages: each document on its own (1 / 2),
    /// or the packet throughout (3 / 7) [default: the profile's, else
    /// each].
    #[arg(long, value_name = "HOW")]
    pub packet_numbers: Option<PacketNumbersArg>,

    /// Links in the body print their host and `/…`, the whole address
    /// staying the link's target (for a page read on screen; on paper the
    /// address is what can be typed).
    #[arg(long)]
    pub short_links: bool,

    /// How long and how large one build may grow.
    #[command(flatten)]
    pub limits: LimitArgs,
}

impl PdfArgs {
    /// The flags as the library takes them.
    pub fn request(&self) -> Request {
        Request {
            lang: self.lang.clone(),
            profile: self.profile.clone(),
            max_pages: self.max_pages,
            source: self.source.request(),
            output: self.output.clone(),
            only: self.only.clone(),
            hide: self.hide.clone(),
            layout: self.layout.clone(),
            paper: self.paper.map(|paper| match paper {
                PaperArg::A4 => Paper::A4,
                PaperArg::UsLetter => Paper::UsLetter,
            }),
            font_path: self.font_path.clone(),
            allow_missing_glyphs: self.allow_missing_glyphs,
            allow_overflow: self.allow_overflow,
            allow_over_limit: self.allow_over_limit,
            allow_plugins: self.allow_plugins,
            strict: self.strict,
            accent: self.accent.clone(),
            font_size: self.font_size,
            photo: if self.photo {
                Some(true)
            } else if self.no_photo {
                Some(false)
            } else {
                None
            },
            documents: self.document.clone(),
            packet: if self.packet {
                Some(true)
            } else if self.no_packet {
                Some(false)
            } else {
                None
            },
            packet_numbers: self.packet_numbers.map(|how| match how {
                PacketNumbersArg::Each => PacketNumbers::Each,
                PacketNumbersArg::Throughout => PacketNumbers::Throughout,
            }),
            short_links: self.short_links.then_some(true),
            formats: self.format.clone(),
            ppi: self.ppi,
        }
    }
}

impl PdfArgs {
    /// The same build in one other format (`resume png` is `resume pdf
    /// --format png`).
    pub fn only_as(&self, format: Format) -> PdfArgs {
        PdfArgs { format: vec![format], ..self.clone() }
    }
}

/// How a packet numbers its pages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum PacketNumbersArg {
    /// Each document from 1.
    Each,
    /// The packet from its first page to its last.
    Throughout,
}

/// Paper sizes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum PaperArg {
    /// ISO A4 (210 × 297 mm).
    A4,
    /// US Letter (8.5 × 11 in).
    UsLetter,
}

/// Builds every job and reports each file written; the first failure is
/// the command's, the others are printed as they come.
pub fn run(args: &PdfArgs) -> Result<()> {
    let configs = build::configure(&args.request())?;
    let mut failure = None;
    for outcome in build::build(&configs) {
        match outcome {
            Ok(written) => {
                for warning in &written.warnings {
                    resume::error::emit(warning);
                }
                let files = clean(&resume::output::written(&written.files));
                match written.pages {
                    // A Word document alone has no pages of ours: Word lays it out.
                    0 => eprintln!("wrote {files}"),
                    1 => eprintln!("wrote {files} (1 page)"),
                    pages => eprintln!("wrote {files} ({pages} pages)"),
                }
            }
            Err(err) => {
                if let Some(earlier) = failure.replace(err) {
                    resume::error::emit(&earlier);
                }
            }
        }
    }
    failure.map_or(Ok(()), Err)
}

/// How selectors work, shown under the options.
const SELECTOR_HELP: &str = "\
Selectors (comma-separated, for --only and --hide):
  2020-  -2015  2016-2019  2019.06-2022.03   periods: work whose period overlaps
  projects  skills  summary  career  …       sections
  troubleshooting  responsibilities  stack   parts of every project
  kakao-i-mlops                              an entry, by id
  tag:search                                 entries and bullets with a tag
--only: selectors of one kind are alternatives; different kinds must all hold.
--hide: drops whatever any of its selectors names.
Periods choose work (projects, open source); education, certifications and
free sections stay unless a selector names them. The career summary always
lists every employment (hide it with --hide career).

Profiles ([profile.NAME] in resume.toml) store only, hide, lang, layout,
paper, output, max_pages, accent, font_size, photo, documents and packet;
`resume profiles` lists them. --only and --hide
beside --profile add to the profile's: --only narrows, --hide drops more.

Examples:
  resume pdf --lang ko
  resume pdf --lang en --only 2020-,tag:search --hide troubleshooting
  resume pdf --profile mlops
  resume pdf --profile all
  resume pdf --document iryeokseo,career,letter:kakao --packet
  resume pdf --lang en --only 2020- -o out/en.pdf
  resume pdf --lang ko,en --input my/resume.toml --max-pages 3";
