//! The rows of the code table: each stable code with its kind and its zh-TW and
//! English message templates (see the parent module). One row per code; a new
//! rule adds rows here, it never renames one.

use super::CodeKind;

codes! {
    // ---- password (RULES §1; seed 001 §陸.二.(一)(二)) ----
    /// Shorter than the policy's minimum length.
    PasswordTooShort = "password.too_short", Violation,
        "密碼長度不足：至少需 {min} 個字元，目前為 {actual} 個。",
        "Password too short: at least {min} characters are required, it has {actual}.";
    /// Longer than the hard limit; checked before any other work.
    PasswordTooLong = "password.too_long", Violation,
        "密碼過長：最多 {max} 個字元，目前至少 {actual} 個。",
        "Password too long: at most {max} characters are allowed, it has at least {actual}.";
    /// Fewer character classes than required.
    PasswordTooFewClasses = "password.too_few_classes", Violation,
        "密碼須包含 {required} 種以上字元類別（目前 {actual} 種），缺少：{missing_zh}。",
        "Password must mix at least {required} character classes (it has {actual}); missing: {missing}.";
    /// Contains a control character (tab, newline, DEL, …).
    PasswordControlChar = "password.control_char", Violation,
        "密碼含有控制字元（如 Tab 或換行），第一個在第 {position} 個字元，共 {count} 個。",
        "Password contains a control character such as tab or newline (character {position}; {count} in all).";
    /// Contains the account name.
    PasswordContainsAccount = "password.contains_account", Violation,
        "密碼不可包含帳號名稱。",
        "Password must not contain the account name.";
    /// Contains a token of the display name.
    PasswordContainsDisplayName = "password.contains_display_name", Violation,
        "密碼不可包含姓名中的任何部分（長度 {min} 以上）。",
        "Password must not contain any part of the display name ({min} characters or longer).";
    /// Full-width characters typed in the IME's full-width mode.
    PasswordFullwidth = "password.fullwidth", Warning,
        "密碼含有 {count} 個全形字元，不計入英數字元類別；請切換為半形輸入後重新輸入。",
        "Password has {count} full-width characters, which do not count as letters or digits; switch the input method to half-width and type it again.";
    /// Other non-ASCII characters (e.g. CJK).
    PasswordNonAscii = "password.non_ascii", Warning,
        "密碼含有 {count} 個非 ASCII 字元，部分系統可能無法登入。",
        "Password has {count} non-ASCII characters; some systems may reject it.";
    /// On the embedded list of well-known weak passwords.
    PasswordCommon = "password.common", Warning,
        "此密碼為常見的弱密碼，容易被猜中。",
        "This is a well-known weak password and is easy to guess.";
    /// Contains something shaped like a Taiwan ID number.
    PasswordIdNumber = "password.id_number", Warning,
        "密碼含有身分證號格式的字串，請勿使用個人證號。",
        "Password contains something shaped like an ID number; do not use personal ID numbers.";
    /// Contains a Taiwan mobile number.
    PasswordMobileNumber = "password.mobile_number", Warning,
        "密碼含有手機號碼格式（09 開頭 10 碼）的字串。",
        "Password contains a mobile phone number (10 digits starting with 09).";
    /// Contains a date (8-digit Gregorian or 7-digit ROC).
    PasswordDate = "password.date", Warning,
        "密碼含有日期格式（{format_zh}）的字串，例如生日。",
        "Password contains a date ({format}), such as a birthday.";
    /// Weak (issue 22): built on a well-known password, dressed up (case, l33t,
    /// digits, symbols, one typo).
    PasswordCommonVariant = "password.common_variant", Warning,
        "密碼以常見密碼「{masked}」（常見密碼清單第 {rank} 名）為主體，只做了大小寫、符號替換、加數字或符號等容易猜到的變化（自第 {position} 個字元起共 {length} 個字元）。",
        "Password is built on the well-known password \"{masked}\" (rank {rank} on the list of common passwords) with predictable changes such as capitals, symbol swaps or added digits (from character {position}, {length} characters).";
    /// Weak (issue 22): an English dictionary word carries the password.
    PasswordDictionaryWord = "password.dictionary_word", Warning,
        "密碼主要由英文常用字「{masked}」組成（自第 {position} 個字元起共 {length} 個字元），容易被字典攻擊猜中。",
        "Password rests on the common English word \"{masked}\" (from character {position}, {length} characters), which a dictionary attack tries early.";
    /// Weak (issue 22): a word-like, pronounceable string on no list (priced by the
    /// letter model).
    PasswordWordLike = "password.word_like", Warning,
        "密碼主要由像單字一樣、容易拼讀的字串「{masked}」組成（自第 {position} 個字元起共 {length} 個字元），這類字串是猜測程式優先嘗試的對象。",
        "Password rests on a word-like, pronounceable string \"{masked}\" (from character {position}, {length} characters), which guessing programs try early.";
    /// Weak (issue 22): a name (English first name or surname, Taiwanese surname or
    /// given-name syllable in any romanisation).
    PasswordName = "password.name", Warning,
        "密碼含有常見的姓名或名字拼音「{masked}」（自第 {position} 個字元起共 {length} 個字元），請勿使用自己或親友的姓名。",
        "Password contains a common name or romanised name syllable \"{masked}\" (from character {position}, {length} characters); do not use your own or your family's names.";
    /// Weak (issue 22): a context word (organisation, school, account, display name, year).
    PasswordContextWord = "password.context_word", Warning,
        "密碼含有與本單位或帳號相關、容易被猜到的字詞「{masked}」（{kind_zh}；自第 {position} 個字元起共 {length} 個字元）。",
        "Password contains a word an attacker tries first for this account, \"{masked}\" ({kind}; from character {position}, {length} characters).";
    /// Weak (issue 22): keys next to each other on the keyboard or in keyboard order.
    PasswordKeyboardWalk = "password.keyboard_walk", Warning,
        "密碼含有鍵盤上相鄰或依序排列的按鍵「{masked}」（{keyboard_zh}；自第 {position} 個字元起共 {length} 個字元）。",
        "Password contains a keyboard pattern \"{masked}\" ({keyboard}; from character {position}, {length} characters).";
    /// Weak (issue 22): a run such as `abc`, `1234`, `9753`.
    PasswordSequence = "password.sequence", Warning,
        "密碼含有連續序列「{masked}」（{alphabet_zh}；自第 {position} 個字元起共 {length} 個字元），例如 abc、1234。",
        "Password contains a sequence \"{masked}\" ({alphabet}; from character {position}, {length} characters), such as abc or 1234.";
    /// Weak (issue 22): a repeated block such as `aaaa`, `abcabc`.
    PasswordRepeat = "password.repeat", Warning,
        "密碼含有重複的片段「{masked}」（重複前面 {block} 個字元；自第 {position} 個字元起共 {length} 個字元）。",
        "Password repeats itself: \"{masked}\" copies the {block} characters before it (from character {position}, {length} characters).";
    /// Weak (issue 22): Chinese typed on the Zhuyin keyboard with the IME off.
    PasswordZhuyin = "password.zhuyin", Warning,
        "密碼是用注音輸入法按鍵打出的中文詞句「{masked}」（{syllables} 個音節；自第 {position} 個字元起共 {length} 個字元），看似亂碼其實容易被猜中。",
        "Password is Chinese typed on the Zhuyin keyboard with the input method off, \"{masked}\" ({syllables} syllables; from character {position}, {length} characters): it looks random but is easy to guess.";
    /// Rotation: the due date is near.
    PasswordExpiringSoon = "password.expiring_soon", Warning,
        "密碼將於 {due}（{days_left} 天後）到期，請儘早更換。",
        "Password expires on {due} ({days_left} days left); change it soon.";
    /// Rotation: the due date has passed.
    PasswordExpired = "password.expired", Violation,
        "密碼已於 {due} 到期（逾期 {days_overdue} 天），請立即更換；每 {rotation_days} 天須更換一次。",
        "Password expired on {due} ({days_overdue} days ago); change it now. It must change every {rotation_days} days.";
    /// The account was reset: the temporary password must change at next login.
    PasswordMustChangeReset = "password.must_change_reset", Violation,
        "帳號密碼已被重設，登入後須立即更換密碼。",
        "The account was reset; the password must be changed at the next login.";
    /// An abnormal-login alert came after the last change.
    PasswordMustChangeAlert = "password.must_change_alert", Violation,
        "收到系統異常登入警訊（{alert_at}），請立即更換校務密碼。",
        "An abnormal-login alert was received ({alert_at}); change the school account password now.";
    /// Alerts continued after the password was changed following an alert.
    PasswordCheckDevices = "password.check_devices", Violation,
        "更換密碼後仍持續收到異常登入警訊（{alert_at}），請檢查登入過的載具或主機，極可能已被植入後門或木馬程式。",
        "Abnormal-login alerts continued after the password change ({alert_at}); check the devices used to log in: a backdoor or trojan is likely.";

    // ---- identity (RULES §2; seed 000 PART TWO 自訂帳號格式規範) ----
    /// A custom account name has the format of an ID number and must be reset.
    IdentityAccountIdFormat = "identity.account_id_format", Violation,
        "自訂帳號為身分證號格式（{kind}），依資安規範須申請重設。",
        "The custom account name has the format of an ID number ({kind}); security rules require it to be reset.";
    /// The ID-shaped account name also has a valid checksum: a real number is exposed.
    IdentityAccountRealId = "identity.account_real_id", Violation,
        "自訂帳號的檢查碼正確，極可能是真實的證號，個資已外洩，請優先重設。",
        "The account name's checksum is valid: it is very likely a real person's ID number, exposed; reset it first.";
    /// The account name is blank: there is no name to check, and a blank value
    /// is never a pass (issue 14 §2; a PHP form sends "" for an empty field).
    IdentityAccountBlank = "identity.account_blank", Violation,
        "帳號名稱是空白的，無法檢查。",
        "The account name is blank: there is nothing to check.";
    /// The first letter is a retired area code (L, R, S, Y).
    IdentityRetiredArea = "identity.retired_area", Info,
        "首碼 {letter}（{area}）已停止配賦新號碼。",
        "First letter {letter} ({area}) is no longer issued.";

    // ---- network (RULES §9; seed 001 案由五) ----
    /// An address outside the school's EMS range.
    NetworkNotEmsRange = "network.not_ems_range", Violation,
        "位址 {address} 不在學校 {school_no} 的 EMS 網段（VLAN {vlan}，{first}–{last}）內。",
        "Address {address} is outside school {school_no}'s EMS range (VLAN {vlan}, {first}–{last}).";
    /// The address is in another school's EMS range.
    NetworkOtherSchool = "network.other_school", Info,
        "位址 {address} 屬於學校 {other_school_no} 的 EMS 網段。",
        "Address {address} belongs to school {other_school_no}'s EMS range.";

    // ---- training (RULES §9; seed 000 PART FOUR, 001 §陸.一.(五)) ----
    /// Fewer security-training hours this year than required.
    TrainingSecurityHoursShort = "training.security_hours_short", Violation,
        "今年資安研習 {hours} 小時，未達每年 {required} 小時（尚缺 {missing} 小時）。",
        "{hours} hours of security training this year, under the required {required} (missing {missing}).";
    /// A school has certified fewer teachers than its smart-learning quota.
    TrainingSmartLearningShort = "training.smart_learning_short", Violation,
        "智慧學習初階認證：應完成 {required} 人（教師員額 {teacher_quota} 的 {share}），已完成 {certified} 人，尚缺 {remaining} 人。",
        "Smart-learning certification: {required} teachers required ({share} of the quota of {teacher_quota}), {certified} certified, {remaining} to go.";
    /// A teacher is not yet certified; the due day is ahead.
    TrainingSmartLearningTeacherOpen = "training.smart_learning_teacher_open", Info,
        "{teacher}尚未完成智慧學習初階認證：新北必修課尚缺 {city_missing} 小時、學習平台尚缺 {platform_missing} 小時（期限 {due_zh}）。",
        "{teacher} is not yet certified in smart learning: {city_missing} h of the city course and {platform_missing} h on a platform to go (due {due}).";
    /// A teacher is not certified and the due day has passed.
    TrainingSmartLearningTeacherOverdue = "training.smart_learning_teacher_overdue", Violation,
        "{teacher}逾期未完成智慧學習初階認證（期限 {due_zh}）：新北必修課尚缺 {city_missing} 小時、學習平台尚缺 {platform_missing} 小時。",
        "{teacher} is past the smart-learning certification due day {due}: {city_missing} h of the city course and {platform_missing} h on a platform missing.";
    /// The school's share is not yet reached; the due day is ahead.
    TrainingSmartLearningQuotaOpen = "training.smart_learning_quota_open", Info,
        "教師員額 {teacher_quota} 人的 {share} 須完成認證，需 {required} 人，已完成 {certified} 人，尚差 {remaining} 人（期限 {due_zh}）。",
        "{share} of the teacher quota of {teacher_quota} must be certified: {required} needed, {certified} certified, {remaining} to go (due {due}).";
    /// The school's share is not reached and its due day has passed.
    TrainingSmartLearningQuotaOverdue = "training.smart_learning_quota_overdue", Violation,
        "已逾期限 {due_zh}：教師員額 {teacher_quota} 人的 {share} 須完成認證（{required} 人），僅完成 {certified} 人，尚差 {remaining} 人。",
        "Past the due day {due}: {share} of the teacher quota of {teacher_quota} ({required}) must be certified, only {certified} are; {remaining} missing.";
    /// Not every teacher is certified yet; the due day is ahead.
    TrainingSmartLearningAllOpen = "training.smart_learning_all_open", Info,
        "全校教師 {required} 人須於 {due_zh} 前完成認證，已完成 {certified} 人，尚差 {remaining} 人。",
        "All {required} teachers must be certified by {due}: {certified} are, {remaining} to go.";
    /// Not every teacher is certified and the due day has passed.
    TrainingSmartLearningAllOverdue = "training.smart_learning_all_overdue", Violation,
        "已逾期限 {due_zh}：全校教師 {required} 人須完成認證，僅完成 {certified} 人，尚差 {remaining} 人。",
        "Past the due day {due}: all {required} teachers must be certified, only {certified} are; {remaining} missing.";
    // ---- mailbox (RULES §4; seed 000 PART TWO Mail2000, 001 §陸.二.(三)) ----
    /// The mailbox is in use; says when it would become deletable.
    MailboxActive = "mailbox.active", Info,
        "信箱使用中：自 {counted_from_zh} 起 {days_inactive} 天未登入；連續 {inactive_days} 天未登入者，將於 {deletion_date_zh} 起得予刪除。",
        "Mailbox in use: {days_inactive} days without login since {counted_from}; after {inactive_days} days without login it may be deleted from {deletion_date}.";
    /// Day 470–499 without login: a notice is mailed today.
    MailboxNotice = "mailbox.notice", Warning,
        "信箱已 {days_inactive} 天未登入，將於 {deletion_date_zh} 起得予刪除（剩 {days_left} 天）；期滿前每日寄發通知，登入一次即可保留。",
        "No login for {days_inactive} days: the mailbox may be deleted from {deletion_date} ({days_left} days left). A notice is mailed every day until then; one login keeps it.";
    /// 500 days or more without login: the mailbox may be deleted.
    MailboxDeletable = "mailbox.deletable", Violation,
        "信箱已 {days_inactive} 天未登入（上限 {inactive_days} 天），自 {deletion_date_zh} 起得逕予刪除。",
        "No login for {days_inactive} days (limit {inactive_days}): the mailbox may be deleted since {deletion_date}.";
    /// The owner departed or retired: single sign-on and mail login are disabled.
    MailboxDisabled = "mailbox.disabled", Warning,
        "已於校務行政系統設定為{status_zh}，即無法登入單一簽入認證及電子郵件服務；相關資料須於離校前自行備份。",
        "Set as {status} in the school admin system: single sign-on and mail login are disabled. Data must be backed up before leaving school.";
    /// Never logged in: the days count from activation.
    MailboxNeverLoggedIn = "mailbox.never_logged_in", Info,
        "信箱自 {activated_on_zh} 開通後從未登入，未登入天數自開通日起算。",
        "Never logged in since activation on {activated_on}; the days are counted from activation.";
    /// A departure is scheduled: back up before that day.
    MailboxBackupBeforeLeaving = "mailbox.backup_before_leaving", Warning,
        "預定於 {departed_on_zh} {status_zh}，當日起即無法登入電子郵件；請於 {departed_on_zh} 前自行備份信件與資料。",
        "Leaving ({status}) on {departed_on}: mail login ends that day. Back up mail and files before {departed_on}.";
    /// At or above the warning level of the quota.
    MailboxNearFull = "mailbox.near_full", Warning,
        "信箱已使用 {used_percent}%（{used_bytes} / {quota_bytes} 位元組），達 {near_full_percent}% 警戒，請清理信件。",
        "Mailbox {used_percent}% full ({used_bytes} of {quota_bytes} bytes), at or over the {near_full_percent}% warning level; please clean it up.";
    /// At or above the quota: no new mail can arrive.
    MailboxFull = "mailbox.full", Violation,
        "信箱已滿（{used_bytes} / {quota_bytes} 位元組），無法再收信，請立即清理。",
        "Mailbox full ({used_bytes} of {quota_bytes} bytes): new mail cannot arrive; clean it up now.";
    /// A message over the per-message size limit.
    MailboxMessageTooLarge = "mailbox.message_too_large", Violation,
        "郵件大小 {bytes} 位元組，超過每封 {max_bytes} 位元組（{max_mib} MiB）的上限。",
        "A message of {bytes} bytes is over the limit of {max_bytes} bytes ({max_mib} MiB) per message.";

    // ---- account (RULES §5; seed 000 PART TWO 帳號篇) ----
    /// A student enrolled with a class: access.
    AccountActiveStudent = "account.active_student", Info,
        "在學且已編班（{class}），可使用校務帳號及其服務（親師生平台、Google、Microsoft 365）。",
        "Enrolled with a class ({class}): the school account and its services (parent platform, Google, Microsoft 365) are available.";
    /// Staff serving: access.
    AccountActiveStaff = "account.active_staff", Info,
        "在職，可使用校務帳號及其服務。",
        "Serving: the school account and its services are available.";
    /// Enrolled but without a class: no access until placed in a class.
    AccountNoClass = "account.no_class", Warning,
        "有學籍但尚未完成班級配置，完全無法存取校務帳號（含親師生平台、Google、Microsoft 365）；完成編班後即恢復。",
        "Enrolled but not yet placed in a class: no access at all to the school account (parent platform, Google, Microsoft 365) until the class is assigned.";
    /// In the gap of a transfer: no access until the new school receives the student.
    AccountTransferGap = "account.transfer_gap", Warning,
        "轉學空窗期：原校已異動轉出、新校尚未接收或未完成編班，完全無法存取校務帳號（含親師生平台、Google、Microsoft 365）；新校接收並編班後恢復。",
        "Transfer gap: sent out by the old school, not yet received or placed in a class by the new one; no access at all to the school account (parent platform, Google, Microsoft 365) until then.";
    /// In the gap of a move to the next school level: no access until received with a class.
    AccountLevelChange = "account.level_change", Warning,
        "跨教育階段升學空窗期：原學校已異動、新學校尚未接收或未完成編班，完全無法存取校務帳號（含親師生平台、Google、Microsoft 365）；接收並編班後恢復。",
        "Moving to the next school level: sent out, not yet received or placed in a class; no access at all to the school account (parent platform, Google, Microsoft 365) until then.";
    /// Left New Taipei's schools: access has ended.
    AccountLeftCity = "account.left_city", Warning,
        "未在本市就學或升學，學校異動後即無校務帳號存取權；相關資料須於轉學前或畢業前自行備份。",
        "Not continuing in a New Taipei school: access ended when the school recorded the move. Data must be backed up before the transfer or graduation.";
    /// Graduated with no next level in New Taipei: access has ended.
    AccountGraduated = "account.graduated", Warning,
        "已畢業且未在本市升學，即無校務帳號存取權；相關資料須於畢業前自行備份。",
        "Graduated with no next school in New Taipei: no more access. Data must be backed up before graduation.";
    /// Staff retired or departed: access has ended.
    AccountStaffLeft = "account.staff_left", Warning,
        "已{status_zh}、未在本市服務，即無校務帳號存取權；相關資料須於離校前自行備份。",
        "No longer serving in New Taipei ({status}): no more access to the school account. Data must be backed up before leaving school.";
    /// A leaving or gap status takes effect on a later day: back up before it.
    AccountLeavingScheduled = "account.leaving_scheduled", Warning,
        "目前仍可使用；{event_zh}（{date_zh}）起即無法存取校務帳號，請於 {date_zh} 前自行備份相關資料。",
        "Access continues for now and ends ({event}) on {date}. Back up your data before {date}.";

    // ---- parent (RULES §5; seed 000 PART FIVE 家長資料) ----
    /// A father, mother or guardian slot left blank: that person is not listed.
    ParentNotListed = "parent.not_listed", Info,
        "{who_zh}未填資料（姓名與行動電話皆空白），無法註冊家長 APP。",
        "No {who} is listed (name and mobile number both blank): nobody registers through this field.";
    /// A listed person without a name.
    ParentMissingName = "parent.missing_name", Violation,
        "{who_zh}未填姓名；姓名與行動電話缺一不可，無法註冊家長 APP。",
        "The {who} has no name: the name and the mobile number are both required to register in the parent app.";
    /// A listed person without a mobile number.
    ParentMissingMobile = "parent.missing_mobile", Violation,
        "{who_zh}未填行動電話；姓名與行動電話缺一不可，無法註冊家長 APP。",
        "The {who} has no mobile number: the name and the mobile number are both required to register in the parent app.";
    /// A landline where the mobile number belongs.
    ParentLandline = "parent.landline", Violation,
        "{who_zh}的行動電話欄填的是市話「{input}」；家長 APP 須以手機號碼（09 開頭共 10 碼）註冊。",
        "The {who}'s mobile number field holds a landline (\"{input}\"); the parent app registers with a mobile number (10 digits starting with 09).";
    /// A mobile number that cannot be read as a Taiwan mobile number.
    ParentInvalidMobile = "parent.invalid_mobile", Violation,
        "{who_zh}的行動電話「{input}」格式不正確（{problem_zh}）；應為 09 開頭共 10 碼，例如 0912-345-678。",
        "The {who}'s mobile number \"{input}\" is malformed ({problem}); it must be 10 digits starting with 09, e.g. 0912-345-678.";
    /// Nobody in the record can register.
    ParentNobodyCanRegister = "parent.nobody_can_register", Violation,
        "沒有任何家長或連絡人同時填妥姓名與行動電話，家長無法註冊新北校園通 APP。",
        "Nobody in the family record has both a name and a mobile number: no parent can register in the app.";

    // ---- permission (RULES §6; seed 000 PART FIVE APP與WEB對應、權限設定, 001 案由二) ----
    /// Allowed: a role of the person holds the right in the default table.
    PermissionGrantedDefault = "permission.granted_default", Info,
        "「{role}」依預設權限建議持有「{app}／{module}」的{granted_zh}，可行使{right_zh}。",
        "\"{role}\" holds the {granted} right of {app} / {module} by default, so the {right} right is allowed.";
    /// Allowed: the school's override added a role of the person.
    PermissionGrantedOverride = "permission.granted_override", Info,
        "學校已於 ROOT 模組將「{role}」加入「{app}／{module}」的{granted_zh}，可行使{right_zh}。",
        "The school's ROOT module gave \"{role}\" the {granted} right of {app} / {module}, so the {right} right is allowed.";
    /// Denied: the school's override removed the person's default right.
    PermissionRemovedOverride = "permission.removed_override", Info,
        "學校已於 ROOT 模組移除「{role}」在「{app}／{module}」的{removed_zh}（預設原有），不可行使{right_zh}。",
        "The school's ROOT module removed the default {removed} right of \"{role}\" on {app} / {module}: the {right} right is not allowed.";
    /// Denied: no role or title of the person holds the right.
    PermissionNotHolder = "permission.not_holder", Info,
        "職稱與角色（{names}）都不是「{app}／{module}」{right_zh}的持有者。",
        "No title or role of the person ({names}) holds the {right} right of {app} / {module}.";
    /// Contact book: the job title gives the right.
    PermissionTitleGranted = "permission.title_granted", Info,
        "「{app}」權限依職稱而定：職稱「{title}」含「{keyword}」，具{granted_zh}，可行使{right_zh}（{module}）。",
        "{app} rights follow the job title: \"{title}\" contains \"{keyword}\", which gives the {granted} right, so the {right} right is allowed ({module}).";
    /// Contact book: the job title gives no such right.
    PermissionTitleNoMatch = "permission.title_no_match", Info,
        "「{app}」權限依職稱而定：職稱「{title}」不含「{keywords}」任一詞，不可行使{right_zh}（{module}）。",
        "{app} rights follow the job title: \"{title}\" contains none of \"{keywords}\", so the {right} right is not allowed ({module}).";
    /// Attendance: only per-class daily counts, no per-student view.
    PermissionAttendanceCountsOnly = "permission.attendance_counts_only", Info,
        "依個資保護，非出缺席模組權限持有者不開放學生個別請假資料，僅提供各班每日請假人數統計（不含姓名）。",
        "To protect students' personal data, people without a right on the attendance module get no per-student view: only each class's daily number of absent students, with no names.";

    // ---- errors: permission (RULES §6) ----
    /// An app or web module name not in the table.
    PermissionUnknownModule = "permission.unknown_module", Error,
        "權限對應表中沒有 APP 或模組「{name}」。",
        "No app or web module \"{name}\" in the permission table.";
    /// More role changes in the overrides than `policy.limits.permission_max_overrides`
    /// (issue 14 §4: the cost of `who_can` / `can` is bounded).
    PermissionTooManyOverrides = "permission.too_many_overrides", Error,
        "權限調整共 {actual} 項角色異動，超過 {limit} 項的上限。",
        "The overrides change {actual} roles, over the limit of {limit}.";

    // ---- incident (RULES §7; seed 000 PART FOUR; 資通安全事件通報及應變辦法) ----
    /// No awareness time: the clocks run from the occurrence time.
    IncidentBasisOccurred = "incident.basis_occurred", Info,
        "未填知悉時間，通報與復原期限以發生時間 {occurred_at} 起算。",
        "No awareness time given: the notification and recovery deadlines run from the occurrence time {occurred_at}.";
    /// The file has no awareness-time column: every clock runs from occurrence.
    IncidentNoAwarenessColumn = "incident.no_awareness_column", Info,
        "檔案沒有知悉時間欄：各事件的通報與復原期限以發生時間起算。",
        "The file has no awareness-time column: every incident's notification and recovery deadlines run from its occurrence time.";
    /// The file lacks columns some duties are judged by: those stay `unknown`.
    IncidentColumnsAbsent = "incident.columns_absent", Info,
        "檔案沒有{columns_zh}欄：{duties_zh}無法判斷是否如期，狀態列為「未知」，不算逾期。",
        "The file has no column for the {columns}: {duties} cannot be judged and are `unknown`, not overdue.";
    /// Level 0: an unconfirmed ticket of the education system.
    IncidentUnconfirmed = "incident.unconfirmed", Info,
        "0 級為未確認的事件單：只計通報與審核期限，確認等級後才計復原與調查報告期限。",
        "Level 0 is an unconfirmed ticket: only the notification and review deadlines apply until a level is confirmed.";
    /// The incident predates every regulation edition of the policy.
    IncidentEarliestRegulation = "incident.earliest_regulation", Info,
        "事件日期 {date} 早於收錄的最早辦法版本（{regulation}），以該版本的期限計算。",
        "The incident date {date} is before the earliest regulation edition on file ({regulation}); its deadlines are used.";
    /// The review changed the level reported in the notice.
    IncidentLevelChanged = "incident.level_changed", Info,
        "等級由通報的 {reported_level} 級審核為 {level} 級：審核期限依通報等級，復原期限依審核後等級。",
        "The review changed the level from {reported_level} to {level}: the review deadline follows the reported level, the recovery deadline the reviewed one.";
    /// One time of the record is before the step it follows.
    IncidentTimeOrder = "incident.time_order", Warning,
        "{later_zh}（{later_at}）早於{earlier_zh}（{earlier_at}），請確認時間是否正確。",
        "The {later} ({later_at}) is before the {earlier} ({earlier_at}); check the times.";
    /// An obligation was done after its deadline.
    IncidentLate = "incident.late", Violation,
        "{obligation_zh}逾時 {delay_zh}：期限 {deadline}，完成於 {done_at}。",
        "{obligation} was {delay} late: due {deadline}, done {done_at}.";
    /// An obligation is not done and its deadline has passed.
    IncidentOverdue = "incident.overdue", Violation,
        "{obligation_zh}已逾期未完成：期限 {deadline}，至 {now} 已逾時 {delay_zh}。",
        "{obligation} is overdue: due {deadline}, {delay} past it at {now}.";
    /// An obligation is not done and its deadline is still ahead.
    IncidentOpen = "incident.open", Info,
        "{obligation_zh}尚未完成：期限 {deadline}（尚餘 {margin_zh}）。",
        "{obligation} is not done yet: due {deadline} ({margin} left).";
    /// A deadline cannot be computed because its starting time is missing.
    IncidentDeadlineUnknown = "incident.deadline_unknown", Info,
        "{obligation_zh}的期限無法計算：缺少{missing_zh}。",
        "{obligation}: the deadline cannot be computed, the {missing} is missing.";

    // ---- drill (RULES §7; seed 000 PART FOUR (一)1, (二)2) ----
    /// The drill was reported after the limit.
    DrillLate = "drill.late", Violation,
        "演練通報逾時 {overtime_zh}：期限 {deadline}（通知後 {limit_hours} 小時內），通報於 {reported_at}。",
        "The drill was reported {overtime} late: due {deadline} ({limit_hours} h after the notice), reported {reported_at}.";
    /// The drill is not reported and the limit has passed.
    DrillOverdue = "drill.overdue", Violation,
        "演練尚未通報，已逾時 {overtime_zh}（期限 {deadline}，計至 {now}）。",
        "The drill is not reported: {overtime} past the deadline {deadline} at {now}.";
    /// The report time is before the notice time.
    DrillTimeOrder = "drill.time_order", Warning,
        "通報時間（{reported_at}）早於演練通知時間（{notified_at}），請確認時間是否正確。",
        "The report time ({reported_at}) is before the drill notice ({notified_at}); check the times.";
    /// The drill is not reported and the limit is still ahead.
    DrillOpen = "drill.open", Info,
        "演練尚未通報：期限 {deadline}（尚餘 {margin_zh}）。",
        "The drill is not reported yet: due {deadline} ({margin} left).";
    /// The deadline falls after 9999-12-31, the end of the supported calendar:
    /// the drill cannot be judged, and it does not pass (issue 14 §2).
    DrillBeyondCalendar = "drill.beyond_calendar", Violation,
        "演練通報期限（{notified_at} 起 {limit_hours} 小時）晚於 9999-12-31，超出可處理的日期範圍，無法判定。",
        "The drill's deadline ({limit_hours} h from {notified_at}) is after 9999-12-31, beyond the supported calendar; it cannot be judged.";

    // ---- audit (RULES §8; seed 000 PART FOUR (三)) ----
    /// Criterion 1: among the top drill overtimes.
    AuditDrillOvertime = "audit.drill_overtime", Warning,
        "通報演練逾時 {overtime_zh}，逾時排名第 {rank} 名（前 {top_n} 名列入）。",
        "Drill report overtime {overtime}, rank {rank} (the top {top_n} are picked).";
    /// Criterion 2: among the top incident counts of the previous year.
    AuditIncidentCount = "audit.incident_count", Warning,
        "前年度教育部資安通報 {count} 件，排名第 {rank} 名（前 {top_n} 名列入）。",
        "{count} Ministry of Education incident reports the previous year, rank {rank} (the top {top_n} are picked).";
    /// Criterion 3: self-report audit gaps not fixed after notice.
    AuditSelfReportGaps = "audit.self_report_gaps", Warning,
        "資安填報稽核有 {count} 項缺漏，經通知修正仍未完成。",
        "{count} gaps of the security self-report audit are still not fixed after notice.";
    /// Criterion 4: a citizen complaint about the school's security.
    AuditCitizenComplaint = "audit.citizen_complaint", Warning,
        "發生 {count} 件學校資安人民陳情案件。",
        "{count} citizen complaints about the school's security.";
    /// Criterion 5: the school's security grade.
    AuditSecurityGrade = "audit.security_grade", Warning,
        "被列為資安等級 {grade} 級之學校。",
        "The school is rated security grade {grade}.";
    /// Criterion 6: the re-scan still has high or critical findings.
    AuditRescanHigh = "audit.rescan_high", Violation,
        "網站弱點複掃仍有 {count} 項 CVSS {min_cvss} 以上的高風險弱點（最高 {max_cvss}），須修補並回報。",
        "The website re-scan still has {count} findings of CVSS {min_cvss} or above (highest {max_cvss}); fix them and report back.";

    // ---- errors: import (CSV/TSV files of every importer) ----
    /// A file with no header line.
    ImportEmptyFile = "import.empty_file", Error,
        "檔案是空的：找不到標題列。",
        "The file is empty: there is no header line.";
    /// Bytes that no supported encoding reads.
    ImportBadEncoding = "import.bad_encoding", Error,
        "第 {line} 行無法解碼：檔案既不是有效的 UTF-8，也不是 Big5（CP950）或 UTF-16。",
        "Line {line} cannot be decoded: the file is not valid UTF-8, Big5 (CP950) or UTF-16.";
    /// Required columns are not in the header line.
    ImportMissingColumn = "import.missing_column", Error,
        "{record_zh}缺少必要欄位：{columns}（第 {line} 行被當作標題列：{header}）。",
        "Required columns missing for {record}: {columns} (line {line} was read as the header: {header}).";
    /// Two header cells name the same field.
    ImportDuplicateColumn = "import.duplicate_column", Error,
        "第 {column} 欄「{header}」與第 {first_column} 欄重複，都對應到 {field}。",
        "Column {column} \"{header}\" repeats column {first_column}: both are {field}.";
    /// Columns of a file that no field reads (a typo of an optional header shows here).
    ImportIgnoredColumns = "import.ignored_columns", Info,
        "檔案中有 {count} 個欄位未被讀取：{columns}。",
        "{count} columns of the file are not read: {columns}.";
    /// A group's closing count (`筆數: N`) differs from the rows read in it.
    ImportGroupCount = "import.group_count", Warning,
        "「{group_zh}」的筆數小計為 {stated}，但讀到 {counted} 列（第 {line} 行）。",
        "The subtotal of {group} says {stated} rows, but {counted} were read (line {line}).";
    /// A row repeating the value of a field that names the record (an incident's 編號).
    ImportDuplicateKey = "import.duplicate_key", Error,
        "「{field}」的值「{value}」與第 {first_line} 行重複，此列未讀入。",
        "\"{field}\" value \"{value}\" repeats line {first_line}; this row is not read.";
    /// A row with a different number of cells than the header line.
    ImportColumnCount = "import.column_count", Error,
        "欄位數不符：標題列有 {expected} 欄，此列有 {actual} 欄。",
        "Wrong number of cells: the header line has {expected}, this row has {actual}.";
    /// A cell over the length limit.
    ImportFieldTooLong = "import.field_too_long", Error,
        "欄位內容過長：最多 {limit} 個字元，此格有 {actual} 個。",
        "Cell too long: at most {limit} characters, this one has {actual}.";
    /// A header line with more columns than `policy.limits.import_max_columns`
    /// (issue 14 §4: a very wide header must not cost minutes).
    ImportTooManyColumns = "import.too_many_columns", Error,
        "標題列有 {actual} 欄，超過 {limit} 欄的上限，檔案未讀取。",
        "The header line has {actual} columns, over the limit of {limit}: the file was not read.";
    /// A quote that does not close where a cell can end (a stray `"`): only the
    /// row it opens on is lost, reading goes on at the next line (issue 14 §2).
    ImportBrokenQuote = "import.broken_quote", Error,
        "第 {line} 行的引號（\"）沒有在儲存格結尾處結束：此列未讀取，自下一行起繼續讀取。",
        "The quote (\") opened on line {line} does not close where a cell ends: this row is not read; reading goes on at the next line.";
    /// Rows past the row limit were not read.
    ImportTooManyRows = "import.too_many_rows", Error,
        "資料超過 {limit} 列的上限，自此列起未讀取。",
        "More than {limit} data rows: this row and the rest were not read.";
    /// A required cell is blank.
    ImportMissingValue = "import.missing_value", Error,
        "必填欄位「{field}」空白。",
        "The required cell \"{field}\" is blank.";
    /// A cell whose value cannot be used.
    ImportInvalidValue = "import.invalid_value", Error,
        "欄位「{field}」的值「{value}」不正確：{reason_zh}。",
        "Invalid value \"{value}\" in \"{field}\": {reason}.";

    // ---- errors: workbooks, archives and documents (issue 21; docs/workbooks.md) ----
    /// `--sheet NAME` names no sheet of the workbook.
    WorkbookSheetNotFound = "workbook.sheet_not_found", Error,
        "活頁簿中沒有名為「{sheet}」的工作表；現有工作表：{sheets}。",
        "The workbook has no sheet named \"{sheet}\"; its sheets are: {sheets}.";
    /// An encrypted (password-protected) workbook or document: its cells cannot be read.
    WorkbookPasswordProtected = "workbook.password_protected", Error,
        "{format} 檔案設有開啟密碼（已加密），無法讀取；請移除密碼另存後再匯入。",
        "The {format} file is password-protected (encrypted) and cannot be read; remove the password, save it again and import that copy.";
    /// A workbook whose structure cannot be parsed (damaged, truncated, not what its header says).
    WorkbookUnreadable = "workbook.unreadable", Error,
        "{format} 檔案無法讀取（損毀、不完整或格式不符）：{reason_zh}。",
        "The {format} file cannot be read (damaged, truncated or not what it claims to be): {reason}.";
    /// A zip or OLE2 file that is a document, not a workbook (a .docx given to an importer).
    WorkbookNotAWorkbook = "workbook.not_a_workbook", Error,
        "此檔案是 {format}，不是活頁簿（XLSX、XLS、ODS）或 CSV 文字檔。",
        "This file is {format}, not a workbook (xlsx, xls, ods) or CSV text.";
    /// A zip archive that unpacks past `policy.limits.archive_max_uncompressed_bytes` (a zip bomb).
    ArchiveTooLarge = "archive.too_large", Error,
        "壓縮內容解開後超過 {limit} 位元組的上限（已讀到 {actual} 位元組），疑似壓縮炸彈，未讀取。",
        "The archive unpacks to more than the limit of {limit} bytes ({actual} read so far): possibly a zip bomb; not read.";
    /// A zip archive with more entries than `policy.limits.archive_max_entries`.
    ArchiveTooManyEntries = "archive.too_many_entries", Error,
        "壓縮檔有 {actual} 個項目，超過 {limit} 個的上限，未讀取。",
        "The archive has {actual} entries, over the limit of {limit}: not read.";
    /// A zip archive whose directory or data is damaged or truncated.
    ArchiveMalformed = "archive.malformed", Error,
        "壓縮檔損毀或不完整，無法讀取：{reason_zh}。",
        "The zip archive is damaged or truncated: {reason}.";
    /// An XML part that declares a DTD or entities: refused, so that no entity
    /// expansion ("billion laughs") or external entity is ever processed.
    DocumentXmlDtd = "document.xml_dtd", Error,
        "文件內的 XML（{part}）含有 DTD 或實體宣告；為防範實體展開與外部實體攻擊，拒絕讀取。",
        "An XML part of the document ({part}) declares a DTD or entities; refused to guard against entity expansion and external entities.";
    /// A document whose structure cannot be parsed (damaged, truncated, not what it claims to be).
    DocumentUnreadable = "document.unreadable", Error,
        "{format} 文件無法讀取（損毀、不完整或格式不符）：{reason_zh}。",
        "The {format} document cannot be read (damaged, truncated or not what it claims to be): {reason}.";
    /// An encrypted document: its text cannot be read, so it is not reported clean.
    DocumentPasswordProtected = "document.password_protected", Error,
        "{format} 文件設有密碼（已加密），無法讀取其文字，不能視為未含身分證字號。",
        "The {format} document is password-protected (encrypted): its text cannot be read, so it cannot be reported clean.";
    /// A PDF whose pages carry no text (a scanned image): not readable, never clean.
    DocumentNoText = "document.no_text", Error,
        "PDF 的 {pages} 頁都沒有文字層（可能是掃描影像），無法檢查，不能視為未含身分證字號。",
        "None of the PDF's {pages} pages has a text layer (likely a scanned image): it cannot be checked, so it cannot be reported clean.";
    /// A PDF nesting arrays or dictionaries deeper than the reader's limit.
    DocumentTooDeep = "document.too_deep", Error,
        "PDF 的巢狀結構深達 {actual} 層，超過 {limit} 層的上限，未讀取。",
        "The PDF nests {actual} levels deep, over the limit of {limit}: not read.";
    /// A document type the scanner does not read.
    DocumentUnsupported = "document.unsupported", Error,
        "不支援的文件類型「{kind}」；可掃描：TXT、CSV、HTML、XLSX、XLS、ODS、DOCX、ODT、PDF。",
        "Unsupported document type \"{kind}\"; scannable: text, csv, html, xlsx, xls, ods, docx, odt, pdf.";

    // ---- calendar (RULES §3, §7; 行政程序法 §48) ----
    /// A period's last day is not an office day: it ends later (行政程序法 §48 ③④).
    CalendarPeriodShifted = "calendar.period_shifted", Info,
        "期間末日 {counted_last_day} 為{rest_zh}，依行政程序法第 48 條，期間至 {end} 終止。",
        "The period's last day, {counted_last_day}, is {rest}; under Administrative Procedure Act art. 48 it ends at {end}.";
    /// The office calendar has no data for a year a period needed.
    CalendarNotCovered = "calendar.not_covered", Warning,
        "辦公日曆表未收錄 {years} 年：期間末日 {counted_last_day} 前後的放假與補行上班無法確認，僅以星期六、日為休息日計算。",
        "The office calendar does not cover {years}: days off and make-up workdays around the last day {counted_last_day} are unknown, so only Saturdays and Sundays were taken as rest days.";

    // ---- errors: calendar (RULES §3) ----
    /// A date that does not exist (110/02/30, 110/02/29).
    CalendarInvalidDate = "calendar.invalid_date", Error,
        "日期不存在：「{input}」（{reason_zh}）。",
        "No such date: \"{input}\" ({reason}).";
    /// A weekday written beside a date that falls on another weekday.
    CalendarWeekdayMismatch = "calendar.weekday_mismatch", Error,
        "日期與星期不符：「{input}」的 {date} 是星期{actual_zh}，不是星期{written_zh}。",
        "Weekday does not match the date: in \"{input}\", {date} is a {actual}, not a {written}.";
    /// Text that is not in any known date style.
    CalendarUnrecognized = "calendar.unrecognized_format", Error,
        "無法辨識的日期格式：「{input}」。",
        "Unrecognised date format: \"{input}\".";
    /// A date outside the supported range (before ROC year 1, after 9999).
    CalendarOutOfRange = "calendar.out_of_range", Error,
        "日期超出可處理的範圍：「{input}」（{reason_zh}）。",
        "Date out of the supported range: \"{input}\" ({reason}).";
    /// A format style name that does not exist.
    CalendarUnknownStyle = "calendar.unknown_style", Error,
        "未知的日期格式名稱：「{style}」。",
        "Unknown date style: \"{style}\".";

    // ---- errors: input and policy ----
    /// An argument of the wrong shape or value.
    InputInvalidArgument = "input.invalid_argument", Error,
        "參數 {field} 不正確：{reason_zh}。",
        "Invalid argument {field}: {reason}.";
    /// Input that is not text: bytes no decoder reads (UTF-8, UTF-16, Big5) or
    /// a lone surrogate. The value is never shown (it may be a password); the
    /// record that carries this error names its line.
    InputInvalidText = "input.invalid_text", Error,
        "不是有效的文字（UTF-8、Big5 或 UTF-16），內容不予顯示。",
        "Not valid text (UTF-8, Big5 or UTF-16); the value is not shown.";
    /// An input over a documented size limit.
    InputTooLarge = "input.too_large", Error,
        "{field} 超過上限 {limit}（實際 {actual}）。",
        "{field} is over the limit of {limit} (got {actual}).";
    /// A file named as input (or output) that does not exist, or whose folder
    /// does not. The programs that read files (the command line) report it
    /// instead of the operating system's own text (issue 17 §2).
    InputFileNotFound = "input.file_not_found", Error,
        "{field}：找不到檔案「{path}」（檔案或其所在的資料夾不存在）。",
        "{field}: file not found: \"{path}\" (the file or its folder does not exist).";
    /// A folder named where a file is expected.
    InputIsDirectory = "input.is_directory", Error,
        "{field}：「{path}」是資料夾，不是檔案。",
        "{field}: \"{path}\" is a folder, not a file.";
    /// A path that is not a file one can read to its end: a socket, or a named
    /// pipe (FIFO) nothing writes to (read without waiting, so it never hangs).
    InputNotAFile = "input.not_a_file", Error,
        "{field}：「{path}」不是可讀取的檔案（{kind_zh}）。",
        "{field}: \"{path}\" is not a file that can be read ({kind}).";
    /// A file that exists but cannot be read or written (permissions, …).
    InputUnreadable = "input.unreadable", Error,
        "{field}：無法讀寫「{path}」（{reason_zh}）。",
        "{field}: \"{path}\" cannot be read or written ({reason}).";
    /// A value that is also the path of an existing file: it is checked as the
    /// value it is (never a silent guess); to check the file, name it with `-f`.
    InputValueIsPath = "input.value_is_path", Warning,
        "「{value}」是現有檔案的路徑，但已當作一個值檢查；要檢查檔案內容請用 -f {value}。",
        "\"{value}\" is the path of an existing file but was checked as a value; to check the file's contents use -f {value}.";
    /// A policy file that cannot be read.
    PolicyInvalidFile = "policy.invalid_file", Error,
        "政策設定檔有誤：{reason_zh}。",
        "Invalid policy file: {reason}.";
    /// A policy edition name that does not exist.
    PolicyUnknownEdition = "policy.unknown_edition", Error,
        "未知的政策版本：「{name}」（可用：{known}）。",
        "Unknown policy edition \"{name}\" (known: {known}).";
    /// A bug: an internal invariant failed (a caught panic).
    Internal = "internal", Error,
        "內部錯誤：{reason}。",
        "Internal error: {reason}.";
}
