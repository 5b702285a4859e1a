//! Reading the department's incident table from CSV/TSV.

use super::deadline::{Obligation, TimeField};
use super::record::{Incident, check_level, parse_level};
use crate::calendar;
use crate::codes::Code;
use crate::error::Result;
use crate::finding::Finding;
use crate::import::{
    self, ColumnSpec, GroupLines, ImportOptions, IncidentImport, Row, RowError, Schema,
};
use crate::policy::Policy;

/// The header table of [`Incident`]: the seed's Chinese headers (編號, 通報單位,
/// 等級, 事件類型, 子類型, 發生時間, 通報時間, 審核時間, IP), the times the seed
/// table lacks, and the English field names.
pub const INCIDENT_SCHEMA: Schema = Schema {
    record: "incident",
    record_zh: "資安事件",
    columns: &[
        ColumnSpec {
            field: "id",
            headers: &["編號", "事件編號", "通報編號", "id"],
            required: true,
        },
        ColumnSpec {
            field: "unit",
            headers: &["通報單位", "單位", "學校", "unit", "school"],
            required: true,
        },
        ColumnSpec {
            field: "level",
            headers: &["等級", "事件等級", "審核等級", "level"],
            required: true,
        },
        ColumnSpec {
            field: "reported_level",
            headers: &["原通報等級", "通報等級", "reported_level"],
            required: false,
        },
        ColumnSpec {
            field: "event_type",
            headers: &["事件類型", "類型", "event_type", "type"],
            required: false,
        },
        ColumnSpec {
            field: "subtype",
            headers: &["子類型", "事件子類型", "subtype"],
            required: false,
        },
        ColumnSpec {
            field: "occurred_at",
            headers: &["發生時間", "occurred_at", "occurred"],
            required: false,
        },
        ColumnSpec {
            field: "aware_at",
            headers: &["知悉時間", "知悉日期", "aware_at", "aware"],
            required: false,
        },
        ColumnSpec {
            field: "reported_at",
            headers: &["通報時間", "reported_at", "reported"],
            required: false,
        },
        ColumnSpec {
            field: "reviewed_at",
            headers: &["審核時間", "reviewed_at", "reviewed"],
            required: false,
        },
        ColumnSpec {
            field: "recovered_at",
            headers: &[
                "復原時間",
                "完成復原時間",
                "損害控制或復原時間",
                "recovered_at",
                "recovered",
            ],
            required: false,
        },
        ColumnSpec {
            field: "report_filed_at",
            headers: &[
                "報告時間",
                "改善報告時間",
                "調查報告時間",
                "report_filed_at",
            ],
            required: false,
        },
        ColumnSpec {
            field: "ip",
            headers: &["IP", "IP位址", "ip_address"],
            required: false,
        },
    ],
    skip_prefixes: &[],
    // The group lines of the department's web table (▲ 通報單位: …, 筆數: 1):
    // the group names the school, the rows' own cells are redacted.
    groups: Some(GroupLines {
        opener: "▲",
        field: "unit",
        subtotal: "筆數",
    }),
    unique: Some("id"),
};

/// Reads incidents from a CSV/TSV file (see [`crate::import`] for encodings,
/// delimiters and errors). Levels are read as the table writes them (`1級`), times
/// in any style of [`calendar::parse_datetime`]; `id`, `unit` and `level` are
/// required. A bad row is a [`RowError`] with its line; the others are read.
///
/// ```
/// use ntpc_policy::{Policy, import::ImportOptions, incident};
/// let tsv = "編號\t通報單位\t等級\t子類型\t發生時間\n\
///            190902\t新北市三重區 [REDACTED] 國民小學\t1級\t對外攻擊\t2021/03/29 07:42\n\
///            1\tX\t9級\t\t\n";
/// let got = incident::import(tsv.as_bytes(), &ImportOptions::default(), &Policy::default()).unwrap();
/// assert_eq!(got.records[0].level, 1);
/// assert_eq!((got.errors[0].line, got.errors[0].column), (3, Some(3)));
/// ```
pub fn import(data: &[u8], options: &ImportOptions, policy: &Policy) -> Result<IncidentImport> {
    let mut imp: IncidentImport =
        import::import_with(data, &INCIDENT_SCHEMA, options, policy, |row| {
            incident_of(row, policy)
        })?;
    let absent: Vec<TimeField> = TimeField::ALL
        .into_iter()
        .filter(|f| !imp.columns.iter().any(|c| c.field == f.as_str()))
        .collect();
    if !absent.is_empty() {
        for r in &mut imp.records {
            r.not_recorded.clone_from(&absent);
        }
        imp.findings.extend(absent_findings(&absent));
    }
    Ok(imp)
}

