//! The entries outside work: education, certifications, open source and
//! free sections, each kept or dropped by the selection.

use super::{Localizer, collect_tags, path};
use crate::error::Result;
use crate::model::{Period, Step};
use crate::select::{Entry, SECTIONS};
use crate::view::{
    AwardView, CertificationView, ContributionView, Dates, EducationView, LanguageTestView, LinkView,
    PublicationView, SectionEntryView, SectionView,
};

impl Localizer<'_> {
    pub(super) fn education(&self) -> Result<Vec<EducationView>> {
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
            let school = self.required(&format!("education-{id}-school"), &entry.school, at("school"))?;
            let study_type =
                self.text(&format!("education-{id}-degree"), entry.degree.as_ref(), at("degree"))?;
            let major = self.text(&format!("education-{id}-major"), entry.major.as_ref(), at("major"))?;
            // The field follows the degree unless the degree names it.
            let degree = match (&study_type, &major) {
                (Some(degree), Some(major)) if !degree.contains(major.as_str()) => {
                    Some(format!("{degree} · {major}"))
                }
                (Some(degree), _) => Some(degree.clone()),
                (None, major) => major.clone(),
            };
            views.push(EducationView {
                school,
                degree,
                study_type,
                major,
                period: entry.period.map(|p| self.period(p)).transpose()?,
                dates: entry.period.map(Dates::from),
                details: self.bullets(
                    &format!("education-{id}-detail"),
                    &format!("education-{id}-detail"),
                    &entry.details,
                    &[Step::Key("education"), Step::Index(n), Step::Key("details")],
                )?,
                gpa: entry.gpa.clone(),
            });
        }
        Ok(views)
    }

    pub(super) fn certifications(&self) -> Result<Vec<CertificationView>> {
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

    pub(super) fn open_source(&self) -> Result<Vec<ContributionView>> {
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

    /// Awards, each keyed by its name's content (they have no ids):
    /// `award-<key>-name`, `-issuer`, `-summary`.
    pub(super) fn awards(&self) -> Result<Vec<AwardView>> {
        let keys = self.award_keys();
        let mut views = Vec::new();
        for (n, (award, key)) in self.resume.awards.iter().zip(&keys).enumerate() {
            let at =
                |field: &'static str| move || path(&[Step::Key("award"), Step::Index(n), Step::Key(field)]);
            views.push(AwardView {
                name: self.required(&format!("award-{key}-name"), &award.name, at("name"))?,
                issuer: self.text(&format!("award-{key}-issuer"), award.issuer.as_ref(), at("issuer"))?,
                date: award.date.map(|d| self.month(d)).transpose()?,
                received: award.date,
                summary: self.text(&format!("award-{key}-summary"), award.summary.as_ref(), at("summary"))?,
            });
        }
        Ok(views)
    }

    /// Publications, each text under a key of its title's content
    /// (`publication-<key>-title`, `-journal`, `-summary`); a DOI links to
    /// its resolver unless the publication has a link of its own.
    pub(super) fn publications(&self) -> Result<Vec<PublicationView>> {
        let keys = crate::message_id::item_keys(
            self.resume
                .publications
                .iter()
                .map(|p| (None, crate::message_id::source_of(&p.title).to_string())),
        );
        let mut views = Vec::new();
        for (n, (publication, key)) in self.resume.publications.iter().zip(&keys).enumerate() {
            let at = |field: &'static str| {
                move || path(&[Step::Key("publication"), Step::Index(n), Step::Key(field)])
            };
            let doi_link = publication.doi.as_deref().map(|doi| format!("https://doi.org/{}", doi.trim()));
            views.push(PublicationView {
                title: self.required(&format!("publication-{key}-title"), &publication.title, at("title"))?,
                authors: publication.authors.clone(),
                journal: self.text(
                    &format!("publication-{key}-journal"),
                    publication.journal.as_ref(),
                    at("journal"),
                )?,
                date: publication.date.map(|d| self.month(d)).transpose()?,
                published: publication.date,
                doi: publication.doi.clone(),
                link: publication.link.as_deref().or(doi_link.as_deref()).map(LinkView::new),
                summary: self.text(
                    &format!("publication-{key}-summary"),
                    publication.summary.as_ref(),
                    at("summary"),
                )?,
            });
        }
        Ok(views)
    }

    /// Language tests: the test and score as the certificate writes them,
    /// the issuer in the document's language (`language-test-<key>-issuer`).
    pub(super) fn language_tests(&self) -> Result<Vec<LanguageTestView>> {
        let keys = self.language_test_keys();
        let mut views = Vec::new();
        for (n, (test, key)) in self.resume.language_tests.iter().zip(&keys).enumerate() {
            views.push(LanguageTestView {
                test: test.test.clone(),
                score: self.required(&format!("language-test-{key}-score"), &test.score, || {
                    path(&[Step::Key("language_test"), Step::Index(n), Step::Key("score")])
                })?,
                issuer: self.text(&format!("language-test-{key}-issuer"), test.issuer.as_ref(), || {
                    path(&[Step::Key("language_test"), Step::Index(n), Step::Key("issuer")])
                })?,
                date: test.date.map(|d| self.month(d)).transpose()?,
                taken: test.date,
            });
        }
        Ok(views)
    }

    /// The key of each award's messages: its name's content.
    pub(super) fn award_keys(&self) -> Vec<String> {
        crate::message_id::item_keys(
            self.resume.awards.iter().map(|a| (None, crate::message_id::source_of(&a.name).to_string())),
        )
    }

    /// The key of each language test's messages: its test and score.
    pub(super) fn language_test_keys(&self) -> Vec<String> {
        crate::message_id::item_keys(
            self.resume
                .language_tests
                .iter()
                .map(|t| (None, format!("{} {}", t.test, crate::message_id::source_of(&t.score)))),
        )
    }

    pub(super) fn sections(&self) -> Result<Vec<SectionView>> {
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
                entries: self.section_entries(n, section)?,
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

    /// A free section's entries, each keyed by its name's content (they
    /// have no ids): `section-<id>-entry-<key>-name`, `-detail`, `-summary`.
    fn section_entries(&self, n: usize, section: &crate::model::Section) -> Result<Vec<SectionEntryView>> {
        let id = &section.id;
        let keys = section_entry_keys(section);
        let mut views = Vec::new();
        for (m, (entry, key)) in section.entries.iter().zip(&keys).enumerate() {
            let at = |field: &'static str| {
                move || {
                    path(&[
                        Step::Key("section"),
                        Step::Index(n),
                        Step::Key("entry"),
                        Step::Index(m),
                        Step::Key(field),
                    ])
                }
            };
            let stem = format!("section-{id}-entry-{key}");
            let name = self.required(&format!("{stem}-name"), &entry.name, at("name"))?;
            let detail = self.text(&format!("{stem}-detail"), entry.detail.as_ref(), at("detail"))?;
            let summary = self.text(&format!("{stem}-summary"), entry.summary.as_ref(), at("summary"))?;
            let bullets_at = path(&[
                Step::Key("section"),
                Step::Index(n),
                Step::Key("entry"),
                Step::Index(m),
                Step::Key("details"),
            ]);
            let details = self.bullets(
                &format!("{stem}-detail"),
                &format!("{stem}-detail"),
                &entry.details,
                &bullets_at,
            )?;
            let date = match (entry.period, entry.date) {
                (Some(period), _) => Some(self.period(period)?),
                (None, Some(month)) => Some(self.month(month)?),
                (None, None) => None,
            };
            views.push(SectionEntryView {
                name,
                detail,
                date,
                dated: entry.date,
                dates: entry.period.map(Into::into),
                link: entry.link.as_deref().map(LinkView::new),
                summary,
                keywords: entry.keywords.clone(),
                details,
            });
        }
        Ok(views)
    }
}

/// The key of each entry's messages in a free section: its name's content.
fn section_entry_keys(section: &crate::model::Section) -> Vec<String> {
    crate::message_id::item_keys(
        section.entries.iter().map(|e| (None, crate::message_id::source_of(&e.name).to_string())),
    )
}
