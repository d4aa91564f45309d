//! The command line, as clap types only. Doc comments are the help text.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// Résumé as code: one TOML model, Korean and English, typeset to PDF.
///
/// With no command, `resume` builds PDFs (the `pdf` command). With no
/// résumé given and no `resume.toml` in the current folder, it builds the
/// built-in example.
#[derive(Debug, Parser)]
#[command(name = "resume", version, args_conflicts_with_subcommands = true)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Option<Command>,

    /// Options of the default `pdf` command.
    #[command(flatten)]
    pub pdf: PdfArgs,
}

/// The commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Build PDFs, one per language.
    Pdf(PdfArgs),
    /// List the profiles stored in the résumé, with what each keeps.
    Profiles(ProfilesArgs),
    /// Build, then rebuild whenever the résumé, a translation or the layout
    /// changes; takes the options of `pdf`.
    Watch(WatchArgs),
    /// Report every problem of the résumé and its translations at once.
    Check(CheckArgs),
    /// Read a résumé in another format and print it as resume.toml.
    Import(ImportArgs),
    /// Print the résumé in another format, in one language, to stdout.
    Export(ExportArgs),
    /// The translation workflow: what lacks a language, and a file to fill in.
    #[command(subcommand)]
    I18n(I18nCommand),
    /// Start a new résumé: a commented resume.toml and translation files.
    Init(InitArgs),
    /// Print shell completions (bash, zsh, fish, …) to stdout.
    Completions(CompletionsArgs),
    /// Print the manual page (roff) to stdout.
    Man,
    /// Print the JSON Schema of resume.toml, for editor completion.
    Schema,
}

/// Options for `watch`.
#[derive(Debug, Clone, Args)]
pub struct WatchArgs {
    /// The build options, as for `pdf`.
    #[command(flatten)]
    pub pdf: PdfArgs,

    /// Stop after this many builds (for scripts and tests).
    #[arg(long, value_name = "N", hide = true)]
    pub max_builds: Option<usize>,
}

/// Options for `import`.
#[derive(Debug, Clone, Args)]
pub struct ImportArgs {
    /// The format of the file.
    #[arg(value_enum)]
    pub format: ImportFormat,

    /// The file to read; `-` reads standard input.
    #[arg(value_name = "FILE")]
    pub file: PathBuf,

    /// The language its prose is written in.
    #[arg(short, long, value_name = "LANG", default_value = "ko")]
    pub lang: String,

    /// The person's name, for Markdown that does not hold it (the seed
    /// form, with no `# name` line); an import with no name fails rather
    /// than print a résumé with an empty header.
    #[arg(long, value_name = "NAME")]
    pub name: Option<String>,
}

/// Import formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ImportFormat {
    /// `## project` headings with `- Key: value` lists, or what `export
    /// --format markdown` writes, in either language.
    Markdown,
    /// A JSON Resume document (jsonresume.org, schema 1.0).
    Jsonresume,
}

/// Options for `check`.
#[derive(Debug, Clone, Args)]
pub struct CheckArgs {
    /// Which résumé, and which month is today.
    #[command(flatten)]
    pub source: SourceArgs,

    /// Languages every text must have, besides those the profiles ask for
    /// [default: ko when nothing asks].
    #[arg(short, long, value_name = "LANG,…", value_delimiter = ',')]
    pub lang: Vec<String>,

    /// Fail on warnings too.
    #[arg(long)]
    pub strict: bool,

    /// How long and how large a page-budget build may grow.
    #[command(flatten)]
    pub limits: LimitArgs,
}

/// Options for `init`.
#[derive(Debug, Clone, Args)]
pub struct InitArgs {
    /// The folder to create or fill [default: the current folder].
    #[arg(value_name = "DIR", default_value = ".")]
    pub dir: PathBuf,

    /// Write the built-in example instead of the starter: the résumé that
    /// commands build when they find none, and that their messages name as
    /// `<built-in example>/resume.toml`.
    #[arg(long)]
    pub example: bool,
}

/// Options for `completions`.
#[derive(Debug, Clone, Args)]
pub struct CompletionsArgs {
    /// The shell.
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

/// Translation commands.
#[derive(Debug, Subcommand)]
pub enum I18nCommand {
    /// List every text without a version in a language, with its location.
    Missing(I18nArgs),
    /// Print a Fluent skeleton of the missing messages, the source text as a
    /// comment above each id; with `--write`, add it to `<lang>.ftl` beside
    /// resume.toml in place, keeping everything already there.
    Extract(ExtractArgs),
    /// Rewrite `<lang>.ftl` in place from the positional message ids of
    /// earlier versions (`project-x-responsibility-2`) to the ids that
    /// follow each item's content, saying what it mapped.
    Upgrade(I18nArgs),
}

/// Options for `i18n extract`.
#[derive(Debug, Clone, Args)]
pub struct ExtractArgs {
    /// The language and the résumé.
    #[command(flatten)]
    pub i18n: I18nArgs,

