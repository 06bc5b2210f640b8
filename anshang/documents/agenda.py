"""今日待办: the office's duties (core.office) falling due, grouped 超期 / 今天 / 本周 / 稍后, each
with the command that discharges it; as text, JSON and a sheet of the weekly workbook. Also
the office's part of ``anshang due --office``."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from anshang.core import channels, office
from anshang.core.dates import cn_date, parse_date
from anshang.core.labels import AGENDA_GROUPS, CHANNELS, DEADLINE_KINDS, OFFICE, OFFICE_DUTIES
from anshang.core.obligations import overdue
from anshang.documents.names import enterprise_name, leader_name, unit_name

ORDER = list(OFFICE_DUTIES)
# how each duty is done, in words (the weekly workbook's sheet: a document has no commands)
HOW = {
    "notice": "生成通告，报批后发布；发布后在场次中记下",
    "match": "预约登记截止后进行双向匹配，当期安排和择期安排均说明理由",
    "notify": "电话通知企业，在通知名单“通知情况”一栏写明后导入",
    "inform": "出具告知书送达企业，并记下",
    "handover": "受理后交牵头单位办理（按渠道规则写入签收和办结时限），打印交办单",
    "attend": "出具参会通知送建议承办单位和属地政府，并记下",
    "receive": "记下每件诉求的接待结果（当场解决、交办或解释说明），交办的打印交办单",
    "reply": "出具答复函答复企业，并记下",
    "revisit": "电话或上门回访企业，记下满意度",
    "chase": "生成催办通知，超期较多的另发督办通知",
    "public": "生成公开反馈表，在政府门户网站发布后记下",
    "calendar": "国务院办公厅节假日安排通知公布后加入日历，并重新计算暂定日期",
}
TOLD = {"deferred": "择期安排", "waiting": "择期安排（待有场次）", "excluded": "不予受理", "referred": "转办"}


@dataclass
class Entry:
    group: str  # labels.AGENDA_GROUPS
    kind: str  # labels.OFFICE_DUTIES
    due: dt.date
    provisional: bool  # the due date rests on a guessed calendar (暂定)
    late: int  # working days overdue
    title: str
    ids: list
    command: str
    late_provisional: bool = False  # the count of working days overdue crosses a guessed year

    def as_dict(self) -> dict:
        return {"group": self.group, "kind": self.kind, "due": self.due.isoformat(), "provisional": self.provisional,
                "overdue_workdays": self.late, "overdue_provisional": self.late_provisional, "title": self.title,
                "ids": list(self.ids), "command": self.command}


@dataclass
class Agenda:
    today: dt.date
    until: dt.date  # the last day looked at
    within: int
    capped: int | None = None  # the window stops before this year (its holidays are unknown)
    guessed: bool = False  # the window itself was counted on a guessed calendar
    obligations: list = field(default_factory=list)  # the open duties in the window
    entries: list = field(default_factory=list)

    def count(self, group: str) -> int:
        return sum(1 for e in self.entries if e.group == group)


def agenda(world, settings, cal, today: dt.date, within: int | None = None, drafted=()) -> Agenda:
    """``drafted``: years whose calendar file exists but is not filled in yet (its line then
    says to fill it in rather than to create it)."""
    from anshang.core.problems import AnshangError

    policy = settings.policy
    n = policy.agenda_workdays if within is None else within
    if n < 0:
        raise AnshangError("--within 须为 0 或正整数（工作日数）")
    obs = office.office_obligations(world.cases, world.sessions, world.records, policy, cal, today,
                                    policy.co_unit_reports, others={**world.tasks, **world.topics, **world.projects},
                                    matched=channels.matched(settings.channels))
    until, guessed, capped = office.window(cal, today, n)
    items = office.falling_due(obs, cal, today, until)
    out = Agenda(today, until, n, capped, guessed, items)
    out.entries = _entries(items, world, settings, cal, today, set(drafted))
    return out


def _late(obs, cal, today) -> tuple[int, bool]:
    worst, guessed = 0, False
    for o in obs:
        n, g = overdue(o, cal, today)
        worst, guessed = max(worst, n), guessed or g
    return worst, guessed


def _entries(items, world, settings, cal, today, drafted=frozenset()) -> list[Entry]:
    groups: dict = {}
    for o in items:
        g = office.group_of(o.due, today)
        if o.kind in ("notify", "receive"):
            key = (g, o.kind, o.about, o.due)
        elif o.kind == "chase":
            key = (g, "chase", "", None)
        else:
            key = (g, o.kind, o.id, o.due)
        groups.setdefault(key, []).append(o)
    entries = []
    for (g, kind, _, _), obs in groups.items():
        due = min(o.due for o in obs)
        late, guessed = _late(obs, cal, today)
        title, command = _say(kind, obs, world, settings, drafted)
        entries.append(Entry(g, kind, due, any(o.provisional for o in obs), late, title,
                             sorted({o.id for o in obs}), command, guessed))
    entries.sort(key=lambda e: (office.GROUPS.index(e.group), e.due, ORDER.index(e.kind), e.ids))
    return entries


def _session(world, sid: str) -> str:
    s = world.sessions.get(sid) or {}
    leader = leader_name(world.leaders.get(s.get("leader")), s.get("leader", ""))
    if not s.get("date"):
        return f"接待日 {sid}"
    day = cn_date(parse_date(s["date"]), weekday=True)  # 2026年12月10日（星期四）
    return f"接待日 {day[:-1]}，{leader}）" if leader else f"接待日 {day}"


def _case(world, cid: str) -> str:
    c = world.cases.get(cid) or {}
    name = enterprise_name(c, world.enterprises)
    return f"{cid} {name + '：' if name else ''}{c.get('title', '')}"


def _say(kind: str, obs, world, settings, drafted=frozenset()) -> tuple[str, str]:
    """The line of the agenda and the command that discharges it."""
    o = obs[0]
    if kind == "notice":
        return f"发布接待日通告：{_session(world, o.id)}", f"anshang session notice {o.id} --record"
    if kind == "match":
        closes = (world.sessions.get(o.id) or {}).get("registration_to")
        when = f"（预约登记 {parse_date(closes).isoformat()} 截止）" if closes else ""
        return f"截止预约并双向匹配：{_session(world, o.id)}{when}", f"anshang match --session {o.id}"
    if kind == "notify":
        ids = sorted(x.id for x in obs)
        return (f"通知 {len(ids)} 家企业参加{_session(world, o.about)}：{'、'.join(ids)}",
                f"anshang notify --session {o.about} --all --how 电话")
    if kind == "inform":
        return f"告知企业{TOLD.get(o.about, '')}：{_case(world, o.id)}", f"anshang letter {o.id} --record"
    if kind == "handover":
        c = world.cases.get(o.id) or {}
        where = CHANNELS.get(o.about, o.about)
        if not (c.get("screening") or {}).get("decision"):
            return f"受理并交办{where}的诉求：{_case(world, o.id)}", f"anshang screen {o.id}"
        return f"交办{where}的诉求：{_case(world, o.id)}", f"anshang receive {o.id} --outcome 交办 --lead 单位"
    if kind == "attend":
        n = len(office.scheduled(world.cases, o.id))
        return (f"发出参会通知（{n} 件诉求的建议承办单位和属地政府）：{_session(world, o.id)}",
                f"anshang session attend {o.id} --record")
    if kind == "receive":
        ids = sorted(x.id for x in obs)
        which = ids[0] if len(ids) == 1 else "编号"
        return (f"记录接待结果：{_session(world, o.about)}，{len(ids)} 件：{'、'.join(ids)}",
                f"anshang receive {which} --outcome 交办/当场解决/解释说明")
    if kind == "reply":
        return f"答复企业办理结果：{_case(world, o.id)}", f"anshang letter {o.id} --record"
    if kind == "revisit":
        why = "重点诉求" if (world.cases.get(o.id) or {}).get("key") else "交办诉求"
        return (f"回访企业（{why}）：{_case(world, o.id)}",
                f"anshang revisit {o.id} --satisfaction 满意/基本满意/不满意")
    if kind == "chase":
        per: dict = {}
        for x in obs:
            unit = x.about.split(":", 1)[0]
            per[unit] = per.get(unit, 0) + 1
        shown = "、".join(f"{unit_name(world.units, u)} {n} 项" for u, n in sorted(per.items(), key=lambda kv: (-kv[1], kv[0])))
        return f"催办、督办超期报送：{len(per)} 个单位 {len(obs)} 项（{shown}）", "anshang chase"
    if kind == "public":
        weeks = settings.policy.public_every_weeks
        return f"在政府门户网站公开反馈办理进度（每 {weeks} 周一次）", "anshang publish --record"
    if kind == "calendar" and int(o.id) in drafted:
        return (f"填写 {o.id} 年节假日安排：照国务院办公厅通知填写已建的 calendar/{o.id}.yaml，再重新计算暂定日期",
                "anshang calendar recalc")
    if kind == "calendar":
        return (f"加入 {o.id} 年节假日安排（国务院办公厅通知公布后，照通知填写 calendar/{o.id}.yaml）",
                f"anshang calendar add {o.id}")
    raise ValueError(kind)


# --- text ---------------------------------------------------------------------------------------

def _head(a: Agenda) -> str:
    counts = "，".join(f"{AGENDA_GROUPS[g]} {a.count(g)} 项" for g in office.GROUPS)
    return (f"今日待办 {cn_date(a.today, weekday=True)}：{counts}"
            f"（列到 {a.until.isoformat()}{'，暂定' if a.guessed else ''}）")


def _notes(a: Agenda, sheet: bool = False) -> list[str]:
    """Footnotes: where the window stopped, and what 暂定 means (a sheet names no commands)."""
    notes = []
    if a.capped:
        notes.append(f"注：{a.capped} 年节假日安排尚未加入，只列到 {a.until.isoformat()}；" + (
            "加入后往后列出。" if sheet else
            f"加入后（anshang calendar add {a.capped}）或加 --provisional 按暂定日历往后列。"))
    if a.guessed or any(e.provisional for e in a.entries):
        notes.append("注：标“暂定”的日期按仅周末休息的暂定日历计算，节假日安排加入后以重新计算的日期为准"
                     + ("。" if sheet else "（anshang calendar recalc）。"))
    return notes


def _overdue_words(n: int, guessed: bool) -> str:
    """超期 3 个工作日; a due date just before a weekend or holiday is 已过截止日 until the
    next working day."""
    if n == 0:
        return "已过截止日"
    return f"超期 {n} 个工作日{'（暂定）' if guessed else ''}"


def as_text(a: Agenda) -> str:
    lines = [_head(a)]
    for g in office.GROUPS:
        mine = [e for e in a.entries if e.group == g]
        lines.append(f"【{AGENDA_GROUPS[g]}】" + ("" if mine else "无"))
        for e in mine:
            mark = "（暂定）" if e.provisional else ""
            lines.append(f"  {e.due.isoformat()}{mark} {e.title}（{_overdue_words(e.late, e.late_provisional)}）"
                         if e.group == "overdue" else f"  {e.due.isoformat()}{mark} {e.title}")
            lines.append(f"      → {e.command}")
    lines += _notes(a)
    return "\n".join(lines) + "\n"


def as_json(a: Agenda) -> dict:
    return {"date": a.today.isoformat(), "until": a.until.isoformat(), "within": a.within,
            "capped_before_year": a.capped, "provisional": a.guessed,
            "counts": {g: a.count(g) for g in office.GROUPS}, "entries": [e.as_dict() for e in a.entries]}


def sheet_rows(a: Agenda) -> tuple[list[list], list[str]]:
    """Rows of the weekly workbook's 营商办待办 sheet, and the tone of each."""
    rows, tones = [], []
    for e in a.entries:
        rows.append([AGENDA_GROUPS[e.group], e.due, e.title, e.late if e.group == "overdue" else None, HOW[e.kind]])
        tones.append("overdue" if e.group == "overdue" else ("soon" if e.group in ("today", "week") else ""))
    return rows, tones


