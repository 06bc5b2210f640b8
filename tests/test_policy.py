"""The settings rule every time limit: a whole closed loop run with non-default policy values,
checking each document and message states those values (and never the defaults); co-units owe
their part; a broken file stops every command the same way; checks that guard a write happen
inside the write lock."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import chinese_calendar
import openpyxl
import pytest
from conftest import REPO, SETTINGS, docx_text, write_ledger

from anshang.store import yamlfile as yamlio
from anshang.store.folder import Ledger

D = dt.date

POLICY = {"progress_workdays: 7": "progress_workdays: 5", "result_days: 30": "result_days: 20",
          "longterm_days: 10": "longterm_days: 5", "longterm_counting: calendar": "longterm_counting: workdays",
          "warning_workdays: 2": "warning_workdays: 1", "supervise_after_workdays: 5": "supervise_after_workdays: 2",
          "notice_workdays: 15": "notice_workdays: 10"}
EXTRA = ("  chase_reply_workdays: 3\n  registration_close_workdays: 4\n  co_unit_reports: each\n"
         "  objection_workdays: 4\n")
UNITS = """\
units:
  - id: gxj
    name: 市工业和信息化局
    kind: department
    fields:
      - 工业和信息化
  - id: fgw
    name: 市发展和改革委员会
    kind: department
    fields:
      - 能源
  - id: dq
    name: 东区人民政府
    kind: district
    district: 东区
    fields:
      - '*'
