//! `resume html`: the page is read back with Python's own HTML parser
//! (`tests/html_reader.py`), independent of the writer. It holds every
//! section in the document's order and words, in real markup, both
//! languages with their `lang`; every text is escaped, its one script is
//! allowed by hash and nothing else from anywhere; nothing private
//! reaches it; the same input gives the same bytes, written all or none.

mod common;

use std::process::Command;

use common::{Scratch, resume, resume_err, resume_ok};

/// The page as Python's parser reads it.
fn read(path: &std::path::Path) -> serde_json::Value {
    let reader = format!("{}/tests/html_reader.py", env!("CARGO_MANIFEST_DIR"));
    let out = Command::new("python3").arg(reader).arg(path).output().expect("python3 runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}

/// Every text of the composed body, in order: what the page must say.
fn body_texts(view: &serde_json::Value) -> Vec<String> {
    fn blocks(list: &serde_json::Value, out: &mut Vec<String>) {
        for block in list.as_array().into_iter().flatten() {
            match block["kind"].as_str().unwrap() {
                "paragraph" => out.extend(spans(&block["spans"])),
                "entry" => {
                    out.push(block["title"].as_str().unwrap().to_string());
                    out.extend(
                        block["meta"].as_array().unwrap().iter().map(|m| m.as_str().unwrap().to_string()),
                    );
                    blocks(&block["blocks"], out);
                }
                "list" => items(&block["items"], out),
                "rows" => {
                    for row in block["rows"].as_array().unwrap() {
                        out.push(row["label"].as_str().unwrap().to_string());
                        out.extend(
                            row["values"].as_array().unwrap().iter().map(|v| v.as_str().unwrap().to_string()),
                        );
                    }
                }
                "part" => {
                    out.push(block["title"].as_str().unwrap().to_string());
                    blocks(&block["blocks"], out);
                }
                other => panic!("a block of kind {other}"),
            }
        }
    }
    fn items(list: &serde_json::Value, out: &mut Vec<String>) {
        for item in list.as_array().unwrap() {
            out.extend(spans(&item["spans"]));
            items(&item["items"], out);
            if let Some(note) = item["note"].as_str() {
                out.push(note.to_string());
            }
        }
    }
    fn spans(list: &serde_json::Value) -> Vec<String> {
        vec![list.as_array().unwrap().iter().map(|s| s["text"].as_str().unwrap()).collect::<String>()]
    }
    let mut out = Vec::new();
    for section in view["body"].as_array().unwrap() {
        if let Some(heading) = section["heading"].as_str() {
            out.push(heading.to_string());
        }
        blocks(&section["blocks"], &mut out);
    }
    out.into_iter().filter(|t| !t.trim().is_empty()).collect()
}

/// Whitespace made single spaces.
fn squeeze(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn the_page_says_what_the_document_says_in_both_languages() {
    let dir = Scratch::new("html-parity");
    dir.write("resume.toml", &common::packet_text());
    resume_ok(&dir.0, &["html", "-o", "site"]);
    let page = read(&dir.path("site/index.html"));
    let articles = page["articles"].as_array().unwrap();
    assert_eq!(articles.iter().map(|a| a["lang"].as_str().unwrap()).collect::<Vec<_>>(), ["ko", "en"]);
    for (article, lang) in articles.iter().zip(["ko", "en"]) {
        let out = resume(&dir.0, &["export", "--format", "json", "--lang", lang]);
        let view: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let text = squeeze(article["text"].as_str().unwrap());
        // The header, then every text of the body, in the document's order.
        let mut at = 0;
        for expected in
            [view["person"]["name"].as_str().unwrap().to_string()].into_iter().chain(body_texts(&view))
        {
            let expected = squeeze(&expected);
            match text[at..].find(&expected) {
                Some(found) => at += found + expected.len(),
                None => panic!(
                    "{lang}: `{expected}` is missing or out of order after:\n{}",
                    &text[at.saturating_sub(200)..at]
                ),
            }
        }
    }
    // Real markup: one h1 per language, headings never skip a level,
    // periods as <time>, outside links with rel=noopener, ids unique.
    let headings: Vec<u64> =
        page["headings"].as_array().unwrap().iter().map(|h| h.as_u64().unwrap()).collect();
    assert_eq!(headings.iter().filter(|h| **h == 1).count(), 2);
    assert!(headings.windows(2).all(|w| w[1] <= w[0] + 1), "a heading level skipped: {headings:?}");
    let times: Vec<&str> = page["times"].as_array().unwrap().iter().map(|t| t.as_str().unwrap()).collect();
    assert!(times.contains(&"2018-02") && times.iter().all(|t| t.len() == 7 || t.len() == 4), "{times:?}");
    for link in page["links"].as_array().unwrap() {
        let href = link["href"].as_str().unwrap();
        if href.starts_with("http") {
            assert_eq!(link["rel"], "noopener", "{link}");
        } else if href.ends_with(".pdf") {
            assert!(dir.path(&format!("site/{href}")).exists(), "{href} is not beside the page");
        } else {
            assert!(
                href.starts_with("mailto:") || href.starts_with("tel:") || href.starts_with('#'),
                "{link}"
            );
        }
    }
    let mut ids: Vec<&str> = page["ids"].as_array().unwrap().iter().map(|i| i.as_str().unwrap()).collect();
    let count = ids.len();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), count, "an id is used twice");
}

#[test]
fn nothing_private_reaches_the_page_and_search_engines_get_the_person() {
    let dir = Scratch::new("html-private");
    dir.write("resume.toml", &common::packet_text());
    resume_ok(&dir.0, &["html", "-o", "site"]);
    let html = std::fs::read_to_string(dir.path("site/index.html")).unwrap();
    for private in ["1990-03-14", "1990.03", "월드컵북로", "육군", "병장", "韓佳溫"] {
        assert!(!html.contains(private), "`{private}` reached the page");
    }
    assert!(!html.contains("<img"), "no photo unless asked");
    let page = read(&dir.path("site/index.html"));
    let ld = page["scripts"].as_array().unwrap().iter().find(|s| s["type"] == "application/ld+json").unwrap();
    let person: serde_json::Value = serde_json::from_str(ld["text"].as_str().unwrap()).unwrap();
    assert_eq!(person["@type"], "Person");
    assert_eq!(person["name"], "한가온");
    assert_eq!(person["worksFor"]["name"], "루멘랩스");
    assert!(person["sameAs"].as_array().unwrap().iter().any(|l| l == "https://github.com/gaon-han-example"));
    assert!(!person["knowsAbout"].as_array().unwrap().is_empty());
    for meta in ["og:title", "og:description", "twitter:card", "name=\"description\""] {
        assert!(html.contains(meta), "{meta}");
    }
}

#[test]
fn every_text_is_escaped_and_only_the_pages_own_script_may_run() {
    let dir = Scratch::new("html-injection");
    dir.write(
        "resume.toml",
        r#"[person]
name = "Mallory <script>alert(1)</script>"
headline = "\"><img src=x onerror=alert(2)></script><script>alert(3)</script>"
email = "mallory@example.com"

[[company]]
id = "evil"
name = "Evil & Co' <b>"

[[project]]
id = "x"
name = "<iframe src=//evil.example>"
company = "evil"
period = "2020-01.."
responsibilities = ["{{ 7*7 }} ${7*7} <svg onload=alert(4)>"]
"#,
    );
    resume_ok(&dir.0, &["html", "-o", "site", "--lang", "en,ko"]);
    let html = std::fs::read_to_string(dir.path("site/index.html")).unwrap();
    for payload in ["<script>alert", "<img", "<iframe", "<svg", "<b>"] {
        assert!(!html.contains(payload), "`{payload}` reached the page as markup");
    }
    let page = read(&dir.path("site/index.html"));
    assert!(page["images"].as_array().unwrap().is_empty());
    let scripts = page["scripts"].as_array().unwrap();
    assert_eq!(scripts.len(), 2, "the data block and the switch: {scripts:#?}");
    let text = page["articles"][0]["text"].as_str().unwrap();
    assert!(
        text.contains("Mallory <script>alert(1)</script>") && text.contains("<svg onload=alert(4)>"),
        "{text}"
    );
    // The data block holds the text, and cannot end its element.
    let ld = scripts.iter().find(|s| s["type"] == "application/ld+json").unwrap()["text"].as_str().unwrap();
    assert!(!ld.contains("</script"), "{ld}");
    let person: serde_json::Value = serde_json::from_str(ld).unwrap();
    assert_eq!(person["name"], "Mallory <script>alert(1)</script>");

    // Nothing from elsewhere; the switch allowed by its hash.
    let csp = page["csp"].as_str().unwrap();
    assert!(csp.starts_with("default-src 'none';"), "{csp}");
    let switch = scripts.iter().find(|s| s["type"].is_null()).unwrap()["text"].as_str().unwrap();
    let hash = Command::new("python3")
        .args([
            "-c",
            "import sys,hashlib,base64;print(base64.b64encode(hashlib.sha256(sys.stdin.buffer.read()).digest()).decode())",
        ])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .and_then(|mut child| {
            use std::io::Write;
            child.stdin.take().unwrap().write_all(switch.as_bytes())?;
            child.wait_with_output()
        })
        .unwrap();
    let hash = String::from_utf8(hash.stdout).unwrap();
    assert!(csp.contains(&format!("script-src 'sha256-{}'", hash.trim())), "{csp}");
}

#[test]
fn the_same_input_gives_the_same_bytes_and_a_link_is_never_written_through() {
    let dir = Scratch::new("html-deterministic");
    dir.write("resume.toml", &common::packet_text());
    resume_ok(&dir.0, &["html", "-o", "a"]);
    resume_ok(&dir.0, &["html", "-o", "b"]);
    for file in ["index.html", "style.css", "fonts/Pretendard-Regular.subset.woff2"] {
        assert_eq!(
            std::fs::read(dir.path(&format!("a/{file}"))).unwrap(),
            std::fs::read(dir.path(&format!("b/{file}"))).unwrap(),
            "{file}"
        );
    }
    // A link planted where the page goes: refused, its target untouched,
    // and nothing of the page written.
    let outside = Scratch::new("html-outside");
    let target = outside.write("precious.txt", "keep me\n");
    std::fs::create_dir_all(dir.path("c")).unwrap();
    std::os::unix::fs::symlink(&target, dir.path("c/index.html")).unwrap();
    let stderr = resume_err(&dir.0, &["html", "-o", "c"]);
    assert!(stderr.contains("symbolic link"), "{stderr}");
    assert_eq!(std::fs::read_to_string(&target).unwrap(), "keep me\n");
    assert!(!dir.path("c/style.css").exists());

    // One file: the style inline, allowed by its hash; one language.
    resume_ok(&dir.0, &["html", "--single-file", "--lang", "en", "-o", "one.html"]);
    let page = read(&dir.path("one.html"));
    assert_eq!(page["articles"].as_array().unwrap().len(), 1);
    assert_eq!(page["articles"][0]["lang"], "en");
    let csp = page["csp"].as_str().unwrap();
    assert!(csp.contains("style-src 'sha256-") && !csp.contains("script-src"), "{csp}");
}

/// Chromium, where it is installed (`.ci/run` installs Debian's).
fn chromium() -> Option<&'static str> {
    ["/usr/bin/chromium", "/usr/bin/chromium-browser"].into_iter().find(|p| std::path::Path::new(p).exists())
}

