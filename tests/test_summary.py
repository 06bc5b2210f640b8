"""Issue 17: the period report and ``stats --from/--to``. Their figures are checked against counts
made here directly from the case files, on a ledger with events on both sides of the period's
edges; ``stats --json`` gives the same figures as ``summary --json``."""

from __future__ import annotations

import datetime as dt
import json

import pytest
import yaml

from anshang.core import period

Q3 = ("2026-07-01", "2026-09-30")


def _cases(ledger) -> list[dict]:
    return [yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted(ledger.glob("cases/*/*.yaml"))]


def _d(v) -> dt.date | None:
    return None if v is None else (v if isinstance(v, dt.date) else dt.date.fromisoformat(str(v)))


def _edges(cli, ledger):
    """Events just inside and just outside the third quarter of 2026."""
    for args in (["report", "260910-dk7gt", "progress", "--unit", "nmj", "--date", "2026-09-30"],  # the last day: in
                 ["report", "260901-3pehy", "progress", "--date", "2026-10-08"],  # the next working day: out
                 ["report", "260909-qy48j", "progress", "--date", "2026-09-29"]):  # in
        r = cli("--data", ledger, *args)
        assert r.code == 0, (args, r)


def _direct(ledger, start: dt.date, end: dt.date) -> dict:
    """The period's figures counted by hand from the files (what happened after ``end`` ignored)."""
    def inside(day):
        return day is not None and start <= day <= end

    want = {"registered": 0, "accepted": 0, "excluded": 0, "referred": 0, "received": 0, "solved": 0,
            "handed_over": 0, "explained": 0, "closed": 0, "by_channel": {}}
    units: dict = {}
    for c in _cases(ledger):
        reg = _d(c["registered"])
        if inside(reg):
            want["registered"] += 1
            ch = c.get("channel")
            want["by_channel"][ch] = want["by_channel"].get(ch, 0) + 1
            scr = c.get("screening") or {}
            if scr and _d(scr["date"]) <= end:
                want[scr["decision"]] += 1
        out = c.get("outcome") or {}
        evs = [e for e in c.get("events") or [] if _d(e["date"]) <= end]
        if inside(_d(out.get("date"))):
            want["received"] += 1
            want[{"solved": "solved", "handover": "handed_over", "explained": "explained"}[out["kind"]]] += 1
            if out["kind"] == "handover":
                later = [e for e in c.get("events") or [] if e["kind"] == "reassign" and _d(e["date"]) > end]
                lead = later[0]["was"][0] if later else out["lead_unit"]
                units[lead] = units.get(lead, 0) + 1
        want["closed"] += sum(1 for e in evs if e["kind"] == "close" and inside(_d(e["date"])))
    want["units_handed_over"] = units
    return want


def _summary(cli, ledger, tmp_path, *period_args, date="2026-11-21"):
    r = cli("--data", ledger, "summary", *period_args, "--date", date, "--out", tmp_path / "out", "--json")
    assert r.code == 0, r
    return json.loads(r.out)


@pytest.mark.parametrize("args,start,end", [
    (["--quarter", "2026Q3"], "2026-07-01", "2026-09-30"),
    (["--month", "2026-11"], "2026-11-01", "2026-11-21"),  # not over yet: as of the day of writing
    (["--from", "2025-06-01", "--to", "2026-06-30"], "2025-06-01", "2026-06-30"),
])
def test_the_figures_agree_with_counts_made_from_the_files(cli, sample, tmp_path, args, start, end):
    _edges(cli, sample)
    got = _summary(cli, sample, tmp_path, *args)
    f = got["figures"]
    want = _direct(sample, dt.date.fromisoformat(start), dt.date.fromisoformat(end))
    work = {k: f["work"][k] for k in ("registered", "accepted", "excluded", "referred", "received", "solved",
                                       "handed_over", "explained", "closed")}
    assert work == {k: want[k] for k in work}
    assert f["work"]["by_channel"] == want["by_channel"]
    assert {u: r["handed_over"] for u, r in f["by_unit"].items() if r["handed_over"]} == want["units_handed_over"]
    assert sum(r["registered"] for r in f["by_channel"].values()) == want["registered"]
    assert (f["period"]["from"], f["period"]["to"]) == (start, got["figures"]["period"]["to"])
    # stats gives the same figures for the same period
    r = cli("--data", sample, "stats", "--from", start, "--to", f["period"]["to"], "--date", "2026-11-21", "--json")
    assert r.code == 0 and json.loads(r.out)["work"] == f["work"] and json.loads(r.out)["by_unit"] == f["by_unit"]


