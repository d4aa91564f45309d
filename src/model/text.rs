//! Texts that may differ per language, and the short forms users write.
//!
//! Every text field takes either one plain string, the same in every
//! language, or a table of languages: `{ ko = "…", en = "…" }`. Fields that
//! hold more (a stack fact, a bullet) also accept the bare text as a short
//! form, so the common case stays one line of TOML.

use std::collections::BTreeMap;
use std::fmt;

use serde::de::{self, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A text written once for all languages or once per language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum Text {
    /// The same in every language (names, technologies, URLs).
    Plain(String),
    /// Keyed by language code (`ko`, `en`).
    Localized(BTreeMap<String, String>),
}

impl Text {
    /// The text for `lang`: the plain text, or that language's entry, or
    /// the entry `all` (a text meant for every language as it is).
    pub fn get(&self, lang: &str) -> Option<&str> {
        match self {
            Text::Plain(text) => Some(text),
            Text::Localized(map) => map.get(lang).or_else(|| map.get(SHARED)).map(String::as_str),
        }
    }
}

/// The key of a text table that holds one text for every language, said
/// on purpose (`{ all = "카카오" }`), so no language warns about it.
pub const SHARED: &str = "all";

/// Whether a character is a Hangul syllable (가 to 힣): the letters
/// Korean words are written in.
pub fn is_hangul(c: char) -> bool {
    ('\u{AC00}'..='\u{D7A3}').contains(&c)
}

/// Whether a text holds Hangul (syllables or jamo).
pub fn has_hangul(text: &str) -> bool {
    text.chars()
        .any(|c| matches!(c, '\u{AC00}'..='\u{D7A3}' | '\u{1100}'..='\u{11FF}' | '\u{3130}'..='\u{318F}'))
}

impl Text {
    /// Every value it holds, in any language: for checks that apply to
    /// each (an e-mail address in every language must be one).
    pub fn values(&self) -> Vec<&str> {
        match self {
            Text::Plain(text) => vec![text],
            Text::Localized(map) => map.values().map(String::as_str).collect(),
        }
    }

    /// Some text to name the entry by in messages, in whatever language.
    pub fn any(&self) -> &str {
        match self {
            Text::Plain(text) => text,
            Text::Localized(map) => map.values().next().map_or("", String::as_str),
        }
    }
}

/// Language keys are short lowercase codes, optionally with a region; any
/// other key is most likely a misplaced field, so it is rejected.
fn is_language_key(key: &str) -> bool {
    let mut parts = key.split('-');
    let primary = parts.next().unwrap_or_default();
    let primary_ok = (2..=3).contains(&primary.len()) && primary.bytes().all(|b| b.is_ascii_lowercase());
    primary_ok && parts.all(|p| (2..=4).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}

pub(super) struct TextVisitor;

impl<'de> Visitor<'de> for TextVisitor {
    type Value = Text;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(r#"a string, or a table of languages such as { ko = "…", en = "…" }"#)
    }

    fn visit_str<E: de::Error>(self, value: &str) -> Result<Text, E> {
        Ok(Text::Plain(value.to_string()))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Text, A::Error> {
        let mut texts = BTreeMap::new();
        while let Some(key) = map.next_key::<String>()? {
            if !is_language_key(&key) {
                return Err(de::Error::custom(format!(
                    "`{key}` is not a language code; a text table holds languages, such as {{ ko = \"…\", en = \"…\" }}"
                )));
            }
            let value: String = map.next_value()?;
            texts.insert(key, value);
        }
        if texts.is_empty() {
            return Err(de::Error::custom("this text is empty; give at least one language"));
        }
        Ok(Text::Localized(texts))
    }
}

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(TextVisitor)
    }
}

/// A fact of a project's stack (its languages, databases, CI/CD…).
///
/// Written as a list of names (`["golang", "python"]`), a text
/// (`"github action --> argocd"`), or in full with labelled details
/// (`{ value = ["mysql"], details = [{ label = "Cache", value = "redis" }] }`).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Fact {
    /// The main value, if any: names or a text.
    pub value: Option<FactValue>,
    /// Sub-items shown inline after the value, such as `Cache: redis`.
    pub details: Vec<Detail>,
}

