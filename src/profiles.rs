//! `resume profiles`: the stored variants as a table of what each one
//! really builds (its languages, selection, how many projects it keeps,
//! page budget, paper and layout, defaults filled in), in Korean or
//! English, aligned by display width so that Hangul columns line up.

use fluent_bundle::FluentArgs;
use unicode_width::UnicodeWidthStr;

use crate::build::Job;
use crate::error::Result;
use crate::i18n::{Catalogue, Language};
use crate::model::{Resume, Source, YearMonth};
use crate::select::Entry;
use crate::typeset::world::Layout;
use crate::view::Paper;

/// One row per profile, after a header row; empty when there is none.
/// Each row is what `pdf --profile NAME` would build, so a profile whose
/// selection keeps nothing shows `0 of 7` here before a build fails. A
/// profile of several documents is one build per document: its row shows
/// the résumé's (else the first document's) layout and languages, and
/// lists the documents.
pub fn table(source: &Source, resume: &Resume, today: YearMonth, language: Language) -> Result<Vec<String>> {
    let every = crate::build::profile_configs(source, resume, today)?;
    if every.is_empty() {
        return Ok(Vec::new());
    }
    let mut configs: Vec<&Job> = Vec::new();
    for config in &every {
        match configs.iter_mut().find(|c| c.profile == config.profile) {
            Some(shown) if config.document == crate::build::Document::Resume => *shown = config,
            Some(_) => {}
            None => configs.push(config),
        }
    }
    let show_documents = resume.profiles.values().any(|p| !p.documents.is_empty());
    let catalogue = Catalogue::new(language, &[])?;
    let label = |id: &str| catalogue.label(id, None);
    let show_layout = configs.iter().any(|c| c.layout != Layout::Builtin("classic"));
    let mut header = vec![
        label("profiles-profile")?,
        label("profiles-languages")?,
        label("profiles-selection")?,
        label("profiles-projects")?,
        label("profiles-pages")?,
        label("profiles-paper")?,
    ];
    if show_layout {
        header.push(label("profiles-layout")?);
    }
    if show_documents {
        header.push(label("profiles-documents")?);
    }
    header.push(label("profiles-description")?);
    let mut rows = vec![header];
    for config in configs {
        let name = config.profile.clone().unwrap_or_default();
        let profile = &resume.profiles[&name];
        let mut row = vec![
            name,
            config.targets.iter().map(|(l, _)| l.code).collect::<Vec<_>>().join(", "),
            selection(&catalogue, &profile.only, &profile.hide)?,
            kept(&catalogue, config)?,
            match config.max_pages {
                Some(pages) => {
                    let mut args = FluentArgs::new();
                    args.set("pages", pages);
                    catalogue.label("profiles-max-pages", Some(&args))?
                }
                None => label("profiles-no-limit")?,
            },
            match config.paper {
                Paper::A4 => "a4".to_string(),
                Paper::UsLetter => "us-letter".to_string(),
            },
        ];
        if show_layout {
            row.push(match &config.layout {
                Layout::Builtin(name) => name.to_string(),
                Layout::File(path) => path.display().to_string(),
            });
        }
        if show_documents {
            let documents = if profile.documents.is_empty() {
                "resume".to_string()
            } else {
                profile.documents.join(", ")
            };
            row.push(if config.packet {
                let mut args = FluentArgs::new();
                args.set("documents", documents);
                catalogue.label("profiles-one-pdf", Some(&args))?
            } else {
                documents
            });
        }
        row.push(profile.description.clone().unwrap_or_default());
        rows.push(row);
    }
    Ok(aligned(&rows))
}

/// `only 2016-; hide troubleshooting`, or `everything`.
fn selection(catalogue: &Catalogue, only: &[String], hide: &[String]) -> Result<String> {
    let mut parts = Vec::new();
    for (id, selectors) in [("profiles-only", only), ("profiles-hide", hide)] {
        if !selectors.is_empty() {
            let mut args = FluentArgs::new();
            args.set("selectors", selectors.join(", "));
            parts.push(catalogue.label(id, Some(&args))?);
        }
    }
    if parts.is_empty() {
        return catalogue.label("profiles-everything", None);
    }
    Ok(parts.join("; "))
}

/// `4 of 7`: the projects the profile's selection keeps.
fn kept(catalogue: &Catalogue, config: &Job) -> Result<String> {
    let projects = &config.resume.projects;
    let selection = &config.selection;
    let kept = projects
        .iter()
        .filter(|p| {
            let bullet_tags = crate::localize::bullet_tags(p);
            selection.keeps_section("projects")
                && selection.keeps_entry(Entry {
                    section: "projects",
                    id: &p.id,
                    period: p.period,
                    tags: &p.tags,
                    bullet_tags: &bullet_tags,
                })
        })
        .count();
    let mut args = FluentArgs::new();
    args.set("kept", kept);
    args.set("total", projects.len());
    catalogue.label("profiles-kept", Some(&args))
}

/// The rows as lines, each column as wide as its widest cell on screen (a
/// Hangul syllable takes two columns), the last one unpadded.
fn aligned(rows: &[Vec<String>]) -> Vec<String> {
    let columns = rows.iter().map(Vec::len).max().unwrap_or(0);
    let widths: Vec<usize> = (0..columns)
        .map(|c| rows.iter().filter_map(|r| r.get(c)).map(|s| s.width()).max().unwrap_or(0))
        .collect();
    rows.iter()
        .map(|row| {
            let mut line = String::new();
            for (c, cell) in row.iter().enumerate() {
                line.push_str(cell);
                if c + 1 < row.len() {
                    line.push_str(&" ".repeat(widths[c] - cell.width() + 2));
                }
            }
            line.trim_end().to_string()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_line_up_by_display_width() {
        let rows = vec![
            vec!["프로필".to_string(), "언어".to_string(), "x".to_string()],
            vec!["brief".to_string(), "en".to_string(), "y".to_string()],
        ];
        let lines = aligned(&rows);
        assert_eq!(lines[0], "프로필  언어  x");
        assert_eq!(lines[1], "brief   en    y");
        assert_eq!(lines[0].width(), lines[1].width());
    }
}
