"""The period report for the city leaders (``anshang summary``, §四(五)): a Word report in the
official layout from an editable template, and a workbook with the data and native Excel charts.
The figures are core.period's, read from the ledger as it stood at the end of the period (or
on the day of writing, for a period not over yet), with the previous period of the same length
beside them. ``stats --from/--to`` gives the same figures."""

from __future__ import annotations

import datetime as dt

from anshang.core import lifecycle, period
from anshang.core.common_problems import common_problems
from anshang.core.dates import cn_date, maybe_date, parse_date
from anshang.core.labels import CHANNELS, STATUS, label
from anshang.core.obligations import overdue
from anshang.documents.names import enterprise_name, leader_name, unit_name

# every rate the report uses, in words (the report prints them; README: 报告期的指标)
DEFINITIONS = [
    "登记、受理、不予受理、转办：报告期内登记的诉求，以及其中到期末已作出的受理审查结论；其余为尚在审查。",
    "接待：报告期内记录接待结果的诉求（当场解决、交办、解释说明），含接待日以外渠道的；接待场次：报告期内已举行的接待日。"
    "按接待日出的报告只计该场次的诉求。",
    "交办（承办单位）：报告期内交办、由该单位牵头的诉求；作为配合单位的另计。",
    "应报送、按时报送：截止日期在报告期内（报告期尚未结束的，到截至日）的落实情况和办理结果（牵头和配合单位各计本单位的部分；"
    "长期整改期间暂停的办理结果、撤回或办结以后才到期的不计），其中在截止日期当天或之前报送的为按时。按时报送率 = 按时报送 ÷ 应报送。",
    "办结：报告期内办结的诉求（含以前交办的）；办结率 = 报告期内交办的诉求中到期末已办结的 ÷ 报告期内交办的诉求。",
    "满意率 =（满意 + 基本满意）÷ 报告期内回访的诉求（同一件以报告期内最后一次回访为准）。",
    "期末超期：到期末仍有报送超过截止日期的诉求，超期天数按工作日计；催办、督办：报告期内的次数。",
    "结案率 = 报告期内登记的诉求中到期末已了结的 ÷ 报告期内登记的诉求；已了结指办结、当场解决、解释说明、不予受理或转办；"
    "投诉中心渠道的即投诉结案率。一件诉求可属于几个领域，各领域分别计数。",
    "企业评议得分：报告期内企业评议给该单位打分的平均分（百分制）。",
    "综合得分 = 按时报送率、办结率、满意率和企业评议得分（折成百分比）按办公室设定的权重加权；"
    "某项没有分母或没有评议的，不计该项，其余各项按权重比例折满 100。",
    "排名：报告期内有交办或应报送事项的承办单位，按综合得分排序，得分相同的再按按时报送率、办结率、期末超期件数排序，数字都相同的并列。",
    "上期：长度相同、紧接在前的报告期（上月、上季度、上年，或同样天数）；报告期尚未结束时，为上一报告期的同期。",
]
# §三(二) in a few words, for running text (EXCLUSIONS has the plan's own words)
SHORT = {"§三(二)1": "已进入司法、复议或仲裁程序", "§三(二)2": "纪委监委已受理", "§三(二)3": "已通过信访渠道反映",
         "§三(二)4": "已作为人大建议或政协提案办理", "§三(二)5": "无明确对象和具体事实", "§三(二)6": "匿名反映"}
RATE_NAMES = {"on_time_rate": "按时报送率", "closure_rate": "办结率", "satisfaction_rate": "满意率"}


def pct(v) -> str:
    return "—" if v is None else f"{v * 100:.1f}%"


def thresholds(policy) -> dict:
    """The settings' thresholds (a percentage; 0: not used) as rates."""
    pairs = (("on_time_rate", policy.alert_on_time_pct), ("closure_rate", policy.alert_closure_pct),
             ("satisfaction_rate", policy.alert_satisfaction_pct))
    return {k: v / 100 for k, v in pairs if v}


def resolve_period(world, given: dict) -> period.Period:
    """The period of the options: session, month, quarter, year, or from/to (exactly one)."""
    from anshang.core.matching import find_session
    from anshang.core.problems import AnshangError

    chosen = [k for k, v in given.items() if v is not None and k != "to"]
    if given.get("to") is not None and given.get("from") is None:
        raise AnshangError("--to 须与 --from 同用")
    if len(chosen) != 1:
        raise AnshangError("请选一种报告期：--session 场次、--month 2026-11、--quarter 2026Q4、--year 2026，"
                           "或 --from 日期 --to 日期")
    kind = chosen[0]
    if kind == "session":
        return period.session_period(world.sessions[find_session(world, given["session"])])
    if kind == "month":
        return period.parse_month(given["month"])
    if kind == "quarter":
        return period.parse_quarter(given["quarter"])
    if kind == "year":
        if not 2000 <= int(given["year"]) <= 2099:
            raise AnshangError(f"--year {given['year']} 不在可统计的年份内（2000–2099）")
        return period.year(int(given["year"]))
    start = given["from"]
    return period.span(start, given.get("to") or start)


