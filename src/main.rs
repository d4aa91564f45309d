//! The `resume` binary: parse arguments, validate them into build
//! configurations, run them, and report the outcome. No logic lives here.

use std::process::ExitCode;

use clap::{CommandFactory, Parser};
use resume::cli::{
    CheckArgs, Cli, Command, ExportArgs, ExportFormat, ExtractArgs, I18nArgs, I18nCommand, ImportArgs,
    ImportFormat, InitArgs, PdfArgs, ProfilesArgs,
};
use resume::input::escape_controls as clean;
use resume::{Result, config, export, model, pipeline};

/// Every allocation passes the memory ceiling's check (see
/// [`resume::limits::Guarded`]).
#[global_allocator]
static ALLOCATOR: resume::limits::Guarded = resume::limits::Guarded;

fn main() -> ExitCode {
    resume::heap::prepare();
    quiet_on_closed_pipe();
    let cli = Cli::parse();
    resume::limits::set(limits(&cli));
    let outcome = match cli.command {
        Some(Command::Pdf(args)) => pdf(&args),
        Some(Command::Profiles(args)) => profiles(&args),
        Some(Command::Watch(args)) => resume::watch::watch(&args.pdf, args.max_builds),
        Some(Command::Export(args)) => export(&args),
        Some(Command::Check(args)) => check(&args),
        Some(Command::Import(args)) => import(&args),
        Some(Command::I18n(I18nCommand::Missing(args))) => missing(&args),
        Some(Command::I18n(I18nCommand::Extract(args))) => extract(&args),
        Some(Command::I18n(I18nCommand::Upgrade(args))) => upgrade(&args),
        Some(Command::Init(args)) => init(&args),
        Some(Command::Completions(args)) => {
            clap_complete::generate(args.shell, &mut Cli::command(), "resume", &mut std::io::stdout());
            Ok(())
        }
        Some(Command::Man) => man(),
        Some(Command::Schema) => {
            print!("{}", model::schema());
            Ok(())
        }
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

/// `resume i18n missing | head` closes the pipe early: like other Unix
/// tools, the process then ends quietly by the signal (status 141 in a
/// shell) instead of panicking in `println!`. Rust ignores SIGPIPE by
/// default; this restores the usual behaviour.
fn quiet_on_closed_pipe() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: setting a signal's disposition to the default before any
    // thread starts has no other effect.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
}

/// The limits the command line asks for, defaults where it says nothing.
fn limits(cli: &Cli) -> resume::limits::Limits {
    let flags = match &cli.command {
        Some(Command::Pdf(args)) => &args.limits,
        Some(Command::Watch(args)) => &args.pdf.limits,
        Some(Command::Check(args)) => &args.limits,
        _ => &cli.pdf.limits,
    };
    let mut limits = resume::limits::Limits::default();
    if let Some(seconds) = flags.timeout {
        limits.timeout = std::time::Duration::from_secs(u64::from(seconds));
    }
    if let Some(mib) = flags.max_memory {
        limits.max_memory = u64::from(mib) << 20;
    }
    limits
}

fn pdf(args: &PdfArgs) -> Result<()> {
    let configs = config::configure(args)?;
    let mut failure = None;
    for outcome in pipeline::build(&configs) {
        match outcome {
            Ok((path, pages)) => {
                let noun = if pages == 1 { "page" } else { "pages" };
                let shown = if resume::output::is_stdout(&path) {
                    "standard output".into()
                } else {
                    path.display().to_string()
                };
                eprintln!("wrote {} ({pages} {noun})", clean(&shown));
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
    let (source, today) = config::read(&args.source)?;
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

fn export(args: &ExportArgs) -> Result<()> {
    let view = config::export_view(args)?;
    let text = match args.format {
        ExportFormat::Json => export::json(&view),
        ExportFormat::Markdown => export::markdown(&view),
        ExportFormat::Jsonresume => {
            let (json, notes) = resume::jsonresume::export(&view);
            for note in notes {
                eprintln!("note: {}", clean(&note));
            }
            json
        }
    };
    print!("{text}");
    Ok(())
}

fn missing(args: &I18nArgs) -> Result<()> {
    let entries = config::translation_status(args)?;
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
    eprintln!("{} of {} texts lack a `{}` version", missing.len(), entries.len(), args.lang);
    Ok(())
}

fn extract(args: &ExtractArgs) -> Result<()> {
    let (source, _) = config::read(&args.i18n.source)?;
    if !args.write {
        if source.dir.is_some() {
            refuse_redirect_over(&translation_file(&source, &args.i18n.lang)?)?;
        }
        let entries = config::translation_status(&args.i18n)?;
        print!("{}", clean(&export::fluent_skeleton(&entries, &args.i18n.lang)));
        return Ok(());
    }
    let target = translation_file(&source, &args.i18n.lang)?;
    let entries = config::translation_status(&args.i18n)?;
    let existing = resume::input::read_text(&target)?.unwrap_or_default();
    let added = export::skeleton_entries(&entries, &existing);
    let waiting = entries.iter().filter(|e| !e.translated || e.foreign_script).count();
    if added.is_empty() {
        eprintln!("{}: nothing to add ({waiting} message(s) wait to be filled in)", target.display());
        return Ok(());
    }
    let mut text = existing;
    if text.is_empty() {
        text = export::fluent_skeleton(&[], &args.i18n.lang);
    } else if !text.ends_with('\n') {
        text.push('\n');
    }
    text.push_str(&added);
    resume::output::write_atomic(&target, text.as_bytes())?;
    let new = added.lines().filter(|l| l.starts_with("# ") && l.trim_end().ends_with('=')).count();
    eprintln!("wrote {}: {new} message(s) to translate added, {waiting} in all", target.display());
    Ok(())
}

fn upgrade(args: &I18nArgs) -> Result<()> {
    let (source, today) = config::read(&args.source)?;
    let target = translation_file(&source, &args.lang)?;
    let Some(text) = resume::input::read_text(&target)? else {
        return Err(resume::Error::new(format!("there is no `{}` to upgrade", target.display())));
    };
    let resume = model::load(&source)?;
    // The built-in catalogue alone: the user's file is what is rewritten,
    // and its old ids must not stop the walk.
    let catalogue = resume::i18n::Catalogue::new(resume::i18n::Language::negotiate(&args.lang)?, &[])?;
    let renames = resume::view::renames(&resume, &source, &catalogue, today)?;
    let (upgraded, done) = resume::i18n::upgrade_ids(&text, &renames);
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

fn init(args: &InitArgs) -> Result<()> {
    for path in resume::init::init(&args.dir, args.example)? {
        eprintln!("wrote {}", path.display());
    }
    eprintln!("next: cd {} && resume pdf --lang ko,en", args.dir.display());
    Ok(())
}

fn man() -> Result<()> {
    let mut page = Vec::new();
    clap_mangen::Man::new(Cli::command())
        .render(&mut page)
        .map_err(|err| resume::Error::new(format!("cannot render the manual: {err}")))?;
    use std::io::Write;
    // A closed pipe (`resume man | head`) is not an error.
    let _ = std::io::stdout().write_all(&page);
    Ok(())
}

fn check(args: &CheckArgs) -> Result<()> {
    let languages =
        args.lang.iter().map(|l| resume::i18n::Language::negotiate(l)).collect::<Result<Vec<_>>>()?;
    let (source, today) = config::read(&args.source)?;
    let report = resume::check::check(&source, &languages, today);
    for error in &report.errors {
        eprintln!("{error}\n");
    }
    for warning in &report.warnings {
        eprintln!("{}\n", warning.to_string().replacen("error:", "warning:", 1));
    }
    let (errors, warnings) = (report.errors.len(), report.warnings.len());
    let summary = format!("{}: {errors} error(s), {warnings} warning(s)", source.path.display());
    if errors > 0 || (args.strict && warnings > 0) {
        return Err(resume::Error::new(summary));
    }
    eprintln!("{summary}");
    Ok(())
}

fn import(args: &ImportArgs) -> Result<()> {
    let language = resume::i18n::Language::negotiate(&args.lang)?;
    let from_stdin = args.file.as_os_str() == "-";
    let name = if from_stdin { std::path::PathBuf::from("<stdin>") } else { args.file.clone() };
    let text = if from_stdin {
        std::io::read_to_string(std::io::stdin())
            .map_err(|err| resume::Error::new(format!("cannot read standard input: {err}")))?
    } else {
        std::fs::read_to_string(&args.file).map_err(|err| resume::Error::io("read", &args.file, &err))?
    };
    let imported = match args.format {
        ImportFormat::Markdown => resume::import::markdown(&text, &name, language, args.name.as_deref())?,
        ImportFormat::Jsonresume => resume::jsonresume::import(&text, &name, language)?,
    };
    for line in &imported.skipped {
        eprintln!("warning: {}: {}", clean(&name.display().to_string()), clean(line));
    }
    print!("{}", imported.toml);
    Ok(())
}
