//! `resume docx`: Word documents read back from their XML (paragraphs and
//! their styles in order, lists and their levels, links and their
//! targets, tables, page size, fonts, language), the same bytes from the
//! same input, and, where LibreOffice is installed, converted to PDF and
//! read back by poppler.

mod common;

use std::path::Path;
use std::process::Command;

use common::docx::{Para, attribute, paragraphs, part, unescape};
use common::{Scratch, resume_err, resume_ok};

/// The targets of external links, by relationship id.
fn relationships(xml: &str) -> Vec<(String, String, bool)> {
    xml.split("<Relationship ")
        .skip(1)
        .map(|r| {
            (
                attribute(r, "Id").unwrap(),
                unescape(&attribute(r, "Target").unwrap()),
                attribute(r, "TargetMode").as_deref() == Some("External"),
            )
        })
        .collect()
}

fn view(dir: &Path, lang: &str) -> serde_json::Value {
    let out = common::resume(dir, &["export", "--format", "json", "--lang", lang]);
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn the_resume_is_a_word_document_with_real_headings_lists_links_and_tables() {
    let dir = Scratch::new("docx");
    let err = resume_ok(&dir.0, &["docx", "--lang", "ko,en"]);
    assert!(err.contains("wrote resume-ko.docx"), "{err}");
    for lang in ["ko", "en"] {
        let docx = dir.path(&format!("resume-{lang}.docx"));
        let view = view(&dir.0, lang);
        let document = part(&docx, "word/document.xml");
        let paras = paragraphs(&document);
        assert_eq!(paras[0].style, "Title");
        assert_eq!(paras[0].text, view["person"]["name"].as_str().unwrap());
        assert_eq!(paras[1].text, view["person"]["headline"].as_str().unwrap());

        // Headings: the sections, then every project in the PDF's order.
        let headings: Vec<&str> =
            paras.iter().filter(|p| p.style == "Heading1").map(|p| p.text.as_str()).collect();
        let label = |id: &str| view["labels"][id].as_str().unwrap().to_string();
        for section in ["section-summary", "section-projects", "section-skills"] {
            assert!(headings.contains(&label(section).as_str()), "{lang}: {section} in {headings:?}");
        }
        let projects: Vec<&str> =
            paras.iter().filter(|p| p.style == "Heading2").map(|p| p.text.as_str()).collect();
        let expected: Vec<&str> =
            view["projects"].as_array().unwrap().iter().map(|p| p["name"].as_str().unwrap()).collect();
        assert_eq!(projects, expected, "{lang}");

        // Lists: bullets, and bullets nested under them.
        assert!(
            paras.iter().any(|p| p.level == Some(0)) && paras.iter().any(|p| p.level == Some(1)),
            "{lang}"
        );
        let numbering = part(&docx, "word/numbering.xml");
        assert!(numbering.contains("w:val=\"bullet\""), "{lang}: bullets are a list, not characters");

        // Links: each a relationship to its URL, outside the package.
        let rels = relationships(&part(&docx, "word/_rels/document.xml.rels"));
        let links: Vec<&String> = paras.iter().flat_map(|p| &p.links).collect();
        assert!(links.len() >= 5, "{lang}: {} links", links.len());
        for id in links {
            let (_, target, external) =
                rels.iter().find(|(rid, _, _)| rid == id).unwrap_or_else(|| panic!("{id}"));
            assert!(
                *external && (target.starts_with("https://") || target.starts_with("http://")),
                "{target}"
            );
        }
        assert!(rels.iter().any(|(_, t, _)| t == "https://yoonbh2714.blogspot.com"), "{rels:?}");

        // The stack facts are tables: label, then value.
        assert!(document.contains("<w:tbl>"), "{lang}");
        let first_project = &view["projects"][0];
        let fact = first_project["facts"][0]["label"].as_str().unwrap();
        assert!(paras.iter().any(|p| p.text == fact), "{lang}: the fact label {fact}");

        // A4, the fonts named with their fallback, the language.
        assert!(document.contains("w:w=\"11906\"") && document.contains("w:h=\"16838\""), "{lang}: A4");
        let styles = part(&docx, "word/styles.xml");
        assert!(styles.contains("w:ascii=\"Pretendard\"") && styles.contains("w:eastAsia=\"Pretendard\""));
        // Latin words in the Latin slot as English (tagged Korean, LibreOffice
        // breaks them anywhere), Hangul in the East Asian slot as Korean.
        assert!(styles.contains("<w:lang w:val=\"en-US\" w:eastAsia=\"ko-KR\""), "{lang}");
        let code = if lang == "ko" { "ko-KR" } else { "en-US" };
        let core = part(&docx, "docProps/core.xml");
        assert!(core.contains(&format!("<dc:language>{code}</dc:language>")), "{lang}: {core}");
        let fonts = part(&docx, "word/fontTable.xml");
        assert!(fonts.contains("w:name=\"Pretendard\"><w:altName w:val=\"Malgun Gothic\""), "{fonts}");
        let core = part(&docx, "docProps/core.xml");
        assert!(
            core.contains(&format!("<dc:title>{}</dc:title>", view["document"]["title"].as_str().unwrap())),
            "{core}"
        );
    }
    // US Letter when the paper says so; by employer in `international`.
    resume_ok(
        &dir.0,
        &["docx", "--lang", "en", "--paper", "us-letter", "--layout", "international", "-o", "us.docx"],
    );
    let document = part(&dir.path("us.docx"), "word/document.xml");
    assert!(document.contains("w:w=\"12240\"") && document.contains("w:h=\"15840\""));
    let paras = paragraphs(&document);
    let employers: Vec<&str> =
        paras.iter().filter(|p| p.style == "Heading2").map(|p| p.text.as_str()).collect();
    assert_eq!(employers.first().copied(), Some("kakaoenterprise (formerly kakao)"), "{employers:?}");
    // Each project with its own dates, as the PDF prints them.
    assert!(
        paras.iter().any(|p| p.level == Some(0) && p.text.starts_with("kakao i MLOps Apr 2022 – Present — ")),
        "{:?}",
        paras.iter().filter(|p| p.level == Some(0)).map(|p| &p.text).collect::<Vec<_>>()
    );
}

#[test]
fn letters_are_word_documents_with_each_answer_as_written() {
    let dir = Scratch::new("docx-letter");
    let input = common::root().join("examples/packet/resume.toml");
    let input = input.to_str().unwrap();
    resume_ok(&dir.0, &["docx", "--input", input, "--document", "letter:lumen"]);
    let paras = paragraphs(&part(&dir.path("letter-lumen-ko.docx"), "word/document.xml"));
    let questions: Vec<&Para> = paras.iter().filter(|p| p.style == "Heading2").collect();
    assert_eq!(questions.len(), 2);
    assert!(
        questions[0].text.starts_with("1. 지원 동기를 적어 주세요.")
            && questions[0].text.contains("1,000자 이내"),
        "{:?}",
        questions[0]
    );
    let text = common::resume(
        &dir.0,
        &["export", "--input", input, "--format", "text", "--document", "letter:lumen"],
    );
    let text = String::from_utf8(text.stdout).unwrap();
    for para in paras.iter().filter(|p| p.style.is_empty() && !p.text.is_empty()) {
        assert!(text.contains(&para.text), "an answer's line differs: {:?}", para.text);
    }
    resume_ok(&dir.0, &["docx", "--input", input, "--document", "letter:orbit", "--lang", "en"]);
    let paras = paragraphs(&part(&dir.path("letter-orbit-en.docx"), "word/document.xml"));
    assert!(
        paras.iter().any(|p| p.text.starts_with("I am writing to apply")),
        "the cover letter's paragraphs"
    );
    // An address on several lines keeps its line breaks.
    let xml = part(&dir.path("letter-orbit-en.docx"), "word/document.xml");
    let addressee = xml.split("<w:p ").find(|p| p.contains("Hiring Manager")).expect("the addressee");
    assert!(addressee.contains("<w:br w:type=\"textWrapping\""), "{addressee}");
}

/// The 이력서 form as Word tables: each label cell beside or above its
/// value, the tables in the conventional order, the declaration last.
#[test]
fn the_iryeokseo_form_is_a_word_document_of_tables() {
    let dir = Scratch::new("docx-form");
    let input = common::root().join("examples/packet/resume.toml");
    let input = input.to_str().unwrap();
    resume_ok(&dir.0, &["docx", "--input", input, "--document", "iryeokseo"]);
    let document = part(&dir.path("iryeokseo-ko.docx"), "word/document.xml");
    assert_eq!(
        document.matches("<w:tbl>").count(),
        7,
        "personal, education, career, certificates, languages, military, awards"
    );
    let texts: Vec<String> =
        paragraphs(&document).into_iter().map(|p| p.text).filter(|t| !t.is_empty()).collect();
    // A table's title may carry more (`경력사항 (총 경력 …)`).
    let position = |text: &str| {
        texts
            .iter()
            .position(|t| t == text || t.starts_with(&format!("{text} (")))
            .unwrap_or_else(|| panic!("{text} in {texts:?}"))
    };
    assert_eq!(texts[0], "이 력 서");
    // Each label comes just before its value, row by row.
    for (label, value) in [
        ("생년월일", "1990.03.14"),
        ("휴대폰", "010-1234-5678"),
        ("주소", "서울특별시 마포구 월드컵북로 400"),
    ] {
        assert_eq!(position(value), position(label) + 1, "{label}");
    }
    assert!(position("韓佳溫") > position("漢字"));
    let order = [
        "학력사항",
        "경력사항",
        "자격증·면허",
        "어학",
        "병역사항",
        "수상·활동",
        "위 기재 사항은 사실과 틀림이 없습니다.",
    ];
    let at: Vec<usize> = order.iter().map(|t| position(t)).collect();
    assert!(at.windows(2).all(|w| w[0] < w[1]), "{order:?} at {at:?}");
    assert!(position("한국대학교") > position("학교명") && position("한국대학교") < position("경력사항"));
    // The photo cell: 3 cm wide, over the six rows of the personal table.
    assert!(document.contains("<w:gridCol w:w=\"1701\""), "the photo column is 3 cm");
    assert_eq!(
        document.matches("<w:vMerge w:val=\"restart\"").count(),
        2,
        "the photo and the name span rows"
    );
    // The private details are in the form only.
    resume_ok(&dir.0, &["docx", "--input", input]);
    let resume = part(&dir.path("resume-ko.docx"), "word/document.xml");
    assert!(!resume.contains("1990.03.14") && !resume.contains("월드컵북로"));
}

/// Same input, same bytes, whichever thread built which language; and a
/// file that is not a Word document is never replaced by one.
#[test]
fn a_word_document_is_the_same_bytes_each_build_and_never_clobbers() {
    let dir = Scratch::new("docx-bytes");
    resume_ok(&dir.0, &["docx", "--lang", "ko,en", "-o", "a/"]);
    resume_ok(&dir.0, &["docx", "--lang", "en,ko", "-o", "b/"]);
    resume_ok(&dir.0, &["pdf", "--format", "docx,pdf", "--lang", "ko", "-o", "c/"]);
    for lang in ["ko", "en"] {
        let a = std::fs::read(dir.path(&format!("a/resume-{lang}.docx"))).unwrap();
        assert!(a == std::fs::read(dir.path(&format!("b/resume-{lang}.docx"))).unwrap(), "{lang} differs");
    }
    assert!(
        std::fs::read(dir.path("a/resume-ko.docx")).unwrap()
            == std::fs::read(dir.path("c/resume-ko.docx")).unwrap()
    );
    assert!(dir.path("c/resume-ko.pdf").exists());
    dir.write("notes.docx", "my notes");
    let err = resume_err(&dir.0, &["docx", "-o", "notes.docx"]);
    assert!(err.contains("notes.docx"), "{err}");
    assert_eq!(std::fs::read_to_string(dir.path("notes.docx")).unwrap(), "my notes");
}

/// Where LibreOffice is installed, the document opens and converts: the
/// PDF it makes has the text in order and Pretendard embedded.
#[test]
fn libreoffice_opens_the_word_document() {
    let Some(soffice) =
        ["/usr/bin/soffice", "/usr/bin/libreoffice"].into_iter().find(|p| Path::new(p).exists())
    else {
        eprintln!(
            "SKIPPED: LibreOffice is not installed (Debian's libreoffice-writer-nogui); `.ci/run` installs it"
        );
        return;
    };
    let dir = Scratch::new("docx-libreoffice");
    resume_ok(&dir.0, &["docx", "--lang", "ko"]);
    // LibreOffice sees the embedded fonts through a fontconfig file of the
    // test's own; nothing is installed.
    let fonts = common::root().join("fonts");
    dir.write(
        "fonts.conf",
        &format!(
            "<?xml version=\"1.0\"?><!DOCTYPE fontconfig SYSTEM \"fonts.dtd\"><fontconfig>\
             <include ignore_missing=\"yes\">/etc/fonts/fonts.conf</include><dir>{}</dir><cachedir>{}</cachedir></fontconfig>",
            fonts.display(),
            dir.path("fc-cache").display()
        ),
    );
    let status = Command::new(soffice)
        .arg(format!("-env:UserInstallation=file://{}", dir.path("profile").display()))
        .args(["--headless", "--convert-to", "pdf", "--outdir"])
        .arg(dir.path("lo"))
        .arg(dir.path("resume-ko.docx"))
        .env("FONTCONFIG_FILE", dir.path("fonts.conf"))
        .env("HOME", &dir.0)
        .output()
        .expect("LibreOffice runs");
    assert!(status.status.success(), "{}", String::from_utf8_lossy(&status.stderr));
    let pdf = dir.path("lo/resume-ko.pdf");
    let text = Command::new("pdftotext").arg(&pdf).arg("-").output().expect("pdftotext runs");
    let text = String::from_utf8_lossy(&text.stdout).into_owned();
    let view = view(&dir.0, "ko");
    let mut at = 0;
    for project in view["projects"].as_array().unwrap() {
        let name = project["name"].as_str().unwrap();
        let found = text[at..].find(name).unwrap_or_else(|| panic!("{name} after byte {at}:\n{text}"));
        at += found + name.len();
    }
    assert!(text.contains("총 경력"), "{text}");
    let fonts = Command::new("pdffonts").arg(&pdf).output().expect("pdffonts runs");
    assert!(String::from_utf8_lossy(&fonts.stdout).contains("Pretendard"), "Pretendard is used");
}

/// Every page of a Word résumé or letter carries the PDF's footer (the
/// name and the kind, `page / pages`), and tables span the paper's text
/// width, US Letter's as A4's.
#[test]
fn word_files_carry_a_footer_and_fit_their_paper() {
    let dir = Scratch::new("docx-footer");
    let input = common::root().join("examples/packet/resume.toml");
    let input = input.to_str().unwrap();
    for (paper, width) in [("a4", "9866"), ("us-letter", "10200")] {
        let file = format!("{paper}.docx");
        resume_ok(&dir.0, &["docx", "--lang", "en", "--paper", paper, "--input", input, "-o", &file]);
        let footer = part(&dir.path(&file), "word/footer1.xml");
        assert!(footer.contains("Gaon Han · Résumé"), "{footer}");
        assert!(footer.contains(">PAGE<") && footer.contains(">NUMPAGES<"), "{footer}");
        let document = part(&dir.path(&file), "word/document.xml");
        assert!(document.contains(&format!("<w:tblW w:w=\"{width}\" w:type=\"dxa\" />")), "{paper}");
    }
}
