"""Reception days: the year's plan, notices, session views and call lists, and matching."""

from __future__ import annotations

from pathlib import Path

import typer

from anshang.cli import app, session_app
from anshang.cli.context import CTX, PROVISIONAL_HELP, clerk, demand_id, err, out, today
from anshang.core.labels import MATCH_STATUS
from anshang.core.problems import AnshangError


@session_app.command("plan")
def session_plan(
    year: int = typer.Argument(..., metavar="年份", help="要排定的年份，如 2027"),
    count: int | None = typer.Option(None, "--count", metavar="N", help="场次数（不少于设置的每年最少次数）"),
    dry_run: bool = typer.Option(False, "--dry-run", help="只显示方案，不写文件"),
    as_json: bool = typer.Option(False, "--json", help="以 JSON 输出每场 {date, leader, fields, notice_date, registration_from, registration_to}"),
    provisional: bool = typer.Option(False, "--provisional", help=PROVISIONAL_HELP),
):
    """排定一年的接待日：不少于规定场次，领导轮值，均在工作日，附通告日期和预约登记时间（均按设置计算）。"""
    import json

    from anshang.core.dates import cn_date
    from anshang.steps.sessions import plan

    cal = CTX.calendar(provisional)
    proposal, existing = plan(CTX.ledger, CTX.settings, cal, year, count, write=not dry_run)
    if as_json:
        out(json.dumps([p.as_dict() for p in proposal], ensure_ascii=False, indent=2) + "\n")
    else:
        for p in proposal:
            mark = "（暂定）" if p.provisional else ""
            out(f"{p.id}{mark}  {cn_date(p.date, weekday=True)}  {p.leader}  {'、'.join(p.fields)}  "
                f"通告 {p.notice_date.isoformat()}  预约 {p.registration_from.isoformat()}–{p.registration_to.isoformat()}\n")
    if dry_run:
        err(f"以上为 {year} 年方案（未写入）" + (f"；已有场次：{'、'.join(existing)}" if existing else "") + "。")
    else:
        err(f"已写入 {len(proposal)} 个场次文件（sessions/{year}/），可按需编辑日期、地点和受理领域。")


@session_app.command("notice")
def session_notice(
    session: str = typer.Argument(..., metavar="场次", help="场次编号或日期"),
    to: Path | None = typer.Option(None, "--out", metavar="文件", help="写入该文件（默认：Word 文档写到台账的 output/ 目录，Markdown 输出到屏幕）"),
    fmt: str = typer.Option("docx", "--format", metavar="格式", help="docx 公文格式的 Word 文档（默认）/ md Markdown"),
    record: bool = typer.Option(False, "--record", help="同时在场次中记下通告已发布（日期取 --date）"),
    date: str | None = typer.Option(None, "--date", metavar="日期", help="通告发布日期（与 --record 同用），默认今天"),
    by: str | None = typer.Option(None, "--by", metavar="经办人", help="经办人（缺省取环境变量 ANSHANG_CLERK，再缺省取系统登录名）"),
):
    """按模板生成接待日通告（附件1）。台账中有 templates/notice.docx（或 notice.md）时优先使用它。"""
    from anshang.steps.office import notice

    if fmt not in ("docx", "md"):
        raise AnshangError("--format 只能是 docx（Word 文档）或 md（Markdown）")
    result, sid = notice(CTX.ledger, CTX.settings, session, fmt, to, record, today(date), clerk(by))
    if fmt == "md" and to is None:
        out(result)
    elif fmt == "md":
        err(f"已写入 {result}")
    else:
        out(f"已写入：{result}\n")
    if sid:
        err(f"已记录：场次 {sid} 的通告已于 {today(date).isoformat()} 发布")


@session_app.command("attend")
def session_attend(
    session: str = typer.Argument(..., metavar="场次", help="场次编号或日期"),
    to: Path | None = typer.Option(None, "--out", metavar="文件.docx", help="默认写到台账的 output/ 目录"),
    date: str | None = typer.Option(None, "--date", metavar="日期", help="成文日期，默认今天"),
    record: bool = typer.Option(False, "--record", help="同时在场次中记下参会通知已发出（日期取 --date）"),
    by: str | None = typer.Option(None, "--by", metavar="经办人", help="经办人（缺省取环境变量 ANSHANG_CLERK，再缺省取系统登录名）"),
):
    """参会通知（Word）：请本场诉求的建议承办单位和企业所在属地政府派负责人配合接待（§一）。"""
    from anshang.steps.office import attendance

    path, sid = attendance(CTX.ledger, CTX.settings, session, today(date), to, record, clerk(by))
    out(f"已写入：{path}\n")
    if sid:
        out(f"已记录：场次 {sid} 的参会通知已于 {today(date).isoformat()} 发出\n")


@session_app.command("cancel")
def session_cancel(
    session: str = typer.Argument(..., metavar="场次", help="场次编号或日期"),
    reason: str = typer.Option(..., "--reason", metavar="原因", help="取消的原因（必填，记入场次文件的备注）"),
    date: str | None = typer.Option(None, "--date", metavar="日期", help="取消日期，默认今天"),
):
    """取消计划中的场次：状态改为“已取消”，已安排在该场次的诉求移出，下次 match 时重新安排。"""
    from anshang.steps.sessions import cancel

    CTX.settings  # noqa: B018 - a ledger with invalid settings is not written to
    sid, released = cancel(CTX.ledger, session, reason, today(date), clerk(None))
    out(f"已取消场次 {sid}" + (f"；移出 {len(released)} 件诉求：{'、'.join(released)}（运行 anshang match 重新安排）" if released
                               else "") + "\n")


