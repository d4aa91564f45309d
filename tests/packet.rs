//! The fictional example in `examples/packet/` builds every document it
//! shows, and `check` finds nothing wrong with it: the example in the
//! README stays true.

mod common;

use std::path::Path;
use std::process::Command;

use common::{Pdf, Scratch, decode_string, resume_err, resume_ok};

#[test]
fn the_packet_example_builds_every_document_and_checks_clean() {
    let dir = Scratch::new("packet");
    let input = common::root().join("examples/packet/resume.toml");
    let input = input.to_str().unwrap();
    resume_ok(&dir.0, &["check", "--strict", "--lang", "ko,en", "--input", input]);
    let builds: [(&[&str], &str, usize); 6] = [
        (&["--lang", "ko"], "resume-ko.pdf", 2),
        (&["--lang", "en", "--layout", "international"], "resume-en.pdf", 1),
        (&["--document", "iryeokseo"], "iryeokseo-ko.pdf", 1),
        (&["--document", "letter:lumen"], "letter-lumen-ko.pdf", 1),
        (&["--document", "letter:orbit", "--lang", "en"], "letter-orbit-en.pdf", 1),
        (&["--profile", "us"], "us-en.pdf", 1),
    ];
    for (flags, file, most_pages) in builds {
        let mut args = vec!["pdf", "--input", input];
        args.extend(flags);
        resume_ok(&dir.0, &args);
        let pdf = Pdf::open(&dir.path(file));
        assert!(pdf.pages() <= most_pages, "{file}: {} pages", pdf.pages());
        assert!(!pdf.text().contains('\u{FFFD}'), "{file}");
    }
}

/// A profile's `documents` make a whole application one command, and
/// `--document` takes several at once.
#[test]
fn an_application_is_one_command() {
    let dir = Scratch::new("packet-documents");
    let input = common::root().join("examples/packet/resume.toml");
    let input = input.to_str().unwrap();
    let err = resume_ok(&dir.0, &["pdf", "--profile", "lumen", "--no-packet", "--input", input]);
    for file in ["lumen-iryeokseo-ko.pdf", "lumen-ko.pdf", "lumen-letter-ko.pdf"] {
        assert!(dir.path(file).exists(), "{file}: {err}");
    }
    let err =
        resume_ok(&dir.0, &["pdf", "--document", "iryeokseo,career", "--lang", "ko,en", "--input", input]);
    // The form is Korean only: in a build of both languages it is made in Korean.
    for file in ["iryeokseo-ko.pdf", "resume-ko.pdf", "resume-en.pdf"] {
        assert!(dir.path(file).exists(), "{file}: {err}");
    }
    assert!(!dir.path("iryeokseo-en.pdf").exists());
    // A profile naming a letter that does not exist is caught by check.
    let text = std::fs::read_to_string(input).unwrap().replace("\"letter:lumen\"]", "\"letter:lumn\"]");
    dir.write("resume.toml", &text);
    let err = common::resume_err(&dir.0, &["check"]);
    assert!(
        err.contains("there is no letter `lumn`") && err.contains("did you mean `letter:lumen`?"),
        "{err}"
    );
}

/// Poppler reads the packets back: it shares no code with the writer.
fn poppler() -> bool {
    let found = Command::new("pdfinfo").arg("-v").output().is_ok();
    if !found {
        eprintln!("SKIPPED: pdfinfo (poppler-utils) is not installed; `.ci/run` installs it");
    }
    found
}