@pytest.mark.parametrize("args,start,end", [(["--quarter", "2026Q3"], "2026-07-01", "2026-09-30"),
                                           (["--month", "2026-11"], "2026-11-01", "2026-11-21")])  # running: to 11-21
def test_reports_due_and_on_time_counted_by_hand(cli, sample, tmp_path, args, start, end):
    """Each unit's part of progress and result reports due in the period (by its end, for one
    still running) and reported by their due date (the sample's rule: the lead's report covers
    its co-units)."""
    _edges(cli, sample)
    f = _summary(cli, sample, tmp_path, *args)["figures"]
    start, end = dt.date.fromisoformat(start), dt.date.fromisoformat(end)
    due = on_time = 0
    for c in _cases(sample):
        out = c.get("outcome") or {}
        if out.get("kind") != "handover" or _d(out["date"]) > end:
            continue
        evs = [e for e in c.get("events") or [] if _d(e["date"]) <= end]
        if [e for e in c.get("events") or [] if e["kind"] in ("reassign", "extension", "reopen") and _d(e["date"]) > end]:
            continue  # moved after the quarter (the sample's: a 2025 demand reopened in November), due outside it then
        lead, co = out["lead_unit"], [u for u in out.get("co_units") or [] if u != out["lead_unit"]]
        longterm = any(e["kind"] == "longterm" for e in evs) and not any(e["kind"] == "result" for e in evs)
        for kind in ("progress", "result"):
            d = _d((c.get("deadlines") or {}).get(kind, {}).get("due"))
            if d is None or not start <= d <= end or (kind == "result" and longterm):
                continue  # (a result waits while the long-term reports run)
            lead_met = [_d(e["date"]) for e in evs if e["kind"] == kind and e.get("unit") in (None, lead)]
            for unit in [lead, *co]:
                mine = [_d(e["date"]) for e in evs if e["kind"] == kind and e.get("unit") == unit]
                met = min(lead_met + mine, default=None) if unit != lead else min(lead_met, default=None)
                due += 1
                on_time += met is not None and met <= d
    assert sum(r["reports_due"] for r in f["by_unit"].values()) == due > 0
    assert sum(r["reports_on_time"] for r in f["by_unit"].values()) == on_time


def test_a_period_is_a_snapshot_of_its_end(cli, sample, tmp_path):
    before = _summary(cli, sample, tmp_path, "--quarter", "2026Q3")
    for args in (["report", "260901-3pehy", "result", "--date", "2026-10-09"],
                 ["reassign", "260909-qy48j", "--lead", "scjgj", "--reason", "职责调整", "--date", "2026-10-09"]):
        assert cli("--data", sample, *args).code == 0
    after = _summary(cli, sample, tmp_path, "--quarter", "2026Q3")
    assert after == before


def test_periods_and_their_previous_ones():
    assert period.parse_month("2026年2月") == period.month(2026, 2)
    assert period.month(2026, 2).end == dt.date(2026, 2, 28)
    assert period.parse_quarter("2026年第四季度") == period.parse_quarter("2026Q4") == period.quarter(2026, 4)
    assert period.quarter(2026, 1).previous() == period.quarter(2025, 4)
    assert period.month(2026, 1).previous() == period.month(2025, 12)
    assert period.span(dt.date(2026, 3, 1), dt.date(2026, 3, 10)).previous().start == dt.date(2026, 2, 19)


