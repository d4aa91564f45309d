//! The view as Markdown (`resume export --format markdown`): headings and
//! `- Key: value` lists, readable on GitHub and read back by
//! [`super::import`].
//!
//! Markdown is rendered by whatever reads it, and it passes HTML through:
//! every text from the résumé or its translations is escaped so that it
//! shows as written and never becomes a tag or a link, and only links
//! with a scheme the tool accepts are printed as links.

use std::fmt::Write;

use crate::view::{BulletView, LinkView, View};

/// One level of list nesting: four spaces, which every Markdown reads as
/// nesting (Python-Markdown, behind MkDocs, flattens a list indented by
/// two).
const INDENT: &str = "    ";

/// Marks a free section's heading, invisible once rendered, so that an
/// import never takes it for a section the export computes (a free
/// section titled `Skills`).
pub(super) const FREE_SECTION: &str = "<!-- free -->";

/// Link schemes printed as links; any other target is printed as text.
const SAFE_SCHEMES: &[&str] = &["https", "http", "mailto", "tel"];

/// Text made inert for Markdown: `&` and `<` as entities, so that nothing
/// opens a tag, an autolink or an entity; `[`, `]` and backticks as
/// entities, so that nothing opens a link, an image or a code span; `*`
/// and `_` (emphasis) and the backslash itself after a backslash, and `~`
/// (strike-through) as an entity, where they touch a word; line breaks as
/// spaces, as every text here sits on one line. A lone `>`
/// cannot open anything once `<` is escaped, so arrows (`a --> b`) stay as
/// written, except at the very start, where it would begin a quote; a
/// leading `#`, `-`, `+` or `*` would begin a heading or a list, and gets a
/// backslash the same way.
fn escape(text: &str) -> String {
    let mut out = escape_inline(text);
    if out.starts_with(['>', '#', '-', '+']) {
        out.insert(0, '\\');
    }
    out
}

/// [`escape`] for a text that never starts a line (a link's text), where
/// a leading `+` or `#` is only a character.
fn escape_inline(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let chars: Vec<char> = text.chars().collect();
    // A marker with a space (or nothing) on both sides opens and closes
    // nothing (`5 * 3`, `2019.03 ~ 현재`), and stays as written.
    let spaced = |n: usize| {
        let apart = |c: Option<&char>| c.is_none_or(|c| c.is_whitespace());
        apart(n.checked_sub(1).and_then(|p| chars.get(p))) && apart(chars.get(n + 1))
    };
    for (n, &c) in chars.iter().enumerate() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '[' => out.push_str("&#91;"),
            ']' => out.push_str("&#93;"),
            '`' => out.push_str("&#96;"),
            '*' | '_' | '~' if spaced(n) => out.push(c),
            // Python-Markdown knows no `\~`; an entity reads the same everywhere.
            '~' => out.push_str("&#126;"),
            '*' | '_' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' => out.push(' '),
            _ => out.push(c),
        }
    }
    out
}

/// A link target that may be printed as a link, with the characters that
/// would end it (or could not stand in it) percent-encoded.
fn safe_target(url: &str) -> Option<String> {
    let (scheme, _) = url.split_once(':')?;
    if !SAFE_SCHEMES.contains(&scheme.to_ascii_lowercase().as_str()) {
        return None;
    }
    let mut out = String::with_capacity(url.len());
    for c in url.chars() {
        match c {
            ' ' | '<' | '>' | '(' | ')' | '[' | ']' | '"' | '`' | '\\' => {
                out.push_str(&format!("%{:02X}", c as u32))
            }
            c if c.is_control() || c.is_whitespace() => {
                let mut bytes = [0; 4];
                for byte in c.encode_utf8(&mut bytes).bytes() {
                    out.push_str(&format!("%{byte:02X}"));
                }
            }
            c => out.push(c),
        }
    }
    Some(out)
}

/// A link as an autolink, `<https://…>`, or as plain text when its target
/// is not one to follow.
fn link(link: &LinkView) -> String {
    match safe_target(&link.url) {
        Some(url) => format!("<{url}>"),
        None => escape(&link.url),
    }
}

/// A contact as `[text](target)`, or as plain text when its target is
/// not one to follow.
fn contact(link: &LinkView) -> String {
    match safe_target(&link.url) {
        Some(url) => format!("[{}]({url})", escape_inline(&link.text)),
        None => escape(&link.text),
    }
}

