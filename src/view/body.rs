//! The résumé as a document of sections and blocks: what a writer without
//! a layout of its own prints (plain text, Word), composed once from the
//! view by [`compose`](super::compose) so that every such writer prints
//! the same facts in the same words, order and punctuation, and only
//! chooses how a heading, a bullet or a muted note looks in its format.
//!
//! The interchange formats (Markdown, JSON Resume) map the typed view to
//! the schema their importers read back; the Typst layouts read the typed
//! view, and may print this body as it is.

use serde::Serialize;

use super::LinkView;

/// One section of the document, under its heading.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Section {
    /// Its id in [`View::order`](super::View::order).
    pub id: String,
    /// The heading; none for the summary under the header of a résumé by
    /// project, which reads as part of the header.
    pub heading: Option<String>,
    /// What it holds, in order.
    pub blocks: Vec<Block>,
}

/// A part of a section.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Block {
    /// A paragraph: the summary, a total, a description, a title held.
    Paragraph {
        /// Its text, in runs.
        spans: Vec<Span>,
    },
    /// A headed entry (a project, an employment, a school) with a line
    /// of facts under its title and its own blocks.
    Entry(Entry),
    /// A bulleted list; items nest.
    List {
        /// The items.
        items: Vec<Item>,
    },
    /// Label and value rows: a project's stack, skills by kind.
    Rows {
        /// The rows.
        rows: Vec<Row>,
    },
    /// A minor heading with its blocks (`Responsibilities`).
    Part {
        /// The minor heading.
        title: String,
        /// What it holds.
        blocks: Vec<Block>,
    },
}

/// A headed entry.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Entry {
    /// An anchor, when the entry has an id.
    pub anchor: Option<String>,
    /// The title: a project's name, a company, a school.
    pub title: String,
    /// The facts under the title (company, period, location, degree),
    /// each printed as is, joined by the writer's separator.
    pub meta: Vec<String>,
    /// What the entry holds.
    pub blocks: Vec<Block>,
}

/// A bullet.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Item {
    /// Its text, in runs.
    pub spans: Vec<Span>,
    /// A muted line under it (`Tech: Go, Kotlin`).
    pub note: Option<String>,
    /// Nested bullets.
    pub items: Vec<Item>,
}

/// A row of label and value.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Row {
    /// The label, muted.
    pub label: String,
    /// The values, printed as is, joined by the writer's separator.
    pub values: Vec<String>,
}

/// A run of text and how it stands out.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Span {
    /// The text; for a link, what is printed for it.
    pub text: String,
    /// How it stands out.
    pub style: Emphasis,
    /// Its target, when it is a link.
    pub link: Option<String>,
}

/// How a run stands out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Emphasis {
    /// Body text.
    Plain,
    /// A name that leads a line.
    Strong,
    /// Dates and other secondary facts.
    Muted,
}

impl Span {
    /// Body text.
    pub fn plain(text: impl Into<String>) -> Self {
        Span { text: text.into(), style: Emphasis::Plain, link: None }
    }

    /// A lead-in.
    pub fn strong(text: impl Into<String>) -> Self {
        Span { text: text.into(), style: Emphasis::Strong, link: None }
    }

    /// A secondary fact.
    pub fn muted(text: impl Into<String>) -> Self {
        Span { text: text.into(), style: Emphasis::Muted, link: None }
    }

    /// A link, printed as the view prints it.
    pub fn link(link: &LinkView) -> Self {
        Span { text: link.text.clone(), style: Emphasis::Plain, link: Some(link.url.clone()) }
    }
}

impl Item {
    /// A bullet of these runs, with nothing under it.
    pub fn of(spans: Vec<Span>) -> Self {
        Item { spans, note: None, items: vec![] }
    }
}

impl super::View {
    /// Every link in the composed body printed as its short label (the
    /// host and `/…`), the address staying its target: what
    /// `style.short_links` asks of every writer of the body.
    pub fn shorten_links(&mut self) {
        fn spans(spans: &mut [Span]) {
            for span in spans.iter_mut() {
                if let Some(url) = &span.link {
                    span.text = LinkView::labelled(&span.text, url).short;
                }
            }
        }
        fn items(list: &mut [Item]) {
            for item in list {
                spans(&mut item.spans);
                items(&mut item.items);
            }
        }
        fn blocks(list: &mut [Block]) {
            for block in list {
                match block {
                    Block::Paragraph { spans: runs } => spans(runs),
                    Block::Entry(entry) => blocks(&mut entry.blocks),
                    Block::List { items: list } => items(list),
                    Block::Rows { .. } => {}
                    Block::Part { blocks: inner, .. } => blocks(inner),
                }
            }
        }
        for section in &mut self.body {
            blocks(&mut section.blocks);
        }
    }
}
