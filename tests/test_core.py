"""The pure core layer on plain data: deadline rules, obligations, a case's lifecycle,
screening, matching, the year's rotation and the figures. No CLI, no files, no ledger."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace as NS

import pytest
from chinese_calendar import is_workday

from anshang.core import lifecycle as lc
from anshang.core.calendar import Calendar, CalendarGap, package_arrangements
from anshang.core.deadlines import Deadline, Limits, Rule, explain, extended, read_deadline
from anshang.core.figures import statistics
from anshang.core.matching import match
from anshang.core.obligations import Obligation, falling_due, horizon, late_by, overdue, overdue_workdays, parts
from anshang.core.rotation import notice_problems, plan_year
from anshang.core.screening import screen
from anshang.store.settings import Policy

D = dt.date
CAL = Calendar(package_arrangements())
POLICY = Policy(sessions_per_year=4, notice_workdays=10, session_capacity=8, progress_workdays=5,
                result_days=20, longterm_days=5, longterm_counting="workdays", warning_workdays=1,
                supervise_after_workdays=2, chase_reply_workdays=3, registration_close_workdays=4)
LIMITS = Limits.of(POLICY)


def wd_offset(start: dt.date, n: int) -> dt.date:
    """Independent reference: the n-th working day after (n < 0: before) ``start``."""
    day, step, seen = start, (1 if n > 0 else -1), 0
    while seen < abs(n):
        day += dt.timedelta(days=step)
        seen += is_workday(day)
    return day


def days_rolled(start: dt.date, n: int) -> dt.date:
    day = start + dt.timedelta(days=n)
    while not is_workday(day):
        day += dt.timedelta(days=1)
    return day


# --- deadlines --------------------------------------------------------------------------------

@pytest.mark.parametrize("rule, basis, due", [
    (Rule("workdays", 7), D(2026, 9, 30), D(2026, 10, 15)),
    (Rule("workdays", 7), D(2026, 2, 13), D(2026, 3, 2)),
    (Rule("days", 30), D(2026, 2, 13), D(2026, 3, 16)),
    (Rule("days", 10), D(2026, 9, 30), D(2026, 10, 10)),
    (Rule("every_days", 10), D(2026, 9, 30), D(2026, 10, 10)),
    (Rule("every_workdays", 5), D(2026, 9, 30), D(2026, 10, 13)),
    (Rule("workdays", -10), D(2026, 2, 24), D(2026, 2, 3)),
    (Rule("days", -10), D(2026, 10, 12), D(2026, 9, 30)),  # 10-02 is a holiday: rolls back
])
def test_rule_due_on_domain_examples(rule, basis, due):
    d = rule.due(CAL, basis)
    assert (d.start, d.due, d.provisional) == (basis, due, False)


@pytest.mark.parametrize("start", [D(2026, 1, 1), D(2026, 2, 11), D(2026, 4, 3), D(2026, 4, 30),
                                   D(2026, 6, 18), D(2026, 9, 24), D(2026, 10, 30), D(2025, 9, 21)])
@pytest.mark.parametrize("n", [1, 3, 7, 10, 15, 30])
def test_rules_agree_with_chinese_calendar(start, n):
    assert Rule("workdays", n).due(CAL, start).due == wd_offset(start, n)
    assert Rule("workdays", -n).due(CAL, start).due == wd_offset(start, -n)
    assert Rule("days", n).due(CAL, start).due == days_rolled(start, n)


@pytest.mark.parametrize("rule, text, short, spoken", [
    (Rule("workdays", 7), "7个工作日", "7个工作日", "7 个工作日"),
    (Rule("days", 30), "30日（末日为休息日顺延）", "30日", "30 日"),
    (Rule("every_days", 10), "每10日（末日为休息日顺延）", "每10日", "每 10 日"),
    (Rule("every_workdays", 5), "每5个工作日", "每5个工作日", "每 5 个工作日"),
    (Rule("workdays", -15), "提前15个工作日", "提前15个工作日", "15 个工作日"),
    (Rule("days", -10), "提前10日（末日为休息日提前）", "提前10日", "10 日"),
])
def test_rule_words(rule, text, short, spoken):
    assert (rule.text(), rule.short(), rule.spoken()) == (text, short, spoken)


def test_record_read_back_and_extend():
    rec = Rule("workdays", 7).record(CAL, D(2026, 9, 30))
    assert rec == {"due": D(2026, 10, 15), "basis": D(2026, 9, 30), "rule": "workdays", "n": 7, "provisional": False}
    back = read_deadline({"due": "2026-10-15", "rule": "workdays", "n": 7}, "2026-09-30")
    assert back == Deadline(Rule("workdays", 7), D(2026, 9, 30), D(2026, 10, 15), False)
    assert (back.text(), back.recomputed(CAL).due) == ("7个工作日", D(2026, 10, 15))
    with pytest.raises(ValueError, match="未知的期限计法"):
        Rule("weeks", 2).text()
    # as the fast reader gives it: dates as text; the extension is written back as dates
    rec = {"due": "2026-03-16", "basis": "2026-02-13", "rule": "days", "n": 30, "__line__": 4}
    once = extended(rec, D(2026, 3, 31))
    assert once == {"due": D(2026, 3, 31), "basis": D(2026, 2, 13), "rule": "days", "n": 30,
                    "extended_from": D(2026, 3, 16), "provisional": False}
    twice = extended(once, D(2026, 4, 15))
    assert (twice["due"], twice["extended_from"]) == (D(2026, 4, 15), D(2026, 3, 16))
    d = read_deadline(twice)
    assert (d.text(), d.recomputed(CAL)) == ("延期（原30日，原截止2026-03-16）", None)


def test_read_deadline_without_due_raises_value_error():
    with pytest.raises(ValueError):
        read_deadline({"rule": "workdays", "n": 7, "basis": "2026-09-30"})


def test_limits_of_policy_and_sentences():
    assert LIMITS == Limits(Rule("workdays", 5), Rule("days", 20), Rule("every_workdays", 5),
                            Rule("workdays", 3), Rule("workdays", -10), Rule("workdays", -4),
                            Rule("workdays", POLICY.objection_workdays), 1, 2)
    assert LIMITS.for_kind("periodic") == Rule("every_workdays", 5)
    assert LIMITS.handover_sentence() == (
        "交办后 5 个工作日内报送落实情况、20 日内报送办理结果（末日为休息日顺延）；"
        "需长期整改的每 5 个工作日报送一次进展，直至问题解决")
    assert LIMITS.periodic_sentence().startswith("需长期整改的，每 5 个工作日报送一次进展")
    calendar_days = Limits.of(NS(**{**POLICY.__dict__, "longterm_counting": "calendar", "longterm_days": 10}))
    assert calendar_days.periodic == Rule("every_days", 10)


def test_explain_says_why():
    r30, r10, r7 = Rule("days", 30), Rule("days", 10), Rule("workdays", 7)
    assert explain(CAL, r30, r30.due(CAL, D(2026, 2, 13))) == [
        "第 30 日为2026年3月15日（星期日），是休息日，依民法典第二百零三条顺延至休息日后的第一日2026年3月16日（星期一）"]
    assert explain(CAL, r10, r10.due(CAL, D(2026, 9, 30))) == [
        "第 10 日为2026年10月10日（星期六），是调休上班日，属工作日，不顺延"]
    assert explain(CAL, r7, r7.due(CAL, D(2026, 9, 30))) == [
        "国庆节放假 2026年10月1日至2026年10月7日（7天）不计入工作日",
        "2026年10月10日（星期六）为调休上班日，计入工作日"]
    assert explain(CAL, Rule("workdays", 3), Rule("workdays", 3).due(CAL, D(2026, 3, 2))) == [
        "期间没有节假日和调休上班日"]
    with pytest.raises(CalendarGap):
        Rule("workdays", 7).due(CAL, D(2026, 12, 28))
    loose = Calendar(package_arrangements(), allow_provisional=True)
    d = Rule("workdays", 7).due(loose, D(2026, 12, 28))
    assert (d.due, d.provisional) == (D(2027, 1, 6), True)
    assert explain(loose, Rule("workdays", 7), d)[-1].startswith("暂定：2027 年节假日安排尚未加入")


# --- obligations ------------------------------------------------------------------------------

PROG = Deadline(Rule("workdays", 7), D(2026, 9, 30), D(2026, 10, 15), False)


def test_parts_and_lateness():
    reports = [(D(2026, 9, 29), "a"), (D(2026, 10, 12), "a"), (D(2026, 10, 9), "b"), (D(2026, 10, 14), "x")]
    obs = parts("c1", "progress", PROG, "a", ["b", "c", "a", ""], reports)
    # 9-29 is before the basis; x is not a co-unit so its report is the lead's; a's first counts
    assert [(o.unit, o.part, o.met) for o in obs] == [("a", "lead", D(2026, 10, 12)), ("b", "co", D(2026, 10, 9)),
                         ("c", "co", D(2026, 10, 12))]
    each = parts("c1", "progress", PROG, "a", ["b", "c"], reports, co_reports="each")
    assert [(o.unit, o.part, o.met) for o in each] == [("a", "lead", D(2026, 10, 12)), ("b", "co", D(2026, 10, 9)), ("c", "co", None)]
    later = parts("c1", "progress", PROG, "a", ["b"], reports, since=D(2026, 10, 13))
    assert [(o.unit, o.part, o.met) for o in later] == [("a", "lead", D(2026, 10, 14)), ("b", "co", D(2026, 10, 14))]
    ob = Obligation("c1", "progress", "a", "lead", PROG)
    assert ob.is_late(D(2026, 10, 16)) and not ob.is_late(D(2026, 10, 15))
    assert overdue_workdays(ob, CAL, D(2026, 10, 15)) == 0
    assert overdue_workdays(ob, CAL, D(2026, 10, 20)) == 3  # 16, 19, 20
    assert overdue_workdays(ob, CAL, D(2026, 10, 18)) == 1  # a weekend adds nothing
    assert ob.as_dict(CAL, D(2026, 10, 20))["overdue_workdays"] == 3
    ob.met = D(2026, 10, 16)
    assert not ob.on_time() and overdue_workdays(ob, CAL, D(2026, 10, 20)) == 0
    assert late_by(D(2026, 10, 16), D(2026, 10, 15), CAL) == 1
    assert late_by(D(2026, 10, 8), D(2026, 9, 30), CAL) == 1  # the National Day holiday is not counted
    assert late_by(D(2026, 10, 10), D(2026, 10, 15), CAL) == 0


def test_overdue_into_an_uncovered_year_stops_or_is_marked_provisional():
    ob = Obligation("c1", "result", "a", "lead",
                    Deadline(Rule("days", 30), D(2026, 11, 24), D(2026, 12, 24), False))
    with pytest.raises(CalendarGap):
        overdue_workdays(ob, CAL, D(2027, 1, 5))
    guess = Calendar(package_arrangements(), allow_provisional=True)
    assert overdue(ob, guess, D(2027, 1, 5)) == (8, True)  # weekends only, and said so
    assert overdue(ob, guess, D(2026, 12, 28)) == (2, False)
    assert ob.as_dict(guess, D(2027, 1, 5))["provisional"] is True


def test_horizon_and_falling_due():
    assert horizon(CAL, D(2026, 9, 30), 2) == (D(2026, 10, 9), False)
    assert horizon(CAL, D(2026, 9, 30), 0) == (D(2026, 9, 30), False)
    with pytest.raises(CalendarGap):  # the window reaches 2027: stop, unless provisional is allowed
        horizon(CAL, D(2026, 12, 30), 2)
    guess = Calendar(package_arrangements(), allow_provisional=True)
    assert horizon(guess, D(2026, 12, 30), 2) == (D(2027, 1, 1), True)  # weekends only, marked

    def ob(cid, unit, due, met=None):
        return Obligation(cid, "progress", unit, "lead", Deadline(Rule("workdays", 7), D(2026, 9, 1), due, False), met)

    obs = [ob("c3", "b", D(2026, 10, 9)), ob("c1", "a", D(2026, 10, 12)), ob("c2", "a", D(2026, 9, 29)),
           ob("c4", "a", D(2026, 10, 8), met=D(2026, 10, 8)), ob("c5", "b", D(2026, 10, 8))]
    items, guessed = falling_due(obs, CAL, D(2026, 9, 30), 2)
    assert ([o.id for o in items], guessed) == (["c2", "c5", "c3"], False)
    assert [o.id for o in falling_due(obs, CAL, D(2026, 9, 30), 2, unit="a")[0]] == ["c2"]


# --- lifecycle --------------------------------------------------------------------------------

def handover_case(events=(), **deadlines):
    dls = {"progress": {"due": D(2026, 10, 15), "basis": D(2026, 9, 30), "rule": "workdays", "n": 7},
           "result": {"due": D(2026, 10, 30), "basis": D(2026, 9, 30), "rule": "days", "n": 30}}
    dls.update(deadlines)
    return {"id": "c1", "registered": "2026-09-10", "screening": {"decision": "accepted"}, "session": "S1",
            "outcome": {"kind": "handover", "date": D(2026, 9, 30), "lead_unit": "a", "co_units": ["b", "a", ""]},
            "deadlines": dls, "events": list(events)}


def _obs(case, **kw):
    return [(o.kind, o.unit, o.part, o.due, o.met) for o in lc.obligations(case, **kw)]


def test_handover_owes_progress_and_result():
    case = handover_case([{"kind": "progress", "date": "2026-10-12", "unit": "a"}])
    assert lc.units_of(case) == ("a", ["b"])
    assert lc.stored_deadline(case, "result") == Deadline(Rule("days", 30), D(2026, 9, 30), D(2026, 10, 30), False)
    assert lc.stored_deadline(case, "periodic") is None
    assert _obs(case) == [("progress", "a", "lead", D(2026, 10, 15), D(2026, 10, 12)),
                          ("progress", "b", "co", D(2026, 10, 15), D(2026, 10, 12)),
                          ("result", "a", "lead", D(2026, 10, 30), None), ("result", "b", "co", D(2026, 10, 30), None)]
    assert [o[4] for o in _obs(case, co_reports="each")] == [D(2026, 10, 12), None, None, None]
    assert (lc.status(case, D(2026, 10, 30)), lc.status(case, D(2026, 10, 31))) == ("handling", "overdue")
    assert lc.close_blockers(case) == ["承办单位尚未报送办理结果", "尚未答复企业（anshang reply）"]


def test_obligations_are_worked_out_once_per_case_only_inside_remembering(monkeypatch):
    calls = []
    real = lc._obligations
    monkeypatch.setattr(lc, "_obligations", lambda *a: calls.append(a[0]["id"]) or real(*a))
    case, other = handover_case(), {**handover_case(), "id": "c2"}
    with lc.remembering_obligations():
        first = lc.obligations(case)
        first.clear()  # a caller's list is its own: the remembered one stays whole
        assert lc.obligations(case) == lc.obligations(case) == real(case, "lead", False) != []
        lc.obligations(other), lc.obligations(case, "each"), lc.obligations(case, include_closed=True)
        with lc.remembering_obligations():  # nested: the same memory
            lc.obligations(case)
    assert calls == ["c1", "c2", "c1", "c1"]
    lc.obligations(case), lc.obligations(case)  # outside: worked out every time, as the data may change
    assert calls[4:] == ["c1", "c1"]


def test_longterm_suspends_result_until_reported():
    periodic = {"due": D(2026, 10, 27), "basis": D(2026, 10, 20), "rule": "every_workdays", "n": 5}
    evs = [{"kind": "progress", "date": "2026-10-12", "unit": "a"}, {"kind": "longterm", "date": "2026-10-20"},
           {"kind": "periodic", "date": "2026-10-20", "unit": "a"}]  # on the basis day: does not count
    case = handover_case(evs, periodic=periodic)
    assert [(k, u, m) for k, u, _, _, m in _obs(case)] == [
        ("progress", "a", D(2026, 10, 12)), ("progress", "b", D(2026, 10, 12)),
        ("periodic", "a", None), ("periodic", "b", None)]
    assert lc.status(case, D(2026, 11, 2)) == "overdue"  # the periodic report (10-27), not the result (10-30)
    case["deadlines"]["periodic"] = {**periodic, "due": D(2026, 11, 3)}
    assert lc.status(case, D(2026, 11, 2)) == "longterm"
    assert lc.close_blockers(case)[0].startswith("仍在长期整改中")
    case["events"].append({"kind": "periodic", "date": "2026-10-26", "unit": "b"})
    assert [o.met for o in lc.obligations(case, "each") if o.kind == "periodic"] == [None, D(2026, 10, 26)]
    case["events"].append({"kind": "result", "date": "2026-11-05", "unit": "a"})
    assert [(o.kind, o.met) for o in lc.obligations(case) if o.part == "lead"] == [
        ("progress", D(2026, 10, 12)), ("result", D(2026, 11, 5))]


def test_reply_close_and_reopen():
    case = handover_case([{"kind": "progress", "date": "2026-10-12", "unit": "a"},
                          {"kind": "result", "date": "2026-10-28", "unit": "a"}, {"kind": "reply", "date": "2026-10-29"}])
    assert lc.status(case, D(2026, 11, 2)) == "replied"
    assert lc.close_blockers(case) == []
    case["events"] += [{"kind": "revisit", "date": "2026-11-02", "satisfaction": "满意"},
                       {"kind": "close", "date": "2026-11-03"}]
    assert lc.status(case, D(2026, 11, 4)) == "closed" and lc.obligations(case) == []
    assert len(lc.obligations(case, include_closed=True)) == 4
    # 不满意 reopens with a fresh result deadline (as the revisit step writes it)
    case["events"] += [{"kind": "revisit", "date": "2026-11-10", "satisfaction": "不满意"},
                       {"kind": "reopen", "date": "2026-11-10"}]
    case["deadlines"]["result"] = Rule("days", 30).record(CAL, D(2026, 11, 10))
    assert not lc.is_closed(case) and lc.status(case, D(2026, 11, 20)) == "handling"
    assert [(o.kind, o.due, o.met) for o in lc.obligations(case) if o.part == "lead"] == [
        ("progress", D(2026, 10, 15), D(2026, 10, 12)), ("result", D(2026, 12, 10), None)]
    assert lc.close_blockers(case) == ["承办单位尚未报送办理结果", "尚未答复企业（anshang reply）"]
    case["events"] += [{"kind": "result", "date": "2026-11-20", "unit": "a"}, {"kind": "reply", "date": "2026-11-20"},
                       {"kind": "revisit", "date": "2026-11-25", "satisfaction": "不满意"}]
    assert lc.close_blockers(case) == ["最近一次回访企业不满意，须重新办理"]
    assert lc.close_blockers({"id": "c2"}) == ["尚未接待或处理（没有接待结果），不能办结"]
    assert lc.close_blockers({"id": "c2", "outcome": {"kind": "explained"}}) == []


@pytest.mark.parametrize("case, expected", [
    ({}, "registered"),
    ({"screening": {"decision": "excluded"}}, "excluded"),
    ({"screening": {"decision": "referred"}}, "referred"),
    ({"screening": {"decision": "accepted"}}, "accepted"),
    ({"screening": {"decision": "accepted"}, "matching": {"status": "waiting"}}, "waiting"),
    ({"screening": {"decision": "accepted"}, "session": "S1"}, "scheduled"),
    ({"screening": {"decision": "accepted"}, "outcome": {"kind": "solved"}}, "solved"),
])
def test_status_before_handover(case, expected):
    assert lc.status(dict(case, id="c1"), D(2026, 10, 1)) == expected


# --- screening --------------------------------------------------------------------------------

SETTINGS = NS(routing={"能源": ["fgw"], "工业和信息化": ["gxj", "fgw"], "市场监管": ["scjgj"]})
UNITS = {"fgw": {"name": "市发展和改革委员会", "kind": "department"}, "gxj": {"name": "市工业和信息化局", "kind": "department"},
         "scjgj": {"name": "市市场监督管理局", "kind": "department"},
         "xg": {"name": "新港区人民政府", "kind": "district", "district": "新港区"}}
ENT = {"dispatch_years": [2026], "categories": ["above_scale"], "district": "新港区"}
CASE = {"id": "c1", "registered": "2026-03-09", "enterprise": "E1", "contact": {"name": "张三", "phone": "123"},
        "fields": ["工业和信息化"], "title": "用电报装", "facts": "企业新建厂房需要用电报装。",
        "reasons": "供电公司迟迟不予接入。", "request": "请求协调尽快接电投产。", "declared": {}}


def _screen(ent=ENT, **changes):
    d = screen({**CASE, **changes}, ent, SETTINGS, UNITS)
    return d.decision, d.clauses, d.refer_to, d.reason, d.type


def test_accepted_type_2_several_departments_else_4():
    assert _screen() == ("accepted", ["§二(三)", "§三(一)2"], None, "涉及市政府多个部门，需市领导协调", 2)
    assert screen(CASE, ENT, SETTINGS, UNITS).suggested_units == ["gxj", "fgw"]
    assert _screen(fields=["市场监管"]) == ("accepted", ["§二(三)", "§三(一)4"], None,
                                         "需市领导协调的其他重大事项", 4)


@pytest.mark.parametrize("key, clause", [("judicial", "§三(二)1"), ("discipline", "§三(二)2"),
                                         ("petition", "§三(二)3"), ("proposal", "§三(二)4")])
def test_excluded_by_declared_key(key, clause):
    decision, clauses, _, reason, typ = _screen(declared={key: True})
    assert (decision, clauses, typ) == ("excluded", [clause], None)
    assert reason.startswith("登记表自述：")


def test_anonymous_and_vague():
    assert _screen(declared={"proposal": True, "judicial": True})[1] == ["§三(二)1"]  # first key wins
    assert _screen(declared={"anonymous": True})[:4] == (
        "excluded", ["§三(二)6"], None, "匿名反映：登记表表示不同意实名反映")
    assert _screen(contact={"name": "张三"})[3] == "匿名反映：没有可联系的联系人和电话"
    assert _screen(enterprise=None)[3] == "匿名反映：无法确认反映企业"
    assert _screen(facts="很急", request="快办")[:4] == (
        "excluded", ["§三(二)5"], None, "诉求不具体：缺少具体的事实、具体诉求")
    assert _screen(declared={"vague": True})[3] == "诉求不具体：无明确对象"


def test_referred_when_not_in_dispatch_list_of_that_year():
    assert _screen({**ENT, "dispatch_years": [2025]}) == (
        "referred", ["§二(三)"], "xg", "企业未纳入市政府2026年调度名单，转新港区人民政府接待受理", None)
    assert _screen({**ENT, "categories": []})[3] == "企业不属于规上、上市后备或高新技术企业，转新港区人民政府接待受理"
    assert _screen(None)[2:4] == ("gxj", "企业未纳入市政府2026年调度名单，转市工业和信息化局接待受理")
    # other channels are not limited to the dispatch list
    assert _screen({**ENT, "dispatch_years": [2025]}, channel="hotline")[0] == "accepted"


# --- matching ---------------------------------------------------------------------------------

def _case(cid, ent, reg, fields, **kw):
    return {"id": cid, "enterprise": ent, "registered": reg, "fields": fields,
            "screening": {"decision": "accepted"}, **kw}


MCASES = {c["id"]: c for c in [
    _case("k1", "E0", "2026-03-01", ["工业和信息化"], session="S1", matching={"status": "scheduled", "reason": "早排"}),
    _case("a1", "E1", "2026-03-02", ["工业和信息化"]),
    _case("b1", "E2", "2026-03-03", ["工业和信息化"]), _case("b2", "E2", "2026-03-06", ["工业和信息化"]),
    _case("c1", "E3", "2026-03-04", ["工业和信息化"]), _case("d1", "E4", "2026-03-05", ["能源"]),
    _case("e1", "E5", "2026-03-05", ["环保"]),
    _case("f1", "E6", "2026-03-15", ["工业和信息化"]),  # after S1's registration closed
    {**_case("g1", "E7", "2026-03-01", ["能源"]), "screening": {"decision": "excluded"}},
    _case("h1", "E8", "2026-03-01", ["能源"], outcome={"kind": "solved"}),
    _case("i1", "E9", "2026-03-01", ["能源"], channel="hotline"),
]}
SESSIONS = {"S0": {"id": "S0", "date": "2026-03-12", "leader": "L2", "status": "held"},
            "S1": {"id": "S1", "date": "2026-03-19", "leader": "L1", "capacity": 3, "registration_to": "2026-03-13"},
            "S2": {"id": "S2", "date": "2026-05-21", "leader": "L2"}}
LEADERS = {"L1": {"fields": ["工业和信息化"]}, "L2": {"fields": ["能源", "工业和信息化"]}}


def test_match():
    res = {m.id: m for m in match(MCASES, SESSIONS, LEADERS, 8, D(2026, 3, 10))}
    got = {k: (m.session, m.status, m.kept) for k, m in res.items()}
    assert got == {"k1": ("S1", "scheduled", True), "a1": ("S1", "scheduled", False),
                   "b1": ("S2", "deferred", False), "b2": ("S2", "deferred", False),  # 2 + 2 > 3: together to S2
                   "c1": ("S1", "scheduled", False),  # a single demand still fits S1 (3/3)
                   "d1": ("S2", "deferred", False), "e1": (None, "waiting", False), "f1": ("S2", "deferred", False)}
    assert res["a1"].reason == "诉求领域与 S1 场次受理领域相符，当期安排"
    assert res["b1"].trace == ["S1：名额不足，已安排 2/3 件，容纳不下该企业的 2 件诉求", "S2：领域 工业和信息化 相符，安排（1/8）"]
    assert res["b1"].reason == "S1 名额不足，择期安排在 S2"  # the reason says which: full, closed or other fields
    assert res["d1"].reason == "S1 受理领域与诉求不符，择期安排在 S2"
    assert res["f1"].reason == "S1 预约已截止，择期安排在 S2"
    assert res["e1"].reason == "之后没有受理领域 环保 的场次"
    assert res["f1"].trace[0] == "S1：预约已截止，登记日期晚于预约截止日 2026-03-13"
    # the same form, filled in before the window closed but imported late: its 填表日期 counts
    late_import = {"f1": {**MCASES["f1"], "form_date": "2026-03-12"}}
    assert [m.session for m in match(late_import, SESSIONS, LEADERS, 8, D(2026, 3, 10))] == ["S1"]
    few = {"S2": {**SESSIONS["S2"], "capacity": 1}}
    res = {m.id: m for m in match({k: MCASES[k] for k in ("a1", "c1")}, few, LEADERS, 8, D(2026, 3, 10))}
    assert [(m.id, m.session, m.status) for m in res.values()] == [("a1", "S2", "scheduled"), ("c1", None, "waiting")]
    assert res["c1"].reason == "受理领域 工业和信息化 的场次中，S2 名额不足"
    # an enterprise with more demands than any session holds: placed one by one, not kept waiting
    many = {f"m{i}": _case(f"m{i}", "E9", f"2026-03-0{i}", ["能源"]) for i in range(1, 5)}
    two = {"S1": {**SESSIONS["S1"], "fields": ["能源"], "capacity": 2, "registration_to": None},
           "S2": {**SESSIONS["S2"], "capacity": 2}}
    res = {m.id: m for m in match(many, two, LEADERS, 8, D(2026, 3, 10))}
    assert [(k, m.session) for k, m in sorted(res.items())] == [("m1", "S1"), ("m2", "S1"), ("m3", "S2"), ("m4", "S2")]
    assert res["m1"].trace[-1] == "S1：领域 能源 相符，安排（1/2）（该企业的诉求分场安排）"
    assert {m.status for m in match(MCASES, SESSIONS, LEADERS, 8, D(2026, 3, 10), target="S2")
            if m.id in ("a1", "b1", "d1", "f1")} == {"scheduled"}
    own = {"S1": {**SESSIONS["S1"], "fields": ["能源"]}}  # a session's own fields beat its leader's
    assert match({"d1": MCASES["d1"]}, own, LEADERS, 8, D(2026, 3, 10))[0].session == "S1"


# --- rotation ---------------------------------------------------------------------------------

ROTA = [{"id": "v1", "role": "vice_mayor", "fields": ["能源"]}, {"id": "m", "role": "mayor", "fields": ["综合"]},
        {"id": "v2", "role": "vice_mayor", "active": False}, {"id": "v3", "role": "vice_mayor"}]


def test_plan_year_and_notice_problems():
    plan = plan_year(2026, 4, ROTA, "m", CAL, LIMITS)
    got = [(p.date, p.leader, p.notice_date, p.registration_from, p.registration_to, p.provisional) for p in plan]
    assert got == [  # third Thursdays of Feb/May/Aug/Nov; 02-19 is in the Spring Festival -> 02-24
        (D(2026, 2, 24), "v1", D(2026, 2, 3), D(2026, 2, 3), D(2026, 2, 11), False),
        (D(2026, 5, 21), "v3", D(2026, 5, 8), D(2026, 5, 8), D(2026, 5, 15), False),
        (D(2026, 8, 20), "m", D(2026, 8, 6), D(2026, 8, 6), D(2026, 8, 14), False),
        (D(2026, 11, 19), "v1", D(2026, 11, 5), D(2026, 11, 5), D(2026, 11, 13), False)]
    for p in plan:
        assert p.notice_date == wd_offset(p.date, -10) and p.registration_to == wd_offset(p.date, -4)
    assert plan[0].fields == ["能源"] and plan[0].id == "2026-02-24"
    assert plan_year(2026, 4, [{"id": "x", "active": False}], None, CAL, LIMITS) == []
    with pytest.raises(CalendarGap):
        plan_year(2027, 4, ROTA, None, CAL, LIMITS)
    loose = Calendar(package_arrangements(), allow_provisional=True)
    first = plan_year(2027, 4, ROTA, None, loose, LIMITS)[0]
    assert (first.date, first.leader, first.notice_date, first.provisional) == (D(2027, 2, 18), "m", D(2027, 2, 4), True)
    session = {"date": "2026-02-24", "notice_date": "2026-02-04"}
    assert notice_problems(session, CAL, LIMITS.notice) == (
        "通告发布日期 2026-02-04 晚于规定：须在接待日前 10 个工作日（不晚于 2026-02-03）发布")
    assert notice_problems({**session, "notice_date": "2026-02-03"}, CAL, LIMITS.notice) is None
    assert notice_problems({"date": "2026-02-24"}, CAL, LIMITS.notice) is None


# --- figures ----------------------------------------------------------------------------------

def _world():
    a = handover_case([{"kind": "progress", "date": "2026-10-10", "unit": "b"},
                       {"kind": "progress", "date": "2026-10-12", "unit": "a"}, {"kind": "result", "date": "2026-10-28", "unit": "a"},
                       {"kind": "reply", "date": "2026-10-29"}, {"kind": "revisit", "date": "2026-11-02", "satisfaction": "满意"},
                       {"kind": "close", "date": "2026-11-03"}])
    a.update(id="A", fields=["工业和信息化"])
    b = handover_case([{"kind": "progress", "date": "2026-10-16", "unit": "b"}])  # late, no result
    b.update(id="B", fields=["能源"])
    b["outcome"] = {**b["outcome"], "lead_unit": "b", "co_units": ["a"]}
    c = {"id": "C", "registered": "2026-09-11", "fields": ["能源"], "screening": {"decision": "excluded"}}
    d = {"id": "D", "registered": "2026-09-12", "fields": ["能源"], "screening": {"decision": "accepted"},
         "session": "S1", "outcome": {"kind": "solved", "date": "2026-09-30"},
         "events": [{"kind": "revisit", "date": "2026-10-09", "satisfaction": "基本满意"}]}
    return NS(cases={x["id"]: x for x in (a, b, c, d)}, sessions={"S1": {"id": "S1", "leader": "L1"}},
              enterprises={}, units={}, leaders={})


def test_statistics_by_hand():
    s = statistics(_world(), D(2026, 11, 20))
    o = s["overall"]
    keys = ("registered accepted excluded referred handed_over reports_due reports_on_time progress_on_time "
            "result_on_time closed overdue revisits satisfied").split()
    assert [o[k] for k in keys] == [4, 3, 1, 0, 2, 4, 2, 1, 1, 1, 1, 2, 2]
    assert (o["closure_rate"], o["on_time_rate"], o["satisfaction_rate"]) == (0.5, 0.5, 1.0)
    keys = ("as_lead", "as_co", "handed_over", "reports_due", "reports_on_time", "overdue", "closed")
    assert {u: tuple(f[k] for k in keys) for u, f in s["by_unit"].items()} == {
        "a": (1, 1, 2, 4, 2, 1, 1), "b": (1, 1, 2, 4, 2, 1, 1)}
    each = statistics(_world(), D(2026, 11, 20), co_reports="each")["by_unit"]
    # as co-units on their own: a never reported on B; b reported progress on A itself, on time
    assert (each["a"]["reports_on_time"], each["b"]["reports_on_time"]) == (2, 1)
    assert each["b"]["on_time_rate"] == 0.25
    assert {k: v["registered"] for k, v in s["by_leader"].items()} == {"L1": 3}
    assert {k: (v["registered"], v["handed_over"]) for k, v in s["by_field"].items()} == {
        "工业和信息化": (1, 1), "能源": (3, 1)}
    none = statistics(_world(), D(2026, 11, 20), year=2025)["overall"]
    assert (none["registered"], none["closure_rate"], none["on_time_rate"], none["satisfaction_rate"]) == (0, None, None, None)
    only = statistics(_world(), D(2026, 11, 20), only_units=True)
    assert only["overall"]["registered"] == 0 and sorted(only["by_unit"]) == ["a", "b"]


def test_rules_for_tracked_work_monthly_quarterly_fixed():
    # 一月一报: the 5th of each month after the basis; 2026-10-05 is in the National Day holiday
    monthly = Rule("monthly", 5)
    assert monthly.due(CAL, D(2026, 9, 5)).due == D(2026, 10, 8)
    assert monthly.due(CAL, D(2026, 9, 4)).due == D(2026, 9, 7)  # Saturday 09-05 rolls to Monday
    assert Rule("monthly", 31).due(CAL, D(2026, 2, 1)).due == D(2026, 2, 28)  # a make-up Saturday
    assert Rule("monthly", 31).due(CAL, D(2026, 4, 1)).due == D(2026, 4, 30)
    # 一季一审: the 10th of January, April, July and October
    assert Rule("quarterly", 10).due(CAL, D(2026, 4, 10)).due == D(2026, 7, 10)
    with pytest.raises(CalendarGap):  # 2027-01-10 is in a year whose holidays are not known yet
        Rule("quarterly", 10).due(CAL, D(2026, 11, 3))
    fixed = Rule("fixed", on=D(2026, 12, 31))
    assert (fixed.due(CAL, D(2026, 3, 1)).due, fixed.text()) == (D(2026, 12, 31), "2026年12月31日前")
    record = fixed.record(CAL, D(2026, 3, 1))
    assert record == {"due": D(2026, 12, 31), "basis": D(2026, 3, 1), "rule": "fixed", "provisional": False}
    assert read_deadline(record).rule == fixed
    assert read_deadline(monthly.record(CAL, D(2026, 9, 5))).recomputed(CAL).due == D(2026, 10, 8)
    with pytest.raises(ValueError):
        read_deadline({"due": "2026-10-08", "basis": "2026-09-05", "rule": "monthly"})  # n missing
