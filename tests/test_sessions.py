"""Reception days: the year's plan, the public notice, two-way matching, lists and checks."""

from __future__ import annotations

import datetime as dt
import json
import shutil

import chinese_calendar
import openpyxl
import pytest
from conftest import REPO, aged, docx_text, same_stop, write_ledger

from anshang.store import yamlfile as yamlio

GOLDEN = REPO / "tests" / "golden"


def _back(day: dt.date, n: int) -> dt.date:
    """Reference: n working days before ``day`` by the package, counted one by one."""
    while n:
        day -= dt.timedelta(days=1)
        if chinese_calendar.is_workday(day):
            n -= 1
    return day


@pytest.fixture
def blank_2026(sample):
    """The sample city with no sessions, cases, tasks or topics: ready for a 2026 plan."""
    shutil.rmtree(sample / "sessions")
    shutil.rmtree(sample / "cases")
    shutil.rmtree(sample / "topics")
    shutil.rmtree(sample / "tasks")
    (sample / "sessions").mkdir()
    return sample


def test_plan_2026_on_the_sample(cli, blank_2026):
    dry = cli("--data", blank_2026, "session", "plan", "2026", "--dry-run", "--json")
    assert dry.code == 0 and not list((blank_2026 / "sessions").rglob("*.yaml"))
    plan = json.loads(dry.out)
    assert len(plan) == 4
    assert [p["leader"] for p in plan] == ["mayor", "vm-zhao", "vm-qian", "vm-sun"]  # in turn
    for p in plan:
        day = dt.date.fromisoformat(p["date"])
        assert chinese_calendar.is_workday(day)
        assert p["notice_date"] == _back(day, 15).isoformat() == p["registration_from"]
        assert p["registration_to"] == _back(day, 3).isoformat()
        assert p["provisional"] is False
    r = cli("--data", blank_2026, "session", "plan", "2026")
    assert r.code == 0
    assert sorted(p.stem for p in (blank_2026 / "sessions/2026").glob("*.yaml")) == [p["date"] for p in plan]
    assert cli("--data", blank_2026, "check", "--date", "2026-11-21").code == 0
    assert cli("--data", blank_2026, "fmt", "--check").code == 0
    again = cli("--data", blank_2026, "session", "plan", "2026")
    assert again.code == 2 and "已有场次" in again.err


def test_plan_for_uncovered_year_needs_provisional(cli, blank_2026):
    r = cli("--data", blank_2026, "session", "plan", "2027", "--dry-run")
    assert r.code == 2 and "calendar/2027.yaml" in r.err
    r = cli("--data", blank_2026, "session", "plan", "2027", "--dry-run", "--json", "--provisional")
    assert all(p["provisional"] for p in json.loads(r.out))


def test_notice_golden(cli, sample):
    r = cli("--data", sample, "session", "notice", "2026-12-10", "--format", "md")
    assert r.code == 0
    assert r.out == (GOLDEN / "notice-2026-12-10.md").read_text(encoding="utf-8")
    assert cli("--data", sample, "session", "notice", "2026年12月10日", "--format", "md").out == r.out


def test_notice_as_word_document(cli, sample, tmp_path):
    r = cli("--data", sample, "session", "notice", "2026-12-10")
    target = sample / "output" / "通告-北岚市市长服务民营企业接待日-2026年12月10日.docx"
    assert r.code == 0 and r.out == f"已写入：{target}\n"
    md = (GOLDEN / "notice-2026-12-10.md").read_text(encoding="utf-8").splitlines()
    text = docx_text(target).splitlines()
    # the same words as the Markdown golden, in official layout: 附件1, the title, body, office and date
    assert text[0] == "附件1" and text[1] == md[0].lstrip("# ")
    body = [line for line in md[1:] if line.strip()]
    assert [line for line in text[2:] if line.strip()] == body
    r = cli("--data", sample, "session", "notice", "2026-12-10", "--out", tmp_path / "通告.docx")
    assert (tmp_path / "通告.docx").read_bytes() == target.read_bytes()  # same data, same bytes
    r = cli("--data", sample, "session", "notice", "2026-12-10", "--format", "html")
    assert r.code == 2 and "--format 只能是 docx" in r.err


