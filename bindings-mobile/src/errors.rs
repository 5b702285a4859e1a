//! The error type: `PolicyException` in Kotlin, `PolicyError` in Swift.
//!
//! One variant carries every core error with its stable `code`; the field names
//! avoid `message`, which clashes with Kotlin's `Throwable.message`. Panics are
//! caught by uniffi's scaffolding and surface as the binding's internal error.

/// Input that could not be evaluated.
#[derive(Debug, thiserror::Error, uniffi::Error)]
pub enum PolicyError {
    /// A core error, with its stable code (e.g. `calendar.invalid_date`).
    #[error("{code}: {message_en}")]
    Failed {
        /// Stable code, identical in every language.
        code: String,
        /// English message.
        message_en: String,
        /// Traditional Chinese message.
        message_zh: String,
        /// The parameters behind the message, as a JSON object.
        params_json: String,
    },
}

impl From<ntpc_policy::PolicyError> for PolicyError {
    fn from(e: ntpc_policy::PolicyError) -> Self {
        PolicyError::Failed {
            code: e.code().as_str().to_owned(),
            message_en: e.message_en(),
            message_zh: e.message_zh(),
            params_json: serde_json::to_string(&e.params()).unwrap_or_else(|_| "{}".into()),
        }
    }
}

/// An argument the binding rejects itself (e.g. an unknown enum string).
pub fn invalid(field: &str, reason: impl Into<String>) -> PolicyError {
    ntpc_policy::PolicyError::invalid(field, reason).into()
}

pub type Result<T> = std::result::Result<T, PolicyError>;
