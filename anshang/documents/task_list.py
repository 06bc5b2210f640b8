"""Action-plan tasks and research topics as people read them: a listing on screen, JSON, and the
yearly responsibility list of one unit (责任清单, a print-ready workbook)."""

from __future__ import annotations

import datetime as dt

from anshang.core import lifecycle, supervision
from anshang.core.dates import cn_date, maybe_date
from anshang.core.labels import DEADLINE_KINDS, LEVELS, PARTS, STATUS, label
from anshang.documents.names import unit_name, unit_names
from anshang.documents.sheets import Col, Table, Tentative, book_bytes

TASK_COLS = [Col("序号", "int"), Col("编号", most=12, least=12), Col("工作任务", most=36), Col("牵头单位", most=16),
             Col("配合单位", most=22), Col("完成时限", most=12), Col("下一项报送", most=10), Col("截止日期", "date"),
             Col("状态", most=8), Col("提醒", most=10)]


def _next(item, co_reports):
    obs = sorted(lifecycle.open_obligations(item, co_reports), key=lambda o: (o.due, o.part != "lead"))
    return obs[0] if obs else None


def task_rows(world, cal, today: dt.date, policy, unit: str | None = None, plan: str | None = None,
              year: int | None = None) -> list[dict]:
    """Tasks in plan and number order, with their next report, status and supervision level."""
    rows = []
    for t in sorted(world.tasks.values(), key=lambda t: (str(t.get("plan", "")), str(t.get("number") or 0).zfill(4))):
        lead, co = lifecycle.units_of(t)
        if unit and unit not in (lead, *co):
            continue
        if plan and t.get("plan") != plan:
            continue
        if year is not None and not _in_year(t, year):
            continue
        obs = lifecycle.obligations(t, policy.co_unit_reports)
        nxt = _next(t, policy.co_unit_reports)
        open_obs = [o for o in obs if o.met is None]
        lv = supervision.item_level(t, open_obs, cal, today, policy)
        rows.append({"id": t["id"], "plan": t.get("plan"), "number": t.get("number"), "title": t.get("title", ""),
                     "lead_unit": lead, "co_units": co, "limit": t.get("limit", ""),
                     "part": "lead" if unit in (None, lead) else "co",
                     "next_kind": nxt.kind if nxt else None, "next_due": nxt.due.isoformat() if nxt else None,
                     "provisional": bool(nxt and nxt.provisional),
                     "status": lifecycle.status(t, today, obs), "level": lv})
    return rows


def _in_year(t: dict, year: int) -> bool:
    """On the year's responsibility list: assigned by the end of the year and not finished before
    it began (a task due next year is on this year's list too; one finished last year is not)."""
    from anshang.core.dates import maybe_date

    start = maybe_date(t.get("assigned"))
    ended = lifecycle.closed_on(t) or lifecycle.withdrawn_on(t)
    return (start is None or start.year <= year) and (ended is None or ended.year >= year)


def task_text(rows, world, today: dt.date) -> str:
    if not rows:
        return "没有符合条件的工作任务（导入责任清单：anshang task import 清单.xlsx）\n"
    lines = [f"工作任务 {len(rows)} 项（截至{cn_date(today)}）"]
    for r in rows:
        co = unit_names(world.units, r["co_units"])
        nxt = (f"{DEADLINE_KINDS[r['next_kind']]} {r['next_due']}{'（暂定）' if r['provisional'] else ''}"
               if r["next_kind"] else "—")
        lv = f" 【{LEVELS[r['level']]}】" if r["level"] else ""
        lines.append(f"{r['id']} {r['title']}")
        lines.append(f"    牵头：{unit_name(world.units, r['lead_unit'])}  配合：{co or '—'}  时限：{r['limit'] or '—'}"
                     f"  下一项：{nxt}  状态：{label(STATUS, r['status'])}{lv}")
    return "\n".join(lines) + "\n"


def task_table(rows, world, settings, today: dt.date, unit: str | None, year: int | None) -> Table:
    who = unit_name(world.units, unit) if unit else ""
    if who.startswith("市"):  # 市财政局 → 北岚市财政局
        who = settings.city + who[1:]
    title = f"{who or settings.city}{f'{year}年度' if year else ''}优化营商环境工作任务责任清单"
    out, tones = [], []
    cols = TASK_COLS if not unit else TASK_COLS[:3] + [Col("本单位", most=6)] + TASK_COLS[3:]
    for r in rows:
        due = maybe_date(r["next_due"])
        role = [PARTS[r["part"]]] if unit else []
        out.append([r["number"], r["id"], r["title"], *role, unit_name(world.units, r["lead_unit"]),
                    unit_names(world.units, r["co_units"]), r["limit"],
                    DEADLINE_KINDS.get(r["next_kind"], "") if r["next_kind"] else "",
                    (Tentative(due) if r["provisional"] else due) if due else None,
                    label(STATUS, r["status"]), LEVELS.get(r["level"], "") if r["level"] else
                    ("已办结" if r["status"] == "closed" else "")])
        tones.append(r["level"] or ("closed" if r["status"] == "closed" else ""))
    notes = [("“本单位”一栏注明本单位牵头还是配合；" if unit else "") +
             "提醒：预警（黄）、催办（橙）、督办（红）、挂牌督办（深红）、已办结（灰）。"]
    return Table("责任清单", title, settings.office, today, cols, out, tones=tones, notes=notes)


