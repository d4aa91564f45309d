//! A résumé's text with where it came from, and finding a place in it: a
//! path of keys and indices to a line and column, and the nearest name to
//! a misspelt one. What reading and checking the model both need.

use std::path::PathBuf;

use toml::de::DeTable;

use crate::error::Location;

/// A résumé file's text and where it came from.
#[derive(Debug, Clone)]
pub struct Source {
    /// How messages name the file (`resume.toml`, `<built-in example>`).
    pub path: PathBuf,
    /// The folder its translations and assets live in; `None` for the
    /// built-in example, which has none.
    pub dir: Option<PathBuf>,
    /// The TOML text.
    pub text: String,
}

/// One step of a path into the TOML document: a key or an array index.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    /// A table key.
    Key(&'static str),
    /// A position in an array.
    Index(usize),
    /// A key the user chose, such as a profile's name.
    Name(String),
}

/// The candidate nearest to `word` by edit distance, if near enough to be
/// what the user meant.
pub fn closest<'a>(word: &str, candidates: &[&'a str]) -> Option<&'a str> {
    candidates
        .iter()
        .map(|c| (edit_distance(word, c), *c))
        .filter(|(d, c)| *d <= (c.chars().count() / 3).max(1))
        .min()
        .map(|(_, c)| c)
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = (diagonal + usize::from(ca != *cb)).min(row[j] + 1).min(above + 1);
            diagonal = above;
        }
    }
    row[b.len()]
}

/// Finds where a path of keys and indices sits in the file, for messages
/// about content that parsed but is wrong.
pub fn locate(source: &Source, path: &[Step]) -> Option<Location> {
    let root = DeTable::parse(&source.text).ok()?;
    let (first, rest) = path.split_first()?;
    let Step::Key(key) = first else { return None };
    let mut node = root.get_ref().iter().find(|(k, _)| k.get_ref() == key).map(|(_, v)| v)?;
    for step in rest {
        node = match step {
            Step::Key(key) => node.get_ref().get(*key)?,
            Step::Name(key) => node.get_ref().get(key.as_str())?,
            Step::Index(index) => node.get_ref().get(*index)?,
        };
    }
    Some(Location::from_span(&source.path, &source.text, node.span()))
}
