"""Types of the dicts the record rules take and return (generated; do not edit).

Written by tests/tools/gen_shapes.py from the shape declarations shared with the
Node and Kotlin/Swift bindings (bindings-mobile/src/shapes/). Keys are the core's
snake_case JSON; dates are ISO ``YYYY-MM-DD`` text (arguments also take
``datetime.date`` or any calendar style).
"""

from __future__ import annotations

from typing import Literal, TypedDict

__all__ = [
    "AbsentCounts",
    "AccountAccess",
    "AccountImport",
    "AccountNameCheckDict",
    "AccountRecord",
    "AppModule",
    "AttendanceAccess",
    "AttendanceRecord",
    "AttendanceView",
    "AuditPick",
    "AuditSchool",
    "BackupAdvice",
    "BackupEvent",
    "ClassDayCount",
    "ColumnUse",
    "Contact",
    "ContactCheck",
    "CountBasis",
    "Criterion",
    "CriterionMet",
    "CvssBand",
    "Decision",
    "Decoded",
    "Delimiter",
    "DrillCheck",
    "DrillImport",
    "DrillRanking",
    "DrillReport",
    "ErrorDict",
    "FamilyCheck",
    "FamilyRecord",
    "FindingDict",
    "Holder",
    "ImportOptions",
    "ImportRowError",
    "Incident",
    "IncidentCheck",
    "IncidentImport",
    "IncidentStats",
    "IpInfo",
    "LabelCount",
    "LevelCount",
    "Lookup",
    "MailboxImport",
    "MailboxRecord",
    "MailboxState",
    "MailboxStatus",
    "MailboxSweep",
    "MatchedAs",
    "MessageSizeCheck",
    "MonthCount",
    "Obligation",
    "ObligationCheck",
    "ObligationCounts",
    "Override",
    "Person",
    "PersonStatus",
    "PhoneCheck",
    "PhoneKind",
    "PhoneProblem",
    "PickedSchool",
    "QuotaCheck",
    "QuotaState",
    "Registrant",
    "Right",
    "Role",
    "RowError",
    "Rule",
    "ScanFinding",
    "ScanImport",
    "ScanRound",
    "ScanSummary",
    "ScanView",
    "SchoolImport",
    "SchoolOvertime",
    "Service",
    "Slot",
    "StaffStatus",
    "StateCounts",
    "Status",
    "SweepEntry",
    "SweepRow",
    "TextEncoding",
    "TimeField",
    "TitleRight",
    "TitleRule",
    "Verdict",
    "WhoCan",
    "YearCount",
]

Verdict = Literal["pass", "warn", "fail"]


class FindingDict(TypedDict):
    """One explained outcome of a rule."""

    code: str
    severity: Literal["violation", "warning", "info"]
    params: dict[str, str | int | float | bool]
    message_zh: str
    message_en: str


class ErrorDict(TypedDict):
    """A core error, as data."""

    code: str
    params: dict[str, str | int | float | bool]
    message_zh: str
    message_en: str


class RowError(TypedDict):
    """One row of a bulk input that could not be evaluated; the others still are."""

    index: int
    error: ErrorDict


class ImportRowError(TypedDict):
    """A row of a file that could not be read, with its position."""

    line: int
    column: int | None
    header: str | None
    field: str | None
    code: str
    params: dict[str, str | int | float | bool]
    message_zh: str
    message_en: str


class AccountNameCheckDict(TypedDict):
    """A custom account name checked against the ID-number rule."""

    verdict: Verdict
    id_format: bool
    checksum_valid: bool
    kind: Literal["national_id", "resident_old", "resident_new", "none"]
    local_part_masked: str
    findings: list[FindingDict]


#: A staff member's status in the school admin system.
StaffStatus = Literal["serving", "departed", "retired"]


class _MailboxRecordRequired(TypedDict):
    account: str
    activated_on: str


