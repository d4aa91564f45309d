//! The whole job, stage by stage, for one or more languages.
//!
//! [`BuildConfig`] is the validated form of the command line: once it
//! exists, every input has been read and every flag checked, so a build
//! fails early and for a reason the user can act on. [`build`] then runs
//! the languages in parallel and writes each PDF atomically.

use std::path::{Path, PathBuf};

use crate::budget;
use crate::error::{Error, Result};
use crate::fonts;
use crate::i18n::{Catalogue, Language, UserCatalogue};
use crate::model::{self, Resume, Source, YearMonth};
use crate::output;
use crate::render;
use crate::select::Selection;
use crate::view::{self, Paper, View, ViewOptions};
use crate::world::{Layout, ResumeWorld};

/// The built-in example: the résumé every command uses when given none.
pub const EXAMPLE: &str = include_str!("../examples/builtin/resume.toml");

/// How the built-in example is named in messages.
pub const EXAMPLE_NAME: &str = "<built-in example>/resume.toml";

/// Finds the résumé to build: the given file, else `./resume.toml`, else
/// the built-in example. Says on stderr when it falls back to the example.
pub fn find_source(input: Option<&Path>) -> Result<Source> {
    let path = match input {
        Some(path) => path.to_path_buf(),
        None if Path::new("resume.toml").is_file() => PathBuf::from("resume.toml"),
        None => {
            eprintln!("note: no resume.toml here and no --input given; building the built-in example");
            return Ok(example());
        }
    };
    let text = std::fs::read_to_string(&path).map_err(|err| {
        Error::io("read", &path, &err).with_hint("give the résumé with `--input path/to/resume.toml`")
    })?;
    let dir = path
        .parent()
        .map(|d| if d.as_os_str().is_empty() { Path::new(".") } else { d })
        .map(Path::to_path_buf);
    Ok(Source { path, dir, text })
}

/// The built-in example as a source.
pub fn example() -> Source {
    Source { path: PathBuf::from(EXAMPLE_NAME), dir: None, text: EXAMPLE.to_string() }
}

/// Everything one build needs, checked. A profile is one build config; so
/// is a plain `resume pdf`.
pub struct BuildConfig {
    /// The profile this build applies, if any (for messages).
    pub profile: Option<String>,
    /// The résumé's text and folder.
    pub source: Source,
    /// The parsed résumé.
    pub resume: Resume,
    /// Languages, each with the file it is written to.
    pub targets: Vec<(Language, PathBuf)>,
    /// What to keep.
    pub selection: Selection,
    /// The month ongoing periods run to.
    pub today: YearMonth,
    /// The layout to compile.
    pub layout: Layout,
    /// Paper size.
    pub paper: Paper,
    /// Fonts beyond the embedded ones.
    pub extra_fonts: Vec<typst::text::Font>,
    /// Build even if a character has no glyph.
    pub allow_missing_glyphs: bool,
    /// The most pages allowed; the layout is tightened to fit.
    pub max_pages: Option<usize>,
}

/// One language's finished document.
pub struct Rendered {
    /// The PDF bytes.
    pub pdf: Vec<u8>,
    /// How many pages it has.
    pub pages: usize,
}

/// Runs every stage for one language and returns the PDF.
pub fn render_language(config: &BuildConfig, language: Language) -> Result<Rendered> {
    render_in(config, language, &mut world_for(config)?)
}

/// A world for a config's layout, folder and fonts; `watch` keeps one per
/// output across rebuilds, so Typst's memoized work carries over.
pub fn world_for(config: &BuildConfig) -> Result<ResumeWorld> {
    ResumeWorld::new(&config.layout, config.source.dir.as_deref(), config.extra_fonts.clone(), config.today)
}

