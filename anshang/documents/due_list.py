"""What falls due: every unit's open parts due within the warning window or already overdue,
grouped by unit, overdue counted in working days."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from anshang.core import lifecycle
from anshang.core.dates import cn_date
from anshang.core.labels import DEADLINE_KINDS, PARTS
from anshang.core.obligations import falling_due, overdue
from anshang.documents.names import unit_name

# what the list reads: the items that owe reports, and the units (enterprises, sessions and
# records play no part, and at scale are most of the ledger)
DUE_KINDS = frozenset({"case", "task", "topic", "project", "units"})


@dataclass
class DueList:
    today: dt.date
    within: int
    items: list = field(default_factory=list)
    guessed: bool = False  # the warning window reaches a year whose holidays are unknown (暂定)

    def late(self) -> list:
        return [o for o in self.items if o.due < self.today]


def due_list(world, cal, today: dt.date, within: int, unit: str | None = None, co_reports: str = "lead") -> DueList:
    obs = [o for c in world.tracked() for o in lifecycle.open_obligations(c, co_reports)]
    items, guessed = falling_due(obs, cal, today, within, unit)
    return DueList(today, within, items, guessed)


def as_json(d: DueList, cal) -> list[dict]:
    return [ob.as_dict(cal, d.today) for ob in d.items]


def as_text(d: DueList, world, cal) -> str:
    late = d.late()
    lines = [f"截至{cn_date(d.today, weekday=True)}：超期 {len(late)} 项，{d.within} 个工作日内到期 "
             f"{len(d.items) - len(late)} 项" + ("（暂定：预警范围跨入节假日安排未知的年份，按仅周末休息计算）"
                                                 if d.guessed else "")]
    current = None
    for ob in d.items:
        if ob.unit != current:
            current = ob.unit
            lines.append(f"{unit_name(world.units, ob.unit)}（{ob.unit}）")
        late_by, provisional = overdue(ob, cal, d.today)
        state = (f"超期 {late_by} 个工作日{'（暂定）' if provisional else ''}" if ob.due < d.today
                 else ("今天到期" if ob.due == d.today else "即将到期"))
        title = world.item(ob.id).get("title", "")
        part = f"（{PARTS['co']}）" if ob.part == "co" else ""
        lines.append(f"  {ob.id} {DEADLINE_KINDS[ob.kind]}{part} 截止 {ob.due.isoformat()}"
                     f"{'（暂定）' if ob.provisional else ''} {state} — {title}")
    return "\n".join(lines) + "\n"


def due_report(ledger, settings, cal, today: dt.date, within: int | None, unit: str | None):
    """What falls due on the whole ledger; returns (DueList, world) for printing."""
    from anshang.core import naming
    from anshang.store import loader

    world = loader.load_as_of(ledger, today, cal, DUE_KINDS)
    if unit is not None:
        unit = naming.unit(unit, world.units)
    n = settings.policy.warning_workdays if within is None else within
    return due_list(world, cal, today, n, unit, settings.policy.co_unit_reports), world
