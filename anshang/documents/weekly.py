"""The weekly Excel ledger (企业诉求台账): six printable sheets (title, 制表单位 and date,
borders, typed cells, coloured rows, repeated headers, paper chosen so every column is readable),
and the same bytes for the same ledger and date. By default it holds what is open and what was
finished this year; ``everything`` holds every year."""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass

from anshang.core import figures, lifecycle, supervision
from anshang.core.common_problems import common_problems
from anshang.core.dates import cn_date
from anshang.core.labels import (
    ALERTS,
    CHANNELS,
    CO_UNIT_REPORTS,
    DEADLINE_KINDS,
    DECISIONS,
    OUTCOMES,
    PARTS,
    STATUS,
    label,
)
from anshang.core.matching import session_fields
from anshang.core.obligations import horizon, overdue
from anshang.documents.names import enterprise_name, leader_name, source_name, unit_name, unit_names
from anshang.documents.sheets import Col, Table, Tentative, book_bytes


def week_name(day: dt.date) -> str:
    y, w, _ = day.isocalendar()
    return f"企业诉求台账-{y}-W{w:02d}.xlsx"


def build(w, cal, settings, today: dt.date, progress=None, everything: bool = False, drafted=()) -> tuple[bytes, dict]:
    """The workbook's bytes and a summary of what it holds."""
    import gc

    # hundreds of thousands of cells and row lists that all live until the save: the cyclic
    # collector would only rescan them (see Ledger.load_all)
    was_on = gc.isenabled()
    gc.disable()
    try:
        return _build(w, cal, settings, today, progress, everything, drafted)
    finally:
        if was_on:
            gc.enable()


LEDGER_COLS = [Col("编号", most=16, least=16), Col("登记日期", "date"), Col("企业", most=30), Col("属地", most=12),
               Col("渠道", most=12), Col("领域", most=20), Col("诉求事项", most=40), Col("受理审查", most=24),
               Col("接待场次", most=12), Col("接待领导", most=14), Col("接待结果", most=10),
               Col("牵头单位", most=22), Col("配合单位", most=30), Col("落实情况期限", "date"),
               Col("办理结果期限", "date"), Col("状态", most=14), Col("超期（工作日）", "int"), Col("提醒", most=10)]
DUE_COLS = [Col("承办单位", most=22), Col("承办角色"), Col("编号", most=16, least=16), Col("企业或来源", most=30),
            Col("事项", most=40), Col("应报送"), Col("截止日期", "date"), Col("情况", most=24)]
OFFICE_COLS = [Col("分组", most=6), Col("截止日期", "date"), Col("事项", most=60), Col("超期（工作日）", "int"),
               Col("怎样办", most=40)]
UNIT_COLS = [Col("承办单位", most=24), *(Col(h, "int") for h in ("交办", "其中牵头", "其中配合", "落实情况按时",
                                                                "办理结果按时", "办结", "超期")),
             Col("办结率", "pct"), Col("满意率", "pct")]
SESSION_COLS = [Col("场次", "date"), Col("接待领导", most=16), Col("受理领域", most=40),
                *(Col(h, "int") for h in ("登记", "安排", "接待", "交办", "办结"))]
COMMON_COLS = [Col("组", "int"), Col("领域", most=24), Col("编号", most=16, least=16), Col("企业", most=30),
               Col("诉求事项", most=40)]


@dataclass
class Row:
    values: list
    tone: str  # "closed" | a supervision level (core.supervision: warning, chase, supervise, named) | ""


def shown_cases(w, today: dt.date, everything: bool = False) -> list[str]:
    """The demands the ledger lists: all of them, or (the default) those still open and those
    finished in the year of ``today``."""
    if everything:
        return sorted(w.cases)
    keep = []
    for cid in sorted(w.cases):
        done = lifecycle.finished_on(w.cases[cid])
        if done is None or done.year == today.year:
            keep.append(cid)
    return keep


