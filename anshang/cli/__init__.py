"""Command line: each command parses its options, calls one library function and prints what it
returns. Commands are grouped by family in this package; heavy modules load lazily so
``anshang --version`` stays as quick as importing typer."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import typer

from anshang import __version__
from anshang.cli.context import CTX, err
from anshang.core.problems import EXIT_PROBLEMS, EXIT_USAGE, AnshangError

app = typer.Typer(
    name="anshang",
    help="安商：市长服务民营企业接待日 企业诉求台账。\n\n台账是一个目录（含 anshang.yaml），用 --data 或环境变量 ANSHANG_DATA 指定，否则从当前目录向上查找。",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
    options_metavar="[选项]",
    subcommand_metavar="命令 [参数]…",
)
GROUP = {"no_args_is_help": True, "options_metavar": "[选项]", "subcommand_metavar": "命令 [参数]…"}
roster_app = typer.Typer(help="企业名录：导入市政府调度企业名单、查询。", **GROUP)
session_app = typer.Typer(help="接待日场次：年度轮值计划、通告、场次一览与通知名单。", **GROUP)
app.add_typer(roster_app, name="roster")
app.add_typer(session_app, name="session")
template_app = typer.Typer(help="文书模板：列出、复制到台账中修改、检查占位符。", **GROUP)
app.add_typer(template_app, name="template")
LIMITS = "{期限}"  # in a help text: the time limits of the ledger's settings


def _version(value: bool):
    if value:
        typer.echo(f"anshang {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    data: str | None = typer.Option(None, "--data", "-d", metavar="目录",
                                       help="台账目录（默认：环境变量 ANSHANG_DATA，否则从当前目录向上查找 anshang.yaml）"),
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                 help="显示版本号并退出"),
):
    CTX.data = data


# the command families register themselves on ``app``, ``roster_app`` and ``session_app``
from anshang.cli import (  # noqa: F401
    calendar_cmds,
    campaign_cmds,
    intake_cmds,
    ledger_cmds,
    loop_cmds,
    project_cmds,
    report_cmds,
    session_cmds,
    task_cmds,
    visit_cmds,
)

HELP = ("-h", "--help")


def _limits_in_help(argv: list[str], infos) -> None:
    """Help texts state the time limits of the ledger's own settings (or say where they are
    set when no ledger is found); only the pages that may be shown are filled in."""
    import inspect

    infos = [i for i in infos if LIMITS in (getattr(i, "anshang_help", None) or i.help or inspect.getdoc(i.callback) or "")]
    if not infos:
        return
    from anshang.store.folder import Ledger, find_root

    try:
        root = find_root((_top(argv) or (None,))[0])
        from anshang.store import loader  # (only once there is a ledger to read)

        text = loader.settings(Ledger(root)).policy.limits.handover_sentence()
    except AnshangError:
        text = "期限按台账设置（anshang.yaml 的 policy）计算"
    for info in infos:
        if not hasattr(info, "anshang_help"):
            info.anshang_help = info.help or inspect.getdoc(info.callback) or ""
        info.help = info.anshang_help.replace(LIMITS, text)


def _top(argv: list[str]):
    """The top-level options and the command word, read as click reads them: (the ledger folder
    given with --data/-d, the last one as in ``--data X``, ``--data=X``, ``-d X``, ``-dX``; whether
    -h/--help came before the word; the word; what follows it). None when a token is not plainly
    understood (an unknown option, ``--``): typer then sees everything and says what is wrong."""
    data, helped, n = None, False, 0
    while n < len(argv):
        a = argv[n]
        if a in ("--data", "-d") and n + 1 < len(argv):
            data, n = argv[n + 1], n + 2
            continue
        if a.startswith("--data="):
            data = a.split("=", 1)[1]
        elif a.startswith("-d") and len(a) > 2 and not a.startswith("--"):
            data = a[2:]
        elif a in HELP:
            helped = True
        elif a.startswith("-") and a != "--version":
            return None
        elif not a.startswith("-"):
            return data, helped, a, argv[n + 1:]
        n += 1
    return data, helped, "", []


def _named(info) -> str:
    return info.name or typer.main.get_command_name(info.callback.__name__)


def _listing(infos) -> list:
    """Stand-ins for commands that are only listed (name and help, no options to build): a
    page of commands, or a mistyped command's suggestions, does not need more."""
    import copy
    import inspect

    def listed():
        """(only listed)"""

    stubs = []
    for info in infos:
        stub = copy.copy(info)
        stub.name, stub.callback = _named(info), listed
        stub.help = info.help if info.help is not None else inspect.getdoc(info.callback) or ""
        stubs.append(stub)
    return stubs


