//! What the importers share: the result type, ids ([`Ids`]), links
//! ([`clean_link`]) and periods, so that every import writes the same kind
//! of id and accepts the same links as `check`. The importers themselves
//! are [`super::markdown::import`] and [`super::jsonresume::import`].

use std::collections::HashSet;

use crate::model::{Period, YearMonth};

/// The result: TOML text, and what could not be read.
pub struct Imported {
    /// The new resume.toml.
    pub toml: String,
    /// `line N: why` (or `place: why`), for what was mended or left out.
    pub skipped: Vec<String>,
}

/// `kakao i MLOps` → `kakao-i-mlops`; ASCII letters and digits only, so
/// the result is always kebab-case (possibly empty).
pub(crate) fn kebab(text: &str) -> String {
    let mut id = String::new();
    // Korean names give readable ids too: `검색 서비스` → `geomsaek-seobiseu`.
    for c in crate::romanize::romanize(text).chars() {
        if let Some(plain) = latin_base(c) {
            id.push_str(plain);
        } else if c.is_ascii_alphanumeric() {
            id.push(c.to_ascii_lowercase());
        } else if !id.ends_with('-') && !id.is_empty() {
            id.push('-');
        }
    }
    id.trim_end_matches('-').to_string()
}

/// An imported résumé as TOML, after `header`, its texts cleared of what
/// no document can carry (a control character, a bidirectional override,
/// a character no embedded font draws, such as an emoji): `check` would
/// refuse the file for any of them, and an importer prints a file `check`
/// accepts. Each text changed is said in `notes`, with its path.
pub(crate) fn printable_toml(resume: &crate::model::Resume, header: &str, notes: &mut Vec<String>) -> String {
    fn scrub(value: &mut serde_json::Value, path: &mut String, notes: &mut Vec<String>) {
        use serde_json::Value;
        match value {
            Value::Object(map) => {
                for (key, child) in map.iter_mut() {
                    let len = path.len();
                    if !path.is_empty() {
                        path.push('.');
                    }
                    path.push_str(key);
                    scrub(child, path, notes);
                    path.truncate(len);
                }
            }
            Value::Array(items) => {
                for (n, child) in items.iter_mut().enumerate() {
                    let len = path.len();
                    path.push_str(&format!("[{n}]"));
                    scrub(child, path, notes);
                    path.truncate(len);
                }
            }
            Value::String(text) => {
                let unprintable =
                    |c: char| crate::model::characters::is_forbidden(c) || !crate::typeset::fonts::covered(c);
                if text.chars().any(unprintable) {
                    let removed: String = text.chars().filter(|c| unprintable(*c)).collect();
                    let list: Vec<String> = removed.chars().map(|c| format!("U+{:04X}", c as u32)).collect();
                    text.retain(|c| !unprintable(c));
                    *text = text.trim().to_string();
                    notes.push(format!(
                        "{path}: {} no document can carry (a control character, or one no embedded font draws); removed",
                        list.join(" ")
                    ));
                }
            }
            _ => {}
        }
    }
    let mut value = serde_json::to_value(resume).expect("the model serializes");
    let before = notes.len();
    scrub(&mut value, &mut String::new(), notes);
    if notes.len() == before {
        return crate::model::to_toml(resume, header);
    }
    match serde_json::from_value::<crate::model::Resume>(value) {
        Ok(clean) => crate::model::to_toml(&clean, header),
        Err(_) => crate::model::to_toml(resume, header),
    }
}

/// The plain letters of an accented Latin one (`ä` → `a`, `ß` → `ss`), so
/// that `Pässisoft` gives the id `passisoft`, not `p-ssisoft`.
fn latin_base(c: char) -> Option<&'static str> {
    let base = match c.to_lowercase().next().unwrap_or(c) {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => "a",
        'æ' => "ae",
        'ç' | 'ć' | 'č' => "c",
        'ď' | 'đ' | 'ð' => "d",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ę' | 'ě' => "e",
        'ğ' => "g",
        'ì' | 'í' | 'î' | 'ï' | 'ī' | 'ı' => "i",
        'ł' => "l",
        'ñ' | 'ń' | 'ň' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => "o",
        'œ' => "oe",
        'ř' => "r",
        'ś' | 'š' | 'ş' => "s",
        'ß' => "ss",
        'ť' | 'ţ' => "t",
        'þ' => "th",
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' => "u",
        'ý' | 'ÿ' => "y",
        'ź' | 'ż' | 'ž' => "z",
        _ => return None,
    };
    Some(base)
}

/// The ids given so far in one namespace, so that every new one is
/// kebab-case, non-empty and unique: ids select entries and name their
/// translations, and `resume check` rejects any that is not.
#[derive(Debug, Default)]
pub(crate) struct Ids {
    taken: HashSet<String>,
}

impl Ids {
    /// Shortest id taken from a name: a single letter says nothing.
    const MIN_LEN: usize = 2;

    /// Marks an id as used without giving it, for ids fixed elsewhere
    /// (built-in section names, sections an importer will add later).
    pub(crate) fn reserve(&mut self, id: &str) {
        self.taken.insert(id.to_string());
    }

