//! A length limit as a portal states it: `"1,000자 이내 (공백 포함)"`,
//! `"500자 이상 1,000자 이내"`, `"2000 bytes"`, or as a table
//! (`{ chars = 1000, spaces = false }`, `{ min = 500, max = 1000 }`,
//! `{ bytes = 2000, encoding = "euc-kr" }`). What counts, and how a line
//! break counts, is part of the limit.

use std::fmt;

use serde::de::{self, MapAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::count::{self, Encoding};

/// What a limit counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// Characters, with or without whitespace.
    Chars {
        /// Whether spaces, tabs and line breaks count (공백 포함).
        spaces: bool,
    },
    /// Bytes in an encoding.
    Bytes(Encoding),
}

/// A limit: at least `min`, at most `max`, of `unit`. Two limits are
/// equal when they count the same way, however they were written.
#[derive(Debug, Clone)]
pub struct Limit {
    /// What is counted.
    pub unit: Unit,
    /// The fewest allowed, if any.
    pub min: Option<u64>,
    /// The most allowed, if any.
    pub max: Option<u64>,
    /// What one line break counts (characters or bytes), when the portal
    /// counts it otherwise than the unit does (1 character; the
    /// encoding's bytes).
    pub line_break: Option<u64>,
    /// The limit as the portal wrote it (`한글 2byte 기준 1,000byte`),
    /// when it was given as text: what the letter prints, rather than a
    /// counting rule the portal never stated.
    pub stated: Option<String>,
}

impl PartialEq for Limit {
    fn eq(&self, other: &Self) -> bool {
        (self.unit, self.min, self.max, self.line_break)
            == (other.unit, other.min, other.max, other.line_break)
    }
}

impl Eq for Limit {}

/// How a text stands against its limit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// Over the maximum by this much: a portal cuts or refuses it.
    Over(u64),
    /// Under the minimum by this much.
    Under(u64),
    /// Within the limit but under 80 % of the maximum, with this much room.
    Short(u64),
    /// Within the limit, with this much room (or none said).
    Fits(Option<u64>),
}

impl Limit {
    /// The count of `text` in this limit's unit.
    pub fn measure(&self, text: &str) -> u64 {
        match self.unit {
            Unit::Chars { spaces } => count::characters(text, spaces, self.line_break.unwrap_or(1)),
            Unit::Bytes(encoding) => count::bytes(text, encoding, self.line_break),
        }
    }

    /// How `text` stands against the limit.
    pub fn verdict(&self, text: &str) -> Verdict {
        let n = self.measure(text);
        if let Some(max) = self.max
            && n > max
        {
            return Verdict::Over(n - max);
        }
        if let Some(min) = self.min
            && n < min
        {
            return Verdict::Under(min - n);
        }
        match self.max {
            Some(max) if n * 5 < max * 4 => Verdict::Short(max - n),
            Some(max) => Verdict::Fits(Some(max - n)),
            None => Verdict::Fits(None),
        }
    }

