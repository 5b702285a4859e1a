"""Writes tests/vectors/parent.json (RULES §5; seed 000 PART FIVE 家長資料).

The phone oracle below reads numbers with regular expressions, from RULES §5 and
the decisions documented in core/src/parent (0 + 2-8 is a landline, a lost
leading 0 is suggested back, only +886 mobiles register); the family oracle
follows the seed's "姓名欄位及行動電話欄位缺一不可". No code is shared with the core.
"""

import json
import re
import unicodedata
from pathlib import Path

C = []
E = "input.invalid_argument"


def ok(name, call, args, expect):
    C.append({"name": name, "call": call, "args": args, "expect": expect})


def err(name, call, args, code):
    C.append({"name": name, "call": call, "args": args, "error": code})


def res(kind, normalized=None, problem=None, suggestion=None):
    return {"kind": kind, "valid": kind == "mobile", "normalized": normalized, "problem": problem,
            "suggestion": suggestion}


def phone(text):
    t = text.strip()
    if not t:
        return res("empty")
    if len(t) > 64:
        return res("invalid", problem="too_long")
    t = unicodedata.normalize("NFKC", t).strip()
    if re.search(r"#|ext|分機", t, re.I):
        return res("landline")
    if not re.fullmatch(r"\+?[0-9 \-./()\u2010-\u2015]*", t):
        return res("invalid", problem="bad_characters")
    digits = re.sub(r"\D", "", t)
    if not digits:
        return res("invalid", problem="not_a_phone_number")
    m = re.fullmatch(r"(?:\+|00)(\d*)", "+" + digits if t.startswith("+") else digits) if (
        t.startswith("+") or digits.startswith("00")) else None
    if m:
        cc = m.group(1)
        if not cc.startswith("886"):
            return res("invalid", problem="foreign_number")
        national = "0" + re.sub(r"^0", "", cc[3:])
    elif re.fullmatch(r"8860?9\d{8}", digits):
        national = "0" + re.sub(r"^0", "", digits[3:])
    else:
        national = digits
    if re.fullmatch(r"09\d{8}", national):
        return res("mobile", national)
    if national.startswith("09"):
        return res("invalid", problem="wrong_length")
    if re.match(r"0[2-8]", national):
        return res("landline")
    if re.fullmatch(r"9\d{8}", national):
        return res("invalid", problem="leading_zero_missing", suggestion="0" + national)
    if re.fullmatch(r"[1-9]\d{6,7}", national):
        return res("landline")
    return res("invalid", problem="not_a_phone_number")


N = "parent.normalize_mobile"
for name, text in [
    ("plain ten digits", "0912345678"),
    ("dashes 0912-345-678", "0912-345-678"),
    ("spaces 0912 345 678", "0912 345 678"),
    ("dots", "0912.345.678"),
    ("+886912345678", "+886912345678"),
    ("+886 912 345 678", "+886 912 345 678"),
    ("+886-912-345-678", "+886-912-345-678"),
    ("+886 with the trunk 0 kept", "+886 (0)912 345 678"),
    ("00886 international prefix", "00886912345678"),
    ("bare 886 and nine digits", "886912345678"),
    ("full-width digits typed with the IME", "０９１２－３４５－６７８"),
    ("surrounding spaces", "  0933111222 "),
    ("landline with area code 02", "02-2960-3456"),
    ("landline in parentheses", "(02)29603456"),
    ("landline, area code 037", "037-123456"),
    ("landline in international form", "+886 2 2960 3456"),
    ("landline without area code", "2960-3456"),
    ("number with an extension", "02-2960-3456#123"),
    ("nine digits: one too few", "091234567"),
    ("eleven digits: one too many", "09123456789"),
    ("leading 0 lost by a spreadsheet", "912345678"),
    ("Hong Kong mobile", "+852 9123 4567"),
    ("Japanese mobile", "+81 90-1234-5678"),
    ("letters in the number", "0912-ABC-678"),
    ("a note instead of a number", "請洽母親"),
    ("too few digits", "12"),
    ("only a plus sign", "+"),
    ("blank", "   "),
    ("over 64 characters", "0" * 65),
]:
    ok(f"mobile: {name}", N, {"text": text}, phone(text))
err("mobile: not a string", N, {"text": 912345678}, E)

WHO = {"father": "father", "mother": "mother", "guardian1": "guardian 1", "guardian2": "guardian 2"}
SLOT_ZH = {"father": "父親", "mother": "母親", "guardian1": "監護人1", "guardian2": "監護人2"}
PLACEHOLDERS = {"無", "不詳", "未知", "略", "無資料", "none", "n/a", "na", "null"}
SEV = {"parent.not_listed": "info"}


def name_ok(n):
    t = (n or "").strip()
    return bool(t) and any(ch.isalpha() for ch in t) and t.lower() not in PLACEHOLDERS


