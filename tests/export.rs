//! `resume export`: the view as JSON and as Markdown.

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
    assert!(md.contains("- CI/CD: github action(빌드) --> argocd(배포)\n  - argocd 를 사용할 수 없는 외부 환경 배포시: helmfile 사용\n"));
    assert!(md.contains("    - <https://yoonbh2714.blogspot.com/2023/01/bitnami-etcd-snapshot.html>\n"));
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
