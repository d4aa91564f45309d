//! The builds of `serve` run in a worker process, so that no build can
//! end the server. A layout is a program; one that loops or grows past the
//! memory ceiling cannot be stopped inside the process that runs it, only
//! ended with it. The server therefore starts itself again as a worker
//! (the same command line, with [`WORKER`] set), which watches the files,
//! builds, and sends each new snapshot up its standard output; the server
//! keeps the last good pages, and when the worker ends past a limit it
//! shows that error over them and starts a new worker, which skips what
//! ran away until a file or the choice changes (as `watch` does).
//!
//! The worker speaks in frames: one tag byte, then length-prefixed fields.

use std::io::{self, BufReader, Read, Write};
use std::path::PathBuf;
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::time::Duration;

use super::preview::{self, Built, Choice, Packet, Page, Shared, Snapshot};
use crate::build::Request;
use crate::error::Error;

/// Set in a worker's environment; the value is what it builds.
pub const WORKER: &str = "RESUME_SERVE_WORKER";

/// The résumé the server resolved once, for every worker it starts (empty
/// for the built-in example).
const INPUT: &str = "RESUME_SERVE_INPUT";

/// What a restarted worker must not build again: the files' state and the
/// choice under which the last worker ran past its limit, and the files
/// it watched then, a line each.
const SKIP: &str = "RESUME_SERVE_SKIP";
const SKIP_FILES: &str = "RESUME_SERVE_SKIP_FILES";

/// The page's choice when a worker starts, as a choice line: set before
/// its first build, so that it never builds what the page no longer shows.
const CHOICE: &str = "RESUME_SERVE_CHOICE";

const SNAPSHOT: u8 = b'S';
const BUILDING: u8 = b'B';
const EXCEEDED: u8 = b'X';

// ---------------------------------------------------------------- worker side

/// Whether this process is a worker.
pub fn is_worker() -> bool {
    std::env::var_os(WORKER).is_some()
}

/// The worker: builds as the server's command line asks, sends every
/// snapshot up, takes the page's choices from its standard input, and
/// ends, saying why, when a build runs past a limit.
pub fn work(mut args: Request, max_builds: Option<usize>) -> crate::error::Result<()> {
    let input = std::env::var_os(INPUT).filter(|i| !i.is_empty()).map(PathBuf::from);
    // As the server resolved it: found by its name, it is held to its
    // folder at every build.
    args.source.found = args.source.input.is_none() && input.is_some();
    args.source.input = input.clone();
    let skip = std::env::var(SKIP).ok().map(|key| {
        let files = std::env::var_os(SKIP_FILES).unwrap_or_default();
        let files = files.to_string_lossy().lines().map(PathBuf::from).collect();
        (key, files)
    });
    crate::limits::set_on_exceeded(exceeded);
    let shared = Arc::new(Shared::default());
    if let Ok(line) = std::env::var(CHOICE) {
        shared.choice.lock().expect("the choice").0 = parse_choice(&line);
    }
    {
        let shared = shared.clone();
        std::thread::spawn(move || take_choices(&shared));
    }
    {
        let shared = shared.clone();
        std::thread::spawn(move || send_snapshots(&shared));
    }
    let builder = {
        let shared = shared.clone();
        std::thread::Builder::new()
            .name("build".into())
            .stack_size(crate::build::BUILD_STACK)
            .spawn(move || preview::run(args, input, shared, max_builds, skip, announce))
            .map_err(|err| Error::new(format!("cannot start the build thread: {err}")))?
    };
    let _ = builder.join();
    // The last snapshot goes up before the worker ends.
    send(&snapshot_frame(&shared.snapshot.lock().expect("the snapshot")));
    Ok(())
}

/// The page's choices, a line each: `profile<TAB>layout`, empty for none.
fn take_choices(shared: &Shared) {
    let mut line = String::new();
    let stdin = io::stdin();
    while stdin.read_line(&mut line).is_ok_and(|n| n > 0) {
        let next = parse_choice(line.trim_end_matches('\n'));
        let mut choice = shared.choice.lock().expect("the choice");
        choice.0 = next;
        choice.1 += 1;
        line.clear();
    }
    // The server closed the way in, or ended: so does the worker.
    std::process::exit(0)
}

