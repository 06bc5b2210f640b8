"""The registration form (附件2 来访企业预约登记表): its labels, and reading a filled form by
labels rather than cell addresses, so clerks may restyle it in Excel or WPS."""

from __future__ import annotations

import difflib
import hashlib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from anshang.core import uscc as usccmod
from anshang.core.dates import parse_date
from anshang.core.problems import Problem
from anshang.store.workbook import (
    BookProblem,
    cell_name,
    clean,
    label_key,
    open_workbook,
)

TITLE = "“市长服务民营企业接待日”来访企业预约登记表"

# key, label on the form, required, other labels clerks or enterprises use for it
FIELDS = [
    ("name", "企业名称", True, ("单位名称", "企业全称", "企业单位名称")),
    ("uscc", "统一社会信用代码", True, ("社会信用代码", "信用代码", "统一代码")),
    ("district", "所属区县", True, ("属地", "所属区", "所在区县", "所属地区", "区县")),
    ("categories", "企业类型", False, ("企业类别", "类型")),
    ("legal_rep", "法定代表人", False, ("法人代表", "法人")),
    ("contact", "联系人", True, ("联系人姓名",)),
    ("phone", "联系电话", True, ("电话", "手机", "联系方式", "手机号码")),
    ("email", "电子邮箱", False, ("邮箱", "E-mail", "Email", "电子邮件")),
    ("fields", "诉求领域", True, ("领域", "涉及领域", "所属领域")),
    ("title", "诉求事项", True, ("事项名称", "诉求标题", "反映事项", "事项")),
    ("facts", "事实", True, ("基本事实", "事实情况", "具体事实")),
    ("reasons", "理由", True, ("理由依据", "具体理由")),
    ("request", "具体诉求", True, ("请求事项", "具体请求", "诉求内容")),
    ("units", "建议承办单位", False, ("建议责任单位", "建议办理单位")),
    ("date", "填表日期", False, ("日期", "登记日期")),
]

# the six questions of §三(二), answered 是/否; (key, text on the form, keywords to find it,
# which answer means the exclusion applies)
QUESTIONS = [
    ("judicial", "该事项是否已进入诉讼、行政复议或仲裁程序", ("诉讼", "仲裁", "复议"), "是"),
    ("discipline", "该事项是否已由纪委监委受理", ("纪委", "监委"), "是"),
    ("petition", "该事项是否已通过信访渠道反映", ("信访",), "是"),
    ("proposal", "该事项是否已作为人大代表建议或政协委员提案办理", ("人大", "政协", "提案"), "是"),
    ("vague", "诉求是否有明确对象和具体的事实、理由及请求", ("明确", "具体"), "否"),
    ("anonymous", "是否同意实名反映（署名企业和联系人）", ("实名", "匿名"), "否"),
]

_LABELS = {}
for _key, _label, _req, _others in FIELDS:
    for _text in (_label, *_others):
        _LABELS[label_key(_text)] = _key
REQUIRED = [(k, lab) for k, lab, req, _ in FIELDS if req]
FROM_ROSTER = ("district", "contact", "phone")  # left blank, the enterprise's roster entry fills them
YES = {"是", "√", "✓", "✔", "y", "yes", "Y", "YES", "1", "有", "是的"}
NO = {"否", "×", "✗", "n", "no", "N", "NO", "0", "无", "没有", "不是"}


@dataclass
class FormRead:
    """What one form says: values by key with the cell each came from, and problems."""

    file: str
    values: dict = field(default_factory=dict)  # key -> (text, "Sheet!B3")
    labels: dict = field(default_factory=dict)  # key -> "Sheet!A3" (where the label is)
    answers: dict = field(default_factory=dict)  # question key -> (bool applies, cell)
    problems: list = field(default_factory=list)  # Problem records (sheet and cell)
    fatal: bool = False  # unreadable, or not a registration form at all (nothing to record)

    def problem(self, where: str, message: str) -> None:
        self.problems.append(Problem(self.file, 0, "form", "error", message, where or ""))

    def get(self, key: str) -> str:
        return self.values.get(key, ("", ""))[0]

    def where(self, key: str) -> str:
        return self.values.get(key, ("", ""))[1] or self.labels.get(key, "")


def _question(text: str):
    if "是否" not in text:
        return None
    for key, _, words, _ in QUESTIONS:
        if any(w in text for w in words):
            return key
    return None


_HEADING = re.compile(r"^(?:[一二三四五六七八九十]+、|[（(]?附件|填写说明|【)")


