//! `resume watch`: rebuild on save, in milliseconds.
//!
//! The résumé, its translation files and every layout file the builds use
//! are polled for changes (a few stat calls every 10 ms cost nothing
//! measurable and need no platform watcher, and a save is seen within
//! 10 ms); a build starts once the files have been still for 50 ms, so
//! that a save in progress is never built. Each rebuild runs the whole pipeline; Typst's memoization makes
//! the layout incremental, and its caches are trimmed after every build,
//! failed ones too, so memory stays flat over hours of editing.
//!
//! The résumé is resolved once, at start: when it vanishes for a moment
//! (editors that save by delete and create), watch waits for it to come
//! back and never falls back to another file, so the last good PDF is never
//! replaced by someone else's résumé. A build that runs past its deadline
//! cannot be interrupted inside the process, so watch reports it and
//! restarts itself in place (same process id, same arguments), then waits
//! for the next change.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::{Duration, Instant, SystemTime};

use crate::build;
use crate::build::Request;
use crate::error::{Error, Result};
use crate::output;
use crate::typeset::world::ResumeWorld;

/// How often files are polled.
pub(crate) const POLL: Duration = Duration::from_millis(10);

/// How long the files must stay unchanged before a build starts. A save
/// is not one event: the file is truncated, then written, sometimes in
/// several pieces, and a build started in between reads half a résumé
/// (`missing field person`) and prints an error the user never caused.
pub(crate) const SETTLE: Duration = Duration::from_millis(50);

/// Set by a restart after a build ran out of time or memory: the files'
/// state at that moment, which is not to be built again.
const SKIP_STATE: &str = "RESUME_WATCH_SKIP";

/// Set by a restart: the résumé the first run resolved (empty for the
/// built-in example), so that a restart never resolves it afresh.
const RESOLVED_INPUT: &str = "RESUME_WATCH_INPUT";

/// The files' state of the build in flight, for a restart to skip.
static BUILDING: Mutex<String> = Mutex::new(String::new());

/// The résumé this session watches, for a restart to keep.
static WATCHING: Mutex<Option<PathBuf>> = Mutex::new(None);

/// The files whose change triggers a rebuild: the résumé and its
/// translations, every file the last jobs named as input (a layout from a
/// flag or a profile, fonts), and every file the last builds' layouts
/// actually opened (`read`: an image, a file a custom layout imports).
pub(crate) fn watched(input: Option<&Path>, configs: &[crate::build::Job], read: &[PathBuf]) -> Vec<PathBuf> {
    let mut files = Vec::new();
    if let Some(input) = input {
        files.push(input.to_path_buf());
        let dir = input.parent().map(PathBuf::from).unwrap_or_default();
        for lang in crate::i18n::LANGUAGES {
            files.push(dir.join(format!("{}.ftl", lang.code)));
            files.push(dir.join("i18n").join(format!("{}.ftl", lang.code)));
        }
    }
    for path in configs.iter().flat_map(|c| &c.inputs).chain(read) {
        if !files.contains(path) {
            files.push(path.clone());
        }
    }
    files
}

/// The files' modification times and sizes, as one comparable string.
pub(crate) fn state(files: &[PathBuf]) -> String {
    files
        .iter()
        .map(|f| match std::fs::metadata(f) {
            Ok(meta) => format!("{:?}/{}", meta.modified().unwrap_or(SystemTime::UNIX_EPOCH), meta.len()),
            Err(_) => "-".to_string(),
        })
        .collect::<Vec<_>>()
        .join("|")
}

/// Resolves the résumé once: `--input`, else `./resume.toml` if it exists
/// now, else the built-in example for the whole session; a restarted
/// session keeps what the first run resolved.
fn resolve_input(args: &Request) -> Option<PathBuf> {
    if let Some(resolved) = std::env::var_os(RESOLVED_INPUT) {
        return (!resolved.is_empty()).then(|| PathBuf::from(resolved));
    }
    args.source
        .input
        .clone()
        .or_else(|| std::fs::symlink_metadata("resume.toml").is_ok().then(|| PathBuf::from("resume.toml")))
}

/// Builds once, then again after every change, until interrupted. With
/// `max_builds`, stops after that many builds (for tests).
pub fn watch(args: &Request, max_builds: Option<usize>) -> Result<()> {
    if args.output.as_deref().is_some_and(output::is_stdout) {
        return Err(Error::new("watch cannot write to standard output")
            .with_hint("give a file with `-o`, such as `-o resume-ko.pdf`"));
    }
    crate::limits::set_on_exceeded(restart);
    let input = resolve_input(args);
    *WATCHING.lock().expect("watched input") = input.clone();
    let mut args = args.clone();
    // Each document is rebuilt and written on its own, as it changes.
    if args.packet == Some(true) {
        eprintln!("note: watch writes each document to its own file; `resume pdf --packet` joins them");
    }
    args.packet = Some(false);
    // Found by its name rather than given: held to its folder at every
    // rebuild, as `pdf` holds it.
    args.source.found = args.source.input.is_none() && input.is_some();
    args.source.input = input.clone();
    if input.is_none() {
        eprintln!("note: no resume.toml here and no --input given; watching the built-in example");
    }
    let mut session = Session::default();
    // The configurations name the layout files to watch too; a restarted
    // watch needs them before its first build, which it may skip.
    let mut files = watched(input.as_deref(), &build::configure(&args).unwrap_or_default(), &[]);
    let mut seen = std::env::var(SKIP_STATE).ok();
    let mut waiting_for_input = false;
    let mut builds = 0;
    loop {
        let now = state(&files);
        if seen.as_ref() != Some(&now) {
            std::thread::sleep(SETTLE);
            if state(&files) != now {
                continue; // still being written
            }
            seen = Some(now.clone());
            if let Some(input) = input.as_deref().filter(|i| !i.is_file()) {
                if !waiting_for_input {
                    eprintln!("`{}` is gone; waiting for it to come back…", input.display());
                    waiting_for_input = true;
                }
                std::thread::sleep(POLL);
                continue;
            }
            waiting_for_input = false;
            *BUILDING.lock().expect("build state") = now;
            let (lines, configs, read) = session.rebuild_with(&args);
            for line in lines {
                eprintln!("{}", crate::error::escape_controls(&line));
            }
            let next = watched(input.as_deref(), &configs, &read);
            if next != files {
                files = next;
                seen = Some(state(&files));
            }
            builds += 1;
            if max_builds.is_some_and(|max| builds >= max) {
                return Ok(());
            }
        }
        std::thread::sleep(POLL);
    }
}

