"""The one way every command reads the ledger.

Whole-ledger reads (``load``) go through the ledger's cache; single files (``read``,
``case``) are parsed directly. Either way a file that cannot be read stops the command the
same way: ``ProblemsFound`` listing ``file:line: [yaml] …`` in Chinese, exit code 2 — deciding
on a partly read ledger gives wrong answers (a missed unit, a missed session). The settings and
the calendar supplements are read here too, and stop the same way.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from anshang.core.calendar import Calendar
from anshang.core.holidays import arrangements, supplement_problems
from anshang.core.problems import Problem, ProblemsFound
from anshang.store import schema
from anshang.store.folder import (
    LEADERS_FILE,
    SESSION_ID_RE,
    SETTINGS_FILE,
    TRACKED,
    UNITS_FILE,
    USCC_FILE_RE,
    Ledger,
    kind_of,
)
from anshang.store.validate import check_mapping
from anshang.store.yamlfile import YamlProblem, strip_lines

UNREADABLE = "台账中有无法读取或格式有误的文件，请先修正（anshang check 可列出全部问题）："


@dataclass
class World:
    """The ledger's items as plain dicts keyed by id."""

    leaders: dict = field(default_factory=dict)
    units: dict = field(default_factory=dict)
    sessions: dict = field(default_factory=dict)
    cases: dict = field(default_factory=dict)
    enterprises: dict = field(default_factory=dict)
    digests: dict = field(default_factory=dict)  # registration form fingerprint -> case id
    records: list = field(default_factory=list)  # the office's records (records/), by date
    plans: dict = field(default_factory=dict)  # action plans (tasks/<plan>/plan.yaml)
    tasks: dict = field(default_factory=dict)  # action-plan tasks, by id (xd2026-07)
    topics: dict = field(default_factory=dict)  # research topics, by id
    visits: dict = field(default_factory=dict)  # leaders' visits to enterprises, by id
    projects: dict = field(default_factory=dict)  # major projects, by id
    campaigns: dict = field(default_factory=dict)  # service-month campaigns, by id
    evaluations: dict = field(default_factory=dict)  # enterprises' evaluations of units, by id
    # per table ("cases", "tasks", …) and id: the item's last day, from the read cache (core.snapshot)
    settled: dict = field(default_factory=dict)

    def item(self, item_id: str) -> dict:
        """A case, task, topic or project by its id ({} when there is none)."""
        for table in (self.cases, self.tasks, self.topics, self.projects):
            if item_id in table:
                return table[item_id]
        return {}

    def tracked(self):
        """Every item that can owe reports: cases, tasks (and campaign activities), topics and projects."""
        yield from self.cases.values()
        yield from self.tasks.values()
        yield from self.topics.values()
        yield from self.projects.values()


ALL = {"leaders", "units", "session", "case", "enterprise", "record", "plan", "task", "topic", "visit", "project",
       "campaign", "evaluation"}


def load(ledger: Ledger, kinds: set = ALL) -> World:
    """Read the given kinds (leaders, units, session, case, enterprise) through the cache."""
    snap = ledger.load_all(kinds=set(kinds), schema=True, plain=True)
    broken = [p for p in snap.problems if p.severity == "error"]
    for doc in snap.docs():
        broken += [Problem(doc.rel, line, "schema", sev, msg) for line, sev, msg in doc.schema or []
                   if sev == "error"]
    if broken:
        raise ProblemsFound(UNREADABLE, sorted(broken))
    w = World()
    for doc, key, target in ((snap.leaders, "leaders", w.leaders), (snap.units, "units", w.units)):
        w_items(doc.data if doc is not None else None, key, target)
    for docs, key, target in ((snap.sessions, "id", w.sessions), (snap.cases, "id", w.cases),
                              (snap.enterprises, "uscc", w.enterprises), (snap.plans, "id", w.plans),
                              (snap.tasks, "id", w.tasks), (snap.topics, "id", w.topics), (snap.visits, "id", w.visits),
                              (snap.projects, "id", w.projects), (snap.campaigns, "id", w.campaigns),
                              (snap.evaluations, "id", w.evaluations)):
        for doc in docs:
            if isinstance(doc.data, dict) and doc.data.get(key):
                target[doc.data[key]] = doc.data  # read without line records (load_all plain)
                if doc.kind in TRACKED:
                    settled = w.settled.setdefault(doc.kind + "s", {})
                    settled[doc.data[key]] = doc.settled
    w.records = sorted((doc.data for doc in snap.records if isinstance(doc.data, dict)),
                       key=lambda r: (str(r.get("date")), str(r.get("kind"))))
    for cid, case in w.cases.items():
        src = case.get("source")
        if isinstance(src, dict) and src.get("digest"):
            w.digests.setdefault(src["digest"], cid)
            for earlier in src.get("earlier") or []:
                w.digests.setdefault(earlier, cid)
    return w


