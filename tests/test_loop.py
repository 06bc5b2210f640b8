"""The closed loop: a demand from registration to close across the 2026 National Day, and each
step on its own (overdue, extension, long-term, reassignment, 不满意 → reopen, chase)."""

from __future__ import annotations

import datetime as dt
import json
import re

import chinese_calendar
import openpyxl
import pytest
from conftest import REPO, docx_text, write_ledger

from anshang.store import yamlfile as yamlio

D = dt.date


def ref_workdays(start, n):
    day = start
    while n:
        day += dt.timedelta(days=1)
        if chinese_calendar.is_workday(day):
            n -= 1
    return day


def ref_days(start, n):
    day = start + dt.timedelta(days=n)
    while not chinese_calendar.is_workday(day):
        day += dt.timedelta(days=1)
    return day


def _case(root, cid):
    return yamlio.strip_lines(yamlio.loads((root / f"cases/20{cid[:2]}/{cid}.yaml").read_text(encoding="utf-8")))


@pytest.fixture
def national_day(mini):
    """The mini ledger with a session on 2026-09-30, the eve of the National Day holiday."""
    (mini / "cases/2026/260305-k7m2x.yaml").unlink()
    write_ledger(mini, {"sessions/2026/2026-09-30.yaml":
                        "id: '2026-09-30'\ndate: 2026-09-30\nleader: mayor\nnotice_date: 2026-09-09\n"})
    return mini


def _register(cli, root, day="2026-09-14", title="厂房用电增容"):
    r = cli("--data", root, "register", "--enterprise", "91350100M000100Y43", "--contact", "李联系",
            "--phone", "13800001111", "--field", "工业和信息化", "--title", title,
            "--facts", "企业申请增容半年未获答复，新产线无法投产。", "--reasons", "按供电服务承诺应在30日内答复。",
            "--request", "请协调供电部门4月底前完成增容。", "--unit", "gxj", "--date", day)
    assert r.code == 0, r
    return re.search(r"\d{6}-[0-9a-z]{5}", r.out).group(0)


def _handed_over(cli, root, title="厂房用电增容"):
    cid = _register(cli, root, title=title)
    assert cli("--data", root, "screen", cid, "--date", "2026-09-15").code == 0
    assert cli("--data", root, "match", "--date", "2026-09-15").code == 0
    r = cli("--data", root, "receive", cid, "--outcome", "handover", "--lead", "gxj",
            "--instruction", "请市工业和信息化局牵头协调供电公司")
    assert r.code == 0, r
    return cid


def test_full_lifecycle_across_national_day(cli, national_day, tmp_path):
    root = national_day
    cid = _handed_over(cli, root)
    case = _case(root, cid)
    assert case["session"] == "2026-09-30" and case["outcome"]["date"] == "2026-09-30"
    progress, result = case["deadlines"]["progress"], case["deadlines"]["result"]
    assert progress == {"due": "2026-10-15", "basis": "2026-09-30", "rule": "workdays", "n": 7, "provisional": False}
    assert (result["due"], result["rule"], result["n"]) == ("2026-10-30", "days", 30)
    assert progress["due"] == ref_workdays(D(2026, 9, 30), 7).isoformat()
    assert result["due"] == ref_days(D(2026, 9, 30), 30).isoformat()

    slip = tmp_path / "交办单.xlsx"
    assert cli("--data", root, "slip", cid, "--out", slip).code == 0
    cells = [c.value for row in openpyxl.load_workbook(slip).active.iter_rows() for c in row if c.value]
    assert f"编号：{cid}" in cells and "测试新材料有限公司" in cells
    assert any("请于2026年10月15日前（7个工作日内）报送落实情况，2026年10月30日前（30日内）报送办理结果" in str(v) for v in cells)
    assert not any("{{" in str(v) for v in cells)

    due = json.loads(cli("--data", root, "due", "--date", "2026-10-13", "--json").out)
    assert due == [{"id": cid, "unit": "gxj", "part": "lead", "kind": "progress", "basis": "2026-09-30",
                    "rule": "7个工作日", "due": "2026-10-15", "overdue_workdays": 0, "due_provisional": False,
                    "provisional": False}]
    assert cli("--data", root, "report", cid, "progress", "--date", "2026-10-14", "--note", "已约谈供电公司").code == 0
    assert cli("--data", root, "close", cid, "--date", "2026-10-20").code == 1  # result still owed
    assert cli("--data", root, "report", cid, "result", "--date", "2026-10-28", "--note", "增容已接入").code == 0
    r = cli("--data", root, "close", cid, "--date", "2026-10-28")
    assert (r.code, r.err.strip()) == (1, f"错误：{cid} 不能办结：尚未答复企业（anshang reply）")
    assert cli("--data", root, "reply", cid, "--date", "2026-10-29", "--note", "书面答复").code == 0
    assert cli("--data", root, "revisit", cid, "--satisfaction", "满意", "--date", "2026-11-05").code == 0
    assert cli("--data", root, "close", cid, "--date", "2026-11-06").code == 0
    show = cli("--data", root, "show", cid[:8], "--date", "2026-11-10").out
    assert "状态：已办结" in show
    assert "  落实情况 2026-10-15（7个工作日，自 2026-09-30 起算）：已于 2026-10-14 报送，按时" in show
    assert "  2026-09-30 接待（甲市长）：交办，牵头 市工业和信息化局；交办意见：请市工业和信息化局牵头协调供电公司" in show
    assert show.index("2026-10-14 报送落实情况") < show.index("2026-10-28 报送办理结果") < show.index("2026-11-06 办结")
    assert cli("--data", root, "check").code == 0
    assert cli("--data", root, "due", "--date", "2026-12-01", "--json").out == "[]\n"


