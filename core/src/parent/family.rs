//! Who in a student's family record can register in the parent app (RULES §5;
//! seed 000 PART FIVE 學籍管理--家庭資料 家長手機號碼 設定).

use super::phone::{PhoneCheck, PhoneKind, normalize_mobile};
use crate::codes::Code;
use crate::finding::{Finding, Severity, Verdict};
use serde::{Deserialize, Serialize};

/// Names that are placeholders, not names (decided): they count as blank.
pub const NAME_PLACEHOLDERS: &[&str] = &[
    "無",
    "不詳",
    "未知",
    "略",
    "無資料",
    "none",
    "n/a",
    "na",
    "null",
];

/// One person of the family record: a name and a mobile number.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(deny_unknown_fields)]
pub struct Contact {
    /// 姓名.
    #[serde(default)]
    pub name: Option<String>,
    /// 行動電話, as typed.
    #[serde(default)]
    pub mobile: Option<String>,
    /// For other contacts, the relation (祖母, 舅舅, …); only echoed.
    #[serde(default)]
    pub relation: Option<String>,
}

/// A student's family record (學籍管理 › 家庭資料 and 其他連絡人).
///
/// ```json
/// { "student": "301-05",
///   "father": { "name": "王大明", "mobile": "0912-345-678" },
///   "mother": { "name": "李美麗", "mobile": "" },
///   "others": [ { "name": "王奶奶", "mobile": "+886 933 111 222", "relation": "祖母" } ] }
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(deny_unknown_fields)]
pub struct FamilyRecord {
    /// Whatever identifies the student (學號, class and seat); only echoed.
    #[serde(default)]
    pub student: Option<String>,
    /// 父親.
    #[serde(default)]
    pub father: Option<Contact>,
    /// 母親.
    #[serde(default)]
    pub mother: Option<Contact>,
    /// 監護人1.
    #[serde(default)]
    pub guardian1: Option<Contact>,
    /// 監護人2.
    #[serde(default)]
    pub guardian2: Option<Contact>,
    /// 其他連絡人.
    #[serde(default)]
    pub others: Vec<Contact>,
}

/// Which field of the family record a contact is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
pub enum Slot {
    /// 父親.
    Father,
    /// 母親.
    Mother,
    /// 監護人1.
    Guardian1,
    /// 監護人2.
    Guardian2,
    /// 其他連絡人 (with its position in `others`).
    Other,
}

/// One contact of the record, checked.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ContactCheck {
    /// Which field.
    pub slot: Slot,
    /// Position in `others` (0-based), for other contacts.
    pub index: Option<usize>,
    /// `father`, `guardian 1`, `other contact 2`, … as used in the findings.
    pub who: String,
    /// The name, trimmed, when filled.
    pub name: Option<String>,
    /// The relation of an other contact, trimmed, when given.
    pub relation: Option<String>,
    /// Anything is filled in (a blank slot is a person not listed).
    pub listed: bool,
    /// The mobile number field, read.
    pub mobile: PhoneCheck,
    /// Both a name and a usable mobile number: this person can register.
    pub can_register: bool,
    /// What is missing or malformed.
    pub findings: Vec<Finding>,
}

/// Someone who can register in the parent app.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Registrant {
    /// Which field.
    pub slot: Slot,
    /// Position in `others`, for other contacts.
    pub index: Option<usize>,
    /// The name, trimmed.
    pub name: String,
    /// The mobile number, normalised (`0912345678`).
    pub mobile: String,
}

/// Who of a family can register in the parent app, and what keeps the others out.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct FamilyCheck {
    /// The record's `student`, trimmed.
    pub student: Option<String>,
    /// `fail` when a listed father, mother or guardian lacks a name or a usable
    /// mobile number, or nobody can register; `warn` for an other contact's problem.
    pub verdict: Verdict,
    /// Everyone who can register, in record order.
    pub registrants: Vec<Registrant>,
    /// Every contact — father, mother, guardian 1, guardian 2, then the others.
    pub contacts: Vec<ContactCheck>,
    /// Every contact's findings, then the family's.
    pub findings: Vec<Finding>,
}

fn name_of(c: &Contact) -> Option<String> {
    let t = c.name.as_deref()?.trim();
    let real = t.chars().any(char::is_alphabetic)
        && !NAME_PLACEHOLDERS.iter().any(|p| p.eq_ignore_ascii_case(t));
    real.then(|| t.to_owned())
}

