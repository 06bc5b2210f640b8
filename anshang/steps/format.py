"""``anshang fmt``: bring ledger files to canonical form (the I/O around ``store.canonical``)."""

from __future__ import annotations

import contextlib
import os
import time
from dataclasses import dataclass, field

from anshang.core.problems import AnshangError, Problem
from anshang.store import canonical
from anshang.store.folder import (
    Ledger,
    keep_style,
    kind_of,
)
from anshang.store.yamlfile import YamlProblem, decode, loads, read_bytes


@dataclass
class FormatResult:
    total: int = 0
    changed: list = field(default_factory=list)
    problems: list = field(default_factory=list)


def ledger_files(ledger: Ledger) -> list[str]:
    """Every file ``fmt`` looks after, in a stable order (those ``check`` reads, the three fixed
    files only where they exist)."""
    fixed = ("settings", "leaders", "units")
    return [rel for kind, rels in ledger.file_groups() for rel in rels
            if kind not in fixed or (ledger.root / rel).is_file()]


def format_ledger(ledger: Ledger, only: list[str] | None, write: bool) -> FormatResult:
    """Bring files to canonical form (``write``) or list those that are not.

    A file found canonical is remembered by its identity (``.anshang/fmt.bin``): until it
    changes it is not read again. Files anshang itself wrote take the fast writer
    (``canonical.fast_text``); the rest (comments, unusual text) the ruamel.yaml round trip."""
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
    memo = FormatMemo(ledger)
    # Read, decide and write under the lock, so that an edit acknowledged meanwhile is never
    # overwritten by a stale formatted copy; checking only reads.
    with (ledger.lock() if write else contextlib.nullcontext()):
        for rel in rels:
            try:
                path = ledger.listed_path(rel)  # a link out of the ledger is refused, not read
                st = os.stat(path)
                if memo.canonical(rel, st):
                    continue
                raw = read_bytes(path)
                text = decode(raw, rel)
                new = canonical.fast_text(loads(text, marks=True), kind_of(rel), text)
                if new is None:
                    new = keep_style(text, False, canonical.format_text(text, kind_of(rel)), endings=False)
            except YamlProblem as e:
                result.problems.append(Problem(rel, e.line, "yaml", "error", e.message))
                continue
            except AnshangError as e:
                result.problems.append(Problem(rel, 1, "layout", "error", e.message))
                continue
            if new != text or raw.startswith(b"\xef\xbb\xbf"):
                result.changed.append(rel)
                if write:
                    ledger.replace_file(rel, new)
            else:
                memo.remember(rel, st)
    memo.save()
    return result


class FormatMemo:
    """Which files were found canonical, by identity (path, mtime, size, inode), for this
    version of anshang and its formats. Safe to delete at any time."""

    def __init__(self, ledger: Ledger):
        from anshang.store.cache import read_blob
        from anshang.store.check_memo import code_stamp

        self.path = ledger.state_dir / "fmt.bin"
        self.tag = f"fmt|{code_stamp()}"
        found = read_blob(self.path, self.tag)
        self.known: dict = found if isinstance(found, dict) else {}
        self.dirty = False

    def canonical(self, rel: str, st) -> bool:
        return self.known.get(rel) == (st.st_mtime_ns, st.st_size, st.st_ino)

    def remember(self, rel: str, st) -> None:
        # a file changed within the last two seconds could change again unseen (coarse clocks)
        if time.time_ns() - st.st_mtime_ns > 2_000_000_000:
            self.known[rel] = (st.st_mtime_ns, st.st_size, st.st_ino)
            self.dirty = True

    def save(self) -> None:
        from anshang.store.cache import write_blob

        if self.dirty:
            write_blob(self.path, self.known, self.tag)