def test_overdue_counted_in_workdays(cli, national_day):
    cid = _handed_over(cli, national_day)
    due = json.loads(cli("--data", national_day, "due", "--date", "2026-11-02", "--json").out)
    by_kind = {d["kind"]: d for d in due}
    # progress due 10-15: 16, 19, 20, …, 30, 11-02 → 12 working days late
    assert by_kind["progress"]["overdue_workdays"] == 12
    assert by_kind["result"]["overdue_workdays"] == 1
    text = cli("--data", national_day, "due", "--date", "2026-11-02").out
    assert text.splitlines()[0] == "截至2026年11月2日（星期一）：超期 2 项，2 个工作日内到期 0 项"
    assert f"  {cid} 落实情况 截止 2026-10-15 超期 12 个工作日 — 厂房用电增容" in text


def test_extension_only_before_the_deadline(cli, national_day):
    cid = _handed_over(cli, national_day)
    r = cli("--data", national_day, "extend", cid, "--to", "2026-11-16", "--reason", "需省级部门批复",
            "--date", "2026-10-31")
    assert r.code == 2 and "延期须在期限届满前申请" in r.err
    r = cli("--data", national_day, "extend", cid, "--to", "2026年11月16日", "--reason", "需省级部门批复",
            "--date", "2026-10-29")
    assert r.code == 0
    case = _case(national_day, cid)
    assert case["deadlines"]["result"]["due"] == "2026-11-16"
    assert case["events"][-1] == {"date": "2026-10-29", "kind": "extension", "by": case["events"][-1]["by"],
                                  "unit": "gxj", "due": "2026-11-16", "of": "result", "note": "需省级部门批复"}
    due = json.loads(cli("--data", national_day, "due", "--date", "2026-11-02", "--json").out)
    assert [d["kind"] for d in due] == ["progress"]  # the result is no longer overdue


def test_longterm_ten_day_cycle(cli, national_day):
    cid = _handed_over(cli, national_day)
    cli("--data", national_day, "report", cid, "progress", "--date", "2026-10-09")
    r = cli("--data", national_day, "longterm", cid, "--date", "2026-09-30", "--note", "需新建变电站")
    assert r.code == 0 and "2026年10月10日（星期六）" in r.out  # a make-up working Saturday
    r = cli("--data", national_day, "report", cid, "periodic", "--date", "2026-10-10")
    assert "下一次报送：2026年10月20日（星期二）前" in r.out
    due = json.loads(cli("--data", national_day, "due", "--date", "2026-10-30", "--json").out)
    assert [(d["kind"], d["due"], d["overdue_workdays"]) for d in due] == [("periodic", "2026-10-20", 8)]
    assert "长期整改" in cli("--data", national_day, "close", cid).err
    cli("--data", national_day, "report", cid, "result", "--date", "2026-11-03")
    assert json.loads(cli("--data", national_day, "due", "--date", "2026-11-30", "--json").out) == []


def test_longterm_in_workdays_by_policy(cli, national_day):
    s = national_day / "anshang.yaml"
    s.write_text(s.read_text(encoding="utf-8").replace("longterm_counting: calendar", "longterm_counting: workdays"),
                 encoding="utf-8")
    cid = _handed_over(cli, national_day)
    r = cli("--data", national_day, "longterm", cid, "--date", "2026-09-30")
    assert "2026年10月20日（星期二）" in r.out  # 10 working days, not 10 calendar days


