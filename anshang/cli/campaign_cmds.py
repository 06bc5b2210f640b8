"""Service-month campaigns (``campaign``) and enterprises' evaluations of departments
(``evaluation``). A campaign's activities are tasks (``tasks/<活动编号>/``): their reports,
chasing, extensions and closing are the demand's commands with the activity's id."""

from __future__ import annotations

from pathlib import Path

import typer

from anshang.cli import GROUP, app
from anshang.cli.context import CTX, PROVISIONAL_HELP, clerk, date_arg, out, today
from anshang.core.labels import CHANNELS

campaign_app = typer.Typer(help="服务月等专项活动：建立活动文件、导入重点活动、记录部门开放日、写活动总结。", **GROUP)
evaluation_app = typer.Typer(help="企业评议部门：导入评议结果（评议.xlsx），列出各单位得分。", **GROUP)
app.add_typer(campaign_app, name="campaign")
app.add_typer(evaluation_app, name="evaluation")
BY_HELP = "经办人（缺省取环境变量 ANSHANG_CLERK，再缺省取系统登录名）"
CAMPAIGN_HELP = "活动编号（或唯一前缀），或活动名称的一部分"


def _campaign(given: str) -> str:
    from anshang.steps.campaigns import find_campaign

    return find_campaign(CTX.ledger, given)


@campaign_app.command("new")
def campaign_new(
    cid: str = typer.Argument(..., metavar="活动编号", help="2–16 个小写字母或数字、字母开头，如 fwy2026"),
    title: str = typer.Option(..., "--title", metavar="活动名称", help="如 北岚市2026年服务企业月活动"),
    start: str = typer.Option(..., "--start", metavar="日期", help="开始日期"),
    end: str = typer.Option(..., "--end", metavar="日期", help="结束日期"),
    summary_due: str | None = typer.Option(None, "--summary-due", metavar="日期", help="书面总结报送日期（缺省：结束后第 15 日）"),
    summary_to: str | None = typer.Option(None, "--summary-to", metavar="对象", help="总结报送对象（缺省：市优化营商环境领导小组）"),
    channel: list[str] | None = typer.Option(None, "--channel", metavar="渠道", help="计入本活动的诉求渠道（可重复；缺省：服务月活动、部门开放日）：" + "、".join(CHANNELS.values())),
):
    """建立专项活动文件 campaigns/<活动编号>.yaml（带中文注释）：日期、阶段、渠道、活动办公室内设部门、总结报送日期；在其中填写重点活动后运行 anshang campaign import 活动编号。"""  # noqa: E501
    from anshang.steps.campaigns import new_campaign

    rel = new_campaign(CTX.ledger, CTX.settings, cid, title, date_arg(start, "--start"), date_arg(end, "--end"),
                       date_arg(summary_due, "--summary-due") if summary_due else None, list(channel or []), summary_to)
    out(f"已建立专项活动 {cid}：{rel}\n  下一步：在 activities 中填写重点活动（或 anshang campaign import {cid} 方案.xlsx），"
        f"再运行 anshang campaign import {cid}\n")


@campaign_app.command("import")
def campaign_import(
    campaign: str = typer.Argument(..., metavar="活动", help=CAMPAIGN_HELP),
    path: Path | None = typer.Argument(None, metavar="方案.xlsx", help="活动方案（序号、活动名称、承办部门、配合部门、完成时间）；缺省：用活动文件中的 activities"),
    date: str | None = typer.Option(None, "--date", metavar="日期", help="导入日期，默认今天"),
    by: str | None = typer.Option(None, "--by", metavar="经办人", help=BY_HELP),
    provisional: bool = typer.Option(False, "--provisional", help=PROVISIONAL_HELP),
):
    """把重点活动导入为可催办的任务（tasks/<活动编号>/<序号>.yaml）：重新导入时更新、不重复；有读不懂的活动时一项也不写入（退出码 2）。新活动可由 Excel 方案的“基本情况”表直接建立。"""  # noqa: E501
    from anshang.core.problems import AnshangError
    from anshang.steps.campaigns import import_campaign
    from anshang.store.folder import PLAN_ID_RE

    try:
        cid = _campaign(campaign)
    except AnshangError:
        if path is None or not PLAN_ID_RE.match(campaign):
            raise
        cid = campaign  # a new campaign, made from the plan's 基本情况 sheet
    res = import_campaign(CTX.ledger, CTX.settings, CTX.calendar(provisional), cid, path, today(date), clerk(by))
    out(f"专项活动 {cid}：新增活动 {len(res.added)} 项，更新 {len(res.updated)} 项，未变 {len(res.unchanged)} 项\n")
    if res.gone:
        out(f"  活动文件中已没有、但台账中保留的：{'、'.join(res.gone)}（不再开展的请 anshang close 编号 --cancelled）\n")


