//! `resume tailor POSTING`: four postings of our own (a Korean backend
//! job, an English MLOps job, a Korean search job and a Korean new
//! graduates' 공채) read against the built-in example. Each requirement is
//! found in its section, covered where the résumé writes it (entry, field,
//! bullet), and the score is the printed formula over what was found.

mod common;

use common::{Scratch, resume, resume_err};

fn posting(name: &str) -> String {
    format!("{}/tests/fixtures/postings/{name}", env!("CARGO_MANIFEST_DIR"))
}

/// The report as JSON, for the built-in example.
fn report(name: &str) -> serde_json::Value {
    let dir = Scratch::new(&format!("tailor-{name}"));
    let out = resume(&dir.0, &["tailor", &posting(name), "--format", "json"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).expect("the report is JSON");
    report["posting"].clone()
}

/// Each requirement as (label, section, covered, places).
fn requirements(report: &serde_json::Value) -> Vec<(String, String, bool, Vec<String>)> {
    report["requirements"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            let places = r["places"]
                .as_array()
                .unwrap()
                .iter()
                .map(|p| {
                    let bullet = p["bullet"].as_u64().map(|b| format!(" {b}")).unwrap_or_default();
                    format!("{} › {}{bullet}", p["entry"].as_str().unwrap(), p["field"].as_str().unwrap())
                })
                .collect();
            (
                r["label"].as_str().unwrap().to_string(),
                r["section"].as_str().unwrap().to_string(),
                r["covered"].as_bool().unwrap(),
                places,
            )
        })
        .collect()
}

fn find<'r>(
    requirements: &'r [(String, String, bool, Vec<String>)],
    label: &str,
) -> &'r (String, String, bool, Vec<String>) {
    requirements
        .iter()
        .find(|r| r.0 == label)
        .unwrap_or_else(|| panic!("`{label}` not asked: {requirements:#?}"))
}

/// The score is the documented formula over the requirements reported.
fn assert_score_is_the_formula(report: &serde_json::Value) {
    let weight = |section: &str| match section {
        "required" => 3,
        "duties" => 2,
        _ => 1,
    };
    let all = requirements(report);
    let total: u64 = all.iter().map(|r| weight(&r.1)).sum();
    let covered: u64 = all.iter().filter(|r| r.2).map(|r| weight(&r.1)).sum();
    assert_eq!(report["score"]["total_weight"], total);
    assert_eq!(report["score"]["covered_weight"], covered);
    assert_eq!(report["score"]["value"], ((100 * covered) as f64 / total as f64).round() as u64);
}

#[test]
fn a_korean_backend_posting() {
    let report = report("backend-ko.txt");
    assert_eq!(report["korean"], true);
    assert_score_is_the_formula(&report);
    let all = requirements(&report);
    // Required, where the example writes it.
    let go = find(&all, "Go");
    assert_eq!((go.1.as_str(), go.2), ("required", true));
    assert!(go.3.contains(&"kakao-i-mlops › languages".to_string()), "{go:?}");
    assert!(find(&all, "MySQL").2 && find(&all, "Redis").2 && find(&all, "Java").2);
    assert_eq!(find(&all, "5+ years (5년 이상)").1, "required");
    assert!(find(&all, "5+ years (5년 이상)").2);
    // The example has no degree: asked, and said to be missing.
    let degree = find(&all, "Bachelor degree (학사)");
    assert!(!degree.2 && degree.3.is_empty());
    // Duties and preferences, each in its section; benefits ask nothing.
    let kubernetes = find(&all, "Kubernetes (쿠버네티스)");
    assert_eq!((kubernetes.1.as_str(), kubernetes.2), ("duties", true));
    assert!(kubernetes.3.contains(&"kakao-i-mlops › platform".to_string()), "{kubernetes:?}");
    assert_eq!(find(&all, "Kafka").1, "preferred");
    assert!(!find(&all, "English (영어)").2, "no English test in the example");
    assert!(!all.iter().any(|r| r.0.contains("식대") || r.0.contains("도서")), "{all:#?}");
}

