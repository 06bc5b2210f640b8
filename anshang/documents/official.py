"""Word documents (.docx) from templates a clerk can edit in Word or WPS: the templates carry
the GB/T 9704 layout and ``{{ 占位符 }}`` placeholders (docxtpl on python-docx). Every value is
escaped (enterprise text never becomes markup), the template language runs sandboxed, and an
unknown placeholder is reported with the paragraph it is in — nothing is half-written."""

from __future__ import annotations

import io
import re
from pathlib import Path

from anshang.core.problems import AnshangError, Problem, ProblemsFound

# The packaged Word templates: file name -> what the document is
TEMPLATES = {
    "notice.docx": "接待日通告（附件1）",
    "chase.docx": "催办通知（每个承办单位一份）",
    "supervision.docx": "督办通知（超期超过督办天数的承办单位）",
    "supervision_list.docx": "督办清单（报市政府督查室）",
    "warning.docx": "预警提醒（报送期限临近的承办单位）",
    "named.docx": "挂牌督办通知（anshang supervise --named）",
    "letter_scheduled.docx": "接待安排告知书（致企业）",
    "letter_deferred.docx": "择期安排告知书（致企业）",
    "letter_excluded.docx": "不予受理告知书（致企业）",
    "letter_referred.docx": "转办告知书（致企业）",
    "letter_reply.docx": "答复函（致企业）",
    "referral.docx": "转办函（致属地政府或部门）",
    "attendance.docx": "参会通知（致配合接待的单位和属地政府）",
    "summary.docx": "企业诉求办理情况报告（报市政府，anshang summary）",
    "campaign.docx": "专项活动（服务月）工作总结（anshang campaign report）",
    "notice.md": "接待日通告（Markdown，session notice --format md）",
    "handover.xlsx": "企业诉求交办单（附件3，Excel）",
}


COMMON = ("city", "office", "date", "phone", "email", "address")
_CASE = COMMON + ("enterprise", "title", "id", "registered", "uscc", "person", "person_phone", "session_date",
                  "leader", "place")
_CHASE = COMMON + ("unit", "limits", "reply_within", "threshold", "warning_days", "rows", "count")
# the placeholders each template may use (``anshang template show`` lists them with their meaning)
PLACEHOLDERS = {
    "notice.docx": ("city", "office", "year", "date", "leader", "leader_name", "leader_title", "place", "fields",
                    "registration_from", "registration_to", "notice_date", "phone", "fax", "phone_fax", "email",
                    "hours", "contact_place", "address", "session", "handover_limits"),
    "chase.docx": _CHASE,
    "supervision.docx": _CHASE,
    "supervision_list.docx": _CHASE,
    "warning.docx": _CHASE,
    "named.docx": _CHASE + ("leader", "reason", "item", "id"),
    "letter_scheduled.docx": _CASE,
    "letter_deferred.docx": _CASE + ("reason", "when"),
    "letter_excluded.docx": _CASE + ("clause", "clause_text", "advice"),
    "letter_referred.docx": _CASE + ("refer_to", "reason", "demand"),
    "letter_reply.docx": _CASE + ("when", "units", "result"),
    "referral.docx": _CASE + ("refer_to", "reason", "demand"),
    "attendance.docx": COMMON + ("units", "session_date", "leader", "place", "rows", "session"),
    "summary.docx": COMMON + ("period", "period_from", "period_to", "scope", "overview", "unit_lines", "unit_rows", "leader_rows",
                              "field_rows", "channel_rows", "common", "programme", "overdue_lines", "overdue_rows", "definitions"),
    "campaign.docx": COMMON + ("title", "summary_to", "intro", "activity_lines", "activity_rows", "demand_lines", "channel_rows",
                               "unit_rows", "open_day_lines", "evaluation_lines", "evaluation_rows"),
    "handover.xlsx": ("number", "enterprise", "uscc", "contact", "phone", "title", "demand", "leader", "session_date",
                      "instruction", "lead_unit", "co_units", "deadlines", "progress_due", "result_due",
                      "handover_date", "office", "city", "objection_limit"),
}
PLACEHOLDERS["notice.md"] = PLACEHOLDERS["notice.docx"]
# what a table row of a template holds: {{ r.字段 }}
ROW_FIELDS = {
    **dict.fromkeys(("chase.docx", "supervision.docx", "supervision_list.docx", "warning.docx", "named.docx"),
                    ("id", "enterprise", "title", "kind", "part", "unit", "due", "late")),
    "attendance.docx": ("n", "enterprise", "title", "units", "district"),
    "summary.docx": ("rank", "unit", "handed", "closed", "closure", "on_time", "satisfaction", "overdue", "chased",
                     "leader", "sessions", "received", "field", "registered", "accepted", "finished", "finish_rate",
                     "channel", "id", "enterprise", "title", "status", "due", "late", "evaluation", "composite"),
    "campaign.docx": ("n", "title", "unit", "due", "status", "channel", "registered", "accepted", "finished", "finish_rate",
                      "handed", "closed", "closure", "on_time", "rank", "count", "score"),
}
ROW_MEANINGS = {"id": "编号（诉求、工作任务或专题调研）", "enterprise": "企业或来源", "title": "事项", "kind": "应报送的内容", "part": "承办角色（牵头或配合）",
                "unit": "承办单位", "due": "截止日期", "late": "已超期工作日数", "n": "序号", "units": "建议承办单位",
                "district": "属地", "rank": "排名", "handed": "交办件数", "closed": "办结件数", "closure": "办结率",
                "on_time": "按时报送率", "satisfaction": "满意率", "overdue": "期末超期件数", "chased": "催办次数",
                "leader": "接待领导", "sessions": "接待场次", "received": "接待诉求件数", "field": "领域",
                "registered": "登记件数", "accepted": "受理件数", "finished": "已了结件数", "finish_rate": "了结率或结案率",
                "channel": "渠道", "status": "状态", "evaluation": "企业评议平均得分", "composite": "综合得分（加权）",
                "count": "评分条数", "score": "平均得分"}
