//! `resume check`: every problem at once, then a summary line.

use clap::Args;
use resume::error::emit;
use resume::{Result, build};

use super::{LimitArgs, SourceArgs};

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

    /// Check one profile alone: its fields, languages, letters and page
    /// budget (what `resume pdf --profile NAME` sends).
    #[arg(short, long, value_name = "NAME")]
    pub profile: Option<String>,

    /// How long and how large a page-budget build may grow.
    #[command(flatten)]
    pub limits: LimitArgs,
}

/// Prints each error and warning, then fails if there was an error (or,
/// with `--strict`, a warning).
pub fn run(args: &CheckArgs) -> Result<()> {
    let languages =
        args.lang.iter().map(|l| resume::i18n::Language::negotiate(l)).collect::<Result<Vec<_>>>()?;
    let (source, today) = build::read(&args.source.request())?;
    let report = resume::check::check_for(&source, &languages, today, args.profile.as_deref());
    // A blank line between diagnostics: each may span several lines.
    for error in &report.errors {
        emit(error);
        eprintln!();
    }
    for warning in &report.warnings {
        emit(&warning.clone().into_warning());
        eprintln!();
    }
    for note in &report.notes {
        emit(note);
        eprintln!();
    }
    let (errors, warnings) = (report.errors.len(), report.warnings.len());
    let summary = format!("{}: {errors} error(s), {warnings} warning(s)", source.path.display());
    if errors > 0 || (args.strict && warnings > 0) {
        return Err(resume::Error::new(summary));
    }
    eprintln!("{summary}");
    Ok(())
}
