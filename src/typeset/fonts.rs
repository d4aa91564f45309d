//! The fonts, embedded in the binary so a fresh machine needs nothing.
//!
//! Pretendard (Regular, SemiBold, Bold) sets Hangul and Latin; it has no
//! Hanja, so a cut of Noto Sans CJK KR with the 4,888 Hanja of KS X 1001
//! follows it in the fallback list. Both are under the SIL Open Font
//! Licence, with their licences in `fonts/`. Typst subsets whatever it
//! embeds in the PDF.

use std::path::Path;
use std::sync::OnceLock;

use typst::foundations::Bytes;
use typst::layout::{Frame, FrameItem};
use typst::text::Font;
use typst_layout::PagedDocument;

use crate::error::{Error, Result};

/// Family names, in fallback order, as the layouts name them.
pub(crate) const FAMILIES: &[&str] = &["Pretendard", "Noto Sans CJK KR"];

/// Pretendard Regular: also the preview page's own text, so its Hangul
/// shows on a machine without a Korean font.
pub const PRETENDARD_REGULAR: &[u8] = include_bytes!("../../fonts/Pretendard-Regular.otf");

/// Pretendard SemiBold: also the preview page's headings.
pub const PRETENDARD_SEMIBOLD: &[u8] = include_bytes!("../../fonts/Pretendard-SemiBold.otf");

/// Pretendard Bold.
pub const PRETENDARD_BOLD: &[u8] = include_bytes!("../../fonts/Pretendard-Bold.otf");

const EMBEDDED: &[&[u8]] = &[
    PRETENDARD_REGULAR,
    PRETENDARD_SEMIBOLD,
    PRETENDARD_BOLD,
    include_bytes!("../../fonts/NotoSansCJKkr-Hanja-Regular.otf"),
    include_bytes!("../../fonts/NotoSansCJKkr-Hanja-Bold.otf"),
];

/// The embedded fonts, parsed once per process.
///
/// Both costs of a font are paid on every run, so they are spread over the
/// cores: parsing reads its whole character map (the five fonts are parsed
/// in parallel), and Typst keys its caches by a hash of the font's bytes,
/// about 1.5 MB per Pretendard cut, which a background thread computes
/// while the layout is being evaluated. The Hanja fonts are hashed only if
/// a document uses them.
pub fn embedded() -> &'static [Font] {
    static FONTS: OnceLock<Vec<Font>> = OnceLock::new();
    FONTS.get_or_init(|| {
        let fonts: Vec<Font> = std::thread::scope(|scope| {
            let parsers: Vec<_> = EMBEDDED
                .iter()
                .map(|data| scope.spawn(move || Font::iter(Bytes::new(*data)).collect::<Vec<_>>()))
                .collect();
            parsers.into_iter().flat_map(|parser| parser.join().expect("font parsing panicked")).collect()
        });
        let primary: Vec<Font> =
            fonts.iter().filter(|font| font.info().family == FAMILIES[0]).cloned().collect();
        std::thread::spawn(move || {
            for font in primary {
                typst::utils::hash128(&font);
            }
        });
        fonts
    })
}

/// Starts parsing the embedded fonts on another thread, once per process,
/// so that the work overlaps whatever comes before the first layout (the
/// template's evaluation); [`embedded`] then waits for it if needed.
pub fn load_in_background() {
    static STARTED: std::sync::Once = std::sync::Once::new();
    STARTED.call_once(|| {
        std::thread::spawn(|| {
            embedded();
        });
    });
}

/// Fonts from a folder the user named with `--font-path`, for scripts the
/// embedded fonts lack, with the files they came from (which no output may
/// replace). A file named like a font that is none is a warning, not a
/// silent skip: the user expects its glyphs.
pub fn from_folder(dir: &Path) -> Result<FontFolder> {
    let entries = std::fs::read_dir(dir).map_err(|err| Error::io("read the font folder", dir, &err))?;
    let mut fonts = Vec::new();
    let mut files = Vec::new();
    let mut warnings = Vec::new();
    let mut paths: Vec<_> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for path in paths {
        let is_font = path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| matches!(e.to_ascii_lowercase().as_str(), "otf" | "ttf" | "otc" | "ttc"));
        if !is_font {
            continue;
        }
        let data = crate::input::read_capped(&path, crate::input::MAX_ASSET)
            .map_err(|refusal| refusal.to_error("read the font", &path, crate::input::MAX_ASSET))?;
        let before = fonts.len();
        fonts.extend(Font::iter(Bytes::new(data)));
        if fonts.len() == before {
            warnings.push(crate::error::Error::warning(format!(
                "`{}` is not a font Typst can read; it is skipped",
                path.display()
            )));
        }
        files.push(path);
    }
    Ok(FontFolder { fonts, files, warnings })
}

