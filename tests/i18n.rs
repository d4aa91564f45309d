//! The translation workflow: list what lacks a language, extract a Fluent
//! skeleton, fill it in, and build.

mod common;

use common::{Pdf, Scratch, resume, resume_err, resume_ok};

const KOREAN_ONLY: &str = r#"[person]
name = "Kim"
headline = { ko = "검색 개발자" }

[[project]]
id = "search"
name = { ko = "검색", en = "Search" }
company = "acme"
period = "2020-01..2021-06"
responsibilities = [{ ko = "색인기 구현" }, "Plain text needs no translation"]
"#;

fn stdout(dir: &Scratch, args: &[&str]) -> String {
    let out = resume(&dir.0, args);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn missing_lists_each_text_with_its_location_and_id() {
    let dir = Scratch::new("missing");
    dir.write("resume.toml", KOREAN_ONLY);
    let listed = stdout(&dir, &["i18n", "missing", "--lang", "en"]);
    let lines: Vec<&str> = listed.lines().collect();
    assert_eq!(
        lines,
        [
            "resume.toml:3:12  person-headline  (ko: 검색 개발자)",
            "resume.toml:10:21  project-search-responsibility-1  (ko: 색인기 구현)",
        ]
    );
    assert_eq!(stdout(&dir, &["i18n", "missing", "--lang", "ko"]), "");
}

#[test]
fn extracted_skeleton_filled_in_builds_in_the_new_language() {
    let dir = Scratch::new("extract");
    dir.write("resume.toml", KOREAN_ONLY);
    resume_err(&dir.0, &["pdf", "--lang", "en"]);
    let skeleton = stdout(&dir, &["i18n", "extract", "--lang", "en"]);
    assert!(skeleton.contains("# resume.toml:3:12\n# ko: 검색 개발자\nperson-headline =\n"), "{skeleton}");
    // An unfilled skeleton is an error that points at it.
    dir.write("en.ftl", &skeleton);
    let err = resume_err(&dir.0, &["pdf", "--lang", "en"]);
    assert!(err.contains("en.ftl:"), "{err}");
    // Filled in, it builds.
    let filled = skeleton
        .replace("person-headline =", "person-headline = Search engineer")
        .replace("project-search-responsibility-1 =", "project-search-responsibility-1 = Built the indexer");
    dir.write("en.ftl", &filled);
    resume_ok(&dir.0, &["pdf", "--lang", "en"]);
    let text = Pdf::open(&dir.path("resume-en.pdf")).text();
    assert!(text.contains("Search engineer") && text.contains("Built the indexer"), "{text}");
    assert_eq!(stdout(&dir, &["i18n", "missing", "--lang", "en"]), "");
}
