//! Families from a table (issue 21 §1): the school admin system's family
//! export (學籍管理 › 家庭資料), one row per student, as CSV/TSV or a workbook,
//! through the shared [`crate::import`] reader. The JSON list of
//! [`super::check_file`] stays; a table is the form coordinators keep.
//!
//! Each contact is a group of columns (父親姓名 + 父親手機, …, 其他連絡人1姓名 +
//! 關係 + 手機); a contact whose cells are all blank is not listed, as an
//! absent field of the JSON record. The student column is required: a row that
//! does not say whose family it is cannot be acted on.

use super::{Contact, FamilyRecord};
use crate::error::Result;
use crate::import::{self, ColumnSpec, FamilyImport, ImportOptions, Row, RowError, Schema};
use crate::policy::Policy;

/// The columns of a family table.
pub const FAMILY_SCHEMA: Schema = Schema {
    record: "family",
    record_zh: "家庭資料",
    columns: &[
        ColumnSpec {
            field: "student",
            headers: &["學號", "學生", "座號", "班級座號", "學生姓名", "student"],
            required: true,
        },
        ColumnSpec {
            field: "father_name",
            headers: &["父親姓名", "父姓名", "父親", "father_name", "father"],
            required: false,
        },
        ColumnSpec {
            field: "father_mobile",
            headers: &["父親手機", "父親行動電話", "父手機", "father_mobile"],
            required: false,
        },
        ColumnSpec {
            field: "mother_name",
            headers: &["母親姓名", "母姓名", "母親", "mother_name", "mother"],
            required: false,
        },
        ColumnSpec {
            field: "mother_mobile",
            headers: &["母親手機", "母親行動電話", "母手機", "mother_mobile"],
            required: false,
        },
        ColumnSpec {
            field: "guardian1_name",
            headers: &[
                "監護人1姓名",
                "監護人姓名",
                "監護人1",
                "監護人",
                "guardian1_name",
            ],
            required: false,
        },
        ColumnSpec {
            field: "guardian1_mobile",
            headers: &[
                "監護人1手機",
                "監護人手機",
                "監護人1行動電話",
                "guardian1_mobile",
            ],
            required: false,
        },
        ColumnSpec {
            field: "guardian2_name",
            headers: &["監護人2姓名", "監護人2", "guardian2_name"],
            required: false,
        },
        ColumnSpec {
            field: "guardian2_mobile",
            headers: &["監護人2手機", "監護人2行動電話", "guardian2_mobile"],
            required: false,
        },
        ColumnSpec {
            field: "other1_name",
            headers: &[
                "其他連絡人姓名",
                "其他連絡人1姓名",
                "其他連絡人",
                "other1_name",
            ],
            required: false,
        },
        ColumnSpec {
            field: "other1_relation",
            headers: &[
                "其他連絡人關係",
                "其他連絡人1關係",
                "關係",
                "稱謂",
                "other1_relation",
            ],
            required: false,
        },
        ColumnSpec {
            field: "other1_mobile",
            headers: &["其他連絡人手機", "其他連絡人1手機", "other1_mobile"],
            required: false,
        },
        ColumnSpec {
            field: "other2_name",
            headers: &["其他連絡人2姓名", "其他連絡人2", "other2_name"],
            required: false,
        },
        ColumnSpec {
            field: "other2_relation",
            headers: &["其他連絡人2關係", "other2_relation"],
            required: false,
        },
        ColumnSpec {
            field: "other2_mobile",
            headers: &["其他連絡人2手機", "other2_mobile"],
            required: false,
        },
    ],
    skip_prefixes: &[],
    groups: None,
    unique: None,
};

/// Reads families from a table (CSV, TSV or a workbook).
///
/// ```
/// use ntpc_policy::{Policy, import::ImportOptions, parent};
/// let csv = "學號,父親姓名,父親手機,母親姓名,母親手機\n301-05,王大明,0912-345-678,李美麗,\n";
/// let got = parent::import(csv.as_bytes(), &ImportOptions::default(), &Policy::default()).unwrap();
/// assert_eq!(got.records[0].father.as_ref().unwrap().mobile.as_deref(), Some("0912-345-678"));
/// assert_eq!(got.records[0].mother.as_ref().unwrap().mobile, None);
/// ```
pub fn import(data: &[u8], options: &ImportOptions, policy: &Policy) -> Result<FamilyImport> {
    import::import_with(data, &FAMILY_SCHEMA, options, policy, family_of)
}

fn family_of(row: &Row) -> std::result::Result<FamilyRecord, RowError> {
    let contact = |prefix: &str| {
        let cell = |what: &str| row.get(&format!("{prefix}_{what}")).map(str::to_owned);
        let c = Contact {
            name: cell("name"),
            mobile: cell("mobile").map(|m| lost_zero(row, m)),
            relation: cell("relation"),
        };
        (c.name.is_some() || c.mobile.is_some() || c.relation.is_some()).then_some(c)
    };
    Ok(FamilyRecord {
        student: Some(row.required("student")?.to_owned()),
        father: contact("father"),
        mother: contact("mother"),
        guardian1: contact("guardian1"),
        guardian2: contact("guardian2"),
        others: ["other1", "other2"]
            .into_iter()
            .filter_map(contact)
            .collect(),
    })
}

/// A mobile number a spreadsheet stored as a number has lost its leading
/// zero (`0912345678` → `912345678`): in a workbook, nine digits starting with
/// 9 are given it back, since that is the only way such a cell can come about.
/// Text cells and CSV are taken as typed.
fn lost_zero(row: &Row, mobile: String) -> String {
    if row.from_workbook()
        && mobile.len() == 9
        && mobile.starts_with('9')
        && mobile.bytes().all(|b| b.is_ascii_digit())
    {
        format!("0{mobile}")
    } else {
        mobile
    }
}
