"""The rules ``anshang check`` applies: a registry of small validators over one read of the ledger.

Each validator takes the Snapshot and a Context of indexes and yields Problems; all run, and
one renderer reports them together.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from anshang.core import uscc
from anshang.core.calendar import Calendar
from anshang.core.dates import maybe_date
from anshang.core.deadlines import Rule, read_deadline
from anshang.core.holidays import arrangements, supplement_problems
from anshang.core.ids import id_problem
from anshang.core.labels import DEADLINE_KINDS
from anshang.core.lines import LINE, LINES, line_of
from anshang.core.problems import Problem
from anshang.store import schema
from anshang.store.folder import Snapshot
from anshang.store.validate import check_mapping

VALIDATORS: list = []
# Rules about one enterprise or case file at a time: what they find depends only on that file and
# on ``file_context`` (the names other files define), so ``check`` remembers it per file.
FILE_RULES: dict = {"enterprise": [], "case": []}


def validator(code: str):
    """Register ``fn(snap, ctx)`` yielding (doc_rel, line, severity, message) under ``code``."""

    def wrap(fn):
        VALIDATORS.append((code, fn))
        return fn

    return wrap


def file_rule(kind: str, code: str):
    """Register ``fn(rel, data, ctx)`` yielding (line, severity, message) under ``code``, for each
    readable file of ``kind``; it may read only that file and what ``file_context`` covers."""

    def wrap(fn):
        FILE_RULES[kind].append((code, fn))
        return fn

    return wrap


@dataclass
class Context:
    """Indexes built once from the snapshot for every validator to use."""

    settings: dict = field(default_factory=dict)
    fields: set = field(default_factory=set)
    districts: set = field(default_factory=set)
    leaders: dict = field(default_factory=dict)
    units: dict = field(default_factory=dict)
    enterprises: dict = field(default_factory=dict)
    sessions: dict = field(default_factory=dict)
    cases: dict = field(default_factory=dict)
    calendar: Calendar | None = None
    calendar_files: set = field(default_factory=set)
    years: dict = field(default_factory=dict)
    today: dt.date = field(default_factory=dt.date.today)
    derived: dict = field(default_factory=dict)  # what a rule works out once for every file it sees


def _stem(rel: str) -> str:
    """A file's name without folder and suffix (``Path.stem`` without building a Path: 40,000 of them)."""
    name = rel.rsplit("/", 1)[-1]
    return name.rsplit(".", 1)[0] if "." in name else name


def _each(docs):
    """(doc, data) for every doc that was read as a mapping; unreadable ones are already reported."""
    for doc in docs:
        if isinstance(doc.data, dict):
            yield doc, doc.data


def _text(value):
    """``value`` when it is text, else None (a value of the wrong type is the schema check's to report)."""
    return value if isinstance(value, str) else None


def _list(value) -> list:
    return value if isinstance(value, list) else []


def _items(doc, key):
    data = doc.data if doc is not None else None
    if isinstance(data, dict) and isinstance(data.get(key), list):
        return [x for x in data[key] if isinstance(x, dict)]
    return []



def build_context(snap: Snapshot) -> Context:
    ctx = Context()
    s = snap.settings.data if snap.settings is not None and isinstance(snap.settings.data, dict) else {}
    ctx.settings = s
    ctx.fields = {f for f in s.get("fields") or [] if isinstance(f, str)} if isinstance(s.get("fields"), list) else set()
    ctx.districts = {d for d in s.get("districts") or [] if isinstance(d, str)} if isinstance(s.get("districts"), list) else set()
    # only text ids index anything; a malformed id is the schema validator's to report
    for item in _items(snap.leaders, "leaders"):
        if isinstance(item.get("id"), str):
            ctx.leaders.setdefault(item["id"], item)
    for item in _items(snap.units, "units"):
        if isinstance(item.get("id"), str):
            ctx.units.setdefault(item["id"], item)
    for docs, key, index in ((snap.enterprises, "uscc", ctx.enterprises), (snap.sessions, "id", ctx.sessions),
                             (snap.cases, "id", ctx.cases)):
        for doc in docs:
            if isinstance(doc.data, dict) and isinstance(doc.data.get(key), str):
                index.setdefault(doc.data[key], doc)
    ctx.years = arrangements((doc.rel, doc.data) for doc in snap.calendars if doc.data is not None)
    ctx.calendar_files = {doc.rel for doc in snap.calendars}
    ctx.derived["calendars"] = [(doc.rel, doc.data) for doc in snap.calendars]
    # check only asks which years are covered; computations elsewhere decide on provisional
    ctx.calendar = Calendar(ctx.years, allow_provisional=True)
    return ctx


def file_context(ctx: Context) -> str:
    """A digest of everything the file rules may read besides the file itself: the settings, the
    calendars, and the ids of units, enterprises and sessions (with the sessions' dates)."""
    import hashlib

    sessions = sorted((sid, doc.data.get("date") if isinstance(doc.data, dict) else None)
                      for sid, doc in ctx.sessions.items())
    what = (ctx.settings, ctx.derived.get("calendars"), sorted(ctx.fields), sorted(ctx.districts),
            sorted(ctx.units), sorted(ctx.enterprises), sessions)
    return hashlib.sha256(repr(what).encode("utf-8", "surrogatepass")).hexdigest()


def run(snap: Snapshot, only: set | None = None, today: dt.date | None = None, memo: dict | None = None) -> list[Problem]:
    """Every problem in the ledger: read failures first, then each validator's findings.

    ``today`` matters only to rules about time that has passed (sessions of past years).
    ``memo`` ({"context": …, "files": {rel: (stamp, findings)}}, kept by the caller between runs)
    gives the file rules' findings for files unchanged since, while the context is the same;
    it is brought up to date in place."""
    problems = list(snap.problems)
    ctx = build_context(snap)
    if today is not None:
        ctx.today = today
    for code, fn in VALIDATORS:
        if only and code not in only:
            continue
        for rel, line, sev, msg in fn(snap, ctx):
            problems.append(Problem(rel, line, code, sev, msg))
    problems += _file_findings(snap, ctx, only, memo)
    return sorted(set(problems), key=lambda p: (p.path, p.line, p.code, p.message))


