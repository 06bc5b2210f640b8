"""The ledger itself: init, check, fmt, note, renumber, edit, xlsx2text, and its document templates."""

from __future__ import annotations

from pathlib import Path

import typer

from anshang.cli import app, template_app
from anshang.cli.context import CTX, case_id, clerk, err, out, today
from anshang.core.problems import EXIT_PROBLEMS


@app.command()
def init(
    folder: Path = typer.Argument(..., metavar="目录", help="新台账目录（不存在则创建；须为空目录）"),
    city: str | None = typer.Option(None, "--city", help="城市名称，例如 北岚市"),
):
    """新建一个空台账：设置（带注释）、领导、单位和各数据目录。"""
    from anshang.steps.setup import init_ledger

    created = init_ledger(folder, city=city)
    out(f"已新建台账：{created}\n下一步：编辑 {created / 'anshang.yaml'}、leaders.yaml、units.yaml，"
        f"然后运行 anshang --data {folder} check\n")


@app.command()
def check(
    as_json: bool = typer.Option(False, "--json", help="以 JSON 列表输出 {path, line, code, severity, message}"),
    strict: bool = typer.Option(False, "--strict", help="有警告也以退出码 1 结束"),
    no_cache: bool = typer.Option(False, "--no-cache", help="不使用缓存，重新读取全部文件"),
    date: str | None = typer.Option(None, "--date", metavar="日期", help="以该日为“今天”（影响按时间判断的规则），默认今天"),
):
    """检查整个台账：格式、引用、信用代码校验位、重复、日期先后、设置、日历覆盖，以及 templates/ 下的 Word 模板。

    每个问题一行：相对路径:行号: [代码] 说明。退出码 0 无错误，1 有错误，2 无法读取台账。
    """
    from anshang.core.problems import has_errors, render_json, render_text, summary
    from anshang.documents.official import check_ledger_templates
    from anshang.store.check_memo import check_ledger

    problems = check_ledger(CTX.ledger, today(date), use_cache=not no_cache) + check_ledger_templates(CTX.ledger)
    if as_json:
        out(render_json(problems))
    else:
        out(render_text(problems))
        err(summary(problems))
    if has_errors(problems) or (strict and problems):
        raise typer.Exit(EXIT_PROBLEMS)


@app.command()
def fmt(
    check_only: bool = typer.Option(False, "--check", help="只列出需要格式化的文件，不修改；有则退出码 1"),
    paths: list[str] | None = typer.Argument(None, metavar="文件", help="只处理这些文件（相对台账目录）"),
):
    """把台账文件整理为统一格式（键的顺序、引号、日期写法），内容不变，注释保留。"""
    from anshang.core.problems import render_text
    from anshang.steps.format import format_ledger

    result = format_ledger(CTX.ledger, paths or None, write=not check_only)
    out(render_text(result.problems))
    verb = "需要格式化" if check_only else "已格式化"
    for rel in result.changed:
        out(f"{verb}：{rel}\n")
    err(f"共 {result.total} 个文件，{verb} {len(result.changed)} 个"
        + (f"，{len(result.problems)} 个文件无法读取" if result.problems else "") + "。")
    if result.problems or (check_only and result.changed):
        raise typer.Exit(EXIT_PROBLEMS)


@app.command()
def note(
    case: str = typer.Argument(..., metavar="编号", help="诉求编号或其唯一前缀"),
    text: str = typer.Argument(..., metavar="说明", help="备注内容"),
    date: str | None = typer.Option(None, "--date", metavar="日期", help="日期，默认今天（2026-03-05 或 2026年3月5日）"),
    by: str | None = typer.Option(None, "--by", metavar="经办人", help="经办人，默认取环境变量 ANSHANG_CLERK 或登录名"),
):
    """给诉求追加一条备注（办理记录），文件中的手写注释和格式保持不变。"""
    from anshang.steps.cases import note as add_note

    CTX.settings  # noqa: B018 - a ledger with invalid settings is not written to
    cid = case_id(case)
    rel = add_note(CTX.ledger, cid, today(date), text, clerk(by))
    out(f"已记录：{cid}（{rel}）\n")


