//! Weights as a typesetter would set them, read back from poppler's XML
//! (each line of text with its font): a troubleshooting story's problem,
//! which may run two lines, is never set in a bold weight.

mod common;

use std::process::Command;

use common::{Scratch, resume_ok};

/// Each text run on the PDF's pages with the font it is set in.
fn runs(pdf: &std::path::Path) -> Vec<(String, String)> {
    let out = Command::new("pdftohtml")
        .args(["-xml", "-i", "-stdout", "-q"])
        .arg(pdf)
        .output()
        .expect("pdftohtml runs");
    let xml = String::from_utf8_lossy(&out.stdout).into_owned();
    let attribute = |tag: &str, name: &str| -> String {
        let at = tag.find(&format!("{name}=\"")).unwrap() + name.len() + 2;
        tag[at..].split('"').next().unwrap().to_string()
    };
    let fonts: Vec<(String, String)> =
        xml.split("<fontspec ").skip(1).map(|f| (attribute(f, "id"), attribute(f, "family"))).collect();
    xml.split("<text ")
        .skip(1)
        .map(|t| {
            let font = attribute(t, "font");
            let family = fonts.iter().find(|(id, _)| *id == font).map(|(_, f)| f.clone()).unwrap_or_default();
            let text = t.split_once('>').unwrap().1.split("</text>").next().unwrap();
            let text =
                text.replace("<b>", "").replace("</b>", "").replace("&amp;", "&").replace("&quot;", "\"");
            (text, family)
        })
        .collect()
}

#[test]
fn a_storys_problem_is_never_set_in_bold() {
    if Command::new("pdftohtml").arg("-v").output().is_err() {
        eprintln!("SKIPPED: pdftohtml (poppler-utils) is not installed; `.ci/run` installs it");
        return;
    }
    let dir = Scratch::new("typography-stories");
    for (layout, lang) in [("classic", "ko"), ("classic", "en"), ("compact", "en")] {
        let pdf = dir.path(&format!("{layout}-{lang}.pdf"));
        resume_ok(&dir.0, &["pdf", "--lang", lang, "--layout", layout, "-o", pdf.to_str().unwrap()]);
        let out = common::resume(&dir.0, &["export", "--format", "json", "--lang", lang]);
        let view: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let runs = runs(&pdf);
        let mut checked = 0;
        for story in
            view["projects"].as_array().unwrap().iter().flat_map(|p| p["troubleshooting"].as_array().unwrap())
        {
            let problem = story["problem"].as_str().unwrap();
            // The run that begins the problem (a wrapped problem's first line).
            let start: String = problem.chars().take(12).collect();
            for (text, family) in runs.iter().filter(|(t, _)| t.trim_start().starts_with(&start)) {
                assert!(!family.contains("Bold"), "{layout} {lang}: `{text}` is set in {family}");
                checked += 1;
            }
        }
        assert!(checked >= 5, "{layout} {lang}: {checked} problems found");
    }
}