# what the report reads whole: the enterprises (half the ledger's files) only by name, from their index;
# the office's records not at all
SUMMARY_KINDS = frozenset({"leaders", "units", "session", "case", "plan", "task", "topic", "visit", "project", "campaign",
                           "evaluation"})


def _ledger(ledger):
    """The ledger as the report reads it (``SUMMARY_KINDS``, and the enterprises' names); the whole
    ledger when an enterprise file has a problem (which stops with every problem listed)."""
    from anshang.documents.case_list import enterprise_names
    from anshang.store import loader

    names = enterprise_names(ledger)
    if names is None:
        return loader.load(ledger)
    world = loader.load(ledger, SUMMARY_KINDS)
    world.enterprises = names
    return world


def report_data(ledger, settings, cal, given: dict, today: dt.date) -> dict:
    """Everything the report shows: the figures of the period and of the one before, the
    common problems, the overdue and long-term list."""
    from anshang.core.lifecycle import remembering_obligations

    base = _ledger(ledger)  # the files are read once, for both snapshots
    p = resolve_period(base, given)
    end = min(p.end, today)
    if end < p.start:
        from anshang.core.problems import AnshangError

        raise AnshangError(f"报告期 {p.label} 还没有开始（{p.start.isoformat()} 起）")
    limits = thresholds(settings.policy)
    co = settings.policy.co_unit_reports
    target = getattr(settings.policy, "visits_per_leader_year", 0)
    from anshang.core.evaluations import weights
    from anshang.core.snapshot import world_as_of
    from anshang.store.alongside import Alongside

    w = weights(settings.policy)
    prev_p = p.previous() if p.kind != "session" else None
    if prev_p is not None and end < p.end:  # a period not over yet: the same span of the one before (同期)
        prev_p = period.Period(prev_p.start, min(prev_p.end, prev_p.start + (end - p.start)), prev_p.label + "同期")

    def previous():
        return period.figures(world_as_of(base, prev_p.end, cal, co), prev_p, prev_p.end, co, limits, target, w)

    # on a big ledger the period before is worked out alongside; else first, its snapshot let go before this one's
    with Alongside(previous if prev_p is not None else None, items=len(base.cases)) as earlier:
        prev = None if earlier.running else earlier.result()
        world = world_as_of(base, end, cal, co)
        with remembering_obligations():  # the snapshot's duties feed the figures, the late list and the programme
            figs = period.figures(world, p, end, co, limits, target, w)
            registered = {cid: c for cid, c in world.cases.items()
                          if parse_date(c["registered"]) in p and (not p.session or c.get("session") == p.session)}
            groups = [[c["id"] for c in g] for g in common_problems(registered)]
            late = _late_rows(world, cal, end, co, p.session)
            if not p.session:
                late += _late_items(world, cal, end, co)
            prog = programme(world, p, end, cal, settings.policy) if not p.session else None
        if earlier.running:
            prev = earlier.result()
    return {"period": p, "end": end, "figures": figs, "previous": prev, "common": groups,
            "late": late, "world": world, "thresholds": limits, "programme": prog}


def programme(world, p, end: dt.date, cal, policy) -> dict:
    """The action-plan tasks (and campaign activities) and research topics of the period: tasks due in
    it (done, on time, late and open), ongoing ones, supervision; topics opened, closed with their
    policy outcomes; major projects tracked, their reports and reviews, those overdue."""
    co = policy.co_unit_reports
    plans = getattr(world, "plans", {}) or {}
    activity = {tid for tid, t in world.tasks.items() if (plans.get(t.get("plan")) or {}).get("campaign")}
    tasks = _task_figures(world, [t for t in sorted(world.tasks) if t not in activity], p, end, cal, policy)
    activities = _task_figures(world, sorted(activity), p, end, cal, policy) if activity else None
    if activities is not None:
        activities["campaigns"] = sorted({world.tasks[t]["plan"] for t in activity})
    topics = {"total": len(world.topics), "opened": 0, "closed": [], "open": []}
    for tid in sorted(world.topics):
        t = world.topics[tid]
        if maybe_date(t.get("opened")) in p:
            topics["opened"] += 1
        po = t.get("policy_outcome") or {}
        if lifecycle.is_closed(t) and po and lifecycle.closed_on(t) in p:  # concluded in the period
            topics["closed"].append({"id": tid, "title": t.get("title", ""), "document": po.get("document"),
                                     "date": str(po.get("date"))})
        elif not lifecycle.is_closed(t):
            d = lifecycle.stored_deadline(t, "result")
            topics["open"].append({"id": tid, "title": t.get("title", ""), "unit": lifecycle.units_of(t)[0],
                                   "due": d.due.isoformat() if d else "", "cases": len(t.get("cases") or [])})
    from anshang.core.projects import figures as project_figures

    projects = project_figures(world.projects, p.start, end, co) if world.projects else None
    return {"tasks": tasks, "topics": topics, "projects": projects, "activities": activities}


