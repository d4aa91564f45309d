//! The photo, read before anything is typeset: a file that is not the
//! image it claims to be, or one so large that decoding it would take the
//! machine's memory, is refused with its own name and size, where the
//! résumé names it, rather than deep inside a layout.

use std::io::Cursor;
use std::path::Path;

use crate::error::{Error, Result};

/// The largest photo file read: a passport photo is a few hundred
/// kilobytes.
pub const MAX_BYTES: u64 = 20 << 20;

/// The most pixels a photo may have: a 3 × 4 cm photo needs about
/// 600 × 800; this allows a camera's full frame.
const MAX_PIXELS: u64 = 50_000_000;

/// The longest side a photo may have, in pixels.
const MAX_SIDE: u32 = 12_000;

/// How deeply an SVG photo may nest its elements; a drawing nests a few
/// levels, and a file nested thousands deep only makes its reader
/// recurse.
const MAX_SVG_DEPTH: usize = 64;

/// Checks the photo at `file` (named `shown` in the résumé): readable,
/// within the size limits, and decodable, or a clear error.
pub fn check(file: &Path, shown: &str, svg: bool) -> Result<()> {
    let bytes = crate::input::read_capped(file, MAX_BYTES).map_err(|refusal| {
        refusal
            .to_error("read the photo", file, MAX_BYTES)
            .with_hint("use a JPEG or PNG of a few hundred kilobytes")
    })?;
    if svg {
        return check_svg(&bytes, shown);
    }
    let unreadable = |why: String| {
        Error::new(format!("the photo `{shown}` cannot be read as an image: {why}"))
            .with_hint("open it in an image editor and save it again as JPEG or PNG")
    };
    let reader = image::ImageReader::new(Cursor::new(&bytes))
        .with_guessed_format()
        .map_err(|err| unreadable(err.to_string()))?;
    let (width, height) = reader.into_dimensions().map_err(|err| unreadable(err.to_string()))?;
    if width > MAX_SIDE || height > MAX_SIDE || u64::from(width) * u64::from(height) > MAX_PIXELS {
        return Err(Error::new(format!(
            "the photo `{shown}` is {width} × {height} pixels, more than a photo needs \
             (at most {MAX_SIDE} pixels a side and {} megapixels)",
            MAX_PIXELS / 1_000_000
        ))
        .with_hint("scale it down; a 3 × 4 cm photo prints sharp at 600 × 800 pixels"));
    }
    let mut reader = image::ImageReader::new(Cursor::new(&bytes))
        .with_guessed_format()
        .map_err(|err| unreadable(err.to_string()))?;
    let mut limits = image::Limits::default();
    limits.max_image_width = Some(MAX_SIDE);
    limits.max_image_height = Some(MAX_SIDE);
    limits.max_alloc = Some(MAX_PIXELS * 4 + (16 << 20));
    reader.limits(limits);
    reader.decode().map_err(|err| unreadable(err.to_string()))?;
    Ok(())
}

/// An SVG photo: UTF-8 text whose elements nest no deeper than
/// [`MAX_SVG_DEPTH`].
fn check_svg(bytes: &[u8], shown: &str) -> Result<()> {
    let Ok(text) = std::str::from_utf8(bytes) else {
        return Err(Error::new(format!("the photo `{shown}` is not an SVG file: it is not UTF-8 text"))
            .with_hint("export it again as SVG, or use a JPEG or PNG"));
    };
    let depth = svg_depth(text);
    if depth > MAX_SVG_DEPTH {
        return Err(Error::new(format!(
            "the photo `{shown}` nests its elements {depth} deep, more than the {MAX_SVG_DEPTH} an image needs"
        ))
        .with_hint("export it again flattened, or use a JPEG or PNG"));
    }
    Ok(())
}

/// How deeply the elements of an SVG text nest, counted from its tags
/// (`<g>` opens, `</g>` and `<g/>` do not stay open); comments and
/// declarations are skipped.
fn svg_depth(text: &str) -> usize {
    let (mut depth, mut deepest) = (0usize, 0usize);
    let mut rest = text;
    while let Some(open) = rest.find('<') {
        rest = &rest[open + 1..];
        let end = rest.find('>').unwrap_or(rest.len());
        let tag = &rest[..end];
        if tag.starts_with('/') {
            depth = depth.saturating_sub(1);
        } else if !(tag.starts_with('!') || tag.starts_with('?') || tag.ends_with('/')) {
            depth += 1;
            deepest = deepest.max(depth);
        }
        rest = &rest[end.min(rest.len())..];
    }
    deepest
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn svg_nesting_is_counted_from_its_tags() {
        assert_eq!(svg_depth("<?xml?><!-- c --><svg><g><rect/></g><g></g></svg>"), 2);
        let deep = format!("<svg>{}{}</svg>", "<g>".repeat(500), "</g>".repeat(500));
        assert_eq!(svg_depth(&deep), 501);
    }
}
