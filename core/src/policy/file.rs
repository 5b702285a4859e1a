//! Reading a policy file: a partial JSON document merged over an edition, with
//! unknown and repeated keys refused at any depth, and writing one back.

use super::*;

impl Policy {
    /// Reads a policy from JSON: the keys given override the edition named by
    /// `"edition"` (default: the one in force); unknown keys are an error.
    pub fn from_json(text: &str) -> Result<Policy> {
        let limits = Policy::default().limits;
        if text.len() as u64 > limits.policy_json_max_bytes {
            return Err(PolicyError::InputTooLarge {
                field: "policy JSON".into(),
                limit: limits.policy_json_max_bytes,
                actual: text.len() as u64,
            });
        }
        // Nesting is checked on the raw text before parsing, so a deeply nested
        // document cannot exhaust the stack.
        let depth = max_nesting(text);
        if depth > limits.policy_json_max_depth as usize {
            return Err(PolicyError::InputTooLarge {
                field: "policy JSON nesting".into(),
                limit: limits.policy_json_max_depth.into(),
                actual: depth as u64,
            });
        }
        // Parsed through `Unique`, which refuses a key repeated in one object
        // (serde_json's `Value` would keep the last one silently; issue 14 §5).
        let given: Value = serde_json::from_str::<Unique>(text)
            .map_err(|e| {
                let msg = e.to_string();
                match msg.strip_prefix(DUPLICATE_KEY) {
                    Some(rest) => {
                        let key = rest.rsplit_once(" at line ").map_or(rest, |(k, _)| k);
                        PolicyError::policy_file(
                            format!("the key {key} is given twice in one object"),
                            format!("同一個物件中的設定鍵 {key} 重複出現"),
                        )
                    }
                    None => {
                        PolicyError::policy_file(msg.clone(), format!("不是有效的 JSON：「{msg}」"))
                    }
                }
            })?
            .0;
        let Value::Object(ref map) = given else {
            return Err(PolicyError::policy_file(
                "the document must be a JSON object",
                "文件必須是 JSON 物件",
            ));
        };
        let edition = match map.get("edition") {
            None => CURRENT_EDITION,
            Some(Value::String(s)) => s.as_str(),
            Some(_) => {
                return Err(PolicyError::policy_file(
                    "\"edition\" must be a string",
                    "「edition」必須是字串",
                ));
            }
        };
        let base = Policy::edition(edition)?;
        let mut merged = serde_json::to_value(&base).map_err(internal)?;
        merge(&mut merged, given, "")?;
        let policy: Policy = serde_json::from_value(merged).map_err(|e| {
            PolicyError::policy_file(e.to_string(), format!("設定值的型別或格式不正確：「{e}」"))
        })?;
        policy.validate()?;
        Ok(policy)
    }

    /// Writes the whole policy as pretty JSON.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}

fn internal(e: impl std::fmt::Display) -> PolicyError {
    // A bug report: its diagnostic stays in English (see `crate::error`).
    PolicyError::Internal {
        reason: e.to_string(),
    }
}

/// Objects of a policy whose keys a policy file may add to, and whose entries it
/// replaces whole: the office calendar, keyed by year (a later year is added
/// without repeating the shipped ones; the shape of each entry is still checked).
const OPEN_OBJECTS: &[&str] = &["calendar.office_days", "schedule.years"];

/// Deep-merges `over` into `base`. Objects merge key by key; a key the base does
/// not have is an unknown key, reported with its path (except in [`OPEN_OBJECTS`]).
fn merge(base: &mut Value, over: Value, path: &str) -> Result<()> {
    match (base, over) {
        (Value::Object(b), Value::Object(o)) => {
            let open = OPEN_OBJECTS.contains(&path);
            for (k, v) in o {
                if open {
                    b.insert(k, v);
                    continue;
                }
                let here = if path.is_empty() {
                    k.clone()
                } else {
                    format!("{path}.{k}")
                };
                match b.get_mut(&k) {
                    Some(slot) => merge(slot, v, &here)?,
                    None => {
                        return Err(PolicyError::policy_file(
                            format!("unknown key \"{here}\""),
                            format!("未知的設定鍵「{here}」"),
                        ));
                    }
                }
            }
            Ok(())
        }
        (slot, v) => {
            *slot = v;
            Ok(())
        }
    }
}
/// The start of the message of a repeated key (see [`Unique`]).
const DUPLICATE_KEY: &str = "duplicate key ";

/// A JSON value read with a check serde_json's `Value` does not make: a key may
/// appear once per object, at any depth. Depth is bounded before parsing
/// ([`max_nesting`]), so the recursion is too.
struct Unique(Value);

impl<'de> serde::Deserialize<'de> for Unique {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        d.deserialize_any(UniqueVisitor).map(Unique)
    }
}

struct UniqueVisitor;

impl<'de> serde::de::Visitor<'de> for UniqueVisitor {
    type Value = Value;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a JSON value")
    }
    fn visit_bool<E>(self, v: bool) -> std::result::Result<Value, E> {
        Ok(Value::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> std::result::Result<Value, E> {
        Ok(Value::from(v))
    }
    fn visit_u64<E>(self, v: u64) -> std::result::Result<Value, E> {
        Ok(Value::from(v))
    }
    fn visit_f64<E>(self, v: f64) -> std::result::Result<Value, E> {
        Ok(serde_json::Number::from_f64(v).map_or(Value::Null, Value::Number))
    }
    fn visit_str<E>(self, v: &str) -> std::result::Result<Value, E> {
        Ok(Value::String(v.to_owned()))
    }
    fn visit_string<E>(self, v: String) -> std::result::Result<Value, E> {
        Ok(Value::String(v))
    }
    fn visit_unit<E>(self) -> std::result::Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_none<E>(self) -> std::result::Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_some<D: serde::Deserializer<'de>>(self, d: D) -> std::result::Result<Value, D::Error> {
        d.deserialize_any(self)
    }
    fn visit_seq<A: serde::de::SeqAccess<'de>>(
        self,
        mut seq: A,
    ) -> std::result::Result<Value, A::Error> {
        let mut items = Vec::new();
        while let Some(Unique(v)) = seq.next_element()? {
            items.push(v);
        }
        Ok(Value::Array(items))
    }
    fn visit_map<A: serde::de::MapAccess<'de>>(
        self,
        mut map: A,
    ) -> std::result::Result<Value, A::Error> {
        let mut out = serde_json::Map::new();
        while let Some(key) = map.next_key::<String>()? {
            if out.contains_key(&key) {
                let shown = crate::calendar::clip(&key);
                return Err(serde::de::Error::custom(format!(
                    "{DUPLICATE_KEY}{shown:?}"
                )));
            }
            let Unique(v) = map.next_value()?;
            out.insert(key, v);
        }
        Ok(Value::Object(out))
    }
}

/// The deepest nesting of `[`/`{` in a JSON text, ignoring string contents.
fn max_nesting(text: &str) -> usize {
    let (mut depth, mut max, mut in_str, mut escaped) = (0usize, 0usize, false, false);
    for b in text.bytes() {
        if in_str {
            match (escaped, b) {
                (true, _) => escaped = false,
                (false, b'\\') => escaped = true,
                (false, b'"') => in_str = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_str = true,
            b'[' | b'{' => {
                depth += 1;
                max = max.max(depth);
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    max
}