def _file_findings(snap: Snapshot, ctx: Context, only, memo: dict | None) -> list[Problem]:
    key = file_context(ctx) if memo is not None else None
    old = memo.get("files") or {} if memo is not None and memo.get("context") == key else {}
    new: dict = {}
    out = []
    worked = 0
    for kind, docs in (("enterprise", snap.enterprises), ("case", snap.cases)):
        rules = FILE_RULES[kind]
        for doc in docs:
            if not isinstance(doc.data, dict):
                continue
            known = old.get(doc.rel) if doc.stamp is not None else None
            if isinstance(known, tuple) and len(known) == 2 and known[0] == doc.stamp:
                found = known[1]
            else:
                found = tuple((code, line, sev, msg) for code, fn in rules for line, sev, msg in fn(doc.rel, doc.data, ctx))
                worked += 1
            if doc.stamp is not None:
                new[doc.rel] = (doc.stamp, found)
            out += [Problem(doc.rel, line, code, sev, msg) for code, line, sev, msg in found if not only or code in only]
    if memo is not None:
        changed = bool(worked) or len(new) != len(old)
        memo.clear()
        memo.update(context=key, files=new, changed=changed)
    return out


# --- validators --------------------------------------------------------------------------

@validator("schema")
def v_schema(snap, ctx):
    """Required keys, types and allowed values of every file."""
    for doc in snap.docs():
        if doc.data is None:  # unreadable: already reported
            continue
        found = doc.schema
        if found is None:  # loaded without schema findings: compute them here
            found = []
            check_mapping(doc.data, schema.FILES[doc.kind][0], found)
        for line, sev, msg in found:
            yield doc.rel, line, sev, msg


@validator("settings")
def v_settings(snap, ctx):
    """The settings make sense together and routing points at known units."""
    from anshang.store.settings import settings_problems

    doc = snap.settings
    if doc is None or not isinstance(doc.data, dict):
        return
    s = doc.data
    for p in settings_problems(s):
        if p.code == "settings":  # schema findings come from the schema validator
            yield doc.rel, p.line, p.severity, p.message
    routing = s.get("routing")
    if isinstance(routing, dict):
        for f, units in routing.items():
            if f.startswith("__"):
                continue
            for u in units if isinstance(units, list) else []:
                if ctx.units and u not in ctx.units:
                    yield doc.rel, line_of(routing, f), "error", f"routing.{f} 中的承办单位 {u!r} 不在 units.yaml 中"
        # only once units exist can the clerk route a field anywhere
        for f in sorted(ctx.fields - set(routing)) if ctx.units else []:
            yield doc.rel, line_of(s, "routing"), "warning", f"领域 {f!r} 没有配置建议承办单位（routing）"


@validator("id")
def v_ids(snap, ctx):
    """Ids are well formed, match their file names, and are not used twice; no form is
    registered twice."""
    seen: dict = {}
    forms: dict = {}
    for doc, d in _each(snap.cases):
        if not isinstance(d.get("id"), str):
            continue
        cid = d["id"]
        if id_problem(cid):  # (the file rule f_case_id says so)
            continue
        if cid in seen:
            yield doc.rel, line_of(d, "id"), "error", f"诉求编号 {cid} 重复（另见 {seen[cid]}）"
        seen[cid] = doc.rel
        src = d.get("source") if isinstance(d.get("source"), dict) else {}
        digest = src.get("digest")
        if isinstance(digest, str):
            if digest in forms:
                yield doc.rel, line_of(src, "digest"), "error", (
                    f"同一张登记表登记了两次（另见 {forms[digest]}），常见于两个克隆合并之后；"
                    "核对后删去其中一件诉求文件")
            forms.setdefault(digest, doc.rel)
    sids: dict = {}
    for doc, d in _each(snap.sessions):
        if not isinstance(d.get("id"), str):
            continue
        sid = d["id"]
        if _stem(doc.rel) != sid:
            yield doc.rel, line_of(d, "id"), "error", f"文件名应与场次编号一致：{sid}.yaml"
        date = maybe_date(d.get("date"))
        if date and not sid.startswith(date.isoformat()):
            yield doc.rel, line_of(d, "id"), "error", f"场次编号 {sid} 应以接待日期 {date.isoformat()} 开头"
        if sid in sids:
            yield doc.rel, line_of(d, "id"), "error", f"场次编号 {sid} 重复（另见 {sids[sid]}）"
        sids[sid] = doc.rel
    for doc, d in _each(snap.records):
        day, kind = maybe_date(d.get("date")), d.get("kind")
        if day is None or not isinstance(kind, str):
            continue
        want = f"records/{day.year}/{day.isoformat()}-{kind}.yaml"
        if doc.rel != want:
            yield doc.rel, line_of(d, "date"), "error", f"营商办记录的文件名应为 {want}（按日期和类别）"
    for label, doc, key in (("接待领导", snap.leaders, "leaders"), ("承办单位", snap.units, "units")):
        seen_ids: dict = {}
        for i, item in enumerate(_items(doc, key)):
            iid = item.get("id")
            if iid in seen_ids:
                yield doc.rel, line_of(item), "error", f"{label}编号 {iid!r} 重复（第一次在第 {seen_ids[iid]} 行）"
            else:
                seen_ids[iid] = line_of(item)


