//! Word documents read back from their XML, with a reader of the tests'
//! own: the package's parts, and the paragraphs of `word/document.xml`
//! with their style, list level, text and links.

use std::io::Read;
use std::path::Path;

/// The parts of a DOCX package, by name.
pub fn part(docx: &Path, name: &str) -> String {
    let file = std::fs::File::open(docx).unwrap_or_else(|e| panic!("{}: {e}", docx.display()));
    let mut archive = zip::ZipArchive::new(file).expect("a zip package");
    let mut entry = archive.by_name(name).unwrap_or_else(|_| panic!("{name} in {}", docx.display()));
    let mut text = String::new();
    entry.read_to_string(&mut text).unwrap();
    text
}

/// A part's bytes (a picture's).
pub fn bytes(docx: &Path, name: &str) -> Vec<u8> {
    let file = std::fs::File::open(docx).unwrap_or_else(|e| panic!("{}: {e}", docx.display()));
    let mut archive = zip::ZipArchive::new(file).expect("a zip package");
    let mut entry = archive.by_name(name).unwrap_or_else(|_| panic!("{name} in {}", docx.display()));
    let mut bytes = Vec::new();
    entry.read_to_end(&mut bytes).unwrap();
    bytes
}

/// One paragraph of `word/document.xml`.
#[derive(Debug)]
pub struct Para {
    pub style: String,
    pub level: Option<u32>,
    pub text: String,
    pub links: Vec<String>,
}

pub fn attribute(tag: &str, name: &str) -> Option<String> {
    let start = tag.find(&format!("{name}=\""))? + name.len() + 2;
    Some(tag[start..].split('"').next()?.to_string())
}

pub fn unescape(text: &str) -> String {
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

/// WordprocessingML's namespace.
pub const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

/// The paragraphs, in order, outside tables and in them.
pub fn paragraphs(xml: &str) -> Vec<Para> {
    let document = roxmltree::Document::parse(xml).expect("well-formed XML");
    let named = |node: &roxmltree::Node, name: &str| {
        node.tag_name().namespace() == Some(W) && node.tag_name().name() == name
    };
    let val = |node: roxmltree::Node| node.attribute((W, "val")).map(str::to_string);
    document
        .descendants()
        .filter(|node| named(node, "p"))
        .map(|p| {
            let properties = p.children().find(|c| named(c, "pPr"));
            let find = |name: &str| properties.and_then(|pr| pr.descendants().find(|c| named(c, name)));
            let style = find("pStyle").and_then(val).unwrap_or_default();
            let level = find("ilvl").and_then(val).map(|v| v.parse().unwrap());
            let mut text = String::new();
            for node in p.descendants() {
                if named(&node, "t") {
                    text.push_str(node.text().unwrap_or_default());
                } else if named(&node, "br") {
                    // A line break within the paragraph reads as one.
                    text.push('\n');
                }
            }
            let links = p
                .descendants()
                .filter(|node| named(node, "hyperlink"))
                .filter_map(|node| {
                    node.attribute((
                        "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
                        "id",
                    ))
                })
                .map(str::to_string)
                .collect();
            Para { style, level, text, links }
        })
        .collect()
}
