"""Calendar for people: month grids with 休/班 marks, coverage status, deadline explanations,
and the skeleton of a new supplement. Pure: takes a Calendar, returns text."""

from __future__ import annotations

import calendar as _pycal
import datetime as dt

from anshang.calendar import NOTICE, Calendar, Due
from anshang.dates import cn_date

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
           broken: list[str]) -> tuple[str, bool]:
    """Coverage report and whether it warns (next year missing from 1 October on)."""
    package_years = sorted(package)
    lines = [f"日历覆盖情况（{cn_date(today)}）："]
    if package_years:
        lines.append(f"  {package_years[0]}–{package_years[-1]} 年：chinese-calendar 软件包 {package_version}"
                     "（国务院办公厅历年节假日安排）")
    for year in sorted(y for y, a in cal.years.items() if a.source != "package"):
        arr = cal.years[year]
        lines.append(f"  {year} 年：{arr.source}（台账补充，"
                     f"{'覆盖软件包数据' if year in package_years else '软件包未含该年'}）")
    for b in broken:
        lines.append(f"  无效，未使用：{b}")
    warn = False
    nxt = today.year + 1
    if today >= dt.date(today.year, 10, 1) and not cal.covers(nxt):
        warn = True
        lines.append(f"警告：{nxt} 年节假日安排尚未加入。国务院办公厅一般在 10–11 月公布《{NOTICE.format(year=nxt)}》，"
                     f"公布后请运行 anshang calendar add {nxt}，照通知填写后运行 anshang check。"
                     f"在此之前，跨入 {nxt} 年的期限无法计算。")
    if not cal.covers(today.year):
        warn = True
        lines.append(f"警告：今年（{today.year} 年）的节假日安排尚未加入，请尽快运行 anshang calendar add {today.year}。")
    return "\n".join(lines) + "\n", warn


def explain(cal: Calendar, due: Due, kind: str, n: int) -> list[str]:
    """Why the period ended where it did, for a person."""
    if kind == "days":
        # for a period in days only the last day matters (民法典第二百零一条、第二百零三条)
        raw = due.start + dt.timedelta(days=n)
        where = f"第 {n} 日" if n >= 0 else f"往前第 {-n} 日"
        if raw == due.due:
            kind_of_day = "调休上班日，属工作日" if cal.is_makeup(raw) else "工作日"
            notes = [f"{where}为{cn_date(raw, weekday=True)}，是{kind_of_day}，不顺延"]
        elif n >= 0:
            notes = [f"{where}为{cn_date(raw, weekday=True)}，是休息日"
                     f"{'（' + cal.holiday_name(raw) + '）' if cal.holiday_name(raw) else ''}，"
                     f"依民法典第二百零三条顺延至休息日后的第一日{cn_date(due.due, weekday=True)}"]
        else:
            notes = [f"{where}为{cn_date(raw, weekday=True)}，是休息日，"
                     f"提前至此前最后一个工作日{cn_date(due.due, weekday=True)}"]
    else:
        notes = cal.crossed(due.start, due.due)
    if not notes:
        notes.append("期间没有节假日和调休上班日")
    if due.provisional:
        years = sorted({y for y in range(min(due.start, due.due).year, max(due.start, due.due).year + 1)
                        if not cal.covers(y)})
        ys = "、".join(str(y) for y in years)
        notes.append(f"暂定：{ys} 年节假日安排尚未加入，按仅周末休息计算；"
                     f"安排公布后请加入 calendar/{years[0]}.yaml 并重新计算")
    return notes


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