    /// The namespace of entries (projects, education, certifications,
    /// contributions, sections), with the built-in section and project
    /// part names taken: a selector names those first, so an entry with
    /// such an id could not be selected, and a section with one is an error.
    pub(crate) fn for_entries() -> Self {
        let builtin = crate::model::SECTIONS.iter().chain(crate::model::PROJECT_PARTS);
        Self { taken: builtin.map(|name| name.to_string()).collect() }
    }

    /// The id `name` kebabs to, if it is long enough and still free. One
    /// that starts with a digit gets `kind-` in front: a selector such as
    /// `2023-search` reads as a period.
    fn natural(&self, name: &str, kind: &str) -> Option<String> {
        let mut id = kebab(name);
        if id.starts_with(|c: char| c.is_ascii_digit()) {
            id = format!("{kind}-{id}");
        }
        (id.len() >= Self::MIN_LEN && !self.taken.contains(&id)).then_some(id)
    }

    /// The first of `kind-1`, `kind-2`… not yet taken, for names that give
    /// no id (Hangul only) or one already in use.
    fn fallback(&mut self, kind: &str) -> String {
        let id = (1..).map(|n| format!("{kind}-{n}")).find(|id| !self.taken.contains(id)).expect("unbounded");
        self.taken.insert(id.clone());
        id
    }

    /// An id for `name`, given now: its kebab form, or `kind-N`.
    pub(crate) fn claim(&mut self, name: &str, kind: &str) -> String {
        match self.natural(name, kind) {
            Some(id) => {
                self.taken.insert(id.clone());
                id
            }
            None => self.fallback(kind),
        }
    }

    /// Ids for a batch of names at once: every name that gives a free id
    /// keeps it, and only then do the others get `kind-N`, so a fallback
    /// never takes the id a later name would have had.
    pub(crate) fn assign(&mut self, names: &[&str], kind: &str) -> Vec<String> {
        let natural: Vec<Option<String>> = names
            .iter()
            .map(|name| {
                let id = self.natural(name, kind)?;
                self.taken.insert(id.clone());
                Some(id)
            })
            .collect();
        natural.into_iter().map(|id| id.unwrap_or_else(|| self.fallback(kind))).collect()
    }
}

/// Link schemes the tool prints as links; anything else could run code or
/// read files when clicked in a PDF or a rendered export.
const LINK_SCHEMES: &[&str] = &["https", "http", "mailto", "tel"];

/// The scheme of a link and what follows its colon, if it has one:
/// `example.com:8080/x` is a host and port, not a scheme.
pub(crate) fn scheme_of(url: &str) -> Option<(&str, &str)> {
    let (scheme, rest) = url.split_once(':')?;
    let mut chars = scheme.chars();
    let well_formed = chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    if !well_formed {
        return None;
    }
    let known = LINK_SCHEMES.contains(&scheme.to_ascii_lowercase().as_str());
    let is_port = rest.starts_with(|c: char| c.is_ascii_digit());
    (known || rest.starts_with("//") || !is_port).then_some((scheme, rest))
}

/// A link as an importer may write it: `Ok((link, note))` with a note when
/// it had to be mended (a missing `https://`), or `Err(note)` when it
/// cannot be a link the tool accepts (another scheme such as `javascript:`,
/// no host) and must be left out. Every link either importer writes goes
/// through here, so that an import never fails `resume check` on a link.
pub(crate) fn clean_link(raw: &str) -> std::result::Result<(String, Option<String>), String> {
    let url = raw.trim();
    if url.is_empty() {
        return Err("the link is empty; left out".to_string());
    }
    // Mend what can be mended (a missing or upper-case scheme), then judge
    // by the one rule every link of the model must pass.
    let fixed = match scheme_of(url) {
        None => format!("https://{}", url.trim_start_matches('/')),
        Some((scheme, rest)) => match scheme.to_ascii_lowercase().as_str() {
            web @ ("https" | "http") => format!("{web}://{}", rest.trim_start_matches('/')),
            other @ ("mailto" | "tel") => format!("{other}:{rest}"),
            other => {
                return Err(format!(
                    "`{url}` is a `{other}:` link, which could run or open something when clicked; left out \
                     (links may be https, http, mailto or tel)"
                ));
            }
        },
    };
    match crate::model::safe_url(&fixed) {
        Ok(()) if fixed == url => Ok((fixed, None)),
        Ok(()) => {
            let note = format!("`{url}` was written as `{fixed}`");
            Ok((fixed, Some(note)))
        }
        Err(why) => Err(format!("`{url}` {why}; left out")),
    }
}

/// [`clean_link`] for an importer: the link to write, if any, with what
/// was mended or left out handed to `note`.
pub(crate) fn link_or_note(url: &str, mut note: impl FnMut(String)) -> Option<String> {
    match clean_link(url) {
        Ok((url, fixed)) => {
            fixed.into_iter().for_each(&mut note);
            Some(url)
        }
        Err(why) => {
            note(why);
            None
        }
    }
}

