"""The weekly Excel ledger (企业诉求台账): six sheets, coloured rows, frozen headers, filters,
A4 landscape with repeated title rows, and the same bytes for the same ledger and date."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from anshang.core import figures, lifecycle
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
from anshang.documents.names import enterprise_name, leader_name, unit_name, unit_names
from anshang.documents.workbook import text_width, workbook_bytes

FILL = {"overdue": "FFC7CE", "soon": "FFEB9C", "closed": "D9D9D9"}
RISKY = ("=", "+", "-", "@", "\t", "\r", "\n")  # starts Excel would take for a formula


def week_name(day: dt.date) -> str:
    y, w, _ = day.isocalendar()
    return f"企业诉求台账-{y}-W{w:02d}.xlsx"


def _sheet(wb, title: str, headers: list[str], rows: list, tones: list[str] | None = None,
           max_width: int = 50):
    """One write-only sheet: bold header, rows coloured by tone (``tones`` given), text always
    text."""
    from openpyxl.styles import Alignment, Font, PatternFill

    ws = wb.create_sheet(title)
    widths = [text_width(h) for h in headers]
    for row in rows[:500]:  # a sample is enough to size columns (capped anyway)
        for i, v in enumerate(row):
            widths[i] = max(widths[i], text_width(v))
    for i, w in enumerate(widths, start=1):
        from openpyxl.utils import get_column_letter

        ws.column_dimensions[get_column_letter(i)].width = min(w + 2, max_width)
    ws.freeze_panes = "A2"
    ws.print_title_rows = "1:1"
    ws.page_setup.paperSize = "9"  # A4
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    # Rows are coloured by conditional formatting on the 提醒 column rather than cell by cell:
    # the file stays small and plain rows are written as plain values (fast). Only text that
    # Excel would read as a formula goes through a cell that pins it as text.
    head = _look(ws, font=Font(bold=True), fill=PatternFill("solid", fgColor="DDEBF7"),
                 alignment=Alignment(vertical="center", wrap_text=True))
    ws.append([_cell(ws, h, head) for h in headers])
    for row in rows:
        ws.append([_cell(ws, v, None) if isinstance(v, str) and v.startswith(RISKY) else v for v in row])
    if tones is not None and rows:
        _colour_rows(ws, len(headers), len(rows))
    from openpyxl.utils import get_column_letter

    ws.auto_filter.ref = f"A1:{get_column_letter(len(headers))}{len(rows) + 1}"
    return ws


def _colour_rows(ws, ncols: int, nrows: int) -> None:
    """Red, amber and grey rows from the last column's 超期 / 即将到期 / 已办结."""
    from openpyxl.formatting.rule import FormulaRule
    from openpyxl.styles import PatternFill
    from openpyxl.utils import get_column_letter

    last = get_column_letter(ncols)
    area = f"A2:{last}{nrows + 1}"
    for tone, colour in FILL.items():
        word = ALERTS[tone]
        fill = PatternFill(start_color=colour, end_color=colour, fill_type="solid")
        ws.conditional_formatting.add(area, FormulaRule(formula=[f'${last}2="{word}"'], fill=fill, stopIfTrue=True))


def _look(ws, **style):
    """The style array of a cell carrying ``style`` (registered in the workbook once)."""
    from openpyxl.cell import WriteOnlyCell

    c = WriteOnlyCell(ws)
    for name, value in style.items():
        setattr(c, name, value)
    return c._style


def _cell(ws, value, look):
    from copy import copy

    from openpyxl.cell import WriteOnlyCell

    c = WriteOnlyCell(ws, value=value)
    if isinstance(value, str):
        c.data_type = "s"  # enterprise text is never a formula
    if look is not None:
        c._style = copy(look)
    return c


def build(w, cal, settings, today: dt.date, progress=None) -> tuple[bytes, dict]:
    """The workbook's bytes and a summary of what it holds."""
    import gc

    # hundreds of thousands of cells and row lists that all live until the save: the cyclic
    # collector would only rescan them (see Ledger.load_all)
    was_on = gc.isenabled()
    gc.disable()
    try:
        return _build(w, cal, settings, today, progress)
    finally:
        if was_on:
            gc.enable()


