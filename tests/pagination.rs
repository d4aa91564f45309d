//! Pagination rules for every built-in layout, in both languages, read
//! back from the PDF: the words and their boxes as poppler's `pdftotext
//! -bbox-layout` finds them, grouped into visual lines by baseline. None
//! of our layout code is trusted to say where things went.
//!
//! Poppler is installed by `.ci/run`; without `pdftotext` these tests say
//! so and pass without checking.

mod common;

use std::path::Path;
use std::process::Command;

use common::{Scratch, resume_ok};

const LAYOUTS: [&str; 3] = ["classic", "compact", "international"];
const FIXTURE: &str = "tests/fixtures/roundtrip/resume.toml";

/// A line as printed: its page, top and bottom, and its words left to
/// right.
#[derive(Debug, Clone)]
struct Line {
    page: usize,
    top: f64,
    bottom: f64,
    text: String,
}

/// The content lines of each page, top to bottom, without the footer.
fn lines_of(pdf: &Path) -> Option<Vec<Vec<Line>>> {
    let out = Command::new("pdftotext").arg("-bbox-layout").arg(pdf).arg("-").output().ok()?;
    assert!(out.status.success(), "pdftotext failed on {}", pdf.display());
    let xml = String::from_utf8(out.stdout).expect("pdftotext writes UTF-8");
    let mut pages = Vec::new();
    for page in xml.split("<page ").skip(1) {
        let mut words: Vec<(f64, f64, f64, String)> = Vec::new();
        for word in page.split("<word ").skip(1) {
            let attr = |name: &str| -> f64 {
                let start = word.find(&format!("{name}=\"")).expect("a box") + name.len() + 2;
                word[start..start + word[start..].find('"').unwrap()].parse().unwrap()
            };
            let text = &word[word.find('>').unwrap() + 1..word.find("</word>").unwrap()];
            let text = text
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&apos;", "'")
                .replace("&amp;", "&");
            words.push((attr("yMax"), attr("xMin"), attr("yMin"), text));
        }
        // Words whose baselines lie within 2 pt are one visual line.
        words.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.total_cmp(&b.1)));
        // Each line's baseline and top, and its words with their left edge.
        type Words = Vec<(f64, String)>;
        let mut lines: Vec<(f64, f64, Words)> = Vec::new();
        for (bottom, x, top, text) in words {
            match lines.last_mut() {
                Some((b, t, ws)) if (bottom - *b).abs() < 2.0 => {
                    *t = t.min(top);
                    ws.push((x, text));
                }
                _ => lines.push((bottom, top, vec![(x, text)])),
            }
        }
        let n = pages.len();
        let mut lines: Vec<Line> = lines
            .into_iter()
            .map(|(bottom, top, mut ws)| {
                ws.sort_by(|a, b| a.0.total_cmp(&b.0));
                let text = ws.into_iter().map(|(_, w)| w).collect::<Vec<_>>().join(" ");
                Line { page: n, top, bottom, text }
            })
            .collect();
        // The footer: `name · kind   n / N` on the last line.
        if lines.last().is_some_and(|l| is_footer(&l.text)) {
            lines.pop();
        }
        pages.push(lines);
    }
    Some(pages)
}

fn is_footer(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    words.len() >= 3
        && words[words.len() - 2] == "/"
        && words[words.len() - 1].parse::<u32>().is_ok()
        && words[words.len() - 3].parse::<u32>().is_ok()
}

fn poppler() -> bool {
    let found = Command::new("pdftotext").arg("-v").output().is_ok();
    if !found {
        eprintln!("SKIPPED: pdftotext (poppler-utils) is not installed; `.ci/run` installs it");
    }
    found
}

/// What the layouts print for headings and entries, from the view the
/// same flags export.
struct Names {
    headings: Vec<String>,
    /// Each project's name and the labels of its first and last stack facts.
    projects: Vec<(String, Option<String>, Option<String>)>,
    companies: Vec<String>,
    skills: String,
    /// The titles of a project's parts (주요 업무, Achievements…).
    parts: Vec<String>,
}

