//! A selection that answers the posting within a page budget: the
//! projects that cover a requirement, the most relevant first, built as
//! the profile the user would paste, and narrowed (troubleshooting left
//! out, then the least relevant project dropped) until the build fits.
//! It selects; it never rewrites a word.

use serde::Serialize;

use super::coverage::Covered;
use super::readback::Miss;
use crate::error::Result;
use crate::model::{Resume, Source, YearMonth};

/// The suggested profile and what it keeps.
#[derive(Debug, Clone, Serialize)]
pub struct Suggestion {
    /// The profile's name.
    pub name: String,
    /// Project ids kept, the most relevant first.
    pub keep: Vec<String>,
    /// How many projects the résumé has.
    pub projects: usize,
    /// Parts hidden to fit (`troubleshooting`).
    pub hide: Vec<String>,
    pub lang: String,
    pub max_pages: usize,
    /// Pages the build of this profile has.
    pub pages: usize,
    /// Requirements covered by what the profile keeps, of those asked.
    pub covered: usize,
    pub asked: usize,
    /// Requirements the résumé covers that the profile leaves out.
    pub lost: Vec<String>,
    /// The profile as TOML, ready to paste or write.
    pub toml: String,
    /// What a machine reading the profile's PDF would miss.
    pub readback: Vec<Miss>,
}

/// How relevant each project is: the weight of the requirements its
/// places cover, each counted once.
fn relevance(resume: &Resume, coverage: &[Covered]) -> Vec<(String, u32)> {
    let mut ranked: Vec<(String, u32, usize)> = resume
        .projects
        .iter()
        .enumerate()
        .map(|(order, project)| {
            let weight = coverage
                .iter()
                .filter(|c| c.places.iter().any(|p| p.project && p.entry == project.id))
                .map(|c| c.requirement.section.weight())
                .sum();
            (project.id.clone(), weight, order)
        })
        .filter(|(_, weight, _)| *weight > 0)
        .collect();
    ranked.sort_by_key(|(_, weight, order)| (std::cmp::Reverse(*weight), *order));
    ranked.into_iter().map(|(id, weight, _)| (id, weight)).collect()
}

/// The kept project whose leaving loses least: the least weight that no
/// other kept project (or section) covers, then the least relevant, then
/// the last ranked.
fn least_missed(coverage: &[Covered], keep: &[String], ranked: &[(String, u32)]) -> usize {
    let alone = |id: &str| -> u32 {
        coverage
            .iter()
            .filter(|c| {
                let here = c.places.iter().any(|p| p.project && p.entry == id);
                let elsewhere =
                    c.places.iter().any(|p| !p.project || (p.entry != id && keep.contains(&p.entry)));
                c.covered && here && !elsewhere && c.note.is_none()
            })
            .map(|c| c.requirement.section.weight())
            .sum()
    };
    let relevance = |id: &str| ranked.iter().find(|(r, _)| r == id).map_or(0, |(_, w)| *w);
    (0..keep.len())
        .min_by_key(|&i| (alone(&keep[i]), relevance(&keep[i]), std::cmp::Reverse(i)))
        .unwrap_or(keep.len() - 1)
}

/// The words that bring a kept project's bullets forward: for each
/// covered requirement, the most asked first, the spelling a kept bullet
/// writes it in.
fn first_words(coverage: &[Covered], keep: &[String]) -> Vec<String> {
    let mut ordered: Vec<&Covered> =
        coverage.iter().filter(|c| c.covered && !c.spellings.is_empty()).collect();
    ordered.sort_by_key(|c| c.requirement.section);
    let mut words: Vec<String> = Vec::new();
    for covered in ordered {
        let written = covered
            .places
            .iter()
            .filter(|p| {
                p.project
                    && keep.contains(&p.entry)
                    && matches!(p.field.as_str(), "responsibilities" | "achievements")
            })
            .find_map(|place| {
                covered.spellings.iter().find(|s| !super::terms::occurrences(place.text(), s).is_empty())
            });
        if let Some(word) = written
            && !words.iter().any(|w| w.eq_ignore_ascii_case(word))
        {
            words.push(word.clone());
        }
        if words.len() == 8 {
            break;
        }
    }
    words
}

