//! The résumé as a web page: one `<article>` per language, rendered from
//! the composed body of the view (the sections and blocks every writer
//! without a layout prints), so the page says what the PDF says, in the
//! same order and words. Every text goes through [`escape`]; every link's
//! address was checked when the model was read. The page needs no script
//! to be read: a few inline lines switch the language, and without them
//! both languages show, one after the other.
//!
//! Built with plain strings and one escaping function rather than a
//! template engine: the markup is small and fixed, and a builder of our
//! own keeps the bytes deterministic with nothing more to compile.

mod jsonld;
mod page;

pub mod fonts;

pub use page::{Page, PageOptions, STYLE, page};

use crate::view::View;
use crate::view::body::{Block, Emphasis, Item, Span};

/// Text made safe for HTML text and double-quoted attributes: the five
/// characters that could end a text or an attribute, written as
/// references; control characters (none of which a page shows) dropped.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\n' | '\t' => out.push(c),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// A link's address for `href`: the view's own (its scheme checked when
/// the model was read), escaped; anything else is no link.
fn href(url: &str) -> Option<String> {
    let lower = url.trim().to_ascii_lowercase();
    let allowed = ["https://", "http://", "mailto:", "tel:"].iter().any(|s| lower.starts_with(s));
    allowed.then(|| escape(url.trim()))
}

/// Whether a link leaves the page (and so gets `rel="noopener"`).
fn external(url: &str) -> bool {
    url.starts_with("http://") || url.starts_with("https://")
}

/// An `<a>` for a link, or its text when the address is not one a page
/// may link to.
fn anchor(url: &str, text: &str) -> String {
    match href(url) {
        Some(target) if external(url) => {
            format!("<a href=\"{target}\" rel=\"noopener\">{}</a>", escape(text))
        }
        Some(target) => format!("<a href=\"{target}\">{}</a>", escape(text)),
        None => escape(text),
    }
}

/// The runs of a line.
fn spans(spans: &[Span], dates: &[(String, String)]) -> String {
    spans
        .iter()
        .map(|span| {
            let text = match &span.link {
                Some(url) => anchor(url, &span.text),
                None if span.style == Emphasis::Muted => meta_item(&span.text, dates),
                None => escape(&span.text),
            };
            match span.style {
                Emphasis::Plain => text,
                Emphasis::Strong => format!("<strong>{text}</strong>"),
                Emphasis::Muted => format!("<span class=\"muted\">{text}</span>"),
            }
        })
        .collect()
}

/// `2022.04 ~ 현재`-like text with its machine-readable months, when the
/// text is a period the view dated.
fn meta_item(text: &str, dates: &[(String, String)]) -> String {
    // The longest printed period the text starts with (a duration may follow).
    let found =
        dates.iter().filter(|(printed, _)| text.starts_with(printed.as_str())).max_by_key(|(p, _)| p.len());
    match found {
        Some((printed, datetime)) => format!(
            "<time datetime=\"{}\">{}</time>{}",
            escape(datetime),
            escape(printed),
            escape(&text[printed.len()..])
        ),
        None => escape(text),
    }
}

/// The printed periods of the view with the month each starts, for
/// `<time datetime>`.
fn periods(view: &View) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut add = |printed: Option<&String>, dates: Option<&crate::view::Dates>| {
        if let (Some(printed), Some(dates)) = (printed, dates) {
            out.push((printed.clone(), dates.start.to_string()));
        }
    };
    for project in &view.projects {
        add(project.period.as_ref(), project.dates.as_ref());
    }
    for employment in &view.employments {
        add(Some(&employment.period), Some(&employment.dates));
    }
    for school in &view.education {
        add(school.period.as_ref(), school.dates.as_ref());
    }
    out
}