class MailboxRecord(_MailboxRecordRequired, total=False):
    """One mailbox as the school admin system and Mail2000 know it."""

    #: Last login date; none when never logged in.
    last_login: str | None
    #: `serving` (default), `departed` or `retired` (or 在職/離職/退休).
    staff_status: str | None
    #: When the person left, if known.
    departed_on: str | None
    #: Bytes in use, for the quota check.
    used_bytes: int | None


#: Where a mailbox stands in the retention rule.
MailboxState = Literal["active", "notice", "deletable", "disabled"]

#: What the inactivity is counted from.
CountBasis = Literal["last_login", "activation"]

#: How full a mailbox is.
QuotaState = Literal["ok", "near_full", "full"]


class QuotaCheck(TypedDict):
    """A mailbox's use against the quota."""

    #: `ok`, `near_full` or `full`.
    state: QuotaState
    #: Bytes in use.
    used_bytes: int
    #: The quota in bytes.
    quota_bytes: int
    #: Bytes left (0 when over).
    free_bytes: int
    #: Use in percent of the quota.
    used_percent: float
    #: At or above the warning share.
    near_full: bool
    #: Pass, warn or fail.
    verdict: Verdict
    #: Why.
    findings: list[FindingDict]


class MessageSizeCheck(TypedDict):
    """A message's size against the per-message limit."""

    #: Within the limit.
    allowed: bool
    #: The size in bytes.
    bytes: int
    #: The limit in bytes.
    max_bytes: int
    #: Pass or fail.
    verdict: Verdict
    #: Why.
    findings: list[FindingDict]


class MailboxStatus(TypedDict):
    """The retention state of one mailbox on a given day."""

    #: The account.
    account: str
    #: `active`, `notice`, `deletable` or `disabled`.
    state: MailboxState
    #: The code that explains the state.
    reason: str
    #: The staff status used.
    staff_status: StaffStatus
    #: Counted from the last login or, never logged in, from activation.
    basis: CountBasis
    #: The day counting starts from.
    counted_from: str
    #: Days without a login.
    days_inactive: int
    #: The first day the mailbox may be deleted.
    deletion_date: str
    #: The first day of the daily notices.
    notice_from: str
    #: Days until the deletion date (0 or less: deletable).
    days_left: int
    #: A notice is to be mailed today.
    notice_due_today: bool
    #: Since when login is disabled (departed or retired staff).
    disabled_since: str | None
    #: The quota check, when the record has the bytes in use.
    quota: QuotaCheck | None
    #: Pass, warn or fail.
    verdict: Verdict
    #: Why.
    findings: list[FindingDict]


class SweepRow(TypedDict):
    """One evaluated row of a sweep."""

    #: Position in the input list (0-based).
    index: int
    #: Its state.
    status: MailboxStatus


class SweepEntry(TypedDict):
    """A mailbox on the notice or deletion list of a sweep."""

    #: Position in the input list (0-based).
    index: int
    #: The account.
    account: str
    #: The first day it may be deleted.
    deletion_date: str
    #: Days until then.
    days_left: int


class StateCounts(TypedDict):
    """How many mailboxes are in each state."""

    #: In use.
    active: int
    #: In the notice month.
    notice: int
    #: May be deleted.
    deletable: int
    #: Login disabled.
    disabled: int
    #: Rows that could not be evaluated.
    errors: int


class MailboxSweep(TypedDict):
    """Every mailbox's state on one day, with the notice and deletion lists."""

    #: The day of the sweep.
    today: str
    #: Rows read.
    total: int
    #: Rows per state.
    counts: StateCounts
    #: Every evaluated row, in input order.
    rows: list[SweepRow]
    #: Mailboxes to notify, soonest deletion first.
    notices: list[SweepEntry]
    #: Mailboxes that may be deleted, oldest first.
    deletable: list[SweepEntry]
    #: Rows that could not be evaluated; the others still are.
    errors: list[RowError]


