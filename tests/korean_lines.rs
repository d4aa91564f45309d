//! Korean lines break between words (어절), never inside one.
//!
//! The example is laid out in-process and every line read off the pages:
//! each word on a line must be a whole word of the résumé's text.

use std::collections::HashSet;

use resume::build;
use resume::i18n::Language;
use resume::localize;
use resume::model::YearMonth;
use resume::typeset::compile;
use resume::typeset::world::{Layout, ResumeWorld};
use resume::view::{Paper, ViewOptions};
use typst::layout::{Frame, FrameItem, Point};

/// Every text run with its baseline (in half points), start and end x.
fn lines_of(frame: &Frame, origin: Point, lines: &mut Vec<(i64, f64, f64, String)>) {
    for (pos, item) in frame.items() {
        let at = origin + *pos;
        match item {
            FrameItem::Group(group) => {
                let shift = Point::new(group.transform.tx, group.transform.ty);
                lines_of(&group.frame, at + shift, lines);
            }
            FrameItem::Text(text) => {
                let (x, width) = (at.x.to_pt(), text.width().to_pt());
                lines.push(((at.y.to_pt() * 2.0).round() as i64, x, x + width, text.text.to_string()));
            }
            _ => {}
        }
    }
}

fn collect_words(value: &serde_json::Value, words: &mut HashSet<String>) {
    match value {
        serde_json::Value::String(text) => words.extend(text.split_whitespace().map(|w| bare(w).to_string())),
        serde_json::Value::Array(items) => items.iter().for_each(|v| collect_words(v, words)),
        serde_json::Value::Object(fields) => fields.values().for_each(|v| collect_words(v, words)),
        _ => {}
    }
}

/// A word without the punctuation that labels and separators add.
fn bare(word: &str) -> &str {
    word.trim_matches(|c: char| c.is_ascii_punctuation() || c == '·')
}

fn is_hangul(c: char) -> bool {
    ('\u{AC00}'..='\u{D7A3}').contains(&c)
}

#[test]
fn hangul_words_are_never_split_across_lines() {
    let today = YearMonth::new(2026, 11).unwrap();
    let source = resume::source::example();
    let resume = resume::model::load(&source).unwrap();
    let selection = resume::select::Selection::default();
    let catalogue = build::catalogue(&source, Language::negotiate("ko").unwrap()).unwrap();
    let options = ViewOptions { today, paper: Paper::A4, arrangement: Default::default() };
    let view = localize::localize(&resume, &source, &catalogue, &selection, options).unwrap();
    let json = view.to_json();
    let mut words = HashSet::new();
    collect_words(&serde_json::from_str(&json).unwrap(), &mut words);

    let mut world = ResumeWorld::new(&Layout::Builtin("classic"), None, vec![], today, false).unwrap();
    world.set_view(json.clone());
    let document = compile::compile(&world).unwrap();

    let mut wrapped_paragraph_seen = false;
    for page in document.pages() {
        let mut items = Vec::new();
        lines_of(&page.frame, Point::zero(), &mut items);
        items.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.total_cmp(&b.1)));
        // Runs that touch belong to one word; a gap between runs is a space.
        let mut lines: Vec<(i64, f64, String)> = Vec::new();
        for (y, x, end, text) in items {
            match lines.last_mut() {
                Some((last_y, last_end, line)) if *last_y == y => {
                    if x - *last_end > 0.5 {
                        line.push(' ');
                    }
                    line.push_str(&text);
                    *last_end = end;
                }
                _ => lines.push((y, end, text)),
            }
        }
        for (_, _, line) in &lines {
            for token in line.split_whitespace().map(bare) {
                if token.chars().any(is_hangul) {
                    // A word split across lines leaves fragments that are
                    // no word of the résumé.
                    assert!(words.contains(token), "`{token}` on the line `{line}` is not a whole word");
                }
            }
            if line.starts_with("snapshot으로 백업은") && !line.ends_with("해결") {
                wrapped_paragraph_seen = true;
            }
        }
    }
    assert!(
        wrapped_paragraph_seen,
        "the long troubleshooting paragraph should wrap, or this test proves nothing"
    );
}