    /// What is counted, in words (`characters with spaces`, `EUC-KR bytes`).
    pub fn unit_name(&self) -> &'static str {
        match self.unit {
            Unit::Chars { spaces: true } => "characters with spaces",
            Unit::Chars { spaces: false } => "characters without spaces",
            Unit::Bytes(Encoding::Utf8) => "UTF-8 bytes",
            Unit::Bytes(Encoding::EucKr) => "EUC-KR bytes",
            Unit::Bytes(Encoding::Neis) => "NEIS bytes",
        }
    }

    /// Reads a limit as a portal writes it. Korean portals that count
    /// bytes say how many a Hangul syllable takes (`한글 2byte 기준`,
    /// `(한글 2바이트)`, `한글 3byte`): 2 is EUC-KR (CP949), 3 is UTF-8,
    /// and that number is no part of the limit.
    pub fn parse(text: &str) -> Result<Self, String> {
        let (hangul_bytes, text_without) = hangul_byte_size(text);
        let mut limit = Self::parse_plain(&text_without, text).map_err(|why| {
            format!(
                "{why}; a limit reads like `1,000자 이내 (공백 포함)`, `500자 이상 1,000자 이내`, `1만 자`, \
                 `2,000 bytes (EUC-KR)` or `up to 2,500 characters`, or as a table: `{{ chars = 1000 }}`"
            )
        })?;
        if let (Some(size), Unit::Bytes(encoding)) = (hangul_bytes, &mut limit.unit) {
            let named = ["euc-kr", "euckr", "cp949", "ms949", "neis", "utf-8", "utf8"]
                .iter()
                .any(|name| text.to_lowercase().contains(name));
            if !named {
                *encoding = if size == 2 { Encoding::EucKr } else { Encoding::Utf8 };
            }
        }
        limit.stated = Some(text.trim().to_string());
        Ok(limit)
    }

    fn parse_plain(lower: &str, text: &str) -> Result<Self, String> {
        let lower = lower.to_lowercase();
        let mut plain = lower.clone();
        for name in ENCODING_NAMES {
            plain = plain.replace(name, " ");
        }
        let numbers = limit_numbers(&plain).map_err(|why| format!("`{text}`: {why}"))?;
        let encoding =
            ENCODING_NAMES.iter().find(|name| lower.contains(*name)).and_then(|name| Encoding::parse(name));
        let is_bytes = ["byte", "바이트"].iter().any(|w| lower.contains(w)) || encoding.is_some();
        let is_chars = ["자", "글자", "char", "letter"].iter().any(|w| lower.contains(w));
        let without_spaces = ["공백 제외", "공백제외", "without spaces", "excluding spaces", "no spaces"]
            .iter()
            .any(|w| lower.contains(w));
        let unit = match (is_bytes, is_chars) {
            (true, false) => Unit::Bytes(encoding.unwrap_or(Encoding::Utf8)),
            (false, true) => Unit::Chars { spaces: !without_spaces },
            _ => {
                return Err(format!("`{text}` does not say whether it counts characters or bytes"));
            }
        };
        let at_least = ["이상", "at least", "minimum", "min "].iter().any(|w| lower.contains(w));
        let (min, max) = match numbers.as_slice() {
            [n] if at_least && !lower.contains("이내") => (Some(*n), None),
            [n] => (None, Some(*n)),
            [a, b] if a <= b => (Some(*a), Some(*b)),
            [a, b] => return Err(format!("`{text}` gives a minimum ({a}) above its maximum ({b})")),
            [] => return Err(format!("`{text}` has no number")),
            _ => return Err(format!("`{text}` has more numbers than a minimum and a maximum")),
        };
        if max == Some(0) {
            return Err(format!("`{text}` allows nothing"));
        }
        Ok(Limit { unit, min, max, line_break: None, stated: None })
    }
}

/// Encodings a limit may name; their digits (`utf-8`) are no number.
const ENCODING_NAMES: [&str; 7] = ["euc-kr", "euckr", "cp949", "ms949", "neis", "utf-8", "utf8"];

/// Words a number of the limit is followed by: its unit, or what bounds it.
const AFTER_A_NUMBER: [&str; 16] = [
    "자",
    "글자",
    "byte",
    "바이트",
    "char",
    "letter",
    "이상",
    "이내",
    "이하",
    "미만",
    "까지",
    "~",
    "-",
    "–",
    "to",
    "에서",
];

/// The numbers of a limit, strictly: digits with commas between
/// thousands (`1,000`), Korean units after them (`1만`, `2천`, `1만 5천`),
/// each followed by its unit, a bound (`이상`, `이내`) or a range to the
/// next. Anything else a number could be read from is refused rather
/// than guessed: a sign, a decimal point, an exponent, `k`, or a number
/// that is not the limit (`문항 2:`).
fn limit_numbers(text: &str) -> Result<Vec<u64>, String> {
    let chars: Vec<char> = text.chars().collect();
    let mut numbers = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let before = chars[..i].iter().rev().find(|c| !c.is_whitespace());
        if matches!(before, Some('-' | '−' | '+')) && numbers.is_empty() {
            return Err("a limit has no sign; write the number alone".into());
        }
        let mut total: u64 = 0;
        loop {
            let mut digits = String::new();
            while i < chars.len() {
                let c = chars[i];
                let thousands = c == ','
                    && !digits.is_empty()
                    && chars.get(i + 1..i + 4).is_some_and(|d| d.iter().all(char::is_ascii_digit))
                    && !chars.get(i + 4).is_some_and(char::is_ascii_digit);
                if c.is_ascii_digit() {
                    digits.push(c);
                } else if !thousands {
                    break;
                }
                i += 1;
            }
            let n: u64 = digits.parse().map_err(|_| format!("`{digits}` is too large a number"))?;
            match chars.get(i) {
                Some('.') if chars.get(i + 1).is_some_and(char::is_ascii_digit) => {
                    return Err("a limit is a whole number; `.` would make it a fraction".into());
                }
                Some('^' | 'e' | 'E')
                    if chars.get(i + 1).is_some_and(|c| c.is_ascii_digit() || *c == '^') =>
                {
                    return Err("a limit is written out in digits, not as a power".into());
                }
                Some('^') => return Err("a limit is written out in digits, not as a power".into()),
                Some('k' | 'K' | 'm' | 'M') if !chars.get(i + 1).is_some_and(|c| c.is_ascii_alphabetic()) => {
                    return Err("a limit is written out in digits (`1,500`), not with `k`".into());
                }
                _ => {}
            }
            let mut j = i;
            while chars.get(j).is_some_and(|c| c.is_whitespace()) {
                j += 1;
            }
            let unit = match chars.get(j) {
                Some('만') => 10_000,
                Some('천') => 1_000,
                Some('백') => 100,
                _ => {
                    total = total.checked_add(n).ok_or("too large a number")?;
                    break;
                }
            };
            total = n.checked_mul(unit).and_then(|v| total.checked_add(v)).ok_or("too large a number")?;
            i = j + 1;
            let mut k = i;
            while chars.get(k).is_some_and(|c| c.is_whitespace()) {
                k += 1;
            }
            if !chars.get(k).is_some_and(char::is_ascii_digit) {
                break;
            }
            i = k;
        }
        let rest: String = chars[i..].iter().collect::<String>();
        let rest = rest.trim_start();
        if !AFTER_A_NUMBER.iter().any(|word| rest.starts_with(word)) {
            return Err(format!(
                "`{total}` is not followed by what it counts (`자`, `bytes`, `characters`) or a bound (`이내`, `이상`), so it is no part of the limit"
            ));
        }
        numbers.push(total);
    }
    Ok(numbers)
}

