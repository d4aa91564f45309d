//! The 이력서 form read back from its PDF: every cell with its position
//! (each label left of its value, rows in order), the photo at 3 × 4 cm,
//! Hanja in the embedded fonts, and the private details kept out of every
//! other document.

mod common;

use std::process::Command;

use common::{Pdf, Scratch, resume, resume_err, resume_ok, squash};

const FIXTURE: &str = "tests/fixtures/form.toml";

/// Each word with the middle of its box, from poppler's `pdftotext
/// -bbox`; None without poppler.
fn words(pdf: &std::path::Path) -> Option<Vec<(String, f64, f64)>> {
    let out = Command::new("pdftotext").arg("-bbox").arg(pdf).arg("-").output().ok()?;
    let xml = String::from_utf8(out.stdout).unwrap();
    let mut words = Vec::new();
    for word in xml.split("<word ").skip(1) {
        let attr = |name: &str| -> f64 {
            let start = word.find(&format!("{name}=\"")).unwrap() + name.len() + 2;
            word[start..start + word[start..].find('"').unwrap()].parse().unwrap()
        };
        let text = &word[word.find('>').unwrap() + 1..word.find("</word>").unwrap()];
        words.push((
            text.to_string(),
            (attr("xMin") + attr("xMax")) / 2.0,
            (attr("yMin") + attr("yMax")) / 2.0,
        ));
    }
    Some(words)
}

fn build(dir: &Scratch, extra: &str) -> std::path::PathBuf {
    let text = std::fs::read_to_string(common::root().join(FIXTURE)).unwrap();
    dir.write("resume.toml", &format!("{text}{extra}"));
    resume_ok(&dir.0, &["pdf", "--document", "iryeokseo"]);
    dir.path("iryeokseo-ko.pdf")
}

#[test]
fn every_cell_sits_beside_its_label_and_rows_keep_their_order() {
    let dir = Scratch::new("form-cells");
    let pdf = build(&dir, "");
    let Some(words) = words(&pdf) else {
        eprintln!("SKIPPED: pdftotext (poppler-utils) is not installed; `.ci/run` installs it");
        return;
    };
    let at = |text: &str| -> (f64, f64) {
        words
            .iter()
            .find(|(w, _, _)| w == text)
            .map(|(_, x, y)| (*x, *y))
            .unwrap_or_else(|| panic!("no `{text}` in {words:?}"))
    };
    // A label and its value: on one row, the label to the left.
    for (label, value) in [
        ("생년월일", "1990.03.14"),
        ("휴대폰", "010-1234-5678"),
        ("이메일", "gaon.han@example.com"),
        ("주소", "서울특별시"),
    ] {
        let (lx, ly) = at(label);
        let (vx, vy) = at(value);
        assert!((ly - vy).abs() < 3.0 && lx < vx, "{label} at ({lx}, {ly}), {value} at ({vx}, {vy})");
    }
    // The rows of 인적사항 in the form's order.
    let rows: Vec<f64> = ["성명", "생년월일", "휴대폰", "이메일", "주소"].iter().map(|l| at(l).1).collect();
    assert!(rows.windows(2).all(|w| w[0] < w[1]), "{rows:?}");
    // Names under their column heads.
    for (head, value) in [("한글", "한가온"), ("漢字", "韓佳溫"), ("영문", "Gaon")] {
        let (hx, hy) = at(head);
        let (vx, vy) = at(value);
        assert!(hy < vy && (hx - vx).abs() < 60.0, "{head} ({hx}, {hy}) over {value} ({vx}, {vy})");
    }
    // Tables in the conventional order, each head above its rows.
    let order: Vec<f64> =
        ["인적사항", "학력사항", "경력사항", "자격증·면허", "어학", "병역사항", "수상·활동"]
            .iter()
            .map(|l| at(l).1)
            .collect();
    assert!(order.windows(2).all(|w| w[0] < w[1]), "{order:?}");
    // 경력사항: newest title first, period left of company left of duties.
    let newest = words.iter().find(|(w, _, y)| w == "2021.01" && *y > at("경력사항").1).unwrap();
    let older = words.iter().find(|(w, _, y)| w == "2018.02" && *y > at("경력사항").1).unwrap();
    assert!(newest.2 < older.2, "newest first");
    let (px, py) = (newest.1, newest.2);
    let (cx, cy) = words
        .iter()
        .find(|(w, _, y)| w == "루멘랩스" && (*y - py).abs() < 3.0)
        .map(|(_, x, y)| (*x, *y))
        .unwrap();
    assert!(px < cx && (cy - py).abs() < 3.0);
    // The declaration, the date and the applicant at the end.
    let (_, dy) = at("틀림이");
    let (ax, ay) = at("지원자");
    assert!(dy > at("수상·활동").1 && ay > dy && ax > 300.0, "the applicant signs at the right");
}

