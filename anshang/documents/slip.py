"""The handover slip (附件3 企业诉求交办单): a clerk-editable workbook whose {{placeholders}}
are filled for one case. The time limits it states come from the case's deadlines and the
settings. Unknown placeholders stop the fill; nothing is half-written."""

from __future__ import annotations

from pathlib import Path

from anshang.core import lifecycle
from anshang.core.dates import cn_date, parse_date
from anshang.core.problems import AnshangError, Problem, ProblemsFound
from anshang.documents import template
from anshang.documents.names import enterprise_name, leader_name, unit_name, unit_names
from anshang.documents.sheets import grow_rows
from anshang.documents.workbook import set_text, workbook_bytes
from anshang.store.workbook import BookProblem, open_workbook


def slip_values(case: dict, world, settings) -> dict:
    out = case.get("outcome") or {}
    contact = case.get("contact") or {}
    session = world.sessions.get(case.get("session"))
    leader = world.leaders.get((session or {}).get("leader"))
    ack = lifecycle.stored_deadline(case, "acknowledge")
    prog, res = lifecycle.stored_deadline(case, "progress"), lifecycle.stored_deadline(case, "result")
    def within(d):
        return f"（已延期，原定{cn_date(d.extended_from)}）" if d.extended_from else f"（{d.rule.short()}内）"

    parts = []
    for d, what in ((ack, "签收反馈"), (prog, "落实情况"), (res, "办理结果")):  # what the case's channel rule gave it
        if d:
            parts.append(f"{'请于' if not parts else ''}{cn_date(d.due)}前{within(d)}报送{what}")
    text = "，".join(parts) + "。" if parts else ""
    if case.get("channel", "reception_day") == "reception_day" or prog:
        text += settings.policy.limits.periodic_sentence()
    if any(d is not None and d.provisional for d in (ack, prog, res)):
        text += "（暂定：期限按暂定日历计算，节假日安排公布后以重新计算的日期为准。）"
    demand = "\n".join(f"{label}：{str(case[k]).strip()}" for k, label in
                       (("facts", "事实"), ("reasons", "理由"), ("request", "诉求")) if case.get(k))
    return {
        "number": case["id"],
        "enterprise": enterprise_name(case, world.enterprises),
        "uscc": case.get("enterprise") or "",
        "contact": contact.get("name") or "",
        "phone": str(contact.get("phone") or ""),
        "title": case.get("title") or "",
        "demand": demand,
        "leader": leader_name(leader) if leader else "",
        "session_date": cn_date(parse_date(session["date"]), weekday=True) if session else "",
        "instruction": out.get("instruction") or "",
        "lead_unit": unit_name(world.units, out.get("lead_unit")) if out.get("lead_unit") else "",
        "co_units": unit_names(world.units, out.get("co_units")) or "无",
        "deadlines": text,
        "progress_due": cn_date(prog.due) if prog else "",
        "result_due": cn_date(res.due) if res else "",
        "handover_date": cn_date(parse_date(out["date"])) if out.get("date") else "",
        "office": settings.office,
        "city": settings.city,
        "objection_limit": f" {settings.policy.limits.objection.spoken()}",
    }


def fill(path: Path, shown: str, values: dict) -> bytes:
    """The filled workbook as bytes; stops with every unknown placeholder (sheet and cell)."""
    try:
        wb = open_workbook(path)
    except BookProblem as e:
        raise AnshangError(f"{shown}: {e}") from None
    problems = []
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if isinstance(cell.value, str) and "{{" in cell.value:
                    missing = [n for n in template.names(cell.value) if n not in values]
                    problems += [Problem(shown, 0, "template", "error", f"占位符 {{{{{n}}}}} 不存在",
                                         f"{ws.title}!{cell.coordinate}") for n in missing]
                    if not problems:
                        set_text(cell, template.fill(cell.value, values))
    if problems:
        raise ProblemsFound("交办单模板有问题，未生成：", problems, f"可用的占位符：{'、'.join(sorted(values))}")
    for ws in wb.worksheets:
        grow_rows(ws)
    return workbook_bytes(wb)


def write_slip(ledger, settings, cid: str, out: Path | None = None) -> Path:
    """Fill the handover slip of one handed-over case and write it (default ``output/``)."""
    from anshang.store import loader, outputs

    case, world = loader.around_case(ledger, cid)
    if not lifecycle.is_handover(case):
        raise AnshangError(f"{cid} 不是交办件，没有交办单（先 anshang receive {cid} --outcome handover）")
    from anshang.store.templates import ledger_template

    path, shown = ledger_template(ledger, "handover.xlsx")
    data = fill(path, shown, slip_values(case, world, settings))
    if out is not None:
        return outputs.write_file(out, data, (".xlsx",))
    day = (case.get("outcome") or {}).get("date") or ""
    name = outputs.safe_filename(f"交办单-{outputs.name_part(enterprise_name(case, world.enterprises))}-{day}-{cid}",
                                 200) + ".xlsx"
    return outputs.write(ledger.output_dir, name, data)
