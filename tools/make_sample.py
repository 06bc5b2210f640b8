"""Build the sample ledger ``data/`` for the fictional city 北岚市 from ``sample_content``.

Deterministic (seeded): re-running it rebuilds the same files. Deadlines are computed with
anshang's own calendar engine, so the sample agrees with the official 2025–2026 calendar.
Run: python tools/make_sample.py [OUT]   (default: data)
"""

from __future__ import annotations

import datetime as dt
import random
import shutil
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import sample_content as S  # noqa: E402

from anshang.core import uscc  # noqa: E402
from anshang.store import yamlfile as yamlio  # noqa: E402
from anshang.store.atomic import atomic_write  # noqa: E402
from anshang.core.calendar import Calendar, package_arrangements  # noqa: E402
from anshang.core.deadlines import Rule, extended  # noqa: E402
from anshang.store.canonical import canonical_text  # noqa: E402
from anshang.core.ids import ALPHABET  # noqa: E402
from anshang.steps.setup import init_ledger  # noqa: E402

D = dt.date
TODAY = D(2026, 11, 21)  # the sample is "as of" this day
REGION = {"岚山区": "150302", "河口区": "150303", "新港区": "150304", "北岚高新区": "150371", "云台县": "150321"}
SESSIONS = [  # date, leader, status, form
    (D(2025, 3, 20), "mayor", "held", "symposium"),
    (D(2025, 6, 19), "vm-qian", "held", "onsite"),
    (D(2025, 9, 18), "vm-sun", "held", "symposium"),
    (D(2025, 12, 11), "vm-li", "held", "breakfast"),
    (D(2026, 3, 19), "vm-zhao", "held", "symposium"),
    (D(2026, 6, 18), "vm-sun", "held", "onsite"),
    (D(2026, 9, 17), "vm-zhou", "held", "symposium"),
    (D(2026, 11, 12), "vm-qian", "held", "symposium"),
    (D(2026, 12, 10), "mayor", "planned", "symposium"),
    (D(2027, 1, 21), "vm-li", "planned", "breakfast"),
]
CHANNEL_OVERRIDE = {  # case index -> other channel (not matched to sessions)
    3: "hotline", 15: "open_day", 20: "service_month", 34: "leader_visit", 45: "other",
}
EXCLUSION = {
    "excluded_judicial": ("judicial", "§三(二)1", "该事项已进入仲裁或诉讼程序，按规定不纳入接待日受理，请通过司法途径解决"),
    "excluded_discipline": ("discipline", "§三(二)2", "反映的问题已由纪委监委受理，按规定不纳入接待日受理"),
    "excluded_petition": ("petition", "§三(二)3", "该事项已通过信访渠道反映并在办理中"),
    "excluded_proposal": ("proposal", "§三(二)4", "该事项已作为市人大代表建议办理"),
    "excluded_vague": ("vague", "§三(二)5", "诉求无明确对象，无具体事实、理由和请求"),
    "excluded_anonymous": ("anonymous", "§三(二)6", "匿名反映，无法核实企业和联系人"),
}

PROGRESS, RESULT, PERIODIC = Rule("workdays", 7), Rule("days", 30), Rule("every_days", 10)
rng = random.Random(2026)
cal = Calendar(package_arrangements(), allow_provisional=True)


def cid(day: dt.date) -> str:
    return f"{day:%y%m%d}-" + "".join(rng.choice(ALPHABET) for _ in range(5))


def make_uscc(district: str) -> str:
    body = "91" + REGION[district] + "MA" + "".join(rng.choice(uscc.CHARSET[:10] + "ABCDEFGH") for _ in range(7))
    return uscc.complete(body)


def write(root: Path, rel: str, data, kind: str) -> None:
    atomic_write(root / rel, canonical_text(data, kind))


def workday_on_or_before(day: dt.date) -> dt.date:
    while not cal.is_workday(day):
        day -= dt.timedelta(days=1)
    return day


