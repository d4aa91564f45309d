//! `resume import markdown` and `resume import jsonresume` always print a
//! resume.toml that `resume check` accepts, or fail with a located error;
//! and `resume export --format markdown` prints no live HTML or unsafe link.
//!
//! The findings of the import review are each a test through the real
//! binary. The property tests at the end mutate the fixtures (lines
//! deleted, duplicated, swapped and re-indented, names made Hangul-only or
//! empty, dates swapped and corrupted, schemes dropped, `javascript:` links
//! inserted, child lists emptied) and call the library directly.
//!
//! The property tests run 64 cases each by default, a few seconds in all.
//! Set `PROPTEST_CASES` for a longer run by hand; it wins over the default:
//! `PROPTEST_CASES=5000 cargo test --test importers`.

mod common;

use std::path::Path;

use common::{Scratch, resume, resume_err, resume_ok};
use proptest::prelude::*;
use proptest::sample::Index;
use resume::i18n::Language;
use resume::model::{Resume, Source, YearMonth};

const TODAY: &str = "2026-11";

fn today() -> YearMonth {
    YearMonth::parse(TODAY).unwrap()
}

fn language(code: &str) -> Language {
    Language::negotiate(code).unwrap()
}

/// Runs `resume import FORMAT FILE --lang LANG` on `input`, asserting
/// success: (the TOML printed, stderr).
fn import(dir: &Scratch, format: &str, input: &str, lang: &str) -> (String, String) {
    let name = if format == "markdown" { "in.md" } else { "in.json" };
    dir.write(name, input);
    let out = resume(&dir.0, &["import", format, name, "--lang", lang, "--name", "Test Person"]);
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(out.status.success(), "import failed:\n{stderr}");
    (String::from_utf8(out.stdout).unwrap(), stderr)
}

/// Writes the imported TOML and runs `resume check` on it, which must find
/// no error; returns the résumé as the tool reads it.
fn passes_check(dir: &Scratch, toml: &str, lang: &str) -> Resume {
    let file = dir.write("out/resume.toml", toml);
    resume_ok(&dir.0, &["check", "--lang", lang, "--today", TODAY, "--input", file.to_str().unwrap()]);
    resume::model::load(&Source { path: "resume.toml".into(), dir: None, text: toml.to_string() })
        .unwrap_or_else(|err| panic!("{err}\n{toml}"))
}

/// The seed form's structural keys (`- Company:`, `- Troubleshooting`):
/// they name a field, and print as the layout's own labels.
const SEED_KEYS: &[&str] = &[
    "Company",
    "Participation Period",
    "Description",
    "Programming Language",
    "OS",
    "DB",
    "Platform",
    "CI/CD",
    "Monitoring",
    "Achievement",
    "Contribute/Responsibilities",
    "Troubleshooting",
    "서비스 구성",
];

/// Every word of the seed form's text reaches the PDF: headings, values,
/// nested items with their own labels; addresses as links; periods as the
/// document writes them (checked elsewhere).
#[test]
fn the_seed_form_reaches_the_pdf_word_for_word() {
    let dir = Scratch::new("imp-seed-words");
    let seed = std::fs::read_to_string(common::root().join("tests/fixtures/resume.md")).unwrap();
    let (toml, stderr) = import(&dir, "markdown", &seed, "ko");
    dir.write("resume.toml", &toml);
    resume_ok(&dir.0, &["check", "--today", TODAY]);
    resume_ok(&dir.0, &["pdf", "--today", TODAY, "-o", "seed.pdf"]);
    let pdf = common::Pdf::open(&dir.path("seed.pdf"));
    let printed = common::squash(&pdf.text());
    let links = pdf.link_uris();
    let mut missing = Vec::new();
    for (n, line) in seed.lines().enumerate() {
        let trimmed = line.trim_start();
        let top_level = trimmed.len() == line.len();
        let text = trimmed.trim_start_matches(['#', '-']).trim();
        // The file's own title, and what the import said it left out.
        if trimmed.starts_with("# ") || stderr.contains(&format!("line {}:", n + 1)) {
            continue;
        }
        let value = match text.split_once(':') {
            Some((key, value)) if top_level && SEED_KEYS.contains(&key.trim()) => {
                if key.contains("Period") {
                    continue;
                }
                value.trim()
            }
            _ if top_level && SEED_KEYS.contains(&text) => continue,
            _ => text,
        };
        if let Some(url) = value.strip_prefix('<').and_then(|v| v.strip_suffix('>')) {
            assert!(links.iter().any(|l| l == url), "line {}: {url} is no link", n + 1);
            continue;
        }
        for word in value.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()) {
            // A compact date (a rename's `20191201`) prints as its month.
            let word = match word.len() == 8 && word.bytes().all(|b| b.is_ascii_digit()) {
                true => format!("{}.{}", &word[..4], &word[4..6]),
                false => word.to_string(),
            };
            if !printed.contains(&word) {
                missing.push(format!("line {}: `{word}` of {value:?}", n + 1));
            }
        }
    }
    assert!(missing.is_empty(), "words that never reach the PDF:\n{}", missing.join("\n"));
}

