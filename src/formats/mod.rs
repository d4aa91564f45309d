//! Formats other than the PDF, in and out: Markdown (both ways), JSON
//! Resume (both ways), the view as JSON, plain text, Word, and Fluent skeletons for
//! translators. Every importer prints a résumé `check` accepts (see
//! [`import`]); every exporter reads the localized [`crate::view::View`].

pub mod docx;
pub mod fluent;
pub mod import;
pub mod json;
pub mod jsonresume;
pub mod markdown;
pub mod text;