/// Runs headless Chromium on `url` with `args`; its standard output.
fn headless(browser: &str, args: &[&str], url: &str) -> String {
    let out = Command::new(browser)
        .args([
            "--headless=new",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--hide-scrollbars",
        ])
        .args(["--no-first-run", "--no-default-browser-check", "--disable-extensions"])
        .args(args)
        .arg(url)
        .output()
        .expect("chromium runs");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// In Chromium: the address picks the language and the other is hidden;
/// without script both show; at 360 px nothing runs off the right edge;
/// printed, every section is on the paper.
#[test]
fn the_page_in_a_real_browser() {
    let Some(browser) = chromium() else {
        eprintln!("SKIPPED: no Chromium (Debian's chromium); `.ci/run` installs it");
        return;
    };
    let dir = Scratch::new("html-browser");
    dir.write("resume.toml", &common::packet_text());
    resume_ok(&dir.0, &["html", "-o", "site"]);
    let index = dir.path("site/index.html");
    let url = format!("file://{}", index.display());

    let english = headless(browser, &["--dump-dom", "--virtual-time-budget=2000"], &format!("{url}#en"));
    assert!(english.contains("<html lang=\"en\""), "the document's language follows the switch");
    assert!(english.contains("<article lang=\"ko\" id=\"ko\" class=\"resume\" hidden=\"\">"), "{english}");
    assert!(english.contains("<article lang=\"en\" id=\"en\" class=\"resume\">"));
    let korean = headless(browser, &["--dump-dom", "--virtual-time-budget=2000"], &url);
    assert!(korean.contains("<article lang=\"en\" id=\"en\" class=\"resume\" hidden=\"\">"), "{korean}");
    let no_script =
        headless(browser, &["--dump-dom", "--blink-settings=scriptEnabled=false"], &format!("{url}#en"));
    assert!(!no_script.contains("hidden=\"\""), "without script both languages show");

    // 360 px and 1280 px: the rightmost pixels are the page's background.
    for width in [360, 1280] {
        let shot = dir.path(&format!("shot-{width}.png"));
        headless(
            browser,
            &[&format!("--window-size={width},3000"), &format!("--screenshot={}", shot.display())],
            &url,
        );
        let pixmap = tiny_skia::Pixmap::decode_png(&std::fs::read(&shot).expect("a screenshot")).unwrap();
        let (w, h) = (pixmap.width(), pixmap.height());
        assert_eq!(w, width);
        let data = pixmap.data();
        let background = &data[0..4];
        for y in 0..h {
            for x in w - 4..w {
                let at = ((y * w + x) * 4) as usize;
                assert_eq!(
                    &data[at..at + 4],
                    background,
                    "{width} px: something runs off the right edge at y={y}"
                );
            }
        }
    }

    // Printed: every section heading of the language shown is on paper.
    let printed = dir.path("printed.pdf");
    headless(
        browser,
        &[
            "--no-pdf-header-footer",
            "--virtual-time-budget=2000",
            &format!("--print-to-pdf={}", printed.display()),
        ],
        &url,
    );
    let pdf = common::Pdf::open(&printed);
    assert!(pdf.pages() >= 1);
    let text: String = pdf.text().split_whitespace().collect();
    let page = read(&index);
    let out = resume(&dir.0, &["export", "--format", "json", "--lang", "ko"]);
    let view: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    for section in view["body"].as_array().unwrap() {
        if let Some(heading) = section["heading"].as_str() {
            let heading: String = heading.split_whitespace().collect();
            assert!(text.contains(&heading), "`{heading}` is not on the printed page");
        }
    }
    assert_eq!(page["articles"].as_array().unwrap().len(), 2);
}

/// WCAG's relative luminance of `#rrggbb`.
fn luminance(hex: &str) -> f64 {
    let channel = |i: usize| {
        let c = f64::from(u8::from_str_radix(&hex[i..i + 2], 16).unwrap()) / 255.0;
        if c <= 0.03928 { c / 12.92 } else { ((c + 0.055) / 1.055).powf(2.4) }
    };
    0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5)
}