@file_rule("case", "id")
def f_case_id(rel, d, ctx):
    """A demand's id is well formed and agrees with its file name, year folder and registration day."""
    if not isinstance(d.get("id"), str):
        return
    cid = d["id"]
    problem = id_problem(cid)
    if problem:
        yield line_of(d, "id"), "error", problem
        return
    if _stem(rel) != cid:
        yield line_of(d, "id"), "error", f"文件名应与编号一致：{cid}.yaml"
    if rel.split("/")[1] != f"20{cid[:2]}":
        yield line_of(d, "id"), "error", f"诉求 {cid} 应放在 cases/20{cid[:2]}/ 目录"
    reg = maybe_date(d.get("registered"))
    if reg and f"{reg.year % 100:02d}{reg.month:02d}{reg.day:02d}" != cid[:6]:
        yield line_of(d, "id"), "warning", f"编号日期部分 {cid[:6]} 与登记日期 {reg.isoformat()} 不一致"


@validator("uscc")
def v_uscc(snap, ctx):
    """USCC check characters (GB 32100-2015), file names and duplicates in the roster."""
    names: dict = {}
    codes: dict = {}
    for doc, d in _each(snap.enterprises):
        if not isinstance(d.get("uscc"), str):
            continue
        code = d["uscc"]
        if code in codes:
            yield doc.rel, line_of(d, "uscc"), "error", f"统一社会信用代码 {code} 重复（另见 {codes[code]}）"
        codes[code] = doc.rel
        name = d.get("name")
        if isinstance(name, str):
            if name in names:
                yield doc.rel, line_of(d, "name"), "warning", f"企业名称 {name} 与 {names[name]} 相同，是否重复登记？"
            names[name] = doc.rel


@file_rule("enterprise", "uscc")
def f_enterprise_uscc(rel, d, ctx):
    """The USCC's check character, and the file named after it."""
    if not isinstance(d.get("uscc"), str):
        return
    code = d["uscc"]
    problem = uscc.problem(code)
    if problem:
        yield line_of(d, "uscc"), "error", problem
    if _stem(rel) != code:
        yield line_of(d, "uscc"), "error", f"文件名应与统一社会信用代码一致：{code}.yaml"


@file_rule("case", "uscc")
def f_case_uscc(rel, d, ctx):
    """The enterprise a demand names has a well-formed USCC."""
    if isinstance(d.get("enterprise"), str):
        known = ctx.derived.setdefault("uscc", {})  # a code cases share is worked out once
        code = d["enterprise"]
        problem = known[code] if code in known else known.setdefault(code, uscc.problem(code))
        if problem:
            yield line_of(d, "enterprise"), "error", problem


def _field_refs(rel, data, key, ctx, where=None):
    values = data.get(key)
    if not isinstance(values, list) or not ctx.fields:
        return
    for i, f in enumerate(values):
        if isinstance(f, str) and f != "*" and f not in ctx.fields:
            import difflib

            close = difflib.get_close_matches(f, sorted(ctx.fields), n=1, cutoff=0.3)
            hint = f"（是否是 {close[0]}？）" if close else ""
            yield rel, line_of(data, f"{key}[{i}]"), "error", f"领域 {f!r} 不在设置的 fields 列表中{hint}"


def _unit_ref(rel, data, key, ctx, line_key=None):
    u = data.get(key)
    if isinstance(u, str) and u not in ctx.units:
        yield rel, line_of(data, line_key or key), "error", f"承办单位 {u!r} 不在 units.yaml 中"


def _unit_list_refs(rel, data, key, ctx):
    values = data.get(key)
    if not isinstance(values, list):
        return
    for i, u in enumerate(values):
        if isinstance(u, str) and u not in ctx.units:
            yield rel, line_of(data, f"{key}[{i}]"), "error", f"承办单位 {u!r} 不在 units.yaml 中"


@validator("ref")
def v_refs(snap, ctx):
    """Every reference points at something that exists: enterprises, sessions, leaders, units,
    fields and districts."""
    for item in _items(snap.leaders, "leaders"):
        yield from _field_refs(snap.leaders.rel, item, "fields", ctx)
    for item in _items(snap.units, "units"):
        yield from _field_refs(snap.units.rel, item, "fields", ctx)
        dist = item.get("district")
        if isinstance(dist, str) and ctx.districts and dist not in ctx.districts:
            yield snap.units.rel, line_of(item, "district"), "error", f"属地 {dist!r} 不在设置的 districts 列表中"
        if item.get("kind") == "district" and not dist:
            yield snap.units.rel, line_of(item), "error", f"属地政府 {item.get('id')!r} 须填写 district（所辖属地）"
    for doc, d in _each(snap.sessions):
        leader = d.get("leader")
        if isinstance(leader, str) and leader not in ctx.leaders:
            yield doc.rel, line_of(d, "leader"), "error", f"接待领导 {leader!r} 不在 leaders.yaml 中"
        yield from _field_refs(doc.rel, d, "fields", ctx)


@file_rule("enterprise", "ref")
def f_enterprise_refs(rel, d, ctx):
    """An enterprise's district is one of the settings' districts."""
    dist = d.get("district")
    if isinstance(dist, str) and ctx.districts and dist not in ctx.districts:
        yield line_of(d, "district"), "error", f"属地 {dist!r} 不在设置的 districts 列表中"


