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
from anshang.core.dates import maybe_date
from anshang.core.deadlines import Rule, extended, read_deadline
from anshang.core.labels import KEY_OFF

# events that change a stored deadline or the units of a handover
CHANGING = ("reassign", "extension", "reopen", "longterm", "periodic", "review")



def settled_on(item: dict) -> str | None:
    """The last day anything in a tracked item happened (ISO text): every date ``case_as_of``
    compares with its day (registration or assignment, screening, matching, reception, policy
    outcome, each event's date and a release's matching date). On that day or later the item
    stands as it is, so ``world_as_of`` can take it without replaying (the read cache keeps this
    date per file). None when the item holds no date at all."""
    found = item_days(item)
    return max(found).isoformat() if found else None


def item_days(item: dict) -> list[dt.date]:
    """Every date ``case_as_of`` compares with its day: between two of them (and after the last)
    the item stands the same."""
    days = [item.get("registered") or item.get("assigned") or item.get("opened")]
    for key in ("screening", "matching", "outcome", "policy_outcome"):
        part = item.get(key)
        if isinstance(part, dict):
            days.append(part.get("date"))
    for e in item.get("events") or ():
        if isinstance(e, dict):
            days.append(e.get("date"))
            if e.get("kind") == "release":
                days.append(e.get("matched"))
    return [d for d in map(maybe_date, days) if d is not None]


def _after(mapping, day: dt.date) -> bool:
    d = maybe_date((mapping or {}).get("date"))
    return d is not None and d > day


def case_as_of(case: dict, day: dt.date, cal: Calendar, co_reports: str = "lead") -> dict | None:
    """``case`` as it stood at the end of ``day`` (None: not registered yet). ``cal`` may guess
    unknown years: a replayed deadline is marked provisional as its stored one was."""
    from anshang.core.lifecycle import is_assigned_item

    registered = maybe_date(case.get("registered") or case.get("assigned") or case.get("opened"))
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
    moved = [e for e in later if e.get("kind") == "release"]
    if moved and not c.get("outcome") and not _after({"date": moved[0].get("matched")}, day):
        # moved out of its session after the day: the arrangement it had then
        e = moved[0]
        c.pop("session", None)
        c.pop("matching", None)
        if e.get("session"):
            c["session"] = e["session"]
        if e.get("status"):
            c["matching"] = {"status": e["status"], **({"date": e["matched"]} if e.get("matched") else {})}
    if _after(c.get("policy_outcome"), day):
        c.pop("policy_outcome", None)
    if any(e.get("kind") == "stage" for e in later):  # a major project: the stage it was in then
        stages = [e.get("stage") for e in kept if e.get("kind") == "stage" and e.get("stage")]
        if stages:
            c["stage"] = stages[-1]
    if (c.get("outcome") or is_assigned_item(c)) and any(e.get("kind") in CHANGING for e in later):
        _replay(c, case, kept, later, cal, co_reports)
    marks = [e for e in later if e.get("kind") == "key"]
    if marks:  # the key mark as it was before the first change after the day
        if marks[0].get("note") == KEY_OFF:
            c["key"] = True
        else:
            c.pop("key", None)
    return c