/// The colours a rule of the stylesheet sets: `--name: #rrggbb`.
fn colours(rule: &str) -> std::collections::HashMap<String, String> {
    let body = rule.split_once('{').map_or(rule, |(_, body)| body);
    body.split(';')
        .filter_map(|d| d.split_once(':'))
        .map(|(k, v)| (k.trim().trim_start_matches('{').trim().to_string(), v.trim().to_string()))
        .filter(|(k, v)| k.starts_with("--") && v.starts_with('#') && v.len() == 7)
        .collect()
}

/// Offline checks of the kind Lighthouse makes: text, muted text and
/// links against the background, in light and dark, at least 4.5:1; the
/// page and its stylesheet under 300 KB without fonts.
#[test]
fn contrast_and_weight_hold_in_light_and_dark() {
    let css = std::fs::read_to_string(format!("{}/src/formats/html/style.css", env!("CARGO_MANIFEST_DIR")))
        .unwrap();
    let light_at = css.find(":root {").expect("the light colours");
    let light = colours(&css[light_at..light_at + css[light_at..].find('}').unwrap()]);
    let dark_at = css.find("prefers-color-scheme: dark").expect("the dark colours");
    let dark_rule = &css[dark_at..];
    let dark = colours(&dark_rule[dark_rule.find(":root").unwrap()..dark_rule.find('}').unwrap()]);
    for (scheme, colours) in [("light", &light), ("dark", &dark)] {
        let background = luminance(&colours["--background"]);
        for name in ["--text", "--muted", "--accent"] {
            let fore = luminance(&colours[name]);
            let ratio = (fore.max(background) + 0.05) / (fore.min(background) + 0.05);
            assert!(ratio >= 4.5, "{scheme}: {name} on the background is {ratio:.2}:1");
        }
    }
    let dir = Scratch::new("html-weight");
    resume_ok(&dir.0, &["html", "-o", "site"]);
    let bytes = std::fs::metadata(dir.path("site/index.html")).unwrap().len()
        + std::fs::metadata(dir.path("site/style.css")).unwrap().len();
    assert!(bytes < 300 * 1024, "{bytes} bytes");
    // The PDFs to download are the documents of the same résumé.
    for lang in ["ko", "en"] {
        let pdf = common::Pdf::open(&dir.path(&format!("site/resume-{lang}.pdf")));
        assert!(pdf.pages() >= 1);
    }
    let html = std::fs::read_to_string(dir.path("site/index.html")).unwrap();
    assert!(html.contains("href=\"resume-ko.pdf\"") && html.contains("href=\"resume-en.pdf\""));
}

