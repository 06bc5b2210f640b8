"""The enterprise roster (企业名录): importing the city's dispatch list from Excel as offices
keep it, and finding enterprises. Rows are upserted by USCC; importing twice changes nothing."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from anshang import fmt, forms, uscc as usccmod
from anshang.errors import AnshangError
from anshang.ledger import Ledger
from anshang.xlsxio import BookProblem, clean, label_key, open_workbook

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


@dataclass
class ImportResult:
    year: int
    added: list = field(default_factory=list)
    updated: list = field(default_factory=list)
    unchanged: list = field(default_factory=list)
    rejected: list = field(default_factory=list)  # "Sheet!B5: problem"


def _find_header(ws):
    """(row number, {column index: key}) of the header row within the first 15 rows."""
    for row in ws.iter_rows(min_row=1, max_row=min(ws.max_row, 15)):
        cols = {}
        for cell in row:
            key = _HEADER.get(label_key(clean(cell.value))) if cell.value is not None else None
            if key and key not in cols.values():
                cols[cell.column] = key
        if "name" in cols.values() and "uscc" in cols.values():
            return row[0].row, cols
    return None, None


def _title_year(ws, header_row: int) -> int | None:
    for row in ws.iter_rows(min_row=1, max_row=max(header_row - 1, 0)):
        for cell in row:
            m = re.search(r"(20\d\d)\s*年", clean(cell.value))
            if m:
                return int(m.group(1))
    return None


def read_rows(path: Path, settings):
    """Parsed rows [(where, record)], rejected ["Sheet!A5: problem"], and the title's year."""
    try:
        wb = open_workbook(path)
    except BookProblem as e:
        raise AnshangError(f"{path}: {e}") from None
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
            rec, problems = _record(vals, settings)
            if problems:
                rejected += problems
            else:
                rows.append((vals["uscc"][1], rec))
    if not found:
        raise AnshangError(f"{path}: 找不到表头：需要“企业名称”和“统一社会信用代码”两列（可在标题行之下）")
    return rows, rejected, year


def _record(vals, settings):
    def v(key):
        return vals.get(key, ("", ""))[0]

    def where(key):
        return vals.get(key, ("", ""))[1]

    problems = []
    code = usccmod.normalize(v("uscc"))
    if not code:
        problems.append(f"{where('uscc') or where('name')}: 统一社会信用代码为空（企业：{v('name') or '未填'}）")
    elif usccmod.problem(code):
        problems.append(f"{where('uscc')}: {usccmod.problem(code)}")
    if not v("name"):
        problems.append(f"{where('name')}: 企业名称为空")
    district = forms.match_district(v("district"), settings.districts)
    if district is None:
        problems.append(f"{where('district') or where('name')}: 属地“{v('district')}”不在设置的属地列表中"
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


def import_roster(ledger: Ledger, settings, path: Path, year: int | None, today_year: int) -> ImportResult:
    """Upsert the dispatch list's rows by USCC, adding ``year`` to each one's dispatch years."""
    rows, rejected, title_year = read_rows(path, settings)
    year = year or title_year or today_year
    result = ImportResult(year, rejected=list(rejected))
    seen: dict = {}
    with ledger.lock():
        for where, rec in rows:
            code = rec["uscc"]
            if code in seen:
                result.rejected.append(f"{where}: 统一社会信用代码 {code} 与 {seen[code]} 重复，已跳过")
                continue
            seen[code] = where
            rel = Ledger.enterprise_rel(code)
            if not ledger.path(rel).exists():
                ledger.create(rel, {**rec, "dispatch_years": [year]})
                result.added.append(code)
            elif _update(ledger, rel, rec, year):
                result.updated.append(code)
            else:
                result.unchanged.append(code)
    return result


def _update(ledger: Ledger, rel: str, rec: dict, year: int) -> bool:
    """Bring one enterprise file up to date with a roster row; True if anything changed."""
    changed = []

    def change(doc):
        for key in ("name", "district", "industry", "legal_rep"):
            if rec.get(key) and doc.get(key) != rec[key]:
                fmt.put(doc, key, rec[key], "enterprise")
                changed.append(key)
        cats = list(doc.get("categories") or [])
        if sorted(cats) != sorted(rec["categories"]):
            fmt.put(doc, "categories", rec["categories"], "enterprise")
            changed.append("categories")
        years = [int(y) for y in doc.get("dispatch_years") or []]
        if year not in years:
            fmt.put(doc, "dispatch_years", sorted(years + [year]), "enterprise")
            changed.append("dispatch_years")
        for c in rec.get("contacts") or []:
            contacts = doc.get("contacts") or []
            if not any(str(x.get("phone")) == c.get("phone") and x.get("name") == c.get("name") for x in contacts):
                if contacts:
                    contacts.append(fmt.to_rt(c))
                else:
                    fmt.put(doc, "contacts", [c], "enterprise")
                changed.append("contacts")

    text_before = ledger.path(rel).read_bytes()
    from anshang import yamlio

    doc = yamlio.rt_load(yamlio.decode(text_before, rel))
    change(doc)
    if changed:
        ledger.replace_file(rel, yamlio.rt_dump(doc))
    return bool(changed)


def matches(ent: dict, query: str) -> bool:
    q = query.strip()
    return ent.get("uscc", "").startswith(usccmod.normalize(q)) if re.fullmatch(r"[0-9A-Za-z]{4,18}", q) \
        else q in str(ent.get("name", ""))
