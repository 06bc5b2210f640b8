"""README stays true: key tables match the schema, every command and check code is listed."""

from __future__ import annotations

import re

from anshang import checks, schema
from anshang.cli import app
from conftest import REPO

README = (REPO / "README.md").read_text(encoding="utf-8")


def test_key_tables_match_schema():
    block = README.split("<!-- schema:start -->\n", 1)[1].split("<!-- schema:end -->", 1)[0]
    assert block == schema.markdown(), "README 文件格式一节已过时：用 schema.markdown() 重新生成"


def test_every_command_is_documented():
    import typer.main

    group = typer.main.get_command(app)
    for name in group.commands:
        assert re.search(rf"`anshang {name}\b", README), name


def test_every_check_code_is_documented():
    for code, _ in checks.VALIDATORS:
        assert f"`{code}`" in README, code


def test_setup_commands_are_the_ones_ci_runs():
    ci = (REPO / ".ci/run").read_text(encoding="utf-8")
    assert 'python -m pip install ".[test]" && anshang --data data check' in README
    assert "python -m pytest" in README and "python -m pytest" in ci
