//! The résumé by employer: employments from project stretches, a rename
//! shown once, successive titles under one company, and project
//! highlights, read back from the PDF of `international` and from the
//! exported view.

mod common;

use common::{Pdf, Scratch, resume, resume_ok, squash};

const FIXTURE: &str = "tests/fixtures/roles.toml";

fn view(dir: &Scratch, lang: &str) -> serde_json::Value {
    let fixture = common::root().join(FIXTURE);
    let out =
        resume(&dir.0, &["export", "--format", "json", "--lang", lang, "--input", fixture.to_str().unwrap()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn employments_group_projects_with_the_titles_held_then() {
    let dir = Scratch::new("employments");
    let view = view(&dir, "en");
    let employments = view["employments"].as_array().unwrap();
    let summary: Vec<(String, Vec<String>, Vec<String>)> = employments
        .iter()
        .map(|e| {
            let strings = |key: &str, field: Option<&str>| {
                e[key]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|v| match field {
                        Some(f) => v[f].as_str().unwrap().to_string(),
                        None => v.as_str().unwrap().to_string(),
                    })
                    .collect::<Vec<_>>()
            };
            (
                e["company"].as_str().unwrap().to_string(),
                strings("roles", Some("title")),
                strings("projects", None),
            )
        })
        .collect();
    assert_eq!(
        summary,
        [
            (
                "Lumen Labs (formerly Lumen)".to_string(),
                vec!["Tech lead".to_string(), "Senior engineer".to_string()],
                vec!["platform".to_string(), "search".to_string()]
            ),
            ("Orbit".to_string(), vec!["Software engineer".to_string()], vec!["billing".to_string()]),
        ]
    );
    assert_eq!(employments[0]["roles"][0]["period"], "Jan 2021 – Present");
    assert_eq!(employments[0]["roles"][1]["department"], "Search team");
    // Highlights: achievements, responsibilities, then the story tagged
    // `highlight` only, with its fix (no writer can drop it).
    let platform = &view["projects"][0];
    let highlights: Vec<&str> =
        platform["highlights"].as_array().unwrap().iter().map(|h| h["text"].as_str().unwrap()).collect();
    assert_eq!(
        highlights,
        [
            "Cut deployment time from 40 to 6 minutes.",
            "Designed the deployment pipeline.",
            "Connections dropped during rolling deploys. Fixed by adding a pre-stop delay."
        ]
    );
    assert_eq!(platform["tech"], serde_json::json!(["golang", "kubernetes"]));
}

#[test]
fn a_selection_narrows_the_projects_never_the_employment() {
    let dir = Scratch::new("employments-narrow");
    let fixture = common::root().join(FIXTURE);
    let out = resume(
        &dir.0,
        &[
            "export",
            "--format",
            "json",
            "--lang",
            "en",
            "--only",
            "2021-",
            "--input",
            fixture.to_str().unwrap(),
        ],
    );
    let view: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let employments = view["employments"].as_array().unwrap();
    // Only the employment with a kept project shows, but as the whole
    // history has it: its dates, its rename and every title held.
    assert_eq!(employments.len(), 1);
    assert_eq!(employments[0]["company"], "Lumen Labs (formerly Lumen)");
    assert_eq!(employments[0]["period"], "Feb 2018 – Present");
    let titles: Vec<&str> =
        employments[0]["roles"].as_array().unwrap().iter().map(|r| r["title"].as_str().unwrap()).collect();
    assert_eq!(titles, ["Tech lead", "Senior engineer"]);
    assert_eq!(employments[0]["projects"], serde_json::json!(["platform"]));
}

#[test]
fn international_prints_each_employer_once_with_its_titles_in_both_languages() {
    let dir = Scratch::new("international-roles");
    let fixture = common::root().join(FIXTURE);
    for (lang, company, titles, tech) in [
        ("en", "LumenLabs(formerlyLumen)", ["Techlead", "Seniorengineer"], "Tech:golang,kubernetes"),
        ("ko", "Lumen→LumenLabs", ["테크리드", "선임엔지니어"], "기술:golang,kubernetes"),
    ] {
        let out = format!("{lang}.pdf");
        resume_ok(
            &dir.0,
            &[
                "pdf",
                "--layout",
                "international",
                "--lang",
                lang,
                "--input",
                fixture.to_str().unwrap(),
                "-o",
                &out,
            ],
        );
        let text = squash(&Pdf::open(&dir.path(&out)).text());
        assert_eq!(text.matches(company).count(), 1, "{lang}: {text}");
        let at = |needle: &str| text.find(needle).unwrap_or_else(|| panic!("{lang}: no {needle} in {text}"));
        assert!(
            at(company) < at(titles[0]) && at(titles[0]) < at(titles[1]),
            "{lang}: newest title first: {text}"
        );
        assert!(at(titles[1]) < at("Orbit"), "{lang}: {text}");
        assert!(text.contains(tech), "{lang}: {text}");
        // The untagged story stays out; the tagged one is a highlight.
        assert!(!text.contains("Logs") && !text.contains("로그누락"), "{lang}: {text}");
    }
}

#[test]
fn the_roles_model_is_checked_like_every_other_field() {
    let dir = Scratch::new("roles-check");
    let fixture = common::root().join(FIXTURE);
    resume_ok(&dir.0, &["check", "--strict", "--input", fixture.to_str().unwrap()]);
    dir.write(
        "resume.toml",
        "[person]\nname = 'Kim'\n[[company]]\nid = 'a'\nname = 'A'\n[[company.role]]\ntitel = 'x'\n",
    );
    let err = common::resume_err(&dir.0, &["check"]);
    assert!(err.contains("titel") && err.contains("title") && err.contains("resume.toml:7"), "{err}");
}

/// JSON Resume has one position per work entry: a promotion exports as two
/// entries of one company, and imports back as two titles of it.
#[test]
fn titles_go_to_json_resume_one_entry_each_and_come_back() {
    let dir = Scratch::new("roles-jsonresume");
    let fixture = common::root().join(FIXTURE);
    let out = resume(
        &dir.0,
        &["export", "--format", "jsonresume", "--lang", "en", "--input", fixture.to_str().unwrap()],
    );
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let document: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let work: Vec<(String, String, String, Option<String>)> = document["work"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| {
            let s = |k: &str| w[k].as_str().map(str::to_string);
            (s("name").unwrap(), s("position").unwrap(), s("startDate").unwrap(), s("endDate"))
        })
        .collect();
    let entry = |name: &str, position: &str, start: &str, end: Option<&str>| {
        (name.to_string(), position.to_string(), start.to_string(), end.map(str::to_string))
    };
    assert_eq!(
        work,
        [
            entry("Lumen Labs", "Tech lead", "2021-01", None),
            entry("Lumen Labs", "Senior engineer", "2018-02", Some("2020-12")),
            entry("Orbit", "Software engineer", "2015-03", Some("2018-01")),
        ]
    );
    std::fs::write(dir.path("resume.json"), &out.stdout).unwrap();
    let out = resume(&dir.0, &["import", "jsonresume", "resume.json", "--lang", "en"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let toml = String::from_utf8(out.stdout).unwrap();
    dir.write("back.toml", &toml);
    let out = resume(&dir.0, &["export", "--format", "json", "--lang", "en", "--input", "back.toml"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let back: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let titles: Vec<(&str, &str)> = back["employments"][0]["roles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| (r["title"].as_str().unwrap(), r["period"].as_str().unwrap()))
        .collect();
    assert_eq!(
        titles,
        [("Tech lead", "Jan 2021 – Present"), ("Senior engineer", "Feb 2018 – Dec 2020")],
        "{toml}"
    );
}

/// The Markdown export lists each title with its period under its
/// stretch, and the import reads them back as titles of one company.
#[test]
fn titles_survive_the_markdown_round_trip_in_both_languages() {
    let dir = Scratch::new("roles-markdown");
    let fixture = common::root().join(FIXTURE);
    for lang in ["ko", "en"] {
        let first = resume(
            &dir.0,
            &["export", "--format", "markdown", "--lang", lang, "--input", fixture.to_str().unwrap()],
        );
        assert!(first.status.success(), "{}", String::from_utf8_lossy(&first.stderr));
        let markdown = String::from_utf8(first.stdout).unwrap();
        assert!(
            markdown.contains(if lang == "en" {
                "Tech lead (Jan 2021 – Present)"
            } else {
                "테크 리드 (2021.01 ~ 현재)"
            }),
            "{markdown}"
        );
        dir.write("export.md", &markdown);
        let imported = resume(&dir.0, &["import", "markdown", "export.md", "--lang", lang]);
        assert!(imported.status.success(), "{}", String::from_utf8_lossy(&imported.stderr));
        dir.write("back.toml", &String::from_utf8(imported.stdout).unwrap());
        let again =
            resume(&dir.0, &["export", "--format", "markdown", "--lang", lang, "--input", "back.toml"]);
        assert!(again.status.success(), "{}", String::from_utf8_lossy(&again.stderr));
        assert_eq!(String::from_utf8(again.stdout).unwrap(), markdown, "{lang}");
    }
}

/// By employer, every project's line reads the same way: its name and
/// dates, then its description (never an achievement for one project and
/// a duty for the next), its highlights beneath. In the PDF as in the
/// view every writer prints.
#[test]
fn every_project_line_by_employer_leads_with_its_description() {
    let dir = Scratch::new("international-lead");
    for lang in ["en", "ko"] {
        let out = common::resume(
            &dir.0,
            &["export", "--format", "json", "--lang", lang, "--layout", "international"],
        );
        let view: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let text = String::from_utf8(
            common::resume(
                &dir.0,
                &["export", "--format", "text", "--lang", lang, "--layout", "international"],
            )
            .stdout,
        )
        .unwrap();
        resume_ok(
            &dir.0,
            &["pdf", "--lang", lang, "--layout", "international", "-o", &format!("{lang}.pdf")],
        );
        let pdf = common::squash(&common::Pdf::open(&dir.path(&format!("{lang}.pdf"))).text());
        let mut with_description = 0;
        for project in view["projects"].as_array().unwrap() {
            let name = project["name"].as_str().unwrap();
            let line = text.lines().find(|l| l.contains(name)).unwrap_or_else(|| panic!("{name} in\n{text}"));
            match project["description"].as_str() {
                Some(description) => {
                    with_description += 1;
                    assert_eq!(project["lead"].as_str(), Some(description), "{lang}: {name}");
                    assert!(line.ends_with(&format!(" — {description}")), "{lang}: {line}");
                    let printed = common::squash(&format!(
                        "{name}{}—{description}",
                        project["period"].as_str().unwrap()
                    ));
                    assert!(
                        pdf.contains(&printed) || pdf.contains(&common::squash(description)),
                        "{lang}: {name}"
                    );
                }
                None => {
                    assert!(project["lead"].is_null(), "{lang}: {name}");
                    assert!(
                        !line.contains(" — "),
                        "{lang}: a project without a description leads with nothing: {line}"
                    );
                }
            }
        }
        assert!(with_description >= 2, "{lang}");
    }
}
