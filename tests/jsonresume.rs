//! `resume export --format jsonresume` and `resume import jsonresume`: the
//! example exported in both languages, read back into a résumé that passes
//! `check` and exports the same document again, and a job-centred JSON
//! Resume from elsewhere imported with everything it cannot place reported.

mod common;

use common::{Scratch, resume, resume_err, resume_ok};
use serde_json::Value;

fn export(dir: &Scratch, args: &[&str]) -> (Value, String) {
    let mut all = vec!["export", "--format", "jsonresume", "--today", "2026-11"];
    all.extend(args);
    let out = resume(&dir.0, &all);
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(out.status.success(), "{stderr}");
    (serde_json::from_slice(&out.stdout).expect("the export is JSON"), stderr)
}

fn strings(value: &Value) -> Vec<&str> {
    value.as_array().map(|a| a.iter().filter_map(Value::as_str).collect()).unwrap_or_default()
}

#[test]
fn the_example_exports_with_dates_companies_and_tags() {
    let dir = Scratch::new("jr-export");
    let (ko, notes) = export(&dir, &["--lang", "ko"]);
    assert_eq!(ko["basics"]["name"], "yoonbh2714");
    assert_eq!(ko["basics"]["label"], "서버 개발 (MLOps, 검색, 게임, OCR)");
    assert_eq!(ko["basics"]["url"], "https://yoonbh2714.blogspot.com");

    let projects = ko["projects"].as_array().unwrap();
    assert_eq!(projects.len(), 7);
    let mlops = &projects[0];
    assert_eq!(mlops["name"], "kakao i MLOps");
    assert_eq!(mlops["entity"], "kakaoenterprise");
    assert_eq!(mlops["startDate"], "2022-04");
    assert!(mlops.get("endDate").is_none(), "an ongoing project has no end: {mlops}");
    assert_eq!(strings(&mlops["keywords"]), ["mlops", "kubernetes", "iam"]);
    let highlights = strings(&mlops["highlights"]);
    assert_eq!(highlights[0], "cli(command-line-interface) client 구현(python)");
    // Troubleshooting follows, problem → resolution, with its write-up.
    assert!(
        highlights.iter().any(|h| h.starts_with("사용자 권한 데이터가 저장된 etcd")
            && h.ends_with("<https://yoonbh2714.blogspot.com/2023/01/bitnami-etcd-snapshot.html>")),
        "{highlights:?}"
    );

    // Employments: a company's projects merged into stretches, newest first.
    let work: Vec<(&str, &str, Option<&str>)> = ko["work"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| (w["name"].as_str().unwrap(), w["startDate"].as_str().unwrap(), w["endDate"].as_str()))
        .collect();
    assert_eq!(work[0], ("kakaoenterprise", "2016-07", None));
    assert!(work.iter().skip(1).all(|(name, _, end)| *name == "nhn" && end.is_some()), "{work:?}");

    let skills: Vec<&str> =
        ko["skills"].as_array().unwrap().iter().map(|s| s["name"].as_str().unwrap()).collect();
    assert_eq!(skills, ["언어", "DB", "플랫폼"]);

    // What JSON Resume cannot hold is reported, not dropped in silence.
    assert!(notes.contains("no stack facts"), "{notes}");
    assert!(notes.contains("kakao (now kakaoenterprise)"), "{notes}");

    let (en, _) = export(&dir, &["--lang", "en"]);
    assert_eq!(en["projects"][1]["name"], "B2B Search Service Builder");
    assert_eq!(en["skills"][0]["name"], "Languages");
}

#[test]
fn selection_applies_to_the_export() {
    let dir = Scratch::new("jr-only");
    let (doc, _) = export(&dir, &["--lang", "en", "--only", "2020-"]);
    assert_eq!(doc["projects"].as_array().unwrap().len(), 3);
    assert_eq!(
        doc["work"].as_array().unwrap().len(),
        1,
        "only kakaoenterprise ran into 2020: {}",
        doc["work"]
    );
}

