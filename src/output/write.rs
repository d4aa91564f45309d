//! Writing output files so that a build never costs the user a file.
//!
//! Bytes go to a temporary file beside the real target, which is then
//! renamed over it: readers see the old file or the new one, never half of
//! one, and a failed build leaves an existing file untouched. Before any
//! work, [`check_target`] refuses a target that is one of the build's own
//! inputs, or that is not a regular file (a device, a FIFO, a folder); a
//! symlink is written through, so the link stays and its target changes.
//! Temporaries are named so that a maximal file name still fits, and those
//! left by a killed run are removed by the next run on the same output.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use super::Format;
use crate::error::{Error, Result};

/// The `-o` value that sends the document to standard output.
const STDOUT: &str = "-";

/// Whether a target names standard output rather than a file.
pub fn is_stdout(path: &Path) -> bool {
    path.as_os_str() == STDOUT
}

/// Checks up front that `path` can be written without harm, so a doomed
/// or destructive build fails before any work. `inputs` are the files the
/// build reads: writing over one of them would destroy the user's source.
/// An existing file is replaced only if it is a PDF (or empty): an output
/// pattern of `Makefile` or `notes.txt` must not cost the user that file.
/// With `named` unset (a default name, or a profile's pattern), the path is
/// not written through a symlink: the link may come from the untrusted
/// folder and lead anywhere; a link the user names with `-o` is followed.
pub fn check_target(path: &Path, inputs: &[PathBuf], named: bool) -> Result<()> {
    check_target_as(path, inputs, named, Format::Pdf)
}

/// [`check_target`] for a file of `format`: an existing file may be
/// replaced only by one of its own kind.
pub fn check_target_as(path: &Path, inputs: &[PathBuf], named: bool, format: Format) -> Result<()> {
    if is_stdout(path) {
        return Ok(());
    }
    refuse_source_names(path)?;
    if !named && let Some(link) = link_on_the_way(path) {
        return Err(Error::new(format!(
            "refusing to write `{}`: `{}` is a symbolic link, which a default output never follows",
            path.display(),
            link.display()
        ))
        .with_hint("remove the link, or name the output with `-o` to write through it"));
    }
    let real = resolve(path)?;
    match fs::metadata(&real) {
        Ok(meta) if meta.is_dir() => {
            return Err(Error::new(format!("cannot write `{}`: it is a folder", path.display()))
                .with_hint("give a file name, such as `-o out/resume-ko.pdf`"));
        }
        Ok(meta) if !meta.is_file() => {
            return Err(Error::new(format!(
                "refusing to write `{}`: it is not a regular file (a device, a pipe or a socket)",
                path.display()
            ))
            .with_hint("write to a file, or give `-o -` to send the PDF to standard output"));
        }
        Ok(meta) => {
            if let Some(input) = inputs.iter().find(|input| same_file(&real, input)) {
                return Err(Error::new(format!(
                    "refusing to write `{}`: it is `{}`, which this build reads",
                    path.display(),
                    input.display()
                ))
                .with_hint("choose another output with `-o`, such as `-o resume-ko.pdf`"));
            }
            if meta.len() > 0 && !(format.named_as(&real) && is_a(&real, format)) {
                let kind = format.extension().to_uppercase();
                let why = if format.named_as(&real) {
                    format!("it is not a {kind}")
                } else {
                    format!("its name does not end in `.{}`", format.extension())
                };
                return Err(Error::new(format!("refusing to replace `{}`: {why}", path.display()))
                    .with_hint(format!(
                        "move the file away first, or choose another output name ending in `.{}`",
                        format.extension()
                    )));
            }
        }
        Err(_) => {}
    }
    check_folder(path, &parent(&real))
}