def _task_figures(world, ids: list, p, end: dt.date, cal, policy) -> dict:
    """Tasks (or a campaign's activities) of the period: due in it, done, on time, late; ongoing; supervised."""
    from anshang.core import supervision

    co = policy.co_unit_reports
    tasks = {"total": len(ids), "due": 0, "done": 0, "on_time": 0, "late_open": 0, "ongoing": 0, "ongoing_late": 0,
             "supervised": 0, "named": 0, "late_ids": []}
    for tid in ids:
        t = world.tasks[tid]
        obs = lifecycle.obligations(t, co, include_closed=True)
        open_obs = [o for o in obs if o.met is None and not lifecycle.is_closed(t)]
        lv = supervision.item_level(t, open_obs, cal, end, policy)
        tasks["supervised"] += lv == "supervise"
        tasks["named"] += lv == "named"
        if t.get("ongoing"):
            tasks["ongoing"] += 1
            tasks["ongoing_late"] += any(o.due < end for o in open_obs)
            continue
        res = [o for o in obs if o.kind == "result" and o.part == "lead"]
        if not res or res[0].due not in p or res[0].due > end:  # due in the period, by the day of writing
            continue
        tasks["due"] += 1
        done = lifecycle.is_closed(t) or res[0].met is not None
        tasks["done"] += done
        tasks["on_time"] += bool(res[0].met is not None and res[0].met <= res[0].due)
        if not done and res[0].due < end:
            tasks["late_open"] += 1
            tasks["late_ids"].append(tid)
    return tasks


def visit_lines(data: dict) -> list[str]:
    """Leaders' visits to enterprises in the period, against the yearly target."""
    world = data["world"]
    v = data["figures"].get("visits") or {}
    done = {k: f for k, f in v.items() if f["visits"]}
    if not done:
        return ["本期没有领导走访企业的记录。"]
    total = sum(f["visits"] for f in done.values())
    names = "、".join(f"{leader_name(world.leaders.get(k), k)} {f['visits']} 家次" for k, f in done.items())
    line = f"市领导走访企业 {total} 家次：{names}。"
    target = next((f["target"] for f in v.values() if f["target"]), None)
    if target and data["period"].kind == "year":
        short = [leader_name(world.leaders.get(k), k) for k, f in v.items() if not f["met"]]
        line += f"每位领导年度目标 {target} 家次" + (f"，尚未完成的有 {'、'.join(short)}。" if short else "，均已完成。")
    return [line]


def programme_lines(data: dict) -> list[str]:
    prog = data.get("programme")
    world = data["world"]
    if prog is None:
        return ["本报告为一场接待日的情况，行动方案任务和专题调研见月度、季度或年度报告。"]
    t, tp = prog["tasks"], prog["topics"]
    out = visit_lines(data)
    if t["total"]:
        out.append(f"行动方案工作任务共 {t['total']} 项。本期已到期的 {t['due']} 项中，已完成 {t['done']} 项（其中按期完成 "
                   f"{t['on_time']} 项），逾期未完成 {t['late_open']} 项；长期坚持的 {t['ongoing']} 项定期报送进展，"
                   f"其中进展报送超期的 {t['ongoing_late']} 项。"
                   f"列入督办 {t['supervised']} 项，挂牌督办 {t['named']} 项。")
        if t["late_ids"]:
            names = "；".join(f"{i}“{world.tasks[i].get('title', '')}”（{unit_name(world.units, world.tasks[i].get('lead_unit'))}）"
                             for i in t["late_ids"])
            out.append(f"逾期未完成的任务：{names}。")
    else:
        out.append("台账中尚无行动方案工作任务。")
    if tp["total"]:
        out.append(f"共性问题专题调研共 {tp['total']} 项，本期立项 {tp['opened']} 项，已结题 {len(tp['closed'])} 项。")
        for c in tp["closed"]:
            out.append(f"“{c['title']}”已形成制度性成果：{c['document']}（{c['date']} 印发）。")
        for o in tp["open"]:
            out.append(f"“{o['title']}”由{unit_name(world.units, o['unit'])}牵头研究，关联诉求 {o['cases']} 件，"
                       f"完成期限 {o['due']}。")
    else:
        out.append("本期没有开展专题调研。")
    a = prog.get("activities")
    if a:
        names = "、".join(f"“{(world.plans.get(c) or {}).get('title', c)}”" for c in a["campaigns"])
        out.append(f"专项活动{names}安排重点活动 {a['total']} 项。本期已到期的 {a['due']} 项中，已完成 {a['done']} 项（其中按期完成 "
                   f"{a['on_time']} 项），逾期未完成 {a['late_open']} 项。")
        if a["late_ids"]:
            out.append("逾期未完成的活动：" + "；".join(f"{i}“{world.tasks[i].get('title', '')}”" for i in a["late_ids"]) + "。")
    pr = prog.get("projects")
    if pr:
        from anshang.core.labels import PROJECT_STAGES

        stages = "、".join(f"{PROJECT_STAGES[k]} {n} 个" for k, n in pr["by_stage"].items() if n)
        out.append(f"跟踪服务重大项目 {pr['tracked']} 个（{stages}），其中仍在跟踪的 {pr['open']} 个；本期收到月度报送 {pr['reports']} 次，"
                   f"完成季度审核 {pr['reviews']} 次" + (f"，进入全面投产 {pr['produced']} 个" if pr["produced"] else "")
                   + (f"；月报或季审超期的项目 {pr['overdue']} 个。" if pr["overdue"] else "；没有月报或季审超期的项目。"))
    return out


