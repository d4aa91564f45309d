//! `resume import rendercv`: a RenderCV YAML file with every entry type
//! comes in with every word of every field it can place printed in the
//! PDF, each field it cannot place named, its Markdown read as plain text;
//! broken, foreign and hostile YAML fails with its place, in bounded time.

mod common;

use std::time::Duration;

use common::{Scratch, resume, resume_bounded, resume_ok};
use serde_yaml::Value;

const FIXTURE: &str = "tests/fixtures/rendercv/Aino_Virtanen_CV.yaml";

/// The words a reader sees of a RenderCV text: Markdown link targets and
/// HTML tags taken out, then runs of letters and digits.
fn visible_words(text: &str) -> Vec<String> {
    let mut visible = String::new();
    let mut rest = text;
    while let Some(start) = rest.find(['<', ']']) {
        visible.push_str(&rest[..start]);
        let tail = &rest[start..];
        let skip = match tail.as_bytes()[0] {
            b'<' => tail.find('>').map(|end| end + 1),
            _ if tail.starts_with("](") => tail.find(')').map(|end| end + 1),
            _ => None,
        };
        match skip {
            Some(len) => rest = &tail[len..],
            None => {
                visible.push_str(&tail[..1]);
                rest = &tail[1..];
            }
        }
    }
    visible.push_str(rest);
    visible.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_string).collect()
}

/// Every string under `cv` with its path (`cv.sections.talks[0].name`).
fn strings(value: &Value, path: String, out: &mut Vec<(String, String)>) {
    match value {
        Value::Mapping(map) => {
            for (key, child) in map {
                let key = key.as_str().unwrap_or_default();
                strings(child, format!("{path}.{key}"), out);
            }
        }
        Value::Sequence(items) => {
            for (n, child) in items.iter().enumerate() {
                strings(child, format!("{path}[{n}]"), out);
            }
        }
        Value::String(text) => out.push((path, text.clone())),
        Value::Number(number) => out.push((path, number.to_string())),
        _ => {}
    }
}

#[test]
fn every_entry_type_reaches_the_pdf_word_for_word() {
    let dir = Scratch::new("rendercv-words");
    let fixture = common::root().join(FIXTURE);
    let out = resume(&dir.0, &["import", "rendercv", fixture.to_str().unwrap()]);
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(out.status.success(), "{stderr}");
    assert!(stderr.contains("imported as `en`"), "the language is told from the prose: {stderr}");
    let toml = String::from_utf8(out.stdout).unwrap();
    dir.write("resume.toml", &toml);
    resume_ok(&dir.0, &["check", "--strict", "--no-style", "--lang", "en"]);

    // What is said: RenderCV's own settings ignored, Markdown read, a
    // date that is no date, numbering that becomes order.
    for said in [
        "design: sets RenderCV's own look",
        "locale: sets RenderCV's own look",
        "cv.sections.experience[0].highlights[1]: holds Markdown or HTML markup",
        "cv.sections.publications[0].authors[1]: holds Markdown or HTML markup",
        "cv.sections.talks[1].date: `Spring 2024` is not a date; left out",
        "cv.sections.recent_highlights: its entries are numbered in RenderCV",
    ] {
        assert!(stderr.contains(said), "`{said}` not said:\n{stderr}");
    }
    let said_paths: Vec<&str> = stderr
        .lines()
        .filter(|l| l.contains("left out") || l.contains("not a network"))
        .filter_map(|l| l.split(": ").nth(2))
        .collect();

    let yaml: Value = serde_yaml::from_str(&std::fs::read_to_string(&fixture).unwrap()).unwrap();
    let mut texts = Vec::new();
    strings(&yaml["cv"], "cv".to_string(), &mut texts);
    for layout in ["classic", "international"] {
        let pdf = format!("{layout}.pdf");
        resume_ok(&dir.0, &["pdf", "--lang", "en", "--layout", layout, "-o", &pdf]);
        let pdf = common::Pdf::open(&dir.path(&pdf));
        let printed = common::squash(&pdf.text());
        let links = pdf.link_uris();
        let mut missing = Vec::new();
        for (path, text) in &texts {
            let key = path.rsplit('.').next().unwrap_or_default().split('[').next().unwrap_or_default();
            if said_paths.iter().any(|p| path == p) {
                continue;
            }
            match key {
                // Dates print as months (`Mar 2021`); a network and user
                // name are kept for exports and print within the address.
                "start_date" | "end_date" | "network" | "username" => continue,
                "date" if !text.contains("](") => continue,
                // Addresses are links.
                "website" | "url" | "date" | "doi" => {
                    let url = text.split("](").nth(1).map_or(text.as_str(), |t| t.trim_end_matches(')'));
                    let bare = url.split_once("://").map_or(url, |(_, r)| r).trim_end_matches('/');
                    if !links.iter().any(|l| l.trim_end_matches('/').ends_with(bare)) {
                        missing.push(format!("{path}: {text} is not a link"));
                    }
                    continue;
                }
                "phone" => {
                    assert!(printed.contains("+358-40-123-4567"), "{layout}: the phone");
                    continue;
                }
                _ => {}
            }
            for word in visible_words(text) {
                if !printed.contains(&word) {
                    missing.push(format!("{path}: `{word}` of {text:?}"));
                }
            }
        }
        assert!(missing.is_empty(), "{layout}: words that never reach the PDF:\n{}", missing.join("\n"));
        // The text is plain: no marker printed.
        for marker in ["**", "***", "<strong>", "](", "tel:"] {
            assert!(!printed.contains(marker), "{layout}: `{marker}` printed");
        }
    }
}

