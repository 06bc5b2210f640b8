"""What falls due: every unit's open parts due within the warning window or already overdue,
grouped by unit, overdue counted in working days."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from anshang.core import lifecycle
from anshang.core.dates import cn_date
from anshang.core.labels import DEADLINE_KINDS, PARTS
from anshang.core.obligations import falling_due, overdue, packed, unpacked
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
    return falling(owed(world, co_reports), cal, today, within, unit)


def owed(world, co_reports: str = "lead") -> list:
    """Every open part of every tracked item of a snapshot."""
    return [o for c in world.tracked() for o in lifecycle.open_obligations(c, co_reports)]


def falling(obs: list, cal, today: dt.date, within: int, unit: str | None = None) -> DueList:
    items, guessed = falling_due(obs, cal, today, within, unit)
    return DueList(today, within, items, guessed)


def as_json(d: DueList, cal) -> list[dict]:
    return [ob.as_dict(cal, d.today) for ob in d.items]


def as_text(d: DueList, units: dict, titles: dict, cal) -> str:
    """The list for the terminal; ``titles``: the items' titles by id."""
    late = d.late()
    lines = [f"截至{cn_date(d.today, weekday=True)}：超期 {len(late)} 项，{d.within} 个工作日内到期 "
             f"{len(d.items) - len(late)} 项" + ("（暂定：预警范围跨入节假日安排未知的年份，按仅周末休息计算）"
                                                 if d.guessed else "")]
    current = None
    for ob in d.items:
        if ob.unit != current:
            current = ob.unit
            lines.append(f"{unit_name(units, ob.unit)}（{ob.unit}）")
        late_by, provisional = overdue(ob, cal, d.today)
        state = (f"超期 {late_by} 个工作日{'（暂定）' if provisional else ''}" if ob.due < d.today
                 else ("今天到期" if ob.due == d.today else "即将到期"))
        title = titles.get(ob.id, "")
        part = f"（{PARTS['co']}）" if ob.part == "co" else ""
        lines.append(f"  {ob.id} {DEADLINE_KINDS[ob.kind]}{part} 截止 {ob.due.isoformat()}"
                     f"{'（暂定）' if ob.provisional else ''} {state} — {title}")
    return "\n".join(lines) + "\n"


INDEX = "due-6"  # the read index of what the list needs of each tracked item (a new name when that changes)


def owing(kind: str, items: dict):
    """What the list needs of one item (``loader.items_as_of``): its title, and its open parts packed
    under each co-unit rule (``items``: the item under each), or None when it owes nothing."""
    packs = {mode: packed(lifecycle.open_obligations(item, mode)) for mode, item in items.items()}
    return next(iter(items.values())).get("title", ""), packs if any(packs.values()) else None


def _from_index(ledger, cal, today: dt.date, co_reports: str):
    """(units, open parts, titles) as ``owed`` gives them for the snapshot of ``today``, from the read
    index; None when it cannot answer (a file with a problem)."""
    from anshang.store import loader

    found = loader.indexed_as_of(ledger, INDEX, cal, today, co_reports, owing, {"units"})
    if found is None:
        return None
    world, items = found
    obs: list = []
    titles: dict = {}
    for table in items.values():
        for iid, (title, packs) in table.items():
            if packs is not None:
                obs += unpacked(iid, packs[co_reports])
            titles.setdefault(iid, title)  # (an id in two tables: the first one's, as ``World.item`` finds it)
    return world.units, obs, titles


def due_report(ledger, settings, cal, today: dt.date, within: int | None, unit: str | None):
    """What falls due on the whole ledger; returns (DueList, units, titles) for printing."""
    from anshang.core import naming
    from anshang.store import loader

    co_reports = settings.policy.co_unit_reports
    found = _from_index(ledger, cal, today, co_reports)
    if found is None:  # stops with the problems listed, as every read of the whole ledger does
        world = loader.load_as_of(ledger, today, cal, DUE_KINDS)
        found = world.units, owed(world, co_reports), {}
        for item in world.tracked():
            found[2].setdefault(item["id"], item.get("title", ""))
    units, obs, titles = found
    if unit is not None:
        unit = naming.unit(unit, units)
    n = settings.policy.warning_workdays if within is None else within
    return falling(obs, cal, today, n, unit), units, titles
