//! JSON Resume files as people have them: the names before 1.0, keys
//! written twice, places, the language told from the prose, and JSON that
//! is no JSON Resume at all.

mod common;

use common::{Scratch, resume, resume_ok};

/// `resume import jsonresume FILE` in `dir`: stdout, stderr, success.
fn import(dir: &Scratch, file: &str, extra: &[&str]) -> (String, String, bool) {
    let out = resume(&dir.0, &[&["import", "jsonresume", file][..], extra].concat());
    (String::from_utf8(out.stdout).unwrap(), String::from_utf8(out.stderr).unwrap(), out.status.success())
}

/// A résumé written for JSON Resume before 1.0: `company`, `website`,
/// `picture`, `gpa`, a location as an object.
const OLD: &str = include_str!("fixtures/jsonresume-0.x.json");

#[test]
fn names_from_before_json_resume_1_0_lose_nothing() {
    let dir = Scratch::new("jsonresume-old");
    dir.write("old.json", OLD);
    let (toml, err, ok) = import(&dir, "old.json", &[]);
    assert!(ok, "{err}");
    for kept in [
        "Fintech Corp",
        "Startup Inc",
        "https://jordan.example.com",
        "3.7",
        "Cut settlement time",
        "Shipped the public API",
    ] {
        assert!(toml.contains(kept), "{kept} lost:\n{toml}\n{err}");
    }
    assert!(!err.contains("has no `name`"), "{err}");
    // Places: the person's city, region and country; the company's city.
    assert!(toml.contains("San Francisco, California, US"), "{toml}");
    assert!(toml.matches("San Francisco").count() >= 2, "the company's location: {toml}");
    assert!(err.contains("basics.location.address"), "the street address is said to be left out: {err}");
    assert!(err.contains("basics.image") && err.contains("photo"), "{err}");
    // English prose, told from its script: stored as English, said so.
    assert!(
        err.contains("reads as English") && toml.contains("en = \"I build payment systems"),
        "{err}\n{toml}"
    );
    dir.write("resume.toml", &toml);
    resume_ok(&dir.0, &["check", "--lang", "en"]);
    resume_ok(&dir.0, &["pdf", "--lang", "en", "-o", "old.pdf"]);
    let text = common::squash(&common::Pdf::open(&dir.path("old.pdf")).text());
    for word in ["FintechCorp", "StartupInc", "Ledthepaymentsteam", "Builtthefirst"] {
        assert!(text.contains(word), "{word} is not in the PDF");
    }
}

#[test]
fn a_key_written_twice_keeps_its_last_value_with_a_warning() {
    let dir = Scratch::new("jsonresume-duplicate");
    dir.write(
        "dup.json",
        r#"{"basics": {"name": "Jordan Lee"}, "skills": [{"name": "Go", "level": "Beginner", "level": "Expert"}]}"#,
    );
    let (toml, err, ok) = import(&dir, "dup.json", &["--lang", "en"]);
    assert!(ok, "{err}");
    assert!(toml.contains("Expert") && !toml.contains("Beginner"), "{toml}");
    assert!(err.contains("skills[0].level") && err.contains("written twice"), "{err}");
}

#[test]
fn json_that_is_no_json_resume_is_refused() {
    let dir = Scratch::new("jsonresume-other");
    dir.write("package.json", "{\n  \"name\": \"my-app\",\n  \"version\": \"1.0.0\"\n}\n");
    let (toml, err, ok) = import(&dir, "package.json", &["--lang", "en"]);
    assert!(!ok && toml.is_empty(), "{toml}");
    assert!(err.contains("package.json:1:1") && err.contains("not a JSON Resume"), "{err}");
}

#[test]
fn the_language_is_told_from_the_prose_or_asked_for() {
    let dir = Scratch::new("jsonresume-language");
    dir.write(
        "ko.json",
        r#"{"basics": {"name": "한가온", "summary": "kubernetes 기반 배포 플랫폼을 설계하고 운영했습니다."},
            "work": [{"name": "루멘랩스", "position": "플랫폼팀 책임", "startDate": "2021-01", "summary": "배포 시간을 40분에서 6분으로 줄였습니다."}]}"#,
    );
    let (toml, err, ok) = import(&dir, "ko.json", &[]);
    assert!(
        ok && err.contains("reads as Korean") && toml.contains("ko = \"kubernetes 기반"),
        "{err}\n{toml}"
    );
    dir.write(
        "mixed.json",
        r#"{"basics": {"name": "Gaon Han", "summary": "Designed the deployment platform and ran the search service for years. 배포 플랫폼 설계와 운영"}}"#,
    );
    let (_, err, ok) = import(&dir, "mixed.json", &[]);
    assert!(!ok && err.contains("too mixed") && err.contains("--lang"), "{err}");
    let (toml, _, ok) = import(&dir, "mixed.json", &["--lang", "en"]);
    assert!(ok && toml.contains("en = \"Designed"), "{toml}");
}

