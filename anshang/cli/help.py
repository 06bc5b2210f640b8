"""Help pages, drawn here rather than by rich: the same panels (参数, 选项, 命令), Chinese line
breaking (a closing mark never starts a line, an opening mark never ends one), and no start-up
cost (typer's rich renderer and the Markdown parser it imports took about 0.13 s on every help
page). Colours only on a POSIX terminal and never with ``NO_COLOR`` or ``TERM=dumb``; Windows
consoles get plain text."""

from __future__ import annotations

import os
import shutil
import sys
import unicodedata

# a closing mark stays with what it closes, an opening mark with what it opens
CLOSING = set("，。、；：？！）」』”’》〉】〕］｝%％…·,.;:?!)]}»")
OPENING = set("（「『“‘《〈【〔［｛([{«")
REQUIRED = "[必填]"


def width(text: str) -> int:
    """Columns a text takes in a terminal (wide and full-width characters take two)."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _wide(c: str) -> bool:
    return unicodedata.east_asian_width(c) in "WF"


def _atoms(text: str) -> list[tuple[str, bool]]:
    """(piece, space before) pieces a line may break between: a run of narrow characters (a word,
    an option name, a file name, a number) or one wide character, with closing marks held to the
    piece before and opening marks to the piece after."""
    atoms: list[list] = []
    space = False
    for c in text:
        if c.isspace():
            space = True
            continue
        last = atoms[-1][0][-1] if atoms else ""
        if last and not space and (c in CLOSING or last in OPENING or not (_wide(c) or _wide(last))):
            atoms[-1][0] += c
        else:
            atoms.append([c, space])
        space = False
    return [(a[0], a[1]) for a in atoms]


def wrap(text: str, columns: int) -> list[str]:
    """``text`` folded into lines of at most ``columns`` (a piece longer than a line is cut)."""
    columns = max(columns, 4)
    lines: list[str] = []
    line, used = "", 0
    for piece, space in _atoms(text):
        gap = 1 if space and line else 0
        w = width(piece)
        if used + gap + w <= columns:
            line, used = line + " " * gap + piece, used + gap + w
            continue
        if line:
            lines.append(line)
        line, used = "", 0
        for c in piece:  # longer than a whole line: cut it
            cw = width(c)
            if used + cw > columns:
                carried = ""
                if c in CLOSING and len(line) > 1:  # a closing mark takes the character before with it
                    line, carried = line[:-1], line[-1]
                lines.append(line)
                line, used = carried, width(carried)
            line, used = line + c, used + cw
    if line or not lines:
        lines.append(line)
    return lines


def paragraphs(text: str | None) -> list[str]:
    """A help text's paragraphs; a single line break inside one joins the lines (with a space
    only between two narrow characters, as in English)."""
    out = []
    for para in (text or "").replace("\r", "").split("\f")[0].split("\n\n"):
        lines = [line.strip() for line in para.strip("\b\n").split("\n") if line.strip()]
        joined = ""
        for line in lines:
            if joined and not _wide(joined[-1]) and not _wide(line[0]) \
                    and joined[-1] not in CLOSING | OPENING and line[0] not in CLOSING | OPENING:
                joined += " "
            joined += line
        if joined:
            out.append(joined)
    return out


class Style:
    """ANSI colours, or none."""

    def __init__(self, on: bool):
        self.on = on

    def __call__(self, text: str, code: str) -> str:
        return f"\x1b[{code}m{text}\x1b[0m" if self.on and text.strip() else text


def colours_wanted(stream=None) -> bool:
    stream = stream or sys.stdout
    if os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb" or os.name == "nt":
        return False
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def terminal_columns() -> int:
    return max(24, min(shutil.get_terminal_size((80, 24)).columns, 160))


def usage_lines(text: str, columns: int) -> list[str]:
    """The usage line folded between its words (a placeholder such as [年份|年-月|status] is never
    split), the lines after the first indented under the command."""
    indent = "      "  # under the command, after 用法：
    lines: list[str] = []
    line = ""
    for word in text.split(" "):
        if line and width(line) + 1 + width(word) > columns:
            lines.append(line)
            parts = wrap(word, columns - len(indent)) if width(word) > columns - len(indent) else [word]
            lines += [indent + part for part in parts[:-1]]  # (a placeholder wider than the terminal)
            line = indent + parts[-1]
        else:
            line = f"{line} {word}" if line else word
    lines.append(line)
    return lines


def usage(ctx) -> str:
    """用法：… with the arguments as the clerk types them (a required one bare, an optional one in
    brackets, a repeatable one followed by ...)."""
    command = ctx.command
    pieces = [command.options_metavar] if command.options_metavar else []
    for param in command.get_params(ctx):
        if param.param_type_name != "argument":
            continue
        name = _argument_name(param)
        if not param.required:
            name = f"[{name}]"
        if param.nargs != 1:
            name += "..."
        pieces.append(name)
    sub = getattr(command, "subcommand_metavar", None)
    if hasattr(command, "commands") and sub:
        pieces.append(sub)
    return f"用法：{ctx.command_path} " + " ".join(pieces)


def _argument_name(param) -> str:
    name = param.metavar or (param.name or "").upper()
    return name[1:-1] if name.startswith("[") and name.endswith("]") else name


def _default(param, ctx) -> str:
    if param.param_type_name != "option" or getattr(param, "is_flag", False) or param.show_default is False:
        return ""
    if isinstance(param.show_default, str):
        return param.show_default
    value = param.default
    if callable(value) or value in (None, "", (), []) or isinstance(value, bool):
        return ""
    value = getattr(value, "value", value)
    return ", ".join(map(str, value)) if isinstance(value, (list, tuple)) else str(value)


def _parameter_rows(command, ctx) -> tuple[list, list]:
    arguments, options = [], []
    for param in command.get_params(ctx):
        if getattr(param, "hidden", False):
            continue
        text = " ".join(paragraphs(getattr(param, "help", None)))
        default = _default(param, ctx)
        if default and "默认" not in text:
            text = f"{text} [默认：{default}]".strip()
        if param.required and "必填" not in text:
            text = f"{text} {REQUIRED}".strip()
        if param.param_type_name == "argument":
            arguments.append(("*" if param.required else "", _argument_name(param), "", "", text))
        else:
            long = [o for o in param.opts + param.secondary_opts if o.startswith("--")]
            short = [o for o in param.opts + param.secondary_opts if not o.startswith("--")]
            metavar = "" if getattr(param, "is_flag", False) or getattr(param, "count", False) \
                else (param.metavar or "")
            options.append(("*" if param.required else "", "/".join(long), "/".join(short), metavar, text))
    return arguments, options


def _command_rows(command, ctx) -> list:
    rows = []
    for name in command.list_commands(ctx):
        sub = command.get_command(ctx, name)
        if sub is None or sub.hidden:
            continue
        first = paragraphs(sub.short_help or sub.help)
        rows.append(("", name, "", "", first[0] if first else ""))
    return rows


def _panel(title: str, rows: list, columns: int, style: Style) -> list[str]:
    """A rounded box titled ``title``: the name columns as wide as their widest entry, the help
    column folded into what is left (under the names when the terminal is too narrow)."""
    inner = columns - 4  # "│ " … " │"
    keep = [i for i in range(4) if any(r[i] for r in rows)]
    widths = {i: max(width(r[i]) for r in rows) for i in keep}
    lead = sum(widths[i] + 2 for i in keep)
    below = inner - lead < 16
    colour = {0: "31", 1: "1;36", 2: "1;32", 3: "1;33"}
    bar = style("│", "2")

    def line(text: str, used: int) -> str:
        return f"{bar} {text}{' ' * max(inner - used, 0)} {bar}"

    out = [style(f"╭─ {title} " + "─" * max(inner - width(title) - 1, 0) + "╮", "2")]
    for row in rows:
        cells = [(style(row[i], colour[i]), widths[i] - width(row[i]) + 2) for i in keep]
        head = "".join(text + " " * pad for text, pad in cells)
        if below:  # names on their own lines (folded too when even they do not fit), the help under them
            plain = "  ".join(row[i] for i in keep if row[i])
            out += [line(style(text, "1;36"), width(text)) for text in wrap(plain, inner)]
            out += [line("    " + text, width(text) + 4) for text in wrap(row[4], inner - 4) if text]
            continue
        for n, text in enumerate(wrap(row[4], inner - lead)):
            out.append(line((head if n == 0 else " " * lead) + text, lead + width(text)))
    out.append(style("╰" + "─" * (columns - 2) + "╯", "2"))
    return out


def page(command, ctx, columns: int | None = None, colour: bool | None = None) -> str:
    """The whole help page of a command or group."""
    columns = columns or terminal_columns()
    style = Style(colours_wanted() if colour is None else colour)
    out = [""] + [" " + style(line, "1") for line in usage_lines(usage(ctx), columns - 2)] + [""]
    paras = paragraphs(command.help)
    for n, para in enumerate(paras):
        out += [" " + line for line in wrap(para, columns - 2)]
        out.append("")
    arguments, options = _parameter_rows(command, ctx)
    if arguments:
        out += _panel("参数", arguments, columns, style)
    if options:
        out += _panel("选项", options, columns, style)
    if hasattr(command, "commands"):
        rows = _command_rows(command, ctx)
        if rows:
            out += _panel("命令", rows, columns, style)
    return "\n".join(out) + "\n"


def install() -> None:
    """typer's commands and groups draw their help pages here."""
    from typer.core import TyperCommand, TyperGroup

    def format_help(self, ctx, formatter):
        formatter.write(page(self, ctx))

    for cls in (TyperCommand, TyperGroup):
        cls.format_help = format_help
