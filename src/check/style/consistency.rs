//! What the résumé says against itself: a technology spelled two ways, a
//! handle where the name should be, no way to answer, and a number of
//! years written in a letter or the summary that the periods contradict.
//! Each is reported, never rewritten: `k8s` beside `kubernetes` may be
//! meant.

use std::collections::BTreeMap;

use crate::error::{Error, Location};
use crate::model::{Resume, Source, Step, YearMonth, locate};

use super::TextAt;

/// Fields whose texts may claim a number of years of experience.
pub(super) const CLAIMING: &[&str] = &["summary", "answer", "paragraphs", "opening", "closing", "headline"];

/// Every technology written in two spellings across the projects' stacks,
/// each reported at the project that uses the rarer one.
pub fn spellings(resume: &Resume, source: &Source) -> Vec<Error> {
    // Canonical name → spelling → (count, first place).
    let mut seen: BTreeMap<String, BTreeMap<String, (usize, Vec<Step>)>> = BTreeMap::new();
    for (index, project) in resume.projects.iter().enumerate() {
        for key in crate::localize::SKILL_FACTS {
            for name in crate::localize::technologies(project, key) {
                let base = name.split('(').next().unwrap_or(name).trim();
                if base.is_empty() {
                    continue;
                }
                let canonical = crate::localize::skill_canonical(resume, base);
                let fact_key: &'static str = match key {
                    "languages" => "languages",
                    "databases" => "databases",
                    _ => "platform",
                };
                let entry = seen
                    .entry(canonical)
                    .or_default()
                    .entry(base.to_string())
                    .or_insert((0, vec![Step::Key("project"), Step::Index(index), Step::Key(fact_key)]));
                entry.0 += 1;
            }
        }
    }
    let mut warnings = Vec::new();
    // A spelling the résumé declares as an alias is meant.
    let declared = |name: &str| resume.settings.skill_aliases.keys().any(|a| a.eq_ignore_ascii_case(name));
    for spellings in seen.values().filter(|s| s.len() > 1) {
        let mut by_use: Vec<(&String, &(usize, Vec<Step>))> = spellings.iter().collect();
        by_use.sort_by(|a, b| b.1.0.cmp(&a.1.0).then(a.0.cmp(b.0)));
        let (main, _) = by_use[0];
        for (other, (count, path)) in
            by_use[1..].iter().filter(|(other, _)| !declared(other) && !declared(main))
        {
            let mut warning = Error::new(format!(
                "`{other}` ({count} time(s)) and `{main}` ({} time(s)) name one technology (two-spellings)",
                spellings[main].0
            ))
            .with_hint(format!(
                "write it one way across the résumé, as `{main}` or `{other}`; if both are meant, say so with `[resume] skill_aliases`"
            ));
            if let Some(location) = locate(source, path) {
                warning = warning.at(location);
            }
            warnings.push(warning);
        }
    }
    warnings
}

/// A name that reads as a user name, and a résumé with no e-mail and no
/// phone: a recruiter needs both a name to address and a way to answer.
pub fn contact(resume: &Resume, source: &Source) -> Vec<Error> {
    let mut warnings = Vec::new();
    let person = &resume.person;
    let at = |key: &'static str| locate(source, &[Step::Key("person"), Step::Key(key)]);
    for name in person.name.values() {
        let handle = !name.contains(char::is_whitespace)
            && name.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.'))
            && (name.chars().any(|c| c.is_ascii_digit()) || name.chars().all(|c| !c.is_ascii_uppercase()));
        if handle && name.len() >= 3 {
            let mut warning = Error::new(format!("the name `{name}` reads as a user name (handle-as-name)"))
                .with_hint("write the name a recruiter addresses you by; a handle belongs among `links`");
            if let Some(location) = at("name") {
                warning = warning.at(location);
            }
            warnings.push(warning);
        }
    }
    if person.email.is_none() && person.phone.is_none() {
        let mut warning = Error::new(
            "the résumé has no e-mail and no phone: a recruiter has no way to answer (no-contact)",
        )
        .with_hint("add `email` (and `phone`) under [person]");
        if let Some(location) = locate(source, &[Step::Key("person")]) {
            warning = warning.at(location);
        }
        warnings.push(warning);
    }
    warnings
}

/// English function words and the verbs résumé sentences start with:
/// a text of Latin words with one of them is a sentence, not a name.
const ENGLISH_MARKS: &[&str] = &[
    "the",
    "a",
    "an",
    "of",
    "to",
    "for",
    "and",
    "with",
    "in",
    "on",
    "by",
    "from",
    "was",
    "were",
    "is",
    "are",
    "that",
    "this",
    "which",
    "using",
    "into",
    "develop",
    "developed",
    "build",
    "built",
    "implement",
    "implemented",
    "design",
    "designed",
    "create",
    "created",
    "manage",
    "managed",
    "improve",
    "improved",
    "reduce",
    "reduced",
    "migrate",
    "migrated",
    "write",
    "wrote",
    "lead",
    "led",
    "maintain",
    "maintained",
    "support",
    "supported",
    "add",
    "added",
    "fix",
    "fixed",
    "optimize",
    "optimized",
    "automate",
    "automated",
    "deploy",
    "deployed",
    "made",
    "make",
];

