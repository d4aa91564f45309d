//! The user's files are never destroyed, and outputs stay where the user
//! asked: `-o` naming an input, a device, a pipe or a symlink, profile
//! names and `output` patterns that are paths, long names, and standard
//! output.

mod common;

use std::os::unix::fs::FileTypeExt;

use common::{Pdf, SMALL, Scratch, resume, resume_err, resume_ok};

#[test]
fn output_over_the_input_is_refused_and_the_input_survives() {
    let dir = Scratch::new("over-input");
    dir.write("resume.toml", SMALL);
    dir.write("en.ftl", "section-projects = Work\n");
    for target in ["resume.toml", "./resume.toml", "en.ftl"] {
        let err = resume_err(&dir.0, &["pdf", "--input", "resume.toml", "--lang", "en", "-o", target]);
        assert!(err.contains("refusing to write"), "{target}: {err}");
    }
    assert_eq!(std::fs::read_to_string(dir.path("resume.toml")).unwrap(), SMALL);
    assert_eq!(std::fs::read_to_string(dir.path("en.ftl")).unwrap(), "section-projects = Work\n");
    // A hard link to the résumé is the résumé too.
    std::fs::hard_link(dir.path("resume.toml"), dir.path("copy.pdf")).unwrap();
    let err = resume_err(&dir.0, &["pdf", "-o", "copy.pdf"]);
    assert!(err.contains("which this build reads"), "{err}");
    assert_eq!(std::fs::read_to_string(dir.path("resume.toml")).unwrap(), SMALL);
}

#[test]
fn output_over_the_layout_is_refused() {
    let dir = Scratch::new("over-layout");
    dir.write("resume.toml", SMALL);
    let layout = "#let data = json(\"/resume.json\")\n= #data.person.name\n";
    dir.write("lay/x.typ", layout);
    let err = resume_err(&dir.0, &["pdf", "--layout", "lay/x.typ", "-o", "lay/x.typ"]);
    assert!(err.contains("refusing to write"), "{err}");
    assert_eq!(std::fs::read_to_string(dir.path("lay/x.typ")).unwrap(), layout);
}

#[test]
fn a_symlink_is_written_through_and_stays_a_link() {
    let dir = Scratch::new("symlink");
    dir.write("resume.toml", SMALL);
    std::fs::create_dir(dir.path("real")).unwrap();
    std::os::unix::fs::symlink("real/target.pdf", dir.path("link.pdf")).unwrap();
    resume_ok(&dir.0, &["pdf", "-o", "link.pdf"]);
    let meta = std::fs::symlink_metadata(dir.path("link.pdf")).unwrap();
    assert!(meta.file_type().is_symlink(), "the link was replaced by a file");
    assert!(Pdf::open(&dir.path("real/target.pdf")).text().contains("김안전"));
    // Built again, the same link is written through again, atomically.
    resume_ok(&dir.0, &["pdf", "-o", "link.pdf", "--lang", "en"]);
    assert!(std::fs::symlink_metadata(dir.path("link.pdf")).unwrap().file_type().is_symlink());
    assert!(Pdf::open(&dir.path("real/target.pdf")).text().contains("Safe Kim"));
    let leftovers: Vec<_> =
        std::fs::read_dir(dir.path("real")).unwrap().flatten().map(|e| e.file_name()).collect();
    assert_eq!(leftovers.len(), 1, "{leftovers:?}");
}

#[test]
fn a_pipe_or_a_device_is_not_replaced() {
    let dir = Scratch::new("special");
    dir.write("resume.toml", SMALL);
    let status = std::process::Command::new("mkfifo").arg(dir.path("pipe.pdf")).status().unwrap();
    assert!(status.success());
    let err = resume_err(&dir.0, &["pdf", "-o", "pipe.pdf"]);
    assert!(err.contains("not a regular file"), "{err}");
    assert!(std::fs::symlink_metadata(dir.path("pipe.pdf")).unwrap().file_type().is_fifo());
    // A symlink to a device is refused as the device would be (and
    // `/dev/null` stays a device).
    std::os::unix::fs::symlink("/dev/null", dir.path("null.pdf")).unwrap();
    let err = resume_err(&dir.0, &["pdf", "-o", "null.pdf"]);
    assert!(err.contains("not a regular file"), "{err}");
    assert!(std::fs::metadata("/dev/null").unwrap().file_type().is_char_device());
}

