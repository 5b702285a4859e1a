//! The one table of every stable code: findings (rule outcomes) and errors (bad input).
//!
//! RULES §0 requires every code to be identical in every binding and to carry a
//! message in Traditional Chinese and in English; keeping them in a single table
//! makes that a compile-time fact rather than a convention. A message is a
//! template whose `{name}` placeholders are filled from the finding's parameters.
//!
//! Codes are `module.snake_case` and never change once published; a new rule adds
//! rows, it never renames one.

use serde::{Deserialize, Serialize};

/// What a code describes: a rule outcome of some severity, or an error.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
pub enum CodeKind {
    /// Breaks a rule: the input must change.
    Violation,
    /// Allowed, but risky or likely to cause trouble downstream.
    Warning,
    /// A fact worth showing.
    Info,
    /// The input could not be evaluated at all (a [`crate::PolicyError`]).
    Error,
}

macro_rules! codes {
    ($( $(#[$doc:meta])* $variant:ident = $code:literal, $kind:ident, $zh:literal, $en:literal; )*) => {
        /// Every stable code of the crate. See the module docs.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Code {
            $( $(#[$doc])* $variant, )*
        }

        impl Code {
            /// Every code, in table order.
            pub const ALL: &'static [Code] = &[$(Code::$variant),*];

            /// The stable string form, e.g. `password.too_short`.
            pub const fn as_str(self) -> &'static str {
                match self { $(Code::$variant => $code,)* }
            }

            /// Whether this is a violation, warning, info or error code.
            pub const fn kind(self) -> CodeKind {
                match self { $(Code::$variant => CodeKind::$kind,)* }
            }

            /// The Traditional Chinese message template.
            pub const fn template_zh(self) -> &'static str {
                match self { $(Code::$variant => $zh,)* }
            }

            /// The English message template.
            pub const fn template_en(self) -> &'static str {
                match self { $(Code::$variant => $en,)* }
            }
        }
    };
}

mod table;
pub use table::Code;

impl Code {
    /// Looks a code up by its stable string form.
    pub fn from_code_str(s: &str) -> Option<Code> {
        Code::ALL.iter().copied().find(|c| c.as_str() == s)
    }
}

impl std::fmt::Display for Code {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for Code {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for Code {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Code::from_code_str(&s)
            .ok_or_else(|| serde::de::Error::custom(format!("unknown code {s:?}")))
    }
}

/// One row of the code table, for documentation and for bindings that list codes.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct CodeInfo {
    /// Stable code string.
    pub code: &'static str,
    /// Violation, warning, info or error.
    pub kind: CodeKind,
    /// Traditional Chinese template.
    pub message_zh: &'static str,
    /// English template.
    pub message_en: &'static str,
}

/// The whole table, for listings (`ntpc-policy codes`) and completeness tests.
pub fn code_table() -> Vec<CodeInfo> {
    Code::ALL
        .iter()
        .map(|&c| CodeInfo {
            code: c.as_str(),
            kind: c.kind(),
            message_zh: c.template_zh(),
            message_en: c.template_en(),
        })
        .collect()
}
