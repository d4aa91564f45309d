//! The whole job, stage by stage, for one or more languages.
//!
//! [`Job`] is the validated form of the command line: once it
//! exists, every input has been read and every flag checked, so a build
//! fails early and for a reason the user can act on. [`build`] then runs
//! the languages in parallel and writes each PDF atomically.

use std::path::{Path, PathBuf};

use crate::error::{Error, Result};
use crate::i18n::{Catalogue, Language, UserCatalogue};
use crate::job::Job;
use crate::localize;
use crate::model::{self, Resume, Source, YearMonth};
use crate::output::{self, Format};
use crate::select::Selection;
use crate::typeset::budget;
use crate::typeset::fonts;
use crate::typeset::links as document_links;
use crate::typeset::overflow;
use crate::typeset::world::{Layout, ResumeWorld};
use crate::view::{View, ViewOptions};

/// The built-in example: the résumé every command uses when given none.
pub const EXAMPLE: &str = include_str!("../examples/builtin/resume.toml");

/// How the built-in example is named in messages.
pub const EXAMPLE_NAME: &str = "<built-in example>/resume.toml";

/// Finds the résumé to build: the given file, else `./resume.toml`, else
/// the built-in example. Says on stderr when it falls back to the example.
pub fn find_source(input: Option<&Path>) -> Result<Source> {
    let path = match input {
        Some(path) => path.to_path_buf(),
        // Anything named resume.toml is the résumé, even a broken link or a
        // device: it is refused below with a reason, never skipped for the
        // built-in example.
        None if std::fs::symlink_metadata("resume.toml").is_ok() => {
            let path = PathBuf::from("resume.toml");
            crate::input::refuse_outside(Path::new("."), &path, "the résumé")?;
            path
        }
        None => {
            eprintln!(
                "note: no resume.toml here and no --input given; building the built-in example \
                 (`resume init --example DIR` writes it out to read or edit)"
            );
            return Ok(example());
        }
    };
    let text = crate::input::read_text(&path)?.ok_or_else(|| {
        Error::new(format!("cannot read `{}`: no such file", path.display()))
            .with_hint("give the résumé with `--input path/to/resume.toml`")
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

/// One language's finished document.
#[derive(Default)]
pub struct Rendered {
    /// The document in each format the job asks for: one PDF, or one
    /// image per page.
    pub encoded: Vec<(Format, Vec<Vec<u8>>)>,
    /// How many pages it has.
    pub pages: usize,
    /// The files of the user's the layout read, so that the output is
    /// never written over one of them.
    pub read: Vec<PathBuf>,
    /// What a packet calls it.
    pub names: PartNames,
    /// Each page's text, when SVG pages are made: their glyphs are
    /// outlines, so the preview gives the text beside them.
    pub texts: Vec<String>,
    /// Each page's width and height in points.
    pub sizes: Vec<(f64, f64)>,
}

/// How a document is named inside a packet: what its layout titled it,
/// without the person's name the packet's title already gives.
#[derive(Debug, Clone, Default)]
pub struct PartNames {
    /// Its outline entry: `자기소개서 (루멘랩스 플랫폼팀 지원)`.
    pub title: String,
    /// What its page labels begin with: `자기소개서`.
    pub label: String,
    /// The person.
    pub author: String,
    /// The packet's title in this document's language: `한가온 — 입사 지원서`.
    pub packet: String,
}

/// Runs every stage for one language and returns the PDF.
pub fn render_language(config: &Job, language: Language) -> Result<Rendered> {
    render_in(config, language, &mut world_for(config)?)
}

/// A world for a config's layout, folder and fonts; `watch` keeps one per
/// output across rebuilds, so Typst's memoized work carries over.
pub fn world_for(config: &Job) -> Result<ResumeWorld> {
    ResumeWorld::new(
        &config.layout,
        config.source.dir.as_deref(),
        config.extra_fonts.clone(),
        config.today,
        config.allow_plugins,
    )
}

/// Like [`render_language`], in a given world.
pub fn render_in(config: &Job, language: Language, world: &mut ResumeWorld) -> Result<Rendered> {
    let _watched = crate::limits::watch(describe(config, language));
    world.forget_files();
    let catalogue = catalogue(&config.source, language)?;
    let mut view = localize::localize(
        &config.resume,
        &config.source,
        &catalogue,
        &config.selection,
        ViewOptions { today: config.today, paper: config.paper, arrangement: config.layout.arrangement() },
    )?;
    view.style = config.style.clone();
    match &config.document {
        crate::job::Document::Resume => {
            refuse_empty_selection(&view, &config.selection, !config.resume.projects.is_empty())?
        }
        crate::job::Document::Letter(id) => {
            view.letter =
                Some(localize::letter(&config.resume, &config.source, &catalogue, id, config.today)?);
        }
        crate::job::Document::Form => {
            view.form =
                Some(localize::form(&config.resume, &config.source, &catalogue, config.today, config.day)?);
        }
    }
    if config.strict
        && let Some(error) = strict_error(&view.warnings)
    {
        return Err(error);
    }
    for warning in &view.warnings {
        crate::error::emit(&warning.clone().into_warning());
    }
    let docx = match (&config.document, config.formats.contains(&Format::Docx)) {
        (_, false) => None,
        (_, true) => Some(crate::formats::docx::export(&view)?),
    };
    // A Word document alone needs no typesetting.
    if let (Some(docx), [Format::Docx]) = (&docx, config.formats.as_slice()) {
        return Ok(Rendered { encoded: vec![(Format::Docx, vec![docx.clone()])], ..Rendered::default() });
    }
    let world = &mut *world;
    let document =
        budget::compile_within(world, &mut view, config.max_pages).map_err(|err| match &config.profile {
            Some(name) => {
                Error { message: format!("profile `{name}` ({}): {}", language.code, err.message), ..err }
            }
            None => err,
        })?;
    if let Some(warning) = crate::typeset::compile::warnings(world) {
        if config.strict {
            return Err(warning.into_error());
        }
        crate::error::emit(&warning);
    }
    if !config.allow_missing_glyphs {
        let missing = fonts::missing_glyphs(&document);
        if !missing.is_empty() {
            return Err(fonts::missing_glyph_error(&missing, &config.source, catalogue.user_files()));
        }
    }
    let links = document_links::unsafe_links(&document);
    if !links.is_empty() {
        return Err(document_links::unsafe_link_error(&links, &describe(config, language)));
    }
    let lost = overflow::lost_text(&document);
    if !lost.is_empty() {
        let error = overflow::lost_text_error(&lost, &document);
        if !config.allow_overflow || config.strict {
            return Err(error);
        }
        crate::error::emit(&error.into_warning());
    }
    let names = part_names(&document, &view, &catalogue)?;
    let ident = format!("resume-{}-{}", language.code, view.document.author);
    let mut encoded = Vec::new();
    for format in &config.formats {
        let pages = document.pages().len();
        let files = match format {
            Format::Pdf => vec![crate::output::pdf::pdf(world, &document, &ident)?],
            Format::Png => (0..pages)
                .map(|page| {
                    crate::output::png::png(&document, page, config.ppi)
                        .ok_or_else(|| Error::new(format!("page {} could not be encoded as PNG", page + 1)))
                })
                .collect::<Result<_>>()?,
            Format::Svg => (0..pages)
                .filter_map(|page| crate::output::svg::svg(&document, page))
                .map(String::into_bytes)
                .collect(),
            Format::Docx => docx.iter().cloned().collect(),
        };
        encoded.push((*format, files));
    }
    let texts = if config.formats.contains(&Format::Svg) {
        document.pages().iter().map(|page| crate::typeset::text::page_text(&page.frame)).collect()
    } else {
        Vec::new()
    };
    let sizes =
        document.pages().iter().map(|p| (p.frame.width().to_pt(), p.frame.height().to_pt())).collect();
    Ok(Rendered { encoded, pages: document.pages().len(), read: world.files_read(), names, texts, sizes })
}

/// A document's names in a packet, from the title its layout gave it
/// (`한가온 — 경력기술서`), so a custom layout names itself too.
fn part_names(
    document: &typst_layout::PagedDocument,
    view: &View,
    catalogue: &Catalogue,
) -> Result<PartNames> {
    let author = view.document.author.clone();
    use typst::model::Document as _;
    let title = document.info().title.as_ref().map_or_else(|| view.document.kind.clone(), |t| t.to_string());
    let title = title.strip_prefix(&format!("{author} — ")).unwrap_or(&title).trim().to_string();
    let label = title.split(" (").next().unwrap_or(&title).to_string();
    let mut args = fluent_bundle::FluentArgs::new();
    args.set("name", author.clone());
    let packet = catalogue.label("packet-title", Some(&args))?;
    Ok(PartNames { title, label, author, packet })
}

/// Under `--strict`, the warnings as one error: the first in full, the
/// others listed after it, so that one run shows them all.
fn strict_error(warnings: &[Error]) -> Option<Error> {
    let (first, rest) = warnings.split_first()?;
    let mut error = first.clone().into_error();
    error.message = format!("{} (a warning; `--strict` makes it an error)", error.message);
    if !rest.is_empty() {
        let more: Vec<String> = rest.iter().map(|w| format!("  also: {}", w.message)).collect();
        let detail = match &error.detail {
            Some(detail) => format!("{detail}\n{}", more.join("\n")),
            None => more.join("\n"),
        };
        error = error.with_detail(detail);
    }
    Some(error)
}

/// A selection that keeps no content at all is a mistake (`--only
/// 2030-`), not a request for a header alone: say which selectors did it.
fn refuse_empty_selection(view: &View, selection: &Selection, has_projects: bool) -> Result<()> {
    let Some(asked) = selection.asked() else { return Ok(()) };
    let empty = view.summary.is_none()
        && view.career.as_ref().is_none_or(|c| c.lines.is_empty())
        && view.projects.is_empty()
        && view.skills.is_empty()
        && view.education.is_empty()
        && view.certifications.is_empty()
        && view.open_source.is_empty()
        && view.awards.is_empty()
        && view.language_tests.is_empty()
        && view.sections.is_empty();
    let hint = "check the periods, ids and tags against `resume profiles` and the résumé; a period is written `2020-` or `2016-2019`";
    if empty {
        return Err(
            Error::new(format!("`{asked}` keeps nothing of this résumé but the header")).with_hint(hint)
        );
    }
    // A tailored résumé without any project is a mistake too, unless the
    // projects were left out on purpose (`--only education`).
    if view.projects.is_empty() && has_projects && selection.keeps_section("projects") {
        return Err(Error::new(format!("`{asked}` keeps none of the projects")).with_hint(hint));
    }
    Ok(())
}

/// A build as messages name it: layout, profile and language.
fn describe(config: &Job, language: Language) -> String {
    let layout = match &config.layout {
        Layout::Builtin(name) => format!("the layout `{name}`"),
        Layout::File(path) => format!("the layout `{}`", path.strip_prefix(".").unwrap_or(path).display()),
    };
    match &config.profile {
        Some(profile) => format!("{layout} (profile `{profile}`, {})", language.code),
        None => format!("{layout} ({})", language.code),
    }
}

/// The catalogue for a language, with the user's translations if any.
pub fn catalogue(source: &Source, language: Language) -> Result<Catalogue> {
    let user = match &source.dir {
        Some(dir) => UserCatalogue::find(dir, language)?,
        None => Vec::new(),
    };
    Catalogue::new(language, &user)
}

/// Builds every language of every config and writes each PDF as soon as
/// it is done, on a pool the size of the machine's cores (a thousand
/// profiles are a thousand jobs, not a thousand threads, and only the
/// documents in flight are held in memory). Each outcome is reported on
/// its own: a failed build never touches its output file, and does not
/// stop the others.
pub fn build(configs: &[Job]) -> Vec<Result<(Vec<PathBuf>, usize)>> {
    let jobs = jobs(configs);
    let outcomes = on_pool(&jobs, |(config, language, path)| {
        let rendered = render_language(config, *language);
        trim_caches(jobs.len());
        let rendered = rendered?;
        if config.packet {
            // Written once all its documents are done, joined.
            return Ok(Built::Part(rendered));
        }
        let written = write(path, &rendered, &config.inputs)?;
        Ok(Built::Written(written, rendered.pages))
    });
    let mut results = Vec::new();
    let mut packets: Vec<Packet> = Vec::new();
    for ((config, language, path), outcome) in jobs.iter().zip(outcomes) {
        let packet = config.packet.then(|| match packets.iter().position(|p| p.path == *path) {
            Some(index) => index,
            None => {
                packets.push(Packet {
                    path,
                    language: *language,
                    inputs: &config.inputs,
                    parts: Vec::new(),
                    failed: false,
                });
                packets.len() - 1
            }
        });
        match (outcome, packet) {
            (Ok(Built::Written(paths, pages)), _) => results.push(Ok((paths, pages))),
            (Ok(Built::Part(rendered)), Some(index)) => packets[index].parts.push(rendered),
            (Ok(Built::Part(_)), None) => {}
            (Err(err), packet) => {
                if let Some(index) = packet {
                    packets[index].failed = true;
                }
                results.push(Err(err));
            }
        }
    }
    for packet in packets.iter().filter(|p| !p.failed) {
        results.push(packet.write());
    }
    results
}

/// What one build of [`build`] gave: files written, or a packet's part.
enum Built {
    Written(Vec<PathBuf>, usize),
    Part(Rendered),
}

/// The documents of one packet, gathered in the order they were asked for.
struct Packet<'a> {
    path: &'a PathBuf,
    language: Language,
    inputs: &'a [PathBuf],
    parts: Vec<Rendered>,
    /// A part failed: the packet is not written, lest it lack a document.
    failed: bool,
}

impl Packet<'_> {
    /// Joins the parts and writes the packet, as one PDF is written.
    fn write(&self) -> Result<(Vec<PathBuf>, usize)> {
        let pdf_of = |rendered: &Rendered| -> Vec<u8> {
            rendered
                .encoded
                .iter()
                .find(|(format, _)| *format == Format::Pdf)
                .and_then(|(_, files)| files.first().cloned())
                .unwrap_or_default()
        };
        let pdfs: Vec<Vec<u8>> = self.parts.iter().map(pdf_of).collect();
        let parts: Vec<output::packet::Part> = self
            .parts
            .iter()
            .zip(&pdfs)
            .map(|(rendered, pdf)| output::packet::Part {
                title: &rendered.names.title,
                label: &rendered.names.label,
                lang: self.language.code,
                pdf,
            })
            .collect();
        let first = self.parts.first().map(|p| p.names.clone()).unwrap_or_default();
        let ident = format!("resume-packet-{}-{}", self.language.code, first.author);
        let meta = output::packet::Meta {
            title: &first.packet,
            author: &first.author,
            lang: self.language.code,
            ident: &ident,
        };
        let joined = output::packet::join(&parts, &meta)?;
        let pages = self.parts.iter().map(|p| p.pages).sum();
        let rendered = Rendered {
            encoded: vec![(Format::Pdf, vec![joined])],
            pages,
            read: self.parts.iter().flat_map(|p| p.read.iter().cloned()).collect(),
            names: first,
            texts: Vec::new(),
            sizes: Vec::new(),
        };
        Ok((write(self.path, &rendered, self.inputs)?, pages))
    }
}

/// Typst memoizes layout work in a process-wide cache that only grows; in
/// a batch of many builds (`--profile all` with a thousand profiles) it is
/// trimmed after each one, keeping what the last builds used.
fn trim_caches(jobs: usize) {
    if jobs > 2 {
        typst::comemo::evict(10);
    }
}

/// Writes a finished document to the files of `target` (the target for a
/// PDF, one file per page for images; all of them or none), unless one is
/// a file the layout read during the build (a layout that reads
/// `../out.pdf`, say): that file is the user's, not ours to replace. Says
/// which files it wrote.
pub fn write(target: &Path, rendered: &Rendered, inputs: &[PathBuf]) -> Result<Vec<PathBuf>> {
    if output::is_stdout(target) {
        let (_, files) = rendered.encoded.first().ok_or_else(|| Error::new("nothing was encoded"))?;
        output::write_atomic(target, &files.concat())?;
        return Ok(vec![target.to_path_buf()]);
    }
    let mut files = Vec::new();
    for (format, pages) in &rendered.encoded {
        for (path, bytes) in format.paths(target, pages.len()).into_iter().zip(pages) {
            if let Some(read) = rendered.read.iter().find(|read| output::same_file(&path, read)) {
                return Err(Error::new(format!(
                    "refusing to write `{}`: the layout read it during this build (`{}`)",
                    path.display(),
                    read.display()
                ))
                .with_hint("choose another output with `-o`"));
            }
            if *format != Format::Pdf {
                output::check_target_as(&path, inputs, true, *format)?;
            }
            files.push((path, bytes.clone()));
        }
    }
    output::write_all_atomic(&files)?;
    // Pages past the last, from an earlier and longer build, are the
    // user's to remove: never delete a file, but say it is stale.
    for (format, pages) in &rendered.encoded {
        let next = format.page_path(target, pages.len() + 1);
        if format.paged() && next.exists() {
            eprintln!(
                "note: `{}` is left from an earlier build with more pages; this one has {}",
                next.display(),
                pages.len()
            );
        }
    }
    Ok(files.into_iter().map(|(path, _)| path).collect())
}

/// Renders every language of every config on the pool, writing nothing;
/// each outcome (the page count, or the error) comes with the config,
/// language and target it belongs to.
pub fn render_all(configs: &[Job]) -> Vec<(Target<'_>, Result<usize>)> {
    let jobs = jobs(configs);
    let results = on_pool(&jobs, |(config, language, _)| {
        let pages = render_language(config, *language).map(|r| r.pages);
        trim_caches(jobs.len());
        pages
    });
    jobs.into_iter().zip(results).collect()
}

fn jobs(configs: &[Job]) -> Vec<Target<'_>> {
    configs.iter().flat_map(|c| c.targets.iter().map(move |(l, p)| (c, *l, p))).collect()
}

