//! The answers `who_can` and `can`, and the contact book's title rule (RULES §6).

use super::overrides::{Override, changes_for, clean, holders_of, slot};
use super::table::{Right, TitleRule, lookup};
use crate::codes::Code;
use crate::error::Result;
use crate::finding::Finding;
use crate::policy::Policy;
use serde::{Deserialize, Serialize};
use std::collections::HashSet;

/// Who is asking: a job title (職稱) and role names (角色, e.g. 生教組, 幹事).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(deny_unknown_fields)]
pub struct Person {
    /// Job title, e.g. `教務主任`, `一年一班導師`.
    #[serde(default)]
    pub title: Option<String>,
    /// Role names as the school admin system lists them.
    #[serde(default)]
    pub roles: Vec<String>,
}

/// The rule that decided.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
pub enum Rule {
    /// The seed's default table (also when it gives the person nothing).
    Default,
    /// A school override added the role.
    OverrideAdd,
    /// A school override removed the role's default right.
    OverrideRemove,
    /// The job-title rule of the contact book (電子聯絡簿).
    TitleRule,
}

/// A holder of a right.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Holder {
    /// The role name; for the contact book, a word the job title must contain.
    pub role: String,
    /// The right held (`manage` for a manager listed under edit: management implies edit).
    pub right: Right,
    /// Why: the default table, a school override, or the title rule.
    pub rule: Rule,
}

/// Everyone who holds a right on a module.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct WhoCan {
    /// The app.
    pub app: &'static str,
    /// The web module (`None` for the contact book).
    pub module: Option<&'static str>,
    /// The right asked about.
    pub right: Right,
    /// The holders: those of the right, then (for edit) those of management.
    pub holders: Vec<Holder>,
    /// Default holders a school override removed.
    pub removed: Vec<String>,
    /// The seed's cell for the right, as written.
    pub raw: &'static str,
    /// The contact book's title rule, when it applies.
    pub title_rule: Option<TitleRule>,
}

/// The answer of [`can`].
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Decision {
    /// The person may use the right.
    pub allowed: bool,
    /// The app.
    pub app: &'static str,
    /// The web module (`None` for the contact book).
    pub module: Option<&'static str>,
    /// The right asked about.
    pub right: Right,
    /// The rule that decided.
    pub rule: Rule,
    /// The right that allowed it (`manage` when management allowed an edit).
    pub granted_right: Option<Right>,
    /// The role (or title) that matched a holder, or was removed.
    pub matched_role: Option<String>,
    /// For the contact book: the word of the title that decided.
    pub matched_keyword: Option<String>,
    /// The explanation.
    pub findings: Vec<Finding>,
}

/// The rights a right is implied by: edit is implied by management (decided).
fn implied_by(right: Right) -> &'static [Right] {
    match right {
        Right::Manage => &[Right::Manage],
        Right::Edit => &[Right::Edit, Right::Manage],
    }
}