def load_as_of(ledger: Ledger, day, cal=None, kinds: set = ALL) -> World:
    """The ledger as it stood at the end of ``day`` (core.snapshot): what every report reads.
    ``cal`` replays changed deadlines (the ledger's calendar by default)."""
    from anshang.core.snapshot import world_as_of

    policy = settings(ledger).policy
    return world_as_of(load(ledger, kinds), day, cal or calendar(ledger, True), policy.co_unit_reports)


EARLIER = 3  # the item's last days before its last one that a read index entry also keeps
REREAD = 500  # at most this many files are read one by one for a day before their last change (else all of them)


def _entry(doc, cal, value):
    """A tracked file's entry in a read index (``items_as_of``): None when the file has a problem
    (the whole ledger is then read, which stops with every problem listed); ``()`` when it has no id
    (it is not an item, as in ``load``); else (id, its last day, its registration day, ``value`` of
    it as it stands, and as one marshal string (unpacked only for a day before its last one) the
    same on each of its ``EARLIER`` days before: (day, registered by then, value)). Between two of
    an item's days it stands the same (``core.snapshot.item_days``)."""
    import marshal

    from anshang.core.dates import maybe_date
    from anshang.core.labels import CO_UNIT_REPORTS
    from anshang.core.lifecycle import finished_on
    from anshang.core.snapshot import case_as_of, item_days

    data = doc.data
    if not isinstance(data, dict) or any(sev == "error" for _, sev, _ in doc.schema or ()):
        return None
    if not data.get("id"):
        return ()
    try:
        earlier = []
        # (only for an item still in hand: one finished long ago is read again for a day before its end)
        days = [] if finished_on(data) is not None else item_days(data)
        for day in sorted({d for d in days if d.isoformat() < (doc.settled or "")}, reverse=True)[:EARLIER]:
            then = {mode: case_as_of(data, day, cal, mode) for mode in CO_UNIT_REPORTS}
            present = then["lead"] is not None
            earlier.append((day.isoformat(), present, value(doc.kind, then) if present else None))
        born = maybe_date(data.get("registered") or data.get("assigned") or data.get("opened"))
        return (data["id"], doc.settled, born and born.isoformat(), value(doc.kind, dict.fromkeys(CO_UNIT_REPORTS, data)),
                marshal.dumps(tuple(earlier)) if earlier else None)
    except Exception:  # a value the engine cannot use: the whole ledger is read, as before the index
        return None


def file_entry(doc, key: str, value):
    """A file's entry in a read index of one value per file (``Ledger.derived``): None when the file
    has a problem, or ``value`` gives what marshal cannot keep (the caller then reads the whole
    ledger, which stops with every problem listed); ``()`` when it has no ``key`` (it is not an item,
    as in ``load``); else (its ``key``, ``value(data)``)."""
    import marshal

    data = doc.data
    if not isinstance(data, dict) or any(sev == "error" for _, sev, _ in doc.schema or ()):
        return None
    if not data.get(key):
        return ()
    try:
        found = value(data)
        marshal.dumps(found)
    except Exception:
        return None
    return data[key], found


