"""Each step of the closed loop as one locked, comment-preserving edit of one case file:
reception outcome with deadlines, unit reports, long-term switch, extension, reassignment,
reply, revisit and closing. Checks come first; nothing is written when a step is refused."""

from __future__ import annotations

import datetime as dt

from anshang import fmt, loop
from anshang.dates import parse_date
from anshang.errors import EXIT_PROBLEMS, AnshangError
from anshang.ledger import Ledger
from anshang.yamlio import strip_lines


def _case(ledger: Ledger, cid: str) -> dict:
    return strip_lines(ledger.read(Ledger.case_rel(cid)))


def _deadline(d) -> dict:
    return {"due": d.due, "basis": d.start, "rule": d.rule, "provisional": d.provisional}


def _event(day: dt.date, kind: str, by: str, **extra) -> dict:
    ev = {"date": day, "kind": kind, "by": by}
    ev.update({k: v for k, v in extra.items() if v not in (None, "", [])})
    return ev


def _append(doc, ev: dict) -> None:
    if doc.get("events"):
        doc["events"].append(fmt.to_rt(ev))
    else:
        fmt.put(doc, "events", [ev], "case")


def _set_deadline(doc, kind: str, record: dict) -> None:
    if doc.get("deadlines") is None:
        fmt.put(doc, "deadlines", {kind: record}, "case")
    else:
        fmt.put(doc["deadlines"], kind, record, "case", ("deadlines",))


def _not_closed(case: dict) -> None:
    loop.require(not loop.is_closed(case), f"{case['id']} 已办结；如需重新办理请先回访记录“不满意”或用 anshang revisit")


def _handover(case: dict) -> dict:
    out = case.get("outcome") or {}
    loop.require(out.get("kind") == "handover", f"{case['id']} 不是交办件（接待结果：{out.get('kind') or '无'}）")
    return out


def _on_or_after(day: dt.date, case: dict, what: str) -> None:
    out = case.get("outcome") or {}
    if out.get("date"):
        loop.require(day >= parse_date(out["date"]), f"{what}日期 {day.isoformat()} 早于交办日期 {out['date']}")


def receive(ledger: Ledger, settings, cal, world, cid: str, kind: str, day: dt.date | None,
            lead: str | None, co: list[str], instruction: str | None, note: str | None, by: str) -> dict:
    """Record the reception outcome; a handover also gets its progress and result deadlines."""
    case = world.cases[cid]
    loop.require(kind in ("solved", "handover", "explained"),
                 "--outcome 只能是 solved（当场解决）、handover（交办）或 explained（解释说明）")
    loop.require((case.get("screening") or {}).get("decision") == "accepted", f"{cid} 未受理，不能记录接待结果")
    if case.get("outcome"):
        raise AnshangError(f"{cid} 已有接待结果（{case['outcome'].get('kind')}），不能重复记录")
    sid = case.get("session")
    if case.get("channel", "reception_day") == "reception_day":
        loop.require(bool(sid), f"{cid} 尚未安排接待场次（先运行 anshang match）")
    if day is None:
        day = parse_date(world.sessions[sid]["date"]) if sid in world.sessions else dt.date.today()
    record: dict = {"kind": kind, "date": day}
    deadlines = {}
    if kind == "handover":
        suggested = list(case.get("suggested_units") or [])
        lead = lead or (suggested[0] if suggested else None)
        loop.require(bool(lead), "交办须用 --lead 指定牵头单位")
        co = co or [u for u in suggested if u != lead]
        for u in [lead, *co]:
            loop.require(u in world.units, f"承办单位 {u!r} 不在 units.yaml 中")
        record.update({"lead_unit": lead, "co_units": [u for u in co if u != lead]})
        if instruction:
            record["instruction"] = instruction
        policy = settings.policy
        deadlines = {"progress": _deadline(cal.add_workdays(day, policy.progress_workdays)),
                     "result": _deadline(cal.add_days(day, policy.result_days))}
    if note:
        record["note"] = note

    def change(doc):
        fmt.put(doc, "outcome", record, "case")
        if deadlines:
            fmt.put(doc, "deadlines", deadlines, "case")

    with ledger.lock():
        ledger.edit(Ledger.case_rel(cid), change)
    return {"outcome": record, "deadlines": deadlines}


