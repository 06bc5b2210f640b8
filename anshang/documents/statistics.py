"""Statistics for the terminal (``anshang stats``): overall, by unit (lead and co-unit parts), by
receiving leader and by field."""

from __future__ import annotations

import datetime as dt

from anshang.core.figures import statistics
from anshang.documents.names import leader_name, unit_name


def stats(ledger, settings, today: dt.date, year: int | None = None) -> tuple[dict, str]:
    """The figures as data, and as text."""
    from anshang.store import loader

    world = loader.load_as_of(ledger, today)
    result = statistics(world, today, year, co_reports=settings.policy.co_unit_reports)

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
    return result, text
