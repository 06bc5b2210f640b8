"""Leaders' visits for people: the list of a year and each leader's count against the target."""

from __future__ import annotations

import datetime as dt

from anshang.core.visits import visit_figures
from anshang.documents.names import leader_name, unit_names


def visit_report(ledger, settings, today: dt.date, year: int | None, leader: str | None) -> tuple[str, dict]:
    from anshang.core.naming import leader as leader_id
    from anshang.store import loader

    world = loader.load_as_of(ledger, today)
    y = year or today.year
    if not 1900 <= y <= 2200:
        from anshang.core.problems import AnshangError

        raise AnshangError(f"--year {y} 不是有效的年份（写四位年份，如 2026）")
    lid = leader_id(leader, world.leaders) if leader else None
    start, end = dt.date(y, 1, 1), min(dt.date(y, 12, 31), today)
    rows = [v for v in sorted(world.visits.values(), key=lambda v: (str(v.get("date")), v["id"]))
            if str(v.get("date", ""))[:4] == str(y) and (lid is None or v.get("leader") == lid)]
    figs = visit_figures(world.visits, world.leaders, start, end, settings.policy.visits_per_leader_year)
    if lid is not None:
        figs = {lid: figs.get(lid, {"visits": 0, "enterprises": 0, "target": None, "met": None})}
    lines = [f"{y} 年领导走访企业 {len(rows)} 家次（截至{end.isoformat()}）"]
    for v in rows:
        ent = (world.enterprises.get(v.get("enterprise")) or {}).get("name") or v.get("enterprise")
        raised = sorted(c["id"] for c in world.cases.values() if c.get("visit") == v["id"])
        extra = (f"  陪同：{unit_names(world.units, v.get('with'))}" if v.get("with") else "") + (
            f"  提出诉求：{'、'.join(raised)}" if raised else "")
        lines.append(f"  {v['id']}  {v['date']}  {leader_name(world.leaders.get(v.get('leader')), v.get('leader', ''))}"
                     f"  {ent}{extra}")
    lines.append("各位领导：")
    for k, f in figs.items():
        goal = f"，年度目标 {f['target']} 家次（{'已完成' if f['met'] else '未完成'}）" if f["target"] else ""
        lines.append(f"  {leader_name(world.leaders.get(k), k)}  {f['visits']} 家次，{f['enterprises']} 家企业{goal}")
    data = {"visits": [{**v, "date": str(v.get("date")),
                        "cases": sorted(c["id"] for c in world.cases.values() if c.get("visit") == v["id"])}
                       for v in rows],
            "by_leader": figs}
    return "\n".join(lines) + "\n", data
