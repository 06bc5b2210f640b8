"""Major projects (``project``): add, change stage, record the monthly report (一月一报) and the
quarterly review (一季一审), link demands, list, and write the 一企一表 workbook. Chasing,
extending, reassigning and ``show`` are the demand's commands with the project's id."""

from __future__ import annotations

from pathlib import Path

import typer

from anshang.cli import GROUP, app
from anshang.cli.context import CTX, PROVISIONAL_HELP, clerk, out, today
from anshang.core.labels import PROJECT_STAGES, REVIEW_RESULTS

project_app = typer.Typer(help="重大项目跟踪服务：一企一表、一月一报、一季一审、领导挂点，从洽谈到投产。", **GROUP)
app.add_typer(project_app, name="project")
BY_HELP = "经办人（缺省取环境变量 ANSHANG_CLERK，再缺省取系统登录名）"
STAGE_HELP = "阶段：" + "、".join(PROJECT_STAGES.values())
PROJECT_HELP = "项目编号（或唯一前缀），或项目名称、企业名称的一部分"


def _project(given: str) -> str:
    from anshang.steps.projects import find_project

    return find_project(CTX.ledger, given)


@project_app.command("add")
def project_add(
    enterprise: str = typer.Option(..., "--enterprise", metavar="企业", help="统一社会信用代码（或前几位）或企业名称的一部分"),
    name: str = typer.Option(..., "--name", metavar="项目名称", help="项目名称"),
    stage: str = typer.Option(..., "--stage", metavar="阶段", help=STAGE_HELP),
    lead: str = typer.Option(..., "--lead", metavar="单位", help="承办单位（属地承办；编号、全称或简称）"),
    co: list[str] | None = typer.Option(None, "--co", metavar="单位", help="联办单位（可重复）"),
    leader: str = typer.Option(..., "--leader", metavar="领导", help="挂点领导：leaders.yaml 中的编号、姓名或职务加姓名"),
    owner: str | None = typer.Option(None, "--owner", metavar="负责人", help="项目负责人（企业方；个人信息，只用于内部表格）"),
    investment: str | None = typer.Option(None, "--investment", metavar="总投资", help="总投资，如 12亿元"),
    note: str | None = typer.Option(None, "--note", metavar="说明", help="备注"),
    date: str | None = typer.Option(None, "--date", metavar="日期", help="纳入跟踪日期，默认今天（一月一报、一季一审从此起算）"),
    by: str | None = typer.Option(None, "--by", metavar="经办人", help=BY_HELP),
    provisional: bool = typer.Option(False, "--provisional", help=PROVISIONAL_HELP),
):
    """纳入重大项目跟踪：一项目一个文件（projects/<年>/<编号>.yaml），写入第一次月度报送和季度审核的截止日期。"""
    from anshang.cli.loop_cmds import _due_line
    from anshang.steps.projects import add_project

    cal = CTX.calendar(provisional)
    p = add_project(CTX.ledger, CTX.settings, cal, enterprise, name, stage, lead, list(co or []), leader, owner,
                    investment, today(date), note, clerk(by))
    out(f"已纳入重大项目跟踪 {p['id']}：{p['title']}（{p['enterprise_name']}，{PROJECT_STAGES[p['stage']]}）\n"
        + _due_line("第一次月度报送", p["deadlines"]["periodic"]) + _due_line("第一次季度审核", p["deadlines"]["review"]))


@project_app.command("stage")
def project_stage(
    project: str = typer.Argument(..., metavar="项目", help=PROJECT_HELP),
    stage: str = typer.Argument(..., metavar="阶段", help=STAGE_HELP + "（全面投产或终止即结束跟踪）"),
    date: str | None = typer.Option(None, "--date", metavar="日期", help="进入新阶段的日期，默认今天"),
    note: str | None = typer.Option(None, "--note", metavar="说明", help="说明"),
    by: str | None = typer.Option(None, "--by", metavar="经办人", help=BY_HELP),
):
    """记录项目进入新阶段；全面投产或终止时结束跟踪服务（不再要求月报和季审）。"""
    from anshang.steps.projects import set_stage

    pid = _project(project)
    res = set_stage(CTX.ledger, pid, stage, today(date), note, clerk(by))
    out(f"已记录 {pid}：{PROJECT_STAGES.get(res['was'], '')} → {PROJECT_STAGES[res['stage']]}"
        + ("，项目结束跟踪服务" if res["ended"] else "") + "\n")


def _record(project, kind, date, unit, note, by, provisional, conclusion=None):
    from anshang.cli.loop_cmds import _due_line
    from anshang.steps.handling import report

    cal = CTX.calendar(provisional)
    pid = _project(project)
    res = report(CTX.ledger, CTX.settings, cal, pid, kind, today(date), unit, note, clerk(by), conclusion)
    what = "月度报送" if kind == "periodic" else "季度审核"
    out(f"{'已记录过' if res['again'] else '已记录'} {pid}：{what}（{res['unit_name']}）"
        f"{'，同一天的记录不重复' if res['again'] else ''}\n")
    if res["next"]:
        out(_due_line(f"下一次{what}", res["next"]))


