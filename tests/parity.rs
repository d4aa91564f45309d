//! One truth: for every résumé layout in both languages, on the built-in
//! example and on the fictional applicant of `examples/packet/`, the facts
//! of the document (names, titles, periods, employers, bullet texts,
//! links, section titles) are read back from each output by a reader
//! independent of the writer: lopdf for the PDF, the Word file's XML, the
//! plain text and Markdown as printed, the JSON Resume document as parsed.
//! Every fact of the document must be in every output, except what the
//! README's format table says a format cannot hold.

mod common;

use serde_json::Value;

use common::docx::{paragraphs, part};
use common::{Pdf, Scratch, squash};

/// The résumés the parity is checked on.
fn inputs() -> [(&'static str, String); 3] {
    let packet = common::root().join("examples/packet/resume.toml");
    let builtin = common::root().join("examples/builtin/resume.toml");
    let every_field = common::root().join("tests/fixtures/roundtrip/resume.toml");
    [
        ("builtin", builtin.to_str().unwrap().to_string()),
        ("packet", packet.to_str().unwrap().to_string()),
        ("every-field", every_field.to_str().unwrap().to_string()),
    ]
}

/// A command's own arguments, then those every run of one document shares.
fn args<'a>(extra: &[&'a str], base: &[&'a str]) -> Vec<&'a str> {
    [extra, base].concat()
}

fn run(dir: &Scratch, args: &[&str]) -> String {
    let out = common::resume(&dir.0, args);
    assert!(out.status.success(), "resume {args:?}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

/// A fact as it is compared: white space and case do not count (a
/// heading may be set in capitals, a line may break anywhere).
fn key(text: &str) -> String {
    squash(text).to_lowercase()
}

fn text_of(value: &Value) -> Option<&str> {
    value.as_str().filter(|s| !s.is_empty())
}

/// A bullet's text, link text and sub-bullets, each a fact.
fn bullet_facts(bullet: &Value, facts: &mut Vec<String>) {
    facts.extend(text_of(&bullet["text"]).map(str::to_string));
    facts.extend(text_of(&bullet["link"]["text"]).map(str::to_string));
    for item in bullet["items"].as_array().into_iter().flatten() {
        bullet_facts(item, facts);
    }
}

fn each<'v>(view: &'v Value, key: &str) -> impl Iterator<Item = &'v Value> {
    view[key].as_array().into_iter().flatten()
}

/// The facts of a document, from the view every writer renders.
fn facts(view: &Value) -> Vec<String> {
    let mut facts = Vec::new();
    let mut push = |value: &Value| facts.extend(text_of(value).map(str::to_string));
    let labels = &view["labels"];
    push(&view["person"]["name"]);
    push(&view["person"]["headline"]);
    push(&view["person"]["location"]);
    for contact in each(&view["person"], "contacts") {
        push(&contact["text"]);
    }
    push(&view["summary"]);
    let ordered = |id: &str| view["order"].as_array().is_some_and(|o| o.iter().any(|x| x == id));
    if ordered("career") {
        push(&labels["section-summary"]);
        push(&view["career"]["total"]);
        for line in each(&view["career"], "lines") {
            for field in ["company", "location", "period", "duration"] {
                push(&line[field]);
            }
            for role in each(line, "roles") {
                for field in ["title", "department", "period"] {
                    push(&role[field]);
                }
            }
        }
    }
    let by_employer = view["arrangement"] == "by-employer";
    if by_employer {
        for employment in each(view, "employments") {
            for field in ["company", "location", "period"] {
                push(&employment[field]);
            }
            for role in each(employment, "roles") {
                for field in ["title", "department", "period"] {
                    push(&role[field]);
                }
            }
        }
    }
    let mut bullets = Vec::new();
    for project in each(view, "projects") {
        for field in ["name", "period"] {
            push(&project[field]);
        }
        push(&project["link"]["text"]);
        if by_employer {
            push(&project["highlight_link"]["text"]);
            for highlight in each(project, "highlights") {
                bullet_facts(highlight, &mut bullets);
            }
            if project["highlights"].as_array().is_none_or(Vec::is_empty) {
                push(&project["description"]);
            }
            for tech in each(project, "tech") {
                push(tech);
            }
            continue;
        }
        for field in ["company", "duration", "description"] {
            push(&project[field]);
        }
        for fact in each(project, "facts") {
            push(&fact["label"]);
            push(&fact["value"]);
            for detail in each(fact, "details") {
                push(&detail["label"]);
                push(&detail["value"]);
            }
        }
        for part in ["responsibilities", "achievements"] {
            for bullet in each(project, part) {
                bullet_facts(bullet, &mut bullets);
            }
        }
        for trouble in each(project, "troubleshooting") {
            push(&trouble["problem"]);
            push(&trouble["resolution"]);
            push(&trouble["link"]["text"]);
        }
    }
    for group in each(view, "skills") {
        push(&group["label"]);
        for skill in each(group, "items") {
            push(&skill["name"]);
            push(&skill["duration"]);
        }
    }
    for school in each(view, "education") {
        for field in ["school", "degree", "period", "gpa"] {
            push(&school[field]);
        }
        for detail in each(school, "details") {
            bullet_facts(detail, &mut bullets);
        }
    }
    for entry in each(view, "certifications") {
        for field in ["name", "issuer", "date"] {
            push(&entry[field]);
        }
        push(&entry["link"]["text"]);
    }
    for entry in each(view, "language_tests") {
        for field in ["test", "score", "issuer", "date"] {
            push(&entry[field]);
        }
    }
    for entry in each(view, "awards") {
        for field in ["name", "issuer", "date", "summary"] {
            push(&entry[field]);
        }
    }
    for entry in each(view, "publications") {
        for field in ["title", "journal", "date", "summary"] {
            push(&entry[field]);
        }
        for author in each(entry, "authors") {
            push(author);
        }
        push(&entry["link"]["text"]);
    }
    for entry in each(view, "open_source") {
        for field in ["name", "description", "period"] {
            push(&entry[field]);
        }
        push(&entry["link"]["text"]);
    }
    for section in each(view, "sections") {
        push(&section["title"]);
        for entry in each(section, "entries") {
            for field in ["name", "detail", "date", "summary"] {
                push(&entry[field]);
            }
            push(&entry["link"]["text"]);
            for keyword in each(entry, "keywords") {
                push(keyword);
            }
            for detail in each(entry, "details") {
                bullet_facts(detail, &mut bullets);
            }
        }
        for item in each(section, "items") {
            bullet_facts(item, &mut bullets);
        }
    }
    facts.extend(bullets);
    facts
}

/// Markdown's text as a reader sees it: character references and
/// backslash escapes undone.
fn rendered(markdown: &str) -> String {
    markdown
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&#91;", "[")
        .replace("&#93;", "]")
        .replace("&#96;", "`")
        .replace("&#126;", "~")
        .replace("&amp;", "&")
        .replace("\\", "")
}

/// The first section title of the view's order that the output does not
/// print after the ones before it, if any: every writer prints the
/// sections in the one order the document decided.
fn out_of_order(view: &Value, output: &str) -> Option<String> {
    let output = key(output);
    let labels = &view["labels"];
    let mut at = 0;
    for id in view["order"].as_array().into_iter().flatten().filter_map(Value::as_str) {
        let title = match id {
            // The summary has no heading of its own by project.
            "summary" if view["arrangement"] == "by-project" => continue,
            "summary" => labels["section-profile"].as_str(),
            "career" => labels["section-summary"].as_str(),
            "experience" => labels["section-experience"].as_str(),
            free if free.starts_with("section:") => {
                let id = &free["section:".len()..];
                each(view, "sections").find(|s| s["id"] == id).and_then(|s| s["title"].as_str())
            }
            other => labels[format!("section-{other}")].as_str(),
        }
        .unwrap_or(id);
        match output[at..].find(&key(title)) {
            Some(found) => at += found + key(title).len(),
            None => return Some(title.to_string()),
        }
    }
    None
}

/// A Word file's text, a line per paragraph, from its XML.
fn word_text(docx: &std::path::Path) -> String {
    paragraphs(&part(docx, "word/document.xml")).into_iter().map(|p| p.text).collect::<Vec<_>>().join("\n")
}

/// A web page's text, as Python's HTML parser reads it.
fn html_text(page: &std::path::Path) -> String {
    let reader = format!("{}/tests/html_reader.py", env!("CARGO_MANIFEST_DIR"));
    let out = std::process::Command::new("python3").arg(reader).arg(page).output().expect("python3 runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let read: Value = serde_json::from_slice(&out.stdout).unwrap();
    read["articles"].as_array().unwrap().iter().map(|a| a["text"].as_str().unwrap().to_string()).collect()
}

/// The facts an output lacks.
fn missing<'f>(facts: &'f [String], output: &str) -> Vec<&'f str> {
    let output = key(output);
    facts.iter().filter(|f| !output.contains(&key(f))).map(String::as_str).collect()
}

