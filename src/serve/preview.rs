//! What the preview shows, and the thread that keeps it current: the
//! watch machinery's polling and settling, builds that write nothing, and
//! the last good pages kept under a build error until it is fixed.

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

use serde::Serialize;

use crate::build::{self, Job, Rendered, Request};
use crate::output::Format;
use crate::watch::{self, Session};

/// One page of one document.
#[derive(Clone)]
pub struct Page {
    /// The page as SVG.
    pub svg: Arc<String>,
    /// Its text, for the text beside the image.
    pub text: String,
}

/// One document in one language.
#[derive(Clone)]
pub struct Built {
    /// The language code.
    pub lang: &'static str,
    /// Its name in the page (`경력기술서`, `자기소개서 (…)`).
    pub title: String,
    /// The file name a download gets (`resume-ko.pdf`).
    pub file: String,
    /// The PDF, from the same build as the pages.
    pub pdf: Arc<Vec<u8>>,
    /// Its pages.
    pub pages: Vec<Page>,
    /// Each page's size in points, for the images' proportions.
    pub sizes: Vec<(f64, f64)>,
    /// What a packet calls it.
    pub names: crate::build::PartNames,
    /// The profile it belongs to, if any.
    pub profile: Option<String>,
}

/// The documents of one language joined into one PDF, as `resume pdf
/// --packet` writes them: offered for download beside the documents when
/// an application has several.
#[derive(Clone)]
pub struct Packet {
    /// The language code.
    pub lang: &'static str,
    /// The file name a download gets (`lumen-packet-ko.pdf`).
    pub file: String,
    /// The joined PDF.
    pub pdf: Arc<Vec<u8>>,
}

/// What the preview shows now.
#[derive(Clone, Default)]
pub struct Snapshot {
    /// Bumped on every change the page must fetch.
    pub version: u64,
    /// Bumped when the pages change (not when only an error comes or goes).
    pub generation: u64,
    /// The last good documents, in build order.
    pub documents: Vec<Built>,
    /// Each language's documents joined, when there are several.
    pub packets: Vec<Packet>,
    /// The last build's error, shown over the last good pages.
    pub error: Option<String>,
    /// How long the last build took.
    pub elapsed_ms: u64,
    /// The résumé's profiles, for the page's control.
    pub profiles: Vec<String>,
    /// The layouts that can be chosen.
    pub layouts: Vec<String>,
    /// What `check` says of the words (spacing, spelling, consistency),
    /// one line each with its place, shown beside the pages.
    pub style: Vec<String>,
    /// The web page `resume html` writes of the same choice, every
    /// language in one page, shown in its own tab.
    pub site: Option<Arc<String>>,
}

/// The choice the page's controls made: a profile and a layout, `None`
/// for what the command line said.
#[derive(Clone, Default, PartialEq, Eq, Serialize)]
pub struct Choice {
    /// A stored profile's name.
    pub profile: Option<String>,
    /// A layout's name.
    pub layout: Option<String>,
}

/// The state shared by the builder and the connections.
#[derive(Default)]
pub struct Shared {
    /// The snapshot, with a signal for the event streams.
    pub snapshot: Mutex<Snapshot>,
    /// Signalled on every new snapshot.
    pub changed: Condvar,
    /// The controls' choice, and how many times it changed.
    pub choice: Mutex<(Choice, u64)>,
    /// Set to stop every thread.
    pub stop: AtomicBool,
    /// The way to the worker that builds (the server's side only), for
    /// the page's choices.
    pub worker: Mutex<Option<std::process::ChildStdin>>,
}

impl Shared {
    /// Changes the snapshot and tells every event stream.
    pub fn publish(&self, update: impl FnOnce(&mut Snapshot)) {
        let mut snapshot = self.snapshot.lock().expect("the snapshot");
        update(&mut snapshot);
        snapshot.version += 1;
        self.changed.notify_all();
    }
}

/// The request a build of the preview makes: the command line's, with the
/// controls' choice, as PDF and SVG, each document on its own.
fn request_for(args: &Request, choice: &Choice) -> Request {
    let mut request = args.clone();
    // A profile chosen in the page builds as the profile says, in its
    // own languages.
    if let Some(profile) = &choice.profile {
        request.profile = Some(profile.clone());
        request.lang = None;
    }
    if let Some(layout) = &choice.layout {
        request.layout = Some(layout.clone());
    }
    request.formats = vec![Format::Pdf, Format::Svg];
    request.packet = Some(false);
    request.output = None;
    request
}

