//! Either language first: a fictional applicant who writes his career in
//! English and keeps its Korean in `ko.ftl` (`tests/fixtures/english-first/`)
//! gets the same documents a Korean-first one does: the 이력서 form in
//! Korean from `ko.ftl`, employment dates as his certificate states them,
//! his nationality and residence status, no military table, and letters
//! held to their limits as Korean portals state them.

mod common;

use common::{Pdf, Scratch, resume, resume_err, resume_ok, squash};

const FIXTURE: &str = "tests/fixtures/english-first";

/// A copy of the fixture in a fresh folder, with `extra` appended to its
/// résumé.
fn fixture(name: &str, extra: &str) -> Scratch {
    let dir = Scratch::new(name);
    let root = common::root().join(FIXTURE);
    let toml = std::fs::read_to_string(root.join("resume.toml")).unwrap();
    dir.write("resume.toml", &format!("{toml}{extra}"));
    dir.write("ko.ftl", &std::fs::read_to_string(root.join("ko.ftl")).unwrap());
    dir
}

fn pdf_text(dir: &Scratch, file: &str) -> String {
    squash(&Pdf::open(&dir.path(file)).text())
}

fn stdout(dir: &Scratch, args: &[&str]) -> (String, Option<i32>) {
    let out = resume(&dir.0, args);
    (String::from_utf8(out.stdout).unwrap(), out.status.code())
}

#[test]
fn the_form_takes_every_text_from_ko_ftl_like_the_career_description() {
    let dir = fixture("ef-form", "");
    resume_ok(&dir.0, &["pdf", "--document", "iryeokseo"]);
    let form = pdf_text(&dir, "iryeokseo-ko.pdf");
    for korean in [
        "다니엘오카포",
        "테세라페이",
        "결제팀",
        "선임백엔드엔지니어",
        "정산플랫폼개발",
        "리즈대학교",
        "컴퓨터과학",
        "지원자다니엘오카포(인)",
        "서울특별시마포구",
    ] {
        assert!(form.contains(korean), "`{korean}` missing from the form: {form}");
    }
    // English only where the form asks for it: the Latin name.
    assert_eq!(form.matches("DanielOkafor").count(), 1, "{form}");
    for english in ["TesseraPay", "Payments", "UniversityofLeeds", "Settlement"] {
        assert!(!form.contains(english), "`{english}` printed on the Korean form: {form}");
    }
    // The packet's outline names him in Korean too.
    resume_ok(&dir.0, &["pdf", "--document", "iryeokseo,resume", "--packet", "--lang", "ko"]);
    let outline = Pdf::open(&dir.path("packet-ko.pdf")).outline_titles().join("\n");
    assert!(!outline.contains("Daniel"), "{outline}");
}

#[test]
fn the_employment_is_the_truth_for_its_dates_and_a_role_outside_projects_is_kept() {
    let dir = fixture("ef-dates", "");
    resume_ok(&dir.0, &["pdf", "--document", "iryeokseo"]);
    let form = pdf_text(&dir, "iryeokseo-ko.pdf");
    // The first project began in October; the employment in September.
    assert!(form.contains("2021.09~2022.12"), "{form}");
    assert!(!form.contains("2021.10"), "{form}");
    assert!(form.contains("2018.03~2021.08하버랩스"), "the role outside every project: {form}");
    resume_ok(&dir.0, &["pdf", "--lang", "ko", "-o", "ko.pdf"]);
    let career = pdf_text(&dir, "ko.pdf");
    assert!(career.contains("2021.09~2023.12(2년4개월)"), "{career}");
    assert!(career.contains("총경력5년10개월"), "{career}");
    resume_ok(&dir.0, &["pdf", "--lang", "en", "--layout", "international", "-o", "en.pdf"]);
    let international = pdf_text(&dir, "en.pdf");
    assert!(international.contains("Sep2021–Dec2023"), "{international}");
    assert!(!international.contains("Oct2021–Present"), "{international}");
    // An employer without any project is still an employer.
    assert!(international.contains("HarborLabs"), "{international}");
    assert!(international.contains("Mar2018–Aug2021"), "{international}");
    resume_ok(&dir.0, &["pdf", "--lang", "ko", "--layout", "international", "-o", "intl-ko.pdf"]);
    let international = pdf_text(&dir, "intl-ko.pdf");
    assert!(international.contains("하버랩스"), "{international}");
    assert!(international.contains("2018.03~2021.08"), "{international}");
    // A project outside its employment is an error at its period.
    let ok = resume_ok(&dir.0, &["check"]);
    assert!(!ok.contains("outside the employment"), "{ok}");
    let dir = fixture(
        "ef-outside",
        "\n[[project]]\nid = \"late\"\nname = { en = \"Late\", ko = \"늦음\" }\ncompany = \"tessera\"\nperiod = \"2023-06..2024-02\"\n",
    );
    let err = resume_err(&dir.0, &["check"]);
    assert!(
        err.contains("the project `late` (2023-06..2024-02) runs outside the employment at `tessera`"),
        "{err}"
    );
    assert!(err.contains("resume.toml:"), "located: {err}");
}