#[test]
fn an_english_mlops_posting() {
    let report = report("mlops-en.txt");
    assert_eq!(report["korean"], false);
    assert_score_is_the_formula(&report);
    let all = requirements(&report);
    for covered in ["MLOps", "Python", "Go", "Kubernetes", "Docker", "Helm", "Prometheus", "Grafana"] {
        let found = find(&all, covered);
        assert_eq!((found.1.as_str(), found.2), ("required", true), "{found:?}");
    }
    // A bullet is named by its number.
    assert!(find(&all, "Helm").3.contains(&"kakao-i-mlops › troubleshooting 7".to_string()));
    assert!(find(&all, "OCR").3.contains(&"naver-ocr › name".to_string()));
    for missing in ["Kubeflow", "Airflow", "Triton", "KServe"] {
        let found = find(&all, missing);
        assert_eq!((found.1.as_str(), found.2), ("duties", false), "{found:?}");
    }
    assert_eq!(find(&all, "Argo CD").3, ["kakao-i-mlops › ci_cd"]);
    // Korean is the example's own language; a senior role fits 18 years.
    assert!(find(&all, "Korean").2);
    assert!(find(&all, "senior").2);
    // The text report says the same, with its formula.
    let dir = Scratch::new("tailor-text");
    let out = resume(&dir.0, &["tailor", &posting("mlops-en.txt")]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with(&format!("score {} / 100", report["score"]["value"])), "{text}");
    assert!(text.contains("score = 100 × covered weight ÷ asked weight"), "{text}");
    assert!(text.contains("✗ Kubeflow") && text.contains("not in the résumé"), "{text}");
}

#[test]
fn a_korean_search_posting_and_a_new_graduates_posting() {
    let search = report("search-ko.txt");
    assert_score_is_the_formula(&search);
    let all = requirements(&search);
    assert_eq!(find(&all, "3+ years (3년 이상)").1, "required");
    assert!(find(&all, "C++").2 && find(&all, "Elasticsearch").2);
    assert!(find(&all, "Search (검색)").3.contains(&"search-service-builder › name".to_string()));
    assert!(!find(&all, "Lucene").2);

    let graduates = report("newgrad-ko.txt");
    assert_score_is_the_formula(&graduates);
    let all = requirements(&graduates);
    assert_eq!(find(&all, "Bachelor degree (학사)").1, "required");
    for language in ["Java", "Python", "C++"] {
        assert!(find(&all, language).2, "{language}");
    }
    assert_eq!(find(&all, "Linux (리눅스)").1, "preferred");
    // A posting for new graduates, against a career of 18 years: said.
    let level =
        &graduates["requirements"].as_array().unwrap().iter().find(|r| r["kind"] == "seniority").unwrap();
    assert_eq!(
        (level["label"].as_str(), level["covered"].as_bool()),
        (Some("new graduate (신입)"), Some(false))
    );
    assert!(level["note"].as_str().unwrap().contains("which is not this level"), "{level}");
    // The hiring process asks nothing.
    assert!(!all.iter().any(|r| r.0.contains("코딩")), "{all:#?}");
}

#[test]
fn a_posting_on_standard_input_and_what_it_may_not_be() {
    let dir = Scratch::new("tailor-stdin");
    let out = common::resume_piped(
        &dir.0,
        &["tailor", "-", "--format", "json"],
        "자격요건\n- Kafka 운영 경험\n".as_bytes().to_vec(),
    );
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["posting"]["requirements"][0]["label"], "Kafka");

    // No such file; a posting that asks nothing; bytes that are no text.
    let stderr = resume_err(&dir.0, &["tailor", "missing.txt"]);
    assert!(stderr.contains("cannot read `missing.txt`"), "{stderr}");
    dir.write("empty.txt", "우리 회사는 좋은 회사입니다.\n");
    let stderr = resume_err(&dir.0, &["tailor", "empty.txt"]);
    assert!(stderr.contains("asks nothing") && stderr.contains("hint:"), "{stderr}");
    std::fs::write(dir.path("binary.txt"), b"Kafka\n\xff\xfe\x00junk").unwrap();
    let stderr = resume_err(&dir.0, &["tailor", "binary.txt"]);
    assert!(stderr.contains("binary.txt:2:1"), "the bad byte is located:\n{stderr}");
}

