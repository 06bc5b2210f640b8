"""The one error type that stops a command, and the one problem record with its printer.

``AnshangError`` stops a command with a message for the clerk and an exit code (README: 退出码);
it is handled once, in ``cli.main``. A ``Problem`` is a finding with its source: a ledger file
and line, or a workbook and its ``Sheet!B3`` cell. ``check``, registration forms, roster sheets,
settings, calendar supplements and ``calendar status`` all report through ``render_text`` and
``render_json`` below.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

EXIT_OK = 0
EXIT_PROBLEMS = 1
EXIT_USAGE = 2


class AnshangError(Exception):
    """A condition the clerk must fix; never shown as a traceback."""

    def __init__(self, message: str, exit_code: int = EXIT_USAGE):
        super().__init__(message)
        self.message = message
        self.exit_code = exit_code


class LockBusy(AnshangError):
    """Another process holds the ledger's write lock."""


@dataclass(frozen=True, order=True)
class Problem:
    """One finding: where it is (file and line, or workbook and cell), which rule found it,
    how bad, and what to do."""

    path: str
    line: int
    code: str
    severity: str  # "error" | "warning"
    message: str
    cell: str = ""  # "Sheet!B3" for a workbook; then ``line`` is 0

    @property
    def where(self) -> str:
        if self.cell:
            return f"{self.path}:{self.cell}"
        return f"{self.path}:{self.line}" if self.line else self.path

    def render(self) -> str:
        sev = "" if self.severity == "error" else "警告："
        return f"{self.where}: [{self.code}] {sev}{self.message}"

    def as_dict(self) -> dict:
        d = {"path": self.path, "line": self.line, "code": self.code, "severity": self.severity,
             "message": self.message}
        if self.cell:
            d["cell"] = self.cell
        return d


def render_text(problems) -> str:
    return "".join(p.render() + "\n" for p in problems)


def render_json(problems) -> str:
    return json.dumps([p.as_dict() for p in problems], ensure_ascii=False, indent=2) + "\n"


def summary(problems) -> str:
    errors = sum(1 for p in problems if p.severity == "error")
    warnings = len(problems) - errors
    if not problems:
        return "检查通过，没有发现问题。"
    return f"发现 {errors} 个错误、{warnings} 个警告。"


def has_errors(problems) -> bool:
    return any(p.severity == "error" for p in problems)


class ProblemsFound(AnshangError):
    """A command stopped by problems in files it needs; the message lists each one."""

    def __init__(self, head: str, problems, tail: str = "", exit_code: int = EXIT_USAGE, limit: int = 10):
        self.problems = list(problems)
        shown = render_text(self.problems[:limit]).rstrip("\n")
        more = f"\n……另有 {len(self.problems) - limit} 个问题" if len(self.problems) > limit else ""
        super().__init__(f"{head}\n{shown}{more}" + (f"\n{tail}" if tail else ""), exit_code)
