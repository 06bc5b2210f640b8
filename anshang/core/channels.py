"""Channel rules (渠道规则): per channel, whether the reception day's screening (§三) applies,
whether the demand goes through session matching, and which reports a handed-over item owes
under which rule (a complaint centre: acknowledge in 1 working day, the result in 15). The
settings' ``channels`` say it; a channel they do not name keeps the reception day's screening
and limits, and only the reception day itself is matched to sessions. Pure."""

from __future__ import annotations

from dataclasses import dataclass, field

from anshang.core.deadlines import Rule


@dataclass(frozen=True)
class ChannelRule:
    screening: bool = True
    matching: bool = False
    obligations: dict = field(default_factory=dict)  # deadline kind -> Rule (empty: the settings' progress and result)


def rule_for(channels: dict | None, channel: str | None, limits) -> ChannelRule:
    """The rule of ``channel`` from the settings' ``channels`` mapping, with its defaults filled in."""
    channel = channel or "reception_day"
    given = (channels or {}).get(channel) or {}
    obligations = {k: Rule(v["rule"], v["n"]) for k, v in (given.get("obligations") or {}).items()
                   if isinstance(v, dict) and not str(k).startswith("__")}
    if not obligations:
        obligations = {"progress": limits.progress, "result": limits.result}
    return ChannelRule(screening=given.get("screening", True),
                       matching=given.get("matching", channel == "reception_day"),
                       obligations=obligations)


def matched(channels: dict | None) -> set:
    """The channels whose accepted demands are matched to reception-day sessions."""
    from anshang.core.labels import CHANNELS

    return {ch for ch in CHANNELS if (channels or {}).get(ch, {}).get("matching", ch == "reception_day")}


def describe(rule: ChannelRule) -> str:
    """The rule in words, for help and the README: 不审查；不匹配；签收反馈 1个工作日、办理结果 15个工作日."""
    from anshang.core.labels import DEADLINE_KINDS

    parts = ["适用接待日受理审查" if rule.screening else "登记即受理（不适用接待日受理审查）",
             "参加接待日双向匹配" if rule.matching else "受理后直接交办"]
    parts.append("、".join(f"{DEADLINE_KINDS[k]} {r.short()}" for k, r in rule.obligations.items()))
    return "；".join(parts)
