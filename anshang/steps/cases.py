"""Creating and changing case files. Every change is one locked, atomic, comment-preserving
rewrite of one file, and what decides it is read inside the same lock."""

from __future__ import annotations

import datetime as dt
import getpass
import os

from anshang.core.dates import parse_date
from anshang.core.ids import new_case_id, resolve
from anshang.store import canonical, loader
from anshang.store.folder import Ledger


def clerk_name(given: str | None = None) -> str:
    """Who is recording: --by, else ANSHANG_CLERK, else the login name."""
    if given:
        return given
    env = os.environ.get("ANSHANG_CLERK")
    if env:
        return env
    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - no login name on some Windows services
        return "营商办"


def find_case(ledger: Ledger, prefix: str, only_cases: bool = False) -> str:
    """The case id an unambiguous prefix names (only file names are listed, none parsed).

    An id starts with its registration date, so a prefix of two or more digits only needs
    the folder of that year: finding one case does not grow with the ledger. Text that is not
    an id (Chinese) names a case by its enterprise or its title (``by_name``). An id starting with a
    letter is a task's or a topic's (unless ``only_cases``)."""
    p = prefix.strip()
    if p and not p.isascii():
        return by_name(ledger, p)
    if p[:1].isalpha():  # an action-plan task (xd2026-07) or a research topic (zt261120-k7m2x)
        if only_cases:
            from anshang.core.problems import AnshangError

            raise AnshangError(f"{p} 不是企业诉求的编号（工作任务、专题调研的编号以字母开头）：这条命令只用于企业诉求")
        return resolve(p, ledger.item_ids(), "工作任务或专题调研")
    if len(p) >= 2 and p[:2].isdigit():
        return resolve(prefix, ledger.case_ids(year=f"20{p[:2]}"))
    return resolve(prefix, ledger.case_ids())


def by_name(ledger: Ledger, text: str) -> str:
    """The one case whose enterprise name or title contains ``text`` (an open one is preferred
    when the enterprise has finished demands too); several: they are listed to choose from."""
    from anshang.core import lifecycle
    from anshang.core.problems import AnshangError

    world = loader.load(ledger, {"case", "enterprise"})

    def name(c):
        return str((world.enterprises.get(c.get("enterprise")) or {}).get("name") or c.get("enterprise_name") or "")

    hits = [c for c in world.cases.values() if text in name(c) or text in str(c.get("title") or "")]
    open_hits = [c for c in hits if lifecycle.finished_on(c) is None and not lifecycle.is_closed(c)]
    if len(hits) == 1 or len(open_hits) == 1:
        return (hits if len(hits) == 1 else open_hits)[0]["id"]
    if not hits:
        raise AnshangError(f"没有企业名称或诉求事项中含“{text}”的诉求；请写诉求编号（anshang list {text} 可查找）")
    shown = "；".join(f"{c['id']} {name(c)}：{c.get('title', '')}" for c in sorted(hits, key=lambda c: c["id"])[:6])
    raise AnshangError(f"含“{text}”的诉求有 {len(hits)} 件：{shown}{' 等' if len(hits) > 6 else ''}；请写诉求编号")


def create_case(ledger: Ledger, data: dict) -> str:
    """Write a new case file from ``data`` (without id); returns the new id."""
    registered = parse_date(data["registered"])
    with ledger.lock():
        cid = new_case_id(registered, set(ledger.case_ids()))
        body = {"id": cid, **{k: v for k, v in data.items() if k != "id"}}
        body["registered"] = registered
        ledger.create(Ledger.case_rel(cid), body)
    return cid


def update_case(ledger: Ledger, cid: str, decide):
    """Read the case, decide, write — all inside the write lock.

    ``decide(case)`` gets the case as plain data read under the lock; it raises AnshangError
    to refuse (nothing is written) or returns ``(change, result)``: ``change(doc)`` edits the
    round-trip document (None: nothing to write) and ``result`` is returned."""
    with ledger.lock():
        case = loader.case(ledger, cid)
        change, result = decide(case)
        if change is not None:
            ledger.edit(Ledger.item_rel(cid), change)
    return result