@project_app.command("report")
def project_report(
    project: str = typer.Argument(..., metavar="项目", help=PROJECT_HELP),
    note: str | None = typer.Option(None, "--note", metavar="进展", help="本月进展和需协调的问题"),
    date: str | None = typer.Option(None, "--date", metavar="日期", help="报送日期，默认今天"),
    unit: str | None = typer.Option(None, "--unit", metavar="单位", help="报送单位（缺省：承办单位）"),
    by: str | None = typer.Option(None, "--by", metavar="经办人", help=BY_HELP),
    provisional: bool = typer.Option(False, "--provisional", help=PROVISIONAL_HELP),
):
    """记录一月一报（等同 anshang report 项目编号 定期报送）：承办单位报来的当月进展；写入下一次月报的截止日期。"""
    _record(project, "periodic", date, unit, note, by, provisional)


@project_app.command("review")
def project_review(
    project: str = typer.Argument(..., metavar="项目", help=PROJECT_HELP),
    conclusion: str = typer.Option(..., "--conclusion", metavar="结论", help="审核结论：" + "、".join(REVIEW_RESULTS.values())),
    note: str | None = typer.Option(None, "--note", metavar="说明", help="审核意见"),
    date: str | None = typer.Option(None, "--date", metavar="日期", help="审核日期，默认今天"),
    by: str | None = typer.Option(None, "--by", metavar="经办人", help=BY_HELP),
    provisional: bool = typer.Option(False, "--provisional", help=PROVISIONAL_HELP),
):
    """记录一季一审：本季度对项目推进情况的审核结论；写入下一次季度审核的截止日期。"""
    from anshang.core import naming

    _record(project, "review", date, None, note, by, provisional, naming.choice(conclusion, REVIEW_RESULTS, "--conclusion"))


@project_app.command("link")
def project_link(
    project: str = typer.Argument(..., metavar="项目", help=PROJECT_HELP),
    cases: list[str] = typer.Argument(..., metavar="诉求编号", help="与项目有关的企业诉求（编号或唯一前缀，可多个）"),
    by: str | None = typer.Option(None, "--by", metavar="经办人", help=BY_HELP),
):
    """把企业诉求关联到重大项目（诉求文件中写入 project），一企一表列出这些诉求。"""
    from anshang.cli.context import demand_id
    from anshang.steps.projects import link_cases

    pid = _project(project)
    ids = [demand_id(c) for c in cases]
    done = link_cases(CTX.ledger, pid, ids, clerk(by))
    out(f"已把 {len(done)} 件诉求关联到 {pid}" + (f"：{'、'.join(done)}" if done else "（都已关联过）") + "\n")


@project_app.command("list")
def project_list(
    unit: str | None = typer.Option(None, "--unit", metavar="单位", help="只列该单位承办或联办的项目"),
    leader: str | None = typer.Option(None, "--leader", metavar="领导", help="只列该领导挂点的项目"),
    as_json: bool = typer.Option(False, "--json", help="以 JSON 输出"),
    date: str | None = typer.Option(None, "--date", metavar="日期", help="按该日结束时的台账列出（默认今天）"),
    provisional: bool = typer.Option(False, "--provisional", help=PROVISIONAL_HELP),
):
    """列出重大项目：阶段、挂点领导、承办单位、月报和季审次数、下一项报送和督办提醒。"""
    from anshang.core import naming
    from anshang.documents.project_list import project_rows, project_text
    from anshang.store import loader

    cal = CTX.calendar(provisional)
    day = today(date)
    world = loader.load_as_of(CTX.ledger, day, cal)
    uid = naming.unit(unit, world.units) if unit else None
    lid = naming.leader(leader, world.leaders) if leader else None
    rows = project_rows(world, cal, day, CTX.settings.policy, uid, lid)
    if as_json:
        import json

        out(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
    else:
        out(project_text(rows, world))


@project_app.command("sheet")
def project_sheet(
    projects: list[str] | None = typer.Argument(None, metavar="项目", help="只写这些项目（缺省：全部）"),
    to: Path | None = typer.Option(None, "--out", metavar="文件.xlsx", help="写到这个文件（缺省：output/重大项目一企一表-日期.xlsx）"),
    date: str | None = typer.Option(None, "--date", metavar="日期", help="按该日结束时的台账（默认今天）"),
    provisional: bool = typer.Option(False, "--provisional", help=PROVISIONAL_HELP),
):
    """写一企一表工作簿：每个项目一张可直接打印的工作表（基本情况、阶段变更、月度报送、季度审核、关联诉求、领导走访、待报送）。"""
    from anshang.documents.project_list import project_sheets

    cal = CTX.calendar(provisional)
    ids = [_project(p) for p in projects or []]
    path, done = project_sheets(CTX.ledger, CTX.settings, cal, today(date), ids or None, to)
    out(f"已写出一企一表（{len(done)} 个项目）：{path}\n")
