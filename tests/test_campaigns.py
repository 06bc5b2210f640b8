"""The programme's other tracked work II (issue 19): major projects (一企一表、一月一报、一季一审),
service-month campaigns (activities as tasks, open days, the written summary), enterprises'
evaluations of departments in the unit ranking, and the enterprise's whole story — pure functions on
plain data first, then every command on a copy of the sample ledger."""

from __future__ import annotations

import datetime as dt
import json
import re
import sys

import openpyxl
import pytest
from conftest import REPO, docx_text

from anshang.core import campaigns, evaluations, lifecycle, projects
from anshang.core import tasks as core_tasks
from anshang.core.calendar import Calendar, package_arrangements
from anshang.core.deadlines import Rule
from anshang.store import yamlfile as yamlio

sys.path.insert(0, str(REPO / "tools"))
from sample_campaign import build_campaign_book, build_evaluation_book  # noqa: E402

D = dt.date
DAY = "2026-11-21"
CAL = Calendar(package_arrangements(), allow_provisional=True)  # 2027 is not on the packaged calendar yet


def _yaml(path):
    return yamlio.strip_lines(yamlio.loads(path.read_text(encoding="utf-8")))


# --- pure ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, day", [
    ("6月上旬", D(2026, 6, 10)), ("6月中旬", D(2026, 6, 20)), ("6月下旬", D(2026, 6, 30)),
    ("6月上、中旬", D(2026, 6, 20)), ("7月中下旬", D(2026, 7, 31)), ("2027年2月下旬前", D(2027, 2, 28)),
])
def test_a_limit_in_xun_ends_with_the_last_xun_named(text, day):
    assert core_tasks.parse_limit(text, 2026) == core_tasks.Limit(Rule("fixed", on=day))


def test_a_limit_in_xun_of_a_month_that_does_not_exist_is_refused():
    with pytest.raises(ValueError, match="月份不对"):
        core_tasks.parse_limit("13月上旬", 2026)


class _Policy:
    project_report_day, project_review_day = 5, 15


def test_a_project_owes_a_monthly_report_and_a_quarterly_review_from_the_day_it_is_added():
    dls = projects.deadlines(_Policy, CAL, D(2026, 9, 28))
    assert (dls["periodic"]["rule"], dls["periodic"]["n"]) == ("monthly", 5)
    # 5 October is in the National Day holiday: the report rolls to the first working day after it
    assert dls["periodic"]["due"] == D(2026, 10, 8)
    assert dls["review"]["due"] == D(2026, 10, 15)


def _project(**more):
    base = {"id": "xm260302-aaaaa", "title": "新材料项目", "enterprise": "X", "stage": "building", "lead_unit": "lsq",
            "co_units": ["fgw"], "leader": "mayor", "assigned": D(2026, 3, 2), "ongoing": True,
            "deadlines": {"periodic": Rule("monthly", 5).record(CAL, D(2026, 10, 9)),
                          "review": Rule("quarterly", 15).record(CAL, D(2026, 10, 15))}}
    return {**base, **more}


def test_a_project_owes_both_duties_from_its_lead_and_its_co_units_and_none_once_closed():
    p = _project()
    owed = {(o.kind, o.unit, o.due) for o in lifecycle.open_obligations(p)}
    assert owed == {("periodic", "lsq", D(2026, 11, 5)), ("periodic", "fgw", D(2026, 11, 5)),
                    ("review", "lsq", D(2027, 1, 15)), ("review", "fgw", D(2027, 1, 15))}
    assert lifecycle.status(p, D(2026, 11, 6)) == "overdue"
    closed = _project(events=[{"date": D(2026, 11, 1), "kind": "close"}])
    assert lifecycle.open_obligations(closed) == [] and lifecycle.status(closed, D(2026, 12, 1)) == "closed"


def test_project_figures_count_reports_reviews_stages_and_production_in_the_span():
    events = [{"date": D(2026, 3, 2), "kind": "stage", "stage": "building"},
              {"date": D(2026, 10, 4), "kind": "periodic", "unit": "lsq"},
              {"date": D(2026, 10, 14), "kind": "review", "unit": "lsq"},
              {"date": D(2026, 11, 2), "kind": "stage", "stage": "producing"},
              {"date": D(2026, 11, 2), "kind": "close"}]
    p = _project(stage="producing", events=events)
    f = projects.figures({p["id"]: p, "xm260401-bbbbb": _project(id="xm260401-bbbbb", assigned=D(2027, 1, 1))},
                         D(2026, 10, 1), D(2026, 12, 31))
    assert f == {"tracked": 1, "open": 0, "by_stage": {**dict.fromkeys(projects.PROJECT_STAGES, 0), "producing": 1},
                 "reports": 1, "reviews": 1, "overdue": 0, "produced": 1}
    assert [h["stage"] for h in projects.stage_history(p)] == ["building", "producing"]


def test_a_demand_belongs_to_a_campaign_when_registered_while_it_ran_through_one_of_its_channels():
    camp = {"id": "fwy", "start": D(2026, 6, 1), "end": D(2026, 6, 30)}
    cases = {"a": {"registered": D(2026, 6, 1), "channel": "service_month"},
             "b": {"registered": D(2026, 6, 30), "channel": "open_day"},
             "c": {"registered": D(2026, 7, 1), "channel": "service_month"},
             "d": {"registered": D(2026, 6, 15), "channel": "hotline"},
             "e": {"registered": D(2026, 6, 15)}}
    assert sorted(campaigns.cases_of(camp, cases)) == ["a", "b"]
    assert sorted(campaigns.cases_of({**camp, "channels": ["hotline"]}, cases)) == ["d"]