def event(day: dt.date, kind: str, by: str, **extra) -> dict:
    """One ``events`` item; empty extras are left out."""
    ev = {"date": day, "kind": kind, "by": by}
    ev.update({k: v for k, v in extra.items() if v not in (None, "", [])})
    return ev


def append(doc, ev: dict, kind: str | None = None) -> None:
    """Append an event to a round-trip document of a case (or of a session, ``kind``),
    creating ``events`` in canonical position."""
    if doc.get("events"):
        doc["events"].append(canonical.one_line(canonical.to_rt(ev)))
    else:
        canonical.put(doc, "events", [canonical.one_line(canonical.to_rt(ev))], kind or doc_kind(doc))


def doc_kind(doc) -> str:
    """Which kind of file a case-like document is (its keys order by that kind's schema)."""
    from anshang.core.ids import item_kind

    return item_kind(str(doc.get("id") or "")) if doc.get("id") else "case"


def set_deadline(doc, kind: str, record: dict) -> None:
    if doc.get("deadlines") is None:
        canonical.put(doc, "deadlines", {kind: record}, doc_kind(doc))
    else:
        canonical.put(doc["deadlines"], kind, record, doc_kind(doc), ("deadlines",))


def note(ledger: Ledger, cid: str, day: dt.date, text: str, by: str) -> str:
    """Append a note (备注) to a case; returns the file changed."""
    ev = event(day, "note", by, note=text)
    update_case(ledger, cid, lambda case: (lambda doc: append(doc, ev), None))
    return Ledger.item_rel(cid)


def renumber(ledger: Ledger, given: str, day: dt.date | None = None, by: str = "") -> tuple[str, str, str]:
    """Give a case a fresh id (same registration date, a new random part) and move its file:
    for two clones that happened to give different cases the same id. ``given`` is an id (or a
    unique prefix) or the path of a case file, e.g. a copy saved from a merge conflict.
    Returns (old id, new id, new file)."""
    from pathlib import Path

    from anshang.core.problems import AnshangError
    from anshang.store.folder import CASES_DIR, keep_style
    from anshang.store.yamlfile import decode, guess_indent, rt_dump, rt_load

    with ledger.lock():
        if given.endswith(".yaml"):
            path = ledger.path(given)
            if not path.is_file() or ledger.rel(path).split("/")[0] != CASES_DIR:
                raise AnshangError(f"{given} 不是台账 cases/ 目录中的诉求文件")
        else:
            path = ledger.path(Ledger.case_rel(find_case(ledger, given)))
        old_rel = ledger.rel(path)
        data = loader.read(ledger, old_rel, valid=False)
        if not isinstance(data, dict) or not data.get("registered"):
            raise AnshangError(f"{old_rel} 没有登记日期（registered），无法编号")
        try:
            registered = parse_date(data["registered"])
        except ValueError as e:
            raise AnshangError(f"{old_rel}：登记日期 {e}") from None
        old_id = str(data.get("id") or Path(old_rel).stem)
        new_id = new_case_id(registered, set(ledger.case_ids()) | {old_id})
        new_rel = Ledger.case_rel(new_id)
        raw = path.read_bytes()
        text = decode(raw, old_rel)
        doc = rt_load(text)
        doc["id"] = new_id
        append(doc, event(day or dt.date.today(), "note", by or clerk_name(), note=f"编号由 {old_id} 改为 {new_id}（编号撞号）"))
        after = rt_dump(doc, indent=guess_indent(text))
        ledger.replace_file(new_rel, keep_style(text, raw.startswith(b"\xef\xbb\xbf"), after))
        path.unlink()
    return old_id, new_id, new_rel
