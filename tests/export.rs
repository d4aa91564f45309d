//! `resume export`: the view as JSON, Markdown and plain text.

mod common;

use common::{Scratch, resume};

fn export(args: &[&str]) -> String {
    let dir = Scratch::new("export");
    let mut all = vec!["export"];
    all.extend(args);
    let out = resume(&dir.0, &all);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn json_is_the_view_the_layout_reads() {
    let json: serde_json::Value =
        serde_json::from_str(&export(&["--format", "json", "--lang", "en"])).unwrap();
    assert_eq!(json["lang"], "en");
    assert_eq!(json["projects"][0]["name"], "kakao i MLOps");
    assert_eq!(json["projects"][0]["period"], "Apr 2022 – Present");
    assert_eq!(json["labels"]["section-projects"], "Projects");
    assert_eq!(json["projects"].as_array().unwrap().len(), 7);
}

#[test]
fn markdown_follows_the_list_style_and_the_selection() {
    let md = export(&["--format", "markdown", "--lang", "ko", "--only", "2020-"]);
    assert!(md.starts_with("# yoonbh2714\n"), "{md}");
    assert!(md.contains("### daum pc/mo 통합검색, kakaotalk #검색\n"), "{md}");
    assert!(md.contains("- CI/CD: github action(빌드) --> argocd(배포)\n    - argocd를 사용할 수 없는 외부 환경 배포시: helmfile 사용\n"));
    assert!(md.contains("        - <https://yoonbh2714.blogspot.com/2023/01/bitnami-etcd-snapshot.html>\n"));
    assert!(!md.contains("한게임"), "--only 2020- should drop the game projects");
    assert!(!md.contains(": \n"), "no empty values");
}

#[test]
fn json_says_whether_the_text_needs_glyph_composition() {
    let json: serde_json::Value =
        serde_json::from_str(&export(&["--format", "json", "--lang", "ko"])).unwrap();
    assert_eq!(json["shaping"]["compose"], false, "the example has no combining mark");

    // A name typed with a combining accent, as some keyboards write it.
    let dir = Scratch::new("export-compose");
    dir.write("resume.toml", "[person]\nname = \"Jose\u{301} Kim\"\n");
    let out = resume(&dir.0, &["export", "--format", "json", "--lang", "en"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["shaping"]["compose"], true);
}

#[test]
fn markdown_carries_every_section_the_pdf_shows() {
    let dir = Scratch::new("export-sections");
    dir.write(
        "resume.toml",
        "[person]\nname = { ko = \"김민국\", en = \"Minguk Kim\" }\n\n[[project]]\nid = \"p\"\nname = \"P\"\ncompany = \"\"\n\
         period = \"2020-01..2021-01\"\n\n[[education]]\nid = \"uni\"\nschool = { ko = \"한국대학교\", en = \"Hanguk University\" }\n\
         degree = { ko = \"컴퓨터공학 학사\", en = \"B.S. in Computer Science\" }\nperiod = \"2008-03..2012-02\"\n\n\
         [[certification]]\nid = \"cka\"\nname = \"CKA\"\nissuer = \"CNCF\"\ndate = \"2021-05\"\n\n\
         [[open_source]]\nid = \"tantivy\"\nname = \"tantivy\"\ndescription = { ko = \"한국어 토크나이저\", en = \"Korean tokenizer\" }\n\
         link = \"https://github.com/quickwit-oss/tantivy\"\n",
    );
    for (lang, school, degree, part) in [
        ("ko", "한국대학교", "컴퓨터공학 학사", "한국어 토크나이저"),
        ("en", "Hanguk University", "B.S. in Computer Science", "Korean tokenizer"),
    ] {
        let out = resume(&dir.0, &["export", "--format", "markdown", "--lang", lang]);
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        let md = String::from_utf8(out.stdout).unwrap();
        for expected in [school, degree, "CKA · CNCF", part, "<https://github.com/quickwit-oss/tantivy>"] {
            assert!(md.contains(expected), "{lang}: `{expected}` missing from\n{md}");
        }
    }
}

/// `export --profile` keeps what the profile's PDF shows: the same job.
#[test]
fn export_follows_a_profile_like_pdf() {
    let md = export(&["--format", "markdown", "--lang", "en", "--profile", "search"]);
    assert!(md.contains("Search"), "{md}");
    assert!(!md.contains("### kakao i MLOps"), "the search profile keeps only tag:search projects:\n{md}");
    let dir = Scratch::new("export-all");
    let all = resume(&dir.0, &["export", "--format", "json", "--profile", "all"]);
    assert_eq!(all.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&all.stderr).contains("`export` writes one document"));
}

/// `--width` wraps the plain text between words to a width measured as a
/// terminal shows it (a Hangul syllable is two columns), in both
/// languages, losing and splitting nothing; letters are never wrapped.
#[test]
fn plain_text_wraps_to_a_width_between_words() {
    use unicode_width::UnicodeWidthStr;
    for lang in ["ko", "en"] {
        let plain = export(&["--format", "text", "--lang", lang]);
        let wrapped = export(&["--format", "text", "--lang", lang, "--width", "60"]);
        assert!(plain.lines().any(|l| l.width() > 60), "{lang}: nothing to wrap");
        for line in wrapped.lines() {
            // Only a word wider than the line (a long address) overruns it.
            let words = line.trim().trim_start_matches("- ");
            assert!(line.width() <= 60 || !words.contains(' '), "{lang}: {line:?}");
        }
        let words = |t: &str| t.split_whitespace().map(str::to_string).collect::<Vec<_>>();
        assert_eq!(words(&wrapped), words(&plain), "{lang}: the words changed");
        assert!(wrapped.lines().count() > plain.lines().count());
    }
    let dir = Scratch::new("export-width");
    let input = common::root().join("examples/packet/resume.toml");
    let input = input.to_str().unwrap();
    for (args, message) in [
        (vec!["--format", "text", "--document", "letter:lumen", "--width", "60"], "exactly as counted"),
        (vec!["--format", "markdown", "--width", "60"], "plain text only"),
        (vec!["--format", "text", "--width", "5"], "too narrow"),
    ] {
        let mut all = vec!["export", "--input", input];
        all.extend(args);
        let out = resume(&dir.0, &all);
        assert_eq!(out.status.code(), Some(1));
        assert!(String::from_utf8_lossy(&out.stderr).contains(message), "{all:?}");
    }
}
