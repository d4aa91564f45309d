//! The options every layout honours (accent, body size, photo, paper) and
//! the layout commands (`resume layouts`, `resume layout new`), read back
//! from the PDFs they make.

mod common;

use common::{Pdf, Scratch, resume_err, resume_ok};
use lopdf::Object;

const LAYOUTS: [&str; 3] = ["classic", "compact", "international"];

/// Every colour set for filling text and shapes (`r g b rg`), as 0–255.
fn fill_colours(pdf: &Pdf) -> Vec<[u8; 3]> {
    let mut colours = Vec::new();
    for (_, page) in pdf.doc.get_pages() {
        let content = pdf.doc.get_page_content(page);
        let content = lopdf::content::Content::decode(&content).unwrap();
        for op in content.operations {
            if ["rg", "RG", "sc", "SC", "scn", "SCN"].contains(&op.operator.as_str()) {
                let n: Vec<f32> = op.operands.iter().filter_map(|o| o.as_float().ok()).collect();
                if n.len() == 3 {
                    colours.push([0, 1, 2].map(|i| (n[i] * 255.0).round() as u8));
                }
            }
        }
    }
    colours
}

/// Every font size set (`/F1 9.5 Tf`), in points.
fn font_sizes(pdf: &Pdf) -> Vec<f32> {
    let mut sizes = Vec::new();
    for (_, page) in pdf.doc.get_pages() {
        let content = pdf.doc.get_page_content(page);
        let content = lopdf::content::Content::decode(&content).unwrap();
        for op in content.operations {
            if op.operator == "Tf"
                && let Some(size) = op.operands.get(1).and_then(|o| o.as_float().ok())
            {
                sizes.push(size);
            }
        }
    }
    sizes
}

/// The most common font size: the body's.
fn body_size(pdf: &Pdf) -> f32 {
    let sizes = font_sizes(pdf);
    let mut counts: Vec<(i32, usize)> = Vec::new();
    for s in sizes {
        let key = (s * 100.0).round() as i32;
        match counts.iter_mut().find(|(k, _)| *k == key) {
            Some((_, n)) => *n += 1,
            None => counts.push((key, 1)),
        }
    }
    counts.sort_by_key(|(_, n)| std::cmp::Reverse(*n));
    counts[0].0 as f32 / 100.0
}

/// The images a PDF embeds, as (width, height) in pixels; an image's
/// transparency (its soft mask) is part of it, not another.
fn images(pdf: &Pdf) -> Vec<(i64, i64)> {
    let masks: Vec<lopdf::ObjectId> = pdf
        .doc
        .objects
        .values()
        .filter_map(|o| o.as_stream().ok()?.dict.get(b"SMask").ok()?.as_reference().ok())
        .collect();
    pdf.doc
        .objects
        .iter()
        .filter(|(id, _)| !masks.contains(id))
        .map(|(_, o)| o)
        .filter_map(|o| match o {
            Object::Stream(s) if s.dict.get(b"Subtype").and_then(|t| t.as_name()).ok() == Some(b"Image") => {
                let n = |k: &[u8]| s.dict.get(k).and_then(|v| v.as_i64()).unwrap_or(0);
                Some((n(b"Width"), n(b"Height")))
            }
            _ => None,
        })
        .collect()
}

#[test]
fn every_layout_takes_the_accent_colour() {
    let dir = Scratch::new("accent");
    for layout in LAYOUTS {
        let out = dir.path(&format!("{layout}.pdf"));
        resume_ok(&dir.0, &["pdf", "--layout", layout, "--accent", "#c0392b", "-o", out.to_str().unwrap()]);
        let colours = fill_colours(&Pdf::open(&out));
        assert!(colours.contains(&[0xc0, 0x39, 0x2b]), "{layout}: {colours:?}");
        let plain = dir.path(&format!("{layout}-plain.pdf"));
        resume_ok(&dir.0, &["pdf", "--layout", layout, "-o", plain.to_str().unwrap()]);
        assert!(!fill_colours(&Pdf::open(&plain)).contains(&[0xc0, 0x39, 0x2b]), "{layout}");
    }
}

#[test]
fn every_layout_takes_the_body_size_within_bounds() {
    let dir = Scratch::new("font-size");
    for layout in LAYOUTS {
        let out = dir.path(&format!("{layout}.pdf"));
        resume_ok(&dir.0, &["pdf", "--layout", layout, "--font-size", "11", "-o", out.to_str().unwrap()]);
        assert_eq!(body_size(&Pdf::open(&out)), 11.0, "{layout}");
    }
    for bad in ["7", "13", "abc"] {
        let err = common::resume(&dir.0, &["pdf", "--font-size", bad, "-o", "x.pdf"]);
        assert!(!err.status.success(), "--font-size {bad} was accepted");
    }
    let err = resume_err(&dir.0, &["pdf", "--font-size", "20", "-o", "x.pdf"]);
    assert!(err.contains("a font size of 20 pt is out of range") && err.contains("from 8 to 12 pt"), "{err}");
    assert!(!dir.path("x.pdf").exists());
}

#[test]
fn a_bad_accent_is_refused_with_the_form_it_takes() {
    let dir = Scratch::new("bad-accent");
    let err = resume_err(&dir.0, &["pdf", "--accent", "blue", "-o", "x.pdf"]);
    assert!(err.contains("`blue` is not a colour") && err.contains("#1d4f91"), "{err}");
}

/// A 30 × 40 PNG, drawn with an independent encoder.
fn photo_png() -> Vec<u8> {
    let mut pixmap = tiny_skia::Pixmap::new(30, 40).unwrap();
    pixmap.fill(tiny_skia::Color::from_rgba8(40, 90, 160, 255));
    pixmap.encode_png().unwrap()
}

