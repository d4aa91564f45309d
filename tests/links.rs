//! Links are safe everywhere: one check for every field that becomes a
//! link, so no `javascript:` or `file:` action reaches a PDF.

mod common;

use common::{Pdf, SMALL, Scratch, resume_err, resume_ok};

const PLACES: &[(&str, &str)] = &[
    ("certification", "[[certification]]\nid = \"c\"\nname = \"Cert\"\nlink = \"URL\"\n"),
    ("open_source", "[[open_source]]\nid = \"o\"\nname = \"Lib\"\nlink = \"URL\"\n"),
    (
        "section",
        "[[section]]\nid = \"talks\"\ntitle = \"Talks\"\nitems = [{ text = \"A talk\", link = \"URL\" }]\n",
    ),
    (
        "education",
        "[[education]]\nid = \"e\"\nschool = \"School\"\ndetails = [{ text = \"Thesis\", link = \"URL\" }]\n",
    ),
    (
        "troubleshooting",
        "[[project]]\nid = \"p\"\nname = \"P\"\ncompany = \"c\"\nperiod = \"2020-01..2020-02\"\ntroubleshooting = [{ problem = \"x\", link = \"URL\" }]\n",
    ),
    ("person.links", "PERSON"),
];

fn resume_with(place: &str, url: &str) -> String {
    if place == "PERSON" {
        return SMALL.replacen("[person]\n", &format!("[person]\nlinks = [\"{url}\"]\n"), 1);
    }
    format!("{SMALL}\n{}", place.replace("URL", url))
}

#[test]
fn unsafe_schemes_are_refused_in_every_link_field() {
    for (field, place) in PLACES {
        for url in
            ["javascript:app.alert(1)", "file:///etc/passwd", "JavaScript:alert(1)", "data:text/html,x"]
        {
            let dir = Scratch::new("unsafe-link");
            dir.write("resume.toml", &resume_with(place, url));
            let err = resume_err(&dir.0, &["pdf", "-o", "x.pdf"]);
            assert!(err.contains("is not a web address"), "{field} {url}: {err}");
            assert!(err.contains("resume.toml:"), "{field} {url}: not located: {err}");
            assert!(!dir.path("x.pdf").exists());
            let check = resume_err(&dir.0, &["check"]);
            assert!(check.contains("is not a web address"), "check missed {field} {url}");
        }
    }
}

#[test]
fn web_mail_and_phone_links_are_kept() {
    for (field, place) in PLACES {
        for url in ["https://example.com/a", "mailto:me@example.com", "tel:+82-10-1234-5678"] {
            let dir = Scratch::new("safe-link");
            dir.write("resume.toml", &resume_with(place, url));
            resume_ok(&dir.0, &["pdf", "-o", "x.pdf"]);
            let uris = Pdf::open(&dir.path("x.pdf")).link_uris();
            assert!(uris.iter().any(|u| u == url), "{field} {url}: {uris:?}");
        }
    }
}

#[test]
fn overlong_links_are_refused_in_check_and_pdf_alike() {
    let dir = Scratch::new("long-link");
    let url = format!("https://example.com/{}", "a".repeat(10_000));
    dir.write("resume.toml", &resume_with(PLACES[0].1, &url));
    let err = resume_err(&dir.0, &["check"]);
    assert!(err.contains("longer than 2,000 characters"), "{err}");
    assert!(err.lines().all(|l| l.chars().count() < 300), "the whole URL is echoed: {err}");
    let err = resume_err(&dir.0, &["pdf"]);
    assert!(err.contains("longer than 2,000 characters"), "{err}");
}

#[test]
fn links_a_layout_makes_are_checked_too() {
    let dir = Scratch::new("layout-links");
    dir.write("resume.toml", SMALL);
    for url in ["javascript:app.alert(1)", "file:///etc/passwd", "launch:calc.exe"] {
        dir.write("lay/x.typ", &format!("#link(\"{url}\")[click]\n"));
        let err = resume_err(&dir.0, &["pdf", "--layout", "lay/x.typ", "-o", "x.pdf"]);
        assert!(err.contains("makes a link to") && err.contains(url), "{url}: {err}");
        assert!(!dir.path("x.pdf").exists());
    }
    dir.write("lay/x.typ", "#link(\"https://example.com\")[fine]\n");
    resume_ok(&dir.0, &["pdf", "--layout", "lay/x.typ", "-o", "x.pdf"]);
}

