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
    // A period and an id are different kinds: both must hold, and a
    // selection that keeps nothing is an error naming the selectors.
    let dir = Scratch::new("keeps-nothing");
    let err = resume_err(&dir.0, &["pdf", "--lang", "en", "--only", "2020-,naver-ocr"]);
    assert!(err.contains("`--only 2020-,naver-ocr` keeps nothing"), "{err}");
    assert!(!dir.path("resume-en.pdf").exists());
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

const TAGGED: &str = r#"
[person]
name = "Kim"

[[project]]
id = "platform"
name = "Platform"
company = "acme"
period = "2021-01..2022-12"
tags = ["mlops"]
responsibilities = [
  "Untagged work",
  { text = "Model serving", tags = ["mlops"] },
  { text = "Query parser", tags = ["search"] },
]

[[project.troubleshooting]]
problem = "GPU quota leak"
tags = ["mlops"]

[[project.troubleshooting]]
problem = "Slow ranking"
tags = ["search"]

[[project]]
id = "engine"
name = "Engine"
company = "acme"
period = "2015-01..2016-12"
tags = ["search"]
responsibilities = ["Indexing"]
"#;

fn build_tagged(args: &[&str]) -> String {
    let dir = Scratch::new("tags");
    dir.write("resume.toml", TAGGED);
    let mut all = vec!["pdf", "--lang", "en"];
    all.extend(args);
    resume_ok(&dir.0, &all);
    Pdf::open(&dir.path("resume-en.pdf")).text()
}

#[test]
fn tags_select_entries_and_single_bullets() {
    let text = build_tagged(&["--only", "tag:mlops"]);
    assert!(text.contains("Untagged work") && text.contains("Model serving"), "{text}");
    assert!(!text.contains("Query parser") && !text.contains("Slow ranking"), "{text}");
    assert!(text.contains("GPU quota leak"));
    assert!(!text.contains("Indexing"), "the search-only project should be dropped");

    let text = build_tagged(&["--hide", "tag:search"]);
    assert!(text.contains("Model serving") && !text.contains("Query parser") && !text.contains("Indexing"));

    // Tags OR together; a period ANDs with them.
    let text = build_tagged(&["--only", "tag:mlops,tag:search,2016-"]);
    assert!(text.contains("Query parser") && text.contains("Model serving") && text.contains("Indexing"));
    let text = build_tagged(&["--only", "tag:search,2020-"]);
    assert!(!text.contains("Indexing") && text.contains("Query parser") && !text.contains("Model serving"));
}

#[test]
fn skills_follow_the_selection_but_total_experience_does_not() {
    let dir = Scratch::new("derived");
    resume_ok(&dir.0, &["pdf", "--lang", "en", "--only", "2020-", "-o", "recent.pdf"]);
    let text = Pdf::open(&dir.path("recent.pdf")).text();
    // Oracle was only used at the game projects (before 2016).
    assert!(!text.contains("Oracle"), "skills should come from kept projects only");
    assert!(text.contains("golang"));
    assert!(text.contains("18 yrs 4 mos of experience in total"), "{text}");
}
