"""The city's dispatch list (调度企业名单) as offices keep it in Excel: the header row found by its
words (below any title rows), each row read as an enterprise record or a problem with its cell."""

from __future__ import annotations

import re
from pathlib import Path

from anshang.core import uscc as usccmod
from anshang.core.problems import AnshangError, Problem
from anshang.documents import forms
from anshang.store.workbook import BookProblem, clean, find_header, label_key, open_workbook

COLUMNS = {  # key -> header words (compared without spaces and bracketed hints)
    "name": ("企业名称", "单位名称", "企业全称", "名称"),
    "uscc": ("统一社会信用代码", "社会信用代码", "信用代码", "统一代码"),
    "district": ("所属区", "属地", "所属区县", "所在区县", "区县", "所属地区", "地区", "所在地"),
    "type": ("企业类型", "类型", "企业类别", "类别"),
    "above_scale": ("规上", "规上企业", "是否规上", "规模以上企业"),
    "listing_reserve": ("上市后备", "上市后备企业", "是否上市后备"),
    "high_tech": ("高新", "高新技术企业", "是否高新", "高新技术"),
    "contact": ("联系人", "联系人姓名"),
    "phone": ("联系电话", "电话", "手机", "联系方式", "手机号码"),
    "email": ("电子邮箱", "邮箱"),
    "legal_rep": ("法定代表人", "法人代表", "法人"),
    "industry": ("行业", "所属行业", "主营行业", "产业"),
}
_HEADER = {label_key(w): k for k, words in COLUMNS.items() for w in words}
YES = forms.YES | {"●", "★", "是 "}


def _find_header(ws):
    """(row number, {column index: key}) of the header row within the first 15 rows."""
    return find_header(ws, _HEADER, lambda found: {"name", "uscc"} <= found)


def _title_year(ws, header_row: int) -> int | None:
    for row in ws.iter_rows(min_row=1, max_row=max(header_row - 1, 0)):
        for cell in row:
            m = re.search(r"(20\d\d)\s*年", clean(cell.value))
            if m:
                return int(m.group(1))
    return None


def read_rows(path: Path, settings):
    """Parsed rows [(where, record)], rejected rows as Problems (sheet and cell), and the title's year."""
    try:
        wb = open_workbook(path)
    except BookProblem as e:
        raise AnshangError(f"{Path(path).name}: {e}") from None
    rows, rejected, year = [], [], None
    found = False
    for ws in wb.worksheets:
        header, cols = _find_header(ws)
        if header is None:
            continue
        found = True
        year = year or _title_year(ws, header)
        for r in ws.iter_rows(min_row=header + 1):
            vals = {cols[c.column]: (clean(c.value), f"{ws.title}!{c.coordinate}") for c in r if c.column in cols}
            if not any(v for v, _ in vals.values()):
                continue
            rec, problems = _record(vals, settings, Path(path).name)
            if problems:
                rejected += problems
            else:
                rows.append((vals["uscc"][1], rec))
    if not found:
        raise AnshangError(f"{Path(path).name}: 找不到表头：需要“企业名称”和“统一社会信用代码”两列（可在标题行之下）")
    return rows, rejected, year


def _record(vals, settings, file: str):
    def v(key):
        return vals.get(key, ("", ""))[0]

    def where(key):
        return vals.get(key, ("", ""))[1]

    problems = []

    def problem(cell, message):
        problems.append(Problem(file, 0, "roster", "error", message, cell))
    code = usccmod.normalize(v("uscc"))
    if not code:
        problem(where('uscc') or where('name'), f"统一社会信用代码为空（企业：{v('name') or '未填'}）")
    elif usccmod.problem(code):
        problem(where('uscc'), usccmod.problem(code))
    if not v("name"):
        problem(where('name'), "企业名称为空")
    district = forms.match_district(v("district"), settings.districts)
    if district is None:
        problem(where('district') or where('name'), f"属地“{v('district')}”不在设置的属地列表中"
                        f"{forms.closest(v('district'), settings.districts)}")
    cats = forms.categories_of(v("type"))
    for key in ("above_scale", "listing_reserve", "high_tech"):
        if key in vals and v(key) in YES and key not in cats:
            cats.append(key)
    order = ["above_scale", "listing_reserve", "high_tech"]
    rec = {"uscc": code, "name": v("name"), "district": district,
           "categories": sorted(cats, key=order.index)}
    if v("industry"):
        rec["industry"] = v("industry")
    if v("legal_rep"):
        rec["legal_rep"] = v("legal_rep")
    contact = {k: v(src) for k, src in (("name", "contact"), ("phone", "phone"), ("email", "email")) if v(src)}
    if contact:
        rec["contacts"] = [contact]
    return rec, problems
