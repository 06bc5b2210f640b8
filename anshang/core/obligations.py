"""The obligation engine: what is owed, by whom, under which rule, due when, and when it was met.

Every kind of tracked work (a demand's handover, the office's own duties in ``office``;
action-plan tasks, campaigns and projects next) states its duties as ``Deadline`` records and its reports as (date, unit)
pairs; ``parts`` turns them into one ``Obligation`` for the lead unit and one for each
co-unit, each tracked on its own. Listing what falls due, counting how late it is and the
figures built on that all work on Obligations, whatever the item is.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from anshang.core.calendar import Calendar
from anshang.core.deadlines import Deadline, Rule


@dataclass
class Obligation:
    """One unit's part of one duty on one item."""

    id: str  # the item (case id; a session id, a year … for the office's duties)
    kind: str  # progress | result | periodic; the office's: labels.OFFICE_DUTIES
    unit: str  # the unit that owes it (``office`` for the office itself)
    part: str  # lead | co
    deadline: Deadline
    met: dt.date | None = None
    about: str = ""  # what else it concerns (the session of a notification, the unit chased …)
    gap: int | None = None  # the uncovered year its date was guessed over without permission

    @property
    def due(self) -> dt.date:
        return self.deadline.due

    @property
    def basis(self) -> dt.date:
        return self.deadline.basis

    @property
    def provisional(self) -> bool:
        return self.deadline.provisional

    @property
    def rule(self) -> str:
        return self.deadline.text()

    def is_late(self, today: dt.date) -> bool:
        return self.met is None and self.due < today

    def on_time(self) -> bool:
        return self.met is not None and self.met <= self.due

    def as_dict(self, cal: Calendar, today: dt.date) -> dict:
        late, provisional = overdue(self, cal, today)
        out = {"id": self.id, "unit": self.unit, "part": self.part, "kind": self.kind,
               "basis": self.basis.isoformat(), "rule": self.rule, "due": self.due.isoformat(),
               "overdue_workdays": late, "due_provisional": self.provisional, "provisional": provisional}
        if self.about:
            out["about"] = self.about
        return out


def parts(item: str, kind: str, deadline: Deadline, lead: str, co: list[str], reports,
          co_reports: str = "lead", since: dt.date | None = None) -> list[Obligation]:
    """The lead unit's and each co-unit's part of one duty.

    ``reports`` are (date, unit) pairs of this kind; only those on or after ``since`` (the
    deadline's basis by default) count. A report names its unit; one without a unit, or from a
    unit that is no longer a co-unit (a lead before a reassignment), is the lead's report. A
    co-unit's part is met by its own report, and — when ``co_reports`` is ``lead`` — also by
    the lead's consolidated report."""
    start = deadline.basis if since is None else since
    co = [u for u in co if u and u != lead]
    firsts: dict = {}
    for day, unit in reports:
        if day < start:
            continue
        who = unit if unit in co else lead
        if who not in firsts or day < firsts[who]:
            firsts[who] = day
    lead_met = firsts.get(lead)
    out = [Obligation(item, kind, lead, "lead", deadline, lead_met)]
    for u in co:
        own = firsts.get(u)
        met = own
        if co_reports == "lead" and lead_met is not None:
            met = lead_met if own is None else min(own, lead_met)
        out.append(Obligation(item, kind, u, "co", deadline, met))
    return out


def _day(d: dt.date | None) -> int | None:
    return None if d is None else d.toordinal()


def packed(obs: list[Obligation]) -> tuple:
    """Obligations as plain values, for a read index kept on disk (the inverse of ``unpacked``)."""
    out = []
    for o in obs:
        d, r = o.deadline, o.deadline.rule
        out.append((o.kind, o.unit, o.part, r.kind, r.n, _day(r.on), d.basis.toordinal(), d.due.toordinal(),
                    d.provisional, _day(d.extended_from), _day(o.met), o.about, o.gap))
    return tuple(out)


def unpacked(item: str, values: tuple) -> list[Obligation]:
    """The obligations of item ``item`` that ``packed`` gave ``values`` for (equal to the originals)."""
    day = dt.date.fromordinal
    out = []
    shared: dict = {}  # the parts of one duty share its deadline, as ``parts`` made them
    for kind, unit, part, rkind, n, on, basis, due, provisional, ext, met, about, gap in values:
        key = (rkind, n, on, basis, due, provisional, ext)
        deadline = shared.get(key)
        if deadline is None:
            deadline = shared[key] = Deadline(Rule(rkind, n, None if on is None else day(on)), day(basis), day(due),
                                              provisional, None if ext is None else day(ext))
        out.append(Obligation(item, kind, unit, part, deadline, None if met is None else day(met), about, gap))
    return out


def overdue_workdays(ob: Obligation, cal: Calendar, today: dt.date) -> int:
    """Working days past the due date (0 when met or not yet due)."""
    return overdue(ob, cal, today)[0]


def overdue(ob: Obligation, cal: Calendar, today: dt.date) -> tuple[int, bool]:
    """(working days past the due date, whether that figure is provisional: the due date was
    computed on a guessed calendar, or the count crosses a year whose holidays are unknown).
    Counting over an unknown year stops (CalendarGap) unless provisional results are allowed."""
    if ob.met is not None or today <= ob.due:
        return 0, ob.provisional
    n, guessed = cal.counted(ob.due, today)
    return max(n, 0), guessed or ob.provisional


def late_by(met: dt.date, due: dt.date, cal: Calendar) -> int:
    """Working days a report came after its due date."""
    return max(cal.counted(due, met)[0], 0)


def horizon(cal: Calendar, today: dt.date, within: int) -> tuple[dt.date, bool]:
    """The last day of a warning window of ``within`` working days, and whether it is provisional
    (it reaches a year whose holidays are unknown; without provisional results that stops)."""
    if within <= 0:
        return today, False
    d = cal.add_workdays(today, within)
    return d.due, d.provisional


def falling_due(obligations, cal: Calendar, today: dt.date, within: int, unit: str | None = None):
    """Open obligations due within ``within`` working days of ``today`` or already overdue,
    by unit, due date and item; and whether the window was estimated."""
    until, guessed = horizon(cal, today, within)
    items = [o for o in obligations if o.met is None and o.due <= until and (unit is None or o.unit == unit)]
    items.sort(key=lambda o: (o.unit, o.due, o.id, o.kind, o.part))
    return items, guessed
