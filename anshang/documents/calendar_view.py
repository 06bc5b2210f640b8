"""Calendar for people: month grids with 休/班 marks, coverage status, and the skeleton of a new
supplement. Pure: takes a Calendar, returns text."""

from __future__ import annotations

import calendar as _pycal
import datetime as dt
from dataclasses import dataclass

from anshang.core.calendar import NOTICE, Calendar
from anshang.core.dates import cn_date
from anshang.core.problems import Problem, render_text

HEADER = " ".join(f"  {c}" for c in "一二三四五六日")


def month_grid(cal: Calendar, year: int, month: int) -> str:
    """One month: a title, weekday header, day cells ('休' day off, '班' make-up day), notes."""
    provisional = not cal.covers(year)
    if provisional:
        cal._guard(dt.date(year, month, 1), dt.date(year, month, 1))  # raises unless allowed
    lines = [f"{year}年{month}月" + ("（暂定：该年节假日安排尚未加入，仅标注周末）" if provisional else ""), HEADER]
    for week in _pycal.Calendar(firstweekday=0).monthdayscalendar(year, month):
        cells = []
        for day in week:
            if day == 0:
                cells.append("    ")
                continue
            d = dt.date(year, month, day)
            mark = "休" if cal.holiday_name(d) else ("班" if cal.is_makeup(d) else "  ")
            cells.append(f"{day:>2}{mark}")
        lines.append(" ".join(cells).rstrip())
    notes = _month_notes(cal, year, month)
    lines += [f"  {n}" for n in notes]
    return "\n".join(lines) + "\n"


def _month_notes(cal: Calendar, year: int, month: int) -> list[str]:
    first = dt.date(year, month, 1)
    last = dt.date(year, month, _pycal.monthrange(year, month)[1])
    runs: dict[str, list[dt.date]] = {}
    makeup = []
    d = first
    while d <= last:
        name = cal.holiday_name(d)
        if name:
            runs.setdefault(name, []).append(d)
        elif cal.is_makeup(d):
            makeup.append(d)
        d += dt.timedelta(days=1)
    notes = [f"{name}：{cn_date(days[0])}至{cn_date(days[-1])}放假" if len(days) > 1
             else f"{name}：{cn_date(days[0])}放假" for name, days in runs.items()]
    notes += [f"{cn_date(x, weekday=True)}调休上班" for x in makeup]
    return notes


def year_grid(cal: Calendar, year: int) -> str:
    return "\n".join(month_grid(cal, year, m) for m in range(1, 13))


def status(cal: Calendar, package: set, today: dt.date, package_version: str,
           broken: list) -> tuple[str, list]:
    """Coverage report, and its warnings as problem records (next year missing from 1 October
    on, this year missing), named after the supplement file that should be added."""
    package_years = sorted(package)
    lines = [f"日历覆盖情况（{cn_date(today)}）："]
    if package_years:
        lines.append(f"  {package_years[0]}–{package_years[-1]} 年：chinese-calendar 软件包 {package_version}"
                     "（国务院办公厅历年节假日安排）")
    for year in sorted(y for y, a in cal.years.items() if a.source != "package"):
        arr = cal.years[year]
        lines.append(f"  {year} 年：{arr.source}（台账补充，"
                     f"{'覆盖软件包数据' if year in package_years else '软件包未含该年'}）")
    if broken:
        lines.append("  以下补充文件有误，未使用：")
    warnings = []
    nxt = today.year + 1
    if today >= dt.date(today.year, 10, 1) and not cal.covers(nxt):
        warnings.append(Problem(f"calendar/{nxt}.yaml", 0, "calendar", "warning",
                                f"{nxt} 年节假日安排尚未加入。国务院办公厅一般在 10–11 月公布《{NOTICE.format(year=nxt)}》，"
                                f"公布后请运行 anshang calendar add {nxt}，照通知填写后运行 anshang check。"
                                f"在此之前，跨入 {nxt} 年的期限无法计算"))
    if not cal.covers(today.year):
        warnings.append(Problem(f"calendar/{today.year}.yaml", 0, "calendar", "warning",
                                f"今年（{today.year} 年）的节假日安排尚未加入，请尽快运行 anshang calendar add {today.year}"))
    return "\n".join(lines) + "\n" + render_text(broken) + render_text(warnings), warnings


def skeleton(year: int, cal: Calendar) -> str:
    """A commented supplement for ``year``: pre-filled from the package when it has the year."""
    arr = cal.years.get(year) if cal.years.get(year) is not None and cal.years[year].source == "package" else None
    head = [
        f"# {year} 年节假日安排（台账补充）。",
        f"# 请对照《{NOTICE.format(year=year)}》逐项填写：放假日期含与假日相连的周末，调休上班日通常是周六或周日。",
        "# 填写完成并运行 anshang check 无误后，本文件才作为有效日历使用；同一年以本文件为准（可更正软件包数据）。",
        f"year: {year}",
    ]
    if arr is None:
        body = [
            "source: ''  # 通知全称和文号，如：" + NOTICE.format(year=year) + "（国办发明电〔" + str(year - 1) + "〕x号）",
            "holidays:  # 放假日期，每个节日一项；删去行首的 # 并改为通知中的日期",
        ]
        for name in ("元旦", "春节", "清明节", "劳动节", "端午节", "中秋节", "国庆节"):
            body += [f"  # - name: {name}", f"  #   from: {year}-01-01", f"  #   to: {year}-01-01"]
        body += ["workdays:  # 调休上班日，每行一个日期", f"  # - {year}-01-01"]
    else:
        body = [f"source: {NOTICE.format(year=year)}  # 由软件包数据预填，请对照通知核对", "holidays:"]
        runs: list[tuple[str, dt.date, dt.date]] = []
        for d in sorted(arr.off):
            name = arr.off[d]
            if runs and runs[-1][0] == name and (d - runs[-1][2]).days == 1:
                runs[-1] = (name, runs[-1][1], d)
            else:
                runs.append((name, d, d))
        for name, a, b in runs:
            body += [f"  - name: {name}", f"    from: {a.isoformat()}", f"    to: {b.isoformat()}"]
        if arr.on:
            body.append("workdays:")
            body += [f"  - {d.isoformat()}" for d in sorted(arr.on)]
        else:
            body.append("workdays: []")
    return "\n".join(head + body) + "\n"


