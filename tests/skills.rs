//! The skills summary: names of one skill counted as one (`c/c++` with
//! `c++`, and the résumé's own aliases), and rows that wrap without
//! leaving one item alone on their last line.

mod common;

use std::process::Command;

use common::{Scratch, resume_ok};

/// A résumé of two projects whose stacks name one skill two ways.
const ALIASED: &str = r#"
[resume]
skill_aliases = { "oci" = "Oracle Cloud" }

[person]
name = "Mina Park"

[[company]]
id = "acme"
name = "Acme"

[[project]]
id = "engine"
name = "Engine"
company = "acme"
period = "2015-01..2019-12"
languages = ["c++", "python"]
platform = ["Oracle Cloud"]

[[project]]
id = "tools"
name = "Tools"
company = "acme"
period = "2020-01..2022-12"
languages = ["c/c++", "golang", "go"]
platform = ["oci", "k8s", "kubernetes"]
"#;

/// A skill group: its label, and each skill's name and duration.
type Group = (String, Vec<(String, Option<String>)>);

fn skills(dir: &Scratch, lang: &str) -> Vec<Group> {
    let out = common::resume(&dir.0, &["export", "--format", "json", "--lang", lang]);
    let view: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    view["skills"]
        .as_array()
        .unwrap()
        .iter()
        .map(|group| {
            let items = group["items"]
                .as_array()
                .unwrap()
                .iter()
                .map(|s| {
                    (s["name"].as_str().unwrap().to_string(), s["duration"].as_str().map(str::to_string))
                })
                .collect();
            (group["label"].as_str().unwrap().to_string(), items)
        })
        .collect()
}

#[test]
fn names_of_one_skill_count_as_one_under_the_name_they_map_to() {
    let dir = Scratch::new("skill-aliases");
    dir.write("resume.toml", ALIASED);
    let groups = skills(&dir, "en");
    let names = |n: usize| groups[n].1.iter().map(|(name, _)| name.as_str()).collect::<Vec<_>>();
    // c++ (2015–2019) and c/c++ (2020–2022): one skill of eight years,
    // spelled as the résumé spells the name it maps to.
    assert_eq!(names(0), ["c++", "python", "go"], "{groups:?}");
    assert_eq!(groups[0].1[0].1.as_deref(), Some("8 yrs"), "{groups:?}");
    // The résumé's own alias, and a built-in one.
    assert_eq!(names(1), ["Oracle Cloud", "kubernetes"], "{groups:?}");
    // Every writer prints the one list (a project's own stack keeps the
    // names it was written with).
    let text =
        String::from_utf8(common::resume(&dir.0, &["export", "--format", "text", "--lang", "en"]).stdout)
            .unwrap();
    let summary = text.split("\nSkills\n").nth(1).expect("a skills section");
    assert!(summary.contains("c++ (8 yrs)"), "{summary}");
    assert!(!summary.contains("c/c++") && !summary.contains("oci") && !summary.contains("k8s"), "{summary}");
}

/// Words poppler read on a page, with their top.
fn words(pdf: &std::path::Path) -> Vec<(String, f64)> {
    let out = Command::new("pdftotext").arg("-bbox").arg(pdf).arg("-").output().expect("pdftotext runs");
    let html = String::from_utf8_lossy(&out.stdout).into_owned();
    html.split("<word ")
        .skip(1)
        .map(|word| {
            let text = word.split_once('>').unwrap().1.split("</word>").next().unwrap().to_string();
            let at = word.find("yMin=\"").unwrap() + 6;
            (text, word[at..].split('"').next().unwrap().parse().unwrap())
        })
        .collect()
}

/// A skills row that wraps never leaves one item alone on its last
/// line: for every count of items from 5 to 16, the last line holds at
/// least two, or the row is one line.
#[test]
fn a_wrapped_skills_row_never_ends_with_one_item_alone() {
    if Command::new("pdftotext").arg("-v").output().is_err() {
        eprintln!("SKIPPED: pdftotext (poppler-utils) is not installed; `.ci/run` installs it");
        return;
    }
    let dir = Scratch::new("skill-runts");
    let mut wrapped = 0;
    for first in [5, 8, 11, 14] {
        // Three rows of `first`, `first + 1` and `first + 2` items.
        let names = |prefix: &str, count: usize| {
            (0..count)
                .map(|n| format!("\"{prefix}{}\"", (b'a' + n as u8) as char))
                .collect::<Vec<_>>()
                .join(", ")
        };
        let toml = format!(
            "[person]\nname = \"Mina Park\"\n\n[[company]]\nid = \"acme\"\nname = \"Acme\"\n\n[[project]]\nid = \"p\"\nname = \"P\"\ncompany = \"acme\"\nperiod = \"2015-01..2019-12\"\nlanguages = [{}]\ndatabases = [{}]\nplatform = [{}]\n",
            names("langskill", first),
            names("dataskill", first + 1),
            names("platskill", first + 2)
        );
        dir.write("resume.toml", &toml);
        let out = format!("runts-{first}.pdf");
        resume_ok(&dir.0, &["pdf", "--lang", "en", "-o", &out]);
        for prefix in ["langskill", "dataskill", "platskill"] {
            let mut lines: Vec<(f64, usize)> = Vec::new();
            for (_, top) in words(&dir.path(&out)).into_iter().filter(|(w, _)| w.starts_with(prefix)) {
                match lines.iter_mut().find(|(y, _)| (y - top).abs() < 2.0) {
                    Some((_, n)) => *n += 1,
                    None => lines.push((top, 1)),
                }
            }
            lines.sort_by(|a, b| a.0.total_cmp(&b.0));
            assert!(!lines.is_empty(), "{prefix} in {out}");
            if lines.len() > 1 {
                wrapped += 1;
                assert!(lines.last().unwrap().1 >= 2, "{out}: {prefix} ends with one item alone: {lines:?}");
            }
        }
    }
    assert!(wrapped >= 4, "rows that wrap: {wrapped}");
}