def ledger_rows(w, cal, today: dt.date, policy, everything: bool = True) -> list[Row]:
    """One row per demand, oldest first, with the colour it should get (every unit's part counts)."""
    rows = []
    until, _ = horizon(cal, today, policy.warning_workdays)
    for cid in shown_cases(w, today, everything):
        c = w.cases[cid]
        obs = lifecycle.obligations(c, policy.co_unit_reports)
        open_obs = [o for o in obs if o.met is None]
        ent = w.enterprises.get(c.get("enterprise")) or {}
        scr = c.get("screening") or {}
        out = c.get("outcome") or {}
        sess = w.sessions.get(c.get("session")) or {}
        st = lifecycle.status(c, today, obs)
        late, late_guessed = figures.worst_overdue(open_obs, cal, today)
        # the supervision ladder's colour: 预警 yellow, 催办 orange, 督办 and 挂牌督办 red; closed grey
        tone = "closed" if st == "closed" else supervision.item_level(c, open_obs, cal, today, policy)

        def due(kind):
            d = lifecycle.stored_deadline(c, kind)
            return (Tentative(d.due) if d.provisional else d.due) if d else None

        rows.append(Row([
            cid, _day(c.get("registered")), enterprise_name(c, w.enterprises),
            ent.get("district", ""), label(CHANNELS, c.get("channel"), ""),
            "、".join(c.get("fields") or []), c.get("title", ""),
            (label(DECISIONS, scr.get("decision"), "") + (" " + " ".join(scr.get("clauses") or []) if scr else "")).strip(),
            c.get("session") or "", leader_name(w.leaders.get(sess.get("leader"))) if sess else "",
            label(OUTCOMES, out.get("kind"), ""), unit_name(w.units, out.get("lead_unit")),
            unit_names(w.units, out.get("co_units")),
            due("progress"), due("result") or due("periodic"), label(STATUS, st),
            (Tentative(late) if late_guessed else late) if late else None,
            ALERTS[tone],
        ], tone))
    return rows


def due_rows(w, cal, today: dt.date, co_reports: str = "lead") -> list[list]:
    """This week's due parts (to Sunday) and everything overdue, by unit — co-units included."""
    end = today + dt.timedelta(days=6 - today.weekday())
    rows = []
    for c in w.tracked():
        for ob in lifecycle.open_obligations(c, co_reports):
            if ob.due <= end:
                late, guessed = overdue(ob, cal, today)
                rows.append([unit_name(w.units, ob.unit), PARTS[ob.part], ob.id, source_name(c, w),
                             c.get("title", ""), DEADLINE_KINDS[ob.kind],
                             Tentative(ob.due) if ob.provisional else ob.due,
                             (f"超期 {late} 个工作日" + ("（暂定）" if guessed else "")) if ob.due < today
                             else "本周到期"])
    return sorted(rows, key=lambda r: (r[0], _plain(r[6]), r[2], r[1]))


def unit_rows(w, today: dt.date, co_reports: str = "lead") -> list[list]:
    stats = figures.statistics(w, today, only_units=True, co_reports=co_reports)["by_unit"]
    return [[unit_name(w.units, uid), f["handed_over"], f["as_lead"], f["as_co"], f["progress_on_time"],
             f["result_on_time"], f["closed"], f["overdue"], _rate(f["closure_rate"]), _rate(f["satisfaction_rate"])]
            for uid, f in stats.items()]


def session_rows(w) -> list[list]:
    rows = []
    for f in figures.session_figures(w):
        s = w.sessions[f["id"]]
        leader = w.leaders.get(s.get("leader"))
        rows.append([_day(s.get("date")) or f["id"], leader_name(leader, s.get("leader", "")) if leader else s.get("leader", ""),
                     "、".join(session_fields(s, w.leaders)), f["registered"], f["scheduled"], f["received"],
                     f["handed_over"], f["closed"]])
    return rows


