//! `resume import markdown`: reads résumés kept as Markdown lists —
//! `## project` headings, `- Key: value` items with nested sub-lists,
//! Korean or English keys, `<url>` links, `Company: a/b(20191201~)` renames
//! — and writes a `resume.toml` that passes `resume check`.
//!
//! Known keys map onto the model; unknown ones are kept as the project's
//! `other` facts, never dropped; lines that cannot be read are reported
//! with their line number.

use std::fmt::Write;

/// A list item with its nested items.
#[derive(Debug, Clone, Default)]
struct Item {
    line: usize,
    text: String,
    children: Vec<Item>,
}

/// A project as read, before it is written out.
#[derive(Debug, Default)]
struct Project {
    name: String,
    items: Vec<Item>,
}

/// The result: TOML text, and what could not be read.
pub struct Imported {
    /// The new resume.toml.
    pub toml: String,
    /// `line N: why`, for lines that were skipped.
    pub skipped: Vec<String>,
}

fn quote(text: &str) -> String {
    toml::Value::String(text.to_string()).to_string()
}

/// Reads a Markdown résumé; prose is written as `{ <lang> = "…" }` so a
/// translation can be added beside it.
pub fn markdown(source: &str, lang: &str) -> Imported {
    let mut projects: Vec<Project> = Vec::new();
    let mut skipped = Vec::new();
    // The open items at each depth, for attaching children.
    let mut stack: Vec<(usize, Item)> = Vec::new();
    let flush = |stack: &mut Vec<(usize, Item)>, projects: &mut Vec<Project>| {
        while let Some((_, item)) = stack.pop() {
            match stack.last_mut() {
                Some((_, parent)) => parent.children.push(item),
                None => {
                    if let Some(project) = projects.last_mut() {
                        project.items.push(item);
                    }
                }
            }
        }
    };
    for (index, raw) in source.lines().enumerate() {
        let number = index + 1;
        let trimmed = raw.trim_end();
        if trimmed.trim().is_empty() {
            continue;
        }
        if let Some(name) = trimmed.strip_prefix("## ") {
            flush(&mut stack, &mut projects);
            projects.push(Project { name: name.trim().to_string(), items: vec![] });
            continue;
        }
        if trimmed.starts_with("# ") {
            continue;
        }
        let indent = trimmed.len() - trimmed.trim_start().len();
        let Some(text) = trimmed
            .trim_start()
            .strip_prefix("- ")
            .or(trimmed.trim_start().strip_prefix("-").filter(|t| t.is_empty()))
        else {
            skipped.push(format!("line {number}: not a `## heading` or a `- item`: {}", trimmed.trim()));
            continue;
        };
        if projects.is_empty() {
            skipped.push(format!("line {number}: an item before the first `## project` heading"));
            continue;
        }
        let depth = indent / 2;
        while stack.last().is_some_and(|(d, _)| *d >= depth) {
            let (_, item) = stack.pop().expect("checked");
            match stack.last_mut() {
                Some((_, parent)) => parent.children.push(item),
                None => projects.last_mut().expect("checked").items.push(item),
            }
        }
        stack.push((depth, Item { line: number, text: text.trim().to_string(), children: vec![] }));
    }
    flush(&mut stack, &mut projects);
    Imported { toml: write_toml(&projects, lang, &mut skipped), skipped }
}

/// `kakao i MLOps` → `kakao-i-mlops`; ASCII letters and digits only.
pub(crate) fn kebab(text: &str) -> String {
    let mut id = String::new();
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            id.push(c.to_ascii_lowercase());
        } else if !id.ends_with('-') && !id.is_empty() {
            id.push('-');
        }
    }
    id.trim_end_matches('-').to_string()
}

/// Splits `a, b(c,d), e` at the commas outside parentheses.
fn names(text: &str) -> Vec<String> {
    let (mut out, mut current, mut depth) = (Vec::new(), String::new(), 0);
    for c in text.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth -= 1,
            ',' if depth == 0 => {
                out.push(current.trim().to_string());
                current.clear();
                continue;
            }
            _ => {}
        }
        current.push(c);
    }
    out.push(current.trim().to_string());
    out.retain(|n| !n.is_empty());
    out
}

