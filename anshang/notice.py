"""The public notice (附件1 通告) from a template with {{placeholders}}; a placeholder that does
not exist, or has no value, is reported rather than left blank."""

from __future__ import annotations

import re

from anshang.dates import cn_date, parse_date
from anshang.errors import AnshangError

PLACEHOLDER = re.compile(r"\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}")


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
    }


def render(template: str, values: dict, template_name: str = "notice.md") -> str:
    """Fill the template; stop listing every unknown or empty placeholder with its line."""
    problems = []
    for lineno, line in enumerate(template.splitlines(), start=1):
        for m in PLACEHOLDER.finditer(line):
            name = m.group(1)
            if name not in values:
                problems.append(f"{template_name}:{lineno}: 占位符 {{{{{name}}}}} 不存在")
            elif not values[name]:
                problems.append(f"{template_name}:{lineno}: 占位符 {{{{{name}}}}} 没有内容（请在设置或场次文件中填写）")
    if problems:
        known = "、".join(sorted(values))
        raise AnshangError("通告模板有问题，未生成：\n" + "\n".join(problems) + f"\n可用的占位符：{known}")
    return PLACEHOLDER.sub(lambda m: values[m.group(1)], template)
