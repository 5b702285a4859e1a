//! The year's security work calendar (資安工作期程, RULES §9): seed 000 PART FOUR
//! (四) 今年度資安工作期程 and the dated reminders around it (PART TWO, PART
//! THREE, PART FOUR (一)3), as policy data per school year
//! (`policy.schedule.years`), each item's status on a given day, and an
//! iCalendar (RFC 5545) export for Google Calendar.
//!
//! - An item is an all-day event from `start` to `end` (both inclusive). A
//!   month in the seed (`9-10月`) runs from its first to its last day; a
//!   deadline (`預計 111年4月15日前完成`) is a one-day item on its day.
//! - On `today` an item is `past` (its end is before today), `open` (today is
//!   between its start and end), `upcoming` (it starts within
//!   `policy.schedule.upcoming_days`, default 14) or `later`.
//! - The export is deterministic: each event's UID is derived from the school
//!   year and the item's id, DTSTAMP is `today` 00:00 Asia/Taipei in UTC, and
//!   nothing reads the clock. DTEND of an all-day event is the day after `end`
//!   (RFC 5545 §3.6.1: DTEND is not inclusive).
//!
//! ```
//! use ntpc_policy::{Policy, schedule::{self, ItemStatus}};
//! let today = chrono::NaiveDate::from_ymd_opt(2021, 9, 8).unwrap();
//! let s = schedule::on(today, None, &Policy::default()).unwrap();
//! assert_eq!(s.school_year, 110);
//! let round1 = s.items.iter().find(|i| i.item.id == "drill-round-1").unwrap();
//! assert_eq!(round1.status, ItemStatus::Open);
//! let ics = schedule::ics(today, None, &Policy::default()).unwrap();
//! assert!(ics.contains("UID:110-drill-round-1@ntpc-policy"));
//! ```

use crate::calendar;
use crate::error::{PolicyError, Result};
use crate::policy::Policy;
use chrono::{Days, NaiveDate, TimeZone};
use serde::{Deserialize, Serialize};

/// One item of the work calendar.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(deny_unknown_fields)]
pub struct ScheduleItem {
    /// A stable id within the school year (`drill-round-1`): the event's UID.
    pub id: String,
    /// The item in Chinese, as the seed names it.
    pub title: String,
    /// The item in English.
    pub title_en: String,
    /// First day (inclusive).
    pub start: NaiveDate,
    /// Last day (inclusive).
    pub end: NaiveDate,
    /// The seed passage it comes from.
    pub source: String,
}

/// Where an item stands on a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
pub enum ItemStatus {
    /// It starts more than `upcoming_days` ahead.
    Later,
    /// It starts within `upcoming_days` (today excluded: then it is open).
    Upcoming,
    /// Today is between its start and its end.
    Open,
    /// Its end is before today.
    Past,
}

/// One item on a day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ItemOnDay {
    /// The item.
    pub item: ScheduleItem,
    /// Later, upcoming, open or past.
    pub status: ItemStatus,
    /// Days from today to its start (negative once started).
    pub days_to_start: i64,
    /// Days from today to its end (negative once over).
    pub days_to_end: i64,
}

/// The work calendar of a school year on a day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Schedule {
    /// The school year (ROC).
    pub school_year: i32,
    /// The day judged.
    pub today: NaiveDate,
    /// The window of `upcoming`, in days.
    pub upcoming_days: u32,
    /// Every item, by start then id.
    pub items: Vec<ItemOnDay>,
}

/// The school year's items: the one named, else the school year of `today`.
fn items_of(
    today: NaiveDate,
    school_year: Option<i32>,
    policy: &Policy,
) -> Result<(i32, Vec<ScheduleItem>)> {
    let year = school_year.unwrap_or_else(|| calendar::school_term(today, policy).school_year);
    let items = policy
        .schedule
        .years
        .get(&year.to_string())
        .ok_or_else(|| {
            let known: Vec<&str> = policy.schedule.years.keys().map(String::as_str).collect();
            PolicyError::invalid_bilingual(
                "school_year",
                format!(
                    "no work calendar for school year {year} (the policy has {})",
                    known.join(", ")
                ),
                format!(
                    "設定中沒有 {year} 學年度的工作期程（現有：{}）",
                    known.join("、")
                ),
            )
        })?;
    let mut items = items.clone();
    items.sort_by(|a, b| a.start.cmp(&b.start).then_with(|| a.id.cmp(&b.id)));
    Ok((year, items))
}

