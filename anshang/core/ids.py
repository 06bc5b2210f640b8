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


def new_case_id(day: dt.date, taken=frozenset()) -> str:
    """A fresh id for a case registered on ``day`` that is not in ``taken``."""
    while True:
        tail = "".join(secrets.choice(ALPHABET) for _ in range(5))
        cid = f"{day:%y%m%d}-{tail}"
        if cid not in taken:
            return cid


def id_problem(cid: str) -> str | None:
    if not isinstance(cid, str) or not ID_RE.match(cid):
        return f"诉求编号 {cid!r} 格式不对，应为“年月日-5位字母数字”，例如 260305-k7m2x"
    return None


def _norm(text: str) -> str:
    return text.strip().lower().replace("-", "")


def resolve(prefix: str, ids) -> str:
    """The one id that starts with ``prefix`` (case and hyphen insensitive)."""
    p = _norm(prefix)
    if not p:
        raise AnshangError("请给出诉求编号（或其唯一前缀）")
    hits = [i for i in ids if _norm(i).startswith(p)]
    if len(hits) == 1:
        return hits[0]
    if not hits:
        raise AnshangError(f"没有编号以 {prefix!r} 开头的诉求（用 anshang check 或查看 cases/ 目录核对编号）")
    shown = "、".join(sorted(hits)[:8]) + (" 等" if len(hits) > 8 else "")
    raise AnshangError(f"编号前缀 {prefix!r} 对应 {len(hits)} 件诉求：{shown}；请多输入几位")
