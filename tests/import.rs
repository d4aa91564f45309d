//! `resume import markdown` on the Markdown résumé the built-in example was
//! transcribed from: the same projects, bullets and links, and a file that
//! passes `check` and builds.

mod common;

use common::{Scratch, resume, resume_err, resume_ok};
use resume::model::{Bullet, Resume, Source};

fn links(bullets: &[Bullet], out: &mut Vec<String>) {
    for b in bullets {
        out.extend(b.link.clone());
        links(&b.items, out);
    }
}

fn shape(resume: &Resume) -> Vec<(String, usize, usize, usize, Vec<String>)> {
    resume
        .projects
        .iter()
        .map(|p| {
            let mut all = Vec::new();
            links(&p.responsibilities, &mut all);
            links(&p.achievements, &mut all);
            all.extend(p.troubleshooting.iter().filter_map(|t| t.link.clone()));
            (
                p.period.map(|p| p.to_string()).unwrap_or_default(),
                p.responsibilities.len(),
                p.achievements.len(),
                p.troubleshooting.len(),
                all,
            )
        })
        .collect()
}

#[test]
fn importing_the_markdown_gives_the_example_content() {
    let dir = Scratch::new("import");
    let markdown = common::root().join("tests/fixtures/resume.md");
    let out = resume(&dir.0, &["import", "markdown", markdown.to_str().unwrap(), "--name", "yoonbh2714"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    // The language is told from the prose, and said; nothing else.
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.starts_with("note: ") && stderr.contains("reads as Korean"), "{stderr}");
    assert_eq!(stderr.lines().count(), 1, "nothing should be mended or skipped: {stderr}");
    let toml = String::from_utf8(out.stdout).unwrap();
    dir.write("resume.toml", &toml);
    // The seed keeps its words as first written; the style checks find
    // what the built-in example has since fixed, each at its place.
    resume_ok(&dir.0, &["check", "--strict", "--no-style", "--today", "2026-11"]);
    let style = resume_err(&dir.0, &["check", "--strict", "--today", "2026-11"]);
    for found in [
        "`etcd 의`: a particle is written joined",
        "`실행 되는`: a 하다/되다 verb",
        "`동작 하지`: a 하다/되다 verb",
        "`업로드/조회등`: a bound noun",
        "hint: write `업로드/조회 등`",
        "hint: write `etcd의`",
    ] {
        assert!(style.contains(found), "`{found}` not found:\n{style}");
    }
    assert!(style.contains("resume.toml:") && style.contains("warning(s)"), "{style}");
    resume_ok(&dir.0, &["pdf", "--today", "2026-11"]);

    let imported =
        resume::model::load(&Source { path: "resume.toml".into(), dir: None, text: toml }).unwrap();
    let example = resume::model::load(&resume::source::example()).unwrap();
    assert_eq!(shape(&imported), shape(&example));
    // Renames become companies with their former names.
    let kakao = imported.companies.iter().find(|c| c.id == "kakaoenterprise").unwrap();
    assert_eq!(kakao.formerly.as_ref().unwrap().until.to_string(), "2019-12");
}

#[test]
fn unknown_keys_are_kept_and_unreadable_lines_reported() {
    let dir = Scratch::new("import-odd");
    let file =
        dir.write("old.md", "# projects\n\n## Search\n- Period: 202001~202112\n- Team Size: 5\nstray text\n");
    let out =
        resume(&dir.0, &["import", "markdown", file.to_str().unwrap(), "--name", "Test", "--lang", "ko"]);
    let toml = String::from_utf8(out.stdout).unwrap();
    // A value with no Hangul is the same in every language: kept plain.
    assert!(toml.contains(r#"{ label = "Team Size", value = "5" }"#), "{toml}");
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("line 6: not a `## heading` or a `- item`: stray text"), "{stderr}");
}

#[test]
fn the_name_comes_from_the_flag_and_a_missing_name_is_an_error() {
    let dir = Scratch::new("import-name");
    let markdown = common::root().join("tests/fixtures/resume.md");
    // The seed form has no place for the name: without `--name` the import
    // fails at the top of the file, rather than print an empty header.
    let err = resume_err(&dir.0, &["import", "markdown", markdown.to_str().unwrap()]);
    assert!(err.contains("error: this Markdown does not say whose résumé it is"), "{err}");
    assert!(err.contains("resume.md:1:1"), "{err}");
    assert!(err.contains("hint: give the name with `--name \"홍길동\"`"), "{err}");

    let out = resume(
        &dir.0,
        &["import", "markdown", markdown.to_str().unwrap(), "--name", "홍길동", "--lang", "ko"],
    );
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stderr).is_empty(), "{}", String::from_utf8_lossy(&out.stderr));
    let toml = String::from_utf8(out.stdout).unwrap();
    assert!(toml.contains("name = \"홍길동\""), "{toml}");
    dir.write("resume.toml", &toml.replace("name = \"홍길동\"", "name = \"\""));
    let err = resume_err(&dir.0, &["check"]);
    assert!(err.contains("`name` is empty") && err.contains("resume.toml:"), "{err}");
}

/// Standard input is capped like a file: an endless pipe is refused with
/// its size, and nothing is printed.
#[test]
fn an_endless_standard_input_is_refused_not_read_forever() {
    let dir = Scratch::new("import-stdin-cap");
    // 16 MB, twice the cap; the reader stops early and the pipe breaks.
    let line = "- 서버 개발\n";
    let input = line.repeat((16 << 20) / line.len()).into_bytes();
    let out = common::resume_piped(&dir.0, &["import", "markdown", "-", "--lang", "ko"], input);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert!(stderr.contains("on standard input is over 8 MB"), "{stderr}");
    assert!(out.stdout.is_empty());
}
