"""Command line: parse options, call one core function, print. Heavy modules load lazily so
``anshang --version`` stays as quick as importing typer."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import List, Optional

import typer

from anshang import __version__
from anshang.errors import EXIT_PROBLEMS, EXIT_USAGE, AnshangError

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
    date: Optional[str] = typer.Option(None, "--date", metavar="日期", help="以该日为“今天”（影响按时间判断的规则），默认今天"),
):
    """检查整个台账：格式、引用、信用代码校验位、重复、日期先后、设置、日历覆盖。

    每个问题一行：相对路径:行号: [代码] 说明。退出码 0 无错误，1 有错误，2 无法读取台账。
    """
    from anshang import checks, report

    ledger = _ledger()
    problems = checks.check_ledger(ledger, _date_opt(date), use_cache=not no_cache)
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


def _maybe_ledger():
    """The selected ledger, or None when none was named and none is found from here."""
    from anshang.ledger import Ledger, find_root

    if State.data or os.environ.get("ANSHANG_DATA"):
        return _ledger()
    try:
        return Ledger(find_root(None))
    except AnshangError:
        return None


def _calendar(provisional: bool):
    """The calendar for computations: the ledger's supplements if there is a ledger, and
    provisional results only when asked for (option or setting)."""
    from anshang.calendar import Calendar, package_arrangements
    from anshang.holidays import load_calendar

    ledger = _maybe_ledger()
    if ledger is None:
        return None, Calendar(package_arrangements(), allow_provisional=provisional)
    from anshang.settings import load_settings

    settings = load_settings(ledger)
    allow = provisional or bool(settings.policy.provisional_calendar)
    return ledger, load_calendar(ledger, provisional=allow)


def _date_arg(value: str, what: str):
    from anshang.dates import parse_date

    try:
        return parse_date(value)
    except ValueError as e:
        raise AnshangError(f"{what}：{e}") from None


PROVISIONAL_HELP = "节假日安排未公布的年份按仅周末休息计算，结果标注“暂定”"


@app.command()
def deadline(
    start: str = typer.Argument(..., metavar="起算日", help="起算日期（当天不计），如 2026-09-30 或 2026年9月30日"),
    workdays: Optional[int] = typer.Option(None, "--workdays", "-w", metavar="N", help="N 个工作日后（负数为往前倒数）"),
    days: Optional[int] = typer.Option(None, "--days", metavar="N", help="N 日后，末日为休息日的顺延（民法典第二百零三条）；负数为往前倒数，末日为休息日的提前"),
    as_json: bool = typer.Option(False, "--json", help="以 JSON 输出 {start, rule, due, provisional, …}"),
    provisional: bool = typer.Option(False, "--provisional", help=PROVISIONAL_HELP),
):
    """计算期限：起算日加 N 个工作日或 N 日，并说明经过了哪些节假日和调休上班日。"""
    import json

    from anshang.calview import explain
    from anshang.dates import cn_date

    if (workdays is None) == (days is None):
        raise AnshangError("请给出 --workdays N 或 --days N 中的一个")
    begin = _date_arg(start, "起算日")
    _, cal = _calendar(provisional)
    if workdays is not None:
        due, kind, n = cal.add_workdays(begin, workdays), "workdays", workdays
    else:
        due, kind, n = cal.add_days(begin, days), "days", days
    notes = explain(cal, due, kind, n)
    if as_json:
        _out(json.dumps({"start": begin.isoformat(), "rule": due.rule, "kind": kind, "n": n,
                         "due": due.due.isoformat(), "provisional": due.provisional,
                         "explanation": notes}, ensure_ascii=False, indent=2) + "\n")
        return
    mark = "（暂定）" if due.provisional else ""
    _out(f"起算日：{cn_date(begin, weekday=True)}（当天不计）\n规则：{due.rule}\n"
         f"截止日：{cn_date(due.due, weekday=True)}{mark}\n说明：\n" + "".join(f"  - {x}\n" for x in notes))


@app.command("calendar")
def calendar_cmd(
    what: Optional[str] = typer.Argument(None, metavar="[年份|年-月|status|add]",
                                         help="2026 显示全年；2026-10 显示一个月；status 查看覆盖情况；add 年份 新建补充文件"),
    year: Optional[int] = typer.Argument(None, metavar="[年份]", help="与 add 连用：要新建的年份"),
    provisional: bool = typer.Option(False, "--provisional", help="未加入的年份按仅周末显示（标注暂定）"),
    date: Optional[str] = typer.Option(None, "--date", metavar="日期", help="status 的“今天”，默认今天"),
):
    """节假日日历：月历（休=放假，班=调休上班）、覆盖情况（status）、新建年度补充文件（add）。"""
    import datetime

    from anshang import calview

    if what == "status":
        import chinese_calendar

        from anshang.calendar import Calendar, package_arrangements
        from anshang.holidays import arrangements, supplement_problems
        from anshang.yamlio import YamlProblem

        ledger = _maybe_ledger()
        docs, broken = [], []
        for rel in ledger.calendar_files() if ledger else []:
            try:
                data = ledger.read(rel)
            except YamlProblem as e:
                broken.append(f"{rel}:{e.line}: {e.message}")
                continue
            errs = [p for p in supplement_problems(data, rel) if p.severity == "error"]
            broken += [f"{p.path}:{p.line}: {p.message}" for p in errs]
            docs.append((rel, data))
        cal = Calendar(arrangements(docs))
        today = _date_arg(date, "--date") if date else datetime.date.today()
        text, warn = calview.status(cal, set(package_arrangements()), today,
                                    getattr(chinese_calendar, "__version__", "?"), broken)
        _out(text)
        if warn or broken:
            raise typer.Exit(EXIT_PROBLEMS)
        return
    if what == "add":
        if year is None:
            raise AnshangError("请给出年份，例如：anshang calendar add 2027")
        from anshang.calendar import Calendar, package_arrangements

        ledger = _ledger()
        rel = f"calendar/{year}.yaml"
        if not 2000 <= year <= 2100:
            raise AnshangError(f"年份 {year} 不合理")
        target = ledger.path(rel)
        if target.exists():
            raise AnshangError(f"{rel} 已存在，未覆盖；请直接编辑它")
        from anshang.fmt import format_text

        text = format_text(calview.skeleton(year, Calendar(package_arrangements())), "calendar")
        with ledger.lock():
            ledger.replace_file(rel, text)
        _out(f"已新建 {rel}。请对照《国务院办公厅关于{year}年部分节假日安排的通知》填写，然后运行 anshang check。\n")
        return
    _, cal = _calendar(provisional)
    today = datetime.date.today()
    if what is None:
        _out(calview.month_grid(cal, today.year, today.month))
        return
    import re

    m = re.fullmatch(r"(\d{4})(?:[-/年](\d{1,2})月?)?", what.strip())
    if not m or (m.group(2) and not 1 <= int(m.group(2)) <= 12):
        raise AnshangError(f"看不懂 {what!r}：请写年份（2026）、年-月（2026-10），或 status、add 年份")
    if m.group(2):
        _out(calview.month_grid(cal, int(m.group(1)), int(m.group(2))))
    else:
        _out(calview.year_grid(cal, int(m.group(1))))


roster_app = typer.Typer(help="企业名录：导入市政府调度企业名单、查询。", no_args_is_help=True)
app.add_typer(roster_app, name="roster")


@roster_app.command("import")
def roster_import(
    file: Path = typer.Argument(..., metavar="名单.xlsx", help="调度企业名单 Excel（表头可在标题行之下）"),
    year: Optional[int] = typer.Option(None, "--year", metavar="年份", help="名单所属年度；缺省取标题中的“20xx年”，再缺省取今年"),
):
    """导入调度企业名单：按统一社会信用代码新增或更新，重复导入不会产生重复。有被拒绝的行时退出码 1。"""
    import datetime

    from anshang.roster import import_roster

    ledger = _ledger(settings=True)
    result = import_roster(ledger, ledger.settings, file, year, datetime.date.today().year)
    for line in result.rejected:
        _out(f"{line}\n")
    _err(f"{result.year} 年调度名单：新增 {len(result.added)}，更新 {len(result.updated)}，"
         f"未变 {len(result.unchanged)}，拒绝 {len(result.rejected)}。")
    if result.rejected:
        raise typer.Exit(EXIT_PROBLEMS)


def _enterprises(ledger):
    from anshang.yamlio import strip_lines

    snap = ledger.load_all(kinds={"enterprise"})
    return [strip_lines(d.data) for d in snap.enterprises if isinstance(d.data, dict)]


def _cats(ent) -> str:
    from anshang.schema import CATEGORIES

    return "、".join(CATEGORIES.get(c, c) for c in ent.get("categories") or []) or "—"


@roster_app.command("show")
def roster_show(query: str = typer.Argument(..., metavar="代码或名称", help="统一社会信用代码（或其前几位）或企业名称的一部分")):
    """查看企业档案。"""
    from anshang.roster import matches

    hits = [e for e in _enterprises(_ledger()) if matches(e, query)]
    if not hits:
        raise AnshangError(f"名录中没有与 {query!r} 相符的企业")
    for e in sorted(hits, key=lambda x: x.get("uscc", "")):
        years = "、".join(str(y) for y in e.get("dispatch_years") or []) or "未纳入"
        lines = [f"{e.get('name')}", f"  统一社会信用代码：{e.get('uscc')}", f"  属地：{e.get('district')}",
                 f"  企业类型：{_cats(e)}", f"  纳入市政府调度年度：{years}"]
        for key, label in (("industry", "行业"), ("legal_rep", "法定代表人"), ("note", "备注")):
            if e.get(key):
                lines.append(f"  {label}：{e[key]}")
        for c in e.get("contacts") or []:
            lines.append("  联系人：" + "，".join(str(c[k]) for k in ("name", "role", "phone", "email") if c.get(k)))
        _out("\n".join(lines) + "\n")


@roster_app.command("list")
def roster_list(
    district: Optional[str] = typer.Option(None, "--district", metavar="属地", help="只列该属地"),
    category: Optional[str] = typer.Option(None, "--category", metavar="类型",
                                           help="above_scale 规上 / listing_reserve 上市后备 / high_tech 高新"),
    year: Optional[int] = typer.Option(None, "--year", metavar="年份", help="只列纳入该年度调度的企业"),
    outside: bool = typer.Option(False, "--outside", help="与 --year 连用：只列未纳入该年度调度的企业"),
    out: Optional[Path] = typer.Option(None, "--out", metavar="文件.xlsx", help="同时导出为 Excel"),
):
    """列出企业名录（每行：代码、名称、属地、类型、调度年度）。"""
    rows = []
    for e in sorted(_enterprises(_ledger()), key=lambda x: (x.get("district", ""), x.get("name", ""))):
        if district and e.get("district") != district:
            continue
        if category and category not in (e.get("categories") or []):
            continue
        if year is not None and (year in (e.get("dispatch_years") or [])) == outside:
            continue
        rows.append([e.get("uscc", ""), e.get("name", ""), e.get("district", ""), _cats(e),
                     "、".join(str(y) for y in e.get("dispatch_years") or []) or "—"])
    for r in rows:
        _out("\t".join(r) + "\n")
    _err(f"共 {len(rows)} 家企业。")
    if out is not None:
        from anshang.xlsxio import write_table

        write_table(out, "企业名录", ["统一社会信用代码", "企业名称", "属地", "企业类型", "纳入调度年度"], rows)
        _err(f"已导出：{out}")


@app.command()
def register(
    paths: Optional[List[Path]] = typer.Argument(None, metavar="[登记表或目录…]", help="填好的登记表 .xlsx，或含登记表的目录（如邮件附件目录）"),
    date: Optional[str] = typer.Option(None, "--date", metavar="日期", help="登记日期，默认今天"),
    add_unknown: bool = typer.Option(False, "--add-unknown", help="名录中没有的企业自动建档（不纳入调度，筛查时将转属地）"),
    channel: str = typer.Option("reception_day", "--channel", metavar="渠道",
                                help="reception_day 接待日（默认）/ hotline 热线 / open_day 部门开放日 / complaint_centre 投诉中心 / leader_visit 领导走访 / service_month 服务月 / other"),
    enterprise: Optional[str] = typer.Option(None, "--enterprise", metavar="代码", help="现场或其他渠道登记：企业统一社会信用代码"),
    name: Optional[str] = typer.Option(None, "--name", metavar="名称", help="企业名称（名录外企业建档时需要）"),
    district: Optional[str] = typer.Option(None, "--district", metavar="属地", help="企业属地（名录外企业建档时需要）"),
    contact: Optional[str] = typer.Option(None, "--contact", metavar="姓名", help="联系人"),
    phone: Optional[str] = typer.Option(None, "--phone", metavar="电话", help="联系电话"),
    email: Optional[str] = typer.Option(None, "--email", metavar="邮箱", help="电子邮箱"),
    fields: Optional[List[str]] = typer.Option(None, "--field", metavar="领域", help="诉求领域（可重复）"),
    title: Optional[str] = typer.Option(None, "--title", metavar="事项", help="诉求事项"),
    facts: Optional[str] = typer.Option(None, "--facts", metavar="事实", help="事实"),
    reasons: Optional[str] = typer.Option(None, "--reasons", metavar="理由", help="理由"),
    request: Optional[str] = typer.Option(None, "--request", metavar="诉求", help="具体诉求"),
    units: Optional[List[str]] = typer.Option(None, "--unit", metavar="单位", help="建议承办单位编号或名称（可重复）"),
    declared: Optional[List[str]] = typer.Option(None, "--declare", metavar="项",
                                                 help="登记时企业回答“是”的排除情形：judicial/discipline/petition/proposal，或 vague/anonymous（可重复）"),
):
    """登记诉求：导入填好的来访企业预约登记表（文件或目录），或现场/其他渠道登记（用选项或按提示输入）。

    同一张表重复导入只提示“已登记为 编号”。有未能登记的表时退出码 1。
    """
    from anshang.intake import register_forms, register_manual, registered_date
    from anshang.schema import CHANNELS

    ledger = _ledger(settings=True)
    day = registered_date(date)
    if channel not in CHANNELS:
        raise AnshangError(f"--channel 只能是：{'、'.join(CHANNELS)}")
    interactive = sys.stdin.isatty()

    def confirm(ent):
        return typer.confirm(f"企业“{ent['name']}”（{ent['uscc']}）不在企业名录中，是否新建档案？", default=True)

    if paths:
        if channel != "reception_day":
            raise AnshangError("登记表只用于接待日诉求；其他渠道请用 --channel 加各项选项登记")
        outcomes = register_forms(ledger, ledger.settings, paths, day, add_unknown,
                                  confirm if interactive else None, _progress)
    else:
        values = {"enterprise": enterprise, "name": name, "district": district, "contact": contact,
                  "phone": phone, "email": email, "fields": list(fields or []), "title": title,
                  "facts": facts, "reasons": reasons, "request": request, "units": list(units or []),
                  "declared": list(declared or [])}
        _ask(values, interactive)
        outcomes = [register_manual(ledger, ledger.settings, values, day, channel, add_unknown,
                                    confirm if interactive else None)]
    counts = {"registered": 0, "duplicate": 0, "rejected": 0}
    for o in outcomes:
        counts[o.status] += 1
        src = Path(o.source).name
        if o.status == "registered":
            extra = "（已新建企业档案）" if o.added_enterprise else ""
            _out(f"已登记 {o.case_id}：{o.enterprise} — {o.title}{extra}\n")
        elif o.status == "duplicate":
            _out(f"{src}: 已登记为 {o.case_id}，未重复登记\n")
        else:
            for p in o.problems:
                _out(f"{src}: {p}\n")
    _err(f"登记 {counts['registered']} 件，已登记过 {counts['duplicate']} 件，未能登记 {counts['rejected']} 件。")
    if counts["rejected"]:
        raise typer.Exit(EXIT_PROBLEMS)


def _ask(values: dict, interactive: bool) -> None:
    """Prompt for what on-site registration still lacks; without a terminal, say what is missing."""
    needed = [("title", "诉求事项"), ("facts", "事实"), ("reasons", "理由"), ("request", "具体诉求"),
              ("contact", "联系人"), ("phone", "联系电话")]
    if not values.get("enterprise") and not values.get("name"):
        needed.insert(0, ("enterprise", "企业统一社会信用代码"))
    missing = [(k, label) for k, label in needed if not values.get(k)]
    if not values.get("fields"):
        missing.append(("fields", "诉求领域"))
    if not missing:
        return
    if not interactive:
        names = "、".join(f"{label}（--{'field' if k == 'fields' else k}）" for k, label in missing)
        raise AnshangError(f"现场登记缺少：{names}。请用选项给出，或在终端中运行以便逐项询问")
    for key, label in missing:
        answer = typer.prompt(label)
        values[key] = [x for x in answer.replace("，", "、").split("、") if x] if key == "fields" else answer


def _progress(items):
    """A progress bar on a terminal for more than a few files; plain iteration otherwise."""
    if len(items) <= 3 or not sys.stderr.isatty():
        return items
    from rich.console import Console
    from rich.progress import track

    return track(items, description="正在导入登记表", console=Console(stderr=True), transient=True)


@app.command()
def screen(
    cases: Optional[List[str]] = typer.Argument(None, metavar="[编号…]", help="要审查的诉求（缺省：全部；已审查的显示原结论）"),
    date: Optional[str] = typer.Option(None, "--date", metavar="日期", help="审查日期，默认今天"),
    by: Optional[str] = typer.Option(None, "--by", metavar="经办人", help="经办人"),
    as_json: bool = typer.Option(False, "--json", help="以 JSON 列表输出 {id, decision, clauses, refer_to, reason}"),
    redo: bool = typer.Option(False, "--redo", help="按规则重新审查已审查的诉求（人工改判的不变）"),
    decision: Optional[str] = typer.Option(None, "--decision", metavar="结论", help="人工改判：accepted / excluded / referred（须同时给 --reason 和 --clause）"),
    clauses: Optional[List[str]] = typer.Option(None, "--clause", metavar="条款", help="人工改判的依据条款，如 §三(二)3（可重复）"),
    reason: Optional[str] = typer.Option(None, "--reason", metavar="理由", help="人工改判的理由"),
    refer_to: Optional[str] = typer.Option(None, "--refer-to", metavar="单位", help="人工转办的单位编号"),
    typ: Optional[int] = typer.Option(None, "--type", metavar="N", help="人工受理的 §三(一) 类型 1–5"),
):
    """受理审查：按工作方案判定受理、不予受理（§三(二)1–6）或转属地/部门（§二(三)），并记录依据条款。"""
    import json

    from anshang.cases import clerk_name
    from anshang.intake import override, registered_date, screen_cases
    from anshang.schema import DECISIONS

    ledger = _ledger(settings=True)
    day = registered_date(date)
    ids = [resolve_id for resolve_id in (_resolve(ledger, c) for c in cases or [])]
    if decision is not None:
        if len(ids) != 1:
            raise AnshangError("人工改判一次只针对一件诉求：anshang screen 编号 --decision … --clause … --reason …")
        results = [(override(ledger, ledger.settings, ids[0], decision, list(clauses or []), reason or "",
                             day, clerk_name(by), refer_to, typ), True)]
    else:
        results = screen_cases(ledger, ledger.settings, ids or None, day, clerk_name(by), redo)
    if as_json:
        _out(json.dumps([d.as_dict() for d, _ in results], ensure_ascii=False, indent=2) + "\n")
        return
    new = 0
    for d, fresh in results:
        new += fresh
        target = f" → {d.refer_to}" if d.refer_to else ""
        _out(f"{d.id} {DECISIONS.get(d.decision, d.decision)} {' '.join(d.clauses)}{target}：{d.reason}"
             f"{'' if fresh else '（原结论）'}\n")
    _err(f"本次审查 {new} 件，列出 {len(results)} 件。")


session_app = typer.Typer(help="接待日场次：年度轮值计划、通告、场次一览与通知名单。", no_args_is_help=True)
app.add_typer(session_app, name="session")


@session_app.command("plan")
def session_plan(
    year: int = typer.Argument(..., metavar="年份"),
    count: Optional[int] = typer.Option(None, "--count", metavar="N", help="场次数（不少于设置的每年最少次数）"),
    dry_run: bool = typer.Option(False, "--dry-run", help="只显示方案，不写文件"),
    as_json: bool = typer.Option(False, "--json", help="以 JSON 输出每场 {date, leader, fields, notice_date, registration_from, registration_to}"),
    provisional: bool = typer.Option(False, "--provisional", help=PROVISIONAL_HELP),
):
    """排定一年的接待日：不少于规定场次，领导轮值，均在工作日，附通告日期和预约登记时间。"""
    import json

    from anshang.dates import cn_date
    from anshang.reception import plan

    ledger, cal = _calendar(provisional)
    if ledger is None:
        ledger = _ledger()
    settings = _settings(ledger)
    proposal, existing = plan(ledger, settings, cal, year, count, write=not dry_run)
    if as_json:
        _out(json.dumps([p.as_dict() for p in proposal], ensure_ascii=False, indent=2) + "\n")
    else:
        for p in proposal:
            mark = "（暂定）" if p.provisional else ""
            _out(f"{p.id}{mark}  {cn_date(p.date, weekday=True)}  {p.leader}  {'、'.join(p.fields)}  "
                 f"通告 {p.notice_date.isoformat()}  预约 {p.registration_from.isoformat()}–{p.registration_to.isoformat()}\n")
    if dry_run:
        _err(f"以上为 {year} 年方案（未写入）" + (f"；已有场次：{'、'.join(existing)}" if existing else "") + "。")
    else:
        _err(f"已写入 {len(proposal)} 个场次文件（sessions/{year}/），可按需编辑日期、地点和受理领域。")


def _settings(ledger):
    from anshang.settings import load_settings

    if getattr(ledger, "settings", None) is None:
        ledger.settings = load_settings(ledger)
    return ledger.settings


@session_app.command("notice")
def session_notice(
    session: str = typer.Argument(..., metavar="场次", help="场次编号或日期"),
    out: Optional[Path] = typer.Option(None, "--out", metavar="文件", help="写入文件（默认输出到屏幕）"),
):
    """按模板生成接待日通告（附件1）。台账中有 templates/notice.md 时优先使用它。"""
    from anshang.notice import render, values_for
    from anshang.reception import find_session, world_for
    from anshang.sessions import session_fields
    from anshang.templates import template_path
    from anshang.yamlio import atomic_write

    ledger = _ledger(settings=True)
    world = world_for(ledger, with_cases=False)
    sid = find_session(world, session)
    s = world.sessions[sid]
    leader = world.leaders.get(s.get("leader"))
    if leader is None:
        raise AnshangError(f"场次 {sid} 的接待领导 {s.get('leader')!r} 不在 leaders.yaml 中")
    own = ledger.root / "templates" / "notice.md"
    tpl = own if own.is_file() else template_path("notice.md")
    text = render(tpl.read_text(encoding="utf-8"), values_for(s, leader, ledger.settings, session_fields(s, world.leaders)),
                  str(tpl.name if tpl != own else "templates/notice.md"))
    if out is None:
        _out(text)
    else:
        atomic_write(out, text)
        _err(f"已写入 {out}")


@session_app.command("list")
def session_list(year: Optional[int] = typer.Option(None, "--year", metavar="年份", help="只列该年")):
    """列出场次：日期、领导、受理领域、通告日期、已安排/容量、状态。"""
    from anshang.reception import scheduled_in, world_for
    from anshang.schema import SESSION_STATUS
    from anshang.sessions import session_fields

    ledger = _ledger(settings=True)
    world = world_for(ledger)
    cap_default = ledger.settings.policy.session_capacity
    for sid in sorted(world.sessions):
        s = world.sessions[sid]
        if year and not sid.startswith(str(year)):
            continue
        leader = world.leaders.get(s.get("leader"), {})
        used = len(scheduled_in(world, sid))
        cap = s.get("capacity") or cap_default
        mark = "（暂定）" if s.get("provisional") else ""
        _out(f"{sid}{mark}\t{leader.get('title', '')}{leader.get('name', s.get('leader'))}\t"
             f"{'、'.join(session_fields(s, world.leaders))}\t通告 {s.get('notice_date', '—')}\t"
             f"{used}/{cap}\t{SESSION_STATUS.get(s.get('status', 'planned'), '')}\n")


@session_app.command("show")
def session_show(session: str = typer.Argument(..., metavar="场次", help="场次编号或日期")):
    """查看一个场次：领导、领域、日期、通告日期、容量，以及已安排的企业和联系人。"""
    from anshang.dates import cn_date, parse_date
    from anshang.reception import call_list_rows, find_session, world_for
    from anshang.sessions import session_fields

    ledger = _ledger(settings=True)
    world = world_for(ledger)
    sid = find_session(world, session)
    s = world.sessions[sid]
    leader = world.leaders.get(s.get("leader"), {})
    rows = call_list_rows(world, sid)
    cap = s.get("capacity") or ledger.settings.policy.session_capacity
    lines = [f"场次 {sid}{'（暂定）' if s.get('provisional') else ''}",
             f"  日期：{cn_date(parse_date(s['date']), weekday=True)}",
             f"  接待领导：{leader.get('title', '')}{leader.get('name', s.get('leader'))}",
             f"  受理领域：{'、'.join(session_fields(s, world.leaders))}",
             f"  地点：{s.get('place') or (ledger.settings.contact or {}).get('place') or '—'}",
             f"  通告日期：{s.get('notice_date', '—')}；预约登记：{s.get('registration_from', '—')} 至 {s.get('registration_to', '—')}",
             f"  已安排：{len(rows)}/{cap}"]
    for r in rows:
        lines.append(f"  - {r[0]} {r[1]}（{r[2]} {r[3]}）：{r[4]}")
    _out("\n".join(lines) + "\n")


@session_app.command("contacts")
def session_contacts(
    session: str = typer.Argument(..., metavar="场次", help="场次编号或日期"),
    out: Optional[Path] = typer.Option(None, "--out", metavar="文件.xlsx", help="默认写到台账的 output/ 目录"),
):
    """生成通知企业用的电话名单（Excel）。"""
    from anshang.reception import call_list_rows, find_session, world_for
    from anshang.xlsxio import write_table

    ledger = _ledger(settings=True)
    world = world_for(ledger)
    sid = find_session(world, session)
    rows = call_list_rows(world, sid)
    target = out or (ledger.output_dir / f"接待日{sid}-通知名单.xlsx")
    write_table(target, f"{sid}通知名单", ["诉求编号", "企业", "联系人", "联系电话", "诉求事项", "领域", "登记日期", "通知情况"], rows)
    _out(f"已写入 {target}（{len(rows)} 家）\n")


@app.command("match")
def match_cmd(
    session: Optional[str] = typer.Option(None, "--session", metavar="场次", help="当期场次（默认：今天起第一个计划中的场次）"),
    dry_run: bool = typer.Option(False, "--dry-run", help="只显示结果，不写文件"),
    as_json: bool = typer.Option(False, "--json", help="以 JSON 输出 {id, session, status: scheduled|deferred|waiting, reason}"),
    explain: Optional[str] = typer.Option(None, "--explain", metavar="编号", help="说明一件诉求为何这样安排"),
    release: Optional[str] = typer.Option(None, "--release", metavar="编号", help="把一件诉求移出已安排的场次"),
    date: Optional[str] = typer.Option(None, "--date", metavar="日期", help="以该日为“今天”，默认今天"),
):
    """双向匹配：已受理的接待日诉求按领域安排到当期场次，其余择期安排或等待，均说明理由。"""
    import json

    from anshang.reception import apply_matches, find_session, world_for
    from anshang.reception import release as do_release
    from anshang.sessions import match

    ledger = _ledger(settings=True)
    today = _date_opt(date)
    if release:
        cid = _resolve(ledger, release)
        old = do_release(ledger, cid)
        _out(f"已将 {cid} 移出{('场次 ' + old) if old else '（原本未安排场次）'}；下次 match 时重新安排\n")
        return
    world = world_for(ledger)
    target = find_session(world, session) if session else None
    results = match(world.cases, world.sessions, world.leaders, ledger.settings.policy.session_capacity,
                    today, target)
    if explain:
        cid = _resolve(ledger, explain)
        hit = [m for m in results if m.id == cid]
        if not hit:
            raise AnshangError(f"{cid} 不参与匹配：只有已受理、尚未接待的接待日诉求才安排场次")
        m = hit[0]
        _out(f"{cid}：{ {'scheduled': '当期安排', 'deferred': '择期安排', 'waiting': '待有场次'}[m.status]}"
             f"{(' ' + m.session) if m.session else ''}\n理由：{m.reason}\n" + "".join(f"  - {t}\n" for t in m.trace))
        return
    if not dry_run:
        apply_matches(ledger, results, today)
    if as_json:
        _out(json.dumps([m.as_dict() for m in results], ensure_ascii=False, indent=2) + "\n")
    else:
        names = {"scheduled": "当期安排", "deferred": "择期安排", "waiting": "待有场次"}
        for m in results:
            _out(f"{m.id} {names[m.status]} {m.session or '—'}：{m.reason}{'（保持）' if m.kept else ''}\n")
    counts = {k: sum(1 for m in results if m.status == k) for k in ("scheduled", "deferred", "waiting")}
    _err(f"当期安排 {counts['scheduled']}，择期安排 {counts['deferred']}，待有场次 {counts['waiting']}"
         + ("（未写入）" if dry_run else "") + "。")


def _loop_ctx(provisional: bool = False):
    """Ledger (settings validated) and its calendar, for the steps that compute deadlines."""
    ledger, cal = _calendar(provisional)
    if ledger is None:
        ledger = _ledger()
    _settings(ledger)
    return ledger, cal


@app.command()
def receive(
    case: str = typer.Argument(..., metavar="编号", help="诉求编号或唯一前缀"),
    outcome: str = typer.Option(..., "--outcome", metavar="结果", help="solved 当场解决 / handover 交办 / explained 解释说明"),
    lead: Optional[str] = typer.Option(None, "--lead", metavar="单位", help="牵头单位编号（交办时；缺省取建议承办单位的第一个）"),
    co: Optional[List[str]] = typer.Option(None, "--co", metavar="单位", help="配合单位编号（可重复；缺省取其余建议承办单位）"),
    instruction: Optional[str] = typer.Option(None, "--instruction", metavar="意见", help="接待领导的交办意见"),
    date: Optional[str] = typer.Option(None, "--date", metavar="日期", help="接待或交办日期，默认取场次日期"),
    note: Optional[str] = typer.Option(None, "--note", metavar="说明", help="说明（如当场解决的情况、解释的要点）"),
    provisional: bool = typer.Option(False, "--provisional", help=PROVISIONAL_HELP),
):
    """记录接待结果；交办时按规则写入落实情况（7个工作日）和办理结果（30日）两个期限。"""
    from anshang.dates import cn_date
    from anshang.handling import receive as do_receive
    from anshang.reception import world_for

    ledger, cal = _loop_ctx(provisional)
    cid = _resolve(ledger, case)
    world = world_for(ledger)
    day = _date_arg(date, "--date") if date else None
    res = do_receive(ledger, ledger.settings, cal, world, cid, outcome, day, lead, list(co or []),
                     instruction, note, _by(None))
    from anshang.schema import OUTCOMES

    _out(f"已记录 {cid}：{OUTCOMES[outcome]}（{res['outcome']['date'].isoformat()}）\n")
    for kind, d in res["deadlines"].items():
        label = {"progress": "落实情况", "result": "办理结果"}[kind]
        _out(f"  {label}：{cn_date(d['due'], weekday=True)}前（{d['rule']}）{'（暂定）' if d['provisional'] else ''}\n")


def _by(by):
    from anshang.cases import clerk_name

    return clerk_name(by)


@app.command()
def slip(
    case: str = typer.Argument(..., metavar="编号", help="诉求编号或唯一前缀"),
    out: Optional[Path] = typer.Option(None, "--out", metavar="文件.xlsx", help="默认写到台账的 output/ 目录"),
):
    """填写企业诉求交办单（附件3）。台账中有 templates/handover.xlsx 时优先使用它。"""
    from anshang.ledger import Ledger
    from anshang.slip import fill, slip_values
    from anshang.templates import template_path
    from anshang.yamlio import atomic_write, strip_lines

    ledger = _ledger(settings=True)
    cid = _resolve(ledger, case)
    c = strip_lines(ledger.read(Ledger.case_rel(cid)))
    if (c.get("outcome") or {}).get("kind") != "handover":
        raise AnshangError(f"{cid} 不是交办件，没有交办单（先 anshang receive {cid} --outcome handover）")
    ent = _maybe_read(ledger, Ledger.enterprise_rel(c["enterprise"])) if c.get("enterprise") else None
    sess = _maybe_read(ledger, Ledger.session_rel(c["session"])) if c.get("session") else None
    people = _maybe_read(ledger, "leaders.yaml") or {}
    leader = next((x for x in people.get("leaders") or [] if sess and x.get("id") == sess.get("leader")), None)
    units = {u["id"]: u for u in (_maybe_read(ledger, "units.yaml") or {}).get("units") or [] if isinstance(u, dict)}
    own = ledger.root / "templates" / "handover.xlsx"
    tpl = own if own.is_file() else template_path("handover.xlsx")
    data = fill(tpl, slip_values(c, ent, sess, leader, units, ledger.settings))
    target = out or (ledger.output_dir / f"交办单-{cid}.xlsx")
    atomic_write(target, data)
    _out(f"已生成交办单：{target}\n")


def _maybe_read(ledger, rel):
    from anshang.yamlio import strip_lines

    try:
        return strip_lines(ledger.read(rel))
    except FileNotFoundError:
        return None


@app.command()
def report(
    case: str = typer.Argument(..., metavar="编号", help="诉求编号或唯一前缀"),
    kind: str = typer.Argument(..., metavar="类别", help="progress 落实情况 / result 办理结果 / periodic 十日一报"),
    date: Optional[str] = typer.Option(None, "--date", metavar="日期", help="报送日期，默认今天"),
    unit: Optional[str] = typer.Option(None, "--unit", metavar="单位", help="报送单位，默认牵头单位"),
    note: Optional[str] = typer.Option(None, "--note", metavar="内容", help="报送内容摘要"),
    by: Optional[str] = typer.Option(None, "--by", metavar="经办人"),
):
    """记录承办单位报送：落实情况、办理结果，或长期整改的十日一报（并算出下一次的期限）。"""
    from anshang.dates import cn_date
    from anshang.handling import report as do_report

    if kind not in ("progress", "result", "periodic"):
        raise AnshangError("类别只能是 progress（落实情况）、result（办理结果）或 periodic（十日一报）")
    ledger, cal = _loop_ctx()
    cid = _resolve(ledger, case)
    res = do_report(ledger, ledger.settings, cal, cid, kind, _date_opt(date), unit, note, _by(by))
    _out(f"已记录 {cid}：{ {'progress': '报送落实情况', 'result': '报送办理结果', 'periodic': '十日一报'}[kind]}\n")
    if res["next"]:
        _out(f"  下一次报送：{cn_date(res['next']['due'], weekday=True)}前（{res['next']['rule']}）\n")


@app.command()
def longterm(
    case: str = typer.Argument(..., metavar="编号"),
    date: Optional[str] = typer.Option(None, "--date", metavar="日期", help="默认今天"),
    note: Optional[str] = typer.Option(None, "--note", metavar="说明", help="需长期整改的原因"),
    by: Optional[str] = typer.Option(None, "--by", metavar="经办人"),
):
    """转为长期整改：此后每 10 日（按设置）报送一次进展，直至报送办理结果。"""
    from anshang.dates import cn_date
    from anshang.handling import longterm as do_longterm

    ledger, cal = _loop_ctx()
    cid = _resolve(ledger, case)
    nxt = do_longterm(ledger, ledger.settings, cal, cid, _date_opt(date), note, _by(by))
    _out(f"已转为长期整改：{cid}；第一次十日一报 {cn_date(nxt['due'], weekday=True)}前\n")


@app.command()
def extend(
    case: str = typer.Argument(..., metavar="编号"),
    kind: str = typer.Option("result", "--kind", metavar="期限", help="progress / result（默认）/ periodic"),
    to: str = typer.Option(..., "--to", metavar="日期", help="新的截止日期"),
    reason: str = typer.Option(..., "--reason", metavar="理由", help="延期理由（必填）"),
    date: Optional[str] = typer.Option(None, "--date", metavar="日期", help="申请日期，默认今天；须在原期限届满前"),
    by: Optional[str] = typer.Option(None, "--by", metavar="经办人"),
):
    """延期：在期限届满前申请，记录新截止日期和理由。"""
    from anshang.handling import extend as do_extend

    ledger = _ledger(settings=True)
    cid = _resolve(ledger, case)
    rec = do_extend(ledger, cid, kind, _date_arg(to, "--to"), reason, _date_opt(date), _by(by))
    _out(f"已延期 {cid}：{kind} 截止日期改为 {rec['due'].isoformat()}\n")


@app.command()
def reassign(
    case: str = typer.Argument(..., metavar="编号"),
    lead: str = typer.Option(..., "--lead", metavar="单位", help="新的牵头单位编号"),
    co: Optional[List[str]] = typer.Option(None, "--co", metavar="单位", help="新的配合单位（可重复）"),
    reason: str = typer.Option(..., "--reason", metavar="理由", help="调整理由（如原单位提出的异议）"),
    date: Optional[str] = typer.Option(None, "--date", metavar="日期", help="默认今天"),
    by: Optional[str] = typer.Option(None, "--by", metavar="经办人"),
):
    """调整承办单位（单位对交办有异议时）；尚未完成的期限从调整之日重新起算。"""
    from anshang.dates import cn_date
    from anshang.handling import reassign as do_reassign
    from anshang.reception import world_for

    ledger, cal = _loop_ctx()
    cid = _resolve(ledger, case)
    restart = do_reassign(ledger, ledger.settings, cal, world_for(ledger, with_cases=False), cid, lead,
                          list(co or []), reason, _date_opt(date), _by(by))
    _out(f"已调整 {cid} 的承办单位：牵头 {lead}\n")
    for kind, d in restart.items():
        _out(f"  {'落实情况' if kind == 'progress' else '办理结果'}重新起算：{cn_date(d['due'], weekday=True)}前\n")


@app.command()
def reply(
    case: str = typer.Argument(..., metavar="编号"),
    note: Optional[str] = typer.Option(None, "--note", metavar="内容", help="答复要点"),
    date: Optional[str] = typer.Option(None, "--date", metavar="日期", help="默认今天"),
    by: Optional[str] = typer.Option(None, "--by", metavar="经办人"),
):
    """记录答复企业。"""
    from anshang.handling import reply as do_reply

    ledger = _ledger(settings=True)
    cid = _resolve(ledger, case)
    do_reply(ledger, cid, _date_opt(date), note, _by(by))
    _out(f"已记录答复：{cid}\n")


@app.command()
def revisit(
    case: str = typer.Argument(..., metavar="编号"),
    satisfaction: str = typer.Option(..., "--satisfaction", metavar="满意度", help="满意 / 基本满意 / 不满意（不满意将重新办理）"),
    note: Optional[str] = typer.Option(None, "--note", metavar="内容", help="回访记录"),
    date: Optional[str] = typer.Option(None, "--date", metavar="日期", help="默认今天"),
    by: Optional[str] = typer.Option(None, "--by", metavar="经办人"),
):
    """记录回访和满意度；“不满意”时重新办理，办理结果期限从回访之日重新起算。"""
    from anshang.dates import cn_date
    from anshang.handling import revisit as do_revisit

    ledger, cal = _loop_ctx()
    cid = _resolve(ledger, case)
    res = do_revisit(ledger, ledger.settings, cal, cid, satisfaction, _date_opt(date), note, _by(by))
    _out(f"已记录回访：{cid}（{satisfaction}）\n")
    if res["reopened"]:
        _out("  企业不满意，已重新办理" + (f"；办理结果 {cn_date(res['result']['due'], weekday=True)}前报送" if res["result"] else "") + "\n")


@app.command()
def close(
    case: str = typer.Argument(..., metavar="编号"),
    note: Optional[str] = typer.Option(None, "--note", metavar="说明"),
    date: Optional[str] = typer.Option(None, "--date", metavar="日期", help="默认今天"),
    by: Optional[str] = typer.Option(None, "--by", metavar="经办人"),
):
    """办结（销号）。仍有未完成事项（未报办理结果、未答复、回访不满意、长期整改中）时拒绝并说明原因（退出码 1）。"""
    from anshang.handling import close as do_close

    ledger = _ledger(settings=True)
    cid = _resolve(ledger, case)
    do_close(ledger, cid, _date_opt(date), note, _by(by))
    _out(f"已办结：{cid}\n")


@app.command()
def due(
    date: Optional[str] = typer.Option(None, "--date", metavar="日期", help="截至哪天，默认今天"),
    within: Optional[int] = typer.Option(None, "--within", metavar="N", help="列出 N 个工作日内到期的（默认取设置的预警期）"),
    unit: Optional[str] = typer.Option(None, "--unit", metavar="单位", help="只看该承办单位"),
    as_json: bool = typer.Option(False, "--json", help="以 JSON 输出 {id, unit, kind, basis, rule, due, overdue_workdays}"),
):
    """到期与超期：按承办单位列出即将到期和已超期的报送事项，超期按工作日计。"""
    import json

    from anshang.followup import due_items, overdue, unit_name
    from anshang.holidays import load_calendar
    from anshang.reception import world_for
    from anshang.schema import DEADLINE_KINDS

    ledger = _ledger(settings=True)
    today = _date_opt(date)
    cal = load_calendar(ledger, provisional=True)  # counting only; stored due dates are not recomputed
    world = world_for(ledger)
    n = ledger.settings.policy.warning_workdays if within is None else within
    items, guessed = due_items(world.cases, cal, today, n, unit)
    if as_json:
        rows = [{**ob.as_dict(cal, today), "overdue_workdays": overdue(ob, cal, today)} for ob in items]
        _out(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
        return
    late = [o for o in items if o.due < today]
    from anshang.dates import cn_date

    _out(f"截至{cn_date(today, weekday=True)}：超期 {len(late)} 项，{n} 个工作日内到期 {len(items) - len(late)} 项"
         + ("（预警范围跨入节假日安排未知的年份，按周末估算）" if guessed else "") + "\n")
    current = None
    for ob in items:
        if ob.unit != current:
            current = ob.unit
            _out(f"{unit_name(world.units, ob.unit)}（{ob.unit}）\n")
        late_by = overdue(ob, cal, today)
        state = f"超期 {late_by} 个工作日" if ob.due < today else ("今天到期" if ob.due == today else "即将到期")
        title = world.cases[ob.id].get("title", "")
        _out(f"  {ob.id} {DEADLINE_KINDS[ob.kind]} 截止 {ob.due.isoformat()}{'（暂定）' if ob.provisional else ''} "
             f"{state} — {title}\n")


@app.command()
def chase(
    date: Optional[str] = typer.Option(None, "--date", metavar="日期", help="截至哪天，默认今天"),
    out: Optional[Path] = typer.Option(None, "--out", metavar="目录", help="默认写到台账的 output/ 目录"),
    no_record: bool = typer.Option(False, "--no-record", help="只生成通知，不在诉求中记录催办/督办"),
):
    """催办：为每个有超期事项的承办单位生成催办通知；超期超过设置天数的列入督办清单。"""
    from anshang.followup import chase_notice, due_items, overdue, supervision_list
    from anshang.handling import record_chases
    from anshang.holidays import load_calendar
    from anshang.reception import world_for
    from anshang.xlsxio import ensure_inside, safe_filename
    from anshang.yamlio import atomic_write

    ledger = _ledger(settings=True)
    today = _date_opt(date)
    cal = load_calendar(ledger, provisional=True)
    world = world_for(ledger)
    items, _ = due_items(world.cases, cal, today, 0)
    late = [o for o in items if o.due < today]
    folder = out or ledger.output_dir
    folder.mkdir(parents=True, exist_ok=True)
    by_unit: dict = {}
    for ob in late:
        by_unit.setdefault(ob.unit, []).append(ob)
    threshold = ledger.settings.policy.supervise_after_workdays
    flagged = [o for o in late if overdue(o, cal, today) > threshold]
    for u, obs in sorted(by_unit.items()):
        target = ensure_inside(folder, safe_filename(f"催办通知-{today.isoformat()}-{u}") + ".md")
        atomic_write(target, chase_notice(u, obs, world.cases, world.units, world.enterprises, cal, today,
                                          ledger.settings.office))
        _out(f"催办通知：{target}（{len(obs)} 项）\n")
    if flagged:
        target = ensure_inside(folder, f"督办清单-{today.isoformat()}.md")
        atomic_write(target, supervision_list(flagged, world.cases, world.units, cal, today, threshold,
                                              ledger.settings.office))
        _out(f"督办清单：{target}（{len(flagged)} 项，超期 {threshold} 个工作日以上）\n")
    if not late:
        _out("没有超期事项，无需催办。\n")
    if not no_record and late:
        n = record_chases(ledger, late, flagged, today, _by(None))
        _err(f"已在 {n} 件诉求中记录催办或督办。")


@app.command()
def show(
    case: str = typer.Argument(..., metavar="编号", help="诉求编号或唯一前缀"),
    date: Optional[str] = typer.Option(None, "--date", metavar="日期", help="以该日判断是否超期，默认今天"),
):
    """查看一件诉求的全过程：登记、审查、场次、接待结果、每次报送和各期限是否按时。"""
    from anshang.followup import timeline
    from anshang.holidays import load_calendar
    from anshang.ledger import Ledger
    from anshang.yamlio import strip_lines

    ledger = _ledger()
    cid = _resolve(ledger, case)
    c = strip_lines(ledger.read(Ledger.case_rel(cid)))
    ent = _maybe_read(ledger, Ledger.enterprise_rel(c["enterprise"])) if c.get("enterprise") else None
    sess = _maybe_read(ledger, Ledger.session_rel(c["session"])) if c.get("session") else None
    leaders = {x["id"]: x for x in (_maybe_read(ledger, "leaders.yaml") or {}).get("leaders") or [] if isinstance(x, dict)}
    units = {u["id"]: u for u in (_maybe_read(ledger, "units.yaml") or {}).get("units") or [] if isinstance(u, dict)}
    cal = load_calendar(ledger, provisional=True)
    _out(timeline(c, ent, sess, leaders, units, cal, _date_opt(date)))


@app.command()
def weekly(
    date: Optional[str] = typer.Option(None, "--date", metavar="日期", help="数据日期，默认今天"),
    out: Optional[Path] = typer.Option(None, "--out", metavar="目录", help="默认写到台账的 output/ 目录"),
):
    """生成每周企业诉求台账 Excel：诉求台账、到期与超期、承办单位统计、接待场次、共性问题、说明。"""
    from anshang.holidays import load_calendar
    from anshang.reception import world_for
    from anshang.weekly import build, week_name
    from anshang.xlsxio import ensure_inside
    from anshang.yamlio import atomic_write

    ledger = _ledger(settings=True)
    today = _date_opt(date)
    cal = load_calendar(ledger, provisional=True)  # counting only; stored deadlines are shown as stored
    world = world_for(ledger)
    data, summary = build(world, cal, ledger.settings, today, _steps)
    folder = out or ledger.output_dir
    target = ensure_inside(folder, week_name(today))
    atomic_write(target, data)
    _summary_table(summary, target)


def _steps(items):
    """A progress bar over the workbook's sheets on a terminal."""
    if not sys.stderr.isatty():
        return items
    from rich.console import Console
    from rich.progress import track

    return track(items, description="正在生成台账", console=Console(stderr=True), transient=True)


