"""Writes tests/vectors/schedule.json: the year's security work calendar (RULES §9;
seed 000 PART FOUR (四) and the dated reminders around it; issue 16 item 6).

The items of school year 110 are read off the seeds by hand below (ROC dates
converted by hand: 110 = 2021, 111 = 2022, 113 = 2024); statuses and day counts
follow the rule (past: ended before today; open: today within; upcoming: starts
within 14 days; later) with Python's own date arithmetic."""

# ruff: noqa: E501 (long literal strings)

from datetime import date

from vector_doc import Doc

S = Doc(
    "schedule",
    "The year's security work calendar as policy data per school year (seed 000 PART FOUR (四), "
    "PART TWO, PART THREE; issue 16 item 6): each item's status on a day, and a deterministic "
    "iCalendar (RFC 5545) export.",
)

# (id, start, end) by hand from the seeds.
ITEMS_110 = [
    ("drill-training", "2021-08-11", "2021-08-11"),  # (四)1 8/11 線上課程
    ("onsite-checks", "2021-09-01", "2021-12-31"),  # (四)10 9-12月
    ("scan-initial", "2021-09-01", "2021-10-31"),  # (四)3 初掃: 9-10月
    ("drill-round-1", "2021-09-06", "2021-09-10"),  # (四)2 第一梯:9/6-9/10
    ("drill-round-2", "2021-09-13", "2021-09-17"),  # 第二次:9/13-9/17
    ("portfolio-upload", "2021-09-30", "2021-09-30"),  # PART THREE: 延長至110年9月30日
    ("training-reminder-oct", "2021-10-01", "2021-10-31"),  # (一)3(1) 2、6、10月發文提醒
    ("portfolio-submit", "2021-11-01", "2021-11-15"),  # 110年11月1日至11月15日
    ("scan-rescan", "2021-11-01", "2021-12-31"),  # 複掃:11-12月
    ("meet-recording-ends", "2022-01-10", "2022-01-10"),  # PART TWO 111/01/10起無法使用
    ("self-report-training", "2022-02-01", "2022-02-28"),  # (四)7 預計 111年2月
    ("training-reminder-feb", "2022-02-01", "2022-02-28"),
    ("self-report-filing", "2022-03-01", "2022-03-31"),  # (四)8 預計 111年3月
    ("self-report-review", "2022-04-15", "2022-04-15"),  # (四)9 預計 111年4月15日前完成
    ("training-reminder-jun", "2022-06-01", "2022-06-30"),
    ("centos7-eol", "2024-06-01", "2024-06-30"),  # PART TWO 113 年 6 月 EOL
]


def status(start, end, today, window=14):
    s, e, t = date.fromisoformat(start), date.fromisoformat(end), date.fromisoformat(today)
    to_start, to_end = (s - t).days, (e - t).days
    st = (
        "past"
        if to_end < 0
        else "open"
        if to_start <= 0
        else "upcoming"
        if to_start <= window
        else "later"
    )
    return {"status": st, "days_to_start": to_start, "days_to_end": to_end}


def on(today, window=14):
    return [
        {"item": {"id": i, "start": s, "end": e}, **status(s, e, today, window)}
        for i, s, e in ITEMS_110
    ]


exp = on("2021-09-08")
# By hand on 110/09/08: drill training past; on-site checks, initial scan and
# round 1 open (round 1 ends in 2 days); round 2 upcoming in 5 days; the
# portfolio deadline 22 days ahead is later.
assert [x["status"] for x in exp[:6]] == ["past", "open", "open", "open", "upcoming", "later"]
assert exp[3]["days_to_end"] == 2 and exp[4]["days_to_start"] == 5 and exp[5]["days_to_start"] == 22
S.ok(
    "school year 110 on 110/09/08: every item with its status",
    "schedule.on",
    {"today": "110/09/08"},
    {"school_year": 110, "today": "2021-09-08", "upcoming_days": 14, "items": exp},
)
S.ok(
    "the school year comes from today: 2022-07-31 is still 110",
    "schedule.on",
    {"today": "2022-07-31"},
    {"school_year": 110, "items": on("2022-07-31")},
)
S.ok(
    "a window of 30 days makes the portfolio deadline upcoming",
    "schedule.on",
    {"today": "2021-09-08", "policy": {"schedule": {"upcoming_days": 30}}},
    {"upcoming_days": 30, "items": on("2021-09-08", 30)},
)
S.ok(
    "school year 110 named on 2024-06-15: CentOS 7's end of life is open",
    "schedule.on",
    {"today": "2024-06-15", "school_year": 110},
    {"items": on("2024-06-15")},
)
S.ok(
    "the first day of an item is open, the day after its end past",
    "schedule.on",
    {"today": "2021-09-18", "school_year": 110},
    {"items": on("2021-09-18")},
)
S.err(
    "a school year the policy has no calendar for",
    "schedule.on",
    {"today": "2023-09-01"},
    "input.invalid_argument",
)
ONE = {
    "schedule": {
        "years": {
            "120": [
                {
                    "id": "x",
                    "title": "測試",
                    "title_en": "Test",
                    "start": "2031-09-01",
                    "end": "2031-09-02",
                    "source": "s",
                }
            ]
        }
    }
}
S.ok(
    "a policy adds school year 120; 110 stays",
    "schedule.on",
    {"today": "2031-08-25", "policy": ONE},
    {
        "school_year": 120,
        "items": [{"item": {"id": "x"}, **status("2031-09-01", "2031-09-02", "2031-08-25")}],
    },
)
# By hand, RFC 5545: CRLF line ends; all-day DTSTART/DTEND as VALUE=DATE with
# DTEND the day after the last (§3.6.1); DTSTAMP in UTC from today 00:00 Taipei
# (2031-08-25 00:00 +08:00 = 2031-08-24 16:00 Z); the newline of the description
# escaped as \n (§3.3.11); UID from school year and id.
ICS = (
    "BEGIN:VCALENDAR\r\n"
    "VERSION:2.0\r\n"
    "PRODID:-//ntpc-policy//security work calendar//ZH-TW\r\n"
    "CALSCALE:GREGORIAN\r\n"
    "NAME:120 學年度資安工作期程\r\n"
    "X-WR-CALNAME:120 學年度資安工作期程\r\n"
    "BEGIN:VEVENT\r\n"
    "DESCRIPTION:Test\\ns\r\n"
    "DTEND;VALUE=DATE:20310903\r\n"
    "DTSTAMP:20310824T160000Z\r\n"
    "DTSTART;VALUE=DATE:20310901\r\n"
    "SUMMARY:測試\r\n"
    "UID:120-x@ntpc-policy\r\n"
    "END:VEVENT\r\n"
    "END:VCALENDAR\r\n"
)
S.ok(
    "iCalendar of a one-item year: byte for byte",
    "schedule.ics",
    {"today": "2031-08-25", "policy": ONE},
    {"ics": ICS},
)
S.err(
    "iCalendar of a school year without a calendar",
    "schedule.ics",
    {"today": "2023-09-01"},
    "input.invalid_argument",
)
S.write(minimum=8)
