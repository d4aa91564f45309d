//! `resume`: a résumé as code, in Korean and English, typeset by Typst.
//!
//! The pipeline runs in one direction, one module per stage:
//!
//! 1. [`model`]: `resume.toml` is parsed into typed data (periods, texts,
//!    links), with errors that point at the file, line and column.
//! 2. [`select`]: `--only` / `--hide` keep the entries and sections asked for.
//! 3. [`i18n`] + [`view`]: every label, date and text is resolved through
//!    Fluent into a [`view::View`], plain data with no language logic left.
//! 4. [`world`] + [`render`]: the view is served to a Typst layout as a
//!    virtual JSON file, compiled in-process and exported as PDF.
//! 5. [`output`]: files are written atomically, never over an input.
//!
//! A résumé folder is untrusted input: [`input`] reads its files (regular
//! files only, capped, decoded with located errors), [`world`] keeps a
//! layout inside its folder, and [`limits`] ends builds that run away.
//!
//! [`pipeline`] ties the stages together for one language; the binary only
//! parses arguments and calls it.

pub mod budget;
pub mod check;
pub mod cli;
pub mod config;
pub mod document_links;
pub mod error;
pub mod export;
pub mod fonts;
pub mod heap;
pub mod i18n;
pub mod import;
pub mod init;
pub mod input;
pub mod jsonresume;
pub mod limits;
pub mod message_id;
pub mod model;
pub mod output;
pub mod overflow;
pub mod pipeline;
pub mod profiles;
pub mod render;
pub mod romanize;
pub mod select;
pub mod shaping;
pub mod today;
pub mod view;
pub mod watch;
pub mod world;

pub use error::{Error, Result};
