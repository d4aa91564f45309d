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

/// The paragraphs, in order, outside tables and in them.
pub fn paragraphs(xml: &str) -> Vec<Para> {
    let mut found = Vec::new();
    for chunk in xml.split("<w:p ").skip(1) {
        let body = chunk.split("</w:p>").next().unwrap();
        let style =
            body.find("<w:pStyle ").and_then(|at| attribute(&body[at..], "w:val")).unwrap_or_default();
        let level =
            body.find("<w:ilvl ").and_then(|at| attribute(&body[at..], "w:val")).map(|v| v.parse().unwrap());
        let mut text = String::new();
        // A line break within the paragraph reads as one.
        let body = body.replace("<w:br ", "<w:t>\n</w:t><w:brk ");
        for piece in body.split("<w:t").skip(1) {
            let Some((_, rest)) = piece.split_once('>') else { continue };
            if let Some((t, _)) = rest.split_once("</w:t>") {
                text.push_str(&unescape(t));
            }
        }
        let links = body.split("<w:hyperlink ").skip(1).filter_map(|h| attribute(h, "r:id")).collect();
        found.push(Para { style, level, text, links });
    }
    found
}