#[test]
fn every_writer_carries_every_fact_of_the_document() {
    let dir = Scratch::new("parity");
    let mut failures = Vec::new();
    for (name, input) in inputs() {
        for layout in ["classic", "compact", "international"] {
            for lang in ["ko", "en"] {
                let base = ["--lang", lang, "--layout", layout, "--input", input.as_str()];
                let view: Value =
                    serde_json::from_str(&run(&dir, &args(&["export", "--format", "json"], &base))).unwrap();
                let facts = facts(&view);
                assert!(facts.len() > 20, "{name} {layout} {lang}: too few facts to compare");
                let pdf = format!("{name}-{layout}-{lang}.pdf");
                let docx = format!("{name}-{layout}-{lang}.docx");
                run(&dir, &args(&["pdf", "-o", &pdf], &base));
                run(&dir, &args(&["docx", "-o", &docx], &base));
                let html = run(&dir, &args(&["export", "--format", "html"], &base));
                let page = dir.write(&format!("{name}-{layout}-{lang}.html"), &html);
                let mut outputs = vec![
                    ("PDF", Pdf::open(&dir.path(&pdf)).text()),
                    ("DOCX", word_text(&dir.path(&docx))),
                    ("text", run(&dir, &args(&["export", "--format", "text"], &base))),
                    ("HTML", html_text(&page)),
                ];
                // Markdown is always by project: the whole résumé, which
                // its importer reads back.
                if view["arrangement"] == "by-project" {
                    let markdown = run(&dir, &args(&["export", "--format", "markdown"], &base));
                    outputs.push(("Markdown", rendered(&markdown)));
                }
                for (format, output) in outputs {
                    let lacking = missing(&facts, &output);
                    if !lacking.is_empty() {
                        failures.push(format!("{name} {layout} {lang} {format}: {lacking:?}"));
                    }
                    if let Some(title) = out_of_order(&view, &output) {
                        failures.push(format!("{name} {layout} {lang} {format}: `{title}` out of order"));
                    }
                }
            }
        }
    }
    assert!(failures.is_empty(), "facts missing:\n{}", failures.join("\n"));
}

