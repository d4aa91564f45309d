//! Silencing a style rule where the writer meant it: `# check: allow
//! RULE` on the text's line or on the comment lines just above it, in
//! `resume.toml` or a `.ftl` file, or `[check] allow = ["RULE"]` for the
//! whole résumé. A style finding is an opinion; the writer has the last
//! word, and says it beside the text so the next reader sees why.

use crate::error::{Error, Location};
use crate::model::Source;

/// Every rule a style warning names, as `allow` spells it.
pub const RULES: &[&str] = &[
    "korean-particle",
    "korean-verb",
    "korean-bound-noun",
    "korean-spelling",
    "english-spelling",
    "english-grammar",
    "english-capitalization",
    "english-punctuation",
    "casing",
    "two-spellings",
    "handle-as-name",
    "no-contact",
    "years",
    "english-in-korean",
];

/// The rule a style warning names: the last parenthesised word of its
/// message.
pub fn rule_of(warning: &Error) -> &str {
    let message = warning.message.trim_end();
    message
        .strip_suffix(')')
        .and_then(|m| m.rfind('(').map(|open| &m[open + 1..]))
        .filter(|rule| RULES.contains(rule))
        .unwrap_or("")
}

/// Whether `rule` is allowed at 1-based `line` of `file`: on the line
/// itself, on the comment lines right above it, or above the first line
/// of the text or message it belongs to (a multi-line string holds no
/// comment, and a Fluent message continues on indented lines).
pub fn allowed_at(file: &str, line: usize, first_line: usize, rule: &str) -> bool {
    let lines: Vec<&str> = file.lines().collect();
    let says = |index: usize| lines.get(index).is_some_and(|l| allows(l, rule));
    let above = |from: usize| {
        let mut index = from;
        while index > 0 {
            index -= 1;
            let line = lines[index].trim_start();
            if !line.starts_with('#') {
                return false;
            }
            if allows(line, rule) {
                return true;
            }
        }
        false
    };
    let (line, first_line) =
        (line.saturating_sub(1), first_line.saturating_sub(1).min(line.saturating_sub(1)));
    says(line) || says(first_line) || above(line) || above(first_line)
}

/// Whether a line's comment allows `rule`: `# check: allow` alone allows
/// every rule, else the rules it lists, by commas or spaces.
fn allows(line: &str, rule: &str) -> bool {
    let Some(hash) = line.find('#') else { return false };
    let comment = &line[hash + 1..];
    let Some(at) = comment.find("check: allow") else { return false };
    let listed: Vec<&str> = comment[at + "check: allow".len()..]
        .split(|c: char| c == ',' || c.is_whitespace())
        .filter(|w| !w.is_empty())
        .take_while(|w| w.chars().all(|c| c.is_ascii_lowercase() || c == '-'))
        .collect();
    listed.is_empty() || listed.contains(&rule)
}

/// The lines each text of `resume.toml` spans, found once for all the
/// warnings of a run (each asks which text it is in).
pub struct TextLines(Vec<(usize, usize)>);

impl TextLines {
    /// The 1-based first and last lines of every text of `source`.
    pub fn of(source: &Source) -> Self {
        let breaks: Vec<usize> = source.text.match_indices('\n').map(|(at, _)| at).collect();
        let line_of = |offset: usize| breaks.partition_point(|at| *at < offset) + 1;
        TextLines(
            super::texts(&source.text).iter().map(|t| (line_of(t.span.start), line_of(t.span.end))).collect(),
        )
    }

    /// The first line of the text that covers 1-based `line` (a
    /// multi-line string starts above it).
    pub fn start_of(&self, line: usize) -> usize {
        self.0.iter().find(|(start, end)| (*start..=*end).contains(&line)).map_or(line, |(start, _)| *start)
    }
}

/// The first line of the Fluent message that 1-based `line` continues.
pub fn message_start_line(file: &str, line: usize) -> usize {
    let lines: Vec<&str> = file.lines().collect();
    let mut index = line.saturating_sub(1).min(lines.len().saturating_sub(1));
    while index > 0 && lines.get(index).is_some_and(|l| l.starts_with([' ', '\t'])) {
        index -= 1;
    }
    index + 1
}

/// `[check] allow` names a rule there is none of: said, with the nearest.
pub fn unknown_rules(source: &Source, allow: &[String]) -> Vec<Error> {
    let mut warnings = Vec::new();
    for rule in allow.iter().filter(|r| !RULES.contains(&r.as_str())) {
        let mut hint = format!("the rules are: {}", RULES.join(", "));
        if let Some(near) = crate::model::closest(rule, RULES) {
            hint = format!("did you mean `{near}`? {hint}");
        }
        let mut warning = Error::new(format!("`[check] allow` names no rule `{rule}`")).with_hint(hint);
        if let Some(at) =
            source.text.find(&format!("\"{rule}\"")).or_else(|| source.text.find(&format!("'{rule}'")))
        {
            warning = warning.at(Location::from_span(&source.path, &source.text, at..at + rule.len() + 2));
        }
        warnings.push(warning);
    }
    warnings
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_comment_on_the_line_or_above_allows_the_rules_it_names() {
        let file = "a = 1\n# why: a quote\n# check: allow korean-verb, korean-particle\nb = \"x\"\nc = \"y\"  # check: allow\n";
        assert!(allowed_at(file, 4, 4, "korean-verb"));
        assert!(allowed_at(file, 4, 4, "korean-particle"));
        assert!(!allowed_at(file, 4, 4, "english-spelling"), "only the rules named");
        assert!(allowed_at(file, 5, 5, "english-spelling"), "alone, every rule");
        assert!(!allowed_at(file, 1, 1, "korean-verb"), "a comment below counts for nothing");
    }

    #[test]
    fn a_multi_line_text_is_allowed_from_above_its_first_line() {
        let file = "# check: allow korean-verb\nsummary = \"\"\"\n첫 줄\n둘째 줄\n\"\"\"\n";
        assert!(allowed_at(file, 4, 2, "korean-verb"));
        assert!(!allowed_at(file, 4, 4, "korean-verb"), "the text's first line is what is above");
    }

    #[test]
    fn the_rule_is_read_from_the_message() {
        let warning = Error::new("`실행 되는`: a 하다/되다 verb is written joined (korean-verb)");
        assert_eq!(rule_of(&warning), "korean-verb");
        assert_eq!(rule_of(&Error::new("nothing (of note)")), "");
    }
}