const MD_HEAD: &str = "# projects\n\n## Search\n- Company: acme\n- Period: 202001~202112\n";

#[test]
fn an_achievement_without_items_is_left_out_with_a_warning() {
    let dir = Scratch::new("imp-achievement");
    let input = format!("{MD_HEAD}- Achievement\n- 성과\n- Responsibilities\n  - built it\n");
    let (toml, stderr) = import(&dir, "markdown", &input, "ko");
    assert!(!toml.contains("achievements"), "{toml}");
    assert!(stderr.contains("in.md: line 6: `Achievement` has no items; left out"), "{stderr}");
    assert!(stderr.contains("in.md: line 7: `성과` has no items; left out"), "{stderr}");
    let imported = passes_check(&dir, &toml, "ko");
    assert_eq!(imported.projects[0].responsibilities.len(), 1);
}

#[test]
fn a_second_description_keeps_the_first_and_names_the_line() {
    let dir = Scratch::new("imp-description");
    let input = format!("{MD_HEAD}- Description: the first\n- Description: the second\n");
    let (toml, stderr) = import(&dir, "markdown", &input, "en");
    assert!(
        stderr
            .contains("line 7: a second `Description` in `Search` (the first is on line 6); kept the first"),
        "{stderr}"
    );
    let imported = passes_check(&dir, &toml, "en");
    let description = imported.projects[0].description.as_ref().unwrap();
    assert_eq!(description.get("en"), Some("the first"));
}

#[test]
fn a_hangul_only_company_gets_a_readable_company_id() {
    let dir = Scratch::new("imp-company");
    let input = "## 검색\n- Company: 카카오\n- Period: 202001~\n\
                 ## 광고\n- Company: 네이버\n- Period: 201801~201912\n\
                 ## 지도\n- Company: 카카오\n- Period: 201601~201712\n";
    let (toml, _) = import(&dir, "markdown", input, "ko");
    let imported = passes_check(&dir, &toml, "ko");
    let companies: Vec<&str> = imported.companies.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(companies, ["kakao", "neibeo"], "romanized");
    let of: Vec<&str> = imported.projects.iter().map(|p| p.company.as_str()).collect();
    assert_eq!(of, ["kakao", "neibeo", "kakao"]);
}

#[test]
fn fallback_ids_never_collide_with_names_or_each_other() {
    let dir = Scratch::new("imp-ids");
    let input = "## Project 3\n- Period: 202001~\n## 검색\n- Period: 202001~\n\
                 ## 광고\n- Period: 202001~\n## project-2\n- Period: 202001~\n## Project 3\n- Period: 202001~\n";
    let (toml, _) = import(&dir, "markdown", input, "ko");
    let imported = passes_check(&dir, &toml, "ko");
    let ids: Vec<&str> = imported.projects.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(ids, ["project-3", "geomsaek", "gwanggo", "project-2", "project-1"]);

    // The same for JSON Resume, whose companies have their own namespace
    // (names in Han characters give no id: they fall back).
    let json = r#"{ "basics": { "name": "Kim" }, "work": [
        { "name": "Company 2", "position": "A", "startDate": "2020-01", "summary": "x" },
        { "name": "東京", "position": "가", "startDate": "2019-01", "summary": "x" },
        { "name": "大阪", "position": "나", "startDate": "2018-01", "summary": "x" } ],
      "projects": [ { "name": "Awards", "startDate": "2020-01" } ],
      "awards": [ { "title": "Best Paper" } ] }"#;
    let (toml, _) = import(&dir, "jsonresume", json, "en");
    let imported = passes_check(&dir, &toml, "en");
    let companies: Vec<&str> = imported.companies.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(companies, ["company-2", "company-1", "company-3"]);
    let projects: Vec<&str> = imported.projects.iter().map(|p| p.id.as_str()).collect();
    assert!(!projects.contains(&"awards"), "the built-in section keeps its name: {projects:?}");
    assert_eq!(imported.awards.len(), 1);
}

