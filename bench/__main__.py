"""Benchmarks: ``python -m bench [--cases N] [--json]``.

Each measure is timed against a baseline in the same run and reported as a ratio, with the
target from the benchmark issues and the peak memory of the measured job. Each is a set of
pairs (the job and its baseline alternating, the files read into the page cache before each
pair, so that neither side pays for the disk) and the medians are compared; each side's peak
is its own (VmHWM, not the bench's high-water mark that ``ru_maxrss`` would carry over).
Timings are never asserted in tests; CI runs this at a small size only so that it cannot rot.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
OUT = REPO / "bench" / "out"
DAY = "2026-11-21"


MEMORY_TARGET_KB = 250 * 1024  # every command's peak at 20,000 cases (issue 20)


def _timed(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def _run(*args) -> tuple[float, int]:
    """Wall time of one ``python -m bench.child …`` and the child's own peak KB."""
    env = {**os.environ, "PYTHONPATH": str(REPO) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    with tempfile.NamedTemporaryFile(suffix=".kb", delete=False) as f:
        kb_file = f.name
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "bench.child", kb_file, *map(str, args)],
                          cwd=REPO, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    took = time.perf_counter() - start
    if proc.returncode not in (0, 1):
        raise SystemExit(f"benchmark job failed: {args}\n{proc.stderr.decode('utf-8', 'replace')}")
    peak = int(Path(kb_file).read_text(encoding="utf-8") or 0)
    os.unlink(kb_file)
    return took, peak


def _child(*args, repeat: int = 1) -> tuple[float, int]:
    """Median wall time of ``repeat`` runs of one job, and its highest peak KB."""
    runs = [_run(*args) for _ in range(repeat)]
    return statistics.median(t for t, _ in runs), max(k for _, k in runs)


def _pair(job: tuple, base: tuple, pairs: int, warm: Path | None = None, before=None, base_before=None) -> dict:
    """``pairs`` timed pairs of the job and its baseline, the order alternating; before each pair the
    files under ``warm`` are read (both sides find them in the page cache); ``before``/``base_before``
    run untimed before each side (remove a cache, touch a file). Medians, and each side's own peak."""
    jt, bt, jk, bk = [], [], [], []
    for n in range(pairs):
        if warm is not None:
            _run("warm", warm)
        sides = [("job", job, before), ("base", base, base_before)]
        for side, args, prep in (sides if n % 2 == 0 else sides[::-1]):
            if prep is not None:
                prep()
            t, k = _run(*args)
            (jt if side == "job" else bt).append(t)
            (jk if side == "job" else bk).append(k)
    return {"value": statistics.median(jt), "baseline": statistics.median(bt), "peak_kb": max(jk),
            "baseline_peak_kb": max(bk), "runs": [round(t, 4) for t in jt], "baseline_runs": [round(t, 4) for t in bt]}


def _result(value, baseline, target, peak=None, memory=False, **extra) -> dict:
    r = {"value": round(value, 4), "baseline": round(baseline, 4), "ratio": round(value / baseline, 4),
         "target": target, "ok": value / baseline <= target}
    if peak is not None:
        r["peak_kb"] = peak
        if memory:  # an anshang command at scale: its peak against the memory target too
            r["memory_target_kb"] = MEMORY_TARGET_KB
            r["memory_ok"] = peak <= MEMORY_TARGET_KB
    r.update(extra)
    return r


def _paired(p: dict, target: float, **extra) -> dict:
    return _result(p["value"], p["baseline"], target, p["peak_kb"], memory=True, baseline_peak_kb=p["baseline_peak_kb"],
                   runs=p["runs"], baseline_runs=p["baseline_runs"], **extra)