def notes_rows(w, cal, settings, today: dt.date, cases: int, everything: bool = False) -> list[list]:
    limits = settings.policy.limits
    years = sorted(cal.years)
    extra = sorted(y for y, a in cal.years.items() if a.source != "package")
    return [
        ["数据日期", cn_date(today, weekday=True)],
        ["台账", f"{settings.city}　{settings.office}"],
        ["诉求数", cases],
        ["范围", "全部年度的诉求" if everything else
         f"未办结的诉求，以及 {today.year} 年内办结、不予受理、转办、当场解决或解释说明的诉求（往年已了结的不列出）"],
        ["日历覆盖", f"{years[0]}–{years[-1]} 年" + (f"（台账补充：{'、'.join(map(str, extra))}）" if extra else "")],
        ["颜色：黄（预警）", f"{limits.warning_workdays} 个工作日内有报送事项到期"],
        ["颜色：橙（催办）", "有报送事项已超期"],
        ["颜色：红（督办）", f"超期超过 {limits.supervise_after_workdays} 个工作日"],
        ["颜色：深红（挂牌督办）", "经领导同意挂牌督办"],
        ["颜色：灰", "已办结"],
        ["期限", limits.handover_sentence()],
        ["其他期限", "投诉中心、服务热线等渠道的诉求按设置的渠道规则（如签收反馈、办理结果的工作日数）；"
                     "工作任务按行动方案的完成时限，长期坚持的按方案规定定期报送；专题调研按立项时确定的完成期限"],
        ["配合单位", CO_UNIT_REPORTS.get(settings.policy.co_unit_reports, "")],
        ["督办", f"超期超过 {limits.supervise_after_workdays} 个工作日的列入督办清单"],
        ["暂定", "标“暂定”的日期按仅周末休息的暂定日历计算，节假日安排公布后须重新核对"],
    ]


# the sheets after the ledger sheet (they need nothing from it): on a big ledger the first ones are
# worked out here, and the rest alongside meanwhile, so that neither side waits long for the other
AFTER_LEDGER = ["tasks", "due"]
ELSEWHERE = ["office", "units", "sessions", "common"]


def _build(w, cal, settings, today: dt.date, progress=None, everything: bool = False, drafted=()) -> tuple[bytes, dict]:
    from anshang.store.alongside import Alongside

    steps = progress or (lambda items: items)
    # started before anything else (no progress display running yet): the child only computes
    with Alongside(lambda: _sheets_and_summary(ELSEWHERE, w, cal, settings, today, everything, drafted),
                   items=len(w.cases)) as other:
        ledger: list = []
        here: list = []
        notes: list = []
        summary: dict = {}
        later: list = []

        def tables():
            yield from ledger
            yield from here
            if other.running:  # by now the sheets before are written: the rest is ready, or soon
                more, found = other.result()
                summary.update(found)
                yield from more
            else:
                yield from later
            yield from notes

        # the workbook is written in the last step, so that a progress display shows it is not done yet
        for step in steps(["ledger", *AFTER_LEDGER, *ELSEWHERE, "notes", "workbook"]):
            if step == "ledger":
                ledger = _sheets(["ledger"], w, cal, settings, today, everything, drafted, summary)
            elif step in AFTER_LEDGER:
                here += _sheets([step], w, cal, settings, today, everything, drafted, summary)
            elif step == "notes":
                notes = _sheets(["notes"], w, cal, settings, today, everything, drafted, summary)
            elif step == "workbook":
                data = book_bytes(tables(), f"{settings.city}企业诉求台账")
            elif not other.running:
                later += _sheets([step], w, cal, settings, today, everything, drafted, summary)
    return data, summary


def _sheets_and_summary(names: list, w, cal, settings, today: dt.date, everything: bool, drafted):
    summary: dict = {}
    return _sheets(names, w, cal, settings, today, everything, drafted, summary), summary