def test_default_phases_launch_run_and_sum_up_a_campaign():
    phases = campaigns.default_phases(D(2026, 6, 1), D(2026, 6, 30))
    assert [(p["name"], p["start"], p["end"]) for p in phases] == [
        ("启动阶段", D(2026, 6, 1), D(2026, 6, 5)), ("实施阶段", D(2026, 6, 6), D(2026, 6, 23)),
        ("总结阶段", D(2026, 6, 24), D(2026, 6, 30))]
    assert [p["name"] for p in campaigns.default_phases(D(2026, 6, 1), D(2026, 6, 14))] == ["实施阶段"]
    assert campaigns.phase_on({"phases": phases}, D(2026, 6, 24)) == "总结阶段"


def test_a_campaign_file_that_contradicts_itself_is_reported():
    found = campaigns.problems({"start": D(2026, 6, 1), "end": D(2026, 5, 1), "summary_due": D(2026, 4, 1),
                                "phases": [{"name": "启动阶段", "start": D(2026, 6, 3), "end": D(2026, 6, 2)}],
                                "activities": [{"number": 1}, {"number": 1}]})
    assert [k for k, _ in found] == ["end", "phases[0]", "summary_due", "activities"]


def test_evaluation_scores_average_per_unit_within_the_span_or_the_campaign():
    evs = {"a": {"date": D(2026, 6, 20), "campaign": "fwy", "scores": [{"unit": "u1", "score": 90}, {"unit": "u1", "score": 85},
                                                                      {"unit": "u2", "score": 70}]},
           "b": {"date": D(2026, 9, 1), "scores": [{"unit": "u1", "score": 60}]}}
    assert evaluations.unit_scores(evs, D(2026, 1, 1), D(2026, 12, 31)) == {
        "u1": {"count": 3, "score": 78.3}, "u2": {"count": 1, "score": 70.0}}
    assert evaluations.unit_scores(evs, D(2026, 1, 1), D(2026, 12, 31), campaign="fwy")["u1"] == {"count": 2, "score": 87.5}
    assert evaluations.unit_scores(evs, D(2026, 7, 1), D(2026, 12, 31)) == {"u1": {"count": 1, "score": 60.0}}


def test_the_weighted_score_leaves_out_a_rate_without_a_base_and_scales_the_other_weights():
    w = {"on_time_rate": 30, "closure_rate": 30, "satisfaction_rate": 20, "evaluation_rate": 20}
    full = {"on_time_rate": 1.0, "closure_rate": 0.5, "satisfaction_rate": 0.5, "evaluation_rate": 0.9}
    assert evaluations.composite(full, w) == 73.0  # 30 + 15 + 10 + 18
    assert evaluations.composite({**full, "satisfaction_rate": None}, w) == 78.8  # (30 + 15 + 18) / 80
    assert evaluations.composite({}, w) is None


# --- major projects on the command line ------------------------------------------------------------

def test_project_add_writes_the_file_and_the_first_duties(cli, sample):
    r = cli("--data", sample, "project", "add", "--enterprise", "精测仪器", "--name", "高端传感器产业化项目", "--stage", "签约",
            "--lead", "高新区", "--co", "科技局", "--leader", "李慧敏", "--owner", "周明", "--investment", "5亿元",
            "--date", "2026-11-20", "--by", "王敏")
    # its first quarterly review falls in 2027, whose holidays are not on the calendar: refused unless allowed
    assert r.code == 2 and "2027 年的节假日安排尚未加入日历" in r.err and not list((sample / "projects/2026").glob("*.yaml"))[2:]
    r = cli("--data", sample, "project", "add", "--enterprise", "精测仪器", "--name", "高端传感器产业化项目", "--stage", "签约",
            "--lead", "高新区", "--co", "科技局", "--leader", "李慧敏", "--owner", "周明", "--investment", "5亿元",
            "--date", "2026-11-20", "--by", "王敏", "--provisional")
    assert r.code == 0, r
    pid = re.search(r"xm\d{6}-[0-9a-z]{5}", r.out).group(0)
    assert r.out.splitlines()[0] == f"已纳入重大项目跟踪 {pid}：高端传感器产业化项目（北岚市精测仪器仪表有限公司，签约）"
    assert r.out.splitlines()[1:] == ["  第一次月度报送：2026年12月7日（星期一）前（每月5日（休息日顺延））",
                                      "  第一次季度审核：2027年1月15日（星期五）前（每季度首月15日（休息日顺延））（暂定）"]
    data = _yaml(sample / f"projects/2026/{pid}.yaml")
    assert (data["title"], data["stage"], data["lead_unit"], data["co_units"], data["leader"], data["owner"]) == (
        "高端传感器产业化项目", "signed", "gxq", ["kjj"], "vm-li", "周明")
    assert data["events"] == [{"date": "2026-11-20", "kind": "stage", "by": "王敏", "stage": "signed", "note": "纳入重大项目跟踪服务"}]
    assert data["deadlines"]["review"]["provisional"] is True
    again = cli("--data", sample, "project", "add", "--enterprise", "精测仪器", "--name", "高端传感器产业化项目", "--stage", "签约",
                "--lead", "高新区", "--leader", "李慧敏", "--date", "2026-11-21", "--provisional")
    assert again.code == 2 and "不重复添加" in again.err
    bad = cli("--data", sample, "project", "add", "--enterprise", "精测仪器", "--name", "新项目", "--stage", "投产了",
              "--lead", "高新区", "--leader", "李慧敏")
    assert bad.code == 2 and "--stage" in bad.err