@session_app.command("list")
def session_list(year: int | None = typer.Option(None, "--year", metavar="年份", help="只列该年")):
    """列出场次：日期、领导、受理领域、通告日期、已安排/容量、状态。"""
    from anshang.documents.sessions_view import session_list as listing

    out(listing(CTX.ledger, CTX.settings, year))


@session_app.command("show")
def session_show(session: str = typer.Argument(..., metavar="场次", help="场次编号或日期")):
    """查看一个场次：领导、领域、日期、通告日期、容量，以及已安排的企业和联系人。"""
    from anshang.documents.sessions_view import session_show as showing

    out(showing(CTX.ledger, CTX.settings, session))


@session_app.command("contacts")
def session_contacts(
    session: str = typer.Argument(..., metavar="场次", help="场次编号或日期"),
    to: Path | None = typer.Option(None, "--out", metavar="文件.xlsx", help="默认写到台账的 output/ 目录"),
    date: str | None = typer.Option(None, "--date", metavar="日期", help="制表日期，或导入时未写日期的通知日期；默认今天"),
    source: Path | None = typer.Option(None, "--import", metavar="文件.xlsx", help="读回填好“通知情况”一栏的通知名单，记录已通知的企业"),
    by: str | None = typer.Option(None, "--by", metavar="经办人", help="经办人（导入时；缺省取环境变量 ANSHANG_CLERK，再缺省取系统登录名）"),
):
    """生成通知企业用的电话名单（Excel，可直接打印；含个人信息，不得公开）；通知后在“通知情况”一栏写明（如“11月25日电话通知”），再用 --import 读回，逐家记为已通知。"""  # noqa: E501
    if source is not None:
        _import_contacts(session, source, today(date), clerk(by))
        return
    from anshang.documents.sessions_view import write_contacts

    target, n = write_contacts(CTX.ledger, CTX.settings, session, to, today(date))
    out(f"已写入 {target}（{n} 家）\n")


def _import_contacts(session: str, source: Path, day, by: str) -> None:
    from anshang.core.labels import NOTIFY_HOW
    from anshang.core.problems import EXIT_PROBLEMS
    from anshang.steps.office import import_contacts

    res = import_contacts(CTX.ledger, session, source, day, by)
    for cid, how, when in res.recorded:
        out(f"已记录 {cid}：{when.isoformat()} {NOTIFY_HOW[how]}通知\n")
    for cid, text in res.not_done:
        out(f"未记录 {cid}：写的是“{text}”，看来尚未通知到\n")
    from anshang.core.problems import render_text

    if res.problems:
        out(render_text(res.problems))
    err(f"场次 {res.session}：记录 {len(res.recorded)} 家，已记录过 {len(res.already)} 家，"
        f"未通知到 {len(res.not_done)} 家，未填写 {len(res.blank)} 家"
        + (f"，{len(res.problems)} 行有问题未记录" if res.problems else "") + "。")
    if res.problems:
        raise typer.Exit(EXIT_PROBLEMS)


@app.command("match")
def match_cmd(
    session: str | None = typer.Option(None, "--session", metavar="场次", help="当期场次（默认：今天起第一个计划中的场次）"),
    dry_run: bool = typer.Option(False, "--dry-run", help="只显示结果，不写文件"),
    as_json: bool = typer.Option(False, "--json", help="以 JSON 输出 {id, session, status: scheduled|deferred|waiting, reason}"),
    explain: str | None = typer.Option(None, "--explain", metavar="编号", help="说明一件诉求为何这样安排"),
    release: str | None = typer.Option(None, "--release", metavar="编号", help="把一件诉求移出已安排的场次"),
    date: str | None = typer.Option(None, "--date", metavar="日期", help="以该日为“今天”，默认今天"),
):
    """双向匹配：已受理的接待日诉求按领域安排到当期场次，其余择期安排或等待，均说明理由。"""
    import json

    from anshang.steps.sessions import match
    from anshang.steps.sessions import release as do_release

    settings = CTX.settings
    day = today(date)
    if release:
        cid = demand_id(release)
        old = do_release(CTX.ledger, cid)
        out(f"已将 {cid} 移出{('场次 ' + old) if old else '（原本未安排场次）'}；下次 match 时重新安排\n")
        return
    wanted = demand_id(explain) if explain else None
    results = match(CTX.ledger, settings, day, session, write=not (dry_run or explain))
    if wanted:
        hit = [m for m in results if m.id == wanted]
        if not hit:
            raise AnshangError(f"{wanted} 不参与匹配：只有已受理、尚未接待的接待日诉求才安排场次")
        m = hit[0]
        out(f"{wanted}：{MATCH_STATUS[m.status]}{(' ' + m.session) if m.session else ''}\n理由：{m.reason}\n"
            + "".join(f"  - {t}\n" for t in m.trace))
        return
    if as_json:
        out(json.dumps([m.as_dict() for m in results], ensure_ascii=False, indent=2) + "\n")
    else:
        for m in results:
            out(f"{m.id} {MATCH_STATUS[m.status]} {m.session or '—'}：{m.reason}{'（保持）' if m.kept else ''}\n")
    counts = {k: sum(1 for m in results if m.status == k) for k in MATCH_STATUS}
    err("，".join(f"{MATCH_STATUS[k]} {counts[k]}" for k in MATCH_STATUS) + ("（未写入）" if dry_run else "") + "。")
