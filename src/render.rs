//! Compiling a view into pages and exporting them.
//!
//! Typst's own diagnostics (a broken custom layout, say) are printed the
//! way Typst prints them, with file, line and caret, and wrapped in our
//! [`Error`] so the binary reports every failure the same way.

use typst::diag::{SourceDiagnostic, Warned};
use typst::foundations::Smart;
use typst_kit::diagnostics::{DiagnosticFormat, emit, termcolor::NoColor};
use typst_layout::PagedDocument;
use typst_pdf::PdfOptions;

use crate::error::{Error, Result};
use crate::world::ResumeWorld;

/// Lays the world's layout out into pages.
pub fn compile(world: &ResumeWorld) -> Result<PagedDocument> {
    let Warned { output, warnings: _ } = typst::compile::<PagedDocument>(world);
    output.map_err(|errors| {
        Error::new("the layout failed to compile")
            .with_detail(diagnostics(world, &errors))
            .with_hint("fix the layout at the place shown, or build with the built-in `--layout classic`")
    })
}

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

/// Formats Typst diagnostics as Typst's CLI would, without colour, and
/// without hints that name the Typst CLI's flags, which this tool lacks.
pub fn diagnostics(world: &ResumeWorld, errors: &[SourceDiagnostic]) -> String {
    let errors: Vec<SourceDiagnostic> = errors
        .iter()
        .cloned()
        .map(|mut diagnostic| {
            for hint in diagnostic.hints.make_mut() {
                if hint.v.contains("`--root`") {
                    hint.v = "a layout may read only the files of its own folder".into();
                }
            }
            diagnostic
        })
        .collect();
    let errors = &errors[..];
    let mut buffer = NoColor::new(Vec::new());
    if emit(&mut buffer, world, errors, DiagnosticFormat::Human).is_err() {
        return errors.iter().map(|e| format!("error: {}\n", e.message)).collect();
    }
    String::from_utf8_lossy(&buffer.into_inner()).into_owned()
}

/// Rasterizes one page as PNG at `pixels_per_inch`, for previews and the
/// reference-image tests.
pub fn png(document: &PagedDocument, page: usize, pixels_per_inch: f32) -> Option<Vec<u8>> {
    let page = document.pages().get(page)?;
    let scale = typst::utils::Scalar::new(f64::from(pixels_per_inch) / 72.0);
    let options = typst_render::RenderOptions { pixel_per_pt: scale, render_bleed: false };
    let pixmap = typst_render::render(page, &options);
    pixmap.encode_png().ok()
}