/// The `<link rel=… hreflang=…>` of a page's head, as `hreflang → href`.
fn alternates(page: &serde_json::Value) -> Vec<(String, String)> {
    page["head_links"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|l| l["rel"] == "alternate")
        .map(|l| (l["hreflang"].as_str().unwrap().to_string(), l["href"].as_str().unwrap().to_string()))
        .collect()
}

#[test]
fn each_language_has_a_page_of_its_own_that_hreflang_links_name() {
    let dir = Scratch::new("html-hreflang");
    dir.write("resume.toml", &common::packet_text());
    resume_ok(&dir.0, &["html", "-o", "site"]);
    let index = read(&dir.path("site/index.html"));
    let expected: Vec<(String, String)> = [("ko", "ko.html"), ("en", "en.html"), ("x-default", "./")]
        .iter()
        .map(|(l, h)| (l.to_string(), h.to_string()))
        .collect();
    assert_eq!(alternates(&index), expected, "a fragment is no page a search engine indexes");
    for (lang, other) in [("ko", "en"), ("en", "ko")] {
        let page = read(&dir.path(&format!("site/{lang}.html")));
        let articles: Vec<&str> =
            page["articles"].as_array().unwrap().iter().map(|a| a["lang"].as_str().unwrap()).collect();
        assert_eq!(articles, [lang], "one language on its own page");
        assert_eq!(alternates(&page), expected);
        assert!(
            page["links"].as_array().unwrap().iter().any(|l| l["href"] == format!("{other}.html")),
            "{lang}.html links to the {other} page"
        );
        // Its words are the ones the page of both languages says.
        let both = index["articles"].as_array().unwrap().iter().find(|a| a["lang"] == lang).unwrap();
        let text = |t: &serde_json::Value| t.as_str().unwrap().trim().to_string();
        assert_eq!(text(&page["articles"][0]["text"]), text(&both["text"]));
    }
    // Where the site will be: every link absolute, and each page's own.
    resume_ok(&dir.0, &["html", "-o", "public", "--url", "https://gaon.example/cv"]);
    let index = read(&dir.path("public/index.html"));
    let canonical = |page: &serde_json::Value| {
        page["head_links"]
            .as_array()
            .unwrap()
            .iter()
            .find(|l| l["rel"] == "canonical")
            .map(|l| l["href"].clone())
    };
    assert_eq!(canonical(&index), Some("https://gaon.example/cv/".into()));
    assert_eq!(canonical(&read(&dir.path("public/en.html"))), Some("https://gaon.example/cv/en.html".into()));
    assert!(alternates(&index).contains(&("en".into(), "https://gaon.example/cv/en.html".into())));
    assert!(alternates(&index).contains(&("x-default".into(), "https://gaon.example/cv/".into())));
    let html = std::fs::read_to_string(dir.path("public/index.html")).unwrap();
    assert!(html.contains("<meta property=\"og:url\" content=\"https://gaon.example/cv/\">"));
    let err = resume_err(&dir.0, &["html", "-o", "bad", "--url", "javascript:alert(1)"]);
    assert!(err.contains("is not a web address"), "{err}");
    assert!(!dir.path("bad").exists());
    // One file is one page: no language links to pages that are not there.
    resume_ok(&dir.0, &["html", "--single-file", "-o", "one.html"]);
    assert!(alternates(&read(&dir.path("one.html"))).is_empty());
}

