//! Attendance data minimisation (RULES §6; seed 001 柒 案由二).
//!
//! School clerks (幹事) and dietitians (營養師) need each class's daily number of
//! absent students to adjust meals and refunds, but opening the per-student view
//! of 新學生出缺席 to them would expose students' personal data. The meeting
//! kept the rights as they are and asked for a statistics report instead. Here:
//! [`attendance_view`] says which view a person gets, and [`absent_counts`]
//! turns per-student records into per-class daily counts that carry no names.

use super::decide::{Decision, Person, can};
use super::overrides::Override;
use super::table::Right;
use crate::codes::Code;
use crate::error::{PolicyError, Result};
use crate::finding::Finding;
use crate::policy::Policy;
use crate::records::{RowError, in_row};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// The web module whose rights open the per-student view (上課yo ↔ 新學生出缺席).
pub const ATTENDANCE_MODULE: &str = "新學生出缺席";

/// One attendance record of one student on one day, as the module exports it.
///
/// | field | 中文欄名 | English column |
/// |---|---|---|
/// | `class` | 班級 | class |
/// | `date` | 日期 | date (any calendar style) |
/// | `student` | 學生（姓名或學號） | student (name or number) |
/// | `status` | 出缺席狀況 | status (see [`AttendanceStatus`]) |
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(deny_unknown_fields)]
pub struct AttendanceRecord {
    /// The class (班級).
    pub class: String,
    /// The day.
    #[serde(with = "crate::records::date")]
    #[cfg_attr(feature = "schema", schemars(with = "crate::schema::AnyDate"))]
    pub date: NaiveDate,
    /// The student's name or number: used only to count each student once, never output.
    pub student: String,
    /// The status, in English or as the module writes it (事假, 病假, …).
    pub status: String,
}

/// An attendance status of the school admin system.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
pub enum AttendanceStatus {
    /// 出席 / 到校: present.
    Present,
    /// 遲到: late (at school).
    Late,
    /// 早退: left early (was at school).
    LeftEarly,
    /// 事假: personal leave.
    PersonalLeave,
    /// 病假: sick leave.
    SickLeave,
    /// 公假: official leave (away on school business).
    OfficialLeave,
    /// 喪假: bereavement leave.
    BereavementLeave,
    /// 生理假: menstrual leave.
    MenstrualLeave,
    /// 防疫假 / 防疫照顧假: epidemic-prevention leave.
    EpidemicLeave,
    /// 曠課 / 缺席: absent without leave.
    Absent,
}

/// Every status name accepted, English and Chinese.
const NAMES: &[(&str, AttendanceStatus)] = &[
    ("present", AttendanceStatus::Present),
    ("出席", AttendanceStatus::Present),
    ("到校", AttendanceStatus::Present),
    ("late", AttendanceStatus::Late),
    ("遲到", AttendanceStatus::Late),
    ("left_early", AttendanceStatus::LeftEarly),
    ("早退", AttendanceStatus::LeftEarly),
    ("personal_leave", AttendanceStatus::PersonalLeave),
    ("事假", AttendanceStatus::PersonalLeave),
    ("sick_leave", AttendanceStatus::SickLeave),
    ("病假", AttendanceStatus::SickLeave),
    ("official_leave", AttendanceStatus::OfficialLeave),
    ("公假", AttendanceStatus::OfficialLeave),
    ("bereavement_leave", AttendanceStatus::BereavementLeave),
    ("喪假", AttendanceStatus::BereavementLeave),
    ("menstrual_leave", AttendanceStatus::MenstrualLeave),
    ("生理假", AttendanceStatus::MenstrualLeave),
    ("epidemic_leave", AttendanceStatus::EpidemicLeave),
    ("防疫假", AttendanceStatus::EpidemicLeave),
    ("防疫照顧假", AttendanceStatus::EpidemicLeave),
    ("absent", AttendanceStatus::Absent),
    ("曠課", AttendanceStatus::Absent),
    ("缺席", AttendanceStatus::Absent),
];

impl AttendanceStatus {
    /// Reads a status name (trimmed; English names ignore ASCII case).
    ///
    /// ```
    /// use ntpc_policy::permission::AttendanceStatus;
    /// assert_eq!(AttendanceStatus::parse(" 病假 ").unwrap(), AttendanceStatus::SickLeave);
    /// assert!(AttendanceStatus::parse("請假中").is_err());
    /// ```
    pub fn parse(name: &str) -> Result<AttendanceStatus> {
        let key = name.trim().to_ascii_lowercase();
        NAMES
            .iter()
            .find(|(n, _)| *n == key)
            .map(|(_, s)| *s)
            .ok_or_else(|| {
                let shown = crate::calendar::clip(name.trim());
                PolicyError::invalid_bilingual(
                    "status",
                    format!("unknown attendance status {shown:?}"),
                    format!("未知的出缺席狀態 {shown:?}"),
                )
            })
    }

    /// Away from school that day, so not eating there (decided): every kind of
    /// leave (事假 病假 公假 喪假 生理假 防疫假) and 曠課. Present, late and left
    /// early were at school and are not absent.
    pub const fn is_absent(self) -> bool {
        !matches!(
            self,
            AttendanceStatus::Present | AttendanceStatus::Late | AttendanceStatus::LeftEarly
        )
    }
}

