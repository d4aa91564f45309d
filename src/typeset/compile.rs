//! Compiling a layout into pages.
//!
//! Typst's own diagnostics (a broken custom layout, say) are printed the
//! way Typst prints them, with file, line and caret, and wrapped in our
//! [`Error`] so the binary reports every failure the same way.

use typst::diag::{SourceDiagnostic, Warned};
use typst_kit::diagnostics::{DiagnosticFormat, emit, termcolor::NoColor};
use typst_layout::PagedDocument;

use crate::error::{Error, Result};
use crate::typeset::world::ResumeWorld;

/// Lays the world's layout out into pages.
pub fn compile(world: &ResumeWorld) -> Result<PagedDocument> {
    let Warned { output, warnings } = typst::compile::<PagedDocument>(world);
    world.keep_warnings(warnings.to_vec());
    output.map_err(|errors| {
        // Typst says a source is not UTF-8 without saying where: the
        // layout file that is not is named at its first bad byte.
        if errors.iter().any(|e| e.message.contains("not valid UTF-8"))
            && let Some(located) = undecodable_layout(world)
        {
            return located;
        }
        Error::new("the layout failed to compile")
            .with_detail(diagnostics(world, &errors))
            .with_hint("fix the layout at the place shown, or build with the built-in `--layout classic`")
    })
}

/// The error of the first layout file the world read that is not UTF-8,
/// at its line and column.
fn undecodable_layout(world: &ResumeWorld) -> Option<Error> {
    world
        .files_read()
        .iter()
        .filter(|path| path.extension().is_some_and(|e| e == "typ"))
        .find_map(|path| crate::input::read_text(path).err())
}

/// The warnings Typst gave on the last compile of `world` (an unknown
/// font family, a `#text` argument that does nothing…), each once, as one
/// warning with Typst's own rendering of them.
pub fn warnings(world: &ResumeWorld) -> Option<Error> {
    let mut seen = std::collections::HashSet::new();
    let unique: Vec<SourceDiagnostic> =
        world.warnings().into_iter().filter(|w| seen.insert((w.span, w.message.clone()))).collect();
    let first = unique.first()?;
    let message = match unique.len() {
        1 => format!("the layout: {}", first.message),
        n => format!("the layout gave {n} warnings"),
    };
    Some(Error::warning(message).with_detail(diagnostics(world, &unique)))
}

/// Formats Typst diagnostics as Typst's CLI would, without colour, and
/// without hints that name the Typst CLI's flags, which this tool lacks.
pub fn diagnostics(world: &ResumeWorld, errors: &[SourceDiagnostic]) -> String {
    let errors: Vec<SourceDiagnostic> = errors
        .iter()
        .cloned()
        .map(|mut diagnostic| {
            for hint in diagnostic.hints.make_mut() {
                if hint.v.contains("`--root`") {
                    hint.v = "a layout may read only the files of its own folder".into();
                }
            }
            diagnostic
        })
        .collect();
    let errors = &errors[..];
    let mut buffer = NoColor::new(Vec::new());
    if emit(&mut buffer, world, errors, DiagnosticFormat::Human).is_err() {
        return errors.iter().map(|e| format!("error: {}\n", e.message)).collect();
    }
    String::from_utf8_lossy(&buffer.into_inner()).into_owned()
}
