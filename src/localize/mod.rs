//! Localizing: the résumé, a catalogue and a selection in; a [`View`] out.
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

use crate::error::{Error, Result};
use crate::i18n::Catalogue;
use crate::model::{Bullet, Project, Resume, Source, Step, YearMonth};
use crate::select::{Entry, Selection};
use crate::view::{Arrangement, Document, Fit, Paper, Shaping, View, ViewOptions};

mod career;
mod dates;
mod entries;
mod form;
mod letters;
mod projects;
mod skills;
mod text;

pub(crate) use career::employments as career_employments;

/// The months of the whole career, overlapping employments counted once,
/// as the career summary counts them: what a claim of years and a
/// posting's years are weighed against.
pub(crate) fn career_months(resume: &crate::model::Resume, today: crate::model::YearMonth) -> u32 {
    let periods: Vec<crate::model::Period> =
        career_employments(resume, today).iter().map(|(_, p)| *p).collect();
    merge(&periods, today).iter().map(|p| p.months(today)).sum()
}
pub use dates::merge;
pub(crate) use skills::{SKILL_FACTS, canonical as skill_canonical, technologies};

/// Labels the layouts may print; all are resolved up front so a layout
/// never needs the catalogue.
const LABEL_IDS: &[&str] = &[
    "document-kind",
    "document-kind-resume",
    "section-summary",
    "section-profile",
    "section-experience",
    "section-projects",
    "section-skills",
    "section-education",
    "section-certifications",
    "section-open-source",
    "section-awards",
    "section-publications",
    "section-language-tests",
    "part-responsibilities",
    "part-achievements",
    "part-troubleshooting",
    "part-tech",
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
    "field-department",
    "field-location",
    "field-link",
    "field-organisation",
    "field-authors",
    "field-doi",
    "field-gpa",
    "date-present",
    "form-title",
    "form-photo",
    "form-personal",
    "form-name",
    "form-name-hangul",
    "form-name-hanja",
    "form-name-latin",
    "form-birth-date",
    "form-phone",
    "form-email",
    "form-address",
    "form-nationality",
    "form-visa",
    "form-education",
    "form-career",
    "form-certifications",
    "form-languages",
    "form-military",
    "form-awards",
    "form-period",
    "form-school",
    "form-major",
    "form-standing",
    "form-gpa",
    "form-company",
    "form-department",
    "form-position",
    "form-duties",
    "form-obtained",
    "form-certificate",
    "form-issuer",
    "form-test-issuer",
    "form-awarder",
    "form-test",
    "form-score",
    "form-test-date",
    "form-branch",
    "form-rank",
    "form-service",
    "form-specialty",
    "form-exemption",
    "form-military-status",
    "form-reason",
    "military-served",
    "military-exempt",
    "military-not-served",
    "military-serving",
    "form-award-date",
    "form-award",
    "form-declaration",
    "form-applicant",
    "form-seal",
];

/// Resolves the whole résumé in the catalogue's language.
pub fn localize(
    resume: &Resume,
    source: &Source,
    catalogue: &Catalogue,
    selection: &Selection,
    options: ViewOptions,
) -> Result<View> {
    let localizer = Localizer::plain(resume, source, catalogue, selection, options.today);
    let mut view = localizer.view(options.paper, options.arrangement)?;
    view.warnings = localizer.warnings.into_inner();
    // Every text the layout can print is in the view, so its JSON is the
    // one place to look.
    let json = serde_json::to_string(&view).expect("views serialize");
    view.shaping.compose = crate::typeset::shaping::needs_composition(&json);
    Ok(view)
}

/// The letter `id` in the catalogue's language, for a build of it. Its
/// texts are read as written (no Fluent message overrides them), so what
/// prints is what `resume letter count` counts.
pub fn letter(
    resume: &Resume,
    source: &Source,
    catalogue: &Catalogue,
    id: &str,
    today: YearMonth,
    day: Option<u8>,
) -> Result<crate::view::LetterView> {
    let selection = Selection::default();
    Localizer::plain(resume, source, catalogue, &selection, today).letter(id, day)
}