/// The folder a target is written into must exist and be writable.
fn check_folder(path: &Path, dir: &Path) -> Result<()> {
    match fs::metadata(dir) {
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

/// The first symlink among the relative components of `path` (`out`, then
/// `out/a.pdf`), if any.
fn link_on_the_way(path: &Path) -> Option<PathBuf> {
    let mut prefix = PathBuf::new();
    for component in path.components() {
        prefix.push(component);
        if matches!(component, std::path::Component::Normal(_))
            && fs::symlink_metadata(&prefix).is_ok_and(|m| m.file_type().is_symlink())
        {
            return Some(prefix);
        }
    }
    None
}

/// Whether an existing file is one `format` writes, by its content: it
/// begins as every such file does, and a Word file is a ZIP holding
/// `word/document.xml` (a workbook or a backup ZIP is not).
fn is_a(path: &Path, format: Format) -> bool {
    use std::io::Read;
    let mut head = Vec::new();
    if fs::File::open(path).and_then(|f| f.take(8).read_to_end(&mut head)).is_err()
        || !format.looks_like(&head)
    {
        return false;
    }
    if format != Format::Docx {
        return true;
    }
    // The part's name stands in the ZIP's central directory, at its end.
    let mut bytes = Vec::new();
    let read = fs::File::open(path).and_then(|f| f.take(MAX_REPLACED_DOCX).read_to_end(&mut bytes));
    read.is_ok() && bytes.windows(DOCUMENT_PART.len()).any(|w| w == DOCUMENT_PART)
}

/// The part every Word document holds.
const DOCUMENT_PART: &[u8] = b"word/document.xml";

/// The largest existing Word file looked into before it is replaced; a
/// résumé's is a few tens of kilobytes.
const MAX_REPLACED_DOCX: u64 = 64 << 20;

/// Names a later build reads are never written, whatever they hold now:
/// a translation (`*.ftl`), a layout (`*.typ`) or a résumé (`*.toml`)
/// written as a PDF or a ZIP would break every build after it.
fn refuse_source_names(path: &Path) -> Result<()> {
    let extension = path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase);
    let Some(kind) = (match extension.as_deref() {
        Some("ftl") => Some("a translation"),
        Some("typ") => Some("a layout"),
        Some("toml") => Some("a résumé"),
        _ => None,
    }) else {
        return Ok(());
    };
    Err(Error::new(format!(
        "refusing to write `{}`: the name is that of {kind}, which later builds read",
        path.display()
    ))
    .with_hint("choose an output name ending in the format's extension, such as `-o resume-ko.pdf`"))
}

/// Whether two paths name one file: the same device and inode where the
/// platform has them, so hard links and `./x` spellings are caught too.
pub fn same_file(a: &Path, b: &Path) -> bool {
    let (Ok(left), Ok(right)) = (fs::metadata(a), fs::metadata(b)) else { return false };
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        left.dev() == right.dev() && left.ino() == right.ino()
    }
    #[cfg(not(unix))]
    {
        let _ = (left, right);
        matches!((fs::canonicalize(a), fs::canonicalize(b)), (Ok(x), Ok(y)) if x == y)
    }
}

/// Follows symlinks at `path` to the file they lead to, existing or not,
/// so that the link survives and its target is what gets replaced.
fn resolve(path: &Path) -> Result<PathBuf> {
    let mut current = path.to_path_buf();
    for _ in 0..40 {
        match fs::symlink_metadata(&current) {
            Ok(meta) if meta.file_type().is_symlink() => {
                let target =
                    fs::read_link(&current).map_err(|err| Error::io("follow the link", &current, &err))?;
                current = if target.is_absolute() { target } else { parent(&current).join(target) };
            }
            _ => return Ok(current),
        }
    }
    Err(Error::new(format!("cannot write `{}`: its symlinks form a loop", path.display()))
        .with_hint("choose another place with `-o`"))
}

fn parent(path: &Path) -> PathBuf {
    match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// Writes `bytes` to `path` atomically (through a symlink, to its target),
/// or to standard output for [`STDOUT`]. Stale temporaries of earlier,
/// killed runs on the same output are removed first.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    if is_stdout(path) {
        return write_stdout(bytes);
    }
    write_all_atomic(&[(path.to_path_buf(), bytes.to_vec())])
}

/// Writes several files as one: every file goes to a temporary beside its
/// target first, and only when all of them are written are they renamed
/// over their targets, so a failure leaves every target as it was (the
/// pages of an image export: all of them, or none).
pub fn write_all_atomic(files: &[(PathBuf, Vec<u8>)]) -> Result<()> {
    let mut staged: Vec<(PathBuf, PathBuf, &Path)> = Vec::new();
    for (path, bytes) in files {
        match stage(path, bytes) {
            Ok((temporary, real)) => staged.push((temporary, real, path)),
            Err(err) => {
                for (temporary, _, _) in &staged {
                    let _ = fs::remove_file(temporary);
                }
                return Err(err);
            }
        }
    }
    for (n, (temporary, real, path)) in staged.iter().enumerate() {
        if let Err(err) = fs::rename(temporary, real) {
            for (temporary, _, _) in &staged[n..] {
                let _ = fs::remove_file(temporary);
            }
            return Err(Error::io("write", path, &err)
                .with_hint("check that the folder is writable, or choose another place with `-o`"));
        }
    }
    Ok(())
}

