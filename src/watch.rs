//! `resume watch`: rebuild on save, in milliseconds.
//!
//! The résumé, its translation files and a custom layout are polled for
//! changes (a few stat calls every 10 ms cost nothing measurable and need
//! no platform watcher, and a save is seen within 10 ms). Each rebuild runs the whole pipeline; Typst's memoization
//! makes the layout incremental, and its caches are trimmed after every
//! build, failed ones too, so memory stays flat over hours of editing.

use std::collections::HashMap;
use std::path::PathBuf;
use std::time::{Duration, Instant, SystemTime};

use crate::cli::PdfArgs;
use crate::config;
use crate::error::Result;
use crate::output;
use crate::pipeline;
use crate::world::ResumeWorld;

/// How often files are polled.
const POLL: Duration = Duration::from_millis(10);

/// The files whose change triggers a rebuild.
fn watched(args: &PdfArgs) -> Vec<PathBuf> {
    let input = args.source.input.clone().unwrap_or_else(|| PathBuf::from("resume.toml"));
    let dir = input.parent().map(PathBuf::from).unwrap_or_default();
    let mut files = vec![input];
    for lang in crate::i18n::LANGUAGES {
        files.push(dir.join(format!("{}.ftl", lang.code)));
        files.push(dir.join("i18n").join(format!("{}.ftl", lang.code)));
    }
    if let Some(layout) = &args.layout
        && layout.ends_with(".typ")
    {
        files.push(PathBuf::from(layout));
    }
    files
}

fn stamps(files: &[PathBuf]) -> Vec<Option<SystemTime>> {
    files.iter().map(|f| std::fs::metadata(f).and_then(|m| m.modified()).ok()).collect()
}

/// Builds once, then again after every change, until interrupted. With
/// `max_builds`, stops after that many builds (for tests).
pub fn watch(args: &PdfArgs, max_builds: Option<usize>) -> Result<()> {
    let files = watched(args);
    let mut session = Session::default();
    let mut seen = None;
    let mut builds = 0;
    loop {
        let now = stamps(&files);
        if seen.as_ref() != Some(&now) {
            seen = Some(now);
            for line in session.rebuild(args) {
                eprintln!("{line}");
            }
            builds += 1;
            if max_builds.is_some_and(|max| builds >= max) {
                return Ok(());
            }
        }
        std::thread::sleep(POLL);
    }
}

/// What lives from one rebuild to the next: a Typst world per output, so
/// that only what an edit touched is laid out again.
#[derive(Default)]
pub struct Session {
    worlds: HashMap<String, ResumeWorld>,
}

impl Session {
    /// Rebuilds every output `args` ask for, in parallel, and returns one
    /// line per output (or the error) with its time. A bad edit is a line
    /// too, never a failure. Typst's caches are trimmed afterwards, failed
    /// builds included, so memory stays flat over hours of editing.
    pub fn rebuild(&mut self, args: &PdfArgs) -> Vec<String> {
        let start = Instant::now();
        let configs = match config::configure(args) {
            Ok(configs) => configs,
            Err(err) => {
                typst::comemo::evict(10);
                return vec![format!("{err}\nwaiting for a fix…")];
            }
        };
        let mut jobs = Vec::new();
        for config in &configs {
            for (language, path) in &config.targets {
                let key = format!(
                    "{}|{}|{:?}|{:?}",
                    path.display(),
                    language.code,
                    config.layout,
                    config.source.dir
                );
                let world = match self.worlds.remove(&key) {
                    Some(world) => Ok(world),
                    None => pipeline::world_for(config),
                };
                jobs.push((key, config, *language, path, world));
            }
        }
        let finished: Vec<_> = std::thread::scope(|scope| {
            let handles: Vec<_> = jobs
                .into_iter()
                .map(|(key, config, language, path, world)| {
                    scope.spawn(move || match world {
                        Ok(mut world) => {
                            let result = pipeline::render_in(config, language, &mut world);
                            (key, Some(world), path, result)
                        }
                        Err(err) => (key, None, path, Err(err)),
                    })
                })
                .collect();
            handles.into_iter().map(|h| h.join().expect("a build thread panicked")).collect()
        });
        let mut lines = Vec::new();
        for (key, world, path, result) in finished {
            if let Some(world) = world {
                self.worlds.insert(key, world);
            }
            let written =
                result.and_then(|rendered| output::write_atomic(path, &rendered.pdf).map(|()| rendered));
            let elapsed = start.elapsed().as_secs_f64() * 1e3;
            lines.push(match written {
                Ok(rendered) => {
                    let pages = if rendered.pages == 1 { "page" } else { "pages" };
                    format!("built {} ({} {pages}) in {elapsed:.0} ms", path.display(), rendered.pages)
                }
                Err(err) => format!("{err}\nwaiting for a fix…"),
            });
        }
        typst::comemo::evict(10);
        lines
    }
}
