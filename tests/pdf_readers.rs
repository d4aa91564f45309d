//! Two readers independent of Typst agree on every built-in layout: the
//! tests' own reader (lopdf with the ToUnicode maps read here, which keeps
//! the spaces as the glyphs wrote them) and printpdf's, which `resume
//! tailor` reads with. printpdf places its spaces by glyph widths it
//! estimates for the bare CFF fonts Typst embeds (without its text-layout
//! feature it parses TrueType programs only), so the two are compared without
//! whitespace; the tests' exact-text checks keep lopdf for that reason.
//! printpdf also keeps one resource dictionary per document, so each page
//! is read as a document of its own.

mod common;

use common::{Pdf, Scratch, resume_ok};

/// printpdf's text of each page, read as a document of its own.
fn printpdf_text(bytes: &[u8]) -> String {
    let whole = lopdf::Document::load_mem(bytes).unwrap();
    let count = whole.get_pages().len() as u32;
    let mut text = String::new();
    for number in 1..=count {
        let mut one = whole.clone();
        one.delete_pages(&(1..=count).filter(|p| *p != number).collect::<Vec<_>>());
        let mut page = Vec::new();
        one.save_to(&mut page).unwrap();
        let mut warnings = Vec::new();
        let options = printpdf::PdfParseOptions { fail_on_error: false };
        let document = printpdf::PdfDocument::parse(&page, &options, &mut warnings).unwrap();
        for line in document.extract_text_boxes().into_iter().flat_map(|p| p.lines) {
            for word in line.words {
                text.push_str(&word.text);
            }
        }
    }
    text
}

#[test]
fn printpdf_reads_every_layout_as_the_tests_reader_does() {
    let dir = Scratch::new("pdf-readers");
    for layout in ["classic", "compact", "international"] {
        for lang in ["ko", "en"] {
            let file = format!("{layout}-{lang}.pdf");
            resume_ok(&dir.0, &["pdf", "--layout", layout, "--lang", lang, "-o", &file]);
            let bytes = std::fs::read(dir.path(&file)).unwrap();
            let strip = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
            let ours = strip(&Pdf::open(&dir.path(&file)).text());
            let theirs = strip(&printpdf_text(&bytes));
            assert!(ours.chars().count() > 1000, "{layout} {lang}: too little text");
            if ours != theirs {
                let at = ours.chars().zip(theirs.chars()).position(|(a, b)| a != b).unwrap_or(0);
                let around = |s: &str| s.chars().skip(at.saturating_sub(20)).take(50).collect::<String>();
                panic!(
                    "{layout} {lang}: the readers differ at {at}: {:?} / {:?}",
                    around(&ours),
                    around(&theirs)
                );
            }
        }
    }
}
