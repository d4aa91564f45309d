//! The page's type: Pretendard cut to what résumés use (`fonts/web`:
//! Latin, punctuation, jamo and the 2,350 Hangul syllables of KS X 1001,
//! 0.7 MB for three weights against 4.7 MB whole), and the whole font
//! linked for just the characters a page uses that the cut lacks (a name
//! with `똠`), so nothing falls back to another typeface.

use std::sync::OnceLock;

use crate::typeset::fonts::{PRETENDARD_BOLD, PRETENDARD_REGULAR, PRETENDARD_SEMIBOLD};

/// One weight: its cut for every page, and the whole font for what the
/// cut lacks.
pub struct WebFont {
    /// The CSS weight.
    pub weight: u16,
    /// The cut's file name in the site's `fonts/`, and its bytes (WOFF2).
    pub cut: FontFile,
    /// The whole font's file name and bytes (OpenType).
    pub whole: FontFile,
}

/// A font file of the site: its name in `fonts/` and its bytes.
pub type FontFile = (&'static str, &'static [u8]);

/// The three weights the layouts set.
pub const WEB_FONTS: [WebFont; 3] = [
    WebFont {
        weight: 400,
        cut: (
            "Pretendard-Regular.subset.woff2",
            include_bytes!("../../../fonts/web/Pretendard-Regular.subset.woff2"),
        ),
        whole: ("Pretendard-Regular.otf", PRETENDARD_REGULAR),
    },
    WebFont {
        weight: 600,
        cut: (
            "Pretendard-SemiBold.subset.woff2",
            include_bytes!("../../../fonts/web/Pretendard-SemiBold.subset.woff2"),
        ),
        whole: ("Pretendard-SemiBold.otf", PRETENDARD_SEMIBOLD),
    },
    WebFont {
        weight: 700,
        cut: (
            "Pretendard-Bold.subset.woff2",
            include_bytes!("../../../fonts/web/Pretendard-Bold.subset.woff2"),
        ),
        whole: ("Pretendard-Bold.otf", PRETENDARD_BOLD),
    },
];

/// The characters the cuts keep, as `fonts/subset-web.py` cut them.
const CUT: &str = include_str!("../../../fonts/web/subset.txt");

/// The cut's ranges of code points, read once.
fn cut_ranges() -> &'static [(u32, u32)] {
    static RANGES: OnceLock<Vec<(u32, u32)>> = OnceLock::new();
    RANGES.get_or_init(|| {
        CUT.lines()
            .filter(|line| !line.is_empty() && !line.starts_with('#'))
            .filter_map(|line| {
                let (first, last) = line
                    .trim_start_matches("U+")
                    .split_once('-')
                    .unwrap_or((line.trim_start_matches("U+"), ""));
                let first = u32::from_str_radix(first, 16).ok()?;
                let last = if last.is_empty() { first } else { u32::from_str_radix(last, 16).ok()? };
                Some((first, last))
            })
            .collect()
    })
}

/// Whether the cut fonts have `c`.
pub fn in_cut(c: char) -> bool {
    let code = c as u32;
    cut_ranges().iter().any(|(first, last)| (*first..=*last).contains(&code))
}

/// What a page's text needs beyond the cut: `@font-face` rules that link
/// the whole font for exactly the characters it uses that the cut lacks
/// and Pretendard has, and the files they link. Nothing when the cut has
/// them all (a character Pretendard lacks, such as Hanja, is the
/// reader's fonts' either way).
pub fn beyond_cut(text: &str) -> Option<(String, Vec<FontFile>)> {
    let pretendard = crate::typeset::fonts::embedded().first()?;
    let mut lacking: Vec<char> =
        text.chars().filter(|c| !in_cut(*c) && pretendard.info().coverage.contains(*c as u32)).collect();
    lacking.sort_unstable();
    lacking.dedup();
    if lacking.is_empty() {
        return None;
    }
    let range: Vec<String> = lacking.iter().map(|c| format!("U+{:04X}", *c as u32)).collect();
    let mut css = String::from("/* The whole font, for the characters of this page its cut lacks. */\n");
    let mut files = Vec::new();
    for font in &WEB_FONTS {
        css.push_str(&format!(
            "@font-face {{ font-family: \"Pretendard\"; font-weight: {}; font-display: swap;\n  src: url(\"fonts/{}\") format(\"opentype\"); unicode-range: {}; }}\n",
            font.weight,
            font.whole.0,
            range.join(", ")
        ));
        files.push(font.whole);
    }
    Some((css, files))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cut_keeps_the_common_syllables_and_links_the_whole_font_for_the_rest() {
        assert!("한가온 Gaon Han · 2022.04 ~ 현재 → ①".chars().all(in_cut));
        // `똠` and `햏` are no syllables of KS X 1001.
        assert!(!in_cut('똠') && !in_cut('햏'));
        assert!(beyond_cut("한가온, Gaon Han").is_none());
        let (css, files) = beyond_cut("김똠 Kim").expect("the whole font for 똠");
        assert!(css.contains("unicode-range: U+B620;"), "{css}");
        assert_eq!(files.len(), 3);
        // Hanja is no Pretendard character: the whole font would not help.
        assert!(beyond_cut("韓佳溫").is_none());
    }

    #[test]
    fn each_cut_is_a_woff2_font_much_smaller_than_the_whole() {
        for font in &WEB_FONTS {
            assert_eq!(&font.cut.1[..4], b"wOF2", "{}", font.cut.0);
            assert!(font.cut.1.len() * 4 < font.whole.1.len(), "{}", font.cut.0);
        }
    }
}
