//! The résumé as Word has it: the header, the career summary, the
//! projects with their stack tables (or the employments, by employer), and
//! every other section, as the view gives them.

use docx_rs::{IndentLevel, NumberingId, Paragraph, Run, Table, TableCell, TableRow, WidthType};

use super::{BULLETS, MUTED, Writer};
use crate::view::body::{Block, Emphasis, Item, Row, Span};
use crate::view::{LinkView, View};

/// The label column of a table of rows.
const LABEL: usize = 1600;

impl Writer {
    /// The name, headline and contacts, as at the top of the PDF.
    pub(super) fn header(&mut self, view: &View) {
        self.text("Title", &view.person.name);
        if let Some(headline) = &view.person.headline {
            self.text("Subtitle", headline);
        }
        let mut contacts = self.para().style("Meta");
        let mut first = true;
        if let Some(location) = &view.person.location {
            contacts = contacts.add_run(Run::new().add_text(location));
            first = false;
        }
        for contact in &view.person.contacts {
            if !first {
                contacts = contacts.add_run(Run::new().add_text(" · "));
            }
            first = false;
            let link = self.link(contact);
            contacts = contacts.add_hyperlink(link);
        }
        if !first {
            self.add(contacts);
        }
    }

    /// The résumé's sections as the document composed them: a heading
    /// each, then its blocks.
    pub(super) fn resume(&mut self, view: &View) {
        for section in &view.body {
            if let Some(heading) = &section.heading {
                self.heading("Heading1", heading);
            }
            self.blocks(&section.blocks, 0);
        }
    }

    /// A heading that stays with what follows it.
    fn heading(&mut self, style: &str, text: &str) {
        let paragraph = self.para().style(style).keep_next(true).add_run(Run::new().add_text(text));
        self.add(paragraph);
    }

    /// Blocks, lists starting at `depth`.
    fn blocks(&mut self, blocks: &[Block], depth: usize) {
        for block in blocks {
            match block {
                Block::Paragraph { spans } => {
                    let paragraph = self.runs(self.para(), spans);
                    self.add(paragraph);
                }
                Block::Entry(entry) => {
                    self.heading("Heading2", &entry.title);
                    if !entry.meta.is_empty() {
                        // With the entry's first block, if it has one; an
                        // entry of a title and facts alone chains to nothing.
                        let meta = self.para().style("Meta").keep_next(!entry.blocks.is_empty());
                        self.add(meta.add_run(Run::new().add_text(entry.meta.join(" · "))));
                    }
                    self.blocks(&entry.blocks, depth);
                }
                Block::List { items } => self.items(items, depth),
                Block::Rows { rows } => self.rows(rows),
                Block::Part { title, blocks } => {
                    self.heading("Heading3", title);
                    self.blocks(blocks, depth);
                }
            }
        }
    }

    /// Rows as a borderless table: the label muted in a narrow column.
    fn rows(&mut self, rows: &[Row]) {
        let rows = rows
            .iter()
            .map(|row| {
                TableRow::new(vec![
                    TableCell::new()
                        .width(LABEL, WidthType::Dxa)
                        .add_paragraph(self.para().add_run(Run::new().color(MUTED).add_text(&row.label))),
                    TableCell::new()
                        .width(self.width - LABEL, WidthType::Dxa)
                        .add_paragraph(self.para().add_run(Run::new().add_text(row.values.join(" · ")))),
                ])
                // A row is never split across pages.
                .cant_split()
            })
            .collect();
        self.table(Table::new(rows).set_grid(vec![LABEL, self.width - LABEL]).clear_all_border());
    }

    /// Items as list paragraphs, nested items one level deeper, a note as
    /// a muted line under its item.
    fn items(&mut self, items: &[Item], depth: usize) {
        for item in items {
            let level = depth.min(2);
            let bullet = self
                .para()
                .numbering(NumberingId::new(BULLETS), IndentLevel::new(level))
                .keep_next(!item.items.is_empty() || item.note.is_some());
            let bullet = self.runs(bullet, &item.spans);
            self.add(bullet);
            self.items(&item.items, depth + 1);
            if let Some(note) = &item.note {
                let indent = 360 * (level as i32 + 1);
                let line = self.para().style("Meta").indent(Some(indent), None, None, None);
                self.add(line.add_run(Run::new().add_text(note)));
            }
        }
    }

    /// Runs in their styles; a link as Word keeps one.
    fn runs(&mut self, mut paragraph: Paragraph, spans: &[Span]) -> Paragraph {
        for span in spans {
            paragraph = match &span.link {
                Some(url) => {
                    let link = self.link(&LinkView { text: span.text.clone(), url: url.clone() });
                    paragraph.add_hyperlink(link)
                }
                None => {
                    let run = Run::new().add_text(&span.text);
                    paragraph.add_run(match span.style {
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
