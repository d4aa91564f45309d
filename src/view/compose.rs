//! The view composed into sections of blocks ([`super::body`]), once per
//! document: every word, separator and order a writer without a layout
//! of its own prints is decided here, so plain text and Word cannot
//! disagree.

use super::body::{Block, Entry, Item, Row, Section, Span};
use super::{
    Arrangement, BulletView, CareerView, EmploymentView, ProjectView, SectionEntryView, SectionView, View,
};

/// The sections of the view in [`View::order`], each with its blocks.
pub fn compose(view: &View) -> Vec<Section> {
    let label = |id: &str| view.labels.get(id).cloned().unwrap_or_default();
    view.order
        .iter()
        .filter_map(|id| {
            let (heading, blocks) = match id.as_str() {
                "summary" => {
                    let summary = view.summary.as_deref()?;
                    let heading =
                        (view.arrangement == Arrangement::ByEmployer).then(|| label("section-profile"));
                    (heading, summary_blocks(summary))
                }
                "career" => (Some(label("section-summary")), career(view.career.as_ref()?)),
                "projects" => (Some(label("section-projects")), projects(view, &label)),
                "experience" => (Some(label("section-experience")), employments(view, &label)),
                "skills" => (Some(label("section-skills")), skills(view)),
                "education" => (Some(label("section-education")), education(view, &label)),
                "certifications" => (Some(label("section-certifications")), certifications(view)),
                "language-tests" => (Some(label("section-language-tests")), language_tests(view)),
                "awards" => (Some(label("section-awards")), awards(view)),
                "publications" => (Some(label("section-publications")), publications(view)),
                "open-source" => (Some(label("section-open-source")), open_source(view)),
                free => {
                    let id = free.strip_prefix("section:")?;
                    let section = view.sections.iter().find(|s| s.id == id)?;
                    (Some(section.title.clone()), free_section(section))
                }
            };
            Some(Section { id: id.clone(), heading, blocks })
        })
        .collect()
}

/// The summary, a paragraph per blank-line-separated paragraph.
fn summary_blocks(summary: &str) -> Vec<Block> {
    summary
        .split("\n\n")
        .filter(|p| !p.trim().is_empty())
        .map(|p| Block::Paragraph { spans: vec![Span::plain(p.trim())] })
        .collect()
}

/// Parts joined by ` · `, the separator of every line of facts.
fn joined<'a>(parts: impl IntoIterator<Item = Option<&'a str>>) -> String {
    parts.into_iter().flatten().filter(|p| !p.is_empty()).collect::<Vec<_>>().join(" · ")
}

/// A bullet of the view as an item: its text, then its link.
fn item(bullet: &BulletView) -> Item {
    let mut spans = Vec::new();
    if let Some(text) = &bullet.text {
        spans.push(Span::plain(text));
    }
    if let Some(link) = &bullet.link {
        if !spans.is_empty() {
            spans.push(Span::plain(" "));
        }
        spans.push(Span::link(link));
    }
    Item { spans, note: None, items: bullet.items.iter().map(item).collect() }
}

fn list(bullets: &[BulletView]) -> Block {
    Block::List { items: bullets.iter().map(item).collect() }
}

/// The total, then each employment with its title (or each of its titles
/// with its own period, beneath it), location, period and length.
fn career(career: &CareerView) -> Vec<Block> {
    let items = career
        .lines
        .iter()
        .map(|line| {
            let only = match line.roles.as_slice() {
                [only] => Some(only.with_department()),
                _ => None,
            };
            let head = joined([Some(line.company.as_str()), only.as_deref(), line.location.as_deref()]);
            let roles = if line.roles.len() > 1 { line.roles.as_slice() } else { &[] };
            Item {
                spans: vec![
                    Span::strong(head),
                    Span::plain(": "),
                    Span::muted(format!("{} ({})", line.period, line.duration)),
                ],
                note: None,
                items: roles
                    .iter()
                    .map(|role| {
                        let mut spans = vec![Span::plain(role.with_department())];
                        if let Some(period) = &role.period {
                            spans.push(Span::plain(": "));
                            spans.push(Span::muted(period));
                        }
                        Item::of(spans)
                    })
                    .collect(),
            }
        })
        .collect();
    vec![Block::Paragraph { spans: vec![Span::strong(&career.total)] }, Block::List { items }]
}

/// Each project in full: company and period, description, stack,
/// responsibilities, achievements and troubleshooting stories.
/// By employer, the projects of no employment, each as one bullet.
fn projects(view: &View, label: &dyn Fn(&str) -> String) -> Vec<Block> {
    if view.arrangement == Arrangement::ByEmployer {
        let items = view
            .own_projects
            .iter()
            .filter_map(|id| view.projects.iter().find(|p| &p.id == id))
            .map(|project| project_bullet(project, true, label))
            .collect();
        return vec![Block::List { items }];
    }
    view.projects.iter().map(|project| Block::Entry(project_entry(project, label))).collect()
}

