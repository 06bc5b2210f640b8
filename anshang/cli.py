"""Command line: parse options, call one core function, print. Heavy modules load lazily so
``anshang --version`` stays as quick as importing typer."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import List, Optional

import typer

from anshang import __version__
from anshang.errors import EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, AnshangError

app = typer.Typer(
    name="anshang",
    help="安商：市长服务民营企业接待日 企业诉求台账。\n\n台账是一个目录（含 anshang.yaml），用 --data 或环境变量 ANSHANG_DATA 指定，否则从当前目录向上查找。",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


class State:
    data: Optional[str] = None


def _version(value: bool):
    if value:
        typer.echo(f"anshang {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    data: Optional[str] = typer.Option(None, "--data", "-d", metavar="目录",
                                       help="台账目录（默认：环境变量 ANSHANG_DATA，否则从当前目录向上查找 anshang.yaml）"),
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                 help="显示版本号并退出"),
):
    State.data = data


def _ledger(settings: bool = False):
    """The selected ledger; with ``settings``, also stop early if its settings are invalid."""
    from anshang.ledger import Ledger, find_root

    ledger = Ledger(find_root(State.data))
    if settings:
        from anshang.settings import load_settings

        ledger.settings = load_settings(ledger)
    return ledger


def _out(text: str) -> None:
    sys.stdout.write(text)
    sys.stdout.flush()


def _err(text: str) -> None:
    sys.stderr.write(text if text.endswith("\n") else text + "\n")
    sys.stderr.flush()


@app.command()
def init(
    folder: Path = typer.Argument(..., metavar="目录", help="新台账目录（不存在则创建；须为空目录）"),
    city: Optional[str] = typer.Option(None, "--city", help="城市名称，例如 北岚市"),
):
    """新建一个空台账：设置（带注释）、领导、单位和各数据目录。"""
    from anshang.setup import init_ledger

    created = init_ledger(folder, city=city)
    _out(f"已新建台账：{created}\n下一步：编辑 {created / 'anshang.yaml'}、leaders.yaml、units.yaml，"
         f"然后运行 anshang --data {folder} check\n")


@app.command()
def check(
    as_json: bool = typer.Option(False, "--json", help="以 JSON 列表输出 {path, line, code, severity, message}"),
    strict: bool = typer.Option(False, "--strict", help="有警告也以退出码 1 结束"),
    no_cache: bool = typer.Option(False, "--no-cache", help="不使用缓存，重新读取全部文件"),
):
    """检查整个台账：格式、引用、信用代码校验位、重复、日期先后、设置、日历覆盖。

    每个问题一行：相对路径:行号: [代码] 说明。退出码 0 无错误，1 有错误，2 无法读取台账。
    """
    from anshang import checks, report

    ledger = _ledger()
    problems = checks.run(ledger.load_all(use_cache=not no_cache))
    if as_json:
        _out(report.render_json(problems))
    else:
        _out(report.render_text(problems))
        _err(report.summary(problems))
    errors = any(p.severity == "error" for p in problems)
    if errors or (strict and problems):
        raise typer.Exit(EXIT_PROBLEMS)


@app.command()
def fmt(
    check_only: bool = typer.Option(False, "--check", help="只列出需要格式化的文件，不修改；有则退出码 1"),
    paths: Optional[List[str]] = typer.Argument(None, metavar="[文件…]", help="只处理这些文件（相对台账目录）"),
):
    """把台账文件整理为统一格式（键的顺序、引号、日期写法），内容不变，注释保留。"""
    from anshang.formatter import format_ledger

    result = format_ledger(_ledger(), paths or None, write=not check_only)
    for p in result.problems:
        _out(p.render() + "\n")
    verb = "需要格式化" if check_only else "已格式化"
    for rel in result.changed:
        _out(f"{verb}：{rel}\n")
    _err(f"共 {result.total} 个文件，{verb} {len(result.changed)} 个"
         + (f"，{len(result.problems)} 个文件无法读取" if result.problems else "") + "。")
    if result.problems or (check_only and result.changed):
        raise typer.Exit(EXIT_PROBLEMS)


def _date_opt(value: Optional[str], what: str = "--date"):
    from anshang.dates import parse_date

    if value is None:
        import datetime

        return datetime.date.today()
    try:
        return parse_date(value)
    except ValueError as e:
        raise AnshangError(f"{what}：{e}") from None


@app.command()
def note(
    case: str = typer.Argument(..., metavar="编号", help="诉求编号或其唯一前缀"),
    text: str = typer.Argument(..., metavar="说明", help="备注内容"),
    date: Optional[str] = typer.Option(None, "--date", metavar="日期", help="日期，默认今天（2026-03-05 或 2026年3月5日）"),
    by: Optional[str] = typer.Option(None, "--by", metavar="经办人", help="经办人，默认取环境变量 ANSHANG_CLERK 或登录名"),
):
    """给诉求追加一条备注（办理记录），文件中的手写注释和格式保持不变。"""
    from anshang.cases import append_event, clerk_name, find_case

    ledger = _ledger(settings=True)
    cid = find_case(ledger, case)
    rel = append_event(ledger, cid, {"date": _date_opt(date), "kind": "note",
                                     "by": clerk_name(by), "note": text})
    _out(f"已记录：{cid}（{rel}）\n")


def _chinese_help() -> None:
    """Chinese help and usage errors; rich is imported only when help may be shown, so that
    quick commands do not pay for it."""
    from anshang import clicn

    if sys.argv[1:] != ["--version"]:
        try:
            import typer.rich_utils  # noqa: F401 - so that clicn can retitle its panels
        except ImportError:
            pass
    clicn.install()


def main() -> None:
    """Entry point: run the app, turning every anticipated failure into a message and exit code."""
    for stream in (sys.stdout, sys.stderr):
        if not stream.isatty() and hasattr(stream, "reconfigure"):
            try:
                stream.reconfigure(encoding="utf-8")
            except (ValueError, OSError):
                pass
    _chinese_help()
    try:
        code = app(prog_name="anshang", standalone_mode=False)
        sys.exit(code if isinstance(code, int) else 0)
    except AnshangError as e:
        _err(f"错误：{e.message}")
        sys.exit(e.exit_code)
    except KeyboardInterrupt:
        _err("已中断。")
        sys.exit(130)
    except SystemExit:
        raise
    except Exception as e:  # noqa: BLE001
        if hasattr(e, "exit_code") and hasattr(e, "format_message"):  # click's usage errors
            _usage_error(e)
        if type(e).__name__ == "Abort":
            _err("已中止。")
            sys.exit(EXIT_PROBLEMS)
        _internal_error(e)


def _usage_error(e) -> None:
    from anshang.clicn import translate

    ctx = getattr(e, "ctx", None)
    if ctx is not None:
        _err(ctx.get_usage().replace("Usage: ", "用法："))
        _err(f"运行 '{ctx.command_path} -h' 查看帮助。")
    message = e.format_message()
    if message:  # empty when bare ``anshang`` has just shown its help
        _err(f"错误：{translate(message)}")
    sys.exit(e.exit_code if isinstance(e.exit_code, int) else EXIT_USAGE)


def _internal_error(e: Exception) -> None:
    if os.environ.get("ANSHANG_DEBUG"):
        raise e
    _err(f"anshang 内部错误：{type(e).__name__}: {e}\n"
         "这是程序缺陷，不是您的操作问题。请把这条信息发给维护人员；设置环境变量 ANSHANG_DEBUG=1 可看到详细信息。")
    sys.exit(EXIT_USAGE)

