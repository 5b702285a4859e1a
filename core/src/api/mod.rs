//! The JSON door: every public function of the core, declared once, by name.
//!
//! Why: the rules reach five places (Python, the command line, Node, Kotlin and
//! Swift, and the local HTTP service), and each used to restate every function's
//! name, arguments and result. Here each function is one entry of a table: a
//! stable id (`mailbox.status`, the `call` of the shared vectors and the HTTP path
//! `/v1/mailbox/status`), the binding name (`mailbox_status`, `mailboxStatus`),
//! its parameters and result types, and a thin adapter that reads JSON arguments,
//! calls the rule and writes the result in the one JSON shape.
//!
//! - Python and Node call [`call`] through generated wrappers; their typed
//!   stubs, `index.d.ts`, the JSON Schema under `schema/` and `schema/api.json`
//!   are generated from this table (`make generate`, feature `schema`).
//! - The vector runners of every language dispatch through the table, so a new
//!   function needs no runner edit.
//! - Arguments are strict: an unknown argument name, a missing required one or a
//!   value of the wrong type is `input.invalid_argument` naming the argument.
//!
//! ```
//! use ntpc_policy::{Policy, api};
//! let out = api::call("identity.classify", &serde_json::json!({"value": "A123456789"}),
//!                     None, &Policy::default()).unwrap();
//! assert_eq!(out["masked"], "A12****789");
//! let err = api::call("identity.classify", &serde_json::json!({"valeu": "x"}),
//!                     None, &Policy::default()).unwrap_err();
//! assert_eq!(err.code().as_str(), "input.invalid_argument");
//! ```

mod args;
mod calendar;
mod identity;
mod password;
mod people;
mod secops;
mod small;

pub use args::{Bytes, Date, Instant};
pub(crate) use args::{deserialize_from_str, from_str_arg};

use crate::error::{PolicyError, Result};
use crate::policy::Policy;
use serde::Serialize;
use serde_json::{Map, Value};
use std::collections::HashMap;
use std::sync::LazyLock;

/// A schema function: the JSON Schema of one argument or result type.
#[cfg(feature = "schema")]
pub type SchemaFn = fn(&mut schemars::SchemaGenerator) -> schemars::Schema;

/// The schema of `T` as a generator's subschema (a `$ref` for named types).
#[cfg(feature = "schema")]
pub fn schema_of<T: schemars::JsonSchema>(g: &mut schemars::SchemaGenerator) -> schemars::Schema {
    g.subschema_for::<T>()
}

/// One parameter of a function.
#[derive(Debug)]
pub struct Param {
    /// Its name in every language (snake_case; camelCase in JS, Kotlin, Swift).
    pub name: &'static str,
    /// Its type. A type that accepts `null` is an optional parameter.
    #[cfg(feature = "schema")]
    pub schema: SchemaFn,
}

/// One public function of the core.
pub struct Function {
    /// The stable id: `module.function`.
    pub id: &'static str,
    /// The binding name in snake_case (`mailbox_status`).
    pub name: &'static str,
    /// Its documentation, one paragraph per line.
    pub doc: &'static str,
    /// Its parameters in order. A parameter named `data` holds file bytes.
    pub params: &'static [Param],
    /// It takes an optional `Policy` as its last argument.
    pub uses_policy: bool,
    /// A result that is a bare value (text, a number, a list) is wrapped as
    /// `{key: value}` by the JSON door of the vectors and the HTTP service.
    pub wrap: Option<&'static str>,
    /// Bindings implement this one natively for speed, with the same signature.
    pub fast: bool,
    /// The result type.
    #[cfg(feature = "schema")]
    pub returns: SchemaFn,
    run: fn(&Args<'_>) -> Result<Value>,
}

impl std::fmt::Debug for Function {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Function").field("id", &self.id).finish()
    }
}

impl Function {
    /// Runs the function on JSON arguments (`args` must be an object or null),
    /// the file bytes of a `data` parameter, and a policy.
    pub fn run(&self, args: &Value, data: Option<&[u8]>, policy: &Policy) -> Result<Value> {
        static EMPTY: LazyLock<Map<String, Value>> = LazyLock::new(Map::new);
        let values = match args {
            Value::Object(m) => m,
            Value::Null => &*EMPTY,
            _ => {
                return Err(PolicyError::invalid_bilingual(
                    "args",
                    "an object of named arguments",
                    "參數須為具名參數的物件",
                ));
            }
        };
        if let Some(unknown) = values
            .keys()
            .find(|k| !self.params.iter().any(|p| p.name == k.as_str()))
        {
            return Err(PolicyError::invalid_bilingual(
                unknown.as_str(),
                format!("{} takes no argument named {unknown:?}", self.id),
                format!("{} 沒有名為「{unknown}」的參數", self.id),
            ));
        }
        (self.run)(&Args {
            values,
            data,
            policy,
        })
    }
}

