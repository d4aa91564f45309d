//! Reading the files of a résumé folder, which is untrusted input.
//!
//! A cloned repository or a downloaded template may hold a symlink to
//! `/dev/zero`, a FIFO that never ends, or a file of gigabytes. Every file
//! the tool reads on a résumé's behalf comes through here: only regular
//! files, each under a size cap, and text that is not UTF-8 is an error
//! that names the line and column of the first bad byte.

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

use crate::error::{Error, Location, Result};

/// The largest résumé, translation or layout source read (text files of a
/// few kilobytes in practice).
pub const MAX_TEXT: u64 = 8 << 20;

/// The largest image, font or data file a layout may read.
pub const MAX_ASSET: u64 = 64 << 20;

/// Why a file could not be read, before any message is phrased: the world
/// turns these into Typst diagnostics, everything else into [`Error`]s.
#[derive(Debug)]
pub enum Refusal {
    /// The file does not exist (often fine: an optional `.ftl`).
    Missing,
    /// A device, FIFO, socket or folder.
    NotRegular,
    /// Larger than the cap.
    TooLarge(u64),
    /// Any other I/O failure.
    Io(std::io::Error),
}

impl Refusal {
    /// The refusal phrased for people, naming the file.
    pub fn to_error(&self, action: &str, path: &Path, cap: u64) -> Error {
        match self {
            Refusal::Missing => Error::new(format!("cannot {action} `{}`: no such file", path.display())),
            Refusal::NotRegular => Error::new(format!(
                "refusing to {action} `{}`: it is not a regular file (a device, a pipe or a folder)",
                path.display()
            ))
            .with_hint("a résumé folder may only hold ordinary files; replace it with a real file"),
            Refusal::TooLarge(size) => Error::new(format!(
                "refusing to {action} `{}`: it has {} MiB, more than the {} MiB allowed",
                path.display(),
                size >> 20,
                cap >> 20
            ))
            .with_hint("a résumé's files are small; check that this is the file you meant"),
            Refusal::Io(err) => Error::io(action, path, err),
        }
    }
}

/// Reads a regular file of at most `cap` bytes. The size is checked both
/// before reading and while reading, so a file that grows meanwhile (or a
/// `/proc` file that claims size 0) cannot run past the cap.
pub fn read_capped(path: &Path, cap: u64) -> std::result::Result<Vec<u8>, Refusal> {
    let meta = match fs::metadata(path) {
        Ok(meta) => meta,
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => return Err(Refusal::Missing),
        Err(err) => return Err(Refusal::Io(err)),
    };
    if !meta.is_file() {
        return Err(Refusal::NotRegular);
    }
    if meta.len() > cap {
        return Err(Refusal::TooLarge(meta.len()));
    }
    let file = fs::File::open(path).map_err(Refusal::Io)?;
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.take(cap + 1).read_to_end(&mut bytes).map_err(Refusal::Io)?;
    if bytes.len() as u64 > cap {
        return Err(Refusal::TooLarge(bytes.len() as u64));
    }
    Ok(bytes)
}

/// Reads standard input as a text the user gave in place of a file
/// (`-`), capped like a file: a pipe that never ends, or one of
/// gigabytes, cannot take the machine's memory. `what` names it in the
/// error, with `hint`.
pub fn read_stdin_text(what: &str, hint: &str) -> Result<String> {
    let mut bytes = Vec::new();
    std::io::stdin()
        .take(MAX_TEXT + 1)
        .read_to_end(&mut bytes)
        .map_err(|err| Error::new(format!("cannot read standard input: {err}")))?;
    if bytes.len() as u64 > MAX_TEXT {
        return Err(
            Error::new(format!("{what} on standard input is over {} MB", MAX_TEXT >> 20)).with_hint(hint)
        );
    }
    decode(Path::new("<stdin>"), bytes)
}

/// Reads a text file the user wrote (a résumé, a translation), as UTF-8.
/// `Ok(None)` when it does not exist.
pub fn read_text(path: &Path) -> Result<Option<String>> {
    match read_capped(path, MAX_TEXT) {
        Ok(bytes) => decode(path, bytes).map(Some),
        Err(Refusal::Missing) => Ok(None),
        Err(refusal) => Err(refusal.to_error("read", path, MAX_TEXT)),
    }
}

