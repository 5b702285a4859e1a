//! The people rules' functions (RULES §4–§6): mailbox retention, education
//! accounts, parent registration and app/web permissions.

use super::{Bytes, Date, api_table};
use crate::account::{self, AccountAccess, AccountRecord};
use crate::files::{AccountFile, FamilyFile, MailboxFile};
use crate::import::{AccountImport, FamilyImport, ImportOptions, MailboxImport};
use crate::mailbox::{
    self, MailboxRecord, MailboxStatus, MailboxSweep, MessageSizeCheck, QuotaCheck,
};
use crate::parent::{self, FamilyCheck, FamilyRecord, PhoneCheck};
use crate::permission::{
    self, AbsentCounts, AppModule, AttendanceAccess, AttendanceRecord, Decision, Lookup, Override,
    Person, Right, TitleRight, WhoCan,
};

api_table! { ALL, policy;
    /// The retention state of one mailbox on `today`: active, notice (daily
    /// notices from day 470), deletable (500 days without login) or disabled.
    "mailbox.status" => fn mailbox_status(mailbox: MailboxRecord, today: Date) with [policy] -> MailboxStatus {
        mailbox::status(&mailbox, today.0, policy)
    }

    /// Every mailbox's state on `today`, with the notice and deletion lists; a bad
    /// row is listed in `errors` and the others are still evaluated.
    "mailbox.sweep" => fn sweep_mailboxes(mailboxes: Vec<MailboxRecord>, today: Date) with [policy] -> MailboxSweep {
        Ok(mailbox::sweep(&mailboxes, today.0, policy))
    }

    /// Mailboxes from a CSV/TSV file (Chinese or English headers); bad rows are
    /// listed in `errors` with their line numbers and the others are still read.
    "mailbox.import" => fn import_mailboxes(data: Bytes, options: Option<ImportOptions> = None) with [policy] -> MailboxImport {
        mailbox::import(&data.0, &options.unwrap_or_default(), policy)
    }

    /// A mailbox export swept in one call: each mailbox's state at its line, the
    /// notices due today and the deletable mailboxes, and every bad row.
    "mailbox.sweep_file" => fn sweep_mailbox_file(data: Bytes, today: Date, options: Option<ImportOptions> = None) with [policy] -> MailboxFile {
        mailbox::sweep_file(&data.0, &options.unwrap_or_default(), today.0, policy)
    }

    /// A mailbox's use against the 1 GiB quota (`near_full` from 90 %).
    "mailbox.quota" => fn mailbox_quota(used_bytes: u64) with [policy] -> QuotaCheck {
        mailbox::quota(used_bytes, policy)
    }

    /// A message's size against the 20 MiB per-message limit.
    "mailbox.message_size" => fn check_message_size(size_bytes: u64) with [policy] -> MessageSizeCheck {
        Ok(mailbox::message_size(size_bytes, policy))
    }

    /// Whether a student or staff member has education-account access on `today`,
    /// and what to back up by when.
    "account.check" => fn account_access(record: AccountRecord, today: Date) with [policy] -> AccountAccess {
        Ok(account::check(&record, today.0, policy))
    }

    /// `account_access` over many records, in order.
    "account.check_many" => fn account_access_many(records: Vec<AccountRecord>, today: Date) with [policy] -> Vec<AccountAccess> {
        Ok(account::check_many(&records, today.0, policy))
    }

    /// People (status, class, dates, custom account) from a CSV/TSV file.
    "account.import" => fn import_accounts(data: Bytes, options: Option<ImportOptions> = None) with [policy] -> AccountImport {
        account::import(&data.0, &options.unwrap_or_default(), policy)
    }

    /// A people export checked in one call: each person's education-account
    /// access at their line, and every bad row.
    "account.check_file" => fn check_account_file(data: Bytes, today: Date, options: Option<ImportOptions> = None) with [policy] -> AccountFile {
        account::check_file(&data.0, &options.unwrap_or_default(), today.0, policy)
    }

    /// Who of a student's family can register in the parent app, and what is missing.
    "parent.check" => fn check_family(family: FamilyRecord) -> FamilyCheck {
        Ok(parent::check(&family))
    }

    /// `check_family` over many families, in order.
    "parent.check_many" => fn check_families(families: Vec<FamilyRecord>) -> Vec<FamilyCheck> {
        Ok(parent::check_many(&families))
    }

    /// A file of families checked in one call — a JSON list, or a table with one
    /// row per student (CSV, TSV, xlsx, xls, ods) — each family's registrants at
    /// its record number or line, and every record that is not a family.
    "parent.check_file" => fn check_family_file(data: Bytes, options: Option<ImportOptions> = None) with [policy] -> FamilyFile {
        parent::check_file(&data.0, &options.unwrap_or_default(), policy)
    }

    /// Families (one row per student: 學號, 父親姓名, 父親手機, …) from a table.
    "parent.import" => fn import_families(data: Bytes, options: Option<ImportOptions> = None) with [policy] -> FamilyImport {
        parent::import(&data.0, &options.unwrap_or_default(), policy)
    }

    /// A Taiwan mobile number in its one written form (`0912-345-678` →
    /// `0912345678`); landlines and other shapes are refused with the reason.
    "parent.normalize_mobile" => fn normalize_mobile(text: String) -> PhoneCheck {
        Ok(parent::normalize_mobile(&text))
    }

    /// The 16-row table of apps of 新北校園通 and web modules of the school
    /// admin system, with the suggested holders of each right.
    "permission.table" => fn permission_table() -> Vec<AppModule> as "rows" {
        Ok(permission::table().to_vec())
    }

    /// The table row of an app or web module name.
    "permission.lookup" => fn permission_lookup(name: String) -> Lookup {
        permission::lookup(&name)
    }

    /// A right from its name: `manage`/`管理權`/`管理` or `edit`/`編輯權`/`編輯`
    /// (trimmed, ASCII case ignored), for a right a user types. Kotlin and Swift
    /// take the right as an enum, so this is their door from text.
    "permission.parse_right" => fn parse_right(text: String) -> Right as "right" {
        text.parse()
    }

    /// Who holds a right on a module by default, after the school's overrides.
    "permission.who_can" => fn who_can(module: String, right: Right, overrides: Option<Vec<Override>> = None) with [policy] -> WhoCan {
        permission::who_can(&module, right, &overrides.unwrap_or_default(), policy)
    }

    /// Whether a person (job titles, roles) holds a right on an app or module,
    /// and the rule that decided.
    "permission.can" => fn can(person: Person, app_or_module: String, right: Right, overrides: Option<Vec<Override>> = None) with [policy] -> Decision {
        permission::can(&person, &app_or_module, right, &overrides.unwrap_or_default(), policy)
    }

    /// The contact book's right for a job title (電子聯絡簿 has no web module).
    "permission.contact_book_right" => fn contact_book_right(title: String) -> TitleRight {
        Ok(permission::contact_book_right(&title))
    }

    /// Whether a person sees attendance per student or only per-class counts
    /// without names (data minimisation, seed 001 案由二).
    "permission.attendance_view" => fn attendance_view(person: Person, overrides: Option<Vec<Override>> = None) with [policy] -> AttendanceAccess {
        permission::attendance_view(&person, &overrides.unwrap_or_default(), policy)
    }

    /// Per-class daily counts of absent students, with no names.
    "permission.absent_counts" => fn absent_counts(records: Vec<AttendanceRecord>) -> AbsentCounts {
        Ok(permission::absent_counts(&records))
    }
}