/// The main value of a [`Fact`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum FactValue {
    /// Technology names; they feed the derived skills list.
    Names(Vec<String>),
    /// Free text, possibly per language.
    Text(Text),
}

/// A labelled sub-item of a [`Fact`].
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Detail {
    /// Shown before the value, muted (`Cache`, `log`).
    #[serde(default)]
    pub label: Option<Text>,
    /// The sub-item itself.
    pub value: Text,
}

/// Facts serialize in the shortest form that reads back the same, as a
/// person would write them.
impl Serialize for Fact {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        match (&self.value, self.details.is_empty()) {
            (Some(value), true) => value.serialize(serializer),
            (value, _) => {
                let mut map = serializer.serialize_map(None)?;
                if let Some(value) = value {
                    map.serialize_entry("value", value)?;
                }
                if !self.details.is_empty() {
                    map.serialize_entry("details", &self.details)?;
                }
                map.end()
            }
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FactTable {
    #[serde(default)]
    value: Option<FactValueInput>,
    #[serde(default)]
    details: Vec<Detail>,
}

/// The main value as written: names or text.
struct FactValueInput(FactValue);

impl<'de> Deserialize<'de> for FactValueInput {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = FactValue;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a list of names, a string, or a table of languages")
            }
            fn visit_str<E: de::Error>(self, value: &str) -> Result<FactValue, E> {
                Ok(FactValue::Text(Text::Plain(value.to_string())))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<FactValue, A::Error> {
                let mut names = Vec::new();
                while let Some(name) = seq.next_element::<String>()? {
                    names.push(name);
                }
                Ok(FactValue::Names(names))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<FactValue, A::Error> {
                TextVisitor.visit_map(map).map(FactValue::Text)
            }
        }
        deserializer.deserialize_any(V).map(FactValueInput)
    }
}

impl<'de> Deserialize<'de> for Fact {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Fact;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a list of names, a text, or a table with `value` and `details`")
            }
            fn visit_str<E: de::Error>(self, value: &str) -> Result<Fact, E> {
                Ok(Fact { value: Some(FactValue::Text(Text::Plain(value.to_string()))), details: vec![] })
            }
            fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Fact, A::Error> {
                let names = Vec::<String>::deserialize(de::value::SeqAccessDeserializer::new(seq))?;
                Ok(Fact { value: Some(FactValue::Names(names)), details: vec![] })
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Fact, A::Error> {
                // Either the full form or a text per language, told apart by
                // the keys.
                let table = toml::Table::deserialize(de::value::MapAccessDeserializer::new(map))?;
                if table.keys().any(|k| k == "value" || k == "details") {
                    let full: FactTable = toml::Value::Table(table).try_into().map_err(de::Error::custom)?;
                    Ok(Fact { value: full.value.map(|v| v.0), details: full.details })
                } else {
                    let text: Text = toml::Value::Table(table).try_into().map_err(de::Error::custom)?;
                    Ok(Fact { value: Some(FactValue::Text(text)), details: vec![] })
                }
            }
        }
        deserializer.deserialize_any(V)
    }
}

/// A bullet of a list (a responsibility, an achievement), possibly with a
/// link and nested bullets.
///
/// Written as a bare text, or in full:
/// `{ text = "…", link = "https://…", items = ["…"], tags = ["search"], id = "indexer" }`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Bullet {
    /// A name of its own for its message id, which then survives even an
    /// edit of its text (see [`crate::message_id`]).
    pub id: Option<String>,
    /// What was done; may be absent when the bullet is only a link.
    pub text: Option<Text>,
    /// A page that shows it.
    pub link: Option<String>,
    /// Nested bullets.
    pub items: Vec<Bullet>,
    /// Labels for `--only tag:…` selection.
    pub tags: Vec<String>,
}