/// The arguments of one call, read by the adapters.
pub struct Args<'a> {
    values: &'a Map<String, Value>,
    data: Option<&'a [u8]>,
    policy: &'a Policy,
}

impl Args<'_> {
    /// An argument as its type; absent reads as `null` (an optional argument's
    /// `None`). A parameter named `data` takes the file bytes given beside the
    /// JSON arguments, when there are any.
    pub fn get<T: serde::de::DeserializeOwned>(&self, name: &str) -> Result<T> {
        if name == "data"
            && let Some(bytes) = self.data
        {
            let d = serde::de::value::BytesDeserializer::<serde::de::value::Error>::new(bytes);
            return T::deserialize(d).map_err(|e| PolicyError::invalid(name, e.to_string()));
        }
        let v = self.values.get(name).unwrap_or(&Value::Null);
        crate::records::take_raised();
        T::deserialize(v).map_err(|e| match v {
            // A text argument read by a core parser (a date, a style, a right)
            // fails with that parser's error and code.
            Value::String(_) => {
                crate::records::take_raised().unwrap_or_else(|| PolicyError::from_serde(name, &e))
            }
            // A record or list: input.invalid_argument naming it, with the
            // Chinese reason of an error met inside.
            _ => PolicyError::from_serde(name, &e),
        })
    }

    /// The policy of the call.
    pub fn policy(&self) -> &Policy {
        self.policy
    }
}

/// Whether a flag list names `flag` (const, for the table).
pub(crate) const fn has_flag(flags: &[&str], flag: &str) -> bool {
    let mut i = 0;
    while i < flags.len() {
        if const_eq(flags[i], flag) {
            return true;
        }
        i += 1;
    }
    false
}

