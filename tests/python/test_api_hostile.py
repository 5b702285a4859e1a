"""The Python API under hostile values (issue 14 §2–§3): integers outside 64
bits, dates at the end of the calendar, lone surrogates — each a typed
``PolicyError``, never ``OverflowError``, ``ValueError`` from a property, or a
``UnicodeEncodeError`` whose repr holds the input."""

from __future__ import annotations

import datetime as dt
from typing import Any, Callable

import pytest

import ntpc_policy as np

BIG = [2**63, 2**64, 2**200, -(2**63) - 1]


@pytest.mark.parametrize("value", BIG)
@pytest.mark.parametrize(
    "call",
    [
        lambda v: np.mailbox_quota(v),
        lambda v: np.check_message_size(v),
        lambda v: np.from_roc(v, 1, 1),
        lambda v: np.ems_allocation(v),
        lambda v: np.smart_learning_progress(v, 1),
        lambda v: np.add_months("2021-01-01", v),
        lambda v: np.security_training(v),
    ],
)
def test_integers_outside_64_bits_are_invalid_argument(
    call: Callable[[int], Any], value: int
) -> None:
    # 2**63 fits an unsigned argument; past 64 bits nothing fits. Never OverflowError.
    if value == 2**63:
        try:
            call(value)
        except np.PolicyError as err:
            assert err.code in ("input.invalid_argument", "calendar.out_of_range")
        return
    with pytest.raises(np.PolicyError) as info:
        call(value)
    assert info.value.code == "input.invalid_argument"


@pytest.mark.parametrize("call", [np.mailbox_quota, np.check_message_size])
def test_negative_where_unsigned_is_invalid_argument(call: Callable[[int], Any]) -> None:
    with pytest.raises(np.PolicyError) as info:
        call(-1)
    assert info.value.code == "input.invalid_argument"


def test_the_last_day_of_the_calendar_has_no_value_errors() -> None:
    term = np.school_term("9999-12-31")
    assert (term["school_year_end"], term["semester_end"]) == ("9999-12-31", "9999-12-31")
    assert np.school_term(dt.date(9999, 12, 31))["school_year"] == 8088
    assert np.from_roc(8088, 12, 31) == dt.date(9999, 12, 31)
    assert np.parse_datetime("9999-12-31T23:59").year == 9999
    with pytest.raises(np.PolicyError) as info:
        np.from_roc(8089, 1, 1)
    assert info.value.code == "calendar.out_of_range"


@pytest.mark.parametrize("style", [None, *np.date_styles()])
def test_years_up_to_9999_round_trip_through_parse_and_format(style: Any) -> None:
    for day in ("9999-12-31", "9999-01-01", "2021-12-07"):
        try:
            text = np.format_date(day, style)
        except np.PolicyError as err:
            # ROC styles with three digits stop at ROC 999 (a typed refusal).
            assert err.code == "calendar.out_of_range"
            continue
        assert "+10000" not in text and "10000-" not in text
        assert np.parse_date(text)["date"] == day


def test_an_instant_past_9999_in_taipei_is_out_of_range_not_a_crash() -> None:
    late = dt.datetime(9999, 12, 31, 23, 0, tzinfo=dt.timezone(dt.timedelta(hours=-8)))
    with pytest.raises(np.PolicyError) as info:
        np.format_datetime(late)
    assert info.value.code == "calendar.out_of_range"


SECRET = "S3cret\ud800Pw"


@pytest.mark.parametrize(
    "call",
    [
        lambda s: np.check_password(s),
        lambda s: np.check_passwords([s]),
        lambda s: np.password_verdict(s),
        lambda s: np.check_password("x", account=s),
        lambda s: np.check_password("x", profile=s),
        lambda s: np.is_common_password(s),
        lambda s: np.classify_id(s),
        lambda s: np.scan_ids(s),
        lambda s: np.redact_ids(s),
        lambda s: np.parse_date(s),
        lambda s: np.check_accounts([s]),
        lambda s: np.Policy.from_json('{"edition": "' + s + '"}'),
        lambda s: np.Policy.edition(s),
        lambda s: np.Policy.in_force_on(s),
        lambda s: np.decode_text(s),
    ],
)
def test_lone_surrogates_are_policy_errors_without_the_input(call: Callable[[str], Any]) -> None:
    with pytest.raises(np.PolicyError) as info:
        call(SECRET)
    assert info.value.code == "input.invalid_argument"
    for text in (repr(info.value), str(info.value), info.value.message_zh, repr(info.value.params)):
        assert "S3cret" not in text


def test_profile_of_the_wrong_type_is_a_policy_error() -> None:
    with pytest.raises(np.PolicyError) as info:
        np.check_password("x", profile=5)  # type: ignore[arg-type]
    assert info.value.code == "input.invalid_argument"


def test_lazy_package_exports_every_name() -> None:
    import ntpc_policy

    assert "check_incident_file" in ntpc_policy.__all__
    assert "PolicyError" in dir(ntpc_policy)
    with pytest.raises(AttributeError):
        ntpc_policy.no_such_function  # type: ignore[attr-defined]  # noqa: B018
