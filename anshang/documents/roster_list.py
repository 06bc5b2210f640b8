"""The roster for people: one enterprise's record, and the list (on screen or as a workbook)."""

from __future__ import annotations

import re

from anshang.core import uscc as usccmod
from anshang.core.labels import CATEGORIES
from anshang.core.problems import AnshangError
from anshang.documents.sheets import Col, Table, book_bytes

COLS = [Col("统一社会信用代码", least=20), Col("企业名称", most=36), Col("属地", most=14), Col("企业类型", most=30),
        Col("纳入调度年度", most=20)]


def enterprises(ledger) -> list[dict]:
    from anshang.store import loader

    return list(loader.load(ledger, {"enterprise"}).enterprises.values())


def categories(ent: dict) -> str:
    return "、".join(CATEGORIES.get(c, c) for c in ent.get("categories") or []) or "—"


def matches(ent: dict, query: str) -> bool:
    q = query.strip()
    return ent.get("uscc", "").startswith(usccmod.normalize(q)) if re.fullmatch(r"[0-9A-Za-z]{4,18}", q) \
        else q in str(ent.get("name", ""))


def show(ledger, query: str, today=None) -> str:
    """Every enterprise whose code starts with, or whose name contains, ``query``, with its whole
    story: demands (编号、登记日期、状态、事项), major projects, leaders' visits and the scores it gave
    in evaluations."""
    import datetime as dt

    from anshang.core import lifecycle
    from anshang.core.labels import STATUS
    from anshang.store import loader

    day = today or dt.date.today()
    # as the ledger stood at the end of the day: a project's stage then, the visits and scores made by then
    world = loader.load_as_of(ledger, day, kinds={"enterprise", "case", "visit", "leaders", "project", "evaluation", "units"})
    hits = [e for e in world.enterprises.values() if matches(e, query)]
    if not hits:
        raise AnshangError(f"名录中没有与 {query!r} 相符的企业")
    out = []
    for e in sorted(hits, key=lambda x: x.get("uscc", "")):
        years = "、".join(str(y) for y in e.get("dispatch_years") or []) or "未纳入"
        lines = [f"{e.get('name')}", f"  统一社会信用代码：{e.get('uscc')}", f"  属地：{e.get('district')}",
                 f"  企业类型：{categories(e)}", f"  纳入市政府调度年度：{years}"]
        for key, label in (("industry", "行业"), ("legal_rep", "法定代表人"), ("note", "备注")):
            if e.get(key):
                lines.append(f"  {label}：{e[key]}")
        for c in e.get("contacts") or []:
            lines.append("  联系人：" + "，".join(str(c[k]) for k in ("name", "role", "phone", "email") if c.get(k)))
        mine = sorted((c for c in world.cases.values() if c.get("enterprise") == e.get("uscc")), key=lambda c: c["id"])
        lines.append(f"  诉求：{len(mine)} 件" if mine else "  诉求：无")
        lines += [f"    {c['id']}  {c['registered']}  {STATUS[lifecycle.status(c, day)]}  {c.get('title', '')}"
                  + (f"（走访 {c['visit']} 中提出）" if c.get("visit") else "") for c in mine]
        from anshang.core.visits import of_enterprise
        from anshang.documents.names import leader_name

        seen = [v for v in of_enterprise(world.visits, e.get("uscc")) if str(v.get("date")) <= day.isoformat()]
        lines.append(f"  领导走访：{len(seen)} 次" if seen else "  领导走访：无")
        lines += [f"    {v['id']}  {v['date']}  {leader_name(world.leaders.get(v.get('leader')), v.get('leader', ''))}"
                  + (f"  {v['note']}" if v.get("note") else "") for v in seen]
        from anshang.core import projects as proj
        from anshang.core.labels import PROJECT_STAGES
        from anshang.documents.names import unit_name

        ps = [p for p in proj.of_enterprise(world.projects, e.get("uscc")) if str(p.get("assigned")) <= day.isoformat()]
        lines.append(f"  重大项目：{len(ps)} 个" if ps else "  重大项目：无")
        lines += [f"    {p['id']}  {p.get('title', '')}  {PROJECT_STAGES.get(p.get('stage'), '')}"
                  f"  挂点领导：{leader_name(world.leaders.get(p.get('leader')), p.get('leader', ''))}"
                  f"  承办：{unit_name(world.units, p.get('lead_unit'))}"
                  + ("  （已结束跟踪）" if lifecycle.is_closed(p) else "") for p in ps]
        given = [(ev, sc) for ev in sorted(world.evaluations.values(), key=lambda x: (str(x.get("date")), x["id"]))
                 if str(ev.get("date")) <= day.isoformat()
                 for sc in ev.get("scores") or [] if sc.get("enterprise") in (e.get("uscc"), e.get("name"))]
        lines.append(f"  企业评议：评分 {len(given)} 条" if given else "  企业评议：无")
        lines += [f"    {ev['id']}  {ev.get('date')}  {ev.get('title', '')}：{unit_name(world.units, sc.get('unit'))} {sc.get('score')} 分"
                  for ev, sc in given]
        out.append("\n".join(lines) + "\n")
    return "".join(out)


def rows(ledger, district=None, category=None, year=None, outside=False) -> list[list]:
    out = []
    for e in sorted(enterprises(ledger), key=lambda x: (x.get("district", ""), x.get("name", ""))):
        if district and e.get("district") != district:
            continue
        if category and category not in (e.get("categories") or []):
            continue
        if year is not None and (year in (e.get("dispatch_years") or [])) == outside:
            continue
        out.append([e.get("uscc", ""), e.get("name", ""), e.get("district", ""), categories(e),
                    "、".join(str(y) for y in e.get("dispatch_years") or []) or "—"])
    return out


def write(path, table: list[list], settings, today):
    """The list as a printable workbook at ``path``."""
    from anshang.store import outputs

    sheet = Table("企业名录", f"{settings.city}企业名录", settings.office, today, COLS, table,
                  notes=[f"共 {len(table)} 家企业。"])
    return outputs.write_file(path, book_bytes([sheet]), (".xlsx",))
