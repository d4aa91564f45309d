//! Every error is located and clean: bytes that are not UTF-8, UTF-16
//! files, Fluent messages that fail to format, profile fields, characters
//! no font has (also when they come from a `.ftl` file or an escape),
//! control characters in echoed input, empty flags and far-future dates.

mod common;

use common::{SMALL, Scratch, resume_err, resume_ok};

#[test]
fn invalid_utf8_names_line_and_column() {
    let dir = Scratch::new("not-utf8");
    let mut bytes = SMALL.as_bytes().to_vec();
    // "김" in EUC-KR, on the name line.
    let at = SMALL.find("김안전").unwrap();
    bytes.splice(at..at + 3, [0xB1, 0xE8]);
    dir.write_bytes("resume.toml", &bytes);
    let err = resume_err(&dir.0, &["pdf"]);
    assert!(err.contains("is not UTF-8 text"), "{err}");
    assert!(err.contains("resume.toml:2:16"), "{err}");
    assert!(err.contains("iconv"), "{err}");
}

#[test]
fn utf16_is_named_as_such() {
    let dir = Scratch::new("utf16");
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend(SMALL.encode_utf16().flat_map(u16::to_le_bytes));
    dir.write_bytes("resume.toml", &bytes);
    let err = resume_err(&dir.0, &["pdf"]);
    assert!(err.contains("UTF-16"), "{err}");
    let err = resume_err(&dir.0, &["check"]);
    assert!(err.contains("UTF-16"), "{err}");
}

#[test]
fn a_fluent_message_that_cannot_be_formatted_is_located() {
    let dir = Scratch::new("fluent-resolve");
    dir.write("resume.toml", SMALL);
    dir.write("en.ftl", "# translations\nsection-projects = { -missing-term } work\n");
    let err = resume_err(&dir.0, &["pdf", "--lang", "en"]);
    assert!(err.contains("section-projects"), "{err}");
    assert!(err.contains("en.ftl:2:1"), "{err}");
}

#[test]
fn profile_fields_are_located() {
    let dir = Scratch::new("profile-fields");
    dir.write("resume.toml", &format!("{SMALL}\n[profile.p]\nonly = [\"tag:serch\"]\n"));
    let err = resume_err(&dir.0, &["pdf", "--profile", "p"]);
    assert!(err.contains("profile `p`"), "{err}");
    assert!(err.contains("resume.toml:12:"), "{err}");
    let err = resume_err(&dir.0, &["check"]);
    assert!(err.contains("resume.toml:12:"), "{err}");
    dir.write("resume.toml", &format!("{SMALL}\n[profile.p]\nmax_pages = 0\n"));
    let err = resume_err(&dir.0, &["check"]);
    assert!(err.contains("`max_pages = 0` can never be met") && err.contains("resume.toml:12:"), "{err}");
    dir.write("resume.toml", &format!("{SMALL}\n[profile.p]\nlang = [\"fr\"]\n"));
    let err = resume_err(&dir.0, &["pdf", "--profile", "p"]);
    assert!(err.contains("resume.toml:12:"), "{err}");
}

#[test]
fn a_missing_glyph_from_a_translation_or_an_escape_is_located() {
    let dir = Scratch::new("glyph-ftl");
    dir.write("resume.toml", SMALL);
    dir.write("en.ftl", "section-projects = Work 🚀\n");
    let err = resume_err(&dir.0, &["pdf", "--lang", "en"]);
    assert!(err.contains("U+1F680") && err.contains("en.ftl:1:"), "{err}");
    let err = resume_err(&dir.0, &["check", "--lang", "en"]);
    assert!(err.contains("U+1F680") && err.contains("en.ftl:1:"), "check: {err}");
    std::fs::remove_file(dir.path("en.ftl")).unwrap();
    dir.write("resume.toml", &SMALL.replace("\"Safe Kim\"", "\"Safe Kim \\U0001F680\""));
    let err = resume_err(&dir.0, &["pdf", "--lang", "en"]);
    assert!(err.contains("U+1F680") && err.contains("resume.toml:2:"), "{err}");
    let err = resume_err(&dir.0, &["check", "--lang", "en"]);
    assert!(err.contains("U+1F680"), "check: {err}");
}

#[test]
fn control_characters_in_echoed_input_are_escaped() {
    let dir = Scratch::new("controls");
    dir.write("resume.toml", "[person]\nname = \"A\"\nlinks = [\"\u{1b}]0;pwned\u{7}\"]\n");
    let err = resume_err(&dir.0, &["pdf"]);
    assert!(!err.contains('\u{1b}') && !err.contains('\u{7}'), "raw control bytes: {err:?}");
    assert!(err.contains("\\u{1b}"), "{err}");
}

#[test]
fn empty_languages_and_selectors_are_errors() {
    let dir = Scratch::new("empty-flags");
    dir.write("resume.toml", SMALL);
    for args in [
        &["pdf", "--lang", ""][..],
        &["pdf", "--only", ""],
        &["pdf", "--only", ",,,"],
        &["pdf", "--hide", "search,,summary"],
    ] {
        let err = resume_err(&dir.0, args);
        assert!(err.contains("empty"), "{args:?}: {err}");
    }
    let err = resume_err(&dir.0, &["pdf", "--only", "2020-2010"]);
    assert!(err.contains("is not a period") && err.contains("earliest first"), "{err}");
    let err = resume_err(&dir.0, &["pdf", "--only", "2030-"]);
    assert!(err.contains("keeps none of the projects"), "{err}");
    assert!(std::fs::read_dir(&dir.0).unwrap().count() == 1, "something was written");
}

