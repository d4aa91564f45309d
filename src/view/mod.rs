//! The view: the contract between the pipeline and the layouts.
//!
//! A [`View`] is the résumé in one language with every text, date and label
//! resolved ([`crate::localize`] makes it), as plain data: a layout reads it
//! as `/resume.json` and prints it as is, and the exports write it out.
//! Nothing here knows about languages or selection; changing a field here
//! changes what every layout may read.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::error::Error;
use crate::model::{Period, YearMonth};

pub mod body;
mod compose;
mod entries;
mod form;
mod letter;

pub use compose::compose;
pub use entries::{
    AwardView, CertificationView, ContributionView, EducationView, LanguageTestView, PublicationView,
    SectionEntryView, SectionView, Skill, SkillGroup,
};
pub use form::{FormRow, FormTable, FormView};
pub use letter::{LetterView, QuestionView};

/// Paper sizes the layouts know.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Paper {
    /// ISO A4, the norm in Korea and Europe.
    A4,
    /// US Letter, for applications in North America.
    UsLetter,
}

/// How a résumé is arranged, which its layout decides: every writer of
/// the same document follows it, so a Word file or a text export of an
/// `international` résumé holds what its PDF holds.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Arrangement {
    /// The 경력기술서: the career summary, then each project with its
    /// stack facts and every bullet.
    #[default]
    ByProject,
    /// By employer: each employment with its titles, one bullet per
    /// project with its highlights; the employments are the history, so
    /// there is no career summary.
    ByEmployer,
}

/// Everything the layout prints, in one language.
#[derive(Debug, Clone, Serialize)]
pub struct View {
    /// BCP 47 code of the text (`ko`, `en`), for hyphenation and PDF /Lang.
    pub lang: String,
    /// Paper size.
    pub paper: Paper,
    /// Project by project, or by employer.
    pub arrangement: Arrangement,
    /// How tightly to set the document; tightened to meet a page budget.
    pub fit: Fit,
    /// Accent, type size and photo, as chosen.
    pub style: StyleView,
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
    /// Total experience and one line per employment; printed where
    /// [`View::order`] has `career` (by project).
    pub career: Option<CareerView>,
    /// Projects, newest first.
    pub projects: Vec<ProjectView>,
    /// The companies of those projects, in the order they first appear.
    pub companies: Vec<CompanyView>,
    /// The kept projects grouped by employment, newest first: what a
    /// résumé organised by employer prints.
    pub employments: Vec<EmploymentView>,
    /// The kept projects that belong to no employment (side projects,
    /// work for an organisation), newest first: a résumé by employer
    /// prints them under a heading of their own after the experience.
    pub own_projects: Vec<String>,
    /// Technologies by kind, with how long each was used.
    pub skills: Vec<SkillGroup>,
    /// Schools.
    pub education: Vec<EducationView>,
    /// Certificates.
    pub certifications: Vec<CertificationView>,
    /// Contributions outside work.
    pub open_source: Vec<ContributionView>,
    /// Awards and activities (수상).
    pub awards: Vec<AwardView>,
    /// Papers, articles and books.
    pub publications: Vec<PublicationView>,
    /// Language tests (어학).
    pub language_tests: Vec<LanguageTestView>,
    /// Free-form sections.
    pub sections: Vec<SectionView>,
    /// The sections in the order every writer prints them, each present
    /// once: `summary`, `career` (by project) or `experience` (by
    /// employer), `projects`, `skills`, `education`, `certifications`,
    /// `language-tests`, `awards`, `open-source`, then `section:<id>` for
    /// each free section. Decided once, here.
    pub order: Vec<String>,
    /// The résumé as sections of blocks, in [`View::order`]: what plain
    /// text and Word print, word for word (see [`body`]).
    pub body: Vec<body::Section>,
    /// The letter this build prints instead of the résumé, if any
    /// (`--document letter:ID`).
    pub letter: Option<LetterView>,
    /// The 이력서 form's rows, only in a build of the form
    /// (`--document iryeokseo`): it alone carries the private details.
    pub form: Option<FormView>,
    /// What the build should warn about; not part of what a layout reads.
    #[serde(skip)]
    pub warnings: Vec<Error>,
}

