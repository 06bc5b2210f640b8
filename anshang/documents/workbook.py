"""Workbooks going out: text that can never become a formula, widths for Chinese text, and
bytes that depend only on the content (the same data gives a byte-identical file)."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
import zipfile


def set_text(cell, value) -> None:
    """Write ``value`` into ``cell``; text is always stored as text, never as a formula."""
    cell.value = value
    if isinstance(value, str):
        cell.data_type = "s"  # openpyxl would otherwise treat a leading '=' as a formula


_NARROW = None  # finds the narrow characters of the basic plane (Chinese text has few of them)


def text_width(value) -> int:
    """Columns a text takes (CJK characters count two)."""
    global _NARROW
    text = str(value if value is not None else "")
    if text.isascii():
        return len(text)
    if max(text) > "\uffff":  # beyond the basic plane (rare): character by character
        return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)
    if _NARROW is None:  # the ranges of the wide characters (a few unassigned ones lie below U+1100)
        import re

        ranges, start = [], None
        for i in range(0x10001):
            wide = i < 0x10000 and unicodedata.east_asian_width(chr(i)) in "WF"
            if wide and start is None:
                start = i
            elif not wide and start is not None:
                ranges.append(f"\\u{start:04x}-\\u{i - 1:04x}")
                start = None
        _NARROW = re.compile("[^" + "".join(ranges) + "]")
    return 2 * len(text) - len(_NARROW.findall(text))


def workbook_bytes(wb) -> bytes:
    """The workbook as .xlsx bytes that depend only on its content (see ``stable_zip``)."""
    import io

    fixed = dt.datetime(2000, 1, 1)
    wb.properties.created = wb.properties.modified = fixed
    raw = io.BytesIO()
    wb.save(raw)
    return stable_zip(raw.getvalue())


def stable_zip(data: bytes) -> bytes:
    """An Office file (.xlsx, .docx) rewritten with fixed zip entry times and a fixed
    "modified" stamp, so the same content gives a byte-identical file."""
    import io

    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            part = src.read(info.filename)
            if info.filename == "docProps/core.xml":  # libraries stamp "modified" at save time
                part = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)",
                              rb"\g<1>2000-01-01T00:00:00Z\g<2>", part)
            entry = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o600 << 16
            dst.writestr(entry, part)
    return out.getvalue()


def _shown(value) -> str:
    """A cell as text: a date without a time of day as 2026-03-05 (not 2026-03-05 00:00:00)."""
    if isinstance(value, dt.datetime) and value.time() == dt.time(0, 0):
        return value.date().isoformat()
    return str(value)


def workbook_text(path) -> str:
    """A workbook as stable text, sheet by sheet (git's textconv for .xlsx)."""
    from pathlib import Path

    from anshang.core.problems import AnshangError
    from anshang.store.workbook import BookProblem, open_workbook

    try:
        wb = open_workbook(path, read_only=True)
    except BookProblem as e:
        raise AnshangError(f"{Path(path).name}: {e}") from None
    lines = []
    for ws in wb.worksheets:
        lines.append(f"== {ws.title} ==")
        try:  # cells are read only now: a broken value (bad number, missing string) shows here
            for row in ws.iter_rows(values_only=True):
                cells = ["" if v is None else _shown(v).replace("\t", " ").replace("\n", "⏎") for v in row]
                while cells and cells[-1] == "":
                    cells.pop()
                lines.append("\t".join(cells))
        except Exception as e:  # noqa: BLE001 - openpyxl raises many kinds on broken cells
            raise AnshangError(f"{Path(path).name}: 工作表“{ws.title}”已损坏，无法读取（{type(e).__name__}）；"
                               "请重新保存或索取原件") from None
    return "".join(line + "\n" for line in lines)
