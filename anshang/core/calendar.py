"""Working-day calendar: official arrangements plus the ledger's supplements, with working-day
and calendar-day offsets from a precomputed index (no day-by-day loops). Which offset a
deadline uses is ``deadlines.Rule``'s business.

Pure core: takes dates and returns dates. Reading supplement files is the store's job.
"""

from __future__ import annotations

import bisect
import datetime as dt
from dataclasses import dataclass, field

from anshang.core.dates import cn_date
from anshang.core.problems import AnshangError

_HOLIDAY_CN = {
    "New Year's Day": "元旦",
    "Spring Festival": "春节",
    "Tomb-sweeping Day": "清明节",
    "Labour Day": "劳动节",
    "Dragon Boat Festival": "端午节",
    "National Day": "国庆节",
    "Mid-autumn Festival": "中秋节",
    "Anti-Fascist 70th Day": "中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日",
}
NOTICE = "国务院办公厅关于{year}年部分节假日安排的通知"


@dataclass
class YearArrangement:
    """One year's official days off (with holiday names) and make-up working days."""

    year: int
    source: str  # "package" or the supplement's path
    off: dict = field(default_factory=dict)  # date -> holiday name
    on: set = field(default_factory=set)  # make-up working days


class CalendarGap(AnshangError):
    """A computation needed a year that neither the package nor a supplement covers."""

    def __init__(self, year: int, calendar_dir: str = "calendar"):
        self.year = year
        super().__init__(
            f"{year} 年的节假日安排尚未加入日历，无法计算期限。"
            f"请根据《{NOTICE.format(year=year)}》创建 {calendar_dir}/{year}.yaml"
            f"（可先运行 anshang calendar add {year} 生成模板）；"
            f"如确需先按仅周末的暂定日历计算，请加 --provisional。",
            exit_code=2,
        )


@dataclass(frozen=True)
class Due:
    """A computed date: counted from ``start``, and whether the calendar was guessed."""

    start: dt.date
    due: dt.date
    provisional: bool


def package_arrangements() -> dict[int, YearArrangement]:
    """The years carried by the ``chinese-calendar`` package."""
    from chinese_calendar import constants

    years: dict[int, YearArrangement] = {}
    for day, name in constants.holidays.items():
        y = years.setdefault(day.year, YearArrangement(day.year, "package"))
        y.off[day] = _HOLIDAY_CN.get(getattr(name, "value", name), str(name))
    for day in constants.workdays:
        years.setdefault(day.year, YearArrangement(day.year, "package")).on.add(day)
    return years


