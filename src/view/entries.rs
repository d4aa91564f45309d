//! The sections after the work, as the view gives them: skills, schools,
//! certificates, awards, language tests, contributions, free sections.

use serde::Serialize;

use super::{BulletView, Dates, LinkView};
use crate::model::YearMonth;

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
    /// `7년`, `8 mos`…; absent in a résumé by employer, which names its
    /// skills only.
    pub duration: Option<String>,
}

impl Skill {
    /// `golang (7 yrs)`, or the name alone where the document gives no
    /// duration: how writers without a layout of their own print a skill.
    pub fn with_duration(&self) -> String {
        match &self.duration {
            Some(duration) => format!("{} ({duration})", self.name),
            None => self.name.clone(),
        }
    }
}

/// A school.
#[derive(Debug, Clone, Serialize)]
pub struct EducationView {
    /// School.
    pub school: String,
    /// The degree and field as printed (`MSc · Software Engineering`).
    pub degree: Option<String>,
    /// The degree alone, as written, for formats that keep it apart.
    pub study_type: Option<String>,
    /// The field (전공) alone, for formats that keep it apart.
    pub major: Option<String>,
    /// Period.
    pub period: Option<String>,
    /// The same period as months.
    pub dates: Option<Dates>,
    /// Bullets.
    pub details: Vec<BulletView>,
    /// 학점 with its scale, as written (`3.8 / 4.5`).
    pub gpa: Option<String>,
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

/// An award or activity.
#[derive(Debug, Clone, Serialize)]
pub struct AwardView {
    /// What it was.
    pub name: String,
    /// Who gave it.
    pub issuer: Option<String>,
    /// Month received, as the document writes months.
    pub date: Option<String>,
    /// The same month, as `2022-11`.
    pub received: Option<YearMonth>,
    /// A line on what it was for.
    pub summary: Option<String>,
}

/// A language test and its result.
#[derive(Debug, Clone, Serialize)]
pub struct LanguageTestView {
    /// The test (`TOEIC`, `TOPIK`).
    pub test: String,
    /// The score or level as the certificate writes it.
    pub score: String,
    /// Who runs it.
    pub issuer: Option<String>,
    /// Month taken, as the document writes months.
    pub date: Option<String>,
    /// The same month, as `2024-06`.
    pub taken: Option<YearMonth>,
}

/// A publication.
#[derive(Debug, Clone, Serialize)]
pub struct PublicationView {
    /// Its title.
    pub title: String,
    /// The authors, in their order.
    pub authors: Vec<String>,
    /// Journal, conference or publisher.
    pub journal: Option<String>,
    /// Month it appeared, as the document writes months.
    pub date: Option<String>,
    /// The same month, as `2021-03`.
    pub published: Option<YearMonth>,
    /// Its DOI as written, for formats that keep it apart.
    pub doi: Option<String>,
    /// Where to read it: its own link, else its DOI's address.
    pub link: Option<LinkView>,
    /// A line on it.
    pub summary: Option<String>,
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
    /// Its entries, before its bullets.
    pub entries: Vec<SectionEntryView>,
    /// Bullets.
    pub items: Vec<BulletView>,
}

/// An entry of a free section: a publication, a language spoken, an
/// interest.
#[derive(Debug, Clone, Serialize)]
pub struct SectionEntryView {
    /// What it is.
    pub name: String,
    /// The fact beside it: a publisher, a fluency, a level.
    pub detail: Option<String>,
    /// Its month or period, as the document writes them.
    pub date: Option<String>,
    /// The month, as `2019-05`.
    pub dated: Option<YearMonth>,
    /// The period, as months.
    pub dates: Option<Dates>,
    /// A page that shows it.
    pub link: Option<LinkView>,
    /// A line on it.
    pub summary: Option<String>,
    /// Words printed after its name, as written.
    pub keywords: Vec<String>,
    /// Bullets under it.
    pub details: Vec<BulletView>,
}
