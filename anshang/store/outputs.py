"""Where generated files go: names made from outside text that stay inside their folder, and
atomic writes (the ledger's ``output/`` folder unless the clerk names another)."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from anshang.core.problems import AnshangError
from anshang.store.atomic import atomic_write

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


def name_part(text: str, limit: int = 40) -> str:
    """An enterprise's or unit's name as one part of a file name: safe, and short enough (40
    characters, 120 bytes in UTF-8) that the date and the id after it always fit."""
    return safe_filename(text, limit)


def ensure_inside(folder: Path, name: str) -> Path:
    """``folder/name`` after checking that it does not escape ``folder``."""
    folder = Path(folder).resolve()
    target = (folder / name).resolve()
    if folder not in target.parents:
        raise AnshangError(f"文件名 {name!r} 会写到目录之外，已拒绝")
    return target


def _put(path: Path, data: str | bytes) -> None:
    """``atomic_write``, with a failure said for a clerk (exit code 2) rather than as an OSError."""
    import errno

    try:
        atomic_write(path, data)
    except OSError as e:
        why = {errno.ENAMETOOLONG: "文件名过长", errno.EACCES: "没有写入权限", errno.EPERM: "没有写入权限",
               errno.ENOSPC: "磁盘空间不足", errno.EROFS: "磁盘只读", errno.EEXIST: "路径中的某一级是已有的文件，不是目录",
               errno.ENOTDIR: "路径中的某一级是已有的文件，不是目录", errno.EISDIR: "这是一个目录"}
        raise AnshangError(f"无法写入 {path}：{why.get(e.errno, '系统拒绝写入（' + (e.strerror or '') + '）')}") from None


def write(folder: Path, name: str, data: str | bytes) -> Path:
    """Write ``data`` to ``folder/name`` atomically, refusing names that leave the folder."""
    target = ensure_inside(folder, name)
    _put(target, data)
    return target


def write_file(path: Path, data: str | bytes, suffixes: tuple = ()) -> Path:
    """Write ``data`` to a path the clerk named (its folder is created if needed); the name must
    end in one of ``suffixes`` (a workbook is not written under a .docx name, say)."""
    path = Path(path)
    if suffixes and path.suffix.lower() not in suffixes:
        raise AnshangError(f"--out 的文件名应以 {' 或 '.join(suffixes)} 结尾（给出的是 {path.name}）")
    _put(path, data)
    return path