def ledger(cases: int, enterprises: int | None = None) -> Path:
    """The generated ledger for a size, made once and reused."""
    from bench.generate import generate

    path = OUT / f"ledger-{cases}"
    marker = path / ".generated"
    if not marker.exists():
        generate(path, cases, enterprises if enterprises is not None else cases)
        marker.write_text("ok", encoding="utf-8")
        old = time.time() - 60  # as files in a clone are: not written a moment ago
        for p in path.rglob("*.yaml"):
            os.utime(p, (old, old))
    return path


def _no_cache(path: Path):
    return lambda: shutil.rmtree(path / ".anshang", ignore_errors=True)


def _one_case(path: Path) -> Path:
    return sorted(path.glob("cases/2026/*.yaml"))[0]


def measure_check(path: Path, pairs: int) -> dict:
    """Cold (no cache), after one file changed, and unchanged — each against the libyaml parse."""
    check = ("anshang", "--data", path, "check", "--date", DAY)
    parse = ("parse", path)
    out = {"check_first": _paired(_pair(check, parse, pairs, path, before=_no_cache(path)), 1.2)}
    _run(*check)  # the cache, as a clerk's earlier check left it
    case = _one_case(path)

    def touch():  # the same text written again: a new mtime, as an edit that changes nothing
        case.write_bytes(case.read_bytes())

    out["check_changed"] = _paired(_pair(check, parse, pairs, path, before=touch), 0.1)
    out["check_second"] = _paired(_pair(check, parse, pairs, path), 0.05)
    return out


def measure_fmt(path: Path, pairs: int) -> dict:
    fmt = ("anshang", "--data", path, "fmt", "--check")
    parse = ("parse", path)
    out = {"fmt_first": _paired(_pair(fmt, parse, pairs, path, before=_no_cache(path)), 2.0)}
    _run(*fmt)
    out["fmt_second"] = _paired(_pair(fmt, parse, pairs, path), 0.1)
    return out


READS = {  # warm reads (the cache made by an earlier command) against ``anshang --version``
    "due": ("due", "--date", DAY),
    "list": ("list", "--date", DAY),
    "stats": ("stats", "--date", DAY),
    "show": ("show", "<case>", "--date", DAY),
    "match": ("match", "--dry-run", "--date", DAY),
    "publish": ("publish", "--date", DAY, "--out", "<tmp>"),
}


def measure_reads(path: Path, pairs: int) -> dict:
    _run("anshang", "--data", path, "check", "--date", DAY)  # a warm cache
    tmp = Path(tempfile.mkdtemp())
    out = {}
    for name, args in READS.items():
        args = tuple(_one_case(path).stem if a == "<case>" else tmp if a == "<tmp>" else a for a in args)
        out[f"read_{name}"] = _paired(_pair(("anshang", "--data", path, *args), ("anshang", "--version"), pairs, path), 3.0)
    shutil.rmtree(tmp, ignore_errors=True)
    return out


def _cells(book: Path) -> int:
    from openpyxl import load_workbook

    wb = load_workbook(book, read_only=True)
    return sum(len(row) for ws in wb.worksheets for row in ws.iter_rows(values_only=True))


