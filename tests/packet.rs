//! The fictional example in `examples/packet/` builds every document it
//! shows, and `check` finds nothing wrong with it: the example in the
//! README stays true.

mod common;

use common::{Pdf, Scratch, resume_ok};

#[test]
fn the_packet_example_builds_every_document_and_checks_clean() {
    let dir = Scratch::new("packet");
    let input = common::root().join("examples/packet/resume.toml");
    let input = input.to_str().unwrap();
    resume_ok(&dir.0, &["check", "--strict", "--lang", "ko,en", "--input", input]);
    let builds: [(&[&str], &str, usize); 6] = [
        (&["--lang", "ko"], "resume-ko.pdf", 2),
        (&["--lang", "en", "--layout", "international"], "resume-en.pdf", 1),
        (&["--document", "iryeokseo"], "iryeokseo-ko.pdf", 1),
        (&["--document", "letter:lumen"], "letter-lumen-ko.pdf", 1),
        (&["--document", "letter:orbit", "--lang", "en"], "letter-orbit-en.pdf", 1),
        (&["--profile", "us"], "us-en.pdf", 1),
    ];
    for (flags, file, most_pages) in builds {
        let mut args = vec!["pdf", "--input", input];
        args.extend(flags);
        resume_ok(&dir.0, &args);
        let pdf = Pdf::open(&dir.path(file));
        assert!(pdf.pages() <= most_pages, "{file}: {} pages", pdf.pages());
        assert!(!pdf.text().contains('\u{FFFD}'), "{file}");
    }
}

/// A profile's `documents` make a whole application one command, and
/// `--document` takes several at once.
#[test]
fn an_application_is_one_command() {
    let dir = Scratch::new("packet-documents");
    let input = common::root().join("examples/packet/resume.toml");
    let input = input.to_str().unwrap();
    let err = resume_ok(&dir.0, &["pdf", "--profile", "lumen", "--input", input]);
    for file in ["lumen-iryeokseo-ko.pdf", "lumen-ko.pdf", "lumen-letter-lumen-ko.pdf"] {
        assert!(dir.path(file).exists(), "{file}: {err}");
    }
    let err =
        resume_ok(&dir.0, &["pdf", "--document", "iryeokseo,career", "--lang", "ko,en", "--input", input]);
    // The form is Korean only: in a build of both languages it is made in Korean.
    for file in ["iryeokseo-ko.pdf", "resume-ko.pdf", "resume-en.pdf"] {
        assert!(dir.path(file).exists(), "{file}: {err}");
    }
    assert!(!dir.path("iryeokseo-en.pdf").exists());
    // A profile naming a letter that does not exist is caught by check.
    let text = std::fs::read_to_string(input).unwrap().replace("\"letter:lumen\"]", "\"letter:lumn\"]");
    dir.write("resume.toml", &text);
    let err = common::resume_err(&dir.0, &["check"]);
    assert!(
        err.contains("there is no letter `lumn`") && err.contains("did you mean `letter:lumen`?"),
        "{err}"
    );
}
