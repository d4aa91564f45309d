//! Reference images: page 1 of the built-in example for every built-in
//! layout in each language, and of its one-page profile, rendered by
//! `resume png` and compared with `tests/ref/`. A layout change shows up
//! here; after looking at the new pages, regenerate them with
//! `RESUME_UPDATE_REFS=1 cargo test --test reference`.

mod common;

use std::path::PathBuf;

use common::{Scratch, resume_ok};

/// Low resolution keeps the files small and the comparison robust to
/// sub-pixel differences between machines.
const PIXELS_PER_INCH: &str = "40";

/// Page 1 of the build these flags ask for, as PNG.
fn render_page(flags: &[&str]) -> Vec<u8> {
    let dir = Scratch::new("reference");
    let mut args = vec!["png", "--ppi", PIXELS_PER_INCH, "-o", "page.png"];
    args.extend(flags);
    resume_ok(&dir.0, &args);
    std::fs::read(dir.path("page-1.png")).expect("page 1 was written")
}

fn pixels(png: &[u8]) -> (u32, u32, Vec<u8>) {
    let pixmap = tiny_skia::Pixmap::decode_png(png).expect("a PNG");
    (pixmap.width(), pixmap.height(), pixmap.data().to_vec())
}

fn check(name: &str, flags: &[&str]) {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(format!("tests/ref/{name}.png"));
    let actual = render_page(flags);
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
        let failed = std::env::temp_dir().join(format!("{name}-actual.png"));
        std::fs::write(&failed, &actual).unwrap();
        panic!(
            "page 1 of {name} differs from {} in {:.2}% of pixels; see {}",
            path.display(),
            share * 100.0,
            failed.display()
        );
    }
}

#[test]
fn classic_matches_its_references() {
    check("classic-ko", &["--layout", "classic", "--lang", "ko"]);
    check("classic-en", &["--layout", "classic", "--lang", "en"]);
}

#[test]
fn compact_matches_its_references() {
    check("compact-ko", &["--layout", "compact", "--lang", "ko"]);
    check("compact-en", &["--layout", "compact", "--lang", "en"]);
}

#[test]
fn international_matches_its_references() {
    check("international-ko", &["--layout", "international", "--lang", "ko"]);
    check("international-en", &["--layout", "international", "--lang", "en"]);
}

/// The one-page profile: US Letter, by employer, 2016 onward.
#[test]
fn the_one_page_profile_matches_its_reference() {
    check("one-page-en", &["--profile", "one-page"]);
}
