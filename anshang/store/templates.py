"""Where the shipped templates are: inside the installed package, or in a source checkout."""

from __future__ import annotations

from pathlib import Path

from anshang.core.problems import AnshangError


def templates_dir() -> Path:
    package = Path(__file__).resolve().parent.parent  # anshang/ (templates are packed into it)
    for candidate in (package / "templates", package.parent / "templates"):
        if candidate.is_dir():
            return candidate
    raise AnshangError("找不到 anshang 自带的模板目录（安装不完整？请重新安装 anshang）")


def template_path(name: str) -> Path:
    p = templates_dir() / name
    if not p.exists():
        raise AnshangError(f"缺少模板 {name}（安装不完整？请重新安装 anshang）")
    return p
