//! The localized view as a JSON Resume document.
//!
//! Built from the view rather than the model, so the selection, the
//! chosen language and the user's Fluent overrides apply exactly as in the
//! PDF.

use super::{
    Basics, Document, Education, Interest, Language, OPEN_SOURCE_TYPE, Profile, Project, Publication,
    Reference, SCHEMA_URL, SECTION_INTERESTS, SECTION_LANGUAGES, SECTION_REFERENCES, SECTION_SKILLS,
    SECTION_VOLUNTEER, Skill, Volunteer, Work, network_of,
};
use crate::model::YearMonth;
use crate::view::{BulletView, Dates, SectionEntryView, SectionView, View};

/// The document as pretty JSON, and one line per thing it could not carry.
pub fn export(view: &View) -> (String, Vec<String>) {
    let mut exporter = Exporter::default();
    let document = exporter.document(view);
    let json = serde_json::to_string_pretty(&document).expect("documents serialize") + "\n";
    (json, exporter.notes())
}

/// Collects what was folded or left out while it builds the document.
#[derive(Default)]
struct Exporter {
    nested_bullets: usize,
    projects_with_stack: usize,
    projects_with_more_parts: usize,
    renames: Vec<String>,
    sections_left_out: Vec<String>,
}

fn date(month: YearMonth) -> String {
    month.to_string()
}

fn end_date(dates: Dates) -> Option<String> {
    dates.end.map(date)
}

/// A place as JSON Resume's location: `Seoul, South Korea` is the city
/// and the region, a last part of two capitals the country code, as the
/// importer joins them.
fn location(place: &str) -> serde_json::Value {
    let mut parts: Vec<&str> = place.split(", ").map(str::trim).filter(|p| !p.is_empty()).collect();
    let mut location = serde_json::Map::new();
    if parts.len() > 1
        && let Some(last) = parts.last()
        && last.len() == 2
        && last.chars().all(|c| c.is_ascii_uppercase())
    {
        location.insert("countryCode".into(), (*last).into());
        parts.pop();
    }
    if let Some((city, region)) = parts.split_first() {
        location.insert("city".into(), (*city).into());
        if !region.is_empty() {
            location.insert("region".into(), region.join(", ").into());
        }
    }
    serde_json::Value::Object(location)
}

/// The language a well-known language test tests.
fn tested_language(test: &str) -> Option<&'static str> {
    let word = test.split_whitespace().next().unwrap_or_default().to_ascii_uppercase();
    let language = match word.as_str() {
        "TOEIC" | "TOEFL" | "IELTS" | "OPIC" | "TEPS" | "G-TELP" | "CAMBRIDGE" => "English",
        "JLPT" | "JPT" => "Japanese",
        "HSK" | "TSC" => "Chinese",
        "TOPIK" | "KIIP" => "Korean",
        "DELF" | "DALF" | "TCF" => "French",
        "DELE" => "Spanish",
        "TESTDAF" | "GOETHE" => "German",
        _ => return None,
    };
    Some(language)
}

