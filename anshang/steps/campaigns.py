"""Service-month campaigns in the ledger (``campaign``): a commented campaign file written from a
few options, its key activities imported as tasks of a plan named after it (from the campaign
file or an Excel plan, with the task import's rules: all or nothing, updated in place, never
duplicated), and the departments' open days recorded."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from anshang.core import campaigns as core
from anshang.core import naming
from anshang.core.dates import cn_date, maybe_date
from anshang.core.labels import CAMPAIGN_DESKS, CHANNELS
from anshang.core.lifecycle import require
from anshang.core.problems import AnshangError, Problem, ProblemsFound
from anshang.store import canonical, loader
from anshang.store import yamlfile as yamlio
from anshang.store.folder import Ledger

DUTIES = {  # seed 002: what each desk of the campaign office does
    "综合部": "起草文件，组织会议，检查协助各部门、各区县开展活动",
    "工程部": "组织重点项目、重点工程的协调服务",
    "宣传部": "组织媒体全过程跟踪报道，宣传优秀企业和优质服务单位",
    "督办部": "整理分解企业反映的问题，督促整改，调处投诉",
    "评议部": "组织企业评议部门、测评各区县投资环境",
}


def _office_unit(units: dict) -> str:
    """The unit that staffs the desks by default: the business-environment office, else the first unit."""
    for uid, u in units.items():
        if "营商" in str(u.get("name", "")):
            return uid
    return next(iter(units), "")


def _q(value, flow: bool = False) -> str:
    """A value as a YAML scalar the way ``fmt`` writes it: plain when that reads back as the same
    text, else single-quoted (a title with a colon, a hash or — inside ``{…}`` — a comma never breaks
    the file or loses its tail)."""
    text = str(value)
    special = (": " in text or " #" in text or text.endswith(":") or text[:1] in "-?:,[]{}#&*!|>'\"%@`"
               or text != text.strip() or text.replace(".", "").isdigit() or not text
               or (flow and any(ch in text for ch in ",[]{}")))
    return "'" + text.replace("'", "''") + "'" if special else text


def _line(text: str, comment: str = "") -> str:
    """A line of the file with its comment in one column (Chinese characters count two)."""
    from anshang.documents.workbook import text_width

    return f"{text}{' ' * max(1, 40 - text_width(text))}# {comment}" if comment else text


def campaign_text(cid: str, title: str, start: dt.date, end: dt.date, summary_due: dt.date, channels: list[str],
                  office_unit: str, summary_to: str, phases: list | None = None, desks: list | None = None) -> str:
    """The commented campaign file ``campaign new`` writes (an Excel plan's 基本情况 may give the
    phases and the desks; else they are laid out from the dates and the office)."""
    lines = [f"# 专项活动：{title}",
             f"# 修改后运行 anshang check 核对；填写或改动重点活动后运行 anshang campaign import {cid}，",
             f"# 每项活动成为可催办、可督办的任务（tasks/{cid}/）。日期写作 2026-06-01。",
             "# activities 重点活动：序号、名称、承办部门（单位或下面的内设部门）、配合部门、完成时间，每项一行，例如：",
             "#   - {number: 1, title: 召开服务月活动动员大会, lead: 综合部, co: [市政务服务局], limit: 6月上旬}",
             "# open_days 部门开放日：由 anshang campaign openday 记录。",
             _line(f"id: {cid}", "活动编号，勿改"), _line(f"title: {_q(title)}", "活动名称"),
             _line(f"start: {start.isoformat()}", "开始日期"), _line(f"end: {end.isoformat()}", "结束日期"),
             _line("channels:", "活动期间经这些渠道登记的诉求计入本活动")]
    lines += [_line(f"  - {ch}", CHANNELS[ch]) for ch in channels]
    lines.append(_line("phases:", "活动阶段：启动、实施、总结"))
    for p in phases or core.default_phases(start, end):
        lines.append(f"  - {{name: {_q(p['name'], True)}, start: {p['start'].isoformat()}, end: {p['end'].isoformat()}}}")
    lines.append(_line("desks:", "活动办公室内设部门：名称、承担的单位（units.yaml 中的编号或名称）、职责"))
    for d in desks or [{"name": d, "unit": office_unit, "duty": DUTIES[d]} for d in CAMPAIGN_DESKS]:
        lines.append(f"  - {{name: {_q(d['name'], True)}, unit: {_q(d['unit'], True)}"
                     + (f", duty: {_q(d['duty'], True)}}}" if d.get("duty") else "}"))
    lines += [_line(f"summary_due: {summary_due.isoformat()}", "书面总结报送日期"),
              _line(f"summary_to: {_q(summary_to)}", "总结报送对象"),
              "activities: []", "open_days: []", ""]
    return "\n".join(lines)


def new_campaign(ledger: Ledger, settings, cid: str, title: str, start: dt.date, end: dt.date,
                 summary_due: dt.date | None, channels: list[str], summary_to: str | None,
                 phases: list | None = None, desks: list | None = None) -> str:
    """Write ``campaigns/<cid>.yaml``; returns its path relative to the ledger."""
    text = _new_text(ledger, settings, cid, title, start, end, summary_due, channels, summary_to, phases, desks)
    rel = Ledger.campaign_rel(cid)
    with ledger.lock():
        _free(ledger, cid)
        ledger.replace_file(rel, text)
    return rel


def _new_text(ledger, settings, cid, title, start, end, summary_due, channels, summary_to, phases=None, desks=None) -> str:
    """The new campaign file's text, every value checked first (nothing is written here)."""
    Ledger.campaign_rel(cid)  # a usable id
    require(bool(title and title.strip()), "--title 活动名称不能为空")
    require(end >= start, f"结束日期 {end.isoformat()} 早于开始日期 {start.isoformat()}")
    chans = [naming.choice(c, CHANNELS, "--channel") for c in channels] or list(core.DEFAULT_CHANNELS)
    due = summary_due or end + dt.timedelta(days=15)
    require(due >= end, f"书面总结报送日期 {due.isoformat()} 早于活动结束日期 {end.isoformat()}")
    units = loader.load(ledger, {"units"}).units
    return campaign_text(cid, title.strip(), start, end, due, chans, _office_unit(units),
                         summary_to or f"{settings.city}优化营商环境领导小组", phases, desks)


