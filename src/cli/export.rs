//! `resume export`: the résumé in another format, to standard output.

use clap::{Args, ValueEnum};
use resume::{Result, formats, job};

use super::{SourceArgs, clean};

/// Options for exporting.
#[derive(Debug, Clone, Args)]
pub struct ExportArgs {
    /// What to write: `json` is the localized view a layout reads,
    /// `markdown` reads well on GitHub, `jsonresume` is the JSON Resume
    /// format.
    #[arg(short, long, value_enum)]
    pub format: ExportFormat,

    /// The language to export.
    #[arg(short, long, value_name = "LANG", default_value = resume::i18n::DEFAULT_LANGUAGE)]
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

    /// Export what a stored profile keeps (`--only` and `--hide` add to
    /// its lists, as for `pdf`).
    #[arg(short, long, value_name = "NAME")]
    pub profile: Option<String>,
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

/// Prints the view in the format asked for; notes go to stderr.
pub fn run(args: &ExportArgs) -> Result<()> {
    let request = job::Request {
        lang: Some(vec![args.lang.clone()]),
        profile: args.profile.clone(),
        source: args.source.request(),
        only: args.only.clone(),
        hide: args.hide.clone(),
        ..job::Request::default()
    };
    let view = job::export_view(&request)?;
    let text = match args.format {
        ExportFormat::Json => formats::json::export(&view),
        ExportFormat::Markdown => formats::markdown::export(&view),
        ExportFormat::Jsonresume => {
            let (json, notes) = formats::jsonresume::export(&view);
            for note in notes {
                eprintln!("note: {}", clean(&note));
            }
            json
        }
    };
    print!("{text}");
    Ok(())
}
