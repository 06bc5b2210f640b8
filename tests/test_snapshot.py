"""``--date D`` is the ledger as it stood at the end of D (issue 17): record all kinds of events
dated after D through the commands a clerk uses, and every report for D stays the same — text,
JSON and workbook bytes alike. Then the snapshot on plain data: what is dropped and what is
replayed."""

from __future__ import annotations

import datetime as dt

from anshang.core.calendar import Calendar, package_arrangements
from anshang.core.deadlines import Rule
from anshang.core.snapshot import case_as_of, session_as_of

D = "2026-11-21"
CAL = Calendar(package_arrangements(), allow_provisional=True)


def _reports(cli, ledger, out, day=D) -> dict:
    """Every report and listing for ``day``, as text (workbooks as their bytes)."""
    got = {}
    for name, args in {
        "due": ["due"], "due-json": ["due", "--json"], "due-within": ["due", "--within", "10"],
        "due-office": ["due", "--office", "--json", "--within", "15"],
        "today": ["today"], "today-json": ["today", "--json"],
        "stats": ["stats", "--json"], "list": ["list", "--json"], "list-text": ["list"],
        "show-reassigned": ["show", "261102-74exp"], "show-overdue": ["show", "260901-3pehy"],
        "show-longterm": ["show", "260609-01mc1"], "show-replied": ["show", "261029-gyqcc"],
        "show-scheduled": ["show", "261119-63j86"], "show-handover": ["show", "261030-s40q5"],
    }.items():
        r = cli("--data", ledger, *args, "--date", day)
        assert r.code == 0, (name, r)
        got[name] = r.out
    for name, args in {"weekly": ["weekly"], "publish": ["publish", "--format", "all"]}.items():
        folder = out / name
        r = cli("--data", ledger, *args, "--date", day, "--out", folder)
        assert r.code == 0, (name, r)
        for f in sorted(folder.iterdir()):
            got[f"{name}/{f.name}"] = f.read_bytes()
    return got


def test_events_after_the_day_change_no_report_of_the_day(cli, sample, tmp_path):
    before = _reports(cli, sample, tmp_path / "before")
    then = _reports(cli, sample, tmp_path / "then", "2026-12-15")  # a day after all of them
    later = [
        ["report", "261102-74exp", "progress", "--date", "2026-11-24"],
        ["report", "260901-3pehy", "progress", "--date", "2026-11-23"],
        ["report", "260901-3pehy", "result", "--date", "2026-11-24"],
        ["extend", "261030-s40q5", "--to", "2026-12-30", "--reason", "需会商", "--date", "2026-11-23"],
        ["reassign", "261102-ecng5", "--lead", "fgw", "--reason", "职责在发改委", "--date", "2026-11-24"],
        ["report", "260609-01mc1", "periodic", "--date", "2026-11-23"],
        ["longterm", "261030-s40q5", "--date", "2026-11-25"],
        ["report", "261030-s40q5", "periodic", "--date", "2026-12-03"],
        ["revisit", "261029-gyqcc", "--satisfaction", "不满意", "--date", "2026-11-24"],
        ["key", "261030-a9cg7", "--date", "2026-11-24"],
        ["reply", "261030-a9cg7", "--date", "2026-11-24"],
        ["screen", "--date", "2026-11-24"],
        ["match", "--date", "2026-11-24"],
        ["notify", "--session", "2026-12-10", "--all", "--how", "电话", "--date", "2026-11-24"],
        ["letter", "261113-9kgv6", "--record", "--date", "2026-11-24", "--out", tmp_path / "letters"],
        ["publish", "--record", "--date", "2026-11-27", "--out", tmp_path / "pub"],
        ["chase", "--date", "2026-11-24", "--out", tmp_path / "chase"],
        ["receive", "261119-63j86", "--outcome", "当场解决"],  # on the session's day, 12-10: held
        ["withdraw", "261120-7464r", "--reason", "企业已自行解决", "--date", "2026-11-25"],
        ["register", "--channel", "hotline", "--name", "北岚市测试企业有限公司", "--district", "岚山区",
         "--add-unknown", "--contact", "王五", "--phone", "13900000000", "--field", "税务", "--title", "退税进度",
         "--facts", "已申请三个月", "--reasons", "影响资金周转", "--request", "加快办理", "--date", "2026-11-24"],
    ]
    for args in later:
        r = cli("--data", sample, *args)
        assert r.code == 0, (args, r)
    assert cli("--data", sample, "check").code == 0
    after = _reports(cli, sample, tmp_path / "after")
    assert sorted(after) == sorted(before)
    for name in before:
        assert after[name] == before[name], name
    # and the events did happen: the reports of a day after them all changed
    now = _reports(cli, sample, tmp_path / "now", "2026-12-15")
    changed = sorted(name.split("/")[0] for name in then if now.get(name) != then[name])
    assert {"due", "due-json", "today", "stats", "list", "show-reassigned", "show-overdue", "show-longterm",
            "show-replied", "show-scheduled", "show-handover", "weekly", "publish"} <= set(changed)