#[test]
fn entries_land_where_they_belong() {
    let dir = Scratch::new("rendercv-places");
    let fixture = common::root().join(FIXTURE);
    let out = resume(&dir.0, &["import", "rendercv", fixture.to_str().unwrap()]);
    assert!(out.status.success());
    let imported = resume::model::load(&resume::model::Source {
        path: "resume.toml".into(),
        dir: None,
        text: String::from_utf8(out.stdout).unwrap(),
    })
    .unwrap();
    // Experience: employers with their titles; a `positions` list is
    // successive titles, each with its dates.
    let maps = imported.companies.iter().find(|c| c.name.any() == "Nordic Maps").unwrap();
    let Some(resume::model::Roles::Many(roles)) = &maps.role else { panic!("two titles: {:?}", maps.role) };
    assert_eq!(roles.len(), 2);
    assert_eq!(imported.companies[0].id, "passisoft", "accents fold into the id");
    // Projects of one's own: no employer, the date's link as the link.
    let trails = imported.projects.iter().find(|p| p.name.any() == "Trail search").unwrap();
    assert!(trails.company.is_empty() && trails.period.is_none());
    assert_eq!(trails.link.as_deref(), Some("https://github.com/aino-example/trails"));
    // Education: the degree and the field apart; years stay years.
    let school = &imported.education[0];
    assert_eq!(school.major.as_ref().map(|m| m.any()), Some("Computer Science"));
    assert_eq!(school.period.map(|p| p.to_string()).as_deref(), Some("2014..2016"));
    // Publications: authors without their Markdown, the DOI kept.
    let paper = &imported.publications[0];
    assert_eq!(paper.authors, ["J. Korhonen", "Aino Virtanen", "M. Laine"]);
    assert_eq!(paper.doi.as_deref(), Some("10.1145/0000000.0000001"));
    // A section of text titled Summary is the summary.
    assert!(imported.summary.as_ref().is_some_and(|s| s.any().contains("turns research into services")));
    // Social networks: accounts with their network and user name.
    let mastodon = imported.person.links.iter().find(|l| l.url().contains("fosstodon")).unwrap();
    assert_eq!(mastodon.url(), "https://fosstodon.example/@aino");
}

#[test]
fn yaml_that_is_broken_foreign_or_hostile_fails_with_its_place() {
    let dir = Scratch::new("rendercv-bad");
    dir.write("broken.yaml", "cv:\n  name: Kim\n  sections:\n    experience:\n      - company: [unclosed\n");
    let stderr = resume(&dir.0, &["import", "rendercv", "broken.yaml", "--lang", "en"]);
    let text = String::from_utf8_lossy(&stderr.stderr);
    assert_eq!(stderr.status.code(), Some(1), "{text}");
    assert!(text.contains("error: this is not a RenderCV file") && text.contains("broken.yaml:"), "{text}");

    dir.write("other.yaml", "name: Kim\nsteps:\n  - run: make\n");
    let out = resume(&dir.0, &["import", "rendercv", "other.yaml", "--lang", "en"]);
    let text = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1));
    assert!(text.contains("it has no `cv:` mapping") && text.contains("--> other.yaml:1:1"), "{text}");

    // A billion laughs: aliases that would expand beyond any memory.
    let mut bomb =
        String::from("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
    for (n, prev) in
        ["b", "c", "d", "e", "f", "g", "h", "i"].iter().zip(["a", "b", "c", "d", "e", "f", "g", "h"])
    {
        bomb.push_str(&format!(
            "{n}: &{n} [*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev}]\n"
        ));
    }
    bomb.push_str("cv:\n  name: Kim\n  sections:\n    talks: *i\n");
    dir.write("bomb.yaml", &bomb);
    let (out, killed) =
        resume_bounded(&dir.0, &["import", "rendercv", "bomb.yaml", "--lang", "en"], Duration::from_secs(20));
    assert!(!killed, "the import must end");
    assert_eq!(out.status.code(), Some(1), "{}", String::from_utf8_lossy(&out.stderr));
}

#[test]
fn renderecvs_markdown_rendering_points_at_its_yaml() {
    let dir = Scratch::new("rendercv-md");
    dir.write(
        "Kim_CV.md",
        "# Minji Kim's CV\n\n- Email: [minji@example.com](mailto:minji@example.com)\n\n# Experience\n\n## Lumen, Engineer\n\n- Mar 2021 to present\n",
    );
    let out = resume(&dir.0, &["import", "markdown", "Kim_CV.md", "--lang", "en"]);
    let text = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{text}");
    assert!(
        text.contains("as RenderCV prints it to Markdown") && text.contains("--> Kim_CV.md:1:1"),
        "{text}"
    );
    assert!(text.contains("resume import rendercv"), "{text}");
}

#[test]
fn a_korean_rendercv_file_is_read_as_korean() {
    let dir = Scratch::new("rendercv-ko");
    dir.write(
        "cv.yaml",
        "cv:\n  name: 김민지\n  sections:\n    경력:\n      - company: 루멘\n        position: 백엔드 개발자\n        start_date: 2021-03\n        highlights:\n          - 정산 배치 시간을 4시간에서 40분으로 줄였다\n",
    );
    let out = resume(&dir.0, &["import", "rendercv", "cv.yaml"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(stderr.contains("imported as `ko`"), "{stderr}");
    let toml = String::from_utf8(out.stdout).unwrap();
    dir.write("resume.toml", &toml);
    resume_ok(&dir.0, &["check", "--strict", "--no-style"]);
    resume_ok(&dir.0, &["pdf", "-o", "ko.pdf"]);
    let text = common::squash(&common::Pdf::open(&dir.path("ko.pdf")).text());
    for word in ["김민지", "루멘", "백엔드개발자", "정산배치시간을4시간에서40분으로줄였다", "2021.03~현재"]
    {
        assert!(text.contains(word), "`{word}` missing:\n{text}");
    }
}
