//! From a request (what the flags ask) to validated jobs (what will be
//! built): one [`Job`] per profile, document and language set, with its
//! targets, selection, layout and paper checked.
//!
//! Every input is read and every flag and profile field checked here,
//! before any rendering, so a doomed build fails at once and for a reason
//! the user can act on. A profile (`[profile.NAME]`) supplies defaults;
//! flags given beside `--profile` override them (list flags add to its
//! lists); `--profile all` yields one job per profile. `pdf`, `watch`,
//! `check`, `serve` and `profiles` all take their jobs from here, so they
//! validate the same things the same way.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::error::{Error, Result};
use crate::i18n::Language;
use crate::model::{self, Profile, Resume, Source, YearMonth};
use crate::output::Format;
use crate::select::Selection;
use crate::typeset::fonts;
use crate::typeset::world::Layout;
use crate::view::Paper;

use super::names::{self, Place};
use super::profile::{
    ALL_PROFILES, chosen_profiles, folder_layout, in_profile, languages, parse_paper, profile_layout,
};
use super::request::{Document, Request, read};

/// The resolution of PNG pages when `--ppi` says nothing: sharp on a
/// high-density screen, and a page of A4 under 1,700 pixels wide.
const DEFAULT_PPI: f32 = 144.0;

/// The range `--ppi` accepts: below it a page is unreadable, above it one
/// PNG of A4 would pass a hundred megapixels.
const MIN_PPI: f32 = 36.0;

const MAX_PPI: f32 = 1200.0;

/// One validated build: everything a render needs, checked, and nothing
/// it must check again. A profile is one job; so is a plain `resume pdf`.
#[derive(Clone)]
pub struct Job {
    /// The profile this build applies, if any (for messages).
    pub profile: Option<String>,
    /// The résumé's text and folder, shared by every config of a command
    /// (a thousand profiles must not mean a thousand copies).
    pub source: Arc<Source>,
    /// The parsed résumé, shared likewise.
    pub resume: Arc<Resume>,
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
    /// The files the build reads (the résumé, its translations, the
    /// layout, fonts): no output may be written over one of them.
    pub inputs: Vec<PathBuf>,
    /// Whether custom layouts may load WebAssembly plugins.
    pub allow_plugins: bool,
    /// Report text that runs off its page as a warning, not an error.
    pub allow_overflow: bool,
    /// Build a letter with an answer over its limit, as a draft.
    pub allow_over_limit: bool,
    /// Warnings fail the build (`--strict`).
    pub strict: bool,
    /// What to write: PDF, or images one per page; never empty.
    pub formats: Vec<Format>,
    /// Pixels per inch of PNG pages.
    pub ppi: f32,
    /// Accent, body size and photo, checked.
    pub style: crate::view::StyleView,
    /// The résumé, or a letter.
    pub document: Document,
    /// Today's day of the month, when known, for the form's date.
    pub day: Option<u8>,
    /// What configuring the build found worth saying (a file in the font
    /// folder that is no font), given back with this job's result.
    pub warnings: Vec<Error>,
    /// Whether this document is one of several of an application, written
    /// only when every one of them builds.
    pub together: bool,
    /// Whether this document is a part of a packet: it is then joined
    /// with the profile's other documents of its language into the one
    /// file its targets name, not written on its own.
    pub packet: bool,
    /// How the packet numbers its pages.
    pub packet_numbers: crate::model::PacketNumbers,
    /// Where this document's page numbers start and what they count to,
    /// when a packet is numbered throughout (set by its second pass).
    pub page_numbers: Option<(usize, usize)>,
}

impl Job {
    /// The same job numbering its pages from after `offset` pages, out
    /// of `total`: a part of a packet numbered throughout.
    pub fn renumbered(&self, offset: usize, total: usize) -> Job {
        Job { page_numbers: Some((offset, total)), ..self.clone() }
    }
}

/// Turns a request into one job per build.
pub fn configure(args: &Request) -> Result<Vec<Job>> {
    let (source, today) = read(&args.source)?;
    let resume = model::load(&source)?;
    configure_for(args, &source, &resume, today, true)
}

