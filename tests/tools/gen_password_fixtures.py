#!/usr/bin/env python3
"""Generates the evaluation sets of the weak-password detection (issue 22):
tests/fixtures/passwords/*.json. Deterministic (fixed seeds).

Every password in every set passes the composition rule (8+ characters, 3 of the
4 ASCII classes), as in the issue's measurement.

- a_heldout.json (A'): common passwords dressed the way users dress them. The base
  words are drawn from ranks 10,001-20,000 of the same list whose ranks 1-10,000
  are embedded (`@zxcvbn-ts/language-common@4.1.3` passwords.json), so the rate
  measures generalisation, not lookup.
- a_top.json (A, as in the issue): the 510 most common passwords of that list,
  dressed the same way (these base words ARE embedded; reported for comparison).
- b_taiwan.json (B'): Taiwan-typical passwords: Zhuyin-typed phrases that are not
  in the embedded phrase list, romanised names with birthdays, organisation words
  with Gregorian and ROC years, keyboard walks (QWERTY, Zhuyin order, keypad),
  Chinese in pinyin and English favourites.
- random_strong.json: 1,000 passwords of 12 characters drawn uniformly from the 94
  characters of the four classes (redrawn until 3 classes are present).

Needs the npm tarball (fetched with `npm pack`, or from $NPM_PACKS) and pypinyin:

    /tmp/v/bin/pip install pypinyin==0.53.0
    /tmp/v/bin/python tests/tools/gen_password_fixtures.py
"""

from __future__ import annotations

import json
import random
import string
from pathlib import Path

import gen_password_data as data
from pypinyin import Style, pinyin

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "tests" / "fixtures" / "passwords"

HELDOUT_RANKS = (10_000, 20_000)  # 0-based slice of passwords.json
A_SIZE = 600
TOP_SIZE = 510
SPECIALS = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"
ALPHABET = string.ascii_uppercase + string.ascii_lowercase + string.digits + SPECIALS

# Chinese phrases NOT in gen_password_data.PHRASES (asserted below).
HELDOUT_PHRASES = """
我愛媽媽 我愛爸爸 好好學習 天天向上 新年快樂 聖誕快樂 中秋快樂 我要上學 春天 夏天 秋天 冬天
下雨天 我的電腦 我的學校 我的老師 上課 下課 吃飯 好累 好餓 睡覺 回家 放假 暑假 寒假 考試
作業 數學 英文 國語 自然 社會 體育 音樂 美術 班長 同學 小朋友 大家好 謝謝老師 老師好
珍珠奶茶 牛肉麵 小籠包 臭豆腐 夜市 阿里山 日月潭 玉山 墾丁 九份 我愛你們 永遠愛你 一路順風
身體健康 新北加油 我的帳號 資訊中心 教育部 我的名字 我好帥 我最棒 台灣第一 寶貝女兒 我的寶貝
""".split()

ORG = ["ntpc", "Ntpc", "NTPC", "xinbei", "Xinbei", "newtaipei", "NewTaipei", "edu", "Edu"]
WORDS_TW_EN = [
    "iloveyou",
    "Iloveyou",
    "passw0rd",
    "Passw0rd",
    "taiwan",
    "Taiwan",
    "teacher",
    "Teacher",
    "student",
    "School",
    "Admin",
    "welcome",
    "Welcome",
    "hello",
    "Hello",
    "Sunshine",
    "Princess",
    "Dragon",
    "Monkey",
    "Master",
]


def composition_ok(p: str) -> bool:
    classes = sum(
        [
            any(c.isupper() for c in p),
            any(c.islower() for c in p),
            any(c.isdigit() for c in p),
            any(c in SPECIALS for c in p),
        ]
    )
    return len(p) >= 8 and classes >= 3


def fix_composition(p: str, r: random.Random) -> str:
    """Adds what a user adds when the form says no: a capital, a digit, a symbol,
    then digits until it is long enough."""
    if not any(c.isupper() for c in p) and not composition_ok(p):
        i = next((i for i, c in enumerate(p) if c.isalpha()), None)
        if i is not None:
            p = p[:i] + p[i].upper() + p[i + 1 :]
    if not any(c.isdigit() for c in p) and not composition_ok(p):
        p += r.choice(["1", "123", "2021"])
    if not any(c in SPECIALS for c in p) and not composition_ok(p):
        p += r.choice("!!!@#.")
    while len(p) < 8:
        p += r.choice(["1", "2", "3", "!", "123"])
    if not composition_ok(p):
        p = "A" + p + "!" if not any(c.isalpha() for c in p) else p + "!"
    return p