/// Takes the `<url>` out of a text: (text without it, url).
fn split_link(text: &str) -> (String, Option<String>) {
    if let (Some(start), Some(end)) = (text.find("<http"), text.rfind('>'))
        && start < end
    {
        let url = text[start + 1..end].to_string();
        let rest = format!("{}{}", &text[..start], &text[end + 1..]).trim().to_string();
        return (rest, Some(url));
    }
    (text.to_string(), None)
}

fn key_value(text: &str) -> (String, Option<String>) {
    match text.split_once(':') {
        Some((key, value)) if !key.contains("http") => {
            let value = value.trim();
            (key.trim().to_string(), (!value.is_empty()).then(|| value.to_string()))
        }
        _ => (text.trim().to_string(), None),
    }
}

fn field(key: &str) -> &'static str {
    match key.to_lowercase().as_str() {
        "company" | "회사" | "소속" => "company",
        "participation period" | "period" | "기간" | "참여 기간" => "period",
        "description" | "설명" | "개요" => "description",
        "programming language" | "programming languages" | "language" | "languages" | "언어" => "languages",
        "os" => "os",
        "db" | "database" | "databases" => "databases",
        "platform" | "플랫폼" => "platform",
        "ci/cd" => "ci_cd",
        "monitoring" | "모니터링" => "monitoring",
        "서비스 구성" | "architecture" => "architecture",
        "achievement" | "achievements" | "성과" => "achievements",
        "contribute/responsibilities" | "responsibilities" | "주요 업무" | "담당 업무" => {
            "responsibilities"
        }
        "troubleshooting" | "트러블슈팅" => "troubleshooting",
        _ => "",
    }
}

fn text(value: &str, lang: &str) -> String {
    format!("{{ {lang} = {} }}", quote(value))
}

fn detail(item: &Item, lang: &str) -> String {
    let (label, value) = key_value(&item.text);
    match value {
        Some(value) => format!("{{ label = {}, value = {} }}", quote(&label), text(&value, lang)),
        None => format!("{{ value = {} }}", text(&label, lang)),
    }
}

fn bullet(item: &Item, lang: &str) -> String {
    let (body, mut link) = split_link(&item.text);
    let mut children = Vec::new();
    for child in &item.children {
        let (child_body, child_link) = split_link(&child.text);
        if child_body.is_empty() && child.children.is_empty() && link.is_none() {
            link = child_link;
        } else {
            children.push(bullet(child, lang));
        }
    }
    let mut parts = Vec::new();
    if !body.is_empty() {
        parts.push(format!("text = {}", text(&body, lang)));
    }
    if let Some(url) = link {
        parts.push(format!("link = {}", quote(&url)));
    }
    if !children.is_empty() {
        parts.push(format!("items = [{}]", children.join(", ")));
    }
    if parts.len() == 1 && !body.is_empty() {
        return text(&body, lang);
    }
    format!("{{ {} }}", parts.join(", "))
}

