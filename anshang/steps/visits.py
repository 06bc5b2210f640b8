"""Leaders' visits to enterprises (走访联系): one file per visit, written under the lock."""

from __future__ import annotations

import datetime as dt

from anshang.core import naming
from anshang.core.ids import new_visit_id, resolve
from anshang.store import loader
from anshang.store.folder import VISITS_DIR, Ledger


def add_visit(ledger: Ledger, leader: str, day: dt.date, enterprise: str, with_units: list[str], note: str | None,
              by: str) -> tuple[str, dict]:
    """Record one visit; returns its id and data."""
    world = loader.load(ledger, {"leaders", "units", "enterprise"})
    lid = naming.leader(leader, world.leaders)
    code = naming.enterprise(enterprise, world.enterprises)
    units = [naming.unit(u, world.units) for u in with_units]
    with ledger.lock():
        vid = new_visit_id(day, set(visit_ids(ledger)))
        body = {"id": vid, "date": day, "leader": lid, "enterprise": code, "with": units, "note": note, "by": by}
        ledger.create(f"{VISITS_DIR}/{day.year}/{vid}.yaml", {k: v for k, v in body.items() if v not in (None, "", [])})
    return vid, {**body, "enterprise_name": world.enterprises[code].get("name", ""),
                 "leader_name": f"{world.leaders[lid].get('title', '')}{world.leaders[lid].get('name', '')}"}


def visit_ids(ledger: Ledger) -> list[str]:
    return [r.rsplit("/", 1)[1][:-5] for r in ledger.visit_files()]


def visit_rel(ledger: Ledger, given: str) -> str:
    """The file of a visit given by its id or a unique prefix (found by listing: the year folder
    is the visit's own)."""
    files = {r.rsplit("/", 1)[1][:-5]: r for r in ledger.visit_files()}
    return files[resolve(given, list(files), "领导走访")]


def find_visit(ledger: Ledger, given: str) -> dict:
    """A visit by its id or a unique prefix, as data."""
    return loader.read(ledger, visit_rel(ledger, given))
