"""Builds office_days.json (the office calendar compiled into the core) from the
full-year files of ruyut/TaiwanCalendar (data/YEAR.json, every day of the year),
after checking each of them. See README.md.

    python3 compact.py DIR [DIR ...]     # every YEAR.json in the directories

Checks, per year: every day of the year present once and in order; `week` is the
date's weekday; Saturdays and Sundays are rest days (`isHoliday: true`) unless
named as make-up workdays (補行上班, 調整上班); a weekday rest day has a name.
Only the exceptions to "Saturday and Sunday rest, Monday to Friday office" are
kept: `holidays` (rest days with a name: weekday holidays, and weekend days that
are named holidays) and `workdays` (weekend office days)."""

import datetime
import json
import sys
from pathlib import Path

WEEK = "一二三四五六日"
OUT = Path(__file__).resolve().parent / "office_days.json"


def compact(year, days):
    d = datetime.date(year, 1, 1)
    holidays, workdays = {}, {}
    assert len(days) == (366 if year % 4 == 0 and (year % 100 or year % 400 == 0) else 365), year
    for row in days:
        assert row["date"] == d.strftime("%Y%m%d"), (year, row["date"], d)
        assert row["week"] == WEEK[d.weekday()], (row, d.weekday())
        weekend, rest, name = d.weekday() >= 5, row["isHoliday"], row["description"].strip()
        assert isinstance(rest, bool), row
        if weekend and not rest:
            assert "上班" in name, ("an unnamed weekend office day", row)
            workdays[d.isoformat()] = name
        elif not weekend and rest:
            assert name, ("an unnamed weekday rest day", row)
            holidays[d.isoformat()] = name
        elif not weekend and not rest:
            assert not name, ("a named weekday office day", row)
        elif name:
            holidays[d.isoformat()] = name
        d += datetime.timedelta(days=1)
    return {"holidays": holidays, "workdays": workdays}


def main(dirs):
    years = {}
    for folder in dirs:
        for f in sorted(Path(folder).glob("[0-9][0-9][0-9][0-9].json")):
            y = int(f.stem)
            years[y] = compact(y, json.loads(f.read_text(encoding="utf-8")))
    doc = {str(y): years[y] for y in sorted(years)}
    OUT.write_text(json.dumps(doc, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    for y in sorted(years):
        print(y, len(years[y]["holidays"]), "named rest days,", len(years[y]["workdays"]), "make-up workdays")


if __name__ == "__main__":
    main(sys.argv[1:] or ["/work/shared/data/taiwan-office-calendar"])
