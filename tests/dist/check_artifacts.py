"""The release artifacts of `make dist` (issue 19): what each one ships, and glibc.

Usage: check_artifacts.py DIST_DIR. Checks, without building anything:
- the wheel: abi3, tagged manylinux_2_28_x86_64, and `auditwheel show` agrees;
- every ELF addon (the wheel's _core*.so, the npm platform package's .node) needs
  no GLIBC_ symbol version above 2.28 (`objdump -T`);
- release builds carry no test hook (panic_for_test / panicForTest);
- every package (wheel, sdist, npm tarballs, crate) ships LICENSE-MIT and
  LICENSE-APACHE identical to the repository's;
- the crate and the sdist ship no test data; no tracked file names the placeholder
  host of the old repository URL (example dot invalid).
Prints 'N passed, 0 failed' or the failures, and exits 1 on any failure.
"""

from __future__ import annotations

import re
import subprocess
import sys
import tarfile
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
MAX_GLIBC = (2, 28)
LICENCES = {name: (ROOT / name).read_bytes() for name in ("LICENSE-MIT", "LICENSE-APACHE")}

passed = 0
failures: list[str] = []


def check(ok: bool, what: str) -> None:
    global passed
    if ok:
        passed += 1
    else:
        failures.append(what)
        print(f"FAIL: {what}")


def one(dist: Path, pattern: str) -> Path:
    found = sorted(dist.glob(pattern))
    if len(found) != 1:
        sys.exit(f"expected one {pattern} in {dist}, found {[f.name for f in found]}")
    return found[0]


def glibc_versions(data: bytes, name: str) -> list[tuple[int, ...]]:
    """Every GLIBC_x.y version the dynamic symbol table of an ELF file needs."""
    with tempfile.NamedTemporaryFile(suffix=".so") as f:
        f.write(data)
        f.flush()
        out = subprocess.run(
            ["objdump", "-T", f.name], capture_output=True, text=True, check=True
        ).stdout
    return sorted(
        {tuple(int(p) for p in v.split(".")) for v in re.findall(r"GLIBC_([0-9.]+)", out)}
    )


def check_elf(data: bytes, name: str) -> None:
    versions = glibc_versions(data, name)
    check(bool(versions), f"{name}: objdump -T lists GLIBC_ versions")
    too_new = [v for v in versions if v > MAX_GLIBC]
    check(not too_new, f"{name}: needs glibc {too_new} > 2.28")
    print(f"{name}: highest GLIBC_ symbol version {'.'.join(map(str, max(versions)))}")


def check_licences(names: dict[str, bytes], where: str) -> None:
    for licence, text in LICENCES.items():
        hits = [n for n in names if n.rsplit("/", 1)[-1] == licence]
        check(bool(hits), f"{where}: ships {licence}")
        check(all(names[h] == text for h in hits), f"{where}: {licence} is the repository's")


def tar_members(path: Path) -> dict[str, bytes]:
    with tarfile.open(path) as tar:
        return {
            m.name: tar.extractfile(m).read()  # type: ignore[union-attr]
            for m in tar.getmembers()
            if m.isfile()
        }


def main() -> None:
    dist = Path(sys.argv[1]).resolve()

    # Python wheel.
    wheel = one(dist, "ntpc_policy-*.whl")
    check(wheel.name.endswith("-cp310-abi3-manylinux_2_28_x86_64.whl"), f"wheel tag: {wheel.name}")
    with zipfile.ZipFile(wheel) as z:
        files = {n: z.read(n) for n in z.namelist()}
    sos = [n for n in files if re.fullmatch(r"ntpc_policy/_core.*\.so", n)]
    check(len(sos) == 1, f"wheel: one _core*.so ({sos})")
    for so in sos:
        check_elf(files[so], "wheel " + so)
        check(b"panic_for_test" not in files[so], f"wheel {so}: no test hooks")
    check_licences(files, "wheel")
    show = subprocess.run(
        [str(Path(sys.executable).parent / "auditwheel"), "show", str(wheel)],
        capture_output=True,
        text=True,
    )
    text = " ".join(show.stdout.split())
    check(
        show.returncode == 0
        and 'consistent with the following platform tag: "manylinux_2_28_x86_64"' in text
        and 'constrains the platform tag to "manylinux_2_28_x86_64"' in text,
        f"auditwheel show: {show.stdout}{show.stderr}",
    )

    # Python sdist: the workspace it builds from, no test data.
    sdist = tar_members(one(dist, "ntpc_policy-*.tar.gz"))
    top = next(iter(sdist)).split("/")[0]
    rel = {n.removeprefix(top + "/"): b for n, b in sdist.items()}
    check_licences(rel, "sdist")
    for needed in ("pyproject.toml", "Cargo.lock", "core/src/lib.rs", "README.md"):
        check(any(n.endswith(needed) for n in rel), f"sdist: ships {needed}")
    check(not any("/tests/" in "/" + n for n in rel), "sdist: no tests/")

    # npm: the JS package and this machine's platform package.
    main_pkg = tar_members(one(dist, "ntpc-policy-[0-9]*.tgz"))
    check_licences(main_pkg, "npm ntpc-policy")
    check(not any(n.endswith(".node") for n in main_pkg), "npm ntpc-policy: no addon inside")
    check(
        b"panicForTest" not in main_pkg.get("package/native.js", b"panicForTest"),
        "npm ntpc-policy: native.js of the release build",
    )
    plat = tar_members(one(dist, "ntpc-policy-linux-x64-gnu-*.tgz"))
    check_licences(plat, "npm ntpc-policy-linux-x64-gnu")
    nodes = [n for n in plat if n.endswith(".node")]
    check(nodes == ["package/ntpc-policy.linux-x64-gnu.node"], f"npm platform package: {nodes}")
    for n in nodes:
        check_elf(plat[n], n)
        check(b"panicForTest" not in plat[n], f"{n}: no test hooks")

    # The crate.
    crate = tar_members(one(dist, "ntpc-policy-*.crate"))
    rel = {n.split("/", 1)[1]: b for n, b in crate.items()}
    check_licences(rel, "crate")
    check("README.md" in rel, "crate: README.md")
    extra = [n for n in rel if n.split("/")[0] in ("tests", "benches", "examples", "fuzz")]
    check(not extra, f"crate: no test data ({extra[:5]})")

    # Every package directory's licence copy is the root's.
    tracked = subprocess.run(
        ["git", "ls-files", "*LICENSE-MIT", "*LICENSE-APACHE"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    for path in tracked:
        name = path.rsplit("/", 1)[-1]
        check((ROOT / path).read_bytes() == LICENCES[name], f"{path} is the root's {name}")
    check(len(tracked) >= 2 * 10, f"licence copies in every package: {tracked}")

    # No manifest keeps the placeholder host.
    grep = subprocess.run(
        ["git", "grep", "-l", "example" + ".invalid"], cwd=ROOT, capture_output=True, text=True
    )
    check(grep.stdout == "", f"no tracked file names the placeholder host: {grep.stdout.split()}")

    print(f"dist artifacts: {passed} passed, {len(failures)} failed")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
