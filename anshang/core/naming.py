"""Names wherever ids go: a unit by its id, full name or a short form (工信局 for
市工业和信息化局), a fixed choice by its key or its Chinese word (受理, 规上企业), a district by
(part of) its name. Unknown values are refused with the closest names, never passed on."""

from __future__ import annotations

import difflib

from anshang.core.problems import AnshangError


def _subsequence(short: str, name: str) -> bool:
    """Whether the characters of ``short`` appear in ``name`` in order (工信局 in 市工业和信息化局)."""
    it = iter(name)
    return all(ch in it for ch in short)


def _closest(text: str, candidates) -> str:
    near = difflib.get_close_matches(text, list(candidates), n=3, cutoff=0.3)
    return f"；是否是：{'、'.join(near)}？" if near else ""


def unit(text: str, units: dict, what: str = "承办单位") -> str:
    """The unit id for an id, a full name, a name without 市, a unique part of a name, or a
    unique short form."""
    t = str(text or "").strip()
    if t in units:
        return t
    by_id = [uid for uid in units if uid.lower() == t.lower()]
    if len(by_id) == 1:
        return by_id[0]
    names = {uid: str(u.get("name") or "") for uid, u in units.items()}
    aliased = [uid for uid, u in units.items() if t in (u.get("aliases") or [])]
    if len(aliased) == 1:
        return aliased[0]
    for test in (lambda n: n == t, lambda n: n.lstrip("市") == t.lstrip("市"), lambda n: t in n,
                 lambda n: _subsequence(t, n)):
        hits = [uid for uid, n in names.items() if t and test(n)]
        if len(hits) == 1:
            return hits[0]
        if len(hits) > 1:
            raise AnshangError(f"{what} {t!r} 可指 {'、'.join(names[h] for h in hits[:6])}；请写全称或编号")
    raise AnshangError(f"{what} {t!r} 不在 units.yaml 中{_closest(t, list(names.values()) + list(names))}")


def units(texts, table: dict, what: str = "承办单位") -> list[str]:
    return [unit(t, table, what) for t in texts or []]


def choice(text: str, table: dict, option: str) -> str:
    """The key of ``table`` given as the key itself or its Chinese word."""
    t = str(text or "").strip()
    if t in table:
        return t
    for key, word in table.items():
        if t == word:
            return key
    starts = [key for key, word in table.items() if t and word.startswith(t)]
    if len(starts) == 1:  # 规上 for 规上企业
        return starts[0]
    shown = "、".join(f"{v}（{k}）" if k != v else k for k, v in table.items())
    raise AnshangError(f"{option} 只能是 {shown}{_closest(t, list(table.values()))}")


def district(text: str, districts, option: str = "--district") -> str:
    """A district from the settings by its name or a unique beginning of it."""
    t = str(text or "").strip()
    known = list(districts or [])
    if t in known:
        return t
    hits = [d for d in known if t and (d.startswith(t) or t.startswith(d))]
    if len(hits) == 1:
        return hits[0]
    raise AnshangError(f"{option} {t!r} 不是设置中的属地（{'、'.join(known)}）{_closest(t, known)}")


def leader(text: str, leaders: dict) -> str:
    """A leader by id, name, or title and name (市长韩立成)."""
    t = str(text or "").strip()
    if t in leaders:
        return t
    hits = [lid for lid, x in leaders.items() if t in (x.get("name"), f"{x.get('title', '')}{x.get('name', '')}")]
    if len(hits) == 1:
        return hits[0]
    shown = "、".join(f"{x.get('title', '')}{x.get('name', '')}（{lid}）" for lid, x in leaders.items())
    raise AnshangError(f"--leader {t!r} 不在 leaders.yaml 中；可写：{shown}")


def enterprise(text: str, enterprises: dict) -> str:
    """An enterprise of the roster by its code (or the start of it) or a part of its name."""
    t = str(text or "").strip()
    exact = [u for u, e in enterprises.items() if u == t.upper() or str(e.get("name") or "") == t]
    if len(exact) == 1:  # the code, or the full name, wins over names that contain it
        return exact[0]
    hits = [u for u, e in enterprises.items() if u == t.upper() or (len(t) >= 4 and u.startswith(t.upper()))
            or (t and t in str(e.get("name") or ""))]
    if len(hits) == 1:
        return hits[0]
    if not hits:
        raise AnshangError(f"企业名录中没有 {t!r}；先用 anshang roster import 导入或写统一社会信用代码")
    raise AnshangError(f"{t!r} 可指 {'、'.join(str(enterprises[h].get('name')) for h in hits[:6])}；请写全称或代码")
