//! The writer's own word list: `[check] words` and `words.txt` beside
//! `resume.toml`, one word or name per line. Its words are never
//! misspellings, and a word written in it with capitals (`MySQL`, `Argo
//! CD`) is how that word is cased everywhere: another case in a text is a
//! finding `--fix` may write, since the writer has said which is right.

use std::path::Path;

use crate::error::{Error, Location};
use crate::model::Source;

use super::english::is_code_like;
use super::korean::Finding;

/// The word list's file, beside `resume.toml`.
pub const WORDS_FILE: &str = "words.txt";

/// The words of `words.txt` (none when there is no such file), or why it
/// could not be read: a link out of the folder is refused like every file
/// found by its name.
pub fn words_file(source: &Source) -> Result<Vec<String>, Error> {
    let Some(dir) = &source.dir else { return Ok(Vec::new()) };
    let path = dir.join(WORDS_FILE);
    let shown = path.strip_prefix(".").map(Path::to_path_buf).unwrap_or_else(|_| path.clone());
    crate::input::refuse_outside(dir, &path, "a word list")?;
    let Some(text) = crate::input::read_text_without_bom(&path)? else { return Ok(Vec::new()) };
    let mut words = Vec::new();
    for (number, line) in text.lines().enumerate() {
        let word = line.split_once('#').map_or(line, |(word, _)| word).trim();
        if word.is_empty() {
            continue;
        }
        if word.chars().any(char::is_control) || word.chars().count() > 64 {
            let column = line.find(word).unwrap_or(0);
            let at = text.lines().take(number).map(|l| l.len() + 1).sum::<usize>() + column;
            return Err(Error::new(format!("`{}` holds a line that is no word", shown.display()))
                .at(Location::from_span(&shown, &text, at..at + word.len()))
                .with_hint("write one word or name per line, `#` starts a comment"));
        }
        words.push(word.to_string());
    }
    Ok(words)
}

/// The casings the word list sets: its words with a capital letter.
pub struct Casing {
    /// Each word as written, and lowercased, longest first.
    entries: Vec<(String, String)>,
}

impl Casing {
    /// The casings of `words`; a word all in lower case sets none.
    pub fn new(words: &[String]) -> Self {
        let mut entries: Vec<(String, String)> = words
            .iter()
            .filter(|w| w.chars().any(char::is_uppercase) && w.chars().any(|c| c.is_ascii_alphabetic()))
            .map(|w| (w.clone(), w.to_ascii_lowercase()))
            .collect();
        entries.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
        entries.dedup();
        Casing { entries }
    }

    /// A word of the list written in another case in `text`, whole (never
    /// a part of a longer word, a path or an address).
    pub fn findings(&self, text: &str) -> Vec<Finding> {
        let mut out: Vec<Finding> = Vec::new();
        if self.entries.is_empty() {
            return out;
        }
        let lowered = text.to_ascii_lowercase();
        let alnum_at = |index: usize| text[index..].chars().next().is_some_and(|c| c.is_ascii_alphanumeric());
        let alnum_before =
            |index: usize| text[..index].chars().last().is_some_and(|c| c.is_ascii_alphanumeric());
        for (entry, lower) in &self.entries {
            for (start, _) in lowered.match_indices(lower.as_str()) {
                let end = start + lower.len();
                if !text.is_char_boundary(start) || !text.is_char_boundary(end) {
                    continue;
                }
                let written = &text[start..end];
                if written == entry || alnum_before(start) || alnum_at(end) {
                    continue;
                }
                let word_start = text[..start].rfind(char::is_whitespace).map_or(0, |i| i + 1);
                let word_end = text[end..].find(char::is_whitespace).map_or(text.len(), |i| end + i);
                if is_code_like(&text[word_start..word_end]) && !entry.contains(['/', '.', '_']) {
                    continue;
                }
                if out.iter().any(|f| f.range.start < end && start < f.range.end) {
                    continue;
                }
                out.push(Finding {
                    range: start..end,
                    rule: "casing",
                    why: "written in another case than your word list".into(),
                    replacement: entry.clone(),
                });
            }
        }
        out.sort_by_key(|f| f.range.start);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixed(words: &[&str], text: &str) -> Vec<(String, String)> {
        let words: Vec<String> = words.iter().map(|w| w.to_string()).collect();
        Casing::new(&words)
            .findings(text)
            .into_iter()
            .map(|f| (text[f.range].to_string(), f.replacement))
            .collect()
    }

    #[test]
    fn a_word_in_another_case_is_found_whole() {
        let found =
            fixed(&["MySQL", "Argo CD", "binarization"], "mysql 서버와 argo cd로 배포, MySQL은 그대로");
        assert_eq!(found, [("mysql".to_string(), "MySQL".to_string()), ("argo cd".into(), "Argo CD".into())]);
    }

    #[test]
    fn parts_of_words_paths_and_addresses_are_left_alone() {
        assert!(fixed(&["Go"], "google and golang, cargo").is_empty());
        assert!(fixed(&["MySQL"], "see /etc/mysql/my.cnf and https://mysql.com").is_empty());
    }
}