/// What a file without some time columns cannot show, said once for the file
/// (issue 16 item 2): the duties that stay `unknown`, and the basis of the
/// clocks when there is no awareness column.
fn absent_findings(absent: &[TimeField]) -> Vec<Finding> {
    let no = |f: TimeField| absent.contains(&f);
    let mut out = Vec::new();
    if no(TimeField::AwareAt) && !no(TimeField::OccurredAt) {
        out.push(Finding::new(Code::IncidentNoAwarenessColumn));
    }
    let no_start = no(TimeField::AwareAt) && no(TimeField::OccurredAt);
    let duties: Vec<Obligation> = Obligation::ALL
        .into_iter()
        .filter(|o| match o {
            Obligation::Notify => no_start || no(TimeField::ReportedAt),
            Obligation::Review => no(TimeField::ReportedAt) || no(TimeField::ReviewedAt),
            Obligation::Recover => no_start || no(TimeField::RecoveredAt),
            Obligation::Report => no(TimeField::RecoveredAt) || no(TimeField::ReportFiledAt),
        })
        .collect();
    let cols: Vec<TimeField> = absent
        .iter()
        .copied()
        .filter(|f| *f != TimeField::AwareAt || no_start)
        .filter(|f| *f != TimeField::OccurredAt || no_start)
        .collect();
    if !duties.is_empty() {
        let join = |v: Vec<&str>, sep: &str| v.join(sep);
        out.push(
            Finding::new(Code::IncidentColumnsAbsent)
                .with(
                    "columns",
                    join(cols.iter().map(|f| f.names().0).collect(), ", "),
                )
                .with(
                    "columns_zh",
                    join(cols.iter().map(|f| f.names().1).collect(), "、"),
                )
                .with(
                    "duties",
                    join(duties.iter().map(|o| o.names().0).collect(), ", "),
                )
                .with(
                    "duties_zh",
                    join(duties.iter().map(|o| o.names().1).collect(), "、"),
                ),
        );
    }
    out
}

fn incident_of(row: &Row, policy: &Policy) -> std::result::Result<Incident, RowError> {
    let max = policy.incident.max_level;
    let level_of = |text: &str| {
        let l = parse_level(text)?;
        check_level("level", l, max).map_err(|_| {
            import::invalid_value(
                text,
                &format!("levels are 0 to {max}"),
                &format!("等級須為 0 至 {max}"),
            )
        })?;
        Ok(l)
    };
    let time = |field: &str| row.parse_date(field, calendar::parse_datetime);
    let text = |field: &str| row.get(field).map(str::to_owned);
    Ok(Incident {
        id: row.required("id")?.to_owned(),
        // A grouped export names the school on the group line; the row keeps its
        // own (redacted) cell beside it.
        unit: match row.group() {
            Some(g) => g.to_owned(),
            None => row.required("unit")?.to_owned(),
        },
        unit_as_written: row.group().and(text("unit")),
        level: row.parse_required("level", level_of)?,
        reported_level: row.parse("reported_level", level_of)?,
        event_type: text("event_type"),
        subtype: text("subtype"),
        occurred_at: time("occurred_at")?,
        aware_at: time("aware_at")?,
        reported_at: time("reported_at")?,
        reviewed_at: time("reviewed_at")?,
        recovered_at: time("recovered_at")?,
        report_filed_at: time("report_filed_at")?,
        ip: text("ip"),
        not_recorded: Vec::new(),
    })
}