/// A choice line read back.
fn parse_choice(line: &str) -> Choice {
    let mut parts = line.split('\t').map(str::to_string);
    let given = |part: Option<String>| part.filter(|p| !p.is_empty());
    Choice { profile: given(parts.next()), layout: given(parts.next()) }
}

/// Sends the snapshot up whenever it changes.
fn send_snapshots(shared: &Shared) {
    let mut sent = 0;
    loop {
        let frame = {
            let snapshot = shared.snapshot.lock().expect("the snapshot");
            let snapshot = shared
                .changed
                .wait_while(snapshot, |s| s.version == sent && !shared.stop.load(Ordering::Relaxed))
                .expect("the snapshot");
            if shared.stop.load(Ordering::Relaxed) {
                return;
            }
            sent = snapshot.version;
            snapshot_frame(&snapshot)
        };
        send(&frame);
    }
}

/// Says what is about to be built, and which files it watches, before
/// the build starts.
fn announce(key: &str, files: &[PathBuf]) {
    let mut frame = vec![BUILDING];
    put_str(&mut frame, key);
    let files: Vec<String> = files.iter().map(|f| f.to_string_lossy().into_owned()).collect();
    put_list(&mut frame, &files);
    send(&frame);
}

/// A build past its limit: the error goes up, and the worker ends.
fn exceeded(error: &Error) -> ! {
    let mut frame = vec![EXCEEDED];
    put_str(&mut frame, &error.to_string());
    send(&frame);
    std::process::exit(3)
}

fn send(frame: &[u8]) {
    let mut out = io::stdout().lock();
    let _ = out.write_all(frame).and_then(|()| out.flush());
}

fn snapshot_frame(snapshot: &Snapshot) -> Vec<u8> {
    let mut frame = vec![SNAPSHOT];
    put_u64(&mut frame, snapshot.generation);
    put_opt(&mut frame, snapshot.error.as_deref());
    put_u64(&mut frame, snapshot.elapsed_ms);
    put_list(&mut frame, &snapshot.profiles);
    put_list(&mut frame, &snapshot.layouts);
    put_list(&mut frame, &snapshot.style);
    put_opt(&mut frame, snapshot.site.as_deref().map(String::as_str));
    put_u64(&mut frame, snapshot.documents.len() as u64);
    for document in &snapshot.documents {
        put_str(&mut frame, document.lang);
        put_str(&mut frame, &document.title);
        put_str(&mut frame, &document.file);
        put_bytes(&mut frame, &document.pdf);
        put_u64(&mut frame, document.pages.len() as u64);
        for (n, page) in document.pages.iter().enumerate() {
            put_str(&mut frame, &page.svg);
            put_str(&mut frame, &page.text);
            let (width, height) = document.sizes.get(n).copied().unwrap_or((595.0, 842.0));
            put_u64(&mut frame, width.to_bits());
            put_u64(&mut frame, height.to_bits());
        }
    }
    put_u64(&mut frame, snapshot.packets.len() as u64);
    for packet in &snapshot.packets {
        put_str(&mut frame, packet.lang);
        put_str(&mut frame, &packet.file);
        put_bytes(&mut frame, &packet.pdf);
    }
    frame
}

fn put_u64(frame: &mut Vec<u8>, n: u64) {
    frame.extend_from_slice(&n.to_le_bytes());
}

fn put_bytes(frame: &mut Vec<u8>, bytes: &[u8]) {
    put_u64(frame, bytes.len() as u64);
    frame.extend_from_slice(bytes);
}

fn put_str(frame: &mut Vec<u8>, text: &str) {
    put_bytes(frame, text.as_bytes());
}

fn put_opt(frame: &mut Vec<u8>, text: Option<&str>) {
    frame.push(u8::from(text.is_some()));
    if let Some(text) = text {
        put_str(frame, text);
    }
}

fn put_list(frame: &mut Vec<u8>, items: &[String]) {
    put_u64(frame, items.len() as u64);
    for item in items {
        put_str(frame, item);
    }
}

