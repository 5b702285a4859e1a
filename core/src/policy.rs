//! Policy numbers as data (RULES §0 "Editions").
//!
//! Every number a rule uses lives here and nowhere else, so a school or another
//! city can change one without a rebuild: `Policy::from_json` takes a partial JSON
//! document over a named edition (unknown keys are an error, missing keys take the
//! edition's value) and `to_json` writes the whole policy back.
//!
//! Editions: `ntpc-110` (in force; `Policy::default()`) and `ntpc-109` (the year
//! before, when the drill report limit was 4 hours — seed 000 PART FOUR (一)1).
//! Incident deadlines are versioned *inside* a policy, per regulation edition,
//! because an incident is judged by the rules of its own date (RULES §7).

use crate::calendar::OfficeCalendar;
use crate::codes::Code;
use crate::error::{PolicyError, Result};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// The name of the edition in force.
pub const CURRENT_EDITION: &str = "ntpc-110";

/// All known edition names, oldest first.
pub const EDITIONS: &[&str] = &["ntpc-109", "ntpc-110"];

/// Which rule set a password check applies (RULES §1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
pub enum PasswordProfile {
    /// The department's rule: 3 of 4 ASCII classes.
    #[default]
    Default,
    /// Active Directory complexity: 3 of 5 Unicode categories.
    Ad,
}

/// Password rule numbers (RULES §1; seed 001 §陸.二.(一)).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct PasswordPolicy {
    /// Minimum length in Unicode scalar values (seed: 最短長度為 8 碼).
    pub min_length: u32,
    /// Hard maximum, checked before any other work (RULES §1 decided: 256).
    pub max_length: u32,
    /// Classes required out of four (seed: 4 種字元中的 3 種).
    pub min_classes: u32,
    /// Days between required changes (seed: 至少每 90 天更換一次).
    pub rotation_days: u32,
    /// Days before the due date when the state becomes `expiring_soon` (decided: 14).
    pub expiring_soon_days: u32,
    /// The profile used when the caller names none.
    pub profile: PasswordProfile,
    /// Shortest account name that the "contains the account name" rule applies to (AD: 3).
    pub min_account_length: u32,
    /// Shortest display-name token that the "contains the name" rule applies to (AD: 3).
    pub min_name_token_length: u32,
    /// Warning codes this policy raises to violations (e.g. `password.common`).
    pub escalate: Vec<Code>,
    /// Whether the weak-password detection runs (issue 22: common passwords
    /// dressed up, context words, keyboard walks, dates, Zhuyin …) on passwords
    /// that have no violation. `false` leaves the composition check alone (and the
    /// exact list match `password.common`).
    pub detect_weak: bool,
    /// A password is weak when it takes fewer than 10^this guesses (decided: 8,
    /// zxcvbn's score ≤ 2, "too guessable" for an online attacker).
    pub weak_guesses_log10: f64,
    /// Whether the findings of the weak-password detection are violations
    /// instead of warnings (decided: warnings, RULES §1 "Warnings").
    pub weak_is_violation: bool,
    /// The organisation's own words, context words for every account (NIST SP
    /// 800-63B-4: "the name of the service"). ASCII ones match in any case and in
    /// l33t; others match exactly.
    pub org_words: Vec<String>,
    /// The years that count as context words when the check is given no `today`
    /// (with `today`: that year, Gregorian and ROC). Decided: 1990–2030.
    pub context_years_from: u32,
    /// See `context_years_from`.
    pub context_years_to: u32,
}

/// How the custom-account rule (seed 000 PART TWO 自訂帳號格式規範) reads "the
/// format of a new-style ID number".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum CustomAccountRule {
    /// The ID-like reading (default): a letter, one of `12ABCD89`, then eight
    /// digits, as every ID format has (`b1ackberry` is not flagged).
    #[default]
    IdLike,
    /// The seed's literal wording: ten characters, the first a letter, the
    /// second one of `12abcd89` (any case), the rest anything (`b1ackberry` is
    /// flagged).
    Literal,
}

