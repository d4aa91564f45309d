//! The outline of a Markdown résumé: headings with their paragraphs and
//! nested list items, each remembering its line, and the small readers of
//! an item's text (`Key: value`, `a, b(c,d)`, a trailing `<url>`) that
//! both of the formats `import markdown` reads share.

use crate::formats::import::scheme_of;

/// A list item with its nested items, and where its text stands.
#[derive(Debug, Clone, Default)]
pub(super) struct Item {
    /// 1-based line number.
    pub line: usize,
    /// Byte offset of `text` in the source.
    pub at: usize,
    /// The text after the marker, as written (escapes not yet undone).
    pub text: String,
    pub children: Vec<Item>,
}

/// A line of prose outside any list: a headline, a contact row, a summary.
#[derive(Debug, Clone)]
pub(super) struct Paragraph {
    pub line: usize,
    /// Its lines joined by spaces, as Markdown renders them.
    pub text: String,
}

/// A heading and what stands under it up to the next heading. The text
/// before the first heading is a block of level 0 with no name.
#[derive(Debug, Default)]
pub(super) struct Block {
    /// 1 for `#`, 2 for `##`…; 0 before the first heading.
    pub level: usize,
    pub name: String,
    /// Marked by the export as a free section, whatever its name.
    pub free: bool,
    /// 1-based line of the heading.
    pub line: usize,
    /// Byte offset of the heading line.
    pub at: usize,
    pub paragraphs: Vec<Paragraph>,
    pub items: Vec<Item>,
}

/// A line of the source with its number and byte offset.
struct Line<'a> {
    number: usize,
    at: usize,
    text: &'a str,
}

fn lines(source: &str) -> impl Iterator<Item = Line<'_>> {
    let mut at = 0;
    source.split_inclusive('\n').enumerate().map(move |(index, raw)| {
        let line = Line { number: index + 1, at, text: raw.trim_end_matches(['\n', '\r']) };
        at += raw.len();
        line
    })
}

/// The level and name of a heading line (`## name`; `##` alone is one with
/// no name), if the line is one.
fn heading(line: &str) -> Option<(usize, &str)> {
    let trimmed = line.trim_start();
    let level = trimmed.chars().take_while(|c| *c == '#').count();
    let rest = &trimmed[level..];
    ((1..=6).contains(&level) && (rest.is_empty() || rest.starts_with([' ', '\t'])))
        .then(|| (level, rest.trim()))
}

/// The columns of a line's indentation, a tab counting to the next stop
/// of four as Markdown counts it.
fn indentation(line: &str) -> usize {
    let mut columns = 0;
    for c in line.chars() {
        match c {
            ' ' => columns += 1,
            '\t' => columns += 4 - columns % 4,
            _ => break,
        }
    }
    columns
}

/// The text of a list item (`- x`, `* x`, `+ x`, or a bare `-`) and its
/// offset in the line.
fn item_text(line: &str) -> Option<(usize, &str)> {
    let trimmed = line.trim_start();
    let lead = line.len() - trimmed.len();
    let mut chars = trimmed.chars();
    let marker = chars.next().filter(|c| matches!(c, '-' | '*' | '+'))?;
    let rest = chars.as_str();
    if !rest.is_empty() && !rest.starts_with([' ', '\t']) {
        return None;
    }
    let text = rest.trim();
    let offset = lead + marker.len_utf8() + (rest.len() - rest.trim_start().len());
    Some((offset, text))
}

/// Items waiting for their children, deepest last, each with the column
/// of its marker.
#[derive(Default)]
struct OpenItems(Vec<(usize, Item)>);

impl OpenItems {
    /// Closes every open item whose marker stands at `column` or further
    /// right, attaching each to its parent or, at the top, to the block.
    fn close_to(&mut self, column: usize, block: &mut Block) {
        while self.0.last().is_some_and(|(c, _)| *c >= column) {
            let (_, item) = self.0.pop().expect("checked");
            match self.0.last_mut() {
                Some((_, parent)) => parent.children.push(item),
                None => block.items.push(item),
            }
        }
    }
}

/// How deeply list items may nest: a résumé's bullets nest two or three
/// levels, and a model nested deeper than this could not be read back.
pub(super) const MAX_LIST_DEPTH: usize = 8;

