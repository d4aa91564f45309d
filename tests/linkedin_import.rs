//! `resume import linkedin`: LinkedIn's data export, as the ZIP it mails,
//! the folder it unzips to, or a ZIP on standard input, comes in with
//! every word of every cell it can place printed in the PDF, each cell it
//! cannot place named, LinkedIn's quirks read (notes before a header, a
//! byte-order mark, `Mar 2021` and bare years, websites as
//! `[KIND:url,…]`); hostile exports fail, bounded, and never read outside
//! what was given.

mod common;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use common::{Scratch, resume, resume_ok};

fn fixture() -> PathBuf {
    common::root().join("tests/fixtures/linkedin")
}

/// The fixture as LinkedIn mails it: a ZIP, the files under `prefix`.
fn zip_of(folder: &Path, target: &Path, prefix: &str) {
    let file = std::fs::File::create(target).unwrap();
    let mut zip = zip::ZipWriter::new(file);
    let options =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    for entry in std::fs::read_dir(folder).unwrap().flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        zip.start_file(format!("{prefix}{name}"), options).unwrap();
        zip.write_all(&std::fs::read(entry.path()).unwrap()).unwrap();
    }
    zip.finish().unwrap();
}

/// Every non-empty cell of the fixture's résumé files: file, column, text.
fn cells() -> Vec<(String, String, String)> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(fixture()).unwrap().flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if name == "Connections.csv" {
            continue;
        }
        let text = std::fs::read_to_string(entry.path()).unwrap();
        let text = text.trim_start_matches('\u{feff}');
        // The header is the first line with a comma outside quotes and no
        // note: the fixture's notes are a `Notes:` line and a quoted line.
        let start = text
            .lines()
            .position(|l| l.contains(',') && !l.starts_with('"') && !l.starts_with("Notes"))
            .or_else(|| text.lines().position(|l| !l.is_empty()))
            .unwrap();
        let body: String = text.lines().skip(start).collect::<Vec<_>>().join("\n");
        let mut reader = csv::ReaderBuilder::new().flexible(true).from_reader(body.as_bytes());
        let headers = reader.headers().unwrap().clone();
        for record in reader.records() {
            for (column, value) in headers.iter().zip(record.unwrap().iter()) {
                if !value.trim().is_empty() {
                    out.push((name.clone(), column.to_string(), value.to_string()));
                }
            }
        }
    }
    out
}

fn import(dir: &Scratch, source: &str) -> (String, String) {
    let out = resume(&dir.0, &["import", "linkedin", source]);
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(out.status.success(), "{stderr}");
    (String::from_utf8(out.stdout).unwrap(), stderr)
}

#[test]
fn every_cell_it_places_reaches_the_pdf_word_for_word() {
    let dir = Scratch::new("linkedin-words");
    let (toml, stderr) = import(&dir, fixture().to_str().unwrap());
    assert!(stderr.contains("imported as `en`"), "{stderr}");
    for said in [
        "Profile.csv, Address: private",
        "Profile.csv, Birth Date: private",
        "Certifications.csv, row 1, License Number: has no place",
        "Connections.csv: no part of a résumé; left out",
    ] {
        assert!(stderr.contains(said), "`{said}` not said:\n{stderr}");
    }
    dir.write("resume.toml", &toml);
    resume_ok(&dir.0, &["check", "--strict", "--no-style", "--lang", "en"]);
    for layout in ["classic", "international"] {
        let pdf = format!("{layout}.pdf");
        resume_ok(&dir.0, &["pdf", "--lang", "en", "--layout", layout, "-o", &pdf]);
        let pdf = common::Pdf::open(&dir.path(&pdf));
        let printed = common::squash(&pdf.text());
        let links = pdf.link_uris();
        let mut missing = Vec::new();
        for (file, column, text) in cells() {
            let said = stderr.contains(&format!("{file}, {column}:"))
                || stderr.contains(&format!(", {column}: has no place"));
            if said {
                continue;
            }
            match column.as_str() {
                // Dates print as months; e-mail bookkeeping is no résumé's.
                "Started On" | "Finished On" | "Start Date" | "End Date" | "Issued On" | "Confirmed"
                | "Primary" | "Updated On" | "Type" => continue,
                // The old address is not the primary one.
                "Email Address" if text.starts_with("old.") => continue,
                "Url" | "Websites" => {
                    for url in text.trim_matches(['[', ']']).split(',') {
                        let url =
                            url.split_once(":http").map_or(url.to_string(), |(_, u)| format!("http{u}"));
                        assert!(
                            links.iter().any(|l| l == &url),
                            "{layout}: {file} {column}: {url} is no link: {links:?}"
                        );
                    }
                    continue;
                }
                "Twitter Handles" => {
                    assert!(links.iter().any(|l| l == "https://x.com/dokafor_dev"), "{links:?}");
                    continue;
                }
                _ => {}
            }
            for word in text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()) {
                if !printed.contains(word) {
                    missing.push(format!("{file}, {column}: `{word}` of {text:?}"));
                }
            }
        }
        assert!(missing.is_empty(), "{layout}: words that never reach the PDF:\n{}", missing.join("\n"));
        // LinkedIn's months and years, as the document writes them.
        for dates in ["Mar2019–Dec2022", "Jan2023–Present", "2014–2018", "2009–2013", "Jun2021"] {
            assert!(printed.contains(dates), "{layout}: {dates}");
        }
    }
}

