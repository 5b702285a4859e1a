"""Writes tests/vectors/permission.json (RULES §6).

The table is parsed here from the seed's own lines (000 PART FIVE, copied
verbatim below, tab-separated as in the seed file), splitting each 管理權 cell on
"/" and "、". The decisions follow RULES §6 and the docs of core/src/permission:
management implies edit; roles (and the title) match holders exactly after
trimming; removed-only matches deny with override_remove; the contact book
follows the title, management winning. No code is shared with the core.
"""

import json
import re
import unicodedata
from pathlib import Path

SEED = [
    '上課yo\t新學生出缺席\t學務處相關人員/生教組/幹事\t導師',
    '學費pay\t新學費代收\t總務處相關人員/出納\t導師',
    '寶貝i健康\t學生健康資料&健康系統同步\t健康中心相關人員/護理師\t導師',
    '場地預約\t新場地預約\t事務組\t導師',
    '學生查詢\t學籍管理\t教務處相關人員/註冊組\t導師',
    '學生獎懲\t學生獎懲\t學務處相關人員/生教組/幹事\t導師',
    '成績查詢(電子成績單)\t成績管理\t教務處相關人員/註冊組\t導師',
    '我的圖書館\t全國圖書館\t教務處相關人員\t導師',
    '教學課表\t新課務管理\t教務處相關人員/教學組\t導師',
    '教師研習\t教師研習系統\t各處室相關人員\t導師',
    '教師請假\t智慧差勤系統\t人事室相關人員/人事主任\t導師',
    '校園出入\t新校園出入管理\t總務處相關人員、輔導處志工業務\t導師',
    '設備維修\t新設備維修\t總務處相關人員、教務處資訊組\t導師',
    '教育放送臺\t教育放送臺\t各處室相關人員\t導師',
    '服務學習\t服務學習\t學務處相關人員/生教組/幹事\t導師',
    '電子聯絡簿\t無(純APP)\t權限由系統依職務名稱而定 管理權：職稱含「校長、主任、資訊組長」 編輯權：職稱含「導師、級任、科任、專任」\t',
]
ALIASES = {"學費pay": ["學雜費繳費"], "成績查詢(電子成績單)": ["成績查詢", "電子成績單"],
           "寶貝i健康": ["學生健康資料", "健康系統同步"]}

ROWS = []
for line in SEED:
    app, module, manage, edit = line.split("\t")
    if module == "無(純APP)":
        note, rest = manage.split(" ", 1)
        m_raw, e_raw = rest.split(" ")
        kw = lambda s: re.search(r"「(.*)」", s).group(1).split("、")
        ROWS.append({"app": app, "module": None, "module_raw": module, "manage": [], "manage_raw": m_raw,
                     "edit": [], "edit_raw": e_raw, "aliases": [],
                     "title_rule": {"raw": note, "manage_keywords": kw(m_raw), "edit_keywords": kw(e_raw)}})
    else:
        ROWS.append({"app": app, "module": module, "module_raw": module, "manage": re.split("[/、]", manage),
                     "manage_raw": manage, "edit": re.split("[/、]", edit), "edit_raw": edit,
                     "aliases": ALIASES.get(app, []), "title_rule": None})
assert len(ROWS) == 16
CB = ROWS[15]
ZH = {"manage": "管理權", "edit": "編輯權"}
C = []
E = "input.invalid_argument"


def ok(name, call, args, expect):
    C.append({"name": name, "call": call, "args": args, "expect": expect})


def err(name, call, args, code):
    C.append({"name": name, "call": call, "args": args, "error": code})


def fold(s):
    return unicodedata.normalize("NFKC", s.strip()).lower()


def find(name):
    k = fold(name)
    for field, how in (("app", "app"), ("module", "module")):
        for r in ROWS:
            if r[field] and fold(r[field]) == k:
                return r, how
    for r in ROWS:
        if any(fold(a) == k for a in r["aliases"]):
            return r, "alias"
    return None, None


def implied(right):
    return ["edit", "manage"] if right == "edit" else ["manage"]