#[test]
fn a_phone_number_is_checked_like_a_link() {
    let dir = Scratch::new("phone");
    dir.write("resume.toml", &SMALL.replacen("[person]\n", "[person]\nphone = \"file:///etc/passwd\"\n", 1));
    let err = resume_err(&dir.0, &["check"]);
    assert!(err.contains("is not a phone number") && err.contains("resume.toml:2:"), "{err}");
    dir.write("resume.toml", &SMALL.replacen("[person]\n", "[person]\nphone = \"+82 10-1234-5678\"\n", 1));
    resume_ok(&dir.0, &["pdf", "-o", "x.pdf"]);
    assert!(Pdf::open(&dir.path("x.pdf")).link_uris().iter().any(|u| u == "tel:+821012345678"));
}

/// A long address in the body wraps only between whole path segments,
/// before a slash: the next line begins with `/`, so it reads as going
/// on, and no line ends in a slash that could be the address's end.
#[test]
fn long_addresses_wrap_before_a_slash_between_whole_segments() {
    let dir = Scratch::new("url-wrap");
    resume_ok(&dir.0, &["pdf", "--lang", "en", "--layout", "compact", "-o", "compact.pdf"]);
    let Ok(out) = std::process::Command::new("pdftotext").arg(dir.path("compact.pdf")).arg("-").output()
    else {
        eprintln!("SKIPPED: pdftotext (poppler-utils) is not installed; `.ci/run` installs it");
        return;
    };
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    let lines: Vec<&str> = text.lines().map(str::trim).collect();
    let continued: Vec<&&str> = lines.iter().filter(|l| l.starts_with('/') && l.ends_with(".html")).collect();
    assert!(!continued.is_empty(), "no address wraps in the compact résumé:\n{text}");
    for line in &lines {
        let last = line.split_whitespace().last().unwrap_or_default();
        assert!(!(last.contains(".com/") && last.ends_with('/')), "a line ends inside an address: {line}");
    }
    // Each continuation is a whole segment of a real address.
    let view =
        String::from_utf8(common::resume(&dir.0, &["export", "--format", "json", "--lang", "en"]).stdout)
            .unwrap();
    for line in continued {
        assert!(view.contains(&format!("{line}\"")), "{line} is not the end of an address");
    }
}

/// `--short-links` prints a link of the body as its host and `/…`, the
/// whole address staying its target, in the PDF and the Word file alike;
/// the header's contacts print whole. By default the address prints whole.
#[test]
fn short_links_print_the_host_and_keep_the_address_as_the_target() {
    let dir = Scratch::new("short-links");
    resume_ok(&dir.0, &["pdf", "--lang", "en", "--layout", "compact", "-o", "whole.pdf"]);
    resume_ok(&dir.0, &["pdf", "--lang", "en", "--layout", "compact", "--short-links", "-o", "short.pdf"]);
    let whole = Pdf::open(&dir.path("whole.pdf"));
    let short = Pdf::open(&dir.path("short.pdf"));
    let target = "https://yoonbh2714.blogspot.com/2022/07/webdav-chunked-size.html";
    assert!(common::squash(&whole.text()).contains("webdav-chunked-size"));
    let text = common::squash(&short.text());
    assert!(!text.contains("webdav-chunked-size") && text.contains("yoonbh2714.blogspot.com/…"), "{text}");
    assert!(short.link_uris().iter().any(|u| u == target), "the address stays the target");
    // The header's contact, whole.
    assert!(text.starts_with("yoonbh2714Serverdevelopment"), "{text}");
    resume_ok(&dir.0, &["docx", "--lang", "en", "--short-links", "-o", "short.docx"]);
    let document = common::docx::part(&dir.path("short.docx"), "word/document.xml");
    let paras = common::docx::paragraphs(&document);
    assert!(paras.iter().any(|p| p.text.ends_with("yoonbh2714.blogspot.com/…")));
    assert!(!paras.iter().any(|p| p.text.contains("webdav-chunked-size")));
    let rels = common::docx::part(&dir.path("short.docx"), "word/_rels/document.xml.rels");
    assert!(rels.contains(target), "the Word link's target is the whole address");
}