def _free(ledger: Ledger, cid: str) -> None:
    rel = Ledger.campaign_rel(cid)
    if ledger.path(rel).exists():
        raise AnshangError(f"{rel} 已存在：专项活动 {cid} 已建立，修改请编辑该文件")
    if ledger.path(Ledger.plan_rel(cid)).exists():
        raise AnshangError(f"编号 {cid} 已是行动方案（tasks/{cid}/）；专项活动请换一个编号")


def find_campaign(ledger: Ledger, given: str) -> str:
    """A campaign by its id (or a unique prefix), or by a part of its title."""
    from anshang.core.ids import resolve

    ids = [r.rsplit("/", 1)[1][:-5] for r in ledger.campaign_files()]
    g = (given or "").strip()
    if g.isascii():
        return resolve(g, ids, "专项活动")
    world = loader.load(ledger, {"campaign"})
    hits = [c for c, x in sorted(world.campaigns.items()) if g in str(x.get("title", ""))]
    if len(hits) != 1:
        raise AnshangError(f"没有标题含“{g}”的专项活动" if not hits else f"“{g}”对应 {len(hits)} 个专项活动：{'、'.join(hits)}；请写编号")
    return hits[0]


def _desks(campaign: dict, units: dict, rel: str) -> tuple[dict, list]:
    out, problems = {}, []
    for i, d in enumerate(campaign.get("desks") or []):
        try:
            out[str(d["name"])] = naming.unit(str(d["unit"]), units)
        except AnshangError as e:
            problems.append(Problem(rel, 0, "campaign", "error", f"内设部门“{d.get('name')}”：{e.message}", f"desks[{i}]"))
    return out, problems


def _activities_sheet(campaign: dict, units: dict, desks: dict, rel: str):
    """The campaign file's activities as a plan sheet (rows and problems), like an Excel list's."""
    from anshang.core import tasks as tcore
    from anshang.documents.plan_sheet import Sheet

    start = maybe_date(campaign.get("start"))
    sheet = Sheet(year=start.year if start else None)
    for i, a in enumerate(campaign.get("activities") or []):
        where = f"activities[{i}]"

        def problem(msg, where=where):
            sheet.problems.append(Problem(rel, 0, "campaign", "error", msg, where))

        number = a.get("number")
        if number in sheet.numbers:
            problem(f"序号 {number} 重复")
            continue
        sheet.numbers[number] = where
        names = [str(a.get("lead") or "")] + [str(x) for x in a.get("co") or []]
        ids, desk = [], None
        for k, n in enumerate(names):
            if n in desks:
                desk = desk or (n if k == 0 else None)
                ids.append(desks[n])
                continue
            try:
                ids.append(naming.unit(n, units))
            except AnshangError as e:
                problem(f"第 {number} 项“{a.get('title')}”：{e.message}")
        try:
            limit = tcore.parse_limit(str(a.get("limit") or ""), sheet.year)
        except ValueError as e:
            problem(f"第 {number} 项“{a.get('title')}”：{e}")
            continue
        if len(ids) == len(names):
            sheet.rows.append({"number": number, "title": str(a.get("title")), "lead": ids[0],
                               "co": [u for u in dict.fromkeys(ids[1:]) if u != ids[0]], "limit": str(a.get("limit")),
                               "cell": f"重点活动第{number}项", "limit_cell": where, "rule": limit.rule,
                               "ongoing": limit.ongoing, "desk": desk})
    return sheet