def test_the_reports_of_a_later_day_do_see_them(cli, sample):
    r = cli("--data", sample, "report", "260901-3pehy", "result", "--date", "2026-11-24")
    assert r.code == 0
    on_d = cli("--data", sample, "due", "--json", "--date", D).out
    after = cli("--data", sample, "due", "--json", "--date", "2026-11-24").out
    assert '"260901-3pehy"' in on_d and after.count('"260901-3pehy"') < on_d.count('"260901-3pehy"')


# --- on plain data -------------------------------------------------------------------------------

def _handover(**more):
    c = {"id": "261001-aaaaa", "registered": dt.date(2026, 9, 25), "title": "事项",
         "screening": {"decision": "accepted", "date": dt.date(2026, 9, 28)},
         "session": "2026-10-12", "matching": {"status": "scheduled", "date": dt.date(2026, 9, 28)},
         "outcome": {"kind": "handover", "date": dt.date(2026, 10, 12), "lead_unit": "fgw", "co_units": ["zjj"]},
         "deadlines": {"progress": Rule("workdays", 7).record(CAL, dt.date(2026, 10, 12)),
                       "result": Rule("days", 30).record(CAL, dt.date(2026, 10, 12))}}
    c.update(more)
    return c


def test_what_had_not_happened_yet_is_left_out():
    c = _handover()
    assert case_as_of(c, dt.date(2026, 9, 24), CAL) is None  # not registered yet
    assert set(case_as_of(c, dt.date(2026, 9, 26), CAL)) == {"id", "registered", "title"}
    assert "outcome" not in case_as_of(c, dt.date(2026, 10, 9), CAL) and case_as_of(c, dt.date(2026, 10, 9), CAL)["session"]
    assert case_as_of(c, dt.date(2026, 10, 12), CAL) == c  # nothing after: the same


def test_a_reassignment_and_an_extension_after_the_day_are_undone():
    moved = Rule("workdays", 7).record(CAL, dt.date(2026, 10, 14))
    c = _handover(events=[
        {"date": dt.date(2026, 10, 14), "kind": "reassign", "unit": "gxj", "units": ["fgw", "zjj"], "was": ["gxj", "zjj"]},
        {"date": dt.date(2026, 10, 20), "kind": "extension", "due": dt.date(2026, 12, 1), "of": "result"}])
    c["deadlines"] = {"progress": moved, "result": {**Rule("days", 30).record(CAL, dt.date(2026, 10, 14)),
                                                    "due": dt.date(2026, 12, 1), "extended_from": dt.date(2026, 11, 13)}}
    before = case_as_of(c, dt.date(2026, 10, 13), CAL)
    assert before["outcome"]["lead_unit"] == "gxj" and before["outcome"]["co_units"] == ["zjj"]
    assert before["deadlines"]["progress"]["due"] == Rule("workdays", 7).record(CAL, dt.date(2026, 10, 12))["due"]
    between = case_as_of(c, dt.date(2026, 10, 15), CAL)
    assert between["outcome"]["lead_unit"] == "fgw" and between["deadlines"]["progress"]["due"] == moved["due"]
    assert "extended_from" not in between["deadlines"]["result"]
    assert case_as_of(c, dt.date(2026, 10, 20), CAL)["deadlines"]["result"]["due"] == dt.date(2026, 12, 1)


