"""A demand's life after reception (§四(三)–(五)): which duties its handover carries and who
owes them (through the obligation engine), the stage it is in, and the checks before each
step of the closed loop. Pure: takes case data, returns data or refuses with a message."""

from __future__ import annotations

import datetime as dt
from contextlib import contextmanager

from anshang.core.dates import maybe_date, parse_date
from anshang.core.deadlines import read_deadline
from anshang.core.labels import DEADLINE_KINDS, SATISFIED, UNSATISFIED
from anshang.core.obligations import Obligation, parts
from anshang.core.problems import AnshangError


def events(case: dict) -> list[dict]:
    return [e for e in case.get("events") or [] if isinstance(e, dict)]


def as_of(case: dict, today: dt.date) -> dict:
    """A case as it stood at the end of ``today``: events dated later are left out."""
    evs = case.get("events")
    if not evs:
        return case
    kept = [e for e in evs if isinstance(e, dict) and maybe_date(e.get("date")) is not None and maybe_date(e["date"]) <= today]
    return case if len(kept) == len(evs) else {**case, "events": kept}


def after_last_reopening(case: dict) -> list[dict]:
    """Events after the latest reopen (a reopened case owes its result again)."""
    evs = events(case)
    last = max((i for i, e in enumerate(evs) if e.get("kind") == "reopen"), default=-1)
    return evs[last + 1:]


def is_closed(case: dict) -> bool:
    return any(e.get("kind") == "close" for e in after_last_reopening(case))


def is_withdrawn(case: dict) -> bool:
    """The enterprise withdrew the demand (it is kept, and owes nothing any more)."""
    return any(e.get("kind") == "withdraw" for e in events(case))


def withdrawn_on(case: dict) -> dt.date | None:
    found = [e for e in events(case) if e.get("kind") == "withdraw"]
    return parse_date(found[-1]["date"]) if found else None


def closed_on(case: dict) -> dt.date | None:
    closes = [e for e in after_last_reopening(case) if e.get("kind") == "close"]
    return parse_date(closes[-1]["date"]) if closes else None


def finished_on(case: dict) -> dt.date | None:
    """The day a case left the office's hands: closed, not accepted, referred elsewhere, or
    solved or explained at the reception (None while it is still open)."""
    closed = closed_on(case) or withdrawn_on(case)
    if closed is not None:
        return closed
    out = case.get("outcome") or {}
    if out.get("kind") in ("solved", "explained") and out.get("date"):
        return parse_date(out["date"])
    scr = case.get("screening") or {}
    if not out and scr.get("decision") in ("excluded", "referred") and scr.get("date"):
        return parse_date(scr["date"])
    return None


def is_longterm(case: dict) -> bool:
    """In long-term rectification: periodic reports are due, the result waits (a task 长期坚持
    is so for as long as it runs)."""
    if case.get("ongoing"):
        return True
    evs = after_last_reopening(case)
    return any(e.get("kind") == "longterm" for e in evs) and not any(e.get("kind") == "result" for e in evs)


def is_assigned_item(item: dict) -> bool:
    """An action-plan task or a research topic: its units are its own, not a reception's."""
    return "lead_unit" in item and "outcome" not in item


def is_handover(case: dict) -> bool:
    """A demand handed over to units (or a task or topic, which always is)."""
    return (case.get("outcome") or {}).get("kind") == "handover" or is_assigned_item(case)


def assignment(case: dict) -> dict:
    """Who owes the item's reports, and since when: a demand's reception outcome, or a task's
    or topic's own ``lead_unit``, ``co_units`` and ``assigned`` (``opened``) date."""
    if is_assigned_item(case):
        return {"kind": "handover", "date": case.get("assigned") or case.get("opened"),
                "lead_unit": case.get("lead_unit"), "co_units": case.get("co_units") or []}
    return case.get("outcome") or {}


def units_of(case: dict) -> tuple[str, list[str]]:
    """The lead unit and the co-units of a handover."""
    out = assignment(case)
    lead = out.get("lead_unit") or ""
    return lead, [u for u in out.get("co_units") or [] if u and u != lead]


_REMEMBERED: dict | None = None  # obligations worked out inside ``remembering_obligations``


