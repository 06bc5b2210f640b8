"""Major projects in the ledger (``project``): add one (its first monthly report and quarterly
review computed on the calendar), move it to another stage (full production or a dropped project
ends its tracking), link demands to it. Its monthly reports and reviews are the obligation
engine's ``periodic`` and ``review`` reports (``handling.report``); chasing, extending and
reassigning are the demand's commands."""

from __future__ import annotations

import datetime as dt

from anshang.core import lifecycle, naming, projects
from anshang.core.ids import new_project_id, resolve
from anshang.core.labels import PROJECT_STAGES
from anshang.core.lifecycle import require
from anshang.core.problems import AnshangError
from anshang.steps.cases import append, event, update_case
from anshang.store import canonical, loader
from anshang.store.folder import Ledger


def project_ids(ledger: Ledger) -> list[str]:
    return [r.rsplit("/", 1)[1][:-5] for r in ledger.project_files()]


def find_project(ledger: Ledger, given: str) -> str:
    """A project by its id (or a unique prefix), or by a part of its name or its enterprise's name."""
    g = (given or "").strip()
    if g.isascii():
        return resolve(g, project_ids(ledger), "重大项目")
    world = loader.load(ledger, {"project", "enterprise"})
    hits = [pid for pid, p in sorted(world.projects.items())
            if g in str(p.get("title") or "") or g in str((world.enterprises.get(p.get("enterprise")) or {}).get("name") or "")]
    if len(hits) == 1:
        return hits[0]
    if not hits:
        raise AnshangError(f"没有名称或企业名称含“{g}”的重大项目（anshang project list 可列出全部）")
    shown = "；".join(f"{h} {world.projects[h].get('title', '')}" for h in hits[:8])
    raise AnshangError(f"“{g}”对应 {len(hits)} 个重大项目：{shown}；请写编号")


def add_project(ledger: Ledger, settings, cal, enterprise: str, name: str, stage: str, lead: str, co: list[str],
                leader: str, owner: str | None, investment: str | None, day: dt.date, note: str | None, by: str) -> dict:
    """Add a project; returns its data (with ``enterprise_name``)."""
    world = loader.load(ledger, {"leaders", "units", "enterprise"})
    code = naming.enterprise(enterprise, world.enterprises)
    lid = naming.leader(leader, world.leaders)
    lead_id = naming.unit(lead, world.units)
    co_ids = [u for u in naming.units(co, world.units) if u != lead_id]
    stage = naming.choice(stage, PROJECT_STAGES, "--stage")
    name = (name or "").strip()
    require(bool(name), "--name 项目名称不能为空")
    require(stage not in projects.FINAL_STAGES, f"新纳入跟踪的项目不能处于“{PROJECT_STAGES[stage]}”阶段")
    dls = projects.deadlines(settings.policy, cal, day)
    with ledger.lock():  # decided under the lock: a second clerk adding the same project waits, then is refused
        for p in loader.load(ledger, {"project"}).projects.values():
            if p.get("enterprise") == code and p.get("title") == name:
                raise AnshangError(f"{world.enterprises[code].get('name', code)}的“{name}”已是重大项目 {p['id']}，不重复添加")
        pid = new_project_id(day, set(project_ids(ledger)))
        body = {"id": pid, "title": name, "enterprise": code, "stage": stage, "lead_unit": lead_id, "co_units": co_ids,
                "leader": lid, "owner": owner, "investment": investment, "assigned": day, "ongoing": True,
                "deadlines": dls, "events": [event(day, "stage", by, stage=stage, note="纳入重大项目跟踪服务")],
                "note": note}
        ledger.create(Ledger.item_rel(pid), {k: v for k, v in body.items() if v not in (None, "", [])})
    return {**body, "enterprise_name": world.enterprises[code].get("name", code)}


def set_stage(ledger: Ledger, pid: str, stage: str, day: dt.date, note: str | None, by: str) -> dict:
    """Move a project to ``stage``. Full production (全面投产) or a dropped project (终止) ends its
    tracking: the project is closed, and owes no more reports."""
    stage = naming.choice(stage, PROJECT_STAGES, "阶段")

    def decide(p):
        require(not lifecycle.is_closed(p), f"{pid} 已结束跟踪（{PROJECT_STAGES.get(p.get('stage'), '')}），不能再变更阶段")
        require(stage != p.get("stage"), f"{pid} 已处于“{PROJECT_STAGES[stage]}”阶段")
        since = max((h["date"] for h in projects.stage_history(p) if h["date"]), default=None)
        require(since is None or day >= since, f"变更日期 {day.isoformat()} 早于上一次阶段变更（{since}）")
        ends = stage in projects.FINAL_STAGES
        evs = [event(day, "stage", by, stage=stage, note=note)]
        if ends:
            evs.append(event(day, "close", by, note=f"项目{PROJECT_STAGES[stage]}，结束跟踪服务"))

        def change(doc):
            canonical.put(doc, "stage", stage, "project")
            for ev in evs:
                append(doc, ev)

        return change, {"was": p.get("stage"), "stage": stage, "ended": ends}

    return update_case(ledger, pid, decide)


def link_cases(ledger: Ledger, pid: str, case_ids: list[str], by: str) -> list[str]:
    """Link demands to a project (``project`` in each case file); returns the ones newly linked.
    Every demand is checked first, under the lock: one already linked elsewhere writes none."""
    with ledger.lock():
        loader.case(ledger, pid)  # the project must be readable
        todo = []
        for cid in dict.fromkeys(case_ids):
            c = loader.case(ledger, cid)
            if c.get("project") == pid:
                continue
            require(not c.get("project"), f"{cid} 已关联重大项目 {c.get('project')}；如需改动请先编辑该诉求文件（一件也未关联）")
            todo.append(cid)
        for cid in todo:
            ledger.edit(Ledger.item_rel(cid), lambda doc: canonical.put(doc, "project", pid, "case"))
    return todo