class MailboxImport(TypedDict):
    """The mailboxes of a file, the errors of its bad rows, and how it was read."""

    #: The rows read.
    records: list[MailboxRecord]
    #: The line each record starts on.
    lines: list[int]
    #: Rows that could not be read; the others still are.
    errors: list[ImportRowError]
    #: The encoding.
    encoding: TextEncoding
    #: A byte-order mark was present.
    bom: bool
    #: The delimiter used.
    delimiter: Delimiter
    #: The columns used.
    columns: list[ColumnUse]
    #: Header cells that name no field.
    ignored_columns: list[str]
    #: Data rows seen.
    rows: int
    #: Rows skipped (notes, totals).
    skipped_rows: int
    #: Stopped at the row limit.
    truncated: bool


#: A student or staff member as the school admin system records them.
#: Every key may be left out (the core says which are required).
AccountRecord = TypedDict(
    "AccountRecord",
    {
        # Name or number, for the report.
        "person": "str | None",
        # `enrolled`, `transfer_gap`, `level_change`, `left_city`, `graduated`, `serving`,
        # `retired`, `departed` (or 在學, 轉學空窗, 跨階段升學, 離開本市, 畢業, 在職, 退休, 離職).
        "status": "str",
        # The class, for an enrolled student.
        "class": "str | None",
        # When the status took or takes effect.
        "status_date": "str | None",
        # A custom account name to check against the ID-number rule.
        "account": "str | None",
    },
    total=False,
)

#: Student or staff.
Role = Literal["student", "staff"]

#: A person's status.
PersonStatus = Literal[
    "enrolled",
    "transfer_gap",
    "level_change",
    "left_city",
    "graduated",
    "serving",
    "retired",
    "departed",
]

#: A service of the education account.
Service = Literal[
    "school_account", "parent_platform", "google_workspace", "microsoft_365", "ntpc_mail"
]

#: The event that ends access.
BackupEvent = Literal[
    "transfer", "level_change", "leaving_city", "graduation", "retirement", "departure"
]


class BackupAdvice(TypedDict):
    """What to back up, and before when."""

    #: The event that ends access.
    event: BackupEvent
    #: Back up before this day, when known.
    before: str | None
    #: The services whose data to save.
    services: list[Service]
    #: The day has passed.
    too_late: bool


class AccountAccess(TypedDict):
    """Whether a person has education-account access, and why."""

    #: The person as given.
    person: str | None
    #: Student or staff.
    role: Role
    #: The status read.
    status: PersonStatus
    #: Has access now.
    access: bool
    #: The code that explains it.
    reason: str
    #: The services usable now.
    services: list[Service]
    #: The last day of access, when known.
    access_until: str | None
    #: Access comes back (e.g. once the new school assigns a class).
    access_returns: bool
    #: What to back up before which event.
    backup: BackupAdvice | None
    #: The custom account name's check.
    account_name: AccountNameCheckDict | None
    #: Pass, warn or fail.
    verdict: Verdict
    #: Why.
    findings: list[FindingDict]


class AccountImport(TypedDict):
    """The people of a file, the errors of its bad rows, and how it was read."""

    #: The rows read.
    records: list[AccountRecord]
    #: The line each record starts on.
    lines: list[int]
    #: Rows that could not be read; the others still are.
    errors: list[ImportRowError]
    #: The encoding.
    encoding: TextEncoding
    #: A byte-order mark was present.
    bom: bool
    #: The delimiter used.
    delimiter: Delimiter
    #: The columns used.
    columns: list[ColumnUse]
    #: Header cells that name no field.
    ignored_columns: list[str]
    #: Data rows seen.
    rows: int
    #: Rows skipped (notes, totals).
    skipped_rows: int
    #: Stopped at the row limit.
    truncated: bool


class Contact(TypedDict, total=False):
    """One person of a student's family record."""

    #: Name.
    name: str | None
    #: Mobile number as typed.
    mobile: str | None
    #: Relation, for other contacts (e.g. 祖母).
    relation: str | None


