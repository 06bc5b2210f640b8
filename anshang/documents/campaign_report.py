"""A campaign's written summary (``campaign report``): its key activities done on time, the demands
received through its channels and how many were closed (per channel and per unit, the complaint
closure rate), the departments' open days and the enterprises' evaluations — a Word document from
``campaign.docx`` (GB/T 9704) and a print-ready workbook, as the ledger stood at the end of the day."""

from __future__ import annotations

import datetime as dt

from anshang.core import campaigns as core
from anshang.core import lifecycle, period
from anshang.core.dates import cn_date, maybe_date
from anshang.core.evaluations import unit_scores
from anshang.core.labels import CHANNELS, label
from anshang.core.obligations import late_by
from anshang.documents.names import unit_name
from anshang.documents.sheets import Col, Table


def pct(v) -> str:
    return "—" if v is None else f"{v * 100:.1f}%"


def activity_rows(world, cid: str, cal, today: dt.date, co_reports: str) -> list[dict]:
    """Each activity: its organiser, its due date, and whether (and when) it was done."""
    rows = []
    for t in sorted((t for t in world.tasks.values() if t.get("plan") == cid), key=lambda t: t.get("number") or 0):
        lead, _ = lifecycle.units_of(t)
        res = [o for o in lifecycle.obligations(t, co_reports, include_closed=True) if o.kind == "result" and o.part == "lead"]
        ob = res[0] if res else None
        done = ob.met if ob and ob.met else lifecycle.closed_on(t)
        if done is not None:
            late = late_by(done, ob.due, cal) if ob and done > ob.due else 0
            when = f"{done.month}月{done.day}日" + ("按时完成" if not late else f"完成，逾期 {late} 个工作日")
            # reported done by its organiser; closed once the office has checked it
            status, on_time = (when if lifecycle.is_closed(t) else f"{when}（已报完成，待核实办结）"), not late
        elif ob is not None and ob.due < today:
            status, on_time = "未完成，已超期", False
        else:
            status, on_time = "未到完成时间", None
        rows.append({"id": t["id"], "number": t.get("number"), "title": t.get("title", ""), "closed": lifecycle.is_closed(t),
                     "unit": t.get("desk") or unit_name(world.units, lead), "limit": t.get("limit", ""),
                     "due": ob.due if ob else None, "done": done, "on_time": on_time, "status": status})
    return rows


def report_data(ledger, settings, cal, cid: str, today: dt.date) -> dict:
    from anshang.core.problems import AnshangError
    from anshang.store import loader

    world = loader.load_as_of(ledger, today, cal)
    campaign = world.campaigns.get(cid)
    start, end = core.span(campaign or {})
    if campaign is None or start is None or end is None:
        raise AnshangError(f"没有专项活动 {cid}，或其开始、结束日期不全（anshang check 可核对 campaigns/{cid}.yaml）")
    if today < start:
        raise AnshangError(f"专项活动 {cid} 在 {start.isoformat()} 才开始，--date {today.isoformat()} 时还没有可总结的内容")
    co = settings.policy.co_unit_reports
    import dataclasses

    linked = core.cases_of(campaign, world.cases)
    sub = dataclasses.replace(world, cases=linked, sessions={})
    # the campaign's demands (registered while it ran) followed to the day of writing: handed over,
    # reported and closed since, whenever that was
    p = period.span(start, max(end, today))
    figs = period.figures(sub, p, today, co)
    acts = activity_rows(world, cid, cal, today, co)
    scores = unit_scores(world.evaluations, start, end, campaign=cid)
    ranked = sorted(scores.items(), key=lambda kv: (-kv[1]["score"], kv[0]))
    registered = sum(r["registered"] for r in figs["by_channel"].values())
    finished = sum(r["finished"] for r in figs["by_channel"].values())
    return {"campaign": campaign, "id": cid, "start": start, "end": end, "today": today, "world": world,
            "activities": acts, "figures": figs, "registered": registered, "finished": finished,
            "closure_rate": period._rate(finished, registered), "evaluations": ranked,
            "open_days": sorted(campaign.get("open_days") or [], key=lambda o: (str(o.get("date")), str(o.get("unit"))))}