def build(root: Path) -> None:
    if root.exists():
        shutil.rmtree(root)
    init_ledger(root, city="北岚市")
    settings = yamlio.rt_load((root / "anshang.yaml").read_text(encoding="utf-8"))
    settings["contact"].update({
        "address": "北岚市行政中心A座909办公室", "place": "北岚市行政中心A座909办公室",
        "phone": "0479-8991510", "fax": "0479-8991510", "email": "yshj@beilan.example.gov.cn",
    })
    settings["districts"] = list(S.DISTRICTS)
    settings["fields"] = list(S.FIELDS)
    settings["routing"] = {f: list(u) for f, u in S.ROUTING.items()}
    (root / "anshang.yaml").write_text(canonical_text(settings, "settings"), encoding="utf-8")

    leaders = [{"id": x["id"], "name": x["name"], "role": x["role"], "title": x["title"],
                "fields": x["fields"], "active": True} for x in S.LEADERS]
    lead_doc = yamlio.rt_load((root / "leaders.yaml").read_text(encoding="utf-8"))
    lead_doc["leaders"] = leaders
    (root / "leaders.yaml").write_text(canonical_text(lead_doc, "leaders"), encoding="utf-8")
    units = []
    for u in S.UNITS:
        item = {"id": u["id"], "name": u["name"]}
        if u["id"] == "gxj":
            item["aliases"] = ["市工信委"]  # an older name responsibility lists still use
        item["kind"] = u["kind"]
        if u["district"]:
            item["district"] = u["district"]
        item["fields"] = u["fields"]
        item["contact"] = {"name": u["contact_name"], "phone": u["contact_phone"]}
        units.append(item)
    unit_doc = yamlio.rt_load((root / "units.yaml").read_text(encoding="utf-8"))
    unit_doc["units"] = units
    (root / "units.yaml").write_text(canonical_text(unit_doc, "units"), encoding="utf-8")
    unit_by_district = {u["district"]: u["id"] for u in S.UNITS if u["district"]}

    codes = []
    for i, e in enumerate(S.ENTERPRISES):
        code = make_uscc(e["district"])
        codes.append(code)
        data = {
            "uscc": code, "name": e["name"], "district": e["district"],
            "categories": e["categories"], "dispatch_years": [2025, 2026] if e["dispatch"] else [],
            "industry": e["industry"], "legal_rep": e["legal_rep"],
            "contacts": [{"name": e["contact_name"], "role": "联系人", "phone": e["contact_phone"]}],
        }
        if i % 5 == 0:
            data["contacts"][0]["email"] = f"contact{i:03d}@enterprise.example.cn"
        write(root, f"enterprises/{code}.yaml", data, "enterprise")

    leader_fields = {x["id"]: x["fields"] for x in S.LEADERS}
    sessions = {}
    for day, leader, status, form in SESSIONS:
        notice = cal.add_workdays(day, -15)
        reg_to = cal.add_workdays(day, -3)
        sid = day.isoformat()
        s = {
            "id": sid, "date": day, "leader": leader, "fields": list(leader_fields[leader]),
            "form": form, "place": "北岚市行政中心A座第三会议室", "notice_date": notice.due,
            "registration_from": notice.due, "registration_to": reg_to.due, "status": status,
        }
        if notice.provisional or reg_to.provisional or not cal.covers(day.year):
            s["provisional"] = True
        # what the office recorded: notice published, matching after registration closed, attendance notice
        events = []
        if notice.due <= TODAY:
            events.append({"date": notice.due, "kind": "notice", "by": "营商办"})
        if status == "held":
            events.append({"date": cal.add_workdays(reg_to.due, 1).due, "kind": "match"})
            events.append({"date": cal.add_workdays(day, -2).due, "kind": "attend", "by": "营商办"})
        if events:
            s["events"] = events
        sessions[sid] = s
    used = {sid: 0 for sid in sessions}

    def pick_session(fields, window):
        cands = [sid for sid in sessions if window[0] <= sessions[sid]["date"] <= window[1]]
        for sid in cands:
            if set(fields) & set(sessions[sid]["fields"]) and used[sid] < 8:
                return sid
        sid = next(s for s in cands if used[s] < 8)
        sessions[sid]["fields"] = sessions[sid]["fields"] + [f for f in fields if f not in sessions[sid]["fields"]]
        return sid

    windows = {
        "scheduled": (D(2026, 12, 10), D(2026, 12, 10)), "deferred": (D(2027, 1, 21), D(2027, 1, 21)),
        "solved": (D(2026, 3, 1), D(2026, 11, 12)), "explained": (D(2026, 3, 1), D(2026, 11, 12)),
        "handover": (D(2026, 11, 12), D(2026, 11, 12)), "overdue": (D(2026, 9, 17), D(2026, 9, 17)),
        "longterm": (D(2026, 6, 18), D(2026, 6, 18)), "closed": (D(2025, 3, 1), D(2025, 12, 31)),
    }
    taken = set()
    scheduled_told: list = []
    handover_seen: dict = {}
    closed_seen: dict = {}
    for n, c in enumerate(S.CASES):
        kind = c["kind"]
        channel = CHANNEL_OVERRIDE.get(n, "reception_day")
        ent = S.ENTERPRISES[c["enterprise"]] if c["enterprise"] is not None else None
        sid = None
        if kind in windows and channel == "reception_day":
            sid = pick_session(c["fields"], windows[kind])
            used[sid] += 1
            sess_day = sessions[sid]["date"]
            registered = cal.add_workdays(sess_day, -rng.randint(4, 12)).due
            if registered < sessions[sid]["registration_from"]:
                registered = sessions[sid]["registration_from"]
            if registered >= TODAY:  # nobody registers in the future
                registered = workday_on_or_before(TODAY - dt.timedelta(days=rng.randint(1, 2)))
        elif kind in windows:  # other channels: dated like the stage they stand for
            base = windows[kind][1]
            registered = workday_on_or_before(min(base, TODAY) - dt.timedelta(days=rng.randint(10, 20)))
            sess_day = cal.add_workdays(registered, 3).due
        elif kind == "registered":
            registered = workday_on_or_before(TODAY - dt.timedelta(days=rng.randint(1, 5)))
        else:  # screened but not scheduled
            registered = workday_on_or_before(TODAY - dt.timedelta(days=rng.randint(8, 60)))
        case_id = cid(registered)
        while case_id in taken:
            case_id = cid(registered)
        taken.add(case_id)
        data: dict = {"id": case_id, "registered": registered, "channel": channel}
        if channel == "reception_day":
            data["source"] = {"kind": "form", "file": f"预约登记表-{(ent or {}).get('name', '匿名')}.xlsx"}
        else:
            data["source"] = {"kind": "channel"}
        if ent is not None:
            data["enterprise"] = codes[c["enterprise"]]
            data["contact"] = {"name": ent["contact_name"], "phone": ent["contact_phone"]}
        data.update({"fields": c["fields"], "title": c["title"], "facts": c["facts"],
                     "reasons": c["reasons"], "request": c["request"], "suggested_units": c["units"]})
        declared = {k: False for k in ("judicial", "discipline", "petition", "proposal", "vague", "anonymous")}
        if kind in EXCLUSION and kind not in ("excluded_vague",):
            declared[EXCLUSION[kind][0]] = True
        if channel == "reception_day" and ent is not None:
            data["declared"] = declared
        screen_day = cal.add_workdays(registered, 1).due if kind != "registered" else None
        if screen_day is not None and screen_day > TODAY:
            screen_day = registered  # nothing is dated after the sample's "today"
        if kind in EXCLUSION:
            key, clause, reason = EXCLUSION[kind]
            data["screening"] = {"decision": "excluded", "date": screen_day, "clauses": [clause],
                                 "reason": reason, "by": "营商办"}
        elif kind == "referred":
            data["screening"] = {"decision": "referred", "date": screen_day, "clauses": ["§二(三)"],
                                 "refer_to": unit_by_district[ent["district"]],
                                 "reason": f"企业未纳入市政府{registered.year}年调度名单，转属地政府受理", "by": "营商办"}
        elif kind != "registered":
            typ = 2 if len(c["units"]) >= 2 else 4
            data["screening"] = {"decision": "accepted", "date": screen_day,
                                 "clauses": ["§二(三)", f"§三(一){typ}"], "type": typ,
                                 "reason": "涉及市政府多个部门，需市领导协调" if typ == 2 else "需市领导协调的其他重大事项",
                                 "by": "营商办"}
        told = []  # the office's notifications of the enterprise (§四(二)); the latest decisions still owe one
        if kind in EXCLUSION or kind == "referred":
            if ent is not None and screen_day < D(2026, 11, 12):
                told.append({"date": cal.add_workdays(screen_day, 2).due, "kind": "notify", "by": "营商办",
                             "how": "letter", "note": "已出具" + ("转办告知书" if kind == "referred" else "不予受理告知书")})
        if sid:
            data["session"] = sid
            data["matching"] = {"status": "scheduled", "date": screen_day,
                                "reason": f"诉求领域与 {sid} 场次受理领域相符"}
            if kind == "deferred":
                data["matching"] = {"status": "deferred", "date": screen_day,
                                    "reason": f"2026-12-10 不能安排（领域不符或已满），择期安排在 {sid}"}
            elif kind != "scheduled" or len(scheduled_told) < 2:
                # enterprises told by phone the working day after matching (two of the December ones so far)
                told.append({"date": min(cal.add_workdays(data["matching"]["date"], 1).due, TODAY - dt.timedelta(days=1)),
                             "kind": "notify",
                             "by": "营商办", "how": "phone", "note": "已电话告知企业接待安排"})
                if kind == "scheduled":
                    scheduled_told.append(case_id)
        if kind in ("solved", "explained", "handover", "overdue", "longterm", "closed"):
            out = {"kind": {"solved": "solved", "explained": "explained"}.get(kind, "handover"), "date": sess_day}
            if out["kind"] == "handover":
                out["lead_unit"] = c["units"][0]
                out["co_units"] = c["units"][1:]
                out["instruction"] = (f"请{next(u['name'] for u in S.UNITS if u['id'] == c['units'][0])}牵头研究解决，"
                                      "7个工作日内报送落实情况，30日内报送办理结果。")
            elif kind == "solved":
                out["note"] = "接待领导现场协调，相关部门当场明确办理方案，企业表示认可。"
            else:
                out["note"] = "受政策和客观条件限制暂不能解决，已向企业解释说明政策依据和后续安排。"
            data["outcome"] = out
            events = []
            if out["kind"] == "handover":
                data["deadlines"] = {"progress": PROGRESS.record(cal, sess_day), "result": RESULT.record(cal, sess_day)}
                res = data["deadlines"]["result"]
                lead = out["lead_unit"]
                if kind in ("handover",) and n % 2 == 0:
                    events.append({"date": cal.add_workdays(sess_day, 4).due, "kind": "progress", "unit": lead,
                                   "note": "已召开专题会研究，明确办理路径和时间表。"})
                if kind == "handover" and handover_seen.get("n", 0) == 1:
                    # the unit asks for more time before the result deadline (延期)
                    asked = cal.add_workdays(sess_day, 5).due
                    new_due = cal.add_days(res["due"], 15).due
                    events.append({"date": asked, "kind": "extension", "by": "营商办", "unit": lead, "due": new_due,
                                   "note": "涉及多个部门会商，申请延期15日。"})
                    data["deadlines"]["result"] = extended(res, new_due)
                if kind == "handover" and handover_seen.get("n", 0) == 2:
                    # the lead unit disputes the assignment (调整承办单位): deadlines restart
                    moved = cal.add_workdays(sess_day, 2).due
                    new_lead = c["units"][1] if len(c["units"]) > 1 else "fgw"
                    events.append({"date": moved, "kind": "reassign", "by": "营商办", "unit": lead,
                                   "units": [new_lead], "note": "原牵头单位提出异议：该事项主要职责在其他部门。"})
                    out["lead_unit"] = new_lead
                    out["co_units"] = [u for u in c["units"] if u != new_lead]
                    data["deadlines"] = {"progress": PROGRESS.record(cal, moved), "result": RESULT.record(cal, moved)}
                if kind == "handover" and handover_seen.get("n", 0) in (0, 4):
                    data["key"] = True  # key problems (重点诉求) are revisited (§四(五))
                if kind == "handover" and handover_seen.get("n", 0) in (3, 4):
                    # the result is in: the office owes the reply (and, for a key problem, the revisit)
                    done = D(2026, 11, 18) if handover_seen["n"] == 3 else D(2026, 11, 16)
                    events.append({"date": cal.add_workdays(sess_day, 2).due, "kind": "progress", "unit": lead,
                                   "note": "已现场核实，明确办理方案。"})
                    events.append({"date": done, "kind": "result", "unit": lead, "note": "问题已解决。"})
                    if handover_seen["n"] == 4:
                        events.append({"date": D(2026, 11, 18), "kind": "reply", "by": "营商办",
                                       "note": "已电话答复企业并寄送答复函。"})
                if kind == "handover":
                    handover_seen["n"] = handover_seen.get("n", 0) + 1
                if kind == "overdue":
                    if n % 2 == 0:
                        events.append({"date": cal.add_workdays(sess_day, 9).due, "kind": "progress", "unit": lead,
                                       "note": "逾期报送：正在协调相关部门。"})
                    elif out["co_units"]:
                        # a co-unit reports its own part on time while the lead unit is late
                        events.append({"date": cal.add_workdays(sess_day, 5).due, "kind": "progress",
                                       "unit": out["co_units"][0], "note": "配合单位已报送本单位承担部分的落实情况。"})
                    events.append({"date": cal.add_workdays(res["due"], 2).due, "kind": "chase", "by": "营商办",
                                   "unit": lead, "note": "办理结果逾期未报，电话催办。"})
                if kind == "longterm":
                    events.append({"date": cal.add_workdays(sess_day, 6).due, "kind": "progress", "unit": lead,
                                   "note": "已制定整改方案，需分阶段推进。"})
                    start = cal.add_workdays(sess_day, 15).due
                    events.append({"date": start, "kind": "longterm", "by": "营商办",
                                   "note": "问题需长期整改，按十日一报报送进展。"})
                    last = start
                    stop = TODAY - dt.timedelta(days=5 if n % 3 else 24)
                    while True:
                        nxt = cal.add_days(last, 10).due
                        if nxt > stop:
                            break
                        events.append({"date": nxt, "kind": "periodic", "unit": lead, "note": "按计划推进。"})
                        last = nxt
                    data["deadlines"]["periodic"] = PERIODIC.record(cal, last)
                if kind == "closed":
                    events.append({"date": cal.add_workdays(sess_day, 5).due, "kind": "progress", "unit": lead,
                                   "note": "已落实办理责任人和时间表。"})
                    done = cal.add_workdays(sess_day, 18).due
                    events.append({"date": done, "kind": "result", "unit": lead, "note": "问题已解决，相关款项和手续已办结。"})
                    events.append({"date": cal.add_workdays(done, 2).due, "kind": "reply", "by": "营商办",
                                   "note": "已书面答复企业。"})
                    events.append({"date": cal.add_workdays(done, 7).due, "kind": "revisit", "by": "营商办",
                                   "satisfaction": "满意" if n % 2 else "基本满意", "note": "电话回访企业负责人。"})
                    if closed_seen.get("n", 0) == 0:
                        # the enterprise is not satisfied: the case is handled again (不满意 → 重新办理)
                        # the office revisits the year's key problems in the autumn
                        again = workday_on_or_before(TODAY - dt.timedelta(days=10))
                        events[-1]["date"] = again
                        events[-1]["satisfaction"] = "不满意"
                        events[-1]["note"] = "企业表示款项仅到位一半，问题未实质解决。"
                        events.append({"date": again, "kind": "reopen", "by": "营商办", "note": "回访不满意，重新办理"})
                        data["deadlines"]["result"] = RESULT.record(cal, again)
                    else:
                        events.append({"date": cal.add_workdays(done, 8).due, "kind": "close", "by": "营商办"})
                    closed_seen["n"] = closed_seen.get("n", 0) + 1
            if events:
                data["events"] = sorted(events, key=lambda e: e["date"])
        if told:
            data["events"] = sorted(told + list(data.get("events") or []), key=lambda e: e["date"])
        write(root, f"cases/{registered.year}/{case_id}.yaml", data, "case")

    complaints(root, codes, taken)
    for sid, s in sessions.items():
        write(root, f"sessions/{sid[:4]}/{sid}.yaml", s, "session")
    # public feedback on the government portal, every four weeks
    for day in (D(2026, 9, 30), D(2026, 10, 30)):
        write(root, f"records/{day.year}/{day.isoformat()}-public.yaml",
              {"date": day, "kind": "public", "by": "营商办", "note": "在市政府门户网站公开反馈企业诉求办理进度"}, "record")
    programme(root)