def test_monthly_reports_and_reviews_set_the_next_due_date(cli, sample):
    d = ["--data", sample]
    # the October report came late: it meets October's duty, and November's (due the 5th) is still owed
    r = cli(*d, "project", "report", "风光储", "--date", "2026-11-23", "--note", "用地预审已通过", "--by", "王敏")
    assert r.code == 0, r
    assert r.out == ("已记录 xm260520-h3ve9：月度报送（市能源局）\n"
                     "  下一次月度报送：2026年11月5日（星期四）前（每月5日（休息日顺延））\n")
    r = cli(*d, "project", "report", "xm260520", "--date", "2026-11-24")
    assert r.out.endswith("下一次月度报送：2026年12月7日（星期一）前（每月5日（休息日顺延））\n")
    # a report made early is still its own month's: the next is January's (2027: provisional)
    assert cli(*d, "project", "report", "xm260520", "--date", "2026-11-30").code == 2
    r = cli(*d, "project", "report", "xm260520", "--date", "2026-11-30", "--provisional")
    assert r.out.endswith("下一次月度报送：2027年1月5日（星期二）前（每月5日（休息日顺延））（暂定）\n")
    # and a second report for December moves nothing: January is not skipped
    r = cli(*d, "project", "report", "xm260520", "--date", "2026-12-01", "--provisional")
    assert r.code == 0 and "下一次" not in r.out
    assert _yaml(sample / "projects/2026/xm260520-h3ve9.yaml")["deadlines"]["periodic"]["due"] == "2027-01-05"
    r = cli(*d, "project", "review", "xm260520", "--conclusion", "进度滞后", "--date", "2026-11-24", "--note", "环评未批",
            "--provisional")
    assert r.code == 0 and "下一次季度审核：2027年4月15日（星期四）前（每季度首月15日（休息日顺延））（暂定）" in r.out
    ev = _yaml(sample / "projects/2026/xm260520-h3ve9.yaml")["events"][-1]
    assert (ev["kind"], ev["conclusion"], ev["unit"], ev["note"]) == ("review", "behind", "nyj", "环评未批")
    again = cli(*d, "project", "review", "xm260520", "--conclusion", "进度滞后", "--date", "2026-11-24", "--provisional")
    assert again.out.startswith("已记录过")
    assert cli(*d, "project", "review", "xm260520", "--conclusion", "很好").code == 2
    assert cli(*d, "report", "261120-4eb3q", "季度审核").code == 2  # a demand has no quarterly review


def test_a_project_reaching_full_production_ends_its_tracking(cli, sample):
    d = ["--data", sample]
    r = cli(*d, "project", "stage", "新型装饰材料", "全面投产", "--date", "2026-11-23", "--note", "达产")
    assert r.code == 0 and r.out == "已记录 xm260302-7dq4k：试生产 → 全面投产，项目结束跟踪服务\n"
    r = cli(*d, "project", "list", "--date", "2026-11-23")
    assert "xm260302-7dq4k" in r.out and "状态：已结束跟踪" in r.out
    assert cli(*d, "project", "stage", "xm260302", "终止", "--date", "2026-11-24").code == 2
    # the day before, it was still in trial production, and it owed its December report
    r = cli(*d, "project", "list", "--date", "2026-11-22", "--json")
    row = next(x for x in json.loads(r.out) if x["id"] == "xm260302-7dq4k")
    assert (row["stage"], row["status"], row["next_due"]) == ("trial", "ongoing", "2026-12-07")
    # and in September it was being built, with fewer reports
    row = next(x for x in json.loads(cli(*d, "project", "list", "--date", "2026-09-30", "--json").out) if x["id"] == "xm260302-7dq4k")
    assert (row["stage"], row["reports"], row["reviews"]) == ("building", 6, 2)


def test_projects_are_on_the_due_list_the_chase_the_weekly_ledger_and_the_list(cli, sample, tmp_path):
    d = ["--data", sample]
    due = cli(*d, "due", "--date", DAY, "--json")
    late = [x for x in json.loads(due.out) if x["id"] == "xm260520-h3ve9"]
    assert {(x["kind"], x["unit"], x["due"]) for x in late} == {("periodic", u, "2026-10-08") for u in ("nyj", "fgw", "ytx")}
    r = cli(*d, "list", "--kind", "重大项目", "--date", DAY, "--json")
    assert [x["id"] for x in json.loads(r.out)] == ["xm260302-7dq4k", "xm260520-h3ve9"]
    text = cli(*d, "list", "--kind", "重大项目", "--date", DAY).out
    assert "跟踪服务中" in text and "长期坚持" not in text
    r = cli(*d, "chase", "--date", DAY, "--out", tmp_path / "chase", "--no-record")
    assert r.code == 0
    texts = "".join(docx_text(p) for p in (tmp_path / "chase").glob("*能源局*.docx"))
    assert "风光储一体化示范项目" in texts
    r = cli(*d, "weekly", "--date", DAY, "--out", tmp_path / "w.xlsx")
    ws = openpyxl.load_workbook(tmp_path / "w.xlsx")["重大项目"]
    assert [c.value for c in ws[3]][:4] == ["编号", "项目名称", "企业", "阶段"]
    assert [ws.cell(r, 1).value for r in (4, 5)] == ["xm260302-7dq4k", "xm260520-h3ve9"]
    assert ws.cell(5, 10).value == "督办"
    r = cli(*d, "show", "xm260520", "--date", DAY)
    assert r.out.splitlines()[1].startswith("重大项目  企业：云台县长风新能源有限公司  阶段：前期手续  挂点领导：常务副市长赵文博")
    assert "  2026-10-15 一季一审（市能源局）：按计划推进：线路方案已批复 [营商办]" in r.out


