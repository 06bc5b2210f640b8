"""Chase notices (催办通知) to units with overdue reports, supervision notices (督办通知) to units
overdue beyond the threshold, and the supervision list (督办清单) for the supervision office: Word
documents from templates (``official``), or Markdown. The time limits they state come from the
settings."""

from __future__ import annotations

import datetime as dt

from anshang.core.dates import cn_date
from anshang.core.labels import DEADLINE_KINDS, PARTS
from anshang.core.obligations import overdue
from anshang.documents import markdown
from anshang.documents.names import source_name, unit_name


def _overdue_table(first: str, items, world, cal, today, cell) -> list[str]:
    """A Markdown table of overdue reports; ``cell(ob, case)`` gives the second column. Every cell
    goes through ``markdown.cell``, so titles and names cannot break the table or carry HTML."""
    lines = [f"| 编号 | {first} | 事项 | 应报送 | 承办角色 | 截止日期 | 已超期（工作日） |",
             "|---|---|---|---|---|---|---|"]
    for ob in items:
        case = world.item(ob.id)
        late, guessed = overdue(ob, cal, today)
        lines.append(markdown.row([ob.id, cell(ob, case), case.get("title", ""), DEADLINE_KINDS[ob.kind],
                                   PARTS[ob.part], cn_date(ob.due) + ("（暂定）" if ob.provisional else ""),
                                   "—" if ob.due >= today else (f"{late}（暂定）" if guessed else late)]))
    return lines


def limits_text(items, world, settings) -> str:
    """The time limits a notice states: the reception day's rule (交办后 7 个工作日内…) when every
    item listed is a demand handed over under it; otherwise (tasks, topics, a channel's own rules)
    that each item has its own limit, shown in the table."""
    limits = settings.policy.limits
    default = {"progress": limits.progress, "result": limits.result}
    if items and all(o.id in world.cases and settings.channel_rule(world.cases[o.id].get("channel")).obligations == default
                     for o in items):
        return limits.handover_sentence()
    return "各事项按交办时或行动方案明确的时限报送，截止日期见下表"


def chase_notice(unit: str, items, world, cal, today: dt.date, settings, level: str = "chase") -> str:
    """One 催办通知 (or 预警提醒, 督办通知) for one unit listing its reports at that level."""
    limits = settings.policy.limits
    title = {"warning": "预警提醒", "chase": "催办通知", "supervise": "督办通知"}[level]
    ask = {"warning": f"下列事项将于 {limits.warning_workdays} 个工作日内到期，请按时报送；"
                      "确有困难需要延期的，请在期限届满前书面说明理由。",
           "chase": f"下列事项已超过报送时限，请于收到本通知后 {limits.chase_reply.spoken()}内报送；"
                    "确有困难需要延期的，请书面说明理由。",
           "supervise": f"下列事项已超过报送时限 {limits.supervise_after_workdays} 个工作日以上仍未报送，"
                        f"由{settings.office}会同市政府督查室督办。请于收到本通知后 {limits.chase_reply.spoken()}内"
                        "报送办理情况，并书面说明超期原因和整改措施。"}[level]
    lines = [f"# {title}", "", f"{unit_name(world.units, unit)}：", "",
             f"按照优化营商环境工作要求，{limits_text(items, world, settings)}。{ask}", ""]
    lines += _overdue_table("企业或来源", items, world, cal, today, lambda ob, case: source_name(case, world))
    return "\n".join(lines + ["", settings.office, cn_date(today), ""])


def named_notice(unit: str, items, world, cal, today: dt.date, settings, leader: str, reason: str, item: dict) -> str:
    """The 挂牌督办通知 of one item to its lead unit (Markdown)."""
    lines = ["# 挂牌督办通知", "", f"{unit_name(world.units, unit)}：", "",
             f"经{markdown.cell(leader)}同意，对“{markdown.cell(item.get('title', ''))}”（{item.get('id', '')}）实行挂牌督办。"
             f"理由：{markdown.cell(reason)}。"
             f"请于收到本通知后 {settings.policy.limits.chase_reply.spoken()}内报送办理情况和整改措施，"
             "并按期报送此后的进展，直至办结销号。", ""]
    if items:
        lines += _overdue_table("企业或来源", items, world, cal, today, lambda ob, case: source_name(case, world))
    return "\n".join(lines + ["", settings.office, cn_date(today), ""])


def supervision_list(items, world, cal, today: dt.date, settings) -> str:
    threshold = settings.policy.supervise_after_workdays
    lines = ["# 督办清单", "",
             f"超过报送时限逾 {threshold} 个工作日仍未报送、转市政府督查室督办的事项（截至{cn_date(today)}）：", ""]
    lines += _overdue_table("承办单位", items, world, cal, today, lambda ob, case: unit_name(world.units, ob.unit))
    return "\n".join(lines + ["", settings.office, cn_date(today), ""])


def overdue_rows(items, world, cal, today) -> list[dict]:
    """The table rows of a chase or supervision document (for the Word templates)."""
    rows = []
    for ob in items:
        case = world.item(ob.id)
        late, guessed = overdue(ob, cal, today)
        rows.append({"id": ob.id, "enterprise": source_name(case, world),
                     "title": case.get("title", ""), "kind": DEADLINE_KINDS[ob.kind], "part": PARTS[ob.part],
                     "unit": unit_name(world.units, ob.unit),
                     "due": cn_date(ob.due) + ("（暂定）" if ob.provisional else ""),
                     "late": "—" if ob.due >= today else (f"{late}（暂定）" if guessed else str(late))})
    return rows


def chase_values(unit: str, items, world, cal, today: dt.date, settings) -> dict:
    """The placeholders of a 催办通知 or 督办通知 to one unit."""
    from anshang.documents.letters import common
    from anshang.documents.official import tight

    limits = settings.policy.limits
    v = common(settings, today)
    v.update(unit=unit_name(world.units, unit), limits=tight(limits_text(items, world, settings)),
             reply_within=tight(limits.chase_reply.spoken()), threshold=str(limits.supervise_after_workdays),
             warning_days=str(limits.warning_workdays),
             rows=overdue_rows(items, world, cal, today), count=str(len(items)))
    return v


def list_values(items, world, cal, today: dt.date, settings) -> dict:
    """The placeholders of the 督办清单."""
    v = chase_values("", items, world, cal, today, settings)
    v["unit"] = "市政府督查室"
    return v
