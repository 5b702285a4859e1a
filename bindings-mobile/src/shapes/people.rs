use super::{
    AccountNameCheck, ColumnUse, Delimiter, Finding, ImportError, RowError, TextEncoding, Verdict,
};

// The FFI shapes of the people rules (RULES §4–§6): mailbox, account, parent,
// permission. One declaration serves three bindings:
//
// - bindings-mobile compiles it with `shape!`/`choice!` = uniffi records/enums;
// - bindings-node compiles the same file with `shape!`/`choice!` = napi objects
//   and string enums (camelCase keys, typed index.d.ts);
// - tests/tools/gen_shapes.py reads it to write the Python TypedDicts.
//
// Every shape mirrors the JSON of a core type field for field; values cross by
// serde (`bridge`), and `deny_unknown_fields` turns a field missing here into an
// error the shared vectors catch. Dates are ISO `YYYY-MM-DD` strings.
// Declarations only: no rule lives here.

// ---- mailbox (RULES §4) ----

choice! {
    /// A staff member's status in the school admin system.
    pub enum StaffStatus { Serving = "serving", Departed = "departed", Retired = "retired" }
}

shape! {
    /// One mailbox as the school admin system and Mail2000 know it.
    pub struct MailboxRecord {
        /// The address or account name.
        pub account: String,
        /// Activation date (any calendar style, e.g. `2019-09-01` or `108/09/01`).
        pub activated_on: String,
        /// Last login date; none when never logged in.
        pub last_login: Option<String>,
        /// `serving` (default), `departed` or `retired` (or 在職/離職/退休).
        pub staff_status: Option<String>,
        /// When the person left, if known.
        pub departed_on: Option<String>,
        /// Bytes in use, for the quota check.
        pub used_bytes: Option<i64>,
    }
}

choice! {
    /// Where a mailbox stands in the retention rule.
    pub enum MailboxState { Active = "active", Notice = "notice", Deletable = "deletable", Disabled = "disabled" }
}

choice! {
    /// What the inactivity is counted from.
    pub enum CountBasis { LastLogin = "last_login", Activation = "activation" }
}

choice! {
    /// How full a mailbox is.
    pub enum QuotaState { Ok = "ok", NearFull = "near_full", Full = "full" }
}

shape! {
    /// A mailbox's use against the quota.
    pub struct QuotaCheck {
        /// `ok`, `near_full` or `full`.
        pub state: QuotaState,
        /// Bytes in use.
        pub used_bytes: i64,
        /// The quota in bytes.
        pub quota_bytes: i64,
        /// Bytes left (0 when over).
        pub free_bytes: i64,
        /// Use in percent of the quota.
        pub used_percent: f64,
        /// At or above the warning share.
        pub near_full: bool,
        /// Pass, warn or fail.
        pub verdict: Verdict,
        /// Why.
        pub findings: Vec<Finding>,
    }
}

shape! {
    /// A message's size against the per-message limit.
    pub struct MessageSizeCheck {
        /// Within the limit.
        pub allowed: bool,
        /// The size in bytes.
        pub bytes: i64,
        /// The limit in bytes.
        pub max_bytes: i64,
        /// Pass or fail.
        pub verdict: Verdict,
        /// Why.
        pub findings: Vec<Finding>,
    }
}

shape! {
    /// The retention state of one mailbox on a given day.
    pub struct MailboxStatus {
        /// The account.
        pub account: String,
        /// `active`, `notice`, `deletable` or `disabled`.
        pub state: MailboxState,
        /// The code that explains the state.
        pub reason: String,
        /// The staff status used.
        pub staff_status: StaffStatus,
        /// Counted from the last login or, never logged in, from activation.
        pub basis: CountBasis,
        /// The day counting starts from.
        pub counted_from: String,
        /// Days without a login.
        pub days_inactive: i64,
        /// The first day the mailbox may be deleted.
        pub deletion_date: String,
        /// The first day of the daily notices.
        pub notice_from: String,
        /// Days until the deletion date (0 or less: deletable).
        pub days_left: i64,
        /// A notice is to be mailed today.
        pub notice_due_today: bool,
        /// Since when login is disabled (departed or retired staff).
        pub disabled_since: Option<String>,
        /// The quota check, when the record has the bytes in use.
        pub quota: Option<QuotaCheck>,
        /// Pass, warn or fail.
        pub verdict: Verdict,
        /// Why.
        pub findings: Vec<Finding>,
    }
}

shape! {
    /// One evaluated row of a sweep.
    pub struct SweepRow {
        /// Position in the input list (0-based).
        pub index: u32,
        /// Its state.
        pub status: MailboxStatus,
    }
}

