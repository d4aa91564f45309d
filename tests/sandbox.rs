//! The sandbox holds: a layout reads only its own folder, symlinks that
//! lead out are refused, special and huge files are refused, and a profile
//! cannot point the build at a layout outside the résumé's folder.

mod common;

use common::{SMALL, Scratch, resume_bounded, resume_err, resume_ok};
use std::time::Duration;

const READS: &str = "#let data = json(\"/resume.json\")\n= #data.person.name\n";

#[test]
fn a_symlink_out_of_the_layout_folder_is_refused() {
    let dir = Scratch::new("escape");
    dir.write("resume.toml", SMALL);
    dir.write("lay/x.typ", &format!("{READS}#raw(read(\"root/etc/hostname\"))\n"));
    std::os::unix::fs::symlink("/", dir.path("lay/root")).unwrap();
    let err = resume_err(&dir.0, &["pdf", "--layout", "lay/x.typ", "-o", "x.pdf"]);
    assert!(err.contains("leads outside the folder"), "{err}");
    assert!(err.contains("x.typ:3:"), "the error points at the layout line: {err}");
    assert!(!dir.path("x.pdf").exists());
}

#[test]
fn a_profile_cannot_arm_a_layout_outside_the_folder() {
    let dir = Scratch::new("profile-layout");
    dir.write("outside/x.typ", READS);
    dir.write("cv/resume.toml", &format!("{SMALL}\n[profile.p]\nlayout = \"../outside/x.typ\"\n"));
    let err = resume_err(&dir.path("cv"), &["pdf", "--profile", "all"]);
    assert!(err.contains("leads outside the résumé's folder"), "{err}");
    assert!(err.contains("resume.toml:"), "not located at the profile: {err}");
    // The same through a symlink inside the folder.
    std::os::unix::fs::symlink("../outside", dir.path("cv/lay")).unwrap();
    dir.write("cv/resume.toml", &format!("{SMALL}\n[profile.p]\nlayout = \"lay/x.typ\"\n"));
    let err = resume_err(&dir.path("cv"), &["pdf", "--profile", "all"]);
    assert!(err.contains("leads outside the résumé's folder"), "{err}");
}

#[test]
fn a_layout_inside_the_folder_still_builds() {
    let dir = Scratch::new("inside");
    dir.write("resume.toml", &format!("{SMALL}\n[profile.p]\nlayout = \"lay/x.typ\"\n"));
    dir.write("lay/x.typ", &format!("{READS}#read(\"note.txt\")\n"));
    dir.write("lay/note.txt", "a note beside the layout");
    resume_ok(&dir.0, &["pdf", "--profile", "p", "-o", "p.pdf"]);
    assert!(common::Pdf::open(&dir.path("p.pdf")).text().contains("a note beside the layout"));
}

#[test]
fn special_files_are_refused_without_hanging() {
    let dir = Scratch::new("special-in");
    dir.write("resume.toml", SMALL);
    let limit = Duration::from_secs(60);
    // A résumé that is a device never ends; a FIFO never opens.
    let (out, killed) = resume_bounded(&dir.0, &["pdf", "--input", "/dev/zero", "-o", "x.pdf"], limit);
    assert!(!killed, "reading /dev/zero did not stop");
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("not a regular file"), "{err}");
    std::fs::create_dir_all(dir.path("lay")).unwrap();
    assert!(std::process::Command::new("mkfifo").arg(dir.path("lay/fifo")).status().unwrap().success());
    dir.write("lay/x.typ", &format!("{READS}#read(\"fifo\")\n"));
    let (out, killed) = resume_bounded(&dir.0, &["pdf", "--layout", "lay/x.typ", "-o", "x.pdf"], limit);
    assert!(!killed, "reading a FIFO hung");
    assert!(String::from_utf8_lossy(&out.stderr).contains("not a regular file"));
    // A translation file linked to a device.
    std::os::unix::fs::symlink("/dev/zero", dir.path("en.ftl")).unwrap();
    let (out, killed) = resume_bounded(&dir.0, &["pdf", "--lang", "en", "-o", "x.pdf"], limit);
    assert!(!killed, "reading en.ftl → /dev/zero did not stop");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("outside the résumé's folder") || err.contains("not a regular file"), "{err}");
    assert!(!dir.path("x.pdf").exists());
}

#[test]
fn files_past_the_size_cap_are_refused() {
    let dir = Scratch::new("huge");
    dir.write("resume.toml", SMALL);
    // Sparse: large to the file system, no disk used.
    std::fs::create_dir_all(dir.path("lay")).unwrap();
    let big = std::fs::File::create(dir.path("lay/big.bin")).unwrap();
    big.set_len(100 << 20).unwrap();
    dir.write("lay/x.typ", &format!("{READS}#read(\"big.bin\", encoding: none).len()\n"));
    let err = resume_err(&dir.0, &["pdf", "--layout", "lay/x.typ", "-o", "x.pdf"]);
    assert!(err.contains("MiB"), "{err}");
    let huge = std::fs::File::create(dir.path("huge.toml")).unwrap();
    huge.set_len(20 << 20).unwrap();
    let err = resume_err(&dir.0, &["pdf", "--input", "huge.toml", "-o", "x.pdf"]);
    assert!(err.contains("more than the 8 MiB allowed"), "{err}");
}