/// Side projects as JSON Resume files have them: one without dates, one
/// for an organisation that employed no one (`entity`), one for the
/// employer, each with a `url`; years without months.
#[test]
fn side_projects_keep_their_dates_organisation_and_link() {
    let dir = Scratch::new("jsonresume-side");
    let fixture = common::root().join("tests/fixtures/jsonresume-side-projects.json");
    let (toml, err, ok) = import(&dir, fixture.to_str().unwrap(), &[]);
    assert!(ok, "{err}");
    assert!(!err.contains("startDate"), "no project is left out for want of a date: {err}");
    dir.write("resume.toml", &toml);
    resume_ok(&dir.0, &["check", "--strict", "--no-style", "--lang", "en"]);
    for layout in ["classic", "international"] {
        let pdf = format!("{layout}.pdf");
        resume_ok(&dir.0, &["pdf", "--lang", "en", "--layout", layout, "-o", &pdf]);
        let text = common::squash(&common::Pdf::open(&dir.path(&pdf)).text());
        // The undated project, whole; each link after its project's name,
        // never a bullet of its own.
        for word in
            ["Trail Maps", "A hiking map for phones.", "Reached ten thousand walkers.", "trails.example.com"]
        {
            assert!(text.contains(&common::squash(word)), "{layout}: `{word}` lost:\n{text}");
        }
        assert!(!text.contains("Achievements"), "{layout}: a link became an achievement:\n{text}");
        // The organisation is printed once, beside its project, and is no
        // employer: the career counts Acme alone.
        assert_eq!(text.matches("Smoogle").count(), 1, "{layout}:\n{text}");
        // Years stay years; a period of one month is that month.
        for year in ["2015–2017", "2019–Jun2020", "Apr2018–2021"] {
            assert!(text.contains(year), "{layout}: `{year}` missing:\n{text}");
        }
        for invented in ["Jan2015", "Dec2017", "Jan2019", "Dec2021", "Aug2016–Aug2016"] {
            assert!(!text.contains(invented), "{layout}: `{invented}` invented:\n{text}");
        }
    }
    let classic = common::squash(&common::Pdf::open(&dir.path("classic.pdf")).text());
    assert!(classic.contains("3years9monthsintotal"), "only the employment counts:\n{classic}");
    let links = common::Pdf::open(&dir.path("international.pdf")).link_uris();
    for url in ["https://trails.example.com", "https://missdirection.example.com"] {
        assert!(links.iter().any(|l| l == url), "{url} is not a link: {links:?}");
    }
}