def effective(row, right, overrides):
    add, rem = [], []
    for o in overrides:
        r, _ = find(o["module"])
        if r is row and o["right"] == right:
            add += [x.strip() for x in o.get("add", []) if x.strip() not in add]
            rem += [x.strip() for x in o.get("remove", [])]
    hs = [{"role": h, "right": right, "rule": "default"} for h in row[right] if h not in rem]
    hs += [{"role": a, "right": right, "rule": "override_add"} for a in add if a not in row[right] or a in rem]
    return hs, rem


def who_can(module, right, overrides=()):
    row, _ = find(module)
    holders, removed = [], []
    for r in implied(right):
        if row["title_rule"]:
            holders += [{"role": w, "right": r, "rule": "title_rule"} for w in row["title_rule"][r + "_keywords"]]
            continue
        hs, rm = effective(row, r, overrides)
        holders += [h for h in hs if h["role"] not in [x["role"] for x in holders]]
        if r == right:
            removed = rm
    return {"app": row["app"], "module": row["module"], "right": right, "holders": holders, "removed": removed,
            "raw": row[right + "_raw"], "title_rule": row["title_rule"]}


def title_right(title):
    t = unicodedata.normalize("NFKC", (title or "").strip())
    for r in ("manage", "edit"):
        for w in CB["title_rule"][r + "_keywords"]:
            if w in t:
                return {"right": r, "keyword": w}
    return {"right": None, "keyword": None}


def info(code, **p):
    return {"code": code, "severity": "info", "params": p}


def can(person, name, right, overrides=()):
    row, _ = find(name)
    mod = row["module"] or row["module_raw"]
    base = {"app": row["app"], "module": mod, "right": right, "right_zh": ZH[right]}
    out = {"allowed": False, "app": row["app"], "module": row["module"], "right": right, "rule": "default",
           "granted_right": None, "matched_role": None, "matched_keyword": None}
    title = (person.get("title") or "").strip()
    if row["title_rule"]:
        out["rule"] = "title_rule"
        tr = title_right(title)
        if tr["right"] in implied(right):
            out.update(allowed=True, granted_right=tr["right"], matched_keyword=tr["keyword"])
            out["findings"] = [info("permission.title_granted", **base, title=title, keyword=tr["keyword"],
                                    granted=tr["right"], granted_zh=ZH[tr["right"]])]
        else:
            words = [w for r in implied(right) for w in CB["title_rule"][r + "_keywords"]]
            out["findings"] = [info("permission.title_no_match", **base, title=title, keywords="、".join(words))]
        return out
    names = [r.strip() for r in person.get("roles", []) if r.strip()] + ([title] if title else [])
    removed_hit = None
    for r in implied(right):
        hs, rm = effective(row, r, overrides)
        for h in hs:
            if h["role"] in names:
                out.update(allowed=True, rule=h["rule"], granted_right=r, matched_role=h["role"])
                code = "permission.granted_override" if h["rule"] == "override_add" else "permission.granted_default"
                out["findings"] = [info(code, **base, role=h["role"], granted=r, granted_zh=ZH[r])]
                return out
        if removed_hit is None:
            hit = [x for x in rm if x in names]
            removed_hit = (hit[0], r) if hit else None
    if removed_hit:
        out.update(rule="override_remove", matched_role=removed_hit[0])
        out["findings"] = [info("permission.removed_override", **base, role=removed_hit[0],
                                removed=removed_hit[1], removed_zh=ZH[removed_hit[1]])]
    else:
        out["findings"] = [info("permission.not_holder", **base, names="、".join(names) or "-")]
    return out


ok("the 16 rows of the seed, exactly", "permission.table", {}, {"rows": ROWS})

L = "permission.lookup"
for name, q in [("by app name", "上課yo"), ("by web module name", "新學生出缺席"),
                ("app name in capitals as the seed also writes it", "上課YO"),
                ("by alias 電子成績單", "電子成績單"), ("by the full app name with brackets", "成績查詢(電子成績單)"),
                ("app and module of the same name", "學生獎懲"), ("joined module name, one half", "健康系統同步"),
                ("the contact book has no module", "電子聯絡簿"), ("full-width letters", "上課ｙｏ"),
                ("surrounding spaces", "  智慧差勤系統 ")]:
    row, how = find(q)
    ok(f"lookup {name}", L, {"name": q}, {"matched_as": how, "row": row})
