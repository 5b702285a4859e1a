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
ok("blank account name: a finding, never a pass", A, {"name": ""},
   {"verdict": "fail", "id_format": False, "findings": [{"code": "identity.account_blank", "severity": "violation"}]})
ok("spaces and a domain only: blank", A, {"name": "  @apps.ntpc.edu.tw"},
   {"verdict": "fail", "findings": [{"code": "identity.account_blank", "severity": "violation"}]})
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

# ---- Issue 14 §1: redaction must not leak. Folds, invisible characters, escapes
# glued before an ID, and the two opt-in modes (options {html, loose}).


def u16(s):
    return len(s.encode("utf-16-le")) // 2


def mm(prefix, span, id_, **flags):
    """A match of `id_` written as `span` right after `prefix`: offsets in bytes,
    characters and UTF-16 units counted from the strings themselves."""
    e = {"start": len(prefix.encode()), "end": len(prefix.encode()) + len(span.encode()),
         "char_start": len(prefix), "char_end": len(prefix) + len(span),
         "utf16_start": u16(prefix), "utf16_end": u16(prefix) + u16(span),
         "kind": KIND[id_[1]], "checksum_valid": o.checksum_ok(id_), "masked": masked(id_)}
    for f in ["fullwidth", "folded", "invisible", "separated", "tagged"]:
        e[f] = flags.get(f, False)
    return e


HTML = {"html": True}
LOOSE = {"loose": True}
INVISIBLE = [("zero-width space", "\u200b"), ("zero-width non-joiner", "\u200c"),
             ("zero-width joiner", "\u200d"), ("word joiner", "\u2060"), ("soft hyphen", "\u00ad"),
             ("U+FEFF", "\ufeff"), ("left-to-right mark", "\u200e"), ("variation selector 16", "\ufe0f")]
for name, ch in INVISIBLE:
    span = "A12" + ch + "3456789"
    ok(f"{name} inside an ID is looked through", S, {"text": "學生" + span + "。"},
       {"matches": [mm("學生", span, "A123456789", invisible=True)]})
ok("several invisible characters, the span covers them", S, {"text": "證號F\u200b1\u00ad2345678\ufeff4號"},
   {"matches": [mm("證號", "F\u200b1\u00ad2345678\ufeff4", "F123456784", invisible=True)]})
ok("invisible characters around an ID are not in its span", S, {"text": "\u200bA123456789\u200b"},
   {"matches": [mm("\u200b", "A123456789", "A123456789")]})
ok("glued through an invisible character is still glued", S, {"text": "X\u200dA123456789"}, {"matches": []})
ok("glued after through an invisible character", S, {"text": "A123456789\u200b7"}, {"matches": []})

# Escapes glued before an ID, as logs write them.
json_text = '{"m": "\\u5b78\\u751fA123456789"}'   # Python json.dumps({"m": "學生A123456789"})
ok("JSON \\uXXXX escape before", S, {"text": json_text},
   {"matches": [mm('{"m": "\\u5b78\\u751f', "A123456789", "A123456789")]})
for name, prefix in [("URL percent-encoding before", "m=%E5%AD%B8%E7%94%9F"), ("URL %20 before", "q=ID%20"),
                     ("lowercase percent-encoding before", "%e7%94%9f"),
                     ("literal \\n before", "學生\\n"), ("literal \\t before", "學生\\t"),
                     ("literal \\r before", "\\r"), ("Python \\x escape before", "b'\\xe7\\x94\\x9f"),
                     ("Python \\U escape before", "\\U0001f600")]:
    ok(name, S, {"text": prefix + "B223456781" + "%20ok"}, {"matches": [mm(prefix, "B223456781", "B223456781")]})
ok("an escape glued before an ID in full-width", S, {"text": "%20Ａ１２３４５６７８９"},
   {"matches": [mm("%20", "Ａ１２３４５６７８９", "A123456789", fullwidth=True)]})
ok("a run that is an ID itself wins over its escape", S, {"text": "\\nA12345677"},
   {"matches": [mm("\\", "nA12345677", "NA12345677")]})
for name, text in [("% before a non-hex letter is glue", "%ZA123456789"),
                   ("backslash before a letter that escapes nothing is glue", "\\qA123456789"),
                   ("\\u with three hex digits is glue", "\\u75fA123456789"),
                   ("an escape does not make a short run an ID", "%20A12345678")]:
    ok(name, S, {"text": text}, {"matches": []})

