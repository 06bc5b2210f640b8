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


def _limits_in_help(argv: list[str]) -> None:
    """Help texts state the time limits of the ledger's own settings (or say where they are
    set when no ledger is found)."""
    import inspect

    from anshang.store import loader
    from anshang.store.folder import Ledger, find_root

    try:
        data = next((argv[i + 1] for i, a in enumerate(argv[:-1]) if a in ("--data", "-d")), None) \
            or next((a.split("=", 1)[1] for a in argv if a.startswith("--data=")), None)
        text = loader.settings(Ledger(find_root(data))).policy.limits.handover_sentence()
    except AnshangError:
        text = "期限按台账设置（anshang.yaml 的 policy）计算"
    for group in (app, roster_app, session_app, template_app):
        for info in group.registered_commands:
            if not hasattr(info, "anshang_help"):
                info.anshang_help = info.help or inspect.getdoc(info.callback) or ""
            if LIMITS in info.anshang_help:
                info.help = info.anshang_help.replace(LIMITS, text)


def _chinese_help() -> None:
    """Chinese help and usage errors; rich and the settings are read only when help may be
    shown, so that quick commands do not pay for them."""
    from anshang.cli import chinese

    if _may_show_help(sys.argv[1:]):
        try:
            import typer.rich_utils  # noqa: F401 - so that the panels can be retitled
        except ImportError:
            pass
        _limits_in_help(sys.argv[1:])
    chinese.install()


def _may_show_help(argv: list[str]) -> bool:
    """Whether this run can print a help page (only then is rich's help renderer loaded)."""
    if any(a in ("-h", "--help") for a in argv):
        return True
    words = [a for i, a in enumerate(argv) if not a.startswith("-") and not (i and argv[i - 1] in ("--data", "-d"))]
    return not words or (len(words) == 1 and words[0] in ("roster", "session", "template"))


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
    _chinese_help()
    try:
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

    ctx = getattr(e, "ctx", None)
    if ctx is not None:
        err(ctx.get_usage().replace("Usage: ", "用法："))
        err(f"运行 '{ctx.command_path} -h' 查看帮助。")
    message = e.format_message()
    if message:  # empty when bare ``anshang`` has just shown its help
        err(f"错误：{translate(message)}")
    sys.exit(e.exit_code if isinstance(e.exit_code, int) else EXIT_USAGE)


def _internal_error(e: Exception) -> None:
    if os.environ.get("ANSHANG_DEBUG"):
        raise e
    err(f"anshang 内部错误：{type(e).__name__}: {e}\n"
        "这是程序缺陷，不是您的操作问题。请把这条信息发给维护人员；设置环境变量 ANSHANG_DEBUG=1 可看到详细信息。")
    sys.exit(EXIT_USAGE)