err("lookup of an unknown module", L, {"name": "午餐管理"}, "permission.unknown_module")
err("lookup of a blank name", L, {"name": " "}, "permission.unknown_module")

W = "permission.who_can"
for name, m, r, ov in [
    ("上課yo management: three roles split from one cell", "上課yo", "manage", []),
    ("上課yo edit: 導師, then the managers (management implies edit)", "新學生出缺席", "edit", []),
    ("roles separated by 、 in the seed", "校園出入", "manage", []),
    ("人事主任 holds 智慧差勤系統 management", "教師請假", "manage", []),
    ("override adds 營養師 to attendance management", "上課yo", "manage",
     [{"module": "新學生出缺席", "right": "manage", "add": ["營養師"]}]),
    ("override removes a default holder (幹事)", "上課yo", "manage",
     [{"module": "上課yo", "right": "manage", "remove": ["幹事"]}]),
    ("override removes 導師 from edit: managers still edit", "上課yo", "edit",
     [{"module": "上課yo", "right": "edit", "remove": ["導師"], "add": ["學務主任"]}]),
    ("override of another module changes nothing here", "學費pay", "manage",
     [{"module": "上課yo", "right": "manage", "add": ["營養師"]}]),
    ("contact book management: title words", "電子聯絡簿", "manage", []),
    ("contact book edit: edit words, then management words", "電子聯絡簿", "edit", []),
]:
    ok(f"who_can: {name}", W, {"module": m, "right": r, "overrides": ov}, who_can(m, r, ov))
ok("who_can: right written in Chinese", W, {"module": "學費pay", "right": "管理權"}, who_can("學費pay", "manage"))
err("who_can: unknown module", W, {"module": "午餐", "right": "manage"}, "permission.unknown_module")
err("who_can: unknown right", W, {"module": "上課yo", "right": "admin"}, E)
err("override naming an unknown module", W,
    {"module": "上課yo", "right": "manage", "overrides": [{"module": "午餐", "right": "manage", "add": ["x"]}]}, E)
err("override of the contact book (rights follow the title)", W,
    {"module": "上課yo", "right": "manage", "overrides": [{"module": "電子聯絡簿", "right": "edit", "add": ["幹事"]}]}, E)
err("override removing a role that is no default holder", W,
    {"module": "學費pay", "right": "manage", "overrides": [{"module": "學費pay", "right": "manage", "remove": ["會計"]}]}, E)
err("override adding and removing the same role", W,
    {"module": "上課yo", "right": "manage", "overrides": [
        {"module": "上課yo", "right": "manage", "remove": ["幹事"]},
        {"module": "新學生出缺席", "right": "manage", "add": ["幹事"]}]}, E)
err("override with nothing to do", W,
    {"module": "上課yo", "right": "manage", "overrides": [{"module": "上課yo", "right": "manage"}]}, E)
err("override with a blank role", W,
    {"module": "上課yo", "right": "manage", "overrides": [{"module": "上課yo", "right": "manage", "add": [" "]}]}, E)
err("override with an unknown field", W,
    {"module": "上課yo", "right": "manage", "overrides": [{"module": "上課yo", "right": "manage", "grant": ["x"]}]}, E)