#[test]
fn far_future_dates_are_warnings() {
    let dir = Scratch::new("far-future");
    dir.write("resume.toml", &SMALL.replace("2020-01..2021-06", "9999-12.."));
    let out = resume_ok(&dir.0, &["check"]);
    assert!(out.contains("warning: the period of `search` lies after 2100"), "{out}");
    let err = resume_err(&dir.0, &["check", "--strict"]);
    assert!(err.contains("after 2100"), "{err}");
}

#[test]
fn a_font_file_that_is_no_font_is_a_warning() {
    let dir = Scratch::new("not-a-font");
    dir.write("resume.toml", SMALL);
    dir.write("fonts/broken.ttf", "this is not a font");
    let out = resume_ok(&dir.0, &["pdf", "--font-path", "fonts"]);
    assert!(out.contains("warning: `fonts/broken.ttf` is not a font"), "{out}");
}

#[test]
fn no_hint_names_a_flag_this_tool_lacks() {
    let dir = Scratch::new("root-hint");
    dir.write("resume.toml", SMALL);
    dir.write("lay/x.typ", "#read(\"../resume.toml\")\n");
    let err = resume_err(&dir.0, &["pdf", "--layout", "lay/x.typ"]);
    assert!(!err.contains("--root"), "{err}");
    assert!(err.contains("its own folder"), "{err}");
}

/// The leftovers of an earlier attack corpus, each now an error at its
/// line and column: a Markdown list nested 2,000 deep, an imported file
/// that is not UTF-8, a translation with attributes and no text, a layout
/// that is not UTF-8, and a mail link that prefills a message.
#[test]
fn what_used_to_pass_or_go_unlocated_is_located() {
    let dir = Scratch::new("leftovers");
    let mut deep =
        String::from("# Kim\n\n## Projects\n\n### P\n\n- Period: 2020.01 ~ 2021.01\n- Responsibilities\n");
    for depth in 1..2000 {
        deep.push_str(&format!("{}- x\n", "  ".repeat(depth)));
    }
    dir.write("deep.md", &deep);
    let err = resume_err(&dir.0, &["import", "markdown", "deep.md"]);
    assert!(err.contains("nests") && err.contains("deep.md:"), "{err}");

    dir.write_bytes("bad.md", b"# Kim\n\n## P\n- Company: \xb1\xe8\n");
    let err = resume_err(&dir.0, &["import", "markdown", "bad.md"]);
    assert!(err.contains("bad.md:4:12") && err.contains("not UTF-8"), "{err}");

    dir.write("resume.toml", &SMALL.replacen("[person]\n", "[person]\nheadline = \"H\"\n", 1));
    dir.write("en.ftl", "person-headline =\n    .tooltip = x\n");
    let err = resume_err(&dir.0, &["pdf", "--lang", "en", "-o", "x.pdf"]);
    assert!(err.contains("has no value") && err.contains("en.ftl:1:1"), "{err}");
    std::fs::remove_file(dir.path("en.ftl")).unwrap();

    dir.write_bytes("lay/bad.typ", b"#let data = json(\"/resume.json\")\n= \xb1\xe8 #data.person.name\n");
    let err = resume_err(&dir.0, &["pdf", "--lang", "en", "--layout", "lay/bad.typ", "-o", "x.pdf"]);
    assert!(err.contains("bad.typ:2:3") && err.contains("not UTF-8"), "{err}");

    dir.write(
        "resume.toml",
        &SMALL.replacen("[person]\n", "[person]\nlinks = [\"mailto:a@b.c?subject=x&body=y\"]\n", 1),
    );
    let err = resume_err(&dir.0, &["check"]);
    assert!(err.contains("prefilled") && err.contains("resume.toml:2:"), "{err}");
    assert!(!dir.path("x.pdf").exists());
}

/// A layout of one's own that sets no font gets the embedded ones: its
/// Hangul shows, and a character no font has (a line that starts with an
/// emoji, which used to vanish with its whole line) is an error in the
/// layout, at its line.
#[test]
fn a_layout_without_fonts_of_its_own_shows_hangul_and_never_drops_a_line() {
    let dir = Scratch::new("bare-layout");
    dir.write("resume.toml", SMALL);
    dir.write("lay/hangul.typ", "= 한글 제목\n\n본문\n");
    resume_ok(&dir.0, &["pdf", "--layout", "lay/hangul.typ", "-o", "h.pdf"]);
    let text = common::squash(&common::Pdf::open(&dir.path("h.pdf")).text());
    assert!(text.contains("한글제목") && text.contains("본문"), "{text}");
    for source in ["= 🦀 A\n", "🦀 A\n"] {
        dir.write("lay/crab.typ", source);
        let err = resume_err(&dir.0, &["pdf", "--layout", "lay/crab.typ", "-o", "c.pdf"]);
        assert!(
            err.contains("no font has a glyph for `🦀`") && err.contains("crab.typ:1:"),
            "{source}: {err}"
        );
    }
}