COMPLAINT = "投诉中心的诉求按渠道规则办理，不适用接待日受理审查（§三），登记即受理"


def complaints(root: Path, codes: list, taken: set) -> None:
    """Complaint-centre demands under the channel rules of the settings: accepted on
    registration, handed over at once, acknowledged within 1 working day, the result within 15."""
    ack, result = Rule("workdays", 1), Rule("workdays", 15)
    items = [  # enterprise, registered, title, lead, co, what happened
        (5, D(2026, 10, 27), "食品抽检结论异议复检未安排", "scjgj", [], "closed"),
        (11, D(2026, 11, 16), "供热管网施工许可反复退回", "zjj", ["jtysj"], "late_ack"),
        (17, D(2026, 11, 5), "出口退税系统故障致退税延误", "swzj", ["swj"], "acknowledged"),
        (23, D(2026, 11, 20), "物流园区货车限行调整未公告", None, [], "registered"),
    ]
    for ent_i, registered, title, lead, co, what in items:
        ent = S.ENTERPRISES[ent_i]
        case_id = cid(registered)
        while case_id in taken:
            case_id = cid(registered)
        taken.add(case_id)
        data = {"id": case_id, "registered": registered, "channel": "complaint_centre", "source": {"kind": "channel"},
                "enterprise": codes[ent_i], "contact": {"name": ent["contact_name"], "phone": ent["contact_phone"]},
                "fields": ["市场监管" if lead == "scjgj" else "交通运输与物流" if lead in (None, "zjj") else "税务"],
                "title": title, "facts": f"{ent['name']}通过市投诉中心反映：{title}。",
                "reasons": "影响企业正常经营。", "request": "请尽快处理并答复。"}
        if what != "registered":
            data["screening"] = {"decision": "accepted", "date": registered, "clauses": [], "reason": COMPLAINT,
                                 "by": "营商办"}
            data["outcome"] = {"kind": "handover", "date": registered, "lead_unit": lead, "co_units": co,
                               "instruction": "请按投诉中心规则，1 个工作日内签收反馈，15 个工作日内报送办理结果。"}
            data["deadlines"] = {"acknowledge": ack.record(cal, registered), "result": result.record(cal, registered)}
            events = []
            if what in ("closed", "acknowledged"):
                events.append({"date": cal.add_workdays(registered, 1).due, "kind": "acknowledge", "unit": lead,
                               "note": "已签收，指定专人办理。"})
            if what == "closed":
                done = cal.add_workdays(registered, 9).due
                events += [{"date": done, "kind": "result", "unit": lead, "note": "已安排复检，结论已书面告知企业。"},
                           {"date": cal.add_workdays(done, 1).due, "kind": "reply", "by": "营商办", "note": "已电话答复企业。"},
                           {"date": cal.add_workdays(done, 3).due, "kind": "close", "by": "营商办"}]
            if events:
                data["events"] = events
        write(root, f"cases/{registered.year}/{case_id}.yaml", data, "case")


