"""Writes tests/vectors/identity.json. Expected values come from RULES §2 via the
independent oracle in id_oracle.py and from offsets counted here by hand-checked
rules (bytes = UTF-8 length, chars = code points, utf16 = UTF-16 units)."""

import json
from pathlib import Path

import id_oracle as o

C = []


def ok(name, call, args, expect):
    C.append({"name": name, "call": call, "args": args, "expect": expect})


def err(name, call, args, code):
    C.append({"name": name, "call": call, "args": args, "error": code})


AREA = {"A": ("臺北市", False), "B": ("臺中市", False), "F": ("新北市", False), "L": ("臺中縣", True),
        "R": ("臺南縣", True), "S": ("高雄縣", True), "Y": ("陽明山管理局", True), "I": ("嘉義市", False),
        "O": ("新竹市", False), "W": ("金門縣", False), "X": ("澎湖縣", False), "Z": ("連江縣", False)}
KIND = {"1": "national_id", "2": "national_id", "8": "resident_new", "9": "resident_new",
        "A": "resident_old", "B": "resident_old", "C": "resident_old", "D": "resident_old"}
GENDER = {"1": "male", "2": "female", "8": "male", "9": "female", "A": "male", "C": "male",
          "B": "female", "D": "female"}


def masked(s):
    s = s.upper()
    return s[:3] + "****" + s[7:]


def id_expect(s, category=None):
    s = s.upper()
    e = {"kind": KIND[s[1]], "format_valid": True, "checksum_valid": o.checksum_ok(s),
         "gender": GENDER[s[1]], "masked": masked(s), "category": category}
    if s[0] in AREA:
        e["area"] = {"letter": s[0], "name_zh": AREA[s[0]][0], "retired": AREA[s[0]][1]}
    return e


NONE = {"kind": "none", "format_valid": False, "checksum_valid": False, "gender": None,
        "area": None, "category": None, "masked": None}
K = "identity.classify"
ok("RULES example: valid national ID", K, {"value": "A123456789"},
   {**id_expect("A123456789"), "area": {"letter": "A", "name_zh": "臺北市", "name_en": "Taipei City", "retired": False}})
ok("RULES example: valid new certificate", K, {"value": "A800000014"}, id_expect("A800000014", "foreign"))
ok("RULES example: valid old certificate", K, {"value": "AB12345677"}, id_expect("AB12345677"))
ok("RULES example: bad checksum", K, {"value": "A123456780"}, {**id_expect("A123456780"), "checksum_valid": False})
for s in ["A223456781", "AA23456787", "AB23456789", "AC23456781", "AD23456783", "A823456783", "A923456785"]:
    cat = None
    if s[1] in "89":
        cat = {"0": "foreign", "1": "foreign", "2": "foreign", "3": "foreign", "4": "foreign",
               "5": "foreign", "6": "foreign", "7": "national_without_household",
               "8": "hong_kong_macao", "9": "mainland_china"}[s[2]]
    ok(f"second character {s[1]}", K, {"value": s}, id_expect(s, cat))
for s in ["L123456788", "R123456783", "S123456784", "Y123456788"]:
    ok(f"retired letter {s[0]}", K, {"value": s}, id_expect(s))
for s in ["I123456781", "O123456782", "W123456789", "X123456787", "Z123456780", "F123456784"]:
    ok(f"letter {s[0]} has code {o.CODES[s[0]]}", K, {"value": s}, id_expect(s))
ok("new certificate category 7: national without household", K, {"value": "A870000006"},
   id_expect("A870000006", "national_without_household"))
ok("new certificate category 8: Hong Kong / Macao", K, {"value": "A980000001"},
   id_expect("A980000001", "hong_kong_macao"))
ok("new certificate category 9: mainland China", K, {"value": "A890000002"},
   id_expect("A890000002", "mainland_china"))
ok("new certificate category 6: foreign", K, {"value": "A860000003"}, id_expect("A860000003", "foreign"))
ok("lowercase", K, {"value": "a123456789"}, id_expect("A123456789"))
ok("lowercase old certificate", K, {"value": "ab12345677"}, id_expect("AB12345677"))
ok("full-width (IME)", K, {"value": "Ａ１２３４５６７８９"}, id_expect("A123456789"))
ok("full-width lowercase", K, {"value": "ａ１２３４５６７８９"}, id_expect("A123456789"))
ok("surrounding spaces", K, {"value": "  A123456789 \t"}, id_expect("A123456789"))
ok("ideographic spaces", K, {"value": "\u3000A123456789\u3000"}, id_expect("A123456789"))
ok("nine characters", K, {"value": "A12345678"}, NONE)
ok("eleven characters", K, {"value": "A1234567890"}, NONE)
ok("empty", K, {"value": ""}, NONE)
ok("spaces only", K, {"value": "   "}, NONE)
ok("second character 3 is no format", K, {"value": "A312345678"}, NONE)
ok("second character E is no format", K, {"value": "AE12345678"}, NONE)
ok("a letter among the digits", K, {"value": "A12345678X"}, NONE)
ok("digit first", K, {"value": "1123456789"}, NONE)
ok("space inside", K, {"value": "A12345 6789"}, NONE)
ok("CJK text", K, {"value": "王小明"}, NONE)
ok("control character", K, {"value": "A123456789\u0000"}, NONE)