/// ID-number handling (RULES §2).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct IdentityPolicy {
    /// Characters kept visible at the start when masking (`A12****789`: 3).
    pub mask_keep_start: u32,
    /// Characters kept visible at the end when masking (3).
    pub mask_keep_end: u32,
    /// The masking character.
    pub mask_char: char,
    /// How the custom-account rule reads the seed (default `id_like`).
    #[serde(default)]
    pub custom_account_rule: CustomAccountRule,
}

impl IdentityPolicy {
    /// The edition in force: `A12****789`.
    pub const DEFAULT: IdentityPolicy = IdentityPolicy {
        mask_keep_start: 3,
        mask_keep_end: 3,
        mask_char: '*',
        custom_account_rule: CustomAccountRule::IdLike,
    };
}

/// Calendar conventions (RULES §3) and the office calendar for periods in months
/// (RULES §7; 行政程序法 §48).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct CalendarPolicy {
    /// Month the school year (學年度) starts: August.
    pub school_year_start_month: u32,
    /// Month the second semester starts: February.
    pub second_semester_start_month: u32,
    /// Hour of the next office day at which a period whose last day is a
    /// Saturday ends (行政程序法 §48 ④: "the following Monday, morning": 12).
    pub saturday_period_end_hour: u32,
    /// The government office calendar (行政機關辦公日曆表), keyed by year: the
    /// shipped years (2017–2027, `core/data/office-calendar/`) unless a policy file
    /// replaces or adds years. In a policy file this one object is open: a year
    /// not shipped is added, a year given replaces the shipped one whole, and the
    /// years not named stay as shipped.
    pub office_days: OfficeCalendar,
}

/// Mailbox retention (RULES §4; seed 001 §陸.二.(三), 000 PART TWO Mail2000).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct MailboxPolicy {
    /// Days without login after which a mailbox may be deleted (500).
    pub inactive_days: u32,
    /// Days of notices before deletion (一個月; decided: 30).
    pub notice_days: u32,
    /// Quota per user in bytes (1 GB; decided: 1 GiB).
    pub quota_bytes: u64,
    /// Percentage of quota at which a mailbox is `near_full` (90).
    pub near_full_percent: u32,
    /// Largest message sent or received, in bytes (20 MB; decided: 20 MiB).
    pub max_message_bytes: u64,
}

/// Deadlines of one edition of the incident regulation (資通安全事件通報及應變辦法).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct IncidentRegulation {
    /// Name of the edition (its promulgation date).
    pub name: String,
    /// First day incidents are judged by this edition.
    pub effective_from: NaiveDate,
    /// Hours from awareness to notification (1).
    pub notify_hours: u32,
    /// Hours from report to the level review, levels 1–2 (8).
    pub review_hours_low: u32,
    /// Hours from report to the level review, levels 3–4 (2).
    pub review_hours_high: u32,
    /// Hours from awareness to damage control or recovery, levels 1–2 (72).
    pub recover_hours_low: u32,
    /// Hours from awareness to damage control or recovery, levels 3–4 (36).
    pub recover_hours_high: u32,
    /// Months from recovery to the investigation and improvement report (1).
    pub report_months: u32,
}

/// Incident handling (RULES §7).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct IncidentPolicy {
    /// Regulation editions, oldest first; an incident uses the latest one in force on its date.
    pub regulations: Vec<IncidentRegulation>,
    /// Lowest level that takes the short ("high") review and recovery limits (3:
    /// levels 3–4; 資通安全事件通報及應變辦法).
    pub high_level_min: u8,
    /// Highest incident level (4); level 0 is the education system's unconfirmed ticket.
    pub max_level: u8,
}

/// The drill reporting limit of one year's rules (seed 000 PART FOUR (一)1: 109
/// reported within 4 hours; (二)2: from 110 within 1 hour).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct DrillEdition {
    /// Name of the edition (the ROC year: `109`, `110`).
    pub name: String,
    /// First notice date this limit applies to.
    pub effective_from: NaiveDate,
    /// Hours from the drill notice to the report.
    pub report_limit_hours: u32,
}

