"""The numbers behind the weekly workbook and ``stats``: counts and rates for the whole ledger,
each unit (its part as lead or co-unit), each receiving leader, each field, and each session.
Pure: cases and obligations in, figures out.

Rates (DOMAIN §7): 办结率 = closed / handed over; 按时报送率 = reports on time / reports due;
满意率 = (满意 + 基本满意) / revisited.
"""

from __future__ import annotations

import bisect
import datetime as dt
from dataclasses import dataclass

from anshang.core import lifecycle
from anshang.core.dates import parse_date
from anshang.core.obligations import overdue, packed, unpacked


@dataclass
class Figures:
    """Counts and rates for a group of demands (overall, a unit, a leader, a field)."""

    registered: int = 0
    accepted: int = 0
    excluded: int = 0
    referred: int = 0
    handed_over: int = 0
    as_lead: int = 0
    as_co: int = 0
    reports_due: int = 0
    reports_on_time: int = 0
    progress_on_time: int = 0
    result_on_time: int = 0
    closed: int = 0
    overdue: int = 0
    revisits: int = 0
    satisfied: int = 0
    provisional: bool = False  # some figure rests on a date computed on a guessed calendar (暂定)

    @staticmethod
    def rate(a: int, b: int):
        return round(a / b, 4) if b else None

    def as_dict(self) -> dict:
        d = dict(self.__dict__)
        d["closure_rate"] = self.rate(self.closed, self.handed_over)
        d["on_time_rate"] = self.rate(self.reports_on_time, self.reports_due)
        d["satisfaction_rate"] = self.rate(self.satisfied, self.revisits)
        return d


def _count_parts(f: Figures, parts, today: dt.date) -> None:
    """Reports due (met, or past due) and on time among some obligations; overdue if any is late."""
    for ob in parts:
        f.provisional = f.provisional or ob.provisional
        if ob.kind == "periodic":
            continue
        if ob.met is not None or ob.due < today:
            f.reports_due += 1
            on_time = ob.on_time()
            f.reports_on_time += on_time
            if ob.kind == "progress":
                f.progress_on_time += on_time
            else:
                f.result_on_time += on_time


class _Facts:
    """What the figures need of one case, worked out once however many groups it counts in
    (overall, its leader, each of its fields, each of its units)."""

    __slots__ = ("decision", "handover", "all_obs", "open_obs", "closed", "revisited", "satisfied",
                 "registered", "lead", "co", "session", "received", "fields")

    def __init__(self, c: dict, co_reports: str):
        self.decision = (c.get("screening") or {}).get("decision")
        self.handover = lifecycle.is_handover(c)
        self.closed = lifecycle.is_closed(c)
        # a closed or withdrawn case owes nothing now; its duties are still counted for the record
        self.all_obs = lifecycle.obligations(c, co_reports, include_closed=True) if self.handover else []
        self.open_obs = [] if self.closed or lifecycle.is_withdrawn(c) else self.all_obs
        self.revisited = lifecycle.last_satisfaction(c) is not None
        self.satisfied = lifecycle.is_satisfied(c) if self.revisited else False
        self.registered = c.get("registered")
        self.lead, self.co = lifecycle.units_of(c) if self.handover else ("", [])
        self.session, self.received, self.fields = c.get("session"), bool(c.get("outcome")), c.get("fields") or []


def packed_facts(items: dict) -> tuple:
    """A case's ``_Facts`` as plain data, for a read index (``items``: the case under each co-unit rule)."""
    one = {mode: _Facts(c, mode) for mode, c in items.items()}
    f = next(iter(one.values()))
    return (f.decision, f.handover, f.closed, lifecycle.is_withdrawn(next(iter(items.values()))), f.revisited,
            f.satisfied, f.registered, f.lead, f.co, f.session, f.received, f.fields,
            {mode: packed(x.all_obs) for mode, x in one.items()})


def unpacked_facts(cid: str, value: tuple, co_reports: str) -> _Facts:
    """The ``_Facts`` that ``packed_facts`` gave ``value`` for."""
    f = _Facts.__new__(_Facts)  # (filled in from the index, not worked out)
    (f.decision, f.handover, f.closed, withdrawn, f.revisited, f.satisfied, f.registered, f.lead, f.co, f.session,
     f.received, f.fields, obs) = value
    f.all_obs = unpacked(cid, obs[co_reports])
    f.open_obs = [] if f.closed or withdrawn else f.all_obs
    return f


def _count_outcome(f: Figures, facts: _Facts) -> None:
    f.closed += facts.closed
    if facts.revisited:
        f.revisits += 1
        f.satisfied += facts.satisfied


