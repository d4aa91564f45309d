//! `--only` and `--hide` on the built-in example, read back from the PDF.

mod common;

use common::{Pdf, Scratch, resume_err, resume_ok};

/// The projects a build kept, by their bookmarks (the outline lists each
/// project under the Projects section).
fn kept_projects(args: &[&str]) -> Vec<String> {
    let dir = Scratch::new("select");
    let mut all = vec!["pdf", "--lang", "en", "-o", "out/en.pdf"];
    all.extend(args);
    resume_ok(&dir.0, &all);
    let titles = Pdf::open(&dir.path("out/en.pdf")).outline_titles();
    let sections = ["Career summary", "Projects", "Skills"];
    titles.into_iter().filter(|t| !sections.contains(&t.as_str())).collect()
}

#[test]
fn only_2020_keeps_the_three_recent_projects() {
    assert_eq!(
        kept_projects(&["--only", "2020-"]),
        [
            "kakao i MLOps",
            "B2B Search Service Builder",
            "daum PC/Mobile Integrated Search, kakaotalk #Search"
        ]
    );
}

#[test]
fn every_period_form_selects_by_overlap() {
    assert_eq!(
        kept_projects(&["--only", "-2012"]),
        ["Hangame Game Platform", "OCR (Optical Character Recognition)"]
    );
    assert_eq!(
        kept_projects(&["--only", "2016-2019"]),
        ["daum PC/Mobile Integrated Search, kakaotalk #Search", "Hangame Mobile Poker"]
    );
    assert_eq!(
        kept_projects(&["--only", "2019.06-2022.03"]),
        ["B2B Search Service Builder", "daum PC/Mobile Integrated Search, kakaotalk #Search"]
    );
}

#[test]
fn ids_and_sections_combine() {
    assert_eq!(
        kept_projects(&["--only", "kakao-i-mlops,naver-ocr"]),
        ["kakao i MLOps", "OCR (Optical Character Recognition)"]
    );
    // A period and an id are different kinds: both must hold.
    assert!(kept_projects(&["--only", "2020-,naver-ocr"]).is_empty());
}

#[test]
fn hide_drops_parts_and_sections() {
    let dir = Scratch::new("hide");
    resume_ok(&dir.0, &["pdf", "--lang", "en", "--hide", "troubleshooting,skills"]);
    let text = Pdf::open(&dir.path("resume-en.pdf")).text();
    assert!(!text.contains("Troubleshooting"));
    assert!(!text.contains("bitnami-etcd-snapshot"));
    assert!(!text.contains("Skills"));
    assert!(text.contains("Responsibilities"));
}

#[test]
fn only_a_part_keeps_projects_with_that_part() {
    let dir = Scratch::new("only-part");
    resume_ok(&dir.0, &["pdf", "--lang", "en", "--only", "troubleshooting"]);
    let text = Pdf::open(&dir.path("resume-en.pdf")).text();
    assert!(text.contains("Troubleshooting"));
    assert!(!text.contains("Responsibilities"));
    assert!(!text.contains("Career summary"));
}

#[test]
fn unknown_selector_lists_the_valid_ones() {
    let dir = Scratch::new("bad-selector");
    let err = resume_err(&dir.0, &["pdf", "--only", "projcts"]);
    assert!(err.contains("`--only projcts` names no section or entry"), "{err}");
    assert!(err.contains("did you mean `projects`?"), "{err}");
    assert!(err.contains("kakao-i-mlops"), "{err}");
    let err = resume_err(&dir.0, &["pdf", "--only", "2020-13"]);
    assert!(err.contains("is not a period"), "{err}");
    let err = resume_err(&dir.0, &["pdf", "--only", "tag:serch"]);
    assert!(err.contains("did you mean `tag:search`?"), "{err}");
}
