//! The view as JSON: the exact data a layout reads from `/resume.json`,
//! for writing a custom layout (`resume export --format json`).

use crate::view::View;

/// The view as JSON, pretty-printed: the exact data a layout reads from
/// `/resume.json`, for writing a custom layout.
pub fn export(view: &View) -> String {
    serde_json::to_string_pretty(view).expect("views serialize") + "\n"
}
