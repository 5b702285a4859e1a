"""The CSV, text and HTML sources of the workbook and document fixtures
(issue 21), written for make_workbook_fixtures.sh to convert with LibreOffice.
gen_workbook_vectors.py imports the same texts, so a workbook is expected to
read exactly as its CSV source does.

    python3 make_workbook_sources.py OUT_WORKBOOKS OUT_DOCUMENTS
"""

import sys
from pathlib import Path

from seed_incidents import HEAD, SEED

# The seed's incident table (seed 000 PART FOUR), as the CSV importer reads it.
INCIDENTS = (
    HEAD
    + "\n"
    + "\n".join(",".join([r[0], r[1], "1級", "INT", r[2], r[3], r[4], r[5], r[6]]) for r in SEED)
    + "\n"
)
# The file checks of gen_files_vectors.py (issue 15), same rows.
MAILBOXES = (
    "帳號,開通日期,最後登入,備註\n"
    "lin@ntpc.edu.tw,108/09/01,109/07/25,x\n"
    "wang@ntpc.edu.tw,110/02/30,,\n"
    "chen@ntpc.edu.tw,2021-01-01,110/11/30,\n"
)
PEOPLE = "姓名,狀態,班級\n王小明,在學,501\n李小華,轉學空窗,\n陳老師,休假,\n"
DRILLS = (
    "學校代碼,學校名稱,通知時間,通報時間\n"
    "900001,甲國小,2021-09-06 09:00,2021-09-06 10:20\n"
    "900002,乙國小,2021-09-06 09:00,2021-09-06 09:30\n"
)


def serial(text):
    """The Excel serial number of `YYYY-MM-DD[ HH:MM]` (days since 1899-12-30)."""
    from datetime import datetime

    t = datetime.strptime(text, "%Y-%m-%d %H:%M" if " " in text else "%Y-%m-%d")
    days = (t - datetime(1899, 12, 30)).total_seconds() / 86400
    return f"{days:.10f}".rstrip("0").rstrip(".")


# The same rows with their dates as Excel serial numbers, as a date column
# saved without a date format shows them (issue 21 §1): LibreOffice stores
# them as plain number cells. The bad date of row 3 stays text.
MAILBOXES_SERIAL = (
    "帳號,開通日期,最後登入,備註\n"
    f"lin@ntpc.edu.tw,{serial('2019-09-01')},{serial('2020-07-25')},x\n"
    "wang@ntpc.edu.tw,110/02/30,,\n"
    f"chen@ntpc.edu.tw,{serial('2021-01-01')},{serial('2021-11-30')},\n"
)
DRILLS_SERIAL = (
    "學校代碼,學校名稱,通知時間,通報時間\n"
    f"900001,甲國小,{serial('2021-09-06 09:00')},{serial('2021-09-06 10:20')}\n"
    f"900002,乙國小,{serial('2021-09-06 09:00')},{serial('2021-09-06 09:30')}\n"
)
# A family table, one row per student (issue 21 §1; RULES §5). LibreOffice
# stores 0912345678 as the number 912345678, as Excel does: the importer
# gives a workbook's nine-digit mobile starting with 9 its zero back.
FAMILIES = (
    "學號,父親姓名,父親手機,母親姓名,母親手機,其他連絡人姓名,其他連絡人關係,其他連絡人手機\n"
    "301-05,王大明,0912345678,李美麗,,王奶奶,祖母,0933-111-222\n"
    "301-06,,,陳美華,(02) 2960-3456,,,\n"
    "301-07,林志明,0911222333,,,,,\n"
)
SCHOOLS = (
    "學校代碼,學校名稱,演練逾時(分),前年度通報件數,填報缺漏未改善,人民陳情,資安等級\n"
    "900001,範例一國小,0,3,0,無,B\n900002,範例二國小,100,5,2,無,C\n900003,範例三國中,0,0,0,有,A\n"
    "900004,範例四高中,200,0,0,無,A\n900005,範例五國小,0,1,0,無,B\n"
)

# Documents a school might post, each holding the RULES example ID A123456789
# (valid checksum) once, and one look-alike that is not an ID (A12345678).
AWARDS = "姓名,身分證字號,獎項\n王小明,A123456789,第一名\n李小華,,第二名\n"
ROSTER = "111 學年度 501 班名冊\n王小明 A123456789 座號 1\n李小華 座號 2（證號 A12345678 不完整）\n"
MINUTES = (
    '<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>會議紀錄</title></head><body>\n'
    "<h1>家長會會議紀錄</h1>\n<p>出席：王小明（A123<b>456789</b>）</p>\n"
    "<table><tr><td>委員</td><td>李小華</td></tr></table>\n</body></html>\n"
)


def two_sheets_fods():
    """A flat ODS with a notes sheet first and the seed incidents second."""

    def row(cells):
        return (
            "<table:table-row>"
            + "".join(
                f'<table:table-cell office:value-type="string"><text:p>{c}</text:p></table:table-cell>'
                for c in cells
            )
            + "</table:table-row>"
        )

    incidents = [HEAD.split(",")] + [
        [r[0], r[1], "1級", "INT", r[2], r[3], r[4], r[5], r[6]] for r in SEED
    ]
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
        'office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">'
        "<office:body><office:spreadsheet>"
        '<table:table table:name="說明">'
        + row(["本活頁簿第二張工作表為通報事件"])
        + "</table:table>"
        '<table:table table:name="事件">' + "".join(row(r) for r in incidents) + "</table:table>"
        "</office:spreadsheet></office:body></office:document>\n"
    )


def main(out, docs):
    out, docs = Path(out), Path(docs)
    (out / "incidents.csv").write_text(INCIDENTS, encoding="utf-8")
    (out / "incidents-big5.csv").write_bytes(INCIDENTS.replace("\n", "\r\n").encode("cp950"))
    (out / "incidents-utf16.tsv").write_bytes(
        ("\ufeff" + INCIDENTS.replace(",", "\t")).encode("utf-16-le")
    )
    (out / "mailboxes.csv").write_text(MAILBOXES, encoding="utf-8")
    (out / "people.csv").write_text(PEOPLE, encoding="utf-8")
    (out / "drills.csv").write_text(DRILLS, encoding="utf-8")
    (out / "families.csv").write_text(FAMILIES, encoding="utf-8")
    (out / "mailboxes-serial.csv").write_text(MAILBOXES_SERIAL, encoding="utf-8")
    (out / "drills-serial.csv").write_text(DRILLS_SERIAL, encoding="utf-8")
    (out / "schools.csv").write_text(SCHOOLS, encoding="utf-8")
    (out / "two-sheets.fods").write_text(two_sheets_fods(), encoding="utf-8")
    (docs / "awards.csv").write_text(AWARDS, encoding="utf-8")
    (docs / "roster.txt").write_text(ROSTER, encoding="utf-8")
    (docs / "minutes.html").write_text(MINUTES, encoding="utf-8")


if __name__ == "__main__":
    main(*sys.argv[1:3])
