"""The numbers behind the weekly ledger, statistics and public feedback: rows, per-unit and
per-session figures, rates and groups of common problems. Pure: cases in, tables out."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from anshang import loop
from anshang.calendar import Calendar
from anshang.dates import parse_date
from anshang.schema import CHANNELS, DECISIONS, DEADLINE_KINDS, OUTCOMES

LEDGER_HEADERS = ["编号", "登记日期", "企业", "属地", "渠道", "领域", "诉求事项", "受理审查", "接待场次",
                  "接待领导", "接待结果", "牵头单位", "配合单位", "落实情况期限", "办理结果期限", "状态", "超期（工作日）",
                  "提醒"]
ALERTS = {"overdue": "超期", "soon": "即将到期", "closed": "已办结", "": ""}


def _name(units: dict, uid) -> str:
    return (units.get(uid) or {}).get("name") or (uid or "")


def overdue_days(case: dict, cal: Calendar, today: dt.date, open_obs: list | None = None) -> int:
    worst = 0
    for ob in loop.open_obligations(case) if open_obs is None else open_obs:
        if ob.due < today:
            try:
                worst = max(worst, cal.workdays_between(ob.due, today))
            except Exception:  # noqa: BLE001 - due in an uncovered year: calendar days
                worst = max(worst, (today - ob.due).days)
    return worst


def horizon(cal: Calendar, today: dt.date, warning: int) -> dt.date:
    """The last day of the warning window (estimated if it reaches an unknown year)."""
    try:
        return cal.add_workdays(today, warning).due
    except Exception:  # noqa: BLE001
        return today + dt.timedelta(days=warning + 2)


@dataclass
class Row:
    values: list
    tone: str  # "overdue" | "soon" | "closed" | ""


def ledger_rows(w, cal: Calendar, today: dt.date, warning: int) -> list[Row]:
    """One row per demand, oldest first, with the colour it should get."""
    rows = []
    until = horizon(cal, today, warning)
    for cid in sorted(w.cases):
        c = w.cases[cid]
        obs = loop.obligations(c)
        open_obs = [o for o in obs if o.met is None]
        ent = w.enterprises.get(c.get("enterprise")) or {}
        scr = c.get("screening") or {}
        out = c.get("outcome") or {}
        sess = w.sessions.get(c.get("session")) or {}
        leader = w.leaders.get(sess.get("leader")) or {}
        dls = c.get("deadlines") or {}
        st = loop.status(c, today, obs)
        late = overdue_days(c, cal, today, open_obs)
        soon = any(today <= o.due <= until for o in open_obs)
        tone = "closed" if st == "closed" else ("overdue" if late else ("soon" if soon else ""))

        def due(kind):
            d = dls.get(kind)
            return (str(d.get("due")) + ("（暂定）" if d.get("provisional") else "")) if isinstance(d, dict) else ""

        rows.append(Row([
            cid, str(c.get("registered", "")), ent.get("name") or c.get("enterprise_name") or "",
            ent.get("district", ""), CHANNELS.get(c.get("channel"), c.get("channel") or ""),
            "、".join(c.get("fields") or []), c.get("title", ""),
            (DECISIONS.get(scr.get("decision"), "") + (" " + " ".join(scr.get("clauses") or []) if scr else "")).strip(),
            c.get("session") or "", f"{leader.get('title', '')}{leader.get('name', '')}",
            OUTCOMES.get(out.get("kind"), ""), _name(w.units, out.get("lead_unit")),
            "、".join(_name(w.units, u) for u in out.get("co_units") or []),
            due("progress"), due("result") or due("periodic"), loop.STATUS_CN.get(st, st), late or "",
            ALERTS[tone],
        ], tone))
    return rows


@dataclass
class Figures:
    """Counts and rates for a group of demands (overall, a unit, a leader, a field)."""

    registered: int = 0
    accepted: int = 0
    excluded: int = 0
    referred: int = 0
    handed_over: int = 0
    reports_due: int = 0
    reports_on_time: int = 0
    progress_on_time: int = 0
    result_on_time: int = 0
    closed: int = 0
    overdue: int = 0
    revisits: int = 0
    satisfied: int = 0

    @staticmethod
    def rate(a: int, b: int):
        return round(a / b, 4) if b else None

    def as_dict(self) -> dict:
        d = dict(self.__dict__)
        d["closure_rate"] = self.rate(self.closed, self.handed_over)
        d["on_time_rate"] = self.rate(self.reports_on_time, self.reports_due)
        d["satisfaction_rate"] = self.rate(self.satisfied, self.revisits)
        return d


def add_case(f: Figures, c: dict, today: dt.date) -> None:
    f.registered += 1
    decision = (c.get("screening") or {}).get("decision")
    if decision == "accepted":
        f.accepted += 1
    elif decision == "excluded":
        f.excluded += 1
    elif decision == "referred":
        f.referred += 1
    if (c.get("outcome") or {}).get("kind") == "handover":
        f.handed_over += 1
        for ob in loop.obligations(c, include_closed=True):
            if ob.kind == "periodic":
                continue
            if ob.met is not None or ob.due < today:
                f.reports_due += 1
                on_time = ob.met is not None and ob.met <= ob.due
                f.reports_on_time += on_time
                if ob.kind == "progress":
                    f.progress_on_time += on_time
                else:
                    f.result_on_time += on_time
        if any(o.met is None and o.due < today for o in loop.obligations(c)):
            f.overdue += 1
    if loop.is_closed(c):
        f.closed += 1
    revisits = [e for e in loop.events(c) if e.get("kind") == "revisit"]
    if revisits:
        f.revisits += 1
        f.satisfied += revisits[-1].get("satisfaction") in ("满意", "基本满意")


def statistics(w, today: dt.date, year: int | None = None, only_units: bool = False) -> dict:
    """Overall, by lead unit, by receiving leader and by field (``only_units``: just units)."""
    overall = Figures()
    by_unit: dict[str, Figures] = {}
    by_leader: dict[str, Figures] = {}
    by_field: dict[str, Figures] = {}
    for c in w.cases.values():
        if year and parse_date(c["registered"]).year != year:
            continue
        unit = (c.get("outcome") or {}).get("lead_unit")
        if unit:
            add_case(by_unit.setdefault(unit, Figures()), c, today)
        if only_units:
            continue
        add_case(overall, c, today)
        leader = (w.sessions.get(c.get("session")) or {}).get("leader")
        if leader and c.get("outcome"):
            add_case(by_leader.setdefault(leader, Figures()), c, today)
        for fld in c.get("fields") or []:
            add_case(by_field.setdefault(fld, Figures()), c, today)
    return {"overall": overall.as_dict(),
            "by_unit": {k: by_unit[k].as_dict() for k in sorted(by_unit)},
            "by_leader": {k: by_leader[k].as_dict() for k in sorted(by_leader)},
            "by_field": {k: by_field[k].as_dict() for k in sorted(by_field)}}


def session_rows(w, today: dt.date) -> list[list]:
    rows = []
    by_session: dict[str, list] = {}
    reg_days = sorted(str(c["registered"]) for c in w.cases.values()
                      if c.get("channel", "reception_day") == "reception_day")
    for c in w.cases.values():
        if c.get("session"):
            by_session.setdefault(c["session"], []).append(c)
    import bisect

    for sid in sorted(w.sessions):
        s = w.sessions[sid]
        leader = w.leaders.get(s.get("leader")) or {}
        fields = s.get("fields") or leader.get("fields") or []
        lo, hi = s.get("registration_from"), s.get("registration_to")
        registered = (bisect.bisect_right(reg_days, str(hi)) - bisect.bisect_left(reg_days, str(lo))) \
            if lo and hi else 0
        mine = by_session.get(sid, [])
        rows.append([sid, f"{leader.get('title', '')}{leader.get('name', s.get('leader', ''))}", "、".join(fields),
                     registered, len(mine), sum(1 for c in mine if c.get("outcome")),
                     sum(1 for c in mine if (c.get("outcome") or {}).get("kind") == "handover"),
                     sum(1 for c in mine if loop.is_closed(c))])
    return rows


def _grams(text: str) -> set:
    t = re.sub(r"[\s，。、；：,.;:（）()“”\"'！？!?0-9]+", "", text)
    return {t[i:i + 2] for i in range(len(t) - 1)}


TITLE_SIMILAR = 0.12  # character-bigram overlap (Jaccard) of two titles
COMMON_BIGRAM = 0.05  # bigrams in more than this share of a field's demands say nothing


def common_problems(cases: dict) -> list[list[dict]]:
    """Groups of similar demands from different enterprises in the same field (共性问题),
    candidates for thematic research: identical titles, or titles whose character bigrams
    overlap enough, joined transitively. Excluded demands are left out.

    Only pairs that share at least two informative bigrams are compared (an inverted index),
    so the cost grows with the number of similar pairs, not with the square of the ledger."""
    items = [c for c in cases.values() if (c.get("screening") or {}).get("decision") != "excluded"]
    titles = {c["id"]: _grams(c.get("title", "")) for c in items}
    parent = {c["id"]: c["id"] for c in items}

    def root(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def join(a, b):
        if a.get("enterprise") and a.get("enterprise") == b.get("enterprise"):
            return
        parent[root(a["id"])] = root(b["id"])

    by_field: dict[str, list[dict]] = {}
    for c in items:
        for f in c.get("fields") or []:
            by_field.setdefault(f, []).append(c)
    for group in by_field.values():
        same: dict[str, dict] = {}
        index: dict[str, list[int]] = {}
        for i, c in enumerate(group):
            key = re.sub(r"\s+", "", str(c.get("title", "")))
            if key in same:
                join(c, same[key])  # identical titles
            else:
                same[key] = c
            for g in titles[c["id"]]:
                index.setdefault(g, []).append(i)
        limit = max(50, int(len(group) * COMMON_BIGRAM))
        shared: dict[tuple, int] = {}
        for members in index.values():
            if len(members) > limit:
                continue
            for x in range(len(members)):
                for y in range(x + 1, len(members)):
                    pair = (members[x], members[y])
                    shared[pair] = shared.get(pair, 0) + 1
        for (i, j), n in shared.items():
            if n < 2:
                continue
            a, b = group[i], group[j]
            ga, gb = titles[a["id"]], titles[b["id"]]
            if n / len(ga | gb) >= TITLE_SIMILAR:
                join(a, b)
    groups: dict[str, list[dict]] = {}
    for c in items:
        groups.setdefault(root(c["id"]), []).append(c)
    found = [sorted(g, key=lambda c: c["id"]) for g in groups.values()
             if len({c.get("enterprise") or c["id"] for c in g}) >= 2]
    return sorted(found, key=lambda g: g[0]["id"])


PHONE = re.compile(r"(?<!\d)(?:1[3-9]\d{9}|0\d{2,3}-?\d{7,8})(?!\d)")
EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")


def public_text(text: str) -> str:
    """Outside text for the government portal: phone numbers and e-mail addresses masked."""
    return EMAIL.sub("（邮箱已隐去）", PHONE.sub("（电话已隐去）", str(text or "")))


PUBLIC_HEADERS = ["序号", "企业名称", "诉求事项", "承办单位", "办理状态", "登记日期", "交办日期", "办结日期"]


def public_rows(w, today: dt.date) -> list[list]:
    """The portal's progress table: accepted demands only, and no personal contact data."""
    rows = []
    for cid in sorted(w.cases):
        c = w.cases[cid]
        if (c.get("screening") or {}).get("decision") != "accepted":
            continue
        ent = w.enterprises.get(c.get("enterprise")) or {}
        out = c.get("outcome") or {}
        closed = [e for e in loop.after_last_reopening(c) if e.get("kind") == "close"]
        rows.append([len(rows) + 1, public_text(ent.get("name") or c.get("enterprise_name") or ""),
                     public_text(c.get("title", "")), _name(w.units, out.get("lead_unit")) if out else "",
                     loop.STATUS_CN.get(loop.status(c, today), ""), str(c["registered"]),
                     str(out.get("date", "")) if out.get("kind") == "handover" else "",
                     str(closed[-1]["date"]) if closed else ""])
    return rows


def due_rows(w, cal: Calendar, today: dt.date) -> list[list]:
    """This week's due reports (to Sunday) and everything overdue, by unit."""
    end = today + dt.timedelta(days=6 - today.weekday())
    rows = []
    for c in w.cases.values():
        for ob in loop.open_obligations(c):
            if ob.due <= end:
                late = 0
                if ob.due < today:
                    try:
                        late = cal.workdays_between(ob.due, today)
                    except Exception:  # noqa: BLE001
                        late = (today - ob.due).days
                rows.append([_name(w.units, ob.unit), ob.id,
                             (w.enterprises.get(c.get("enterprise")) or {}).get("name") or c.get("enterprise_name") or "",
                             c.get("title", ""), DEADLINE_KINDS[ob.kind], ob.due.isoformat(),
                             f"超期 {late} 个工作日" if ob.due < today else "本周到期"])
    return sorted(rows, key=lambda r: (r[0], r[5], r[1]))
