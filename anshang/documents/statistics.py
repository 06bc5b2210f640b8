"""Statistics for the terminal (``anshang stats``): overall, by unit (lead and co-unit parts), by
receiving leader and by field."""

from __future__ import annotations

import datetime as dt

from anshang.core.figures import packed_facts, statistics, unpacked_facts
from anshang.documents.names import leader_name, unit_name

# what the figures read: the demands, the sessions (their leaders), units, leaders and visits (the
# enterprises, at scale half the ledger, play no part)
STATS_KINDS = frozenset({"case", "session", "units", "leaders", "visit"})


INDEX = "stats-2"  # the read index of each demand's ``packed_facts`` (a new name when they change)


def _from_index(ledger, today: dt.date, co_reports: str):
    """(a snapshot without the demands, the demands' figure facts) from the read index; None when
    it cannot answer (a file with a problem)."""
    from anshang.store import loader

    found = loader.indexed_as_of(ledger, INDEX, loader.calendar(ledger, True), today, co_reports,
                                 lambda kind, items: packed_facts(items), STATS_KINDS - {"case"}, kinds={"case"})
    if found is None:
        return None
    world, items = found
    return world, [unpacked_facts(cid, value, co_reports) for cid, value in items["case"].items()]


def stats(ledger, settings, today: dt.date, year: int | None = None) -> tuple[dict, str]:
    """The figures as data, and as text."""
    from anshang.store import loader

    co_reports = settings.policy.co_unit_reports
    world, facts = _from_index(ledger, today, co_reports) or (loader.load_as_of(ledger, today, kinds=STATS_KINDS), None)
    result = statistics(world, today, year, co_reports=co_reports, facts=facts)
    from anshang.core.visits import visit_figures

    y = year or today.year  # leaders' visits in the year (to the day of the figures), against the yearly target
    y = min(max(y, dt.MINYEAR), dt.MAXYEAR)  # an absurd --year gives empty figures, as the rest do
    result["visits"] = visit_figures(world.visits, world.leaders, dt.date(y, 1, 1), min(dt.date(y, 12, 31), today),
                                     settings.policy.visits_per_leader_year)

    def pct(v):
        return "—" if v is None else f"{v * 100:.1f}%"

    def line(name, f, unit=False):
        parts = f"（牵头 {f['as_lead']}，配合 {f['as_co']}）" if unit else ""
        return (f"{name}\t登记 {f['registered']}\t受理 {f['accepted']}\t交办 {f['handed_over']}{parts}\t办结 {f['closed']}"
                f"\t办结率 {pct(f['closure_rate'])}\t按时报送率 {pct(f['on_time_rate'])}"
                f"\t满意率 {pct(f['satisfaction_rate'])}\t超期 {f['overdue']}"
                + ("\t（暂定：含按暂定日历计算的期限）" if f["provisional"] else "") + "\n")

    text = line("总体", result["overall"])
    for title, key, name in (("按承办单位", "by_unit", lambda k: unit_name(world.units, k)),
                             ("按接待领导", "by_leader", lambda k: leader_name(world.leaders.get(k), k)),
                             ("按领域", "by_field", lambda k: k)):
        text += f"{title}：\n"
        for k, f in result[key].items():
            text += "  " + line(name(k), f, key == "by_unit")
    text += f"领导走访企业（{y} 年）：\n"
    for k, v in result["visits"].items():
        goal = f"，年度目标 {v['target']} 家次{'，已完成' if v['met'] else '，未完成'}" if v["target"] else ""
        text += f"  {leader_name(world.leaders.get(k), k)}\t走访 {v['visits']} 家次（{v['enterprises']} 家企业）{goal}\n"
    return result, text
