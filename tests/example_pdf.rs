//! The built-in example, end to end: build it in both languages with the
//! real binary and read the PDFs back with an independent reader.

mod common;

use std::sync::OnceLock;

use common::{Pdf, Scratch, resume_ok, squash};
use resume::model::{Bullet, Fact, FactValue, Resume, Text};

/// Both PDFs are built once and shared by the tests of this file.
struct Built {
    _dir: Scratch,
    ko: Pdf,
    en: Pdf,
    ko_bytes: Vec<u8>,
    stderr: String,
}

fn built() -> &'static Built {
    static BUILT: OnceLock<Built> = OnceLock::new();
    BUILT.get_or_init(|| {
        let dir = Scratch::new("example");
        let stderr = resume_ok(&dir.0, &["pdf", "--lang", "ko,en"]);
        let ko_bytes = std::fs::read(dir.path("resume-ko.pdf")).unwrap();
        Built {
            ko: Pdf::open(&dir.path("resume-ko.pdf")),
            en: Pdf::open(&dir.path("resume-en.pdf")),
            ko_bytes,
            stderr,
            _dir: dir,
        }
    })
}

fn example() -> Resume {
    resume::model::load(&resume::source::example()).unwrap()
}

/// Every text of the model in one language, as the PDF must show it.
fn texts(resume: &Resume, lang: &str) -> Vec<String> {
    fn text(out: &mut Vec<String>, t: &Text, lang: &str) {
        out.push(t.get(lang).expect("the example is complete in both languages").to_string());
    }
    fn bullets(out: &mut Vec<String>, list: &[Bullet], lang: &str) {
        for b in list {
            if let Some(t) = &b.text {
                text(out, t, lang);
            }
            if let Some(link) = &b.link {
                out.push(link.split_once("://").unwrap().1.trim_end_matches('/').to_string());
            }
            bullets(out, &b.items, lang);
        }
    }
    fn fact(out: &mut Vec<String>, f: &Fact, lang: &str) {
        match &f.value {
            Some(FactValue::Names(names)) => out.extend(names.iter().cloned()),
            Some(FactValue::Text(t)) => text(out, t, lang),
            None => {}
        }
        for d in &f.details {
            if let Some(l) = &d.label {
                text(out, l, lang);
            }
            text(out, &d.value, lang);
        }
    }
    let mut out = Vec::new();
    text(&mut out, &resume.person.name, lang);
    if let Some(h) = &resume.person.headline {
        text(&mut out, h, lang);
    }
    for p in &resume.projects {
        text(&mut out, &p.name, lang);
        if let Some(d) = &p.description {
            text(&mut out, d, lang);
        }
        for (_, f) in p.facts() {
            if let Some(f) = f {
                fact(&mut out, f, lang);
            }
        }
        bullets(&mut out, &p.responsibilities, lang);
        bullets(&mut out, &p.achievements, lang);
        for t in &p.troubleshooting {
            text(&mut out, &t.problem, lang);
            if let Some(r) = &t.resolution {
                text(&mut out, r, lang);
            }
            if let Some(l) = &t.link {
                out.push(l.split_once("://").unwrap().1.to_string());
            }
        }
    }
    out
}

fn assert_every_text_present(pdf: &Pdf, lang: &str) {
    let text = squash(&pdf.text());
    let expected = texts(&example(), lang);
    assert!(expected.len() > 150, "the example should be complete, found {} texts", expected.len());
    let missing: Vec<&String> = expected.iter().filter(|t| !text.contains(&squash(t))).collect();
    assert!(missing.is_empty(), "{lang}: texts missing from the PDF: {missing:#?}");
}

#[test]
fn korean_pdf_holds_every_text() {
    assert_every_text_present(&built().ko, "ko");
}

#[test]
fn english_pdf_holds_every_text() {
    assert_every_text_present(&built().en, "en");
}

#[test]
fn says_it_used_the_built_in_example() {
    assert!(built().stderr.contains("building the built-in example"), "{}", built().stderr);
    assert!(built().stderr.contains("wrote resume-ko.pdf"));
}

#[test]
fn text_layer_is_clean() {
    for pdf in [&built().ko, &built().en] {
        let text = pdf.text();
        let odd: Vec<char> = text
            .chars()
            .filter(|c| {
                matches!(c, '\u{2060}' | '\u{FEFF}' | '\u{200B}' | '\u{2068}' | '\u{2069}' | '\u{FFFD}')
            })
            .collect();
        assert!(odd.is_empty(), "invisible or replacement characters in the text layer: {odd:?}");
    }
    // Hangul comes out as whole syllables, in reading order.
    assert!(built().ko.text().contains("사용자 요청을 처리하는 common-api-server 개발"));
    assert!(built().en.text().contains("Developed common-api-server, which handles user requests."));
}

#[test]
fn dates_and_durations_follow_the_language() {
    let ko = built().ko.text();
    assert!(ko.contains("2022.04 ~ 현재 (4년 8개월)"), "{ko}");
    assert!(ko.contains("2016.07 ~ 2022.03 (5년 9개월)"));
    assert!(ko.contains("총 경력 18년 4개월"));
    let en = built().en.text();
    assert!(en.contains("Apr 2022 – Present (4 yrs 8 mos)"), "{en}");
    assert!(en.contains("Jul 2016 – Mar 2022 (5 yrs 9 mos)"));
    assert!(en.contains("Jan 2020 – Mar 2022 (2 yrs 3 mos)"));
}

#[test]
fn renamed_company_shows_once_with_its_date() {
    let ko = built().ko.text();
    assert_eq!(ko.matches("kakao → kakaoenterprise (2019.12 사명 변경)").count(), 1, "{ko}");
    assert!(built().en.text().contains("kakaoenterprise (formerly kakao, renamed Dec 2019)"));
}