LEDGER_HEADERS = ["编号", "登记日期", "企业", "属地", "渠道", "领域", "诉求事项", "受理审查", "接待场次",
                  "接待领导", "接待结果", "牵头单位", "配合单位", "落实情况期限", "办理结果期限", "状态", "超期（工作日）",
                  "提醒"]
DUE_HEADERS = ["承办单位", "承办角色", "编号", "企业", "诉求事项", "应报送", "截止日期", "情况"]
UNIT_HEADERS = ["承办单位", "交办", "其中牵头", "其中配合", "落实情况按时", "办理结果按时", "办结", "超期",
                "办结率", "满意率"]
SESSION_HEADERS = ["场次", "接待领导", "受理领域", "登记", "安排", "接待", "交办", "办结"]


@dataclass
class Row:
    values: list
    tone: str  # "overdue" | "soon" | "closed" | ""


def ledger_rows(w, cal, today: dt.date, policy) -> list[Row]:
    """One row per demand, oldest first, with the colour it should get (every unit's part counts)."""
    rows = []
    until, _ = horizon(cal, today, policy.warning_workdays)
    for cid in sorted(w.cases):
        c = w.cases[cid]
        obs = lifecycle.obligations(c, policy.co_unit_reports)
        open_obs = [o for o in obs if o.met is None]
        ent = w.enterprises.get(c.get("enterprise")) or {}
        scr = c.get("screening") or {}
        out = c.get("outcome") or {}
        sess = w.sessions.get(c.get("session")) or {}
        st = lifecycle.status(c, today, obs)
        late, late_guessed = figures.worst_overdue(open_obs, cal, today)
        soon = any(today <= o.due <= until for o in open_obs)
        tone = "closed" if st == "closed" else ("overdue" if late else ("soon" if soon else ""))

        def due(kind):
            d = lifecycle.stored_deadline(c, kind)
            return (d.due.isoformat() + ("（暂定）" if d.provisional else "")) if d else ""

        rows.append(Row([
            cid, str(c.get("registered", "")), enterprise_name(c, w.enterprises),
            ent.get("district", ""), label(CHANNELS, c.get("channel"), ""),
            "、".join(c.get("fields") or []), c.get("title", ""),
            (label(DECISIONS, scr.get("decision"), "") + (" " + " ".join(scr.get("clauses") or []) if scr else "")).strip(),
            c.get("session") or "", leader_name(w.leaders.get(sess.get("leader"))) if sess else "",
            label(OUTCOMES, out.get("kind"), ""), unit_name(w.units, out.get("lead_unit")),
            unit_names(w.units, out.get("co_units")),
            due("progress"), due("result") or due("periodic"), label(STATUS, st),
            (f"{late}（暂定）" if late_guessed else late) if late else "",
            ALERTS[tone],
        ], tone))
    return rows


def due_rows(w, cal, today: dt.date, co_reports: str = "lead") -> list[list]:
    """This week's due parts (to Sunday) and everything overdue, by unit — co-units included."""
    end = today + dt.timedelta(days=6 - today.weekday())
    rows = []
    for c in w.cases.values():
        for ob in lifecycle.open_obligations(c, co_reports):
            if ob.due <= end:
                late, guessed = overdue(ob, cal, today)
                rows.append([unit_name(w.units, ob.unit), PARTS[ob.part], ob.id, enterprise_name(c, w.enterprises),
                             c.get("title", ""), DEADLINE_KINDS[ob.kind],
                             ob.due.isoformat() + ("（暂定）" if ob.provisional else ""),
                             (f"超期 {late} 个工作日" + ("（暂定）" if guessed else "")) if ob.due < today
                             else "本周到期"])
    return sorted(rows, key=lambda r: (r[0], r[6], r[2], r[1]))


def unit_rows(w, today: dt.date, co_reports: str = "lead") -> list[list]:
    stats = figures.statistics(w, today, only_units=True, co_reports=co_reports)["by_unit"]
    return [[unit_name(w.units, uid), f["handed_over"], f["as_lead"], f["as_co"], f["progress_on_time"],
             f["result_on_time"], f["closed"], f["overdue"], _pct(f["closure_rate"]), _pct(f["satisfaction_rate"])]
            for uid, f in stats.items()]


