"""Major projects as people read them: the list (screen, JSON, a sheet of the weekly ledger) and the
一企一表 workbook — one print-ready sheet per project with its facts, stage history, monthly
reports, quarterly reviews, open demands, the leader's visits and what it owes next."""

from __future__ import annotations

import datetime as dt

from anshang.core import lifecycle, projects, supervision
from anshang.core.dates import cn_date, maybe_date
from anshang.core.labels import DEADLINE_KINDS, LEVELS, PROJECT_STAGES, REVIEW_RESULTS, STATUS, label
from anshang.documents.names import enterprise_name, leader_name, unit_name, unit_names
from anshang.documents.sheets import Col, Table, Tentative, book_bytes

LIST_COLS = [Col("编号", most=16, least=16), Col("项目名称", most=30), Col("企业", most=26), Col("阶段", most=8),
             Col("挂点领导", most=12), Col("承办单位", most=16), Col("下一项报送", most=10), Col("截止日期", "date"),
             Col("状态", most=8), Col("提醒", most=8)]


def _status(st: str, p: dict) -> str:
    if st == "closed":
        return "已结束跟踪"
    return "跟踪服务中" if st == "ongoing" else label(STATUS, st)


def project_rows(world, cal, today: dt.date, policy, unit: str | None = None, leader: str | None = None) -> list[dict]:
    rows = []
    for p in sorted(world.projects.values(), key=lambda p: (str(p.get("assigned")), p["id"])):
        lead, co = lifecycle.units_of(p)
        if unit and unit not in (lead, *co):
            continue
        if leader and p.get("leader") != leader:
            continue
        obs = lifecycle.obligations(p, policy.co_unit_reports)
        open_obs = sorted((o for o in obs if o.met is None), key=lambda o: (o.due, o.part != "lead"))
        nxt = open_obs[0] if open_obs else None
        rows.append({"id": p["id"], "title": p.get("title", ""), "enterprise": p.get("enterprise"),
                     "enterprise_name": enterprise_name(p, world.enterprises), "stage": p.get("stage"),
                     "leader": p.get("leader"), "lead_unit": lead, "co_units": co, "assigned": str(p.get("assigned")),
                     "next_kind": nxt.kind if nxt else None, "next_due": nxt.due.isoformat() if nxt else None,
                     "provisional": bool(nxt and nxt.provisional), "status": lifecycle.status(p, today, obs),
                     "level": supervision.item_level(p, open_obs, cal, today, policy),
                     "reports": len(projects.reports(p)), "reviews": len(projects.reports(p, "review")),
                     "cases": sorted(c["id"] for c in world.cases.values() if c.get("project") == p["id"])})
    return rows


def project_text(rows, world) -> str:
    if not rows:
        return "还没有重大项目（添加：anshang project add --enterprise 企业 --name 项目名称 --stage 阶段 --lead 单位 --leader 领导）\n"
    lines = [f"重大项目 {len(rows)} 个"]
    for r in rows:
        nxt = (f"{DEADLINE_KINDS[r['next_kind']]} {r['next_due']}{'（暂定）' if r['provisional'] else ''}"
               if r["next_kind"] else "—")
        lv = f" 【{LEVELS[r['level']]}】" if r["level"] else ""
        lines.append(f"{r['id']} {r['title']}（{r['enterprise_name']}）")
        lines.append(f"    阶段：{label(PROJECT_STAGES, r['stage'])}  挂点领导：{leader_name(world.leaders.get(r['leader']), r['leader'] or '')}"
                     f"  承办：{unit_name(world.units, r['lead_unit'])}  月报 {r['reports']} 次、季审 {r['reviews']} 次"
                     f"  下一项：{nxt}  状态：{_status(r['status'], r)}{lv}")
    return "\n".join(lines) + "\n"


def project_table(rows, world, settings, today: dt.date) -> Table:
    out, tones = [], []
    for r in rows:
        due = maybe_date(r["next_due"])
        out.append([r["id"], r["title"], r["enterprise_name"], label(PROJECT_STAGES, r["stage"]),
                    leader_name(world.leaders.get(r["leader"]), r["leader"] or ""), unit_name(world.units, r["lead_unit"]),
                    DEADLINE_KINDS.get(r["next_kind"], "") if r["next_kind"] else "",
                    (Tentative(due) if r["provisional"] else due) if due else None, _status(r["status"], r),
                    LEVELS.get(r["level"], "") if r["level"] else ("已办结" if r["status"] == "closed" else "")])
        tones.append(r["level"] or ("closed" if r["status"] == "closed" else ""))
    limits = projects.rules(settings.policy)
    return Table("重大项目", f"{settings.city}重大项目跟踪服务", settings.office, today, LIST_COLS, out, tones=tones,
                 notes=[f"一月一报：{limits['periodic'].text()}报送；一季一审：{limits['review'].text()}完成上季度审核。"])


