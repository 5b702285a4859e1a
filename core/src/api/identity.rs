//! The ID-number functions (RULES §2).

use super::Bytes;
use super::api_table;
use crate::document::{DocumentKind, DocumentScan};
use crate::identity::{
    self, AccountNameCheck, IdInfo, IdMatch, RedactedText, ScanOptions, TextScan, UbnCheck,
};

api_table! { ALL, policy;
    /// What a value is as an ID number: kind, format and checksum validity,
    /// gender, area, category, and the masked number.
    "identity.classify" => fn classify_id(value: String) with [fast] -> IdInfo {
        Ok(identity::classify(&value))
    }

    /// `classify_id` over many values, in order.
    "identity.classify_many" => fn classify_ids(values: Vec<String>) with [fast] -> Vec<IdInfo> {
        Ok(values.iter().map(|v| identity::classify(v)).collect())
    }

    /// One byte per value (layout in the docs of `IdInfo::packed`: `b & 8` is
    /// "a valid ID number"), for sweeps over hundreds of thousands of names.
    "identity.classify_packed" => fn classify_ids_packed(values: Vec<String>) with [fast] -> Vec<u8> as "codes" {
        Ok(identity::classify_packed(values.iter().map(String::as_str)))
    }

    /// Whether a value is an ID number of any kind with a valid check digit: the
    /// boolean fast path of `classify_id(value).checksum_valid`.
    "identity.is_valid_id" => fn is_valid_id(value: String) with [fast] -> bool as "valid" {
        Ok(identity::checksum_valid(&value))
    }

    /// The value trimmed, folded to ASCII (full-width forms) and upper-cased.
    "identity.normalize" => fn normalize_id(value: String) -> String as "value" {
        Ok(identity::normalize(&value).into_owned())
    }

    /// The number with characters 4–7 hidden (`A12****789`); other values unchanged.
    "identity.mask" => fn mask_id(value: String) with [policy] -> String as "masked" {
        Ok(identity::mask(&value, &policy.identity))
    }

    /// The custom-account rule: an account name shaped like an ID number must be
    /// reset (the local part of an e-mail-style name is checked).
    "identity.check_account" => fn check_account(name: String) with [policy] -> AccountNameCheck {
        Ok(identity::check_account(&name, policy))
    }

    /// `check_account` over many names, in order.
    "identity.check_account_many" => fn check_accounts(names: Vec<String>) with [policy] -> Vec<AccountNameCheck> {
        Ok(names.iter().map(|n| identity::check_account(n, policy)).collect())
    }

    /// Every ID number in a text, with byte, character and UTF-16 offsets
    /// (masked): written with full-width, mathematical or circled characters,
    /// with invisible characters inside, glued to escapes; `options` adds the
    /// HTML-aware (`html`) and tolerant (`loose`, `A 123 456 789`) modes.
    "identity.scan" => fn scan_ids(text: String, options: Option<ScanOptions> = None) with [policy, fast] -> Vec<IdMatch> as "matches" {
        identity::scan_with(&text, &options.unwrap_or_default(), policy)
    }

    /// The text with every ID number in it masked (the whole span, invisible
    /// characters included; HTML tags stay standing).
    "identity.redact" => fn redact_ids(text: String, options: Option<ScanOptions> = None) with [policy, fast] -> String as "text" {
        identity::redact_with(&text, &options.unwrap_or_default(), policy)
    }

    /// Every ID number in a file's bytes: UTF-8, UTF-16 (with or without a BOM)
    /// or Big5; bytes that are no text are `import.bad_encoding`, never "clean".
    "identity.scan_bytes" => fn scan_id_bytes(data: Bytes, options: Option<ScanOptions> = None) with [policy] -> TextScan {
        identity::scan_bytes(&data.0, &options.unwrap_or_default(), policy)
    }

    /// A file's bytes with every ID number masked, in the file's own encoding,
    /// with its BOM and line ends kept.
    "identity.redact_bytes" => fn redact_id_bytes(data: Bytes, options: Option<ScanOptions> = None) with [policy] -> RedactedText {
        identity::redact_bytes(&data.0, &options.unwrap_or_default(), policy)
    }

    /// Every ID number in a document's bytes, given its type (`auto` tells it
    /// from the first bytes): xlsx/xls/ods cell by cell (`Sheet1!A1`),
    /// docx/odt paragraph by paragraph (table cells included), HTML text
    /// nodes (tags inside an ID looked through), PDF page by page (its text
    /// layer), text and CSV line by line. A document that cannot be read
    /// (encrypted, no text layer, damaged, over a limit) is `readable: false`
    /// with the code of why — never clean.
    "identity.scan_document" => fn scan_id_document(data: Bytes, kind: DocumentKind, options: Option<ScanOptions> = None) with [policy] -> DocumentScan {
        crate::document::scan_document(&data.0, kind, &options.unwrap_or_default(), policy)
    }

    /// The Unified Business Number (統一編號) check, 2023 rule.
    "identity.check_ubn" => fn check_ubn(value: String) -> UbnCheck {
        Ok(identity::check_ubn(&value))
    }
}