def word_values(data: dict, settings) -> dict:
    c, world, acts = data["campaign"], data["world"], data["activities"]
    done = [a for a in acts if a["done"]]
    on_time = [a for a in acts if a["on_time"]]
    phases = "、".join(f"{p.get('name')}（{cn_date(maybe_date(p.get('start')))}至{cn_date(maybe_date(p.get('end')))}）"
                      for p in c.get("phases") or [])
    intro = [f"{cn_date(data['start'])}至{cn_date(data['end'])}，{c.get('title', '')}在全市开展"
             + (f"，分为{phases}" if phases else "") + "。现将活动开展情况总结如下。"]
    act_lines = [f"活动安排重点活动 {len(acts)} 项，截至{cn_date(data['today'])}已完成 {len(done)} 项，其中按时完成 {len(on_time)} 项"
                 + (f"，按时完成率 {pct(period._rate(len(on_time), len(acts)))}" if acts else "") + "。"]
    late = [a for a in acts if a["on_time"] is False]
    if late:
        act_lines.append("未按时完成的：" + "；".join(f"{a['title']}，{a['unit']}，{a['status']}" for a in late) + "。")
    figs = data["figures"]
    chans = "、".join(f"{label(CHANNELS, k)} {r['registered']} 件" for k, r in figs["by_channel"].items())
    demand_lines = [f"活动期间经{'、'.join(label(CHANNELS, ch) for ch in core.channels(c))}登记企业诉求和投诉 {data['registered']} 件"
                    + (f"（{chans}）" if chans else "") + f"，截至{cn_date(data['today'])}已了结 {data['finished']} 件，"
                    f"投诉结案率 {pct(data['closure_rate'])}。"]
    units = [(u, r) for u, r in figs["by_unit"].items() if r["handed_over"]]
    demand_lines.append("交办承办单位办理的诉求，各单位办理情况见表3。" if units else "这些诉求尚无交办承办单位办理的。")
    opens = data["open_days"]
    open_lines = [f"活动期间举办部门开放日 {len(opens)} 场：" + "；".join(
        f"{cn_date(maybe_date(o.get('date')))}，{unit_name(world.units, o.get('unit'))}" + (f"（{o['place']}）" if o.get("place") else "")
        + (f"，{o['note']}" if o.get("note") else "") for o in opens) + "。"] if opens else ["活动期间没有记录部门开放日。"]
    ev = data["evaluations"]
    ev_lines = ([f"组织企业评议部门，{len(ev)} 个单位得到评分，结果见表4；平均得分最高的是{unit_name(world.units, ev[0][0])}"
                 f"（{ev[0][1]['score']:.1f} 分）。"] if ev else ["本次活动没有开展企业评议。"])
    return {
        "city": settings.city, "office": settings.office, "date": cn_date(data["today"]),
        "phone": (settings.contact or {}).get("phone", ""), "email": (settings.contact or {}).get("email", ""),
        "address": (settings.contact or {}).get("address", ""), "title": c.get("title", ""),
        "summary_to": c.get("summary_to") or f"{settings.city}优化营商环境领导小组", "intro": intro,
        "activity_lines": act_lines,
        "activity_rows": [{"n": a["number"], "title": a["title"], "unit": a["unit"],
                           "due": cn_date(a["due"]) if a["due"] else a["limit"], "status": a["status"]} for a in acts],
        "demand_lines": demand_lines,
        "channel_rows": [{"channel": label(CHANNELS, k), "registered": r["registered"], "accepted": r["accepted"],
                          "finished": r["finished"], "finish_rate": pct(r["finish_rate"])} for k, r in figs["by_channel"].items()],
        "unit_rows": [{"unit": unit_name(world.units, u), "handed": r["handed_over"], "closed": r["closed_of_handed"],
                       "closure": pct(r["closure_rate"]), "on_time": pct(r["on_time_rate"])} for u, r in units]
        or [{"unit": "（活动期间登记的诉求尚无交办）", "handed": "—", "closed": "—", "closure": "—", "on_time": "—"}],
        "open_day_lines": open_lines, "evaluation_lines": ev_lines,
        "evaluation_rows": [{"rank": i, "unit": unit_name(world.units, u), "count": s["count"], "score": f"{s['score']:.1f}"}
                            for i, (u, s) in enumerate(ev, start=1)],
    }


def workbook_tables(data: dict, settings) -> list:
    c, world = data["campaign"], data["world"]
    title = c.get("title", "")
    when = data["today"]

    def table(sheet, name, cols, rows, **more):
        return Table(sheet, f"{title}{name}", settings.office, when, cols, rows, **more)

    def alert(a):  # the last column colours the row (sheets._colour_rows): late red, checked and closed grey
        return "超期" if a["on_time"] is False else ("已办结" if a["closed"] else "")

    acts = [[a["number"], a["title"], a["unit"], a["due"], a["done"], a["status"], alert(a)] for a in data["activities"]]
    tones = [{"超期": "overdue", "已办结": "closed"}.get(alert(a), "") for a in data["activities"]]
    chans = [[label(CHANNELS, k), r["registered"], r["accepted"], r["finished"], period._rate(r["finished"], r["registered"])]
             for k, r in data["figures"]["by_channel"].items()]
    chans.append(["合计", data["registered"], sum(r["accepted"] for r in data["figures"]["by_channel"].values()),
                  data["finished"], data["closure_rate"] if data["closure_rate"] is not None else "—"])
    units = [[unit_name(world.units, u), r["handed_over"], r["closed_of_handed"],
              r["closure_rate"] if r["closure_rate"] is not None else "—", r["on_time_rate"] if r["on_time_rate"] is not None else "—"]
             for u, r in data["figures"]["by_unit"].items() if r["handed_over"]]
    opens = [[maybe_date(o.get("date")), unit_name(world.units, o.get("unit")), o.get("place", ""), o.get("note", "")]
             for o in data["open_days"]]
    evs = [[i, unit_name(world.units, u), s["count"], s["score"]] for i, (u, s) in enumerate(data["evaluations"], start=1)]
    return [
        table("重点活动", "：重点活动完成情况", [Col("序号", "int"), Col("活动", most=36), Col("承办", most=18),
                                                Col("完成时间", "date"), Col("完成日期", "date"), Col("完成情况", most=24),
                                                Col("提醒", most=8)],
              acts, tones=tones, notes=["提醒：未按时完成的标“超期”（红色），已核实办结的标“已办结”（灰色）。"]),
        table("渠道", "：各渠道诉求", [Col("渠道", most=16), Col("登记", "int"), Col("受理", "int"), Col("已了结", "int"),
                                       Col("结案率", "pct")], chans,
              notes=["结案率 = 活动期间登记的诉求中到截至日已了结的 ÷ 登记的诉求；合计一行即投诉结案率。"]),
        table("承办单位", "：各承办单位办理情况", [Col("承办单位", most=24), Col("交办", "int"), Col("办结", "int"),
                                                   Col("办结率", "pct"), Col("按时报送率", "pct")], units),
        table("部门开放日", "：部门开放日", [Col("日期", "date"), Col("举办部门", most=24), Col("地点", most=24),
                                             Col("情况", most=40)], opens),
        table("企业评议", "：企业评议结果", [Col("名次", "int"), Col("被评议单位", most=24), Col("评分条数", "int"),
                                             Col("平均得分", "num")], evs),
    ]


