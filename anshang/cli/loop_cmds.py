"""The closed loop after reception: outcome, slip, reports, long-term, extension, reassignment,
reply, revisit and closing."""

from __future__ import annotations

from pathlib import Path

import typer

from anshang.cli import LIMITS, app
from anshang.cli.context import (
    CTX,
    PROVISIONAL_HELP,
    case_id,
    clerk,
    date_arg,
    demand_id,
    out,
    today,
)
from anshang.core import naming
from anshang.core.labels import (
    DEADLINE_KINDS,
    EVENT_KINDS,
    LETTERS,
    NOTIFY_HOW,
    OUTCOMES,
    SATISFACTION,
    choices,
)
from anshang.core.problems import AnshangError


def _due_line(label: str, record: dict) -> str:
    from anshang.core.dates import cn_date
    from anshang.core.deadlines import read_deadline

    d = read_deadline(record)
    return f"  {label}：{cn_date(d.due, weekday=True)}前（{d.text()}）{'（暂定）' if d.provisional else ''}\n"


@app.command(help=f"记录接待结果；交办时写入落实情况和办理结果两个期限。\n\n{LIMITS}。")
def receive(
    case: str = typer.Argument(..., metavar="编号", help="诉求编号或唯一前缀"),
    outcome: str = typer.Option(..., "--outcome", metavar="结果", help=choices(OUTCOMES) + "（写编号或中文均可）"),
    lead: str | None = typer.Option(None, "--lead", metavar="单位", help="牵头单位：编号、全称或简称（交办时；缺省取建议承办单位的第一个）"),
    co: list[str] | None = typer.Option(None, "--co", metavar="单位", help="配合单位：编号、全称或简称（可重复；缺省取其余建议承办单位）"),
    instruction: str | None = typer.Option(None, "--instruction", metavar="意见", help="接待领导的交办意见"),
    date: str | None = typer.Option(None, "--date", metavar="日期", help="接待或交办日期，默认取场次日期"),
    note: str | None = typer.Option(None, "--note", metavar="说明", help="说明（如当场解决的情况、解释的要点）"),
    key: bool = typer.Option(False, "--key", help="列为重点诉求（按设置须回访，§四(五)）"),
    provisional: bool = typer.Option(False, "--provisional", help=PROVISIONAL_HELP),
):
    from anshang.steps.handling import receive as do_receive

    cal = CTX.calendar(provisional)
    cid = demand_id(case)
    day = date_arg(date, "--date") if date else None
    outcome = naming.choice(outcome, OUTCOMES, "--outcome")
    res = do_receive(CTX.ledger, CTX.settings, cal, cid, outcome, day, lead, list(co or []), instruction, note,
                     clerk(None), key)
    out(f"已记录 {cid}：{OUTCOMES[outcome]}（{res['outcome']['date'].isoformat()}）{'，重点诉求' if key else ''}\n")
    for kind, record in res["deadlines"].items():
        out(_due_line(DEADLINE_KINDS[kind], record))
    if res["held"]:
        out(f"  场次 {res['session']} 已标为“已举行”\n")



@app.command()
def slip(
    case: str = typer.Argument(..., metavar="编号", help="诉求编号或唯一前缀"),
    to: Path | None = typer.Option(None, "--out", metavar="文件.xlsx", help="默认写到台账的 output/ 目录"),
):
    """填写企业诉求交办单（附件3）。台账中有 templates/handover.xlsx 时优先使用它。"""
    from anshang.documents.slip import write_slip

    target = write_slip(CTX.ledger, CTX.settings, demand_id(case), to)
    out(f"已生成交办单：{target}\n")


@app.command()
def letter(
    cases: list[str] | None = typer.Argument(None, metavar="编号", help="诉求编号或唯一前缀（可多个）"),
    session: str | None = typer.Option(None, "--session", metavar="场次", help="为该场次安排的每件诉求出具告知书"),
    kind: str | None = typer.Option(None, "--kind", metavar="文书", help=choices(LETTERS) + "（默认按诉求所处阶段选择）"),
    date: str | None = typer.Option(None, "--date", metavar="日期", help="成文日期，默认今天"),
    to: Path | None = typer.Option(None, "--out", metavar="目录", help="默认写到台账的 output/ 目录"),
    record: bool = typer.Option(False, "--record", help="同时记入诉求：致企业的告知书记为“通知企业”（信函），答复函记为“答复企业”"),
    by: str | None = typer.Option(None, "--by", metavar="经办人", help="经办人（缺省取环境变量 ANSHANG_CLERK，再缺省取系统登录名）"),
):
    """出具公文格式的 Word 文书：致企业的接待安排、择期安排、不予受理（写明 §三(二) 条款）、转办告知书和答复函，
    以及致属地政府或部门的转办函。文书按诉求所处阶段自动选择，也可用 --kind 指定。"""
    from anshang.steps.office import letters

    CTX.settings  # noqa: B018 - stop early on invalid settings
    ids = [demand_id(c) for c in cases or []]
    written, recorded = letters(CTX.ledger, CTX.settings, ids, session, kind, today(date), to, record, clerk(by))
    for path, k, cid in written:
        out(f"{LETTERS[k]}（{cid}）：{path}\n")
    for cid, what, new in recorded:
        out(f"{'已记录' if new else '已记录过'} {cid}：{EVENT_KINDS[what]}\n")