/// The photo's placement: the `cm` matrix that draws the image.
fn image_size(pdf: &Pdf) -> Option<(f32, f32)> {
    for (_, page) in pdf.doc.get_pages() {
        let content = pdf.doc.get_page_content(page);
        let ops = lopdf::content::Content::decode(&content).unwrap().operations;
        let mut matrix: Vec<[f32; 6]> = vec![[1.0, 0.0, 0.0, 1.0, 0.0, 0.0]];
        for op in ops {
            match op.operator.as_str() {
                "q" => matrix.push(*matrix.last().unwrap()),
                "Q" => {
                    matrix.pop();
                }
                "cm" => {
                    let n: Vec<f32> = op.operands.iter().map(|o| o.as_float().unwrap()).collect();
                    let m = matrix.last_mut().unwrap();
                    let (a, b, c, d) = (m[0], m[1], m[2], m[3]);
                    *m = [
                        n[0] * a + n[1] * c,
                        n[0] * b + n[1] * d,
                        n[2] * a + n[3] * c,
                        n[2] * b + n[3] * d,
                        m[4],
                        m[5],
                    ];
                }
                "Do" => {
                    let m = matrix.last().unwrap();
                    return Some((m[0].hypot(m[1]), m[2].hypot(m[3])));
                }
                _ => {}
            }
        }
    }
    None
}

#[test]
fn the_photo_fills_its_three_by_four_cell_or_the_cell_says_사진() {
    let dir = Scratch::new("form-photo");
    let pdf = Pdf::open(&build(&dir, ""));
    assert!(squash(&pdf.text()).contains("사진"), "an empty cell labelled 사진");
    assert!(image_size(&pdf).is_none());
    let mut pixmap = tiny_skia::Pixmap::new(300, 400).unwrap();
    pixmap.fill(tiny_skia::Color::from_rgba8(90, 120, 160, 255));
    dir.write_bytes("me.png", &pixmap.encode_png().unwrap());
    let text = std::fs::read_to_string(common::root().join(FIXTURE)).unwrap().replacen(
        "[person]\n",
        "[person]\nphoto = \"me.png\"\n",
        1,
    );
    dir.write("resume.toml", &text);
    resume_ok(&dir.0, &["pdf", "--document", "iryeokseo"]);
    let pdf = Pdf::open(&dir.path("iryeokseo-ko.pdf"));
    let (w, h) = image_size(&pdf).expect("the photo is drawn");
    let cm = 72.0 / 2.54;
    assert!((w - 3.0 * cm).abs() < 0.5 && (h - 4.0 * cm).abs() < 0.5, "{w} × {h} pt");
}

#[test]
fn hanja_is_set_in_the_embedded_hanja_font() {
    let dir = Scratch::new("form-hanja");
    let pdf = Pdf::open(&build(&dir, ""));
    assert!(pdf.text().contains("韓佳溫"), "the Hanja name is in the text layer");
    assert!(pdf.font_names().iter().any(|f| f.contains("NotoSansCJK")), "{:?}", pdf.font_names());
    assert!(!pdf.text().contains('\u{FFFD}'));
}