const WITH_PHOTO: &str = "[person]\nname = 'Kim'\nphoto = 'me.png'\n\n[[project]]\nid = 'a'\nname = 'A'\ncompany = 'acme'\nperiod = '2020-01..2021-01'\n";

#[test]
fn the_photo_shows_only_when_asked_in_every_layout() {
    let dir = Scratch::new("photo");
    dir.write_bytes("me.png", &photo_png());
    dir.write("resume.toml", WITH_PHOTO);
    for layout in LAYOUTS {
        let plain = dir.path(&format!("{layout}-plain.pdf"));
        resume_ok(&dir.0, &["pdf", "--layout", layout, "-o", plain.to_str().unwrap()]);
        assert!(images(&Pdf::open(&plain)).is_empty(), "{layout}: no photo unless asked");
        let out = dir.path(&format!("{layout}.pdf"));
        resume_ok(&dir.0, &["pdf", "--layout", layout, "--photo", "-o", out.to_str().unwrap()]);
        assert_eq!(images(&Pdf::open(&out)), [(30, 40)], "{layout}");
    }
    // A profile asks for it; --no-photo overrides the profile.
    dir.write(
        "resume.toml",
        &format!("{WITH_PHOTO}\n[profile.form]\nphoto = true\naccent = '#225588'\nfont_size = 10\n"),
    );
    resume_ok(&dir.0, &["pdf", "--profile", "form", "-o", "p.pdf"]);
    assert_eq!(images(&Pdf::open(&dir.path("p.pdf"))), [(30, 40)]);
    resume_ok(&dir.0, &["pdf", "--profile", "form", "--no-photo", "-o", "q.pdf"]);
    assert!(images(&Pdf::open(&dir.path("q.pdf"))).is_empty());
}

#[test]
fn a_photo_must_be_an_image_inside_the_folder() {
    let dir = Scratch::new("photo-bad");
    let outside = Scratch::new("photo-outside");
    outside.write_bytes("me.png", &photo_png());
    let cases = [
        (format!("{}/me.png", outside.0.display()), "leads outside the résumé's folder"),
        ("../me.png".to_string(), "leads outside the résumé's folder"),
        ("missing.png".to_string(), "does not exist"),
        ("resume.toml".to_string(), "is not an image"),
    ];
    for (path, message) in cases {
        dir.write("resume.toml", &WITH_PHOTO.replace("me.png", &path));
        let err = resume_err(&dir.0, &["pdf", "--photo", "-o", "x.pdf"]);
        assert!(err.contains(message), "{path}: {err}");
        assert!(!dir.path("x.pdf").exists());
    }
    dir.write("resume.toml", "[person]\nname = 'Kim'\n");
    let err = resume_err(&dir.0, &["pdf", "--photo", "-o", "x.pdf"]);
    assert!(err.contains("the résumé has none") && err.contains("photo = "), "{err}");
}

#[test]
fn an_unknown_option_in_a_profile_lists_the_valid_ones() {
    let dir = Scratch::new("unknown-option");
    dir.write("resume.toml", "[person]\nname = 'Kim'\n\n[profile.x]\nacent = '#123456'\n");
    let err = resume_err(&dir.0, &["pdf", "--profile", "x"]);
    assert!(err.contains("acent") && err.contains("accent"), "{err}");
    assert!(err.contains("resume.toml:5"), "located: {err}");
}

#[test]
fn layouts_are_listed_one_line_each() {
    let dir = Scratch::new("layouts-list");
    let out = common::resume(&dir.0, &["layouts"]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let names: Vec<&str> = text.lines().filter_map(|l| l.split_whitespace().next()).collect();
    assert_eq!(names, ["classic", "compact", "international", "iryeokseo", "letter"]);
}

#[test]
fn a_new_layout_starts_from_a_built_in_one_and_builds_at_once() {
    let dir = Scratch::new("layout-new");
    resume_ok(&dir.0, &["init", "--example", "."]);
    let err = resume_ok(&dir.0, &["layout", "new", "mine", "--from", "compact"]);
    assert!(err.contains("it builds (ko: 2 pages)"), "{err}");
    let source = std::fs::read_to_string(dir.path("layouts/mine.typ")).unwrap();
    assert!(source.contains("#import \"/layouts/lib/by-project.typ\""), "it imports the library");
    // Built by name, like a built-in one, and the same as the original.
    resume_ok(&dir.0, &["pdf", "--layout", "mine", "-o", "mine.pdf"]);
    resume_ok(&dir.0, &["pdf", "--layout", "compact", "-o", "compact.pdf"]);
    let (mine, compact) = (Pdf::open(&dir.path("mine.pdf")), Pdf::open(&dir.path("compact.pdf")));
    assert_eq!(mine.text(), compact.text());
    // Never over a file, never under a built-in name.
    std::fs::write(dir.path("layouts/mine.typ"), "// edited").unwrap();
    let err = resume_err(&dir.0, &["layout", "new", "mine"]);
    assert!(err.contains("already exists"), "{err}");
    assert_eq!(std::fs::read_to_string(dir.path("layouts/mine.typ")).unwrap(), "// edited");
    let err = resume_err(&dir.0, &["layout", "new", "classic"]);
    assert!(err.contains("is a built-in layout"), "{err}");
    let err = resume_err(&dir.0, &["layout", "new", "../escape"]);
    assert!(err.contains("is not a layout name"), "{err}");
    let err = resume_err(&dir.0, &["layout", "new", "x", "--from", "fancy"]);
    assert!(err.contains("no built-in layout named `fancy`") && err.contains("international"), "{err}");
}