def test_notice_reports_unknown_and_empty_placeholders(cli, sample):
    (sample / "templates").mkdir()
    (sample / "templates/notice.md").write_text("{{city}}通告\n{{mayor_phone}}\n{{fax}}\n", encoding="utf-8")
    s = sample / "anshang.yaml"
    s.write_text(s.read_text(encoding="utf-8").replace("fax: 0479-8991510", "fax: ''"), encoding="utf-8")
    r = cli("--data", sample, "session", "notice", "2026-12-10", "--format", "md")
    assert r.code == 2 and r.out == ""
    assert "templates/notice.md:2: [template] 占位符 {{mayor_phone}} 不存在" in r.err
    assert "templates/notice.md:3: [template] 占位符 {{fax}} 没有内容" in r.err
    # the Word template: the same two problems, said with the paragraph they are in
    import docx

    doc = docx.Document(str(REPO / "templates" / "notice.docx"))
    doc.paragraphs[4].runs[0].text = "电话及传真：{{ mayor_phone }}，传真 {{ fax }}"
    doc.save(str(sample / "templates" / "notice.docx"))
    r = cli("--data", sample, "session", "notice", "2026-12-10")
    assert r.code == 2 and r.out == "" and not (sample / "output").exists()
    assert "templates/notice.docx:第5段: [template] 占位符 {{ mayor_phone }} 不存在" in r.err
    assert "templates/notice.docx:第5段: [template] 占位符 {{ fax }} 没有内容" in r.err


# --- matching ------------------------------------------------------------------------------

SETTINGS_FIELDS = ("fields:\n  - 工业和信息化\n  - 能源\n", "fields:\n  - 工业和信息化\n  - 能源\n  - 税务\n")


def _session(day, leader, fields=None, capacity=None, reg_to=None):
    text = f"id: '{day}'\ndate: {day}\nleader: {leader}\n"
    if fields:
        text += "fields:\n" + "".join(f"  - {f}\n" for f in fields)
    if capacity:
        text += f"capacity: {capacity}\n"
    if reg_to:
        text += f"registration_to: {reg_to}\n"
    return text


def _case(cid, fields, uscc="91350100M000100Y43", registered=None):
    reg = registered or f"2026-{cid[2:4]}-{cid[4:6]}"
    return (f"id: {cid}\nregistered: {reg}\nchannel: reception_day\nenterprise: {uscc}\n"
            "fields:\n" + "".join(f"  - {f}\n" for f in fields) +
            "title: 事项\nscreening:\n  decision: accepted\n  date: " + reg + "\n  clauses:\n    - §三(一)4\n  type: 4\n")


OTHER = "91110108MA01ABCDEN"


@pytest.fixture
def world(mini):
    """Two planned sessions: 04-16 (工业和信息化, capacity 2) and 05-21 (能源, capacity 8)."""
    (mini / "cases/2026/260305-k7m2x.yaml").unlink()
    (mini / "sessions/2026/2026-03-19.yaml").unlink()
    s = mini / "anshang.yaml"
    s.write_text(s.read_text(encoding="utf-8").replace(*SETTINGS_FIELDS), encoding="utf-8")
    write_ledger(mini, {
        "leaders.yaml": "leaders:\n  - id: mayor\n    name: 甲\n    role: mayor\n    fields:\n      - 工业和信息化\n"
                        "  - id: vm\n    name: 乙\n    role: vice_mayor\n    fields:\n      - 能源\n",
        "sessions/2026/2026-04-16.yaml": _session("2026-04-16", "mayor", capacity=2, reg_to="2026-04-13"),
        "sessions/2026/2026-05-21.yaml": _session("2026-05-21", "vm"),
        f"enterprises/{OTHER}.yaml": f"uscc: {OTHER}\nname: 乙公司\ndistrict: 东区\ncategories:\n  - high_tech\n"
                                     "dispatch_years:\n  - 2026\n",
    })
    return mini


def _match(cli, root, *args):
    r = cli("--data", root, "match", "--json", "--date", "2026-04-01", *args)
    assert r.code == 0, r
    return {m["id"]: m for m in json.loads(r.out)}


def test_exact_field_match_and_deferral_and_waiting(cli, world):
    write_ledger(world, {
        "cases/2026/260401-aaaaa.yaml": _case("260401-aaaaa", ["工业和信息化"]),
        "cases/2026/260402-bbbbb.yaml": _case("260402-bbbbb", ["能源"], OTHER),
        "cases/2026/260403-ccccc.yaml": _case("260403-ccccc", ["税务"], OTHER),
    })
    m = _match(cli, world)
    assert m["260401-aaaaa"] == {"id": "260401-aaaaa", "session": "2026-04-16", "status": "scheduled",
                                 "reason": "诉求领域与 2026-04-16 场次受理领域相符，当期安排"}
    assert (m["260402-bbbbb"]["status"], m["260402-bbbbb"]["session"]) == ("deferred", "2026-05-21")
    assert m["260403-ccccc"] == {"id": "260403-ccccc", "session": None, "status": "waiting",
                                 "reason": "之后没有受理领域 税务 的场次"}
    case = yamlio.loads((world / "cases/2026/260402-bbbbb.yaml").read_text(encoding="utf-8"))
    assert case["session"] == "2026-05-21" and case["matching"]["status"] == "deferred"
    assert cli("--data", world, "check").code == 0


