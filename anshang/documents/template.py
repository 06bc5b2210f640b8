"""Templates a clerk can edit: ``{{name}}`` placeholders, filled from a table of values; an
unknown placeholder is a problem reported with where it is, never left blank."""

from __future__ import annotations

import re
from pathlib import Path

PLACEHOLDER = re.compile(r"\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}")


def names(text: str) -> list[str]:
    return [m.group(1) for m in PLACEHOLDER.finditer(text)]


def fill(text: str, values: dict) -> str:
    return PLACEHOLDER.sub(lambda m: values[m.group(1)], text)


def choose(ledger, name: str) -> tuple[Path, str]:
    """The ledger's own ``templates/<name>`` when there is one, else the packaged template;
    with the name to show in messages."""
    from anshang.store.templates import template_path

    own = ledger.root / "templates" / name
    if own.is_file():
        return own, f"templates/{name}"
    return template_path(name), name
