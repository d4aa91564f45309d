//! Round trips: `export --format markdown` carries every section the PDF
//! shows, `import markdown` reads it back in either language, and export →
//! import → export gives the same Markdown, for the built-in example and
//! for a fictional résumé that uses every section and field.

mod common;

use std::path::Path;

use common::{Scratch, resume, resume_ok};
use resume::model::{Resume, Source, Text};

const FIXTURE: &str = "tests/fixtures/roundtrip/resume.toml";

/// `resume export --format markdown` of `input` (the built-in example when
/// `None`), in `lang`.
fn export(dir: &Path, input: Option<&Path>, lang: &str) -> String {
    let mut args = vec!["export", "--format", "markdown", "--lang", lang, "--today", "2026-11"];
    let input = input.map(|i| i.to_str().unwrap().to_string());
    if let Some(input) = &input {
        args.extend(["--input", input.as_str()]);
    }
    let out = resume(dir, &args);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

/// `resume import markdown` of `markdown` in `lang`: the TOML, and what the
/// importer said on stderr.
fn import(dir: &Scratch, markdown: &str, lang: &str) -> (String, String) {
    let file = dir.write(&format!("export-{lang}.md"), markdown);
    let out = resume(&dir.0, &["import", "markdown", file.to_str().unwrap(), "--lang", lang]);
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(out.status.success(), "import failed:\n{stderr}");
    (String::from_utf8(out.stdout).unwrap(), stderr)
}

fn load(toml: &str) -> Resume {
    resume::model::load(&Source { path: "resume.toml".into(), dir: None, text: toml.to_string() }).unwrap()
}

/// Export, import, export again: the two exports are the same, the import
/// said nothing (nothing was mended or left out), and the imported résumé
/// passes `check` in that language.
fn round_trip(input: Option<&Path>, lang: &str) -> Resume {
    let dir = Scratch::new(&format!("round-trip-{lang}"));
    let first = export(&dir.0, input, lang);
    let (toml, said) = import(&dir, &first, lang);
    assert!(said.is_empty(), "{lang}: the import mended or left out something:\n{said}");
    let imported = dir.write("imported/resume.toml", &toml);
    resume_ok(
        &dir.0,
        &[
            "check",
            "--strict",
            "--no-style",
            "--lang",
            lang,
            "--today",
            "2026-11",
            "--input",
            imported.to_str().unwrap(),
        ],
    );
    let second = export(&dir.0, Some(&imported), lang);
    if first != second {
        let diff: Vec<String> = first
            .lines()
            .zip(second.lines())
            .enumerate()
            .filter(|(_, (a, b))| a != b)
            .take(5)
            .map(|(n, (a, b))| format!("line {}:\n  first:  {a}\n  second: {b}", n + 1))
            .collect();
        panic!(
            "{lang}: export → import → export changed the Markdown\n{}\n--- TOML\n{toml}",
            diff.join("\n")
        );
    }
    load(&toml)
}

#[test]
fn the_built_in_example_survives_export_import_export_in_both_languages() {
    for lang in ["ko", "en"] {
        let imported = round_trip(None, lang);
        assert_eq!(imported.projects.len(), 7, "{lang}");
        let nhn = imported.companies.iter().find(|c| c.id == "nhn").expect("nhn");
        let former = nhn.formerly.as_ref().expect("the rename");
        assert_eq!((former.name.any(), former.until.to_string().as_str()), ("naver", "2013-08"));
    }
}

#[test]
fn the_packet_example_survives_export_import_export_in_both_languages() {
    let packet = common::root().join("examples/packet/resume.toml");
    for lang in ["ko", "en"] {
        let imported = round_trip(Some(&packet), lang);
        assert_eq!(imported.awards.len(), 1, "{lang}");
        assert_eq!(imported.language_tests.len(), 1, "{lang}");
    }
}

#[test]
fn every_section_and_field_survives_export_import_export_in_both_languages() {
    let fixture = common::root().join(FIXTURE);
    for (lang, location, role, degree) in [
        ("ko", "서울", "시니어 엔지니어", "컴퓨터공학 학사"),
        ("en", "Seoul, South Korea", "Senior engineer", "B.S. in Computer Science"),
    ] {
        let imported = round_trip(Some(&fixture), lang);
        let text = |t: &Option<Text>| t.as_ref().map(|t| t.any().to_string());
        let person = &imported.person;
        assert_eq!(text(&person.location).as_deref(), Some(location));
        assert_eq!(text(&person.email).as_deref(), Some("minguk@example.com"));
        assert!(text(&person.phone).is_some_and(|p| p.contains("1234-5678")));
        assert_eq!(person.links, ["https://github.com/minguk-example", "https://minguk.example.com/blog/"]);
        assert!(text(&imported.summary).is_some_and(|s| s.contains("\n\n") && s.contains(" & ")));

        let lumen = imported.companies.iter().find(|c| c.name.any() == "Lumen Pay").expect("Lumen Pay");
        assert_eq!(lumen.formerly.as_ref().map(|f| f.until.to_string()).as_deref(), Some("2021-01"));
        assert_eq!(lumen.role.as_ref().and_then(|r| r.single()).map(|t| t.any()), Some(role));
        assert_eq!(imported.companies.len(), 2, "{lang}: a company with a gap is still one company");

        let payments = &imported.projects[0];
        assert_eq!(payments.period.unwrap().to_string(), "2019-03..");
        assert!(payments.architecture.is_some() && payments.other.len() == 1);
        let markup = payments.responsibilities[0].text.as_ref().unwrap().any().to_string();
        assert!(
            markup.ends_with("& 구현 <b>") || markup.ends_with("& built the settlement batch <b>"),
            "{markup}"
        );

        let school = &imported.education[0];
        assert_eq!(school.period.map(|p| p.to_string()).as_deref(), Some("2008-03..2012-02"));
        assert_eq!(text(&school.degree).as_deref(), Some(degree));
        assert_eq!(school.details.len(), 1);
        let cka = &imported.certifications[0];
        assert_eq!((cka.name.any(), cka.date.map(|d| d.to_string())), ("CKA", Some("2021-05".to_string())));
        assert_eq!(text(&cka.issuer).as_deref(), Some("CNCF"));
        assert_eq!(cka.link.as_deref(), Some("https://example.com/cka/123"));
        let tantivy = &imported.open_source[0];
        assert_eq!(tantivy.period.map(|p| p.to_string()).as_deref(), Some("2020-01..2020-04"));
        assert_eq!(tantivy.link.as_deref(), Some("https://github.com/quickwit-oss/tantivy"));
        assert_eq!(imported.sections.len(), 1);
        assert_eq!(imported.sections[0].items[0].link.as_deref(), Some("https://example.com/talk"));
    }
}

/// The committed exports are what the tool writes today: they are the
/// importer's property-test corpus of the export form, so a change to the
/// export shows here and the corpus follows it.
#[test]
fn the_committed_exports_are_current() {
    let dir = Scratch::new("round-trip-current");
    let fixture = common::root().join(FIXTURE);
    for lang in ["ko", "en"] {
        let committed = std::fs::read_to_string(
            common::root().join(format!("tests/fixtures/roundtrip/export-{lang}.md")),
        )
        .unwrap();
        assert_eq!(export(&dir.0, Some(&fixture), lang), committed, "{lang}: regenerate the fixture");
    }
}

#[test]
fn the_export_carries_what_the_pdf_shows_in_the_header_and_career() {
    let dir = Scratch::new("round-trip-header");
    let fixture = common::root().join(FIXTURE);
    let md = export(&dir.0, Some(&fixture), "en");
    for expected in [
        "# Minguk Kim\n\n**Backend engineer (search, payments)**\n",
        "Seoul, South Korea · [minguk@example.com](mailto:minguk@example.com) · [+82 10-1234-5678](tel:+821012345678)",
        "- Lumen Pay (formerly Lumen, renamed Jan 2021): Jan 2017 – Present",
        "    - Role: Senior engineer\n    - Location: Seongnam\n",
        "- Company: Lumen Pay (formerly Lumen)\n- Period: Mar 2019 – Present",
        "- Description: Merchant settlement: a million a day\n",
        "### Hanguk University\n\n- Period: Mar 2008 – Feb 2012\n- Degree: B.S. in Computer Science\n",
        "    - \\- a sentence that starts with a dash\n        - \\# a sub-item that starts with a hash\n",
    ] {
        assert!(md.contains(expected), "`{expected}` missing from\n{md}");
    }
}