fn names(dir: &Path, lang: &str) -> Names {
    let out = common::resume(dir, &["export", "--format", "json", "--lang", lang]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let view: serde_json::Value = serde_json::from_slice(&out.stdout).expect("the view is JSON");
    let labels = view["labels"].as_object().unwrap();
    let mut headings: Vec<String> = labels
        .iter()
        .filter(|(k, _)| k.starts_with("section-"))
        .map(|(_, v)| v.as_str().unwrap().to_string())
        .collect();
    headings.extend(
        view["sections"].as_array().unwrap().iter().map(|s| s["title"].as_str().unwrap().to_string()),
    );
    let projects = view["projects"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            let facts = p["facts"].as_array().unwrap();
            let label = |f: Option<&serde_json::Value>| f.map(|f| f["label"].as_str().unwrap().to_string());
            (p["name"].as_str().unwrap().to_string(), label(facts.first()), label(facts.last()))
        })
        .collect();
    let companies = view["employments"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["company"].as_str().unwrap().to_string())
        .collect();
    let parts = ["part-responsibilities", "part-achievements", "part-troubleshooting"]
        .iter()
        .map(|k| labels[*k].as_str().unwrap().to_string())
        .collect();
    Names {
        headings,
        projects,
        companies,
        skills: labels["section-skills"].as_str().unwrap().to_string(),
        parts,
    }
}

fn is_heading(line: &Line, names: &Names) -> bool {
    names.headings.iter().any(|h| line.text == *h || line.text == h.to_uppercase())
}

/// Where a line starting with `text` (after a bullet) first appears.
fn find<'a>(all: &'a [Line], text: &str, from: usize) -> Option<(usize, &'a Line)> {
    all.iter().enumerate().skip(from).find(|(_, l)| {
        let t = l.text.trim_start_matches(['•', ' ']);
        t.starts_with(text)
    })
}