def test_reassignment_restarts_open_deadlines(cli, national_day):
    units = national_day / "units.yaml"
    units.write_text(units.read_text(encoding="utf-8")
                     + "  - id: nyj\n    name: 市能源局\n    kind: department\n    fields:\n      - 能源\n", encoding="utf-8")
    cid = _handed_over(cli, national_day)
    r = cli("--data", national_day, "reassign", cid, "--lead", "nyj", "--co", "gxj",
            "--reason", "工信局认为供电属能源局职责", "--date", "2026-10-09")
    assert r.code == 0
    case = _case(national_day, cid)
    assert case["outcome"]["lead_unit"] == "nyj" and case["outcome"]["co_units"] == ["gxj"]
    assert case["deadlines"]["progress"]["basis"] == "2026-10-09"
    assert case["deadlines"]["progress"]["due"] == ref_workdays(D(2026, 10, 9), 7).isoformat()
    assert case["deadlines"]["result"]["due"] == ref_days(D(2026, 10, 9), 30).isoformat()
    ev = case["events"][-1]
    assert (ev["kind"], ev["unit"], ev["units"]) == ("reassign", "gxj", ["nyj", "gxj"])
    assert cli("--data", national_day, "check").code == 0


def test_unsatisfied_revisit_reopens(cli, national_day):
    cid = _handed_over(cli, national_day)
    for args in (["report", cid, "progress", "--date", "2026-10-12"], ["report", cid, "result", "--date", "2026-10-20"],
                 ["reply", cid, "--date", "2026-10-21"]):
        assert cli("--data", national_day, *args).code == 0
    r = cli("--data", national_day, "revisit", cid, "--satisfaction", "不满意", "--date", "2026-10-26",
            "--note", "问题没有真正解决")
    assert r.code == 0 and "已重新办理\n  办理结果：2026年11月25日（星期三）前（30日（末日为休息日顺延））" in r.out
    assert cli("--data", national_day, "close", cid, "--date", "2026-10-27").code == 1
    assert "状态：办理中" in cli("--data", national_day, "show", cid, "--date", "2026-10-27").out
    for args in (["report", cid, "result", "--date", "2026-11-20"], ["reply", cid, "--date", "2026-11-20"]):
        assert cli("--data", national_day, *args).code == 0
    assert cli("--data", national_day, "close", cid, "--date", "2026-11-23").code == 0


def test_deadline_in_unknown_year_needs_provisional(cli, national_day):
    write_ledger(national_day, {"sessions/2026/2026-12-24.yaml": "id: '2026-12-24'\ndate: 2026-12-24\nleader: mayor\n"})
    (national_day / "sessions/2026/2026-09-30.yaml").unlink()
    cid = _register(cli, national_day, day="2026-12-01")
    cli("--data", national_day, "screen", cid, "--date", "2026-12-01")
    cli("--data", national_day, "match", "--date", "2026-12-02")
    r = cli("--data", national_day, "receive", cid, "--outcome", "handover", "--lead", "gxj")
    assert r.code == 2 and "2027 年的节假日安排尚未加入日历" in r.err
    assert "outcome" not in _case(national_day, cid)  # nothing half-written
    r = cli("--data", national_day, "receive", cid, "--outcome", "handover", "--lead", "gxj", "--provisional")
    assert r.code == 0 and "（暂定）" in r.out
    assert _case(national_day, cid)["deadlines"]["progress"]["provisional"] is True
    r = cli("--data", national_day, "check")
    assert r.code == 0 and r.out.count("为暂定（2027 年节假日安排尚未加入）") == 2


