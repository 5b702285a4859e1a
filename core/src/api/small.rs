//! The smaller rules (RULES §9: training, EMS network), the shared importer's
//! helpers, and the code table.

use super::{Bytes, Date, api_table};
use crate::codes::{CodeInfo, code_table as codes};
use crate::import::{self, Decoded};
use crate::network::{self, EmsAddressCheck, EmsAllocation};
use crate::schedule::{self, Schedule};
use crate::training::{
    self, SchoolCertification, SecurityTrainingCheck, SmartLearningProgress, TeacherCertification,
    TeacherHours,
};

api_table! { ALL, policy;
    /// Security training hours of a staff member against the 3 hours a year.
    "training.security_training" => fn security_training(hours: f64) with [policy] -> SecurityTrainingCheck {
        training::security_training(hours, policy)
    }

    /// Smart-learning certification against ⌈1/5⌉ of a school's teacher quota.
    "training.smart_learning_progress" => fn smart_learning_progress(teacher_quota: u32, certified: u32) with [policy] -> SmartLearningProgress {
        training::smart_learning_progress(teacher_quota, certified, policy)
    }

    /// One teacher's smart-learning certification on `today`: 3 h of the city's
    /// course and 3 h on a platform, every teacher due 114/12/31.
    "training.smart_learning_teacher" => fn smart_learning_teacher(teacher: TeacherHours, today: Date) with [policy] -> TeacherCertification {
        training::smart_learning_teacher(&teacher, today.0, policy)
    }

    /// A school's smart-learning certification on `today`: each teacher, the
    /// ⌈1/5⌉ share of the teacher quota due 111/07/31 and every teacher due
    /// 114/12/31 (`teacher_quota` defaults to the teachers listed).
    "training.smart_learning_school" => fn smart_learning_school(teachers: Vec<TeacherHours>, today: Date, teacher_quota: Option<u32> = None) with [policy] -> SchoolCertification {
        training::smart_learning_school(&teachers, teacher_quota, today.0, policy)
    }

    /// The year's security work calendar on `today` (the school year of `today`
    /// unless one is named): each item `later`, `upcoming` (starts within 14
    /// days), `open` or `past`.
    "schedule.on" => fn schedule_on(today: Date, school_year: Option<i32> = None) with [policy] -> Schedule {
        schedule::on(today.0, school_year, policy)
    }

    /// The year's security work calendar as iCalendar (RFC 5545) text for Google
    /// Calendar: deterministic (UIDs from the items, DTSTAMP from `today`).
    "schedule.ics" => fn schedule_ics(today: Date, school_year: Option<i32> = None) with [policy] -> String as "ics" {
        schedule::ics(today.0, school_year, policy)
    }

    /// A school's EMS addresses: VLAN 70, `10.239.<school no>.101`–`.110`.
    "network.ems_allocation" => fn ems_allocation(school_no: u32) with [policy] -> EmsAllocation {
        network::ems_allocation(school_no, policy)
    }

    /// Whether an address is one of a school's EMS addresses (and whose it is).
    "network.check_ems_address" => fn check_ems_address(address: String, school_no: u32) with [policy] -> EmsAddressCheck {
        network::check_ems_address(&address, school_no, policy)
    }

    /// File bytes as text: UTF-8 (with or without BOM), UTF-16 with a BOM, else
    /// Big5/CP950; which one, and whether it had a BOM.
    "import.decode" => fn decode_text(data: Bytes) -> Decoded {
        import::decode(&data.0)
    }

    /// A cell made safe for a spreadsheet (a leading `=`, `+`, `-`, `@` stays text).
    "import.csv_escape_cell" => fn csv_escape_cell(value: String) -> String as "cell" {
        Ok(import::csv_escape_cell(&value))
    }

    /// A count cell: a whole number ≥ 0, or yes/no words (是/否, Y/N) as 1/0.
    "import.parse_count" => fn parse_count(text: String) -> u32 as "count" {
        import::parse_count(&text)
    }

    /// Every finding and error code with its kind and both message templates.
    "codes.table" => fn code_table() -> Vec<CodeInfo> as "codes" {
        Ok(codes())
    }
}