def test_the_one_sheet_per_project_workbook(cli, sample, tmp_path):
    r = cli("--data", sample, "project", "sheet", "--date", DAY, "--out", tmp_path / "p.xlsx")
    assert r.code == 0 and r.out.startswith("已写出一企一表（2 个项目）")
    wb = openpyxl.load_workbook(tmp_path / "p.xlsx")
    assert wb.sheetnames == ["xm260302-7dq4k", "xm260520-h3ve9"]
    ws = wb["xm260520-h3ve9"]
    rows = [[c.value for c in row] for row in ws.iter_rows(min_row=4, values_only=False)]
    kinds = [r[0] for r in rows if r[0]]
    for part in ("基本情况", "阶段变更", "月度报送", "季度审核", "企业诉求", "待报送"):
        assert part in kinds, part
    assert ["企业诉求", "风光储项目送出线路和变电站扩建"] == [rows[kinds.index("企业诉求")][0], rows[kinds.index("企业诉求")][2]]
    assert int(ws.page_setup.paperSize) == 9  # A4
    one = cli("--data", sample, "project", "sheet", "新型装饰", "--date", DAY, "--out", tmp_path / "one.xlsx")
    assert one.code == 0 and openpyxl.load_workbook(tmp_path / "one.xlsx").sheetnames == ["xm260302-7dq4k"]
    early = cli("--data", sample, "project", "sheet", "xm260520", "--date", "2026-05-01", "--out", tmp_path / "x.xlsx")
    assert early.code == 2 and "还未纳入" in early.err


def test_linking_a_demand_to_a_project(cli, sample):
    r = cli("--data", sample, "project", "link", "xm260302", "261120-4eb3q", "--by", "王敏")
    assert r.code == 0 and r.out == "已把 1 件诉求关联到 xm260302-7dq4k：261120-4eb3q\n"
    assert _yaml(sample / "cases/2026/261120-4eb3q.yaml")["project"] == "xm260302-7dq4k"
    assert cli("--data", sample, "project", "link", "xm260302", "261120-4eb3q").out.endswith("（都已关联过）\n")
    assert "重大项目：xm260302-7dq4k 年产5万吨新型装饰材料项目" in cli("--data", sample, "show", "261120-4eb3q").out
    assert cli("--data", sample, "project", "link", "xm260302", "xd2026-01").code == 2  # a task is not a demand


# --- campaigns ---------------------------------------------------------------------------------------

def test_campaign_new_writes_a_commented_file_that_check_accepts(cli, sample):
    d = ["--data", sample]
    r = cli(*d, "campaign", "new", "fwy2027", "--title", "北岚市2027年服务企业月活动", "--start", "2027-06-01",
            "--end", "2027-06-30")
    assert r.code == 0, r
    text = (sample / "campaigns/fwy2027.yaml").read_text(encoding="utf-8")
    assert "# 活动名称" in text and "summary_due: 2027-07-15" in text and "{name: 督办部, unit: yshj" in text
    data = _yaml(sample / "campaigns/fwy2027.yaml")
    assert data["channels"] == ["service_month", "open_day"] and data["activities"] == []
    assert [p["name"] for p in data["phases"]] == ["启动阶段", "实施阶段", "总结阶段"]
    assert cli(*d, "check").code == 0
    assert cli(*d, "campaign", "new", "fwy2027", "--title", "x", "--start", "2027-06-01", "--end", "2027-06-30").code == 2
    assert cli(*d, "campaign", "new", "xd2026", "--title", "x", "--start", "2027-06-01", "--end", "2027-06-30").code == 2
    r = cli(*d, "campaign", "new", "fwy2028", "--title", "x", "--start", "2027-06-30", "--end", "2027-06-01")
    assert r.code == 2 and "早于开始日期" in r.err


def test_activities_written_in_the_campaign_file_become_tasks_and_check_notices_when_they_are_not(cli, sample):
    d = ["--data", sample]
    cli(*d, "campaign", "new", "fwy2027", "--title", "北岚市2027年服务企业月活动", "--start", "2027-06-01", "--end", "2027-06-30")
    f = sample / "campaigns/fwy2027.yaml"
    f.write_text(f.read_text(encoding="utf-8").replace(
        "activities: []", "activities:\n  - {number: 1, title: 召开动员大会, lead: 综合部, co: [市政务服务局], limit: 6月上旬}\n"
                          "  - {number: 2, title: 开展政策宣讲, lead: 市商务局, limit: 6月20日前}"), encoding="utf-8")
    r = cli(*d, "check")
    assert r.code == 0 and "campaigns/fwy2027.yaml:" in r.out and "重点活动第 1、2 项尚未导入" in r.out
    r = cli(*d, "campaign", "import", "fwy2027", "--date", "2027-05-20", "--provisional")
    assert r.code == 0 and r.out == "专项活动 fwy2027：新增活动 2 项，更新 0 项，未变 0 项\n"
    t = _yaml(sample / "tasks/fwy2027/01.yaml")
    assert (t["lead_unit"], t["co_units"], t["desk"], t["deadlines"]["result"]["due"]) == ("yshj", ["zwfwj"], "综合部", "2027-06-10")
    assert _yaml(sample / "tasks/fwy2027/plan.yaml")["campaign"] == "fwy2027"
    assert "尚未导入" not in cli(*d, "check").out
    again = cli(*d, "campaign", "import", "fwy2027", "--date", "2027-05-21", "--provisional")
    assert again.out == "专项活动 fwy2027：新增活动 0 项，更新 0 项，未变 2 项\n"
    assert sorted(p.name for p in (sample / "tasks/fwy2027").iterdir()) == ["01.yaml", "02.yaml", "plan.yaml"]


