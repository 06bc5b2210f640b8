"""Each step of the closed loop as one locked, comment-preserving edit of one case file:
reception outcome with deadlines, unit reports, long-term switch, extension, reassignment,
reply, revisit, closing and chasing. The case is read and checked inside the lock; nothing is
written when a step is refused. Deadlines come from the settings' rules (``policy.limits``)."""

from __future__ import annotations

import datetime as dt

from anshang.core import lifecycle
from anshang.core.dates import parse_date
from anshang.core.deadlines import extended
from anshang.core.ids import item_kind
from anshang.core.labels import DEADLINE_KINDS, KEY_OFF, KEY_ON, OUTCOMES, SATISFACTION, UNSATISFIED, label, only
from anshang.core.lifecycle import require
from anshang.core.problems import EXIT_PROBLEMS, AnshangError
from anshang.steps.cases import append, event, set_deadline, update_case
from anshang.store import canonical, loader


def _not_closed(case: dict) -> None:
    require(not lifecycle.is_withdrawn(case), f"{case['id']} 已由企业撤回，不再办理")
    if lifecycle.is_assigned_item(case):
        require(not lifecycle.is_closed(case), f"{case['id']} 已办结")
    require(not lifecycle.is_closed(case), f"{case['id']} 已办结；如需重新办理请先回访记录“不满意”或用 anshang revisit")


def _handover(case: dict) -> dict:
    """The handover of a demand (or a task's or topic's own assignment)."""
    out = lifecycle.assignment(case)
    require(out.get("kind") == "handover", f"{case['id']} 不是交办件（接待结果：{label(OUTCOMES, out.get('kind'), '无')}）")
    return out


def _on_or_after(day: dt.date, case: dict, what: str) -> None:
    out = lifecycle.assignment(case)
    if out.get("date"):
        require(day >= parse_date(out["date"]), f"{what}日期 {day.isoformat()} 早于交办日期 {out['date']}")


def _unit_ids(ledger, given) -> list[str]:
    """Unit ids for ids or names (全称、去掉“市”的名称、简称); unknown ones are refused."""
    from anshang.core import naming

    table = loader.load(ledger, {"units"}).units
    return [naming.unit(u, table) for u in given]


def receive(ledger, settings, cal, cid: str, kind: str, day: dt.date | None, lead: str | None,
            co: list[str], instruction: str | None, note: str | None, by: str, key: bool = False) -> dict:
    """Record the reception outcome; a handover also gets its progress and result deadlines;
    ``key`` marks a key problem (重点诉求, revisited under the default settings)."""
    from anshang.core import naming

    kind = naming.choice(kind, OUTCOMES, "--outcome")
    lead = _unit_ids(ledger, [lead])[0] if lead else None
    co = _unit_ids(ledger, co or [])

    def decide(case):
        require((case.get("screening") or {}).get("decision") == "accepted", f"{cid} 未受理，不能记录接待结果")
        if case.get("outcome"):
            raise AnshangError(f"{cid} 已有接待结果（{label(OUTCOMES, case['outcome'].get('kind'))}），不能重复记录")
        sid = case.get("session")
        rule = settings.channel_rule(case.get("channel"))
        if rule.matching:
            require(bool(sid), f"{cid} 尚未安排接待场次（先运行 anshang match）")
        when = day
        if when is None:
            session = loader.read(ledger, ledger.session_rel(sid), missing_ok=True) if sid else None
            when = parse_date(session["date"]) if isinstance(session, dict) else dt.date.today()
        record: dict = {"kind": kind, "date": when}
        deadlines = {}
        if kind == "handover":
            suggested = list(case.get("suggested_units") or [])
            head = lead or (suggested[0] if suggested else None)
            require(bool(head), "交办须用 --lead 指定牵头单位")
            others = co or [u for u in suggested if u != head]
            _unit_ids(ledger, [head, *others])  # suggested units still in units.yaml
            record.update({"lead_unit": head, "co_units": [u for u in others if u != head]})
            if instruction:
                record["instruction"] = instruction
            # what the channel's rule says a handed-over demand owes (the settings' 7/30 by default)
            deadlines = {k: r.record(cal, when) for k, r in rule.obligations.items()}
        if note:
            record["note"] = note

        def change(doc):
            canonical.put(doc, "outcome", record, "case")
            if key:
                canonical.put(doc, "key", True, "case")
            if deadlines:
                canonical.put(doc, "deadlines", deadlines, "case")

        return change, {"outcome": record, "deadlines": deadlines, "session": sid}

    from anshang.steps.sessions import mark_held

    with ledger.lock():  # the case and its session's 已举行, together
        result = update_case(ledger, cid, decide)
        result["held"] = bool(result["session"]) and mark_held(ledger, result["session"], result["outcome"]["date"])
    return result


