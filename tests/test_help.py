"""Help pages: drawn by ``anshang.cli.help`` (Chinese line breaking, boxes that fit the terminal),
and each run builds only the command it needs (``cli._plan``) without changing any page."""

from __future__ import annotations

import pytest

from anshang.cli import help as helppage
from anshang.cli.help import CLOSING, OPENING, paragraphs, width, wrap


def test_width_counts_wide_characters_twice():
    assert width("abc") == 3 and width("台账") == 4 and width("（a）") == 5


@pytest.mark.parametrize("columns", [6, 10, 17, 23, 30, 41])
def test_wrap_keeps_chinese_line_breaking_rules(columns):
    text = ("节假日日历：月历（休=放假，班=调休上班）、覆盖情况（status）、新建年度补充文件（add），"
            "“通知情况”一栏写明；见 anshang.yaml 的 policy.revisit 设置。")
    lines = wrap(text, columns)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")  # nothing lost, nothing added
    for n, line in enumerate(lines):
        assert width(line) <= columns, line
        if columns < 17:  # the longest piece (a word with its marks) is cut: only the width holds
            continue
        if n:
            assert line[0] not in CLOSING, lines  # a closing mark never starts a line
        assert line[-1] not in OPENING or n == len(lines) - 1, lines  # an opening mark never ends one
    if columns >= 17:  # words that fit are never cut
        for word in ("status", "anshang.yaml", "policy.revisit"):
            assert any(word in line for line in lines), (word, lines)


def test_wrap_cuts_a_word_longer_than_the_line():
    assert wrap("abcdefghij", 4) == ["abcd", "efgh", "ij"]
    assert wrap("a" * 10 + "。", 5) == ["aaaaa", "aaaa", "a。"]  # a closing mark takes a character along
    assert wrap("台账中有 templates/handover.xlsx）时优先", 12)[-1].startswith("x）")
    assert wrap("", 10) == [""]


def test_paragraphs_join_lines_without_a_space_between_chinese():
    assert paragraphs("第一段\n接着写。\n\n第二段 with\nwords") == ["第一段接着写。", "第二段 with words"]
    assert paragraphs(None) == []