/// Whether a text of a Korean document is an English sentence: no
/// Hangul, three words or more, one of them a function word or a verb a
/// résumé's sentence starts with (`Develop OCR System`); a product's name
/// (`Hangame Game Backend Platform`) is none.
pub fn is_english_sentence(text: &str) -> bool {
    if crate::model::has_hangul(text) {
        return false;
    }
    let words: Vec<String> = text
        .split(|c: char| !c.is_ascii_alphabetic())
        .filter(|w| w.len() >= 2 || *w == "a")
        .map(str::to_lowercase)
        .collect();
    words.len() >= 3 && words.iter().any(|w| ENGLISH_MARKS.contains(&w.as_str()))
}

/// A number of years a text claims, and how: `eight years`, `5+ years`,
/// `over 10 years`, `6년 동안`, `10년 이상`, `지난 3년`.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Claim {
    years: u32,
    /// `over`, `+`, `이상`: at least that many.
    at_least: bool,
    /// `지난 N년`: the recent stretch, which may be the current employment.
    recent: bool,
    range: std::ops::Range<usize>,
}

const NUMBER_WORDS: [&str; 21] = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
];

fn claims(text: &str) -> Vec<Claim> {
    let mut out = Vec::new();
    let lower = text.to_lowercase();
    // English: `<number>[+] year(s)`.
    let words: Vec<(usize, &str)> =
        lower.split_whitespace().map(|w| (w.as_ptr() as usize - lower.as_ptr() as usize, w)).collect();
    for (n, (at, word)) in words.iter().enumerate() {
        let Some((_, next)) = words.get(n + 1) else { continue };
        if !next.trim_end_matches(|c: char| !c.is_alphabetic()).starts_with("year") {
            continue;
        }
        let plus = word.ends_with('+');
        let bare = word.trim_end_matches('+').trim_start_matches(['(', '"']);
        let years = match bare.parse::<u32>() {
            Ok(number) => number,
            Err(_) => match NUMBER_WORDS.iter().position(|w| *w == bare) {
                Some(number) => number as u32,
                None => continue,
            },
        };
        let before = n.checked_sub(1).map(|i| words[i].1).unwrap_or("");
        let before2 = n.checked_sub(2).map(|i| words[i].1).unwrap_or("");
        let at_least = plus || matches!(before, "over" | "than" | "least") || before2 == "more";
        let recent = matches!(before, "past" | "last");
        if (1..=60).contains(&years) {
            let unit = next.trim_end_matches(|c: char| !c.is_alphabetic());
            out.push(Claim { years, at_least, recent, range: *at..*at + word.len() + 1 + unit.len() });
        }
    }
    // Korean: `N년` with what makes it a length: 동안, 간, 이상, 넘게, 차,
    // 경력, 지난.
    for (at, _) in text.match_indices('년') {
        let digits: String = text[..at].chars().rev().take_while(char::is_ascii_digit).collect();
        if digits.is_empty() || digits.len() > 2 {
            continue;
        }
        let start = at - digits.len();
        let Ok(years) = digits.chars().rev().collect::<String>().parse::<u32>() else { continue };
        let after = &text[at + '년'.len_utf8()..];
        let before = text[..start].trim_end();
        let at_least = after.trim_start().starts_with("이상") || after.trim_start().starts_with("넘게");
        let recent = before.ends_with("지난") || before.ends_with("최근");
        let length =
            ["간", " 동안", "동안", " 이상", " 넘게", "차", "의 경력"].iter().any(|s| after.starts_with(s))
                || recent
                || before.ends_with("경력");
        if length && (1..=60).contains(&years) {
            out.push(Claim { years, at_least, recent, range: start..at + '년'.len_utf8() });
        }
    }
    out
}

/// Whether `months` of work bear out a claim of `years`.
fn bears_out(claim: &Claim, months: u32) -> bool {
    let (floor, ceil) = (months / 12, months.div_ceil(12));
    if claim.at_least {
        return floor >= claim.years;
    }
    (floor..=ceil).contains(&claim.years)
}