shape! {
    /// A mailbox on the notice or deletion list of a sweep.
    pub struct SweepEntry {
        /// Position in the input list (0-based).
        pub index: u32,
        /// The account.
        pub account: String,
        /// The first day it may be deleted.
        pub deletion_date: String,
        /// Days until then.
        pub days_left: i64,
    }
}

shape! {
    /// How many mailboxes are in each state.
    pub struct StateCounts {
        /// In use.
        pub active: u32,
        /// In the notice month.
        pub notice: u32,
        /// May be deleted.
        pub deletable: u32,
        /// Login disabled.
        pub disabled: u32,
        /// Rows that could not be evaluated.
        pub errors: u32,
    }
}

shape! {
    /// Every mailbox's state on one day, with the notice and deletion lists.
    pub struct MailboxSweep {
        /// The day of the sweep.
        pub today: String,
        /// Rows read.
        pub total: u32,
        /// Rows per state.
        pub counts: StateCounts,
        /// Every evaluated row, in input order.
        pub rows: Vec<SweepRow>,
        /// Mailboxes to notify, soonest deletion first.
        pub notices: Vec<SweepEntry>,
        /// Mailboxes that may be deleted, oldest first.
        pub deletable: Vec<SweepEntry>,
        /// Rows that could not be evaluated; the others still are.
        pub errors: Vec<RowError>,
    }
}

shape! {
    /// The mailboxes of a file, the errors of its bad rows, and how it was read.
    pub struct MailboxImport {
        /// The rows read.
        pub records: Vec<MailboxRecord>,
        /// The line each record starts on.
        pub lines: Vec<u32>,
        /// Rows that could not be read; the others still are.
        pub errors: Vec<ImportError>,
        /// The encoding.
        pub encoding: TextEncoding,
        /// A byte-order mark was present.
        pub bom: bool,
        /// The delimiter used.
        pub delimiter: Delimiter,
        /// The columns used.
        pub columns: Vec<ColumnUse>,
        /// Header cells that name no field.
        pub ignored_columns: Vec<String>,
        /// Data rows seen.
        pub rows: u32,
        /// Rows skipped (notes, totals).
        pub skipped_rows: u32,
        /// Stopped at the row limit.
        pub truncated: bool,
    }
}

// ---- account (RULES §5) ----

shape! {
    /// A student or staff member as the school admin system records them.
    pub struct AccountRecord {
        /// Name or number, for the report.
        pub person: Option<String>,
        /// `enrolled`, `transfer_gap`, `level_change`, `left_city`, `graduated`,
        /// `serving`, `retired`, `departed` (or 在學, 轉學空窗, 跨階段升學, 離開本市,
        /// 畢業, 在職, 退休, 離職).
        pub status: String,
        /// The class, for an enrolled student.
        pub class: Option<String>,
        /// When the status took or takes effect.
        pub status_date: Option<String>,
        /// A custom account name to check against the ID-number rule.
        pub account: Option<String>,
    }
}

choice! {
    /// Student or staff.
    pub enum Role { Student = "student", Staff = "staff" }
}

choice! {
    /// A person's status.
    pub enum PersonStatus {
        Enrolled = "enrolled", TransferGap = "transfer_gap", LevelChange = "level_change",
        LeftCity = "left_city", Graduated = "graduated", Serving = "serving",
        Retired = "retired", Departed = "departed"
    }
}

choice! {
    /// A service of the education account.
    pub enum Service {
        SchoolAccount = "school_account", ParentPlatform = "parent_platform",
        GoogleWorkspace = "google_workspace", Microsoft365 = "microsoft_365", NtpcMail = "ntpc_mail"
    }
}

choice! {
    /// The event that ends access.
    pub enum BackupEvent {
        Transfer = "transfer", LevelChange = "level_change", LeavingCity = "leaving_city",
        Graduation = "graduation", Retirement = "retirement", Departure = "departure"
    }
}

shape! {
    /// What to back up, and before when.
    pub struct BackupAdvice {
        /// The event that ends access.
        pub event: BackupEvent,
        /// Back up before this day, when known.
        pub before: Option<String>,
        /// The services whose data to save.
        pub services: Vec<Service>,
        /// The day has passed.
        pub too_late: bool,
    }
}

shape! {
    /// Whether a person has education-account access, and why.
    pub struct AccountAccess {
        /// The person as given.
        pub person: Option<String>,
        /// Student or staff.
        pub role: Role,
        /// The status read.
        pub status: PersonStatus,
        /// Has access now.
        pub access: bool,
        /// The code that explains it.
        pub reason: String,
        /// The services usable now.
        pub services: Vec<Service>,
        /// The last day of access, when known.
        pub access_until: Option<String>,
        /// Access comes back (e.g. once the new school assigns a class).
        pub access_returns: bool,
        /// What to back up before which event.
        pub backup: Option<BackupAdvice>,
        /// The custom account name's check.
        pub account_name: Option<AccountNameCheck>,
        /// Pass, warn or fail.
        pub verdict: Verdict,
        /// Why.
        pub findings: Vec<Finding>,
    }
}

