"""A responsibility list (责任清单) of an action plan as offices write it in Excel: a title row,
then a header found by its words (序号, 工作任务 or 主要任务/重点任务, 牵头单位, 配合单位 or 责任单位
with the lead first, 完成时限 or 时间节点), merged cells filled from their first cell, section
headings (一、…) skipped. Each row becomes a task record or problems with its cell; units are
named as the ledger's units, time limits read by ``core.tasks``."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from anshang.core import naming
from anshang.core import tasks as core
from anshang.core.problems import AnshangError, Problem
from anshang.store.workbook import BookProblem, clean, find_header, label_key, open_workbook

COLUMNS = {  # key -> header words (compared without spaces and bracketed hints)
    "number": ("序号", "编号", "序"),
    "title": ("工作任务", "主要任务", "重点任务", "任务内容", "具体任务", "工作内容", "任务", "主要工作", "工作措施",
              "活动名称", "活动内容", "重点活动", "活动项目"),
    "lead": ("牵头单位", "牵头部门", "主责单位", "牵头"),
    "co": ("配合单位", "配合部门", "协办单位", "配合"),
    "units": ("责任单位", "责任部门", "承办单位", "承办部门"),
    "limit": ("完成时限", "完成期限", "时间节点", "完成时间", "完成时间节点", "时限要求", "时限", "期限", "进度安排",
              "活动时间", "时间安排", "举办时间"),
}
_HEADER = {label_key(w): k for k, words in COLUMNS.items() for w in words}


@dataclass
class Sheet:
    """What a responsibility list holds: its title, year, rows and problems."""

    title: str = ""
    year: int | None = None
    rows: list = field(default_factory=list)  # dicts: number, title, lead, co, limit (text), cell, limit_cell, rule, ongoing
    problems: list = field(default_factory=list)
    numbers: dict = field(default_factory=dict)  # number -> the cell it was first seen in (rows with problems too)


def _find_header(ws):
    """The header row: a task column and a unit column (牵头单位 or 责任单位) at least."""
    return find_header(ws, _HEADER, lambda found: "title" in found and bool(found & {"lead", "units"}))


def _merged_values(ws) -> dict:
    """(row, column) -> the value of the merged range's first cell, for every cell of a range."""
    out = {}
    for rng in ws.merged_cells.ranges:
        first = ws.cell(rng.min_row, rng.min_col).value
        for r in range(rng.min_row, rng.max_row + 1):
            for c in range(rng.min_col, rng.max_col + 1):
                out[(r, c)] = first
    return out


def read_plan(path: Path, units: dict, year: int | None, desks: dict | None = None) -> Sheet:
    """Every task row of the workbook's sheets that have a task list header. ``desks`` (a
    campaign's: desk name -> unit id) lets a row name a desk of the campaign office as its unit."""
    name = Path(path).name
    try:
        wb = open_workbook(path)
    except BookProblem as e:
        raise AnshangError(f"{name}: {e}") from None
    out = Sheet(year=year)
    found = False
    for ws in wb.worksheets:
        header, cols = _find_header(ws)
        if header is None:
            continue
        found = True
        if "limit" not in cols.values():
            raise AnshangError(f"{name}: 工作表“{ws.title}”第 {header} 行的表头中没有完成时限一栏"
                               "（可写作 完成时限、完成期限、时间节点、完成时间）")
        merged = _merged_values(ws)
        for row in ws.iter_rows(min_row=1, max_row=header - 1) if header > 1 else ():  # title rows above the header
            for cell in row:
                text = clean(merged.get((cell.row, cell.column), cell.value))
                if text and not out.title:
                    out.title = text.replace("\n", "")
        if out.year is None:
            m = re.search(r"(20\d\d)\s*年", out.title)
            out.year = int(m.group(1)) if m else None
        for r in ws.iter_rows(min_row=header + 1):
            vals = {}
            for c in r:
                if c.column in cols:
                    raw = merged.get((c.row, c.column), c.value)
                    vals[cols[c.column]] = (clean(raw), f"{ws.title}!{c.coordinate}", raw)
            texts = [v for v, _, _ in vals.values()]
            if not any(texts) or len(set(texts)) == 1:
                continue  # an empty row, or a heading merged across the row (二、优化要素保障)
            _row(vals, units, out, name, desks or {})
    if not found:
        raise AnshangError(f"{name}: 找不到表头：需要“工作任务”（或主要任务、重点任务）和“牵头单位”（或责任单位）两列"
                           "（可在标题行之下）")
    return out