/// Blocks at heading depth `depth` (3 under a section's `h2`).
fn blocks(out: &mut String, blocks: &[Block], depth: usize, dates: &[(String, String)], lang: &str) {
    for block in blocks {
        match block {
            Block::Paragraph { spans: runs } => {
                out.push_str(&format!("<p>{}</p>\n", spans(runs, dates)));
            }
            Block::Entry(entry) => {
                // Each language's entries have ids of their own on the one page.
                let id = entry
                    .anchor
                    .as_deref()
                    .map(|a| format!(" id=\"{}\"", escape(&format!("{lang}-{a}"))))
                    .unwrap_or_default();
                let level = depth.min(6);
                out.push_str(&format!(
                    "<section class=\"entry\"{id}>\n<h{level}>{}</h{level}>\n",
                    escape(&entry.title)
                ));
                if !entry.meta.is_empty() {
                    let items: Vec<String> = entry.meta.iter().map(|m| meta_item(m, dates)).collect();
                    out.push_str(&format!(
                        "<p class=\"meta\">{}</p>\n",
                        items.join(" <span aria-hidden=\"true\">·</span> ")
                    ));
                }
                self::blocks(out, &entry.blocks, depth + 1, dates, lang);
                out.push_str("</section>\n");
            }
            Block::List { items: list } => items(out, list, dates),
            Block::Rows { rows } => {
                out.push_str("<dl class=\"rows\">\n");
                for row in rows {
                    out.push_str(&format!(
                        "<dt>{}</dt><dd>{}</dd>\n",
                        escape(&row.label),
                        row.values.iter().map(|v| escape(v)).collect::<Vec<_>>().join(" · ")
                    ));
                }
                out.push_str("</dl>\n");
            }
            Block::Part { title, blocks: inner } => {
                out.push_str(&format!("<div class=\"part\"><p class=\"part-title\">{}</p>\n", escape(title)));
                self::blocks(out, inner, depth, dates, lang);
                out.push_str("</div>\n");
            }
        }
    }
}

fn items(out: &mut String, list: &[Item], dates: &[(String, String)]) {
    out.push_str("<ul>\n");
    for item in list {
        out.push_str(&format!("<li>{}", spans(&item.spans, dates)));
        if let Some(note) = &item.note {
            out.push_str(&format!("<br><span class=\"muted\">{}</span>", escape(note)));
        }
        if !item.items.is_empty() {
            out.push('\n');
            items(out, &item.items, dates);
        }
        out.push_str("</li>\n");
    }
    out.push_str("</ul>\n");
}

/// One language's résumé as an `<article lang>`: the header (name,
/// headline, location and contacts in an `<address>`, the PDF to
/// download when there is one), then each section of the composed body
/// under its `h2`.
pub fn article(view: &View, download: Option<&str>, photo: Option<&str>) -> String {
    let lang = escape(&view.lang);
    let dates = periods(view);
    let mut out = format!("<article lang=\"{lang}\" id=\"{lang}\" class=\"resume\">\n<header>\n");
    if let Some(src) = photo {
        // Its text for a reader that cannot see it: whose photo it is.
        out.push_str(&format!(
            "<img class=\"photo\" src=\"{}\" alt=\"{}\" width=\"120\" height=\"160\">\n",
            escape(src),
            escape(&view.person.name)
        ));
    }
    out.push_str(&format!("<h1>{}</h1>\n", escape(&view.person.name)));
    if let Some(headline) = &view.person.headline {
        out.push_str(&format!("<p class=\"headline\">{}</p>\n", escape(headline)));
    }
    let mut contacts: Vec<String> = view.person.location.iter().map(|l| escape(l)).collect();
    contacts.extend(view.person.contacts.iter().map(|c| anchor(&c.url, &c.text)));
    if !contacts.is_empty() {
        out.push_str(&format!(
            "<address>{}</address>\n",
            contacts.join(" <span aria-hidden=\"true\">·</span> ")
        ));
    }
    if let Some(file) = download {
        out.push_str(&format!(
            "<p class=\"download\"><a href=\"{}\" type=\"application/pdf\" download>PDF</a></p>\n",
            escape(file)
        ));
    }
    out.push_str("</header>\n");
    for section in &view.body {
        let id = escape(&format!("{lang}-{}", section.id));
        out.push_str(&format!("<section id=\"{id}\">\n"));
        if let Some(heading) = &section.heading {
            out.push_str(&format!("<h2>{}</h2>\n", escape(heading)));
        }
        blocks(&mut out, &section.blocks, 3, &dates, &view.lang);
        out.push_str("</section>\n");
    }
    out.push_str("</article>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_character_that_could_end_a_text_is_escaped() {
        assert_eq!(
            escape("<script>alert(\"x\")</script> & 'y'\u{1b}[31m"),
            "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;[31m"
        );
    }

    #[test]
    fn only_web_mail_and_phone_addresses_become_links() {
        assert_eq!(anchor("javascript:alert(1)", "x"), "x");
        assert_eq!(
            anchor("https://a.example/?q=\"><b>", "a"),
            "<a href=\"https://a.example/?q=&quot;&gt;&lt;b&gt;\" rel=\"noopener\">a</a>"
        );
        assert_eq!(
            anchor("mailto:a@b.example", "a@b.example"),
            "<a href=\"mailto:a@b.example\">a@b.example</a>"
        );
    }
}