#[test]
fn export_import_export_is_a_fixed_point() {
    let dir = Scratch::new("jr-roundtrip");
    let root = common::root();
    let packet = root.join("examples/packet/resume.toml");
    let every_field = root.join("tests/fixtures/roundtrip/resume.toml");
    let inputs = [("example", None), ("packet", Some(&packet)), ("every-field", Some(&every_field))];
    for (name, input) in inputs {
        for lang in ["ko", "en"] {
            let mut args = vec!["export", "--format", "jsonresume", "--lang", lang, "--today", "2026-11"];
            if let Some(input) = input {
                args.extend(["--input", input.to_str().unwrap()]);
            }
            let out = resume(&dir.0, &args);
            assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
            let first = String::from_utf8(out.stdout).unwrap();
            let json = dir.write(&format!("{name}-{lang}.json"), &first);

            let out = resume(&dir.0, &["import", "jsonresume", json.to_str().unwrap(), "--lang", lang]);
            assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
            assert!(
                out.stderr.is_empty(),
                "{name}: our own export imports cleanly: {}",
                String::from_utf8_lossy(&out.stderr)
            );
            let toml =
                dir.write(&format!("{name}-{lang}/resume.toml"), &String::from_utf8(out.stdout).unwrap());
            let again = toml.to_str().unwrap();
            resume_ok(&dir.0, &["check", "--strict", "--no-style", "--lang", lang, "--input", again]);

            let (second, _) = export(&dir, &["--lang", lang, "--input", again]);
            let first: Value = serde_json::from_str(&first).unwrap();
            assert_eq!(first, second, "{name} ({lang}): the second export differs");
        }
    }
}

#[test]
fn a_job_centred_document_imports_reports_what_has_no_place_and_builds() {
    let dir = Scratch::new("jr-import");
    let fixture = common::root().join("tests/fixtures/resume.json");
    let out = resume(&dir.0, &["import", "jsonresume", fixture.to_str().unwrap(), "--lang", "en"]);
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(out.status.success(), "{stderr}");
    for place in ["work[0].url", "projects[0].roles", "x-extra"] {
        assert!(
            stderr.contains(&format!("resume.json: {place}: has no place")),
            "{place} not reported:\n{stderr}"
        );
    }
    let toml = String::from_utf8(out.stdout).unwrap();
    assert!(toml.contains("gpa = \"3.9\""), "the score is the GPA: {toml}");
    // Places: the person's city and country, the company's city.
    assert!(toml.contains("location = { en = \"Seoul, KR\" }"), "{toml}");
    assert!(toml.contains("location = { en = \"Busan\" }"), "{toml}");
    dir.write("resume.toml", &toml);
    resume_ok(&dir.0, &["check", "--strict", "--no-style", "--lang", "en"]);

    let imported = resume::model::load(&resume::model::Source {
        path: "resume.toml".into(),
        dir: None,
        text: toml.clone(),
    })
    .unwrap();
    let person = &imported.person;
    assert_eq!(
        person.links,
        ["https://jordan.example.com", "https://github.com/jordan", "https://twitter.com/jordan"]
    );
    // Employments with detail of their own become projects; a year alone
    // stays a year, an empty end date means ongoing.
    let periods: Vec<(String, String)> = imported
        .projects
        .iter()
        .map(|p| (p.id.clone(), p.period.map(|p| p.to_string()).unwrap_or_default()))
        .collect();
    assert_eq!(
        periods,
        [
            ("acme-search-senior-engineer".to_string(), "2019-03..".to_string()),
            ("globex-software-engineer".to_string(), "2015..2019-02".to_string()),
            ("query-service".to_string(), "2020-01..".to_string()),
        ]
    );
    let query = &imported.projects[2];
    assert_eq!(query.company, "acme-search");
    assert_eq!(query.tags, ["search", "rust"]);
    let globex = &imported.projects[1];
    assert_eq!(globex.responsibilities[0].link.as_deref(), Some("https://blog.example.com/invoicing"));
    assert_eq!(imported.open_source[0].link.as_deref(), Some("https://github.com/quickwit-oss/tantivy"));
    let sections: Vec<&str> = imported.sections.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(sections, ["volunteer", "references", "spoken-languages", "interests", "skill-set"]);
    // Publications have a table of their own.
    assert_eq!(imported.publications.len(), 1);
    // Volunteering and references are sections of their own, each field
    // in its place, and reach the page.
    let volunteer = &imported.sections[0].entries[0];
    assert_eq!(volunteer.name.any(), "Mentor");
    assert_eq!(volunteer.detail.as_ref().map(|d| d.any()), Some("Code Club"));
    assert_eq!(volunteer.period.map(|p| p.to_string()).as_deref(), Some("2017-01..2018"));
    assert_eq!(volunteer.link.as_deref(), Some("https://codeclub.example.org"));
    assert_eq!(volunteer.details[0].text.as_ref().map(|t| t.any()), Some("Ran a weekly class of twelve."));
    resume_ok(&dir.0, &["pdf", "--lang", "en", "-o", "imported.pdf"]);
    let text = common::squash(&common::Pdf::open(&dir.path("imported.pdf")).text());
    for word in [
        "Volunteering",
        "Mentor",
        "CodeClub",
        "Jan2017–2018",
        "Taughtchildrentoprogram.",
        "Ranaweeklyclassoftwelve.",
        "References",
        "A.Kim",
        "Greatcolleague.",
    ] {
        assert!(text.contains(word), "`{word}` is not in the PDF:\n{text}");
    }
    // Awards have a table of their own.
    let award = &imported.awards[0];
    assert_eq!(award.name.any(), "Best Paper");
    assert_eq!(award.issuer.as_ref().map(|i| i.any()), Some("KIISE"));
    assert_eq!(award.date.map(|d| d.to_string()).as_deref(), Some("2018-05"));
    assert_eq!(award.summary.as_ref().map(|s| s.any()), Some("On query rewriting."));

    resume_ok(&dir.0, &["pdf", "--lang", "en"]);
    let text = common::squash(&common::Pdf::open(&dir.path("resume-en.pdf")).text());
    for expected in
        ["Senior Engineer", "Cut p99 latency by 40%", "Best Paper · KIISE", "May 2018", "Korean · Native"]
    {
        assert!(text.contains(&common::squash(expected)), "{expected} missing from the PDF");
    }

    // And back out: the lists return to their JSON Resume places.
    let (doc, _) = export(&dir, &["--lang", "en"]);
    assert_eq!(doc["awards"][0]["title"], "Best Paper");
    assert_eq!(doc["awards"][0]["awarder"], "KIISE");
    assert_eq!(doc["awards"][0]["date"], "2018-05");
    assert_eq!(doc["awards"][0]["summary"], "On query rewriting.");
    assert_eq!(doc["languages"][1]["fluency"], "Fluent");
    let levels: Vec<&Value> = doc["skills"].as_array().unwrap().iter().map(|s| &s["level"]).collect();
    assert!(levels.iter().any(|l| l.is_string()), "a skill's level comes back: {levels:?}");
    assert_eq!(
        doc["certificates"][0]["date"], "2021-06-01",
        "the schema asks a certificate for a whole date"
    );
    assert_eq!(doc["projects"][3]["type"], "open-source");
    assert_eq!(doc["basics"]["profiles"][0]["network"], "GitHub");
}

