//! Harper's findings remembered between runs. Loading Harper's dictionary
//! costs about half a second on every run (it is expanded and built into
//! a search tree when first used, inside Harper), four times all the
//! other checks together; a text checked before with the same words
//! known is not checked again, so `check` after an edit pays only for
//! the English texts that changed.
//!
//! The file is the tool's own, in the user's cache folder
//! (`$RESUME_CACHE_DIR`, else `$XDG_CACHE_HOME/resume`, else
//! `~/.cache/resume`); nothing in a résumé chooses where it goes.
//! `RESUME_CACHE_DIR=off` turns it off. It holds a digest of each text
//! with what was found in it, never the text; a file that does not read
//! back is ignored and replaced.

use std::collections::{BTreeMap, HashSet};
use std::path::PathBuf;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::english::English;
use super::korean::Finding;

/// The Harper release the findings came from; a test holds it to the
/// one `Cargo.lock` builds.
pub(super) const HARPER: &str = "harper-core 3.0.0";

/// The filter our side puts on Harper's lints: a change to it makes every
/// remembered finding stale.
const FILTER: &str = include_str!("english.rs");

/// The cache file's name in the cache folder.
const FILE: &str = "english-findings.json";

/// How many texts are remembered: a few résumés' worth.
const KEPT: usize = 4000;

/// The largest cache file read back; a larger one is ignored.
const MAX_BYTES: u64 = 8 << 20;

/// English findings, from the cache when the text was checked before,
/// else from Harper, loaded on the first text that needs it.
pub struct RememberedEnglish {
    words: Vec<String>,
    harper: Option<English>,
    salt: Vec<u8>,
    file: Option<PathBuf>,
    stored: BTreeMap<String, Vec<Stored>>,
    used: HashSet<String>,
    changed: bool,
}

/// One finding as the file keeps it.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
struct Stored {
    start: usize,
    end: usize,
    rule: String,
    why: String,
    replacement: String,
}

/// The file's contents.
#[derive(Default, Serialize, Deserialize)]
struct CacheFile {
    /// Digest of a text (with the words known and the checker's version)
    /// to what was found in it.
    texts: BTreeMap<String, Vec<Stored>>,
}

impl RememberedEnglish {
    /// A checker knowing `words` (the résumé's own and the user's list),
    /// with the findings remembered in the user's cache folder.
    pub fn new(words: Vec<String>) -> Self {
        Self::in_folder(words, cache_folder())
    }

    /// Like [`Self::new`], remembering in `folder` (none: remembering
    /// nothing).
    pub fn in_folder(words: Vec<String>, folder: Option<PathBuf>) -> Self {
        let mut sorted = words.clone();
        sorted.sort();
        sorted.dedup();
        let mut salt = Sha256::new();
        for part in [HARPER, env!("CARGO_PKG_VERSION"), FILTER] {
            salt.update(part.as_bytes());
            salt.update([0]);
        }
        for word in &sorted {
            salt.update(word.as_bytes());
            salt.update([0]);
        }
        let file = folder.map(|f| f.join(FILE));
        let stored = file.as_ref().map(|f| read(f).texts).unwrap_or_default();
        RememberedEnglish {
            words,
            harper: None,
            salt: salt.finalize().to_vec(),
            file,
            stored,
            used: HashSet::new(),
            changed: false,
        }
    }

    /// The findings in an English `text`, byte ranges into it.
    pub fn findings(&mut self, text: &str) -> Vec<Finding> {
        let key = self.key(text);
        if let Some(found) = self.stored.get(&key).and_then(|stored| restore(stored, text)) {
            self.used.insert(key);
            return found;
        }
        let words = &self.words;
        let found = self.harper.get_or_insert_with(|| English::new(words)).findings(text);
        let stored = found
            .iter()
            .map(|f| Stored {
                start: f.range.start,
                end: f.range.end,
                rule: f.rule.to_string(),
                why: f.why.clone(),
                replacement: f.replacement.clone(),
            })
            .collect();
        self.stored.insert(key.clone(), stored);
        self.used.insert(key);
        self.changed = true;
        found
    }

    /// Whether Harper itself was loaded (a text was not remembered).
    #[cfg(test)]
    fn loaded_harper(&self) -> bool {
        self.harper.is_some()
    }

    /// Writes what was found back, keeping this run's texts first, when
    /// anything new was found. A cache that cannot be written is no
    /// error: the next run checks again.
    pub fn save(mut self) {
        let Some(file) = self.file.take().filter(|_| self.changed) else { return };
        let mut texts: BTreeMap<String, Vec<Stored>> = BTreeMap::new();
        let (used, others): (Vec<_>, Vec<_>) =
            std::mem::take(&mut self.stored).into_iter().partition(|(key, _)| self.used.contains(key));
        for (key, found) in used.into_iter().chain(others).take(KEPT) {
            texts.insert(key, found);
        }
        let Ok(json) = serde_json::to_vec(&CacheFile { texts }) else { return };
        if let Some(folder) = file.parent()
            && std::fs::create_dir_all(folder).is_ok()
        {
            let _ = crate::output::write_atomic(&file, &json);
        }
    }