/// Type size and spacing, the two things a page budget may tighten, as
/// factors on what the layout designed (and the user's chosen size).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Fit {
    /// Factor on the body text size (1 is the designed size).
    pub scale: f64,
    /// Factor on vertical space between blocks (1 is the designed rhythm).
    pub spacing: f64,
}

/// The choices every layout honours, from a profile or flags; absent
/// means the layout's own default.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct StyleView {
    /// The accent colour, as `#rrggbb`.
    pub accent: Option<String>,
    /// The body text size in points.
    pub size: Option<f64>,
    /// The photo, as the path the layout reads it from (`/photo.jpg`),
    /// when the person has one and it was asked for.
    pub photo: Option<String>,
    /// Links in the body print their host and `/…` rather than the whole
    /// address, which stays the target: for dense layouts read on screen.
    /// The header's contacts print whole.
    pub short_links: bool,
}

impl View {
    /// The view as the layout reads it, from `/resume.json`.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("views serialize")
    }
}

impl Default for Fit {
    fn default() -> Self {
        Self { scale: 1.0, spacing: 1.0 }
    }
}

impl Fit {
    /// The tightenings tried in turn for a page budget when the layout
    /// declares none: space first, then type, never below 95 % of the
    /// designed size or 70 % of the designed spacing.
    pub const STEPS: [Fit; 6] = [
        Fit { scale: 1.0, spacing: 0.9 },
        Fit { scale: 1.0, spacing: 0.8 },
        Fit { scale: 1.0, spacing: 0.7 },
        Fit { scale: 0.975, spacing: 0.7 },
        Fit { scale: 0.96, spacing: 0.7 },
        Fit { scale: 0.95, spacing: 0.7 },
    ];
}

/// What shaping the text needs, so that a layout can turn off font
/// features that would do nothing but cost time (see [`crate::typeset::shaping`]).
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
    /// How the footer numbers the pages.
    pub pages: PageNumbers,
    /// Whether the document opens with the application's title block, as
    /// every Korean document of an application does (the 이력서 and the
    /// 자기소개서 always do): its documents read as one.
    pub titled: bool,
}

/// How a document numbers its pages: alone, only when it has several; in
/// an application of several documents, always, and, in a packet numbered
/// throughout, from where the packet's
/// earlier documents end, out of the packet's total.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct PageNumbers {
    /// Number a single page too (every document of an application does).
    pub always: bool,
    /// The pages before this document's first.
    pub offset: usize,
    /// The total after the slash, when it is not the document's own.
    pub total: Option<usize>,
}

/// A link with the text printed for it: host and path, no scheme, so it can
/// be typed from paper.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct LinkView {
    /// Printed text.
    pub text: String,
    /// Target.
    pub url: String,
    /// The label a dense layout prints instead when `style.short_links`
    /// asks: the host, and `/…` when there is a path (the address itself
    /// stays the link's target).
    pub short: String,
    /// The network of an account link, for the formats that name it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub network: Option<String>,
    /// The user name of an account link, for the formats that name it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub username: Option<String>,
}

impl LinkView {
    /// Builds the printed form of a URL.
    pub fn new(url: &str) -> Self {
        let bare = match url.split_once("://") {
            Some((_, rest)) => rest,
            None => url.strip_prefix("mailto:").or_else(|| url.strip_prefix("tel:")).unwrap_or(url),
        };
        let text = bare.strip_suffix('/').unwrap_or(bare);
        Self::labelled(text, url)
    }