def test_multi_field_demand_goes_to_first_session_meeting_any_field(cli, world):
    write_ledger(world, {"cases/2026/260401-aaaaa.yaml": _case("260401-aaaaa", ["能源", "工业和信息化"])})
    assert _match(cli, world)["260401-aaaaa"]["session"] == "2026-04-16"


def test_capacity_overflow_keeps_an_enterprise_together(cli, world):
    write_ledger(world, {
        "cases/2026/260401-aaaaa.yaml": _case("260401-aaaaa", ["工业和信息化"], OTHER),
        "cases/2026/260402-bbbbb.yaml": _case("260402-bbbbb", ["工业和信息化"]),
        "cases/2026/260403-ccccc.yaml": _case("260403-ccccc", ["工业和信息化"]),
        "cases/2026/260404-ddddd.yaml": _case("260404-ddddd", ["工业和信息化", "能源"], OTHER),
    })
    m = _match(cli, world)
    # 乙公司 registered first with two demands: both fit the capacity of 2 together
    assert {k: v["session"] for k, v in m.items()} == {
        "260401-aaaaa": "2026-04-16", "260404-ddddd": "2026-04-16",
        "260402-bbbbb": None, "260403-ccccc": None}
    assert m["260402-bbbbb"]["reason"] == "受理领域 工业和信息化 的场次中，2026-04-16 名额不足"
    r = cli("--data", world, "match", "--explain", "260402", "--date", "2026-04-01")
    assert "2026-04-16：名额不足，已安排 2/2 件，容纳不下该企业的 2 件诉求" in r.out


def test_registration_after_close_goes_later(cli, world):
    write_ledger(world, {"cases/2026/260414-aaaaa.yaml": _case("260414-aaaaa", ["工业和信息化", "能源"])})
    m = _match(cli, world)
    assert (m["260414-aaaaa"]["status"], m["260414-aaaaa"]["session"]) == ("deferred", "2026-05-21")


def test_rerun_is_stable_and_release_frees(cli, world):
    write_ledger(world, {"cases/2026/260401-aaaaa.yaml": _case("260401-aaaaa", ["工业和信息化"])})
    first = _match(cli, world)
    p = world / "cases/2026/260401-aaaaa.yaml"
    before = p.read_text(encoding="utf-8")
    # a new session for the same field does not move an already scheduled demand
    write_ledger(world, {"sessions/2026/2026-04-09.yaml": _session("2026-04-09", "mayor")})
    second = _match(cli, world, "--session", "2026-04-16")
    assert second == first and p.read_text(encoding="utf-8") == before
    r = cli("--data", world, "match", "--release", "260401")
    assert r.out == "已将 260401-aaaaa 移出场次 2026-04-16；下次 match 时重新安排\n"
    third = _match(cli, world)
    assert third["260401-aaaaa"]["session"] == "2026-04-09"


def test_dry_run_writes_nothing(cli, world):
    write_ledger(world, {"cases/2026/260401-aaaaa.yaml": _case("260401-aaaaa", ["工业和信息化"])})
    p = world / "cases/2026/260401-aaaaa.yaml"
    before = p.read_text(encoding="utf-8")
    r = cli("--data", world, "match", "--dry-run", "--date", "2026-04-01")
    assert r.out.startswith("260401-aaaaa 当期安排 2026-04-16") and p.read_text(encoding="utf-8") == before


