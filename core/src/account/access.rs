//! Deciding education-account access (RULES §5; seed 000 PART TWO 帳號篇).

use super::record::{AccountRecord, PersonStatus, Role};
use crate::codes::Code;
use crate::finding::{Finding, Verdict};
use crate::identity::{AccountNameCheck, check_account};
use crate::policy::Policy;
use crate::records::{filled, roc};
use chrono::{Days, NaiveDate};
use serde::Serialize;

/// A service behind the school account (校務帳號).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
pub enum Service {
    /// 校務帳號: the school admin system and single sign-on.
    SchoolAccount,
    /// 親師生平台: the parent-teacher-student platform.
    ParentPlatform,
    /// Google Workspace for Education (@apps.ntpc.edu.tw).
    GoogleWorkspace,
    /// Microsoft 365.
    #[serde(rename = "microsoft_365")]
    Microsoft365,
    /// The department's mail (@ntpc.edu.tw, Mail2000), staff only.
    NtpcMail,
}

/// Services of a student's education account (seed: 含親師生平台登入、Google apps、Microsoft 365).
pub const STUDENT_SERVICES: &[Service] = &[
    Service::SchoolAccount,
    Service::ParentPlatform,
    Service::GoogleWorkspace,
    Service::Microsoft365,
];

/// Services of a staff member's account: the student ones and the department's mail
/// (seed 001 §陸.二.(三)3: departed staff lose single sign-on and mail).
pub const STAFF_SERVICES: &[Service] = &[
    Service::SchoolAccount,
    Service::ParentPlatform,
    Service::GoogleWorkspace,
    Service::Microsoft365,
    Service::NtpcMail,
];

/// The event to back up before.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
pub enum BackupEvent {
    /// 轉學: a transfer between New Taipei schools (a gap, access returns).
    Transfer,
    /// 升學: a move to the next school level in New Taipei (a gap, access returns).
    LevelChange,
    /// 轉學或畢業離開本市: leaving New Taipei's schools.
    LeavingCity,
    /// 畢業: graduation.
    Graduation,
    /// 退休: retirement.
    Retirement,
    /// 離職: leaving the school.
    Departure,
}

impl BackupEvent {
    const fn as_str(self) -> &'static str {
        match self {
            BackupEvent::Transfer => "transfer",
            BackupEvent::LevelChange => "level_change",
            BackupEvent::LeavingCity => "leaving_city",
            BackupEvent::Graduation => "graduation",
            BackupEvent::Retirement => "retirement",
            BackupEvent::Departure => "departure",
        }
    }

    const fn as_zh(self) -> &'static str {
        match self {
            BackupEvent::Transfer => "轉學",
            BackupEvent::LevelChange => "升學",
            BackupEvent::LeavingCity => "轉學或畢業離開本市",
            BackupEvent::Graduation => "畢業",
            BackupEvent::Retirement => "退休",
            BackupEvent::Departure => "離職",
        }
    }
}

/// What to back up, and before which event.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct BackupAdvice {
    /// The event that ends (or pauses) access.
    pub event: BackupEvent,
    /// Back up before this day (the status date), when known.
    pub before: Option<NaiveDate>,
    /// The services whose data to back up.
    pub services: Vec<Service>,
    /// Access is already gone: the owner can no longer make the backup.
    pub too_late: bool,
}

/// The education-account access of one person on `today`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct AccountAccess {
    /// The record's `person`, trimmed.
    pub person: Option<String>,
    /// Student or staff.
    pub role: Role,
    /// The status given.
    pub status: PersonStatus,
    /// Access today, to every service of `services` (access is all or nothing:
    /// it follows the school account).
    pub access: bool,
    /// The code of the finding that decided access.
    pub reason: Code,
    /// The services of the account.
    pub services: Vec<Service>,
    /// For a scheduled event: the last day with access.
    pub access_until: Option<NaiveDate>,
    /// Without access now, but it comes back by itself once a New Taipei school
    /// enrols the student with a class (transfer gap, level change, no class yet).
    pub access_returns: bool,
    /// What to back up and before what, when access ends or pauses.
    pub backup: Option<BackupAdvice>,
    /// The custom-account rule (RULES §2), when a custom account is given.
    pub account_name: Option<AccountNameCheck>,
    /// `pass` with access, `warn` without (or when it is about to end), `fail`
    /// when the custom account must be reset.
    pub verdict: Verdict,
    /// Why: the deciding finding first.
    pub findings: Vec<Finding>,
}

/// The event a leaving or gap status stands for, and the finding that explains it.
fn event_of(status: PersonStatus) -> Option<(BackupEvent, Code, bool)> {
    use PersonStatus as S;
    match status {
        S::TransferGap => Some((BackupEvent::Transfer, Code::AccountTransferGap, true)),
        S::LevelChange => Some((BackupEvent::LevelChange, Code::AccountLevelChange, true)),
        S::LeftCity => Some((BackupEvent::LeavingCity, Code::AccountLeftCity, false)),
        S::Graduated => Some((BackupEvent::Graduation, Code::AccountGraduated, false)),
        S::Retired => Some((BackupEvent::Retirement, Code::AccountStaffLeft, false)),
        S::Departed => Some((BackupEvent::Departure, Code::AccountStaffLeft, false)),
        S::Enrolled | S::Serving | S::Substitute | S::Temporary => None,
    }
}