shape! {
    /// The people of a file, the errors of its bad rows, and how it was read.
    pub struct AccountImport {
        /// The rows read.
        pub records: Vec<AccountRecord>,
        /// The line each record starts on.
        pub lines: Vec<u32>,
        /// Rows that could not be read; the others still are.
        pub errors: Vec<ImportError>,
        /// The encoding.
        pub encoding: TextEncoding,
        /// A byte-order mark was present.
        pub bom: bool,
        /// The delimiter used.
        pub delimiter: Delimiter,
        /// The columns used.
        pub columns: Vec<ColumnUse>,
        /// Header cells that name no field.
        pub ignored_columns: Vec<String>,
        /// Data rows seen.
        pub rows: u32,
        /// Rows skipped (notes, totals).
        pub skipped_rows: u32,
        /// Stopped at the row limit.
        pub truncated: bool,
    }
}

// ---- parent (RULES §5) ----

shape! {
    /// One person of a student's family record.
    pub struct Contact {
        /// Name.
        pub name: Option<String>,
        /// Mobile number as typed.
        pub mobile: Option<String>,
        /// Relation, for other contacts (e.g. 祖母).
        pub relation: Option<String>,
    }
}

shape! {
    /// A student's family record (學籍管理 › 家庭資料).
    pub struct FamilyRecord {
        /// Name or number of the student, for the report.
        pub student: Option<String>,
        /// 父.
        pub father: Option<Contact>,
        /// 母.
        pub mother: Option<Contact>,
        /// 監護人1.
        pub guardian1: Option<Contact>,
        /// 監護人2.
        pub guardian2: Option<Contact>,
        /// 其他聯絡人.
        pub others: Option<Vec<Contact>>,
    }
}

choice! {
    /// The place of a contact in the family record.
    pub enum Slot { Father = "father", Mother = "mother", Guardian1 = "guardian1", Guardian2 = "guardian2", Other = "other" }
}

choice! {
    /// What a phone number is.
    pub enum PhoneKind { Mobile = "mobile", Landline = "landline", Invalid = "invalid", Empty = "empty" }
}

choice! {
    /// Why a phone number is not a usable mobile number.
    pub enum PhoneProblem {
        BadCharacters = "bad_characters", WrongLength = "wrong_length",
        LeadingZeroMissing = "leading_zero_missing", ForeignNumber = "foreign_number",
        NotAPhoneNumber = "not_a_phone_number", TooLong = "too_long"
    }
}

shape! {
    /// A phone number read as a Taiwan mobile number.
    pub struct PhoneCheck {
        /// Mobile, landline, invalid or empty.
        pub kind: PhoneKind,
        /// A usable mobile number.
        pub valid: bool,
        /// `09` and eight digits.
        pub normalized: Option<String>,
        /// What is wrong.
        pub problem: Option<PhoneProblem>,
        /// A likely intended number.
        pub suggestion: Option<String>,
    }
}

shape! {
    /// One contact's registration check.
    pub struct ContactCheck {
        /// The place in the record.
        pub slot: Slot,
        /// Position among the other contacts.
        pub index: Option<u32>,
        /// Who, in words (父, 監護人1, 其他聯絡人2 …).
        pub who: String,
        /// The name.
        pub name: Option<String>,
        /// The relation.
        pub relation: Option<String>,
        /// The slot has anything filled in.
        pub listed: bool,
        /// The mobile number's check.
        pub mobile: PhoneCheck,
        /// Can register in the parent app.
        pub can_register: bool,
        /// What is missing or malformed.
        pub findings: Vec<Finding>,
    }
}

shape! {
    /// A person who can register in the parent app.
    pub struct Registrant {
        /// The place in the record.
        pub slot: Slot,
        /// Position among the other contacts.
        pub index: Option<u32>,
        /// The name.
        pub name: String,
        /// The normalised mobile number.
        pub mobile: String,
    }
}

shape! {
    /// Who of a family can register in the parent app.
    pub struct FamilyCheck {
        /// The student as given.
        pub student: Option<String>,
        /// Pass when someone can register.
        pub verdict: Verdict,
        /// Who can.
        pub registrants: Vec<Registrant>,
        /// Every slot's check.
        pub contacts: Vec<ContactCheck>,
        /// Record-level findings.
        pub findings: Vec<Finding>,
    }
}

// ---- permission (RULES §6) ----

choice! {
    /// 管理權 or 編輯權.
    pub enum Right { Manage = "manage", Edit = "edit" }
}

choice! {
    /// The rule that decided.
    pub enum Rule {
        Default = "default", OverrideAdd = "override_add",
        OverrideRemove = "override_remove", TitleRule = "title_rule"
    }
}