#[test]
fn the_form_fits_a_foreign_national() {
    let dir = fixture("ef-foreign", "");
    resume_ok(&dir.0, &["pdf", "--document", "iryeokseo"]);
    let form = pdf_text(&dir, "iryeokseo-ko.pdf");
    assert!(form.contains("국적영국") && form.contains("체류자격F-2"), "{form}");
    assert!(!form.contains("병역사항"), "military service does not apply: {form}");
    resume_ok(&dir.0, &["docx", "--document", "iryeokseo"]);
    let word = common::docx::part(&dir.path("iryeokseo-ko.docx"), "word/document.xml");
    assert!(word.contains("체류자격") && !word.contains("병역사항"));
    // `military` is a selector like any section: a Korean applicant may
    // leave the table out of one application.
    let packet = Scratch::new("ef-hide-military");
    let input = common::root().join("examples/packet/resume.toml");
    let input = input.to_str().unwrap();
    resume_ok(&packet.0, &["pdf", "--document", "iryeokseo", "--input", input, "-o", "with.pdf"]);
    resume_ok(
        &packet.0,
        &["pdf", "--document", "iryeokseo", "--input", input, "--hide", "military", "-o", "without.pdf"],
    );
    assert!(pdf_text(&packet, "with.pdf").contains("병역사항"));
    assert!(!pdf_text(&packet, "without.pdf").contains("병역사항"));
}

#[test]
fn an_answer_over_its_limit_is_never_sent() {
    // 51 bytes in EUC-KR (the portal's 2-byte count), 73 in UTF-8; the
    // longer answer below is 106 and 151: over the limit either way.
    let dir = fixture("ef-limits", "");
    resume_ok(&dir.0, &["pdf", "--document", "letter:toss"]);
    let letter = pdf_text(&dir, "letter-toss-ko.pdf");
    assert!(letter.contains("한글2byte기준100byte"), "the limit as the portal wrote it: {letter}");
    assert!(!letter.contains("UTF-8"), "{letter}");
    let (counted, code) = stdout(&dir, &["letter", "count", "toss"]);
    assert_eq!(code, Some(0), "{counted}");
    assert!(counted.contains("EUC-KR bytes"), "{counted}");

    // Over by a few bytes: the build fails, naming the letter, the question
    // and the counts, at the answer's line; a draft builds on request.
    let text = std::fs::read_to_string(dir.path("resume.toml")).unwrap();
    let long = "결제가 빠르고 정확해야 한다는 것을 매일 배웠습니다. 그래서 정산 플랫폼을 함께 만들고 싶습니다. 감사합니다.";
    dir.write("resume.toml", &text.replace("결제가 빠르고 정확해야 한다는 것을 매일 배웠습니다.", long));
    let err = resume_err(&dir.0, &["pdf", "--document", "letter:toss"]);
    assert!(err.contains("“지원 동기를 적어 주세요.” in the letter `toss` is over its limit"), "{err}");
    assert!(err.contains("/ 100"), "the counts: {err}");
    assert!(err.contains("resume.toml:"), "located: {err}");
    // The letter built before is left as it was.
    assert!(pdf_text(&dir, "letter-toss-ko.pdf") == letter);
    resume_ok(&dir.0, &["pdf", "--document", "letter:toss", "--allow-over-limit", "-o", "draft.pdf"]);
    assert!(pdf_text(&dir, "draft.pdf").contains("/100"), "the draft shows the count");
    let (counted, code) = stdout(&dir, &["letter", "count", "toss"]);
    assert_eq!(code, Some(1), "over a limit fails: {counted}");
    assert!(counted.contains("OVER by"), "{counted}");
}

