//! Where the résumé covers each requirement: every text of the résumé
//! with its place (an entry's id, the field, the bullet's number), read
//! in both languages with the matcher the posting was read with, and the
//! years the periods give. A requirement is covered where its term is
//! written, never by a guess.

use serde::Serialize;

use super::requirements::{Ask, Degree, Requirement};
use super::terms::{Terms, occurrences};
use crate::model::{Bullet, Resume, Text, YearMonth};

/// A text of the résumé and where it stands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Place {
    /// The entry's id (a project, an education…), or the section for a
    /// text of the person (`summary`).
    pub entry: String,
    /// The field (`responsibilities`, `databases`, `name`).
    pub field: String,
    /// The bullet's number in its list, 1-based, for bullets.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bullet: Option<usize>,
    /// Whether the entry is a project (which a selection keeps or hides).
    #[serde(skip)]
    pub project: bool,
    #[serde(skip)]
    text: String,
}

impl Place {
    /// The text, in both languages.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// `pay › responsibilities 2`.
    pub fn label(&self) -> String {
        match self.bullet {
            Some(n) => format!("{} › {} {n}", self.entry, self.field),
            None => format!("{} › {}", self.entry, self.field),
        }
    }
}

/// A requirement and what covers it.
#[derive(Debug, Clone, Serialize)]
pub struct Covered {
    #[serde(flatten)]
    pub requirement: Requirement,
    pub label: String,
    pub covered: bool,
    /// The places that name it.
    pub places: Vec<Place>,
    /// What was weighed, when it is no place (`11 years 10 months`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// How a term may be written, for reading it back from a PDF.
    #[serde(skip)]
    pub spellings: Vec<String>,
}

/// Every requirement with its coverage.
pub fn cover(resume: &Resume, requirements: &[Requirement], terms: &Terms, today: YearMonth) -> Vec<Covered> {
    let places = places(resume);
    let career = crate::localize::career_months(resume, today);
    requirements
        .iter()
        .map(|requirement| {
            let spellings: Vec<&str> = match &requirement.ask {
                Ask::Term { name } => terms
                    .all()
                    .iter()
                    .find(|t| &t.name == name)
                    .map(|t| t.spellings.iter().map(String::as_str).collect())
                    .unwrap_or_else(|| vec![name.as_str()]),
                Ask::Name { name } => vec![name.as_str()],
                _ => Vec::new(),
            };
            let (places, note) = match &requirement.ask {
                Ask::Term { .. } | Ask::Name { .. } => (naming(&places, &spellings, resume), None),
                Ask::Years { years } => {
                    let note = format!("the periods give {} year(s) {} month(s)", career / 12, career % 12);
                    let covered = career / 12 >= *years;
                    return Covered {
                        label: requirement.label(),
                        requirement: requirement.clone(),
                        covered,
                        places: Vec::new(),
                        note: Some(note),
                        spellings: Vec::new(),
                    };
                }
                Ask::Degree { level } => (degrees(resume, *level), None),
                Ask::Language { name } => language(resume, name),
                Ask::Seniority { level } => {
                    let years = career / 12;
                    let fits = level.years().contains(&years);
                    let note = format!(
                        "the periods give {} year(s) {} month(s){}",
                        years,
                        career % 12,
                        if fits { "" } else { ", which is not this level" }
                    );
                    return Covered {
                        label: requirement.label(),
                        requirement: requirement.clone(),
                        covered: fits,
                        places: Vec::new(),
                        note: Some(note),
                        spellings: Vec::new(),
                    };
                }
            };
            // The résumé's own spellings too (`c/c++` counted as C++).
            let mut written: Vec<String> = spellings.iter().map(|s| s.to_string()).collect();
            if !spellings.is_empty() {
                let canonical: Vec<String> =
                    spellings.iter().map(|s| crate::localize::skill_canonical(resume, s)).collect();
                for place in places.iter().filter(|p| p.field_is_stack()) {
                    written.extend(
                        place
                            .text
                            .split('\n')
                            .filter(|n| canonical.contains(&crate::localize::skill_canonical(resume, n)))
                            .map(str::to_string),
                    );
                }
            }
            Covered {
                label: requirement.label(),
                requirement: requirement.clone(),
                covered: !places.is_empty() || note.as_deref().is_some_and(|n| n.starts_with("native")),
                places,
                note,
                spellings: written,
            }
        })
        .collect()
}

/// The places that write any of `spellings`, or a technology that counts
/// as one of them (`golang` for `Go`, by the résumé's aliases too).
fn naming(places: &[Place], spellings: &[&str], resume: &Resume) -> Vec<Place> {
    let canonical: Vec<String> =
        spellings.iter().map(|s| crate::localize::skill_canonical(resume, s)).collect();
    places
        .iter()
        .filter(|place| {
            spellings.iter().any(|s| !occurrences(&place.text, s).is_empty())
                || (place.field_is_stack()
                    && place
                        .text
                        .split('\n')
                        .any(|name| canonical.contains(&crate::localize::skill_canonical(resume, name))))
        })
        .cloned()
        .collect()
}

impl Place {
    fn field_is_stack(&self) -> bool {
        crate::model::STACK_FACTS.contains(&self.field.replace('_', "-").as_str())
    }
}