#[test]
fn a_backwards_period_is_swapped_with_a_warning() {
    let dir = Scratch::new("imp-period");
    let json = r#"{ "basics": { "name": "Kim" },
      "work": [ { "name": "Acme", "position": "Engineer", "startDate": "2020-05", "endDate": "2018-02", "summary": "x" },
                { "name": "Acme", "position": "Lead", "startDate": "2020-06", "summary": "y" } ],
      "education": [ { "institution": "Hanguk University", "startDate": "2015-02", "endDate": "2011-03" } ] }"#;
    let (toml, stderr) = import(&dir, "jsonresume", json, "en");
    assert!(
        stderr.contains(
            "work[0]: the period ends (2018-02) before it starts (2020-05); swapped to 2018-02..2020-05"
        ),
        "{stderr}"
    );
    assert!(stderr.contains("education[0]: the period ends (2011-03)"), "{stderr}");
    let imported = passes_check(&dir, &toml, "en");
    assert_eq!(imported.projects[0].period.unwrap().to_string(), "2018-02..2020-05");
    // The title's period is turned round with its employment's.
    let Some(resume::model::Roles::Many(roles)) = &imported.companies[0].role else { panic!("two titles") };
    assert_eq!(roles[0].period.unwrap().to_string(), "2018-02..2020-05");
    assert_eq!(imported.education[0].period.unwrap().to_string(), "2011-03..2015-02");

    let input = "## Search\n- Period: 202203~201607\n";
    let (toml, stderr) = import(&dir, "markdown", input, "ko");
    assert!(
        stderr.contains("line 2: the period `202203~201607` ends (2016-07) before it starts (2022-03)"),
        "{stderr}"
    );
    assert_eq!(passes_check(&dir, &toml, "ko").projects[0].period.unwrap().to_string(), "2016-07..2022-03");
}

#[test]
fn links_without_a_scheme_get_https_and_unsafe_ones_are_dropped() {
    let dir = Scratch::new("imp-links");
    let json = r#"{ "basics": { "name": "Kim", "url": "example.com", "email": "kim at example",
        "profiles": [ { "network": "GitHub", "url": "github.com/kim" }, { "url": "javascript:alert(1)" } ] },
      "projects": [ { "name": "Search", "startDate": "2020-01", "url": "file:///etc/passwd",
                      "highlights": ["Wrote it up <https://localhost/post>"] },
                    { "name": "tantivy", "type": "open-source", "url": "//github.com/quickwit-oss/tantivy" } ],
      "certificates": [ { "name": "CKA", "url": "cncf.example.org/cka" } ],
      "publications": [ { "name": "Paper", "url": "ftp://papers.example.org/1" } ] }"#;
    let (toml, stderr) = import(&dir, "jsonresume", json, "en");
    for expected in [
        "basics.url: `example.com` was written as `https://example.com`",
        "basics.profiles[0].url: `github.com/kim` was written as `https://github.com/kim`",
        "basics.profiles[1].url: `javascript:alert(1)` is a `javascript:` link",
        "basics.email: `kim at example` is not an e-mail address; left out",
        "projects[0].url: `file:///etc/passwd` is a `file:` link",
        "projects[0].highlights[0]: `https://localhost/post` is not a web address: its host has no domain; left out",
        "certificates[0].url: `cncf.example.org/cka` was written as `https://cncf.example.org/cka`",
        "publications[0].url: `ftp://papers.example.org/1` is a `ftp:` link",
    ] {
        assert!(stderr.contains(expected), "missing `{expected}`:\n{stderr}");
    }
    assert!(!toml.contains("javascript:") && !toml.contains("file:") && !toml.contains("ftp:"), "{toml}");
    let imported = passes_check(&dir, &toml, "en");
    assert_eq!(imported.person.links, ["https://example.com", "https://github.com/kim"]);
    assert_eq!(imported.open_source[0].link.as_deref(), Some("https://github.com/quickwit-oss/tantivy"));
    assert_eq!(imported.certifications[0].link.as_deref(), Some("https://cncf.example.org/cka"));
    resume_ok(&dir.0, &["pdf", "--lang", "en", "--today", TODAY, "--input", "out/resume.toml"]);

    let input = "## Search\n- Period: 202001~\n- Achievement\n  - A post <blog.example.com/post>\n  \
                 - A trick <javascript:alert(1)>\n";
    let (toml, stderr) = import(&dir, "markdown", input, "ko");
    assert!(
        stderr.contains("line 4: `blog.example.com/post` was written as `https://blog.example.com/post`"),
        "{stderr}"
    );
    assert!(stderr.contains("line 5: `javascript:alert(1)` is a `javascript:` link"), "{stderr}");
    let imported = passes_check(&dir, &toml, "ko");
    let links: Vec<Option<&str>> =
        imported.projects[0].achievements.iter().map(|b| b.link.as_deref()).collect();
    assert_eq!(links, [Some("https://blog.example.com/post"), None]);
}