/// The first list item nested deeper than [`MAX_LIST_DEPTH`]: its byte
/// offset and its depth.
pub(super) fn too_deep(source: &str) -> Option<(usize, usize)> {
    // The columns of the open items, outermost first.
    let mut open: Vec<usize> = Vec::new();
    lines(source).find_map(|line| {
        if heading(line.text).is_some() {
            open.clear();
        }
        let (offset, _) = item_text(line.text)?;
        let column = indentation(line.text);
        while open.last().is_some_and(|c| *c >= column) {
            open.pop();
        }
        open.push(column);
        let depth = open.len() - 1;
        (depth > MAX_LIST_DEPTH).then_some((line.at + offset, depth))
    })
}

/// The blocks of a Markdown text, in order, the first one (level 0) holding
/// what stands before any heading. Blank lines end a paragraph but not a
/// list; an item nests under the item above it that is indented less, so
/// lists indented by two columns and by four read the same.
pub(super) fn outline(source: &str) -> Vec<Block> {
    let mut blocks = vec![Block::default()];
    let mut open = OpenItems::default();
    let mut in_paragraph = false;
    for line in lines(source) {
        let block = blocks.last_mut().expect("never empty");
        if line.text.trim().is_empty() {
            in_paragraph = false;
            continue;
        }
        if let Some((level, name)) = heading(line.text) {
            open.close_to(0, block);
            let (name, free) = match name.strip_suffix(super::export::FREE_SECTION) {
                Some(name) => (name.trim_end(), true),
                None => (name, false),
            };
            blocks.push(Block {
                level,
                free,
                name: name.to_string(),
                line: line.number,
                at: line.at,
                ..Block::default()
            });
            in_paragraph = false;
            continue;
        }
        let Some((offset, text)) = item_text(line.text) else {
            let text = line.text.trim();
            match block.paragraphs.last_mut().filter(|_| in_paragraph) {
                Some(paragraph) => {
                    paragraph.text.push(' ');
                    paragraph.text.push_str(text);
                }
                None => block.paragraphs.push(Paragraph { line: line.number, text: text.to_string() }),
            }
            in_paragraph = true;
            continue;
        };
        in_paragraph = false;
        let column = indentation(line.text);
        open.close_to(column, block);
        let item = Item { line: line.number, at: line.at + offset, text: text.to_string(), children: vec![] };
        open.0.push((column, item));
    }
    let last = blocks.last_mut().expect("never empty");
    open.close_to(0, last);
    blocks
}

/// Undoes what the Markdown export escapes: the entities `&amp;`, `&lt;`,
/// `&gt;`, `&quot;`, `&#NN;` and `&#xNN;`, and a backslash before ASCII
/// punctuation (`\*`, `\_`, `\\`, a leading `\#`), as Markdown reads
/// them. Anything else (a lone `&`, a backslash before a letter) is text.
pub(super) fn unescape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find(['&', '\\']) {
        out.push_str(&rest[..start]);
        rest = &rest[start..];
        if let Some(escaped) = rest.strip_prefix('\\') {
            match escaped.chars().next().filter(char::is_ascii_punctuation) {
                Some(c) => {
                    out.push(c);
                    rest = &escaped[1..];
                }
                None => {
                    out.push('\\');
                    rest = escaped;
                }
            }
            continue;
        }
        let entity = rest[1..].find(';').filter(|end| *end <= 8).map(|end| &rest[1..end + 1]);
        let decoded = entity.and_then(|name| match name {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            _ => {
                let number = name.strip_prefix('#')?;
                let code = match number.strip_prefix(['x', 'X']) {
                    Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                    None => number.parse().ok()?,
                };
                // A control character would be an error in the résumé.
                char::from_u32(code).filter(|c| !c.is_control())
            }
        });
        match (decoded, entity) {
            (Some(c), Some(name)) => {
                out.push(c);
                rest = &rest[name.len() + 2..];
            }
            _ => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// `Key: value` → (`Key`, `value`); a text without a colon, or whose colon
/// belongs to a link, is all key.
pub(super) fn key_value(text: &str) -> (String, Option<String>) {
    match text.split_once(':') {
        Some((key, value)) if !key.contains("http") && !key.contains('<') => {
            let value = value.trim();
            (key.trim().to_string(), (!value.is_empty()).then(|| value.to_string()))
        }
        _ => (text.trim().to_string(), None),
    }
}

/// Splits `a, b(c,d), e` at the commas outside parentheses.
pub(super) fn names(text: &str) -> Vec<String> {
    let (mut out, mut current, mut depth) = (Vec::new(), String::new(), 0i32);
    for c in text.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth -= 1,
            ',' if depth <= 0 => {
                out.push(current.trim().to_string());
                current.clear();
                continue;
            }
            _ => {}
        }
        current.push(c);
    }
    out.push(current.trim().to_string());
    out.retain(|n| !n.is_empty());
    out
}

