"""The programme's other tracked work (issue 18): action-plan tasks imported from a responsibility
list, research topics, graded supervision and channel rules — pure functions on plain data, then
every command on a copy of the sample ledger."""

from __future__ import annotations

import datetime as dt
import json
import sys

import openpyxl
import pytest
from conftest import REPO, docx_text

from anshang.core import channels, lifecycle, supervision
from anshang.core import tasks as core_tasks
from anshang.core.calendar import Calendar, package_arrangements
from anshang.core.deadlines import Rule
from anshang.store import yamlfile as yamlio

sys.path.insert(0, str(REPO / "tools"))
from sample_plan import ROWS, build_plan_book  # noqa: E402

D = dt.date
DAY = "2026-11-21"
CAL = Calendar(package_arrangements())


def _yaml(path):
    return yamlio.strip_lines(yamlio.loads(path.read_text(encoding="utf-8")))


# --- pure: time limits and unit lists -------------------------------------------------------------

@pytest.mark.parametrize("text, rule, ongoing", [
    ("2026年12月31日前", Rule("fixed", on=D(2026, 12, 31)), False),
    ("2026年12月底前", Rule("fixed", on=D(2026, 12, 31)), False),
    ("2026年底前", Rule("fixed", on=D(2026, 12, 31)), False),
    ("年底前", Rule("fixed", on=D(2026, 12, 31)), False),
    ("2027年6月", Rule("fixed", on=D(2027, 6, 30)), False),
    ("6月底前", Rule("fixed", on=D(2026, 6, 30)), False),
    ("2026年2月", Rule("fixed", on=D(2026, 2, 28)), False),
    ("2026年第四季度", Rule("fixed", on=D(2026, 12, 31)), False),
    ("上半年", Rule("fixed", on=D(2026, 6, 30)), False),
    ("30日内", Rule("days", 30), False),
    ("30天内", Rule("days", 30), False),
    ("15个工作日内", Rule("workdays", 15), False),
    ("长期坚持", None, True),
    ("持续推进", None, True),
    ("2026年12月底前（阶段性）", Rule("fixed", on=D(2026, 12, 31)), False),
])
def test_time_limits_as_lists_write_them(text, rule, ongoing):
    got = core_tasks.parse_limit(text, 2026)
    assert (got.rule, got.ongoing) == (rule, ongoing)


@pytest.mark.parametrize("text, words", [
    ("尽快", "看不懂"), ("", "为空"), ("2026年13月", "月份不对"), ("2026年2月30日前", "不是有效日期"),
])
def test_unreadable_time_limits_say_how_to_write_them(text, words):
    with pytest.raises(ValueError, match=words):
        core_tasks.parse_limit(text, 2026)


def test_a_limit_without_a_year_needs_the_lists_year():
    with pytest.raises(ValueError, match="--year"):
        core_tasks.parse_limit("6月底前", None)


def test_unit_cells_are_split_however_they_are_written():
    assert core_tasks.split_units("市发展改革委、市工信局，市财政局\n各区县政府等") == \
        ["市发展改革委", "市工信局", "市财政局", "各区县政府"]
    assert core_tasks.split_units("市发改委（牵头）/市工信局；市税务局") == ["市发改委", "市工信局", "市税务局"]
    assert core_tasks.task_number("7") == 7 and core_tasks.task_number("（七）") is None


# --- pure: a task on the obligation engine --------------------------------------------------------

def _task(**more):
    t = {"id": "xd2026-04", "plan": "xd2026", "number": 4, "title": "清理收费", "lead_unit": "fgw",
         "co_units": ["czj"], "assigned": D(2026, 3, 2),
         "deadlines": {"result": Rule("days", 30).record(CAL, D(2026, 3, 2))}}
    t.update(more)
    return t


def test_a_task_owes_its_result_by_its_lead_and_co_units():
    t = _task()
    obs = lifecycle.obligations(t)
    assert [(o.unit, o.part, o.kind, o.due) for o in obs] == [("fgw", "lead", "result", D(2026, 4, 1)),
                                                            ("czj", "co", "result", D(2026, 4, 1))]
    assert lifecycle.status(t, D(2026, 4, 2)) == "overdue"
    assert lifecycle.close_blockers(t) == ["牵头单位尚未报送完成情况（办理结果）"]
    t["events"] = [{"date": D(2026, 3, 30), "kind": "result", "unit": "fgw"}]
    assert lifecycle.close_blockers(t) == [] and lifecycle.open_obligations(t) == []


def test_an_ongoing_task_reports_periodically_and_may_be_closed_any_time():
    t = _task(ongoing=True, deadlines={"periodic": Rule("quarterly", 10).record(CAL, D(2026, 3, 2))})
    [lead, co] = lifecycle.obligations(t)
    assert (lead.kind, lead.due) == ("periodic", D(2026, 4, 10))
    assert lifecycle.status(t, D(2026, 3, 10)) == "ongoing" and lifecycle.close_blockers(t) == []


# --- pure: the supervision ladder -----------------------------------------------------------------

POLICY = type("P", (), {"warning_workdays": 2, "supervise_after_workdays": 5})()


def test_the_ladder_climbs_with_lateness():
    [ob, _] = lifecycle.obligations(_task())  # due 2026-04-01 (a Wednesday)
    assert supervision.level(ob, CAL, D(2026, 3, 25), POLICY) == ""
    assert supervision.level(ob, CAL, D(2026, 3, 30), POLICY) == "warning"  # within 2 working days
    assert supervision.level(ob, CAL, D(2026, 4, 2), POLICY) == "chase"
    assert supervision.level(ob, CAL, D(2026, 4, 10), POLICY) == "supervise"  # 6 working days late (Qingming)


def test_a_level_is_owed_once_for_one_lateness():
    t = _task()
    [ob, _] = lifecycle.obligations(t)
    assert supervision.owed_levels(t, ob, CAL, D(2026, 4, 10), POLICY) == ["chase", "supervise"]
    t["events"] = [{"date": D(2026, 4, 2), "kind": "chase", "unit": "fgw", "level": "chase", "of": "result",
                    "owed": D(2026, 4, 1)}]
    assert supervision.owed_levels(t, ob, CAL, D(2026, 4, 3), POLICY) == []
    assert supervision.owed_levels(t, ob, CAL, D(2026, 4, 10), POLICY) == ["supervise"]
    t["events"].append({"date": D(2026, 4, 10), "kind": "supervise", "unit": "fgw", "level": "supervise",
                        "of": "result", "owed": D(2026, 4, 1)})
    assert supervision.owed_levels(t, ob, CAL, D(2026, 5, 10), POLICY) == []
    # an extension makes a new lateness: the ladder starts again
    t["deadlines"]["result"] = {**t["deadlines"]["result"], "due": D(2026, 5, 15), "extended_from": D(2026, 4, 1)}
    [ob, _] = lifecycle.obligations(t)
    assert supervision.owed_levels(t, ob, CAL, D(2026, 5, 18), POLICY) == ["chase"]