PLAN_FILE = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "责任清单-2026.xlsx"
VISITS = [  # leader, day, enterprise index, accompanying units, note
    ("mayor", D(2026, 4, 16), 0, ["gxj"], "调研首台套装备研发和市场推广情况"),
    ("mayor", D(2026, 9, 10), 12, ["zrzyj", "lsq"], "了解项目用地报批进度"),
    ("vm-qian", D(2026, 6, 25), 30, ["swj"], "走访外贸企业，了解出口退税和物流成本"),
    ("vm-sun", D(2026, 10, 15), 45, [], "了解冬季生产保供情况"),
]


def visits(root: Path, ledger) -> None:
    """Leaders' visits to enterprises (走访联系), and the leader-visit demand linked to its visit."""
    from anshang.store import loader

    world = loader.load(ledger, {"case", "enterprise"})
    codes = sorted(world.enterprises)
    raised = next(c for c in world.cases.values() if c.get("channel") == "leader_visit")
    items = list(VISITS) + [("vm-zhao", raised["registered"] if isinstance(raised["registered"], dt.date)
                             else dt.date.fromisoformat(str(raised["registered"])), raised["enterprise"], ["jtysj"],
                             "走访物流企业，企业当场反映多式联运补贴兑现问题")]
    for n, (leader, day, ent, units, note) in enumerate(items):
        code = ent if isinstance(ent, str) else codes[ent]
        vid = f"zf{day:%y%m%d}-" + "".join(ALPHABET[(n * 7 + k * 3) % 32] for k in range(5))
        write(root, f"visits/{day.year}/{vid}.yaml", {"id": vid, "date": day, "leader": leader, "enterprise": code,
                                                      "with": units, "note": note, "by": "营商办"}, "visit")
        if ent is raised["enterprise"]:
            rel = f"cases/{str(raised['registered'])[:4]}/{raised['id']}.yaml"
            doc = yamlio.strip_lines(yamlio.loads((root / rel).read_text(encoding="utf-8")))
            doc["visit"] = vid
            write(root, rel, doc, "case")


