//! Typesetting: a view in, laid-out pages out. The [`world`] serves the
//! view as `/resume.json` to a Typst layout with the embedded [`fonts`];
//! [`compile`] lays it out, [`budget`] sets it again tighter until it fits
//! its page limit, and the laid-out pages are checked for text off the
//! page ([`overflow`]), unsafe links ([`links`]) and missing glyphs; [`text`]
//! reads a page's text back for the preview.

pub mod budget;
pub mod compile;
pub mod fonts;
pub mod links;
pub mod overflow;
pub mod shaping;
pub mod text;
pub mod world;
