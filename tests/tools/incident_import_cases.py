"""The import vectors of tests/vectors/incident.json (RULES §7, issue 16 item 1,
issue 21): the example file, the seed table pasted from the web page with its
group lines, title rows, Big5 and BOM exports, and bad rows. Called by
gen_incident_vectors.py, which writes the file."""

# ruff: noqa: E501 (long literal strings: expected messages and data)

from pathlib import Path

from seed_incidents import GROUP, HEAD, SEED, grouped_records, seed_record, seed_records
from vector_doc import ROOT, Doc


def add(INC: Doc, ev_case, NOW: str) -> None:  # noqa: N803 (the names the generator uses)
    """Adds the import vectors to `INC`; `ev_case` adds a deadline vector."""

    example = (ROOT / "examples" / "data" / "incidents.csv").read_text(encoding="utf-8")
    assert example.splitlines()[0] == HEAD
    INC.ok(
        "examples/data/incidents.csv: the seed's six rows",
        "incident.import",
        {"data": example},
        {
            "records": seed_records,
            "lines": [2, 3, 4, 5, 6, 7],
            "errors": [],
            "encoding": "utf-8",
            "bom": False,
            "delimiter": "comma",
            "rows": 6,
            "skipped_rows": 0,
            "truncated": False,
            "ignored_columns": [],
            "columns": [
                {"column": i + 1, "header": h, "field": f}
                for i, (h, f) in enumerate(
                    zip(
                        HEAD.split(","),
                        [
                            "id",
                            "unit",
                            "level",
                            "event_type",
                            "subtype",
                            "occurred_at",
                            "reported_at",
                            "reviewed_at",
                            "ip",
                        ],
                    )
                )
            ],
        },
    )
    seed_text = ROOT.parent / "shared" / "seeds" / "000_15b069b9233e889a.txt"
    if not seed_text.exists():
        seed_text = Path("/work/shared/seeds/000_15b069b9233e889a.txt")
    pasted = "\n".join(seed_text.read_text(encoding="utf-8").splitlines()[239:254]) + "\n"
    assert pasted.startswith("編號\t") and pasted.count("▲") == 4
    # Issue 16 item 1: the group lines name the school; the rows keep their cells.
    not_recorded_findings = [
        {"code": "incident.no_awareness_column", "severity": "info", "params": {}},
        {
            "code": "incident.columns_absent",
            "severity": "info",
            "params": {
                "columns": "recovery time, report time",
                "columns_zh": "復原時間、報告時間",
                "duties": "Damage control or recovery, Investigation and improvement report",
                "duties_zh": "損害控制或復原、調查、處理及改善報告",
            },
            "message_zh": "檔案沒有復原時間、報告時間欄：損害控制或復原、調查、處理及改善報告無法判斷是否如期，狀態列為「未知」，不算逾期。",
        },
    ]
    grouped_import = {
        "records": grouped_records,
        "lines": [3, 6, 9, 10, 11, 14],
        "errors": [],
        "delimiter": "tab",
        "rows": 6,
        "skipped_rows": 8,
        "findings": not_recorded_findings,
    }
    INC.ok(
        "the seed table pasted from the web page: each group line names the school of its rows",
        "incident.import",
        {"data": pasted},
        grouped_import,
    )
    with_title = "\n".join(seed_text.read_text(encoding="utf-8").splitlines()[237:254]) + "\n"
    assert with_title.startswith("↑ 通報單位 ×\n\n編號\t")
    INC.ok(
        "the seed table pasted with the title line above it (↑ 通報單位 ×)",
        "incident.import",
        {"data": with_title},
        {**grouped_import, "lines": [5, 8, 11, 12, 13, 16]},
    )
    grouped_csv = pasted.replace("\t", ",")
    assert "," not in pasted
    INC.ok(
        "the grouped table as CSV",
        "incident.import",
        {"data": grouped_csv},
        {**grouped_import, "delimiter": "comma"},
    )
    INC.ok(
        "the grouped table in Big5 (CP950) with CRLF",
        "incident.import",
        {"data_hex": pasted.replace("\n", "\r\n").encode("cp950").hex()},
        {**grouped_import, "encoding": "big5", "bom": False},
    )
    INC.ok(
        "the grouped table in UTF-16LE with a BOM (Excel's Unicode text)",
        "incident.import",
        {"data_hex": ("\ufeff" + pasted).encode("utf-16-le").hex()},
        {**grouped_import, "encoding": "utf-16le", "bom": True},
    )
    # The 三重 group closes with 筆數: 3; say 2 instead: one finding, rows still read.
    wrong = pasted.replace("筆數: 3\t\t\t\t\t\t\t\t筆數: 3", "筆數: 2\t\t\t\t\t\t\t\t筆數: 2")
    assert wrong != pasted
    INC.ok(
        "a group subtotal that disagrees with the rows read is a finding",
        "incident.import",
        {"data": wrong},
        {
            **grouped_import,
            "findings": [
                {
                    "code": "import.group_count",
                    "severity": "warning",
                    "params": {
                        "group": "新北市三重區三重國民小學",
                        "group_zh": "新北市三重區三重國民小學",
                        "line": 12,
                        "stated": "2",
                        "counted": 3,
                    },
                    "message_zh": "「新北市三重區三重國民小學」的筆數小計為 2，但讀到 3 列（第 12 行）。",
                },
                *not_recorded_findings,
            ],
        },
    )
    # A file with every time column: nothing is absent, nothing said.
    full = (
        "編號,通報單位,等級,知悉日期,通報時間,審核時間,復原時間,報告時間,發生時間\n"
        "9,甲國小,1級,2021/09/01 10:00,2021/09/01 10:30,2021/09/01 11:00,,,\n"
    )
    INC.ok(
        "知悉日期 is the awareness column; with every time column present nothing is absent",
        "incident.import",
        {"data": full},
        {
            "records": [
                {
                    "id": "9",
                    "unit": "甲國小",
                    "unit_as_written": None,
                    "aware_at": "2021-09-01T10:00:00+08:00",
                    "not_recorded": [],
                }
            ],
            "findings": [],
        },
    )
    # Check of the pasted seed table on NOW: 190902 met both of its deadlines, and
    # recovery/report are unknown (no columns), so it passes; the five others were
    # notified late. Per school (by hand from the group lines): 三重 3, 二重 1,
    # 永福 1, 時雨 1 — most first, ties by label in code point order (新 < 財; 二 < 永).
    INC.ok(
        "check of the pasted seed table: per-school counts from the group lines, absent columns unknown",
        "incident.check_file",
        {"data": pasted, "now": NOW},
        {
            "rows": [
                {"line": ln, "result": {"id": i, "unit": GROUP[i], "verdict": v}}
                for ln, i, v in [
                    (3, "189750", "fail"),
                    (6, "190349", "fail"),
                    (9, "194481", "fail"),
                    (10, "194418", "fail"),
                    (11, "190902", "pass"),
                    (14, "193862", "fail"),
                ]
            ],
            "errors": [],
            "findings": not_recorded_findings,
            "summary": {
                "checked": 6,
                "passed": 1,
                "warned": 0,
                "failed": 5,
                "errors": 0,
                "verdict": "fail",
            },
            "total": {
                "total": 6,
                "by_school": [
                    {"label": "新北市三重區三重國民小學", "count": 3},
                    {"label": "新北市三重區二重國民小學", "count": 1},
                    {"label": "新北市三重區永福國民小學", "count": 1},
                    {"label": "財團法人新北市私立時雨高級中學", "count": 1},
                ],
                "late": {"notify": 5, "review": 0, "recover": 0, "report": 0},
                "overdue": {"notify": 0, "review": 0, "recover": 0, "report": 0},
                "incidents_late": 5,
            },
        },
    )
    # 190902 alone, as the export gives it (no recovery/report columns): by hand,
    # notified 08:37 for a deadline of 08:42 (5 min to spare), reviewed 10:09 for
    # 16:37 (388 min); recovery due 2021-04-01 07:42 but unknown, report unknown.
    inc = {**seed_record(SEED[4]), "not_recorded": ["aware_at", "recovered_at", "report_filed_at"]}
    exp = ev_case("190902 from the export: recovery and report unknown, not overdue; passes", inc)
    assert exp["verdict"] == "pass"
    assert [o["status"] for o in exp["obligations"]] == ["met", "met", "unknown", "unknown"]
    assert exp["obligations"][2]["deadline"] == "2021-04-01T07:42:00+08:00"
    assert [f["code"] for f in exp["findings"]] == ["incident.earliest_regulation"]
    ev_case(
        "a recovery column present but empty past the deadline is overdue",
        {**seed_record(SEED[4]), "not_recorded": ["aware_at", "report_filed_at"]},
    )
    INC.ok(
        "English headers, ROC times, extra columns ignored",
        "incident.import",
        {
            "data": "id,unit,level,subtype,aware_at,reported_at,note\r\nA1,School,2,對外攻擊,110/09/01 10:00,110/09/01 10:30,x\r\n"
        },
        {
            "records": [
                {
                    "id": "A1",
                    "unit": "School",
                    "level": 2,
                    "subtype": "對外攻擊",
                    "event_type": None,
                    "aware_at": "2021-09-01T10:00:00+08:00",
                    "reported_at": "2021-09-01T10:30:00+08:00",
                    "ip": None,
                }
            ],
            "lines": [2],
            "errors": [],
            "ignored_columns": ["note"],
        },
    )
    INC.ok(
        "a bad level and a bad date are row errors; the good row is read",
        "incident.import",
        {
            "data": HEAD
            + "\n1,A,9級,INT,x,2021/02/08 17:50,,,\n2,B,1級,INT,x,110/02/30 10:00,,,\n3,C,2級,INT,x,,,,\n"
        },
        {
            "records": [{"id": "3", "unit": "C", "level": 2, "occurred_at": None}],
            "lines": [4],
            "errors": [
                {
                    "line": 2,
                    "column": 3,
                    "header": "等級",
                    "field": "level",
                    "code": "import.invalid_value",
                    "params": {"field": "等級", "value": "9級"},
                },
                {
                    "line": 3,
                    "column": 6,
                    "header": "發生時間",
                    "field": "occurred_at",
                    "code": "calendar.invalid_date",
                },
            ],
        },
    )
    INC.ok(
        "a blank required cell and a short row",
        "incident.import",
        {"data": HEAD + "\n,A,1級,INT,x,,,,\n2,B,1級\n"},
        {
            "records": [],
            "lines": [],
            "errors": [
                {
                    "line": 2,
                    "column": 1,
                    "field": "id",
                    "code": "import.missing_value",
                    "message_en": 'The required cell "編號" is blank.',
                },
                {
                    "line": 3,
                    "column": None,
                    "field": None,
                    "code": "import.column_count",
                    "params": {"expected": 9, "actual": 3},
                    "message_zh": "欄位數不符：標題列有 9 欄，此列有 3 欄。",
                },
            ],
        },
    )
    INC.err(
        "missing the level column",
        "incident.import",
        {"data": "編號,通報單位\n1,A\n"},
        "import.missing_column",
    )