P = "identity.classify_packed"
KIND_BITS = {"none": 0, "national_id": 1, "resident_old": 2, "resident_new": 3}
GENDER_BITS = {None: 0, "male": 1, "female": 2}


def packed(e):
    """The public one-byte layout of IdInfo::packed, from an expected classification."""
    return (KIND_BITS[e["kind"]] | e["format_valid"] << 2 | e["checksum_valid"] << 3
            | GENDER_BITS[e["gender"]] << 4)


classified = [(c["args"]["value"], c["expect"]) for c in C if c["call"] == K]
ok("packed: every classify input above, in order", P, {"values": [v for v, _ in classified]},
   {"codes": [packed(e) for _, e in classified]})
ok("packed: empty list", P, {"values": []}, {"codes": []})
ok("packed: valid, bad checksum, not an ID", P, {"values": ["A123456789", "A123456780", "user01"]},
   {"codes": [0x1D, 0x15, 0]})
ok("packed: female old certificate and male new certificate", P, {"values": ["AB12345677", "A800000014"]},
   {"codes": [packed(id_expect("AB12345677")), packed(id_expect("A800000014"))]})
ok("packed: the same value twice gives the same byte", P, {"values": ["F123456784", " f123456784 "]},
   {"codes": [packed(id_expect("F123456784"))] * 2})

N = "identity.normalize"
ok("normalize trims and uppercases", N, {"value": " a123456789 "}, {"value": "A123456789"})
ok("normalize folds full-width", N, {"value": "ａ１２３４５６７８９"}, {"value": "A123456789"})
ok("normalize leaves ASCII digits", N, {"value": "12345"}, {"value": "12345"})

M = "identity.mask"
ok("mask default", M, {"value": "A123456789"}, {"masked": "A12****789"})
ok("mask normalises first", M, {"value": " ａ１２３４５６７８９"}, {"masked": "A12****789"})
ok("mask a short value entirely", M, {"value": "abcdef"}, {"masked": "******"})
ok("mask with a policy", M, {"value": "A123456789", "policy": {"identity": {"mask_keep_start": 1, "mask_keep_end": 2, "mask_char": "#"}}},
   {"masked": "A#######89"})

A = "identity.check_account"
f_fmt = lambda k: {"code": "identity.account_id_format", "severity": "violation", "params": {"kind": k}}
f_real = {"code": "identity.account_real_id", "severity": "violation"}
ok("ID-shaped account with a valid checksum: two findings", A, {"name": "A123456789"},
   {"verdict": "fail", "id_format": True, "checksum_valid": True, "kind": "national_id",
    "local_part_masked": "A12****789", "findings": [f_fmt("national_id"), f_real]})
ok("ID-shaped account with a bad checksum: one finding", A, {"name": "A123456780"},
   {"verdict": "fail", "id_format": True, "checksum_valid": False, "findings": [f_fmt("national_id")]})
ok("lowercase e-mail-style name", A, {"name": "a123456789@apps.ntpc.edu.tw"},
   {"verdict": "fail", "local_part_masked": "A12****789", "findings": [f_fmt("national_id"), f_real]})
ok("old certificate shape", A, {"name": "ab12345670"},
   {"verdict": "fail", "kind": "resident_old", "checksum_valid": False, "findings": [f_fmt("resident_old")]})
ok("new certificate shape", A, {"name": "A800000014"},
   {"verdict": "fail", "kind": "resident_new", "findings": [f_fmt("resident_new"), f_real]})
ok("retired letter adds an info finding", A, {"name": "L123456788"},
   {"verdict": "fail", "findings": [f_fmt("national_id"), f_real,
    {"code": "identity.retired_area", "severity": "info", "params": {"letter": "L", "area": "臺中縣"}}]})
ok("full-width account name", A, {"name": "ｆ１２３４５６７８４"},
   {"verdict": "fail", "local_part_masked": "F12****784", "findings": [f_fmt("national_id"), f_real]})
for name in ["wang.xiaoming", "teacher01", "b1ackberry", "A31234567", "a3123456789", "lin_meihua@ntpc.edu.tw"]:
    local = name.split("@")[0]
    ok(f"ordinary account {name}", A, {"name": name},
       {"verdict": "pass", "id_format": False, "kind": "none", "local_part_masked": local, "findings": []})
ok("ID in the domain part does not count", A, {"name": "wang@A123456789"},
   {"verdict": "pass", "local_part_masked": "wang", "findings": []})

S = "identity.scan"


def m(start, end, cs, ce, us, ue, kind, chk, fw, mk):
    return {"start": start, "end": end, "char_start": cs, "char_end": ce, "utf16_start": us,
            "utf16_end": ue, "kind": kind, "checksum_valid": chk, "fullwidth": fw, "masked": mk}


