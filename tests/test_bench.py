"""The benchmark's generator makes a valid ledger, and the runner reports its shape (no timing
is ever asserted)."""

from __future__ import annotations

import json

from anshang.store import yamlfile as yamlio


def test_bench_offsets_runs_small(capsys):
    from bench.__main__ import main

    assert main(["--only", "offsets", "--offsets", "300", "--json"]) == 0
    r = json.loads(capsys.readouterr().out)["workday_offsets"]
    assert set(r) >= {"value", "baseline", "ratio", "target", "ok"}
    assert abs(r["ratio"] - r["value"] / r["baseline"]) < 0.01


def test_generated_ledger_is_valid_and_varied(cli, tmp_path):
    from bench.generate import generate

    out = tmp_path / "big"
    generate(out, cases=300, enterprises=120)
    r = cli("--data", out, "check", "--date", "2026-11-21")
    assert r.code == 0, r.out[:2000]
    r = cli("--data", out, "fmt", "--check")  # written as anshang writes files
    assert r.code == 0, r.out[:2000]
    cases = [yamlio.loads(p.read_text(encoding="utf-8")) for p in out.glob("cases/*/*.yaml")]
    assert len(cases) == 300
    assert {c["channel"] for c in cases} == {"reception_day", "hotline", "open_day", "complaint_centre"}
    assert {c.get("screening", {}).get("decision") for c in cases} == {None, "accepted", "excluded", "referred"}
    assert {c.get("outcome", {}).get("kind") for c in cases} >= {None, "solved", "explained", "handover"}
    kinds = {e["kind"] for c in cases for e in c.get("events") or []}
    assert {"progress", "longterm", "periodic", "result", "close"} <= kinds
    years = {p.parent.name for p in out.glob("sessions/*/*.yaml")}
    assert len(years) >= 10
    assert max(len(c["facts"]) for c in cases) > 200  # long Chinese texts


def test_bench_pairs_report_medians_and_each_side_s_own_peak(capsys):
    from bench.__main__ import main

    assert main(["--only", "version", "--pairs", "1", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    for name in ("version", "help", "command_help"):
        r = out[name]
        assert len(r["runs"]) == len(r["baseline_runs"]) == 5  # at least five pairs for start-up times
        assert sorted(r["runs"])[2] == r["value"] and sorted(r["baseline_runs"])[2] == r["baseline"]  # medians
        assert 0 < r["peak_kb"] < 1024 * 1024  # the child's own peak, in KB


def test_bench_once_runs_every_command_and_reports_time_and_own_peak(capsys):
    from bench.__main__ import READS, main

    assert main(["--cases", "100", "--once", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert set(out) == {"check_first", "check_changed", "check_second", "fmt_first", "fmt_second",
                        "weekly", "summary", *(f"read_{k}" for k in READS)}
    assert all(r["value"] > 0 and 0 < r["peak_kb"] < 1024 * 1024 for r in out.values())
    assert main(["--cases", "100", "--once", "--only", "fmt", "--only", "weekly", "--json"]) == 0  # only those
    assert set(json.loads(capsys.readouterr().out)) == {"fmt_first", "fmt_second", "weekly", "summary"}