@app.command()
def notify(
    cases: list[str] | None = typer.Argument(None, metavar="编号", help="诉求编号或唯一前缀，也可写企业名称（可多个）"),
    how: str = typer.Option(..., "--how", metavar="方式", help="通知方式：" + "、".join(NOTIFY_HOW.values())),
    session: str | None = typer.Option(None, "--session", metavar="场次", help="该场次安排的、尚未通知的全部企业（与 --all 同用）"),
    everyone: bool = typer.Option(False, "--all", help="记录该场次尚未通知的全部企业（与 --session 同用）"),
    note: str | None = typer.Option(None, "--note", metavar="说明", help="通知情况（缺省：已电话告知企业接待安排 等）"),
    date: str | None = typer.Option(None, "--date", metavar="日期", help="通知日期，默认今天"),
    by: str | None = typer.Option(None, "--by", metavar="经办人", help="经办人（缺省取环境变量 ANSHANG_CLERK，再缺省取系统登录名）"),
):
    """记录已通知企业（谁、怎样、哪天）：预约成功后通知参加接待（§四(二)），或告知择期安排、不予受理、转办的结果；记录后，今日待办中的相应事项随之消去。"""  # noqa: E501
    from anshang.steps.office import notify as do_notify
    from anshang.steps.office import notify_session

    how = naming.choice(how, NOTIFY_HOW, "--how")
    day, who = today(date), clerk(by)
    if session is not None or everyone:
        if cases:
            raise AnshangError("写了编号就不要再用 --session/--all；要通知一个场次的全部企业，只写 --session 场次 --all")
        if session is None or not everyone:
            raise AnshangError("通知一个场次的全部企业须同时写 --session 场次 和 --all")
        sid, done = notify_session(CTX.ledger, session, how, note, day, who)
        if not done:
            out(f"场次 {sid} 安排的企业都已通知，没有新的记录\n")
    elif not cases:
        raise AnshangError("请写出诉求编号，或用 --session 场次 --all 记录一个场次的全部企业")
    else:
        done = do_notify(CTX.ledger, [*cases], how, note, day, who)
    for n in done:
        what = f"（{n.about}）" if n.about else "（没有待通知的事项，仍作记录）"
        out(f"{'已记录' if n.new else '已记录过'} {n.id}：{NOTIFY_HOW[how]}通知{what}\n")


@app.command()
def key(
    cases: list[str] = typer.Argument(..., metavar="编号", help="诉求编号或唯一前缀（可多个）"),
    off: bool = typer.Option(False, "--off", help="取消重点诉求标记"),
    date: str | None = typer.Option(None, "--date", metavar="日期", help="默认今天"),
    by: str | None = typer.Option(None, "--by", metavar="经办人", help="经办人（缺省取环境变量 ANSHANG_CLERK，再缺省取系统登录名）"),
):
    """列为重点诉求（或用 --off 取消）：按设置（policy.revisit，缺省 key）重点诉求答复后须回访，未回访不能办结（§四(五)）。"""
    from anshang.steps.handling import set_key

    day, who = today(date), clerk(by)
    for c in cases:
        cid = demand_id(c)
        changed = set_key(CTX.ledger, cid, not off, day, who)
        state = "取消重点诉求标记" if off else "列为重点诉求"
        out(f"{cid}：{'已' + state if changed else '原本就' + ('不是重点诉求' if off else '是重点诉求')}\n")


