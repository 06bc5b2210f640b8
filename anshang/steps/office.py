"""Recording what the office did: enterprises notified (one by one, a whole session, or read
back from the call list a clerk filled in), a session's notice published, matching run, the
attendance notice sent, public feedback published. Each is read, decided and written under
the write lock; recording the same thing twice changes nothing."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from anshang.core import lifecycle, office
from anshang.core.dates import parse_date
from anshang.core.ids import id_problem
from anshang.core.labels import LETTERS, NOTIFY_HOW, RECORD_KINDS, SESSION_EVENTS
from anshang.core.matching import find_session
from anshang.core.problems import AnshangError, Problem
from anshang.steps.cases import append, event, find_case, update_case
from anshang.store import loader
from anshang.store.folder import RECORDS_DIR, Ledger

NOTE_LIMIT = 200  # characters of a clerk's note kept from a sheet cell


def what_is_owed(case: dict) -> str:
    """What telling this enterprise is about: 接待安排 / 择期安排 / 不予受理 / 转办 (or '')."""
    return owed_since(case)[0]


def owed_since(case: dict) -> tuple[str, dt.date | None]:
    """What telling this enterprise is about, and the decision it follows (a notification
    dated before the decision is not about it)."""
    told = office.informed_kind(case)
    if told is not None:
        return {"deferred": "择期安排", "waiting": "择期安排", "excluded": "不予受理", "referred": "转办"}[told[0]], told[1]
    matching = case.get("matching") or {}
    if matching.get("status") == "scheduled" and not case.get("outcome"):
        return "接待安排", parse_date(matching["date"]) if matching.get("date") else None
    return "", None


def check_date(case: dict, day: dt.date, what: str = "通知") -> None:
    """A notification is not dated before the demand was registered, nor before the decision
    it tells of."""
    cid = case.get("id", "")
    registered = parse_date(case["registered"]) if case.get("registered") else None
    if registered and day < registered:
        raise AnshangError(f"{cid}：{what}日期 {day.isoformat()} 早于登记日期 {registered.isoformat()}")
    about, since = owed_since(case)
    if since and day < since:
        raise AnshangError(f"{cid}：{what}日期 {day.isoformat()} 早于作出{about}的日期 {since.isoformat()}，"
                           f"不能算作告知了{about}；请写实际通知的日期")


@dataclass
class Notified:
    id: str
    about: str  # what the enterprise was told (接待安排 …), '' when nothing was owed
    new: bool  # False: the same notification was recorded already


def _notify_one(ledger, cid: str, how: str, note: str | None, day: dt.date, by: str) -> Notified:
    def decide(case):
        if lifecycle.is_withdrawn(case):
            raise AnshangError(f"{cid} 已撤回，不再通知企业")
        check_date(case, day)
        about = what_is_owed(case)
        text = note or (f"已{NOTIFY_HOW[how]}告知企业{about}" if about else f"已{NOTIFY_HOW[how]}联系企业")
        same = [e for e in lifecycle.events(case) if e.get("kind") == "notify" and e.get("note") == text
                and str(e.get("date")) == day.isoformat()]
        if same:
            return None, Notified(cid, about, False)
        ev = event(day, "notify", by, how=how, note=text)
        return (lambda doc: append(doc, ev)), Notified(cid, about, True)

    return update_case(ledger, cid, decide)


def notify(ledger, given: list[str], how: str, note: str | None, day: dt.date, by: str) -> list[Notified]:
    """Record that each enterprise was told (a ``notify`` event: who, how, when)."""
    ids = [find_case(ledger, g, only_cases=True) for g in given]
    with ledger.lock():
        return [_notify_one(ledger, cid, how, note, day, by) for cid in ids]


def owing_in_session(world, sid: str, today: dt.date) -> list[str]:
    """The demands scheduled in ``sid`` whose enterprise has not been told since the matching."""
    out = []
    for c in office.scheduled(world.cases, sid):
        matched = (c.get("matching") or {}).get("date")
        since = parse_date(matched) if matched else None
        told = [d for d in office.notify_dates(lifecycle.as_of(c, today)) if d and (since is None or d >= since)]
        if not told:
            out.append(c["id"])
    return sorted(out)


def notify_session(ledger, given: str, how: str, note: str | None, day: dt.date, by: str) -> tuple[str, list[Notified]]:
    """Record the notification of every enterprise scheduled in a session not yet told."""
    with ledger.lock():
        world = loader.load(ledger, {"session", "case"})
        sid = find_session(world, given)
        return sid, [_notify_one(ledger, cid, how, note, day, by) for cid in owing_in_session(world, sid, day)]


# --- the call list read back ------------------------------------------------------------------

NOT_DONE = re.compile(r"未接|未通|未联系|未告知|未能|未回复|无法|联系不上|联系未果|没联系|没打通|打不通|没接|没人接|不接"
                      r"|无人|忙音|占线|再打|再联系|稍后|空号|关机|停机|拒接|失败|待通知"
                      r"|^否$|^无$|^[×xX✗✘\-—－/／?？]+$")
HOW_WORDS = [("sms", ("短信",)), ("wechat", ("微信",)), ("email", ("邮件", "邮箱", "电邮")),
             ("letter", ("信函", "函", "告知书", "邮寄", "寄送")), ("in_person", ("当面", "面告", "现场")),
             ("phone", ("电话", "致电", "来电"))]


def clauses(text: str) -> list[str]:
    return [p for p in re.split(r"[，,；;。、\s]+", text) if p]


def told_in(text: str) -> str | None:
    """How the note says the enterprise was told (NOTIFY_HOW), or None when it says the
    attempt failed. The note is read clause by clause: “电话未接通，已发短信” was an SMS."""
    good = [p for p in clauses(text) if not NOT_DONE.search(p)]
    if not good:
        return None
    for part in reversed(good):  # the last thing done counts
        for key, words in HOW_WORDS:
            if any(w in part for w in words):
                return key
    return "phone"  # the sheet is a call list


def date_in(text: str, default: dt.date) -> dt.date:
    """A date written in the note (2026-11-25, 2026年11月25日, 11月25日, 11.25, 11/25; full-width
    digits too), else ``default``."""
    import unicodedata

    text = unicodedata.normalize("NFKC", text)
    m = re.search(r"(20\d\d)\s*[-年./]\s*(\d{1,2})\s*[-月./]\s*(\d{1,2})", text)
    if m:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    m = re.search(r"(?<!\d)(\d{1,2})\s*[月./]\s*(\d{1,2})(?!\d)", text)
    if m:
        day = dt.date(default.year, int(m.group(1)), int(m.group(2)))
        if day > default and dt.date(default.year - 1, day.month, day.day) > default - dt.timedelta(days=183):
            day = dt.date(default.year - 1, day.month, day.day)  # 12月30日 read in January: last year
        return day
    return default


@dataclass
class ContactsImport:
    session: str
    recorded: list = field(default_factory=list)  # (id, how, date)
    already: list = field(default_factory=list)  # ids whose note was recorded before
    not_done: list = field(default_factory=list)  # (id, text): the clerk wrote that it failed
    blank: list = field(default_factory=list)  # ids with nothing written
    problems: list = field(default_factory=list)  # Problems (sheet and cell)


def read_contacts(path: Path) -> tuple[list, list]:
    """Rows [(id, 通知情况 text, cell of the text, cell of the id)] of a call list, and Problems."""
    from anshang.store.workbook import BookProblem, clean, label_key, open_workbook

    name = Path(path).name
    try:
        wb = open_workbook(path)  # loaded whole: a cell openpyxl cannot read is refused here, not mid-way
    except BookProblem as e:
        raise AnshangError(f"{name}: {e}") from None
    try:
        for ws in wb.worksheets:
            header, cols = None, {}
            for row in ws.iter_rows(min_row=1, max_row=12):
                labels = {label_key(c.value): c.column for c in row if c.value is not None and hasattr(c, "column")}
                if "诉求编号" in labels and "通知情况" in labels:
                    header, cols = row[0].row, {"id": labels["诉求编号"], "done": labels["通知情况"]}
                    break
            if header is None:
                continue
            rows, problems = [], []
            for row in ws.iter_rows(min_row=header + 1):
                cells = {c.column: c for c in row if hasattr(c, "column")}
                idc, donec = cells.get(cols["id"]), cells.get(cols["done"])
                cid = clean(idc.value) if idc is not None else ""
                text = clean(donec.value) if donec is not None else ""
                where = f"{ws.title}!{donec.coordinate}" if donec is not None else f"{ws.title}!{row[0].row}行"
                at_id = f"{ws.title}!{idc.coordinate}" if idc is not None else where
                if not cid or (not text and id_problem(cid)):
                    if text:  # (a line of notes under the table has no 通知情况)
                        problems.append(Problem(name, 0, "contacts", "error", "这一行没有诉求编号，无法对应到诉求", at_id))
                    continue
                rows.append((cid, text[:NOTE_LIMIT], where, at_id))
            return rows, problems
    finally:
        wb.close()
    raise AnshangError(f"{name}: 找不到表头：需要“诉求编号”和“通知情况”两列（用 anshang session contacts 生成的通知名单）")


def import_contacts(ledger, given: str, path: Path, day: dt.date, by: str) -> ContactsImport:
    """Read the 通知情况 column of a call list a clerk filled in and record each enterprise told
    (how and when as written there; the import day when no date is written). Rows that say
    the call failed are listed, not recorded; a note recorded before is not recorded again."""
    rows, problems = read_contacts(path)
    name = Path(path).name
    with ledger.lock():
        world = loader.load(ledger, {"session", "case"})
        sid = find_session(world, given)
        theirs = {world.cases[cid].get("session") for cid, *_ in rows if cid in world.cases}
        if rows and sid not in theirs and len(theirs - {None}) == 1:
            other = next(iter(theirs - {None}))
            raise AnshangError(f"{name} 是场次 {other} 的通知名单，不是场次 {sid} 的；"
                               f"请用 anshang session contacts {other} --import {name}")
        res = ContactsImport(sid, problems=problems)
        for cid, text, where, at_id in rows:
            case = world.cases.get(cid)
            if case is None:
                res.problems.append(Problem(name, 0, "contacts", "error", f"台账中没有诉求 {cid}", at_id))
                continue
            if case.get("session") != sid:
                res.problems.append(Problem(name, 0, "contacts", "error",
                                            f"{cid} 不在场次 {sid}（现为 {case.get('session') or '未安排'}），这一行未记录", where))
                continue
            if not text:
                res.blank.append(cid)
                continue
            how = told_in(text)
            if how is None:
                res.not_done.append((cid, text))
                continue
            try:
                when = date_in(text, day)
            except ValueError:
                res.problems.append(Problem(name, 0, "contacts", "error", f"“{text}”中的日期不存在，这一行未记录", where))
                continue
            if when > day:
                res.problems.append(Problem(name, 0, "contacts", "error",
                                            f"“{text}”写的日期 {when.isoformat()} 在导入日 {day.isoformat()} 之后，这一行未记录", where))
                continue
            since = (case.get("matching") or {}).get("date")
            if any(e.get("kind") == "notify" and e.get("note") == text and (since is None or str(e.get("date")) >= str(since))
                   for e in lifecycle.events(case)):
                res.already.append(cid)  # the same words since it was scheduled: recorded before
                continue
            try:
                check_date(case, when)
            except AnshangError as e:
                res.problems.append(Problem(name, 0, "contacts", "error", f"{e.message}；这一行未记录", where))
                continue
            ev = event(when, "notify", by, how=how, note=text)
            update_case(ledger, cid, lambda c, ev=ev: ((lambda doc: append(doc, ev)), None))
            res.recorded.append((cid, how, when))
    return res


# --- what the office did for a session or the programme ----------------------------------------

DATED = {"notice": "通告发布日期", "attend": "参会通知的日期"}


def session_to_record(ledger, given: str, kind: str, day: dt.date) -> dict:
    """The session a record of ``kind`` on ``day`` is about, refused when it cannot be: a
    notice or attendance notice dated after the reception day, or for a cancelled session."""
    if kind not in SESSION_EVENTS:
        raise AnshangError(f"未知的场次记录类别 {kind!r}")
    world = loader.load(ledger, {"session"})
    s = world.sessions[find_session(world, given)]
    held = parse_date(s["date"])
    if kind in DATED and s.get("status") == "cancelled":
        raise AnshangError(f"场次 {s['id']} 已取消，不再记录{SESSION_EVENTS[kind]}")
    if kind in DATED and day > held:
        raise AnshangError(f"{DATED[kind]} {day.isoformat()} 晚于接待日 {held.isoformat()}；请用 --date 写实际的日期")
    return s


def _locked(ledger, record: bool):
    """The write lock when the document is also recorded (written and recorded together)."""
    import contextlib

    return ledger.lock() if record else contextlib.nullcontext()


def record_session(ledger, given: str, kind: str, day: dt.date, by: str | None, note: str | None = None) -> tuple[str, bool]:
    """Note on a session that the office did ``kind`` (labels.SESSION_EVENTS) on ``day``;
    (session id, whether it was new). Without ``by`` no clerk is named (matching by rule: two
    clones write the same bytes)."""
    with ledger.lock():
        s = session_to_record(ledger, given, kind, day)
        sid = s["id"]
        if any(isinstance(e, dict) and e.get("kind") == kind and str(e.get("date")) == day.isoformat()
               for e in s.get("events") or []):
            return sid, False
        ev = event(day, kind, by or "", note=note)
        if not by:
            del ev["by"]
        ledger.edit(Ledger.session_rel(sid), lambda doc: append(doc, ev, "session"))
        return sid, True


def add_record(ledger, kind: str, day: dt.date, by: str, note: str | None = None) -> tuple[str, bool]:
    """A record of the programme (labels.RECORD_KINDS) in ``records/<年>/<日期>-<类别>.yaml``;
    (file, whether it was new: one record of a kind a day)."""
    if kind not in RECORD_KINDS:
        raise AnshangError(f"未知的记录类别 {kind!r}")
    rel = f"{RECORDS_DIR}/{day.year}/{day.isoformat()}-{kind}.yaml"
    with ledger.lock():
        if ledger.path(rel).exists():
            return rel, False
        body = {"date": day, "kind": kind, "by": by}
        if note:
            body["note"] = note
        ledger.create(rel, body)
        return rel, True


def letter_event(kind: str, case: dict, day: dt.date, by: str) -> dict | None:
    """What writing a letter records with ``--record``: a reply (答复函) is the reply to the
    enterprise; a letter telling it of its arrangement, exclusion or referral is a
    notification by letter; a referral letter to a unit records nothing on its own."""
    if kind == "reply":
        return event(day, "reply", by, note=f"已出具{LETTERS['reply']}")
    if kind in ("scheduled", "deferred", "excluded", "referred"):
        return event(day, "notify", by, how="letter", note=f"已出具{LETTERS[kind]}")
    return None


def record_letters(ledger, written: list[tuple[str, str]], day: dt.date, by: str) -> list[tuple[str, str, bool]]:
    """Record each letter written ((case id, letter kind)); returns (case id, event kind,
    whether it is new): a letter already recorded on the same day is not recorded again."""
    done = []
    with ledger.lock():
        for cid, kind in written:
            def decide(case, cid=cid, kind=kind):
                ev = letter_event(kind, case, day, by)
                if ev is None:
                    return None, None
                same = [e for e in lifecycle.events(case) if e.get("kind") == ev["kind"] and e.get("note") == ev["note"]
                        and str(e.get("date")) == day.isoformat()]
                if same:
                    return None, (ev["kind"], False)
                if ev["kind"] == "reply" and lifecycle.is_closed(case):
                    return None, None
                return (lambda doc: append(doc, ev)), (ev["kind"], True)

            what = update_case(ledger, cid, decide)
            if what:
                done.append((cid, *what))
    return done



def letters(ledger, settings, ids, session, kind, day: dt.date, to, record: bool, by: str):
    """Write the letters and, with ``record``, note each in its case — both under one lock, so
    that no letter goes out that the ledger did not record. Returns (written, recorded)."""
    from anshang.documents.letters import write_letters

    with _locked(ledger, record):
        if record:
            for cid in ids:
                check_date(loader.case(ledger, cid), day, "成文")
        written = write_letters(ledger, settings, ids, session, kind, day, to)
        done = record_letters(ledger, [(cid, k) for _, k, cid in written], day, by) if record else []
    return written, done


def notice(ledger, settings, given: str, fmt: str, to, record: bool, day: dt.date, by: str):
    """The session's notice (docx, or md text) and, with ``record``, the note that it was
    published on ``day``. Returns (what was written: a path, or the Markdown text when no file
    was asked for; the session id recorded, or None)."""
    from anshang.documents.notice import notice_docx, notice_text
    from anshang.store.outputs import write, write_file

    with _locked(ledger, record):
        if record:
            session_to_record(ledger, given, "notice", day)  # refused before anything is written
        if fmt == "md":
            text = notice_text(ledger, settings, given)
            result = text if to is None else write_file(to, text, (".md", ".txt"))
        else:
            data, name = notice_docx(ledger, settings, given)
            result = write_file(to, data, (".docx",)) if to is not None else write(ledger.output_dir, name, data)
        sid = record_session(ledger, given, "notice", day, by)[0] if record else None
    return result, sid


def attendance(ledger, settings, given: str, day: dt.date, to, record: bool, by: str):
    """The attendance notice and, with ``record``, the note that it went out on ``day``."""
    from anshang.documents.letters import write_attendance

    with _locked(ledger, record):
        if record:
            session_to_record(ledger, given, "attend", day)  # refused before anything is written
        path = write_attendance(ledger, settings, given, day, to)
        sid = record_session(ledger, given, "attend", day, by)[0] if record else None
    return path, sid


def public(ledger, settings, day: dt.date, to, formats, record: bool, by: str):
    """The public feedback tables and, with ``record``, the record that they were published."""
    from anshang.documents.public import write_public

    with _locked(ledger, record):
        paths = write_public(ledger, settings, day, to, formats)
        rec = add_record(ledger, "public", day, by) if record else None
    return paths, rec