/// Reports a build that ran out of time or memory, then starts watch
/// afresh in this process, telling the new run to skip the state that
/// caused it: the runaway build's thread cannot be stopped any other way.
fn restart(error: &Error) -> ! {
    eprintln!("{error}\nwaiting for a change…");
    let skip = BUILDING.lock().map(|s| s.clone()).unwrap_or_default();
    let input = WATCHING.lock().ok().and_then(|i| i.clone()).unwrap_or_default();
    #[cfg(unix)]
    if let Ok(program) = std::env::current_exe() {
        use std::os::unix::process::CommandExt;
        let failure = std::process::Command::new(program)
            .args(std::env::args_os().skip(1))
            .env(SKIP_STATE, skip)
            .env(RESOLVED_INPUT, input)
            .exec();
        eprintln!("error: cannot restart watch: {failure}");
    }
    std::process::exit(1)
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
    pub fn rebuild(&mut self, args: &Request) -> Vec<String> {
        self.rebuild_with(args).0
    }

    /// Like [`Self::rebuild`], also returning the jobs built and the files
    /// their layouts read, so that watch knows what to watch.
    fn rebuild_with(&mut self, args: &Request) -> (Vec<String>, Vec<crate::build::Job>, Vec<PathBuf>) {
        let start = Instant::now();
        let configs = match build::configure(args) {
            Ok(configs) => configs,
            Err(err) => {
                typst::comemo::evict(10);
                return (vec![format!("{err}\nwaiting for a fix…")], Vec::new(), Vec::new());
            }
        };
        let finished: Vec<Result<(build::Rendered, build::Written)>> = self
            .render(&configs)
            .into_iter()
            .map(|built| {
                let rendered = built.result?;
                let files = build::write(built.target, &rendered, &built.job.inputs)?;
                Ok((rendered, files))
            })
            .collect();
        let mut lines = Vec::new();
        let mut read = Vec::new();
        for outcome in finished {
            let elapsed = start.elapsed().as_secs_f64() * 1e3;
            let built = outcome.map(|(rendered, written)| {
                read.extend(rendered.read);
                written
            });
            lines.push(match built {
                Ok(written) => {
                    let pages = written.pages;
                    let noun = if pages == 1 { "page" } else { "pages" };
                    let mut line = String::new();
                    for warning in &written.warnings {
                        line.push_str(&format!("{warning}\n"));
                    }
                    line.push_str(&format!(
                        "built {} ({pages} {noun}) in {elapsed:.0} ms",
                        output::written(&written.files)
                    ));
                    line
                }
                Err(err) => format!("{err}\nwaiting for a fix…"),
            });
        }
        typst::comemo::evict(10);
        (lines, configs, read)
    }

    /// Renders every output of `jobs` in parallel, each in the world it
    /// had last time, writing nothing: `watch` writes the results, `serve`
    /// shows them.
    pub fn render<'a>(&mut self, jobs: &'a [crate::build::Job]) -> Vec<Built<'a>> {
        let mut work = Vec::new();
        for config in jobs {
            for (language, path) in &config.targets {
                let key = format!(
                    "{}|{}|{:?}|{:?}|{:?}",
                    path.display(),
                    language.code,
                    config.layout,
                    config.source.dir,
                    config.document
                );
                let world = self.worlds.remove(&key);
                work.push(Mutex::new(Some((key, config, *language, path, world))));
            }
        }
        let finished = build::on_pool(&work, |job| {
            let (key, config, language, path, world) = job.lock().expect("a job").take().expect("run once");
            let mut world = match world {
                Some(world) => world,
                None => match build::world_for(config) {
                    Ok(world) => world,
                    Err(err) => {
                        return Ok((None, Built { job: config, language, target: path, result: Err(err) }));
                    }
                },
            };
            let result = build::render_in(config, language, &mut world);
            Ok((Some((key, world)), Built { job: config, language, target: path, result }))
        });
        let mut built = Vec::new();
        for outcome in finished {
            // The pool returns an error only for a thread that stopped.
            let Ok((world, one)) = outcome else { continue };
            if let Some((key, world)) = world {
                self.worlds.insert(key, world);
            }
            built.push(one);
        }
        built
    }
}

/// One output rendered by [`Session::render`].
pub struct Built<'a> {
    /// Its job.
    pub job: &'a crate::build::Job,
    /// Its language.
    pub language: crate::i18n::Language,
    /// The file it is for.
    pub target: &'a PathBuf,
    /// The document, or why there is none.
    pub result: Result<build::Rendered>,
}