def test_an_excel_plan_with_rows_that_cannot_be_read_writes_nothing(cli, sample, tmp_path):
    d = ["--data", sample]
    cli(*d, "campaign", "new", "fwy2027", "--title", "x", "--start", "2026-09-21", "--end", "2026-10-31")
    before = (sample / "campaigns/fwy2027.yaml").read_text(encoding="utf-8")
    bad = build_campaign_book(tmp_path / "方案.xlsx", bad=True)
    r = cli(*d, "campaign", "import", "fwy2027", bad)
    assert r.code == 2
    assert "方案.xlsx:Sheet!C9" not in r.err and "方案.xlsx:活动安排!C9: [plan] 单位 '市表彰办' 不在 units.yaml 中" in r.err
    assert "方案.xlsx:活动安排!E10: [plan] 时限“适时”看不懂" in r.err
    assert not (sample / "tasks/fwy2027").exists() and (sample / "campaigns/fwy2027.yaml").read_text(encoding="utf-8") == before
    good = build_campaign_book(tmp_path / "好方案.xlsx")
    r = cli(*d, "campaign", "import", "fwy2027", good, "--date", "2026-09-18")
    assert r.code == 0 and "新增活动 6 项" in r.out
    acts = _yaml(sample / "campaigns/fwy2027.yaml")["activities"]
    assert acts[2] == {"number": 3, "title": "组织各部门公开接待日，集中受理企业咨询和投诉", "lead": "督办部",
                       "co": ["北岚高新区管理委员会", "河口区人民政府", "岚山区人民政府", "新港区人民政府", "云台县人民政府"],
                       "limit": "10月20日前"}
    assert "# 活动名称" in (sample / "campaigns/fwy2027.yaml").read_text(encoding="utf-8")  # comments survive


def test_open_days_are_recorded_once_and_only_while_the_campaign_runs(cli, sample):
    d = ["--data", sample]
    r = cli(*d, "campaign", "openday", "服务企业月", "--unit", "税务局", "--date", "2026-10-20", "--note", "接待企业8家")
    assert r.code == 0 and r.out == "已记录 fwy2026 部门开放日：2026-10-20 国家税务总局北岚市税务局\n"
    assert _yaml(sample / "campaigns/fwy2026.yaml")["open_days"][-1]["unit"] == "swzj"
    assert cli(*d, "campaign", "openday", "fwy2026", "--unit", "税务局", "--date", "2026-10-20").code == 2
    late = cli(*d, "campaign", "openday", "fwy2026", "--unit", "税务局", "--date", "2026-11-20")
    assert late.code == 2 and "不在活动期间" in late.err


def test_campaign_activities_are_chased_like_tasks(cli, sample):
    due = json.loads(cli("--data", sample, "due", "--date", DAY, "--json").out)
    assert [(x["kind"], x["unit"], x["due"]) for x in due if x["id"] == "fwy2026-06"] == [("result", "yshj", "2026-11-15")]
    r = cli("--data", sample, "list", "--kind", "工作任务", "--date", DAY, "--json")
    assert "fwy2026-06" in [x["id"] for x in json.loads(r.out)]
    r = cli("--data", sample, "campaign", "list", "--date", DAY)
    assert r.out == ("专项活动 1 个\nfwy2026 北岚市2026年秋季服务企业月活动  2026-09-21—2026-10-31  已结束\n"
                     "    重点活动 6 项（已完成 5，按时 4）  计入诉求 2 件  部门开放日 2 场  总结报送：2026-11-15\n")
    assert "实施阶段" in cli("--data", sample, "campaign", "list", "--date", "2026-10-01").out


def test_the_campaign_report_counts_activities_demands_open_days_and_evaluations(cli, sample, tmp_path):
    r = cli("--data", sample, "campaign", "report", "fwy2026", "--date", DAY, "--out", tmp_path, "--json")
    assert r.code == 0, r
    data = json.loads(r.out)
    assert [(a["number"], a["on_time"]) for a in data["activities"]] == [(1, True), (2, True), (3, True), (4, True),
                                                                         (5, False), (6, False)]
    assert data["activities"][5]["status"] == "未完成，已超期"
    assert (data["registered"], sorted(data["by_channel"])) == (2, ["open_day", "service_month"])
    # the open-day demand was referred (了结); the service-month one waits to be handed over
    assert (data["finished"], data["closure_rate"]) == (1, 0.5)
    assert {k: (r["registered"], r["finished"]) for k, r in data["by_channel"].items()} == {"open_day": (1, 1),
                                                                                           "service_month": (1, 0)}
    assert list(data["evaluations"])[0] == "zwfwj" and data["evaluations"]["zwfwj"] == {"count": 3, "score": 94.7}
    assert len(data["open_days"]) == 2
    word = docx_text(tmp_path / "北岚市2026年秋季服务企业月活动工作总结.docx")
    for words in ("北岚市优化营商环境领导小组：", "活动安排重点活动 6 项", "投诉结案率", "举办部门开放日 2 场",
                  "平均得分最高的是市政务服务和数据管理局（94.7 分）"):
        assert words in word, words
    wb = openpyxl.load_workbook(tmp_path / "北岚市2026年秋季服务企业月活动工作总结.xlsx")
    assert wb.sheetnames == ["重点活动", "渠道", "承办单位", "部门开放日", "企业评议"]
    ws = wb["重点活动"]
    assert [ws.cell(r, 7).value for r in range(4, 10)] == ["已办结"] * 4 + ["超期", "超期"]  # the colour key (红、灰)
    assert ws.conditional_formatting  # the rows are coloured from it
    before = cli("--data", sample, "campaign", "report", "fwy2026", "--date", "2026-09-01")
    assert before.code == 2 and "才开始" in before.err


