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

#[test]
fn korean_text_in_an_english_build_is_a_warning_everywhere() {
    let dir = Scratch::new("foreign-script");
    dir.write(
        "resume.toml",
        "[person]\nname = \"Kim\"\n\n[[project]]\nid = \"batch\"\nname = \"Batch\"\ncompany = \"\"\n\
         period = \"2020-01..2021-01\"\nachievements = [\"정산 배치 수행 시간 4시간 → 40분\", \"MongoDB\"]\n\
         responsibilities = [{ text = { all = \"카카오 검색\" } }]\n",
    );
    let out = resume(&dir.0, &["pdf", "--lang", "en", "-o", "x.pdf"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(stderr.contains("warning: this text is Korean, but the document is in `en`"), "{stderr}");
    assert!(stderr.contains("resume.toml:9:"), "not located: {stderr}");
    assert_eq!(stderr.matches("warning:").count(), 1, "ASCII and `all` texts are shared quietly: {stderr}");
    let out = resume(&dir.0, &["pdf", "--lang", "ko", "-o", "x.pdf"]);
    assert!(!String::from_utf8_lossy(&out.stderr).contains("warning"), "Korean is at home in ko");
    let check = resume(&dir.0, &["check", "--lang", "en"]);
    let report = String::from_utf8_lossy(&check.stderr);
    assert!(check.status.success() && report.contains("1 warning(s)"), "{report}");
    let strict = resume(&dir.0, &["check", "--lang", "en", "--strict"]);
    assert_eq!(strict.status.code(), Some(1));
    let missing = resume(&dir.0, &["i18n", "missing", "--lang", "en"]);
    let listed = String::from_utf8_lossy(&missing.stdout);
    assert!(listed.contains("project-batch-achievement-1"), "{listed}");
    assert!(!listed.contains("achievement-2") && !listed.contains("responsibility"), "{listed}");
}
