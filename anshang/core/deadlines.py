"""Deadline rules (DOMAIN §3): how a period is counted, the date it ends on, the words that
state it, and why it ends where it does. The one place that computes and explains deadlines.

A ``Rule`` is data — a kind of counting and a number — stored in the ledger as ``rule`` and
``n`` beside the due date, so that a stored deadline is recomputed from what it is, never
from its text. Every text that states a time limit (handover slip, chase notice, the weekly
workbook's 说明, help texts) is made by ``Limits`` from the settings.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from anshang.core.calendar import Calendar, Due
from anshang.core.dates import cn_date, parse_date


@dataclass(frozen=True)
class Rule:
    """How a period is counted (labels.RULES):

    - ``workdays``: N working days; a negative N counts back from an event (a notice 15 working
      days before a session);
    - ``days``: N days, a last day that is a rest day rolls forward (民法典第二百零三条);
    - ``every_days`` / ``every_workdays``: the next report of a schedule (十日一报);
    - ``monthly`` / ``quarterly``: day N of each month / of the first month of each quarter
      (一月一报, 一季一审), the first such day after the basis, rolled forward;
    - ``fixed``: a date named in a document (2026年12月31日前), kept as it is.
    """

    kind: str
    n: int = 0
    on: dt.date | None = None  # the date of a ``fixed`` rule

    @property
    def counts_workdays(self) -> bool:
        return self.kind in ("workdays", "every_workdays")

    def text(self) -> str:
        """The rule in words, e.g. 7个工作日, 30日（末日为休息日顺延）, 每10个工作日."""
        n = self.n
        if self.kind == "workdays":
            return f"{n}个工作日" if n >= 0 else f"提前{-n}个工作日"
        if self.kind == "days":
            return f"{n}日（末日为休息日顺延）" if n >= 0 else f"提前{-n}日（末日为休息日提前）"
        if self.kind == "every_days":
            return f"每{n}日（末日为休息日顺延）"
        if self.kind == "every_workdays":
            return f"每{n}个工作日"
        if self.kind == "monthly":
            return f"每月{n}日（休息日顺延）"
        if self.kind == "quarterly":
            return f"每季度首月{n}日（休息日顺延）"
        if self.kind == "fixed":
            return f"{cn_date(self.on)}前" if self.on else "指定日期"
        raise ValueError(f"未知的期限计法 {self.kind!r}")

    def short(self) -> str:
        """The rule without the rolling note: 7个工作日, 30日, 每10日."""
        return self.text().split("（")[0]

    def spoken(self) -> str:
        """The rule in running text: 7 个工作日, 30 日, 每 10 日."""
        n = abs(self.n)
        spoken = {"workdays": f"{n} 个工作日", "days": f"{n} 日", "every_days": f"每 {n} 日",
                  "every_workdays": f"每 {n} 个工作日", "monthly": f"每月 {n} 日前",
                  "quarterly": f"每季度首月 {n} 日前"}
        return spoken.get(self.kind) or self.text()

    def due(self, cal: Calendar, basis: dt.date) -> Due:
        """The last day of the period that starts after ``basis`` (the basis day is not counted)."""
        if self.counts_workdays:
            return cal.add_workdays(basis, self.n)
        if self.kind in ("days", "every_days"):
            return cal.add_days(basis, self.n)
        if self.kind in ("monthly", "quarterly"):
            day = _next_day_of_month(basis, self.n, 3 if self.kind == "quarterly" else 1)
            rolled = cal.add_days(day, 0)  # the day itself, or the first working day after it
            return Due(basis, rolled.due, rolled.provisional)
        if self.kind == "fixed" and self.on is not None:
            return Due(basis, self.on, False)
        raise ValueError(f"期限计法 {self.kind!r} 缺少所需的日数或日期")

    def record(self, cal: Calendar, basis: dt.date) -> dict:
        """A ``deadlines.<kind>`` mapping as stored in a case file."""
        d = self.due(cal, basis)
        rec = {"due": d.due, "basis": basis, "rule": self.kind}
        if self.kind != "fixed":
            rec["n"] = self.n
        rec["provisional"] = d.provisional
        return rec


def _next_day_of_month(after: dt.date, day: int, every: int) -> dt.date:
    """The first ``day`` of a month (of every ``every``-th month from January) after ``after``;
    a day past the month's end is its last day."""
    import calendar as _pycal

    year, month = after.year, after.month
    month -= (month - 1) % every  # the schedule's month on or before ``after``
    while True:
        last = _pycal.monthrange(year, month)[1]
        candidate = dt.date(year, month, min(day, last))
        if candidate > after:
            return candidate
        month += every
        if month > 12:
            year, month = year + 1, month - 12


