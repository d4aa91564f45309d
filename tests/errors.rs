//! Bad input: every failure names the place and a fix, exits 1, and leaves
//! an existing output file exactly as it was.

mod common;

use common::{Pdf, Scratch, resume_err, resume_ok};

const MINIMAL: &str = r#"
[person]
name = "Kim"

[[project]]
id = "search"
name = { ko = "검색", en = "Search" }
company = "acme"
period = "2020-01..2021-06"
"#;

/// Runs a failing build over an existing output and checks it survived.
fn fails_without_clobbering(dir: &Scratch, args: &[&str]) -> String {
    fails_keeping(dir, "resume-ko.pdf", args)
}

/// Like [`fails_without_clobbering`], guarding a given output file.
fn fails_keeping(dir: &Scratch, kept: &str, args: &[&str]) -> String {
    let output = dir.write(kept, "%PDF-precious");
    let err = resume_err(&dir.0, args);
    assert_eq!(std::fs::read_to_string(&output).unwrap(), "%PDF-precious", "the old output was touched");
    let leftovers: Vec<_> = std::fs::read_dir(&dir.0)
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "temporary files left behind");
    err
}

#[test]
fn malformed_toml_names_file_line_and_column() {
    let dir = Scratch::new("malformed");
    dir.write("resume.toml", "[person]\nname = \"Kim\nheadline = 1\n");
    let err = fails_without_clobbering(&dir, &["pdf"]);
    assert!(err.starts_with("error: "), "{err}");
    assert!(err.contains("--> resume.toml:2:"), "{err}");
    assert!(err.contains("hint:"), "{err}");
}

#[test]
fn unknown_key_suggests_the_right_one() {
    let dir = Scratch::new("unknown-key");
    dir.write("resume.toml", &MINIMAL.replace("period =", "perod ="));
    let err = fails_without_clobbering(&dir, &["pdf"]);
    assert!(err.contains("unknown field `perod`"), "{err}");
    assert!(err.contains("--> resume.toml:9:1"), "{err}");
    assert!(err.contains("did you mean `period`?"), "{err}");
}

#[test]
fn a_section_may_not_take_a_built_in_name() {
    let dir = Scratch::new("section-id");
    let text = format!("{MINIMAL}\n[[section]]\nid = \"skills\"\ntitle = \"Skills\"\nitems = [\"Go\"]\n");
    dir.write("resume.toml", &text);
    let err = fails_without_clobbering(&dir, &["pdf"]);
    assert!(err.contains("the section id `skills` is taken"), "{err}");
    assert!(err.contains("resume.toml:12:"), "{err}");
}

#[test]
fn impossible_period_is_located() {
    let dir = Scratch::new("period");
    dir.write("resume.toml", &MINIMAL.replace("2020-01..2021-06", "2021-06..2020-01"));
    let err = fails_without_clobbering(&dir, &["pdf"]);
    assert!(err.contains("ends (2020-01) before it starts (2021-06)"), "{err}");
    assert!(err.contains("resume.toml:9:"), "{err}");
}