#[test]
fn one_answer_exports_alone_and_a_korean_export_speaks_korean() {
    let dir = fixture("ef-export", "");
    let (all, _) = stdout(&dir, &["export", "--format", "text", "--document", "letter:toss"]);
    assert!(all.contains("(200자 이내, 공백 포함)"), "limits as the portal wrote them: {all}");
    assert!(!all.contains("characters"), "{all}");
    let (one, code) =
        stdout(&dir, &["export", "--format", "text", "--document", "letter:toss", "--question", "2"]);
    assert_eq!(code, Some(0));
    assert_eq!(one, "정산이 30초 안에 끝나야 했습니다.");
    let err =
        resume_err(&dir.0, &["export", "--format", "text", "--document", "letter:toss", "--question", "4"]);
    assert!(err.contains("has no question 4") && err.contains("1 to 3"), "{err}");
}

#[test]
fn hiding_the_summary_keeps_the_career_history() {
    let dir = fixture("ef-hide-summary", "\nsummary = { en = \"I build payment systems.\" }\n");
    let toml = std::fs::read_to_string(dir.path("resume.toml")).unwrap();
    // `summary` is a top-level key: put it before the first table.
    let toml = toml.replace("\nsummary = { en = \"I build payment systems.\" }\n", "");
    dir.write("resume.toml", &format!("summary = {{ en = \"I build payment systems.\" }}\n{toml}"));
    let (text, code) = stdout(&dir, &["export", "--format", "text", "--lang", "en", "--hide", "summary"]);
    assert_eq!(code, Some(0), "{text}");
    assert!(!text.contains("I build payment systems."), "{text}");
    assert!(text.contains("Tessera Pay (formerly Tessera"), "the career summary stays: {text}");
}

#[test]
fn an_application_of_several_documents_is_written_whole_or_not_at_all() {
    let profile = "\n[profile.berlin]\nlang = [\"en\"]\ndocuments = [\"resume\", \"letter:berlin\"]\n\
                   [[letter]]\nid = \"berlin\"\nsalutation = { en = \"Dear team,\" }\n\
                   paragraphs = [{ en = \"I would like to join you.\" }]\nclosing = { en = \"Kind regards,\" }\n";
    let dir = fixture("ef-berlin", profile);
    // The file names never repeat a word; `-o` names a folder, made if need be.
    resume_ok(&dir.0, &["pdf", "--profile", "berlin", "-o", "out/berlin2"]);
    for file in ["out/berlin2/berlin-en.pdf", "out/berlin2/berlin-letter-en.pdf"] {
        assert!(dir.path(file).exists(), "{file}");
    }
    // The résumé fails (its selection keeps no project): the letter is
    // not written either, and says why.
    let toml = std::fs::read_to_string(dir.path("resume.toml")).unwrap();
    dir.write(
        "resume.toml",
        &toml.replace("lang = [\"en\"]\ndocuments", "lang = [\"en\"]\nonly = [\"2030-\"]\ndocuments"),
    );
    let err = resume_err(&dir.0, &["pdf", "--profile", "berlin"]);
    assert!(err.contains("none is sent without the rest"), "{err}");
    assert!(!dir.path("berlin-letter-en.pdf").exists() && !dir.path("berlin-en.pdf").exists());
}

