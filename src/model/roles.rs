//! The roles a person held at one company: one title for the whole
//! employment (`role = "Backend engineer"`), or successive titles with
//! their periods (`[[company.role]]`), so a promotion shows as two titles
//! under one employer rather than as two employers.

use std::fmt;

use schemars::JsonSchema;
use serde::de::{self, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize};

use super::text::TextVisitor;
use super::{Period, Text, YearMonth};

/// What `company.role` holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(untagged)]
pub enum Roles {
    /// One title for the whole employment, as a text.
    One(Text),
    /// Successive titles, each with its period, in any order.
    Many(Vec<Role>),
}

/// One title held for a while.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Role {
    /// A key of its own for its translations' message ids, kept through
    /// any edit (`company-ID-role-lead-title`); without one, the key
    /// follows the title's text, never its dates.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// The position (`Senior engineer`, `책임연구원`).
    pub title: Text,
    /// When it was held; without one, the title covers the whole
    /// employment.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<Period>,
    /// The team or department, for layouts that print it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub department: Option<Text>,
    /// 담당업무: what the role was, in a line, for the 이력서 form.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duties: Option<Text>,
}

impl Roles {
    /// Every role with its position in the list, newest first (a role
    /// without a period counts as the newest).
    pub fn newest_first(&self) -> Vec<(usize, &Role)> {
        match self {
            Roles::One(_) => Vec::new(),
            Roles::Many(roles) => {
                let far = YearMonth { year: 9999, month: 12, year_only: false };
                let mut sorted: Vec<(usize, &Role)> = roles.iter().enumerate().collect();
                sorted.sort_by_key(|(_, role)| {
                    std::cmp::Reverse(role.period.map_or((far, far), |p| (p.end.unwrap_or(far), p.start)))
                });
                sorted
            }
        }
    }

    /// The single title, when there is only one.
    pub fn single(&self) -> Option<&Text> {
        match self {
            Roles::One(text) => Some(text),
            Roles::Many(_) => None,
        }
    }
}

impl<'de> Deserialize<'de> for Roles {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Roles;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str(
                    r#"a title ("Engineer" or { ko = "…", en = "…" }), or a list of `[[company.role]]` tables with `title` and `period`"#,
                )
            }
            fn visit_str<E: de::Error>(self, value: &str) -> Result<Roles, E> {
                Ok(Roles::One(Text::Plain(value.to_string())))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Roles, A::Error> {
                TextVisitor.visit_map(map).map(Roles::One)
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Roles, A::Error> {
                let mut roles = Vec::new();
                while let Some(role) = seq.next_element::<Role>()? {
                    roles.push(role);
                }
                if roles.is_empty() {
                    return Err(de::Error::custom("this list of roles is empty; leave `role` out instead"));
                }
                Ok(Roles::Many(roles))
            }
        }
        deserializer.deserialize_any(V)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Deserialize)]
    struct Holder {
        role: Roles,
    }

    #[test]
    fn one_title_or_many() {
        let one: Holder = toml::from_str("role = 'Engineer'").unwrap();
        assert_eq!(one.role.single(), Some(&Text::Plain("Engineer".into())));
        let many: Holder = toml::from_str(
            "[[role]]\ntitle = 'Engineer'\nperiod = '2016-07..2019-12'\n[[role]]\ntitle = 'Lead'\nperiod = '2020-01..'\n",
        )
        .unwrap();
        let order: Vec<usize> = many.role.newest_first().into_iter().map(|(n, _)| n).collect();
        assert_eq!(order, [1, 0]);
    }

    #[test]
    fn unknown_role_keys_are_refused() {
        let error = toml::from_str::<Holder>("[[role]]\ntitel = 'x'\n").err().unwrap().to_string();
        assert!(error.contains("titel"), "{error}");
        assert!(toml::from_str::<Holder>("role = []").is_err());
    }
}
