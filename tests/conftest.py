"""Shared fixtures: the sample ledger copied to a temporary folder, small inline ledgers, and
an in-process CLI runner that goes through ``anshang.cli.main`` (exit codes included)."""

from __future__ import annotations

import contextlib
import io
import shutil
import sys
import textwrap
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SAMPLE = REPO / "data"


class Result:
    def __init__(self, code, out, err):
        self.code, self.out, self.err = code, out, err

    def __repr__(self):
        return f"Result(code={self.code}, out={self.out!r}, err={self.err!r})"


def run_cli(*args, env=None, monkeypatch=None) -> Result:
    """Run ``anshang ARGS`` in-process and return exit code, stdout and stderr."""
    from anshang import cli

    out, err = io.StringIO(), io.StringIO()
    argv = ["anshang", *[str(a) for a in args]]
    old = sys.argv
    sys.argv = argv
    code = 0
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                cli.main()
            except SystemExit as e:
                code = e.code if isinstance(e.code, int) else (0 if e.code is None else 2)
    finally:
        sys.argv = old
    return Result(code, out.getvalue(), err.getvalue())


@pytest.fixture
def cli(monkeypatch):
    monkeypatch.delenv("ANSHANG_DATA", raising=False)
    monkeypatch.delenv("ANSHANG_DEBUG", raising=False)
    return run_cli


@pytest.fixture
def sample(tmp_path) -> Path:
    """A private copy of the bundled sample ledger."""
    dst = tmp_path / "data"
    shutil.copytree(SAMPLE, dst, ignore=shutil.ignore_patterns(".anshang", "output"))
    return dst


SETTINGS = """\
version: 1
city: 测试市
office: 测试市营商办
districts:
  - 东区
fields:
  - 工业和信息化
  - 能源
routing:
  工业和信息化:
    - gxj
  能源:
    - gxj
policy:
  sessions_per_year: 4
  notice_workdays: 15
  session_capacity: 8
  progress_workdays: 7
  result_days: 30
  longterm_days: 10
  longterm_counting: calendar
  warning_workdays: 2
  supervise_after_workdays: 5
"""

LEADERS = """\
leaders:
  - id: mayor
    name: 甲市长
    role: mayor
    fields:
      - 工业和信息化
"""

UNITS = """\
units:
  - id: gxj
    name: 市工业和信息化局
    kind: department
    fields:
      - 工业和信息化
  - id: dq
    name: 东区人民政府
    kind: district
    district: 东区
    fields:
      - '*'
"""

ENTERPRISE = """\
uscc: 91350100M000100Y43
name: 测试新材料有限公司
district: 东区
categories:
  - above_scale
dispatch_years:
  - 2026
"""

SESSION = """\
id: '2026-03-19'
date: 2026-03-19
leader: mayor
notice_date: 2026-02-26
"""

CASE = """\
id: 260305-k7m2x
registered: 2026-03-05
channel: reception_day
enterprise: 91350100M000100Y43
fields:
  - 工业和信息化
title: 厂房用电增容
screening:
  decision: accepted
  date: 2026-03-06
  clauses:
    - §三(一)2
  type: 2
session: '2026-03-19'
"""


def aged(root: Path) -> int:
    """Every YAML file of ``root`` dated ten seconds back (old enough for the read caches and indexes,
    which leave out files changed in the last two seconds); returns that time (ns) for files written later."""
    import os

    old = os.stat(root / "anshang.yaml").st_mtime_ns - 10_000_000_000
    for path in root.rglob("*.yaml"):
        os.utime(path, ns=(old, old))
    return old


def same_stop(indexed, full) -> None:
    """``indexed()`` (a command's read from its index) stops as ``full()`` (the whole ledger read) does:
    the same message and every problem listed."""
    from anshang.core.problems import ProblemsFound

    with pytest.raises(ProblemsFound) as got:
        indexed()
    with pytest.raises(ProblemsFound) as want:
        full()
    assert (got.value.message, got.value.problems) == (want.value.message, want.value.problems)


def under_rule(settings, co_reports: str):
    """``settings`` with the given co-unit reporting rule (settings.policy.co_unit_reports)."""
    import dataclasses

    return dataclasses.replace(settings, policy=dataclasses.replace(settings.policy, co_unit_reports=co_reports))


def write_ledger(root: Path, files: dict[str, str]) -> Path:
    """Write {relative path: YAML text} into a ledger; base files missing so far get defaults
    (existing ones are left alone, so a test may change them between calls)."""
    base = {rel: text for rel, text in (("anshang.yaml", SETTINGS), ("leaders.yaml", LEADERS),
                                        ("units.yaml", UNITS)) if not (root / rel).exists()}
    base.update(files)
    for rel, text in base.items():
        if text is None:
            continue
        p = root / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(textwrap.dedent(text), encoding="utf-8")
    return root


@pytest.fixture
def mini(tmp_path) -> Path:
    """A tiny valid ledger: one enterprise, one session, one case."""
    return write_ledger(tmp_path / "mini", {
        "enterprises/91350100M000100Y43.yaml": ENTERPRISE,
        "sessions/2026/2026-03-19.yaml": SESSION,
        "cases/2026/260305-k7m2x.yaml": CASE,
    })


def docx_text(path: Path) -> str:
    """A Word document as text, opened with python-docx: paragraphs, then each table row as
    "| a | b |" (body order is kept for paragraphs; tables follow the paragraph before them)."""
    import docx

    doc = docx.Document(str(path))
    lines = []
    body = doc.element.body
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            lines.append("".join(t.text or "" for t in child.iter() if t.tag.endswith("}t")))
        elif tag == "tbl":
            table = next(t for t in doc.tables if t._tbl is child)
            for row in table.rows:
                lines.append("| " + " | ".join(c.text for c in row.cells) + " |")
    return "\n".join(lines)
