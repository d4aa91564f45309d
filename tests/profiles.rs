//! Profiles and page budgets, on the built-in example and on fixtures.

mod common;

use common::{Pdf, Scratch, resume, resume_err, resume_ok};

#[test]
fn profile_all_builds_every_profile_in_its_languages() {
    let dir = Scratch::new("all");
    let stderr = resume_ok(&dir.0, &["pdf", "--profile", "all"]);
    let mut files: Vec<String> = std::fs::read_dir(dir.path("out"))
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    files.sort();
    assert_eq!(
        files,
        [
            "mlops-en.pdf",
            "mlops-ko.pdf",
            "resume-brief-en.pdf",
            "resume-one-page-en.pdf",
            "search-en.pdf",
            "search-ko.pdf"
        ]
    );
    assert_eq!(stderr.matches("wrote out/").count(), 6, "{stderr}");
    // Each respects its budget, and its selection.
    assert!(Pdf::open(&dir.path("out/resume-brief-en.pdf")).pages() <= 2);
    let search = Pdf::open(&dir.path("out/search-en.pdf")).outline_titles();
    assert!(search.iter().any(|t| t.starts_with("daum PC/Mobile")), "{search:?}");
    assert!(!search.iter().any(|t| t == "kakao i MLOps"), "{search:?}");
    // The brief profile is on US Letter.
    let brief = Pdf::open(&dir.path("out/resume-brief-en.pdf"));
    let page = *brief.doc.get_pages().values().next().unwrap();
    let media = brief.doc.get_dictionary(page).unwrap().get(b"MediaBox").unwrap().as_array().unwrap().clone();
    assert_eq!(media[2].as_float().unwrap().round(), 612.0);
}

#[test]
fn flags_beside_a_profile_add_to_its_lists() {
    let dir = Scratch::new("compose");
    // mlops keeps 2020 on; --hide adds one project to drop.
    let stderr = resume_ok(&dir.0, &["pdf", "--profile", "mlops", "--lang", "en", "--hide", "kakao-i-mlops"]);
    assert!(stderr.contains("wrote mlops-en.pdf"), "{stderr}");
    assert!(!dir.path("mlops-ko.pdf").exists(), "--lang should replace the profile's languages");
    let titles = Pdf::open(&dir.path("mlops-en.pdf")).outline_titles();
    assert!(!titles.iter().any(|t| t == "kakao i MLOps"), "--hide was not added: {titles:?}");
    assert!(titles.iter().any(|t| t == "B2B Search Service Builder"), "{titles:?}");
    assert!(
        !titles.iter().any(|t| t == "Hangame Game Platform"),
        "the profile's only was dropped: {titles:?}"
    );
    // --only narrows: within 2020 on, only the search projects.
    resume_ok(
        &dir.0,
        &["pdf", "--profile", "mlops", "--lang", "en", "--only", "tag:search", "-o", "narrow.pdf"],
    );
    let titles = Pdf::open(&dir.path("narrow.pdf")).outline_titles();
    assert!(!titles.iter().any(|t| t == "kakao i MLOps"), "{titles:?}");
    assert!(!titles.iter().any(|t| t.contains("Hangame")), "{titles:?}");
}

#[test]
fn profiles_command_lists_what_each_keeps() {
    let dir = Scratch::new("list");
    let out = resume(&dir.0, &["profiles"]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 5, "{text}");
    assert!(lines[0].starts_with("PROFILE   LANGUAGES  SELECTION"), "{text}");
    assert!(
        lines[1].starts_with("brief")
            && lines[1].contains("only 2016-; hide troubleshooting")
            && lines[1].contains("4 of 7")
            && lines[1].contains("at most 2 pages")
            && lines[1].contains("us-letter"),
        "{text}"
    );
    assert!(lines[2].starts_with("mlops") && lines[2].contains("ko, en") && lines[2].contains("only 2020-"));
    assert!(
        lines[3].starts_with("one-page")
            && lines[3].contains("at most 1 page ")
            && lines[3].contains("international")
    );
    assert!(
        lines[4].starts_with("search") && lines[4].contains("only tag:search") && lines[4].contains("2 of 7")
    );
    // Every column starts at the same place on every line.
    let column = |line: &str, what: &str| line.find(what).unwrap();
    assert_eq!(column(lines[0], "PAGES"), column(lines[1], "at most"), "{text}");
    assert_eq!(column(lines[0], "PAGES"), column(lines[4], "at most"), "{text}");
}