def test_a_session_was_not_held_before_its_day():
    s = {"id": "2026-10-12", "date": dt.date(2026, 10, 12), "status": "held",
         "events": [{"date": dt.date(2026, 9, 20), "kind": "notice"}, {"date": dt.date(2026, 10, 9), "kind": "attend"}]}
    assert session_as_of(s, dt.date(2026, 10, 1)) == {**s, "status": "planned", "events": s["events"][:1]}
    assert session_as_of(s, dt.date(2026, 10, 12)) == s


def test_the_replay_restarts_only_what_a_reassignment_restarted():
    progress = Rule("workdays", 7)
    c = _handover(events=[
        {"date": dt.date(2026, 10, 13), "kind": "progress", "unit": "zjj"},  # the co-unit's own part only
        {"date": dt.date(2026, 10, 14), "kind": "reassign", "unit": "fgw", "units": ["gxj", "zjj"], "was": ["fgw", "zjj"]},
        {"date": dt.date(2026, 10, 20), "kind": "extension", "due": dt.date(2026, 12, 1), "of": "result"}])
    c["outcome"] = {**c["outcome"], "lead_unit": "gxj"}
    snap = case_as_of(c, dt.date(2026, 10, 15), CAL)  # before the extension: replayed
    assert snap["deadlines"]["progress"]["due"] == progress.record(CAL, dt.date(2026, 10, 14))["due"]  # the lead's part was open
    assert snap["outcome"]["lead_unit"] == "gxj"
    c["events"][0]["unit"] = "fgw"  # the lead reported before the reassignment: progress was met, not restarted
    snap = case_as_of(c, dt.date(2026, 10, 15), CAL)
    assert snap["deadlines"]["progress"]["due"] == progress.record(CAL, dt.date(2026, 10, 12))["due"]


def test_a_result_waiting_in_long_term_rectification_is_not_restarted_by_a_reassignment():
    c = _handover(events=[
        {"date": dt.date(2026, 10, 13), "kind": "progress"},
        {"date": dt.date(2026, 10, 15), "kind": "longterm"},
        {"date": dt.date(2026, 10, 20), "kind": "reassign", "unit": "fgw", "units": ["gxj"], "was": ["fgw", "zjj"]},
        {"date": dt.date(2026, 10, 26), "kind": "periodic", "unit": "gxj"}])
    c["deadlines"]["periodic"] = Rule("every_days", 10).record(CAL, dt.date(2026, 10, 26))
    snap = case_as_of(c, dt.date(2026, 10, 21), CAL)
    assert snap["deadlines"]["result"]["due"] == c["deadlines"]["result"]["due"]
    assert snap["deadlines"]["periodic"]["basis"] == dt.date(2026, 10, 15)


def test_a_cancelled_session_was_planned_before_it_was_cancelled():
    s = {"id": "2026-10-12", "date": dt.date(2026, 10, 12), "status": "cancelled",
         "events": [{"date": dt.date(2026, 9, 25), "kind": "cancel"}]}
    assert session_as_of(s, dt.date(2026, 9, 24))["status"] == "planned"
    assert session_as_of(s, dt.date(2026, 9, 25))["status"] == "cancelled"


def test_a_demand_moved_out_of_its_session_later_had_its_arrangement_on_the_day(cli, sample):
    before = cli("--data", sample, "session", "show", "2027-01-21").out
    on_d = cli("--data", sample, "today", "--date", "2026-11-23", "--json").out
    r = cli("--data", sample, "session", "cancel", "2027-01-21", "--reason", "接待领导出差", "--date", "2026-11-24")
    assert r.code == 0 and "261120-p7g7f" in before
    assert cli("--data", sample, "today", "--date", "2026-11-23", "--json").out == on_d  # deferred to 01-21 that day
    assert "261120-p7g7f" in cli("--data", sample, "show", "261120-p7g7f", "--date", "2026-11-23").out
    assert "择期安排" in cli("--data", sample, "show", "261120-p7g7f", "--date", "2026-11-23").out