def _not_a_value(text: str) -> bool:
    """Text that belongs to the form itself — another label, a question, a section heading or
    a hint — and so is never the answer to a label (a blank answer stays blank)."""
    return label_key(text) in _LABELS or _question(text) is not None or bool(_HEADING.match(text))


def _value_right_or_below(ws, cell, merged):
    """The first non-empty cell right of a label (skipping the label's own merged area), else
    the cell below it; never a cell of the form itself (a blank stays blank)."""
    rng = merged.get(cell.coordinate)
    last_col = rng.max_col if rng else cell.column
    for col in range(last_col + 1, min(ws.max_column, last_col + 8) + 1):
        c = ws.cell(row=cell.row, column=col)
        if c.value is not None and clean(c.value) != "":
            return None if _not_a_value(clean(c.value)) else c
    below_row = (rng.max_row if rng else cell.row) + 1
    if below_row <= ws.max_row:
        c = ws.cell(row=below_row, column=cell.column)
        if c.value is not None and clean(c.value) != "" and not _not_a_value(clean(c.value)):
            return c
    return None


def read_form(path: Path) -> FormRead:
    """Read a filled registration form; problems are collected, never raised."""
    path = Path(path)
    out = FormRead(path.name)
    try:
        wb = open_workbook(path)
    except BookProblem as e:
        out.problem("", str(e))
        out.fatal = True
        return out
    for ws in wb.worksheets:
        merged = {}
        for rng in ws.merged_cells.ranges:
            merged[rng.start_cell.coordinate] = rng
        for row in ws.iter_rows():
            for cell in row:
                if not isinstance(cell.value, str):
                    continue
                text = clean(cell.value)
                if not text or len(text) > 60:
                    continue
                key = _LABELS.get(label_key(text))
                q = None if key else _question(text)
                if key is None and q is None:
                    continue
                target = _value_right_or_below(ws, cell, merged)
                if key:
                    out.labels.setdefault(key, cell_name(cell))
                    if target is not None and key not in out.values:
                        out.values[key] = (clean(target.value), cell_name(target))
                else:
                    out.labels.setdefault(q, cell_name(cell))
                    if target is not None and q not in out.answers:
                        out.answers[q] = (clean(target.value), cell_name(target))
    found = {k for k in ("name", "uscc", "title", "request", "contact") if k in out.labels}
    demand = {k for k in ("title", "facts", "reasons", "request") if k in out.labels}
    if len(found) < 3 or len(demand) < 2:
        out.problem("", "不是来访企业预约登记表：找不到“企业名称”“统一社会信用代码”“诉求事项”等栏目"
                            "（请使用 anshang 自带的登记表 templates/registration.xlsx）")
        out.fatal = True
        return out
    for key, label in REQUIRED:
        if key in FROM_ROSTER:
            continue  # the roster may know it: checked in ``to_case``
        if not out.get(key):
            where = out.labels.get(key)
            out.problem(_answer_cell(where), f"必填项“{label}”为空" if where else f"缺少“{label}”一栏（表格可能被改动过）")
    for key, text, _, applies in QUESTIONS:
        ans = out.answers.get(key)
        if ans is None or not ans[0]:
            where = out.labels.get(key)
            out.problem(_answer_cell(where), f"请回答“{text}”（是/否）" if where else f"缺少问题“{text}”")
            continue
        word = ans[0].strip()
        if word not in YES and word not in NO:
            out.problem(ans[1], f"“{text}”应填“是”或“否”，实际为 {word!r}")
    return out


def digest(form: FormRead) -> str:
    """A fingerprint of what the form says (not its bytes), so a re-saved copy is recognised."""
    payload = {k: form.get(k) for k, *_ in FIELDS if k != "date"}
    payload["answers"] = {k: v[0] for k, v in sorted(form.answers.items())}
    raw = json.dumps(payload, ensure_ascii=False, sort_keys=True).encode("utf-8")
    return "sha256:" + hashlib.sha256(raw).hexdigest()[:32]


def split_list(text: str) -> list[str]:
    import re

    return [p.strip() for p in re.split(r"[、,，;；/／\n]+", text or "") if p.strip()]


def closest(word: str, choices) -> str:
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.3)
    if not close:
        close = [c for c in choices if word and (word in c or c in word)][:1]
    return f"（最接近的是“{close[0]}”）" if close else ""


def categories_of(text: str) -> list[str]:
    """规上/上市后备/高新 words to category keys."""
    cats = []
    if "规上" in text or "规模以上" in text:
        cats.append("above_scale")
    if "上市后备" in text or "后备" in text:
        cats.append("listing_reserve")
    if "高新" in text:
        cats.append("high_tech")
    return cats