def import_campaign(ledger: Ledger, settings, cal, cid: str, path: Path | None, day: dt.date, by: str):
    """Make the campaign's activities tasks (tasks/<cid>/<nn>.yaml). With ``path`` (an Excel plan)
    its activity rows are read first and written into the campaign file's ``activities`` (the file
    stays the record of the plan); without, the campaign file's ``activities`` are used as written."""
    rel = Ledger.campaign_rel(cid)
    with ledger.lock():  # the activities and the campaign file's list are decided and written together
        return _import(ledger, settings, cal, cid, rel, path, day, by)


def _import(ledger: Ledger, settings, cal, cid: str, rel: str, path: Path | None, day: dt.date, by: str):
    from anshang.steps.tasks import import_tasks

    campaign = loader.read(ledger, rel, missing_ok=True)
    new_text = None
    if campaign is None and path is not None:  # a new campaign: its 基本情况 sheet says what campaign new would be told
        basics = read_basics(path)
        if basics is not None:
            _free(ledger, cid)
            new_text = _new_text(ledger, settings, cid, basics["title"], basics["start"], basics["end"],
                                 basics.get("summary_due"), basics.get("channels") or [], basics.get("summary_to"),
                                 basics.get("phases"), basics.get("desks"))
            campaign = yamlio.strip_lines(yamlio.loads(new_text))  # written only once every activity has been imported
    if campaign is None:
        raise AnshangError(f"没有专项活动 {cid}（{rel}）：先用 anshang campaign new {cid} --title … --start … --end … 建立，"
                           "或在 Excel 方案中加一张“基本情况”表（活动名称、开始日期、结束日期等）后再导入")
    plan = loader.read(ledger, Ledger.plan_rel(cid), missing_ok=True)
    if plan is not None and plan.get("campaign") != cid:
        raise AnshangError(f"编号 {cid} 已是行动方案 {plan.get('title', '')}（tasks/{cid}/）；专项活动须用另一个编号")
    units = loader.load(ledger, {"units"}).units
    desks, problems = _desks(campaign, units, rel)
    if problems:
        raise ProblemsFound("活动办公室内设部门的单位有误：", problems, f"请修改 {rel} 中的 desks 后重试")
    start = maybe_date(campaign.get("start"))
    if path is not None:
        from anshang.documents.plan_sheet import read_plan

        sheet = read_plan(path, units, start.year if start else None, desks)
        name = Path(path).name
    else:
        sheet = _activities_sheet(campaign, units, desks, rel)
        name = rel
        if not sheet.rows and not sheet.problems:
            raise AnshangError(f"{rel} 中还没有重点活动（activities）：按文件中的例子填写，或从 Excel 方案导入："
                               f"anshang campaign import {cid} 方案.xlsx")
    sheet.title = ""  # the campaign file names the plan
    extra = {"title": campaign.get("title"), "campaign": cid}
    result = import_tasks(ledger, settings, cal, Path(name), cid, start.year if start else None, start, day, by,
                          sheet=sheet, plan_extra=extra)
    if new_text is not None:
        ledger.replace_file(rel, new_text)
    if path is not None:  # the plan's activities, as read, become the campaign file's list
        def written(row):
            a = {"number": row["number"], "title": row["title"], "lead": row.get("desk") or _unit_label(units, row["lead"]),
                 "co": [_unit_label(units, u) for u in row["co"]], "limit": row["limit"]}
            return {k: v for k, v in a.items() if v not in (None, "", [])}

        acts = [written(r) for r in sorted(sheet.rows, key=lambda r: r["number"])]

        def change(doc):
            canonical.put(doc, "activities", [canonical.one_line(canonical.to_rt(a)) for a in acts], "campaign")
            canonical.put(doc, "source", name, "campaign")

        ledger.edit(rel, change)
    return result


