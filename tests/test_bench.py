"""The benchmark runs and reports its shape (no timing is asserted)."""

from __future__ import annotations

import json


def test_bench_offsets_runs_small(capsys):
    from bench.__main__ import main

    assert main(["--offsets", "300", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    r = out["workday_offsets"]
    assert set(r) >= {"value", "baseline", "ratio", "target", "ok"}
    assert r["ratio"] == r["value"] / r["baseline"]
