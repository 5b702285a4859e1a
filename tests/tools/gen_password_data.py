#!/usr/bin/env python3
"""Generates the data of the weak-password detection: core/src/password/data/*.txt.

Issue 22 asks for a real common-password corpus from a permissively licensed source
(its licence recorded), the Taiwan-typical seeds with it, Taiwanese romanised names,
Zhuyin-typed phrases and the Zhuyin syllables. Everything here is deterministic:
running the script twice gives the same files.

Sources (exact names and versions; all MIT, see core/src/password/data/README.md):

- npm `@zxcvbn-ts/language-common@4.1.3`, `src/passwords.json`: the common-password
  list (ranks 1..PASSWORDS_TOP are embedded; the ranks after it are held out for the
  evaluation set, see gen_password_fixtures.py).
- npm `zxcvbn@4.4.2`, `lib/frequency_lists.js`: English words (`english_wikipedia`,
  `us_tv_and_film`), first names (`female_names`, `male_names`) and `surnames`.
- PyPI `pypinyin==0.53.0`: readings of the hand-picked Chinese phrases, surnames and
  given-name characters below, and the inventory of Mandarin syllables (in Zhuyin).

The hand-picked lists (Taiwan seeds, surnames, given-name characters, phrases) are
written here and are part of this project (MIT like the rest).

Needs `npm` on PATH (the tarballs are fetched with `npm pack` into a temporary
directory, or read from $NPM_PACKS if it holds them already) and pypinyin:

    python3 -m venv /tmp/v && /tmp/v/bin/pip install pypinyin==0.53.0
    /tmp/v/bin/python tests/tools/gen_password_data.py
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import tarfile
import tempfile
from pathlib import Path

from pypinyin import Style, pinyin
from pypinyin.pinyin_dict import pinyin_dict

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "core" / "src" / "password" / "data"

PACKAGES = {
    "common": "@zxcvbn-ts/language-common@4.1.3",
    "zxcvbn": "zxcvbn@4.4.2",
}
# How much of each list is embedded (rank order). Sizes are chosen so that the
# embedded text stays a few hundred KB; `common_passwords` ranks after
# PASSWORDS_TOP are the held-out range of the evaluation set.
PASSWORDS_TOP = 10_000
ENGLISH_TOP = 12_000
TV_TOP = 6_000
SURNAMES_TOP = 2_000
FIRST_NAMES_TOP = 2_500  # female_names; male_names is small and kept whole
MAX_WORD = 32

# ---------------------------------------------------------------------------------
# Taiwan-typical seeds (moved here from core/src/password/gen_weak_passwords.py).
# Ordered roughly by how common they are: the rank is the line number. The short
# ones near the top (aa, 520, 1314, 168, 007) are the decorations Taiwanese users
# put around a password (Aa + digits, 我愛你 = 520, 一生一世 = 1314, 一路發 = 168).

TAIWAN = """
aa123456 aa 520 1314 abc 168 007 qq ntpc1234 qaz123wsx 1qaz2wsx 1qaz@wsx zaq12wsx a123456
a12345678 a123456789
qwer1234 asdf1234 zxcv1234 abcd1234 iloveyou woaini 5201314 520520 1314520 woaini1314
ntpc ntpc123 ntpc12345 ntpc123456 ntpcedu newtaipei xinbei sinbei taiwan taiwan123
taipei taipei101 passw0rd p@ssw0rd p@ssword pa$$w0rd 1qaz2wsx3edc qazwsxedc qweasdzxc
147258369 741852963 159357 147258 123qwe 123qweasd qwe123 asd123 zxc123 qq123456
aaa123 aa1234 aa112233 aa123123 a123123 a1234567 a2345678 ap12345 ab123456 abc123456
521521 5211314 1314521 520131 168168 1688 6868 8888 88888888 9999 0000 147147
school school123 teacher teacher123 student student123 admin1234 ntpcadmin schooladmin
teacher01 student01 classroom office office123 office365 edu123 edu1234 moe moe123
wang123 chen123 lin123 linlin chenchen wangwang happy123 sweet123 angel123 baby123
hellokitty doraemon pikachu naruto kaohsiung taichung tainan keelung hsinchu taoyuan
yilan hualien taitung pingtung chiayi changhua nantou miaoli yunlin penghu kinmen
matsu formosa banqiao banciao panchiao sanchong sanchung zhonghe jhonghe chungho
yonghe yungho xinzhuang sinjhuang hsinchuang xindian sindian hsintien tucheng shulin
luzhou lujhou tamsui danshui ruifang yingge sanxia sanhsia xizhi sijhih hsichih linkou
wugu taishan bali jinshan wanli pingxi shuangxi gongliao shimen sanzhi shenkeng
shiding pinglin wulai luzhou ntpu ntnu ntu nccu ncku nthu nctu
mima wodemima nihao baobei laopo laogong xiaobao tiantian kuaile xingfu aiqing
xiexie zaoan wanan jiayou aini xiangni xihuan mama baba gege jiejie meimei didi
wangxiaoming xiaoming xiaomei xiaohua zhongguo zhonghua minguo huaren
woaiwojia woaitaiwan taiwanno1 taiwanjiayou
""".split()

# The rest of the old hand-picked seed list (the top of the public lists, kept with
# the Taiwan seeds so that `is_common` keeps its meaning).
TOP = """
123456 123456789 12345678 12345 1234567 1234567890 123123 111111 000000 1234
password password1 password123 qwerty qwerty123 qwerty1 qwertyuiop abc123 abc12345
1q2w3e4r 1q2w3e4r5t 1q2w3e !qaz2wsx zaq1@wsx qazwsx qaz123 123456a 123456aa
12345qwert 1234abcd 1234qwer 123abc a1b2c3 a1b2c3d4 1a2b3c4d q1w2e3r4 q1w2e3r4t5
1q2w3e4r5t6y 1qazxsw2 2wsx3edc changeme default secret test test123 test1234
admin admin123 administrator root guest login welcome welcome1 welcome123 letmein
""".split()

# ---------------------------------------------------------------------------------
# The old generated list (formerly core/src/password/weak_passwords.txt): the seeds
# above plus mechanical variations. Kept whole for `is_common` (exact match), so the
# list matches exactly what it matched before issue 22.

OLD_TOP = """
123456 123456789 12345678 12345 1234567 1234567890 123123 111111 000000 1234
password password1 password123 passw0rd p@ssw0rd p@ssword pa$$w0rd pa$$word
qwerty qwerty123 qwerty1 qwertyuiop abc123 abc12345 abcd1234 iloveyou 1q2w3e4r
1q2w3e4r5t 1q2w3e 1qaz2wsx 1qaz@wsx 1qaz!qaz !qaz2wsx zaq12wsx zaq1@wsx qazwsx
qazwsxedc qaz123wsx qaz123 123qwe 123qweasd qweasd qweasdzxc asdf1234 asdfgh
asdfghjkl zxcvbnm zxcvbn zxcv1234 qwer1234 monkey dragon letmein trustno1 welcome
welcome1 welcome123 admin admin123 admin1234 administrator root toor guest
login master shadow sunshine princess football baseball superman batman michael
jordan jordan23 hello hello123 freedom whatever starwars access access14 mustang
charlie donald 654321 666666 888888 777777 555555 121212 112233 123321 123654
159753 159357 147258 147258369 741852963 987654321 9876543210 0987654321 1111111
11111111 00000000 88888888 12341234 11223344 1234qwer 123abc a123456 a12345678
aa123456 aa12345678 abc123456 a1b2c3 a1b2c3d4 1a2b3c4d ab123456 q1w2e3r4
q1w2e3r4t5 1q2w3e4r5t6y 1qazxsw2 2wsx3edc changeme default secret test test123
test1234 testing user user123 demo demo123 temp temp123 pass pass123 pass1234
passwd 1password password! password@ password12 password1234 iloveyou1
iloveyou2 loveyou love123 lovely 123456a 123456aa 123456abc 12345a 12345abc
12345qwert qwert 1234abcd abcdef abcdefg abcdefgh abcde abcd qazxsw qazxswedc
google gmail yahoo facebook apple samsung microsoft windows linux ubuntu
computer internet secret1 hunter2 killer soccer hockey ranger buster thomas
tigger robert daniel andrew jessica ashley jennifer michelle nicole hannah
pepper ginger cookie cheese summer winter spring autumn flower butterfly
purple orange banana chocolate pokemon pikachu naruto doraemon hellokitty
""".split()

OLD_TAIWAN = """
aa123456 aa 520 1314 abc 168 007 qq ntpc1234 ntpc ntpc.edu ntpc.edu.tw ntpc123 ntpc12345 ntpc123456
ntpc@1234 ntpc#1234 ntpc!1234 ntpcedu ntpcedu123 ntpc2021 ntpc2022 ntpc110
ntpc111 ntpc@110 ntpc@111 newtaipei newtaipei123 ntpcschool qaz123wsx
zaq12wsx 1qaz@wsx 1qaz2wsx3edc a123456 a1234567 a12345678 a123456789 aa1234
aaa123 aaa123456 aa112233 aa123123 a123123 520520 5201314 1314520 521521
5211314 520131 1314 520 woaini woaini1314 woaini520 iloveu 1314521 147147
taiwan taiwan123 taiwan1234 taipei taipei101 taipei123 kaohsiung taichung
tainan school school123 school1234 teacher teacher123 teacher1234 student
student123 student1234 admin1234 abcd1234 asdf1234 qwer1234 zxcv1234 ntpcadmin
schooladmin teacher01 student01 classroom office office123 office365 edu123
edu1234 edu.tw moe moe123 moe1234 classa class1 ap12345 a2345678 qq123456
qwe123 qwe123456 asd123 asd123456 zxc123 zxc123456 wang123 chen123 lin123
linlin chenchen wangwang 88888888 168168 1688 6868 8888 9999 0000 happy123
happybirthday sweet123 angel123 baby123 babe123 jesus jesus123 bobo123
""".split()

OLD_WORDS = """
password passwd pass admin root user guest test login welcome hello love
iloveyou monkey dragon master shadow sunshine princess football baseball
basketball soccer superman batman letmein qwerty abc abcd abcde abcdef
computer internet secret default changeme school teacher student taiwan taipei
newtaipei ntpc ntpcedu edu class office service system manager server google
gmail apple samsung asus acer windows wifi mail email kitty hellokitty angel
baby summer winter spring autumn tiger happy lucky sweet honey cookie pokemon
naruto starwars jordan michael jessica daniel charlie qaz qazwsx zxc asd asdf
qwe qwer zxcv xiaoming woaini chen wang lin huang zhang chang liu tsai yang
lee huang wu cheng kuo hsu chiu library lab computer classroom principal
director staff office network security backup
""".split()

OLD_SUFFIXES = "1 12 123 1234 12345 123456 ! @ 01 88 110 111 2020 2021 2022 2023 @123 123!".split()

OLD_LEET_WORDS = """
password admin welcome school teacher student taiwan taipei master dragon
monkey qwerty iloveyou sunshine princess football superman computer
""".split()

OLD_WALKS = [
    "1234567890",
    "0987654321",
    "qwertyuiop",
    "poiuytrewq",
    "asdfghjkl",
    "lkjhgfdsa",
    "zxcvbnm",
    "mnbvcxz",
    "1qaz2wsx3edc4rfv5tgb6yhn",
    "qazwsxedcrfvtgbyhn",
    "zaq1xsw2cde3vfr4",
    "1q2w3e4r5t6y7u8i9o0p",
    "q1w2e3r4t5y6u7i8o9p0",
    "qweasdzxc",
    "147258369",
    "741852963",
    "159357",
    "zxcasdqwe",
    "1qazxsw23edc",
    "!qaz@wsx#edc",
    "!@#$%^&*()",
    "!@#$%^",
]


def old_list() -> list[str]:
    """The exact list the old generator wrote (same rules, same output)."""
    entries = set(OLD_TOP) | set(OLD_TAIWAN)
    leet_table = {"a": "@", "o": "0", "i": "1", "e": "3", "s": "$"}
    for w in OLD_WORDS:
        entries |= {w} | {w + s for s in OLD_SUFFIXES}
    for w in OLD_LEET_WORDS:
        lw = "".join(leet_table.get(c, c) for c in w)
        entries |= {lw} | {lw + s for s in OLD_SUFFIXES}
    for walk in OLD_WALKS:
        for n in range(4, len(walk) + 1):
            entries.add(walk[:n])
    for y in range(1950, 2031):
        entries |= {str(y), "a" + str(y), "aa" + str(y)}
    for y in range(60, 116):
        entries.add("ntpc" + str(y))
    for d in "0123456789abcdefghijklmnopqrstuvwxyz":
        for n in range(4, 13):
            entries.add(d * n)
    digits = "01234567890"
    for start in range(10):
        for n in range(6, 11 - start):
            entries.add(digits[start : start + n])
    for base in ["123", "1234", "12345", "abc", "abcd", "qwe", "asd", "qaz", "520", "1314"]:
        entries.add(base * 2)
        entries.add(base * 3)
    return sorted(
        e
        for e in (x.lower() for x in entries)
        if e and e.isascii() and len(e) <= 64 and "\n" not in e and e == e.strip()
    )


# ---------------------------------------------------------------------------------
# Taiwanese surnames, most common first (內政部 姓名分析 2018 order, top 100 and a few
# compound surnames), and other spellings in use (Hokkien, Hakka, Cantonese,
# passports of older generations).

SURNAMES = (
    "陳林黃張李王吳劉蔡楊許鄭謝郭洪曾邱廖賴周徐蘇葉莊呂江何蕭羅高潘簡朱鍾游彭詹胡施沈余盧"
    "梁趙顏柯翁魏孫戴范方宋鄧杜傅侯曹薛丁卓阮馬董温唐藍石蔣古紀姚連馮歐程湯田康姜白汪鄒尤"
    "巫鐘黎涂龔嚴韓袁金童陸夏柳邵錢伍倪溫于譚駱熊任甘秦顧毛章史官萬俞雷粘饒"
)
COMPOUND_SURNAMES = ["張簡", "歐陽", "范姜", "司馬", "諸葛", "上官"]
OTHER_SPELLINGS = {
    "陳": "tan chan chun",
    "林": "lim lam",
    "黃": "ng wong hwang ooi",
    "張": "cheung teo chong",
    "李": "lee lei",
    "王": "ong wong",
    "吳": "ng goh woo",
    "劉": "lau lew",
    "蔡": "chua choi tsoi",
    "楊": "yeo yeung young",
    "許": "khoo hui koh",
    "鄭": "tay cheang",
    "謝": "tse sia chia",
    "郭": "kwok quek koay",
    "洪": "ang hung",
    "曾": "tsang chan",
    "邱": "khoo yau",
    "廖": "liau",
    "賴": "lye",
    "周": "chow chau",
    "徐": "tsui chee",
    "蘇": "soo so",
    "葉": "yip yap",
    "莊": "chong ch'ng",
    "呂": "lui lyu",
    "江": "kong kang",
    "何": "ho hoh",
    "蕭": "siu siew",
    "羅": "law loh",
    "高": "ko koh",
    "潘": "poon phua",
    "朱": "chu chow",
    "鍾": "chung",
    "游": "yau iu",
    "彭": "pang phang",
    "胡": "wu woo",
    "沈": "sim shum",
    "余": "yee yu",
    "盧": "lo lou",
    "梁": "leung neo",
    "趙": "chiu chew",
    "顏": "gan ngan",
    "柯": "kua koa",
    "魏": "ngui",
    "孫": "suen",
    "戴": "tai tay",
    "范": "fan huan",
    "宋": "soong sung",
    "鄧": "tang teng",
    "杜": "toh",
    "侯": "hau",
    "薛": "sit",
    "丁": "ting teng",
    "卓": "toh cheuk",
    "阮": "yuen nguyen",
    "馬": "mah",
    "董": "tung",
    "温": "wan woon",
    "溫": "wan woon",
    "唐": "tong",
    "石": "shek chio",
}

# Common characters of given names in Taiwan (both sexes), most common first.
GIVEN = (
    "家宇志明俊傑偉宏建文嘉豪承恩冠廷育庭柏翰哲維凱祥信誠智仁勇德民政忠宗泰昌榮平龍健強正元"
    "中祖振耀輝光鴻勝和順福成賢良英怡婷雅欣惠美玲芳淑君如慧珍秀麗萍雯琪瑩穎涵筑宜佳安昱瑋"
    "翔銘彥辰軒睿晨妤萱芸蓁綺詩思琳瑜晴璇嫻郁蓉薇婉靜貞蘭鳳月霞香琴玉梅菊春秋雲燕華國子小"
    "心怡慶盈雨蕙儀伶珮瑄宸宥崴鈞皓澤祐廷毅威峰銓鑫彬達立新"
)

# ---------------------------------------------------------------------------------
# Chinese phrases common in passwords, most common first; typed on the standard
# Zhuyin keyboard they become ASCII (我的密碼 → ji32k7au4a83). The evaluation set
# uses other phrases (gen_password_fixtures.py), so the phrase rule is what finds them.

PHRASES = """
我的密碼 密碼 我愛你 我愛妳 你好 台灣 新北市 新北 學校 老師 學生 我愛台灣 寶貝 老婆 老公
親愛的 生日快樂 早安 晚安 謝謝 加油 快樂 幸福 一生一世 永遠 天天 開心 愛你 想你 喜歡
媽媽 爸爸 哥哥 姐姐 妹妹 弟弟 小寶貝 小明 王小明 資訊 電腦 網路 教育局 教育 國小 國中
高中 大學 校長 主任 組長 資訊組長 教務處 學務處 總務處 輔導室 圖書館 辦公室 不知道 忘記了
隨便 好棒 帥哥 美女 天使 小天使 公主 王子 貓咪 狗狗 小狗 小貓 熊貓 皮卡丘 海綿寶寶 蠟筆小新
五月天 台北 板橋 三重 中和 永和 新莊 新店 土城 淡水 林口 汐止 樹林 蘆洲 三峽 鶯歌
中華民國 台灣加油 平安 健康 發財 恭喜發財 萬事如意 心想事成 自由 和平 阿彌陀佛 上帝 耶穌
哈哈 呵呵 笨蛋 白痴 豬頭 我是誰 我是豬 帳號 登入 管理員 系統 測試 好想你 想念 愛情 真愛
初戀 情人 朋友 好朋友 家人 一家人 我的家 寶寶 乖乖 可愛 小可愛 甜心 晴天 彩虹 星星 月亮
太陽 天空 大海 夢想 希望 未來 青春 勇氣 相信 努力 成功 第一 冠軍 密碼錯誤 請輸入密碼
""".split()

# The standard (大千) Zhuyin keyboard: symbol → key, and tone mark → key (tone 1,
# unmarked, is the space bar).
ZHUYIN_KEYS = dict(
    zip(
        "ㄅㄆㄇㄈㄉㄊㄋㄌㄍㄎㄏㄐㄑㄒㄓㄔㄕㄖㄗㄘㄙㄧㄨㄩㄚㄛㄜㄝㄞㄟㄠㄡㄢㄣㄤㄥㄦ",
        "1qaz2wsxedcrfv5tgbyhnujm8ik,9ol.0p;/-",
        strict=True,
    )
)
TONE_KEYS = {"ˊ": "6", "ˇ": "3", "ˋ": "4", "˙": "7"}


def zhuyin_keys(syllable: str, tone1: str = " ") -> str:
    """Keys typed for one toned Zhuyin syllable (ㄨㄛˇ → ji3); tone 1 → `tone1`."""
    tone = tone1
    body = ""
    for ch in syllable:
        if ch in TONE_KEYS:
            tone = TONE_KEYS[ch]
        else:
            body += ZHUYIN_KEYS[ch]
    return body + tone


def phrase_keys(phrase: str) -> str:
    """Keys typed for a phrase; the last tone-1 space is dropped (nobody types it
    at the end of a password), inner ones are kept."""
    sylls = [r[0] for r in pinyin(phrase, style=Style.BOPOMOFO)]
    keys = "".join(zhuyin_keys(s) for s in sylls)
    return keys.rstrip(" ")


# ---------------------------------------------------------------------------------
# Romanisation: Hanyu Pinyin (pypinyin), Wade-Giles as printed in Taiwanese
# passports (no apostrophes or umlauts) and Tongyong Pinyin (Taiwan 2002-2008).

WG_INITIAL = {
    "b": "p",
    "p": "p",
    "m": "m",
    "f": "f",
    "d": "t",
    "t": "t",
    "n": "n",
    "l": "l",
    "g": "k",
    "k": "k",
    "h": "h",
    "j": "ch",
    "q": "ch",
    "x": "hs",
    "zh": "ch",
    "ch": "ch",
    "sh": "sh",
    "r": "j",
    "z": "ts",
    "c": "ts",
    "s": "s",
    "": "",
}
WG_FINAL = {
    "ong": "ung",
    "iong": "iung",
    "ian": "ien",
    "ie": "ieh",
    "ue": "ueh",
    "ve": "ueh",
    "ui": "uei",
    "v": "u",
    "van": "uan",
    "vn": "un",
}
INITIALS = [
    "zh",
    "ch",
    "sh",
    "b",
    "p",
    "m",
    "f",
    "d",
    "t",
    "n",
    "l",
    "g",
    "k",
    "h",
    "j",
    "q",
    "x",
    "r",
    "z",
    "c",
    "s",
]


def split_pinyin(s: str) -> tuple[str, str]:
    for i in INITIALS:
        if s.startswith(i) and len(s) > len(i):
            return i, s[len(i) :]
    return "", s


def wade_giles(py: str) -> str:
    """Passport Wade-Giles of a toneless pinyin syllable (ü written v)."""
    special = {
        "zhi": "chih",
        "chi": "chih",
        "shi": "shih",
        "ri": "jih",
        "zi": "tzu",
        "ci": "tzu",
        "si": "szu",
        "yi": "i",
        "you": "yu",
        "yan": "yen",
        "ye": "yeh",
        "yong": "yung",
        "yue": "yueh",
        "e": "o",
        "er": "erh",
        "ge": "ko",
        "ke": "ko",
        "he": "ho",
        "zhuo": "cho",
        "chuo": "cho",
        "ruo": "jo",
        "duo": "to",
        "tuo": "to",
        "nuo": "no",
        "luo": "lo",
        "zuo": "tso",
        "cuo": "tso",
        "suo": "so",
        "hui": "hui",
    }
    if py in special:
        return special[py]
    ini, fin = split_pinyin(py)
    if ini in ("j", "q", "x") and fin.startswith("u"):
        fin = "v" + fin[1:]
    fin = WG_FINAL.get(fin, fin)
    return WG_INITIAL[ini] + fin


def tongyong(py: str) -> str:
    """Tongyong Pinyin of a toneless pinyin syllable (ü written v)."""
    special = {
        "zhi": "jhih",
        "chi": "chih",
        "shi": "shih",
        "ri": "rih",
        "zi": "zih",
        "ci": "cih",
        "si": "sih",
        "feng": "fong",
        "meng": "mong",
        "peng": "pong",
        "beng": "bong",
        "weng": "wong",
        "wen": "wun",
    }
    if py in special:
        return special[py]
    ini, fin = split_pinyin(py)
    if ini in ("j", "q", "x") and fin.startswith("u"):
        fin = "yu" + fin[1:]
    fin = fin.replace("v", "yu")
    if fin == "iong":
        fin = "yong"
    elif fin == "ui":
        fin = "uei"
    elif fin == "iu":
        fin = "iou"
    ini = {"q": "c", "x": "s", "zh": "jh"}.get(ini, ini)
    return ini + fin


def readings(chars: str) -> list[str]:
    """Toneless pinyin (ü as v) of each character, surname readings for 單 etc."""
    return [r[0] for r in pinyin(list(chars), style=Style.NORMAL, v_to_u=False)]


def romanised(py: str) -> list[str]:
    """Every spelling of one syllable, Hanyu first, deduplicated."""
    out = []
    for s in (py.replace("v", "u"), py.replace("v", "yu"), wade_giles(py), tongyong(py)):
        s = s.replace("'", "")
        if s.isascii() and s.isalpha() and s not in out:
            out.append(s)
    return out


SURNAME_READING = {
    "曾": "zeng",
    "單": "shan",
    "解": "xie",
    "區": "ou",
    "仇": "qiu",
    "查": "zha",
    "樂": "yue",
    "万": "wan",
    "萬": "wan",
    "尉": "yu",
    "葉": "ye",
}


def surname_list() -> list[str]:
    """One line per surname, most common first: its spellings, space-separated."""
    out: list[str] = []
    seen: set[str] = set()
    for name in list(SURNAMES) + COMPOUND_SURNAMES:
        pys = [SURNAME_READING.get(c) or readings(c)[0] for c in name]
        variants = [""]
        for py in pys:
            variants = [v + r for v in variants for r in romanised(py)]
        for extra in OTHER_SPELLINGS.get(name, "").split():
            variants.append(extra.replace("'", ""))
        line = [v for v in dict.fromkeys(variants) if v not in seen]
        seen.update(line)
        if line:
            out.append(" ".join(line))
    return out


def given_list() -> list[str]:
    """Given-name syllables, one line per syllable (its spellings): those of the
    common characters first, then every other Mandarin syllable (a Taiwanese given
    name is one or two of them)."""
    out: list[str] = []
    seen: set[str] = set()
    for py in readings(GIVEN) + sorted(all_pinyin_syllables()):
        line = [v for v in romanised(py) if v not in seen]
        seen.update(line)
        if line:
            out.append(" ".join(line))
    return out


def all_pinyin_syllables() -> set[str]:
    out = set()
    for cp in pinyin_dict:
        for r in pinyin(chr(cp), style=Style.NORMAL, heteronym=True, v_to_u=False)[0]:
            if r.isascii() and r.isalpha():
                out.add(r)
    return out


def zhuyin_syllables() -> list[str]:
    """Every toneless Mandarin syllable in Zhuyin, as the keys that type it."""
    out = set()
    for cp in pinyin_dict:
        for r in pinyin(chr(cp), style=Style.BOPOMOFO, heteronym=True)[0]:
            body = r.strip("ˊˇˋ˙")
            if body and all(c in ZHUYIN_KEYS for c in body):
                out.add("".join(ZHUYIN_KEYS[c] for c in body))
    return sorted(out)


# ---------------------------------------------------------------------------------


def npm_packs() -> dict[str, Path]:
    """The unpacked tarballs: from $NPM_PACKS if set, else `npm pack` into a temp dir."""
    base = Path(os.environ.get("NPM_PACKS") or tempfile.mkdtemp(prefix="npm-packs-"))
    out = {}
    for key, spec in PACKAGES.items():
        name = spec.rsplit("@", 1)[0].lstrip("@").replace("/", "-")
        version = spec.rsplit("@", 1)[1]
        tgz = base / f"{name}-{version}.tgz"
        if not tgz.exists():
            subprocess.run(
                ["npm", "pack", spec, "--silent"], cwd=base, check=True, stdout=subprocess.DEVNULL
            )
        dest = base / f"{name}-{version}"
        if not dest.exists():
            with tarfile.open(tgz) as t:
                t.extractall(dest, filter="data")
        out[key] = dest / "package"
    return out


def zxcvbn_lists(pkg: Path) -> dict[str, list[str]]:
    src = (pkg / "lib" / "frequency_lists.js").read_text(encoding="utf-8")
    return {
        m.group(1): m.group(2).split(",")
        for m in re.finditer(r'(\w+): "([^"]*)"\.split\(","\)', src)
    }


def clean(words, limit=None) -> list[str]:
    out, seen = [], set()
    for w in words:
        w = w.strip().lower()
        if not w or not w.isascii() or len(w) > MAX_WORD or any(c.isspace() for c in w):
            continue
        if w in seen:
            continue
        seen.add(w)
        out.append(w)
        if limit and len(out) >= limit:
            break
    return out


def write(name: str, lines: list[str]) -> None:
    text = "\n".join(lines) + "\n"
    (OUT / name).write_text(text, encoding="utf-8", newline="\n")
    print(f"{name}: {len(lines)} lines, {len(text.encode())} bytes")


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    packs = npm_packs()
    common = json.loads((packs["common"] / "src" / "passwords.json").read_text())
    zx = zxcvbn_lists(packs["zxcvbn"])
    write("passwords.txt", clean(common, PASSWORDS_TOP))
    write("english.txt", clean(zx["english_wikipedia"], ENGLISH_TOP))
    write("tv.txt", clean(zx["us_tv_and_film"], TV_TOP))
    female = clean(zx["female_names"], FIRST_NAMES_TOP)
    male = clean(zx["male_names"])
    # Interleave by relative rank so both lists keep their order.
    names = sorted(
        [(i / len(female), w) for i, w in enumerate(female)]
        + [(i / len(male), w) for i, w in enumerate(male)]
    )
    write("first_names.txt", clean(w for _, w in names))
    write("surnames.txt", clean(zx["surnames"], SURNAMES_TOP))
    write("taiwan.txt", clean(TAIWAN + TOP))
    write("legacy_common.txt", old_list())
    write("tw_surnames.txt", surname_list())
    write("tw_given.txt", given_list())
    phrases = []
    for p in PHRASES:
        k = phrase_keys(p)
        phrases.append(f"{k}\t{p}")
    write("zhuyin_phrases.txt", phrases)
    write("zhuyin_syllables.txt", zhuyin_syllables())


if __name__ == "__main__":
    main()