def programme(root: Path) -> None:
    """The action plan's responsibility list imported as a clerk would (tests/fixtures), the
    units' reports on some tasks, a named supervision; and two research topics on common problems."""
    from sample_plan import build_plan_book

    from anshang.core.common_problems import common_problems
    from anshang.steps.tasks import import_tasks
    from anshang.store import loader
    from anshang.store.folder import Ledger

    build_plan_book(PLAN_FILE)
    ledger = Ledger(root)
    settings = loader.settings(ledger)
    import_tasks(ledger, settings, cal, PLAN_FILE, "xd2026", None, D(2026, 3, 2), D(2026, 3, 5), "营商办")

    def add(number, *events):
        rel = f"tasks/xd2026/{number:02d}.yaml"
        doc = yamlio.strip_lines(yamlio.loads((root / rel).read_text(encoding="utf-8")))
        doc["events"] = sorted(list(doc.get("events") or []) + list(events), key=lambda e: e["date"])
        write(root, rel, doc, "task")

    add(4, {"date": D(2026, 3, 27), "kind": "result", "unit": "fgw", "note": "已清理收费项目 12 项，清单已公布。"},
        {"date": D(2026, 3, 31), "kind": "close", "by": "营商办", "note": "经核实已完成。"})
    add(6, *[{"date": day, "kind": kind, "by": "营商办", "unit": unit, "level": kind, "of": "result",
              "owed": D(2026, 3, 23), "note": note}
             for unit in ("czj", "jrj")
             for day, kind, note in ((D(2026, 3, 26), "chase", "办理结果逾期未报，已发催办通知"),
                                     (D(2026, 4, 1), "supervise", "办理结果超期，列入督办清单"))])
    for n, lead in ((7, "gxj"), (8, "rsj"), (9, "yshj")):
        reports = [{"date": D(2026, 4, 8), "kind": "periodic", "unit": lead, "note": "一季度进展已报送。"}]
        if n != 8:
            reports.append({"date": D(2026, 7, 9), "kind": "periodic", "unit": lead, "note": "二季度进展已报送。"})
        if n == 9:
            reports.append({"date": D(2026, 10, 10), "kind": "periodic", "unit": lead, "note": "三季度进展已报送。"})
        add(n, *reports)
    add(1, {"date": D(2026, 11, 10), "kind": "supervise", "by": "营商办", "unit": "zwfwj", "level": "named",
            "leader": "市长韩立成", "note": "企业开办全程网办率是全市营商环境考核重点指标"})
    # the deadlines after the reports, as ``report`` sets them (each quarter, by the 10th of its first month)
    quarterly = Rule("quarterly", 10)
    for n, last in ((7, D(2026, 7, 10)), (8, D(2026, 4, 10)), (9, D(2026, 10, 10))):
        rel = f"tasks/xd2026/{n:02d}.yaml"
        doc = yamlio.strip_lines(yamlio.loads((root / rel).read_text(encoding="utf-8")))
        doc["deadlines"]["periodic"] = quarterly.record(cal, last)
        write(root, rel, doc, "task")

    visits(root, ledger)
    campaign(root, ledger, settings)
    projects(root)
    world = loader.load_as_of(ledger, TODAY, cal)
    groups = [g for g in common_problems(world.cases) if any("拖欠" in c["title"] for c in g)]
    first = [c["id"] for c in groups[0]]
    write(root, "topics/2026/zt261105-k7m2x.yaml", {
        "id": "zt261105-k7m2x", "title": "政府投资项目拖欠企业账款问题专题调研", "opened": D(2026, 11, 5),
        "lead_unit": "czj", "co_units": ["fgw", "zjj"], "group": f"{'、'.join(groups[0][0]['fields'])}：{groups[0][0]['title']}", "cases": first,
        "deadlines": {"result": Rule("fixed", on=D(2026, 12, 31)).record(cal, D(2026, 11, 5))},
        "events": [{"date": D(2026, 11, 5), "kind": "note", "by": "营商办", "note": "立项"},
                   {"date": D(2026, 11, 13), "kind": "progress", "unit": "czj", "note": "已梳理政府投资项目欠款 23 笔，形成问题清单。"}],
    }, "topic")
    write(root, "topics/2026/zt260610-3hq9d.yaml", {
        "id": "zt260610-3hq9d", "title": "涉企许可证变更环节多、时间长问题专题调研", "opened": D(2026, 6, 10),
        "lead_unit": "scjgj", "co_units": ["zwfwj"], "cases": [c["id"] for c in world.cases.values()
                                                                     if "许可" in c["title"] and str(c["registered"]) < "2026-06-10"][:2],
        "deadlines": {"result": Rule("days", 60).record(cal, D(2026, 6, 10))},
        "policy_outcome": {"document": "《北岚市涉企许可证变更“一次办”若干措施》", "date": D(2026, 8, 5)},
        "events": [{"date": D(2026, 6, 10), "kind": "note", "by": "营商办", "note": "立项"},
                   {"date": D(2026, 8, 5), "kind": "result", "unit": "scjgj", "note": "形成制度性成果：《北岚市涉企许可证变更“一次办”若干措施》"},
                   {"date": D(2026, 8, 6), "kind": "close", "by": "营商办", "note": "结题"}],
    }, "topic")