#[test]
fn skills_of_one_name_are_one_skill() {
    let extra = "\n[[project]]\nid = \"ops\"\nname = { en = \"Ops\", ko = \"운영\" }\ncompany = \"tessera\"\n\
                 period = \"2022-01..2022-06\"\nplatform = [\"aws (ec2, s3)\"]\n\
                 [[project]]\nid = \"infra\"\nname = { en = \"Infra\", ko = \"인프라\" }\ncompany = \"tessera\"\n\
                 period = \"2023-01..2023-06\"\nplatform = [\"aws (eks, sqs, kms)\"]\n";
    let dir = fixture("ef-skills", extra);
    let (view, code) = stdout(&dir, &["export", "--format", "json", "--lang", "en"]);
    assert_eq!(code, Some(0), "{view}");
    let view: serde_json::Value = serde_json::from_str(&view).unwrap();
    let platform = view["skills"].as_array().unwrap().iter().find(|g| g["label"] == "Platform").unwrap();
    let names: Vec<&str> =
        platform["items"].as_array().unwrap().iter().map(|s| s["name"].as_str().unwrap()).collect();
    assert_eq!(names, ["aws"], "one skill for both projects");
    assert_eq!(platform["items"][0]["duration"], "1 yr", "the months of both");
}

#[test]
fn a_translation_whose_source_changed_is_stale_and_moving_dates_stales_nothing() {
    let dir = fixture("ef-stale", "");
    // As `i18n extract` leaves a translated message: its source above it.
    let ftl = std::fs::read_to_string(dir.path("ko.ftl")).unwrap().replace(
        "project-settlement-description =",
        "# en: Settles card payments within 30 seconds.\nproject-settlement-description =",
    );
    dir.write("ko.ftl", &ftl);
    resume_ok(&dir.0, &["check", "--lang", "ko,en", "--strict"]);
    // Moving a title's dates keeps its translations its own.
    let toml = std::fs::read_to_string(dir.path("resume.toml")).unwrap();
    let moved = toml
        .replace("period = \"2021-09..2023-12\"", "period = \"2021-08..2023-12\"")
        .replace("period = \"2021-09..2022-12\"", "period = \"2021-08..2022-12\"");
    dir.write("resume.toml", &moved);
    let out = resume_ok(&dir.0, &["check", "--lang", "ko,en", "--strict"]);
    assert!(!out.contains("stale"), "{out}");
    // Editing a description stales its translation: said at the message,
    // with what the source was and is, and `--strict` fails.
    dir.write("resume.toml", &moved.replace("within 30 seconds", "within 60 seconds"));
    let warned = resume_ok(&dir.0, &["check", "--lang", "ko"]);
    assert!(warned.contains("the `ko` translation `project-settlement-description` is stale"), "{warned}");
    assert!(warned.contains("the source was: en: Settles card payments within 30 seconds."), "{warned}");
    assert!(warned.contains("the source is:  en: Settles card payments within 60 seconds."), "{warned}");
    assert!(warned.contains("ko.ftl:"), "at the message: {warned}");
    resume_err(&dir.0, &["check", "--lang", "ko", "--strict"]);
}

#[test]
fn translations_made_for_the_old_role_ids_are_upgraded_in_place() {
    let dir = fixture("ef-upgrade", "");
    // The ids roles had by their first month, before ids followed titles.
    let ftl = std::fs::read_to_string(dir.path("ko.ftl")).unwrap();
    let engineer = "company-tessera-role-2021-09";
    let harbor_line = ftl.lines().find(|l| l.starts_with("company-harbor-role-")).unwrap();
    let harbor_key = &harbor_line[..harbor_line.rfind('-').unwrap()];
    let old = ftl
        .replace(ftl_key_of(&ftl, "선임 백엔드 엔지니어"), "company-tessera-role-2023-01")
        .replace(ftl_key_of(&ftl, "정산 서비스 개발"), engineer)
        .replace(harbor_key, "company-harbor-role-2018-03");
    assert_ne!(old, ftl);
    dir.write("ko.ftl", &old);
    resume_err(&dir.0, &["pdf", "--document", "iryeokseo"]);
    let upgraded = resume_ok(&dir.0, &["i18n", "upgrade", "--lang", "ko"]);
    assert!(upgraded.contains(engineer), "{upgraded}");
    resume_ok(&dir.0, &["pdf", "--document", "iryeokseo"]);
    assert!(pdf_text(&dir, "iryeokseo-ko.pdf").contains("선임백엔드엔지니어"));
}

