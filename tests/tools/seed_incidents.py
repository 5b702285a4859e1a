"""The seed's six incidents (seed 000 PART FOUR 各校通報事件統計, verbatim) as the
vector generators use them: records for `incident.evaluate`, and the records the
importer must return."""

import secops_oracle as o

SEED = [  # seed 000 PART FOUR 各校通報事件統計, verbatim
    (
        "189750",
        "財團法人新北市 [REDACTED] 級中學",
        "系統被入侵",
        "2021/02/08 17:50",
        "2021/02/09 10:41",
        "2021/02/09 11:38",
        "163.20.[REDACTED]",
    ),
    (
        "190349",
        "新北市三重區 [REDACTED] 國民小學",
        "系統被入侵",
        "2021/03/09 12:02",
        "2021/03/10 12:06",
        "2021/03/10 13:23",
        "163.20.[REDACTED]",
    ),
    (
        "194481",
        "新北市三重區 [REDACTED] 國民小學",
        "殭屍電腦(Bot)",
        "2021/07/28 20:17",
        "2021/07/29 09:59",
        "2021/07/29 10:13",
        "163.20.[REDACTED]",
    ),
    (
        "194418",
        "新北市三重區 [REDACTED] 國民小學",
        "對外攻擊",
        "2021/07/27 17:20",
        "2021/07/29 09:55",
        "2021/07/29 09:56",
        "163.20.[REDACTED]",
    ),
    (
        "190902",
        "新北市三重區 [REDACTED] 國民小學",
        "對外攻擊",
        "2021/03/29 07:42",
        "2021/03/29 08:37",
        "2021/03/29 10:09",
        "163.20.[REDACTED]",
    ),
    (
        "193862",
        "新北市三重區 [REDACTED] 國民小學",
        "殭屍電腦(Bot)",
        "2021/07/12 17:01",
        "2021/07/13 09:22",
        "2021/07/13 09:22",
        "163.20.[REDACTED] (natIP)",
    ),
]


# By hand: (notify deadline, status, minutes), (review deadline, minutes to spare).
def seed_record(r):
    return {
        "id": r[0],
        "unit": r[1],
        "level": 1,
        "event_type": "INT",
        "subtype": r[2],
        "occurred_at": r[3],
        "reported_at": r[4],
        "reviewed_at": r[5],
        "ip": r[6],
    }


HEAD = "編號,通報單位,等級,事件類型,子類型,發生時間,通報時間,審核時間,IP"


def imported(rec):
    out = {
        "id": rec["id"],
        "unit": rec["unit"],
        "level": rec["level"],
        "event_type": "INT",
        "subtype": rec["subtype"],
        "occurred_at": o.iso(o.t(rec["occurred_at"])),
        "reported_at": o.iso(o.t(rec["reported_at"])),
        "reviewed_at": o.iso(o.t(rec["reviewed_at"])),
        "aware_at": None,
        "recovered_at": None,
        "report_filed_at": None,
        "reported_level": None,
        "ip": rec["ip"],
        "unit_as_written": None,
        # The seed table has no awareness, recovery or report column (issue 16 item 2).
        "not_recorded": ["aware_at", "recovered_at", "report_filed_at"],
    }
    return out


seed_records = [imported(seed_record(r)) for r in SEED]


# Seed 000 PART FOUR: the school each row's group line (▲ 通報單位: …) names, read
# off the seed by hand. Per school: 時雨 1, 二重 1, 三重 3, 永福 1.
GROUP = {
    "189750": "財團法人新北市私立時雨高級中學",
    "190349": "新北市三重區二重國民小學",
    "194481": "新北市三重區三重國民小學",
    "194418": "新北市三重區三重國民小學",
    "190902": "新北市三重區三重國民小學",
    "193862": "新北市三重區永福國民小學",
}


def grouped(rec):
    """A record as the grouped export gives it: the group's school as the unit,
    the row's redacted cell kept beside it."""
    return {**rec, "unit": GROUP[rec["id"]], "unit_as_written": rec["unit"]}


grouped_records = [grouped(r) for r in seed_records]
