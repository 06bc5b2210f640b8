"""Run the benchmarks: ``python -m bench [--offsets N] [--json]``.

Each measure: our time, the baseline's time on the same inputs in the same run, their ratio
and the target ratio. Timings are never asserted in tests; CI runs this at a small size only
so that it cannot rot.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def _timed(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def measure_offsets(n: int) -> dict:
    """N random working-day offsets: the precomputed index vs chinese_calendar.find_workday."""
    import chinese_calendar

    from anshang.calendar import Calendar, package_arrangements

    rng = random.Random(2026)
    first = dt.date(2004, 3, 1)
    # start days are working days (handovers happen on them): there find_workday(k, d) means
    # exactly "k working days after d, d not counted", the rule anshang computes
    prep = Calendar(package_arrangements())
    inputs = [(prep.next_workday(first + dt.timedelta(days=rng.randrange(0, 8000))), rng.randint(1, 30))
              for _ in range(n)]
    ours_holder = {}

    def ours():
        cal = Calendar(package_arrangements())  # building the index is part of the cost
        ours_holder["r"] = [cal.add_workdays(d, k).due for d, k in inputs]

    def baseline():
        ours_holder["b"] = [chinese_calendar.find_workday(k, d) for d, k in inputs]

    value, base = _timed(ours), _timed(baseline)
    if ours_holder["r"] != ours_holder["b"]:
        raise SystemExit("workday offsets disagree with chinese_calendar.find_workday")
    return {"value": value, "baseline": base, "ratio": value / base, "target": 0.02,
            "ok": value / base <= 0.02, "n": n}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench", description="anshang 性能测量（与同次运行的基准比较）")
    ap.add_argument("--offsets", type=int, default=100_000, help="工作日偏移次数（默认 100000）")
    ap.add_argument("--json", action="store_true", help="输出 JSON {measure: {value, baseline, ratio, target, ok}}")
    args = ap.parse_args(argv)
    results = {"workday_offsets": measure_offsets(args.offsets)}
    if args.json:
        print(json.dumps(results, ensure_ascii=False, indent=2))
    else:
        for name, r in results.items():
            print(f"{name}: {r['value']:.3f}s，基准 {r['baseline']:.3f}s，比值 {r['ratio']:.4f}"
                  f"（目标 ≤ {r['target']}）{'达标' if r['ok'] else '未达标'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