def test_summary_writes_both_and_refuses_unclear_periods(cli, sample, tmp_path):
    r = cli("--data", sample, "summary", "--session", "2026-11-12", "--date", "2026-11-21", "--out", tmp_path)
    assert r.code == 0, r
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix in (".docx", ".xlsx")) == [
        "企业诉求办理情况报告-接待日 2026年11月12日.docx", "企业诉求办理情况数据-接待日 2026年11月12日.xlsx"]
    for args, words in ((["--month", "2026-11", "--year", "2026"], "请选一种报告期"), ([], "请选一种报告期"),
                        (["--month", "2026-13"], "--month '2026-13' 的写法不对"),
                        (["--quarter", "2026Q5"], "--quarter '2026Q5' 的写法不对"),
                        (["--to", "2026-11-01"], "--to 须与 --from 同用"),
                        (["--from", "2026-11-02", "--to", "2026-11-01"], "早于 --from"),
                        (["--year", "2027"], "还没有开始"), (["--year", "2026", "--format", "pdf"], "--format 只能是")):
        r = cli("--data", sample, "summary", *args, "--date", "2026-11-21", "--out", tmp_path / "x")
        assert r.code == 2 and words in r.err, (args, r)


def test_stats_tables_for_a_period_as_text_csv_and_workbook(cli, sample, tmp_path):
    r = cli("--data", sample, "stats", "--from", "2026-01-01", "--to", "2026-12-31", "--date", "2026-11-21",
            "--by", "channel")
    assert r.code == 0
    assert r.out.splitlines()[:3] == ["2026年1月1日至2026年12月31日（2026-01-01 至 2026-11-21）渠道",
                                      "渠道\t登记\t受理\t已了结\t结案率", "市长接待日\t40\t25\t17\t42.5%"]
    r = cli("--data", sample, "stats", "--from", "2026-01-01", "--to", "2026-12-31", "--date", "2026-11-21",
            "--by", "unit", "--csv", "--out", tmp_path / "单位.xlsx")
    assert r.code == 0 and r.out.startswith("\ufeff排名,承办单位,交办,配合,应报送,按时报送,办结,办结率,按时报送率")
    assert (tmp_path / "单位.xlsx").is_file()
    for args, words in ((["--by", "年"], "--by 只能是"), (["--csv"], "须与 --from 同用"),
                        (["--from", "2026-01-01", "--year", "2026"], "--year 与 --from 不能同用"),
                        (["--from", "2026-01-01", "--csv", "--json"], "--csv 和 --json 只能用一个")):
        r = cli("--data", sample, "stats", *args)
        assert r.code == 2 and words in r.err, (args, r)


def test_a_unit_name_that_looks_like_a_formula_stays_text_in_the_csv(cli, sample):
    units = sample / "units.yaml"
    units.write_text(units.read_text(encoding="utf-8").replace("name: 市水务局", "name: =HYPERLINK(\"x\")水务局"),
                     encoding="utf-8")
    r = cli("--data", sample, "stats", "--from", "2026-11-01", "--to", "2026-11-30", "--date", "2026-11-21", "--csv")
    assert r.code == 0 and "'=HYPERLINK(\"\"x\"\")水务局" in r.out


def test_the_same_ledger_and_day_give_the_same_bytes(cli, sample, tmp_path):
    for run in ("a", "b"):
        r = cli("--data", sample, "summary", "--year", "2026", "--date", "2026-11-21", "--out", tmp_path / run)
        assert r.code == 0
    names = sorted(p.name for p in (tmp_path / "a").iterdir())
    assert names == sorted(p.name for p in (tmp_path / "b").iterdir()) and len(names) == 2
    for name in names:
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes(), name


def test_the_readme_prints_the_reports_definitions_word_for_word():
    from conftest import REPO

    from anshang.documents.summary import DEFINITIONS

    readme = (REPO / "README.md").read_text(encoding="utf-8")
    block = readme.split("**报告期的指标**", 1)[1].split("\n\n", 2)[1]
    assert block.splitlines() == [f"- {d}" for d in DEFINITIONS]


