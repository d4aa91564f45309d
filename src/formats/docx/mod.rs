//! The view as an editable Word document: what recruiters and headhunters
//! ask for when they want to add their own header or cut a section.
//!
//! It holds the same content as the PDF, in Word's own terms, so it stays
//! editable: real headings (the navigation pane lists them), real bullet
//! lists with nesting, a table per project's stack facts, links that
//! click, the page size and margins of the PDF, and the fonts named
//! (Pretendard, with Malgun Gothic, which every Korean Windows has, as
//! the fallback Word uses when Pretendard is not installed). Letters are
//! written as letters: each question a heading with its limit, each
//! answer as written.
//!
//! Same input, same bytes: the package's dates are fixed, link ids are
//! numbered in document order, and parts are listed in a fixed order.
//!
//! The XML is our own (`xml`, `wml`, `package`): every element is written
//! in the order ECMA-376 gives, which a test checks against the schemas,
//! and nothing is patched after it is written.

use crate::error::Result;
use crate::view::{LinkView, Paper, View};

mod form;
mod letter;
mod package;
mod picture;
mod resume;
mod wml;
mod xml;

use package::{Media, Parts, wordml_root};
use wml::{Block, Paragraph, Run, Table};
use xml::Element;

/// The family the PDF uses, named for Word.
const FONT: &str = "Pretendard";

/// Word's fallback where Pretendard is not installed.
const FALLBACK: &str = "Malgun Gothic";

const ACCENT: &str = "1D4F91";
const MUTED: &str = "5B6270";

/// The margins left and right, in twentieths of a point: 18 mm, as the
/// PDF's.
const MARGIN: usize = 1020;

/// The photo cell's width: 3 cm.
const PHOTO: usize = 1701;

/// The bullet list's numbering id.
const BULLETS: usize = 1;

/// The files a Word document embeds besides its text: the photo, when
/// the build shows one.
#[derive(Debug, Default)]
pub struct Attachments {
    /// The photo's bytes, as read from the résumé's folder.
    pub photo: Option<Vec<u8>>,
}

/// The résumé (or, when the view holds one, the letter or the 이력서 form)
/// as DOCX bytes, and notes on what Word could not be given as it is
/// (a character no Word file can hold, a photo Word cannot show).
pub fn export(view: &View, attachments: &Attachments) -> Result<(Vec<u8>, Vec<String>)> {
    let mut writer = Writer::new(view);
    match (&view.form, &view.letter) {
        (Some(form), _) => writer.form(form, view, attachments.photo.as_deref()),
        (None, Some(letter)) => {
            writer.header(view);
            writer.letter(letter);
            writer.footer(&view.person.name, &letter.kind);
        }
        (None, None) => {
            writer.header(view);
            writer.resume(view);
            writer.footer(&view.person.name, &view.document.kind);
        }
    }
    writer.finish(view)
}

/// Builds the document, numbering its links in order.
struct Writer {
    blocks: Vec<Block>,
    /// Every link's target, in document order.
    links: Vec<String>,
    footer: Option<Paragraph>,
    picture: Option<Media>,
    notes: Vec<String>,
    /// The page's size, in twentieths of a point.
    page: (usize, usize),
    /// The text width between the margins, in twentieths of a point:
    /// the paper's, so tables fill A4 and US Letter alike.
    width: usize,
}

impl Writer {
    fn new(view: &View) -> Self {
        let page = match view.paper {
            Paper::A4 => (11906, 16838),
            Paper::UsLetter => (12240, 15840),
        };
        Writer {
            blocks: Vec::new(),
            links: Vec::new(),
            footer: None,
            picture: None,
            notes: Vec::new(),
            page,
            width: page.0 - 2 * MARGIN,
        }
    }

    fn add(&mut self, paragraph: Paragraph) {
        self.blocks.push(Block::Paragraph(paragraph));
    }

    /// A paragraph of `text` in `style`, its line breaks kept (an address
    /// on several lines).
    fn text(&mut self, style: &'static str, text: &str) {
        self.add(Paragraph::new().style(style).lines(text));
    }

    /// A link as Word keeps one: a relationship numbered in document order.
    fn link(&mut self, paragraph: Paragraph, link: &LinkView) -> Paragraph {
        self.links.push(link.url.clone());
        let id = format!("rIdLink{}", self.links.len());
        paragraph.link(id, vec![Run::text(&link.text).style("Hyperlink")])
    }

    /// The footer every page carries, as the PDF's: the name and the
    /// document's kind on the left, `page / pages` on the right.
    fn footer(&mut self, name: &str, kind: &str) {
        let line = Paragraph::new()
            .style("Meta")
            .right_tab(self.width)
            .run(Run::text(format!("{name} · {kind}")))
            .run(Run::tab())
            .field("PAGE")
            .run(Run::text(" / "))
            .field("NUMPAGES");
        self.footer = Some(line);
    }

    fn table(&mut self, table: Table) {
        self.blocks.push(Block::Table(table));
    }

    fn finish(self, view: &View) -> Result<(Vec<u8>, Vec<String>)> {
        let (width, height) = self.page;
        let section = Element::new("w:sectPr")
            .maybe(self.footer.is_some().then(|| {
                Element::new("w:footerReference").attr("w:type", "default").attr("r:id", "rIdFooter")
            }))
            .child(Element::new("w:pgSz").attr("w:w", width).attr("w:h", height))
            .child(
                Element::new("w:pgMar")
                    .attr("w:top", 907)
                    .attr("w:right", MARGIN)
                    .attr("w:bottom", 1020)
                    .attr("w:left", MARGIN)
                    .attr("w:header", 567)
                    .attr("w:footer", 567)
                    .attr("w:gutter", 0),
            );
        let document = wordml_root("w:document")
            .attr("xmlns:wp", "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing")
            .attr("xmlns:a", "http://schemas.openxmlformats.org/drawingml/2006/main")
            .attr("xmlns:pic", "http://schemas.openxmlformats.org/drawingml/2006/picture")
            .child(Element::new("w:body").children(self.blocks.iter().map(Block::element)).child(section));
        let footer = wordml_root("w:ftr").child(self.footer.unwrap_or_default().element());
        let parts = Parts {
            document,
            footer,
            styles: package::styles(view),
            numbering: package::numbering(BULLETS),
            settings: package::settings(view),
            core: package::core_properties(view),
            links: self.links,
            picture: self.picture,
        };
        let (bytes, replaced) = package::pack(parts)?;
        let mut notes = self.notes;
        if replaced > 0 {
            notes.push(format!(
                "{replaced} control character(s) no Word file can hold were replaced with U+FFFD"
            ));
        }
        Ok((bytes, notes))
    }
}
