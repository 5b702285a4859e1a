"""An independent reference of RULES §2 (checksum, UBN), used only to write the
expected values of tests/vectors/identity.json. It shares no code with the core."""

CODES = dict(A=10, B=11, C=12, D=13, E=14, F=15, G=16, H=17, I=34, J=18, K=19, L=20, M=21,
             N=22, O=35, P=23, Q24=0, R=25, S=26, T=27, U=28, V=29, W=32, X=30, Y=31, Z=33)
CODES["Q"] = 24
del CODES["Q24"]
WEIGHTS = [1, 9, 8, 7, 6, 5, 4, 3, 2, 1, 1]


def checksum_ok(s: str) -> bool:
    s = s.upper()
    code = CODES[s[0]]
    second = int(s[1]) if s[1].isdigit() else CODES[s[1]] % 10
    vals = [code // 10, code % 10, second] + [int(c) for c in s[2:]]
    return sum(w * v for w, v in zip(WEIGHTS, vals)) % 10 == 0


def complete(prefix9: str) -> str:
    """The ID whose first nine characters are prefix9, with a valid check digit."""
    for d in "0123456789":
        if checksum_ok(prefix9 + d):
            return prefix9 + d
    raise ValueError(prefix9)


def ubn(s: str) -> tuple[bool, bool]:
    w = [1, 2, 1, 2, 1, 2, 4, 1]
    total = sum((int(c) * k) // 10 + (int(c) * k) % 10 for c, k in zip(s, w))
    plain = total % 5 == 0
    seventh = (not plain) and s[6] == "7" and (total + 1) % 5 == 0
    return plain or seventh, seventh


assert checksum_ok("A123456789") and checksum_ok("A800000014") and checksum_ok("AB12345677")
assert not checksum_ok("A123456780")