class Calendar:
    """Working days over a range of years, with O(log n) offsets.

    ``years`` maps each covered year to its arrangement. Days in other years follow the
    weekend rule and any result that depends on them is provisional (or an error).
    """

    def __init__(self, years: dict[int, YearArrangement], allow_provisional: bool = False,
                 calendar_dir: str = "calendar"):
        self.years = dict(years)
        self.allow_provisional = allow_provisional
        self._lenient: "Calendar | None" = None
        self.calendar_dir = calendar_dir
        covered = sorted(self.years)
        self.first_year = min(covered[0] if covered else 2004, 2004)
        self.last_year = max((covered[-1] if covered else 2004), dt.date.today().year) + 3
        self._build()

    def digest(self) -> str:
        """What the working days are made of (each known year's days off and make-up working days),
        as a short text that changes with them: for results kept on disk that were counted on it."""
        import hashlib

        what = [(y, sorted(self.years[y].off), sorted(self.years[y].on)) for y in sorted(self.years)]
        return hashlib.sha256(repr(what).encode("ascii")).hexdigest()[:16]

    # -- index ---------------------------------------------------------------------------
    def _build(self):
        self.origin = dt.date(self.first_year, 1, 1)
        end = dt.date(self.last_year, 12, 31)
        n = (end - self.origin).days + 1
        work = bytearray(n)
        off_all: dict = {}
        on_all: set = set()
        for arr in self.years.values():
            off_all.update(arr.off)
            on_all |= arr.on
        wd = self.origin.weekday()
        for i in range(n):
            work[i] = 1 if (wd + i) % 7 < 5 else 0
        for day in off_all:
            i = (day - self.origin).days
            if 0 <= i < n:
                work[i] = 0
        for day in on_all:
            i = (day - self.origin).days
            if 0 <= i < n:
                work[i] = 1
        cum = []
        total = 0
        for w in work:
            total += w
            cum.append(total)
        self._work = work
        self._cum = cum
        self._off = off_all
        self._on = on_all

    def _idx(self, day: dt.date) -> int:
        i = (day - self.origin).days
        if i < 0 or i >= len(self._work):
            raise AnshangError(
                f"日期 {day.isoformat()} 超出日历可计算范围（{self.first_year}–{self.last_year} 年）")
        return i

    def _day(self, i: int) -> dt.date:
        return self.origin + dt.timedelta(days=i)

    def lenient(self) -> "Calendar":
        """This calendar allowing provisional results (itself when it already does): for dates
        the user already accepted as 暂定, and for replaying what was stored that way."""
        if self.allow_provisional:
            return self
        if self._lenient is None:
            self._lenient = Calendar(self.years, allow_provisional=True, calendar_dir=self.calendar_dir)
        return self._lenient

    # -- coverage ------------------------------------------------------------------------
    def covers(self, year: int) -> bool:
        return year in self.years

    def _guard(self, first: dt.date, last: dt.date) -> bool:
        """True if [first, last] touches an uncovered year (provisional); raise if not allowed."""
        lo, hi = min(first, last), max(first, last)
        for y in range(lo.year, hi.year + 1):
            if y not in self.years:
                if not self.allow_provisional:
                    raise CalendarGap(y, self.calendar_dir)
                return True
        return False

    # -- queries -------------------------------------------------------------------------
    def is_workday(self, day: dt.date) -> bool:
        self._guard(day, day)
        return bool(self._work[self._idx(day)])

    def holiday_name(self, day: dt.date) -> str | None:
        return self._off.get(day)

    def is_makeup(self, day: dt.date) -> bool:
        return day in self._on

    def add_workdays(self, start: dt.date, n: int) -> Due:
        """N working days after ``start`` (start not counted); negative N counts back."""
        i = self._idx(start)
        cum = self._cum
        if n > 0:
            j = bisect.bisect_left(cum, cum[i] + n)
        elif n < 0:
            base = cum[i - 1] if i > 0 else 0
            target = base + n + 1
            if target < 1:
                raise AnshangError(f"{start.isoformat()} 往前 {-n} 个工作日超出日历范围")
            j = bisect.bisect_left(cum, target)
        else:
            j = i
        if j >= len(cum):
            raise AnshangError(f"{start.isoformat()} 之后 {n} 个工作日超出日历范围")
        due = self._day(j)
        return Due(start, due, self._guard(start, due))

    def next_workday(self, day: dt.date) -> dt.date:
        """``day`` itself if it is a working day, else the first working day after it."""
        i = self._idx(day)
        base = self._cum[i - 1] if i > 0 else 0
        j = bisect.bisect_left(self._cum, base + 1)
        return self._day(j)

    def previous_workday(self, day: dt.date) -> dt.date:
        """``day`` itself if it is a working day, else the last working day before it."""
        i = self._idx(day)
        j = bisect.bisect_left(self._cum, self._cum[i])
        if not self._work[j]:
            raise AnshangError(f"{day.isoformat()} 之前没有可用的工作日（超出日历范围）")
        return self._day(j)

    def add_days(self, start: dt.date, n: int) -> Due:
        """N calendar days after ``start``; a last day that is a rest day rolls forward (民法典203).

        Negative N counts back (a latest date before an event); a rest day then rolls back,
        so that the period is never shorter than N days.
        """
        try:
            raw = start + dt.timedelta(days=n)
        except OverflowError:
            raise AnshangError(f"{start.isoformat()} 之后 {n} 日超出日历可计算范围"
                               f"（{self.first_year}–{self.last_year} 年）") from None
        due = self.next_workday(raw) if n >= 0 else self.previous_workday(raw)
        return Due(start, due, self._guard(start, due))

    def counted(self, a: dt.date, b: dt.date) -> tuple[int, bool]:
        """(working days in (a, b], negative when b is before a; whether that count rests on a
        guessed year). Counting over an uncovered year stops (CalendarGap) unless provisional
        results are allowed."""
        ia, ib = self._idx(a), self._idx(b)
        return self._cum[ib] - self._cum[ia], self._guard(a, b)

    def crossed(self, start: dt.date, due: dt.date) -> list[str]:
        """Why a period ended where it did: holidays and make-up days within (start, due]."""
        notes: list[str] = []
        lo, hi = (start, due) if start <= due else (due, start)
        day = lo + dt.timedelta(days=1)
        seen_holidays: dict[str, list[dt.date]] = {}
        while day <= hi:
            name = self._off.get(day)
            if name:
                seen_holidays.setdefault(name, []).append(day)
            elif day in self._on:
                notes.append(f"{cn_date(day, weekday=True)}为调休上班日，计入工作日")
            day += dt.timedelta(days=1)
        for name, days in seen_holidays.items():
            notes.insert(0, f"{name}放假 {cn_date(days[0])}至{cn_date(days[-1])}（{len(days)}天）不计入工作日")
        return notes