impl Exporter {
    fn document(&mut self, view: &View) -> Document {
        let mut document = Document { schema: Some(SCHEMA_URL.to_string()), ..Document::default() };
        document.basics = self.basics(view);
        document.work = self.work(view);
        document.projects = view.projects.iter().map(|p| self.project(view, p)).collect();
        document.projects.extend(view.open_source.iter().map(|c| Project {
            name: Some(c.name.clone()),
            description: c.description.clone(),
            start_date: c.dates.map(|d| date(d.start)),
            end_date: c.dates.and_then(end_date),
            url: c.link.as_ref().map(|l| l.url.clone()),
            keywords: c.tags.clone(),
            kind: Some(OPEN_SOURCE_TYPE.to_string()),
            ..Project::default()
        }));
        document.education = view
            .education
            .iter()
            .map(|e| Education {
                institution: Some(e.school.clone()),
                // The degree and the field as the résumé keeps them; a
                // degree written with its field in one text is the type.
                study_type: e.study_type.clone(),
                area: e.major.clone(),
                start_date: e.dates.map(|d| date(d.start)),
                end_date: e.dates.and_then(end_date),
                courses: e.details.iter().map(|b| self.fold(b)).collect(),
                score: e.gpa.clone(),
                ..Education::default()
            })
            .collect();
        document.certificates = view
            .certifications
            .iter()
            .map(|c| super::Certificate {
                name: Some(c.name.clone()),
                // The schema asks a certificate for a whole date; a month
                // is written as its first day, which the importer reads
                // back as the month.
                date: c.issued.map(|m| format!("{}-{:02}-01", m.year, m.month)),
                url: c.link.as_ref().map(|l| l.url.clone()),
                issuer: c.issuer.clone(),
                ..super::Certificate::default()
            })
            .collect();
        document.skills = view
            .skills
            .iter()
            .map(|group| Skill {
                name: Some(group.label.clone()),
                keywords: group.items.iter().map(|s| s.name.clone()).collect(),
                ..Skill::default()
            })
            .collect();
        document.awards = view
            .awards
            .iter()
            .map(|a| super::Award {
                title: Some(a.name.clone()),
                date: a.received.map(date),
                awarder: a.issuer.clone(),
                summary: a.summary.clone(),
                ..super::Award::default()
            })
            .collect();
        // A language test is a language with its score as the fluency.
        document.languages.extend(view.language_tests.iter().map(|t| Language {
            language: Some(tested_language(&t.test).map_or_else(|| t.test.clone(), str::to_string)),
            fluency: Some(format!("{} {}", t.test, t.score)),
            ..Language::default()
        }));
        // A publication's authors and DOI ride along beside JSON Resume's
        // fields (its schema allows more), so an import gets them back.
        document.publications = view
            .publications
            .iter()
            .map(|p| Publication {
                name: Some(p.title.clone()),
                publisher: p.journal.clone(),
                release_date: p.published.map(date),
                url: p.link.as_ref().map(|l| l.url.clone()),
                summary: p.summary.clone(),
                authors: p.authors.clone(),
                doi: p.doi.clone(),
                ..Publication::default()
            })
            .collect();
        for section in &view.sections {
            self.section(section, &mut document);
        }
        document
    }

    fn basics(&mut self, view: &View) -> Basics {
        let mut basics = Basics {
            name: Some(view.person.name.clone()),
            location: view.person.location.as_deref().map(location),
            label: view.person.headline.clone(),
            summary: view.summary.clone(),
            ..Basics::default()
        };
        for contact in &view.person.contacts {
            if contact.url.starts_with("mailto:") {
                basics.email = Some(contact.text.clone());
            } else if contact.url.starts_with("tel:") {
                basics.phone = Some(contact.text.clone());
            } else if contact.network.is_some() || contact.username.is_some() {
                // An account as the résumé names it.
                basics.profiles.push(Profile {
                    network: contact.network.clone(),
                    username: contact.username.clone(),
                    url: Some(contact.url.clone()),
                    ..Profile::default()
                });
            } else if let Some((network, username)) = network_of(&contact.url) {
                basics.profiles.push(Profile {
                    network: Some(network.to_string()),
                    username: Some(username),
                    url: Some(contact.url.clone()),
                    ..Profile::default()
                });
            } else if basics.url.is_none() {
                basics.url = Some(contact.url.clone());
            } else {
                // JSON Resume has one personal URL; further ones go among
                // the profiles, named by their host.
                let host = contact.text.split('/').next().unwrap_or_default().to_string();
                basics.profiles.push(Profile {
                    network: Some(host),
                    url: Some(contact.url.clone()),
                    ..Profile::default()
                });
            }
        }
        basics
    }

