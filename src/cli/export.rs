//! `resume export`: the résumé in another format, to standard output.

use clap::{Args, ValueEnum};
use resume::{Result, build, formats};

use super::{SourceArgs, clean};

/// Options for exporting.
#[derive(Debug, Clone, Args)]
pub struct ExportArgs {
    /// What to write: `json` is the localized view a layout reads,
    /// `markdown` reads well on GitHub, `jsonresume` is the JSON Resume
    /// format.
    #[arg(short, long, value_enum)]
    pub format: ExportFormat,

    /// The language to export: the profile's first, else Korean.
    #[arg(short, long, value_name = "LANG")]
    pub lang: Option<String>,

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

    /// The layout whose document to export: `international` arranges it
    /// by employer, as its PDF does [default: classic, or the profile's].
    #[arg(long, value_name = "NAME|FILE")]
    pub layout: Option<String>,

    /// Export a letter instead of the résumé (`letter:ID`); with `--format
    /// text`, its answers print exactly as `resume letter count` counts them.
    #[arg(long, value_name = "letter:ID")]
    pub document: Option<String>,

    /// Wrap plain text to this many columns (a Hangul syllable takes two),
    /// between words only [default: no wrapping].
    #[arg(long, value_name = "COLUMNS")]
    pub width: Option<usize>,
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
    /// Plain text in reading order, for portal fields and ATS checks.
    Text,
}

/// Prints the view in the format asked for; notes go to stderr.
pub fn run(args: &ExportArgs) -> Result<()> {
    if let Some(width) = args.width {
        if args.format != ExportFormat::Text {
            return Err(resume::Error::new("`--width` wraps plain text only")
                .with_hint("add `--format text`, or leave `--width` out"));
        }
        if width < formats::text::MIN_WIDTH {
            return Err(resume::Error::new(format!("`--width {width}` is too narrow to read")).with_hint(
                format!("give at least {} columns; 80 suits a terminal", formats::text::MIN_WIDTH),
            ));
        }
        if args.document.is_some() {
            return Err(resume::Error::new(
                "a letter's answers print exactly as counted, so they are never wrapped",
            )
            .with_hint("leave `--width` out: a line break added here would count against the limit"));
        }
    }
    if let Some(document) = &args.document {
        return letter(args, document);
    }
    let request = build::Request {
        lang: args.lang.clone().map(|lang| vec![lang]),
        profile: args.profile.clone(),
        source: args.source.request(),
        only: args.only.clone(),
        hide: args.hide.clone(),
        layout: args.layout.clone(),
        ..build::Request::default()
    };
    let view = build::export_view(&request)?;
    let text = match args.format {
        ExportFormat::Json => formats::json::export(&view),
        ExportFormat::Markdown => formats::markdown::export(&view),
        ExportFormat::Text => match args.width {
            Some(width) => formats::text::wrap(&formats::text::export(&view), width),
            None => formats::text::export(&view),
        },
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

/// Prints one letter as text: the only document besides the résumé that
/// `export` writes so far.
fn letter(args: &ExportArgs, document: &str) -> Result<()> {
    let Some(id) = document.strip_prefix("letter:") else {
        return Err(resume::Error::new(format!("`{document}` is not a document `export` writes"))
            .with_hint("give `--document letter:ID`, or leave `--document` out for the résumé"));
    };
    if args.format != ExportFormat::Text {
        return Err(resume::Error::new("a letter exports as text only")
            .with_hint(format!("use `--format text --document letter:{id}`")));
    }
    let language =
        resume::i18n::Language::negotiate(args.lang.as_deref().unwrap_or(resume::i18n::DEFAULT_LANGUAGE))?;
    let (source, _) = build::read(&args.source.request())?;
    let resume = resume::model::load(&source)?;
    let Some(letter) = resume.letters.iter().find(|l| l.id == id) else {
        let ids: Vec<&str> = resume.letters.iter().map(|l| l.id.as_str()).collect();
        return Err(resume::Error::new(format!("there is no letter `{id}`")).with_hint(if ids.is_empty() {
            "the résumé has no letters; add a `[[letter]]`".to_string()
        } else {
            format!("the letters are: {}", ids.join(", "))
        }));
    };
    print!("{}", formats::text::letter(letter, language.code));
    Ok(())
}
