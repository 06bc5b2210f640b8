"""What falls due, chase notices and supervision, and the readable timeline of one case.
Pure text and data from cases, a calendar and the policy."""

from __future__ import annotations

import datetime as dt

from anshang import loop
from anshang.calendar import Calendar
from anshang.dates import cn_date, parse_date
from anshang.schema import CHANNELS, DECISIONS, DEADLINE_KINDS, EVENT_KINDS, MATCH_STATUS, OUTCOMES


def due_items(cases: dict, cal: Calendar, today: dt.date, within: int, unit: str | None = None):
    """Open obligations due within ``within`` working days of ``today`` or already overdue.

    Returns (items, provisional_window): the window may reach into a year whose calendar is
    not known yet, in which case it is estimated (and said so)."""
    try:
        horizon = cal.add_workdays(today, within).due if within > 0 else today
        guessed = False
    except Exception:  # noqa: BLE001 - CalendarGap: estimate the window only
        horizon = today + dt.timedelta(days=within + 2 * (within // 5 + 1))
        guessed = True
    items = []
    for case in cases.values():
        for ob in loop.open_obligations(case):
            if unit and ob.unit != unit:
                continue
            if ob.due <= horizon:
                items.append(ob)
    items.sort(key=lambda o: (o.unit, o.due, o.id, o.kind))
    return items, guessed


def overdue(ob, cal: Calendar, today: dt.date) -> int:
    try:
        return ob.overdue_workdays(cal, today)
    except Exception:  # noqa: BLE001 - a due date in an unknown year: count calendar days
        return max((today - ob.due).days, 0)


def unit_name(units: dict, uid: str) -> str:
    return (units.get(uid) or {}).get("name") or uid


def _overdue_table(first: str, items, cases: dict, cal, today, cell) -> list[str]:
    """A Markdown table of overdue reports; ``cell(ob, case)`` gives the second column."""
    lines = [f"| 编号 | {first} | 诉求事项 | 应报送 | 截止日期 | 已超期（工作日） |", "|---|---|---|---|---|---|"]
    for ob in items:
        case = cases[ob.id]
        title = str(case.get("title", "")).replace("|", "｜")
        lines.append(f"| {ob.id} | {cell(ob, case)} | {title} | {DEADLINE_KINDS[ob.kind]} | "
                     f"{cn_date(ob.due)} | {overdue(ob, cal, today)} |")
    return lines


def chase_notice(unit: str, items, cases: dict, units: dict, enterprises: dict, cal, today, office: str) -> str:
    """One 催办通知 for one unit listing its overdue reports."""
    def enterprise(ob, case):
        return (enterprises.get(case.get("enterprise")) or {}).get("name") or case.get("enterprise_name") or ""

    lines = ["# 催办通知", "", f"{unit_name(units, unit)}：", "",
             "按照“市长服务民营企业接待日”工作要求，交办事项须在 7 个工作日内报送落实情况、30 日内报送办理结果，"
             "长期整改事项按“十日一报”报送进展。下列事项已超过报送时限，请于收到本通知后 2 个工作日内报送；"
             "确有困难需要延期的，请书面说明理由。", ""]
    lines += _overdue_table("企业", items, cases, cal, today, enterprise)
    return "\n".join(lines + ["", office, cn_date(today), ""])


def supervision_list(items, cases: dict, units: dict, cal, today, threshold: int, office: str) -> str:
    lines = ["# 督办清单", "", f"超过报送时限 {threshold} 个工作日以上、转市政府督查室督办的事项（截至{cn_date(today)}）：", ""]
    lines += _overdue_table("承办单位", items, cases, cal, today, lambda ob, case: unit_name(units, ob.unit))
    return "\n".join(lines + ["", office, cn_date(today), ""])


def timeline(case: dict, enterprise: dict | None, session: dict | None, leaders: dict, units: dict,
             cal: Calendar, today: dt.date) -> str:
    """The case as a person reads it: who, what, every step in order, and each deadline."""
    ent = enterprise or {}
    contact = case.get("contact") or {}
    st = loop.status(case, today)
    head = [f"{case['id']}  {case.get('title', '')}",
            f"企业：{ent.get('name') or case.get('enterprise_name') or '（未署名）'}"
            + (f"（{case.get('enterprise')}，{ent.get('district', '')}）" if case.get("enterprise") else "")
            + (f"  联系人：{contact.get('name', '')} {contact.get('phone', '')}".rstrip() if contact else ""),
            f"领域：{'、'.join(case.get('fields') or []) or '—'}  渠道：{CHANNELS.get(case.get('channel'), case.get('channel'))}"
            f"  状态：{loop.STATUS_CN.get(st, st)}"]
    for key, label in (("facts", "事实"), ("reasons", "理由"), ("request", "具体诉求")):
        if case.get(key):
            head.append(f"{label}：{case[key].strip()}")
    steps = []
    src = case.get("source") or {}
    steps.append((case["registered"], 0, "登记" + (f"（登记表 {src['file']}）" if src.get("file") else "")))
    scr = case.get("screening") or {}
    if scr:
        text = f"受理审查：{DECISIONS.get(scr.get('decision'), scr.get('decision'))} {' '.join(scr.get('clauses') or [])}"
        if scr.get("refer_to"):
            text += f"，转{unit_name(units, scr['refer_to'])}"
        if scr.get("reason"):
            text += f" — {scr['reason']}"
        if scr.get("override"):
            text += "（人工改判）"
        steps.append((scr.get("date"), 1, text))
    m = case.get("matching") or {}
    if m:
        steps.append((m.get("date") or case["registered"], 2,
                      f"双向匹配：{MATCH_STATUS.get(m.get('status'), m.get('status'))} {case.get('session') or ''} — {m.get('reason', '')}".rstrip(" —")))
    out = case.get("outcome") or {}
    if out:
        leader = leaders.get((session or {}).get("leader"), {})
        who = f"（{leader.get('title', '')}{leader.get('name', '')}）" if leader else ""
        text = f"接待{who}：{OUTCOMES.get(out.get('kind'), out.get('kind'))}"
        if out.get("kind") == "handover":
            text += f"，牵头 {unit_name(units, out.get('lead_unit'))}"
            if out.get("co_units"):
                text += f"，配合 {'、'.join(unit_name(units, u) for u in out['co_units'])}"
            if out.get("instruction"):
                text += f"；交办意见：{out['instruction']}"
        if out.get("note"):
            text += f"；{out['note']}"
        steps.append((out.get("date"), 3, text))
    for i, ev in enumerate(loop.events(case)):
        text = EVENT_KINDS.get(ev.get("kind"), ev.get("kind"))
        if ev.get("unit"):
            text += f"（{unit_name(units, ev['unit'])}）"
        if ev.get("units"):
            text += f" → {'、'.join(unit_name(units, u) for u in ev['units'])}"
        if ev.get("due"):
            text += f" 至 {parse_date(ev['due']).isoformat()}"
        if ev.get("satisfaction"):
            text += f"：{ev['satisfaction']}"
        if ev.get("note"):
            text += f"：{ev['note']}"
        if ev.get("by"):
            text += f" [{ev['by']}]"
        steps.append((ev.get("date"), 4 + i, text))
    body = ["时间线："] + [f"  {parse_date(d).isoformat()} {t}" for d, _, t in
                           sorted(steps, key=lambda s: (parse_date(s[0]), s[1]))]
    obs = loop.obligations(case, include_closed=True)
    if obs:
        body.append("期限：")
        for ob in obs:
            mark = "（暂定）" if ob.provisional else ""
            line = f"  {DEADLINE_KINDS[ob.kind]} {ob.due.isoformat()}{mark}（{ob.rule}，自 {ob.basis.isoformat()} 起算）："
            if ob.met is not None:
                late = ob.met > ob.due
                line += f"已于 {ob.met.isoformat()} 报送" + (
                    f"，逾期 {cal.workdays_between(ob.due, ob.met)} 个工作日" if late else "，按时")
            elif today > ob.due:
                line += f"未报送，已超期 {overdue(ob, cal, today)} 个工作日"
            else:
                line += "未到期"
            body.append(line)
    return "\n".join(head + body) + "\n"