def sheet_notes(a: Agenda) -> list[str]:
    return [f"营商办自己的待办：列出已超期的和 {a.within} 个工作日内（至 {a.until.isoformat()}）到期的；"
            "办完后在台账中记下，此后即不再列出。", *_notes(a, sheet=True)]


# --- anshang due --office -----------------------------------------------------------------------

def office_due_text(a: Agenda, world, settings, cal) -> str:
    """The office's open duties one by one, like the units' part of ``due``."""
    late = [o for o in a.obligations if o.due < a.today]
    lines = [f"截至{cn_date(a.today, weekday=True)}：{OFFICE}（{settings.office}）超期 {len(late)} 项，"
             f"至 {a.until.isoformat()} 到期 {len(a.obligations) - len(late)} 项"]
    for o in sorted(a.obligations, key=lambda o: (o.due, ORDER.index(o.kind), o.id, o.about)):
        n, guessed = overdue(o, cal, a.today)
        state = (_overdue_words(n, guessed) if o.due < a.today
                 else ("今天到期" if o.due == a.today else "即将到期"))
        what = OFFICE_DUTIES[o.kind]
        if o.kind == "chase":
            unit, kind = o.about.split(":", 1)
            what += f"（{unit_name(world.units, unit)} {DEADLINE_KINDS[kind]}）"
        elif o.kind == "inform":
            what = f"告知企业{TOLD.get(o.about, '')}"
        elif o.kind in ("notify", "receive"):
            what += f"（{o.about}）"
        lines.append(f"  {o.id} {what} 截止 {o.due.isoformat()}{'（暂定）' if o.provisional else ''} {state}")
    lines += _notes(a)
    return "\n".join(lines) + "\n"


