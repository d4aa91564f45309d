//! The `resume` binary: parse arguments, validate them into a build
//! configuration, run it, and report the outcome. No logic lives here.

use std::process::ExitCode;

use clap::Parser;
use resume::cli::{Cli, Command, PaperArg, PdfArgs};
use resume::i18n::Language;
use resume::pipeline::{self, BuildConfig};
use resume::view::Paper;
use resume::world::Layout;
use resume::{Result, fonts, today};

fn main() -> ExitCode {
    let cli = Cli::parse();
    let args = match cli.command {
        Some(Command::Pdf(args)) => args,
        None => cli.pdf,
    };
    match pdf(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("{err}");
            ExitCode::FAILURE
        }
    }
}

fn pdf(args: &PdfArgs) -> Result<()> {
    let config = configure(args)?;
    for (path, rendered) in pipeline::build(&config)? {
        let pages = if rendered.pages == 1 { "page" } else { "pages" };
        eprintln!("wrote {} ({} {pages})", path.display(), rendered.pages);
    }
    Ok(())
}

/// Turns raw arguments into a checked configuration, before any rendering.
fn configure(args: &PdfArgs) -> Result<BuildConfig> {
    let languages = args.lang.iter().map(|l| Language::negotiate(l)).collect::<Result<Vec<_>>>()?;
    let mut unique = Vec::new();
    for language in languages {
        if !unique.contains(&language) {
            unique.push(language);
        }
    }
    let today = today::resolve(args.today.as_deref())?;
    let layout = Layout::parse(&args.layout)?;
    let source = pipeline::find_source(args.input.as_deref())?;
    let (resume, selection) = pipeline::prepare(&source, &args.only, &args.hide, today)?;
    let extra_fonts = match &args.font_path {
        Some(dir) => fonts::from_folder(dir)?,
        None => Vec::new(),
    };
    let targets = pipeline::targets(&unique, args.output.as_deref())?;
    Ok(BuildConfig {
        source,
        resume,
        targets,
        selection,
        today,
        layout,
        paper: match args.paper {
            PaperArg::A4 => Paper::A4,
            PaperArg::UsLetter => Paper::UsLetter,
        },
        extra_fonts,
        allow_missing_glyphs: args.allow_missing_glyphs,
    })
}