/// The profile's TOML.
fn profile_toml(
    name: &str,
    description: &str,
    selection: (&[String], &[String], &[String]),
    lang: &str,
    pages: usize,
) -> String {
    let (keep, hide, first) = selection;
    let list = |items: &[String]| {
        items.iter().map(|i| toml::Value::String(i.clone()).to_string()).collect::<Vec<_>>().join(", ")
    };
    let mut out = format!("[profile.{name}]\n");
    out.push_str(&format!("description = {}\n", toml::Value::String(description.to_string())));
    out.push_str(&format!("only = [{}]\n", list(keep)));
    if !hide.is_empty() {
        out.push_str(&format!("hide = [{}]\n", list(hide)));
    }
    if !first.is_empty() {
        out.push_str(&format!("first = [{}]\n", list(first)));
    }
    out.push_str(&format!("lang = [\"{lang}\"]\nmax_pages = {pages}\n"));
    out
}

/// A build of the suggested profile, kept to read back.
struct Trial {
    pages: usize,
    pdf: Vec<u8>,
    view: crate::view::View,
}

/// Builds the profile in `toml` as `source` would with it pasted in: its
/// pages, its PDF and its view, or the error that stops it (over its
/// budget).
fn trial(source: &Source, toml: &str, name: &str, today: YearMonth) -> Result<Trial> {
    let (text, _) = with_profile(&source.text, name, toml);
    let trial = Source { text, ..source.clone() };
    let resume = crate::model::load(&trial)?;
    let config = crate::build::budgeted(&trial, &resume, today)?
        .into_iter()
        .find(|c| c.profile.as_deref() == Some(name))
        .ok_or_else(|| crate::Error::new(format!("the profile `{name}` makes no build")))?;
    let (language, _) =
        config.targets.first().ok_or_else(|| crate::Error::new("the profile has no language"))?;
    let rendered = crate::build::render_language(&config, *language)?;
    let pdf = rendered
        .encoded
        .iter()
        .find(|(format, _)| *format == crate::output::Format::Pdf)
        .and_then(|(_, files)| files.first().cloned())
        .unwrap_or_default();
    let view = crate::build::document_view(&config, &crate::build::catalogue(&trial, *language)?)?;
    Ok(Trial { pages: rendered.pages, pdf, view })
}

/// Reads the built PDF back as a machine would, for the person, the
/// employers and each requirement the selection still covers.
fn read_back(built: &Trial, coverage: &[Covered], keep: &[String], hide: &[String]) -> Result<Vec<Miss>> {
    let reading = super::readback::read(&built.pdf)?;
    let mut expected = super::readback::expected(&built.view);
    expected.extend(super::readback::labels(&built.view));
    let kept: Vec<Covered> = coverage
        .iter()
        .filter(|c| {
            c.places.iter().any(|p| !p.project || (keep.contains(&p.entry) && !hide.contains(&p.field)))
        })
        .cloned()
        .collect();
    expected.extend(super::readback::requirements(&kept));
    Ok(super::readback::misses(&reading, &expected))
}

/// What the suggested profile is for: its name, language and page
/// budget, and the posting it answers (named in its description).
#[derive(Debug, Clone)]
pub struct Budget {
    pub name: String,
    pub lang: String,
    pub max_pages: usize,
    pub posting: String,
}

