//! The preview page: one HTML file with its style and script inline, so it
//! works offline and needs nothing from anywhere else.

/// The page.
pub const HTML: &str = include_str!("page.html");

/// What the page may load: its own inline style and script, and images,
/// fonts, state and events from this server; nothing from elsewhere.
pub const POLICY: &str = "default-src 'none'; img-src 'self'; font-src 'self'; connect-src 'self'; frame-src 'self'; \
    style-src 'unsafe-inline'; script-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
