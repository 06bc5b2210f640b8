"""Year-end calendar truth: handovers in December 2026 whose deadlines reach 2027 (not yet in the
calendar) stop without --provisional, are marked 暂定 with it, and are recomputed by
``calendar recalc`` once a 2027 supplement is added — each recomputed date checked against an
independent day-by-day count."""

from __future__ import annotations

import datetime as dt
import json

import chinese_calendar

from anshang.store import yamlfile as yamlio

D = dt.date
SUPPLEMENT = """\
year: 2027
source: 国务院办公厅关于2027年部分节假日安排的通知（测试用）
holidays:
  - name: 元旦
    from: 2027-01-01
    to: 2027-01-03
  - name: 测试假日
    from: 2027-01-11
    to: 2027-01-12
workdays:
  - 2027-01-16
"""
OFF_2027 = {D(2027, 1, 1), D(2027, 1, 2), D(2027, 1, 3), D(2027, 1, 11), D(2027, 1, 12)}
ON_2027 = {D(2027, 1, 16)}


def workday(day: dt.date) -> bool:
    if day.year == 2027:
        return day in ON_2027 or (day.weekday() < 5 and day not in OFF_2027)
    return chinese_calendar.is_workday(day)


def reference(basis: dt.date, rule: str, n: int) -> dt.date:
    """Day by day: N working days, or N days with a rest day rolled forward."""
    if rule in ("workdays", "every_workdays"):
        day = basis
        while n:
            day += dt.timedelta(days=1)
            n -= workday(day)
        return day
    day = basis + dt.timedelta(days=n)
    while not workday(day):
        day += dt.timedelta(days=1)
    return day


def _case(root, cid):
    return yamlio.strip_lines(yamlio.loads((root / f"cases/20{cid[:2]}/{cid}.yaml").read_text(encoding="utf-8")))


