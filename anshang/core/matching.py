"""Two-way matching of accepted reception-day demands to sessions (当期安排 / 择期安排 /
待有场次), each decision with its reasons. Pure: takes plain data, returns decisions."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from anshang.core.dates import parse_date
from anshang.core.problems import AnshangError


@dataclass
class Match:
    """One demand's matching decision and why."""

    id: str
    session: str | None
    status: str  # scheduled | deferred | waiting
    reason: str
    kept: bool = False  # already scheduled earlier; not changed
    trace: list = field(default_factory=list)

    def as_dict(self) -> dict:
        return {"id": self.id, "session": self.session, "status": self.status, "reason": self.reason}


def session_fields(session: dict, leaders: dict) -> list[str]:
    """A session's own fields, else its leader's."""
    own = session.get("fields")
    if own:
        return list(own)
    return list((leaders.get(session.get("leader")) or {}).get("fields") or [])


def in_hand(case: dict) -> bool:
    """Accepted, not yet received nor withdrawn: a demand matching still places."""
    if (case.get("screening") or {}).get("decision") != "accepted":
        return False
    return not (case.get("outcome") or any(e.get("kind") == "withdraw" for e in case.get("events") or []))


def candidates(cases: dict, channels=("reception_day",)) -> list[dict]:
    """Accepted demands of the matched ``channels`` (the reception day's, unless the settings'
    channel rules add others) not yet received nor withdrawn: only these are matched."""
    return [c for c in cases.values() if c.get("channel", "reception_day") in channels and in_hand(c)]


FACT_KEYS = ("id", "channel", "session", "registered", "form_date", "fields", "enterprise", "enterprise_name")


def match_facts(case: dict) -> dict | None:
    """What ``match`` reads of one demand, as plain data (dates as text): it decides the same on
    these as on the whole case. None for a demand it never places (``in_hand``)."""
    if not in_hand(case):
        return None
    out = {k: (parse_date(case[k]).isoformat() if isinstance(case[k], dt.date) else case[k]) for k in FACT_KEYS if k in case}
    if isinstance(out.get("fields"), (list, tuple)):
        out["fields"] = list(out["fields"])
    kept = case.get("matching") or {}
    out["screening"] = {"decision": "accepted"}
    out["matching"] = {k: kept[k] for k in ("status", "reason") if k in kept}
    return out


def _sent(case: dict) -> dt.date:
    """When the enterprise registered: the form's own date when it is earlier than the day the
    office recorded it (a form sent in time but imported late keeps its place)."""
    registered = parse_date(case["registered"])
    filled = case.get("form_date")
    return min(registered, parse_date(filled)) if filled else registered


FULL = "名额不足"
CLOSED = "预约已截止"


