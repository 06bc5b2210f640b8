"""Excel workbooks coming in: opening them with clear errors, reading cells as clean text."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
import zipfile
from pathlib import Path

_HALF = {cp: cp - 0xFEE0 for cp in (*range(0xFF10, 0xFF1A), *range(0xFF21, 0xFF3B), *range(0xFF41, 0xFF5B))}


class BookProblem(Exception):
    """A workbook that cannot be used, said for a clerk."""


# Limits for workbooks from outside hands (registration forms, roster lists): checked before
# openpyxl builds anything, so that a "zip bomb" or an absurd sheet is refused in seconds with a
# message instead of eating the memory or hanging.
MAX_UNPACKED = 50 * 1024 * 1024  # all parts together, uncompressed (also the file itself)
MAX_RATIO = 200  # compression ratio of a part ...
RATIO_FROM = 1024 * 1024  # ... once it unpacks to more than this
MAX_PARTS = 10_000
MAX_ROWS = 20_000
MAX_COLS = 200
MAX_CELLS = 500_000  # cells in one sheet, and rows x columns of its used range
MAX_TAGS = 8 * MAX_CELLS  # XML tags in one part
_BROKEN = "文件已损坏，无法读取；请重新保存或索取原件"
_REF = re.compile(r"\$?([A-Za-z]{1,3})\$?([0-9]+)\Z")


def _mb(size: int) -> str:
    return f"{size / 1048576:.1f} MB"


def open_workbook(path: Path, read_only: bool = False):
    """Load an .xlsx; password-protected, old .xls, corrupted, missing or oversized files (and
    "zip bombs") get a message (BookProblem) before openpyxl builds anything large from them."""
    import openpyxl

    path = Path(path)
    screen_package(path, ".xlsx")
    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception:  # noqa: BLE001 - zipfile and openpyxl raise many kinds on broken files
        raise BookProblem(_BROKEN) from None
    try:
        with zipfile.ZipFile(path) as zf:
            for ws in book.worksheets:
                _screen_sheet(zf, ws, read_only)
    except BookProblem:
        book.close()
        raise
    except Exception:  # noqa: BLE001
        book.close()
        raise BookProblem(_BROKEN) from None
    if read_only:
        return book
    book.close()
    try:
        return openpyxl.load_workbook(path, read_only=False, data_only=True)
    except Exception:  # noqa: BLE001
        raise BookProblem(_BROKEN) from None


def screen_package(path: Path, suffix: str = ".xlsx") -> None:
    """An Office file from outside hands (an .xlsx workbook or a .docx document) checked before
    any library parses it: present, not an old or encrypted file, a zip within the size, ratio,
    part and tag limits ("zip bombs"). BookProblem says what is wrong and what to do."""
    path = Path(path)
    excel = suffix == ".xlsx"
    if not path.is_file():
        raise BookProblem("文件不存在")
    try:
        with path.open("rb") as f:
            head = f.read(8)
        size = path.stat().st_size
    except OSError:
        raise BookProblem("文件无法读取（格式不对或已损坏）") from None
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        # OLE container: either an old .xls/.doc or an encrypted (password-protected) file
        program = "Excel/WPS" if excel else "Word/WPS"
        with path.open("rb") as f:  # an encrypted package names its stream; an old .xls/.doc does not
            encrypted = "EncryptedPackage".encode("utf-16-le") in f.read(min(size, MAX_UNPACKED))
        if encrypted:
            raise BookProblem(f"文件受密码保护（已加密），请在 {program} 中取消密码后另存为 {suffix} 再导入")
        raise BookProblem(f"这是旧版 {'.xls' if excel else '.doc'} 文件，请在 {program} 中“另存为” {suffix} 后再导入")
    if not head.startswith(b"PK"):
        raise BookProblem(f"不是 {'Excel .xlsx' if excel else 'Word .docx'} 文件（或文件已损坏）")
    if size > MAX_UNPACKED:
        raise BookProblem(f"文件过大（{_mb(size)}，最多 {_mb(MAX_UNPACKED)}）；请确认选对了文件，"
                          "或只保留需要用的内容")
    try:
        _screen_zip(path)
        with zipfile.ZipFile(path) as zf:
            names = set(zf.namelist())
    except BookProblem:
        raise
    except Exception:  # noqa: BLE001 - zipfile raises many kinds on broken files
        raise BookProblem(_BROKEN) from None
    other = {"xl/workbook.xml": "Excel 工作簿（.xlsx）", "word/document.xml": "Word 文档（.docx）",
             "ppt/presentation.xml": "PowerPoint 演示文稿（.pptx）"}
    mine = "xl/workbook.xml" if excel else "word/document.xml"
    if mine not in names:
        found = next((what for part, what in other.items() if part in names), None)
        if found:
            raise BookProblem(f"这是 {found}，不是 {other[mine]}；请确认选对了文件")


def _screen_zip(path: Path) -> None:
    """The zip's declared sizes (which bound what unpacking can produce: zipfile stops there)
    and the number of XML tags in each part, before anything is parsed."""
    with zipfile.ZipFile(path) as zf:
        infos = zf.infolist()
        if len(infos) > MAX_PARTS:
            raise BookProblem(f"文件内部结构异常（包含 {len(infos)} 个部件，最多 {MAX_PARTS} 个），已拒绝打开")
        total = sum(i.file_size for i in infos)
        if total > MAX_UNPACKED:
            raise BookProblem(f"文件解压后过大（{_mb(total)}，最多 {_mb(MAX_UNPACKED)}），"
                              "可能是恶意构造的文件，已拒绝打开")
        for i in infos:
            if i.file_size > RATIO_FROM and i.file_size > MAX_RATIO * max(i.compress_size, 1):
                ratio = i.file_size // max(i.compress_size, 1)
                raise BookProblem(f"文件内部数据异常（{i.filename} 的压缩比高达 {ratio}:1，"
                                  "可能是恶意构造的“压缩炸弹”），已拒绝打开")
        for i in infos:
            if i.filename.lower().endswith((".xml", ".rels")) and zf.read(i).count(b"<") > MAX_TAGS:
                raise BookProblem(f"文件内容过多（其中的 {i.filename} 过于庞大），请只保留需要导入的内容")


class _Stop(Exception):
    pass


def _screen_sheet(zf: zipfile.ZipFile, ws, read_only: bool) -> None:
    """One worksheet within MAX_ROWS x MAX_COLS and MAX_CELLS, merged and linked ranges too,
    and well-formed: its XML streamed once (nothing is built), cells placed as openpyxl places
    them (by their reference, else next to the previous one). Read-only, rows without cells
    count too (openpyxl's streamed rows fill the gaps), and so does the sheet's <dimension>."""
    from xml.parsers import expat

    where = f"工作表“{ws.title}”"
    if read_only:  # openpyxl pads every streamed row to the <dimension>, if there is one
        _check_extent(where, ws.max_row or 0, ws.max_column or 0)
    part = getattr(ws, "_worksheet_path", None)
    if part is None or part.lstrip("/") not in zf.NameToInfo:
        # an openpyxl that keeps the part elsewhere: its streamed rows must do
        try:
            rows = width = 0
            for row in ws.iter_rows(values_only=True):
                rows, width = rows + 1, max(width, len(row))
                _check_extent(where, rows, width)
        except BookProblem:
            raise
        except Exception:  # noqa: BLE001
            raise BookProblem(f"{where}已损坏，无法读取；请重新保存或索取原件") from None
        return
    at = {"row": 0, "col": 0, "rows": 0, "cols": 0, "cells": 0, "area": 0}
    problem: list = []

    def start(name, attrs):
        local = name[name.rfind(":") + 1:]
        if local == "row":
            r = attrs.get("r")
            at["row"] = int(float(r)) if r else at["row"] + 1
            at["col"] = 0
            if read_only and at["row"] > MAX_ROWS:
                _stop_if(problem, where, at["row"], 0)
        elif local == "c":
            r = attrs.get("r")
            if r:
                m = _REF.match(r)
                if m is None:
                    raise ValueError(f"bad cell reference {r!r}")
                at["row"] = row = int(m.group(2))
                at["col"] = col = _col(m.group(1))
            else:
                at["col"] += 1
                row, col = at["row"], at["col"]
            at["cells"] += 1
            if row > at["rows"] or col > at["cols"] or at["cells"] > MAX_CELLS:
                at["rows"], at["cols"] = max(at["rows"], row), max(at["cols"], col)
                if at["cells"] > MAX_CELLS:
                    problem.append(f"{where}内容过多（超过 {MAX_CELLS} 个单元格）；请只保留需要导入的内容")
                    raise _Stop
                _stop_if(problem, where, at["rows"], at["cols"])
        elif local in ("mergeCell", "hyperlink") and attrs.get("ref"):
            for ref in attrs["ref"].split():
                a, _, b = ref.partition(":")
                ma, mb = _REF.match(a), _REF.match(b or a)
                if ma is None or mb is None:  # whole rows or columns, or not a range at all
                    problem.append(f"{where}的合并单元格或超链接范围无效或过大（{ref}）；请只保留需要导入的内容")
                    raise _Stop
                r1, r2 = sorted((int(ma.group(2)), int(mb.group(2))))
                c1, c2 = sorted((_col(ma.group(1)), _col(mb.group(1))))
                at["area"] += (r2 - r1 + 1) * (c2 - c1 + 1)
                if r2 > MAX_ROWS or c2 > MAX_COLS or at["area"] > MAX_CELLS:
                    problem.append(f"{where}的合并单元格或超链接范围过大（{ref}；最多 {MAX_ROWS} 行、"
                                   f"{MAX_COLS} 列）；请只保留需要导入的内容")
                    raise _Stop

    parser = expat.ParserCreate()
    parser.StartElementHandler = start
    try:
        with zf.open(part.lstrip("/")) as src:
            parser.ParseFile(src)
    except _Stop:
        raise BookProblem(problem[0]) from None
    except Exception:  # noqa: BLE001 - broken XML (ExpatError), bad numbers (ValueError), ...
        if problem:
            raise BookProblem(problem[0]) from None
        raise BookProblem(f"{where}已损坏，无法读取；请重新保存或索取原件") from None


def _col(letters: str) -> int:
    n = 0
    for ch in letters.upper():
        n = n * 26 + ord(ch) - 64
    return n


def _stop_if(problem: list, where: str, rows: int, cols: int) -> None:
    try:
        _check_extent(where, rows, cols)
    except BookProblem as e:
        problem.append(str(e))
        raise _Stop from None


def _check_extent(where: str, rows: int, cols: int) -> None:
    if rows > MAX_ROWS:
        raise BookProblem(f"{where}行数过多（至少 {rows} 行，最多 {MAX_ROWS} 行）；请只保留需要导入的内容")
    if cols > MAX_COLS:
        raise BookProblem(f"{where}列数过多（至少 {cols} 列，最多 {MAX_COLS} 列）；请只保留需要导入的内容")
    if rows * cols > MAX_CELLS:
        raise BookProblem(f"{where}范围过大（{rows} 行 × {cols} 列，最多 {MAX_CELLS} 个单元格）；"
                          "请只保留需要导入的内容")


def clean(value) -> str:
    """A cell as tidy text: full-width folded to half-width, spaces trimmed, whole numbers
    without '.0', dates as ISO."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    # fold only full-width digits and Latin letters: Chinese punctuation in text stays as typed
    text = str(value).translate(_HALF).replace("\u3000", " ").replace("\xa0", " ")
    lines = [re.sub(r"[ \t]+", " ", line).strip() for line in text.splitlines()]
    return "\n".join(line for line in lines if line).strip()


def label_key(text: str) -> str:
    """A label as compared: no spaces, stars, colons or bracketed hints."""
    t = unicodedata.normalize("NFKC", str(text or ""))
    t = re.sub(r"[（(][^）)]*[）)]", "", t)
    return re.sub(r"[\s*:：★※]+", "", t)


def cell_name(cell) -> str:
    return f"{cell.parent.title}!{cell.coordinate}"


def find_header(ws, header: dict, complete, rows: int = 15):
    """(row number, {column index: key}) of the first row within ``rows`` whose labels (looked up
    in ``header``: label_key -> key) make ``complete(found keys)`` true; (None, None) if none do.
    Title rows above the header are passed over."""
    for row in ws.iter_rows(min_row=1, max_row=min(ws.max_row, rows)):
        cols = {}
        for cell in row:
            key = header.get(label_key(clean(cell.value))) if cell.value is not None else None
            if key and key not in cols.values():
                cols[cell.column] = key
        if complete(set(cols.values())):
            return row[0].row, cols
    return None, None
