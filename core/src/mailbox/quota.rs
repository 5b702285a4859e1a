//! Mailbox quota and message size (RULES §4; seed 001 §陸.二.(三)4).
//!
//! "本局提供每位使用者1GB之電子郵件信箱容量 … 每封寄送或收取之電子郵件大小以20MB為限."
//! Decided (RULES §4): 1 GB is 1 GiB and 20 MB is 20 MiB of the message as
//! transmitted (attachments grow by about a third in MIME encoding).

use crate::codes::Code;
use crate::error::{PolicyError, Result};
use crate::finding::{Finding, Verdict};
use crate::policy::Policy;
use serde::Serialize;

/// How full a mailbox is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
pub enum QuotaState {
    /// Below the warning level.
    Ok,
    /// At or above `near_full_percent` of the quota, below the quota.
    NearFull,
    /// At or above the quota: new mail cannot arrive.
    Full,
}

/// A mailbox's use of its quota.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct QuotaCheck {
    /// `ok`, `near_full` or `full`.
    pub state: QuotaState,
    /// Bytes in use.
    pub used_bytes: u64,
    /// The quota in bytes (1 GiB).
    pub quota_bytes: u64,
    /// Bytes left (0 when full).
    pub free_bytes: u64,
    /// Percentage used, rounded down to two decimals.
    pub used_percent: f64,
    /// At or above the warning level (including full).
    pub near_full: bool,
    /// `pass`, `warn` when near full, `fail` when full.
    pub verdict: Verdict,
    /// Why.
    pub findings: Vec<Finding>,
}

/// One message against the size limit.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct MessageSizeCheck {
    /// Within the limit (the limit itself is allowed).
    pub allowed: bool,
    /// Size of the message as transmitted, in bytes.
    pub bytes: u64,
    /// The limit in bytes (20 MiB).
    pub max_bytes: u64,
    /// `pass` or `fail`.
    pub verdict: Verdict,
    /// Why.
    pub findings: Vec<Finding>,
}

/// Checks bytes in use against the quota: `near_full` from `near_full_percent`
/// (90 %) of it, `full` from the quota itself (decided: a mailbox exactly at its
/// quota is full, since no further message fits).
///
/// ```
/// use ntpc_policy::{Policy, mailbox::{quota, QuotaState}};
/// let p = Policy::default();
/// assert_eq!(quota(966_367_642, &p).unwrap().state, QuotaState::NearFull); // 90 % of 1 GiB, rounded up
/// assert_eq!(quota(966_367_641, &p).unwrap().state, QuotaState::Ok);
/// assert_eq!(quota(1 << 30, &p).unwrap().state, QuotaState::Full);
/// ```
pub fn quota(used_bytes: u64, policy: &Policy) -> Result<QuotaCheck> {
    let m = &policy.mailbox;
    if m.quota_bytes == 0 {
        return Err(PolicyError::invalid_bilingual(
            "policy.mailbox.quota_bytes",
            "the quota is 0",
            "容量上限為 0",
        ));
    }
    let used = u128::from(used_bytes);
    let limit = u128::from(m.quota_bytes);
    let state = if used >= limit {
        QuotaState::Full
    } else if used * 100 >= limit * u128::from(m.near_full_percent) {
        QuotaState::NearFull
    } else {
        QuotaState::Ok
    };
    // Hundredths of a percent, rounded down, in integers: exact in every binding.
    let hundredths = u64::try_from(used * 10_000 / limit).unwrap_or(u64::MAX);
    let used_percent = hundredths as f64 / 100.0;
    let mut findings = Vec::new();
    match state {
        QuotaState::Ok => {}
        QuotaState::NearFull => findings.push(
            Finding::new(Code::MailboxNearFull)
                .with("used_percent", used_percent)
                .with("used_bytes", used_bytes)
                .with("quota_bytes", m.quota_bytes)
                .with("near_full_percent", m.near_full_percent),
        ),
        QuotaState::Full => findings.push(
            Finding::new(Code::MailboxFull)
                .with("used_bytes", used_bytes)
                .with("quota_bytes", m.quota_bytes),
        ),
    }
    Ok(QuotaCheck {
        state,
        used_bytes,
        quota_bytes: m.quota_bytes,
        free_bytes: m.quota_bytes.saturating_sub(used_bytes),
        used_percent,
        near_full: state != QuotaState::Ok,
        verdict: Verdict::of(&findings),
        findings,
    })
}

/// Checks one message's size as transmitted against the per-message limit
/// (20 MiB = 20 971 520 bytes; exactly the limit is allowed).
///
/// ```
/// use ntpc_policy::{Policy, mailbox::message_size};
/// let p = Policy::default();
/// assert!(message_size(20 * 1024 * 1024, &p).allowed);
/// assert!(!message_size(20 * 1024 * 1024 + 1, &p).allowed);
/// ```
pub fn message_size(bytes: u64, policy: &Policy) -> MessageSizeCheck {
    let max = policy.mailbox.max_message_bytes;
    let allowed = bytes <= max;
    let mut findings = Vec::new();
    if !allowed {
        findings.push(
            Finding::new(Code::MailboxMessageTooLarge)
                .with("bytes", bytes)
                .with("max_bytes", max)
                .with("max_mib", max as f64 / 1_048_576.0),
        );
    }
    MessageSizeCheck {
        allowed,
        bytes,
        max_bytes: max,
        verdict: Verdict::of(&findings),
        findings,
    }
}
