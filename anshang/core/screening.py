"""Screening (受理审查) by the work plan's rules, each decision citing its clause. Pure."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from anshang.core.dates import parse_date

EXCLUSIONS = [  # declared key, clause, reason
    ("judicial", "§三(二)1", "已进入诉讼、行政复议或仲裁程序，不在接待日受理，请通过法定途径解决"),
    ("discipline", "§三(二)2", "已由纪委监委受理"),
    ("petition", "§三(二)3", "已通过信访渠道反映"),
    ("proposal", "§三(二)4", "已作为人大代表建议或政协委员提案办理"),
]
MIN_TEXT = 6  # fewer characters than this in facts, reasons or request is not "concrete"


@dataclass
class Decision:
    """What screening decided for one case, and on which clauses."""

    id: str
    decision: str  # accepted | excluded | referred
    clauses: list = field(default_factory=list)
    refer_to: str | None = None
    reason: str = ""
    type: int | None = None
    suggested_units: list = field(default_factory=list)
    title: str = ""  # the case's 诉求事项, for people reading the result

    def as_dict(self) -> dict:
        return {"id": self.id, "decision": self.decision, "clauses": list(self.clauses),
                "refer_to": self.refer_to, "reason": self.reason}


def is_key_enterprise(enterprise: dict | None, year: int) -> bool:
    """§二(三): in the city's dispatch list of that year and 规上, 上市后备 or 高新."""
    if not enterprise:
        return False
    years = enterprise.get("dispatch_years") or []
    cats = enterprise.get("categories") or []
    return year in years and bool(set(cats) & {"above_scale", "listing_reserve", "high_tech"})


def suggested_units(case: dict, routing: dict) -> list[str]:
    """The form's suggestions first, then the routing of each field, without repeats."""
    out: list[str] = []
    for u in case.get("suggested_units") or []:
        if u not in out:
            out.append(u)
    for f in case.get("fields") or []:
        for u in routing.get(f, ()):
            if u not in out:
                out.append(u)
    return out


def _blank(text) -> bool:
    return len(str(text or "").strip()) < MIN_TEXT


def screen(case: dict, enterprise: dict | None, settings, units: dict) -> Decision:
    """Decide one case: excluded (§三(二)1–6), referred (§二(三)) or accepted (§三(一) type)."""
    cid = case.get("id", "")
    declared = case.get("declared") or {}
    reg = parse_date(case["registered"])
    routed = suggested_units(case, settings.routing)
    channel = case.get("channel", "reception_day")
    if hasattr(settings, "channel_rule") and not settings.channel_rule(channel).screening:
        from anshang.core.labels import CHANNELS

        return Decision(cid, "accepted", [], reason=f"{CHANNELS.get(channel, channel)}的诉求按渠道规则办理，"
                                                    "不适用接待日受理审查（§三），登记即受理", suggested_units=routed)
    for key, clause, reason in EXCLUSIONS:
        if declared.get(key):
            return Decision(cid, "excluded", [clause], reason=f"登记表自述：{reason}", suggested_units=routed)
    contact = case.get("contact") or {}
    named = bool(case.get("enterprise") or case.get("enterprise_name"))
    reachable = bool(str(contact.get("name") or "").strip() and str(contact.get("phone") or "").strip())
    if declared.get("anonymous") or not named or not reachable:
        why = "登记表表示不同意实名反映" if declared.get("anonymous") else (
            "无法确认反映企业" if not named else "没有可联系的联系人和电话")
        return Decision(cid, "excluded", ["§三(二)6"], reason=f"匿名反映：{why}", suggested_units=routed)
    if declared.get("vague") or _blank(case.get("facts")) or _blank(case.get("reasons")) \
            or _blank(case.get("request")) or not str(case.get("title") or "").strip():
        missing = [label for key, label in (("facts", "事实"), ("reasons", "理由"), ("request", "具体诉求"))
                   if _blank(case.get(key))]
        why = f"缺少具体的{'、'.join(missing)}" if missing else "无明确对象"
        return Decision(cid, "excluded", ["§三(二)5"], reason=f"诉求不具体：{why}", suggested_units=routed)
    if case.get("channel", "reception_day") == "reception_day" and not is_key_enterprise(enterprise, reg.year):
        target = _referral_target(enterprise, case, units, routed)
        name = units.get(target, {}).get("name", target) if target else "属地政府或有关部门"
        why = (f"企业未纳入市政府{reg.year}年调度名单" if not enterprise or reg.year not in (enterprise.get("dispatch_years") or [])
               else "企业不属于规上、上市后备或高新技术企业")
        return Decision(cid, "referred", ["§二(三)"], refer_to=target,
                        reason=f"{why}，转{name}接待受理", suggested_units=routed)
    departments = [u for u in routed if units.get(u, {}).get("kind") == "department"]
    typ = 2 if len(departments) >= 2 else 4
    reason = ("涉及市政府多个部门，需市领导协调" if typ == 2 else "需市领导协调的其他重大事项")
    return Decision(cid, "accepted", ["§二(三)", f"§三(一){typ}"], reason=reason, type=typ,
                    suggested_units=routed)


def _referral_target(enterprise, case, units, routed) -> str | None:
    """The enterprise's district government, else the department for the first field."""
    district = (enterprise or {}).get("district")
    for uid, u in units.items():
        if u.get("kind") == "district" and u.get("district") == district:
            return uid
    for uid in routed:
        if units.get(uid, {}).get("kind") == "department":
            return uid
    return None


def screening_record(d: Decision, day: dt.date, by: str, override: str | None = None) -> dict:
    """The ``screening`` mapping stored in the case file."""
    rec: dict = {"decision": d.decision, "date": day, "clauses": list(d.clauses)}
    if d.type is not None and d.decision == "accepted":
        rec["type"] = d.type
    if d.refer_to:
        rec["refer_to"] = d.refer_to
    rec["reason"] = d.reason
    rec["by"] = by
    if override:
        rec["override"] = override
    return rec
