//! One document, every writer: the facts of an application read back from
//! each output (the PDF by lopdf, the Word file from its XML, the text and
//! Markdown exports as printed) agree with each other and with the source,
//! whatever the selection, the layout or the writer.

mod common;

use common::docx::{paragraphs, part};
use common::{Pdf, Scratch, resume_ok, squash};

const PACKET: &str = "examples/packet/resume.toml";

fn packet() -> String {
    common::root().join(PACKET).to_str().unwrap().to_string()
}

/// What a successful run prints on standard output.
fn stdout(dir: &Scratch, args: &[&str]) -> String {
    let out = common::resume(&dir.0, args);
    assert!(out.status.success(), "resume {args:?}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

/// The PDF's text with its white space squashed.
fn pdf_text(path: &std::path::Path) -> String {
    squash(&Pdf::open(path).text())
}

/// Every paragraph of a Word document, one per line.
fn docx_text(path: &std::path::Path) -> String {
    paragraphs(&part(path, "word/document.xml")).into_iter().map(|p| p.text).collect::<Vec<_>>().join("\n")
}

#[test]
fn an_employment_keeps_its_dates_and_rename_whatever_the_selection() {
    let dir = Scratch::new("one-doc-dates");
    // The one-page profile keeps projects from 2016 on; the full résumé
    // keeps them all. Both print nhn as it was: renamed, from Jan 2013.
    resume_ok(&dir.0, &["pdf", "--profile", "one-page"]);
    resume_ok(&dir.0, &["pdf", "--lang", "en", "--layout", "international", "-o", "full.pdf"]);
    for file in ["resume-one-page-en.pdf", "full.pdf"] {
        let text = pdf_text(&dir.path(file));
        let at = text
            .find(&squash("nhn (formerly naver)"))
            .unwrap_or_else(|| panic!("{file}: the rename is lost"));
        let line = &text[at..(at + 60).min(text.len())];
        assert!(
            line.contains(&squash("Jan 2013 – Jun 2016")),
            "{file}: the employment's dates moved: {line}"
        );
    }
}

#[test]
fn each_title_shows_with_its_own_period_in_every_writer() {
    let dir = Scratch::new("one-doc-titles");
    let input = packet();
    resume_ok(&dir.0, &["pdf", "--lang", "en", "--input", &input]);
    resume_ok(&dir.0, &["docx", "--lang", "en", "--input", &input]);
    let text = stdout(&dir, &["export", "--format", "text", "--lang", "en", "--input", &input]);
    let markdown = stdout(&dir, &["export", "--format", "markdown", "--lang", "en", "--input", &input]);
    let outputs = [
        ("PDF", pdf_text(&dir.path("resume-en.pdf"))),
        ("DOCX", squash(&docx_text(&dir.path("resume-en.docx")))),
        ("text", squash(&text)),
        ("Markdown", squash(&markdown)),
    ];
    for (format, output) in &outputs {
        for (title, period) in
            [("Tech lead", "Jan 2021 – Present"), ("Senior engineer", "Feb 2018 – Dec 2020")]
        {
            let title_at = output.find(&squash(title)).unwrap_or_else(|| panic!("{format}: no {title}"));
            let after = &output[title_at..];
            let period_at =
                after.find(&squash(period)).unwrap_or_else(|| panic!("{format}: {title} undated"));
            assert!(period_at < 80, "{format}: {title} is not beside {period}");
        }
        // The company's location is in the career summary of every writer.
        assert!(output.contains("Seongnam"), "{format}: no location");
    }
}

#[test]
fn awards_language_tests_and_the_gpa_print_in_every_layout_and_writer() {
    let dir = Scratch::new("one-doc-sections");
    let input = packet();
    let facts = |lang: &str| match lang {
        "ko" => ["사내 해커톤 대상", "TOEIC", "900", "학점", "3.8 / 4.5", "수상", "어학"],
        _ => {
            ["Company hackathon, first prize", "TOEIC", "900", "GPA", "3.8 / 4.5", "Awards", "Language tests"]
        }
    };
    for layout in ["classic", "compact", "international"] {
        for lang in ["ko", "en"] {
            let out = format!("{layout}-{lang}.pdf");
            resume_ok(&dir.0, &["pdf", "--lang", lang, "--layout", layout, "--input", &input, "-o", &out]);
            let text = pdf_text(&dir.path(&out));
            for fact in facts(lang) {
                // Headings may be set in capitals.
                let found = text.to_lowercase().contains(&squash(fact).to_lowercase());
                assert!(found, "{layout} ({lang}): `{fact}` missing");
            }
        }
    }
    for lang in ["ko", "en"] {
        let out = format!("resume-{lang}.docx");
        resume_ok(&dir.0, &["docx", "--lang", lang, "--input", &input, "-o", &out]);
        let text = stdout(&dir, &["export", "--format", "text", "--lang", lang, "--input", &input]);
        let markdown = stdout(&dir, &["export", "--format", "markdown", "--lang", lang, "--input", &input]);
        for (format, output) in [("DOCX", docx_text(&dir.path(&out))), ("text", text), ("Markdown", markdown)]
        {
            for fact in facts(lang) {
                assert!(squash(&output).contains(&squash(fact)), "{format} ({lang}): `{fact}` missing");
            }
        }
    }
    // `--hide` names them like any section.
    let text = stdout(
        &dir,
        &["export", "--format", "text", "--lang", "en", "--input", &input, "--hide", "awards,language-tests"],
    );
    assert!(!text.contains("hackathon") && !text.contains("TOEIC"), "{text}");
}

#[test]
fn the_word_documents_drop_nothing_the_pdf_prints() {
    let dir = Scratch::new("one-doc-docx");
    let input = packet();
    // By employer: the story keeps its fix, and each project its dates.
    resume_ok(
        &dir.0,
        &["pdf", "--lang", "en", "--layout", "international", "--input", &input, "-o", "i.pdf"],
    );
    resume_ok(
        &dir.0,
        &["docx", "--lang", "en", "--layout", "international", "--input", &input, "-o", "i.docx"],
    );
    let word = squash(&docx_text(&dir.path("i.docx")));
    let pdf = pdf_text(&dir.path("i.pdf"));
    for fact in [
        "Connections dropped during rolling deploys. Fixed by adding a pre-stop delay.",
        "Jan 2021 – Present",
        "Feb 2018 – Dec 2020",
        "Mar 2015 – Jan 2018",
    ] {
        assert!(word.contains(&squash(fact)), "DOCX: `{fact}` missing");
        assert!(pdf.contains(&squash(fact)), "PDF: `{fact}` missing");
    }
    // The cover letter is signed, as the PDF is.
    resume_ok(
        &dir.0,
        &["docx", "--document", "letter:orbit", "--lang", "en", "--input", &input, "-o", "l.docx"],
    );
    let paras = paragraphs(&part(&dir.path("l.docx"), "word/document.xml"));
    let last = paras.iter().rev().find(|p| !p.text.is_empty()).unwrap();
    assert_eq!(last.text, "Gaon Han", "the letter ends with the signature");
    let date = paras.iter().position(|p| p.text.contains("December 2026") || p.text.contains("2026"));
    let addressee = paras.iter().position(|p| p.text.contains("Hiring"));
    if let (Some(date), Some(addressee)) = (date, addressee) {
        assert!(date < addressee, "block style: the date comes first");
    }
}

#[test]
fn each_form_row_names_the_company_in_force_then() {
    let dir = Scratch::new("one-doc-form");
    let input = packet();
    resume_ok(&dir.0, &["pdf", "--document", "iryeokseo", "--input", &input, "--today", "2026-12"]);
    resume_ok(&dir.0, &["docx", "--document", "iryeokseo", "--input", &input, "--today", "2026-12"]);
    let pdf = pdf_text(&dir.path("iryeokseo-ko.pdf"));
    let word = squash(&docx_text(&dir.path("iryeokseo-ko.docx")));
    for (format, text) in [("PDF", &pdf), ("DOCX", &word)] {
        assert!(!text.contains('→'), "{format}: an arrow is no form convention");
        let row = |period: &str, company: &str| {
            let at = text.find(&squash(period)).unwrap_or_else(|| panic!("{format}: no row {period}"));
            text[at..].starts_with(&squash(&format!("{period}{company}")))
        };
        assert!(row("2021.01 ~ 현재", "루멘랩스플랫폼팀"), "{format}: {text}");
        assert!(row("2018.02 ~ 2020.12", "루멘랩스(구 루멘)"), "{format}: {text}");
    }
}

#[test]
fn the_form_is_dated_in_the_local_time_zone() {
    let dir = Scratch::new("one-doc-date");
    let input = packet();
    // Seoul is nine hours ahead of UTC: the day the form is signed is the
    // day it is there (read from the clock, so compared with the clock).
    let seconds = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_secs();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_resume"))
        .current_dir(&dir.0)
        .env_remove("SOURCE_DATE_EPOCH")
        .env("TZ", "KST-9")
        .args(["pdf", "--document", "iryeokseo", "--input", &input])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = pdf_text(&dir.path("iryeokseo-ko.pdf"));
    let (year, month, day) = civil((seconds + 9 * 3600) as i64);
    let expected = squash(&format!("{year}년 {month}월 {day}일"));
    // A build that straddles midnight in Seoul may see either day.
    let (y2, m2, d2) = civil((seconds + 9 * 3600 + 120) as i64);
    let also = squash(&format!("{y2}년 {m2}월 {d2}일"));
    assert!(text.contains(&expected) || text.contains(&also), "not dated {expected}: {text}");
}

/// Year, month and day of a Unix time (days from civil, inverted).
fn civil(seconds: i64) -> (i64, i64, i64) {
    let z = seconds.div_euclid(86_400) + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(month <= 2), month, day)
}

#[test]
fn check_warns_when_a_profiles_layout_leaves_out_a_section_the_resume_has() {
    let dir = Scratch::new("one-doc-check-layout");
    let text = std::fs::read_to_string(common::root().join(PACKET)).unwrap();
    dir.write("layouts/bare.typ", "#let data = json(\"/resume.json\")\n= #data.person.name\n#for p in data.projects [== #p.name]\n#for s in data.skills [#s.label]\n");
    dir.write("resume.toml", &format!("{text}\n[profile.bare]\nlayout = \"bare\"\nlang = [\"en\"]\n"));
    let out = common::resume(&dir.0, &["check"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    for field in ["data.awards", "data.language_tests", "data.education", "data.certifications"] {
        assert!(stderr.contains(field), "no warning about {field}: {stderr}");
    }
    assert!(stderr.contains("never prints"), "{stderr}");
    assert!(!stderr.contains("`data.skills`"), "skills are printed: {stderr}");
    // The built-in layouts print every section: no such warning.
    dir.write("resume.toml", &format!("{text}\n[profile.plain]\nlayout = \"compact\"\n"));
    let out = common::resume(&dir.0, &["check"]);
    assert!(!String::from_utf8_lossy(&out.stderr).contains("never prints"));
}