class FamilyRecord(TypedDict, total=False):
    """A student's family record (學籍管理 › 家庭資料)."""

    #: Name or number of the student, for the report.
    student: str | None
    #: 父.
    father: Contact | None
    #: 母.
    mother: Contact | None
    #: 監護人1.
    guardian1: Contact | None
    #: 監護人2.
    guardian2: Contact | None
    #: 其他聯絡人.
    others: list[Contact] | None


#: The place of a contact in the family record.
Slot = Literal["father", "mother", "guardian1", "guardian2", "other"]

#: What a phone number is.
PhoneKind = Literal["mobile", "landline", "invalid", "empty"]

#: Why a phone number is not a usable mobile number.
PhoneProblem = Literal[
    "bad_characters",
    "wrong_length",
    "leading_zero_missing",
    "foreign_number",
    "not_a_phone_number",
    "too_long",
]


class PhoneCheck(TypedDict):
    """A phone number read as a Taiwan mobile number."""

    #: Mobile, landline, invalid or empty.
    kind: PhoneKind
    #: A usable mobile number.
    valid: bool
    #: `09` and eight digits.
    normalized: str | None
    #: What is wrong.
    problem: PhoneProblem | None
    #: A likely intended number.
    suggestion: str | None


class ContactCheck(TypedDict):
    """One contact's registration check."""

    #: The place in the record.
    slot: Slot
    #: Position among the other contacts.
    index: int | None
    #: Who, in words (父, 監護人1, 其他聯絡人2 …).
    who: str
    #: The name.
    name: str | None
    #: The relation.
    relation: str | None
    #: The slot has anything filled in.
    listed: bool
    #: The mobile number's check.
    mobile: PhoneCheck
    #: Can register in the parent app.
    can_register: bool
    #: What is missing or malformed.
    findings: list[FindingDict]


class Registrant(TypedDict):
    """A person who can register in the parent app."""

    #: The place in the record.
    slot: Slot
    #: Position among the other contacts.
    index: int | None
    #: The name.
    name: str
    #: The normalised mobile number.
    mobile: str


class FamilyCheck(TypedDict):
    """Who of a family can register in the parent app."""

    #: The student as given.
    student: str | None
    #: Pass when someone can register.
    verdict: Verdict
    #: Who can.
    registrants: list[Registrant]
    #: Every slot's check.
    contacts: list[ContactCheck]
    #: Record-level findings.
    findings: list[FindingDict]


#: 管理權 or 編輯權.
Right = Literal["manage", "edit"]

#: The rule that decided.
Rule = Literal["default", "override_add", "override_remove", "title_rule"]

#: How a name matched the table.
MatchedAs = Literal["app", "module", "alias"]


class TitleRule(TypedDict):
    """電子聯絡簿's right by job title."""

    #: The cell as written in the seed.
    raw: str
    #: Title words that give 管理權.
    manage_keywords: list[str]
    #: Title words that give 編輯權.
    edit_keywords: list[str]


class AppModule(TypedDict):
    """One row of the app ↔ web-module table."""

    #: The app function.
    app: str
    #: The web module, if it has one.
    module: str | None
    #: The module cell as written.
    module_raw: str
    #: Default holders of 管理權.
    manage: list[str]
    #: The 管理權 cell as written.
    manage_raw: str
    #: Default holders of 編輯權.
    edit: list[str]
    #: The 編輯權 cell as written.
    edit_raw: str
    #: Other names people use.
    aliases: list[str]
    #: The title rule, for 電子聯絡簿.
    title_rule: TitleRule | None


class Lookup(TypedDict):
    """A table row found by name."""

    #: App, module or alias.
    matched_as: MatchedAs
    #: The row.
    row: AppModule


class _OverrideRequired(TypedDict):
    module: str
    right: str


class Override(_OverrideRequired, total=False):
    """A school's change to the default holders of one module's right."""

    #: Roles added.
    add: list[str] | None
    #: Roles removed.
    remove: list[str] | None


class Person(TypedDict, total=False):
    """A person asking for a right."""

    #: Job title (e.g. 教務主任兼導師).
    title: str | None
    #: Roles held in the ROOT module.
    roles: list[str] | None


