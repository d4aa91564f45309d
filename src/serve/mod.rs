//! `resume serve`: the documents in a browser, side by side in every
//! language asked, rebuilt on save and shown again within milliseconds.
//!
//! A worker process builds ([`worker`], [`preview`]), as `watch` does but
//! writing nothing, so that a layout that runs away ends the worker and
//! never the server; the pages live in the server's memory as SVG beside
//! their PDFs. Each connection
//! gets a thread of its own; the page learns of a new build from an event
//! stream (`/events`) and fetches the state (`/state`) and the new pages,
//! swapping them in place so the scroll position stays. The server binds
//! to 127.0.0.1 only, answers only requests addressed to it by that name
//! (a page elsewhere cannot read it through a rebinding name), serves
//! fixed routes from memory (no request reaches the file system), and
//! holds no more connections than [`MAX_CONNECTIONS`].

mod http;
mod page;
mod preview;
mod worker;

use std::net::{Ipv4Addr, SocketAddr, TcpListener, TcpStream};
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use serde::Serialize;

use crate::build::Request;
use crate::error::{Error, Result};
use http::Response;
use preview::{Choice, Shared, Snapshot};

/// The port tried first: a fixed one, so a bookmark keeps working.
pub const DEFAULT_PORT: u16 = 8070;

/// How many ports after a busy one are tried before any free port is taken.
const PORT_TRIES: u16 = 10;

/// The most connections served at once; a preview page holds one open.
const MAX_CONNECTIONS: usize = 64;

/// The most event streams held at once, so that some connections are
/// always left for requests; a page that went away frees its stream
/// within a quarter of a second.
const MAX_STREAMS: usize = 32;

/// What `serve` is asked besides the build.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    /// The port to try first; 0 takes any free one.
    pub port: u16,
    /// Open the page in the default browser.
    pub open: bool,
    /// Stop after this many builds (for tests).
    pub max_builds: Option<usize>,
}

/// Serves until Ctrl-C (or `max_builds` builds).
pub fn serve(args: &Request, options: &ServeOptions) -> Result<()> {
    if args.output.is_some() {
        return Err(Error::new("serve writes no files; its page offers each PDF for download")
            .with_hint("leave `-o` out, or build the files with `resume pdf`"));
    }
    if worker::is_worker() {
        return worker::work(args.clone(), options.max_builds);
    }
    let listener = bind(options.port)?;
    let port = listener.local_addr().map(|a| a.port()).unwrap_or(options.port);
    let url = format!("http://127.0.0.1:{port}/");
    eprintln!("serving {url} (Ctrl-C stops)");
    let input =
        args.source.input.clone().or_else(|| {
            std::fs::symlink_metadata("resume.toml").is_ok().then(|| PathBuf::from("resume.toml"))
        });
    let mut args = args.clone();
    // Found by its name rather than given: held to its folder at every
    // rebuild, as `pdf` holds it.
    args.source.found = args.source.input.is_none() && input.is_some();
    args.source.input = input.clone();
    if input.is_none() {
        eprintln!("note: no resume.toml here and no --input given; showing the built-in example");
    }
    let shared = Arc::new(Shared::default());
    stop_on_interrupt();
    // The builds run in a worker process, which a runaway layout can end
    // without ending the server.
    let builder = {
        let shared = shared.clone();
        std::thread::Builder::new()
            .name("supervisor".into())
            .spawn(move || worker::supervise(input, shared))
            .map_err(|err| Error::new(format!("cannot start the build thread: {err}")))?
    };
    if options.open {
        open_browser(&url);
    }
    listener.set_nonblocking(true).map_err(|err| Error::new(format!("cannot serve: {err}")))?;
    let open_connections = Arc::new(AtomicUsize::new(0));
    while !shared.stop.load(Ordering::Relaxed) && !interrupted() {
        match listener.accept() {
            Ok((stream, _)) => {
                if open_connections.load(Ordering::Relaxed) >= MAX_CONNECTIONS {
                    let mut stream = stream;
                    let _ =
                        Response::text("503 Service Unavailable", "too many connections").send(&mut stream);
                    continue;
                }
                open_connections.fetch_add(1, Ordering::Relaxed);
                let shared = shared.clone();
                let counter = open_connections.clone();
                let spawned = std::thread::Builder::new().name("connection".into()).spawn(move || {
                    let _ = handle(stream, &shared, port);
                    counter.fetch_sub(1, Ordering::Relaxed);
                });
                if spawned.is_err() {
                    open_connections.fetch_sub(1, Ordering::Relaxed);
                }
            }
            Err(err) if err.kind() == std::io::ErrorKind::WouldBlock => {
                std::thread::sleep(Duration::from_millis(5));
            }
            Err(_) => std::thread::sleep(Duration::from_millis(50)),
        }
    }
    shared.stop.store(true, Ordering::Relaxed);
    shared.changed.notify_all();
    // Closing the worker's input ends it.
    drop(shared.worker.lock().expect("the worker's input").take());
    let _ = builder.join();
    eprintln!("stopped");
    Ok(())
}