#[test]
fn profiles_speak_korean_and_count_in_both_languages() {
    let dir = Scratch::new("list-ko");
    dir.write(
        "resume.toml",
        "[person]\nname = 'Kim'\n[[project]]\nid = 'a'\nname = 'A'\ncompany = ''\nperiod = '2020-01..2021-01'\n\
         [profile.one-page-profile-with-a-long-name]\nmax_pages = 1\n[profile.x]\nlang = ['en']\nonly = ['2022-']\n",
    );
    let text = String::from_utf8(resume(&dir.0, &["profiles"]).stdout).unwrap();
    assert!(text.contains("at most 1 page "), "{text}");
    assert!(text.contains("1 of 1") && text.contains("0 of 1") && text.contains("everything"), "{text}");
    let out = resume(&dir.0, &["profiles", "--lang", "ko"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines[0].starts_with("프로필") && lines[0].contains("쪽수"), "{text}");
    assert!(
        lines[1].contains("최대 1쪽") && lines[1].contains("1개 중 1개") && lines[1].contains("전체"),
        "{text}"
    );
    assert!(lines[2].contains("포함 2022-") && lines[2].contains("제한 없음"), "{text}");
    // Aligned on screen: a Hangul syllable is two columns wide.
    let width = |s: &str| {
        s.chars().map(|c| if resume::model::has_hangul(&c.to_string()) { 2 } else { 1 }).sum::<usize>()
    };
    let at = |line: &str, what: &str| width(&line[..line.find(what).unwrap()]);
    assert_eq!(at(lines[0], "언어"), at(lines[1], "ko"), "{text}");
    assert_eq!(at(lines[0], "언어"), at(lines[2], "en"), "{text}");
}

#[test]
fn unknown_profile_suggests_the_closest() {
    let dir = Scratch::new("unknown");
    let err = resume_err(&dir.0, &["pdf", "--profile", "mlop"]);
    assert!(err.contains("there is no profile named `mlop`"), "{err}");
    assert!(err.contains("did you mean `mlops`?"), "{err}");
    assert!(err.contains("brief, mlops, one-page, search"), "{err}");
}

#[test]
fn a_profile_with_a_bad_selector_names_the_profile() {
    let dir = Scratch::new("bad-profile");
    dir.write(
        "resume.toml",
        "[person]\nname = 'Kim'\n[profile.x]\nonly = ['projcts']\n[profile.y]\npaper = 'a3'\n",
    );
    let err = resume_err(&dir.0, &["pdf", "--profile", "x"]);
    assert!(err.contains("profile `x`: `--only projcts`"), "{err}");
    let err = resume_err(&dir.0, &["pdf", "--profile", "y"]);
    assert!(err.contains("profile `y`: `paper = \"a3\"` is not a paper size"), "{err}");
    let err = resume_err(&dir.0, &["pdf", "--profile", "all", "-o", "same.pdf"]);
    assert!(err.contains("profile `x`"), "{err}");
}

#[test]
fn profiles_writing_one_file_are_refused() {
    let dir = Scratch::new("clash");
    dir.write(
        "resume.toml",
        "[person]\nname = 'Kim'\n[profile.a]\noutput = 'cv.pdf'\n[profile.b]\noutput = 'cv.pdf'\n",
    );
    let err = resume_err(&dir.0, &["pdf", "--profile", "all"]);
    assert!(err.contains("two builds would write `out/cv.pdf`"), "{err}");
}

#[test]
fn page_budget_tightens_the_layout_to_fit() {
    let dir = Scratch::new("fit");
    resume_ok(&dir.0, &["pdf", "--lang", "ko", "-o", "loose.pdf"]);
    let loose = Pdf::open(&dir.path("loose.pdf")).pages();
    let budget = (loose - 1).to_string();
    resume_ok(&dir.0, &["pdf", "--lang", "ko", "--max-pages", &budget, "-o", "tight.pdf"]);
    let tight = Pdf::open(&dir.path("tight.pdf"));
    assert_eq!(tight.pages(), loose - 1);
    // Nothing was dropped to get there.
    assert_eq!(
        common::squash(&tight.text()).len() / 100,
        common::squash(&Pdf::open(&dir.path("loose.pdf")).text()).len() / 100
    );
}

#[test]
fn page_budget_that_cannot_be_met_says_by_how_much() {
    let dir = Scratch::new("overflow");
    let old = dir.write("resume-ko.pdf", "%PDF-precious");
    let err = resume_err(&dir.0, &["pdf", "--max-pages", "1"]);
    assert!(
        err.contains(
            "but may have 1: even with the layout's smallest type and tightest spacing it runs over by"
        ),
        "{err}"
    );
    assert!(err.contains("the largest entries are kakao-i-mlops"), "{err}");
    assert_eq!(std::fs::read_to_string(old).unwrap(), "%PDF-precious");
}

/// The page budget takes the steps a layout declares (`fit-steps` from the
/// layout library), not steps tuned to `classic`.
#[test]
fn a_layout_declares_its_own_budget_steps() {
    let dir = Scratch::new("fit-steps");
    dir.write("resume.toml", "[person]\nname = 'Kim'\n");
    let body = "#let data = json(\"/resume.json\")\n\
                #set page(height: 100mm, margin: 5mm)\n\
                #set text(size: 9.5pt * data.fit.scale)\n\
                #for n in range(24) [line #n \\ ]\n";
    dir.write("lay/plain.typ", body);
    let err = resume_err(&dir.0, &["pdf", "--layout", "lay/plain.typ", "--max-pages", "1", "-o", "x.pdf"]);
    assert!(err.contains("may have 1"), "the default steps stop at 95 % of the size: {err}");
    dir.write(
        "lay/small.typ",
        &format!("#import \"/layouts/lib/resume.typ\": fit-steps\n{body}#fit-steps((scale: 0.85, spacing: 1), (scale: 0.63, spacing: 0.8))\n"),
    );
    resume_ok(&dir.0, &["pdf", "--layout", "lay/small.typ", "--max-pages", "1", "-o", "y.pdf"]);
    assert_eq!(Pdf::open(&dir.path("y.pdf")).pages(), 1);
    dir.write(
        "lay/bad.typ",
        &format!(
            "#import \"/layouts/lib/resume.typ\": fit-steps\n{body}#fit-steps((scale: 0.2, spacing: 1))\n"
        ),
    );
    let err = resume_err(&dir.0, &["pdf", "--layout", "lay/bad.typ", "--max-pages", "1", "-o", "z.pdf"]);
    assert!(err.contains("the layout's `fit-steps` need a `scale` from 0.5 to 2"), "{err}");
}

/// A profile of several documents is one row, listing its documents and
/// whether they are joined into one PDF.
#[test]
fn a_profile_of_several_documents_is_one_row() {
    let dir = Scratch::new("profiles-documents");
    let input = common::root().join("examples/packet/resume.toml");
    let out = resume(&dir.0, &["profiles", "--input", input.to_str().unwrap()]);
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines[0].contains("DOCUMENTS"), "{text}");
    let lumen: Vec<&&str> = lines.iter().filter(|l| l.starts_with("lumen ")).collect();
    assert_eq!(lumen.len(), 1, "{text}");
    assert!(lumen[0].contains("iryeokseo, career, letter:lumen (one PDF)"), "{text}");
    assert!(lumen[0].contains(" classic "), "the résumé's layout: {text}");
}