#[test]
fn private_details_stay_out_of_every_other_document() {
    let dir = Scratch::new("form-private");
    build(&dir, "");
    for lang in ["ko", "en"] {
        let view = String::from_utf8(resume(&dir.0, &["export", "--format", "json", "--lang", lang]).stdout)
            .unwrap();
        for private in ["1990", "월드컵북로", "병장", "육군"] {
            assert!(!view.contains(private), "{lang} view has {private}");
        }
        for layout in ["classic", "international"] {
            let out = format!("{layout}-{lang}.pdf");
            resume_ok(&dir.0, &["pdf", "--layout", layout, "--lang", lang, "-o", &out]);
            let text = squash(&Pdf::open(&dir.path(&out)).text());
            assert!(!text.contains("1990.03.14") && !text.contains("월드컵북로"), "{layout} {lang}: {text}");
        }
    }
}

#[test]
fn the_form_is_korean_only_and_keeps_empty_tables() {
    let dir = Scratch::new("form-empty");
    dir.write("resume.toml", "[person]\nname = '김하나'\n");
    let err = resume_err(&dir.0, &["pdf", "--document", "iryeokseo", "--lang", "en"]);
    assert!(err.contains("the 이력서 form is Korean only"), "{err}");
    resume_ok(&dir.0, &["pdf", "--document", "iryeokseo"]);
    let text = squash(&Pdf::open(&dir.path("iryeokseo-ko.pdf")).text());
    for head in [
        "학력사항",
        "기간학교명전공구분학점",
        "경력사항",
        "자격증·면허",
        "어학",
        "병역사항",
        "위기재사항은사실과틀림이없습니다.",
    ] {
        assert!(text.contains(head), "no {head} in {text}");
    }
    assert!(!text.contains("수상·활동"), "수상·활동 shows only where present");
    // An empty row is as tall as a filled one, and prints nothing.
    assert!(!text.contains('가'), "the spacer of empty cells leaked into the text: {text}");
}

