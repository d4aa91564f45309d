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
        ["mlops-en.pdf", "mlops-ko.pdf", "resume-brief-en.pdf", "search-en.pdf", "search-ko.pdf"]
    );
    assert_eq!(stderr.matches("wrote out/").count(), 5, "{stderr}");
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
    assert_eq!(lines.len(), 3, "{text}");
    assert!(
        lines[0].starts_with("brief")
            && lines[0].contains("hide troubleshooting")
            && lines[0].contains("at most 2 pages")
    );
    assert!(lines[1].starts_with("mlops") && lines[1].contains("only 2020-"));
    assert!(lines[2].starts_with("search") && lines[2].contains("only tag:search"));
}

#[test]
fn unknown_profile_suggests_the_closest() {
    let dir = Scratch::new("unknown");
    let err = resume_err(&dir.0, &["pdf", "--profile", "mlop"]);
    assert!(err.contains("there is no profile named `mlop`"), "{err}");
    assert!(err.contains("did you mean `mlops`?"), "{err}");
    assert!(err.contains("brief, mlops, search"), "{err}");
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
    assert!(err.contains("but may have 1: even at 9 pt with tight spacing it runs over by"), "{err}");
    assert!(err.contains("the largest entries are kakao-i-mlops"), "{err}");
    assert_eq!(std::fs::read_to_string(old).unwrap(), "%PDF-precious");
}