/// Incident report drills (RULES §7; seed 000 PART FOUR (一)1, (二)2).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct DrillPolicy {
    /// A limit in hours that applies to every drill whatever its date (the
    /// caller pins it; edition `ntpc-109` pins 4). `null`: each drill takes the
    /// limit of the edition in force on its notice date (`editions`).
    pub report_limit_hours: Option<u32>,
    /// The limits by notice date, oldest first; a drill takes the latest one in
    /// force on its notice date (Taipei), a date before all of them the earliest.
    pub editions: Vec<DrillEdition>,
}

/// Picking schools for on-site security checks (RULES §8; seed 000 PART FOUR (三)).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct AuditPolicy {
    /// Schools picked by drill overtime (top 20, ties with the 20th kept).
    pub drill_top_n: u32,
    /// Schools picked by the previous year's incident count (top 20).
    pub incident_top_n: u32,
    /// The security grade that picks a school (C).
    pub picked_grade: String,
    /// CVSS score from which a re-scan finding counts as high or above (7.0).
    pub rescan_min_cvss: f64,
    /// Count a re-scan finding of CVSS ≥ `rescan_min_cvss` as a sixth pick
    /// criterion (opt-in; default `false`: the seed's five criteria only, 000
    /// PART FOUR (三); the re-scan is a ranking of its own, 001 §陸.三.(一)).
    pub rescan_is_criterion: bool,
}

/// Training quotas (RULES §9; seed 000 PART FOUR, 001 §陸.一.(五)).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct TrainingPolicy {
    /// Security training hours per staff member per year (3).
    pub security_hours_per_year: u32,
    /// Hours of the smart-learning certification (6).
    pub smart_learning_hours: u32,
    /// Numerator of the share of a school's teacher quota to certify this year (1).
    pub smart_learning_share_numerator: u32,
    /// Denominator of that share (5); the count is rounded up (decided).
    pub smart_learning_share_denominator: u32,
    /// ROC year by which every teacher is certified (114).
    pub smart_learning_all_by_roc_year: i32,
    /// Hours of the city's required course (3 小時新北必修課).
    pub smart_learning_city_hours: u32,
    /// Hours on a learning platform (3 小時學習平台必選修).
    pub smart_learning_platform_hours: u32,
    /// The day the school's share is due (111/07/31: 預計至7月底).
    pub smart_learning_quota_due: NaiveDate,
    /// The day every teacher is due (114/12/31: 至114年為止, decided as its last day).
    pub smart_learning_all_due: NaiveDate,
}

/// The year's security work calendar (RULES §9; seed 000 PART FOUR (四)).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct SchedulePolicy {
    /// Days ahead within which an item that has not started is `upcoming` (decided: 14).
    pub upcoming_days: u32,
    /// The items of each school year, keyed by the ROC school year (`"110"`). In
    /// a policy file this object is open: a year not shipped is added, a year
    /// given replaces the shipped one whole.
    pub years: std::collections::BTreeMap<String, Vec<crate::schedule::ScheduleItem>>,
}

/// Network allocations (RULES §9; seed 001 案由五).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct NetworkPolicy {
    /// VLAN of the EMS (air-conditioning power management) devices (70).
    pub ems_vlan: u32,
    /// First two octets of the EMS range (10.239).
    pub ems_prefix: [u8; 2],
    /// First host number of a school's EMS range (101).
    pub ems_first_host: u8,
    /// Last host number (110).
    pub ems_last_host: u8,
    /// Smallest school network number (1).
    pub school_no_min: u8,
    /// Largest school network number (254).
    pub school_no_max: u8,
}

