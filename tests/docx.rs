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
    let addressee = paras.iter().find(|p| p.text.contains("Hiring Manager")).expect("the addressee");
    assert!(addressee.text.contains('\n'), "{addressee:?}");
}

/// A cover letter in US block style: the date first, then the inside
/// address, the greeting, the body, the closing and the signed name; no
/// heading no business letter has.
#[test]
fn the_cover_letter_is_in_block_style_and_signed() {
    let dir = Scratch::new("docx-cover-letter");
    let input = common::root().join("examples/packet/resume.toml");
    let input = input.to_str().unwrap();
    resume_ok(&dir.0, &["docx", "--input", input, "--document", "letter:orbit", "--lang", "en"]);
    let paras = paragraphs(&part(&dir.path("letter-orbit-en.docx"), "word/document.xml"));
    assert!(paras.iter().all(|p| !p.style.starts_with("Heading")), "{paras:?}");
    let body: Vec<&Para> = paras.iter().filter(|p| p.style.is_empty() || p.style == "Normal").collect();
    let date = &body[0].text;
    assert!(
        [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December"
        ]
        .iter()
        .any(|month| date.starts_with(month)),
        "the date comes first: {body:?}"
    );
    assert!(body[1].text.contains("Hiring Manager"), "then the inside address: {body:?}");
    let last = body.last().unwrap();
    assert_eq!(last.text, "Gaon Han", "signed with the name");
    assert!(body[body.len() - 2].text.starts_with("Sincerely"), "{body:?}");
}

/// The form's photo sits in its cell: a picture in the package, drawn
/// inline at the photo's 3 × 4 cm, the bytes the résumé names.
#[test]
fn the_forms_photo_is_in_its_word_cell() {
    let dir = Scratch::new("docx-form-photo");
    let mut pixmap = tiny_skia::Pixmap::new(300, 400).unwrap();
    pixmap.fill(tiny_skia::Color::from_rgba8(90, 120, 160, 255));
    let png = pixmap.encode_png().unwrap();
    dir.write_bytes("me.png", &png);
    let text = common::packet_text();
    dir.write("resume.toml", &text.replacen("[person]\n", "[person]\nphoto = \"me.png\"\n", 1));
    resume_ok(&dir.0, &["docx", "--document", "iryeokseo"]);
    let docx = dir.path("iryeokseo-ko.docx");
    assert_eq!(common::docx::bytes(&docx, "word/media/picture.png"), png);
    let rels = relationships(&part(&docx, "word/_rels/document.xml.rels"));
    let document = part(&docx, "word/document.xml");
    let xml = roxmltree::Document::parse(&document).unwrap();
    let blip = xml.descendants().find(|n| n.tag_name().name() == "blip").expect("a picture is drawn");
    let id = blip
        .attribute(("http://schemas.openxmlformats.org/officeDocument/2006/relationships", "embed"))
        .unwrap();
    assert!(rels.iter().any(|(rid, target, _)| rid == id && target == "media/picture.png"), "{rels:?}");
    // In the first cell of the first table.
    let first_cell = xml.descendants().find(|n| n.tag_name().name() == "tc").unwrap();
    assert!(first_cell.descendants().any(|n| n == blip));
    let extent = xml.descendants().find(|n| n.tag_name().name() == "extent").unwrap();
    let cm = |emu: &str| emu.parse::<f64>().unwrap() / 360_000.0;
    let (w, h) = (cm(extent.attribute("cx").unwrap()), cm(extent.attribute("cy").unwrap()));
    assert!((w - 3.0).abs() < 0.1 && (h - 4.0).abs() < 0.1, "{w} × {h} cm");
    // Without a photo, the cell says 사진.
    resume_ok(
        &dir.0,
        &[
            "docx",
            "--document",
            "iryeokseo",
            "--input",
            common::root().join("examples/packet/resume.toml").to_str().unwrap(),
            "-o",
            "plain.docx",
        ],
    );
    let plain = paragraphs(&part(&dir.path("plain.docx"), "word/document.xml"));
    assert!(plain.iter().any(|p| p.text == "사진"));
}