def _late_items(world, cal, end: dt.date, co: str) -> list[dict]:
    """Tasks, topics and major projects overdue at the end of the period, for the overdue list."""
    from anshang.documents.names import source_name

    rows = []
    for item in [*world.tasks.values(), *world.topics.values(), *(getattr(world, "projects", {}) or {}).values()]:
        if lifecycle.is_closed(item):
            continue
        obs = [o for o in lifecycle.open_obligations(item, co) if o.part == "lead"]
        late = [o for o in obs if o.due < end]
        if not late:
            continue
        first = min(obs, key=lambda o: o.due)
        days = max(overdue(o, cal, end)[0] for o in late)
        rows.append({"id": item["id"], "enterprise": source_name(item, world), "title": item.get("title", ""),
                     "unit": unit_name(world.units, lifecycle.units_of(item)[0]),
                     "status": label(STATUS, lifecycle.status(item, end)), "due": first.due.isoformat(),
                     "due_day": first.due, "late": f"{days}"})
    return rows


def _late_rows(world, cal, end: dt.date, co: str, session: str = "") -> list[dict]:
    rows = []
    for cid in sorted(world.cases):
        c = world.cases[cid]
        if lifecycle.finished_on(c) is not None or not lifecycle.is_handover(c):
            continue
        if session and c.get("session") != session:
            continue
        obs = [o for o in lifecycle.open_obligations(c, co) if o.part == "lead"]
        late = [o for o in obs if o.due < end]
        if not late and not lifecycle.is_longterm(c):
            continue
        first = min(obs, key=lambda o: o.due) if obs else None
        days = max((overdue(o, cal, end)[0] for o in late), default=0)
        status = "长期整改" + ("（超期）" if late else "") if lifecycle.is_longterm(c) else label(STATUS, lifecycle.status(c, end))
        rows.append({"id": cid, "enterprise": enterprise_name(c, world.enterprises), "title": c.get("title", ""),
                     "unit": unit_name(world.units, lifecycle.units_of(c)[0]), "status": status,
                     "due": first.due.isoformat() if first else "", "due_day": first.due if first else None,
                     "late": f"{days}" if late else ""})
    return rows


# --- the words of the report --------------------------------------------------------------------

def _vs(now: int, before: int | None, unit: str = "件", bare: bool = False) -> str:
    """（上期 4 件，增加 40 件）; ``bare``: without the brackets, to go inside others."""
    if before is None:
        return ""
    text = "与上期持平" if now == before else \
        f"上期 {before} {unit}，{'增加' if now > before else '减少'} {abs(now - before)} {unit}"
    return text if bare else f"（{text}）"


def _vs_rate(now, before, bare: bool = False) -> str:
    if now is None or before is None:
        return ""
    diff = (now - before) * 100
    text = "与上期持平" if abs(diff) < 0.05 else f"上期 {pct(before)}，{'上升' if diff > 0 else '下降'} {abs(diff):.1f} 个百分点"
    return text if bare else f"（{text}）"


def _overall_rates(by_unit: dict) -> dict:
    due = sum(r["reports_due"] for r in by_unit.values())
    on_time = sum(r["reports_on_time"] for r in by_unit.values())
    handed = sum(r["handed_over"] for r in by_unit.values())
    closed = sum(r["closed_of_handed"] for r in by_unit.values())
    visits = sum(r["revisits"] for r in by_unit.values())
    sat = sum(r["satisfied"] for r in by_unit.values())
    return {"on_time_rate": period._rate(on_time, due), "closure_rate": period._rate(closed, handed),
            "satisfaction_rate": period._rate(sat, visits), "reports_due": due, "reports_on_time": on_time}