CAMPAIGN_FILE = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "服务月方案-2026.xlsx"
EVALUATION_FILE = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "评议-2026.xlsx"


def campaign(root: Path, ledger, settings) -> None:
    """A service month (the autumn of 2026): the campaign file, its activities imported from the
    Excel plan as a clerk would, reports on most of them, two open days and the enterprises'
    evaluation of departments."""
    from sample_campaign import build_campaign_book, build_evaluation_book

    from anshang.steps.campaigns import add_open_day, import_campaign, new_campaign
    from anshang.steps.evaluations import import_evaluation

    build_campaign_book(CAMPAIGN_FILE)
    build_evaluation_book(EVALUATION_FILE)
    new_campaign(ledger, settings, "fwy2026", "北岚市2026年秋季服务企业月活动", D(2026, 9, 21), D(2026, 10, 31), D(2026, 11, 15),
                 [], None)
    import_campaign(ledger, settings, cal, "fwy2026", CAMPAIGN_FILE, D(2026, 9, 18), "营商办")
    for n, day, unit, note in ((1, D(2026, 9, 25), "yshj", "动员大会已召开，各部门、各区县参加。"),
                               (2, D(2026, 10, 16), "swj", "举办政策宣讲 6 场，企业 420 家参加。"),
                               (3, D(2026, 10, 19), "yshj", "各部门公开接待日均已举办。"),
                               (4, D(2026, 10, 28), "czj", "已公布收费目录和举报电话。"),
                               (5, D(2026, 11, 4), "yshj", "评议已完成，结果已汇总。")):
        rel = f"tasks/fwy2026/{n:02d}.yaml"
        doc = yamlio.strip_lines(yamlio.loads((root / rel).read_text(encoding="utf-8")))
        doc["events"] = [{"date": day, "kind": "result", "unit": unit, "note": note}]
        if n < 5:  # the office checked and closed the first four; the fifth waits for its check
            doc["events"].append({"date": cal.add_workdays(day, 1).due, "kind": "close", "by": "营商办", "note": "经核实已完成。"})
        write(root, rel, doc, "task")
    add_open_day(ledger, "fwy2026", "scjgj", D(2026, 9, 30), "市政务服务中心", "接待企业 15 家，受理咨询 21 件、投诉 1 件", "营商办")
    add_open_day(ledger, "fwy2026", "zwfwj", D(2026, 10, 16), "市政务服务中心", "接待企业 9 家，受理咨询 12 件", "营商办")
    body = import_evaluation(ledger, EVALUATION_FILE, "2026年秋季服务企业月企业评议部门", D(2026, 10, 30), "fwy2026")
    rel = next(r for r in ledger.evaluation_files() if body["id"] in r)  # a fixed id: the sample is the same every time
    (root / rel).rename(root / "evaluations/2026/pj261030-qk4m8.yaml")
    doc = yamlio.strip_lines(yamlio.loads((root / "evaluations/2026/pj261030-qk4m8.yaml").read_text(encoding="utf-8")))
    doc["id"] = "pj261030-qk4m8"
    write(root, "evaluations/2026/pj261030-qk4m8.yaml", doc, "evaluation")


