//! Links in the finished document, whoever made them.
//!
//! The model checks every link the résumé holds (see
//! [`crate::model::safe_url`]), but a custom layout can make links of its
//! own: `#link("javascript:…")`. After layout, every link on every page is
//! checked by the same rule, so no PDF the tool writes carries an action a
//! viewer would run or a local file it would open.

use typst::layout::{Frame, FrameItem};
use typst::model::Destination;
use typst_layout::PagedDocument;

use crate::error::Error;

/// Every external link target in the document that the model's rule
/// refuses, once each, with the reason.
pub fn unsafe_links(document: &PagedDocument) -> Vec<(String, &'static str)> {
    let mut found = Vec::new();
    for page in document.pages() {
        scan(&page.frame, &mut found);
    }
    found
}

fn scan(frame: &Frame, found: &mut Vec<(String, &'static str)>) {
    for (_, item) in frame.items() {
        match item {
            FrameItem::Group(group) => scan(&group.frame, found),
            FrameItem::Link(Destination::Url(url), _) => {
                if let Err(why) = crate::model::safe_url(url.as_str())
                    && !found.iter().any(|(seen, _)| seen.as_str() == url.as_str())
                {
                    found.push((url.to_string(), why));
                }
            }
            _ => {}
        }
    }
}

/// The error for links the layout made that the rule refuses.
pub fn unsafe_link_error(links: &[(String, &'static str)], layout: &str) -> Error {
    let (url, why) = &links[0];
    let shown: String = url.chars().take(80).collect();
    let more = if links.len() > 1 { format!(" (and {} more)", links.len() - 1) } else { String::new() };
    Error::new(format!("{layout} makes a link to `{shown}`, which {why}{more}")).with_hint(
        "links may be `https://…`, `http://…`, `mailto:…` or `tel:…`; fix the layout's `link(…)` calls",
    )
}
