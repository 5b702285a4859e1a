#!/usr/bin/env python3
"""Generates weak_passwords.txt: the embedded list of well-known weak passwords.

RULES §1 asks for "an embedded list of a few thousand, including typical
Taiwanese ones such as Aa123456, ntpc1234, Qaz123wsx". The list is built from
hand-picked seeds (the top of the public most-common lists, passwords typical in
Taiwan and at New Taipei schools, keyboard walks) and a few mechanical variations
(common words + common suffixes, years, repeated digits). It is deterministic:
running this script twice gives the same file. Standard library only.

Every entry is lowercase ASCII, 1 to 64 characters, one per line, sorted and
de-duplicated: `is_common` lowercases its input and looks it up exactly, so
`Aa123456` and `P@ssw0rd` are found as `aa123456` and `p@ssw0rd`.

Usage: python3 core/src/password/gen_weak_passwords.py
"""

import os

# The top of the well-known most-common lists (public breach compilations).
TOP = """
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

# Passwords typical in Taiwan, at New Taipei schools and in Chinese-speaking use.
TAIWAN = """
aa123456 ntpc1234 ntpc ntpc.edu ntpc.edu.tw ntpc123 ntpc12345 ntpc123456
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

# Base words; each is listed alone and with every suffix below.
WORDS = """
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

SUFFIXES = """
1 12 123 1234 12345 123456 ! @ 01 88 110 111 2020 2021 2022 2023 @123 123!
""".split()

# Words also written in "leet" (p@ssw0rd, @dm1n) with the same suffixes.
LEET_WORDS = """
password admin welcome school teacher student taiwan taipei master dragon
monkey qwerty iloveyou sunshine princess football superman computer
""".split()

# Keyboard rows and columns whose prefixes (4 or more keys) are walks.
WALKS = [
    "1234567890", "0987654321", "qwertyuiop", "poiuytrewq", "asdfghjkl",
    "lkjhgfdsa", "zxcvbnm", "mnbvcxz", "1qaz2wsx3edc4rfv5tgb6yhn",
    "qazwsxedcrfvtgbyhn", "zaq1xsw2cde3vfr4", "1q2w3e4r5t6y7u8i9o0p",
    "q1w2e3r4t5y6u7i8o9p0", "qweasdzxc", "147258369", "741852963", "159357",
    "zxcasdqwe", "1qazxsw23edc", "!qaz@wsx#edc", "!@#$%^&*()", "!@#$%^",
]


def variations(word):
    out = {word}
    for s in SUFFIXES:
        out.add(word + s)
    return out


def leet(word):
    table = {"a": "@", "o": "0", "i": "1", "e": "3", "s": "$"}
    return "".join(table.get(c, c) for c in word)


def build():
    entries = set(TOP) | set(TAIWAN)
    for w in WORDS:
        entries |= variations(w)
    for w in LEET_WORDS:
        entries |= variations(leet(w))
    for walk in WALKS:
        for n in range(4, len(walk) + 1):
            entries.add(walk[:n])
    # Years alone and with a common prefix (birth years, school years).
    for y in range(1950, 2031):
        entries.add(str(y))
        entries.add("a" + str(y))
        entries.add("aa" + str(y))
    # ROC years 60-115 (民國), often typed with a name prefix.
    for y in range(60, 116):
        entries.add("ntpc" + str(y))
    # Repeated digits and letters, 4 to 12 long.
    for d in "0123456789abcdefghijklmnopqrstuvwxyz":  # 36 x 9
        for n in range(4, 13):
            entries.add(d * n)
    # Counting runs such as 12345678, 23456789, 34567890.
    digits = "01234567890"
    for start in range(10):
        for n in range(6, 11 - start):
            entries.add(digits[start:start + n])
    # Doubled short sequences: 123123, 12341234, abcabc.
    for base in ["123", "1234", "12345", "abc", "abcd", "qwe", "asd", "qaz", "520", "1314"]:
        entries.add(base * 2)
        entries.add(base * 3)
    clean = sorted(
        e for e in (x.lower() for x in entries)
        if e and e.isascii() and len(e) <= 64 and "\n" not in e and e == e.strip()
    )
    return clean


def main():
    entries = build()
    assert 2000 <= len(entries) <= 5000, len(entries)
    for must in ["aa123456", "ntpc1234", "qaz123wsx", "p@ssw0rd", "password1", "1qaz@wsx"]:
        assert must in entries, must
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "weak_passwords.txt")
    with open(path, "w", encoding="ascii", newline="\n") as f:
        f.write("\n".join(entries) + "\n")
    print(f"wrote {len(entries)} entries to {path}")


if __name__ == "__main__":
    main()