// ---------------------------------------------------------------- server side

/// The worker the server runs, and the way to its standard input.
struct Running {
    child: Child,
    input: ChildStdin,
}

/// Starts workers one after another for as long as the server runs:
/// publishes what each sends, keeps the last good pages under an error,
/// and after a worker ends past a limit, starts the next, which skips what
/// ran away. A worker that ends on its own (`--max-builds`) stops the
/// server.
pub fn supervise(input: Option<PathBuf>, shared: Arc<Shared>) {
    let mut skip: Option<Building> = None;
    while !shared.stop.load(Ordering::Relaxed) {
        // The choice stays locked until the worker can be told of the
        // next one, so that none is lost in between.
        let choice = shared.choice.lock().expect("the choice");
        let mut running = match start(input.as_deref(), skip.as_ref(), &choice.0) {
            Ok(running) => running,
            Err(err) => {
                drop(choice);
                shared.publish(|s| s.error = Some(format!("cannot start a build: {err}")));
                shared.stop.store(true, Ordering::Relaxed);
                return;
            }
        };
        *shared.worker.lock().expect("the worker's input") = Some(running.input);
        drop(choice);
        let stdout = running.child.stdout.take().expect("a piped output");
        let (building, exceeded) = relay(BufReader::new(stdout), &shared);
        *shared.worker.lock().expect("the worker's input") = None;
        let status = running.child.wait();
        if shared.stop.load(Ordering::Relaxed) || super::interrupted() {
            return;
        }
        match (exceeded, status) {
            (Some(error), _) => {
                eprintln!("{error}\nwaiting for a change…");
                shared.publish(|s| s.error = Some(error));
                skip = building;
            }
            (None, Ok(status)) if status.success() => {
                shared.stop.store(true, Ordering::Relaxed);
                return;
            }
            (None, status) => {
                let how = status.map_or_else(|err| err.to_string(), |s| s.to_string());
                let error = format!("the build ended unexpectedly ({how}); building again");
                eprintln!("{error}");
                shared.publish(|s| s.error = Some(error));
                skip = building;
                std::thread::sleep(Duration::from_millis(500));
            }
        }
    }
}

/// The line a worker reads for a choice.
pub fn choice_line(choice: &Choice) -> String {
    format!(
        "{}\t{}",
        choice.profile.as_deref().unwrap_or_default(),
        choice.layout.as_deref().unwrap_or_default()
    )
}

/// What a worker said it was building: the key, and the files watched.
type Building = (String, Vec<String>);

fn start(input: Option<&std::path::Path>, skip: Option<&Building>, choice: &Choice) -> io::Result<Running> {
    let program = std::env::current_exe()?;
    let mut command = Command::new(program);
    command
        .args(std::env::args_os().skip(1))
        .env(WORKER, "1")
        .env(INPUT, input.map(|i| i.as_os_str().to_owned()).unwrap_or_default())
        .env(CHOICE, choice_line(choice))
        .env_remove(SKIP)
        .env_remove(SKIP_FILES)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit());
    if let Some((key, files)) = skip {
        command.env(SKIP, key).env(SKIP_FILES, files.join("\n"));
    }
    let mut child = command.spawn()?;
    let input = child.stdin.take().expect("a piped input");
    Ok(Running { child, input })
}

/// Publishes every frame of one worker until it ends; returns what it
/// was building last and the error it ended on, if any.
fn relay(mut from: impl Read, shared: &Shared) -> (Option<Building>, Option<String>) {
    let mut building = None;
    loop {
        let mut tag = [0u8; 1];
        if from.read_exact(&mut tag).is_err() {
            return (building, None);
        }
        let frame = match tag[0] {
            SNAPSHOT => read_snapshot(&mut from).map(|next| publish(shared, next)),
            BUILDING => get_str(&mut from)
                .and_then(|key| Ok((key, get_list(&mut from)?)))
                .map(|key| building = Some(key)),
            EXCEEDED => return (building, get_str(&mut from).ok()),
            _ => Err(io::Error::new(io::ErrorKind::InvalidData, "an unknown frame")),
        };
        if frame.is_err() {
            return (building, None);
        }
    }
}