/// Binds to 127.0.0.1 at `port`, else at one of the next few, else at
/// any free port, saying so when it is not the one asked for.
fn bind(port: u16) -> Result<TcpListener> {
    let at = |port| TcpListener::bind(SocketAddr::from((Ipv4Addr::LOCALHOST, port)));
    if port == 0 {
        return at(0).map_err(|err| Error::new(format!("cannot listen on 127.0.0.1: {err}")));
    }
    for candidate in (0..=PORT_TRIES).filter_map(|n| port.checked_add(n)) {
        if let Ok(listener) = at(candidate) {
            if candidate != port {
                eprintln!("note: port {port} is busy; using {candidate}");
            }
            return Ok(listener);
        }
    }
    let listener = at(0).map_err(|err| Error::new(format!("cannot listen on 127.0.0.1: {err}")))?;
    eprintln!("note: ports {port} to {} are busy; using a free one", port.saturating_add(PORT_TRIES));
    Ok(listener)
}

/// Answers one connection.
fn handle(mut stream: TcpStream, shared: &Shared, port: u16) -> std::io::Result<()> {
    stream.set_nonblocking(false)?;
    let Some(request) = http::read(&mut stream)? else {
        return Response::text("400 Bad Request", "not an HTTP request").send(&mut stream);
    };
    // A request addressed by another name came through a name that
    // rebinds to this machine, from a page of someone else's.
    let host_ok = request.header("host").is_some_and(|host| {
        [format!("127.0.0.1:{port}"), format!("localhost:{port}")].iter().any(|h| h == host)
    });
    if !host_ok {
        return Response::text("421 Misdirected Request", "this server answers only to 127.0.0.1")
            .send(&mut stream);
    }
    let origin_ok = request.header("origin").is_none_or(|origin| {
        origin == format!("http://127.0.0.1:{port}") || origin == format!("http://localhost:{port}")
    });
    match (request.method.as_str(), request.path.as_str()) {
        ("GET", "/") => Response::new("200 OK", "text/html; charset=utf-8", page::HTML)
            .with(format!("Content-Security-Policy: {}", page::POLICY))
            .send(&mut stream),
        ("GET", "/state") => {
            let snapshot = shared.snapshot.lock().expect("the snapshot").clone();
            let choice = shared.choice.lock().expect("the choice").0.clone();
            let body = serde_json::to_vec(&state(&snapshot, &choice)).unwrap_or_default();
            Response::new("200 OK", "application/json", body).send(&mut stream)
        }
        ("GET", "/events") => {
            // Counted apart, so open pages can never take every slot.
            if STREAMS.fetch_add(1, Ordering::SeqCst) >= MAX_STREAMS {
                STREAMS.fetch_sub(1, Ordering::SeqCst);
                return Response::text("503 Service Unavailable", "too many open pages")
                    .with("Retry-After: 1".into())
                    .send(&mut stream);
            }
            let result = events(stream, shared);
            STREAMS.fetch_sub(1, Ordering::SeqCst);
            result
        }
        // The page's own text in the embedded font: Hangul shows on a
        // machine without a Korean font.
        ("GET", "/font/regular.otf") => {
            Response::new("200 OK", "font/otf", crate::typeset::fonts::PRETENDARD_REGULAR).send(&mut stream)
        }
        ("GET", "/font/semibold.otf") => {
            Response::new("200 OK", "font/otf", crate::typeset::fonts::PRETENDARD_SEMIBOLD).send(&mut stream)
        }
        ("POST", "/choose") if origin_ok => {
            let mut choice = shared.choice.lock().expect("the choice");
            let snapshot = shared.snapshot.lock().expect("the snapshot").clone();
            let pick = |name: &str, known: &[String]| -> std::result::Result<Option<String>, ()> {
                match request.param(name) {
                    None => Ok(None),
                    Some(value) if value.is_empty() => Ok(None),
                    Some(value) if known.contains(&value) => Ok(Some(value)),
                    Some(_) => Err(()),
                }
            };
            match (pick("profile", &snapshot.profiles), pick("layout", &snapshot.layouts)) {
                (Ok(profile), Ok(layout)) => {
                    let next = Choice { profile, layout };
                    if next != choice.0 {
                        // The worker builds it; the page shows it chosen.
                        if let Some(worker) = shared.worker.lock().expect("the worker's input").as_mut() {
                            use std::io::Write;
                            let _ = writeln!(worker, "{}", worker::choice_line(&next));
                        }
                        choice.0 = next;
                        choice.1 += 1;
                    }
                    drop(choice);
                    Response::text("200 OK", "chosen").send(&mut stream)
                }
                _ => Response::text("400 Bad Request", "no such profile or layout").send(&mut stream),
            }
        }
        ("POST", "/choose") => Response::text("403 Forbidden", "not from this page").send(&mut stream),
        ("GET", path) => match file(path, shared) {
            Some(response) => response.send(&mut stream),
            None => Response::text("404 Not Found", "no such page").send(&mut stream),
        },
        _ => Response::text("405 Method Not Allowed", "only GET and POST")
            .with("Allow: GET, POST".into())
            .send(&mut stream),
    }
}

