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

    /// The language its prose is written in [default: told from its
    /// script: Korean where Hangul carries it, else English].
    #[arg(short, long, value_name = "LANG")]
    pub lang: Option<String>,

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
    /// A RenderCV file (`John_Doe_CV.yaml`): its `cv`, every entry type;
    /// its `design` and `locale` are ignored.
    Rendercv,
    /// LinkedIn's data export: the ZIP it mails (`-` reads it from
    /// standard input), or the folder it unzips to.
    Linkedin,
}

/// The language of the file's prose, told from its script and said on
/// stderr; a file too mixed to tell is refused, asking for `--lang`.
fn detected_language(
    format: ImportFormat,
    text: &str,
    name: &std::path::Path,
) -> Result<resume::i18n::Language> {
    let prose = match format {
        ImportFormat::Jsonresume => formats::jsonresume::prose(text),
        ImportFormat::Rendercv => formats::rendercv::prose(text),
        ImportFormat::Markdown | ImportFormat::Linkedin => text.to_string(),
    };
    match formats::import::detect_language(&prose) {
        formats::import::Detected::Language(code, share) => {
            let name_of = if code == "ko" { "Korean" } else { "English" };
            eprintln!(
                "note: {}: the prose reads as {name_of} ({:.0} % Hangul by weight); imported as `{code}` (`--lang` chooses)",
                name.display(),
                share * 100.0
            );
            resume::i18n::Language::negotiate(code)
        }
        formats::import::Detected::Mixed(share) => Err(resume::Error::new(format!(
            "{}: the prose is too mixed to tell its language ({:.0} % Hangul by weight)",
            name.display(),
            share * 100.0
        ))
        .with_hint("say which language it is written in: `--lang ko` or `--lang en`")),
    }
}

/// Reads the file (or standard input), prints the TOML, and says on
/// stderr what was mended or left out.
pub fn run(args: &ImportArgs) -> Result<()> {
    let from_stdin = args.file.as_os_str() == "-";
    let name = if from_stdin { std::path::PathBuf::from("<stdin>") } else { args.file.clone() };
    if args.format == ImportFormat::Linkedin {
        let export = formats::linkedin::Export::read(&args.file)?;
        let language = match &args.lang {
            Some(lang) => resume::i18n::Language::negotiate(lang)?,
            None => detected_language(args.format, &export.prose(), &name)?,
        };
        return finish(&formats::linkedin::import(&export, language)?, &name);
    }
    // Read as the résumé is: capped, and bad UTF-8 located (UTF-16 named).
    let text = if from_stdin {
        resume::input::read_stdin_text("the résumé", "import one résumé's file, of a few kilobytes")?
    } else {
        resume::input::read_text(&args.file)?.ok_or_else(|| {
            resume::Error::new(format!("cannot read `{}`: no such file", args.file.display()))
        })?
    };
    let language = match &args.lang {
        Some(lang) => resume::i18n::Language::negotiate(lang)?,
        None => detected_language(args.format, &text, &name)?,
    };
    let imported = match args.format {
        ImportFormat::Markdown => formats::markdown::import(&text, &name, language, args.name.as_deref())?,
        ImportFormat::Jsonresume => formats::jsonresume::import(&text, &name, language)?,
        ImportFormat::Rendercv => formats::rendercv::import(&text, &name, language)?,
        ImportFormat::Linkedin => unreachable!("read above"),
    };
    finish(&imported, &name)
}

/// Says on stderr what was mended or left out, and prints the TOML.
fn finish(imported: &formats::import::Imported, name: &std::path::Path) -> Result<()> {
    for line in &imported.skipped {
        resume::error::emit(&resume::Error::warning(format!("{}: {line}", name.display())));
    }
    print!("{}", imported.toml);
    Ok(())
}
