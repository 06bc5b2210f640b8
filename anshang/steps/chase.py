"""Chasing (催办) and supervision (督办): a notice to every unit with an overdue part, a list of
those overdue beyond the threshold, and each chase noted in its case."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from anshang.core.obligations import overdue_workdays
from anshang.documents.chase import chase_notice, supervision_list
from anshang.documents.due_list import due_list
from anshang.steps.handling import record_chases
from anshang.store import loader, outputs


@dataclass
class ChaseResult:
    notices: list = field(default_factory=list)  # (path, number of items)
    supervision: tuple | None = None  # (path, number of items)
    late: int = 0
    recorded: int = 0


def chase(ledger, settings, cal, today: dt.date, folder: Path | None, record: bool, by: str) -> ChaseResult:
    """Under the write lock from the start: if another writer holds it, nothing is written (no
    notice goes out that the ledger did not record)."""
    with ledger.lock():
        return _chase(ledger, settings, cal, today, folder, record, by)


def _chase(ledger, settings, cal, today, folder, record, by) -> ChaseResult:
    world = loader.load(ledger)
    policy = settings.policy
    late = due_list(world, cal, today, 0, co_reports=policy.co_unit_reports).late()
    folder = folder or ledger.output_dir
    result = ChaseResult(late=len(late))
    by_unit: dict = {}
    for ob in late:
        by_unit.setdefault(ob.unit, []).append(ob)
    flagged = [o for o in late if overdue_workdays(o, cal, today) > policy.supervise_after_workdays]
    for unit, obs in sorted(by_unit.items()):
        name = outputs.safe_filename(f"催办通知-{today.isoformat()}-{unit}") + ".md"
        path = outputs.write(folder, name, chase_notice(unit, obs, world, cal, today, settings))
        result.notices.append((path, len(obs)))
    if flagged:
        path = outputs.write(folder, f"督办清单-{today.isoformat()}.md",
                             supervision_list(flagged, world, cal, today, settings))
        result.supervision = (path, len(flagged))
    if record and late:
        result.recorded = record_chases(ledger, late, flagged, today, by, policy.co_unit_reports)
    return result