/// A 30 × 40 PNG, drawn with an independent encoder.
fn photo_png() -> Vec<u8> {
    let mut pixmap = tiny_skia::Pixmap::new(30, 40).unwrap();
    pixmap.fill(tiny_skia::Color::from_rgba8(40, 90, 160, 255));
    pixmap.encode_png().unwrap()
}

#[test]
fn the_photo_shows_only_when_asked_with_the_persons_name_as_its_text() {
    let dir = Scratch::new("html-photo");
    dir.write_bytes("me.png", &photo_png());
    dir.write(
        "resume.toml",
        &common::packet_text().replacen("[person]\n", "[person]\nphoto = \"me.png\"\n", 1),
    );
    resume_ok(&dir.0, &["html", "-o", "plain"]);
    assert!(read(&dir.path("plain/index.html"))["images"].as_array().unwrap().is_empty());
    assert!(!dir.path("plain/photo.png").exists());

    resume_ok(&dir.0, &["html", "--photo", "-o", "site"]);
    let page = read(&dir.path("site/index.html"));
    let images = page["images"].as_array().unwrap();
    assert_eq!(images.len(), 2, "one in each language's header");
    let names: Vec<&str> = images.iter().map(|i| i["alt"].as_str().unwrap()).collect();
    assert_eq!(names, ["한가온", "Gaon Han"]);
    assert!(images.iter().all(|i| i["src"] == "photo.png"));
    assert_eq!(std::fs::read(dir.path("site/photo.png")).unwrap(), photo_png());

    resume_ok(&dir.0, &["html", "--photo", "--single-file", "-o", "one.html"]);
    let page = read(&dir.path("one.html"));
    let src = page["images"][0]["src"].as_str().unwrap();
    assert!(src.starts_with("data:image/png;base64,"), "{src}");
    assert!(page["csp"].as_str().unwrap().contains("img-src 'self' data:"));

    // Without a photo, asking for one is an error, and nothing is written.
    dir.write("resume.toml", &common::packet_text());
    let err = resume_err(&dir.0, &["html", "--photo", "-o", "none"]);
    assert!(err.contains("a photo was asked for") && err.contains("photo ="), "{err}");
    assert!(!dir.path("none/index.html").exists());
    // A photo out of the folder is refused, as for a PDF.
    let outside = Scratch::new("html-photo-outside");
    outside.write_bytes("me.png", &photo_png());
    let away = format!("{}/me.png", outside.0.display());
    dir.write(
        "resume.toml",
        &common::packet_text().replacen("[person]\n", &format!("[person]\nphoto = \"{away}\"\n"), 1),
    );
    let err = resume_err(&dir.0, &["html", "--photo", "-o", "away"]);
    assert!(err.contains("outside the résumé's folder"), "{err}");
    assert!(!dir.path("away/index.html").exists());
}