def measure_weekly(path: Path, pairs: int) -> dict:
    """``weekly`` and ``summary`` (its workbook) against openpyxl write-only writing as many cells."""
    out: dict = {}
    for name, args in (("weekly", ("weekly", "--date", DAY, "--out", "<tmp>")),
                       ("summary", ("summary", "--year", "2026", "--format", "xlsx", "--date", DAY, "--out", "<tmp>"))):
        tmp = Path(tempfile.mkdtemp())
        job = ("anshang", "--data", path, *(tmp if a == "<tmp>" else a for a in args))
        _run(*job)
        cells = _cells(next(tmp.glob("*.xlsx")))
        cols = 17
        base = ("cells", cells // cols, cols, tmp / "baseline.xlsx")
        out[name] = _paired(_pair(job, base, pairs, path), 1.2, cells=cells)
        shutil.rmtree(tmp, ignore_errors=True)
    return out


def measure_show(big: Path, small: Path) -> dict:
    def some_id(p):
        return sorted(x.stem for x in p.glob("cases/2025/*.yaml"))[0]

    value, kb = _child("anshang", "--data", big, "show", some_id(big), "--date", DAY, repeat=5)
    base, _ = _child("anshang", "--data", small, "show", some_id(small), "--date", DAY, repeat=5)
    return {"show_scale": _result(value, base, 1.3, kb)}


def measure_version(pairs: int) -> dict:
    out = {}
    # a command's start-up: typer builds it (its options, its help page) before any work begins
    for name, args in (("version", ("anshang", "--version")), ("help", ("anshang", "--help")),
                       ("command_help", ("anshang", "receive", "--help"))):
        p = _pair(args, ("import-typer",), max(pairs, 5))
        out[name] = _result(p["value"], p["baseline"], 1.5, p["peak_kb"], runs=p["runs"], baseline_runs=p["baseline_runs"])
    return out


def measure_offsets(n: int) -> dict:
    """N random working-day offsets: the precomputed index vs chinese_calendar.find_workday."""
    import chinese_calendar

    from anshang.core.calendar import Calendar, package_arrangements

    rng = random.Random(2026)
    first = dt.date(2004, 3, 1)
    # start days are working days (handovers happen on them): there find_workday(k, d) means
    # exactly "k working days after d, d not counted", the rule anshang computes
    prep = Calendar(package_arrangements())
    inputs = [(prep.next_workday(first + dt.timedelta(days=rng.randrange(0, 8000))), rng.randint(1, 30))
              for _ in range(n)]
    got = {}

    def ours():
        cal = Calendar(package_arrangements())  # building the index is part of the cost
        got["ours"] = [cal.add_workdays(d, k).due for d, k in inputs]

    def baseline():
        got["base"] = [chinese_calendar.find_workday(k, d) for d, k in inputs]

    value, base = _timed(ours), _timed(baseline)
    if got["ours"] != got["base"]:
        raise SystemExit("workday offsets disagree with chinese_calendar.find_workday")
    return {"workday_offsets": _result(value, base, 0.02, n=n)}


def measure_once(path: Path, wanted=None) -> dict:
    """Every command once (of the ``wanted`` measures), without baselines: time and the command's
    own peak memory (the 100,000-case row of the README, where pairs would take hours)."""
    tmp = Path(tempfile.mkdtemp())
    case = _one_case(path)
    jobs = [
        ("check_first", ("check", "--date", DAY), _no_cache(path)),
        ("check_changed", ("check", "--date", DAY), lambda: case.write_bytes(case.read_bytes())),
        ("check_second", ("check", "--date", DAY), None),
        ("fmt_first", ("fmt", "--check"), lambda: (path / ".anshang/fmt.bin").unlink(missing_ok=True)),
        ("fmt_second", ("fmt", "--check"), None),
        *((f"read_{name}", tuple(case.stem if a == "<case>" else tmp if a == "<tmp>" else a for a in args), None)
          for name, args in READS.items()),
        ("weekly", ("weekly", "--date", DAY, "--out", tmp), None),
        ("summary", ("summary", "--year", "2026", "--format", "xlsx", "--date", DAY, "--out", tmp), None),
    ]
    out = {}
    wanted = set(MEASURES) if wanted is None else wanted
    group = {"check": "check", "fmt": "fmt", "read": "reads", "weekly": "weekly", "summary": "weekly"}
    for name, args, prep in jobs:
        if group[name.split("_")[0]] not in wanted:
            continue
        if name.startswith("read_") or name.endswith("_second"):
            # warm: the caches as an earlier run of the same command left them (the run after an
            # edit made a moment ago cannot remember the whole ledger's answer yet)
            _run("anshang", "--data", path, *args)
        _run("warm", path)
        if prep is not None:
            prep()
        took, peak = _run("anshang", "--data", path, *args)
        out[name] = {"value": round(took, 3), "peak_kb": peak, "memory_target_kb": MEMORY_TARGET_KB}
    shutil.rmtree(tmp, ignore_errors=True)
    return out


LABELS = {
    "check_first": "check 首次，无缓存（基准：libyaml 只解析同样的文件）",
    "check_changed": "check，改动一个文件后（基准：同上）",
    "check_second": "check，台账未变（基准：同上）",
    "fmt_first": "fmt --check 首次（基准：同上）",
    "fmt_second": "fmt --check 再次（基准：同上）",
    **{f"read_{k}": f"{k}（缓存已建；基准：anshang --version）" for k in READS},
    "weekly": "weekly（基准：openpyxl write-only 写同样多的单元格）",
    "summary": "summary 的 Excel（基准：同上）",
    "show_scale": "show 编号（基准：100 件时的 show）",
    "version": "anshang --version（基准：python -c \"import typer\"）",
    "help": "anshang --help（基准：同上）",
    "command_help": "anshang receive --help，一个命令的启动（基准：同上）",
    "workday_offsets": "工作日偏移（基准：chinese_calendar.find_workday）",
}
MEASURES = ["check", "fmt", "reads", "weekly", "show", "version", "offsets"]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench", description="anshang 性能测量（与同次运行的基准成对比较，取中位数）")
    ap.add_argument("--cases", type=int, default=20_000, help="大台账的诉求数（企业数相同），默认 20000")
    ap.add_argument("--pairs", type=int, default=3, help="每项测几对（被测命令与基准交替运行，取中位数），默认 3")
    ap.add_argument("--offsets", type=int, default=100_000, help="工作日偏移次数，默认 100000")
    ap.add_argument("--only", choices=MEASURES, action="append", help="只运行某几项（可重复）")
    ap.add_argument("--once", action="store_true",
                    help="每个命令只运行一次、不测基准，只报耗时和峰值内存（用于 10 万件这样的规模）")
    ap.add_argument("--json", action="store_true", help="输出 JSON {measure: {value, baseline, ratio, target, ok, peak_kb, …}}")
    args = ap.parse_args(argv)
    wanted = set(args.only or MEASURES)
    # measured as installed: pip writes anshang's bytecode at install time, as it did typer's (the
    # baseline); a checkout run with PYTHONDONTWRITEBYTECODE would otherwise compile every run
    import compileall

    compileall.compile_dir(REPO / "anshang", quiet=1)
    results: dict = {}
    if args.once:
        results = measure_once(ledger(args.cases), wanted)
        wanted = set()
    if wanted & {"check", "fmt", "reads", "weekly", "show"}:
        big = ledger(args.cases)
        if "check" in wanted:
            results.update(measure_check(big, args.pairs))
        if "fmt" in wanted:
            results.update(measure_fmt(big, args.pairs))
        if "reads" in wanted:
            results.update(measure_reads(big, args.pairs))
        if "weekly" in wanted:
            results.update(measure_weekly(big, args.pairs))
        if "show" in wanted:
            results.update(measure_show(big, ledger(100)))
    if "version" in wanted:
        results.update(measure_version(args.pairs))
    if "offsets" in wanted:
        results.update(measure_offsets(args.offsets))
    if args.json:
        print(json.dumps(results, ensure_ascii=False, indent=2))
    else:
        for name, r in results.items():
            mem = f"，峰值内存 {r['peak_kb'] / 1024:.0f} MB" if r.get("peak_kb") else ""
            if "baseline" not in r:  # --once
                print(f"{LABELS[name].split('（')[0]}：{r['value']:.3f}s{mem}")
                continue
            if "memory_ok" in r and not r["memory_ok"]:
                mem += f"（超过 {r['memory_target_kb'] // 1024} MB）"
            print(f"{LABELS[name]}：{r['value']:.3f}s / {r['baseline']:.3f}s = {r['ratio']:.3f}"
                  f"（目标 ≤ {r['target']}）{'达标' if r['ok'] else '未达标'}{mem}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
