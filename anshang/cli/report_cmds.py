"""What people read about the ledger: finding demands, due lists, chasing, one case's timeline,
the weekly workbook, statistics and public feedback."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from anshang.cli import app
from anshang.cli.context import (
    CTX,
    PROVISIONAL_HELP,
    case_id,
    clerk,
    date_arg,
    err,
    out,
    progress,
    today,
)
from anshang.core.labels import CHANNELS, LEVELS, STATUS
from anshang.core.problems import AnshangError


@app.command()
def due(
    date: str | None = typer.Option(None, "--date", metavar="日期", help="截至哪天，默认今天"),
    within: int | None = typer.Option(None, "--within", metavar="N", help="列出 N 个工作日内到期的（默认取设置的预警期）"),
    unit: str | None = typer.Option(None, "--unit", metavar="单位", help="只看该承办单位（牵头或配合）"),
    as_json: bool = typer.Option(False, "--json", help="以 JSON 输出 {id, unit, part, kind, basis, rule, due, overdue_workdays, provisional}"),
    office: bool = typer.Option(False, "--office", help="改为列出营商办自己的待办（与 anshang today 相同的事项，逐项列出）"),
    provisional: bool = typer.Option(False, "--provisional", help=PROVISIONAL_HELP),
):
    """到期与超期：按承办单位（牵头和配合单位各自的部分）列出即将到期和已超期的报送事项，超期按工作日计。"""
    import json

    from anshang.documents.due_list import as_json as due_json
    from anshang.documents.due_list import as_text, due_report

    cal = CTX.calendar(provisional)
    if office:
        from anshang.documents.agenda import office_due

        if unit is not None:
            raise AnshangError("--office 列出营商办自己的待办，不能与 --unit 同用")
        out(office_due(CTX.ledger, CTX.settings, cal, today(date), within, as_json))
        return
    listing, units, titles = due_report(CTX.ledger, CTX.settings, cal, today(date), within, unit)
    out(json.dumps(due_json(listing, cal), ensure_ascii=False, indent=2) + "\n" if as_json
        else as_text(listing, units, titles, cal))


@app.command("today")
def today_cmd(
    date: str | None = typer.Option(None, "--date", metavar="日期", help="以该日为“今天”，默认今天"),
    within: int | None = typer.Option(None, "--within", metavar="N", help="列出 N 个工作日内到期的（默认取设置 agenda_workdays，缺省 15）"),
    as_json: bool = typer.Option(False, "--json", help="以 JSON 输出 {date, until, counts, entries: [{group, kind, due, provisional, overdue_workdays, title, ids, command}]}"),
    provisional: bool = typer.Option(False, "--provisional", help=PROVISIONAL_HELP),
):
    """今日待办：营商办自己要办的事（发布通告、截止预约并匹配、通知和告知企业、参会通知、记录接待结果、答复、回访、公开反馈、加入节假日安排）和需要催办的超期报送，分超期、今天、本周、稍后列出，每项附办完后记录用的命令。"""  # noqa: E501
    from anshang.documents.agenda import today_report

    out(today_report(CTX.ledger, CTX.settings, CTX.calendar(provisional), today(date), within, as_json))


@app.command()
def chase(
    date: str | None = typer.Option(None, "--date", metavar="日期", help="截至哪天，默认今天"),
    to: Path | None = typer.Option(None, "--out", metavar="目录", help="默认写到台账的 output/ 目录"),
    no_record: bool = typer.Option(False, "--no-record", help="只生成通知，不在诉求、任务中记录预警、催办和督办"),
    no_warning: bool = typer.Option(False, "--no-warning", help="不发预警提醒（只催办和督办超期的）"),
    fmt: str = typer.Option("docx", "--format", metavar="格式", help="docx 公文格式的 Word 文档（默认）/ md Markdown"),
    provisional: bool = typer.Option(False, "--provisional", help=PROVISIONAL_HELP),
):
    """分级督办：报送期限临近的发预警提醒（黄），超期的发催办通知（橙），超期超过设置天数的改发督办通知并列入督办清单（红）；诉求、工作任务和专题调研都在内。每项按当前级别发一份通知，同一超期同一级别只记录一次。"""  # noqa: E501
    from anshang.steps.chase import chase as do_chase

    if fmt not in ("docx", "md"):
        raise AnshangError("--format 只能是 docx（Word 文档）或 md（Markdown）")
    settings = CTX.settings
    res = do_chase(CTX.ledger, settings, CTX.calendar(provisional), today(date), to, not no_record, clerk(None), fmt,
                   not no_warning)
    for path, n in res.warnings:
        out(f"预警提醒：{path}（{n} 项）\n")
    for path, n in res.notices:
        out(f"催办通知：{path}（{n} 项）\n")
    for path, n in res.supervision_notices:
        out(f"督办通知：{path}（{n} 项）\n")
    if res.supervision:
        path, n = res.supervision
        out(f"督办清单：{path}（{n} 项，超期超过 {settings.policy.supervise_after_workdays} 个工作日）\n")
    if not res.late:
        out("没有超期事项，无需催办。\n")
    if not no_record and res.levels:
        shown = "，".join(f"{LEVELS[k]} {res.levels[k]} 项" for k in LEVELS if res.levels.get(k))
        err(f"已在 {res.recorded} 件诉求或任务中记录：{shown}。")
    elif not no_record and (res.late or res.warnings):
        err("各事项的预警、催办和督办都已记录过，没有新的记录。")


@app.command()
def supervise(
    item: str = typer.Argument(..., metavar="编号", help="诉求、工作任务或专题调研的编号"),
    named: bool = typer.Option(False, "--named", help="挂牌督办（须写明 --leader 和 --reason）"),
    leader: str | None = typer.Option(None, "--leader", metavar="领导", help="督办领导，如 市长王某"),
    reason: str | None = typer.Option(None, "--reason", metavar="理由", help="挂牌督办的理由"),
    date: str | None = typer.Option(None, "--date", metavar="日期", help="默认今天"),
    to: Path | None = typer.Option(None, "--out", metavar="目录", help="挂牌督办通知写到哪里（默认台账的 output/ 目录）"),
    fmt: str = typer.Option("docx", "--format", metavar="格式", help="docx 公文格式的 Word 文档（默认）/ md Markdown"),
    by: str | None = typer.Option(None, "--by", metavar="经办人", help="经办人（缺省取环境变量 ANSHANG_CLERK，再缺省取系统登录名）"),
    provisional: bool = typer.Option(False, "--provisional", help=PROVISIONAL_HELP),
):
    """挂牌督办（督办的最高一级，由人决定）：记下督办领导和理由，给牵头单位出具挂牌督办通知；办结后自然解除。预警、催办、督办三级由 anshang chase 按设置自动判定。"""  # noqa: E501
    from anshang.steps.chase import set_named

    if not named:
        raise AnshangError("预警、催办和督办由 anshang chase 按设置自动判定；人工只能挂牌督办：写 --named --leader 领导 --reason 理由")
    if fmt not in ("docx", "md"):
        raise AnshangError("--format 只能是 docx（Word 文档）或 md（Markdown）")
    iid = case_id(item)
    path = set_named(CTX.ledger, CTX.settings, CTX.calendar(provisional), iid, leader or "", reason or "", today(date),
                     clerk(by), to, fmt)
    out(f"已挂牌督办 {iid}（{leader}）\n挂牌督办通知：{path}\n")


@app.command()
def show(
    case: str = typer.Argument(..., metavar="编号", help="诉求编号或唯一前缀"),
    date: str | None = typer.Option(None, "--date", metavar="日期", help="以该日判断是否超期，默认今天"),
    provisional: bool = typer.Option(False, "--provisional", help=PROVISIONAL_HELP),
):
    """查看一件诉求的全过程：登记、审查、场次、接待结果、每次报送和各期限是否按时。"""
    from anshang.documents.timeline import show as timeline

    out(timeline(CTX.ledger, CTX.settings, CTX.calendar(provisional), case_id(case), today(date)))


@app.command()
def weekly(
    date: str | None = typer.Option(None, "--date", metavar="日期", help="数据日期，默认今天"),
    to: Path | None = typer.Option(None, "--out", metavar="目录", help="写到哪个目录（默认台账的 output/ 目录）；以 .xlsx 结尾即为文件名"),
    everything: bool = typer.Option(False, "--all", help="列出全部年度的诉求（默认：未办结的，以及当年办结的）"),
    provisional: bool = typer.Option(False, "--provisional", help=PROVISIONAL_HELP),
):
    """生成每周企业诉求台账 Excel（可直接打印）：诉求台账、到期与超期、营商办待办、承办单位统计、接待场次、共性问题、说明。"""
    from anshang.documents.weekly import write_weekly

    target, summary = write_weekly(CTX.ledger, CTX.settings, CTX.calendar(provisional), today(date), to,
                                   lambda items: progress(items, "正在生成台账"), everything)
    from rich.console import Console
    from rich.table import Table

    table = Table(title="本周台账" + ("（含按暂定日历计算的日期）" if summary.get("provisional") else ""),
                  show_header=False)
    for label, key in (("诉求", "cases"), ("超期", "overdue"), ("其中督办", "supervised"), ("预警", "soon"),
                       ("已办结", "closed"), ("工作任务", "tasks"), ("专题调研", "topics"), ("共性问题组", "common_groups"),
                       ("营商办待办", "office_open"), ("其中超期", "office_overdue")):
        table.add_row(label, str(summary.get(key, 0)))
    console = Console(file=sys.stdout, width=100)
    console.print(table)
    console.print(f"已写入：{target}")


@app.command()
def stats(
    year: int | None = typer.Option(None, "--year", metavar="年份", help="只统计该年登记的诉求（不带 --from 时）"),
    date: str | None = typer.Option(None, "--date", metavar="日期", help="以该日判断超期，默认今天"),
    start: str | None = typer.Option(None, "--from", metavar="日期", help="报告期起日：给出后按报告期统计（与 anshang summary 相同的数字）"),
    end: str | None = typer.Option(None, "--to", metavar="日期", help="报告期止日（与 --from 同用，缺省同 --from）"),
    by: str | None = typer.Option(None, "--by", metavar="分组", help="按报告期统计时列出哪张表：unit 承办单位 / leader 接待领导 / field 领域 / channel 渠道 / month 按月"),
    to: Path | None = typer.Option(None, "--out", metavar="文件.xlsx", help="按报告期统计时，把该表写成可打印的 Excel"),
    as_csv: bool = typer.Option(False, "--csv", help="按报告期统计时，把该表以 CSV 输出（UTF-8，Excel 可直接打开）"),
    as_json: bool = typer.Option(False, "--json", help="以 JSON 输出 {overall, by_unit, by_leader, by_field}；按报告期时与 summary --json 的 figures 相同"),
):
    """统计：受理、办结率、按时报送率、满意率，分总体、承办单位（牵头和配合各计本单位的部分）、接待领导、领域；--from/--to 按报告期统计。"""
    import json

    from anshang.documents.summary import BY

    if by is not None:
        from anshang.core import naming

        by = naming.choice(by, BY, "--by")  # unit or 承办单位, channel or 渠道 …
    if start is None:
        if end is not None or to is not None or as_csv or by is not None:
            raise AnshangError("--to、--by、--out、--csv 须与 --from 同用（按报告期统计）")
        from anshang.documents.statistics import stats as figures

        result, text = figures(CTX.ledger, CTX.settings, today(date), year)
        out(json.dumps(result, ensure_ascii=False, indent=2) + "\n" if as_json else text)
        return
    from anshang.documents.summary import by_table, csv_text, report_data, stats_text

    if year is not None:
        raise AnshangError("--year 与 --from 不能同用（整年可写 --from 2026-01-01 --to 2026-12-31，或用 anshang summary --year）")
    by = by or "unit"
    if as_csv and as_json:
        raise AnshangError("--csv 和 --json 只能用一个")
    given = {"from": date_arg(start, "--from"), "to": date_arg(end, "--to") if end else None}
    data = report_data(CTX.ledger, CTX.settings, CTX.calendar(True), given, today(date))
    table = by_table(data, CTX.settings, by)
    if to is not None:
        from anshang.documents.sheets import book_bytes
        from anshang.store.outputs import write_file

        err(f"已写入 {write_file(to, book_bytes([table]), ('.xlsx',))}")
    if as_json:
        out(json.dumps(data["figures"], ensure_ascii=False, indent=2) + "\n")
    elif as_csv:
        out(csv_text(table))
    else:
        out(f"{data['period'].label}（{data['period'].start.isoformat()} 至 {data['end'].isoformat()}）{BY[by]}\n"
            + stats_text(table))


@app.command()
def summary(
    session: str | None = typer.Option(None, "--session", metavar="场次", help="一个接待日：从预约登记开始到接待日，该场次的诉求"),
    month: str | None = typer.Option(None, "--month", metavar="月份", help="一个月，如 2026-11"),
    quarter: str | None = typer.Option(None, "--quarter", metavar="季度", help="一个季度，如 2026Q4 或 2026年第四季度"),
    year: int | None = typer.Option(None, "--year", metavar="年份", help="一年，如 2026"),
    start: str | None = typer.Option(None, "--from", metavar="日期", help="自定报告期的起日（与 --to 同用）"),
    end: str | None = typer.Option(None, "--to", metavar="日期", help="自定报告期的止日"),
    date: str | None = typer.Option(None, "--date", metavar="日期", help="成文日期，也是尚未结束的报告期的截至日；默认今天"),
    to: Path | None = typer.Option(None, "--out", metavar="目录", help="默认写到台账的 output/ 目录"),
    fmt: str = typer.Option("all", "--format", metavar="格式", help="docx 公文格式的 Word 报告 / xlsx 带图表的 Excel 数据 / all 两者（默认）"),
    as_json: bool = typer.Option(False, "--json", help="同时以 JSON 输出报告用的数字 {figures, previous, common, late}"),
):
    """情况报告：一个报告期（接待日、月、季度、年或自定起止日）的企业诉求受理、交办、办理情况，承办单位排名和低于门槛的单位，接待领导、领域、渠道，与上期比较，共性问题，超期和长期整改事项；写出公文格式的 Word 报告和带图表的 Excel 数据（§四(五)）。"""  # noqa: E501
    import json

    from anshang.documents.summary import as_json as summary_json
    from anshang.documents.summary import write_summary

    formats = {"docx": ("docx",), "xlsx": ("xlsx",), "all": ("docx", "xlsx")}
    if fmt not in formats:
        raise AnshangError("--format 只能是 docx（Word 报告）、xlsx（Excel 数据）或 all（两者）")
    given = {"session": session, "month": month, "quarter": quarter, "year": year,
             "from": date_arg(start, "--from") if start else None, "to": date_arg(end, "--to") if end else None}
    paths, data = write_summary(CTX.ledger, CTX.settings, CTX.calendar(True), given, today(date), to, formats[fmt])
    for path in paths:
        err(f"已写入：{path}")
    if as_json:
        out(json.dumps(summary_json(data), ensure_ascii=False, indent=2) + "\n")


@app.command()
def publish(
    date: str | None = typer.Option(None, "--date", metavar="日期", help="数据日期，默认今天"),
    to: Path | None = typer.Option(None, "--out", metavar="目录", help="默认写到台账的 output/ 目录"),
    fmt: str = typer.Option("xlsx", "--format", metavar="格式", help="xlsx 可打印的 Excel 表（默认）/ md 门户网站用的 Markdown / all 两者"),
    record: bool = typer.Option(False, "--record", help="同时记下已于数据日期公开反馈（写入 records/，今日待办据此计算下一次）"),
    by: str | None = typer.Option(None, "--by", metavar="经办人", help="经办人（缺省取环境变量 ANSHANG_CLERK，再缺省取系统登录名）"),
):
    """公开反馈：生成政府门户网站用的办理进度表，不含联系人、电话、邮箱等个人信息。"""
    from anshang.steps.office import public

    formats = {"xlsx": ("xlsx",), "md": ("md",), "all": ("xlsx", "md")}
    if fmt not in formats:
        raise AnshangError("--format 只能是 xlsx（Excel 表）、md（Markdown）或 all（两者）")
    paths, rec = public(CTX.ledger, CTX.settings, today(date), to, formats[fmt], record, clerk(by))
    for path in paths:
        out(f"已写入：{path}\n")
    if rec:
        out(f"{'已记录' if rec[1] else '已记录过'}：{today(date).isoformat()} 公开反馈（{rec[0]}）\n")


@app.command("list")
def list_cmd(
    text: list[str] | None = typer.Argument(None, metavar="文字", help="在诉求事项、事实、理由、诉求和企业名称中查找（几个词须都出现）"),
    status: list[str] | None = typer.Option(None, "--status", metavar="状态", help="只列该状态（可重复）：" + "、".join(STATUS.values())),
    unit: str | None = typer.Option(None, "--unit", metavar="单位", help="承办单位（牵头或配合；编号、全称或简称）"),
    enterprise: str | None = typer.Option(None, "--enterprise", metavar="企业", help="企业名称的一部分，或统一社会信用代码的前几位"),
    session: str | None = typer.Option(None, "--session", metavar="场次", help="接待场次（编号或日期）"),
    channel: str | None = typer.Option(None, "--channel", metavar="渠道", help="渠道：" + "、".join(CHANNELS.values())),
    field: list[str] | None = typer.Option(None, "--field", metavar="领域", help="领域（可重复，符合其一即可）"),
    year: int | None = typer.Option(None, "--year", metavar="年份", help="登记年份"),
    overdue: bool = typer.Option(False, "--overdue", help="只列有超期报送事项的"),
    due_within: int | None = typer.Option(None, "--due-within", metavar="N", help="只列 N 个工作日内有报送事项到期的（含已超期）"),
    sort: str = typer.Option("编号", "--sort", metavar="排序", help="编号、登记日期、下一期限、企业、状态"),
    kind: list[str] | None = typer.Option(None, "--kind", metavar="类别", help="列哪类事项（可重复）：诉求（默认）、工作任务、专题调研"),
    date: str | None = typer.Option(None, "--date", metavar="日期", help="以该日判断状态和超期，默认今天"),
    as_json: bool = typer.Option(False, "--json", help="以 JSON 输出 {id, registered, enterprise, channel, fields, title, status, session, lead, co, next_due, next_kind, provisional, overdue_workdays}"),
    to: Path | None = typer.Option(None, "--out", metavar="文件.xlsx", help="同时导出为可打印的 Excel 表"),
    provisional: bool = typer.Option(False, "--provisional", help=PROVISIONAL_HELP),
):
    """查找诉求（--kind 工作任务、专题调研 也可查找行动方案任务和专题调研）：按状态、承办单位、企业、场次、渠道、领域、年份、超期、即将到期和文字筛选，列成表格。"""  # noqa: E501
    import json

    from anshang.documents import case_list
    from anshang.documents.case_list import Filters, as_lines, as_table, list_cases, write_table
    from anshang.documents.case_list import as_json as rows_json

    day = today(date)
    f = Filters(text=" ".join(text or []), statuses=list(status or []), unit=unit, enterprise=enterprise, session=session,
                channel=channel, fields=list(field or []), year=year, overdue=overdue, due_within=due_within, sort=sort,
                kinds=list(kind or ["case"]))
    rows, described = list_cases(CTX.ledger, CTX.settings, CTX.calendar(provisional), day, f)
    many = len(rows) > case_list.TABLE_ROWS
    if as_json:
        out(json.dumps(rows_json(rows), ensure_ascii=False, indent=2) + "\n")
    elif many:
        out(as_lines(rows))
    else:
        from rich.console import Console

        Console(file=sys.stdout, width=_width()).print(as_table(rows))
    from anshang.documents.case_list import noun

    err(f"共 {len(rows)} {noun(rows)}。" + (f"超过 {case_list.TABLE_ROWS} 件，逐行列出（各栏以制表符分隔）；"
                                           "要打印的表格请加 --out 文件.xlsx" if many and not as_json else ""))
    if to is not None:
        err(f"已导出：{write_table(to, rows, CTX.settings, day, described)}")


def _width() -> int:
    import shutil

    return shutil.get_terminal_size((120, 40)).columns
