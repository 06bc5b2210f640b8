"""Calendar supplements ``calendar/YYYY.yaml``: validation, conversion to a year's arrangement,
and the ledger's calendar (package years overridden by valid supplements)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from anshang.core.calendar import YearArrangement, package_arrangements
from anshang.core.dates import maybe_date, parse_date
from anshang.core.lines import line_of
from anshang.core.problems import Problem


def supplement_problems(data, rel: str) -> list[Problem]:
    """What is wrong with one supplement beyond its shape (the schema's business): file name,
    dates outside the year, reversed ranges, a day both off and on, no holidays filled in yet."""
    problems: list[Problem] = []
    if not isinstance(data, dict):
        return problems

    def add(line, msg, sev="error"):
        problems.append(Problem(rel, line, "calendar", sev, msg))

    year = data.get("year")
    if isinstance(year, int) and Path(rel).stem != str(year):
        add(line_of(data, "year"), f"补充文件名应为 {year}.yaml")
    holidays = data.get("holidays") if isinstance(data.get("holidays"), list) else []
    if not holidays:
        add(line_of(data, "holidays"), "尚未填写放假日期（holidays）；填写完成前本文件不作为有效日历")
    off: dict = {}
    for h in holidays:
        if not isinstance(h, dict):
            continue
        a, b = maybe_date(h.get("from")), maybe_date(h.get("to"))
        if a and b and b < a:
            add(line_of(h, "to"), f"放假结束日期 {b.isoformat()} 早于开始日期 {a.isoformat()}")
        for key, day in (("from", a), ("to", b)):
            if day and isinstance(year, int) and day.year != year:
                add(line_of(h, key), f"日期 {day.isoformat()} 不在 {year} 年内")
        if a and b and a <= b:
            x = a
            while x <= b:
                off[x] = line_of(h)
                x += dt.timedelta(days=1)
    workdays = data.get("workdays") if isinstance(data.get("workdays"), list) else []
    for i, w in enumerate(workdays):
        day = maybe_date(w)
        line = line_of(data, f"workdays[{i}]")
        if day is None:
            continue
        if isinstance(year, int) and day.year != year:
            add(line, f"日期 {day.isoformat()} 不在 {year} 年内")
        if day in off:
            add(line, f"{day.isoformat()} 既是放假日（第 {off[day]} 行）又是调休上班日")
        elif day.weekday() < 5:
            add(line, f"调休上班日 {day.isoformat()} 本来就是工作日（周一至周五），请核对", "warning")
    return problems


def supplement_arrangement(data, rel: str) -> YearArrangement | None:
    """A valid supplement's days as a YearArrangement; None if it has errors or is malformed."""
    if not isinstance(data, dict) or not isinstance(data.get("year"), int) \
            or any(p.severity == "error" for p in supplement_problems(data, rel)):
        return None
    arr = YearArrangement(data["year"], rel)
    try:
        for h in data["holidays"]:
            a, b = parse_date(h["from"]), parse_date(h["to"])
            if not isinstance(h.get("name"), str) or not h["name"].strip():
                return None
            while a <= b:
                arr.off[a] = h["name"]
                a += dt.timedelta(days=1)
        for w in data.get("workdays") or []:
            arr.on.add(parse_date(w))
    except (TypeError, ValueError, KeyError, AttributeError):
        return None  # the schema check says what is wrong
    return arr


def arrangements(docs) -> dict[int, YearArrangement]:
    """Package years, each replaced by the ledger's supplement for that year when valid."""
    years = package_arrangements()
    for rel, data in docs:
        arr = supplement_arrangement(data, rel)
        if arr is not None:
            years[arr.year] = arr
    return years