def _summary_table(summary: dict, target) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title="本周台账", show_header=False)
    for label, key in (("诉求", "cases"), ("超期", "overdue"), ("即将到期", "soon"), ("已办结", "closed"),
                       ("共性问题组", "common_groups")):
        table.add_row(label, str(summary.get(key, 0)))
    console = Console(file=sys.stdout, width=100)
    console.print(table)
    console.print(f"已写入：{target}")


@app.command()
def stats(
    year: Optional[int] = typer.Option(None, "--year", metavar="年份", help="只统计该年登记的诉求"),
    date: Optional[str] = typer.Option(None, "--date", metavar="日期", help="以该日判断超期，默认今天"),
    as_json: bool = typer.Option(False, "--json", help="以 JSON 输出 {overall, by_unit, by_leader, by_field}"),
):
    """统计：受理、办结率、按时报送率、满意率，分总体、承办单位、接待领导、领域。"""
    import json

    from anshang.reception import world_for
    from anshang.report_data import statistics

    ledger = _ledger(settings=True)
    world = world_for(ledger)
    result = statistics(world, _date_opt(date), year)
    if as_json:
        _out(json.dumps(result, ensure_ascii=False, indent=2) + "\n")
        return

    def pct(v):
        return "—" if v is None else f"{v * 100:.1f}%"

    def line(name, f):
        return (f"{name}\t登记 {f['registered']}\t受理 {f['accepted']}\t交办 {f['handed_over']}\t办结 {f['closed']}"
                f"\t办结率 {pct(f['closure_rate'])}\t按时报送率 {pct(f['on_time_rate'])}"
                f"\t满意率 {pct(f['satisfaction_rate'])}\t超期 {f['overdue']}\n")

    _out(line("总体", result["overall"]))
    for title, key, names in (("按承办单位", "by_unit", {u: v.get("name", u) for u, v in world.units.items()}),
                              ("按接待领导", "by_leader", {k: f"{v.get('title', '')}{v.get('name', k)}" for k, v in world.leaders.items()}),
                              ("按领域", "by_field", {})):
        _out(f"{title}：\n")
        for k, f in result[key].items():
            _out("  " + line(names.get(k, k), f))


