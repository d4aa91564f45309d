//! Bounded resources: `--profile all` over hundreds of profiles builds on a
//! pool the size of the machine's cores, and its peak memory stays near one
//! build's peak times the pool, however many profiles there are. (Its own
//! test binary: the peak is read from the children this process waited
//! for, so no other test may spawn any meanwhile.)

mod common;

use common::{Scratch, resume_ok};

/// The largest resident set of any child waited for so far, in KiB.
fn children_peak_kib() -> i64 {
    // SAFETY: `getrusage` fills the struct it is given; nothing else.
    unsafe {
        let mut usage: libc::rusage = std::mem::zeroed();
        assert_eq!(libc::getrusage(libc::RUSAGE_CHILDREN, &mut usage), 0);
        usage.ru_maxrss
    }
}

#[test]
fn many_profiles_take_little_more_memory_than_one() {
    let dir = Scratch::new("batch-memory");
    let example = std::fs::read_to_string(common::root().join("examples/builtin/resume.toml")).unwrap();
    let body = &example[..example.find("[profile.").unwrap_or(example.len())];
    dir.write("one.toml", body);
    resume_ok(&dir.0, &["pdf", "--input", "one.toml", "-o", "one.pdf"]);
    let one = children_peak_kib();
    let mut many = body.to_string();
    for n in 0..400 {
        many.push_str(&format!("\n[profile.p{n}]\nlang = [\"ko\"]\n"));
    }
    dir.write("many.toml", &many);
    let stderr = resume_ok(&dir.0, &["pdf", "--input", "many.toml", "--profile", "all"]);
    assert_eq!(stderr.matches("wrote ").count(), 400);
    let peak = children_peak_kib();
    let cores = std::thread::available_parallelism().map_or(2, |n| n.get()) as i64;
    eprintln!("one build: {one} KiB; 400 builds on {cores} cores: {peak} KiB");
    assert!(peak <= one * cores + 16 * 1024, "400 builds peaked at {peak} KiB, one at {one} KiB");
}
