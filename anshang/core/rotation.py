"""The year's reception days (§二(一)): leaders in rotation, sessions on working days, each
with its notice date and registration window counted back by the settings' rules. Pure."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from anshang.core.calendar import Calendar
from anshang.core.dates import parse_date
from anshang.core.deadlines import Limits, Rule


@dataclass
class Planned:
    id: str
    date: dt.date
    leader: str
    fields: list
    notice_date: dt.date
    registration_from: dt.date
    registration_to: dt.date
    provisional: bool

    def as_dict(self) -> dict:
        return {"date": self.date.isoformat(), "leader": self.leader, "fields": list(self.fields),
                "notice_date": self.notice_date.isoformat(),
                "registration_from": self.registration_from.isoformat(),
                "registration_to": self.registration_to.isoformat(), "provisional": self.provisional}

    def record(self, place: str | None) -> dict:
        rec = {"id": self.id, "date": self.date, "leader": self.leader, "fields": list(self.fields),
               "form": "symposium"}
        if place:
            rec["place"] = place
        rec.update({"notice_date": self.notice_date, "registration_from": self.registration_from,
                    "registration_to": self.registration_to, "status": "planned"})
        if self.provisional:
            rec["provisional"] = True
        return rec


def rotation(leaders: list[dict], after: str | None) -> list[dict]:
    """Active leaders in turn, the mayor first, starting after the leader who received last."""
    active = [x for x in leaders if x.get("active", True)]
    active.sort(key=lambda x: 0 if x.get("role") == "mayor" else 1)
    ids = [x["id"] for x in active]
    if after in ids:
        k = ids.index(after) + 1
        active = active[k:] + active[:k]
    return active


def plan_year(year: int, count: int, leaders: list[dict], last_leader: str | None, cal: Calendar,
              limits: Limits) -> list[Planned]:
    """``count`` sessions spread over the year, on working days (the third Thursday of evenly
    spaced months, moved to the next working day), leaders in turn."""
    order = rotation(leaders, last_leader)
    if not order:
        return []
    out = []
    for i in range(count):
        month = 1 + int((i + 0.5) * 12 / count)
        first = dt.date(year, month, 1)
        thursday = first + dt.timedelta(days=(3 - first.weekday()) % 7 + 14)
        day = cal.next_workday(thursday)
        leader = order[i % len(order)]
        notice = limits.notice.due(cal, day)
        close = limits.registration_close.due(cal, day)
        out.append(Planned(day.isoformat(), day, leader["id"], list(leader.get("fields") or []),
                           notice.due, notice.due, close.due, notice.provisional or close.provisional
                           or not cal.covers(year)))
    return out


def notice_problems(session: dict, cal: Calendar, notice: Rule) -> str | None:
    """'Notice later than the rule allows' for one session, or None (``notice`` counts back)."""
    date, given = parse_date(session["date"]), session.get("notice_date")
    if not given:
        return None
    latest = notice.due(cal, date).due
    if parse_date(given) > latest:
        return (f"通告发布日期 {parse_date(given).isoformat()} 晚于规定：须在接待日前 {notice.spoken()}"
                f"（不晚于 {latest.isoformat()}）发布")
    return None
