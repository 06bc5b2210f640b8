"""``anshang calendar recalc``: once a year's holiday arrangement is in the calendar (a supplement
file, or a newer chinese-calendar release), every date that was computed on the weekends-only
guess is computed again from its basis and rule, each changed file is written under the lock
with an event that says what moved, and ``provisional`` is cleared. A date a person typed (an
extension) is never moved: it is checked, and reported if it falls on a rest day."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from anshang.core import lifecycle
from anshang.core.calendar import CalendarGap
from anshang.core.dates import parse_date
from anshang.core.deadlines import read_deadline
from anshang.core.labels import DEADLINE_KINDS
from anshang.steps.cases import append, doc_kind, event
from anshang.store import canonical, loader
from anshang.store.folder import Ledger


@dataclass
class Change:
    rel: str
    what: str
    before: dt.date
    after: dt.date
    note: str = ""


@dataclass
class Recalc:
    changes: list = field(default_factory=list)  # Change, one per recomputed or checked date
    pending: int = 0  # dates still provisional: their year is still unknown
    files: int = 0  # files written


def recalc(ledger: Ledger, settings, today: dt.date, by: str, write: bool) -> Recalc:
    cal = loader.calendar(ledger, provisional=False)
    result = Recalc()
    with ledger.lock():
        world = loader.load(ledger, {"case", "session", "task", "topic", "project"})
        items = {**world.cases, **world.tasks, **world.topics, **world.projects}  # every tracked item's deadlines
        for cid in sorted(items):
            case = items[cid]
            first = len(result.changes)
            updates = _case_updates(case, cal, result)
            if updates and write:
                _write_case(ledger, cid, updates, result.changes[first:], today, by)
                result.files += 1
        limits = settings.policy.limits
        for sid in sorted(world.sessions):
            s = world.sessions[sid]
            if not s.get("provisional"):
                continue
            updates = _session_updates(ledger, s, cal, limits, result)
            if updates is not None and write:
                def change(doc, updates=updates):
                    for key, value in updates.items():
                        canonical.put(doc, key, value, "session")

                ledger.edit(Ledger.session_rel(sid), change)
                result.files += 1
    return result


def _case_updates(case: dict, cal, result: Recalc) -> dict:
    """{kind: new deadline record} for a case's provisional deadlines that can now be computed."""
    rel = Ledger.item_rel(case["id"])
    updates = {}
    for kind, record in (case.get("deadlines") or {}).items():
        if not isinstance(record, dict) or not record.get("provisional"):
            continue
        d = read_deadline(record, lifecycle.assignment(case).get("date"))
        what = DEADLINE_KINDS.get(kind, kind)
        if d.extended_from is not None:  # a date a person chose: checked, never moved
            if not cal.covers(d.due.year):
                result.pending += 1
                continue
            rest = "" if cal.is_workday(d.due) else "；该日是休息日，请与承办单位核对"
            result.changes.append(Change(rel, what, d.due, d.due, "延期时指定的日期，不改动" + rest))
        else:
            try:
                new = d.rule.due(cal, d.basis)
            except CalendarGap:
                result.pending += 1
                continue
            result.changes.append(Change(rel, what, d.due, new.due))
        updates[kind] = {**{k: v for k, v in record.items() if not str(k).startswith("__")},
                         "due": result.changes[-1].after, "basis": d.basis, "provisional": False}
        if d.extended_from is not None:
            updates[kind]["extended_from"] = d.extended_from
    return updates


def _write_case(ledger: Ledger, cid: str, updates: dict, changes: list, today: dt.date, by: str) -> None:
    moved = "；".join(f"{c.what} {c.before.isoformat()} → {c.after.isoformat()}" for c in changes
                     if c.before != c.after)

    def change(doc):
        for kind, record in updates.items():
            canonical.put(doc["deadlines"], kind, record, doc_kind(doc), ("deadlines",))
        if moved:  # a date that stays only loses its 暂定 mark
            append(doc, event(today, "note", by, note=f"节假日安排已加入，按其重新计算期限：{moved}"))

    ledger.edit(Ledger.item_rel(cid), change)


def _session_updates(ledger, s: dict, cal, limits, result: Recalc) -> dict | None:
    """New notice date and registration window of a provisionally planned session."""
    rel = Ledger.session_rel(s["id"])
    day = parse_date(s["date"])
    try:
        notice = limits.notice.due(cal, day).due
        close = limits.registration_close.due(cal, day).due
        workday = cal.is_workday(day)
    except CalendarGap:
        result.pending += 1
        return None
    updates: dict = {"provisional": False}
    for key, new in (("notice_date", notice), ("registration_from", notice), ("registration_to", close)):
        if s.get(key):
            old = parse_date(s[key])
            result.changes.append(Change(rel, key, old, new))
            updates[key] = new
    result.changes.append(Change(rel, "date", day, day, "接待日期，不改动" + ("" if workday else "；该日是休息日，请另定日期")))
    return updates
