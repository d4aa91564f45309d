//! `resume init`: a new résumé folder that builds at once.

use std::path::Path;

use crate::error::{Error, Result};
use crate::output;

/// The files written, with their contents; `examples/init/` holds them so
/// a test can build them.
pub const FILES: &[(&str, &str)] = &[
    ("resume.toml", include_str!("../examples/init/resume.toml")),
    ("ko.ftl", include_str!("../examples/init/ko.ftl")),
    ("en.ftl", include_str!("../examples/init/en.ftl")),
    ("resume.schema.json", include_str!("../examples/init/resume.schema.json")),
];

/// The built-in example as files to edit: what every command builds when
/// it finds no résumé, and what messages about it point into
/// (`<built-in example>/resume.toml:12:3`), so that a user with only the
/// binary can open the file they name.
pub const EXAMPLE_FILES: &[(&str, &str)] = &[
    ("resume.toml", crate::pipeline::EXAMPLE),
    ("resume.schema.json", include_str!("../examples/init/resume.schema.json")),
];

/// Writes the starter files (or, with `example`, the built-in example) into
/// `dir`, creating it if needed. Refuses, and writes nothing, if any of
/// them exists already.
pub fn init(dir: &Path, example: bool) -> Result<Vec<std::path::PathBuf>> {
    let files = if example { EXAMPLE_FILES } else { FILES };
    std::fs::create_dir_all(dir).map_err(|err| Error::io("create the folder", dir, &err))?;
    let paths: Vec<_> = files.iter().map(|(name, _)| dir.join(name)).collect();
    // A dangling symlink counts as existing: writing through it would
    // create a file wherever it points.
    if let Some(existing) = paths.iter().find(|p| std::fs::symlink_metadata(p).is_ok()) {
        return Err(Error::new(format!("`{}` already exists; init never overwrites", existing.display()))
            .with_hint("run it in an empty folder, or give one: `resume init my-cv`"));
    }
    for (path, (name, text)) in paths.iter().zip(files) {
        // The example's schema line points into the source tree; beside
        // the written file, the schema sits next to it.
        let text = match (*name, example) {
            ("resume.toml", true) => {
                text.replacen("#:schema ../init/resume.schema.json", "#:schema ./resume.schema.json", 1)
            }
            _ => text.to_string(),
        };
        output::write_atomic(path, text.as_bytes())?;
    }
    Ok(paths)
}
