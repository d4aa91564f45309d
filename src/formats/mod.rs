//! Formats other than the PDF, in and out: Markdown (both ways), JSON
//! Resume (both ways), the view as JSON, plain text, Word, and Fluent skeletons for
//! translators. Every importer prints a résumé `check` accepts (see
//! [`import`]); every exporter reads the localized [`crate::view::View`].

pub mod docx;
pub mod fluent;
pub mod html;
pub mod import;
pub mod json;
pub mod jsonresume;
pub mod linkedin;
pub mod markdown;
pub mod markup;
pub mod rendercv;
pub mod text;

use crate::error::{Error, Result};
use crate::output::Format;
use crate::view::View;

/// A document format written from the view: its bytes and what the writer
/// notes about what the format could not hold (JSON Resume's).
pub fn write(format: Format, view: &View, attachments: &docx::Attachments) -> Result<(Vec<u8>, Vec<String>)> {
    // A letter is sent as itself: typeset, in Word, or as the text of its
    // answers; the form is a form, in Word or typeset. Either is also the
    // view its layout reads, as JSON.
    match (&view.letter, &view.form, format) {
        (Some(letter), _, Format::Text) => return Ok((text::letter(letter).into_bytes(), Vec::new())),
        (_, _, Format::Docx | Format::Json) | (None, None, _) => {}
        (Some(_), _, _) | (_, Some(_), _) => {
            return Err(Error::new(format!("this document is not written as {}", format.name())).with_hint(
                "a letter is written as pdf, docx, text or json; the 이력서 form as pdf, docx or json",
            ));
        }
    }
    Ok(match format {
        Format::Docx => docx::export(view, attachments)?,
        Format::Markdown => (markdown::export(view).into_bytes(), Vec::new()),
        Format::Text => (text::export(view).into_bytes(), Vec::new()),
        Format::JsonResume => {
            let (json, notes) = jsonresume::export(view);
            (json.into_bytes(), notes)
        }
        Format::Json => (json::export(view).into_bytes(), Vec::new()),
        Format::Html => {
            let options = html::PageOptions { single_file: true, ..Default::default() };
            (html::page(std::slice::from_ref(view), options).html.into_bytes(), Vec::new())
        }
        Format::Pdf | Format::Png | Format::Svg => {
            return Err(Error::new(format!("`{}` is typeset, not written from the view", format.name())));
        }
    })
}