/// Everyone who holds `right` on an app or module, after the school's overrides.
///
/// Decided: management implies edit, so the holders of edit list the managers
/// too (with `right: manage`). For the contact book (電子聯絡簿), which has no web
/// module and no overrides, each holder is a word the job title must contain,
/// with `rule: title_rule`.
///
/// At most `policy.limits.permission_max_overrides` role changes are taken
/// (`permission.too_many_overrides`); the cost is linear in them.
///
/// ```
/// use ntpc_policy::{Policy, permission::{who_can, Override, Right, Rule}};
/// let p = Policy::default();
/// let w = who_can("學費pay", Right::Manage, &[], &p).unwrap();
/// let roles: Vec<&str> = w.holders.iter().map(|h| h.role.as_str()).collect();
/// assert_eq!(roles, ["總務處相關人員", "出納"]);
/// let o: Vec<Override> = serde_json::from_str(
///     r#"[{"module": "新學費代收", "right": "manage", "add": ["會計"], "remove": ["出納"]}]"#).unwrap();
/// let w = who_can("學費pay", Right::Manage, &o, &p).unwrap();
/// assert_eq!(w.holders[1].rule, Rule::OverrideAdd);
/// assert_eq!(w.removed, ["出納"]);
/// ```
pub fn who_can(
    module: &str,
    right: Right,
    overrides: &[Override],
    policy: &Policy,
) -> Result<WhoCan> {
    let row = lookup(module)?.row;
    let mut holders: Vec<Holder> = Vec::new();
    let mut seen: HashSet<String> = HashSet::new();
    let mut removed = Vec::new();
    // Checked even for the contact book, so a bad override is never ignored.
    let changes = changes_for(&row, overrides, policy)?;
    for &r in implied_by(right) {
        if let Some(t) = row.title_rule {
            let words = match r {
                Right::Manage => t.manage_keywords,
                Right::Edit => t.edit_keywords,
            };
            for w in words {
                holders.push(Holder {
                    role: (*w).to_owned(),
                    right: r,
                    rule: Rule::TitleRule,
                });
            }
            continue;
        }
        let (hs, rm) = holders_of(&row, r, &changes[slot(r)]);
        for h in hs {
            if seen.insert(h.role.clone()) {
                holders.push(h);
            }
        }
        if r == right {
            removed = rm;
        }
    }
    Ok(WhoCan {
        app: row.app,
        module: row.module,
        right,
        holders,
        removed,
        raw: row.raw(right),
        title_rule: row.title_rule,
    })
}

/// The contact book's right for a job title.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct TitleRight {
    /// 管理權, 編輯權, or `None` when the title has none of the words.
    pub right: Option<Right>,
    /// The word of the title that decided.
    pub keyword: Option<&'static str>,
}

/// The contact book's right for a job title, and the word that decided it.
///
/// The seed: 管理權 when the title contains 校長, 主任 or 資訊組長; 編輯權 when it
/// contains 導師, 級任, 科任 or 專任. Decided: management wins when both match
/// (`教務主任兼導師` manages). Titles are trimmed and NFKC-folded first; the
/// words are plain substrings (`人事主任` contains 主任).
///
/// ```
/// use ntpc_policy::permission::{contact_book_right, Right};
/// let r = contact_book_right("教務主任兼一年一班導師");
/// assert_eq!((r.right, r.keyword), (Some(Right::Manage), Some("主任")));
/// assert_eq!(contact_book_right("三年二班級任").right, Some(Right::Edit));
/// assert_eq!(contact_book_right("幹事").right, None);
/// ```
pub fn contact_book_right(title: &str) -> TitleRight {
    let t = clean(title);
    let words = |r: Right| {
        super::table::TABLE
            .iter()
            .find_map(|row| row.title_rule)
            .map_or(&[][..], |rule| match r {
                Right::Manage => rule.manage_keywords,
                Right::Edit => rule.edit_keywords,
            })
    };
    for r in [Right::Manage, Right::Edit] {
        if let Some(w) = words(r).iter().copied().find(|w| t.contains(w)) {
            return TitleRight {
                right: Some(r),
                keyword: Some(w),
            };
        }
    }
    TitleRight {
        right: None,
        keyword: None,
    }
}

