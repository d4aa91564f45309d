//! Text that the page does not show is text lost.
//!
//! Typst lays out whatever it is given, but an unbreakable block taller
//! than a page runs off its foot, and a word wider than the line runs off
//! its edge: the PDF then silently lacks what the résumé says. After every
//! layout the pages are searched for text that lies outside its page (or
//! outside a clipping box), and the build fails naming the entry it belongs
//! to, unless `--allow-overflow` makes it a warning.

use typst::layout::{Abs, Frame, FrameItem, Point, Size};
use typst_layout::PagedDocument;

use crate::error::Error;

/// Some text of the document that no page shows.
#[derive(Debug, Clone, PartialEq)]
pub struct Lost {
    /// The page it was set on, from 1.
    pub page: usize,
    /// Where on the page it starts, in pages from the top of page 1.
    pub at: f64,
    /// The text, as set.
    pub text: String,
}

/// How far text may stray past an edge before it counts as lost: glyphs'
/// side bearings and an italic overhang are not lost text.
fn tolerance() -> Abs {
    Abs::pt(2.0)
}

/// Every run of text that lies outside its page or its clipping box.
pub fn lost_text(document: &PagedDocument) -> Vec<Lost> {
    let mut lost = Vec::new();
    for (index, page) in document.pages().iter().enumerate() {
        let size = page.frame.size();
        let mut found = Vec::new();
        scan(&page.frame, Point::zero(), (Point::zero(), size), &mut found);
        for (point, text) in found {
            let at = index as f64 + (point.y / size.y).clamp(0.0, 1.0);
            lost.push(Lost { page: index + 1, at, text });
        }
    }
    lost
}

/// Walks a frame at `offset` from the page's corner; `visible` is the
/// region of the page that can show anything (narrowed by clipping groups).
fn scan(frame: &Frame, offset: Point, visible: (Point, Size), found: &mut Vec<(Point, String)>) {
    for (position, item) in frame.items() {
        let at = offset + *position;
        match item {
            FrameItem::Group(group) => {
                let shifted = Point::new(at.x + group.transform.tx, at.y + group.transform.ty);
                let inner = if group.clip.is_some() {
                    intersect(visible, (shifted, group.frame.size()))
                } else {
                    visible
                };
                scan(&group.frame, shifted, inner, found);
            }
            FrameItem::Text(text) => {
                let (corner, size) = visible;
                let left = at.x;
                let right = at.x + text.width();
                let top = at.y - text.size * 0.7;
                let bottom = at.y;
                let slack = tolerance();
                let outside = left < corner.x - slack
                    || right > corner.x + size.x + slack
                    || top < corner.y - slack
                    || bottom > corner.y + size.y + slack;
                if outside && !text.text.trim().is_empty() {
                    found.push((at, text.text.to_string()));
                }
            }
            _ => {}
        }
    }
}

fn intersect(a: (Point, Size), b: (Point, Size)) -> (Point, Size) {
    let x = a.0.x.max(b.0.x);
    let y = a.0.y.max(b.0.y);
    let right = (a.0.x + a.1.x).min(b.0.x + b.1.x);
    let bottom = (a.0.y + a.1.y).min(b.0.y + b.1.y);
    (Point::new(x, y), Size::new((right - x).max(Abs::zero()), (bottom - y).max(Abs::zero())))
}

/// The error for lost text, naming the entry it stands in (from the
/// markers the layout places around each entry) and how it begins.
pub fn lost_text_error(lost: &[Lost], document: &PagedDocument) -> Error {
    let first = &lost[0];
    let starts = crate::typeset::budget::markers(document, "entry-start");
    let entry = starts.iter().rev().find(|(_, at)| *at <= first.at + 1e-6).map(|(id, _)| id.clone());
    let text: String = first.text.chars().take(48).collect();
    let ellipsis = if first.text.chars().count() > 48 { "…" } else { "" };
    let place = match entry {
        Some(id) => format!(" in the entry `{id}`"),
        None => String::new(),
    };
    let more = if lost.len() > 1 { format!(" ({} runs of text in all)", lost.len()) } else { String::new() };
    Error::new(format!(
        "text runs off page {}{place} and would be missing from the PDF: “{text}{ellipsis}”{more}",
        first.page
    ))
    .with_hint(
        "shorten the text or break it into bullets; a custom layout must let long blocks break across pages; \
         `--allow-overflow` builds anyway",
    )
}
