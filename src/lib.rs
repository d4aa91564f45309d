//! `resume`: a résumé as code, in Korean and English, typeset by Typst.
//!
//! The pipeline runs in one direction, one module per stage, and no module
//! imports one that imports it back:
//!
//! 1. [`source`] and [`model`]: `resume.toml` is found and parsed into
//!    typed data (periods, texts, links), with errors that point at the
//!    file, line and column.
//! 2. [`build`]: what the flags and a profile ask becomes validated
//!    [`build::Job`]s, which it then runs and writes.
//! 3. [`select`]: `--only` / `--hide` keep the entries and sections asked for.
//! 4. [`localize`] (with [`i18n`]): every label, date and text is resolved
//!    through Fluent into a [`view::View`]: the one document, plain data
//!    with no language logic left, that every layout and writer renders.
//! 5. [`typeset`]: the view is served to a Typst layout as a virtual JSON
//!    file, compiled in-process, fitted to its page budget and checked.
//! 6. [`output`]: pages become PDF or PNG bytes, written atomically, never
//!    over an input.
//!
//! [`tailor`] reads a job posting against the model: what it asks, where
//! the résumé answers, and a selection that answers most.
//!
//! [`formats`] holds the other writers of the view (Word, text, Markdown,
//! JSON Resume) and the importers. A résumé folder is untrusted input:
//! [`input`] reads its files (regular files only, capped, decoded with
//! located errors), the typeset world keeps a layout inside its folder, and
//! [`limits`] ends builds that run away. [`watch`] rebuilds on save;
//! [`serve`] shows the rebuilt pages in a browser.

pub mod build;
pub mod check;
pub mod error;
pub mod formats;
pub mod heap;
pub mod i18n;
pub mod init;
pub mod input;
pub mod letters;
pub mod limits;
pub mod localize;
pub(crate) mod message_id;
pub mod model;
pub mod output;
pub mod photo;
pub mod profiles;
pub(crate) mod romanize;
pub mod select;
pub mod serve;
pub mod source;
pub(crate) mod style;
pub mod tailor;
pub mod today;
pub mod typeset;
pub mod view;
pub mod watch;

pub use error::{Error, Result};
