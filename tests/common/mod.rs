//! Shared helpers: run the real binary in a fresh folder, and read PDFs
//! back with readers independent of the code that wrote them: printpdf
//! for page counts, lopdf for the object model and the exact text.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::atomic::{AtomicUsize, Ordering};

use lopdf::{Document, Object};

pub mod docx;
pub mod webdriver;

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
        // Nothing remembered from another run or test: each reads afresh.
        .env("RESUME_CACHE_DIR", "off")
        .output()
        .expect("the binary runs")
}

/// The fictional applicant's résumé (`examples/packet`), as text to write
/// into a test's folder.
pub fn packet_text() -> String {
    std::fs::read_to_string(root().join("examples/packet/resume.toml")).expect("the packet example")
}

/// Runs `resume` in `dir` with `input` on standard input, written from
/// a thread of its own so a child that stops reading early (a cap) never
/// blocks the test.
pub fn resume_piped(dir: &Path, args: &[&str], input: Vec<u8>) -> Output {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_resume"))
        .args(args)
        .current_dir(dir)
        .env("SOURCE_DATE_EPOCH", "1795651200")
        .env("RESUME_CACHE_DIR", "off")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("the binary runs");
    let mut stdin = child.stdin.take().expect("a pipe");
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(&input);
    });
    let out = child.wait_with_output().expect("the binary ends");
    writer.join().expect("the writer ends");
    out
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
    bytes: Vec<u8>,
}

impl Pdf {
    pub fn open(path: &Path) -> Self {
        let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        Pdf { doc: Document::load_mem(&bytes).expect("a valid PDF"), bytes }
    }

    /// The page count, as printpdf reads it: a parser of its own, beside
    /// the lopdf model the other checks read (their exact text keeps the
    /// spaces printpdf only estimates; see `tests/pdf_readers.rs`).
    pub fn pages(&self) -> usize {
        let mut warnings = Vec::new();
        let options = printpdf::PdfParseOptions { fail_on_error: false };
        let parsed =
            printpdf::PdfDocument::parse(&self.bytes, &options, &mut warnings).expect("printpdf reads it");
        assert_eq!(parsed.pages.len(), self.doc.get_pages().len(), "the two readers count the pages alike");
        parsed.pages.len()
    }

    /// All text, page by page, in content order (which, for a tagged
    /// Typst PDF, is reading order).
    ///
    /// lopdf's own `extract_text` rejects the ToUnicode CMaps Typst writes
    /// (it does not expect `/CMapVersion` and `/WMode`), so the maps are
    /// read here: lopdf parses the file and the content streams, this
    /// function only maps glyph codes back to text.
    pub fn text(&self) -> String {
        let mut out = String::new();
        for (_, page) in self.doc.get_pages() {
            let content = self.doc.get_page_content(page);
            let resources = self.page_resources(page);
            self.extract(&content, &resources, &mut out);
            out.push('\n');
        }
        out
    }

    fn page_resources(&self, page: lopdf::ObjectId) -> lopdf::Dictionary {
        let (direct, inherited) = self.doc.get_page_resources(page).expect("page resources");
        let mut merged = lopdf::Dictionary::new();
        for id in inherited.iter().rev() {
            if let Ok(dict) = self.doc.get_dictionary(*id) {
                merged.extend(dict);
            }
        }
        if let Some(dict) = direct {
            merged.extend(dict);
        }
        merged
    }

    fn resource(&self, resources: &lopdf::Dictionary, kind: &[u8], name: &[u8]) -> Option<Object> {
        let group = self.doc.dereference(resources.get(kind).ok()?).ok()?.1.as_dict().ok()?;
        Some(self.doc.dereference(group.get(name).ok()?).ok()?.1.clone())
    }

