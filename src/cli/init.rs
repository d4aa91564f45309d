//! `resume init`: a new résumé folder, or the built-in example written out.

use std::path::PathBuf;

use clap::Args;
use resume::Result;

/// Options for `init`.
#[derive(Debug, Clone, Args)]
pub struct InitArgs {
    /// The folder to create or fill [default: the current folder].
    #[arg(value_name = "DIR", default_value = ".")]
    pub dir: PathBuf,

    /// Write the built-in example instead of the starter: the résumé that
    /// commands build when they find none, and that their messages name as
    /// `<built-in example>/resume.toml`.
    #[arg(long)]
    pub example: bool,

    /// The language you will write first (`en` writes `[resume] source =
    /// "en"`) [default: ko].
    #[arg(short, long, value_name = "LANG", conflicts_with = "example")]
    pub lang: Option<String>,
}

/// Writes the files and says what to run next.
pub fn run(args: &InitArgs) -> Result<()> {
    for path in resume::init::init(&args.dir, args.example, args.lang.as_deref())? {
        eprintln!("wrote {}", path.display());
    }
    let languages = match args.lang.as_deref() {
        Some(first) if first != "ko" => format!("{first},ko"),
        _ => "ko,en".to_string(),
    };
    eprintln!("next: cd {} && resume pdf --lang {languages}", args.dir.display());
    Ok(())
}