class Holder(TypedDict):
    """One holder of a right."""

    #: The role.
    role: str
    #: The right held.
    right: Right
    #: Default or added by an override.
    rule: Rule


class WhoCan(TypedDict):
    """Who holds a right on a module."""

    #: The app function.
    app: str
    #: The web module.
    module: str | None
    #: The right asked about.
    right: Right
    #: Its holders after the overrides.
    holders: list[Holder]
    #: Default holders an override removed.
    removed: list[str]
    #: The cell as written.
    raw: str
    #: The title rule, for 電子聯絡簿.
    title_rule: TitleRule | None


class Decision(TypedDict):
    """Whether a person has a right, and the rule that decided."""

    #: Allowed.
    allowed: bool
    #: The app function.
    app: str
    #: The web module.
    module: str | None
    #: The right asked about.
    right: Right
    #: The deciding rule.
    rule: Rule
    #: The right the person holds, if any.
    granted_right: Right | None
    #: The role that matched.
    matched_role: str | None
    #: The title word that matched.
    matched_keyword: str | None
    #: Why.
    findings: list[FindingDict]


class TitleRight(TypedDict):
    """電子聯絡簿's right for a job title."""

    #: The right, or none.
    right: Right | None
    #: The word that decided.
    keyword: str | None


#: The attendance view a person gets.
AttendanceView = Literal["per_student", "class_counts"]


class AttendanceAccess(TypedDict):
    """The attendance view, with the decision behind it."""

    #: Per student, or class counts only.
    view: AttendanceView
    #: The edit-right decision on 新學生出缺席.
    decision: Decision
    #: Why.
    findings: list[FindingDict]


#: One student's attendance on one day.
AttendanceRecord = TypedDict(
    "AttendanceRecord",
    {
        # The class.
        "class": "str",
        # The day (any calendar style).
        "date": "str",
        # The student (dropped by the counts).
        "student": "str",
        # 出席, 遲到, 事假, 病假, 曠課 … or their English codes.
        "status": "str",
    },
)

#: Absences of one class on one day, with no names.
ClassDayCount = TypedDict(
    "ClassDayCount",
    {
        # The class.
        "class": "str",
        # The day.
        "date": "str",
        # Students absent.
        "absent": "int",
    },
)


class AbsentCounts(TypedDict):
    """Per-class daily absent counts."""

    #: Class by day.
    counts: list[ClassDayCount]
    #: Rows that could not be read; the others still count.
    errors: list[RowError]


#: The text encoding a file was read in.
TextEncoding = Literal["utf-8", "utf-16le", "utf-16be", "big5"]

#: The cell delimiter of a file.
Delimiter = Literal["auto", "comma", "tab"]


class Decoded(TypedDict):
    """Bytes read as text."""

    #: The text.
    text: str
    #: The encoding it was in.
    encoding: TextEncoding
    #: It started with a byte-order mark.
    bom: bool


class ColumnUse(TypedDict):
    """A header cell that was used."""

    #: Its column (1-based).
    column: int
    #: As written.
    header: str
    #: The record field it feeds.
    field: str


class ImportOptions(TypedDict):
    """How to read a file."""

    #: `auto` (default), `comma` or `tab`.
    delimiter: str | None


class _IncidentRequired(TypedDict):
    id: str
    unit: str
    level: int


class Incident(_IncidentRequired, total=False):
    """One row of the department's incident table."""

    #: The level first reported, when the review changed it.
    reported_level: int | None
    #: 事件類型.
    event_type: str | None
    #: 子類型.
    subtype: str | None
    #: 發生時間.
    occurred_at: str | None
    #: 知悉時間.
    aware_at: str | None
    #: 通報時間.
    reported_at: str | None
    #: 審核時間.
    reviewed_at: str | None
    #: Damage controlled or service recovered.
    recovered_at: str | None
    #: Investigation/improvement report filed.
    report_filed_at: str | None
    #: IP as written (may be redacted).
    ip: str | None


