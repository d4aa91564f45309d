//! What a posting asks, read from its lines: technologies and domains
//! from the dictionary, the other names a line holds (a Latin word in a
//! Korean line, a capitalised name in an English one), years of
//! experience, a degree, a language. One ask is one requirement, at the
//! weight of the heaviest section that asks it.

use serde::Serialize;

use super::posting::{Posting, Section};
use super::terms::Terms;

/// What is asked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Ask {
    /// A technology, tool or domain of the dictionary, by its name.
    Term { name: String },
    /// A name the dictionary does not know (`Temporal`), as written.
    Name { name: String },
    /// At least this many years of experience.
    Years { years: u32 },
    /// A degree of at least this level.
    Degree { level: Degree },
    /// A language beside the posting's own.
    Language { name: String },
    /// How far along a career the posting wants.
    Seniority { level: Seniority },
}

/// Seniority, with the years of experience each usually means.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Seniority {
    /// 신입, new graduate, entry level: under two years.
    NewGraduate,
    /// 주니어, junior: under five years.
    Junior,
    /// 시니어, senior: five years or more.
    Senior,
    /// 리드, lead, staff, principal: eight years or more.
    Lead,
}

impl Seniority {
    /// Its name in a report.
    pub fn name(self) -> &'static str {
        match self {
            Seniority::NewGraduate => "new graduate",
            Seniority::Junior => "junior",
            Seniority::Senior => "senior",
            Seniority::Lead => "lead",
        }
    }

    /// The years of experience it means, as a range of whole years.
    pub fn years(self) -> std::ops::Range<u32> {
        match self {
            Seniority::NewGraduate => 0..2,
            Seniority::Junior => 0..5,
            Seniority::Senior => 5..u32::MAX,
            Seniority::Lead => 8..u32::MAX,
        }
    }
}

/// Degrees, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Degree {
    Bachelor,
    Master,
    Doctorate,
}

/// A requirement: what is asked, where, and as written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Requirement {
    #[serde(flatten)]
    pub ask: Ask,
    /// The heaviest section asking it.
    pub section: Section,
    /// The posting's line (1-based) where it is first asked there.
    pub line: usize,
    /// As the posting wrote it (`쿠버네티스`, `5년 이상`).
    pub written: String,
}

impl Requirement {
    /// How it is named in a report.
    pub fn label(&self) -> String {
        match &self.ask {
            Ask::Term { name } | Ask::Name { name } | Ask::Language { name } => {
                if self.written.eq_ignore_ascii_case(name) {
                    name.clone()
                } else {
                    format!("{name} ({})", self.written)
                }
            }
            Ask::Years { years } if self.written == format!("{years}+ years") => self.written.clone(),
            Ask::Years { years } => format!("{years}+ years ({})", self.written),
            Ask::Degree { level } => format!("{level:?} degree ({})", self.written),
            Ask::Seniority { level } if self.written.eq_ignore_ascii_case(level.name()) => {
                level.name().to_string()
            }
            Ask::Seniority { level } => format!("{} ({})", level.name(), self.written),
        }
    }
}

