"""README stays true: key tables match the schema, every command and check code is listed."""

from __future__ import annotations

import re

from conftest import REPO

from anshang.cli import app
from anshang.store import checks, schema

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
    for code, _ in [*checks.VALIDATORS, *(rule for rules in checks.FILE_RULES.values() for rule in rules)]:
        assert f"`{code}`" in README, code


def test_setup_commands_are_the_ones_ci_runs():
    ci = (REPO / ".ci/run").read_text(encoding="utf-8")
    assert 'python -m pip install ".[test]" && anshang --data data weekly' in README
    assert "anshang --data data weekly" in ci
    assert "python -m pytest" in README and "python -m pytest" in ci


def test_usage_errors_are_chinese(cli):
    r = cli("chek")
    assert r.code == 2
    assert r.err.splitlines() == [
        "用法：anshang [选项] 命令 [参数]…",
        "运行 'anshang -h' 查看帮助。",
        "错误：没有命令 'chek'；是否想输入 'check', 'chase'？",
    ]
    r = cli("note")
    assert r.code == 2 and r.err.splitlines()[-1] == "错误：缺少参数 '编号'。"


def test_help_is_chinese(cli):
    r = cli("check", "--help")
    assert r.code == 0
    assert "检查整个台账" in r.out and "显示本帮助并退出。" in r.out
    assert "Show this message" not in r.out
    for args in (["template"], ["session", "-h"], ["weekly", "-h"], ["-h"]):
        r = cli(*args)
        text = r.out + r.err
        assert "用法：anshang" in text and "[选项]" in text, args
        assert not re.search(r"Usage|OPTIONS|ARGS|Options|Commands|<bool>|<str>", text), (args, text)
    r = cli("weekly", "a", "b")
    assert r.code == 2 and r.err.splitlines()[-1] == "错误：多余的参数（a b）"
    r = cli("due", "--within", "abc")
    assert r.code == 2 and r.err.splitlines()[-1].startswith("错误：'--within' 的值无效：") and "整数" in r.err


def test_python_dash_m_works():
    import subprocess
    import sys

    out = subprocess.run([sys.executable, "-m", "anshang", "--version"], capture_output=True,
                         text=True, cwd=REPO, check=True).stdout
    assert out.strip().startswith("anshang ")


def test_code_map_lists_every_module():
    root = REPO / "anshang"
    section = README.split("## 开发", 1)[1]
    for path in sorted(root.rglob("*.py")):
        rel = path.relative_to(root).as_posix()
        if rel in ("__init__.py", "__main__.py"):
            assert "`__init__.py`、`__main__.py`" in section
            continue
        if rel.endswith("/__init__.py") and rel != "cli/__init__.py":  # a layer's rule, in its docstring
            continue
        assert f"`{rel}`" in section, rel


LAYERS = ["core", "store", "documents", "steps", "cli"]


def test_layers():
    """Each layer imports only itself and the layers before it; the CLI does no file I/O."""
    import ast

    for path in sorted((REPO / "anshang").rglob("*.py")):
        parts = path.relative_to(REPO / "anshang").parts
        if len(parts) < 2:
            continue
        mine = LAYERS.index(parts[0])
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("anshang."):
                layer = node.module.split(".")[1]
                assert LAYERS.index(layer) <= mine, f"{path.name} imports {node.module}"
        if parts[0] == "cli":
            text = path.read_text(encoding="utf-8")
            for word in ("open(", "read_text", "write_text", "read_bytes", "write_bytes", "atomic_write",
                         "load_workbook"):
                assert word not in text, f"{path.name}: {word}"


def _commands():
    from typer.main import get_command

    found = []

    def walk(c, path):
        if hasattr(c, "commands"):
            for name, sub in c.commands.items():
                walk(sub, [*path, name])
        else:
            found.append((path, c))

    walk(get_command(app), [])
    return found


def test_every_argument_and_option_is_described():
    bare = [(" ".join(path), p.name) for path, c in _commands() for p in c.params
            if p.name != "help" and not getattr(p, "help", None)]
    assert bare == []


def test_help_is_never_cut_short_in_an_80_column_terminal(cli, monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    for path, _ in _commands():
        r = cli(*path, "-h")
        assert r.code == 0 and "…" not in r.out.replace("命令 [参数]…", ""), (path, r.out)
        assert not re.search(r"Usage|\[OPTIONS\]|\[required\]|<bool>|<str>|<int>|<path>", r.out), path
