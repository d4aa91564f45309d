//! Letters and their limits from the command line: `resume letter count`
//! prints the counts portals compute, and `resume check` fails an answer
//! over its limit at the answer's line.

mod common;

use common::{Scratch, resume, resume_err, resume_ok};

/// A letter with four answers: one that fits, one over its limit, one
/// under its minimum, one well under its maximum. The counts are worked
/// out by hand in the comments.
const LETTERS: &str = r#"[person]
name = { ko = "한가온", en = "Gaon Han" }
email = "gaon@example.com"

[[letter]]
id = "kakao"
title = { ko = "카카오 백엔드 개발자 지원", en = "Backend engineer at Kakao" }

# 12 characters with spaces, 10 without; UTF-8 2×3 + 10 = 16 bytes; EUC-KR 2×2 + 10 = 14.
[[letter.question]]
question = { ko = "지원 동기", en = "Why us?" }
limit = "12자 이내"
answer = { ko = "검색 Rust 2024", en = "Search" }

# 7 characters: over a limit of 5 by 2.
[[letter.question]]
question = "성장 과정"
limit = { chars = 5 }
answer = "가나다 라마바"

# 3 bytes short of its minimum of 10 UTF-8 bytes (가 + 4 letters = 7).
[[letter.question]]
question = "입사 후 포부"
limit = { min = 10, bytes = 40 }
answer = "가 abc"
"#;

#[test]
fn letter_count_prints_every_count_and_the_room_left() {
    let dir = Scratch::new("letter-count");
    let ok = LETTERS.replace("limit = { min = 10, bytes = 40 }", "limit = { min = 1, bytes = 40 }");
    dir.write("resume.toml", &ok);
    let out = resume(&dir.0, &["letter", "count", "kakao"]);
    // One answer is over its limit: every count is printed, and the command fails.
    assert_eq!(out.status.code(), Some(1), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stderr).contains("1 answer is over its limit"));
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], "kakao · 1. 지원 동기");
    assert_eq!(lines[1], "  with spaces 12 · without spaces 10 · UTF-8 16 bytes · EUC-KR 14 bytes");
    assert_eq!(lines[2], "  limit: at most 12 characters with spaces: 12 counted, 0 left");
    assert!(text.contains("  limit: at most 5 characters with spaces: 7 counted, OVER by 2"), "{text}");
    // English answers are counted in English.
    let en = String::from_utf8(resume(&dir.0, &["letter", "count", "--lang", "en"]).stdout).unwrap();
    assert!(en.starts_with("kakao · 1. Why us?\n  with spaces 6 · without spaces 6 · UTF-8 6 bytes"), "{en}");
}

#[test]
fn check_fails_an_answer_over_its_limit_at_its_line() {
    let dir = Scratch::new("letter-check");
    dir.write("resume.toml", LETTERS);
    let err = resume_err(&dir.0, &["check"]);
    assert!(err.contains("error: the answer to “성장 과정” in the letter `kakao` is 2 over its limit: 7 characters with spaces, at most 5"), "{err}");
    let line = LETTERS.lines().position(|l| l == "answer = \"가나다 라마바\"").unwrap() + 1;
    assert!(err.contains(&format!("resume.toml:{line}:")), "located at line {line}: {err}");
    assert!(
        err.contains("warning: the answer to “입사 후 포부” in the letter `kakao` is 3 short of its minimum"),
        "{err}"
    );
    assert!(err.contains("1 error(s), 1 warning(s)"), "{err}");
}

#[test]
fn check_notes_an_answer_well_under_its_limit_without_failing() {
    let dir = Scratch::new("letter-note");
    dir.write(
        "resume.toml",
        "[person]\nname = 'Kim'\nemail = 'kim@example.com'\n[[letter]]\nid = 'x'\n[[letter.question]]\nquestion = 'Q'\nlimit = '100자'\nanswer = '짧다'\n",
    );
    let err = resume_ok(&dir.0, &["check", "--strict"]);
    assert!(err.contains("note: the answer to “Q” in the letter `x` uses under 80 % of its limit: 2 characters with spaces, at most 100 characters with spaces; 98 left"), "{err}");
}