    /// The digest a text is remembered by.
    fn key(&self, text: &str) -> String {
        let digest = Sha256::new().chain_update(&self.salt).chain_update(text.as_bytes()).finalize();
        digest.iter().map(|b| format!("{b:02x}")).collect()
    }
}

/// The cache folder: `$RESUME_CACHE_DIR` (`off` or empty for none),
/// else the user's cache folder.
fn cache_folder() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os("RESUME_CACHE_DIR") {
        if dir.is_empty() || dir == "off" {
            return None;
        }
        return Some(PathBuf::from(dir));
    }
    let base = match std::env::var_os("XDG_CACHE_HOME").filter(|d| !d.is_empty()) {
        Some(dir) => PathBuf::from(dir),
        None => PathBuf::from(std::env::var_os("HOME").filter(|h| !h.is_empty())?).join(".cache"),
    };
    base.is_absolute().then(|| base.join("resume"))
}

/// The file's contents; empty when it is missing, too large or unreadable.
fn read(file: &std::path::Path) -> CacheFile {
    std::fs::metadata(file)
        .ok()
        .filter(|m| m.is_file() && m.len() <= MAX_BYTES)
        .and_then(|_| std::fs::read(file).ok())
        .and_then(|bytes| serde_json::from_slice(&bytes).ok())
        .unwrap_or_default()
}

/// The stored findings as findings in `text`, or `None` when one does not
/// fit it (a range off its characters, a rule we do not have): then the
/// text is checked again.
fn restore(stored: &[Stored], text: &str) -> Option<Vec<Finding>> {
    stored
        .iter()
        .map(|s| {
            let fits = s.start <= s.end
                && s.end <= text.len()
                && text.is_char_boundary(s.start)
                && text.is_char_boundary(s.end);
            let rule = super::RULES.iter().find(|r| **r == s.rule)?;
            fits.then(|| Finding {
                range: s.start..s.end,
                rule,
                why: s.why.clone(),
                replacement: s.replacement.clone(),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "Built a toool to apply manifect files.";

    /// A fresh folder of this test's own.
    fn folder(name: &str) -> PathBuf {
        let folder = std::env::temp_dir().join(format!("resume-remembered-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&folder);
        std::fs::create_dir_all(&folder).unwrap();
        folder
    }

    fn found(found: &[Finding]) -> Vec<(std::ops::Range<usize>, &'static str, String)> {
        found.iter().map(|f| (f.range.clone(), f.rule, f.replacement.clone())).collect()
    }

    #[test]
    fn a_text_checked_before_is_not_checked_again_and_reads_the_same() {
        let folder = folder("again");
        let mut first = RememberedEnglish::in_folder(vec![], Some(folder.clone()));
        let before = found(&first.findings(TEXT));
        assert!(first.loaded_harper());
        assert!(before.iter().any(|(_, _, r)| r == "tool"), "{before:?}");
        first.save();
        let saved = std::fs::read_to_string(folder.join(FILE)).unwrap();
        assert!(!saved.contains("toool to apply"), "the text itself is never kept: {saved}");

        let mut second = RememberedEnglish::in_folder(vec![], Some(folder.clone()));
        assert_eq!(found(&second.findings(TEXT)), before);
        assert!(!second.loaded_harper(), "the remembered text loaded Harper");
        // Another word list is another checker: checked again.
        let mut other = RememberedEnglish::in_folder(vec!["toool".into()], Some(folder.clone()));
        let with_word = found(&other.findings(TEXT));
        assert!(other.loaded_harper());
        assert!(!with_word.iter().any(|(_, _, r)| r == "tool"), "{with_word:?}");
    }

    #[test]
    fn a_damaged_or_foreign_cache_is_ignored() {
        let folder = folder("damaged");
        std::fs::write(folder.join(FILE), "{ not json").unwrap();
        let mut damaged = RememberedEnglish::in_folder(vec![], Some(folder.clone()));
        let expected = found(&damaged.findings(TEXT));
        assert!(damaged.loaded_harper());
        damaged.save();
        // A finding that does not fit the text (written by another tool,
        // or edited by hand) is not trusted: the text is checked again.
        let mut cache: CacheFile =
            serde_json::from_slice(&std::fs::read(folder.join(FILE)).unwrap()).unwrap();
        for found in cache.texts.values_mut() {
            found.push(Stored {
                start: 0,
                end: 999,
                rule: "english-spelling".into(),
                why: "".into(),
                replacement: "".into(),
            });
        }
        std::fs::write(folder.join(FILE), serde_json::to_vec(&cache).unwrap()).unwrap();
        let mut again = RememberedEnglish::in_folder(vec![], Some(folder.clone()));
        assert_eq!(found(&again.findings(TEXT)), expected);
        assert!(again.loaded_harper());
    }

    #[test]
    fn the_harper_named_is_the_one_built() {
        let lock = include_str!("../../../Cargo.lock");
        let version = lock
            .split("[[package]]")
            .find(|p| p.contains("name = \"harper-core\""))
            .and_then(|p| p.lines().find_map(|l| l.strip_prefix("version = ")))
            .map(|v| v.trim_matches('"'))
            .expect("harper-core in Cargo.lock");
        assert_eq!(HARPER, format!("harper-core {version}"));
    }
}
