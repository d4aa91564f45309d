//! Reference images: page 1 of the example in each language, rendered with
//! Typst's rasterizer and compared with `tests/ref/`. A layout change shows
//! up here; after looking at the new pages, regenerate them with
//! `RESUME_UPDATE_REFS=1 cargo test --test reference`.

use std::path::PathBuf;

use resume::i18n::Language;
use resume::localize;
use resume::model::YearMonth;
use resume::pipeline;
use resume::typeset::compile;
use resume::typeset::world::{Layout, ResumeWorld};
use resume::view::{Paper, ViewOptions};

/// Low resolution keeps the files small and the comparison robust to
/// sub-pixel differences between machines.
const PIXELS_PER_INCH: f32 = 40.0;

fn render_page(lang: &str, page: usize) -> Vec<u8> {
    let today = YearMonth::new(2026, 11).unwrap();
    let source = pipeline::example();
    let (resume, selection) = pipeline::prepare(&source, &[], &[], today).unwrap();
    let catalogue = pipeline::catalogue(&source, Language::negotiate(lang).unwrap()).unwrap();
    let options = ViewOptions { today, paper: Paper::A4 };
    let view = localize::localize(&resume, &source, &catalogue, &selection, options).unwrap();
    let mut world = ResumeWorld::new(&Layout::Builtin("classic"), None, vec![], today, false).unwrap();
    world.set_view(view.to_json());
    let document = compile::compile(&world).unwrap();
    resume::output::png::png(&document, page, PIXELS_PER_INCH).unwrap()
}

fn pixels(png: &[u8]) -> (u32, u32, Vec<u8>) {
    let pixmap = tiny_skia::Pixmap::decode_png(png).expect("a PNG");
    (pixmap.width(), pixmap.height(), pixmap.data().to_vec())
}

fn check(lang: &str) {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(format!("tests/ref/page1-{lang}.png"));
    let actual = render_page(lang, 0);
    if std::env::var_os("RESUME_UPDATE_REFS").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, &actual).unwrap();
        return;
    }
    let expected = std::fs::read(&path).unwrap_or_else(|_| panic!("{} is missing", path.display()));
    let (w1, h1, a) = pixels(&actual);
    let (w2, h2, b) = pixels(&expected);
    assert_eq!((w1, h1), (w2, h2), "page size changed");
    // Share of pixels that differ noticeably: text moving by a line makes
    // this several percent; antialiasing noise stays far below.
    let differing = a
        .chunks(4)
        .zip(b.chunks(4))
        .filter(|(p, q)| p.iter().zip(*q).any(|(x, y)| x.abs_diff(*y) > 48))
        .count();
    let share = differing as f64 / f64::from(w1 * h1);
    if share > 0.002 {
        let failed = std::env::temp_dir().join(format!("page1-{lang}-actual.png"));
        std::fs::write(&failed, &actual).unwrap();
        panic!(
            "page 1 ({lang}) differs from {} in {:.2}% of pixels; see {}",
            path.display(),
            share * 100.0,
            failed.display()
        );
    }
}

#[test]
fn korean_page_one_matches_reference() {
    check("ko");
}

#[test]
fn english_page_one_matches_reference() {
    check("en");
}