/// Words a Latin name in a posting is never: function words, and the
/// words English postings capitalise.
const NOT_NAMES: &[&str] = &[
    "a",
    "an",
    "and",
    "or",
    "the",
    "of",
    "to",
    "in",
    "on",
    "for",
    "with",
    "at",
    "by",
    "as",
    "is",
    "are",
    "be",
    "we",
    "you",
    "our",
    "your",
    "it",
    "etc",
    "e.g",
    "i.e",
    "ex",
    "eg",
    "ie",
    "vs",
    "plus",
    "experience",
    "experienced",
    "knowledge",
    "strong",
    "ability",
    "understanding",
    "familiarity",
    "proficiency",
    "excellent",
    "good",
    "great",
    "solid",
    "deep",
    "hands",
    "on",
    "years",
    "year",
    "yrs",
    "degree",
    "bachelor",
    "bachelors",
    "master",
    "masters",
    "phd",
    "bs",
    "ba",
    "ms",
    "msc",
    "bsc",
    "computer",
    "science",
    "engineering",
    "engineer",
    "engineers",
    "senior",
    "junior",
    "lead",
    "staff",
    "principal",
    "team",
    "teams",
    "company",
    "we're",
    "you'll",
    "you've",
    "work",
    "working",
    "build",
    "building",
    "design",
    "designing",
    "develop",
    "developing",
    "own",
    "owning",
    "help",
    "helping",
    "collaborate",
    "communication",
    "skills",
    "skill",
    "english",
    "korean",
    "japanese",
    "chinese",
    "fluent",
    "native",
    "business",
    "level",
    "preferred",
    "required",
    "requirements",
    "nice",
    "have",
    "has",
    "must",
    "should",
    "will",
    "can",
    "who",
    "what",
    "this",
    "that",
    "these",
    "those",
    "all",
    "any",
    "some",
    "more",
    "most",
    "other",
    "new",
    "high",
    "large",
    "scale",
    "systems",
    "system",
    "services",
    "service",
    "backend",
    "frontend",
    "server",
    "data",
    "product",
    "products",
    "platform",
    "platforms",
    "tools",
    "tool",
    "api",
    "apis",
    "web",
    "app",
    "apps",
    "mobile",
    "cloud",
    "based",
    "using",
    "use",
    "via",
    "like",
    "such",
    "including",
    "related",
    "relevant",
    "similar",
    "equivalent",
    "field",
    "fields",
    "least",
    "minimum",
    "over",
    "than",
    "up",
    "out",
    "about",
    "from",
    "into",
    "across",
    "within",
    "per",
    "not",
    "no",
    "yes",
    "if",
    "when",
    "where",
    "how",
    "why",
    "ok",
    "okay",
    "im",
    "it's",
    "let's",
    "join",
    "us",
    "role",
    "position",
    "job",
    "jd",
    "tbd",
    "n/a",
    "sw",
    "it",
    "pm",
    "am",
    "ai",
    "os",
    "ui",
    "ux",
    "qa",
    "hr",
    "cs",
];

/// Languages a posting may ask for, in both languages' names.
const LANGUAGES: &[(&str, &[&str])] = &[
    ("English", &["english", "영어", "영문"]),
    ("Japanese", &["japanese", "일본어", "일어"]),
    ("Chinese", &["chinese", "mandarin", "중국어"]),
    ("Korean", &["korean", "한국어"]),
];

/// Every requirement of a posting.
pub fn read(posting: &Posting, terms: &Terms) -> Vec<Requirement> {
    let mut found: Vec<Requirement> = Vec::new();
    let mut add = |ask: Ask, section: Section, line: usize, written: &str| match found
        .iter_mut()
        .find(|r| r.ask == ask)
    {
        Some(known) if section < known.section => {
            known.section = section;
            known.line = line;
            known.written = written.to_string();
        }
        Some(_) => {}
        None => found.push(Requirement { ask, section, line, written: written.to_string() }),
    };
    for line in &posting.lines {
        let text = &line.text;
        let matched = terms.find(text);
        for (term, range) in &matched {
            add(Ask::Term { name: term.name.clone() }, line.section, line.number, &text[range.clone()]);
        }
        // The names the dictionary does not know.
        if line.section != Section::Other {
            for (name, range) in names(text, posting.korean) {
                if !matched.iter().any(|(_, r)| r.start < range.end && range.start < r.end) {
                    add(Ask::Name { name: name.to_string() }, line.section, line.number, name);
                }
            }
        }
        if let Some((years, written)) = years(text) {
            add(Ask::Years { years }, line.section, line.number, &written);
        }
        if let Some((level, written)) = seniority(text) {
            add(Ask::Seniority { level }, line.section, line.number, &written);
        }
        if let Some((level, written)) = degree(text) {
            add(Ask::Degree { level }, line.section, line.number, &written);
        }
        for (name, spellings) in LANGUAGES {
            let lower = text.to_lowercase();
            let native = (*name == "Korean" && posting.korean) || (*name == "English" && !posting.korean);
            if native {
                continue;
            }
            if let Some(range) =
                spellings.iter().find_map(|s| super::terms::occurrences(&lower, s).first().cloned())
            {
                let written = if lower.len() == text.len() { &text[range] } else { &lower[range] };
                add(Ask::Language { name: name.to_string() }, line.section, line.number, written);
            }
        }
    }
    // Years asked of several lines: the most, wherever asked.
    let mut years: Vec<&Requirement> = found.iter().filter(|r| matches!(r.ask, Ask::Years { .. })).collect();
    years.sort_by_key(|r| {
        (r.section, std::cmp::Reverse(if let Ask::Years { years } = r.ask { years } else { 0 }))
    });
    let kept = years.first().map(|r| (*r).clone());
    found.retain(|r| !matches!(r.ask, Ask::Years { .. }));
    found.extend(kept);
    found.sort_by_key(|r| (r.section, r.line));
    found
}