#[test]
fn the_users_terms_are_read_from_the_resume() {
    let dir = Scratch::new("tailor-terms");
    dir.write(
        "resume.toml",
        r#"[person]
name = "김민국"
email = "minguk@example.com"

[tailor]
terms = { "Temporal" = ["temporal.io", "템포럴"] }

[[company]]
id = "lumen"
name = "루멘"

[[project]]
id = "flows"
name = "워크플로 엔진"
company = "lumen"
period = "2021-01.."
responsibilities = ["템포럴 기반 정산 워크플로 구축"]
"#,
    );
    dir.write("posting.txt", "자격요건\n- temporal.io 운영 경험\n");
    let out = resume(&dir.0, &["tailor", "posting.txt", "--format", "json"]);
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let all = requirements(&report["posting"]);
    assert_eq!(all.len(), 1, "{all:?}");
    assert_eq!(all[0].0, "Temporal (temporal.io)");
    assert_eq!(all[0].3, ["flows › responsibilities 1"]);
}

#[test]
fn the_suggested_profile_is_written_and_builds_within_its_budget() {
    let dir = Scratch::new("tailor-write");
    common::resume_ok(&dir.0, &["init", "--example", "."]);
    let before = std::fs::read_to_string(dir.path("resume.toml")).unwrap();

    let out = resume(&dir.0, &["tailor", &posting("backend-ko.txt"), "--write", "backend"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(stderr.contains("added [profile.backend]"), "{stderr}");
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("[profile.backend]\n"), "the profile is printed too:\n{text}");

    // Every line of the file stays; the profile is added after it.
    let after = std::fs::read_to_string(dir.path("resume.toml")).unwrap();
    assert!(after.starts_with(before.trim_end()), "the file's lines stay as they were");
    let added = &after[before.trim_end().len()..];
    assert!(added.starts_with("\n\n[profile.backend]\n") && added.contains("max_pages = 2\n"), "{added}");
    // The kept projects are those that cover a requirement: Go's and Java's.
    assert!(added.contains("\"kakao-i-mlops\"") && added.contains("\"hangame-game-platform\""), "{added}");
    // The bullets that name what the posting asks come first.
    assert!(added.contains("first = [\"Kubernetes\""), "{added}");

    // It builds within its budget, and what it keeps covers what it said.
    common::resume_ok(&dir.0, &["pdf", "--profile", "backend", "-o", "out/"]);
    let pdf = common::Pdf::open(&dir.path("out/backend-ko.pdf"));
    assert!(pdf.pages() <= 2, "{} pages", pdf.pages());
    let words = pdf.text().to_lowercase();
    // As the example writes them: Go as `golang`.
    for covered in ["golang", "mysql", "redis", "java", "kafka"] {
        assert!(words.contains(covered), "`{covered}` is not in the tailored PDF");
    }

    // Again: the profile is replaced where it stands, nothing else moves.
    let out =
        resume(&dir.0, &["tailor", &posting("backend-ko.txt"), "--write", "backend", "--max-pages", "1"]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("replaced [profile.backend]"));
    let again = std::fs::read_to_string(dir.path("resume.toml")).unwrap();
    assert!(again.starts_with(before.trim_end()) && again.matches("[profile.backend]").count() == 1);
    assert!(again.contains("max_pages = 1\n"));
    common::resume_ok(&dir.0, &["pdf", "--profile", "backend", "-o", "one/"]);
    assert_eq!(common::Pdf::open(&dir.path("one/backend-ko.pdf")).pages(), 1);

    // A name no profile can have, and the built-in example, are refused.
    let stderr = resume_err(&dir.0, &["tailor", &posting("backend-ko.txt"), "--write", "Back End"]);
    assert!(stderr.contains("cannot name a profile"), "{stderr}");
    let elsewhere = Scratch::new("tailor-write-builtin");
    let stderr = resume_err(&elsewhere.0, &["tailor", &posting("backend-ko.txt"), "--write", "backend"]);
    assert!(stderr.contains("the built-in example cannot be written to"), "{stderr}");
}

/// `tailor --pdf` on a PDF, as JSON.
fn read_back(dir: &std::path::Path, pdf: &str) -> serde_json::Value {
    let out = resume(dir, &["tailor", "--pdf", pdf, "--format", "json"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    json["pdf"].clone()
}

#[test]
fn every_layout_reads_back_in_order_in_both_languages() {
    let example = Scratch::new("tailor-readback-example");
    let packet = Scratch::new("tailor-readback-packet");
    packet.write("resume.toml", &common::packet_text());
    for dir in [&example, &packet] {
        for layout in ["classic", "compact", "international"] {
            for lang in ["ko", "en"] {
                let file = format!("{layout}-{lang}.pdf");
                common::resume_ok(&dir.0, &["pdf", "--layout", layout, "--lang", lang, "-o", &file]);
                let reading = read_back(&dir.0, &file);
                assert_eq!(reading["misses"], serde_json::json!([]), "{layout} {lang}: {reading:#}");
                let kinds: Vec<&str> = reading["looked_for"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|e| e["kind"].as_str().unwrap())
                    .collect();
                assert!(kinds.contains(&"name") && kinds.contains(&"employer") && kinds.contains(&"dates"));
                if dir.0 == packet.0 {
                    for kind in ["e-mail", "phone", "title"] {
                        assert!(kinds.contains(&kind), "{layout} {lang}: no {kind} looked for: {kinds:?}");
                    }
                }
            }
        }
    }
}

#[test]
fn a_layout_that_hides_or_scrambles_what_a_machine_needs_is_reported() {
    let dir = Scratch::new("tailor-readback-wrong");
    dir.write("resume.toml", &common::packet_text());
    // Dates before their employer, an employer's words on two lines, no
    // contacts and no titles.
    dir.write(
        "layouts/wrong.typ",
        r#"#import "/layouts/lib/resume.typ": resume-page, footer-line, end-of-resume, base-size
#let data = json("/resume.json")
#show: resume-page.with(title: data.document.title, author: data.document.author, lang: data.lang,
  paper: data.paper, size: base-size(data, 10pt), compose: data.shaping.compose,
  footer: footer-line(data.person.name, data.document.kind))
= #data.person.name
#for e in data.employments [
  #e.period

  #e.company.split(" ").join(linebreak())

]
#end-of-resume()
"#,
    );
    common::resume_ok(&dir.0, &["pdf", "--layout", "wrong", "--lang", "en", "-o", "wrong.pdf"]);
    let reading = read_back(&dir.0, "wrong.pdf");
    let misses: Vec<(String, String, String)> = reading["misses"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| {
            (
                m["kind"].as_str().unwrap().into(),
                m["text"].as_str().unwrap().into(),
                m["why"].as_str().unwrap().into(),
            )
        })
        .collect();
    for expected in [
        ("e-mail", "gaon.han@example.com", "not found"),
        ("phone", "+82 10-1234-5678", "not found"),
        ("employer", "Lumen Labs", "split across lines"),
        ("dates", "Mar 2015 – Jan 2018", "read before its employer"),
        ("title", "Software engineer", "not found"),
    ] {
        let expected = (expected.0.to_string(), expected.1.to_string(), expected.2.to_string());
        assert!(misses.contains(&expected), "{expected:?} not reported: {misses:#?}");
    }
    let text = String::from_utf8(resume(&dir.0, &["tailor", "--pdf", "wrong.pdf"]).stdout).unwrap();
    assert!(text.contains("would be missed") && text.contains("✗ dates"), "{text}");

    // What is no PDF is said, and nothing is read from it.
    dir.write("fake.pdf", "not a pdf at all");
    let stderr = resume_err(&dir.0, &["tailor", "--pdf", "fake.pdf"]);
    assert!(stderr.contains("fake.pdf") && stderr.contains("cannot be read"), "{stderr}");
    let stderr = resume_err(&dir.0, &["tailor", "--pdf", "missing.pdf"]);
    assert!(stderr.contains("missing.pdf"), "{stderr}");
}

#[test]
fn the_tailored_build_is_read_back_too() {
    let dir = Scratch::new("tailor-readback-suggested");
    let out = resume(&dir.0, &["tailor", &posting("backend-ko.txt"), "--format", "json"]);
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["posting"]["suggestion"]["readback"], serde_json::json!([]), "{report:#}");
    let text = String::from_utf8(resume(&dir.0, &["tailor", &posting("backend-ko.txt")]).stdout).unwrap();
    assert!(
        text.contains("read back from its PDF as an applicant-tracking system reads it: name, contacts"),
        "{text}"
    );
}

