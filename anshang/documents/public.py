"""Public feedback (公开反馈) for the government portal: the progress of accepted demands, as a
workbook and a Markdown page, with no personal contact data in any written form."""

from __future__ import annotations

import datetime as dt
import re

from anshang.core import lifecycle
from anshang.core.dates import cn_date
from anshang.core.labels import STATUS, label
from anshang.documents.names import enterprise_name, unit_name, unit_names
from anshang.documents.workbook import table_bytes

PHONE = re.compile(r"(?<!\d)(?:1[3-9]\d{9}|0\d{2,3}-?\d{7,8})(?!\d)")
EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")
HEADERS = ["序号", "企业名称", "诉求事项", "承办单位", "办理状态", "登记日期", "交办日期", "办结日期"]


def public_text(text: str) -> str:
    """Outside text for the government portal: phone numbers and e-mail addresses masked."""
    return EMAIL.sub("（邮箱已隐去）", PHONE.sub("（电话已隐去）", str(text or "")))


def public_rows(w, today: dt.date, co_reports: str = "lead") -> list[list]:
    """The portal's progress table: accepted demands only, and no personal contact data."""
    rows = []
    for cid in sorted(w.cases):
        c = w.cases[cid]
        if (c.get("screening") or {}).get("decision") != "accepted":
            continue
        out = c.get("outcome") or {}
        closed = lifecycle.closed_on(c)
        st = lifecycle.status(c, today, lifecycle.obligations(c, co_reports))
        rows.append([len(rows) + 1, public_text(enterprise_name(c, w.enterprises)),
                     public_text(c.get("title", "")), _units(w.units, out),
                     label(STATUS, st), str(c["registered"]),
                     str(out.get("date", "")) if out.get("kind") == "handover" else "",
                     closed.isoformat() if closed else ""])
    return rows


def _units(units: dict, out: dict) -> str:
    """承办单位 for the public: the lead unit, and the co-units after it."""
    if not out.get("lead_unit"):
        return ""
    co = unit_names(units, [u for u in out.get("co_units") or [] if u != out["lead_unit"]])
    return f"{unit_name(units, out['lead_unit'])}（牵头）、{co}" if co else unit_name(units, out["lead_unit"])


def markdown(rows: list[list], settings, today: dt.date) -> str:
    md = [f"# {settings.city}“市长服务民营企业接待日”企业诉求办理进度", "",
          f"截至{cn_date(today)}，共 {len(rows)} 件。", "",
          "| " + " | ".join(HEADERS) + " |", "|" + "---|" * len(HEADERS)]
    for r in rows:
        md.append("| " + " | ".join(str(v).replace("|", "｜") for v in r) + " |")
    return "\n".join(md + ["", settings.office, ""])


def write_public(ledger, settings, today: dt.date, folder=None) -> list:
    """Write the workbook and the page; returns their paths."""
    from anshang.store import loader, outputs

    rows = public_rows(loader.load(ledger), today, settings.policy.co_unit_reports)
    folder = folder or ledger.output_dir
    base = f"公开反馈-{today.isoformat()}"
    return [outputs.write(folder, base + ".xlsx", table_bytes("办理进度", HEADERS, rows)),
            outputs.write(folder, base + ".md", markdown(rows, settings, today))]
