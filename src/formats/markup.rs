//! Inline Markdown and HTML found in imported text, turned into plain
//! text: other tools let people write `**Pässisoft**`, `[Tampere](…)`,
//! `<strong>` or `<ul><li>` inside a field, and a résumé printed from
//! `resume.toml` would show the markers literally.
//!
//! Only inline markup is read (emphasis, code, links, autolinks, tags,
//! entities, escapes): a field is one text, and a line starting with `-`
//! or `1.` is what its author typed. Markers are taken as markup only where
//! Markdown would take them (an underscore inside `snake_case` or a lone
//! `*` in `5 * 3` is text), and an HTML tag only when its name is one of
//! HTML's text tags, so `a <b> c` is markup and `x < y` is not.

/// A piece of converted text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece {
    /// Text as printed.
    Text(String),
    /// A link: what was printed for it, and its target.
    Link {
        /// The link's text (the address itself for an autolink).
        text: String,
        /// Where it points.
        url: String,
    },
}

/// HTML tags that break a text into lines.
const BLOCK_TAGS: &[&str] =
    &["br", "p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table", "blockquote"];

/// HTML tags that only style their text.
const INLINE_TAGS: &[&str] = &[
    "a", "b", "strong", "i", "em", "u", "s", "strike", "del", "ins", "code", "span", "small", "sup", "sub",
    "mark", "font", "tbody", "thead", "td", "th",
];

/// The pieces of `text` with its markup read, or `None` when it has none
/// (the text is then kept exactly as written).
pub fn read(text: &str) -> Option<Vec<Piece>> {
    let lower = text.to_ascii_lowercase();
    // HTML is read only from a text that closes a known tag or breaks a
    // line with one: a lone `<b>` is text.
    let html = lower.contains("<br")
        || lower.contains("</br")
        || BLOCK_TAGS.iter().chain(INLINE_TAGS).any(|t| lower.contains(&format!("</{t}>")));
    let mut reader =
        Reader { chars: text.chars().collect(), lower, html, pieces: Vec::new(), changed: false };
    reader.run();
    reader.changed.then_some(reader.pieces)
}

/// The text of a field that has no place for a link: each link's text
/// followed by its address in parentheses (the address alone where it is
/// its own text), lines joined into paragraphs by a blank line.
pub fn as_prose(pieces: &[Piece]) -> String {
    let mut out = String::new();
    for piece in pieces {
        match piece {
            Piece::Text(text) => out.push_str(text),
            Piece::Link { text, url } if text == url || text.is_empty() => out.push_str(url),
            Piece::Link { text, url } => {
                out.push_str(text);
                out.push_str(" (");
                out.push_str(url);
                out.push(')');
            }
        }
    }
    tidy(&out, "\n\n")
}

/// The text of a bullet and its link: a bullet with one link keeps it as
/// its link (its text stays in the sentence; an address alone leaves it),
/// one with several keeps them in the text, as prose does.
pub fn as_bullet(pieces: &[Piece]) -> (String, Option<String>) {
    let links: Vec<&Piece> = pieces.iter().filter(|p| matches!(p, Piece::Link { .. })).collect();
    let [Piece::Link { url, .. }] = links.as_slice() else {
        return (tidy(&as_prose(pieces), " "), None);
    };
    let mut out = String::new();
    for piece in pieces {
        match piece {
            Piece::Text(text) => out.push_str(text),
            Piece::Link { text, url } if text != url => out.push_str(text),
            Piece::Link { .. } => {}
        }
    }
    (tidy(&out, " "), Some(url.clone()))
}

/// The text of a name (a keyword, a course): links as their text.
pub fn as_name(pieces: &[Piece]) -> String {
    let text: String = pieces
        .iter()
        .map(|p| match p {
            Piece::Text(text) | Piece::Link { text, .. } => text.as_str(),
        })
        .collect();
    tidy(&text, " ")
}

/// What a text of a structured document is, for [`plain_json`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// An address, a date, a code: never read for markup.
    Code,
    /// A paragraph: links keep their address in parentheses.
    Prose,
    /// A bullet: its one link becomes `text <url>`, the form a bullet's
    /// link is read from (and exports write, which is no markup).
    Bullet,
    /// A name (a keyword, an author): links keep their text only.
    Name,
}

/// Converts the markup of every text of a JSON value to plain text, in
/// place, and collects the path of each text it changed
/// (`work[0].highlights[1]`). `kind` tells from a text's key (or index)
/// and the list it stands in what the text is.
pub fn plain_json(
    value: &mut serde_json::Value,
    kind: fn(&str, Option<&str>) -> Kind,
    converted: &mut Vec<String>,
) {
    walk(value, &mut String::new(), kind, converted);
}

