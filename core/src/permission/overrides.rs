//! School overrides of the default holders, made in the ROOT module (RULES §6;
//! seed 000 PART FIVE: 可透過ROOT模組權限控管自行調整之).

use super::decide::{Holder, Rule};
use super::table::{AppModule, Lookup, Right, lookup};
use crate::error::{PolicyError, Result};
use crate::policy::Policy;
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};
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

/// The roles the overrides add to and remove from one right of one row, in the
/// order first given, each once.
#[derive(Debug, Default)]
pub(crate) struct Changes {
    pub(crate) add: Vec<String>,
    pub(crate) remove: Vec<String>,
}

/// Checks every override (all of them, whatever is asked) and keeps the roles
/// added to and removed from each right of `row` (`[manage, edit]`).
///
/// Linear in the role changes (issue 14 §4: a contradiction was looked for in
/// every earlier change, 16 000 overrides took seconds), and at most
/// `policy.limits.permission_max_overrides` of them: more is
/// `permission.too_many_overrides`, before anything else is read.
pub(crate) fn changes_for(
    row: &AppModule,
    overrides: &[Override],
    policy: &Policy,
) -> Result<[Changes; 2]> {
    let limit = policy.limits.permission_max_overrides;
    let roles = overrides.iter().fold(0u64, |n, o| {
        n.saturating_add((o.add.len() + o.remove.len()) as u64)
    });
    let actual = roles.max(overrides.len() as u64);
    if actual > limit {
        return Err(PolicyError::TooManyOverrides { limit, actual });
    }
    // (app, right, role) of every change → added?, to find contradictions.
    let mut all: HashMap<(&'static str, Right, String), bool> = HashMap::new();
    let mut out: [Changes; 2] = Default::default();
    let mut kept: HashSet<(Right, bool, String)> = HashSet::new();
    // Schools repeat a module name over many overrides: each is looked up once.
    let mut looked: HashMap<&str, Option<Lookup>> = HashMap::new();
    for (i, o) in overrides.iter().enumerate() {
        let found = *looked
            .entry(o.module.as_str())
            .or_insert_with(|| lookup(&o.module).ok());
        let target = found.ok_or_else(|| {
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
                let field = || format!("overrides[{i}].{what}[{j}]");
                let name = clean(r);
                if name.is_empty() {
                    return Err(PolicyError::invalid_bilingual(
                        field(),
                        "a blank role name",
                        "角色名稱空白",
                    ));
                }
                let added = what == "add";
                if !added && !defaults.contains(&name.as_str()) {
                    return Err(PolicyError::invalid_bilingual(
                        field(),
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
                let previous = all.insert((target.row.app, o.right, name.clone()), added);
                if previous.is_some_and(|p| p != added) {
                    return Err(PolicyError::invalid_bilingual(
                        field(),
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
                if target.row.app == row.app && kept.insert((o.right, added, name.clone())) {
                    let c = &mut out[slot(o.right)];
                    if added { &mut c.add } else { &mut c.remove }.push(name);
                }
            }
        }
    }
    Ok(out)
}

/// The index of a right in the result of [`changes_for`].
pub(crate) fn slot(right: Right) -> usize {
    match right {
        Right::Manage => 0,
        Right::Edit => 1,
    }
}

/// Holders of exactly `right` (no implication), and the removed defaults.
pub(crate) fn holders_of(
    row: &AppModule,
    right: Right,
    changes: &Changes,
) -> (Vec<Holder>, Vec<String>) {
    let removed: HashSet<&str> = changes.remove.iter().map(String::as_str).collect();
    let mut out: Vec<Holder> = row
        .holders(right)
        .iter()
        .filter(|d| !removed.contains(**d))
        .map(|d| Holder {
            role: (*d).to_owned(),
            right,
            rule: Rule::Default,
        })
        .collect();
    let mut have: HashSet<String> = out.iter().map(|h| h.role.clone()).collect();
    for a in &changes.add {
        if have.insert(a.clone()) {
            out.push(Holder {
                role: a.clone(),
                right,
                rule: Rule::OverrideAdd,
            });
        }
    }
    (out, changes.remove.clone())
}