SHEET_COLS = [Col("栏目", most=10, least=10), Col("日期", "date"), Col("事项", most=24), Col("说明", most=44)]


def sheet_table(p: dict, world, settings, cal, today: dt.date) -> Table:
    """One project's 一企一表."""
    policy = settings.policy
    lead, co = lifecycle.units_of(p)
    ent = world.enterprises.get(p.get("enterprise")) or {}
    facts = [("项目名称", p.get("title", "")), ("企业", f"{ent.get('name', '')}（{p.get('enterprise', '')}）"),
             ("所在属地", ent.get("district", "")), ("当前阶段", label(PROJECT_STAGES, p.get("stage"))),
             ("挂点领导", leader_name(world.leaders.get(p.get("leader")), p.get("leader", ""))),
             ("承办单位", unit_name(world.units, lead)), ("联办单位", unit_names(world.units, co) or "—"),
             ("项目负责人", p.get("owner") or "—"), ("总投资", p.get("investment") or "—"),
             ("纳入跟踪", cn_date(maybe_date(p.get("assigned")))), ("备注", p.get("note") or "")]
    rows = [["基本情况", None, k, v] for k, v in facts if v not in (None, "")]
    for h in projects.stage_history(p):
        rows.append(["阶段变更", h["date"], label(PROJECT_STAGES, h["stage"]), h["note"]])
    for e in projects.reports(p):
        rows.append(["月度报送", maybe_date(e.get("date")), unit_name(world.units, e.get("unit") or lead), e.get("note") or ""])
    for e in projects.reports(p, "review"):
        rows.append(["季度审核", maybe_date(e.get("date")), label(REVIEW_RESULTS, e.get("conclusion"), "已审核"),
                     e.get("note") or ""])
    for e in lifecycle.events(p):
        if e.get("kind") in ("chase", "supervise"):
            rows.append(["催办督办", maybe_date(e.get("date")), label(LEVELS, e.get("level"), "催办"),
                         f"{unit_name(world.units, e.get('unit'))} {e.get('note') or ''}".strip()])
    linked = sorted((c for c in world.cases.values() if c.get("project") == p["id"]), key=lambda c: c["id"])
    for c in linked:
        st = lifecycle.status(c, today)
        rows.append(["企业诉求", maybe_date(c.get("registered")), c.get("title", ""), f"{c['id']}，{label(STATUS, st)}"])
    for v in sorted(world.visits.values(), key=lambda v: (str(v.get("date")), v["id"])):
        if v.get("enterprise") == p.get("enterprise") and v.get("leader") == p.get("leader"):
            rows.append(["领导走访", maybe_date(v.get("date")), leader_name(world.leaders.get(v.get("leader")), v.get("leader")),
                         v.get("note") or ""])
    for o in sorted(lifecycle.open_obligations(p, policy.co_unit_reports), key=lambda o: (o.due, o.kind)):
        rows.append(["待报送", Tentative(o.due) if o.provisional else o.due, DEADLINE_KINDS.get(o.kind, o.kind),
                     f"{unit_name(world.units, o.unit)}{'（已超期）' if o.is_late(today) else ''}"])
    limits = projects.rules(policy)
    return Table(p["id"], f"重大项目跟踪服务表（一企一表）：{p.get('title', '')}", settings.office, today, SHEET_COLS, rows,
                 notes=[f"一月一报：{limits['periodic'].text()}报送上月进展。", f"一季一审：{limits['review'].text()}完成上季度审核。",
                        "本表含项目负责人等信息，仅供内部使用，不对外公开。"])


def project_sheets(ledger, settings, cal, today: dt.date, only: list[str] | None, to=None):
    """(path written, ids) of the 一企一表 workbook: every project (or those in ``only``) as the
    ledger stood at the end of ``today``."""
    from anshang.core.problems import AnshangError
    from anshang.store import loader, outputs

    world = loader.load_as_of(ledger, today, cal)
    # a project named twice (or by two prefixes of one id) is one sheet
    ids = list(dict.fromkeys(only)) if only else sorted(world.projects, key=lambda i: (str(world.projects[i].get("assigned")), i))
    missing = [i for i in ids if i not in world.projects]
    if missing:
        raise AnshangError(f"{'、'.join(missing)} 在 {today.isoformat()} 还未纳入重大项目跟踪")
    if not ids:
        raise AnshangError("还没有重大项目（添加：anshang project add …）")
    tables = [sheet_table(world.projects[i], world, settings, cal, today) for i in ids]
    data = book_bytes(tables, f"{settings.city}重大项目一企一表")
    name = f"重大项目一企一表-{today.isoformat()}.xlsx"
    path = outputs.write_file(to, data, (".xlsx",)) if to is not None else outputs.write(ledger.output_dir, name, data)
    return path, ids
