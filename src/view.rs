//! The localized view: the résumé with every text resolved for one language.
//!
//! [`localize`] is the only place that knows about languages. It picks each
//! text (a user's Fluent message first, then the inline text), formats
//! dates and durations through the catalogue, applies the selection, and
//! derives the career summary and skills. The result is plain data that the
//! layout reads as JSON and prints as is.
//!
//! Message ids are derived from where a text sits and, for the items of a
//! list, from the item itself (see [`crate::message_id`]), so they stay
//! stable as items come and go around them: `person-headline`,
//! `project-<id>-name`, `project-<id>-description`, `project-<id>-<fact>`
//! and `project-<id>-<fact>-<key>-label` / `-value`,
//! `project-<id>-responsibility-<key>[-<key>…]`,
//! `project-<id>-achievement-<key>`,
//! `project-<id>-troubleshooting-<key>-problem` / `-resolution`,
//! `project-<id>-other-<key>-label` / `-value`, `company-<id>-name`,
//! `company-<id>-former-name`, `company-<id>-role`, `company-<id>-location`,
//! `summary`, `person-location`, `education-<id>-school` / `-degree` /
//! `-detail-<key>`, `certification-<id>-name` / `-issuer`,
//! `open-source-<id>-name` / `-description`, `section-<id>-title` /
//! `-item-<key>`. A `<key>` is the item's own `id`, or six hex digits
//! derived from its source text.

use std::collections::BTreeMap;

use fluent_bundle::FluentArgs;
use serde::Serialize;

use crate::error::{Error, Result};
use crate::i18n::Catalogue;
use crate::model::{Bullet, Fact, FactValue, Period, Project, Resume, Source, Step, Text, YearMonth, locate};
use crate::select::{Entry, SECTIONS, Selection};

/// Paper sizes the layouts know.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Paper {
    /// ISO A4, the norm in Korea and Europe.
    A4,
    /// US Letter, for applications in North America.
    UsLetter,
}

/// Everything the layout prints, in one language.
#[derive(Debug, Clone, Serialize)]
pub struct View {
    /// BCP 47 code of the text (`ko`, `en`), for hyphenation and PDF /Lang.
    pub lang: String,
    /// Paper size.
    pub paper: Paper,
    /// How tightly to set the document; tightened to meet a page budget.
    pub fit: Fit,
    /// What the text needs from the fonts' shaping.
    pub shaping: Shaping,
    /// PDF metadata.
    pub document: Document,
    /// Every built-in label, by message id (`section-projects`…).
    pub labels: BTreeMap<String, String>,
    /// The header.
    pub person: PersonView,
    /// A short paragraph under the header.
    pub summary: Option<String>,
    /// Total experience and one line per employment.
    pub career: Option<CareerView>,
    /// Projects, newest first.
    pub projects: Vec<ProjectView>,
    /// The companies of those projects, in the order they first appear.
    pub companies: Vec<CompanyView>,
    /// Technologies by kind, with how long each was used.
    pub skills: Vec<SkillGroup>,
    /// Schools.
    pub education: Vec<EducationView>,
    /// Certificates.
    pub certifications: Vec<CertificationView>,
    /// Contributions outside work.
    pub open_source: Vec<ContributionView>,
    /// Free-form sections.
    pub sections: Vec<SectionView>,
    /// What the build should warn about; not part of what a layout reads.
    #[serde(skip)]
    pub warnings: Vec<Error>,
}

/// Type size and spacing, the two things a page budget may tighten.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Fit {
    /// Body text size in points.
    pub size: f64,
    /// Factor on vertical space between blocks (1 is the designed rhythm).
    pub spacing: f64,
}

impl Default for Fit {
    fn default() -> Self {
        Self { size: 9.5, spacing: 1.0 }
    }
}

impl Fit {
    /// The tightenings tried in turn for a page budget: space first, then
    /// type, never below 9 pt or 70 % of the designed spacing.
    pub const STEPS: [Fit; 6] = [
        Fit { size: 9.5, spacing: 0.9 },
        Fit { size: 9.5, spacing: 0.8 },
        Fit { size: 9.5, spacing: 0.7 },
        Fit { size: 9.25, spacing: 0.7 },
        Fit { size: 9.1, spacing: 0.7 },
        Fit { size: 9.0, spacing: 0.7 },
    ];
}

/// What shaping the text needs, so that a layout can turn off font
/// features that would do nothing but cost time (see [`crate::shaping`]).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Shaping {
    /// Whether some text may need glyph composition (the `ccmp` feature):
    /// it has a combining mark, or a script the embedded fonts lack.
    pub compose: bool,
}

/// PDF document metadata.
#[derive(Debug, Clone, Serialize)]
pub struct Document {
    /// Title, such as `yoonbh2714 — Résumé`.
    pub title: String,
    /// The person's name.
    pub author: String,
    /// Tags and technologies, for search.
    pub keywords: Vec<String>,
    /// `경력기술서` / `Résumé`, for the footer.
    pub kind: String,
}

/// A link with the text printed for it: host and path, no scheme, so it can
/// be typed from paper.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct LinkView {
    /// Printed text.
    pub text: String,
    /// Target.
    pub url: String,
}

impl LinkView {
    /// Builds the printed form of a URL.
    pub fn new(url: &str) -> Self {
        let bare = match url.split_once("://") {
            Some((_, rest)) => rest,
            None => url.strip_prefix("mailto:").or_else(|| url.strip_prefix("tel:")).unwrap_or(url),
        };
        let text = bare.strip_suffix('/').unwrap_or(bare);
        Self { text: text.to_string(), url: url.to_string() }
    }
}