#[test]
fn check_warns_when_an_english_profile_shows_the_photo() {
    let dir = Scratch::new("form-photo-profile");
    let mut pixmap = tiny_skia::Pixmap::new(30, 40).unwrap();
    pixmap.fill(tiny_skia::Color::from_rgba8(90, 120, 160, 255));
    dir.write_bytes("me.png", &pixmap.encode_png().unwrap());
    dir.write(
        "resume.toml",
        "[person]\nname = { ko = '김하나', en = 'Hana Kim' }\nphoto = 'me.png'\n\n[profile.us]\nlang = ['en']\nphoto = true\n",
    );
    let out = resume(&dir.0, &["check"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("warning: profile `us` puts the photo on an English résumé")
            && err.contains("resume.toml:7"),
        "{err}"
    );
}

#[test]
fn check_warns_when_a_document_asked_for_lacks_what_it_needs() {
    let dir = Scratch::new("form-needs");
    dir.write(
        "resume.toml",
        "[person]\nname = '김하나'\nemail = 'hana@example.com'\n\n[[letter]]\nid = 'acme'\nparagraphs = ['Hello.']\n\n\
         [profile.apply]\ndocuments = ['iryeokseo', 'letter:acme']\n",
    );
    let out = resume(&dir.0, &["check"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "warnings only: {err}");
    assert!(
        err.contains("profile `apply` builds `iryeokseo`, which needs person.birth_date, person.phone, person.address, [[education]]"),
        "{err}"
    );
    assert!(err.contains("builds `letter:acme`, which needs addressee, salutation, closing"), "{err}");
    assert!(err.contains("resume.toml:10"), "at the profile's documents: {err}");
}

/// Each table names who stands behind its entries as Korean forms do: a
/// certificate's 발행처, a language test's 시행기관, an award's 수여기관.
#[test]
fn each_table_names_its_issuer_as_korean_forms_do() {
    let dir = Scratch::new("form-issuers");
    let input = common::root().join("examples/packet/resume.toml");
    resume_ok(&dir.0, &["pdf", "--document", "iryeokseo", "--input", input.to_str().unwrap()]);
    let text = squash(&Pdf::open(&dir.path("iryeokseo-ko.pdf")).text());
    for head in ["발행처", "시행기관", "수여기관"] {
        assert_eq!(text.matches(head).count(), 1, "`{head}` once: {text}");
    }
}

/// Whatever is wrong with the photo is said of the photo, at `person.photo`
/// in resume.toml: a folder or a pipe, an image too large to decode, a
/// corrupt file, an SVG nested without end; never as a layout's fault.
#[test]
fn a_bad_photo_is_refused_at_person_photo() {
    let dir = Scratch::new("form-bad-photo");
    let base = std::fs::read_to_string(common::root().join(FIXTURE)).unwrap();
    let with_photo = |name: &str| base.replacen("[person]\n", &format!("[person]\nphoto = \"{name}\"\n"), 1);
    // A PNG that declares 60000 × 60000 pixels in its header.
    let mut huge = tiny_skia::Pixmap::new(4, 4).unwrap().encode_png().unwrap();
    huge[16..20].copy_from_slice(&60000u32.to_be_bytes());
    huge[20..24].copy_from_slice(&60000u32.to_be_bytes());
    let crc = crc32(&huge[12..29]);
    huge[29..33].copy_from_slice(&crc.to_be_bytes());
    dir.write_bytes("huge.png", &huge);
    dir.write_bytes("corrupt.jpg", b"\xFF\xD8\xFF\xE0 not really a jpeg");
    dir.write_bytes("corrupt.png", b"\x89PNG\r\n\x1a\n broken");
    std::fs::create_dir(dir.path("folder.png")).unwrap();
    let deep = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\">{}{}</svg>",
        "<g>".repeat(100_000),
        "</g>".repeat(100_000)
    );
    dir.write("deep.svg", &deep);
    for (name, says) in [
        ("huge.png", "60000 × 60000 pixels"),
        ("corrupt.jpg", "cannot be read as an image"),
        ("corrupt.png", "cannot be read as an image"),
        ("folder.png", "not a regular file"),
        ("deep.svg", "nests its elements"),
    ] {
        dir.write("resume.toml", &with_photo(name));
        let err = resume_err(&dir.0, &["pdf", "--document", "iryeokseo"]);
        assert!(err.contains(says) && err.contains(name), "{name}: {err}");
        assert!(err.contains("resume.toml:"), "{name}: not at person.photo: {err}");
        assert!(!err.contains("layout"), "{name}: blamed on the layout: {err}");
        assert!(err.len() < 2000, "{name}: {} bytes of error", err.len());
    }
}

/// The CRC of a PNG chunk (its type and data), as the format computes it.
fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = 0xFFFF_FFFFu32;
    for byte in bytes {
        crc ^= u32::from(*byte);
        for _ in 0..8 {
            crc = if crc & 1 == 1 { (crc >> 1) ^ 0xEDB8_8320 } else { crc >> 1 };
        }
    }
    !crc
}

/// The 병역사항 table as portals' forms set it: 병역구분 first, then how
/// the service went for one who served, or the reason alone for one
/// exempted; and the career table says the total.
#[test]
fn military_status_comes_first_and_the_career_says_its_total() {
    let dir = Scratch::new("form-military");
    let input = common::root().join("examples/packet/resume.toml");
    let text = std::fs::read_to_string(&input).unwrap();
    dir.write("resume.toml", &text);
    resume_ok(&dir.0, &["pdf", "--document", "iryeokseo", "--today", "2026-12"]);
    let form = squash(&Pdf::open(&dir.path("iryeokseo-ko.pdf")).text());
    assert!(form.contains("병역구분군별계급복무기간병과군필육군병장"), "{form}");
    assert!(!form.contains("면제사유"), "{form}");
    assert!(form.contains("경력사항(총경력11년10개월)"), "{form}");
    let start = text.find("[military]").unwrap();
    let end = start + text[start..].find("\n\n").unwrap();
    let exempt =
        format!("{}[military]\nstatus = \"면제\"\nexemption = \"질병\"{}", &text[..start], &text[end..]);
    dir.write("resume.toml", &exempt);
    resume_ok(&dir.0, &["pdf", "--document", "iryeokseo", "--today", "2026-12"]);
    let form = squash(&Pdf::open(&dir.path("iryeokseo-ko.pdf")).text());
    assert!(form.contains("병역구분면제사유면제질병"), "{form}");
    assert!(!form.contains("군별"), "{form}");
}