"""
DEFAULT_WORDS = ("7 个工作日", "7个工作日", "30 日", "30日", "每 10 日", "每10日", "2 个工作日内报送")


def workdays_after(start, n):
    day = start
    while n:
        day += dt.timedelta(days=1)
        n -= chinese_calendar.is_workday(day)
    return day


def _case(root, cid):
    return yamlio.strip_lines(yamlio.loads((root / f"cases/20{cid[:2]}/{cid}.yaml").read_text(encoding="utf-8")))


def _no_defaults(text: str) -> None:
    for word in DEFAULT_WORDS:
        assert word not in text, word


@pytest.fixture
def strict(tmp_path):
    """A ledger whose policy differs from the defaults in every time limit, with a session on
    the eve of the 2026 National Day and two departments."""
    settings = SETTINGS
    for old, new in POLICY.items():
        assert old in settings
        settings = settings.replace(old, new)
    return write_ledger(tmp_path / "strict", {
        "anshang.yaml": settings + EXTRA, "units.yaml": UNITS,
        "enterprises/91350100M000100Y43.yaml": "uscc: 91350100M000100Y43\nname: 测试新材料有限公司\n"
                                               "district: 东区\ncategories:\n  - above_scale\ndispatch_years:\n  - 2026\n",
        "sessions/2026/2026-09-30.yaml": "id: '2026-09-30'\ndate: 2026-09-30\nleader: mayor\nnotice_date: 2026-09-09\n",
    })


def _handed_over(cli, root):
    r = cli("--data", root, "register", "--enterprise", "91350100M000100Y43", "--contact", "李联系",
            "--phone", "13800001111", "--field", "工业和信息化", "--title", "厂房用电增容",
            "--facts", "企业申请增容半年未获答复，新产线无法投产。", "--reasons", "按供电服务承诺应在30日内答复。",
            "--request", "请协调供电部门4月底前完成增容。", "--unit", "gxj", "--unit", "fgw", "--date", "2026-09-14")
    assert r.code == 0, r
    cid = re.search(r"\d{6}-[0-9a-z]{5}", r.out).group(0)
    assert cli("--data", root, "screen", cid, "--date", "2026-09-15").code == 0
    assert cli("--data", root, "match", "--date", "2026-09-15").code == 0
    r = cli("--data", root, "receive", cid, "--outcome", "handover", "--lead", "gxj", "--co", "fgw")
    assert r.code == 0, r
    return cid, r.out


def test_lifecycle_states_the_ledgers_own_limits(cli, strict, tmp_path):
    root = strict
    progress_due, result_due = workdays_after(D(2026, 9, 30), 5), D(2026, 10, 20)
    assert (progress_due, chinese_calendar.is_workday(result_due)) == (D(2026, 10, 13), True)

    # help states the settings' limits
    for command in ("receive", "report", "longterm"):
        text = cli("--data", root, command, "--help").out
        assert "5" in text and "20" in text and "每 5 个工作日" in re.sub(r"\s+", " ", text), command
        _no_defaults(re.sub(r"\s+", " ", text))

    cid, out = _handed_over(cli, root)
    assert out.splitlines()[1:] == ["  落实情况：2026年10月13日（星期二）前（5个工作日）",
                                    "  办理结果：2026年10月20日（星期二）前（20日（末日为休息日顺延））",
                                    "  场次 2026-09-30 已标为“已举行”"]
    dls = _case(root, cid)["deadlines"]
    assert dls["progress"] == {"due": progress_due.isoformat(), "basis": "2026-09-30", "rule": "workdays", "n": 5,
                               "provisional": False}
    assert (dls["result"]["due"], dls["result"]["rule"], dls["result"]["n"]) == (result_due.isoformat(), "days", 20)

    # the handover slip
    slip = tmp_path / "交办单.xlsx"
    assert cli("--data", root, "slip", cid, "--out", slip).code == 0
    cells = [str(c.value) for row in openpyxl.load_workbook(slip).active.iter_rows() for c in row if c.value]
    limits = [v for v in cells if "报送落实情况" in v]
    assert limits == ["请于2026年10月13日前（5个工作日内）报送落实情况，2026年10月20日前（20日内）报送办理结果。"
                      "需长期整改的，每 5 个工作日报送一次进展，直至问题解决。"]
    assert any("对交办事项有异议的，请在收到本单后 4 个工作日内书面提出。" in v for v in cells)
    assert not any("2 个工作日" in v for v in cells)

    # both units owe their part; with co_unit_reports: each the lead's report does not cover the co-unit
    assert cli("--data", root, "report", cid, "progress", "--date", "2026-10-16", "--unit", "gxj").code == 0
    due = json.loads(cli("--data", root, "due", "--date", "2026-10-16", "--json").out)
    assert [(d["unit"], d["part"], d["kind"], d["overdue_workdays"]) for d in due] == [("fgw", "co", "progress", 3)]
    text = cli("--data", root, "due", "--date", "2026-10-16", "--unit", "fgw").out
    assert f"  {cid} 落实情况（配合） 截止 2026-10-13 超期 3 个工作日 — 厂房用电增容" in text

    # chase notices and the supervision list
    out = tmp_path / "催办"
    assert cli("--data", root, "chase", "--date", "2026-10-21", "--out", out).code == 0
    notice = docx_text(out / "催办通知-市发展和改革委员会-2026-10-21.docx")
    assert "交办后5个工作日内报送落实情况、20日内报送办理结果（末日为休息日顺延）；需长期整改的每5个工作日报送一次进展" in notice
    assert "请于收到本通知后3个工作日内报送" in notice
    _no_defaults(notice)
    # each part is in the one notice of its level: the progress report, 6 days late, is past the
    # threshold of 2 (督办通知); the result, 1 day late, is chased (催办通知)
    assert f"| {cid} | 测试新材料有限公司 | 厂房用电增容 | 办理结果 | 配合 | 2026年10月20日 | 1 |" in notice
    to_unit = docx_text(out / "督办通知-市发展和改革委员会-2026-10-21.docx")
    assert f"| {cid} | 测试新材料有限公司 | 厂房用电增容 | 落实情况 | 配合 | 2026年10月13日 | 6 |" in to_unit
    sup = docx_text(out / "督办清单-2026-10-21.docx")
    assert "超过报送时限2个工作日以上" in sup and "| 市发展和改革委员会 |" in sup
    assert "| 市工业和信息化局 |" not in sup  # the lead's result is 1 working day late: below 2
    md = tmp_path / "md"
    assert cli("--data", root, "chase", "--date", "2026-10-21", "--out", md, "--format", "md", "--no-record").code == 0
    assert "超过报送时限逾 2 个工作日" in (md / "督办清单-2026-10-21.md").read_text(encoding="utf-8")
    kinds = [(e["kind"], e.get("unit")) for e in _case(root, cid)["events"]]
    assert ("chase", "fgw") in kinds and ("supervise", "fgw") in kinds and ("chase", "gxj") in kinds

    # the weekly workbook
    assert cli("--data", root, "weekly", "--date", "2026-10-21", "--out", tmp_path / "w").code == 0
    wb = openpyxl.load_workbook(next((tmp_path / "w").glob("*.xlsx")))
    notes = {r[0].value: r[1].value for r in wb["说明"].iter_rows(min_row=4)}
    assert notes["期限"].startswith("交办后 5 个工作日内报送落实情况、20 日内报送办理结果")
    assert notes["颜色：黄（预警）"] == "1 个工作日内有报送事项到期"
    assert notes["督办"] == "超期超过 2 个工作日的列入督办清单"
    _no_defaults("\n".join(str(v) for v in notes.values()))
    due_rows = [[c.value for c in r] for r in wb["到期与超期"].iter_rows(min_row=4)]
    assert ["市发展和改革委员会", "配合", cid] == due_rows[0][:3]
    units = {r[0].value: [c.value for c in r] for r in wb["承办单位统计"].iter_rows(min_row=4)}
    assert units["市发展和改革委员会"][1:4] == [1, 0, 1] and units["市工业和信息化局"][1:4] == [1, 1, 0]

    # statistics count each unit's own part
    stats = json.loads(cli("--data", root, "stats", "--date", "2026-10-21", "--json").out)["by_unit"]
    assert (stats["fgw"]["as_co"], stats["fgw"]["overdue"], stats["fgw"]["progress_on_time"]) == (1, 1, 0)
    assert (stats["gxj"]["as_lead"], stats["gxj"]["reports_due"], stats["gxj"]["reports_on_time"]) == (1, 2, 0)

    # long-term rectification: every 5 working days
    r = cli("--data", root, "longterm", cid, "--date", "2026-10-22")
    nxt = workdays_after(D(2026, 10, 22), 5)
    assert r.out == f"已转为长期整改：{cid}\n  第一次定期报送：2026年10月29日（星期四）前（每5个工作日）\n"
    assert _case(root, cid)["deadlines"]["periodic"]["due"] == nxt.isoformat() == "2026-10-29"


def test_notice_placeholder_states_the_limits(cli, strict):
    write_ledger(strict, {"templates/notice.md": "{{date}}，{{leader}}接待。交办事项：{{handover_limits}}。\n"})
    r = cli("--data", strict, "session", "notice", "2026-09-30", "--format", "md")
    assert r.out == ("2026年9月30日（星期三），甲市长接待。交办事项：交办后 5 个工作日内报送落实情况、20 日内报送办理结果"
                     "（末日为休息日顺延）；需长期整改的每 5 个工作日报送一次进展，直至问题解决。\n")


def test_plan_counts_back_by_the_settings(cli, strict):
    r = cli("--data", strict, "session", "plan", "2026", "--dry-run", "--json")
    plan = json.loads(r.out)
    for p in plan:
        day = D.fromisoformat(p["date"])
        notice, close = D.fromisoformat(p["notice_date"]), D.fromisoformat(p["registration_to"])
        assert workdays_after(notice, 10) == day and workdays_after(close, 4) == day
        assert chinese_calendar.is_workday(notice) and chinese_calendar.is_workday(close)


def test_lead_report_covers_co_units_by_default(cli, strict):
    p = strict / "anshang.yaml"
    p.write_text(p.read_text(encoding="utf-8").replace("co_unit_reports: each", "co_unit_reports: lead"),
                 encoding="utf-8")
    cid, _ = _handed_over(cli, strict)
    due = json.loads(cli("--data", strict, "due", "--date", "2026-10-14", "--json").out)
    assert [(d["unit"], d["part"], d["kind"]) for d in due] == [("fgw", "co", "progress"), ("gxj", "lead", "progress")]
    assert cli("--data", strict, "report", cid, "progress", "--date", "2026-10-14").code == 0
    assert json.loads(cli("--data", strict, "due", "--date", "2026-10-14", "--json").out) == []
    r = cli("--data", strict, "report", cid, "progress", "--unit", "dq", "--date", "2026-10-14")
    assert r.code == 2 and "东区人民政府 不是" in r.err and "（牵头：市工业和信息化局；配合：市发展和改革委员会）" in r.err


# --- one way to read: a broken file stops every command the same way -----------------------------

@pytest.fixture
def broken(sample, cli):
    """The sample with one case file broken by a typo, and the line ``check`` reports for it."""
    cid = "261102-ecng5"
    p = sample / f"cases/2026/{cid}.yaml"
    lines = p.read_text(encoding="utf-8").splitlines()
    lines[2] = "channel: [reception_day"  # an unclosed bracket
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    r = cli("--data", sample, "check")
    found = [x for x in r.out.splitlines() if x.startswith(f"cases/2026/{cid}.yaml:")]
    assert r.code == 1 and len(found) == 1 and "[yaml] YAML 语法错误：方括号 [ ] 未闭合" in found[0]
    return sample, cid, found[0]


@pytest.mark.parametrize("args", [
    ["show", "{cid}"], ["note", "{cid}", "x"], ["receive", "{cid}", "--outcome", "solved"],
    ["report", "{cid}", "progress"], ["reply", "{cid}"], ["close", "{cid}"], ["slip", "{cid}"],
    ["extend", "{cid}", "--to", "2027-01-05", "--reason", "r"], ["revisit", "{cid}", "--satisfaction", "满意"],
    ["weekly", "--date", "2026-11-21"], ["due"], ["stats"], ["publish"], ["chase", "--no-record"],
    ["match", "--dry-run"], ["screen"], ["session", "list"], ["roster", "list"],
])
def test_yaml_error_is_the_same_message_everywhere(cli, broken, args):
    sample, cid, line = broken
    if args[0] == "roster":  # reads only the roster: a broken enterprise file instead
        p = sorted((sample / "enterprises").glob("*.yaml"))[0]
        p.write_text("uscc: [\n", encoding="utf-8")
        line = next(x for x in cli("--data", sample, "check").out.splitlines() if x.startswith("enterprises/"))
    r = cli("--data", sample, *[a.format(cid=cid) for a in args])
    assert (r.code, r.out) == (2, ""), r
    assert r.err.splitlines() == ["错误：台账中有无法读取或格式有误的文件，请先修正（anshang check 可列出全部问题）：", line], r


@pytest.mark.parametrize("change,where", [
    (lambda t: t.replace("    n: 7\n", "", 1), "[schema] 缺少必填项 deadlines.progress.n"),  # no n
    (lambda t: t.replace("registered: 2026-11-02", "registered: 2026-02-30"), "[schema] registered（登记日期） 日期不存在"),
    (lambda t: "", "[schema] 缺少必填项 id"),  # an empty file
    (lambda t: "- a\n- b\n", "[schema] 文件内容应为键值映射"),
])
@pytest.mark.parametrize("command", [["due"], ["weekly"], ["show", "261102-ecng5"], ["note", "261102-ecng5", "x"]])
def test_invalid_file_stops_every_command_like_check_reports_it(cli, sample, change, where, command):
    p = sample / "cases/2026/261102-ecng5.yaml"
    p.write_text(change(p.read_text(encoding="utf-8")), encoding="utf-8")
    found = [x for x in cli("--data", sample, "check").out.splitlines()
             if x.startswith("cases/2026/261102-ecng5.yaml:") and where in x]
    assert len(found) == 1, where
    r = cli("--data", sample, *command)
    assert r.code == 2 and found[0] in r.err.splitlines() and "内部错误" not in r.err, r


@pytest.mark.parametrize("command", [["show", "261102-ecng5"], ["slip", "261102-ecng5"], ["weekly"]])
def test_broken_leaders_file_stops_show_and_slip_too(cli, sample, command):
    (sample / "leaders.yaml").write_text("leaders:\n  - id: mayor\n    name: [\n", encoding="utf-8")
    r = cli("--data", sample, *command)
    assert r.code == 2 and "leaders.yaml:" in r.err and "[yaml]" in r.err


# --- the check that guards a write runs inside the lock -------------------------------------------

@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="needs /proc to see the waiting writer")
def test_receive_decides_on_what_it_reads_under_the_lock(cli, strict):
    cid, _ = _handed_over(cli, strict)
    rel = f"cases/2026/{cid}.yaml"
    target = strict / rel
    target.write_text(re.sub(r"(?ms)^outcome:.*", "", target.read_text(encoding="utf-8")), encoding="utf-8")
    assert "outcome" not in _case(strict, cid)
    ledger = Ledger(strict)
    env = {**os.environ, "ANSHANG_LOCK_TIMEOUT": "30", "PYTHONPATH": str(REPO)}
    with ledger.lock():
        proc = subprocess.Popen([sys.executable, "-m", "anshang", "--data", str(strict), "receive", cid,
                                 "--outcome", "solved"], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                text=True)
        lock = str((strict / ".anshang/lock").resolve())
        for _ in range(600):  # wait until the second writer holds the lock file open (it is waiting)
            try:
                if any(os.path.realpath(f"/proc/{proc.pid}/fd/{fd}") == lock for fd in os.listdir(f"/proc/{proc.pid}/fd")):
                    break
            except OSError:
                pass
            time.sleep(0.05)
        else:
            proc.kill()
            pytest.fail("the second writer never reached the lock")
        # meanwhile another clerk's receive completes
        target.write_text(target.read_text(encoding="utf-8") + "outcome:\n  kind: explained\n  date: 2026-09-30\n",
                          encoding="utf-8")
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 2 and "已有接待结果（解释说明），不能重复记录" in err
    assert _case(strict, cid)["outcome"]["kind"] == "explained"


def test_co_units_are_not_forgotten_when_extending_reassigning_and_closing(cli, strict):
    cid, _ = _handed_over(cli, strict)  # co_unit_reports: each
    for kind in ("progress", "result"):
        assert cli("--data", strict, "report", cid, kind, "--date", "2026-10-12", "--unit", "gxj").code == 0
    # only fgw still owes its parts: the result can still be extended, and the case not closed
    r = cli("--data", strict, "extend", cid, "--kind", "result", "--to", "2026-10-30", "--reason", "会商",
            "--date", "2026-10-13")
    assert r.code == 0, r
    assert cli("--data", strict, "fmt", "--check").code == 0  # the extension is written in canonical form
    assert cli("--data", strict, "reply", cid, "--date", "2026-10-14").code == 0
    r = cli("--data", strict, "close", cid, "--date", "2026-10-14")
    assert (r.code, r.err.strip()) == (1, f"错误：{cid} 不能办结：配合单位 fgw 尚未报送办理结果")
    # a new lead keeps the co-units unless --co names others
    r = cli("--data", strict, "reassign", cid, "--lead", "dq", "--reason", "属地事项", "--date", "2026-10-14")
    assert r.code == 0 and r.out.startswith(f"已调整 {cid} 的承办单位：牵头 东区人民政府；配合 市发展和改革委员会\n"), r
    out = _case(strict, cid)["outcome"]
    assert (out["lead_unit"], out["co_units"]) == ("dq", ["fgw"])
    r = cli("--data", strict, "reassign", cid, "--lead", "gxj", "--co", "fgw", "--co", "fgw", "--co", "gxj",
            "--reason", "退回", "--date", "2026-10-15")
    assert r.code == 0 and _case(strict, cid)["outcome"]["co_units"] == ["fgw"]
