//! The header and the career: the person's contacts, company names with
//! their renames, and the career summary, which lists every employment
//! whatever the selection keeps in detail.

use fluent_bundle::FluentArgs;

use super::{Localizer, merge, path};
use crate::error::Result;
use crate::model::{Company, Period, PersonLink, Project, Step, Text};
use crate::view::{CareerLine, CareerView, CompanyView, EmploymentView, LinkView, PersonView, RoleView};

impl Localizer<'_> {
    pub(super) fn person(&self) -> Result<PersonView> {
        let person = &self.resume.person;
        let at = |key| move || path(&[Step::Key("person"), Step::Key(key)]);
        let lang = self.catalogue.language.code;
        // A contact given per language falls back to any of its forms: an
        // address is better printed in the other form than left out.
        let in_lang =
            |text: &Option<Text>| text.as_ref().map(|t| t.get(lang).unwrap_or_else(|| t.any()).to_string());
        let mut contacts = Vec::new();
        if let Some(email) = in_lang(&person.email) {
            contacts.push(LinkView::labelled(&email, &format!("mailto:{email}")));
        }
        if let Some(phone) = in_lang(&person.phone) {
            let digits: String = phone.chars().filter(|c| c.is_ascii_digit() || *c == '+').collect();
            contacts.push(LinkView::labelled(&phone, &format!("tel:{digits}")));
        }
        contacts.extend(person.links.iter().map(|link| match link {
            PersonLink::Address(url) => LinkView::new(url),
            PersonLink::Account(account) => LinkView {
                network: account.network.clone(),
                username: account.username.clone(),
                ..LinkView::new(&account.url)
            },
        }));
        Ok(PersonView {
            name: self.required("person-name", &person.name, at("name"))?,
            headline: self.text("person-headline", person.headline.as_ref(), at("headline"))?,
            location: self.text("person-location", person.location.as_ref(), at("location"))?,
            contacts,
        })
    }

    /// The name a project shows for its company: the name in effect then,
    /// or both with an arrow when the project spans a rename.
    pub(super) fn company_name(&self, company: &str, period: Period, with_month: bool) -> Result<String> {
        self.name_in_force(company, period, if with_month { Renamed::Dated } else { Renamed::Arrow })
    }

    /// The name a row of a form carries: the name in force during the row,
    /// and `루멘랩스(구 루멘)` where the row spans the rename (forms use no
    /// arrows).
    pub(super) fn company_name_on_form(&self, company: &str, period: Period) -> Result<String> {
        self.name_in_force(company, period, Renamed::Formerly)
    }

    /// The name a company has now: for an undated project.
    pub(super) fn company_name_now(&self, company: &str) -> Result<String> {
        self.name_in_force(company, None, Renamed::Arrow)
    }

    fn name_in_force(
        &self,
        company: &str,
        period: impl Into<Option<Period>>,
        renamed: Renamed,
    ) -> Result<String> {
        let Some((index, entry)) = self.resume.companies.iter().enumerate().find(|(_, c)| c.id == company)
        else {
            return Ok(company.to_string());
        };
        let at =
            |key: &'static str| move || path(&[Step::Key("company"), Step::Index(index), Step::Key(key)]);
        let current = self.required(&format!("company-{company}-name"), &entry.name, at("name"))?;
        let (Some(former), Some(period)) = (&entry.formerly, period.into()) else { return Ok(current) };
        let former_name = self.required(&format!("company-{company}-former-name"), &former.name, || {
            path(&[Step::Key("company"), Step::Index(index), Step::Key("formerly"), Step::Key("name")])
        })?;
        if period.end_or(self.today) < former.until {
            return Ok(former_name);
        }
        if period.start >= former.until {
            return Ok(current);
        }
        let mut args = FluentArgs::new();
        if renamed == Renamed::Dated {
            args.set("month", self.month(former.until)?);
        }
        args.set("former", former_name);
        args.set("current", current);
        let id = match renamed {
            Renamed::Arrow => "company-spanning",
            Renamed::Dated => "company-renamed",
            Renamed::Formerly => "company-formerly",
        };
        self.catalogue.label(id, Some(&args))
    }

    /// The companies with these ids (or plain names), each once, in order.
    pub(super) fn companies_named<'i>(&self, ids: impl Iterator<Item = &'i str>) -> Result<Vec<CompanyView>> {
        let mut views: Vec<CompanyView> = Vec::new();
        for id in ids {
            let id = &id.to_string();
            if views.iter().any(|c| c.id == *id) {
                continue;
            }
            let Some(index) = self.resume.companies.iter().position(|c| c.id == *id) else {
                views.push(CompanyView {
                    id: id.clone(),
                    name: id.clone(),
                    role: None,
                    roles: vec![],
                    location: None,
                    formerly: None,
                });
                continue;
            };
            let company = &self.resume.companies[index];
            let at =
                |key: &'static str| move || path(&[Step::Key("company"), Step::Index(index), Step::Key(key)]);
            views.push(CompanyView {
                id: id.clone(),
                name: self.required(&format!("company-{id}-name"), &company.name, at("name"))?,
                roles: self.roles(index, company)?,
                role: None,
                location: self.text(
                    &format!("company-{id}-location"),
                    company.location.as_ref(),
                    at("location"),
                )?,
                formerly: match &company.formerly {
                    Some(former) => {
                        Some(self.required(&format!("company-{id}-former-name"), &former.name, || {
                            path(&[
                                Step::Key("company"),
                                Step::Index(index),
                                Step::Key("formerly"),
                                Step::Key("name"),
                            ])
                        })?)
                    }
                    None => None,
                },
            });
            let view = views.last_mut().expect("just pushed");
            view.role = view.roles.first().map(|r| r.title.clone());
        }
        Ok(views)
    }

    /// A company's titles, newest first. A single title keeps the message
    /// id `company-ID-role`; one of many is `company-ID-role-<key>`, after
    /// its `id` or its title's text (see [`role_keys`]).
    fn roles(&self, index: usize, company: &Company) -> Result<Vec<RoleView>> {
        let id = &company.id;
        let Some(roles) = &company.role else { return Ok(vec![]) };
        let at = || path(&[Step::Key("company"), Step::Index(index), Step::Key("role")]);
        if let Some(title) = roles.single() {
            let title = self.required(&format!("company-{id}-role"), title, at)?;
            return Ok(vec![RoleView { title, department: None, period: None, dates: None }]);
        }
        let keys = role_keys(roles);
        // Translations made for the keys roles had by their first month.
        if let crate::model::Roles::Many(list) = roles {
            for (n, role) in list.iter().enumerate() {
                let former = match role.period {
                    Some(period) => format!("role-{}", period.start),
                    None => format!("role-{}", n + 1),
                };
                let suffixes = ["-title", "-department", "-duties"];
                self.renamed(
                    &format!("company-{id}-{former}"),
                    &format!("company-{id}-{}", keys[n]),
                    &suffixes,
                );
            }
        }
        let mut views = Vec::new();
        for (n, role) in roles.newest_first() {
            let key = &keys[n];
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
            views.push(RoleView {
                title: self.required(&format!("company-{id}-{key}-title"), &role.title, at("title"))?,
                department: self.text(
                    &format!("company-{id}-{key}-department"),
                    role.department.as_ref(),
                    at("department"),
                )?,
                period: role.period.map(|p| self.period(p)).transpose()?,
                dates: role.period.map(Into::into),
            });
        }
        Ok(views)
    }

    /// The titles of a company held during a stretch, newest first: those
    /// without a period, and those whose period overlaps it. A title shows
    /// its own period only when the stretch had several, so every title
    /// that is shown is dated, and one title alone reads as the stretch's.
    fn held_during(&self, company: &CompanyView, stretch: Period) -> Vec<RoleView> {
        let end = stretch.end_or(self.today);
        let mut held: Vec<RoleView> = company
            .roles
            .iter()
            .filter(|r| {
                r.dates.is_none_or(|d| d.start <= end && d.end.unwrap_or(self.today) >= stretch.start)
            })
            .cloned()
            .collect();
        if held.len() == 1 {
            held[0].period = None;
        }
        held
    }

    /// The kept projects grouped by the employment they belong to, newest
    /// first, each with the titles held during it. The employment's dates
    /// are the whole history's: a selection chooses which projects show,
    /// never when someone worked somewhere. An employment without any
    /// project (a title alone) always shows; one whose projects the
    /// selection all left out does not.
    pub(super) fn employments(&self, kept: &[&Project]) -> Result<Vec<EmploymentView>> {
        let history = employments(self.resume, self.today);
        let named = self.companies_named(history.iter().map(|(company, _)| *company))?;
        let mut views = Vec::new();
        for (company, period) in history.iter().copied() {
            let end = period.end_or(self.today);
            // An undated project belongs to its employer's latest
            // employment.
            let latest = !history.iter().any(|(c, p)| *c == company && p.start > period.start);
            let during = |p: &Project| {
                p.company == company
                    && p.period.map_or(latest, |p| p.start >= period.start && p.end_or(self.today) <= end)
            };
            let projects: Vec<String> = kept.iter().filter(|p| during(p)).map(|p| p.id.clone()).collect();
            if projects.is_empty() && self.resume.projects.iter().any(during) {
                continue;
            }
            let named = named.iter().find(|c| c.id == company);
            views.push(EmploymentView {
                company_id: company.to_string(),
                company: self.company_name(company, period, false)?,
                location: named.and_then(|c| c.location.clone()),
                period: self.period(period)?,
                dates: period.into(),
                duration: self.duration(period.months(self.today))?,
                roles: named.map(|c| self.held_during(c, period)).unwrap_or_default(),
                projects,
            });
        }
        Ok(views)
    }

    /// The career summary: the total and every employment of the history,
    /// each title with its own period when there were several.
    pub(super) fn career(&self) -> Result<CareerView> {
        let history = employments(self.resume, self.today);
        let named = self.companies_named(history.iter().map(|(company, _)| *company))?;
        let periods: Vec<Period> = history.iter().map(|(_, p)| *p).collect();
        let total_months: u32 = merge(&periods, self.today).iter().map(|p| p.months(self.today)).sum();
        let mut args = FluentArgs::new();
        args.set("duration", self.long_duration(total_months)?);
        let total = self.catalogue.label("summary-total", Some(&args))?;
        let lines = history
            .into_iter()
            .map(|(company, period)| {
                let named = named.iter().find(|c| c.id == company);
                Ok(CareerLine {
                    company: self.company_name(company, period, true)?,
                    roles: named.map(|c| self.held_during(c, period)).unwrap_or_default(),
                    location: named.and_then(|c| c.location.clone()),
                    period: self.period(period)?,
                    duration: self.duration(period.months(self.today))?,
                })
            })
            .collect::<Result<_>>()?;
        Ok(CareerView { total, lines })
    }
}

