//! Counting as job portals count: characters with and without spaces, and
//! bytes in the encodings Korean application systems use.
//!
//! A character is what a reader sees as one (an extended grapheme
//! cluster): an emoji with its modifiers, or a syllable written as
//! separate jamo (ᄀ+ᅡ), counts once, and so does a line break, LF or
//! CRLF. Nothing is trimmed or normalised first: the count is of exactly
//! what the applicant will paste.

use unicode_segmentation::UnicodeSegmentation;

/// How a portal turns text into bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    /// UTF-8: ASCII 1, Hangul and Hanja 3, emoji 4.
    Utf8,
    /// EUC-KR as browsers send it (code page 949): ASCII 1, Hangul and
    /// Hanja 2; a character it lacks goes as a numeric reference
    /// (`&#128512;`), as a form in that encoding submits it.
    EucKr,
    /// NEIS and other public systems: Hangul 3, ASCII 1, a line break 2.
    Neis,
}

impl Encoding {
    /// The names a limit may give (`encoding = "euc-kr"`).
    pub const NAMES: [&'static str; 3] = ["utf-8", "euc-kr", "neis"];

    /// Reads a name of [`Self::NAMES`] (`cp949` and `utf8` too).
    pub fn parse(name: &str) -> Option<Self> {
        match name.to_ascii_lowercase().as_str() {
            "utf-8" | "utf8" => Some(Encoding::Utf8),
            "euc-kr" | "euckr" | "cp949" | "ms949" | "uhc" => Some(Encoding::EucKr),
            "neis" => Some(Encoding::Neis),
            _ => None,
        }
    }

    /// How many bytes one line break takes unless the limit says
    /// otherwise: forms send CRLF, which NEIS counts; UTF-8 and EUC-KR
    /// counters see the LF the text holds.
    fn line_break_bytes(self) -> u64 {
        match self {
            Encoding::Neis => 2,
            Encoding::Utf8 | Encoding::EucKr => 1,
        }
    }
}

/// A text's counts, as `resume letter count` prints them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Counts {
    /// Characters, spaces and line breaks included (공백 포함).
    pub with_spaces: u64,
    /// Characters without any whitespace (공백 제외).
    pub without_spaces: u64,
    /// Bytes in UTF-8, a line break as the text holds it.
    pub utf8: u64,
    /// Bytes in EUC-KR (code page 949).
    pub euc_kr: u64,
}

impl Counts {
    /// Counts `text` as it is.
    pub fn of(text: &str) -> Self {
        Counts {
            with_spaces: characters(text, true, 1),
            without_spaces: characters(text, false, 1),
            utf8: bytes(text, Encoding::Utf8, None),
            euc_kr: bytes(text, Encoding::EucKr, None),
        }
    }
}

/// Whether a character is whitespace as 공백 제외 drops it.
fn is_line_break(cluster: &str) -> bool {
    matches!(cluster, "\n" | "\r\n" | "\r")
}

/// Characters of `text`: every cluster, or with `spaces` unset only those
/// that are not whitespace; a line break counts `line_break` (1, or 2 for
/// a portal that counts CRLF as two characters).
pub fn characters(text: &str, spaces: bool, line_break: u64) -> u64 {
    text.graphemes(true)
        .map(|cluster| {
            if is_line_break(cluster) {
                if spaces { line_break } else { 0 }
            } else if !spaces && cluster.chars().all(char::is_whitespace) {
                0
            } else {
                1
            }
        })
        .sum()
}

/// Bytes of `text` in `encoding`, a line break taking `line_break` bytes
/// (the encoding's own count when `None`).
pub fn bytes(text: &str, encoding: Encoding, line_break: Option<u64>) -> u64 {
    let line_break = line_break.unwrap_or_else(|| encoding.line_break_bytes());
    let mut total = 0;
    for cluster in text.graphemes(true) {
        if is_line_break(cluster) {
            total += line_break;
            continue;
        }
        total += match encoding {
            Encoding::Utf8 => cluster.len() as u64,
            Encoding::Neis => cluster.chars().map(|c| if c.is_ascii() { 1 } else { 3 }).sum(),
            Encoding::EucKr => {
                let (encoded, _, _) = encoding_rs::EUC_KR.encode(cluster);
                encoded.len() as u64
            }
        };
    }
    total
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hangul_latin_digits_and_punctuation() {
        let counts = Counts::of("안녕하세요, Rust 2024!");
        // Five syllables, then `, Rust 2024!`: twelve ASCII characters, two of them spaces.
        assert_eq!(counts.with_spaces, 17);
        assert_eq!(counts.without_spaces, 15);
        assert_eq!(counts.utf8, 5 * 3 + 12);
        assert_eq!(counts.euc_kr, 5 * 2 + 12);
        assert_eq!(bytes("안녕하세요, Rust 2024!", Encoding::Neis, None), 5 * 3 + 12);
    }

    #[test]
    fn runs_of_spaces_and_tabs_count_each() {
        let counts = Counts::of("가  나\t다");
        assert_eq!(counts.with_spaces, 6);
        assert_eq!(counts.without_spaces, 3);
        assert_eq!(counts.utf8, 9 + 3);
    }

    #[test]
    fn a_line_break_is_one_character_lf_or_crlf() {
        for text in ["가\n나", "가\r\n나"] {
            let counts = Counts::of(text);
            assert_eq!(counts.with_spaces, 3, "{text:?}");
            assert_eq!(counts.without_spaces, 2, "{text:?}");
        }
        assert_eq!(characters("가\n나", true, 2), 4);
        // Bytes: as held in UTF-8; two in NEIS, which counts CRLF.
        assert_eq!(bytes("가\n나", Encoding::Utf8, None), 7);
        assert_eq!(bytes("가\r\n나", Encoding::Utf8, None), 7);
        assert_eq!(bytes("가\n나", Encoding::Neis, None), 8);
        assert_eq!(bytes("가\n나", Encoding::EucKr, Some(2)), 6);
    }

    #[test]
    fn emoji_and_decomposed_syllables_count_once() {
        // A family emoji: four people joined by zero-width joiners.
        let family = "👨\u{200D}👩\u{200D}👧\u{200D}👦";
        assert_eq!(characters(family, true, 1), 1);
        assert_eq!(bytes("😀", Encoding::Utf8, None), 4);
        // EUC-KR has no emoji: a form sends it as `&#128512;`.
        assert_eq!(bytes("😀", Encoding::EucKr, None), "&#128512;".len() as u64);
        // 가 as two jamo is one character.
        assert_eq!(characters("\u{1100}\u{1161}", true, 1), 1);
        assert_eq!(Counts::of("\u{1100}\u{1161}").utf8, 6);
    }

    #[test]
    fn hanja_take_two_bytes_in_euc_kr() {
        assert_eq!(bytes("漢字", Encoding::EucKr, None), 4);
        assert_eq!(bytes("漢字", Encoding::Utf8, None), 6);
        assert_eq!(bytes("漢字", Encoding::Neis, None), 6);
    }

    #[test]
    fn nothing_is_trimmed() {
        assert_eq!(Counts::of("  가  \n").with_spaces, 6);
    }

    #[test]
    fn encodings_by_name() {
        assert_eq!(Encoding::parse("CP949"), Some(Encoding::EucKr));
        assert_eq!(Encoding::parse("utf8"), Some(Encoding::Utf8));
        assert_eq!(Encoding::parse("latin1"), None);
    }
}
