//! A small XML tree and its one writer: every part of the Word package
//! is built as elements in the order the schema gives and written here,
//! where text is escaped and characters XML 1.0 forbids are replaced.
//! Nothing is ever patched into written XML.

use std::fmt::Write;

/// An element: its qualified name, attributes in order, and children.
#[derive(Debug, Clone)]
pub(super) struct Element {
    name: &'static str,
    attributes: Vec<(&'static str, String)>,
    children: Vec<Node>,
}

#[derive(Debug, Clone)]
enum Node {
    Element(Element),
    Text(String),
}

impl Element {
    pub(super) fn new(name: &'static str) -> Self {
        Element { name, attributes: Vec::new(), children: Vec::new() }
    }

    /// The element with an attribute.
    pub(super) fn attr(mut self, name: &'static str, value: impl ToString) -> Self {
        self.attributes.push((name, value.to_string()));
        self
    }

    /// `<name w:val="value"/>`, WordprocessingML's usual property.
    pub(super) fn val(name: &'static str, value: impl ToString) -> Self {
        Element::new(name).attr("w:val", value)
    }

    /// The element with a child appended.
    pub(super) fn child(mut self, child: Element) -> Self {
        self.children.push(Node::Element(child));
        self
    }

    /// The element with a child appended when there is one.
    pub(super) fn maybe(self, child: Option<Element>) -> Self {
        match child {
            Some(child) => self.child(child),
            None => self,
        }
    }

    /// The element with children appended.
    pub(super) fn children(mut self, children: impl IntoIterator<Item = Element>) -> Self {
        self.children.extend(children.into_iter().map(Node::Element));
        self
    }

    /// The element with text appended.
    pub(super) fn text(mut self, text: impl Into<String>) -> Self {
        self.children.push(Node::Text(text.into()));
        self
    }

    /// Whether the element has neither attributes nor children (an empty
    /// property list, left out).
    pub(super) fn is_empty(&self) -> bool {
        self.attributes.is_empty() && self.children.is_empty()
    }
}

/// A part: the XML declaration and `root`, and how many forbidden
/// characters were replaced with U+FFFD. The résumé and its translations
/// are refused with such a character at its line (see
/// [`crate::model::characters`]), so a replacement only guards a path that
/// check does not cover: a Word file is never left that Word cannot open.
pub(super) fn part(root: &Element) -> (Vec<u8>, usize) {
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n");
    let mut replaced = 0;
    write_element(root, &mut out, &mut replaced);
    (out.into_bytes(), replaced)
}

fn write_element(element: &Element, out: &mut String, replaced: &mut usize) {
    out.push('<');
    out.push_str(element.name);
    for (name, value) in &element.attributes {
        let _ = write!(out, " {name}=\"");
        escape(value, out, replaced, true);
        out.push('"');
    }
    if element.children.is_empty() {
        out.push_str("/>");
        return;
    }
    out.push('>');
    for child in &element.children {
        match child {
            Node::Element(child) => write_element(child, out, replaced),
            Node::Text(text) => escape(text, out, replaced, false),
        }
    }
    let _ = write!(out, "</{}>", element.name);
}

fn escape(text: &str, out: &mut String, replaced: &mut usize, attribute: bool) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' if attribute => out.push_str("&quot;"),
            // An attribute's line break would be read back as a space.
            '\n' if attribute => out.push_str("&#10;"),
            '\t' if attribute => out.push_str("&#9;"),
            c if crate::model::characters::is_forbidden(c) => {
                *replaced += 1;
                out.push('\u{fffd}');
            }
            c => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped_and_forbidden_characters_replaced() {
        let root = Element::new("w:t").attr("a", "x\"<&\n").text("a<b & \u{1}c\u{fffe}");
        let (bytes, replaced) = part(&root);
        let text = String::from_utf8(bytes).unwrap();
        assert!(
            text.ends_with("<w:t a=\"x&quot;&lt;&amp;&#10;\">a&lt;b &amp; \u{fffd}c\u{fffd}</w:t>"),
            "{text}"
        );
        assert_eq!(replaced, 2);
    }

    #[test]
    fn empty_elements_close_themselves() {
        let (bytes, _) = part(&Element::new("w:p").child(Element::val("w:jc", "center")));
        assert!(String::from_utf8(bytes).unwrap().ends_with("<w:p><w:jc w:val=\"center\"/></w:p>"));
    }
}