/// The role key of the message whose value is `value`.
fn ftl_key_of<'a>(ftl: &'a str, value: &str) -> &'a str {
    let line = ftl.lines().find(|l| l.ends_with(&format!("= {value}"))).unwrap();
    let id = line.split(" = ").next().unwrap();
    &id[..id.rfind('-').unwrap()]
}

#[test]
fn plain_strings_in_the_source_language_are_prose_to_translate() {
    let dir = Scratch::new("ef-source");
    let toml = "[resume]\nsource = \"en\"\n\n[person]\nname = \"Daniel Okafor\"\nheadline = \"Backend engineer for payments\"\n\n\
                [[company]]\nid = \"tessera\"\nname = \"Tessera Pay\"\nrole = \"Backend engineer\"\n\n\
                [[project]]\nid = \"settle\"\nname = \"Settlement engine\"\ncompany = \"tessera\"\nperiod = \"2021-10..2023-12\"\n\
                languages = [\"kotlin\", \"go lang\"]\nresponsibilities = [\"Designed the settlement pipeline.\"]\n\n\
                [[language_test]]\ntest = \"TOPIK\"\nscore = { ko = \"TOPIK 4급\", en = \"Level 4\" }\n";
    dir.write("resume.toml", toml);
    // Prose is listed; names and technologies are shared.
    let (listed, _) = stdout(&dir, &["i18n", "missing", "--lang", "ko"]);
    let err = resume_ok(&dir.0, &["i18n", "missing", "--lang", "ko"]);
    let all = format!("{listed}{err}");
    for id in
        ["person-headline", "company-tessera-role", "project-settle-name", "project-settle-responsibility-"]
    {
        assert!(all.contains(id), "{id} not listed: {all}");
    }
    for shared in ["person-name", "company-tessera-name", "project-settle-languages"] {
        assert!(!all.contains(&format!("{shared} ")), "{shared} listed: {all}");
    }
    // A Korean build says so; `check --strict` fails; English builds quietly.
    let warned = resume_ok(&dir.0, &["pdf", "--lang", "ko"]);
    assert!(warned.contains("this text is written in `en`, but the document is in `ko`"), "{warned}");
    resume_err(&dir.0, &["check", "--lang", "ko,en", "--strict"]);
    let quiet = resume_ok(&dir.0, &["pdf", "--lang", "en"]);
    assert!(!quiet.contains("warning"), "{quiet}");
    // A score reads in each language.
    let (view, _) = stdout(&dir, &["export", "--format", "json", "--lang", "ko"]);
    assert!(view.contains("TOPIK 4급"), "{view}");
    // An unknown source language is an error at its line.
    dir.write("resume.toml", &toml.replace("source = \"en\"", "source = \"english\""));
    let err = resume_err(&dir.0, &["check"]);
    assert!(
        err.contains("`source = \"english\"` is not a language") && err.contains("resume.toml:2"),
        "{err}"
    );
}

#[test]
fn check_takes_one_profile_alone() {
    let extra = "\n[profile.toss]\nlang = [\"ko\"]\ndocuments = [\"iryeokseo\", \"resume\", \"letter:toss\"]\n\
                 [profile.berlin]\nlang = [\"en\"]\ndocuments = [\"letter:berlin\"]\n\
                 [[letter]]\nid = \"berlin\"\n[[letter.question]]\nquestion = { en = \"Why us?\" }\n\
                 limit = \"10 characters\"\nanswer = { en = \"Because the team ships every day.\" }\n";
    let dir = fixture("ef-check-profile", extra);
    // The Berlin letter is over its limit: the whole check fails…
    let err = resume_err(&dir.0, &["check"]);
    assert!(err.contains("berlin"), "{err}");
    // …but the Toss application, checked alone, is ready to send.
    resume_ok(&dir.0, &["check", "--profile", "toss", "--strict"]);
    let err = resume_err(&dir.0, &["check", "--profile", "tos"]);
    assert!(err.contains("there is no profile `tos`") && err.contains("did you mean `toss`?"), "{err}");
}