#[test]
fn text_on_every_page_is_read_back() {
    // Hadoop is written on the Korean example's last page only: a reader
    // that decodes later pages with the first page's fonts misses it.
    let dir = Scratch::new("tailor-readback-pages");
    common::resume_ok(&dir.0, &["pdf", "--lang", "ko", "-o", "ko.pdf"]);
    assert_eq!(common::Pdf::open(&dir.path("ko.pdf")).pages(), 4);
    dir.write("posting.txt", "자격요건\n- Hadoop 운영 경험\n");
    let out = resume(&dir.0, &["tailor", "posting.txt", "--pdf", "ko.pdf", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let looked_for = json["pdf"]["looked_for"].as_array().unwrap();
    assert!(looked_for.iter().any(|e| e["kind"] == "requirement" && e["text"] == "Hadoop"), "{json:#}");
    assert_eq!(json["pdf"]["misses"], serde_json::json!([]), "{json:#}");
}

#[test]
fn a_profiles_first_words_bring_their_bullets_forward_in_every_output() {
    let dir = Scratch::new("tailor-first");
    dir.write(
        "resume.toml",
        r#"[person]
name = "김민국"
email = "minguk@example.com"

[[company]]
id = "lumen"
name = "루멘"

[[project]]
id = "pay"
name = "정산 시스템"
company = "lumen"
period = "2021-01.."
responsibilities = [
  "정산 배치 일정 관리",
  "Kafka 이벤트 소비자 개발",
  "Go 로 정산 API 개발, Kafka 연동",
  "운영 문서 작성",
]

[profile.events]
first = ["kafka", "go"]
lang = ["ko"]
"#,
    );
    let plain = String::from_utf8(resume(&dir.0, &["export", "--format", "text"]).stdout).unwrap();
    let tailored =
        String::from_utf8(resume(&dir.0, &["export", "--format", "text", "--profile", "events"]).stdout)
            .unwrap();
    let order = |text: &str| -> Vec<usize> {
        ["Go 로 정산 API", "Kafka 이벤트", "정산 배치", "운영 문서"]
            .iter()
            .map(|b| text.find(b).unwrap_or_else(|| panic!("`{b}` missing:\n{text}")))
            .collect()
    };
    let plain_order = order(&plain);
    assert!(plain_order[2] < plain_order[1] && plain_order[1] < plain_order[0], "as written:\n{plain}");
    // Both words first, then Kafka alone, then the rest as written.
    let tailored_order = order(&tailored);
    assert!(tailored_order.windows(2).all(|w| w[0] < w[1]), "{tailored}");
    // The PDF of the profile says the same.
    common::resume_ok(&dir.0, &["pdf", "--profile", "events", "-o", "out/"]);
    let pdf = common::Pdf::open(&dir.path("out/events-ko.pdf")).text();
    let at = |b: &str| pdf.find(b).unwrap_or_else(|| panic!("`{b}` missing:\n{pdf}"));
    assert!(at("Go 로 정산 API") < at("Kafka 이벤트") && at("Kafka 이벤트") < at("정산 배치"), "{pdf}");
}

#[test]
fn a_label_read_after_its_value_is_reported() {
    let dir = Scratch::new("tailor-readback-labels");
    dir.write("resume.toml", &common::packet_text());
    // Each fact's value set first, at the right; its label after it, at
    // the left: a reader of the text layer meets the value first.
    dir.write(
        "layouts/rtl.typ",
        r#"#import "/layouts/lib/resume.typ": resume-page, footer-line, end-of-resume, base-size
#let data = json("/resume.json")
#show: resume-page.with(title: data.document.title, author: data.document.author, lang: data.lang,
  paper: data.paper, size: base-size(data, 10pt), compose: data.shaping.compose,
  footer: footer-line(data.person.name, data.document.kind))
= #data.person.name
#for p in data.projects [
  == #p.name
  #for f in p.facts.filter(f => f.value != none) [
    #block(stack(dir: rtl, spacing: 1fr, f.value, f.label))
  ]
]
#end-of-resume()
"#,
    );
    common::resume_ok(&dir.0, &["pdf", "--layout", "rtl", "--lang", "en", "-o", "rtl.pdf"]);
    let reading = read_back(&dir.0, "rtl.pdf");
    let labels: Vec<&str> = reading["misses"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|m| m["kind"] == "label")
        .map(|m| m["why"].as_str().unwrap())
        .collect();
    assert!(!labels.is_empty() && labels.iter().all(|w| *w == "read after its value"), "{reading:#}");
}
