"""The ledger's items as plain dicts keyed by id, for commands that decide across files.
Stops when any needed file cannot be read: deciding on a partly read ledger gives wrong
answers (a missed unit, a missed session)."""

from __future__ import annotations

from dataclasses import dataclass, field

from anshang.errors import AnshangError
from anshang.ledger import Ledger
from anshang.yamlio import strip_lines


@dataclass
class World:
    leaders: dict = field(default_factory=dict)
    units: dict = field(default_factory=dict)
    sessions: dict = field(default_factory=dict)
    cases: dict = field(default_factory=dict)
    enterprises: dict = field(default_factory=dict)
    digests: dict = field(default_factory=dict)  # registration form fingerprint -> case id


def load_world(ledger: Ledger, kinds: set) -> World:
    """Read the given kinds (leaders, units, session, case, enterprise) through the cache."""
    snap = ledger.load_all(kinds=set(kinds))
    broken = [p for p in snap.problems if p.severity == "error"]
    if broken:
        lines = "\n".join(p.render() for p in broken[:10])
        raise AnshangError(f"台账中有无法读取的文件，请先修正（anshang check 可列出全部问题）：\n{lines}")
    w = World()
    for doc, key, target in ((snap.leaders, "leaders", w.leaders), (snap.units, "units", w.units)):
        data = doc.data if doc is not None and isinstance(doc.data, dict) else {}
        for item in data.get(key) or []:
            if isinstance(item, dict) and item.get("id"):
                target[item["id"]] = strip_lines(item)
    for docs, key, target in ((snap.sessions, "id", w.sessions), (snap.cases, "id", w.cases),
                              (snap.enterprises, "uscc", w.enterprises)):
        for doc in docs:
            if isinstance(doc.data, dict) and doc.data.get(key):
                target[doc.data[key]] = strip_lines(doc.data)
    for cid, case in w.cases.items():
        src = case.get("source")
        if isinstance(src, dict) and src.get("digest"):
            w.digests.setdefault(src["digest"], cid)
    return w