/// The key of each title's message ids, in the list's order: `role-<id>`
/// for a title with an `id`, else `role-` and six hex digits of its text
/// (see [`crate::message_id`]). Moving a title's dates never changes its
/// key, so its translations stay its own; editing its text does, and the
/// old translation is then reported as stale.
pub(super) fn role_keys(roles: &crate::model::Roles) -> Vec<String> {
    let crate::model::Roles::Many(list) = roles else { return Vec::new() };
    crate::message_id::item_keys(
        list.iter().map(|role| (role.id.as_deref(), crate::message_id::source_of(&role.title).to_string())),
    )
    .into_iter()
    .map(|key| format!("role-{key}"))
    .collect()
}

/// How a name that changed during a period is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Renamed {
    /// `kakao → kakaoenterprise`, `Kakao Enterprise (formerly Kakao)`,
    /// where space is short.
    Arrow,
    /// `kakao → kakaoenterprise (2019.12 사명 변경)`, `Kakao Enterprise
    /// (formerly Kakao, renamed Dec 2019)`, in the career summary.
    Dated,
    /// `루멘랩스(구 루멘)`, on a form.
    Formerly,
}

/// Every employment of the résumé, newest first: for each company, its
/// projects' periods and its titles' periods merged where they touch or
/// overlap, one stretch per continuous employment. A title held outside
/// every project still counts, and a company left and rejoined gives two;
/// a project of one's own (no company) and an undated one count for none.
pub(crate) fn employments(
    resume: &crate::model::Resume,
    today: crate::model::YearMonth,
) -> Vec<(&str, Period)> {
    let mut companies: Vec<&str> = Vec::new();
    // A project of no employer (an empty company) is no employment.
    for project in resume.projects.iter().filter(|p| !p.company.is_empty()) {
        if !companies.contains(&project.company.as_str()) {
            companies.push(&project.company);
        }
    }
    for company in &resume.companies {
        let dated = matches!(&company.role, Some(crate::model::Roles::Many(roles)) if roles.iter().any(|r| r.period.is_some()));
        if dated && !companies.contains(&company.id.as_str()) {
            companies.push(&company.id);
        }
    }
    let mut stretches: Vec<(&str, Period)> = Vec::new();
    for company in companies {
        // The certificate's dates, when the résumé gives them, are the truth.
        if let Some(period) = resume.companies.iter().find(|c| c.id == company).and_then(|c| c.period) {
            stretches.push((company, period));
            continue;
        }
        let mut periods: Vec<Period> =
            resume.projects.iter().filter(|p| p.company == company).filter_map(|p| p.period).collect();
        if let Some(entry) = resume.companies.iter().find(|c| c.id == company)
            && let Some(crate::model::Roles::Many(roles)) = &entry.role
        {
            periods.extend(roles.iter().filter_map(|r| r.period));
        }
        stretches.extend(merge(&periods, today).into_iter().map(|p| (company, p)));
    }
    stretches.sort_by_key(|(_, p)| std::cmp::Reverse((p.end_or(today), p.start)));
    stretches
}