def session_rows(w) -> list[list]:
    rows = []
    for f in figures.session_figures(w):
        s = w.sessions[f["id"]]
        leader = w.leaders.get(s.get("leader"))
        rows.append([f["id"], leader_name(leader, s.get("leader", "")) if leader else s.get("leader", ""),
                     "、".join(session_fields(s, w.leaders)), f["registered"], f["scheduled"], f["received"],
                     f["handed_over"], f["closed"]])
    return rows


def notes_rows(w, cal, settings, today: dt.date, cases: int) -> list[list]:
    limits = settings.policy.limits
    years = sorted(cal.years)
    extra = sorted(y for y, a in cal.years.items() if a.source != "package")
    return [
        ["数据日期", cn_date(today, weekday=True)],
        ["台账", f"{settings.city}　{settings.office}"],
        ["诉求总数", cases],
        ["日历覆盖", f"{years[0]}–{years[-1]} 年" + (f"（台账补充：{'、'.join(map(str, extra))}）" if extra else "")],
        ["颜色：红", "有报送事项已超期"],
        ["颜色：黄", f"{limits.warning_workdays} 个工作日内有报送事项到期"],
        ["颜色：灰", "已办结"],
        ["期限", limits.handover_sentence()],
        ["配合单位", CO_UNIT_REPORTS.get(settings.policy.co_unit_reports, "")],
        ["督办", f"超期超过 {limits.supervise_after_workdays} 个工作日的列入督办清单"],
        ["暂定", "标“暂定”的日期按仅周末休息的暂定日历计算，节假日安排公布后须重新核对"],
    ]


def _build(w, cal, settings, today: dt.date, progress=None) -> tuple[bytes, dict]:
    from openpyxl import Workbook

    co = settings.policy.co_unit_reports
    steps = progress or (lambda items: items)
    wb = Workbook(write_only=True)
    wb.properties.creator = "anshang"
    wb.properties.title = f"{settings.city}企业诉求台账"
    summary = {}
    for step in steps(["ledger", "due", "units", "sessions", "common", "notes"]):
        if step == "ledger":
            rows = ledger_rows(w, cal, today, settings.policy)
            _sheet(wb, "诉求台账", LEDGER_HEADERS, [r.values for r in rows], [r.tone for r in rows], 40)
            summary["cases"] = len(rows)
            for tone in ("overdue", "soon", "closed"):
                summary[tone] = sum(1 for r in rows if r.tone == tone)
            summary["provisional"] = any("暂定" in str(v) for r in rows for v in r.values[13:17])
        elif step == "due":
            _sheet(wb, "到期与超期", DUE_HEADERS, due_rows(w, cal, today, co))
        elif step == "units":
            _sheet(wb, "承办单位统计", UNIT_HEADERS, unit_rows(w, today, co))
        elif step == "sessions":
            _sheet(wb, "接待场次", SESSION_HEADERS, session_rows(w))
        elif step == "common":
            rows = []
            groups = common_problems(w.cases)
            for n, g in enumerate(groups, start=1):
                for c in g:
                    rows.append([n, "、".join(c.get("fields") or []), c["id"], enterprise_name(c, w.enterprises),
                                 c.get("title", "")])
            _sheet(wb, "共性问题", ["组", "领域", "编号", "企业", "诉求事项"], rows)
            summary["common_groups"] = len(groups)
        else:
            _sheet(wb, "说明", ["项目", "内容"], notes_rows(w, cal, settings, today, summary.get("cases", 0)),
                   max_width=80)
    return workbook_bytes(wb), summary


def _pct(v) -> str:
    return "—" if v is None else f"{v * 100:.1f}%"


def write_weekly(ledger, settings, cal, today: dt.date, folder=None, progress=None):
    """Build the week's workbook from the whole ledger and write it; returns (path, summary)."""
    from anshang.store import loader, outputs

    data, summary = build(loader.load(ledger), cal, settings, today, progress)
    return outputs.write(folder or ledger.output_dir, week_name(today), data), summary
