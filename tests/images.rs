//! PNG and SVG outputs: one file per page, the page's size, the same
//! pages as the PDF, written all or none, never over a file of another
//! kind. Read back with independent readers: the PNG header by hand,
//! pixels with tiny-skia and against poppler's rendering of the PDF,
//! SVG as XML.

mod common;

use common::{Pdf, Scratch, resume_err, resume_ok};

const FIXTURE: &str = "tests/fixtures/roundtrip/resume.toml";

/// Width and height from a PNG's IHDR chunk, which follows the 8-byte
/// signature and the chunk's length and type.
fn png_size(bytes: &[u8]) -> (u32, u32) {
    assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n", "not a PNG");
    assert_eq!(&bytes[12..16], b"IHDR");
    let number = |at: usize| u32::from_be_bytes(bytes[at..at + 4].try_into().unwrap());
    (number(16), number(20))
}

/// The page sizes of a PDF, in points.
fn page_sizes(pdf: &Pdf) -> Vec<(f64, f64)> {
    pdf.doc
        .get_pages()
        .values()
        .map(|page| {
            let media =
                pdf.doc.get_dictionary(*page).unwrap().get(b"MediaBox").unwrap().as_array().unwrap().clone();
            let n = |i: usize| {
                media[i].as_float().map(f64::from).or_else(|_| media[i].as_i64().map(|v| v as f64)).unwrap()
            };
            (n(2) - n(0), n(3) - n(1))
        })
        .collect()
}

#[test]
fn png_pages_match_the_pdf_pages_in_number_and_size() {
    let dir = Scratch::new("png-pages");
    let input = common::root().join(FIXTURE);
    let said = resume_ok(
        &dir.0,
        &[
            "pdf",
            "--format",
            "pdf,png,svg",
            "--ppi",
            "72",
            "--lang",
            "ko",
            "--input",
            input.to_str().unwrap(),
        ],
    );
    let pdf = Pdf::open(&dir.path("resume-ko.pdf"));
    let sizes = page_sizes(&pdf);
    assert!(sizes.len() >= 2, "the fixture should have pages to count: {said}");
    assert!(
        said.contains("resume-ko-1.png") && said.contains(&format!("resume-ko-{}.png", sizes.len())),
        "{said}"
    );
    for (n, (width, height)) in sizes.iter().enumerate() {
        let png = std::fs::read(dir.path(&format!("resume-ko-{}.png", n + 1))).unwrap();
        let (w, h) = png_size(&png);
        // At 72 pixels per inch, a pixel per point, the last one partial.
        assert!((f64::from(w) - width).abs() < 1.0, "page {}: {w} px for {width} pt", n + 1);
        assert!((f64::from(h) - height).abs() < 1.0, "page {}: {h} px for {height} pt", n + 1);
        // The SVG of the page is XML with the page's size.
        let svg = std::fs::read_to_string(dir.path(&format!("resume-ko-{}.svg", n + 1))).unwrap();
        assert!(svg.starts_with("<svg") && svg.trim_end().ends_with("</svg>"), "page {}", n + 1);
        let width_attr = svg.split("width=\"").nth(1).and_then(|rest| rest.split("pt\"").next()).unwrap();
        assert!((width_attr.parse::<f64>().unwrap() - width).abs() < 0.01, "{width_attr} pt vs {width} pt");
        assert_eq!(svg.matches("<svg").count(), svg.matches("</svg>").count(), "balanced");
    }
    let next = sizes.len() + 1;
    assert!(!dir.path(&format!("resume-ko-{next}.png")).exists());
    // A page left from a longer build is named, never deleted.
    let stale = dir.path(&format!("resume-ko-{next}.png"));
    std::fs::copy(dir.path("resume-ko-1.png"), &stale).unwrap();
    let said = resume_ok(&dir.0, &["png", "--ppi", "72", "--lang", "ko", "--input", input.to_str().unwrap()]);
    assert!(said.contains(&format!("resume-ko-{next}.png` is left from an earlier build")), "{said}");
    assert!(stale.exists());
}