#[test]
fn the_zip_the_folder_and_standard_input_give_the_same_resume() {
    let dir = Scratch::new("linkedin-zip");
    let (from_folder, _) = import(&dir, fixture().to_str().unwrap());
    let zipped = dir.path("export.zip");
    zip_of(&fixture(), &zipped, "");
    let (from_zip, _) = import(&dir, zipped.to_str().unwrap());
    assert_eq!(from_zip, from_folder);
    // Files in a folder inside the ZIP are found by their names.
    let nested = dir.path("nested.zip");
    zip_of(&fixture(), &nested, "Basic_LinkedInDataExport_12-05-2026/");
    let (from_nested, _) = import(&dir, nested.to_str().unwrap());
    assert_eq!(from_nested, from_folder);

    let mut child = Command::new(env!("CARGO_BIN_EXE_resume"))
        .args(["import", "linkedin", "-"])
        .current_dir(&dir.0)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(&std::fs::read(&zipped).unwrap()).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(String::from_utf8(out.stdout).unwrap(), from_folder);
}

#[test]
fn hostile_exports_fail_bounded_and_read_nothing_else() {
    let dir = Scratch::new("linkedin-hostile");
    // A file that inflates far beyond a résumé's: refused, not read whole.
    let bomb = dir.path("bomb.zip");
    {
        let mut zip = zip::ZipWriter::new(std::fs::File::create(&bomb).unwrap());
        let options =
            zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
        zip.start_file("Positions.csv", options).unwrap();
        let line = vec![b'a'; 1024 * 1024];
        for _ in 0..20 {
            zip.write_all(&line).unwrap();
        }
        zip.finish().unwrap();
    }
    let out = resume(&dir.0, &["import", "linkedin", bomb.to_str().unwrap()]);
    let text = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{text}");
    assert!(text.contains("Positions.csv is over 8 MB once inflated"), "{text}");

    // Not a ZIP at all.
    let fake = dir.write("export.zip", "First Name,Last Name\nKim,Minji\n");
    let out = resume(&dir.0, &["import", "linkedin", fake.to_str().unwrap()]);
    let text = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{text}");
    assert!(
        text.contains("is not a LinkedIn export") && text.contains("hint: give the ZIP LinkedIn mails"),
        "{text}"
    );

    // A folder whose Profile.csv is a link to a file outside: never read.
    let folder = dir.path("linked");
    std::fs::create_dir_all(&folder).unwrap();
    let secret = dir.write("secret.csv", "First Name,Last Name\nSECRET,LEAK\n");
    #[cfg(unix)]
    std::os::unix::fs::symlink(&secret, folder.join("Profile.csv")).unwrap();
    std::fs::write(folder.join("Skills.csv"), "Name\nGo\n").unwrap();
    let out = resume(&dir.0, &["import", "linkedin", folder.to_str().unwrap(), "--lang", "en"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(!String::from_utf8_lossy(&out.stdout).contains("SECRET"));

    // A folder with nothing of a résumé.
    let empty = dir.path("empty");
    std::fs::create_dir_all(&empty).unwrap();
    std::fs::write(empty.join("Messages.csv"), "From,To\n").unwrap();
    let out = resume(&dir.0, &["import", "linkedin", empty.to_str().unwrap(), "--lang", "en"]);
    let text = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{text}");
    assert!(text.contains("holds none of a LinkedIn export's résumé files"), "{text}");
}
