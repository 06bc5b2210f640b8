"""Graded supervision run by ``chase`` (core.supervision): 预警提醒 to units whose reports fall due
within the warning window, 催办通知 to every unit with an overdue part, 督办通知 to units overdue
beyond the threshold and the 督办清单 for the supervision office; each level recorded on its item
once for one lateness. ``supervise --named`` sets 挂牌督办 by a person, with a reason and a leader."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from anshang.core import lifecycle, supervision
from anshang.core.labels import DEADLINE_KINDS
from anshang.core.lifecycle import require
from anshang.documents import official
from anshang.documents.chase import (
    chase_notice,
    chase_values,
    list_values,
    supervision_list,
)
from anshang.documents.names import unit_name
from anshang.steps.cases import append, event, update_case
from anshang.store import loader, outputs

# which document each level sends: (file name start, template, Markdown title)
NOTICES = {"warning": ("预警提醒", "warning.docx", "预警提醒"), "chase": ("催办通知", "chase.docx", "催办通知"),
           "supervise": ("督办通知", "supervision.docx", "督办通知")}


@dataclass
class ChaseResult:
    notices: list = field(default_factory=list)  # (path, number of items): 催办通知
    warnings: list = field(default_factory=list)  # (path, number of items): 预警提醒
    supervision: tuple | None = None  # the list: (path, number of items)
    supervision_notices: list = field(default_factory=list)  # (path, number of items)
    late: int = 0
    recorded: int = 0  # items with a new level recorded
    levels: dict = field(default_factory=dict)  # level -> parts newly recorded at it
    named: int = 0  # items under 挂牌督办


def chase(ledger, settings, cal, today: dt.date, folder: Path | None, record: bool, by: str,
          fmt: str = "docx", warn: bool = True) -> ChaseResult:
    """Under the write lock from the start: if another writer holds it, nothing is written (no
    notice goes out that the ledger did not record). ``fmt``: docx (Word) or md (Markdown);
    ``warn``: also the 预警提醒 of reports falling due within the warning window."""
    with ledger.lock():
        return _chase(ledger, settings, cal, today, folder, record, by, fmt, warn)


def _chase(ledger, settings, cal, today, folder, record, by, fmt, warn) -> ChaseResult:
    world = loader.load_as_of(ledger, today, cal)
    policy = settings.policy
    at: dict = {"warning": [], "chase": [], "supervise": []}  # level -> open parts at that level now
    for item in world.tracked():
        if supervision.named(item):
            continue  # under 挂牌督办: the leader's supervision and its own notice, not the automatic ladder
        for ob in lifecycle.open_obligations(item, policy.co_unit_reports):
            lv = supervision.level(ob, cal, today, policy, warn)
            if lv:
                at[lv].append(ob)
    late = at["chase"] + at["supervise"]
    result = ChaseResult(late=len(late), named=sum(1 for i in world.tracked() if supervision.named(i)))
    # each part gets the one notice of its present level (a part late beyond the threshold gets the
    # 督办通知, which says it was chased before); 挂牌督办 has its own notice (``supervise --named``)
    groups = {"warning": at["warning"] if warn else [], "chase": at["chase"], "supervise": at["supervise"]}
    day = today.isoformat()
    files = []  # (name, data, what, number of items): all made before the first is written
    everyone = {ob.unit for obs in groups.values() for ob in obs}
    shown = {u: outputs.name_part(unit_name(world.units, u)) for u in everyone}
    twice = {n for n in shown.values() if list(shown.values()).count(n) > 1}

    def named_file(kind, unit):
        who = shown[unit] + (f"-{unit}" if shown[unit] in twice else "")  # two units of one name
        return outputs.safe_filename(f"{kind}-{who}-{day}", 200)

    for lv, obs in groups.items():
        start, template, _ = NOTICES[lv]
        by_unit: dict = {}
        for ob in sorted(obs, key=lambda o: (o.unit, o.due, o.id, o.kind)):
            by_unit.setdefault(ob.unit, []).append(ob)
        for unit, mine in sorted(by_unit.items()):
            if fmt == "md":
                data = chase_notice(unit, mine, world, cal, today, settings, lv)
                files.append((named_file(start, unit) + ".md", data, lv, len(mine)))
            else:
                values = chase_values(unit, mine, world, cal, today, settings)
                files.append((named_file(start, unit) + ".docx", _docx(ledger, template, values), lv, len(mine)))
    listed = sorted(at["supervise"], key=lambda o: (o.unit, o.due, o.id, o.kind))
    if listed:
        if fmt == "md":
            files.append((f"督办清单-{day}.md", supervision_list(listed, world, cal, today, settings), "list", len(listed)))
        else:
            files.append((f"督办清单-{day}.docx",
                          _docx(ledger, "supervision_list.docx", list_values(listed, world, cal, today, settings)),
                          "list", len(listed)))
    for name, data, what, n in files:
        path = outputs.write(folder or ledger.output_dir, name, data)
        {"warning": result.warnings, "chase": result.notices, "supervise": result.supervision_notices}.get(
            what, []).append((path, n))
        if what == "list":
            result.supervision = (path, n)
    if record:
        ids = sorted({o.id for obs in groups.values() for o in obs})
        result.recorded = record_levels(ledger, ids, cal, today, policy, by, result.levels, warn)
    return result


def record_levels(ledger, ids, cal, day: dt.date, policy, by: str, counts: dict | None = None,
                  warn: bool = True) -> int:
    """Record on each item the levels its open parts have reached and that are not recorded
    for the same lateness yet (read again under the lock: a level is never recorded twice).
    Returns the number of items written."""
    touched = 0
    counts = {} if counts is None else counts
    with ledger.lock():
        for iid in ids:
            def decide(item):
                from anshang.core.snapshot import case_as_of

                snap = case_as_of(item, day, cal.lenient(), policy.co_unit_reports) or {}
                if supervision.named(snap):
                    return None, False
                new = []
                for ob in lifecycle.open_obligations(snap, policy.co_unit_reports):
                    owed = supervision.owed_levels(snap, ob, cal, day, policy, history=item, warn=warn)
                    for lv in owed:
                        what = DEADLINE_KINDS[ob.kind]
                        note = {"warning": f"{what}即将到期，已发预警提醒", "chase": f"{what}逾期未报，已发催办通知",
                                "supervise": f"{what}超期，已发督办通知并列入督办清单"}[lv]
                        if lv == "chase" and "supervise" in owed:  # straight to 督办: its notice does the chasing
                            note = f"{what}逾期未报，随督办通知一并催办"
                        new.append(event(day, supervision.EVENT_OF[lv], by, unit=ob.unit, level=lv, of=ob.kind,
                                         owed=ob.due, note=note))
                        counts[lv] = counts.get(lv, 0) + 1
                if not new:
                    return None, False

                def change(doc):
                    for ev in new:
                        append(doc, ev)

                return change, True

            touched += bool(update_case(ledger, iid, decide))
    return touched


def set_named(ledger, settings, cal, iid: str, leader: str, reason: str, day: dt.date, by: str,
              folder: Path | None = None, fmt: str = "docx") -> Path:
    """挂牌督办: set by a person with a reason and the leader who supervises; recorded once while
    it stands, and a 挂牌督办通知 to the lead unit written with it."""
    require(bool(leader and leader.strip()), "挂牌督办须用 --leader 写明督办领导")
    require(bool(reason and reason.strip()), "挂牌督办须用 --reason 写明理由")
    leaders = loader.load(ledger, {"leaders"}).leaders
    known = [x for x in leaders.values() if leader.strip() in (x.get("id"), x.get("name"))]
    if len(known) == 1:  # a receiving leader of leaders.yaml by id or name: 市长韩立成
        leader = f"{known[0].get('title', '')}{known[0].get('name', '')}"
    with ledger.lock():
        def decide(item):
            require(lifecycle.is_handover(item), f"{iid} 尚未交办，不能督办")
            require(not lifecycle.is_closed(item) and not lifecycle.is_withdrawn(item), f"{iid} 已办结或撤回，不能督办")
            require(supervision.named(item) is None, f"{iid} 已挂牌督办（{(supervision.named(item) or {}).get('leader', '')}）")
            lead, _ = lifecycle.units_of(item)
            ev = event(day, "supervise", by, unit=lead, level="named", leader=leader.strip(), note=reason.strip())
            return (lambda doc: append(doc, ev)), (item, lead)

        item, lead = update_case(ledger, iid, decide)
        from anshang.core.ids import item_kind

        world = loader.load(ledger, {"units", "enterprise", "plan"})
        getattr(world, {"case": "cases", "task": "tasks", "topic": "topics", "project": "projects"}[item_kind(iid)])[iid] = item
        obs = [o for o in lifecycle.open_obligations(item, settings.policy.co_unit_reports) if o.unit == lead]
        values = chase_values(lead, obs, world, cal, day, settings)
        values.update(leader=leader.strip(), reason=reason.strip(), item=item.get("title", ""), id=iid)
        name = outputs.safe_filename(f"挂牌督办通知-{iid}-{day.isoformat()}", 200)
        if fmt == "md":
            from anshang.documents.chase import named_notice

            return outputs.write(folder or ledger.output_dir, name + ".md",
                                 named_notice(lead, obs, world, cal, day, settings, leader.strip(), reason.strip(), item))
        return outputs.write(folder or ledger.output_dir, name + ".docx", _docx(ledger, "named.docx", values))


def _docx(ledger, name: str, values: dict) -> bytes:
    path, shown = official.template(ledger, name)
    return official.render(path, shown, values)

