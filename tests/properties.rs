//! Property tests for the parsers that read untrusted text: periods,
//! selectors and Fluent files. Each property holds for every generated
//! input: no panic, no stack overflow, and the documented outcome.
//!
//! Brief by default (64 cases each, well under a second); for a longer run
//! by hand set `PROPTEST_CASES`, e.g. `PROPTEST_CASES=20000 cargo test
//! --test properties`.

use proptest::prelude::*;
use resume::i18n::{Catalogue, Language, UserCatalogue};
use resume::model::{Period, Source, YearMonth};
use resume::select::Selection;

fn config() -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(64);
    ProptestConfig { cases, failure_persistence: None, ..ProptestConfig::default() }
}

fn month() -> impl Strategy<Value = (u16, u8)> {
    (1950u16..2100, 1u8..=12)
}

fn resume_model() -> resume::model::Resume {
    let source = Source {
        path: "resume.toml".into(),
        dir: None,
        text: "[person]\nname = 'A'\n\n[[project]]\nid = 'p'\nname = 'P'\ncompany = 'c'\nperiod = '2020-01..2021-01'\ntags = ['search']\n".into(),
    };
    resume::model::load(&source).unwrap()
}

fn today() -> YearMonth {
    YearMonth::new(2026, 11).unwrap()
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn any_text_is_a_period_or_a_clean_error(text in "\\PC{0,24}") {
        let _ = text.parse::<Period>();
    }

    #[test]
    fn well_formed_periods_round_trip((a, b) in (month(), month())) {
        let (start, end) = if a <= b { (a, b) } else { (b, a) };
        let text = format!("{:04}-{:02}..{:04}-{:02}", start.0, start.1, end.0, end.1);
        let period: Period = text.parse().unwrap();
        prop_assert_eq!(period.to_string().parse::<Period>().unwrap(), period);
        prop_assert!(period.end.unwrap() >= period.start);
        if a != b {
            let backwards = format!("{:04}-{:02}..{:04}-{:02}", end.0, end.1, start.0, start.1);
            prop_assert!(backwards.parse::<Period>().is_err(), "{} was accepted", backwards);
        }
    }

    #[test]
    fn any_selector_text_parses_or_errs_with_a_hint(text in "[a-z0-9:.,\\- ]{0,20}") {
        let resume = resume_model();
        match Selection::new(std::slice::from_ref(&text), &[], &resume, today()) {
            Ok(_) => prop_assert!(!text.split(',').any(|s| s.trim().is_empty()), "an empty selector passed: {:?}", text),
            Err(error) => prop_assert!(error.hint.is_some(), "no hint for {:?}: {}", text, error),
        }
    }

    #[test]
    fn year_spans_parse_exactly_when_forwards((a, b) in (1950u16..2100, 1950u16..2100)) {
        let resume = resume_model();
        let result = Selection::new(&[format!("{a}-{b}")], &[], &resume, today());
        prop_assert_eq!(result.is_ok(), a <= b);
    }

    #[test]
    fn any_fluent_text_loads_or_errs_located(text in "[a-z\\-= {}\"$\\n.\\[\\]*]{0,200}") {
        let en = Language::negotiate("en").unwrap();
        let file = UserCatalogue { path: "en.ftl".into(), text };
        if let Err(error) = Catalogue::new(en, &[file]) {
            prop_assert!(error.location.is_some(), "unlocated: {}", error);
        }
    }

    #[test]
    fn nesting_is_refused_exactly_past_the_limit(depth in 1usize..200) {
        let en = Language::negotiate("en").unwrap();
        let text = format!("section-projects = {}\"x\"{}\n", "{ ".repeat(depth), " }".repeat(depth));
        let result = Catalogue::new(en, &[UserCatalogue { path: "en.ftl".into(), text }]);
        if depth > resume::i18n::MAX_NESTING {
            let error = result.err().expect("too deep, yet accepted");
            prop_assert!(error.message.contains("nests placeables"));
            prop_assert_eq!(error.location.unwrap().line, 1);
        } else {
            let catalogue = result.expect("within the limit");
            prop_assert_eq!(catalogue.label("section-projects", None).unwrap(), "x");
        }
    }
}