/// Input limits (RULES §0 "Bad input": documented limits, never a hang).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct LimitsPolicy {
    /// Largest text a scan accepts, in bytes.
    pub scan_max_bytes: u64,
    /// Largest policy JSON document, in bytes.
    pub policy_json_max_bytes: u64,
    /// Deepest nesting of a policy JSON document.
    pub policy_json_max_depth: u32,
    /// Largest CSV/TSV file an importer reads, in bytes (decided: 64 MiB).
    pub import_max_bytes: u64,
    /// Most data rows an importer reads; later rows are reported as one error
    /// (decided: 100 000, several years of every school's incidents).
    pub import_max_rows: u64,
    /// Longest cell an importer accepts, in characters (decided: 4 096).
    pub import_max_field_chars: u64,
    /// Most cells of a header line an importer reads (decided: 1 024, far wider
    /// than any export of the school admin or mail system; Excel's own limit is
    /// 16 384). A wider header is `import.too_many_columns` (issue 14 §4).
    pub import_max_columns: u64,
    /// Most bytes a zip container (xlsx, ods, docx, odt) may unpack to, all
    /// entries together, counted while unpacking (decided: 256 MiB, about ten
    /// times a 100 000-row sheet; issue 21 §3: zip bombs). More is `archive.too_large`.
    #[serde(default = "default_archive_max_uncompressed_bytes")]
    pub archive_max_uncompressed_bytes: u64,
    /// Most entries of a zip container (decided: 10 000; a workbook has tens).
    /// More is `archive.too_many_entries`.
    #[serde(default = "default_archive_max_entries")]
    pub archive_max_entries: u64,
    /// Most role changes (each role an override adds or removes) that
    /// `permission::who_can`, `can` and `attendance_view` take in one call; every
    /// override changes at least one role, so this bounds the overrides too
    /// (decided: 1 000, for 16 rows × 2 rights of the seed's table; issue 14 §4).
    /// More is `permission.too_many_overrides`.
    pub permission_max_overrides: u64,
}

/// Decided: 256 MiB (see [`LimitsPolicy::archive_max_uncompressed_bytes`]);
/// a default so that policy files written before issue 21 still load.
fn default_archive_max_uncompressed_bytes() -> u64 {
    256 << 20
}

/// Decided: 10 000 (see [`LimitsPolicy::archive_max_entries`]).
fn default_archive_max_entries() -> u64 {
    10_000
}

/// Every number of every rule, as one value. See the module docs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Object))]
#[serde(deny_unknown_fields)]
pub struct Policy {
    /// The edition this policy starts from.
    pub edition: String,
    /// Password rules.
    pub password: PasswordPolicy,
    /// ID-number handling.
    pub identity: IdentityPolicy,
    /// Calendar conventions.
    pub calendar: CalendarPolicy,
    /// Mailbox retention.
    pub mailbox: MailboxPolicy,
    /// Incident deadlines.
    pub incident: IncidentPolicy,
    /// Report drills.
    pub drill: DrillPolicy,
    /// On-site check selection.
    pub audit: AuditPolicy,
    /// Training quotas.
    pub training: TrainingPolicy,
    /// The year's security work calendar.
    pub schedule: SchedulePolicy,
    /// Network allocations.
    pub network: NetworkPolicy,
    /// Input limits.
    pub limits: LimitsPolicy,
}

impl Default for Policy {
    /// The edition in force: [`CURRENT_EDITION`].
    fn default() -> Self {
        Policy::ntpc_110()
    }
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("literal date is valid")
}

