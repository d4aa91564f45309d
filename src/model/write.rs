//! Writes a résumé back as TOML, laid out the way a person would write it:
//! a `[[project]]` block per entry, one `key = value` line per field,
//! texts and bullets inline, and long lists one item per line. Importers
//! build a [`Resume`] and print it with this, so what they write always
//! reads back into the same model.
//!
//! Empty values are left out at every depth (an empty list, a fact with
//! nothing in it, a bullet with neither text nor link): the model reads an
//! absent key as empty, while some empty forms (`{}` for a bullet) would
//! not read back at all.

use std::fmt::Write;

use super::Resume;

/// Top-level keys written as `[[key]]` blocks, in this order.
const BLOCKS: &[&str] = &[
    "company",
    "project",
    "education",
    "certification",
    "open_source",
    "language_test",
    "award",
    "publication",
    "section",
];

/// Keys inside a block that become blocks of their own (`[[project.troubleshooting]]`).
const NESTED_BLOCKS: &[&str] = &["troubleshooting"];

/// An inline value longer than this is broken into one item per line.
const LINE_WIDTH: usize = 100;

/// The résumé as TOML text, after `header` (comment lines, each ending in a newline).
pub fn to_toml(resume: &Resume, header: &str) -> String {
    let mut value = toml::Value::try_from(resume).expect("the model serializes to TOML");
    let toml::Value::Table(top) = &mut value else { unreachable!("a résumé is a table") };
    for (key, value) in top.iter_mut() {
        match value {
            // A profile with every field at its default still exists.
            toml::Value::Table(profiles) if key == "profile" => {
                profiles.iter_mut().for_each(|(_, profile)| prune(profile))
            }
            _ => prune(value),
        }
    }
    let toml::Value::Table(top) = value else { unreachable!("a résumé is a table") };
    let mut out = header.to_string();
    let loose: Vec<_> = top
        .iter()
        .filter(|(key, _)| *key != "person" && *key != "profile" && !BLOCKS.contains(&key.as_str()))
        .collect();
    if !loose.is_empty() && !out.is_empty() {
        out.push('\n');
    }
    for (key, value) in loose {
        line(&mut out, key, value);
    }
    if let Some(toml::Value::Table(person)) = top.get("person") {
        block(&mut out, "[person]", "person", person);
    }
    for key in BLOCKS {
        if let Some(toml::Value::Array(items)) = top.get(*key) {
            for item in items.iter().filter_map(toml::Value::as_table) {
                block(&mut out, &format!("[[{key}]]"), key, item);
            }
        }
    }
    if let Some(toml::Value::Table(profiles)) = top.get("profile") {
        for (name, profile) in profiles {
            if let Some(profile) = profile.as_table() {
                block(&mut out, &format!("[profile.{}]", bare_key(name)), "profile", profile);
            }
        }
    }
    out
}

/// Whether a value says nothing: an empty list or table.
fn is_empty(value: &toml::Value) -> bool {
    match value {
        toml::Value::Array(items) => items.is_empty(),
        toml::Value::Table(table) => table.is_empty(),
        _ => false,
    }
}

/// Drops empty lists and tables from tables, and empty tables from lists,
/// innermost first, so that a table left empty by its own pruning goes
/// too. Lists of names keep their (string) items as they are.
fn prune(value: &mut toml::Value) {
    match value {
        toml::Value::Table(table) => {
            table.iter_mut().for_each(|(_, v)| prune(v));
            table.retain(|_, v| !is_empty(v));
        }
        toml::Value::Array(items) => {
            items.iter_mut().for_each(prune);
            items.retain(|v| !matches!(v, toml::Value::Table(t) if t.is_empty()));
        }
        _ => {}
    }
}

fn block(out: &mut String, header: &str, path: &str, table: &toml::Table) {
    if !out.is_empty() && !out.ends_with("\n\n") {
        out.push('\n');
    }
    let _ = writeln!(out, "{header}");
    let mut nested = Vec::new();
    for (key, value) in table {
        match value {
            toml::Value::Array(items) if NESTED_BLOCKS.contains(&key.as_str()) => nested.push((key, items)),
            _ => line(out, key, value),
        }
    }
    for (key, items) in nested {
        for item in items.iter().filter_map(toml::Value::as_table) {
            block(out, &format!("[[{path}.{key}]]"), &format!("{path}.{key}"), item);
        }
    }
}

fn line(out: &mut String, key: &str, value: &toml::Value) {
    if is_empty(value) {
        return;
    }
    let _ = writeln!(out, "{} = {}", bare_key(key), inline(value));
}

fn inline(value: &toml::Value) -> String {
    let flat = value.to_string();
    match value {
        toml::Value::Array(items) if flat.len() > LINE_WIDTH && !items.is_empty() => {
            let mut out = String::from("[\n");
            for item in items {
                let _ = writeln!(out, "  {},", item);
            }
            out.push(']');
            out
        }
        _ => flat,
    }
}

/// Keys are bare when TOML allows it, quoted otherwise.
fn bare_key(key: &str) -> String {
    if !key.is_empty() && key.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_') {
        key.to_string()
    } else {
        toml::Value::String(key.to_string()).to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_example_reads_back_unchanged() {
        let resume: Resume = toml::from_str(crate::source::EXAMPLE).unwrap();
        let written = to_toml(&resume, "# test\n");
        let again: Resume = toml::from_str(&written).unwrap_or_else(|err| panic!("{err}\n{written}"));
        assert_eq!(
            serde_json::to_value(&resume).unwrap(),
            serde_json::to_value(&again).unwrap(),
            "{written}"
        );
        assert!(written.contains("\n[[project.troubleshooting]]\n"), "{written}");
        assert!(written.starts_with("# test\n\nresume = { skill_aliases = "), "{written}");
        assert!(written.contains("\n[person]\nname = \"yoonbh2714\"\n"), "{written}");
    }

    #[test]
    fn empty_lists_texts_and_bullets_still_read_back() {
        use crate::model::{Bullet, Fact, FactValue, Text};
        let mut resume: Resume = toml::from_str(
            "[person]\nname = ''\n[[project]]\nid = 'a'\nname = ''\ncompany = ''\nperiod = '2020-01..'\n",
        )
        .unwrap();
        let project = &mut resume.projects[0];
        project.achievements =
            vec![Bullet::default(), Bullet { items: vec![Bullet::default()], ..Bullet::default() }];
        project.responsibilities =
            vec![Bullet { text: Some(Text::Plain(String::new())), ..Bullet::default() }];
        project.languages = Some(Fact { value: Some(FactValue::Names(vec![])), details: vec![] });
        project.os = Some(Fact::default());
        let written = to_toml(&resume, "");
        let again: Resume = toml::from_str(&written).unwrap_or_else(|err| panic!("{err}\n{written}"));
        let project = &again.projects[0];
        assert!(project.achievements.is_empty(), "{written}");
        assert_eq!(project.responsibilities.len(), 1, "{written}");
        assert!(project.languages.is_none() && project.os.is_none(), "{written}");
        assert!(written.contains("name = \"\""), "{written}");
    }
}