/// Profiles keep their network and user name: JSON Resume's own sample
/// names SoundCloud at an address whose host is not the network's.
#[test]
fn profiles_keep_their_network_and_user_name() {
    let dir = Scratch::new("jsonresume-profiles");
    dir.write(
        "profiles.json",
        r#"{ "basics": { "name": "Richard Hendriks", "profiles": [
            { "network": "Twitter", "username": "neutralthoughts", "url": "https://twitter.com/neutralthoughts" },
            { "network": "SoundCloud", "username": "dandymusicnl", "url": "https://soundcloud.example.com/dandymusicnl" },
            { "network": "GitHub", "username": "rhendriks" }
        ] }, "work": [] }"#,
    );
    let (toml, err, ok) = import(&dir, "profiles.json", &["--lang", "en"]);
    assert!(ok, "{err}");
    assert!(
        toml.contains(r#"network = "SoundCloud""#) && toml.contains(r#"username = "dandymusicnl""#),
        "{toml}"
    );
    dir.write("resume.toml", &toml);
    resume_ok(&dir.0, &["check", "--strict", "--no-style", "--lang", "en"]);
    let out = resume(&dir.0, &["export", "--format", "jsonresume", "--lang", "en"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let exported: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let profiles: Vec<(String, String, String)> = exported["basics"]["profiles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            let field = |k: &str| p[k].as_str().unwrap_or_default().to_string();
            (field("network"), field("username"), field("url"))
        })
        .collect();
    assert_eq!(
        profiles,
        [
            ("Twitter".into(), "neutralthoughts".into(), "https://twitter.com/neutralthoughts".into()),
            (
                "SoundCloud".into(),
                "dandymusicnl".into(),
                "https://soundcloud.example.com/dandymusicnl".into()
            ),
            ("GitHub".into(), "rhendriks".into(), "https://github.com/rhendriks".into()),
        ]
    );
    resume_ok(&dir.0, &["pdf", "--lang", "en", "-o", "out.pdf"]);
    let text = common::Pdf::open(&dir.path("out.pdf")).text();
    assert!(text.contains("soundcloud.example.com/dandymusicnl"), "{text}");
}

/// Markdown and HTML written inside fields, as themes that render them
/// let people do: plain text in the PDF, links kept, each field named.
#[test]
fn markup_in_text_becomes_plain_text_with_its_links() {
    let dir = Scratch::new("jsonresume-markup");
    dir.write(
        "markup.json",
        r#"{ "basics": { "name": "Aino Virtanen", "summary": "Backend engineer at **Pässisoft**.</br>Studied at [Tampere](https://www.tuni.fi)." },
          "work": [ { "name": "Pässisoft", "position": "Engineer", "startDate": "2020-01",
            "summary": "<strong>Payments</strong> &amp; billing",
            "highlights": [ "<ul><li>Cut latency by half</li></ul>", "Wrote [the migration guide](https://blog.example.com/guide)",
                            "Kept snake_case_names and 5 * 3 as written", "Talk <https://talks.example.com/p>" ] } ] }"#,
    );
    let (toml, err, ok) = import(&dir, "markup.json", &["--lang", "en"]);
    assert!(ok, "{err}");
    for path in ["basics.summary", "work[0].summary", "work[0].highlights[0]", "work[0].highlights[1]"] {
        assert!(
            err.contains(&format!("markup.json: {path}: holds Markdown or HTML markup")),
            "{path}:\n{err}"
        );
    }
    for kept in ["highlights[2]", "highlights[3]"] {
        assert!(!err.contains(kept), "{kept} has no markup:\n{err}");
    }
    dir.write("resume.toml", &toml);
    resume_ok(&dir.0, &["check", "--strict", "--no-style", "--lang", "en"]);
    resume_ok(&dir.0, &["pdf", "--lang", "en", "-o", "out.pdf"]);
    let pdf = common::Pdf::open(&dir.path("out.pdf"));
    let text = pdf.text();
    for marker in ["**", "</", "<strong", "<li", "&amp;", "](", "<ul"] {
        assert!(!text.contains(marker), "`{marker}` printed:\n{text}");
    }
    let flat = common::squash(&text);
    for words in [
        "BackendengineeratPässisoft.",
        "StudiedatTampere(https://www.tuni.fi).",
        "Payments&billing",
        "Cutlatencybyhalf",
        "Wrotethemigrationguide",
        "Keptsnake_case_namesand5*3aswritten",
    ] {
        assert!(flat.contains(words), "`{words}` missing:\n{text}");
    }
    let links = pdf.link_uris();
    for url in ["https://blog.example.com/guide", "https://talks.example.com/p"] {
        assert!(links.iter().any(|l| l == url), "{url}: {links:?}");
    }
}

/// A job without dates is imported undated and said, never dropped: its
/// words reach the page, beside its employer's name.
#[test]
fn a_job_without_dates_is_kept_and_said() {
    let dir = Scratch::new("jsonresume-undated-job");
    dir.write(
        "undated.json",
        r#"{ "basics": { "name": "Sam Lee" }, "work": [
            { "name": "Acme", "position": "Engineer", "highlights": ["Built the billing service."] } ] }"#,
    );
    let (toml, err, ok) = import(&dir, "undated.json", &["--lang", "en"]);
    assert!(ok, "{err}");
    assert!(err.contains("work[0]: has no `startDate`; imported undated"), "{err}");
    dir.write("resume.toml", &toml);
    resume_ok(&dir.0, &["check", "--strict", "--no-style", "--lang", "en"]);
    for layout in ["classic", "international"] {
        let pdf = format!("{layout}.pdf");
        resume_ok(&dir.0, &["pdf", "--lang", "en", "--layout", layout, "-o", &pdf]);
        let text = common::squash(&common::Pdf::open(&dir.path(&pdf)).text());
        for word in ["Engineer", "Acme", "Builtthebillingservice."] {
            assert!(text.contains(word), "{layout}: `{word}` lost:\n{text}");
        }
    }
}

/// What no document can carry (a control character, a bidirectional
/// override, an emoji no embedded font draws) is taken out of the text,
/// and said at its path: the file prints, and `check` accepts it.
#[test]
fn unprintable_characters_are_removed_and_said() {
    let dir = Scratch::new("jsonresume-unprintable");
    dir.write(
        "odd.json",
        "{ \"basics\": { \"name\": \"Sam Lee\", \"summary\": \"\u{1F680} Ships fast\\u0007.\" }, \"work\": [
            { \"name\": \"Acme\", \"position\": \"Engineer\", \"startDate\": \"2020-01\",
              \"highlights\": [\"\u{202E}Reversed? No: built the API.\"] } ] }",
    );
    let (toml, err, ok) = import(&dir, "odd.json", &["--lang", "en"]);
    assert!(ok, "{err}");
    assert!(err.contains("summary.en: U+1F680 U+0007 no document can carry"), "{err}");
    assert!(err.contains("project[0].responsibilities[0].en: U+202E"), "{err}");
    assert!(toml.contains("\"Ships fast.\""), "{toml}");
    dir.write("resume.toml", &toml);
    resume_ok(&dir.0, &["check", "--strict", "--no-style", "--lang", "en"]);
}