fn project_entry(project: &ProjectView, label: &dyn Fn(&str) -> String) -> Entry {
    let mut blocks = Vec::new();
    if let Some(description) = &project.description {
        blocks.push(Block::Paragraph { spans: vec![Span::plain(description)] });
    }
    if !project.facts.is_empty() {
        let rows = project.facts.iter().map(|f| Row { label: f.label.clone(), values: f.parts() }).collect();
        blocks.push(Block::Rows { rows });
    }
    for (part, bullets) in
        [("part-responsibilities", &project.responsibilities), ("part-achievements", &project.achievements)]
    {
        if !bullets.is_empty() {
            blocks.push(Block::Part { title: label(part), blocks: vec![list(bullets)] });
        }
    }
    if !project.troubleshooting.is_empty() {
        let items = project
            .troubleshooting
            .iter()
            .map(|trouble| {
                let mut under: Vec<Item> =
                    trouble.resolution.iter().map(|r| Item::of(vec![Span::plain(r)])).collect();
                under.extend(trouble.link.iter().map(|l| Item::of(vec![Span::link(l)])));
                Item { spans: vec![Span::plain(&trouble.problem)], note: None, items: under }
            })
            .collect();
        blocks
            .push(Block::Part { title: label("part-troubleshooting"), blocks: vec![Block::List { items }] });
    }
    if let Some(link) = &project.link {
        blocks.insert(0, Block::Paragraph { spans: vec![Span::link(link)] });
    }
    let company = (!project.company.is_empty()).then(|| project.company.clone());
    let period = project.period.as_ref().map(|period| match &project.duration {
        Some(duration) => format!("{period} ({duration})"),
        None => period.clone(),
    });
    Entry {
        anchor: Some(project.id.clone()),
        title: project.name.clone(),
        meta: [company, period].into_iter().flatten().collect(),
        blocks,
    }
}

/// Each employment, its titles, and a bullet per project: the name, its
/// dates and link, its first highlight, the next ones beneath, its stack.
fn employments(view: &View, label: &dyn Fn(&str) -> String) -> Vec<Block> {
    view.employments
        .iter()
        .map(|employment| Block::Entry(employment_entry(view, employment, label)))
        .collect()
}

fn employment_entry(view: &View, employment: &EmploymentView, label: &dyn Fn(&str) -> String) -> Entry {
    let mut blocks: Vec<Block> = employment
        .roles
        .iter()
        .map(|role| {
            let mut spans = vec![Span::strong(role.with_department())];
            if let Some(period) = &role.period {
                spans.push(Span::plain(" "));
                spans.push(Span::muted(format!("({period})")));
            }
            Block::Paragraph { spans }
        })
        .collect();
    let items: Vec<Item> = employment
        .projects
        .iter()
        .filter_map(|id| view.projects.iter().find(|p| &p.id == id))
        .map(|project| project_bullet(project, false, label))
        .collect();
    if !items.is_empty() {
        blocks.push(Block::List { items });
    }
    Entry {
        anchor: None,
        title: employment.company.clone(),
        meta: [employment.location.as_deref(), Some(employment.period.as_str())]
            .into_iter()
            .flatten()
            .map(str::to_string)
            .collect(),
        blocks,
    }
}

/// A project as one bullet of a résumé by employer; `own` when it stands
/// outside every employment, where whom it was for follows its name (an
/// employment's heading says it for the others).
fn project_bullet(project: &ProjectView, own: bool, label: &dyn Fn(&str) -> String) -> Item {
    let mut spans = vec![Span::strong(&project.name)];
    if own && !project.company.is_empty() {
        spans.push(Span::muted(format!(" · {}", project.company)));
    }
    if let Some(period) = &project.period {
        spans.push(Span::plain(" "));
        spans.push(Span::muted(period));
    }
    if let Some(link) = project.link.as_ref().or(project.highlight_link.as_ref()) {
        spans.push(Span::plain(" "));
        spans.push(Span::link(link));
    }
    if let Some(lead) = &project.lead {
        spans.push(Span::plain(" — "));
        spans.push(Span::plain(lead));
    }
    let highlights = project.highlights.iter();
    let note =
        (!project.tech.is_empty()).then(|| format!("{}: {}", label("part-tech"), project.tech.join(", ")));
    Item { spans, note, items: highlights.map(item).collect() }
}