#[test]
fn markup_characters_print_literally() {
    let ko = built().ko.text();
    assert!(ko.contains("kakaotalk #검색"));
    assert!(ko.contains("k8s node --> fluentd --> es --> kibana"));
    assert!(ko.contains("~/.ssh/environment"));
}

#[test]
fn page_count_is_stable_and_modest() {
    let (ko, en) = (built().ko.pages(), built().en.pages());
    assert!((3..=5).contains(&ko), "ko has {ko} pages");
    assert!((3..=5).contains(&en), "en has {en} pages");
    // Every page is numbered n / N in the footer.
    let text = built().ko.text();
    for n in 1..=ko {
        assert!(text.contains(&format!("{n} / {ko}")), "page {n} lacks its number");
    }
}

#[test]
fn fonts_are_embedded_and_subset() {
    let names = built().ko.font_names();
    assert!(!names.is_empty());
    for name in &names {
        let (tag, _) = name.split_once('+').unwrap_or_else(|| panic!("{name} is not subset"));
        assert!(tag.len() == 6 && tag.bytes().all(|b| b.is_ascii_uppercase()), "{name}");
    }
    for weight in ["Pretendard-Regular", "Pretendard-SemiBold", "Pretendard-Bold"] {
        assert!(names.iter().any(|n| n.contains(weight)), "{weight} missing from {names:?}");
    }
}

#[test]
fn metadata_is_set() {
    let ko = &built().ko;
    assert_eq!(ko.info("Title").as_deref(), Some("yoonbh2714 — 경력기술서"));
    assert_eq!(ko.info("Author").as_deref(), Some("yoonbh2714"));
    assert!(ko.info("Keywords").unwrap_or_default().contains("mlops"));
    let lang = ko.catalog().get(b"Lang").ok().and_then(common::decode_string);
    assert_eq!(lang.as_deref(), Some("ko"));
    assert_eq!(built().en.info("Title").as_deref(), Some("yoonbh2714 — Résumé"));
    // Tagged for accessibility.
    assert!(ko.catalog().has(b"StructTreeRoot"));
    assert!(ko.catalog().has(b"MarkInfo"));
}

#[test]
fn outline_lists_sections_and_projects() {
    let titles = built().ko.outline_titles();
    for title in [
        "경력 요약",
        "프로젝트",
        "kakao i MLOps",
        "한게임 모바일 포커",
        "OCR(Optical Character Recognition)",
        "기술",
    ] {
        assert!(titles.iter().any(|t| t == title), "`{title}` is not in the outline {titles:?}");
    }
    assert_eq!(titles.len(), 3 + 7, "{titles:?}");
}

#[test]
fn links_are_clickable() {
    let uris = built().ko.link_uris();
    for url in [
        "https://yoonbh2714.blogspot.com",
        "https://yoonbh2714.blogspot.com/2023/01/bitnami-etcd-snapshot.html",
        "https://search.daum.net/search?q=kakao",
        "http://lab.naver.com/ocr/",
    ] {
        assert!(uris.iter().any(|u| u == url), "{url} is not a link; links: {uris:#?}");
    }
}

#[test]
fn same_input_gives_the_same_bytes() {
    let dir = Scratch::new("again");
    resume_ok(&dir.0, &["pdf", "--lang", "ko"]);
    let again = std::fs::read(dir.path("resume-ko.pdf")).unwrap();
    assert!(again == built().ko_bytes, "a second build differs");
}

#[test]
fn locations_and_contacts_per_language_print_in_each_language() {
    let dir = common::Scratch::new("locations");
    dir.write(
        "resume.toml",
        "[person]\nname = { ko = \"김민국\", en = \"Minguk Kim\" }\nlocation = { ko = \"서울\", en = \"Seoul, South Korea\" }\n\
         phone = { ko = \"010-1234-5678\", en = \"+82 10-1234-5678\" }\nemail = \"minguk@example.com\"\n\n\
         [[company]]\nid = \"acme\"\nname = \"ACME\"\nlocation = { ko = \"판교\", en = \"Pangyo\" }\n\n\
         [[project]]\nid = \"p\"\nname = \"P\"\ncompany = \"acme\"\nperiod = \"2020-01..2021-01\"\n",
    );
    common::resume_ok(&dir.0, &["pdf", "--lang", "ko,en", "-o", "out/"]);
    let ko = common::Pdf::open(&dir.path("out/resume-ko.pdf"));
    let en = common::Pdf::open(&dir.path("out/resume-en.pdf"));
    let (ko_text, en_text) = (ko.text(), en.text());
    assert!(
        ko_text.contains("서울") && ko_text.contains("010-1234-5678") && ko_text.contains("판교"),
        "{ko_text}"
    );
    assert!(en_text.contains("Seoul, South Korea") && en_text.contains("+82 10-1234-5678"), "{en_text}");
    assert!(en_text.contains("Pangyo") && !en_text.contains("서울"), "{en_text}");
    assert!(en.link_uris().iter().any(|u| u == "tel:+821012345678"), "{:?}", en.link_uris());
    assert!(ko.link_uris().iter().any(|u| u == "tel:01012345678"), "{:?}", ko.link_uris());
    dir.write(
        "resume.toml",
        "[person]\nname = \"Kim\"\nemail = { ko = \"kim@example.com\", en = \"not an address\" }\n",
    );
    let err = common::resume_err(&dir.0, &["check"]);
    assert!(err.contains("`not an address` is not an e-mail address"), "{err}");
}
