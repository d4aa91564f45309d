//! `resume i18n missing | extract | upgrade`: the translation workflow.

use clap::{Args, Subcommand};
use resume::{Result, build, formats, model};

use super::{SourceArgs, clean};

/// Translation commands.
#[derive(Debug, Subcommand)]
pub enum I18nCommand {
    /// List every text without a version in a language, with its location.
    Missing(I18nArgs),
    /// Print a Fluent skeleton of the missing messages, the source text as a
    /// comment above each id; with `--write`, add it to `<lang>.ftl` beside
    /// resume.toml in place, keeping everything already there.
    Extract(ExtractArgs),
    /// Rewrite `<lang>.ftl` in place from the positional message ids of
    /// earlier versions (`project-x-responsibility-2`) to the ids that
    /// follow each item's content, saying what it mapped.
    Upgrade(I18nArgs),
}

/// Options for `i18n extract`.
#[derive(Debug, Clone, Args)]
pub struct ExtractArgs {
    /// The language and the résumé.
    #[command(flatten)]
    pub i18n: I18nArgs,

    /// Add the missing messages to `<lang>.ftl` beside the résumé (or
    /// `i18n/<lang>.ftl` if that is the one it has), atomically, keeping
    /// every translation and comment; instead of printing them.
    #[arg(long)]
    pub write: bool,
}

/// Options for the translation commands.
#[derive(Debug, Clone, Args)]
pub struct I18nArgs {
    /// The language to translate into.
    #[arg(short, long, value_name = "LANG")]
    pub lang: String,

    /// Which résumé, and which month is today.
    #[command(flatten)]
    pub source: SourceArgs,
}

/// Runs one of the translation commands.
pub fn run(command: &I18nCommand) -> Result<()> {
    match command {
        I18nCommand::Missing(args) => missing(args),
        I18nCommand::Extract(args) => extract(args),
        I18nCommand::Upgrade(args) => upgrade(args),
    }
}

fn missing(args: &I18nArgs) -> Result<()> {
    let entries = build::translation_status(&args.source.request(), &args.lang)?;
    let missing: Vec<_> = entries.iter().filter(|e| !e.translated || e.foreign_script).collect();
    for entry in &missing {
        let place = entry
            .location
            .as_ref()
            .map(|l| format!("{}:{}:{}", l.file, l.line, l.column))
            .unwrap_or_default();
        let source = entry
            .source
            .first()
            .map(|(l, t)| format!("{l}: {}", t.lines().next().unwrap_or_default()))
            .unwrap_or_default();
        println!("{}", clean(&format!("{place}  {}  ({source})", entry.id)));
    }
    // "an `en` version", "a `ko` version": the article follows the sound.
    let article = if args.lang.starts_with(['a', 'e', 'i', 'o']) { "an" } else { "a" };
    eprintln!("{} of {} texts lack {article} `{}` version", missing.len(), entries.len(), args.lang);
    Ok(())
}

fn extract(args: &ExtractArgs) -> Result<()> {
    let (source, _) = build::read(&args.i18n.source.request())?;
    if !args.write {
        if source.dir.is_some() {
            refuse_redirect_over(&translation_file(&source, &args.i18n.lang)?)?;
        }
        let entries = build::translation_status(&args.i18n.source.request(), &args.i18n.lang)?;
        print!("{}", clean(&formats::fluent::skeleton(&entries, &args.i18n.lang)));
        return Ok(());
    }
    let target = translation_file(&source, &args.i18n.lang)?;
    let entries = build::translation_status(&args.i18n.source.request(), &args.i18n.lang)?;
    let mut existing = resume::input::read_text_without_bom(&target)?.unwrap_or_default();
    if existing.trim().is_empty() {
        existing = formats::fluent::skeleton(&[], &args.i18n.lang);
    }
    // Each new message beside the text before it in the document.
    let (text, new) = formats::fluent::merged(&entries, &existing);
    let waiting = entries.iter().filter(|e| !e.translated || e.foreign_script).count();
    if new == 0 {
        eprintln!("{}: nothing to add ({waiting} message(s) wait to be filled in)", target.display());
        return Ok(());
    }
    resume::output::write_atomic(&target, text.as_bytes())?;
    eprintln!("wrote {}: {new} message(s) to translate added, {waiting} in all", target.display());
    Ok(())
}

fn upgrade(args: &I18nArgs) -> Result<()> {
    let (source, today) = build::read(&args.source.request())?;
    let target = translation_file(&source, &args.lang)?;
    let Some(text) = resume::input::read_text_without_bom(&target)? else {
        return Err(resume::Error::new(format!("there is no `{}` to upgrade", target.display())));
    };
    let resume = model::load(&source)?;
    // The built-in catalogue alone: the user's file is what is rewritten,
    // and its old ids must not stop the walk.
    let catalogue = resume::i18n::Catalogue::new(resume::i18n::Language::negotiate(&args.lang)?, &[])?;
    let renames = resume::localize::renames(&resume, &source, &catalogue, today)?;
    let (upgraded, done) = resume::i18n::upgrade_ids(&text, &renames).map_err(|err| {
        let message = format!("{}: {}", target.display(), err.message);
        resume::Error { message, ..err }
    })?;
    if done.is_empty() {
        eprintln!("{}: no positional ids to upgrade", target.display());
        return Ok(());
    }
    resume::output::write_atomic(&target, upgraded.as_bytes())?;
    for (old, new) in &done {
        eprintln!("{old} → {new}");
    }
    eprintln!("wrote {}: {} message id(s) upgraded", target.display(), done.len());
    Ok(())
}

/// The translation file a language uses: `<lang>.ftl` beside the résumé,
/// or `i18n/<lang>.ftl` when only that one exists.
fn translation_file(source: &model::Source, lang: &str) -> Result<std::path::PathBuf> {
    let language = resume::i18n::Language::negotiate(lang)?;
    let Some(dir) = &source.dir else {
        return Err(resume::Error::new("the built-in example has no translation files")
            .with_hint("run it in a folder with a resume.toml, or give one with `--input`"));
    };
    let beside = dir.join(format!("{}.ftl", language.code));
    let nested = dir.join("i18n").join(format!("{}.ftl", language.code));
    Ok(if !beside.exists() && nested.exists() { nested } else { beside })
}

/// `resume i18n extract --lang en > en.ftl`: the shell empties `en.ftl`
/// before this process starts, so every translation in it is already
/// lost. Say so at once, and how to get it back, rather than print a
/// skeleton over the ruins.
fn refuse_redirect_over(target: &std::path::Path) -> Result<()> {
    use std::os::fd::AsFd;
    let Ok(fd) = std::io::stdout().as_fd().try_clone_to_owned() else { return Ok(()) };
    let stdout = std::fs::File::from(fd);
    let same = match (stdout.metadata(), std::fs::metadata(target)) {
        (Ok(out), Ok(file)) => {
            use std::os::unix::fs::MetadataExt;
            out.is_file() && out.dev() == file.dev() && out.ino() == file.ino()
        }
        _ => false,
    };
    if same {
        return Err(resume::Error::new(format!(
            "standard output is `{}`, which the shell emptied before it could be read",
            target.display()
        ))
        .with_hint(format!(
            "restore it (`git checkout {0}`, or from a backup), then run `resume i18n extract --lang … --write`, which adds to {0} in place",
            target.display()
        )));
    }
    Ok(())
}