def _rate_words(name: str, rate, base: int, base_words: str, none_words: str, before=None) -> str:
    """按时报送率 43.6%（应报送 55 项）…, or what there was none of (never a bare dash)."""
    if rate is None:
        return none_words
    vs = _vs_rate(rate, before, bare=True)
    return f"{name} {pct(rate)}（{base_words.format(base)}{'；' + vs if vs else ''}）"


def overview(data: dict) -> list[str]:
    f, prev = data["figures"], data["previous"]
    w = f["work"]
    pw = prev["work"] if prev else {}
    world = data["world"]
    p = data["period"]
    channels = "、".join(f"{label(CHANNELS, k)} {v} 件" for k, v in sorted(w["by_channel"].items(), key=lambda kv: -kv[1]))
    clauses = "、".join(f"{SHORT.get(k, k)} {v} 件" for k, v in sorted(w["excluded_by_clause"].items()))
    what = "本场次" if p.session else "本期"
    lines = [f"{what}共登记企业诉求 {w['registered']} 件{_vs(w['registered'], pw.get('registered'))}"
             + (f"，其中{channels}" if channels and not p.session else "") + "。"
             + f"经审查受理 {w['accepted']} 件，不予受理 {w['excluded']} 件"
             + (f"（{clauses}）" if clauses else "") + f"，转属地政府或部门 {w['referred']} 件"
             + (f"，尚在审查 {w['screening']} 件" if w["screening"] else "") + "。"]
    if w["sessions"]:
        held = "；".join(f"{cn_date(parse_date(s['date']))}，{leader_name(world.leaders.get(s['leader']), s['leader'])}"
                        f"接待企业诉求 {s['received']} 件" for s in w["sessions"])
        lines.append(f"{what}举行“市长服务民营企业接待日”{w['sessions_held']} 场：{held}。")
    else:
        lines.append(f"{what}没有举行接待日。")
    other = w["received"] - w["received_sessions"]
    inside = "；".join(x for x in ((f"接待日 {w['received_sessions']} 件，领导走访等其他渠道 {other} 件" if other else ""),
                                   _vs(w["received"], pw.get("received"), bare=True)) if x)
    closed_vs = _vs(w["closed"], pw.get("closed"), bare=True)
    lines.append(f"{what}共接待企业诉求 {w['received']} 件{'（' + inside + '）' if inside else ''}，"
                 f"其中当场解决 {w['solved']} 件、交办 {w['handed_over']} 件、解释说明 {w['explained']} 件；"
                 f"办结诉求 {w['closed']} 件（含以前交办的{'；' + closed_vs if closed_vs else ''}）。")
    both = w["longterm_overdue"]
    lines.append(f"截至{cn_date(data['end'])}，{'本场次' if p.session else ''}尚未了结的诉求 {w['open']} 件，"
                 f"其中有报送超期的 {w['overdue']} 件，在长期整改中的 {w['longterm']} 件"
                 + (f"（其中 {both} 件同时超期）" if both else "") + "。")
    rates = _overall_rates(f["by_unit"])
    before = _overall_rates(prev["by_unit"]) if prev else {}
    visits = w["revisits"]
    handed = sum(r["handed_over"] for r in f["by_unit"].values())
    parts = [_rate_words("交办事项按时报送率", rates["on_time_rate"], rates["reports_due"], "应报送 {} 项",
                         f"{what}没有到期的报送事项", before.get("on_time_rate")),
             _rate_words("办结率", rates["closure_rate"], handed, what + "交办 {} 件", f"{what}没有交办事项",
                         before.get("closure_rate")),
             _rate_words("满意率", period._rate(w["satisfied"], visits), visits, "回访 {} 件", f"{what}没有回访",
                         period._rate(pw["satisfied"], pw["revisits"]) if prev else None)]
    lines.append("；".join(parts) + "。")
    return lines


