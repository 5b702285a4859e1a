//! The one error type: input that could not be evaluated (RULES §0 "Bad input").
//!
//! A rule's *answer* is never an error (a weak password is a verdict with
//! findings); an error means the input itself was unusable. Every variant maps to
//! one stable [`Code`] of the code table, which gives both messages.

use crate::codes::Code;
use crate::finding::Params;

/// Why an input could not be evaluated. `code()` is stable across bindings.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{}", self.message_en())]
#[non_exhaustive]
pub enum PolicyError {
    /// A date that does not exist in the calendar (`110/02/30`).
    InvalidDate {
        /// The text as given.
        input: String,
        /// What is wrong with it.
        reason: String,
    },
    /// Text in no known date style.
    UnrecognizedDate {
        /// The text as given.
        input: String,
    },
    /// A date outside the supported range.
    DateOutOfRange {
        /// The text or value as given.
        input: String,
        /// Which bound it crossed.
        reason: String,
    },
    /// A date style name that does not exist.
    UnknownStyle {
        /// The name as given.
        style: String,
    },
    /// An argument of the wrong shape or value.
    InvalidArgument {
        /// The argument's name.
        field: String,
        /// What is wrong with it.
        reason: String,
    },
    /// An input over a documented size limit.
    InputTooLarge {
        /// What was too large.
        field: String,
        /// The limit.
        limit: u64,
        /// The size given.
        actual: u64,
    },
    /// A policy file that cannot be used.
    PolicyFile {
        /// What is wrong with it.
        reason: String,
    },
    /// A policy edition name that does not exist.
    UnknownEdition {
        /// The name as given.
        name: String,
        /// The names that exist, comma-separated.
        known: String,
    },
    /// A bug caught at a boundary (a panic turned into an error).
    Internal {
        /// What failed.
        reason: String,
    },
    /// An app or web module name that is not in the permission table.
    UnknownModule {
        /// The name as given.
        name: String,
    },
}

impl PolicyError {
    /// The stable code, e.g. `calendar.invalid_date`.
    pub fn code(&self) -> Code {
        match self {
            PolicyError::InvalidDate { .. } => Code::CalendarInvalidDate,
            PolicyError::UnrecognizedDate { .. } => Code::CalendarUnrecognized,
            PolicyError::DateOutOfRange { .. } => Code::CalendarOutOfRange,
            PolicyError::UnknownStyle { .. } => Code::CalendarUnknownStyle,
            PolicyError::InvalidArgument { .. } => Code::InputInvalidArgument,
            PolicyError::InputTooLarge { .. } => Code::InputTooLarge,
            PolicyError::PolicyFile { .. } => Code::PolicyInvalidFile,
            PolicyError::UnknownEdition { .. } => Code::PolicyUnknownEdition,
            PolicyError::Internal { .. } => Code::Internal,
            PolicyError::UnknownModule { .. } => Code::PermissionUnknownModule,
        }
    }

    /// The named parameters behind the message.
    pub fn params(&self) -> Params {
        let p = Params::new();
        match self {
            PolicyError::InvalidDate { input, reason }
            | PolicyError::DateOutOfRange { input, reason } => p
                .with("input", input.as_str())
                .with("reason", reason.as_str()),
            PolicyError::UnrecognizedDate { input } => p.with("input", input.as_str()),
            PolicyError::UnknownStyle { style } => p.with("style", style.as_str()),
            PolicyError::InvalidArgument { field, reason } => p
                .with("field", field.as_str())
                .with("reason", reason.as_str()),
            PolicyError::InputTooLarge {
                field,
                limit,
                actual,
            } => p
                .with("field", field.as_str())
                .with("limit", *limit)
                .with("actual", *actual),
            PolicyError::PolicyFile { reason } => p.with("reason", reason.as_str()),
            PolicyError::UnknownEdition { name, known } => {
                p.with("name", name.as_str()).with("known", known.as_str())
            }
            PolicyError::Internal { reason } => p.with("reason", reason.as_str()),
            PolicyError::UnknownModule { name } => p.with("name", name.as_str()),
        }
    }

    /// The English message.
    pub fn message_en(&self) -> String {
        self.params().render(self.code().template_en())
    }

    /// The Traditional Chinese message.
    pub fn message_zh(&self) -> String {
        self.params().render(self.code().template_zh())
    }

    /// Shorthand for [`PolicyError::InvalidArgument`].
    pub fn invalid(field: impl Into<String>, reason: impl Into<String>) -> Self {
        PolicyError::InvalidArgument {
            field: field.into(),
            reason: reason.into(),
        }
    }
}

impl serde::Serialize for PolicyError {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut m = s.serialize_map(Some(4))?;
        m.serialize_entry("code", self.code().as_str())?;
        m.serialize_entry("params", &self.params())?;
        m.serialize_entry("message_zh", &self.message_zh())?;
        m.serialize_entry("message_en", &self.message_en())?;
        m.end()
    }
}

/// Shorthand for results of this crate.
pub type Result<T, E = PolicyError> = std::result::Result<T, E>;
