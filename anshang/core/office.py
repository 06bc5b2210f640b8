"""The office's own duties (营商办), on the obligation engine.

The units owe reports; the office owes the rest of the loop (§二(一), §四): publishing each
session's notice, closing registration and matching, telling scheduled enterprises, telling
deferred, excluded and referred ones, the attendance notice, the reply after a result, the
revisit of key problems, public feedback every few weeks, next year's holiday arrangement,
and chasing units whose reports are late. Each is an ``Obligation`` whose party is the office
(``OFFICE``), with a deadline counted by a ``Rule`` on the official calendar and met by what the
ledger records (a session's or a case's events, or a record in ``records/``).

Pure: takes the ledger's items as plain data and the policy, returns Obligations. The ledger is
read as it stood at the end of ``today``: later events do not count.
"""

from __future__ import annotations

import datetime as dt

from anshang.core import lifecycle
from anshang.core.calendar import Calendar, CalendarGap
from anshang.core.dates import maybe_date
from anshang.core.deadlines import Deadline, Rule
from anshang.core.obligations import Obligation, horizon

OFFICE = "office"  # the party of the office's duties (labels.OFFICE is its Chinese name)



class _Counter:
    """Deadlines on the ledger's calendar; where that stops at an uncovered year, the date is
    computed on the weekend-only calendar and marked provisional, and — unless provisional
    dates were allowed (by the user, or by a session already planned as provisional) — the
    uncovered year is noted so that listing the duty stops with a clear error."""

    def __init__(self, cal: Calendar):
        self.cal = cal

    def deadline(self, rule: Rule, basis: dt.date, allowed: bool = False) -> tuple[Deadline, int | None]:
        try:
            d = rule.due(self.cal, basis)
            return Deadline(rule, basis, d.due, d.provisional), None
        except CalendarGap as gap:
            d = rule.due(self.cal.lenient(), basis)
            return Deadline(rule, basis, d.due, True), (None if allowed or self.cal.allow_provisional else gap.year)


def _duty(kind: str, item: str, deadline: Deadline, met: dt.date | None = None, about: str = "",
          gap: int | None = None) -> Obligation:
    return Obligation(item, kind, OFFICE, "lead", deadline, met, about=about, gap=gap)


def _first(dates, since: dt.date | None, today: dt.date) -> dt.date | None:
    found = [d for d in dates if d is not None and d <= today and (since is None or d >= since)]
    return min(found) if found else None


def session_events(session: dict, kind: str) -> list[dt.date]:
    return [maybe_date(e.get("date")) for e in session.get("events") or [] if isinstance(e, dict) and e.get("kind") == kind]


def notify_dates(case: dict) -> list[dt.date]:
    return [maybe_date(e.get("date")) for e in lifecycle.events(case) if e.get("kind") == "notify"]


def open_sessions(sessions: dict, today: dt.date) -> list[dict]:
    """Planned sessions on or after ``today``, by date."""
    out = [s for s in sessions.values() if s.get("status", "planned") == "planned"
           and maybe_date(s.get("date")) is not None and maybe_date(s["date"]) >= today]
    return sorted(out, key=lambda s: (maybe_date(s["date"]), s["id"]))


def scheduled(cases: dict, sid: str) -> list[dict]:
    """The demands waiting to be received in session ``sid``: matched to it now, or deferred to it
    earlier (``match`` keeps those as they are when their session comes round)."""
    return [c for c in cases.values() if c.get("session") == sid
            and (c.get("matching") or {}).get("status") in ("scheduled", "deferred")
            and not c.get("outcome") and not lifecycle.is_withdrawn(c)]


def informed_kind(case: dict) -> tuple[str, dt.date] | None:
    """What a demand's enterprise must be told, and since when: a deferral, an exclusion or a
    referral not yet followed by a reception (None otherwise)."""
    if case.get("outcome") or lifecycle.is_withdrawn(case) or case.get("missing"):
        return None
    if not (case.get("enterprise") or case.get("enterprise_name") or case.get("contact")):
        return None  # anonymous: nobody to tell
    matching = case.get("matching") or {}
    if case.get("session") and matching.get("status") == "deferred" and maybe_date(matching.get("date")):
        return "deferred", maybe_date(matching["date"])
    if matching.get("status") == "waiting" and maybe_date(matching.get("date")):
        return "waiting", maybe_date(matching["date"])  # no session fits yet: told it will be arranged later
    scr = case.get("screening") or {}
    if scr.get("decision") in ("excluded", "referred") and maybe_date(scr.get("date")):
        return scr["decision"], maybe_date(scr["date"])
    return None


