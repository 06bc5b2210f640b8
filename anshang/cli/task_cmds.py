"""Action-plan tasks (``task``) and research topics (``topic``): import and list tasks, open and
close topics. Their reports, extensions, chasing and closing use the demand's commands
(``report``, ``extend``, ``chase``, ``supervise``, ``close``, ``show``) with the task's or topic's id."""

from __future__ import annotations

from pathlib import Path

import typer

from anshang.cli import GROUP, app
from anshang.cli.context import CTX, PROVISIONAL_HELP, case_id, clerk, date_arg, out, today
from anshang.core.problems import AnshangError

task_app = typer.Typer(help="行动方案工作任务：导入责任清单、列出任务、按单位出具年度责任清单。", **GROUP)
topic_app = typer.Typer(help="专题调研：从共性问题立项、结题（写明制度性成果）、列出。", **GROUP)
app.add_typer(task_app, name="task")
app.add_typer(topic_app, name="topic")
BY_HELP = "经办人（缺省取环境变量 ANSHANG_CLERK，再缺省取系统登录名）"


@task_app.command("import")
def task_import(
    path: Path = typer.Argument(..., metavar="清单.xlsx", help="责任清单（标题行、序号、工作任务、牵头单位、配合单位、完成时限）"),
    plan: str | None = typer.Option(None, "--plan", metavar="方案编号", help="行动方案编号（小写字母开头，如 xd2026）；缺省为 rw加清单年度"),
    year: int | None = typer.Option(None, "--year", metavar="年度", help="清单年度（“6月底前”“年底前”等不写年份的时限用它；缺省取标题中的年份）"),
    issued: str | None = typer.Option(None, "--issued", metavar="日期", help="方案印发日期，“N日内”等时限从此起算（缺省：已导入过的取原日期，否则取 --date）"),
    date: str | None = typer.Option(None, "--date", metavar="日期", help="导入日期，默认今天"),
    by: str | None = typer.Option(None, "--by", metavar="经办人", help=BY_HELP),
    provisional: bool = typer.Option(False, "--provisional", help=PROVISIONAL_HELP),
):
    """导入行动方案的责任清单：一项任务一个文件（tasks/<方案编号>/<序号>.yaml）。重新导入时更新已有任务（保留报送和办理记录），不会重复；
    有读不懂的行时一项也不写入，并列出“工作表!单元格：问题”和最接近的单位名称（退出码 2）。"""
    from anshang.steps.tasks import import_tasks

    cal = CTX.calendar(provisional)
    day = today(date)
    if plan is None:
        from anshang.documents.plan_sheet import read_plan
        from anshang.store import loader

        y = year or read_plan(path, loader.load(CTX.ledger, {"units"}).units, None).year
        if y is None:
            raise AnshangError("清单标题中没有年份：请用 --plan 写明方案编号（或用 --year 写明年度）")
        plan = f"rw{y}"
    res = import_tasks(CTX.ledger, CTX.settings, cal, path, plan, year, date_arg(issued, "--issued") if issued else None,
                       day, clerk(by))
    out(f"已导入 {res.title}（方案编号 {res.plan}）：新增 {len(res.added)} 项，更新 {len(res.updated)} 项，"
        f"未变 {len(res.unchanged)} 项\n")
    for tid in res.updated:
        out(f"  已更新 {tid}\n")
    if res.kept:
        out(f"  已调整过承办单位、保留调整后单位的任务：{'、'.join(res.kept)}\n")
    if res.gone:
        out(f"  清单中已没有、台账中仍保留的任务：{'、'.join(res.gone)}（如已撤销，请用 anshang close 编号 --cancelled --note 原因）\n")