/// Builds now and after every change of the files or of the choice,
/// until told to stop. Runs on its own thread, in the worker. What is
/// about to be built (the files' state and the choice) is announced
/// first; `skip` is such a key that ran away in the last worker, not
/// built again until something changes.
pub fn run(
    args: Request,
    input: Option<PathBuf>,
    shared: Arc<Shared>,
    max_builds: Option<usize>,
    skip: Option<(String, Vec<PathBuf>)>,
    announce: fn(&str, &[PathBuf]),
) {
    let mut session = Session::default();
    // A restarted worker watches what the last one watched, so that what
    // ran away is recognised.
    let (mut seen, mut files) = match skip {
        Some((key, files)) => (Some(key), files),
        None => (None, watch::watched(input.as_deref(), &[], &[])),
    };
    let mut builds = 0;
    while !shared.stop.load(Ordering::Relaxed) {
        let (choice, _) = shared.choice.lock().expect("the choice").clone();
        let key = |files: &[PathBuf]| {
            format!("{}\u{1f}{}", watch::state(files), super::worker::choice_line(&choice))
        };
        let now = key(&files);
        if seen.as_ref() == Some(&now) {
            std::thread::sleep(watch::POLL);
            continue;
        }
        std::thread::sleep(watch::SETTLE);
        if key(&files) != now {
            continue; // still being written
        }
        seen = Some(now.clone());
        if input.as_deref().is_some_and(|i| !i.is_file()) {
            continue; // an editor replacing the file: wait for it
        }
        announce(&now, &files);
        let read = build(&request_for(&args, &choice), &mut session, &shared);
        files = watch::watched(input.as_deref(), &read.0, &read.1);
        seen = Some(key(&files));
        builds += 1;
        if max_builds.is_some_and(|max| builds >= max) {
            shared.stop.store(true, Ordering::Relaxed);
        }
    }
}

/// One build: a new snapshot, or the error over the last one. Returns the
/// jobs and the files their layouts read, to watch.
fn build(request: &Request, session: &mut Session, shared: &Shared) -> (Vec<Job>, Vec<PathBuf>) {
    let start = Instant::now();
    let jobs = match build::unwritten(request) {
        Ok(jobs) => jobs,
        Err(err) => {
            typst::comemo::evict(10);
            eprintln!("{err}\nwaiting for a fix…");
            shared.publish(|s| s.error = Some(err.to_string()));
            return (Vec::new(), Vec::new());
        }
    };
    let mut documents = Vec::new();
    let mut errors = Vec::new();
    let mut read = Vec::new();
    for built in session.render(&jobs) {
        match built.result {
            Ok(rendered) => {
                read.extend(rendered.read.iter().cloned());
                documents.push(document(&built.job.profile, built.language.code, built.target, &rendered));
            }
            // One mistake fails every document that reads it: said once.
            Err(err) => {
                let error = err.to_string();
                if !errors.contains(&error) {
                    errors.push(error);
                }
            }
        }
    }
    typst::comemo::evict(10);
    let elapsed_ms = start.elapsed().as_millis() as u64;
    let profiles: Vec<String> =
        jobs.first().map(|j| j.resume.profiles.keys().cloned().collect()).unwrap_or_default();
    let layouts = layouts(jobs.first());
    // The words, as `check` reads them, beside the pages.
    let style: Vec<String> = jobs
        .first()
        .map(|job| crate::check::style::check_style(&job.source, job.today))
        .unwrap_or_default()
        .iter()
        .map(|warning| match &warning.location {
            Some(at) => format!("{}:{}:{}: {}", at.file, at.line, at.column, warning.message),
            None => warning.message.clone(),
        })
        .collect();
    let site = site(&jobs);
    if errors.is_empty() {
        let pages: usize = documents.iter().map(|d| d.pages.len()).sum();
        eprintln!("built {} documents ({pages} pages) in {elapsed_ms} ms", documents.len());
        let packets = packets(&documents);
        shared.publish(|s| {
            s.packets = packets;
            s.documents = documents;
            s.generation += 1;
            s.error = None;
            s.elapsed_ms = elapsed_ms;
            s.profiles = profiles;
            s.layouts = layouts;
            s.style = style;
            s.site = site;
        });
    } else {
        let error = errors.join("\n\n");
        eprintln!("{error}\nwaiting for a fix…");
        shared.publish(|s| {
            s.error = Some(error);
            s.profiles = profiles;
            s.layouts = layouts;
        });
    }
    (jobs, read)
}