def match_district(text: str, districts) -> str | None:
    """The settings' district a clerk or enterprise meant (岚山 → 岚山区)."""
    if text in districts:
        return text
    hits = [d for d in districts if text and (d.startswith(text) or text.startswith(d))]
    return hits[0] if len(hits) == 1 else None


def match_unit(text: str, units: dict) -> str | None:
    """A unit id from an id or (part of) a name."""
    if text in units:
        return text
    hits = [uid for uid, u in units.items() if text and text in str(u.get("name", ""))]
    if len(hits) == 1:
        return hits[0]
    hits = [uid for uid, u in units.items() if text and str(u.get("name", "")).lstrip("市") == text.lstrip("市")]
    return hits[0] if len(hits) == 1 else None


def to_case(form: FormRead, settings, units: dict, registered, roster: dict | None = None) -> tuple[dict, dict, list[str]]:
    """Case data and enterprise data from a form, with problems a clerk can act on.

    ``settings`` supplies fields and districts; ``units`` maps unit ids to unit data; the
    enterprise's entry in ``roster`` (by code) fills a blank district, contact or phone.
    """
    problems: list[Problem] = []

    def problem(where, message):
        problems.append(Problem(form.file, 0, "form", "error", message, where or ""))

    code = usccmod.normalize(form.get("uscc"))
    p = usccmod.problem(code)
    if p:
        problem(form.where('uscc'), p)
    known = (roster or {}).get(code) or {}
    person = next((c for c in known.get("contacts") or [] if isinstance(c, dict)), {})
    given = {"district": form.get("district") or known.get("district") or "",
             "contact": form.get("contact") or person.get("name") or "",
             "phone": form.get("phone") or str(person.get("phone") or "")}
    for key, label in REQUIRED:
        if key in FROM_ROSTER and not given[key]:
            where = form.labels.get(key)
            problem(_answer_cell(where), f"必填项“{label}”为空（企业名录中也没有）" if where else f"缺少“{label}”一栏")
    district = match_district(given["district"], settings.districts) if given["district"] else None
    if given["district"] and district is None:
        problem(form.where('district'), f"属地“{given['district']}”不在设置的属地列表中"
                        f"{closest(given['district'], settings.districts)}")
    fields = []
    for f in split_list(form.get("fields")):
        if f in settings.fields:
            fields.append(f)
        else:
            problem(form.where('fields'), f"领域“{f}”不在设置的领域列表中{closest(f, settings.fields)}")
    suggested = []
    for u in split_list(form.get("units")):
        uid = match_unit(u, units)
        if uid:
            suggested.append(uid)
        # an unknown unit name is only a suggestion: screening routes by field anyway
    declared = {}
    for key, _, _, applies in QUESTIONS:
        ans = form.answers.get(key, ("", ""))[0].strip()
        declared[key] = (ans in YES) if applies == "是" else (ans in NO)
    contact = {"name": given["contact"], "phone": given["phone"]}
    if form.get("email"):
        contact["email"] = form.get("email")
    case = {
        "registered": registered,
        "channel": "reception_day",
        "source": {"kind": "form", "file": form.file, "digest": digest(form)},
        "enterprise": code,
        "contact": contact,
        "fields": fields,
        "title": form.get("title"),
        "facts": form.get("facts"),
        "reasons": form.get("reasons"),
        "request": form.get("request"),
        "suggested_units": suggested,
        "declared": declared,
    }
    enterprise = {
        "uscc": code, "name": form.get("name"), "district": district or given["district"],
        "categories": categories_of(form.get("categories")), "dispatch_years": [],
    }
    if form.get("legal_rep"):
        enterprise["legal_rep"] = form.get("legal_rep")
    enterprise["contacts"] = [{k: v for k, v in contact.items() if v}]
    if form.get("date"):
        try:
            case["form_date"] = parse_date(form.get("date"))
        except ValueError as e:
            problem(form.where('date'), f"填表日期 {e}")
    return case, enterprise, problems


def _answer_cell(label_cell: str | None) -> str:
    """The cell to fill beside a label ("登记表!A6" -> "登记表!B6"): where the clerk should look."""
    m = re.match(r"(.*!)?([A-Z]+)(\d+)$", label_cell or "")
    if not m:
        return label_cell or ""
    from openpyxl.utils import column_index_from_string, get_column_letter

    return f"{m.group(1) or ''}{get_column_letter(column_index_from_string(m.group(2)) + 1)}{m.group(3)}"