/// Whether `inner` (the text between `<` and `>`) was meant as a link:
/// it has a scheme, or looks like a host with a dot.
fn looks_like_link(inner: &str) -> bool {
    if inner.is_empty() || inner.contains(char::is_whitespace) || inner.contains('<') {
        return false;
    }
    if scheme_of(inner).is_some() {
        return true;
    }
    let host = inner.trim_start_matches('/').split(['/', '?', '#']).next().unwrap_or_default();
    host.contains('.') && host.starts_with(|c: char| c.is_alphanumeric())
}

/// Takes the last `<url>` out of a text: (text without it, url).
pub(super) fn split_link(text: &str) -> (String, Option<String>) {
    let mut found = None;
    let mut from = 0;
    while let Some(start) = text[from..].find('<').map(|i| from + i) {
        let Some(end) = text[start + 1..].find('>').map(|i| start + 1 + i) else { break };
        if looks_like_link(&text[start + 1..end]) {
            found = Some((start, end));
        }
        from = start + 1;
    }
    match found {
        Some((start, end)) => {
            let rest = format!("{} {}", text[..start].trim_end(), text[end + 1..].trim_start());
            (rest.trim().to_string(), Some(text[start + 1..end].to_string()))
        }
        None => (text.to_string(), None),
    }
}

/// A Markdown link, `[text](target)`, as its text and target.
pub(super) fn inline_link(text: &str) -> Option<(&str, &str)> {
    let inner = text.trim().strip_prefix('[')?.strip_suffix(')')?;
    let (label, target) = inner.split_once("](")?;
    Some((label, target))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_split_off_wherever_they_stand() {
        assert_eq!(split_link("a <https://x.y> b"), ("a b".into(), Some("https://x.y".into())));
        assert_eq!(split_link("<x.y/z>"), (String::new(), Some("x.y/z".into())));
        assert_eq!(split_link("a < b > c <br>"), ("a < b > c <br>".into(), None));
        assert_eq!(split_link("<javascript:alert(1)>").1.as_deref(), Some("javascript:alert(1)"));
    }

    #[test]
    fn escapes_of_the_export_are_undone() {
        assert_eq!(unescape("&lt;b>a &amp; &#91;x&#93;(y) &#96;c&#96;"), "<b>a & [x](y) `c`");
        assert_eq!(unescape("\\> quote"), "> quote");
        assert_eq!(unescape("\\- not a list"), "- not a list");
        assert_eq!(unescape("빌드& 배포 &nbsp &#x41;"), "빌드& 배포 &nbsp A");
    }

    #[test]
    fn blocks_hold_their_paragraphs_and_nested_items() {
        let blocks = outline("# Name\n\n**Head**\n\nrow\n\n## S\n\n### P\n\n- a: b\n  - c\n- d\n");
        let levels: Vec<(usize, &str)> = blocks.iter().map(|b| (b.level, b.name.as_str())).collect();
        assert_eq!(levels, [(0, ""), (1, "Name"), (2, "S"), (3, "P")]);
        assert_eq!(
            blocks[1].paragraphs.iter().map(|p| p.text.as_str()).collect::<Vec<_>>(),
            ["**Head**", "row"]
        );
        assert_eq!(blocks[3].items.len(), 2);
        assert_eq!(blocks[3].items[0].children[0].text, "c");
        assert_eq!(blocks[3].items[1].line, 13);
    }
}
