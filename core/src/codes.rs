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

codes! {
    // ---- password (RULES §1; seed 001 §陸.二.(一)(二)) ----
    /// Shorter than the policy's minimum length.
    PasswordTooShort = "password.too_short", Violation,
        "密碼長度不足：至少需 {min} 個字元，目前為 {actual} 個。",
        "Password too short: at least {min} characters are required, it has {actual}.";
    /// Longer than the hard limit; checked before any other work.
    PasswordTooLong = "password.too_long", Violation,
        "密碼過長：最多 {max} 個字元，目前至少 {actual} 個。",
        "Password too long: at most {max} characters are allowed, it has at least {actual}.";
    /// Fewer character classes than required.
    PasswordTooFewClasses = "password.too_few_classes", Violation,
        "密碼須包含 {required} 種以上字元類別（目前 {actual} 種），缺少：{missing_zh}。",
        "Password must mix at least {required} character classes (it has {actual}); missing: {missing}.";
    /// Contains a control character (tab, newline, DEL, …).
    PasswordControlChar = "password.control_char", Violation,
        "密碼含有控制字元（如 Tab 或換行），第一個在第 {position} 個字元，共 {count} 個。",
        "Password contains a control character such as tab or newline (character {position}; {count} in all).";
    /// Contains the account name.
    PasswordContainsAccount = "password.contains_account", Violation,
        "密碼不可包含帳號名稱。",
        "Password must not contain the account name.";
    /// Contains a token of the display name.
    PasswordContainsDisplayName = "password.contains_display_name", Violation,
        "密碼不可包含姓名中的任何部分（長度 {min} 以上）。",
        "Password must not contain any part of the display name ({min} characters or longer).";
    /// Full-width characters typed in the IME's full-width mode.
    PasswordFullwidth = "password.fullwidth", Warning,
        "密碼含有 {count} 個全形字元，不計入英數字元類別；請切換為半形輸入後重新輸入。",
        "Password has {count} full-width characters, which do not count as letters or digits; switch the input method to half-width and type it again.";
    /// Other non-ASCII characters (e.g. CJK).
    PasswordNonAscii = "password.non_ascii", Warning,
        "密碼含有 {count} 個非 ASCII 字元，部分系統可能無法登入。",
        "Password has {count} non-ASCII characters; some systems may reject it.";
    /// On the embedded list of well-known weak passwords.
    PasswordCommon = "password.common", Warning,
        "此密碼為常見的弱密碼，容易被猜中。",
        "This is a well-known weak password and is easy to guess.";
    /// Contains something shaped like a Taiwan ID number.
    PasswordIdNumber = "password.id_number", Warning,
        "密碼含有身分證號格式的字串，請勿使用個人證號。",
        "Password contains something shaped like an ID number; do not use personal ID numbers.";
    /// Contains a Taiwan mobile number.
    PasswordMobileNumber = "password.mobile_number", Warning,
        "密碼含有手機號碼格式（09 開頭 10 碼）的字串。",
        "Password contains a mobile phone number (10 digits starting with 09).";
    /// Contains a date (8-digit Gregorian or 7-digit ROC).
    PasswordDate = "password.date", Warning,
        "密碼含有日期格式（{format_zh}）的字串，例如生日。",
        "Password contains a date ({format}), such as a birthday.";
    /// Rotation: the due date is near.
    PasswordExpiringSoon = "password.expiring_soon", Warning,
        "密碼將於 {due}（{days_left} 天後）到期，請儘早更換。",
        "Password expires on {due} ({days_left} days left); change it soon.";
    /// Rotation: the due date has passed.
    PasswordExpired = "password.expired", Violation,
        "密碼已於 {due} 到期（逾期 {days_overdue} 天），請立即更換；每 {rotation_days} 天須更換一次。",
        "Password expired on {due} ({days_overdue} days ago); change it now. It must change every {rotation_days} days.";
    /// The account was reset: the temporary password must change at next login.
    PasswordMustChangeReset = "password.must_change_reset", Violation,
        "帳號密碼已被重設，登入後須立即更換密碼。",
        "The account was reset; the password must be changed at the next login.";
    /// An abnormal-login alert came after the last change.
    PasswordMustChangeAlert = "password.must_change_alert", Violation,
        "收到系統異常登入警訊（{alert_at}），請立即更換校務密碼。",
        "An abnormal-login alert was received ({alert_at}); change the school account password now.";
    /// Alerts continued after the password was changed following an alert.
    PasswordCheckDevices = "password.check_devices", Violation,
        "更換密碼後仍持續收到異常登入警訊（{alert_at}），請檢查登入過的載具或主機，極可能已被植入後門或木馬程式。",
        "Abnormal-login alerts continued after the password change ({alert_at}); check the devices used to log in: a backdoor or trojan is likely.";

    // ---- identity (RULES §2; seed 000 PART TWO 自訂帳號格式規範) ----
    /// A custom account name has the format of an ID number and must be reset.
    IdentityAccountIdFormat = "identity.account_id_format", Violation,
        "自訂帳號為身分證號格式（{kind}），依資安規範須申請重設。",
        "The custom account name has the format of an ID number ({kind}); security rules require it to be reset.";
    /// The ID-shaped account name also has a valid checksum: a real number is exposed.
    IdentityAccountRealId = "identity.account_real_id", Violation,
        "自訂帳號的檢查碼正確，極可能是真實的證號，個資已外洩，請優先重設。",
        "The account name's checksum is valid: it is very likely a real person's ID number, exposed; reset it first.";
    /// The first letter is a retired area code (L, R, S, Y).
    IdentityRetiredArea = "identity.retired_area", Info,
        "首碼 {letter}（{area}）已停止配賦新號碼。",
        "First letter {letter} ({area}) is no longer issued.";

    // ---- network (RULES §9; seed 001 案由五) ----
    /// An address outside the school's EMS range.
    NetworkNotEmsRange = "network.not_ems_range", Violation,
        "位址 {address} 不在學校 {school_no} 的 EMS 網段（VLAN {vlan}，{first}–{last}）內。",
        "Address {address} is outside school {school_no}'s EMS range (VLAN {vlan}, {first}–{last}).";
    /// The address is in another school's EMS range.
    NetworkOtherSchool = "network.other_school", Info,
        "位址 {address} 屬於學校 {other_school_no} 的 EMS 網段。",
        "Address {address} belongs to school {other_school_no}'s EMS range.";

    // ---- training (RULES §9; seed 000 PART FOUR, 001 §陸.一.(五)) ----
    /// Fewer security-training hours this year than required.
    TrainingSecurityHoursShort = "training.security_hours_short", Violation,
        "今年資安研習 {hours} 小時，未達每年 {required} 小時（尚缺 {missing} 小時）。",
        "{hours} hours of security training this year, under the required {required} (missing {missing}).";
    /// A school has certified fewer teachers than its smart-learning quota.
    TrainingSmartLearningShort = "training.smart_learning_short", Violation,
        "智慧學習初階認證：應完成 {required} 人（教師員額 {teacher_quota} 的 {share}），已完成 {certified} 人，尚缺 {remaining} 人。",
        "Smart-learning certification: {required} teachers required ({share} of the quota of {teacher_quota}), {certified} certified, {remaining} to go.";

    // ---- errors: calendar (RULES §3) ----
    /// A date that does not exist (110/02/30, 110/02/29).
    CalendarInvalidDate = "calendar.invalid_date", Error,
        "日期不存在：「{input}」（{reason}）。",
        "No such date: \"{input}\" ({reason}).";
    /// Text that is not in any known date style.
    CalendarUnrecognized = "calendar.unrecognized_format", Error,
        "無法辨識的日期格式：「{input}」。",
        "Unrecognised date format: \"{input}\".";
    /// A date outside the supported range (before ROC year 1, after 9999).
    CalendarOutOfRange = "calendar.out_of_range", Error,
        "日期超出可處理的範圍：「{input}」（{reason}）。",
        "Date out of the supported range: \"{input}\" ({reason}).";
    /// A format style name that does not exist.
    CalendarUnknownStyle = "calendar.unknown_style", Error,
        "未知的日期格式名稱：「{style}」。",
        "Unknown date style: \"{style}\".";

    // ---- errors: input and policy ----
    /// An argument of the wrong shape or value.
    InputInvalidArgument = "input.invalid_argument", Error,
        "參數 {field} 不正確：{reason}。",
        "Invalid argument {field}: {reason}.";
    /// An input over a documented size limit.
    InputTooLarge = "input.too_large", Error,
        "{field} 超過上限 {limit}（實際 {actual}）。",
        "{field} is over the limit of {limit} (got {actual}).";
    /// A policy file that cannot be read.
    PolicyInvalidFile = "policy.invalid_file", Error,
        "政策設定檔有誤：{reason}。",
        "Invalid policy file: {reason}.";
    /// A policy edition name that does not exist.
    PolicyUnknownEdition = "policy.unknown_edition", Error,
        "未知的政策版本：「{name}」（可用：{known}）。",
        "Unknown policy edition \"{name}\" (known: {known}).";
    /// A bug: an internal invariant failed (a caught panic).
    Internal = "internal", Error,
        "內部錯誤：{reason}。",
        "Internal error: {reason}.";
}

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