impl Policy {
    fn ntpc_110() -> Policy {
        Policy {
            edition: "ntpc-110".into(),
            password: PasswordPolicy {
                min_length: 8,
                max_length: 256,
                min_classes: 3,
                rotation_days: 90,
                expiring_soon_days: 14,
                profile: PasswordProfile::Default,
                min_account_length: 3,
                min_name_token_length: 3,
                escalate: Vec::new(),
                detect_weak: true,
                weak_guesses_log10: 12.5,
                weak_is_violation: false,
                org_words: ["ntpc", "xinbei", "sinbei", "newtaipei", "新北", "edu"]
                    .map(String::from)
                    .to_vec(),
                context_years_from: 1990,
                context_years_to: 2030,
            },
            identity: IdentityPolicy::DEFAULT,
            calendar: CalendarPolicy {
                school_year_start_month: 8,
                second_semester_start_month: 2,
                saturday_period_end_hour: 12,
                office_days: OfficeCalendar::shipped(),
            },
            mailbox: MailboxPolicy {
                inactive_days: 500,
                notice_days: 30,
                quota_bytes: 1 << 30,
                near_full_percent: 90,
                max_message_bytes: 20 << 20,
            },
            incident: IncidentPolicy {
                regulations: vec![
                    IncidentRegulation {
                        name: "2021-08-23".into(),
                        effective_from: date(2021, 8, 23),
                        notify_hours: 1,
                        review_hours_low: 8,
                        review_hours_high: 2,
                        recover_hours_low: 72,
                        recover_hours_high: 36,
                        report_months: 1,
                    },
                    // 資通安全事件通報應變及演練辦法 (2026-01-05): notify and review
                    // stand (RULES §7); the spec is silent on recovery and the report,
                    // so they keep the previous edition's numbers until it says otherwise.
                    IncidentRegulation {
                        name: "2026-01-05".into(),
                        effective_from: date(2026, 1, 5),
                        notify_hours: 1,
                        review_hours_low: 8,
                        review_hours_high: 2,
                        recover_hours_low: 72,
                        recover_hours_high: 36,
                        report_months: 1,
                    },
                ],
                high_level_min: 3,
                max_level: 4,
            },
            drill: DrillPolicy {
                report_limit_hours: None,
                // Decided: the ROC year 110 starts 2021-01-01 (as `in_force_on`).
                editions: vec![
                    DrillEdition {
                        name: "109".into(),
                        effective_from: date(2020, 1, 1),
                        report_limit_hours: 4,
                    },
                    DrillEdition {
                        name: "110".into(),
                        effective_from: date(2021, 1, 1),
                        report_limit_hours: 1,
                    },
                ],
            },
            audit: AuditPolicy {
                drill_top_n: 20,
                incident_top_n: 20,
                picked_grade: "C".into(),
                rescan_min_cvss: 7.0,
                rescan_is_criterion: false,
            },
            training: TrainingPolicy {
                security_hours_per_year: 3,
                smart_learning_hours: 6,
                smart_learning_share_numerator: 1,
                smart_learning_share_denominator: 5,
                smart_learning_all_by_roc_year: 114,
                smart_learning_city_hours: 3,
                smart_learning_platform_hours: 3,
                smart_learning_quota_due: date(2022, 7, 31),
                smart_learning_all_due: date(2025, 12, 31),
            },
            schedule: SchedulePolicy {
                upcoming_days: 14,
                years: [("110".to_owned(), crate::schedule::school_year_110())]
                    .into_iter()
                    .collect(),
            },
            network: NetworkPolicy {
                ems_vlan: 70,
                ems_prefix: [10, 239],
                ems_first_host: 101,
                ems_last_host: 110,
                school_no_min: 1,
                school_no_max: 254,
            },
            limits: LimitsPolicy {
                scan_max_bytes: 1 << 30,
                policy_json_max_bytes: 1 << 20,
                policy_json_max_depth: 16,
                import_max_bytes: 64 << 20,
                import_max_rows: 100_000,
                import_max_field_chars: 4096,
                import_max_columns: 1024,
                archive_max_uncompressed_bytes: default_archive_max_uncompressed_bytes(),
                archive_max_entries: default_archive_max_entries(),
                permission_max_overrides: 1000,
            },
        }
    }

    fn ntpc_109() -> Policy {
        let mut p = Policy::ntpc_110();
        p.edition = "ntpc-109".into();
        // Seed 000 PART FOUR (一)1: 109 drills had 4 hours to report; the 109
        // edition pins it for every drill it judges.
        p.drill.report_limit_hours = Some(4);
        p
    }

    /// The named edition, e.g. `ntpc-109`.
    pub fn edition(name: &str) -> Result<Policy> {
        match name {
            "ntpc-110" => Ok(Policy::ntpc_110()),
            "ntpc-109" => Ok(Policy::ntpc_109()),
            _ => Err(PolicyError::UnknownEdition {
                name: name.into(),
                known: EDITIONS.join(", "),
            }),
        }
    }

