//! `resume check`: every problem at once, each at its exact place.

mod common;

use common::{Scratch, resume, resume_err};

const BROKEN: &str = r#"[person]
name = "Kim"
headlin = "x"
email = "kim.example.com"

[[project]]
id = "search"
name = { ko = "검색" }
company = "acme"
period = "2021-06..2020-01"

[[project]]
id = "engine"
name = "Engine"
compny = "acme"
company = "acme"
period = "2020-01..2020-12"
responsibilities = [{ text = "a", link = "example" }]
"#;

#[test]
fn reports_every_problem_with_its_location() {
    let dir = Scratch::new("check");
    dir.write("resume.toml", BROKEN);
    let err = resume_err(&dir.0, &["check"]);
    let located: Vec<&str> =
        err.lines().filter(|l| l.trim_start().starts_with("--> ")).map(str::trim).collect();
    assert_eq!(
        located,
        [
            "--> resume.toml:3:1",
            "--> resume.toml:10:10",
            "--> resume.toml:15:1",
            "--> resume.toml:4:9",
            "--> resume.toml:18:42"
        ],
        "{err}"
    );
    assert!(err.contains("did you mean `headline`?"), "{err}");
    assert!(err.contains("did you mean `company`?"), "{err}");
    assert!(err.contains("ends (2020-01) before it starts (2021-06)"), "{err}");
    assert!(err.contains("`example` is not a web address"), "{err}");
    assert!(err.contains("resume.toml: 5 error(s), 0 warning(s)"), "{err}");
}

#[test]
fn an_entry_with_a_broken_required_key_is_still_checked() {
    // The period of `search` cannot be read, yet its name still lacks an
    // English text, and `engine`, after another type error, still ends in
    // the future: all of it is reported in the one run.
    let dir = Scratch::new("check-partial");
    let text = BROKEN.replace("2020-01..2020-12", "2020-01..2027-12");
    dir.write("resume.toml", &text);
    let err = resume_err(&dir.0, &["check", "--lang", "ko,en", "--today", "2026-11"]);
    assert!(err.contains("ends (2020-01) before it starts (2021-06)"), "{err}");
    assert!(err.contains("this text has no `en` version"), "{err}");
    assert!(err.contains("--> resume.toml:8:8\n  |\n8 | name = { ko = \"검색\" }"), "{err}");
    assert!(err.contains("the period of `engine` ends in the future"), "{err}");
    assert!(err.contains("resume.toml: 6 error(s), 1 warning(s)"), "{err}");
}

const VALID: &str = r#"[person]
name = "Kim"
email = "kim@example.com"

[[project]]
id = "search"
name = { ko = "검색" }
company = "acme"
period = "2026-10..2027-03"

[profile.global]
lang = ["en"]
"#;