# Characters that fold (NFKC) to one ASCII letter or digit.
math = "".join(chr(0x1D400) if c == "A" else chr(0x1D7CE + int(c)) for c in "A123456789")
ok("mathematical bold letters and digits", S, {"text": "學生" + math + "。"},
   {"matches": [mm("學生", math, "A123456789", folded=True)]})
circled = "A" + "".join(chr(0x2460 + int(c) - 1) for c in "123456789")
ok("circled digits", S, {"text": "證號" + circled}, {"matches": [mm("證號", circled, "A123456789", folded=True)]})
mixed = "Ⓑ２⓪⓪⓪⓪⓪⓪¹" + "7"
bid = "B200000017"
ok("circled letter, full-width, superscript", S, {"text": mixed},
   {"matches": [mm("", mixed, bid, folded=True, fullwidth=True)]})
ok("Roman numeral one as the letter I", S, {"text": "\u2160123456781"},
   {"matches": [mm("", "\u2160123456781", "I123456781", folded=True)]})
ok("⑩ is two characters' fold: a boundary, not an ID", S, {"text": "A1234567⑩"}, {"matches": []})
ok("classify reads ⑩ as 10 (NFKC of the whole value)", K, {"value": "A1234567⑩"},
   {"kind": "national_id", "format_valid": True, "masked": "A12****710"})
ok("Arabic-Indic digits are out of scope", S, {"text": "A١٢٣٤٥٦٧٨٩"}, {"matches": []})
ok("HTML entities are out of scope", S, {"text": "&#65;123456789", "options": HTML}, {"matches": []})

# classify and normalize drop invisible characters (decided: a reader sees the ID).
ok("classify looks through invisible characters", K, {"value": "A12\u200b3456789"}, id_expect("A123456789"))
ok("classify looks through a soft hyphen and U+FEFF", K, {"value": "\ufeffF12345\u00ad6784"}, id_expect("F123456784"))
ok("normalize drops invisible characters", N, {"value": "a12\u200d3456789\u00ad"}, {"value": "A123456789"})
ok("account name with a zero-width space is ID-shaped", A, {"name": "a12\u200b3456789@apps.ntpc.edu.tw"},
   {"verdict": "fail", "id_format": True, "kind": "national_id", "local_part_masked": "A12****789",
    "findings": [f_fmt("national_id"), f_real]})

# HTML mode.
ok("HTML: tags split the ID", S, {"text": "<b>A</b>123456789", "options": HTML},
   {"matches": [mm("<b>", "A</b>123456789", "A123456789", tagged=True)]})
ok("HTML: without the option, tags are boundaries", S, {"text": "<b>A</b>123456789"}, {"matches": []})
ok("HTML: an ID may start after a tag glued to a letter", S, {"text": "X<br>A123456789", "options": HTML},
   {"matches": [mm("X<br>", "A123456789", "A123456789")]})
ok("HTML: the ID plus a digit across a tag is eleven", S, {"text": "<b>A</b>1234567890", "options": HTML},
   {"matches": []})
ok("HTML: < that opens no tag is a boundary", S, {"text": "1 < A123456789 > 0", "options": HTML},
   {"matches": [mm("1 < ", "A123456789", "A123456789")]})
ok("HTML: a comment and a tag with attributes inside", S,
   {"text": "<td>A1<!-- x -->2345<span class=\"n\">6789</span></td>", "options": HTML},
   {"matches": [mm("<td>", "A1<!-- x -->2345<span class=\"n\">6789", "A123456789", tagged=True)]})
ok("HTML: after an escape, the ID after it wins over one a tag ends inside it", S,
   {"text": "\\tB20000000<b>4", "options": HTML},
   {"matches": [mm("\\t", "B20000000<b>4", "B200000004", tagged=True)]})
ok("HTML: entities are not decoded", S, {"text": "A&#49;23456789", "options": HTML}, {"matches": []})
ok("HTML and invisible characters together", S, {"text": "<i>A</i>12\u200b3456789", "options": HTML},
   {"matches": [mm("<i>", "A</i>12\u200b3456789", "A123456789", tagged=True, invisible=True)]})