    /// The edition in force on a date: `ntpc-109` before 2021-01-01 (ROC 110), else `ntpc-110`.
    pub fn in_force_on(day: NaiveDate) -> Policy {
        if day < date(2021, 1, 1) {
            Policy::ntpc_109()
        } else {
            Policy::ntpc_110()
        }
    }

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

    /// Checks that every number is in a range the rules can work with, so a
    /// hand-edited policy file fails on load (`policy.invalid_file` naming the
    /// key and the range) instead of giving odd answers later: a month 13, a
    /// minimum above the maximum, a zero divisor, a limit of 0.
    pub fn validate(&self) -> Result<()> {
        fn check(ok: bool, key: &str, range: &str, value: impl std::fmt::Display) -> Result<()> {
            if ok {
                Ok(())
            } else {
                Err(PolicyError::policy_file(
                    format!("{key} = {value} is out of range ({range})"),
                    format!("{key} = {value} 超出範圍（{}）", range_zh(range)),
                ))
            }
        }
        /// The ranges below, in Chinese (field names stay as they are).
        fn range_zh(en: &str) -> String {
            match en {
                "1 or more" => "1 以上".into(),
                "at least one" => "至少一個".into(),
                "0 to max_level (at most 9)" => "0 至 max_level，最多 9".into(),
                "0 to the denominator, which is 1 or more" => "0 至分母，分母須 1 以上".into(),
                "1 to ems_last_host, at most 254" => "1 至 ems_last_host，最多 254".into(),
                "ROC school years such as \"110\"" => "民國學年度，例如 \"110\"".into(),
                "on or before end" => "不晚於 end".into(),
                "at most school_no_max" => "不超過 school_no_max".into(),
                "a visible character: a letter, digit, punctuation mark or symbol" => {
                    "看得見的字元：文字、數字、標點或符號".into()
                }
                other => other.replace(" to ", " 至 ").replace('-', " 至 "),
            }
        }
        let pw = &self.password;
        check(
            pw.min_length >= 1,
            "password.min_length",
            "1 or more",
            pw.min_length,
        )?;
        check(
            pw.max_length >= pw.min_length && pw.max_length <= 4096,
            "password.max_length",
            "min_length to 4096",
            pw.max_length,
        )?;
        check(
            (1..=4).contains(&pw.min_classes),
            "password.min_classes",
            "1-4",
            pw.min_classes,
        )?;
        check(
            pw.rotation_days >= 1,
            "password.rotation_days",
            "1 or more",
            pw.rotation_days,
        )?;
        check(
            pw.expiring_soon_days <= pw.rotation_days,
            "password.expiring_soon_days",
            "0 to rotation_days",
            pw.expiring_soon_days,
        )?;
        check(
            (0.0..=30.0).contains(&pw.weak_guesses_log10),
            "password.weak_guesses_log10",
            "0-30",
            pw.weak_guesses_log10,
        )?;
        check(
            pw.org_words.len() <= 16 && pw.org_words.iter().all(|w| w.chars().count() <= 64),
            "password.org_words",
            "at most 16 words of at most 64 characters",
            pw.org_words.len(),
        )?;
        check(
            (1900..=2099).contains(&pw.context_years_from),
            "password.context_years_from",
            "1900-2099",
            pw.context_years_from,
        )?;
        check(
            pw.context_years_from <= pw.context_years_to && pw.context_years_to <= 2099,
            "password.context_years_to",
            "context_years_from to 2099",
            pw.context_years_to,
        )?;
        check(
            is_visible(self.identity.mask_char),
            "identity.mask_char",
            "a visible character: a letter, digit, punctuation mark or symbol",
            format!("\"U+{:04X}\"", u32::from(self.identity.mask_char)),
        )?;
        let cal = &self.calendar;
        for (key, m) in [
            (
                "calendar.school_year_start_month",
                cal.school_year_start_month,
            ),
            (
                "calendar.second_semester_start_month",
                cal.second_semester_start_month,
            ),
        ] {
            check((1..=12).contains(&m), key, "1-12", m)?;
        }
        check(
            (1..=24).contains(&cal.saturday_period_end_hour),
            "calendar.saturday_period_end_hour",
            "1-24",
            cal.saturday_period_end_hour,
        )?;
        cal.office_days.validate()?;
        let mb = &self.mailbox;
        check(
            mb.inactive_days >= 1,
            "mailbox.inactive_days",
            "1 or more",
            mb.inactive_days,
        )?;
        check(
            mb.notice_days <= mb.inactive_days,
            "mailbox.notice_days",
            "0 to inactive_days",
            mb.notice_days,
        )?;
        check(
            mb.quota_bytes >= 1,
            "mailbox.quota_bytes",
            "1 or more",
            mb.quota_bytes,
        )?;
        check(
            (1..=100).contains(&mb.near_full_percent),
            "mailbox.near_full_percent",
            "1-100",
            mb.near_full_percent,
        )?;
        check(
            !self.drill.editions.is_empty() || self.drill.report_limit_hours.is_some(),
            "drill.editions",
            "at least one",
            0,
        )?;
        let inc = &self.incident;
        check(
            inc.high_level_min <= inc.max_level && inc.max_level <= 9,
            "incident.high_level_min",
            "0 to max_level (at most 9)",
            inc.high_level_min,
        )?;
        check(
            !inc.regulations.is_empty(),
            "incident.regulations",
            "at least one",
            0,
        )?;
        check(
            self.audit.rescan_min_cvss.is_finite()
                && (0.0..=10.0).contains(&self.audit.rescan_min_cvss),
            "audit.rescan_min_cvss",
            "0.0-10.0",
            self.audit.rescan_min_cvss,
        )?;
        let tr = &self.training;
        check(
            tr.smart_learning_share_denominator >= 1
                && tr.smart_learning_share_numerator <= tr.smart_learning_share_denominator,
            "training.smart_learning_share_numerator",
            "0 to the denominator, which is 1 or more",
            format!(
                "{}/{}",
                tr.smart_learning_share_numerator, tr.smart_learning_share_denominator
            ),
        )?;
        for (year, items) in &self.schedule.years {
            check(
                year.parse::<i32>().is_ok(),
                "schedule.years",
                "ROC school years such as \"110\"",
                year,
            )?;
            for item in items {
                check(
                    item.start <= item.end,
                    "schedule.years[].start",
                    "on or before end",
                    &item.id,
                )?;
            }
        }
        let net = &self.network;
        check(
            net.ems_first_host >= 1
                && net.ems_first_host <= net.ems_last_host
                && net.ems_last_host <= 254,
            "network.ems_first_host",
            "1 to ems_last_host, at most 254",
            format!("{}-{}", net.ems_first_host, net.ems_last_host),
        )?;
        check(
            net.school_no_min <= net.school_no_max,
            "network.school_no_min",
            "at most school_no_max",
            net.school_no_min,
        )?;
        let lim = &self.limits;
        for (key, v) in [
            ("limits.scan_max_bytes", lim.scan_max_bytes),
            ("limits.import_max_bytes", lim.import_max_bytes),
            ("limits.import_max_rows", lim.import_max_rows),
            ("limits.import_max_field_chars", lim.import_max_field_chars),
            ("limits.import_max_columns", lim.import_max_columns),
            (
                "limits.archive_max_uncompressed_bytes",
                lim.archive_max_uncompressed_bytes,
            ),
            ("limits.archive_max_entries", lim.archive_max_entries),
            (
                "limits.permission_max_overrides",
                lim.permission_max_overrides,
            ),
        ] {
            check(v >= 1, key, "1 or more", v)?;
        }
        Ok(())
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

/// Whether a character can be seen on its own, so a mask made of it shows where
/// the hidden characters are (issue 14 §5): a letter, number, punctuation mark
/// or symbol. Refused: controls, format characters (zero-width, bidi marks),
/// separators and whitespace, combining marks (they draw on the character
/// before), private-use, unassigned code points and noncharacters.
fn is_visible(c: char) -> bool {
    use unicode_properties::{GeneralCategoryGroup as G, UnicodeGeneralCategory};
    matches!(
        c.general_category_group(),
        G::Letter | G::Number | G::Punctuation | G::Symbol
    ) && !c.is_whitespace()
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_merges() {
        let p = Policy::default();
        assert_eq!(Policy::from_json(&p.to_json()).unwrap(), p);
        let q = Policy::from_json(r#"{"password": {"min_length": 12}}"#).unwrap();
        assert_eq!(q.password.min_length, 12);
        assert_eq!(q.password.min_classes, 3);
        let old = Policy::from_json(r#"{"edition": "ntpc-109"}"#).unwrap();
        assert_eq!(old.drill.report_limit_hours, Some(4));
    }

    #[test]
    fn rejects_unknown_keys_and_bad_documents() {
        let e = Policy::from_json(r#"{"password": {"min_lenght": 12}}"#).unwrap_err();
        assert_eq!(e.code(), Code::PolicyInvalidFile);
        assert!(e.message_en().contains("password.min_lenght"));
        assert_eq!(
            Policy::from_json(r#"{"edition": "x"}"#).unwrap_err().code(),
            Code::PolicyUnknownEdition
        );
        assert_eq!(
            Policy::from_json("[1]").unwrap_err().code(),
            Code::PolicyInvalidFile
        );
        let deep = "[".repeat(10_000);
        assert_eq!(
            Policy::from_json(&deep).unwrap_err().code(),
            Code::InputTooLarge
        );
        let e = Policy::from_json(r#"{"password": {"min_length": "eight"}}"#).unwrap_err();
        assert_eq!(e.code(), Code::PolicyInvalidFile);
    }

    /// Issue 14 §5: a key given twice is refused at any depth, not "last wins".
    #[test]
    fn refuses_duplicate_keys_at_any_depth() {
        for doc in [
            r#"{"password": {"min_length": 12}, "password": {"min_length": 6}}"#,
            r#"{"password": {"min_length": 12, "min_length": 6}}"#,
            r#"{"calendar": {"office_days": {"2030": {"days_off": [], "days_off": []}}}}"#,
            r#"{"edition": "ntpc-110", "edition": "ntpc-109"}"#,
        ] {
            let e = Policy::from_json(doc).unwrap_err();
            assert_eq!(e.code(), Code::PolicyInvalidFile, "{doc}");
            assert!(e.message_en().contains("twice"), "{}", e.message_en());
        }
        // The same key in two objects is fine.
        let p = Policy::from_json(
            r#"{"password": {"min_length": 12}, "mailbox": {"notice_days": 30}}"#,
        );
        assert_eq!(p.unwrap().password.min_length, 12);
    }

    /// Issue 14 §5: the mask must be seen.
    #[test]
    fn mask_char_must_be_visible() {
        for ok in ['*', '＊', '●', 'X', '〇', '#', '×'] {
            let doc = format!(r#"{{"identity": {{"mask_char": "{ok}"}}}}"#);
            assert!(Policy::from_json(&doc).is_ok(), "{ok:?}");
        }
        for bad in [
            "\\u0000", "\\u001b", " ", "\\u00a0", "\\u3000", "\\u200b", "\\u00ad", "\\u202e",
            "\\ufeff", "\\u0301", "\\u20dd", "\\ufffe", "\\uffff", "\\ue000", "\\u0378", "\\ufdd0",
            "\\u2028", "\\u0085", "\\t",
        ] {
            let doc = format!(r#"{{"identity": {{"mask_char": "{bad}"}}}}"#);
            let e = Policy::from_json(&doc).unwrap_err();
            assert_eq!(e.code(), Code::PolicyInvalidFile, "{bad}");
            assert!(
                e.message_en().contains("identity.mask_char"),
                "{}",
                e.message_en()
            );
        }
    }
}