LEET = {"a": "@", "o": "0", "e": "3", "i": "1", "s": "$"}


def dress(word: str, r: random.Random) -> str:
    """A common password the way users dress it: capitals, l33t, digits, years,
    ROC years, symbols (`Password1!`, `Dragon@2021`, `M0nk3y!`, `Shadow123.`)."""
    p = word
    if r.random() < 0.25:
        p = "".join(LEET[c] if c in LEET and r.random() < 0.7 else c for c in p)
    x = r.random()
    if x < 0.65:
        p = p[:1].upper() + p[1:]
    elif x < 0.72:
        p = p.upper()
    suffixes = [
        "1",
        "12",
        "123",
        "1234",
        "!",
        "@",
        ".",
        "#",
        "01",
        "88",
        "007",
        "520",
        "1!",
        "123!",
        "!@#",
        "#1",
        "?",
    ]
    year = str(r.randint(1990, 2025))
    roc = str(r.randint(70, 114))
    x = r.random()
    if x < 0.45:
        p += r.choice(suffixes)
    elif x < 0.65:
        p += r.choice(["", "@", "#", "!", "."]) + year
    elif x < 0.75:
        p += r.choice(["", "@", "#"]) + roc
    elif x < 0.85:
        p += year + r.choice(["!", ".", "@"])
    elif x < 0.92:
        p = r.choice(["!", "@", "1", "#"]) + p + r.choice(["1", "!", "2021"])
    else:
        p += str(r.randint(0, 99)) + r.choice(["!", "", "."])
    if not any(c.isalpha() for c in p):
        p = r.choice(["A", "Aa", "a"]) + p
    return fix_composition(p, r)


def set_a(passwords: list[str], lo: int, hi: int, size: int | None, seed: int) -> list[dict]:
    r = random.Random(seed)
    bases = passwords[lo:hi]
    if size is not None:
        bases = r.sample(bases, size)
    return [{"password": dress(b, r), "base": b} for b in bases]


def zhuyin_of(phrase: str, keep_space: bool) -> str:
    sylls = [s[0] for s in pinyin(phrase, style=Style.BOPOMOFO)]
    keys = "".join(data.zhuyin_keys(s) for s in sylls).rstrip(" ")
    return keys if keep_space else keys.replace(" ", "")


SYLLABLES = None


def random_name(r: random.Random) -> str:
    global SYLLABLES
    if SYLLABLES is None:
        SYLLABLES = sorted(data.all_pinyin_syllables())
    surname = r.choice(data.surname_list()[:60]).split()[0:3]
    sur = r.choice(surname)
    given = [r.choice(data.romanised(r.choice(SYLLABLES))) for _ in range(r.choice([1, 2, 2]))]
    style = r.random()
    if style < 0.35:
        return sur.capitalize()
    if style < 0.6:
        return sur.capitalize() + "".join(given)
    if style < 0.8:
        return "".join(g[0] for g in given) + sur
    return "".join(given).capitalize()


def random_birthday(r: random.Random) -> str:
    y, m, d = r.randint(1960, 2015), r.randint(1, 12), r.randint(1, 28)
    roc = y - 1911
    return r.choice(
        [
            f"{m:02d}{d:02d}",
            f"{y}{m:02d}{d:02d}",
            f"{y % 100:02d}{m:02d}{d:02d}",
            f"{roc:03d}{m:02d}{d:02d}",
            f"{roc:02d}{m:02d}{d:02d}",
            str(y),
            f"{y}.{m:02d}.{d:02d}",
        ]
    )


WALKS = [
    "1qaz",
    "2wsx",
    "3edc",
    "qaz",
    "wsx",
    "zaq1",
    "xsw2",
    "qwer",
    "asdf",
    "zxcv",
    "qwe",
    "asd",
    "zxc",
    "1234",
    "4321",
    "1q2w",
    "3e4r",
    "147258",
    "369",
    "159357",
    "qwerty",
    "asdfgh",
    "zxcvbn",
    "!qaz",
    "@wsx",
    "1qaz2wsx",
    "5tgb",
    "6yhn",
    "7ujm",
    "qazwsx",
    "123qwe",
    "qweasd",
    "poiu",
    "lkjh",
    "mnbv",
    "0okm",
    "9ijn",
    "8uhb",
]


