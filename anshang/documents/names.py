"""How people, units and enterprises are named in documents (ids are for files, names for people)."""

from __future__ import annotations


def unit_name(units: dict, uid) -> str:
    return (units.get(uid) or {}).get("name") or (uid or "")


def unit_names(units: dict, uids) -> str:
    return "、".join(unit_name(units, u) for u in uids or [])


def enterprise_name(case: dict, enterprises: dict) -> str:
    return (enterprises.get(case.get("enterprise")) or {}).get("name") or case.get("enterprise_name") or ""


def leader_name(leader: dict | None, default: str = "") -> str:
    leader = leader or {}
    return f"{leader.get('title', '')}{leader.get('name', default)}"
