"""The Python vector runner's dispatch table: vector ``call`` → the public API.

Each entry takes the vector's ``args`` and returns a JSON-shaped value (a
result's ``to_dict()``, or a small dict around a plain return value, the same
wrapping the Rust runner uses). A call missing here is a failure, never a skip.
"""

from __future__ import annotations

import json
from typing import Any, Callable

import ntpc_policy as np


def _policy(a: dict[str, Any]) -> np.Policy:
    given = a.get("policy")
    return np.Policy() if given is None else np.Policy.from_json(json.dumps(given))


def _data(a: dict[str, Any]) -> bytes:
    """File bytes: `data` (text, UTF-8) or `data_hex` (any bytes)."""
    if "data_hex" in a:
        return bytes.fromhex("".join(a["data_hex"].split()))
    return str(a["data"]).encode("utf-8")


def _password_check(a: dict[str, Any]) -> Any:
    return np.check_password(
        a["password"],
        account=a.get("account"),
        display_name=a.get("display_name"),
        profile=a.get("profile"),
        policy=_policy(a),
    ).to_dict()


def _password_expiry(a: dict[str, Any]) -> Any:
    return np.password_expiry(
        a["last_changed"],
        a["now"],
        reset=a.get("reset", False),
        alerts=a.get("alerts") or [],
        policy=_policy(a),
    ).to_dict()