/// Checks every rule on one PDF, returning what broke.
fn broken_rules(pages: &[Vec<Line>], names: &Names, layout: &str) -> Vec<String> {
    let mut broken = Vec::new();
    let all: Vec<Line> = pages.iter().flatten().cloned().collect();
    for line in &all {
        let t = line.text.trim();
        for sep in ['·', '|'] {
            if t.starts_with(sep) || t.ends_with(sep) {
                broken.push(format!("page {}: a line begins or ends with `{sep}`: {t}", line.page + 1));
            }
        }
    }
    for (n, page) in pages.iter().enumerate().take(pages.len().saturating_sub(1)) {
        if let Some(last) = page.last()
            && is_heading(last, names)
        {
            broken.push(format!("page {} ends with the heading {}", n + 1, last.text));
        }
    }
    // An entry's title stays with its first two lines, and a project's
    // stack table with its title.
    let mut from = 0;
    for (name, first_fact, last_fact) in &names.projects {
        let Some((at, title)) = find(&all, name, from) else {
            broken.push(format!("the title `{name}` is not at the start of any line"));
            continue;
        };
        from = at + 1;
        let following = all[at + 1..].iter().take(2).filter(|l| l.page == title.page).count();
        let remaining = all.len() - at - 1;
        if following < 2.min(remaining) {
            broken.push(format!("page {}: `{name}` is parted from its first lines", title.page + 1));
        }
        if layout == "international" {
            continue;
        }
        for label in [first_fact, last_fact].into_iter().flatten() {
            let Some((_, row)) =
                all[at + 1..].iter().enumerate().find(|(_, l)| l.text.contains(label.as_str()))
            else {
                continue;
            };
            if row.page != title.page {
                broken.push(format!(
                    "`{name}`: its stack row `{label}` is on page {} and its title on page {}",
                    row.page + 1,
                    title.page + 1
                ));
            }
        }
    }
    for company in &names.companies {
        if layout != "international" {
            continue;
        }
        if let Some((at, line)) = find(&all, company, 0) {
            let following = all[at + 1..].iter().take(2).filter(|l| l.page == line.page).count();
            if following < 2.min(all.len() - at - 1) {
                broken.push(format!(
                    "page {}: the employment `{company}` is parted from its first lines",
                    line.page + 1
                ));
            }
        }
    }
    // A list never leaves one item alone at the foot of a page (its
    // part's title and first item) or at the top of the next (its last
    // item), unless the list ends there.
    if layout != "international" {
        let is_item = |l: &Line| l.text.starts_with('•') || l.text.starts_with('–');
        let starts_part = |l: &Line| names.parts.iter().any(|p| l.text.starts_with(p.as_str()));
        let ends_list = |l: &Line| {
            is_heading(l, names)
                || starts_part(l)
                || names.projects.iter().any(|(p, _, _)| l.text.starts_with(p.as_str()))
        };
        for n in 0..pages.len().saturating_sub(1) {
            let (page, next) = (&pages[n], &pages[n + 1]);
            // A project's short last part (its title and a bullet or two)
            // never starts a page alone, parted from its project.
            if !next.is_empty() && starts_part(&next[0]) {
                let rest = &next[1..];
                // Its lines before the next project or part, the title's
                // own line included when a first item sits beside it.
                let lines = rest.iter().take_while(|l| !ends_list(l)).count()
                    + usize::from(is_item(&next[0]) || next[0].text.contains('•'));
                let after = rest.iter().find(|l| ends_list(l));
                if lines <= 2 && after.is_some_and(|l| !starts_part(l)) {
                    broken.push(format!(
                        "page {} starts with a project's short last part alone: {}",
                        n + 2,
                        next[0].text
                    ));
                }
            }
            if page.len() < 2 || next.is_empty() || ends_list(&next[0]) {
                continue;
            }
            let last = &page[page.len() - 1];
            let before = &page[page.len() - 2];
            // A title alone on its line (classic) is followed by its first
            // item; one beside its first item (compact) is that item.
            let alone = |l: &Line| names.parts.contains(&l.text);
            if starts_part(last) || (alone(before) && is_item(last)) {
                broken.push(format!(
                    "page {} ends with a list's title and its first item alone: {}",
                    n + 1,
                    last.text
                ));
            }
            if is_item(&next[0])
                && let Some(after) = next[1..].iter().find(|l| is_item(l) || ends_list(l))
                && ends_list(after)
            {
                broken.push(format!("page {} starts with a list's last item alone: {}", n + 2, next[0].text));
            }
        }
    }
    // The skills table is never split.
    if let Some((at, heading)) =
        all.iter().enumerate().find(|(_, l)| l.text == names.skills || l.text == names.skills.to_uppercase())
    {
        for line in all[at + 1..].iter().take_while(|l| !is_heading(l, names)) {
            if line.page != heading.page {
                broken.push(format!(
                    "the skills run from page {} onto page {}: {}",
                    heading.page + 1,
                    line.page + 1,
                    line.text
                ));
                break;
            }
        }
    }
    // No page but the last is more than 15 % empty, unless what follows
    // starts a block that may not be split (a heading, an entry).
    let body_top = pages.iter().filter_map(|p| p.first()).map(|l| l.top).fold(f64::MAX, f64::min);
    let body_bottom = pages.iter().filter_map(|p| p.last()).map(|l| l.bottom).fold(0.0, f64::max);
    for n in 0..pages.len().saturating_sub(1) {
        let Some(last) = pages[n].last() else { continue };
        let empty = (body_bottom - last.bottom) / (body_bottom - body_top);
        let next = &pages[n + 1][0];
        let kept_together = is_heading(next, names)
            || names
                .projects
                .iter()
                .any(|(p, _, _)| next.text.trim_start_matches(['•', ' ']).starts_with(p.as_str()))
            || names.companies.iter().any(|c| next.text.starts_with(c.as_str()));
        if empty > 0.15 && !kept_together {
            broken.push(format!(
                "page {} is {:.0} % empty, and page {} goes on with `{}`",
                n + 1,
                empty * 100.0,
                n + 2,
                next.text
            ));
        }
    }
    broken
}