def _sheets(names: list, w, cal, settings, today: dt.date, everything: bool, drafted, summary: dict) -> list:
    """The tables of the steps ``names`` (in that order), adding their counts to ``summary``."""
    co = settings.policy.co_unit_reports
    city, office = settings.city, settings.office
    tables = []

    def table(sheet, title, cols, rows, **more):
        tables.append(Table(sheet, f"{city}{title}", office, today, cols, rows, **more))

    for step in names:
        if step == "ledger":
            rows = ledger_rows(w, cal, today, settings.policy, everything)
            scope = "（全部年度）" if everything else f"（未办结及{today.year}年办结）"
            table("诉求台账", f"企业诉求台账{scope}", LEDGER_COLS, [r.values for r in rows],
                  tones=[r.tone for r in rows])
            summary["cases"] = len(rows)
            summary["overdue"] = sum(1 for r in rows if r.values[16])
            summary["soon"] = sum(1 for r in rows if r.tone == "warning")
            summary["supervised"] = sum(1 for r in rows if r.tone in ("supervise", "named"))
            summary["closed"] = sum(1 for r in rows if r.tone == "closed")
            summary["provisional"] = any(isinstance(v, Tentative) for r in rows for v in r.values[13:17])
        elif step == "tasks":
            from anshang.documents.task_list import task_rows, task_table, topic_rows, topic_table

            if w.tasks:
                t = task_table(task_rows(w, cal, today, settings.policy), w, settings, today, None, None)
                with_campaign = any((w.plans.get(x.get("plan")) or {}).get("campaign") for x in w.tasks.values())
                tables.append(dataclasses.replace(t, sheet="工作任务", title=f"{city}优化营商环境行动方案工作任务"
                                                  + ("和专项活动重点活动" if with_campaign else "")))
                summary["tasks"] = len(w.tasks)
            if w.topics:
                tables.append(topic_table(topic_rows(w, cal, today, settings.policy), w, settings, today))
                summary["topics"] = len(w.topics)
            if w.projects:
                from anshang.documents.project_list import project_rows, project_table

                tables.append(project_table(project_rows(w, cal, today, settings.policy), w, settings, today))
                summary["projects"] = len(w.projects)
        elif step == "due":
            table("到期与超期", "本周到期与超期报送事项", DUE_COLS, due_rows(w, cal, today, co))
        elif step == "office":
            from anshang.documents.agenda import agenda, sheet_notes, sheet_rows

            a = agenda(w, settings, cal, today, drafted=drafted)
            rows, tones = sheet_rows(a)
            rows = [[g, Tentative(d) if e.provisional else d, *rest]
                    for (g, d, *rest), e in zip(rows, a.entries)]
            table("营商办待办", "优化营商环境办公室待办事项", OFFICE_COLS, rows, tones=tones, notes=sheet_notes(a))
            summary["office_overdue"] = a.count("overdue")
            summary["office_open"] = len(a.entries)
        elif step == "units":
            table("承办单位统计", "承办单位办理情况统计", UNIT_COLS, unit_rows(w, today, co))
        elif step == "sessions":
            table("接待场次", "市长服务民营企业接待日场次", SESSION_COLS, session_rows(w))
        elif step == "common":
            rows = []
            groups = common_problems(w.cases)
            for n, g in enumerate(groups, start=1):
                for c in g:
                    rows.append([n, "、".join(c.get("fields") or []), c["id"], enterprise_name(c, w.enterprises),
                                 c.get("title", "")])
            table("共性问题", "共性问题", COMMON_COLS, rows)
            summary["common_groups"] = len(groups)
        else:
            table("说明", "企业诉求台账说明", [Col("项目", most=14), Col("内容", most=80)],
                  notes_rows(w, cal, settings, today, summary.get("cases", 0), everything))
    return tables


def _day(value) -> dt.date | None:
    if not value:
        return None
    from anshang.core.dates import parse_date

    return parse_date(value)


def _plain(value):
    return value.value if isinstance(value, Tentative) else value


def _rate(v):
    """A rate as a number (shown as a percentage), or a dash when there is nothing to count."""
    return "—" if v is None else v


def write_weekly(ledger, settings, cal, today: dt.date, folder=None, progress=None, everything: bool = False):
    """Build the week's workbook from the whole ledger and write it; returns (path, summary)."""
    from anshang.core.lifecycle import remembering_obligations
    from anshang.documents.agenda import drafted_years
    from anshang.store import loader, outputs

    with remembering_obligations():  # the same items' duties feed the ledger, the figures and the reminders
        data, summary = build(loader.load_as_of(ledger, today, cal), cal, settings, today, progress, everything,
                              drafted_years(ledger))
    if folder is not None and str(folder).lower().endswith(".xlsx"):  # --out 台账.xlsx: that file, not a folder
        return outputs.write_file(folder, data, (".xlsx",)), summary
    return outputs.write(folder or ledger.output_dir, week_name(today), data), summary
