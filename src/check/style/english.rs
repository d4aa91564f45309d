//! English spelling and grammar, offline, with Harper: each finding at
//! its characters with Harper's rule and suggestion. The résumé's own
//! names (the person, companies, projects, technologies, tags, links'
//! hosts) and the words the user lists (`[check] words`) are never
//! misspellings; code-like words are never read.

use std::sync::Arc;

use harper_core::linting::{LintGroup, Linter, Suggestion};
use harper_core::parsers::PlainEnglish;
use harper_core::spell::{FstDictionary, MergedDictionary, MutableDictionary};
use harper_core::{Dialect, DictWordMetadata, Document};

use super::korean::Finding;

/// A Harper linter that knows the résumé's own words.
pub struct English {
    dictionary: Arc<MergedDictionary>,
    linter: LintGroup,
    /// The known words, lowercased, for lints Harper makes about case.
    known: Vec<String>,
}

impl English {
    /// A linter whose dictionary adds `words` (names, technologies, the
    /// user's list) to Harper's.
    pub fn new(words: &[String]) -> Self {
        let mut own = MutableDictionary::new();
        let mut known = Vec::new();
        for word in words.iter().flat_map(|w| w.split(|c: char| !c.is_alphanumeric() && c != '\'')) {
            if word.is_empty() {
                continue;
            }
            // One letter (`kakao i`) is known, but no word of the dictionary.
            if word.chars().count() > 1 {
                own.append_word_str(word, DictWordMetadata::default());
            }
            known.push(word.to_lowercase());
        }
        let mut merged = MergedDictionary::new();
        merged.add_dictionary(FstDictionary::curated());
        merged.add_dictionary(Arc::new(own));
        let dictionary = Arc::new(merged);
        let linter = LintGroup::new_curated(dictionary.clone(), Dialect::American);
        known.sort();
        known.dedup();
        English { dictionary, linter, known }
    }

    /// The findings in an English `text`, byte ranges into it.
    pub fn findings(&mut self, text: &str) -> Vec<Finding> {
        let document = Document::new(text, &PlainEnglish, &self.dictionary);
        let chars: Vec<(usize, char)> = text.char_indices().collect();
        let byte = |index: usize| chars.get(index).map_or(text.len(), |(at, _)| *at);
        let mut out: Vec<Finding> = Vec::new();
        let mut lints = self.linter.lint(&document);
        lints.sort_by_key(|l| (l.span.start, l.priority));
        for lint in lints {
            let range = byte(lint.span.start)..byte(lint.span.end);
            if range.is_empty() || out.iter().any(|f| f.range.start < range.end && range.start < f.range.end)
            {
                continue;
            }
            // The word the lint is about, whole: code is never read, and
            // the résumé's own words are never wrong.
            let word_start = text[..range.start].rfind(char::is_whitespace).map_or(0, |i| i + 1);
            let word_end = text[range.end..].find(char::is_whitespace).map_or(text.len(), |i| range.end + i);
            let word = &text[word_start..word_end];
            let flagged = text[range.clone()].to_lowercase();
            // An acronym (`NAS`, `TPS`) is a name, never a misspelling.
            let acronym = flagged.len() >= 2
                && text[range.clone()].chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit());
            if is_code_like(word) || self.known.contains(&flagged) || acronym {
                continue;
            }
            let replacement = match lint.suggestions.first() {
                Some(Suggestion::ReplaceWith(chars)) => chars.iter().collect(),
                Some(Suggestion::InsertAfter(chars)) => {
                    format!("{}{}", &text[range.clone()], chars.iter().collect::<String>())
                }
                Some(Suggestion::Remove) => String::new(),
                None => continue,
            };
            // Harper's own words for it, and its kind of rule.
            let rule = match lint.lint_kind {
                harper_core::linting::LintKind::Spelling => "english-spelling",
                harper_core::linting::LintKind::Capitalization => "english-capitalization",
                harper_core::linting::LintKind::Punctuation => "english-punctuation",
                _ => "english-grammar",
            };
            out.push(Finding { range, rule, why: lint.message, replacement });
        }
        out
    }
}

/// Whether a word looks like code: a path, an address, a file, an
/// identifier, a flag.
pub(super) fn is_code_like(word: &str) -> bool {
    word.contains(['/', '\\', '_', '=', '<', '>', '`', '{', '}', '[', ']', '$', '#', '@', '*', ','])
        || word.contains("://")
        || word.contains("--")
        || word.trim_matches(|c: char| !c.is_alphanumeric()).contains('.')
        || word.starts_with(['-', '.', '~', '('])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(words: &[&str], text: &str) -> Vec<(String, String)> {
        let words: Vec<String> = words.iter().map(|w| w.to_string()).collect();
        English::new(&words)
            .findings(text)
            .into_iter()
            .map(|f| (text[f.range.clone()].to_string(), f.replacement))
            .collect()
    }

    #[test]
    fn misspellings_and_grammar_are_found_with_a_suggestion() {
        let found = found(&[], "Built a toool to apply manifect files. This is an test.");
        assert!(found.contains(&("toool".into(), "tool".into())), "{found:?}");
        assert!(found.contains(&("manifect".into(), "manifest".into())), "{found:?}");
        assert!(found.contains(&("an".into(), "a".into())), "{found:?}");
    }

    #[test]
    fn the_resumes_own_words_and_code_are_never_wrong() {
        let text = "Ran kakaoenterprise services on etcd with helmfile (see deploy.yaml and --force).";
        assert_eq!(found(&["kakaoenterprise", "etcd", "helmfile"], text), Vec::<(String, String)>::new());
    }
}