MEANINGS = {
    "city": "城市名称（设置中的城市）", "office": "办公室名称（设置中的办公室），用于落款", "date": "成文日期",
    "phone": "办公室电话", "email": "办公室电子邮箱", "address": "办公室地址", "fax": "传真",
    "phone_fax": "电话及传真", "hours": "现场预约时间", "contact_place": "现场登记地点", "year": "年份",
    "leader": "接待领导（职务和姓名）", "leader_name": "接待领导姓名", "leader_title": "接待领导职务",
    "place": "接待地点", "fields": "受理领域", "registration_from": "预约登记开始日", "registration_to": "预约登记截止日",
    "notice_date": "通告日期（落款）", "session": "场次编号", "handover_limits": "交办事项的报送时限",
    "unit": "承办单位名称（主送）", "limits": "报送时限的说明", "reply_within": "催办后报送的时限",
    "threshold": "转督办的超期工作日数", "rows": "表格各行（表格中写 r.字段，见下）", "count": "事项数",
    "enterprise": "企业名称", "title": "诉求事项", "id": "诉求编号", "registered": "登记日期",
    "uscc": "统一社会信用代码", "person": "企业联系人", "person_phone": "企业联系人电话",
    "session_date": "接待日日期（含星期）", "reason": "理由", "when": "时间的说明",
    "clause": "不予受理依据的条款", "clause_text": "条款原文", "advice": "对企业的建议",
    "refer_to": "转办的属地政府或部门", "demand": "诉求内容（事实、理由、诉求，各一段）", "units": "承办单位或参会单位",
    "result": "承办单位报送的办理结果（每个单位一段）",
    "number": "诉求编号", "contact": "企业联系人", "instruction": "接待领导的交办意见", "lead_unit": "牵头单位",
    "co_units": "配合单位", "deadlines": "办理时限的说明", "progress_due": "落实情况截止日期",
    "result_due": "办理结果截止日期", "handover_date": "交办日期", "objection_limit": "提出异议的时限",
    "scope": "报告的范围（起止日期，或某场接待日及其预约登记时间）", "period": "报告期（如 2026年、2026年第四季度）", "period_from": "报告期起日", "period_to": "报告期止日（未结束的报告期为截至日）",
    "overview": "总体情况（数段文字，含与上期比较）", "unit_lines": "承办单位情况（数段文字，列出低于设置门槛的单位）",
    "unit_rows": "承办单位排名表各行", "leader_rows": "接待领导表各行", "field_rows": "领域表各行", "channel_rows": "渠道表各行",
    "common": "共性问题（每组一段）", "overdue_lines": "超期和长期整改事项的说明", "overdue_rows": "超期和长期整改事项表各行",
    "definitions": "指标说明（每项一段）",
}
# where a name means something else in one template
MEANINGS["warning_days"] = "预警提前的工作日数"
MEANINGS["programme"] = "行动方案任务和专题调研的情况（数段文字）"
MEANINGS.update({"summary_to": "总结报送对象", "intro": "开头（活动概况，数段文字）", "activity_lines": "重点活动开展情况（数段文字）",
                 "activity_rows": "重点活动表各行", "demand_lines": "诉求受理和办理情况（数段文字）",
                 "open_day_lines": "部门开放日情况（每个一段）", "evaluation_lines": "企业评议情况（数段文字）",
                 "evaluation_rows": "企业评议结果表各行"})