/// A worker's snapshot, merged into the server's: new pages replace the
/// old ones; an error leaves the last good pages in place.
fn publish(shared: &Shared, next: Snapshot) {
    shared.publish(|s| {
        s.elapsed_ms = next.elapsed_ms;
        s.profiles = next.profiles;
        s.layouts = next.layouts;
        if next.error.is_none() && !next.documents.is_empty() {
            s.style = next.style;
            s.site = next.site;
            s.documents = next.documents;
            s.packets = next.packets;
            s.generation += 1;
        }
        s.error = next.error;
    });
}

fn read_snapshot(from: &mut impl Read) -> io::Result<Snapshot> {
    let mut snapshot = Snapshot { generation: get_u64(from)?, ..Snapshot::default() };
    snapshot.error = get_opt(from)?;
    snapshot.elapsed_ms = get_u64(from)?;
    snapshot.profiles = get_list(from)?;
    snapshot.layouts = get_list(from)?;
    snapshot.style = get_list(from)?;
    snapshot.site = get_opt(from)?.map(Arc::new);
    for _ in 0..get_count(from)? {
        let lang = language(&get_str(from)?)?;
        let (title, file, pdf) = (get_str(from)?, get_str(from)?, get_bytes(from)?);
        let mut pages = Vec::new();
        let mut sizes = Vec::new();
        for _ in 0..get_count(from)? {
            let (svg, text) = (get_str(from)?, get_str(from)?);
            pages.push(Page { svg: Arc::new(svg), text });
            sizes.push((f64::from_bits(get_u64(from)?), f64::from_bits(get_u64(from)?)));
        }
        snapshot.documents.push(Built {
            lang,
            title,
            file,
            pdf: Arc::new(pdf),
            pages,
            sizes,
            names: Default::default(),
            profile: None,
        });
    }
    for _ in 0..get_count(from)? {
        let lang = language(&get_str(from)?)?;
        let (file, pdf) = (get_str(from)?, get_bytes(from)?);
        snapshot.packets.push(Packet { lang, file, pdf: Arc::new(pdf) });
    }
    Ok(snapshot)
}

fn language(code: &str) -> io::Result<&'static str> {
    crate::i18n::Language::negotiate(code)
        .map(|l| l.code)
        .map_err(|_| io::Error::new(io::ErrorKind::InvalidData, "an unknown language"))
}

fn get_u64(from: &mut impl Read) -> io::Result<u64> {
    let mut bytes = [0u8; 8];
    from.read_exact(&mut bytes)?;
    Ok(u64::from_le_bytes(bytes))
}

/// A count of items, bounded so that a broken frame cannot ask for
/// memory it never sends.
fn get_count(from: &mut impl Read) -> io::Result<u64> {
    let n = get_u64(from)?;
    if n > 100_000 {
        return Err(io::Error::new(io::ErrorKind::InvalidData, "too many items"));
    }
    Ok(n)
}

fn get_bytes(from: &mut impl Read) -> io::Result<Vec<u8>> {
    let n = get_u64(from)?;
    let mut bytes = Vec::new();
    from.take(n).read_to_end(&mut bytes)?;
    if bytes.len() as u64 != n {
        return Err(io::Error::new(io::ErrorKind::UnexpectedEof, "a cut frame"));
    }
    Ok(bytes)
}

fn get_str(from: &mut impl Read) -> io::Result<String> {
    String::from_utf8(get_bytes(from)?).map_err(|_| io::Error::new(io::ErrorKind::InvalidData, "not UTF-8"))
}

fn get_opt(from: &mut impl Read) -> io::Result<Option<String>> {
    let mut flag = [0u8; 1];
    from.read_exact(&mut flag)?;
    if flag[0] == 0 { Ok(None) } else { get_str(from).map(Some) }
}

fn get_list(from: &mut impl Read) -> io::Result<Vec<String>> {
    (0..get_count(from)?).map(|_| get_str(from)).collect()
}