def test_december_handovers_across_an_unpublished_year(cli, sample):
    run = lambda *args: cli("--data", sample, *args)  # noqa: E731
    a, b = "261119-c3tk9", "261120-4eb3q"
    # without --provisional: a clear stop, nothing written
    r = run("receive", a, "--outcome", "handover", "--date", "2026-12-10")
    assert r.code == 2 and "2027 年的节假日安排尚未加入日历" in r.err and "--provisional" in r.err
    assert "outcome" not in _case(sample, a)
    # with it: every dependent date marked
    r = run("receive", a, "--outcome", "handover", "--date", "2026-12-10", "--provisional")
    assert r.code == 0 and "办理结果：2027年1月11日（星期一）前（30日（末日为休息日顺延））（暂定）" in r.out, r
    assert _case(sample, a)["deadlines"]["progress"]["provisional"] is False  # 2026-12-21: known year
    assert run("report", a, "progress", "--date", "2026-12-18").code == 0
    assert run("longterm", a, "--date", "2026-12-22").code == 2
    assert run("longterm", a, "--date", "2026-12-22", "--provisional").code == 0
    assert run("report", a, "periodic", "--date", "2026-12-31", "--provisional").code == 0
    r = run("extend", a, "--kind", "periodic", "--to", "2027-01-20", "--reason", "年底停工", "--date", "2027-01-05")
    assert r.code == 0 and "（暂定" in r.out

    assert run("receive", b, "--outcome", "handover", "--date", "2026-12-10", "--provisional").code == 0
    assert run("reassign", b, "--lead", "czj", "--reason", "职责在财政", "--date", "2026-12-16").code == 2
    assert run("reassign", b, "--lead", "czj", "--reason", "职责在财政", "--date", "2026-12-16",
               "--provisional").code == 0
    for args in (["report", b, "progress", "--date", "2026-12-20"], ["report", b, "result", "--date", "2026-12-28"],
                 ["reply", b, "--date", "2026-12-29"]):
        assert run(*args).code == 0
    assert run("revisit", b, "--satisfaction", "不满意", "--date", "2026-12-30").code == 2
    assert run("revisit", b, "--satisfaction", "不满意", "--date", "2026-12-30", "--provisional").code == 0

    # nothing that depends on 2027 without the mark
    assert run("due", "--date", "2027-01-20").code == 2
    r = run("due", "--date", "2027-01-20", "--json", "--provisional")
    items = json.loads(r.out)
    assert items and all(i["provisional"] for i in items if i["due"] >= "2027" or i["overdue_workdays"])
    text = run("due", "--date", "2027-01-20", "--provisional").out
    assert all("（暂定）" in line for line in text.splitlines() if "超期" in line and line.startswith("  "))
    stats = json.loads(run("stats", "--date", "2027-01-20", "--json").out)
    assert stats["overall"]["provisional"] is True
    assert "暂定" in run("check").out

    r = run("calendar", "status", "--date", "2026-12-31")
    assert r.code == 1 and "个按暂定日历计算的日期（等待 2027 年节假日安排）" in r.out
    pending = json.loads(run("calendar", "status", "--date", "2026-12-31", "--json").out)["provisional_dates"]
    assert pending >= 4

    # the notice lands: add 2027 and recompute
    (sample / "calendar/2027.yaml").write_text(SUPPLEMENT, encoding="utf-8")
    before = {cid: _case(sample, cid)["deadlines"] for cid in (a, b)}
    r = run("calendar", "recalc", "--dry-run")
    assert r.code == 0 and "（未写入）" in r.out and _case(sample, a)["deadlines"] == before[a]
    r = run("calendar", "recalc")
    assert r.code == 0 and "写入" in r.out, r
    for cid in (a, b):
        after = _case(sample, cid)["deadlines"]
        for kind, old in before[cid].items():
            new = after[kind]
            assert new["provisional"] is False, (cid, kind)
            if not old.get("provisional"):
                assert new == old
            elif "extended_from" in old:  # a date a person typed is never moved
                assert new["due"] == old["due"] == "2027-01-20"
            else:
                expected = reference(D.fromisoformat(old["basis"]), old["rule"], old["n"])
                assert new["due"] == expected.isoformat(), (cid, kind, old, new)
        moved = any(after[k]["due"] != before[cid][k]["due"] for k in before[cid])
        noted = "节假日安排已加入，按其重新计算期限" in _case(sample, cid)["events"][-1]["note"]
        assert noted == moved, cid  # an event where a date moved, none where it only lost 暂定
    # the result of b moved off the new holiday: 2026-12-30 + 30 days = 2027-01-29 (a Friday, kept);
    # the first handover's result (2027-01-09 + roll) now lands after 测试假日
    assert reference(D(2026, 12, 10), "days", 30) == D(2027, 1, 13)
    assert "2027-01-11 → 2027-01-13" in _case(sample, a)["events"][-1]["note"]
    r = run("check")
    assert r.code == 0 and "暂定" not in r.out.replace("sessions/2027", ""), r.out
    assert run("due", "--date", "2027-01-20", "--json").code == 0  # no --provisional needed any more


def test_an_unfilled_template_blocks_nothing_and_check_says_fill_it_in(cli, sample):
    assert cli("--data", sample, "calendar", "add", "2027").code == 0
    assert cli("--data", sample, "due", "--date", "2026-11-21").code == 0  # 2026 only: not blocked
    r = cli("--data", sample, "check")
    assert "尚未填写放假日期" in r.out and "请照国务院办公厅通知填写 calendar/2027.yaml" in r.out


def test_chase_writes_nothing_while_another_writer_holds_the_lock(cli, sample, tmp_path, monkeypatch):
    from anshang.store.folder import Ledger

    monkeypatch.setenv("ANSHANG_LOCK_TIMEOUT", "0.2")
    with Ledger(sample).lock():
        r = cli("--data", sample, "chase", "--date", "2026-11-21", "--out", tmp_path / "c")
    assert r.code == 2 and not (tmp_path / "c").exists()
