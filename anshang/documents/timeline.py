"""The readable timeline of one case: who, what, every step in order, and each deadline."""

from __future__ import annotations

import datetime as dt

from anshang.core import lifecycle
from anshang.core.calendar import Calendar
from anshang.core.dates import parse_date
from anshang.core.labels import (
    CHANNELS,
    DEADLINE_KINDS,
    DECISIONS,
    EVENT_KINDS,
    LEVELS,
    MATCH_STATUS,
    NOTIFY_HOW,
    OUTCOMES,
    PARTS,
    PROJECT_STAGES,
    REVIEW_RESULTS,
    STATUS,
    label,
)
from anshang.core.obligations import late_by, overdue
from anshang.documents.names import leader_name, unit_name, unit_names


def timeline(case: dict, world, cal: Calendar, today: dt.date, co_reports: str = "lead") -> str:
    """The case as a person reads it: who, what, every step in order, and each unit's part of
    each deadline. ``world`` holds at least its enterprise, session, the leaders and units."""
    ent = world.enterprises.get(case.get("enterprise")) or {}
    session = world.sessions.get(case.get("session"))
    leaders, units = world.leaders, world.units
    contact = case.get("contact") or {}
    st = lifecycle.status(case, today, lifecycle.obligations(case, co_reports))
    head = [f"{case['id']}  {case.get('title', '')}",
            f"企业：{ent.get('name') or case.get('enterprise_name') or '（未署名）'}"
            + (f"（{case.get('enterprise')}，{ent.get('district', '')}）" if case.get("enterprise") else "")
            + (f"  联系人：{contact.get('name', '')} {contact.get('phone', '')}".rstrip() if contact else ""),
            f"领域：{'、'.join(case.get('fields') or []) or '—'}  渠道：{label(CHANNELS, case.get('channel'))}"
            f"  状态：{label(STATUS, st)}" + ("  重点诉求（须回访）" if case.get("key") else "")]
    for key, name in (("facts", "事实"), ("reasons", "理由"), ("request", "具体诉求")):
        if case.get(key):
            head.append(f"{name}：{case[key].strip()}")
    if case.get("missing"):
        head.append("待补正（补正前不审查；anshang edit 补上并删去 missing，或请企业重新发来登记表）：")
        head += [f"  - {m}" for m in case["missing"]]
    steps = []
    src = case.get("source") or {}
    steps.append((case["registered"], 0, "登记" + (f"（登记表 {src['file']}）" if src.get("file") else "")))
    scr = case.get("screening") or {}
    if scr:
        text = f"受理审查：{label(DECISIONS, scr.get('decision'))} {' '.join(scr.get('clauses') or [])}"
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
                      f"双向匹配：{label(MATCH_STATUS, m.get('status'))} {case.get('session') or ''} — {m.get('reason', '')}".rstrip(" —")))
    out = case.get("outcome") or {}
    if out:
        leader = leaders.get((session or {}).get("leader"), {})
        who = f"（{leader_name(leader)}）" if leader else ""
        met = "接待" if case.get("channel", "reception_day") == "reception_day" or case.get("session") else "处理"
        text = f"{met}{who}：{label(OUTCOMES, out.get('kind'))}"
        if out.get("kind") == "handover":
            # the units handed over to at the reception, before any later reassignment
            first = next((e for e in lifecycle.events(case) if e.get("kind") == "reassign"), None)
            if first is not None:
                original = list(first.get("was") or [first.get("unit")])
                lead, co = original[0], original[1:]
            else:
                lead, co = out.get("lead_unit"), out.get("co_units") or []
            text += f"，牵头 {unit_name(units, lead)}"
            if co:
                text += f"，配合 {unit_names(units, co)}"
            if out.get("instruction"):
                text += f"；交办意见：{out['instruction']}"
        if out.get("note"):
            text += f"；{out['note']}"
        steps.append((out.get("date"), 3, text))
    if case.get("project"):
        p = (getattr(world, "projects", None) or {}).get(case["project"]) or {}
        head.append(f"重大项目：{case['project']} {p.get('title', '')}".rstrip())
    from anshang.core.campaigns import campaigns_of

    for camp in campaigns_of(case, getattr(world, "campaigns", None) or {}):
        head.append(f"专项活动：{camp['id']} {camp.get('title', '')}（活动期间经{label(CHANNELS, case.get('channel'))}登记）")
    topics = [t for t in (getattr(world, "topics", None) or {}).values() if case.get("id") in (t.get("cases") or [])]
    for t in topics:
        head.append(f"专题调研：{t['id']} {t.get('title', '')}"
                    + (f"（成果：{t['policy_outcome']['document']}）" if t.get("policy_outcome") else ""))
    return "\n".join(head + _body(case, steps, world, cal, today, co_reports)) + "\n"


