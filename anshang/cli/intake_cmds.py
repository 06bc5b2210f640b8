"""Intake: the roster, registration of demands, and screening."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from anshang.cli import app, roster_app
from anshang.cli.context import CTX, Bar, clerk, demand_id, err, out, today
from anshang.core.labels import CATEGORIES, CHANNELS, DECISIONS, choices
from anshang.core.problems import EXIT_PROBLEMS, AnshangError


def _problems(problems, as_json: bool, extra: dict | None = None) -> None:
    import json

    from anshang.core.problems import render_text

    if as_json:
        out(json.dumps({**(extra or {}), "problems": [p.as_dict() for p in problems]},
                       ensure_ascii=False, indent=2) + "\n")
    else:
        out(render_text(problems))


@roster_app.command("import")
def roster_import(
    file: Path = typer.Argument(..., metavar="名单.xlsx", help="调度企业名单 Excel（表头可在标题行之下）"),
    year: int | None = typer.Option(None, "--year", metavar="年份", help="名单所属年度；缺省取标题中的“20xx年”，再缺省取今年"),
    as_json: bool = typer.Option(False, "--json", help="以 JSON 输出 {year, added, updated, unchanged, problems}"),
):
    """导入调度企业名单：按统一社会信用代码新增或更新，重复导入不会产生重复。有被拒绝的行时退出码 1。"""
    from anshang.steps.roster import import_roster

    result = import_roster(CTX.ledger, CTX.settings, file, year, today(None).year)
    _problems(result.rejected, as_json, {"year": result.year, "added": result.added, "updated": result.updated,
                                         "unchanged": result.unchanged})
    problems = f"（{len(result.rejected)} 个问题）" if len(result.rejected) != result.rejected_rows else ""
    err(f"{result.year} 年调度名单：新增 {len(result.added)} 家，更新 {len(result.updated)} 家，"
        f"未变 {len(result.unchanged)} 家，拒绝 {result.rejected_rows} 行{problems}。")
    if result.rejected:
        raise typer.Exit(EXIT_PROBLEMS)


@roster_app.command("show")
def roster_show(
    query: str = typer.Argument(..., metavar="代码或名称", help="统一社会信用代码（或其前几位）或企业名称的一部分"),
    date: str | None = typer.Option(None, "--date", metavar="日期", help="以该日判断诉求状态，默认今天"),
):
    """查看企业档案，以及该企业的全部诉求（编号、登记日期、状态、事项）。"""
    from anshang.documents.roster_list import show

    out(show(CTX.ledger, query, today(date)))


@roster_app.command("list")
def roster_list(
    district: str | None = typer.Option(None, "--district", metavar="属地", help="只列该属地"),
    category: str | None = typer.Option(None, "--category", metavar="类型", help=choices(CATEGORIES) + "（写编号或中文均可）"),
    year: int | None = typer.Option(None, "--year", metavar="年份", help="只列纳入该年度调度的企业"),
    outside: bool = typer.Option(False, "--outside", help="与 --year 连用：只列未纳入该年度调度的企业"),
    to: Path | None = typer.Option(None, "--out", metavar="文件.xlsx", help="同时导出为 Excel"),
):
    """列出企业名录（每行：代码、名称、属地、类型、调度年度）。"""
    from anshang.core import naming
    from anshang.documents import roster_list

    if district is not None:
        district = naming.district(district, CTX.settings.districts)
    if category is not None:
        category = naming.choice(category, CATEGORIES, "--category")
    rows = roster_list.rows(CTX.ledger, district, category, year, outside)
    out("".join("\t".join(r) + "\n" for r in rows))
    err(f"共 {len(rows)} 家企业。")
    if to is not None:
        err(f"已导出：{roster_list.write(to, rows, CTX.settings, today(None))}")


@app.command()
def register(
    paths: list[Path] | None = typer.Argument(None, metavar="登记表或目录", help="填好的登记表 .xlsx，或含登记表的目录（如邮件附件目录）"),
    date: str | None = typer.Option(None, "--date", metavar="日期", help="登记日期，默认今天"),
    add_unknown: bool = typer.Option(False, "--add-unknown", help="名录中没有的企业自动建档（不纳入调度，筛查时将转属地）"),
    channel: str = typer.Option("reception_day", "--channel", metavar="渠道", help=choices(CHANNELS)),
    enterprise: str | None = typer.Option(None, "--enterprise", metavar="代码", help="现场或其他渠道登记：企业统一社会信用代码"),
    name: str | None = typer.Option(None, "--name", metavar="名称", help="企业名称（名录外企业建档时需要）"),
    district: str | None = typer.Option(None, "--district", metavar="属地", help="企业属地（名录外企业建档时需要）"),
    contact: str | None = typer.Option(None, "--contact", metavar="姓名", help="联系人"),
    phone: str | None = typer.Option(None, "--phone", metavar="电话", help="联系电话"),
    email: str | None = typer.Option(None, "--email", metavar="邮箱", help="电子邮箱"),
    fields: list[str] | None = typer.Option(None, "--field", metavar="领域", help="诉求领域（可重复）"),
    title: str | None = typer.Option(None, "--title", metavar="事项", help="诉求事项"),
    facts: str | None = typer.Option(None, "--facts", metavar="事实", help="事实"),
    reasons: str | None = typer.Option(None, "--reasons", metavar="理由", help="理由"),
    request: str | None = typer.Option(None, "--request", metavar="诉求", help="具体诉求"),
    units: list[str] | None = typer.Option(None, "--unit", metavar="单位", help="建议承办单位编号或名称（可重复）"),
    declared: list[str] | None = typer.Option(None, "--declare", metavar="项",
                                                 help="企业自述的排除情形（可重复）：诉讼/复议/仲裁、纪委监委、信访、人大建议/政协提案、诉求不明确、匿名"),
    visit: str | None = typer.Option(None, "--visit", metavar="走访", help="走访中提出的诉求：领导走访记录的编号（渠道即领导走访，企业和日期缺省取走访的）"),
    as_json: bool = typer.Option(False, "--json", help="以 JSON 输出 {registered, duplicates, problems}"),
):
    """登记诉求：导入填好的来访企业预约登记表（文件或目录），或现场/其他渠道登记（用选项或按提示输入）。

    同一张表重复导入只提示“已登记为 编号”。有未能登记或待补正的表时退出码 1。
    """
    from anshang.steps.intake import register_forms, register_manual, registered_date

    settings = CTX.settings
    day = registered_date(date)
    from anshang.core import naming

    channel = naming.choice(channel, CHANNELS, "--channel")
    if visit is not None:  # a demand raised during a leader's visit
        from anshang.steps.visits import find_visit

        v = find_visit(CTX.ledger, visit)
        if channel not in ("reception_day", "leader_visit") or paths:
            raise AnshangError("--visit 登记的是领导走访中提出的诉求：不与登记表或其他渠道同用")
        channel, visit = "leader_visit", v["id"]
        enterprise = enterprise or v.get("enterprise")
        day = registered_date(date or str(v.get("date")))
        if day.isoformat() < str(v.get("date")):
            raise AnshangError(f"登记日期 {day.isoformat()} 早于走访 {v['id']} 的日期 {v.get('date')}：走访中提出的诉求不能早于走访")
    declared = [_declared_key(d) for d in declared or []]
    interactive = sys.stdin.isatty()

    bar = Bar("正在导入登记表", minimum=3)

    def confirm(ent):
        with bar.paused():  # the question is not hidden under the progress bar
            return _yes_no(f"企业“{ent['name']}”（{ent['uscc']}）不在企业名录中，是否新建档案")

    if paths:
        if channel != "reception_day":
            raise AnshangError("登记表只用于接待日诉求；其他渠道请用 --channel 加各项选项登记")
        outcomes = register_forms(CTX.ledger, settings, paths, day, add_unknown, confirm if interactive else None, bar)
    else:
        values = {"enterprise": enterprise, "name": name, "district": district, "contact": contact,
                  "phone": phone, "email": email, "fields": list(fields or []), "title": title,
                  "facts": facts, "reasons": reasons, "request": request, "units": list(units or []),
                  "declared": list(declared or []), "visit": visit}
        from anshang.steps.intake import prefill

        prefill(CTX.ledger, values, _choose if interactive else None)
        _ask(values, interactive, settings, channel)
        outcomes = [register_manual(CTX.ledger, settings, values, day, channel, add_unknown,
                                    confirm if interactive else None)]
    counts = {"registered": 0, "incomplete": 0, "completed": 0, "duplicate": 0, "rejected": 0}
    problems = [p for o in outcomes for p in o.problems]
    for o in outcomes:
        counts[o.status] += 1
    if as_json:
        _problems(problems, True, {
            "registered": [{"id": o.case_id, "source": Path(o.source).name, "enterprise": o.enterprise,
                            "title": o.title, "added_enterprise": o.added_enterprise}
                           for o in outcomes if o.status == "registered"],
            "duplicates": [{"id": o.case_id, "source": Path(o.source).name} for o in outcomes
                           if o.status == "duplicate"]})
    else:
        for o in outcomes:
            if o.status == "registered":
                extra = "（已新建企业档案）" if o.added_enterprise else ""
                out(f"已登记 {o.case_id}：{o.enterprise} — {o.title}{extra}\n")
                if o.duplicates:
                    err(f"警告：{o.case_id} 可能与 {'、'.join(o.duplicates)} 是同一诉求（同一企业、30 日内、事项相近）；"
                        f"如确属重复，用 anshang withdraw {o.case_id} --reason 重复登记")
            elif o.status == "incomplete":
                out(f"已登记 {o.case_id}（待补正，见下列问题；补正前不审查）：{o.enterprise} — {o.title}\n")
            elif o.status == "completed":
                out(f"已补正 {o.case_id}：{o.enterprise} — {o.title}\n")
            elif o.status == "duplicate":
                out(f"{Path(o.source).name}: 已登记为 {o.case_id}，未重复登记\n")
        _problems(problems, False)
    err(f"登记 {counts['registered'] + counts['incomplete']} 件" + (f"（其中待补正 {counts['incomplete']} 件）"
                                                                   if counts["incomplete"] else "")
        + (f"，补正 {counts['completed']} 件" if counts["completed"] else "")
        + f"，已登记过 {counts['duplicate']} 件，未能登记 {counts['rejected']} 件。")
    if counts["rejected"] or counts["incomplete"]:
        raise typer.Exit(EXIT_PROBLEMS)


def _ask(values: dict, interactive: bool, settings, channel: str) -> None:
    """Prompt for what on-site registration still lacks (a wrong 诉求领域 is asked again with
    the closest names; nothing typed is lost); for a reception-day demand, the six §三(二)
    questions too. Without a terminal, say what is missing."""
    from anshang.documents.forms import QUESTIONS

    needed = [("title", "诉求事项"), ("facts", "事实"), ("reasons", "理由"), ("request", "具体诉求"),
              ("contact", "联系人"), ("phone", "联系电话")]
    if not values.get("enterprise") and not values.get("name"):
        needed.insert(0, ("enterprise", "企业统一社会信用代码"))
    missing = [(k, label) for k, label in needed if not values.get(k)]
    if not values.get("fields"):
        missing.append(("fields", "诉求领域"))
    if not missing and (values.get("declared") or channel != "reception_day" or not interactive):
        return
    if missing and not interactive:
        names = "、".join(f"{label}（--{'field' if k == 'fields' else k}）" for k, label in missing)
        raise AnshangError(f"现场登记缺少：{names}。请用选项给出，或在终端中运行以便逐项询问")
    for key, label in missing:
        if key == "fields":
            values[key] = _ask_fields(settings)
        else:
            values[key] = typer.prompt(label)
    if channel == "reception_day" and not values.get("declared"):
        declared = []
        for key, text, _, applies in QUESTIONS:
            answer = _yes_no(text)
            if (answer and applies == "是") or (not answer and applies == "否"):
                declared.append(key)
        values["declared"] = declared


DECLARE_WORDS = {"judicial": ("诉讼", "复议", "仲裁", "司法"), "discipline": ("纪委", "监委", "纪检"),
                 "petition": ("信访",), "proposal": ("人大", "政协", "提案", "建议"),
                 "vague": ("不明确", "无明确", "不具体", "笼统"), "anonymous": ("匿名", "不实名")}


def _declared_key(word: str) -> str:
    """A §三(二) answer of --declare, given by key (petition) or in Chinese (信访)."""
    w = word.strip()
    if w in DECLARE_WORDS:
        return w
    hits = [k for k, words in DECLARE_WORDS.items() if any(x in w for x in words)]
    if len(hits) == 1:
        return hits[0]
    raise AnshangError("--declare 只能是 " + "、".join(f"{'/'.join(v[:2])}（{k}）" for k, v in DECLARE_WORDS.items())
                       + f"，给出的是 {word!r}")


def _choose(options: list) -> str | None:
    """Which of several enterprises is meant: a numbered list, asked until a number is given
    (an empty answer gives up)."""
    for n, (code, name) in enumerate(options, start=1):
        err(f"  {n}. {name}（{code}）")
    while True:
        answer = typer.prompt("名称相近的企业有以上几家，请输入序号（直接回车放弃）", default="", show_default=False).strip()
        if not answer:
            return None
        if answer.isdigit() and 1 <= int(answer) <= len(options):
            return options[int(answer) - 1][0]
        err(f"请输入 1 到 {len(options)} 之间的序号。")


def _yes_no(question: str) -> bool:
    """是/否 (also y/n, 对/不, 1/0), asked again until it is one of them."""
    yes, no = {"是", "y", "yes", "对", "1", "是的", "有"}, {"否", "n", "no", "不", "0", "不是", "没有", "无"}
    while True:
        answer = typer.prompt(f"{question}（是/否）").strip().lower()
        if answer in yes or answer in no:
            return answer in yes
        err("请回答“是”或“否”。")


def _ask_fields(settings) -> list[str]:
    """诉求领域, asked again (with the closest names) until every one is in the settings."""
    from anshang.documents.forms import closest

    while True:
        answer = typer.prompt("诉求领域（多个用顿号分隔）")
        parts = [x.strip() for x in answer.replace("，", "、").replace(",", "、").split("、") if x.strip()]
        wrong = [x for x in parts if x not in settings.fields]
        if parts and not wrong:
            return parts
        err("；".join(f"领域“{x}”不在设置的领域列表中{closest(x, settings.fields)}" for x in wrong) or "请至少填一个领域")
        err(f"可选：{'、'.join(settings.fields)}")


@app.command()
def screen(
    cases: list[str] | None = typer.Argument(None, metavar="编号", help="要审查的诉求（缺省：全部；已审查的显示原结论）"),
    date: str | None = typer.Option(None, "--date", metavar="日期", help="审查日期，默认今天"),
    by: str | None = typer.Option(None, "--by", metavar="经办人", help="经办人"),
    as_json: bool = typer.Option(False, "--json", help="以 JSON 列表输出 {id, decision, clauses, refer_to, reason}"),
    redo: bool = typer.Option(False, "--redo", help="按规则重新审查已审查的诉求（人工改判的不变）"),
    decision: str | None = typer.Option(None, "--decision", metavar="结论", help=f"人工改判：{choices(DECISIONS)}（写编号或中文均可；须同时给 --reason 和 --clause）"),
    clauses: list[str] | None = typer.Option(None, "--clause", metavar="条款", help="人工改判的依据条款，如 §三(二)3（可重复）"),
    reason: str | None = typer.Option(None, "--reason", metavar="理由", help="人工改判的理由"),
    refer_to: str | None = typer.Option(None, "--refer-to", metavar="单位", help="人工转办的单位：编号、全称或简称"),
    typ: int | None = typer.Option(None, "--type", metavar="N", help="人工受理的 §三(一) 类型 1–5"),
):
    """受理审查：按工作方案判定受理、不予受理（§三(二)1–6）或转属地/部门（§二(三)），并记录依据条款。"""
    import json

    from anshang.core.labels import label
    from anshang.steps.intake import registered_date
    from anshang.steps.screen import override, screen_cases

    settings = CTX.settings
    day = registered_date(date)
    ids = [demand_id(c) for c in cases or []]
    if decision is not None:
        if len(ids) != 1:
            raise AnshangError("人工改判一次只针对一件诉求：anshang screen 编号 --decision … --clause … --reason …")
        results = [(override(CTX.ledger, settings, ids[0], decision, list(clauses or []), reason or "",
                             day, clerk(by), refer_to, typ), True)]
    else:
        results = screen_cases(CTX.ledger, settings, ids or None, day, clerk(by), redo)
    if as_json:
        out(json.dumps([d.as_dict() for d, _ in results], ensure_ascii=False, indent=2) + "\n")
        return
    new = sum(1 for _, fresh in results if fresh)
    shown = results if ids else [(d, fresh) for d, fresh in results if fresh]
    for d, fresh in shown:
        target = f" → {d.refer_to}" if d.refer_to else ""
        out(f"{d.id} {d.title} {label(DECISIONS, d.decision)}{''.join(' ' + c for c in d.clauses)}{target}：{d.reason}"
            f"{'' if fresh else '（原结论）'}\n")
    before = len(results) - new
    err(f"本次审查 {new} 件" + (f"；另有 {before} 件此前已审查（写出编号可查看其结论）" if before and not ids else "") + "。")
