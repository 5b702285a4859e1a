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
    "AccountNameCheckDict",
    "AccountRecord",
    "AppModule",
    "AttendanceAccess",
    "AttendanceRecord",
    "AttendanceView",
    "BackupAdvice",
    "BackupEvent",
    "ClassDayCount",
    "Contact",
    "ContactCheck",
    "CountBasis",
    "Decision",
    "ErrorDict",
    "FamilyCheck",
    "FamilyRecord",
    "FindingDict",
    "Holder",
    "Lookup",
    "MailboxRecord",
    "MailboxState",
    "MailboxStatus",
    "MailboxSweep",
    "MatchedAs",
    "MessageSizeCheck",
    "Override",
    "Person",
    "PersonStatus",
    "PhoneCheck",
    "PhoneKind",
    "PhoneProblem",
    "QuotaCheck",
    "QuotaState",
    "Registrant",
    "Right",
    "Role",
    "RowError",
    "Rule",
    "Service",
    "Slot",
    "StaffStatus",
    "StateCounts",
    "SweepEntry",
    "SweepRow",
    "TitleRight",
    "TitleRule",
    "Verdict",
    "WhoCan",
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