/// The education-account access of one person on `today`.
///
/// The key is the school admin system (seed 000 PART TWO 帳號篇): a student has
/// access only while enrolled (有學籍) **with a class**; in the gap of a transfer
/// or of a move to the next school level (sent out, not yet received or without a
/// class) there is none, and it returns once the new school places the student in
/// a class; leaving New Taipei or graduating ends it; staff who retire or leave
/// lose it. Access is all or nothing across [`STUDENT_SERVICES`] /
/// [`STAFF_SERVICES`].
///
/// Decided: a leaving or gap status whose `status_date` is after `today` is
/// *scheduled* — access stays until the day before, with a warning to back up
/// before that day; with no date, or a date of today or earlier, access is gone
/// today (a status set today takes effect today). `status_date` is not used for
/// `enrolled` and `serving`, nor `class` for anyone but enrolled students.
/// Every answer without access (or about to lose it) carries a [`BackupAdvice`]
/// naming the services, the event and the day. A custom account name is checked
/// by [`check_account`] (an ID-shaped name must be reset); its findings are added.
/// A student enrolled without a class is in the gap of a move whose day is not
/// given: nothing is lost and access returns with the class, so there is no
/// backup advice. The check never fails: every record has an answer.
///
/// ```
/// use ntpc_policy::{Policy, account::{check, AccountRecord}};
/// let today = chrono::NaiveDate::from_ymd_opt(2022, 6, 1).unwrap();
/// let r: AccountRecord = serde_json::from_str(r#"{"status": "graduated", "status_date": "2022-06-30"}"#).unwrap();
/// let a = check(&r, today, &Policy::default());
/// assert!(a.access);
/// assert_eq!(a.access_until.unwrap().to_string(), "2022-06-29");
/// let r: AccountRecord = serde_json::from_str(r#"{"status": "enrolled", "class": " "}"#).unwrap();
/// assert!(!check(&r, today, &Policy::default()).access);
/// ```
pub fn check(record: &AccountRecord, today: NaiveDate, policy: &Policy) -> AccountAccess {
    let status = record.status;
    let role = status.role();
    let services = match role {
        Role::Student => STUDENT_SERVICES,
        Role::Staff => STAFF_SERVICES,
    }
    .to_vec();
    let class = filled(record.class.as_deref());
    let mut findings = Vec::new();
    let mut backup = None;
    let mut access_until = None;
    let mut access_returns = false;
    let access = match (status, event_of(status)) {
        (PersonStatus::Enrolled, _) => match class {
            Some(c) => {
                findings.push(Finding::new(Code::AccountActiveStudent).with("class", c.to_owned()));
                true
            }
            None => {
                findings.push(Finding::new(Code::AccountNoClass));
                access_returns = true;
                false
            }
        },
        (PersonStatus::Serving | PersonStatus::Substitute | PersonStatus::Temporary, _) => {
            findings.push(Finding::new(Code::AccountActiveStaff));
            true
        }
        (_, Some((event, code, returns))) => {
            let scheduled = record.status_date.filter(|d| *d > today);
            let advice = BackupAdvice {
                event,
                before: record.status_date,
                services: services.clone(),
                too_late: scheduled.is_none(),
            };
            backup = Some(advice);
            match scheduled {
                Some(day) => {
                    access_until = day.checked_sub_days(Days::new(1));
                    findings.push(
                        Finding::new(Code::AccountLeavingScheduled)
                            .with("event", event.as_str())
                            .with("event_zh", event.as_zh())
                            .with("date", day.to_string())
                            .with("date_zh", roc(day)),
                    );
                    true
                }
                None => {
                    access_returns = returns;
                    let mut f = Finding::new(code);
                    if code == Code::AccountStaffLeft {
                        f = f
                            .with("status", status.as_str())
                            .with("status_zh", status.as_zh());
                    }
                    findings.push(f);
                    false
                }
            }
        }
        // Every status is covered above; kept total so no input can panic.
        (_, None) => false,
    };
    let reason = findings.first().map_or(Code::AccountNoClass, |f| f.code);
    let account_name = filled(record.account.as_deref()).map(|n| check_account(n, policy));
    if let Some(a) = &account_name {
        findings.extend(a.findings.iter().cloned());
    }
    AccountAccess {
        person: filled(record.person.as_deref()).map(str::to_owned),
        role,
        status,
        access,
        reason,
        services,
        access_until,
        access_returns,
        backup,
        account_name,
        verdict: Verdict::of(&findings),
        findings,
    }
}

/// Checks many people, in input order (one answer per record; none can fail).
///
/// ```
/// use ntpc_policy::{Policy, account::{check_many, AccountRecord}};
/// let rows: Vec<AccountRecord> = serde_json::from_str(
///     r#"[{"status": "serving"}, {"status": "離職"}]"#).unwrap();
/// let b = check_many(&rows, chrono::NaiveDate::from_ymd_opt(2021, 12, 7).unwrap(), &Policy::default());
/// assert_eq!((b[0].access, b[1].access), (true, false));
/// ```
pub fn check_many(
    records: &[AccountRecord],
    today: NaiveDate,
    policy: &Policy,
) -> Vec<AccountAccess> {
    records.iter().map(|r| check(r, today, policy)).collect()
}