K = "permission.can"
RM = [{"module": "上課yo", "right": "manage", "remove": ["幹事"]}]
ADD = [{"module": "上課yo", "right": "manage", "add": ["營養師"]}]
for name, person, m, r, ov in [
    ("a tutor (title 導師) edits attendance by default", {"title": "導師"}, "上課yo", "edit", []),
    ("a tutor cannot manage attendance", {"title": "導師", "roles": []}, "上課yo", "manage", []),
    ("生教組 manages attendance", {"title": "組長", "roles": ["生教組"]}, "新學生出缺席", "manage", []),
    ("生教組 may edit: management implies edit", {"roles": ["生教組"]}, "上課yo", "edit", []),
    ("override removes 幹事: the clerk is refused", {"title": "幹事", "roles": ["幹事"]}, "上課yo", "manage", RM),
    ("幹事 removed, but another role still holds it", {"roles": ["幹事", "學務處相關人員"]}, "上課yo", "manage", RM),
    ("override adds 營養師", {"title": "營養師"}, "上課yo", "manage", ADD),
    ("營養師 without an override", {"title": "營養師"}, "上課yo", "manage", []),
    ("roles are trimmed", {"roles": [" 出納 "]}, "學費pay", "manage", []),
    ("roles match exactly: 出納組 is not 出納", {"roles": ["出納組"]}, "學費pay", "manage", []),
    ("nobody: no title, no roles", {}, "學生查詢", "edit", []),
    ("contact book: title with both 主任 and 導師 manages (management wins)", {"title": "學務主任兼三年二班導師"}, "電子聯絡簿", "manage", []),
    ("contact book: 主任 and 導師 may edit too", {"title": "學務主任兼三年二班導師"}, "電子聯絡簿", "edit", []),
    ("contact book: a tutor cannot manage", {"title": "一年一班導師"}, "電子聯絡簿", "manage", []),
    ("contact book: subject teacher 科任 edits", {"title": "自然科任"}, "電子聯絡簿", "edit", []),
    ("contact book: roles do not count, only the title", {"title": "幹事", "roles": ["導師"]}, "電子聯絡簿", "edit", []),
    ("contact book: no title", {"roles": ["校長"]}, "電子聯絡簿", "manage", []),
    ("contact book: 資訊組長 manages", {"title": "資訊組長"}, "電子聯絡簿", "manage", []),
]:
    ok(f"can: {name}", K, {"person": person, "app_or_module": m, "right": r, "overrides": ov}, can(person, m, r, ov))
full = can({"title": "幹事", "roles": ["幹事"]}, "上課yo", "manage", RM)
full["findings"][0]["message_en"] = ("The school's ROOT module removed the default manage right of \"幹事\" "
                                     "on 上課yo / 新學生出缺席: the manage right is not allowed.")
full["findings"][0]["message_zh"] = "學校已於 ROOT 模組移除「幹事」在「上課yo／新學生出缺席」的管理權（預設原有），不可行使管理權。"
ok("can: override_remove message in both languages", K,
   {"person": {"title": "幹事", "roles": ["幹事"]}, "app_or_module": "上課yo", "right": "manage", "overrides": RM}, full)
err("can: unknown module", K, {"person": {"title": "導師"}, "app_or_module": "午餐", "right": "edit"}, "permission.unknown_module")
err("can: unknown person field", K, {"person": {"job": "導師"}, "app_or_module": "上課yo", "right": "edit"}, E)
err("can: a bad override is never ignored, even for the contact book", K,
    {"person": {"title": "校長"}, "app_or_module": "電子聯絡簿", "right": "manage",
     "overrides": [{"module": "學費pay", "right": "manage", "remove": ["校長"]}]}, E)

T = "permission.contact_book_right"
for t in ["校長", "教務主任", "人事主任", "資訊組長", "一年一班導師", "三年級級任", "英文科任", "專任輔導教師",
          "教務主任兼導師", "護理師", "", "ＩＴ資訊組長"]:
    ok(f"contact-book right of title {t!r}", T, {"title": t}, title_right(t))

V = "permission.attendance_view"


def view(person, ov=()):
    d = can(person, "新學生出缺席", "edit", ov)
    fs = list(d["findings"])
    if not d["allowed"]:
        fs.append(info("permission.attendance_counts_only"))
    return {"view": "per_student" if d["allowed"] else "class_counts", "decision": d, "findings": fs}


for name, person, ov in [("a dietitian gets class counts only", {"title": "營養師"}, []),
                         ("a tutor sees students", {"title": "導師"}, []),
                         ("a clerk holds management by default", {"roles": ["幹事"]}, []),
                         ("a clerk removed by the school gets counts only", {"roles": ["幹事"]}, RM)]:
    ok(f"attendance view: {name}", V, {"person": person, "overrides": ov}, view(person, ov))