fn walk(
    value: &mut serde_json::Value,
    path: &mut String,
    kind: fn(&str, Option<&str>) -> Kind,
    converted: &mut Vec<String>,
) {
    use serde_json::Value;
    match value {
        Value::Object(map) => {
            for (key, child) in map.iter_mut() {
                let len = path.len();
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(key);
                walk(child, path, kind, converted);
                path.truncate(len);
            }
        }
        Value::Array(items) => {
            for (n, child) in items.iter_mut().enumerate() {
                let len = path.len();
                path.push_str(&format!("[{n}]"));
                walk(child, path, kind, converted);
                path.truncate(len);
            }
        }
        Value::String(text) => {
            let key = path.rsplit(['.', '[']).next().unwrap_or_default().trim_end_matches(']');
            let list = match key.parse::<usize>() {
                Ok(_) => path.rsplit_once('[').map(|(list, _)| list.rsplit('.').next().unwrap_or(list)),
                Err(_) => None,
            };
            let new = match kind(key, list) {
                Kind::Code => return,
                Kind::Bullet => {
                    let (body, trailing) = split_trailing_link(text);
                    let Some(pieces) = read(body) else { return };
                    let (body, link) = as_bullet(&pieces);
                    match link.or(trailing) {
                        Some(url) => format!("{body} <{url}>").trim_start().to_string(),
                        None => body,
                    }
                }
                Kind::Name => match read(text) {
                    Some(pieces) => as_name(&pieces),
                    None => return,
                },
                Kind::Prose => match read(text) {
                    Some(pieces) => as_prose(&pieces),
                    None => return,
                },
            };
            *text = new;
            converted.push(path.clone());
        }
        _ => {}
    }
}

/// `text <https://…>` → the text and the address: how exports end a
/// bullet with its link, which is no markup to convert.
fn split_trailing_link(text: &str) -> (&str, Option<String>) {
    if text.ends_with('>')
        && let Some(start) = text.rfind("<http")
    {
        return (text[..start].trim_end(), Some(text[start + 1..text.len() - 1].to_string()));
    }
    (text, None)
}

/// Spaces collapsed in each line, empty lines dropped, lines joined by
/// `between`.
fn tidy(text: &str, between: &str) -> String {
    text.lines()
        .map(|line| line.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|line| !line.is_empty())
        .collect::<Vec<_>>()
        .join(between)
}

struct Reader {
    chars: Vec<char>,
    /// The text in ASCII lower case, to find closing tags.
    lower: String,
    /// Whether the text holds HTML at all.
    html: bool,
    pieces: Vec<Piece>,
    changed: bool,
}

impl Reader {
    fn push_char(&mut self, c: char) {
        match self.pieces.last_mut() {
            Some(Piece::Text(text)) => text.push(c),
            _ => self.pieces.push(Piece::Text(c.to_string())),
        }
    }

    fn push_str(&mut self, s: &str) {
        for c in s.chars() {
            self.push_char(c);
        }
    }

    fn push_link(&mut self, text: &str, url: &str) {
        let text = read(text).map_or_else(|| text.to_string(), |pieces| as_name(&pieces));
        self.pieces.push(Piece::Link { text, url: url.trim().to_string() });
        self.changed = true;
    }

    fn run(&mut self) {
        // Delimiters of emphasis already matched, to be dropped when met.
        let mut closers: Vec<(usize, usize)> = Vec::new();
        let mut at = 0;
        while at < self.chars.len() {
            if let Some(&(_, len)) = closers.iter().find(|(pos, _)| *pos == at) {
                closers.retain(|(pos, _)| *pos != at);
                at += len;
                continue;
            }
            let c = self.chars[at];
            let step = match c {
                '\\' => self.escape(at),
                '<' => self.tag(at),
                '&' => self.entity(at),
                '[' => self.link(at),
                '`' => self.code(at),
                '*' | '_' => self.emphasis(at, &mut closers),
                _ => None,
            };
            match step {
                Some(next) => {
                    self.changed = true;
                    at = next;
                }
                None => {
                    self.push_char(c);
                    at += 1;
                }
            }
        }
    }

    fn escape(&mut self, at: usize) -> Option<usize> {
        let next = *self.chars.get(at + 1)?;
        if !next.is_ascii_punctuation() {
            return None;
        }
        self.push_char(next);
        Some(at + 2)
    }