@app.command(help=f"记录承办单位报送：落实情况、办理结果，或长期整改的定期报送（并算出下一次的期限）。\n\n{LIMITS}。")
def report(
    case: str = typer.Argument(..., metavar="编号", help="诉求编号或唯一前缀"),
    kind: str = typer.Argument(..., metavar="类别", help=choices(DEADLINE_KINDS) + "（写编号或中文均可）"),
    date: str | None = typer.Option(None, "--date", metavar="日期", help="报送日期，默认今天"),
    unit: str | None = typer.Option(None, "--unit", metavar="单位", help="报送单位（牵头或配合单位；编号、全称或简称），默认牵头单位"),
    note: str | None = typer.Option(None, "--note", metavar="内容", help="报送内容摘要"),
    by: str | None = typer.Option(None, "--by", metavar="经办人", help="经办人（缺省取环境变量 ANSHANG_CLERK，再缺省取系统登录名）"),
    provisional: bool = typer.Option(False, "--provisional", help=PROVISIONAL_HELP),
):
    from anshang.steps.handling import report as do_report

    cal = CTX.calendar(provisional)
    cid = case_id(case)
    kind = naming.choice(kind, DEADLINE_KINDS, "类别")
    res = do_report(CTX.ledger, CTX.settings, cal, cid, kind, today(date), unit, note, clerk(by))
    out(f"{'已记录过' if res['again'] else '已记录'} {cid}：{EVENT_KINDS[kind]}（{res['unit_name']}）"
        f"{'，同一天的报送不重复记录' if res['again'] else ''}\n")
    if res["next"]:
        out(_due_line("下一次报送", res["next"]))



@app.command(help=f"转为长期整改：此后定期报送进展，直至报送办理结果。\n\n{LIMITS}。")
def longterm(
    case: str = typer.Argument(..., metavar="编号", help="诉求编号或唯一前缀"),
    date: str | None = typer.Option(None, "--date", metavar="日期", help="默认今天"),
    note: str | None = typer.Option(None, "--note", metavar="说明", help="需长期整改的原因"),
    by: str | None = typer.Option(None, "--by", metavar="经办人", help="经办人（缺省取环境变量 ANSHANG_CLERK，再缺省取系统登录名）"),
    provisional: bool = typer.Option(False, "--provisional", help=PROVISIONAL_HELP),
):
    from anshang.steps.handling import longterm as do_longterm

    cal = CTX.calendar(provisional)
    cid = demand_id(case)
    nxt = do_longterm(CTX.ledger, CTX.settings, cal, cid, today(date), note, clerk(by))
    out(f"已转为长期整改：{cid}\n" + _due_line("第一次定期报送", nxt))



@app.command()
def extend(
    case: str = typer.Argument(..., metavar="编号", help="诉求编号或唯一前缀"),
    kind: str = typer.Option("result", "--kind", metavar="期限", help=choices(DEADLINE_KINDS) + "（默认 result）"),
    to: str = typer.Option(..., "--to", metavar="日期", help="新的截止日期"),
    reason: str = typer.Option(..., "--reason", metavar="理由", help="延期理由（必填）"),
    date: str | None = typer.Option(None, "--date", metavar="日期", help="申请日期，默认今天；须在原期限届满前"),
    by: str | None = typer.Option(None, "--by", metavar="经办人", help="经办人（缺省取环境变量 ANSHANG_CLERK，再缺省取系统登录名）"),
):
    """延期：在期限届满前申请，记录新截止日期和理由。"""
    from anshang.steps.handling import extend as do_extend

    cid = case_id(case)
    kind = naming.choice(kind, DEADLINE_KINDS, "--kind")
    rec = do_extend(CTX.ledger, CTX.settings, CTX.calendar(True), cid, kind, date_arg(to, "--to"), reason,
                    today(date), clerk(by))
    out(f"已延期 {cid}：{DEADLINE_KINDS[kind]}截止日期改为 {rec['due'].isoformat()}"
        + ("（暂定：该年节假日安排尚未加入，加入后 anshang calendar recalc 会核对这一天）" if rec["provisional"] else "") + "\n")


@app.command()
def reassign(
    case: str = typer.Argument(..., metavar="编号", help="诉求编号或唯一前缀"),
    lead: str = typer.Option(..., "--lead", metavar="单位", help="新的牵头单位：编号、全称或简称"),
    co: list[str] | None = typer.Option(None, "--co", metavar="单位", help="新的配合单位（可重复；不写则保留原配合单位）"),
    reason: str = typer.Option(..., "--reason", metavar="理由", help="调整理由（如原单位提出的异议）"),
    date: str | None = typer.Option(None, "--date", metavar="日期", help="默认今天"),
    by: str | None = typer.Option(None, "--by", metavar="经办人", help="经办人（缺省取环境变量 ANSHANG_CLERK，再缺省取系统登录名）"),
    provisional: bool = typer.Option(False, "--provisional", help=PROVISIONAL_HELP),
):
    """调整承办单位（单位对交办有异议时）；尚未完成的期限从调整之日重新起算。"""
    from anshang.steps.handling import reassign as do_reassign

    cal = CTX.calendar(provisional)
    cid = case_id(case)
    res = do_reassign(CTX.ledger, CTX.settings, cal, cid, lead, list(co) if co else None, reason, today(date),
                      clerk(by))
    out(f"已调整 {cid} 的承办单位：牵头 {res['names'][0]}；配合 {'、'.join(res['names'][1:]) or '无'}\n")
    for kind, record in res["restart"].items():
        out(_due_line(f"{DEADLINE_KINDS[kind]}重新起算", record))
    if cid[:1].isalpha():
        out("  工作任务、专题调研的完成时限按行动方案或立项时确定，不重新起算（需要时用 anshang extend 延期）\n")