/// Words résumés write for an end that has not come.
pub(crate) fn is_ongoing(text: &str) -> bool {
    matches!(
        text.trim().to_lowercase().as_str(),
        "" | "present" | "current" | "now" | "현재" | "재직중" | "재직 중" | "진행중" | "진행 중"
    )
}

/// A period from its two ends, swapped when written backwards (the model
/// rejects an end before the start): the period and a note if swapped.
pub(crate) fn ordered_period(start: YearMonth, end: Option<YearMonth>) -> (Period, Option<String>) {
    match end {
        Some(end) if end < start => {
            let period = Period { start: end, end: Some(start) };
            (period, Some(format!("ends ({end}) before it starts ({start}); swapped to {period}")))
        }
        _ => (Period { start, end }, None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kebab_gives_lowercase_words_with_single_dashes() {
        assert_eq!(kebab("kakao i MLOps"), "kakao-i-mlops");
        assert_eq!(kebab("  -- C++ / Rust --"), "c-rust");
        assert_eq!(kebab("한게임 포커"), "hangeim-pokeo", "Korean names romanized");
        assert_eq!(kebab("Pässisoft Straße Øresund"), "passisoft-strasse-oresund", "accents folded");
    }

    #[test]
    fn ids_fall_back_without_colliding() {
        let mut ids = Ids::default();
        let given = ids.assign(&["한글", "Project 1", "한국", "project-1", "x"], "project");
        assert_eq!(given, ["hangeul", "project-1", "hanguk", "project-2", "project-3"]);
        assert_eq!(ids.claim("Project 1", "project"), "project-4");

        let mut ids = Ids::for_entries();
        assert_eq!(ids.claim("Monitoring", "project"), "project-1");
        assert_eq!(ids.claim("2023 Search", "project"), "project-2023-search");
    }

    #[test]
    fn links_are_mended_or_left_out() {
        assert_eq!(clean_link("https://x.y/a"), Ok(("https://x.y/a".into(), None)));
        let (url, note) = clean_link("example.com/x").unwrap();
        assert_eq!(url, "https://example.com/x");
        assert!(note.unwrap().contains("`example.com/x` was written as `https://example.com/x`"));
        assert_eq!(clean_link("example.com:8080/x").unwrap().0, "https://example.com:8080/x");
        assert_eq!(clean_link("HTTP://x.y").unwrap().0, "http://x.y");
        assert_eq!(clean_link("mailto:a@b.c").unwrap().0, "mailto:a@b.c");
        assert_eq!(clean_link("tel:+82-10-1234").unwrap().0, "tel:+82-10-1234");
        for bad in [
            "javascript:alert(1)",
            "file:///etc/passwd",
            "ftp://x.y",
            "https://localhost",
            "a b.c",
            "",
            "mailto:x",
        ] {
            assert!(clean_link(bad).is_err(), "{bad}");
        }
    }
}

/// The language an import's prose is written in, when `--lang` does not
/// say: Korean when Hangul carries a good part of it (a Korean résumé is
/// full of English technical terms, so a syllable counts as three
/// letters), English when there is next to none, and no guess between.
pub enum Detected {
    /// The language, and the share of the prose in Hangul (0 to 1).
    Language(&'static str, f64),
    /// Too mixed to tell: the share in Hangul.
    Mixed(f64),
}

/// Decides the language of `prose` (the text of an import's fields,
/// without addresses), as [`Detected`] says.
pub fn detect_language(prose: &str) -> Detected {
    let mut hangul = 0usize;
    let mut latin = 0usize;
    for word in prose.split_whitespace().filter(|w| !w.contains("://") && !w.contains('@')) {
        for c in word.chars() {
            if ('\u{ac00}'..='\u{d7af}').contains(&c) {
                hangul += 1;
            } else if c.is_ascii_alphabetic() {
                latin += 1;
            }
        }
    }
    let share = if hangul + latin == 0 { 0.0 } else { (3 * hangul) as f64 / (3 * hangul + latin) as f64 };
    match share {
        s if s >= KOREAN_SHARE => Detected::Language("ko", s),
        s if s < ENGLISH_SHARE => Detected::Language("en", s),
        s => Detected::Mixed(s),
    }
}

/// The weighted Hangul share from which prose is Korean: the built-in
/// example, Korean with many English terms, is at 0.52.
const KOREAN_SHARE: f64 = 0.35;

/// The share under which prose is English (a Korean name or two).
const ENGLISH_SHARE: f64 = 0.2;

#[cfg(test)]
mod detection {
    use super::{Detected, detect_language};

    #[test]
    fn prose_is_korean_english_or_too_mixed_to_tell() {
        let korean = "kubernetes 기반 배포 플랫폼을 설계하고 운영했습니다. golang, python";
        assert!(matches!(detect_language(korean), Detected::Language("ko", _)));
        let english = "Designed and ran the deployment platform on Kubernetes for 한가온's team.";
        assert!(matches!(detect_language(english), Detected::Language("en", _)));
        let mixed = "Designed the deployment platform and the search service. 배포 플랫폼 설계";
        assert!(matches!(detect_language(mixed), Detected::Mixed(_)));
        assert!(matches!(detect_language("https://github.com/x a@b.c"), Detected::Language("en", _)));
    }
}
