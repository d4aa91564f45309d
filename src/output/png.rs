//! Pages to PNG, for previews and the reference-image tests.

use typst_layout::PagedDocument;

/// One page is rasterized at a time, whichever document it belongs to: an
/// A4 page at 1200 ppi is a 560 MB pixmap, and two languages' pages at
/// once would pass the memory ceiling.
static RASTERIZING: std::sync::Mutex<()> = std::sync::Mutex::new(());

/// Rasterizes one page as PNG at `pixels_per_inch`, for previews and the
/// reference-image tests.
pub fn png(document: &PagedDocument, page: usize, pixels_per_inch: f32) -> Option<Vec<u8>> {
    let page = document.pages().get(page)?;
    let _one_at_a_time = RASTERIZING.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    let scale = typst::utils::Scalar::new(f64::from(pixels_per_inch) / 72.0);
    let options = typst_render::RenderOptions { pixel_per_pt: scale, render_bleed: false };
    let pixmap = typst_render::render(page, &options);
    pixmap.encode_png().ok()
}
