//! The 이력서 form's rows: the person's details and one row per school,
//! title held, certificate, language test, service and award.
//!
//! Every cell is looked up as every other document looks its text up: the
//! user's Fluent message first (so a Korean name or title written only in
//! `ko.ftl` prints here as in the 경력기술서), then the text in the form's
//! language; a text without it falls back to any language it has, better
//! printed than left blank. The message ids are the résumé's own
//! (`person-name`, `company-<id>-<role>-title`, `education-<id>-school`),
//! plus those of fields only the form prints (`person-address`,
//! `company-<id>-<role>-duties`, `education-<id>-major`).

use fluent_bundle::FluentArgs;

use super::{Localizer, path};
use crate::error::Result;
use crate::model::{Company, MilitaryStatus, Period, Role, Step, Text, YearMonth};
use crate::view::{FormRow, FormTable, FormView};

impl Localizer<'_> {
    pub(super) fn form(&self, day: Option<u8>) -> Result<FormView> {
        let person = &self.resume.person;
        let at = |key: &'static str| move || path(&[Step::Key("person"), Step::Key(key)]);
        let optional = |id: &str, text: &Option<Text>, key: &'static str| -> Result<Option<String>> {
            text.as_ref().map(|t| self.cell(id, t, at(key))).transpose()
        };
        let latin = match &person.name {
            Text::Localized(map) => map.get("en").cloned(),
            Text::Plain(_) => None,
        };
        let keeps_military = self.selection.keeps_section("military");
        let military_status = self.resume.military.as_ref().map(|m| m.status);
        let mut args = FluentArgs::new();
        args.set("year", self.today.year.to_string());
        args.set("month", self.today.month.to_string());
        args.set("day", day.map_or_else(|| "\u{2003}".to_string(), |d| d.to_string()));
        let education = self.form_education()?;
        let career = self.form_career()?;
        let certifications = self.form_certifications()?;
        let languages = self.form_languages()?;
        let military = self.form_military()?;
        let military_table = keeps_military && military_status != Some(MilitaryStatus::NotApplicable);
        let awards = self.form_awards()?;
        let table = |id: &str, heads: &[&str], rows: &[FormRow]| -> Result<FormTable> {
            Ok(FormTable {
                id: id.to_string(),
                title: self.catalogue.label(id, None)?,
                heads: heads.iter().map(|h| self.catalogue.label(h, None)).collect::<Result<_>>()?,
                rows: rows.to_vec(),
            })
        };
        let mut tables = vec![
            table(
                "form-education",
                &["form-period", "form-school", "form-major", "form-standing", "form-gpa"],
                &education,
            )?,
            table(
                "form-career",
                &["form-period", "form-company", "form-department", "form-position", "form-duties"],
                &career,
            )?,
            table(
                "form-certifications",
                &["form-obtained", "form-certificate", "form-issuer"],
                &certifications,
            )?,
            table(
                "form-languages",
                &["form-test", "form-score", "form-test-date", "form-test-issuer"],
                &languages,
            )?,
        ];
        // The career table says the total, as portals' forms do.
        if let Some(total) = self.career().ok().filter(|c| !c.lines.is_empty()).map(|c| c.total)
            && let Some(career) = tables.iter_mut().find(|t| t.id == "form-career")
        {
            career.title = format!("{} ({total})", career.title);
        }
        if military_table {
            // Without `[military]`, the table is kept empty, to be filled
            // in by hand, in the columns of one who served.
            let (heads, rows) = match military {
                Some((heads, row)) => (heads, vec![row]),
                None => (SERVED_HEADS.to_vec(), vec![]),
            };
            tables.push(table("form-military", &heads, &rows)?);
        }
        // Awards are no required part of the form: the table only when there are some.
        if !awards.is_empty() {
            tables.push(table("form-awards", &["form-award-date", "form-award", "form-awarder"], &awards)?);
        }
        Ok(FormView {
            name: self.cell("person-name", &person.name, at("name"))?,
            name_hanja: person.name_hanja.clone(),
            name_latin: latin,
            birth_date: person
                .birth_date
                .map(|d| format!("{}.{:02}.{:02}", d.month.year, d.month.month, d.day)),
            phone: person.phone.as_ref().map(|t| t.get(self.lang()).unwrap_or_else(|| t.any()).to_string()),
            email: person.email.as_ref().map(|t| t.get(self.lang()).unwrap_or_else(|| t.any()).to_string()),
            address: optional("person-address", &person.address, "address")?,
            nationality: optional("person-nationality", &person.nationality, "nationality")?,
            visa: optional("person-visa", &person.visa, "visa")?,
            tables,
            date: self.catalogue.label("form-date", Some(&args))?,
        })
    }

    fn lang(&self) -> &'static str {
        self.catalogue.language.code
    }

    /// A cell's text: the user's message `id`, else the text in the form's
    /// language, else in any language it has. Recorded for the translation
    /// workflow like every other text.
    fn cell(&self, id: &str, text: &Text, at: impl FnOnce() -> super::Path) -> Result<String> {
        if self.record.is_some() {
            return Ok(self.text(id, Some(text), at)?.unwrap_or_default());
        }
        if let Some(message) = self.catalogue.format(id, None)? {
            return Ok(message);
        }
        Ok(text.get(self.lang()).unwrap_or_else(|| text.any()).to_string())
    }

    fn month_cell(month: Option<YearMonth>) -> String {
        match month {
            Some(m) if m.year_only => m.year.to_string(),
            Some(m) => format!("{}.{:02}", m.year, m.month),
            None => String::new(),
        }
    }

    fn form_education(&self) -> Result<Vec<FormRow>> {
        let mut rows = Vec::new();
        for (n, e) in self.resume.education.iter().enumerate() {
            let id = &e.id;
            let at =
                |key: &'static str| move || path(&[Step::Key("education"), Step::Index(n), Step::Key(key)]);
            let standing = match e.standing {
                Some(s) => self.catalogue.label(s.message_id(), None)?,
                None => String::new(),
            };
            let major = match (&e.major, &e.degree) {
                (Some(major), _) => self.cell(&format!("education-{id}-major"), major, at("major"))?,
                (None, Some(degree)) => self.cell(&format!("education-{id}-degree"), degree, at("degree"))?,
                (None, None) => String::new(),
            };
            rows.push(FormRow {
                cells: vec![
                    e.period.map(|p| self.period(p)).transpose()?.unwrap_or_default(),
                    self.cell(&format!("education-{id}-school"), &e.school, at("school"))?,
                    major,
                    standing,
                    e.gpa.clone().unwrap_or_default(),
                ],
            });
        }
        Ok(rows)
    }

    /// One row per title held in each employment of the whole history,
    /// newest first, each naming the company as it was called then.
    fn form_career(&self) -> Result<Vec<FormRow>> {
        let mut rows = Vec::new();
        for (company, stretch) in super::career::employments(self.resume, self.today) {
            let index = self.resume.companies.iter().position(|c| c.id == company);
            let entry = index.map(|i| (i, &self.resume.companies[i]));
            let held = entry.map(|(i, c)| self.titles_during(i, c, stretch)).transpose()?.unwrap_or_default();
            if held.is_empty() {
                rows.push(FormRow {
                    cells: vec![
                        self.period(stretch)?,
                        self.company_name_on_form(company, stretch)?,
                        String::new(),
                        String::new(),
                        String::new(),
                    ],
                });
            }
            for (period, department, title, duties) in held {
                rows.push(FormRow {
                    cells: vec![
                        self.period(period)?,
                        self.company_name_on_form(company, period)?,
                        department,
                        title,
                        duties,
                    ],
                });
            }
        }
        Ok(rows)
    }

    /// The titles of company `index` held during a stretch, newest first:
    /// each with the months it was held within the stretch, its team,
    /// title and duties.
    fn titles_during(
        &self,
        index: usize,
        company: &Company,
        stretch: Period,
    ) -> Result<Vec<(Period, String, String, String)>> {
        let id = &company.id;
        let at_role = || path(&[Step::Key("company"), Step::Index(index), Step::Key("role")]);
        let Some(roles) = &company.role else { return Ok(Vec::new()) };
        if let Some(title) = roles.single() {
            let title = self.cell(&format!("company-{id}-role"), title, at_role)?;
            return Ok(vec![(stretch, String::new(), title, String::new())]);
        }
        let keys = super::career::role_keys(roles);
        let end = stretch.end_or(self.today);
        let mut held = Vec::new();
        for (n, role) in roles.newest_first() {
            let overlaps =
                role.period.is_none_or(|p| p.start <= end && p.end_or(self.today) >= stretch.start);
            if !overlaps {
                continue;
            }
            held.push(self.role_cells(id, index, n, &keys[n], role, stretch)?);
        }
        Ok(held)
    }

    fn role_cells(
        &self,
        id: &str,
        index: usize,
        n: usize,
        key: &str,
        role: &Role,
        stretch: Period,
    ) -> Result<(Period, String, String, String)> {
        let at = |field: &'static str| {
            move || {
                path(&[
                    Step::Key("company"),
                    Step::Index(index),
                    Step::Key("role"),
                    Step::Index(n),
                    Step::Key(field),
                ])
            }
        };
        let optional = |suffix: &str, text: &Option<Text>, field: &'static str| -> Result<String> {
            match text {
                Some(t) => self.cell(&format!("company-{id}-{key}-{suffix}"), t, at(field)),
                None => Ok(String::new()),
            }
        };
        let period = match role.period {
            Some(p) => Period {
                start: p.start.max(stretch.start),
                end: match (p.end, stretch.end) {
                    (Some(a), Some(b)) => Some(a.min(b)),
                    (a, b) => a.or(b),
                },
            },
            None => stretch,
        };
        Ok((
            period,
            optional("department", &role.department, "department")?,
            self.cell(&format!("company-{id}-{key}-title"), &role.title, at("title"))?,
            optional("duties", &role.duties, "duties")?,
        ))
    }

    fn form_certifications(&self) -> Result<Vec<FormRow>> {
        let mut rows = Vec::new();
        for (n, c) in self.resume.certifications.iter().enumerate() {
            let id = &c.id;
            let at = |key: &'static str| {
                move || path(&[Step::Key("certification"), Step::Index(n), Step::Key(key)])
            };
            let issuer = match &c.issuer {
                Some(issuer) => self.cell(&format!("certification-{id}-issuer"), issuer, at("issuer"))?,
                None => String::new(),
            };
            rows.push(FormRow {
                cells: vec![
                    Self::month_cell(c.date),
                    self.cell(&format!("certification-{id}-name"), &c.name, at("name"))?,
                    issuer,
                ],
            });
        }
        Ok(rows)
    }

    fn form_languages(&self) -> Result<Vec<FormRow>> {
        let mut rows = Vec::new();
        for (n, (t, key)) in self.resume.language_tests.iter().zip(self.language_test_keys()).enumerate() {
            let at = move || path(&[Step::Key("language_test"), Step::Index(n), Step::Key("issuer")]);
            let issuer = match &t.issuer {
                Some(issuer) => self.cell(&format!("language-test-{key}-issuer"), issuer, at)?,
                None => String::new(),
            };
            let score = self.cell(&format!("language-test-{key}-score"), &t.score, move || {
                path(&[Step::Key("language_test"), Step::Index(n), Step::Key("score")])
            })?;
            rows.push(FormRow { cells: vec![t.test.clone(), score, Self::month_cell(t.date), issuer] });
        }
        Ok(rows)
    }

    fn form_awards(&self) -> Result<Vec<FormRow>> {
        let mut rows = Vec::new();
        for (n, (a, key)) in self.resume.awards.iter().zip(self.award_keys()).enumerate() {
            let at =
                |field: &'static str| move || path(&[Step::Key("award"), Step::Index(n), Step::Key(field)]);
            let issuer = match &a.issuer {
                Some(issuer) => self.cell(&format!("award-{key}-issuer"), issuer, at("issuer"))?,
                None => String::new(),
            };
            rows.push(FormRow {
                cells: vec![
                    Self::month_cell(a.date),
                    self.cell(&format!("award-{key}-name"), &a.name, at("name"))?,
                    issuer,
                ],
            });
        }
        Ok(rows)
    }

    /// The service, or why there was none; nothing when the résumé says
    /// nothing (the form then has an empty row to fill in by hand).
    /// The 병역사항 row and its columns, as job portals' forms set them:
    /// 병역구분 first; then how the service went (군별, 계급, 복무기간,
    /// 병과) for one who served or serves, or the reason alone for one
    /// exempted or not yet served.
    fn form_military(&self) -> Result<Option<(Vec<&'static str>, FormRow)>> {
        let Some(m) = &self.resume.military else { return Ok(None) };
        let at = |key: &'static str| move || path(&[Step::Key("military"), Step::Key(key)]);
        let cell = |id: &str, text: &Option<Text>, key: &'static str| -> Result<String> {
            match text {
                Some(t) => self.cell(id, t, at(key)),
                None => Ok(String::new()),
            }
        };
        let status = |id: &str| self.catalogue.label(id, None);
        Ok(Some(match m.status {
            MilitaryStatus::Served | MilitaryStatus::Serving => {
                let id =
                    if m.status == MilitaryStatus::Served { "military-served" } else { "military-serving" };
                let heads = SERVED_HEADS.to_vec();
                let cells = vec![
                    status(id)?,
                    cell("military-branch", &m.branch, "branch")?,
                    cell("military-rank", &m.rank, "rank")?,
                    m.period.map(|p| self.period(p)).transpose()?.unwrap_or_default(),
                    cell("military-specialty", &m.specialty, "specialty")?,
                ];
                (heads, FormRow { cells })
            }
            MilitaryStatus::Exempt | MilitaryStatus::NotServed => {
                let (id, reason) = if m.status == MilitaryStatus::Exempt {
                    ("military-exempt", "form-exemption")
                } else {
                    ("military-not-served", "form-reason")
                };
                let cells = vec![status(id)?, cell("military-exemption", &m.exemption, "exemption")?];
                (vec!["form-military-status", reason], FormRow { cells })
            }
            MilitaryStatus::NotApplicable => return Ok(None),
        }))
    }
}

/// The 병역사항 columns of one who served or serves.
const SERVED_HEADS: [&str; 5] =
    ["form-military-status", "form-branch", "form-rank", "form-service", "form-specialty"];
