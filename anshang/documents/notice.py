"""The public notice (附件1 通告) from a template with {{placeholders}}; a placeholder that does
not exist, or has no value, is reported rather than left blank."""

from __future__ import annotations

from anshang.core.dates import cn_date, parse_date
from anshang.core.problems import AnshangError, Problem, ProblemsFound
from anshang.documents import template


def values_for(session: dict, leader: dict, settings, fields: list[str]) -> dict:
    """Every placeholder a notice template may use, for one session."""
    contact = settings.contact or {}
    phone, fax = contact.get("phone") or "", contact.get("fax") or ""
    phone_fax = phone if (phone == fax or not fax) else (f"{phone}（电话），{fax}（传真）" if phone else fax)
    date = parse_date(session["date"])

    def md(v):
        return f"{parse_date(v).month}月{parse_date(v).day}日" if v else ""

    return {
        "city": settings.city,
        "office": settings.office,
        "year": str(date.year),
        "date": cn_date(date, weekday=True),
        "leader": f"{leader.get('title') or ''}{leader.get('name') or ''}",
        "leader_name": leader.get("name") or "",
        "leader_title": leader.get("title") or "",
        "place": session.get("place") or contact.get("place") or "",
        "fields": "、".join(fields),
        "registration_from": md(session.get("registration_from")),
        "registration_to": md(session.get("registration_to")),
        "notice_date": cn_date(parse_date(session["notice_date"])) if session.get("notice_date") else "",
        "phone": phone,
        "fax": fax,
        "phone_fax": phone_fax,
        "email": contact.get("email") or "",
        "hours": contact.get("hours") or "",
        "contact_place": contact.get("place") or contact.get("address") or "",
        "address": contact.get("address") or "",
        "session": session["id"],
        "handover_limits": settings.policy.limits.handover_sentence(),
    }


def render(text: str, values: dict, shown: str = "notice.md") -> str:
    """Fill the template; stop listing every unknown or empty placeholder with its line."""
    problems = []
    for lineno, line in enumerate(text.splitlines(), start=1):
        for name in template.names(line):
            if name not in values:
                problems.append(Problem(shown, lineno, "template", "error", f"占位符 {{{{{name}}}}} 不存在"))
            elif not values[name]:
                problems.append(Problem(shown, lineno, "template", "error",
                                        f"占位符 {{{{{name}}}}} 没有内容（请在设置或场次文件中填写）"))
    if problems:
        raise ProblemsFound("通告模板有问题，未生成：", problems, f"可用的占位符：{'、'.join(sorted(values))}")
    return template.fill(text, values)


def _session(ledger, settings, given: str):
    from anshang.core.matching import find_session, session_fields
    from anshang.store import loader

    world = loader.load(ledger, {"leaders", "session", "units"})
    sid = find_session(world, given)
    s = world.sessions[sid]
    leader = world.leaders.get(s.get("leader"))
    if leader is None:
        raise AnshangError(f"场次 {sid} 的接待领导 {s.get('leader')!r} 不在 leaders.yaml 中")
    return s, values_for(s, leader, settings, session_fields(s, world.leaders))


def notice_text(ledger, settings, given: str) -> str:
    """The notice of one session (by id or date) in Markdown, from the ledger's or the packaged
    template."""
    from anshang.store.templates import ledger_template, template_text

    _, values = _session(ledger, settings, given)
    path, shown = ledger_template(ledger, "notice.md")
    return render(template_text(path), values, shown)


def notice_docx(ledger, settings, given: str) -> tuple[bytes, str]:
    """The notice of one session as a Word document in official layout, and its file name."""
    from anshang.documents import official
    from anshang.store.outputs import safe_filename

    s, values = _session(ledger, settings, given)
    values["handover_limits"] = official.tight(values["handover_limits"])
    path, shown = official.template(ledger, "notice.docx")
    data = official.render(path, shown, values, required=tuple(values))
    from anshang.documents.letters import session_label

    return data, safe_filename(f"通告-{settings.city}市长服务民营企业接待日-{session_label(s).removeprefix('接待日')}",
                               120) + ".docx"