/// Word documents built as Word users build them: every paragraph in a
/// style or the default, no empty paragraph used as a spacer, headings
/// that never skip a level and stay with what follows.
#[test]
fn word_documents_are_structured_as_word_users_expect() {
    let dir = Scratch::new("docx-structure");
    let input = common::root().join("examples/packet/resume.toml");
    let input = input.to_str().unwrap();
    let mut files = Vec::new();
    for (layout, lang) in [("classic", "ko"), ("classic", "en"), ("international", "en"), ("compact", "ko")] {
        let file = format!("{layout}-{lang}.docx");
        resume_ok(&dir.0, &["docx", "--lang", lang, "--layout", layout, "-o", &file]);
        files.push(file);
    }
    for (document, lang) in [("letter:lumen", "ko"), ("letter:orbit", "en"), ("iryeokseo", "ko")] {
        let file = format!("{}-{lang}.docx", document.replace(':', "-"));
        resume_ok(&dir.0, &["docx", "--input", input, "--document", document, "--lang", lang, "-o", &file]);
        files.push(file);
    }
    for file in files {
        let docx = dir.path(&file);
        let styles = part(&docx, "word/styles.xml");
        let styles_xml = roxmltree::Document::parse(&styles).unwrap();
        let style = |id: &str| {
            styles_xml.descendants().find(|n| {
                n.tag_name().name() == "style" && n.attribute((common::docx::W, "styleId")) == Some(id)
            })
        };
        let normal = style("Normal").expect("a Normal style");
        assert_eq!(
            normal.attribute((common::docx::W, "default")),
            Some("1"),
            "{file}: Normal is the default"
        );
        for level in 1..=3 {
            let heading = style(&format!("Heading{level}")).expect("heading styles");
            assert!(
                heading.descendants().any(|n| n.tag_name().name() == "keepNext"),
                "{file}: Heading{level}"
            );
        }
        let document = part(&docx, "word/document.xml");
        let xml = roxmltree::Document::parse(&document).unwrap();
        let body = xml.descendants().find(|n| n.tag_name().name() == "body").unwrap();
        for p in body.children().filter(|n| n.tag_name().name() == "p") {
            let text: String =
                p.descendants().filter(|n| n.tag_name().name() == "t").filter_map(|n| n.text()).collect();
            assert!(!text.trim().is_empty(), "{file}: an empty paragraph as a spacer");
        }
        let mut level = 0;
        for para in paragraphs(&document) {
            if let Some(n) = para.style.strip_prefix("Heading") {
                let n: usize = n.parse().unwrap();
                assert!(n <= level + 1, "{file}: Heading{n} after Heading{level}: {:?}", para.text);
                level = n;
            }
        }
    }
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

/// LibreOffice, where it is installed.
fn soffice() -> Option<&'static str> {
    let found = ["/usr/bin/soffice", "/usr/bin/libreoffice"].into_iter().find(|p| Path::new(p).exists());
    if found.is_none() {
        eprintln!(
            "SKIPPED: LibreOffice is not installed (Debian's libreoffice-writer-nogui); `.ci/run` installs it"
        );
    }
    found
}

/// `docx` (in `dir`) converted to PDF by LibreOffice, which sees the
/// embedded fonts through a fontconfig file of the test's own: nothing is
/// installed.
fn libreoffice_pdf(soffice: &str, dir: &Scratch, docx: &str) -> std::path::PathBuf {
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
        .arg(dir.path(docx))
        .env("FONTCONFIG_FILE", dir.path("fonts.conf"))
        .env("HOME", &dir.0)
        .output()
        .expect("LibreOffice runs");
    assert!(status.status.success(), "{}", String::from_utf8_lossy(&status.stderr));
    dir.path(&format!("lo/{}", docx.replace(".docx", ".pdf")))
}

/// Where LibreOffice is installed, the document opens and converts: the
/// PDF it makes has the text in order and Pretendard embedded.
#[test]
fn libreoffice_opens_the_word_document() {
    let Some(soffice) = soffice() else { return };
    let dir = Scratch::new("docx-libreoffice");
    resume_ok(&dir.0, &["docx", "--lang", "ko"]);
    let pdf = libreoffice_pdf(soffice, &dir, "resume-ko.docx");
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

/// Word's pages are the PDF's: the packet's international résumé in
/// English is one page in both (it ran to a second for one line).
#[test]
fn libreoffice_sets_the_word_file_on_as_many_pages_as_the_pdf() {
    let Some(soffice) = soffice() else { return };
    let dir = Scratch::new("docx-libreoffice-pages");
    let input = common::root().join("examples/packet/resume.toml");
    let input = input.to_str().unwrap();
    let args = ["--input", input, "--lang", "en", "--layout", "international"];
    resume_ok(&dir.0, &[&["pdf", "-o", "intl.pdf"][..], &args].concat());
    resume_ok(&dir.0, &[&["docx", "-o", "intl.docx"][..], &args].concat());
    let word = libreoffice_pdf(soffice, &dir, "intl.docx");
    let pages = |pdf: &Path| pages_of_words(pdf).len();
    assert_eq!(pages(&word), pages(&dir.path("intl.pdf")));
}

/// A word poppler read from a page: its text, and the top and bottom of
/// its box.
struct Word {
    text: String,
    top: f64,
}

/// Each page's height and words, from `pdftotext -bbox`.
fn pages_of_words(pdf: &Path) -> Vec<(f64, Vec<Word>)> {
    let out = Command::new("pdftotext").arg("-bbox").arg(pdf).arg("-").output().expect("pdftotext runs");
    let html = String::from_utf8_lossy(&out.stdout).into_owned();
    html.split("<page ")
        .skip(1)
        .map(|page| {
            let height: f64 = attribute(page, "height").unwrap().parse().unwrap();
            let words = page
                .split("<word ")
                .skip(1)
                .map(|word| {
                    let text = word.split_once('>').unwrap().1.split("</word>").next().unwrap();
                    Word { text: unescape(text), top: attribute(word, "yMin").unwrap().parse().unwrap() }
                })
                .collect();
            (height, words)
        })
        .collect()
}

/// The runs of Latin letters in `text`.
fn latin_words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_ascii_alphabetic()).filter(|w| !w.is_empty()).map(str::to_string).collect()
}

