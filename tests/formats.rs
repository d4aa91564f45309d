//! One registry of formats: every format `resume::output::FORMATS` lists
//! is built by `resume pdf --format NAME` (and, when written from the view,
//! printed by `resume export --format NAME`) without any other change, and
//! each file is of its kind and carries the document. A format added to
//! the registry with its writer is tested here at once.

mod common;

use resume::output::{FORMATS, Format};

use common::{Scratch, resume, resume_err, resume_ok};

/// The person's name in the built-in example, in every output.
const NAME: &str = "yoonbh2714";

/// Whether `bytes` is a file of `format`, read as that format is read.
fn is_of_kind(format: Format, bytes: &[u8]) -> bool {
    match format {
        Format::Pdf => bytes.starts_with(b"%PDF-"),
        Format::Png => bytes.starts_with(b"\x89PNG\r\n\x1a\n"),
        Format::Svg => bytes.starts_with(b"<svg") || bytes.starts_with(b"<?xml"),
        Format::Docx => bytes.starts_with(b"PK\x03\x04"),
        Format::Json | Format::JsonResume => serde_json::from_slice::<serde_json::Value>(bytes).is_ok(),
        Format::Markdown | Format::Text => std::str::from_utf8(bytes).is_ok(),
        Format::Html => bytes.starts_with(b"<!DOCTYPE html>\n<html lang="),
    }
}

/// The text a file of `format` carries, as a reader of that format gets it.
fn text_of(format: Format, path: &std::path::Path) -> String {
    match format {
        Format::Pdf => common::Pdf::open(path).text(),
        Format::Docx => common::docx::part(path, "word/document.xml"),
        Format::Png => String::new(),
        _ => std::fs::read_to_string(path).unwrap(),
    }
}

#[test]
fn every_registered_format_is_built_by_its_name() {
    let dir = Scratch::new("formats-all");
    for (format, name, _) in FORMATS {
        let out = format!("out-{name}/");
        resume_ok(&dir.0, &["pdf", "--lang", "en", "--format", name, "-o", &out]);
        let files: Vec<std::path::PathBuf> =
            std::fs::read_dir(dir.path(&out)).unwrap().map(|e| e.unwrap().path()).collect();
        assert!(!files.is_empty(), "{name}: nothing written");
        for file in &files {
            let bytes = std::fs::read(file).unwrap();
            assert!(is_of_kind(*format, &bytes), "{name}: {} is not a {name} file", file.display());
            let extension = format.extension();
            assert!(file.to_string_lossy().ends_with(extension), "{name}: {}", file.display());
        }
        if !format.paged() && *format != Format::Png {
            let text = text_of(*format, &files[0]);
            assert!(text.contains(NAME), "{name}: the document is not in it");
        }
    }
}

#[test]
fn every_format_written_from_the_view_is_exported_by_its_name() {
    let dir = Scratch::new("formats-export");
    for (format, name, _) in FORMATS {
        let out = resume(&dir.0, &["export", "--lang", "en", "--format", name]);
        if format.typeset() || *format == Format::Docx {
            assert_eq!(out.status.code(), Some(1), "{name}: export prints text only");
            assert!(String::from_utf8_lossy(&out.stderr).contains(&format!("--format {name}")));
            continue;
        }
        assert!(out.status.success(), "{name}: {}", String::from_utf8_lossy(&out.stderr));
        assert!(is_of_kind(*format, &out.stdout), "{name}");
        assert!(String::from_utf8_lossy(&out.stdout).contains(NAME), "{name}");
    }
}

#[test]
fn the_help_and_the_errors_name_every_format() {
    let dir = Scratch::new("formats-help");
    let help = String::from_utf8(resume(&dir.0, &["pdf", "--help"]).stdout).unwrap();
    for (_, name, _) in FORMATS {
        assert!(help.contains(&format!("`{name}`")), "`{name}` missing from pdf --help");
    }
    let out = resume(&dir.0, &["pdf", "--format", "rtf"]);
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    for (_, name, _) in FORMATS {
        assert!(stderr.contains(name), "the error lists `{name}`: {stderr}");
    }
}

#[test]
fn a_letter_is_written_as_itself_or_refused_by_name() {
    let dir = Scratch::new("formats-letter");
    let input = common::root().join("examples/packet/resume.toml");
    let input = input.to_str().unwrap();
    resume_ok(&dir.0, &["pdf", "--document", "letter:lumen", "--format", "text", "--input", input]);
    let text = std::fs::read_to_string(dir.path("letter-lumen-ko.txt")).unwrap();
    assert!(text.contains("지원 동기를 적어 주세요."), "{text}");
    let err =
        resume_err(&dir.0, &["pdf", "--document", "letter:lumen", "--format", "markdown", "--input", input]);
    assert!(err.contains("this document is not written as markdown"), "{err}");
}