/// How many bytes a Hangul syllable takes, when the limit says so (`한글
/// 2byte`, `2바이트 기준`), with that phrase's number taken out of the
/// text, so it is not read as a minimum or a maximum.
fn hangul_byte_size(text: &str) -> (Option<u64>, String) {
    let lower = text.to_lowercase();
    let bytes: Vec<(usize, char)> = lower.char_indices().collect();
    for (i, (at, c)) in bytes.iter().enumerate() {
        let size = match c {
            '2' => 2,
            '3' => 3,
            _ => continue,
        };
        // A lone digit: not part of a larger number.
        let before = i.checked_sub(1).map(|j| bytes[j].1);
        let after_digit = bytes.get(i + 1).map(|(_, c)| *c);
        if before.is_some_and(|b| b.is_ascii_digit() || b == ',')
            || after_digit.is_some_and(|a| a.is_ascii_digit() || a == ',')
        {
            continue;
        }
        let rest = lower[at + 1..].trim_start();
        let unit = ["byte", "바이트"].iter().find(|u| rest.starts_with(*u));
        let Some(unit) = unit else { continue };
        let head = &lower[..*at];
        let tail = rest[unit.len()..].trim_start_matches(['s', ' ']);
        let about_hangul = head.trim_end().ends_with("한글")
            || head.trim_end().ends_with("한글 1자")
            || head.trim_end().ends_with("한글1자")
            || tail.starts_with("기준");
        if about_hangul {
            let end = lower.len() - tail.len();
            let mut without = lower[..*at].to_string();
            without.push(' ');
            without.push_str(&lower[end..]);
            // The unit word stays once for the limit itself.
            without.push_str(" byte");
            return (Some(size), without);
        }
    }
    (None, text.to_string())
}

impl fmt::Display for Limit {
    /// The limit as `check` and `letter count` print it:
    /// `500 to 1,000 characters with spaces`, `at most 2,000 EUC-KR bytes`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let unit = self.unit_name();
        match (self.min, self.max) {
            (Some(min), Some(max)) => write!(f, "{} to {} {unit}", thousands(min), thousands(max)),
            (None, Some(max)) => write!(f, "at most {} {unit}", thousands(max)),
            (Some(min), None) => write!(f, "at least {} {unit}", thousands(min)),
            (None, None) => write!(f, "{unit}"),
        }
    }
}

/// `1000` → `1,000`.
pub fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// The table form of a limit.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LimitTable {
    #[serde(default)]
    chars: Option<u64>,
    #[serde(default)]
    bytes: Option<u64>,
    #[serde(default)]
    min: Option<u64>,
    #[serde(default)]
    max: Option<u64>,
    #[serde(default)]
    spaces: Option<bool>,
    #[serde(default)]
    encoding: Option<String>,
    #[serde(default)]
    line_break: Option<u64>,
}

