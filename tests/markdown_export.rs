//! The Markdown export as another Markdown reads it: Python-Markdown (what
//! MkDocs renders with) nests every list the export nests, prints every
//! marker in the résumé's text as written, and a free section named like
//! a section the export computes survives an import.
//!
//! Python-Markdown is installed by `.ci/run`; without it the tests that
//! render say so and skip.

mod common;

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

use common::{Scratch, resume};

/// The export of `input` (the built-in example when `None`) in `lang`.
fn export(dir: &Path, input: Option<&Path>, lang: &str) -> String {
    let mut args = vec!["export", "--format", "markdown", "--lang", lang];
    if let Some(input) = input {
        args.extend(["--input", input.to_str().unwrap()]);
    }
    let out = resume(dir, &args);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

/// Python-Markdown's HTML for `markdown`, or `None` when it is missing.
fn python_markdown(markdown: &str) -> Option<String> {
    let script = "import sys, markdown\nsys.stdout.write(markdown.markdown(sys.stdin.read()))";
    let mut child = Command::new("python3")
        .args(["-c", script])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .ok()?;
    child.stdin.take().unwrap().write_all(markdown.as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    if !out.status.success() {
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains("No module named"), "Python-Markdown failed: {stderr}");
        eprintln!("SKIPPED: Python-Markdown is not installed (pip's `markdown`); `.ci/run` installs it");
        return None;
    }
    Some(String::from_utf8(out.stdout).unwrap())
}

/// The lists a Markdown text holds, counted from its indentation: a list
/// opens at an item after anything but an item, and under an item whose
/// marker stands left of the new one.
fn lists_in(markdown: &str) -> usize {
    let mut open: Vec<usize> = Vec::new();
    let mut lists = 0;
    for line in markdown.lines() {
        let trimmed = line.trim_start();
        if !trimmed.starts_with("- ") {
            if !line.trim().is_empty() {
                open.clear();
            }
            continue;
        }
        let column = line.len() - trimmed.len();
        while open.last().is_some_and(|c| *c > column) {
            open.pop();
        }
        if open.last() != Some(&column) {
            open.push(column);
            lists += 1;
        }
    }
    lists
}

#[test]
fn python_markdown_nests_every_list_the_export_nests() {
    let dir = Scratch::new("md-nesting");
    let fixture = common::root().join("tests/fixtures/roundtrip/resume.toml");
    for (input, lang) in [(None, "ko"), (None, "en"), (Some(fixture.as_path()), "en")] {
        let markdown = export(&dir.0, input, lang);
        let Some(html) = python_markdown(&markdown) else { return };
        let expected = lists_in(&markdown);
        assert!(expected > 20, "{expected} lists");
        assert!(markdown.contains("\n    - "), "nested items are indented by four spaces");
        assert_eq!(html.matches("<ul>").count(), expected, "{lang}: lists flattened:\n{html}");
    }
}

const MARKERS: &str = r#"[person]
name = "Aino Virtanen"

[[education]]
id = "tampere"
school = "*Tampere University*"
degree = "M.Sc. in snake_case __naming__ and ~strike~"

[[section]]
id = "tools"
title = "Skills"
items = ["Rust, Go", "**PostgreSQL** 5 * 3"]
"#;

/// HTML's character references decoded, as a browser shows the text.
fn html_text(html: &str) -> String {
    let mut out = String::new();
    let mut rest = html;
    while let Some(start) = rest.find('&') {
        out.push_str(&rest[..start]);
        let tail = &rest[start + 1..];
        let end = tail.find(';').unwrap_or(0);
        let decoded = match &tail[..end] {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            name => name.strip_prefix('#').and_then(|n| n.parse().ok()).and_then(char::from_u32),
        };
        match decoded {
            Some(c) => {
                out.push(c);
                rest = &tail[end + 1..];
            }
            None => {
                out.push('&');
                rest = tail;
            }
        }
    }
    out.push_str(rest);
    out
}

#[test]
fn every_marker_in_the_text_prints_as_written() {
    let dir = Scratch::new("md-markers");
    let toml = dir.write("resume.toml", MARKERS);
    let markdown = export(&dir.0, Some(&toml), "en");
    let Some(html) = python_markdown(&markdown) else { return };
    for tag in ["<em>", "<strong>", "<del>", "<code>"] {
        assert!(!html.contains(tag), "`{tag}` made from the text:\n{markdown}\n{html}");
    }
    // As a browser shows it: entities decoded.
    let shown = html_text(&html);
    for written in ["*Tampere University*", "snake_case __naming__ and ~strike~", "**PostgreSQL** 5 * 3"] {
        assert!(shown.contains(written), "`{written}` not as written:\n{shown}");
    }
}

#[test]
fn a_free_section_named_like_a_computed_one_comes_back() {
    let dir = Scratch::new("md-free");
    let toml = dir.write("resume.toml", MARKERS);
    let markdown = export(&dir.0, Some(&toml), "en");
    let md = dir.write("export.md", &markdown);
    let out = resume(&dir.0, &["import", "markdown", md.to_str().unwrap(), "--lang", "en"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(!stderr.contains("left out"), "{stderr}");
    let imported = resume::model::load(&resume::model::Source {
        path: "resume.toml".into(),
        dir: None,
        text: String::from_utf8(out.stdout).unwrap(),
    })
    .unwrap();
    let section = imported.sections.iter().find(|s| s.title.any() == "Skills").expect("the free section");
    let items: Vec<&str> = section.items.iter().filter_map(|b| b.text.as_ref().map(|t| t.any())).collect();
    assert_eq!(items, ["Rust, Go", "**PostgreSQL** 5 * 3"]);
    assert_eq!(imported.education[0].school.any(), "*Tampere University*");
}
