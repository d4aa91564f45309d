//! JSON Resume, the most widely shared résumé format, in both directions:
//! [`export`] turns the localized view into one, [`import`] reads one into
//! a `resume.toml`.
//!
//! The two models overlap without matching. JSON Resume is centred on
//! employments with flat highlight lists; ours on projects with nested
//! bullets, stack facts and troubleshooting stories. What both carry
//! survives a round trip (person, companies and roles, projects with their
//! periods, descriptions, bullets and tags, education, certificates,
//! contributions, awards, publications, languages, interests, skills);
//! everything else is folded into the nearest field or left out, and each
//! such case is reported, never dropped in silence.

mod export;
mod import;
mod work;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::Value;

pub use export::export;
pub(crate) use import::{Importer, month};
pub use import::{import, prose};

/// The schema version written into exports.
const SCHEMA_URL: &str = "https://raw.githubusercontent.com/jsonresume/resume-schema/v1.0.0/schema.json";

/// The `type` that marks a JSON Resume project as an open-source
/// contribution (our `open_source` entries).
const OPEN_SOURCE_TYPE: &str = "open-source";

/// Section ids of `resume.toml` that stand for a JSON Resume list of their
/// own, with the message id of the title an import gives them.
const SECTION_LANGUAGES: (&str, &str) = ("spoken-languages", "section-spoken-languages");
const SECTION_INTERESTS: (&str, &str) = ("interests", "section-interests");
const SECTION_SKILLS: (&str, &str) = ("skill-set", "section-skills");
const SECTION_VOLUNTEER: (&str, &str) = ("volunteer", "section-volunteer");
const SECTION_REFERENCES: (&str, &str) = ("references", "section-references");

/// Keys an entry carries that this model does not know; kept only to be
/// reported.
type Unknown = BTreeMap<String, Value>;

/// A JSON Resume document (schema v1.0.0).
#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Document {
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    schema: Option<String>,
    #[serde(default)]
    basics: Basics,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    work: Vec<Work>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    volunteer: Vec<Volunteer>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    education: Vec<Education>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    awards: Vec<Award>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    certificates: Vec<Certificate>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    publications: Vec<Publication>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    skills: Vec<Skill>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    languages: Vec<Language>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    interests: Vec<Interest>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    references: Vec<Reference>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    projects: Vec<Project>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    meta: Option<Value>,
    #[serde(flatten)]
    unknown: Unknown,
}

#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
struct Basics {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    label: Option<String>,
    /// `picture` before JSON Resume 1.0.
    #[serde(default, alias = "picture", skip_serializing_if = "Option::is_none")]
    image: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    email: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    phone: Option<String>,
    /// `website` before JSON Resume 1.0.
    #[serde(default, alias = "website", skip_serializing_if = "Option::is_none")]
    url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    summary: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    location: Option<Value>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    profiles: Vec<Profile>,
    #[serde(flatten)]
    unknown: Unknown,
}

#[derive(Debug, Default, Serialize, Deserialize)]
struct Profile {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    network: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    username: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    url: Option<String>,
    #[serde(flatten)]
    unknown: Unknown,
}

#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
struct Work {
    /// `company` before JSON Resume 1.0.
    #[serde(default, alias = "company", skip_serializing_if = "Option::is_none")]
    name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    location: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    description: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    position: Option<String>,
    /// `website` before JSON Resume 1.0.
    #[serde(default, alias = "website", skip_serializing_if = "Option::is_none")]
    url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    start_date: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    end_date: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    summary: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    highlights: Vec<String>,
    #[serde(flatten)]
    unknown: Unknown,
}

#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
struct Education {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    institution: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    area: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    study_type: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    start_date: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    end_date: Option<String>,
    /// `gpa` before JSON Resume 1.0.
    #[serde(default, alias = "gpa", skip_serializing_if = "Option::is_none")]
    score: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    courses: Vec<String>,
    #[serde(flatten)]
    unknown: Unknown,
}

#[derive(Debug, Default, Serialize, Deserialize)]
struct Award {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    title: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    date: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    awarder: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    summary: Option<String>,
    #[serde(flatten)]
    unknown: Unknown,
}

#[derive(Debug, Default, Serialize, Deserialize)]
struct Certificate {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    date: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    issuer: Option<String>,
    #[serde(flatten)]
    unknown: Unknown,
}