/// The header.
#[derive(Debug, Clone, Serialize)]
pub struct PersonView {
    /// The name.
    pub name: String,
    /// One line under it.
    pub headline: Option<String>,
    /// Where the person is, first in the contact row.
    pub location: Option<String>,
    /// E-mail, phone and links, in that order.
    pub contacts: Vec<LinkView>,
}

/// The career summary.
#[derive(Debug, Clone, Serialize)]
pub struct CareerView {
    /// `총 경력 18년 4개월`, over every project whatever the selection.
    pub total: String,
    /// One line per stretch of work at one company, newest first.
    pub lines: Vec<CareerLine>,
}

/// One stretch at one company.
#[derive(Debug, Clone, Serialize)]
pub struct CareerLine {
    /// The company, with its rename if the stretch spans one.
    pub company: String,
    /// The role, if the model gives one.
    pub role: Option<String>,
    /// Where the work was, if the model gives it.
    pub location: Option<String>,
    /// `2016.07 ~ 현재`.
    pub period: String,
    /// `10년 5개월`.
    pub duration: String,
}

/// A project, ready to print.
#[derive(Debug, Clone, Serialize)]
pub struct ProjectView {
    /// Its id, as an anchor.
    pub id: String,
    /// Its name.
    pub name: String,
    /// The company name(s) in effect during the project.
    pub company: String,
    /// The company's id (see [`View::companies`]), or its name when the
    /// résumé does not declare it.
    pub company_id: String,
    /// `2022.04 ~ 현재`.
    pub period: String,
    /// The same period as months, for layouts and exports that format
    /// dates themselves.
    pub dates: Dates,
    /// Its labels, for layouts that print them and exports that carry them.
    pub tags: Vec<String>,
    /// `4년 8개월`.
    pub duration: String,
    /// One line on the project.
    pub description: Option<String>,
    /// The stack grid.
    pub facts: Vec<FactView>,
    /// Nested bullets.
    pub responsibilities: Vec<BulletView>,
    /// Bullets with links.
    pub achievements: Vec<BulletView>,
    /// Problem, resolution, link.
    pub troubleshooting: Vec<TroubleView>,
}

/// A period as months (`2022-04`); `end` is absent while it goes on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Dates {
    /// The first month.
    pub start: YearMonth,
    /// The last month, if it has ended.
    pub end: Option<YearMonth>,
}

impl From<Period> for Dates {
    fn from(period: Period) -> Self {
        Dates { start: period.start, end: period.end }
    }
}

impl From<Dates> for Period {
    fn from(dates: Dates) -> Self {
        Period { start: dates.start, end: dates.end }
    }
}

/// A company of the kept projects, named plainly: exports need the
/// employer without the rename arrow the layout prints.
#[derive(Debug, Clone, Serialize)]
pub struct CompanyView {
    /// What projects refer to it by ([`ProjectView::company_id`]).
    pub id: String,
    /// The current (or last) name.
    pub name: String,
    /// The role held.
    pub role: Option<String>,
    /// Where the work was.
    pub location: Option<String>,
    /// The name it had before a rename, if any.
    pub formerly: Option<String>,
}

/// A row of the stack grid.
#[derive(Debug, Clone, Serialize)]
pub struct FactView {
    /// `언어`, `Languages`…
    pub label: String,
    /// The main value.
    pub value: Option<String>,
    /// Inline sub-items.
    pub details: Vec<DetailView>,
}

/// A sub-item of a stack fact.
#[derive(Debug, Clone, Serialize)]
pub struct DetailView {
    /// Muted label, if any.
    pub label: Option<String>,
    /// The value.
    pub value: String,
}

/// A bullet.
#[derive(Debug, Clone, Serialize)]
pub struct BulletView {
    /// The text, if any.
    pub text: Option<String>,
    /// The link, if any.
    pub link: Option<LinkView>,
    /// Nested bullets.
    pub items: Vec<BulletView>,
}

/// A troubleshooting story.
#[derive(Debug, Clone, Serialize)]
pub struct TroubleView {
    /// The problem.
    pub problem: String,
    /// Cause and fix.
    pub resolution: Option<String>,
    /// A write-up.
    pub link: Option<LinkView>,
}

/// Technologies of one kind.
#[derive(Debug, Clone, Serialize)]
pub struct SkillGroup {
    /// `언어`, `DB`, `플랫폼`…
    pub label: String,
    /// Longest used first.
    pub items: Vec<Skill>,
}

/// A technology and how long it was used.
#[derive(Debug, Clone, Serialize)]
pub struct Skill {
    /// As last written in a project.
    pub name: String,
    /// `7년`, `8 mos`…
    pub duration: String,
}

/// A school.
#[derive(Debug, Clone, Serialize)]
pub struct EducationView {
    /// School.
    pub school: String,
    /// Degree.
    pub degree: Option<String>,
    /// Period.
    pub period: Option<String>,
    /// The same period as months.
    pub dates: Option<Dates>,
    /// Bullets.
    pub details: Vec<BulletView>,
}

/// A certificate.
#[derive(Debug, Clone, Serialize)]
pub struct CertificationView {
    /// Name.
    pub name: String,
    /// Issuer.
    pub issuer: Option<String>,
    /// Month obtained.
    pub date: Option<String>,
    /// The same month, as `2021-05`.
    pub issued: Option<YearMonth>,
    /// Verification link.
    pub link: Option<LinkView>,
}

/// A contribution outside work.
#[derive(Debug, Clone, Serialize)]
pub struct ContributionView {
    /// Project contributed to.
    pub name: String,
    /// What was contributed.
    pub description: Option<String>,
    /// When.
    pub period: Option<String>,
    /// The same period as months.
    pub dates: Option<Dates>,
    /// Link.
    pub link: Option<LinkView>,
    /// Its labels.
    pub tags: Vec<String>,
}