/// The web page of the build's résumé, in each of its languages, from the
/// very views the PDFs typeset; `None` when the choice holds no résumé
/// (letters alone) or a view cannot be made.
fn site(jobs: &[Job]) -> Option<Arc<String>> {
    let job = jobs.iter().find(|j| j.document == build::Document::Resume)?;
    let views = job
        .targets
        .iter()
        .map(|(language, _)| {
            build::catalogue(&job.source, *language).and_then(|c| build::document_view(job, &c))
        })
        .collect::<crate::Result<Vec<_>>>()
        .ok()?;
    if views.is_empty() {
        return None;
    }
    let options = crate::formats::html::PageOptions { single_file: true, ..Default::default() };
    Some(Arc::new(crate::formats::html::page(&views, options).html))
}

/// A rendered document as the page offers it: its PDF, and each page
/// as SVG with its text.
fn document(
    profile: &Option<String>,
    lang: &'static str,
    target: &std::path::Path,
    rendered: &Rendered,
) -> Built {
    let encoded =
        |format| rendered.encoded.iter().find(|(f, _)| *f == format).map(|(_, files)| files.clone());
    let pdf = encoded(Format::Pdf).and_then(|f| f.into_iter().next()).unwrap_or_default();
    let svgs = encoded(Format::Svg).unwrap_or_default();
    let pages = svgs
        .into_iter()
        .zip(rendered.texts.iter().cloned().chain(std::iter::repeat(String::new())))
        .map(|(svg, text)| Page { svg: Arc::new(String::from_utf8_lossy(&svg).into_owned()), text })
        .collect();
    Built {
        lang,
        title: rendered.names.title.clone(),
        file: target.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default(),
        pdf: Arc::new(pdf),
        pages,
        sizes: rendered.sizes.clone(),
        names: rendered.names.clone(),
        profile: profile.clone(),
    }
}

/// Each language's documents joined into one PDF, when a language has
/// several: the same join `resume pdf --packet` makes. A packet that
/// cannot be joined is left out; its documents are still offered.
fn packets(documents: &[Built]) -> Vec<Packet> {
    let mut packets = Vec::new();
    let mut languages: Vec<&'static str> = documents.iter().map(|d| d.lang).collect();
    languages.dedup();
    for lang in languages {
        let parts: Vec<&Built> = documents.iter().filter(|d| d.lang == lang).collect();
        let Some(first) = parts.first().filter(|_| parts.len() > 1) else { continue };
        let joined: Vec<crate::output::packet::Part> = parts
            .iter()
            .map(|d| crate::output::packet::Part {
                title: &d.names.title,
                label: &d.names.label,
                lang: d.lang,
                pdf: &d.pdf,
            })
            .collect();
        let ident = format!("resume-packet-{lang}-{}", first.names.author);
        let meta = crate::output::packet::Meta {
            title: &first.names.packet,
            author: &first.names.author,
            lang,
            ident: &ident,
        };
        let Ok(pdf) = crate::output::packet::join(&joined, &meta) else { continue };
        let pattern =
            if first.profile.is_some() { "{profile}-packet-{lang}.pdf" } else { "packet-{lang}.pdf" };
        let language = crate::i18n::Language::negotiate(lang).expect("a language that was built");
        let file = crate::build::file_name(pattern, first.profile.as_deref(), language);
        packets.push(Packet { lang, file, pdf: Arc::new(pdf) });
    }
    packets
}

/// The built-in layouts, then the résumé's own (`layouts/NAME.typ`).
fn layouts(job: Option<&Job>) -> Vec<String> {
    // Résumé layouts only: the letters and the form keep their own.
    let mut names: Vec<String> =
        crate::typeset::world::LAYOUTS.iter().filter(|l| !l.letters).map(|l| l.name.to_string()).collect();
    let folder = job.and_then(|j| j.source.dir.clone()).map(|d| d.join("layouts"));
    if let Some(entries) = folder.and_then(|f| std::fs::read_dir(f).ok()) {
        let mut own: Vec<String> = entries
            .filter_map(|e| e.ok()?.file_name().into_string().ok())
            .filter_map(|name| name.strip_suffix(".typ").map(str::to_string))
            .filter(|name| crate::typeset::world::is_layout_name(name) && !names.contains(name))
            .collect();
        own.sort();
        names.extend(own);
    }
    names
}

/// How long an event stream waits before a keep-alive comment.
pub const KEEP_ALIVE: Duration = Duration::from_secs(15);