def unit_lines(data: dict) -> list[str]:
    units = data["figures"]["by_unit"]
    world = data["world"]
    if not units:
        return ["本期没有交办事项。"]
    ranked = [u for u, r in units.items() if r["rank"] is not None]
    what = "本场次" if data["period"].session else "本期"
    rest = len(units) - len(ranked)
    lines = [f"{what}涉及承办单位 {len(units)} 个，其中牵头交办事项或有应报送事项的 {len(ranked)} 个，按综合得分（按时报送率、办结率、"
             f"满意率和企业评议得分加权）排序如表1"
             + (f"；其余 {rest} 个只作配合单位、尚无到期事项，或只有以前交办事项的超期、回访或企业评议，列在表后不排名。" if rest else "。")]
    rated = [u for u, r in units.items() if r.get("evaluation") is not None]
    if rated:
        best = max(rated, key=lambda u: (units[u]["evaluation"], u))
        lines.append(f"{what}企业评议了 {len(rated)} 个单位，平均得分最高的是{unit_name(world.units, best)}"
                     f"（{units[best]['evaluation']:.1f} 分，{units[best]['evaluations']} 条评分）。")
    for key, limit in sorted(data["thresholds"].items()):
        name = RATE_NAMES[key]
        measured = [u for u, r in units.items() if r.get(key) is not None]
        if not measured:
            continue
        below = [f"{unit_name(world.units, u)}（{pct(units[u][key])}）" for u in measured if key in units[u]["below"]]
        lines.append(f"{name}低于 {limit * 100:.0f}% 的单位：{'、'.join(below)}。" if below
                     else f"有{name}的 {len(measured)} 个单位均不低于 {limit * 100:.0f}%。")
    return lines


def common_lines(data: dict) -> list[str]:
    world = data["world"]
    if not data["common"]:
        return ["本期登记的诉求中未发现共性问题（同一领域、不同企业的相近诉求）。"]
    out = []
    for n, ids in enumerate(data["common"], start=1):
        cases = [world.cases[i] for i in ids]
        fields = "、".join(sorted({f for c in cases for f in c.get("fields") or []}))
        names = "；".join(f"{enterprise_name(c, world.enterprises)}“{c.get('title', '')}”" for c in cases)
        studied = [t for t in world.topics.values() if set(ids) & set(t.get("cases") or [])]
        topic = "".join(f"已立项专题调研“{t.get('title', '')}”（{t['id']}）。" for t in studied)
        out.append(f"{n}．{fields}领域，{len(cases)} 家企业反映相近问题：{names}。{topic}")
    out.append("以上问题建议由相关部门开展专题调研，从政策层面研究解决（§四(三)）。")
    return out


def word_values(data: dict, settings, today: dt.date) -> dict:
    f = data["figures"]
    world = data["world"]
    p = data["period"]
    unit_rows = [{"rank": _rank(r), "unit": unit_name(world.units, u), "handed": r["handed_over"], "closed": r["closed"],
                  "closure": pct(r["closure_rate"]), "on_time": pct(r["on_time_rate"]),
                  "satisfaction": pct(r["satisfaction_rate"]), "overdue": r["overdue"], "chased": r["chases"],
                  "evaluation": _score(r.get("evaluation")), "composite": _score(r.get("composite"))}
                 for u, r in f["by_unit"].items()]
    leader_rows = [{"leader": leader_name(world.leaders.get(k), k), "sessions": r["sessions"], "received": r["received"],
                    "handed": r["handed_over"], "closed": r["closed"]} for k, r in f["by_leader"].items()]
    field_rows = [{"field": k, "registered": r["registered"], "accepted": r["accepted"], "handed": r["handed_over"],
                   "finished": r["finished"], "finish_rate": pct(r["finish_rate"])} for k, r in f["by_field"].items()]
    channel_rows = [{"channel": label(CHANNELS, k), "registered": r["registered"], "accepted": r["accepted"],
                     "finished": r["finished"], "finish_rate": pct(r["finish_rate"])} for k, r in f["by_channel"].items()]
    late = data["late"]
    return {
        "city": settings.city, "office": settings.office, "date": cn_date(today),
        "phone": (settings.contact or {}).get("phone", ""), "email": (settings.contact or {}).get("email", ""),
        "address": (settings.contact or {}).get("address", ""),
        "period": p.label + ("" if data["end"] >= p.end else f"，截至{data['end'].month}月{data['end'].day}日"),
        "period_from": cn_date(p.start), "period_to": cn_date(data["end"]),
        "overview": overview(data), "unit_lines": unit_lines(data), "unit_rows": unit_rows,
        "leader_rows": leader_rows, "field_rows": field_rows, "channel_rows": channel_rows,
        "common": common_lines(data), "programme": programme_lines(data),
        "overdue_lines": [f"截至{cn_date(data['end'])}，{'本场次' if p.session else ''}有报送超期或在长期整改中的事项 "
                          f"{len(late)} 件，见表5（超期天数按工作日计）。" if late
                          else f"截至{cn_date(data['end'])}，{'本场次' if p.session else ''}没有报送超期或在长期整改中的事项。"],
        "overdue_rows": [{**r, "due": _cn_short(r["due_day"])} for r in late], "definitions": DEFINITIONS,
        "scope": (f"{p.label}（{cn_date(p.start)}至{cn_date(data['end'])}预约登记）" if p.session
                  else f"{cn_date(p.start)}至{cn_date(data['end'])}"),
    }


