"""Creating and editing case files. Each edit is one locked, atomic, comment-preserving
rewrite of one file; nothing here reads the other cases' contents."""

from __future__ import annotations

import getpass
import os

from anshang import fmt
from anshang.dates import parse_date
from anshang.ids import new_case_id, resolve
from anshang.ledger import Ledger


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


def find_case(ledger: Ledger, prefix: str) -> str:
    """The case id an unambiguous prefix names (only file names are listed, none parsed).

    An id starts with its registration date, so a prefix of two or more digits only needs
    the folder of that year: finding one case does not grow with the ledger."""
    p = prefix.strip()
    if len(p) >= 2 and p[:2].isdigit():
        return resolve(prefix, ledger.case_ids(year=f"20{p[:2]}"))
    return resolve(prefix, ledger.case_ids())


def create_case(ledger: Ledger, data: dict) -> str:
    """Write a new case file from ``data`` (without id); returns the new id."""
    registered = parse_date(data["registered"])
    with ledger.lock():
        cid = new_case_id(registered, set(ledger.case_ids()))
        body = {"id": cid, **{k: v for k, v in data.items() if k != "id"}}
        body["registered"] = registered
        ledger.create(Ledger.case_rel(cid), body)
    return cid


def append_event(ledger: Ledger, case_id: str, event: dict) -> str:
    """Append one event to a case's ``events`` (creating the list in canonical position)."""
    rel = Ledger.case_rel(case_id)
    event = dict(event)
    if isinstance(event.get("date"), str):
        event["date"] = parse_date(event["date"])

    def change(doc):
        if doc.get("events"):
            doc["events"].append(fmt.to_rt(event))
        else:
            fmt.put(doc, "events", [event], "case")

    with ledger.lock():
        ledger.edit(rel, change)
    return rel
