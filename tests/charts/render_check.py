"""Renders every chart with a real renderer and checks that no text leaves its box
(issue 17 §7). Run by `make chart-test` (part of `make test`).

The charts come from the command line, as a coordinator makes them: the bundled
examples, and hard cases (long school names, long subtype labels, 其他, two
years, a long --title). Each SVG is rendered to target/charts/NAME.png by
`rsvg-convert` with the CJK font installed (Noto Sans CJK), and checked:

- the PNG has the SVG's size;
- no text is cut (`…`), and the full school names and labels are there;
- every text, measured with the fonts' own advance widths (fontTools, the
  fonts fontconfig picks for `sans-serif` and its CJK fallback), lies inside
  the picture, overlaps no other text, and crosses no line except grid lines
  (`class="grid"`): table borders, row lines and axes are the boxes.

The chart code measures text with its own generous estimate; this check is the
independent one. A self-test first makes sure an overflowing cell is caught.
Exits non-zero on any failure, printing "N passed, M failed".
"""

from __future__ import annotations

import json
import struct
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from fontTools.ttLib import TTCollection, TTFont

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "target" / "charts"
CLI = [sys.executable, "-m", "ntpc_policy"]
NS = "{http://www.w3.org/2000/svg}"
SLACK = 0.5  # px: anti-aliasing and rounding


def font(pattern: str) -> TTFont:
    path, _, index = (
        subprocess.run(
            ["fc-match", "-f", "%{file}|%{index}", pattern],
            capture_output=True,
            text=True,
            check=True,
        )
        .stdout.strip()
        .partition("|")
    )
    if path.endswith((".ttc", ".otc")):
        return TTCollection(path).fonts[int(index or 0)]
    return TTFont(path)


class Metrics:
    """Advance widths from the fonts a renderer uses for `sans-serif`: the
    primary font, then the CJK one for what the primary lacks."""

    def __init__(self) -> None:
        self.fonts = []
        for pattern in ("sans-serif", "sans-serif:lang=zh-tw"):
            f = font(pattern)
            self.fonts.append((f.getBestCmap(), f["hmtx"].metrics, f["head"].unitsPerEm, f))
        # The em box of the CJK font (its typographic ascender and descender,
        # 0.88 + 0.12 em for Noto Sans CJK): where glyphs are drawn. (The
        # line box, hhea, adds the spacing between lines.)
        cjk = self.fonts[-1][3]
        upem = cjk["head"].unitsPerEm
        self.ascent = cjk["OS/2"].sTypoAscender / upem
        self.descent = -cjk["OS/2"].sTypoDescender / upem

    def width(self, text: str, size: float) -> float:
        total = 0.0
        for c in text:
            for cmap, hmtx, upem, _ in self.fonts:
                glyph = cmap.get(ord(c))
                if glyph is not None:
                    total += hmtx[glyph][0] * size / upem
                    break
            else:
                total += size  # no glyph: a box one em wide
        return total


def boxes(svg: str, m: Metrics) -> tuple[float, float, list, list]:
    root = ET.fromstring(svg)
    w, h = float(root.get("width", 0)), float(root.get("height", 0))
    base = float(root.get("font-size", 14))
    texts, lines = [], []
    for el in root.iter():
        if el.tag == NS + "text":
            body = "".join(el.itertext())
            size = float(el.get("font-size", base))
            x, y = float(el.get("x", 0)), float(el.get("y", 0))
            tw = m.width(body, size)
            anchor = el.get("text-anchor", "start")
            x0 = {"start": x, "middle": x - tw / 2, "end": x - tw}[anchor]
            box = (x0, y - m.ascent * size, x0 + tw, y + m.descent * size)
            if "rotate(-90" in (el.get("transform") or ""):
                dx0, dx1 = x0 - x, x0 + tw - x
                box = (x - m.ascent * size, y + dx0, x + m.descent * size, y + dx1)
            texts.append((body, box))
        elif el.tag == NS + "line" and el.get("class") != "grid":
            lines.append(tuple(float(el.get(k, 0)) for k in ("x1", "y1", "x2", "y2")))
    return w, h, texts, lines


def problems(svg: str, m: Metrics) -> list[str]:
    w, h, texts, lines = boxes(svg, m)
    out = []
    for body, (x0, y0, x1, y1) in texts:
        if "…" in body:
            out.append(f"cut: {body!r}")
        if x0 < -SLACK or y0 < -SLACK or x1 > w + SLACK or y1 > h + SLACK:
            out.append(f"outside the picture: {body!r} {(x0, y0, x1, y1)}")
        for lx0, ly0, lx1, ly1 in lines:
            if ly0 == ly1:  # horizontal
                crosses = (
                    y0 + SLACK < ly0 < y1 - SLACK and min(lx0, lx1) < x1 and x0 < max(lx0, lx1)
                )
            else:
                crosses = (
                    x0 + SLACK < lx0 < x1 - SLACK and min(ly0, ly1) < y1 and y0 < max(ly0, ly1)
                )
            if crosses:
                out.append(f"crosses a border: {body!r} at {(lx0, ly0, lx1, ly1)}")
    for i, (a, (ax0, ay0, ax1, ay1)) in enumerate(texts):
        for b, (bx0, by0, bx1, by1) in texts[i + 1 :]:
            if ax0 + SLACK < bx1 and bx0 + SLACK < ax1 and ay0 + SLACK < by1 and by0 + SLACK < ay1:
                out.append(f"overlap: {a!r} and {b!r}")
    return out


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()[:24]
    assert data[:8] == b"\x89PNG\r\n\x1a\n", path
    return struct.unpack(">II", data[16:24])