@file_rule("case", "ref")
def f_case_refs(rel, d, ctx):
    """A demand's enterprise, session, fields and units exist."""
    ent = d.get("enterprise")
    if isinstance(ent, str) and ent not in ctx.enterprises and uscc.is_valid(ent):
        yield line_of(d, "enterprise"), "error", (
            f"企业 {ent} 不在企业名录中（enterprises/{ent}.yaml 不存在）；"
            "请先用 anshang roster import 导入或手工建档")
    sess = d.get("session")
    if isinstance(sess, str) and sess not in ctx.sessions:
        yield line_of(d, "session"), "error", f"接待场次 {sess!r} 不存在（sessions/ 中没有该场次）"
    found = [*_field_refs(rel, d, "fields", ctx), *_unit_list_refs(rel, d, "suggested_units", ctx)]
    scr = d.get("screening")
    if isinstance(scr, dict):
        found += _unit_ref(rel, scr, "refer_to", ctx)
    out = d.get("outcome")
    if isinstance(out, dict):
        found += [*_unit_ref(rel, out, "lead_unit", ctx), *_unit_list_refs(rel, out, "co_units", ctx)]
    for ev in d.get("events") or [] if isinstance(d.get("events"), list) else []:
        if isinstance(ev, dict):
            found += [*_unit_ref(rel, ev, "unit", ctx), *_unit_list_refs(rel, ev, "units", ctx)]
    for _, line, sev, msg in found:
        yield line, sev, msg


def _order(rel, data, pairs):
    """Yield a problem for each (earlier_key, later_key, what) pair whose dates are reversed."""
    for a_key, a_val, b_key, b_val, what in pairs:
        a, b = maybe_date(a_val), maybe_date(b_val)
        if a and b and b < a:
            yield rel, line_of(data, b_key), "error", f"{what}：{b.isoformat()} 早于 {a.isoformat()}"


@validator("dates")
def v_dates(snap, ctx):
    """Dates follow the order of the procedure."""
    for doc, d in _each(snap.sessions):
        yield from _order(doc.rel, d, [
            ("registration_from", d.get("registration_from"), "registration_to", d.get("registration_to"),
             "预约登记截止日期早于开始日期"),
            ("notice_date", d.get("notice_date"), "date", d.get("date"), "接待日期早于通告发布日期"),
            ("registration_to", d.get("registration_to"), "date", d.get("date"), "接待日期早于预约登记截止日期"),
            ("notice_date", d.get("notice_date"), "registration_from", d.get("registration_from"),
             "预约登记开始日期早于通告发布日期"),
        ])


@file_rule("case", "dates")
def f_case_dates(rel, d, ctx):
    """A demand's dates follow the order of the procedure."""
    reg = d.get("registered")
    scr = d.get("screening") if isinstance(d.get("screening"), dict) else {}
    out = d.get("outcome") if isinstance(d.get("outcome"), dict) else {}
    found = []
    if scr:
        found += _order(rel, scr, [("", reg, "date", scr.get("date"), "受理审查日期早于登记日期")])
    if out:
        found += _order(rel, out, [("", reg, "date", out.get("date"), "接待结果日期早于登记日期")])
    sess = ctx.sessions.get(_text(d.get("session")))
    if sess is not None and isinstance(sess.data, dict):
        found += _order(rel, d, [("", reg, "session", sess.data.get("date"), "所排接待日早于诉求登记日期")])
    dls = d.get("deadlines") if isinstance(d.get("deadlines"), dict) else {}
    for kind, dl in dls.items():
        if isinstance(dl, dict):
            found += _order(rel, dl, [("basis", dl.get("basis"), "due", dl.get("due"), f"{kind} 截止日期早于起算日期")])
    for _, line, sev, msg in found:
        yield line, sev, msg
    prev = None
    start = maybe_date(reg)
    for ev in d.get("events") or [] if isinstance(d.get("events"), list) else []:
        if not isinstance(ev, dict):
            continue
        when = maybe_date(ev.get("date"))
        if when and start and when < start:
            yield line_of(ev, "date"), "error", f"办理记录日期 {when.isoformat()} 早于登记日期"
        if when and prev and when < prev:
            yield line_of(ev, "date"), "warning", "办理记录未按日期先后排列"
        prev = when or prev


@validator("merge")
def v_merge(snap, ctx):
    """What a ``merge=union`` of two clones can leave behind: the same event twice, the same
    unit, field or clause twice in a list (a repeated key is already a [yaml] error)."""
    for doc, d in _each(snap.sessions):
        for line, sev, msg in f_merge(doc.rel, d, ctx):
            yield doc.rel, line, sev, msg


@file_rule("case", "merge")
def f_merge(rel, d, ctx):
    """The same event twice, or the same unit, field or clause twice in a list, in one file."""
    from anshang.store.yamlfile import strip_lines

    evs = d.get("events") if isinstance(d.get("events"), list) else []
    seen: dict = {}
    for i, ev in enumerate(evs):
        if not isinstance(ev, dict):
            continue
        try:  # the usual flat event: its (key, kind of value, value) triples, without the lines
            key = tuple(sorted((k, v.__class__, v) for k, v in ev.items() if k != LINE and k != LINES))
            hash(key)
        except TypeError:  # a list or mapping inside: compared as text
            key = repr(sorted(strip_lines(ev).items(), key=lambda kv: kv[0]))
        if key in seen:
            yield line_of(d, f"events[{i}]"), "error", (
                f"办理记录第 {i + 1} 条与第 {seen[key] + 1} 条完全相同（常见于两个克隆合并之后），请删去一条")
        else:
            seen[key] = i
    out = d.get("outcome") if isinstance(d.get("outcome"), dict) else {}
    scr = d.get("screening") if isinstance(d.get("screening"), dict) else {}
    for holder, key in ((d, "fields"), (d, "suggested_units"), (out, "co_units"), (scr, "clauses")):
        values = holder.get(key) if isinstance(holder.get(key), list) else []
        for i, v in enumerate(values):
            if isinstance(v, str) and v in values[:i]:
                yield line_of(holder, f"{key}[{i}]"), "error", f"{key} 中 {v!r} 出现了两次，请删去一个"