/// The jobs a request makes, with no output files: for builds that are
/// only tried (`resume layout new` builds the new layout once).
pub fn unwritten(args: &Request) -> Result<Vec<Job>> {
    let (source, today) = read(&args.source)?;
    let resume = model::load(&source)?;
    configure_for(args, &source, &resume, today, false)
}

/// Every stored profile, configured as `--profile all` would configure it
/// but with no output files: what `resume profiles` shows.
pub fn profile_configs(source: &Source, resume: &Resume, today: YearMonth) -> Result<Vec<Job>> {
    if resume.profiles.is_empty() {
        return Ok(Vec::new());
    }
    let args = Request { profile: Some(ALL_PROFILES.to_string()), ..Request::default() };
    configure_for(&args, source, resume, today, false)
}

/// Every stored profile with a page budget, configured as `--profile all`
/// would configure it but with no output files: `check` builds them to see
/// that they fit.
pub fn budgeted(source: &Source, resume: &Resume, today: YearMonth) -> Result<Vec<Job>> {
    if resume.profiles.values().all(|p| p.max_pages.is_none()) {
        return Ok(Vec::new());
    }
    let args = Request { profile: Some(ALL_PROFILES.to_string()), ..Request::default() };
    let configs = configure_for(&args, source, resume, today, false)?;
    Ok(configs.into_iter().filter(|c| c.max_pages.is_some()).collect())
}

/// The configurations `args` ask for; with `write` unset, the outputs are
/// named but neither placed nor checked, for builds that write nothing.
pub(super) fn configure_for(
    args: &Request,
    source: &Source,
    resume: &Resume,
    today: YearMonth,
    write: bool,
) -> Result<Vec<Job>> {
    let (extra_fonts, font_files, font_warnings) = match &args.font_path {
        Some(dir) => {
            let folder = fonts::from_folder(dir)?;
            (folder.fonts, folder.files, folder.warnings)
        }
        None => (Vec::new(), Vec::new(), Vec::new()),
    };
    let shared = Shared {
        args,
        source,
        resume,
        today,
        write,
        every_profile: args.profile.as_deref() == Some(ALL_PROFILES),
        formats: formats(args)?,
        extra_fonts,
        font_files,
        source_arc: Arc::new(source.clone()),
        resume_arc: Arc::new(resume.clone()),
    };
    let mut configs = Vec::new();
    for (name, profile) in chosen_profiles(resume, args.profile.as_deref())? {
        configs.extend(shared.profile_jobs(name, &profile)?);
    }
    if write {
        refuse_shared_outputs(&configs)?;
    }
    // Said once, with the first build's result: the library prints nothing.
    if let Some(first) = configs.first_mut() {
        first.warnings = font_warnings;
    }
    Ok(configs)
}

/// The formats asked for, each once; a PDF when none is; the PNG
/// resolution checked.
fn formats(args: &Request) -> Result<Vec<Format>> {
    let mut formats: Vec<Format> = Vec::new();
    for format in &args.formats {
        if !formats.contains(format) {
            formats.push(*format);
        }
    }
    if formats.is_empty() {
        formats.push(Format::Pdf);
    }
    if let Some(ppi) = args.ppi
        && !(MIN_PPI..=MAX_PPI).contains(&ppi)
    {
        return Err(Error::new(format!("`--ppi {ppi}` is out of range")).with_hint(format!(
            "give between {MIN_PPI} and {MAX_PPI} pixels per inch; 144 is sharp on most screens"
        )));
    }
    Ok(formats)
}

/// What every job of one request shares.
struct Shared<'r> {
    args: &'r Request,
    source: &'r Source,
    resume: &'r Resume,
    today: YearMonth,
    write: bool,
    every_profile: bool,
    formats: Vec<Format>,
    extra_fonts: Vec<typst::text::Font>,
    font_files: Vec<PathBuf>,
    /// The résumé's text and model, shared by every job rather than
    /// copied (a thousand profiles must not mean a thousand copies).
    source_arc: Arc<Source>,
    resume_arc: Arc<Resume>,
}

