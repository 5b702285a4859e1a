//! Runs every shared vector file in `tests/vectors/*.json` against the core.
//!
//! The files are the single source of truth for behaviour: the Python, Node and
//! Kotlin runners execute the same cases. `expect` is compared as a *subset* of the
//! result's JSON (objects: every expected key must match; arrays: same length and
//! each element a subset; numbers compare numerically). A `call` this runner does
//! not know is a failure, so the runner can never fall behind the vectors.

mod account;
mod audit;
mod calendar;
mod drill;
mod identity;
mod import;
mod incident;
mod mailbox;
mod network;
mod parent;
mod password;
mod permission;
mod support;
mod training;

use ntpc_policy::PolicyError;
use serde_json::Value;
use support::{Args, subset_mismatch};

/// Routes a vector's `call` to the rule module that owns it.
fn dispatch(call: &str, args: &Args) -> Result<Value, PolicyError> {
    let (module, _) = call.split_once('.').unwrap_or((call, ""));
    match module {
        "policy" => support::policy_call(call, args),
        "calendar" => calendar::call(call, args),
        "account" => account::call(call, args),
        "identity" => identity::call(call, args),
        "network" => network::call(call, args),
        "training" => training::call(call, args),
        "password" => password::call(call, args),
        "mailbox" => mailbox::call(call, args),
        "parent" => parent::call(call, args),
        "permission" => permission::call(call, args),
        "import" => import::call(call, args),
        "incident" => incident::call(call, args),
        "drill" => drill::call(call, args),
        "audit" => audit::call(call, args),
        _ => Err(PolicyError::invalid(
            "call",
            format!("unknown call {call:?}"),
        )),
    }
}

#[test]
fn shared_vectors() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/vectors");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/vectors exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    let (mut passed, mut failures) = (0usize, Vec::new());
    let mut errors = Vec::new();
    for file in &files {
        let text = std::fs::read_to_string(file).expect("readable vector file");
        let doc: Value = serde_json::from_str(&text)
            .unwrap_or_else(|e| panic!("{}: invalid JSON: {e}", file.display()));
        let cases = doc["cases"].as_array().expect("a \"cases\" array");
        for case in cases {
            let name = case["name"].as_str().unwrap_or("?");
            let call = case["call"].as_str().unwrap_or("?");
            let args = Args::new(case.get("args").cloned().unwrap_or(Value::Null));
            let label = format!(
                "{}: {name} ({call})",
                file.file_name().unwrap().to_string_lossy()
            );
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
                (Ok(Ok(got)), None, Some(code)) => {
                    Some(format!("expected error {code}, got {got}"))
                }
                (Ok(Err(e)), Some(_), None) => Some(format!("unexpected error {}: {e}", e.code())),
                _ => Some("a case needs exactly one of \"expect\" and \"error\"".into()),
            };
            match problem {
                None => passed += 1,
                Some(p) => failures.push(format!("{label}: {p}")),
            }
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