def next_periodic(rule, stored, day: dt.date, cal):
    """The next due date a lead unit's periodic report (or a project's review) sets, or None when the
    report changes nothing. 每月/每季度 (一月一报、一季一审): one report for each period — a report
    meets the duty due then (early or late) and the next is the period after it; a second report for a
    period already met moves nothing. Other schedules (十日一报) count from the report's day."""
    if stored is not None and rule.kind in ("monthly", "quarterly"):
        if day <= stored.basis:
            return None  # this period's report is in already: the next duty stays where it is
        return rule.record(cal, stored.due)
    return rule.record(cal, day)


def report(ledger, settings, cal, cid: str, kind: str, day: dt.date, unit: str | None,
           note: str | None, by: str, conclusion: str | None = None) -> dict:
    """A unit's progress, result or periodic report. A periodic report sets the next one's due date."""
    from anshang.core import naming

    kind = naming.choice(kind, DEADLINE_KINDS, "类别")
    unit = _unit_ids(ledger, [unit])[0] if unit else None

    def decide(case):
        out = _handover(case)
        _not_closed(case)
        _on_or_after(day, case, "报送")
        lead, co = lifecycle.units_of(case)
        who = unit or lead
        if who not in (lead, *co):
            named = loader.load(ledger, {"units"}).units

            def n(u):
                return (named.get(u) or {}).get("name") or u

            raise AnshangError(f"{n(who)} 不是 {cid} 的承办单位（牵头：{n(lead)}；配合：{'、'.join(n(u) for u in co) or '无'}）")
        if kind == "periodic":
            require(lifecycle.is_longterm(case), f"{cid} 不在长期整改中；定期报送只用于长期整改件（先 anshang longterm）")
        if kind == "review":
            require("review" in (case.get("deadlines") or {}), f"{cid} 不须季度审核（一季一审只用于重大项目）")
        if kind in ("periodic", "review") and who == lead:
            before = [parse_date(e["date"]) for e in lifecycle.events(case) if e.get("kind") == kind
                      and (e.get("unit") or lead) == lead]
            require(not before or day >= max(before),
                    f"{cid} 已记录过 {max(before).isoformat() if before else ''} 的{DEADLINE_KINDS[kind]}：每期一报按时间顺序计，"
                    "请按报送先后记录（更早的一次漏记了，可用 anshang note 补注说明）")
        if item_kind(cid) == "project":
            require(kind in ("periodic", "review"), f"{cid} 是重大项目：只报送月度报送（定期报送）和季度审核，"
                                                    "用 anshang project report / project review 记录")
        require(kind in (case.get("deadlines") or {}) or kind in ("progress", "result", "periodic"),
                f"{cid} 不须报送“{DEADLINE_KINDS[kind]}”")
        ev = event(day, kind, by, unit=who, note=note, conclusion=conclusion if kind == "review" else None)
        same = [e for e in lifecycle.events(case) if e.get("kind") == kind and str(e.get("date")) == day.isoformat()
                and (e.get("unit") or lead) == who]  # a report without a unit is the lead's
        if same:  # the same report twice (a second run, a double click): recorded once
            named = (loader.load(ledger, {"units"}).units.get(who) or {}).get("name") or who
            return None, {"event": ev, "next": None, "lead": lead, "unit_name": named, "again": True}
        nxt = None
        if kind in ("periodic", "review") and who == lead:
            stored = lifecycle.stored_deadline(case, kind)
            # a task reports by its plan's rule (每季度), a project by its own (每月、每季度); a demand by the settings' (十日一报)
            rule = stored.rule if lifecycle.is_assigned_item(case) and stored else settings.policy.limits.periodic
            nxt = next_periodic(rule, stored, day, cal)

        def change(doc):
            append(doc, ev)
            if nxt:
                set_deadline(doc, kind, nxt)

        named = (loader.load(ledger, {"units"}).units.get(who) or {}).get("name") or who
        return change, {"event": ev, "next": nxt, "lead": out.get("lead_unit"), "unit_name": named, "again": False}

    return update_case(ledger, cid, decide)