def test_an_exact_page(cli, monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    r = cli("session", "cancel", "-h")
    assert r.code == 0 and r.err == ""
    assert r.out == """
 用法：anshang session cancel [选项] 场次

 取消计划中的场次：状态改为“已取消”，已安排在该场次的诉求移出，下次 match 时重
 新安排。

╭─ 参数 ───────────────────────────────────────────────────────────────────────╮
│ *  场次  场次编号或日期 [必填]                                               │
╰──────────────────────────────────────────────────────────────────────────────╯
╭─ 选项 ───────────────────────────────────────────────────────────────────────╮
│ *  --reason      原因  取消的原因（必填，记入场次文件的备注）                │
│    --date        日期  取消日期，默认今天                                    │
│    --help    -h        显示本帮助并退出。                                    │
╰──────────────────────────────────────────────────────────────────────────────╯
"""


def _full_tree():
    """Every command's click object and context as a full build (no pruning) makes them."""
    import typer.main

    from anshang.cli import app

    top = typer.main.get_command(app)
    ctx = top.make_context("anshang", [], resilient_parsing=True)
    found = [([], top, ctx)]

    def walk(group, parent, path):
        for name, sub in group.commands.items():
            child = sub.make_context(name, [], parent=parent, resilient_parsing=True)
            found.append(([*path, name], sub, child))
            if hasattr(sub, "commands"):
                walk(sub, child, [*path, name])

    walk(top, ctx, [])
    return found


@pytest.mark.parametrize("columns", [24, 40, 80, 123])
def test_every_page_fits_and_is_what_a_full_build_draws(cli, monkeypatch, tmp_path, columns):
    monkeypatch.setenv("COLUMNS", str(columns))
    monkeypatch.chdir(tmp_path)  # no ledger: the time limits are described, not stated
    pages = {}
    for path, _, _ in _full_tree():
        r = cli(*path, "-h")
        assert r.code == 0 and r.err == "", path
        pages[tuple(path)] = r.out
        for line in r.out.splitlines():
            assert width(line) <= columns, (path, line)
            body = line.strip("│ ")  # (an ASCII mark may start a word: " .xlsx")
            assert not body or body[0] not in CLOSING or body[0].isascii(), (path, line)
        assert "{期限}" not in r.out and "\x1b[" not in r.out, path
    for path, command, ctx in _full_tree():  # the same pages from every command built in full
        assert helppage.page(command, ctx, columns=columns, colour=False) == pages[tuple(path)], path


def test_a_run_leaves_the_command_tree_as_it_was(cli):
    from anshang.cli import app, session_app

    before = (list(app.registered_commands), list(app.registered_groups), list(session_app.registered_commands))
    for args in (["due", "-h"], ["session", "plan", "-h"], ["session"], ["-h"], ["chek"], ["--bogus"], []):
        cli(*args)
        assert (app.registered_commands, app.registered_groups, session_app.registered_commands) == before, args


@pytest.mark.parametrize("argv, expected", [
    (["due", "--unit", "工信局"], "due"),
    (["--data", "x", "due"], "due"),
    (["-d", "x", "stats"], "stats"),
    (["--data=x", "show", "a"], "show"),
    (["session", "plan", "2027"], "session plan"),
    (["-h", "due"], "listing"),
    (["session", "-h", "plan"], "session listing"),
    (["chek"], "listing"),
    ([], "listing"),
    (["--bogus", "due"], None),
    (["--", "due"], None),
    (["session", "--bogus", "plan"], "session whole"),
    (["--data", "-h", "due"], "due"),  # -h is the folder here, as click reads it
])
def test_plan_builds_only_what_the_run_needs(argv, expected):
    from anshang.cli import _plan, app, session_app

    plan = _plan(argv)
    if expected is None:
        assert plan is None
        return
    commands, groups = plan[app]
    if expected == "listing":
        assert len(commands) == len(app.registered_commands) and all(c.callback.__doc__ == "(only listed)" for c in commands)
        assert all(g.typer_instance.registered_commands == [] for g in groups)
    elif expected == "session whole":
        assert commands == [] and [g.name for g in groups] == ["session"] and session_app not in plan
    elif expected.startswith("session"):
        assert commands == [] and [g.name for g in groups] == ["session"]
        subs, _ = plan[session_app]
        if expected == "session listing":
            assert len(subs) == len(session_app.registered_commands)
            assert all(c.callback.__doc__ == "(only listed)" for c in subs)
        else:
            assert [c.name for c in subs] == ["plan"] and subs[0].callback.__doc__ != "(only listed)"
    else:
        assert [c.callback.__name__ for c in commands] == [expected] and groups == []


def test_bare_group_shows_its_page_and_exits_2(cli):
    r = cli("session")
    assert r.code == 2 and r.err == "" and "用法：anshang session [选项] 命令 [参数]…" in r.out and "╭─ 命令" in r.out


def test_colours_only_on_a_terminal(monkeypatch):
    class Tty:
        def isatty(self):
            return True

    monkeypatch.delenv("NO_COLOR", raising=False)
    assert helppage.colours_wanted(Tty()) is (helppage.os.name != "nt")
    monkeypatch.setenv("NO_COLOR", "1")
    assert helppage.colours_wanted(Tty()) is False


def test_usage_is_folded_between_its_words():
    from anshang.cli.help import usage_lines

    assert usage_lines("用法：anshang calendar [选项] [年份|年-月|status|add|recalc] [年份]", 38) == [
        "用法：anshang calendar [选项]", "      [年份|年-月|status|add|recalc]", "      [年份]"]


@pytest.mark.parametrize("argv, expected", [
    (["-d", "a", "-d", "b", "receive", "-h"], "b"), (["--data=a", "--data", "b"], "b"), (["--data", "a", "--data=b"], "b"),
    (["-dx", "receive"], "x"), (["receive", "-h"], None), (["--", "-d", "x"], None)])
def test_the_ledger_whose_limits_help_states_is_the_one_the_command_uses(argv, expected):
    from anshang.cli import _top

    assert (_top(argv) or (None,))[0] == expected
