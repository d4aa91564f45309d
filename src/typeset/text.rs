//! A laid-out page's text in reading order. An SVG page draws its glyphs
//! as outlines, so the preview page gives the text beside each image: a
//! screen reader reads it, and a test sees what the page says.

use typst::layout::{Abs, Frame, FrameItem, Point};

/// The page's text, a line per line of type: runs on one baseline are
/// joined (with a space where they stand apart), lines top to bottom.
pub fn page_text(frame: &Frame) -> String {
    let mut runs = Vec::new();
    collect(frame, Point::zero(), &mut runs);
    runs.sort_by(|a, b| a.y.to_pt().total_cmp(&b.y.to_pt()).then(a.x.to_pt().total_cmp(&b.x.to_pt())));
    let mut out = String::new();
    let mut last: Option<&Run> = None;
    for run in &runs {
        match last {
            Some(prev) if (run.y - prev.y).abs() < prev.size * 0.3 => {
                let gap = run.x - prev.end;
                if gap > prev.size * 0.15 && !out.ends_with(' ') && !run.text.starts_with(' ') {
                    out.push(' ');
                }
            }
            Some(_) => out.push('\n'),
            None => {}
        }
        out.push_str(&run.text);
        last = Some(run);
    }
    out
}

/// One run of text at its baseline.
struct Run {
    x: Abs,
    end: Abs,
    y: Abs,
    size: Abs,
    text: String,
}

fn collect(frame: &Frame, offset: Point, runs: &mut Vec<Run>) {
    for (position, item) in frame.items() {
        let at = offset + *position;
        match item {
            FrameItem::Group(group) => {
                let shifted = Point::new(at.x + group.transform.tx, at.y + group.transform.ty);
                collect(&group.frame, shifted, runs);
            }
            FrameItem::Text(text) if !text.text.trim().is_empty() => runs.push(Run {
                x: at.x,
                end: at.x + text.width(),
                y: at.y,
                size: text.size,
                text: text.text.to_string(),
            }),
            _ => {}
        }
    }
}
