"""Letters in official layout (Word, from the ledger's or the packaged templates): to enterprises
— scheduled for a session, deferred, not accepted (the §三(二) clause in words), referred, and
the reply with the units' result — the referral letter to the district or department, and the
attendance notice to the units and district governments assisting at a session (§一)."""

from __future__ import annotations

import datetime as dt

from anshang.core import lifecycle
from anshang.core.dates import cn_date, parse_date
from anshang.core.labels import EXCLUSIONS, LETTERS, OUTCOMES, STATUS, label, only
from anshang.core.matching import find_session, scheduled_in
from anshang.core.problems import AnshangError
from anshang.documents import official
from anshang.documents.names import enterprise_name, leader_name, unit_name, unit_names

TEMPLATE = {kind: f"letter_{kind}.docx" for kind in ("scheduled", "deferred", "excluded", "referred", "reply")}
TEMPLATE["referral"] = "referral.docx"


def common(settings, today: dt.date) -> dict:
    """What every document may use: city, office, date of issue, the office's phone."""
    contact = settings.contact or {}
    return {"city": settings.city, "office": settings.office, "date": cn_date(today),
            "phone": str(contact.get("phone") or ""), "email": contact.get("email") or "",
            "address": contact.get("address") or ""}


def kinds_for(case: dict) -> list[str]:
    """The letters a demand's stage calls for (a referred demand: one to the enterprise and
    the referral letter to the district or department); a clear refusal when none fits."""
    scr = (case.get("screening") or {}).get("decision")
    out = case.get("outcome") or {}
    cid = case["id"]
    if scr == "excluded":
        return ["excluded"]
    if scr == "referred":
        return ["referred", "referral"]
    if out.get("kind") == "handover":
        if _results(case):
            return ["reply"]
        raise AnshangError(f"{cid} 承办单位尚未报送办理结果，还不能出具答复函（报送后：anshang report {cid} result）")
    if out:
        raise AnshangError(f"{cid} 已在接待日{label(OUTCOMES, out.get('kind'))}，无需出具告知书")
    status = (case.get("matching") or {}).get("status")
    if scr == "accepted" and status == "scheduled" and case.get("session"):
        return ["scheduled"]
    if scr == "accepted" and status in ("deferred", "waiting"):
        return ["deferred"]
    if scr == "accepted":
        raise AnshangError(f"{cid} 已受理但尚未安排场次；先运行 anshang match")
    raise AnshangError(f"{cid} 尚未受理审查；先运行 anshang screen {cid}")


def chosen_kinds(case: dict, kind: str | None, day: dt.date) -> list[str]:
    """The letters to write: those of the stage, or the one asked for if the stage allows it."""
    fitting = kinds_for(case)
    if kind is None:
        return fitting
    if kind not in fitting:
        raise AnshangError(f"{case['id']} 处于“{label(STATUS, lifecycle.status(case, day))}”阶段，"
                           f"不能出具{LETTERS[kind]}（可出具：{'、'.join(LETTERS[k] for k in fitting)}）")
    return [kind]


def _results(case: dict) -> list[dict]:
    return [e for e in lifecycle.after_last_reopening(case) if e.get("kind") == "result"]


def _session_words(world, sid) -> tuple[str, str, str]:
    """(date with weekday, receiving leader, place) of a session."""
    s = world.sessions.get(sid) or {}
    if not s:
        return "", "", ""
    leader = leader_name(world.leaders.get(s.get("leader")), s.get("leader", ""))
    return cn_date(parse_date(s["date"]), weekday=True), leader, s.get("place") or ""


