//! Checking a policy's numbers on load (issue 14 §5): every value in a range
//! the rules can work with.

use super::*;

impl Policy {
    /// Checks that every number is in a range the rules can work with, so a
    /// hand-edited policy file fails on load (`policy.invalid_file` naming the
    /// key and the range) instead of giving odd answers later: a month 13, a
    /// minimum above the maximum, a zero divisor, a limit of 0.
    pub fn validate(&self) -> Result<()> {
        fn check(ok: bool, key: &str, range: &str, value: impl std::fmt::Display) -> Result<()> {
            if ok {
                Ok(())
            } else {
                Err(PolicyError::policy_file(
                    format!("{key} = {value} is out of range ({range})"),
                    format!("{key} = {value} 超出範圍（{}）", range_zh(range)),
                ))
            }
        }
        /// The ranges below, in Chinese (field names stay as they are).
        fn range_zh(en: &str) -> String {
            match en {
                "1 or more" => "1 以上".into(),
                "at least one" => "至少一個".into(),
                "0 to max_level (at most 9)" => "0 至 max_level，最多 9".into(),
                "0 to the denominator, which is 1 or more" => "0 至分母，分母須 1 以上".into(),
                "1 to ems_last_host, at most 254" => "1 至 ems_last_host，最多 254".into(),
                "ROC school years such as \"110\"" => "民國學年度，例如 \"110\"".into(),
                "on or before end" => "不晚於 end".into(),
                "at most school_no_max" => "不超過 school_no_max".into(),
                "a visible character: a letter, digit, punctuation mark or symbol" => {
                    "看得見的字元：文字、數字、標點或符號".into()
                }
                other => other.replace(" to ", " 至 ").replace('-', " 至 "),
            }
        }
        let pw = &self.password;
        check(
            pw.min_length >= 1,
            "password.min_length",
            "1 or more",
            pw.min_length,
        )?;
        check(
            pw.max_length >= pw.min_length && pw.max_length <= 4096,
            "password.max_length",
            "min_length to 4096",
            pw.max_length,
        )?;
        check(
            (1..=4).contains(&pw.min_classes),
            "password.min_classes",
            "1-4",
            pw.min_classes,
        )?;
        check(
            pw.rotation_days >= 1,
            "password.rotation_days",
            "1 or more",
            pw.rotation_days,
        )?;
        check(
            pw.expiring_soon_days <= pw.rotation_days,
            "password.expiring_soon_days",
            "0 to rotation_days",
            pw.expiring_soon_days,
        )?;
        check(
            (0.0..=30.0).contains(&pw.weak_guesses_log10),
            "password.weak_guesses_log10",
            "0-30",
            pw.weak_guesses_log10,
        )?;
        check(
            pw.org_words.len() <= 16 && pw.org_words.iter().all(|w| w.chars().count() <= 64),
            "password.org_words",
            "at most 16 words of at most 64 characters",
            pw.org_words.len(),
        )?;
        check(
            (1900..=2099).contains(&pw.context_years_from),
            "password.context_years_from",
            "1900-2099",
            pw.context_years_from,
        )?;
        check(
            pw.context_years_from <= pw.context_years_to && pw.context_years_to <= 2099,
            "password.context_years_to",
            "context_years_from to 2099",
            pw.context_years_to,
        )?;
        check(
            is_visible(self.identity.mask_char),
            "identity.mask_char",
            "a visible character: a letter, digit, punctuation mark or symbol",
            format!("\"U+{:04X}\"", u32::from(self.identity.mask_char)),
        )?;
        let cal = &self.calendar;
        for (key, m) in [
            (
                "calendar.school_year_start_month",
                cal.school_year_start_month,
            ),
            (
                "calendar.second_semester_start_month",
                cal.second_semester_start_month,
            ),
        ] {
            check((1..=12).contains(&m), key, "1-12", m)?;
        }
        check(
            (1..=24).contains(&cal.saturday_period_end_hour),
            "calendar.saturday_period_end_hour",
            "1-24",
            cal.saturday_period_end_hour,
        )?;
        cal.office_days.validate()?;
        let mb = &self.mailbox;
        check(
            mb.inactive_days >= 1,
            "mailbox.inactive_days",
            "1 or more",
            mb.inactive_days,
        )?;
        check(
            mb.notice_days <= mb.inactive_days,
            "mailbox.notice_days",
            "0 to inactive_days",
            mb.notice_days,
        )?;
        check(
            mb.quota_bytes >= 1,
            "mailbox.quota_bytes",
            "1 or more",
            mb.quota_bytes,
        )?;
        check(
            (1..=100).contains(&mb.near_full_percent),
            "mailbox.near_full_percent",
            "1-100",
            mb.near_full_percent,
        )?;
        check(
            !self.drill.editions.is_empty() || self.drill.report_limit_hours.is_some(),
            "drill.editions",
            "at least one",
            0,
        )?;
        let inc = &self.incident;
        check(
            inc.high_level_min <= inc.max_level && inc.max_level <= 9,
            "incident.high_level_min",
            "0 to max_level (at most 9)",
            inc.high_level_min,
        )?;
        check(
            !inc.regulations.is_empty(),
            "incident.regulations",
            "at least one",
            0,
        )?;
        check(
            self.audit.rescan_min_cvss.is_finite()
                && (0.0..=10.0).contains(&self.audit.rescan_min_cvss),
            "audit.rescan_min_cvss",
            "0.0-10.0",
            self.audit.rescan_min_cvss,
        )?;
        let tr = &self.training;
        check(
            tr.smart_learning_share_denominator >= 1
                && tr.smart_learning_share_numerator <= tr.smart_learning_share_denominator,
            "training.smart_learning_share_numerator",
            "0 to the denominator, which is 1 or more",
            format!(
                "{}/{}",
                tr.smart_learning_share_numerator, tr.smart_learning_share_denominator
            ),
        )?;
        for (year, items) in &self.schedule.years {
            check(
                year.parse::<i32>().is_ok(),
                "schedule.years",
                "ROC school years such as \"110\"",
                year,
            )?;
            for item in items {
                check(
                    item.start <= item.end,
                    "schedule.years[].start",
                    "on or before end",
                    &item.id,
                )?;
            }
        }
        let net = &self.network;
        check(
            net.ems_first_host >= 1
                && net.ems_first_host <= net.ems_last_host
                && net.ems_last_host <= 254,
            "network.ems_first_host",
            "1 to ems_last_host, at most 254",
            format!("{}-{}", net.ems_first_host, net.ems_last_host),
        )?;
        check(
            net.school_no_min <= net.school_no_max,
            "network.school_no_min",
            "at most school_no_max",
            net.school_no_min,
        )?;
        let lim = &self.limits;
        for (key, v) in [
            ("limits.scan_max_bytes", lim.scan_max_bytes),
            ("limits.import_max_bytes", lim.import_max_bytes),
            ("limits.import_max_rows", lim.import_max_rows),
            ("limits.import_max_field_chars", lim.import_max_field_chars),
            ("limits.import_max_columns", lim.import_max_columns),
            (
                "limits.archive_max_uncompressed_bytes",
                lim.archive_max_uncompressed_bytes,
            ),
            ("limits.archive_max_entries", lim.archive_max_entries),
            (
                "limits.permission_max_overrides",
                lim.permission_max_overrides,
            ),
        ] {
            check(v >= 1, key, "1 or more", v)?;
        }
        Ok(())
    }
}

/// Whether a character can be seen on its own, so a mask made of it shows where
/// the hidden characters are (issue 14 §5): a letter, number, punctuation mark
/// or symbol. Refused: controls, format characters (zero-width, bidi marks),
/// separators and whitespace, combining marks (they draw on the character
/// before), private-use, unassigned code points and noncharacters.
fn is_visible(c: char) -> bool {
    use unicode_properties::{GeneralCategoryGroup as G, UnicodeGeneralCategory};
    matches!(
        c.general_category_group(),
        G::Letter | G::Number | G::Punctuation | G::Symbol
    ) && !c.is_whitespace()
}