def task_report(ledger, settings, cal, today: dt.date, unit: str | None, plan: str | None, year: int | None, to=None):
    """(text, rows, path written or None)."""
    from anshang.core import naming
    from anshang.store import loader, outputs

    world = loader.load_as_of(ledger, today, cal)
    if unit is not None:
        unit = naming.unit(unit, world.units)
    if plan is not None and plan not in world.plans:
        from anshang.core.problems import AnshangError

        raise AnshangError(f"没有编号为 {plan!r} 的行动方案（已有：{'、'.join(sorted(world.plans)) or '无'}）")
    rows = task_rows(world, cal, today, settings.policy, unit, plan, year)
    path = None
    if to is not None:
        t = task_table(rows, world, settings, today, unit, year)
        path = outputs.write_file(to, book_bytes([t], t.title), (".xlsx",))
    return task_text(rows, world, today), rows, path


def topic_rows(world, cal, today: dt.date, policy) -> list[dict]:
    rows = []
    for t in sorted(world.topics.values(), key=lambda t: (str(t.get("opened")), t["id"])):
        lead, co = lifecycle.units_of(t)
        obs = lifecycle.obligations(t, policy.co_unit_reports)
        d = lifecycle.stored_deadline(t, "result")
        po = t.get("policy_outcome") or {}
        rows.append({"id": t["id"], "title": t.get("title", ""), "opened": str(t.get("opened")), "lead_unit": lead,
                     "co_units": co, "cases": list(t.get("cases") or []), "group": t.get("group", ""),
                     "due": d.due.isoformat() if d else None, "status": lifecycle.status(t, today, obs),
                     "level": supervision.item_level(t, [o for o in obs if o.met is None], cal, today, policy),
                     "outcome": po.get("document"), "outcome_date": str(po["date"]) if po.get("date") else None})
    return rows


def topic_text(rows, world) -> str:
    if not rows:
        return "还没有专题调研（立项：anshang topic new --group 组号 --title 题目 --lead 单位）\n"
    lines = [f"专题调研 {len(rows)} 项"]
    for r in rows:
        done = f"  成果：{r['outcome']}（{r['outcome_date']}）" if r["outcome"] else ""
        lv = f" 【{LEVELS[r['level']]}】" if r["level"] else ""
        lines.append(f"{r['id']} {r['title']}  牵头：{unit_name(world.units, r['lead_unit'])}  完成期限：{r['due'] or '—'}"
                     f"  状态：{_topic_status(r['status'])}{lv}{done}")
        lines.append(f"    关联诉求 {len(r['cases'])} 件：{'、'.join(r['cases'])}")
    return "\n".join(lines) + "\n"


def topic_report(ledger, settings, cal, today: dt.date):
    from anshang.store import loader

    world = loader.load_as_of(ledger, today, cal)
    rows = topic_rows(world, cal, today, settings.policy)
    return topic_text(rows, world), rows


TOPIC_COLS = [Col("编号", most=16, least=16), Col("调研题目", most=30), Col("立项日期", "date"), Col("牵头单位", most=16),
              Col("关联诉求", "int"), Col("完成期限", "date"), Col("制度性成果", most=30), Col("状态", most=8),
              Col("提醒", most=8)]


def _topic_status(st: str) -> str:
    return "已结题" if st == "closed" else label(STATUS, st)


def topic_table(rows, world, settings, today: dt.date) -> Table:
    out, tones = [], []
    for r in rows:
        done = f"{r['outcome']}（{r['outcome_date']}）" if r["outcome"] else ""
        out.append([r["id"], r["title"], maybe_date(r["opened"]), unit_name(world.units, r["lead_unit"]), len(r["cases"]),
                    maybe_date(r["due"]), done, _topic_status(r["status"]),
                    LEVELS.get(r["level"], "") if r["level"] else ("已办结" if r["status"] == "closed" else "")])
        tones.append(r["level"] or ("closed" if r["status"] == "closed" else ""))
    return Table("专题调研", f"{settings.city}共性问题专题调研", settings.office, today, TOPIC_COLS, out, tones=tones)
