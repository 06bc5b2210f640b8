"""Work done in a second process alongside this one: a big document's independent parts are
worked out by a forked copy of the process while this one writes the rest (the weekly ledger's
other sheets while its biggest sheet is written). Only on Linux with two processors or more;
elsewhere, or when the copy fails in any way, the work is simply done here, so the result never
depends on whether it ran alongside (``answered`` tells which it was)."""

from __future__ import annotations

import os
import pickle
import sys

WORTH_IT = 2000  # items: below this a second process costs more than it saves
answers = 0  # how many children's answers were used in this process (tests check the speed-up is real)


def can_fork() -> bool:
    """Linux with a second processor to run on (fork without exec is unsafe on macOS, absent on
    Windows; on one processor the copy only costs)."""
    if not sys.platform.startswith("linux") or not hasattr(os, "fork"):
        return False
    try:
        return len(os.sched_getaffinity(0)) >= 2
    except (AttributeError, OSError):
        return (os.cpu_count() or 1) >= 2


def _die_with_parent(parent: int) -> None:
    """In the child: be stopped by the kernel when the parent dies (killed, out of memory), so that no
    copy keeps working, holding the ledger's write lock or the output's pipe, for nobody."""
    try:
        import ctypes
        import signal

        ctypes.CDLL(None, use_errno=True).prctl(1, int(signal.SIGKILL), 0, 0, 0)  # PR_SET_PDEATHSIG
    except Exception:  # noqa: BLE001 - no prctl: the check below still catches a parent already gone
        pass
    if os.getppid() != parent:
        os._exit(0)


class Alongside:
    """``work()`` started in a forked child when it is worth it (the system can fork, and
    ``items``, the size of what it works on, is at least ``WORTH_IT``; None: whatever the size);
    ``running`` says whether it was; ``result()`` waits for the child, or does the work here;
    leaving the ``with`` block (or ``cancel()``) stops a child whose result is not wanted. No
    ``work`` (None): nothing to do, ``result()`` is None. The work must only compute: it must not
    write files or print (its output would come twice)."""

    def __init__(self, work, items: int | None = None):
        self.work = work
        self.pid = None
        self.read_fd = None
        self.answered = False  # the child's answer was used (not the work done again here)
        if work is None or not can_fork() or (items is not None and items < WORTH_IT):
            return
        try:
            r, w = os.pipe()
        except OSError:
            return
        parent = os.getpid()
        try:
            pid = os.fork()
        except OSError:  # no processes or memory left: do it here
            os.close(r)
            os.close(w)
            return
        if pid == 0:  # the child: compute, send, and leave without running any exit handler
            try:
                _die_with_parent(parent)
                os.close(r)
                try:
                    payload = pickle.dumps(("ok", work()), protocol=pickle.HIGHEST_PROTOCOL)
                except BaseException:  # noqa: BLE001 - the parent does the work again and sees the error itself
                    payload = b""
                with os.fdopen(w, "wb") as out:
                    out.write(payload)
            finally:
                os._exit(0)
        os.close(w)
        self.pid, self.read_fd = pid, r

    @property
    def running(self) -> bool:
        return self.pid is not None

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> bool:
        self.cancel()
        return False

    def result(self):
        if self.pid is None:
            return self.work() if self.work is not None else None
        answer = None
        try:
            with os.fdopen(self.read_fd, "rb") as f:
                self.read_fd = None
                try:  # (read as it comes: the answer is never held twice, as bytes and as data)
                    answer = pickle.load(f)
                except (pickle.UnpicklingError, EOFError, ValueError, TypeError, AttributeError, ImportError,
                        IndexError, KeyError):  # nothing or a broken answer: the child failed (anything else stops)
                    answer = None
        except BaseException:  # interrupted while waiting: stop the child rather than wait for it
            self.cancel()
            raise
        self._reap()
        if isinstance(answer, tuple) and len(answer) == 2 and answer[0] == "ok":
            global answers
            self.answered = True
            answers += 1
            return answer[1]
        return self.work()

    def cancel(self) -> None:
        if self.pid is None:
            return
        import signal

        try:
            os.kill(self.pid, signal.SIGKILL)
        except OSError:
            pass
        if self.read_fd is not None:
            os.close(self.read_fd)
            self.read_fd = None
        self._reap()

    def _reap(self) -> None:
        try:
            os.waitpid(self.pid, 0)
        except OSError:
            pass
        self.pid = None
