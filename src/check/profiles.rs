//! A profile's fields, the fields its documents need, the sections its
//! own layout leaves out, and its page budget, built to see that it fits.

use crate::error::{Error, Location};
use crate::model::{self, Resume, Source, Step, YearMonth, locate};

use super::Report;

/// Each profile's selectors, languages, paper and layout, checked as
/// `pdf --profile NAME` checks them (see [`crate::build::profile_problems`]).
pub(super) fn check_profiles(
    resume: &Resume,
    source: &Source,
    today: YearMonth,
    complete: bool,
    report: &mut Report,
) {
    for (name, profile) in &resume.profiles {
        report.errors.extend(crate::build::profile_problems(name, profile, source, resume, today, complete));
        check_document_fields(name, profile, resume, source, report);
        check_layout_sections(name, profile, resume, source, report);
        // A photo is the norm on a Korean form, and out of place on an
        // English résumé, which recruiters abroad may have to discard.
        let english = profile.lang.iter().any(|l| l.starts_with("en"));
        if profile.photo == Some(true) && english {
            let mut warning = Error::warning(format!(
                "profile `{name}` puts the photo on an English résumé"
            ))
            .with_hint("recruiters in the US and Europe expect no photo, and some must discard a résumé with one; remove `photo = true`");
            let path = [Step::Key("profile"), Step::Name(name.clone()), Step::Key("photo")];
            if let Some(location) = locate(source, &path) {
                warning = warning.at(location);
            }
            report.warnings.push(warning);
        }
    }
}

/// The sections of the résumé a profile's own layout never reads: each
/// built-in layout prints every section, but a layout of the user's may
/// have been written before the résumé had awards, say, and would leave
/// them out of that one document in silence. A warning at the profile's
/// `layout`, naming the sections and the view field to print.
fn check_layout_sections(
    name: &str,
    profile: &model::Profile,
    resume: &Resume,
    source: &Source,
    report: &mut Report,
) {
    let Some(field) = &profile.layout else { return };
    let Ok(crate::typeset::world::Layout::File(path)) = crate::build::profile_layout(source, field) else {
        return;
    };
    let Ok(Some(layout)) = crate::input::read_text(&path) else { return };
    let has = [
        ("summary", resume.summary.is_some()),
        ("skills", !resume.projects.is_empty()),
        ("education", !resume.education.is_empty()),
        ("certifications", !resume.certifications.is_empty()),
        ("language_tests", !resume.language_tests.is_empty()),
        ("awards", !resume.awards.is_empty()),
        ("publications", !resume.publications.is_empty()),
        ("open_source", !resume.open_source.is_empty()),
        ("sections", !resume.sections.is_empty()),
    ];
    let unread: Vec<String> = has
        .into_iter()
        .filter(|(field, present)| *present && !layout.contains(&format!(".{field}")))
        .map(|(field, _)| format!("`data.{field}`"))
        .collect();
    if unread.is_empty() {
        return;
    }
    let mut warning = Error::warning(format!(
        "profile `{name}` uses the layout `{field}`, which never prints {} of this résumé",
        unread.join(", ")
    ))
    .with_hint("every layout should print every section the résumé has; see how `resume layout new NAME` lays them out, or remove them from the résumé");
    let path = [Step::Key("profile"), Step::Name(name.to_string()), Step::Key("layout")];
    if let Some(location) = locate(source, &path) {
        warning = warning.at(location);
    }
    report.warnings.push(warning);
}

/// What a profile's documents need that the résumé lacks: the 이력서
/// form's details, a cover letter's addressee, greeting and sign-off. Each
/// is a warning at the profile's `documents`: the document builds, with
/// blanks where they are missing.
fn check_document_fields(
    name: &str,
    profile: &model::Profile,
    resume: &Resume,
    source: &Source,
    report: &mut Report,
) {
    let mut missing: Vec<(String, Vec<&str>)> = Vec::new();
    for document in &profile.documents {
        match crate::build::Document::parse(document, resume) {
            Ok(crate::build::Document::Form) => {
                let person = &resume.person;
                let fields: Vec<&str> = [
                    ("person.birth_date", person.birth_date.is_none()),
                    ("person.phone", person.phone.is_none()),
                    ("person.email", person.email.is_none()),
                    ("person.address", person.address.is_none()),
                    ("[[education]]", resume.education.is_empty()),
                ]
                .into_iter()
                .filter_map(|(field, absent)| absent.then_some(field))
                .collect();
                if !fields.is_empty() {
                    missing.push((document.clone(), fields));
                }
            }
            Ok(crate::build::Document::Letter(id)) => {
                let Some(letter) = resume.letters.iter().find(|l| l.id == id) else { continue };
                let fields: Vec<&str> = if letter.questions.is_empty() {
                    [
                        ("addressee", letter.addressee.is_none()),
                        ("salutation", letter.salutation.is_none()),
                        ("closing", letter.closing.is_none()),
                    ]
                    .into_iter()
                    .filter_map(|(field, absent)| absent.then_some(field))
                    .collect()
                } else {
                    letter
                        .questions
                        .iter()
                        .any(|q| q.limit.is_none())
                        .then_some("a `limit` on every question")
                        .into_iter()
                        .collect()
                };
                if !fields.is_empty() {
                    missing.push((document.clone(), fields));
                }
            }
            _ => {}
        }
    }
    for (document, fields) in missing {
        let mut warning = Error::warning(format!(
            "profile `{name}` builds `{document}`, which needs {} the résumé does not give",
            fields.join(", ")
        ))
        .with_hint(
            "the document builds with blanks there; fill them in, or drop the document from `documents`",
        );
        let path = [Step::Key("profile"), Step::Name(name.to_string()), Step::Key("documents")];
        if let Some(location) = locate(source, &path) {
            warning = warning.at(location);
        }
        report.warnings.push(warning);
    }
}

/// Builds every profile with a page budget, in each of its languages and in
/// parallel, writing nothing, and reports those that do not fit (with the
/// entries that take the most room) and any character no font has.
pub(super) fn check_budgets(
    resume: &Resume,
    source: &Source,
    today: YearMonth,
    profile: Option<&str>,
    report: &mut Report,
) {
    let configs = match crate::build::budgeted(source, resume, today) {
        Ok(configs) => configs,
        Err(err) => return report.errors.push(err),
    };
    let configs: Vec<_> =
        configs.into_iter().filter(|c| profile.is_none() || c.profile.as_deref() == profile).collect();
    for ((config, _, _), outcome) in crate::build::measure_all(&configs) {
        let mut error = match outcome {
            Ok((_, warnings)) => {
                // What the profile's build warns about, once each; its
                // notes (room left on a page) are the build's to say.
                for warning in warnings.into_iter().filter(|w| w.severity != crate::error::Severity::Note) {
                    if !report.warnings.iter().any(|w| w.message == warning.message) {
                        report.warnings.push(warning);
                    }
                }
                continue;
            }
            Err(error) => error,
        };
        if error.location.is_none()
            && let Some(name) = &config.profile
            && let Some(location) = budget_line(source, name)
        {
            error = error.at(location);
        }
        report.errors.push(error);
    }
}

/// The `max_pages` line of `[profile.NAME]`, to point a budget error at.
fn budget_line(source: &Source, name: &str) -> Option<Location> {
    let header = source.text.find(&format!("[profile.{name}]"))?;
    let table_end = source.text[header + 1..].find("\n[").map_or(source.text.len(), |i| header + 1 + i);
    let key = source.text[header..table_end].find("max_pages")? + header;
    Some(Location::from_span(&source.path, &source.text, key..key + "max_pages".len()))
}
