//! Pages to PNG, for previews and the reference-image tests.

use typst_layout::PagedDocument;

/// Rasterizes one page as PNG at `pixels_per_inch`, for previews and the
/// reference-image tests.
pub fn png(document: &PagedDocument, page: usize, pixels_per_inch: f32) -> Option<Vec<u8>> {
    let page = document.pages().get(page)?;
    let scale = typst::utils::Scalar::new(f64::from(pixels_per_inch) / 72.0);
    let options = typst_render::RenderOptions { pixel_per_pt: scale, render_bleed: false };
    let pixmap = typst_render::render(page, &options);
    pixmap.encode_png().ok()
}