def _row(vals: dict, units: dict, out: Sheet, file: str, desks: dict | None = None) -> None:
    def v(key):
        return vals.get(key, ("", "", None))[0]

    def where(key):
        return vals.get(key, ("", "", None))[1] or vals.get("title", ("", "", None))[1]

    number = core.task_number(v("number"))
    has_units = bool(v("lead") or v("units"))
    if number is None and not has_units and not v("limit") and not v("co"):
        return  # a section heading (一、提升政务服务效能) or a note row: no number, unit or time limit
    problems = []

    def problem(key, message):
        problems.append(Problem(file, 0, "plan", "error", message, where(key)))

    if number is None:
        problem("number", f"序号“{v('number')}”不是数字：每项任务写一个序号（1、2、3…），同一清单中不重复")
    elif number in out.numbers:
        problem("number", f"序号 {number} 与 {out.numbers[number]} 重复：同一清单中每项任务一个序号")
    else:
        out.numbers[number] = where("number")
    if not v("title"):
        problem("title", "工作任务为空")
    names = core.split_units(v("lead")) if v("lead") else core.split_units(v("units"))
    # 责任单位 (the lead first) and a 配合单位 column may come together (承办部门 + 配合部门)
    co_names = core.split_units(v("co")) if v("lead") else names[1:] + core.split_units(v("co"))
    lead_names = names[:1] if v("units") and not v("lead") else names
    lead, co = [], []
    districts = sorted(uid for uid, u in units.items() if u.get("kind") == "district")
    desk = None
    for target, given, col in ((lead, lead_names, "lead" if v("lead") else "units"),
                               (co, co_names, "co" if v("lead") or v("co") else "units")):
        for n in given:
            if n in core.ALL_DISTRICTS:  # 各区县政府: every district government of units.yaml
                if target is lead and not lead:
                    problem(col, f"牵头单位写的是“{n}”：请写明一个牵头单位，各区县政府写在配合单位中")
                    continue
                target.extend(districts)
                continue
            if n in (desks or {}):  # a desk of the campaign office (综合部): the unit that staffs it
                if target is lead and not lead:
                    desk = n
                target.append(desks[n])
                continue
            try:
                target.append(naming.unit(n, units))
            except AnshangError as e:
                problem(col, e.message.replace("承办单位", "单位", 1) + "（可在 units.yaml 中该单位下加 aliases）")
    if not lead and not problems:
        problem("lead", "没有牵头单位")
    raw = vals.get("limit", ("", "", None))[2]
    limit = None
    if hasattr(raw, "year") and hasattr(raw, "month"):
        from anshang.core.deadlines import Rule

        day = raw.date() if hasattr(raw, "date") and callable(raw.date) else raw
        limit = core.Limit(Rule("fixed", on=day))
    else:
        try:
            limit = core.parse_limit(v("limit"), out.year)
        except ValueError as e:
            problem("limit", str(e))
    if problems:
        out.problems += problems
        return
    out.rows.append({"number": number, "title": v("title"), "lead": lead[0],
                     "co": [u for u in dict.fromkeys(lead[1:] + co) if u != lead[0]],
                     "limit": v("limit"), "cell": where("number"), "limit_cell": where("limit"),
                     "rule": limit.rule, "ongoing": limit.ongoing, "desk": desk})
