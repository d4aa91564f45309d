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
