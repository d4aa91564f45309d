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

    /// Fail on warnings too (the words' style included).
    #[arg(long)]
    pub strict: bool,

    /// Leave out the checks of the words themselves (Korean spacing and
    /// spelling), which are warnings after the others.
    #[arg(long, conflicts_with = "fix")]
    pub no_style: bool,

    /// Write the style fixes that are certain (Korean spacing and spelling,
    /// casing from your word list) into resume.toml and the .ftl files, in
    /// place and atomically, keeping every comment and line as it was;
    /// prints what changed. Nothing is rewritten without it.
    #[arg(long)]
    pub fix: bool,

    /// Check one profile alone: its fields, languages, letters and page
    /// budget (what `resume pdf --profile NAME` sends).
    #[arg(short, long, value_name = "NAME")]
    pub profile: Option<String>,

    /// How long and how large a page-budget build may grow.
    #[command(flatten)]
    pub limits: LimitArgs,
}

/// Applies the certain style fixes to the file and prints the changed
/// lines as a diff on standard output; returns the file as it now is.
fn fix(source: resume::model::Source) -> Result<resume::model::Source> {
    if source.dir.is_none() {
        return Err(resume::Error::new("the built-in example cannot be fixed in place").with_hint(
            "write it out with `resume init --example DIR`, then run `resume check --fix` there",
        ));
    }
    // The résumé and its Korean translations, written together or not at all.
    let mut files = resume::check::style::fix_translations(&source);
    let fixed = resume::check::style::fix(&source);
    if let Some((text, changed)) = &fixed {
        files.insert(0, (source.path.clone(), text.clone(), changed.clone()));
    }
    if files.is_empty() {
        eprintln!("note: {}: no style fix to write", source.path.display());
        return Ok(source);
    }
    let writes: Vec<(std::path::PathBuf, Vec<u8>)> =
        files.iter().map(|(path, text, _)| (path.clone(), text.as_bytes().to_vec())).collect();
    resume::output::write::write_all_atomic(&writes)?;
    for (path, _, changed) in &files {
        let name = path.display();
        println!("--- {name}\n+++ {name}");
        for line in changed {
            println!("@@ line {} @@\n-{}\n+{}", line.number, line.before, line.after);
        }
        eprintln!("note: {name}: fixed {} line(s)", changed.len());
    }
    Ok(match fixed {
        Some((text, _)) => resume::model::Source { text, ..source },
        None => source,
    })
}

/// Prints each error and warning, then fails if there was an error (or,
/// with `--strict`, a warning).
pub fn run(args: &CheckArgs) -> Result<()> {
    let languages =
        args.lang.iter().map(|l| resume::i18n::Language::negotiate(l)).collect::<Result<Vec<_>>>()?;
    let (mut source, today) = build::read(&args.source.request())?;
    if args.fix {
        source = fix(source)?;
    }
    // The words' style is checked meanwhile, on a thread of its own: it
    // needs nothing the other checks find.
    let (report, style) = std::thread::scope(|scope| {
        let style = (!args.no_style).then(|| {
            std::thread::Builder::new()
                .stack_size(build::BUILD_STACK)
                .spawn_scoped(scope, || resume::check::style::check_style(&source, today))
                .expect("a thread for the style checks")
        });
        let report = resume::check::check_for(&source, &languages, today, args.profile.as_deref());
        let style = style.map(|style| style.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic)));
        (report, style.unwrap_or_default())
    });
    // A blank line between diagnostics: each may span several lines.
    for error in &report.errors {
        emit(error);
        eprintln!();
    }
    for warning in &report.warnings {
        emit(&warning.clone().into_warning());
        eprintln!();
    }
    // The words' style, after what breaks or may break a build.
    for warning in &style {
        emit(&warning.clone().into_warning());
        eprintln!();
    }
    for note in &report.notes {
        emit(note);
        eprintln!();
    }
    let (errors, warnings) = (report.errors.len(), report.warnings.len() + style.len());
    let summary = format!("{}: {errors} error(s), {warnings} warning(s)", source.path.display());
    if errors > 0 || (args.strict && warnings > 0) {
        return Err(resume::Error::new(summary));
    }
    eprintln!("{summary}");
    Ok(())
}
