//! School overrides of the default holders, made in the ROOT module (RULES §6;
//! seed 000 PART FIVE: 可透過ROOT模組權限控管自行調整之).

use super::decide::{Holder, Rule};
use super::table::{AppModule, Right, lookup};
use crate::error::{PolicyError, Result};
use serde::{Deserialize, Serialize};
use unicode_normalization::UnicodeNormalization;

/// A school's change to the defaults, made in its ROOT module: roles added to or
/// removed from one right of one module.
///
/// ```json
/// { "module": "新學生出缺席", "right": "manage", "add": ["營養師"], "remove": ["幹事"] }
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(deny_unknown_fields)]
pub struct Override {
    /// App or web module name (see [`lookup`](super::lookup)).
    pub module: String,
    /// The right changed.
    pub right: Right,
    /// Roles given the right.
    #[serde(default)]
    pub add: Vec<String>,
    /// Default holders whose right is taken away.
    #[serde(default)]
    pub remove: Vec<String>,
}

pub(crate) fn clean(s: &str) -> String {
    s.trim().nfkc().collect::<String>().trim().to_owned()
}

/// Checks every override (all of them, whatever is asked) and keeps the roles
/// added to and removed from `row`'s `right`.
pub(crate) fn overrides_for(
    row: &AppModule,
    right: Right,
    overrides: &[Override],
) -> Result<(Vec<String>, Vec<String>)> {
    // (app, right, role, added?) of every override, to find contradictions.
    let mut all: Vec<(&'static str, Right, String, bool)> = Vec::new();
    for (i, o) in overrides.iter().enumerate() {
        let target = lookup(&o.module).map_err(|_| {
            let shown = crate::calendar::clip(&o.module);
            PolicyError::invalid_bilingual(
                format!("overrides[{i}].module"),
                format!("unknown app or module {shown:?}"),
                format!("未知的 APP 或模組 {shown:?}"),
            )
        })?;
        if target.row.title_rule.is_some() {
            return Err(PolicyError::invalid_bilingual(
                format!("overrides[{i}].module"),
                format!(
                    "{} has no web module: its rights follow the job title",
                    target.row.app
                ),
                format!("{} 沒有 WEB 模組：權限依職稱而定", target.row.app),
            ));
        }
        if o.add.is_empty() && o.remove.is_empty() {
            return Err(PolicyError::invalid_bilingual(
                format!("overrides[{i}]"),
                "nothing to add or remove",
                "沒有要加入或移除的角色",
            ));
        }
        let defaults = target.row.holders(o.right);
        for (what, list) in [("add", &o.add), ("remove", &o.remove)] {
            for (j, r) in list.iter().enumerate() {
                let field = format!("overrides[{i}].{what}[{j}]");
                let name = clean(r);
                if name.is_empty() {
                    return Err(PolicyError::invalid_bilingual(
                        field,
                        "a blank role name",
                        "角色名稱空白",
                    ));
                }
                let added = what == "add";
                if !added && !defaults.contains(&name.as_str()) {
                    return Err(PolicyError::invalid_bilingual(
                        field,
                        format!(
                            "{name} is not a default holder of {} of {}",
                            o.right.as_zh(),
                            target.row.module_or_raw()
                        ),
                        format!(
                            "{name} 不是「{}」{}的預設持有者",
                            target.row.module_or_raw(),
                            o.right.as_zh()
                        ),
                    ));
                }
                if all.iter().any(|(a, rt, n, ad)| {
                    *a == target.row.app && *rt == o.right && *n == name && *ad != added
                }) {
                    return Err(PolicyError::invalid_bilingual(
                        field,
                        format!(
                            "{name} is both added to and removed from {} of {}",
                            o.right.as_zh(),
                            target.row.module_or_raw()
                        ),
                        format!(
                            "{name} 同時被加入與移除「{}」{}",
                            target.row.module_or_raw(),
                            o.right.as_zh()
                        ),
                    ));
                }
                all.push((target.row.app, o.right, name, added));
            }
        }
    }
    let (mut add, mut remove) = (Vec::new(), Vec::new());
    for (app, r, name, added) in all {
        if app == row.app && r == right {
            let list = if added { &mut add } else { &mut remove };
            if !list.contains(&name) {
                list.push(name);
            }
        }
    }
    Ok((add, remove))
}

/// Holders of exactly `right` (no implication), and the removed defaults.
pub(crate) fn holders_of(
    row: &AppModule,
    right: Right,
    overrides: &[Override],
) -> Result<(Vec<Holder>, Vec<String>)> {
    let (add, remove) = overrides_for(row, right, overrides)?;
    let mut out: Vec<Holder> = row
        .holders(right)
        .iter()
        .filter(|d| !remove.iter().any(|r| r == *d))
        .map(|d| Holder {
            role: (*d).to_owned(),
            right,
            rule: Rule::Default,
        })
        .collect();
    for a in add {
        if !out.iter().any(|h| h.role == a) {
            out.push(Holder {
                role: a,
                right,
                rule: Rule::OverrideAdd,
            });
        }
    }
    Ok((out, remove))
}
