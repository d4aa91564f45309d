//! Which résumé a command reads: the file given, else `./resume.toml`,
//! else the built-in example, which every command falls back to and
//! `resume init --example` writes out.

use std::path::{Path, PathBuf};

use crate::error::{Error, Result};
use crate::model::Source;

/// The built-in example: the résumé every command uses when given none.
pub const EXAMPLE: &str = include_str!("../examples/builtin/resume.toml");

/// How the built-in example is named in messages.
const EXAMPLE_NAME: &str = "<built-in example>/resume.toml";

/// Finds the résumé to build: the given file, else `./resume.toml`, else
/// the built-in example. Says on stderr when it falls back to the example.
/// A file found by its name (`found`, or `./resume.toml` here) must lie in
/// its folder: a link out of it is refused, at every read.
pub fn find_source(input: Option<(&Path, bool)>) -> Result<Source> {
    let path = match input {
        Some((path, found)) => {
            if found {
                let dir = path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
                crate::input::refuse_outside(dir, path, "the résumé")?;
            }
            path.to_path_buf()
        }
        // Anything named resume.toml is the résumé, even a broken link or a
        // device: it is refused below with a reason, never skipped for the
        // built-in example.
        None if std::fs::symlink_metadata("resume.toml").is_ok() => {
            let path = PathBuf::from("resume.toml");
            crate::input::refuse_outside(Path::new("."), &path, "the résumé")?;
            path
        }
        None => {
            eprintln!(
                "note: no resume.toml here and no --input given; building the built-in example \
                 (`resume init --example DIR` writes it out to read or edit)"
            );
            return Ok(example());
        }
    };
    let text = crate::input::read_text(&path)?.ok_or_else(|| {
        Error::new(format!("cannot read `{}`: no such file", path.display()))
            .with_hint("give the résumé with `--input path/to/resume.toml`")
    })?;
    let dir = path
        .parent()
        .map(|d| if d.as_os_str().is_empty() { Path::new(".") } else { d })
        .map(Path::to_path_buf);
    Ok(Source { path, dir, text })
}

/// The built-in example as a source.
pub fn example() -> Source {
    Source { path: PathBuf::from(EXAMPLE_NAME), dir: None, text: EXAMPLE.to_string() }
}