#[test]
fn limits_and_letters_are_checked_where_they_are_written() {
    let dir = Scratch::new("letter-bad");
    dir.write(
        "resume.toml",
        "[person]\nname = 'Kim'\n[[letter]]\nid = 'x'\n[[letter.question]]\nquestion = 'Q'\nlimit = 'about a page'\nanswer = 'A'\n",
    );
    let err = resume_err(&dir.0, &["check"]);
    assert!(
        err.contains("does not say whether it counts characters or bytes") && err.contains("resume.toml:7"),
        "{err}"
    );
    dir.write(
        "resume.toml",
        "[person]\nname = 'Kim'\n[[letter]]\nid = 'x'\nparagraphs = ['Dear']\n[[letter.question]]\nquestion = 'Q'\nanswer = 'A'\n",
    );
    let err = resume_err(&dir.0, &["check"]);
    assert!(err.contains("has both questions and paragraphs"), "{err}");
    // Numbers are read strictly: a number that is not the limit, a sign,
    // a power or `k` is refused at its line, never guessed.
    for limit in ["문항 2: 500자 이내", "-500자", "10^30자", "1e30 chars", "1.5k chars"] {
        dir.write(
            "resume.toml",
            &format!("[person]\nname = 'Kim'\n[[letter]]\nid = 'x'\n[[letter.question]]\nquestion = 'Q'\nlimit = '{limit}'\nanswer = 'A'\n"),
        );
        let err = resume_err(&dir.0, &["check"]);
        assert!(err.contains("resume.toml:7") && err.contains("a limit reads like"), "{limit}: {err}");
    }
    dir.write(
        "resume.toml",
        "[person]\nname = 'Kim'\n[[letter]]\nid = 'x'\n[[letter.question]]\nquestion = 'Q'\nlimit = '1만자 이내'\nanswer = 'A'\n",
    );
    let out = resume(&dir.0, &["letter", "count", "x"]);
    assert!(String::from_utf8_lossy(&out.stdout).contains("10,000"), "{out:?}");
    dir.write("resume.toml", LETTERS);
    let err = resume_err(&dir.0, &["letter", "count", "kakap"]);
    assert!(err.contains("there is no letter `kakap`") && err.contains("did you mean `kakao`?"), "{err}");
    dir.write("resume.toml", "[person]\nname = 'Kim'\n");
    let err = resume_err(&dir.0, &["letter", "count"]);
    assert!(err.contains("the résumé has no letters") && err.contains("[[letter.question]]"), "{err}");
}

