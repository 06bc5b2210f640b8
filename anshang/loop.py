"""The closed loop after reception (§四(三)–(五)): what each case owes and when, its status,
and the checks before each step. Pure: takes case data, a calendar and the policy."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from anshang.calendar import Calendar
from anshang.dates import parse_date
from anshang.errors import AnshangError

STATUS_CN = {
    "registered": "已登记", "excluded": "不予受理", "referred": "已转办", "accepted": "已受理待安排",
    "waiting": "待有场次", "scheduled": "已安排场次", "solved": "当场解决", "explained": "已解释说明",
    "handling": "办理中", "longterm": "长期整改", "overdue": "超期", "replied": "已答复",
    "closed": "已办结",
}


def _d(v) -> dt.date:
    return parse_date(v)


def events(case: dict) -> list[dict]:
    return [e for e in case.get("events") or [] if isinstance(e, dict)]


def after_last_reopening(case: dict) -> list[dict]:
    """Events after the latest reopen (a reopened case owes its result again)."""
    evs = events(case)
    last = max((i for i, e in enumerate(evs) if e.get("kind") == "reopen"), default=-1)
    return evs[last + 1:]


def is_closed(case: dict) -> bool:
    return any(e.get("kind") == "close" for e in after_last_reopening(case))


def is_longterm(case: dict) -> bool:
    evs = after_last_reopening(case)
    return any(e.get("kind") == "longterm" for e in evs) and not any(e.get("kind") == "result" for e in evs)


@dataclass
class Obligation:
    """One report a unit owes: which, to whom, counted from when, by which rule, due when."""

    id: str
    unit: str
    kind: str  # progress | result | periodic
    basis: dt.date
    rule: str
    due: dt.date
    provisional: bool
    met: dt.date | None = None

    def overdue_workdays(self, cal: Calendar, today: dt.date) -> int:
        """Working days past the due date (0 when not yet overdue)."""
        if self.met is not None or today <= self.due:
            return 0
        return max(cal.workdays_between(self.due, today), 0)

    def as_dict(self, cal: Calendar, today: dt.date) -> dict:
        return {"id": self.id, "unit": self.unit, "kind": self.kind, "basis": self.basis.isoformat(),
                "rule": self.rule, "due": self.due.isoformat(), "overdue_workdays": 0,
                "provisional": self.provisional}


def obligations(case: dict, include_closed: bool = False) -> list[Obligation]:
    """The reports a handed-over case owes, each with whether (and when) it was met.

    Progress is met by any progress report; the result by a result report since the latest
    reopen; while in long-term rectification the result waits and a periodic report is due.
    A closed case owes nothing (``include_closed`` lists its deadlines anyway, for the record).
    """
    out = case.get("outcome") or {}
    if out.get("kind") != "handover" or (is_closed(case) and not include_closed):
        return []
    dls = case.get("deadlines") or {}
    unit = out.get("lead_unit") or ""
    evs = after_last_reopening(case)
    all_evs = events(case)
    res = []

    def first(kind, pool, after):
        dates = sorted(_d(e["date"]) for e in pool if e.get("kind") == kind and _d(e["date"]) >= after)
        return dates[0] if dates else None

    for kind in ("progress", "result", "periodic"):
        dl = dls.get(kind)
        if not isinstance(dl, dict) or not dl.get("due"):
            continue
        basis = _d(dl.get("basis") or out.get("date"))
        ob = Obligation(case["id"], unit, kind, basis, str(dl.get("rule") or ""), _d(dl["due"]),
                        bool(dl.get("provisional")))
        if kind == "progress":
            ob.met = first("progress", all_evs, basis)
        elif kind == "result":
            if is_longterm(case):
                continue  # replaced by the ten-day reports until solved
            ob.met = first("result", evs, basis)
        else:
            if not is_longterm(case):
                continue
            ob.met = first("periodic", evs, basis + dt.timedelta(days=1))
        res.append(ob)
    return res


def open_obligations(case: dict) -> list[Obligation]:
    return [o for o in obligations(case) if o.met is None]


def status(case: dict, today: dt.date, obs: list | None = None) -> str:
    """The stage a case is in on ``today`` (see STATUS_CN); ``obs`` may pass its
    ``obligations`` when the caller has them already."""
    if is_closed(case):
        return "closed"
    out = case.get("outcome") or {}
    if out:
        if out.get("kind") == "handover":
            obs = obligations(case) if obs is None else obs
            if any(o.met is None and o.due < today for o in obs):
                return "overdue"
            if is_longterm(case):
                return "longterm"
            if any(e.get("kind") == "reply" for e in after_last_reopening(case)) and all(o.met is not None for o in obs):
                return "replied"
            return "handling"
        return out.get("kind")
    scr = (case.get("screening") or {}).get("decision")
    if scr in ("excluded", "referred"):
        return scr
    if scr == "accepted":
        if case.get("session"):
            return "scheduled"
        if (case.get("matching") or {}).get("status") == "waiting":
            return "waiting"
        return "accepted"
    return "registered"


def close_blockers(case: dict) -> list[str]:
    """Why a case may not be closed yet (empty when it may)."""
    out = case.get("outcome")
    if not out:
        return ["尚未接待或处理（没有接待结果），不能办结"]
    reasons = []
    if out.get("kind") == "handover":
        evs = after_last_reopening(case)
        if is_longterm(case):
            reasons.append("仍在长期整改中：须承办单位报送办理结果（问题已解决）后才能办结")
        elif not any(e.get("kind") == "result" for e in evs):
            reasons.append("承办单位尚未报送办理结果")
        if not any(e.get("kind") == "reply" for e in evs):
            reasons.append("尚未答复企业（anshang reply）")
    revisits = [e for e in after_last_reopening(case) if e.get("kind") == "revisit"]
    if revisits and revisits[-1].get("satisfaction") == "不满意":
        reasons.append("最近一次回访企业不满意，须重新办理")
    return reasons


def require(condition: bool, message: str) -> None:
    if not condition:
        raise AnshangError(message)