BASICS = {"活动名称": "title", "开始日期": "start", "结束日期": "end", "总结报送日期": "summary_due",
          "书面总结报送日期": "summary_due", "总结报送对象": "summary_to", "计入渠道": "channels", "渠道": "channels"}


def read_basics(path: Path) -> dict | None:
    """The 基本情况 sheet of an Excel campaign plan (None when there is none): label in column A,
    value in B — 活动名称、开始日期、结束日期、总结报送日期、总结报送对象、计入渠道; a phase (启动阶段、
    实施阶段、总结阶段: its start in B, its end in C); a desk (综合部…: its unit in B, its duty in C).
    Stops with every unreadable cell listed."""
    from anshang.core.dates import parse_date
    from anshang.core.labels import CAMPAIGN_PHASES
    from anshang.store.workbook import BookProblem, clean, open_workbook

    name = Path(path).name
    try:
        wb = open_workbook(path)
    except BookProblem as e:
        raise AnshangError(f"{name}: {e}") from None
    ws = next((w for w in wb.worksheets if w.title.strip() == "基本情况"), None)
    if ws is None:
        return None
    out: dict = {"phases": [], "desks": []}
    problems = []

    def bad(cell, msg):
        problems.append(Problem(name, 0, "campaign", "error", msg, f"{ws.title}!{cell.coordinate}"))

    def day(cell, what):
        try:
            return parse_date(cell.value if not isinstance(cell.value, str) else clean(cell.value))
        except ValueError:
            bad(cell, f"{what}“{clean(cell.value)}”不是日期（写作 2026-06-01 或 2026年6月1日）")
            return None

    for row in ws.iter_rows(min_row=1, max_col=3):
        label = clean(row[0].value).replace(" ", "")
        b, c = row[1] if len(row) > 1 else None, row[2] if len(row) > 2 else None
        if not label or b is None:
            continue
        if label in BASICS:
            key = BASICS[label]
            if key in ("start", "end", "summary_due"):
                out[key] = day(b, label)
            elif key == "channels":
                try:
                    out[key] = [naming.choice(x, CHANNELS, label) for x in re.split(r"[、，,；;\s]+", clean(b.value)) if x]
                except AnshangError as e:
                    bad(b, e.message)
            else:
                out[key] = clean(b.value)
        elif label in CAMPAIGN_PHASES:
            start, end = day(b, label), day(c, label) if c is not None else None
            if start and end:
                out["phases"].append({"name": label, "start": start, "end": end})
        elif label in CAMPAIGN_DESKS and clean(b.value):
            out["desks"].append({"name": label, "unit": clean(b.value), "duty": clean(c.value) if c is not None else ""})
    for key, label in (("title", "活动名称"), ("start", "开始日期"), ("end", "结束日期")):
        if not out.get(key) and not any(label in p.message for p in problems):
            problems.append(Problem(name, 0, "campaign", "error", f"“基本情况”表缺少{label}（A 列写“{label}”，B 列写内容）", ws.title))
    if problems:
        raise ProblemsFound("活动方案的“基本情况”表有误：", problems, "活动未建立（一项也未写入）；请修改后重新导入")
    return out


def _unit_label(units: dict, uid: str) -> str:
    return (units.get(uid) or {}).get("name") or uid


def add_open_day(ledger: Ledger, cid: str, unit: str, day: dt.date, place: str | None, note: str | None, by: str) -> dict:
    """Record a department's open day (部门开放日) of the campaign."""
    rel = Ledger.campaign_rel(cid)
    units = loader.load(ledger, {"units"}).units
    uid = naming.unit(unit, units)
    with ledger.lock():
        campaign = loader.read(ledger, rel)
        start, end = core.span(campaign)
        require(start is None or end is None or start <= day <= end,
                f"{cn_date(day)}不在活动期间（{start}—{end}）：部门开放日应在活动期间举办")
        for o in campaign.get("open_days") or []:
            if o.get("unit") == uid and maybe_date(o.get("date")) == day:
                raise AnshangError(f"{(units.get(uid) or {}).get('name', uid)} {day.isoformat()} 的开放日已记录过")
        entry = {k: v for k, v in {"date": day, "unit": uid, "place": place, "note": note, "by": by}.items() if v}

        def change(doc):
            line = canonical.one_line(canonical.to_rt(entry))
            if doc.get("open_days"):
                doc["open_days"].append(line)
            else:
                canonical.put(doc, "open_days", [line], "campaign")

        ledger.edit(rel, change)
    return {**entry, "unit_name": (units.get(uid) or {}).get("name", uid)}