/// One class on one day: how many students were absent. There is no name field:
/// no student can leave through this type.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ClassDayCount {
    /// The class, trimmed.
    pub class: String,
    /// The day.
    pub date: NaiveDate,
    /// Students absent that day (each counted once).
    pub absent: u32,
}

/// Per-class daily absent counts, and the records that could not be read.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct AbsentCounts {
    /// One entry per class and day that has records, by class then day.
    pub counts: Vec<ClassDayCount>,
    /// Records that could not be read (`records[i].field`); they are not counted.
    pub errors: Vec<RowError>,
}

/// Which view of attendance a person gets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
pub enum AttendanceView {
    /// Per student: a holder of 管理權 or 編輯權 of 新學生出缺席.
    PerStudent,
    /// Per-class daily counts only, with no names.
    ClassCounts,
}

/// The view a person gets, with the permission decision behind it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct AttendanceAccess {
    /// Per student, or class counts only.
    pub view: AttendanceView,
    /// The edit-right decision on 新學生出缺席 (management implies edit).
    pub decision: Decision,
    /// Why.
    pub findings: Vec<Finding>,
}

/// Which attendance view a person gets: per student when they hold a right on
/// 新學生出缺席 (edit, or management which implies it), after the school's
/// overrides; otherwise only the per-class daily counts of [`absent_counts`]
/// (seed 001 案由二: no wider per-student view for non-teaching staff).
///
/// ```
/// use ntpc_policy::{Policy, permission::{attendance_view, AttendanceView, Person}};
/// let p = Policy::default();
/// let dietitian = Person { title: Some("營養師".into()), roles: vec![] };
/// assert_eq!(attendance_view(&dietitian, &[], &p).unwrap().view, AttendanceView::ClassCounts);
/// let tutor = Person { title: Some("導師".into()), roles: vec![] };
/// assert_eq!(attendance_view(&tutor, &[], &p).unwrap().view, AttendanceView::PerStudent);
/// ```
pub fn attendance_view(
    person: &Person,
    overrides: &[Override],
    policy: &Policy,
) -> Result<AttendanceAccess> {
    let decision = can(person, ATTENDANCE_MODULE, Right::Edit, overrides, policy)?;
    let view = if decision.allowed {
        AttendanceView::PerStudent
    } else {
        AttendanceView::ClassCounts
    };
    let mut findings = decision.findings.clone();
    if view == AttendanceView::ClassCounts {
        findings.push(Finding::new(Code::PermissionAttendanceCountsOnly));
    }
    Ok(AttendanceAccess {
        view,
        decision,
        findings,
    })
}

/// Per-class daily counts of absent students, with no names (seed 001 案由二).
///
/// Decided: [`AttendanceStatus::is_absent`] says what counts; a student is
/// counted once per class and day, as absent when any of their records that day
/// is an absence (records are daily statuses; reduce per-period data to a day
/// first). A class and day whose records are all present appear with 0. Records
/// with a blank class or student or an unknown status are listed in `errors`
/// (with their position, never their student) and the others are still counted.
/// Student values are only compared, never copied into the output.
///
/// ```
/// use ntpc_policy::permission::{absent_counts, AttendanceRecord};
/// let rows: Vec<AttendanceRecord> = serde_json::from_str(r#"[
///   {"class": "101", "date": "110/12/07", "student": "王小明", "status": "病假"},
///   {"class": "101", "date": "110/12/07", "student": "李小華", "status": "出席"},
///   {"class": "101", "date": "110/12/07", "student": "王小明", "status": "事假"}
/// ]"#).unwrap();
/// let c = absent_counts(&rows);
/// assert_eq!((c.counts[0].class.as_str(), c.counts[0].absent), ("101", 1));
/// assert!(!serde_json::to_string(&c).unwrap().contains("王小明"));
/// ```
pub fn absent_counts(records: &[AttendanceRecord]) -> AbsentCounts {
    let mut days: BTreeMap<(String, NaiveDate), BTreeSet<&str>> = BTreeMap::new();
    let mut errors = Vec::new();
    for (index, r) in records.iter().enumerate() {
        let class = r.class.trim();
        let student = r.student.trim();
        let problem = if class.is_empty() {
            Some(PolicyError::invalid_bilingual("class", "blank", "空白"))
        } else if student.is_empty() {
            Some(PolicyError::invalid_bilingual("student", "blank", "空白"))
        } else {
            AttendanceStatus::parse(&r.status).err()
        };
        if let Some(e) = problem {
            errors.push(RowError {
                index,
                error: in_row(e, "records", index),
            });
            continue;
        }
        let absent = days.entry((class.to_owned(), r.date)).or_default();
        if AttendanceStatus::parse(&r.status).is_ok_and(AttendanceStatus::is_absent) {
            absent.insert(student);
        }
    }
    AbsentCounts {
        counts: days
            .into_iter()
            .map(|((class, date), students)| ClassDayCount {
                class,
                date,
                absent: u32::try_from(students.len()).unwrap_or(u32::MAX),
            })
            .collect(),
        errors,
    }
}
