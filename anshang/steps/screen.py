"""Screening (受理审查) against the ledger: the rules' decisions and a person's overrides,
each written into its case under the lock with the clauses it rests on."""

from __future__ import annotations

import datetime as dt

from anshang.core import screening
from anshang.core.labels import DECISIONS
from anshang.core.problems import AnshangError
from anshang.steps.intake import build_index
from anshang.store import canonical, loader
from anshang.store.folder import Ledger


def stored_decision(case: dict) -> screening.Decision | None:
    s = case.get("screening")
    if not isinstance(s, dict) or not s.get("decision"):
        return None
    return screening.Decision(case["id"], s["decision"], list(s.get("clauses") or []),
                              refer_to=s.get("refer_to"), reason=s.get("reason") or "", type=s.get("type"))


RULES_BY = "按规则审查"


def screen_cases(ledger: Ledger, settings, ids: list[str] | None, day: dt.date, by: str,
                 redo: bool = False) -> list[tuple[screening.Decision, bool]]:
    """Screen the named cases (all cases when none are named); returns (decision, newly made).

    Cases already screened keep their decision unless ``redo``; an override is never redone.
    """
    with ledger.lock():
        idx = build_index(ledger)
        chosen = sorted(idx.cases) if not ids else ids
        results = []
        for cid in chosen:
            case = idx.cases[cid]
            if case.get("missing"):  # 待补正: screened once completed
                if ids:
                    raise AnshangError(f"{cid} 待补正（{'；'.join(case['missing'])}），补正后才能审查："
                                       f"anshang edit {cid} 补上并删去 missing，或请企业重新发来登记表")
                continue
            old = stored_decision(case)
            overridden = bool((case.get("screening") or {}).get("override"))
            if old is not None and (not redo or overridden):
                old.title = case.get("title") or ""
                results.append((old, False))
                continue
            ent = idx.enterprises.get(case.get("enterprise"))
            decision = screening.screen(case, ent, settings, idx.units)
            # a rule's decision does not depend on who ran it: two clones screening the same
            # case on the same day write the same bytes (and merge without a conflict)
            _write_screening(ledger, cid, screening.screening_record(decision, day, RULES_BY),
                             decision.suggested_units, case)
            decision.title = case.get("title") or ""
            results.append((decision, True))
    return results


def override(ledger: Ledger, settings, cid: str, decision: str, clauses: list[str], reason: str,
             day: dt.date, by: str, refer_to: str | None = None, typ: int | None = None) -> screening.Decision:
    """A person's decision, recorded with the reason it departs from (or confirms) the rules."""
    if not reason.strip():
        raise AnshangError("人工改判必须用 --reason 说明理由")
    from anshang.core import naming

    decision = naming.choice(decision, DECISIONS, "--decision")
    if not clauses:
        raise AnshangError("请用 --clause 注明依据条款，例如 --clause §三(二)3")
    with ledger.lock():
        idx = build_index(ledger, with_cases=False)
        if refer_to:
            refer_to = naming.unit(refer_to, idx.units, "--refer-to：单位")
        if decision == "referred" and not refer_to:
            raise AnshangError("转属地或部门须用 --refer-to 指定单位编号")
        d = screening.Decision(cid, decision, clauses, refer_to=refer_to, reason=reason,
                               type=typ if decision == "accepted" else None)
        case = loader.case(ledger, cid)
        d.title = case.get("title") or ""
        _write_screening(ledger, cid, screening.screening_record(d, day, by, override=reason), None, case)
    return d


def _write_screening(ledger, cid, record, units, case):
    def change(doc):
        if units and list(case.get("suggested_units") or []) != list(units):
            canonical.put(doc, "suggested_units", list(units), "case")
        canonical.put(doc, "screening", record, "case")

    ledger.edit(Ledger.case_rel(cid), change)