#[test]
fn png_pixels_show_the_page_as_the_pdf_does() {
    let dir = Scratch::new("png-pixels");
    let input = common::root().join(FIXTURE);
    let args =
        ["pdf", "--format", "pdf,png", "--ppi", "72", "--lang", "en", "--input", input.to_str().unwrap()];
    resume_ok(&dir.0, &args);
    let png = std::fs::read(dir.path("resume-en-1.png")).unwrap();
    let ours = tiny_skia::Pixmap::decode_png(&png).unwrap();
    let dark = |pixmap: &tiny_skia::Pixmap, x: u32, y: u32| {
        let p = pixmap.pixel(x, y).unwrap();
        p.alpha() > 128 && (u32::from(p.red()) + u32::from(p.green()) + u32::from(p.blue())) < 300
    };
    // The margins are blank, and there is text on the page.
    assert!((0..ours.width()).all(|x| !dark(&ours, x, 5)), "the top margin has ink");
    let rows = |pixmap: &tiny_skia::Pixmap| -> Vec<bool> {
        (0..pixmap.height()).map(|y| (0..pixmap.width()).any(|x| dark(pixmap, x, y))).collect()
    };
    let ours_rows = rows(&ours);
    assert!(ours_rows.iter().filter(|r| **r).count() > 100, "too few rows with ink");

    // Against poppler's rendering of the PDF's page: the same rows carry
    // ink, give or take anti-aliasing.
    let poppler = std::process::Command::new("pdftoppm")
        .args(["-png", "-r", "72", "-f", "1", "-l", "1", "-singlefile"])
        .arg(dir.path("resume-en.pdf"))
        .arg(dir.path("poppler"))
        .status();
    let Ok(status) = poppler else {
        eprintln!(
            "skipped the comparison with poppler: `pdftoppm` is not installed (apt-get install poppler-utils)"
        );
        return;
    };
    assert!(status.success(), "pdftoppm failed on our PDF");
    let theirs = tiny_skia::Pixmap::decode_png(&std::fs::read(dir.path("poppler.png")).unwrap()).unwrap();
    // Renderers round the partial last pixel differently.
    assert!(theirs.width().abs_diff(ours.width()) <= 1 && theirs.height().abs_diff(ours.height()) <= 1);
    let theirs_rows = rows(&theirs);
    // A glyph's anti-aliased edge may reach one row further in one of them.
    let near =
        |rows: &[bool], y: usize| rows[y.saturating_sub(1)..(y + 2).min(rows.len())].iter().any(|r| *r);
    let differ = (0..ours_rows.len().min(theirs_rows.len()))
        .filter(|y| ours_rows[*y] != theirs_rows[*y] && !(near(&ours_rows, *y) && near(&theirs_rows, *y)))
        .count();
    assert!(
        differ * 20 < ours_rows.len(),
        "{differ} of {} rows differ in ink from poppler's",
        ours_rows.len()
    );
}

#[test]
fn image_outputs_never_replace_another_kind_of_file_and_refuse_standard_output() {
    let dir = Scratch::new("png-safety");
    dir.write("resume-ko-1.png", "my notes, not an image\n");
    let err = resume_err(&dir.0, &["png", "--lang", "ko"]);
    assert!(err.contains("refusing to replace `resume-ko-1.png`: it is not a PNG"), "{err}");
    assert_eq!(std::fs::read_to_string(dir.path("resume-ko-1.png")).unwrap(), "my notes, not an image\n");
    assert!(!dir.path("resume-ko-2.png").exists(), "all pages or none");
    let err = resume_err(&dir.0, &["svg", "-o", "-"]);
    assert!(err.contains("images are one file per page"), "{err}");
    let err = resume_err(&dir.0, &["png", "--ppi", "5000"]);
    assert!(err.contains("`--ppi 5000` is out of range"), "{err}");
}

#[test]
fn the_same_input_gives_the_same_image_bytes() {
    let dir = Scratch::new("png-same");
    resume_ok(&dir.0, &["png", "--ppi", "36", "--lang", "en", "-o", "a/"]);
    resume_ok(&dir.0, &["png", "--ppi", "36", "--lang", "en", "-o", "b/"]);
    let a = std::fs::read(dir.path("a/resume-en-1.png")).unwrap();
    let b = std::fs::read(dir.path("b/resume-en-1.png")).unwrap();
    assert!(a == b, "two builds of one input gave different PNG bytes");
}