/// A free-form section.
#[derive(Debug, Clone, Serialize)]
pub struct SectionView {
    /// Its id, as an anchor.
    pub id: String,
    /// Heading.
    pub title: String,
    /// Bullets.
    pub items: Vec<BulletView>,
}

/// Labels the layouts may print; all are resolved up front so a layout
/// never needs the catalogue.
const LABEL_IDS: &[&str] = &[
    "document-kind",
    "section-summary",
    "section-projects",
    "section-skills",
    "section-education",
    "section-certifications",
    "section-open-source",
    "part-responsibilities",
    "part-achievements",
    "part-troubleshooting",
    "fact-languages",
    "fact-os",
    "fact-databases",
    "fact-platform",
    "fact-ci-cd",
    "fact-monitoring",
    "fact-architecture",
    "field-company",
    "field-period",
    "field-description",
    "field-degree",
    "field-role",
    "field-location",
    "date-present",
];

/// Settings of one build that the view needs.
#[derive(Debug, Clone, Copy)]
pub struct ViewOptions {
    /// The month ongoing periods run to.
    pub today: YearMonth,
    /// Paper size.
    pub paper: Paper,
}

/// Resolves the whole résumé in the catalogue's language.
pub fn localize(
    resume: &Resume,
    source: &Source,
    catalogue: &Catalogue,
    selection: &Selection,
    options: ViewOptions,
) -> Result<View> {
    let localizer = Localizer {
        resume,
        source,
        catalogue,
        selection,
        today: options.today,
        record: None,
        warnings: Default::default(),
        renames: Default::default(),
    };
    let mut view = localizer.view(options.paper)?;
    view.warnings = localizer.warnings.into_inner();
    // Every text the layout can print is in the view, so its JSON is the
    // one place to look.
    let json = serde_json::to_string(&view).expect("views serialize");
    view.shaping.compose = crate::shaping::needs_composition(&json);
    Ok(view)
}

/// The message ids list items had when ids were positions
/// (`project-search-responsibility-2`), each with its id now: what
/// `resume i18n upgrade` rewrites in an old `.ftl` file.
pub fn renames(
    resume: &Resume,
    source: &Source,
    catalogue: &Catalogue,
    today: YearMonth,
) -> Result<Vec<Rename>> {
    let (_, renames) = record(resume, source, catalogue, today)?;
    let mut seen = std::collections::HashSet::new();
    Ok(renames.into_iter().filter(|(old, _)| seen.insert(old.clone())).collect())
}

/// A message id then and now: (positional id, id that follows content).
pub type Rename = (String, String);

/// Walks every text as [`localize`] would, recording each instead of
/// failing on a missing one, with the renames from positional ids.
fn record(
    resume: &Resume,
    source: &Source,
    catalogue: &Catalogue,
    today: YearMonth,
) -> Result<(Vec<TextEntry>, Vec<Rename>)> {
    let record = std::cell::RefCell::new(Vec::new());
    let selection = Selection::default();
    let localizer = Localizer {
        resume,
        source,
        catalogue,
        selection: &selection,
        today,
        record: Some(&record),
        warnings: Default::default(),
        renames: Default::default(),
    };
    localizer.view(Paper::A4)?;
    let renames = localizer.renames.into_inner();
    Ok((record.into_inner(), renames))
}

/// A content text and whether the catalogue's language has it, for the
/// translation workflow (`resume i18n missing` / `extract`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextEntry {
    /// The Fluent message id that supplies or overrides it.
    pub id: String,
    /// Where the text stands in the résumé, when it is written there.
    pub location: Option<crate::error::Location>,
    /// The text in the languages it has, for translators (`ko: …`).
    pub source: Vec<(String, String)>,
    /// Whether this language has it, inline or from a Fluent message.
    pub translated: bool,
    /// Whether the language has it only as a plain text in Hangul, which a
    /// non-Korean document would print as is.
    pub foreign_script: bool,
}

/// Every content text of the résumé (and every optional one it could
/// have), in document order, with its message id and whether the
/// catalogue's language has it. It walks the same code
/// as [`localize`], so the ids are exactly those a build resolves.
pub fn texts(
    resume: &Resume,
    source: &Source,
    catalogue: &Catalogue,
    today: YearMonth,
) -> Result<Vec<TextEntry>> {
    let (entries, _) = record(resume, source, catalogue, today)?;
    // A text used in several places (a company's name) is listed once.
    let mut seen = std::collections::HashSet::new();
    Ok(entries.into_iter().filter(|entry| seen.insert(entry.id.clone())).collect())
}

struct Localizer<'a> {
    resume: &'a Resume,
    source: &'a Source,
    catalogue: &'a Catalogue,
    selection: &'a Selection,
    today: YearMonth,
    /// When set, texts are recorded instead of failing when missing.
    record: Option<&'a std::cell::RefCell<Vec<TextEntry>>>,
    /// What is worth a warning but builds (Korean text in an English
    /// document).
    warnings: std::cell::RefCell<Vec<Error>>,
    /// The positional id each list item's text had before ids followed
    /// content, with its id now: for upgrading old `.ftl` files.
    renames: std::cell::RefCell<Vec<(String, String)>>,
}

type Path = Vec<Step>;

fn path(steps: &[Step]) -> Path {
    steps.to_vec()
}

