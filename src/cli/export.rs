//! `resume export`: the résumé in another format, to standard output.

use clap::Args;
use resume::output::Format;
use resume::{Result, build, formats};

use super::{SourceArgs, clean};

/// Options for exporting.
#[derive(Debug, Clone, Args)]
pub struct ExportArgs {
    /// What to write: `json` is the localized view a layout reads,
    /// `markdown` reads well on GitHub, `jsonresume` is the JSON Resume
    /// format, `text` is plain text, `html` a web page in one file (any
    /// format `resume pdf --format`
    /// writes from the view; PDF and images go to files).
    #[arg(short, long, value_parser = Format::parse)]
    pub format: Format,

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

    /// With `--document letter:ID`, print only the answer to question N
    /// (from 1), exactly as counted, for a portal's field.
    #[arg(long, value_name = "N", requires = "document")]
    pub question: Option<usize>,

    /// Wrap plain text to this many columns (a Hangul syllable takes two),
    /// between words only [default: no wrapping].
    #[arg(long, value_name = "COLUMNS")]
    pub width: Option<usize>,
}

/// Prints the view in the format asked for; notes go to stderr.
pub fn run(args: &ExportArgs) -> Result<()> {
    if args.format.typeset() || args.format == Format::Docx {
        return Err(resume::Error::new(format!(
            "`export` prints text; {} goes to a file",
            args.format.name()
        ))
        .with_hint(format!("build it with `resume pdf --format {}`", args.format.name())));
    }
    if let Some(width) = args.width {
        if args.format != Format::Text {
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
    if let Some(document) = &args.document
        && args.format != Format::Json
    {
        return letter(args, document);
    }
    let request = build::Request {
        // The JSON view of any document, as its layout receives it.
        documents: args.document.iter().cloned().collect(),
        lang: args.lang.clone().map(|lang| vec![lang]),
        profile: args.profile.clone(),
        source: args.source.request(),
        only: args.only.clone(),
        hide: args.hide.clone(),
        layout: args.layout.clone(),
        ..build::Request::default()
    };
    let view = build::export_view(&request)?;
    // The same writer a build uses for the same format: one registry.
    let (bytes, notes) = formats::write(args.format, &view, &formats::docx::Attachments::default())?;
    for note in notes {
        eprintln!("note: {}", clean(&note));
    }
    let text = String::from_utf8_lossy(&bytes);
    match args.width {
        Some(width) => print!("{}", terminal_safe(&formats::text::wrap(&text, width))),
        None => print!("{}", terminal_safe(&text)),
    }
    Ok(())
}

/// Prints one letter as text: the only document besides the résumé that
/// `export` writes so far.
fn letter(args: &ExportArgs, document: &str) -> Result<()> {
    let Some(id) = document.strip_prefix("letter:") else {
        return Err(resume::Error::new(format!("`{document}` is not a document `export` writes"))
            .with_hint("give `--document letter:ID`, or leave `--document` out for the résumé"));
    };
    if args.format != Format::Text {
        return Err(resume::Error::new("a letter exports as text only")
            .with_hint(format!("use `--format text --document letter:{id}`")));
    }
    let language =
        resume::i18n::Language::negotiate(args.lang.as_deref().unwrap_or(resume::i18n::DEFAULT_LANGUAGE))?;
    let (source, today) = build::read(&args.source.request())?;
    let resume = resume::model::load(&source)?;
    let catalogue = build::catalogue(&source, language)?;
    let day = resume::today::day(args.source.today.as_deref());
    let letter = resume::localize::letter(&resume, &source, &catalogue, id, today, day)?;
    match args.question {
        // One answer alone, exactly as counted: what a portal's field takes.
        Some(n) => {
            let Some(question) = n.checked_sub(1).and_then(|i| letter.questions.get(i)) else {
                return Err(resume::Error::new(format!("the letter `{id}` has no question {n}"))
                    .with_hint(format!("its questions are numbered 1 to {}", letter.questions.len())));
            };
            print!("{}", terminal_safe(&question.answer));
        }
        None => print!("{}", terminal_safe(&formats::text::letter(&letter))),
    }
    Ok(())
}

/// Text as printed: what could rewrite a terminal shown escaped, as every
/// command prints untrusted text; line breaks written `\r\n` are kept,
/// so an answer still counts as `letter count` says.
fn terminal_safe(text: &str) -> String {
    text.split("\r\n").map(clean).collect::<Vec<_>>().join("\r\n")
}