def office_obligations(cases: dict, sessions: dict, records: list, policy, cal: Calendar, today: dt.date,
                       co_reports: str = "lead", others: dict | None = None,
                       matched: set | frozenset = frozenset({"reception_day"})) -> list[Obligation]:
    """Every duty the office owes on ``today`` or owed before (met ones included, with the day
    they were met), from the ledger's items and the settings' policy; ``others`` are the
    tasks and topics, whose late reports the office chases like a demand's; ``matched`` the
    channels whose demands go through session matching (the others are handed over directly)."""
    count = _Counter(cal)
    since = maybe_date(getattr(policy, "office_since", None))
    views = {cid: lifecycle.as_of(c, today) for cid, c in cases.items()}
    out: list[Obligation] = []
    out += _session_duties(views, sessions, policy, count, today)
    out += _case_duties(views, policy, count, today, co_reports)
    out += _handovers(views, policy, count, today, matched)
    tracked = {**views, **{i: lifecycle.as_of(t, today) for i, t in (others or {}).items()}}
    out += _chases(tracked, policy, count, today, co_reports)
    out += _public(views, records, policy, count, today, since)
    out += _calendar(cal, today)
    if since is not None:
        out = [o for o in out if o.kind in ("public", "calendar") or o.due >= since]
    out.sort(key=lambda o: (o.due, o.kind, o.id, o.about))
    return out


def _session_duties(cases, sessions, policy, count, today):
    """Before a session: its notice, matching, telling each scheduled enterprise, the attendance
    notice. From the reception day on (those are moot then): recording each outcome."""
    limits = policy.limits
    out = []
    for s in open_sessions(sessions, today + dt.timedelta(days=1)):  # from tomorrow: today's reception is on
        sid, day, allowed = s["id"], maybe_date(s["date"]), bool(s.get("provisional"))
        notice_on = maybe_date(s.get("notice_date"))
        if notice_on is not None:
            notice = Deadline(limits.notice, day, notice_on, allowed)
            gap = None
        else:
            notice, gap = count.deadline(limits.notice, day, allowed)
        out.append(_duty("notice", sid, notice, _first(session_events(s, "notice"), None, today), gap=gap))
        closes = maybe_date(s.get("registration_to"))
        if closes is None:
            closes = count.deadline(limits.registration_close, day, True)[0].due
        match, gap = count.deadline(Rule("workdays", 1), closes, allowed)
        out.append(_duty("match", sid, match, _first(session_events(s, "match"), closes, today), gap=gap))
        waiting = scheduled(cases, sid)
        for c in waiting:
            matched = maybe_date((c.get("matching") or {}).get("date"))
            d, gap = count.deadline(Rule("workdays", -policy.notify_workdays), day, allowed)
            out.append(_duty("notify", c["id"], d, _first(notify_dates(c), matched, today), about=sid, gap=gap))
        if waiting:
            # a notice sent before the last demand was scheduled does not cover it: send again
            last = max(maybe_date((c.get("matching") or {}).get("date")) or dt.date.min for c in waiting)
            d, gap = count.deadline(Rule("workdays", -policy.attend_workdays), day, allowed)
            out.append(_duty("attend", sid, d, _first(session_events(s, "attend"), last, today), gap=gap))
    for s in sessions.values():
        day = maybe_date(s.get("date"))
        if day is None or day > today or s.get("status") == "cancelled":
            continue
        for c in scheduled(cases, s["id"]):
            d, gap = count.deadline(Rule("workdays", 1), day, bool(s.get("provisional")))
            out.append(_duty("receive", c["id"], d, about=s["id"], gap=gap))
    return out


def _case_duties(cases, policy, count, today, co_reports):
    out = []
    for cid, c in cases.items():
        told = informed_kind(c)
        if told is not None and told[1] <= today:
            d, gap = count.deadline(Rule("workdays", policy.inform_workdays), told[1])
            out.append(_duty("inform", cid, d, _first(notify_dates(c), told[1], today), about=told[0], gap=gap))
        if lifecycle.is_closed(c) or lifecycle.is_withdrawn(c):
            continue
        if lifecycle.is_handover(c):
            results = [o for o in lifecycle.obligations(c, co_reports) if o.kind == "result"]
            if results and all(o.met is not None for o in results):
                basis = max(o.met for o in results)
                replies = [maybe_date(e.get("date")) for e in lifecycle.after_last_reopening(c) if e.get("kind") == "reply"]
                d, gap = count.deadline(Rule("workdays", policy.reply_workdays), basis)
                out.append(_duty("reply", cid, d, _first(replies, basis, today), gap=gap))
        if lifecycle.revisit_wanted(c, policy.revisit):
            basis = lifecycle.revisit_basis(c)
            if basis is not None and basis <= today:
                done = [maybe_date(e.get("date")) for e in lifecycle.after_last_reopening(c) if e.get("kind") == "revisit"]
                d, gap = count.deadline(Rule("workdays", policy.revisit_workdays), basis)
                out.append(_duty("revisit", cid, d, _first(done, basis, today), gap=gap))
    return out