ok("no ID in text", S, {"text": "今天天氣很好 123456789"}, {"matches": []})
ok("empty text", S, {"text": ""}, {"matches": []})
ok("one ID alone", S, {"text": "A123456789"}, {"matches": [m(0, 10, 0, 10, 0, 10, "national_id", True, False, "A12****789")]})
ok("after CJK characters (boundary)", S, {"text": "學生A123456789，家長"},
   {"matches": [m(6, 16, 2, 12, 2, 12, "national_id", True, False, "A12****789")]})
ok("after an emoji (UTF-16 counts two)", S, {"text": "😀 A123456789"},
   {"matches": [m(5, 15, 2, 12, 3, 13, "national_id", True, False, "A12****789")]})
ok("glued to a letter is not an ID", S, {"text": "XA123456789"}, {"matches": []})
ok("glued to a digit is not an ID", S, {"text": "A1234567890"}, {"matches": []})
ok("glued to a full-width digit is not an ID", S, {"text": "A123456789１"}, {"matches": []})
ok("several IDs, bad checksum reported too", S, {"text": "A123456789, a123456780;AB12345677\nA800000014"},
   {"matches": [m(0, 10, 0, 10, 0, 10, "national_id", True, False, "A12****789"),
                m(12, 22, 12, 22, 12, 22, "national_id", False, False, "A12****780"),
                m(23, 33, 23, 33, 23, 33, "resident_old", True, False, "AB1****677"),
                m(34, 44, 34, 44, 34, 44, "resident_new", True, False, "A80****014")]})
fw = "Ｆ１２３４５６７８４"
ok("full-width ID in text", S, {"text": "證號" + fw + "。"},
   {"matches": [m(6, 36, 2, 12, 2, 12, "national_id", True, True, "F12****784")]})
ok("mixed full-width and ASCII", S, {"text": "F12345678４"},
   {"matches": [m(0, 12, 0, 10, 0, 10, "national_id", True, True, "F12****784")]})
ok("at the end of the text", S, {"text": "末尾 Z123456780"},
   {"matches": [m(7, 17, 3, 13, 3, 13, "national_id", True, False, "Z12****780")]})
ok("a long run of digits is no ID", S, {"text": "A" + "1" * 60}, {"matches": []})
ok("repeating ID-like pattern glued together", S, {"text": "A1A1A1A1A1A1A1A1A1A1A1"}, {"matches": []})
ok("phone and order numbers are not IDs", S, {"text": "0912345678 / ORD1234567 / B1234567"}, {"matches": []})
ok("scan with a policy mask", S, {"text": "x A123456789", "policy": {"identity": {"mask_keep_start": 1, "mask_keep_end": 0}}},
   {"matches": [{"start": 2, "masked": "A*********"}]})
ok("scan limit from the policy", S, {"text": "A123456789", "policy": {"limits": {"scan_max_bytes": 100}}},
   {"matches": [{"start": 0}]})
err("scan over the policy's size limit", S, {"text": "A123456789 and more", "policy": {"limits": {"scan_max_bytes": 10}}},
    "input.too_large")

R = "identity.redact"
ok("redact one", R, {"text": "身分證A123456789號"}, {"text": "身分證A12****789號"})
ok("redact full-width to masked ASCII", R, {"text": "證號" + fw + "。"}, {"text": "證號F12****784。"})
ok("redact leaves glued tokens", R, {"text": "XA123456789 A123456789"}, {"text": "XA123456789 A12****789"})
ok("redact nothing", R, {"text": "沒有個資"}, {"text": "沒有個資"})

U = "identity.check_ubn"
for v in ["04595257", "10458575", "22099131", "10458570"]:
    ok(f"UBN {v} valid", U, {"value": v}, {"format_valid": True, "checksum_valid": True, "seventh_digit_rule": False})
ok("UBN 10458574 valid by the 7th-digit rule", U, {"value": "10458574"},
   {"format_valid": True, "checksum_valid": True, "seventh_digit_rule": True})
ok("UBN 12345678 invalid", U, {"value": "12345678"}, {"format_valid": True, "checksum_valid": False, "seventh_digit_rule": False})
ok("UBN full-width digits", U, {"value": "０４５９５２５７"}, {"format_valid": True, "checksum_valid": True})
for v, why in [("1234567", "seven digits"), ("123456789", "nine digits"), ("1234567A", "a letter"), ("", "empty")]:
    ok(f"UBN with {why}", U, {"value": v}, {"format_valid": False, "checksum_valid": False, "seventh_digit_rule": False})

assert o.checksum_ok("F123456784") and o.checksum_ok("Z123456780") and not o.checksum_ok("A123456780")
doc = {"rule": "identity", "description": "Taiwan ID numbers, the custom-account rule, text scans and UBN (RULES §2).", "cases": C}
out = Path(__file__).resolve().parents[1] / "vectors" / "identity.json"
out.write_text(json.dumps(doc, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
print(len(C), "cases")
