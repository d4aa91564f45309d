//! Shared helpers: run the real binary in a fresh folder, and read PDFs
//! back with lopdf, a reader independent of the code that wrote them.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::atomic::{AtomicUsize, Ordering};

use lopdf::{Document, Object};

/// A fresh, empty folder under the target directory, removed on drop.
pub struct Scratch(pub PathBuf);

impl Scratch {
    pub fn new(name: &str) -> Self {
        static COUNTER: AtomicUsize = AtomicUsize::new(0);
        let n = COUNTER.fetch_add(1, Ordering::SeqCst);
        let dir = std::env::temp_dir().join(format!("resume-test-{}-{name}-{n}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        Scratch(dir)
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.0.join(name)
    }

    pub fn write(&self, name: &str, text: &str) -> PathBuf {
        let path = self.path(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, text).unwrap();
        path
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Runs `resume` with a pinned today in `dir`.
pub fn resume(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_resume"))
        .args(args)
        .current_dir(dir)
        .env("SOURCE_DATE_EPOCH", "1795651200") // 2026-11-26
        .output()
        .expect("the binary runs")
}

/// Runs and asserts success, returning stderr.
pub fn resume_ok(dir: &Path, args: &[&str]) -> String {
    let out = resume(dir, args);
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(out.status.success(), "resume {args:?} failed:\n{stderr}");
    stderr
}

/// Runs and asserts failure with exit status 1, returning stderr.
pub fn resume_err(dir: &Path, args: &[&str]) -> String {
    let out = resume(dir, args);
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(out.status.code(), Some(1), "resume {args:?} should fail:\n{stderr}");
    stderr
}

/// A PDF read back.
pub struct Pdf {
    pub doc: Document,
}

impl Pdf {
    pub fn open(path: &Path) -> Self {
        let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        Pdf { doc: Document::load_mem(&bytes).expect("a valid PDF") }
    }

    pub fn pages(&self) -> usize {
        self.doc.get_pages().len()
    }

    /// All text, page by page.
    pub fn text(&self) -> String {
        let pages: Vec<u32> = self.doc.get_pages().keys().copied().collect();
        self.doc.extract_text(&pages).expect("text extracts")
    }

    /// A value of the document information dictionary, decoded.
    pub fn info(&self, key: &str) -> Option<String> {
        let info = self.doc.trailer.get(b"Info").ok()?;
        let dict = self.doc.dereference(info).ok()?.1.as_dict().ok()?;
        let value = dict.get(key.as_bytes()).ok()?;
        decode_string(value)
    }

    /// The catalog dictionary.
    pub fn catalog(&self) -> &lopdf::Dictionary {
        self.doc.catalog().expect("a catalog")
    }

    /// BaseFont names of every embedded font.
    pub fn font_names(&self) -> Vec<String> {
        let mut names = Vec::new();
        for object in self.doc.objects.values() {
            if let Ok(dict) = object.as_dict()
                && dict.get(b"Type").and_then(Object::as_name).ok() == Some(b"FontDescriptor".as_slice())
            {
                let has_file = [b"FontFile".as_slice(), b"FontFile2", b"FontFile3"].iter().any(|k| dict.has(k));
                assert!(has_file, "font descriptor without an embedded font: {dict:?}");
                let name = dict.get(b"FontName").and_then(Object::as_name).unwrap();
                names.push(String::from_utf8_lossy(name).into_owned());
            }
        }
        names.sort();
        names
    }

    /// Every URI of a link annotation.
    pub fn link_uris(&self) -> Vec<String> {
        let mut uris = Vec::new();
        for object in self.doc.objects.values() {
            if let Ok(dict) = object.as_dict()
                && let Ok(action) = dict.get(b"A")
                && let Ok((_, action)) = self.doc.dereference(action)
                && let Ok(action) = action.as_dict()
                && let Ok(uri) = action.get(b"URI")
            {
                uris.extend(decode_string(uri));
            }
        }
        uris
    }
}

/// Decodes a PDF text string (PDFDocEncoding/ASCII or UTF-16BE with BOM).
pub fn decode_string(object: &Object) -> Option<String> {
    let bytes = object.as_str().ok()?;
    if bytes.starts_with(&[0xFE, 0xFF]) {
        let units: Vec<u16> = bytes[2..].chunks(2).map(|c| u16::from_be_bytes([c[0], c[1]])).collect();
        return String::from_utf16(&units).ok();
    }
    Some(bytes.iter().map(|&b| b as char).collect())
}

/// Text with all whitespace removed, for comparisons that must not depend
/// on where lines broke.
pub fn squash(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// The repository's root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}