def test_chase_and_supervision(cli, national_day, tmp_path):
    cid = _handed_over(cli, national_day)
    out = tmp_path / "催办"
    r = cli("--data", national_day, "chase", "--date", "2026-11-02", "--out", out)
    assert r.code == 0
    # Word documents named by the unit and the date
    notice = docx_text(out / "催办通知-市工业和信息化局-2026-11-02.docx")
    assert notice.startswith("催办通知\n\n市工业和信息化局：\n")
    # each part in the notice of its level: the result (1 day late) is chased, the progress report
    # (12 days late, past the threshold of 5) is supervised
    assert f"| {cid} | 测试新材料有限公司 | 厂房用电增容 | 办理结果 | 牵头 | 2026年10月30日 | 1 |" in notice
    assert "落实情况" not in notice.split("| 超期工作日 |")[1]
    assert notice.endswith("测试市营商办\n2026年11月2日")
    sup = docx_text(out / "督办清单-2026-11-02.docx")
    assert sup.startswith("督办清单\n\n市政府督查室：\n") and "共1项" in sup
    assert cid in sup and "办理结果" not in sup.split("| 承办单位")[1]  # 1 day late: below the threshold of 5
    to_unit = docx_text(out / "督办通知-市工业和信息化局-2026-11-02.docx")
    assert to_unit.startswith("督办通知\n\n市工业和信息化局：\n") and to_unit.endswith("抄送：市政府督查室。")
    assert f"| {cid} | 测试新材料有限公司 | 厂房用电增容 | 落实情况 | 牵头 | 2026年10月15日 | 12 |" in to_unit
    assert r.out.splitlines() == [f"催办通知：{out / '催办通知-市工业和信息化局-2026-11-02.docx'}（1 项）",
                                  f"督办通知：{out / '督办通知-市工业和信息化局-2026-11-02.docx'}（1 项）",
                                  f"督办清单：{out / '督办清单-2026-11-02.docx'}（1 项，超期超过 5 个工作日）"]
    kinds = [e["kind"] for e in _case(national_day, cid)["events"]]
    assert kinds.count("chase") == 2 and kinds.count("supervise") == 1
    cli("--data", national_day, "chase", "--date", "2026-11-02", "--out", out)  # again: nothing new
    assert [e["kind"] for e in _case(national_day, cid)["events"]] == kinds
    # Markdown on request
    r = cli("--data", national_day, "chase", "--date", "2026-11-02", "--out", tmp_path / "md", "--format", "md",
            "--no-record")
    assert r.code == 0
    md = (tmp_path / "md" / "催办通知-市工业和信息化局-2026-11-02.md").read_text(encoding="utf-8")
    assert md.startswith("# 催办通知\n\n市工业和信息化局：")
    assert (tmp_path / "md" / "督办清单-2026-11-02.md").is_file()
    r = cli("--data", national_day, "chase", "--format", "pdf")
    assert r.code == 2 and "--format 只能是 docx（Word 文档）或 md（Markdown）" in r.err


def test_receive_refusals(cli, national_day):
    cid = _register(cli, national_day)
    r = cli("--data", national_day, "receive", cid, "--outcome", "handover")
    assert r.code == 2 and "未受理" in r.err
    cli("--data", national_day, "screen", cid)
    r = cli("--data", national_day, "receive", cid, "--outcome", "handover")
    assert r.code == 2 and "尚未安排接待场次" in r.err
    cli("--data", national_day, "match", "--date", "2026-09-15")
    assert cli("--data", national_day, "receive", cid, "--outcome", "solved", "--note", "当场协调").code == 0
    r = cli("--data", national_day, "receive", cid, "--outcome", "handover")
    assert r.code == 2 and "已有接待结果" in r.err
    r = cli("--data", national_day, "slip", cid)
    assert r.code == 2 and "不是交办件" in r.err


def test_slip_template_with_unknown_placeholder(cli, national_day):
    cid = _handed_over(cli, national_day)
    (national_day / "templates").mkdir()
    wb = openpyxl.Workbook()
    wb.active["B2"] = "{{enterprise}} {{mayor_seal}}"
    wb.save(national_day / "templates/handover.xlsx")
    r = cli("--data", national_day, "slip", cid)
    assert r.code == 2 and "templates/handover.xlsx:Sheet!B2: [template] 占位符 {{mayor_seal}} 不存在" in r.err
    assert not (national_day / "output").exists()


def test_sample_due_is_correct_for_a_fixed_date(cli, sample):
    r = cli("--data", sample, "due", "--date", "2026-11-21", "--json")
    got = json.loads(r.out)
    assert got == json.loads((REPO / "tests/golden/due-2026-11-21.json").read_text(encoding="utf-8"))
    for item in got:  # and each figure agrees with the day-by-day reference
        due = D.fromisoformat(item["due"])
        late = sum(1 for k in range(1, (D(2026, 11, 21) - due).days + 1)
                   if chinese_calendar.is_workday(due + dt.timedelta(days=k)))
        assert item["overdue_workdays"] == late
    kinds = {e["kind"] for p in sample.glob("cases/*/*.yaml")
             for e in yamlio.loads(p.read_text(encoding="utf-8")).get("events") or []}
    assert {"extension", "reassign", "longterm", "periodic", "reopen", "close", "chase"} <= kinds
