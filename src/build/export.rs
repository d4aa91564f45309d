//! The document a command prints rather than typesets: `export`'s view
//! and the translation workflow's list of texts, from the same one job a
//! build of the same flags makes.

use crate::error::{Error, Result};
use crate::i18n::Language;
use crate::localize::{self, TextEntry};
use crate::model;
use crate::view::View;

use super::job::configure_for;
use super::profile::ALL_PROFILES;
use super::request::{Request, SourceRequest, read};

/// The localized view `resume export` prints: `lang`, with `only` and
/// `hide` applied.
/// The selection and paper come from the one job the request makes, so
/// an export keeps what the PDF of the same flags (and `--profile`) shows.
pub fn export_view(request: &Request) -> Result<View> {
    if request.profile.as_deref() == Some(ALL_PROFILES) {
        return Err(Error::new("`export` writes one document, but `--profile all` asks for every profile")
            .with_hint("name one profile: `--profile mlops`"));
    }
    let (source, today) = read(&request.source)?;
    let resume = model::load(&source)?;
    let jobs = configure_for(request, &source, &resume, today, false)?;
    let job = jobs.first().ok_or_else(|| Error::new("nothing to export"))?;
    let (language, _) = job.targets.first().ok_or_else(|| Error::new("no language to export"))?;
    let catalogue = super::render::catalogue(&source, *language)?;
    // The very view a build of the document typesets.
    super::render::document_view(job, &catalogue)
}

/// Every content text and whether `lang` has it.
pub fn translation_status(source: &SourceRequest, lang: &str) -> Result<Vec<TextEntry>> {
    let language = Language::negotiate(lang)?;
    let (source, today) = read(source)?;
    let resume = model::load(&source)?;
    let catalogue = super::render::catalogue(&source, language)?;
    localize::texts(&resume, &source, &catalogue, today)
}
