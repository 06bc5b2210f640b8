"""``check`` remembered: when no ledger file has changed since the last check, its answer is
reused (``.anshang/check.json``); when some have, the findings of the rules about single enterprise
and case files are reused for the files unchanged (``.anshang/check-files.bin``), while what those
rules read from other files is the same. Both are safe to delete at any time."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from anshang.core.problems import Problem
from anshang.store import checks
from anshang.store.atomic import atomic_write


def code_stamp() -> str:
    """The installed anshang modules' identities: an edited validator must not reuse old answers
    (an editable install keeps the same version number)."""
    here = Path(__file__).resolve().parent.parent
    return ",".join(f"{p.relative_to(here).as_posix()}:{p.stat().st_mtime_ns}" for p in sorted(here.rglob("*.py")))


def check_ledger(ledger, today: dt.date, use_cache: bool = True) -> list[Problem]:
    """``run`` over the whole ledger, remembering the answer: when no file has changed since
    the last check (same identities, same day, same versions) the stored problems are reused.
    The store is ``.anshang/check.json`` and may be deleted at any time."""
    import json

    import chinese_calendar

    store = ledger.state_dir / "check.json"
    key = ledger.fingerprint(f"{today.isoformat()}|{getattr(chinese_calendar, '__version__', '')}|{code_stamp()}") \
        if use_cache else None
    if key is not None:
        try:
            blob = json.loads(store.read_bytes())
            if blob.get("key") == key:
                ledger.forget_fingerprint()
                return [Problem(*p) for p in blob["problems"]]
        except (OSError, ValueError, KeyError, TypeError):
            pass
    stamp = f"{getattr(chinese_calendar, '__version__', '')}|{code_stamp()}"
    memo = _read_memo(ledger.state_dir / MEMO, stamp) if use_cache else None
    ledger.keep(None)  # (a check run again on the same ledger object: the last one's files are let go first)
    snap = ledger.load_all(use_cache=use_cache, schema=True)
    problems = checks.run(snap, today=today, memo=memo)
    ledger.keep(snap)
    if memo is not None and memo.pop("changed", True):
        _write_memo(ledger.state_dir / MEMO, stamp, memo)
    if key is not None:
        try:
            atomic_write(store, json.dumps(
                {"key": key, "problems": [[p.path, p.line, p.code, p.severity, p.message, p.cell] for p in problems]},
                ensure_ascii=False))
        except OSError:
            pass
    return problems


MEMO = "check-files.bin"


def _read_memo(path: Path, stamp: str) -> dict:
    """The file rules' findings remembered by the last check, or an empty memo."""
    from anshang.store.cache import read_blob

    found = read_blob(path, f"check|{stamp}")
    return found if isinstance(found, dict) and isinstance(found.get("files"), dict) else {}


def _write_memo(path: Path, stamp: str, memo: dict) -> None:
    from anshang.store.cache import write_blob

    write_blob(path, memo, f"check|{stamp}")