/// Builds `layout` in `lang` in `dir` and checks it; None without poppler.
fn check(dir: &Scratch, layout: &str, lang: &str, extra: &[&str]) -> Option<(usize, Vec<String>)> {
    let out = dir.path(&format!("{layout}-{lang}.pdf"));
    let mut args = vec!["pdf", "--lang", lang, "--layout", layout, "-o", out.to_str().unwrap()];
    args.extend(extra);
    resume_ok(&dir.0, &args);
    let pages = lines_of(&out)?;
    Some((pages.len(), broken_rules(&pages, &names(&dir.0, lang), layout)))
}

#[test]
fn every_layout_paginates_the_built_in_example_by_the_rules() {
    if !poppler() {
        return;
    }
    let dir = Scratch::new("pagination-builtin");
    let mut broken = Vec::new();
    for layout in LAYOUTS {
        for lang in ["ko", "en"] {
            let (_, rules) = check(&dir, layout, lang, &[]).unwrap();
            broken.extend(rules.into_iter().map(|r| format!("{layout} {lang}: {r}")));
        }
    }
    assert!(broken.is_empty(), "{}", broken.join("\n"));
}

#[test]
fn every_layout_paginates_a_resume_with_every_field_by_the_rules() {
    if !poppler() {
        return;
    }
    let dir = Scratch::new("pagination-fixture");
    dir.write("resume.toml", &std::fs::read_to_string(common::root().join(FIXTURE)).unwrap());
    let mut broken = Vec::new();
    for layout in LAYOUTS {
        for lang in ["ko", "en"] {
            let (_, rules) = check(&dir, layout, lang, &[]).unwrap();
            broken.extend(rules.into_iter().map(|r| format!("{layout} {lang}: {r}")));
        }
    }
    assert!(broken.is_empty(), "{}", broken.join("\n"));
}

/// The built-in example with `filler` more responsibilities in its first
/// project and a contact row too long for one line: as the filler grows,
/// every later block meets a page break somewhere.
fn swept(filler: usize) -> String {
    let source = std::fs::read_to_string(common::root().join("examples/builtin/resume.toml")).unwrap();
    let person = "[person]\nname = \"yoonbh2714\"\nemail = \"yoonbh2714@example.com\"\nphone = \"+82 10-1234-5678\"\n\
                  location = { ko = \"경기도 성남시 분당구\", en = \"Seongnam, Gyeonggi-do, South Korea\" }\n\
                  links = [\"https://yoonbh2714.blogspot.com\", \"https://github.com/yoonbh2714\", \"https://www.linkedin.com/in/yoonbh2714\"]\n";
    let rest = &source[source.find("headline").unwrap()..];
    let rest = rest.replacen("links = [\"https://yoonbh2714.blogspot.com\"]\n", "", 1);
    let mut text = format!("{person}{rest}");
    let items: String = (0..filler)
        .map(|n| format!("  {{ ko = \"추가 업무 {n}: 배포 파이프라인과 모니터링 개선\", en = \"Extra duty {n}: improved the deployment pipeline and monitoring.\" }},\n"))
        .collect();
    let at = text.find("responsibilities = [\n").unwrap() + "responsibilities = [\n".len();
    text.insert_str(at, &items);
    text
}

