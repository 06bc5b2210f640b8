"""Chasing (催办) and supervision (督办): a notice to every unit with an overdue part, a list of
those overdue beyond the threshold, and each chase noted in its case."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from anshang.core.obligations import overdue_workdays
from anshang.documents import official
from anshang.documents.chase import (
    chase_notice,
    chase_values,
    list_values,
    supervision_list,
)
from anshang.documents.due_list import due_list
from anshang.documents.names import unit_name
from anshang.steps.handling import record_chases
from anshang.store import loader, outputs


@dataclass
class ChaseResult:
    notices: list = field(default_factory=list)  # (path, number of items)
    supervision: tuple | None = None  # the list: (path, number of items)
    supervision_notices: list = field(default_factory=list)  # (path, number of items)
    late: int = 0
    recorded: int = 0


def chase(ledger, settings, cal, today: dt.date, folder: Path | None, record: bool, by: str,
          fmt: str = "docx") -> ChaseResult:
    """Under the write lock from the start: if another writer holds it, nothing is written (no
    notice goes out that the ledger did not record). ``fmt``: docx (Word) or md (Markdown)."""
    with ledger.lock():
        return _chase(ledger, settings, cal, today, folder, record, by, fmt)


def _chase(ledger, settings, cal, today, folder, record, by, fmt) -> ChaseResult:
    world = loader.load(ledger)
    policy = settings.policy
    late = due_list(world, cal, today, 0, co_reports=policy.co_unit_reports).late()
    folder = folder or ledger.output_dir
    result = ChaseResult(late=len(late))
    by_unit: dict = {}
    for ob in late:
        by_unit.setdefault(ob.unit, []).append(ob)
    flagged = [o for o in late if overdue_workdays(o, cal, today) > policy.supervise_after_workdays]
    flagged_by_unit: dict = {}
    for ob in flagged:
        flagged_by_unit.setdefault(ob.unit, []).append(ob)
    day = today.isoformat()
    files = []  # (name, data, what, number of items): all made before the first is written

    shown = {u: outputs.name_part(unit_name(world.units, u)) for u in by_unit}
    twice = {n for n in shown.values() if list(shown.values()).count(n) > 1}

    def named(kind, unit):
        who = shown[unit] + (f"-{unit}" if shown[unit] in twice else "")  # two units of one name
        return outputs.safe_filename(f"{kind}-{who}-{day}", 200)

    if fmt == "md":
        for unit, obs in sorted(by_unit.items()):
            files.append((named("催办通知", unit) + ".md", chase_notice(unit, obs, world, cal, today, settings),
                          "notice", len(obs)))
        if flagged:
            files.append((f"督办清单-{day}.md", supervision_list(flagged, world, cal, today, settings), "list",
                          len(flagged)))
    else:
        for unit, obs in sorted(by_unit.items()):
            files.append((named("催办通知", unit) + ".docx",
                          _docx(ledger, "chase.docx", chase_values(unit, obs, world, cal, today, settings)),
                          "notice", len(obs)))
        for unit, obs in sorted(flagged_by_unit.items()):
            files.append((named("督办通知", unit) + ".docx",
                          _docx(ledger, "supervision.docx", chase_values(unit, obs, world, cal, today, settings)),
                          "supervision", len(obs)))
        if flagged:
            files.append((f"督办清单-{day}.docx",
                          _docx(ledger, "supervision_list.docx", list_values(flagged, world, cal, today, settings)),
                          "list", len(flagged)))
    for name, data, what, n in files:
        path = outputs.write(folder, name, data)
        if what == "notice":
            result.notices.append((path, n))
        elif what == "supervision":
            result.supervision_notices.append((path, n))
        else:
            result.supervision = (path, n)
    if record and late:
        result.recorded = record_chases(ledger, late, flagged, today, by, policy.co_unit_reports)
    return result


def _docx(ledger, name: str, values: dict) -> bytes:
    path, shown = official.template(ledger, name)
    return official.render(path, shown, values)
