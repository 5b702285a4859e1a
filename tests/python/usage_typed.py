"""A small usage file that `mypy --strict` checks against the installed stubs."""

from __future__ import annotations

import datetime as dt

import ntpc_policy as np
from ntpc_policy import shapes


def report(value: str) -> str:
    info: np.IdInfo = np.classify_id(value)
    masked: str | None = info.masked
    return f"{info.kind} {masked}"


def password_ok(pw: str, account: str | None = None) -> bool:
    res = np.check_password(pw, account=account, profile="ad")
    codes: list[str] = [f["code"] for f in res["findings"]]
    return res["verdict"] != "fail" and "password.too_short" not in codes


def due(last: dt.datetime, now: dt.datetime) -> dt.date:
    return dt.date.fromisoformat(np.password_expiry(last, now, alerts=[now])["due"])


def term(day: dt.date) -> tuple[int, int]:
    t = np.school_term(day, policy=np.Policy.edition("ntpc-110"))
    return t["school_year"], t["semester"]


try:
    np.parse_date("110/02/30")
except np.DateParseError as err:
    print(err.code, err.params)


def mailbox_days_left(account: str, activated: dt.date, today: dt.date) -> int:
    status: shapes.MailboxStatus = np.mailbox_status(
        {"account": account, "activated_on": activated.isoformat(), "staff_status": "退休"},
        today,
    )
    state: shapes.MailboxState = status["state"]
    return status["days_left"] if state != "disabled" else 0


def parents_who_can_register(mother_mobile: str) -> list[str]:
    check = np.check_family({"mother": {"name": "李美麗", "mobile": mother_mobile}})
    return [r["mobile"] for r in check["registrants"]]


def clerk_may_manage(module: str) -> bool:
    decision = np.can({"title": "幹事", "roles": ["幹事"]}, module, "manage")
    return decision["allowed"] and decision["rule"] != "override_remove"
