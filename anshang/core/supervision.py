"""Graded supervision (督办分级) of any tracked item: 预警 (a report falls due within the warning
window), 催办 (overdue), 督办 (overdue more than ``supervise_after_workdays`` working days) and
挂牌督办 (set by a person, with a reason and a leader's name). The thresholds are the settings'
``warning_workdays`` and ``supervise_after_workdays``. Pure: obligations and items in, levels out.

A level is recorded on the item once for one lateness: a ``chase`` (预警, 催办) or ``supervise``
(督办, 挂牌督办) event naming the level, the unit, the report (``of``) and its due date (``owed``).
A later deadline (an extension, the next periodic report) is a new lateness and climbs the
ladder again from the start.
"""

from __future__ import annotations

import datetime as dt

from anshang.core.dates import maybe_date
from anshang.core.labels import LEVELS
from anshang.core.obligations import horizon, overdue

ORDER = list(LEVELS)  # warning < chase < supervise < named
EVENT_OF = {"warning": "chase", "chase": "chase", "supervise": "supervise", "named": "supervise"}


def rank(level: str) -> int:
    return ORDER.index(level) + 1 if level in ORDER else 0


def level(ob, cal, today: dt.date, policy, warn: bool = True) -> str:
    """The ladder's level of one open part ('' when it is neither due soon nor late; without
    ``warn`` the warning window is not looked at). The window is a reminder, not a deadline: it
    may reach into a year whose holidays are not known yet (counted on weekends only)."""
    if ob.met is not None:
        return ""
    if ob.due < today:
        late, _ = overdue(ob, cal, today)
        return "supervise" if late > policy.supervise_after_workdays else "chase"
    if not warn:
        return ""
    until, _ = horizon(cal.lenient(), today, policy.warning_workdays)
    return "warning" if ob.due <= until else ""


def named(item: dict) -> dict | None:
    """The item's 挂牌督办 event, while it stands (it is lifted by closing the item)."""
    from anshang.core import lifecycle

    marks = [e for e in lifecycle.after_last_reopening(item) if e.get("kind") == "supervise" and e.get("level") == "named"]
    return marks[-1] if marks and not lifecycle.is_closed(item) else None


def item_level(item: dict, open_obs, cal, today: dt.date, policy) -> str:
    """The highest level of an item: 挂牌督办 when set, else the worst of its open parts."""
    if named(item):
        return "named"
    return max((level(o, cal, today, policy) for o in open_obs), key=rank, default="")


def recorded(item: dict, ob) -> set:
    """The levels already recorded for this part's present lateness (same unit, report and due
    date). Older events that name no level count as 催办 (a chase) or 督办 (a supervision)
    when dated after the due date."""
    from anshang.core import lifecycle

    found = set()
    for e in lifecycle.events(item):
        if e.get("kind") not in ("chase", "supervise") or e.get("unit") not in (None, ob.unit):
            continue
        lv = e.get("level") or ("chase" if e.get("kind") == "chase" else "supervise")
        owed = maybe_date(e.get("owed"))
        if owed is not None:
            if owed == ob.due and (e.get("of") in (None, ob.kind)):
                found.add(lv)
        else:
            when = maybe_date(e.get("date"))
            if when is not None and when > ob.due and lv != "named":
                found.add(lv)
    return found


def owed_levels(item: dict, ob, cal, today: dt.date, policy, history: dict | None = None,
                warn: bool = True) -> list[str]:
    """The levels to record now for one part: its level on the ladder, unless that level (or a
    higher one) is recorded for this lateness already — in ``history`` (the item with all its
    events, when ``item`` is a view as of an earlier day: a back-dated run records nothing twice).
    A part that went straight to 督办 gets its 催办 too (a supervision follows a chase)."""
    lv = level(ob, cal, today, policy, warn)
    if not lv:
        return []
    have = recorded(history if history is not None else item, ob)
    if any(rank(h) >= rank(lv) for h in have):
        return []
    out = [lv]
    if lv == "supervise" and "chase" not in have:
        out.insert(0, "chase")
    return out