def test_named_supervision_stands_until_the_item_is_closed():
    t = _task(events=[{"date": D(2026, 3, 10), "kind": "supervise", "level": "named", "leader": "市长", "note": "重点"}])
    assert supervision.item_level(t, [], CAL, D(2026, 3, 11), POLICY) == "named"
    t["events"].append({"date": D(2026, 3, 20), "kind": "close"})
    assert supervision.named(t) is None


# --- pure: channel rules --------------------------------------------------------------------------

def test_channel_rules_and_their_defaults():
    from anshang.core.deadlines import Limits

    limits = Limits(Rule("workdays", 7), Rule("days", 30), Rule("every_days", 10), Rule("workdays", 2),
                    Rule("workdays", -15), Rule("workdays", -3), Rule("workdays", 2), 2, 5)
    given = {"complaint_centre": {"screening": False, "obligations": {
        "acknowledge": {"rule": "workdays", "n": 1}, "result": {"rule": "workdays", "n": 15}}}}
    cc = channels.rule_for(given, "complaint_centre", limits)
    assert (cc.screening, cc.matching) == (False, False)
    assert cc.obligations == {"acknowledge": Rule("workdays", 1), "result": Rule("workdays", 15)}
    rd = channels.rule_for(given, "reception_day", limits)
    assert (rd.screening, rd.matching, rd.obligations) == (True, True, {"progress": limits.progress,
                                                                        "result": limits.result})
    assert channels.matched(given) == {"reception_day"}
    assert channels.describe(cc) == "登记即受理（不适用接待日受理审查）；受理后直接交办；签收反馈 1个工作日、办理结果 15个工作日"


# --- the commands on the sample ledger: importing a responsibility list ---------------------------

@pytest.fixture
def unplanned(sample):
    """The sample ledger before its action plan was imported."""
    import shutil

    shutil.rmtree(sample / "tasks")
    return sample


def test_a_list_with_bad_rows_is_refused_whole_with_each_cell_named(cli, sample, tmp_path):
    book = build_plan_book(tmp_path / "清单.xlsx", bad=True)
    before = sorted(p.name for p in (sample / "tasks").rglob("*"))
    r = cli("--data", sample, "task", "import", book, "--plan", "xt2026", "--issued", "2026-03-02")
    assert r.code == 2
    assert r.err.splitlines() == [
        "错误：责任清单中有读不懂的行：",
        "清单.xlsx:责任清单!C16: [plan] 单位 '市大数据中心' 不在 units.yaml 中；是否是：市政务服务和数据管理局？"
        "（可在 units.yaml 中该单位下加 aliases）",
        "清单.xlsx:责任清单!E17: [plan] 时限“尽快”看不懂：可写“2026年12月31日前”“2026年12月底前”“2026年底前”"
        "“2027年6月”“30日内”“15个工作日内”或“长期坚持”",
        "清单.xlsx:责任清单!A18: [plan] 序号“十三”不是数字：每项任务写一个序号（1、2、3…），同一清单中不重复",
        "清单未导入（一项也未写入）；请按上面所列修改后重新导入",
    ]
    assert sorted(p.name for p in (sample / "tasks").rglob("*")) == before and not (sample / "tasks/xt2026").exists()


def test_a_list_imports_with_its_title_merged_cells_units_and_time_limits(cli, unplanned, tmp_path):
    sample = unplanned
    book = build_plan_book(tmp_path / "清单.xlsx")
    r = cli("--data", sample, "task", "import", book, "--plan", "xt2026", "--issued", "2026-03-02", "--date", "2026-03-05")
    assert r.code == 0, r
    assert r.out == "已导入 北岚市2026年优化营商环境行动方案重点任务责任清单（方案编号 xt2026）：新增 10 项，更新 0 项，未变 0 项\n"
    plan = _yaml(sample / "tasks/xt2026/plan.yaml")
    assert (plan["title"], plan["date"], plan["year"], plan["periodic"]) == (
        "北岚市2026年优化营商环境行动方案重点任务责任清单", "2026-03-02", 2026, {"rule": "quarterly", "n": 10})
    tasks = {n: _yaml(sample / f"tasks/xt2026/{n:02d}.yaml") for n in range(1, 11)}
    assert tasks[2]["lead_unit"] == "zwfwj"  # the lead unit's cell is merged over rows 1 and 2
    assert tasks[1]["co_units"] == ["scjgj", "swzj"]  # 市市场监督管理局、市税务局
    assert tasks[3]["co_units"] == ["zrzyj", "zwfwj"]  # on two lines
    assert tasks[5]["co_units"] == ["fgw", "lsq", "gxq"]  # 市发改委、岚山区政府、高新区管委会
    assert tasks[7]["lead_unit"] == "gxj"  # 市工信委: an alias in units.yaml
    assert tasks[9]["co_units"] == sorted(u for u in ("hkq", "lsq", "xgq", "gxq", "ytx"))  # 各区县政府
    due = {n: (t["deadlines"].get("result") or t["deadlines"].get("periodic")) for n, t in tasks.items()}
    assert (due[1]["due"], due[1]["rule"]) == ("2026-12-31", "fixed")  # 2026年12月31日前
    assert (due[3]["due"], due[3]["provisional"]) == ("2027-06-30", False)  # a named date needs no 2027 calendar
    assert (due[4]["due"], due[4]["rule"], due[4]["n"]) == ("2026-04-01", "days", 30)  # 30日内 from 03-02
    assert (due[6]["due"], due[6]["rule"], due[6]["n"]) == ("2026-03-23", "workdays", 15)
    assert tasks[7]["ongoing"] is True and (due[7]["rule"], due[7]["due"]) == ("quarterly", "2026-04-10")
    assert due[10]["due"] == "2026-12-31"  # 2026年第四季度
    assert tasks[1]["source"] == {"file": "清单.xlsx", "cell": "责任清单!A4"}
    assert cli("--data", sample, "check", "--date", DAY).code == 0
    assert cli("--data", sample, "fmt", "--check").code == 0


