//! What a Korean 이력서 form asks beyond the résumé: the person's details
//! (birth date, address, name in Hanja), language tests, military service
//! and awards. Every field is optional. Most are private, so only the
//! documents that conventionally carry them print them (see
//! [`crate::view::PrivateView`]).

use std::fmt;

use schemars::JsonSchema;
use serde::de::{self, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::{Period, Text, YearMonth};

/// A calendar day (`1990-03-14`), for a birth date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Day {
    /// The month.
    pub month: YearMonth,
    /// 1 to 31, as the month allows.
    pub day: u8,
}

impl Day {
    /// Reads `YYYY-MM-DD`.
    pub fn parse(text: &str) -> Option<Self> {
        let (month, day) = text.trim().rsplit_once('-')?;
        let month = YearMonth::parse(month).filter(|m| !m.year_only)?;
        let day: u8 = day.parse().ok()?;
        let leap = month.year % 4 == 0 && (month.year % 100 != 0 || month.year % 400 == 0);
        let days = match month.month {
            2 if leap => 29,
            2 => 28,
            4 | 6 | 9 | 11 => 30,
            _ => 31,
        };
        (1..=days).contains(&day).then_some(Day { month, day })
    }
}

impl fmt::Display for Day {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-{:02}", self.month, self.day)
    }
}

impl<'de> Deserialize<'de> for Day {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = Day;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a date such as \"1990-03-14\"")
            }
            fn visit_str<E: de::Error>(self, value: &str) -> Result<Day, E> {
                Day::parse(value)
                    .ok_or_else(|| E::custom(format!("`{value}` is not a date; write it as \"1990-03-14\"")))
            }
        }
        deserializer.deserialize_str(V)
    }
}

impl Serialize for Day {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.to_string())
    }
}

impl JsonSchema for Day {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Day".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({ "type": "string", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$", "description": "A date, YYYY-MM-DD." })
    }
}

/// Where a degree stands, as the 이력서 form's 구분 column asks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Standing {
    /// 졸업.
    #[serde(alias = "졸업")]
    Graduated,
    /// 수료: the course completed without the degree.
    #[serde(alias = "수료")]
    Completed,
    /// 중퇴.
    #[serde(alias = "중퇴")]
    Withdrew,
    /// 재학.
    #[serde(alias = "재학")]
    Enrolled,
}

impl Standing {
    /// Its message id (`standing-graduated`).
    pub fn message_id(self) -> &'static str {
        match self {
            Standing::Graduated => "standing-graduated",
            Standing::Completed => "standing-completed",
            Standing::Withdrew => "standing-withdrew",
            Standing::Enrolled => "standing-enrolled",
        }
    }
}

/// A language test (`TOEIC 900`, `OPIc IH`, `JLPT N1`).
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LanguageTest {
    /// The test.
    pub test: String,
    /// The score or level, as the certificate writes it; per language where
    /// it reads differently (`{ ko = "TOPIK 4급", en = "TOPIK Level 4" }`).
    pub score: Text,
    /// When it was taken.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<YearMonth>,
    /// Who runs it (`ETS`, `YBM`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issuer: Option<Text>,
}

/// Where the applicant stands with military service.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum MilitaryStatus {
    /// 군필: served (the branch, rank, period and specialty say how).
    #[default]
    #[serde(alias = "군필")]
    Served,
    /// 면제: exempted (`exemption` says why).
    #[serde(alias = "면제")]
    Exempt,
    /// 미필: not yet served (`exemption` may say why, such as 입영 대기).
    #[serde(alias = "미필")]
    NotServed,
    /// 복무중: serving now (the branch, rank and period say how).
    #[serde(alias = "복무중")]
    Serving,
    /// 비대상: the duty does not apply (a foreign national, say): the form
    /// leaves its 병역사항 table out.
    #[serde(alias = "비대상", alias = "해당 없음")]
    NotApplicable,
}

/// Military service, or why there was none (병역사항).
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Military {
    /// Served, exempt, or not applicable (`not-applicable` leaves the
    /// form's table out).
    #[serde(default)]
    pub status: MilitaryStatus,
    /// 군별: the branch (`육군`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub branch: Option<Text>,
    /// 계급: the rank at discharge (`병장`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rank: Option<Text>,
    /// 복무기간.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<Period>,
    /// 병과: the specialty (`통신`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub specialty: Option<Text>,
    /// 면제 사유 (or why not yet served), instead of the above.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exemption: Option<Text>,
}

/// An award or activity (수상·활동).
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Award {
    /// What it was.
    pub name: Text,
    /// Who gave it or ran it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issuer: Option<Text>,
    /// When.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<YearMonth>,
    /// A line on what it was for, printed under it on a résumé (JSON
    /// Resume's award summary).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<Text>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_are_checked_against_their_month() {
        assert_eq!(Day::parse("1990-03-14").unwrap().to_string(), "1990-03-14");
        assert!(Day::parse("2023-02-29").is_none());
        assert!(Day::parse("2024-02-29").is_some());
        assert!(Day::parse("1990-13-01").is_none());
        assert!(Day::parse("1990-03").is_none());
    }
}
