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

use std::io::Cursor;

use docx_rs::{
    AbstractNumbering, BreakType, Docx, Footer, Hyperlink, HyperlinkData, HyperlinkType, Level, LevelJc,
    LevelText, LineSpacing, NumPages, NumberFormat, Numbering, PageMargin, PageNum, Paragraph, Run, RunFonts,
    SpecialIndentType, Start, Style, StyleType, Tab, TabValueType, Table, WidthType,
};

use crate::error::{Error, Result};

mod form;
mod letter;
mod package;
mod resume;
use crate::view::{LinkView, Paper, View};

use package::{core_properties, font_table, sorted_relationships, with_language, xml_safe};

/// The family the PDF uses, named for Word.
const FONT: &str = "Pretendard";

/// Word's fallback where Pretendard is not installed.
const FALLBACK: &str = "Malgun Gothic";

pub(super) const ACCENT: &str = "1D4F91";
pub(super) const MUTED: &str = "5B6270";

/// The margins left and right, in twentieths of a point: 18 mm, as the
/// PDF's.
const MARGIN: usize = 1020;

/// The photo cell's width: 3 cm.
pub(super) const PHOTO: usize = 1701;

/// The bullet list's numbering id (1 is docx-rs's own default list).
pub(super) const BULLETS: usize = 2;