/// Page breaks at every place: the rules hold wherever a break falls.
#[test]
fn the_rules_hold_wherever_a_page_breaks() {
    if !poppler() {
        return;
    }
    let dir = Scratch::new("pagination-sweep");
    let mut broken = Vec::new();
    for filler in (0..40).step_by(3) {
        dir.write("resume.toml", &swept(filler));
        for layout in LAYOUTS {
            for lang in ["ko", "en"] {
                let (_, rules) = check(&dir, layout, lang, &[]).unwrap();
                broken.extend(rules.into_iter().map(|r| format!("{layout} {lang} +{filler}: {r}")));
            }
        }
    }
    assert!(broken.is_empty(), "{}", broken.join("\n"));
}

/// The rules catch what they describe: a page ending with a heading and a
/// line ending with a separator are reported.
#[test]
fn the_rules_report_what_they_forbid() {
    let line = |page, top: f64, text: &str| Line { page, top, bottom: top + 10.0, text: text.to_string() };
    let names = Names {
        headings: vec!["Skills".into()],
        projects: vec![("Search".into(), None, None)],
        companies: vec![],
        skills: "Skills".into(),
        parts: vec!["Achievements".into()],
    };
    let pages = vec![
        vec![
            line(0, 0.0, "Search 2020"),
            line(0, 20.0, "golang |"),
            line(0, 40.0, "x"),
            line(0, 400.0, "Skills"),
        ],
        vec![line(1, 0.0, "python 3 yrs"), line(1, 400.0, "end")],
    ];
    let broken = broken_rules(&pages, &names, "classic");
    assert!(broken.iter().any(|b| b.contains("ends with the heading Skills")), "{broken:?}");
    assert!(broken.iter().any(|b| b.contains("begins or ends with `|`")), "{broken:?}");
    assert!(broken.iter().any(|b| b.contains("skills run from page 1 onto page 2")), "{broken:?}");
    let pages = vec![
        vec![line(0, 0.0, "Search 2020"), line(0, 20.0, "Achievements"), line(0, 40.0, "• one")],
        vec![
            line(1, 0.0, "• two"),
            line(1, 20.0, "• three"),
            line(1, 40.0, "• four"),
            line(1, 60.0, "Skills"),
        ],
    ];
    let broken = broken_rules(&pages, &names, "classic");
    assert!(
        broken.iter().any(|b| b.contains("ends with a list's title and its first item alone")),
        "{broken:?}"
    );
    let pages = vec![
        vec![
            line(0, 0.0, "Search 2020"),
            line(0, 20.0, "Achievements"),
            line(0, 40.0, "• one"),
            line(0, 60.0, "• two"),
        ],
        vec![line(1, 0.0, "• three"), line(1, 20.0, "and more of it"), line(1, 40.0, "Skills")],
    ];
    let broken = broken_rules(&pages, &names, "classic");
    assert!(broken.iter().any(|b| b.contains("starts with a list's last item alone")), "{broken:?}");
}

/// The English résumé by employer: two pages at most in full, one page
/// for the built-in profile that keeps 2016 onward, on US Letter and A4.
#[test]
fn international_fits_two_pages_in_full_and_one_with_the_one_page_profile() {
    let dir = Scratch::new("international-pages");
    for paper in ["a4", "us-letter"] {
        let out = dir.path(&format!("full-{paper}.pdf"));
        resume_ok(
            &dir.0,
            &[
                "pdf",
                "--lang",
                "en",
                "--layout",
                "international",
                "--paper",
                paper,
                "-o",
                out.to_str().unwrap(),
            ],
        );
        let pdf = common::Pdf::open(&out);
        assert!(pdf.pages() <= 2, "{paper}: {} pages", pdf.pages());
        let out = dir.path(&format!("one-{paper}.pdf"));
        resume_ok(&dir.0, &["pdf", "--profile", "one-page", "--paper", paper, "-o", out.to_str().unwrap()]);
        let pdf = common::Pdf::open(&out);
        assert_eq!(pdf.pages(), 1, "{paper}");
        let text = common::squash(&pdf.text());
        assert!(
            text.contains("kakaoiMLOps") && !text.contains("OpticalCharacter"),
            "the profile keeps 2016 onward: {text}"
        );
    }
}