def indexed_values(ledger: Ledger, name: str, kind: str, key: str, value) -> dict | None:
    """{the file's ``key``: ``value(data)``} for every file of ``kind``, from a read index of one value per
    file (``file_entry``; a repeated key: the later file, as in ``load``); None when a file has a problem
    (the caller then reads the whole ledger, which stops with every problem listed)."""
    entries = ledger.derived(name, {kind}, lambda doc: file_entry(doc, key, value))
    if any(entry is None for _, _, entry in entries):
        return None
    return {entry[0]: entry[1] for _, _, entry in entries if entry}


def items_as_of(ledger: Ledger, name: str, cal, day, co_reports: str, value, kinds=TRACKED) -> dict | None:
    """{kind: {id: value}} of the tracked items as they stood at the end of ``day``, from a read index
    (``Ledger.derived``, kept per calendar: replaying deadlines needs it) instead of every file's data:
    ``value(kind, {co-unit rule: the item as it stood})`` is what a read command needs of one item,
    worked out when the file changes, and must be plain (marshal) data. An item is taken as its
    entry keeps it on the last of its days up to ``day``; one changed more often since is read and
    replayed (``core.snapshot``). None when a file has a problem (the caller then reads the whole
    ledger, which stops with every problem listed), or when more than ``REREAD`` files would have to be
    read one by one (a day long past: the whole ledger is read quicker). ``name`` must change with what ``value`` gives."""
    import marshal

    from anshang.core.snapshot import case_as_of

    loose = cal.lenient()
    tables: dict = {kind: {} for kind in ("case", "task", "topic", "project") if kind in kinds}  # World.tracked()'s order
    for kind, rel, entry in ledger.derived(name, kinds, lambda doc: _entry(doc, loose, value), loose.digest()):
        if entry is None:
            return None
        if entry:
            tables[kind][entry[0]] = (rel, entry)  # (a repeated id: the later file, as in ``load``)
    iso = day.isoformat()
    out: dict = {}
    again = []  # (kind, id, file) changed since ``day`` more often than its entry remembers
    for kind, table in tables.items():
        found = out[kind] = {}
        for iid, (rel, (_, settled, born, now, earlier)) in table.items():
            if settled is not None and settled <= iso:
                found[iid] = now
                continue
            if born is not None and born > iso:
                continue  # not registered yet (as ``case_as_of`` says)
            then = next(((present, v) for d, present, v in (marshal.loads(earlier) if earlier else ()) if d <= iso), None)
            if then is None:
                found[iid] = None  # (its place, as in ``load``)
                again.append((kind, iid, rel))
            elif then[0]:
                found[iid] = then[1]
    if len(again) > REREAD:
        return None  # a day long past: reading the whole ledger is quicker than reading these one by one
    for kind, iid, rel in again:  # read and replayed
        item = case_as_of(read(ledger, rel), day, loose, co_reports)
        if item is None:
            del out[kind][iid]
        else:
            out[kind][iid] = value(kind, {co_reports: item})
    return out


def indexed_as_of(ledger: Ledger, name: str, cal, day, co_reports: str, value, others: set, kinds=TRACKED):
    """What a read command needs at the end of ``day``: (the snapshot of the ``others`` kinds, read
    whole, and ``items_as_of`` of the tracked items), or None when a file has a problem or the index
    cannot answer: the caller then reads the whole ledger (``load_as_of``), which stops with every
    problem listed."""
    from anshang.core.snapshot import world_as_of

    found = items_as_of(ledger, name, cal, day, co_reports, value, kinds)
    if found is None:
        return None
    try:
        world = load(ledger, others)
    except ProblemsFound:
        return None
    return world_as_of(world, day, cal, co_reports), found


def w_items(data, key: str, target: dict) -> None:
    """The id-keyed items of leaders.yaml or units.yaml into ``target``."""
    data = data if isinstance(data, dict) else {}
    items = data.get(key) if isinstance(data.get(key), list) else []
    for item in items:
        if isinstance(item, dict) and item.get("id"):
            target[item["id"]] = strip_lines(item)


