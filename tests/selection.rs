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
    assert!(err.contains("`--only 2020-,naver-ocr` keeps none of the projects"), "{err}");
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
    assert!(text.contains("18 years 4 months in total"), "{text}");
}

const MIXED: &str = r#"
[person]
name = "Kim"

[[company]]
id = "acme"
name = "ACME"

[[company]]
id = "globex"
name = "Globex"

[[project]]
id = "payments"
name = "Payments"
company = "acme"
period = "2021-01..2022-12"
tags = ["payments"]
responsibilities = ["Ledger"]

[[project]]
id = "ingest"
name = "Ingestion"
company = "globex"
period = "2016-01..2018-12"
tags = ["search"]
responsibilities = ["Crawler"]

[[project]]
id = "ranking"
name = "Ranking"
company = "globex"
period = "2019-01..2020-12"
tags = ["search"]
responsibilities = ["Learning to rank"]

[[education]]
id = "uni"
school = "State University"
period = "2008-03..2012-02"

[[certification]]
id = "cka"
name = "Kubernetes Administrator"
date = "2021-05"
tags = ["kubernetes"]

[[certification]]
id = "toeic"
name = "TOEIC"
date = "2019-05"

[[section]]
id = "talks"
title = "Talks"
items = [{ text = "Search at scale", tags = ["search"] }, { text = "Payments talk", tags = ["payments"] }]
"#;

fn build_mixed(args: &[&str]) -> String {
    let dir = Scratch::new("mixed");
    dir.write("resume.toml", MIXED);
    let mut all = vec!["pdf", "--lang", "en"];
    all.extend(args);
    resume_ok(&dir.0, &all);
    Pdf::open(&dir.path("resume-en.pdf")).text()
}

#[test]
fn hide_drops_whatever_any_selector_names() {
    // A tag and an id are two kinds: each hides on its own.
    let text = build_mixed(&["--hide", "tag:payments,ingest"]);
    assert!(!text.contains("Ledger") && !text.contains("Crawler"), "{text}");
    assert!(text.contains("Learning to rank"), "{text}");
    assert!(!text.contains("Payments talk") && text.contains("Search at scale"), "{text}");
}

#[test]
fn periods_choose_work_and_leave_education_alone() {
    let text = build_mixed(&["--only", "2020-"]);
    assert!(
        text.contains("Ledger") && text.contains("Learning to rank") && !text.contains("Crawler"),
        "{text}"
    );
    assert!(text.contains("State University"), "education vanished under a period: {text}");
    assert!(text.contains("TOEIC") && text.contains("Talks"), "{text}");
}

#[test]
fn tags_reach_every_kind_of_entry() {
    let text = build_mixed(&["--only", "tag:search"]);
    assert!(text.contains("Crawler") && !text.contains("Ledger"), "{text}");
    assert!(text.contains("State University"), "untagged education is named by nothing: {text}");
    // Certifications carry tags: one names a certification, so that
    // section is filtered by it... but `search` names none there.
    assert!(text.contains("TOEIC") && text.contains("Kubernetes Administrator"), "{text}");
    assert!(text.contains("Search at scale") && !text.contains("Payments talk"), "{text}");
    let text = build_mixed(&["--only", "tag:kubernetes,tag:payments"]);
    assert!(text.contains("Kubernetes Administrator") && !text.contains("TOEIC"), "{text}");
    let text = build_mixed(&["--only", "tag:search,education"]);
    assert!(text.contains("State University") && !text.contains("Crawler"), "sections ∧ tags: {text}");
}

#[test]
fn the_career_summary_keeps_every_employment() {
    let text = build_mixed(&["--only", "tag:payments"]);
    assert!(text.contains("Ledger") && !text.contains("Crawler"), "{text}");
    assert!(text.contains("Globex"), "the career summary lost an employer: {text}");
    let text = build_mixed(&["--hide", "career"]);
    assert!(!text.contains("Career summary") && text.contains("Ledger"), "{text}");
}

#[test]
fn skill_years_never_overstate() {
    let dir = Scratch::new("skill-years");
    dir.write(
        "resume.toml",
        "[person]\nname = \"Kim\"\n\n[[company]]\nid = \"acme\"\nname = \"ACME\"\n\n[[project]]\nid = \"p\"\nname = \"P\"\n\
         company = \"acme\"\nperiod = \"2020-01..2024-09\"\nlanguages = [\"rust\"]\n",
    );
    resume_ok(&dir.0, &["pdf", "--lang", "en", "-o", "x.pdf"]);
    let text = Pdf::open(&dir.path("x.pdf")).text();
    // 4 years 9 months of Rust: 4 years, not 5.
    assert!(text.contains("rust 4 yrs") || text.contains("rust4 yrs"), "{text}");
    assert!(!text.contains("5 yrs"), "{text}");
}
