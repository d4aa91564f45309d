//! `resume init`: a new résumé folder that builds at once.

use std::path::Path;

use crate::error::{Error, Result};
use crate::output;

/// The files written, with their contents; `examples/init/` holds them so
/// a test can build them.
const FILES: &[(&str, &str)] = &[
    ("resume.toml", include_str!("../examples/init/resume.toml")),
    ("ko.ftl", include_str!("../examples/init/ko.ftl")),
    ("en.ftl", include_str!("../examples/init/en.ftl")),
    ("resume.schema.json", include_str!("../examples/init/resume.schema.json")),
];

/// The built-in example as files to edit: what every command builds when
/// it finds no résumé, and what messages about it point into
/// (`<built-in example>/resume.toml:12:3`), so that a user with only the
/// binary can open the file they name.
const EXAMPLE_FILES: &[(&str, &str)] = &[
    ("resume.toml", crate::source::EXAMPLE),
    ("resume.schema.json", include_str!("../examples/init/resume.schema.json")),
];

/// Writes the starter files (or, with `example`, the built-in example) into
/// `dir`, creating it if needed. Refuses, and writes nothing, if any of
/// them exists already. `source` is the language its plain strings will
/// be written in, when it is not Korean: the starter says so in
/// `[resume] source`.
pub fn init(dir: &Path, example: bool, source: Option<&str>) -> Result<Vec<std::path::PathBuf>> {
    if let Some(code) = source
        && !crate::i18n::LANGUAGES.iter().any(|l| l.code == code)
    {
        let codes: Vec<&str> = crate::i18n::LANGUAGES.iter().map(|l| l.code).collect();
        return Err(Error::new(format!("`--lang {code}` is not a language of this tool"))
            .with_hint(format!("give one of: {}", codes.join(", "))));
    }
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
            ("resume.toml", false) if source.is_some_and(|s| s != crate::i18n::DEFAULT_LANGUAGE) => {
                let code = source.unwrap_or_default();
                text.replacen(
                    "\n[person]\n",
                    &format!(
                        "\n# Plain strings of prose below are written in `{code}`: `i18n missing` lists\n\
                         # them for the other languages.\n[resume]\nsource = \"{code}\"\n\n[person]\n"
                    ),
                    1,
                )
            }
            _ => text.to_string(),
        };
        output::write_atomic(path, text.as_bytes())?;
    }
    Ok(paths)
}

/// Starts a layout of the user's: `layouts/NAME.typ` in `dir`, a copy of
/// the built-in layout `from`, which imports the layout library by the
/// same path the built-in ones do, so it builds as it is. Refuses to
/// overwrite a file or to shadow a built-in name.
pub fn new_layout(dir: &Path, name: &str, from: &str) -> Result<std::path::PathBuf> {
    use crate::typeset::world::{LAYOUTS, builtin_layout};
    let names = || LAYOUTS.iter().map(|l| l.name).collect::<Vec<_>>().join(", ");
    let Some(base) = builtin_layout(from) else {
        return Err(Error::new(format!("there is no built-in layout named `{from}`"))
            .with_hint(format!("start from one of: {}", names())));
    };
    if !crate::typeset::world::is_layout_name(name) {
        return Err(Error::new(format!("`{name}` is not a layout name"))
            .with_hint("use lowercase letters, digits and hyphens: `my-classic`"));
    }
    if builtin_layout(name).is_some() {
        return Err(Error::new(format!("`{name}` is a built-in layout"))
            .with_hint(format!("choose another name; the built-in ones are {}", names())));
    }
    let folder = dir.join("layouts");
    std::fs::create_dir_all(&folder).map_err(|err| Error::io("create the folder", &folder, &err))?;
    // A `layouts` link that leads out of the folder is not written through.
    if let Err(real) = crate::input::contained(dir, &folder) {
        return Err(Error::new(format!(
            "refusing to write into `{}`: it is a link to `{}`, outside the résumé's folder",
            folder.display(),
            real.display()
        ))
        .with_hint("replace the link with a folder of its own"));
    }
    let path = folder.join(format!("{name}.typ"));
    if std::fs::symlink_metadata(&path).is_ok() {
        return Err(Error::new(format!(
            "`{}` already exists; a new layout never overwrites",
            path.display()
        ))
        .with_hint("choose another name, or edit that file"));
    }
    let header = format!(
        "// {name}: started from the built-in layout `{from}`. Build with\n\
         //   resume pdf --layout {name}\n\
         // or `layout = \"{name}\"` in a profile. The view it reads is what\n\
         // `resume export --format json` prints; the library it imports is\n\
         // built into resume, so this file stays short.\n\n"
    );
    output::write_atomic(&path, format!("{header}{}", base.source).as_bytes())?;
    Ok(path)
}
