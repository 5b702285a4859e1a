"""The Python API beyond the vectors: types in and out, batches, threads, panics."""

from __future__ import annotations

import concurrent.futures as cf
import datetime as dt
import json

import pytest

import ntpc_policy as np

TAIPEI = dt.timezone(dt.timedelta(hours=8))


def test_dates_in_and_out() -> None:
    parsed = np.parse_date("110年12月7日")
    assert parsed["date"] == "2021-12-07"
    assert parsed["roc_year"] == 110
    assert np.format_date(dt.date(2021, 12, 7), "roc_chinese") == "110年12月7日"
    assert np.from_roc(110, 12, 7) == dt.date(2021, 12, 7)
    when = np.parse_datetime("2021/02/08 17:50")
    assert when == dt.datetime(2021, 2, 8, 17, 50, tzinfo=TAIPEI)
    term = np.school_term(dt.date(2022, 2, 1))
    assert (term["school_year"], term["semester"]) == (110, 2)


def test_naive_datetimes_mean_taipei() -> None:
    naive = np.password_expiry(dt.datetime(2021, 1, 1, 9), dt.datetime(2021, 1, 2, 9))
    aware = np.password_expiry(
        dt.datetime(2021, 1, 1, 1, tzinfo=dt.timezone.utc),
        dt.datetime(2021, 1, 2, 1, tzinfo=dt.timezone.utc),
    )
    assert naive == aware


def test_date_errors_are_typed() -> None:
    with pytest.raises(np.DateParseError) as info:
        np.parse_date("110/02/30")
    assert info.value.code == "calendar.invalid_date"
    with pytest.raises(np.PolicyError) as info2:
        np.format_date("110/12/07", "no_such_style")
    assert info2.value.code == "calendar.unknown_style"


def test_wrong_types_raise_policy_errors_not_raw_python_errors() -> None:
    with pytest.raises(np.PolicyError) as info0:
        np.classify_id(123)  # type: ignore[arg-type]
    assert info0.value.code == "input.invalid_argument"
    with pytest.raises(np.PolicyError) as info:
        np.school_term(12345)  # type: ignore[arg-type]
    assert info.value.code == "input.invalid_argument"
    with pytest.raises(np.PolicyError):
        np.check_password("x", profile="windows")  # type: ignore[arg-type]
    with pytest.raises(np.PolicyError) as info3:
        np.mailbox_quota(2**64)
    assert info3.value.code == "input.invalid_argument"
    with pytest.raises(np.PolicyError) as info4:
        np.check_password("A\ud800bcdef1!")
    assert info4.value.code == "input.invalid_argument"
    assert "ud800" not in repr(info4.value) and "bcdef" not in repr(info4.value)


def test_results_are_frozen_and_printable() -> None:
    info = np.classify_id("A123456789")
    assert repr(info).startswith("IdInfo(")
    assert "A123456789" not in repr(info)
    with pytest.raises(AttributeError):
        info.kind = "none"  # type: ignore[misc]
    assert info.to_dict()["masked"] == "A12****789"


def test_batches_match_single_calls() -> None:
    values = ["A123456789", "A123456780", "hello", "ａ１２３４５６７８９", ""]
    assert [x.to_dict() for x in np.classify_ids(values)] == [
        np.classify_id(v).to_dict() for v in values
    ]
    pws = ["Aa123456", "short", "Good#Pass2024x", ""]
    assert np.check_passwords(pws, account="wang01") == [
        np.check_password(p, account="wang01") for p in pws
    ]


def test_batches_are_safe_from_many_threads() -> None:
    values = [f"A1{i:08d}" for i in range(20_000)]
    expected = [x.to_dict() for x in np.classify_ids(values[:50])]
    with cf.ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(lambda _: np.classify_ids(values), range(16)))
    for r in results:
        assert len(r) == len(values)
        assert [x.to_dict() for x in r[:50]] == expected


def test_password_results_never_contain_the_password() -> None:
    for pw in ["Secret#2024ab", "Aa123456", "ｐａｓｓｗｏｒｄ１２３"]:
        res = np.check_password(pw, account="wang01", display_name="Wang Xiao-Ming")
        assert pw not in json.dumps(res, ensure_ascii=False)
        assert pw not in repr(res)


def test_a_rust_panic_becomes_a_policy_error_and_the_process_lives_on() -> None:
    from ntpc_policy import _core

    for _ in range(3):
        with pytest.raises(np.InternalError) as info:
            _core.panic_for_test()
        assert info.value.code == "internal"
        assert isinstance(info.value, Exception)
    assert np.classify_id("A123456789").checksum_valid


def test_batches_leave_the_garbage_collector_as_they_found_it() -> None:
    import gc

    assert gc.isenabled()
    np.classify_ids(["A123456789"] * 10)
    assert gc.isenabled()
    gc.disable()
    try:
        np.check_accounts(["wang"] * 10)
        assert not gc.isenabled()
    finally:
        gc.enable()
    # IdInfo results own no Python objects, so the cyclic collector need not track them.
    assert not gc.is_tracked(np.classify_id("A123456789"))
    # A large result through the generic door (a file of 1,500 mailboxes) pauses
    # the collector while it is converted, and leaves it as it was.
    rows = "".join(f"user{i}@ntpc.edu.tw,105/08/01,110/12/01,在職,,0\n" for i in range(1500))
    data = ("帳號,啟用日期,最後登入,人員狀態,離職日期,使用量\n" + rows).encode()
    assert len(np.sweep_mailbox_file(data, "2021-12-07")["rows"]) == 1500
    assert gc.isenabled()
    gc.disable()
    try:
        np.sweep_mailbox_file(data, "2021-12-07")
        np.classify_ids(("A123456789",) * 3)
        assert not gc.isenabled()
    finally:
        gc.enable()
