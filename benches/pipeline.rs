//! `cargo bench`: the whole pipeline and each stage on the built-in example.
//!
//! A plain harness (no framework): each stage runs many times and the
//! median and spread are printed, plus the whole `resume pdf --lang ko`
//! process (wall time and peak memory) and a recompile after a one-field
//! edit, which is what `watch` pays per save.

use std::hint::black_box;
use std::path::PathBuf;
use std::process::Command;
use std::time::{Duration, Instant};

use resume::build;
use resume::i18n::Language;
use resume::localize;
use resume::model::{self, YearMonth};
use resume::select::Selection;
use resume::typeset::compile;
use resume::typeset::world::{Layout, ResumeWorld};
use resume::view::{Paper, ViewOptions};

fn measure<T>(name: &str, runs: usize, mut f: impl FnMut() -> T) -> Duration {
    for _ in 0..3.min(runs) {
        black_box(f());
    }
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            black_box(f());
            start.elapsed()
        })
        .collect();
    times.sort();
    let median = times[runs / 2];
    println!(
        "{name:<44} median {:>9.3} ms   min {:>9.3} ms   max {:>9.3} ms   ({runs} runs)",
        ms(median),
        ms(times[0]),
        ms(times[runs - 1])
    );
    median
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

/// Peak resident memory of the children waited for so far, in KiB.
fn children_peak_kib() -> i64 {
    #[repr(C)]
    struct Rusage {
        utime: [i64; 2],
        stime: [i64; 2],
        maxrss: i64,
        rest: [i64; 13],
    }
    unsafe extern "C" {
        fn getrusage(who: i32, usage: *mut Rusage) -> i32;
    }
    let mut usage = Rusage { utime: [0; 2], stime: [0; 2], maxrss: 0, rest: [0; 13] };
    // RUSAGE_CHILDREN = -1
    unsafe { getrusage(-1, &mut usage) };
    usage.maxrss
}

