//! Nothing runs forever or without bound: plugins are off unless allowed,
//! a runaway layout meets its deadline or the memory ceiling (in `pdf`
//! and in `check`), and a Fluent file nested thousands deep is an error,
//! never a stack overflow.

mod common;

use std::time::Duration;

use common::{SMALL, SPIN, Scratch, resume_bounded, resume_err};

fn bounded_failure(dir: &Scratch, args: &[&str]) -> String {
    let (out, killed) = resume_bounded(&dir.0, args, Duration::from_secs(90));
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(!killed, "resume {args:?} ran past its deadline:\n{err}");
    assert_eq!(out.status.code(), Some(1), "resume {args:?}:\n{err}");
    err
}

#[test]
fn a_looping_layout_meets_its_deadline() {
    let dir = Scratch::new("spin");
    dir.write("resume.toml", SMALL);
    dir.write("lay/spin.typ", SPIN);
    let err = bounded_failure(&dir, &["pdf", "--layout", "lay/spin.typ", "--timeout", "2", "-o", "x.pdf"]);
    assert!(err.contains("lay/spin.typ"), "the layout is named: {err}");
    assert!(err.contains("ran for more than 2 s"), "{err}");
    assert!(!dir.path("x.pdf").exists());
}

#[test]
fn check_meets_the_deadline_too() {
    let dir = Scratch::new("spin-check");
    dir.write("resume.toml", &format!("{SMALL}\n[profile.p]\nlayout = \"lay/spin.typ\"\nmax_pages = 1\n"));
    dir.write("lay/spin.typ", SPIN);
    let err = bounded_failure(&dir, &["check", "--timeout", "2"]);
    assert!(err.contains("ran for more than 2 s"), "{err}");
}

#[test]
fn a_layout_that_grows_without_end_meets_the_memory_ceiling() {
    let dir = Scratch::new("grow");
    dir.write("resume.toml", SMALL);
    dir.write(
        "lay/grow.typ",
        "#let s = \"x\" * 100000000\n#let t = range(60).map(i => s + str(i))\n#t.len()\n",
    );
    let err =
        bounded_failure(&dir, &["pdf", "--layout", "lay/grow.typ", "--max-memory", "512", "-o", "x.pdf"]);
    assert!(err.contains("used more than 512 MiB"), "{err}");
}

#[test]
fn plugins_are_off_unless_allowed() {
    let dir = Scratch::new("plugin");
    dir.write("resume.toml", SMALL);
    // Not even a valid module is needed: the call itself is refused.
    dir.write_bytes("lay/spin.wasm", b"\0asm\x01\0\0\0");
    dir.write("lay/a.typ", "#let p = plugin(\"spin.wasm\")\n");
    dir.write("lay/b.typ", "#let p = std.plugin(bytes((0, 97, 115, 109, 1, 0, 0, 0)))\n");
    for layout in ["lay/a.typ", "lay/b.typ"] {
        let err = resume_err(&dir.0, &["pdf", "--layout", layout, "-o", "x.pdf"]);
        assert!(err.contains("WebAssembly plugins are off"), "{layout}: {err}");
        assert!(err.contains("--allow-plugins"), "{err}");
    }
    // Allowed, the call reaches Typst's plugin loader (which rejects this
    // module for having no functions to call, or loads it).
    let err = common::resume(&dir.0, &["pdf", "--layout", "lay/a.typ", "--allow-plugins", "-o", "x.pdf"]);
    assert!(!String::from_utf8_lossy(&err.stderr).contains("plugins are off"));
}

#[test]
fn deeply_nested_fluent_is_an_error_in_every_command() {
    let dir = Scratch::new("deep-ftl");
    dir.write("resume.toml", SMALL);
    let deep = format!("section-projects = {}$x{}\n", "{".repeat(5000), "}".repeat(5000));
    dir.write("en.ftl", &deep);
    for args in [
        &["pdf", "--lang", "en", "-o", "x.pdf"][..],
        &["check", "--lang", "en"],
        &["i18n", "missing", "--lang", "en"],
    ] {
        let err = bounded_failure(&dir, args);
        assert!(err.contains("nests placeables more than"), "{args:?}: {err}");
        assert!(err.contains("en.ftl:1:"), "{args:?} is not located: {err}");
        assert!(err.lines().all(|l| l.chars().count() < 300), "{args:?} echoes the whole line: {err}");
    }
}

#[test]
fn nesting_hidden_behind_quotes_or_calls_is_refused() {
    let dir = Scratch::new("deep-ftl-tricks");
    dir.write("resume.toml", SMALL);
    let n = 20_000;
    let cases = [
        format!("section-projects = {{ $x ->\n   *[a] \" {}$x{}\n}}\n", "{".repeat(n), "}".repeat(n)),
        format!("section-projects = {{ {}1{} }}\n", "NUMBER(".repeat(n), ")".repeat(n)),
    ];
    for text in cases {
        dir.write("ko.ftl", &text);
        for args in [&["pdf", "-o", "x.pdf"][..], &["check"]] {
            let err = bounded_failure(&dir, args);
            assert!(err.contains("nests placeables more than"), "{args:?}: {err}");
        }
    }
}

#[test]
fn one_huge_allocation_is_a_clean_error() {
    let dir = Scratch::new("huge-alloc");
    dir.write("resume.toml", SMALL);
    dir.write("lay/a.typ", "#let v = \"x\" * 100000000000\n");
    dir.write("lay/b.typ", "#let v = (0,) * 100000000000\n");
    for layout in ["lay/a.typ", "lay/b.typ"] {
        let err = bounded_failure(&dir, &["pdf", "--layout", layout, "-o", "x.pdf"]);
        assert!(err.contains("more than the 2048 MiB of memory allowed"), "{layout}: {err}");
        assert!(err.contains(layout), "the layout is named: {err}");
    }
}