@app.command()
def publish(
    date: Optional[str] = typer.Option(None, "--date", metavar="日期", help="数据日期，默认今天"),
    out: Optional[Path] = typer.Option(None, "--out", metavar="目录", help="默认写到台账的 output/ 目录"),
):
    """公开反馈：生成政府门户网站用的办理进度表（Excel 和 Markdown），不含联系人、电话、邮箱等个人信息。"""
    from anshang.reception import world_for
    from anshang.report_data import PUBLIC_HEADERS, public_rows
    from anshang.xlsxio import ensure_inside, write_table
    from anshang.yamlio import atomic_write

    ledger = _ledger(settings=True)
    today = _date_opt(date)
    rows = public_rows(world_for(ledger), today)
    folder = out or ledger.output_dir
    base = f"公开反馈-{today.isoformat()}"
    xlsx = ensure_inside(folder, base + ".xlsx")
    write_table(xlsx, "办理进度", PUBLIC_HEADERS, rows)
    from anshang.dates import cn_date

    md = [f"# {ledger.settings.city}“市长服务民营企业接待日”企业诉求办理进度", "",
          f"截至{cn_date(today)}，共 {len(rows)} 件。", "",
          "| " + " | ".join(PUBLIC_HEADERS) + " |", "|" + "---|" * len(PUBLIC_HEADERS)]
    for r in rows:
        md.append("| " + " | ".join(str(v).replace("|", "｜") for v in r) + " |")
    md += ["", ledger.settings.office, ""]
    target_md = ensure_inside(folder, base + ".md")
    atomic_write(target_md, "\n".join(md))
    _out(f"已写入：{xlsx}\n已写入：{target_md}\n")