/// Writes `bytes` to a temporary beside where `path` leads (through a
/// symlink, to its target): the temporary and the real target.
fn stage(path: &Path, bytes: &[u8]) -> Result<(PathBuf, PathBuf)> {
    let real = resolve(path)?;
    let dir = parent(&real);
    let name = real.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "output".into());
    let stem = temporary_stem(&name);
    remove_stale(&dir, &stem);
    let temporary = dir.join(format!("{stem}{}.tmp", std::process::id()));
    let result = (|| {
        let mut file = fs::File::create(&temporary)?;
        if let Ok(meta) = fs::metadata(&real) {
            // A replaced file keeps its permissions.
            let _ = file.set_permissions(meta.permissions());
        }
        file.write_all(bytes)?;
        file.sync_all()
    })();
    match result {
        Ok(()) => Ok((temporary, real)),
        Err(err) => {
            let _ = fs::remove_file(&temporary);
            Err(Error::io("write", path, &err)
                .with_hint("check that the folder exists and is writable, or choose another place with `-o`"))
        }
    }
}

fn write_stdout(bytes: &[u8]) -> Result<()> {
    use std::io::IsTerminal;
    let mut stdout = std::io::stdout().lock();
    if stdout.is_terminal() {
        return Err(Error::new("refusing to print a PDF to the terminal")
            .with_hint("redirect it (`-o - > resume.pdf`, or a pipe), or give a file with `-o`"));
    }
    stdout
        .write_all(bytes)
        .and_then(|()| stdout.flush())
        .map_err(|err| Error::new(format!("cannot write to standard output: {err}")))
}

/// The longest file name most file systems allow, in bytes.
const NAME_MAX: usize = 255;

/// The start of every temporary name for an output: a dot, as much of the
/// name as fits, and a hash of the whole name (so two long names that
/// share a beginning do not share temporaries), then the process id.
fn temporary_stem(name: &str) -> String {
    let hash =
        name.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3));
    // Dot, name, `.`, 8 hex digits, `.`, up to 10 digits of pid, `.tmp`.
    let room = NAME_MAX - (1 + 1 + 8 + 1 + 10 + 4);
    let mut end = name.len().min(room);
    while !name.is_char_boundary(end) {
        end -= 1;
    }
    format!(".{}.{:08x}.", &name[..end], hash as u32)
}

/// Removes temporaries for this output whose process is gone: a run killed
/// mid-write (`kill -9`, a power cut) must not leave full-size files behind
/// for good. A temporary of a live process is left alone.
fn remove_stale(dir: &Path, stem: &str) {
    let Ok(entries) = fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(pid) =
            name.to_str().and_then(|n| n.strip_prefix(stem)).and_then(|rest| rest.strip_suffix(".tmp"))
        else {
            continue;
        };
        let Ok(pid) = pid.parse::<u32>() else { continue };
        if pid != std::process::id() && !process_alive(pid) {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// Whether a process id is in use. Where that cannot be told, it is
/// assumed alive, so nothing that might be in use is removed.
fn process_alive(pid: u32) -> bool {
    let proc = Path::new("/proc");
    if proc.join("self").exists() { proc.join(pid.to_string()).exists() } else { true }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scratch(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("resume-output-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        dir
    }

    #[test]
    fn replaces_whole_file_and_leaves_no_temporary() {
        let dir = scratch("replace");
        let target = dir.join("a.pdf");
        write_atomic(&target, b"first").unwrap();
        write_atomic(&target, b"second").unwrap();
        assert_eq!(fs::read(&target).unwrap(), b"second");
        assert_eq!(fs::read_dir(&dir).unwrap().count(), 1);
        assert!(check_target(&dir, &[], true).is_err());
        assert!(check_target(&dir.join("missing/x.pdf"), &[], true).is_err());
        fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_maximal_name_still_fits_its_temporary() {
        let dir = scratch("long");
        let target = dir.join(format!("{}.pdf", "가".repeat(83)));
        assert!(target.file_name().unwrap().len() <= NAME_MAX);
        write_atomic(&target, b"pdf").unwrap();
        assert_eq!(fs::read(&target).unwrap(), b"pdf");
        fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn stale_temporaries_of_dead_processes_are_removed() {
        let dir = scratch("stale");
        let stem = temporary_stem("a.pdf");
        // Process ids above the kernel's maximum (4,194,304) are never in use.
        let stale = dir.join(format!("{stem}4999999.tmp"));
        let other = dir.join(format!("{}4999999.tmp", temporary_stem("b.pdf")));
        fs::write(&stale, b"half").unwrap();
        fs::write(&other, b"half").unwrap();
        write_atomic(&dir.join("a.pdf"), b"pdf").unwrap();
        assert!(!stale.exists());
        assert!(other.exists(), "another output's temporary is not ours to remove");
        fs::remove_dir_all(&dir).unwrap();
    }
}