    /// One employment per title held in each stretch of work (the view's
    /// employments), newest first: JSON Resume has one `position` per
    /// entry, so a promotion is two entries, as the importer reads them.
    fn work(&mut self, view: &View) -> Vec<Work> {
        for company in &view.companies {
            if let Some(former) = &company.formerly {
                self.renames.push(format!("{former} (now {})", company.name));
            }
        }
        let mut work = Vec::new();
        for employment in &view.employments {
            let name = view
                .companies
                .iter()
                .find(|c| c.id == employment.company_id)
                .map_or_else(|| employment.company_id.clone(), |c| c.name.clone());
            let entry = |position: Option<String>, dates: Dates| Work {
                name: Some(name.clone()),
                location: employment.location.clone(),
                position,
                start_date: Some(date(dates.start)),
                end_date: end_date(dates),
                ..Work::default()
            };
            let stretch = employment.dates;
            match employment.roles.as_slice() {
                [] => work.push(entry(None, stretch)),
                [only] if only.dates.is_none() => work.push(entry(Some(only.title.clone()), stretch)),
                roles => {
                    for role in roles {
                        // A role's months inside this stretch.
                        let dates = match role.dates {
                            Some(d) => Dates {
                                start: d.start.max(stretch.start),
                                end: match (d.end, stretch.end) {
                                    (Some(a), Some(b)) => Some(a.min(b)),
                                    (a, b) => a.or(b),
                                },
                            },
                            None => stretch,
                        };
                        work.push(entry(Some(role.title.clone()), dates));
                    }
                }
            }
        }
        work
    }

    fn project(&mut self, view: &View, project: &crate::view::ProjectView) -> Project {
        if !project.facts.is_empty() {
            self.projects_with_stack += 1;
        }
        if !project.achievements.is_empty() || !project.troubleshooting.is_empty() {
            self.projects_with_more_parts += 1;
        }
        let mut highlights: Vec<String> =
            project.responsibilities.iter().chain(&project.achievements).map(|b| self.fold(b)).collect();
        for trouble in &project.troubleshooting {
            let mut text = trouble.problem.clone();
            if let Some(resolution) = &trouble.resolution {
                text = format!("{text} → {resolution}");
            }
            if let Some(link) = &trouble.link {
                text = format!("{text} <{}>", link.url);
            }
            highlights.push(text);
        }
        // The employer by its plain name, or else the organisation the
        // project was for, as the view prints it.
        let employer = view.companies.iter().find(|c| c.id == project.company_id).map(|c| c.name.clone());
        let plain = Some(&project.company_id).filter(|id| !id.is_empty()).cloned();
        let entity = employer.or(plain).or_else(|| Some(project.company.clone())).filter(|e| !e.is_empty());
        Project {
            name: Some(project.name.clone()),
            description: project.description.clone(),
            highlights,
            keywords: project.tags.clone(),
            start_date: project.dates.map(|d| date(d.start)),
            end_date: project.dates.and_then(end_date),
            url: project.link.as_ref().map(|l| l.url.clone()),
            entity,
            ..Project::default()
        }
    }

    /// A bullet as one line: nested bullets joined after a colon, a link
    /// at the end in angle brackets.
    fn fold(&mut self, bullet: &BulletView) -> String {
        let mut text = bullet.text.clone().unwrap_or_default();
        if !bullet.items.is_empty() {
            self.nested_bullets += bullet.items.len();
            let children: Vec<String> = bullet.items.iter().map(|b| self.fold(b)).collect();
            let head = text.trim_end().trim_end_matches(':').to_string();
            text = if head.is_empty() {
                children.join("; ")
            } else {
                format!("{head}: {}", children.join("; "))
            };
        }
        if let Some(link) = &bullet.link {
            text = format!("{text} <{}>", link.url).trim_start().to_string();
        }
        text
    }