def _replay(c: dict, case: dict, kept: list, later: list, cal: Calendar, co_reports: str = "lead") -> None:
    """Deadlines and units as they stood before the ``later`` events changed them: replayed from
    the reception the way the commands change them (a reassignment restarts the duties still
    open then; an extension moves one deadline; a reopening restarts the result; long-term
    rectification and each periodic report of the lead unit set the next periodic report)."""
    from anshang.core import lifecycle

    out = dict(lifecycle.assignment(c))
    moves = [e for e in [*kept, *later] if e.get("kind") == "reassign" and e.get("was")]
    if moves:  # the units at the reception: those the first reassignment changed
        was = list(moves[0]["was"])
        out["lead_unit"], out["co_units"] = was[0], [u for u in was[1:] if u and u != was[0]]
    stored = case.get("deadlines") or {}
    rules = {}
    for kind, record in stored.items():
        try:
            rules[kind] = read_deadline(record, out.get("date")).rule
        except ValueError:
            return  # a deadline the check reports: leave the stored ones
    start = maybe_date(out.get("date"))
    if start is None or out.get("kind") != "handover":
        return
    dl: dict = {k: rules[k].record(cal, start) for k in ("acknowledge", "progress", "result") if k in rules}
    if c.get("ongoing"):  # a task 长期坚持 (or a major project) reports from the start
        from anshang.core.ids import item_kind
        from anshang.core.projects import first_basis

        project = item_kind(str(c.get("id", ""))) == "project"
        for k in ("periodic", "review"):
            if k in rules:
                dl[k] = rules[k].record(cal, first_basis(k, start, rules[k]) if project else start)
    seen: list = []
    for e in sorted(kept, key=lambda e: maybe_date(e.get("date")) or start):
        kind, when = e.get("kind"), maybe_date(e.get("date"))
        if when is None:
            continue
        if kind == "reassign":
            so_far = {**c, "deadlines": dict(dl), "events": list(seen)}
            if lifecycle.is_assigned_item(c):
                so_far.update(lead_unit=out.get("lead_unit"), co_units=out.get("co_units") or [])
            else:
                so_far["outcome"] = dict(out)
            for k in lifecycle.duties(so_far, co_reports):
                if k in ("acknowledge", "progress", "result") and k in rules and not lifecycle.is_assigned_item(c):
                    dl[k] = rules[k].record(cal, when)
            units = list(e.get("units") or [])
            if units:
                out["lead_unit"], out["co_units"] = units[0], [u for u in units[1:] if u != units[0]]
        elif kind == "extension" and maybe_date(e.get("due")):
            k = e.get("of") or _extended_kind(stored)
            if k in dl:
                dl[k] = extended(dl[k], maybe_date(e["due"]))
        elif kind == "reopen" and "result" in rules:
            dl["result"] = rules["result"].record(cal, when)
        elif kind == "longterm":
            dl["periodic"] = _periodic(rules, cal, when)
        elif kind in ("periodic", "review") and e.get("unit") in (None, out.get("lead_unit")) and dl.get(kind) \
                and isinstance(rules.get(kind), Rule):
            rule, now = rules[kind], dl[kind]
            if rule.kind in ("monthly", "quarterly"):  # as ``report`` does: one report for each period
                if when > maybe_date(now["basis"]):
                    dl[kind] = rule.record(cal, maybe_date(now["due"]))
            else:
                dl[kind] = rule.record(cal, when)
        seen.append(e)
    if lifecycle.is_assigned_item(c):
        c["lead_unit"], c["co_units"] = out.get("lead_unit"), list(out.get("co_units") or [])
    else:
        c["outcome"] = out
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
    """A session on ``day``: not yet held before its date, not yet cancelled before its
    cancellation; its records made by then."""
    s = dict(session)
    held = maybe_date(s.get("date"))
    if s.get("status") == "held" and held is not None and held > day:
        s["status"] = "planned"
    cancels = [e for e in s.get("events") or [] if isinstance(e, dict) and e.get("kind") == "cancel"]
    if s.get("status") == "cancelled" and cancels and all(_after(e, day) for e in cancels):
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


def campaign_as_of(campaign: dict, day: dt.date) -> dict:
    """A campaign on ``day``: the open days held by then."""
    held = campaign.get("open_days")
    if not held:
        return campaign
    return {**campaign, "open_days": [o for o in held if isinstance(o, dict) and not _after(o, day)]}


def world_as_of(world, day: dt.date, cal: Calendar, co_reports: str = "lead"):
    """The whole ledger as it stood at the end of ``day`` (the same kind of object back).

    ``world.settled`` may give, per table and id, the item's ``settled_on`` day: an item settled
    by ``day`` is taken as it is (a copy, as ``case_as_of`` would give) instead of replayed."""
    loose = cal.lenient()
    iso = day.isoformat()
    known = getattr(world, "settled", None) or {}
    sessions = {sid: session_as_of(s, day) for sid, s in world.sessions.items()}
    changes: dict = {"sessions": sessions}
    for name in ("cases", "tasks", "topics", "projects"):
        table = {}
        settled = known.get(name) or {}
        for iid, item in (getattr(world, name, None) or {}).items():
            last = settled.get(iid)
            if last is not None and last <= iso:
                table[iid] = dict(item)
                continue
            snap = case_as_of(item, day, loose, co_reports)
            if snap is not None:
                table[iid] = snap
        changes[name] = table
    if hasattr(world, "records"):
        changes["records"] = [r for r in world.records if not _after(r, day)]
    if hasattr(world, "visits"):
        changes["visits"] = {k: v for k, v in world.visits.items() if not _after(v, day)}
    if hasattr(world, "evaluations"):
        changes["evaluations"] = {k: v for k, v in world.evaluations.items() if not _after(v, day)}
    if hasattr(world, "campaigns"):
        changes["campaigns"] = {k: campaign_as_of(v, day) for k, v in world.campaigns.items()}
    return dataclasses.replace(world, **changes)
