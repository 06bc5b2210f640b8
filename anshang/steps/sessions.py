"""Reception days against the ledger: writing a year's plan, matching demands to sessions and
writing the decisions, releasing a demand. Everything that decides is read under the lock."""

from __future__ import annotations

import contextlib
import datetime as dt

from anshang.core import matching, office, rotation
from anshang.core.dates import parse_date
from anshang.core.labels import SESSION_STATUS, label
from anshang.core.matching import find_session, scheduled_in
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
        world = matching_world(ledger)
        target = find_session(world, session) if session else None
        if target is not None and parse_date(world.sessions[target]["date"]) < today:
            raise AnshangError(f"场次 {target} 的接待日 {world.sessions[target]['date']} 已过，不能再为它安排诉求；"
                               "不写 --session 即安排到今天以后的第一个场次")
        from anshang.core.channels import matched

        results = matching.match(world.cases, world.sessions, world.leaders,
                                 settings.policy.session_capacity, today, target, matched(settings.channels))
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
            current = target or next((s["id"] for s in office.open_sessions(world.sessions, today)), None)
            if current is not None:
                from anshang.steps.office import record_session

                record_session(ledger, current, "match", today, None)  # by rule: no clerk named
    return results


MATCH_INDEX = "match-1"  # the read index of ``matching.match_facts`` (a new name when they change)


def matching_world(ledger: Ledger):
    """The leaders, the sessions and what matching reads of the demands it places, from the
    matching index (``Ledger.derived``: a file is read again only when it changed); the whole
    ledger (``loader.load``) when a case file has a problem, which stops with every problem listed."""
    from anshang.core.problems import ProblemsFound

    found = loader.indexed_values(ledger, MATCH_INDEX, "case", "id", matching.match_facts)
    if found is None:
        return loader.load(ledger)
    try:
        world = loader.load(ledger, {"leaders", "session"})
    except ProblemsFound:
        return loader.load(ledger)
    world.cases = {cid: facts for cid, facts in found.items() if facts is not None}
    return world


def release(ledger: Ledger, cid: str, why: str = "", day: dt.date | None = None, by: str = "") -> str | None:
    """Take a demand out of its session so the next ``match`` places it afresh. A ``release``
    event keeps the history: which session it left, the matching it had (so that a report for an
    earlier day still sees the arrangement), and why."""
    old = {}

    def change(doc):
        if doc.get("outcome"):
            raise AnshangError(f"{cid} 已有接待结果，不能再调整场次")
        old["session"] = doc.get("session")
        matching = dict(doc.get("matching") or {})
        for key in ("session", "matching"):
            canonical.remove(doc, key)
        if old["session"] or matching:
            from anshang.core.dates import parse_date as _p
            from anshang.steps.cases import append, clerk_name, event

            append(doc, event(day or dt.date.today(), "release", by or clerk_name(), session=old["session"],
                              matched=_p(matching["date"]) if matching.get("date") else None,
                              status=matching.get("status"),
                              note=f"移出场次 {old['session']}：{why}" if why and old["session"] else why))

    with ledger.lock():
        ledger.edit(Ledger.case_rel(cid), change)
    return old.get("session")


def mark_held(ledger: Ledger, sid: str, day: dt.date) -> bool:
    """A session whose demands are being received has been held (on or after its date);
    returns whether its file changed. Called under the write lock of the receiving step."""
    rel = ledger.session_rel(sid)
    session = loader.read(ledger, rel, missing_ok=True)
    if not isinstance(session, dict) or session.get("status", "planned") != "planned":
        return False
    if day < parse_date(session["date"]):
        return False
    ledger.edit(rel, lambda doc: canonical.put(doc, "status", "held", "session"))
    return True


def cancel(ledger: Ledger, given: str, reason: str, day: dt.date, by: str = "") -> tuple[str, list[str]]:
    """Cancel a planned session: its status becomes 已取消 with the reason in its note, and the
    demands scheduled in it are released for the next ``match``. Returns (id, released ids)."""
    if not (reason or "").strip():
        raise AnshangError("取消场次须用 --reason 说明原因")
    with ledger.lock():
        world = loader.load(ledger)
        sid = find_session(world, given)
        session = world.sessions[sid]
        if session.get("status", "planned") != "planned":
            raise AnshangError(f"场次 {sid} 的状态是“{label(SESSION_STATUS, session.get('status'))}”，只能取消计划中的场次")
        received = [c["id"] for c in scheduled_in(world, sid) if c.get("outcome")]
        if received:
            raise AnshangError(f"场次 {sid} 已有接待结果（{'、'.join(received)}），不能取消")
        note = f"{day.isoformat()} 取消：{reason.strip()}"

        def change(doc):
            from anshang.steps.cases import append, event

            canonical.put(doc, "status", "cancelled", "session")
            old = str(doc.get("note") or "").strip()
            canonical.put(doc, "note", f"{old}；{note}" if old else note, "session")
            ev = event(day, "cancel", by or "", note=reason.strip())  # dated: a report for an earlier day still sees it planned
            if not by:
                del ev["by"]
            append(doc, ev, "session")

        ledger.edit(ledger.session_rel(sid), change)
        released = [c["id"] for c in scheduled_in(world, sid)]
        for cid in released:
            release(ledger, cid, f"场次取消（{reason.strip()}）", day, by)
    return sid, released
