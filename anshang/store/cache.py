"""The read cache: parsed files keyed on file identity, so unchanged files are not parsed again.
Plain JSON under ``.anshang/``; safe to delete at any time."""

from __future__ import annotations

import json
from pathlib import Path

from anshang import __version__
from anshang.store.atomic import atomic_write

CACHE_VERSION = f"3/{__version__}"


class Cache:
    """Parsed files keyed on (path, mtime, size). Plain JSON; safe to delete at any time."""

    def __init__(self, path: Path, keep_unseen: bool = False):
        self.path = path
        self.keep_unseen = keep_unseen  # a partial load must not forget the other files
        self.entries: dict = {}
        self.dirty = False
        self.seen: set = set()
        try:
            blob = json.loads(path.read_bytes())
            if blob.get("v") == CACHE_VERSION:
                self.entries = blob["files"]
        except (OSError, ValueError, KeyError, AttributeError):
            self.entries = {}

    def get(self, rel: str, stamp: list):
        self.seen.add(rel)
        e = self.entries.get(rel)
        if e is not None and e[0] == stamp:
            return e[1]
        return None

    def put(self, rel: str, stamp: list, payload) -> None:
        self.seen.add(rel)
        self.entries[rel] = [stamp, payload]
        self.dirty = True

    def save(self) -> None:
        gone = set() if self.keep_unseen else set(self.entries) - self.seen
        for rel in gone:
            del self.entries[rel]
        if not (self.dirty or gone):
            return
        blob = {"v": CACHE_VERSION, "files": self.entries}
        try:
            # Chinese written as itself, not \\uXXXX escapes: about half the size, written and read faster
            data = json.dumps(blob, separators=(",", ":"), ensure_ascii=False).encode("utf-8")
        except UnicodeEncodeError:  # a lone surrogate someone wrote as an escape in a YAML file
            data = json.dumps(blob, separators=(",", ":")).encode("ascii")
        try:
            atomic_write(self.path, data, durable=False)
        except OSError:
            pass  # a read-only ledger still checks; it is only slower next time