def _plan(argv: list[str]):
    """Which of ``app``'s commands this run needs built: {typer app: (commands, groups)}. typer
    builds every command's options on each run (about 0.08 s for seventy); a run needs only the
    command it calls, and a help page or a mistyped name only the names and help of the others.
    None (build everything) whenever the words are not plainly understood."""
    found = _top(argv)
    if found is None:
        return None
    _, helped, word, rest = found
    commands = {_named(i): i for i in app.registered_commands}
    groups = {g.name: g for g in app.registered_groups}
    if helped or word not in commands and word not in groups:
        return {app: (_listing(app.registered_commands), [_listing_group(g) for g in app.registered_groups])}
    if word in commands:
        return {app: ([commands[word]], [])}
    group = groups[word].typer_instance
    # a group takes no option but -h/--help: its command is the first other word
    n = next((i for i, a in enumerate(rest) if not a.startswith("-")), len(rest))
    if any(a not in HELP for a in rest[:n]):
        return {app: ([], [groups[word]])}
    sub = rest[n] if n < len(rest) else ""
    subs = {_named(i): i for i in group.registered_commands}
    keep = [subs[sub]] if sub in subs and n == 0 else _listing(group.registered_commands)
    return {app: ([], [groups[word]]), group: (keep, [])}


def _listing_group(info):
    """A group only listed on the top page: its name and help, none of its commands."""
    import copy

    stub = copy.copy(info)
    stub.typer_instance = copy.copy(info.typer_instance)
    stub.typer_instance.registered_commands, stub.typer_instance.registered_groups = [], []
    return stub


class _Pruned:
    """``app`` with only what this run needs (``_plan``), put back afterwards (tests run many
    commands in one process)."""

    def __init__(self, argv: list[str]):
        self.plan = _plan(argv) or {}
        self.saved: dict = {}

    def __enter__(self):
        for typer_app, (commands, groups) in self.plan.items():
            self.saved[typer_app] = (typer_app.registered_commands, typer_app.registered_groups)
            typer_app.registered_commands, typer_app.registered_groups = commands, groups
        return self

    def built(self) -> list:
        """The commands that will be built in full (their help pages may be shown)."""
        infos = []
        for typer_app, (commands, groups) in (self.plan or {app: (app.registered_commands, app.registered_groups)}).items():
            infos += commands
            for g in groups:
                if g.typer_instance not in self.plan:
                    infos += g.typer_instance.registered_commands
        return infos

    def __exit__(self, *exc):
        for typer_app, (commands, groups) in self.saved.items():
            typer_app.registered_commands, typer_app.registered_groups = commands, groups
        return False


def _chinese_help(argv: list[str], pruned: _Pruned) -> None:
    """Chinese help pages and usage errors; the settings are read only when a help page that
    states the time limits may be shown, so that quick commands do not pay for them."""
    from anshang.cli import chinese, help

    if any(a in HELP for a in argv):
        _limits_in_help(argv, pruned.built())
    chinese.install()
    help.install()


