//! Writing output files so that a failure never costs the user a file.
//!
//! Bytes go to a temporary file in the target's folder, which is then
//! renamed over the target: readers see the old file or the new one, never
//! half of one, and a failed build leaves an existing file untouched.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// Checks up front that `path` can be written, so a doomed build fails
/// before any work.
pub fn check_writable(path: &Path) -> Result<()> {
    if path.is_dir() {
        return Err(Error::new(format!("cannot write `{}`: it is a folder", path.display()))
            .with_hint("give a file name, such as `-o out/resume-ko.pdf`"));
    }
    let dir = parent(path);
    match fs::metadata(&dir) {
        Ok(meta) if meta.is_dir() => {
            if meta.permissions().readonly() {
                return Err(Error::new(format!(
                    "cannot write into `{}`: the folder is read-only",
                    dir.display()
                ))
                .with_hint("choose another place with `-o`"));
            }
            Ok(())
        }
        Ok(_) => {
            Err(Error::new(format!("cannot write `{}`: `{}` is not a folder", path.display(), dir.display()))
                .with_hint("choose another place with `-o`"))
        }
        Err(_) => Err(Error::new(format!(
            "cannot write `{}`: the folder `{}` does not exist",
            path.display(),
            dir.display()
        ))
        .with_hint(format!(
            "create it first (mkdir -p {}), or choose another place with `-o`",
            dir.display()
        ))),
    }
}

fn parent(path: &Path) -> PathBuf {
    match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// Writes `bytes` to `path` atomically.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    let dir = parent(path);
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("output");
    let temporary = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = (|| {
        let mut file = fs::File::create(&temporary)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        fs::rename(&temporary, path)
    })();
    result.map_err(|err| {
        let _ = fs::remove_file(&temporary);
        Error::io("write", path, &err)
            .with_hint("check that the folder exists and is writable, or choose another place with `-o`")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_whole_file_and_leaves_no_temporary() {
        let dir = std::env::temp_dir().join(format!("resume-output-{}", std::process::id()));
        fs::create_dir_all(&dir).unwrap();
        let target = dir.join("a.pdf");
        write_atomic(&target, b"first").unwrap();
        write_atomic(&target, b"second").unwrap();
        assert_eq!(fs::read(&target).unwrap(), b"second");
        assert_eq!(fs::read_dir(&dir).unwrap().count(), 1);
        assert!(check_writable(&dir).is_err());
        assert!(check_writable(&dir.join("missing/x.pdf")).is_err());
        fs::remove_dir_all(&dir).unwrap();
    }
}