/// The education entries of at least `level`.
fn degrees(resume: &Resume, level: Degree) -> Vec<Place> {
    let mut out = Vec::new();
    for school in &resume.education {
        let Some(degree) = &school.degree else { continue };
        let written = degree.values().join(" ").to_lowercase();
        let held = if ["박사", "phd", "ph.d", "doctor"].iter().any(|w| written.contains(w)) {
            Some(Degree::Doctorate)
        } else if ["석사", "master", "m.s", "msc", "m.sc"].iter().any(|w| written.contains(w)) {
            Some(Degree::Master)
        } else if ["학사", "bachelor", "b.s", "bsc", "b.a", "b.eng", "학위"]
            .iter()
            .any(|w| written.contains(w))
        {
            Some(Degree::Bachelor)
        } else {
            None
        };
        if held.is_some_and(|h| h >= level) {
            out.push(Place {
                entry: school.id.clone(),
                field: "degree".into(),
                bullet: None,
                project: false,
                text: written,
            });
        }
    }
    out
}

/// A language: a test of it, or the résumé's own language.
fn language(resume: &Resume, name: &str) -> (Vec<Place>, Option<String>) {
    let tests: &[&str] = match name {
        "English" => &["toeic", "toefl", "ielts", "opic", "teps", "cambridge", "duolingo"],
        "Japanese" => &["jlpt", "jpt"],
        "Chinese" => &["hsk"],
        _ => &[],
    };
    let places: Vec<Place> = resume
        .language_tests
        .iter()
        .filter(|t| tests.iter().any(|name| t.test.to_lowercase().contains(name)))
        .map(|t| Place {
            entry: "language-tests".into(),
            field: t.test.clone(),
            bullet: None,
            project: false,
            text: t.test.clone(),
        })
        .collect();
    let own = match name {
        "Korean" => resume.source_language() == "ko",
        "English" => resume.source_language() == "en",
        _ => false,
    };
    let note = own.then(|| format!("native: the résumé is written in {name} first"));
    (places, note)
}

/// Every text of the résumé with its place.
pub fn places(resume: &Resume) -> Vec<Place> {
    let mut out = Vec::new();
    let mut put = |entry: &str, field: &str, bullet: Option<usize>, project: bool, text: String| {
        if !text.trim().is_empty() {
            out.push(Place { entry: entry.to_string(), field: field.to_string(), bullet, project, text });
        }
    };
    let both = |text: &Text| text.values().join("\n");
    if let Some(summary) = &resume.summary {
        put("summary", "summary", None, false, both(summary));
    }
    if let Some(headline) = &resume.person.headline {
        put("person", "headline", None, false, both(headline));
    }
    for project in &resume.projects {
        let id = project.id.as_str();
        put(id, "name", None, true, both(&project.name));
        if let Some(description) = &project.description {
            put(id, "description", None, true, both(description));
        }
        for (key, fact) in project.facts() {
            let Some(fact) = fact else { continue };
            let mut text: Vec<String> = match &fact.value {
                Some(crate::model::FactValue::Names(names)) => names.clone(),
                Some(crate::model::FactValue::Text(value)) => vec![both(value)],
                None => Vec::new(),
            };
            for detail in &fact.details {
                text.push(both(&detail.value));
                if let Some(label) = &detail.label {
                    text.push(both(label));
                }
            }
            put(id, &key.replace('-', "_"), None, true, text.join("\n"));
        }
        for (field, bullets) in
            [("responsibilities", &project.responsibilities), ("achievements", &project.achievements)]
        {
            for (n, bullet) in bullets.iter().enumerate() {
                put(id, field, Some(n + 1), true, bullet_text(bullet));
            }
        }
        for (n, trouble) in project.troubleshooting.iter().enumerate() {
            let mut text = both(&trouble.problem);
            if let Some(resolution) = &trouble.resolution {
                text = format!("{text}\n{}", both(resolution));
            }
            put(id, "troubleshooting", Some(n + 1), true, text);
        }
        if !project.tags.is_empty() {
            put(id, "tags", None, true, project.tags.join("\n"));
        }
    }
    for school in &resume.education {
        let mut text = vec![both(&school.school)];
        text.extend(school.degree.iter().map(both));
        text.extend(school.major.iter().map(both));
        put(&school.id, "education", None, false, text.join("\n"));
    }
    for certificate in &resume.certifications {
        put(&certificate.id, "certification", None, false, both(&certificate.name));
    }
    for contribution in &resume.open_source {
        let mut text = vec![both(&contribution.name)];
        text.extend(contribution.description.iter().map(both));
        text.extend(contribution.tags.iter().cloned());
        put(&contribution.id, "open-source", None, false, text.join("\n"));
    }
    for section in &resume.sections {
        for (n, entry) in section.entries.iter().enumerate() {
            let mut text = vec![both(&entry.name)];
            text.extend(entry.detail.iter().map(both));
            text.extend(entry.summary.iter().map(both));
            text.extend(entry.keywords.iter().cloned());
            text.extend(entry.details.iter().map(bullet_text));
            put(&section.id, "entry", Some(n + 1), false, text.join("\n"));
        }
        for (n, item) in section.items.iter().enumerate() {
            put(&section.id, "item", Some(n + 1), false, bullet_text(item));
        }
    }
    for award in &resume.awards {
        put("awards", "award", None, false, both(&award.name));
    }
    for publication in &resume.publications {
        let mut text = vec![both(&publication.title)];
        text.extend(publication.summary.iter().map(both));
        put("publications", "publication", None, false, text.join("\n"));
    }
    out
}

/// A bullet's text with its nested items and tags.
fn bullet_text(bullet: &Bullet) -> String {
    let mut text: Vec<String> = bullet.text.iter().map(|t| t.values().join("\n")).collect();
    text.extend(bullet.items.iter().map(bullet_text));
    text.extend(bullet.tags.iter().cloned());
    text.join("\n")
}
