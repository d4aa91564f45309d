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