/// Rendered by LibreOffice, no Latin word is broken across lines (tagged
/// Korean, "Platform" broke as "Platfor|m") and no heading is the last
/// line of a page, away from the text it heads.
#[test]
fn libreoffice_keeps_latin_words_whole_and_headings_with_their_text() {
    let Some(soffice) = soffice() else { return };
    let dir = Scratch::new("docx-libreoffice-lines");
    let packet = common::root().join("examples/packet/resume.toml");
    let packet = packet.to_str().unwrap();
    let builds: [(&str, &str, &[&str]); 7] = [
        ("classic", "ko", &[]),
        ("classic", "en", &[]),
        ("international", "en", &[]),
        ("compact", "ko", &[]),
        ("compact", "en", &["--input", packet]),
        ("classic", "ko", &["--input", packet]),
        ("iryeokseo", "ko", &["--input", packet, "--document", "iryeokseo"]),
    ];
    for (n, (layout, lang, more)) in builds.into_iter().enumerate() {
        let file = format!("{n}-{layout}-{lang}.docx");
        let layout_args: &[&str] = if layout == "iryeokseo" { &[] } else { &["--layout", layout] };
        let args = [&["docx", "--lang", lang, "-o", &file][..], layout_args, more].concat();
        resume_ok(&dir.0, &args);
        let docx = dir.path(&file);
        let paras = paragraphs(&part(&docx, "word/document.xml"));
        let footer = paragraphs(&part(&docx, "word/footer1.xml"));
        let written: std::collections::HashSet<String> =
            paras.iter().chain(&footer).flat_map(|p| latin_words(&p.text)).collect();
        let headings: Vec<String> = paras
            .iter()
            .filter(|p| p.style.starts_with("Heading"))
            .map(|p| p.text.split_whitespace().collect())
            .collect();
        let pages = pages_of_words(&libreoffice_pdf(soffice, &dir, &file));
        assert!(!pages.is_empty(), "{file}");
        let mut broken = Vec::new();
        for (_, words) in &pages {
            for word in words {
                broken.extend(latin_words(&word.text).into_iter().filter(|w| !written.contains(w)));
            }
        }
        assert!(broken.is_empty(), "{file}: Latin words broken across lines: {broken:?}");
        for (n, (height, words)) in pages.iter().enumerate().take(pages.len() - 1) {
            // The body's last line: the words highest on the page above
            // the footer (28 pt from the foot).
            let body: Vec<&Word> = words.iter().filter(|w| w.top < height - 50.0).collect();
            let last = body.iter().map(|w| w.top).fold(f64::MIN, f64::max);
            let line: String =
                body.iter().filter(|w| (w.top - last).abs() < 3.0).map(|w| w.text.as_str()).collect();
            assert!(
                !headings.iter().any(|h| h.ends_with(&line)),
                "{file}: page {} ends with the heading {line:?}",
                n + 1
            );
        }
    }
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
        let fields: Vec<String> = roxmltree::Document::parse(&footer)
            .unwrap()
            .descendants()
            .filter(|n| n.tag_name().name() == "instrText")
            .map(|n| n.text().unwrap_or_default().trim().to_string())
            .collect();
        assert_eq!(fields, ["PAGE", "NUMPAGES"], "{footer}");
        let document = part(&dir.path(&file), "word/document.xml");
        let xml = roxmltree::Document::parse(&document).unwrap();
        let widths: Vec<&str> = xml
            .descendants()
            .filter(|n| n.tag_name().name() == "tblW")
            .filter_map(|n| n.attribute((common::docx::W, "w")))
            .collect();
        assert!(!widths.is_empty() && widths.iter().all(|w| *w == width), "{paper}: {widths:?}");
    }
}