#[test]
fn missing_translation_points_at_the_text() {
    let dir = Scratch::new("missing-translation");
    dir.write("resume.toml", &MINIMAL.replace(r#"{ ko = "검색", en = "Search" }"#, r#"{ ko = "검색" }"#));
    let err = fails_keeping(&dir, "resume-en.pdf", &["pdf", "--lang", "ko,en", "-o", "."]);
    assert!(err.contains("this text has no `en` version (it has: ko)"), "{err}");
    assert!(err.contains("resume.toml:7:8"), "{err}");
    assert!(err.contains("project-search-name"), "{err}");
    // The Korean build is not blocked by the English one.
    assert!(dir.path("resume-ko.pdf").exists());
}

#[test]
fn translation_file_supplies_and_overrides_texts() {
    let dir = Scratch::new("ftl");
    dir.write("resume.toml", &MINIMAL.replace(r#"{ ko = "검색", en = "Search" }"#, r#"{ ko = "검색" }"#));
    dir.write(
        "en.ftl",
        "-acme = ACME Search\nproject-search-name = { -acme } Platform\nsection-projects = Work\n",
    );
    resume_ok(&dir.0, &["pdf", "--lang", "en"]);
    let text = Pdf::open(&dir.path("resume-en.pdf")).text();
    assert!(text.contains("ACME Search Platform"), "{text}");
    assert!(text.contains("Work"), "{text}");
}

#[test]
fn broken_translation_file_is_located() {
    let dir = Scratch::new("bad-ftl");
    dir.write("resume.toml", MINIMAL);
    dir.write("ko.ftl", "fine = 좋음\nthis is not fluent\n");
    let err = fails_without_clobbering(&dir, &["pdf"]);
    assert!(err.contains("ko.ftl:2:"), "{err}");
}

#[test]
fn unknown_language_lists_the_available_ones() {
    let dir = Scratch::new("lang");
    let err = resume_err(&dir.0, &["pdf", "--lang", "fr"]);
    assert!(err.contains("no catalogue for the language `fr`"), "{err}");
    assert!(err.contains("the available languages are: ko, en"), "{err}");
}

#[test]
fn regional_tags_are_accepted() {
    let dir = Scratch::new("regional");
    resume_ok(&dir.0, &["pdf", "--lang", "ko-KR,en-US", "-o", "out"]);
    assert!(dir.path("out/resume-ko.pdf").exists());
    assert!(dir.path("out/resume-en.pdf").exists());
}

#[test]
fn broken_custom_layout_shows_file_line_and_caret() {
    let dir = Scratch::new("layout");
    dir.write("resume.toml", MINIMAL);
    dir.write("mine.typ", "#let data = json(\"/resume.json\")\n#data.person.nme\n");
    let err = fails_without_clobbering(&dir, &["pdf", "--layout", "mine.typ"]);
    assert!(err.contains("the layout failed to compile"), "{err}");
    assert!(err.contains("mine.typ:2:"), "{err}");
    assert!(err.contains("^"), "{err}");
}

#[test]
fn custom_layout_reads_the_view() {
    let dir = Scratch::new("custom-layout");
    dir.write("resume.toml", MINIMAL);
    dir.write(
        "mine.typ",
        "#let data = json(\"/resume.json\")\n= #data.person.name\n#data.projects.first().period\n",
    );
    resume_ok(&dir.0, &["pdf", "--layout", "mine.typ", "--today", "2026-11"]);
    let text = Pdf::open(&dir.path("resume-ko.pdf")).text();
    assert!(text.contains("Kim") && text.contains("2020.01 ~ 2021.06"), "{text}");
}

#[test]
fn unwritable_output_is_a_clear_error() {
    let dir = Scratch::new("unwritable");
    dir.write("resume.toml", MINIMAL);
    dir.write("blocker", "a file, not a folder");
    let err = resume_err(&dir.0, &["pdf", "-o", "blocker/resume.pdf"]);
    assert!(err.contains("blocker"), "{err}");
    assert!(err.contains("hint:"), "{err}");
    let err = resume_err(&dir.0, &["pdf", "-o", "/proc/resume.pdf"]);
    assert!(err.contains("cannot write into `/proc`"), "{err}");
}

#[test]
fn a_character_no_font_has_fails_the_build() {
    let dir = Scratch::new("glyph");
    dir.write("resume.toml", &MINIMAL.replace(r#"name = "Kim""#, "name = \"Kim 🚀\""));
    let err = fails_without_clobbering(&dir, &["pdf"]);
    assert!(err.contains("no font has a glyph for `🚀` (U+1F680)"), "{err}");
    assert!(err.contains("resume.toml:3:"), "{err}");
    assert!(err.contains("--font-path"), "{err}");
    resume_ok(&dir.0, &["pdf", "--allow-missing-glyphs", "-o", "boxed.pdf"]);
}

#[test]
fn user_text_is_never_markup() {
    let dir = Scratch::new("literal");
    let literal = r#"#검색 $x$ *bold* _under_ @ref <tag> \n [x] --> -- ... `code`"#;
    dir.write("resume.toml", &format!("[person]\nname = \"Kim\"\nheadline = '{literal}'\n"));
    resume_ok(&dir.0, &["pdf"]);
    let text = Pdf::open(&dir.path("resume-ko.pdf")).text();
    assert!(text.contains(literal), "{text}");
}

#[test]
fn hanja_renders_in_every_weight() {
    let dir = Scratch::new("hanja");
    dir.write(
        "resume.toml",
        &MINIMAL
            .replace(r#"name = "Kim""#, r#"name = "金民國""#)
            .replace(r#"ko = "검색""#, r#"ko = "檢索 서비스""#),
    );
    resume_ok(&dir.0, &["pdf"]);
    let pdf = Pdf::open(&dir.path("resume-ko.pdf"));
    assert!(pdf.text().contains("金民國"));
    assert!(pdf.text().contains("檢索 서비스"));
    let names = pdf.font_names();
    assert!(names.iter().any(|n| n.contains("NotoSansCJK")), "{names:?}");
}

/// Typst's own warnings are shown, each once, and fail a `--strict` build.
#[test]
fn typst_warnings_of_a_layout_are_shown_once_and_fail_strict_builds() {
    let dir = Scratch::new("typst-warnings");
    dir.write("resume.toml", "[person]\nname = \"Kim\"\n");
    dir.write(
        "lay/x.typ",
        "#let data = json(\"/resume.json\")\n#for n in range(3) [#text(font: \"No Such Family\")[#data.person.name]]\n",
    );
    let warned = resume_ok(&dir.0, &["pdf", "--lang", "en", "--layout", "lay/x.typ", "-o", "x.pdf"]);
    assert!(warned.contains("warning: the layout: unknown font family: no such family"), "{warned}");
    assert!(warned.contains("x.typ:2:"), "Typst's rendering shows the place: {warned}");
    assert_eq!(
        warned.matches("unknown font family").count(),
        2,
        "once in the line, once in Typst's detail: {warned}"
    );
    assert!(dir.path("x.pdf").exists());
    let err =
        resume_err(&dir.0, &["pdf", "--lang", "en", "--layout", "lay/x.typ", "--strict", "-o", "y.pdf"]);
    assert!(err.contains("error: the layout: unknown font family"), "{err}");
    assert!(!dir.path("y.pdf").exists());
    // The built-in layouts give no warning.
    let quiet = resume_ok(&dir.0, &["pdf", "--lang", "en", "-o", "z.pdf"]);
    assert!(!quiet.contains("warning"), "{quiet}");
}
