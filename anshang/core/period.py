"""A period's work in numbers (``anshang summary``, ``stats --from/--to``): what happened between
two days, read from the ledger as it stood at the end of the period (core.snapshot).

Definitions (README: 报告期的指标; the Word report prints them too):

- 登记, 受理, 不予受理, 转办: demands registered in the period, and of these the screening
  decisions made by its end (不予受理 by clause);
- 接待场次: sessions dated in the period and held; 接待: outcomes recorded in the period
  (当场解决, 交办, 解释说明);
- 交办 (a unit): handovers in the period where it is the lead unit (配合 counted apart);
- 应报送 / 按时: a unit's parts of progress and result reports whose due date falls in the
  period, and of these those reported on or before the due date;
- 办结: cases closed in the period; 办结率 = of the demands handed over in the period, those
  closed by its end;
- 按时报送率 = 按时 / 应报送; 满意率 = (满意 + 基本满意) / demands revisited in the period
  (the last revisit in the period counts);
- 期末超期: demands with a report overdue at the end of the period; 催办, 督办: chases and
  supervisions in the period;
- 结案率 (a channel; for 投诉中心 the 投诉结案率): of the demands registered in the period, those
  finished by its end (办结, 当场解决, 解释说明, 不予受理 or 转办).

Pure: plain data in, plain data out.
"""

from __future__ import annotations

import calendar as _pycal
import datetime as dt
import re
from dataclasses import dataclass

from anshang.core import lifecycle
from anshang.core.dates import maybe_date, parse_date
from anshang.core.evaluations import composite, unit_scores
from anshang.core.problems import AnshangError
from anshang.core.visits import visit_figures

CHANNEL_ORDER = ("reception_day", "hotline", "open_day", "complaint_centre", "leader_visit", "service_month", "other")


