//! `resume profiles`: the stored variants, as a table.

use clap::Args;
use resume::{Result, build, model};

use super::{SourceArgs, clean};

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

/// Prints the table, or says there is nothing to list.
pub fn run(args: &ProfilesArgs) -> Result<()> {
    let (source, today) = build::read(&args.source.request())?;
    let resume = model::load(&source)?;
    let language = resume::i18n::Language::negotiate(&args.lang)?;
    let lines = resume::profiles::table(&source, &resume, today, language)?;
    if lines.is_empty() {
        eprintln!("this résumé stores no profiles; add one as `[profile.NAME]` in resume.toml");
    }
    for line in lines {
        println!("{}", clean(&line));
    }
    Ok(())
}