#[test]
fn dash_sends_the_pdf_to_standard_output() {
    let dir = Scratch::new("stdout");
    dir.write("resume.toml", SMALL);
    let out = resume(&dir.0, &["pdf", "--lang", "en", "-o", "-"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(out.stdout.starts_with(b"%PDF-"), "standard output holds no PDF");
    dir.write_bytes("piped.pdf", &out.stdout);
    assert!(Pdf::open(&dir.path("piped.pdf")).text().contains("Safe Kim"));
    let err = resume_err(&dir.0, &["pdf", "--lang", "ko,en", "-o", "-"]);
    assert!(err.contains("standard output"), "{err}");
}

#[test]
fn a_maximal_file_name_builds() {
    let dir = Scratch::new("long-name");
    dir.write("resume.toml", SMALL);
    let name = format!("{}.pdf", "r".repeat(246));
    assert_eq!(name.len(), 250);
    resume_ok(&dir.0, &["pdf", "-o", &name]);
    assert_eq!(Pdf::open(&dir.path(&name)).pages(), 1);
}

#[test]
fn profile_names_and_output_patterns_are_file_names() {
    let cases = [
        ("[profile.\"/tmp/pwn\"]\nlang = [\"en\"]\n", "path separator"),
        ("[profile.\"..\"]\nlang = [\"en\"]\n", "starts with a dot"),
        ("[profile.p]\noutput = \"../../escaped-{lang}.pdf\"\n", "path separator"),
        ("[profile.p]\noutput = \"/tmp/escaped-{lang}.pdf\"\n", "path separator"),
        ("[profile.\"a\\u001bb\"]\nlang = [\"en\"]\n", "control character"),
        // A download header's value would end at the quote (`serve`).
        (
            "[profile.q]\noutput = \"cv\\\"; filename*=UTF-8''evil.html; x=\\\"-{lang}.pdf\"\n",
            "Windows does not allow",
        ),
    ];
    for (profile, why) in cases {
        let dir = Scratch::new("profile-paths");
        std::fs::create_dir(dir.path("work")).unwrap();
        dir.write("work/resume.toml", &format!("{SMALL}\n{profile}"));
        let err = resume_err(&dir.path("work"), &["pdf", "--profile", "all"]);
        assert!(err.contains(why), "{profile}: {err}");
        assert!(err.contains("resume.toml:"), "not located: {err}");
        let check = resume_err(&dir.path("work"), &["check"]);
        assert!(check.contains(why), "check missed {profile}: {check}");
        // Nothing was written anywhere.
        let written: Vec<_> = walk(&dir.0).into_iter().filter(|p| !p.ends_with("resume.toml")).collect();
        assert!(written.is_empty(), "{profile}: wrote {written:?}");
    }
}

#[test]
fn every_profile_is_written_inside_the_output_folder() {
    let dir = Scratch::new("profile-all");
    dir.write(
        "resume.toml",
        &format!(
            "{SMALL}\n[profile.a]\nlang = [\"ko\", \"en\"]\n\n[profile.b]\noutput = \"b-{{lang}}.pdf\"\n"
        ),
    );
    resume_ok(&dir.0, &["pdf", "--profile", "all"]);
    let mut written: Vec<String> = walk(&dir.0)
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "pdf"))
        .map(|p| p.strip_prefix(&dir.0).unwrap().display().to_string())
        .collect();
    written.sort();
    assert_eq!(written, ["out/a-en.pdf", "out/a-ko.pdf", "out/b-ko.pdf"]);
}

