//! The last stage: laid-out pages to bytes ([`pdf`], [`png`]), and bytes
//! to files ([`write`]) so that a build never costs the user a file.

pub mod pdf;
pub mod png;
pub mod write;

pub use write::{check_target, is_stdout, same_file, write_atomic};