def report(ledger: Ledger, settings, cal, cid: str, kind: str, day: dt.date, unit: str | None,
           note: str | None, by: str) -> dict:
    """A unit's progress, result or ten-day report. A periodic report sets the next one's due date."""
    case = _case(ledger, cid)
    out = _handover(case)
    _not_closed(case)
    _on_or_after(day, case, "报送")
    if kind == "periodic":
        loop.require(loop.is_longterm(case), f"{cid} 不在长期整改中；十日一报只用于长期整改件（先 anshang longterm）")
    ev = _event(day, kind, by, unit=unit or out.get("lead_unit"), note=note)
    nxt = None
    if kind == "periodic":
        nxt = _deadline(cal.periodic(day, settings.policy.longterm_days,
                                     workdays=settings.policy.longterm_counting == "workdays"))

    def change(doc):
        _append(doc, ev)
        if nxt:
            _set_deadline(doc, "periodic", nxt)

    with ledger.lock():
        ledger.edit(Ledger.case_rel(cid), change)
    return {"event": ev, "next": nxt}


def longterm(ledger: Ledger, settings, cal, cid: str, day: dt.date, note: str | None, by: str) -> dict:
    """Switch to long-term rectification: a report every ten days until a result is reported."""
    case = _case(ledger, cid)
    _handover(case)
    _not_closed(case)
    _on_or_after(day, case, "转长期整改")
    loop.require(not loop.is_longterm(case), f"{cid} 已在长期整改中")
    nxt = _deadline(cal.periodic(day, settings.policy.longterm_days,
                                 workdays=settings.policy.longterm_counting == "workdays"))
    ev = _event(day, "longterm", by, note=note)

    def change(doc):
        _append(doc, ev)
        _set_deadline(doc, "periodic", nxt)

    with ledger.lock():
        ledger.edit(Ledger.case_rel(cid), change)
    return nxt


def extend(ledger: Ledger, cid: str, kind: str, new_due: dt.date, reason: str, day: dt.date, by: str) -> dict:
    """Extend an open deadline; the request must come before the deadline passes."""
    case = _case(ledger, cid)
    _handover(case)
    _not_closed(case)
    loop.require(bool(reason and reason.strip()), "延期须用 --reason 说明理由")
    open_ = {o.kind: o for o in loop.open_obligations(case)}
    loop.require(kind in open_, f"{cid} 没有未完成的“{ {'progress': '落实情况', 'result': '办理结果', 'periodic': '十日一报'}.get(kind, kind)}”期限，无需延期")
    ob = open_[kind]
    loop.require(day <= ob.due, f"延期须在期限届满前申请：{kind} 已于 {ob.due.isoformat()} 到期（申请日期 {day.isoformat()}）")
    loop.require(new_due > ob.due, f"新的截止日期 {new_due.isoformat()} 应晚于原截止日期 {ob.due.isoformat()}")
    record = {"due": new_due, "basis": ob.basis, "rule": f"延期（原{ob.rule}，原截止{ob.due.isoformat()}）",
              "provisional": ob.provisional}
    ev = _event(day, "extension", by, unit=ob.unit, due=new_due, note=reason)

    def change(doc):
        _append(doc, ev)
        _set_deadline(doc, kind, record)

    with ledger.lock():
        ledger.edit(Ledger.case_rel(cid), change)
    return record


