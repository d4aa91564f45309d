//! A project in one language: its facts, bullets and troubleshooting
//! stories, each text under a message id that follows its content.

use super::{Localizer, Path, path};
use crate::error::Result;
use crate::model::{Bullet, Fact, FactValue, Project, Step};
use crate::view::{BulletView, DetailView, FactView, LinkView, ProjectView, TroubleView};

impl Localizer<'_> {
    pub(super) fn project(&self, index: usize, project: &Project) -> Result<ProjectView> {
        let id = &project.id;
        let base = [Step::Key("project"), Step::Index(index)];
        let at = |key: &'static str| {
            let mut p = path(&base);
            p.push(Step::Key(key));
            move || p
        };
        let keeps = |part: &str| self.selection.keeps_part(part);
        // The name and description first: texts are walked in the order the
        // document prints them, which is the order `i18n extract` lists them.
        let name = self.required(&format!("project-{id}-name"), &project.name, at("name"))?;
        let description = match keeps("description") {
            true => self.text(
                &format!("project-{id}-description"),
                project.description.as_ref(),
                at("description"),
            )?,
            false => None,
        };
        let facts = self.facts_of(index, project)?;
        let bullets = |part: &str, name: &'static str, list: &[Bullet]| -> Result<Vec<BulletView>> {
            if !keeps(part) {
                return Ok(vec![]);
            }
            let mut p = path(&base);
            p.push(Step::Key(part_key(part)));
            let stem = format!("project-{id}-{name}");
            let mut views = self.bullets(&stem, &stem, list, &p)?;
            // A profile's `first` words bring their bullets forward.
            views.sort_by_key(|b| {
                std::cmp::Reverse(self.selection.precedence(b.text.as_deref().unwrap_or_default()))
            });
            Ok(views)
        };
        let (troubles, chosen) = self.stories_of(index, project)?;
        let responsibilities = bullets("responsibilities", "responsibility", &project.responsibilities)?;
        let achievements = bullets("achievements", "achievement", &project.achievements)?;
        let (highlights, highlight_link) =
            summarised(&name, highlights(&achievements, &responsibilities, &troubles, &chosen));
        let tech = self.tech_of(project);
        // Whom it was for: the employer, or else the organisation, which
        // prints in the same place and counts toward no employment.
        let company = match (project.company.as_str(), project.period) {
            ("", _) => self
                .text(
                    &format!("project-{id}-organisation"),
                    project.organisation.as_ref(),
                    at("organisation"),
                )?
                .unwrap_or_default(),
            (company, Some(period)) => self.company_name(company, period, false)?,
            (company, None) => self.company_name_now(company)?,
        };
        Ok(ProjectView {
            id: id.clone(),
            name,
            company,
            company_id: project.company.clone(),
            period: project.period.map(|p| self.period(p)).transpose()?,
            dates: project.period.map(Into::into),
            link: project.link.as_deref().map(LinkView::new),
            tags: project.tags.clone(),
            duration: project.period.map(|p| self.duration(p.months(self.today))).transpose()?,
            lead: description.clone(),
            description,
            facts,
            responsibilities,
            achievements,
            troubleshooting: troubles,
            highlights,
            highlight_link,
            tech,
        })
    }

    /// A project's stack facts and its other facts, as the selection keeps
    /// them.
    fn facts_of(&self, index: usize, project: &Project) -> Result<Vec<FactView>> {
        let id = &project.id;
        let base = [Step::Key("project"), Step::Index(index)];
        let keeps = |part: &str| self.selection.keeps_part(part);
        let mut facts = Vec::new();
        for (key, fact) in project.facts() {
            let Some(fact) = fact.filter(|_| keeps(key)) else { continue };
            facts.push(self.fact(&format!("project-{id}-{key}"), key, fact, path(&base))?);
        }
        if keeps("stack") {
            let keys = crate::message_id::item_keys(project.other.iter().map(|d| {
                let label = d.label.as_ref().map(crate::message_id::source_of).unwrap_or_default();
                (None, format!("{label}: {}", crate::message_id::source_of(&d.value)))
            }));
            for (n, detail) in project.other.iter().enumerate() {
                let stem = format!("project-{id}-other-{}", keys[n]);
                self.renamed(&format!("project-{id}-other-{}", n + 1), &stem, &["-label", "-value"]);
                let at = |key: &'static str| {
                    let mut p = path(&base);
                    p.extend([Step::Key("other"), Step::Index(n), Step::Key(key)]);
                    move || p
                };
                let label = match &detail.label {
                    Some(label) => self.required(&format!("{stem}-label"), label, at("label"))?,
                    None => String::new(),
                };
                let value = self.required(&format!("{stem}-value"), &detail.value, at("value"))?;
                facts.push(FactView { label, value: Some(value), details: vec![] });
            }
        }
        Ok(facts)
    }

    /// A project's troubleshooting stories the selection keeps, and for
    /// each whether it is tagged to be a highlight.
    fn stories_of(&self, index: usize, project: &Project) -> Result<(Vec<TroubleView>, Vec<bool>)> {
        let id = &project.id;
        let base = [Step::Key("project"), Step::Index(index)];
        let keeps = |part: &str| self.selection.keeps_part(part);
        let mut troubles = Vec::new();
        // Whether each kept story is tagged to be a highlight.
        let mut chosen = Vec::new();
        if keeps("troubleshooting") {
            let keys = crate::message_id::item_keys(
                project
                    .troubleshooting
                    .iter()
                    .map(|t| (t.id.as_deref(), crate::message_id::source_of(&t.problem).to_string())),
            );
            for (n, trouble) in project.troubleshooting.iter().enumerate() {
                let stem = format!("project-{id}-troubleshooting-{}", keys[n]);
                self.renamed(
                    &format!("project-{id}-troubleshooting-{}", n + 1),
                    &stem,
                    &["-problem", "-resolution"],
                );
                if !self.selection.keeps_bullet(&trouble.tags) {
                    continue;
                }
                let at = |key: &'static str| {
                    let mut p = path(&base);
                    p.extend([Step::Key("troubleshooting"), Step::Index(n), Step::Key(key)]);
                    move || p
                };
                chosen.push(trouble.tags.iter().any(|t| t == HIGHLIGHT));
                let problem = self.required(&format!("{stem}-problem"), &trouble.problem, at("problem"))?;
                troubles.push(TroubleView {
                    separator: separator(&problem).to_string(),
                    problem,
                    resolution: self.text(
                        &format!("{stem}-resolution"),
                        trouble.resolution.as_ref(),
                        at("resolution"),
                    )?,
                    link: trouble.link.as_deref().map(LinkView::new),
                });
            }
        }
        Ok((troubles, chosen))
    }

    /// The technologies of a project's stack, each once, for a one-line
    /// `Tech:` summary.
    fn tech_of(&self, project: &Project) -> Vec<String> {
        let keeps = |part: &str| self.selection.keeps_part(part);
        let mut tech: Vec<String> = Vec::new();
        if keeps("stack") {
            for key in super::skills::SKILL_FACTS.into_iter().filter(|key| keeps(key)) {
                for name in super::skills::technologies(project, key) {
                    if !tech.iter().any(|t| t.eq_ignore_ascii_case(name)) {
                        tech.push(name.to_string());
                    }
                }
            }
        }
        tech
    }

    pub(super) fn fact(&self, id: &str, key: &str, fact: &Fact, base: Path) -> Result<FactView> {
        let mut at_fact = base;
        at_fact.push(Step::Key(fact_key(key)));
        let value = match &fact.value {
            None => None,
            Some(FactValue::Names(names)) => Some(names.join(", ")),
            Some(FactValue::Text(text)) => {
                let mut p = at_fact.clone();
                if !fact.details.is_empty() {
                    p.push(Step::Key("value"));
                }
                self.text(id, Some(text), || p)?
            }
        };
        let mut details = Vec::new();
        let keys = crate::message_id::item_keys(fact.details.iter().map(|d| {
            let label = d.label.as_ref().map(crate::message_id::source_of).unwrap_or_default();
            (None, format!("{label}: {}", crate::message_id::source_of(&d.value)))
        }));
        for (n, detail) in fact.details.iter().enumerate() {
            let mut p = at_fact.clone();
            p.extend([Step::Key("details"), Step::Index(n)]);
            let stem = format!("{id}-{}", keys[n]);
            self.renamed(&format!("{id}-{}", n + 1), &stem, &["-label", "-value"]);
            let label_path = {
                let mut l = p.clone();
                l.push(Step::Key("label"));
                l
            };
            p.push(Step::Key("value"));
            details.push(DetailView {
                label: self.text(&format!("{stem}-label"), detail.label.as_ref(), || label_path)?,
                value: self.required(&format!("{stem}-value"), &detail.value, || p)?,
            });
        }
        Ok(FactView { label: self.catalogue.label(&format!("fact-{key}"), None)?, value, details })
    }

    /// A list of bullets; `former` is the stem their positional ids had,
    /// for [`renames`].
    pub(super) fn bullets(
        &self,
        stem: &str,
        former: &str,
        bullets: &[Bullet],
        at: &[Step],
    ) -> Result<Vec<BulletView>> {
        let mut views = Vec::new();
        let keys = crate::message_id::item_keys(bullets.iter().map(|b| {
            let source = match (&b.text, &b.link) {
                (Some(text), _) => crate::message_id::source_of(text).to_string(),
                (None, Some(link)) => link.clone(),
                (None, None) => String::new(),
            };
            (b.id.as_deref(), source)
        }));
        for (n, bullet) in bullets.iter().enumerate() {
            let id = format!("{stem}-{}", keys[n]);
            let old = format!("{former}-{}", n + 1);
            self.renamed(&old, &id, &[""]);
            if !self.selection.keeps_bullet(&bullet.tags) {
                continue;
            }
            let mut here = at.to_vec();
            here.push(Step::Index(n));
            let text_path = {
                let mut p = here.clone();
                if bullet.link.is_some() || !bullet.items.is_empty() || !bullet.tags.is_empty() {
                    p.push(Step::Key("text"));
                }
                p
            };
            let mut items_path = here;
            items_path.push(Step::Key("items"));
            views.push(BulletView {
                text: self.text(&id, bullet.text.as_ref(), || text_path)?,
                link: bullet.link.as_deref().map(LinkView::new),
                items: self.bullets(&id, &old, &bullet.items, &items_path)?,
            });
        }
        Ok(views)
    }
}