impl LimitTable {
    fn limit(self) -> Result<Limit, String> {
        let encoding = match &self.encoding {
            Some(name) => Some(Encoding::parse(name).ok_or_else(|| {
                format!("`{name}` is not an encoding this counts; use one of: {}", Encoding::NAMES.join(", "))
            })?),
            None => None,
        };
        let bytes = self.bytes.is_some() || encoding.is_some();
        if bytes && (self.chars.is_some() || self.spaces.is_some()) {
            return Err(
                "a limit counts characters (`chars`, `spaces`) or bytes (`bytes`, `encoding`), not both"
                    .into(),
            );
        }
        let max = match (self.chars.or(self.bytes), self.max) {
            (Some(_), Some(_)) => return Err("give the maximum once: `chars`/`bytes` or `max`".into()),
            (a, b) => a.or(b),
        };
        if let (Some(min), Some(max)) = (self.min, max)
            && min > max
        {
            return Err(format!("the minimum ({min}) is above the maximum ({max})"));
        }
        if max.is_none() && self.min.is_none() {
            return Err("a limit needs a maximum (`chars`, `bytes` or `max`) or a `min`".into());
        }
        if max == Some(0) {
            return Err("a maximum of 0 allows nothing".into());
        }
        if self.line_break.is_some_and(|n| n > 4) {
            return Err("a line break counts at most 4".into());
        }
        let unit = if bytes {
            Unit::Bytes(encoding.unwrap_or(Encoding::Utf8))
        } else {
            Unit::Chars { spaces: self.spaces.unwrap_or(true) }
        };
        Ok(Limit { unit, min: self.min, max, line_break: self.line_break, stated: None })
    }
}

impl<'de> Deserialize<'de> for Limit {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Limit;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str(r#"a limit such as "1,000자 이내", "500자 이상 1,000자 이내", "2000 bytes", or { chars = 1000, spaces = false }"#)
            }
            fn visit_str<E: de::Error>(self, value: &str) -> Result<Limit, E> {
                Limit::parse(value).map_err(E::custom)
            }
            fn visit_u64<E: de::Error>(self, _: u64) -> Result<Limit, E> {
                Err(E::custom(
                    "say what the number counts: `limit = \"1000자\"` or `limit = { chars = 1000 }`",
                ))
            }
            fn visit_i64<E: de::Error>(self, _: i64) -> Result<Limit, E> {
                Err(E::custom(
                    "say what the number counts: `limit = \"1000자\"` or `limit = { chars = 1000 }`",
                ))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Limit, A::Error> {
                let table = LimitTable::deserialize(de::value::MapAccessDeserializer::new(map))?;
                table.limit().map_err(de::Error::custom)
            }
        }
        deserializer.deserialize_any(V)
    }
}

impl Serialize for Limit {
    /// Always the table form, which reads back the same.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(None)?;
        match self.unit {
            Unit::Chars { spaces } => {
                if !spaces {
                    map.serialize_entry("spaces", &false)?;
                }
            }
            Unit::Bytes(encoding) => {
                let name = match encoding {
                    Encoding::Utf8 => "utf-8",
                    Encoding::EucKr => "euc-kr",
                    Encoding::Neis => "neis",
                };
                map.serialize_entry("encoding", name)?;
            }
        }
        if let Some(min) = self.min {
            map.serialize_entry("min", &min)?;
        }
        if let Some(max) = self.max {
            map.serialize_entry("max", &max)?;
        }
        if let Some(n) = self.line_break {
            map.serialize_entry("line_break", &n)?;
        }
        map.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(min: Option<u64>, max: Option<u64>, spaces: bool) -> Limit {
        Limit { unit: Unit::Chars { spaces }, min, max, line_break: None, stated: None }
    }

    #[test]
    fn byte_limits_as_korean_portals_state_them() {
        let read = |s: &str| Limit::parse(s).unwrap();
        let two = read("한글 2byte 기준 1,000byte");
        assert_eq!((two.unit, two.min, two.max), (Unit::Bytes(Encoding::EucKr), None, Some(1000)));
        let two = read("1,000 bytes (한글 2바이트)");
        assert_eq!((two.unit, two.min, two.max), (Unit::Bytes(Encoding::EucKr), None, Some(1000)));
        let three = read("한글 3byte 기준 1500 bytes");
        assert_eq!((three.unit, three.max), (Unit::Bytes(Encoding::Utf8), Some(1500)));
        let range = read("200바이트 이상 2,000바이트 이내 (한글 2바이트)");
        assert_eq!((range.unit, range.min, range.max), (Unit::Bytes(Encoding::EucKr), Some(200), Some(2000)));
        // A number of its own is never taken for the Hangul byte size.
        assert_eq!(read("2 byte").max, Some(2));
        // The limit prints as the portal wrote it.
        assert_eq!(read("1,000 bytes (한글 2바이트)").stated.as_deref(), Some("1,000 bytes (한글 2바이트)"));
    }

