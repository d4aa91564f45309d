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
                    let own = base.to_lowercase();
                    // Names of one skill (`c/c++` and `c++`) count as one,
                    // under the name they map to.
                    let folded = self.skill_alias(&own).unwrap_or_else(|| own.clone());
                    match found.iter_mut().find(|(k, _, _)| *k == folded) {
                        Some((_, spelling, periods)) => {
                            let spelled =
                                spelling.split('(').next().unwrap_or(spelling).trim().to_lowercase();
                            if own == folded && (spelled != folded || !spelling.eq_ignore_ascii_case(name)) {
                                // The name an alias maps to, as the résumé
                                // writes it; two different details of one
                                // technology read as the technology.
                                *spelling = base.to_string();
                            }
                            periods.extend(project.period);
                        }
                        None => found.push((folded, name.to_string(), project.period.into_iter().collect())),
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

impl Localizer<'_> {
    /// The name a skill's lowercased name is an alias of: the résumé's
    /// own aliases first, then [`ALIASES`].
    fn skill_alias(&self, folded: &str) -> Option<String> {
        let own = self.resume.settings.skill_aliases.iter().find(|(alias, _)| alias.to_lowercase() == folded);
        if let Some((_, name)) = own {
            return Some(name.to_lowercase());
        }
        ALIASES.iter().find(|(alias, _)| *alias == folded).map(|(_, name)| name.to_string())
    }
}

/// The name a technology counts under, lowercased: the résumé's own
/// aliases first, then [`ALIASES`], else the name itself.
pub(crate) fn canonical(resume: &crate::model::Resume, name: &str) -> String {
    let folded = name.to_lowercase();
    if let Some((_, own)) =
        resume.settings.skill_aliases.iter().find(|(alias, _)| alias.to_lowercase() == folded)
    {
        return own.to_lowercase();
    }
    ALIASES.iter().find(|(alias, _)| *alias == folded).map_or(folded, |(_, name)| name.to_string())
}

/// Names that are one skill, lowercased: the alias, then the name it
/// counts under.
const ALIASES: [(&str, &str); 12] = [
    ("c/c++", "c++"),
    ("cpp", "c++"),
    ("golang", "go"),
    ("k8s", "kubernetes"),
    ("postgres", "postgresql"),
    ("js", "javascript"),
    ("ts", "typescript"),
    ("nodejs", "node.js"),
    ("node", "node.js"),
    ("elastic search", "elasticsearch"),
    ("argocd", "argo cd"),
    ("mongo", "mongodb"),
];

/// The stack facts that name technologies, which skills are made of.
pub(crate) const SKILL_FACTS: [&str; 3] = ["languages", "databases", "platform"];

/// The technologies a project's fact names: its list of names, and for
/// databases the plain values of its details (`사용자 데이터: MongoDB`).
pub(crate) fn technologies<'p>(project: &'p Project, key: &str) -> Vec<&'p str> {
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
    // `Memcached, Redis` written as one name is two technologies; the
    // commas of `aws(ec2,vpc)` are inside its parentheses and stay.
    names.into_iter().flat_map(split_list).collect()
}

/// The items of a list written in one name, split at commas outside
/// parentheses.
fn split_list(name: &str) -> Vec<&str> {
    let mut items = Vec::new();
    let (mut depth, mut start) = (0i32, 0);
    for (at, c) in name.char_indices() {
        match c {
            '(' => depth += 1,
            ')' => depth -= 1,
            ',' if depth <= 0 => {
                items.push(name[start..at].trim());
                start = at + 1;
            }
            _ => {}
        }
    }
    items.push(name[start..].trim());
    items.into_iter().filter(|item| !item.is_empty()).collect()
}

#[cfg(test)]
mod tests {
    use super::{ALIASES, split_list};

    #[test]
    fn aliases_map_to_names_that_are_not_aliases_themselves() {
        for (alias, name) in ALIASES {
            assert_eq!(alias, alias.to_lowercase());
            assert!(ALIASES.iter().all(|(other, _)| *other != name), "{name} is itself an alias");
        }
    }

    #[test]
    fn a_list_in_one_name_is_its_items() {
        assert_eq!(split_list("Memcached, Redis"), ["Memcached", "Redis"]);
        assert_eq!(split_list("aws(ec2,vpc,alb)"), ["aws(ec2,vpc,alb)"]);
        assert_eq!(split_list("golang"), ["golang"]);
    }
}
