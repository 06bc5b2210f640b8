"""Service-month campaigns (服务月活动, seeds 000 and 002): phases with dates, key activities each
organised by a unit or a desk of the campaign office, department open days, the demands received
through the campaign's channels while it runs, and the written summary due by a date. The
activities themselves are tasks of a plan named after the campaign (the obligation engine tracks
them like any task). Pure."""

from __future__ import annotations

import datetime as dt

from anshang.core.dates import maybe_date
from anshang.core.labels import CAMPAIGN_DESKS, CAMPAIGN_PHASES

DEFAULT_CHANNELS = ("service_month", "open_day")


def channels(campaign: dict) -> tuple:
    return tuple(campaign.get("channels") or DEFAULT_CHANNELS)


def span(campaign: dict) -> tuple[dt.date | None, dt.date | None]:
    return maybe_date(campaign.get("start")), maybe_date(campaign.get("end"))


def campaigns_of(case: dict, campaigns: dict) -> list[dict]:
    """The campaigns a demand belongs to: registered while one ran, through one of its channels."""
    day = maybe_date(case.get("registered"))
    ch = case.get("channel", "reception_day")
    out = []
    for c in sorted(campaigns.values(), key=lambda c: str(c.get("id"))):
        start, end = span(c)
        if day and start and end and start <= day <= end and ch in channels(c):
            out.append(c)
    return out


def cases_of(campaign: dict, cases: dict) -> dict:
    """The demands linked to a campaign (see ``campaigns_of``), by id."""
    return {cid: c for cid, c in cases.items() if campaign in campaigns_of(c, {campaign.get("id"): campaign})}


def default_phases(start: dt.date, end: dt.date) -> list[dict]:
    """启动、实施、总结 over the campaign's dates: the first five days launch it, the last seven sum it
    up (a campaign shorter than three weeks is one phase of implementation)."""
    if (end - start).days < 20:
        return [{"name": CAMPAIGN_PHASES[1], "start": start, "end": end}]
    launch_end, wrap_start = start + dt.timedelta(days=4), end - dt.timedelta(days=6)
    return [{"name": CAMPAIGN_PHASES[0], "start": start, "end": launch_end},
            {"name": CAMPAIGN_PHASES[1], "start": launch_end + dt.timedelta(days=1), "end": wrap_start - dt.timedelta(days=1)},
            {"name": CAMPAIGN_PHASES[2], "start": wrap_start, "end": end}]


def phase_on(campaign: dict, day: dt.date) -> str:
    """The phase ``day`` falls in ('' outside the phases)."""
    for p in campaign.get("phases") or []:
        start, end = maybe_date(p.get("start")), maybe_date(p.get("end"))
        if start and end and start <= day <= end:
            return str(p.get("name") or "")
    return ""


def desk_units(campaign: dict) -> dict:
    """Desk name -> the unit (as written) that staffs it."""
    return {str(d.get("name")): d.get("unit") for d in campaign.get("desks") or [] if isinstance(d, dict) and d.get("name")}


def is_desk(name: str, campaign: dict) -> bool:
    return str(name).strip() in desk_units(campaign) or str(name).strip() in CAMPAIGN_DESKS


def problems(campaign: dict) -> list[tuple[str, str]]:
    """(key, message) for what is inconsistent within one campaign file."""
    out = []
    start, end = span(campaign)
    if start and end and end < start:
        out.append(("end", f"结束日期 {end} 早于开始日期 {start}"))
    phases = campaign.get("phases") if isinstance(campaign.get("phases"), list) else []
    for i, p in enumerate(phases):
        if not isinstance(p, dict):
            continue  # (the schema check says what a phase should be)
        ps, pe = maybe_date(p.get("start")), maybe_date(p.get("end"))
        if ps and pe and pe < ps:
            out.append((f"phases[{i}]", f"阶段“{p.get('name')}”的结束日期早于开始日期"))
        elif start and end and ps and pe and (ps < start or pe > end):
            out.append((f"phases[{i}]", f"阶段“{p.get('name')}”（{ps}—{pe}）超出活动日期 {start}—{end}"))
    due = maybe_date(campaign.get("summary_due"))
    if due and end and due < end:
        out.append(("summary_due", f"书面总结报送日期 {due} 早于活动结束日期 {end}"))
    acts = campaign.get("activities") if isinstance(campaign.get("activities"), list) else []
    numbers = [a.get("number") for a in acts if isinstance(a, dict) and isinstance(a.get("number"), (int, str))]
    dup = sorted({n for n in numbers if numbers.count(n) > 1 and n is not None})
    if dup:
        out.append(("activities", f"重点活动的序号重复：{'、'.join(str(n) for n in dup)}"))
    return out
