//! `resume serve`: the preview page over HTTP, as a client and as an
//! attacker sees it, and in a real browser (headless Chromium driven over
//! WebDriver) as a user sees it: both languages side by side, an edit
//! shown without a reload, an error shown over the last good pages.

mod common;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use common::Scratch;
use common::webdriver::{Browser, Reply, chromedriver, http, http_body, wait_for};
use serde_json::{Value, json};

/// A running `resume serve`, stopped on drop.
struct Server {
    child: Child,
    port: u16,
    log: Arc<Mutex<String>>,
}

impl Server {
    fn start(dir: &Path, args: &[&str]) -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_resume"))
            .arg("serve")
            .args(args)
            .current_dir(dir)
            .env("SOURCE_DATE_EPOCH", "1795651200")
            .stderr(Stdio::piped())
            .spawn()
            .expect("serve starts");
        let log = Arc::new(Mutex::new(String::new()));
        let stderr = child.stderr.take().unwrap();
        let sink = log.clone();
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                let mut log = sink.lock().unwrap();
                log.push_str(&line);
                log.push('\n');
            }
        });
        let mut server = Server { child, port: 0, log };
        let log = wait_for(Duration::from_secs(60), || {
            let log = server.log();
            log.contains("serving http://127.0.0.1:").then_some(log)
        });
        let start = log.find("serving http://127.0.0.1:").unwrap() + "serving http://127.0.0.1:".len();
        server.port = log[start..].split('/').next().unwrap().parse().unwrap();
        server
    }

    fn log(&self) -> String {
        self.log.lock().unwrap().clone()
    }

    fn url(&self) -> String {
        format!("http://127.0.0.1:{}/", self.port)
    }

    fn get(&self, path: &str) -> Reply {
        http(self.port, "GET", path, &[])
    }

    fn state(&self) -> Value {
        serde_json::from_slice(&self.get("/state").body).expect("state is JSON")
    }

    /// Waits for a build whose state passes `test`.
    fn state_where(&self, what: &str, test: impl Fn(&Value) -> bool) -> Value {
        let deadline = Instant::now() + Duration::from_secs(60);
        loop {
            let state = self.state();
            if test(&state) {
                return state;
            }
            assert!(Instant::now() < deadline, "no state where {what}: {state:#}\n{}", self.log());
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn example(dir: &Scratch) -> String {
    let text = std::fs::read_to_string(common::root().join("examples/builtin/resume.toml")).unwrap();
    dir.write("resume.toml", &text);
    text
}

/// The words of every page of one language, as the page gives them.
fn texts(state: &Value, lang: &str) -> String {
    let mut all = String::new();
    for document in state["documents"].as_array().unwrap().iter().filter(|d| d["lang"] == lang) {
        for page in document["pages"].as_array().unwrap() {
            all.push_str(page["text"].as_str().unwrap());
            all.push('\n');
        }
    }
    all
}

/// The server builds both languages, serves their pages and PDFs from the
/// same build, tells an open event stream of each rebuild, shows an
/// error over the last good pages, and follows the page's controls.
#[test]
fn serve_shows_every_language_and_follows_each_save() {
    let dir = Scratch::new("serve");
    let text = example(&dir);
    let server = Server::start(&dir.0, &["--port", "0", "--lang", "ko,en"]);
    let state = server.state_where("both languages are built", |s| s["generation"].as_u64() >= Some(1));
    let langs: Vec<&str> =
        state["documents"].as_array().unwrap().iter().map(|d| d["lang"].as_str().unwrap()).collect();
    assert_eq!(langs, ["ko", "en"]);
    assert!(texts(&state, "ko").contains("서버 개발"), "{}", texts(&state, "ko"));
    assert!(texts(&state, "en").contains("Server development"));
    for document in state["documents"].as_array().unwrap() {
        for page in document["pages"].as_array().unwrap() {
            let reply = server.get(page["src"].as_str().unwrap());
            assert_eq!(reply.status, 200);
            assert!(reply.head.contains("Content-Type: image/svg+xml"), "{}", reply.head);
            assert!(reply.text().starts_with("<svg"));
        }
        let pdf = server.get(document["pdf"].as_str().unwrap());
        assert!(pdf.body.starts_with(b"%PDF-"));
        let file = document["file"].as_str().unwrap();
        assert!(pdf.head.contains(&format!("filename=\"{file}\"")), "{}", pdf.head);
    }
    assert_eq!(state["documents"][0]["file"], "resume-ko.pdf");
    // The web page of the same build, every language in it, framed only
    // by the preview; its fonts beside it.
    let site = server.get(state["site"].as_str().expect("a web page"));
    assert_eq!(site.status, 200);
    assert!(site.head.contains("frame-ancestors 'self'"), "{}", site.head);
    let html = site.text();
    for lang in ["ko", "en"] {
        assert!(
            html.contains(&format!("<article lang=\"{lang}\" id=\"{lang}\" class=\"resume\">")),
            "{html}"
        );
    }
    assert!(html.contains("서버 개발") && html.contains("Server development"));
    let font = server.get("/site/fonts/Pretendard-Regular.subset.woff2");
    assert_eq!(font.status, 200);
    assert!(font.body.starts_with(b"wOF2"), "a WOFF2 font");
    assert_eq!(server.get("/site/fonts/../resume.toml").status, 404);
    // What `check` says of the words shows beside the pages, with its
    // place; an edit that adds a finding shows it at the next build.
    let style: Vec<&str> = state["style"].as_array().unwrap().iter().filter_map(Value::as_str).collect();
    assert!(
        style.iter().any(|s| s.contains("resume.toml:") && s.contains("reads as a user name")),
        "{style:?}"
    );

    // An open event stream hears of the rebuild an edit makes.
    let port = server.port;
    let heard = Arc::new(Mutex::new(String::new()));
    let ear = heard.clone();
    std::thread::spawn(move || {
        let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
        write!(stream, "GET /events HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n").unwrap();
        let mut buffer = [0u8; 512];
        while let Ok(n) = stream.read(&mut buffer) {
            if n == 0 {
                break;
            }
            ear.lock().unwrap().push_str(&String::from_utf8_lossy(&buffer[..n]));
        }
    });
    wait_for(Duration::from_secs(10), || heard.lock().unwrap().contains("data: ").then_some(()));
    let before = heard.lock().unwrap().matches("data: ").count();
    dir.write("resume.toml", &text.replace("서버 개발 (MLOps", "플랫폼 개발 (MLOps"));
    let edited = server.state_where("the edit is built", |s| texts(s, "ko").contains("플랫폼 개발"));
    dir.write("resume.toml", &text.replace("서버 개발 (MLOps", "플랫폼 개발 (etcd 의 MLOps"));
    let noted = server.state_where("the new finding is shown", |s| {
        s["style"]
            .as_array()
            .is_some_and(|a| a.iter().any(|x| x.as_str().is_some_and(|x| x.contains("etcd 의`"))))
    });
    assert!(noted["generation"].as_u64() > edited["generation"].as_u64());
    dir.write("resume.toml", &text.replace("서버 개발 (MLOps", "플랫폼 개발 (MLOps"));
    let edited = server.state_where("the edit is built", |s| {
        texts(s, "ko").contains("플랫폼 개발 (MLOps")
            && s["style"]
                .as_array()
                .is_some_and(|a| !a.iter().any(|x| x.as_str().is_some_and(|x| x.contains("etcd 의`"))))
    });
    assert!(edited["generation"].as_u64() > state["generation"].as_u64());
    wait_for(Duration::from_secs(10), || {
        (heard.lock().unwrap().matches("data: ").count() > before).then_some(())
    });

    // A bad edit: the error, located, over the last good pages.
    dir.write("resume.toml", &text.replace("[person]", "[person"));
    let failed = server.state_where("the error is shown", |s| !s["error"].is_null());
    let error = failed["error"].as_str().unwrap();
    assert!(error.contains("resume.toml:") && error.contains("[person"), "{error}");
    assert_eq!(failed["generation"], edited["generation"], "the last good pages stay");
    assert!(texts(&failed, "ko").contains("플랫폼 개발"));
    dir.write("resume.toml", &text);
    let fixed = server.state_where("the fix clears the error", |s| {
        s["error"].is_null() && texts(s, "ko").contains("서버 개발")
    });
    assert!(fixed["generation"].as_u64() > edited["generation"].as_u64());

    // The page's control chooses a profile; an unknown one is refused.
    let reply = http(port, "POST", "/choose?profile=nope", &[]);
    assert_eq!(reply.status, 400);
    let reply = http(port, "POST", "/choose?profile=brief", &[]);
    assert_eq!(reply.status, 200, "{}", reply.text());
    let brief = server.state_where("the profile is built", |s| {
        s["choice"]["profile"] == "brief" && s["generation"].as_u64() > fixed["generation"].as_u64()
    });
    let langs: Vec<&str> =
        brief["documents"].as_array().unwrap().iter().map(|d| d["lang"].as_str().unwrap()).collect();
    assert_eq!(langs, ["en"], "the profile's language");
    // The name `resume pdf --profile brief` writes: its `output` pattern.
    assert_eq!(brief["documents"][0]["file"], "resume-brief-en.pdf");
    assert!(brief["profiles"].as_array().unwrap().iter().any(|p| p == "mlops"));
    assert!(brief["layouts"].as_array().unwrap().iter().any(|l| l == "international"));
    // Nothing was written.
    let files: Vec<String> =
        std::fs::read_dir(&dir.0).unwrap().map(|e| e.unwrap().file_name().into_string().unwrap()).collect();
    assert_eq!(files, ["resume.toml"]);
}

/// What a page elsewhere or a stray request can do: nothing. Only fixed
/// routes answer, no path reaches a file, another host name is refused,
/// the page loads nothing from elsewhere, and Ctrl-C stops it cleanly.
#[test]
fn serve_offers_an_application_as_one_pdf_too() {
    let dir = Scratch::new("serve-packet");
    let input = common::root().join("examples/packet/resume.toml");
    let server =
        Server::start(&dir.0, &["--port", "0", "--profile", "lumen", "--input", input.to_str().unwrap()]);
    let state = server.state_where("the application is built", |s| s["generation"].as_u64() >= Some(1));
    let documents = state["documents"].as_array().unwrap();
    assert_eq!(documents.len(), 3, "the form, the 경력기술서 and the letter");
    let packets = state["packets"].as_array().unwrap();
    assert_eq!(packets.len(), 1, "{state:#}");
    assert_eq!(packets[0]["file"], "lumen-packet-ko.pdf");
    let reply = server.get(packets[0]["pdf"].as_str().unwrap());
    assert_eq!(reply.status, 200);
    assert!(reply.head.contains("filename=\"lumen-packet-ko.pdf\""), "{}", reply.head);
    let path = dir.write_bytes("packet.pdf", &reply.body);
    let pages: usize = documents.iter().map(|d| d["pages"].as_array().unwrap().len()).sum();
    assert_eq!(common::Pdf::open(&path).pages(), pages, "every page of every document, joined");
    drop(server);

    // One mistake that fails every document of the profile is said once.
    let text = std::fs::read_to_string(&input)
        .unwrap()
        .replace("name = { ko = \"한가온\"", "name = { ko = \"한가온🦀\"");
    dir.write("resume.toml", &text);
    let server = Server::start(&dir.0, &["--port", "0", "--profile", "lumen"]);
    let state = server.state_where("the error is shown", |s| s["error"].is_string());
    let error = state["error"].as_str().unwrap();
    assert_eq!(error.matches("no font has a glyph").count(), 1, "{error}");
}

#[test]
fn serve_answers_only_its_own_routes_and_stops_on_ctrl_c() {
    let dir = Scratch::new("serve-attack");
    example(&dir);
    dir.write("secret.txt", "not for the browser");
    let server = Server::start(&dir.0, &["--port", "0"]);
    let state = server.state_where("a build", |s| s["generation"].as_u64() >= Some(1));
    let port = server.port;
    let generation = state["generation"].as_u64().unwrap();
    for path in [
        "/secret.txt",
        "/../secret.txt",
        "/%2e%2e/secret.txt",
        "/page/../../secret.txt",
        "/resume.toml",
        &format!("/page/{}/0/1.svg", generation + 1),
        &format!("/page/{generation}/9/1.svg"),
        &format!("/page/{generation}/0/0.svg"),
        &format!("/pdf/{generation}/1"),
    ] {
        let reply = http(port, "GET", path, &[]);
        assert_eq!(reply.status, 404, "{path}");
        assert!(!reply.text().contains("not for the browser"));
    }
    assert_eq!(http(port, "GET", &format!("/page/{generation}/0/1.svg"), &[]).status, 200);
    assert_eq!(http(port, "GET", "/", &["Host: attacker.example"]).status, 421);
    assert_eq!(http(port, "GET", "/state", &[&format!("Host: rebound.example:{port}")]).status, 421);
    assert_eq!(http(port, "POST", "/choose?profile=brief", &["Origin: http://attacker.example"]).status, 403);
    assert_eq!(http(port, "DELETE", "/", &[]).status, 405);
    assert_eq!(http_body(port, "PUT", "/choose", &[], "{}").status, 405);

    let page = server.get("/");
    assert_eq!(page.status, 200);
    assert!(page.head.contains("Content-Security-Policy: default-src 'none'"), "{}", page.head);
    let html = page.text();
    assert!(
        !html.contains("http://") && !html.contains("https://") && !html.contains("//cdn"),
        "the page loads from elsewhere"
    );

    let pid = server.child.id().to_string();
    assert!(Command::new("kill").args(["-INT", &pid]).status().unwrap().success());
    let mut server = server;
    let status = wait_for(Duration::from_secs(10), || server.child.try_wait().unwrap());
    assert!(status.success(), "{status:?}");
    wait_for(Duration::from_secs(5), || server.log().contains("stopped").then_some(()));
}

/// A busy port is not an error: the next free one is taken, and said.
#[test]
fn serve_takes_the_next_port_when_its_own_is_busy() {
    let dir = Scratch::new("serve-port");
    example(&dir);
    let busy = std::net::TcpListener::bind(("127.0.0.1", 0)).unwrap();
    let port = busy.local_addr().unwrap().port();
    let server = Server::start(&dir.0, &["--port", &port.to_string(), "--max-builds", "1"]);
    assert_ne!(server.port, port);
    assert!(server.log().contains(&format!("port {port} is busy")), "{}", server.log());
}

/// In Chromium: both languages' pages side by side; an edit appears
/// without a reload and at the same scroll position; a bad edit shows its
/// located error over the pages, and the fix clears it.
#[test]
fn the_preview_page_updates_in_a_real_browser() {
    let Some(driver) = chromedriver() else {
        eprintln!(
            "SKIPPED: no chromedriver (Debian's chromium and chromium-driver); `.ci/run` installs them"
        );
        return;
    };
    let dir = Scratch::new("serve-browser");
    let text = example(&dir);
    let server = Server::start(&dir.0, &["--port", "0", "--lang", "ko,en"]);
    let browser = Browser::start(driver);
    browser.go(&server.url());
    let columns = browser.until(
        "both languages",
        "const c = [...document.querySelectorAll('section.column')];
         return c.length === 2 && c.every(s => s.querySelector('img') && s.querySelector('img').complete)
           && c.map(s => s.dataset.lang + ':' + s.querySelectorAll('figure').length + ':' + s.textContent.length).join(' ');",
    );
    let columns = columns.as_str().unwrap();
    assert!(columns.starts_with("ko:") && columns.contains(" en:"), "{columns}");
    let shown = browser.run("return document.querySelector('main').textContent");
    assert!(
        shown.as_str().unwrap().contains("서버 개발")
            && shown.as_str().unwrap().contains("Server development")
    );
    // The page's own text is in the embedded font, so its Hangul shows
    // where the machine has no Korean font.
    browser.until(
        "the embedded font",
        "return document.fonts.status === 'loaded' && document.fonts.check('600 14px Pretendard', '경력기술서')",
    );
    let shot = browser.screenshot();
    assert!(shot.starts_with(b"\x89PNG"), "a PNG screenshot");
    let shot_path = if std::env::var_os("RESUME_UPDATE_SCREENSHOT").is_some() {
        common::root().join("examples/gallery/serve.png")
    } else {
        dir.path("serve.png")
    };
    std::fs::write(&shot_path, &shot).unwrap();

    // No reload: a mark left in the page survives, and so does the scroll.
    browser.run("window.__mark = 'kept'; window.scrollTo(0, 600);");
    let scrolled = browser.run("return window.scrollY").as_f64().unwrap();
    assert!(scrolled > 500.0, "the page scrolls: {scrolled}");
    dir.write("resume.toml", &text.replace("서버 개발 (MLOps", "플랫폼 개발 (MLOps"));
    browser.until("the edit", "return document.querySelector('main').textContent.includes('플랫폼 개발')");
    assert_eq!(browser.run("return window.__mark"), json!("kept"), "the page was reloaded");
    let after = browser.run("return window.scrollY").as_f64().unwrap();
    assert!((after - scrolled).abs() < 2.0, "the scroll moved from {scrolled} to {after}");

    // A bad edit: the error over the last good pages, then gone with the fix.
    dir.write("resume.toml", &text.replace("[person]", "[person"));
    let error = browser
        .until(
            "the error",
            // A save is a truncation then a write: a build may catch the
            // empty file first, and the page then shows that error.
            "const e = document.getElementById('error'); return !e.hidden && e.textContent.includes('[person') && e.textContent;",
        );
    let error = error.as_str().unwrap();
    assert!(error.contains("resume.toml:") && error.contains("[person"), "{error}");
    assert!(
        browser.run("return document.querySelectorAll('figure img').length").as_u64() > Some(1),
        "the last good pages stay"
    );
    dir.write("resume.toml", &text);
    browser.until("the fix", "return document.getElementById('error').hidden && document.querySelector('main').textContent.includes('서버 개발')");
    assert_eq!(browser.run("return window.__mark"), json!("kept"));

    // The layout control: `international` puts the English résumé on one page.
    let pages_en = "return document.querySelectorAll('section[data-lang=en] figure').length";
    assert!(browser.run(pages_en).as_u64() > Some(1));
    browser.run("const l = document.getElementById('layout'); l.value = 'international'; l.dispatchEvent(new Event('change'));");
    browser.until("the chosen layout", &format!("{pages_en} === 1"));
    assert_eq!(browser.run("return window.__mark"), json!("kept"));

    // The web page's tab: the page `resume html` writes, framed, both
    // languages in it, following the next edit.
    let width_shown = "return document.getElementById('width').getBoundingClientRect().width > 0";
    assert_eq!(browser.run(width_shown), json!(false), "the width control belongs to the web page's tab");
    browser.run("document.getElementById('tab-web').click()");
    let framed = "const f = document.getElementById('site'); const d = f.contentDocument;
         return !document.getElementById('web').hidden && document.getElementById('pages').hidden
           && d && d.querySelectorAll('article.resume').length === 2 && d.body.textContent";
    let framed_text = browser.until("the web page in its tab", framed);
    let framed_text = framed_text.as_str().unwrap();
    assert!(framed_text.contains("서버 개발") && framed_text.contains("Server development"), "{framed_text}");
    dir.write("resume.toml", &text.replace("서버 개발 (MLOps", "웹 개발 (MLOps"));
    browser.until(
        "the edit in the web page",
        "const d = document.getElementById('site').contentDocument; return d && d.body && d.body.textContent.includes('웹 개발')",
    );
    assert_eq!(browser.run(width_shown), json!(true));
    browser.run("const w = document.getElementById('width'); w.value = 'phone'; w.dispatchEvent(new Event('change'));");
    let phone =
        browser.run("return document.getElementById('site').getBoundingClientRect().width").as_f64().unwrap();
    assert!((phone - 360.0).abs() < 1.0, "the phone frame is {phone} px wide");
    browser.run("document.getElementById('tab-pages').click()");
    browser.until(
        "the pages again",
        "return !document.getElementById('pages').hidden && document.getElementById('web').hidden",
    );
    assert_eq!(browser.run("return window.__mark"), json!("kept"));
}

/// A `resume.toml` that links out of the folder is refused by `serve` as
/// by `pdf`: the page shows the refusal, never the linked file's text.
#[test]
fn serve_never_shows_a_resume_linking_out_of_the_folder() {
    let outside = Scratch::new("serve-outside");
    outside.write("secret.toml", "AWS_SECRET=abc123\n[person]\nname = \"Leaked\"\n");
    let dir = Scratch::new("serve-link");
    std::os::unix::fs::symlink(outside.path("secret.toml"), dir.path("resume.toml")).unwrap();
    let server = Server::start(&dir.0, &["--lang", "en"]);
    let state = server.state_where("an error", |s| s["error"].is_string());
    let error = state["error"].as_str().unwrap();
    assert!(error.contains("outside the résumé's folder"), "{error}");
    let all = state.to_string() + &server.log();
    assert!(!all.contains("AWS_SECRET") && !all.contains("Leaked"), "{all}");
}

/// Slow clients and pages that come and go never lock anyone out: a
/// request must arrive whole within its deadline (a byte now and then does
/// not hold a connection), and an event stream whose page went away frees
/// its slot at once, so reloading the page a hundred times leaves the
/// next page served.
#[test]
fn slow_clients_and_reloads_never_lock_the_page_out() {
    let dir = Scratch::new("serve-slow");
    let server = Server::start(&dir.0, &["--lang", "en"]);
    server.state_where("a build", |s| s["generation"].as_u64() > Some(0));
    // Every slot taken by a client that sends a byte a second.
    let slow: Vec<TcpStream> =
        (0..64).filter_map(|_| TcpStream::connect(("127.0.0.1", server.port)).ok()).collect();
    let drip = std::thread::spawn(move || {
        for _ in 0..10 {
            for mut stream in &slow {
                let _ = stream.write_all(b"G");
            }
            std::thread::sleep(Duration::from_secs(1));
        }
    });
    std::thread::sleep(Duration::from_secs(6));
    let started = Instant::now();
    let reply = http(server.port, "GET", "/state", &[]);
    assert_eq!(reply.status, 200, "{}", reply.text());
    assert!(started.elapsed() < Duration::from_secs(3), "waited {:?}", started.elapsed());
    drip.join().unwrap();
    // A hundred reloads: each opens the event stream and goes away.
    for _ in 0..100 {
        let mut stream = TcpStream::connect(("127.0.0.1", server.port)).unwrap();
        write!(stream, "GET /events HTTP/1.1\r\nHost: 127.0.0.1:{}\r\n\r\n", server.port).unwrap();
        let mut head = [0u8; 12];
        stream.read_exact(&mut head).unwrap();
        assert!(head.starts_with(b"HTTP/1.1 200") || head.starts_with(b"HTTP/1.1 503"));
    }
    // The next page gets its stream and its state within a second or so.
    let deadline = Instant::now() + Duration::from_secs(3);
    loop {
        let mut stream = TcpStream::connect(("127.0.0.1", server.port)).unwrap();
        write!(stream, "GET /events HTTP/1.1\r\nHost: 127.0.0.1:{}\r\n\r\n", server.port).unwrap();
        let mut head = [0u8; 12];
        stream.read_exact(&mut head).unwrap();
        if head.starts_with(b"HTTP/1.1 200") {
            break;
        }
        assert!(Instant::now() < deadline, "event streams still refused after the reloads");
        std::thread::sleep(Duration::from_millis(100));
    }
    assert_eq!(http(server.port, "GET", "/state", &[]).status, 200);
}

/// A build past its time or memory limit ends the worker that ran it, not
/// the server: the page shows the error over the last good pages, the
/// server keeps serving, and the next choice builds again.
#[test]
fn a_runaway_layout_never_ends_the_server() {
    let dir = Scratch::new("serve-runaway");
    dir.write("resume.toml", common::SMALL);
    dir.write("layouts/spin.typ", common::SPIN);
    dir.write("layouts/grow.typ", "#let s = \"x\" * 700000000\n#s.len()\n");
    let server = Server::start(&dir.0, &["--lang", "en", "--timeout", "2", "--max-memory", "600"]);
    let good = server.state_where("a build", |s| s["generation"].as_u64() > Some(0));
    let pages = good["documents"][0]["pages"].as_array().unwrap().len();
    for (layout, says) in [("spin", "ran for more than 2 s"), ("grow", "600 MiB of memory allowed")] {
        let reply = http(server.port, "POST", &format!("/choose?layout={layout}"), &[]);
        assert_eq!(reply.status, 200, "{}", reply.text());
        let state = server.state_where(says, |s| s["error"].as_str().is_some_and(|e| e.contains(says)));
        // The last good pages stay, and the server answers.
        assert_eq!(state["generation"], good["generation"], "{layout}");
        assert_eq!(state["documents"][0]["pages"].as_array().unwrap().len(), pages, "{layout}");
        let page = state["documents"][0]["pages"][0]["src"].as_str().unwrap().to_string();
        assert_eq!(http(server.port, "GET", &page, &[]).status, 200, "{layout}");
    }
    // Back to a layout that builds: new pages, no error.
    assert_eq!(http(server.port, "POST", "/choose?layout=classic", &[]).status, 200);
    let state = server.state_where("a new build", |s| {
        s["generation"].as_u64() > good["generation"].as_u64() && s["error"].is_null()
    });
    assert!(state["documents"][0]["pages"].as_array().is_some_and(|p| !p.is_empty()));
}