/// The work calendar of a school year on `today` (the school year of `today`
/// when none is named): each item with its status. A school year the policy
/// has no calendar for is `input.invalid_argument`.
pub fn on(today: NaiveDate, school_year: Option<i32>, policy: &Policy) -> Result<Schedule> {
    let (year, items) = items_of(today, school_year, policy)?;
    let window = i64::from(policy.schedule.upcoming_days);
    let items = items
        .into_iter()
        .map(|item| {
            let days_to_start = (item.start - today).num_days();
            let days_to_end = (item.end - today).num_days();
            let status = if days_to_end < 0 {
                ItemStatus::Past
            } else if days_to_start <= 0 {
                ItemStatus::Open
            } else if days_to_start <= window {
                ItemStatus::Upcoming
            } else {
                ItemStatus::Later
            };
            ItemOnDay {
                item,
                status,
                days_to_start,
                days_to_end,
            }
        })
        .collect();
    Ok(Schedule {
        school_year: year,
        today,
        upcoming_days: policy.schedule.upcoming_days,
        items,
    })
}

/// The work calendar of a school year as iCalendar text (RFC 5545), for import
/// into Google Calendar: one all-day event per item, UID
/// `<school year>-<id>@ntpc-policy`, DTSTAMP `today` 00:00 Asia/Taipei (in UTC).
/// Written by the `icalendar` crate (line folding at 75 octets, text escaping).
pub fn ics(today: NaiveDate, school_year: Option<i32>, policy: &Policy) -> Result<String> {
    use icalendar::{Calendar, Component, EventLike};
    let (year, items) = items_of(today, school_year, policy)?;
    let stamp = calendar::taipei()
        .from_local_datetime(&today.and_time(chrono::NaiveTime::MIN))
        .single()
        .map(|t| t.with_timezone(&chrono::Utc))
        .ok_or_else(|| PolicyError::Internal {
            reason: format!("no Taipei midnight on {today}"),
        })?;
    let mut cal = Calendar::empty();
    cal.append_property(("VERSION", "2.0"));
    cal.append_property(("PRODID", "-//ntpc-policy//security work calendar//ZH-TW"));
    cal.append_property(("CALSCALE", "GREGORIAN"));
    cal.name(&format!("{year} 學年度資安工作期程"));
    for item in &items {
        let end = item.end.checked_add_days(Days::new(1)).ok_or_else(|| {
            crate::error::PolicyError::invalid_bilingual(
                "end",
                format!("{} is the last day there is", item.end),
                format!("{} 已是最後一天", item.end),
            )
        })?;
        cal.push(
            icalendar::Event::new()
                .uid(&format!("{year}-{}@ntpc-policy", item.id))
                .timestamp(stamp)
                .summary(&item.title)
                .description(&format!("{}\n{}", item.title_en, item.source))
                .starts(item.start)
                .ends(end)
                .done(),
        );
    }
    Ok(cal.done().to_string())
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("literal date is valid")
}

