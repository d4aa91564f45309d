//! No text is ever dropped: a long description breaks across pages, an
//! unbreakable run breaks at the line's end, and text a layout pushes off
//! its page fails the build naming the entry. Every word is read back.

mod common;

use common::{Pdf, SMALL, Scratch, resume_err, resume_ok, squash};

fn with_description(description: &str) -> String {
    SMALL.replacen(
        "company = \"acme\"\n",
        &format!("company = \"acme\"\ndescription = \"{description}\"\n"),
        1,
    )
}

#[test]
fn a_description_longer_than_a_page_keeps_every_word() {
    let dir = Scratch::new("long-description");
    let words: Vec<String> = (0..2000).map(|n| format!("w{n}")).collect();
    dir.write("resume.toml", &with_description(&words.join(" ")));
    resume_ok(&dir.0, &["pdf", "--lang", "en", "-o", "x.pdf"]);
    let pdf = Pdf::open(&dir.path("x.pdf"));
    assert!(pdf.pages() >= 2, "2,000 words on {} page(s)", pdf.pages());
    let text = pdf.text();
    let missing: Vec<&String> = words.iter().filter(|w| !has_word(&text, w)).collect();
    assert!(missing.is_empty(), "{} words missing, from {:?}", missing.len(), missing.first());
}

/// Whether `word` stands in `text` as a whole word (not as the start of
/// a longer number: `w19` in `w199`).
fn has_word(text: &str, word: &str) -> bool {
    text.match_indices(word).any(|(at, _)| !text[at + word.len()..].starts_with(|c: char| c.is_ascii_digit()))
}

#[test]
fn an_unbreakable_run_breaks_at_the_line_end() {
    // Each run is of a character found nowhere else on the page, so that
    // counting it reads the run back even across a page break (where the
    // footer's text comes between its two halves).
    for (letter, run) in [('q', "q".repeat(5000)), ('힣', "힣".repeat(3000)), ('x', "x/".repeat(800))] {
        let dir = Scratch::new("long-word");
        dir.write("resume.toml", &with_description(&run));
        resume_ok(&dir.0, &["pdf", "--lang", "ko", "-o", "x.pdf"]);
        let text = squash(&Pdf::open(&dir.path("x.pdf")).text());
        let expected = run.matches(letter).count();
        assert_eq!(text.matches(letter).count(), expected, "`{letter}`: the run did not reach the PDF whole");
    }
}

#[test]
fn text_pushed_off_the_page_fails_naming_the_entry() {
    let dir = Scratch::new("pushed-off");
    dir.write("resume.toml", SMALL);
    // A custom layout that sets the project's name below the page.
    dir.write(
        "lay/x.typ",
        "#let data = json(\"/resume.json\")\n\
         #for p in data.projects [#metadata(p.id) <entry-start> #place(dx: 0pt, dy: 400mm)[#p.name]]\n",
    );
    let err = resume_err(&dir.0, &["pdf", "--layout", "lay/x.typ", "--lang", "en", "-o", "x.pdf"]);
    assert!(err.contains("text runs off page 1 in the entry `search`"), "{err}");
    assert!(err.contains("Search"), "{err}");
    assert!(!dir.path("x.pdf").exists());
    let warned = resume_ok(
        &dir.0,
        &["pdf", "--layout", "lay/x.typ", "--lang", "en", "--allow-overflow", "-o", "x.pdf"],
    );
    assert!(warned.contains("warning: text runs off page 1"), "{warned}");
    assert!(dir.path("x.pdf").exists());
    let strict =
        ["pdf", "--layout", "lay/x.typ", "--lang", "en", "--allow-overflow", "--strict", "-o", "y.pdf"];
    let err = resume_err(&dir.0, &strict);
    assert!(err.contains("error: text runs off page 1"), "--strict makes the overflow an error again: {err}");
    assert!(!dir.path("y.pdf").exists());
}

#[test]
fn long_words_in_stack_facts_and_the_name_break_too() {
    let dir = Scratch::new("long-fact");
    let word = "z".repeat(300);
    let text = SMALL
        .replacen("company = \"acme\"\n", &format!("company = \"acme\"\ndatabases = {{ details = [{{ label = \"cache\", value = \"{word}\" }}] }}\n"), 1)
        .replacen("\"Safe Kim\"", &format!("\"Safe {}\"", "K".repeat(400)), 1);
    dir.write("resume.toml", &text);
    for layout in ["classic", "compact", "international"] {
        resume_ok(&dir.0, &["pdf", "--lang", "en", "--layout", layout, "-o", "x.pdf"]);
        let read = squash(&Pdf::open(&dir.path("x.pdf")).text());
        // Once in the stack facts (or the `Tech:` line), once in the
        // skills derived from them.
        assert_eq!(read.matches('z').count(), 600, "{layout}: the stack fact's word was cut");
        assert!(read.matches('K').count() >= 400, "{layout}: the name was cut");
    }
}