def _channel_rules(ctx) -> tuple:
    """(rule(channel) -> (screened by §三, obligations owed), channels matched to sessions),
    worked out once per check."""
    from anshang.core.channels import matched

    if "channels" in ctx.derived:
        return ctx.derived["channels"]
    chans = ctx.settings.get("channels") if isinstance(ctx.settings.get("channels"), dict) else {}

    def rule(channel):
        given = chans.get(channel or "reception_day") if isinstance(chans.get(channel or "reception_day"), dict) else {}
        owed = given.get("obligations") if isinstance(given.get("obligations"), dict) else {}
        return given.get("screening", True), [k for k in owed if not str(k).startswith("__")] or ["progress", "result"]

    try:
        matching = matched(chans)
    except AttributeError:  # a malformed channels mapping: the settings check reports it
        matching = {"reception_day"}
    ctx.derived["channels"] = rule, matching
    return rule, matching


@file_rule("case", "procedure")
def f_procedure(rel, d, ctx):
    """Each stage has what the work plan requires before it (DOMAIN §2), under the channel's
    rules of the settings (a complaint is not screened with §三, owes what its channel says)."""
    rule, matching = _channel_rules(ctx)
    channel = _text(d.get("channel"))
    screened_by_rules, owed = rule(channel)
    scr = d.get("screening") if isinstance(d.get("screening"), dict) else None
    out = d.get("outcome") if isinstance(d.get("outcome"), dict) else None
    decision = scr.get("decision") if scr else None
    if not d.get("enterprise") and not d.get("enterprise_name") and decision != "excluded":
        yield line_of(d), "warning", "未填写企业（enterprise 或 enterprise_name），匿名反映应按 §三(二)6 不予受理"
    if scr:
        clauses = scr.get("clauses") if isinstance(scr.get("clauses"), list) else []
        if decision == "excluded" and not any("三(二)" in str(c) for c in clauses):
            yield line_of(scr, "clauses"), "error", "不予受理须引用 §三(二) 的条款，例如 §三(二)3"
        if decision == "referred":
            if not scr.get("refer_to"):
                yield line_of(scr), "error", "转属地或部门须填写 refer_to（转交单位）"
            if not any("二(三)" in str(c) for c in clauses):
                yield line_of(scr, "clauses"), "error", "转属地或部门须引用 §二(三)"
        if decision == "accepted" and scr.get("type") is None and screened_by_rules:
            yield line_of(scr), "warning", "受理须注明 §三(一) 的类型（type: 1–5）"
    if d.get("session") and decision != "accepted":
        yield line_of(d, "session"), "error", "只有已受理的诉求才能安排接待场次"
    if d.get("session") and (channel or "reception_day") not in matching:
        yield line_of(d, "session"), "error", "其他渠道的诉求不参与接待日匹配，不应有 session"
    if out:
        if d.get("channel") == "reception_day" and not d.get("session"):
            yield line_of(out), "error", "接待日诉求有接待结果，但没有 session（接待场次）"
        if out.get("kind") == "handover":
            if not out.get("lead_unit"):
                yield line_of(out), "error", "交办须填写 lead_unit（牵头单位）"
            dls = d.get("deadlines") if isinstance(d.get("deadlines"), dict) else {}
            for need in owed:
                if need not in dls and need == "result":
                    yield line_of(out), "error", f"交办后缺少 deadlines.{need}（{DEADLINE_KINDS[need]}时限）"
                elif need not in dls and not any(k in dls for k in owed if k != "result"):
                    yield line_of(out), "warning", (
                        f"按设置的渠道规则，交办后应有 deadlines.{need}（{DEADLINE_KINDS.get(need, need)}时限）；"
                        "规则设定之前交办的可不补")
    elif d.get("deadlines"):
        yield line_of(d, "deadlines"), "error", "只有交办的诉求才有办理时限（deadlines）"


@validator("calendar")
def v_calendar(snap, ctx):
    """Supplements are well formed, and every date the ledger relies on is on a known calendar."""
    seen_years: dict = {}
    for doc, d in _each(snap.calendars):
        for p in supplement_problems(d, doc.rel):
            yield p.path, p.line, p.severity, p.message
        year = d.get("year")
        if isinstance(year, int):
            if year in seen_years:
                yield doc.rel, line_of(d, "year"), "error", f"{year} 年已有补充文件 {seen_years[year]}"
            seen_years[year] = doc.rel
    cal = ctx.calendar

    def hint(y):
        return _calendar_hint(ctx, y)
    policy = ctx.settings.get("policy") if isinstance(ctx.settings.get("policy"), dict) else {}
    for doc, d in _each(snap.sessions):
        missing = False
        for key in ("date", "notice_date"):
            day = maybe_date(d.get(key))
            if day is None:
                continue
            if not cal.covers(day.year):
                missing = True
                if d.get("provisional"):
                    yield doc.rel, line_of(d, key), "warning", (
                        f"{day.isoformat()} 按暂定日历确定（{day.year} 年节假日安排尚未加入）；" + hint(day.year))
                else:
                    yield doc.rel, line_of(d, key), "error", (
                        f"{day.isoformat()} 所在的 {day.year} 年节假日安排尚未加入，无法确认是否为工作日；"
                        "如确需先定日期，请标注 provisional: true；" + hint(day.year))
            elif key == "date" and not cal.is_workday(day):
                yield doc.rel, line_of(d, key), "warning", f"接待日 {day.isoformat()} 是休息日"
        date, notice = maybe_date(d.get("date")), maybe_date(d.get("notice_date"))
        if d.get("provisional") and not missing and date:
            n = policy.get("notice_workdays")
            expected = Rule("workdays", -n).due(cal, date).due if isinstance(n, int) and n > 0 else None
            if expected and notice and expected != notice:
                yield doc.rel, line_of(d, "notice_date"), "warning", (
                    f"暂定的通告日期 {notice.isoformat()} 按现已加入的日历应为 {expected.isoformat()}"
                    f"（接待日前 {n} 个工作日）；请运行 anshang calendar recalc 重新计算")
            else:
                yield doc.rel, line_of(d, "provisional"), "warning", (
                    "日期所在年份的节假日安排已加入；运行 anshang calendar recalc 核对并去掉暂定标记")
    for doc, d in _each([*snap.tasks, *snap.topics, *snap.projects]):
        for line, sev, msg in f_calendar(doc.rel, d, ctx):
            yield doc.rel, line, sev, msg