def _body(case: dict, steps: list, world, cal: Calendar, today: dt.date, co_reports: str) -> list[str]:
    """The time line (``steps`` and the item's events in order) and each unit's part of each deadline."""
    units = world.units
    for i, ev in enumerate(lifecycle.events(case)):
        text = label(EVENT_KINDS, ev.get("kind"))
        if ev.get("level"):  # 预警、催办、督办、挂牌督办: the level is the step taken
            text = label(LEVELS, ev["level"])
        if ev.get("leader"):
            text += f"（督办领导：{ev['leader']}）"
        if ev.get("kind") == "reassign":
            was = list(ev.get("was") or [ev.get("unit")])
            new = list(ev.get("units") or [])
            text += f"：原牵头 {unit_name(units, was[0])}" + (f"、配合 {unit_names(units, was[1:])}" if was[1:] else "")
            text += f" → 牵头 {unit_name(units, new[0])}" + (f"、配合 {unit_names(units, new[1:])}" if new[1:] else "") \
                if new else ""
        elif ev.get("unit"):
            text += f"（{unit_name(units, ev['unit'])}）"
        if ev.get("due"):
            text += f" 至 {parse_date(ev['due']).isoformat()}"
        if ev.get("stage"):
            text += f"：{label(PROJECT_STAGES, ev['stage'])}"
        if ev.get("conclusion"):
            text += f"：{label(REVIEW_RESULTS, ev['conclusion'])}"
        if ev.get("satisfaction"):
            text += f"：{ev['satisfaction']}"
        if ev.get("how"):
            text += f"（{label(NOTIFY_HOW, ev['how'])}）"
        if ev.get("note"):
            text += f"：{ev['note']}"
        if ev.get("by"):
            text += f" [{ev['by']}]"
        steps.append((ev.get("date"), 4 + i, text))
    body = ["时间线："] + [f"  {parse_date(d).isoformat()} {t}" for d, _, t in
                           sorted(steps, key=lambda s: (parse_date(s[0]), s[1]))]
    obs = lifecycle.obligations(case, co_reports, include_closed=True)
    ended = lifecycle.closed_on(case) or lifecycle.withdrawn_on(case)
    if obs:
        body.append("期限：")
        several = any(ob.part == "co" for ob in obs)
        for ob in obs:
            mark = "（暂定）" if ob.provisional else ""
            who = f"{PARTS[ob.part]} {unit_name(units, ob.unit)} " if several else ""
            line = (f"  {DEADLINE_KINDS[ob.kind]} {who}{ob.due.isoformat()}{mark}"
                    f"（{ob.rule}，自 {ob.basis.isoformat()} 起算）：")
            if ob.met is not None:
                late = ob.met > ob.due
                line += f"已于 {ob.met.isoformat()} 报送" + (
                    f"，逾期 {late_by(ob.met, ob.due, cal)} 个工作日" if late else "，按时")
            elif ended is not None and ended <= today:  # closed or withdrawn without it: lateness stops there
                late, guessed = overdue(ob, cal, ended) if ended > ob.due else (0, False)
                line += ("办结" if lifecycle.is_closed(case) else "撤回") + "时未报送" + (
                    f"，已超期 {late} 个工作日" + ("（暂定）" if guessed else "") if late else "")
            elif today > ob.due:
                late, guessed = overdue(ob, cal, today)
                line += f"未报送，已超期 {late} 个工作日" + ("（暂定）" if guessed else "")
            else:
                line += "未到期"
            body.append(line)
    return body


