//! Every XML part of every Word file `resume` writes is valid against the
//! ECMA-376 transitional schemas (ISO/IEC 29500-4), checked by xmllint:
//! elements in the order the standard requires, which Word relies on
//! (properties out of order are dropped without a word).
//!
//! The schemas are fetched by `.ci/ooxml-schemas` into `tests/schemas/ooxml`;
//! without them or without xmllint the test says so and skips.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::{Scratch, resume_ok};

/// The schema folder and xmllint, or why the test skips.
fn validator() -> Option<PathBuf> {
    let schemas = common::root().join("tests/schemas/ooxml");
    if !schemas.join("wml.xsd").exists() {
        eprintln!(
            "SKIPPED: no ECMA-376 schemas in tests/schemas/ooxml; `bash .ci/ooxml-schemas` fetches them"
        );
        return None;
    }
    if Command::new("xmllint").arg("--version").output().is_err() {
        eprintln!("SKIPPED: xmllint is not installed (Debian's libxml2-utils); `.ci/run` installs it");
        return None;
    }
    Some(schemas)
}

/// xmllint's verdict on `file` against `schema`: `Ok` or its messages.
fn validate(schemas: &Path, schema: &str, file: &Path) -> Result<(), String> {
    let out = Command::new("xmllint")
        .args(["--nonet", "--noout", "--schema"])
        .arg(schemas.join(schema))
        .arg(file)
        .env("XML_CATALOG_FILES", schemas.join("catalog.xml"))
        .output()
        .expect("xmllint runs");
    match out.status.success() {
        true => Ok(()),
        false => Err(String::from_utf8_lossy(&out.stderr).into_owned()),
    }
}

/// The schema each part of a Word package answers to.
fn schema_of(part: &str) -> &'static str {
    match part {
        "[Content_Types].xml" => "opc-contentTypes.xsd",
        "docProps/core.xml" => "opc-coreProperties.xsd",
        "docProps/app.xml" => "shared-documentPropertiesExtended.xsd",
        name if name.ends_with(".rels") => "opc-relationships.xsd",
        _ => "wml.xsd",
    }
}

#[test]
fn every_part_of_every_word_file_is_valid_against_the_ecma_376_schemas() {
    let Some(schemas) = validator() else { return };
    let dir = Scratch::new("docx-schema");
    // The validator itself refuses what Word would misread: properties
    // out of order.
    dir.write(
        "wrong.xml",
        "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>\
         <w:p><w:pPr><w:rPr/><w:pStyle w:val=\"Title\"/></w:pPr></w:p></w:body></w:document>",
    );
    assert!(validate(&schemas, "wml.xsd", &dir.path("wrong.xml")).is_err(), "xmllint accepts any order");

    let mut pixmap = tiny_skia::Pixmap::new(30, 40).unwrap();
    pixmap.fill(tiny_skia::Color::from_rgba8(90, 120, 160, 255));
    dir.write_bytes("me.png", &pixmap.encode_png().unwrap());
    let packet = common::packet_text();
    dir.write("resume.toml", &packet.replacen("[person]\n", "[person]\nphoto = \"me.png\"\n", 1));
    // The built-in example (an empty folder), and the packet example with
    // a photo.
    let builtin = Scratch::new("docx-schema-builtin");
    let builds: [(&Scratch, &[&str]); 8] = [
        (&builtin, &["--lang", "ko", "-o", "classic-ko.docx"]),
        (&builtin, &["--lang", "en", "-o", "classic-en.docx"]),
        (
            &dir,
            &[
                "--lang",
                "en",
                "--layout",
                "international",
                "--paper",
                "us-letter",
                "-o",
                "international-en.docx",
            ],
        ),
        (&dir, &["--lang", "ko", "--layout", "compact", "-o", "compact-ko.docx"]),
        (&dir, &["--document", "iryeokseo", "-o", "iryeokseo.docx"]),
        (&dir, &["--document", "letter:lumen", "-o", "lumen.docx"]),
        (&dir, &["--document", "letter:orbit", "--lang", "en", "-o", "orbit.docx"]),
        (&dir, &["--document", "iryeokseo", "--no-photo", "-o", "iryeokseo-plain.docx"]),
    ];
    let mut checked = 0;
    for (folder, args) in builds {
        resume_ok(&folder.0, &[&["docx"][..], args].concat());
        let name = args.last().unwrap();
        let file = folder.path(name);
        let unpacked = folder.path(&format!("{name}.parts"));
        let mut archive = zip::ZipArchive::new(std::fs::File::open(&file).unwrap()).expect("a zip package");
        archive.extract(&unpacked).unwrap();
        for n in 0..archive.len() {
            let part = archive.by_index(n).unwrap().name().to_string();
            if !(part.ends_with(".xml") || part.ends_with(".rels")) {
                continue;
            }
            let verdict = validate(&schemas, schema_of(&part), &unpacked.join(&part));
            assert!(verdict.is_ok(), "{name}: {part}: {}", verdict.unwrap_err());
            checked += 1;
        }
    }
    assert!(checked >= 8 * 11, "{checked} parts checked");
}