@task_app.command("list")
def task_list(
    unit: str | None = typer.Option(None, "--unit", metavar="单位", help="只列该单位牵头或配合的任务（编号、全称或简称）"),
    plan: str | None = typer.Option(None, "--plan", metavar="方案编号", help="只列该行动方案的任务"),
    year: int | None = typer.Option(None, "--year", metavar="年度", help="责任清单年度：该年内到期、或长期坚持、或仍未办结的任务（缺省：全部）"),
    to: Path | None = typer.Option(None, "--out", metavar="文件.xlsx", help="写成可打印的责任清单（Excel）；不写则在屏幕上列出"),
    as_json: bool = typer.Option(False, "--json", help="以 JSON 输出"),
    date: str | None = typer.Option(None, "--date", metavar="日期", help="按该日结束时的台账列出（默认今天）"),
    provisional: bool = typer.Option(False, "--provisional", help=PROVISIONAL_HELP),
):
    """列出行动方案的工作任务：牵头、配合单位，完成时限，下一项报送期限和状态；--unit 加 --out 出具该单位的年度责任清单。"""
    from anshang.documents.task_list import task_report

    text, data, path = task_report(CTX.ledger, CTX.settings, CTX.calendar(provisional), today(date), unit, plan, year, to)
    if as_json:
        import json

        out(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    elif path is not None:
        out(f"已生成责任清单：{path}（{len(data)} 项）\n")
    else:
        out(text)


@topic_app.command("new")
def topic_new(
    cases: list[str] | None = typer.Argument(None, metavar="编号", help="关联的诉求（可多个；也可写企业名称或事项中的字）"),
    group: int | None = typer.Option(None, "--group", metavar="序号", help="周台账“共性问题”表中的组号（按 --date 当天的台账编号）"),
    title: str = typer.Option(..., "--title", metavar="题目", help="调研题目"),
    lead: str = typer.Option(..., "--lead", metavar="单位", help="牵头单位：编号、全称或简称"),
    co: list[str] | None = typer.Option(None, "--co", metavar="单位", help="配合单位（可重复）"),
    due: str | None = typer.Option(None, "--due", metavar="日期", help="完成日期（缺省按设置的办理结果时限）"),
    date: str | None = typer.Option(None, "--date", metavar="日期", help="立项日期，默认今天"),
    by: str | None = typer.Option(None, "--by", metavar="经办人", help=BY_HELP),
    provisional: bool = typer.Option(False, "--provisional", help=PROVISIONAL_HELP),
):
    """专题调研立项（§四(三)、§五(二)(三)）：把反映共性问题的诉求交给牵头单位研究，形成制度性成果。"""
    from anshang.steps.tasks import group_cases, new_topic

    cal = CTX.calendar(provisional)
    day = today(date)
    from anshang.steps.cases import find_case

    ids = [find_case(CTX.ledger, c, only_cases=True) for c in cases or []]
    label = None
    if group is not None:
        found, label = group_cases(CTX.ledger, cal, day, group)
        ids = list(dict.fromkeys([*ids, *found]))
    if not ids:
        raise AnshangError("请写出关联的诉求编号，或用 --group 写明共性问题的组号")
    tid = new_topic(CTX.ledger, CTX.settings, cal, title, ids, label, lead, list(co or []),
                    date_arg(due, "--due") if due else None, day, clerk(by))
    out(f"已立项专题调研 {tid}：{title}（关联诉求 {len(ids)} 件：{'、'.join(ids)}）\n")


@topic_app.command("close")
def topic_close(
    topic: str = typer.Argument(..., metavar="编号", help="专题调研编号或唯一前缀"),
    outcome: str = typer.Option(..., "--outcome", metavar="成果", help="制度性成果：政策文件名称，如《关于进一步优化营商环境的若干措施》"),
    issued: str = typer.Option(..., "--issued", metavar="日期", help="该文件的印发日期"),
    note: str | None = typer.Option(None, "--note", metavar="说明", help="结题说明"),
    date: str | None = typer.Option(None, "--date", metavar="日期", help="结题日期，默认今天"),
    by: str | None = typer.Option(None, "--by", metavar="经办人", help=BY_HELP),
):
    """专题调研结题：记下制度性成果（政策文件及其印发日期）；牵头单位尚未报送结果的，一并记为已报送。"""
    from anshang.steps.tasks import close_topic

    CTX.settings  # noqa: B018 - stop early on invalid settings
    tid = case_id(topic)
    close_topic(CTX.ledger, CTX.settings, tid, outcome, date_arg(issued, "--issued"), today(date), note, clerk(by))
    out(f"已结题：{tid}（制度性成果：{outcome}）\n")


@topic_app.command("list")
def topic_list(
    as_json: bool = typer.Option(False, "--json", help="以 JSON 输出"),
    date: str | None = typer.Option(None, "--date", metavar="日期", help="按该日结束时的台账列出（默认今天）"),
):
    """列出专题调研：题目、牵头单位、关联诉求、完成期限、状态和制度性成果。"""
    from anshang.documents.task_list import topic_report

    text, data = topic_report(CTX.ledger, CTX.settings, CTX.calendar(True), today(date))
    if as_json:
        import json

        out(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    else:
        out(text)
