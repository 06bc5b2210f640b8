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
# paper (spreadsheet paperSize code, orientation, printable width in points with 10 mm margins)
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
    """The few cell formats a table uses, made once per workbook."""

    def __init__(self, wb):
        self.wb = wb
        body = {"font_name": "宋体", "font_size": BODY_PT}
        box = {"border": 1, "border_color": "#000000"}
        self.title = wb.add_format({"font_name": "黑体", "font_size": 16, "bold": True, "valign": "vcenter"})
        self.sub = wb.add_format(body)
        self.head = wb.add_format({"font_name": "黑体", "font_size": BODY_PT, "bold": True, **box, "pattern": 1,
                                   "bg_color": "#DDEBF7", "align": "center", "valign": "vcenter", "text_wrap": True})
        self.kinds = {}
        for kind, fmt in (("text", "General"), *NUMBER_FORMAT.items()):
            align = {"text_wrap": True, "valign": "vcenter"} if kind == "text" else {"align": "center", "valign": "vcenter"}
            self.kinds[kind] = wb.add_format({**body, **box, **align, "num_format": fmt})
        self.note = wb.add_format(body)
        self._tentative = {}
        self.fills = {tone: wb.add_format({"bg_color": f"#{colour}", "fg_color": f"#{colour}", "pattern": 1})
                      for tone, colour in FILL.items()}

    def tentative(self, kind: str):
        if kind not in self._tentative:
            fmt = NUMBER_FORMAT.get(kind, "General")
            fmt = '@"（暂定）"' if fmt == "General" else f'{fmt}"（暂定）"'
            self._tentative[kind] = self.wb.add_format({
                "font_name": "宋体", "font_size": BODY_PT, "num_format": fmt, "border": 1, "border_color": "#000000",
                "align": "center", "valign": "vcenter", "text_wrap": True})
        return self._tentative[kind]


def _put(ws, r: int, c: int, value, look) -> None:
    """One cell of a value of its own type; text is always stored as text, never a formula."""
    if isinstance(value, str):
        if value:
            ws.write_string(r, c, value, look)
        else:  # an empty text is an empty cell, as spreadsheet programs keep it
            ws.write_blank(r, c, None, look)
    elif isinstance(value, bool):
        ws.write_boolean(r, c, value, look)
    elif isinstance(value, (int, float)):
        if value != value or value in (float("inf"), float("-inf")):
            ws.write_string(r, c, str(value), look)  # no spreadsheet number for these
        else:
            ws.write_number(r, c, value, look)
    elif isinstance(value, dt.datetime):
        ws.write_datetime(r, c, value, look)
    elif isinstance(value, dt.date):
        ws.write_datetime(r, c, dt.datetime(value.year, value.month, value.day), look)
    elif value is None:
        ws.write_blank(r, c, None, look)
    else:
        ws.write_string(r, c, str(value), look)