#[test]
fn many_profiles_build_on_a_bounded_pool() {
    let dir = Scratch::new("many-profiles");
    let mut text = String::from("summary = \"One of many.\"\n\n[person]\nname = \"Many\"\n");
    for n in 0..120 {
        text.push_str(&format!("\n[profile.p{n}]\nlang = [\"en\"]\n"));
    }
    dir.write("resume.toml", &text);
    let err = resume_ok(&dir.0, &["pdf", "--profile", "all"]);
    assert_eq!(err.matches("wrote ").count(), 120, "{err}");
    assert_eq!(std::fs::read_dir(dir.path("out")).unwrap().count(), 120);
}

fn walk(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            found.extend(walk(&path));
        } else {
            found.push(path);
        }
    }
    found
}

#[test]
fn init_never_writes_through_a_dangling_link() {
    let dir = Scratch::new("init-link");
    std::fs::create_dir(dir.path("cv")).unwrap();
    std::os::unix::fs::symlink("../elsewhere.toml", dir.path("cv/resume.toml")).unwrap();
    let err = resume_err(&dir.0, &["init", "cv"]);
    assert!(err.contains("already exists"), "{err}");
    assert!(!dir.path("elsewhere.toml").exists(), "init wrote through the link");
}

#[test]
fn an_existing_file_that_is_not_a_pdf_is_never_replaced() {
    let dir = Scratch::new("not-a-pdf");
    dir.write("resume.toml", &format!("{SMALL}\n[profile.evil]\noutput = \"notes.txt\"\n"));
    dir.write("notes.txt", "my notes");
    let err = resume_err(&dir.0, &["pdf", "--profile", "evil", "-o", "."]);
    assert!(err.contains("does not end in `.pdf`") && err.contains("resume.toml:"), "{err}");
    assert!(resume_err(&dir.0, &["check"]).contains("does not end in `.pdf`"));
    // Even named by the user, a file that is not a PDF is kept.
    dir.write("resume.toml", SMALL);
    let err = resume_err(&dir.0, &["pdf", "-o", "notes.txt"]);
    assert!(err.contains("does not end in `.pdf`"), "{err}");
    dir.write("notes.pdf", "my notes");
    let err = resume_err(&dir.0, &["pdf", "-o", "notes.pdf"]);
    assert!(err.contains("it is not a PDF"), "{err}");
    assert_eq!(std::fs::read_to_string(dir.path("notes.pdf")).unwrap(), "my notes");
    assert_eq!(std::fs::read_to_string(dir.path("notes.txt")).unwrap(), "my notes");
    // An earlier PDF, or an empty file, is replaced as asked.
    resume_ok(&dir.0, &["pdf", "-o", "first.pdf"]);
    resume_ok(&dir.0, &["pdf", "-o", "first.pdf", "--lang", "en"]);
    dir.write("empty.pdf", "");
    resume_ok(&dir.0, &["pdf", "-o", "empty.pdf"]);
}

#[test]
fn default_outputs_never_follow_links_the_folder_planted() {
    let dir = Scratch::new("planted-links");
    std::fs::create_dir_all(dir.path("cv")).unwrap();
    std::fs::create_dir_all(dir.path("victim")).unwrap();
    dir.write("cv/resume.toml", &format!("{SMALL}\n[profile.p]\nlang = [\"en\"]\n"));
    std::os::unix::fs::symlink("../victim", dir.path("cv/out")).unwrap();
    let err = resume_err(&dir.path("cv"), &["pdf", "--profile", "all"]);
    assert!(err.contains("`out` is a symbolic link"), "{err}");
    std::os::unix::fs::symlink("../victim/elsewhere.pdf", dir.path("cv/resume-ko.pdf")).unwrap();
    let err = resume_err(&dir.path("cv"), &["pdf"]);
    assert!(err.contains("is a symbolic link"), "{err}");
    assert_eq!(
        std::fs::read_dir(dir.path("victim")).unwrap().count(),
        0,
        "something was written through a link"
    );
    // Named with -o, the user's own link is followed.
    resume_ok(&dir.path("cv"), &["pdf", "-o", "resume-ko.pdf"]);
    assert!(dir.path("victim/elsewhere.pdf").exists());
}