def _calendar_hint(ctx, y: int) -> str:
    if f"calendar/{y}.yaml" in ctx.calendar_files:
        return f"请照国务院办公厅通知填写 calendar/{y}.yaml，然后运行 anshang calendar recalc"
    return f"请根据国务院办公厅节假日安排通知创建 calendar/{y}.yaml（anshang calendar add {y}）"


@file_rule("case", "calendar")
def f_calendar(rel, d, ctx):
    """Every stored deadline of one file is on a known calendar, or marked provisional."""
    if not isinstance(d.get("deadlines"), dict):
        return
    for kind, dl in d["deadlines"].items():
        if isinstance(dl, dict):
            for _, line, sev, msg in _stored_deadline(rel, kind, dl, ctx.calendar, lambda y: _calendar_hint(ctx, y)):
                yield line, sev, msg


def _stored_deadline(rel, kind, dl, cal, hint):
    """A stored deadline against today's calendar: unknown years, and provisional ones that
    can now be computed for real."""
    due, basis = maybe_date(dl.get("due")), maybe_date(dl.get("basis"))
    if due is None or dl.get("rule") == "fixed":
        return  # a date a document named needs no calendar
    label = DEADLINE_KINDS.get(kind, kind)
    years = range(min(due, basis or due).year, max(due, basis or due).year + 1)
    missing = [y for y in years if not cal.covers(y)]
    if missing:
        y = missing[0]
        if dl.get("provisional"):
            yield rel, line_of(dl, "due"), "warning", (
                f"{label}截止日期 {due.isoformat()} 为暂定（{y} 年节假日安排尚未加入）；" + hint(y))
        else:
            yield rel, line_of(dl, "due"), "error", (
                f"{label}截止日期 {due.isoformat()} 跨及日历未知的 {y} 年，却未标注暂定（provisional: true）；"
                + hint(y))
        return
    if not dl.get("provisional") or basis is None:
        return
    try:
        stored = read_deadline(dl)
        real = stored.recomputed(cal)
    except (TypeError, ValueError, KeyError):
        return  # the schema check says what is wrong with the record
    if real is None:
        return
    if real.due != due:
        yield rel, line_of(dl, "due"), "error", (
            f"暂定的{label}截止日期 {due.isoformat()} 按现已加入的日历应为 {real.due.isoformat()}"
            f"（{stored.text()}，自 {basis.isoformat()} 起算）；请运行 anshang calendar recalc 重新计算")
    else:
        yield rel, line_of(dl, "provisional"), "warning", (
            f"{label}截止日期 {due.isoformat()} 经现已加入的日历核对无误；运行 anshang calendar recalc 去掉暂定标记")