def longterm(ledger, settings, cal, cid: str, day: dt.date, note: str | None, by: str) -> dict:
    """Switch to long-term rectification: a periodic report until a result is reported."""
    def decide(case):
        _handover(case)
        _not_closed(case)
        _on_or_after(day, case, "转长期整改")
        require(not lifecycle.is_longterm(case), f"{cid} 已在长期整改中")
        nxt = settings.policy.limits.periodic.record(cal, day)
        ev = event(day, "longterm", by, note=note)

        def change(doc):
            append(doc, ev)
            set_deadline(doc, "periodic", nxt)

        return change, nxt

    return update_case(ledger, cid, decide)


def extend(ledger, settings, cal, cid: str, kind: str, new_due: dt.date, reason: str, day: dt.date,
           by: str) -> dict:
    """Extend an open deadline; the request must come before the deadline passes."""
    from anshang.core import naming

    kind = naming.choice(kind, DEADLINE_KINDS, "--kind")
    co_reports = settings.policy.co_unit_reports

    def decide(case):
        _handover(case)
        _not_closed(case)
        require(bool(reason and reason.strip()), "延期须用 --reason 说明理由")
        open_ = lifecycle.duties(case, co_reports)
        require(kind in open_, f"{cid} 没有未完成的“{DEADLINE_KINDS[kind]}”期限，无需延期")
        ob = open_[kind]
        require(day <= ob.due, f"延期须在期限届满前申请：{DEADLINE_KINDS[kind]}已于 {ob.due.isoformat()} 到期"
                               f"（申请日期 {day.isoformat()}）")
        require(new_due > ob.due, f"新的截止日期 {new_due.isoformat()} 应晚于原截止日期 {ob.due.isoformat()}")
        record = extended(case["deadlines"][kind], new_due)
        if not cal.covers(new_due.year):  # a date a person typed, in a year not known yet
            record["provisional"] = True
        ev = event(day, "extension", by, unit=lifecycle.units_of(case)[0], due=new_due, of=kind, note=reason)

        def change(doc):
            append(doc, ev)
            set_deadline(doc, kind, record)

        return change, record

    return update_case(ledger, cid, decide)


def reassign(ledger, settings, cal, cid: str, lead: str, co: list[str] | None, reason: str,
             day: dt.date, by: str) -> dict:
    """A unit disputes its assignment: a new lead unit, and new co-units when given (otherwise the
    present ones stay); open deadlines restart from the day of the change."""
    lead = _unit_ids(ledger, [lead])[0]
    co = None if co is None else _unit_ids(ledger, co)

    def decide(case):
        _handover(case)
        _not_closed(case)
        require(bool(reason and reason.strip()), "调整承办单位须用 --reason 说明理由（如单位提出异议的内容）")
        old_lead, old_co = lifecycle.units_of(case)
        new_co = list(dict.fromkeys(u for u in (old_co if co is None else co) if u != lead))
        require(lead != old_lead or new_co != old_co, "承办单位没有变化")
        # the open duties restart from the change under their own stored rules (a complaint's 15
        # working days stay 15); a task's time limit is the plan's: it stays
        restart = {k: lifecycle.stored_deadline(case, k).rule.record(cal, day)
                   for k in lifecycle.duties(case, settings.policy.co_unit_reports)
                   if k in ("acknowledge", "progress", "result") and not lifecycle.is_assigned_item(case)}
        ev = event(day, "reassign", by, unit=old_lead, units=[lead, *new_co], was=[old_lead, *old_co], note=reason)

        def change(doc):
            append(doc, ev)
            if lifecycle.is_assigned_item(case):  # a task or topic: its own units
                doc["lead_unit"] = lead
                canonical.put(doc, "co_units", new_co, item_kind(case["id"]))
            else:
                doc["outcome"]["lead_unit"] = lead
                canonical.put(doc["outcome"], "co_units", new_co, "case", ("outcome",))
            for k, rec in restart.items():
                set_deadline(doc, k, rec)

        table = loader.load(ledger, {"units"}).units
        named = [(table.get(u) or {}).get("name") or u for u in [lead, *new_co]]
        return change, {"lead": lead, "co": new_co, "restart": restart, "names": named}

    return update_case(ledger, cid, decide)


def reply(ledger, cid: str, day: dt.date, note: str | None, by: str) -> dict:
    def decide(case):
        require(bool(case.get("outcome")), f"{cid} 尚无接待结果，不能答复")
        _not_closed(case)
        ev = event(day, "reply", by, note=note)
        return (lambda doc: append(doc, ev)), ev

    return update_case(ledger, cid, decide)