def test_reimporting_updates_and_never_duplicates(cli, unplanned, tmp_path):
    sample = unplanned
    book = build_plan_book(tmp_path / "清单.xlsx")
    args = ("--data", sample, "task", "import")
    assert cli(*args, book, "--plan", "xt2026", "--issued", "2026-03-02").code == 0
    again = cli(*args, book, "--plan", "xt2026")
    assert again.out.startswith("已导入") and "新增 0 项，更新 0 项，未变 10 项" in again.out
    rows = [r if r[0] != 4 else (4, r[1], "市发改委", "市财政局、市商务局", "2026年6月底前") for r in ROWS]
    changed = build_plan_book(tmp_path / "清单2.xlsx", rows=rows[:9])
    r = cli(*args, changed, "--plan", "xt2026", "--date", "2026-04-01")
    assert "新增 0 项，更新 1 项，未变 8 项" in r.out and "已更新 xt2026-04" in r.out
    assert "清单中已没有、台账中仍保留的任务：xt2026-10" in r.out  # kept, never deleted
    t = _yaml(sample / "tasks/xt2026/04.yaml")
    assert t["co_units"] == ["czj", "swj"] and t["limit"] == "2026年6月底前"
    assert t["deadlines"]["result"] == {"due": "2026-06-30", "basis": "2026-03-02", "rule": "fixed", "provisional": False}
    assert [e["note"] for e in t["events"]] == ["按重新导入的清单，完成时限改为“2026年6月底前”", "按重新导入的清单更新了责任单位"]
    assert len(list((sample / "tasks/xt2026").glob("*.yaml"))) == 11  # ten tasks and the plan


