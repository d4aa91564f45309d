//! `resume tailor POSTING`: what a posting asks and where the résumé
//! answers it, as a report for the terminal or JSON for a script.

use std::path::PathBuf;

use clap::{Args, ValueEnum};
use resume::{Result, build};

use super::SourceArgs;

/// Options for `tailor`.
#[derive(Debug, Clone, Args)]
pub struct TailorArgs {
    /// The posting, as text copied from the web page (Korean or English),
    /// or `-` to read it from standard input.
    #[arg(value_name = "POSTING")]
    pub posting: PathBuf,

    /// Which résumé, and which month is today.
    #[command(flatten)]
    pub source: SourceArgs,

    /// How to print the report.
    #[arg(long, value_enum, default_value = "text")]
    pub format: ReportFormat,
}

/// The report's forms.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    /// For a person: the score, its formula, and each requirement.
    Text,
    /// For a script: the same, as JSON.
    Json,
}

/// Reads the posting and the résumé, and prints the report on stdout.
pub fn run(args: &TailorArgs) -> Result<()> {
    let posting = read_posting(&args.posting)?;
    let (source, today) = build::read(&args.source.request())?;
    let resume = resume::model::load(&source)?;
    let report = resume::tailor::tailor(&resume, &posting, today);
    if report.requirements.is_empty() {
        return Err(resume::Error::new(format!(
            "`{}` asks nothing `tailor` can read: no technology, years, degree or language",
            args.posting.display()
        ))
        .with_hint("give the posting as plain text, its sections included (자격요건, 우대사항; Requirements, Nice to have); add its terms with `[tailor] terms` in resume.toml"));
    }
    match args.format {
        ReportFormat::Text => print!("{}", report.to_text()),
        ReportFormat::Json => {
            let json = serde_json::to_string_pretty(&report)
                .map_err(|err| resume::Error::new(format!("cannot write the report as JSON: {err}")))?;
            println!("{json}");
        }
    }
    Ok(())
}

/// The posting's text: a file the user named, or standard input, capped
/// like every text read, and decoded with a located error.
fn read_posting(path: &std::path::Path) -> Result<String> {
    if path.as_os_str() == "-" {
        let mut bytes = Vec::new();
        let cap = resume::input::MAX_TEXT;
        std::io::Read::read_to_end(&mut std::io::Read::take(std::io::stdin(), cap + 1), &mut bytes)
            .map_err(|err| resume::Error::new(format!("cannot read standard input: {err}")))?;
        if bytes.len() as u64 > cap {
            return Err(resume::Error::new(format!(
                "the posting on standard input is over {} MB",
                cap >> 20
            ))
            .with_hint("a posting is a page of text: paste the posting alone"));
        }
        return resume::input::decode(std::path::Path::new("<stdin>"), bytes);
    }
    resume::input::read_text(path)?
        .ok_or_else(|| resume::Error::new(format!("cannot read `{}`: no such file", path.display())))
}