def revisit(ledger, settings, cal, cid: str, satisfaction: str, day: dt.date, note: str | None,
            by: str) -> dict:
    """Record the enterprise's satisfaction; 不满意 reopens the case with a fresh result deadline."""
    require(satisfaction in SATISFACTION, only(SATISFACTION, "--satisfaction"))

    def decide(case):
        require(bool(case.get("outcome")), f"{cid} 尚无接待结果，不能回访")
        replies = [parse_date(e["date"]) for e in lifecycle.after_last_reopening(case) if e.get("kind") == "reply"]
        require(not replies or day >= max(replies),
                f"回访日期 {day.isoformat()} 早于答复企业的日期 {max(replies or [day]).isoformat()}；请写实际回访的日期")
        evs = [event(day, "revisit", by, satisfaction=satisfaction, note=note)]
        new = None
        if satisfaction == UNSATISFIED:
            evs.append(event(day, "reopen", by, note="回访不满意，重新办理"))
            if lifecycle.is_handover(case):
                stored = lifecycle.stored_deadline(case, "result")
                new = (stored.rule if stored else settings.policy.limits.result).record(cal, day)

        def change(doc):
            for ev in evs:
                append(doc, ev)
            if new:
                set_deadline(doc, "result", new)

        return change, {"reopened": satisfaction == UNSATISFIED, "result": new}

    return update_case(ledger, cid, decide)


def close(ledger, settings, cid: str, day: dt.date, note: str | None, by: str, cancelled: bool = False) -> None:
    """Close an item once nothing is owed; ``cancelled``: a task or topic called off (撤销, e.g.
    dropped from the list), closed with the reason whatever it still owed."""
    def decide(case):
        _not_closed(case)
        if cancelled:
            require(lifecycle.is_assigned_item(case), f"{cid} 是企业诉求：诉求不能撤销，企业撤回的用 anshang withdraw")
            require(bool(note and note.strip()), "撤销须用 --note 写明原因（如“清单中已删去”）")
            ev = event(day, "close", by, note=f"撤销：{note.strip()}")
            return (lambda doc: append(doc, ev)), None
        require(item_kind(cid) != "project" or cancelled,
                f"{cid} 是重大项目：全面投产或终止时用 anshang project stage {cid} 全面投产|终止 结束跟踪")
        # what was recorded by the day of closing (a revisit dated later has not happened yet)
        blockers = lifecycle.close_blockers(lifecycle.as_of(case, day), settings.policy.co_unit_reports,
                                            settings.policy.revisit)
        if blockers:
            raise AnshangError(f"{cid} 不能办结：" + "；".join(blockers), exit_code=EXIT_PROBLEMS)
        ev = event(day, "close", by, note=note)
        return (lambda doc: append(doc, ev)), None

    update_case(ledger, cid, decide)


def set_key(ledger, cid: str, on: bool, day: dt.date, by: str) -> bool:
    """Mark a demand as a key problem (重点诉求) or take the mark off, with a note in its
    events; returns False when it was so already."""
    def decide(case):
        if bool(case.get("key")) == on:
            return None, False
        ev = event(day, "key", by, note=KEY_ON if on else KEY_OFF)

        def change(doc):
            if on:
                canonical.put(doc, "key", True, "case")
            else:
                canonical.remove(doc, "key")
            append(doc, ev)

        return change, True

    return update_case(ledger, cid, decide)


def withdraw(ledger, cid: str, reason: str, day: dt.date, by: str) -> None:
    """The enterprise withdraws its demand: kept in the ledger with the reason, owing nothing,
    taken out of matching (a withdrawn demand holds no place in its session; its session and
    matching stay on file, so that the ledger as it stood before the withdrawal is still there).
    A case already closed or withdrawn is refused."""
    require(bool(reason and reason.strip()), "撤回须用 --reason 说明原因（如企业来电说明问题已自行解决）")

    def decide(case):
        require(not lifecycle.is_withdrawn(case), f"{cid} 已撤回")
        require(not lifecycle.is_closed(case), f"{cid} 已办结，不能撤回")

        left = case.get("session") if not case.get("outcome") else None

        def change(doc):
            append(doc, event(day, "withdraw", by, note=reason.strip() + (f"（原安排在场次 {left}，已让出）" if left else "")))

        return change, None

    update_case(ledger, cid, decide)