def match(cases: dict, sessions: dict, leaders: dict, capacity_default: int, today: dt.date,
          target: str | None = None, channels=("reception_day",)) -> list[Match]:
    """Two-way matching. Demands already given a session keep it; the others are placed in the
    first open session (from ``target`` or the next one on or after ``today``) whose fields meet
    theirs, earliest registration first, within capacity, one enterprise's demands together."""
    open_sessions = sorted(
        (s for s in sessions.values()
         if s.get("status", "planned") == "planned" and parse_date(s["date"]) >= today),
        key=lambda s: (parse_date(s["date"]), s["id"]))
    if target is not None:
        open_sessions = [s for s in open_sessions if parse_date(s["date"]) >= parse_date(sessions[target]["date"])]
    current = target or (open_sessions[0]["id"] if open_sessions else None)
    used = {s["id"]: 0 for s in sessions.values()}
    results: dict[str, Match] = {}
    pending = []
    for c in candidates(cases, channels):
        sid = c.get("session")
        if sid and sid in sessions and (c.get("matching") or {}).get("status") in ("scheduled", "deferred"):
            used[sid] += 1
            status = "scheduled" if sid == current else "deferred"
            results[c["id"]] = Match(c["id"], sid, status, (c.get("matching") or {}).get("reason") or "此前已安排",
                                     kept=True, trace=[f"此前已安排在 {sid}，保持不变（如需调整先 --release）"])
        else:
            pending.append(c)
    # one enterprise's demands together, groups ordered by their earliest registration
    groups: dict[str, list[dict]] = {}
    for c in sorted(pending, key=lambda c: (parse_date(c["registered"]), c["id"])):
        groups.setdefault(c.get("enterprise") or c.get("enterprise_name") or c["id"], []).append(c)
    for _, group in sorted(groups.items(), key=lambda kv: (parse_date(kv[1][0]["registered"]), kv[1][0]["id"])):
        placed: dict[str, str] = {}
        traces: dict[str, list] = {c["id"]: [] for c in group}

        def place(together: bool) -> None:
            """One pass over the open sessions: an enterprise's demands together (all that fit a
            session's fields, or none), or — when they fit no session together — one by one."""
            for s in open_sessions:
                sid = s["id"]
                sf = set(session_fields(s, leaders))
                cap = int(s.get("capacity") or capacity_default)
                fits = []
                for c in group:
                    if c["id"] in placed:
                        continue
                    common = sf & set(c.get("fields") or [])
                    close = s.get("registration_to")
                    if not common:
                        if together:  # said once, in the first pass
                            traces[c["id"]].append(f"{sid}：受理领域（{'、'.join(sorted(sf)) or '无'}）与诉求领域不符")
                    elif close and _sent(c) > parse_date(close):
                        if together:
                            traces[c["id"]].append(f"{sid}：{CLOSED}，登记日期晚于预约截止日 {parse_date(close).isoformat()}")
                    else:
                        fits.append((c, common))
                if not fits:
                    continue
                room = max(cap - used[sid], 0)
                if together and len(fits) > room:
                    for c, _ in fits:
                        traces[c["id"]].append(f"{sid}：{FULL}，已安排 {used[sid]}/{cap} 件，容纳不下该企业的 {len(fits)} 件诉求")
                    continue
                for c, common in fits[:room]:
                    placed[c["id"]] = sid
                    used[sid] += 1
                    traces[c["id"]].append(f"{sid}：领域 {'、'.join(sorted(common))} 相符，安排（{used[sid]}/{cap}）"
                                           + ("" if together else "（该企业的诉求分场安排）"))


        place(together=True)
        if len(group) > 1 and any(c["id"] not in placed for c in group):
            place(together=False)  # too many to fit any session together: one by one
        for c in group:
            sid = placed.get(c["id"])
            if sid is None:
                wanted = "、".join(c.get("fields") or []) or "（未填领域）"
                covering = [s["id"] for s in open_sessions if set(session_fields(s, leaders)) & set(c.get("fields") or [])]
                full = [t.split("：")[0] for t in traces[c["id"]] if FULL in t]
                closed = [t.split("：")[0] for t in traces[c["id"]] if CLOSED in t]
                if not covering:
                    why = f"之后没有受理领域 {wanted} 的场次"
                else:
                    why = "；".join(part for part in (
                        f"{'、'.join(dict.fromkeys(full))} {FULL}" if full else "",
                        f"{'、'.join(dict.fromkeys(closed))} {CLOSED}" if closed else "") if part) or f"受理领域 {wanted} 的场次均不能安排"
                    why = f"受理领域 {wanted} 的场次中，{why}"
                results[c["id"]] = Match(c["id"], None, "waiting", why, trace=traces[c["id"]])
            elif sid == current:
                results[c["id"]] = Match(c["id"], sid, "scheduled", f"诉求领域与 {sid} 场次受理领域相符，当期安排",
                                         trace=traces[c["id"]])
            else:
                mine = next((t for t in traces[c["id"]] if current and t.startswith(f"{current}：")), "")
                because = FULL if FULL in mine else CLOSED if CLOSED in mine else "受理领域与诉求不符"
                results[c["id"]] = Match(c["id"], sid, "deferred",
                                         f"{current or '当期'} {because}，择期安排在 {sid}", trace=traces[c["id"]])
    return [results[k] for k in sorted(results)]


def find_session(world, given: str) -> str:
    """A session id from its id, its date in any accepted spelling, or a unique prefix."""
    if given in world.sessions:
        return given
    try:
        iso = parse_date(given).isoformat()
        hits = [s for s in world.sessions if s == iso or s.startswith(iso + "-")]
    except ValueError:
        hits = [s for s in world.sessions if s.startswith(given)]
    if len(hits) == 1:
        return hits[0]
    if not hits:
        raise AnshangError(f"没有场次 {given!r}（用 anshang session list 查看全部场次）")
    raise AnshangError(f"{given!r} 对应多个场次：{'、'.join(sorted(hits))}")


def scheduled_in(world, sid: str) -> list[dict]:
    """The demands scheduled in one session, earliest registration first."""
    return sorted((c for c in world.cases.values() if c.get("session") == sid
                   and not any(isinstance(e, dict) and e.get("kind") == "withdraw" for e in c.get("events") or [])),
                  key=lambda c: (str(c["registered"]), c["id"]))
