"""Case ids: ``YYMMDD-xxxxx`` — registration date, then 5 random Crockford base-32 characters.

The date part sorts cases by date; the random part (33 million values a day) keeps two clerks
who register cases in separate clones from colliding when they merge, without any shared
counter. ``check`` still reports a duplicate id should the improbable happen.
"""

from __future__ import annotations

import datetime as dt
import re
import secrets

from anshang.core.problems import AnshangError

ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz"  # Crockford: no i, l, o, u
ID_RE = re.compile(r"^\d{6}-[0-9a-hjkmnp-tv-z]{5}$")
# an action-plan task: <plan>-<number> (xd2026-07); a research topic: zt<opened yymmdd>-<5 random> (zt261120-k7m2x)
TASK_ID_RE = re.compile(r"^([a-z][a-z0-9]{1,15})-(\d{2,3})$")
TOPIC_ID_RE = re.compile(r"^zt\d{6}-[0-9a-hjkmnp-tv-z]{5}$")
VISIT_ID_RE = re.compile(r"^zf\d{6}-[0-9a-hjkmnp-tv-z]{5}$")  # a leader's visit (走访): zf261103-ab3cd
PROJECT_ID_RE = re.compile(r"^xm\d{6}-[0-9a-hjkmnp-tv-z]{5}$")  # a major project (重大项目): xm260301-ab3cd


def new_case_id(day: dt.date, taken=frozenset()) -> str:
    """A fresh id for a case registered on ``day`` that is not in ``taken``."""
    while True:
        tail = "".join(secrets.choice(ALPHABET) for _ in range(5))
        cid = f"{day:%y%m%d}-{tail}"
        if cid not in taken:
            return cid


def new_topic_id(day: dt.date, taken=frozenset()) -> str:
    """A fresh, clone-safe id for a research topic opened on ``day``."""
    return "zt" + new_case_id(day, {t[2:] for t in taken})


def new_visit_id(day: dt.date, taken=frozenset()) -> str:
    """A fresh, clone-safe id for a leader's visit on ``day``."""
    return "zf" + new_case_id(day, {t[2:] for t in taken})


def new_project_id(day: dt.date, taken=frozenset()) -> str:
    """A fresh, clone-safe id for a major project added on ``day``."""
    return "xm" + new_case_id(day, {t[2:] for t in taken})


def task_id(plan: str, number: int) -> str:
    return f"{plan}-{number:02d}"


def item_kind(item_id: str) -> str:
    """case | task | topic | project, by the shape of the id."""
    if (item_id or "")[:1].isdigit():  # (every other kind's id starts with a letter)
        return "case"
    if TASK_ID_RE.match(item_id or ""):
        return "task"
    if TOPIC_ID_RE.match(item_id or ""):
        return "topic"
    if PROJECT_ID_RE.match(item_id or ""):
        return "project"
    return "case"


def id_problem(cid: str) -> str | None:
    if not isinstance(cid, str) or not ID_RE.match(cid):
        return f"诉求编号 {cid!r} 格式不对，应为“年月日-5位字母数字”，例如 260305-k7m2x"
    return None


def _norm(text: str) -> str:
    return text.strip().lower().replace("-", "")


def resolve(prefix: str, ids, what: str = "诉求") -> str:
    """The one id that starts with ``prefix`` (case and hyphen insensitive)."""
    p = _norm(prefix)
    if not p:
        raise AnshangError(f"请给出{what}编号（或其唯一前缀）")
    ids = list(ids)
    exact = [i for i in ids if _norm(i) == p]
    if exact:
        return exact[0]
    hits = [i for i in ids if _norm(i).startswith(p)]
    if len(hits) == 1:
        return hits[0]
    if not hits:
        where = {"诉求": "cases/", "领导走访": "visits/", "重大项目": "projects/", "专项活动": "campaigns/"}.get(what, "tasks/、topics/、projects/")
        raise AnshangError(f"没有编号以 {prefix!r} 开头的{what}（用 anshang check 或查看 {where} 目录核对编号）")
    shown = "、".join(sorted(hits)[:8]) + (" 等" if len(hits) > 8 else "")
    raise AnshangError(f"编号前缀 {prefix!r} 对应 {len(hits)} 件{what}：{shown}；请多输入几位")
