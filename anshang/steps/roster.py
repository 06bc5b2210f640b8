"""Importing the city's dispatch list into the roster (企业名录): rows are upserted by USCC, so
importing twice changes nothing."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from anshang.core.problems import Problem, ProblemsFound
from anshang.documents.roster_sheet import read_rows
from anshang.store import canonical, loader
from anshang.store.folder import Ledger


@dataclass
class ImportResult:
    year: int
    added: list = field(default_factory=list)
    updated: list = field(default_factory=list)
    unchanged: list = field(default_factory=list)
    rejected: list = field(default_factory=list)  # Problems (sheet and cell)

    @property
    def rejected_rows(self) -> int:
        """Rows refused (a row with several problems counts once)."""
        import re

        return len({(p.path, re.sub(r"[A-Z]+", "", p.cell.split("!")[-1]) if p.cell else p.line) for p in self.rejected})


def import_roster(ledger: Ledger, settings, path: Path, year: int | None, today_year: int) -> ImportResult:
    """Upsert the dispatch list's rows by USCC, adding ``year`` to each one's dispatch years."""
    rows, rejected, title_year = read_rows(path, settings)
    year = year or title_year or today_year
    result = ImportResult(year, rejected=list(rejected))
    seen: dict = {}
    with ledger.lock():
        # every enterprise file to be updated must be sound before anything is written
        broken = []
        for _, rec in rows:
            rel = Ledger.enterprise_rel(rec["uscc"])
            if ledger.path(rel).exists():
                try:
                    loader.read(ledger, rel)
                except ProblemsFound as e:
                    broken += e.problems
        if broken:
            raise ProblemsFound(loader.UNREADABLE, broken, "名单未导入（一个也未写入）")
        for where, rec in rows:
            code = rec["uscc"]
            if code in seen:
                result.rejected.append(Problem(Path(path).name, 0, "roster", "error",
                                              f"统一社会信用代码 {code} 与 {seen[code]} 重复，已跳过", where))
                continue
            seen[code] = where
            rel = Ledger.enterprise_rel(code)
            if not ledger.path(rel).exists():
                ledger.create(rel, {**rec, "dispatch_years": [year]})
                result.added.append(code)
            elif _update(ledger, rel, rec, year):
                result.updated.append(code)
            else:
                result.unchanged.append(code)
    return result


def _update(ledger: Ledger, rel: str, rec: dict, year: int) -> bool:
    """Bring one enterprise file up to date with a roster row; True if anything changed."""
    changed = []

    def change(doc):
        for key in ("name", "district", "industry", "legal_rep"):
            if rec.get(key) and doc.get(key) != rec[key]:
                canonical.put(doc, key, rec[key], "enterprise")
                changed.append(key)
        cats = list(doc.get("categories") or [])
        if sorted(cats) != sorted(rec["categories"]):
            canonical.put(doc, "categories", rec["categories"], "enterprise")
            changed.append("categories")
        years = [int(y) for y in doc.get("dispatch_years") or []]
        if year not in years:
            canonical.put(doc, "dispatch_years", sorted(years + [year]), "enterprise")
            changed.append("dispatch_years")
        for c in rec.get("contacts") or []:
            contacts = doc.get("contacts") or []
            if not any(str(x.get("phone")) == c.get("phone") and x.get("name") == c.get("name") for x in contacts):
                if contacts:
                    contacts.append(canonical.to_rt(c))
                else:
                    canonical.put(doc, "contacts", [c], "enterprise")
                changed.append("contacts")
        return bool(changed)

    ledger.edit(rel, change)
    return bool(changed)