/// `/page/GENERATION/DOCUMENT/N.svg` and `/pdf/GENERATION/DOCUMENT`: a
/// page or a PDF of the current build, by number; an earlier build's are
/// gone.
fn file(path: &str, shared: &Shared) -> Option<Response> {
    let parts: Vec<&str> = path.trim_start_matches('/').split('/').collect();
    let snapshot = shared.snapshot.lock().expect("the snapshot");
    let number = |text: &str| text.parse::<usize>().ok();
    match parts.as_slice() {
        ["page", generation, document, page] => {
            if number(generation)? as u64 != snapshot.generation {
                return None;
            }
            let document = snapshot.documents.get(number(document)?)?;
            let page = document.pages.get(number(page.strip_suffix(".svg")?)?.checked_sub(1)?)?;
            Some(
                Response::new("200 OK", "image/svg+xml", page.svg.as_bytes().to_vec())
                    .with("Content-Security-Policy: default-src 'none'; style-src 'unsafe-inline'".into()),
            )
        }
        ["packet", generation, packet] => {
            if number(generation)? as u64 != snapshot.generation {
                return None;
            }
            let packet = snapshot.packets.get(number(packet)?)?;
            Some(
                Response::new("200 OK", "application/pdf", packet.pdf.as_slice().to_vec())
                    .with(attachment(&packet.file)),
            )
        }
        // The web page of the build, framed by the preview's tab; its
        // stylesheet finds the fonts beside it.
        ["site", generation] => {
            if number(generation)? as u64 != snapshot.generation {
                return None;
            }
            let site = snapshot.site.as_ref()?;
            Some(
                Response::new("200 OK", "text/html; charset=utf-8", site.as_bytes().to_vec())
                    .with("Content-Security-Policy: frame-ancestors 'self'".into()),
            )
        }
        ["site", "fonts", name] => {
            let font = crate::formats::html::fonts::WEB_FONTS.iter().find(|f| f.cut.0 == *name)?;
            Some(Response::new("200 OK", "font/woff2", font.cut.1.to_vec()))
        }
        ["pdf", generation, document] => {
            if number(generation)? as u64 != snapshot.generation {
                return None;
            }
            let document = snapshot.documents.get(number(document)?)?;
            Some(
                Response::new("200 OK", "application/pdf", document.pdf.as_slice().to_vec())
                    .with(attachment(&document.file)),
            )
        }
        _ => None,
    }
}

/// The download header for a file name from the résumé (a profile's
/// `output`), as RFC 6266 writes one: a plain ASCII `filename` with every
/// other character replaced, for old clients, and the exact name as
/// `filename*`, percent-encoded, so no quote or semicolon in the name can
/// end the header's value and add a parameter of its own.
fn attachment(file: &str) -> String {
    let plain: String =
        file.chars().map(|c| if c.is_ascii_alphanumeric() || "._-".contains(c) { c } else { '_' }).collect();
    let mut encoded = String::new();
    for byte in file.bytes() {
        if byte.is_ascii_alphanumeric() || b"!#$&+-.^_`|~".contains(&byte) {
            encoded.push(byte as char);
        } else {
            encoded.push_str(&format!("%{byte:02X}"));
        }
    }
    format!("Content-Disposition: attachment; filename=\"{plain}\"; filename*=UTF-8''{encoded}")
}

/// How many event streams are open.
static STREAMS: AtomicUsize = AtomicUsize::new(0);

/// Tells the page of every new snapshot until the page goes away.
fn events(mut stream: TcpStream, shared: &Shared) -> std::io::Result<()> {
    use std::io::Write;
    stream.write_all(
        b"HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-store\r\nConnection: close\r\n\r\nretry: 500\n\n",
    )?;
    let mut told = u64::MAX;
    let mut quiet_since = Instant::now();
    loop {
        let version = {
            let snapshot = shared.snapshot.lock().expect("the snapshot");
            let (snapshot, _) = shared
                .changed
                .wait_timeout_while(snapshot, Duration::from_millis(250), |s| {
                    s.version == told && !shared.stop.load(Ordering::Relaxed)
                })
                .expect("the snapshot");
            snapshot.version
        };
        if shared.stop.load(Ordering::Relaxed) || http::closed(&stream) {
            return Ok(());
        }
        if version != told {
            stream.write_all(format!("data: {version}\n\n").as_bytes())?;
            stream.flush()?;
            told = version;
            quiet_since = Instant::now();
        } else if quiet_since.elapsed() > preview::KEEP_ALIVE {
            // A comment: finds a page that went away, keeps proxies quiet.
            stream.write_all(b": still here\n\n")?;
            quiet_since = Instant::now();
        }
    }
}

