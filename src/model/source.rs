//! A résumé's text with where it came from, and finding a place in it: a
//! path of keys and indices to a line and column, and the nearest name to
//! a misspelt one. What reading and checking the model both need.

use std::path::PathBuf;

use std::collections::HashMap;
use std::ops::Range;
use std::sync::{Arc, Mutex};

use toml::Spanned;
use toml::de::{DeTable, DeValue};

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
    let places = places_of(&source.text)?;
    let span = places.spans.get(&path_key(path))?;
    Some(Location::from_span(&source.path, &source.text, span.clone()))
}

/// Where every key and array element of one file sits, by path. A run
/// asks for hundreds of places in the same file (`check` records where
/// every text is), and parsing the file for each was a tenth of its time.
struct Places {
    text: String,
    spans: HashMap<Vec<Part>, Range<usize>>,
}

/// One step of a path as [`Places`] files it: a key or an index.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Part {
    Key(String),
    Index(usize),
}

/// The places of the files located last, newest first: a run reads one
/// résumé, and a test process a few at once.
static PLACES: Mutex<Vec<Arc<Places>>> = Mutex::new(Vec::new());

/// How many files' places are kept.
const PLACES_KEPT: usize = 4;

/// The places in `text`, parsed once; `None` when it is not TOML.
fn places_of(text: &str) -> Option<Arc<Places>> {
    let mut kept = PLACES.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    if let Some(found) = kept.iter().position(|p| p.text == text) {
        let places = kept.remove(found);
        kept.insert(0, places.clone());
        return Some(places);
    }
    let root = DeTable::parse(text).ok()?;
    let mut spans = HashMap::new();
    for (key, value) in root.get_ref() {
        index_places(&mut spans, vec![Part::Key(key.get_ref().to_string())], value);
    }
    let places = Arc::new(Places { text: text.to_string(), spans });
    kept.insert(0, places.clone());
    kept.truncate(PLACES_KEPT);
    Some(places)
}

/// Records the span of `value` at `key`, and of everything inside it.
fn index_places(spans: &mut HashMap<Vec<Part>, Range<usize>>, key: Vec<Part>, value: &Spanned<DeValue<'_>>) {
    match value.get_ref() {
        DeValue::Table(table) => {
            for (child, inner) in table {
                let mut path = key.clone();
                path.push(Part::Key(child.get_ref().to_string()));
                index_places(spans, path, inner);
            }
        }
        DeValue::Array(items) => {
            for (index, item) in items.iter().enumerate() {
                let mut path = key.clone();
                path.push(Part::Index(index));
                index_places(spans, path, item);
            }
        }
        _ => {}
    }
    spans.insert(key, value.span());
}

/// The key [`Places`] files a path under.
fn path_key(path: &[Step]) -> Vec<Part> {
    path.iter()
        .map(|step| match step {
            Step::Key(key) => Part::Key(key.to_string()),
            Step::Name(key) => Part::Key(key.clone()),
            Step::Index(index) => Part::Index(*index),
        })
        .collect()
}
