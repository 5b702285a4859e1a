//! JSON Schema of the types whose JSON is written by hand (feature `schema`).
//!
//! Most result and record types derive `schemars::JsonSchema` next to their
//! `Serialize`; the few that serialise through a hand-written impl (computed
//! messages, a packed ID number, a date read in any calendar style) are described
//! here, beside each other, so the contract under `schema/` matches their JSON.

use crate::audit::CvssVersion;
use crate::calendar::ParsedDate;
use crate::codes::Code;
use crate::error::PolicyError;
use crate::finding::{Finding, Params};
use crate::identity::IdInfo;
use crate::import::RowError;
use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use std::borrow::Cow;

/// A date field of an input record: written back as an ISO date, read in any
/// calendar style (`#[schemars(with = "crate::schema::AnyDate")]`).
pub struct AnyDate;

impl JsonSchema for AnyDate {
    fn schema_name() -> Cow<'static, str> {
        "DateLike".into()
    }
    fn json_schema(g: &mut SchemaGenerator) -> Schema {
        crate::api::Date::json_schema(g)
    }
}

impl JsonSchema for Code {
    fn schema_name() -> Cow<'static, str> {
        "Code".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        let codes: Vec<&str> = Code::ALL.iter().map(|c| c.as_str()).collect();
        json_schema!({
            "type": "string",
            "description": "A stable code of the code table (`module.snake_case`).",
            "enum": codes
        })
    }
}

impl JsonSchema for Params {
    fn schema_name() -> Cow<'static, str> {
        "Params".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "object",
            "description": "The figures behind a message, by name (keys are kept as written in every language).",
            "additionalProperties": {"type": ["string", "number", "boolean"]},
            "x-ntpc-kind": "params"
        })
    }
}

/// The shared part of a finding's and an error's JSON.
fn explained(g: &mut SchemaGenerator, code: Schema) -> serde_json::Map<String, serde_json::Value> {
    let mut props = serde_json::Map::new();
    props.insert("code".into(), code.into());
    props.insert("params".into(), g.subschema_for::<Params>().into());
    props.insert(
        "message_zh".into(),
        json_schema!({"type": "string", "description": "Traditional Chinese message."}).into(),
    );
    props.insert(
        "message_en".into(),
        json_schema!({"type": "string", "description": "English message."}).into(),
    );
    props
}

impl JsonSchema for Finding {
    fn schema_name() -> Cow<'static, str> {
        "Finding".into()
    }
    fn json_schema(g: &mut SchemaGenerator) -> Schema {
        let code = g.subschema_for::<Code>();
        let mut props = explained(g, code);
        props.insert(
            "severity".into(),
            g.subschema_for::<crate::finding::Severity>().into(),
        );
        json_schema!({
            "type": "object",
            "description": "One explained outcome of a rule: a stable code, its severity, the figures it used and both messages.",
            "properties": props,
            "required": ["code", "severity", "params", "message_zh", "message_en"],
            "additionalProperties": false
        })
    }
}

impl JsonSchema for PolicyError {
    fn schema_name() -> Cow<'static, str> {
        "ErrorInfo".into()
    }
    fn json_schema(g: &mut SchemaGenerator) -> Schema {
        let code = g.subschema_for::<Code>();
        let props = explained(g, code);
        json_schema!({
            "type": "object",
            "description": "Input that could not be evaluated: a stable error code, its figures and both messages.",
            "properties": props,
            "required": ["code", "params", "message_zh", "message_en"],
            "additionalProperties": false
        })
    }
}

impl JsonSchema for RowError {
    fn schema_name() -> Cow<'static, str> {
        "ImportError".into()
    }
    fn json_schema(g: &mut SchemaGenerator) -> Schema {
        let code = g.subschema_for::<Code>();
        let mut props = explained(g, code);
        let pos = |d: &str| json_schema!({"type": "integer", "minimum": 1, "description": d});
        let text = |d: &str| json_schema!({"type": ["string", "null"], "description": d});
        props.insert(
            "line".into(),
            pos("Line (1-based) the row starts on.").into(),
        );
        props.insert(
            "column".into(),
            json_schema!({"type": ["integer", "null"], "minimum": 1, "description": "Column (1-based) of the bad cell, when one cell is to blame."}).into(),
        );
        props.insert(
            "header".into(),
            text("That column's header as written.").into(),
        );
        props.insert(
            "field".into(),
            text("The record field of that column.").into(),
        );
        json_schema!({
            "type": "object",
            "description": "A row of a file that could not be read, with its position.",
            "properties": props,
            "required": ["line", "column", "header", "field", "code", "params", "message_zh", "message_en"],
            "additionalProperties": false
        })
    }
}

