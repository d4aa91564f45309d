//! Which OpenType features a document's text can do without.
//!
//! Shaping is the largest single cost of a layout, and Pretendard applies
//! its glyph-composition feature (`ccmp`: twelve contextual and two
//! ligature lookups) to every glyph. Those lookups only ever act on
//! combining marks: a letter followed by U+0301, an `i` before a mark
//! above, a letter inside U+20DD. Text without such marks comes out
//! glyph for glyph the same with `ccmp` off (the reference images prove
//! it), and the compile takes about a twentieth less time. Text with them,
//! or in a script this list does not know (set with a font from
//! `--font-path`), keeps the feature.

/// Whether `text` may need the fonts' glyph composition: true unless every
/// character is in a block of precomposed letters, symbols or syllables.
pub fn needs_composition(text: &str) -> bool {
    text.chars().any(|c| !is_precomposed(c))
}

/// Blocks with no combining marks, whose characters the embedded fonts set
/// without composition: Latin, Greek and Cyrillic letters, punctuation and
/// symbols, Hangul syllables and compatibility jamo, Hanja, full-width forms.
fn is_precomposed(c: char) -> bool {
    matches!(u32::from(c),
        0x0000..=0x02FF      // Basic Latin to Spacing Modifier Letters
        | 0x0370..=0x0482    // Greek, Cyrillic (before its combining marks)
        | 0x048A..=0x052F    // Cyrillic and its supplement
        | 0x1E00..=0x1FFF    // Latin Extended Additional, Greek Extended
        | 0x2000..=0x20CF    // General Punctuation to Currency Symbols
        | 0x2100..=0x2BFF    // Letterlike Symbols to Miscellaneous Symbols and Arrows
        | 0x3000..=0x3029    // CJK Symbols and Punctuation (before its tone marks)
        | 0x3030..=0x303F
        | 0x3130..=0x318F    // Hangul Compatibility Jamo
        | 0x3200..=0x33FF    // Enclosed CJK Letters, CJK Compatibility
        | 0x4E00..=0x9FFF    // CJK Unified Ideographs (Hanja)
        | 0xAC00..=0xD7A3    // Hangul Syllables
        | 0xF900..=0xFAFF    // CJK Compatibility Ideographs
        | 0xFF00..=0xFFEF // Half-width and Full-width Forms
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn precomposed_text_needs_no_composition() {
        assert!(!needs_composition("경력기술서 · Résumé — 2022.04 ~ 현재, 金大中 ①"));
        assert!(!needs_composition("-->, --, ... and \"quotes\" → ✓"));
    }

    #[test]
    fn combining_marks_and_unknown_scripts_keep_it() {
        assert!(needs_composition("Re\u{301}sume\u{301}"));
        assert!(needs_composition("A\u{20DD}"));
        assert!(needs_composition("\u{1112}\u{1161}\u{11AB}")); // 한 as conjoining jamo
        assert!(needs_composition("สวัสดี"));
        assert!(needs_composition("emoji 👍"));
    }
}
