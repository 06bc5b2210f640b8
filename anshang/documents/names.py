"""How people, units and enterprises are named in documents (ids are for files, names for people)."""

from __future__ import annotations


def unit_name(units: dict, uid) -> str:
    return (units.get(uid) or {}).get("name") or (uid or "")


def unit_names(units: dict, uids) -> str:
    return "、".join(unit_name(units, u) for u in uids or [])


def enterprise_name(case: dict, enterprises: dict) -> str:
    return (enterprises.get(case.get("enterprise")) or {}).get("name") or case.get("enterprise_name") or ""


def source_name(item: dict, world) -> str:
    """Where an item comes from, for a column beside its title: a demand's enterprise, a task's
    action plan and number (行动方案第7项), or 专题调研."""
    if item.get("plan"):
        plan = (getattr(world, "plans", {}) or {}).get(item["plan"]) or {}
        return f"{plan.get('title') or item['plan']}第{item.get('number')}项"
    from anshang.core.ids import item_kind

    if item_kind(str(item.get("id", ""))) == "topic":
        return "专题调研"
    if item_kind(str(item.get("id", ""))) == "project":
        return f"重大项目（{enterprise_name(item, world.enterprises)}）"
    return enterprise_name(item, world.enterprises)


def leader_name(leader: dict | None, default: str = "") -> str:
    leader = leader or {}
    return f"{leader.get('title', '')}{leader.get('name', default)}"