/// The 이력서 form's rows in the catalogue's language (Korean: the form
/// is Korean only), with the day it is signed when known; the selection
/// may hide its `military` table.
pub fn form(
    resume: &Resume,
    source: &Source,
    catalogue: &Catalogue,
    selection: &Selection,
    today: YearMonth,
    day: Option<u8>,
) -> Result<crate::view::FormView> {
    Localizer::plain(resume, source, catalogue, selection, today).form(day)
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
    localizer.view(Paper::A4, Arrangement::ByProject)?;
    // The form's own texts (duties, majors, the address) are translated
    // like the rest, in Korean, the form's one language.
    if catalogue.language.code == "ko" {
        localizer.form(None)?;
    }
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

/// One walk over the résumé in one language: what [`localize`] and the
/// translation commands share.
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

/// Where a text stands in resume.toml, for its error's location.
type Path = Vec<Step>;

fn path(steps: &[Step]) -> Path {
    steps.to_vec()
}

impl<'a> Localizer<'a> {
    /// A localizer that fails on a missing text (rather than recording it).
    fn plain(
        resume: &'a Resume,
        source: &'a Source,
        catalogue: &'a Catalogue,
        selection: &'a Selection,
        today: YearMonth,
    ) -> Self {
        Localizer {
            resume,
            source,
            catalogue,
            selection,
            today,
            record: None,
            warnings: Default::default(),
            renames: Default::default(),
        }
    }
}

impl Localizer<'_> {
    /// The projects the selection keeps, with their index in the résumé,
    /// newest first.
    fn kept_projects(&self) -> Vec<(usize, &Project)> {
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
                    period: p.period,
                    tags: &p.tags,
                    bullet_tags: &bullet_tags,
                };
                self.selection.keeps_entry(entry)
            })
            .collect();
        // Undated projects last: `None` sorts first, and the order is
        // reversed.
        projects.sort_by_key(|(_, p)| std::cmp::Reverse(p.period.map(|p| (p.end_or(self.today), p.start))));
        projects
    }

    fn view(&self, paper: Paper, arrangement: Arrangement) -> Result<View> {
        let lang = self.catalogue.language.code;
        let mut labels = BTreeMap::new();
        for id in LABEL_IDS {
            labels.insert(id.to_string(), self.catalogue.label(id, None)?);
        }
        let person = self.person()?;
        let projects = self.kept_projects();
        let kept: Vec<&Project> = projects.iter().map(|(_, p)| *p).collect();

        let keeps = |section: &str| self.selection.keeps_section(section);
        let employments = if keeps("projects") { self.employments(&kept)? } else { vec![] };
        let own_projects = kept
            .iter()
            .filter(|p| keeps("projects") && !employments.iter().any(|e| e.projects.contains(&p.id)))
            .map(|p| p.id.clone())
            .collect();
        // The companies of the kept projects, and of the employments shown
        // without one (a title alone).
        let companies = self.companies_named(
            kept.iter().map(|p| p.company.as_str()).chain(employments.iter().map(|e| e.company_id.as_str())),
        )?;
        // What the document calls itself, decided here for every writer:
        // a résumé by employer is not the 경력기술서.
        let kind = match arrangement {
            Arrangement::ByProject => labels["document-kind"].clone(),
            Arrangement::ByEmployer => labels["document-kind-resume"].clone(),
        };
        let mut args = FluentArgs::new();
        args.set("name", person.name.clone());
        args.set("kind", kind.clone());
        let document = Document {
            title: self.catalogue.label("document-title", Some(&args))?,
            author: person.name.clone(),
            keywords: keywords(&kept),
            kind,
            pages: crate::view::PageNumbers::default(),
            titled: false,
        };
        let mut view = View {
            lang: lang.to_string(),
            paper,
            arrangement,
            fit: Fit::default(),
            style: crate::view::StyleView::default(),
            shaping: Shaping { compose: true },
            document,
            summary: if keeps("summary") {
                self.text("summary", self.resume.summary.as_ref(), || path(&[Step::Key("summary")]))?
            } else {
                None
            },
            // The career summary is the history: every employment, whatever
            // the selection keeps in detail. By employer, the employments
            // are the history, and the order leaves it out.
            // A résumé with no work yet has no career to sum up.
            career: if keeps("career") { Some(self.career()?).filter(|c| !c.lines.is_empty()) } else { None },
            projects: if keeps("projects") {
                projects.iter().map(|(index, p)| self.project(*index, p)).collect::<Result<_>>()?
            } else {
                vec![]
            },
            employments,
            own_projects,
            companies: if keeps("projects") { companies } else { vec![] },
            skills: if keeps("skills") { self.skills(&kept, arrangement)? } else { vec![] },
            education: if keeps("education") { self.education()? } else { vec![] },
            certifications: if keeps("certifications") { self.certifications()? } else { vec![] },
            open_source: if keeps("open-source") { self.open_source()? } else { vec![] },
            awards: if keeps("awards") { self.awards()? } else { vec![] },
            publications: if keeps("publications") { self.publications()? } else { vec![] },
            language_tests: if keeps("language-tests") { self.language_tests()? } else { vec![] },
            sections: self.sections()?,
            letter: None,
            form: None,
            warnings: Vec::new(),
            order: Vec::new(),
            body: Vec::new(),
            labels,
            person,
        };
        view.order = order(&view);
        view.body = crate::view::compose(&view);
        Ok(view)
    }
}

/// The sections a view has, in print order (see [`View::order`]).
fn order(view: &View) -> Vec<String> {
    let by_employer = view.arrangement == Arrangement::ByEmployer;
    let present = [
        ("summary", view.summary.is_some()),
        ("career", !by_employer && view.career.is_some()),
        ("projects", !by_employer && !view.projects.is_empty()),
        ("experience", by_employer && !view.employments.is_empty()),
        ("projects", by_employer && !view.own_projects.is_empty()),
        ("skills", !view.skills.is_empty()),
        ("education", !view.education.is_empty()),
        ("certifications", !view.certifications.is_empty()),
        ("language-tests", !view.language_tests.is_empty()),
        ("awards", !view.awards.is_empty()),
        ("publications", !view.publications.is_empty()),
        ("open-source", !view.open_source.is_empty()),
    ];
    let mut order: Vec<String> =
        present.into_iter().filter(|(_, here)| *here).map(|(id, _)| id.to_string()).collect();
    order.extend(view.sections.iter().map(|s| format!("section:{}", s.id)));
    order
}

/// Every tag on a project's bullets and troubleshooting items.
/// The tags of bullets and their sub-bullets, for `--only tag:…` to find
/// an entry by one of its bullets.
pub(super) fn collect_tags(bullets: &[Bullet], tags: &mut Vec<String>) {
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