    #[test]
    fn limits_read_as_portals_write_them() {
        assert_eq!(Limit::parse("1000자").unwrap(), chars(None, Some(1000), true));
        assert_eq!(Limit::parse("1,000자 이내 (공백 포함)").unwrap(), chars(None, Some(1000), true));
        assert_eq!(Limit::parse("1,000자 이내, 공백 제외").unwrap(), chars(None, Some(1000), false));
        assert_eq!(Limit::parse("500자 이상 1,000자 이내").unwrap(), chars(Some(500), Some(1000), true));
        assert_eq!(Limit::parse("300자 이상").unwrap(), chars(Some(300), None, true));
        assert_eq!(Limit::parse("up to 2,500 characters").unwrap(), chars(None, Some(2500), true));
        let bytes = Limit::parse("2000 bytes").unwrap();
        assert_eq!(bytes.unit, Unit::Bytes(Encoding::Utf8));
        assert_eq!(Limit::parse("2,000바이트 (EUC-KR)").unwrap().unit, Unit::Bytes(Encoding::EucKr));
        for bad in ["1000", "1000자 500자", "about a page", "0자"] {
            assert!(Limit::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn korean_numerals_read_right_and_nothing_is_guessed() {
        let max = |s: &str| Limit::parse(s).map(|l| l.max).map_err(|e| e.to_string());
        assert_eq!(max("1만자 이내"), Ok(Some(10_000)));
        assert_eq!(max("2천자"), Ok(Some(2_000)));
        assert_eq!(max("1만 5천 자"), Ok(Some(15_000)));
        assert_eq!(max("1만5천자 이내 (공백 포함)"), Ok(Some(15_000)));
        assert_eq!(max("2,000 bytes (UTF-8)"), Ok(Some(2_000)));
        assert_eq!(max("500~1,000자").map(|_| ()), Ok(()));
        assert_eq!(Limit::parse("500~1,000자").unwrap().min, Some(500));
        for (bad, why) in [
            ("-500자", "sign"),
            ("10^30자", "power"),
            ("1e30 chars", "power"),
            ("1.5k chars", "fraction"),
            ("1.5 chars", "fraction"),
            ("2k chars", "`k`"),
            ("문항 2: 500자 이내", "`2` is not followed"),
        ] {
            let err = Limit::parse(bad).unwrap_err();
            assert!(err.contains(why) && err.contains("a limit reads like"), "{bad}: {err}");
        }
    }

    #[derive(Deserialize)]
    struct Holder {
        limit: Limit,
    }

    #[test]
    fn tables_say_the_same_in_full() {
        let read = |s: &str| toml::from_str::<Holder>(s).map(|h| h.limit).map_err(|e| e.to_string());
        assert_eq!(read("limit = { chars = 1000, spaces = false }").unwrap(), chars(None, Some(1000), false));
        assert_eq!(read("limit = { min = 500, max = 1000 }").unwrap(), chars(Some(500), Some(1000), true));
        let euc = read("limit = { bytes = 2000, encoding = \"euc-kr\", line_break = 2 }").unwrap();
        assert_eq!((euc.unit, euc.max, euc.line_break), (Unit::Bytes(Encoding::EucKr), Some(2000), Some(2)));
        assert!(read("limit = 1000").unwrap_err().contains("say what the number counts"));
        assert!(read("limit = { chars = 10, bytes = 20 }").is_err());
        assert!(read("limit = { min = 10, max = 5 }").is_err());
        assert!(read("limit = { chars = 10, encoding = \"latin1\" }").unwrap_err().contains("euc-kr"));
        assert!(read("limit = { chras = 10 }").unwrap_err().contains("chras"));
        // The table form written back reads the same.
        for limit in [chars(Some(5), Some(9), false), euc] {
            let text = toml::to_string(&Holder2 { limit: limit.clone() }).unwrap();
            assert_eq!(read(&text).unwrap(), limit, "{text}");
        }
    }

    #[derive(Serialize)]
    struct Holder2 {
        limit: Limit,
    }

    #[test]
    fn verdicts_over_under_and_short() {
        let limit = chars(Some(3), Some(10), true);
        assert_eq!(limit.verdict("가나다라마바사아자차카"), Verdict::Over(1));
        assert_eq!(limit.verdict("가나"), Verdict::Under(1));
        assert_eq!(limit.verdict("가나다라"), Verdict::Short(6));
        assert_eq!(limit.verdict("가나다라마바사아"), Verdict::Fits(Some(2)));
        assert_eq!(limit.to_string(), "3 to 10 characters with spaces");
        assert_eq!(thousands(1234567), "1,234,567");
    }
}