def cli(*args: str) -> None:
    proc = subprocess.run([*CLI, *args, "--json"], capture_output=True, timeout=120)
    if proc.returncode not in (0, 1) or b'"error"' in proc.stdout[:20]:
        raise SystemExit(f"ntpc-policy {' '.join(args)} failed: {proc.stdout!r} {proc.stderr!r}")


def make_charts(work: Path) -> dict[str, list[str]]:
    """Writes the charts; returns each one's texts that must appear whole."""
    data = ROOT / "examples" / "data"
    cli(
        "incident", "stats", str(data / "incidents.csv"), "--now", "2021-12-07",
        "--svg", str(work / "demo-monthly.svg"), "--subtype-svg", str(work / "demo-subtype.svg"),
    )  # fmt: skip
    cli(
        "audit", "pick", str(data / "audit_schools.csv"), "--scans", str(data / "audit_scans.csv"),
        "--capacity", "3", "--svg", str(work / "demo-audit.svg"),
    )  # fmt: skip
    long_subtype = "一個非常非常長的子類型名稱，長到一行放不下也不能被截斷(Very Long Subtype Label)"
    incidents = work / "hard-incidents.csv"
    rows = ["編號,通報單位,等級,子類型,發生時間,通報時間"]
    subtypes = ["其他", "阻斷服務攻擊(DoS/DDoS)", "殭屍電腦(Bot)", long_subtype, "網頁置換"]
    for i in range(40):
        month = 1 + i % 12
        year = 2021 + (i % 24) // 12
        unit = "新北市新莊區新莊國民小學" if i % 2 else "新北市新莊區新莊國民中學"
        st = subtypes[i % len(subtypes)] if i % 7 else "其他"
        when = f"{year}/{month:02d}/10 09:00"
        rows.append(f'{i},{unit},1,"{st}",{when},{when}')
    incidents.write_text("\n".join(rows) + "\n", encoding="utf-8")
    title = "新北市政府教育局 110–111 年度各月份資安事件通報案件統計（含所屬各級學校及幼兒園）"
    cli(
        "incident", "stats", str(incidents), "--now", "2023-01-01",
        "--svg", str(work / "hard-monthly.svg"), "--subtype-svg", str(work / "hard-subtype.svg"),
    )  # fmt: skip
    cli(
        "incident", "stats", str(incidents), "--now", "2023-01-01", "--title", title,
        "--svg", str(work / "hard-titled.svg"),
    )  # fmt: skip
    schools = work / "hard-schools.csv"
    long_name = "新北市新莊區新莊國民小學附設幼兒園與進修補習學校"
    schools.write_text(
        "學校代碼,學校名稱,演練逾時(分),前年度通報件數,填報缺漏未改善,人民陳情,資安等級\n"
        f"014601,{long_name},1234,12,3,有,C\n"
        "014602,新北市新莊區新莊國民中學,20,1,0,無,C\n"
        "014603,新北市立新北高級工業職業學校,0,3,2,有,B\n",
        encoding="utf-8",
    )
    cli("audit", "pick", str(schools), "--capacity", "2", "--svg", str(work / "hard-audit.svg"))
    return {
        "demo-monthly": ["110 年度各月份通報案件統計", "件數"],
        "demo-subtype": ["110 年度攻擊分類案件統計", "件數"],
        "demo-audit": ["範例二國小", "資安健檢到校輔導選校"],
        "hard-monthly": ["110–111 年度各月份通報案件統計"],
        "hard-subtype": ["阻斷服務攻擊(DoS/DDoS)", "其他"],
        "hard-titled": [],
        "hard-audit": [long_name, "新北市新莊區新莊國民中學"],
    }


def self_test(m: Metrics) -> bool:
    """The check catches a cell wider than its column and a clipped label."""
    bad = (
        '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="60" font-size="12">'
        '<text x="50" y="30" text-anchor="middle">新北市新莊區新莊國民小學</text>'
        '<line x1="100" y1="0" x2="100" y2="60" stroke="#000"/>'
        '<text x="150" y="30" text-anchor="middle">新北市…</text></svg>'
    )
    found = problems(bad, m)
    return any("crosses" in p for p in found) and any("cut" in p for p in found)


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    m = Metrics()
    passed = failed = 0

    def check(name: str, ok: bool, detail: object = None) -> None:
        nonlocal passed, failed
        if ok:
            passed += 1
        else:
            failed += 1
            print(f"FAIL {name}: {json.dumps(detail, ensure_ascii=False)}", file=sys.stderr)

    check("the checker catches overflow", self_test(m))
    whole = make_charts(OUT)
    svgs = {p.stem: p for p in sorted(OUT.glob("*.svg"))}
    snaps = ROOT / "core" / "tests" / "snapshots"
    svgs.update({f"snapshot-{p.stem}": p for p in sorted(snaps.glob("*.svg"))})
    for name, path in svgs.items():
        svg = path.read_text(encoding="utf-8")
        png = OUT / f"{name}.png"
        proc = subprocess.run(["rsvg-convert", "-o", str(png), str(path)], capture_output=True)
        check(f"{name}: renders", proc.returncode == 0, proc.stderr.decode(errors="replace"))
        if proc.returncode == 0:
            root = ET.fromstring(svg)
            size = (int(float(root.get("width", 0))), int(float(root.get("height", 0))))
            check(f"{name}: PNG size", png_size(png) == size, [png_size(png), size])
        found = problems(svg, m)
        check(f"{name}: no text leaves its box", not found, found[:5])
        for text in whole.get(name, []):
            check(f"{name}: {text} whole", f">{text}<" in svg or f"<title>{text}" in svg)
    print(f"charts in {OUT.relative_to(ROOT)}")
    print(f"{passed} passed, {failed} failed")
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