/// School year 110 as the seeds date it (000 PART FOUR (四) 今年度資安工作期程,
/// (一)3(1); PART TWO 虛擬機房, Meet 錄影功能; PART THREE 校務行政系統 3). A
/// month becomes its first to last day, a deadline a one-day item on its day.
pub(crate) fn school_year_110() -> Vec<ScheduleItem> {
    let item = |id: &str, title: &str, title_en: &str, start, end, source: &str| ScheduleItem {
        id: id.into(),
        title: title.into(),
        title_en: title_en.into(),
        start,
        end,
        source: source.into(),
    };
    vec![
        item(
            "drill-training",
            "資安通報演練教育訓練（線上課程）",
            "Incident-report drill training (online)",
            day(2021, 8, 11),
            day(2021, 8, 11),
            "seed 000 PART FOUR (四)1: 8/11 線上課程",
        ),
        item(
            "onsite-checks",
            "資安健檢到校輔導",
            "On-site security checks",
            day(2021, 9, 1),
            day(2021, 12, 31),
            "seed 000 PART FOUR (四)10: 9-12月",
        ),
        item(
            "scan-initial",
            "網站弱掃：初掃",
            "Website vulnerability scan: initial",
            day(2021, 9, 1),
            day(2021, 10, 31),
            "seed 000 PART FOUR (四)3: 初掃 9-10月",
        ),
        item(
            "drill-round-1",
            "資安通報演練：第一梯",
            "Incident-report drill: round 1",
            day(2021, 9, 6),
            day(2021, 9, 10),
            "seed 000 PART FOUR (四)2: 第一梯 9/6-9/10",
        ),
        item(
            "drill-round-2",
            "資安通報演練：第二梯",
            "Incident-report drill: round 2",
            day(2021, 9, 13),
            day(2021, 9, 17),
            "seed 000 PART FOUR (四)2: 第二次 9/13-9/17",
        ),
        item(
            "portfolio-upload",
            "學習歷程檔案上傳與教師認證截止",
            "Learning-portfolio uploads and teacher certification due",
            day(2021, 9, 30),
            day(2021, 9, 30),
            "seed 000 PART THREE 校務行政系統 3: 延長至110年9月30日",
        ),
        item(
            "training-reminder-oct",
            "發文提醒完成3小時資安研習（10月）",
            "Reminder: 3 hours of security training (October)",
            day(2021, 10, 1),
            day(2021, 10, 31),
            "seed 000 PART FOUR (一)3(1): 每年2、6、10月發文提醒",
        ),
        item(
            "portfolio-submit",
            "學習歷程資料提交中央資料庫",
            "Learning-portfolio submission to the central database",
            day(2021, 11, 1),
            day(2021, 11, 15),
            "seed 000 PART THREE 校務行政系統 3: 110年11月1日至11月15日",
        ),
        item(
            "scan-rescan",
            "網站弱掃：複掃",
            "Website vulnerability scan: re-scan",
            day(2021, 11, 1),
            day(2021, 12, 31),
            "seed 000 PART FOUR (四)3: 複掃 11-12月",
        ),
        item(
            "meet-recording-ends",
            "Google Meet 錄影功能停止免費使用",
            "Google Meet recording no longer free",
            day(2022, 1, 10),
            day(2022, 1, 10),
            "seed 000 PART TWO Meet 錄影功能: 111/01/10起無法使用",
        ),
        item(
            "self-report-training",
            "資安填報教育訓練",
            "Security self-report training",
            day(2022, 2, 1),
            day(2022, 2, 28),
            "seed 000 PART FOUR (四)7: 預計 111年2月",
        ),
        item(
            "training-reminder-feb",
            "發文提醒完成3小時資安研習（2月）",
            "Reminder: 3 hours of security training (February)",
            day(2022, 2, 1),
            day(2022, 2, 28),
            "seed 000 PART FOUR (一)3(1): 每年2、6、10月發文提醒",
        ),
        item(
            "self-report-filing",
            "管考系統填報作業",
            "Self-report filing in the tracking system",
            day(2022, 3, 1),
            day(2022, 3, 31),
            "seed 000 PART FOUR (四)8: 預計 111年3月",
        ),
        item(
            "self-report-review",
            "填報審核與稽催工作完成",
            "Review and follow-up of the filings due",
            day(2022, 4, 15),
            day(2022, 4, 15),
            "seed 000 PART FOUR (四)9: 預計 111年4月15日前完成",
        ),
        item(
            "training-reminder-jun",
            "發文提醒完成3小時資安研習（6月）",
            "Reminder: 3 hours of security training (June)",
            day(2022, 6, 1),
            day(2022, 6, 30),
            "seed 000 PART FOUR (一)3(1): 每年2、6、10月發文提醒",
        ),
        item(
            "centos7-eol",
            "CentOS 7 終止支援（EOL）",
            "CentOS 7 end of life",
            day(2024, 6, 1),
            day(2024, 6, 30),
            "seed 000 PART TWO 虛擬機房: CentOS 7 將於 113 年 6 月 EOL",
        ),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    /// RFC 5545 §3.1: content lines end in CRLF, are at most 75 octets, and a
    /// longer line continues on lines that start with one space; the text is
    /// the same once unfolded. §3.3.11: `,` `;` `\` and newlines are escaped.
    #[test]
    fn ics_follows_the_rfc_and_is_deterministic() {
        let mut p = Policy::default();
        let long = "很長的標題，含逗號;分號\\反斜線 ".repeat(6);
        p.schedule.years.get_mut("110").unwrap()[0].title = long.clone();
        let today = day(2021, 9, 8);
        let a = ics(today, None, &p).unwrap();
        assert_eq!(a, ics(today, None, &p).unwrap());
        assert!(a.ends_with("END:VCALENDAR\r\n"));
        for line in a.split("\r\n") {
            assert!(line.len() <= 75, "{line:?} is {} octets", line.len());
            assert!(!line.contains('\n') && !line.contains('\r'));
        }
        let unfolded = a.replace("\r\n ", "");
        let escaped = long
            .replace('\\', "\\\\")
            .replace(',', "\\,")
            .replace(';', "\\;");
        assert!(
            unfolded.contains(&format!("SUMMARY:{escaped}\r\n")),
            "{unfolded}"
        );
        assert_eq!(unfolded.matches("BEGIN:VEVENT").count(), 16);
        assert!(unfolded.contains("DTSTAMP:20210907T160000Z\r\n"));
        assert!(unfolded.contains("UID:110-drill-round-1@ntpc-policy\r\n"));
        assert!(unfolded.contains("DTSTART;VALUE=DATE:20210906\r\n"));
        assert!(unfolded.contains("DTEND;VALUE=DATE:20210911\r\n"));
    }
}
