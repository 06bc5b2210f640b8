"""Excel at the edges: opening workbooks with clear errors, reading cells as clean text,
writing enterprise text that can never become a formula, and safe output file names."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
import zipfile
from pathlib import Path

from anshang.errors import AnshangError

_HALF = {cp: cp - 0xFEE0 for cp in (*range(0xFF10, 0xFF1A), *range(0xFF21, 0xFF3B), *range(0xFF41, 0xFF5B))}


class BookProblem(Exception):
    """A workbook that cannot be used, said for a clerk."""


def open_workbook(path: Path, read_only: bool = False):
    """Load an .xlsx; password-protected, old .xls, corrupted or missing files get a message."""
    import openpyxl

    path = Path(path)
    if not path.is_file():
        raise BookProblem("文件不存在")
    head = path.read_bytes()[:8]
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        # OLE container: either an old .xls or an encrypted (password-protected) .xlsx
        if path.suffix.lower() == ".xlsx":
            raise BookProblem("文件受密码保护（已加密），请在 Excel/WPS 中取消密码后另存为 .xlsx 再导入")
        raise BookProblem("这是旧版 .xls 文件，请在 Excel/WPS 中“另存为” .xlsx 后再导入")
    if not head.startswith(b"PK"):
        raise BookProblem("不是 Excel .xlsx 文件（或文件已损坏）")
    try:
        return openpyxl.load_workbook(path, read_only=read_only, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, TypeError) as e:
        raise BookProblem(f"文件已损坏，无法读取（{type(e).__name__}）；请重新保存或索取原件") from None
    except Exception as e:  # noqa: BLE001 - openpyxl raises many kinds on broken XML
        raise BookProblem(f"文件已损坏，无法读取（{type(e).__name__}）；请重新保存或索取原件") from None


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


def set_text(cell, value) -> None:
    """Write ``value`` into ``cell``; text is always stored as text, never as a formula."""
    cell.value = value
    if isinstance(value, str):
        cell.data_type = "s"  # openpyxl would otherwise treat a leading '=' as a formula


def cell_name(cell) -> str:
    return f"{cell.parent.title}!{cell.coordinate}"


_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)), *(f"LPT{i}" for i in range(1, 10))}


def safe_filename(text: str, limit: int = 60) -> str:
    """A file name made from outside text that stays inside its folder on Windows and Linux."""
    t = unicodedata.normalize("NFKC", str(text))
    t = re.sub(r'[\\/:*?"<>|\x00-\x1f]', "_", t)
    t = t.strip(" .")
    t = re.sub(r"\.{2,}", "_", t)
    if not t or t.upper().split(".")[0] in _RESERVED:
        t = f"_{t}"
    return t[:limit]


def ensure_inside(folder: Path, name: str) -> Path:
    """``folder/name`` after checking that it does not escape ``folder``."""
    folder = Path(folder).resolve()
    target = (folder / name).resolve()
    if folder not in target.parents:
        raise AnshangError(f"文件名 {name!r} 会写到目录之外，已拒绝")
    return target


def write_table(path: Path, title: str, headers: list[str], rows: list[list]) -> None:
    """A simple workbook: bold frozen header, filter, widths for Chinese text, text kept as text."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    from anshang.yamlio import atomic_write

    wb = Workbook()
    ws = wb.active
    ws.title = safe_filename(title, 31) or "Sheet1"
    for col, h in enumerate(headers, start=1):
        c = ws.cell(row=1, column=col)
        set_text(c, h)
        c.font = Font(bold=True)
    for r, row in enumerate(rows, start=2):
        for col, value in enumerate(row, start=1):
            set_text(ws.cell(row=r, column=col), value)
    for col, h in enumerate(headers, start=1):
        width = max([_width(h)] + [_width(row[col - 1]) for row in rows]) + 2
        ws.column_dimensions[ws.cell(row=1, column=col).column_letter].width = min(width, 60)
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = ws.dimensions
    wb.properties.creator = "anshang"
    atomic_write(path, workbook_bytes(wb))


def _width(value) -> int:
    text = str(value if value is not None else "")
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def workbook_bytes(wb) -> bytes:
    """The workbook as .xlsx bytes that depend only on its content: fixed document times and
    fixed zip entry times, so the same data gives a byte-identical file."""
    import io

    fixed = dt.datetime(2000, 1, 1)
    wb.properties.created = wb.properties.modified = fixed
    raw = io.BytesIO()
    wb.save(raw)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(raw.getvalue())) as src, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "docProps/core.xml":  # openpyxl stamps "modified" at save time
                data = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)",
                              rb"\g<1>2000-01-01T00:00:00Z\g<2>", data)
            entry = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o600 << 16
            dst.writestr(entry, data)
    return out.getvalue()
