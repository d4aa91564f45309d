//! `resume check` on the words themselves: Korean spacing and spelling
//! findings are warnings after the others, at the line and column of the
//! characters they are about, skipped with `--no-style`, failing
//! `--strict`; `--fix` writes the certain ones in place, keeping every
//! comment and line, and prints what it changed.

mod common;

use common::{Scratch, resume, resume_ok};

const RESUME: &str = r#"# My résumé: comments stay where they are.
[person]
name = "김민국"   # as on my ID
email = "minguk@example.com"

[[company]]
id = "lumen"
name = "루멘"

[[project]]
id = "pay"
name = "정산 시스템"
company = "lumen"
period = "2020-01.."
# The bullets, as first written.
responsibilities = [
  "etcd 의 노드가 장애로 실행 되는 배치를 복구",
  "데이터 조회등을 위한 api 개발",
  "rfc 명세 위한사항으로 수정",
  "로그 파일은 /var/log/pay 의 경로에",
]
"#;

#[test]
fn findings_are_warnings_at_their_characters() {
    let dir = Scratch::new("style-found");
    dir.write("resume.toml", RESUME);
    let out = resume(&dir.0, &["check"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "style never fails a plain check:\n{stderr}");
    for (message, place) in [
        ("`etcd 의`: a particle is written joined", "resume.toml:17:4"),
        ("`실행 되는`: a 하다/되다 verb", "resume.toml:17:19"),
        ("`조회등`: a bound noun", "resume.toml:18:8"),
        ("`위한사항`: a common misspelling", "resume.toml:19:11"),
    ] {
        let at = stderr.find(message).unwrap_or_else(|| panic!("`{message}` not found:\n{stderr}"));
        assert!(stderr[at..].contains(&format!("--> {place}")), "`{message}` not at {place}:\n{stderr}");
    }
    assert!(!stderr.contains("/var/log/pay 의"), "a path is code, never prose:\n{stderr}");
    assert!(stderr.contains("0 error(s), 4 warning(s)"), "{stderr}");

    let strict = resume(&dir.0, &["check", "--strict"]);
    assert_eq!(strict.status.code(), Some(1), "--strict fails on the words too");
    let quiet = resume(&dir.0, &["check", "--strict", "--no-style"]);
    assert!(quiet.status.success(), "{}", String::from_utf8_lossy(&quiet.stderr));
}

#[test]
fn fix_writes_the_certain_ones_in_place_and_says_what_changed() {
    let dir = Scratch::new("style-fix");
    let file = dir.write("resume.toml", RESUME);
    // Nothing is rewritten without --fix.
    resume_ok(&dir.0, &["check"]);
    assert_eq!(std::fs::read_to_string(&file).unwrap(), RESUME);

    let out = resume(&dir.0, &["check", "--fix"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let diff = String::from_utf8(out.stdout).unwrap();
    assert!(diff.starts_with("--- resume.toml\n+++ resume.toml\n"), "{diff}");
    assert!(diff.contains("@@ line 17 @@\n-  \"etcd 의 노드가 장애로 실행 되는 배치를 복구\",\n+  \"etcd의 노드가 장애로 실행되는 배치를 복구\",\n"), "{diff}");
    let fixed = std::fs::read_to_string(&file).unwrap();
    let expected = RESUME
        .replace("etcd 의 노드가 장애로 실행 되는", "etcd의 노드가 장애로 실행되는")
        .replace("조회등을", "조회 등을")
        .replace("위한사항으로", "위반 사항으로");
    assert_eq!(fixed, expected, "only the words change; comments and lines stay");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("fixed 3 line(s)") && stderr.contains("0 error(s), 0 warning(s)"), "{stderr}");

    // The built-in example is no file to fix.
    let elsewhere = Scratch::new("style-fix-builtin");
    let out = resume(&elsewhere.0, &["check", "--fix"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("the built-in example cannot be fixed in place"));
}

const CONTRADICTING: &str = r#"[person]
name = "gaonhan92"

[[company]]
id = "lumen"
name = "Lumen"

[[project]]
id = "pay"
name = "Payments"
company = "lumen"
period = "2015-01..2026-10"
databases = ["mysql", "redis"]

[[project]]
id = "search"
name = "Search"
company = "lumen"
period = "2015-01..2018-12"
databases = ["MySQL"]
languages = ["golang"]

[[project]]
id = "batch"
name = "Batch"
company = "lumen"
period = "2019-01..2020-12"
databases = ["MySQL"]
languages = ["go"]

[[letter]]
id = "cover"
paragraphs = [
  { en = "I bring eight years of backend work to the team.", ko = "지난 3년 동안 결제 시스템을 운영했습니다." },
]
"#;

#[test]
fn what_the_resume_says_against_itself_is_reported() {
    let dir = Scratch::new("style-consistency");
    dir.write("resume.toml", CONTRADICTING);
    let out = resume(&dir.0, &["check", "--lang", "ko,en", "--today", "2026-11"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    for found in [
        "`mysql` (1 time(s)) and `MySQL` (2 time(s)) name one technology",
        "`golang` (1 time(s)) and `go` (1 time(s)) name one technology",
        "the name `gaonhan92` reads as a user name",
        "has no e-mail and no phone",
        "`eight years` disagrees with the career the periods give: 11 year(s) 10 month(s)",
        "`3년` disagrees with the career the periods give",
    ] {
        assert!(stderr.contains(found), "`{found}` not reported:\n{stderr}");
    }
    // Never rewritten: --fix touches the words' spacing only.
    let out = resume(&dir.0, &["check", "--fix", "--today", "2026-11"]);
    assert!(out.status.success());
    assert_eq!(std::fs::read_to_string(dir.path("resume.toml")).unwrap(), CONTRADICTING);

    // What the periods bear out stands, and a declared alias is meant.
    let agreeing = CONTRADICTING
        .replace("eight years", "eleven years")
        .replace("지난 3년", "지난 11년")
        .replace("[person]", "[resume]\nskill_aliases = { golang = \"go\" }\n\n[person]");
    dir.write("resume.toml", &agreeing);
    let out = resume(&dir.0, &["check", "--lang", "ko,en", "--today", "2026-11"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("disagrees") && !stderr.contains("`golang`"), "{stderr}");
}

#[test]
fn translation_files_are_read_and_fixed_too() {
    let dir = Scratch::new("style-ftl");
    dir.write("resume.toml", "[person]\nname = \"Kim Minji\"\nemail = \"minji@example.com\"\n");
    let ftl = "# Korean texts\nperson-headline = etcd 의 운영자\nsummary =\n    데이터 조회등을 담당\n";
    dir.write("ko.ftl", ftl);
    let out = resume(&dir.0, &["check"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("`etcd 의`: a particle") && stderr.contains("--> ko.ftl:2:19"), "{stderr}");
    assert!(stderr.contains("`조회등`: a bound noun") && stderr.contains("--> ko.ftl:4:9"), "{stderr}");
    let out = resume(&dir.0, &["check", "--fix"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(
        std::fs::read_to_string(dir.path("ko.ftl")).unwrap(),
        "# Korean texts\nperson-headline = etcd의 운영자\nsummary =\n    데이터 조회 등을 담당\n"
    );
    assert!(String::from_utf8(out.stdout).unwrap().contains("--- ko.ftl"));
}

const ENGLISH: &str = r#"[resume]
source = "en"

[person]
name = "Daniel Okafor"
email = "daniel@example.com"

[[company]]
id = "lumen"
name = "Lumen Labs"

[[project]]
id = "deploy"
name = "Deploy platform"
company = "lumen"
period = "2020-01.."
platform = ["kubernetes", "argocd"]
responsibilities = [
  "Moved 120 services to kubernetes with argocd and wrote a toool for Lumen Labs.",
  "Cut deploy time with a canary rollut.",
]
"#;

#[test]
fn english_is_read_for_spelling_with_the_resumes_own_words() {
    let dir = Scratch::new("style-english");
    dir.write("resume.toml", ENGLISH);
    let out = resume(&dir.0, &["check", "--lang", "en"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    let at = stderr.find("`toool`:").unwrap_or_else(|| panic!("the misspelling is not found:\n{stderr}"));
    assert!(
        stderr[at..].contains("--> resume.toml:19:61") && stderr[at..].contains("hint: write `tool`"),
        "{stderr}"
    );
    assert!(stderr.contains("`rollut`:"), "{stderr}");
    for own in ["`kubernetes`", "`argocd`", "`Lumen`"] {
        assert!(!stderr.contains(own), "{own} is the résumé's own word:\n{stderr}");
    }
    // A word the user lists is right, and --fix never rewrites English.
    dir.write("resume.toml", &format!("{ENGLISH}\n[check]\nwords = [\"rollut\"]\n"));
    let out = resume(&dir.0, &["check", "--lang", "en", "--fix"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("`rollut`") && stderr.contains("`toool`"), "{stderr}");
    assert!(std::fs::read_to_string(dir.path("resume.toml")).unwrap().contains("toool"));
}

#[test]
fn english_translation_files_are_read_too() {
    let dir = Scratch::new("style-en-ftl");
    dir.write("resume.toml", "[person]\nname = \"김민지\"\nemail = \"minji@example.com\"\n");
    dir.write("en.ftl", "# English texts\nperson-headline = Backend enginer at a payments company\n");
    let out = resume(&dir.0, &["check"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    let at = stderr.find("`enginer`:").unwrap_or_else(|| panic!("not found:\n{stderr}"));
    assert!(stderr[at..].contains("--> en.ftl:2:27") && stderr[at..].contains("write `engine"), "{stderr}");
}

#[test]
fn english_sentences_in_the_korean_document_are_reported() {
    let dir = Scratch::new("style-english-in-korean");
    dir.write(
        "resume.toml",
        "[person]\nname = \"김민지\"\nemail = \"minji@example.com\"\n\n[[project]]\nid = \"ocr\"\nname = \"OCR\"\ncompany = \"\"\nresponsibilities = [\n  \"Develop OCR System\",\n  \"Hangame Game Backend Platform\",\n  { ko = \"OCR 시스템 개발\", en = \"Developed the OCR system.\" },\n]\n",
    );
    let out = resume(&dir.0, &["check"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(stderr.matches("this text is English").count(), 1, "{stderr}");
    assert!(stderr.contains("--> resume.toml:10:3"), "{stderr}");
}

#[test]
fn a_rule_is_silenced_beside_one_text_or_for_the_whole_resume() {
    let dir = Scratch::new("style-allow");
    let file = r#"[person]
name = "김민국"
email = "minguk@example.com"

[[project]]
id = "pay"
name = "정산"
company = ""
responsibilities = [
  "etcd 의 노드를 복구",  # check: allow korean-particle (a quoted log line)
  "redis 의 키를 정리",
  # check: allow
  "데이터 조회등을 위한 api 개발",
]
description = """
배포를 실행 되는 대로
"""
"#;
    dir.write("resume.toml", file);
    let out = resume(&dir.0, &["check"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        !stderr.contains("`etcd 의`") && !stderr.contains("`조회등`"),
        "allowed beside the text:\n{stderr}"
    );
    assert!(stderr.contains("`redis 의`") && stderr.contains("`실행 되는`"), "only there:\n{stderr}");

    // --fix never writes what is allowed.
    let out = resume(&dir.0, &["check", "--fix"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let fixed = std::fs::read_to_string(dir.path("resume.toml")).unwrap();
    assert!(
        fixed.contains("etcd 의 노드") && fixed.contains("조회등을") && fixed.contains("redis의 키"),
        "{fixed}"
    );
    assert!(fixed.contains("실행되는 대로"), "{fixed}");

    // A multi-line text from the comment above its key, and a rule for
    // the whole résumé; a rule that does not exist is said, with the nearest.
    let whole = file
        .replace("description = \"\"\"", "# check: allow korean-verb\ndescription = \"\"\"")
        .replace("[person]", "[check]\nallow = [\"korean-particle\", \"korean-bound-nuon\"]\n\n[person]");
    dir.write("resume.toml", &whole);
    let out = resume(&dir.0, &["check"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("`redis 의`") && !stderr.contains("`실행 되는`"), "{stderr}");
    assert!(
        stderr.contains("`[check] allow` names no rule `korean-bound-nuon`")
            && stderr.contains("did you mean `korean-bound-noun`?")
            && stderr.contains("--> resume.toml:2:"),
        "{stderr}"
    );
}

#[test]
fn the_word_list_beside_the_resume_sets_words_and_their_case() {
    let dir = Scratch::new("style-words");
    dir.write(
        "resume.toml",
        r#"[resume]
source = "en"

[person]
name = "Daniel Okafor"
email = "daniel@example.com"

[[company]]
id = "lumen"
name = "Lumen Labs"

[[project]]
id = "deploy"
name = "Deploy platform"
company = "lumen"
period = "2020-01.."
responsibilities = [
  "Moved the billing data from mysql to a sharded store with argo cd rollouts.",
  "Wrote a canary rollut checker, see /etc/mysql/conf.d.",
]
"#,
    );
    dir.write("en.ftl", "person-headline = Backend engineer running mysql at scale\n");
    dir.write("words.txt", "# my words\nMySQL\nArgo CD   # the tool\nrollut\n");
    let out = resume(&dir.0, &["check", "--lang", "en"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("`rollut`"), "a listed word is right:\n{stderr}");
    for (written, place) in
        [("`mysql`", "resume.toml:18:"), ("`argo cd`", "resume.toml:18:"), ("`mysql`", "en.ftl:1:")]
    {
        let found = stderr.match_indices(written).any(|(at, _)| {
            stderr[at..].contains("(casing)")
                && stderr[at..].lines().nth(1).is_some_and(|l| l.contains(place))
        });
        assert!(found, "{written} at {place}:\n{stderr}");
    }
    assert!(!stderr.contains("/etc/mysql"), "a path is code:\n{stderr}");

    let out = resume(&dir.0, &["check", "--lang", "en", "--fix"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let fixed = std::fs::read_to_string(dir.path("resume.toml")).unwrap();
    assert!(fixed.contains("from MySQL to a sharded store with Argo CD rollouts"), "{fixed}");
    assert!(fixed.contains("/etc/mysql/conf.d"), "{fixed}");
    assert_eq!(
        std::fs::read_to_string(dir.path("en.ftl")).unwrap(),
        "person-headline = Backend engineer running MySQL at scale\n"
    );

    // A word list that is a link out of the folder is refused, said.
    let outside = Scratch::new("style-words-outside");
    let secret = outside.write("secret.txt", "hunter2\n");
    std::fs::remove_file(dir.path("words.txt")).unwrap();
    std::os::unix::fs::symlink(&secret, dir.path("words.txt")).unwrap();
    let out = resume(&dir.0, &["check", "--lang", "en"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("refusing to read") && stderr.contains("outside the résumé's folder"),
        "{stderr}"
    );
    assert!(!stderr.contains("hunter2"));
}

#[test]
fn who_gave_an_award_or_published_a_paper_is_a_name() {
    let dir = Scratch::new("style-issuers");
    dir.write(
        "resume.toml",
        r#"[resume]
source = "en"

[person]
name = "Daniel Okafor"
email = "daniel@example.com"
summary = "Won the Hooli Prize and wrote for the Weisman Quarterly."

[[award]]
name = "Prize for search"
issuer = "Hooli"

[[publication]]
title = "Ranking at scale"
journal = "Weisman Quarterly"
"#,
    );
    let out = resume(&dir.0, &["check", "--lang", "en"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("`Hooli`") && !stderr.contains("`Weisman`"), "{stderr}");
}

#[test]
fn years_said_of_one_employer_are_weighed_against_that_employer() {
    let dir = Scratch::new("style-years-employer");
    let file = r#"[person]
name = "김민국"
email = "minguk@example.com"

[[company]]
id = "lumen"
name = { ko = "루멘", en = "Lumen" }

[[company]]
id = "orbit"
name = { ko = "오르빗", en = "Orbit" }

[[project]]
id = "pay"
name = "정산"
company = "lumen"
period = "2014-01..2016-12"

[[project]]
id = "search"
name = "검색"
company = "orbit"
period = "2017-01.."

[[letter]]
id = "cover"
paragraphs = [
  { ko = "루멘에서 3년 동안 정산을 맡았습니다.", en = "I spent three years at Lumen on payments." },
  { ko = "오르빗에서 5년 동안 검색을 만들었습니다.", en = "At Orbit I built search for five years." },
]
"#;
    dir.write("resume.toml", file);
    let out = resume(&dir.0, &["check", "--lang", "ko,en", "--today", "2026-11"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    // Lumen: 3 years, borne out there though the career is 12.
    assert!(!stderr.contains("`3년`") && !stderr.contains("`three years`"), "{stderr}");
    // Orbit: 9 years 11 months, against five.
    assert!(
        stderr.contains("`5년` at 오르빗 disagrees with the periods there: 9 year(s) 11 month(s)"),
        "{stderr}"
    );
    assert!(stderr.contains("`five years` at Orbit disagrees with the periods there"), "{stderr}");
}

/// Runs `check` remembering Harper's findings in `cache`.
fn check_remembering(dir: &Scratch, cache: &std::path::Path) -> String {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_resume"))
        .arg("check")
        .current_dir(&dir.0)
        .env("SOURCE_DATE_EPOCH", "1795651200")
        .env("RESUME_CACHE_DIR", cache)
        .output()
        .expect("the binary runs");
    assert!(out.status.success());
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn english_findings_are_remembered_by_digest_and_read_the_same() {
    let dir = Scratch::new("style-remembered");
    let english = RESUME.replace(
        "name = \"정산 시스템\"",
        "name = \"정산 시스템\"\ndescription = { ko = \"정산 시스템\", en = \"Built a toool to apply manifect files.\" }",
    );
    dir.write("resume.toml", &english);
    let cache = dir.0.join("cache");
    let first = check_remembering(&dir, &cache);
    assert!(first.contains("toool") && first.contains("manifect"), "{first}");
    let file = cache.join("english-findings.json");
    let kept = std::fs::read_to_string(&file).expect("the findings are kept");
    assert!(!kept.contains("apply manifect"), "the texts themselves are never kept: {kept}");
    assert_eq!(check_remembering(&dir, &cache), first, "a remembered run reads differently");
    // A changed text is checked again.
    dir.write("resume.toml", &english.replace("toool", "tool"));
    let changed = check_remembering(&dir, &cache);
    assert!(!changed.contains("toool") && changed.contains("manifect"), "{changed}");
    // A damaged file is ignored and replaced.
    std::fs::write(&file, "{").unwrap();
    assert_eq!(check_remembering(&dir, &cache), changed);
    assert!(std::fs::read_to_string(&file).unwrap().starts_with("{\"texts\""));
    // Turned off, nothing is written.
    let off = dir.0.join("off");
    let out = resume(&dir.0, &["check"]);
    assert!(out.status.success());
    assert!(!off.exists() && !dir.0.join("off").exists());
}
