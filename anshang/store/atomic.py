"""Atomic replacement of files: readers see the old file or the new one, never half of it."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from anshang.store.yamlfile import decode, read_bytes


def atomic_write(path: str | os.PathLike, data: str | bytes, durable: bool = True) -> None:
    """Replace ``path`` with ``data`` so that readers see the old or the new file, never half.

    The temporary file lives in the same folder (same file system), is flushed to disk, then
    renamed over the target. ``durable=False`` skips the flush to disk: for caches, which are
    checked on reading and may be lost.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    raw = data.encode("utf-8") if isinstance(data, str) else data
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        # mkstemp makes the file private (0600); keep the target's mode, or the usual one
        try:
            mode = path.stat().st_mode & 0o777
        except FileNotFoundError:
            mode = 0o666 & ~_umask()
        os.chmod(tmp, mode)
        with os.fdopen(fd, "wb") as f:
            f.write(raw)
            f.flush()
            if durable:
                os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def read_utf8(path: str | os.PathLike) -> str:
    """A ledger text file as UTF-8 (BOM accepted); YamlProblem if it is not UTF-8."""
    return decode(read_bytes(path), path)