@contextmanager
def remembering_obligations():
    """Inside, ``obligations`` of the same case object is worked out once: for a document that
    reads one snapshot in several ways (tables, figures, reminders). The case data must not be
    changed inside."""
    global _REMEMBERED
    outer = _REMEMBERED
    if outer is None:
        _REMEMBERED = {}
    try:
        yield
    finally:
        _REMEMBERED = outer


def obligations(case: dict, co_reports: str = "lead", include_closed: bool = False) -> list[Obligation]:
    """Every unit's part of every report a handed-over case owes, each with when it was met.

    Progress is met by a progress report; the result by a result report since the latest
    reopen; while in long-term rectification the result waits and a periodic report is due.
    A closed case owes nothing (``include_closed`` lists its duties anyway, for the record)."""
    if _REMEMBERED is None:
        return _obligations(case, co_reports, include_closed)
    key = (id(case), co_reports, include_closed)
    hit = _REMEMBERED.get(key)
    if hit is None or hit[0] is not case:  # (the case object is kept, so its id is not reused)
        hit = _REMEMBERED[key] = (case, _obligations(case, co_reports, include_closed))
    return list(hit[1])


def _obligations(case: dict, co_reports: str, include_closed: bool) -> list[Obligation]:
    out = assignment(case)
    if out.get("kind") != "handover" or ((is_closed(case) or is_withdrawn(case)) and not include_closed):
        return []
    dls = case.get("deadlines") or {}
    lead, co = units_of(case)
    longterm = is_longterm(case)
    recent = after_last_reopening(case)
    res: list[Obligation] = []
    for kind in DEADLINE_KINDS:
        record = dls.get(kind)
        if not isinstance(record, dict) or not record.get("due"):
            continue
        if (kind == "result" and longterm) or (kind == "periodic" and not longterm):
            continue  # the result waits while the ten-day reports run, and vice versa
        deadline = read_deadline(record, out.get("date"))
        pool = events(case) if kind in ("progress", "acknowledge") else recent
        reports = [(parse_date(e["date"]), e.get("unit")) for e in pool if e.get("kind") == kind]
        since = None
        if kind in ("periodic", "review"):
            # each report of the lead unit moved this deadline on (or met a period already met): the stored
            # deadline is the next period, which none of them meets; a co-unit's own reports since count for its part
            reports = [(d, u) for d, u in reports if (u or lead) != lead]
            since = deadline.basis + dt.timedelta(days=1)
        res += parts(case["id"], kind, deadline, lead, co, reports, co_reports, since)
    return res


def stored_deadline(case: dict, kind: str):
    """A case's stored deadline of ``kind`` as a Deadline, or None."""
    record = (case.get("deadlines") or {}).get(kind)
    return read_deadline(record, assignment(case).get("date")) if isinstance(record, dict) else None


def open_obligations(case: dict, co_reports: str = "lead") -> list[Obligation]:
    return [o for o in obligations(case, co_reports) if o.met is None]


def duties(case: dict, co_reports: str = "lead") -> dict:
    """Each duty some unit still owes, by kind: its first open part (lead before co-units).
    All parts of a duty share one deadline, which extend and reassign act on."""
    out: dict = {}
    for o in open_obligations(case, co_reports):
        out.setdefault(o.kind, o)
    return out


HANDED_OVER = ("handling", "ongoing", "longterm", "replied")  # the stages ``status`` gives a handover not late


def later_status(base: str, open_obs: list, today: dt.date) -> str:
    """``status`` on ``today`` from the stage on a day nothing is late yet (``status`` on
    ``date.min``) and the open parts: a handover with an open part past due is ``overdue``."""
    return "overdue" if base in HANDED_OVER and any(o.due < today for o in open_obs) else base


