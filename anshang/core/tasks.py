"""Action-plan tasks (seed 004) as responsibility lists write them: the time limit read from its
words, the units of a cell split into names. Pure: text in, data (or ValueError) out.

Time limits (完成时限 / 时间节点) and what they become (``deadlines.result`` unless ongoing):

- ``2026年12月31日前`` / a date cell: that day (``fixed``, kept even on a rest day: a document named it);
- ``2026年12月底前`` / ``2027年6月`` / ``6月底前`` (the list's year): the month's last day;
- ``6月上旬`` / ``6月上、中旬`` / ``7月中下旬``: the 10th, the 20th or the month's last day (the last 旬 named);
- ``2026年底前`` / ``年底前`` / ``年内``: 31 December; ``上半年`` 30 June; ``第三季度`` 30 September;
- ``30日内`` / ``30天内``: 30 days from the plan's date (the last day rolls past a rest day);
- ``15个工作日内``: 15 working days from the plan's date;
- ``长期坚持`` / ``持续推进`` / ``常态化``: no end date; periodic reports by the plan's rule.
"""

from __future__ import annotations

import calendar as _pycal
import datetime as dt
import re
from dataclasses import dataclass

from anshang.core.deadlines import Rule

ONGOING_WORDS = ("长期坚持", "持续推进", "长期推进", "常态化", "持续开展", "长期", "持续")
_CN_DIGITS = {"一": 1, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4}
# words that name every district government (属地政府) at once
ALL_DISTRICTS = ("各区县政府", "各县区政府", "各区县人民政府", "各县区人民政府", "各区政府", "各属地政府", "各地区")
UNIT_SEPARATORS = re.compile(r"[、，,；;\n/／\s]+")


@dataclass(frozen=True)
class Limit:
    """A task's time limit: a rule counted from the plan's date, or ongoing (no end date)."""

    rule: Rule | None
    ongoing: bool = False


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, _pycal.monthrange(year, month)[1])


def parse_limit(text: str, year: int | None, issued: dt.date | None = None) -> Limit:
    """The limit a cell's words state; ``year`` is the list's year (for 6月底前, 年底前).
    Raises ValueError with what is wrong and how to write it."""
    t = re.sub(r"\s+", "", str(text or "")).replace("（", "(").replace("）", ")")
    t = re.sub(r"\(.*?\)", "", t)  # a bracketed remark: 2026年12月底前(阶段性)
    if not t:
        raise ValueError("完成时限为空：写明日期（如 2026年12月底前）、“N个工作日内”或“长期坚持”")
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", t)
    if m:
        return Limit(Rule("fixed", on=dt.date(*map(int, m.groups()))))
    if any(w in t for w in ONGOING_WORDS) and not re.search(r"\d{4}年|\d+月|\d+(个工作)?日内|\d+天内", t):
        return Limit(None, ongoing=True)
    m = re.fullmatch(r"(\d+)个?工作日(内|以内)?(完成)?", t)
    if m:
        return Limit(Rule("workdays", int(m.group(1))))
    m = re.fullmatch(r"(\d+)(日|天)(内|以内)(完成)?", t)
    if m:
        return Limit(Rule("days", int(m.group(1))))
    tail = r"(?:前|以前|之前|完成)*"

    def year_of(found):
        if found:
            return int(found)
        if year is None:
            raise ValueError(f"时限“{text}”没有写年份：写成“2026年…”，或导入时用 --year 指明清单年度")
        return year

    # 6月上旬 / 6月上、中旬 / 7月中下旬: the last 旬 named ends it (the 10th, the 20th, the month's end)
    m = re.fullmatch(r"(?:(\d{4})年)?(\d{1,2})月(?:[上中下][、，,和至到-]?)*([上中下])旬" + tail, t)
    if m:
        yy, month = year_of(m.group(1)), int(m.group(2))
        if not 1 <= month <= 12:
            raise ValueError(f"时限“{text}”的月份不对")
        return Limit(Rule("fixed", on=_month_end(yy, month) if m.group(3) == "下" else dt.date(yy, month, 10 if m.group(3) == "上" else 20)))
    m = re.fullmatch(r"(?:(\d{4})年)?(\d{1,2})月(?:(\d{1,2})日)?(?:底|末)?" + tail, t)
    if m:
        yy, month = year_of(m.group(1)), int(m.group(2))
        if not 1 <= month <= 12:
            raise ValueError(f"时限“{text}”的月份不对")
        if m.group(3):
            try:
                return Limit(Rule("fixed", on=dt.date(yy, month, int(m.group(3)))))
            except ValueError:
                raise ValueError(f"时限“{text}”不是有效日期") from None
        return Limit(Rule("fixed", on=_month_end(yy, month)))
    m = re.fullmatch(r"(?:(\d{4})年)?年?(?:底|末|内|全年)" + tail, t)
    if m and t not in ("底", "末", "内"):
        return Limit(Rule("fixed", on=dt.date(year_of(m.group(1)), 12, 31)))
    m = re.fullmatch(r"(?:(\d{4})年)?(上半年|下半年|年中)(?:底|末)?" + tail, t)
    if m:
        return Limit(Rule("fixed", on=dt.date(year_of(m.group(1)), 12 if m.group(2) == "下半年" else 6,
                                             31 if m.group(2) == "下半年" else 30)))
    m = re.fullmatch(r"(?:(\d{4})年)?第?([一二三四1-4])季度(?:末|底)?" + tail, t)
    if m:
        return Limit(Rule("fixed", on=_month_end(year_of(m.group(1)), 3 * _CN_DIGITS[m.group(2)])))
    raise ValueError(f"时限“{text}”看不懂：可写“2026年12月31日前”“2026年12月底前”“2026年底前”"
                     f"“2027年6月”“30日内”“15个工作日内”或“长期坚持”")


def split_units(text: str) -> list[str]:
    """The unit names of a cell, in order (separated by 、，, ；, line breaks or spaces);
    a trailing 等（部门、单位） and the words 牵头/配合 (in brackets or after the name) are dropped."""
    t = re.sub(r"[（(](牵头|配合|牵头单位|配合单位)[)）]", "", str(text or ""))
    names = [re.sub(r"(等部门|等单位|等)?(牵头|配合|负责|参与)?$", "", n.strip()).strip() for n in UNIT_SEPARATORS.split(t)]
    return list(dict.fromkeys(n for n in names if n))


def task_number(text: str) -> int | None:
    """The number of a row (序号): 7, 7.0, （七） is not a number (a section heading)."""
    t = str(text or "").strip().rstrip(".、")
    return int(t) if t.isdigit() and 0 < int(t) < 1000 else None