def test_a_demand_of_the_campaign_says_so(cli, sample):
    r = cli("--data", sample, "show", "261028-rkg0d", "--date", DAY)
    assert "专项活动：fwy2026 北岚市2026年秋季服务企业月活动（活动期间经服务月活动登记）" in r.out.splitlines()


# --- evaluations ---------------------------------------------------------------------------------------

def test_an_evaluation_is_imported_once_and_a_bad_sheet_writes_nothing(cli, sample, tmp_path):
    d = ["--data", sample]
    again = cli(*d, "evaluation", "import", build_evaluation_book(tmp_path / "评议.xlsx"))
    assert again.code == 2 and "已导入过（pj261030-qk4m8" in again.err
    bad = cli(*d, "evaluation", "import", build_evaluation_book(tmp_path / "评议2.xlsx", bad=True))
    assert bad.code == 2
    assert "评议2.xlsx:评议结果!B15: [evaluation] 被评议单位 '市表彰办' 不在 units.yaml 中" in bad.err
    assert "评议2.xlsx:评议结果!C16: [evaluation] 得分“120”应为 0–100 的整数" in bad.err
    assert len(list((sample / "evaluations/2026").iterdir())) == 1
    assert cli(*d, "evaluation", "import", tmp_path / "评议.xlsx", "--campaign", "nothing").code == 2


def test_evaluation_list_ranks_units_by_their_average_score(cli, sample):
    r = cli("--data", sample, "evaluation", "list", "--year", "2026", "--date", DAY)
    assert r.out.splitlines()[:3] == ["2026 年企业评议：6 个单位", "  1. 市政务服务和数据管理局  94.7 分（3 条评分）",
                                      "  2. 国家税务总局北岚市税务局  88.0 分（2 条评分）"]
    assert cli("--data", sample, "evaluation", "list", "--year", "2025", "--date", DAY).out.startswith("2025 年还没有企业评议结果")


def test_the_unit_ranking_shows_evaluations_beside_the_rates_and_ranks_by_the_weighted_score(cli, sample):
    r = cli("--data", sample, "summary", "--year", "2026", "--date", DAY, "--json", "--out", sample / "output")
    units = json.loads(r.out[:r.out.rindex("}") + 1])["figures"]["by_unit"]
    scjgj = units["scjgj"]
    assert scjgj["evaluation"] == 86.0 and scjgj["evaluations"] == 2
    # by hand: on time 1/3, closure 100%, no revisit, evaluation 86 → (33.33×30 + 100×30 + 86×20) ÷ 80
    assert (scjgj["on_time_rate"], scjgj["closure_rate"], scjgj["satisfaction_rate"]) == (0.3333, 1.0, None)
    assert scjgj["composite"] == 71.5
    w = {"on_time_rate": 30, "closure_rate": 30, "satisfaction_rate": 20, "evaluation_rate": 20}
    for u, row in units.items():
        assert row["composite"] == evaluations.composite(row, w), u
    ranked = [u for u, row in units.items() if row["rank"] is not None]
    scores = [units[u]["composite"] if units[u]["composite"] is not None else -1 for u in ranked]
    assert scores == sorted(scores, reverse=True)
    # other weights, another order: evaluation only
    s = sample / "anshang.yaml"
    s.write_text(s.read_text(encoding="utf-8").replace("policy:", "policy:\n  weight_on_time: 0\n  weight_closure: 0\n"
                                                      "  weight_satisfaction: 0\n  weight_evaluation: 100", 1), encoding="utf-8")
    r = cli("--data", sample, "summary", "--year", "2026", "--date", DAY, "--json", "--out", sample / "output")
    units = json.loads(r.out[:r.out.rindex("}") + 1])["figures"]["by_unit"]
    assert units["zwfwj"]["composite"] == 94.7 and units["nyj"]["composite"] == 70.0


def test_weights_that_do_not_add_up_to_100_are_a_settings_error(cli, sample):
    s = sample / "anshang.yaml"
    s.write_text(s.read_text(encoding="utf-8").replace("policy:", "policy:\n  weight_evaluation: 50", 1), encoding="utf-8")
    r = cli("--data", sample, "check")
    assert r.code == 1 and "合计应为 100，现为 130" in r.out


def test_roster_show_tells_the_enterprise_s_whole_story(cli, sample):
    r = cli("--data", sample, "roster", "show", "佳美装饰", "--date", DAY)
    lines = r.out.splitlines()
    assert lines[lines.index("  重大项目：1 个") + 1] == (
        "    xm260302-7dq4k  年产5万吨新型装饰材料项目  试生产  挂点领导：市长韩立成  承办：岚山区人民政府")
    assert lines[lines.index("  企业评议：评分 4 条") + 1].endswith("市政务服务和数据管理局 95 分")
    early = cli("--data", sample, "roster", "show", "佳美装饰", "--date", "2026-03-01").out
    assert "  重大项目：无" in early and "  企业评议：无" in early