def write_report(ledger, settings, cal, cid: str, today: dt.date, folder=None) -> tuple[list, dict]:
    from anshang.documents import official
    from anshang.documents.sheets import book_bytes
    from anshang.store import outputs

    data = report_data(ledger, settings, cal, cid, today)
    name = outputs.safe_filename(f"{data['campaign'].get('title', cid)}工作总结")
    path, shown = official.template(ledger, "campaign.docx")
    files = [(name + ".docx", official.render(path, shown, word_values(data, settings))),
             (name + ".xlsx", book_bytes(workbook_tables(data, settings), data["campaign"].get("title", cid)))]
    return [outputs.write(folder or ledger.output_dir, n, body) for n, body in files], data


def as_json(data: dict) -> dict:
    return {"campaign": data["id"], "title": data["campaign"].get("title", ""), "from": data["start"].isoformat(),
            "to": data["end"].isoformat(), "as_of": data["today"].isoformat(),
            "activities": [{**{k: a[k] for k in ("id", "number", "title", "unit", "status", "on_time")},
                            "due": a["due"].isoformat() if a["due"] else None, "done": a["done"].isoformat() if a["done"] else None}
                           for a in data["activities"]],
            "registered": data["registered"], "finished": data["finished"], "closure_rate": data["closure_rate"],
            "by_channel": data["figures"]["by_channel"],
            "by_unit": {u: {k: r[k] for k in ("handed_over", "closed_of_handed", "closure_rate", "on_time_rate")}
                        for u, r in data["figures"]["by_unit"].items() if r["handed_over"]},
            "open_days": [{**o, "date": str(o.get("date"))} for o in data["open_days"]],
            "evaluations": {u: s for u, s in data["evaluations"]}}


def campaign_text(ledger, settings, cal, today: dt.date) -> str:
    """Every campaign in a few lines (``campaign list``)."""
    from anshang.store import loader

    world = loader.load_as_of(ledger, today, cal)
    imported: dict = {}  # the activities as imported (whatever their start), to compare with the campaign files
    for t in loader.load(ledger, {"task"}).tasks.values():
        imported.setdefault(t.get("plan"), {})[t.get("number")] = t
    if not world.campaigns:
        return "还没有专项活动（建立：anshang campaign new 编号 --title 名称 --start 日期 --end 日期）\n"
    lines = [f"专项活动 {len(world.campaigns)} 个"]
    for cid, c in sorted(world.campaigns.items()):
        start, end = core.span(c)
        acts = activity_rows(world, cid, cal, today, settings.policy.co_unit_reports)
        linked = core.cases_of(c, world.cases)
        phase = core.phase_on(c, today) or ("未开始" if start and today < start else "已结束" if end and today > end else "")
        lines.append(f"{cid} {c.get('title', '')}  {start}—{end}  {phase}")
        lines.append(f"    重点活动 {len(acts)} 项（已完成 {sum(1 for a in acts if a['done'])}，按时 "
                     f"{sum(1 for a in acts if a['on_time'])}）  计入诉求 {len(linked)} 件  部门开放日 {len(c.get('open_days') or [])} 场"
                     + (f"  总结报送：{c['summary_due']}" if c.get("summary_due") else ""))
        stale = [a.get("number") for a in c.get("activities") or [] if a.get("number") not in imported.get(cid, {})
                 or imported[cid][a["number"]].get("title") != a.get("title")
                 or imported[cid][a["number"]].get("limit") != a.get("limit")]
        if stale:
            lines.append(f"    活动文件中第 {'、'.join(str(n) for n in stale)} 项重点活动尚未导入或改动后未重新导入：运行 anshang campaign import {cid}")
    return "\n".join(lines) + "\n"