    /// An HTML tag of a known name, or an autolink (`<https://…>`).
    fn tag(&mut self, at: usize) -> Option<usize> {
        let end =
            (at + 1..self.chars.len().min(at + 2048)).find(|&i| matches!(self.chars[i], '>' | '<' | '\n'))?;
        if self.chars[end] != '>' {
            return None;
        }
        let inner: String = self.chars[at + 1..end].iter().collect();
        let lower = inner.to_ascii_lowercase();
        if ["http://", "https://", "mailto:"].iter().any(|s| lower.starts_with(s)) && !inner.contains(' ') {
            self.push_link(&inner, &inner);
            return Some(end + 1);
        }
        let closing = lower.starts_with('/');
        let body = lower.trim_start_matches('/').trim_end_matches('/');
        let name: String = body.chars().take_while(char::is_ascii_alphanumeric).collect();
        let rest = &body[name.len()..];
        if !self.html || name.is_empty() || !(rest.is_empty() || rest.starts_with(char::is_whitespace)) {
            return None;
        }
        if BLOCK_TAGS.contains(&name.as_str()) {
            self.push_char('\n');
            return Some(end + 1);
        }
        // A styling tag is markup with its pair: `<b>…</b>`.
        let paired = self.lower.contains(&format!("</{name}>"))
            && (self.lower.contains(&format!("<{name}>")) || self.lower.contains(&format!("<{name} ")));
        if !INLINE_TAGS.contains(&name.as_str()) || !paired {
            return None;
        }
        if name == "a" && !closing {
            return self.anchor(&inner, end + 1).or(Some(end + 1));
        }
        Some(end + 1)
    }

    /// `<a href="…">text</a>` as a link; a link without its closing tag
    /// or address keeps its text.
    fn anchor(&mut self, attributes: &str, from: usize) -> Option<usize> {
        let lower = attributes.to_ascii_lowercase();
        let start = lower.find("href=")? + 5;
        let quoted = attributes[start..].trim_start();
        let url = match quoted.chars().next()? {
            quote @ ('"' | '\'') => quoted[1..].split(quote).next()?,
            _ => quoted.split_whitespace().next()?,
        };
        let rest: String = self.chars[from..].iter().collect();
        let close = rest.to_ascii_lowercase().find("</a>")?;
        let text = &rest[..close];
        let url = decode_entities(url);
        self.push_link(text, &url);
        Some(from + text.chars().count() + 4)
    }

    fn entity(&mut self, at: usize) -> Option<usize> {
        let end = (at + 1..self.chars.len().min(at + 10)).find(|&i| self.chars[i] == ';')?;
        let name: String = self.chars[at + 1..end].iter().collect();
        let decoded = entity(&name)?;
        self.push_char(decoded);
        Some(end + 1)
    }

    /// `[text](url)`.
    fn link(&mut self, at: usize) -> Option<usize> {
        let mut depth = 0;
        let close = (at..self.chars.len()).find(|&i| {
            match self.chars[i] {
                '[' => depth += 1,
                ']' => depth -= 1,
                _ => {}
            }
            depth == 0
        })?;
        if self.chars.get(close + 1) != Some(&'(') {
            return None;
        }
        let end = (close + 2..self.chars.len()).find(|&i| self.chars[i] == ')')?;
        let url: String = self.chars[close + 2..end].iter().collect();
        let url = url.split_whitespace().next().unwrap_or_default().trim_start_matches('<').to_string();
        // Only an address makes a link: `[draft](v2)` is text.
        let lower = url.to_ascii_lowercase();
        if !["http://", "https://", "mailto:", "www."].iter().any(|s| lower.starts_with(s)) {
            return None;
        }
        let text: String = self.chars[at + 1..close].iter().collect();
        self.push_link(&text, url.trim_start_matches('<').trim_end_matches('>'));
        Some(end + 1)
    }

    /// A code span: its text, as written.
    fn code(&mut self, at: usize) -> Option<usize> {
        let run = self.chars[at..].iter().take_while(|c| **c == '`').count();
        let mut i = at + run;
        while i < self.chars.len() {
            let here = self.chars[i..].iter().take_while(|c| **c == '`').count();
            if here == run {
                let inner: String = self.chars[at + run..i].iter().collect();
                self.push_str(inner.trim());
                return Some(i + run);
            }
            i += here.max(1);
        }
        None
    }