def test_a_year_out_of_range_is_refused(cli, sample, tmp_path):
    for year in ("0", "1", "99999"):
        r = cli("--data", sample, "summary", "--year", year, "--out", tmp_path)
        assert r.code == 2 and "不在可统计的年份内" in r.err, r


def test_a_demand_withdrawn_before_its_reports_fall_due_owes_none_of_them(cli, sample):
    def due_parts():
        r = cli("--data", sample, "stats", "--from", "2026-11-01", "--to", "2026-11-30", "--date", "2026-11-30", "--json")
        return sum(u["reports_due"] for u in json.loads(r.out)["by_unit"].values())

    case = yaml.safe_load((sample / "cases/2026/261030-s40q5.yaml").read_text(encoding="utf-8"))
    units = 1 + len(case["outcome"].get("co_units") or [])
    owed = units * sum(1 for k in ("progress", "result")
                       if dt.date(2026, 11, 16) < _d(case["deadlines"][k]["due"]) <= dt.date(2026, 11, 30))
    before = due_parts()
    assert cli("--data", sample, "withdraw", "261030-s40q5", "--reason", "企业已自行解决", "--date", "2026-11-16").code == 0
    assert owed > 0 and due_parts() == before - owed


def test_the_period_before_worked_out_alongside_gives_the_same_report(cli, sample, tmp_path, monkeypatch):
    """A big ledger's previous period is computed by a forked copy: the same JSON and workbook."""
    from anshang.store import alongside

    out = {}
    before = alongside.answers
    for worth in (10**9, 0):  # never alongside; always (where the system can fork)
        monkeypatch.setattr(alongside, "WORTH_IT", worth)
        r = cli("--data", sample, "summary", "--month", "2026-11", "--date", "2026-11-21", "--format", "xlsx",
                "--out", tmp_path / str(worth), "--json")
        assert r.code == 0, r.err
        book = next((tmp_path / str(worth)).glob("*.xlsx")).read_bytes()
        out[worth] = (json.loads(r.out), book)
    assert out[0] == out[10**9] and out[0][0]["previous"]
    assert alongside.answers == before + (1 if alongside.can_fork() else 0)  # the child's figures were used


def test_the_report_from_the_enterprises_names_index_is_the_one_from_a_full_read(cli, sample, tmp_path, monkeypatch):
    """The report reads the enterprises only by name (their index): the same JSON, workbook and Word text;
    a broken enterprise file stops it as before."""
    from conftest import aged, docx_text

    from anshang.documents import case_list

    aged(sample)
    names = case_list.enterprise_names
    out = {}
    for how in ("index", "full"):
        monkeypatch.setattr(case_list, "enterprise_names", names if how == "index" else (lambda ledger: None))
        for args in (("--year", "2026"), ("--month", "2026-11"), ("--session", "2026-09-17")):
            to = tmp_path / how / args[1]
            r = cli("--data", sample, "summary", *args, "--date", "2026-11-21", "--format", "all", "--out", to, "--json")
            assert r.code == 0, r.err
            out[how, args] = (json.loads(r.out), next(to.glob("*.xlsx")).read_bytes(), docx_text(next(to.glob("*.docx"))))
    for key in [k for k in out if k[0] == "index"]:
        assert out[key] == out[("full", key[1])], key
    assert any("有限公司" in text for _, _, text in out.values())  # (the enterprises' names are shown)
    monkeypatch.setattr(case_list, "enterprise_names", names)
    ent = sorted(sample.glob("enterprises/*.yaml"))[0]
    ent.write_text("uscc: [\n", encoding="utf-8")
    r = cli("--data", sample, "summary", "--year", "2026", "--date", "2026-11-21", "--format", "xlsx", "--out", tmp_path)
    assert r.code == 2 and f"{ent.relative_to(sample).as_posix()}:2: [yaml]" in r.err, r.err