class IpInfo(TypedDict):
    """An IP cell: kept raw, with the address when it is one."""

    #: As written.
    raw: str
    #: The address, when the cell is a valid one.
    address: str | None
    #: Marked `(natIP)`.
    nat: bool
    #: Partly hidden (`[REDACTED]`).
    redacted: bool


#: A duty after an incident.
Obligation = Literal["notify", "review", "recover", "report"]

#: Where a duty stands.
Status = Literal["met", "late", "open", "overdue", "unknown"]

#: A time column of the incident record.
TimeField = Literal[
    "occurred_at", "aware_at", "reported_at", "reviewed_at", "recovered_at", "report_filed_at"
]

#: One duty's deadline and status.
ObligationCheck = TypedDict(
    "ObligationCheck",
    {
        # The duty.
        "obligation": "Obligation",
        # The time it counts from.
        "from": "TimeField | None",
        # That time.
        "start": "str | None",
        # The limit in hours.
        "limit_hours": "int | None",
        # The limit in months.
        "limit_months": "int | None",
        # The deadline.
        "deadline": "str | None",
        # When it was done.
        "done_at": "str | None",
        # met, late, open, overdue or unknown.
        "status": "Status",
        # Minutes to spare.
        "margin_minutes": "int | None",
        # Minutes late.
        "delay_minutes": "int | None",
    },
)


class IncidentCheck(TypedDict):
    """An incident's duties, deadlines and status at a given time."""

    #: 編號.
    id: str
    #: 通報單位.
    unit: str
    #: The level used.
    level: int
    #: The level first reported.
    reported_level: int | None
    #: The regulation edition applied.
    regulation: str
    #: Counted from aware_at or occurred_at.
    basis: TimeField | None
    #: The IP cell read.
    ip: IpInfo | None
    #: Every duty.
    obligations: list[ObligationCheck]
    #: Pass, warn or fail.
    verdict: Verdict
    #: Why.
    findings: list[FindingDict]


class MonthCount(TypedDict):
    """Incidents in one month."""

    #: `YYYY-MM`.
    month: str
    #: ROC month, e.g. `110/08`.
    roc_month: str
    #: How many.
    count: int


class LabelCount(TypedDict):
    """Incidents with one label (subtype or school)."""

    #: The label; none for blank cells.
    label: str | None
    #: How many.
    count: int


class YearCount(TypedDict):
    """Incidents in one year."""

    #: Gregorian year.
    year: int
    #: ROC year.
    roc_year: int
    #: How many.
    count: int


class LevelCount(TypedDict):
    """Incidents of one level."""

    #: The level.
    level: int
    #: How many.
    count: int


class ObligationCounts(TypedDict):
    """A count per duty."""

    #: 通報.
    notify: int
    #: 審核.
    review: int
    #: 復原.
    recover: int
    #: 報告.
    report: int


class IncidentStats(TypedDict):
    """The department's statistics of a set of incidents."""

    #: Incidents.
    total: int
    #: By month of occurrence.
    by_month: list[MonthCount]
    #: By subtype.
    by_subtype: list[LabelCount]
    #: By school.
    by_school: list[LabelCount]
    #: By year.
    by_year: list[YearCount]
    #: By level.
    by_level: list[LevelCount]
    #: Incidents with no date.
    undated: int
    #: Duties done late.
    late: ObligationCounts
    #: Duties past their deadline and still open.
    overdue: ObligationCounts
    #: Incidents with any late or overdue duty.
    incidents_late: int
    #: Incidents that could not be evaluated, with why.
    not_evaluated: list[str]


class IncidentImport(TypedDict):
    """The incidents of a file, the errors of its bad rows, and how it was read."""

    #: The rows read.
    records: list[Incident]
    #: The line each record starts on.
    lines: list[int]
    #: Rows that could not be read; the others still are.
    errors: list[ImportRowError]
    #: The encoding.
    encoding: TextEncoding
    #: A byte-order mark was present.
    bom: bool
    #: The delimiter used.
    delimiter: Delimiter
    #: The columns used.
    columns: list[ColumnUse]
    #: Header cells that name no field.
    ignored_columns: list[str]
    #: Data rows seen.
    rows: int
    #: Rows skipped (notes, totals).
    skipped_rows: int
    #: Stopped at the row limit.
    truncated: bool


