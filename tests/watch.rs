//! `resume watch`: builds, then rebuilds after an edit, and survives a bad
//! edit without exiting.

mod common;

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::{Pdf, Scratch};

#[test]
fn rebuilds_after_each_save_and_reports_errors_without_exiting() {
    let dir = Scratch::new("watch");
    dir.write("resume.toml", "[person]\nname = \"First\"\n");
    let mut child = Command::new(env!("CARGO_BIN_EXE_resume"))
        .args(["watch", "--lang", "en", "--max-builds", "3", "--today", "2026-11"])
        .current_dir(&dir.0)
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stderr.take().unwrap()).lines();
    let deadline = Instant::now() + Duration::from_secs(60);
    let mut next = |what: &str| -> String {
        assert!(Instant::now() < deadline, "watch took too long waiting for {what}");
        lines.next().expect("watch ended early").unwrap()
    };

    let first = next("the first build");
    assert!(first.starts_with("built resume-en.pdf (1 page) in"), "{first}");
    assert!(Pdf::open(&dir.path("resume-en.pdf")).text().contains("First"));

    // A broken save is reported; the previous PDF stays.
    std::thread::sleep(Duration::from_millis(60));
    dir.write("resume.toml", "[person]\nname = \"Broken\n");
    let error = next("the error");
    assert!(error.starts_with("error:"), "{error}");
    while !next("the wait line").starts_with("waiting for a fix") {}
    assert!(Pdf::open(&dir.path("resume-en.pdf")).text().contains("First"));

    std::thread::sleep(Duration::from_millis(60));
    dir.write("resume.toml", "[person]\nname = \"Second\"\n");
    let rebuilt = next("the rebuild");
    assert!(rebuilt.starts_with("built resume-en.pdf"), "{rebuilt}");
    assert!(child.wait().unwrap().success());
    assert!(Pdf::open(&dir.path("resume-en.pdf")).text().contains("Second"));
}

/// A save in progress is not built: an editor that truncates the file and
/// writes it in pieces never makes watch report the half-written résumé.
#[test]
fn a_save_in_progress_is_not_built() {
    use std::io::Write;
    let dir = Scratch::new("watch-slow-save");
    dir.write("resume.toml", "[person]\nname = \"First\"\n");
    let mut child = Command::new(env!("CARGO_BIN_EXE_resume"))
        .args(["watch", "--lang", "en", "--max-builds", "2", "--today", "2026-11"])
        .current_dir(&dir.0)
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stderr.take().unwrap()).lines();
    let first = lines.next().unwrap().unwrap();
    assert!(first.starts_with("built resume-en.pdf"), "{first}");

    std::thread::sleep(Duration::from_millis(60));
    let mut file = std::fs::File::create(dir.path("resume.toml")).unwrap();
    file.write_all(b"[person]\n").unwrap();
    file.flush().unwrap();
    // Longer than a poll: a watcher that builds on the first change sees
    // a résumé without a name.
    std::thread::sleep(Duration::from_millis(20));
    file.write_all(b"name = \"Second\"\n").unwrap();
    drop(file);

    let rebuilt = lines.next().unwrap().unwrap();
    assert!(rebuilt.starts_with("built resume-en.pdf"), "a half-written save was built: {rebuilt}");
    assert!(child.wait().unwrap().success());
    assert!(Pdf::open(&dir.path("resume-en.pdf")).text().contains("Second"));
}