def test_check_reports_broken_project_campaign_and_evaluation_files(cli, sample):
    p = sample / "projects/2026/xm260520-h3ve9.yaml"
    p.write_text(p.read_text(encoding="utf-8").replace("leader: vm-zhao", "leader: nobody"), encoding="utf-8")
    c = sample / "cases/2026/260609-01mc1.yaml"
    c.write_text(c.read_text(encoding="utf-8").replace("project: xm260520-h3ve9", "project: xm260101-zzzzz"), encoding="utf-8")
    e = next((sample / "evaluations/2026").iterdir())
    e.write_text(e.read_text(encoding="utf-8").replace("unit: zwfwj", "unit: nobody", 1), encoding="utf-8")
    f = sample / "campaigns/fwy2026.yaml"
    f.write_text(f.read_text(encoding="utf-8").replace("summary_due: 2026-11-15", "summary_due: 2026-10-15"), encoding="utf-8")
    r = cli("--data", sample, "check")
    assert r.code == 1
    errors = [line for line in r.out.splitlines() if "[programme]" in line and "警告" not in line]
    joined = "\n".join(errors)
    for words in ("挂点领导 'nobody' 不在 leaders.yaml 中", "重大项目 'xm260101-zzzzz' 不存在",
                  "承办单位 'nobody' 不在 units.yaml 中", "书面总结报送日期 2026-10-15 早于活动结束日期 2026-10-31"):
        assert words in joined, words


def test_calendar_recalc_covers_projects(cli, sample):
    before = _yaml(sample / "projects/2026/xm260302-7dq4k.yaml")["deadlines"]["review"]
    assert (before["due"], before["provisional"]) == ("2027-01-15", True)
    (sample / "calendar/2027.yaml").write_text(
        "year: 2027\nsource: 国务院办公厅关于2027年部分节假日安排的通知（测试用）\n"
        "holidays:\n  - name: 元旦\n    from: 2027-01-01\n    to: 2027-01-03\n"
        "  - name: 测试假日\n    from: 2027-01-15\n    to: 2027-01-15\n", encoding="utf-8")
    r = cli("--data", sample, "calendar", "recalc")
    assert r.code == 0 and "projects/2026/xm260302-7dq4k.yaml" in r.out and "projects/2026/xm260520-h3ve9.yaml" in r.out
    after = _yaml(sample / "projects/2026/xm260302-7dq4k.yaml")["deadlines"]["review"]
    assert (after["due"], after["provisional"]) == ("2027-01-18", False)  # rolled past the new holiday and the weekend


def test_a_new_campaign_is_made_from_an_excel_plan_with_a_basics_sheet_only_when_every_row_reads(cli, sample, tmp_path):
    d = ["--data", sample]
    bad = build_campaign_book(tmp_path / "坏方案.xlsx", bad=True, basics=True)
    r = cli(*d, "campaign", "import", "fwy2027", bad)
    assert r.code == 2 and "坏方案.xlsx:活动安排!C10: [plan] 单位 '宣传部' 不在 units.yaml 中" in r.err
    assert not (sample / "campaigns/fwy2027.yaml").exists() and not (sample / "tasks/fwy2027").exists()
    good = build_campaign_book(tmp_path / "方案.xlsx", basics=True)
    r = cli(*d, "campaign", "import", "fwy2027", good, "--date", "2026-09-18")
    assert r.code == 0 and r.out == "专项活动 fwy2027：新增活动 6 项，更新 0 项，未变 0 项\n"
    c = _yaml(sample / "campaigns/fwy2027.yaml")
    assert (c["title"], c["start"], c["end"], c["summary_due"]) == ("北岚市2026年秋季服务企业月活动", "2026-09-21", "2026-10-31",
                                                                   "2026-11-15")
    assert [p["end"] for p in c["phases"]] == ["2026-09-27", "2026-10-24", "2026-10-31"]
    assert [x["name"] for x in c["desks"]] == ["综合部", "督办部", "评议部"] and len(c["activities"]) == 6
    assert cli(*d, "check").code == 0
    # without a 基本情况 sheet a new id is not enough, and an action plan's id is refused
    plain = build_campaign_book(tmp_path / "只有活动.xlsx")
    r = cli(*d, "campaign", "import", "fwy2028", plain)
    assert r.code == 2 and "基本情况" in r.err
    r = cli(*d, "campaign", "import", "xd2026", good)
    assert r.code == 2 and "已是行动方案" in r.err


def test_a_basics_sheet_with_a_bad_date_names_its_cell(cli, sample, tmp_path):
    import openpyxl as xl

    path = build_campaign_book(tmp_path / "方案.xlsx", basics=True)
    wb = xl.load_workbook(path)
    wb["基本情况"]["B3"] = "六月一日"
    wb.save(path)
    r = cli("--data", sample, "campaign", "import", "fwy2027", path)
    assert r.code == 2 and "方案.xlsx:基本情况!B3: [campaign] 开始日期“六月一日”不是日期" in r.err
    assert not (sample / "campaigns/fwy2027.yaml").exists()


def test_a_review_held_last_quarter_does_not_meet_this_quarter_s(cli, sample):
    rows = json.loads(cli("--data", sample, "project", "list", "--date", DAY, "--json").out)
    p = _yaml(sample / "projects/2026/xm260520-h3ve9.yaml")
    owed = {(o.kind, o.unit) for o in lifecycle.open_obligations(p)}
    assert ("review", "nyj") in owed  # reviewed on 15 October; the next review, due in January, is still owed
    assert next(r for r in rows if r["id"] == "xm260520-h3ve9")["next_kind"] == "periodic"


# --- found in review: a late report meets one period only, reports in order, nothing half-written ----

def _owed(sample, rel, kind="periodic"):
    return sorted({(o.due.isoformat(), o.met) for o in lifecycle.obligations(_yaml(sample / rel)) if o.kind == kind
                   and o.part == "lead"})


