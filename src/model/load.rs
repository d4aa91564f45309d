//! Reading `resume.toml`: parse, check what types cannot, and point at the
//! culprit when something is wrong.
//!
//! The happy path parses the file once, straight into [`Resume`]. Only when
//! a check fails is the file parsed again, keeping spans, to find the line
//! and column of the offending key ([`locate`]); errors are rare, spans are
//! not free.

use std::collections::HashSet;
use std::path::PathBuf;

use toml::de::DeTable;

use super::{Bullet, Resume, Text};
use crate::error::{Error, Location, Result};

/// A résumé file's text and where it came from.
#[derive(Debug, Clone)]
pub struct Source {
    /// How messages name the file (`resume.toml`, `<built-in example>`).
    pub path: PathBuf,
    /// The folder its translations and assets live in; `None` for the
    /// built-in example, which has none.
    pub dir: Option<PathBuf>,
    /// The TOML text.
    pub text: String,
}

/// One step of a path into the TOML document: a key or an array index.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    /// A table key.
    Key(&'static str),
    /// A position in an array.
    Index(usize),
}

/// Parses and checks a résumé.
pub fn load(source: &Source) -> Result<Resume> {
    let resume: Resume = toml::from_str(&source.text).map_err(|err| syntax_error(source, &err))?;
    check(&resume, source)?;
    Ok(resume)
}

fn syntax_error(source: &Source, err: &toml::de::Error) -> Error {
    let message = err.message().trim().trim_end_matches('.').to_string();
    let hint = unknown_field_hint(&message).unwrap_or_else(|| {
        "see examples/builtin/resume.toml for every field in use, or run `resume pdf` to build the built-in example"
            .to_string()
    });
    let mut error = Error::new(lowercase_first(&message)).with_hint(hint);
    if let Some(span) = err.span() {
        error = error.at(Location::from_span(&source.path, &source.text, span));
    }
    error
}

fn lowercase_first(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |c| c.to_lowercase().chain(chars).collect())
}

/// serde words an unknown key as "unknown field `x`, expected one of `a`,
/// `b`"; this turns that into a did-you-mean.
fn unknown_field_hint(message: &str) -> Option<String> {
    let rest = message.strip_prefix("unknown field `")?;
    let (field, expected) = rest.split_once('`')?;
    let names: Vec<&str> = expected.split('`').skip(1).step_by(2).collect();
    match closest(field, &names) {
        Some(name) => Some(format!("did you mean `{name}`?")),
        None => Some(format!("the keys allowed here are: {}", names.join(", "))),
    }
}

/// The candidate nearest to `word` by edit distance, if near enough to be
/// what the user meant.
pub fn closest<'a>(word: &str, candidates: &[&'a str]) -> Option<&'a str> {
    candidates
        .iter()
        .map(|c| (edit_distance(word, c), *c))
        .filter(|(d, c)| *d <= (c.chars().count() / 3).max(1))
        .min()
        .map(|(_, c)| c)
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = (diagonal + usize::from(ca != *cb)).min(row[j] + 1).min(above + 1);
            diagonal = above;
        }
    }
    row[b.len()]
}

/// Finds where a path of keys and indices sits in the file, for messages
/// about content that parsed but is wrong.
pub fn locate(source: &Source, path: &[Step]) -> Option<Location> {
    let root = DeTable::parse(&source.text).ok()?;
    let (first, rest) = path.split_first()?;
    let Step::Key(key) = first else { return None };
    let mut node = root.get_ref().iter().find(|(k, _)| k.get_ref() == key).map(|(_, v)| v)?;
    for step in rest {
        node = match step {
            Step::Key(key) => node.get_ref().get(*key)?,
            Step::Index(index) => node.get_ref().get(*index)?,
        };
    }
    Some(Location::from_span(&source.path, &source.text, node.span()))
}

fn invalid(source: &Source, path: &[Step], message: String, hint: &str) -> Error {
    let error = Error::new(message).with_hint(hint);
    match locate(source, path) {
        Some(location) => error.at(location),
        None => error,
    }
}