/// A volunteer role: a free section's entry with its period and bullets.
#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
struct Volunteer {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    organization: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    position: Option<String>,
    /// `website` before JSON Resume 1.0.
    #[serde(default, alias = "website", skip_serializing_if = "Option::is_none")]
    url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    start_date: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    end_date: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    summary: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    highlights: Vec<String>,
    #[serde(flatten)]
    unknown: Unknown,
}

/// A reference: who, and what they said.
#[derive(Debug, Default, Serialize, Deserialize)]
struct Reference {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    reference: Option<String>,
    #[serde(flatten)]
    unknown: Unknown,
}

#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
struct Publication {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    publisher: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    release_date: Option<String>,
    /// `website` before JSON Resume 1.0.
    #[serde(default, alias = "website", skip_serializing_if = "Option::is_none")]
    url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    summary: Option<String>,
    /// Not JSON Resume's own (its schema allows more keys): the authors,
    /// which `resume` keeps, as other tools write them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    authors: Vec<String>,
    /// Not JSON Resume's own, as `authors`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    doi: Option<String>,
    #[serde(flatten)]
    unknown: Unknown,
}

#[derive(Debug, Default, Serialize, Deserialize)]
struct Skill {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    level: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    keywords: Vec<String>,
    #[serde(flatten)]
    unknown: Unknown,
}

#[derive(Debug, Default, Serialize, Deserialize)]
struct Language {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    language: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    fluency: Option<String>,
    #[serde(flatten)]
    unknown: Unknown,
}

#[derive(Debug, Default, Serialize, Deserialize)]
struct Interest {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    name: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    keywords: Vec<String>,
    #[serde(flatten)]
    unknown: Unknown,
}

#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
struct Project {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    description: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    highlights: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    keywords: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    start_date: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    end_date: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    url: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    roles: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    entity: Option<String>,
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    kind: Option<String>,
    #[serde(flatten)]
    unknown: Unknown,
}

/// Social networks recognised in links, so that they go into
/// `basics.profiles` with a network name and user name.
const NETWORKS: &[(&str, &str)] = &[
    ("github.com", "GitHub"),
    ("gitlab.com", "GitLab"),
    ("linkedin.com", "LinkedIn"),
    ("twitter.com", "Twitter"),
    ("x.com", "X"),
    ("stackoverflow.com", "Stack Overflow"),
    ("medium.com", "Medium"),
    ("velog.io", "velog"),
    ("youtube.com", "YouTube"),
];

/// The network of a link and the user name in it, if it is a known one.
fn network_of(url: &str) -> Option<(&'static str, String)> {
    let rest = url.split_once("://").map_or(url, |(_, rest)| rest);
    let (host, path) = rest.split_once('/').unwrap_or((rest, ""));
    let host = host.strip_prefix("www.").unwrap_or(host);
    let (_, network) = NETWORKS.iter().find(|(h, _)| *h == host)?;
    let user = path.split('/').rfind(|s| !s.is_empty() && *s != "in").unwrap_or_default();
    Some((network, user.trim_start_matches('@').to_string()))
}

/// Splits a text with an `<https://…>` link into the text and the link,
/// the form exports fold links into.
fn split_link(text: &str) -> (String, Option<String>) {
    if text.ends_with('>')
        && let Some(start) = text.rfind("<http")
    {
        let url = text[start + 1..text.len() - 1].to_string();
        return (text[..start].trim_end().to_string(), Some(url));
    }
    (text.to_string(), None)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn networks_are_recognised_with_their_user() {
        assert_eq!(network_of("https://github.com/yoonbh2714"), Some(("GitHub", "yoonbh2714".into())));
        assert_eq!(network_of("https://www.linkedin.com/in/someone/"), Some(("LinkedIn", "someone".into())));
        assert_eq!(network_of("https://yoonbh2714.blogspot.com"), None);
    }

    #[test]
    fn links_split_off_the_end() {
        assert_eq!(
            split_link("a write-up <https://x.y/z>"),
            ("a write-up".into(), Some("https://x.y/z".into()))
        );
        assert_eq!(split_link("<https://x.y>"), (String::new(), Some("https://x.y".into())));
        assert_eq!(split_link("a < b > c"), ("a < b > c".into(), None));
    }
}