    /// Add the missing messages to `<lang>.ftl` beside the résumé (or
    /// `i18n/<lang>.ftl` if that is the one it has), atomically, keeping
    /// every translation and comment; instead of printing them.
    #[arg(long)]
    pub write: bool,
}

/// Options for the translation commands.
#[derive(Debug, Clone, Args)]
pub struct I18nArgs {
    /// The language to translate into.
    #[arg(short, long, value_name = "LANG")]
    pub lang: String,

    /// Which résumé, and which month is today.
    #[command(flatten)]
    pub source: SourceArgs,
}

/// Options for exporting.
#[derive(Debug, Clone, Args)]
pub struct ExportArgs {
    /// What to write: `json` is the localized view a layout reads,
    /// `markdown` reads well on GitHub, `jsonresume` is the JSON Resume
    /// format.
    #[arg(short, long, value_enum)]
    pub format: ExportFormat,

    /// The language to export.
    #[arg(short, long, value_name = "LANG", default_value = "ko")]
    pub lang: String,

    /// Which résumé, and which month is today.
    #[command(flatten)]
    pub source: SourceArgs,

    /// Keep only what these selectors name, as for `pdf`.
    #[arg(long, value_name = "SEL,…", allow_hyphen_values = true)]
    pub only: Vec<String>,

    /// Drop what these selectors name, as for `pdf`.
    #[arg(long, value_name = "SEL,…", allow_hyphen_values = true)]
    pub hide: Vec<String>,
}

/// Export formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// The localized view, as the layout receives it.
    Json,
    /// Markdown: headings and `- Label: value` lists, readable on GitHub.
    Markdown,
    /// A JSON Resume document, for its themes and the services that read it.
    Jsonresume,
}

/// Options for listing profiles.
#[derive(Debug, Clone, Args)]
pub struct ProfilesArgs {
    /// Which résumé, and which month is today.
    #[command(flatten)]
    pub source: SourceArgs,

    /// The language of the table (`ko` or `en`).
    #[arg(short, long, value_name = "LANG", default_value = "en")]
    pub lang: String,
}

/// The résumé to read and the month treated as today, shared by every
/// command that reads a résumé.
#[derive(Debug, Clone, Default, Args)]
pub struct SourceArgs {
    /// The résumé to read [default: ./resume.toml, else the built-in example].
    #[arg(short, long, value_name = "FILE")]
    pub input: Option<PathBuf>,

    /// The month treated as today, for ongoing periods and durations
    /// [default: $SOURCE_DATE_EPOCH, else the clock].
    #[arg(long, value_name = "YYYY-MM")]
    pub today: Option<String>,
}

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

    /// Let a custom layout run WebAssembly plugins (`plugin(…)`). Off by
    /// default: a plugin runs code that cannot be interrupted.
    #[arg(long)]
    pub allow_plugins: bool,

    /// Fail on warnings too: a stale translation, Hangul in a build for
    /// another language, text run off its page under `--allow-overflow`.
    /// Nothing is written when a build fails.
    #[arg(long)]
    pub strict: bool,

    /// How long and how large one build may grow.
    #[command(flatten)]
    pub limits: LimitArgs,
}

/// Bounds on a build, for layouts that loop or grow without end.
#[derive(Debug, Clone, Default, Args)]
pub struct LimitArgs {
    /// Stop a build that runs longer than this [default: 30].
    #[arg(long, value_name = "SECONDS", value_parser = clap::value_parser!(u32).range(1..))]
    pub timeout: Option<u32>,

    /// Stop when the process uses more memory than this [default: 2048].
    #[arg(long, value_name = "MIB", value_parser = clap::value_parser!(u32).range(64..))]
    pub max_memory: Option<u32>,
}

/// Paper sizes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum PaperArg {
    /// ISO A4 (210 × 297 mm).
    A4,
    /// US Letter (8.5 × 11 in).
    UsLetter,
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
paper, output and max_pages; `resume profiles` lists them. --only and --hide
beside --profile add to the profile's: --only narrows, --hide drops more.

Examples:
  resume pdf --lang ko
  resume pdf --lang en --only 2020-,tag:search --hide troubleshooting
  resume pdf --profile mlops
  resume pdf --profile all
  resume pdf --lang en --only 2020- -o out/en.pdf
  resume pdf --lang ko,en --input my/resume.toml --max-pages 3";