class _DrillReportRequired(TypedDict):
    school: str
    notified_at: str


class DrillReport(_DrillReportRequired, total=False):
    """A school's report of a drill."""

    #: School name.
    school_name: str | None
    #: Which drill.
    drill: str | None
    #: When it reported.
    reported_at: str | None


class DrillCheck(TypedDict):
    """One drill report against the limit of its edition."""

    #: School code.
    school: str
    #: Which drill.
    drill: str | None
    #: The limit in hours.
    limit_hours: int
    #: Notified.
    notified_at: str
    #: The deadline.
    deadline: str | None
    #: Reported.
    reported_at: str | None
    #: met, late, open or overdue.
    status: Status
    #: Minutes over the limit.
    overtime_minutes: int
    #: Minutes to spare.
    margin_minutes: int | None
    #: Pass, warn or fail.
    verdict: Verdict
    #: Why.
    findings: list[FindingDict]


class SchoolOvertime(TypedDict):
    """A school's drill overtime."""

    #: Rank by overtime (none when never late).
    rank: int | None
    #: School code.
    school: str
    #: School name.
    school_name: str | None
    #: Drills.
    drills: int
    #: Reported late.
    late: int
    #: Past the deadline, not reported.
    overdue: int
    #: Open, within the limit.
    open: int
    #: Total minutes over the limits.
    overtime_minutes: int
    #: The overtime in words (English).
    overtime: str
    #: The overtime in words (Chinese).
    overtime_zh: str


class DrillRanking(TypedDict):
    """Schools by drill overtime, longest first."""

    #: The edition applied.
    edition: str
    #: Its limit in hours.
    limit_hours: int
    #: Schools with overtime.
    late_schools: int
    #: Every school.
    schools: list[SchoolOvertime]
    #: Every drill.
    drills: list[DrillCheck]


class DrillImport(TypedDict):
    """The drill reports of a file, the errors of its bad rows, and how it was read."""

    #: The rows read.
    records: list[DrillReport]
    #: The line each record starts on.
    lines: list[int]
    #: Rows that could not be read; the others still are.
    errors: list[ImportRowError]
    #: The encoding.
    encoding: TextEncoding
    #: A byte-order mark was present.
    bom: bool
    #: The delimiter used.
    delimiter: Delimiter
    #: The columns used.
    columns: list[ColumnUse]
    #: Header cells that name no field.
    ignored_columns: list[str]
    #: Data rows seen.
    rows: int
    #: Rows skipped (notes, totals).
    skipped_rows: int
    #: Stopped at the row limit.
    truncated: bool


class _AuditSchoolRequired(TypedDict):
    school: str


class AuditSchool(_AuditSchoolRequired, total=False):
    """A school's figures for the on-site check pick."""

    #: School name.
    name: str | None
    #: Drill overtime in minutes.
    drill_overtime_minutes: int | None
    #: Incidents in the previous year.
    previous_year_incidents: int | None
    #: Unresolved self-report gaps.
    self_report_gaps: int | None
    #: Citizen complaints.
    citizen_complaints: int | None
    #: Security grade (A, B, C …).
    security_grade: str | None


#: Initial scan or re-scan.
ScanRound = Literal["initial", "rescan"]

#: A CVSS severity band.
CvssBand = Literal["none", "low", "medium", "high", "critical"]


class _ScanFindingRequired(TypedDict):
    school: str
    scan: str
    cvss: float


class ScanFinding(_ScanFindingRequired, total=False):
    """One vulnerability finding of a school's scan."""

    #: `v2`, `v3`, `v4` (or as scanners write it: `3.1`, `CVSS:3.1`).
    cvss_version: str | None
    #: The scanner's label.
    label: str | None
    #: The finding's title.
    title: str | None


