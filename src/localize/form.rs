//! The 이력서 form's rows: the person's details and one row per school,
//! title held, certificate, language test, service and award, each cell a
//! text in the form's language (a text without it falls back to any
//! language it has: better printed than left blank).

use fluent_bundle::FluentArgs;

use super::Localizer;
use crate::error::Result;
use crate::model::{Period, Text, YearMonth};
use crate::view::{FormRow, FormView};

impl Localizer<'_> {
    pub(super) fn form(&self, day: Option<u8>) -> Result<FormView> {
        let lang = self.catalogue.language.code;
        let text = |t: &Text| t.get(lang).unwrap_or_else(|| t.any()).to_string();
        let optional = |t: &Option<Text>| t.as_ref().map(text).unwrap_or_default();
        let month = |m: YearMonth| format!("{}.{:02}", m.year, m.month);
        let period = |p: Option<Period>| p.map(|p| self.period(p)).transpose().map(Option::unwrap_or_default);
        let person = &self.resume.person;
        let latin = match &person.name {
            Text::Localized(map) => map.get("en").cloned(),
            Text::Plain(_) => None,
        };
        let mut education = Vec::new();
        for e in &self.resume.education {
            let standing = match e.standing {
                Some(s) => self.catalogue.label(s.message_id(), None)?,
                None => String::new(),
            };
            education.push(FormRow {
                cells: vec![
                    period(e.period)?,
                    text(&e.school),
                    e.major.as_ref().or(e.degree.as_ref()).map(text).unwrap_or_default(),
                    standing,
                    e.gpa.clone().unwrap_or_default(),
                ],
            });
        }
        let mut career = Vec::new();
        // The whole career, whatever a selection keeps.
        for (company, stretch) in super::career::employments(self.resume, self.today) {
            let entry = self.resume.companies.iter().find(|c| c.id == company);
            let roles: Vec<&crate::model::Role> = match entry.and_then(|c| c.role.as_ref()) {
                Some(crate::model::Roles::Many(_)) => entry
                    .and_then(|c| c.role.as_ref())
                    .map(|r| r.newest_first().into_iter().map(|(_, role)| role).collect())
                    .unwrap_or_default(),
                _ => Vec::new(),
            };
            let overlapping: Vec<&crate::model::Role> = roles
                .into_iter()
                .filter(|r| {
                    r.period.is_none_or(|p| {
                        p.start <= stretch.end_or(self.today) && p.end_or(self.today) >= stretch.start
                    })
                })
                .collect();
            if overlapping.is_empty() {
                let title = entry
                    .and_then(|c| c.role.as_ref())
                    .and_then(|r| r.single())
                    .map(text)
                    .unwrap_or_default();
                career.push(FormRow {
                    cells: vec![
                        self.period(stretch)?,
                        self.company_name_on_form(company, stretch)?,
                        String::new(),
                        title,
                        String::new(),
                    ],
                });
                continue;
            }
            for role in overlapping {
                let held = match role.period {
                    Some(p) => Period {
                        start: p.start.max(stretch.start),
                        end: match (p.end, stretch.end) {
                            (Some(a), Some(b)) => Some(a.min(b)),
                            (a, b) => a.or(b),
                        },
                    },
                    None => stretch,
                };
                career.push(FormRow {
                    cells: vec![
                        self.period(held)?,
                        self.company_name_on_form(company, held)?,
                        optional(&role.department),
                        text(&role.title),
                        optional(&role.duties),
                    ],
                });
            }
        }
        let certifications = self
            .resume
            .certifications
            .iter()
            .map(|c| FormRow {
                cells: vec![c.date.map(month).unwrap_or_default(), text(&c.name), optional(&c.issuer)],
            })
            .collect();
        let languages = self
            .resume
            .language_tests
            .iter()
            .map(|t| FormRow {
                cells: vec![
                    t.test.clone(),
                    t.score.clone(),
                    t.date.map(month).unwrap_or_default(),
                    optional(&t.issuer),
                ],
            })
            .collect();
        let military = match &self.resume.military {
            Some(m) => Some(FormRow {
                cells: vec![
                    optional(&m.branch),
                    optional(&m.rank),
                    period(m.period)?,
                    optional(&m.specialty),
                    optional(&m.exemption),
                ],
            }),
            None => None,
        };
        let awards = self
            .resume
            .awards
            .iter()
            .map(|a| FormRow {
                cells: vec![a.date.map(month).unwrap_or_default(), text(&a.name), optional(&a.issuer)],
            })
            .collect();
        let mut args = FluentArgs::new();
        args.set("year", self.today.year.to_string());
        args.set("month", self.today.month.to_string());
        args.set("day", day.map_or_else(|| "\u{2003}".to_string(), |d| d.to_string()));
        Ok(FormView {
            name: text(&person.name),
            name_hanja: person.name_hanja.clone(),
            name_latin: latin,
            birth_date: person
                .birth_date
                .map(|d| format!("{}.{:02}.{:02}", d.month.year, d.month.month, d.day)),
            phone: person.phone.as_ref().map(text),
            email: person.email.as_ref().map(text),
            address: person.address.as_ref().map(text),
            education,
            career,
            certifications,
            languages,
            military,
            awards,
            date: self.catalogue.label("form-date", Some(&args))?,
        })
    }
}
