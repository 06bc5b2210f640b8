"""Finding demands (``anshang list``): filters by state, unit (lead or co), enterprise, session,
channel, field, year, overdue and falling due, and free text; one row per demand, sorted, for
the terminal, JSON or a printable workbook."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from anshang.core import lifecycle, naming
from anshang.core.dates import parse_date
from anshang.core.figures import worst_overdue
from anshang.core.labels import CHANNELS, DEADLINE_KINDS, ITEM_KINDS, STATUS, label
from anshang.core.obligations import horizon, packed, unpacked
from anshang.core.problems import AnshangError
from anshang.documents.names import enterprise_name, source_name, unit_name
from anshang.documents.sheets import Col, Table, Tentative

SORTS = {"id": "编号", "registered": "登记日期", "due": "下一期限", "enterprise": "企业", "status": "状态"}
TEXT_KEYS = ("title", "facts", "reasons", "request")


@dataclass
class Filters:
    text: str = ""
    statuses: list = field(default_factory=list)
    unit: str | None = None
    enterprise: str | None = None
    session: str | None = None
    channel: str | None = None
    fields: list = field(default_factory=list)
    year: int | None = None
    overdue: bool = False
    due_within: int | None = None
    sort: str = "id"
    kinds: list = field(default_factory=lambda: ["case"])  # labels.ITEM_KINDS: demands, tasks, topics


def _resolved(f: Filters, world, settings) -> Filters:
    """The filters with names turned into ids (unknown names stop with the closest ones)."""
    from anshang.core.matching import find_session

    f.statuses = [naming.choice(s, STATUS, "--status") for s in f.statuses]
    f.unit = naming.unit(f.unit, world.units) if f.unit else None
    f.channel = naming.choice(f.channel, CHANNELS, "--channel") if f.channel else None
    f.session = find_session(world, f.session) if f.session else None
    for name in f.fields:
        if name not in (settings.fields or []):
            raise AnshangError(f"--field {name!r} 不是设置中的领域（{'、'.join(settings.fields or [])}）")
    f.sort = naming.choice(f.sort, SORTS, "--sort")
    f.kinds = list(dict.fromkeys(naming.choice(k, ITEM_KINDS, "--kind") for k in f.kinds or ["case"]))
    if f.due_within is not None and f.due_within < 0:
        raise AnshangError("--due-within 应为不小于 0 的工作日数")
    return f


def _enterprise_hit(case: dict, world, wanted: str) -> bool:
    w = wanted.strip()
    uscc = str(case.get("enterprise") or "")
    return bool(w) and (uscc.upper().startswith(w.upper()) or w in enterprise_name(case, world.enterprises))


def _text_hit(case: dict, world, wanted: str) -> bool:
    words = wanted.split()
    haystack = " ".join(str(case.get(k) or "") for k in TEXT_KEYS) + " " + source_name(case, world)
    return all(w in haystack for w in words)


FACT_KEYS = ("id", "registered", "session", "fields", "title", "enterprise", "enterprise_name", "plan", "number")


def item_facts(kind: str, items: dict) -> dict:
    """What the list needs of one item, free of any day (``items``: the item under each co-unit rule
    wanted): its keys, its units, and under each rule its stage before lateness and its open parts
    (``lifecycle.status`` on a day nothing is late yet; on a later day a handover with an open part
    past due is ``overdue``)."""
    c = next(iter(items.values()))
    if kind != "case":  # a task's or topic's day of assignment stands for registration
        c = {**c, "registered": c.get("assigned") or c.get("opened")}
    lead, co = lifecycle.units_of(c)
    out = {k: c.get(k) for k in FACT_KEYS}
    out.update(channel=c.get("channel", "reception_day"), lead=lead, co=co, base={}, open={})
    for mode, item in items.items():
        obs = lifecycle.obligations(item, mode)
        out["base"][mode] = lifecycle.status(item, dt.date.min, obs)
        out["open"][mode] = [o for o in obs if o.met is None]
    return out


def indexed_facts(kind: str, items: dict) -> dict:
    """``item_facts`` as plain data, for the read index (``loader.items_as_of``)."""
    out = item_facts(kind, items)
    out["open"] = {mode: packed(obs) for mode, obs in out["open"].items()}
    return out


def select(world, settings, cal, today: dt.date, f: Filters, facts: dict | None = None) -> list[dict]:
    """The items that pass every filter, as rows (sorted). ``facts``: {kind: {id: ``item_facts``}}
    of the items as they stood on ``today``, when the caller has them (the read index: no text
    filter then); else they are worked out from ``world``, a snapshot of ``today``."""
    f = _resolved(f, world, settings)
    mode = settings.policy.co_unit_reports
    until, _ = horizon(cal, today, f.due_within) if f.due_within is not None else (None, False)
    rows = []
    if facts is None:
        tables = {"case": world.cases, "task": world.tasks, "topic": world.topics, "project": world.projects}
        items = [(k, iid, tables[k][iid]) for k in f.kinds for iid in sorted(tables[k])]
    else:
        items = [(k, iid, facts[k][iid]) for k in f.kinds for iid in sorted(facts.get(k) or {})]
    for kind, cid, c in items:
        if kind != "case":  # a task, topic or project: no channel, session or field of its own
            if f.channel or f.session or f.fields or (f.enterprise and kind != "project"):
                continue
        if facts is None:
            if f.text and not _text_hit(c, world, f.text):
                continue
            c = item_facts(kind, {mode: c})
        if f.year and parse_date(c["registered"]).year != f.year:
            continue
        if f.channel and c["channel"] != f.channel:
            continue
        if f.session and c.get("session") != f.session:
            continue
        if f.fields and not set(f.fields) & set(c.get("fields") or []):
            continue
        if f.enterprise and not _enterprise_hit(c, world, f.enterprise):
            continue
        lead, co = c["lead"], c["co"]
        if f.unit and f.unit != lead and f.unit not in co:
            continue
        open_obs = c["open"][mode]
        if not isinstance(open_obs, list):  # as the read index keeps them
            open_obs = unpacked(cid, open_obs)
        st = lifecycle.later_status(c["base"][mode], open_obs, today)
        if f.statuses and st not in f.statuses:
            continue
        late, guessed = worst_overdue(open_obs, cal, today)
        if f.overdue and not late:
            continue
        nxt = min(open_obs, key=lambda o: o.due, default=None)
        if until is not None and not (nxt is not None and nxt.due <= until):
            continue
        rows.append({
            "id": cid, "registered": parse_date(c["registered"]),
            "enterprise": enterprise_name(c, world.enterprises) if kind in ("case", "project") else source_name(c, world),
            "channel": c["channel"] if kind == "case" else "", "fields": list(c.get("fields") or []),
            "title": c.get("title") or "", "status": st, "session": c.get("session"),
            "lead": unit_name(world.units, lead) if lead else "", "co": [unit_name(world.units, u) for u in co],
            "next_due": nxt.due if nxt else None, "next_kind": nxt.kind if nxt else None,
            "provisional": bool(nxt and nxt.provisional) or guessed, "overdue_workdays": late,
        })
    key = {"id": lambda r: r["id"], "registered": lambda r: (r["registered"], r["id"]),
           "due": lambda r: (r["next_due"] or dt.date.max, r["id"]), "enterprise": lambda r: (r["enterprise"], r["id"]),
           "status": lambda r: (list(STATUS).index(r["status"]), r["id"])}[f.sort]
    return sorted(rows, key=key)


def describe(f: Filters, world) -> str:
    """The conditions of a selection in words (printed under the exported table)."""
    parts = []
    if f.text:
        parts.append(f"文字“{f.text}”")
    if f.statuses:
        parts.append("状态：" + "、".join(STATUS[s] for s in f.statuses))
    if f.unit:
        parts.append(f"承办单位：{unit_name(world.units, f.unit)}")
    if f.enterprise:
        parts.append(f"企业：{f.enterprise}")
    if f.session:
        parts.append(f"场次：{f.session}")
    if f.channel:
        parts.append(f"渠道：{CHANNELS[f.channel]}")
    if f.fields:
        parts.append("领域：" + "、".join(f.fields))
    if f.year:
        parts.append(f"{f.year} 年登记")
    if f.overdue:
        parts.append("有超期事项")
    if f.due_within is not None:
        parts.append(f"{f.due_within} 个工作日内到期")
    return "；".join(parts) or "全部"


def as_json(rows: list[dict]) -> list[dict]:
    return [{**r, "registered": r["registered"].isoformat(),
             "next_due": r["next_due"].isoformat() if r["next_due"] else None} for r in rows]


def only_demands(rows: list[dict]) -> bool:
    """Whether every row is a demand (not an action-plan task or a research topic)."""
    from anshang.core.ids import item_kind

    return all(item_kind(r["id"]) == "case" for r in rows)


def status_word(r: dict) -> str:
    """The state in words (a research topic that is closed has 已结题; a major project is 跟踪服务中
    until it ends, 已结束跟踪 after)."""
    from anshang.core.ids import item_kind

    kind = item_kind(r["id"])
    if kind == "topic" and r["status"] == "closed":
        return "已结题"
    if kind == "project" and r["status"] in ("ongoing", "closed"):
        return "跟踪服务中" if r["status"] == "ongoing" else "已结束跟踪"
    return label(STATUS, r["status"])


def noun(rows: list[dict]) -> str:
    """件 for demands, 项 for tasks and topics."""
    return "件" if only_demands(rows) else "项"


TABLE_ROWS = 500  # more rows than this are listed one a line (a boxed table of thousands helps nobody, and is slow)


def _heads(rows: list[dict]) -> tuple:
    return ("编号", "登记", "企业", "诉求事项", "状态", "承办单位", "下一期限") if only_demands(rows) else \
        ("编号", "登记或交办", "企业或来源", "事项", "状态", "承办单位", "下一期限")


def _cells(r: dict) -> tuple:
    due = ""
    if r["next_due"]:
        due = f"{DEADLINE_KINDS[r['next_kind']]} {r['next_due'].isoformat()}" + ("（暂定）" if r["provisional"] else "")
        if r["overdue_workdays"]:
            due += f"，超期 {r['overdue_workdays']} 个工作日"
    units = r["lead"] + (f"（配合：{'、'.join(r['co'])}）" if r["co"] else "")
    return r["id"], r["registered"].isoformat(), r["enterprise"], r["title"], status_word(r), units, due


def as_table(rows: list[dict]):
    """A rich table for the terminal (long texts wrap rather than being cut)."""
    from rich.table import Table as Rich

    t = Rich(show_lines=False, header_style="bold")
    for head in _heads(rows):
        t.add_column(head, overflow="fold", no_wrap=head in ("编号", "登记"))  # ids and dates never break
    for r in rows:
        t.add_row(*_cells(r))
    return t


def as_lines(rows: list[dict]) -> str:
    """The rows one a line, the columns separated by tabs, under a line of headings (for many
    rows: quick to print, to search with findstr or grep, and to paste into a spreadsheet)."""
    def clean(text: str) -> str:
        return " ".join(str(text).split())  # a tab or line break in a title must not split the row

    return "".join("\t".join(clean(c) for c in cells) + "\n" for cells in [_heads(rows), *map(_cells, rows)])


COLS = [Col("编号", least=16), Col("登记日期", "date"), Col("企业", most=28), Col("渠道", most=12), Col("领域", most=20),
        Col("诉求事项", most=36), Col("状态", most=12), Col("牵头单位", most=20), Col("配合单位", most=26),
        Col("应报送", most=10), Col("下一期限", "date"), Col("超期（工作日）", "int")]


def table(rows: list[dict], settings, today: dt.date, described: str) -> Table:
    """The selection as a printable sheet (``--out``)."""
    body = [[r["id"], r["registered"], r["enterprise"], label(CHANNELS, r["channel"]), "、".join(r["fields"]), r["title"],
             status_word(r), r["lead"], "、".join(r["co"]), label(DEADLINE_KINDS, r["next_kind"], ""),
             (Tentative(r["next_due"]) if r["provisional"] else r["next_due"]) if r["next_due"] else None,
             r["overdue_workdays"] or None] for r in rows]
    cols = COLS if only_demands(rows) else [Col("编号", least=16), Col("登记或交办", "date"), Col("企业或来源", most=28),
                                             *COLS[3:5], Col("事项", most=36), *COLS[6:]]
    return Table("诉求", f"{settings.city}{'企业诉求' if only_demands(rows) else '诉求和工作任务'}查询结果", settings.office,
                 today, cols, body, notes=[f"条件：{described}；共 {len(rows)} {noun(rows)}。"])


# what the list reads: the tracked items, and the units, sessions, action plans and enterprises they name
# (records, visits, evaluations and campaigns play no part)
LIST_KINDS = frozenset({"case", "task", "topic", "project", "units", "session", "plan", "enterprise"})
INDEX = "list-1"  # the read index of ``indexed_facts`` (a new name when they change)
NAMES = "names-1"  # the read index of the enterprises' names


def _from_index(ledger, settings, cal, today: dt.date):
    """(a snapshot with just the units, sessions, plans and enterprises' names; the items' facts) from
    the read indexes; None when they cannot answer (a file with a problem)."""
    from anshang.store import loader

    found = loader.indexed_as_of(ledger, INDEX, cal, today, settings.policy.co_unit_reports, indexed_facts,
                                 {"units", "session", "plan"})
    if found is None:
        return None
    names = enterprise_names(ledger)
    if names is None:
        return None
    world, facts = found
    world.enterprises = names
    return world, facts


def enterprise_names(ledger) -> dict | None:
    """{credit code: {"name": …}} of every enterprise, from the names index (a file is read again only
    when it changed); None when an enterprise file has a problem (the caller then reads them whole)."""
    from anshang.store import loader

    names = loader.indexed_values(ledger, NAMES, "enterprise", "uscc", lambda data: data.get("name"))
    return None if names is None else {code: {"name": name} for code, name in names.items()}


def list_cases(ledger, settings, cal, today: dt.date, f: Filters) -> tuple[list[dict], str]:
    """The selected rows, and the conditions in words: from the read indexes, or (a text to find,
    or a file with a problem) from the snapshot of the whole ledger."""
    from anshang.store import loader

    found = None if f.text else _from_index(ledger, settings, cal, today)
    if found is None:
        world = loader.load_as_of(ledger, today, cal, LIST_KINDS)
        rows = select(world, settings, cal, today, f)
    else:
        world, facts = found
        rows = select(world, settings, cal, today, f, facts)
    return rows, describe(f, world)


def write_table(path, rows: list[dict], settings, today: dt.date, described: str):
    from anshang.documents.sheets import book_bytes
    from anshang.store import outputs

    return outputs.write_file(path, book_bytes([table(rows, settings, today, described)]), (".xlsx",))