impl Localizer<'_> {
    fn view(&self, paper: Paper) -> Result<View> {
        let lang = self.catalogue.language.code;
        let mut labels = BTreeMap::new();
        for id in LABEL_IDS {
            labels.insert(id.to_string(), self.catalogue.label(id, None)?);
        }
        let person = self.person()?;
        let mut projects: Vec<(usize, &Project)> = self
            .resume
            .projects
            .iter()
            .enumerate()
            .filter(|(_, p)| {
                let bullet_tags = bullet_tags(p);
                let entry = Entry {
                    section: "projects",
                    id: &p.id,
                    period: Some(p.period),
                    tags: &p.tags,
                    bullet_tags: &bullet_tags,
                };
                self.selection.keeps_entry(entry)
            })
            .collect();
        projects.sort_by_key(|(_, p)| std::cmp::Reverse((p.period.end_or(self.today), p.period.start)));
        let kept: Vec<&Project> = projects.iter().map(|(_, p)| *p).collect();

        let keeps = |section: &str| self.selection.keeps_section(section);
        let companies = self.companies(&kept)?;
        let mut args = FluentArgs::new();
        args.set("name", person.name.clone());
        let document = Document {
            title: self.catalogue.label("document-title", Some(&args))?,
            author: person.name.clone(),
            keywords: keywords(&kept),
            kind: labels["document-kind"].clone(),
        };
        Ok(View {
            lang: lang.to_string(),
            paper,
            fit: Fit::default(),
            shaping: Shaping { compose: true },
            document,
            summary: if keeps("summary") {
                self.text("summary", self.resume.summary.as_ref(), || path(&[Step::Key("summary")]))?
            } else {
                None
            },
            // The career summary is the history: every employment, whatever
            // the selection keeps in detail.
            career: if keeps("summary") && keeps("career") {
                let every: Vec<&Project> = self.resume.projects.iter().collect();
                Some(self.career(&every, &self.companies(&every)?)?)
            } else {
                None
            },
            projects: if keeps("projects") {
                projects.iter().map(|(index, p)| self.project(*index, p)).collect::<Result<_>>()?
            } else {
                vec![]
            },
            companies: if keeps("projects") { companies } else { vec![] },
            skills: if keeps("skills") { self.skills(&kept)? } else { vec![] },
            education: if keeps("education") { self.education()? } else { vec![] },
            certifications: if keeps("certifications") { self.certifications()? } else { vec![] },
            open_source: if keeps("open-source") { self.open_source()? } else { vec![] },
            sections: self.sections()?,
            warnings: Vec::new(),
            labels,
            person,
        })
    }

    /// A content text: the user's Fluent message if there is one, else the
    /// inline text in this language; a text that exists but lacks this
    /// language is an error naming where it is.
    fn text(&self, id: &str, text: Option<&Text>, at: impl FnOnce() -> Path) -> Result<Option<String>> {
        let message = self.catalogue.format(id, None)?;
        if let Some(record) = self.record {
            let foreign_script = message.is_none() && self.foreign(text);
            let (location, source) = match text {
                Some(Text::Localized(map)) => {
                    (locate(self.source, &at()), map.iter().map(|(l, t)| (l.clone(), t.clone())).collect())
                }
                Some(Text::Plain(plain)) if foreign_script => {
                    (locate(self.source, &at()), vec![(crate::model::SHARED.to_string(), plain.clone())])
                }
                _ => (None, Vec::new()),
            };
            let translated =
                message.is_some() || text.is_none_or(|t| t.get(self.catalogue.language.code).is_some());
            record.borrow_mut().push(TextEntry {
                id: id.to_string(),
                location,
                source,
                translated,
                foreign_script,
            });
            return Ok(Some(message.unwrap_or_default()));
        }
        if let Some(message) = message {
            return Ok(Some(message));
        }
        let Some(text) = text else { return Ok(None) };
        // The path is built only for a message: a build resolves hundreds
        // of texts and warns about few.
        match text.get(self.catalogue.language.code) {
            Some(value) => {
                if self.foreign(Some(text)) {
                    self.warn_foreign(id, &at());
                }
                Ok(Some(value.to_string()))
            }
            None => Err(self.missing(id, text, &at())),
        }
    }

    /// Notes that the texts `old<suffix>` are now `new<suffix>`.
    fn renamed(&self, old: &str, new: &str, suffixes: &[&str]) {
        if old != new {
            let mut renames = self.renames.borrow_mut();
            renames.extend(suffixes.iter().map(|s| (format!("{old}{s}"), format!("{new}{s}"))));
        }
    }

    /// Whether a text would print Hangul into a document in another
    /// language.
    fn foreign(&self, text: Option<&Text>) -> bool {
        self.catalogue.language.code != "ko" && text.is_some_and(Text::is_shared_hangul)
    }

    fn warn_foreign(&self, id: &str, at: &[Step]) {
        let lang = self.catalogue.language.code;
        let mut warning = Error::new(format!("this text is Korean, but the document is in `{lang}`"))
            .with_hint(format!(
                "give it a `{lang}` version (`{{ ko = \"…\", {lang} = \"…\" }}`, or `{id} = …` in {lang}.ftl); \
                 write `{{ all = \"…\" }}` if it is meant for every language"
            ));
        if let Some(location) = locate(self.source, at) {
            warning = warning.at(location);
        }
        self.warnings.borrow_mut().push(warning);
    }

    /// Like [`Self::text`] for a text that is always there.
    fn required(&self, id: &str, text: &Text, at: impl FnOnce() -> Path) -> Result<String> {
        Ok(self.text(id, Some(text), at)?.unwrap_or_default())
    }

    fn missing(&self, id: &str, text: &Text, at: &[Step]) -> Error {
        let lang = self.catalogue.language.code;
        let has = crate::model::languages_of(text).join(", ");
        let beside = match &self.source.dir {
            Some(_) => format!("{lang}.ftl beside {}", self.source.path.display()),
            None => format!("{lang}.ftl"),
        };
        let error = Error::new(format!("this text has no `{lang}` version (it has: {has})"))
            .with_hint(format!("add `{lang} = \"…\"` to it, or define the message `{id} = …` in {beside}"));
        match locate(self.source, at) {
            Some(location) => error.at(location),
            None => error,
        }
    }

    fn month(&self, month: YearMonth) -> Result<String> {
        let mut args = FluentArgs::new();
        args.set("year", month.year.to_string());
        args.set("month", format!("{:02}", month.month));
        args.set("month-name", self.catalogue.label(&format!("month-{}", month.month), None)?);
        self.catalogue.label("date-month", Some(&args))
    }

    fn period(&self, period: Period) -> Result<String> {
        let mut args = FluentArgs::new();
        args.set("start", self.month(period.start)?);
        let end = match period.end {
            Some(end) => self.month(end)?,
            None => self.catalogue.label("date-present", None)?,
        };
        args.set("end", end);
        self.catalogue.label("date-range", Some(&args))
    }

    fn duration(&self, months: u32) -> Result<String> {
        let (years, rest) = (months / 12, months % 12);
        let mut args = FluentArgs::new();
        args.set("years", years);
        args.set("months", rest);
        let id = match (years, rest) {
            (0, _) => "duration-months",
            (_, 0) => "duration-years",
            _ => "duration-years-months",
        };
        self.catalogue.label(id, Some(&args))
    }

    fn person(&self) -> Result<PersonView> {
        let person = &self.resume.person;
        let at = |key| move || path(&[Step::Key("person"), Step::Key(key)]);
        let lang = self.catalogue.language.code;
        // A contact given per language falls back to any of its forms: an
        // address is better printed in the other form than left out.
        let in_lang =
            |text: &Option<Text>| text.as_ref().map(|t| t.get(lang).unwrap_or_else(|| t.any()).to_string());
        let mut contacts = Vec::new();
        if let Some(email) = in_lang(&person.email) {
            contacts.push(LinkView { url: format!("mailto:{email}"), text: email });
        }
        if let Some(phone) = in_lang(&person.phone) {
            let digits: String = phone.chars().filter(|c| c.is_ascii_digit() || *c == '+').collect();
            contacts.push(LinkView { text: phone, url: format!("tel:{digits}") });
        }
        contacts.extend(person.links.iter().map(|url| LinkView::new(url)));
        Ok(PersonView {
            name: self.required("person-name", &person.name, at("name"))?,
            headline: self.text("person-headline", person.headline.as_ref(), at("headline"))?,
            location: self.text("person-location", person.location.as_ref(), at("location"))?,
            contacts,
        })
    }

    /// The name a project shows for its company: the name in effect then,
    /// or both with an arrow when the project spans a rename.
    fn company_name(&self, company: &str, period: Period, with_month: bool) -> Result<String> {
        let Some((index, entry)) = self.resume.companies.iter().enumerate().find(|(_, c)| c.id == company)
        else {
            return Ok(company.to_string());
        };
        let at =
            |key: &'static str| move || path(&[Step::Key("company"), Step::Index(index), Step::Key(key)]);
        let current = self.required(&format!("company-{company}-name"), &entry.name, at("name"))?;
        let Some(former) = &entry.formerly else { return Ok(current) };
        let former_name = self.required(&format!("company-{company}-former-name"), &former.name, || {
            path(&[Step::Key("company"), Step::Index(index), Step::Key("formerly"), Step::Key("name")])
        })?;
        if period.end_or(self.today) < former.until {
            return Ok(former_name);
        }
        if period.start >= former.until {
            return Ok(current);
        }
        if !with_month {
            return Ok(format!("{former_name} → {current}"));
        }
        let mut args = FluentArgs::new();
        args.set("former", former_name);
        args.set("current", current);
        args.set("month", self.month(former.until)?);
        self.catalogue.label("company-renamed", Some(&args))
    }

    fn companies(&self, kept: &[&Project]) -> Result<Vec<CompanyView>> {
        let mut views: Vec<CompanyView> = Vec::new();
        for project in kept {
            let id = &project.company;
            if views.iter().any(|c| c.id == *id) {
                continue;
            }
            let Some(index) = self.resume.companies.iter().position(|c| c.id == *id) else {
                views.push(CompanyView {
                    id: id.clone(),
                    name: id.clone(),
                    role: None,
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
                role: self.text(&format!("company-{id}-role"), company.role.as_ref(), at("role"))?,
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
        }
        Ok(views)
    }

    fn career(&self, kept: &[&Project], named: &[CompanyView]) -> Result<CareerView> {
        let all: Vec<Period> = self.resume.projects.iter().map(|p| p.period).collect();
        let total_months: u32 = merge(&all, self.today).iter().map(|p| p.months(self.today)).sum();
        let mut args = FluentArgs::new();
        args.set("duration", self.duration(total_months)?);
        let total = self.catalogue.label("summary-total", Some(&args))?;

        // Stretches: a company's projects merged where they touch or overlap.
        let mut stretches: Vec<(&str, Period)> = Vec::new();
        let mut companies: Vec<&str> = kept.iter().map(|p| p.company.as_str()).collect();
        companies.dedup();
        let mut seen = Vec::new();
        for company in companies {
            if seen.contains(&company) {
                continue;
            }
            seen.push(company);
            let periods: Vec<Period> =
                kept.iter().filter(|p| p.company == company).map(|p| p.period).collect();
            stretches.extend(merge(&periods, self.today).into_iter().map(|p| (company, p)));
        }
        stretches.sort_by_key(|(_, p)| std::cmp::Reverse((p.end_or(self.today), p.start)));
        let lines = stretches
            .into_iter()
            .map(|(company, period)| {
                let named = named.iter().find(|c| c.id == company);
                Ok(CareerLine {
                    company: self.company_name(company, period, true)?,
                    role: named.and_then(|c| c.role.clone()),
                    location: named.and_then(|c| c.location.clone()),
                    period: self.period(period)?,
                    duration: self.duration(period.months(self.today))?,
                })
            })
            .collect::<Result<_>>()?;
        Ok(CareerView { total, lines })
    }

    fn project(&self, index: usize, project: &Project) -> Result<ProjectView> {
        let id = &project.id;
        let base = [Step::Key("project"), Step::Index(index)];
        let at = |key: &'static str| {
            let mut p = path(&base);
            p.push(Step::Key(key));
            move || p
        };
        let keeps = |part: &str| self.selection.keeps_part(part);
        let mut facts = Vec::new();
        for (key, fact) in project.facts() {
            let Some(fact) = fact.filter(|_| keeps(key)) else { continue };
            facts.push(self.fact(&format!("project-{id}-{key}"), key, fact, path(&base))?);
        }
        if keeps("stack") {
            let keys = crate::message_id::item_keys(project.other.iter().map(|d| {
                let label = d.label.as_ref().map(crate::message_id::source_of).unwrap_or_default();
                (None, format!("{label}: {}", crate::message_id::source_of(&d.value)))
            }));
            for (n, detail) in project.other.iter().enumerate() {
                let stem = format!("project-{id}-other-{}", keys[n]);
                self.renamed(&format!("project-{id}-other-{}", n + 1), &stem, &["-label", "-value"]);
                let at = |key: &'static str| {
                    let mut p = path(&base);
                    p.extend([Step::Key("other"), Step::Index(n), Step::Key(key)]);
                    move || p
                };
                let label = match &detail.label {
                    Some(label) => self.required(&format!("{stem}-label"), label, at("label"))?,
                    None => String::new(),
                };
                let value = self.required(&format!("{stem}-value"), &detail.value, at("value"))?;
                facts.push(FactView { label, value: Some(value), details: vec![] });
            }
        }
        let bullets = |part: &str, name: &'static str, list: &[Bullet]| -> Result<Vec<BulletView>> {
            if !keeps(part) {
                return Ok(vec![]);
            }
            let mut p = path(&base);
            p.push(Step::Key(part_key(part)));
            let stem = format!("project-{id}-{name}");
            self.bullets(&stem, &stem, list, &p)
        };
        let mut troubles = Vec::new();
        if keeps("troubleshooting") {
            let keys = crate::message_id::item_keys(
                project
                    .troubleshooting
                    .iter()
                    .map(|t| (t.id.as_deref(), crate::message_id::source_of(&t.problem).to_string())),
            );
            for (n, trouble) in project.troubleshooting.iter().enumerate() {
                let stem = format!("project-{id}-troubleshooting-{}", keys[n]);
                self.renamed(
                    &format!("project-{id}-troubleshooting-{}", n + 1),
                    &stem,
                    &["-problem", "-resolution"],
                );
                if !self.selection.keeps_bullet(&trouble.tags) {
                    continue;
                }
                let at = |key: &'static str| {
                    let mut p = path(&base);
                    p.extend([Step::Key("troubleshooting"), Step::Index(n), Step::Key(key)]);
                    move || p
                };
                troubles.push(TroubleView {
                    problem: self.required(&format!("{stem}-problem"), &trouble.problem, at("problem"))?,
                    resolution: self.text(
                        &format!("{stem}-resolution"),
                        trouble.resolution.as_ref(),
                        at("resolution"),
                    )?,
                    link: trouble.link.as_deref().map(LinkView::new),
                });
            }
        }
        Ok(ProjectView {
            id: id.clone(),
            name: self.required(&format!("project-{id}-name"), &project.name, at("name"))?,
            company: self.company_name(&project.company, project.period, false)?,
            company_id: project.company.clone(),
            period: self.period(project.period)?,
            dates: project.period.into(),
            tags: project.tags.clone(),
            duration: self.duration(project.period.months(self.today))?,
            description: if keeps("description") {
                self.text(
                    &format!("project-{id}-description"),
                    project.description.as_ref(),
                    at("description"),
                )?
            } else {
                None
            },
            facts,
            responsibilities: bullets("responsibilities", "responsibility", &project.responsibilities)?,
            achievements: bullets("achievements", "achievement", &project.achievements)?,
            troubleshooting: troubles,
        })
    }

    fn fact(&self, id: &str, key: &str, fact: &Fact, base: Path) -> Result<FactView> {
        let mut at_fact = base;
        at_fact.push(Step::Key(fact_key(key)));
        let value = match &fact.value {
            None => None,
            Some(FactValue::Names(names)) => Some(names.join(", ")),
            Some(FactValue::Text(text)) => {
                let mut p = at_fact.clone();
                if !fact.details.is_empty() {
                    p.push(Step::Key("value"));
                }
                self.text(id, Some(text), || p)?
            }
        };
        let mut details = Vec::new();
        let keys = crate::message_id::item_keys(fact.details.iter().map(|d| {
            let label = d.label.as_ref().map(crate::message_id::source_of).unwrap_or_default();
            (None, format!("{label}: {}", crate::message_id::source_of(&d.value)))
        }));
        for (n, detail) in fact.details.iter().enumerate() {
            let mut p = at_fact.clone();
            p.extend([Step::Key("details"), Step::Index(n)]);
            let stem = format!("{id}-{}", keys[n]);
            self.renamed(&format!("{id}-{}", n + 1), &stem, &["-label", "-value"]);
            let label_path = {
                let mut l = p.clone();
                l.push(Step::Key("label"));
                l
            };
            p.push(Step::Key("value"));
            details.push(DetailView {
                label: self.text(&format!("{stem}-label"), detail.label.as_ref(), || label_path)?,
                value: self.required(&format!("{stem}-value"), &detail.value, || p)?,
            });
        }
        Ok(FactView { label: self.catalogue.label(&format!("fact-{key}"), None)?, value, details })
    }

    /// A list of bullets; `former` is the stem their positional ids had,
    /// for [`renames`].
    fn bullets(&self, stem: &str, former: &str, bullets: &[Bullet], at: &[Step]) -> Result<Vec<BulletView>> {
        let mut views = Vec::new();
        let keys = crate::message_id::item_keys(bullets.iter().map(|b| {
            let source = match (&b.text, &b.link) {
                (Some(text), _) => crate::message_id::source_of(text).to_string(),
                (None, Some(link)) => link.clone(),
                (None, None) => String::new(),
            };
            (b.id.as_deref(), source)
        }));
        for (n, bullet) in bullets.iter().enumerate() {
            let id = format!("{stem}-{}", keys[n]);
            let old = format!("{former}-{}", n + 1);
            self.renamed(&old, &id, &[""]);
            if !self.selection.keeps_bullet(&bullet.tags) {
                continue;
            }
            let mut here = at.to_vec();
            here.push(Step::Index(n));
            let text_path = {
                let mut p = here.clone();
                if bullet.link.is_some() || !bullet.items.is_empty() || !bullet.tags.is_empty() {
                    p.push(Step::Key("text"));
                }
                p
            };
            let mut items_path = here;
            items_path.push(Step::Key("items"));
            views.push(BulletView {
                text: self.text(&id, bullet.text.as_ref(), || text_path)?,
                link: bullet.link.as_deref().map(LinkView::new),
                items: self.bullets(&id, &old, &bullet.items, &items_path)?,
            });
        }
        Ok(views)
    }

    fn skills(&self, kept: &[&Project]) -> Result<Vec<SkillGroup>> {
        let mut groups = Vec::new();
        for key in ["languages", "databases", "platform"] {
            // name (lowercased) -> (spelling, periods)
            let mut found: Vec<(String, String, Vec<Period>)> = Vec::new();
            for project in kept {
                let Some((_, Some(fact))) = project.facts().into_iter().find(|(k, _)| *k == key) else {
                    continue;
                };
                let mut names: Vec<&str> = match &fact.value {
                    Some(FactValue::Names(names)) => names.iter().map(String::as_str).collect(),
                    _ => vec![],
                };
                if key == "databases" {
                    names.extend(fact.details.iter().filter_map(|d| match &d.value {
                        Text::Plain(name) => Some(name.as_str()),
                        Text::Localized(_) => None,
                    }));
                }
                for name in names {
                    let folded = name.to_lowercase();
                    match found.iter_mut().find(|(k, _, _)| *k == folded) {
                        Some((_, _, periods)) => periods.push(project.period),
                        None => found.push((folded, name.to_string(), vec![project.period])),
                    }
                }
            }
            if found.is_empty() {
                continue;
            }
            let mut items: Vec<(u32, String)> = found
                .into_iter()
                .map(|(_, name, periods)| {
                    (merge(&periods, self.today).iter().map(|p| p.months(self.today)).sum(), name)
                })
                .collect();
            items.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.to_lowercase().cmp(&b.1.to_lowercase())));
            groups.push(SkillGroup {
                label: self.catalogue.label(&format!("fact-{key}"), None)?,
                items: items
                    .into_iter()
                    .map(|(months, name)| Ok(Skill { name, duration: self.rough_duration(months)? }))
                    .collect::<Result<_>>()?,
            });
        }
        Ok(groups)
    }

    /// Whole years for skills, where months would be noise: rounded down,
    /// so that 4 years 9 months never reads as 5 years (a recruiter may
    /// hold a candidate to the number); months under a year.
    fn rough_duration(&self, months: u32) -> Result<String> {
        if months < 12 {
            return self.duration(months);
        }
        self.duration(months / 12 * 12)
    }

    fn education(&self) -> Result<Vec<EducationView>> {
        let mut views = Vec::new();
        for (n, entry) in self.resume.education.iter().enumerate() {
            let mut detail_tags = Vec::new();
            collect_tags(&entry.details, &mut detail_tags);
            if !self.selection.keeps_entry(Entry {
                section: "education",
                id: &entry.id,
                period: entry.period,
                tags: &entry.tags,
                bullet_tags: &detail_tags,
            }) {
                continue;
            }
            let id = &entry.id;
            let at =
                |key: &'static str| move || path(&[Step::Key("education"), Step::Index(n), Step::Key(key)]);
            views.push(EducationView {
                school: self.required(&format!("education-{id}-school"), &entry.school, at("school"))?,
                degree: self.text(&format!("education-{id}-degree"), entry.degree.as_ref(), at("degree"))?,
                period: entry.period.map(|p| self.period(p)).transpose()?,
                dates: entry.period.map(Dates::from),
                details: self.bullets(
                    &format!("education-{id}-detail"),
                    &format!("education-{id}-detail"),
                    &entry.details,
                    &[Step::Key("education"), Step::Index(n), Step::Key("details")],
                )?,
            });
        }
        Ok(views)
    }

    fn certifications(&self) -> Result<Vec<CertificationView>> {
        let mut views = Vec::new();
        for (n, entry) in self.resume.certifications.iter().enumerate() {
            let period = entry.date.map(|d| Period { start: d, end: Some(d) });
            let entry_view = Entry {
                section: "certifications",
                id: &entry.id,
                period,
                tags: &entry.tags,
                bullet_tags: &[],
            };
            if !self.selection.keeps_entry(entry_view) {
                continue;
            }
            let id = &entry.id;
            let at = |key: &'static str| {
                move || path(&[Step::Key("certification"), Step::Index(n), Step::Key(key)])
            };
            views.push(CertificationView {
                name: self.required(&format!("certification-{id}-name"), &entry.name, at("name"))?,
                issuer: self.text(
                    &format!("certification-{id}-issuer"),
                    entry.issuer.as_ref(),
                    at("issuer"),
                )?,
                date: entry.date.map(|d| self.month(d)).transpose()?,
                issued: entry.date,
                link: entry.link.as_deref().map(LinkView::new),
            });
        }
        Ok(views)
    }

    fn open_source(&self) -> Result<Vec<ContributionView>> {
        let mut views = Vec::new();
        for (n, entry) in self.resume.open_source.iter().enumerate() {
            if !self.selection.keeps_entry(Entry {
                section: "open-source",
                id: &entry.id,
                period: entry.period,
                tags: &entry.tags,
                bullet_tags: &[],
            }) {
                continue;
            }
            let id = &entry.id;
            let at =
                |key: &'static str| move || path(&[Step::Key("open_source"), Step::Index(n), Step::Key(key)]);
            views.push(ContributionView {
                name: self.required(&format!("open-source-{id}-name"), &entry.name, at("name"))?,
                description: self.text(
                    &format!("open-source-{id}-description"),
                    entry.description.as_ref(),
                    at("description"),
                )?,
                period: entry.period.map(|p| self.period(p)).transpose()?,
                dates: entry.period.map(Dates::from),
                link: entry.link.as_deref().map(LinkView::new),
                tags: entry.tags.clone(),
            });
        }
        Ok(views)
    }

    fn sections(&self) -> Result<Vec<SectionView>> {
        let mut views = Vec::new();
        for (n, section) in self.resume.sections.iter().enumerate() {
            if !self.selection.keeps_section(&section.id) || SECTIONS.contains(&section.id.as_str()) {
                continue;
            }
            let mut item_tags = Vec::new();
            collect_tags(&section.items, &mut item_tags);
            let entry = Entry {
                section: "sections",
                id: &section.id,
                period: None,
                tags: &section.tags,
                bullet_tags: &item_tags,
            };
            if !self.selection.keeps_entry(entry) {
                continue;
            }
            let id = &section.id;
            views.push(SectionView {
                id: id.clone(),
                title: self.required(&format!("section-{id}-title"), &section.title, || {
                    path(&[Step::Key("section"), Step::Index(n), Step::Key("title")])
                })?,
                items: self.bullets(
                    &format!("section-{id}-item"),
                    &format!("section-{id}-item"),
                    &section.items,
                    &[Step::Key("section"), Step::Index(n), Step::Key("items")],
                )?,
            });
        }
        Ok(views)
    }
}

