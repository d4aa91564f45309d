//! The `resume` binary: parse arguments, validate them into build
//! configurations, run them, and report the outcome. No logic lives here.

use std::process::ExitCode;

use clap::Parser;
use resume::cli::{Cli, Command, ExportArgs, ExportFormat, PdfArgs, ProfilesArgs};
use resume::{Result, config, export, model, pipeline};

fn main() -> ExitCode {
    let cli = Cli::parse();
    let outcome = match cli.command {
        Some(Command::Pdf(args)) => pdf(&args),
        Some(Command::Profiles(args)) => profiles(&args),
        Some(Command::Export(args)) => export(&args),
        None => pdf(&cli.pdf),
    };
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("{err}");
            ExitCode::FAILURE
        }
    }
}

fn pdf(args: &PdfArgs) -> Result<()> {
    let configs = config::configure(args)?;
    let mut failure = None;
    for outcome in pipeline::build(&configs) {
        match outcome {
            Ok((path, rendered)) => {
                let pages = if rendered.pages == 1 { "page" } else { "pages" };
                eprintln!("wrote {} ({} {pages})", path.display(), rendered.pages);
            }
            Err(err) => {
                if let Some(earlier) = failure.replace(err) {
                    eprintln!("{earlier}");
                }
            }
        }
    }
    failure.map_or(Ok(()), Err)
}

fn profiles(args: &ProfilesArgs) -> Result<()> {
    let source = pipeline::find_source(args.input.as_deref())?;
    let resume = model::load(&source)?;
    let lines = config::describe_profiles(&resume);
    if lines.is_empty() {
        eprintln!("this résumé stores no profiles; add one as `[profile.NAME]` in resume.toml");
    }
    for line in lines {
        println!("{line}");
    }
    Ok(())
}

fn export(args: &ExportArgs) -> Result<()> {
    let view = config::export_view(args)?;
    let text = match args.format {
        ExportFormat::Json => export::json(&view),
        ExportFormat::Markdown => export::markdown(&view),
    };
    print!("{text}");
    Ok(())
}