def projects(root: Path) -> None:
    """Two major projects (一企一表): monthly reports (一月一报) and quarterly reviews (一季一审) as
    ``project report`` and ``project review`` record them, one project moved to trial production,
    the other a month behind with its report; a demand linked to it."""
    monthly, quarterly = Rule("monthly", 5), Rule("quarterly", 15)

    from anshang.core.projects import first_basis

    def chain(rule, kind, start, reports):
        due = rule.record(cal, first_basis(kind, start, rule))
        for day in reports:  # one report for each period, early or late: the next is the period after
            if day > due["basis"]:
                due = rule.record(cal, due["due"])
        return due

    specs = [
        ("xm260302-7dq4k", "年产5万吨新型装饰材料项目", "91150302MA0FGE8BFD", "lsq", ["fgw", "zrzyj"], "mayor", "12亿元",
         D(2026, 3, 2), [(D(2026, 3, 2), "building", "纳入重大项目跟踪服务"), (D(2026, 10, 8), "trial", "主体工程完工，设备调试")],
         [D(2026, 4, 3), D(2026, 5, 6), D(2026, 6, 4), D(2026, 7, 3), D(2026, 8, 5), D(2026, 9, 4),
          D(2026, 10, 9), D(2026, 11, 4)],
         [(D(2026, 4, 14), "on_track", "进度正常"), (D(2026, 7, 14), "on_track", "主体厂房封顶"),
          (D(2026, 10, 13), "behind", "设备到货晚于计划约三周，已协调供货商")]),
        ("xm260520-h3ve9", "风光储一体化示范项目", "91150321MA695D4ECA", "nyj", ["fgw", "ytx"], "vm-zhao", "36亿元",
         D(2026, 5, 20), [(D(2026, 5, 20), "signed", "纳入重大项目跟踪服务"), (D(2026, 8, 18), "preparing", "办理用地、环评手续")],
         [D(2026, 6, 5), D(2026, 7, 6), D(2026, 8, 5), D(2026, 9, 7)],
         [(D(2026, 7, 14), "blocked", "送出线路和变电站扩建需电网公司协调"), (D(2026, 10, 15), "on_track", "线路方案已批复")]),
    ]
    for pid, title, code, lead, co, leader, money, added, stages, reports, reviews in specs:
        events = [{"date": d, "kind": "stage", "by": "营商办", "stage": st, "note": note} for d, st, note in stages]
        events += [{"date": d, "kind": "periodic", "by": "营商办", "unit": lead, "note": "本月进展已报送。"} for d in reports]
        events += [{"date": d, "kind": "review", "by": "营商办", "unit": lead, "conclusion": c, "note": note}
                   for d, c, note in reviews]
        events.sort(key=lambda e: e["date"])
        write(root, f"projects/2026/{pid}.yaml", {
            "id": pid, "title": title, "enterprise": code, "stage": stages[-1][1], "lead_unit": lead, "co_units": co,
            "leader": leader, "owner": "项目负责人（示例）", "investment": money, "assigned": added, "ongoing": True,
            "deadlines": {"periodic": chain(monthly, "periodic", added, reports),
                          "review": chain(quarterly, "review", added, [d for d, _, _ in reviews])},
            "events": events}, "project")
    rel = next((root / "cases").glob("2026/260609-01mc1.yaml"))
    doc = yamlio.strip_lines(yamlio.loads(rel.read_text(encoding="utf-8")))
    doc["project"] = "xm260520-h3ve9"
    write(root, str(rel.relative_to(root)).replace("\\", "/"), doc, "case")


if __name__ == "__main__":
    build(Path(sys.argv[1] if len(sys.argv) > 1 else "data"))