/// One printed line as poppler reads it: its page, its box and its words.
struct PrintedLine {
    page: usize,
    top: f64,
    bottom: f64,
    text: String,
}

/// Each page's size and lines of a PDF, read by poppler's `pdftotext
/// -bbox-layout`, a reader independent of both Chromium and us.
fn printed(pdf: &std::path::Path) -> (Vec<(f64, f64)>, Vec<PrintedLine>) {
    let out =
        Command::new("pdftotext").arg("-bbox-layout").arg(pdf).arg("-").output().expect("pdftotext runs");
    assert!(out.status.success());
    let xml = String::from_utf8(out.stdout).unwrap();
    let attribute = |tag: &str, name: &str| -> f64 {
        let start = tag.find(&format!("{name}=\"")).unwrap() + name.len() + 2;
        tag[start..].split('"').next().unwrap().parse().unwrap()
    };
    let (mut pages, mut lines) = (Vec::new(), Vec::new());
    for page in xml.split("<page ").skip(1) {
        let head = &page[..page.find('>').unwrap()];
        pages.push((attribute(head, "width"), attribute(head, "height")));
        for line in page.split("<line ").skip(1) {
            let head = &line[..line.find('>').unwrap()];
            let body = &line[..line.find("</line>").unwrap()];
            let words: Vec<&str> = body
                .split("<word ")
                .skip(1)
                .map(|w| &w[w.find('>').unwrap() + 1..w.find("</word>").unwrap()])
                .collect();
            lines.push(PrintedLine {
                page: pages.len(),
                top: attribute(head, "yMin"),
                bottom: attribute(head, "yMax"),
                text: words.join(" ").replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">"),
            });
        }
    }
    (pages, lines)
}