#[test]
fn translations_asked_for_and_warnings() {
    let dir = Scratch::new("check-lang");
    dir.write("resume.toml", VALID);
    dir.write("ko.ftl", "project-search-name = 검색 서비스\nproject-serch-name = 오타\n");
    let err = resume_err(&dir.0, &["check", "--today", "2026-11"]);
    // The profile asks for English, which the name lacks.
    assert!(err.contains("error: this text has no `en` version (it has: ko)"), "{err}");
    assert!(err.contains("--> resume.toml:7:8"), "{err}");
    assert!(err.contains("warning: the period of `search` ends in the future"), "{err}");
    assert!(err.contains("warning: the message `project-serch-name` overrides nothing"), "{err}");
    assert!(err.contains("--> ko.ftl:2:1"), "{err}");
    // With the English text, only warnings remain: success, unless --strict.
    dir.write("resume.toml", &VALID.replace(r#"{ ko = "검색" }"#, r#"{ ko = "검색", en = "Search" }"#));
    let out = resume(&dir.0, &["check", "--today", "2026-11"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stderr).contains("0 error(s), 2 warning(s)"));
    resume_err(&dir.0, &["check", "--today", "2026-11", "--strict"]);
}

#[test]
fn the_built_in_example_is_clean() {
    let dir = Scratch::new("check-example");
    let out = resume(&dir.0, &["check", "--lang", "ko,en", "--strict", "--no-style", "--today", "2026-11"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    // Its words too, but for what only its author can give: a name
    // rather than the handle, a way to answer, and Korean for the twelve
    // bullets the Korean document prints in English.
    let out = resume(&dir.0, &["check", "--lang", "ko,en", "--today", "2026-11"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("the name `yoonbh2714` reads as a user name"), "{stderr}");
    assert!(stderr.contains("has no e-mail and no phone"), "{stderr}");
    assert_eq!(
        stderr.matches("this text is English, and the Korean document prints it").count(),
        12,
        "{stderr}"
    );
    assert!(stderr.contains("0 error(s), 14 warning(s)"), "{stderr}");
}

#[test]
fn a_profile_over_its_page_budget_is_an_error_at_its_budget() {
    let dir = Scratch::new("check-budget");
    let text = resume::source::EXAMPLE.replace("[profile.search]\n", "[profile.search]\nmax_pages = 1\n");
    let text = text.replacen("max_pages = 3\n", "", 2);
    dir.write("resume.toml", &text);
    let line = text.lines().position(|l| l == "max_pages = 1").unwrap() + 1;
    let err = resume_err(&dir.0, &["check", "--today", "2026-11"]);
    assert!(err.contains("profile `search` (ko): the résumé needs 2 pages but may have 1"), "{err}");
    assert!(err.contains("profile `search` (en)"), "{err}");
    assert!(err.contains(&format!("--> resume.toml:{line}:1")), "{err}");
    assert!(err.contains("the largest entries are daum-integrated-search"), "{err}");
    assert!(!err.contains("profile `mlops`"), "mlops fits its budget: {err}");
}

#[test]
fn a_company_reference_must_name_a_company() {
    let dir = Scratch::new("company-ref");
    dir.write(
        "resume.toml",
        "[person]\nname = \"Kim\"\n\n[[company]]\nid = \"smartcommerce\"\nname = \"SmartCommerce\"\n\n\
         [[project]]\nid = \"shop\"\nname = \"Shop\"\ncompany = \"smartcomerce\"\nperiod = \"2020-01..2021-01\"\n",
    );
    let err = resume_err(&dir.0, &["check", "--strict"]);
    assert!(err.contains("`company = \"smartcomerce\"` names no `[[company]]`"), "{err}");
    assert!(err.contains("did you mean `smartcommerce`?") && err.contains("resume.toml:11:"), "{err}");
    let err = resume_err(&dir.0, &["pdf"]);
    assert!(err.contains("names no `[[company]]`"), "{err}");
}

#[test]
fn a_profile_paper_and_layout_are_checked_at_their_lines() {
    let dir = Scratch::new("profile-fields");
    dir.write(
        "resume.toml",
        "[person]\nname = \"Kim\"\nheadline = \"Engineer\"\n\n[profile.a]\npaper = \"a5\"\n\n[profile.b]\nlayout = \"nowhere.typ\"\n\n\
         [profile.c]\nlayout = \"nameless\"\n",
    );
    let err = resume_err(&dir.0, &["check"]);
    assert!(err.contains("profile `a`") && err.contains("resume.toml:6:"), "paper: {err}");
    assert!(err.contains("profile `b`") && err.contains("resume.toml:9:"), "layout file: {err}");
    assert!(err.contains("profile `c`") && err.contains("resume.toml:12:"), "layout name: {err}");
    assert!(err.contains("3 error(s)"), "{err}");
}

#[test]
fn one_run_reports_one_of_each_problem_with_its_line() {
    let dir = Scratch::new("one-of-each");
    dir.write(
        "resume.toml",
        r#"[person]
name = "Kim"
headlin = "typo"
links = ["javascript:alert(1)"]

[[company]]
id = "smartcommerce"
name = "SmartCommerce"

[[project]]
id = "shop"
name = { ko = "쇼핑", en = "" }
company = "smartcomerce"
period = "2020-13..2021-01"

[[project]]
id = "search"
name = { ko = "검색 🚀" }
company = "smartcommerce"
period = "2019-01..2019-06"
achievements = ["정산 배치 수행 시간 4시간 → 40분"]

[profile.p]
only = ["2020-2010"]
paper = "a5"
"#,
    );
    let err = resume_err(&dir.0, &["check", "--lang", "ko,en"]);
    for (what, line) in [
        ("unknown field `headlin`", 3),
        ("javascript:alert(1)", 4),
        ("`name` is empty", 12),
        ("names no `[[company]]`", 13),
        ("is not a period", 14),
        ("U+1F680", 18),
        ("has no `en` version", 18),
        ("this text is Korean", 21),
        ("`--only 2020-2010` is not a period", 24),
        ("`paper = \"a5\"`", 25),
    ] {
        let found = err
            .split("\n\n")
            .any(|block| block.contains(what) && block.contains(&format!("resume.toml:{line}:")));
        assert!(found, "`{what}` at line {line} is missing from one run:\n{err}");
    }
}

/// `check` and `pdf` validate a profile the same way, with the same words
/// at the same place: one function does it for both.
#[test]
fn check_and_pdf_report_a_profile_alike() {
    let dir = Scratch::new("check-like-pdf");
    dir.write(
        "resume.toml",
        "[person]\nname = 'Kim'\n[profile.a]\npaper = 'a5'\n[profile.b]\nlayout = 'nope.typ'\n[profile.c]\nlang = ['fr']\n",
    );
    let checked = resume_err(&dir.0, &["check"]);
    for (profile, expected) in [
        ("a", "error: profile `a`: `paper = \"a5\"` is not a paper size"),
        ("b", "error: profile `b`: the layout `"),
        ("c", "error: profile `c`: "),
    ] {
        assert!(checked.contains(expected), "check: `{expected}` missing from\n{checked}");
        let built = resume_err(&dir.0, &["pdf", "--profile", profile]);
        let first = built.lines().next().unwrap();
        assert!(checked.contains(first), "pdf said `{first}`, which check did not:\n{checked}");
        assert!(built.contains("resume.toml:"), "pdf's error is located: {built}");
    }
}

/// `check` finds a character no font has in every field `pdf` would
/// refuse it in, plain or translated, at its line.
#[test]
fn check_finds_what_no_font_draws_in_every_field() {
    let dir = Scratch::new("check-glyphs");
    for field in [
        "[person]\nname = \"A\"\nheadline = \"H 🦀\"\n",
        "[person]\nname = \"A\"\nlocation = \"Seoul 🦀\"\n",
        "[person]\nname = \"A\"\n\n[[project]]\nid = \"p\"\nname = \"P\"\ncompany = \"c\"\nperiod = \"2020-01..2021-01\"\nlanguages = [\"rust🦀\"]\n",
    ] {
        dir.write("resume.toml", field);
        let check = resume_err(&dir.0, &["check"]);
        let pdf = resume_err(&dir.0, &["pdf", "-o", "x.pdf"]);
        for err in [&check, &pdf] {
            assert!(
                err.contains("no font has a glyph for `🦀`") && err.contains("resume.toml:"),
                "{field}: {err}"
            );
        }
    }
}
