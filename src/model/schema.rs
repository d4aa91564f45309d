//! The JSON Schema of `resume.toml`, generated from the model's types so it
//! cannot drift from what the parser accepts. Editors that read a
//! `#:schema` line (Taplo and the TOML extensions built on it) complete and
//! check fields with it.
//!
//! Most types derive their schema; the few with hand-written deserializers
//! (texts and their short forms, periods) describe their forms here.

use std::borrow::Cow;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};

use super::{Bullet, Fact, Period, Resume, Text, YearMonth};

/// The schema, pretty-printed, as `resume schema` prints it and
/// `examples/init/resume.schema.json` ships it.
pub fn schema() -> String {
    let schema = schemars::schema_for!(Resume);
    serde_json::to_string_pretty(&schema).expect("schemas serialize") + "\n"
}

impl JsonSchema for Text {
    fn schema_name() -> Cow<'static, str> {
        "Text".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "A text: one string for every language, or a table of languages such as { ko = \"…\", en = \"…\" }.",
            "anyOf": [
                { "type": "string" },
                {
                    "type": "object",
                    "propertyNames": { "pattern": "^[a-z]{2,3}(-[A-Za-z0-9]{2,4})*$" },
                    "additionalProperties": { "type": "string" },
                    "minProperties": 1
                }
            ]
        })
    }
}

impl JsonSchema for crate::letters::Limit {
    fn schema_name() -> Cow<'static, str> {
        "Limit".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "A length limit as the portal states it (\"1,000자 이내\", \"500자 이상 1,000자 이내\", \"2000 bytes\"), or a table.",
            "anyOf": [
                { "type": "string" },
                {
                    "type": "object",
                    "additionalProperties": false,
                    "properties": {
                        "chars": { "type": "integer", "minimum": 1 },
                        "bytes": { "type": "integer", "minimum": 1 },
                        "min": { "type": "integer", "minimum": 0 },
                        "max": { "type": "integer", "minimum": 1 },
                        "spaces": { "type": "boolean" },
                        "encoding": { "enum": ["utf-8", "euc-kr", "neis"] },
                        "line_break": { "type": "integer", "minimum": 0, "maximum": 4 }
                    }
                }
            ]
        })
    }
}

impl JsonSchema for Fact {
    fn schema_name() -> Cow<'static, str> {
        "Fact".into()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let text = generator.subschema_for::<Text>();
        let detail = generator.subschema_for::<super::Detail>();
        json_schema!({
            "description": "A stack fact: a list of names, a text, or a table with `value` and labelled `details`.",
            "anyOf": [
                { "type": "array", "items": { "type": "string" } },
                text,
                {
                    "type": "object",
                    "additionalProperties": false,
                    "properties": {
                        "value": { "anyOf": [{ "type": "array", "items": { "type": "string" } }, text] },
                        "details": { "type": "array", "items": detail }
                    }
                }
            ]
        })
    }
}

impl JsonSchema for Bullet {
    fn schema_name() -> Cow<'static, str> {
        "Bullet".into()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let text = generator.subschema_for::<Text>();
        let bullet = generator.subschema_for::<Bullet>();
        json_schema!({
            "description": "A bullet: a text, or a table with `text`, `link`, nested `items`, `tags` and an `id` that keeps its translations.",
            "anyOf": [
                text,
                {
                    "type": "object",
                    "additionalProperties": false,
                    "properties": {
                        "text": text,
                        "link": { "type": "string", "description": "A web address, printed without its scheme." },
                        "items": { "type": "array", "items": bullet },
                        "tags": { "type": "array", "items": { "type": "string" } },
                        "id": { "type": "string", "description": "Kebab-case; its message id part, kept through edits of its text." }
                    }
                }
            ]
        })
    }
}

impl JsonSchema for Period {
    fn schema_name() -> Cow<'static, str> {
        "Period".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "A period: `2016-07..2022-03`, or `2022-04..` while ongoing (`201607~202203` and `202204~` work too); a year alone stays a year (`2019..2023`).",
            "type": "string",
            "pattern": "^\\s*\\d{4}([-./]?\\d{1,2})?\\s*(\\.\\.|~)\\s*(\\d{4}([-./]?\\d{1,2})?)?\\s*$"
        })
    }
}

impl JsonSchema for YearMonth {
    fn schema_name() -> Cow<'static, str> {
        "YearMonth".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "A month: `2019-12` (a day, `2019-12-01`, is accepted and ignored), or a year alone (`2019`), printed as a year.",
            "type": "string",
            "pattern": "^\\d{4}([-./]?\\d{1,2}([-./]?\\d{1,2})?)?$"
        })
    }
}