/// A bullet that is only a text serializes as that text, the short form.
impl Serialize for Bullet {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        if let (Some(text), None, true, true, None) =
            (&self.text, &self.link, self.items.is_empty(), self.tags.is_empty(), &self.id)
        {
            return text.serialize(serializer);
        }
        let mut map = serializer.serialize_map(None)?;
        if let Some(id) = &self.id {
            map.serialize_entry("id", id)?;
        }
        if let Some(text) = &self.text {
            map.serialize_entry("text", text)?;
        }
        if let Some(link) = &self.link {
            map.serialize_entry("link", link)?;
        }
        if !self.items.is_empty() {
            map.serialize_entry("items", &self.items)?;
        }
        if !self.tags.is_empty() {
            map.serialize_entry("tags", &self.tags)?;
        }
        map.end()
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct BulletTable {
    #[serde(default)]
    id: Option<String>,
    #[serde(default)]
    text: Option<Text>,
    #[serde(default)]
    link: Option<String>,
    #[serde(default)]
    items: Vec<Bullet>,
    #[serde(default)]
    tags: Vec<String>,
}

impl<'de> Deserialize<'de> for Bullet {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Bullet;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a text, or a table with `text`, `link`, `items`, `tags` and `id`")
            }
            fn visit_str<E: de::Error>(self, value: &str) -> Result<Bullet, E> {
                Ok(Bullet { text: Some(Text::Plain(value.to_string())), ..Bullet::default() })
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Bullet, A::Error> {
                // A table is either the full form or a text per language; the
                // full form is told apart by its keys, read through an owned
                // TOML value so both readings see the same entries.
                let table = toml::Table::deserialize(de::value::MapAccessDeserializer::new(map))?;
                let full = ["text", "link", "items", "tags", "id"];
                if table.keys().any(|k| full.contains(&k.as_str())) {
                    let t: BulletTable = toml::Value::Table(table).try_into().map_err(de::Error::custom)?;
                    if t.text.is_none() && t.link.is_none() {
                        return Err(de::Error::custom("a bullet needs a `text`, a `link`, or both"));
                    }
                    Ok(Bullet { id: t.id, text: t.text, link: t.link, items: t.items, tags: t.tags })
                } else {
                    let text: Text = toml::Value::Table(table).try_into().map_err(de::Error::custom)?;
                    Ok(Bullet { text: Some(text), ..Bullet::default() })
                }
            }
        }
        deserializer.deserialize_any(V)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Deserialize)]
    struct Doc {
        t: Option<Text>,
        f: Option<Fact>,
        b: Option<Bullet>,
    }

    fn parse(src: &str) -> Result<Doc, toml::de::Error> {
        toml::from_str(src)
    }

    #[test]
    fn text_forms() {
        assert_eq!(parse("t = 'a'").unwrap().t, Some(Text::Plain("a".into())));
        let t = parse("t = { ko = '가', en = 'a' }").unwrap().t.unwrap();
        assert_eq!((t.get("ko"), t.get("en"), t.get("ja")), (Some("가"), Some("a"), None));
        let err = parse("t = { ko = '가', value = 'a' }").err().unwrap();
        assert!(err.message().contains("`value` is not a language code"), "{err}");
    }

    #[test]
    fn fact_forms() {
        let f = parse("f = ['go', 'sh']").unwrap().f.unwrap();
        assert_eq!(f.value, Some(FactValue::Names(vec!["go".into(), "sh".into()])));
        let f = parse("f = { value = ['mysql'], details = [{ label = 'Cache', value = 'redis' }] }")
            .unwrap()
            .f
            .unwrap();
        assert_eq!(f.details.len(), 1);
        let f = parse("f = { details = [{ value = 'x' }] }").unwrap().f.unwrap();
        assert_eq!(f.value, None);
        assert!(parse("f = { vaule = 'x' }").is_err());
        let f = parse("f = { ko = '가', en = 'a' }").unwrap().f.unwrap();
        assert!(matches!(f.value, Some(FactValue::Text(Text::Localized(_)))));
    }

    #[test]
    fn bullet_forms() {
        let b = parse("b = { ko = '가', en = 'a' }").unwrap().b.unwrap();
        assert_eq!(b.text.unwrap().get("en"), Some("a"));
        let b = parse("b = { text = 'a', items = ['b', { text = 'c', link = 'https://x.y' }] }")
            .unwrap()
            .b
            .unwrap();
        assert_eq!(b.items[1].link.as_deref(), Some("https://x.y"));
        assert!(parse("b = { text = 'a', lnk = 'x' }").is_err());
        assert!(parse("b = { tags = ['x'] }").is_err());
    }
}