    /// A link printed as `text`.
    pub fn labelled(text: &str, url: &str) -> Self {
        let short = match text.split_once('/') {
            Some((host, path)) if !path.is_empty() && url.contains("://") => format!("{host}/…"),
            _ => text.to_string(),
        };
        Self { text: text.to_string(), url: url.to_string(), short, network: None, username: None }
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
    /// Every title held during the stretch, newest first, each with its
    /// own period when there were several (a promotion is never shown as
    /// the newest title over the whole tenure).
    pub roles: Vec<RoleView>,
    /// Where the work was, if the model gives it.
    pub location: Option<String>,
    /// `2016.07 ~ 현재`: the employment's, from the whole history.
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
    /// `2022.04 ~ 현재`; none for an undated project of one's own.
    pub period: Option<String>,
    /// The same period as months, for layouts and exports that format
    /// dates themselves.
    pub dates: Option<Dates>,
    /// Where the project can be seen, printed after its name.
    pub link: Option<LinkView>,
    /// Its labels, for layouts that print them and exports that carry them.
    pub tags: Vec<String>,
    /// `4년 8개월`; none when undated.
    pub duration: Option<String>,
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
    /// What a short résumé shows of the project, best first, at most four:
    /// its achievements, then its responsibilities, then the troubleshooting
    /// stories tagged `highlight` (all of them when the selection kept
    /// nothing else), each problem with its fix; none repeats the
    /// project's name. Every writer prints all of them as they are.
    pub highlights: Vec<BulletView>,
    /// What follows the project's name in a résumé by employer: always
    /// its description, so every project's line reads the same way (what
    /// the project is, then what was done beneath); none when it has no
    /// description.
    pub lead: Option<String>,
    /// The first link among the highlights that has no text of its own,
    /// printed after the name in a short résumé.
    pub highlight_link: Option<LinkView>,
    /// The technologies of its stack (languages, databases, platforms),
    /// for a one-line `Tech:` summary.
    pub tech: Vec<String>,
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
    /// The role held: the single title, or the newest of several.
    pub role: Option<String>,
    /// Every title held there, newest first.
    pub roles: Vec<RoleView>,
    /// Where the work was.
    pub location: Option<String>,
    /// The name it had before a rename, if any.
    pub formerly: Option<String>,
}

/// A title held at a company.
#[derive(Debug, Clone, Serialize)]
pub struct RoleView {
    /// The position.
    pub title: String,
    /// The team or department.
    pub department: Option<String>,
    /// `2019.12 ~ 현재`, when the role has a period of its own.
    pub period: Option<String>,
    /// The same period as months.
    pub dates: Option<Dates>,
}

impl RoleView {
    /// `Tech lead · Platform team`: the title with its team, as every
    /// writer prints a title.
    pub fn with_department(&self) -> String {
        match &self.department {
            Some(department) => format!("{} · {department}", self.title),
            None => self.title.clone(),
        }
    }
}

/// One stretch of work at one company, with its projects: the unit of a
/// résumé by employer. A company left and rejoined gives two.
#[derive(Debug, Clone, Serialize)]
pub struct EmploymentView {
    /// What [`ProjectView::company_id`] names.
    pub company_id: String,
    /// The name, with its rename once when the stretch spans one
    /// (`kakao → kakaoenterprise`).
    pub company: String,
    /// Where the work was.
    pub location: Option<String>,
    /// `2016.07 ~ 현재`.
    pub period: String,
    /// The same period as months.
    pub dates: Dates,
    /// `10년 5개월`.
    pub duration: String,
    /// The titles held during the stretch, newest first.
    pub roles: Vec<RoleView>,
    /// The ids of its kept projects, newest first (see [`View::projects`]).
    pub projects: Vec<String>,
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

impl FactView {
    /// The value, then each sub-item as `label: value`: what a writer
    /// without a layout of its own prints, in this order, joined by its
    /// own separator.
    pub fn parts(&self) -> Vec<String> {
        let mut parts: Vec<String> = self.value.iter().cloned().collect();
        parts.extend(self.details.iter().map(|d| match &d.label {
            Some(label) => format!("{label}: {}", d.value),
            None => d.value.clone(),
        }));
        parts
    }
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
    /// What stands between the problem and its fix where both share a
    /// line: a space after a full stop, else a dash (`에러 발생 — 해결`).
    pub separator: String,
    /// A write-up.
    pub link: Option<LinkView>,
}

/// Settings of one build that the view needs.
#[derive(Debug, Clone, Copy)]
pub struct ViewOptions {
    /// The month ongoing periods run to.
    pub today: YearMonth,
    /// Paper size.
    pub paper: Paper,
    /// How the layout arranges the résumé.
    pub arrangement: Arrangement,
}

/// An employer's name as it is now, out of the history a document prints
/// with it (`kakao → kakaoenterprise (2019.12 사명 변경)`,
/// `kakaoenterprise (formerly kakao, renamed Dec 2019)`): what a reader
/// or a search engine looks for.
pub fn employer_now(printed: &str) -> &str {
    let current = printed.rsplit(" → ").next().unwrap_or(printed);
    let bare = match current.find(" (") {
        Some(at) if current.ends_with(')') => &current[..at],
        _ => current,
    };
    bare.trim()
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
}