/// Ids become Fluent message ids and selectors, so they must be kebab-case.
fn is_kebab_id(id: &str) -> bool {
    !id.is_empty()
        && !id.starts_with('-')
        && !id.ends_with('-')
        && !id.contains("--")
        && id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// The checks the types cannot express: ids, links, e-mail addresses.
fn check(resume: &Resume, source: &Source) -> Result<()> {
    let mut seen = HashSet::new();
    let entries = [
        ("company", resume.companies.iter().map(|c| c.id.as_str()).collect::<Vec<_>>()),
        ("project", resume.projects.iter().map(|p| p.id.as_str()).collect()),
        ("education", resume.education.iter().map(|e| e.id.as_str()).collect()),
        ("certification", resume.certifications.iter().map(|c| c.id.as_str()).collect()),
        ("open_source", resume.open_source.iter().map(|c| c.id.as_str()).collect()),
        ("section", resume.sections.iter().map(|s| s.id.as_str()).collect()),
    ];
    for (table, ids) in entries {
        for (index, id) in ids.into_iter().enumerate() {
            let path = [Step::Key(table), Step::Index(index), Step::Key("id")];
            if !is_kebab_id(id) {
                return Err(invalid(
                    source,
                    &path,
                    format!("the id `{id}` is not kebab-case"),
                    "use lowercase letters, digits and single dashes, such as `kakao-i-mlops`",
                ));
            }
            // Companies live in their own namespace: a project may share
            // its company's name.
            let key = if table == "company" { format!("company:{id}") } else { id.to_string() };
            if !seen.insert(key) {
                return Err(invalid(
                    source,
                    &path,
                    format!("the id `{id}` is used twice"),
                    "ids select entries and name their translations, so each must be unique",
                ));
            }
        }
    }
    if let Some(email) = &resume.person.email
        && !is_email(email)
    {
        return Err(invalid(
            source,
            &[Step::Key("person"), Step::Key("email")],
            format!("`{email}` is not an e-mail address"),
            "write it as `name@example.com`",
        ));
    }
    for (index, url) in resume.person.links.iter().enumerate() {
        check_url(source, url, &[Step::Key("person"), Step::Key("links"), Step::Index(index)])?;
    }
    for (p, project) in resume.projects.iter().enumerate() {
        let at = |key| vec![Step::Key("project"), Step::Index(p), Step::Key(key)];
        check_bullets(source, &project.responsibilities, at("responsibilities"))?;
        check_bullets(source, &project.achievements, at("achievements"))?;
        for (t, trouble) in project.troubleshooting.iter().enumerate() {
            if let Some(url) = &trouble.link {
                let mut path = at("troubleshooting");
                path.extend([Step::Index(t), Step::Key("link")]);
                check_url(source, url, &path)?;
            }
        }
    }
    Ok(())
}

fn check_bullets(source: &Source, bullets: &[Bullet], path: Vec<Step>) -> Result<()> {
    for (index, bullet) in bullets.iter().enumerate() {
        let mut here = path.clone();
        here.push(Step::Index(index));
        if let Some(url) = &bullet.link {
            let mut link = here.clone();
            link.push(Step::Key("link"));
            check_url(source, url, &link)?;
        }
        let mut items = here;
        items.push(Step::Key("items"));
        check_bullets(source, &bullet.items, items)?;
    }
    Ok(())
}

fn check_url(source: &Source, url: &str, path: &[Step]) -> Result<()> {
    let rest = url.strip_prefix("https://").or_else(|| url.strip_prefix("http://"));
    let host = rest.map(|r| r.split(['/', '?', '#']).next().unwrap_or_default());
    match host {
        Some(host) if host.contains('.') && !url.contains(char::is_whitespace) => Ok(()),
        _ => Err(invalid(
            source,
            path,
            format!("`{url}` is not a web address"),
            "write the whole address with its scheme, such as `https://example.com/post`",
        )),
    }
}

fn is_email(text: &str) -> bool {
    match text.split_once('@') {
        Some((user, domain)) => {
            !user.is_empty()
                && domain.contains('.')
                && !domain.starts_with('.')
                && !text.contains(char::is_whitespace)
        }
        None => false,
    }
}

/// A text's language entries, for messages naming what a text lacks.
pub fn languages_of(text: &Text) -> Vec<&str> {
    match text {
        Text::Plain(_) => vec![],
        Text::Localized(map) => map.keys().map(String::as_str).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn source(text: &str) -> Source {
        Source { path: "resume.toml".into(), dir: None, text: text.into() }
    }

    const MINIMAL: &str = "[person]\nname = 'A'\n";

    #[test]
    fn loads_a_minimal_file() {
        assert!(load(&source(MINIMAL)).is_ok());
    }

    #[test]
    fn syntax_error_points_at_line_and_column() {
        let err = load(&source("[person]\nname = 'A\n")).unwrap_err();
        let loc = err.location.unwrap();
        assert_eq!(loc.line, 2);
    }

    #[test]
    fn unknown_key_suggests_the_closest() {
        let err = load(&source("[person]\nname = 'A'\nheadlin = 'x'\n")).unwrap_err();
        assert_eq!(err.location.as_ref().unwrap().line, 3);
        assert_eq!(err.hint.as_deref(), Some("did you mean `headline`?"));
    }

    #[test]
    fn duplicate_ids_are_located() {
        let text = format!(
            "{MINIMAL}[[project]]\nid = 'a'\nname = 'x'\ncompany = 'c'\nperiod = '2020-01..'\n\
             [[project]]\nid = 'a'\nname = 'y'\ncompany = 'c'\nperiod = '2020-01..'\n"
        );
        let err = load(&source(&text)).unwrap_err();
        assert_eq!(err.message, "the id `a` is used twice");
        assert_eq!(err.location.unwrap().line, 9);
    }

    #[test]
    fn bad_period_is_located() {
        let text =
            format!("{MINIMAL}[[project]]\nid = 'a'\nname = 'x'\ncompany = 'c'\nperiod = '2020-13..'\n");
        let err = load(&source(&text)).unwrap_err();
        assert!(err.message.contains("`2020-13..` is not a period"), "{}", err.message);
        assert_eq!(err.location.unwrap().line, 7);
    }

    #[test]
    fn bad_link_and_email_are_errors() {
        let err = load(&source("[person]\nname = 'A'\nlinks = ['blog']\n")).unwrap_err();
        assert!(err.message.contains("not a web address"));
        assert_eq!(err.location.unwrap().line, 3);
        let err = load(&source("[person]\nname = 'A'\nemail = 'a.b'\n")).unwrap_err();
        assert!(err.message.contains("not an e-mail address"));
    }

    #[test]
    fn closest_tolerates_small_typos_only() {
        assert_eq!(closest("projcts", &["projects", "skills"]), Some("projects"));
        assert_eq!(closest("xyz", &["projects", "skills"]), None);
    }
}