#[test]
fn json_resume_carries_what_it_has_a_place_for() {
    let dir = Scratch::new("parity-jsonresume");
    for (name, input) in inputs() {
        for lang in ["ko", "en"] {
            let base = ["--lang", lang, "--input", input.as_str()];
            let view: Value =
                serde_json::from_str(&run(&dir, &args(&["export", "--format", "json"], &base))).unwrap();
            let document = run(&dir, &args(&["export", "--format", "jsonresume"], &base));
            // Its strings, as written (JSON escapes undone).
            let parsed: Value = serde_json::from_str(&document).unwrap();
            let mut strings = Vec::new();
            collect_strings(&parsed, &mut strings);
            let output = strings.join("\n");
            let mut facts = Vec::new();
            let mut push = |value: &Value| facts.extend(text_of(value).map(str::to_string));
            push(&view["person"]["name"]);
            push(&view["person"]["headline"]);
            push(&view["summary"]);
            for project in each(&view, "projects") {
                push(&project["name"]);
                push(&project["description"]);
                for part in ["responsibilities", "achievements"] {
                    for bullet in each(project, part) {
                        push(&bullet["text"]);
                    }
                }
                for trouble in each(project, "troubleshooting") {
                    push(&trouble["problem"]);
                    push(&trouble["resolution"]);
                }
            }
            for entry in each(&view, "education") {
                push(&entry["school"]);
                push(&entry["gpa"]);
            }
            for entry in each(&view, "certifications") {
                push(&entry["name"]);
            }
            for entry in each(&view, "awards") {
                push(&entry["name"]);
            }
            let lacking = missing(&facts, &output);
            assert!(lacking.is_empty(), "{name} {lang} JSON Resume lacks {lacking:?}");
        }
    }
}

fn collect_strings(value: &Value, out: &mut Vec<String>) {
    match value {
        Value::String(s) => out.push(s.clone()),
        Value::Array(items) => items.iter().for_each(|v| collect_strings(v, out)),
        Value::Object(map) => map.values().for_each(|v| collect_strings(v, out)),
        _ => {}
    }
}

