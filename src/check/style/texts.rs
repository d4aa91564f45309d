//! The texts of `resume.toml` with their places: every string value with
//! the keys above it and the span of its source, so that a finding at a
//! character of the text is reported at that character's line and column.

use std::ops::Range;

use toml::de::{DeTable, DeValue};

/// A text of the résumé file.
#[derive(Debug, Clone)]
pub struct TextAt {
    /// The keys above it, innermost last (`project`, `responsibilities`,
    /// `ko`); array positions are left out.
    pub keys: Vec<String>,
    /// The text as the model reads it.
    pub value: String,
    /// Where it stands in the file, quotes included.
    pub span: Range<usize>,
}

impl TextAt {
    /// The span in the file of `range` (byte offsets into the value): exact
    /// when the source writes the text as it reads (no escapes), else the
    /// whole string.
    pub fn source_span(&self, source: &str, range: Range<usize>) -> Range<usize> {
        let raw = &source[self.span.clone()];
        for quote in ["\"\"\"", "'''", "\"", "'"] {
            if let Some(inner) = raw.strip_prefix(quote).and_then(|r| r.strip_suffix(quote)) {
                // A multi-line string drops the line break right after its
                // opening quotes.
                let (lead, inner) = match inner.strip_prefix('\n') {
                    Some(rest) if quote.len() == 3 => (1, rest),
                    _ => (0, inner),
                };
                if inner == self.value {
                    let start = self.span.start + quote.len() + lead;
                    return start + range.start..start + range.end;
                }
                break;
            }
        }
        self.span.clone()
    }

    /// The innermost key that names a field (not a language).
    pub fn field(&self) -> &str {
        self.keys.iter().rev().find(|k| !matches!(k.as_str(), "ko" | "en" | "all")).map_or("", String::as_str)
    }

    /// The language key the text stands under, if any (`ko` in
    /// `{ ko = "…" }`).
    pub fn language(&self) -> Option<&str> {
        self.keys.last().map(String::as_str).filter(|k| matches!(*k, "ko" | "en" | "all"))
    }
}

/// Every string value of the file, in order.
pub fn texts(source: &str) -> Vec<TextAt> {
    let Ok(root) = DeTable::parse(source) else { return Vec::new() };
    let mut out = Vec::new();
    let mut keys = Vec::new();
    for (key, value) in root.get_ref().iter() {
        keys.push(key.get_ref().to_string());
        walk(value, &mut keys, &mut out);
        keys.pop();
    }
    out
}

fn walk(value: &toml::Spanned<DeValue<'_>>, keys: &mut Vec<String>, out: &mut Vec<TextAt>) {
    match value.get_ref() {
        DeValue::String(text) => {
            out.push(TextAt { keys: keys.clone(), value: text.to_string(), span: value.span() })
        }
        DeValue::Array(items) => items.iter().for_each(|item| walk(item, keys, out)),
        DeValue::Table(table) => {
            for (key, item) in table.iter() {
                keys.push(key.get_ref().to_string());
                walk(item, keys, out);
                keys.pop();
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_finding_inside_a_text_points_at_its_character() {
        let source = "[person]\nname = \"x\"\nsummary = { ko = \"etcd 의 노드\" }\n";
        let texts = texts(source);
        let summary = texts.iter().find(|t| t.field() == "summary").unwrap();
        assert_eq!(summary.language(), Some("ko"));
        let at = summary.value.find(" 의").unwrap();
        let span = summary.source_span(source, at..at + " 의".len());
        assert_eq!(&source[span], " 의");
        // An escape in the text: the whole string is pointed at.
        let escaped = "a = \"x\\ty 의\"\n";
        let text = &texts_of(escaped)[0];
        assert_eq!(text.source_span(escaped, 0..1), text.span);
    }

    fn texts_of(source: &str) -> Vec<TextAt> {
        texts(source)
    }
}
