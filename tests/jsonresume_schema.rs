//! JSON Resume against the schema project's own files: every export is
//! valid against the official schema (v1.0.0, the version exports name),
//! checked by Python's `jsonschema`, an independent validator; and the
//! schema project's sample résumé imports with every word of every field
//! it could place printed in the PDF.
//!
//! The files are fetched by `.ci/jsonresume-schema` into
//! `tests/schemas/jsonresume`; without them or without Python's
//! `jsonschema` the tests say so and skip.

mod common;

use std::path::PathBuf;
use std::process::{Command, Stdio};

use common::{Scratch, resume, resume_ok};
use serde_json::Value;

/// The folder of the schema project's files, or why the test skips.
fn schema_folder() -> Option<PathBuf> {
    let folder = common::root().join("tests/schemas/jsonresume");
    if !folder.join("schema.json").exists() {
        eprintln!(
            "SKIPPED: no JSON Resume schema in tests/schemas/jsonresume; `bash .ci/jsonresume-schema` fetches it"
        );
        return None;
    }
    Some(folder)
}

/// The validator's messages on `document` (empty when valid), or `None`
/// when Python's `jsonschema` is not installed.
fn schema_errors(folder: &std::path::Path, document: &str) -> Option<Vec<String>> {
    let script = "import json, sys, jsonschema\n\
        schema = json.load(open(sys.argv[1]))\n\
        validator = jsonschema.Draft4Validator(schema, format_checker=jsonschema.FormatChecker())\n\
        document = json.load(sys.stdin)\n\
        for error in validator.iter_errors(document):\n\
        \x20   print('/'.join(str(p) for p in error.absolute_path) + ': ' + error.message)\n";
    let mut child = Command::new("python3")
        .args(["-c", script])
        .arg(folder.join("schema.json"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .ok()?;
    use std::io::Write;
    child.stdin.take().unwrap().write_all(document.as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    if !out.status.success() {
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains("No module named"), "the validator failed: {stderr}");
        eprintln!(
            "SKIPPED: Python's jsonschema is not installed (Debian's python3-jsonschema); `.ci/run` installs it"
        );
        return None;
    }
    Some(String::from_utf8(out.stdout).unwrap().lines().map(str::to_string).collect())
}

#[test]
fn every_export_is_valid_against_the_official_schema() {
    let Some(folder) = schema_folder() else { return };
    let dir = Scratch::new("jr-schema");
    let root = common::root();
    // The schema project's sample, imported: a résumé with every section
    // JSON Resume has.
    let out = resume(&dir.0, &["import", "jsonresume", folder.join("sample.resume.json").to_str().unwrap()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let sample = dir.write("sample/resume.toml", &String::from_utf8(out.stdout).unwrap());
    let inputs = [
        ("example", None),
        ("packet", Some(root.join("examples/packet/resume.toml"))),
        ("every-field", Some(root.join("tests/fixtures/roundtrip/resume.toml"))),
        ("sample", Some(sample)),
    ];
    let mut checked = 0;
    for (name, input) in &inputs {
        for lang in ["ko", "en"] {
            if *name == "sample" && lang == "ko" {
                continue;
            }
            let mut args = vec!["export", "--format", "jsonresume", "--lang", lang];
            if let Some(input) = input {
                args.extend(["--input", input.to_str().unwrap()]);
            }
            let out = resume(&dir.0, &args);
            assert!(out.status.success(), "{name}: {}", String::from_utf8_lossy(&out.stderr));
            let document = String::from_utf8(out.stdout).unwrap();
            let Some(errors) = schema_errors(&folder, &document) else { return };
            assert!(errors.is_empty(), "{name} ({lang}) is not a valid JSON Resume:\n{}", errors.join("\n"));
            checked += 1;

            // The validator does reject what the schema forbids: a date
            // written as words, and a key of no section.
            let mut broken: Value = serde_json::from_str(&document).unwrap();
            broken["work"][0]["startDate"] = "July 2016".into();
            broken["skils"] = Value::Array(vec![]);
            let errors = schema_errors(&folder, &broken.to_string()).unwrap();
            assert!(errors.iter().any(|e| e.starts_with("work/0/startDate")), "{errors:?}");
            assert!(errors.iter().any(|e| e.contains("skils")), "{errors:?}");
        }
    }
    assert_eq!(checked, 7);
}

/// The words of a text: runs of letters and digits.
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_string).collect()
}

/// Every string of a JSON document with its path (`work[0].highlights[1]`).
fn strings(value: &Value, path: String, out: &mut Vec<(String, String)>) {
    match value {
        Value::Object(map) => {
            for (key, child) in map {
                let path = if path.is_empty() { key.clone() } else { format!("{path}.{key}") };
                strings(child, path, out);
            }
        }
        Value::Array(items) => {
            for (n, child) in items.iter().enumerate() {
                strings(child, format!("{path}[{n}]"), out);
            }
        }
        Value::String(text) => out.push((path, text.clone())),
        _ => {}
    }
}

#[test]
fn the_schema_projects_sample_reaches_the_pdf_word_for_word() {
    let Some(folder) = schema_folder() else { return };
    let dir = Scratch::new("jr-sample");
    let sample = folder.join("sample.resume.json");
    let out = resume(&dir.0, &["import", "jsonresume", sample.to_str().unwrap()]);
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(out.status.success(), "{stderr}");
    assert!(stderr.contains("imported as `en`"), "the language is told from the prose: {stderr}");
    dir.write("resume.toml", &String::from_utf8(out.stdout).unwrap());
    resume_ok(&dir.0, &["check", "--strict", "--no-style", "--lang", "en"]);
    resume_ok(&dir.0, &["pdf", "--lang", "en", "-o", "sample.pdf"]);
    let pdf = common::Pdf::open(&dir.path("sample.pdf"));
    // Words are looked for in the text with its spaces taken out: the
    // PDF's text runs do not always keep the space between two words.
    let printed = common::squash(&pdf.text());
    let links = pdf.link_uris();

    // What is said to be left out, each once, at its path.
    let left_out: Vec<&str> = stderr
        .lines()
        .filter_map(|l| l.strip_prefix("warning: ")?.split(": ").nth(1))
        .filter(|path| !path.is_empty())
        .collect();
    for expected in
        ["basics.location.address", "work[0].url", "work[0].description", "projects[0].roles", "meta"]
    {
        assert!(left_out.contains(&expected), "{expected} is not said to be left out:\n{stderr}");
    }
    let said = |path: &str| {
        left_out
            .iter()
            .any(|p| path == *p || path.starts_with(&format!("{p}.")) || path.starts_with(&format!("{p}[")))
    };

    let document: Value = serde_json::from_str(&std::fs::read_to_string(&sample).unwrap()).unwrap();
    let mut texts = Vec::new();
    strings(&document, String::new(), &mut texts);
    let mut missing = Vec::new();
    for (path, text) in &texts {
        let key = path.rsplit('.').next().unwrap_or_default();
        let key = key.split('[').next().unwrap_or_default();
        if said(path) || text.is_empty() {
            continue;
        }
        match key {
            // Dates print as months (`Dec 2013`), checked by the dates
            // tests; a profile's network and user name are kept for
            // exports, its address prints; a project's keywords are its
            // tags, for `--only tag:…`.
            "$schema" | "startDate" | "endDate" | "date" | "releaseDate" | "network" | "username" => continue,
            "keywords" if path.starts_with("projects") => continue,
            // Addresses are links, printed without their scheme.
            "url" => {
                let bare =
                    text.split_once("://").map_or(text.as_str(), |(_, rest)| rest).trim_end_matches('/');
                assert!(
                    links.iter().any(|l| l.trim_end_matches('/').ends_with(bare)),
                    "{path}: {text} is not a link: {links:?}"
                );
                continue;
            }
            _ => {}
        }
        for word in words(text) {
            if !printed.contains(&word) {
                missing.push(format!("{path}: `{word}` of {text:?}"));
            }
        }
    }
    assert!(missing.is_empty(), "words that never reach the PDF:\n{}", missing.join("\n"));
}