/// Whether a person may use `right` on an app or module, and the rule that decided.
///
/// Decided (RULES §6): role names match holders by exact equality after
/// trimming (and NFKC); the job title counts as one more role name, so a person
/// titled `導師` holds what 導師 holds. A role a school override added allows with
/// `override_add`; when the only matching role was removed by an override, the
/// answer is no with `override_remove`; when nothing matches, no with `default`.
/// Management implies edit. The contact book follows [`contact_book_right`]
/// (`title_rule`; roles are not used there).
///
/// At most `policy.limits.permission_max_overrides` role changes are taken
/// (`permission.too_many_overrides`); the cost is linear in them and in the
/// person's roles.
///
/// ```
/// use ntpc_policy::{Policy, permission::{can, Person, Right, Rule}};
/// let p = Policy::default();
/// let tutor = Person { title: Some("導師".into()), roles: vec![] };
/// let d = can(&tutor, "上課yo", Right::Edit, &[], &p).unwrap();
/// assert!(d.allowed);
/// assert_eq!(d.rule, Rule::Default);
/// let head = Person { title: Some("學務主任兼導師".into()), roles: vec![] };
/// let d = can(&head, "電子聯絡簿", Right::Manage, &[], &p).unwrap();
/// assert_eq!((d.allowed, d.rule, d.matched_keyword.as_deref()), (true, Rule::TitleRule, Some("主任")));
/// ```
pub fn can(
    person: &Person,
    app_or_module: &str,
    right: Right,
    overrides: &[Override],
    policy: &Policy,
) -> Result<Decision> {
    let row = lookup(app_or_module)?.row;
    let changes = changes_for(&row, overrides, policy)?;
    let title = person.title.as_deref().map(clean).filter(|t| !t.is_empty());
    let mut decision = Decision {
        allowed: false,
        app: row.app,
        module: row.module,
        right,
        rule: Rule::Default,
        granted_right: None,
        matched_role: None,
        matched_keyword: None,
        findings: Vec::new(),
    };
    let base = |code: Code| {
        Finding::new(code)
            .with("app", row.app)
            .with("module", row.module_or_raw())
            .with("right", right.as_str())
            .with("right_zh", right.as_zh())
    };
    if let Some(rule) = row.title_rule {
        decision.rule = Rule::TitleRule;
        let shown = title.clone().unwrap_or_default();
        let by_title = contact_book_right(&shown);
        match (by_title.right, by_title.keyword) {
            (Some(granted), Some(word)) if implied_by(right).contains(&granted) => {
                decision.allowed = true;
                decision.granted_right = Some(granted);
                decision.matched_keyword = Some(word.to_owned());
                decision.findings.push(
                    base(Code::PermissionTitleGranted)
                        .with("title", shown)
                        .with("keyword", word)
                        .with("granted", granted.as_str())
                        .with("granted_zh", granted.as_zh()),
                );
            }
            _ => {
                let mut words: Vec<&str> = Vec::new();
                for r in implied_by(right) {
                    words.extend(match r {
                        Right::Manage => rule.manage_keywords,
                        Right::Edit => rule.edit_keywords,
                    });
                }
                decision.findings.push(
                    base(Code::PermissionTitleNoMatch)
                        .with("title", shown)
                        .with("keywords", words.join("、")),
                );
            }
        }
        return Ok(decision);
    }
    let mut names: Vec<String> = person
        .roles
        .iter()
        .map(|r| clean(r))
        .filter(|r| !r.is_empty())
        .collect();
    if let Some(t) = &title {
        names.push(t.clone());
    }
    // For look-ups; `names` keeps the order for the message.
    let known: HashSet<&str> = names.iter().map(String::as_str).collect();
    let mut removed_match = None;
    for &r in implied_by(right) {
        let (holders, removed) = holders_of(&row, r, &changes[slot(r)]);
        if let Some(h) = holders.iter().find(|h| known.contains(h.role.as_str())) {
            decision.allowed = true;
            decision.rule = h.rule;
            decision.granted_right = Some(r);
            decision.matched_role = Some(h.role.clone());
            let code = match h.rule {
                Rule::OverrideAdd => Code::PermissionGrantedOverride,
                _ => Code::PermissionGrantedDefault,
            };
            decision.findings.push(
                base(code)
                    .with("role", h.role.clone())
                    .with("granted", r.as_str())
                    .with("granted_zh", r.as_zh()),
            );
            return Ok(decision);
        }
        if removed_match.is_none() {
            removed_match = removed
                .into_iter()
                .find(|x| known.contains(x.as_str()))
                .map(|x| (x, r));
        }
    }
    match removed_match {
        Some((role, r)) => {
            decision.rule = Rule::OverrideRemove;
            decision.matched_role = Some(role.clone());
            decision.findings.push(
                base(Code::PermissionRemovedOverride)
                    .with("role", role)
                    .with("removed", r.as_str())
                    .with("removed_zh", r.as_zh()),
            );
        }
        None => {
            let shown = if names.is_empty() {
                "-".to_owned()
            } else {
                names.join("、")
            };
            decision
                .findings
                .push(base(Code::PermissionNotHolder).with("names", shown));
        }
    }
    Ok(decision)
}