/// The TOML key of a project part (selectors use kebab-case).
fn part_key(part: &str) -> &'static str {
    match part {
        "responsibilities" => "responsibilities",
        "achievements" => "achievements",
        _ => "troubleshooting",
    }
}

/// The TOML key of a stack fact.
fn fact_key(key: &str) -> &'static str {
    match key {
        "languages" => "languages",
        "os" => "os",
        "databases" => "databases",
        "platform" => "platform",
        "ci-cd" => "ci_cd",
        "monitoring" => "monitoring",
        _ => "architecture",
    }
}

/// Periods merged where they overlap or touch, so months are counted once.
pub fn merge(periods: &[Period], today: YearMonth) -> Vec<Period> {
    let mut sorted: Vec<Period> = periods.to_vec();
    sorted.sort_by_key(|p| p.start);
    let mut merged: Vec<Period> = Vec::new();
    for period in sorted {
        match merged.last_mut() {
            Some(last) if period.start.ordinal() <= last.end_or(today).ordinal() + 1 => {
                if last.end.is_some() && (period.end.is_none() || period.end > last.end) {
                    last.end = period.end;
                }
            }
            _ => merged.push(period),
        }
    }
    merged
}

/// Every tag on a project's bullets and troubleshooting items.
/// The tags of bullets and their sub-bullets, for `--only tag:…` to find
/// an entry by one of its bullets.
fn collect_tags(bullets: &[Bullet], tags: &mut Vec<String>) {
    for bullet in bullets {
        tags.extend(bullet.tags.iter().cloned());
        collect_tags(&bullet.items, tags);
    }
}