@dataclass(frozen=True)
class Deadline:
    """A stored deadline read back: its rule, basis, due date, and whether it was extended."""

    rule: Rule
    basis: dt.date
    due: dt.date
    provisional: bool
    extended_from: dt.date | None = None

    def text(self) -> str:
        if self.extended_from is not None:
            return f"延期（原{self.rule.short()}，原截止{self.extended_from.isoformat()}）"
        return self.rule.text()

    def recomputed(self, cal: Calendar) -> Due | None:
        """The due date its rule gives on ``cal`` (None for an extension: a person chose it)."""
        if self.extended_from is not None:
            return None
        return self.rule.due(cal, self.basis)


def read_deadline(record: dict, default_basis=None) -> Deadline:
    """A stored ``deadlines.<kind>`` mapping (raises ValueError when it is incomplete)."""
    if not isinstance(record, dict) or record.get("due") is None:
        raise ValueError("期限缺少截止日期（due）")
    kind, due = str(record.get("rule")), parse_date(record["due"])
    if kind != "fixed" and not isinstance(record.get("n"), int):
        raise ValueError(f"计法为 {kind} 的期限缺少日数（n）")
    ext = record.get("extended_from")
    # a fixed date's rule is the date named at first: an extension moved the due date, not the rule
    rule = Rule(kind, record.get("n") or 0, (parse_date(ext) if ext else due) if kind == "fixed" else None)
    basis = parse_date(record.get("basis") or default_basis)
    return Deadline(rule, basis, due, bool(record.get("provisional")), parse_date(ext) if ext else None)


def extended(record: dict, new_due: dt.date) -> dict:
    """A stored deadline moved to ``new_due`` (延期): the rule and basis stay for the record, and
    the first original due date is kept in ``extended_from``."""
    d = read_deadline(record)
    out = {"due": new_due, "basis": d.basis, "rule": d.rule.kind}
    if d.rule.kind != "fixed":
        out["n"] = d.rule.n
    out["extended_from"] = d.extended_from or d.due
    out["provisional"] = d.provisional
    return out


# --- the settings' rules ----------------------------------------------------------------------

@dataclass(frozen=True)
class Limits:
    """Every time limit of the settings as a Rule, and the sentences that state them."""

    progress: Rule
    result: Rule
    periodic: Rule
    chase_reply: Rule
    notice: Rule  # counted back from the session
    registration_close: Rule  # counted back from the session
    objection: Rule  # a unit disputing its handover says so within this
    warning_workdays: int
    supervise_after_workdays: int

    @classmethod
    def of(cls, policy) -> "Limits":
        every = "every_workdays" if policy.longterm_counting == "workdays" else "every_days"
        return cls(
            progress=Rule("workdays", policy.progress_workdays),
            result=Rule("days", policy.result_days),
            periodic=Rule(every, policy.longterm_days),
            chase_reply=Rule("workdays", policy.chase_reply_workdays),
            notice=Rule("workdays", -policy.notice_workdays),
            registration_close=Rule("workdays", -policy.registration_close_workdays),
            objection=Rule("workdays", policy.objection_workdays),
            warning_workdays=policy.warning_workdays,
            supervise_after_workdays=policy.supervise_after_workdays,
        )

    def for_kind(self, kind: str) -> Rule:
        return {"progress": self.progress, "result": self.result, "periodic": self.periodic}[kind]

    def handover_sentence(self) -> str:
        """交办后 7 个工作日内报送落实情况、30 日内报送办理结果（末日为休息日顺延）；
        需长期整改的每 10 日报送一次进展，直至问题解决。"""
        return (f"交办后 {self.progress.spoken()}内报送落实情况、{self.result.spoken()}内报送办理结果"
                f"（末日为休息日顺延）；需长期整改的{self.periodic.spoken()}报送一次进展，直至问题解决")

    def periodic_sentence(self) -> str:
        named = "（十日一报）" if self.periodic == Rule("every_days", 10) else ""
        return f"需长期整改的，{self.periodic.spoken()}报送一次进展{named}，直至问题解决。"


# --- explanations ---------------------------------------------------------------------------

def explain(cal: Calendar, rule: Rule, due: Due) -> list[str]:
    """Why the period ended where it did, for a person."""
    n = rule.n
    if not rule.counts_workdays:
        # for a period in days only the last day matters (民法典第二百零一条、第二百零三条)
        raw = due.start + dt.timedelta(days=n)
        where = f"第 {n} 日" if n >= 0 else f"往前第 {-n} 日"
        if raw == due.due:
            kind_of_day = "调休上班日，属工作日" if cal.is_makeup(raw) else "工作日"
            notes = [f"{where}为{cn_date(raw, weekday=True)}，是{kind_of_day}，不顺延"]
        elif n >= 0:
            name = cal.holiday_name(raw)
            notes = [f"{where}为{cn_date(raw, weekday=True)}，是休息日{'（' + name + '）' if name else ''}，"
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