#[test]
fn a_broken_document_names_the_place() {
    let dir = Scratch::new("jr-broken");
    dir.write("bad.json", "{\n  \"basics\": {\n    \"name\": \"x\",\n  }\n}\n");
    let stderr = resume_err(&dir.0, &["import", "jsonresume", "bad.json"]);
    assert!(stderr.contains("bad.json:4:3"), "{stderr}");
    assert!(stderr.contains("not a JSON Resume document"), "{stderr}");
    dir.write("types.json", "{ \"work\": {} }");
    let stderr = resume_err(&dir.0, &["import", "jsonresume", "types.json"]);
    assert!(stderr.contains("types.json:1:"), "{stderr}");
}

#[test]
fn a_document_can_come_from_standard_input() {
    use std::io::Write;
    use std::process::{Command, Stdio};
    let dir = Scratch::new("jr-stdin");
    let mut child = Command::new(env!("CARGO_BIN_EXE_resume"))
        .args(["import", "jsonresume", "-", "--lang", "en"])
        .current_dir(&dir.0)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(br#"{ "basics": { "name": "Kim", "label": "Engineer" } }"#)
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let toml = String::from_utf8(out.stdout).unwrap();
    assert!(toml.contains("name = \"Kim\"\nheadline = { en = \"Engineer\" }"), "{toml}");
}

#[test]
fn a_project_without_an_entity_prints_without_a_dangling_separator() {
    let dir = Scratch::new("jr-no-entity");
    dir.write(
        "in.json",
        r#"{ "basics": { "name": "Kim" },
             "projects": [{ "name": "Side project", "description": "A weekend tool.", "startDate": "2020-01" }] }"#,
    );
    let out = resume(&dir.0, &["import", "jsonresume", "in.json", "--lang", "en"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    dir.write("resume.toml", &String::from_utf8(out.stdout).unwrap());
    resume_ok(&dir.0, &["pdf", "--lang", "en"]);
    let text = common::squash(&common::Pdf::open(&dir.path("resume-en.pdf")).text());
    assert!(text.contains("Aweekendtool."), "{text}");
    assert!(!text.contains("·Aweekendtool."), "{text}");
    let (doc, _) = export(&dir, &["--lang", "en"]);
    assert!(doc["projects"][0].get("entity").is_none(), "{}", doc["projects"][0]);
}

/// Publications, spoken languages, interests and skill sets come back out
/// as they went in: each field from its own place, never split out of a
/// printed line again, so a title holding ` · ` or a keyword holding a
/// comma survives, and each prints in the PDF.
#[test]
fn free_sections_keep_their_fields_through_import_and_export() {
    let dir = Scratch::new("jr-fields");
    dir.write(
        "in.json",
        r#"{
  "basics": { "name": "Robin Vale" },
  "publications": [{ "name": "Search · at scale", "publisher": "ACM · Queue", "releaseDate": "2019-05",
                     "url": "https://example.com/paper", "summary": "On ranking." }],
  "languages": [{ "language": "Korean", "fluency": "Native · spoken and written" }],
  "interests": [{ "name": "Music", "keywords": ["Jazz, bebop", "Piano"] }],
  "skills": [{ "name": "Search: engines", "keywords": ["Lucene", "Tantivy"] }]
}"#,
    );
    let out = resume(&dir.0, &["import", "jsonresume", "in.json", "--lang", "en"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    dir.write("resume.toml", &String::from_utf8(out.stdout).unwrap());
    let (doc, _) = export(&dir, &["--lang", "en"]);
    let publication = &doc["publications"][0];
    assert_eq!(publication["name"], "Search · at scale", "{doc}");
    assert_eq!(publication["publisher"], "ACM · Queue");
    assert_eq!(publication["releaseDate"], "2019-05");
    assert_eq!(publication["url"], "https://example.com/paper");
    assert_eq!(publication["summary"], "On ranking.");
    assert_eq!(doc["languages"][0]["language"], "Korean");
    assert_eq!(doc["languages"][0]["fluency"], "Native · spoken and written");
    assert_eq!(doc["interests"][0]["name"], "Music");
    assert_eq!(strings(&doc["interests"][0]["keywords"]), ["Jazz, bebop", "Piano"]);
    let skill = doc["skills"].as_array().unwrap().iter().find(|s| s["name"] == "Search: engines");
    assert_eq!(skill.map(|s| strings(&s["keywords"])), Some(vec!["Lucene", "Tantivy"]), "{doc}");

    resume_ok(&dir.0, &["pdf", "--lang", "en"]);
    let text = common::squash(&common::Pdf::open(&dir.path("resume-en.pdf")).text());
    for expected in ["Search · at scale", "ACM · Queue", "May 2019", "On ranking.", "Jazz, bebop", "Tantivy"]
    {
        assert!(text.contains(&common::squash(expected)), "{expected} missing from the PDF: {text}");
    }
}

/// The export keeps what JSON Resume can hold: places, the degree and its
/// field apart, awards, language tests as languages, publications with
/// their authors and DOI.
#[test]
fn the_export_keeps_places_degrees_awards_languages_and_publications() {
    let dir = Scratch::new("jr-keeps");
    let packet = common::root().join("examples/packet/resume.toml");
    let (doc, _) = export(&dir, &["--lang", "en", "--input", packet.to_str().unwrap()]);
    assert_eq!(doc["basics"]["location"]["city"], "Seoul");
    assert_eq!(doc["basics"]["location"]["region"], "South Korea");
    assert_eq!(doc["work"][0]["location"], "Seongnam");
    assert_eq!(doc["education"][0]["studyType"], "B.S. in Computer Science");
    assert_eq!(doc["education"][0]["area"], "Computer Science");
    assert_eq!(doc["awards"][0]["title"], "Company hackathon, first prize");
    assert_eq!(doc["languages"][0]["language"], "English");
    assert_eq!(doc["languages"][0]["fluency"], "TOEIC 900");

    let every_field = common::root().join("tests/fixtures/roundtrip/resume.toml");
    let (doc, _) = export(&dir, &["--lang", "en", "--input", every_field.to_str().unwrap()]);
    let paper = &doc["publications"][0];
    assert_eq!(paper["name"], "Approximate search over compressed indexes");
    assert_eq!(paper["publisher"], "Journal of KIISE");
    assert_eq!(paper["releaseDate"], "2020-09");
    assert_eq!(paper["authors"], serde_json::json!(["J. Park", "Minguk Kim"]));
    assert_eq!(paper["doi"], "10.5626/JOK.2020.47.9.1");
    assert_eq!(paper["url"], "https://doi.org/10.5626/JOK.2020.47.9.1");
    assert_eq!(doc["publications"][1]["releaseDate"], "2022", "a year stays a year");
}
