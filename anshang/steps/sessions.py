"""Reception days against the ledger: writing a year's plan, matching demands to sessions and
writing the decisions, releasing a demand. Everything that decides is read under the lock."""

from __future__ import annotations

import contextlib
import datetime as dt

from anshang.core import matching, rotation
from anshang.core.matching import find_session
from anshang.core.problems import AnshangError
from anshang.store import canonical, loader
from anshang.store.folder import Ledger

SESSION_KINDS = {"leaders", "session", "units"}


def plan(ledger: Ledger, settings, cal, year: int, count: int | None, write: bool):
    """The year's sessions (leaders in turn); written when ``write`` and the year has none."""
    with ledger.lock() if write else contextlib.nullcontext():
        world = loader.load(ledger, SESSION_KINDS)
        existing = sorted(s for s in world.sessions if s.startswith(f"{year}-"))
        before = sorted((s for s in world.sessions.values() if str(s["date"]) < f"{year}-01-01"),
                        key=lambda s: str(s["date"]))
        last_leader = before[-1]["leader"] if before else None
        n = max(count or 0, settings.policy.sessions_per_year)
        proposal = rotation.plan_year(year, n, list(world.leaders.values()), last_leader, cal,
                                      settings.policy.limits)
        if write:
            if existing:
                raise AnshangError(f"{year} 年已有场次：{'、'.join(existing)}；计划只在没有场次的年份生成，"
                                   "如需调整请直接编辑 sessions/ 中的文件")
            if not proposal:
                raise AnshangError("leaders.yaml 中没有在任的接待领导，无法排定轮值")
            place = (settings.contact or {}).get("place")
            for p in proposal:
                ledger.create(Ledger.session_rel(p.id), p.record(place))
    return proposal, existing


def match(ledger: Ledger, settings, today: dt.date, session: str | None, write: bool):
    """Two-way matching on the ledger as it is under the lock; decisions are written when
    ``write`` (kept ones are not touched). Returns the decisions."""
    with ledger.lock() if write else contextlib.nullcontext():
        world = loader.load(ledger)
        target = find_session(world, session) if session else None
        results = matching.match(world.cases, world.sessions, world.leaders,
                                 settings.policy.session_capacity, today, target)
        if write:
            for m in results:
                if m.kept:
                    continue
                record = {"status": m.status, "date": today, "reason": m.reason}

                def change(doc, m=m, record=record):
                    if m.session:
                        canonical.put(doc, "session", m.session, "case")
                    else:
                        canonical.remove(doc, "session")
                    canonical.put(doc, "matching", record, "case")

                ledger.edit(Ledger.case_rel(m.id), change)
    return results


def release(ledger: Ledger, cid: str) -> str | None:
    """Take a demand out of its session so the next ``match`` places it afresh."""
    old = {}

    def change(doc):
        if doc.get("outcome"):
            raise AnshangError(f"{cid} 已有接待结果，不能再调整场次")
        old["session"] = doc.get("session")
        for key in ("session", "matching"):
            canonical.remove(doc, key)

    with ledger.lock():
        ledger.edit(Ledger.case_rel(cid), change)
    return old.get("session")