/// Names a line holds that no dictionary knows: in a Korean line, every
/// Latin word (Korean postings write technologies in Latin letters); in
/// an English one, a word with a capital inside or all in capitals
/// (`GraphQL`, `SOX`), or capitalised mid-sentence.
fn names(text: &str, korean: bool) -> Vec<(&str, std::ops::Range<usize>)> {
    let mut out = Vec::new();
    let mut start = None;
    let is_part = |c: char| c.is_ascii_alphanumeric() || matches!(c, '.' | '+' | '#' | '-');
    let bounds: Vec<(usize, usize)> = {
        let mut words = Vec::new();
        for (i, c) in text.char_indices().chain(std::iter::once((text.len(), ' '))) {
            match (is_part(c), start) {
                (true, None) => start = Some(i),
                (false, Some(s)) => {
                    words.push((s, i));
                    start = None;
                }
                _ => {}
            }
        }
        words
    };
    for (n, (s, e)) in bounds.iter().enumerate() {
        let word = text[*s..*e].trim_end_matches(['.', '-']).trim_start_matches(['.', '-']);
        let s = *s + text[*s..*e].find(word).unwrap_or(0);
        if word.len() < 2 || !word.chars().next().is_some_and(|c| c.is_ascii_alphabetic()) {
            continue;
        }
        if NOT_NAMES.contains(&word.to_lowercase().as_str()) {
            continue;
        }
        let capitals = word.chars().filter(char::is_ascii_uppercase).count();
        let first_of_sentence = n == 0 || text[..s].trim_end().ends_with(['.', ':', '(', ';']);
        let name = if korean {
            true
        } else {
            (capitals >= 2 && word.len() <= 12)
                || (capitals == 1
                    && word.chars().next().is_some_and(|c| c.is_ascii_uppercase())
                    && !first_of_sentence)
        };
        if name {
            out.push((word, s..s + word.len()));
        }
    }
    out
}

/// Years of experience a line asks: `5년 이상`, `경력 3년`, `3~5년`,
/// `5+ years`, `at least 5 years`, `3-5 years`.
fn years(text: &str) -> Option<(u32, String)> {
    let lower = text.to_lowercase();
    let chars: Vec<(usize, char)> = lower.char_indices().collect();
    for (i, (at, c)) in chars.iter().enumerate() {
        if !c.is_ascii_digit() || (i > 0 && chars[i - 1].1.is_ascii_digit()) {
            continue;
        }
        let digits: String = lower[*at..].chars().take_while(char::is_ascii_digit).collect();
        let Ok(number) = digits.parse::<u32>() else { continue };
        let rest = &lower[at + digits.len()..];
        // A range (`3~5년`, `3-5 years`) asks its lower end.
        let after_range = rest
            .strip_prefix(['~', '-', '–'])
            .map(|r| r.trim_start_matches(|c: char| c.is_ascii_digit()))
            .unwrap_or(rest);
        let korean = after_range.starts_with('년') && {
            let tail = after_range['년'.len_utf8()..].trim_start();
            tail.starts_with("이상")
                || tail.starts_with('↑')
                || tail.starts_with("차")
                || tail.starts_with("以上")
                || lower[..*at].trim_end().ends_with("경력")
        };
        let english = {
            let tail = after_range.trim_start_matches('+').trim_start();
            (tail.starts_with("years") || tail.starts_with("year") || tail.starts_with("yrs"))
                && !tail.starts_with("years old")
        };
        if (korean || english) && (1..=30).contains(&number) {
            let end = if korean {
                let tail_start = lower.len() - after_range.len() + '년'.len_utf8();
                let tail = &lower[tail_start..];
                let extra = ["이상", "↑", "차"]
                    .iter()
                    .find(|s| tail.trim_start().starts_with(**s))
                    .map_or(0, |s| tail.len() - tail.trim_start().len() + s.len());
                tail_start + extra
            } else {
                let tail_start = lower.len() - after_range.len();
                let words = &lower[tail_start..];
                let unit = words.find("year").or_else(|| words.find("yrs")).unwrap_or(0);
                let unit_end =
                    words[unit..].find(|c: char| !c.is_ascii_alphabetic()).map_or(words.len(), |e| unit + e);
                tail_start + unit_end
            };
            return Some((number, text.get(*at..end).unwrap_or(&lower[*at..end]).to_string()));
        }
    }
    None
}