@campaign_app.command("openday")
def campaign_openday(
    campaign: str = typer.Argument(..., metavar="活动", help=CAMPAIGN_HELP),
    unit: str = typer.Option(..., "--unit", metavar="单位", help="举办开放日（接待日）的部门"),
    date: str = typer.Option(..., "--date", metavar="日期", help="开放日日期"),
    place: str | None = typer.Option(None, "--place", metavar="地点", help="地点"),
    note: str | None = typer.Option(None, "--note", metavar="情况", help="接待情况，如 接待企业12家，受理咨询20件"),
    by: str | None = typer.Option(None, "--by", metavar="经办人", help=BY_HELP),
):
    """记录部门开放日：举办部门和日期写入活动文件的 open_days；当天经部门开放日渠道登记的诉求计入本活动。"""
    from anshang.steps.campaigns import add_open_day

    cid = _campaign(campaign)
    o = add_open_day(CTX.ledger, cid, unit, date_arg(date, "--date"), place, note, clerk(by))
    out(f"已记录 {cid} 部门开放日：{o['date'].isoformat()} {o['unit_name']}\n")


@campaign_app.command("list")
def campaign_list(
    date: str | None = typer.Option(None, "--date", metavar="日期", help="按该日结束时的台账列出（默认今天）"),
    provisional: bool = typer.Option(False, "--provisional", help=PROVISIONAL_HELP),
):
    """列出专项活动：日期、当前阶段、重点活动完成情况、计入的诉求和开放日。"""
    from anshang.documents.campaign_report import campaign_text

    out(campaign_text(CTX.ledger, CTX.settings, CTX.calendar(provisional), today(date)))


@campaign_app.command("report")
def campaign_report(
    campaign: str = typer.Argument(..., metavar="活动", help=CAMPAIGN_HELP),
    to: Path | None = typer.Option(None, "--out", metavar="目录", help="写到这个目录（缺省：output/）"),
    as_json: bool = typer.Option(False, "--json", help="同时以 JSON 输出总结中的数字"),
    date: str | None = typer.Option(None, "--date", metavar="日期", help="按该日结束时的台账（默认今天）"),
    provisional: bool = typer.Option(False, "--provisional", help=PROVISIONAL_HELP),
):
    """写专项活动工作总结：Word（按公文格式，可直接报送）和 Excel（重点活动、各渠道诉求和投诉结案率、承办单位、开放日、企业评议）。"""
    from anshang.documents.campaign_report import as_json as figures_json
    from anshang.documents.campaign_report import write_report

    cid = _campaign(campaign)
    paths, data = write_report(CTX.ledger, CTX.settings, CTX.calendar(provisional), cid, today(date), to)
    if as_json:
        import json

        out(json.dumps(figures_json(data), ensure_ascii=False, indent=2) + "\n")
    else:
        out("".join(f"已写出：{p}\n" for p in paths))


@evaluation_app.command("import")
def evaluation_import(
    path: Path = typer.Argument(..., metavar="评议.xlsx", help="每行一条评分：评议企业、被评议单位、得分（0–100）"),
    title: str | None = typer.Option(None, "--title", metavar="名称", help="评议名称（缺省：文件名）"),
    campaign: str | None = typer.Option(None, "--campaign", metavar="活动", help="所属专项活动（服务月的评议）"),
    date: str | None = typer.Option(None, "--date", metavar="日期", help="评议日期，默认今天"),
):
    """导入企业评议部门的结果：一次评议一个文件（evaluations/<年>/<编号>.yaml）；同一份表不重复导入，有读不懂的行时一条也不写入（退出码 2）。"""
    from anshang.steps.evaluations import import_evaluation

    cid = _campaign(campaign) if campaign else None
    body = import_evaluation(CTX.ledger, path, title, today(date), cid)
    units = len({s["unit"] for s in body["scores"]})
    out(f"已导入企业评议 {body['id']}：{body['title']}，{len(body['scores'])} 条评分，涉及 {units} 个单位\n")


@evaluation_app.command("list")
def evaluation_list(
    year: int | None = typer.Option(None, "--year", metavar="年份", help="统计该年的评议（缺省：--date 所在年）"),
    as_json: bool = typer.Option(False, "--json", help="以 JSON 输出 {单位: {count, score}}"),
    date: str | None = typer.Option(None, "--date", metavar="日期", help="按该日结束时的台账（默认今天）"),
):
    """列出各单位在企业评议中的平均得分（百分制）和评分企业数，按得分排序。"""
    import datetime as dt

    from anshang.core.evaluations import unit_scores
    from anshang.core.problems import AnshangError
    from anshang.documents.names import unit_name
    from anshang.store import loader

    day = today(date)
    y = year or day.year
    if not 1900 <= y <= 2200:
        raise AnshangError(f"--year {y} 不是有效的年份（写四位年份，如 2026）")
    world = loader.load_as_of(CTX.ledger, day)
    scores = unit_scores(world.evaluations, dt.date(y, 1, 1), min(dt.date(y, 12, 31), day))
    ranked = sorted(scores.items(), key=lambda kv: (-kv[1]["score"], kv[0]))
    if as_json:
        import json

        out(json.dumps(dict(ranked), ensure_ascii=False, indent=2) + "\n")
        return
    if not ranked:
        out(f"{y} 年还没有企业评议结果（导入：anshang evaluation import 评议.xlsx）\n")
        return
    out(f"{y} 年企业评议：{len(ranked)} 个单位\n" + "".join(
        f"  {i}. {unit_name(world.units, u)}  {s['score']:.1f} 分（{s['count']} 条评分）\n" for i, (u, s) in enumerate(ranked, 1)))