def grid(cal: Calendar, what: str | None, today: dt.date) -> str:
    """The month of ``today``, a year (2026) or a month (2026-10 / 2026年10月)."""
    import re

    from anshang.core.problems import AnshangError

    if what is None:
        return month_grid(cal, today.year, today.month)
    m = re.fullmatch(r"(\d{4})(?:[-/年](\d{1,2})月?)?", what.strip())
    if not m or (m.group(2) and not 1 <= int(m.group(2)) <= 12):
        raise AnshangError(f"看不懂 {what!r}：请写年份（2026）、年-月（2026-10），或 status、add 年份")
    if m.group(2):
        return month_grid(cal, int(m.group(1)), int(m.group(2)))
    return year_grid(cal, int(m.group(1)))


@dataclass
class Coverage:
    text: str
    warnings: list  # Problems
    problems: list  # broken supplements (errors)
    years: dict
    provisional_dates: int = 0


def coverage(ledger, today: dt.date) -> Coverage:
    """Which years the calendar covers (package, ledger supplements), broken supplements, and
    whether to warn (next year missing from 1 October on)."""
    import chinese_calendar

    from anshang.core.calendar import package_arrangements
    from anshang.core.holidays import arrangements
    from anshang.store import loader

    docs, problems = loader.calendar_docs(ledger)
    cal = Calendar(arrangements(docs))
    text, warnings = status(cal, set(package_arrangements()), today, getattr(chinese_calendar, "__version__", "?"),
                            problems)
    pending = provisional_count(ledger) if ledger is not None else 0
    if pending:
        missing = [y for y in (today.year, today.year + 1) if not cal.covers(y)]
        text += (f"台账中有 {pending} 个按暂定日历计算的日期" +
                 (f"（等待 {'、'.join(map(str, missing))} 年节假日安排）；加入后运行 anshang calendar recalc 重新计算。\n"
                  if missing else "；所在年份的安排已加入，请运行 anshang calendar recalc 重新计算。\n"))
    years = {y: a.source for y, a in sorted(cal.years.items())}
    return Coverage(text, warnings, problems, years, pending)


def coverage_json(c: Coverage) -> str:
    import json

    return json.dumps({"years": {str(y): s for y, s in c.years.items()}, "provisional_dates": c.provisional_dates,
                       "problems": [p.as_dict() for p in c.problems + c.warnings]}, ensure_ascii=False, indent=2) + "\n"


def deadline_answer(cal: Calendar, start: dt.date, rule) -> dict:
    """A deadline with its explanation, as data."""
    from anshang.core.deadlines import explain

    due = rule.due(cal, start)
    return {"start": start.isoformat(), "rule": rule.text(), "kind": rule.kind, "n": rule.n,
            "due": due.due.isoformat(), "provisional": due.provisional,
            "explanation": explain(cal, rule, due)}


def deadline_text(a: dict) -> str:
    from anshang.core.dates import parse_date

    mark = "（暂定）" if a["provisional"] else ""
    return (f"起算日：{cn_date(parse_date(a['start']), weekday=True)}（当天不计）\n规则：{a['rule']}\n"
            f"截止日：{cn_date(parse_date(a['due']), weekday=True)}{mark}\n说明：\n"
            + "".join(f"  - {x}\n" for x in a["explanation"]))


SESSION_KEYS = {"notice_date": "通告日期", "registration_from": "预约登记开始", "registration_to": "预约登记截止",
                "date": "接待日期"}


def recalc_text(result, write: bool) -> str:
    """The before/after table of ``calendar recalc``."""
    lines = ["文件\t日期\t原日期\t新日期\t说明"]
    for c in result.changes:
        what = SESSION_KEYS.get(c.what, c.what)
        note = c.note or ("不变" if c.before == c.after else "")
        lines.append(f"{c.rel}\t{what}\t{c.before.isoformat()}\t{c.after.isoformat()}\t{note}")
    moved = sum(1 for c in result.changes if c.before != c.after)
    lines.append(f"共核对 {len(result.changes)} 个暂定日期，改动 {moved} 个"
                 + (f"，写入 {result.files} 个文件" if write else "（未写入）")
                 + (f"；另有 {result.pending} 个日期所在年份的节假日安排仍未加入，保持暂定" if result.pending else "") + "。")
    return "".join(line + "\n" for line in lines)


def provisional_count(ledger) -> int:
    """How many dates in the ledger were computed on the weekends-only guess."""
    from anshang.store import loader

    world = loader.load(ledger, {"case", "session"})
    n = sum(1 for c in world.cases.values() for d in (c.get("deadlines") or {}).values()
            if isinstance(d, dict) and d.get("provisional"))
    return n + sum(1 for s in world.sessions.values() if s.get("provisional"))