/// Printed from Chromium on A4 and on Letter: the paper asked for, every
/// word of the page in its order (nothing lost or doubled where a page
/// breaks), every line inside its page, and no heading left at the foot of
/// a page away from what it heads.
#[test]
fn the_page_prints_whole_on_a4_and_letter() {
    let Some(driver) = common::webdriver::chromedriver() else {
        eprintln!(
            "SKIPPED: no chromedriver (Debian's chromium and chromium-driver); `.ci/run` installs them"
        );
        return;
    };
    if Command::new("pdftotext").arg("-v").output().is_err() {
        eprintln!("SKIPPED: no pdftotext (poppler-utils); `.ci/run` installs it");
        return;
    }
    let dir = Scratch::new("html-print");
    dir.write("resume.toml", &common::packet_text());
    resume_ok(&dir.0, &["html", "-o", "site"]);
    let browser = common::webdriver::Browser::start(driver);
    // A link to one language shows it from the top, the switch in view.
    browser.go(&format!("file://{}#en", dir.path("site/index.html").display()));
    browser
        .until("the page", "return document.readyState === 'complete' && document.fonts.status === 'loaded'");
    let shown = browser.run(
        "return [window.scrollY, document.querySelector('nav.languages').getBoundingClientRect().top >= 0, \
         [...document.querySelectorAll('article.resume')].filter(a => !a.hidden).map(a => a.lang).join()]",
    );
    assert_eq!(shown, serde_json::json!([0, true, "en"]));
    for (paper, width, height) in [("A4", 21.0, 29.7), ("Letter", 21.59, 27.94)] {
        for lang in ["ko", "en"] {
            let page = dir.path(&format!("site/{lang}.html"));
            browser.go(&format!("file://{}", page.display()));
            browser.until(
                "the page",
                "return document.readyState === 'complete' && document.fonts.status === 'loaded'",
            );
            let pdf = dir.write_bytes(&format!("{lang}-{paper}.pdf"), &browser.print(width, height));
            let (pages, lines) = printed(&pdf);
            let points = (width / 2.54 * 72.0, height / 2.54 * 72.0);
            assert!(!pages.is_empty());
            for size in &pages {
                assert!(
                    (size.0 - points.0).abs() < 1.0 && (size.1 - points.1).abs() < 1.0,
                    "{paper}: {size:?}"
                );
            }
            for line in &lines {
                assert!(
                    line.top >= 0.0 && line.bottom <= points.1,
                    "{lang} on {paper}: `{}` runs off page {} ({} – {})",
                    line.text,
                    line.page,
                    line.top,
                    line.bottom
                );
            }
            // Every word, in order: the page's text is the printed text
            // (the language links and the PDF link are the screen's),
            // compared without spaces, which poppler guesses from gaps.
            let read = read(&page);
            let text: String = read["articles"][0]["text"].as_str().unwrap().replacen("PDF", "", 1);
            let printed_text: String = lines.iter().map(|l| l.text.as_str()).collect::<Vec<_>>().join(" ");
            assert_eq!(
                common::squash(&printed_text),
                common::squash(&text),
                "{lang} on {paper}: the printed words differ"
            );
            // A heading is never the last line of a page.
            let headings: Vec<String> = read["heading_texts"]
                .as_array()
                .unwrap()
                .iter()
                .map(|h| common::squash(h.as_str().unwrap()))
                .collect();
            for page in 1..pages.len() {
                let last = lines.iter().rfind(|l| l.page == page).expect("a page with text");
                assert!(
                    !headings.contains(&common::squash(&last.text)),
                    "{lang} on {paper}: the heading `{}` is left at the foot of page {page}",
                    last.text
                );
            }
        }
    }
}