# Tolerant mode.
for name, span in [("spaces 1-3-3-3", "A 123 456 789"), ("dashes 4-3-3", "A123-456-789"),
                   ("one gap after the letter", "A 123456789"), ("spaces 4-3-3", "A123 456 789"),
                   ("no-break spaces", "A\u00a0123\u00a0456\u00a0789"),
                   ("ideographic spaces", "A\u3000123\u3000456\u3000789"),
                   ("em dashes", "A123\u2014456\u2014789"), ("full-width hyphen-minus", "A123\uff0d456\uff0d789"),
                   ("a gap of three separators", "A - 123 - 456 - 789")]:
    ok(f"loose: {name}", S, {"text": "身分證：" + span + "。", "options": LOOSE},
       {"matches": [mm("身分證：", span, "A123456789", separated=True)]})
    ok(f"default: {name} is not an ID", S, {"text": "身分證：" + span + "。"}, {"matches": []})
ok("loose: a plain ID is still found", S, {"text": "A123456789", "options": LOOSE},
   {"matches": [mm("", "A123456789", "A123456789")]})
for name, span in [("a gap after the 3rd character", "A12 3456789"), ("a gap of four spaces", "A 123    456 789"),
                   ("every character spaced", "A 1 2 3 4 5 6 7 8 9")]:
    ok(f"loose: {name} is no ID", S, {"text": span, "options": LOOSE}, {"matches": []})
ok("loose: a gap ends an ID (the next number is another)", S,
   {"text": "A 123 456 789 0912 345 678", "options": LOOSE},
   {"matches": [mm("", "A 123 456 789", "A123456789", separated=True)]})
ok("loose: a word before, separated by a space", S, {"text": "ID A123 456 789", "options": LOOSE},
   {"matches": [mm("ID ", "A123 456 789", "A123456789", separated=True)]})
ok("loose and HTML together", S, {"text": "<b>A</b> 123 456 789", "options": {"html": True, "loose": True}},
   {"matches": [mm("<b>", "A</b> 123 456 789", "A123456789", tagged=True, separated=True)]})
err("unknown option", S, {"text": "A123456789", "options": {"html": True, "strict": True}}, "input.invalid_argument")

R_ = R
ok("redact: the whole span goes, invisible characters included", R_, {"text": "ID: A12\u00ad3456789."},
   {"text": "ID: A12****789."})
ok("redact: JSON escape before", R_, {"text": json_text}, {"text": '{"m": "\\u5b78\\u751fA12****789"}'})
ok("redact: URL", R_, {"text": "GET /q?m=%E5%AD%B8%E7%94%9FA123456789&x=1"},
   {"text": "GET /q?m=%E5%AD%B8%E7%94%9FA12****789&x=1"})
ok("redact: mathematical letters become masked ASCII", R_, {"text": "學生" + math + "。"}, {"text": "學生A12****789。"})
ok("redact: HTML keeps the tags", R_, {"text": "<td><b>A</b>12<!-- x -->3456789</td>", "options": HTML},
   {"text": "<td><b>A</b>12<!-- x -->****789</td>"})
ok("redact: loose groups become one masked ID", R_, {"text": "電話 A 123 456 789 結束", "options": LOOSE},
   {"text": "電話 A12****789 結束"})
ok("redact: CRLF kept", R_, {"text": "A123456789\r\nB223456781\r\n"}, {"text": "A12****789\r\nB22****781\r\n"})

# ---- Files: bytes in, bytes out (identity.scan_bytes / identity.redact_bytes).
SB = "identity.scan_bytes"
RB = "identity.redact_bytes"


def hx(b):
    return b.hex()


text = "學生A123456789\r\n"
for name, enc, bom, data in [
    ("UTF-16LE without BOM", "utf-16le", False, text.encode("utf-16-le")),
    ("UTF-16BE without BOM", "utf-16be", False, text.encode("utf-16-be")),
    ("UTF-16LE with BOM", "utf-16le", True, b"\xff\xfe" + text.encode("utf-16-le")),
    ("UTF-16BE with BOM", "utf-16be", True, b"\xfe\xff" + text.encode("utf-16-be")),
    ("UTF-8 with BOM", "utf-8", True, b"\xef\xbb\xbf" + text.encode()),
    ("UTF-8", "utf-8", False, text.encode()),
    ("Big5", "big5", False, text.encode("big5")),
]:
    ok(f"scan bytes: {name}", SB, {"data_hex": hx(data)},
       {"encoding": enc, "bom": bom, "matches": [mm("學生", "A123456789", "A123456789")]})
