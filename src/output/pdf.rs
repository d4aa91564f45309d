//! Pages to PDF: tagged, with a document ID that stays the same across
//! builds, so that the same input gives the same bytes.

use typst::foundations::Smart;
use typst_layout::PagedDocument;
use typst_pdf::PdfOptions;

use crate::error::{Error, Result};
use crate::typeset::compile::diagnostics;
use crate::typeset::world::ResumeWorld;

/// Writes the pages as a tagged PDF. `ident` keeps the document ID stable
/// across builds, so the same input gives the same bytes.
pub fn pdf(world: &ResumeWorld, document: &PagedDocument, ident: &str) -> Result<Vec<u8>> {
    let options = PdfOptions {
        ident: Smart::Custom(ident.to_string()),
        creator: Smart::Custom(Some(format!("resume {}", env!("CARGO_PKG_VERSION")))),
        ..PdfOptions::default()
    };
    typst_pdf::pdf(document, &options)
        .map_err(|errors| Error::new("the PDF could not be written").with_detail(diagnostics(world, &errors)))
}