/// Suggests a profile within `budget`; `None` when no project covers
/// anything.
pub fn suggest(
    source: &Source,
    resume: &Resume,
    coverage: &[Covered],
    budget: &Budget,
    today: YearMonth,
) -> Result<Option<Suggestion>> {
    let (name, lang, max_pages) = (budget.name.as_str(), budget.lang.as_str(), budget.max_pages);
    let posting = budget.posting.as_str();
    let ranked = relevance(resume, coverage);
    if ranked.is_empty() {
        return Ok(None);
    }
    let mut keep: Vec<String> = ranked.iter().map(|(id, _)| id.clone()).collect();
    let mut hide: Vec<String> = Vec::new();
    // What a selection still covers: places of kept projects in parts not
    // hidden, and every place outside the projects.
    let covered_by = |keep: &[String], hide: &[String]| -> (usize, Vec<String>) {
        let mut lost = Vec::new();
        let mut count = 0;
        for c in coverage.iter().filter(|c| c.covered) {
            let outside_projects = c.places.iter().any(|p| !p.project) || c.places.is_empty();
            let kept =
                c.places.iter().any(|p| p.project && keep.contains(&p.entry) && !hide.contains(&p.field));
            if kept || outside_projects {
                count += 1;
            } else {
                lost.push(c.label.clone());
            }
        }
        (count, lost)
    };
    // Narrow until it fits: troubleshooting first, then the project whose
    // leaving loses least, always keeping one.
    for _ in 0..32 {
        let (covered, _) = covered_by(&keep, &hide);
        let description =
            format!("Tailored to {posting}: {covered} of {} requirements covered", coverage.len());
        let first = first_words(coverage, &keep);
        let toml = profile_toml(name, &description, (&keep, &hide, &first), lang, max_pages);
        match trial(source, &toml, name, today) {
            Ok(built) if built.pages <= max_pages => {
                let (covered, lost) = covered_by(&keep, &hide);
                let readback = read_back(&built, coverage, &keep, &hide)?;
                return Ok(Some(Suggestion {
                    name: name.to_string(),
                    keep,
                    projects: resume.projects.len(),
                    hide,
                    lang: lang.to_string(),
                    max_pages,
                    pages: built.pages,
                    covered,
                    asked: coverage.len(),
                    lost,
                    toml,
                    readback,
                }));
            }
            _ if hide.is_empty() => hide.push("troubleshooting".to_string()),
            _ if keep.len() > 1 => {
                let drop = least_missed(coverage, &keep, &ranked);
                keep.remove(drop);
            }
            Ok(_) => break,
            Err(error) => return Err(error),
        }
    }
    Err(crate::Error::new(format!("no selection of the résumé fits {max_pages} page(s)"))
        .with_hint("give a larger budget with `--max-pages`"))
}

/// `text` with `[profile.NAME]` set to `table`: replaced where it stands,
/// else appended after a blank line. Returns the text and whether the
/// profile was replaced.
pub fn with_profile(text: &str, name: &str, table: &str) -> (String, bool) {
    let header = format!("[profile.{name}]");
    let found = text.match_indices(&header).find(|(at, _)| *at == 0 || text[..*at].ends_with('\n'));
    match found {
        Some((start, _)) => {
            let after = start + header.len();
            // The table runs to the next table's header, or the end.
            let next = text[after..].match_indices("\n[").next().map_or(text.len(), |(at, _)| after + at + 1);
            // Comments and blank lines just above the next table are that
            // table's.
            let mut end = next;
            while let Some(line_start) = text[..end.saturating_sub(1)].rfind('\n').map(|i| i + 1) {
                let line = text[line_start..end].trim();
                if line_start <= after || !(line.is_empty() || line.starts_with('#')) {
                    break;
                }
                end = line_start;
            }
            let mut out = String::with_capacity(text.len() + table.len());
            out.push_str(&text[..start]);
            out.push_str(table);
            out.push_str(&text[end..]);
            (out, true)
        }
        None => {
            let mut out = text.trim_end_matches('\n').to_string();
            out.push_str("\n\n");
            out.push_str(table);
            (out, false)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_profile_is_replaced_where_it_stands_or_appended() {
        let text = "# mine\n[person]\nname = \"x\"\n\n[profile.job]\nonly = [\"a\"]  # old\n\n# the other one\n[profile.other]\nlang = [\"en\"]\n";
        let (out, replaced) = with_profile(text, "job", "[profile.job]\nonly = [\"b\"]\n");
        assert!(replaced);
        assert_eq!(
            out,
            "# mine\n[person]\nname = \"x\"\n\n[profile.job]\nonly = [\"b\"]\n\n# the other one\n[profile.other]\nlang = [\"en\"]\n"
        );
        let (out, replaced) =
            with_profile("[person]\nname = \"x\"\n", "job", "[profile.job]\nlang = [\"ko\"]\n");
        assert!(!replaced);
        assert_eq!(out, "[person]\nname = \"x\"\n\n[profile.job]\nlang = [\"ko\"]\n");
    }
}