/// The stack each build thread gets: Typst recurses deeply into nested
/// content, and a spawned thread's default (2 MiB) is less than the main
/// thread's.
pub const BUILD_STACK: usize = 16 << 20;

/// Runs `work` on every job with at most one thread per available core,
/// returning the results in the jobs' order.
pub fn on_pool<J: Sync, R: Send>(jobs: &[J], work: impl Fn(&J) -> Result<R> + Sync) -> Vec<Result<R>> {
    let cores = std::thread::available_parallelism().map_or(2, std::num::NonZeroUsize::get);
    let workers = cores.min(jobs.len()).max(1);
    let next = std::sync::atomic::AtomicUsize::new(0);
    let results: Vec<std::sync::Mutex<Option<Result<R>>>> =
        jobs.iter().map(|_| std::sync::Mutex::new(None)).collect();
    let run = || {
        loop {
            let index = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            let Some(job) = jobs.get(index) else { break };
            let result = work(job);
            *results[index].lock().expect("a result slot") = Some(result);
        }
    };
    if workers == 1 {
        run();
    } else {
        std::thread::scope(|scope| {
            let spawned: Vec<_> = (0..workers)
                .map(|_| std::thread::Builder::new().stack_size(BUILD_STACK).spawn_scoped(scope, run))
                .collect();
            if spawned.iter().any(std::result::Result::is_err) {
                // No thread to be had (a process limit): do the work here.
                run();
            }
        });
    }
    results
        .into_iter()
        .map(|slot| {
            slot.into_inner()
                .expect("a result slot")
                .unwrap_or_else(|| Err(Error::new("a build thread stopped without a result")))
        })
        .collect()
}