fn write_toml(projects: &[Project], lang: &str, skipped: &mut Vec<String>) -> String {
    let mut out =
        String::from("# Imported from Markdown; run `resume check` and add the other languages.\n\n");
    let _ = writeln!(out, "[person]\nname = \"\"  # your name\n");
    // Companies, from `a/b(YYYYMMDD~)` or a plain name.
    // (id, name, former name and the month of the rename)
    type Company = (String, String, Option<(String, String)>);
    let mut companies: Vec<Company> = Vec::new();
    let mut company_of = Vec::new();
    for project in projects {
        let raw = project.items.iter().find_map(|i| {
            let (key, value) = key_value(&i.text);
            (field(&key) == "company").then_some(value).flatten()
        });
        let Some(raw) = raw else {
            company_of.push(String::new());
            continue;
        };
        let (name, former) = match raw.split_once('/') {
            Some((former, rest)) => {
                let (current, since) = rest.split_once('(').unwrap_or((rest, ""));
                let digits: String = since.chars().filter(char::is_ascii_digit).collect();
                let until = (digits.len() >= 6).then(|| format!("{}-{}", &digits[..4], &digits[4..6]));
                (current.trim().to_string(), until.map(|u| (former.trim().to_string(), u)))
            }
            None => (raw.trim().to_string(), None),
        };
        let id = kebab(&name);
        match companies.iter_mut().find(|(i, _, _)| *i == id) {
            Some(entry) => {
                if entry.2.is_none() {
                    entry.2 = former;
                }
            }
            None => companies.push((id.clone(), name, former)),
        }
        company_of.push(id);
    }
    for (id, name, former) in &companies {
        let _ = writeln!(out, "[[company]]\nid = {}\nname = {}", quote(id), quote(name));
        if let Some((former, until)) = former {
            let _ = writeln!(out, "formerly = {{ name = {}, until = {} }}", quote(former), quote(until));
        }
        out.push('\n');
    }
    let mut ids = Vec::new();
    for (n, project) in projects.iter().enumerate() {
        let mut id = kebab(&project.name);
        if id.len() < 3 || ids.contains(&id) {
            id = format!("project-{}", n + 1);
        }
        ids.push(id.clone());
        let _ = writeln!(out, "[[project]]\nid = {}\nname = {}", quote(&id), text(&project.name, lang));
        let _ = writeln!(out, "company = {}", quote(&company_of[n]));
        let mut troubles = Vec::new();
        let mut other = Vec::new();
        for item in &project.items {
            let (key, value) = key_value(&item.text);
            match field(&key) {
                "company" => {}
                "period" => match value.as_deref().map(str::parse::<crate::model::Period>) {
                    Some(Ok(period)) => {
                        let _ = writeln!(out, "period = {}", quote(&period.to_string()));
                    }
                    _ => skipped.push(format!("line {}: no readable period in `{}`", item.line, item.text)),
                },
                "description" => {
                    if let Some(value) = value {
                        let _ = writeln!(out, "description = {}", text(&value, lang));
                    }
                }
                key @ ("languages" | "os" | "databases" | "platform" | "ci_cd" | "monitoring"
                | "architecture") => {
                    let details: Vec<String> = item.children.iter().map(|c| detail(c, lang)).collect();
                    let value = value.map(|v| match key {
                        "ci_cd" | "architecture" => text(&v, lang),
                        _ => {
                            format!("[{}]", names(&v).iter().map(|n| quote(n)).collect::<Vec<_>>().join(", "))
                        }
                    });
                    match (value, details.is_empty()) {
                        (None, true) => {}
                        (Some(value), true) => {
                            let _ = writeln!(out, "{key} = {value}");
                        }
                        (value, false) => {
                            let value = value.map(|v| format!("value = {v}, ")).unwrap_or_default();
                            let _ = writeln!(
                                out,
                                "{key} = {{ {value}details = [\n  {},\n] }}",
                                details.join(",\n  ")
                            );
                        }
                    }
                }
                key @ ("achievements" | "responsibilities") => {
                    let bullets: Vec<String> = item.children.iter().map(|c| bullet(c, lang)).collect();
                    let _ = writeln!(out, "{key} = [\n  {},\n]", bullets.join(",\n  "));
                }
                "troubleshooting" => troubles.extend(item.children.iter()),
                _ => other.push(item),
            }
        }
        if !other.is_empty() {
            let details: Vec<String> = other.iter().map(|i| detail(i, lang)).collect();
            let _ = writeln!(out, "other = [\n  {},\n]", details.join(",\n  "));
        }
        for trouble in troubles {
            let (problem, mut link) = split_link(&trouble.text);
            let mut resolution = Vec::new();
            for child in &trouble.children {
                let (body, child_link) = split_link(&child.text);
                if !body.is_empty() {
                    resolution.push(body);
                }
                link = link.or(child_link);
            }
            let _ = writeln!(out, "\n[[project.troubleshooting]]\nproblem = {}", text(&problem, lang));
            if !resolution.is_empty() {
                let _ = writeln!(out, "resolution = {}", text(&resolution.join(" "), lang));
            }
            if let Some(url) = link {
                let _ = writeln!(out, "link = {}", quote(&url));
            }
        }
        out.push('\n');
    }
    out
}