    /// `**x**`, `__x__`, `*x*`, `_x_` where Markdown reads emphasis: the
    /// opening run followed by a non-space and not inside a word (for
    /// `_`), a closing run of the same length after a non-space.
    fn emphasis(&mut self, at: usize, closers: &mut Vec<(usize, usize)>) -> Option<usize> {
        let c = self.chars[at];
        let run = self.chars[at..].iter().take_while(|x| **x == c).count().min(3);
        let before = at.checked_sub(1).map(|i| self.chars[i]);
        let after = self.chars.get(at + run).copied()?;
        let inside_word = |x: Option<char>| x.is_some_and(char::is_alphanumeric);
        if after.is_whitespace() || (c == '_' && inside_word(before)) {
            return None;
        }
        let mut i = at + run + 1;
        while i + run <= self.chars.len() {
            let here = &self.chars[i..i + run];
            let prev = self.chars[i - 1];
            let next = self.chars.get(i + run).copied();
            if here.iter().all(|x| *x == c)
                && next != Some(c)
                && !prev.is_whitespace()
                && !(c == '_' && inside_word(next))
            {
                closers.push((i, run));
                return Some(at + run);
            }
            i += 1;
        }
        None
    }
}

/// The character an HTML entity names, of those text fields carry.
fn entity(name: &str) -> Option<char> {
    let named = match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => ' ',
        "ndash" => '–',
        "mdash" => '—',
        "middot" => '·',
        "hellip" => '…',
        _ => {
            let number = name.strip_prefix('#')?;
            let code = match number.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => number.parse().ok()?,
            };
            return char::from_u32(code).filter(|c| !c.is_control() || *c == '\n');
        }
    };
    Some(named)
}

/// Entities decoded in an attribute value.
fn decode_entities(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(start) = rest.find('&') {
        out.push_str(&rest[..start]);
        let tail = &rest[start + 1..];
        match tail.find(';').filter(|end| *end < 9).and_then(|end| Some((end, entity(&tail[..end])?))) {
            Some((end, c)) => {
                out.push(c);
                rest = &tail[end + 1..];
            }
            None => {
                out.push('&');
                rest = tail;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn prose(text: &str) -> Option<String> {
        read(text).map(|p| as_prose(&p))
    }

    #[test]
    fn markdown_inline_becomes_plain_text() {
        assert_eq!(
            prose("Worked at **Pässisoft** on _search_").as_deref(),
            Some("Worked at Pässisoft on search")
        );
        assert_eq!(
            prose("Studied at [Tampere](https://tuni.fi)").as_deref(),
            Some("Studied at Tampere (https://tuni.fi)")
        );
        assert_eq!(prose("Ran `cargo build` \\*nightly\\*").as_deref(), Some("Ran cargo build *nightly*"));
        assert_eq!(prose("*Tampere University*").as_deref(), Some("Tampere University"));
        assert_eq!(prose("***all***").as_deref(), Some("all"));
    }

    #[test]
    fn html_becomes_plain_text() {
        assert_eq!(
            prose("<strong>Lead</strong> engineer</br>Seoul").as_deref(),
            Some("Lead engineer\n\nSeoul")
        );
        assert_eq!(
            prose("<ul><li>One</li><li>Two &amp; three</li></ul>").as_deref(),
            Some("One\n\nTwo & three")
        );
        assert_eq!(
            prose(r#"See <a href="https://x.example/a?b=1&amp;c=2">the post</a>."#).as_deref(),
            Some("See the post (https://x.example/a?b=1&c=2).")
        );
    }

    #[test]
    fn text_that_only_looks_like_markup_is_kept() {
        for text in [
            "snake_case_name and file_name_v2 stay",
            "5 * 3 = 15, x < y > z",
            "C++ & Go; 100% uptime",
            "a_b * c",
            "[draft] notes (2020)",
            "1. first - second",
            "<T> generics and <vector>",
            "**unclosed",
            "정산 배치 설계 & 구현 <b>",
            "[링크처럼](보이는) 문장",
            "a <i>lone opener",
        ] {
            assert_eq!(prose(text), None, "{text}");
        }
    }

    #[test]
    fn a_bullet_keeps_its_one_link() {
        let bullet = |t: &str| as_bullet(&read(t).unwrap());
        assert_eq!(
            bullet("Wrote [the guide](https://x.example/g)"),
            ("Wrote the guide".into(), Some("https://x.example/g".into()))
        );
        assert_eq!(
            bullet("Talk: <https://x.example/t>"),
            ("Talk:".into(), Some("https://x.example/t".into()))
        );
        assert_eq!(
            bullet("[a](https://a.example) and [b](https://b.example)"),
            ("a (https://a.example) and b (https://b.example)".into(), None)
        );
    }
}