def _column(n: int) -> str:
    """Spreadsheet column letters of the 1-based column ``n``."""
    letters = ""
    while n:
        n, rest = divmod(n - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def sheet_name(wanted: str, taken: set) -> str:
    """A sheet name spreadsheet programs accept: at most 31 characters, none of []:*?/\\, and not
    one already in the workbook (case aside): a repeat gets （2）, （3）…"""
    base = "".join("_" if ch in "[]:*?/\\" else ch for ch in wanted).strip("'") or "表"
    name, n = base[:31], 1
    while name.lower() in taken:
        n += 1
        tail = f"（{n}）"
        name = base[:31 - len(tail)] + tail
    taken.add(name.lower())
    return name


def add_table(wb, t: Table, looks: "_Looks", taken: set | None = None):
    """Write ``t`` as a new sheet of the xlsxwriter workbook ``wb`` (rows in order: the workbook
    keeps only one row in memory at a time)."""
    from anshang.core.dates import cn_date

    ws = wb.add_worksheet(sheet_name(t.sheet, set() if taken is None else taken))
    widths, (paper, size, orientation, _) = layout(t.cols, t.rows)
    for i, w in enumerate(widths):
        # the width itself, in the units of the default font's digit (seven pixels); set_column would
        # add the cell padding on top, and fitting the wider sheet to the page would shrink the print
        ws.set_column_pixels(i, i, round(round(w, 1) * 7))
    n = len(t.cols)
    last = _column(n)
    ws.freeze_panes(HEAD_ROWS, 0)
    ws.repeat_rows(0, HEAD_ROWS - 1)
    ws.set_paper(int(size))
    if orientation == "landscape":
        ws.set_landscape()
    else:
        ws.set_portrait()
    ws.fit_to_pages(1, 0)
    ws.center_horizontally()
    ws.set_margins(left=MARGIN_IN, right=MARGIN_IN, top=0.6, bottom=0.75)
    ws.set_header("", {"margin": 0.3})
    # (a footer's type size is a whole number of points: &10, not &10.5, which would print ".5")
    ws.set_footer(f"&C&{int(BODY_PT)}第 &P 页，共 &N 页", {"margin": 0.3})  # the page number has its own room
    ws.set_row(0, 28)
    ws.write_string(0, 0, t.title, looks.title)
    # one cell that runs on across the empty row (a narrow first column never cuts it off)
    ws.write_string(1, 0, f"制表单位：{t.office}　　　　截至{cn_date(t.date)}", looks.sub)
    ws.set_row(HEAD_ROWS - 1, row_height([c.header for c in t.cols], widths))
    for i, c in enumerate(t.cols):
        ws.write_string(HEAD_ROWS - 1, i, c.header, looks.head)
    kinds = [c.kind for c in t.cols]
    put_row = getattr(ws, "put_row", None)  # (the quick worksheet: a whole row of ordinary cells at once)
    for r, row in enumerate(t.rows, start=HEAD_ROWS):
        height = row_height(row, widths)
        cells = [(value.value, looks.tentative(kind)) if isinstance(value, Tentative)
                 else (value, looks.kinds[kind if _typed(value, kind) else "text"]) for value, kind in zip(row, kinds)]
        if put_row is not None and put_row(r, cells, height):
            continue
        if height:
            ws.set_row(r, height)
        for i, (value, look) in enumerate(cells):
            _put(ws, r, i, value, look)
    first, end = HEAD_ROWS + 1, HEAD_ROWS + len(t.rows)
    ws.autofilter(HEAD_ROWS - 1, 0, max(end, HEAD_ROWS) - 1, n - 1)
    ws.print_area(0, 0, max(end, HEAD_ROWS) + len(t.notes) - 1, n - 1)
    if t.tones is not None and t.rows:
        _colour_rows(ws, looks, last, first, end, n)
    for k, line in enumerate(t.notes):
        ws.write_string(max(end, HEAD_ROWS) + k, 0, line, looks.note)
    if t.charts and t.rows:
        # each chart on a page of its own under the table (a page break before it, the title rows
        # repeated above it), and the printed width wide enough for it
        below = max(end, HEAD_ROWS) + len(t.notes)
        breaks = []
        for chart in t.charts:
            breaks.append(below)
            shown = chart.rows or len(t.rows)
            ws.insert_chart(below, 0, _chart(wb, ws.get_name(), chart, HEAD_ROWS, HEAD_ROWS + shown, shown))
            below += CHART_ROWS
        ws.set_h_pagebreaks(breaks)
        room = sum(widths) * CM_PER_WIDTH
        extra = max(0, int((CHART_CM - room) / (8.43 * CM_PER_WIDTH)) + 1) if room < CHART_CM else 0
        ws.print_area(0, 0, below - 1, n + extra - 1)
    return ws


CHART_ROWS = 26  # the rows a chart's page takes under its table
CHART_CM = 16.0  # a chart's width
CM_PER_WIDTH = 0.2  # one unit of column width, printed at full size


PX_PER_CM = 96 / 2.54


def _chart(wb, sheet: str, spec: Chart, head: int, end: int, n: int):
    """The native chart of ``spec`` over rows ``head``..``end`` (1-based: header, then data)."""
    chart = wb.add_chart({"type": "line" if spec.kind == "line" else "bar" if spec.kind == "bar" else "column"})
    chart.set_title({"name": spec.title})
    chart.set_style(10)
    height = max(8.0, min(0.6 * n + 3, 15.0)) if spec.kind == "bar" else 9.0
    chart.set_size({"width": round(CHART_CM * PX_PER_CM), "height": round(height * PX_PER_CM)})
    for col in spec.values:
        chart.add_series({"name": [sheet, head - 1, col - 1],
                          "categories": [sheet, head, spec.labels - 1, end - 1, spec.labels - 1],
                          "values": [sheet, head, col - 1, end - 1, col - 1]})
    values = {"name": "比率" if spec.percent else "件数"}
    if spec.percent:
        values.update({"num_format": "0%", "min": 0, "max": 1})
    labels = {"interval_unit": 1}  # every label, none skipped
    if spec.kind == "bar":
        labels["reverse"] = True  # the first row (rank 1) on top
        chart.set_x_axis(values)  # in a bar chart the horizontal axis carries the values
        chart.set_y_axis(labels)
    else:
        chart.set_y_axis(values)
        chart.set_x_axis(labels)
    return chart


LINE_PT = 15.0  # one line of 五号 text in a cell, with its leading


def lines_needed(value, width: float) -> int:
    """Lines the text takes in a wrapped cell ``width`` units wide (a Chinese character takes
    two units; a little room is kept for the cell's padding and for breaks between words)."""
    return _lines("" if value is None or isinstance(value, Tentative) else str(value), width)


def _lines(text: str, width: float) -> int:
    room = max(width - 0.5, 1.0)
    if 2 * len(text) <= room and "\n" not in text:  # fits even if every character is wide
        return 1
    if "\n" in text:
        return int(sum(max(1, -(-text_width(part) // room)) for part in text.split("\n")))
    return int(max(1, -(-text_width(text) // room))) if text else 1


def row_height(values, widths) -> float | None:
    """The height a row needs so that no wrapped text is cut (None: one line, the default)."""
    n = 1
    for v, w in zip(values, widths):
        if v is None or isinstance(v, Tentative):
            continue
        text = v if isinstance(v, str) else str(v)
        if 2 * len(text) > w - 0.5 or "\n" in text:  # (else one line: not worth a call, half the cells are so)
            n = max(n, _lines(text, w))
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


def _colour_rows(ws, looks: "_Looks", last: str, first: int, end: int, n: int) -> None:
    """Red, amber and grey rows from the last column's 超期 / 即将到期 / 已办结 (conditional
    formatting: the file stays small and a re-sorted sheet keeps its colours)."""
    from anshang.core.labels import ALERTS

    for tone in FILL:
        ws.conditional_format(first - 1, 0, end - 1, n - 1, {
            "type": "formula", "criteria": f'=${last}{first}="{ALERTS[tone]}"', "format": looks.fills[tone],
            "stop_if_true": True})


_WORKSHEET = None


def worksheet_class():
    """XlsxWriter's worksheet, writing the ordinary cells (a formatted text or number) itself.
    Its own per-cell path (formats looked up per attribute, three regular expressions per text)
    was about half of the weekly ledger's time; these cells come out byte for byte as XlsxWriter
    writes them (``test_documents`` compares whole workbooks), and anything else goes to XlsxWriter."""
    global _WORKSHEET
    if _WORKSHEET is not None:
        return _WORKSHEET
    import re

    from xlsxwriter.utility import xl_col_to_name, xl_rowcol_to_cell_fast
    from xlsxwriter.worksheet import Worksheet

    # what XlsxWriter would escape or mark in a text cell: XML's own characters, control characters,
    # its _xHHHH_ escapes, the two non-characters, and white space at either end (xml:space)
    unusual = re.compile(r'[&<>"\x00-\x1f_\ufffe\uffff]|^\s|\s$').search

    inf = (float("inf"), float("-inf"))

    class FastCells(Worksheet):
        def put_row(self, r: int, cells: list, height: float | None) -> bool:
            """Row ``r`` of ``(value, format)`` cells, written out at once as XlsxWriter would write
            it (``_put`` cell by cell, ``set_row`` for the height); False, with nothing of the row
            written, when a cell is not an ordinary one or the row is not a fresh one."""
            n = len(cells)
            if (not self.constant_memory or not n or r < self.previous_row or self.table.get(r)
                    or r in self.row_info or r in self.comments or r >= self.xls_rowmax or n > self.xls_colmax):
                return False
            pixels = None if height is None else int(height * 4.0 / 3.0 + 0.5)  # as set_row counts
            if pixels == 0:
                return False
            for _, look in cells:
                # a format not yet numbered: XlsxWriter numbers formats as their cells go out, and it keeps
                # a sheet's last row until the workbook is closed, after the sheets that follow; a row
                # written now could number its formats before theirs (the same workbook, other bytes)
                if look is None or look.xf_index is None and look._get_format_key() not in look.xf_format_indices:
                    return False
            if r > self.previous_row:  # what is still held of an earlier row goes out first, as
                self._write_single_row(r)  # XlsxWriter does (formats are numbered as first written)
            letters, row1, out = self._letters(n), r + 1, []
            for c, (value, look) in enumerate(cells):
                at = f'<c r="{letters[c]}{row1}" s="{look._get_xf_index()}"'
                if isinstance(value, str) or not isinstance(value, (bool, int, float, dt.date)) and value is not None:
                    text = value if isinstance(value, str) else str(value)
                    if not text:
                        out.append(at + "/>")
                    elif len(text) > self.xls_strmax // 2 or unusual(text):
                        return False
                    else:
                        out.append(f'{at} t="inlineStr"><is><t>{text}</t></is></c>')
                elif isinstance(value, bool):
                    return False
                elif isinstance(value, (int, float)):
                    if value != value or value in inf:
                        return False
                    out.append(f"{at}><v>{value:.16G}</v></c>")
                elif isinstance(value, dt.date):
                    when = value if isinstance(value, dt.datetime) else dt.datetime(value.year, value.month, value.day)
                    out.append(f"{at}><v>{self._convert_date_time(when):.16G}</v></c>")
                else:  # None: an empty cell of its format
                    out.append(at + "/>")
            if self.dim_rowmin is None or r < self.dim_rowmin:
                self.dim_rowmin = r
            if self.dim_rowmax is None or r > self.dim_rowmax:
                self.dim_rowmax = r
            if self.dim_colmin is None or self.dim_colmin > 0:
                self.dim_colmin = 0
            if self.dim_colmax is None or n - 1 > self.dim_colmax:
                self.dim_colmax = n - 1
            if pixels is not None:
                self.row_sizes[r] = [pixels, False]  # (as set_row: where an object anchored in these rows goes)
            self.fh.write(f'<row r="{row1}"{self._row_tail(pixels)}>{"".join(out)}</row>')
            self.previous_row = r
            return True

        def _letters(self, n: int) -> list:
            if len(getattr(self, "_letter_cache", ())) < n:
                self._letter_cache = [xl_col_to_name(c) for c in range(n)]
            return self._letter_cache

        def _row_tail(self, pixels) -> str:
            """The attributes XlsxWriter writes on a row of this height after its number."""
            tails = self.__dict__.setdefault("_tails", {})
            if pixels not in tails:
                import io

                from xlsxwriter.worksheet import RowInfo

                info = None if pixels is None else RowInfo(height=pixels, row_format=None, hidden=False, level=0,
                                                             collapsed=False)
                fh, self.fh = self.fh, io.StringIO()
                try:
                    self._write_row(0, None, info)
                    tag = self.fh.getvalue()
                finally:
                    self.fh = fh
                head = '<row r="1"'
                assert tag.startswith(head) and tag.endswith(">"), tag
                tails[pixels] = tag[len(head):-1]
            return tails[pixels]

        def _write_cell(self, row, col, cell):
            fmt = getattr(cell, "format", None)
            kind = type(cell).__name__
            if fmt is not None and self.constant_memory:
                if kind == "String" and not unusual(cell.string):
                    self.fh.write(f'<c r="{xl_rowcol_to_cell_fast(row, col)}" s="{fmt._get_xf_index()}" '
                                  f't="inlineStr"><is><t>{cell.string}</t></is></c>')
                    return
                if kind in ("Number", "Datetime"):
                    self.fh.write(f'<c r="{xl_rowcol_to_cell_fast(row, col)}" s="{fmt._get_xf_index()}">'
                                  f'<v>{cell.number:.16G}</v></c>')
                    return
            super()._write_cell(row, col, cell)

    _WORKSHEET = FastCells
    return _WORKSHEET


def book_bytes(tables, title: str = "") -> bytes:
    """A workbook of printable tables, as bytes that depend only on the content (xlsxwriter:
    fixed dates inside, fixed times on the zip entries; rows streamed, one in memory at a time).
    ``tables`` may be any iterable: each table is asked for only when the one before is written."""
    import io

    import xlsxwriter

    if not title:
        tables = list(tables)

    out = io.BytesIO()
    wb = xlsxwriter.Workbook(out, {"constant_memory": True, "strings_to_numbers": False, "strings_to_formulas": False,
                                   "strings_to_urls": False})
    fixed = dt.datetime(2000, 1, 1)
    wb.set_properties({"title": title or (tables[0].title if tables else ""), "author": "anshang", "created": fixed})
    wb.worksheet_class = worksheet_class()
    looks = _Looks(wb)
    taken: set = set()
    for t in tables:
        add_table(wb, t, looks, taken)
    wb.close()
    return out.getvalue()
