"""Date parsing and display in the forms Chinese offices use."""

from __future__ import annotations

import datetime as _dt
import re

WEEKDAYS = "一二三四五六日"
_FULLWIDTH = str.maketrans("０１２３４５６７８９－／．", "0123456789-/.")
_CN = re.compile(r"^\s*(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日?\s*$")
_NUM = re.compile(r"^\s*(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})\s*$")
_ISO: dict = {}  # ISO texts already read (dates are immutable, so one object serves every reader)


def parse_date(value) -> _dt.date:
    """Return a date from a date object or text such as 2026-03-05, 2026年3月5日, 2026/3/5.

    Raises ValueError with a Chinese message when the text is not a real date.
    """
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    if not isinstance(value, str):
        raise ValueError(f"不是日期：{value!r}（应写作 2026-03-05 或 2026年3月5日）")
    if len(value) == 10 and value[4] == "-" and value[7] == "-":  # the common ISO case, fast
        day = _ISO.get(value)
        if day is not None:
            return day
        try:
            day = _dt.date.fromisoformat(value)
        except ValueError:
            pass
        else:
            if len(_ISO) < 100_000:  # a ledger repeats a few thousand dates many times over
                _ISO[value] = day
            return day
    text = value.translate(_FULLWIDTH)
    m = _CN.match(text) or _NUM.match(text)
    if not m:
        raise ValueError(f"不是日期：{value!r}（应写作 2026-03-05 或 2026年3月5日）")
    y, mo, d = (int(g) for g in m.groups())
    try:
        return _dt.date(y, mo, d)
    except ValueError:
        raise ValueError(f"日期不存在：{value!r}") from None


def maybe_date(value) -> _dt.date | None:
    """The date ``value`` means, or None when it is not one (the schema check says why)."""
    try:
        return parse_date(value)
    except ValueError:
        return None


def cn_date(d: _dt.date, weekday: bool = False) -> str:
    """2026年3月5日, or 2026年3月5日（星期四） with ``weekday``."""
    s = f"{d.year}年{d.month}月{d.day}日"
    if weekday:
        s += f"（星期{WEEKDAYS[d.weekday()]}）"
    return s