    fn to_unicode(&self, font: &Object) -> std::collections::HashMap<u32, String> {
        let mut map = std::collections::HashMap::new();
        let Ok(font) = font.as_dict() else { return map };
        let Ok(stream) =
            font.get(b"ToUnicode").and_then(|o| self.doc.dereference(o)).and_then(|(_, o)| o.as_stream())
        else {
            return map;
        };
        let content = stream.decompressed_content().unwrap_or_else(|_| stream.content.clone());
        let text = String::from_utf8_lossy(&content).into_owned();
        let hex = |h: &str| -> Vec<u16> {
            let h = h.trim_matches(|c| c == '<' || c == '>');
            (0..h.len() / 4).map(|i| u16::from_str_radix(&h[i * 4..i * 4 + 4], 16).unwrap_or(0)).collect()
        };
        let mut section = "";
        for line in text.lines() {
            let line = line.trim();
            if line.ends_with("beginbfchar") || line.ends_with("beginbfrange") {
                section = if line.ends_with("beginbfchar") { "char" } else { "range" };
                continue;
            }
            if line.starts_with("end") {
                section = "";
                continue;
            }
            let parts: Vec<&str> = line.split_whitespace().collect();
            match (section, parts.as_slice()) {
                ("char", [code, target]) => {
                    let code =
                        u32::from_str_radix(code.trim_matches(|c| c == '<' || c == '>'), 16).unwrap_or(0);
                    map.insert(code, String::from_utf16_lossy(&hex(target)));
                }
                ("range", [from, to, target]) if target.starts_with('<') => {
                    let from =
                        u32::from_str_radix(from.trim_matches(|c| c == '<' || c == '>'), 16).unwrap_or(0);
                    let to = u32::from_str_radix(to.trim_matches(|c| c == '<' || c == '>'), 16).unwrap_or(0);
                    let mut units = hex(target);
                    for code in from..=to {
                        map.insert(code, String::from_utf16_lossy(&units));
                        if let Some(last) = units.last_mut() {
                            *last += 1;
                        }
                    }
                }
                _ => {}
            }
        }
        map
    }