def add_case(f: Figures, c: dict, today: dt.date, co_reports: str = "lead", facts: _Facts | None = None) -> None:
    """One case in a group's figures; its reports are the lead unit's parts (the case's own)."""
    facts = facts or _Facts(c, co_reports)
    f.registered += 1
    if facts.decision == "accepted":
        f.accepted += 1
    elif facts.decision == "excluded":
        f.excluded += 1
    elif facts.decision == "referred":
        f.referred += 1
    if facts.handover:
        f.handed_over += 1
        _count_parts(f, [o for o in facts.all_obs if o.part == "lead"], today)
        if any(o.is_late(today) for o in facts.open_obs):
            f.overdue += 1
    _count_outcome(f, facts)


def add_unit_part(f: Figures, c: dict, unit: str, part: str, today: dt.date, co_reports: str = "lead",
                  facts: _Facts | None = None) -> None:
    """One handed-over case in a unit's figures: as lead or co-unit, counted on its own part."""
    facts = facts or _Facts(c, co_reports)
    f.registered += 1
    f.accepted += 1
    f.handed_over += 1
    if part == "lead":
        f.as_lead += 1
    else:
        f.as_co += 1
    _count_parts(f, [o for o in facts.all_obs if o.unit == unit], today)
    if any(o.is_late(today) for o in facts.open_obs if o.unit == unit):
        f.overdue += 1
    _count_outcome(f, facts)


def statistics(w, today: dt.date, year: int | None = None, only_units: bool = False,
               co_reports: str = "lead", facts=None) -> dict:
    """Overall, by unit (lead and co-units each on their own part), by receiving leader and by
    field (``only_units``: just units). ``facts``: the cases' ``_Facts`` when the caller has them
    (the read index); else they are worked out from ``w.cases``."""
    overall = Figures()
    by_unit: dict[str, Figures] = {}
    by_leader: dict[str, Figures] = {}
    by_field: dict[str, Figures] = {}
    for f in (_Facts(c, co_reports) for c in w.cases.values()) if facts is None else facts:
        if year and parse_date(f.registered).year != year:
            continue
        if f.handover:
            for unit, part in [(f.lead, "lead")] + [(u, "co") for u in f.co]:
                if unit:
                    add_unit_part(by_unit.setdefault(unit, Figures()), None, unit, part, today, co_reports, f)
        if only_units:
            continue
        add_case(overall, None, today, co_reports, f)
        leader = (w.sessions.get(f.session) or {}).get("leader")
        if leader and f.received:
            add_case(by_leader.setdefault(leader, Figures()), None, today, co_reports, f)
        for fld in f.fields:
            add_case(by_field.setdefault(fld, Figures()), None, today, co_reports, f)
    return {"overall": overall.as_dict(),
            "by_unit": {k: by_unit[k].as_dict() for k in sorted(by_unit)},
            "by_leader": {k: by_leader[k].as_dict() for k in sorted(by_leader)},
            "by_field": {k: by_field[k].as_dict() for k in sorted(by_field)}}


def session_figures(w) -> list[dict]:
    """Per session: registered in its window, scheduled, received, handed over, closed."""
    by_session: dict[str, list] = {}
    reg_days = sorted(str(c["registered"]) for c in w.cases.values()
                      if c.get("channel", "reception_day") == "reception_day")
    for c in w.cases.values():
        if c.get("session") and not (lifecycle.is_withdrawn(c) and not c.get("outcome")):  # withdrawn: no place held
            by_session.setdefault(c["session"], []).append(c)
    out = []
    for sid in sorted(w.sessions):
        s = w.sessions[sid]
        lo, hi = s.get("registration_from"), s.get("registration_to")
        registered = (bisect.bisect_right(reg_days, str(hi)) - bisect.bisect_left(reg_days, str(lo))) \
            if lo and hi else 0
        mine = by_session.get(sid, [])
        out.append({"id": sid, "registered": registered, "scheduled": len(mine),
                    "received": sum(1 for c in mine if c.get("outcome")),
                    "handed_over": sum(1 for c in mine if lifecycle.is_handover(c)),
                    "closed": sum(1 for c in mine if lifecycle.is_closed(c))})
    return out


def worst_overdue(open_obs, cal, today: dt.date) -> tuple[int, bool]:
    """The most working days any of these open obligations is overdue by, and whether that
    figure is provisional."""
    found = [overdue(o, cal, today) for o in open_obs if o.met is None and o.due < today]
    worst = max(found, default=(0, False))
    return worst[0], any(p for _, p in found)