def item_timeline(item: dict, world, cal: Calendar, today: dt.date, policy) -> str:
    """An action-plan task or a research topic as a person reads it."""
    from anshang.core import supervision

    units = world.units
    co_reports = policy.co_unit_reports
    obs = lifecycle.obligations(item, co_reports)
    st = lifecycle.status(item, today, obs)
    lead, co = lifecycle.units_of(item)
    lv = supervision.item_level(item, [o for o in obs if o.met is None], cal, today, policy)
    head = [f"{item['id']}  {item.get('title', '')}"]
    from anshang.core.ids import item_kind

    project = item_kind(str(item.get("id", ""))) == "project"
    if item.get("plan"):
        plan = world.plans.get(item["plan"]) or {}
        what = "专项活动" if plan.get("campaign") else "行动方案"
        head.append(f"{what}：{plan.get('title') or item['plan']} 第 {item.get('number')} 项"
                    + (f"  承办：{item['desk']}" if item.get("desk") else "")
                    + f"  完成时限：{item.get('limit') or '—'}{'（定期报送进展）' if item.get('ongoing') else ''}")
    elif project:
        ent = (getattr(world, "enterprises", {}) or {}).get(item.get("enterprise")) or {}
        head.append(f"重大项目  企业：{ent.get('name') or item.get('enterprise')}  阶段：{label(PROJECT_STAGES, item.get('stage'))}"
                    f"  挂点领导：{leader_name(world.leaders.get(item.get('leader')), item.get('leader', ''))}"
                    + (f"  总投资：{item['investment']}" if item.get("investment") else ""))
        linked = sorted(c for c, x in (getattr(world, "cases", {}) or {}).items() if x.get("project") == item["id"])
        if linked:
            head.append(f"关联诉求 {len(linked)} 件：{'、'.join(linked)}")
    else:
        head.append(f"专题调研  立项：{item.get('opened')}" + (f"  共性问题：{item['group']}" if item.get("group") else ""))
        if item.get("cases"):
            head.append(f"关联诉求 {len(item['cases'])} 件：{'、'.join(item['cases'])}")
        po = item.get("policy_outcome")
        if po:
            head.append(f"制度性成果：{po.get('document')}（{parse_date(po['date']).isoformat()} 印发）")
    shown = "已结题" if st == "closed" and not item.get("plan") else label(STATUS, st)
    if project:
        shown = "已结束跟踪" if st == "closed" else ("跟踪服务中" if st == "ongoing" else shown)
    head.append(f"{'承办' if project else '牵头'}：{unit_name(units, lead)}  {'联办' if project else '配合'}："
                f"{unit_names(units, co) or '—'}  状态：{shown}" + (f"  督办：{LEVELS[lv]}" if lv else ""))
    start = item.get("assigned") or item.get("opened")
    steps = [] if project else [(start, 0, "交办（方案印发，时限起算）" if item.get("plan") else "立项，交牵头单位研究")]
    if not item.get("plan") and not project:  # the opening note says the same
        item = {**item, "events": [e for e in lifecycle.events(item) if not (e.get("kind") == "note"
                                   and str(e.get("note", "")).startswith("立项") and str(e.get("date")) == str(start))]}
    return "\n".join(head + _body(item, steps, world, cal, today, co_reports)) + "\n"


def show(ledger, settings, cal, cid: str, today: dt.date) -> str:
    """One case's (task's, topic's) timeline, reading only that item and what it refers to."""
    from anshang.core.ids import item_kind
    from anshang.core.problems import AnshangError
    from anshang.core.snapshot import case_as_of, session_as_of
    from anshang.store import loader

    if item_kind(cid) != "case":
        world = loader.load(ledger, {"units", "plan", "topic", "leaders", "enterprise"}
                            | ({"case"} if item_kind(cid) == "project" else set()))
        item = case_as_of(loader.case(ledger, cid), today, cal.lenient(), settings.policy.co_unit_reports)
        if item is None:
            raise AnshangError(f"{cid} 到 {today.isoformat()} 尚未交办或立项（--date 早于起算日期）")
        return item_timeline(item, world, cal, today, settings.policy)
    case, world = loader.around_case(ledger, cid)
    from anshang.core.dates import maybe_date

    # the few topic, project and campaign files, read one by one (not the whole ledger's cache):
    # finding one case does not grow with the ledger
    topics = loader.read_all(ledger, ledger.topic_files())
    world.topics = {t: x for t, x in topics.items() if (maybe_date(x.get("opened")) or today) <= today}  # opened by then
    world.projects = loader.read_all(ledger, ledger.project_files()) if case.get("project") else {}
    world.campaigns = loader.read_all(ledger, ledger.campaign_files())
    case = case_as_of(case, today, cal.lenient(), settings.policy.co_unit_reports)  # as it stood at the end of --date
    if case is None:
        raise AnshangError(f"{cid} 到 {today.isoformat()} 尚未登记（--date 早于登记日期）")
    world.sessions = {sid: session_as_of(s, today) for sid, s in world.sessions.items()}
    return timeline(case, world, cal, today, settings.policy.co_unit_reports)
