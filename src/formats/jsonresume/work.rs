//! JSON Resume's `work` and `projects`, read into companies and projects:
//! an employment that no project names as its `entity` becomes a project
//! of its own, so a résumé written around jobs still prints them.

use super::import::{Importer, given};
use super::{Document, OPEN_SOURCE_TYPE};
use crate::model::{Company, Contribution, Period, Project, Resume, Role, Roles, Text};

/// A company's titles as its work entries give them, with their dates.
type Titles = Vec<(Text, Option<Period>)>;

impl Importer {
    pub(super) fn is_named_by_a_project(document: &Document, name: &str) -> bool {
        document
            .projects
            .iter()
            .any(|p| given(&p.entity) == Some(name) && p.kind.as_deref() != Some(OPEN_SOURCE_TYPE))
    }

    /// The id of the company with this name, added as a `[[company]]` if
    /// no work entry brought it: a project's `company` must name one.
    pub(crate) fn company_named(&mut self, name: &str, resume: &mut Resume) -> String {
        if let Some(company) = resume.companies.iter().find(|c| c.name == Text::Plain(name.to_string())) {
            return company.id.clone();
        }
        let id = self.company_ids.claim(name, "company");
        resume.companies.push(Company {
            id: id.clone(),
            name: Text::Plain(name.to_string()),
            formerly: None,
            role: None,
            location: None,
            period: None,
        });
        id
    }

    pub(super) fn work(&mut self, document: &Document, resume: &mut Resume) {
        // Each company's positions with their dates: several become
        // successive `[[company.role]]` titles.
        let mut positions: Vec<(String, Titles)> = Vec::new();
        for (n, work) in document.work.iter().enumerate() {
            let place = format!("work[{n}]");
            self.unknown(&place, &work.unknown);
            let Some(name) = given(&work.name) else {
                self.note(&place, "has no `name`; left out");
                continue;
            };
            let company_id = self.company_named(name, resume);
            // The company's place: a city is prose, ready for its other
            // language.
            if let Some(location) = given(&work.location) {
                let text = self.prose(location);
                if let Some(company) = resume.companies.iter_mut().find(|c| c.id == company_id) {
                    company.location.get_or_insert(text);
                }
            }
            for (key, value) in [("url", &work.url), ("description", &work.description)] {
                if given(value).is_some() {
                    self.left_out(&format!("{place}.{key}"));
                }
            }
            // The employment gives the company its title; the projects that
            // name it carry the detail, unless it has some of its own.
            let position = given(&work.position);
            if let Some(position) = position {
                let title = self.prose(position);
                let period = quiet_period(&work.start_date, &work.end_date);
                let held = positions.iter_mut().find(|(id, _)| *id == company_id);
                match held {
                    Some((_, roles)) => roles.push((title, period)),
                    None => positions.push((company_id.clone(), vec![(title, period)])),
                }
            }
            if Self::is_named_by_a_project(document, name)
                && given(&work.summary).is_none()
                && work.highlights.is_empty()
            {
                continue;
            }
            let period = self.period(&place, &work.start_date, &work.end_date);
            if period.is_none() && given(&work.start_date).is_none() {
                self.note(
                    &place,
                    "has no `startDate`; imported undated, and its employment shows no period until you add one",
                );
            }
            let title = position.unwrap_or(name);
            let id = self.ids.claim(&format!("{name} {title}"), "project");
            let responsibilities = self.bullets(&format!("{place}.highlights"), &work.highlights);
            resume.projects.push(Project {
                id,
                name: self.prose(title),
                company: company_id,
                period,
                description: given(&work.summary).map(|s| self.prose(s)),
                responsibilities,
                ..empty_project()
            });
        }
        for (company_id, mut held) in positions {
            held.dedup();
            let company = resume.companies.iter_mut().find(|c| c.id == company_id).expect("added above");
            if company.role.is_some() {
                continue;
            }
            company.role = Some(match held.as_slice() {
                [(title, _)] => Roles::One(title.clone()),
                _ => Roles::Many(
                    held.into_iter()
                        .map(|(title, period)| Role {
                            id: None,
                            title,
                            period,
                            department: None,
                            duties: None,
                        })
                        .collect(),
                ),
            });
        }
    }

    pub(super) fn projects(&mut self, document: &Document, resume: &mut Resume) {
        for (n, project) in document.projects.iter().enumerate() {
            let place = format!("projects[{n}]");
            self.unknown(&place, &project.unknown);
            let Some(name) = given(&project.name) else {
                self.note(&place, "has no `name`; left out");
                continue;
            };
            let period = self.period(&place, &project.start_date, &project.end_date);
            if project.kind.as_deref() == Some(OPEN_SOURCE_TYPE) {
                let id = self.ids.claim(name, "open-source");
                let link = self.link_field(&format!("{place}.url"), &project.url);
                if !project.highlights.is_empty() || !project.roles.is_empty() {
                    self.note(&place, "the highlights and roles of a contribution have no place; left out");
                }
                resume.open_source.push(Contribution {
                    id,
                    name: self.prose(name),
                    description: given(&project.description).map(|d| self.prose(d)),
                    period,
                    link,
                    tags: project.keywords.clone(),
                });
                continue;
            }
            if !project.roles.is_empty() {
                self.left_out(&format!("{place}.roles"));
            }
            if let Some(kind) = given(&project.kind) {
                self.note(
                    &format!("{place}.type"),
                    &format!("`{kind}` has no place in resume.toml; left out"),
                );
            }
            // An entity that is one of the work entries is the employer;
            // any other is whom the project was for, which is no
            // employment.
            let entity = given(&project.entity);
            let employer = entity.filter(|e| document.work.iter().any(|w| given(&w.name) == Some(*e)));
            let company = employer.map(|e| self.company_named(e, resume)).unwrap_or_default();
            let organisation = entity.filter(|_| employer.is_none()).map(|e| Text::Plain(e.to_string()));
            let id = self.ids.claim(name, "project");
            let responsibilities = self.bullets(&format!("{place}.highlights"), &project.highlights);
            resume.projects.push(Project {
                id,
                name: self.prose(name),
                company,
                organisation,
                period,
                link: self.link_field(&format!("{place}.url"), &project.url),
                description: given(&project.description).map(|d| self.prose(d)),
                responsibilities,
                tags: project.keywords.clone(),
                ..empty_project()
            });
        }
    }
}

pub(super) fn empty_project() -> Project {
    Project::new(String::new(), Text::Plain(String::new()), String::new(), None)
}

/// A work entry's dates as a period, or none when they do not read as one
/// (the entry's own period, where it needs one, says why).
fn quiet_period(start: &Option<String>, end: &Option<String>) -> Option<Period> {
    let start = super::import::month(given(start)?, false)?;
    let end = match given(end) {
        None => None,
        Some(text) if crate::formats::import::is_ongoing(text) => None,
        Some(text) => Some(super::import::month(text, true)?),
    };
    // A title's dates run backwards where its employment's do: turned
    // round as the employment's are (which says so).
    Some(crate::formats::import::ordered_period(start, end).0)
}
