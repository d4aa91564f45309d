//! The translation workflow: list what lacks a language, extract a Fluent
//! skeleton, fill it in, and build.

mod common;

use common::{Pdf, Scratch, resume, resume_err, resume_ok};

const KOREAN_ONLY: &str = r#"[person]
name = "Kim"
headline = { ko = "검색 개발자" }

[[project]]
id = "search"
name = { ko = "검색", en = "Search" }
company = "acme"
period = "2020-01..2021-06"
responsibilities = [{ ko = "색인기 구현" }, "Plain text needs no translation"]
"#;

fn stdout(dir: &Scratch, args: &[&str]) -> String {
    let out = resume(&dir.0, args);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn missing_lists_each_text_with_its_location_and_id() {
    let dir = Scratch::new("missing");
    dir.write("resume.toml", KOREAN_ONLY);
    let listed = stdout(&dir, &["i18n", "missing", "--lang", "en"]);
    let lines: Vec<&str> = listed.lines().collect();
    assert_eq!(
        lines,
        [
            "resume.toml:3:12  person-headline  (ko: 검색 개발자)",
            "resume.toml:10:21  project-search-responsibility-5f58ac  (ko: 색인기 구현)",
        ]
    );
    assert_eq!(stdout(&dir, &["i18n", "missing", "--lang", "ko"]), "");
}

#[test]
fn extracted_skeleton_filled_in_builds_in_the_new_language() {
    let dir = Scratch::new("extract");
    dir.write("resume.toml", KOREAN_ONLY);
    resume_err(&dir.0, &["pdf", "--lang", "en"]);
    let skeleton = stdout(&dir, &["i18n", "extract", "--lang", "en"]);
    assert!(skeleton.contains("# resume.toml:3:12\n# ko: 검색 개발자\n# person-headline =\n"), "{skeleton}");
    // An unfilled skeleton parses: the build names the texts still missing.
    dir.write("en.ftl", &skeleton);
    let err = resume_err(&dir.0, &["pdf", "--lang", "en"]);
    assert!(err.contains("has no `en` version") && err.contains("resume.toml:3:"), "{err}");
    // Filled in, it builds.
    let filled = skeleton.replace("# person-headline =", "person-headline = Search engineer").replace(
        "# project-search-responsibility-5f58ac =",
        "project-search-responsibility-5f58ac = Built the indexer",
    );
    dir.write("en.ftl", &filled);
    resume_ok(&dir.0, &["pdf", "--lang", "en"]);
    let text = Pdf::open(&dir.path("resume-en.pdf")).text();
    assert!(text.contains("Search engineer") && text.contains("Built the indexer"), "{text}");
    assert_eq!(stdout(&dir, &["i18n", "missing", "--lang", "en"]), "");
}

#[test]
fn korean_text_in_an_english_build_is_a_warning_everywhere() {
    let dir = Scratch::new("foreign-script");
    dir.write(
        "resume.toml",
        "[person]\nname = \"Kim\"\n\n[[project]]\nid = \"batch\"\nname = \"Batch\"\ncompany = \"\"\n\
         period = \"2020-01..2021-01\"\nachievements = [\"정산 배치 수행 시간 4시간 → 40분\", \"MongoDB\"]\n\
         responsibilities = [{ text = { all = \"카카오 검색\" } }]\n",
    );
    let out = resume(&dir.0, &["pdf", "--lang", "en", "-o", "x.pdf"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(stderr.contains("warning: this text is Korean, but the document is in `en`"), "{stderr}");
    assert!(stderr.contains("resume.toml:9:"), "not located: {stderr}");
    assert_eq!(stderr.matches("warning:").count(), 1, "ASCII and `all` texts are shared quietly: {stderr}");
    // `--strict` makes the warning an error, and nothing is written.
    let err = resume_err(&dir.0, &["pdf", "--lang", "en", "--strict", "-o", "strict.pdf"]);
    assert!(err.contains("error: this text is Korean, but the document is in `en`"), "{err}");
    assert!(err.contains("`--strict` makes it an error") && err.contains("resume.toml:9:"), "{err}");
    assert!(!dir.path("strict.pdf").exists(), "a strict build that failed wrote its PDF");
    let out = resume(&dir.0, &["pdf", "--lang", "ko", "-o", "x.pdf"]);
    assert!(!String::from_utf8_lossy(&out.stderr).contains("warning"), "Korean is at home in ko");
    resume_ok(&dir.0, &["pdf", "--lang", "ko", "--strict", "-o", "x.pdf"]);
    let check = resume(&dir.0, &["check", "--lang", "en", "--no-style"]);
    let report = String::from_utf8_lossy(&check.stderr);
    assert!(check.status.success() && report.contains("1 warning(s)"), "{report}");
    let strict = resume(&dir.0, &["check", "--lang", "en", "--strict"]);
    assert_eq!(strict.status.code(), Some(1));
    let missing = resume(&dir.0, &["i18n", "missing", "--lang", "en"]);
    let listed = String::from_utf8_lossy(&missing.stdout);
    assert!(listed.contains("project-batch-achievement-393eea"), "{listed}");
    assert_eq!(listed.lines().count(), 1, "ASCII and `all` texts are not listed: {listed}");
}

#[test]
fn extract_write_adds_in_place_and_keeps_every_translation() {
    let dir = Scratch::new("extract-write");
    dir.write("resume.toml", KOREAN_ONLY);
    dir.write("en.ftl", "# my notes\nperson-headline = Search engineer\n");
    let out = resume(&dir.0, &["i18n", "extract", "--lang", "en", "--write"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = std::fs::read_to_string(dir.path("en.ftl")).unwrap();
    assert!(text.starts_with("# my notes\nperson-headline = Search engineer\n"), "{text}");
    assert!(text.contains("# project-search-responsibility-5f58ac ="), "{text}");
    assert!(!text.contains("# person-headline ="), "a translated text was offered again: {text}");
    // Run again: nothing is added twice.
    resume_ok(&dir.0, &["i18n", "extract", "--lang", "en", "--write"]);
    let again = std::fs::read_to_string(dir.path("en.ftl")).unwrap();
    assert_eq!(again, text);
    // The file with texts still waiting builds their errors, not Fluent's.
    let err = resume_err(&dir.0, &["pdf", "--lang", "en"]);
    assert!(err.contains("has no `en` version"), "{err}");
}

#[test]
fn extract_into_its_own_file_through_the_shell_is_caught() {
    let dir = Scratch::new("extract-redirect");
    dir.write("resume.toml", KOREAN_ONLY);
    dir.write("en.ftl", "");
    // What `resume i18n extract --lang en > en.ftl` does: the file is the
    // (already emptied) standard output.
    let file = std::fs::OpenOptions::new().write(true).truncate(true).open(dir.path("en.ftl")).unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_resume"))
        .args(["i18n", "extract", "--lang", "en"])
        .current_dir(&dir.0)
        .stdout(file)
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("which the shell emptied") && err.contains("--write"), "{err}");
}

#[test]
fn every_fluent_error_of_a_file_is_reported_at_once() {
    let dir = Scratch::new("fluent-errors");
    dir.write("resume.toml", KOREAN_ONLY);
    dir.write("en.ftl", "person-headline = ok\nbroken one\nsecond broken\nproject-x = {\n");
    let err = resume_err(&dir.0, &["check", "--lang", "en"]);
    assert!(err.contains("en.ftl:2:"), "{err}");
    assert!(err.contains("also en.ftl:3:") && err.contains("also en.ftl:5:"), "{err}");
}

/// Two bullets, the second translated in en.ftl under the id it had when
/// ids were positions.
const TWO_BULLETS: &str = r#"[person]
name = "Kim"

[[project]]
id = "search"
name = "Search"
company = ""
period = "2020-01..2021-06"
responsibilities = [{ ko = "색인기 구현", en = "Built the indexer" }, { ko = "랭킹 개선" }]
"#;

#[test]
fn inserting_a_bullet_keeps_every_translation_where_it_was() {
    let dir = Scratch::new("stable-ids");
    dir.write("resume.toml", TWO_BULLETS);
    let listed = stdout(&dir, &["i18n", "missing", "--lang", "en"]);
    let id = listed.split_whitespace().nth(1).expect("the missing bullet's id").to_string();
    assert!(id.starts_with("project-search-responsibility-") && !id.ends_with("-2"), "{listed}");
    dir.write("en.ftl", &format!("{id} = Improved ranking\n"));
    resume_ok(&dir.0, &["pdf", "--lang", "en", "-o", "before.pdf"]);
    // A new first bullet: the translation stays with its own bullet.
    dir.write(
        "resume.toml",
        &TWO_BULLETS
            .replace("responsibilities = [", "responsibilities = [{ ko = \"새 항목\", en = \"New item\" }, "),
    );
    resume_ok(&dir.0, &["pdf", "--lang", "en", "-o", "after.pdf"]);
    let text = Pdf::open(&dir.path("after.pdf")).text();
    assert_eq!(text.matches("Improved ranking").count(), 1, "{text}");
    assert_eq!(text.matches("Built the indexer").count(), 1, "{text}");
    let order: Vec<usize> =
        ["New item", "Built the indexer", "Improved ranking"].iter().map(|t| text.find(t).unwrap()).collect();
    assert!(order.windows(2).all(|w| w[0] < w[1]), "{text}");
}

#[test]
fn upgrade_rewrites_positional_ids_in_place() {
    let dir = Scratch::new("upgrade-ids");
    dir.write("resume.toml", TWO_BULLETS);
    dir.write(
        "en.ftl",
        "# kept as it is\nproject-search-responsibility-2 = Improved ranking\nproject-search-name = Search\n",
    );
    let out = resume(&dir.0, &["i18n", "upgrade", "--lang", "en"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(stderr.contains("project-search-responsibility-2 → project-search-responsibility-"), "{stderr}");
    let text = std::fs::read_to_string(dir.path("en.ftl")).unwrap();
    assert!(
        text.starts_with("# kept as it is\n") && text.ends_with("project-search-name = Search\n"),
        "{text}"
    );
    assert!(!text.contains("responsibility-2 ="), "{text}");
    resume_ok(&dir.0, &["pdf", "--lang", "en", "-o", "x.pdf"]);
    assert!(Pdf::open(&dir.path("x.pdf")).text().contains("Improved ranking"));
    // Run again: nothing left to do.
    let again = resume(&dir.0, &["i18n", "upgrade", "--lang", "en"]);
    assert!(String::from_utf8_lossy(&again.stderr).contains("no positional ids"));
}

#[test]
fn a_translation_whose_source_changed_is_reported_stale() {
    let dir = Scratch::new("stale");
    dir.write("resume.toml", TWO_BULLETS);
    resume_ok(&dir.0, &["i18n", "extract", "--lang", "en", "--write"]);
    let skeleton = std::fs::read_to_string(dir.path("en.ftl")).unwrap();
    let waiting = skeleton.lines().find(|l| l.starts_with("# project-search-responsibility-")).unwrap();
    let id = waiting.trim_start_matches("# ").trim_end_matches(" =").to_string();
    dir.write("en.ftl", &skeleton.replace(waiting, &format!("{id} = Improved ranking")));
    resume_ok(&dir.0, &["check", "--lang", "en"]);
    // The Korean source is edited: the translation is of the old text.
    dir.write("resume.toml", &TWO_BULLETS.replace("랭킹 개선", "랭킹 모델 전면 개선"));
    let err = resume_err(&dir.0, &["check", "--lang", "en"]);
    assert!(err.contains("translation of this text is stale"), "{err}");
    assert!(err.contains("the source was: ko: 랭킹 개선"), "{err}");
    assert!(err.contains("the source is:  ko: 랭킹 모델 전면 개선"), "{err}");
    assert!(err.contains("Improved ranking") && err.contains(&format!("rename `{id}`")), "{err}");
    assert!(!err.contains("overrides nothing"), "the stale message is reported once: {err}");
    let err = resume_err(&dir.0, &["pdf", "--lang", "en"]);
    assert!(err.contains("has no `en` version"), "pdf never prints the stale sentence: {err}");
}

/// `upgrade` never renames a message onto an id the file already defines:
/// the file would define it twice and a build would use the last in
/// silence. It says which two, and leaves the file as it was.
#[test]
fn upgrade_never_renames_onto_an_existing_id() {
    let dir = Scratch::new("upgrade-collide");
    dir.write("resume.toml", TWO_BULLETS);
    // Find the id the positional one becomes.
    dir.write("en.ftl", "project-search-responsibility-2 = Old\n");
    resume_ok(&dir.0, &["i18n", "upgrade", "--lang", "en"]);
    let upgraded = std::fs::read_to_string(dir.path("en.ftl")).unwrap();
    let new_id = upgraded.split(" =").next().unwrap().to_string();
    let both = format!("project-search-responsibility-2 = Old\n{new_id} = New\n");
    dir.write("en.ftl", &both);
    let err = resume_err(&dir.0, &["i18n", "upgrade", "--lang", "en"]);
    assert!(err.contains("project-search-responsibility-2") && err.contains(&new_id), "{err}");
    assert!(err.contains("line 1") && err.contains("line 2"), "{err}");
    assert_eq!(std::fs::read_to_string(dir.path("en.ftl")).unwrap(), both, "the file changed");
}

/// One id defined twice is an error with both lines, in `check` and in a
/// build; a UTF-8 byte-order mark at the start of a translation is read
/// as nothing.
#[test]
fn a_message_defined_twice_is_located_and_a_byte_order_mark_is_accepted() {
    let dir = Scratch::new("ftl-twice");
    dir.write("resume.toml", TWO_BULLETS);
    dir.write("en.ftl", "project-search-name = Search\n\nproject-search-name = Finder\n");
    for args in [&["check"][..], &["pdf", "--lang", "en", "-o", "x.pdf"]] {
        let err = resume_err(&dir.0, args);
        assert!(err.contains("defines `project-search-name` twice: on line 1 and on line 3"), "{err}");
        assert!(err.contains("en.ftl:3:1"), "{err}");
    }
    std::fs::remove_file(dir.path("en.ftl")).unwrap();
    dir.write_bytes("ko.ftl", "\u{FEFF}project-search-name = 찾기\n".as_bytes());
    resume_ok(&dir.0, &["pdf", "--lang", "ko", "-o", "x.pdf"]);
    assert!(Pdf::open(&dir.path("x.pdf")).text().contains("찾기"));
}
