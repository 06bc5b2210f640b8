"""The handover slip (附件3 企业诉求交办单): a clerk-editable workbook whose {{placeholders}}
are filled for one case. Unknown placeholders stop the fill; nothing is half-written."""

from __future__ import annotations

import re
from pathlib import Path

from anshang.dates import cn_date, parse_date
from anshang.errors import AnshangError
from anshang.xlsxio import BookProblem, open_workbook, set_text, workbook_bytes

PLACEHOLDER = re.compile(r"\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}")


def slip_values(case: dict, enterprise: dict | None, session: dict | None, leader: dict | None,
                units: dict, settings) -> dict:
    out = case.get("outcome") or {}
    dls = case.get("deadlines") or {}
    contact = case.get("contact") or {}

    def uname(u):
        return (units.get(u) or {}).get("name") or u

    parts = []
    prog, res = dls.get("progress"), dls.get("result")
    if prog:
        parts.append(f"请于{cn_date(parse_date(prog['due']))}前（{prog['rule']}内）报送落实情况")
    if res:
        parts.append(f"{cn_date(parse_date(res['due']))}前（{str(res['rule']).split('（')[0]}内）报送办理结果")
    text = "，".join(parts) + "。" if parts else ""
    text += (f"需长期整改的，每{settings.policy.longterm_days}日报送一次进展（十日一报），直至问题解决。")
    if any(isinstance(d, dict) and d.get("provisional") for d in dls.values()):
        text += "（暂定：期限按暂定日历计算，节假日安排公布后以重新计算的日期为准。）"
    demand = "\n".join(f"{label}：{str(case[k]).strip()}" for k, label in
                       (("facts", "事实"), ("reasons", "理由"), ("request", "诉求")) if case.get(k))
    return {
        "number": case["id"],
        "enterprise": (enterprise or {}).get("name") or case.get("enterprise_name") or "",
        "uscc": case.get("enterprise") or "",
        "contact": contact.get("name") or "",
        "phone": str(contact.get("phone") or ""),
        "title": case.get("title") or "",
        "demand": demand,
        "leader": f"{(leader or {}).get('title', '')}{(leader or {}).get('name', '')}",
        "session_date": cn_date(parse_date(session["date"]), weekday=True) if session else "",
        "instruction": out.get("instruction") or "",
        "lead_unit": uname(out.get("lead_unit")) if out.get("lead_unit") else "",
        "co_units": "、".join(uname(u) for u in out.get("co_units") or []) or "无",
        "deadlines": text,
        "progress_due": cn_date(parse_date(prog["due"])) if prog else "",
        "result_due": cn_date(parse_date(res["due"])) if res else "",
        "handover_date": cn_date(parse_date(out["date"])) if out.get("date") else "",
        "office": settings.office,
        "city": settings.city,
    }


def fill(template: Path, values: dict) -> bytes:
    """The filled workbook as bytes; raises with every unknown placeholder (sheet!cell)."""
    try:
        wb = open_workbook(template)
    except BookProblem as e:
        raise AnshangError(f"{template}: {e}") from None
    problems = []
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if isinstance(cell.value, str) and "{{" in cell.value:
                    for m in PLACEHOLDER.finditer(cell.value):
                        if m.group(1) not in values:
                            problems.append(f"{template.name} {ws.title}!{cell.coordinate}: 占位符 {{{{{m.group(1)}}}}} 不存在")
                    if not problems:
                        set_text(cell, PLACEHOLDER.sub(lambda m: values[m.group(1)], cell.value))
    if problems:
        raise AnshangError("交办单模板有问题，未生成：\n" + "\n".join(problems)
                           + f"\n可用的占位符：{'、'.join(sorted(values))}")
    return workbook_bytes(wb)
