"""Action-plan tasks and research topics in the ledger: importing a responsibility list (one file
per task, updated in place on re-import, all or nothing), and opening and closing a research
topic. Reports, extensions, chasing, supervision and closing are the demand's steps
(``handling``): they work on any item by its id."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from anshang.core import lifecycle
from anshang.core.dates import parse_date
from anshang.core.deadlines import Rule
from anshang.core.ids import new_topic_id, task_id
from anshang.core.lifecycle import require
from anshang.core.problems import AnshangError, ProblemsFound
from anshang.steps.cases import append, event, update_case
from anshang.store import canonical, loader
from anshang.store.folder import TOPICS_DIR, Ledger

DEFAULT_PERIODIC = {"rule": "quarterly", "n": 10}  # 长期坚持: each quarter, by the 10th of its first month
NOT_IMPORTED = "清单未导入（一项也未写入）；请按上面所列修改后重新导入"
NOTHING_WRITTEN = "清单未导入（一项也未写入）"


@dataclass
class TaskImport:
    plan: str
    title: str
    added: list = field(default_factory=list)
    updated: list = field(default_factory=list)
    unchanged: list = field(default_factory=list)
    gone: list = field(default_factory=list)  # tasks in the ledger that the list no longer has (kept)
    kept: list = field(default_factory=list)  # tasks whose units were reassigned since: those units stay


def _cell_order(p):
    """Problems in the order of the sheet: by row, then column."""
    import re

    sheet, _, ref = (p.cell or "").rpartition("!")
    m = re.match(r"([A-Z]+)(\d+)", ref)
    return (sheet, int(m.group(2)), len(m.group(1)), m.group(1), p.message) if m else (sheet, 0, 0, "", p.message)


def _deadlines(row: dict, plan: dict, cal, issued: dt.date, day: dt.date | None = None) -> dict:
    """A task's deadlines from its row: the result by its time limit counted from the plan's date,
    or, for an ongoing task, the first periodic report by the plan's rule (from ``day`` when a task
    becomes ongoing on a later re-import: its reports start then)."""
    if row["ongoing"]:
        p = plan.get("periodic") or DEFAULT_PERIODIC
        return {"periodic": Rule(p["rule"], p["n"]).record(cal, max(issued, day or issued))}
    return {"result": row["rule"].record(cal, issued)}


def _problem(path, cell: str, message: str):
    from anshang.core.problems import Problem

    return Problem(Path(path).name, 0, "plan", "error", message, cell)


def import_tasks(ledger: Ledger, settings, cal, path: Path, plan_id: str, year: int | None,
                 issued: dt.date | None, day: dt.date, by: str, sheet=None, plan_extra: dict | None = None) -> TaskImport:
    # (a campaign's activities: ``plan_extra`` names the campaign; the messages speak of its plan, and
    # an activity added on a later import is handed over from that day, not from the campaign's start)
    """Read the list, decide everything under the lock — every row readable, every file to be
    updated sound, every deadline computable on the calendar — and only then write: every task or
    none. Each row's task is created, or brought up to date (title, units, time limit) keeping its
    reports and history."""
    from anshang.core.calendar import CalendarGap
    from anshang.documents.plan_sheet import read_plan

    campaign = bool((plan_extra or {}).get("campaign"))
    what, not_imported = ("活动方案", "活动未导入（一项也未写入）；请按上面所列修改后重新导入") if campaign \
        else ("责任清单", NOT_IMPORTED)
    plan_rel = Ledger.plan_rel(plan_id)
    if sheet is None:  # a campaign passes its activities read already (``steps.campaigns``)
        sheet = read_plan(path, loader.load(ledger, {"units"}).units, year)
    problems = list(sheet.problems)
    if problems:
        raise ProblemsFound(f"{what}中有读不懂的行：", sorted(problems, key=_cell_order), not_imported)
    if not sheet.rows:
        raise AnshangError(f"{Path(path).name}: 表头下没有任务行")
    name = Path(path).name
    with ledger.lock():
        plan = loader.read(ledger, plan_rel, missing_ok=True)
        if plan is None and sheet.title:  # the same list under another plan id would be imported twice
            for other in loader.load(ledger, {"plan"}).plans.values():
                if other.get("title") == sheet.title:
                    raise AnshangError(f"{name} 已作为方案 {other['id']}（{other['title']}）导入过；重新导入请写 --plan {other['id']}。"
                                       f"{NOTHING_WRITTEN}")
        if plan and plan.get("date"):
            issued_at = parse_date(plan["date"])
            if issued is not None and issued != issued_at and campaign:
                raise AnshangError(f"活动 {plan_id} 的开始日期改成了 {issued.isoformat()}，已导入的活动按 {issued_at.isoformat()} "
                                   f"起算；如确需更改，请先把 {plan_rel} 中的 date 改为新的开始日期。{NOTHING_WRITTEN}")
            if issued is not None and issued != issued_at:
                raise AnshangError(f"方案 {plan_id} 的印发日期是 {issued_at.isoformat()}（{plan_rel}），与 --issued "
                                   f"{issued.isoformat()} 不同；如确需更改，请先改 {plan_rel} 中的 date。{NOTHING_WRITTEN}")
            issued = issued_at
        issued = issued or day
        if plan and sheet.title and plan.get("title") and sheet.title != plan["title"]:
            raise AnshangError(f"{name} 的标题“{sheet.title}”与方案 {plan_id} 的“{plan['title']}”不同；另一份清单请用另一个"
                               f" --plan 编号导入（同一份清单改了标题的，请先改 {plan_rel} 中的 title）。{NOTHING_WRITTEN}")
        # every task file to be updated must be sound before anything is written
        broken, existing = [], {}
        for row in sheet.rows:
            rel = Ledger.item_rel(task_id(plan_id, row["number"]))
            if ledger.path(rel).exists():
                try:
                    existing[row["number"]] = loader.read(ledger, rel)
                except ProblemsFound as e:
                    broken += e.problems
        if broken:
            raise ProblemsFound(loader.UNREADABLE, broken, not_imported)
        probe = plan or {"periodic": dict(DEFAULT_PERIODIC)}
        fresh = {}
        for row in sheet.rows:
            was = existing.get(row["number"])
            # a task that becomes ongoing on a re-import reports from then on; a new one from the plan's date
            since = day if was is not None and row["ongoing"] and not was.get("ongoing") else None
            if row["rule"] is not None and row["rule"].kind == "fixed" and row["rule"].on < issued:
                problems.append(_problem(path, row["limit_cell"], f"时限“{row['limit']}”早于{'活动开始日期' if campaign else '方案印发日期'} {issued.isoformat()}："
                                                                  + ("请核对完成时间，或活动的开始日期" if campaign else
                                                                     "请核对时限，或用 --issued 写明印发日期")))
                continue
            # a campaign's activity added on a later import is handed over, and counted, from that day
            start = max(issued, day) if campaign and plan is not None and was is None else issued
            try:
                fresh[row["number"]] = _deadlines(row, probe, cal, start, since)
            except CalendarGap as e:
                problems.append(_problem(path, row["limit_cell"], f"时限“{row['limit'] or '长期坚持'}”的截止日期无法计算：{e}"))
        if problems:
            raise ProblemsFound(f"{what}中有无法计算期限的行：", sorted(problems, key=_cell_order), not_imported)
        title = (plan or {}).get("title") or sheet.title or f"{plan_id} 行动方案"
        existed = plan is not None
        if plan is None:
            body = {"id": plan_id, "title": title, "date": issued, "periodic": dict(DEFAULT_PERIODIC), "source": name}
            if sheet.year:
                body["year"] = sheet.year
            body.update(plan_extra or {})
            ledger.create(plan_rel, body)
            plan = body
        result = TaskImport(plan_id, title)
        for row in sheet.rows:
            tid = task_id(plan_id, row["number"])
            rel = Ledger.item_rel(tid)
            record = {"title": row["title"], "lead_unit": row["lead"], "co_units": row["co"], "limit": row["limit"],
                      "desk": row.get("desk")}
            if not ledger.path(rel).exists():
                handed = max(issued, day) if campaign and existed else issued  # as its deadlines (above)
                body = {"id": tid, "plan": plan_id, "number": row["number"], **record, "assigned": handed}
                if row["ongoing"]:
                    body["ongoing"] = True
                body["source"] = {"file": name, "cell": row["cell"]}
                body["deadlines"] = fresh[row["number"]]
                ledger.create(rel, {k: v for k, v in body.items() if v not in (None, "", [])})
                result.added.append(tid)
            elif _update(ledger, rel, record, row, fresh[row["number"]], {"file": name, "cell": row["cell"]}, day, by,
                         result):
                result.updated.append(tid)
            else:
                result.unchanged.append(tid)
        listed = {task_id(plan_id, r["number"]) for r in sheet.rows}
        result.gone = sorted(i for i in ledger.item_ids() if i.startswith(plan_id + "-") and i not in listed)
    return result


def _same_deadline(old: dict, new: dict) -> bool:
    """Whether a re-imported limit gives the deadline the task has (a limit reworded, 2026年12月31日前
    for 2026年12月底前): then the stored one stays, with any extension and the chain of periodic reports."""
    from anshang.core.deadlines import read_deadline

    if set(old) != set(new):
        return False
    if "periodic" in new:
        return True  # still ongoing: its reports go on as they were
    try:
        before, after = read_deadline(old["result"]), read_deadline(new["result"])
    except (KeyError, ValueError):
        return False
    return before.rule == after.rule and (before.extended_from or before.due) == after.due and before.basis == after.basis


def _update(ledger, rel, record, row, fresh: dict, source: dict, day, by, result=None) -> bool:
    """Bring one task up to date with its row, each change noted in its history. A changed time
    limit replaces the deadline (an extension granted under the old limit no longer applies: the
    note says so); a reworded one that gives the same deadline keeps it. Units changed by
    ``reassign`` stay (the list is older than the decision): the difference is noted. The source
    (file and cell) follows the latest list."""
    changed = []
    notes = []

    def change(doc):
        moved = any(e.get("kind") == "reassign" for e in doc.get("events") or [])
        for key, value in record.items():
            now = list(doc.get(key) or []) if key == "co_units" else doc.get(key)
            if (value or None) == (now or None):
                continue
            if moved and key in ("lead_unit", "co_units"):
                if "kept" not in notes:
                    notes.append("kept")
                continue
            if value in (None, "", []):
                canonical.remove(doc, key)
            else:
                canonical.put(doc, key, value, "task")
            changed.append(key)
        if bool(doc.get("ongoing")) != row["ongoing"]:
            if row["ongoing"]:
                canonical.put(doc, "ongoing", True, "task")
            else:
                canonical.remove(doc, "ongoing")
            changed.append("ongoing")
        texts = []
        if "kept" in notes:
            texts.append("清单中的责任单位与调整后的不同，保留调整后的单位（anshang reassign 可再调整）")
            if result is not None:
                result.kept.append(str(doc.get("id")))
        if "title" in changed:
            texts.append("按重新导入的清单更新了任务内容")
        stored = dict(doc.get("deadlines") or {})
        if ("limit" in changed or "ongoing" in changed) and not _same_deadline(stored, fresh):
            old = stored.get("result") or {}
            was = f"（原延期至 {old['due']} 不再适用）" if old.get("extended_from") else ""
            canonical.put(doc, "deadlines", fresh, "task")
            texts.append(f"按重新导入的清单，完成时限改为“{row['limit']}”{was}")
        elif "limit" in changed:
            texts.append(f"按重新导入的清单，完成时限写作“{row['limit']}”（截止日期不变）")
        if "lead_unit" in changed or "co_units" in changed:
            texts.append("按重新导入的清单更新了责任单位")
        if changed and dict(doc.get("source") or {}) != source:
            canonical.put(doc, "source", source, "task")
        noted = {e.get("note") for e in doc.get("events") or []}
        texts = [t for t in texts if t not in noted]  # said once (a second re-import adds nothing)
        for text in texts:
            append(doc, event(day, "note", by, note=text))
        return bool(changed or texts)

    ledger.edit(rel, change)
    return bool(changed)


# --- research topics (专题调研) -----------------------------------------------------------------

def new_topic(ledger: Ledger, settings, cal, title: str, cases: list[str], group: str | None, lead: str,
              co: list[str], due: dt.date | None, day: dt.date, by: str) -> str:
    """Open a research topic on common problems: its lead unit reports its result (the policy
    outcome) by ``due`` (30 days by default under the settings' result rule)."""
    from anshang.core import naming

    require(bool(title and title.strip()), "专题调研须用 --title 写明题目")
    table = loader.load(ledger, {"units"}).units
    lead_id = naming.unit(lead, table)
    co_ids = [u for u in naming.units(co, table) if u != lead_id]
    if due is not None:
        require(due > day, f"完成日期 {due.isoformat()} 应晚于立项日期 {day.isoformat()}")
        deadline = Rule("fixed", on=due).record(cal, day)  # a date a person named: no calendar needed
    else:
        deadline = settings.policy.limits.result.record(cal, day)
    with ledger.lock():
        for t in loader.load(ledger, {"topic"}).topics.values():
            if lifecycle.is_closed(t) and t.get("title") == title.strip():
                raise AnshangError(f"已有同名的专题调研 {t['id']}（已结题）；新的调研请换一个题目")
            if t.get("title") == title.strip() or (not lifecycle.is_closed(t) and set(cases) <= set(t.get("cases") or [])):
                raise AnshangError(f"已有专题调研 {t['id']}“{t.get('title', '')}”（关联 {'、'.join(t.get('cases') or [])}）；"
                                   "同一问题不重复立项，如需补充关联诉求请 anshang edit 该调研")
        tid = new_topic_id(day, set(ledger.item_ids()))
        body = {"id": tid, "title": title.strip(), "opened": day, "lead_unit": lead_id, "co_units": co_ids,
                "group": group, "cases": list(dict.fromkeys(cases)), "deadlines": {"result": deadline},
                "events": [event(day, "note", by, note=f"立项（经办人 {by}）")]}
        ledger.create(f"{TOPICS_DIR}/{day.year}/{tid}.yaml", {k: v for k, v in body.items() if v not in (None, "", [])})
    return tid


def close_topic(ledger: Ledger, settings, tid: str, outcome: str, document_date: dt.date, day: dt.date,
                note: str | None, by: str) -> None:
    """Close a topic with its policy outcome (制度性成果): the document and its date; the lead
    unit's result is recorded with it when it was not reported yet."""
    require(bool(outcome and outcome.strip()), "结题须用 --outcome 写明制度性成果（政策文件名称）")
    require(document_date <= day, f"文件印发日期 {document_date.isoformat()} 晚于结题日期 {day.isoformat()}")

    def decide(topic):
        require(str(topic.get("id", "")).startswith("zt"), f"{tid} 不是专题调研")
        opened = parse_date(topic["opened"]) if topic.get("opened") else None
        require(opened is None or document_date >= opened,
                f"文件印发日期 {document_date.isoformat()} 早于立项日期 {opened.isoformat() if opened else ''}："
                "制度性成果应是调研之后印发的文件")
        require(not lifecycle.is_closed(topic), f"{tid} 已结题")
        lead, _ = lifecycle.units_of(topic)
        evs = []
        if not any(e.get("kind") == "result" for e in lifecycle.after_last_reopening(topic)):
            evs.append(event(day, "result", by, unit=lead, note=f"形成制度性成果：{outcome.strip()}"))
        after = {**topic, "events": [*lifecycle.events(topic), *evs]}
        blockers = lifecycle.close_blockers(after, settings.policy.co_unit_reports)
        if blockers:
            raise AnshangError(f"{tid} 不能结题：" + "；".join(blockers), exit_code=1)
        evs.append(event(day, "close", by, note=note or "结题"))

        def change(doc):
            canonical.put(doc, "policy_outcome", {"document": outcome.strip(), "date": document_date}, "topic")
            for ev in evs:
                append(doc, ev)

        return change, None

    update_case(ledger, tid, decide)


def topics_of_case(world, cid: str) -> list[dict]:
    """The research topics a demand is linked to."""
    return [t for t in world.topics.values() if cid in (t.get("cases") or [])]


def group_cases(ledger: Ledger, cal, day: dt.date, number: int) -> tuple[list[str], str]:
    """The demands of common-problem group ``number`` as the weekly ledger of ``day`` numbers
    them, and a name for the group (its field and first title)."""
    from anshang.core.common_problems import common_problems

    world = loader.load_as_of(ledger, day, cal)
    groups = common_problems(world.cases)
    if not 1 <= number <= len(groups):
        raise AnshangError(f"{day.isoformat()} 的周台账共有 {len(groups)} 组共性问题，没有第 {number} 组"
                           "（组号见周台账“共性问题”表第一列）" if groups else f"{day.isoformat()} 的台账中没有共性问题")
    g = groups[number - 1]
    fields = "、".join(dict.fromkeys(f for c in g for f in c.get("fields") or []))
    return [c["id"] for c in g], f"第{number}组（{day.isoformat()}）{fields}：{g[0].get('title', '')}"
