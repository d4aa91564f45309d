//! `watch` keeps memory flat: hundreds of rebuilds after one-field edits,
//! through the same session the command uses, grow the process by no more
//! than a little. (Its own test binary, so no other test shares the
//! process whose memory is measured.)

mod common;

use common::Scratch;
use resume::build::{Request, SourceRequest};
use resume::watch::Session;

/// The resident set of this process, in MiB (Linux only).
fn resident_mib() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
    let kib: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib / 1024.0)
}

#[test]
fn memory_stays_flat_over_many_rebuilds() {
    if resident_mib().is_none() {
        return; // no /proc to read memory from
    }
    let dir = Scratch::new("watch-memory");
    let input = dir.path("resume.toml");
    let output = dir.path("out.pdf");
    // What `resume watch --lang ko --today 2026-11 --input … -o …` asks.
    let request = Request {
        lang: Some(vec!["ko".to_string()]),
        source: SourceRequest {
            input: Some(input.clone()),
            found: false,
            today: Some("2026-11".to_string()),
        },
        output: Some(output.clone()),
        ..Request::default()
    };
    let mut session = Session::default();
    let mut edit = |n: usize| {
        // Every save is new text: a value seen before would be a cache hit.
        let text = resume::source::EXAMPLE.replacen(
            "kakao i cloud 환경의 MLops",
            &format!("kakao i cloud 환경의 MLops, 편집 {n}"),
            1,
        );
        std::fs::write(&input, text).unwrap();
        let lines = session.rebuild(&request);
        assert!(lines.iter().all(|l| l.starts_with("built ")), "{lines:?}");
    };
    for n in 0..40 {
        edit(n);
    }
    let warm = resident_mib().unwrap();
    for n in 40..240 {
        edit(n);
    }
    let after = resident_mib().unwrap();
    assert!(after - warm < 24.0, "200 rebuilds grew memory from {warm:.1} MiB to {after:.1} MiB");
}
