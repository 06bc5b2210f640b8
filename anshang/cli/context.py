"""The one context every command works in: which ledger, its settings and calendar, today and
the clerk — each looked up once, when first needed — and the little helpers for printing."""

from __future__ import annotations

import datetime as dt
import os
import sys
from typing import Optional

from anshang.core.problems import AnshangError

PROVISIONAL_HELP = "节假日安排未公布的年份按仅周末休息计算，结果标注“暂定”"


class Context:
    """Ledger, settings, calendar, today and clerk for one run of a command."""

    data: Optional[str] = None  # the global --data option

    def __init__(self):
        self._ledger = None
        self._settings = None

    # -- the ledger ------------------------------------------------------------------------
    @property
    def ledger(self):
        """The selected ledger (``--data``, then ``ANSHANG_DATA``, then upwards from here)."""
        if self._ledger is None:
            from anshang.store.folder import Ledger, find_root

            self._ledger = Ledger(find_root(self.data))
        return self._ledger

    def maybe_ledger(self):
        """The selected ledger, or None when none was named and none is found from here."""
        if self.data or os.environ.get("ANSHANG_DATA"):
            return self.ledger
        try:
            return self.ledger
        except AnshangError:
            return None

    @property
    def settings(self):
        """The ledger's settings, validated (a command stops on invalid settings)."""
        if self._settings is None:
            from anshang.store import loader

            self._settings = loader.settings(self.ledger)
        return self._settings

    def calendar(self, provisional: bool = False):
        """The calendar for computing deadlines: the ledger's supplements (when there is a
        ledger), and provisional results only when asked for (option or setting)."""
        from anshang.store import loader

        ledger = self.maybe_ledger()
        allow = provisional or (ledger is not None and bool(self.settings.policy.provisional_calendar))
        return loader.calendar(ledger, provisional=allow)


CTX = Context()


def today(value: Optional[str], what: str = "--date") -> dt.date:
    """``--date`` as a date (today when not given)."""
    if value is None:
        return dt.date.today()
    return date_arg(value, what)


def date_arg(value: str, what: str) -> dt.date:
    from anshang.core.dates import parse_date

    try:
        return parse_date(value)
    except ValueError as e:
        raise AnshangError(f"{what}：{e}") from None


def clerk(given: Optional[str] = None) -> str:
    from anshang.steps.cases import clerk_name

    return clerk_name(given)


def case_id(prefix: str) -> str:
    """A demand's, task's or topic's id (commands that work on any tracked item)."""
    from anshang.steps.cases import find_case

    return find_case(CTX.ledger, prefix)


def demand_id(prefix: str) -> str:
    """A demand's id (commands for demands only: screening, reception, letters, replies …)."""
    from anshang.steps.cases import find_case

    return find_case(CTX.ledger, prefix, only_cases=True)


def out(text: str) -> None:
    sys.stdout.write(text)
    sys.stdout.flush()


def err(text: str) -> None:
    sys.stderr.write(text if text.endswith("\n") else text + "\n")
    sys.stderr.flush()


def progress(items, description: str, minimum: int = 0):
    """A progress bar on a terminal; plain iteration otherwise (or for a few items)."""
    if len(items) <= minimum or not sys.stderr.isatty():
        return items
    from rich.console import Console
    from rich.progress import track

    return track(items, description=description, console=Console(stderr=True), transient=True)


class Bar:
    """A progress bar that can stand aside while a question is asked (``paused``)."""

    def __init__(self, description: str, minimum: int = 0):
        self.description, self.minimum = description, minimum
        self._live = None

    def __call__(self, items):
        if len(items) <= self.minimum or not sys.stderr.isatty():
            yield from items
            return
        from rich.console import Console
        from rich.progress import Progress

        with Progress(console=Console(stderr=True), transient=True) as bar:
            self._live = bar
            try:
                yield from bar.track(items, description=self.description)
            finally:
                self._live = None

    def paused(self):
        import contextlib

        @contextlib.contextmanager
        def pause():
            live = self._live
            if live is not None:
                live.stop()
            try:
                yield
            finally:
                if live is not None:
                    live.start()

        return pause()
