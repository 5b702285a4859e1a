//! Vector calls of the calendar module.

use crate::support::{Args, json};
use ntpc_policy::PolicyError;
use ntpc_policy::calendar::{self, DateStyle};
use serde_json::{Value, json as j};

pub fn call(call: &str, a: &Args) -> Result<Value, PolicyError> {
    let date = |k: &str| -> Result<_, PolicyError> { calendar::parse_date(a.str(k)?) };
    let style = || -> Result<DateStyle, PolicyError> { a.str("style")?.parse() };
    match call {
        "calendar.parse" => json(&calendar::parse(a.str("text")?)?),
        "calendar.parse_datetime" => {
            Ok(j!({ "datetime": calendar::parse_datetime(a.str("text")?)?.to_rfc3339() }))
        }
        "calendar.format" => Ok(j!({ "text": calendar::format(date("date")?, style()?)? })),
        "calendar.format_datetime" => {
            let at = calendar::parse_datetime(a.str("datetime")?)?;
            Ok(j!({ "text": calendar::format_datetime(at, style()?)? }))
        }
        "calendar.to_roc" => json(&calendar::to_roc(date("date")?)?),
        "calendar.from_roc" => {
            let n = |k: &str| -> Result<u32, PolicyError> {
                u32::try_from(a.i64(k)?).map_err(|_| PolicyError::invalid(k, "out of range"))
            };
            let year = i32::try_from(a.i64("year")?)
                .map_err(|_| PolicyError::invalid("year", "out of range"))?;
            Ok(j!({ "date": calendar::from_roc(year, n("month")?, n("day")?)? }))
        }
        "calendar.school_term" => json(&calendar::school_term(date("date")?, &a.policy()?)),
        "calendar.fiscal_year" => Ok(j!({ "roc_year": calendar::fiscal_year(date("date")?) })),
        "calendar.parse_time" => {
            Ok(j!({ "time": calendar::time_text(calendar::parse_time(a.str("text")?)?) }))
        }
        "calendar.add_months" => {
            let start = calendar::parse_datetime(a.str("start")?)?;
            let months = u32::try_from(a.i64("months")?).map_err(|_| {
                PolicyError::invalid_bilingual("months", "out of range", "超出範圍")
            })?;
            json(&calendar::add_months(start, months, &a.policy()?)?)
        }
        "calendar.is_office_day" => json(&a.policy()?.calendar.office_days.day(date("date")?)),
        _ => Err(PolicyError::invalid(
            "call",
            format!("unknown call {call:?}"),
        )),
    }
}