def _lean_coercion() -> None:
    """Newer typer versions check every parameter's value through pydantic, whose import alone
    takes about 0.17 s on each run; text and whole numbers (most of anshang's options) need none
    of it. Where typer's hooks are not there (another version), nothing changes."""
    try:
        from typer import _coercion, core
        from typer._click.exceptions import BadParameter
    except ImportError:
        return
    build, plain = getattr(core, "build_runtime_param", None), getattr(_coercion, "PassThroughRuntimeParam", None)
    if build is None or plain is None or getattr(build, "anshang_lean", False):
        return

    class Whole(plain):
        def _coerce_value(self, value, param, ctx):
            if isinstance(value, int) and not isinstance(value, bool):
                return value
            try:
                return int(str(value).strip())
            except ValueError:
                raise BadParameter(f"'{value}' is not a valid integer.", ctx=ctx, param=param) from None

    class AsPath(plain):
        def _coerce_value(self, value, param, ctx):
            return value if isinstance(value, Path) else Path(str(value))

    class Texts(plain):
        def _coerce_value(self, value, param, ctx):
            return [str(v) for v in value]

    def lean(descriptor):
        from pathlib import Path as _Path

        info, kind = descriptor.parameter_info, descriptor.annotation
        if descriptor.file_annotation is None and getattr(info, "min", None) is None and getattr(info, "max", None) is None:
            if kind in (str, bool):  # (flags give True or False themselves)
                return plain(annotation=kind, parameter_info=info)
            if kind is int:
                return Whole(annotation=int, parameter_info=info)
            if kind is _Path:
                return AsPath(annotation=kind, parameter_info=info)
            if kind == list[str]:
                return Texts(annotation=kind, parameter_info=info)
        return build(descriptor)

    lean.anshang_lean = True
    core.build_runtime_param = lean


def main() -> None:
    """Entry point: run the app, turning every anticipated failure into a message and exit code."""
    if sys.argv[1:] == ["--version"]:
        # answered before typer builds the whole command tree: scripts call this often
        sys.stdout.write(f"anshang {__version__}\n")
        return
    for stream in (sys.stdout, sys.stderr):
        if not stream.isatty() and hasattr(stream, "reconfigure"):
            try:
                stream.reconfigure(encoding="utf-8")
            except (ValueError, OSError):
                pass
    CTX.__init__()  # a fresh context for every run (tests run many in one process)
    _lean_coercion()
    try:
        with _Pruned(sys.argv[1:]) as pruned:
            _chinese_help(sys.argv[1:], pruned)
            code = app(prog_name="anshang", standalone_mode=False)
        sys.exit(code if isinstance(code, int) else 0)
    except AnshangError as e:
        err(f"错误：{e.message}")
        sys.exit(e.exit_code)
    except KeyboardInterrupt:
        err("已中断。")
        sys.exit(130)
    except SystemExit:
        raise
    except Exception as e:  # noqa: BLE001
        if hasattr(e, "exit_code") and hasattr(e, "format_message"):  # click's usage errors
            _usage_error(e)
        if type(e).__name__ == "Abort":
            err("已中止。")
            sys.exit(EXIT_PROBLEMS)
        _internal_error(e)


def _usage_error(e) -> None:
    from anshang.cli.chinese import translate
    from anshang.cli.help import usage

    if type(e).__name__ == "NoArgsIsHelpError":  # bare ``anshang`` or a group alone: its help page
        sys.stdout.write(e.format_message() + "\n")
        sys.exit(EXIT_USAGE)
    ctx = getattr(e, "ctx", None)
    if ctx is not None:
        err(usage(ctx))
        err(f"运行 '{ctx.command_path} -h' 查看帮助。")
    message = e.format_message()
    if message:
        err(f"错误：{translate(message)}")
    sys.exit(e.exit_code if isinstance(e.exit_code, int) else EXIT_USAGE)


def _internal_error(e: Exception) -> None:
    if os.environ.get("ANSHANG_DEBUG"):
        raise e
    err(f"anshang 内部错误：{type(e).__name__}: {e}\n"
        "这是程序缺陷，不是您的操作问题。请把这条信息发给维护人员；设置环境变量 ANSHANG_DEBUG=1 可看到详细信息。")
    sys.exit(EXIT_USAGE)
