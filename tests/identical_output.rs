//! The built-in example's PDFs, byte for byte. Restructuring the code must
//! not change what the tool writes; a change to a layout, the view, the
//! catalogues or the fonts that is meant to change the output updates the
//! digests below, after its pages were looked at.

mod common;

use common::{Scratch, resume_ok};

/// FNV-1a, 64 bits: enough to tell two PDFs apart, and no dependency.
fn digest(bytes: &[u8]) -> u64 {
    bytes
        .iter()
        .fold(0xcbf2_9ce4_8422_2325, |hash, byte| (hash ^ u64::from(*byte)).wrapping_mul(0x0100_0000_01b3))
}

#[test]
fn the_built_in_example_pdfs_are_unchanged() {
    let dir = Scratch::new("identical");
    let mut changed = Vec::new();
    for (lang, expected) in [("ko", 0x3e57_e68c_9f5f_1f9e_u64), ("en", 0x8c29_1cc2_d74a_5347_u64)] {
        let file = format!("{lang}.pdf");
        resume_ok(&dir.0, &["pdf", "--lang", lang, "-o", &file]);
        let actual = digest(&std::fs::read(dir.path(&file)).unwrap());
        if actual != expected {
            changed.push(format!("{lang}: {actual:#018x} (was {expected:#018x})"));
        }
    }
    assert!(changed.is_empty(), "the built-in example's PDFs changed:\n{}", changed.join("\n"));
}