@validator("items")
def v_items(snap, ctx):
    """Action plans, their tasks, research topics and leaders' visits: ids match their files,
    every plan folder has its plan.yaml, units, leaders, enterprises, visits and linked demands exist."""
    from anshang.core.ids import TASK_ID_RE, TOPIC_ID_RE

    plans = {}
    for doc, d in _each(snap.plans):
        folder = doc.rel.split("/")[1]
        plans[folder] = d
        if d.get("id") != folder:
            yield doc.rel, line_of(d, "id"), "error", f"方案编号 {d.get('id')!r} 与目录名 {folder} 不符"
    for doc, d in _each(snap.tasks):
        folder, name = doc.rel.split("/")[1], doc.rel.rsplit("/", 1)[1][:-5]
        if folder not in plans:
            yield doc.rel, 1, "error", (f"tasks/{folder}/ 中没有 plan.yaml（方案名称和印发日期）；"
                                        f"重新导入责任清单（anshang task import 清单.xlsx --plan {folder}）会补上")
        number = d.get("number")
        want = f"{folder}-{number:02d}" if isinstance(number, int) else None
        if d.get("plan") != folder:
            yield doc.rel, line_of(d, "plan"), "error", f"方案编号 {d.get('plan')!r} 与所在目录 {folder} 不符"
        if want and (d.get("id") != want or int(name) != number):
            yield doc.rel, line_of(d, "id"), "error", (
                f"任务编号 {d.get('id')!r}、序号 {number} 与文件名 {name}.yaml 不符（应为 {want}，文件 {number:02d}.yaml）")
        elif isinstance(d.get("id"), str) and not TASK_ID_RE.match(d["id"]):
            yield doc.rel, line_of(d, "id"), "error", f"任务编号 {d['id']!r} 格式不对，应为“方案编号-序号”，如 xd2026-07"
        if not d.get("ongoing") and isinstance(d.get("deadlines"), dict) and "result" not in d["deadlines"]:
            yield doc.rel, line_of(d, "deadlines"), "error", "有完成时限的任务缺少 deadlines.result（长期坚持的写 ongoing: true）"
        if d.get("ongoing") and isinstance(d.get("deadlines"), dict) and "periodic" not in d["deadlines"]:
            yield doc.rel, line_of(d, "deadlines"), "error", "长期坚持的任务缺少 deadlines.periodic（定期报送进展）"
    for doc, d in _each(snap.topics):
        name = doc.rel.rsplit("/", 1)[1][:-5]
        if isinstance(d.get("id"), str) and (d["id"] != name or not TOPIC_ID_RE.match(d["id"])):
            yield doc.rel, line_of(d, "id"), "error", f"专题调研编号 {d['id']!r} 与文件名 {name}.yaml 不符或格式不对"
        opened = maybe_date(d.get("opened"))
        if opened and doc.rel.split("/")[1] != str(opened.year):
            yield doc.rel, line_of(d, "opened"), "error", f"立项日期 {opened.isoformat()} 与所在年份目录不符"
        for i, cid in enumerate(d.get("cases") or [] if isinstance(d.get("cases"), list) else []):
            if isinstance(cid, str) and cid not in ctx.cases:
                yield doc.rel, line_of(d, f"cases[{i}]"), "error", f"关联诉求 {cid!r} 不存在（cases/ 中没有）"
    from anshang.core.ids import VISIT_ID_RE

    visits = set()
    for doc, d in _each(snap.visits):
        name = doc.rel.rsplit("/", 1)[1][:-5]
        visits.add(_text(d.get("id")))
        if isinstance(d.get("id"), str) and (d["id"] != name or not VISIT_ID_RE.match(d["id"])):
            yield doc.rel, line_of(d, "id"), "error", f"走访编号 {d['id']!r} 与文件名 {name}.yaml 不符或格式不对"
        day = maybe_date(d.get("date"))
        if day and doc.rel.split("/")[1] != str(day.year):
            yield doc.rel, line_of(d, "date"), "error", f"走访日期 {day.isoformat()} 与所在年份目录不符"
        elif day and isinstance(d.get("id"), str) and d["id"][2:8] != f"{day:%y%m%d}":
            yield doc.rel, line_of(d, "id"), "error", f"走访编号 {d['id']} 中的日期与走访日期 {day.isoformat()} 不符"
        yield from _leader_and_enterprise(doc.rel, d, "走访领导", ctx)
        yield from _unit_list_refs(doc.rel, d, "with", ctx)
    visit_days = {_text(d.get("id")): maybe_date(d.get("date")) for _, d in _each(snap.visits)}
    for doc, d in _each(snap.cases):
        if isinstance(d.get("visit"), str) and d["visit"] not in visits:
            yield doc.rel, line_of(d, "visit"), "error", f"领导走访 {d['visit']!r} 不存在（visits/ 中没有）"
        elif isinstance(d.get("visit"), str):
            when, reg = visit_days.get(d["visit"]), maybe_date(d.get("registered"))
            if when and reg and reg < when:
                yield doc.rel, line_of(d, "registered"), "error", (
                    f"登记日期 {reg.isoformat()} 早于所关联的走访 {d['visit']}（{when.isoformat()}）")
    for doc, d in _each([*snap.tasks, *snap.topics, *snap.projects]):
        yield from _unit_ref(doc.rel, d, "lead_unit", ctx)
        yield from _unit_list_refs(doc.rel, d, "co_units", ctx)
        for ev in d.get("events") or [] if isinstance(d.get("events"), list) else []:
            if isinstance(ev, dict):
                yield from _unit_ref(doc.rel, ev, "unit", ctx)
                yield from _unit_list_refs(doc.rel, ev, "units", ctx)


def _leader_and_enterprise(rel, d, who: str, ctx):
    """A visit's or a project's leader and enterprise exist."""
    if isinstance(d.get("leader"), str) and d["leader"] not in ctx.leaders:
        yield rel, line_of(d, "leader"), "error", f"{who} {d['leader']!r} 不在 leaders.yaml 中"
    ent = d.get("enterprise")
    if isinstance(ent, str) and ent not in ctx.enterprises:
        yield rel, line_of(d, "enterprise"), "error", f"企业 {ent} 不在企业名录中（enterprises/{ent}.yaml 不存在）"


