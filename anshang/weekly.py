"""The weekly Excel ledger (企业诉求台账): six sheets, coloured rows, frozen headers, filters,
A4 landscape with repeated title rows, and the same bytes for the same ledger and date."""

from __future__ import annotations

import datetime as dt
import unicodedata

from anshang import report_data as rd
from anshang.dates import cn_date

FILL = {"overdue": "FFC7CE", "soon": "FFEB9C", "closed": "D9D9D9"}
RISKY = ("=", "+", "-", "@", "\t", "\r", "\n")  # starts Excel would take for a formula


def week_name(day: dt.date) -> str:
    y, w, _ = day.isocalendar()
    return f"企业诉求台账-{y}-W{w:02d}.xlsx"


def _width(v) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in str(v if v is not None else ""))


def _sheet(wb, title: str, headers: list[str], rows: list, tones: list[str] | None = None,
           max_width: int = 50):
    """One write-only sheet: bold header, rows coloured by tone (``tones`` given), text always
    text."""
    from openpyxl.styles import Alignment, Font, PatternFill

    ws = wb.create_sheet(title)
    widths = [_width(h) for h in headers]
    for row in rows[:500]:  # a sample is enough to size columns (capped anyway)
        for i, v in enumerate(row):
            widths[i] = max(widths[i], _width(v))
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
        word = rd.ALERTS[tone]
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


def _build(w, cal, settings, today: dt.date, progress=None) -> tuple[bytes, dict]:
    from openpyxl import Workbook

    from anshang.xlsxio import workbook_bytes

    steps = progress or (lambda items: items)
    wb = Workbook(write_only=True)
    wb.properties.creator = "anshang"
    wb.properties.title = f"{settings.city}企业诉求台账"
    summary = {}
    for step in steps(["ledger", "due", "units", "sessions", "common", "notes"]):
        if step == "ledger":
            rows = rd.ledger_rows(w, cal, today, settings.policy.warning_workdays)
            _sheet(wb, "诉求台账", rd.LEDGER_HEADERS, [r.values for r in rows], [r.tone for r in rows], 40)
            summary["cases"] = len(rows)
            summary["overdue"] = sum(1 for r in rows if r.tone == "overdue")
            summary["soon"] = sum(1 for r in rows if r.tone == "soon")
            summary["closed"] = sum(1 for r in rows if r.tone == "closed")
        elif step == "due":
            rows = rd.due_rows(w, cal, today)
            _sheet(wb, "到期与超期", ["承办单位", "编号", "企业", "诉求事项", "应报送", "截止日期", "情况"], rows)
        elif step == "units":
            stats = rd.statistics(w, today, only_units=True)["by_unit"]
            rows = []
            for uid, f in stats.items():
                rows.append([rd._name(w.units, uid), f["handed_over"], f"{f['progress_on_time']}",
                             f"{f['result_on_time']}", f["closed"], f["overdue"], _pct(f["closure_rate"]),
                             _pct(f["satisfaction_rate"])])
            _sheet(wb, "承办单位统计", ["承办单位", "交办", "落实情况按时", "办理结果按时", "办结", "超期",
                                      "办结率", "满意率"], rows)
        elif step == "sessions":
            _sheet(wb, "接待场次", ["场次", "接待领导", "受理领域", "登记", "安排", "接待", "交办", "办结"],
                   rd.session_rows(w, today))
        elif step == "common":
            rows = []
            groups = rd.common_problems(w.cases)
            for n, g in enumerate(groups, start=1):
                for c in g:
                    ent = (w.enterprises.get(c.get("enterprise")) or {}).get("name") or c.get("enterprise_name") or ""
                    rows.append([n, "、".join(c.get("fields") or []), c["id"], ent, c.get("title", "")])
            _sheet(wb, "共性问题", ["组", "领域", "编号", "企业", "诉求事项"], rows)
            summary["common_groups"] = len(groups)
        else:
            years = sorted(cal.years)
            extra = sorted(y for y, a in cal.years.items() if a.source != "package")
            notes = [
                ["数据日期", cn_date(today, weekday=True)],
                ["台账", f"{settings.city}　{settings.office}"],
                ["诉求总数", summary.get("cases", 0)],
                ["日历覆盖", f"{years[0]}–{years[-1]} 年" + (f"（台账补充：{'、'.join(map(str, extra))}）" if extra else "")],
                ["颜色：红", "有报送事项已超期"],
                ["颜色：黄", f"{settings.policy.warning_workdays} 个工作日内有报送事项到期"],
                ["颜色：灰", "已办结"],
                ["期限", "落实情况：交办后 7 个工作日；办理结果：交办后 30 日，末日为休息日顺延；长期整改十日一报"],
                ["暂定", "标“暂定”的日期按仅周末休息的暂定日历计算，节假日安排公布后须重新核对"],
            ]
            _sheet(wb, "说明", ["项目", "内容"], notes, max_width=80)
    return workbook_bytes(wb), summary


def _pct(v) -> str:
    return "—" if v is None else f"{v * 100:.1f}%"