#[test]
fn what_cannot_become_a_resume_fails_with_its_place() {
    let dir = Scratch::new("imp-reject");
    // A project without a period is imported undated, and says so.
    dir.write("none.md", "## Search\n- Company: acme\n");
    let out = resume(&dir.0, &["import", "markdown", "none.md", "--name", "Kim"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(
        stderr.contains("none.md: line 1: the project `Search` has no period; imported undated"),
        "{stderr}"
    );
    let toml = String::from_utf8(out.stdout).unwrap();
    assert!(toml.contains("company = \"acme\"") && !toml.contains("period"), "{toml}");

    dir.write("bad.md", "## Search\n- Period: 2020-13~\n");
    let stderr = resume_err(&dir.0, &["import", "markdown", "bad.md"]);
    assert!(stderr.contains("error: `2020-13~` is not a period\n --> bad.md:2:11"), "{stderr}");

    dir.write("empty.md", "just some prose\n");
    let stderr = resume_err(&dir.0, &["import", "markdown", "empty.md"]);
    assert!(stderr.contains("has no `## project` heading") && stderr.contains("empty.md:1:1"), "{stderr}");
}

/// A résumé whose texts try to smuggle HTML and links into a Markdown
/// export; it passes `check`, so it is what a user could really export.
const HOSTILE: &str = r#"summary = "<script>alert(1)</script> and [x](javascript:alert(1)) & more"

[person]
name = "Kim <img src=x onerror=alert(1)>"
email = "kim@x.y"

[[project]]
id = "search"
name = "[click](javascript:alert(1))"
company = "acme"
period = "2020-01.."
description = "a --> b <b>bold</b>"
responsibilities = [{ text = "see ![img](javascript:alert(1))", link = "https://x.y/a_(b)" }]
"#;

fn assert_inert(md: &str) {
    for live in ["<script", "<img", "<b>", "](javascript:", "<javascript:", "](mailto:<"] {
        assert!(!md.contains(live), "`{live}` in the export:\n{md}");
    }
}

#[test]
fn the_markdown_export_escapes_html_and_link_syntax() {
    let dir = Scratch::new("export-hostile");
    dir.write("resume.toml", HOSTILE);
    resume_ok(&dir.0, &["check", "--lang", "en", "--today", TODAY]);
    let out = resume(&dir.0, &["export", "--format", "markdown", "--lang", "en", "--today", TODAY]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let md = String::from_utf8(out.stdout).unwrap();
    assert_inert(&md);
    assert!(md.contains("&lt;script&gt;") || md.contains("&lt;script>"), "{md}");
    assert!(md.contains("&#91;x&#93;(javascript:alert(1))"), "{md}");
    assert!(md.contains("a --> b &lt;b>bold&lt;/b>"), "arrows stay readable: {md}");
    assert!(md.contains("<https://x.y/a_%28b%29>"), "{md}");
    // A link or an address with markup in it never reaches the model.
    let raw = HOSTILE.replace("https://x.y/a_(b)", "https://x.y/<script>alert(1)</script>");
    dir.write("resume.toml", &raw);
    let err = resume_err(&dir.0, &["check", "--lang", "en", "--today", TODAY]);
    assert!(err.contains("angle brackets"), "{err}");
    dir.write("resume.toml", &HOSTILE.replace("kim@x.y", "<script>@x.y"));
    let err = resume_err(&dir.0, &["check", "--lang", "en", "--today", TODAY]);
    assert!(err.contains("is not an e-mail address"), "{err}");
}

#[test]
fn the_markdown_export_prints_unsafe_link_targets_as_text() {
    // Built without `load`, whose checks would refuse these links: the
    // export must be safe on its own.
    let text = "[person]\nname = \"Kim\"\nlinks = [\"javascript:alert(1)\"]\n\n[[project]]\nid = \"a\"\n\
                name = \"A\"\ncompany = \"c\"\nperiod = \"2020-01..\"\n\
                achievements = [{ text = \"x\", link = \"javascript:alert(1)\" }, { link = \"data:text/html,<script>alert(1)</script>\" }]\n";
    let model: Resume = toml::from_str(text).unwrap();
    let source = Source { path: "resume.toml".into(), dir: None, text: text.to_string() };
    let catalogue = resume::i18n::Catalogue::new(language("en"), &[]).unwrap();
    let options = resume::view::ViewOptions {
        today: today(),
        paper: resume::view::Paper::A4,
        arrangement: Default::default(),
    };
    let view = resume::localize::localize(
        &model,
        &source,
        &catalogue,
        &resume::select::Selection::default(),
        options,
    )
    .unwrap();
    let md = resume::formats::markdown::export(&view);
    assert_inert(&md);
    assert!(!md.contains("<data:"), "{md}");
    assert!(md.contains("- x javascript:alert(1)\n"), "{md}");
    assert!(md.contains("- data:text/html,&lt;script>alert(1)&lt;/script>\n"), "{md}");
}

// ---------------------------------------------------------------------------
// Property tests
// ---------------------------------------------------------------------------

/// 64 cases, unless `PROPTEST_CASES` asks for another number (proptest's
/// own default reads it; `with_cases` would override it).
fn config() -> ProptestConfig {
    let default = ProptestConfig::default();
    let cases = if std::env::var_os("PROPTEST_CASES").is_some() { default.cases } else { 64 };
    ProptestConfig { cases, ..default }
}

const MARKDOWN: &str = include_str!("fixtures/resume.md");
/// What `export --format markdown` writes, in each language: the form the
/// importer must read back as well as the seed's.
const EXPORTS: [(&str, &str); 2] = [
    ("ko", include_str!("fixtures/roundtrip/export-ko.md")),
    ("en", include_str!("fixtures/roundtrip/export-en.md")),
];
const JSON: &str = include_str!("fixtures/resume.json");
const RENDERCV: &str = include_str!("fixtures/rendercv/Aino_Virtanen_CV.yaml");

/// The importer's outcome must be a résumé `check` accepts, or an error
/// that names its place.
fn assert_accepted_or_located(
    input: &str,
    outcome: resume::Result<resume::formats::import::Imported>,
    lang: Language,
) {
    match outcome {
        Ok(imported) => {
            let source = Source { path: "resume.toml".into(), dir: None, text: imported.toml.clone() };
            let report = resume::check::check(&source, &[lang], today());
            let errors: Vec<String> = report.errors.iter().map(ToString::to_string).collect();
            assert!(
                errors.is_empty(),
                "{}\n--- input\n{input}\n--- output\n{}",
                errors.join("\n"),
                imported.toml
            );
        }
        Err(err) => assert!(err.location.is_some(), "an error without a place: {err}\n--- input\n{input}"),
    }
}

/// A change to one line of a Markdown résumé (or the lines nested under it).
#[derive(Debug, Clone)]
enum LineEdit {
    Delete(Index),
    Duplicate(Index),
    Swap(Index, Index),
    Indent(Index, usize),
    Hangul(Index),
    Empty(Index),
    CorruptDate(Index, usize),
    DropScheme(Index),
    Javascript(Index),
    EmptyChildren(Index),
    Insert(Index, usize),
}

/// Lines that were trouble once, inserted anywhere.
const TRICKY_LINES: &[&str] = &[
    "- Achievement",
    "- 성과",
    "- Description: again",
    "- Description:",
    "## 한글 프로젝트",
    "##",
    "## kakao i MLOps",
    "- Company: 카카오",
    "- Company: /",
    "- Company: a/b(201913~)",
    "- Period: 203001~202001",
    "- Period: 0999~",
    "  - <ftp://files.example.com/x>",
    "  - <example.com/post>",
    "  - <https://localhost>",
    "  - ",
    "-",
    "stray prose",
    "\t- tabbed: item",
    "      - deep",
    "### 한글 항목",
    "###",
    "## 학력",
    "## Projects",
    "## 경력 요약",
    "- 기간: 2020.01 ~ 2019.01",
    "- Period: Juno 2020 – Present",
    "- Lumen → : 2020.01 ~ 현재 (1년)",
    "- → Lumen (from Jan 2020): Jan 2017 – Present",
    "  - 직책:",
    "[x](javascript:alert(1)) · [y](tel:) · [](mailto:)",
    "**bold**",
    "&#0; &#x110000; &amp",
    "- CKA · : 2021.13",
];

const INDENTS: &[&str] = &["", " ", "  ", "   ", "    ", "\t", "      ", "\t\t"];

fn line_edit() -> impl Strategy<Value = LineEdit> {
    prop_oneof![
        any::<Index>().prop_map(LineEdit::Delete),
        any::<Index>().prop_map(LineEdit::Duplicate),
        (any::<Index>(), any::<Index>()).prop_map(|(a, b)| LineEdit::Swap(a, b)),
        (any::<Index>(), 0..INDENTS.len()).prop_map(|(a, n)| LineEdit::Indent(a, n)),
        any::<Index>().prop_map(LineEdit::Hangul),
        any::<Index>().prop_map(LineEdit::Empty),
        (any::<Index>(), 0..4usize).prop_map(|(a, n)| LineEdit::CorruptDate(a, n)),
        any::<Index>().prop_map(LineEdit::DropScheme),
        any::<Index>().prop_map(LineEdit::Javascript),
        any::<Index>().prop_map(LineEdit::EmptyChildren),
        (any::<Index>(), 0..TRICKY_LINES.len()).prop_map(|(a, n)| LineEdit::Insert(a, n)),
    ]
}

fn indent_of(line: &str) -> usize {
    line.len() - line.trim_start().len()
}

/// `line` with its value (after `## `, `: ` or `- `) replaced.
fn with_value(line: &str, value: &str) -> String {
    if let Some(at) = line.find("## ") {
        return format!("{}{value}", &line[..at + 3]);
    }
    if let Some(at) = line.find(": ") {
        return format!("{}{value}", &line[..at + 2]);
    }
    match line.find("- ") {
        Some(at) => format!("{}{value}", &line[..at + 2]),
        None => value.to_string(),
    }
}

/// Corrupts the dates of a line in one of four ways: ends swapped, month
/// 13, a year before 1000, or the `~` dropped.
fn corrupt_date(line: &str, how: usize) -> String {
    match how {
        0 => match line.split_once(": ").and_then(|(key, value)| Some((key, value.split_once('~')?))) {
            Some((key, (start, end))) => format!("{key}: {end}~{start}"),
            None => line.to_string(),
        },
        1 => line.replacen("01~", "13~", 1).replacen("04~", "13~", 1),
        2 => line.replacen("20", "09", 1),
        _ => line.replace('~', ""),
    }
}

fn apply(lines: &mut Vec<String>, edit: &LineEdit) {
    if lines.is_empty() {
        return;
    }
    let n = lines.len();
    match edit {
        LineEdit::Delete(i) => {
            lines.remove(i.index(n));
        }
        LineEdit::Duplicate(i) => {
            let line = lines[i.index(n)].clone();
            lines.insert(i.index(n), line);
        }
        LineEdit::Swap(a, b) => lines.swap(a.index(n), b.index(n)),
        LineEdit::Indent(i, k) => {
            let line = &mut lines[i.index(n)];
            *line = format!("{}{}", INDENTS[*k], line.trim_start());
        }
        LineEdit::Hangul(i) => lines[i.index(n)] = with_value(&lines[i.index(n)], "한글 이름"),
        LineEdit::Empty(i) => lines[i.index(n)] = with_value(&lines[i.index(n)], ""),
        LineEdit::CorruptDate(i, how) => lines[i.index(n)] = corrupt_date(&lines[i.index(n)], *how),
        LineEdit::DropScheme(i) => {
            lines[i.index(n)] = lines[i.index(n)].replace("https://", "").replace("http://", "")
        }
        LineEdit::Javascript(i) => {
            let line = &lines[i.index(n)];
            lines[i.index(n)] = if line.contains("https://") {
                line.replace("https://", "javascript:alert(1)//")
            } else {
                format!("{line} <javascript:alert(1)>")
            };
        }
        LineEdit::EmptyChildren(i) => {
            let at = i.index(n);
            let depth = indent_of(&lines[at]);
            while at + 1 < lines.len()
                && indent_of(&lines[at + 1]) > depth
                && !lines[at + 1].trim().is_empty()
            {
                lines.remove(at + 1);
            }
        }
        LineEdit::Insert(i, k) => lines.insert(i.index(n), TRICKY_LINES[*k].to_string()),
    }
}

/// A change to a JSON Resume document, at a node picked among all of them.
#[derive(Debug, Clone)]
enum JsonEdit {
    SetString(Index, usize),
    SwapDates(Index),
    Remove(Index),
    DuplicateElement(Index),
    EmptyArray(Index),
    NumberForString(Index),
}

/// Values that were trouble once, put in place of any string.
const TRICKY_STRINGS: &[&str] = &[
    "",
    "  ",
    "한글 이름",
    "example.com/x",
    "javascript:alert(1)",
    "ftp://files.example.com/x",
    "https://localhost",
    "mailto:x",
    "2030-13",
    "1999-01",
    "0999-01",
    "present",
    "a highlight <https://x.y/z>",
    "a highlight <javascript:alert(1)>",
    "<script>alert(1)</script>",
    "**bold** [x](javascript:alert(1))",
    "<a href=\"javascript:alert(1)\">x</a> and <b>y</b>",
    "[a guide](https://a.example/g) `code` *em*",
    "\u{0007}bell and \u{202e}override",
];

fn json_edit() -> impl Strategy<Value = JsonEdit> {
    prop_oneof![
        3 => (any::<Index>(), 0..TRICKY_STRINGS.len()).prop_map(|(a, n)| JsonEdit::SetString(a, n)),
        1 => any::<Index>().prop_map(JsonEdit::SwapDates),
        1 => any::<Index>().prop_map(JsonEdit::Remove),
        1 => any::<Index>().prop_map(JsonEdit::DuplicateElement),
        1 => any::<Index>().prop_map(JsonEdit::EmptyArray),
        1 => any::<Index>().prop_map(JsonEdit::NumberForString),
    ]
}

/// JSON pointers of every node under `value` that `keep` selects.
fn pointers(
    value: &serde_json::Value,
    at: String,
    keep: &dyn Fn(&serde_json::Value) -> bool,
    out: &mut Vec<String>,
) {
    if keep(value) {
        out.push(at.clone());
    }
    match value {
        serde_json::Value::Object(map) => {
            for (key, child) in map {
                pointers(child, format!("{at}/{}", key.replace('~', "~0").replace('/', "~1")), keep, out);
            }
        }
        serde_json::Value::Array(items) => {
            for (n, child) in items.iter().enumerate() {
                pointers(child, format!("{at}/{n}"), keep, out);
            }
        }
        _ => {}
    }
}

fn pick(
    document: &serde_json::Value,
    index: &Index,
    keep: &dyn Fn(&serde_json::Value) -> bool,
) -> Option<String> {
    let mut all = Vec::new();
    pointers(document, String::new(), keep, &mut all);
    all.retain(|p| !p.is_empty());
    (!all.is_empty()).then(|| all[index.index(all.len())].clone())
}

fn apply_json(document: &mut serde_json::Value, edit: &JsonEdit) {
    use serde_json::Value;
    match edit {
        JsonEdit::SetString(i, k) => {
            if let Some(p) = pick(document, i, &|v| v.is_string()) {
                *document.pointer_mut(&p).unwrap() = Value::from(TRICKY_STRINGS[*k]);
            }
        }
        JsonEdit::NumberForString(i) => {
            if let Some(p) = pick(document, i, &|v| v.is_string()) {
                *document.pointer_mut(&p).unwrap() = Value::from(7);
            }
        }
        JsonEdit::SwapDates(i) => {
            let dated = |v: &Value| v.get("startDate").is_some() && v.get("endDate").is_some();
            if let Some(p) = pick(document, i, &dated) {
                let entry = document.pointer_mut(&p).unwrap().as_object_mut().unwrap();
                let start = entry["startDate"].clone();
                entry.insert("startDate".into(), entry["endDate"].clone());
                entry.insert("endDate".into(), start);
            }
        }
        JsonEdit::Remove(i) => {
            if let Some(p) = pick(document, i, &|_| true) {
                let (parent, last) = p.rsplit_once('/').unwrap();
                match document.pointer_mut(parent) {
                    Some(Value::Object(map)) => {
                        map.remove(&last.replace("~1", "/").replace("~0", "~"));
                    }
                    Some(Value::Array(items)) => {
                        items.remove(last.parse::<usize>().unwrap());
                    }
                    _ => {}
                }
            }
        }
        JsonEdit::DuplicateElement(i) => {
            if let Some(p) = pick(document, i, &|v| v.as_array().is_some_and(|a| !a.is_empty())) {
                let items = document.pointer_mut(&p).unwrap().as_array_mut().unwrap();
                items.push(items[0].clone());
            }
        }
        JsonEdit::EmptyArray(i) => {
            if let Some(p) = pick(document, i, &Value::is_array) {
                *document.pointer_mut(&p).unwrap() = Value::Array(vec![]);
            }
        }
    }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn mutated_markdown_imports_into_a_checked_resume_or_a_located_error(
        edits in prop::collection::vec(line_edit(), 1..8),
        english in any::<bool>(),
        form in 0..3usize,
    ) {
        let (lang, original) = match form {
            0 => (if english { "en" } else { "ko" }, MARKDOWN),
            n => EXPORTS[n - 1],
        };
        let mut lines: Vec<String> = original.lines().map(str::to_string).collect();
        for edit in &edits {
            apply(&mut lines, edit);
        }
        let input = lines.join("\n") + "\n";
        let lang = language(lang);
        let name = (form == 0).then_some("Test Person");
        let outcome = resume::formats::markdown::import(&input, Path::new("resume.md"), lang, name);
        assert_accepted_or_located(&input, outcome, lang);
    }

    #[test]
    fn mutated_json_resume_imports_into_a_checked_resume_or_a_located_error(
        edits in prop::collection::vec(json_edit(), 1..8),
    ) {
        let mut document: serde_json::Value = serde_json::from_str(JSON).unwrap();
        for edit in &edits {
            apply_json(&mut document, edit);
        }
        let input = serde_json::to_string_pretty(&document).unwrap();
        let lang = language("en");
        let outcome = resume::formats::jsonresume::import(&input, Path::new("resume.json"), lang);
        assert_accepted_or_located(&input, outcome, lang);
    }

    #[test]
    fn mutated_rendercv_imports_into_a_checked_resume_or_a_located_error(
        edits in prop::collection::vec(json_edit(), 1..8),
    ) {
        let yaml: serde_yaml::Value = serde_yaml::from_str(RENDERCV).unwrap();
        let mut document = serde_json::to_value(&yaml).unwrap();
        for edit in &edits {
            apply_json(&mut document, edit);
        }
        let input = serde_yaml::to_string(&document).unwrap();
        let lang = language("en");
        let outcome = resume::formats::rendercv::import(&input, Path::new("cv.yaml"), lang);
        assert_accepted_or_located(&input, outcome, lang);
    }

    #[test]
    fn mutated_linkedin_exports_import_into_a_checked_resume(
        edits in prop::collection::vec((0..12usize, any::<Index>(), 0..TRICKY_STRINGS.len(), 0..4usize), 1..6),
    ) {
        let dir = Scratch::new("imp-linkedin-prop");
        let fixture = common::root().join("tests/fixtures/linkedin");
        let mut files: Vec<(String, Vec<Vec<String>>)> = Vec::new();
        for entry in std::fs::read_dir(&fixture).unwrap().flatten() {
            let text = std::fs::read_to_string(entry.path()).unwrap();
            let mut reader = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(text.as_bytes());
            let rows = reader.records().map(|r| r.unwrap().iter().map(str::to_string).collect()).collect();
            files.push((entry.file_name().to_string_lossy().into_owned(), rows));
        }
        files.sort();
        let count = files.len();
        for (file, cell, tricky, how) in &edits {
            let (_, rows) = &mut files[file % count];
            let cells: Vec<(usize, usize)> =
                rows.iter().enumerate().flat_map(|(r, row)| (0..row.len()).map(move |c| (r, c))).collect();
            match how {
                // A cell set to a tricky text, emptied, or its row dropped.
                0 | 1 if !cells.is_empty() => {
                    let (r, c) = cells[cell.index(cells.len())];
                    rows[r][c] = if *how == 0 { TRICKY_STRINGS[*tricky].to_string() } else { String::new() };
                }
                2 if rows.len() > 1 => {
                    let r = 1 + cell.index(rows.len() - 1);
                    rows.remove(r);
                }
                // The whole file gone.
                _ => rows.clear(),
            }
        }
        let folder = dir.path("export");
        std::fs::create_dir_all(&folder).unwrap();
        for (name, rows) in &files {
            if rows.is_empty() {
                continue;
            }
            let mut writer = csv::WriterBuilder::new().flexible(true).from_path(folder.join(name)).unwrap();
            for row in rows {
                writer.write_record(row).unwrap();
            }
            writer.flush().unwrap();
        }
        let lang = language("en");
        match resume::formats::linkedin::Export::read(&folder) {
            Ok(export) => {
                let outcome = resume::formats::linkedin::import(&export, lang);
                let imported = outcome.unwrap_or_else(|err| panic!("an export that reads must import: {err}"));
                let source = Source { path: "resume.toml".into(), dir: None, text: imported.toml.clone() };
                let report = resume::check::check(&source, &[lang], today());
                let errors: Vec<String> = report.errors.iter().map(ToString::to_string).collect();
                assert!(errors.is_empty(), "{}\n--- output\n{}", errors.join("\n"), imported.toml);
            }
            Err(err) => assert!(err.to_string().contains("holds none of a LinkedIn export"), "{err}"),
        }
    }
}