def read(ledger: Ledger, rel: str, missing_ok: bool = False, lines: bool = False, valid: bool = True):
    """One ledger file as plain data (with line bookkeeping when ``lines``), checked against its
    schema unless ``valid`` is False (the settings check themselves); None for a missing file
    when ``missing_ok``."""
    try:
        data = ledger.read(rel)
    except FileNotFoundError:
        if missing_ok:
            return None
        raise ProblemsFound(UNREADABLE, [Problem(rel, 0, "missing", "error", f"缺少文件 {rel}")]) from None
    except YamlProblem as e:
        raise ProblemsFound(UNREADABLE, [Problem(rel, e.line, "yaml", "error", e.message)]) from None
    data = {} if data is None else data
    kind = kind_of(rel)
    if valid and kind in schema.FILES:
        found: list = []
        check_mapping(data, schema.FILES[kind][0], found)
        errors = [Problem(rel, line, "schema", sev, msg) for line, sev, msg in found if sev == "error"]
        if errors:
            raise ProblemsFound(UNREADABLE, errors)
    return data if lines else strip_lines(data)


def read_all(ledger: Ledger, rels: list[str]) -> dict:
    """A few files of one kind (topics, projects, campaigns), each read and checked directly, by id."""
    out = {}
    for rel in rels:
        data = read(ledger, rel)
        if isinstance(data, dict) and data.get("id"):
            out[data["id"]] = data
    return out


def case(ledger: Ledger, cid: str) -> dict:
    """One case file (or task, topic or project file, by its id) as plain data (it has passed its schema check)."""
    return read(ledger, Ledger.item_rel(cid))


def around_case(ledger: Ledger, cid: str) -> tuple[dict, World]:
    """One case with just what is needed to show it: its enterprise and session, the leaders
    and the units (so that finding one case does not grow with the ledger)."""
    c = case(ledger, cid)
    w = World()
    w_items(read(ledger, LEADERS_FILE), "leaders", w.leaders)
    w_items(read(ledger, UNITS_FILE), "units", w.units)
    code, sid = c.get("enterprise"), c.get("session")
    if isinstance(code, str) and USCC_FILE_RE.match(code):  # check reports a malformed code
        ent = read(ledger, Ledger.enterprise_rel(code), missing_ok=True)
        if isinstance(ent, dict):
            w.enterprises[code] = ent
    if isinstance(sid, str) and SESSION_ID_RE.match(sid):
        sess = read(ledger, Ledger.session_rel(c["session"]), missing_ok=True)
        if isinstance(sess, dict):
            w.sessions[c["session"]] = sess
    w.cases[cid] = c
    return c, w


def settings(ledger: Ledger):
    """Read and validate the settings; stop with every problem listed if they are invalid."""
    from anshang.store.settings import from_data, settings_problems

    data = read(ledger, SETTINGS_FILE, lines=True, valid=False)
    errors = [p for p in settings_problems(data) if p.severity == "error"]
    if errors:
        raise ProblemsFound("设置无效：", errors,
                            f"请修改 {SETTINGS_FILE} 后重试（anshang check 可列出全部问题）")
    return from_data(data)


def calendar_docs(ledger: Ledger | None) -> tuple[list, list[Problem]]:
    """Every calendar supplement as (rel, data), and the errors that make one unusable."""
    docs, problems = [], []
    for rel in ledger.calendar_files() if ledger is not None else []:
        try:
            data = ledger.read(rel)
        except YamlProblem as e:
            problems.append(Problem(rel, e.line, "yaml", "error", e.message))
            continue
        if isinstance(data, dict) and not data.get("holidays"):
            continue  # a template not filled in yet: not used until it is (check says so)
        found: list = []
        check_mapping(data, schema.CALENDAR, found)
        problems += [Problem(rel, line, "schema", sev, msg) for line, sev, msg in found if sev == "error"]
        problems += [p for p in supplement_problems(data, rel) if p.severity == "error"]
        docs.append((rel, data))
    return docs, problems


def calendar(ledger: Ledger | None, provisional: bool = False) -> Calendar:
    """The ledger's calendar for computations; stops on a broken supplement (file:line)."""
    docs, problems = calendar_docs(ledger)
    if problems:
        raise ProblemsFound("节假日补充文件有误，为免算错期限，已停止：", problems)
    return Calendar(arrangements(docs), allow_provisional=provisional)