/// Skills by kind, each with how long it was used where the document
/// gives it.
fn skills(view: &View) -> Vec<Block> {
    let rows = view
        .skills
        .iter()
        .map(|group| Row {
            label: group.label.clone(),
            values: vec![group.items.iter().map(|s| s.with_duration()).collect::<Vec<_>>().join(", ")],
        })
        .collect();
    vec![Block::Rows { rows }]
}

/// Each school with its degree, period and GPA, and its details.
fn education(view: &View, label: &dyn Fn(&str) -> String) -> Vec<Block> {
    view.education
        .iter()
        .map(|school| {
            let gpa = school.gpa.as_ref().map(|g| format!("{} {g}", label("field-gpa")));
            let meta = [school.degree.as_deref(), school.period.as_deref(), gpa.as_deref()];
            let blocks = if school.details.is_empty() { vec![] } else { vec![list(&school.details)] };
            Block::Entry(Entry {
                anchor: None,
                title: school.school.clone(),
                meta: meta.into_iter().flatten().map(str::to_string).collect(),
                blocks,
            })
        })
        .collect()
}

/// A record's line: its name, then its other facts muted, then its link.
fn record(name: &str, facts: &[Option<&str>], link: Option<&super::LinkView>) -> Vec<Span> {
    let mut spans = vec![Span::plain(name)];
    let facts = joined(facts.iter().copied());
    if !facts.is_empty() {
        spans.push(Span::muted(format!(" · {facts}")));
    }
    if let Some(link) = link {
        spans.push(Span::plain(" "));
        spans.push(Span::link(link));
    }
    spans
}

fn certifications(view: &View) -> Vec<Block> {
    let items = view
        .certifications
        .iter()
        .map(|c| Item::of(record(&c.name, &[c.issuer.as_deref(), c.date.as_deref()], c.link.as_ref())))
        .collect();
    vec![Block::List { items }]
}

fn language_tests(view: &View) -> Vec<Block> {
    let items = view
        .language_tests
        .iter()
        .map(|t| {
            Item::of(record(
                &format!("{} {}", t.test, t.score),
                &[t.issuer.as_deref(), t.date.as_deref()],
                None,
            ))
        })
        .collect();
    vec![Block::List { items }]
}

fn awards(view: &View) -> Vec<Block> {
    let items = view
        .awards
        .iter()
        .map(|a| Item {
            spans: record(&a.name, &[a.issuer.as_deref(), a.date.as_deref()], None),
            note: None,
            items: a.summary.iter().map(|s| Item::of(vec![Span::plain(s)])).collect(),
        })
        .collect();
    vec![Block::List { items }]
}

/// Each publication: its title, journal and month, its link; the authors
/// (muted) and the summary beneath, in that order.
fn publications(view: &View) -> Vec<Block> {
    let items = view
        .publications
        .iter()
        .map(|p| {
            let authors = (!p.authors.is_empty()).then(|| Item::of(vec![Span::muted(p.authors.join(", "))]));
            let summary = p.summary.iter().map(|s| Item::of(vec![Span::plain(s)]));
            Item {
                spans: record(&p.title, &[p.journal.as_deref(), p.date.as_deref()], p.link.as_ref()),
                note: None,
                items: authors.into_iter().chain(summary).collect(),
            }
        })
        .collect();
    vec![Block::List { items }]
}

fn open_source(view: &View) -> Vec<Block> {
    let items = view
        .open_source
        .iter()
        .map(|c| {
            let mut spans = record(&c.name, &[c.period.as_deref()], None);
            if let Some(description) = &c.description {
                spans.push(Span::plain(format!(": {description}")));
            }
            if let Some(link) = &c.link {
                spans.push(Span::plain(" "));
                spans.push(Span::link(link));
            }
            Item::of(spans)
        })
        .collect();
    vec![Block::List { items }]
}

/// A free section: its entries, then its bullets, one list.
fn free_section(section: &SectionView) -> Vec<Block> {
    let mut items: Vec<Item> = section.entries.iter().map(section_entry).collect();
    items.extend(section.items.iter().map(item));
    vec![Block::List { items }]
}

/// An entry of a free section: its name and keywords, its detail and
/// month muted, its link, and its summary beneath.
fn section_entry(entry: &SectionEntryView) -> Item {
    let name = match entry.keywords.as_slice() {
        [] => entry.name.clone(),
        keywords => format!("{}: {}", entry.name, keywords.join(", ")),
    };
    Item {
        spans: record(&name, &[entry.detail.as_deref(), entry.date.as_deref()], entry.link.as_ref()),
        note: None,
        items: entry
            .summary
            .iter()
            .map(|s| Item::of(vec![Span::plain(s)]))
            .chain(entry.details.iter().map(item))
            .collect(),
    }
}