def walk_password(r: random.Random) -> str:
    parts = [r.choice(WALKS) for _ in range(r.choice([2, 2, 3]))]
    p = "".join(parts)
    x = r.random()
    if x < 0.4:
        p = p[:1].upper() + p[1:] if p[0].isalpha() else p
    elif x < 0.6:
        # Shift held for the second part (1qaz@WSX).
        first = parts[0]
        rest = "".join(parts[1:])
        shifted = rest.upper().translate(str.maketrans("1234567890", "!@#$%^&*()"))
        p = first + shifted
    if r.random() < 0.5:
        p += r.choice(["!", "@", "#", "!@#", "."])
    return fix_composition(p, r)


def pinyin_of(phrase: str) -> str:
    return "".join(s[0] for s in pinyin(phrase, style=Style.NORMAL))


def set_b(seed: int) -> list[dict]:
    r = random.Random(seed)
    out = []
    assert not set(HELDOUT_PHRASES) & set(data.PHRASES)
    for phrase in HELDOUT_PHRASES:
        # The keys the IME needs, inner tone-1 spaces included (the final one is
        # never typed).
        keys = zhuyin_of(phrase, keep_space=True)
        p = keys[:1].upper() + keys[1:] if keys[0].isalpha() and r.random() < 0.7 else keys
        p += r.choice(["!", "", "123", str(r.randint(1990, 2025)), "@", "."])
        out.append({"password": fix_composition(p, r), "kind": "zhuyin"})
    for _ in range(50):
        p = random_name(r) + r.choice(["", "", ".", "@", "_", "#"]) + random_birthday(r)
        p += r.choice(["", "!", "", "."])
        out.append({"password": fix_composition(p, r), "kind": "name_birthday"})
    for _ in range(30):
        year = r.choice([str(r.randint(1990, 2030)), str(r.randint(79, 119))])
        p = r.choice(ORG) + r.choice(["@", "#", "!", "", ".", "_"]) + year
        p += r.choice(["", "!", ""])
        out.append({"password": fix_composition(p, r), "kind": "organisation_year"})
    for _ in range(40):
        out.append({"password": walk_password(r), "kind": "keyboard"})
    for phrase in ["我愛你", "我的密碼", "寶貝", "老婆", "我愛台灣", "新北", "媽媽", "快樂"]:
        p = pinyin_of(phrase)
        p = p.capitalize() + r.choice(["520", "1314", "123!", "2021", "!", "@88"])
        out.append({"password": fix_composition(p, r), "kind": "pinyin"})
    for w in WORDS_TW_EN:
        p = w + r.choice(["1!", "2021", "@110", "123!", "!", "#1", "520"])
        out.append({"password": fix_composition(p, r), "kind": "favourite"})
    return out


def random_strong(n: int, seed: int) -> list[str]:
    r = random.Random(seed)
    out = []
    while len(out) < n:
        p = "".join(r.choice(ALPHABET) for _ in range(12))
        if composition_ok(p):
            out.append(p)
    return out


def write(name: str, description: str, items: list) -> None:
    for it in items:
        pw = it if isinstance(it, str) else it["password"]
        assert composition_ok(pw), pw
    doc = {"description": description, "count": len(items), "passwords": items}
    text = json.dumps(doc, ensure_ascii=False, indent=1) + "\n"
    (OUT / name).write_text(text, encoding="utf-8")
    print(f"{name}: {len(items)}")


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    packs = data.npm_packs()
    common = json.loads((packs["common"] / "src" / "passwords.json").read_text())
    lo, hi = HELDOUT_RANKS
    write(
        "a_heldout.json",
        "A': passwords.json ranks 10,001-20,000 of @zxcvbn-ts/language-common@4.1.3 "
        "(not embedded; ranks 1-10,000 are), 600 drawn with seed 22, dressed.",
        set_a(common, lo, hi, A_SIZE, 22),
    )
    write(
        "a_top.json",
        "A (the issue's set): the 510 most common passwords of "
        "@zxcvbn-ts/language-common@4.1.3 (embedded), dressed with seed 23.",
        set_a(common, 0, TOP_SIZE, None, 23),
    )
    write(
        "b_taiwan.json",
        "B': Taiwan-typical passwords, seed 24: Zhuyin-typed phrases not in the embedded "
        "list, romanised names with birthdays, organisation words with years, keyboard "
        "walks, pinyin and favourites.",
        set_b(24),
    )
    write(
        "random_strong.json",
        "1,000 random passwords: 12 characters uniform over the 94 characters of the "
        "four classes, seed 25, redrawn until 3 classes are present.",
        random_strong(1000, 25),
    )


if __name__ == "__main__":
    main()