fn bullets(out: &mut String, items: &[BulletView], depth: usize) {
    for item in items {
        let indent = INDENT.repeat(depth);
        let text = match (&item.text, &item.link) {
            (Some(text), Some(l)) => format!("{} {}", escape(text), link(l)),
            (Some(text), None) => escape(text),
            (None, Some(l)) => link(l),
            (None, None) => continue,
        };
        let _ = writeln!(out, "{indent}- {text}");
        bullets(out, &item.items, depth + 1);
    }
}

/// The view as Markdown: a heading per section and per entry, and
/// `- Key: value` lists with nested bullets, the form the Markdown importer
/// reads, so that an export imports back to the same résumé. Keys are the
/// catalogue's `field-*`, `fact-*` and `part-*` labels; what the layout
/// prints without a key (a headline, the contact row) is set apart by its
/// form: the headline in bold, the contact row as links joined by ` · `.
pub fn export(view: &View) -> String {
    let mut out = String::new();
    header(&mut out, view);
    // In the order the document decided; Markdown is always by project
    // (what `import markdown` reads back), so the employments print as
    // the projects.
    for id in &view.order {
        match id.as_str() {
            "summary" => {} // in the header
            "career" => career(&mut out, view),
            "projects" => projects(&mut out, view),
            "experience" => {
                career(&mut out, view);
                projects(&mut out, view);
            }
            "skills" => skills(&mut out, view),
            other => entries(&mut out, view, other),
        }
    }
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}

/// The label of `id` in the view's language, escaped.
fn label(view: &View, id: &str) -> String {
    escape(&view.labels.get(id).cloned().unwrap_or_else(|| id.to_string()))
}

/// A `- Label: value` item.
fn keyed(out: &mut String, view: &View, indent: &str, id: &str, value: &str) {
    let _ = writeln!(out, "{indent}- {}: {}", label(view, id), escape(value));
}

/// The name, headline, contact row and summary.
fn header(out: &mut String, view: &View) {
    let _ = writeln!(out, "# {}\n", escape(&view.person.name));
    if let Some(headline) = &view.person.headline {
        let _ = writeln!(out, "**{}**\n", escape(headline));
    }
    let mut row: Vec<String> = view.person.location.iter().map(|l| escape(l)).collect();
    row.extend(view.person.contacts.iter().map(contact));
    if !row.is_empty() {
        let _ = writeln!(out, "{}\n", row.join(" · "));
    }
    if let Some(summary) = &view.summary {
        let paragraphs: Vec<String> = summary.split("\n\n").map(escape).collect();
        let _ = writeln!(out, "{}\n", paragraphs.join("\n\n"));
    }
}

/// The career summary: the total, each employment with its titles, teams and location.
fn career(out: &mut String, view: &View) {
    if let Some(career) = &view.career {
        let _ = writeln!(out, "## {}\n\n**{}**\n", label(view, "section-summary"), escape(&career.total));
        for line in &career.lines {
            let (company, period, duration) =
                (escape(&line.company), escape(&line.period), escape(&line.duration));
            let _ = writeln!(out, "- {company}: {period} ({duration})");
            // Several titles each carry their own period, so the import
            // can tell them apart again.
            for role in &line.roles {
                let title = match &role.period {
                    Some(period) => format!("{} ({period})", role.title),
                    None => role.title.clone(),
                };
                keyed(out, view, INDENT, "field-role", &title);
                if let Some(department) = &role.department {
                    keyed(out, view, INDENT, "field-department", department);
                }
            }
            if let Some(location) = &line.location {
                keyed(out, view, INDENT, "field-location", location);
            }
        }
        out.push('\n');
    }
}