fn main() {
    // `cargo bench` passes `--bench`; any other argument filters nothing here.
    // In-process, the words are checked by Harper every time, never read
    // from what an earlier run remembered.
    // SAFETY: set before this process starts any thread.
    unsafe { std::env::set_var("RESUME_CACHE_DIR", "off") };
    let today = YearMonth::new(2026, 11).unwrap();
    let source = resume::source::example();
    let ko = Language::negotiate("ko").unwrap();

    // Processes first: a child forked from a bench that already holds
    // Typst's caches would count them in its peak memory.
    println!("whole process (`resume pdf --lang ko` on the example):");
    let binary = PathBuf::from(env!("CARGO_BIN_EXE_resume"));
    let out = std::env::temp_dir().join(format!("resume-bench-{}", std::process::id()));
    std::fs::create_dir_all(&out).unwrap();
    let run = |langs: &str| {
        let status = Command::new(&binary)
            .args(["pdf", "--lang", langs, "--today", "2026-11", "-o"])
            .arg(out.join(if langs.contains(',') { "both" } else { "one.pdf" }))
            .stderr(std::process::Stdio::null())
            .status()
            .unwrap();
        assert!(status.success());
    };
    measure("process: pdf --lang ko", 30, || run("ko"));
    println!("{:<44} {:>9.1} MB", "peak memory (max RSS) of those runs", children_peak_kib() as f64 / 1024.0);
    measure("process: pdf --lang ko,en (parallel)", 20, || run("ko,en"));

    println!("\nevery built-in layout, whole process, each language:");
    for layout in resume::typeset::world::LAYOUTS.iter().filter(|l| !l.letters).map(|l| l.name) {
        for lang in ["ko", "en"] {
            measure(&format!("process: pdf --layout {layout} --lang {lang}"), 20, || {
                let status = Command::new(&binary)
                    .args(["pdf", "--layout", layout, "--lang", lang, "--today", "2026-11", "-o"])
                    .arg(out.join(format!("{layout}-{lang}.pdf")))
                    .stderr(std::process::Stdio::null())
                    .status()
                    .unwrap();
                assert!(status.success());
            });
        }
    }

    measure("process: docx --lang ko", 20, || {
        let status = Command::new(&binary)
            .args(["docx", "--lang", "ko", "--today", "2026-11", "-o"])
            .arg(out.join("one.docx"))
            .stderr(std::process::Stdio::null())
            .status()
            .unwrap();
        assert!(status.success());
    });
    println!("\n`resume check` on the example, whole process:");
    // Harper's findings remembered from a run before (the usual case: a
    // check after an edit), none remembered (Harper loads), and no words.
    let cache = out.join("cache");
    let checks: [(&str, &[&str], &std::path::Path); 3] = [
        ("process: check (words remembered)", &["check", "--today", "2026-11"], &cache),
        ("process: check (Harper loads)", &["check", "--today", "2026-11"], std::path::Path::new("off")),
        (
            "process: check --no-style (structure only)",
            &["check", "--no-style", "--today", "2026-11"],
            &cache,
        ),
    ];
    for (name, args, cache) in checks {
        measure(name, 20, || {
            let status = Command::new(&binary)
                .args(args)
                .env("RESUME_CACHE_DIR", cache)
                .stderr(std::process::Stdio::null())
                .status()
                .unwrap();
            assert!(status.success());
        });
    }
    serve_latency(&binary, &out);
    scale(&binary, &out);

    println!("\nprofiles (the example's four profiles, six PDFs):");
    let run_profile = |profile: &str| {
        let status = Command::new(&binary)
            .args(["pdf", "--profile", profile, "--today", "2026-11", "-o"])
            .arg(format!("{}/", out.join(profile).display()))
            .stderr(std::process::Stdio::null())
            .status()
            .unwrap();
        assert!(status.success());
    };
    let mut parts = Duration::ZERO;
    for profile in ["mlops", "search", "brief", "one-page"] {
        parts += measure(&format!("process: pdf --profile {profile}"), 10, || run_profile(profile));
    }
    let all = measure("process: pdf --profile all", 10, || run_profile("all"));
    println!(
        "{:<44} {:>9.3} ms   (--profile all takes {:.0}% of it)",
        "sum of the parts",
        ms(parts),
        100.0 * all.as_secs_f64() / parts.as_secs_f64()
    );
    println!("\nstages, in-process, built-in example, Korean:");
    let resume = model::load(&source).unwrap();
    measure("parse + check resume.toml", 200, || model::load(&source).unwrap());
    // The first style check loads Harper's dictionary; the next ones reuse it.
    let start = Instant::now();
    black_box(resume::check::style::check_style(&source, today));
    println!(
        "{:<44} {:>16.3} ms   (once)",
        "check the words, first time (Harper loads)",
        ms(start.elapsed())
    );
    measure("check the words again", 20, || resume::check::style::check_style(&source, today));
    measure("check the structure (page budgets built)", 20, || resume::check::check(&source, &[], today));
    let selection = Selection::new(&[], &[], &resume, today).unwrap();
    let catalogue = build::catalogue(&source, ko).unwrap();
    let options = ViewOptions { today, paper: Paper::A4, arrangement: Default::default() };
    measure("localize (Fluent, view)", 200, || {
        localize::localize(&resume, &source, &catalogue, &selection, options).unwrap()
    });
    let view = localize::localize(&resume, &source, &catalogue, &selection, options).unwrap();
    measure("serialize view to JSON", 200, || view.to_json());
    measure("world setup (fonts, library)", 50, || {
        ResumeWorld::new(&Layout::Builtin("classic"), None, vec![], today, false).unwrap()
    });

    let json = view.to_json();
    let cold = measure("compile, cold caches", 20, || {
        let mut world = ResumeWorld::new(&Layout::Builtin("classic"), None, vec![], today, false).unwrap();
        world.set_view(json.clone());
        typst::comemo::evict(0);
        compile::compile(&world).unwrap()
    });
    for layout in
        resume::typeset::world::LAYOUTS.iter().filter(|l| !l.letters && l.name != "classic").map(|l| l.name)
    {
        measure(&format!("compile, cold caches, {layout}"), 20, || {
            let mut world = ResumeWorld::new(&Layout::Builtin(layout), None, vec![], today, false).unwrap();
            world.set_view(json.clone());
            typst::comemo::evict(0);
            compile::compile(&world).unwrap()
        });
    }
    let mut world = ResumeWorld::new(&Layout::Builtin("classic"), None, vec![], today, false).unwrap();
    world.set_view(json.clone());
    let document = compile::compile(&world).unwrap();
    measure("export PDF", 20, || resume::output::pdf::pdf(&world, &document, "bench").unwrap());

    // A one-field edit: the headline changes to a text never seen before
    // (a value seen before would be a pure cache hit), everything else is
    // as it was.
    let mut edited = resume.clone();
    let mut edits = 0;
    let recompile = measure("recompile after a one-field edit", 30, || {
        edits += 1;
        edited.person.headline = Some(model::Text::Plain(format!("Backend engineer, edit {edits}")));
        let view = localize::localize(&edited, &source, &catalogue, &selection, options).unwrap();
        world.set_view(view.to_json());
        compile::compile(&world).unwrap()
    });
    let unchanged = measure("recompile with nothing changed", 30, || compile::compile(&world).unwrap());
    let _ = (cold, recompile, unchanged);

    let _ = std::fs::remove_dir_all(&out);
}