fn check_contact(slot: Slot, index: Option<usize>, c: &Contact) -> ContactCheck {
    let (who, who_zh) = match (slot, index) {
        (Slot::Father, _) => ("father".to_owned(), "父親".to_owned()),
        (Slot::Mother, _) => ("mother".to_owned(), "母親".to_owned()),
        (Slot::Guardian1, _) => ("guardian 1".to_owned(), "監護人1".to_owned()),
        (Slot::Guardian2, _) => ("guardian 2".to_owned(), "監護人2".to_owned()),
        (Slot::Other, i) => {
            let n = i.unwrap_or(0) + 1;
            (format!("other contact {n}"), format!("其他連絡人{n}"))
        }
    };
    let name = name_of(c);
    let raw_mobile = c.mobile.as_deref().unwrap_or("");
    let mobile = normalize_mobile(raw_mobile);
    let name_typed = c.name.as_deref().is_some_and(|n| !n.trim().is_empty());
    let listed = name_typed || mobile.kind != PhoneKind::Empty;
    let mut findings = Vec::new();
    let f = |code: Code| {
        Finding::new(code)
            .with("who", who.clone())
            .with("who_zh", who_zh.clone())
    };
    // Required fields are violations for father, mother and the guardians; an
    // other contact is optional, so its problems are warnings (decided).
    let sev = if slot == Slot::Other {
        Severity::Warning
    } else {
        Severity::Violation
    };
    let shown = crate::calendar::clip(raw_mobile.trim());
    if !listed {
        if slot != Slot::Other {
            findings.push(f(Code::ParentNotListed));
        }
    } else {
        if name.is_none() {
            findings.push(f(Code::ParentMissingName).severity(sev));
        }
        match mobile.kind {
            PhoneKind::Mobile => {}
            PhoneKind::Empty => findings.push(f(Code::ParentMissingMobile).severity(sev)),
            PhoneKind::Landline => findings.push(
                f(Code::ParentLandline)
                    .with("input", shown.clone())
                    .severity(sev),
            ),
            PhoneKind::Invalid => {
                let p = mobile
                    .problem
                    .unwrap_or(super::phone::PhoneProblem::NotAPhoneNumber);
                findings.push(
                    f(Code::ParentInvalidMobile)
                        .with("input", shown.clone())
                        .with("problem", p.as_str())
                        .with("problem_zh", p.as_zh())
                        .severity(sev),
                );
            }
        }
    }
    ContactCheck {
        slot,
        index,
        who,
        can_register: name.is_some() && mobile.valid,
        name,
        relation: c
            .relation
            .as_deref()
            .map(str::trim)
            .filter(|r| !r.is_empty())
            .map(str::to_owned),
        listed,
        mobile,
        findings,
    }
}

/// Who of a family can register in the parent app (新北校園通 APP).
///
/// Seed 000 PART FIVE: the name and the mobile number of the father, the mother,
/// guardian 1 and guardian 2 are required — "姓名欄位及行動電話欄位缺一不可" — and
/// another contact with both filled can register too; one number binds any number
/// of devices. Decided:
/// - a slot left entirely blank is a person not listed (`parent.not_listed`,
///   info), not a violation: a family without a second guardian is normal;
/// - a listed father, mother or guardian without a name, or without a usable
///   mobile number (missing, landline, malformed — see [`normalize_mobile`]) is
///   a violation; the same problems of an other contact are warnings;
/// - a name is filled when it holds a letter (any script) and is not a
///   placeholder such as 無 or 不詳 ([`NAME_PLACEHOLDERS`]);
/// - nobody able to register is a violation of its own (`parent.nobody_can_register`).
///
/// Phone numbers in findings are quoted as typed (at most 64 characters); the
/// registrants carry the normalised number.
///
/// ```
/// use ntpc_policy::{Verdict, parent::{check, FamilyRecord}};
/// let r: FamilyRecord = serde_json::from_str(r#"{
///   "father": {"name": "王大明", "mobile": "+886 912 345 678"},
///   "mother": {"name": "李美麗", "mobile": "02-2960-3456"}}"#).unwrap();
/// let c = check(&r);
/// assert_eq!(c.registrants[0].mobile, "0912345678");
/// assert_eq!(c.findings[0].code.as_str(), "parent.landline");
/// assert_eq!(c.verdict, Verdict::Fail);
/// ```
pub fn check(record: &FamilyRecord) -> FamilyCheck {
    let fixed = [
        (Slot::Father, &record.father),
        (Slot::Mother, &record.mother),
        (Slot::Guardian1, &record.guardian1),
        (Slot::Guardian2, &record.guardian2),
    ];
    let empty = Contact::default();
    let mut contacts: Vec<ContactCheck> = fixed
        .iter()
        .map(|(slot, c)| check_contact(*slot, None, c.as_ref().unwrap_or(&empty)))
        .collect();
    contacts.extend(
        record
            .others
            .iter()
            .enumerate()
            .map(|(i, c)| check_contact(Slot::Other, Some(i), c)),
    );
    let registrants: Vec<Registrant> = contacts
        .iter()
        .filter(|c| c.can_register)
        .filter_map(|c| {
            Some(Registrant {
                slot: c.slot,
                index: c.index,
                name: c.name.clone()?,
                mobile: c.mobile.normalized.clone()?,
            })
        })
        .collect();
    let mut findings: Vec<Finding> = contacts
        .iter()
        .flat_map(|c| c.findings.iter().cloned())
        .collect();
    if registrants.is_empty() {
        findings.push(Finding::new(Code::ParentNobodyCanRegister));
    }
    FamilyCheck {
        student: record
            .student
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_owned),
        verdict: Verdict::of(&findings),
        registrants,
        contacts,
        findings,
    }
}

/// Checks many families, in input order.
///
/// ```
/// use ntpc_policy::parent::{check_many, FamilyRecord};
/// let all = check_many(&[FamilyRecord::default()]);
/// assert_eq!(all[0].findings.last().unwrap().code.as_str(), "parent.nobody_can_register");
/// ```
pub fn check_many(records: &[FamilyRecord]) -> Vec<FamilyCheck> {
    records.iter().map(check).collect()
}
