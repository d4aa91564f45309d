//! Where a build's files go: output patterns (`{profile}-{lang}.pdf`),
//! `-o` as a file, a folder or standard output, each target checked
//! against the files the build reads, and two builds never sharing one.

use std::path::{Path, PathBuf};

use crate::error::{Error, Result};
use crate::i18n::Language;
use crate::output::{self, Format};

/// Where a job's files go: `-o` (a file, a folder or `-`), the file name
/// pattern (`{profile}-{lang}.pdf`), the profile, and whether every
/// profile is built (then `-o` is a folder).
#[derive(Debug, Clone, Copy)]
pub struct Place<'a> {
    /// `-o`, if given (or `out/` for `--profile all`).
    pub output: Option<&'a Path>,
    /// The file name pattern.
    pub pattern: &'a str,
    /// The profile, for `{profile}`.
    pub profile: Option<&'a str>,
    /// Whether `output` is a folder whatever its name.
    pub folder: bool,
}

/// Where each language's PDF goes. `pattern` names the file (`{lang}` and
/// `{profile}` are replaced); `output` is a file for a single language, or a
/// folder (always, when `folder` is set, as for `--profile all`), or `-`
/// for standard output. Every target is checked against `inputs`, the
/// files the build reads, so that no build writes over its own source;
/// `named` says the user gave `output` with `-o` (see
/// [`output::check_target`]).
pub fn targets(
    languages: &[Language],
    place: &Place,
    formats: &[Format],
    inputs: &[PathBuf],
    named: bool,
) -> Result<Vec<(Language, PathBuf)>> {
    let Place { output, pattern, profile, folder } = *place;
    let several = languages.len() > 1 || folder;
    if output.is_some_and(output::is_stdout) && several {
        return Err(Error::new("`-o -` sends one document to standard output, but this build makes several")
            .with_hint("build one language (`--lang ko`) and one profile, or give a folder with `-o`"));
    }
    if output.is_some_and(output::is_stdout) && (formats.len() != 1 || formats[0].paged()) {
        return Err(Error::new(
            "`-o -` sends one document to standard output, but images are one file per page",
        )
        .with_hint("give a folder or a file name with `-o`: `-o out/` writes out/resume-ko-1.png, …"));
    }
    let name = |l: &Language| file_name(pattern, profile, *l);
    let targets: Vec<(Language, PathBuf)> = languages
        .iter()
        .map(|l| {
            let path = match output {
                None => PathBuf::from(name(l)),
                Some(dir) if several || dir.is_dir() || dir.to_string_lossy().ends_with('/') => {
                    dir.join(name(l))
                }
                Some(file) => file.to_path_buf(),
            };
            (*l, path)
        })
        .collect();
    for (_, path) in &targets {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty())
            && !output::is_stdout(path)
            && (named || std::fs::symlink_metadata(dir).is_err())
        {
            std::fs::create_dir_all(dir).map_err(|err| {
                Error::io("create the folder", dir, &err).with_hint("choose another place with `-o`")
            })?;
        }
        for format in formats {
            // An image's pages are checked again when their number is
            // known; the first page is checked now, before any work.
            match format {
                Format::Pdf => output::check_target(path, inputs, named)?,
                document if !document.paged() => {
                    for file in document.paths(path, 1) {
                        output::check_target_as(&file, inputs, named, *document)?;
                    }
                }
                image => output::check_target_as(&image.page_path(path, 1), inputs, named, *image)?,
            }
        }
    }
    Ok(targets)
}

/// A file name from an output pattern (`{profile}-{lang}.pdf`): what a
/// build writes, and what an unwritten one (`serve`'s) offers to download.
pub fn file_name(pattern: &str, profile: Option<&str>, language: Language) -> String {
    pattern.replace("{lang}", language.code).replace("{profile}", profile.unwrap_or("resume"))
}