/// A career of 400 projects at 40 companies (generated here): how the
/// whole process grows with the résumé, in time and peak memory.
fn scale(binary: &std::path::Path, out: &std::path::Path) {
    println!("\nscale: a generated résumé of 400 projects at 40 companies, whole process:");
    let dir = out.join("scale");
    std::fs::create_dir_all(&dir).unwrap();
    let mut toml = String::from("[person]\nname = { ko = \"김규모\", en = \"Gyumo Kim\" }\n");
    for c in 0..40 {
        toml.push_str(&format!(
            "\n[[company]]\nid = \"c{c}\"\nname = \"Company {c}\"\nrole = \"Engineer\"\n"
        ));
    }
    for p in 0..400 {
        let (year, month) = (1990 + p / 12, 1 + p % 12);
        toml.push_str(&format!(
            "\n[[project]]\nid = \"p{p}\"\nname = {{ ko = \"프로젝트 {p}\", en = \"Project {p}\" }}\ncompany = \"c{}\"\n\
             period = \"{year}-{month:02}..{year}-{month:02}\"\nlanguages = [\"rust\", \"go\"]\n\
             responsibilities = [{{ ko = \"서비스 {p}의 서버를 설계하고 운영했습니다\", en = \"Designed and ran the servers of service {p}.\" }}]\n",
            p / 10
        ));
    }
    std::fs::write(dir.join("resume.toml"), toml).unwrap();
    let before = children_peak_kib();
    measure("process: pdf --lang ko, 400 projects", 5, || {
        let status = Command::new(binary)
            .args(["pdf", "--lang", "ko", "--today", "2026-11", "-o", "scale.pdf"])
            .current_dir(&dir)
            .stderr(std::process::Stdio::null())
            .status()
            .unwrap();
        assert!(status.success());
    });
    let peak = children_peak_kib();
    if peak > before {
        println!("{:<44} {:>9.1} MB", "peak memory (max RSS) of those runs", peak as f64 / 1024.0);
    }
}

/// `resume serve`: from a save of resume.toml to the event that tells the
/// page of the new pages (the files settling for 50 ms, the rebuild of
/// both languages, PDF and SVG). The page then fetches the state and the
/// new images from memory.
fn serve_latency(binary: &std::path::Path, out: &std::path::Path) {
    use std::io::{BufRead, BufReader, Write};
    let dir = out.join("serve");
    std::fs::create_dir_all(&dir).unwrap();
    let text = resume::source::EXAMPLE.to_string();
    std::fs::write(dir.join("resume.toml"), &text).unwrap();
    let mut child = Command::new(binary)
        .args(["serve", "--port", "0", "--lang", "ko,en", "--today", "2026-11"])
        .current_dir(&dir)
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut log = BufReader::new(child.stderr.take().unwrap());
    let mut line = String::new();
    let port: u16 = loop {
        line.clear();
        log.read_line(&mut line).unwrap();
        if let Some(rest) = line.trim().strip_prefix("serving http://127.0.0.1:") {
            break rest.split('/').next().unwrap().parse().unwrap();
        }
    };
    std::thread::spawn(move || for _ in log.lines() {});
    let mut stream = std::net::TcpStream::connect(("127.0.0.1", port)).unwrap();
    write!(stream, "GET /events HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n").unwrap();
    let mut events = BufReader::new(stream);
    // Waits for the event of a snapshot newer than `seen`.
    let mut event_after = |seen: u64| loop {
        let mut line = String::new();
        events.read_line(&mut line).unwrap();
        if let Some(version) = line.trim().strip_prefix("data: ").and_then(|v| v.parse::<u64>().ok())
            && version > seen
        {
            break;
        }
    };
    let version = || -> u64 {
        let mut stream = std::net::TcpStream::connect(("127.0.0.1", port)).unwrap();
        write!(stream, "GET /state HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n").unwrap();
        let mut reply = String::new();
        std::io::Read::read_to_string(&mut stream, &mut reply).unwrap();
        let body = reply.split("\r\n\r\n").nth(1).unwrap();
        serde_json::from_str::<serde_json::Value>(body).unwrap()["version"].as_u64().unwrap()
    };
    std::thread::sleep(Duration::from_millis(2000)); // the first build
    let runs = 15;
    let mut times: Vec<Duration> = (1..=runs)
        .map(|edit| {
            std::thread::sleep(Duration::from_millis(150)); // the last build is done
            let seen = version();
            std::fs::write(
                dir.join("resume.toml"),
                text.replacen("서버 개발", &format!("서버 개발 {edit}"), 1),
            )
            .unwrap();
            let start = Instant::now();
            event_after(seen);
            start.elapsed()
        })
        .collect();
    times.sort();
    println!(
        "{:<44} median {:>9.3} ms   min {:>9.3} ms   max {:>9.3} ms   ({runs} runs)",
        "serve: save to the page's event (ko+en)",
        ms(times[runs / 2]),
        ms(times[0]),
        ms(times[runs - 1])
    );
    let _ = child.kill();
    let _ = child.wait();
}