/// Each project with its company, period, description, stack and bullets.
fn projects(out: &mut String, view: &View) {
    if !view.projects.is_empty() {
        let _ = writeln!(out, "## {}\n", label(view, "section-projects"));
    }
    for project in &view.projects {
        let _ = writeln!(out, "### {}\n", escape(&project.name));
        // An employer, or whom a project of no employer was for.
        match (project.company.is_empty(), project.company_id.is_empty()) {
            (true, _) => {}
            (false, false) => keyed(out, view, "", "field-company", &project.company),
            (false, true) => keyed(out, view, "", "field-organisation", &project.company),
        }
        if let (Some(period), Some(duration)) = (&project.period, &project.duration) {
            let _ =
                writeln!(out, "- {}: {} ({})", label(view, "field-period"), escape(period), escape(duration));
        }
        if let Some(target) = &project.link {
            let _ = writeln!(out, "- {}: {}", label(view, "field-link"), link(target));
        }
        if let Some(description) = &project.description {
            keyed(out, view, "", "field-description", description);
        }
        for fact in &project.facts {
            match (&fact.value, fact.label.is_empty()) {
                (Some(value), false) => {
                    let _ = writeln!(out, "- {}: {}", escape(&fact.label), escape(value));
                }
                (Some(value), true) => {
                    let _ = writeln!(out, "- {}", escape(value));
                }
                (None, _) => {
                    let _ = writeln!(out, "- {}", escape(&fact.label));
                }
            }
            for detail in &fact.details {
                match &detail.label {
                    Some(l) => {
                        let _ = writeln!(out, "{INDENT}- {}: {}", escape(l), escape(&detail.value));
                    }
                    None => {
                        let _ = writeln!(out, "{INDENT}- {}", escape(&detail.value));
                    }
                }
            }
        }
        for (id, items) in [
            ("part-responsibilities", &project.responsibilities),
            ("part-achievements", &project.achievements),
        ] {
            if !items.is_empty() {
                let _ = writeln!(out, "- {}", label(view, id));
                bullets(out, items, 1);
            }
        }
        if !project.troubleshooting.is_empty() {
            let _ = writeln!(out, "- {}", label(view, "part-troubleshooting"));
            for trouble in &project.troubleshooting {
                let _ = writeln!(out, "{INDENT}- {}", escape(&trouble.problem));
                if let Some(resolution) = &trouble.resolution {
                    let _ = writeln!(out, "{INDENT}{INDENT}- {}", escape(resolution));
                }
                if let Some(l) = &trouble.link {
                    let _ = writeln!(out, "{INDENT}{INDENT}- {}", link(l));
                }
            }
        }
        out.push('\n');
    }
}

/// Skills with how long each was used.
fn skills(out: &mut String, view: &View) {
    if !view.skills.is_empty() {
        let _ = writeln!(out, "## {}\n", label(view, "section-skills"));
        for group in &view.skills {
            let items: Vec<String> = group
                .items
                .iter()
                .map(|s| match &s.duration {
                    Some(duration) => format!("{} ({})", escape(&s.name), escape(duration)),
                    None => escape(&s.name),
                })
                .collect();
            let _ = writeln!(out, "- {}: {}", escape(&group.label), items.join(", "));
        }
        out.push('\n');
    }
}