# --- the workbook -------------------------------------------------------------------------------

def workbook_tables(data: dict, settings, today: dt.date) -> list:
    from anshang.documents.sheets import Chart, Col, Table

    f, prev = data["figures"], data["previous"]
    world = data["world"]
    title = f"{settings.city}企业诉求办理情况（{data['period'].label}）"

    def table(sheet, name, cols, rows, **more):
        return Table(sheet, f"{title}{name}", settings.office, data["end"], cols, rows, **more)

    w, pw = f["work"], (prev or {}).get("work", {})
    rates, before = _overall_rates(f["by_unit"]), (_overall_rates(prev["by_unit"]) if prev else {})
    items = [("登记", "registered"), ("受理", "accepted"), ("不予受理", "excluded"), ("转属地或部门", "referred"),
             ("接待场次", "sessions_held"), ("接待诉求", "received"), ("当场解决", "solved"), ("交办", "handed_over"),
             ("解释说明", "explained"), ("办结", "closed"), ("撤回", "withdrawn"), ("期末未了结", "open"),
             ("期末超期", "overdue"), ("期末长期整改", "longterm")]
    overall = [[name, w[key], pw.get(key) if prev else "—",
                (w[key] - pw[key]) if prev else "—"] for name, key in items]
    rates["satisfaction_rate"] = period._rate(w["satisfied"], w["revisits"])
    if prev:
        before["satisfaction_rate"] = period._rate(pw["satisfied"], pw["revisits"])
    ratio_rows = []
    for name, key in (("按时报送率", "on_time_rate"), ("办结率", "closure_rate"), ("满意率", "satisfaction_rate")):
        now, was = rates[key], before.get(key)
        ratio_rows.append([name, _rate_cell(now), _rate_cell(was) if prev else "—",
                           round((now - was) * 100, 1) if now is not None and was is not None else "—"])
    units = [[_rank(r), unit_name(world.units, u), r["handed_over"], r["as_co"], r["reports_due"], r["reports_on_time"],
              r["closed"], _rate_cell(r["closure_rate"]), _rate_cell(r["on_time_rate"]), _rate_cell(r["satisfaction_rate"]),
              _rate_cell(r.get("evaluation")), _rate_cell(r.get("composite")),
              r["overdue"], r["chases"], r["supervisions"], "、".join(RATE_NAMES[k] for k in r["below"])]
             for u, r in f["by_unit"].items()]
    leaders = [[leader_name(world.leaders.get(k), k), r["sessions"], r["received"], r["handed_over"], r["closed"]]
               for k, r in f["by_leader"].items()]
    fields = [[k, r["registered"], r["accepted"], r["handed_over"], r["finished"], _rate_cell(r["finish_rate"])]
              for k, r in f["by_field"].items()]
    channels = [[label(CHANNELS, k), r["registered"], r["accepted"], r["finished"], _rate_cell(r["finish_rate"])]
                for k, r in f["by_channel"].items()]
    months = [[k, r["registered"], r["handed_over"], r["closed"]] for k, r in f["by_month"].items()]
    late = [[r["id"], r["enterprise"], r["title"], r["unit"], r["status"], r["due_day"], int(r["late"]) if r["late"] else None]
            for r in data["late"]]
    n = Col
    return [
        table("总体", "：总体", [n("项目", most=16, least=22), n("本期", "int", least=14), n("上期", "int", least=14),
                                 n("增减", "int", least=14)],
              overall, notes=[f"本期：{data['period'].start.isoformat()} 至 {data['end'].isoformat()}。"
                              + (f"上期（{prev['period']['label']}）：{prev['period']['from']} 至 {prev['period']['to']}。"
                                 if prev else "")]),
        table("主要比率", "：主要比率", [n("指标", most=16, least=22), n("本期", "pct", least=14), n("上期", "pct", least=14),
                                         n("增减（百分点）", least=16)], ratio_rows,
              notes=["比率的算法见“指标说明”；没有分母时为“—”。"]),
        table("承办单位", "：承办单位（按综合得分排序）",
              [n("排名", most=6), n("承办单位", most=18), n("交办", "int"), n("配合", "int"), n("应报送", "int"),
               n("按时报送", "int"), n("办结", "int"), n("办结率", "pct"), n("按时报送率", "pct"), n("满意率", "pct"),
               n("企业评议", "num"), n("综合得分", "num"), n("期末超期", "int"), n("催办", "int"), n("督办", "int"), n("低于门槛", most=14)], units,
              charts=[Chart("各承办单位按时报送率", (9,), labels=2, kind="bar", percent=True,
                            rows=sum(1 for r in f["by_unit"].values() if r["rank"] is not None))]),
        table("接待领导", "：接待领导", [n("接待领导", most=20), n("接待场次", "int"), n("接待诉求", "int"), n("交办", "int"),
                                         n("已办结", "int")], leaders,
              charts=[Chart("各接待领导接待诉求", (3, 4), labels=1, kind="col")]),
        table("领域", "：领域", [n("领域", most=20), n("登记", "int"), n("受理", "int"), n("交办", "int"), n("已了结", "int"),
                                 n("了结率", "pct")], fields, charts=[Chart("各领域登记和交办", (2, 4), labels=1, kind="bar")]),
        table("渠道", "：渠道", [n("渠道", most=16), n("登记", "int"), n("受理", "int"), n("已了结", "int"), n("结案率", "pct")],
              channels, charts=[Chart("各渠道登记和了结", (2, 4), labels=1, kind="col")]),
        table("按月", "：按月", [n("月份", most=10), n("登记", "int"), n("交办", "int"), n("办结", "int")], months,
              charts=[Chart("每月登记、交办和办结", (2, 3, 4), labels=1, kind="col")]),
        table("超期和长期整改", "：超期和长期整改事项", [n("编号", most=16, least=16), n("企业", most=30), n("诉求事项", most=36),
                                                      n("牵头单位", most=22), n("状态", most=14), n("下一期限", "date"),
                                                      n("超期（工作日）", "int")], late),
        table("指标说明", "：指标说明", [n("序号", "int"), n("说明", most=90)],
              [[i, text] for i, text in enumerate(DEFINITIONS, start=1)]),
    ]


