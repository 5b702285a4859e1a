//! The one door of every function of the core's table.

use crate::convert::{camel_json, to_json};
use crate::errors::guard;
use crate::js_results::JsonText;
use crate::policy::{JsPolicy, policy};
use napi::bindgen_prelude::{Object, Uint8Array};
use napi::{Env, JsValue};
use napi_derive::napi;
use ntpc_policy::{PolicyError, api};

/// Calls a function of the core by id (`mailbox.status`) with an object of
/// arguments (camelCase or snake_case keys), an optional policy and the file
/// bytes of a `data` parameter. The typed functions `index.js` exports (from
/// the generated `gen/<family>.js`) call this; use them.
#[napi(ts_return_type = "unknown")]
pub fn call(
    env: Env,
    id: String,
    args: Object,
    policy: Option<&JsPolicy>,
    data: Option<Uint8Array>,
) -> napi::Result<JsonText> {
    guard(&env, || {
        let f = api::function(&id)
            .ok_or_else(|| PolicyError::invalid("id", format!("no function {id:?}")))?;
        let json = unsafe { to_json(env.raw(), args.raw(), "args", 0)? };
        let out = f.run(&json, data.as_deref(), self::policy(&policy))?;
        camel_json(&out).map(JsonText)
    })
}