/// The TOML key of a project part (selectors use kebab-case).
fn part_key(part: &str) -> &'static str {
    match part {
        "responsibilities" => "responsibilities",
        "achievements" => "achievements",
        _ => "troubleshooting",
    }
}

/// The TOML key of a stack fact.
fn fact_key(key: &str) -> &'static str {
    match key {
        "languages" => "languages",
        "os" => "os",
        "databases" => "databases",
        "platform" => "platform",
        "ci-cd" => "ci_cd",
        "monitoring" => "monitoring",
        _ => "architecture",
    }
}

/// The tag that puts a troubleshooting story among a project's highlights.
const HIGHLIGHT: &str = "highlight";

/// A project's highlights (see [`ProjectView::highlights`]): achievements,
/// responsibilities, then the stories tagged [`HIGHLIGHT`], or every story
/// when they are all the selection kept.
fn highlights(
    achievements: &[BulletView],
    responsibilities: &[BulletView],
    troubles: &[TroubleView],
    chosen: &[bool],
) -> Vec<BulletView> {
    let only_stories = achievements.is_empty() && responsibilities.is_empty();
    let stories =
        troubles.iter().zip(chosen).filter(|(_, chosen)| only_stories || **chosen).map(|(t, _)| BulletView {
            text: Some(t.problem.clone()),
            link: t.link.clone(),
            items: t
                .resolution
                .iter()
                .map(|r| BulletView { text: Some(r.clone()), link: None, items: vec![] })
                .collect(),
        });
    achievements.iter().chain(responsibilities).cloned().chain(stories).collect()
}

