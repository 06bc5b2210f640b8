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


def ledger_template(ledger, name: str) -> tuple[Path, str]:
    """The ledger's own ``templates/<name>`` when there is one, else the packaged template;
    with the name to show in messages."""
    own = ledger.path(f"templates/{name}")
    if own.is_file():
        return own, f"templates/{name}"
    return template_path(name), name


def template_text(path: Path) -> str:
    """A text template (UTF-8, BOM accepted)."""
    from anshang.store.atomic import read_utf8

    return read_utf8(path)
