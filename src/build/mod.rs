//! The middle of the pipeline: from what a command asks to files on disk.
//!
//! A [`Request`] (the flags, as plain data) becomes validated [`Job`]s
//! (`job`: one per profile, document and set of languages, every field
//! checked and every error pointed at its flag or profile key, `profile`);
//! each job names its files (`names`); [`render_language`] runs one
//! document in one language through localize, typeset and the checks
//! (`render`); [`build`] runs them all on a pool and writes them, joining
//! packets (`batch`). `export` gives the commands that print rather than
//! typeset the same view a build would. Nothing here prints or exits:
//! errors and warnings go back to the caller.

mod batch;
mod export;
mod job;
mod names;
mod profile;
mod render;
mod request;

pub use batch::{BUILD_STACK, Target, Tried, Written, build, measure_all, on_pool, render_all, write};
pub use export::{export_view, translation_status};
pub use job::{Job, budgeted, configure, profile_configs, unwritten};
pub use names::{Place, file_name, targets};
pub(crate) use profile::profile_layout;
pub use profile::{ALL_PROFILES, inside_folder, parse_paper, profile_problems};
pub use render::{PartNames, Rendered, catalogue, document_view, render_in, render_language, world_for};
pub use request::{Document, Request, SourceRequest, read};