/// One profile's choices that every document of it shares.
struct ProfileChoices {
    languages: Vec<Language>,
    selection: Selection,
    documents: Vec<Document>,
    packet: bool,
}

impl Shared<'_> {
    /// A profile (or the flags alone) as one job per document.
    fn profile_jobs(&self, name: Option<&str>, profile: &Profile) -> Result<Vec<Job>> {
        let choices = self.choices(name, profile)?;
        let several = choices.documents.len() > 1;
        let mut jobs = Vec::new();
        for document in &choices.documents {
            jobs.push(self.document_job(name, profile, &choices, document, several)?);
        }
        Ok(jobs)
    }

    /// The languages, selection, documents and packet of a profile, each
    /// error pointed at the flag or the profile key it came from.
    fn choices(&self, name: Option<&str>, profile: &Profile) -> Result<ProfileChoices> {
        let (args, source, resume) = (self.args, self.source, self.resume);
        let at = |key: &'static str, from_profile: bool| in_profile(source, name, key, from_profile);
        let languages = languages(args.lang.as_deref().unwrap_or(&profile.lang))
            .map_err(at("lang", args.lang.is_none()))?;
        // Each list is checked on its own, so an error names its key.
        Selection::new(&profile.only, &[], resume, self.today).map_err(at("only", true))?;
        // Flags beside a profile add to its lists: `--only` narrows what the
        // profile keeps, `--hide` drops more.
        let selection = Selection::new(&profile.only, &profile.hide, resume, self.today)
            .map_err(at("hide", true))?
            .narrowed(&args.only, &args.hide, resume)
            .map_err(at("only", false))?
            .with_first(&profile.first);
        let from_profile = args.documents.is_empty();
        let asked: &[String] = if from_profile { &profile.documents } else { &args.documents };
        let mut documents = Vec::new();
        for text in asked {
            let document = Document::parse(text, resume).map_err(at("documents", from_profile))?;
            if !documents.contains(&document) {
                documents.push(document);
            }
        }
        if documents.is_empty() {
            documents.push(Document::Resume);
        }
        // A profile's packet is its PDF build's: `resume docx --profile
        // NAME` writes each document, as it would without the packet.
        let pdf_only = self.formats == [Format::Pdf];
        let packet = args.packet.unwrap_or(profile.packet == Some(true) && pdf_only);
        if packet && !pdf_only {
            return Err(Error::new("a packet is one PDF, but `--format` asks for more").with_hint(
                "build the packet with `--format pdf`, and the other formats without `--packet`",
            ))
            .map_err(at("packet", args.packet.is_none()));
        }
        Ok(ProfileChoices { languages, selection, documents, packet })
    }

    /// One document of a profile as a job: its languages, layout, paper,
    /// style and files.
    fn document_job(
        &self,
        name: Option<&str>,
        profile: &Profile,
        choices: &ProfileChoices,
        document: &Document,
        several: bool,
    ) -> Result<Job> {
        let (args, source) = (self.args, self.source);
        let at = |key: &'static str, from_profile: bool| in_profile(source, name, key, from_profile);
        let languages = document_languages(document, &choices.languages, several)?;
        let layout = self.layout(name, profile, document, several)?;
        let mut inputs = inputs(source, &layout, &self.font_files);
        let paper = match (args.paper, &profile.paper) {
            (Some(paper), _) => paper,
            (None, Some(field)) => parse_paper(field).map_err(at("paper", true))?,
            (None, None) => Paper::A4,
        };
        let style = self.style(name, profile, document)?;
        if let (Some(photo), Some(dir)) = (&style.photo, &source.dir) {
            inputs.push(dir.join(photo.trim_start_matches('/')));
        }
        // The photo is the user's whether or not this build shows it.
        if let (Some(photo), Some(dir)) = (&self.resume.person.photo, &source.dir) {
            inputs.push(dir.join(photo));
        }
        let pattern = output_pattern(document, name, choices.packet, profile.output.as_deref());
        // Several documents not joined into a packet are several files: `-o`
        // is then their folder, made if need be.
        let folder = several && !choices.packet;
        let targets =
            self.targets(name, &languages, &pattern, &inputs, folder).map_err(at("output", false))?;
        Ok(Job {
            profile: name.map(str::to_string),
            source: self.source_arc.clone(),
            resume: self.resume_arc.clone(),
            targets,
            selection: choices.selection.clone(),
            today: self.today,
            layout,
            paper,
            extra_fonts: self.extra_fonts.clone(),
            allow_missing_glyphs: args.allow_missing_glyphs,
            max_pages: args.max_pages.map(usize::from).or(profile.max_pages),
            inputs,
            allow_plugins: args.allow_plugins,
            allow_overflow: args.allow_overflow,
            allow_over_limit: args.allow_over_limit,
            strict: args.strict,
            formats: self.formats.clone(),
            ppi: args.ppi.unwrap_or(DEFAULT_PPI),
            style,
            document: document.clone(),
            day: crate::today::day(args.source.today.as_deref()),
            packet: choices.packet,
            packet_numbers: args.packet_numbers.or(profile.packet_numbers).unwrap_or_default(),
            page_numbers: None,
            together: several,
            warnings: Vec::new(),
        })
    }

    /// The layout of one document: `--layout` is the résumé's when several
    /// documents are built (each letter and the form keep their own), and
    /// a profile's layout is its résumé's.
    fn layout(
        &self,
        name: Option<&str>,
        profile: &Profile,
        document: &Document,
        several: bool,
    ) -> Result<Layout> {
        let flag = self.args.layout.as_ref().filter(|_| *document == Document::Resume || !several);
        Ok(match (flag, &profile.layout, document) {
            (Some(flag), _, _) => {
                folder_layout(self.source, flag)?.map_or_else(|| Layout::parse(flag), Ok)?
            }
            (None, Some(field), Document::Resume) => {
                profile_layout(self.source, field).map_err(in_profile(self.source, name, "layout", true))?
            }
            (None, _, Document::Letter(_)) => Layout::Builtin("letter"),
            (None, _, Document::Form) => Layout::Builtin("iryeokseo"),
            (None, _, Document::Resume) => Layout::Builtin("classic"),
        })
    }

    /// The accent, size and photo, each checked and any error pointed at
    /// its own key. The form has a photo cell: it shows the photo whenever
    /// there is one.
    fn style(
        &self,
        name: Option<&str>,
        profile: &Profile,
        document: &Document,
    ) -> Result<crate::view::StyleView> {
        let args = self.args;
        let form_photo = (*document == Document::Form && self.resume.person.photo.is_some()).then_some(true);
        let request = crate::style::StyleRequest {
            accent: args.accent.as_deref().or(profile.accent.as_deref()),
            size: args.font_size.or(profile.font_size),
            photo: args.photo.or(form_photo).or(profile.photo),
            short_links: args.short_links.or(profile.short_links).unwrap_or(false),
        };
        crate::style::resolve(&request, self.source, self.resume.person.photo.as_deref()).map_err(|err| {
            let from_profile = match err.field {
                crate::style::StyleField::Accent => args.accent.is_none(),
                crate::style::StyleField::Size => args.font_size.is_none(),
                crate::style::StyleField::Photo => args.photo.is_none(),
            };
            in_profile(self.source, name, err.field.key(), from_profile)(err.error)
        })
    }

    /// Where each language's file goes: placed and checked when the build
    /// writes, only named when it does not.
    fn targets(
        &self,
        name: Option<&str>,
        languages: &[Language],
        pattern: &str,
        inputs: &[PathBuf],
        folder: bool,
    ) -> Result<Vec<(Language, PathBuf)>> {
        if !self.write {
            return Ok(languages
                .iter()
                .map(|l| (*l, PathBuf::from(names::file_name(pattern, name, *l))))
                .collect());
        }
        let output = match (&self.args.output, self.every_profile) {
            (Some(path), _) => Some(path.clone()),
            (None, true) => Some(PathBuf::from("out")),
            (None, false) => None,
        };
        let folder = folder || self.every_profile;
        let place = Place { output: output.as_deref(), pattern, profile: name, folder };
        names::targets(languages, &place, &self.formats, inputs, self.args.output.is_some())
    }
}

