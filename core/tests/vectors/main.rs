//! Runs every shared vector file in `tests/vectors/*.json` against the core,
//! through the core's function table (`ntpc_policy::api`), the same table every
//! binding's runner dispatches through.
//!
//! The files are the single source of truth for behaviour: the Python, Node and
//! Kotlin runners execute the same cases. `expect` is compared as a *subset* of the
//! result's JSON (objects: every expected key must match; arrays: same length and
//! each element a subset; numbers compare numerically). A `call` the table does
//! not know is a failure, so no runner can fall behind the vectors.

mod support;

use ntpc_policy::{Policy, PolicyError, api};
use serde_json::{Map, Value, json};
use support::subset_mismatch;

/// Runs one case: `policy.*` calls are the `Policy` type's own constructors;
/// every other call goes through the table. The file bytes of a `data` parameter
/// come as `data` (text, its UTF-8 bytes) or `data_hex`; a bare result is wrapped
/// as the table says (`{"text": …}`).
fn dispatch(call: &str, args: &Value) -> Result<Value, PolicyError> {
    let mut args: Map<String, Value> = args.as_object().cloned().unwrap_or_default();
    let text = |args: &Map<String, Value>, k: &str| -> Result<String, PolicyError> {
        args.get(k)
            .and_then(Value::as_str)
            .map(str::to_owned)
            .ok_or_else(|| PolicyError::invalid(k, "a string is required"))
    };
    match call {
        "policy.load" => return support::json(&Policy::from_json(&text(&args, "json")?)?),
        "policy.edition" => return support::json(&Policy::edition(&text(&args, "name")?)?),
        _ => {}
    }
    let policy = match args.remove("policy") {
        None | Some(Value::Null) => Policy::default(),
        Some(doc) => Policy::from_json(&doc.to_string())?,
    };
    let data = match args.remove("data_hex") {
        Some(hex) => Some(support::hex(hex.as_str().unwrap_or_default())?),
        None => None,
    };
    let f = api::function(call)
        .ok_or_else(|| PolicyError::invalid("call", format!("unknown call {call:?}")))?;
    let out = f.run(&Value::Object(args), data.as_deref(), &policy)?;
    Ok(match f.wrap {
        Some(key) => json!({ key: out }),
        None => out,
    })
}

#[test]
fn every_call_of_the_vectors_is_in_the_table() {
    let mut missing = Vec::new();
    for case in support::all_cases() {
        let call = case["call"].as_str().unwrap_or("?").to_owned();
        if !call.starts_with("policy.") && api::function(&call).is_none() {
            missing.push(call);
        }
    }
    missing.dedup();
    assert!(missing.is_empty(), "calls not in the table: {missing:?}");
}

#[test]
fn shared_vectors() {
    let (mut passed, mut failures) = (0usize, Vec::new());
    let mut errors = Vec::new();
    for case in support::all_cases() {
        let name = case["name"].as_str().unwrap_or("?");
        let call = case["call"].as_str().unwrap_or("?");
        let args = case.get("args").cloned().unwrap_or(Value::Null);
        let label = format!("{}: {name} ({call})", case["file"].as_str().unwrap_or("?"));
        let outcome = std::panic::catch_unwind(|| dispatch(call, &args));
        if let Ok(Err(e)) = &outcome {
            errors.push((label.clone(), e.clone()));
        }
        let problem = match (outcome, case.get("expect"), case.get("error")) {
            (Err(_), _, _) => Some("panicked".to_string()),
            (Ok(Ok(got)), Some(want), None) => {
                subset_mismatch(want, &got, "$").map(|m| format!("{m}\n   got: {got}"))
            }
            (Ok(Err(e)), None, Some(Value::String(code))) => (e.code().as_str() != code)
                .then(|| format!("expected error {code}, got error {} ({e})", e.code())),
            (Ok(Ok(got)), None, Some(code)) => Some(format!("expected error {code}, got {got}")),
            (Ok(Err(e)), Some(_), None) => Some(format!("unexpected error {}: {e}", e.code())),
            _ => Some("a case needs exactly one of \"expect\" and \"error\"".into()),
        };
        match problem {
            None => passed += 1,
            Some(p) => failures.push(format!("{label}: {p}")),
        }
    }
    for f in &failures {
        eprintln!("FAIL {f}");
    }
    eprintln!("vectors: {passed} passed, {} failed", failures.len());
    support::no_english_in_zh(&errors);
    assert!(
        failures.is_empty(),
        "{} vector cases failed",
        failures.len()
    );
    assert!(passed > 0, "no vector cases ran");
}