fn run(program: &str, args: &[&str], pdf: &Path) -> String {
    let mut command = Command::new(program);
    command.args(args).arg(pdf);
    if program == "pdftotext" {
        command.arg("-");
    }
    let out = command.output().expect("poppler runs");
    assert!(out.status.success(), "{program} failed on {}", pdf.display());
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// pdfinfo's `Key: value` lines.
fn info(pdf: &Path, key: &str) -> String {
    let out = Command::new("pdfinfo").arg(pdf).output().expect("pdfinfo runs");
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    let line = text.lines().find(|l| l.starts_with(&format!("{key}:"))).unwrap_or_default();
    line[key.len() + 1..].trim().to_string()
}

/// The height of the first word poppler reads on `page`: the title's.
fn title_height(pdf: &Path, page: usize) -> f64 {
    let page = page.to_string();
    let html = run("pdftotext", &["-bbox", "-f", &page, "-l", &page], pdf);
    let word = html.split("<word ").nth(1).expect("a word");
    let number = |key: &str| -> f64 {
        let at = word.find(&format!("{key}=\"")).unwrap() + key.len() + 2;
        word[at..].split('"').next().unwrap().parse().unwrap()
    };
    number("yMax") - number("yMin")
}

/// A page's text as poppler extracts it.
fn page_text(pdf: &Path, page: usize) -> String {
    let page = page.to_string();
    run("pdftotext", &["-f", &page, "-l", &page], pdf)
}

/// The outline as poppler reads it: (depth, page, title) in order.
fn outline(pdf: &Path) -> Vec<(usize, usize, String)> {
    let xml = run("pdftohtml", &["-xml", "-i", "-stdout", "-q"], pdf);
    let Some(start) = xml.find("<outline>") else { return Vec::new() };
    let mut depth = 0;
    let mut items = Vec::new();
    let mut rest = &xml[start..];
    while !rest.is_empty() {
        if let Some(after) = rest.strip_prefix("<outline>") {
            depth += 1;
            rest = after;
        } else if let Some(after) = rest.strip_prefix("</outline>") {
            depth -= 1;
            rest = after;
        } else if let Some(after) = rest.strip_prefix("<item page=\"") {
            let (page, after) = after.split_once("\">").unwrap();
            let (title, after) = after.split_once("</item>").unwrap();
            items.push((depth, page.parse().unwrap(), title.to_string()));
            rest = after;
        } else {
            rest = &rest[rest.chars().next().unwrap().len_utf8()..];
        }
    }
    items
}

/// The tags with their text, object numbers aside (they change when joined).
fn tags(pdf: &Path) -> Vec<String> {
    let out = Command::new("pdfinfo").arg("-struct-text").arg(pdf).output().expect("pdfinfo runs");
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter(|line| !line.trim_start().starts_with("Object "))
        .map(str::to_string)
        .collect()
}

/// `--packet` joins an application's documents into one PDF: their pages
/// and text unchanged, each document numbering its own pages, an outline
/// entry for each with its own headings beneath, page labels per
/// document, one structure tree holding every document's tags, and the
/// links kept.
#[test]
fn a_packet_joins_the_documents_each_with_its_outline_entry_and_page_numbers() {
    if !poppler() {
        return;
    }
    let dir = Scratch::new("packet-join");
    let input = common::root().join("examples/packet/resume.toml");
    let input = input.to_str().unwrap();
    // The profile says `packet = true`.
    let err = resume_ok(&dir.0, &["pdf", "--profile", "lumen", "--input", input]);
    assert!(err.contains("lumen-packet-ko.pdf (4 pages)"), "{err}");
    for file in ["lumen-iryeokseo-ko.pdf", "lumen-ko.pdf", "lumen-letter-ko.pdf"] {
        assert!(!dir.path(file).exists(), "{file} was written beside the packet");
    }
    resume_ok(&dir.0, &["pdf", "--profile", "lumen", "--no-packet", "--input", input, "-o", "parts/"]);
    let packet = dir.path("lumen-packet-ko.pdf");
    let parts = ["parts/lumen-iryeokseo-ko.pdf", "parts/lumen-ko.pdf", "parts/lumen-letter-ko.pdf"];
    let parts: Vec<_> = parts.iter().map(|p| dir.path(p)).collect();

    // Every page of every document, in order, with the same text: the
    // 경력기술서's footers still read 1 / 2 and 2 / 2.
    let mut page = 0;
    let mut starts = Vec::new();
    for part in &parts {
        let pages: usize = info(part, "Pages").parse().unwrap();
        starts.push(page + 1);
        for n in 1..=pages {
            page += 1;
            assert_eq!(page_text(&packet, page), page_text(part, n), "page {page} of the packet");
        }
    }
    assert_eq!(info(&packet, "Pages"), page.to_string());
    assert_eq!(starts, [1, 2, 4]);
    let squashed = |page| page_text(&packet, page).split_whitespace().collect::<String>();
    assert!(squashed(2).ends_with("1/2") && squashed(3).ends_with("2/2"), "{}", squashed(3));
    // Every document numbers its pages, a one-page one too, and opens
    // with the same title block: one size, one rule.
    // (The form's signature line comes after its footer in poppler's
    // reading order.)
    assert!(squashed(1).contains("1/1") && squashed(4).ends_with("1/1"), "{}", squashed(1));
    let mut heights = Vec::new();
    for (page, title) in [(1, "이력서"), (2, "경력기술서"), (4, "자기소개서")] {
        assert!(squashed(page).starts_with(title), "page {page}: {}", squashed(page));
        heights.push(title_height(&packet, page));
    }
    assert!(heights.iter().all(|h| (h - heights[0]).abs() < 0.5), "title heights {heights:?}");
    assert_eq!(info(&packet, "Title"), "한가온 — 입사 지원서");
    assert_eq!(info(&packet, "Tagged"), "yes");

    // The outline: one entry per document at its first page, each
    // document's own headings beneath its entry.
    let entries = outline(&packet);
    let top: Vec<(usize, String)> =
        entries.iter().filter(|(depth, _, _)| *depth == 1).map(|(_, p, t)| (*p, t.clone())).collect();
    assert_eq!(
        top,
        [
            (1, "이력서".to_string()),
            (2, "경력기술서".to_string()),
            (4, "자기소개서 (루멘랩스 플랫폼팀 지원)".to_string())
        ]
    );
    let career = entries.iter().position(|(_, _, t)| t == "경력기술서").unwrap();
    let letter = entries.iter().position(|(_, _, t)| t.starts_with("자기소개서")).unwrap();
    // Beneath its entry, one level down and one page on (the form is first).
    let beneath: Vec<(usize, usize, String)> =
        entries[career + 1..letter].iter().map(|(d, p, t)| (d - 1, p - 1, t.clone())).collect();
    let own = outline(&parts[1]);
    assert_eq!(beneath, own, "the 경력기술서's outline under its entry");
    assert!(beneath.iter().any(|(_, _, t)| t == "프로젝트"), "{beneath:?}");

    // Page labels name each document's pages.
    let pdf = Pdf::open(&packet);
    let labels = pdf.catalog().get(b"PageLabels").and_then(lopdf::Object::as_dict).expect("page labels");
    let nums = labels.get(b"Nums").and_then(lopdf::Object::as_array).expect("Nums");
    let labelled: Vec<(i64, String)> = nums
        .chunks(2)
        .map(|pair| {
            let prefix = pair[1].as_dict().unwrap().get(b"P").map(|p| decode_string(p).unwrap()).unwrap();
            (pair[0].as_i64().unwrap(), prefix)
        })
        .collect();
    assert_eq!(
        labelled,
        [(0, "이력서 ".to_string()), (1, "경력기술서 ".to_string()), (3, "자기소개서 ".to_string())]
    );

    // One structure tree: a Document of three Parts, each holding the
    // tags and text of its document as they were.
    let joined = tags(&packet);
    assert!(joined[0].starts_with("Document"), "{:?}", &joined[..3]);
    let parts_at: Vec<usize> =
        joined.iter().enumerate().filter(|(_, l)| l.starts_with("  Part")).map(|(n, _)| n).collect();
    assert_eq!(parts_at.len(), 3, "{parts_at:?}");
    let mut expected = Vec::new();
    for part in &parts {
        let own = tags(part);
        assert!(own[0].starts_with("Document"), "{}", own[0]);
        expected.extend(own[1..].iter().map(|line| format!("  {line}")));
    }
    let inside: Vec<String> = joined.iter().skip(1).filter(|l| !l.starts_with("  Part")).cloned().collect();
    assert_eq!(inside, expected, "the joined tags");

    // Content finds its tags back: each page's `StructParents` key leads,
    // in the joined parent tree, to tags of that page, and each link's
    // `StructParent` to the tag that holds it. (Poppler walks the other
    // way, from tags to content, so it cannot see this.)
    let root = pdf.catalog().get(b"StructTreeRoot").and_then(lopdf::Object::as_reference).unwrap();
    let root = pdf.doc.get_dictionary(root).unwrap();
    let tree = root.get(b"ParentTree").and_then(lopdf::Object::as_dict).unwrap();
    let nums = tree.get(b"Nums").and_then(lopdf::Object::as_array).unwrap();
    let entry = |key: i64| -> &lopdf::Object {
        let at = nums.chunks(2).find(|pair| pair[0].as_i64().ok() == Some(key)).expect("a parent tree key");
        &at[1]
    };
    let mut keys = Vec::new();
    let mut links = 0;
    for (_, page) in pdf.doc.get_pages() {
        let dict = pdf.doc.get_dictionary(page).unwrap();
        let key = dict.get(b"StructParents").and_then(lopdf::Object::as_i64).expect("StructParents");
        keys.push(key);
        let (_, tags) = pdf.doc.dereference(entry(key)).unwrap();
        for tag in tags.as_array().unwrap().iter().filter(|t| !t.is_null()) {
            let tag = pdf.doc.dereference(tag).unwrap().1.as_dict().unwrap();
            assert_eq!(
                tag.get(b"Pg").and_then(lopdf::Object::as_reference).ok(),
                Some(page),
                "a tag of page {page:?}"
            );
        }
        for annotation in dict.get(b"Annots").and_then(lopdf::Object::as_array).into_iter().flatten() {
            let id = annotation.as_reference().unwrap();
            let key = pdf
                .doc
                .get_dictionary(id)
                .unwrap()
                .get(b"StructParent")
                .and_then(lopdf::Object::as_i64)
                .unwrap();
            keys.push(key);
            let tag = pdf.doc.dereference(entry(key)).unwrap().1.as_dict().unwrap();
            let holds = tag.get(b"K").and_then(lopdf::Object::as_array).unwrap().iter().any(|kid| {
                kid.as_dict()
                    .is_ok_and(|d| d.get(b"Obj").and_then(lopdf::Object::as_reference).ok() == Some(id))
            });
            assert!(holds, "the link {id:?} is not in its tag");
            links += 1;
        }
    }
    keys.sort();
    keys.dedup();
    assert_eq!(keys.len(), pdf.pages() + links, "structure keys are shared: {keys:?}");

    // The links stay, on the page they were on.
    let urls = run("pdfinfo", &["-url"], &packet);
    assert!(
        urls.lines().any(|l| l.split_whitespace().collect::<Vec<_>>()
            == ["2", "Annotation", "mailto:gaon.han@example.com"]),
        "{urls}"
    );

    // The same input gives the same bytes.
    let first = std::fs::read(&packet).unwrap();
    resume_ok(&dir.0, &["pdf", "--profile", "lumen", "--input", input, "-o", "again.pdf"]);
    assert!(first == std::fs::read(dir.path("again.pdf")).unwrap(), "a rebuilt packet differs");
}

/// A packet is one PDF written whole: when one of its documents fails,
/// nothing is written and an earlier packet stays as it was; images are
/// refused; several languages make a packet each.
/// Numbered throughout, the packet counts from its first page to its
/// last across its documents; each document alone still counts its own.
#[test]
fn a_packet_numbered_throughout_counts_on_across_its_documents() {
    if !poppler() {
        return;
    }
    let dir = Scratch::new("packet-throughout");
    let input = common::root().join("examples/packet/resume.toml");
    let input = input.to_str().unwrap();
    let args = ["pdf", "--profile", "lumen", "--input", input, "--packet-numbers", "throughout"];
    let err = resume_ok(&dir.0, &args);
    assert!(err.contains("lumen-packet-ko.pdf (4 pages)"), "{err}");
    let packet = dir.path("lumen-packet-ko.pdf");
    for page in 1..=4 {
        let text = page_text(&packet, page).split_whitespace().collect::<String>();
        assert!(text.contains(&format!("{page}/4")), "page {page}: {text}");
    }
    // In the profile, as `packet_numbers`.
    let toml = std::fs::read_to_string(input).unwrap();
    dir.write(
        "resume.toml",
        &toml.replace("packet = true", "packet = true\npacket_numbers = \"throughout\""),
    );
    resume_ok(&dir.0, &["pdf", "--profile", "lumen", "-o", "profiled.pdf"]);
    let last = page_text(&dir.path("profiled.pdf"), 4).split_whitespace().collect::<String>();
    assert!(last.ends_with("4/4"), "{last}");
}

#[test]
fn a_packet_is_written_whole_or_not_at_all() {
    let dir = Scratch::new("packet-whole");
    let input = common::root().join("examples/packet/resume.toml");
    let input = input.to_str().unwrap();
    let earlier = b"%PDF-1.7 an earlier packet".to_vec();
    dir.write_bytes("packet-en.pdf", &earlier);
    // The letter `lumen` has no English text.
    let err = resume_err(
        &dir.0,
        &["pdf", "--document", "career,letter:lumen", "--lang", "en", "--packet", "--input", input],
    );
    assert!(err.contains("has no `en` version"), "{err}");
    assert_eq!(std::fs::read(dir.path("packet-en.pdf")).unwrap(), earlier);

    let err =
        resume_err(&dir.0, &["pdf", "--document", "career", "--packet", "--format", "png", "--input", input]);
    assert!(err.contains("a packet is one PDF"), "{err}");
    // A profile's packet is its PDF's: in Word, each document on its own.
    let err = resume_ok(&dir.0, &["docx", "--profile", "lumen", "--input", input, "-o", "word/"]);
    for file in ["word/lumen-iryeokseo-ko.docx", "word/lumen-ko.docx", "word/lumen-letter-ko.docx"] {
        assert!(dir.path(file).exists(), "{file}: {err}");
    }

    // Each language makes its packet; the form, Korean only, joins the Korean one.
    let err = resume_ok(
        &dir.0,
        &[
            "pdf",
            "--document",
            "iryeokseo,career",
            "--lang",
            "ko,en",
            "--packet",
            "--input",
            input,
            "-o",
            "both/",
        ],
    );
    assert!(
        err.contains("both/packet-ko.pdf (3 pages)") && err.contains("both/packet-en.pdf (2 pages)"),
        "{err}"
    );
    let korean = Pdf::open(&dir.path("both/packet-ko.pdf"));
    assert_eq!(korean.outline_titles()[..2], ["이력서".to_string(), "경력기술서".to_string()]);
}

/// A packet is one language's documents: a profile of two languages whose
/// `output` has no `{lang}` is two packets writing one file, refused as
/// two builds writing one file are.
#[test]
fn two_languages_never_join_one_packet() {
    let dir = Scratch::new("packet-languages");
    let text = common::packet_text();
    dir.write(
        "resume.toml",
        &format!(
            "{text}\n[profile.both]\nlang = [\"ko\", \"en\"]\ndocuments = [\"career\", \"letter:orbit\"]\npacket = true\noutput = \"same.pdf\"\n"
        ),
    );
    let err = resume_err(&dir.0, &["pdf", "--profile", "both"]);
    assert!(err.contains("two builds would write `same.pdf`"), "{err}");
    assert!(!dir.path("same.pdf").exists());
}
