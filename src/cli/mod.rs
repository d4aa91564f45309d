//! The command line: clap types, and one file per command that turns its
//! arguments into a library call and prints the outcome. Only the binary
//! sees this module; the library takes plain requests ([`resume::build`]).

mod check;
mod export;
mod html;
mod i18n;
mod import;
mod init;
mod layouts;
mod letter;
mod manual;
mod pdf;
mod profiles;
mod serve;
mod tailor;
mod watch;

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};
use resume::Result;
use resume::build::SourceRequest;

pub use pdf::PdfArgs;

/// Control characters made visible, for every line printed from the
/// résumé's own text.
pub use resume::error::escape_controls as clean;

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
    /// Build PNG images, one per page (`resume-ko-1.png`…), with the
    /// options of `pdf`; `--ppi` sets the resolution.
    Png(PdfArgs),
    /// Build SVG images, one per page (`resume-ko-1.svg`…), with the
    /// options of `pdf`.
    Svg(PdfArgs),
    /// Build editable Word documents (`resume-ko.docx`), with the options
    /// of `pdf`.
    Docx(PdfArgs),
    /// List the built-in layouts, one line each.
    Layouts,
    /// Start a layout of your own from a built-in one.
    #[command(subcommand)]
    Layout(layouts::LayoutCommand),
    /// The letters: count each answer as job portals count it.
    #[command(subcommand)]
    Letter(letter::LetterCommand),
    /// List the profiles stored in the résumé, with what each keeps.
    Profiles(profiles::ProfilesArgs),
    /// Build, then rebuild whenever the résumé, a translation or the layout
    /// changes; takes the options of `pdf`.
    Watch(watch::WatchArgs),
    /// Show the documents in a browser, every language side by side,
    /// updated on every save; takes the options of `pdf`.
    Serve(serve::ServeArgs),
    /// Report every problem of the résumé and its translations at once.
    Check(check::CheckArgs),
    /// Write the résumé as a web page: every language in one page, with a switch.
    Html(html::HtmlArgs),
    /// Read a job posting and show where the résumé answers what it asks.
    Tailor(tailor::TailorArgs),
    /// Read a résumé in another format and print it as resume.toml.
    Import(import::ImportArgs),
    /// Print the résumé in another format, in one language, to stdout.
    Export(export::ExportArgs),
    /// The translation workflow: what lacks a language, and a file to fill in.
    #[command(subcommand)]
    I18n(i18n::I18nCommand),
    /// Start a new résumé: a commented resume.toml and translation files.
    Init(init::InitArgs),
    /// Print shell completions (bash, zsh, fish, …) to stdout.
    Completions(manual::CompletionsArgs),
    /// Print the manual page (roff) to stdout.
    Man,
    /// Print the JSON Schema of resume.toml, for editor completion.
    Schema,
}

impl Cli {
    /// Runs the command asked for (`pdf` when none is).
    pub fn run(self) -> Result<()> {
        match self.command {
            Some(Command::Pdf(args)) => pdf::run(&args),
            Some(Command::Profiles(args)) => profiles::run(&args),
            Some(Command::Layouts) => layouts::list(),
            Some(Command::Layout(command)) => layouts::run(&command),
            Some(Command::Letter(command)) => letter::run(&command),
            Some(Command::Watch(args)) => watch::run(&args),
            Some(Command::Serve(args)) => serve::run(&args),
            Some(Command::Export(args)) => export::run(&args),
            Some(Command::Check(args)) => check::run(&args),
            Some(Command::Tailor(args)) => tailor::run(&args),
            Some(Command::Html(args)) => html::run(&args),
            Some(Command::Import(args)) => import::run(&args),
            Some(Command::I18n(command)) => i18n::run(&command),
            Some(Command::Init(args)) => init::run(&args),
            Some(Command::Completions(args)) => manual::completions(&args),
            Some(Command::Man) => manual::man(),
            Some(Command::Schema) => {
                print!("{}", resume::model::schema());
                Ok(())
            }
            Some(Command::Png(args)) => pdf::run(&args.only_as(resume::output::Format::Png)),
            Some(Command::Svg(args)) => pdf::run(&args.only_as(resume::output::Format::Svg)),
            Some(Command::Docx(args)) => pdf::run(&args.only_as(resume::output::Format::Docx)),
            None => pdf::run(&self.pdf),
        }
    }

    /// The limits the command line asks for, defaults where it says nothing.
    pub fn limits(&self) -> resume::limits::Limits {
        let flags = match &self.command {
            Some(Command::Pdf(args) | Command::Png(args) | Command::Svg(args) | Command::Docx(args)) => {
                &args.limits
            }
            Some(Command::Watch(args)) => &args.pdf.limits,
            Some(Command::Serve(args)) => &args.pdf.limits,
            Some(Command::Check(args)) => &args.limits,
            _ => &self.pdf.limits,
        };
        let mut limits = resume::limits::Limits::default();
        if let Some(seconds) = flags.timeout {
            limits.timeout = std::time::Duration::from_secs(u64::from(seconds));
        }
        if let Some(mib) = flags.max_memory {
            limits.max_memory = u64::from(mib) << 20;
        }
        limits
    }
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

impl SourceArgs {
    /// The same, as the library takes it.
    pub fn request(&self) -> SourceRequest {
        SourceRequest { input: self.input.clone(), found: false, today: self.today.clone() }
    }
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