def test_header_words_vary_and_the_responsible_units_column_puts_the_lead_first(cli, sample, tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "2026年"
    ws.append(["北岚市2026年营商环境重点任务分工"])
    ws.append([])
    ws.append(["编号", "主要任务", "责任单位", "时间节点"])
    ws.append([1, "推进“高效办成一件事”", "市政务服务局、市公安局、市人社局", "2026年9月底前"])
    ws.append(["（一）常态化工作"])
    ws.append([2, "开展营商环境监测", "市营商局", "长期坚持"])
    ws.append([3, "清理拖欠账款", "市财政局", dt.datetime(2026, 10, 31)])
    wb.save(tmp_path / "分工.xlsx")
    r = cli("--data", sample, "task", "import", tmp_path / "分工.xlsx", "--issued", "2026-03-02")
    assert r.code == 0 and "方案编号 rw2026" in r.out and "新增 3 项" in r.out  # named from the title's year
    t1 = _yaml(sample / "tasks/rw2026/01.yaml")
    assert (t1["lead_unit"], t1["co_units"]) == ("zwfwj", ["gaj", "rsj"])
    assert _yaml(sample / "tasks/rw2026/03.yaml")["deadlines"]["result"]["due"] == "2026-10-31"  # a date cell


def test_hostile_and_wrong_files_are_refused(cli, sample, tmp_path):
    (tmp_path / "x.xlsx").write_bytes(b"not a zip")
    r = cli("--data", sample, "task", "import", tmp_path / "x.xlsx", "--plan", "xt2026")
    assert r.code == 2 and "x.xlsx" in r.err and "Traceback" not in r.err
    r = cli("--data", sample, "task", "import", build_plan_book(tmp_path / "y.xlsx"), "--plan", "../x")
    assert r.code == 2 and "行动方案编号 '../x' 格式不对" in r.err


# --- tasks everywhere obligations are ---------------------------------------------------------------

def test_tasks_are_in_due_list_show_chase_weekly_and_summary(cli, sample, tmp_path):
    due = json.loads(cli("--data", sample, "due", "--date", DAY, "--json").out)
    assert {"xd2026-06", "xd2026-07", "xd2026-08"} <= {d["id"] for d in due}
    six = [d for d in due if d["id"] == "xd2026-06"]
    assert [(d["unit"], d["part"], d["kind"], d["due"]) for d in six] == [("czj", "lead", "result", "2026-03-23"),
                                                                        ("jrj", "co", "result", "2026-03-23")]
    listed = json.loads(cli("--data", sample, "list", "--kind", "工作任务", "--overdue", "--date", DAY, "--json").out)
    # (the service month's overdue activity, a task of the campaign's plan, is listed with them)
    assert [r["id"] for r in listed] == ["fwy2026-06", "xd2026-06", "xd2026-07", "xd2026-08"]
    listed = listed[1:]
    assert listed[0]["enterprise"] == "北岚市2026年优化营商环境行动方案重点任务责任清单第6项"
    both = json.loads(cli("--data", sample, "list", "--kind", "诉求", "--kind", "专题调研", "--date", DAY, "--json").out)
    assert "zt261105-k7m2x" in {r["id"] for r in both}
    show = cli("--data", sample, "show", "xd2026-06", "--date", DAY).out
    assert "行动方案：北岚市2026年优化营商环境行动方案重点任务责任清单 第 6 项  完成时限：15个工作日内" in show
    assert "督办：督办" in show and "2026-04-01 督办（市财政局）：办理结果超期，列入督办清单 [营商办]" in show
    assert cli("--data", sample, "show", "xd20", "--date", DAY).code == 2  # a prefix naming several
    text = cli("--data", sample, "task", "list", "--date", DAY).out
    assert text.splitlines()[0] == "工作任务 16 项（截至2026年11月21日）"  # the plan's 10 and the service month's 6
    assert "xd2026-01 推行企业开办“一网通办”，全程网办率达到90%以上" in text and "【挂牌督办】" in text
    assert cli("--data", sample, "weekly", "--date", DAY, "--out", tmp_path).code == 0
    wb = openpyxl.load_workbook(next(tmp_path.glob("*.xlsx")))
    rows = {r[1].value: r for r in wb["工作任务"].iter_rows(min_row=4) if r[1].value}
    assert rows["xd2026-01"][9].value == "挂牌督办" and rows["xd2026-06"][9].value == "督办"
    assert rows["xd2026-04"][8].value == "已办结" and rows["xd2026-07"][8].value == "超期"
    assert "xd2026-06" in {r[2].value for r in wb["到期与超期"].iter_rows(min_row=4)}
    assert cli("--data", sample, "summary", "--year", "2026", "--date", DAY, "--out", tmp_path / "s").code == 0
    report = docx_text(next((tmp_path / "s").glob("*.docx")))
    assert "六、行动方案任务、专项活动、重大项目、专题调研和领导走访" in report
    # due in the year by the day of writing: xd2026-04 (done on time) and xd2026-06 (late)
    assert "行动方案工作任务共 10 项。本期已到期的 2 项中，已完成 1 项（其中按期完成 1 项），逾期未完成 1 项" in report
    assert "“涉企许可证变更环节多、时间长问题专题调研”已形成制度性成果：《北岚市涉企许可证变更“一次办”若干措施》" in report
    assert "| xd2026-06 |" in report  # in the overdue list too
    data = json.loads(cli("--data", sample, "summary", "--year", "2026", "--date", DAY, "--json").out)
    assert data["programme"]["tasks"]["late_ids"] == ["xd2026-06"]


def test_a_report_on_a_task_moves_its_next_quarterly_deadline(cli, sample):
    # one report for each quarter: a late report meets the quarter it was owed for (the third, due
    # 10 July), and the fourth quarter's, due 10 October, is still owed — and overdue
    r = cli("--data", sample, "report", "xd2026-08", "periodic", "--date", "2026-11-23", "--note", "三季度进展")
    assert r.code == 0 and r.out == ("已记录 xd2026-08：定期报送（市人力资源和社会保障局）\n"
                                     "  下一次报送：2026年10月10日（星期六）前（每季度首月10日（休息日顺延））\n")  # a make-up working day
    r = cli("--data", sample, "report", "xd2026-08", "periodic", "--date", "2026-11-24", "--note", "四季度进展")
    assert r.code == 2 and "2027 年的节假日安排尚未加入日历" in r.err  # the next report falls in 2027
    r = cli("--data", sample, "report", "xd2026-08", "periodic", "--date", "2026-11-24", "--note", "四季度进展",
            "--provisional")
    assert r.code == 0 and r.out == ("已记录 xd2026-08：定期报送（市人力资源和社会保障局）\n"
                                     "  下一次报送：2027年1月11日（星期一）前（每季度首月10日（休息日顺延））（暂定）\n")
    # the next one made early is the report due in January (its period began on 10 October); once it
    # is in, a further report moves nothing: no quarter is skipped
    r = cli("--data", sample, "report", "xd2026-08", "periodic", "--date", "2026-11-25", "--provisional")
    assert r.out.endswith("下一次报送：2027年4月12日（星期一）前（每季度首月10日（休息日顺延））（暂定）\n")
    r = cli("--data", sample, "report", "xd2026-08", "periodic", "--date", "2026-11-26", "--provisional")
    assert r.code == 0 and "下一次" not in r.out
    assert _yaml(sample / "tasks/xd2026/08.yaml")["deadlines"]["periodic"]["due"] == "2027-04-12"
    # the ledger as it stood before the report still shows the task late
    assert "xd2026-08" in {d["id"] for d in json.loads(cli("--data", sample, "due", "--date", DAY, "--json").out)}
    r = cli("--data", sample, "close", "xd2026-06", "--date", DAY)
    assert r.code == 1 and "牵头单位尚未报送完成情况（办理结果）" in r.err
    assert cli("--data", sample, "report", "xd2026-06", "result", "--date", DAY).code == 0
    assert cli("--data", sample, "close", "xd2026-06", "--date", DAY).code == 0
    r = cli("--data", sample, "reply", "xd2026-06")
    assert r.code == 2 and "不是企业诉求的编号" in r.err  # demands only


def test_a_units_responsibility_list_prints(cli, sample, tmp_path):
    r = cli("--data", sample, "task", "list", "--unit", "工信局", "--year", "2026", "--date", DAY,
            "--out", tmp_path / "责任清单.xlsx")
    assert r.code == 0 and r.out == f"已生成责任清单：{tmp_path / '责任清单.xlsx'}（1 项）\n"
    ws = openpyxl.load_workbook(tmp_path / "责任清单.xlsx")["责任清单"]
    assert ws["A1"].value == "北岚市工业和信息化局2026年度优化营商环境工作任务责任清单"
    assert [c.value for c in ws[3]] == ["序号", "编号", "工作任务", "本单位", "牵头单位", "配合单位", "完成时限",
                                        "下一项报送", "截止日期", "状态", "提醒"]
    assert (ws["B4"].value, ws["D4"].value) == ("xd2026-07", "牵头")
    assert ws.page_setup.paperSize == 9 and ws.print_title_rows == "$1:$3"
    r = cli("--data", sample, "task", "list", "--unit", "市财政局", "--json", "--date", DAY)
    # the service month's activities too: 市财政局 organised the fourth and helped with the second
    assert {t["id"]: t["part"] for t in json.loads(r.out)} == {"fwy2026-02": "co", "fwy2026-04": "lead", "xd2026-04": "co",
                                                              "xd2026-06": "lead", "xd2026-10": "co"}
    r = cli("--data", sample, "task", "list", "--out", tmp_path / "x.docx", "--date", DAY)
    assert r.code == 2 and "--out 的文件名应以 .xlsx 结尾" in r.err


def test_check_validates_task_and_topic_files(cli, sample):
    p = sample / "tasks/xd2026/05.yaml"
    p.write_text(p.read_text(encoding="utf-8").replace("lead_unit: zrzyj", "lead_unit: nobody"), encoding="utf-8")
    lead_line = next(i for i, x in enumerate(p.read_text(encoding="utf-8").splitlines(), 1) if x.startswith("lead_unit:"))
    (sample / "tasks/xd2026/12.yaml").write_text((sample / "tasks/xd2026/03.yaml").read_text(encoding="utf-8"),
                                                  encoding="utf-8")
    t = sample / "topics/2026/zt261105-k7m2x.yaml"
    t.write_text(t.read_text(encoding="utf-8").replace("261102-74exp", "261102-zzzzz"), encoding="utf-8")
    (sample / "tasks/stray.yaml").write_text("x: 1\n", encoding="utf-8")
    r = cli("--data", sample, "check", "--date", DAY)
    assert r.code == 1
    lines = [line for line in r.out.splitlines() if "警告" not in line]
    assert lines == [
        "tasks/stray.yaml:1: [layout] 文件位置不对：诉求、场次、营商办记录、专题调研、领导走访、重大项目和评议文件应放在按年份"
        "命名的子目录中（如 cases/2026/），工作任务放在 tasks/<方案编号>/<序号>.yaml，专项活动放在 campaigns/<活动编号>.yaml",
        f"tasks/xd2026/05.yaml:{lead_line}: [items] 承办单位 'nobody' 不在 units.yaml 中",
        "tasks/xd2026/12.yaml:1: [items] 任务编号 'xd2026-03'、序号 3 与文件名 12.yaml 不符（应为 xd2026-03，文件 03.yaml）",
        "topics/2026/zt261105-k7m2x.yaml:11: [items] 关联诉求 '261102-zzzzz' 不存在（cases/ 中没有）",
    ]


# --- research topics -----------------------------------------------------------------------------

def test_a_topic_from_a_common_problem_group_closes_with_its_policy_outcome(cli, sample):
    r = cli("--data", sample, "topic", "new", "--group", "1", "--title", "科技奖补兑现慢问题专题调研", "--lead", "科技局",
            "--co", "市财政局", "--due", "2027-01-29", "--date", DAY, "--by", "张敏")
    assert r.code == 0, r
    tid = r.out.split()[1].split("：")[0]
    topic = _yaml(sample / f"topics/2026/{tid}.yaml")
    assert topic["cases"] == ["250304-e2pzz", "261028-rkg0d"]  # group 1 of the weekly ledger of that day
    assert topic["group"].startswith("第1组（2026-11-21）")
    assert topic["deadlines"]["result"] == {"due": "2027-01-29", "basis": "2026-11-21", "rule": "fixed", "provisional": False}
    assert f"专题调研：{tid} 科技奖补兑现慢问题专题调研" in cli("--data", sample, "show", "261028-rkg0d", "--date", DAY).out
    r = cli("--data", sample, "topic", "close", tid, "--outcome", "《北岚市科技创新奖补资金兑现办法》", "--issued", "2026-12-20",
            "--date", "2026-12-22")
    assert r.code == 0 and r.out == f"已结题：{tid}（制度性成果：《北岚市科技创新奖补资金兑现办法》）\n"
    topic = _yaml(sample / f"topics/2026/{tid}.yaml")
    assert topic["policy_outcome"] == {"document": "《北岚市科技创新奖补资金兑现办法》", "date": "2026-12-20"}
    assert [e["kind"] for e in topic["events"]] == ["note", "result", "close"]
    again = cli("--data", sample, "topic", "close", tid, "--outcome", "x", "--issued", "2026-12-20", "--date", "2026-12-23")
    assert again.code == 2 and "已结题" in again.err
    listed = json.loads(cli("--data", sample, "topic", "list", "--json", "--date", "2026-12-22").out)
    assert {t["id"]: t["status"] for t in listed}[tid] == "closed"
    r = cli("--data", sample, "topic", "new", "--group", "99", "--title", "x", "--lead", "gxj", "--date", DAY)
    assert r.code == 2 and "没有第 99 组" in r.err


# --- graded supervision --------------------------------------------------------------------------

def test_chase_applies_the_ladder_and_never_records_a_level_twice(cli, sample, tmp_path):
    r = cli("--data", sample, "chase", "--date", DAY, "--out", tmp_path / "a")
    assert r.code == 0
    assert "预警提醒：" in r.out and "督办清单：" in r.out
    warn = docx_text(next((tmp_path / "a").glob("预警提醒-*.docx")))
    assert warn.startswith("预警提醒\n\n") and "将于2个工作日内到期" in warn
    case = _yaml(sample / "cases/2026/261116-x072y.yaml")  # a complaint whose acknowledgement is late
    [ev] = [e for e in case["events"] if e["kind"] == "chase" and e["unit"] == "zjj"]
    assert (ev["level"], ev["of"], ev["owed"], ev["unit"]) == ("chase", "acknowledge", "2026-11-17", "zjj")
    before = {p: p.read_text(encoding="utf-8") for p in sample.rglob("*.yaml")}
    r = cli("--data", sample, "chase", "--date", DAY, "--out", tmp_path / "b")
    assert r.code == 0 and "没有新的记录" in r.err
    assert {p: p.read_text(encoding="utf-8") for p in sample.rglob("*.yaml")} == before
    # the office's duty to chase is met once each level is recorded
    office = json.loads(cli("--data", sample, "due", "--office", "--date", DAY, "--json").out)
    assert not [o for o in office if o["kind"] == "chase" and o["overdue_workdays"] > 0]


def test_named_supervision_is_a_persons_decision_with_leader_and_reason(cli, sample, tmp_path):
    r = cli("--data", sample, "supervise", "261116-x072y", "--named", "--leader", "副市长钱志远", "--date", DAY)
    assert r.code == 2 and "须用 --reason 写明理由" in r.err
    r = cli("--data", sample, "supervise", "261116-x072y")
    assert r.code == 2 and "人工只能挂牌督办" in r.err
    r = cli("--data", sample, "supervise", "261116-x072y", "--named", "--leader", "副市长钱志远",
            "--reason", "冬季供热关系民生", "--date", DAY, "--out", tmp_path)
    assert r.code == 0
    notice = docx_text(tmp_path / f"挂牌督办通知-261116-x072y-{DAY}.docx")
    assert notice.startswith("挂牌督办通知\n\n市住房和城乡建设局：\n")
    assert "经副市长钱志远同意，对“供热管网施工许可反复退回”（261116-x072y）实行挂牌督办。理由：冬季供热关系民生。" in notice
    ev = _yaml(sample / "cases/2026/261116-x072y.yaml")["events"][-1]
    assert (ev["kind"], ev["level"], ev["leader"], ev["note"]) == ("supervise", "named", "副市长钱志远", "冬季供热关系民生")
    r = cli("--data", sample, "supervise", "261116-x072y", "--named", "--leader", "x", "--reason", "y", "--date", DAY)
    assert r.code == 2 and "已挂牌督办（副市长钱志远）" in r.err
    assert cli("--data", sample, "weekly", "--date", DAY, "--out", tmp_path / "w").code == 0
    ws = openpyxl.load_workbook(next((tmp_path / "w").glob("*.xlsx")))["诉求台账"]
    assert {r[0].value: r[17].value for r in ws.iter_rows(min_row=4)}["261116-x072y"] == "挂牌督办"
    md = cli("--data", sample, "supervise", "xd2026-06", "--named", "--leader", "市长", "--reason", "<b>|x",
             "--format", "md", "--date", DAY, "--out", tmp_path)
    text = (tmp_path / f"挂牌督办通知-xd2026-06-{DAY}.md").read_text(encoding="utf-8")
    assert md.code == 0 and "<b>" not in text and "理由：＜b＞｜x。" in text


# --- channel rules -------------------------------------------------------------------------------

def test_a_complaint_follows_its_channels_rules(cli, sample):
    r = cli("--data", sample, "screen", "261120-kbkvj", "--date", DAY)
    assert r.out.splitlines()[0] == ("261120-kbkvj 物流园区货车限行调整未公告 受理：投诉中心的诉求按渠道规则办理，"
                                     "不适用接待日受理审查（§三），登记即受理")
    r = cli("--data", sample, "receive", "261120-kbkvj", "--outcome", "交办", "--lead", "交通运输局", "--date", "2026-11-23")
    assert r.code == 0 and r.out.splitlines()[1:] == ["  签收反馈：2026年11月24日（星期二）前（1个工作日）",
                                                      "  办理结果：2026年12月14日（星期一）前（15个工作日）"]
    assert cli("--data", sample, "report", "261120-kbkvj", "签收反馈", "--date", "2026-11-24").code == 0
    due = json.loads(cli("--data", sample, "due", "--date", "2026-11-25", "--json").out)
    assert [d["kind"] for d in due if d["id"] == "261120-kbkvj"] == []  # acknowledged; the result is not due yet
    stats = json.loads(cli("--data", sample, "stats", "--from", "2026-01-01", "--to", DAY, "--json").out)
    cc = stats["by_channel"]["complaint_centre"]
    assert (cc["registered"], cc["finished"]) == (4, 1)
    assert cli("--data", sample, "check", "--date", "2026-11-25").code == 0


def test_settings_name_only_known_channels_and_deadline_kinds(cli, sample):
    p = sample / "anshang.yaml"
    p.write_text(p.read_text(encoding="utf-8").replace("  hotline:", "  phone_line:").replace(
        "      acknowledge:\n        rule: workdays\n        n: 1\n      result:\n        rule: workdays\n        n: 10",
        "      ack:\n        rule: workdays\n        n: 1"), encoding="utf-8")
    r = cli("--data", sample, "check")
    assert r.code == 1
    assert "channels 中的渠道 'phone_line' 不存在" in r.out
    assert "channels.phone_line.obligations 中的 'ack' 不是期限种类" in r.out
    assert "channels.phone_line.obligations 须含 result（办理结果）" in r.out


# --- the calendar ---------------------------------------------------------------------------------

def test_calendar_recalc_covers_tasks(cli, sample):
    (sample / "calendar/2027.yaml").write_text(
        "year: 2027\nsource: 国务院办公厅关于2027年部分节假日安排的通知（测试用）\n"
        "holidays:\n  - name: 元旦\n    from: 2027-01-01\n    to: 2027-01-03\n"
        "  - name: 测试假日\n    from: 2027-01-11\n    to: 2027-01-12\n", encoding="utf-8")
    r = cli("--data", sample, "calendar", "recalc")
    assert r.code == 0 and "tasks/xd2026/09.yaml" in r.out
    d = _yaml(sample / "tasks/xd2026/09.yaml")["deadlines"]["periodic"]
    assert (d["due"], d["provisional"]) == ("2027-01-13", False)


# --- found in review: nothing half-written, nothing recorded twice, nothing lost on re-import -------

def test_a_list_whose_deadline_needs_an_unknown_year_writes_nothing(cli, unplanned, tmp_path):
    sample = unplanned
    rows = [(1, "甲任务", "市财政局", "", "2026年12月31日前"), (2, "乙任务", "市发改委", "", "30个工作日内")]
    book = build_plan_book(tmp_path / "晚.xlsx", rows=rows)
    r = cli("--data", sample, "task", "import", book, "--plan", "late", "--issued", "2026-11-20")
    assert r.code == 2
    assert "晚.xlsx:责任清单!E5: [plan] 时限“30个工作日内”的截止日期无法计算：2027 年的节假日安排尚未加入日历" in r.err
    assert not (sample / "tasks/late").exists()  # not even the plan
    assert cli("--data", sample, "task", "import", book, "--plan", "late", "--issued", "2026-11-20",
               "--provisional").code == 0
    assert _yaml(sample / "tasks/late/02.yaml")["deadlines"]["result"]["provisional"] is True


def test_a_reworded_limit_keeps_the_deadline_its_extension_and_reports(cli, sample, tmp_path):
    assert cli("--data", sample, "extend", "xd2026-01", "--to", "2027-01-29", "--reason", "跨部门系统对接",
               "--date", "2026-11-20").code == 0
    rows = [(n, t, lead, co, {1: "2026年12月底前", 9: "持续推进"}.get(n, limit)) for n, t, lead, co, limit in ROWS]
    rows[0] = (1, ROWS[0][1], "市政务服务局", ROWS[0][3], "2026年12月底前")
    rows[1] = (2, ROWS[1][1], "市政务服务局", ROWS[1][3], ROWS[1][4])
    r = cli("--data", sample, "task", "import", build_plan_book(tmp_path / "改.xlsx", rows=rows), "--plan", "xd2026",
            "--date", "2026-11-21")
    assert r.code == 0 and "更新 2 项" in r.out
    one = _yaml(sample / "tasks/xd2026/01.yaml")
    assert (one["deadlines"]["result"]["due"], one["deadlines"]["result"]["extended_from"]) == ("2027-01-29", "2026-12-31")
    assert one["events"][-1]["note"] == "按重新导入的清单，完成时限写作“2026年12月底前”（截止日期不变）"
    assert _yaml(sample / "tasks/xd2026/09.yaml")["deadlines"]["periodic"]["due"] == "2027-01-11"  # the chain goes on
    # the day before the extension the fixed date stood as the list named it
    assert "办理结果 牵头 市政务服务和数据管理局 2026-12-31" in cli("--data", sample, "show", "xd2026-01", "--date",
                                                                    "2026-11-19").out


def test_a_reimport_keeps_units_a_reassignment_changed(cli, sample):
    assert cli("--data", sample, "reassign", "xd2026-02", "--lead", "市公安局", "--reason", "职责调整",
               "--date", "2026-11-20").code == 0
    book = REPO / "tests/fixtures/责任清单-2026.xlsx"
    for _ in range(2):
        r = cli("--data", sample, "task", "import", book, "--plan", "xd2026", "--date", "2026-11-21")
        assert r.code == 0 and "已调整过承办单位、保留调整后单位的任务：xd2026-02" in r.out
    t = _yaml(sample / "tasks/xd2026/02.yaml")
    assert t["lead_unit"] == "gaj"
    assert [e["note"] for e in t["events"]].count("清单中的责任单位与调整后的不同，保留调整后的单位（anshang reassign 可再调整）") == 1


def test_another_list_or_another_issue_date_is_refused_for_a_plan(cli, sample, tmp_path):
    wb = openpyxl.Workbook()
    wb.active.append(["另一份清单"])
    wb.active.append(["序号", "工作任务", "牵头单位", "完成时限"])
    wb.active.append([1, "甲", "市财政局", "2026年12月底前"])
    wb.save(tmp_path / "另.xlsx")
    r = cli("--data", sample, "task", "import", tmp_path / "另.xlsx", "--plan", "xd2026")
    assert r.code == 2 and "另.xlsx 的标题“另一份清单”与方案 xd2026 的" in r.err
    r = cli("--data", sample, "task", "import", REPO / "tests/fixtures/责任清单-2026.xlsx", "--plan", "xd2026",
            "--issued", "2026-04-01")
    assert r.code == 2 and "方案 xd2026 的印发日期是 2026-03-02" in r.err
    r = cli("--data", sample, "task", "import", REPO / "tests/fixtures/责任清单-2026.xlsx")  # rw2026 by default
    assert r.code == 2 and "已作为方案 xd2026" in r.err and "重新导入请写 --plan xd2026" in r.err
    assert not (sample / "tasks/rw2026").exists()


def test_rows_that_look_like_tasks_are_never_dropped(cli, sample, tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["序号", "工作任务", "牵头单位", "完成期限"])  # 完成期限: another common wording
    ws.append([1, "甲", "各区县人民政府", "2026年12月底前"])
    ws.append([None, "乙", None, "2026年12月底前"])
    ws.append([2, "丙", "市发改委牵头，市财政局配合", "2026年12月底前"])
    wb.save(tmp_path / "行.xlsx")
    r = cli("--data", sample, "task", "import", tmp_path / "行.xlsx", "--plan", "hang", "--year", "2026")
    assert r.code == 2
    assert "行.xlsx:Sheet!C2: [plan] 牵头单位写的是“各区县人民政府”：请写明一个牵头单位，各区县政府写在配合单位中" in r.err
    assert "行.xlsx:Sheet!A3: [plan] 序号“”不是数字" in r.err
    assert "C4" not in r.err  # 市发改委牵头，市财政局配合 is read


def test_a_back_dated_chase_records_no_level_twice(cli, sample):
    before = (sample / "tasks/xd2026/06.yaml").read_text(encoding="utf-8")
    for day in ("2026-03-25", "2026-03-31"):
        assert cli("--data", sample, "chase", "--date", day, "--out", sample / "output").code == 0
    assert (sample / "tasks/xd2026/06.yaml").read_text(encoding="utf-8") == before
    assert cli("--data", sample, "chase", "--date", "2026-12-30", "--no-warning", "--no-record").code == 0


def test_commands_for_demands_refuse_tasks_and_topics(cli, sample):
    for args in (["screen", "xd2026-02"], ["key", "xd2026-02"], ["withdraw", "zt261105", "--reason", "x"],
                 ["slip", "xd2026-03"], ["topic", "new", "xd2026-01", "--title", "x", "--lead", "gxj"]):
        r = cli("--data", sample, *args)
        assert r.code == 2 and "不是企业诉求的编号" in r.err, args


def test_a_topic_is_opened_once_and_shows_only_from_its_opening(cli, sample):
    r = cli("--data", sample, "topic", "new", "--group", "2", "--title", "拖欠账款", "--lead", "财政局", "--date", DAY)
    assert r.code == 2 and "已有专题调研 zt261105-k7m2x" in r.err
    r = cli("--data", sample, "topic", "new", "261030-s40q5", "屋顶分布式光伏", "--title", "屋顶光伏并网难", "--lead", "能源局",
            "--date", DAY)
    assert r.code == 0 and "关联诉求 2 件：261030-s40q5、261118-b75pf" in r.out
    assert "专题调研" not in cli("--data", sample, "show", "250307-6gztn", "--date", "2026-10-01").out
    assert "专题调研：zt261105-k7m2x" in cli("--data", sample, "show", "250307-6gztn", "--date", DAY).out


def test_reports_are_recorded_once_and_closing_says_who_owes(cli, sample):
    args = ("--data", sample, "report", "xd2026-06", "result", "--unit", "金融局", "--date", DAY)
    assert cli(*args).out.startswith("已记录 xd2026-06")
    again = cli(*args)
    assert again.code == 0 and again.out.startswith("已记录过 xd2026-06") and "不重复记录" in again.out
    r = cli("--data", sample, "close", "xd2026-06", "--date", DAY)
    assert r.code == 1 and "牵头单位尚未报送完成情况（办理结果）" in r.err and "配合单位" not in r.err
    assert cli("--data", sample, "check", "--date", DAY).code == 0


def test_stats_by_and_list_kinds_speak_chinese(cli, sample):
    r = cli("--data", sample, "stats", "--from", "2026-01-01", "--to", DAY, "--by", "渠道", "--date", DAY)
    assert r.code == 0 and "投诉中心\t4\t3\t1\t25.0%" in r.out
    r = cli("--data", sample, "list", "--kind", "专题调研", "--date", DAY)
    assert r.err == "共 2 项。\n" and "企业或来源" in r.out


def test_a_channel_rule_takes_only_counted_periods(cli, sample):
    p = sample / "anshang.yaml"
    p.write_text(p.read_text(encoding="utf-8").replace("        rule: workdays\n        n: 15",
                                                       "        rule: fixed\n        n: 15"), encoding="utf-8")
    r = cli("--data", sample, "check")
    assert r.code == 1 and "[schema]" in r.out and "'fixed'" in r.out


def test_the_office_owes_the_handover_of_a_complaint_within_a_working_day(cli, sample):
    def duty(day):
        entries = json.loads(cli("--data", sample, "today", "--date", day, "--json").out)["entries"]
        return [(e["due"], e["title"], e["command"]) for e in entries if e["kind"] == "handover" and "261120-kbkvj" in e["ids"]]

    assert duty(DAY) == [("2026-11-23", "受理并交办投诉中心的诉求：261120-kbkvj 北岚市清源环保科技有限公司：物流园区货车限行调整未公告",
                          "anshang screen 261120-kbkvj")]
    assert cli("--data", sample, "screen", "261120-kbkvj", "--date", "2026-11-23").code == 0
    assert duty("2026-11-23")[0][2] == "anshang receive 261120-kbkvj --outcome 交办 --lead 单位"
    assert cli("--data", sample, "receive", "261120-kbkvj", "--outcome", "交办", "--lead", "交通运输局",
               "--date", "2026-11-23").code == 0
    assert duty("2026-11-23") == []


# --- found in a second trial -----------------------------------------------------------------------

def test_named_items_leave_the_automatic_ladder_and_straight_supervision_says_so(cli, sample, tmp_path):
    assert cli("--data", sample, "supervise", "xd2026-06", "--named", "--leader", "韩立成", "--reason", "年度重点",
               "--date", DAY, "--out", tmp_path).code == 0
    assert "经市长韩立成同意" in docx_text(tmp_path / f"挂牌督办通知-xd2026-06-{DAY}.docx")  # a leader of leaders.yaml
    assert cli("--data", sample, "chase", "--date", DAY, "--out", tmp_path / "c", "--format", "md").code == 0
    texts = {p.name: p.read_text(encoding="utf-8") for p in (tmp_path / "c").glob("*.md")}
    assert not any("xd2026-06" in t for t in texts.values())
    warn = texts[f"预警提醒-市能源局-{DAY}.md"]
    assert warn.splitlines()[-4].endswith("| — |")  # not late: no count of late days
    assert "经催办" not in texts[f"督办清单-{DAY}.md"]
    seven = [e for e in _yaml(sample / "tasks/xd2026/07.yaml")["events"] if e.get("owed") == "2026-10-10"]  # 调休上班日
    assert [(e["level"], e["note"]) for e in seven if e["unit"] == "gxj"] == [
        ("chase", "定期报送逾期未报，随督办通知一并催办"), ("supervise", "定期报送超期，已发督办通知并列入督办清单")]


def test_a_years_list_has_what_runs_into_it_and_a_task_can_be_called_off(cli, sample, tmp_path):
    rows = json.loads(cli("--data", sample, "task", "list", "--unit", "住建局", "--year", "2026", "--json",
                          "--date", DAY).out)
    assert [r["id"] for r in rows] == ["xd2026-03"]  # due 2027-06-30: on the 2026 list too
    assert json.loads(cli("--data", sample, "task", "list", "--year", "2025", "--json", "--date", DAY).out) == []
    r = cli("--data", sample, "task", "list", "--plan", "nope")
    assert r.code == 2 and "没有编号为 'nope' 的行动方案（已有：fwy2026、xd2026）" in r.err
    r = cli("--data", sample, "close", "xd2026-06", "--cancelled", "--date", DAY)
    assert r.code == 2 and "须用 --note 写明原因" in r.err
    r = cli("--data", sample, "close", "xd2026-06", "--cancelled", "--note", "清单中已删去", "--date", DAY)
    assert r.code == 0 and r.out == "已撤销：xd2026-06\n"
    assert "xd2026-06" not in {d["id"] for d in json.loads(cli("--data", sample, "due", "--date", DAY, "--json").out)}
    r = cli("--data", sample, "close", "260909-qy48j", "--cancelled", "--note", "x")
    assert r.code == 2 and "诉求不能撤销" in r.err


def test_a_list_without_a_title_row_is_named_by_its_plan(cli, sample, tmp_path):
    wb = openpyxl.Workbook()
    wb.active.append(["序号", "工作任务", "牵头单位", "完成时限"])
    wb.active.append([1, "甲", "市财政局", "2026年12月底前"])
    wb.save(tmp_path / "无题.xlsx")
    r = cli("--data", sample, "task", "import", tmp_path / "无题.xlsx", "--plan", "wt", "--year", "2026", "--issued", "2026-03-01")
    assert r.code == 0 and r.out.startswith("已导入 wt 行动方案（方案编号 wt）")


def test_a_topics_outcome_follows_its_opening_and_a_complaints_slip_states_its_rule(cli, sample, tmp_path):
    r = cli("--data", sample, "topic", "close", "zt261105", "--outcome", "《x》", "--issued", "2026-01-01", "--date", DAY)
    assert r.code == 2 and "早于立项日期 2026-11-05" in r.err
    assert cli("--data", sample, "slip", "261105-pbs8c", "--out", tmp_path / "单.xlsx").code == 0
    cells = [str(c.value) for row in openpyxl.load_workbook(tmp_path / "单.xlsx").active.iter_rows() for c in row if c.value]
    said = next(c for c in cells if c.startswith("请于"))
    assert said.startswith("请于2026年11月6日前（1个工作日内）报送签收反馈，2026年11月26日前（15个工作日内）报送办理结果。")
    assert "十日一报" not in said


def test_fmt_puts_task_topic_visit_and_record_files_in_order(cli, sample):
    p = sample / "tasks/xd2026/03.yaml"
    p.write_text(p.read_text(encoding="utf-8").replace("plan: xd2026\nnumber: 3", "number: 3\nplan: xd2026"),
                 encoding="utf-8")
    r = cli("--data", sample, "fmt", "--check")
    assert r.code == 1 and r.out == "需要格式化：tasks/xd2026/03.yaml\n"
    assert cli("--data", sample, "fmt").code == 0
    assert p.read_text(encoding="utf-8").startswith("id: xd2026-03\nplan: xd2026\nnumber: 3\n")
    assert cli("--data", sample, "fmt", "--check").code == 0


# --- leaders' visits (issue 19, part) -----------------------------------------------------------------

def test_a_leaders_visits_are_recorded_linked_and_counted_against_the_target(cli, sample):
    r = cli("--data", sample, "visit", "add", "--leader", "李慧敏", "--date", "2026-11-18", "--enterprise", "宏达氯碱",
            "--with", "生态环境局", "--note", "了解尾气治理进展", "--by", "张敏")
    assert r.code == 0 and r.out.startswith("已记录领导走访 zf261118-") and "副市长李慧敏 走访 北岚市宏达氯碱化工有限公司" in r.out
    vid = r.out.split()[1].split("：")[0]
    r = cli("--data", sample, "register", "--visit", vid, "--title", "尾气治理设施改造资金补助", "--field", "生态环境",
            "--facts", "企业投入800万元改造尾气治理设施", "--reasons", "符合环保专项资金支持范围",
            "--request", "请协调申报省级环保专项资金", "--contact", "张三", "--phone", "13800000000")
    assert r.code == 0, r
    cid = r.out.split()[1].split("：")[0]
    case = _yaml(sample / f"cases/2026/{cid}.yaml")
    assert (case["channel"], case["visit"], case["registered"]) == ("leader_visit", vid, "2026-11-18")
    listed = json.loads(cli("--data", sample, "visit", "list", "--date", DAY, "--json").out)
    assert [v["cases"] for v in listed["visits"] if v["id"] == vid] == [[cid]]
    assert listed["by_leader"]["vm-li"] == {"visits": 1, "enterprises": 1, "target": 4, "met": False}
    assert listed["by_leader"]["mayor"] == {"visits": 2, "enterprises": 2, "target": 4, "met": False}
    stats = json.loads(cli("--data", sample, "stats", "--date", DAY, "--json").out)
    assert stats["visits"]["vm-li"]["visits"] == 1
    period = json.loads(cli("--data", sample, "stats", "--from", "2026-01-01", "--to", DAY, "--json").out)
    assert period["visits"]["mayor"]["visits"] == 2
    shown = cli("--data", sample, "roster", "show", "宏达氯碱", "--date", DAY).out
    assert f"{cid}" in shown and f"（走访 {vid} 中提出）" in shown and f"{vid}  2026-11-18  副市长李慧敏  了解尾气治理进展" in shown
    assert "领导走访：1 次" in shown
    # the ledger as it stood before the visit knows nothing of it
    assert json.loads(cli("--data", sample, "visit", "list", "--date", "2026-11-17", "--json").out)["by_leader"][
        "vm-li"]["visits"] == 0
    assert cli("--data", sample, "check", "--date", DAY).code == 0


def test_visits_are_checked_and_bad_leaders_refused(cli, sample):
    r = cli("--data", sample, "visit", "add", "--leader", "书记", "--date", DAY, "--enterprise", "宏达氯碱")
    assert r.code == 2 and "--leader '书记' 不在 leaders.yaml 中" in r.err
    v = next(sample.glob("visits/2026/*.yaml"))
    v.write_text(v.read_text(encoding="utf-8").replace("leader: ", "leader: x"), encoding="utf-8")
    r = cli("--data", sample, "check", "--date", DAY)
    assert r.code == 1 and "[items] 走访领导 'x" in r.out


def test_visits_found_by_their_files_and_dated_before_their_demands(cli, sample):
    r = cli("--data", sample, "visit", "add", "--leader", "韩立成", "--date", "1999-05-01", "--enterprise", "佳美")
    assert r.code == 0
    vid = r.out.split()[1].split("：")[0]
    assert (sample / f"visits/1999/{vid}.yaml").is_file()
    args = ["--title", "测试", "--field", "交通运输与物流", "--facts", "事实", "--reasons", "理由", "--request", "诉求",
            "--contact", "张三", "--phone", "13800000000"]
    r = cli("--data", sample, "register", "--visit", "zf261030", *args, "--date", "2026-10-01")
    assert r.code == 2 and "早于走访 zf261030-wz258 的日期 2026-10-30" in r.err
    case = next(p for p in sample.glob("cases/2026/*.yaml") if "visit: zf261030" in p.read_text(encoding="utf-8"))
    case.write_text(case.read_text(encoding="utf-8").replace("registered: 2026-10-30", "registered: 2026-10-29"),
                    encoding="utf-8")
    r = cli("--data", sample, "check", "--date", DAY)
    assert r.code == 1 and "早于所关联的走访 zf261030-wz258（2026-10-30）" in r.out
    assert cli("--data", sample, "stats", "--year", "10000", "--date", DAY).code == 0  # empty figures, no traceback
