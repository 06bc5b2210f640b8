"""Reception days for people: the list of sessions, one session with its enterprises, and the
call list for telling scheduled enterprises (通知名单)."""

from __future__ import annotations

from anshang.core.dates import cn_date, parse_date
from anshang.core.labels import NOTIFY_HOW, SESSION_EVENTS, SESSION_STATUS, label
from anshang.core.matching import find_session, scheduled_in, session_fields
from anshang.documents.names import enterprise_name, leader_name
from anshang.documents.sheets import Col, Table, book_bytes
from anshang.store import loader

CONTACT_COLS = [Col("诉求编号", least=16), Col("企业", most=26), Col("联系人", most=10), Col("联系电话", least=14),
                Col("诉求事项", most=30), Col("领域", most=16), Col("登记日期", "date"), Col("通知情况", least=16)]


def last_notified(case: dict) -> dict | None:
    """The latest ``notify`` event since the demand was matched (None: not told yet)."""
    since = (case.get("matching") or {}).get("date")
    found = [e for e in case.get("events") or [] if isinstance(e, dict) and e.get("kind") == "notify"
             and (since is None or str(e.get("date")) >= str(since))]
    return found[-1] if found else None


def call_list_rows(world, sid: str) -> list[list]:
    """One row per enterprise; 通知情况 holds the latest notification already recorded (read back
    by ``session contacts --import`` as recorded, so it is not recorded twice)."""
    rows = []
    for c in scheduled_in(world, sid):
        contact = c.get("contact") or {}
        told = last_notified(c)
        rows.append([c["id"], enterprise_name(c, world.enterprises), contact.get("name", ""),
                     str(contact.get("phone", "")), c.get("title", ""), "、".join(c.get("fields") or []),
                     parse_date(c["registered"]), (told or {}).get("note", "")])
    return rows


def session_list(ledger, settings, year: int | None = None) -> str:
    world = loader.load(ledger)
    lines = []
    for sid in sorted(world.sessions):
        s = world.sessions[sid]
        if year and not sid.startswith(str(year)):
            continue
        used = len(scheduled_in(world, sid))
        cap = s.get("capacity") or settings.policy.session_capacity
        mark = "（暂定）" if s.get("provisional") else ""
        lines.append(f"{sid}{mark}\t{leader_name(world.leaders.get(s.get('leader')), s.get('leader'))}\t"
                     f"{'、'.join(session_fields(s, world.leaders))}\t通告 {s.get('notice_date', '—')}\t"
                     f"{used}/{cap}\t{label(SESSION_STATUS, s.get('status', 'planned'), '')}")
    return "".join(line + "\n" for line in lines)


def session_show(ledger, settings, given: str) -> str:
    world = loader.load(ledger)
    sid = find_session(world, given)
    s = world.sessions[sid]
    rows = call_list_rows(world, sid)
    cap = s.get("capacity") or settings.policy.session_capacity
    lines = [f"场次 {sid}{'（暂定）' if s.get('provisional') else ''}",
             f"  日期：{cn_date(parse_date(s['date']), weekday=True)}",
             f"  接待领导：{leader_name(world.leaders.get(s.get('leader')), s.get('leader'))}",
             f"  受理领域：{'、'.join(session_fields(s, world.leaders))}",
             f"  地点：{s.get('place') or (settings.contact or {}).get('place') or '—'}",
             f"  通告日期：{s.get('notice_date', '—')}；预约登记：{s.get('registration_from', '—')} 至 {s.get('registration_to', '—')}",
             f"  已安排：{len(rows)}/{cap}"]
    done = [f"{parse_date(e['date']).isoformat()} {label(SESSION_EVENTS, e.get('kind'))}"
            for e in s.get("events") or [] if isinstance(e, dict) and e.get("date")]
    if done:
        lines.append(f"  营商办记录：{'；'.join(done)}")
    for r in rows:
        told = last_notified(world.cases[r[0]])
        state = (f"已通知 {parse_date(told['date']).isoformat()} {label(NOTIFY_HOW, told.get('how'), '')}".rstrip()
                 if told else "未通知")
        lines.append(f"  - {r[0]} {r[1]}（{r[2]} {r[3]}）：{r[4]}〔{state}〕")
    return "\n".join(lines) + "\n"


def write_contacts(ledger, settings, given: str, path=None, today=None):
    """The call list of one session as a printable workbook; returns (path, number of
    enterprises)."""
    import datetime as dt

    from anshang.store import outputs

    world = loader.load(ledger)
    sid = find_session(world, given)
    s = world.sessions[sid]
    rows = call_list_rows(world, sid)
    day = cn_date(parse_date(s["date"]), weekday=True)
    leader = leader_name(world.leaders.get(s.get("leader")), s.get("leader", ""))
    table = Table("通知名单", f"{settings.city}市长服务民营企业接待日通知名单（{day}　{leader}）", settings.office,
                  today or dt.date.today(), CONTACT_COLS, rows,
                  notes=[f"地点：{s.get('place') or '另行通知'}。本表含企业联系人和电话，仅供通知企业使用，不得公开。"])
    data = book_bytes([table])
    from anshang.documents.letters import session_label

    name = outputs.safe_filename(f"通知名单-{session_label(s)}") + ".xlsx"
    target = outputs.write_file(path, data, (".xlsx",)) if path is not None else outputs.write(ledger.output_dir, name, data)
    return target, len(rows)