@dataclass(frozen=True)
class Period:
    start: dt.date
    end: dt.date
    label: str  # 2026年11月, 2026年第四季度, 2026年, 2026年11月1日至11月30日 …
    kind: str = "range"  # month | quarter | year | session | range
    session: str = ""

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def previous(self) -> "Period":
        """The period of the same length just before (the previous month, quarter or year)."""
        if self.kind == "month":
            prev = self.start - dt.timedelta(days=1)
            return month(prev.year, prev.month)
        if self.kind == "quarter":
            prev = self.start - dt.timedelta(days=1)
            return quarter(prev.year, (prev.month - 1) // 3 + 1)
        if self.kind == "year":
            return year(self.start.year - 1)
        end = self.start - dt.timedelta(days=1)
        start = end - dt.timedelta(days=self.days - 1)
        return span(start, end)

    def __contains__(self, day) -> bool:
        return day is not None and self.start <= day <= self.end


def month(y: int, m: int) -> Period:
    return Period(dt.date(y, m, 1), dt.date(y, m, _pycal.monthrange(y, m)[1]), f"{y}年{m}月", "month")


def quarter(y: int, q: int) -> Period:
    first = 3 * (q - 1) + 1
    return Period(dt.date(y, first, 1), dt.date(y, first + 2, _pycal.monthrange(y, first + 2)[1]),
                  f"{y}年第{'一二三四'[q - 1]}季度", "quarter")


def year(y: int) -> Period:
    return Period(dt.date(y, 1, 1), dt.date(y, 12, 31), f"{y}年", "year")


def span(start: dt.date, end: dt.date) -> Period:
    if end < start:
        raise AnshangError(f"--to {end.isoformat()} 早于 --from {start.isoformat()}")
    return Period(start, end, f"{start.year}年{start.month}月{start.day}日至{end.year}年{end.month}月{end.day}日")


def parse_month(text: str) -> Period:
    m = re.fullmatch(r"\s*(20\d\d)\s*[-年./]\s*(\d{1,2})\s*月?\s*", text or "")
    if not m or not 1 <= int(m.group(2)) <= 12:
        raise AnshangError(f"--month {text!r} 的写法不对，应为 2026-11 或 2026年11月")
    return month(int(m.group(1)), int(m.group(2)))


def parse_quarter(text: str) -> Period:
    m = re.fullmatch(r"\s*(20\d\d)\s*(?:[Qq]|年第?)\s*([1-4一二三四])\s*(?:季度)?\s*", text or "")
    if not m:
        raise AnshangError(f"--quarter {text!r} 的写法不对，应为 2026Q4 或 2026年第四季度")
    q = m.group(2)
    return quarter(int(m.group(1)), int(q) if q.isdigit() else "一二三四".index(q) + 1)


def session_period(session: dict) -> Period:
    """A session's period: from its registration opening (or notice) to its day."""
    day = parse_date(session["date"])
    start = parse_date(session.get("registration_from") or session.get("notice_date") or day)
    return Period(min(start, day), day, f"接待日 {day.year}年{day.month}月{day.day}日", "session", session["id"])


# --- the figures ----------------------------------------------------------------------------------


def _rate(a: int, b: int):
    return round(a / b, 4) if b else None


def _finished_by(c: dict, end: dt.date) -> bool:
    done = lifecycle.finished_on(c)
    return done is not None and done <= end


def _in_scope(c: dict, p: Period) -> bool:
    return not p.session or c.get("session") == p.session


def figures(world, p: Period, today_end: dt.date | None = None, co_reports: str = "lead",
            thresholds: dict | None = None, visit_target: int = 0, weights: dict | None = None) -> dict:
    """The period's figures from ``world`` as it stood at the end of the period (pass the
    snapshot). ``thresholds``: {on_time_rate, closure_rate, satisfaction_rate} below which a
    unit is named."""
    end = today_end or p.end
    cases = [c for c in world.cases.values() if _in_scope(c, p)]
    registered = [c for c in cases if maybe_date(c.get("registered")) in p]
    work = {"registered": len(registered), "by_channel": {}, "accepted": 0, "excluded": 0, "referred": 0,
            "excluded_by_clause": {}, "sessions_held": 0, "received": 0, "solved": 0, "handed_over": 0,
            "explained": 0, "closed": 0, "open": 0, "overdue": 0, "longterm": 0, "longterm_overdue": 0, "withdrawn": 0,
            "screening": 0, "received_sessions": 0, "revisits": 0, "satisfied": 0}
    for c in registered:
        ch = c.get("channel", "reception_day")
        work["by_channel"][ch] = work["by_channel"].get(ch, 0) + 1
        scr = c.get("screening") or {}
        if scr.get("decision") in ("accepted", "excluded", "referred"):
            work[scr["decision"]] += 1
            if scr["decision"] == "excluded":
                for clause in scr.get("clauses") or ["（未注明）"]:
                    work["excluded_by_clause"][clause] = work["excluded_by_clause"].get(clause, 0) + 1
    for c in cases:
        out = c.get("outcome") or {}
        if maybe_date(out.get("date")) in p:
            work["received"] += 1
            work[{"solved": "solved", "handover": "handed_over", "explained": "explained"}[out["kind"]]] += 1
        if lifecycle.is_closed(c) and lifecycle.closed_on(c) in p:
            work["closed"] += 1
        if lifecycle.is_withdrawn(c) and lifecycle.withdrawn_on(c) in p:
            work["withdrawn"] += 1
        visits = [e for e in lifecycle.events(c) if e.get("kind") == "revisit" and maybe_date(e.get("date")) in p]
        if visits:  # every demand revisited in the period, handed over or not (the last revisit counts)
            work["revisits"] += 1
            work["satisfied"] += visits[-1].get("satisfaction") in ("满意", "基本满意")
        if lifecycle.finished_on(c) is None and maybe_date(c.get("registered")) and maybe_date(c["registered"]) <= end:
            work["open"] += 1
            if lifecycle.is_handover(c) and any(o.is_late(end) for o in lifecycle.obligations(c, co_reports)):
                work["overdue"] += 1
            if lifecycle.is_longterm(c):
                work["longterm"] += 1
                work["longterm_overdue"] += any(o.is_late(end) for o in lifecycle.obligations(c, co_reports))
    held = [s for s in world.sessions.values() if maybe_date(s.get("date")) in p and s.get("status") == "held"
            and (not p.session or s["id"] == p.session)]
    work["sessions_held"] = len(held)
    work["sessions"] = [_session_row(s, cases, p) for s in sorted(held, key=lambda s: (str(s["date"]), s["id"]))]
    work["received_sessions"] = sum(s["received"] for s in work["sessions"])  # the rest came by other channels
    work["screening"] = work["registered"] - work["accepted"] - work["excluded"] - work["referred"]  # not decided yet
    return {"period": {"label": p.label, "from": p.start.isoformat(), "to": p.end.isoformat(), "kind": p.kind,
                       "session": p.session},
            "work": work,
            "by_unit": _units(cases, p, end, co_reports, thresholds or {},
                              unit_scores(getattr(world, "evaluations", {}) or {}, p.start, min(end, p.end)), weights),
            "by_leader": _leaders(cases, world.sessions, p, list(getattr(world, "leaders", {}) or {})),
            "by_field": _fields(cases, p, end),
            "by_channel": _channels(cases, p, end),
            "by_month": _months(cases, p, end),
            "visits": visit_figures(getattr(world, "visits", {}) or {}, getattr(world, "leaders", {}) or {},
                                    p.start, min(end, p.end), visit_target)}


def _session_row(s: dict, cases, p: Period) -> dict:
    mine = [c for c in cases if c.get("session") == s["id"] and maybe_date((c.get("outcome") or {}).get("date")) in p]
    kinds = [(c.get("outcome") or {}).get("kind") for c in mine]
    return {"id": s["id"], "date": str(s["date"]), "leader": s.get("leader", ""), "fields": list(s.get("fields") or []),
            "received": len(mine), "handed_over": kinds.count("handover"), "solved": kinds.count("solved"),
            "explained": kinds.count("explained")}


def _units(cases, p: Period, end: dt.date, co_reports: str, thresholds: dict, scores: dict | None = None,
           weights: dict | None = None) -> dict:
    """Each unit's figures. Ranked by the weighted score (``evaluations.composite``) when ``weights``
    are given, else by on-time rate, closure rate and fewest overdue; the evaluation score of the
    span stands beside the rates."""
    rows: dict = {}
    scores = scores or {}

    def row(unit):
        return rows.setdefault(unit, {"handed_over": 0, "as_co": 0, "progress_due": 0, "progress_on_time": 0,
                                      "result_due": 0, "result_on_time": 0, "closed": 0, "closed_of_handed": 0,
                                      "revisits": 0, "satisfied": 0, "overdue": 0, "chases": 0, "supervisions": 0})

    for c in cases:
        if not lifecycle.is_handover(c):
            continue
        lead, co = lifecycle.units_of(c)
        handed = maybe_date((c.get("outcome") or {}).get("date")) in p
        obs = lifecycle.obligations(c, co_reports, include_closed=True)
        owed = lifecycle.obligations(c, co_reports)  # (what is still owed: once, not for each unit)
        stopped = lifecycle.withdrawn_on(c) or lifecycle.closed_on(c)
        for unit in [lead, *co]:
            if not unit:
                continue
            r = row(unit)
            if handed:
                if unit == lead:
                    r["handed_over"] += 1
                    r["closed_of_handed"] += lifecycle.is_closed(c)  # by the end (the world is its snapshot)
                else:
                    r["as_co"] += 1
            for o in obs:
                if o.unit != unit or o.kind not in ("progress", "result") or o.due not in p or o.due > end:
                    continue  # (a duty not due yet on the day of a period still running is not counted)
                if stopped is not None and o.due > stopped and o.met is None:
                    continue  # withdrawn or closed before it fell due: owed no more
                r[f"{o.kind}_due"] += 1
                r[f"{o.kind}_on_time"] += o.on_time()
            if unit == lead:
                if lifecycle.is_closed(c) and lifecycle.closed_on(c) in p:
                    r["closed"] += 1
                visits = [e for e in lifecycle.events(c) if e.get("kind") == "revisit" and maybe_date(e.get("date")) in p]
                if visits:
                    r["revisits"] += 1
                    r["satisfied"] += visits[-1].get("satisfaction") in ("满意", "基本满意")
            if any(o.unit == unit and o.is_late(end) for o in owed):
                r["overdue"] += 1
            for e in lifecycle.events(c):
                if e.get("unit") == unit and maybe_date(e.get("date")) in p:
                    r["chases"] += e.get("kind") == "chase"
                    r["supervisions"] += e.get("kind") == "supervise"
    # a unit with nothing in the period (no handover, report due, close, revisit, chase, nor anything overdue) is left out
    rows = {u: r for u, r in rows.items() if any(v for k, v in r.items())}
    for u in scores:  # a unit evaluated by enterprises in the period is listed even without a handover
        row(u)
    for r in rows.values():
        due, on_time = r["progress_due"] + r["result_due"], r["progress_on_time"] + r["result_on_time"]
        r["reports_due"], r["reports_on_time"] = due, on_time
        r["on_time_rate"] = _rate(on_time, due)
        r["closure_rate"] = _rate(r["closed_of_handed"], r["handed_over"])
        r["satisfaction_rate"] = _rate(r["satisfied"], r["revisits"])
        r["below"] = [k for k, limit in sorted(thresholds.items())
                      if r.get(k) is not None and r[k] < limit]
    for u, r in rows.items():
        ev = scores.get(u) or {}
        r["evaluation"], r["evaluations"] = ev.get("score"), ev.get("count", 0)
        r["evaluation_rate"] = round(ev["score"] / 100, 4) if ev else None
        r["composite"] = composite(r, weights) if weights else None

    def score(u):
        r = rows[u]
        first = (-(r["composite"] if r["composite"] is not None else -1),) if weights else ()
        return (*first, -(r["on_time_rate"] if r["on_time_rate"] is not None else -1),
                -(r["closure_rate"] if r["closure_rate"] is not None else -1), r["overdue"])

    # ranked: units with a report due or a handover in the period, by on-time rate, closure rate and
    # fewest overdue; equal figures share a rank (并列); the others are listed after, unranked
    ranked = sorted((u for u in rows if rows[u]["reports_due"] or rows[u]["handed_over"]), key=lambda u: (score(u), u))
    # (a unit only evaluated, with nothing handed over or due, is listed after them, unranked)
    rest = sorted((u for u in rows if u not in ranked), key=lambda u: (rows[u]["overdue"] * -1, u))
    for n, u in enumerate(ranked, start=1):
        before = ranked[n - 2] if n > 1 else None
        rows[u]["rank"] = rows[before]["rank"] if before and score(before) == score(u) else n
        rows[u]["tied"] = False
    for u in ranked:
        rows[u]["tied"] = sum(1 for v in ranked if rows[v]["rank"] == rows[u]["rank"]) > 1
    for u in rest:
        rows[u]["rank"], rows[u]["tied"] = None, False
    return {u: rows[u] for u in [*ranked, *rest]}


def _leaders(cases, sessions: dict, p: Period, order=()) -> dict:
    rows: dict = {}
    for s in sessions.values():
        if maybe_date(s.get("date")) in p and s.get("status") == "held" and (not p.session or s["id"] == p.session):
            r = rows.setdefault(s.get("leader", ""), {"sessions": 0, "received": 0, "handed_over": 0, "closed": 0})
            r["sessions"] += 1
    for c in cases:
        out = c.get("outcome") or {}
        if maybe_date(out.get("date")) not in p or not c.get("session"):
            continue
        leader = (sessions.get(c["session"]) or {}).get("leader", "")
        r = rows.setdefault(leader, {"sessions": 0, "received": 0, "handed_over": 0, "closed": 0})
        r["received"] += 1
        r["handed_over"] += out.get("kind") == "handover"
        r["closed"] += lifecycle.is_closed(c)
    rank = {k: i for i, k in enumerate(order)}  # as leaders.yaml lists them (the mayor first)
    return {k: rows[k] for k in sorted(rows, key=lambda k: (rank.get(k, len(rank)), k))}


def _fields(cases, p: Period, end: dt.date) -> dict:
    rows: dict = {}
    for c in cases:
        reg = maybe_date(c.get("registered")) in p
        handed = lifecycle.is_handover(c) and maybe_date((c.get("outcome") or {}).get("date")) in p
        if not (reg or handed):
            continue
        for f in c.get("fields") or []:
            r = rows.setdefault(f, {"registered": 0, "accepted": 0, "handed_over": 0, "finished": 0})
            if reg:
                r["registered"] += 1
                r["accepted"] += (c.get("screening") or {}).get("decision") == "accepted"
                r["finished"] += _finished_by(c, end)
            r["handed_over"] += handed
    for r in rows.values():
        r["finish_rate"] = _rate(r["finished"], r["registered"])
    return {k: rows[k] for k in sorted(rows, key=lambda f: (-rows[f]["registered"], f))}


def _channels(cases, p: Period, end: dt.date) -> dict:
    rows: dict = {}
    for c in cases:
        if maybe_date(c.get("registered")) not in p:
            continue
        ch = c.get("channel", "reception_day")
        r = rows.setdefault(ch, {"registered": 0, "accepted": 0, "finished": 0})
        r["registered"] += 1
        r["accepted"] += (c.get("screening") or {}).get("decision") == "accepted"
        r["finished"] += _finished_by(c, end)
    for r in rows.values():
        r["finish_rate"] = _rate(r["finished"], r["registered"])
    order = {k: i for i, k in enumerate(CHANNEL_ORDER)}
    return {k: rows[k] for k in sorted(rows, key=lambda k: (order.get(k, 99), k))}


def _months(cases, p: Period, end: dt.date) -> dict:
    """Per month of the period up to its end (or the day of writing): registered, handed over,
    closed (months with nothing included)."""
    out: dict = {}
    y, m = p.start.year, p.start.month
    while dt.date(y, m, 1) <= min(p.end, end):
        out[f"{y}-{m:02d}"] = {"registered": 0, "handed_over": 0, "closed": 0}
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    for c in cases:
        for key, day in (("registered", maybe_date(c.get("registered"))),
                         ("handed_over", maybe_date((c.get("outcome") or {}).get("date")) if lifecycle.is_handover(c) else None),
                         ("closed", lifecycle.closed_on(c))):
            if day in p and day <= end:
                out[f"{day.year}-{day.month:02d}"][key] += 1
    return out
