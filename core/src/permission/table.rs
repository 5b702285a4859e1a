//! The app ↔ web-module table of seed 000 PART FIVE "APP與WEB對應、權限設定",
//! copied row by row: 16 apps of 新北校園通, their modules of the school admin
//! system, and the suggested holders of 管理權 and 編輯權 (權限建議 — 實際開設仍以
//! 學校實際業務執行者為主).

use crate::error::{PolicyError, Result};
use serde::Serialize;
use std::str::FromStr;
use unicode_normalization::UnicodeNormalization;

/// A right on a module.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[cfg_attr(feature = "schema", schemars(transform = crate::schema::right_aliases))]
#[serde(rename_all = "snake_case")]
pub enum Right {
    /// 管理權: the management right.
    Manage,
    /// 編輯權: the edit right.
    Edit,
}

crate::api::deserialize_from_str!(Right, "manage (管理權) or edit (編輯權)");

impl Right {
    /// The stable string form (`manage`, `edit`).
    pub const fn as_str(self) -> &'static str {
        match self {
            Right::Manage => "manage",
            Right::Edit => "edit",
        }
    }

    /// 管理權 or 編輯權.
    pub const fn as_zh(self) -> &'static str {
        match self {
            Right::Manage => "管理權",
            Right::Edit => "編輯權",
        }
    }
}

impl FromStr for Right {
    type Err = PolicyError;

    /// `manage`/`管理權`/`管理`, `edit`/`編輯權`/`編輯` (trimmed, ASCII case ignored).
    fn from_str(s: &str) -> Result<Right> {
        match s.trim().to_ascii_lowercase().as_str() {
            "manage" | "管理權" | "管理" => Ok(Right::Manage),
            "edit" | "編輯權" | "編輯" => Ok(Right::Edit),
            _ => {
                let shown = crate::calendar::clip(s);
                Err(PolicyError::invalid_bilingual(
                    "right",
                    format!("{shown:?} is not manage (管理權) or edit (編輯權)"),
                    format!("{shown:?} 不是管理權或編輯權"),
                ))
            }
        }
    }
}

/// The job-title rule of an app without a web module (電子聯絡簿).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct TitleRule {
    /// The seed's words: 權限由系統依職務名稱而定.
    pub raw: &'static str,
    /// A title containing any of these gets 管理權.
    pub manage_keywords: &'static [&'static str],
    /// A title containing any of these gets 編輯權.
    pub edit_keywords: &'static [&'static str],
}

/// One row of the table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct AppModule {
    /// APP名稱, as in the seed.
    pub app: &'static str,
    /// WEB模組名稱; `None` for an app without a web module.
    pub module: Option<&'static str>,
    /// The module cell as written (`無(純APP)` for the contact book).
    pub module_raw: &'static str,
    /// Default holders of 管理權, one role per string.
    pub manage: &'static [&'static str],
    /// The 管理權 cell as written (roles separated by `/` or `、`).
    pub manage_raw: &'static str,
    /// Default holders of 編輯權.
    pub edit: &'static [&'static str],
    /// The 編輯權 cell as written.
    pub edit_raw: &'static str,
    /// Other names in the seed: of the app (`學雜費繳費`, `電子成績單`) or the two
    /// halves of a joined module name (`學生健康資料`, `健康系統同步`).
    pub aliases: &'static [&'static str],
    /// For an app without a web module: rights follow the job title.
    pub title_rule: Option<TitleRule>,
}

impl AppModule {
    /// The default holders of a right.
    pub fn holders(&self, right: Right) -> &'static [&'static str] {
        match right {
            Right::Manage => self.manage,
            Right::Edit => self.edit,
        }
    }

    /// The cell of a right as written in the seed.
    pub fn raw(&self, right: Right) -> &'static str {
        match right {
            Right::Manage => self.manage_raw,
            Right::Edit => self.edit_raw,
        }
    }

    /// The module name, or the cell as written when there is no module.
    pub fn module_or_raw(&self) -> &'static str {
        self.module.unwrap_or(self.module_raw)
    }
}

const fn row(
    app: &'static str,
    module: &'static str,
    manage_raw: &'static str,
    manage: &'static [&'static str],
    aliases: &'static [&'static str],
) -> AppModule {
    AppModule {
        app,
        module: Some(module),
        module_raw: module,
        manage,
        manage_raw,
        edit: &["導師"],
        edit_raw: "導師",
        aliases,
        title_rule: None,
    }
}