/// The languages a document is made in: the form is Korean only, so a
/// build of several documents in several languages makes it in Korean,
/// and a form asked for in another language alone is an error.
fn document_languages(document: &Document, languages: &[Language], several: bool) -> Result<Vec<Language>> {
    let languages: Vec<Language> = match document {
        Document::Form if several && languages.iter().any(|l| l.code == "ko") => {
            languages.iter().copied().filter(|l| l.code == "ko").collect()
        }
        _ => languages.to_vec(),
    };
    if *document == Document::Form
        && let Some(other) = languages.iter().find(|l| l.code != "ko")
    {
        return Err(Error::new(format!(
            "the 이력서 form is Korean only, but `{}` was asked for",
            other.code
        ))
        .with_hint(
            "build it with `--lang ko`; for English, a résumé layout (`--layout international`) serves",
        ));
    }
    Ok(languages)
}

/// A document's file name pattern. A profile's documents carry its name,
/// so that `--profile all` never writes two profiles' forms to one file; a
/// packet is one file for all the documents of a language, and the
/// profile's `output` names it, as it names the résumé.
fn output_pattern(document: &Document, profile: Option<&str>, packet: bool, output: Option<&str>) -> String {
    let prefix = if profile.is_some() { "{profile}-" } else { "" };
    let own = match document {
        // `berlin-letter-en.pdf`, not `berlin-letter-berlin-en.pdf`.
        Document::Letter(id) if Some(id.as_str()) == profile => format!("{prefix}letter-{{lang}}.pdf"),
        Document::Letter(id) => format!("{prefix}letter-{id}-{{lang}}.pdf"),
        Document::Form => format!("{prefix}iryeokseo-{{lang}}.pdf"),
        Document::Resume if profile.is_some() => "{profile}-{lang}.pdf".to_string(),
        Document::Resume => "resume-{lang}.pdf".to_string(),
    };
    match document {
        _ if packet => output.map_or_else(|| format!("{prefix}packet-{{lang}}.pdf"), str::to_string),
        Document::Resume => output.map_or(own, str::to_string),
        Document::Letter(_) | Document::Form => own,
    }
}

