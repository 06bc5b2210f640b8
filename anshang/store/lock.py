"""The ledger's write lock: an OS file lock, released by the kernel when the process dies."""

from __future__ import annotations

import contextlib
import os
import time
from pathlib import Path

from anshang.core.problems import LockBusy


class WriteLock:
    """Exclusive lock on the ledger for one writing command.

    Uses an OS file lock (released by the kernel if the process dies, so no stale locks).
    A second writer waits up to ``timeout`` seconds, then stops with a clear message.
    """

    def __init__(self, lock_path: Path, timeout: float = 5.0):
        self.lock_path = lock_path
        self.timeout = timeout
        self._fh = None

    def __enter__(self):
        self.lock_path.parent.mkdir(parents=True, exist_ok=True)
        fh = open(self.lock_path, "a+b")  # noqa: SIM115 - held for the lock's lifetime
        deadline = time.monotonic() + self.timeout
        while True:
            if _try_lock(fh):
                break
            if time.monotonic() >= deadline:
                fh.close()
                raise LockBusy(
                    f"另一个 anshang 进程正在写入本台账（锁文件 {self.lock_path}），"
                    f"已等待 {self.timeout:g} 秒。请等它结束后重试。"
                )
            time.sleep(0.05)
        fh.seek(0)
        fh.truncate()
        fh.write(f"{os.getpid()}\n".encode("ascii"))
        fh.flush()
        self._fh = fh
        return self

    def __exit__(self, *exc):
        if self._fh is not None:
            _unlock(self._fh)
            self._fh.close()
            self._fh = None


def _try_lock(fh) -> bool:
    if os.name == "nt":  # pragma: no cover - Windows offices
        import msvcrt

        try:
            fh.seek(0)
            msvcrt.locking(fh.fileno(), msvcrt.LK_NBLCK, 1)
            return True
        except OSError:
            return False
    import fcntl

    try:
        fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        return True
    except OSError:
        return False


def _unlock(fh) -> None:
    if os.name == "nt":  # pragma: no cover
        import msvcrt

        with contextlib.suppress(OSError):
            fh.seek(0)
            msvcrt.locking(fh.fileno(), msvcrt.LK_UNLCK, 1)
        return
    import fcntl

    fcntl.flock(fh.fileno(), fcntl.LOCK_UN)