/// How many highlights a summary of a project shows.
const HIGHLIGHTS_PER_PROJECT: usize = 4;

/// What a summary of a project shows, decided once for every writer: the
/// first highlights with text (a story's fix and a bullet's sub-items
/// joined after a dash, so no writer can drop them), leaving out one that
/// only repeats the project's name; and the first link of a highlight
/// without text or with the name alone, which follows the name.
fn summarised(name: &str, highlights: Vec<BulletView>) -> (Vec<BulletView>, Option<LinkView>) {
    let names_only = |h: &BulletView| h.text.as_ref().is_none_or(|t| t.to_lowercase() == name.to_lowercase());
    let link = highlights.iter().filter(|h| names_only(h)).find_map(|h| h.link.clone());
    let shown = highlights
        .into_iter()
        .filter_map(|h| {
            let text = h.text?;
            if text.to_lowercase() == name.to_lowercase() {
                return None;
            }
            let mut line = text;
            for item in h.items.iter().filter_map(|i| i.text.as_deref()) {
                line = then(&line, item);
            }
            Some(BulletView { text: Some(line), link: h.link, items: vec![] })
        })
        .take(HIGHLIGHTS_PER_PROJECT)
        .collect();
    (shown, link)
}

/// A problem and its fix as one line: after a full stop, the next
/// sentence; otherwise after a dash (`에러 발생 — 코드를 고쳐 해결`).
fn then(first: &str, next: &str) -> String {
    format!("{first}{}{next}", separator(first))
}

/// What follows a text that another continues on its line.
fn separator(first: &str) -> &'static str {
    if first.ends_with(['.', '!', '?', '。']) { " " } else { " — " }
}