/// One output of a build: its config, language and file.
pub type Target<'a> = (&'a Job, Language, &'a PathBuf);

/// Where a job's files go: `-o` (a file, a folder or `-`), the file name
/// pattern (`{profile}-{lang}.pdf`), the profile, and whether every
/// profile is built (then `-o` is a folder).
#[derive(Debug, Clone, Copy)]
pub struct Place<'a> {
    /// `-o`, if given (or `out/` for `--profile all`).
    pub output: Option<&'a Path>,
    /// The file name pattern.
    pub pattern: &'a str,
    /// The profile, for `{profile}`.
    pub profile: Option<&'a str>,
    /// Whether `output` is a folder whatever its name.
    pub folder: bool,
}

/// Where each language's PDF goes. `pattern` names the file (`{lang}` and
/// `{profile}` are replaced); `output` is a file for a single language, or a
/// folder (always, when `folder` is set, as for `--profile all`), or `-`
/// for standard output. Every target is checked against `inputs`, the
/// files the build reads, so that no build writes over its own source;
/// `named` says the user gave `output` with `-o` (see
/// [`output::check_target`]).
pub fn targets(
    languages: &[Language],
    place: &Place,
    formats: &[Format],
    inputs: &[PathBuf],
    named: bool,
) -> Result<Vec<(Language, PathBuf)>> {
    let Place { output, pattern, profile, folder } = *place;
    let several = languages.len() > 1 || folder;
    if output.is_some_and(output::is_stdout) && several {
        return Err(Error::new("`-o -` sends one document to standard output, but this build makes several")
            .with_hint("build one language (`--lang ko`) and one profile, or give a folder with `-o`"));
    }
    if output.is_some_and(output::is_stdout) && (formats.len() != 1 || formats[0].paged()) {
        return Err(Error::new(
            "`-o -` sends one document to standard output, but images are one file per page",
        )
        .with_hint("give a folder or a file name with `-o`: `-o out/` writes out/resume-ko-1.png, …"));
    }
    let name = |l: &Language| file_name(pattern, profile, *l);
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
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty())
            && !output::is_stdout(path)
            && (named || std::fs::symlink_metadata(dir).is_err())
        {
            std::fs::create_dir_all(dir).map_err(|err| {
                Error::io("create the folder", dir, &err).with_hint("choose another place with `-o`")
            })?;
        }
        for format in formats {
            // An image's pages are checked again when their number is
            // known; the first page is checked now, before any work.
            match format {
                Format::Pdf => output::check_target(path, inputs, named)?,
                Format::Docx => {
                    for file in Format::Docx.paths(path, 1) {
                        output::check_target_as(&file, inputs, named, Format::Docx)?;
                    }
                }
                image => output::check_target_as(&image.page_path(path, 1), inputs, named, *image)?,
            }
        }
    }
    Ok(targets)
}

/// A file name from an output pattern (`{profile}-{lang}.pdf`): what a
/// build writes, and what an unwritten one (`serve`'s) offers to download.
pub fn file_name(pattern: &str, profile: Option<&str>, language: Language) -> String {
    pattern.replace("{lang}", language.code).replace("{profile}", profile.unwrap_or("resume"))
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