/// The tags of a project's bullets and stories, which a tag selector
/// matches as well as the project's own.
pub fn bullet_tags(project: &Project) -> Vec<String> {
    let mut tags = Vec::new();
    collect_tags(&project.responsibilities, &mut tags);
    collect_tags(&project.achievements, &mut tags);
    tags.extend(project.troubleshooting.iter().flat_map(|t| t.tags.iter().cloned()));
    tags
}

fn keywords(projects: &[&Project]) -> Vec<String> {
    let mut words: Vec<String> = Vec::new();
    for project in projects {
        for tag in &project.tags {
            if !words.contains(tag) {
                words.push(tag.clone());
            }
        }
    }
    words
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_print_without_scheme() {
        let link = LinkView::new("https://yoonbh2714.blogspot.com/");
        assert_eq!(link.text, "yoonbh2714.blogspot.com");
        assert_eq!(LinkView::new("http://lab.naver.com/ocr/").text, "lab.naver.com/ocr");
    }

    #[test]
    fn merge_counts_overlaps_once() {
        let today = YearMonth::new(2026, 11).unwrap();
        let periods: Vec<Period> =
            ["2016-07..2022-03", "2020-01..2022-03", "2022-04..", "2007-09..2011-01", "2011-02..2012-01"]
                .iter()
                .map(|p| p.parse().unwrap())
                .collect();
        let merged = merge(&periods, today);
        assert_eq!(merged.len(), 2);
        assert_eq!(merged[1].end, None);
        assert_eq!(merged.iter().map(|p| p.months(today)).sum::<u32>(), 53 + 125);
    }
}
