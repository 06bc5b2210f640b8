"""Benchmarks: ``python -m bench [--cases N] [--json]``.

Each measure is timed against a baseline in the same run and reported as a ratio, with the
target from the benchmark issue and the peak memory of the measured job. Timings are never
asserted in tests; CI runs this at a small size only so that it cannot rot.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
OUT = REPO / "bench" / "out"
DAY = "2026-11-21"


def _timed(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def _child(*args, repeat: int = 1) -> tuple[float, int]:
    """Best wall time of ``python -m bench.child …`` over ``repeat`` runs, and its peak KB."""
    best, peak = float("inf"), 0
    env = {**os.environ, "PYTHONPATH": str(REPO) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    for _ in range(repeat):
        with tempfile.NamedTemporaryFile(suffix=".kb", delete=False) as f:
            kb_file = f.name
        start = time.perf_counter()
        proc = subprocess.run([sys.executable, "-m", "bench.child", kb_file, *map(str, args)],
                              cwd=REPO, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        took = time.perf_counter() - start
        if proc.returncode not in (0, 1):
            raise SystemExit(f"benchmark job failed: {args}\n{proc.stderr.decode('utf-8', 'replace')}")
        best = min(best, took)
        peak = max(peak, int(Path(kb_file).read_text(encoding="utf-8") or 0))
        os.unlink(kb_file)
    return best, peak


def _result(value, baseline, target, peak=None, **extra) -> dict:
    r = {"value": round(value, 4), "baseline": round(baseline, 4), "ratio": round(value / baseline, 4),
         "target": target, "ok": value / baseline <= target}
    if peak is not None:
        r["peak_kb"] = peak
    r.update(extra)
    return r


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


def measure_check(path: Path) -> dict:
    shutil.rmtree(path / ".anshang", ignore_errors=True)
    first, first_kb = _child("anshang", "--data", path, "check", "--date", DAY)
    base, base_kb = _child("parse", path)
    second, second_kb = _child("anshang", "--data", path, "check", "--date", DAY, repeat=3)
    return {"check_first": _result(first, base, 2.0, first_kb, baseline_peak_kb=base_kb),
            "check_second": _result(second, first, 0.2, second_kb)}


def measure_weekly(path: Path) -> dict:
    out = Path(tempfile.mkdtemp())
    took, kb = _child("anshang", "--data", path, "weekly", "--date", DAY, "--out", out)
    from openpyxl import load_workbook

    book = next(out.glob("*.xlsx"))
    wb = load_workbook(book, read_only=True)
    cells = sum(len(row) for ws in wb.worksheets for row in ws.iter_rows(values_only=True))
    cols = 17
    base, base_kb = _child("cells", cells // cols, cols, out / "baseline.xlsx")
    shutil.rmtree(out, ignore_errors=True)
    return {"weekly": _result(took, base, 2.0, kb, cells=cells, baseline_peak_kb=base_kb)}


def measure_show(big: Path, small: Path) -> dict:
    def some_id(p):
        return sorted(x.stem for x in p.glob("cases/2025/*.yaml"))[0]

    value, kb = _child("anshang", "--data", big, "show", some_id(big), "--date", DAY, repeat=5)
    base, _ = _child("anshang", "--data", small, "show", some_id(small), "--date", DAY, repeat=5)
    return {"show": _result(value, base, 1.3, kb)}


def measure_version() -> dict:
    value, kb = _child("anshang", "--version", repeat=7)
    base, _ = _child("import-typer", repeat=7)
    return {"version": _result(value, base, 1.5, kb)}


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


LABELS = {
    "check_first": "check 首次（基准：libyaml 只解析同样的文件）",
    "check_second": "check 再次（基准：check 首次）",
    "weekly": "weekly（基准：openpyxl write-only 写同样多的单元格）",
    "show": "show 编号（基准：100 件时的 show）",
    "version": "anshang --version（基准：python -c \"import typer\"）",
    "workday_offsets": "工作日偏移（基准：chinese_calendar.find_workday）",
}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench", description="anshang 性能测量（与同次运行的基准比较）")
    ap.add_argument("--cases", type=int, default=20_000, help="大台账的诉求数（企业数相同），默认 20000")
    ap.add_argument("--offsets", type=int, default=100_000, help="工作日偏移次数，默认 100000")
    ap.add_argument("--only", choices=["check", "weekly", "show", "version", "offsets"], action="append",
                    help="只运行某几项（可重复）")
    ap.add_argument("--json", action="store_true", help="输出 JSON {measure: {value, baseline, ratio, target, ok}}")
    args = ap.parse_args(argv)
    wanted = set(args.only or ["check", "weekly", "show", "version", "offsets"])
    results: dict = {}
    if wanted & {"check", "weekly", "show"}:
        big = ledger(args.cases)
        if "check" in wanted:
            results.update(measure_check(big))
        if "weekly" in wanted:
            results.update(measure_weekly(big))
        if "show" in wanted:
            results.update(measure_show(big, ledger(100)))
    if "version" in wanted:
        results.update(measure_version())
    if "offsets" in wanted:
        results.update(measure_offsets(args.offsets))
    if args.json:
        print(json.dumps(results, ensure_ascii=False, indent=2))
    else:
        for name, r in results.items():
            mem = f"，峰值内存 {r['peak_kb'] / 1024:.0f} MB" if r.get("peak_kb") else ""
            print(f"{LABELS[name]}：{r['value']:.3f}s / {r['baseline']:.3f}s = {r['ratio']:.3f}"
                  f"（目标 ≤ {r['target']}）{'达标' if r['ok'] else '未达标'}{mem}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