def _cn_short(day) -> str:
    return "" if day is None else f"{day.year}.{day.month}.{day.day}"


def _score(v) -> str:
    return "—" if v is None else f"{v:.1f}"


def _rank(r: dict) -> str:
    return "—" if r["rank"] is None else str(r["rank"])  # ties share the number (指标说明: 并列)


def _rate_cell(v):
    return "—" if v is None else v


def write_summary(ledger, settings, cal, given: dict, today: dt.date, folder=None, formats=("docx", "xlsx")):
    """Write the report and/or the workbook; returns (paths, data)."""
    from anshang.documents import official
    from anshang.documents.sheets import book_bytes
    from anshang.store import outputs

    data = report_data(ledger, settings, cal, given, today)
    label = data["period"].label
    folder = folder or ledger.output_dir
    files = []  # made before the first is written
    if "docx" in formats:
        path, shown = official.template(ledger, "summary.docx")
        files.append((outputs.safe_filename(f"企业诉求办理情况报告-{label}") + ".docx",
                      official.render(path, shown, word_values(data, settings, today))))
    if "xlsx" in formats:
        files.append((outputs.safe_filename(f"企业诉求办理情况数据-{label}") + ".xlsx", book_bytes(workbook_tables(data, settings, today),
                                                 f"{settings.city}企业诉求办理情况（{data['period'].label}）")))
    return [outputs.write(folder, name, body) for name, body in files], data


def as_json(data: dict) -> dict:
    late = [{k: v for k, v in r.items() if k != "due_day"} for r in data["late"]]
    return {"figures": data["figures"], "previous": data["previous"], "common": data["common"], "late": late,
            "programme": data.get("programme")}


# --- stats for a period (``anshang stats --from/--to … --by``) -----------------------------------

BY = {"unit": "承办单位", "leader": "接待领导", "field": "领域", "channel": "渠道", "month": "按月"}


def by_table(data: dict, settings, by: str):
    """The one table of the period's workbook that ``--by`` asks for."""
    return next(t for t in workbook_tables(data, settings, data["end"]) if t.sheet == BY[by])


def csv_text(table) -> str:
    """The table as CSV for spreadsheet users (UTF-8 with a byte-order mark, so that Excel reads
    the Chinese; a text cell that a spreadsheet would take for a formula gets a leading ')."""
    import csv
    import io

    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow([c.header for c in table.cols])
    for row in table.rows:
        cells = []
        for v in row:
            if isinstance(v, float):
                v = f"{v * 100:.1f}%" if 0 <= v <= 1 else v
            text = "" if v is None else str(v)
            if text[:1] in ("=", "+", "-", "@", "\t", "\r") and not isinstance(v, (int, float)):
                text = "'" + text
            cells.append(text)
        w.writerow(cells)
    return "\ufeff" + buf.getvalue()


def stats_text(table) -> str:
    lines = ["\t".join(c.header for c in table.cols)]
    for row in table.rows:
        lines.append("\t".join("" if v is None else (f"{v * 100:.1f}%" if isinstance(v, float) and 0 <= v <= 1 else str(v))
                               for v in row))
    return "\n".join(lines) + "\n"