/// The résumé (or, when the view holds one, the letter or the 이력서 form)
/// as DOCX bytes, and a note when a character Word cannot hold had to be
/// replaced.
pub fn export(view: &View) -> Result<(Vec<u8>, Vec<String>)> {
    let mut writer = Writer::new(view);
    match (&view.form, &view.letter) {
        (Some(form), _) => writer.form(form, view),
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
pub(super) struct Writer {
    docx: Docx,
    links: usize,
    paragraphs: std::cell::Cell<usize>,
    /// The text width between the margins, in twentieths of a point:
    /// the paper's, so tables fill A4 and US Letter alike.
    pub(super) width: usize,
}

impl Writer {
    pub(super) fn new(view: &View) -> Self {
        let (width, height) = match view.paper {
            Paper::A4 => (11906, 16838),
            Paper::UsLetter => (12240, 15840),
        };
        let margin = MARGIN as i32;
        let fonts = RunFonts::new().ascii(FONT).hi_ansi(FONT).east_asia(FONT).cs(FONT);
        let size = (view.style.size.unwrap_or(9.5) * 2.0).round() as usize;
        let accent = view.style.accent.as_deref().map(|a| a.trim_start_matches('#').to_uppercase());
        let accent = accent.unwrap_or_else(|| ACCENT.to_string());
        let paragraph = |id: &str, name: &str| Style::new(id, StyleType::Paragraph).name(name).q_format(true);
        let mut levels = AbstractNumbering::new(BULLETS);
        for (level, mark) in ["•", "◦", "▪"].into_iter().enumerate() {
            let left = 360 * (level as i32 + 1);
            levels = levels.add_level(
                Level::new(
                    level,
                    Start::new(1),
                    NumberFormat::new("bullet"),
                    LevelText::new(mark),
                    LevelJc::new("left"),
                )
                .indent(Some(left), Some(SpecialIndentType::Hanging(240)), None, None),
            );
        }
        let docx = Docx::new()
            .page_size(width, height)
            .page_margin(
                PageMargin::new().top(907).bottom(1020).left(margin).right(margin).header(567).footer(567),
            )
            .default_fonts(fonts)
            .default_size(size)
            .default_line_spacing(LineSpacing::new().after(40).line(264))
            .add_style(
                paragraph("Title", "Title").size(size * 3).bold().line_spacing(LineSpacing::new().after(60)),
            )
            .add_style(paragraph("Subtitle", "Subtitle").size(size + 3).color(MUTED))
            .add_style(
                paragraph("Heading1", "heading 1")
                    .size(size + 5)
                    .bold()
                    .color(accent.clone())
                    .outline_lvl(0)
                    .line_spacing(LineSpacing::new().before(280).after(80)),
            )
            .add_style(
                paragraph("Heading2", "heading 2")
                    .size(size + 2)
                    .bold()
                    .outline_lvl(1)
                    .line_spacing(LineSpacing::new().before(200).after(40)),
            )
            .add_style(
                paragraph("Heading3", "heading 3")
                    .size(size)
                    .bold()
                    .outline_lvl(2)
                    .line_spacing(LineSpacing::new().before(100).after(20)),
            )
            .add_style(paragraph("Meta", "Meta").size(size.saturating_sub(1)).color(MUTED))
            .add_style(
                Style::new("Hyperlink", StyleType::Character)
                    .name("Hyperlink")
                    .color(accent)
                    .underline("single"),
            )
            .add_abstract_numbering(levels)
            .add_numbering(Numbering::new(BULLETS, BULLETS));
        Writer { docx, links: 0, paragraphs: std::cell::Cell::new(0), width: width as usize - 2 * MARGIN }
    }

    /// A new paragraph, its id numbered in document order (docx-rs counts
    /// per thread, so ids would depend on which thread built what).
    pub(super) fn para(&self) -> Paragraph {
        self.paragraphs.set(self.paragraphs.get() + 1);
        Paragraph::new().id(format!("{:08X}", self.paragraphs.get()))
    }

    pub(super) fn add(&mut self, paragraph: Paragraph) {
        let docx = std::mem::take(&mut self.docx);
        self.docx = docx.add_paragraph(paragraph);
    }

    /// A paragraph of `text`, its line breaks kept (an address on several
    /// lines).
    pub(super) fn text(&mut self, style: &str, text: &str) {
        let paragraph = with_lines(self.para().style(style), text);
        self.add(paragraph);
    }

    /// A link as Word keeps one: its id numbered in document order.
    pub(super) fn link(&mut self, link: &LinkView) -> Hyperlink {
        self.links += 1;
        let mut hyperlink = Hyperlink::new(&link.url, HyperlinkType::External)
            .add_run(Run::new().style("Hyperlink").add_text(&link.text));
        if let HyperlinkData::External { rid, .. } = &mut hyperlink.link {
            *rid = format!("rIdLink{}", self.links);
        }
        hyperlink
    }

    /// The footer every page carries, as the PDF's: the name and the
    /// document's kind on the left, `page / pages` on the right.
    pub(super) fn footer(&mut self, name: &str, kind: &str) {
        let line = self
            .para()
            .style("Meta")
            .add_tab(Tab::new().val(TabValueType::Right).pos(self.width))
            .add_run(Run::new().add_text(format!("{name} · {kind}")))
            .add_run(Run::new().add_tab())
            .add_page_num(PageNum::new())
            .add_run(Run::new().add_text(" / "))
            .add_num_pages(NumPages::new());
        let docx = std::mem::take(&mut self.docx);
        self.docx = docx.footer(Footer::new().add_paragraph(line));
    }

    pub(super) fn table(&mut self, table: Table) {
        let docx = std::mem::take(&mut self.docx);
        self.docx = docx.add_table(table.width(self.width, WidthType::Dxa));
    }

    pub(super) fn finish(self, view: &View) -> Result<(Vec<u8>, Vec<String>)> {
        let mut xml = self.docx.build();
        xml.font_table = font_table().into_bytes();
        xml.doc_props.core = core_properties(view).into_bytes();
        xml.document_rels = sorted_relationships(&xml.document_rels);
        xml.styles = with_language(&xml.styles);
        // Every part that carries the document's text.
        let mut replaced = 0;
        for part in [&mut xml.document, &mut xml.doc_props.core, &mut xml.document_rels] {
            let (safe, count) = xml_safe(std::mem::take(part));
            *part = safe;
            replaced += count;
        }
        let mut bytes = Cursor::new(Vec::new());
        xml.pack(&mut bytes)
            .map_err(|err| Error::new(format!("the Word document could not be written: {err}")))?;
        let notes = if replaced > 0 {
            vec![format!("{replaced} control character(s) no Word file can hold were replaced with U+FFFD")]
        } else {
            vec![]
        };
        Ok((bytes.into_inner(), notes))
    }
}

/// `text` added to `paragraph`, a line break for each of its own.
pub(super) fn with_lines(mut paragraph: Paragraph, text: &str) -> Paragraph {
    for (n, line) in text.split('\n').enumerate() {
        let mut run = Run::new();
        if n > 0 {
            run = run.add_break(BreakType::TextWrapping);
        }
        paragraph = paragraph.add_run(run.add_text(line.trim_end_matches('\r')));
    }
    paragraph
}
