"""``anshang fmt``: bring ledger files to canonical form (the I/O around ``store.canonical``)."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass, field

from anshang.core.problems import AnshangError, Problem
from anshang.store import canonical
from anshang.store.atomic import read_utf8
from anshang.store.folder import (
    LEADERS_FILE,
    SETTINGS_FILE,
    UNITS_FILE,
    Ledger,
    keep_style,
    kind_of,
)
from anshang.store.yamlfile import YamlProblem


@dataclass
class FormatResult:
    total: int = 0
    changed: list = field(default_factory=list)
    problems: list = field(default_factory=list)


def ledger_files(ledger: Ledger) -> list[str]:
    """Every file ``fmt`` looks after, in a stable order."""
    fixed = [r for r in (SETTINGS_FILE, LEADERS_FILE, UNITS_FILE) if (ledger.root / r).is_file()]
    return (fixed + ledger.enterprise_files() + ledger.session_files() + ledger.case_files()
            + ledger.calendar_files() + ledger.record_files() + ledger.plan_files() + ledger.task_files()
            + ledger.topic_files() + ledger.visit_files() + ledger.project_files() + ledger.campaign_files()
            + ledger.evaluation_files())


def format_ledger(ledger: Ledger, only: list[str] | None, write: bool) -> FormatResult:
    result = FormatResult()
    rels = ledger_files(ledger)
    if only:
        wanted = []
        for given in only:
            rel = ledger.rel(ledger.path(given)) if not given.startswith(str(ledger.root)) else ledger.rel(given)
            if not kind_of(rel) or not (ledger.root / rel).is_file():
                raise AnshangError(f"{given} 不是台账中的文件")
            wanted.append(rel)
        rels = wanted
    result.total = len(rels)
    # Read, decide and write under the lock, so that an edit acknowledged meanwhile is never
    # overwritten by a stale formatted copy; checking only reads.
    with (ledger.lock() if write else contextlib.nullcontext()):
        for rel in rels:
            try:
                ledger.read(rel)  # the fast reader first: the same message as every other command
                text = read_utf8(ledger.root / rel)
                new = keep_style(text, False, canonical.format_text(text, kind_of(rel)), endings=False)
            except YamlProblem as e:
                result.problems.append(Problem(rel, e.line, "yaml", "error", e.message))
                continue
            if new != text.lstrip("\ufeff") or text.startswith("\ufeff"):
                result.changed.append(rel)
                if write:
                    ledger.replace_file(rel, new)
    return result