@app.command()
def renumber(
    given: str = typer.Argument(..., metavar="编号或文件", help="诉求编号（或唯一前缀），或诉求文件的路径"),
    by: str | None = typer.Option(None, "--by", metavar="经办人", help="经办人（缺省取环境变量 ANSHANG_CLERK，再缺省取系统登录名）"),
):
    """给诉求换一个新编号（登记日期不变）：两个克隆恰好给不同诉求编了同一个号时使用，文件随之改名。"""
    from anshang.steps.cases import renumber as do_renumber

    CTX.settings  # noqa: B018 - a ledger with invalid settings is not written to
    old, new, rel = do_renumber(CTX.ledger, given, today(None), clerk(by))
    out(f"已改编号：{old} → {new}（{rel}）\n")


@app.command()
def xlsx2text(file: Path = typer.Argument(..., metavar="文件.xlsx", help="要打印的工作簿")):
    """把 Excel 工作簿打印为稳定的文本（用作 git 的 textconv，让 git diff 能比较工作簿）。"""
    from anshang.documents.workbook import workbook_text

    out(workbook_text(file))


@template_app.command("list")
def template_list():
    """列出 anshang 的文书模板、用途，以及台账中是否已有自己修改的版本（templates/ 下）。"""
    from anshang.documents.official import TEMPLATES, own_templates

    own = own_templates(CTX.maybe_ledger())
    for name, what in TEMPLATES.items():
        out(f"{name}\t{what}\t{'使用台账中的 templates/' + name if name in own else '使用自带模板'}\n")


@template_app.command("show")
def template_show(name: str = typer.Argument(..., metavar="模板", help="模板文件名，如 chase.docx")):
    """列出一个模板可用的占位符及其含义。"""
    from anshang.core.problems import AnshangError
    from anshang.documents.official import PLACEHOLDERS, ROW_FIELDS, ROW_MEANINGS, TEMPLATES, meaning

    if name not in PLACEHOLDERS:
        raise AnshangError(f"没有模板 {name!r}；可用的模板：{'、'.join(TEMPLATES)}")
    plain = name.endswith((".md", ".xlsx"))  # these write {{名称}} without spaces
    for key in PLACEHOLDERS[name]:
        out(f"{{{{{key}}}}}\t{meaning(name, key)}\n" if plain else f"{{{{ {key} }}}}\t{meaning(name, key)}\n")
    for key in ROW_FIELDS.get(name, ()):
        out(f"{{{{ r.{key} }}}}\t表格行：{ROW_MEANINGS[key]}\n")


@template_app.command("copy")
def template_copy(
    name: str = typer.Argument(..., metavar="模板", help="模板文件名，如 chase.docx"),
    force: bool = typer.Option(False, "--force", help="台账中已有同名模板时覆盖它"),
):
    """把自带模板复制到台账的 templates/ 目录，供在 Word/WPS 中修改；此后生成文书时使用台账中的版本。"""
    from anshang.steps.setup import copy_template

    out(f"已复制到 {copy_template(CTX.ledger, name, force)}；修改后运行 anshang template check 检查占位符\n")


@template_app.command("check")
def template_check(as_json: bool = typer.Option(False, "--json", help="以 JSON 输出问题列表")):
    """检查台账 templates/ 下的模板：能否打开、占位符是否都存在、能否试填。有问题时退出码为 1。"""
    from anshang.core.problems import has_errors, render_json, render_text, summary
    from anshang.documents.official import check_ledger_templates

    found = check_ledger_templates(CTX.ledger)
    out(render_json(found) if as_json else render_text(found))
    err(summary(found))
    if has_errors(found):
        raise typer.Exit(EXIT_PROBLEMS)


@app.command()
def edit(what: str = typer.Argument(..., metavar="对象", help="诉求编号（或唯一前缀）、场次日期、企业名称或代码，或 设置、承办单位、接待领导")):
    """用编辑器修改一个台账文件：打开副本，保存退出后检查（格式、文件结构、编号不变），无误才写回；有误时列出问题，
    可重新打开修改（非交互运行时保留原文件，退出码 2）。编辑器取环境变量 VISUAL、EDITOR，Windows 上缺省为记事本。"""
    from anshang.core.problems import render_text
    from anshang.steps.edit import edit as do_edit
    from anshang.steps.edit import interactive

    def again(found):
        if not interactive():
            return False
        err("修改后的文件有问题：\n" + render_text(found).rstrip("\n"))
        answer = typer.prompt("重新打开修改？（是/否）", default="是")
        return answer.strip().lower() in ("是", "y", "yes", "好", "1")

    result = do_edit(CTX.ledger, what, again)
    out(f"已保存：{result.rel}\n" if result.saved else f"未修改：{result.rel}\n")