    /// A free section whose id JSON Resume has a list for, each entry's
    /// fields in their places; a bullet written by hand is an entry of its
    /// text alone, never split.
    fn section(&mut self, section: &SectionView, document: &mut Document) {
        let mapped = [
            SECTION_LANGUAGES.0,
            SECTION_INTERESTS.0,
            SECTION_SKILLS.0,
            SECTION_VOLUNTEER.0,
            SECTION_REFERENCES.0,
        ];
        if !mapped.contains(&section.id.as_str()) {
            self.sections_left_out.push(format!("`{}` ({})", section.id, section.title));
            return;
        }
        let mut entries: Vec<SectionEntryView> = section.entries.clone();
        for bullet in &section.items {
            let children: Vec<String> = bullet.items.iter().map(|b| self.fold(b)).collect();
            entries.push(SectionEntryView {
                name: bullet.text.clone().unwrap_or_default(),
                detail: None,
                date: None,
                dated: None,
                dates: None,
                link: bullet.link.clone(),
                summary: (!children.is_empty()).then(|| children.join("; ")),
                keywords: vec![],
                details: vec![],
            });
        }
        for entry in entries {
            let name = Some(entry.name).filter(|n| !n.is_empty());
            let highlights: Vec<String> = entry.details.iter().map(|b| self.fold(b)).collect();
            match section.id.as_str() {
                id if id == SECTION_VOLUNTEER.0 => document.volunteer.push(Volunteer {
                    // The role, and the organisation beside it; an entry
                    // with no detail named the organisation alone.
                    organization: entry.detail.clone().or_else(|| name.clone()),
                    position: entry.detail.is_some().then_some(name).flatten(),
                    url: entry.link.map(|l| l.url),
                    start_date: entry.dates.map(|d| date(d.start)).or_else(|| entry.dated.map(date)),
                    end_date: entry.dates.and_then(end_date),
                    summary: entry.summary,
                    highlights,
                    ..Volunteer::default()
                }),
                id if id == SECTION_REFERENCES.0 => document.references.push(Reference {
                    name,
                    reference: entry.summary,
                    ..Reference::default()
                }),
                id if id == SECTION_LANGUAGES.0 => document.languages.push(Language {
                    language: name,
                    fluency: entry.detail,
                    ..Language::default()
                }),
                id if id == SECTION_INTERESTS.0 => document.interests.push(Interest {
                    name,
                    keywords: entry.keywords,
                    ..Interest::default()
                }),
                _ => document.skills.push(Skill {
                    name,
                    level: entry.detail,
                    keywords: entry.keywords,
                    ..Skill::default()
                }),
            }
        }
    }

    fn notes(self) -> Vec<String> {
        let mut notes = Vec::new();
        if self.projects_with_stack > 0 {
            notes.push(format!(
                "JSON Resume has no stack facts: those of {} project(s) were left out \
                 (their languages, databases and platforms are listed under `skills`)",
                self.projects_with_stack
            ));
        }
        if self.projects_with_more_parts > 0 {
            notes.push(format!(
                "JSON Resume has one list per project: the achievements and troubleshooting of {} \
                 project(s) follow the responsibilities in `highlights`",
                self.projects_with_more_parts
            ));
        }
        if self.nested_bullets > 0 {
            notes.push(format!(
                "JSON Resume lists are flat: {} nested bullet(s) were joined to the bullet above them",
                self.nested_bullets
            ));
        }
        if !self.renames.is_empty() {
            notes.push(format!(
                "JSON Resume has no former company names: {} left out",
                self.renames.join(", ")
            ));
        }
        for section in self.sections_left_out {
            notes.push(format!(
                "the section {section} has no JSON Resume counterpart and was left out; \
                 the ids `{}`, `{}`, `{}`, `{}` and `{}` map onto JSON Resume lists",
                SECTION_LANGUAGES.0,
                SECTION_INTERESTS.0,
                SECTION_SKILLS.0,
                SECTION_VOLUNTEER.0,
                SECTION_REFERENCES.0
            ));
        }
        notes
    }
}