A = "permission.absent_counts"
ABSENT = {"事假", "病假", "公假", "喪假", "生理假", "防疫假", "防疫照顧假", "曠課", "缺席", "personal_leave",
          "sick_leave", "official_leave", "bereavement_leave", "menstrual_leave", "epidemic_leave", "absent"}
PRESENT = {"出席", "到校", "遲到", "早退", "present", "late", "left_early"}


def counts(recs):
    days, errors = {}, []
    for i, r in enumerate(recs):
        st = r["status"].strip()
        key = st.lower() if st.isascii() else st
        if not r["class"].strip():
            errors.append({"index": i, "error": {"code": E, "params": {"field": f"records[{i}].class"}}})
        elif not r["student"].strip():
            errors.append({"index": i, "error": {"code": E, "params": {"field": f"records[{i}].student"}}})
        elif key not in ABSENT | PRESENT:
            errors.append({"index": i, "error": {"code": E, "params": {"field": f"records[{i}].status"}}})
        else:
            s = days.setdefault((r["class"].strip(), r["iso"]), set())
            if key in ABSENT:
                s.add(r["student"].strip())
    return {"counts": [{"class": c, "date": d, "absent": len(s)} for (c, d), s in sorted(days.items())],
            "errors": errors}


recs = [
    {"class": "101", "date": "110/12/07", "iso": "2021-12-07", "student": "王小明", "status": "病假"},
    {"class": "101", "date": "2021-12-07", "iso": "2021-12-07", "student": "李小華", "status": "事假"},
    {"class": "101", "date": "1101207", "iso": "2021-12-07", "student": "王小明", "status": "曠課"},
    {"class": "101", "date": "110/12/07", "iso": "2021-12-07", "student": "陳大同", "status": "遲到"},
    {"class": "101", "date": "110/12/08", "iso": "2021-12-08", "student": "王小明", "status": "出席"},
    {"class": " 102 ", "date": "110/12/07", "iso": "2021-12-07", "student": "S1020001", "status": "公假"},
    {"class": "102", "date": "110/12/07", "iso": "2021-12-07", "student": "S1020002", "status": "Sick_Leave"},
    {"class": "102", "date": "110/12/07", "iso": "2021-12-07", "student": "S1020003", "status": "早退"},
    {"class": "102", "date": "110/12/07", "iso": "2021-12-07", "student": "S1020004", "status": "請假中"},
    {"class": "", "date": "110/12/07", "iso": "2021-12-07", "student": "S1020005", "status": "病假"},
    {"class": "103", "date": "110/12/07", "iso": "2021-12-07", "student": " ", "status": "病假"},
    {"class": "103", "date": "110/12/07", "iso": "2021-12-07", "student": "林小美", "status": "生理假"},
]
strip = lambda rs: [{k: v for k, v in r.items() if k != "iso"} for r in rs]
ok("absent counts per class and day, no names, bad rows apart", A, {"records": strip(recs)}, counts(recs))
ok("absent counts: nothing given", A, {"records": []}, counts([]))
one = [{"class": "201", "date": "2021-12-07", "iso": "2021-12-07", "student": "甲", "status": "防疫照顧假"},
       {"class": "201", "date": "2021-12-07", "iso": "2021-12-07", "student": "乙", "status": "出席"}]
ok("absent counts: epidemic-care leave counts", A, {"records": strip(one)}, counts(one))
err("absent counts: a date that does not exist", A,
    {"records": [{"class": "101", "date": "110/02/30", "student": "x", "status": "病假"}]}, E)
err("absent counts: a record with a name field is refused", A,
    {"records": [{"class": "101", "date": "110/12/07", "student": "x", "status": "病假", "name": "x"}]}, E)

doc = {"rule": "permission",
       "description": "App ↔ web-module permissions of 新北校園通, overrides, the contact-book title rule and attendance minimisation (RULES §6).",
       "cases": C}
out = Path(__file__).resolve().parents[1] / "vectors" / "permission.json"
out.write_text(json.dumps(doc, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
print(f"{len(C)} cases → {out}")
