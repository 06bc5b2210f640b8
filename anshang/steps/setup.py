"""Setting a ledger up: ``init`` (a new, valid, empty ledger from the commented templates) and
a new year's calendar supplement."""

from __future__ import annotations

from pathlib import Path

from anshang.core.problems import AnshangError
from anshang.store import yamlfile as yamlio
from anshang.store.atomic import atomic_write
from anshang.store.folder import (
    CALENDAR_DIR,
    CASES_DIR,
    ENTERPRISES_DIR,
    SESSIONS_DIR,
    SETTINGS_FILE,
)
from anshang.store.templates import template_path


def init_ledger(folder: Path, city: str | None = None) -> Path:
    folder = Path(folder)
    if (folder / SETTINGS_FILE).exists():
        raise AnshangError(f"{folder} 已经是台账（已有 {SETTINGS_FILE}），未做任何修改")
    if folder.exists() and not folder.is_dir():
        raise AnshangError(f"{folder} 已存在且不是目录")
    if folder.exists() and any(folder.iterdir()):
        raise AnshangError(f"{folder} 不是空目录；请指定一个新目录或空目录")
    src = template_path("ledger")
    folder.mkdir(parents=True, exist_ok=True)
    for name in ("anshang.yaml", "leaders.yaml", "units.yaml"):
        text = (src / name).read_text(encoding="utf-8")
        if name == "anshang.yaml" and city:
            doc = yamlio.rt_load(text)
            doc["city"] = city
            doc["office"] = f"{city}优化营商环境办公室"
            text = yamlio.rt_dump(doc)
        atomic_write(folder / name, text)
    atomic_write(folder / ".gitignore", (src / "gitignore").read_text(encoding="utf-8"))
    atomic_write(folder / ".gitattributes", (src / "gitattributes").read_text(encoding="utf-8"))
    for sub in (ENTERPRISES_DIR, SESSIONS_DIR, CASES_DIR, CALENDAR_DIR):
        (folder / sub).mkdir(exist_ok=True)
        # git keeps no empty folders; the marker keeps the layout visible in a fresh clone
        atomic_write(folder / sub / ".gitkeep", "")
    return folder.resolve()


def add_calendar_year(ledger, year: int) -> str:
    """A commented ``calendar/<year>.yaml`` to fill in from the State Council's notice
    (pre-filled from the package when it has the year); never overwrites."""
    from anshang.core.calendar import Calendar, package_arrangements
    from anshang.documents.calendar_view import skeleton
    from anshang.store.canonical import format_text

    if not 2000 <= year <= 2100:
        raise AnshangError(f"年份 {year} 不合理")
    rel = f"calendar/{year}.yaml"
    text = format_text(skeleton(year, Calendar(package_arrangements())), "calendar")
    with ledger.lock():
        if ledger.path(rel).exists():
            raise AnshangError(f"{rel} 已存在，未覆盖；请直接编辑它")
        ledger.replace_file(rel, text)
    return rel


def copy_template(ledger, name: str, force: bool = False):
    """Copy a packaged template into the ledger's ``templates/`` for the clerk to edit (an
    existing copy is kept unless ``force``); returns its path."""
    from anshang.core.problems import AnshangError
    from anshang.store.atomic import atomic_write
    from anshang.store.templates import template_path, templates_dir

    shipped = sorted(p.name for p in templates_dir().iterdir() if p.is_file() and p.suffix in (".docx", ".xlsx", ".md"))
    if name not in shipped:
        raise AnshangError(f"没有模板 {name!r}；可复制的模板：{'、'.join(shipped)}")
    with ledger.lock():
        target = ledger.path(f"templates/{name}")
        if target.exists() and not force:
            raise AnshangError(f"台账中已有 templates/{name}（保留不动；要用自带模板覆盖它，加 --force）")
        atomic_write(target, template_path(name).read_bytes())
    return target