# --- whole reports ------------------------------------------------------------------------------

def drafted_years(ledger) -> set[int]:
    """Years with a file in calendar/ (filled in or not: one not filled in does not cover its year)."""
    from pathlib import Path

    return {int(Path(rel).stem) for rel in ledger.calendar_files() if Path(rel).stem.isdigit()}

def today_report(ledger, settings, cal, today: dt.date, within: int | None, as_json_out: bool) -> str:
    import json

    from anshang.store import loader

    a = agenda(loader.load_as_of(ledger, today, cal), settings, cal, today, within, drafted_years(ledger))
    return json.dumps(as_json(a), ensure_ascii=False, indent=2) + "\n" if as_json_out else as_text(a)


def office_due(ledger, settings, cal, today: dt.date, within: int | None, as_json_out: bool) -> str:
    """``anshang due --office``: the office's open duties within ``within`` working days (the
    warning period by default), one by one."""
    import json

    from anshang.store import loader

    world = loader.load_as_of(ledger, today, cal)
    a = agenda(world, settings, cal, today, settings.policy.warning_workdays if within is None else within,
               drafted_years(ledger))
    if as_json_out:
        return json.dumps([o.as_dict(cal, today) for o in a.obligations], ensure_ascii=False, indent=2) + "\n"
    return office_due_text(a, world, settings, cal)