/// Like [`render_language`], in a given world.
pub fn render_in(config: &BuildConfig, language: Language, world: &mut ResumeWorld) -> Result<Rendered> {
    world.forget_files();
    let catalogue = catalogue(&config.source, language)?;
    let mut view = view::localize(
        &config.resume,
        &config.source,
        &catalogue,
        &config.selection,
        ViewOptions { today: config.today, paper: config.paper },
    )?;
    let world = &mut *world;
    let document =
        budget::compile_within(world, &mut view, config.max_pages).map_err(|err| match &config.profile {
            Some(name) => {
                Error { message: format!("profile `{name}` ({}): {}", language.code, err.message), ..err }
            }
            None => err,
        })?;
    if !config.allow_missing_glyphs {
        let missing = fonts::missing_glyphs(&document);
        if !missing.is_empty() {
            return Err(fonts::missing_glyph_error(&missing, &config.source));
        }
    }
    let ident = format!("resume-{}-{}", language.code, view.document.author);
    let pdf = render::pdf(world, &document, &ident)?;
    Ok(Rendered { pdf, pages: document.pages().len() })
}

/// The catalogue for a language, with the user's translations if any.
pub fn catalogue(source: &Source, language: Language) -> Result<Catalogue> {
    let user = match &source.dir {
        Some(dir) => UserCatalogue::find(dir, language)?,
        None => Vec::new(),
    };
    Catalogue::new(language, &user)
}

/// The view as the layout reads it.
pub fn view_json(view: &View) -> String {
    serde_json::to_string(view).expect("views serialize")
}

/// Builds every language of every config in parallel and writes each PDF
/// as soon as all are done. Each outcome is reported on its own: a failed
/// build never touches its output file, and does not stop the others.
pub fn build(configs: &[BuildConfig]) -> Vec<Result<(PathBuf, Rendered)>> {
    render_all(configs)
        .into_iter()
        .map(|((_, _, path), result)| {
            let rendered = result?;
            output::write_atomic(path, &rendered.pdf)?;
            Ok((path.clone(), rendered))
        })
        .collect()
}

/// Renders every language of every config in parallel, writing nothing;
/// each outcome comes with the config, language and target it belongs to.
pub fn render_all(configs: &[BuildConfig]) -> Vec<(Target<'_>, Result<Rendered>)> {
    let jobs: Vec<Target<'_>> =
        configs.iter().flat_map(|c| c.targets.iter().map(move |(l, p)| (c, *l, p))).collect();
    let results: Vec<Result<Rendered>> = std::thread::scope(|scope| {
        let handles: Vec<_> = jobs
            .iter()
            .map(|(config, language, _)| scope.spawn(move || render_language(config, *language)))
            .collect();
        handles.into_iter().map(|h| h.join().expect("a build thread panicked")).collect()
    });
    jobs.into_iter().zip(results).collect()
}

/// One output of a build: its config, language and file.
pub type Target<'a> = (&'a BuildConfig, Language, &'a PathBuf);

/// Where each language's PDF goes. `pattern` names the file (`{lang}` and
/// `{profile}` are replaced); `output` is a file for a single language, or a
/// folder (always, when `folder` is set, as for `--profile all`).
pub fn targets(
    languages: &[Language],
    output: Option<&Path>,
    pattern: &str,
    profile: Option<&str>,
    folder: bool,
) -> Result<Vec<(Language, PathBuf)>> {
    let several = languages.len() > 1 || folder;
    let name =
        |l: &Language| pattern.replace("{lang}", l.code).replace("{profile}", profile.unwrap_or("resume"));
    let targets: Vec<(Language, PathBuf)> = languages
        .iter()
        .map(|l| {
            let path = match output {
                None => PathBuf::from(name(l)),
                Some(dir) if several || dir.is_dir() || dir.to_string_lossy().ends_with('/') => {
                    dir.join(name(l))
                }
                Some(file) => file.to_path_buf(),
            };
            (*l, path)
        })
        .collect();
    for (_, path) in &targets {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|err| {
                Error::io("create the folder", dir, &err).with_hint("choose another place with `-o`")
            })?;
        }
        output::check_writable(path)?;
    }
    Ok(targets)
}

/// Reads the model and checks the selection: the part of a build shared by
/// every language.
pub fn prepare(
    source: &Source,
    only: &[String],
    hide: &[String],
    today: YearMonth,
) -> Result<(Resume, Selection)> {
    let resume = model::load(source)?;
    let selection = Selection::new(only, hide, &resume, today)?;
    Ok((resume, selection))
}