def test_a_late_monthly_report_leaves_the_next_month_owed_and_overdue(cli, sample):
    d = ["--data", sample]
    rel = "projects/2026/xm260520-h3ve9.yaml"
    assert _owed(sample, rel) == [("2026-10-08", None)]
    assert cli(*d, "project", "report", "xm260520", "--date", "2026-11-21").code == 0
    assert _owed(sample, rel) == [("2026-11-05", None)]  # November's report is still owed, and late
    due = json.loads(cli(*d, "due", "--date", "2026-11-21", "--json").out)
    assert [(x["kind"], x["due"]) for x in due if x["id"] == "xm260520-h3ve9" and x["part"] == "lead"] == [("periodic", "2026-11-05")]
    assert "xm260520-h3ve9" in cli(*d, "show", "xm260520", "--date", "2026-11-21").out
    assert "定期报送 牵头 市能源局 2026-11-05" in cli(*d, "show", "xm260520", "--date", "2026-11-21").out
    # the same for a task reported late: its next quarter stays owed
    assert cli("--data", sample, "report", "xd2026-08", "periodic", "--date", "2026-11-23").code == 0
    assert _owed(sample, "tasks/xd2026/08.yaml") == [("2026-10-10", None)]
    # a report dated before one already recorded is refused (each period in turn)
    r = cli(*d, "project", "report", "xm260520", "--date", "2026-11-10")
    assert r.code == 2 and "已记录过 2026-11-21 的定期报送" in r.err


def test_the_snapshot_replays_reports_as_the_commands_stored_them(cli, sample):
    d = ["--data", sample]
    for day in ("2026-11-21", "2026-11-24"):
        assert cli(*d, "project", "report", "xm260520", "--date", day).code == 0
    stored = _yaml(sample / "projects/2026/xm260520-h3ve9.yaml")["deadlines"]["periodic"]
    row = next(x for x in json.loads(cli(*d, "project", "list", "--date", "2026-11-24", "--json").out) if x["id"] == "xm260520-h3ve9")
    assert (row["next_kind"], row["next_due"]) == ("periodic", stored["due"]) == ("periodic", "2026-12-07")
    row = next(x for x in json.loads(cli(*d, "project", "list", "--date", "2026-11-22", "--json").out) if x["id"] == "xm260520-h3ve9")
    assert row["next_due"] == "2026-11-05"  # after the first of the two reports


def test_a_report_in_the_month_a_project_joined_counts_for_its_first_month(cli, sample):
    r = cli("--data", sample, "project", "add", "--enterprise", "精测仪器", "--name", "传感器项目", "--stage", "洽谈", "--lead", "高新区",
            "--leader", "李慧敏", "--date", "2026-11-02", "--provisional")
    pid = re.search(r"xm\d{6}-[0-9a-z]{5}", r.out).group(0)
    assert "第一次月度报送：2026年12月7日" in r.out and "第一次季度审核：2027年1月15日" in r.out
    r = cli("--data", sample, "project", "report", pid, "--date", "2026-11-20", "--provisional")
    assert r.out.endswith("下一次月度报送：2027年1月5日（星期二）前（每月5日（休息日顺延））（暂定）\n")
    assert _owed(sample, f"projects/2026/{pid}.yaml") == [("2027-01-05", None)]


def test_a_campaign_title_with_a_colon_a_hash_and_commas_survives(cli, sample):
    r = cli("--data", sample, "campaign", "new", "fwy2027", "--title", "秋季服务月: 第二轮 #2", "--start", "2027-06-01",
            "--end", "2027-06-30", "--summary-to", "市领导小组, 办公室")
    assert r.code == 0
    data = _yaml(sample / "campaigns/fwy2027.yaml")
    assert (data["title"], data["summary_to"]) == ("秋季服务月: 第二轮 #2", "市领导小组, 办公室")
    assert cli("--data", sample, "fmt", "--check").code == 0 and cli("--data", sample, "check").code == 0


def test_an_activity_added_later_is_counted_from_the_day_it_was_added(cli, sample):
    f = sample / "campaigns/fwy2026.yaml"
    f.write_text(f.read_text(encoding="utf-8").replace(
        "open_days:", "  - {number: 7, title: 回访参加活动的企业, lead: 督办部, limit: 15个工作日内}\nopen_days:", 1), encoding="utf-8")
    assert cli("--data", sample, "campaign", "import", "fwy2026", "--date", "2026-11-20").code == 0
    t = _yaml(sample / "tasks/fwy2026/07.yaml")
    assert (t["assigned"], t["deadlines"]["result"]["basis"], t["deadlines"]["result"]["due"]) == (
        "2026-11-20", "2026-11-20", "2026-12-11")
    assert "未到期" in cli("--data", sample, "show", "fwy2026-07", "--date", "2026-11-20").out


def test_linking_stops_before_writing_when_one_demand_is_linked_elsewhere(cli, sample):
    r = cli("--data", sample, "project", "link", "xm260302", "261120-4eb3q", "260609-01mc1")
    assert r.code == 2 and "已关联重大项目 xm260520-h3ve9" in r.err
    assert "project" not in _yaml(sample / "cases/2026/261120-4eb3q.yaml")


def test_the_campaign_s_demands_are_followed_after_it_ended(cli, sample):
    # the service-month demand is handed over after the campaign ended: the summary's unit table has it
    d = ["--data", sample]
    assert cli(*d, "receive", "261028-rkg0d", "--outcome", "交办", "--lead", "科技局", "--date", "2026-11-20").code == 0
    data = json.loads(cli(*d, "campaign", "report", "fwy2026", "--date", DAY, "--json", "--out", sample / "output").out)
    assert data["by_unit"]["kjj"]["handed_over"] == 1