#[test]
fn the_fonts_are_cut_to_the_page_and_whole_only_for_what_the_cut_lacks() {
    let dir = Scratch::new("html-fonts");
    dir.write("resume.toml", &common::packet_text());
    resume_ok(&dir.0, &["html", "-o", "site"]);
    let mut names: Vec<String> = std::fs::read_dir(dir.path("site/fonts"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "Pretendard-Bold.subset.woff2",
            "Pretendard-Regular.subset.woff2",
            "Pretendard-SemiBold.subset.woff2"
        ]
    );
    let weight: u64 =
        names.iter().map(|n| std::fs::metadata(dir.path(&format!("site/fonts/{n}"))).unwrap().len()).sum();
    assert!(weight < 800_000, "the fonts weigh {weight} bytes");
    for name in &names {
        assert_eq!(&std::fs::read(dir.path(&format!("site/fonts/{name}"))).unwrap()[..4], b"wOF2");
    }
    // A syllable no cut has (`똠` is none of KS X 1001's 2,350): the whole
    // font is linked for it alone.
    dir.write("resume.toml", &common::packet_text().replace("한가온", "한똠온"));
    resume_ok(&dir.0, &["html", "-o", "rare"]);
    let css = std::fs::read_to_string(dir.path("rare/style.css")).unwrap();
    assert!(
        css.contains("url(\"fonts/Pretendard-Regular.otf\") format(\"opentype\"); unicode-range: U+B620;"),
        "{css}"
    );
    assert_eq!(&std::fs::read(dir.path("rare/fonts/Pretendard-Regular.otf")).unwrap()[..4], b"OTTO");
}