/// A layout of one's own that prints the composed document
/// (`document-body` of `layouts/lib/body.typ`) carries every fact too, in
/// the document's order, so a new layout starts complete.
#[test]
fn a_layout_printing_the_composed_document_carries_every_fact() {
    let dir = Scratch::new("parity-body");
    dir.write(
        "body.typ",
        "#import \"/layouts/lib/resume.typ\": resume-page, para, base-size, end-of-resume\n\
         #import \"/layouts/lib/body.typ\": document-body\n\
         #let data = json(\"/resume.json\")\n\
         #show: resume-page.with(title: data.document.title, author: data.document.author, lang: data.lang, \
         paper: data.paper, size: base-size(data, 10pt), compose: data.shaping.compose)\n\
         #para(data.person.name, 20)\n\
         #if data.person.headline != none [ \\ #data.person.headline]\n\
         #if data.person.location != none [ \\ #data.person.location]\n\
         #for c in data.person.contacts [ #c.text]\n\
         #document-body(data)\n\
         #end-of-resume()\n",
    );
    let layout = dir.path("body.typ");
    let mut failures = Vec::new();
    for (name, input) in inputs() {
        for lang in ["ko", "en"] {
            let base = ["--lang", lang, "--layout", layout.to_str().unwrap(), "--input", input.as_str()];
            let view: Value =
                serde_json::from_str(&run(&dir, &args(&["export", "--format", "json"], &base))).unwrap();
            let pdf = format!("{name}-{lang}.pdf");
            run(&dir, &args(&["pdf", "-o", &pdf], &base));
            let text = Pdf::open(&dir.path(&pdf)).text();
            let facts = facts(&view);
            let lacking = missing(&facts, &text);
            if !lacking.is_empty() {
                failures.push(format!("{name} {lang}: {lacking:?}"));
            }
            if let Some(title) = out_of_order(&view, &text) {
                failures.push(format!("{name} {lang}: `{title}` out of order"));
            }
        }
    }
    assert!(failures.is_empty(), "facts missing:\n{}", failures.join("\n"));
}

/// The facts of a letter or the form, from the view its layout reads.
fn document_facts(view: &Value) -> Vec<String> {
    let mut facts = Vec::new();
    let mut push = |value: &Value| facts.extend(text_of(value).map(str::to_string));
    let letter = &view["letter"];
    for field in ["title", "addressee", "date", "salutation", "closing", "signature"] {
        push(&letter[field]);
    }
    for paragraph in each(letter, "paragraphs") {
        push(paragraph);
    }
    for question in each(letter, "questions") {
        for field in ["question", "limit", "answer"] {
            push(&question[field]);
        }
    }
    let form = &view["form"];
    for field in [
        "name",
        "name_hanja",
        "name_latin",
        "birth_date",
        "phone",
        "email",
        "address",
        "nationality",
        "visa",
        "date",
    ] {
        push(&form[field]);
    }
    for table in each(form, "tables") {
        push(&table["title"]);
        for head in each(table, "heads") {
            push(head);
        }
        for row in each(table, "rows") {
            for cell in each(row, "cells") {
                push(cell);
            }
        }
    }
    facts
}

/// Every letter and the 이력서 form carry the same facts in the PDF, in
/// Word and (a letter) as text: the question, its limit, every answer and
/// paragraph, the date and the signature; every row of the form.
#[test]
fn letters_and_the_form_say_the_same_in_every_format() {
    let dir = Scratch::new("parity-documents");
    let packet = common::root().join("examples/packet/resume.toml");
    let input = packet.to_str().unwrap();
    let mut failures = Vec::new();
    for (document, lang) in [("letter:lumen", "ko"), ("letter:orbit", "en"), ("iryeokseo", "ko")] {
        let base = ["--document", document, "--lang", lang, "--input", input, "--today", "2026-12"];
        let view: Value =
            serde_json::from_str(&run(&dir, &args(&["export", "--format", "json"], &base))).unwrap();
        let facts = document_facts(&view);
        assert!(facts.len() > 5, "{document}: too few facts to compare: {facts:?}");
        let name = document.replace(':', "-");
        let (pdf, docx) = (format!("{name}.pdf"), format!("{name}.docx"));
        run(&dir, &args(&["pdf", "-o", &pdf], &base));
        run(&dir, &args(&["docx", "-o", &docx], &base));
        let mut outputs =
            vec![("PDF", Pdf::open(&dir.path(&pdf)).text()), ("DOCX", word_text(&dir.path(&docx)))];
        if document.starts_with("letter:") {
            outputs.push(("text", run(&dir, &args(&["export", "--format", "text"], &base))));
        }
        for (format, output) in outputs {
            let lacking = missing(&facts, &output);
            if !lacking.is_empty() {
                failures.push(format!("{document} {format}: {lacking:?}"));
            }
        }
    }
    assert!(failures.is_empty(), "facts missing:\n{}", failures.join("\n"));
}
