"""Errors and problem records shared by every layer.

A ``Problem`` is a finding about the ledger with its source; an ``AnshangError`` stops a
command with a message for the clerk and an exit code (see README: 退出码).
"""

from __future__ import annotations

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
    """One finding: where it is, what rule found it, how bad, and what to do."""

    path: str
    line: int
    code: str
    severity: str  # "error" | "warning"
    message: str

    def render(self) -> str:
        sev = "" if self.severity == "error" else "警告："
        return f"{self.path}:{self.line}: [{self.code}] {sev}{self.message}"

    def as_dict(self) -> dict:
        return {
            "path": self.path,
            "line": self.line,
            "code": self.code,
            "severity": self.severity,
            "message": self.message,
        }