ok("scan bytes: CJK UTF-16LE without BOM (一 = U+4E00 has a NUL low byte)", SB,
   {"data_hex": hx("一二三四 A123456789 一".encode("utf-16-le"))},
   {"encoding": "utf-16le", "bom": False, "matches": [mm("一二三四 ", "A123456789", "A123456789")]})
spaced = "學生S\u3000B83\u3000183\u3000908"
ok("scan bytes: UTF-16LE without BOM, ideographic spaces put NULs on both sides", SB,
   {"data_hex": hx(spaced.encode("utf-16-le")), "options": LOOSE},
   {"encoding": "utf-16le", "bom": False, "matches": [mm("學生", spaced[2:], "SB83183908", separated=True)]})
ok("scan bytes: UTF-16LE mathematical letters (NULs of U+DC00 on the even side)", SB,
   {"data_hex": hx(("證號" + math + "，").encode("utf-16-le"))},
   {"encoding": "utf-16le", "bom": False, "matches": [mm("證號", math, "A123456789", folded=True)]})
ok("scan bytes: text given as a string is UTF-8", SB, {"data": "證號A123456789"},
   {"encoding": "utf-8", "bom": False, "matches": [mm("證號", "A123456789", "A123456789")]})
ok("scan bytes: options apply", SB, {"data_hex": hx("<b>A</b>123456789".encode("utf-16-le")), "options": HTML},
   {"encoding": "utf-16le", "matches": [mm("<b>", "A</b>123456789", "A123456789", tagged=True)]})
ok("scan bytes: no ID in readable text", SB, {"data_hex": hx("沒有個資\r\n".encode("utf-16-le"))},
   {"encoding": "utf-16le", "bom": False, "matches": []})
err("scan bytes: undecodable bytes are an error, never 0 found", SB, {"data_hex": "410aff41ff"},
    "import.bad_encoding")
err("scan bytes: UTF-16 by its NULs but a lone surrogate", SB,
    {"data_hex": hx("A123456789".encode("utf-16-le")) + "00d8"}, "import.bad_encoding")
err("scan bytes: over the size limit", SB, {"data": "A123456789", "policy": {"limits": {"scan_max_bytes": 4}}},
    "input.too_large")

csv = "\ufeff姓名,證號\r\n王小明,A123456789\r\n李小華,Ｂ２２３４５６７８１\r\n"
csv_out = "\ufeff姓名,證號\r\n王小明,A12****789\r\n李小華,B22****781\r\n"
ok("redact bytes: UTF-8 BOM and CRLF kept", RB, {"data_hex": hx(csv.encode())},
   {"data_hex": hx(csv_out.encode()), "encoding": "utf-8", "bom": True,
    "matches": [{"masked": "A12****789"}, {"masked": "B22****781", "fullwidth": True}]})
ok("redact bytes: UTF-16LE with BOM stays UTF-16LE", RB, {"data_hex": hx(b"\xff\xfe" + csv[1:].encode("utf-16-le"))},
   {"data_hex": hx(b"\xff\xfe" + csv_out[1:].encode("utf-16-le")), "encoding": "utf-16le", "bom": True})
ok("redact bytes: UTF-16BE without BOM stays so", RB, {"data_hex": hx(csv[1:].encode("utf-16-be"))},
   {"data_hex": hx(csv_out[1:].encode("utf-16-be")), "encoding": "utf-16be", "bom": False})
big5 = "姓名,證號\r\n王小明,A123456789\r\n"
ok("redact bytes: Big5 stays Big5", RB, {"data_hex": hx(big5.encode("big5"))},
   {"data_hex": hx(big5.replace("A123456789", "A12****789").encode("big5")), "encoding": "big5", "bom": False})
ok("redact bytes: HTML mode keeps tags", RB, {"data": "<p><b>A</b>12\u200b3456789</p>\n", "options": HTML},
   {"data_hex": hx("<p><b>A</b>12****789</p>\n".encode()), "encoding": "utf-8"})
ok("redact bytes: nothing to mask, bytes unchanged", RB, {"data_hex": hx("沒有個資\r\n".encode("utf-16-be"))},
   {"data_hex": hx("沒有個資\r\n".encode("utf-16-be")), "encoding": "utf-16be", "matches": []})
err("redact bytes: undecodable", RB, {"data_hex": "ff41ff"}, "import.bad_encoding")

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