CALLS: dict[str, Callable[[dict[str, Any]], Any]] = {
    "policy.load": lambda a: np.Policy.from_json(a["json"]).to_dict(),
    "policy.edition": lambda a: np.Policy.edition(a["name"]).to_dict(),
    # calendar
    "calendar.parse": lambda a: np.parse_date(a["text"]).to_dict(),
    "calendar.parse_datetime": lambda a: {"datetime": np.parse_datetime(a["text"]).isoformat()},
    "calendar.format": lambda a: {"text": np.format_date(a["date"], a["style"])},
    "calendar.format_datetime": lambda a: {"text": np.format_datetime(a["datetime"], a["style"])},
    "calendar.to_roc": lambda a: np.to_roc(a["date"]).to_dict(),
    "calendar.from_roc": lambda a: {
        "date": np.from_roc(a["year"], a["month"], a["day"]).isoformat()
    },
    "calendar.school_term": lambda a: np.school_term(a["date"], _policy(a)).to_dict(),
    "calendar.fiscal_year": lambda a: {"roc_year": np.fiscal_year(a["date"])},
    # identity
    "identity.classify": lambda a: np.classify_id(a["value"]).to_dict(),
    "identity.classify_packed": lambda a: {"codes": list(np.classify_ids_packed(a["values"]))},
    "identity.normalize": lambda a: {"value": np.normalize_id(a["value"])},
    "identity.mask": lambda a: {"masked": np.mask_id(a["value"], _policy(a))},
    "identity.check_account": lambda a: np.check_account(a["name"], _policy(a)).to_dict(),
    "identity.scan": lambda a: {
        "matches": [m.to_dict() for m in np.scan_ids(a["text"], _policy(a))]
    },
    "identity.redact": lambda a: {"text": np.redact_ids(a["text"], _policy(a))},
    "identity.check_ubn": lambda a: np.check_ubn(a["value"]).to_dict(),
    # network
    "network.ems_allocation": lambda a: np.ems_allocation(a["school_no"], _policy(a)).to_dict(),
    "network.check_ems_address": lambda a: np.check_ems_address(
        a["address"], a["school_no"], _policy(a)
    ).to_dict(),
    # training
    "training.security_training": lambda a: np.security_training(a["hours"], _policy(a)).to_dict(),
    "training.smart_learning_progress": lambda a: np.smart_learning_progress(
        a["teacher_quota"], a["certified"], _policy(a)
    ).to_dict(),
    # password
    "password.check": _password_check,
    "password.check_many": lambda a: [
        r.to_dict()
        for r in np.check_passwords(
            a["passwords"],
            account=a.get("account"),
            display_name=a.get("display_name"),
            profile=a.get("profile"),
            policy=_policy(a),
        )
    ],
    "password.is_common": lambda a: {"common": np.is_common_password(a["password"])},
    "password.expiry": _password_expiry,
    # mailbox
    "mailbox.status": lambda a: np.mailbox_status(a["mailbox"], a["today"], _policy(a)),
    "mailbox.sweep": lambda a: np.sweep_mailboxes(a["mailboxes"], a["today"], _policy(a)),
    "mailbox.import": lambda a: np.import_mailboxes(_data(a), a.get("options"), _policy(a)),
    "mailbox.quota": lambda a: np.mailbox_quota(a["used_bytes"], _policy(a)),
    "mailbox.message_size": lambda a: np.check_message_size(a["bytes"], _policy(a)),
    # account
    "account.check": lambda a: np.account_access(a["record"], a["today"], _policy(a)),
    "account.import": lambda a: np.import_accounts(_data(a), a.get("options"), _policy(a)),
    "account.check_many": lambda a: np.account_access_many(a["records"], a["today"], _policy(a)),
    # parent
    "parent.check": lambda a: np.check_family(a["family"]),
    "parent.check_many": lambda a: np.check_families(a["families"]),
    "parent.normalize_mobile": lambda a: np.normalize_mobile(a["text"]),
    # permission
    "permission.table": lambda a: {"rows": np.permission_table()},
    "permission.lookup": lambda a: np.permission_lookup(a["name"]),
    "permission.who_can": lambda a: np.who_can(a["module"], a["right"], a.get("overrides")),
    "permission.can": lambda a: np.can(
        a["person"], a["app_or_module"], a["right"], a.get("overrides")
    ),
    "permission.contact_book_right": lambda a: np.contact_book_right(a["title"]),
    "permission.attendance_view": lambda a: np.attendance_view(a["person"], a.get("overrides")),
    "permission.absent_counts": lambda a: np.absent_counts(a["records"]),
    # import
    "import.decode": lambda a: np.decode_text(_data(a)),
    "import.csv_escape_cell": lambda a: {"cell": np.csv_escape_cell(a["value"])},
    "import.parse_count": lambda a: {"count": np.parse_count(a["text"])},
    # incident
    "incident.evaluate": lambda a: np.evaluate_incident(a["incident"], a["now"], _policy(a)),
    "incident.stats": lambda a: np.incident_stats(a["incidents"], a["now"], _policy(a)),
    "incident.import": lambda a: np.import_incidents(_data(a), a.get("options"), _policy(a)),
    "incident.parse_ip": lambda a: np.parse_incident_ip(a["raw"]),
    "incident.parse_level": lambda a: {"level": np.parse_incident_level(a["text"])},
    # drill
    "drill.evaluate": lambda a: np.evaluate_drill(a["report"], a["now"], _policy(a)),
    "drill.rank": lambda a: np.rank_drills(a["reports"], a["now"], _policy(a)),
    "drill.import": lambda a: np.import_drills(_data(a), a.get("options"), _policy(a)),
    # audit
    "audit.pick": lambda a: np.pick_audit_schools(
        a["schools"], a.get("scans"), a.get("capacity"), _policy(a)
    ),
    "audit.cvss_band": lambda a: {"band": np.cvss_band(a["score"], a.get("version"))},
    "audit.parse_cvss_version": lambda a: {"version": np.parse_cvss_version(a["text"])},
    "audit.parse_scan_round": lambda a: {"scan": np.parse_scan_round(a["text"])},
    "audit.import_schools": lambda a: np.import_audit_schools(
        _data(a), a.get("options"), _policy(a)
    ),
    "audit.import_scans": lambda a: np.import_audit_scans(_data(a), a.get("options"), _policy(a)),
}