#: A pick criterion (RULES §8).
Criterion = Literal[
    "drill_overtime",
    "incident_count",
    "self_report_gaps",
    "citizen_complaint",
    "security_grade",
    "rescan_high",
]


class CriterionMet(TypedDict):
    """A criterion a school met, with the figures."""

    #: The criterion.
    criterion: Criterion
    #: The school's rank on it, for ranked criteria.
    rank: int | None
    #: The explanation with its figures.
    finding: FindingDict


class ScanView(TypedDict):
    """A scan finding as shown in the pick."""

    #: Initial or re-scan.
    scan: ScanRound
    #: CVSS score.
    cvss: float
    #: CVSS version.
    cvss_version: str | None
    #: Its band.
    band: CvssBand
    #: The scanner's label.
    label: str | None
    #: The title.
    title: str | None


class ScanSummary(TypedDict):
    """A school's scan counts."""

    #: Initial-scan findings.
    initial: int
    #: Of them, at or above the threshold.
    initial_high: int
    #: Re-scan findings.
    rescan: int
    #: Of them, at or above the threshold.
    rescan_high: int
    #: The highest re-scan score.
    max_rescan_cvss: float | None


class PickedSchool(TypedDict):
    """A school picked for an on-site check, with the criteria it met."""

    #: Position in the pick list (1-based).
    order: int
    #: School code.
    school: str
    #: School name.
    name: str | None
    #: How many criteria it met.
    criteria_met: int
    #: Its worst (smallest) rank among ranked criteria.
    worst_rank: int | None
    #: The criteria, with figures.
    criteria: list[CriterionMet]
    #: Its scans.
    scans: ScanSummary
    #: Re-scan findings still to fix.
    to_fix: list[ScanView]


class AuditPick(TypedDict):
    """The pick list for on-site checks."""

    #: Top N by drill overtime.
    drill_top_n: int
    #: Top N by incidents.
    incident_top_n: int
    #: The grade that is picked.
    picked_grade: str
    #: Re-scan findings from this score count.
    rescan_min_cvss: float
    #: The capacity asked for.
    capacity: int | None
    #: Schools read.
    schools_considered: int
    #: Schools meeting any criterion.
    eligible: int
    #: The pick, in order.
    picked: list[PickedSchool]
    #: Eligible schools past the capacity.
    over_capacity: list[PickedSchool]


class SchoolImport(TypedDict):
    """The schools of a file, the errors of its bad rows, and how it was read."""

    #: The rows read.
    records: list[AuditSchool]
    #: The line each record starts on.
    lines: list[int]
    #: Rows that could not be read; the others still are.
    errors: list[ImportRowError]
    #: The encoding.
    encoding: TextEncoding
    #: A byte-order mark was present.
    bom: bool
    #: The delimiter used.
    delimiter: Delimiter
    #: The columns used.
    columns: list[ColumnUse]
    #: Header cells that name no field.
    ignored_columns: list[str]
    #: Data rows seen.
    rows: int
    #: Rows skipped (notes, totals).
    skipped_rows: int
    #: Stopped at the row limit.
    truncated: bool


class ScanImport(TypedDict):
    """The scan findings of a file, the errors of its bad rows, and how it was read."""

    #: The rows read.
    records: list[ScanFinding]
    #: The line each record starts on.
    lines: list[int]
    #: Rows that could not be read; the others still are.
    errors: list[ImportRowError]
    #: The encoding.
    encoding: TextEncoding
    #: A byte-order mark was present.
    bom: bool
    #: The delimiter used.
    delimiter: Delimiter
    #: The columns used.
    columns: list[ColumnUse]
    #: Header cells that name no field.
    ignored_columns: list[str]
    #: Data rows seen.
    rows: int
    #: Rows skipped (notes, totals).
    skipped_rows: int
    #: Stopped at the row limit.
    truncated: bool