def contact(slot, index, c):
    who = f"other contact {index + 1}" if slot == "other" else WHO[slot]
    who_zh = f"其他連絡人{index + 1}" if slot == "other" else SLOT_ZH[slot]
    sev = "warning" if slot == "other" else "violation"
    raw = c.get("mobile") or ""
    p = phone(raw)
    typed = bool((c.get("name") or "").strip())
    listed = typed or p["kind"] != "empty"
    good_name = name_ok(c.get("name"))
    fs = []

    def f(code, severity, **extra):
        return {"code": code, "severity": severity, "params": {"who": who, "who_zh": who_zh, **extra}}

    if not listed:
        if slot != "other":
            fs.append(f("parent.not_listed", "info"))
    else:
        if not good_name:
            fs.append(f("parent.missing_name", sev))
        if p["kind"] == "empty":
            fs.append(f("parent.missing_mobile", sev))
        elif p["kind"] == "landline":
            fs.append(f("parent.landline", sev, input=raw.strip()))
        elif p["kind"] == "invalid":
            zh = {"bad_characters": "含有數字以外的字元", "wrong_length": "位數不對",
                  "leading_zero_missing": "開頭的 0 不見了，試算表常會刪去", "foreign_number": "不是臺灣（+886）門號",
                  "not_a_phone_number": "不是臺灣的電話號碼", "too_long": "內容過長"}[p["problem"]]
            fs.append(f("parent.invalid_mobile", sev, input=raw.strip(), problem=p["problem"], problem_zh=zh))
    rel = (c.get("relation") or "").strip() or None
    return {"slot": slot, "index": index, "who": who, "name": (c.get("name") or "").strip() if good_name else None,
            "relation": rel, "listed": listed, "mobile": p, "can_register": good_name and p["valid"],
            "findings": fs}


def family(rec):
    cs = [contact(s, None, rec.get(s) or {}) for s in ("father", "mother", "guardian1", "guardian2")]
    cs += [contact("other", i, c) for i, c in enumerate(rec.get("others", []))]
    regs = [{"slot": c["slot"], "index": c["index"], "name": c["name"], "mobile": c["mobile"]["normalized"]}
            for c in cs if c["can_register"]]
    fs = [x for c in cs for x in c["findings"]]
    if not regs:
        fs.append({"code": "parent.nobody_can_register", "severity": "violation", "params": {}})
    sev = {x["severity"] for x in fs}
    v = "fail" if "violation" in sev else "warn" if "warning" in sev else "pass"
    st = (rec.get("student") or "").strip() or None
    return {"student": st, "verdict": v, "registrants": regs, "contacts": cs, "findings": fs}


F = "parent.check"
dad = {"name": "王大明", "mobile": "0912-345-678"}
mom = {"name": "李美麗", "mobile": "+886 933 111 222"}
g1 = {"name": "王阿公", "mobile": "0955000111"}
g2 = {"name": "王阿嬤", "mobile": "0955000222"}
for name, rec in [
    ("all four filled: everyone registers", {"student": "301-05", "father": dad, "mother": mom, "guardian1": g1, "guardian2": g2}),
    ("father and mother only: guardians not listed", {"father": dad, "mother": mom}),
    ("father without a mobile number", {"father": {"name": "王大明", "mobile": ""}, "mother": mom}),
    ("mother with a mobile number but no name", {"father": dad, "mother": {"name": " ", "mobile": "0933111222"}}),
    ("mother's field holds a landline", {"father": dad, "mother": {"name": "李美麗", "mobile": "(02)2960-3456"}}),
    ("malformed numbers: too short and a lost leading 0",
     {"father": {"name": "王大明", "mobile": "0912-345-67"}, "mother": {"name": "李美麗", "mobile": "933111222"}}),
    ("name is a placeholder 無", {"father": {"name": "無", "mobile": "0912345678"}, "mother": mom}),
    ("name of digits only", {"guardian1": {"name": "0000", "mobile": "0912345678"}}),
    ("only another contact can register (grandmother)",
     {"others": [{"name": "陳奶奶", "mobile": "0988-777-666", "relation": " 祖母 "}]}),
    ("another contact half filled: a warning, not a violation",
     {"father": dad, "others": [{"name": "舅舅", "mobile": None}, {"name": "阿姨", "mobile": "0911222333"}]}),
    ("empty record: nobody can register", {}),
    ("everyone listed but nobody usable", {"father": {"name": "王大明", "mobile": "02-2222-3333"},
                                           "mother": {"name": "", "mobile": "0933111222"}}),
    ("guardian 2 typed in full width", {"guardian2": {"name": "林小姐", "mobile": "０９７７　１２３　４５６"}}),
    ("foreign mobile of a parent abroad", {"father": {"name": "Tom Lee", "mobile": "+1 415 555 0100"}, "mother": mom}),
    ("father and mother share one number: both register", {"father": dad, "mother": {"name": "李美麗", "mobile": "0912345678"}}),
]:
    ok(f"family: {name}", F, {"family": rec}, family(rec))
full = family({"father": dad, "mother": {"name": "李美麗", "mobile": "02-2960-3456"}})
full["findings"][0]["message_zh"] = "母親的行動電話欄填的是市話「02-2960-3456」；家長 APP 須以手機號碼（09 開頭共 10 碼）註冊。"
full["findings"][0]["message_en"] = ("The mother's mobile number field holds a landline (\"02-2960-3456\"); "
                                     "the parent app registers with a mobile number (10 digits starting with 09).")
ok("family: landline message in both languages", F,
   {"family": {"father": dad, "mother": {"name": "李美麗", "mobile": "02-2960-3456"}}}, full)
err("family: unknown slot", F, {"family": {"grandmother": dad}}, E)
err("family: unknown contact field", F, {"family": {"father": {"name": "王大明", "phone": "0912345678"}}}, E)
err("family: mobile given as a number", F, {"family": {"father": {"name": "王大明", "mobile": 912345678}}}, E)
err("family: others not a list", F, {"family": {"others": dad}}, E)
fams = [{"student": "A", "father": dad}, {"student": "B"}]
ok("many families, in input order", "parent.check_many", {"families": fams}, [family(x) for x in fams])

doc = {"rule": "parent",
       "description": "Parent-app registration from a student's family record; Taiwan mobile numbers (RULES §5).",
       "cases": C}
out = Path(__file__).resolve().parents[1] / "vectors" / "parent.json"
out.write_text(json.dumps(doc, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
print(f"{len(C)} cases → {out}")
