//! Many builds at once: every language of every job on a pool the size of
//! the machine's cores, each written as soon as it is done (or gathered
//! into its packet), each outcome reported on its own.

use std::path::{Path, PathBuf};

use crate::error::{Error, Result};
use crate::i18n::Language;
use crate::model::PacketNumbers;
use crate::output::{self, Format};

use super::job::Job;
use super::render::{Rendered, measure_language, render_language};

/// Builds every language of every config and writes each PDF as soon as
/// it is done, on a pool the size of the machine's cores (a thousand
/// profiles are a thousand jobs, not a thousand threads, and only the
/// documents in flight are held in memory). Each outcome is reported on
/// its own: a failed build never touches its output file, and does not
/// stop the others. The documents of one application (a profile's several
/// documents) are written all or none: none is sent without the rest.
pub fn build(configs: &[Job]) -> Vec<Result<Written>> {
    let jobs = jobs(configs);
    let outcomes = on_pool(&jobs, |(config, language, path)| {
        let rendered = render_language(config, *language);
        trim_caches(jobs.len());
        let rendered = rendered?;
        if config.packet || config.together {
            // Written once all its documents are done: joined, or each.
            return Ok(Built::Part(rendered));
        }
        Ok(Built::Written(write(path, &rendered, &config.inputs)?))
    });
    let mut results = Vec::new();
    let mut applications: Vec<Application> = Vec::new();
    for ((config, _, path), outcome) in jobs.iter().zip(&outcomes) {
        if !config.together || config.packet {
            continue;
        }
        let index = match applications.iter().position(|a| a.profile == config.profile.as_deref()) {
            Some(index) => index,
            None => {
                applications.push(Application {
                    profile: config.profile.as_deref(),
                    parts: Vec::new(),
                    failed: false,
                });
                applications.len() - 1
            }
        };
        match outcome {
            Ok(_) => applications[index].parts.push(path),
            Err(_) => applications[index].failed = true,
        }
    }
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
                    jobs: Vec::new(),
                    failed: false,
                });
                packets.len() - 1
            }
        });
        let application = (config.together && !config.packet)
            .then(|| applications.iter().find(|a| a.profile == config.profile.as_deref()))
            .flatten();
        match (outcome, packet) {
            (Ok(Built::Written(written)), _) => results.push(Ok(written)),
            (Ok(Built::Part(rendered)), Some(index)) => {
                packets[index].parts.push(rendered);
                packets[index].jobs.push(config);
            }
            (Ok(Built::Part(rendered)), None) => match application {
                Some(application) if application.failed => {}
                _ => results.push(write(path, &rendered, &config.inputs)),
            },
            (Err(err), packet) => {
                if let Some(index) = packet {
                    packets[index].failed = true;
                }
                results.push(Err(err));
            }
        }
    }
    for packet in packets.iter_mut().filter(|p| !p.failed) {
        results.push(packet.renumber().and_then(|()| packet.write()));
    }
    for application in applications.iter().filter(|a| a.failed && !a.parts.is_empty()) {
        let names: Vec<String> = application.parts.iter().map(|path| path.display().to_string()).collect();
        results.push(Err(Error::new(format!(
            "{} not written: a document of the same application failed, and none is sent without the rest",
            names.join(", ")
        ))
        .with_hint("fix the error above and build again; earlier files are left as they were")));
    }
    results
}

/// The documents of one application built as separate files: written all
/// or none.
struct Application<'a> {
    profile: Option<&'a str>,
    /// The files of the parts that built.
    parts: Vec<&'a PathBuf>,
    failed: bool,
}

/// What one build of [`build`] gave: files written, or a packet's part.
enum Built {
    Written(Written),
    Part(Rendered),
}

/// What one output of a build wrote, and what it warns about.
#[derive(Debug)]
pub struct Written {
    /// The files, in order.
    pub files: Vec<PathBuf>,
    /// How many pages (none for a Word document, which Word lays out).
    pub pages: usize,
    /// Warnings and notes, for the caller to show.
    pub warnings: Vec<Error>,
}

/// The documents of one packet, gathered in the order they were asked for.
struct Packet<'a> {
    path: &'a PathBuf,
    language: Language,
    inputs: &'a [PathBuf],
    parts: Vec<Rendered>,
    /// The job of each part, in the same order.
    jobs: Vec<&'a Job>,
    /// A part failed: the packet is not written, lest it lack a document.
    failed: bool,
}

impl Packet<'_> {
    /// A packet numbered throughout is typeset a second time, once its
    /// parts' pages are known: each part then counts on from the last
    /// part's final page, out of the packet's total. Typeset in one pass,
    /// a part could not know the total.
    fn renumber(&mut self) -> Result<()> {
        let throughout = self.jobs.first().is_some_and(|job| job.packet_numbers == PacketNumbers::Throughout);
        if !throughout {
            return Ok(());
        }
        let total = self.parts.iter().map(|part| part.pages).sum();
        let mut offset = 0;
        let mut numbered = Vec::new();
        for (job, part) in self.jobs.iter().zip(&self.parts) {
            numbered.push(((*job).renumbered(offset, total), self.language));
            offset += part.pages;
        }
        let rendered = on_pool(&numbered, |(job, language)| render_language(job, *language));
        self.parts = rendered.into_iter().collect::<Result<Vec<_>>>()?;
        Ok(())
    }

    /// Joins the parts and writes the packet, as one PDF is written.
    fn write(&self) -> Result<Written> {
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
            warnings: self.parts.iter().flat_map(|p| p.warnings.iter().cloned()).collect(),
        };
        write(self.path, &rendered, self.inputs)
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
/// which files it wrote, with the document's warnings.
pub fn write(target: &Path, rendered: &Rendered, inputs: &[PathBuf]) -> Result<Written> {
    let mut warnings = rendered.warnings.clone();
    if output::is_stdout(target) {
        let (_, files) = rendered.encoded.first().ok_or_else(|| Error::new("nothing was encoded"))?;
        output::write_atomic(target, &files.concat())?;
        return Ok(Written { files: vec![target.to_path_buf()], pages: rendered.pages, warnings });
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
            warnings.push(
                Error::new(format!(
                    "`{}` is left from an earlier build with more pages; this one has {}",
                    next.display(),
                    pages.len()
                ))
                .into_note(),
            );
        }
    }
    let files = files.into_iter().map(|(path, _)| path).collect();
    Ok(Written { files, pages: rendered.pages, warnings })
}

/// Renders every language of every config on the pool, writing nothing;
/// each outcome (the page count, or the error) comes with the config,
/// language and target it belongs to.
pub fn render_all(configs: &[Job]) -> Vec<(Target<'_>, Result<Tried>)> {
    let jobs = jobs(configs);
    let results = on_pool(&jobs, |(config, language, _)| {
        let pages = render_language(config, *language).map(|r| (r.pages, r.warnings));
        trim_caches(jobs.len());
        pages
    });
    jobs.into_iter().zip(results).collect()
}

/// Like [`render_all`], for whether each fits its page budget: typeset
/// and checked, not encoded (see [`measure_language`]).
pub fn measure_all(configs: &[Job]) -> Vec<(Target<'_>, Result<Tried>)> {
    let jobs = jobs(configs);
    let results = on_pool(&jobs, |(config, language, _)| {
        let measured = measure_language(config, *language);
        trim_caches(jobs.len());
        measured
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

/// What a build that writes nothing gave: its pages and its warnings.
pub type Tried = (usize, Vec<Error>);

/// One output of a build: its config, language and file.
pub type Target<'a> = (&'a Job, Language, &'a PathBuf);
