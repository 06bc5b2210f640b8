"""Simplified-Chinese messages for the parts of click/typer a clerk sees (usage errors; the help
pages themselves are drawn by ``help``).

click looks its messages up through ``gettext``; each of its modules binds ``_`` at import,
so we rebind those names to a lookup in this table. Untranslated messages pass through.
"""

from __future__ import annotations

import sys

MESSAGES = {
    "Usage:": "用法：",
    "Usage: ": "用法：",
    "Try '{command} {option}' for help.": "运行 '{command} {option}' 查看帮助。",
    "No such option: {name}": "没有这个选项：{name}",
    "Missing parameter: {param_name}": "缺少参数：{param_name}",
    "No such option {name!r}.": "没有选项 {name!r}。",
    "No such command {name!r}.": "没有命令 {name!r}。",
    "Did you mean {possibility}?": "是否想输入 {possibility}？",
    "(Did you mean one of: {possibilities}?)": "（是否想输入其中之一：{possibilities}？）",
    "(Possible options: {possibilities})": "（可用选项：{possibilities}）",
    "Missing argument": "缺少参数",
    "Missing option": "缺少选项",
    "Missing parameter": "缺少参数",
    "Missing {param_type}": "缺少{param_type}",
    "Missing {param_type} '{param_hint}'.": "缺少{param_type} '{param_hint}'。",
    "Invalid value for {param_hint}: {message}": "{param_hint} 的值无效：{message}",
    "Invalid value: {message}": "值无效：{message}",
    "Option {name!r} requires an argument.": "选项 {name!r} 需要一个值。",
    "Got unexpected extra argument ({args})": "多余的参数（{args}）",
    "Got unexpected extra arguments ({args})": "多余的参数（{args}）",
    "Show this message and exit.": "显示本帮助并退出。",
    "{value!r} is not a valid {number_type}.": "{value!r} 不是有效的{number_type}。",
    "integer": "整数",
    "Error": "错误",
    "Aborted!": "已中止。",
    "Options": "选项",
    "Arguments": "参数",
    "Commands": "命令",
}


# typer's vendored click writes some messages without gettext: translate them afterwards
PATTERNS = [
    (r"No such option: (\S+)", r"没有选项 \1"),
    (r"No such option '(.+?)'\.?", r"没有选项 '\1'"),
    (r"\(Possible options: (.*)\)", r"（可用选项：\1）"),
    (r"Missing argument '(.+?)'\.", r"缺少参数 '\1'。"),
    (r"Missing option '(.+?)'\.", r"缺少选项 '\1'。"),
    (r"No such command '(.+?)'\.", r"没有命令 '\1'。"),
    (r"。?\.? ?Did you mean (.+?)\?", r"；是否想输入 \1？"),
    (r"Invalid value for (.+?): (.*)", r"\1 的值无效：\2"),
    (r"Option '(.+?)' requires an argument\.", r"选项 '\1' 需要一个值。"),
    (r"Option '(.+?)' does not take a value\.?", r"选项 '\1' 不带值（是开关，直接写 \1 即可）。"),
    (r"Got unexpected extra arguments? \((.*)\)", r"多余的参数（\1）"),
    (r"Got unexpected extra argument\(s\) \((.*)\)", r"多余的参数（\1）"),
    (r"Input should be a valid integer, unable to parse string as an integer", "应为整数"),
    (r"Input should be a valid number, unable to parse string as a number", "应为数字"),
    (r"'(.+?)' is not a valid integer( range)?\.?", r"'\1' 不是有效的整数。"),
    (r"'(.+?)' is not one of (.*)\.", r"'\1' 不在可选值 \2 之中。"),
]


def translate(message: str) -> str:
    """A click usage message in Chinese (unknown wording passes through unchanged)."""
    import re

    for pattern, repl in PATTERNS:
        message = re.sub(pattern, repl, message)
    return message


def _(message: str) -> str:
    return MESSAGES.get(message, message)


def _n(singular: str, plural: str, n: int) -> str:
    return _(singular if n == 1 else plural)


def install() -> None:
    """Rebind click's and typer's message lookups (cheap: they are already imported)."""
    import gettext

    # typer vendors its own copy of click (typer._click); patch whichever is loaded
    for name, mod in list(sys.modules.items()):
        if mod is None or not name.startswith(("click", "typer")):
            continue
        if getattr(mod, "_", None) is gettext.gettext:
            mod._ = _
        if getattr(mod, "ngettext", None) is gettext.ngettext:
            mod.ngettext = _n
    _chinese_help_option()


def _chinese_help_option() -> None:
    """The -h/--help option's own line in every help page."""
    import importlib

    try:
        mod = importlib.import_module("typer._click.decorators")
    except ImportError:
        return
    original = mod.help_option
    if getattr(original, "_anshang", False):
        return

    def help_option(param_decls):
        decorate = original(param_decls)

        def apply(command):
            command = decorate(command)
            command.params[-1].help = "显示本帮助并退出。"
            return command

        return apply

    help_option._anshang = True
    mod.help_option = help_option