#[test]
fn deceptive_profile_names_are_refused() {
    for (name, why) in [
        ("cv\u{202E}fdp.exe", "text-reordering"),
        ("a\u{200B}b", "invisible"),
        ("a\u{FF0F}b", "looks like a path separator"),
        ("a\u{2215}b", "looks like a path separator"),
    ] {
        let dir = Scratch::new("deceptive");
        dir.write("resume.toml", &format!("{SMALL}\n[profile.\"{name}\"]\nlang = [\"en\"]\n"));
        let err = resume_err(&dir.0, &["check"]);
        assert!(err.contains(why), "{name:?}: {err}");
    }
    // The length is judged with the real name in the pattern.
    let dir = Scratch::new("long-pattern");
    let name = "n".repeat(150);
    dir.write(
        "resume.toml",
        &format!("{SMALL}\n[profile.{name}]\noutput = \"{{profile}}{{profile}}-{{lang}}.pdf\"\n"),
    );
    let err = resume_err(&dir.0, &["check"]);
    assert!(err.contains("longer than 200 bytes") && err.contains("resume.toml:12:"), "{err}");
}

/// A ZIP is not a Word file: `docx -o` replaces only a file named `.docx`
/// that holds `word/document.xml`, so a workbook or a backup survives, and
/// never writes a name a later build reads.
#[test]
fn only_a_word_file_is_replaced_by_one() {
    let dir = Scratch::new("docx-zip");
    dir.write("resume.toml", SMALL);
    // A ZIP holding a workbook's part, named as a workbook, a backup and a
    // Word file.
    let workbook = b"PK\x03\x04\x14\0\0\0\0\0xl/workbook.xml....PK\x05\x06";
    for name in ["budget.xlsx", "backup.zip", "fake.docx"] {
        dir.write_bytes(name, workbook);
        let err = resume_err(&dir.0, &["docx", "--lang", "en", "-o", name]);
        assert!(err.contains("refusing to replace"), "{name}: {err}");
        assert_eq!(std::fs::read(dir.path(name)).unwrap(), workbook, "{name} was replaced");
    }
    // An earlier Word file is replaced as asked.
    resume_ok(&dir.0, &["docx", "--lang", "en", "-o", "cv.docx"]);
    resume_ok(&dir.0, &["docx", "--lang", "ko", "-o", "cv.docx"]);
    // Names a later build reads are never written, even when absent.
    for name in ["en.ftl", "i18n/ko.ftl", "layouts/mine.typ", "resume.toml", "other.toml"] {
        let err = resume_err(&dir.0, &["docx", "--lang", "en", "-o", name]);
        assert!(err.contains("later builds read"), "{name}: {err}");
        let err = resume_err(&dir.0, &["pdf", "--lang", "en", "-o", name]);
        assert!(err.contains("later builds read"), "{name}: {err}");
    }
    assert!(!dir.path("en.ftl").exists() && !dir.path("other.toml").exists());
    assert_eq!(std::fs::read_to_string(dir.path("resume.toml")).unwrap(), SMALL);
}

/// The résumé's photo is an input whether or not this build shows it: a
/// page image never lands on it.
#[test]
fn a_page_image_never_replaces_the_photo() {
    let dir = Scratch::new("png-photo");
    let mut pixmap = tiny_skia::Pixmap::new(30, 40).unwrap();
    pixmap.fill(tiny_skia::Color::from_rgba8(90, 120, 160, 255));
    let bytes = pixmap.encode_png().unwrap();
    dir.write_bytes("me-1.png", &bytes);
    dir.write("resume.toml", &SMALL.replacen("[person]\n", "[person]\nphoto = \"me-1.png\"\n", 1));
    let err = resume_err(&dir.0, &["png", "--lang", "en", "-o", "me.png"]);
    assert!(err.contains("me-1.png") && err.contains("reads"), "{err}");
    assert_eq!(std::fs::read(dir.path("me-1.png")).unwrap(), bytes, "the photo was replaced");
}
