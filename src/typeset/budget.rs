//! Page budgets: fit a document into `max_pages`, or say why it cannot.
//!
//! When the first layout runs over, the document is set again with tighter
//! spacing, then smaller type, step by step. The steps are the layout's to
//! declare (`#fit-steps((scale: 1, spacing: 0.9), …)` from the layout
//! library, read back from the first compile); a layout that declares none
//! gets [`Fit::STEPS`]. Each attempt is an incremental recompile of the
//! same world. When even the tightest setting runs over, the error says by how
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
) -> Result<(PagedDocument, Option<Error>)> {
    let (document, tightened) = fit(world, view, max_pages)?;
    if tightened {
        return Ok((document, None));
    }
    let (document, note) = end_a_page_earlier(world, view, document)?;
    let note = note.or_else(|| room_left(&document, max_pages));
    Ok((document, note))
}

/// The document within `max_pages` at the loosest step that fits, and
/// whether it had to be tightened to get there.
fn fit(world: &mut ResumeWorld, view: &mut View, max_pages: Option<usize>) -> Result<(PagedDocument, bool)> {
    world.set_view(view.to_json());
    let document = compile::compile(world)?;
    let within = max_pages.is_none_or(|max| document.pages().len() <= max);
    if within {
        return Ok((document, false));
    }
    let max = max_pages.expect("a budget was passed");
    let steps = declared_steps(&document)?.unwrap_or_else(|| Fit::STEPS.to_vec());
    let mut last = document;
    for fit in steps {
        view.fit = fit;
        world.set_view(view.to_json());
        last = compile::compile(world)?;
        if last.pages().len() <= max {
            return Ok((last, true));
        }
    }
    Err(overflow_error(&last, max))
}

/// Whether the view fits in `max_pages` at all, in at most two compiles:
/// as designed, then at the layout's tightest step, which fits whenever
/// any step does ([`fit`] stops at the first, at the latest there). The
/// document returned is the tightest one when the design runs over, so
/// `check` reads its warnings from a document that may be a step tighter
/// than the one `pdf` writes.
pub fn fits(world: &mut ResumeWorld, view: &mut View, max_pages: Option<usize>) -> Result<PagedDocument> {
    world.set_view(view.to_json());
    let document = compile::compile(world)?;
    let Some(max) = max_pages.filter(|max| document.pages().len() > *max) else {
        return Ok(document);
    };
    let steps = declared_steps(&document)?.unwrap_or_else(|| Fit::STEPS.to_vec());
    let Some(tightest) = steps.last() else {
        return Err(overflow_error(&document, max));
    };
    view.fit = *tightest;
    world.set_view(view.to_json());
    let tightest = compile::compile(world)?;
    if tightest.pages().len() <= max {
        return Ok(tightest);
    }
    Err(overflow_error(&tightest, max))
}

/// How full a last page must be to stay: a page holding a line or two
/// looks like a mistake.
const LEAST_LAST_PAGE: f64 = 0.2;

/// A document whose last page is under [`LEAST_LAST_PAGE`] full is set
/// again with the layout's tightening steps, within the same bounds as a
/// page budget, to end a page earlier; when none does, it stays as it was,
/// with a note saying so.
fn end_a_page_earlier(
    world: &mut ResumeWorld,
    view: &mut View,
    document: PagedDocument,
) -> Result<(PagedDocument, Option<Error>)> {
    let pages = document.pages().len();
    let Some((_, end)) = markers(&document, "end-of-resume").into_iter().next() else {
        return Ok((document, None));
    };
    let filled = end - (pages - 1) as f64;
    if pages < 2 || filled >= LEAST_LAST_PAGE {
        return Ok((document, None));
    }
    let steps = declared_steps(&document)?.unwrap_or_else(|| Fit::STEPS.to_vec());
    let designed = view.fit;
    for fit in steps {
        view.fit = fit;
        world.set_view(view.to_json());
        let tighter = compile::compile(world)?;
        if tighter.pages().len() < pages {
            return Ok((tighter, None));
        }
    }
    view.fit = designed;
    world.set_view(view.to_json());
    let note = Error::new(format!(
        "the last of {pages} pages holds only {:.0} % of a page, and even the tightest setting does not end a page earlier",
        filled * 100.0
    ))
    .with_hint("hide a short section or entry (`--hide`), or let it be")
    .into_note();
    Ok((document, Some(note)))
}

/// How full the last page of a budget must be for the build to say
/// nothing: a one-page résumé with a third of its page empty has room for
/// what the selection left out.
const FILLED_BUDGET: f64 = 0.85;

/// A note when a document uses all of its page budget but leaves its
/// last page well short of full: how much room is left, so the selection
/// can keep more.
fn room_left(document: &PagedDocument, max_pages: Option<usize>) -> Option<Error> {
    let max = max_pages?;
    let pages = document.pages().len();
    let (_, end) = markers(document, "end-of-resume").into_iter().next()?;
    let filled = end - (pages - 1) as f64;
    if pages != max || filled >= FILLED_BUDGET {
        return None;
    }
    let what = if max == 1 { "its one page".to_string() } else { format!("the last of its {max} pages") };
    Some(
        Error::new(format!(
            "the document fills {:.0} % of {what}: about {:.0} % is room for more",
            filled * 100.0,
            (1.0 - filled) * 100.0
        ))
        .with_hint("keep more with `--only` (an entry, a tag, a longer period), or let it be")
        .into_note(),
    )
}

/// The most steps a layout may declare: each is a whole recompile.
const MAX_STEPS: usize = 12;

/// The steps the layout declared with `fit-steps`, if it did: size factors
/// from 0.5 to 2 and spacing factors from 0.3 to 2, at most [`MAX_STEPS`].
fn declared_steps(document: &PagedDocument) -> Result<Option<Vec<Fit>>> {
    let Some(label) = Label::new(typst::utils::PicoStr::intern("fit-steps")) else { return Ok(None) };
    let found = document.introspector().query(&Selector::Label(label));
    let Some(content) = found.first() else { return Ok(None) };
    let invalid = |why: &str| {
        Error::new(format!("the layout's `fit-steps` {why}"))
            .with_hint("declare them as `#fit-steps((scale: 1, spacing: 0.9), (scale: 0.97, spacing: 0.8))`")
    };
    let Ok(Value::Array(steps)) = content.get_by_name("value") else {
        return Err(invalid("are not a list of steps"));
    };
    if steps.is_empty() || steps.len() > MAX_STEPS {
        return Err(invalid(&format!("must be 1 to {MAX_STEPS} steps, not {}", steps.len())));
    }
    let number = |step: &typst::foundations::Dict, key: &str| match step.get(key) {
        Ok(Value::Float(f)) => Some(*f),
        Ok(Value::Int(i)) => Some(*i as f64),
        _ => None,
    };
    let mut fits = Vec::new();
    for step in steps.iter() {
        let Value::Dict(step) = step else {
            return Err(invalid("hold something that is not `(size: …, spacing: …)`"));
        };
        match (number(step, "scale"), number(step, "spacing")) {
            (Some(scale), Some(spacing))
                if (0.5..=2.0).contains(&scale) && (0.3..=2.0).contains(&spacing) =>
            {
                fits.push(Fit { scale, spacing })
            }
            _ => {
                return Err(invalid(
                    "need a `scale` from 0.5 to 2 and a `spacing` from 0.3 to 2 in each step",
                ));
            }
        }
    }
    Ok(Some(fits))
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
        "the résumé needs {pages} pages but may have {max}: even with the layout's smallest type and tightest spacing it runs over by {:.1} of a page",
        over
    ))
    .with_hint(hint)
}