@app.command()
def reply(
    case: str = typer.Argument(..., metavar="编号", help="诉求编号或唯一前缀"),
    note: str | None = typer.Option(None, "--note", metavar="内容", help="答复要点"),
    date: str | None = typer.Option(None, "--date", metavar="日期", help="默认今天"),
    by: str | None = typer.Option(None, "--by", metavar="经办人", help="经办人（缺省取环境变量 ANSHANG_CLERK，再缺省取系统登录名）"),
):
    """记录答复企业。"""
    from anshang.steps.handling import reply as do_reply

    CTX.settings  # noqa: B018 - stop early on invalid settings
    cid = demand_id(case)
    do_reply(CTX.ledger, cid, today(date), note, clerk(by))
    out(f"已记录答复：{cid}\n")


@app.command()
def revisit(
    case: str = typer.Argument(..., metavar="编号", help="诉求编号或唯一前缀"),
    satisfaction: str = typer.Option(..., "--satisfaction", metavar="满意度", help=" / ".join(SATISFACTION) + "（不满意将重新办理）"),
    note: str | None = typer.Option(None, "--note", metavar="内容", help="回访记录"),
    date: str | None = typer.Option(None, "--date", metavar="日期", help="默认今天"),
    by: str | None = typer.Option(None, "--by", metavar="经办人", help="经办人（缺省取环境变量 ANSHANG_CLERK，再缺省取系统登录名）"),
    provisional: bool = typer.Option(False, "--provisional", help=PROVISIONAL_HELP),
):
    """记录回访和满意度；“不满意”时重新办理，办理结果期限从回访之日重新起算。"""
    from anshang.steps.handling import revisit as do_revisit

    cal = CTX.calendar(provisional)
    cid = demand_id(case)
    res = do_revisit(CTX.ledger, CTX.settings, cal, cid, satisfaction, today(date), note, clerk(by))
    out(f"已记录回访：{cid}（{satisfaction}）\n")
    if res["reopened"]:
        out("  企业不满意，已重新办理\n" + (_due_line("办理结果", res["result"]) if res["result"] else ""))


@app.command()
def close(
    case: str = typer.Argument(..., metavar="编号", help="诉求编号或唯一前缀"),
    note: str | None = typer.Option(None, "--note", metavar="说明", help="办结说明"),
    date: str | None = typer.Option(None, "--date", metavar="日期", help="默认今天"),
    cancelled: bool = typer.Option(False, "--cancelled", help="工作任务或专题调研撤销（如清单中已删去），须用 --note 写明原因"),
    by: str | None = typer.Option(None, "--by", metavar="经办人", help="经办人（缺省取环境变量 ANSHANG_CLERK，再缺省取系统登录名）"),
):
    """办结（销号）。仍有未完成事项（未报办理结果、未答复、回访不满意、长期整改中）时拒绝并说明原因（退出码 1）；工作任务、专题调研撤销时加 --cancelled。"""  # noqa: E501
    from anshang.steps.handling import close as do_close

    cid = case_id(case)
    do_close(CTX.ledger, CTX.settings, cid, today(date), note, clerk(by), cancelled)
    out(f"{'已撤销' if cancelled else '已办结'}：{cid}\n")


@app.command()
def withdraw(
    case: str = typer.Argument(..., metavar="编号", help="诉求编号或唯一前缀"),
    reason: str = typer.Option(..., "--reason", metavar="原因", help="撤回的原因（必填），如企业来电说明问题已自行解决"),
    date: str | None = typer.Option(None, "--date", metavar="日期", help="默认今天"),
    by: str | None = typer.Option(None, "--by", metavar="经办人", help="经办人（缺省取环境变量 ANSHANG_CLERK，再缺省取系统登录名）"),
):
    """企业撤回诉求：保留诉求文件并记下原因，此后不再安排场次、不再计期限和催办（状态“已撤回”）。"""
    from anshang.steps.handling import withdraw as do_withdraw

    CTX.settings  # noqa: B018 - a ledger with invalid settings is not written to
    cid = demand_id(case)
    do_withdraw(CTX.ledger, cid, reason, today(date), clerk(by))
    out(f"已撤回：{cid}\n")
