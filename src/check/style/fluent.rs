//! The texts of a translation file (`ko.ftl`): each message's value, line
//! by line, with its byte range in the file, so that a finding in a
//! translation is reported at its line and column, and fixed there.

use std::ops::Range;

/// Each line of a message value in a Fluent file: the text after
/// `id =` (or `.attribute =`), and each indented line that continues it;
/// comments and blank lines are none.
pub fn values(text: &str) -> Vec<(Range<usize>, &str)> {
    let mut out = Vec::new();
    let mut at = 0;
    let mut in_message = false;
    for line in text.split_inclusive('\n') {
        let start = at;
        at += line.len();
        let body = line.trim_end_matches(['\n', '\r']);
        if body.trim().is_empty() || body.trim_start().starts_with('#') {
            in_message = in_message && !body.trim_start().starts_with('#');
            continue;
        }
        let indented = body.starts_with([' ', '\t']);
        let value_from = match body.find('=') {
            // `id = value` at the start of a line, or `.attr = value`.
            Some(eq) if !indented || body.trim_start().starts_with('.') => {
                let key = body[..eq].trim();
                let is_key = !key.is_empty()
                    && key
                        .trim_start_matches('.')
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
                if !is_key {
                    continue;
                }
                in_message = true;
                eq + 1
            }
            _ if indented && in_message => 0,
            _ => continue,
        };
        let value = &body[value_from..];
        let lead = value.len() - value.trim_start().len();
        let value = value.trim();
        if !value.is_empty() {
            let from = start + value_from + lead;
            out.push((from..from + value.len(), value));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_are_found_with_their_places() {
        let text = "# a comment 조회등\nproject-a-name = etcd 의 노드\nproject-b-description =\n    첫 줄\n    조회등을 위한\n.label = 라벨\n";
        let found: Vec<&str> = values(text).into_iter().map(|(_, v)| v).collect();
        assert_eq!(found, ["etcd 의 노드", "첫 줄", "조회등을 위한", "라벨"]);
        for (range, value) in values(text) {
            assert_eq!(&text[range], value);
        }
    }
}