def _handovers(cases, policy, count, today, matched):
    """A demand of a channel that is not matched to sessions (complaint centre, hotline …) is
    screened and handed over within ``handover_workdays`` of its registration; met by the outcome
    recorded (anything but a refusal or a withdrawal owes it)."""
    out = []
    for cid, c in cases.items():
        if c.get("channel", "reception_day") in matched or lifecycle.is_withdrawn(c) or c.get("missing"):
            continue
        if (c.get("screening") or {}).get("decision") in ("excluded", "referred"):
            continue
        registered = maybe_date(c.get("registered"))
        if registered is None:
            continue
        d, gap = count.deadline(Rule("workdays", getattr(policy, "handover_workdays", 1)), registered)
        done = maybe_date((c.get("outcome") or {}).get("date"))
        out.append(_duty("handover", cid, d, _first([done], registered, today), about=c.get("channel", ""), gap=gap))
    return out


def _chases(cases, policy, count, today, co_reports):
    """A report overdue owes the office the next step of the supervision ladder it has not taken
    for this lateness (core.supervision): a 催办 from the first working day after the due date,
    then a 督办 from the day it is more than ``supervise_after_workdays`` working days late.
    Once both are recorded the office owes nothing more by rule (挂牌督办 is a person's call)."""
    from anshang.core import supervision

    out = []
    for cid, c in cases.items():
        if supervision.named(c):
            continue  # under 挂牌督办: the leader supervises it, the automatic ladder stops
        for ob in lifecycle.open_obligations(c, co_reports):
            if ob.due >= today:
                continue
            have = supervision.recorded(c, ob)
            if "supervise" in have or "named" in have:
                continue
            if "chase" not in have:
                d, gap = count.deadline(Rule("workdays", 1), ob.due, ob.provisional)
            else:
                d, gap = count.deadline(Rule("workdays", policy.supervise_after_workdays + 1), ob.due, ob.provisional)
            out.append(_duty("chase", cid, d, about=f"{ob.unit}:{ob.kind}", gap=gap))
    return out


def _public(cases, records, policy, count, today, since):
    weeks = policy.public_every_weeks
    if not weeks:
        return []
    done = [maybe_date(r.get("date")) for r in records if r.get("kind") == "public"]
    done = [d for d in done if d and d <= today]
    if done:
        basis = max(done)
    else:
        handed = [maybe_date((c.get("outcome") or {}).get("date")) for c in cases.values() if lifecycle.is_handover(c)]
        handed = [d for d in handed if d and d <= today and (since is None or d >= since)]
        if since is not None and since <= today:
            handed.append(since)
        if not handed:
            return []
        basis = min(handed)
    d, gap = count.deadline(Rule("days", 7 * weeks), basis)
    return [_duty("public", "public", d, gap=gap)]


def _calendar(cal: Calendar, today: dt.date) -> list[Obligation]:
    """Next year's holiday arrangement from October (the State Council publishes it in
    October–November), and this year's if it is missing: due on 1 December of the year before."""
    wanted = [today.year] + ([today.year + 1] if today.month >= 10 else [])
    out = []
    for y in wanted:
        if cal.covers(y):
            continue
        due = dt.date(y - 1, 12, 1)
        out.append(_duty("calendar", str(y), Deadline(Rule("fixed", 0, due), dt.date(y - 1, 10, 1), due, False)))
    return out


# --- the agenda ---------------------------------------------------------------------------------

GROUPS = ("overdue", "today", "week", "later")


def group_of(due: dt.date, today: dt.date) -> str:
    """超期 / 今天 / 本周 (to Sunday) / 稍后."""
    if due < today:
        return "overdue"
    if due == today:
        return "today"
    if due <= today + dt.timedelta(days=6 - today.weekday()):
        return "week"
    return "later"


def window(cal: Calendar, today: dt.date, within: int) -> tuple[dt.date, bool, int | None]:
    """The last day the agenda looks at: ``within`` working days ahead. Where that reaches a
    year whose holidays are unknown and provisional dates are not allowed, the window stops at
    the end of the last known year (returned third, so that it is said); when today itself is
    in such a year, counting stops with the calendar's error."""
    try:
        until, guessed = horizon(cal, today, within)
        return until, guessed, None
    except CalendarGap as gap:
        if gap.year <= today.year:
            raise
        return dt.date(gap.year - 1, 12, 31), False, gap.year


def falling_due(obligations, cal: Calendar, today: dt.date, until: dt.date) -> list[Obligation]:
    """Open duties due by ``until`` (overdue ones included). A duty in that window whose date
    rests on an uncovered year the user did not allow stops with the calendar's error."""
    items = [o for o in obligations if o.met is None and o.due <= until]
    for o in items:
        if o.gap is not None:
            raise CalendarGap(o.gap, cal.calendar_dir)
    return items