@validator("programme")
def v_programme(snap, ctx):
    """Major projects, campaigns and evaluations: ids match their files, leaders, units and
    enterprises exist, a project tracked owes its monthly report and quarterly review, a campaign's
    dates and phases agree and its activities are imported, scores are 0–100, linked demands and
    projects exist."""
    from anshang.core.campaigns import problems as campaign_problems
    from anshang.core.ids import PROJECT_ID_RE

    projects = set()
    for doc, d in _each(snap.projects):
        name = doc.rel.rsplit("/", 1)[1][:-5]
        projects.add(_text(d.get("id")))
        if isinstance(d.get("id"), str) and (d["id"] != name or not PROJECT_ID_RE.match(d["id"])):
            yield doc.rel, line_of(d, "id"), "error", f"项目编号 {d['id']!r} 与文件名 {name}.yaml 不符或格式不对"
        elif isinstance(d.get("id"), str) and doc.rel.split("/")[1] != f"20{d['id'][2:4]}":
            yield doc.rel, line_of(d, "id"), "error", f"项目编号 {d['id']} 中的年份与所在年份目录不符"
        yield from _leader_and_enterprise(doc.rel, d, "挂点领导", ctx)  # (its units: with the tasks' in v_items)
        dls = d.get("deadlines") if isinstance(d.get("deadlines"), dict) else {}
        closed = any(isinstance(e, dict) and e.get("kind") == "close" for e in _list(d.get("events")))
        if d.get("ongoing") and not closed:
            for kind, what in (("periodic", "一月一报（deadlines.periodic）"), ("review", "一季一审（deadlines.review）")):
                if kind not in dls:
                    yield doc.rel, line_of(d, "deadlines") if dls else 1, "error", f"跟踪中的重大项目缺少{what}"
    for doc, d in _each(snap.cases):
        if isinstance(d.get("project"), str) and d["project"] not in projects:
            yield doc.rel, line_of(d, "project"), "error", f"重大项目 {d['project']!r} 不存在（projects/ 中没有）"
    plans = {doc.rel.split("/")[1]: d for doc, d in _each(snap.plans)}
    imported: dict = {}
    for doc, d in _each(snap.tasks):
        if isinstance(d.get("number"), (int, str)):
            imported.setdefault(_text(d.get("plan")), {})[d["number"]] = d
    campaigns = set()
    for doc, d in _each(snap.campaigns):
        name = doc.rel.rsplit("/", 1)[1][:-5]
        campaigns.add(name)
        if d.get("id") != name:
            yield doc.rel, line_of(d, "id"), "error", f"活动编号 {d.get('id')!r} 与文件名 {name}.yaml 不符"
        for key, message in campaign_problems(d):
            yield doc.rel, line_of(d, key.split("[")[0]), "error", message
        for i, desk in enumerate(d.get("desks") or [] if isinstance(d.get("desks"), list) else []):
            if isinstance(desk, dict) and isinstance(desk.get("unit"), str) and desk["unit"] not in ctx.units and not any(
                    u.get("name") == desk["unit"] for u in ctx.units.values() if isinstance(u, dict)):
                yield doc.rel, line_of(d, "desks"), "error", f"内设部门“{desk.get('name')}”的单位 {desk['unit']!r} 不在 units.yaml 中"
        for i, o in enumerate(d.get("open_days") or [] if isinstance(d.get("open_days"), list) else []):
            if isinstance(o, dict):
                yield from _unit_ref(doc.rel, o, "unit", ctx)
        plan = plans.get(name)
        if plan is not None and plan.get("campaign") != name:
            yield doc.rel, line_of(d, "id"), "error", f"编号 {name} 已是行动方案（tasks/{name}/plan.yaml）：专项活动须用另一个编号"
        acts = [a for a in _list(d.get("activities")) if isinstance(a, dict) and isinstance(a.get("number"), (int, str))]
        have = imported.get(name, {})
        stale = [a.get("number") for a in acts if a.get("number") not in have or have[a["number"]].get("title") != a.get("title")
                 or have[a["number"]].get("limit") != a.get("limit")]
        if stale:
            yield doc.rel, line_of(d, "activities"), "warning", (
                f"重点活动第 {'、'.join(str(n) for n in stale)} 项尚未导入或改动后未重新导入，不会提醒和催办："
                f"运行 anshang campaign import {name}")
    for doc, d in _each(snap.plans):
        if _text(d.get("campaign")) and d["campaign"] not in campaigns:
            yield doc.rel, line_of(d, "campaign"), "error", f"专项活动 {d['campaign']!r} 不存在（campaigns/{d['campaign']}.yaml）"
    for doc, d in _each(snap.evaluations):
        name = doc.rel.rsplit("/", 1)[1][:-5]
        if isinstance(d.get("id"), str) and d["id"] != name:
            yield doc.rel, line_of(d, "id"), "error", f"评议编号 {d['id']!r} 与文件名 {name}.yaml 不符"
        if isinstance(d.get("campaign"), str) and d["campaign"] not in campaigns:
            yield doc.rel, line_of(d, "campaign"), "error", f"专项活动 {d['campaign']!r} 不存在（campaigns/ 中没有）"
        for i, sc in enumerate(d.get("scores") or [] if isinstance(d.get("scores"), list) else []):
            if not isinstance(sc, dict):
                continue
            yield from _unit_ref(doc.rel, sc, "unit", ctx)
            if isinstance(sc.get("score"), int) and sc["score"] > 100:
                yield doc.rel, line_of(sc, "score"), "error", f"得分 {sc['score']} 超过 100（百分制）"


@validator("sessions")
def v_sessions(snap, ctx):
    """The rotation follows §二(一): enough sessions in each past year, no leader booked twice
    on one day, notices early enough, no session over capacity."""
    from anshang.core.rotation import notice_problems

    policy = ctx.settings.get("policy") if isinstance(ctx.settings.get("policy"), dict) else {}
    minimum = policy.get("sessions_per_year")
    notice_n = policy.get("notice_workdays")
    capacity = policy.get("session_capacity")
    per_year: dict = {}
    booked: dict = {}
    scheduled: dict = {}
    for c in ctx.cases.values():
        if isinstance(c.data, dict) and _text(c.data.get("session")) and not any(  # a withdrawn demand holds no place
                isinstance(e, dict) and e.get("kind") == "withdraw" for e in _list(c.data.get("events"))):
            scheduled[c.data["session"]] = scheduled.get(c.data["session"], 0) + 1
    for doc, d in _each(snap.sessions):
        day = maybe_date(d.get("date"))
        if day is None:
            continue
        if d.get("status") != "cancelled":
            per_year.setdefault(day.year, []).append(doc.rel)
            key = (day, _text(d.get("leader")))
            if key in booked:
                yield doc.rel, line_of(d, "leader"), "warning", (
                    f"接待领导 {d.get('leader')} 在 {day.isoformat()} 已有场次 {booked[key]}")
            booked.setdefault(key, doc.rel)
        years = range(min(day, maybe_date(d.get("notice_date")) or day).year, day.year + 1)
        if isinstance(notice_n, int) and maybe_date(d.get("notice_date")) and all(ctx.calendar.covers(y) for y in years):
            problem = notice_problems({**d, "date": day.isoformat()}, ctx.calendar, Rule("workdays", -notice_n))
            if problem:
                yield doc.rel, line_of(d, "notice_date"), "warning", problem
        if isinstance(capacity, int):
            cap = d.get("capacity") if isinstance(d.get("capacity"), int) else capacity
            n = scheduled.get(_text(d.get("id")), 0)
            if n > cap:
                yield doc.rel, line_of(d, "id"), "warning", f"场次已安排 {n} 件诉求，超过容量 {cap}"
    if isinstance(minimum, int):
        for year, rels in sorted(per_year.items()):
            if year < ctx.today.year and len(rels) < minimum:
                first = sorted(rels)[0]
                yield first, 1, "warning", f"{year} 年只有 {len(rels)} 场接待日，少于规定的每年 {minimum} 场（§二(一)）"