/// The compact 경력기술서 holds the whole Korean example in two pages.
#[test]
fn compact_holds_the_korean_example_in_two_pages() {
    let dir = Scratch::new("compact-pages");
    let out = dir.path("compact.pdf");
    resume_ok(&dir.0, &["pdf", "--lang", "ko", "--layout", "compact", "-o", out.to_str().unwrap()]);
    let compact = common::Pdf::open(&out);
    assert_eq!(compact.pages(), 2);
    // Nothing is dropped: every text the view holds for the projects,
    // skills and career is printed.
    let out = common::resume(&dir.0, &["export", "--format", "json", "--lang", "ko"]);
    let view: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    fn texts(value: &serde_json::Value, key: &str, out: &mut Vec<String>) {
        // (`short` is a link's label for `--short-links` only; `lead` is
        // the description, printed as such.)
        const NOT_PRINTED: [&str; 10] =
            ["id", "company_id", "dates", "tags", "url", "highlights", "tech", "issued", "short", "lead"];
        match value {
            serde_json::Value::String(s) if !NOT_PRINTED.contains(&key) => out.push(s.clone()),
            serde_json::Value::Array(items) => items.iter().for_each(|v| texts(v, key, out)),
            serde_json::Value::Object(map) => map
                .iter()
                .filter(|(k, _)| !NOT_PRINTED.contains(&k.as_str()))
                .for_each(|(k, v)| texts(v, k, out)),
            _ => {}
        }
    }
    let mut printed = Vec::new();
    for key in ["person", "career", "projects", "skills"] {
        texts(&view[key], key, &mut printed);
    }
    assert!(printed.len() > 100, "the view was read: {printed:?}");
    let page_text = common::squash(&compact.text());
    let missing: Vec<String> =
        printed.into_iter().filter(|t| !page_text.contains(&common::squash(t))).collect();
    assert!(missing.is_empty(), "compact drops {missing:?}");
}

/// A last page holding a line or two is tightened away when the layout's
/// steps can end a page earlier (`compact` in English set the skills alone
/// on a third page), and said in a note when they cannot.
#[test]
fn a_nearly_empty_last_page_is_tightened_away_or_noted() {
    let dir = Scratch::new("last-page");
    let err = resume_ok(&dir.0, &["pdf", "--lang", "en", "--layout", "compact", "-o", "c.pdf"]);
    assert_eq!(common::Pdf::open(&dir.path("c.pdf")).pages(), 2, "{err}");
    dir.write("resume.toml", common::SMALL);
    dir.write(
        "lay/forced.typ",
        "#import \"/layouts/lib/resume.typ\": end-of-resume\n#let data = json(\"/resume.json\")\n= #data.person.name\n#pagebreak()\nOne line.\n#end-of-resume()\n",
    );
    let err = resume_ok(&dir.0, &["pdf", "--lang", "en", "--layout", "lay/forced.typ", "-o", "f.pdf"]);
    assert_eq!(common::Pdf::open(&dir.path("f.pdf")).pages(), 2);
    assert!(err.contains("the last of 2 pages holds only"), "{err}");
}