def reassign(ledger: Ledger, settings, cal, world, cid: str, lead: str, co: list[str], reason: str,
             day: dt.date, by: str) -> dict:
    """A unit disputes its assignment: new lead (and co-) units; open deadlines restart from today."""
    case = _case(ledger, cid)
    out = _handover(case)
    _not_closed(case)
    loop.require(bool(reason and reason.strip()), "调整承办单位须用 --reason 说明理由（如单位提出异议的内容）")
    for u in [lead, *co]:
        loop.require(u in world.units, f"承办单位 {u!r} 不在 units.yaml 中")
    loop.require(lead != out.get("lead_unit") or co != list(out.get("co_units") or []), "承办单位没有变化")
    policy = settings.policy
    restart = {}
    for ob in loop.open_obligations(case):
        if ob.kind == "progress":
            restart["progress"] = _deadline(cal.add_workdays(day, policy.progress_workdays))
        elif ob.kind == "result":
            restart["result"] = _deadline(cal.add_days(day, policy.result_days))
    ev = _event(day, "reassign", by, unit=out.get("lead_unit"), units=[lead, *co], note=reason)

    def change(doc):
        _append(doc, ev)
        doc["outcome"]["lead_unit"] = lead
        fmt.put(doc["outcome"], "co_units", list(co), "case", ("outcome",))
        for kind, rec in restart.items():
            _set_deadline(doc, kind, rec)

    with ledger.lock():
        ledger.edit(Ledger.case_rel(cid), change)
    return restart


def reply(ledger: Ledger, cid: str, day: dt.date, note: str | None, by: str) -> dict:
    case = _case(ledger, cid)
    loop.require(bool(case.get("outcome")), f"{cid} 尚无接待结果，不能答复")
    _not_closed(case)
    ev = _event(day, "reply", by, note=note)
    with ledger.lock():
        ledger.edit(Ledger.case_rel(cid), lambda doc: _append(doc, ev))
    return ev


def revisit(ledger: Ledger, settings, cal, cid: str, satisfaction: str, day: dt.date, note: str | None,
            by: str) -> dict:
    """Record the enterprise's satisfaction; 不满意 reopens the case with a fresh result deadline."""
    case = _case(ledger, cid)
    loop.require(satisfaction in ("满意", "基本满意", "不满意"), "--satisfaction 只能是 满意、基本满意 或 不满意")
    loop.require(bool(case.get("outcome")), f"{cid} 尚无接待结果，不能回访")
    evs = [_event(day, "revisit", by, satisfaction=satisfaction, note=note)]
    new = None
    if satisfaction == "不满意":
        evs.append(_event(day, "reopen", by, note="回访不满意，重新办理"))
        if (case.get("outcome") or {}).get("kind") == "handover":
            new = _deadline(cal.add_days(day, settings.policy.result_days))

    def change(doc):
        for ev in evs:
            _append(doc, ev)
        if new:
            _set_deadline(doc, "result", new)

    with ledger.lock():
        ledger.edit(Ledger.case_rel(cid), change)
    return {"reopened": satisfaction == "不满意", "result": new}


def close(ledger: Ledger, cid: str, day: dt.date, note: str | None, by: str) -> None:
    case = _case(ledger, cid)
    _not_closed(case)
    blockers = loop.close_blockers(case)
    if blockers:
        raise AnshangError(f"{cid} 不能办结：" + "；".join(blockers), exit_code=EXIT_PROBLEMS)
    ev = _event(day, "close", by, note=note)
    with ledger.lock():
        ledger.edit(Ledger.case_rel(cid), lambda doc: _append(doc, ev))


def record_chases(ledger: Ledger, late, flagged, day: dt.date, by: str) -> int:
    """Note each chase (and supervision) in its case, once per case, kind and day."""
    flagged_keys = {(o.id, o.kind) for o in flagged}
    touched = 0
    with ledger.lock():
        for ob in late:
            case = _case(ledger, ob.id)
            have = {(e.get("kind"), str(e.get("date")), e.get("note")) for e in loop.events(case)}
            label = {"progress": "落实情况", "result": "办理结果", "periodic": "十日一报"}[ob.kind]
            new = []
            chase_note = f"{label}逾期未报，已发催办通知"
            if ("chase", day.isoformat(), chase_note) not in have:
                new.append(_event(day, "chase", by, unit=ob.unit, note=chase_note))
            sup_note = f"{label}超期，列入督办清单"
            if (ob.id, ob.kind) in flagged_keys and ("supervise", day.isoformat(), sup_note) not in have:
                new.append(_event(day, "supervise", by, unit=ob.unit, note=sup_note))
            if new:
                def change(doc, new=new):
                    for ev in new:
                        _append(doc, ev)

                ledger.edit(Ledger.case_rel(ob.id), change)
                touched += 1
    return touched
