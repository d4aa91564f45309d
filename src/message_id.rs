//! Message ids for the items of a list, that survive edits around them.
//!
//! A translation in `en.ftl` is found by its message id. Had the ids of
//! bullets been positions (`project-search-responsibility-2`), inserting a
//! bullet would hand every later bullet its neighbour's translation, which
//! then prints twice, silently. So an item of a list (a bullet, a
//! troubleshooting story, a detail of a stack fact, another fact) is keyed
//! by its own `id` when it has one, and otherwise by its content: six hex
//! digits of a hash of its source text (the Korean text if it has one,
//! else its first language, else the plain text), with `-2`, `-3` for
//! repeats within one list. An item keeps its key when others are added,
//! removed or reordered around it; when its own source text changes, its
//! key changes too, and the old translation is reported as stale rather
//! than printed for the new text.

use crate::model::Text;

/// The text an item is keyed by: what translations are made from.
pub fn source_of(text: &Text) -> &str {
    match text {
        Text::Plain(plain) => plain,
        Text::Localized(map) => {
            map.get(crate::i18n::DEFAULT_LANGUAGE).or_else(|| map.values().next()).map_or("", String::as_str)
        }
    }
}

/// The key of an item's content: six hex digits of a 64-bit FNV-1a hash of
/// its text with runs of white space made one space, so that rewrapping a
/// line keeps the key.
fn content_key(text: &str) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut words = text.split_whitespace().peekable();
    while let Some(word) = words.next() {
        for byte in word.bytes() {
            hash = (hash ^ u64::from(byte)).wrapping_mul(0x100_0000_01b3);
        }
        if words.peek().is_some() {
            hash = (hash ^ u64::from(b' ')).wrapping_mul(0x100_0000_01b3);
        }
    }
    format!("{:06x}", hash >> 40)
}

/// The keys of a list's items, in order: each item's explicit id, else its
/// content key, made unique within the list by `-2`, `-3`.
pub fn item_keys<'a>(items: impl IntoIterator<Item = (Option<&'a str>, String)>) -> Vec<String> {
    let mut keys: Vec<String> = Vec::new();
    for (explicit, source) in items {
        let base = match explicit {
            Some(id) => id.to_string(),
            None => content_key(&source),
        };
        let mut key = base.clone();
        let mut n = 1;
        while keys.contains(&key) {
            n += 1;
            key = format!("{base}-{n}");
        }
        keys.push(key);
    }
    keys
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_follow_content_not_position() {
        let before = item_keys([(None, "a".to_string()), (None, "b".to_string())]);
        let after = item_keys([(None, "new".to_string()), (None, "a".to_string()), (None, "b".to_string())]);
        assert_eq!(&after[1..], &before[..], "inserting an item moved the others' keys");
        assert_eq!(content_key("a  b\n c"), content_key("a b c"));
        assert_ne!(content_key("a b c"), content_key("a b d"));
    }

    #[test]
    fn repeats_and_explicit_ids() {
        let keys =
            item_keys([(None, "x".to_string()), (None, "x".to_string()), (Some("mine"), "x".to_string())]);
        assert_eq!(keys[1], format!("{}-2", keys[0]));
        assert_eq!(keys[2], "mine");
    }
}
