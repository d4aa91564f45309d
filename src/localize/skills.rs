//! The skills summary: every language, database and platform of the kept
//! projects, with how long it was used, longest first.

use super::{Localizer, merge};
use crate::error::Result;
use crate::model::{FactValue, Period, Project, Text};
use crate::view::{Arrangement, Skill, SkillGroup};

impl Localizer<'_> {
    /// Technologies by kind, longest used first; with how long each was
    /// used in a résumé by project, by name only in one by employer.
    pub(super) fn skills(&self, kept: &[&Project], arrangement: Arrangement) -> Result<Vec<SkillGroup>> {
        let mut groups = Vec::new();
        for key in SKILL_FACTS {
            // A technology is one by its name before any parenthesis:
            // `aws (eks, sqs)` and `aws (ec2, s3)` are both `aws`, used for
            // the months of both. (base, lowercased) -> (spelling, periods)
            let mut found: Vec<(String, String, Vec<Period>)> = Vec::new();
            for project in kept {
                for name in technologies(project, key) {
                    let base = name.split('(').next().unwrap_or(name).trim();
                    let base = if base.is_empty() { name } else { base };
                    let folded = base.to_lowercase();
                    match found.iter_mut().find(|(k, _, _)| *k == folded) {
                        Some((_, spelling, periods)) => {
                            // Two different details of one technology read as the technology.
                            if !spelling.eq_ignore_ascii_case(name) {
                                *spelling = base.to_string();
                            }
                            periods.push(project.period);
                        }
                        None => found.push((folded, name.to_string(), vec![project.period])),
                    }
                }
            }
            if found.is_empty() {
                continue;
            }
            let mut items: Vec<(u32, String)> = found
                .into_iter()
                .map(|(_, name, periods)| {
                    (merge(&periods, self.today).iter().map(|p| p.months(self.today)).sum(), name)
                })
                .collect();
            items.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.to_lowercase().cmp(&b.1.to_lowercase())));
            groups.push(SkillGroup {
                label: self.catalogue.label(&format!("fact-{key}"), None)?,
                items: items
                    .into_iter()
                    .map(|(months, name)| {
                        let duration = match arrangement {
                            Arrangement::ByProject => Some(self.rough_duration(months)?),
                            Arrangement::ByEmployer => None,
                        };
                        Ok(Skill { name, duration })
                    })
                    .collect::<Result<_>>()?,
            });
        }
        Ok(groups)
    }
}

/// The stack facts that name technologies, which skills are made of.
pub(super) const SKILL_FACTS: [&str; 3] = ["languages", "databases", "platform"];

/// The technologies a project's fact names: its list of names, and for
/// databases the plain values of its details (`사용자 데이터: MongoDB`).
pub(super) fn technologies<'p>(project: &'p Project, key: &str) -> Vec<&'p str> {
    let Some((_, Some(fact))) = project.facts().into_iter().find(|(k, _)| *k == key) else {
        return vec![];
    };
    let mut names: Vec<&str> = match &fact.value {
        Some(FactValue::Names(names)) => names.iter().map(String::as_str).collect(),
        _ => vec![],
    };
    if key == "databases" {
        names.extend(fact.details.iter().filter_map(|d| match &d.value {
            Text::Plain(name) => Some(name.as_str()),
            Text::Localized(_) => None,
        }));
    }
    names
}