def values(kind: str, case: dict, world, settings, today: dt.date) -> dict:
    """The placeholders of one letter about one demand."""
    cid = case["id"]
    v = common(settings, today)
    name = enterprise_name(case, world.enterprises)
    if not name:
        raise AnshangError(f"{cid} 没有企业名称，无法出具{LETTERS[kind]}")
    scr = case.get("screening") or {}
    contact = case.get("contact") or {}
    v.update(enterprise=name, title=case.get("title") or "", id=cid,
             registered=cn_date(parse_date(case["registered"])) if case.get("registered") else "",
             uscc=case.get("enterprise") or "", person=contact.get("name") or "",
             person_phone=str(contact.get("phone") or ""))
    when, leader, place = _session_words(world, case.get("session"))
    v.update(session_date=when, leader=leader, place=place or (settings.contact or {}).get("place") or "")
    if kind == "scheduled":
        if not when:
            raise AnshangError(f"{cid} 没有安排场次，不能出具接待安排告知书")
    elif kind == "deferred":
        v["reason"] = deferral_reason(case, world)
        v["when"] = f"拟安排在{when}由{leader}接待" if when else "待有受理该领域事项的接待日时安排"
    elif kind == "excluded":
        clauses = [c for c in scr.get("clauses") or [] if c in EXCLUSIONS]
        if not clauses:
            raise AnshangError(f"{cid} 的审查结论没有注明 §三(二) 的条目，无法写明不予受理的依据；"
                               f"请在 screening.clauses 中注明（如 §三(二)3）")
        number = clauses[0][-1]
        words, advice = EXCLUSIONS[clauses[0]]
        v.update(clause=f"第（二）项第{number}条", clause_text=words, advice=advice)
    elif kind in ("referred", "referral"):
        target = scr.get("refer_to")
        if not target:
            raise AnshangError(f"{cid} 没有注明转办单位（screening.refer_to），无法出具{LETTERS[kind]}")
        v["refer_to"] = unit_name(world.units, target)
        v["reason"] = str(scr.get("reason") or "不属于市长服务民营企业接待日受理范围").rstrip("。")
        v["demand"] = demand_lines(case)
    elif kind == "reply":
        out = case.get("outcome") or {}
        results = _results(case)
        if not results:
            raise AnshangError(f"{cid} 承办单位尚未报送办理结果，还不能出具答复函")
        v["when"] = f"在{when}市长服务民营企业接待日" if when else f"于{v['registered']}"
        v["leader"] = leader or "市政府"
        lead, co = out.get("lead_unit"), [u for u in out.get("co_units") or [] if u != out.get("lead_unit")]
        v["units"] = (f"{unit_name(world.units, lead)}牵头、{unit_names(world.units, co)}配合" if co
                      else unit_name(world.units, lead)) if lead else "有关单位"
        v["result"] = [f"{unit_name(world.units, e.get('unit')) or '承办单位'}"
                       f"（{cn_date(parse_date(e['date']))}报送）：{' '.join(str(e.get('note') or '已办结').split())}"
                       for e in results]
    return v


def deferral_reason(case: dict, world) -> str:
    """Why a demand waits for a later session: the session it could not get into (named at the
    start of the matching reason) took other fields, or was full."""
    from anshang.core.matching import session_fields

    said = str((case.get("matching") or {}).get("reason") or "")
    current = world.sessions.get(said.split(" ", 1)[0]) if said else None
    if current is None:
        return "本期接待日的受理领域与该事项所涉领域不一致，或本期接待名额已满"
    fields = session_fields(current, world.leaders)
    day = cn_date(parse_date(current["date"]))
    if not set(fields) & set(case.get("fields") or []):
        return (f"{day}接待日受理{'、'.join(fields)}等领域的事项，与该事项所涉领域（{'、'.join(case.get('fields') or [])}）"
                "不一致")
    return f"{day}接待日的接待名额已满"


def session_label(session: dict) -> str:
    """接待日2026年12月10日 in a file name; a second session on the same day adds its id."""
    day = parse_date(session["date"])
    same = str(session.get("id") or "") in ("", day.isoformat())
    return f"接待日{cn_date(day)}" + ("" if same else f"-{session['id']}")


def demand_lines(case: dict) -> list[str]:
    """事实、理由、诉求, a paragraph each (line breaks within one become spaces)."""
    parts = [f"{word}：{' '.join(str(case[key]).split())}" for key, word in
             (("facts", "事实"), ("reasons", "理由"), ("request", "诉求")) if case.get(key)]
    return parts or [case.get("title") or ""]