/// A page budget the document leaves well short of full says how much
/// room is left, as poppler measures it; a full page says nothing.
#[test]
fn a_budget_left_partly_empty_says_how_much_room_is_left() {
    let dir = Scratch::new("room-left");
    let err = resume_ok(&dir.0, &["pdf", "--profile", "one-page", "-o", "one.pdf"]);
    let said: f64 = err
        .split("fills ")
        .nth(1)
        .and_then(|rest| rest.split(" %").next())
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("no note on the room left: {err}"));
    assert!(said < 85.0 && err.contains("room for more"), "{err}");
    // The lowest word above the footer, as poppler reads it.
    let out =
        std::process::Command::new("pdftotext").args(["-bbox"]).arg(dir.path("one.pdf")).arg("-").output();
    if let Ok(out) = out {
        let html = String::from_utf8_lossy(&out.stdout).into_owned();
        let number = |text: &str, key: &str| -> f64 {
            let at = text.find(&format!("{key}=\"")).unwrap() + key.len() + 2;
            text[at..].split('"').next().unwrap().parse().unwrap()
        };
        let height = number(&html, "height");
        let lowest = html
            .split("<word ")
            .skip(1)
            .map(|w| number(w, "yMax"))
            .filter(|y| *y < height - 60.0)
            .fold(0.0, f64::max);
        let measured = lowest / height * 100.0;
        assert!((measured - said).abs() < 6.0, "said {said} %, poppler reads {measured:.0} %");
    }
    let err = resume_ok(
        &dir.0,
        &[
            "pdf",
            "--lang",
            "en",
            "--layout",
            "international",
            "--paper",
            "us-letter",
            "--max-pages",
            "1",
            "--only",
            "2011-",
            "-o",
            "full.pdf",
        ],
    );
    assert!(!err.contains("room for more"), "{err}");
}

/// The rows of a page rendered in grey by poppler at 100 dpi: its width
/// and its pixels, row by row.
fn grey_pages(pdf: &Path, dir: &Scratch) -> Vec<(usize, Vec<Vec<u8>>)> {
    let prefix = dir.path("grey");
    let ok = Command::new("pdftoppm").args(["-gray", "-r", "100"]).arg(pdf).arg(&prefix).status();
    assert!(ok.is_ok_and(|s| s.success()), "pdftoppm runs");
    let mut files: Vec<_> = std::fs::read_dir(&dir.0)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "pgm"))
        .collect();
    files.sort();
    let pages = files
        .iter()
        .map(|file| {
            let bytes = std::fs::read(file).unwrap();
            // P5, width, height, 255, then the pixels.
            let mut fields = Vec::new();
            let mut at = 0;
            while fields.len() < 4 {
                while bytes[at].is_ascii_whitespace() {
                    at += 1;
                }
                let start = at;
                while !bytes[at].is_ascii_whitespace() {
                    at += 1;
                }
                fields.push(String::from_utf8_lossy(&bytes[start..at]).into_owned());
            }
            let (width, height): (usize, usize) = (fields[1].parse().unwrap(), fields[2].parse().unwrap());
            let pixels = &bytes[at + 1..];
            (width, (0..height).map(|y| pixels[y * width..(y + 1) * width].to_vec()).collect())
        })
        .collect();
    for file in files {
        let _ = std::fs::remove_file(file);
    }
    pages
}

/// A rule between projects never opens a page, dividing nothing: the
/// first thing drawn on every page is text, not a line across the text
/// width.
#[test]
fn no_page_opens_with_a_rule() {
    if !poppler() {
        return;
    }
    let dir = Scratch::new("pagination-rules-at-top");
    let mut found = Vec::new();
    for (layout, lang) in [("classic", "ko"), ("classic", "en"), ("compact", "ko"), ("compact", "en")] {
        let pdf = dir.path(&format!("{layout}-{lang}.pdf"));
        resume_ok(&dir.0, &["pdf", "--lang", lang, "--layout", layout, "-o", pdf.to_str().unwrap()]);
        for (n, (width, rows)) in grey_pages(&pdf, &dir).into_iter().enumerate().skip(1) {
            let inked = |row: &Vec<u8>| row.iter().filter(|p| **p < 235).count();
            let Some(first) = rows.iter().position(|r| inked(r) > 0) else { continue };
            // A rule: one or two rows inked across most of the width,
            // then white.
            let across = inked(&rows[first]).max(inked(&rows[first + 1])) > width / 2;
            let then_white = rows[first + 3..first + 6].iter().all(|r| inked(r) == 0);
            if across && then_white {
                found.push(format!("{layout} {lang}: page {} opens with a rule", n + 1));
            }
        }
    }
    assert!(found.is_empty(), "{}", found.join("\n"));
}
