//! The dictionary of technologies, tools and domains a posting is read
//! for (`terms.txt`, shipped; `[tailor] terms` adds the user's), and the
//! one matcher both the posting and the résumé are searched with, so a
//! term found in one is found the same way in the other.

use std::ops::Range;

/// The shipped dictionary.
const SHIPPED: &str = include_str!("terms.txt");

/// A term: the name it is reported by, and every way it is written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    /// As reported (`Kubernetes`).
    pub name: String,
    /// The name and its other spellings (`k8s`, `쿠버네티스`).
    pub spellings: Vec<String>,
}

/// Every term known: the shipped ones, then the user's.
#[derive(Debug, Clone)]
pub struct Terms {
    terms: Vec<Term>,
}

impl Terms {
    /// The shipped dictionary with `extra` (`"Vespa" = ["vespa.ai"]`)
    /// added; a user's name that is shipped too gains the spellings.
    pub fn new(extra: &std::collections::BTreeMap<String, Vec<String>>) -> Self {
        let mut terms: Vec<Term> = SHIPPED.lines().filter_map(parse_line).collect();
        for (name, spellings) in extra {
            let mut all = vec![name.clone()];
            all.extend(spellings.iter().cloned());
            match terms.iter_mut().find(|t| t.name.eq_ignore_ascii_case(name)) {
                Some(term) => term.spellings.extend(all),
                None => terms.push(Term { name: name.clone(), spellings: all }),
            }
        }
        Terms { terms }
    }

    /// Every term.
    pub fn all(&self) -> &[Term] {
        &self.terms
    }

    /// The term `word` is a spelling of, if any.
    pub fn named(&self, word: &str) -> Option<&Term> {
        self.terms.iter().find(|t| t.spellings.iter().any(|s| same_spelling(s, word)))
    }

    /// Every term in `text`, with where it was written; a longer term wins
    /// over one it contains (`Spring Boot` over `Spring`).
    pub fn find<'t>(&'t self, text: &str) -> Vec<(&'t Term, Range<usize>)> {
        let mut found: Vec<(&Term, Range<usize>)> = Vec::new();
        let mut all: Vec<(&Term, &String)> =
            self.terms.iter().flat_map(|t| t.spellings.iter().map(move |s| (t, s))).collect();
        all.sort_by_key(|(_, s)| std::cmp::Reverse(s.len()));
        for (term, spelling) in all {
            for range in occurrences(text, spelling) {
                if !found.iter().any(|(_, r)| r.start < range.end && range.start < r.end) {
                    found.push((term, range));
                }
            }
        }
        found.sort_by_key(|(_, r)| r.start);
        found
    }
}

/// `Name | spelling, spelling`; comments and blank lines are none.
fn parse_line(line: &str) -> Option<Term> {
    let line = line.trim();
    if line.is_empty() || line.starts_with('#') {
        return None;
    }
    let (name, rest) = line.split_once('|').unwrap_or((line, ""));
    let name = name.trim().to_string();
    let mut spellings = vec![name.clone()];
    spellings.extend(rest.split(',').map(str::trim).filter(|s| !s.is_empty()).map(str::to_string));
    Some(Term { name, spellings })
}

/// Whether two spellings are one: case aside, except for the short ones
/// (`Go`, `C`, `R`, `CI`), whose case tells a name from a word.
fn same_spelling(a: &str, b: &str) -> bool {
    if is_short(a) { a == b } else { a.to_lowercase() == b.to_lowercase() }
}

fn is_short(spelling: &str) -> bool {
    spelling.chars().count() <= 2 && spelling.is_ascii()
}

/// Where `spelling` is written in `text` as a word of its own: no Latin
/// letter or digit joined on either side (a Korean particle may follow:
/// `쿠버네티스를`, `Kafka를`), case aside except for short spellings.
pub fn occurrences(text: &str, spelling: &str) -> Vec<Range<usize>> {
    if spelling.is_empty() {
        return Vec::new();
    }
    let short = is_short(spelling);
    let (haystack, needle) = if short {
        (text.to_string(), spelling.to_string())
    } else {
        (text.to_lowercase(), spelling.to_lowercase())
    };
    // Lowercasing may change byte lengths outside ASCII; then read as is.
    let (haystack, needle) = if haystack.len() == text.len() {
        (haystack, needle)
    } else {
        (text.to_string(), spelling.to_string())
    };
    let hangul_spelling = spelling.chars().next().is_some_and(is_hangul);
    let mut out = Vec::new();
    for (start, _) in haystack.match_indices(&needle) {
        let end = start + needle.len();
        let before = text[..start].chars().last();
        let after = text[end..].chars().next();
        let joined = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric() || c == '_');
        // A Korean term is a word's start: `검색` in `검색엔진`, never in `재검색`.
        let hangul_before = hangul_spelling && before.is_some_and(is_hangul);
        // `C` in `C++` or `C#`, `Go` in `Go-to`: another term.
        let continues = short && matches!(after, Some('+' | '#' | '-' | '&' | '.' | '\''));
        let continued = short && matches!(before, Some('-' | '.' | '/' | '\''));
        if !joined(before) && !joined(after) && !hangul_before && !continues && !continued {
            out.push(start..end);
        }
    }
    out
}

use crate::model::is_hangul;

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str) -> Vec<String> {
        Terms::new(&Default::default()).find(text).into_iter().map(|(t, _)| t.name.clone()).collect()
    }

    #[test]
    fn terms_are_found_in_both_languages_as_words() {
        assert_eq!(names("쿠버네티스와 Kafka를 이용한 MSA 설계"), ["Kubernetes", "Kafka", "Microservices"]);
        assert_eq!(names("Spring Boot, golang and k8s"), ["Spring Boot", "Go", "Kubernetes"]);
        assert_eq!(names("C++ and C# and C, not R&D"), ["C++", "C#", "C"]);
        assert!(names("we go beyond; cargo, google, going").is_empty());
        assert!(names("재검색 없이").is_empty(), "a Korean term starts a word");
    }

    #[test]
    fn the_users_terms_are_added() {
        let extra = [("Temporal".to_string(), vec!["temporal.io".to_string()])].into_iter().collect();
        let terms = Terms::new(&extra);
        assert_eq!(terms.find("workflows on temporal.io")[0].0.name, "Temporal");
    }
}