/// [`read_text`] for a format whose first line must start at its first
/// column (Fluent): a UTF-8 byte-order mark is dropped, not padded.
pub fn read_text_without_bom(path: &Path) -> Result<Option<String>> {
    match read_capped(path, MAX_TEXT) {
        Ok(bytes) => {
            let bytes = match bytes.strip_prefix(b"\xEF\xBB\xBF") {
                Some(rest) => rest.to_vec(),
                None => bytes,
            };
            decode(path, bytes).map(Some)
        }
        Err(Refusal::Missing) => Ok(None),
        Err(refusal) => Err(refusal.to_error("read", path, MAX_TEXT)),
    }
}

/// Decodes UTF-8, or says where it is not: the line and column of the
/// first bad byte, and whether the file is UTF-16 (which editors on
/// Windows write), which needs converting rather than fixing.
pub fn decode(path: &Path, bytes: Vec<u8>) -> Result<String> {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) || looks_like_utf16(&bytes) {
        return Err(Error::new(format!("`{}` is UTF-16 text, not UTF-8", path.display())).with_hint(
            "save it as UTF-8 (in most editors: Save with Encoding → UTF-8), or convert it: iconv -f UTF-16 -t UTF-8",
        ));
    }
    match String::from_utf8(bytes) {
        Ok(mut text) => {
            if text.starts_with('\u{FEFF}') {
                // A byte-order mark is harmless; replacing it with a space
                // keeps every later column where the user sees it.
                text.replace_range(..3, "   ");
            }
            Ok(text)
        }
        Err(err) => {
            let valid = err.utf8_error().valid_up_to();
            let bytes = err.into_bytes();
            let before = String::from_utf8_lossy(&bytes[..valid]);
            let line_start = before.rfind('\n').map_or(0, |i| i + 1);
            let line_end = bytes[valid..].iter().position(|b| *b == b'\n').map_or(bytes.len(), |i| valid + i);
            let line = String::from_utf8_lossy(&bytes[line_start..line_end]).into_owned();
            let location = Location {
                file: path.display().to_string(),
                line: before.matches('\n').count() + 1,
                column: before[line_start..].chars().count() + 1,
                source_line: line,
                width: 1,
            };
            Err(Error::new(format!(
                "`{}` is not UTF-8 text: byte 0x{:02X} cannot start a character",
                path.display(),
                bytes[valid]
            ))
            .at(location)
            .with_hint("save the file as UTF-8; a file saved as EUC-KR or CP949 converts with: iconv -f CP949 -t UTF-8"))
        }
    }
}

/// UTF-16 without a byte-order mark: every other byte of ASCII text is 0.
fn looks_like_utf16(bytes: &[u8]) -> bool {
    let sample = &bytes[..bytes.len().min(64)];
    sample.len() >= 4 && sample.iter().filter(|b| **b == 0).count() * 3 >= sample.len()
}

/// Whether `path`, with every symlink resolved, lies inside `root` (itself
/// resolved). A symlink inside a résumé folder that leads out of it must
/// not make `/etc` readable to a layout.
pub fn contained(root: &Path, path: &Path) -> std::result::Result<PathBuf, PathBuf> {
    let root = fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf());
    match fs::canonicalize(path) {
        Ok(real) if real.starts_with(&root) => Ok(real),
        Ok(real) => Err(real),
        // A missing file cannot leak anything; reading it reports it missing.
        Err(_) => Ok(path.to_path_buf()),
    }
}

/// A file found by its conventional name in a folder (`resume.toml`,
/// `en.ftl`) is part of that folder's résumé: a symlink that leads out of
/// the folder would print someone's `~/.env` into the PDF, so it is
/// refused. Files named on the command line are the user's choice.
pub fn refuse_outside(dir: &Path, path: &Path, what: &str) -> Result<()> {
    match contained(dir, path) {
        Ok(_) => Ok(()),
        Err(real) => Err(Error::new(format!(
            "refusing to read `{}` as {what}: it is a link to `{}`, outside the résumé's folder",
            path.display(),
            real.display()
        ))
        .with_hint("replace the link with a copy of the file: files found by their name must live in the résumé's folder")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bad_utf8_is_located() {
        let err = decode(Path::new("r.toml"), b"a = 1\nname = \"\xB1\xE8\"\n".to_vec()).unwrap_err();
        let location = err.location.unwrap();
        assert_eq!((location.line, location.column), (2, 9));
        assert!(err.message.contains("0xB1"), "{}", err.message);
    }

    #[test]
    fn utf16_is_named() {
        let bytes: Vec<u8> = "[person]\nname = 'A'\n".encode_utf16().flat_map(u16::to_le_bytes).collect();
        let err = decode(Path::new("r.toml"), bytes).unwrap_err();
        assert!(err.message.contains("UTF-16"), "{}", err.message);
    }
}
