"""The ledger as it stood at the end of a day (``--date D``): every report and listing reads this.

What happened after D is left out: demands registered later do not exist yet; a screening, a
matching or a reception dated later has not happened (with what follows from it); events
dated later are dropped; a session after D was still planned; records after D were not made.
Deadlines that later events changed (an extension, a reassignment, a reopening, long-term
rectification and each periodic report) are replayed from the reception with their stored
rules, so that a deadline stands as it did on D; a reassignment after D gives the units back.

Pure: takes plain data and a calendar, returns plain data. The same ledger and day always
give the same snapshot.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from anshang.core.calendar import Calendar
from anshang.core.dates import parse_date
from anshang.core.deadlines import Rule, extended, read_deadline
from anshang.core.labels import KEY_OFF

# events that change a stored deadline or the units of a handover
CHANGING = ("reassign", "extension", "reopen", "longterm", "periodic")


def _day(value) -> dt.date | None:
    try:
        return parse_date(value) if value not in (None, "") else None
    except ValueError:
        return None


def _after(mapping, day: dt.date) -> bool:
    d = _day((mapping or {}).get("date"))
    return d is not None and d > day


def case_as_of(case: dict, day: dt.date, cal: Calendar) -> dict | None:
    """``case`` as it stood at the end of ``day`` (None: not registered yet). ``cal`` may guess
    unknown years: a replayed deadline is marked provisional as its stored one was."""
    registered = _day(case.get("registered"))
    if registered is not None and registered > day:
        return None
    evs = [e for e in case.get("events") or [] if isinstance(e, dict)]
    kept = [e for e in evs if not _after(e, day)]
    later = [e for e in evs if _after(e, day)]
    c = dict(case)
    if len(kept) != len(evs):
        if kept:
            c["events"] = kept
        else:
            c.pop("events", None)
    if _after(c.get("screening"), day):
        for key in ("screening", "matching", "session", "outcome", "deadlines", "key"):
            c.pop(key, None)
    if _after(c.get("matching"), day):
        c.pop("matching", None)
        if not c.get("outcome"):
            c.pop("session", None)
    if _after(c.get("outcome"), day):
        for key in ("outcome", "deadlines", "key"):
            c.pop(key, None)
    if c.get("outcome") and any(e.get("kind") in CHANGING for e in later):
        _replay(c, case, kept, later, cal)
    marks = [e for e in later if e.get("kind") == "key"]
    if marks:  # the key mark as it was before the first change after the day
        if marks[0].get("note") == KEY_OFF:
            c["key"] = True
        else:
            c.pop("key", None)
    return c


def _replay(c: dict, case: dict, kept: list, later: list, cal: Calendar) -> None:
    """Deadlines and units as they stood before the ``later`` events changed them."""
    out = dict(c["outcome"])
    moves = [e for e in later if e.get("kind") == "reassign" and e.get("was")]
    if moves:  # the first reassignment after the day names the units before it
        was = list(moves[0]["was"])
        out["lead_unit"], out["co_units"] = was[0], [u for u in was[1:] if u and u != was[0]]
    c["outcome"] = out
    stored = case.get("deadlines") or {}
    rules = {}
    for kind, record in stored.items():
        try:
            rules[kind] = read_deadline(record, out.get("date")).rule
        except ValueError:
            return  # a deadline the check reports: leave the stored ones
    start = _day(out.get("date"))
    if start is None or out.get("kind") != "handover":
        return
    dl: dict = {k: rules[k].record(cal, start) for k in ("progress", "result") if k in rules}
    met: set = set()
    lead = out.get("lead_unit")
    for e in sorted(kept, key=lambda e: _day(e.get("date")) or start):
        kind, when = e.get("kind"), _day(e.get("date"))
        if when is None:
            continue
        if kind in ("progress", "result"):
            met.add(kind)
        elif kind == "reassign":
            for k in ("progress", "result"):
                if k in rules and k not in met:
                    dl[k] = rules[k].record(cal, when)
            units = list(e.get("units") or [])
            lead = units[0] if units else lead
        elif kind == "extension" and _day(e.get("due")):
            k = e.get("of") or _extended_kind(stored)
            if k in dl:
                dl[k] = extended(dl[k], _day(e["due"]))
        elif kind == "reopen" and "result" in rules:
            dl["result"] = rules["result"].record(cal, when)
            met.discard("result")
        elif kind == "longterm":
            dl["periodic"] = _periodic(rules, cal, when)
        elif kind == "periodic" and (e.get("unit") in (None, lead)) and "periodic" in dl:
            dl["periodic"] = _periodic(rules, cal, when)
    c["deadlines"] = {k: v for k, v in dl.items() if v is not None}


def _periodic(rules: dict, cal: Calendar, when: dt.date):
    rule = rules.get("periodic")
    return rule.record(cal, when) if isinstance(rule, Rule) else None


def _extended_kind(stored: dict) -> str:
    """Which deadline an older extension event moved (events now say it in ``of``): the
    progress one when only it carries an extension, else the result (the usual case)."""
    prog, res = stored.get("progress") or {}, stored.get("result") or {}
    return "progress" if prog.get("extended_from") and not res.get("extended_from") else "result"


def session_as_of(session: dict, day: dt.date) -> dict:
    """A session on ``day``: not yet held before its date; its records made by then."""
    s = dict(session)
    held = _day(s.get("date"))
    if s.get("status") == "held" and held is not None and held > day:
        s["status"] = "planned"
    evs = s.get("events")
    if evs:
        kept = [e for e in evs if isinstance(e, dict) and not _after(e, day)]
        if len(kept) != len(evs):
            if kept:
                s["events"] = kept
            else:
                s.pop("events", None)
    return s


def world_as_of(world, day: dt.date, cal: Calendar):
    """The whole ledger as it stood at the end of ``day`` (the same kind of object back)."""
    loose = cal if cal.allow_provisional else Calendar(cal.years, allow_provisional=True, calendar_dir=cal.calendar_dir)
    cases = {}
    for cid, c in world.cases.items():
        snap = case_as_of(c, day, loose)
        if snap is not None:
            cases[cid] = snap
    sessions = {sid: session_as_of(s, day) for sid, s in world.sessions.items()}
    changes = {"cases": cases, "sessions": sessions}
    if hasattr(world, "records"):
        changes["records"] = [r for r in world.records if not _after(r, day)]
    return dataclasses.replace(world, **changes)
