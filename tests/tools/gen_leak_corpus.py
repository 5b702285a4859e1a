"""Writes tests/vectors/leak/corpus.json: the shared leak corpus of issue 14 §1
("Redaction must not leak"), run by every binding (tests/vectors/leak/README.md).

For each form an ID number can be written in, PER_FORM valid IDs (national, old
and new resident certificates, check digits from id_oracle.py) are embedded in
Chinese text from a fixed seed. Each item is {form, in_scope, text, id, options};
`options` is the ScanOptions object to redact with. Independent of the Rust code:
nothing here is copied from the core's output."""

import base64
import json
import random
from pathlib import Path

import id_oracle as o

PER_FORM = 200
rng = random.Random(0x14_1EA4)

BEFORE = ["學生", "家長", "身分證字號：", "證號", "申請人", "聯絡人王小明，", "備註：", "個資："]
AFTER = ["", "。", "，電話", "號", "\n", "（已核對）", " 請查收"]
PLAIN = {"html": False, "loose": False}
HTML = {"html": True, "loose": False}
LOOSE = {"html": False, "loose": True}


def random_id():
    prefix = rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ") + rng.choice("12ABCD89")
    prefix += "".join(rng.choice("0123456789") for _ in range(7))
    return o.complete(prefix)


def ctx(written):
    return rng.choice(BEFORE) + written + rng.choice(AFTER)


def invisible(ch):
    def write(i):
        chars = list(i)
        for _ in range(rng.randint(1, 3)):
            chars.insert(rng.randint(1, len(chars) - 1), ch)
        return ctx("".join(chars))
    return write


def json_escape(i):
    return json.dumps({"m": rng.choice(BEFORE) + i + rng.choice(AFTER)})  # ensure_ascii: \\uXXXX


def url_percent(i):
    pct = "".join(f"%{b:02X}" for b in rng.choice(BEFORE).encode("utf-8"))
    return f"GET /q?m={pct}{i}&x=1"


def html_split(i):
    tags = ["<b>", "</b>", '<span class="x">', "</span>", "<!-- -->", "<br/>"]
    s = "<p>" + rng.choice(BEFORE)
    for k, c in enumerate(i):
        if k > 0 and rng.random() < 0.4:
            s += rng.choice(tags)
        s += c
    return s + "</p>"


# Mathematical alphanumeric styles without reserved holes: capital A / digit 0.
MATH_UPPER = [0x1D400, 0x1D468, 0x1D4D0, 0x1D56C, 0x1D5A0, 0x1D5D4, 0x1D608, 0x1D63C, 0x1D670]
MATH_DIGIT = [0x1D7CE, 0x1D7D8, 0x1D7E2, 0x1D7EC, 0x1D7F6]


def math(i):
    out = ""
    for c in i:
        if c.isdigit():
            out += chr(rng.choice(MATH_DIGIT) + int(c))
        else:
            out += chr(rng.choice(MATH_UPPER) + ord(c) - ord("A"))
    return ctx(out)


def enclosed(i):
    out = ""
    for k, c in enumerate(i):
        if c == "0":
            out += "⓪"
        elif c.isdigit():
            out += chr(0x2460 + int(c) - 1)  # ① … ⑨
        elif rng.random() < 0.5:
            out += chr(0x24B6 + ord(c) - ord("A"))  # Ⓐ … Ⓩ
        else:
            out += c
    return ctx(out)


def fullwidth(i):
    return ctx("".join(chr(ord(c) + 0xFEE0) if rng.random() < 0.75 else c for c in i))


def grouped(sep):
    return lambda i: ctx(sep.join([i[:1], i[1:4], i[4:7], i[7:]]))


def arabic_indic(i):
    return ctx("".join(chr(0x0660 + int(c)) if c.isdigit() else c for c in i))


def b64(i):
    return "payload=" + base64.b64encode(ctx(i).encode("utf-8")).decode("ascii") + " end"


def entities(i):
    return ctx("".join(f"&#{ord(c)};" for c in i))


FORMS = [
    ("plain", True, PLAIN, lambda i: ctx(i)),
    ("zero_width_space", True, PLAIN, invisible("\u200b")),
    ("zero_width_non_joiner", True, PLAIN, invisible("\u200c")),
    ("zero_width_joiner", True, PLAIN, invisible("\u200d")),
    ("word_joiner", True, PLAIN, invisible("\u2060")),
    ("soft_hyphen", True, PLAIN, invisible("\u00ad")),
    ("bom", True, PLAIN, invisible("\ufeff")),
    ("json_escape_before", True, PLAIN, json_escape),
    ("url_percent_before", True, PLAIN, url_percent),
    ("url_space_before", True, PLAIN, lambda i: f"GET /q?m=ID%20{i}%20ok"),
    ("literal_newline_before", True, PLAIN, lambda i: ctx("\\n" + i)),
    ("literal_tab_before", True, PLAIN, lambda i: ctx("\\t" + i)),
    ("html_split", True, HTML, html_split),
    ("math_alphanumeric", True, PLAIN, math),
    ("enclosed_digits", True, PLAIN, enclosed),
    ("fullwidth", True, PLAIN, fullwidth),
    ("loose_space", True, LOOSE, grouped(" ")),
    ("loose_dash", True, LOOSE, lambda i: ctx(f"{i[:4]}-{i[4:7]}-{i[7:]}")),
    ("loose_nbsp", True, LOOSE, grouped("\u00a0")),
    ("loose_ideographic_space", True, LOOSE, grouped("\u3000")),
    ("arabic_indic_digits", False, PLAIN, arabic_indic),
    ("base64", False, PLAIN, b64),
    ("html_entities", False, HTML, entities),
]

items = []
for form, in_scope, options, write in FORMS:
    for _ in range(PER_FORM):
        i = random_id()
        items.append({"form": form, "in_scope": in_scope, "text": write(i), "id": i, "options": options})

doc = {
    "description": "Leak corpus of issue 14 §1: redact each text with its options; a leak is a redacted "
                   "text whose reader view (README.md) still contains the ID. In-scope forms must not leak.",
    "per_form": PER_FORM,
    "forms": [{"form": f, "in_scope": s, "options": opt} for f, s, opt, _ in FORMS],
    "items": items,
}
out = Path(__file__).resolve().parents[1] / "vectors" / "leak" / "corpus.json"
out.write_text(json.dumps(doc, ensure_ascii=False, indent=None, separators=(",", ":")).replace('},{"form"', '},\n{"form"') + "\n", encoding="utf-8")
print(len(items), "items,", out.stat().st_size, "bytes")
