"""Reception days against the ledger: writing a year's plan, applying matches, releasing a
demand, call lists. The I/O around ``sessions`` and ``notice``."""

from __future__ import annotations

import datetime as dt
from anshang import fmt, sessions as core
from anshang.errors import AnshangError
from anshang.ledger import Ledger
from anshang.world import World, load_world


def world_for(ledger: Ledger, with_cases: bool = True) -> World:
    return load_world(ledger, {"leaders", "session", "units"} | ({"case", "enterprise"} if with_cases else set()))


def find_session(world: World, given: str) -> str:
    """A session id from its id, its date in any accepted spelling, or a unique prefix."""
    from anshang.dates import parse_date

    if given in world.sessions:
        return given
    try:
        iso = parse_date(given).isoformat()
        hits = [s for s in world.sessions if s == iso or s.startswith(iso + "-")]
    except ValueError:
        hits = [s for s in world.sessions if s.startswith(given)]
    if len(hits) == 1:
        return hits[0]
    if not hits:
        raise AnshangError(f"没有场次 {given!r}（用 anshang session list 查看全部场次）")
    raise AnshangError(f"{given!r} 对应多个场次：{'、'.join(sorted(hits))}")


def plan(ledger: Ledger, settings, cal, year: int, count: int | None, write: bool):
    world = world_for(ledger, with_cases=False)
    existing = sorted(s for s in world.sessions if s.startswith(f"{year}-"))
    before = sorted((s for s in world.sessions.values() if s["date"] < f"{year}-01-01"),
                    key=lambda s: s["date"])
    last_leader = before[-1]["leader"] if before else None
    n = max(count or 0, settings.policy.sessions_per_year)
    proposal = core.plan_year(year, n, list(world.leaders.values()), last_leader, cal,
                              settings.policy.notice_workdays)
    if write:
        if existing:
            raise AnshangError(f"{year} 年已有场次：{'、'.join(existing)}；计划只在没有场次的年份生成，"
                               "如需调整请直接编辑 sessions/ 中的文件")
        if not proposal:
            raise AnshangError("leaders.yaml 中没有在任的接待领导，无法排定轮值")
        place = (settings.contact or {}).get("place")
        with ledger.lock():
            for p in proposal:
                ledger.create(Ledger.session_rel(p.id), p.record(place))
    return proposal, existing


def apply_matches(ledger: Ledger, results, day: dt.date) -> int:
    """Write each new decision into its case; kept ones are not touched. Returns files written."""
    written = 0
    with ledger.lock():
        for m in results:
            if m.kept:
                continue
            record = {"status": m.status, "date": day, "reason": m.reason}

            def change(doc, m=m, record=record):
                if m.session:
                    fmt.put(doc, "session", m.session, "case")
                elif "session" in doc:
                    del doc["session"]
                fmt.put(doc, "matching", record, "case")

            ledger.edit(Ledger.case_rel(m.id), change)
            written += 1
    return written


def release(ledger: Ledger, cid: str) -> str | None:
    """Take a demand out of its session so the next ``match`` places it afresh."""
    old = {}

    def change(doc):
        if doc.get("outcome"):
            raise AnshangError(f"{cid} 已有接待结果，不能再调整场次")
        old["session"] = doc.get("session")
        for key in ("session", "matching"):
            if key in doc:
                del doc[key]

    with ledger.lock():
        ledger.edit(Ledger.case_rel(cid), change)
    return old.get("session")


def scheduled_in(world: World, sid: str) -> list[dict]:
    return sorted((c for c in world.cases.values() if c.get("session") == sid),
                  key=lambda c: (c["registered"], c["id"]))


def call_list_rows(world: World, sid: str) -> list[list]:
    rows = []
    for c in scheduled_in(world, sid):
        ent = world.enterprises.get(c.get("enterprise"), {})
        contact = c.get("contact") or {}
        rows.append([c["id"], ent.get("name") or c.get("enterprise_name") or "", contact.get("name", ""),
                     str(contact.get("phone", "")), c.get("title", ""), "、".join(c.get("fields") or []),
                     c["registered"], ""])
    return rows
