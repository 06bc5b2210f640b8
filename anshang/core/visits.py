"""Leaders' visits to enterprises (走访联系, seed 001): how many each leader made in a span, how
many enterprises they saw, against the settings' yearly target. Pure."""

from __future__ import annotations

import datetime as dt

from anshang.core.dates import maybe_date


def visit_figures(visits: dict, leaders: dict, start: dt.date, end: dt.date, target: int = 0) -> dict:
    """Per leader (every leader in office, and any other who made a visit): visits and distinct
    enterprises between ``start`` and ``end``, the yearly target (0: none) and whether it is met."""
    out = {lid: {"visits": 0, "enterprises": 0} for lid, x in sorted(leaders.items()) if x.get("active", True)}
    seen: dict = {}
    for v in sorted(visits.values(), key=lambda v: (str(v.get("date")), str(v.get("id")))):
        day = maybe_date(v.get("date"))
        if day is None or not start <= day <= end:
            continue
        lid = str(v.get("leader") or "")
        row = out.setdefault(lid, {"visits": 0, "enterprises": 0})
        row["visits"] += 1
        seen.setdefault(lid, set()).add(v.get("enterprise"))
        row["enterprises"] = len(seen[lid])
    for row in out.values():
        row["target"] = target or None
        row["met"] = (row["visits"] >= target) if target else None
    return out


def of_enterprise(visits: dict, uscc: str) -> list[dict]:
    """One enterprise's visits, oldest first."""
    return sorted((v for v in visits.values() if v.get("enterprise") == uscc),
                  key=lambda v: (str(v.get("date")), str(v.get("id"))))