/// The fonts of a folder (`--font-path`), the files they came from (which
/// no output may replace), and the files that were no font.
pub struct FontFolder {
    /// The fonts.
    pub fonts: Vec<Font>,
    /// Every font file read.
    pub files: Vec<std::path::PathBuf>,
    /// A warning for each file named like a font that is none.
    pub warnings: Vec<Error>,
}

/// Whether an embedded font draws `c` (or it needs no glyph at all), so
/// that `check` can find a character no font has without building.
pub fn covered(c: char) -> bool {
    c.is_whitespace()
        || c.is_control()
        || is_invisible(c)
        || embedded().iter().any(|font| font.info().coverage.contains(c as u32))
}

/// A character the chosen fonts could not draw.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MissingGlyph {
    /// The character.
    pub character: char,
    /// The line of text it stands in, for finding it.
    pub context: String,
}

/// Finds every character that was set with no glyph (the `.notdef` box),
/// so a PDF never shows a silent tofu.
pub fn missing_glyphs(document: &PagedDocument) -> Vec<MissingGlyph> {
    let mut missing = Vec::new();
    for page in document.pages() {
        scan(&page.frame, &mut missing);
    }
    missing
}

fn scan(frame: &Frame, missing: &mut Vec<MissingGlyph>) {
    for (_, item) in frame.items() {
        match item {
            FrameItem::Group(group) => scan(&group.frame, missing),
            FrameItem::Text(text) => {
                for glyph in text.glyphs.iter().filter(|g| g.id == 0) {
                    for character in text.text[glyph.range()].chars() {
                        // Default-ignorable marks have no glyph by design.
                        if is_invisible(character) || missing.iter().any(|m| m.character == character) {
                            continue;
                        }
                        missing.push(MissingGlyph { character, context: text.text.to_string() });
                    }
                }
            }
            _ => {}
        }
    }
}

fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200F}' | '\u{2060}'..='\u{206F}' | '\u{FE00}'..='\u{FE0F}' | '\u{FEFF}')
}

/// Explains missing glyphs, pointing at where each character stands: in
/// the résumé or a translation file, written as itself or as a TOML or
/// Fluent escape (`\u{1F680}`, `\U0001F680`).
pub fn missing_glyph_error(
    missing: &[MissingGlyph],
    source: &crate::model::Source,
    translations: &[crate::i18n::UserCatalogue],
) -> Error {
    let list: Vec<String> =
        missing.iter().map(|m| format!("`{}` (U+{:04X})", m.character, m.character as u32)).collect();
    let mut error = Error::new(format!("no font has a glyph for {}", list.join(", "))).with_hint(
        "remove the character, or add a font that has it with `--font-path DIR`; \
         `--allow-missing-glyphs` builds anyway and prints a box",
    );
    let Some(first) = missing.first() else { return error };
    let mut files = vec![(source.path.as_path(), source.text.as_str())];
    files.extend(translations.iter().map(|t| (t.path.as_path(), t.text.as_str())));
    match files
        .iter()
        .find_map(|(path, text)| find_character(text, first.character).map(|at| (path, text, at)))
    {
        Some((path, text, span)) => error = error.at(crate::error::Location::from_span(path, text, span)),
        None => error = error.with_detail(format!("  in: {}", first.context)),
    }
    error
}

/// Where a character is written in a text, as itself or as an escape.
fn find_character(text: &str, character: char) -> Option<std::ops::Range<usize>> {
    if let Some(offset) = text.find(character) {
        return Some(offset..offset + character.len_utf8());
    }
    let code = character as u32;
    let escapes = [
        format!("\\u{{{code:X}}}"),
        format!("\\U{code:08X}"),
        format!("\\U{code:06X}"),
        format!("\\u{code:04X}"),
    ];
    let upper = text.to_ascii_uppercase();
    escapes.iter().find_map(|escape| {
        let offset = upper.find(&escape.to_ascii_uppercase())?;
        Some(offset..offset + escape.len())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_weight_is_real_and_covers_its_script() {
        let fonts = embedded();
        let pretendard: Vec<u16> = fonts
            .iter()
            .filter(|f| f.info().family == "Pretendard")
            .map(|f| f.info().variant.weight.to_number())
            .collect();
        assert_eq!(pretendard, [400, 600, 700]);
        for font in fonts {
            let hangul = font.info().coverage.contains('한' as u32);
            let hanja = font.info().coverage.contains('漢' as u32);
            match font.info().family.as_str() {
                "Pretendard" => assert!(hangul && font.info().coverage.contains('A' as u32)),
                "Noto Sans CJK KR" => assert!(hanja),
                other => panic!("unexpected family {other}"),
            }
        }
    }
}
