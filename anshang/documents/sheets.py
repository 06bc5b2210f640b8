"""Print-ready tables in workbooks: a title row, 制表单位 and date, bordered and wrapped cells,
column widths that fit the paper (A4 portrait, A4 landscape, or A3 landscape when the columns
cannot be read on A4), header rows repeated on every printed page, 10.5 pt type that fitting to
the page width never shrinks below 9 pt,
and typed cells — numbers as numbers, dates as dates, rates as numbers shown as percentages.
Enterprise text is always stored as text, never as a formula."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from anshang.documents.workbook import text_width

BODY_PT = 10.5  # 五号
SMALLEST_PT = 9.0  # fit-to-width may shrink the print, never below this size
SHRINK = (SMALLEST_PT + 0.5) / BODY_PT  # with room for spreadsheet programs measuring widths a little wider
UNIT_PT = 5.25  # points one column-width unit takes (Excel's default character width)
CELL_PAD_PT = 3.75  # points each column adds beyond its units
# paper (openpyxl paperSize code, orientation, printable width in points with 10 mm margins)
PAPERS = (("A4", "9", "portrait", 538.0), ("A4", "9", "landscape", 784.0), ("A3", "8", "landscape", 1133.0))
MARGIN_IN = 0.4
HEAD_ROWS = 3  # title, 制表单位 and date, column headers
MAX_SAMPLE = 500  # rows looked at to size the columns


@dataclass(frozen=True)
class Col:
    """One column: its header, what its cells hold, and how wide it may grow (width units; a
    Chinese character takes two)."""

    header: str
    kind: str = "text"  # text | int | date | pct | num (one decimal)
    most: int = 40
    least: int = 0  # never narrower than this (ids, which should not wrap)


@dataclass(frozen=True)
class Tentative:
    """A date or count computed on the provisional calendar: stored as the value itself, shown
    with （暂定）."""

    value: object


@dataclass
class Table:
    """One sheet of a printable table."""

    sheet: str
    title: str
    office: str
    date: dt.date
    cols: list
    rows: list
    tones: list | None = None  # per row: "overdue" | "soon" | "closed" | "" (coloured by the last column)
    notes: list = field(default_factory=list)  # lines printed under the table
    charts: list = field(default_factory=list)  # Chart: native Excel charts of the table's columns, under it


@dataclass(frozen=True)
class Chart:
    """A native Excel chart of some columns of a table (1-based column numbers), against the
    labels of column ``labels``: bar (horizontal bars, for rankings), column or line."""

    title: str
    values: tuple
    labels: int = 1
    kind: str = "bar"
    percent: bool = False
    rows: int = 0  # chart only the first rows of the table (0: all)


NUMBER_FORMAT = {"int": "0", "date": "yyyy-mm-dd", "pct": "0.0%", "num": "0.0"}
LEAST = {"int": 6, "date": 12, "pct": 8, "num": 6, "text": 8}


def _capacity(printable_pt: float, ncols: int) -> float:
    """Width units that fit across the paper when the print may shrink to SMALLEST_PT type."""
    return (printable_pt / SHRINK - CELL_PAD_PT * ncols) / UNIT_PT


def _shown(value, kind: str) -> int:
    if isinstance(value, Tentative):
        return _shown(value.value, kind) + 8
    if kind == "date" and isinstance(value, dt.date):
        return 10
    if kind in ("pct", "num") and isinstance(value, (int, float)):
        return 6
    return text_width(value)


def layout(cols: list[Col], rows: list[list]) -> tuple[list[float], tuple]:
    """Column widths and the paper: the first paper on which every column is readable at full
    size; wide text columns give way (their text wraps) before a larger paper is taken."""
    natural, least = [], []
    for i, c in enumerate(cols):
        longest = max([_shown(r[i], c.kind) for r in rows[:MAX_SAMPLE]] or [0])
        head = text_width(c.header)
        floor = max(LEAST[c.kind], min(head, 8) + 2, c.least)
        natural.append(max(floor, min(max(longest, head) + 2, c.most)))
        least.append(floor)
    for paper in PAPERS:
        room = _capacity(paper[3], len(cols))
        if sum(natural) <= room:
            return natural, paper
    for paper in PAPERS:
        room = _capacity(paper[3], len(cols))
        if sum(least) <= room:
            return _squeeze(natural, least, room), paper
    return least, PAPERS[-1]  # too many columns even for A3: fit-to-width shrinks the print


def _squeeze(natural: list[float], least: list[float], room: float) -> list[float]:
    """Give every column its least width and share what room is left in proportion to how much
    more each would like (long text keeps more of its width and wraps onto fewer lines)."""
    spare = room - sum(least)
    wanted = sum(w - m for w, m in zip(natural, least))
    k = min(1.0, spare / wanted) if wanted > 0 else 0.0
    return [m + (w - m) * k for w, m in zip(natural, least)]


class _Looks:
    """The few cell styles a table uses, registered once per workbook."""

    def __init__(self, ws):
        from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

        thin = Side(style="thin", color="000000")
        box = Border(left=thin, right=thin, top=thin, bottom=thin)
        body = Font(name="宋体", size=BODY_PT)
        wrap = Alignment(wrap_text=True, vertical="center")
        self.title = _look(ws, font=Font(name="黑体", size=16, bold=True), alignment=Alignment(vertical="center"))
        self.sub = _look(ws, font=body)
        self.head = _look(ws, font=Font(name="黑体", size=BODY_PT, bold=True), border=box,
                          fill=PatternFill("solid", fgColor="DDEBF7"),
                          alignment=Alignment(horizontal="center", vertical="center", wrap_text=True))
        self.kinds = {}
        for kind, fmt in (("text", "General"), *NUMBER_FORMAT.items()):
            align = wrap if kind == "text" else Alignment(horizontal="center", vertical="center")
            self.kinds[kind] = _look(ws, font=body, border=box, alignment=align, number_format=fmt)
        self.note = _look(ws, font=Font(name="宋体", size=BODY_PT))
        self._tentative = {}

    def tentative(self, ws, kind: str):
        if kind not in self._tentative:
            from openpyxl.styles import Alignment, Border, Font, Side

            thin = Side(style="thin", color="000000")
            fmt = NUMBER_FORMAT.get(kind, "General")
            fmt = '@"（暂定）"' if fmt == "General" else f'{fmt}"（暂定）"'
            self._tentative[kind] = _look(
                ws, font=Font(name="宋体", size=BODY_PT), number_format=fmt,
                border=Border(left=thin, right=thin, top=thin, bottom=thin),
                alignment=Alignment(horizontal="center", vertical="center", wrap_text=True))
        return self._tentative[kind]


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
    c._style = copy(look)
    return c


def add_table(wb, t: Table):
    """Write ``t`` as a new sheet of the write-only workbook ``wb``."""
    from openpyxl.utils import get_column_letter

    from anshang.core.dates import cn_date

    ws = wb.create_sheet(t.sheet)
    widths, (paper, size, orientation, _) = layout(t.cols, t.rows)
    for i, w in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(i)].width = round(w, 1)
    looks = _Looks(ws)
    n = len(t.cols)
    last = get_column_letter(n)
    ws.freeze_panes = f"A{HEAD_ROWS + 1}"
    ws.print_title_rows = f"1:{HEAD_ROWS}"
    ws.page_setup.paperSize = size
    ws.page_setup.orientation = orientation
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
    for side in ("left", "right"):
        setattr(ws.page_margins, side, MARGIN_IN)
    ws.page_margins.top, ws.page_margins.bottom = 0.6, 0.75
    ws.page_margins.header, ws.page_margins.footer = 0.3, 0.3  # the page-number footer has its own room
    ws.oddFooter.center.text = "第 &P 页，共 &N 页"
    ws.oddFooter.center.size = BODY_PT
    ws.row_dimensions[1].height = 28
    ws.append([_cell(ws, t.title, looks.title)])
    # one cell that runs on across the empty row (a narrow first column never cuts it off)
    ws.append([_cell(ws, f"制表单位：{t.office}　　　　截至{cn_date(t.date)}", looks.sub)])
    ws.append([_cell(ws, c.header, looks.head) for c in t.cols])
    kinds = [c.kind for c in t.cols]
    ws.row_dimensions[HEAD_ROWS].height = row_height(t.cols and [c.header for c in t.cols], widths)
    for r, row in enumerate(t.rows, start=HEAD_ROWS + 1):
        height = row_height(row, widths)
        if height:
            ws.row_dimensions[r].height = height
        cells = []
        for value, kind in zip(row, kinds):
            if isinstance(value, Tentative):
                cells.append(_cell(ws, value.value, looks.tentative(ws, kind)))
            else:
                cells.append(_cell(ws, value, looks.kinds[kind if _typed(value, kind) else "text"]))
        ws.append(cells)
    first, end = HEAD_ROWS + 1, HEAD_ROWS + len(t.rows)
    ws.auto_filter.ref = f"A{HEAD_ROWS}:{last}{max(end, HEAD_ROWS)}"
    ws.print_area = f"A1:{last}{max(end, HEAD_ROWS) + len(t.notes)}"
    if t.tones is not None and t.rows:
        _colour_rows(ws, last, first, end)
    for line in t.notes:
        ws.append([_cell(ws, line, looks.note)])
    if t.charts and t.rows:
        # each chart on a page of its own under the table (a page break before it, the title rows
        # repeated above it), and the printed width wide enough for it
        from openpyxl.worksheet.pagebreak import Break

        below = max(end, HEAD_ROWS) + len(t.notes)
        for chart in t.charts:
            ws.row_breaks.append(Break(id=below))
            shown = chart.rows or len(t.rows)
            ws.add_chart(_chart(ws, chart, HEAD_ROWS, HEAD_ROWS + shown, shown), f"A{below + 1}")
            below += CHART_ROWS
        room = sum(widths) * CM_PER_WIDTH
        extra = max(0, int((CHART_CM - room) / (8.43 * CM_PER_WIDTH)) + 1) if room < CHART_CM else 0
        ws.print_area = f"A1:{get_column_letter(n + extra)}{below}"
    return ws


CHART_ROWS = 26  # the rows a chart's page takes under its table
CHART_CM = 16.0  # a chart's width
CM_PER_WIDTH = 0.2  # one unit of column width, printed at full size


def _chart(ws, spec: Chart, head: int, end: int, n: int):
    """The openpyxl chart of ``spec`` over rows ``head``..``end`` (header, then data)."""
    from openpyxl.chart import BarChart, LineChart, Reference

    chart = LineChart() if spec.kind == "line" else BarChart()
    if spec.kind == "bar":
        chart.type = "bar"  # horizontal: long unit names read on the axis
    chart.title = spec.title
    chart.style = 10
    chart.width = CHART_CM
    chart.height = max(8.0, min(0.6 * n + 3, 15.0)) if spec.kind == "bar" else 9.0
    chart.y_axis.title = "比率" if spec.percent else "件数"
    for col in spec.values:
        chart.add_data(Reference(ws, min_col=col, min_row=head, max_row=end), titles_from_data=True)
    chart.set_categories(Reference(ws, min_col=spec.labels, min_row=head + 1, max_row=end))
    if spec.percent:
        chart.y_axis.number_format = "0%"
        chart.y_axis.scaling.min = 0
        chart.y_axis.scaling.max = 1
    chart.y_axis.delete = False
    chart.x_axis.delete = False
    chart.x_axis.tickLblSkip = 1  # every label, none skipped
    if spec.kind == "bar":
        chart.x_axis.scaling.orientation = "maxMin"  # the first row (rank 1) on top
    return chart


LINE_PT = 15.0  # one line of 五号 text in a cell, with its leading


def lines_needed(value, width: float) -> int:
    """Lines the text takes in a wrapped cell ``width`` units wide (a Chinese character takes
    two units; a little room is kept for the cell's padding and for breaks between words)."""
    room = max(width - 0.5, 1.0)
    text = "" if value is None or isinstance(value, Tentative) else str(value)
    return sum(max(1, -(-text_width(part) // room)) for part in text.split("\n")) if text else 1


def row_height(values, widths) -> float | None:
    """The height a row needs so that no wrapped text is cut (None: one line, the default)."""
    n = max((int(lines_needed(v, w)) for v, w in zip(values, widths)), default=1)
    return None if n <= 1 else round(n * LINE_PT + 3, 1)


def grow_rows(ws) -> None:
    """Give every row of a filled form (an ordinary worksheet) the height its wrapped text
    needs, merged cells included; rows only grow, and the form may run onto a second page
    rather than being shrunk to one."""
    from openpyxl.utils import get_column_letter

    spans = {}
    for rng in ws.merged_cells.ranges:
        spans[(rng.min_row, rng.min_col)] = range(rng.min_col, rng.max_col + 1)
    default = ws.sheet_format.defaultColWidth or 8.43
    for row in ws.iter_rows():
        for cell in row:
            if not isinstance(cell.value, str) or not (cell.alignment and cell.alignment.wrap_text):
                continue
            cols = spans.get((cell.row, cell.column), range(cell.column, cell.column + 1))
            width = sum(ws.column_dimensions[get_column_letter(c)].width or default for c in cols)
            size = float(cell.font.sz or 11) if cell.font else 11.0
            lines = lines_needed(cell.value, width * BODY_PT / size)
            need = round(lines * size * 1.45 + 6, 1)
            current = ws.row_dimensions[cell.row].height
            if current is None or current < need:
                ws.row_dimensions[cell.row].height = need
    if ws.sheet_properties.pageSetUpPr is not None and ws.sheet_properties.pageSetUpPr.fitToPage:
        ws.page_setup.fitToHeight = 0


def _typed(value, kind: str) -> bool:
    """Whether ``value`` is stored in the column's own type (else it is shown as text: a dash
    for a rate with nothing to count, say)."""
    if kind == "date":
        return isinstance(value, dt.date)
    if kind in ("int", "pct", "num"):
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    return True


# the reminder colours: red, yellow and grey; the supervision ladder's yellow, orange, red and deep red
FILL = {"overdue": "FFC7CE", "soon": "FFEB9C", "closed": "D9D9D9",
        "warning": "FFEB9C", "chase": "F8CBAD", "supervise": "FFC7CE", "named": "FF9999"}


def _colour_rows(ws, last: str, first: int, end: int) -> None:
    """Red, amber and grey rows from the last column's 超期 / 即将到期 / 已办结 (conditional
    formatting: the file stays small and a re-sorted sheet keeps its colours)."""
    from openpyxl.formatting.rule import FormulaRule
    from openpyxl.styles import PatternFill

    from anshang.core.labels import ALERTS

    for tone, colour in FILL.items():
        fill = PatternFill(start_color=colour, end_color=colour, fill_type="solid")
        ws.conditional_formatting.add(f"A{first}:{last}{end}", FormulaRule(
            formula=[f'${last}{first}="{ALERTS[tone]}"'], fill=fill, stopIfTrue=True))


def book_bytes(tables: list[Table], title: str = "") -> bytes:
    """A workbook of printable tables, as bytes that depend only on the content."""
    from openpyxl import Workbook

    from anshang.documents.workbook import workbook_bytes

    wb = Workbook(write_only=True)
    wb.properties.creator = "anshang"
    wb.properties.title = title or (tables[0].title if tables else "")
    for t in tables:
        add_table(wb, t)
    return workbook_bytes(wb)