choice! {
    /// How a name matched the table.
    pub enum MatchedAs { App = "app", Module = "module", Alias = "alias" }
}

shape! {
    /// 電子聯絡簿's right by job title.
    pub struct TitleRule {
        /// The cell as written in the seed.
        pub raw: String,
        /// Title words that give 管理權.
        pub manage_keywords: Vec<String>,
        /// Title words that give 編輯權.
        pub edit_keywords: Vec<String>,
    }
}

shape! {
    /// One row of the app ↔ web-module table.
    pub struct AppModule {
        /// The app function.
        pub app: String,
        /// The web module, if it has one.
        pub module: Option<String>,
        /// The module cell as written.
        pub module_raw: String,
        /// Default holders of 管理權.
        pub manage: Vec<String>,
        /// The 管理權 cell as written.
        pub manage_raw: String,
        /// Default holders of 編輯權.
        pub edit: Vec<String>,
        /// The 編輯權 cell as written.
        pub edit_raw: String,
        /// Other names people use.
        pub aliases: Vec<String>,
        /// The title rule, for 電子聯絡簿.
        pub title_rule: Option<TitleRule>,
    }
}

shape! {
    /// A table row found by name.
    pub struct Lookup {
        /// App, module or alias.
        pub matched_as: MatchedAs,
        /// The row.
        pub row: AppModule,
    }
}

shape! {
    /// A school's change to the default holders of one module's right.
    pub struct Override {
        /// App or module name.
        pub module: String,
        /// `manage` or `edit` (管理權/編輯權).
        pub right: String,
        /// Roles added.
        pub add: Option<Vec<String>>,
        /// Roles removed.
        pub remove: Option<Vec<String>>,
    }
}

shape! {
    /// A person asking for a right.
    pub struct Person {
        /// Job title (e.g. 教務主任兼導師).
        pub title: Option<String>,
        /// Roles held in the ROOT module.
        pub roles: Option<Vec<String>>,
    }
}

shape! {
    /// One holder of a right.
    pub struct Holder {
        /// The role.
        pub role: String,
        /// The right held.
        pub right: Right,
        /// Default or added by an override.
        pub rule: Rule,
    }
}

shape! {
    /// Who holds a right on a module.
    pub struct WhoCan {
        /// The app function.
        pub app: String,
        /// The web module.
        pub module: Option<String>,
        /// The right asked about.
        pub right: Right,
        /// Its holders after the overrides.
        pub holders: Vec<Holder>,
        /// Default holders an override removed.
        pub removed: Vec<String>,
        /// The cell as written.
        pub raw: String,
        /// The title rule, for 電子聯絡簿.
        pub title_rule: Option<TitleRule>,
    }
}

shape! {
    /// Whether a person has a right, and the rule that decided.
    pub struct Decision {
        /// Allowed.
        pub allowed: bool,
        /// The app function.
        pub app: String,
        /// The web module.
        pub module: Option<String>,
        /// The right asked about.
        pub right: Right,
        /// The deciding rule.
        pub rule: Rule,
        /// The right the person holds, if any.
        pub granted_right: Option<Right>,
        /// The role that matched.
        pub matched_role: Option<String>,
        /// The title word that matched.
        pub matched_keyword: Option<String>,
        /// Why.
        pub findings: Vec<Finding>,
    }
}

shape! {
    /// 電子聯絡簿's right for a job title.
    pub struct TitleRight {
        /// The right, or none.
        pub right: Option<Right>,
        /// The word that decided.
        pub keyword: Option<String>,
    }
}

choice! {
    /// The attendance view a person gets.
    pub enum AttendanceView { PerStudent = "per_student", ClassCounts = "class_counts" }
}

shape! {
    /// The attendance view, with the decision behind it.
    pub struct AttendanceAccess {
        /// Per student, or class counts only.
        pub view: AttendanceView,
        /// The edit-right decision on 新學生出缺席.
        pub decision: Decision,
        /// Why.
        pub findings: Vec<Finding>,
    }
}

shape! {
    /// One student's attendance on one day.
    pub struct AttendanceRecord {
        /// The class.
        pub class: String,
        /// The day (any calendar style).
        pub date: String,
        /// The student (dropped by the counts).
        pub student: String,
        /// 出席, 遲到, 事假, 病假, 曠課 … or their English codes.
        pub status: String,
    }
}

shape! {
    /// Absences of one class on one day, with no names.
    pub struct ClassDayCount {
        /// The class.
        pub class: String,
        /// The day.
        pub date: String,
        /// Students absent.
        pub absent: u32,
    }
}

shape! {
    /// Per-class daily absent counts.
    pub struct AbsentCounts {
        /// Class by day.
        pub counts: Vec<ClassDayCount>,
        /// Rows that could not be read; the others still count.
        pub errors: Vec<RowError>,
    }
}