def test_matching_from_its_read_index_decides_as_a_full_read(cli, world, monkeypatch):
    import os

    from anshang.core import matching
    from anshang.core.labels import CHANNELS
    from anshang.steps import sessions
    from anshang.store import loader
    from anshang.store.folder import Ledger

    write_ledger(world, {
        "cases/2026/260301-aaaaa.yaml": _case("260301-aaaaa", ["工业和信息化"], OTHER),
        "cases/2026/260302-bbbbb.yaml": _case("260302-bbbbb", ["工业和信息化", "能源"]),
        "cases/2026/260303-ccccc.yaml": _case("260303-ccccc", ["工业和信息化"]).replace(
            "registered: 2026-03-03", "registered: 2026-04-14\nform_date: 2026-04-10"),
        "cases/2026/260304-ddddd.yaml": _case("260304-ddddd", ["工业和信息化"]),
        "cases/2026/260305-eeeee.yaml": _case("260305-eeeee", ["税务"], OTHER),
        "cases/2026/260306-fffff.yaml": _case("260306-fffff", ["能源"]).replace("reception_day", "hotline"),
        "cases/2026/260307-ggggg.yaml": _case("260307-ggggg", ["能源"]) + "events:\n  - {date: 2026-03-09, kind: withdraw, by: 张三}\n",
        "cases/2026/260308-hhhhh.yaml": _case("260308-hhhhh", ["能源"]).replace("accepted", "excluded"),
        "cases/2026/260309-iiiii.yaml": _case("260309-iiiii", ["能源"]) + "session: '2026-05-21'\nmatching:\n"
                                        "  status: deferred\n  date: 2026-03-10\n  reason: 此前择期\n",
    })
    old = aged(world)
    ledger = Ledger(world)
    worked = []
    real = matching.match_facts
    monkeypatch.setattr(matching, "match_facts", lambda data: worked.append(data["id"]) or real(data))
    compared = set()
    for channels in ({"reception_day"}, set(CHANNELS)):
        for day in (dt.date(2026, 3, 1), dt.date(2026, 4, 1), dt.date(2026, 4, 20), dt.date(2026, 6, 1)):
            for target in (None, "2026-05-21"):
                args = (loader.load(ledger).sessions, loader.load(ledger).leaders, 2, day, target, channels)
                got = matching.match(sessions.matching_world(ledger).cases, *args)
                want = matching.match(loader.load(ledger).cases, *args)
                assert got == want, (channels, day, target)  # decisions, reasons and traces
                compared |= {(m.status, m.kept) for m in got}
    assert compared == {("scheduled", False), ("deferred", False), ("waiting", False), ("deferred", True), ("scheduled", True)}
    assert len(worked) == len(ledger.case_files())  # each file worked out once, then taken from the index
    case = world / "cases/2026/260304-ddddd.yaml"
    case.write_text(case.read_text(encoding="utf-8").replace("工业和信息化", "能源"), encoding="utf-8")
    os.utime(case, ns=(old, old))
    r = cli("--data", world, "match", "--json", "--dry-run", "--date", "2026-04-01")
    assert {m["id"]: m["session"] for m in json.loads(r.out)}["260304-ddddd"] == "2026-05-21"
    assert worked[len(ledger.case_files()):] == ["260304-ddddd"]  # a changed file is worked out again
    case.write_text("id: [\n", encoding="utf-8")  # a file with a problem: the stop a full read gives
    same_stop(lambda: sessions.match(ledger, loader.settings(ledger), dt.date(2026, 4, 1), None, write=False),
              lambda: loader.load(ledger))


def test_session_show_list_and_contacts(cli, world, tmp_path):
    write_ledger(world, {"cases/2026/260401-aaaaa.yaml": _case("260401-aaaaa", ["工业和信息化"]).replace(
        "title: 事项", "contact:\n  name: '=李'\n  phone: '13800001111'\ntitle: 事项")})
    _match(cli, world)
    r = cli("--data", world, "session", "show", "2026-04-16")
    assert "  已安排：1/2" in r.out and "  - 260401-aaaaa 测试新材料有限公司（=李 13800001111）：事项" in r.out
    r = cli("--data", world, "session", "list")
    assert r.out.splitlines()[0] == "2026-04-16\t甲\t工业和信息化\t通告 —\t1/2\t计划"
    out = tmp_path / "名单.xlsx"
    assert cli("--data", world, "session", "contacts", "2026-04-16", "--out", out).code == 0
    ws = openpyxl.load_workbook(out).active
    assert ws["A1"].value == "测试市市长服务民营企业接待日通知名单（2026年4月16日（星期四）　甲）"
    assert [c.value for c in ws[3]] == ["诉求编号", "企业", "联系人", "联系电话", "诉求事项", "领域", "登记日期", "通知情况"]
    assert [c.value for c in ws[4]][:4] == ["260401-aaaaa", "测试新材料有限公司", "=李", "13800001111"]
    assert ws["C4"].data_type == "s" and ws["G4"].is_date


# --- check ---------------------------------------------------------------------------------

def test_check_rotation_rules(cli, mini):
    write_ledger(mini, {
        "sessions/2025/2025-03-20.yaml": _session("2025-03-20", "mayor"),
        "sessions/2026/2026-03-19-2.yaml": "id: 2026-03-19-2\ndate: 2026-03-19\nleader: mayor\n",
        "sessions/2026/2026-04-18.yaml": "id: '2026-04-18'\ndate: 2026-04-18\nleader: mayor\nnotice_date: 2026-04-01\n",
    })
    r = cli("--data", mini, "check", "--date", "2026-06-01")
    assert r.code == 0
    assert r.out.splitlines() == [
        "sessions/2025/2025-03-20.yaml:1: [sessions] 警告：2025 年只有 1 场接待日，少于规定的每年 4 场（§二(一)）",
        "sessions/2026/2026-03-19.yaml:3: [sessions] 警告：接待领导 mayor 在 2026-03-19 已有场次 sessions/2026/2026-03-19-2.yaml",
        "sessions/2026/2026-04-18.yaml:2: [calendar] 警告：接待日 2026-04-18 是休息日",
        "sessions/2026/2026-04-18.yaml:4: [sessions] 警告：通告发布日期 2026-04-01 晚于规定：须在接待日前 15 个工作日（不晚于 2026-03-27）发布",
    ]