    fn extract(&self, content: &[u8], resources: &lopdf::Dictionary, out: &mut String) {
        let content = lopdf::content::Content::decode(content).expect("content decodes");
        let mut map = std::collections::HashMap::new();
        let mut maps: std::collections::HashMap<Vec<u8>, std::collections::HashMap<u32, String>> =
            std::collections::HashMap::new();
        // Inside an /ActualText span, its text replaces the glyphs'.
        let mut actual_depth: Vec<bool> = Vec::new();
        // Runs on one baseline join; a new baseline starts a new line.
        let mut baseline: Option<f32> = None;
        for op in &content.operations {
            let suppressed = actual_depth.iter().any(|a| *a);
            match op.operator.as_str() {
                "Tf" => {
                    let name = op.operands[0].as_name().unwrap_or_default();
                    map = maps
                        .entry(name.to_vec())
                        .or_insert_with(|| {
                            self.resource(resources, b"Font", name)
                                .map(|f| self.to_unicode(&f))
                                .unwrap_or_default()
                        })
                        .clone();
                }
                "Tj" | "TJ" if !suppressed => {
                    let strings: Vec<&Object> = match op.operands[0].as_array() {
                        Ok(items) => items.iter().collect(),
                        Err(_) => vec![&op.operands[0]],
                    };
                    for item in strings {
                        if let Ok(bytes) = item.as_str() {
                            for code in bytes.chunks(2) {
                                let code = code.iter().fold(0u32, |acc, b| acc << 8 | u32::from(*b));
                                out.push_str(map.get(&code).map_or("\u{FFFD}", String::as_str));
                            }
                        }
                    }
                }
                "Tm" => {
                    let y = op.operands.get(5).and_then(|o| o.as_float().ok()).unwrap_or_default();
                    if baseline.is_some_and(|b| (b - y).abs() > 0.5) && !out.ends_with('\n') {
                        out.push('\n');
                    }
                    baseline = Some(y);
                }
                "BDC" => {
                    let actual = op.operands.get(1).and_then(|props| {
                        let props = self.doc.dereference(props).ok()?.1.as_dict().ok()?.clone();
                        decode_string(props.get(b"ActualText").ok()?)
                    });
                    if let Some(text) = &actual
                        && !suppressed
                    {
                        out.push_str(text);
                    }
                    actual_depth.push(actual.is_some());
                }
                "BMC" => actual_depth.push(false),
                "EMC" => {
                    actual_depth.pop();
                }
                "Do" => {
                    let name = op.operands[0].as_name().unwrap_or_default();
                    if let Some(Object::Stream(form)) = self.resource(resources, b"XObject", name) {
                        let inner = form
                            .dict
                            .get(b"Resources")
                            .ok()
                            .and_then(|r| self.doc.dereference(r).ok())
                            .and_then(|(_, r)| r.as_dict().ok().cloned())
                            .unwrap_or_else(|| resources.clone());
                        let data = form.decompressed_content().unwrap_or_else(|_| form.content.clone());
                        self.extract(&data, &inner, out);
                    }
                }
                _ => {}
            }
        }
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
                let has_file =
                    [b"FontFile".as_slice(), b"FontFile2", b"FontFile3"].iter().any(|k| dict.has(k));
                assert!(has_file, "font descriptor without an embedded font: {dict:?}");
                let name = dict.get(b"FontName").and_then(Object::as_name).unwrap();
                names.push(String::from_utf8_lossy(name).into_owned());
            }
        }
        names.sort();
        names
    }

    /// Titles of the outline (bookmarks), depth first.
    pub fn outline_titles(&self) -> Vec<String> {
        let mut titles = Vec::new();
        if let Ok(root) = self.catalog().get(b"Outlines")
            && let Ok((_, root)) = self.doc.dereference(root)
            && let Ok(first) = root.as_dict().and_then(|d| d.get(b"First"))
        {
            self.walk_outline(first, &mut titles);
        }
        titles
    }

    fn walk_outline(&self, item: &Object, titles: &mut Vec<String>) {
        let mut next = Some(item.clone());
        while let Some(reference) = next {
            let Ok((_, entry)) = self.doc.dereference(&reference) else { break };
            let Ok(entry) = entry.as_dict() else { break };
            if let Some(title) = entry.get(b"Title").ok().and_then(decode_string) {
                titles.push(title);
            }
            if let Ok(child) = entry.get(b"First") {
                self.walk_outline(child, titles);
            }
            next = entry.get(b"Next").ok().cloned();
        }
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

/// Runs `resume` in `dir`, killing it after `limit`: for inputs that
/// would make a broken build hang, so that a regression fails the test
/// instead of stalling the suite. Returns the output and whether it was
/// killed.
pub fn resume_bounded(dir: &Path, args: &[&str], limit: std::time::Duration) -> (Output, bool) {
    use std::process::Stdio;
    let mut child = Command::new(env!("CARGO_BIN_EXE_resume"))
        .args(args)
        .current_dir(dir)
        .env("SOURCE_DATE_EPOCH", "1795651200")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    let deadline = std::time::Instant::now() + limit;
    let mut killed = false;
    while child.try_wait().expect("wait").is_none() {
        if std::time::Instant::now() > deadline {
            let _ = child.kill();
            killed = true;
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    (child.wait_with_output().expect("output"), killed)
}

/// A short résumé with two projects, for the safety tests.
pub const SMALL: &str = r#"[person]
name = { ko = "김안전", en = "Safe Kim" }

[[project]]
id = "search"
name = { ko = "검색", en = "Search" }
company = "acme"
period = "2020-01..2021-06"
responsibilities = [{ text = { ko = "검색 API", en = "Search API" } }]
"#;

impl Scratch {
    /// Writes raw bytes (a PDF from a pipe, a file that is not UTF-8).
    pub fn write_bytes(&self, name: &str, bytes: &[u8]) -> PathBuf {
        let path = self.path(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, bytes).unwrap();
        path
    }
}

/// A layout that would loop for days in constant memory (Typst stops a
/// single loop after 10,000 rounds, so three are nested).
pub const SPIN: &str = "#let i = 0\n#while i < 9999 {\n  i += 1\n  let j = 0\n  while j < 9999 {\n    j += 1\n    let k = 0\n    while k < 9999 { k += 1 }\n  }\n}\n";