const fn const_eq(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

/// The first of zero or one names (const, for the table).
pub(crate) const fn first(names: &[&'static str]) -> Option<&'static str> {
    match names {
        [] => None,
        [n, ..] => Some(n),
    }
}

/// A result in the one JSON shape.
pub(crate) fn to_json<T: Serialize>(value: &T) -> Result<Value> {
    serde_json::to_value(value).map_err(|e| PolicyError::Internal {
        reason: format!("result not serialisable: {e}"),
    })
}

/// Declares functions of the table:
///
/// ```text
/// functions! { ALL, policy;
///     /// Doc.
///     "module.id" => fn binding_name(param: Type, …) with [policy, fast] -> Result as "key" {
///         body
///     }
/// }
/// ```
///
/// The body evaluates to `Result<Result>` with the parameters bound to their
/// values and the header's name (`policy`) bound to the call's `&Policy`. The
/// flags: `policy` (the function takes an optional policy; always listed
/// first), `fast` (bindings implement it natively). `as "key"` names the
/// wrapper of a bare result. `= None` marks an optional parameter that Kotlin
/// and Swift may leave out.
///
/// With feature `uniffi`, each entry is also a `#[uniffi::export]` function of
/// the same name and parameters (module `ffi` beside the table, see
/// [`api_export`]), so Kotlin and Swift get every function from this one
/// declaration.
macro_rules! api_table {
    ($list:ident, $pol:ident; $(
        $(#[doc = $doc:literal])*
        $id:literal => fn $name:ident ( $($p:ident : $t:ty $(= $def:ident)?),* $(,)? )
            $(with [$($flag:ident),*])? -> $ret:ty $(as $wrap:literal)? $body:block
    )*) => {
        $(
            #[allow(non_upper_case_globals)]
            static $name: $crate::api::Function = $crate::api::Function {
                id: $id,
                name: stringify!($name),
                doc: concat!($($doc, "\n"),*),
                params: &[$($crate::api::Param {
                    name: stringify!($p),
                    #[cfg(feature = "schema")]
                    schema: $crate::api::schema_of::<$t>,
                }),*],
                uses_policy: $crate::api::has_flag(&[$($(stringify!($flag)),*)?], "policy"),
                fast: $crate::api::has_flag(&[$($(stringify!($flag)),*)?], "fast"),
                wrap: $crate::api::first(&[$($wrap)?]),
                #[cfg(feature = "schema")]
                returns: $crate::api::schema_of::<$ret>,
                run: |args| {
                    $(let $p: $t = args.get(stringify!($p))?;)*
                    #[allow(unused_variables)]
                    let $pol: &$crate::Policy = args.policy();
                    let out: $crate::Result<$ret> = $body;
                    $crate::api::to_json(&out?)
                },
            };
        )*
        pub(super) static $list: &[&$crate::api::Function] = &[$(&$name),*];

        /// The functions above as Kotlin and Swift exports.
        #[cfg(feature = "uniffi")]
        mod ffi {
            #[allow(unused_imports)]
            use super::*;
            $(
                $crate::api::api_export! {
                    [$($($flag)*)?] $pol;
                    $(#[doc = $doc])*
                    fn $name ( $($p : $t $(= $def)?),* ) -> $ret $body
                }
            )*
        }
    };
}
pub(crate) use api_table;

/// One entry of [`api_table`] as a `#[uniffi::export]` function: the same
/// parameters, then `policy: Option<Policy>` when the entry takes one, and the
/// core's error as the foreign `PolicyError`.
#[cfg(feature = "uniffi")]
macro_rules! api_export {
    ([policy $($flag:ident)*] $pol:ident;
        $(#[doc = $doc:literal])*
        fn $name:ident ( $($p:ident : $t:ty $(= $def:ident)?),* ) -> $ret:ty $body:block
    ) => {
        $(#[doc = $doc])*
        #[uniffi::export(default($($($p = $def,)?)* $pol = None))]
        #[allow(clippy::too_many_arguments)]
        pub fn $name(
            $($p: $t,)*
            $pol: Option<std::sync::Arc<$crate::Policy>>,
        ) -> Result<$ret, $crate::ffi::PolicyError> {
            let $pol: &$crate::Policy = $crate::ffi::or_default(&$pol);
            let out: $crate::Result<$ret> = $body;
            out.map_err(Into::into)
        }
    };
    ([$($flag:ident)*] $pol:ident;
        $(#[doc = $doc:literal])*
        fn $name:ident ( $($p:ident : $t:ty $(= $def:ident)?),* ) -> $ret:ty $body:block
    ) => {
        $(#[doc = $doc])*
        #[uniffi::export(default($($($p = $def,)?)*))]
        pub fn $name($($p: $t),*) -> Result<$ret, $crate::ffi::PolicyError> {
            let out: $crate::Result<$ret> = $body;
            out.map_err(Into::into)
        }
    };
}
#[cfg(feature = "uniffi")]
pub(crate) use api_export;

static ALL: LazyLock<Vec<&'static Function>> = LazyLock::new(|| {
    [
        calendar::ALL,
        identity::ALL,
        password::ALL,
        people::ALL,
        secops::ALL,
        small::ALL,
    ]
    .concat()
});

static BY_ID: LazyLock<HashMap<&'static str, &'static Function>> =
    LazyLock::new(|| ALL.iter().map(|f| (f.id, *f)).collect());

/// Every function, in the table's order.
pub fn functions() -> &'static [&'static Function] {
    &ALL
}

/// A function by its id (`mailbox.status`).
pub fn function(id: &str) -> Option<&'static Function> {
    BY_ID.get(id).copied()
}

/// Calls a function by id with JSON arguments; see [`Function::run`].
pub fn call(id: &str, args: &Value, data: Option<&[u8]>, policy: &Policy) -> Result<Value> {
    function(id)
        .ok_or_else(|| {
            PolicyError::invalid_bilingual(
                "call",
                format!("no function {id:?}"),
                format!("沒有名為「{id}」的函式"),
            )
        })?
        .run(args, data, policy)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_and_names_are_unique_and_well_formed() {
        let mut ids = std::collections::HashSet::new();
        let mut names = std::collections::HashSet::new();
        for f in functions() {
            assert!(ids.insert(f.id), "duplicate id {}", f.id);
            assert!(names.insert(f.name), "duplicate name {}", f.name);
            assert!(f.id.contains('.'), "{}", f.id);
            assert!(!f.doc.trim().is_empty(), "{} has no doc", f.id);
            for p in f.params {
                assert!(
                    p.name.bytes().all(|b| b.is_ascii_lowercase() || b == b'_'),
                    "{}",
                    p.name
                );
                assert_ne!(p.name, "policy", "{}: policy is implicit", f.id);
            }
        }
    }

    #[test]
    fn unknown_and_missing_arguments_are_named() {
        let p = Policy::default();
        let e = call("calendar.parse", &serde_json::json!({}), None, &p).unwrap_err();
        assert_eq!(e.params().get("field").unwrap().to_string(), "text");
        let e = call("calendar.parse", &serde_json::json!({"txt": "1"}), None, &p).unwrap_err();
        assert_eq!(e.params().get("field").unwrap().to_string(), "txt");
        let e = call("nope.nope", &Value::Null, None, &p).unwrap_err();
        assert_eq!(e.code().as_str(), "input.invalid_argument");
    }
}
