//! A profile's fields, read and checked one by one: its languages, paper
//! and layout, and the errors that name the profile and point at the key
//! in `resume.toml` they came from.

use crate::error::{Error, Result};
use crate::i18n::Language;
use crate::model::{self, Profile, Resume, Source, Step, YearMonth, closest};
use crate::select::Selection;
use crate::typeset::world::Layout;
use crate::view::Paper;

use super::request::Document;

/// The name that builds every profile.
pub const ALL_PROFILES: &str = "all";

/// A profile's error names the profile and, where no flag overrode the
/// field (`from_profile`), points at its key in resume.toml.
pub(super) fn in_profile<'a>(
    source: &'a Source,
    name: Option<&'a str>,
    key: &'static str,
    from_profile: bool,
) -> impl Fn(Error) -> Error + 'a {
    move |err: Error| match name {
        Some(name) => {
            let error = Error { message: format!("profile `{name}`: {}", err.message), ..err };
            let path = [Step::Key("profile"), Step::Name(name.to_string()), Step::Key(key)];
            match model::locate(source, &path).filter(|_| from_profile && error.location.is_none()) {
                Some(location) => error.at(location),
                None => error,
            }
        }
        None => err,
    }
}

/// The profiles a `--profile` value names: none, one, or all of them.
pub(super) fn chosen_profiles<'a>(
    resume: &'a Resume,
    flag: Option<&str>,
) -> Result<Vec<(Option<&'a str>, Profile)>> {
    let names: Vec<&str> = resume.profiles.keys().map(String::as_str).collect();
    match flag {
        None => Ok(vec![(None, Profile::default())]),
        Some(ALL_PROFILES) if names.is_empty() => Err(Error::new("this résumé stores no profiles")
            .with_hint("add one as `[profile.NAME]` with `only`, `hide`, `lang`… in resume.toml")),
        Some(ALL_PROFILES) => {
            Ok(resume.profiles.iter().map(|(n, p)| (Some(n.as_str()), p.clone())).collect())
        }
        Some(name) => match resume.profiles.get_key_value(name) {
            Some((n, p)) => Ok(vec![(Some(n.as_str()), p.clone())]),
            None => {
                let list = if names.is_empty() { "none".to_string() } else { names.join(", ") };
                let mut hint =
                    format!("the profiles of this résumé are: {list}; `--profile all` builds them all");
                if let Some(near) = closest(name, &names) {
                    hint = format!("did you mean `{near}`? {hint}");
                }
                Err(Error::new(format!("there is no profile named `{name}`")).with_hint(hint))
            }
        },
    }
}

/// A layout of the résumé's own by its name: `layouts/NAME.typ` in its
/// folder, as `resume layout new NAME` writes it. Built-in names win. The
/// file must lie in the folder: a `layouts` link that leads elsewhere
/// would let the layout read everything beside it.
pub(super) fn folder_layout(source: &Source, name: &str) -> Result<Option<Layout>> {
    let Some(dir) = source.dir.as_ref() else { return Ok(None) };
    if name.ends_with(".typ")
        || crate::typeset::world::builtin_layout(name).is_some()
        || !crate::typeset::world::is_layout_name(name)
    {
        return Ok(None);
    }
    let path = dir.join("layouts").join(format!("{name}.typ"));
    if !path.is_file() {
        return Ok(None);
    }
    crate::input::refuse_outside(dir, &path, "a layout")?;
    Ok(Some(Layout::File(path)))
}

/// A profile's `layout`: a built-in name, a layout of the folder's own by
/// name, or a `.typ` file that exists inside the résumé's folder.
pub(crate) fn profile_layout(source: &Source, field: &str) -> Result<Layout> {
    if let Some(layout) = folder_layout(source, field)? {
        return Ok(layout);
    }
    match inside_folder(source, Layout::parse(field)?)? {
        Layout::File(path) if !path.is_file() => {
            Err(Error::new(format!("the layout `{}` does not exist", path.display()))
                .with_hint("give a path relative to resume.toml, or a built-in layout name"))
        }
        layout => Ok(layout),
    }
}

/// A layout path in a profile is relative to the résumé, not to the
/// current folder, and must stay inside the résumé's folder: a profile is
/// part of the untrusted résumé, and must not run a layout from elsewhere.
pub fn inside_folder(source: &Source, layout: Layout) -> Result<Layout> {
    let Layout::File(path) = layout else { return Ok(layout) };
    let Some(dir) = &source.dir else {
        return Err(Error::new("the built-in example cannot name a layout file"));
    };
    let joined = dir.join(&path);
    match crate::input::contained(dir, &joined) {
        Ok(_) if path.is_relative() && !path.components().any(|c| c == std::path::Component::ParentDir) => {
            Ok(Layout::File(joined))
        }
        _ => Err(Error::new(format!("`layout = \"{}\"` leads outside the résumé's folder", path.display()))
            .with_hint("a profile may name only a layout inside the folder of resume.toml; give others with `--layout`")),
    }
}

/// Every problem of a profile's fields, each located at its key: what
/// `pdf --profile NAME` would fail on, all at once, for `check`. With
/// entries blanked for type errors (`complete` unset), a selector naming
/// one of them would look unknown, so only the selectors' form is checked.
pub fn profile_problems(
    name: &str,
    profile: &Profile,
    source: &Source,
    resume: &Resume,
    today: YearMonth,
    complete: bool,
) -> Vec<Error> {
    let at = |key: &'static str| in_profile(source, Some(name), key, true);
    let mut problems = Vec::new();
    if let Err(err) = Selection::new(&profile.only, &profile.hide, resume, today)
        && (complete || !err.message.contains(" names no "))
    {
        let key = if err.message.contains("--hide") { "hide" } else { "only" };
        problems.push(at(key)(err));
    }
    for tag in &profile.lang {
        if let Err(err) = languages(std::slice::from_ref(tag)) {
            problems.push(at("lang")(err));
        }
    }
    if let Some(paper) = &profile.paper
        && let Err(err) = parse_paper(paper)
    {
        problems.push(at("paper")(err));
    }
    if let Some(layout) = &profile.layout
        && let Err(err) = profile_layout(source, layout)
    {
        problems.push(at("layout")(err));
    }
    for document in &profile.documents {
        if let Err(err) = Document::parse(document, resume) {
            problems.push(at("documents")(err));
        }
    }
    problems
}

/// Negotiates each requested language, once each; `ko` when none is asked.
/// An empty name (`--lang ''`, `--lang ko,`) is an error: it would
/// otherwise build nothing, or less than asked, and say nothing.
pub(super) fn languages(requested: &[String]) -> Result<Vec<Language>> {
    let requested: Vec<&str> = if requested.is_empty() {
        vec![crate::i18n::DEFAULT_LANGUAGE]
    } else {
        requested.iter().flat_map(|l| l.split(',')).map(str::trim).collect()
    };
    if requested.iter().any(|l| l.is_empty()) {
        return Err(Error::new("an empty language name was given")
            .with_hint("name each language, comma-separated: `--lang ko`, `--lang ko,en`"));
    }
    let mut unique = Vec::new();
    for tag in requested {
        let language = Language::negotiate(tag)?;
        if !unique.contains(&language) {
            unique.push(language);
        }
    }
    Ok(unique)
}

/// Reads a profile's `paper`.
pub fn parse_paper(text: &str) -> Result<Paper> {
    match text {
        "a4" => Ok(Paper::A4),
        "us-letter" | "letter" => Ok(Paper::UsLetter),
        other => Err(Error::new(format!("`paper = \"{other}\"` is not a paper size"))
            .with_hint("write `a4` or `us-letter`")),
    }
}