/// The 16 rows, in the seed's order.
pub const TABLE: [AppModule; 16] = [
    row(
        "上課yo",
        "新學生出缺席",
        "學務處相關人員/生教組/幹事",
        &["學務處相關人員", "生教組", "幹事"],
        &[],
    ),
    row(
        "學費pay",
        "新學費代收",
        "總務處相關人員/出納",
        &["總務處相關人員", "出納"],
        &["學雜費繳費"],
    ),
    row(
        "寶貝i健康",
        "學生健康資料&健康系統同步",
        "健康中心相關人員/護理師",
        &["健康中心相關人員", "護理師"],
        &["學生健康資料", "健康系統同步"],
    ),
    row("場地預約", "新場地預約", "事務組", &["事務組"], &[]),
    row(
        "學生查詢",
        "學籍管理",
        "教務處相關人員/註冊組",
        &["教務處相關人員", "註冊組"],
        &[],
    ),
    row(
        "學生獎懲",
        "學生獎懲",
        "學務處相關人員/生教組/幹事",
        &["學務處相關人員", "生教組", "幹事"],
        &[],
    ),
    row(
        "成績查詢(電子成績單)",
        "成績管理",
        "教務處相關人員/註冊組",
        &["教務處相關人員", "註冊組"],
        &["成績查詢", "電子成績單"],
    ),
    row(
        "我的圖書館",
        "全國圖書館",
        "教務處相關人員",
        &["教務處相關人員"],
        &[],
    ),
    row(
        "教學課表",
        "新課務管理",
        "教務處相關人員/教學組",
        &["教務處相關人員", "教學組"],
        &[],
    ),
    row(
        "教師研習",
        "教師研習系統",
        "各處室相關人員",
        &["各處室相關人員"],
        &[],
    ),
    row(
        "教師請假",
        "智慧差勤系統",
        "人事室相關人員/人事主任",
        &["人事室相關人員", "人事主任"],
        &[],
    ),
    row(
        "校園出入",
        "新校園出入管理",
        "總務處相關人員、輔導處志工業務",
        &["總務處相關人員", "輔導處志工業務"],
        &[],
    ),
    row(
        "設備維修",
        "新設備維修",
        "總務處相關人員、教務處資訊組",
        &["總務處相關人員", "教務處資訊組"],
        &[],
    ),
    row(
        "教育放送臺",
        "教育放送臺",
        "各處室相關人員",
        &["各處室相關人員"],
        &[],
    ),
    row(
        "服務學習",
        "服務學習",
        "學務處相關人員/生教組/幹事",
        &["學務處相關人員", "生教組", "幹事"],
        &[],
    ),
    AppModule {
        app: "電子聯絡簿",
        module: None,
        module_raw: "無(純APP)",
        manage: &[],
        manage_raw: "管理權：職稱含「校長、主任、資訊組長」",
        edit: &[],
        edit_raw: "編輯權：職稱含「導師、級任、科任、專任」",
        aliases: &[],
        title_rule: Some(TitleRule {
            raw: "權限由系統依職務名稱而定",
            manage_keywords: &["校長", "主任", "資訊組長"],
            edit_keywords: &["導師", "級任", "科任", "專任"],
        }),
    },
];

/// The whole table, in the seed's order.
///
/// ```
/// let t = ntpc_policy::permission::table();
/// assert_eq!(t.len(), 16);
/// assert_eq!(t[0].manage, ["學務處相關人員", "生教組", "幹事"]);
/// ```
pub fn table() -> &'static [AppModule] {
    &TABLE
}

/// How a name matched a row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
pub enum MatchedAs {
    /// The app name.
    App,
    /// The web module name.
    Module,
    /// Another name of the app.
    Alias,
}

/// A row found by name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Lookup {
    /// How the name matched (an app name is tried first).
    pub matched_as: MatchedAs,
    /// The row.
    pub row: AppModule,
}

fn fold(s: &str) -> String {
    let mut t: String = s.trim().nfkc().collect();
    t.make_ascii_lowercase();
    t
}

/// Finds a row by app name, web module name or alias, both ways.
///
/// Decided: names match after trimming, NFKC (full-width letters and brackets)
/// and ASCII lowercase, so `上課YO` (as the seed also writes it) is `上課yo`; no
/// other fuzziness. An unknown name is `permission.unknown_module`.
///
/// ```
/// use ntpc_policy::permission::{lookup, MatchedAs};
/// let l = lookup("新學生出缺席").unwrap();
/// assert_eq!((l.row.app, l.matched_as), ("上課yo", MatchedAs::Module));
/// assert_eq!(lookup("上課YO").unwrap().row.module, Some("新學生出缺席"));
/// assert_eq!(lookup("電子聯絡簿").unwrap().row.module, None);
/// assert_eq!(lookup("午餐").unwrap_err().code().as_str(), "permission.unknown_module");
/// ```
pub fn lookup(name: &str) -> Result<Lookup> {
    let key = fold(name);
    let by = |f: &dyn Fn(&AppModule) -> bool, m: MatchedAs| {
        TABLE.iter().find(|r| f(r)).map(|r| Lookup {
            matched_as: m,
            row: *r,
        })
    };
    by(&|r| fold(r.app) == key, MatchedAs::App)
        .or_else(|| {
            by(
                &|r| r.module.is_some_and(|m| fold(m) == key),
                MatchedAs::Module,
            )
        })
        .or_else(|| {
            by(
                &|r| r.aliases.iter().any(|a| fold(a) == key),
                MatchedAs::Alias,
            )
        })
        .ok_or_else(|| PolicyError::UnknownModule {
            name: crate::calendar::clip(name.trim()),
        })
}
