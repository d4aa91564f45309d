//! Pages to SVG, one document per page, for the web.

use typst_layout::PagedDocument;

/// One page as an SVG document, or `None` past the last page.
pub fn svg(document: &PagedDocument, page: usize) -> Option<String> {
    let options = typst_svg::SvgOptions { render_bleed: false, pretty: false };
    document.pages().get(page).map(|page| typst_svg::svg(page, &options))
}