/// The state the page renders, as JSON.
#[derive(Serialize)]
struct State<'a> {
    version: u64,
    generation: u64,
    error: Option<&'a str>,
    elapsed_ms: u64,
    documents: Vec<DocumentState<'a>>,
    packets: Vec<PacketState<'a>>,
    profiles: &'a [String],
    layouts: &'a [String],
    choice: &'a Choice,
    style: &'a [String],
    /// Where the web page of this build is, if there is one.
    site: Option<String>,
}

#[derive(Serialize)]
struct DocumentState<'a> {
    lang: &'a str,
    title: &'a str,
    file: &'a str,
    pdf: String,
    pages: Vec<PageState<'a>>,
}

#[derive(Serialize)]
struct PacketState<'a> {
    lang: &'a str,
    file: &'a str,
    pdf: String,
}

#[derive(Serialize)]
struct PageState<'a> {
    src: String,
    width: f64,
    height: f64,
    text: &'a str,
}

fn state<'a>(snapshot: &'a Snapshot, choice: &'a Choice) -> State<'a> {
    let generation = snapshot.generation;
    State {
        version: snapshot.version,
        generation,
        error: snapshot.error.as_deref(),
        style: &snapshot.style,
        elapsed_ms: snapshot.elapsed_ms,
        documents: snapshot
            .documents
            .iter()
            .enumerate()
            .map(|(n, d)| DocumentState {
                lang: d.lang,
                title: &d.title,
                file: &d.file,
                pdf: format!("/pdf/{generation}/{n}"),
                pages: d
                    .pages
                    .iter()
                    .enumerate()
                    .map(|(p, page)| {
                        let (width, height) = d.sizes.get(p).copied().unwrap_or((595.0, 842.0));
                        PageState {
                            src: format!("/page/{generation}/{n}/{}.svg", p + 1),
                            width,
                            height,
                            text: &page.text,
                        }
                    })
                    .collect(),
            })
            .collect(),
        packets: snapshot
            .packets
            .iter()
            .enumerate()
            .map(|(n, p)| PacketState {
                lang: p.lang,
                file: &p.file,
                pdf: format!("/packet/{generation}/{n}"),
            })
            .collect(),
        profiles: &snapshot.profiles,
        layouts: &snapshot.layouts,
        choice,
        site: snapshot.site.as_ref().map(|_| format!("/site/{generation}")),
    }
}

/// Opens the page in the default browser; a failure is only a note.
fn open_browser(url: &str) {
    let program = if cfg!(target_os = "macos") {
        "open"
    } else if cfg!(windows) {
        "explorer"
    } else {
        "xdg-open"
    };
    if std::process::Command::new(program).arg(url).spawn().is_err() {
        eprintln!("note: could not open a browser; open {url} yourself");
    }
}

static INTERRUPTED: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

pub(super) fn interrupted() -> bool {
    INTERRUPTED.load(Ordering::Relaxed)
}

/// Ctrl-C (and a polite kill) stop the server at its next turn, so it
/// says it stopped and exits successfully. Nothing needs cleaning up:
/// serve writes no file.
fn stop_on_interrupt() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    {
        extern "C" fn on_signal(_: libc::c_int) {
            INTERRUPTED.store(true, Ordering::Relaxed);
        }
        // SAFETY: the handler only stores to an atomic, which is
        // async-signal-safe.
        unsafe {
            libc::signal(libc::SIGINT, on_signal as *const () as libc::sighandler_t);
            libc::signal(libc::SIGTERM, on_signal as *const () as libc::sighandler_t);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_download_header_holds_one_file_name_whatever_the_name() {
        let header = attachment("cv\"; filename*=UTF-8''evil.html; x=\"-ko.pdf");
        assert_eq!(header.matches("filename=").count(), 1, "{header}");
        assert_eq!(header.matches("filename*=").count(), 1, "{header}");
        assert_eq!(header.matches('"').count(), 2, "only the plain name is quoted: {header}");
        assert!(header.ends_with("-ko.pdf"), "{header}");
        let korean = attachment("이력서 ko.pdf");
        assert_eq!(
            korean,
            "Content-Disposition: attachment; filename=\"____ko.pdf\"; filename*=UTF-8''%EC%9D%B4%EB%A0%A5%EC%84%9C%20ko.pdf"
        );
    }
}
