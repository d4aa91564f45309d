//! `resume import`: a résumé in another format, printed as resume.toml.

use std::path::PathBuf;

use clap::{Args, ValueEnum};
use resume::{Result, formats};

/// Options for `import`.
#[derive(Debug, Clone, Args)]
pub struct ImportArgs {
    /// The format of the file.
    #[arg(value_enum)]
    pub format: ImportFormat,

    /// The file to read; `-` reads standard input.
    #[arg(value_name = "FILE")]
    pub file: PathBuf,

    /// The language its prose is written in.
    #[arg(short, long, value_name = "LANG", default_value = resume::i18n::DEFAULT_LANGUAGE)]
    pub lang: String,

    /// The person's name, for Markdown that does not hold it (the seed
    /// form, with no `# name` line); an import with no name fails rather
    /// than print a résumé with an empty header.
    #[arg(long, value_name = "NAME")]
    pub name: Option<String>,
}

/// Import formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ImportFormat {
    /// `## project` headings with `- Key: value` lists, or what `export
    /// --format markdown` writes, in either language.
    Markdown,
    /// A JSON Resume document (jsonresume.org, schema 1.0).
    Jsonresume,
}

/// Reads the file (or standard input), prints the TOML, and says on
/// stderr what was mended or left out.
pub fn run(args: &ImportArgs) -> Result<()> {
    let language = resume::i18n::Language::negotiate(&args.lang)?;
    let from_stdin = args.file.as_os_str() == "-";
    let name = if from_stdin { std::path::PathBuf::from("<stdin>") } else { args.file.clone() };
    // Read as the résumé is: capped, and bad UTF-8 located (UTF-16 named).
    let text = if from_stdin {
        let mut bytes = Vec::new();
        std::io::Read::read_to_end(&mut std::io::stdin(), &mut bytes)
            .map_err(|err| resume::Error::new(format!("cannot read standard input: {err}")))?;
        resume::input::decode(&name, bytes)?
    } else {
        resume::input::read_text(&args.file)?.ok_or_else(|| {
            resume::Error::new(format!("cannot read `{}`: no such file", args.file.display()))
        })?
    };
    let imported = match args.format {
        ImportFormat::Markdown => formats::markdown::import(&text, &name, language, args.name.as_deref())?,
        ImportFormat::Jsonresume => formats::jsonresume::import(&text, &name, language)?,
    };
    for line in &imported.skipped {
        resume::error::emit(&resume::Error::warning(format!("{}: {line}", name.display())));
    }
    print!("{}", imported.toml);
    Ok(())
}
