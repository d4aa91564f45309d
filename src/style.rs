//! The choices every layout honours: accent colour, body size and the
//! photo, from a profile or flags, checked before anything is built.
//!
//! A layout reads them from the view's `style` (see
//! [`crate::view::StyleView`]); absent means the layout's own default, so a
//! résumé that chooses nothing looks as its layout was designed.

use std::path::Path;

use crate::error::{Error, Result};
use crate::model::Source;
use crate::view::StyleView;

/// The body sizes a user may choose, in points: below 8 pt a printed page
/// is hard to read, above 12 pt a résumé looks like a poster.
const SIZES: std::ops::RangeInclusive<f64> = 8.0..=12.0;

/// Where the photo is named in the résumé.
const PERSON_PHOTO: [crate::model::Step; 2] =
    [crate::model::Step::Key("person"), crate::model::Step::Key("photo")];

/// The image formats a photo may have, by extension (Typst reads them all).
const PHOTO_FORMATS: &[&str] = &["jpg", "jpeg", "png", "gif", "webp", "svg"];

/// What the flags and the profile ask, before checking; a flag wins.
#[derive(Debug, Clone, Default)]
pub struct StyleRequest<'a> {
    /// `--accent` or the profile's `accent`.
    pub accent: Option<&'a str>,
    /// `--font-size` or the profile's `font_size`.
    pub size: Option<f64>,
    /// `--photo`/`--no-photo` or the profile's `photo`.
    pub photo: Option<bool>,
    /// `--short-links` or the profile's `short_links`.
    pub short_links: bool,
}

/// Which choice an error is about, so that the caller can point at the
/// flag or the profile key it came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StyleField {
    /// `--accent`, `accent`.
    Accent,
    /// `--font-size`, `font_size`.
    Size,
    /// `--photo`, `photo`.
    Photo,
}

impl StyleField {
    /// Its key in a profile.
    pub fn key(self) -> &'static str {
        match self {
            StyleField::Accent => "accent",
            StyleField::Size => "font_size",
            StyleField::Photo => "photo",
        }
    }
}

/// An error in one of the choices.
#[derive(Debug)]
pub struct StyleError {
    /// The choice it is about.
    pub field: StyleField,
    /// What is wrong.
    pub error: Error,
}

/// The checked style, with the photo as the path the layout reads it by.
pub fn resolve(
    request: &StyleRequest,
    source: &Source,
    photo: Option<&str>,
) -> std::result::Result<StyleView, StyleError> {
    let field = |field| move |error| StyleError { field, error };
    let accent = request.accent.map(accent).transpose().map_err(field(StyleField::Accent))?;
    if let Some(size) = request.size
        && !SIZES.contains(&size)
    {
        let error = Error::new(format!("a font size of {size} pt is out of range")).with_hint(format!(
            "give a body size from {} to {} pt; the layouts are designed around 9.5 to 10.5",
            SIZES.start(),
            SIZES.end()
        ));
        return Err(StyleError { field: StyleField::Size, error });
    }
    // Whatever is wrong with the photo itself is at `person.photo`.
    let at_photo = |error: Error| match crate::model::locate(source, &PERSON_PHOTO) {
        Some(location) if error.location.is_none() => error.at(location),
        _ => error,
    };
    let photo = match (request.photo.unwrap_or(false), photo) {
        (false, _) => None,
        (true, None) => {
            let error = Error::new("a photo was asked for, but the résumé has none")
                .with_hint("set `photo = \"photo.jpg\"` under [person], an image beside resume.toml");
            return Err(StyleError { field: StyleField::Photo, error });
        }
        (true, Some(path)) => {
            Some(photo_path(source, path).map_err(at_photo).map_err(field(StyleField::Photo))?)
        }
    };
    Ok(StyleView { accent, size: request.size, photo, short_links: request.short_links })
}

/// An accent as `#rrggbb`, from `#rgb` or `#rrggbb` (the `#` optional).
fn accent(text: &str) -> Result<String> {
    let hex = text.strip_prefix('#').unwrap_or(text);
    let valid = matches!(hex.len(), 3 | 6) && hex.bytes().all(|b| b.is_ascii_hexdigit());
    if !valid {
        return Err(Error::new(format!("`{text}` is not a colour"))
            .with_hint("give the accent as a hex colour such as `#1d4f91` or `#25a`"));
    }
    let full = if hex.len() == 3 { hex.chars().flat_map(|c| [c, c]).collect() } else { hex.to_string() };
    Ok(format!("#{}", full.to_ascii_lowercase()))
}

/// The photo's path inside the résumé's folder, as the layout opens it
/// (`/photo.jpg`): relative, inside the folder, an image that exists.
fn photo_path(source: &Source, path: &str) -> Result<String> {
    let Some(dir) = &source.dir else {
        return Err(Error::new("the built-in example has no photo"));
    };
    let relative = Path::new(path);
    let outside = relative.is_absolute()
        || relative.components().any(|c| !matches!(c, std::path::Component::Normal(_)))
        || crate::input::contained(dir, &dir.join(relative)).is_err();
    if outside {
        return Err(Error::new(format!("the photo `{path}` leads outside the résumé's folder"))
            .with_hint("put the image beside resume.toml and name it by a relative path"));
    }
    let extension = relative.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase);
    if !extension.as_deref().is_some_and(|e| PHOTO_FORMATS.contains(&e)) {
        return Err(Error::new(format!("the photo `{path}` is not an image the layouts can show"))
            .with_hint(format!("use one of: {}", PHOTO_FORMATS.join(", "))));
    }
    match std::fs::metadata(dir.join(relative)) {
        Err(_) => {
            return Err(Error::new(format!("the photo `{path}` does not exist"))
                .with_hint(format!("put it in {}, beside resume.toml", dir.display())));
        }
        Ok(meta) if !meta.is_file() => {
            return Err(Error::new(format!(
                "the photo `{path}` is not a regular file (a folder, a pipe or a device)"
            ))
            .with_hint("name an image file beside resume.toml"));
        }
        Ok(_) => {}
    }
    crate::photo::check(&dir.join(relative), path, extension.as_deref() == Some("svg"))?;
    let slashed: Vec<&str> = relative.iter().filter_map(|c| c.to_str()).collect();
    Ok(format!("/{}", slashed.join("/")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accents_are_hex_colours() {
        assert_eq!(accent("#1D4F91").unwrap(), "#1d4f91");
        assert_eq!(accent("25a").unwrap(), "#2255aa");
        for bad in ["blue", "#12345", "#ggg", ""] {
            assert!(accent(bad).is_err(), "{bad}");
        }
    }
}
