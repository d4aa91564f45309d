//! JSON Resume's `work` and `projects`, read into companies and projects:
//! an employment that no project names as its `entity` becomes a project
//! of its own, so a résumé written around jobs still prints them.

use super::import::{Importer, given};
use super::{Document, OPEN_SOURCE_TYPE};
use crate::model::{Bullet, Company, Contribution, Period, Project, Resume, Text, YearMonth};

impl Importer {
    pub(super) fn is_named_by_a_project(document: &Document, name: &str) -> bool {
        document
            .projects
            .iter()
            .any(|p| given(&p.entity) == Some(name) && p.kind.as_deref() != Some(OPEN_SOURCE_TYPE))
    }

    /// The id of the company with this name, added as a `[[company]]` if
    /// no work entry brought it: a project's `company` must name one.
    pub(super) fn company_named(&mut self, name: &str, resume: &mut Resume) -> String {
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
        });
        id
    }

    pub(super) fn work(&mut self, document: &Document, resume: &mut Resume) {
        for (n, work) in document.work.iter().enumerate() {
            let place = format!("work[{n}]");
            self.unknown(&place, &work.unknown);
            let Some(name) = given(&work.name) else {
                self.note(&place, "has no `name`; left out");
                continue;
            };
            let company_id = self.company_named(name, resume);
            for (key, value) in
                [("url", &work.url), ("location", &work.location), ("description", &work.description)]
            {
                if given(value).is_some() {
                    self.left_out(&format!("{place}.{key}"));
                }
            }
            // The employment gives the company its role; the projects that
            // name it carry the detail, unless it has some of its own.
            let position = given(&work.position);
            let role = position.map(|p| crate::model::Roles::One(self.prose(p)));
            let company = resume.companies.iter_mut().find(|c| c.id == company_id).expect("just added");
            if company.role.is_none() {
                company.role = role;
            }
            if Self::is_named_by_a_project(document, name)
                && given(&work.summary).is_none()
                && work.highlights.is_empty()
            {
                continue;
            }
            let Some(period) = self.period(&place, &work.start_date, &work.end_date) else {
                self.note(&place, "a project needs a `startDate`; this employment was left out");
                continue;
            };
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
            let Some(period) = period else {
                self.note(&place, "a project needs a `startDate`; left out");
                continue;
            };
            if !project.roles.is_empty() {
                self.left_out(&format!("{place}.roles"));
            }
            if let Some(kind) = given(&project.kind) {
                self.note(
                    &format!("{place}.type"),
                    &format!("`{kind}` has no place in resume.toml; left out"),
                );
            }
            let company = match given(&project.entity) {
                Some(entity) => self.company_named(entity, resume),
                None => String::new(),
            };
            let id = self.ids.claim(name, "project");
            let responsibilities = self.bullets(&format!("{place}.highlights"), &project.highlights);
            let achievements = self
                .link_field(&format!("{place}.url"), &project.url)
                .map(|url| Bullet { link: Some(url), ..Bullet::default() })
                .into_iter()
                .collect();
            resume.projects.push(Project {
                id,
                name: self.prose(name),
                company,
                period,
                description: given(&project.description).map(|d| self.prose(d)),
                responsibilities,
                achievements,
                tags: project.keywords.clone(),
                ..empty_project()
            });
        }
    }
}

pub(super) fn empty_project() -> Project {
    let period = Period { start: YearMonth { year: 2000, month: 1 }, end: None };
    Project::new(String::new(), Text::Plain(String::new()), String::new(), period)
}
