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


def cell_name(cell) -> str:
    return f"{cell.parent.title}!{cell.coordinate}"