#[test]
fn files_found_by_name_must_live_in_the_folder() {
    let dir = Scratch::new("found-by-name");
    dir.write("secrets/.env", "API_KEY=sk-live-1234\n");
    dir.write("cv/resume.toml", SMALL);
    std::os::unix::fs::symlink(dir.path("secrets/.env"), dir.path("cv/ko.ftl")).unwrap();
    dir.write("cv/i18n/ko.ftl", "person-name = { API_KEY }\n");
    let err = resume_err(&dir.path("cv"), &["pdf", "-o", "x.pdf"]);
    assert!(err.contains("outside the résumé's folder"), "{err}");
    assert!(!err.contains("sk-live"), "the secret is echoed: {err}");
    let err = resume_err(&dir.path("cv"), &["check"]);
    assert!(err.contains("outside the résumé's folder"), "{err}");
    // The résumé itself, found as ./resume.toml.
    std::fs::remove_file(dir.path("cv/ko.ftl")).unwrap();
    std::fs::remove_file(dir.path("cv/resume.toml")).unwrap();
    dir.write("elsewhere/resume.toml", SMALL);
    std::os::unix::fs::symlink(dir.path("elsewhere/resume.toml"), dir.path("cv/resume.toml")).unwrap();
    let err = resume_err(&dir.path("cv"), &["pdf", "-o", "x.pdf"]);
    assert!(err.contains("outside the résumé's folder"), "{err}");
    // A résumé that is a device is refused, never swapped for the example.
    std::fs::remove_file(dir.path("cv/resume.toml")).unwrap();
    std::os::unix::fs::symlink("/dev/null", dir.path("cv/resume.toml")).unwrap();
    let err = resume_err(&dir.path("cv"), &["pdf", "-o", "x.pdf"]);
    assert!(!err.contains("built-in example"), "{err}");
}

/// A `layouts` folder that is a link out of the résumé's folder: a layout
/// named from it is refused (it would read everything beside it), and
/// `layout new` does not write through it.
#[test]
fn a_linked_layouts_folder_is_neither_read_nor_written() {
    let elsewhere = Scratch::new("elsewhere");
    elsewhere.write("rd.typ", &format!("{READS}#raw(read(\"secret.txt\"))\n"));
    elsewhere.write("secret.txt", "AWS_SECRET=abc123");
    let dir = Scratch::new("linked-layouts");
    dir.write("resume.toml", &format!("{SMALL}\n[profile.q]\nlayout = \"rd\"\n"));
    std::os::unix::fs::symlink(&elsewhere.0, dir.path("layouts")).unwrap();
    for args in
        [&["pdf", "--profile", "q", "-o", "q.pdf"][..], &["pdf", "--layout", "rd", "-o", "q.pdf"], &["check"]]
    {
        let err = resume_err(&dir.0, args);
        assert!(err.contains("outside the résumé's folder"), "{args:?}: {err}");
        assert!(!err.contains("AWS_SECRET"), "{err}");
    }
    assert!(!dir.path("q.pdf").exists());
    let err = resume_err(&dir.0, &["layout", "new", "viasym"]);
    assert!(err.contains("outside the résumé's folder"), "{err}");
    assert!(!elsewhere.path("viasym.typ").exists(), "layout new wrote through the link");
}

/// Every command holds a résumé folder to itself: a `resume.toml` or a
/// `ko.ftl` that links out of the folder is refused by each surface, and
/// nothing of the linked file is shown.
#[test]
fn every_surface_refuses_a_linked_resume_or_translation() {
    let outside = Scratch::new("surface-outside");
    outside.write("secret.toml", "[person]\nname = \"AWS_SECRET=abc123\"\n");
    outside.write("secret.ftl", "person-name = AWS_SECRET=abc123\n");
    let surfaces: [&[&str]; 8] = [
        &["pdf", "-o", "x.pdf"],
        &["png", "-o", "x.png"],
        &["svg", "-o", "x.svg"],
        &["docx", "-o", "x.docx"],
        &["export", "--format", "text"],
        &["export", "--format", "markdown"],
        &["i18n", "missing", "--lang", "ko"],
        &["check"],
    ];
    for linked in ["resume.toml", "ko.ftl"] {
        let dir = Scratch::new("surface-link");
        if linked == "resume.toml" {
            std::os::unix::fs::symlink(outside.path("secret.toml"), dir.path("resume.toml")).unwrap();
        } else {
            dir.write("resume.toml", SMALL);
            std::os::unix::fs::symlink(outside.path("secret.ftl"), dir.path("ko.ftl")).unwrap();
        }
        for args in surfaces {
            let out = common::resume(&dir.0, args);
            let all =
                format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
            assert_eq!(out.status.code(), Some(1), "{linked} {args:?}: {all}");
            assert!(all.contains("outside the résumé's folder"), "{linked} {args:?}: {all}");
            assert!(!all.contains("AWS_SECRET"), "{linked} {args:?}: {all}");
        }
        assert!(std::fs::read_dir(&dir.0).unwrap().count() <= 2, "{linked}: something was written");
    }
}
