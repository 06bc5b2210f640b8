"""Dates: the deadline calculator and the holiday calendar."""

from __future__ import annotations

from typing import Optional

import typer

from anshang.cli import app
from anshang.cli.context import CTX, PROVISIONAL_HELP, clerk, date_arg, out, today
from anshang.core.problems import EXIT_PROBLEMS, AnshangError


@app.command()
def deadline(
    start: str = typer.Argument(..., metavar="起算日", help="起算日期（当天不计），如 2026-09-30 或 2026年9月30日"),
    workdays: Optional[int] = typer.Option(None, "--workdays", "-w", metavar="N", help="N 个工作日后（负数为往前倒数）"),
    days: Optional[int] = typer.Option(None, "--days", metavar="N", help="N 日后，末日为休息日的顺延（民法典第二百零三条）；负数为往前倒数，末日为休息日的提前"),
    as_json: bool = typer.Option(False, "--json", help="以 JSON 输出 {start, rule, due, provisional} 等字段"),
    provisional: bool = typer.Option(False, "--provisional", help=PROVISIONAL_HELP),
):
    """计算期限：起算日加 N 个工作日或 N 日，并说明经过了哪些节假日和调休上班日。"""
    import json

    from anshang.core.deadlines import Rule
    from anshang.documents.calendar_view import deadline_answer, deadline_text

    if (workdays is None) == (days is None):
        raise AnshangError("请给出 --workdays N 或 --days N 中的一个")
    rule = Rule("workdays", workdays) if workdays is not None else Rule("days", days)
    answer = deadline_answer(CTX.calendar(provisional), date_arg(start, "起算日"), rule)
    out(json.dumps(answer, ensure_ascii=False, indent=2) + "\n" if as_json else deadline_text(answer))


@app.command("calendar")
def calendar_cmd(
    what: Optional[str] = typer.Argument(None, metavar="[年份|年-月|status|add|recalc]",
                                         help="2026 显示全年；2026-10 显示一个月；status 查看覆盖情况；add 年份 新建补充文件；"
                                              "recalc 节假日安排加入后重新计算暂定日期"),
    year: Optional[int] = typer.Argument(None, metavar="[年份]", help="与 add 连用：要新建的年份"),
    provisional: bool = typer.Option(False, "--provisional", help="未加入的年份按仅周末显示（标注暂定）"),
    date: Optional[str] = typer.Option(None, "--date", metavar="日期", help="status 的“今天”，默认今天"),
    as_json: bool = typer.Option(False, "--json", help="与 status 连用：以 JSON 输出覆盖情况和无效的补充文件"),
    dry_run: bool = typer.Option(False, "--dry-run", help="与 recalc 连用：只显示新旧日期对照，不写文件"),
    by: Optional[str] = typer.Option(None, "--by", metavar="经办人", help="与 recalc 连用：记入办理记录的经办人"),
):
    """节假日日历：月历（休=放假，班=调休上班）、覆盖情况（status）、新建年度补充文件（add）、
    加入后重新计算暂定日期（recalc）。"""
    from anshang.documents import calendar_view

    if what == "status":
        report = calendar_view.coverage(CTX.maybe_ledger(), today(date))
        out(calendar_view.coverage_json(report) if as_json else report.text)
        if report.warnings or report.problems:
            raise typer.Exit(EXIT_PROBLEMS)
        return
    if what == "recalc":
        from anshang.steps.recalc import recalc

        result = recalc(CTX.ledger, CTX.settings, today(date), clerk(by), write=not dry_run)
        out(calendar_view.recalc_text(result, not dry_run))
        return
    if what == "add":
        from anshang.steps.setup import add_calendar_year

        if year is None:
            raise AnshangError("请给出年份，例如：anshang calendar add 2027")
        rel = add_calendar_year(CTX.ledger, year)
        out(f"已新建 {rel}。请对照《国务院办公厅关于{year}年部分节假日安排的通知》填写，然后运行 anshang check。\n")
        return
    out(calendar_view.grid(CTX.calendar(provisional), what, today(None)))