/// The seniority a line names (`신입`, `Senior`, `테크 리드`); in a
/// heading or the title line as much as in a section.
fn seniority(text: &str) -> Option<(Seniority, String)> {
    let lower = text.to_lowercase();
    let words: &[(Seniority, &[&str])] = &[
        (
            Seniority::NewGraduate,
            &["신입", "new grad", "new graduate", "entry-level", "entry level", "graduate program"],
        ),
        (
            Seniority::Lead,
            &[
                "테크 리드",
                "테크리드",
                "tech lead",
                "team lead",
                "staff engineer",
                "principal engineer",
                "리드 개발자",
            ],
        ),
        (Seniority::Senior, &["시니어", "senior", "sr."]),
        (Seniority::Junior, &["주니어", "junior", "jr."]),
    ];
    for (level, spellings) in words {
        for spelling in *spellings {
            if let Some(range) = super::terms::occurrences(&lower, spelling).first()
                && lower.len() == text.len()
            {
                return Some((*level, text[range.clone()].to_string()));
            } else if lower.len() != text.len() && lower.contains(spelling) {
                return Some((*level, spelling.to_string()));
            }
        }
    }
    None
}

/// A degree a line asks, the lowest named (`학사 이상` asks a bachelor's).
fn degree(text: &str) -> Option<(Degree, String)> {
    let lower = text.to_lowercase();
    let spellings: &[(Degree, &[&str])] = &[
        (
            Degree::Bachelor,
            &[
                "학사",
                "대졸",
                "4년제",
                "bachelor",
                "b.s.",
                "bs in",
                "bs/ms",
                "bs degree",
                "bsc",
                "ba in",
                "undergraduate degree",
            ],
        ),
        (Degree::Master, &["석사", "master", "m.s.", "ms degree", "msc"]),
        (Degree::Doctorate, &["박사", "phd", "ph.d", "doctorate"]),
    ];
    for (level, words) in spellings {
        if let Some(word) = words.iter().find(|w| lower.contains(**w)) {
            let at = lower.find(word).unwrap_or(0);
            let shown = word.strip_suffix(" in").unwrap_or(word);
            return Some((*level, text.get(at..at + shown.len()).unwrap_or(shown).to_string()));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn asks(posting: &str) -> Vec<(String, Section)> {
        let posting = super::super::posting::read(posting);
        read(&posting, &Terms::new(&Default::default())).into_iter().map(|r| (r.label(), r.section)).collect()
    }

    #[test]
    fn a_korean_posting_is_read_for_terms_years_degree_and_language() {
        let got = asks(
            "[자격요건]\n- 백엔드 개발 경력 5년 이상\n- 쿠버네티스 운영 경험\n- 컴퓨터공학 학사 이상\n[우대사항]\n- Kafka, Temporal 사용 경험\n- 비즈니스 영어 가능자\n- 쿠버네티스 오퍼레이터 개발\n",
        );
        assert!(got.contains(&("5+ years (5년 이상)".into(), Section::Required)), "{got:?}");
        assert!(
            got.contains(&("Kubernetes (쿠버네티스)".into(), Section::Required)),
            "required wins: {got:?}"
        );
        assert!(got.contains(&("Bachelor degree (학사)".into(), Section::Required)), "{got:?}");
        assert!(got.contains(&("Kafka".into(), Section::Preferred)), "{got:?}");
        assert!(
            got.contains(&("Temporal".into(), Section::Preferred)),
            "a name the dictionary lacks: {got:?}"
        );
        assert!(got.contains(&("English (영어)".into(), Section::Preferred)), "{got:?}");
        assert_eq!(got.iter().filter(|(l, _)| l.starts_with("Kubernetes")).count(), 1);
    }

    #[test]
    fn an_english_posting_is_read_too() {
        let got = asks(
            "Requirements\n- 5+ years building backend services in Go or Java\n- Experience with PostgreSQL and Redis\n- BS in Computer Science or equivalent\nNice to have\n- Experience with Temporal or Cadence\n- Korean is a plus\n",
        );
        for label in ["Go", "Java", "PostgreSQL", "Redis"] {
            assert!(got.contains(&(label.to_string(), Section::Required)), "{label}: {got:?}");
        }
        assert!(got.contains(&("5+ years".into(), Section::Required)), "{got:?}");
        assert!(got.contains(&("Temporal".into(), Section::Preferred)), "{got:?}");
        assert!(got.contains(&("Cadence".into(), Section::Preferred)), "{got:?}");
        assert!(got.contains(&("Korean".into(), Section::Preferred)), "{got:?}");
        assert!(!got.iter().any(|(l, _)| l == "Experience" || l == "BS"), "{got:?}");
    }
}
