"""The read cache: parsed files keyed on file identity, so unchanged files are not parsed again.

Binary (Python's ``marshal``, keyed on the Python version) in ``.anshang/cache/``, split into
sixteen parts by file name so that a change to one file rewrites a sixteenth of it. Safe to
delete at any time: a missing, stale or damaged part is rebuilt from the YAML files, which stay
the only source of truth."""

from __future__ import annotations

import marshal
import sys
import zlib
from pathlib import Path

from anshang import __version__
from anshang.store.atomic import atomic_write

CACHE_VERSION = f"4/{__version__}"
PARTS = 16
# marshal's format may change between Python versions: a cache written by another one is not read
_MAGIC = f"anshang-cache|{CACHE_VERSION}|{sys.version_info[:3]}|{marshal.version}\n".encode("ascii")


def part_of(rel: str) -> int:
    return zlib.crc32(rel.encode("utf-8", "surrogatepass")) % PARTS


class Cache:
    """Parsed files keyed on (path, mtime, size, inode)."""

    def __init__(self, folder: Path, keep_unseen: bool = False, forgettable=None):
        self.folder = folder
        self.keep_unseen = keep_unseen  # a partial load must not forget the other files…
        self.forgettable = forgettable  # …only those of the kinds it read (a file gone since): rel -> bool
        self.parts: list[dict] = [{} for _ in range(PARTS)]
        self.dirty: set = set()
        self.seen: set = set()
        for n in range(PARTS):
            try:
                with open(folder / f"{n:02d}.bin", "rb") as f:
                    if f.read(len(_MAGIC)) == _MAGIC:
                        entries = marshal.loads(f.read())
                        if isinstance(entries, dict):
                            self.parts[n] = entries
            except (OSError, ValueError, EOFError, TypeError):
                pass

    @property
    def entries(self) -> dict:
        """Every entry (for tests and diagnostics)."""
        out: dict = {}
        for part in self.parts:
            out.update(part)
        return out

    def get(self, rel: str, stamp: tuple):
        self.seen.add(rel)
        e = self.parts[part_of(rel)].get(rel)
        if e is not None and e[0] == stamp:
            return e[1]
        return None

    def put(self, rel: str, stamp: tuple, payload) -> None:
        self.seen.add(rel)
        n = part_of(rel)
        self.parts[n][rel] = (stamp, payload)
        self.dirty.add(n)

    def touch(self, rel: str) -> None:
        """An entry was completed in place (its schema findings added): write its part again."""
        self.dirty.add(part_of(rel))

    def save(self) -> None:
        for n, part in enumerate(self.parts):
            if self.keep_unseen and self.forgettable is None:
                gone = []
            else:
                gone = [rel for rel in part if rel not in self.seen
                        and (self.forgettable is None or self.forgettable(rel))]
            for rel in gone:
                del part[rel]
            if not (n in self.dirty or gone):
                continue
            try:
                atomic_write(self.folder / f"{n:02d}.bin", _MAGIC + marshal.dumps(part), durable=False)
            except (OSError, ValueError):
                pass  # a read-only ledger still checks; it is only slower next time
        self.dirty = set()
        try:
            (self.folder.parent / "cache.json").unlink()  # the cache of earlier versions (JSON), if still there
        except OSError:
            pass