MEANINGS["item"] = "督办事项的名称"
MEANINGS_IN = {"named.docx": {"leader": "督办领导", "reason": "挂牌督办的理由", "id": "督办事项的编号"},
               "campaign.docx": {"title": "活动名称"},
               "handover.xlsx": {"phone": "企业联系人电话", "session_date": "接待日期（含星期）"},
               "notice.docx": {"date": "接待日日期（含星期）"}, "notice.md": {"date": "接待日日期（含星期）"}}


def meaning(template: str, name: str) -> str:
    return MEANINGS_IN.get(template, {}).get(name) or MEANINGS[name]


def tight(text: str) -> str:
    """Generated phrases as a printed document writes them: no spaces between figures and
    Chinese ("5 个工作日" -> "5个工作日"). Never used on outside text."""
    return re.sub(r"(?<=[0-9\u4e00-\u9fff（）、，；]) (?=[0-9\u4e00-\u9fff（）])", "", text)


def _env():
    from jinja2 import StrictUndefined
    from jinja2.sandbox import SandboxedEnvironment

    return SandboxedEnvironment(autoescape=True, undefined=StrictUndefined)


def _prepared(value):
    """Values as the template sees them: text with line breaks keeps them (as Word line
    breaks), lists and tables are prepared item by item."""
    from docxtpl import Listing

    if isinstance(value, str):
        return Listing(value) if "\n" in value else value
    if isinstance(value, dict):
        return {k: _prepared(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_prepared(v) for v in value]
    return value


def _open(path: Path, shown: str):
    from docxtpl import DocxTemplate

    from anshang.store.workbook import BookProblem, screen_package

    try:
        screen_package(path, ".docx")
        tpl = DocxTemplate(str(path))
        tpl.init_docx()
    except BookProblem as e:
        raise AnshangError(f"{shown}: {e}") from None
    except Exception:  # noqa: BLE001 - python-docx raises many kinds on broken files
        raise AnshangError(f"{shown}: 不是可用的 Word 文档（.docx），或文件已损坏；请在 Word/WPS 中另存为 .docx") from None
    return tpl


def _places(tpl) -> list[tuple[str, str]]:
    """(where, text) of every paragraph: 第N段 in the body, 第K个表格第R行第C列 in tables,
    页脚 and 页眉 — where a placeholder is, for messages."""
    doc = tpl.docx
    places = []
    for n, p in enumerate(doc.paragraphs, start=1):
        places.append((f"第{n}段", p.text))
    for k, table in enumerate(doc.tables, start=1):
        for r, row in enumerate(table.rows, start=1):
            for c, cell in enumerate(row.cells, start=1):
                places.append((f"第{k}个表格第{r}行第{c}列", cell.text))
    for section in doc.sections:
        for part, word in ((section.header, "页眉"), (section.footer, "页脚"), (section.even_page_footer, "页脚"),
                           (section.first_page_footer, "页脚")):
            places += [(word, p.text) for p in part.paragraphs]
    return places


def _where(places, name: str) -> str:
    pattern = re.compile(r"(\{\{|\{%)[^}]*\b" + re.escape(name) + r"\b")
    return next((where for where, text in places if pattern.search(text)), "")


def _said(e: Exception) -> str:
    """A template error of the template language, said for a clerk (its own words are English)."""
    from jinja2 import TemplateSyntaxError, UndefinedError
    from jinja2.exceptions import SecurityError

    if isinstance(e, SecurityError):
        return "占位符只能写名称（如 {{ enterprise }}），不能访问内部属性或调用函数"
    if isinstance(e, UndefinedError):
        m = re.search(r"has no attribute '(\w+)'", str(e))
        return f"占位符中的 {m.group(1)} 不存在" if m else "占位符不存在"
    if isinstance(e, TemplateSyntaxError):
        return "占位符写法有误：{{ 与 }}、{% 与 %} 须成对，其中只写名称（如 {{ enterprise }}）；表格行用 {%tr for r in rows %} … {%tr endfor %}"
    return "占位符不能这样使用（只写名称，如 {{ enterprise }}）"


def _source(tpl) -> str:
    """The template's text as the template language sees it: body, headers and footers."""
    from docx.oxml import parse_xml

    doc = tpl.docx
    xml = tpl.patch_xml(tpl.xml_to_string(doc._element.body))
    for rel in doc.part.rels.values():
        if rel.reltype in (tpl.HEADER_URI, tpl.FOOTER_URI) and rel.target_part.blob:
            xml += tpl.patch_xml(tpl.xml_to_string(parse_xml(rel.target_part.blob)))
    return xml


# What a template may say: names ({{ enterprise }}), a field of a table row ({{ r.id }}), and
# {% for %} / {% if %} over them. No filters, calls, arithmetic or macros: a template from the
# ledger can neither unescape outside text nor run long.
_ALLOWED = ("Template", "Output", "TemplateData", "Name", "Getattr", "For", "If", "Not", "Const")


def _plain(ast) -> str | None:
    """What in a parsed template goes beyond plain placeholders (None: nothing)."""
    from jinja2 import nodes

    for node in ast.find_all(nodes.Node):
        kind = type(node).__name__
        if kind not in _ALLOWED:
            return kind
        if kind == "Getattr" and (node.attr.startswith("_") or not isinstance(node.node, nodes.Name)):
            return kind
        if kind == "Const" and not isinstance(node.value, (bool, type(None))):
            return kind
        if kind == "For" and (node.recursive or not isinstance(node.iter, nodes.Name)):
            return kind
    return None


_PLAIN_OUT = re.compile(r"\{\{\s*[A-Za-z][A-Za-z0-9_]*(\.[A-Za-z][A-Za-z0-9_]*)?\s*\}\}")
_PLAIN_TAG = re.compile(r"\{%-?\s*(?:[ptrc]{1,2}\s+)?(?:for\s+\w+\s+in\s+\w+|endfor|if\s+(?:not\s+)?\w+|else|endif)"
                        r"\s*-?%\}")


def _odd(places) -> str:
    """Where the first placeholder that is more than a name is (for messages)."""
    for where, text in places:
        rest = _PLAIN_TAG.sub("", _PLAIN_OUT.sub("", text))
        if "{{" in rest or "{%" in rest:
            return where
    return ""


def problems(path: Path, shown: str, values: dict, required=()) -> list[Problem]:
    """What is wrong with a template for these values: syntax errors, anything but plain
    placeholders, unknown placeholders, and required ones left empty."""
    from jinja2 import TemplateSyntaxError, meta

    tpl = _open(path, shown)
    try:
        ast = _env().parse(_source(tpl))
        extra = _plain(ast)
        if extra is not None:
            return [Problem(shown, 0, "template", "error",
                            "占位符只能写名称（如 {{ enterprise }}）或表格行的字段（如 {{ r.id }}），"
                            "不能使用过滤器、运算或函数", _odd(_places(tpl)))]
        names = meta.find_undeclared_variables(ast)
    except TemplateSyntaxError as e:
        odd = next((where for where, t in _places(tpl)
                    if t.count("{{") != t.count("}}") or t.count("{%") != t.count("%}")), "")
        return [Problem(shown, 0, "template", "error", _said(e), odd)]
    places = _places(tpl)
    found = [Problem(shown, 0, "template", "error", f"占位符 {{{{ {n} }}}} 不存在", _where(places, n))
             for n in sorted(names - set(values))]
    found += [Problem(shown, 0, "template", "error", f"占位符 {{{{ {n} }}}} 没有内容（请在设置或场次文件中填写）",
                      _where(places, n))
              for n in sorted(names & set(required)) if not values.get(n)]
    return found


def render(path: Path, shown: str, values: dict, required=()) -> bytes:
    """The filled document as .docx bytes (the same values give the same bytes); stops with
    every problem of the template and nothing written."""
    from anshang.documents.workbook import stable_zip

    found = problems(path, shown, values, required)
    if found:
        raise ProblemsFound(f"模板 {shown} 有问题，未生成：", found,
                            f"可用的占位符：{'、'.join(sorted(values))}")
    tpl = _open(path, shown)
    try:
        tpl.render(_prepared(values), _env())
    except Exception as e:  # noqa: BLE001 - whatever a template does wrong is said for the clerk
        raise ProblemsFound(f"模板 {shown} 有问题，未生成：",
                            [Problem(shown, 0, "template", "error", _said(e))]) from None
    out = io.BytesIO()
    tpl.save(out)
    return stable_zip(out.getvalue())


def template(ledger, name: str) -> tuple[Path, str]:
    """The ledger's own ``templates/<name>`` when there is one, else the packaged one."""
    from anshang.store.templates import ledger_template

    return ledger_template(ledger, name)


def own_templates(ledger) -> set[str]:
    """The templates the ledger has its own copy of (in ``templates/``)."""
    if ledger is None:
        return set()
    return {name for name in TEMPLATES if ledger.path(f"templates/{name}").is_file()}


def check_ledger_templates(ledger) -> list[Problem]:
    """Every template in the ledger's ``templates/``: it opens, uses only the placeholders of its
    document, and fills in (a trial with stand-in values, table rows included)."""
    found = []
    folder = ledger.path("templates")
    if not folder.is_dir():
        return found
    for path in sorted(folder.iterdir()):
        if path.suffix.lower() not in (".docx", ".md", ".xlsx"):
            continue
        shown = f"templates/{path.name}"
        if path.name not in PLACEHOLDERS:
            found.append(Problem(shown, 0, "template", "warning",
                                 f"anshang 不使用这个模板（可用的模板：{'、'.join(TEMPLATES)}）"))
            continue
        try:
            if path.suffix.lower() == ".docx":
                found += trial(path, shown)
            elif path.suffix.lower() == ".md":
                found += _text_problems(path, shown)
            else:
                found += _sheet_problems(path, shown)
        except AnshangError as e:
            found.append(Problem(shown, 0, "template", "error", str(e).split(": ", 1)[-1]))
        except Exception:  # noqa: BLE001 - one broken template never stops the whole check
            found.append(Problem(shown, 0, "template", "error", "模板无法读取或试填失败；请从自带模板重新复制后修改"))
    return found


def stand_ins(name: str) -> dict:
    """Values for a trial fill of a template: text for every placeholder, one row for tables."""
    values = dict.fromkeys(PLACEHOLDERS[name], "样例")
    for listed in PARAGRAPHS:  # paragraphs: a list of texts
        if listed in values and name.endswith(".docx"):
            values[listed] = ["样例"]
    if name in ROW_FIELDS:
        for table in [k for k in values if k == "rows" or k.endswith("_rows")]:
            values[table] = [dict.fromkeys(ROW_FIELDS[name], "样例")]
    return values


# placeholders that hold a list of paragraphs ({%p for line in … %})
PARAGRAPHS = ("demand", "result", "overview", "unit_lines", "common", "programme", "overdue_lines", "definitions")


def trial(path: Path, shown: str) -> list[Problem]:
    """A Word template's problems, found by filling it with stand-in values."""
    name = path.name
    found = problems(path, shown, stand_ins(name))
    if found:
        return found
    try:
        render(path, shown, stand_ins(name))
    except ProblemsFound as e:
        fields = ROW_FIELDS.get(name)
        extra = f"（表格行可用：{'、'.join('r.' + f for f in fields)}）" if fields else ""
        places = _places(_open(path, shown))
        found = []
        for p in e.problems:
            missing = re.match(r"占位符中的 (\w+) 不存在", p.message)
            where = _where(places, missing.group(1)) if missing else p.cell
            found.append(Problem(p.path, p.line, p.code, p.severity, p.message + (extra if missing else ""), where))
        return found
    return []


def _text_problems(path: Path, shown: str) -> list[Problem]:
    from anshang.documents import template as text_template
    from anshang.store.templates import template_text

    allowed = set(PLACEHOLDERS[path.name])
    return [Problem(shown, n, "template", "error", f"占位符 {{{{{name}}}}} 不存在")
            for n, line in enumerate(template_text(path).splitlines(), start=1)
            for name in text_template.names(line) if name not in allowed]


def _sheet_problems(path: Path, shown: str) -> list[Problem]:
    from anshang.documents import template as text_template
    from anshang.store.workbook import BookProblem, open_workbook

    try:
        wb = open_workbook(path, read_only=True)
    except BookProblem as e:
        raise AnshangError(f"{shown}: {e}") from None
    allowed = set(PLACEHOLDERS[path.name])
    found = []
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if isinstance(cell.value, str) and "{{" in cell.value:
                    found += [Problem(shown, 0, "template", "error", f"占位符 {{{{{n}}}}} 不存在",
                                      f"{ws.title}!{cell.coordinate}")
                              for n in text_template.names(cell.value) if n not in allowed]
    return found
