//! Hangul in Latin letters, for ids made from Korean names.
//!
//! An id selects an entry on the command line and names its translations,
//! so it is ASCII kebab-case; `project-4` for a project named `검색 서비스`
//! says nothing, `geomsaek-seobiseu` does. Syllables are written by the
//! Revised Romanization of Korean, letter by letter, without the sound
//! changes between syllables (enough to recognise a name, and stable).

/// Initial consonants, in Unicode order.
const INITIALS: [&str; 19] =
    ["g", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s", "ss", "", "j", "jj", "ch", "k", "t", "p", "h"];

/// Vowels, in Unicode order.
const VOWELS: [&str; 21] = [
    "a", "ae", "ya", "yae", "eo", "e", "yeo", "ye", "o", "wa", "wae", "oe", "yo", "u", "wo", "we", "wi",
    "yu", "eu", "ui", "i",
];

/// Final consonants as they sound at a syllable's end, in Unicode order
/// (the first is none).
const FINALS: [&str; 28] = [
    "", "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "l", "l", "l", "p", "l", "m", "p", "p", "t", "t",
    "ng", "t", "t", "k", "t", "p", "t",
];

/// A Hangul syllable in Latin letters, or `None` for any other character.
pub fn syllable(c: char) -> Option<String> {
    let index = (c as u32).checked_sub(0xAC00).filter(|i| *i < 11_172)? as usize;
    let (initial, vowel, last) = (index / (21 * 28), index / 28 % 21, index % 28);
    Some(format!("{}{}{}", INITIALS[initial], VOWELS[vowel], FINALS[last]))
}

/// A text with every Hangul syllable romanized and everything else kept.
pub fn romanize(text: &str) -> String {
    text.chars().map(|c| syllable(c).unwrap_or_else(|| c.to_string())).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn syllables_read_as_in_revised_romanization() {
        assert_eq!(romanize("검색 서비스"), "geomsaek seobiseu");
        assert_eq!(romanize("정산"), "jeongsan");
        assert_eq!(romanize("한게임 모바일"), "hangeim mobail");
        assert_eq!(romanize("kakao i 검색"), "kakao i geomsaek");
        assert_eq!(syllable('a'), None);
    }
}
