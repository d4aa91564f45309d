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

/// Writes the starter files into `dir`, creating it if needed. Refuses, and
/// writes nothing, if any of them exists already.
pub fn init(dir: &Path) -> Result<Vec<std::path::PathBuf>> {
    std::fs::create_dir_all(dir).map_err(|err| Error::io("create the folder", dir, &err))?;
    let paths: Vec<_> = FILES.iter().map(|(name, _)| dir.join(name)).collect();
    // A dangling symlink counts as existing: writing through it would
    // create a file wherever it points.
    if let Some(existing) = paths.iter().find(|p| std::fs::symlink_metadata(p).is_ok()) {
        return Err(Error::new(format!("`{}` already exists; init never overwrites", existing.display()))
            .with_hint("run it in an empty folder, or give one: `resume init my-cv`"));
    }
    for (path, (_, text)) in paths.iter().zip(FILES) {
        output::write_atomic(path, text.as_bytes())?;
    }
    Ok(paths)
}