/// A claim of years in `text` that the periods do not bear out. A claim
/// in a sentence that names one employer (`Lumen에서 3년 동안`, `three
/// years at Lumen`) is weighed against that employer's months; any other
/// against the whole career, and `지난 N년` against the current
/// employment too.
pub fn years(text: &TextAt, source: &Source, career: &Career) -> Vec<Error> {
    let mut warnings = Vec::new();
    for claim in claims(&text.value) {
        let sentence = sentence_around(&text.value, claim.range.clone()).to_lowercase();
        let named: Vec<&Employer> =
            career.employers.iter().filter(|e| e.names.iter().any(|n| names_in(&sentence, n))).collect();
        let (borne, months, at) = match named.as_slice() {
            [employer] => {
                let shown = employer.names.iter().find(|n| names_in(&sentence, n)).unwrap_or(&employer.shown);
                (bears_out(&claim, employer.months), employer.months, Some(shown.as_str()))
            }
            _ => (
                bears_out(&claim, career.total)
                    || (claim.recent && career.current.is_some_and(|m| bears_out(&claim, m))),
                career.total,
                None,
            ),
        };
        if borne {
            continue;
        }
        let written = &text.value[claim.range.clone()];
        let span = text.source_span(&source.text, claim.range.clone());
        let said = match at {
            Some(employer) => format!("`{written}` at {employer} disagrees with the periods there"),
            None => format!("`{written}` disagrees with the career the periods give"),
        };
        warnings.push(
            Error::new(format!("{said}: {} year(s) {} month(s) (years)", months / 12, months % 12))
            .at(Location::from_span(&source.path, &source.text, span))
            .with_hint("write the years the periods give, or correct the periods; a letter is read beside the résumé"),
        );
    }
    warnings
}

/// The sentence of `text` that holds `range`: between the stops around it.
fn sentence_around(text: &str, range: std::ops::Range<usize>) -> &str {
    let stop = |c: char| matches!(c, '.' | '!' | '?' | '\n' | '。');
    let start = text[..range.start].rfind(stop).map_or(0, |i| i + 1);
    let end = text[range.end..].find(stop).map_or(text.len(), |i| range.end + i);
    &text[start..end]
}

/// Whether lowercased `sentence` names `name` as a word of its own (a
/// Korean particle may follow: `lumen에서`).
fn names_in(sentence: &str, name: &str) -> bool {
    let name = name.to_lowercase();
    if name.chars().count() < 2 {
        return false;
    }
    sentence.match_indices(&name).any(|(at, _)| {
        let before = sentence[..at].chars().last();
        let after = sentence[at + name.len()..].chars().next();
        !before.is_some_and(|c| c.is_alphanumeric()) && !after.is_some_and(|c| c.is_ascii_alphanumeric())
    })
}

/// What the periods give: the whole career, the current employment, and
/// each employer's months with the names it goes by.
pub struct Career {
    total: u32,
    current: Option<u32>,
    employers: Vec<Employer>,
}

/// An employer's months, all its employments together.
struct Employer {
    names: Vec<String>,
    shown: String,
    months: u32,
}

/// The months of the whole career, of the current employment (the
/// ongoing one, if any), and of each employer.
pub fn career(resume: &Resume, today: YearMonth) -> Career {
    let history = crate::localize::career_employments(resume, today);
    let total = crate::localize::career_months(resume, today);
    let current = history.iter().find(|(_, p)| p.end.is_none()).map(|(_, p)| p.months(today));
    let mut employers = Vec::new();
    for company in &resume.companies {
        let months = history.iter().filter(|(id, _)| *id == company.id).map(|(_, p)| p.months(today)).sum();
        if months == 0 {
            continue;
        }
        let mut names: Vec<String> = company.name.values().into_iter().map(str::to_string).collect();
        if let Some(former) = &company.formerly {
            names.extend(former.name.values().into_iter().map(str::to_string));
        }
        let shown = names.first().cloned().unwrap_or_else(|| company.id.clone());
        names.push(company.id.clone());
        employers.push(Employer { names, shown, months });
    }
    Career { total, current, employers }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<(u32, bool, bool)> {
        claims(text).iter().map(|c| (c.years, c.at_least, c.recent)).collect()
    }

    #[test]
    fn claims_of_years_are_read_in_both_languages() {
        assert_eq!(found("I have eight years of experience"), [(8, false, false)]);
        assert_eq!(found("5+ years building search"), [(5, true, false)]);
        assert_eq!(found("over 10 years in payments"), [(10, true, false)]);
        assert_eq!(found("for the past 3 years"), [(3, false, true)]);
        assert_eq!(found("지난 6년 동안 배포 파이프라인을"), [(6, false, true)]);
        assert_eq!(found("경력 10년 이상의 개발자"), [(10, true, false)]);
        assert_eq!(found("5년차 백엔드 개발자"), [(5, false, false)]);
        // Calendar years and other numbers are no claim.
        assert!(found("2020년에 입사").is_empty());
        assert!(found("in 2019 I joined; 3 teams; 40 minutes").is_empty());
        assert!(found("3년 전에").is_empty());
    }

    #[test]
    fn a_claim_stands_when_the_periods_bear_it_out() {
        let claim = |years, at_least| Claim { years, at_least, recent: false, range: 0..0 };
        // 11 years 10 months: eleven or twelve, or at least eleven.
        assert!(bears_out(&claim(11, false), 142));
        assert!(bears_out(&claim(12, false), 142));
        assert!(!bears_out(&claim(8, false), 142));
        assert!(bears_out(&claim(10, true), 142));
        assert!(!bears_out(&claim(12, true), 142));
    }
}