/// Education, certifications, language tests, awards, open source or a
/// free section (`section:<id>`), by its id in the order.
fn entries(out: &mut String, view: &View, id: &str) {
    if id == "education" && !view.education.is_empty() {
        let _ = writeln!(out, "## {}\n", label(view, "section-education"));
        for entry in &view.education {
            let _ = writeln!(out, "### {}\n", escape(&entry.school));
            if let Some(period) = &entry.period {
                keyed(out, view, "", "field-period", period);
            }
            if let Some(degree) = &entry.degree {
                keyed(out, view, "", "field-degree", degree);
            }
            if let Some(gpa) = &entry.gpa {
                keyed(out, view, "", "field-gpa", gpa);
            }
            bullets(out, &entry.details, 0);
            out.push('\n');
        }
    }
    if id == "certifications" && !view.certifications.is_empty() {
        let _ = writeln!(out, "## {}\n", label(view, "section-certifications"));
        for entry in &view.certifications {
            let issuer = entry.issuer.as_ref().map(|i| format!(" · {}", escape(i))).unwrap_or_default();
            let date = entry.date.as_ref().map(|d| format!(": {}", escape(d))).unwrap_or_default();
            let target = entry.link.as_ref().map(|l| format!(" {}", link(l))).unwrap_or_default();
            let _ = writeln!(out, "- {}{issuer}{date}{target}", escape(&entry.name));
        }
        out.push('\n');
    }
    if id == "language-tests" && !view.language_tests.is_empty() {
        let _ = writeln!(out, "## {}\n", label(view, "section-language-tests"));
        for entry in &view.language_tests {
            let issuer = entry.issuer.as_ref().map(|i| format!(" · {}", escape(i))).unwrap_or_default();
            let date = entry.date.as_ref().map(|d| format!(": {}", escape(d))).unwrap_or_default();
            let _ = writeln!(out, "- {} · {}{issuer}{date}", escape(&entry.test), escape(&entry.score));
        }
        out.push('\n');
    }
    if id == "awards" && !view.awards.is_empty() {
        let _ = writeln!(out, "## {}\n", label(view, "section-awards"));
        for entry in &view.awards {
            let issuer = entry.issuer.as_ref().map(|i| format!(" · {}", escape(i))).unwrap_or_default();
            let date = entry.date.as_ref().map(|d| format!(": {}", escape(d))).unwrap_or_default();
            let _ = writeln!(out, "- {}{issuer}{date}", escape(&entry.name));
            if let Some(summary) = &entry.summary {
                let _ = writeln!(out, "{INDENT}- {}", escape(summary));
            }
        }
        out.push('\n');
    }
    if id == "publications" && !view.publications.is_empty() {
        let _ = writeln!(out, "## {}\n", label(view, "section-publications"));
        for entry in &view.publications {
            let journal =
                entry.journal.as_ref().map(|j| format!(" · {}", escape_inline(j))).unwrap_or_default();
            let date = entry.date.as_ref().map(|d| format!(": {}", escape_inline(d))).unwrap_or_default();
            let target = entry.link.as_ref().map(|l| format!(" {}", link(l))).unwrap_or_default();
            let _ = writeln!(out, "- {}{journal}{date}{target}", escape(&entry.title));
            if !entry.authors.is_empty() {
                keyed(out, view, INDENT, "field-authors", &entry.authors.join(", "));
            }
            if let Some(doi) = &entry.doi {
                keyed(out, view, INDENT, "field-doi", doi);
            }
            if let Some(summary) = &entry.summary {
                let _ = writeln!(out, "{INDENT}- {}", escape(summary));
            }
        }
        out.push('\n');
    }
    if id == "open-source" && !view.open_source.is_empty() {
        let _ = writeln!(out, "## {}\n", label(view, "section-open-source"));
        for entry in &view.open_source {
            let period = entry.period.as_ref().map(|p| format!(": {}", escape(p))).unwrap_or_default();
            let _ = writeln!(out, "- {}{period}", escape(&entry.name));
            if let Some(description) = &entry.description {
                let _ = writeln!(out, "{INDENT}- {}", escape(description));
            }
            if let Some(l) = &entry.link {
                let _ = writeln!(out, "{INDENT}- {}", link(l));
            }
        }
        out.push('\n');
    }
    for section in view.sections.iter().filter(|s| id.strip_prefix("section:") == Some(s.id.as_str())) {
        let _ = writeln!(out, "## {} {FREE_SECTION}\n", escape(&section.title));
        for entry in &section.entries {
            let keywords = match entry.keywords.as_slice() {
                [] => String::new(),
                keywords => format!(" ({})", escape_inline(&keywords.join(", "))),
            };
            let detail =
                entry.detail.as_ref().map(|d| format!(" · {}", escape_inline(d))).unwrap_or_default();
            let date = entry.date.as_ref().map(|d| format!(": {}", escape_inline(d))).unwrap_or_default();
            let target = entry.link.as_ref().map(|l| format!(" {}", link(l))).unwrap_or_default();
            let _ = writeln!(out, "- {}{keywords}{detail}{date}{target}", escape(&entry.name));
            if let Some(summary) = &entry.summary {
                let _ = writeln!(out, "{INDENT}- {}", escape(summary));
            }
            bullets(out, &entry.details, 1);
        }
        bullets(out, &section.items, 0);
        out.push('\n');
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_cannot_open_tags_links_or_code() {
        assert_eq!(escape("<b>a & [x](y)</b> `c`"), "&lt;b>a &amp; &#91;x&#93;(y)&lt;/b> &#96;c&#96;");
        assert_eq!(escape("a --> b"), "a --> b");
        assert_eq!(escape("> quote\nnext"), "\\> quote next");
    }

    #[test]
    fn only_followable_targets_are_links() {
        assert_eq!(safe_target("https://x.y/a b(c)").as_deref(), Some("https://x.y/a%20b%28c%29"));
        assert_eq!(safe_target("MAILTO:a@b.c").as_deref(), Some("MAILTO:a@b.c"));
        assert_eq!(safe_target("tel:+8210").as_deref(), Some("tel:+8210"));
        for unsafe_target in ["javascript:alert(1)", "data:text/html,x", "file:///etc/passwd", "x.y"] {
            assert_eq!(safe_target(unsafe_target), None, "{unsafe_target}");
        }
    }
}
