"""Leaders' visits to enterprises (``visit``): record one, list them with each leader's count
against the yearly target."""

from __future__ import annotations

import typer

from anshang.cli import GROUP, app
from anshang.cli.context import CTX, clerk, date_arg, out, today

visit_app = typer.Typer(help="领导走访企业（走访联系）：记录走访、列出走访和各位领导的完成情况。", **GROUP)
app.add_typer(visit_app, name="visit")


@visit_app.command("add")
def visit_add(
    leader: str = typer.Option(..., "--leader", metavar="领导", help="走访领导：leaders.yaml 中的编号、姓名或职务加姓名"),
    date: str = typer.Option(..., "--date", metavar="日期", help="走访日期"),
    enterprise: str = typer.Option(..., "--enterprise", metavar="企业", help="统一社会信用代码（或前几位）或企业名称的一部分"),
    with_units: list[str] | None = typer.Option(None, "--with", metavar="单位", help="陪同的部门或属地政府（可重复）"),
    note: str | None = typer.Option(None, "--note", metavar="情况", help="走访情况"),
    by: str | None = typer.Option(None, "--by", metavar="经办人", help="经办人（缺省取环境变量 ANSHANG_CLERK，再缺省取系统登录名）"),
):
    """记录一次领导走访企业；走访中企业提出的诉求用 anshang register --visit 编号 登记（渠道为领导走访，与本次走访关联）。"""
    from anshang.steps.visits import add_visit

    CTX.settings  # noqa: B018 - a ledger with invalid settings is not written to
    vid, v = add_visit(CTX.ledger, leader, date_arg(date, "--date"), enterprise, list(with_units or []), note, clerk(by))
    out(f"已记录领导走访 {vid}：{v['date'].isoformat()} {v['leader_name']} 走访 {v['enterprise_name']}\n")


@visit_app.command("list")
def visit_list(
    year: int | None = typer.Option(None, "--year", metavar="年份", help="列出该年的走访（缺省：--date 所在年）"),
    leader: str | None = typer.Option(None, "--leader", metavar="领导", help="只列该领导的走访"),
    as_json: bool = typer.Option(False, "--json", help="以 JSON 输出 {visits: [...], by_leader: {领导: {visits, enterprises, target, met}}}"),
    date: str | None = typer.Option(None, "--date", metavar="日期", help="按该日结束时的台账列出（默认今天）"),
):
    """列出领导走访企业的记录，以及每位领导当年走访的家次和年度目标（设置 visits_per_leader_year）。"""
    from anshang.documents.visit_list import visit_report

    text, data = visit_report(CTX.ledger, CTX.settings, today(date), year, leader)
    if as_json:
        import json

        out(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    else:
        out(text)
