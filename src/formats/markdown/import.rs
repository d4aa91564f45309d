//! The Markdown importer. It reads two forms:
//!
//! - résumés kept as Markdown lists, the seed form: a `## name` heading per
//!   project, `- Key: value` items with nested sub-lists, Korean or English
//!   keys, `<url>` links, `Company: a/b(20191201~)` renames;
//! - the tool's own export (`resume export --format markdown`): `# name`,
//!   the headline and contact row, `##` sections with `###` entries, dates
//!   and labels as either language prints them (see [`super::document`]).
//!
//! Known keys map onto the model; unknown ones are kept as the project's
//! `other` facts. What can be mended (a second `Description`, a period
//! written backwards, a link without its scheme) is mended and reported
//! with its line; what has no place is left out and reported the same way;
//! what leaves no résumé to write (a project without a readable period, no
//! name for the person) is an error pointing at the line. The result is
//! printed with [`to_toml`], so it always reads back and passes `check`.

use std::path::Path;

use super::outline::{Block, outline};
use super::reader::Markdown;
use crate::error::Result;
use crate::formats::import::{Ids, Imported};
use crate::i18n::Language;
use crate::model::Resume;

/// The header of every imported file.
const MARKDOWN_HEADER: &str = "# Imported from Markdown; run `resume check` and add the other languages.\n";

/// Reads a Markdown résumé (the contents of `file`), in the seed form or
/// as the tool exports it; prose is written as `{ <lang> = "…" }` so a
/// translation can be added beside it. Fails, with the line and a hint,
/// when a project cannot be written (no name, no readable period), when
/// there is no project at all, or when nothing names the person.
pub fn import(text: &str, file: &Path, lang: Language, name: Option<&str>) -> Result<Imported> {
    if let Some((at, depth)) = super::outline::too_deep(text) {
        return Err(crate::error::Error::new(format!(
            "this list nests {depth} levels deep; a résumé's bullets nest at most {}",
            super::outline::MAX_LIST_DEPTH
        ))
        .at(crate::error::Location::from_span(file, text, at..at + 1))
        .with_hint("indent sub-bullets two spaces under their bullet, a few levels at most"));
    }
    let blocks = outline(text);
    // RenderCV prints its CV as Markdown under `# <name>'s CV`, each
    // section a `#` heading: a rendering, not a source; its YAML is.
    if let Some(title) = blocks.iter().find(|b| b.level == 1)
        && (title.name.ends_with("'s CV") || title.name.ends_with("’s CV"))
    {
        return Err(crate::error::Error::new("this is a CV as RenderCV prints it to Markdown, not one to import")
            .at(crate::error::Location::from_span(file, text, title.at..title.at + title.name.len() + 2))
            .with_hint(
                "import the YAML file RenderCV made it from: `resume import rendercv NAME_CV.yaml` keeps every entry and field",
            ));
    }
    let mut importer = Markdown::new(text, file, lang.code, name);
    let resume = if super::document::is_export(&blocks) {
        importer.document(&blocks)?
    } else {
        importer.seed(&blocks)?
    };
    let mut notes = importer.notes_in_line_order();
    let toml = crate::formats::import::printable_toml(&resume, MARKDOWN_HEADER, &mut notes);
    Ok(Imported { toml, skipped: notes })
}

impl Markdown<'_> {
    /// A résumé in the seed form: every `## heading` is a project. What
    /// has no place in it (prose, items before the first project, deeper
    /// headings) is reported and skipped.
    fn seed(&mut self, blocks: &[Block]) -> Result<Resume> {
        let mut projects: Vec<Block> = Vec::new();
        for block in blocks {
            for paragraph in &block.paragraphs {
                let first = paragraph.text.split(' ').take(8).collect::<Vec<_>>().join(" ");
                self.note(paragraph.line, format!("not a `## heading` or a `- item`: {first}"));
            }
            match (block.level, projects.last_mut()) {
                (2, _) => projects.push(Block {
                    level: 2,
                    free: false,
                    name: block.name.clone(),
                    line: block.line,
                    at: block.at,
                    paragraphs: vec![],
                    items: block.items.clone(),
                }),
                (3.., Some(project)) => {
                    self.note(
                        block.line,
                        format!("a `###` heading inside `{}`; read its items as the project's", project.name),
                    );
                    project.items.extend(block.items.iter().cloned());
                }
                _ => {
                    for item in &block.items {
                        self.note(item.line, "an item before the first `## project` heading");
                    }
                }
            }
        }
        if projects.is_empty() {
            let start = self.source.len() - self.source.trim_start().len();
            return Err(self.error(
                start..start,
                "this Markdown has no `## project` heading, so there is nothing to import".to_string(),
                "each project starts with a `## name` line, followed by `- Key: value` items",
            ));
        }
        let projects_read = self.projects(&projects, Vec::new(), &mut Ids::for_entries())?;
        let person = self.person_named(None)?;
        Ok(Resume {
            settings: Default::default(),
            person,
            summary: None,
            companies: projects_read.0,
            projects: projects_read.1,
            education: vec![],
            certifications: vec![],
            open_source: vec![],
            sections: vec![],
            letters: vec![],
            language_tests: Vec::new(),
            military: None,
            awards: Vec::new(),
            publications: Vec::new(),
            profiles: Default::default(),
            check: Default::default(),
            tailor: Default::default(),
        })
    }
}
