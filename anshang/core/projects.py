"""Major projects (重大项目, seed 001): 一企一表、一月一报、一季一审、领导挂点, stages from negotiation
to full production. A project is tracked work like a task 长期坚持: its lead unit (属地承办) owes a
monthly report (``periodic``, by day N of each month) and a quarterly review (``review``, by day N
of each quarter's first month), both on the obligation engine. Pure."""

from __future__ import annotations

import datetime as dt

from anshang.core import lifecycle
from anshang.core.dates import maybe_date
from anshang.core.deadlines import Rule
from anshang.core.labels import PROJECT_STAGES

FINAL_STAGES = ("producing", "stopped")  # tracking ends: in full production, or the project is dropped


def rules(policy) -> dict:
    """The two duties of a project as rules from the settings."""
    return {"periodic": Rule("monthly", getattr(policy, "project_report_day", 5)),
            "review": Rule("quarterly", getattr(policy, "project_review_day", 15))}


def first_basis(kind: str, added: dt.date, rule) -> dt.date:
    """Where a new project's first duty counts from: the rule's day in the month it was added (its
    first monthly report is due the next month) or in the first month of that quarter (its first
    review, in the next quarter's first month, reviews the quarter it joined). A report made in
    between is an early report for that first period."""
    import calendar as _pycal

    month = added.month if kind == "periodic" else added.month - (added.month - 1) % 3
    return dt.date(added.year, month, min(rule.n, _pycal.monthrange(added.year, month)[1]))


def deadlines(policy, cal, added: dt.date) -> dict:
    """A new project's first monthly report and first quarterly review."""
    return {kind: rule.record(cal, first_basis(kind, added, rule)) for kind, rule in rules(policy).items()}


def stage_history(project: dict) -> list[dict]:
    """Each stage the project entered, oldest first: {date, stage, note}."""
    out = [{"date": maybe_date(e.get("date")), "stage": e.get("stage"), "note": e.get("note") or ""}
           for e in lifecycle.events(project) if e.get("kind") == "stage" and e.get("stage")]
    return sorted(out, key=lambda r: (r["date"] or dt.date.min))


def reports(project: dict, kind: str = "periodic") -> list[dict]:
    """The monthly reports (or the quarterly reviews) made by the lead unit, oldest first (a co-unit's
    own report is its part, not another report)."""
    lead = project.get("lead_unit")
    return [e for e in lifecycle.events(project) if e.get("kind") == kind and e.get("unit") in (None, lead)]


def of_enterprise(projects: dict, uscc: str) -> list[dict]:
    return sorted((p for p in projects.values() if p.get("enterprise") == uscc), key=lambda p: (str(p.get("assigned")), p["id"]))


def by_stage(projects: dict) -> dict:
    """How many projects are in each stage (every stage listed, in order)."""
    out = {k: 0 for k in PROJECT_STAGES}
    for p in projects.values():
        if p.get("stage") in out:
            out[p["stage"]] += 1
    return out


def figures(projects: dict, start: dt.date, end: dt.date, co_reports: str = "lead") -> dict:
    """A span's figures: projects tracked by its end and by stage, monthly reports and quarterly
    reviews made in the span, projects with a report or review overdue at its end, and those that
    reached full production in it."""
    tracked = [p for p in projects.values() if (maybe_date(p.get("assigned")) or end) <= end]
    out = {"tracked": len(tracked), "open": 0, "by_stage": by_stage({p["id"]: p for p in tracked}),
           "reports": 0, "reviews": 0, "overdue": 0, "produced": 0}
    for p in tracked:
        if not lifecycle.is_closed(p):
            out["open"] += 1
        for kind, key in (("periodic", "reports"), ("review", "reviews")):
            out[key] += sum(1 for e in reports(p, kind) if start <= (maybe_date(e.get("date")) or dt.date.min) <= end)
        if any(o.is_late(end) for o in lifecycle.obligations(p, co_reports)):
            out["overdue"] += 1
        out["produced"] += any(r["stage"] == "producing" and r["date"] and start <= r["date"] <= end
                               for r in stage_history(p))
    return out