impl JsonSchema for ParsedDate {
    fn schema_name() -> Cow<'static, str> {
        "ParsedDate".into()
    }
    fn json_schema(g: &mut SchemaGenerator) -> Schema {
        let style = g.subschema_for::<crate::calendar::DateStyle>();
        json_schema!({
            "type": "object",
            "description": "A date read from text, with the style it was written in.",
            "properties": {
                "date": {"type": "string", "format": "date", "description": "The calendar date (ISO)."},
                "time": {"type": ["string", "null"], "description": "The time of day (`HH:MM` or `HH:MM:SS`), when the text had one."},
                "style": style,
                "roc_year": {"type": "integer", "description": "The ROC year (民國年) of the date."},
                "datetime": {"type": "string", "format": "date-time", "description": "The moment it names in Asia/Taipei (midnight when no time was given)."}
            },
            "required": ["date", "time", "style", "roc_year", "datetime"],
            "additionalProperties": false
        })
    }
}

impl JsonSchema for IdInfo {
    fn schema_name() -> Cow<'static, str> {
        "IdInfo".into()
    }
    fn json_schema(g: &mut SchemaGenerator) -> Schema {
        let kind = g.subschema_for::<crate::identity::IdKind>();
        let gender = g.subschema_for::<Option<crate::identity::Gender>>();
        let area = g.subschema_for::<Option<crate::identity::Area>>();
        let category = g.subschema_for::<Option<crate::identity::NewCertCategory>>();
        json_schema!({
            "type": "object",
            "description": "What a value is as an ID number; the number itself appears only masked.",
            "properties": {
                "kind": kind,
                "format_valid": {"type": "boolean", "description": "Letter, one of 1 2 A B C D 8 9, and eight digits, after normalising."},
                "checksum_valid": {"type": "boolean", "description": "The check digit matches (a real person's number is likely exposed)."},
                "gender": gender,
                "area": area,
                "category": category,
                "masked": {"type": ["string", "null"], "description": "The number with characters 4–7 hidden, or null when it is not one."}
            },
            "required": ["kind", "format_valid", "checksum_valid", "gender", "area", "category", "masked"],
            "additionalProperties": false
        })
    }
}

impl JsonSchema for CvssVersion {
    fn schema_name() -> Cow<'static, str> {
        "CvssVersion".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "enum": ["v2", "v3", "v4"],
            "description": "A CVSS version; as input also as scanners write it (`3.1`, `CVSS:3.1/…`)."
        })
    }
}

/// Adds the Chinese words an enum also accepts on input (在職, 轉學空窗, …) to
/// its schema, beside the stable names.
fn add_aliases<'a>(schema: &mut Schema, aliases: impl Iterator<Item = (&'a str, &'a str)>) {
    if let Some(variants) = schema.get_mut("oneOf").and_then(|v| v.as_array_mut()) {
        for (name, zh) in aliases {
            variants.push(serde_json::json!({
                "const": zh,
                "type": "string",
                "description": format!("The Chinese word for `{name}` (input only)."),
            }));
        }
    }
}

/// Schema transform of `PersonStatus`: its Chinese words.
pub fn person_status_aliases(schema: &mut Schema) {
    use crate::account::PersonStatus;
    add_aliases(
        schema,
        PersonStatus::ALL
            .iter()
            .map(|s| (s.as_str(), s.as_zh()))
            .chain([("substitute", "代理教師"), ("temporary", "代課教師")]),
    );
}

/// Schema transform of `StaffStatus`: its Chinese words.
pub fn staff_status_aliases(schema: &mut Schema) {
    use crate::mailbox::StaffStatus;
    add_aliases(
        schema,
        StaffStatus::ALL.iter().map(|s| (s.as_str(), s.as_zh())),
    );
}

/// Schema transform of `Right`: the seed's words for it (管理權, 編輯權, …).
pub fn right_aliases(schema: &mut Schema) {
    add_aliases(
        schema,
        [
            ("manage", "管理權"),
            ("manage", "管理"),
            ("edit", "編輯權"),
            ("edit", "編輯"),
        ]
        .into_iter(),
    );
}

impl JsonSchema for crate::calendar::OfficeCalendar {
    fn schema_name() -> Cow<'static, str> {
        "OfficeCalendar".into()
    }
    fn json_schema(g: &mut SchemaGenerator) -> Schema {
        let year = g.subschema_for::<crate::calendar::OfficeYear>();
        json_schema!({
            "type": "object",
            "description": "The government office calendar by year (`\"2026\": {holidays, workdays}`): the exceptions to a Monday–Friday office week.",
            "additionalProperties": year
        })
    }
}
