//! `resume tailor POSTING`: what a job posting asks, where the résumé
//! answers each ask, and a score whose formula is printed beside it. The
//! posting is read offline, in Korean or English, against the source
//! rather than a finished PDF, so every answer has a place the user can
//! find and edit.

mod coverage;
mod posting;
pub mod readback;
mod requirements;
mod selection;
mod terms;

use serde::Serialize;
use unicode_width::UnicodeWidthStr;

pub use coverage::{Covered, Place};
pub use posting::Section;
pub use requirements::{Ask, Requirement};
pub use selection::{Budget, Suggestion, suggest, with_profile};
pub use terms::Terms;

use crate::model::{Resume, YearMonth};

/// What `tailor` found.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    /// Whether the posting is written in Korean.
    pub korean: bool,
    /// Each requirement, the heaviest first, with its coverage.
    pub requirements: Vec<Covered>,
    pub score: Score,
    /// The profile suggested, when one was asked for and a project covers
    /// something.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub suggestion: Option<Suggestion>,
}

/// A PDF read back as an applicant-tracking system reads it.
#[derive(Debug, Clone, Serialize)]
pub struct PdfReading {
    /// The file, as named.
    pub file: String,
    pub pages: usize,
    /// The texts looked for.
    pub looked_for: Vec<readback::Expected>,
    /// Those a machine would miss, and why.
    pub misses: Vec<readback::Miss>,
}

impl PdfReading {
    /// The reading for a terminal.
    pub fn to_text(&self) -> String {
        let mut out = format!(
            "{}: {} page(s) read back as an applicant-tracking system reads the text layer (printpdf): ",
            self.file, self.pages
        );
        if self.misses.is_empty() {
            out.push_str(&format!(
                "all {} texts looked for are found whole, in order\n",
                self.looked_for.len()
            ));
        } else {
            out.push_str(&format!(
                "{} of {} texts would be missed\n",
                self.misses.len(),
                self.looked_for.len()
            ));
            for miss in &self.misses {
                out.push_str(&format!("  ✗ {:<11} {}: {}\n", miss.kind, miss.text, miss.why));
            }
        }
        out
    }
}

/// The score: covered weight over asked weight.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Score {
    /// 0 to 100, rounded.
    pub value: u32,
    pub covered_weight: u32,
    pub total_weight: u32,
}

/// How the score is computed, as printed under it.
pub const FORMULA: &str = "score = 100 × covered weight ÷ asked weight; a requirement weighs 3 under \
    자격요건/Requirements, 2 under 주요업무/Responsibilities, 1 under 우대사항/Nice to have or elsewhere";

/// Reads `posting` and weighs the résumé against it.
pub fn tailor(resume: &Resume, posting: &str, today: YearMonth) -> Report {
    let terms = Terms::new(&resume.tailor.terms);
    let read = posting::read(posting);
    let asked = requirements::read(&read, &terms);
    let requirements = coverage::cover(resume, &asked, &terms, today);
    let total_weight: u32 = requirements.iter().map(|c| c.requirement.section.weight()).sum();
    let covered_weight: u32 =
        requirements.iter().filter(|c| c.covered).map(|c| c.requirement.section.weight()).sum();
    let value = if total_weight == 0 {
        0
    } else {
        ((100.0 * f64::from(covered_weight)) / f64::from(total_weight)).round() as u32
    };
    Report {
        korean: read.korean,
        requirements,
        score: Score { value, covered_weight, total_weight },
        suggestion: None,
    }
}

impl Report {
    /// The report for a terminal: the score and its formula, then each
    /// section's requirements, covered or not, with where.
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        let covered = self.requirements.iter().filter(|c| c.covered).count();
        out.push_str(&format!(
            "score {} / 100: {} of {} requirements covered, weight {} of {}\n  ({FORMULA})\n",
            self.score.value,
            covered,
            self.requirements.len(),
            self.score.covered_weight,
            self.score.total_weight
        ));
        for section in [Section::Required, Section::Duties, Section::Preferred, Section::Other] {
            let asked: Vec<&Covered> =
                self.requirements.iter().filter(|c| c.requirement.section == section).collect();
            if asked.is_empty() {
                continue;
            }
            out.push_str(&format!("\n{} (weight {})\n", section.label(self.korean), section.weight()));
            let width = asked.iter().map(|c| c.label.width()).max().unwrap_or(0).min(40);
            for covered in asked {
                let mark = if covered.covered { "✓" } else { "✗" };
                let answer = if let Some(note) = &covered.note {
                    note.clone()
                } else if covered.places.is_empty() {
                    "not in the résumé".to_string()
                } else {
                    let mut shown: Vec<String> = covered.places.iter().take(4).map(Place::label).collect();
                    if covered.places.len() > 4 {
                        shown.push(format!("and {} more", covered.places.len() - 4));
                    }
                    shown.join("; ")
                };
                let pad = width.saturating_sub(covered.label.width());
                out.push_str(&format!(
                    "  {mark} {}{}  line {:<3} {answer}\n",
                    covered.label,
                    " ".repeat(pad),
                    covered.requirement.line
                ));
            }
        }
        let missing: Vec<&str> =
            self.requirements.iter().filter(|c| !c.covered).map(|c| c.label.as_str()).collect();
        if !missing.is_empty() {
            out.push_str(&format!("\nnot covered: {}\n", missing.join(", ")));
        }
        if let Some(suggestion) = &self.suggestion {
            out.push_str(&format!(
                "\nsuggested profile: {} of {} project(s) kept, the most relevant first; {} of {} requirements covered; {} page(s) of at most {}\n",
                suggestion.keep.len(),
                suggestion.projects,
                suggestion.covered,
                suggestion.asked,
                suggestion.pages,
                suggestion.max_pages
            ));
            if !suggestion.lost.is_empty() {
                out.push_str(&format!("  left out to fit: {}\n", suggestion.lost.join(", ")));
            }
            out.push('\n');
            out.push_str(&suggestion.toml);
            out.push('\n');
            if suggestion.readback.is_empty() {
                out.push_str(
                    "read back from its PDF as an applicant-tracking system reads it: name, contacts, employers, dates, titles and the covered requirements all found whole, in order\n",
                );
            } else {
                out.push_str("read back from its PDF as an applicant-tracking system reads it, a machine would miss:\n");
                for miss in &suggestion.readback {
                    out.push_str(&format!("  ✗ {:<11} {}: {}\n", miss.kind, miss.text, miss.why));
                }
            }
        }
        out
    }
}