@app.command()
def xlsx2text(file: Path = typer.Argument(..., metavar="文件.xlsx")):
    """把 Excel 工作簿打印为稳定的文本（用作 git 的 textconv，让 git diff 能比较工作簿）。"""
    from anshang.xlsxio import BookProblem, open_workbook

    try:
        wb = open_workbook(file, read_only=True)
    except BookProblem as e:
        raise AnshangError(f"{file}: {e}") from None
    for ws in wb.worksheets:
        _out(f"== {ws.title} ==\n")
        for row in ws.iter_rows(values_only=True):
            cells = ["" if v is None else str(v).replace("\t", " ").replace("\n", "⏎") for v in row]
            while cells and cells[-1] == "":
                cells.pop()
            _out("\t".join(cells) + "\n")


def _resolve(ledger, prefix: str) -> str:
    from anshang.cases import find_case

    return find_case(ledger, prefix)


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

    if _may_show_help(sys.argv[1:]):
        try:
            import typer.rich_utils  # noqa: F401 - so that clicn can retitle its panels
        except ImportError:
            pass
    clicn.install()


def _may_show_help(argv: list[str]) -> bool:
    """Whether this run can print a help page (only then is rich's help renderer loaded)."""
    if any(a in ("-h", "--help") for a in argv):
        return True
    words = [a for i, a in enumerate(argv) if not a.startswith("-") and not (i and argv[i - 1] in ("--data", "-d"))]
    return not words or (len(words) == 1 and words[0] in ("roster", "session"))


def main() -> None:
    """Entry point: run the app, turning every anticipated failure into a message and exit code."""
    if sys.argv[1:] == ["--version"]:
        # answered before typer builds the whole command tree: scripts call this often
        sys.stdout.write(f"anshang {__version__}\n")
        return
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