def file_name(kind: str, v: dict, today: dt.date) -> str:
    """告知书-企业名称-日期-编号.docx (转办函: the unit's name first); long names are shortened,
    the date and the id are always kept."""
    from anshang.store.outputs import name_part, safe_filename

    who = name_part(v["enterprise"])
    if kind == "referral":
        who = f"{name_part(v['refer_to'], 30)}-{who}"
    return safe_filename(f"{LETTERS[kind]}-{who}-{today.isoformat()}-{v['id']}", 200) + ".docx"


def write_letters(ledger, settings, cids: list[str], session: str | None, kind: str | None, today: dt.date,
                  folder=None) -> list:
    """Write the letters for the given demands (or for every demand scheduled in ``session``);
    returns [(path, kind, case id)]. Every letter is checked before the first is written."""
    from anshang.store import loader, outputs

    if kind is not None and kind not in LETTERS:
        wanted = {v: k for k, v in LETTERS.items()}.get(kind)
        if wanted is None:
            raise AnshangError(only(LETTERS, "--kind"))
        kind = wanted
    world = loader.load(ledger)
    chosen = list(cids)
    if session:
        sid = find_session(world, session)
        chosen += [c["id"] for c in scheduled_in(world, sid) if c["id"] not in chosen]
        if not chosen:
            raise AnshangError(f"场次 {sid} 还没有安排企业（先运行 anshang match）")
    if not chosen:
        raise AnshangError("请给出诉求编号，或用 --session 指定场次")
    planned = []
    for cid in chosen:
        case = world.cases.get(cid)
        if case is None:
            raise AnshangError(f"找不到诉求 {cid}")
        for k in chosen_kinds(case, kind, today):
            planned.append((k, cid, values(k, case, world, settings, today)))
    rendered = []
    for k, cid, v in planned:
        path, shown = official.template(ledger, TEMPLATE[k])
        rendered.append((file_name(k, v, today), official.render(path, shown, v), k, cid))
    folder = folder or ledger.output_dir
    return [(outputs.write(folder, name, data), k, cid) for name, data, k, cid in rendered]


def attendance_values(world, settings, sid: str, today: dt.date) -> dict:
    """The attendance notice of one session: the suggested units of its demands and the
    governments of the enterprises' districts, with the demands they should know."""
    cases = scheduled_in(world, sid)
    if not cases:
        raise AnshangError(f"场次 {sid} 还没有安排企业（先运行 anshang match），无需参会通知")
    when, leader, place = _session_words(world, sid)
    units: list[str] = []
    rows = []
    for n, c in enumerate(cases, start=1):
        ent = world.enterprises.get(c.get("enterprise")) or {}
        district = ent.get("district") or ""
        mine = list(c.get("suggested_units") or [])
        mine += [uid for uid, u in world.units.items() if u.get("kind") == "district" and district
                 and u.get("district") == district and uid not in mine]
        units += [u for u in mine if u not in units]
        rows.append({"n": n, "enterprise": enterprise_name(c, world.enterprises), "title": c.get("title") or "",
                     "units": unit_names(world.units, c.get("suggested_units") or []), "district": district})
    v = common(settings, today)
    v.update(units=unit_names(world.units, units), session_date=when, leader=leader,
             place=place or (settings.contact or {}).get("place") or "另行通知", rows=rows, session=sid)
    return v


def write_attendance(ledger, settings, given: str, today: dt.date, out=None):
    from anshang.store import loader, outputs

    world = loader.load(ledger)
    sid = find_session(world, given)
    v = attendance_values(world, settings, sid, today)
    path, shown = official.template(ledger, "attendance.docx")
    data = official.render(path, shown, v)
    if out is not None:
        return outputs.write_file(out, data, (".docx",))
    name = outputs.safe_filename(f"参会通知-{session_label(world.sessions[sid])}") + ".docx"
    return outputs.write(ledger.output_dir, name, data)
