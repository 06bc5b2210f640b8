"""The read cache: parsed files keyed on file identity, so unchanged files are not parsed again.

Binary (Python's ``marshal``, keyed on the Python version) in ``.anshang/cache/``, split by the
ledger's top folder (cases, enterprises, …) and, within it, into sixteen parts by file name, so
that a change to one file rewrites a sixteenth of its folder's cache, and a command that reads
only cases does not read the enterprises' cache at all (parts are read when first needed). Safe
to delete at any time: a missing, stale or damaged part is rebuilt from the YAML files, which
stay the only source of truth."""

from __future__ import annotations

import marshal
import os
import re
import sys
import zlib
from pathlib import Path

from anshang import __version__
from anshang.store.atomic import atomic_write

CACHE_VERSION = f"5/{__version__}"
PARTS = 16
# marshal's format may change between Python versions: a cache written by another one is not read
_MAGIC = f"anshang-cache|{CACHE_VERSION}|{sys.version_info[:3]}|{marshal.version}\n".encode("ascii")
_PART_NAME = re.compile(r"([a-z_]+)-(\d\d)\.bin")
_LEGACY = re.compile(r"\d\d\.bin")  # the parts of version 4 (one set for all folders)


def read_blob(path: Path, tag: str = ""):
    """What ``write_blob`` stored at ``path`` under the same ``tag`` by this Python and this anshang,
    or None (missing, another version, damaged: a cache is only ever rebuilt, never trusted)."""
    head = _MAGIC + tag.encode("utf-8") + b"\n"
    try:
        with open(path, "rb") as f:
            if f.read(len(head)) == head:
                return marshal.loads(f.read())
    except (OSError, ValueError, EOFError, TypeError):
        pass
    return None


def write_blob(path: Path, value, tag: str = "") -> None:
    """Store ``value`` (marshal) at ``path`` atomically; a read-only ledger is only slower next time."""
    try:
        atomic_write(path, _MAGIC + tag.encode("utf-8") + b"\n" + marshal.dumps(value), durable=False)
    except (OSError, ValueError):
        pass


class Memo:
    """A pure function's answers kept between runs in one file (``write_blob``), keyed on a digest of
    the text (``repr``) of its arguments: the answers used in a run are kept, the others dropped.
    ``tag`` must change whenever the function's code does (a file under another tag is not read);
    without a ``path`` nothing is kept. Safe to delete: a missing or damaged file is only slower."""

    def __init__(self, path: Path | None, tag: str, kind: type = object):
        self.path, self.tag, self.kind = path, tag, kind  # (an answer kept that is not a ``kind`` is worked out again)
        old = read_blob(path, tag) if path is not None else None
        self.old = old if isinstance(old, dict) else {}
        self.used: dict = {}
        self.missed = 0

    def __call__(self, fn, *args):
        import hashlib

        key = hashlib.blake2b(repr(args).encode("utf-8", "surrogatepass"), digest_size=16).digest()
        if key in self.old and isinstance(self.old[key], self.kind):
            value = self.used[key] = self.old[key]
            return value
        self.missed += 1
        value = self.used[key] = fn(*args)
        return value

    def save(self) -> None:
        if self.path is not None and (self.missed or len(self.used) != len(self.old)):
            write_blob(self.path, self.used, self.tag)


def part_of(rel: str) -> tuple[str, int]:
    """The part a file's entry is kept in: (its top folder, or ``_`` for a file at the root; n)."""
    top, sep, _ = rel.partition("/")
    group = top if sep and top.isascii() and top.isalpha() else "_"
    return group, zlib.crc32(rel.encode("utf-8", "surrogatepass")) % PARTS


def part_file(part: tuple[str, int]) -> str:
    return f"{part[0]}-{part[1]:02d}.bin"


class Cache:
    """Parsed files keyed on (path, mtime, size, inode)."""

    def __init__(self, folder: Path, keep_unseen: bool = False, forgettable=None, groups=(), tag: str = ""):
        self.folder = folder
        self.tag = tag  # what the entries also depend on: parts written under another tag are not read
        self.groups = set(groups)  # the top folders a partial read covers (their gone files are forgotten)
        self.keep_unseen = keep_unseen  # a partial load must not forget the other files…
        self.forgettable = forgettable  # …only those of the kinds it read (a file gone since): rel -> bool
        self.parts: dict[tuple[str, int], dict] = {}  # the parts read so far
        self.dirty: set = set()
        self.seen: set = set()

    def _part(self, part: tuple[str, int]) -> dict:
        entries = self.parts.get(part)
        if entries is None:
            entries = self.parts[part] = {}
            found = read_blob(self.folder / part_file(part), self.tag)
            if isinstance(found, dict):
                entries.update(found)
        return entries

    @property
    def entries(self) -> dict:
        """Every entry of every part on disk (for tests and diagnostics)."""
        out: dict = {}
        try:
            names = sorted(os.listdir(self.folder))
        except OSError:
            names = []
        for name in names:
            m = _PART_NAME.fullmatch(name)
            if m:
                out.update(self._part((m.group(1), int(m.group(2)))))
        return out

    def folder_entries(self, group: str) -> dict:
        """Every entry of the parts of one top folder, in one dict: for a caller that looks up every
        file of the folder (and then says which it looked at, ``seen``, before ``save``)."""
        out: dict = {}
        for n in range(PARTS):
            out.update(self._part((group, n)))
        return out

    def get(self, rel: str, stamp: tuple):
        self.seen.add(rel)
        e = self._part(part_of(rel)).get(rel)
        if e is not None and e[0] == stamp:
            return e[1]
        return None

    def put(self, rel: str, stamp: tuple, payload) -> None:
        self.seen.add(rel)
        n = part_of(rel)
        self._part(n)[rel] = (stamp, payload)
        self.dirty.add(n)

    def touch(self, rel: str) -> None:
        """An entry was completed in place (its schema findings added): write its part again."""
        self.dirty.add(part_of(rel))

    def save(self) -> None:
        """Write the parts that changed; files not seen in a full read (gone since) are forgotten,
        in a partial read only those the ``forgettable`` predicate names."""
        if not (self.keep_unseen and self.forgettable is None):
            # a file gone may sit in a part no file read needed: open every part of the folders read
            read = {group for group, _ in self.parts} | self.groups
            try:
                names = os.listdir(self.folder)
            except OSError:
                names = []
            for name in names:
                m = _PART_NAME.fullmatch(name)
                if m and m.group(1) in read:
                    self._part((m.group(1), int(m.group(2))))
        for n, part in sorted(self.parts.items()):
            if self.keep_unseen and self.forgettable is None:
                gone = []
            else:
                gone = [rel for rel in part if rel not in self.seen
                        and (self.forgettable is None or self.forgettable(rel))]
            for rel in gone:
                del part[rel]
            if not (n in self.dirty or gone):
                continue
            write_blob(self.folder / part_file(n), part, self.tag)
        if self.dirty:
            self._drop_unused()
        self.dirty = set()

    def _drop_unused(self) -> None:
        """The caches of earlier versions (JSON, then one set of sixteen parts), and after a full
        read the parts no file needs any more (a folder emptied)."""
        try:
            (self.folder.parent / "cache.json").unlink()
        except OSError:
            pass
        full = not self.keep_unseen
        try:
            for name in os.listdir(self.folder):
                m = _PART_NAME.fullmatch(name)
                if _LEGACY.fullmatch(name) or (full and m and (m.group(1), int(m.group(2))) not in self.parts):
                    os.unlink(self.folder / name)
        except OSError:
            pass
