//! Page budgets: fit a document into `max_pages`, or say why it cannot.
//!
//! When the first layout runs over, the document is set again with tighter
//! spacing, then smaller type, in the tasteful steps of [`Fit::STEPS`]
//! (never below 9 pt). Each attempt is an incremental recompile of the same
//! world. When even the tightest setting runs over, the error says by how
//! much and which entries take the most room, measured from markers the
//! layout places around each project.

use std::num::NonZeroUsize;

use typst::foundations::{Label, Selector, Value};
use typst::introspection::Introspector;
use typst_layout::PagedDocument;

use crate::error::{Error, Result};
use crate::typeset::compile;
use crate::typeset::world::ResumeWorld;
use crate::view::{Fit, View};

/// Compiles the view, tightening it until it fits in `max_pages`.
pub fn compile_within(
    world: &mut ResumeWorld,
    view: &mut View,
    max_pages: Option<usize>,
) -> Result<PagedDocument> {
    world.set_view(crate::pipeline::view_json(view));
    let document = compile::compile(world)?;
    let Some(max) = max_pages else { return Ok(document) };
    if document.pages().len() <= max {
        return Ok(document);
    }
    let mut last = document;
    for fit in Fit::STEPS {
        view.fit = fit;
        world.set_view(crate::pipeline::view_json(view));
        last = compile::compile(world)?;
        if last.pages().len() <= max {
            return Ok(last);
        }
    }
    Err(overflow_error(&last, max))
}

/// The height of a page's body, for turning lengths into page fractions.
fn page_height(document: &PagedDocument) -> f64 {
    document.pages().first().map_or(842.0, |p| p.frame.height().to_pt())
}

/// Where a marker sits, in pages from the top of page 1.
pub(crate) fn markers(document: &PagedDocument, label: &str) -> Vec<(String, f64)> {
    let Some(label) = Label::new(typst::utils::PicoStr::intern(label)) else { return vec![] };
    let introspector = document.introspector();
    let height = page_height(document);
    introspector
        .query(&Selector::Label(label))
        .iter()
        .filter_map(|content| {
            let position = introspector.position(content.location()?)?;
            let id = match content.get_by_name("value") {
                Ok(Value::Str(text)) => text.to_string(),
                _ => String::new(),
            };
            let page = position.page.get() - NonZeroUsize::MIN.get();
            Some((id, page as f64 + position.point.y.to_pt() / height))
        })
        .collect()
}

fn overflow_error(document: &PagedDocument, max: usize) -> Error {
    let pages = document.pages().len();
    let end = markers(document, "end-of-resume").first().map_or(pages as f64, |(_, at)| *at);
    let over = (end - max as f64).max(0.05);
    let starts = markers(document, "entry-start");
    let ends = markers(document, "entry-end");
    let mut sizes: Vec<(String, f64)> =
        starts.iter().zip(&ends).map(|((id, start), (_, end))| (id.clone(), end - start)).collect();
    sizes.sort_by(|a, b| b.1.total_cmp(&a.1));
    let largest: Vec<String> =
        sizes.iter().take(3).map(|(id, size)| format!("{id} ({:.1} pages)", size)).collect();
    let mut hint =
        String::from("drop entries or parts with --hide (or a profile's `hide`), or allow more pages");
    if !largest.is_empty() {
        hint = format!("the largest entries are {}; {hint}", largest.join(", "));
    }
    Error::new(format!(
        "the résumé needs {pages} pages but may have {max}: even at 9 pt with tight spacing it runs over by {:.1} of a page",
        over
    ))
    .with_hint(hint)
}
