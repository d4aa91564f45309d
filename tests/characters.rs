//! Characters no document can carry: a control character written into
//! the résumé or a translation (`"\u0001"`) is refused at its line and
//! column by every command, before any Word file that Word cannot open or
//! any text that rewrites a terminal is written; and whatever text a
//! résumé holds, every part of the Word file it makes is well-formed XML.

mod common;

use common::{Scratch, resume, resume_err};
use proptest::prelude::*;

/// A résumé whose headline is `headline`, as TOML writes it.
fn with_headline(headline: &str) -> String {
    format!("[person]\nname = \"Ada\"\nheadline = {}\n", toml::Value::String(headline.into()))
}

#[test]
fn a_control_character_is_refused_at_its_place_by_every_command() {
    let cases = [
        (
            "headline",
            "[person]\nname = \"A\"\nheadline = \"ctl \\u0001 end\"\n",
            "resume.toml:3:12",
            "U+0001",
        ),
        (
            "description",
            "[person]\nname = \"A\"\n\n[[project]]\nid = \"p\"\nname = \"P\"\ncompany = \"c\"\nperiod = \"2020-01..2021-01\"\ndescription = \"nul \\u0000 here\"\n",
            "resume.toml:9:15",
            "U+0000",
        ),
        ("name", "[person]\nname = \"x\\uFFFE\\uFFFF\"\n", "resume.toml:2:8", "U+FFFE"),
        (
            "answer",
            "[person]\nname = \"A\"\n\n[[letter]]\nid = \"l\"\n\n[[letter.question]]\nquestion = \"Why?\"\nanswer = \"esc \\u001b[2J\"\n",
            "resume.toml:9:10",
            "U+001B",
        ),
    ];
    for (what, toml, place, code) in cases {
        let dir = Scratch::new(&format!("chars-{what}"));
        dir.write("resume.toml", toml);
        for args in [
            &["docx", "--lang", "en", "-o", "out.docx"][..],
            &["pdf", "--lang", "en", "-o", "out.pdf"],
            &["export", "--format", "text", "--lang", "en"],
            &["export", "--format", "markdown", "--lang", "en"],
            &["check"],
        ] {
            let err = resume_err(&dir.0, args);
            assert!(err.contains(place) && err.contains(code), "{what} {args:?}: {err}");
            assert!(err.contains("control character"), "{what} {args:?}: {err}");
        }
        assert!(!dir.path("out.docx").exists() && !dir.path("out.pdf").exists(), "{what}: nothing written");
    }
}

#[test]
fn a_control_character_in_a_translation_is_refused_at_its_line() {
    let dir = Scratch::new("chars-ftl");
    dir.write("resume.toml", "[person]\nname = \"A\"\nheadline = { en = \"Engineer\" }\n");
    dir.write("ko.ftl", "# 번역\nperson-headline = 개발자 { \"\\u001b\" }]0;pwned\n");
    let err = resume_err(&dir.0, &["docx", "--lang", "ko", "-o", "out.docx"]);
    assert!(err.contains("ko.ftl:2:") && err.contains("U+001B"), "{err}");
    assert!(!dir.path("out.docx").exists());
}

#[test]
fn nothing_that_rewrites_a_terminal_reaches_standard_output() {
    let dir = Scratch::new("chars-terminal");
    dir.write("resume.toml", &with_headline("H\u{1b}c\u{1b}]0;pwned\u{7}\u{9b}31m"));
    for format in ["text", "markdown", "json", "jsonresume"] {
        let out = resume(&dir.0, &["export", "--format", format, "--lang", "en"]);
        assert_eq!(out.status.code(), Some(1), "{format}");
        let printed = [out.stdout, out.stderr].concat();
        let printed = String::from_utf8_lossy(&printed);
        assert!(
            !printed.chars().any(|c| matches!(c, '\u{1b}' | '\u{7}' | '\u{9b}' | '\u{0}')),
            "{format}: {printed:?}"
        );
    }
}

/// Text that is hostile to XML without being forbidden: markup, entities,
/// quotes, bidirectional controls, combining marks, Hangul, emoji.
fn hostile() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "<w:t>", "</w:p>", "&amp;", "&#x1;", "]]>", "<!--", "\"", "'", "\u{202e}", "\u{2066}", "e\u{301}",
        "한글", "漢字", "😀", "\t", "\u{fffd}", "\u{a0}", " ", "x",
    ]);
    prop::collection::vec(pieces, 1..12).prop_map(|parts| format!("x{}", parts.concat()))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, failure_persistence: None, ..ProptestConfig::default() })]

    /// Whatever the texts, every XML part of the Word file parses.
    #[test]
    fn every_part_of_the_word_file_is_well_formed(
        name in hostile(), headline in hostile(), company in hostile(), bullet in hostile(), answer in hostile()
    ) {
        let s = |text: &str| toml::Value::String(text.to_string()).to_string();
        let toml = format!(
            "[person]\nname = {}\nheadline = {}\n\n[[company]]\nid = \"c\"\nname = {}\n\n\
             [[project]]\nid = \"p\"\nname = {}\ncompany = \"c\"\nperiod = \"2020-01..2021-01\"\n\
             responsibilities = [{}]\n\n[[letter]]\nid = \"l\"\n\n[[letter.question]]\nquestion = {}\nanswer = {}\n",
            s(&name), s(&headline), s(&company), s(&bullet), s(&bullet), s(&headline), s(&answer)
        );
        let dir = Scratch::new("chars-prop");
        dir.write("resume.toml", &toml);
        for (args, file) in [
            (&["docx", "--lang", "en", "-o", "r.docx"][..], "r.docx"),
            (&["docx", "--lang", "en", "--document", "letter:l", "-o", "l.docx"][..], "l.docx"),
        ] {
            let out = resume(&dir.0, args);
            prop_assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
            let archive = std::fs::File::open(dir.path(file)).unwrap();
            let mut zip = zip::ZipArchive::new(archive).unwrap();
            for n in 0..zip.len() {
                let mut part = zip.by_index(n).unwrap();
                if !part.name().ends_with(".xml") && !part.name().ends_with(".rels") {
                    continue;
                }
                let mut xml = String::new();
                std::io::Read::read_to_string(&mut part, &mut xml).unwrap();
                let parsed = roxmltree::Document::parse(&xml);
                prop_assert!(parsed.is_ok(), "{}: {:?}", part.name(), parsed.err());
            }
        }
    }
}
