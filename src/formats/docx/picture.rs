//! The photo as Word shows one: a JPEG or PNG kept as it is (a GIF or
//! WebP turned into PNG, which every Word opens), placed inline and sized
//! to its box with its proportions kept.

use std::io::Cursor;

use super::package::{Media, PICTURE};
use super::xml::Element;

/// English Metric Units in a twentieth of a point.
const EMU_PER_TWIP: usize = 635;

/// The photo as a picture Word can show, and its size in pixels; `None`
/// for one it cannot (an SVG, which only newer Word reads).
pub(super) fn media(bytes: &[u8]) -> Option<(Media, (u32, u32))> {
    let format = image::guess_format(bytes).ok()?;
    let reader = image::ImageReader::with_format(Cursor::new(bytes), format);
    match format {
        image::ImageFormat::Png | image::ImageFormat::Jpeg => {
            let size = reader.into_dimensions().ok()?;
            let extension = if format == image::ImageFormat::Png { "png" } else { "jpeg" };
            Some((Media { bytes: bytes.to_vec(), extension }, size))
        }
        _ => {
            let image = reader.decode().ok()?;
            let mut png = Cursor::new(Vec::new());
            image.write_to(&mut png, image::ImageFormat::Png).ok()?;
            Some((Media { bytes: png.into_inner(), extension: "png" }, (image.width(), image.height())))
        }
    }
}

/// The drawing of the photo, `pixels` wide and high, fitted into a box of
/// `width` × `height` twips, described as `description`.
pub(super) fn inline(pixels: (u32, u32), width: usize, height: usize, description: &str) -> Element {
    let (w, h) = (pixels.0.max(1) as usize, pixels.1.max(1) as usize);
    // The largest size of the photo's proportions within the box.
    let (cx, cy) = if w * height > h * width { (width, width * h / w) } else { (height * w / h, height) };
    let (cx, cy) = (cx * EMU_PER_TWIP, cy * EMU_PER_TWIP);
    let extent = |name: &'static str| Element::new(name).attr("cx", cx).attr("cy", cy);
    let picture = Element::new("pic:pic")
        .child(
            Element::new("pic:nvPicPr")
                .child(Element::new("pic:cNvPr").attr("id", 0).attr("name", "photo"))
                .child(Element::new("pic:cNvPicPr")),
        )
        .child(
            Element::new("pic:blipFill")
                .child(Element::new("a:blip").attr("r:embed", PICTURE))
                .child(Element::new("a:stretch").child(Element::new("a:fillRect"))),
        )
        .child(
            Element::new("pic:spPr")
                .child(
                    Element::new("a:xfrm")
                        .child(Element::new("a:off").attr("x", 0).attr("y", 0))
                        .child(extent("a:ext")),
                )
                .child(Element::new("a:prstGeom").attr("prst", "rect").child(Element::new("a:avLst"))),
        );
    Element::new("w:drawing").child(
        Element::new("wp:inline")
            .attr("distT", 0)
            .attr("distB", 0)
            .attr("distL", 0)
            .attr("distR", 0)
            .child(extent("wp:extent"))
            .child(Element::new("wp:docPr").attr("id", 1).attr("name", "photo").attr("descr", description))
            .child(
                Element::new("a:graphic").child(
                    Element::new("a:graphicData")
                        .attr("uri", "http://schemas.openxmlformats.org/drawingml/2006/picture")
                        .child(picture),
                ),
            ),
    )
}
