"""The office's own duties (issue 16): the engine on plain data, then ``today``, ``due --office``,
``notify``, the call list read back, ``--record`` on the documents, revisits and ``close``, and
the weekly workbook's sheet, end to end on the sample ledger."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json

import pytest
import yaml
from conftest import REPO

from anshang.core import lifecycle, office
from anshang.core.calendar import Calendar, CalendarGap, package_arrangements
from anshang.core.deadlines import Rule
from anshang.store.settings import Policy

D = dt.date
CAL = Calendar(package_arrangements())
LOOSE = Calendar(package_arrangements(), allow_provisional=True)
POLICY = Policy(sessions_per_year=4, notice_workdays=15, session_capacity=8, progress_workdays=7, result_days=30,
                longterm_days=10, longterm_counting="calendar", warning_workdays=2, supervise_after_workdays=5)


def duties(cases=None, sessions=None, records=None, today=D(2026, 10, 1), policy=POLICY, cal=CAL, kind=None):
    obs = office.office_obligations(cases or {}, sessions or {}, records or [], policy, cal, today)
    return [o for o in obs if kind is None or o.kind == kind]


def session(sid="2026-10-12", **more):
    return {"id": sid, "date": D.fromisoformat(sid[:10]), "leader": "mayor", "status": "planned", **more}


def scheduled(cid="261001-aaaaa", sid="2026-10-12", matched=D(2026, 9, 28), events=()):
    return {"id": cid, "registered": D(2026, 9, 25), "enterprise": "91150302MA0FGE8BFD", "title": "用电增容",
            "screening": {"decision": "accepted", "date": matched}, "session": sid,
            "matching": {"status": "scheduled", "date": matched}, "events": list(events)}


def handed(cid="260901-bbbbb", events=(), key=False, co=()):
    c = {"id": cid, "registered": D(2026, 9, 1), "enterprise": "91150302MA0FGE8BFD", "title": "补贴兑现",
         "outcome": {"kind": "handover", "date": D(2026, 9, 3), "lead_unit": "gxj", "co_units": list(co)},
         "deadlines": {"progress": Rule("workdays", 7).record(CAL, D(2026, 9, 3)),
                       "result": Rule("days", 30).record(CAL, D(2026, 9, 3))},
         "events": list(events)}
    if key:
        c["key"] = True
    return c


# --- the engine on plain data -------------------------------------------------------------------

def test_the_notice_is_due_on_the_sessions_notice_date_and_met_by_its_record():
    s = session(notice_date=D(2026, 9, 18))
    [notice] = duties(sessions={s["id"]: s}, today=D(2026, 9, 1), kind="notice")
    assert (notice.due, notice.met, notice.unit, notice.id) == (D(2026, 9, 18), None, "office", "2026-10-12")
    s["events"] = [{"date": D(2026, 9, 17), "kind": "notice"}]
    assert duties(sessions={s["id"]: s}, today=D(2026, 9, 20), kind="notice")[0].met == D(2026, 9, 17)
    # a record dated after "today" does not count yet (the ledger as it stood that day)
    assert duties(sessions={s["id"]: s}, today=D(2026, 9, 16), kind="notice")[0].met is None


def test_a_held_or_cancelled_session_owes_nothing_any_more():
    for status in ("held", "cancelled"):
        s = session(notice_date=D(2026, 9, 18), status=status)
        assert duties(sessions={s["id"]: s}, today=D(2026, 9, 1)) == []


def test_matching_is_due_the_working_day_after_registration_closes_and_only_a_later_run_counts():
    s = session("2026-10-12", registration_to=D(2026, 9, 29))
    [m] = duties(sessions={s["id"]: s}, kind="match", today=D(2026, 9, 1))
    assert m.due == D(2026, 9, 30)
    s["events"] = [{"date": D(2026, 9, 25), "kind": "match"}]  # before registration closed
    assert duties(sessions={s["id"]: s}, kind="match", today=D(2026, 10, 9))[0].met is None
    s["events"].append({"date": D(2026, 9, 30), "kind": "match"})
    assert duties(sessions={s["id"]: s}, kind="match", today=D(2026, 10, 9))[0].met == D(2026, 9, 30)


def test_each_scheduled_enterprise_is_told_by_two_working_days_before_counting_the_makeup_saturday():
    s = session("2026-10-12")
    c = scheduled()
    [n] = duties({c["id"]: c}, {s["id"]: s}, kind="notify", today=D(2026, 9, 28))
    # 2026-10-10 is a make-up Saturday: the second working day before 10-12 is Friday 10-09
    assert (n.due, n.about, n.rule) == (D(2026, 10, 9), "2026-10-12", "提前2个工作日")
    c["events"] = [{"date": D(2026, 9, 20), "kind": "notify"}]  # told before it was matched: not this
    assert duties({c["id"]: c}, {s["id"]: s}, kind="notify", today=D(2026, 9, 28))[0].met is None
    c["events"].append({"date": D(2026, 9, 28), "kind": "notify", "how": "phone"})
    assert duties({c["id"]: c}, {s["id"]: s}, kind="notify", today=D(2026, 9, 28))[0].met == D(2026, 9, 28)


def test_the_attendance_notice_is_owed_only_for_a_session_with_scheduled_demands():
    s = session("2026-10-12")
    assert duties(sessions={s["id"]: s}, kind="attend", today=D(2026, 9, 28)) == []
    c = scheduled()
    [a] = duties({c["id"]: c}, {s["id"]: s}, kind="attend", today=D(2026, 9, 28))
    assert a.due == D(2026, 10, 9)
    s["events"] = [{"date": D(2026, 10, 8), "kind": "attend"}]
    assert duties({c["id"]: c}, {s["id"]: s}, kind="attend", today=D(2026, 10, 9))[0].met == D(2026, 10, 8)


@pytest.mark.parametrize("decision", ["excluded", "referred"])
def test_excluded_and_referred_enterprises_are_told_within_three_working_days(decision):
    c = {"id": "260930-ccccc", "registered": D(2026, 9, 29), "enterprise": "91150302MA0FGE8BFD", "title": "事项",
         "screening": {"decision": decision, "date": D(2026, 9, 30)}}
    [i] = duties({c["id"]: c}, kind="inform", today=D(2026, 10, 9))
    assert (i.due, i.about) == (D(2026, 10, 10), decision)  # the make-up Saturday is the third working day
    c["events"] = [{"date": D(2026, 10, 9), "kind": "notify", "how": "letter"}]
    assert duties({c["id"]: c}, kind="inform", today=D(2026, 10, 9))[0].met == D(2026, 10, 9)
    # a decision not yet made on "today" owes nothing yet
    assert duties({c["id"]: c}, kind="inform", today=D(2026, 9, 29)) == []


def test_a_deferral_is_told_but_an_anonymous_or_withdrawn_demand_owes_nothing():
    c = scheduled(matched=D(2026, 9, 30))
    c["matching"]["status"] = "deferred"
    [i] = duties({c["id"]: c}, {"2026-10-12": session()}, kind="inform", today=D(2026, 10, 1))
    assert i.about == "deferred" and i.due == D(2026, 10, 10)
    anonymous = {"id": "260930-ddddd", "registered": D(2026, 9, 30), "title": "匿名反映",
                 "screening": {"decision": "excluded", "date": D(2026, 9, 30)}}
    assert duties({anonymous["id"]: anonymous}, kind="inform", today=D(2026, 10, 9)) == []
    c["events"] = [{"date": D(2026, 9, 30), "kind": "withdraw"}]
    assert duties({c["id"]: c}, {"2026-10-12": session()}, today=D(2026, 10, 1), kind="inform") == []


def test_the_reply_follows_the_result_and_waits_for_every_co_unit_when_each_reports():
    c = handed(co=["zjj"], events=[{"date": D(2026, 9, 20), "kind": "result", "unit": "gxj"}])
    [r] = duties({c["id"]: c}, kind="reply", today=D(2026, 9, 21))
    assert r.due == D(2026, 9, 28)  # five working days after 9-20; 9-25 is the Mid-Autumn Festival
    each = dataclasses.replace(POLICY, co_unit_reports="each")
    assert [o for o in office.office_obligations({c["id"]: c}, {}, [], each, CAL, D(2026, 9, 21), "each")
            if o.kind == "reply"] == []
    c["events"].append({"date": D(2026, 9, 22), "kind": "reply"})
    assert duties({c["id"]: c}, kind="reply", today=D(2026, 9, 22))[0].met == D(2026, 9, 22)


@pytest.mark.parametrize("rule,key,owed", [("key", True, True), ("key", False, False), ("all", False, True),
                                           ("none", True, False)])
def test_which_demands_are_revisited_is_a_setting(rule, key, owed):
    c = handed(key=key, events=[{"date": D(2026, 9, 20), "kind": "result"}, {"date": D(2026, 9, 22), "kind": "reply"}])
    policy = dataclasses.replace(POLICY, revisit=rule)
    found = duties({c["id"]: c}, kind="revisit", today=D(2026, 9, 23), policy=policy)
    assert bool(found) == owed
    if owed:
        assert found[0].due == CAL.add_workdays(D(2026, 9, 22), 10).due
    blockers = lifecycle.close_blockers(c, "lead", rule)
    assert any("尚未回访" in b and c["id"] in b for b in blockers) == owed
    c["events"].append({"date": D(2026, 9, 25), "kind": "revisit", "satisfaction": "满意"})
    assert lifecycle.close_blockers(c, "lead", rule) == []
    after = duties({c["id"]: c}, kind="revisit", today=D(2026, 9, 25), policy=policy)
    assert len(after) == owed and all(o.met == D(2026, 9, 25) for o in after)


def test_an_unsatisfied_revisit_reopens_and_owes_a_new_reply_and_revisit():
    c = handed(key=True, events=[{"date": D(2026, 9, 20), "kind": "result"}, {"date": D(2026, 9, 22), "kind": "reply"},
                                 {"date": D(2026, 9, 25), "kind": "revisit", "satisfaction": "不满意"},
                                 {"date": D(2026, 9, 25), "kind": "reopen"}])
    assert duties({c["id"]: c}, kind="revisit", today=D(2026, 9, 28)) == []  # no reply since the reopening
    assert duties({c["id"]: c}, kind="reply", today=D(2026, 9, 28)) == []  # nor a new result
    c["events"] += [{"date": D(2026, 10, 9), "kind": "result"}, {"date": D(2026, 10, 12), "kind": "reply"}]
    [v] = duties({c["id"]: c}, kind="revisit", today=D(2026, 10, 12))
    assert v.met is None and v.basis == D(2026, 10, 12)


def test_a_late_report_owes_a_chase_then_a_supervision_once_each():
    c = handed()
    [p] = [o for o in duties({c["id"]: c}, kind="chase", today=D(2026, 9, 20)) if o.about == "gxj:progress"]
    progress_due = lifecycle.stored_deadline(c, "progress").due
    assert p.due == CAL.add_workdays(progress_due, 1).due
    # chased: the next step of the ladder is owed once the lateness passes the supervision threshold
    c["events"] = [{"date": D(2026, 9, 16), "kind": "chase", "unit": "gxj"}]
    [p] = [o for o in duties({c["id"]: c}, kind="chase", today=D(2026, 9, 17)) if o.about == "gxj:progress"]
    assert p.due == CAL.add_workdays(progress_due, POLICY.supervise_after_workdays + 1).due
    # supervised too: nothing more is owed by rule for this lateness (挂牌督办 is a person's call)
    c["events"].append({"date": D(2026, 9, 28), "kind": "supervise", "unit": "gxj", "level": "supervise",
                        "of": "progress", "owed": progress_due})
    assert [o for o in duties({c["id"]: c}, kind="chase", today=D(2026, 9, 29)) if o.about == "gxj:progress"] == []
    assert duties({c["id"]: c}, kind="chase", today=D(2026, 9, 10)) == []  # nothing late yet


def test_public_feedback_every_four_weeks_from_the_last_record_rolling_past_the_holiday():
    c = handed()
    records = [{"date": D(2026, 9, 4), "kind": "public"}]
    [p] = duties({c["id"]: c}, records=records, kind="public", today=D(2026, 9, 10))
    assert p.due == D(2026, 10, 8)  # 10-02 falls in the National Day holiday
    [p] = duties({c["id"]: c}, kind="public", today=D(2026, 9, 10))  # never published: from the first handover
    assert p.basis == D(2026, 9, 3)
    assert duties({c["id"]: c}, kind="public", policy=dataclasses.replace(POLICY, public_every_weeks=0)) == []


def test_next_years_calendar_is_owed_from_october():
    cal = Calendar({y: a for y, a in package_arrangements().items() if y <= 2026})
    assert duties(today=D(2026, 9, 30), cal=cal, kind="calendar") == []
    [c] = duties(today=D(2026, 10, 1), cal=cal, kind="calendar")
    assert (c.id, c.due) == ("2027", D(2026, 12, 1))


def test_office_since_drops_what_was_decided_before():
    c = {"id": "260930-ccccc", "registered": D(2026, 9, 29), "enterprise": "x", "title": "事项",
         "screening": {"decision": "excluded", "date": D(2026, 9, 30)}}
    since = dataclasses.replace(POLICY, office_since=D(2026, 11, 1))
    assert duties({c["id"]: c}, kind="inform", today=D(2026, 11, 5), policy=since) == []
    assert duties({c["id"]: c}, kind="inform", today=D(2026, 11, 5))


def test_dates_on_an_unknown_year_are_provisional_only_with_leave():
    s = session("2027-01-12", provisional=True)  # planned on the provisional calendar: leave given
    c = scheduled(sid="2027-01-12", matched=D(2026, 12, 20))
    [n] = duties({c["id"]: c}, {s["id"]: s}, kind="notify", today=D(2026, 12, 21))
    assert n.provisional and n.gap is None
    del s["provisional"]  # a date written by hand in 2027: no leave
    [n] = duties({c["id"]: c}, {s["id"]: s}, kind="notify", today=D(2026, 12, 21))
    assert n.provisional and n.gap == 2027
    with pytest.raises(CalendarGap):
        office.falling_due([n], CAL, D(2026, 12, 21), D(2027, 1, 31))
    assert office.falling_due([n], CAL, D(2026, 12, 21), D(2026, 12, 31)) == []  # outside the window
    [n] = duties({c["id"]: c}, {s["id"]: s}, kind="notify", today=D(2026, 12, 21), cal=LOOSE)
    assert n.provisional and n.gap is None  # --provisional


def test_the_window_stops_at_the_end_of_the_last_known_year():
    cal = Calendar({y: a for y, a in package_arrangements().items() if y <= 2026})
    assert office.window(cal, D(2026, 11, 23), 15) == (CAL.add_workdays(D(2026, 11, 23), 15).due, False, None)
    assert office.window(cal, D(2026, 12, 21), 15) == (D(2026, 12, 31), False, 2027)
    until, guessed, capped = office.window(Calendar(cal.years, allow_provisional=True), D(2026, 12, 21), 15)
    assert guessed and capped is None and until > D(2027, 1, 1)
    with pytest.raises(CalendarGap):
        office.window(cal, D(2027, 1, 4), 15)  # today itself is in the unknown year


def test_groups_of_the_agenda():
    monday = D(2026, 11, 23)
    assert [office.group_of(d, monday) for d in (D(2026, 11, 20), monday, D(2026, 11, 29), D(2026, 11, 30))] == \
        ["overdue", "today", "week", "later"]


# --- end to end on the sample ledger ------------------------------------------------------------

def _today(cli, sample, day, *more):
    r = cli("--data", sample, "today", "--date", day, *more)
    assert r.code == 0, r
    return r.out


def _events(sample, cid):
    return yaml.safe_load((sample / f"cases/20{cid[:2]}/{cid}.yaml").read_text(encoding="utf-8")).get("events") or []


def test_today_on_the_sample_ledger(cli, sample):
    assert _today(cli, sample, "2026-11-21") == (REPO / "tests/golden/today-2026-11-21.txt").read_text(encoding="utf-8")
    got = json.loads(_today(cli, sample, "2026-11-21", "--json"))
    assert got["counts"] == {"overdue": 3, "today": 0, "week": 0, "later": 10}
    assert [e["kind"] for e in got["entries"]] == ["chase", "handover", "inform", "handover", "handover", "inform", "reply",
                                                  "public", "calendar", "revisit", "match", "notify", "attend"]
    assert got["entries"][11]["ids"] == ["261119-c3tk9", "261120-7464r", "261120-w1jtq"]
    # the ledger as it stood: on 11-19 nothing was matched to 12-10 yet, nor 261120-p7g7f deferred
    early = json.loads(_today(cli, sample, "2026-11-19", "--json", "--within", "20"))
    assert [e for e in early["entries"] if e["kind"] in ("notify", "attend")] == []
    assert not any("261120-p7g7f" in e["ids"] for e in early["entries"])


def test_due_office_lists_each_duty(cli, sample):
    r = cli("--data", sample, "due", "--office", "--date", "2026-11-21", "--within", "15")
    assert r.code == 0
    lines = r.out.splitlines()
    assert lines[0] == "截至2026年11月21日（星期六）：营商办（北岚市优化营商环境办公室）超期 33 项，至 2026-12-11 到期 12 项"  # chasing the late parts of demands, tasks, activities and projects
    assert "  261113-9kgv6 告知企业不予受理 截止 2026-11-19 超期 1 个工作日" in lines
    assert "  261119-c3tk9 通知企业参加接待（2026-12-10） 截止 2026-12-08 即将到期" in lines
    got = json.loads(cli("--data", sample, "due", "--office", "--date", "2026-11-21", "--json").out)
    assert {o["unit"] for o in got} == {"office"} and all(o["due"] <= "2026-11-24" for o in got)
    r = cli("--data", sample, "due", "--office", "--unit", "工信局")
    assert r.code == 2 and "--office" in r.err


def test_notifying_a_whole_session_clears_the_agenda_line(cli, sample):
    r = cli("--data", sample, "notify", "--session", "2026-12-10", "--all", "--how", "电话", "--date", "2026-11-23",
            "--by", "小王")
    assert r.code == 0, r
    assert r.out == ("已记录 261119-c3tk9：电话通知（接待安排）\n已记录 261120-7464r：电话通知（接待安排）\n"
                     "已记录 261120-w1jtq：电话通知（接待安排）\n")
    assert _events(sample, "261120-7464r")[-1] == {"date": D(2026, 11, 23), "kind": "notify", "by": "小王",
                                                  "how": "phone", "note": "已电话告知企业接待安排"}
    assert "通知 " not in _today(cli, sample, "2026-11-23")
    r = cli("--data", sample, "notify", "--session", "2026-12-10", "--all", "--how", "电话", "--date", "2026-11-23")
    assert (r.code, r.out) == (0, "场次 2026-12-10 安排的企业都已通知，没有新的记录\n")
    assert cli("--data", sample, "check").code == 0


def test_notify_refuses_what_it_cannot_do(cli, sample):
    for args, words in ((["--how", "电话"], "请写出诉求编号"), (["--session", "2026-12-10", "--how", "电话"], "--all"),
                        (["261119-c3tk9", "--session", "2026-12-10", "--all", "--how", "电话"], "写了编号"),
                        (["261119-c3tk9", "--how", "飞鸽"], "--how 只能是")):
        r = cli("--data", sample, "notify", *args)
        assert r.code == 2 and words in r.err, (args, r)
    r = cli("--data", sample, "notify", "261113-9kgv6", "--how", "短信", "--date", "2026-11-23")
    assert r.out == "已记录 261113-9kgv6：短信通知（不予受理）\n"
    assert "261113-9kgv6" not in _today(cli, sample, "2026-11-23")


def test_letters_with_record_tell_the_enterprise_and_reply(cli, sample, tmp_path):
    r = cli("--data", sample, "letter", "261113-9kgv6", "261030-a9cg7", "--record", "--date", "2026-11-23",
            "--out", tmp_path, "--by", "小王")
    assert r.code == 0, r
    assert "已记录 261113-9kgv6：通知企业\n" in r.out and "已记录 261030-a9cg7：答复企业\n" in r.out
    assert _events(sample, "261113-9kgv6")[-1] == {"date": D(2026, 11, 23), "kind": "notify", "by": "小王",
                                                  "how": "letter", "note": "已出具不予受理告知书"}
    text = _today(cli, sample, "2026-11-23")
    assert "261113-9kgv6" not in text and "261030-a9cg7" not in text
    before = len(_events(sample, "261113-9kgv6"))
    again = cli("--data", sample, "letter", "261113-9kgv6", "--record", "--date", "2026-11-23", "--out", tmp_path)
    assert again.code == 0 and "已记录过 261113-9kgv6：通知企业\n" in again.out  # the same letter the same day: once
    assert len(_events(sample, "261113-9kgv6")) == before


def test_a_key_demand_cannot_be_closed_before_its_revisit(cli, sample):
    cid = "261029-gyqcc"
    r = cli("--data", sample, "close", cid, "--date", "2026-11-23")
    assert r.code == 1 and f"{cid} 尚未回访企业（重点诉求，§四(五)）" in r.err
    assert "回访企业（重点诉求）：261029-gyqcc" in _today(cli, sample, "2026-11-23")
    assert cli("--data", sample, "revisit", cid, "--satisfaction", "满意", "--date", "2026-11-23").code == 0
    assert cid not in _today(cli, sample, "2026-11-23")
    r = cli("--data", sample, "close", cid, "--date", "2026-11-23")
    assert r.code == 0, r


def test_marking_a_key_demand_makes_its_revisit_due(cli, sample, tmp_path):
    cid = "261030-a9cg7"
    assert cli("--data", sample, "letter", cid, "--record", "--date", "2026-11-23", "--out", tmp_path).code == 0
    assert cid not in _today(cli, sample, "2026-11-23")  # replied; not a key problem: no revisit
    r = cli("--data", sample, "key", cid, "--date", "2026-11-23")
    assert r.out == f"{cid}：已列为重点诉求\n"
    assert f"回访企业（重点诉求）：{cid}" in _today(cli, sample, "2026-11-23")
    assert cli("--data", sample, "key", cid).out == f"{cid}：原本就是重点诉求\n"
    assert cli("--data", sample, "key", cid, "--off", "--date", "2026-11-23").out == f"{cid}：已取消重点诉求标记\n"
    assert cid not in _today(cli, sample, "2026-11-23")


def test_session_records_clear_the_notice_match_and_attendance_lines(cli, sample, tmp_path):
    day = "2026-12-30"
    assert "发布接待日通告：接待日 2027年1月21日" in _today(cli, sample, day)
    r = cli("--data", sample, "session", "notice", "2027-01-21", "--format", "md", "--out", tmp_path / "n.md",
            "--record", "--date", day, "--by", "小王")
    assert r.code == 0 and "已记录：场次 2027-01-21 的通告已于 2026-12-30 发布" in r.err
    assert "发布接待日通告" not in _today(cli, sample, day)
    s = yaml.safe_load((sample / "sessions/2027/2027-01-21.yaml").read_text(encoding="utf-8"))
    assert s["events"] == [{"date": D(2026, 12, 30), "kind": "notice", "by": "小王"}]

    assert "发出参会通知" in _today(cli, sample, "2026-12-08")
    r = cli("--data", sample, "session", "attend", "2026-12-10", "--record", "--date", "2026-12-08",
            "--out", tmp_path / "a.docx")
    assert r.code == 0 and "已记录：场次 2026-12-10 的参会通知已于 2026-12-08 发出" in r.out
    assert "发出参会通知" not in _today(cli, sample, "2026-12-08")

    assert "截止预约并双向匹配" in _today(cli, sample, "2026-12-08")
    assert cli("--data", sample, "match", "--date", "2026-12-08").code == 0
    assert "截止预约并双向匹配" not in _today(cli, sample, "2026-12-08")
    s = yaml.safe_load((sample / "sessions/2026/2026-12-10.yaml").read_text(encoding="utf-8"))
    assert {"date": D(2026, 12, 8), "kind": "match"} in s["events"]  # no clerk: clones write the same
    assert cli("--data", sample, "check").code == 0


def test_publishing_with_record_sets_the_next_public_feedback(cli, sample, tmp_path):
    assert "公开反馈办理进度" in _today(cli, sample, "2026-11-27")
    r = cli("--data", sample, "publish", "--record", "--date", "2026-11-27", "--out", tmp_path, "--by", "小王")
    assert r.code == 0 and "已记录：2026-11-27 公开反馈（records/2026/2026-11-27-public.yaml）" in r.out
    assert "公开反馈办理进度" not in _today(cli, sample, "2026-11-27")
    later = json.loads(_today(cli, sample, "2026-12-21", "--json", "--provisional", "--within", "20"))
    assert [e["due"] for e in later["entries"] if e["kind"] == "public"] == ["2026-12-25"]
    again = cli("--data", sample, "publish", "--record", "--date", "2026-11-27", "--out", tmp_path)
    assert "已记录过" in again.out
    assert cli("--data", sample, "check").code == 0
    (sample / "records/2026/2026-11-27-public.yaml").rename(sample / "records/2026/公开.yaml")
    r = cli("--data", sample, "check")
    assert r.code == 1 and "营商办记录的文件名应为 records/2026/2026-11-27-public.yaml" in r.out


def _call_list(cli, sample, tmp_path):
    """The call list of 2026-12-10 as written by ``session contacts``, open for a clerk to fill in."""
    from openpyxl import load_workbook

    book = tmp_path / "名单.xlsx"
    assert cli("--data", sample, "session", "contacts", "2026-12-10", "--out", book).code == 0
    wb = load_workbook(book)
    return book, wb, wb.active


def test_the_call_list_is_read_back(cli, sample, tmp_path):
    book, wb, ws = _call_list(cli, sample, tmp_path)
    header = next(r for r in range(1, 6) if ws.cell(r, 1).value == "诉求编号")
    rows = {ws.cell(r, 1).value: r for r in range(header + 1, ws.max_row + 1) if ws.cell(r, 1).value}
    assert ws.cell(rows["261119-63j86"], 8).value == "已电话告知企业接待安排"  # recorded before: filled in
    ws.cell(rows["261119-c3tk9"], 8).value = "11月23日电话通知，企业确认参加"
    ws.cell(rows["261120-7464r"], 8).value = "未接通"
    ws.cell(rows["261120-w1jtq"], 8).value = "已发短信"
    extra = ws.max_row + 1
    ws.cell(extra, 1).value = "999999-zzzzz"
    ws.cell(extra, 8).value = "已通知"
    wb.save(book)
    r = cli("--data", sample, "session", "contacts", "2026-12-10", "--import", book, "--date", "2026-11-24")
    assert r.code == 1
    assert "已记录 261119-c3tk9：2026-11-23 电话通知\n" in r.out
    assert "已记录 261120-w1jtq：2026-11-24 短信通知\n" in r.out
    assert "未记录 261120-7464r：写的是“未接通”，看来尚未通知到\n" in r.out
    assert f"名单.xlsx:通知名单!A{extra}: [contacts] 台账中没有诉求 999999-zzzzz\n" in r.out  # the id's cell
    assert "记录 2 家，已记录过 2 家，未通知到 1 家，未填写 0 家，1 行有问题未记录" in r.err
    assert _events(sample, "261119-c3tk9")[-1]["note"] == "11月23日电话通知，企业确认参加"
    again = cli("--data", sample, "session", "contacts", "2026-12-10", "--import", book, "--date", "2026-11-25")
    assert "记录 0 家，已记录过 4 家" in again.err
    assert [e["kind"] for e in _events(sample, "261120-w1jtq")].count("notify") == 1
    assert "通知 1 家企业参加接待日 2026年12月10日（星期四，市长韩立成）：261120-7464r" in _today(cli, sample, "2026-11-25")
    r = cli("--data", sample, "session", "contacts", "2026-12-10", "--import", tmp_path / "无此文件.xlsx")
    assert r.code == 2 and "Traceback" not in r.err


def test_the_weekly_workbook_has_the_agenda_sheet(cli, sample, tmp_path):
    assert cli("--data", sample, "weekly", "--date", "2026-11-21", "--out", tmp_path).code == 0
    text = cli("xlsx2text", next(tmp_path.glob("*.xlsx"))).out
    sheet = text.split("== 营商办待办 ==\n", 1)[1].split("\n== ", 1)[0]
    assert "分组\t截止日期\t事项\t超期（工作日）\t怎样办" in sheet
    assert "超期\t2026-11-19\t告知企业不予受理：261113-9kgv6" in sheet
    assert "稍后\t2026-12-08\t通知 3 家企业参加接待日" in sheet
    assert "anshang" not in sheet  # a document for people names no commands


def test_the_agenda_stops_at_an_unknown_year_or_marks_it_provisional(cli, sample):
    text = _today(cli, sample, "2026-12-21")
    assert "（列到 2026-12-31）" in text.splitlines()[0]
    assert "  2026-12-31（暂定） 发布接待日通告：接待日 2027年1月21日（星期四，副市长李慧敏）" in text
    assert "注：2027 年节假日安排尚未加入，只列到 2026-12-31" in text
    text = _today(cli, sample, "2026-12-21", "--provisional")
    assert "暂定）" in text.splitlines()[0]
    r = cli("--data", sample, "today", "--date", "2027-01-04")
    assert r.code == 2 and "2027 年的节假日安排尚未加入日历" in r.err


@pytest.mark.parametrize("day,kinds", [
    ("2026-11-21", ["chase", "handover", "inform", "reply", "public", "calendar", "revisit", "match", "notify", "attend"]),
    ("2026-12-21", ["notice"]),
])
def test_each_duty_shows_alike_in_today_due_office_and_the_weekly_sheet(cli, sample, tmp_path, day, kinds):
    from anshang.documents.agenda import HOW

    listed = json.loads(_today(cli, sample, day, "--json", "--within", "15"))
    r = cli("--data", sample, "due", "--office", "--date", day, "--within", "15", "--json")
    due = json.loads(r.out)
    assert cli("--data", sample, "weekly", "--date", day, "--out", tmp_path).code == 0
    sheet = cli("xlsx2text", next(tmp_path.glob("*.xlsx"))).out.split("== 营商办待办 ==\n", 1)[1].split("\n== ", 1)[0]
    for kind in kinds:
        entry = next(e for e in listed["entries"] if e["kind"] == kind)
        assert any(o["kind"] == kind and o["due"] == entry["due"] for o in due), kind
        assert f"\t{entry['due']}" in sheet and HOW[kind] in sheet, kind


def test_adding_next_years_calendar_clears_its_line_and_the_provisional_marks(cli, sample):
    assert "加入 2027 年节假日安排" in _today(cli, sample, "2026-11-21")
    (sample / "calendar/2027.yaml").write_text(
        "year: 2027\nsource: 国务院办公厅关于2027年部分节假日安排的通知（测试用）\n"
        "holidays:\n  - name: 元旦\n    from: 2027-01-01\n    to: 2027-01-03\n", encoding="utf-8")
    text = _today(cli, sample, "2026-11-21")
    assert "加入 2027 年节假日安排" not in text
    text = _today(cli, sample, "2026-12-21")
    assert "2026-12-31（暂定） 发布接待日通告" in text  # the stored date stays provisional until recalculated
    assert cli("--data", sample, "calendar", "recalc").code == 0
    text = _today(cli, sample, "2026-12-21")
    assert "（暂定）" not in text and "注：" not in text  # the window reaches into 2027 on a known calendar
    assert "发布接待日通告：接待日 2027年1月21日" in text


def test_the_call_list_refuses_impossible_and_future_dates(cli, sample, tmp_path):
    book, wb, ws = _call_list(cli, sample, tmp_path)
    rows = {ws.cell(r, 1).value: r for r in range(1, ws.max_row + 1)}
    ws.cell(rows["261119-c3tk9"], 8).value = "2月30日电话通知"
    ws.cell(rows["261120-7464r"], 8).value = "12月25日电话通知"
    wb.save(book)
    r = cli("--data", sample, "session", "contacts", "2026-12-10", "--import", book, "--date", "2026-11-24")
    assert r.code == 1
    assert f"通知名单!H{rows['261119-c3tk9']}: [contacts] “2月30日电话通知”中的日期不存在，这一行未记录" in r.out
    assert f"通知名单!H{rows['261120-7464r']}: [contacts] “12月25日电话通知”写的日期 2026-12-25 在导入日 2026-11-24 之后" in r.out
    assert [e["kind"] for e in _events(sample, "261119-c3tk9")].count("notify") == 0


# --- what a clerk gets wrong is refused, with the reason ----------------------------------------

def test_recording_dates_that_cannot_be_are_refused(cli, sample, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    for args, words in (
        (["notify", "261120-7464r", "--how", "短信", "--date", "2026-11-01"], "通知日期 2026-11-01 早于登记日期 2026-11-20"),
        (["notify", "261119-c3tk9", "--how", "短信", "--date", "2026-11-19"], "早于作出接待安排的日期 2026-11-20"),
        (["letter", "261113-9kgv6", "--record", "--date", "2026-11-10", "--out", out], "成文日期 2026-11-10 早于登记日期"),
        (["session", "notice", "2027-01-21", "--record", "--date", "2027-02-01", "--out", out / "n.docx"],
         "通告发布日期 2027-02-01 晚于接待日 2027-01-21"),
        (["session", "attend", "2026-12-10", "--record", "--date", "2026-12-11", "--out", out / "a.docx"],
         "参会通知的日期 2026-12-11 晚于接待日 2026-12-10"),
        (["match", "--session", "2026-12-10", "--date", "2026-12-20"], "接待日 2026-12-10 已过"),
        (["revisit", "261029-gyqcc", "--satisfaction", "满意", "--date", "2026-11-17"], "早于答复企业的日期 2026-11-18"),
        (["today", "--within", "-3"], "--within 须为 0 或正整数"),
    ):
        r = cli("--data", sample, *args)
        assert r.code == 2 and words in r.err, (args, r)
    assert list(out.iterdir()) == []  # nothing was written for a refused record
    r = cli("--data", sample, "check")
    assert r.code == 0, r


def test_close_counts_only_what_was_recorded_by_the_day_of_closing(cli, sample):
    cid = "261029-gyqcc"
    assert cli("--data", sample, "revisit", cid, "--satisfaction", "满意", "--date", "2026-12-31").code == 0
    r = cli("--data", sample, "close", cid, "--date", "2026-11-24")
    assert r.code == 1 and "尚未回访企业" in r.err
    assert cli("--data", sample, "close", cid, "--date", "2026-12-31").code == 0


def test_cases_are_named_by_enterprise_or_title_too(cli, sample):
    r = cli("--data", sample, "notify", "欧亚班列", "--how", "微信", "--date", "2026-11-23")
    assert r.out == "已记录 261119-c3tk9：微信通知（接待安排）\n"
    r = cli("--data", sample, "notify", "宏达", "--how", "电话")
    assert r.code == 2 and "含“宏达”的诉求有 2 件：261120-4eb3q 北岚市宏达氯碱化工有限公司" in r.err


def test_after_the_reception_the_office_owes_each_outcome(cli, sample):
    text = _today(cli, sample, "2026-12-10")
    line = ("  2026-12-11 记录接待结果：接待日 2026年12月10日（星期四，市长韩立成），5 件："
            "261119-63j86、261119-c3tk9、261120-4eb3q、261120-7464r、261120-w1jtq")
    assert line in text and "通知 " not in text and "发出参会通知" not in text  # moot on the day itself
    assert cli("--data", sample, "receive", "261119-63j86", "--outcome", "当场解决").code == 0
    assert "记录接待结果：接待日 2026年12月10日（星期四，市长韩立成），4 件" in _today(cli, sample, "2026-12-10")


def test_a_due_date_just_before_a_weekend_is_past_but_not_yet_a_working_day_late(cli, sample):
    r = cli("--data", sample, "due", "--office", "--date", "2026-11-21")
    assert "  261113-9kgv6 告知企业不予受理 截止 2026-11-19 超期 1 个工作日" in r.out
    r = cli("--data", sample, "notify", "261113-9kgv6", "--how", "电话", "--date", "2026-11-20")
    text = _today(cli, sample, "2026-11-28")  # Saturday: the public feedback was due Friday
    assert "在政府门户网站公开反馈办理进度（每 4 周一次）（已过截止日）" in text


def test_a_drafted_calendar_file_changes_the_line_to_filling_it_in(cli, sample):
    assert cli("--data", sample, "calendar", "add", "2027").code == 0
    text = _today(cli, sample, "2026-11-21")
    assert "填写 2027 年节假日安排：照国务院办公厅通知填写已建的 calendar/2027.yaml" in text
    assert "→ anshang calendar recalc" in text and "calendar add 2027" not in text


def test_overdue_counts_into_an_unknown_year_are_provisional_but_the_due_dates_are_not(cli, sample):
    got = json.loads(_today(cli, sample, "2027-01-05", "--provisional", "--json"))
    inform = next(e for e in got["entries"] if e["kind"] == "inform" and e["due"] == "2026-11-19")
    assert (inform["provisional"], inform["overdue_provisional"]) == (False, True)
    text = _today(cli, sample, "2027-01-05", "--provisional")
    assert "  2026-11-19 告知企业不予受理" in text and "个工作日（暂定））" in text


def test_the_call_list_reads_what_the_clerk_wrote(cli, sample, tmp_path):
    book, wb, ws = _call_list(cli, sample, tmp_path)
    rows = {ws.cell(r, 1).value: r for r in range(1, ws.max_row + 1)}
    ws.cell(rows["261119-c3tk9"], 8).value = "电话未接通，已发短信"
    ws.cell(rows["261120-7464r"], 8).value = "×"
    ws.cell(rows["261120-w1jtq"], 8).value = "２０２６－１１－２３ 微信通知"
    wb.save(book)
    r = cli("--data", sample, "session", "contacts", "2026-12-10", "--import", book, "--date", "2026-11-24")
    assert r.code == 0, r
    assert "已记录 261119-c3tk9：2026-11-24 短信通知\n" in r.out
    assert "已记录 261120-w1jtq：2026-11-23 微信通知\n" in r.out
    assert "未记录 261120-7464r：写的是“×”，看来尚未通知到\n" in r.out
    r = cli("--data", sample, "session", "contacts", "2027-01-21", "--import", book)
    assert r.code == 2 and "名单.xlsx 是场次 2026-12-10 的通知名单，不是场次 2027-01-21 的" in r.err
    ws.cell(rows["261120-7464r"], 8).value = "11月19日电话通知"  # before it was scheduled (11-20)
    wb.save(book)
    r = cli("--data", sample, "session", "contacts", "2026-12-10", "--import", book, "--date", "2026-11-24")
    assert r.code == 1 and f"通知名单!H{rows['261120-7464r']}: [contacts] 261120-7464r：通知日期 2026-11-19 早于登记日期 2026-11-20；这一行未记录" in r.out


def test_an_attendance_notice_sent_before_the_last_scheduling_is_owed_again():
    s = session("2026-10-12", events=[{"date": D(2026, 9, 28), "kind": "attend"}])
    first = scheduled("261001-aaaaa", matched=D(2026, 9, 25))
    late = scheduled("261001-bbbbb", matched=D(2026, 9, 29))
    assert duties({first["id"]: first}, {s["id"]: s}, kind="attend", today=D(2026, 9, 30))[0].met == D(2026, 9, 28)
    both = {first["id"]: first, late["id"]: late}
    assert duties(both, {s["id"]: s}, kind="attend", today=D(2026, 9, 30))[0].met is None


def test_a_word_document_given_as_the_call_list_is_named_for_what_it_is(cli, sample):
    r = cli("--data", sample, "session", "contacts", "2026-12-10", "--import", REPO / "templates/notice.docx")
    assert r.code == 2 and "notice.docx: 这是 Word 文档（.docx），不是 Excel 工作簿（.xlsx）；请确认选对了文件" in r.err


def test_a_demand_deferred_to_a_session_is_told_of_it_and_counted_for_it():
    s = session("2026-10-12")
    c = scheduled(matched=D(2026, 9, 1))
    c["matching"]["status"] = "deferred"  # match keeps it so when its session comes round
    kinds = sorted(o.kind for o in duties({c["id"]: c}, {s["id"]: s}, today=D(2026, 9, 28)))
    assert kinds == ["attend", "inform", "match", "notice", "notify"]
    c["events"] = [{"date": D(2026, 9, 2), "kind": "notify", "how": "letter"}]  # the deferral letter names the day
    still = {o.kind for o in duties({c["id"]: c}, {s["id"]: s}, today=D(2026, 9, 28)) if o.met is None}
    assert still == {"match", "notice", "attend"}  # told of the deferral and of the session alike


def test_a_demand_waiting_for_a_session_is_told_so():
    c = {"id": "260930-eeeee", "registered": D(2026, 9, 29), "enterprise": "x", "title": "事项",
         "screening": {"decision": "accepted", "date": D(2026, 9, 30)},
         "matching": {"status": "waiting", "date": D(2026, 9, 30)}}
    [i] = duties({c["id"]: c}, kind="inform", today=D(2026, 10, 9))
    assert (i.about, i.due) == ("waiting", D(2026, 10, 10))


def test_what_a_call_list_note_says():
    from anshang.steps.office import date_in, told_in

    for text in ("没人接", "不接电话", "明天再打", "电话占线", "×", "-", "未接通"):
        assert told_in(text) is None, text
    assert told_in("电话未接通，已发短信") == "sms" and told_in("已通知") == "phone"
    assert date_in("12月30日电话通知", D(2027, 1, 4)) == D(2026, 12, 30)  # written in late December, read in January
    assert date_in("1月3日电话通知", D(2027, 1, 4)) == D(2027, 1, 3)