def status(case: dict, today: dt.date, obs: list | None = None) -> str:
    """The stage a case is in on ``today`` (see labels.STATUS); ``obs`` may pass its
    ``obligations`` when the caller has them already."""
    if is_withdrawn(case):
        return "withdrawn"
    if case.get("missing"):
        return "incomplete"
    if is_closed(case):
        return "closed"
    out = assignment(case)
    if out:
        if out.get("kind") == "handover":
            obs = obligations(case) if obs is None else obs
            if any(o.is_late(today) for o in obs):
                return "overdue"
            if case.get("ongoing"):
                return "ongoing"
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
        matching = (case.get("matching") or {}).get("status")
        if case.get("session"):  # matched (the reception day, or a channel whose rules match it)
            return "deferred" if matching == "deferred" else "scheduled"
        if matching == "waiting":
            return "waiting"
        if case.get("channel", "reception_day") != "reception_day":
            return "to_hand_over"  # other channels are handed over without a reception day
        return "accepted"
    return "registered"


def last_satisfaction(case: dict) -> str | None:
    revisits = [e for e in events(case) if e.get("kind") == "revisit"]
    return revisits[-1].get("satisfaction") if revisits else None


def is_satisfied(case: dict) -> bool:
    return last_satisfaction(case) in SATISFIED



def revisit_wanted(case: dict, revisit: str) -> bool:
    """Whether the settings want this demand revisited (labels.REVISIT)."""
    if revisit == "none":
        return False
    if revisit == "all" and is_handover(case):
        return True
    return bool(case.get("key"))


def revisit_basis(case: dict) -> dt.date | None:
    """The day a revisit can follow: the latest reply since the last reopening (a handover),
    or the reception (solved or explained there)."""
    out = case.get("outcome") or {}
    if not out:
        return None
    if out.get("kind") == "handover":
        replies = [maybe_date(e.get("date")) for e in after_last_reopening(case) if e.get("kind") == "reply"]
        replies = [d for d in replies if d]
        return max(replies) if replies else None
    return maybe_date(out.get("date"))


def revisit_owed(case: dict, revisit: str) -> bool:
    """The settings want a revisit and none followed the reply (``close`` refuses then)."""
    if not revisit_wanted(case, revisit):
        return False
    basis = revisit_basis(case)
    done = [maybe_date(e.get("date")) for e in after_last_reopening(case) if e.get("kind") == "revisit"]
    return not any(d and (basis is None or d >= basis) for d in done)


def close_blockers(case: dict, co_reports: str = "lead", revisit: str = "none") -> list[str]:
    """Why a case may not be closed yet (empty when it may); ``revisit`` is the settings' rule
    of which demands are revisited (labels.REVISIT)."""
    out = assignment(case)
    if not out:
        return ["尚未接待或处理（没有接待结果），不能办结"]
    reasons = []
    if is_assigned_item(case):  # a task or topic: its result, from every unit that owes one
        if case.get("ongoing"):
            return []  # 长期坚持: closed when the office says the task is done
        owing = [o for o in open_obligations(case, co_reports) if o.kind == "result"]
        if any(o.part == "lead" for o in owing):
            reasons.append("牵头单位尚未报送完成情况（办理结果）")
        elif owing:
            reasons.append(f"配合单位 {'、'.join(o.unit for o in owing)} 尚未报送完成情况")
        return reasons
    if out.get("kind") == "handover":
        evs = after_last_reopening(case)
        if is_longterm(case):
            reasons.append("仍在长期整改中：须承办单位报送办理结果（问题已解决）后才能办结")
        elif not any(e.get("kind") == "result" for e in evs):
            reasons.append("承办单位尚未报送办理结果")
        else:
            owing = [o.unit for o in open_obligations(case, co_reports) if o.kind == "result"]
            if owing:
                reasons.append(f"配合单位 {'、'.join(owing)} 尚未报送办理结果")
        if not any(e.get("kind") == "reply" for e in evs):
            reasons.append("尚未答复企业（anshang reply）")
    revisits = [e for e in after_last_reopening(case) if e.get("kind") == "revisit"]
    if revisits and revisits[-1].get("satisfaction") == UNSATISFIED:
        reasons.append("最近一次回访企业不满意，须重新办理")
    if revisit_owed(case, revisit):
        why = "重点诉求" if case.get("key") else "按设置，交办的诉求都要回访"
        reasons.append(f"{case.get('id', '')} 尚未回访企业（{why}，§四(五)）：先回访，"
                       f"anshang revisit {case.get('id', '编号')} --satisfaction 满意|基本满意|不满意")
    return reasons


def require(condition: bool, message: str) -> None:
    if not condition:
        raise AnshangError(message)