/// The files a build reads, which no output may replace.
fn inputs(source: &Source, layout: &Layout, fonts: &[PathBuf]) -> Vec<PathBuf> {
    let mut inputs = fonts.to_vec();
    if let Some(dir) = &source.dir {
        inputs.push(source.path.clone());
        for language in crate::i18n::LANGUAGES {
            inputs.push(dir.join(format!("{}.ftl", language.code)));
            inputs.push(dir.join("i18n").join(format!("{}.ftl", language.code)));
        }
    }
    if let Layout::File(path) = layout {
        inputs.push(path.clone());
    }
    inputs
}

/// Two builds writing one file would race; refuse before building. The
/// parts of one packet share their file: it is written once, joined; a
/// packet is one language's documents, so two languages never share one.
fn refuse_shared_outputs(configs: &[Job]) -> Result<()> {
    let mut seen: Vec<(&Path, Option<(&str, &str)>)> = Vec::new();
    for config in configs {
        for (language, path) in &config.targets {
            let packet = config.packet.then_some((config.profile.as_deref().unwrap_or(""), language.code));
            let shared = seen
                .iter()
                .any(|(other, part_of)| *other == path.as_path() && (packet.is_none() || *part_of != packet));
            if shared {
                return Err(Error::new(format!("two builds would write `{}`", path.display())).with_hint(
                    "give the profiles different `output` patterns, using `{profile}` and `{lang}`",
                ));
            }
            seen.push((path, packet));
        }
    }
    Ok(())
}
