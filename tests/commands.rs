//! Smaller commands: init, completions, man, and help text.

mod common;

use common::{Pdf, Scratch, resume, resume_err, resume_ok};

#[test]
fn init_writes_a_resume_that_builds_and_never_overwrites() {
    let dir = Scratch::new("init");
    resume_ok(&dir.0, &["init", "cv"]);
    for name in ["resume.toml", "ko.ftl", "en.ftl"] {
        assert!(dir.path(&format!("cv/{name}")).exists(), "{name} missing");
    }
    let cv = dir.path("cv");
    resume_ok(&cv, &["pdf", "--lang", "ko,en"]);
    assert!(Pdf::open(&cv.join("resume-en.pdf")).text().contains("Built the search API server"));
    let before = std::fs::read_to_string(cv.join("en.ftl")).unwrap();
    std::fs::write(cv.join("en.ftl"), "section-projects = Work\n").unwrap();
    let err = resume_err(&dir.0, &["init", "cv"]);
    assert!(err.contains("already exists; init never overwrites"), "{err}");
    assert_eq!(std::fs::read_to_string(cv.join("en.ftl")).unwrap(), "section-projects = Work\n");
    assert_ne!(before, "section-projects = Work\n");
}

/// The built-in example, written out: the file that messages about it
/// name, so that a user with only the binary can open and edit it.
#[test]
fn init_example_writes_the_built_in_example_out() {
    let dir = Scratch::new("init-example");
    let note = resume_ok(&dir.0, &["i18n", "missing", "--lang", "en"]);
    assert!(note.contains("`resume init --example DIR` writes it out"), "{note}");
    resume_ok(&dir.0, &["init", "--example", "mine"]);
    let written = std::fs::read_to_string(dir.path("mine/resume.toml")).unwrap();
    assert!(written.starts_with("#:schema ./resume.schema.json\n"), "{written}");
    assert!(dir.path("mine/resume.schema.json").exists());
    assert_eq!(
        written.lines().skip(1).collect::<Vec<_>>(),
        resume::source::EXAMPLE.lines().skip(1).collect::<Vec<_>>()
    );
    let mine = dir.path("mine");
    resume_ok(&mine, &["check", "--strict", "--no-style", "--lang", "ko,en"]);
    resume_ok(&mine, &["pdf", "--lang", "en"]);
    assert!(Pdf::open(&mine.join("resume-en.pdf")).text().contains("yoonbh2714"));
    let err = resume_err(&dir.0, &["init", "--example", "mine"]);
    assert!(err.contains("already exists; init never overwrites"), "{err}");
}

#[test]
fn completions_and_man_page_come_from_the_same_definitions() {
    let dir = Scratch::new("completions");
    for shell in ["bash", "zsh", "fish"] {
        let out = resume(&dir.0, &["completions", shell]);
        assert!(out.status.success());
        let script = String::from_utf8(out.stdout).unwrap();
        assert!(script.contains("max-pages") && script.contains("profiles"), "{shell}");
    }
    let man = String::from_utf8(resume(&dir.0, &["man"]).stdout).unwrap();
    assert!(man.contains(".TH resume 1") && man.contains("max\\-pages"), "{man}");
}

#[test]
fn help_documents_the_selector_grammar() {
    let dir = Scratch::new("help");
    let help = String::from_utf8(resume(&dir.0, &["pdf", "--help"]).stdout).unwrap();
    for needle in ["2019.06-2022.03", "tag:search", "--profile all", "troubleshooting"] {
        assert!(help.contains(needle), "`{needle}` missing from help:\n{help}");
    }
}

#[test]
fn shipped_schema_matches_the_types() {
    let dir = Scratch::new("schema");
    let generated = String::from_utf8(resume(&dir.0, &["schema"]).stdout).unwrap();
    let shipped = std::fs::read_to_string(common::root().join("examples/init/resume.schema.json")).unwrap();
    assert!(
        generated == shipped,
        "examples/init/resume.schema.json is stale: run `cargo run -- schema > examples/init/resume.schema.json`"
    );
    let schema: serde_json::Value = serde_json::from_str(&generated).unwrap();
    assert_eq!(schema["additionalProperties"], false, "unknown keys must be rejected");
    assert!(schema["properties"]["project"]["description"].as_str().unwrap().contains("newest first"));
    // Every field carries a description.
    let definitions = schema["$defs"].as_object().unwrap();
    for (name, definition) in definitions {
        for (field, property) in definition["properties"].as_object().into_iter().flatten() {
            let described = property.get("description").is_some()
                || property.get("$ref").is_some() && definition.get("description").is_some();
            assert!(described, "{name}.{field} has no description");
        }
    }
}

#[test]
fn a_closed_pipe_ends_a_command_quietly() {
    use std::os::unix::process::ExitStatusExt;
    let dir = Scratch::new("closed-pipe");
    for args in [&["schema"][..], &["export", "--format", "json"], &["i18n", "extract", "--lang", "en"]] {
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_resume"))
            .args(args)
            .current_dir(&dir.0)
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        drop(child.stdout.take()); // `| head -0`: the reader is gone at once
        let out = child.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
        assert!(out.status.success() || out.status.signal() == Some(13), "{args:?}: {:?}", out.status);
    }
}
