//! Markdown, both ways: [`export`] writes the view as Markdown, and
//! [`import`] reads that form back in either language, as well as the list
//! form (`## project` headings, `- Key: value` items) résumés are often
//! kept in.

mod companies;
mod dates;
mod document;
mod export;
mod import;
mod outline;
mod project;
mod reader;

pub use export::export;
pub use import::import;
