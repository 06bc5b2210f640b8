"""What falls due: every unit's open parts due within the warning window or already overdue,
grouped by unit, overdue counted in working days."""

from __future__ import annotations

import datetime as dt
import marshal
from dataclasses import dataclass, field

from anshang.core import lifecycle
from anshang.core.dates import cn_date, maybe_date
from anshang.core.labels import CO_UNIT_REPORTS, DEADLINE_KINDS, PARTS
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


INDEX = "due-4"  # the read index of what the list needs of each tracked file (a new name when that changes)
EARLIER = 3  # the item's last days before its last one that its entry keeps the open parts of


def _owing(item: dict) -> tuple:
    """(title, open parts packed under each co-unit rule), or (None, None) when it owes nothing."""
    packs = {mode: packed(lifecycle.open_obligations(item, mode)) for mode in CO_UNIT_REPORTS}
    return (item.get("title", ""), packs) if any(packs.values()) else (None, None)


def due_entry(doc, cal):
    """What the list needs of one tracked file, for the read index (``Ledger.derived``): None when
    the file has a problem (the whole ledger is then read, which stops with every problem listed);
    ``()`` when it has no id (it is not an item, as in ``loader.load``); else (id, its last day,
    title and open parts as it stands, the same as it stood on each of its ``EARLIER`` days
    before: (day, whether registered by then, title, open parts), and its registration day). Between two of an item's days
    it stands the same (``core.snapshot.item_days``), so any ``--date`` from the earliest of them on
    is answered from the entry. ``cal`` replays the deadlines (the index is kept per calendar)."""
    from anshang.core.snapshot import case_as_of, item_days

    data = doc.data
    if not isinstance(data, dict) or any(sev == "error" for _, sev, _ in doc.schema or ()):
        return None
    if not data.get("id"):
        return ()
    try:
        earlier = []
        for day in sorted({d for d in item_days(data) if d.isoformat() < (doc.settled or "")}, reverse=True)[:EARLIER]:
            then = {mode: case_as_of(data, day, cal, mode) for mode in CO_UNIT_REPORTS}
            if then["lead"] is None:
                earlier.append((day.isoformat(), False, None, None))
                continue
            packs = {mode: packed(lifecycle.open_obligations(then[mode], mode)) for mode in CO_UNIT_REPORTS}
            earlier.append((day.isoformat(), True, then["lead"].get("title", ""), packs if any(packs.values()) else None))
        born = maybe_date(data.get("registered") or data.get("assigned") or data.get("opened"))
        # (kept as one marshal string: only a --date before the item's last day unpacks it)
        return (data["id"], doc.settled, *_owing(data), marshal.dumps(tuple(earlier)) if earlier else None,
                born and born.isoformat())
    except Exception:  # a value the engine cannot use: the whole ledger is read, as before the index
        return None


def _from_index(ledger, cal, today: dt.date, co_reports: str):
    """(units, open parts, titles) as ``owed`` gives them for the snapshot of ``today``, from the
    read index: an item as its entry keeps it on the last of its days up to ``today``, an item
    changed more often since read and replayed (``core.snapshot``). None when a file has a problem."""
    from anshang.core.problems import ProblemsFound
    from anshang.core.snapshot import case_as_of
    from anshang.store import loader
    from anshang.store.folder import TRACKED

    loose = cal.lenient()
    tables: dict = {kind: {} for kind in ("case", "task", "topic", "project")}  # world.tracked()'s order
    for kind, rel, entry in ledger.derived(INDEX, TRACKED, lambda doc: due_entry(doc, loose), loose.digest()):
        if entry is None:
            return None
        if entry:
            tables[kind][entry[0]] = (rel, entry)  # (a repeated id: the later file, as in loader.load)
    try:
        units = loader.load(ledger, {"units"}).units
    except ProblemsFound:
        return None
    iso = today.isoformat()
    obs: list = []
    titles: dict = {}
    for table in tables.values():
        for iid, (rel, (_, settled, title, packs, earlier, born)) in table.items():
            if settled is not None and settled <= iso:
                found = (True, title, packs)
            elif born is not None and born > iso:
                continue  # not registered yet (as ``case_as_of`` says)
            else:
                before = marshal.loads(earlier) if earlier else ()
                found = next(((present, t, p) for day, present, t, p in before if day <= iso), None)
            if found is None:  # before the entry's earliest day: read and replayed
                item = case_as_of(loader.read(ledger, rel), today, loose, co_reports)
                if item is not None:
                    obs += lifecycle.open_obligations(item, co_reports)
                    titles[iid] = item.get("title", "")
            elif found[0] and found[2] is not None:
                obs += unpacked(iid, found[2][co_reports])
                titles[iid] = found[1]
    return units, obs, titles


def due_report(ledger, settings, cal, today: dt.date, within: int | None, unit: str | None):
    """What falls due on the whole ledger; returns (DueList, units, titles) for printing."""
    from anshang.core import naming
    from anshang.store import loader

    co_reports = settings.policy.co_unit_reports
    found = _from_index(ledger, cal, today, co_reports)
    if found is None:  # stops with the problems listed, as every read of the whole ledger does
        world = loader.load_as_of(ledger, today, cal, DUE_KINDS)
        found = world.units, owed(world, co_reports), {i["id"]: i.get("title", "") for i in world.tracked()}
    units, obs, titles = found
    if unit is not None:
        unit = naming.unit(unit, units)
    n = settings.policy.warning_workdays if within is None else within
    return falling(obs, cal, today, n, unit), units, titles
