//! Exports of the localized view: JSON (what layouts receive) and Markdown
//! (headings and `- Label: value` lists, readable on
//! GitHub).

use std::fmt::Write;

use crate::view::{BulletView, LinkView, View};

/// The view as JSON, pretty-printed: the exact data a layout reads from
/// `/resume.json`, for writing a custom layout.
pub fn json(view: &View) -> String {
    serde_json::to_string_pretty(view).expect("views serialize") + "\n"
}

fn link(link: &LinkView) -> String {
    format!("<{}>", link.url)
}

fn bullets(out: &mut String, items: &[BulletView], depth: usize) {
    for item in items {
        let indent = "  ".repeat(depth);
        let text = match (&item.text, &item.link) {
            (Some(text), Some(l)) => format!("{text} {}", link(l)),
            (Some(text), None) => text.clone(),
            (None, Some(l)) => link(l),
            (None, None) => continue,
        };
        let _ = writeln!(out, "{indent}- {text}");
        bullets(out, &item.items, depth + 1);
    }
}

/// The view as Markdown: a heading per section and per project, and
/// `- Label: value` lists with nested bullets, as in the Markdown résumés it imports.
pub fn markdown(view: &View) -> String {
    let label = |id: &str| view.labels.get(id).cloned().unwrap_or_else(|| id.to_string());
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", view.person.name);
    if let Some(headline) = &view.person.headline {
        let _ = writeln!(out, "{headline}\n");
    }
    if !view.person.contacts.is_empty() {
        let contacts: Vec<String> =
            view.person.contacts.iter().map(|c| format!("[{}]({})", c.text, c.url)).collect();
        let _ = writeln!(out, "{}\n", contacts.join(" · "));
    }
    if let Some(summary) = &view.summary {
        let _ = writeln!(out, "{summary}\n");
    }
    if let Some(career) = &view.career {
        let _ = writeln!(out, "## {}\n\n**{}**\n", label("section-summary"), career.total);
        for line in &career.lines {
            let role = line.role.as_ref().map(|r| format!(" · {r}")).unwrap_or_default();
            let _ = writeln!(out, "- {}{role}: {} ({})", line.company, line.period, line.duration);
        }
        out.push('\n');
    }
    if !view.projects.is_empty() {
        let _ = writeln!(out, "## {}\n", label("section-projects"));
    }
    for project in &view.projects {
        let _ = writeln!(out, "### {}\n", project.name);
        let _ = writeln!(out, "- {}: {} ({})", project.company, project.period, project.duration);
        if let Some(description) = &project.description {
            let _ = writeln!(out, "- {description}");
        }
        for fact in &project.facts {
            match &fact.value {
                Some(value) => {
                    let _ = writeln!(out, "- {}: {value}", fact.label);
                }
                None => {
                    let _ = writeln!(out, "- {}", fact.label);
                }
            }
            for detail in &fact.details {
                match &detail.label {
                    Some(l) => {
                        let _ = writeln!(out, "  - {l}: {}", detail.value);
                    }
                    None => {
                        let _ = writeln!(out, "  - {}", detail.value);
                    }
                }
            }
        }
        for (id, items) in [
            ("part-responsibilities", &project.responsibilities),
            ("part-achievements", &project.achievements),
        ] {
            if !items.is_empty() {
                let _ = writeln!(out, "- {}", label(id));
                bullets(&mut out, items, 1);
            }
        }
        if !project.troubleshooting.is_empty() {
            let _ = writeln!(out, "- {}", label("part-troubleshooting"));
            for trouble in &project.troubleshooting {
                let _ = writeln!(out, "  - {}", trouble.problem);
                if let Some(resolution) = &trouble.resolution {
                    let _ = writeln!(out, "    - {resolution}");
                }
                if let Some(l) = &trouble.link {
                    let _ = writeln!(out, "    - {}", link(l));
                }
            }
        }
        out.push('\n');
    }
    if !view.skills.is_empty() {
        let _ = writeln!(out, "## {}\n", label("section-skills"));
        for group in &view.skills {
            let items: Vec<String> =
                group.items.iter().map(|s| format!("{} ({})", s.name, s.duration)).collect();
            let _ = writeln!(out, "- {}: {}", group.label, items.join(", "));
        }
        out.push('\n');
    }
    for section in &view.sections {
        let _ = writeln!(out, "## {}\n", section.title);
        bullets(&mut out, &section.items, 0);
        out.push('\n');
    }
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}

/// A Fluent file with one empty message per missing text, the text in the
/// languages it has as comments above, and where it stands. The file does
/// not parse until every message is filled in, so none is forgotten.
pub fn fluent_skeleton(entries: &[crate::view::TextEntry], lang: &str) -> String {
    let mut out = format!(
        "# Translations into `{lang}`: fill in each message, then save this file as\n\
         # {lang}.ftl beside resume.toml. A message must have a value to parse.\n"
    );
    for entry in entries.iter().filter(|e| !e.translated) {
        out.push('\n');
        if let Some(location) = &entry.location {
            let _ = writeln!(out, "# {}:{}:{}", location.file, location.line, location.column);
        }
        for (source_lang, text) in &entry.source {
            for (n, line) in text.lines().enumerate() {
                let lead = if n == 0 { format!("{source_lang}: ") } else { "    ".to_string() };
                let _ = writeln!(out, "# {lead}{line}");
            }
        }
        let _ = writeln!(out, "{} =", entry.id);
    }
    out
}