/// What `export --format text` prints of an answer is exactly what was
/// counted: pasting it into a portal gives `letter count`'s numbers.
#[test]
fn the_text_export_prints_answers_exactly_as_counted() {
    let dir = Scratch::new("letter-text");
    let answer = "첫 줄입니다.\n\n둘째  줄, 공백 둘.\n마지막 줄";
    dir.write(
        "resume.toml",
        &format!(
            "[person]\nname = 'Kim'\n[[letter]]\nid = 'x'\ntitle = '지원서'\n[[letter.question]]\nquestion = '지원 동기'\nlimit = '500자 이내'\nanswer = \"\"\"{answer}\"\"\"\n"
        ),
    );
    let out = resume(&dir.0, &["export", "--format", "text", "--document", "letter:x"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("지원서\n\n1. 지원 동기\n(500자 이내)\n\n"), "{text}");
    assert!(text.contains(answer), "the answer is printed verbatim: {text:?}");
    // Every character here is one code point, so counting them is counting clusters.
    let with_spaces = answer.chars().count();
    let without = answer.chars().filter(|c| !c.is_whitespace()).count();
    let count = String::from_utf8(resume(&dir.0, &["letter", "count"]).stdout).unwrap();
    assert!(
        count.contains(&format!(
            "with spaces {with_spaces} · without spaces {without} · UTF-8 {} bytes",
            answer.len()
        )),
        "{count}"
    );
    let err = common::resume_err(&dir.0, &["export", "--format", "markdown", "--document", "letter:x"]);
    assert!(err.contains("a letter exports as text only"), "{err}");
}

#[test]
fn the_resume_exports_as_plain_text_in_reading_order() {
    let dir = Scratch::new("resume-text");
    let out = resume(&dir.0, &["export", "--format", "text", "--lang", "ko"]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let at = |needle: &str| text.find(needle).unwrap_or_else(|| panic!("no {needle} in {text}"));
    assert!(at("yoonbh2714") < at("경력 요약") && at("경력 요약") < at("kakao i MLOps"));
    assert!(
        at("kakao i MLOps") < at("B2B 용 검색 서비스 빌더") && at("B2B 용 검색 서비스 빌더") < at("기술\n")
    );
    assert!(text.contains("\n- cli(command-line-interface) client 구현(python)\n"), "{text}");
    assert!(!text.contains('·') && !text.contains('•'), "no layout characters: {text}");
}

const FIXTURE: &str = "tests/fixtures/letters.toml";

/// The 자기소개서 in its PDF: each question with its limit as the portal
/// states it, the answer as written, and the count `letter count` gives.
#[test]
fn a_personal_statement_prints_questions_limits_answers_and_counts() {
    let dir = Scratch::new("letter-pdf");
    dir.write("resume.toml", &std::fs::read_to_string(common::root().join(FIXTURE)).unwrap());
    let err = resume_ok(&dir.0, &["pdf", "--document", "letter:lumen", "--lang", "ko"]);
    assert!(err.contains("wrote letter-lumen-ko.pdf (1 page)"), "{err}");
    let pdf = common::Pdf::open(&dir.path("letter-lumen-ko.pdf"));
    let text = common::squash(&pdf.text());
    let count = String::from_utf8(resume(&dir.0, &["letter", "count", "lumen"]).stdout).unwrap();
    let with_spaces: String = count.lines().nth(1).unwrap().split_whitespace().nth(2).unwrap().to_string();
    for needle in [
        "자기소개서".to_string(),
        "1.지원동기를적어주세요.".to_string(),
        // The limit as the portal wrote it, its own parentheses a comma.
        "(1,000자이내,공백포함)".to_string(),
        "배포가느린팀에서일하며".to_string(),
        format!("{with_spaces}/1,000자"),
        "(300자이상600자이내,공백제외)".to_string(),
    ] {
        assert!(text.contains(&needle), "no {needle} in {text}");
    }
    assert!(pdf.info("Title").unwrap().contains("자기소개서"), "{:?}", pdf.info("Title"));
}

#[test]
fn a_cover_letter_takes_one_page_with_the_header_greeting_and_sign_off() {
    let dir = Scratch::new("cover-pdf");
    dir.write("resume.toml", &std::fs::read_to_string(common::root().join(FIXTURE)).unwrap());
    resume_ok(&dir.0, &["pdf", "--document", "letter:orbit", "--lang", "en", "--paper", "us-letter"]);
    let pdf = common::Pdf::open(&dir.path("letter-orbit-en.pdf"));
    assert_eq!(pdf.pages(), 1);
    let text = common::squash(&pdf.text());
    let at = |needle: &str| text.find(needle).unwrap_or_else(|| panic!("no {needle} in {text}"));
    // Dated in full: the day is known.
    assert!(at("GaonHan") < at("November26,2026") && at("November26,2026") < at("DearHiringManager,"));
    assert!(at("DearHiringManager,") < at("Iamwritingtoapply") && at("Iamwritingtoapply") < at("Sincerely,"));
    assert!(text.ends_with("Sincerely,GaonHan"), "signed with the name: {text}");
    // The letter has no Korean: building it in Korean says where.
    let err = resume_err(&dir.0, &["pdf", "--document", "letter:orbit", "--lang", "ko"]);
    assert!(err.contains("has no `ko` version") && err.contains("resume.toml:"), "{err}");
    assert!(!dir.path("letter-orbit-ko.pdf").exists());
}

#[test]
fn documents_are_named_and_checked_before_building() {
    let dir = Scratch::new("letter-document");
    dir.write("resume.toml", &std::fs::read_to_string(common::root().join(FIXTURE)).unwrap());
    let err = resume_err(&dir.0, &["pdf", "--document", "letter:lumn"]);
    assert!(
        err.contains("there is no letter `lumn`") && err.contains("did you mean `letter:lumen`?"),
        "{err}"
    );
    let err = resume_err(&dir.0, &["pdf", "--document", "cv"]);
    assert!(err.contains("`cv` is not a document") && err.contains("iryeokseo"), "{err}");
    let err = resume_err(&dir.0, &["pdf", "--layout", "letter"]);
    assert!(err.contains("build it with `--document letter:ID`"), "{err}");
}

/// Lines poppler read on page 1: each line's top and its text, top down.
fn lines_of(pdf: &std::path::Path) -> (f64, Vec<(f64, String)>) {
    let out = std::process::Command::new("pdftotext")
        .args(["-bbox", "-f", "1", "-l", "1"])
        .arg(pdf)
        .arg("-")
        .output();
    let html = String::from_utf8_lossy(&out.expect("pdftotext runs").stdout).into_owned();
    let number = |text: &str, key: &str| -> f64 {
        let at = text.find(&format!("{key}=\"")).unwrap() + key.len() + 2;
        text[at..].split('"').next().unwrap().parse().unwrap()
    };
    let height = number(&html, "height");
    let mut lines: Vec<(f64, String)> = Vec::new();
    for word in html.split("<word ").skip(1) {
        let top = number(word, "yMin");
        let text = word.split_once('>').unwrap().1.split("</word>").next().unwrap();
        match lines.iter_mut().find(|(y, _)| (y - top).abs() < 2.0) {
            Some((_, line)) => line.push_str(&format!(" {text}")),
            None => lines.push((top, text.to_string())),
        }
    }
    lines.sort_by(|a, b| a.0.total_cmp(&b.0));
    (height, lines)
}

/// A cover letter in block style as a US reader expects it: a blank
/// line between its blocks (after the greeting, between paragraphs), room
/// for a signature, and a short letter set down the page rather than
/// crowded under the letterhead.
#[test]
fn a_cover_letter_is_spaced_and_balanced_on_its_page() {
    if std::process::Command::new("pdftotext").arg("-v").output().is_err() {
        eprintln!("SKIPPED: pdftotext (poppler-utils) is not installed; `.ci/run` installs it");
        return;
    }
    let dir = Scratch::new("cover-balance");
    let input = common::root().join("examples/packet/resume.toml");
    resume_ok(
        &dir.0,
        &[
            "pdf",
            "--input",
            input.to_str().unwrap(),
            "--document",
            "letter:orbit",
            "--lang",
            "en",
            "-o",
            "c.pdf",
        ],
    );
    let (height, lines) = lines_of(&dir.path("c.pdf"));
    let at = |start: &str| {
        lines.iter().position(|(_, l)| l.starts_with(start)).unwrap_or_else(|| panic!("{start}: {lines:?}"))
    };
    let (greeting, body) = (at("Dear"), at("I am writing"));
    // The pitch of lines within a paragraph, and the gap between blocks.
    let pitch = lines[body + 1].0 - lines[body].0;
    assert!(lines[body].0 - lines[greeting].0 >= 1.8 * pitch, "no blank line after the greeting: {lines:?}");
    let next = at("At Lumen Labs");
    assert!(lines[next].0 - lines[next - 1].0 >= 1.8 * pitch, "no blank line between paragraphs");
    let (closing, name) = (at("Sincerely"), lines.len() - 1);
    assert!(lines[name].0 - lines[closing].0 >= 3.0 * pitch, "no room to sign: {lines:?}");
    // The date starts lower than a fifth of the page, and the letter ends
    // past the page's middle: not a top-heavy page.
    let date = at("Hiring") - 1;
    assert!(lines[date].0 > 0.2 * height, "the letter starts just under the letterhead: {lines:?}");
    assert!(
        lines[name].0 > 0.55 * height,
        "the page is top-heavy: the letter ends at {:.0} %",
        lines[name].0 / height * 100.0
    );
}
