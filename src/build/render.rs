//! One document in one language, through every stage: localized into the
//! view, typeset within its page budget, checked (missing glyphs, unsafe
//! links, text off the page) and encoded in each format asked for.

use std::path::PathBuf;

use crate::error::{Error, Result};
use crate::i18n::{Catalogue, Language, UserCatalogue};
use crate::localize;
use crate::model::Source;
use crate::output::Format;
use crate::select::Selection;
use crate::typeset::budget;
use crate::typeset::fonts;
use crate::typeset::links as document_links;
use crate::typeset::overflow;
use crate::typeset::world::{Layout, ResumeWorld};
use crate::view::{View, ViewOptions};

use super::job::Job;
use super::request::Document;

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
    /// What the build warns about (Korean text in an English document,
    /// the layout's own warnings, text allowed off the page), for the
    /// caller to show: the library prints nothing.
    pub warnings: Vec<Error>,
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

/// What a Word file embeds: the photo the view shows, read from the
/// résumé's folder, where the job found it (and where it must still be:
/// a photo swapped for a link out of the folder since is left out).
fn attachments(config: &Job, view: &View) -> crate::formats::docx::Attachments {
    let wanted = config.formats.contains(&Format::Docx);
    let photo = match (&view.style.photo, &config.source.dir) {
        (Some(photo), Some(dir)) if wanted => {
            let path = dir.join(photo.trim_start_matches('/'));
            crate::input::contained(dir, &path)
                .ok()
                .and_then(|real| crate::input::read_capped(&real, crate::photo::MAX_BYTES).ok())
        }
        _ => None,
    };
    crate::formats::docx::Attachments { photo }
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

/// Whether one language's document fits the job's page budget, with the
/// build's warnings: typeset and checked as `pdf` would, but neither
/// encoded nor set again to end a page earlier, since `check` reads only
/// the count (the budgets are half of its time).
pub fn measure_language(config: &Job, language: Language) -> Result<(usize, Vec<Error>)> {
    let _watched = crate::limits::watch(describe(config, language));
    let mut world = world_for(config)?;
    let (catalogue, mut view, mut warnings) = prepare(config, language, &mut world)?;
    let document = budget::fits(&mut world, &mut view, config.max_pages)
        .map_err(|err| in_profile(config, language, err))?;
    warnings.extend(checked(config, language, &world, &document, &catalogue)?);
    Ok((document.pages().len(), warnings))
}

/// The catalogue and view of one language's document, with the warnings
/// so far (failing on them under `--strict`).
fn prepare(
    config: &Job,
    language: Language,
    world: &mut ResumeWorld,
) -> Result<(Catalogue, View, Vec<Error>)> {
    world.forget_files();
    let catalogue = catalogue(&config.source, language)?;
    let mut view = document_view(config, &catalogue)?;
    let mut warnings = config.warnings.clone();
    warnings.extend(std::mem::take(&mut view.warnings));
    if config.strict
        && let Some(error) = strict_error(&warnings)
    {
        return Err(error);
    }
    for warning in &mut warnings {
        *warning = warning.clone().into_warning();
    }
    Ok((catalogue, view, warnings))
}

/// A build error of a profile's document, saying which profile and language.
fn in_profile(config: &Job, language: Language, err: Error) -> Error {
    match &config.profile {
        Some(name) => {
            Error { message: format!("profile `{name}` ({}): {}", language.code, err.message), ..err }
        }
        None => err,
    }
}

/// Like [`render_language`], in a given world. The warnings come back in
/// [`Rendered::warnings`] for the caller to show: the library prints
/// nothing.
pub fn render_in(config: &Job, language: Language, world: &mut ResumeWorld) -> Result<Rendered> {
    let _watched = crate::limits::watch(describe(config, language));
    let (catalogue, mut view, mut warnings) = prepare(config, language, world)?;
    // The formats written from the view; with no other, nothing is typeset.
    let mut written = Vec::new();
    let attachments = attachments(config, &view);
    for format in config.formats.iter().filter(|f| !f.typeset()) {
        let (bytes, notes) = crate::formats::write(*format, &view, &attachments)?;
        warnings.extend(notes.into_iter().map(|note| Error::new(note).into_note()));
        written.push((*format, vec![bytes]));
    }
    if config.formats.iter().all(|f| !f.typeset()) {
        return Ok(Rendered { encoded: written, warnings, ..Rendered::default() });
    }
    let world = &mut *world;
    let (document, note) = budget::compile_within(world, &mut view, config.max_pages)
        .map_err(|err| in_profile(config, language, err))?;
    warnings.extend(note);
    warnings.extend(checked(config, language, world, &document, &catalogue)?);
    let names = part_names(&document, &view, &catalogue)?;
    let ident = format!("resume-{}-{}", language.code, view.document.author);
    let mut encoded = encode(config, world, &document, &ident)?;
    encoded.extend(written);
    let texts = if config.formats.contains(&Format::Svg) {
        document.pages().iter().map(|page| crate::typeset::text::page_text(&page.frame)).collect()
    } else {
        Vec::new()
    };
    let sizes =
        document.pages().iter().map(|p| (p.frame.width().to_pt(), p.frame.height().to_pt())).collect();
    let pages = document.pages().len();
    Ok(Rendered { encoded, pages, read: world.files_read(), names, texts, sizes, warnings })
}

/// The view of the job's document in the catalogue's language: the
/// résumé (refused when the selection keeps nothing), a letter or the form.
pub fn document_view(config: &Job, catalogue: &Catalogue) -> Result<View> {
    let options =
        ViewOptions { today: config.today, paper: config.paper, arrangement: config.layout.arrangement() };
    let mut view = localize::localize(&config.resume, &config.source, catalogue, &config.selection, options)?;
    view.style = config.style.clone();
    // The documents of one application, joined or not, read as one: each
    // numbers its pages and, in Korean, opens with the same title block.
    let application = config.packet || config.together;
    view.document.pages = crate::view::PageNumbers {
        always: application,
        offset: config.page_numbers.map_or(0, |(offset, _)| offset),
        total: config.page_numbers.map(|(_, total)| total),
    };
    view.document.titled = application && view.lang == "ko";
    if view.style.short_links {
        view.shorten_links();
    }
    match &config.document {
        Document::Resume => {
            refuse_empty_selection(&view, &config.selection, !config.resume.projects.is_empty())?
        }
        Document::Letter(id) => {
            let letter =
                localize::letter(&config.resume, &config.source, catalogue, id, config.today, config.day)?;
            if !config.allow_over_limit {
                refuse_over_limit(config, &letter)?;
            }
            view.letter = Some(letter);
        }
        Document::Form => {
            view.form = Some(localize::form(
                &config.resume,
                &config.source,
                catalogue,
                &config.selection,
                config.today,
                config.day,
            )?);
        }
    }
    Ok(view)
}

/// A letter with an answer over its limit is not sent: a portal cuts it
/// or refuses it. The error names the letter, the question and the
/// counts, at the answer's line; `--allow-over-limit` builds a draft.
fn refuse_over_limit(config: &Job, letter: &crate::view::LetterView) -> Result<()> {
    let Some((n, question)) = letter.questions.iter().enumerate().find(|(_, q)| q.over) else {
        return Ok(());
    };
    let mut error = Error::new(format!(
        "the answer to “{}” in the letter `{}` is over its limit: {} ({})",
        question.question,
        letter.id,
        question.count.as_deref().unwrap_or_default(),
        question.limit.as_deref().unwrap_or_default(),
    ))
    .with_hint(
        "shorten it (`resume letter count` shows the counts), or build a draft with `--allow-over-limit`",
    );
    let index = config.resume.letters.iter().position(|l| l.id == letter.id);
    if let Some(index) = index {
        use crate::model::Step;
        let path = [
            Step::Key("letter"),
            Step::Index(index),
            Step::Key("question"),
            Step::Index(n),
            Step::Key("answer"),
        ];
        if let Some(location) = crate::model::locate(&config.source, &path) {
            error = error.at(location);
        }
    }
    Err(error)
}

/// The checks on the laid-out pages: the layout's own warnings, a
/// character no font has, a link to an unsafe address, text off the page.
/// What fails the build is an error; what does not comes back as warnings.
fn checked(
    config: &Job,
    language: Language,
    world: &ResumeWorld,
    document: &typst_layout::PagedDocument,
    catalogue: &Catalogue,
) -> Result<Vec<Error>> {
    let mut warnings = Vec::new();
    if let Some(warning) = crate::typeset::compile::warnings(world) {
        if config.strict {
            return Err(warning.into_error());
        }
        warnings.push(warning);
    }
    if !config.allow_missing_glyphs {
        let missing = fonts::missing_glyphs(document);
        if !missing.is_empty() {
            // The character may stand in the résumé, a translation, or a
            // layout of the folder's own.
            let mut files: Vec<crate::i18n::UserCatalogue> = catalogue.user_files().to_vec();
            for path in world.files_read().into_iter().filter(|p| p.extension().is_some_and(|e| e == "typ")) {
                if let Ok(Some(text)) = crate::input::read_text(&path) {
                    files.push(crate::i18n::UserCatalogue { path, text });
                }
            }
            return Err(fonts::missing_glyph_error(&missing, &config.source, &files));
        }
    }
    let links = document_links::unsafe_links(document);
    if !links.is_empty() {
        return Err(document_links::unsafe_link_error(&links, &describe(config, language)));
    }
    let lost = overflow::lost_text(document);
    if !lost.is_empty() {
        let error = overflow::lost_text_error(&lost, document);
        if !config.allow_overflow || config.strict {
            return Err(error);
        }
        warnings.push(error.into_warning());
    }
    Ok(warnings)
}

/// The laid-out document in each format the job asks for: one PDF, one
/// image per page, or the Word file made from the view.
fn encode(
    config: &Job,
    world: &ResumeWorld,
    document: &typst_layout::PagedDocument,
    ident: &str,
) -> Result<Vec<(Format, Vec<Vec<u8>>)>> {
    let pages = document.pages().len();
    let mut encoded = Vec::new();
    for format in config.formats.iter().filter(|f| f.typeset()) {
        let files = match format {
            Format::Pdf => vec![crate::output::pdf::pdf(world, document, ident)?],
            Format::Png => (0..pages)
                .map(|page| {
                    crate::output::png::png(document, page, config.ppi)
                        .ok_or_else(|| Error::new(format!("page {} could not be encoded as PNG", page + 1)))
                })
                .collect::<Result<_>>()?,
            Format::Svg => (0..pages)
                .filter_map(|page| crate::output::svg::svg(document, page))
                .map(String::into_bytes)
                .collect(),
            _ => Vec::new(),
        };
        encoded.push((*format, files));
    }
    Ok(encoded)
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
        && view.publications.is_empty()
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