#[test]
fn init_starts_a_resume_written_in_english_first() {
    let dir = Scratch::new("ef-init");
    let said = resume_ok(&dir.0, &["init", "--lang", "en", "cv"]);
    assert!(said.contains("resume pdf --lang en,ko"), "{said}");
    let toml = std::fs::read_to_string(dir.path("cv/resume.toml")).unwrap();
    assert!(toml.contains("[resume]\nsource = \"en\""), "{toml}");
    resume_ok(&dir.0, &["check", "--input", "cv/resume.toml", "--lang", "ko,en", "--strict"]);
    let err = resume_err(&dir.0, &["init", "--lang", "fr", "other"]);
    assert!(err.contains("`--lang fr` is not a language"), "{err}");
    assert!(!dir.path("other").exists() || std::fs::read_dir(dir.path("other")).unwrap().next().is_none());
}

#[test]
fn extract_puts_a_new_text_beside_its_neighbours() {
    let dir = fixture("ef-extract-order", "");
    let toml = std::fs::read_to_string(dir.path("resume.toml")).unwrap();
    dir.write(
        "resume.toml",
        &toml.replace(
            "responsibilities = [{ en = \"Designed the settlement pipeline.\" }]",
            "responsibilities = [{ en = \"Designed the settlement pipeline.\" }, { en = \"Ran the on-call rota.\" }]",
        ),
    );
    let said = resume_ok(&dir.0, &["i18n", "extract", "--lang", "ko", "--write"]);
    assert!(said.contains("1 message(s) to translate added"), "{said}");
    let ftl = std::fs::read_to_string(dir.path("ko.ftl")).unwrap();
    let new = ftl.find("# en: Ran the on-call rota.").expect("the new text is offered");
    let before = ftl.find("project-settlement-responsibility-").unwrap();
    let after = ftl.find("education-leeds-school").unwrap();
    assert!(before < new && new < after, "beside its neighbours, not at the end:\n{ftl}");
}

#[test]
fn words_in_the_forms_cells_never_break_inside() {
    let dir = fixture("ef-cells", "");
    resume_ok(&dir.0, &["pdf", "--document", "iryeokseo"]);
    // poppler's words, line by line: a word broken at a line's end would
    // come back as two pieces on two lines.
    let out = std::process::Command::new("pdftotext").arg(dir.path("iryeokseo-ko.pdf")).arg("-").output();
    let Ok(out) = out else {
        eprintln!("note: no pdftotext here; the line-by-line check of the form is skipped");
        return;
    };
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    let words: Vec<&str> = text.split_whitespace().collect();
    for word in ["소프트웨어", "엔지니어", "백엔드", "플랫폼", "테세라페이(구", "Okafor"]
    {
        assert!(words.contains(&word), "`{word}` is not whole on the form: {words:?}");
    }
    // The Word form, where LibreOffice can lay it out: Latin words whole.
    resume_ok(&dir.0, &["docx", "--document", "iryeokseo"]);
    let converted = std::process::Command::new("soffice")
        .args(["--headless", "--convert-to", "pdf", "--outdir"])
        .arg(&dir.0)
        .arg(dir.path("iryeokseo-ko.docx"))
        .output();
    match converted {
        Ok(done) if done.status.success() && dir.path("iryeokseo-ko.pdf").exists() => {
            let out =
                std::process::Command::new("pdftotext").arg(dir.path("iryeokseo-ko.pdf")).arg("-").output();
            let text = String::from_utf8_lossy(&out.unwrap().stdout).into_owned();
            let words: Vec<&str> = text.split_whitespace().collect();
            assert!(words.contains(&"Okafor") && words.contains(&"엔지니어"), "{words:?}");
        }
        _ => eprintln!("note: no LibreOffice here; the Word form's line check is skipped"),
    }
}
