//! The résumé as Word has it: the header, the career summary, the
//! projects with their stack tables (or the employments, by employer), and
//! every other section, as the view gives them.

use super::wml::{Cell, Paragraph, Row, Run, Table};
use super::{BULLETS, MUTED, Writer};
use crate::view::body::{Block, Emphasis, Item, Row as ViewRow, Span};
use crate::view::{LinkView, View};

/// The label column of a table of rows.
const LABEL: usize = 1600;

/// The heading styles, by level.
const HEADINGS: [&str; 3] = ["Heading1", "Heading2", "Heading3"];

impl Writer {
    /// The name, headline and contacts, as at the top of the PDF.
    pub(super) fn header(&mut self, view: &View) {
        self.text("Title", &view.person.name);
        if let Some(headline) = &view.person.headline {
            self.text("Subtitle", headline);
        }
        let mut contacts = Paragraph::new().style("Meta");
        let mut first = true;
        if let Some(location) = &view.person.location {
            contacts = contacts.run(Run::text(location));
            first = false;
        }
        for contact in &view.person.contacts {
            if !first {
                contacts = contacts.run(Run::text(" · "));
            }
            first = false;
            contacts = self.link(contacts, contact);
        }
        if !first {
            self.add(contacts);
        }
    }

    /// The résumé's sections as the document composed them: a heading
    /// each, then its blocks.
    pub(super) fn resume(&mut self, view: &View) {
        for section in &view.body {
            let level = match &section.heading {
                Some(heading) => {
                    self.heading(0, heading);
                    1
                }
                None => 0,
            };
            self.blocks(&section.blocks, 0, level);
        }
    }

    /// A heading of `level` (0 for a section), kept with what follows and
    /// never split.
    fn heading(&mut self, level: usize, text: &str) {
        let style = HEADINGS[level.min(2)];
        self.add(Paragraph::new().style(style).keep_next(true).keep_lines().run(Run::text(text)));
    }

    /// Blocks, lists starting at `depth`, headings at `level` (one below
    /// the heading they are under, so no level is skipped).
    fn blocks(&mut self, blocks: &[Block], depth: usize, level: usize) {
        for block in blocks {
            match block {
                Block::Paragraph { spans } => {
                    let paragraph = self.runs(Paragraph::new(), spans);
                    self.add(paragraph);
                }
                Block::Entry(entry) => {
                    self.heading(level, &entry.title);
                    if !entry.meta.is_empty() {
                        // With the entry's first block, if it has one; an
                        // entry of a title and facts alone chains to nothing.
                        let meta = Paragraph::new().style("Meta").keep_next(!entry.blocks.is_empty());
                        self.add(meta.run(Run::text(entry.meta.join(" · "))));
                    }
                    self.blocks(&entry.blocks, depth, level + 1);
                }
                Block::List { items } => self.items(items, depth),
                Block::Rows { rows } => self.rows(rows),
                Block::Part { title, blocks } => {
                    self.heading(level, title);
                    self.blocks(blocks, depth, level + 1);
                }
            }
        }
    }

    /// Rows as a borderless table: the label muted in a narrow column.
    fn rows(&mut self, rows: &[ViewRow]) {
        let value = self.width - LABEL;
        let rows = rows
            .iter()
            .map(|row| {
                Row::new(vec![
                    Cell::new(Paragraph::new().run(Run::text(&row.label).color(MUTED))).width(LABEL),
                    Cell::new(Paragraph::new().run(Run::text(row.values.join(" · ")))).width(value),
                ])
            })
            .collect();
        self.table(Table { grid: vec![LABEL, value], rows, ruled: false });
    }

    /// Items as list paragraphs, nested items one level deeper, a note as
    /// a muted line under its item.
    fn items(&mut self, items: &[Item], depth: usize) {
        for item in items {
            let level = depth.min(2);
            let bullet = Paragraph::new()
                .numbered(BULLETS, level)
                .keep_next(!item.items.is_empty() || item.note.is_some());
            let bullet = self.runs(bullet, &item.spans);
            self.add(bullet);
            self.items(&item.items, depth + 1);
            if let Some(note) = &item.note {
                let line = Paragraph::new().style("Meta").indent(360 * (level + 1));
                self.add(line.run(Run::text(note)));
            }
        }
    }

    /// Runs in their styles; a link as Word keeps one.
    fn runs(&mut self, mut paragraph: Paragraph, spans: &[Span]) -> Paragraph {
        for span in spans {
            paragraph = match &span.link {
                Some(url) => self.link(paragraph, &LinkView::labelled(&span.text, url)),
                None => {
                    let run = Run::text(&span.text);
                    paragraph.run(match span.style {
                        Emphasis::Plain => run,
                        Emphasis::Strong => run.bold(),
                        Emphasis::Muted => run.color(MUTED),
                    })
                }
            };
        }
        paragraph
    }
}
