//! The contract between the view and the layouts: a built-in layout reads
//! only fields the view has. Statically, every `data.…` path in the
//! layouts and their library must be a path of the view's JSON; and a
//! résumé that fills every field builds with every built-in layout in
//! both languages, so a field read inside an entry that the view lacks
//! fails the compile here.

mod common;

use common::{Scratch, resume, resume_ok};

/// The `data.a` and `data.a.b` paths a Typst file reads.
fn data_paths(source: &str) -> Vec<Vec<String>> {
    let mut paths = Vec::new();
    let mut rest = source;
    while let Some(at) = rest.find("data.") {
        let before = rest[..at].chars().last();
        rest = &rest[at + 5..];
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '-' || c == '.') {
            continue;
        }
        let path: Vec<String> = rest
            .split(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '.'))
            .next()
            .unwrap_or_default()
            .split('.')
            .filter(|part| !part.is_empty())
            .take(2)
            .map(str::to_string)
            .collect();
        if !path.is_empty() {
            paths.push(path);
        }
    }
    paths
}

#[test]
fn built_in_layouts_read_only_fields_of_the_view() {
    let dir = Scratch::new("contract");
    let fixture = common::root().join("tests/fixtures/roundtrip/resume.toml");
    let out =
        resume(&dir.0, &["export", "--format", "json", "--lang", "en", "--input", fixture.to_str().unwrap()]);
    assert!(out.status.success());
    let view: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let mut checked = 0;
    let mut files: Vec<String> =
        resume::typeset::world::LAYOUTS.iter().map(|l| format!("layouts/{}.typ", l.name)).collect();
    files.extend(
        resume::typeset::world::LIBRARY.iter().map(|(path, _)| path.trim_start_matches('/').to_string()),
    );
    for file in &files {
        let source = std::fs::read_to_string(common::root().join(file)).unwrap();
        for path in data_paths(&source) {
            let mut value = &view;
            for (depth, key) in path.iter().enumerate() {
                // Methods of arrays and strings (`data.projects.len()`).
                if depth > 0 && !value.is_object() {
                    break;
                }
                value = value.get(key).unwrap_or_else(|| {
                    panic!("{file} reads `data.{}`, which the view does not have", path.join("."))
                });
            }
            checked += 1;
        }
    }
    assert!(checked > 30, "only {checked} paths found: the scan is broken");
}

#[test]
fn every_field_filled_builds_with_every_built_in_layout() {
    let dir = Scratch::new("contract-build");
    let fixture = common::root().join("tests/fixtures/roundtrip/resume.toml");
    for layout in resume::typeset::world::LAYOUTS.iter().filter(|l| !l.letters).map(|l| l.name) {
        for lang in ["ko", "en"] {
            let file = format!("{layout}-{lang}.pdf");
            let args = [
                "pdf",
                "--layout",
                layout,
                "--lang",
                lang,
                "--input",
                fixture.to_str().unwrap(),
                "-o",
                &file,
            ];
            resume_ok(&dir.0, &args);
            assert!(dir.path(&file).exists());
        }
    }
}
