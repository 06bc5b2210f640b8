"""``anshang deadline`` and ``anshang calendar`` from the command line."""

from __future__ import annotations

import json
import textwrap

import pytest
from conftest import write_ledger

EXAMPLES = [  # DOMAIN §3
    (["2026-09-30", "--workdays", "7"], "2026-10-15"),
    (["2026-02-13", "--workdays", "7"], "2026-03-02"),
    (["2026年2月13日", "--days", "30"], "2026-03-16"),
    (["2026-09-30", "--days", "10"], "2026-10-10"),
]

SUPPLEMENT_2027 = """\
year: 2027
source: 国务院办公厅关于2027年部分节假日安排的通知（测试用）
holidays:
  - name: 元旦
    from: 2027-01-01
    to: 2027-01-03
workdays: []
"""


@pytest.mark.parametrize("args,due", EXAMPLES)
def test_domain_examples(cli, tmp_path, args, due):
    r = _outside(cli, tmp_path, "deadline", *args, "--json")
    assert r.code == 0, r
    out = json.loads(r.out)
    assert out["due"] == due and out["provisional"] is False
    assert out["start"] in ("2026-09-30", "2026-02-13")


def _outside(cli, tmp_path, *args):
    """Run outside any ledger: the package calendar alone."""
    import os

    old = os.getcwd()
    os.chdir(tmp_path)
    try:
        return cli(*args)
    finally:
        os.chdir(old)


def test_text_output_explains_holidays(cli, tmp_path):
    r = _outside(cli, tmp_path, "deadline", "2026-09-30", "--workdays", "7")
    assert r.code == 0
    assert r.out == textwrap.dedent("""\
        起算日：2026年9月30日（星期三）（当天不计）
        规则：7个工作日
        截止日：2026年10月15日（星期四）
        说明：
          - 国庆节放假 2026年10月1日至2026年10月7日（7天）不计入工作日
          - 2026年10月10日（星期六）为调休上班日，计入工作日
        """)


def test_missing_year_fails_then_works_with_supplement(cli, mini):
    r = cli("--data", mini, "deadline", "2026-12-24", "--workdays", "7")
    assert r.code == 2 and r.out == ""
    assert "2027 年的节假日安排尚未加入日历" in r.err and "calendar/2027.yaml" in r.err
    assert "国务院办公厅关于2027年部分节假日安排的通知" in r.err and "Traceback" not in r.err
    write_ledger(mini, {"calendar/2027.yaml": SUPPLEMENT_2027})
    r = cli("--data", mini, "deadline", "2026-12-24", "--workdays", "7", "--json")
    assert r.code == 0, r
    out = json.loads(r.out)
    assert (out["due"], out["provisional"]) == ("2027-01-05", False)  # 1–3 January off


def test_provisional_opt_in_is_marked(cli, mini):
    r = cli("--data", mini, "deadline", "2026-12-24", "--workdays", "7", "--provisional")
    assert r.code == 0
    assert "截止日：2027年1月4日（星期一）（暂定）" in r.out and "暂定：2027 年节假日安排尚未加入" in r.out
    p = mini / "anshang.yaml"
    p.write_text(p.read_text(encoding="utf-8") + "  provisional_calendar: true\n", encoding="utf-8")
    r = cli("--data", mini, "deadline", "2026-12-24", "--workdays", "7", "--json")
    assert json.loads(r.out)["provisional"] is True


def test_broken_supplement_stops_computation_with_file_and_line(cli, mini):
    write_ledger(mini, {"calendar/2027.yaml": SUPPLEMENT_2027.replace("to: 2027-01-03", "to: 2026-12-31")})
    r = cli("--data", mini, "deadline", "2026-12-24", "--workdays", "7")
    assert r.code == 2
    assert "calendar/2027.yaml:6: [calendar] 放假结束日期 2026-12-31 早于开始日期 2027-01-01" in r.err


def test_exactly_one_rule(cli, tmp_path):
    assert _outside(cli, tmp_path, "deadline", "2026-09-30").code == 2
    assert _outside(cli, tmp_path, "deadline", "2026-09-30", "--days", "3", "--workdays", "3").code == 2
    r = _outside(cli, tmp_path, "deadline", "2026-02-30", "--days", "3")
    assert r.code == 2 and "日期不存在" in r.err


def test_stored_provisional_deadline_checked_once_year_is_added(cli, mini):
    p = mini / "cases/2026/260305-k7m2x.yaml"
    p.write_text(p.read_text(encoding="utf-8") + textwrap.dedent("""\
        outcome:
          kind: handover
          date: 2026-12-24
          lead_unit: gxj
        deadlines:
          progress:
            due: 2027-01-04
            basis: 2026-12-24
            rule: workdays
            n: 7
            provisional: true
          result:
            due: 2027-01-25
            basis: 2026-12-24
            rule: days
            n: 30
            provisional: true
        """), encoding="utf-8")
    r = cli("--data", mini, "check", "--date", "2026-11-21")
    assert r.code == 0 and r.out.count("为暂定（2027 年节假日安排尚未加入）") == 2
    write_ledger(mini, {"calendar/2027.yaml": SUPPLEMENT_2027})
    r = cli("--data", mini, "check", "--date", "2026-11-21")
    assert r.code == 1
    assert r.out.splitlines() == [
        "cases/2026/260305-k7m2x.yaml:21: [calendar] 暂定的落实情况截止日期 2027-01-04 按现已加入的日历应为 "
        "2027-01-05（7个工作日，自 2026-12-24 起算）；请运行 anshang calendar recalc 重新计算",
        "cases/2026/260305-k7m2x.yaml:31: [calendar] 警告：办理结果截止日期 2027-01-25 经现已加入的日历核对无误；"
        "运行 anshang calendar recalc 去掉暂定标记",
    ]


def test_month_grid(cli, tmp_path):
    r = _outside(cli, tmp_path, "calendar", "2026-10")
    assert r.code == 0
    assert r.out == (
        "2026年10月\n"
        "  一   二   三   四   五   六   日\n"
        "                1休  2休  3休  4休\n"
        " 5休  6休  7休  8    9   10班 11\n"
        "12   13   14   15   16   17   18\n"
        "19   20   21   22   23   24   25\n"
        "26   27   28   29   30   31\n"
        "  国庆节：2026年10月1日至2026年10月7日放假\n"
        "  2026年10月10日（星期六）调休上班\n"
    )


def test_grid_for_uncovered_year_needs_opt_in(cli, tmp_path):
    r = _outside(cli, tmp_path, "calendar", "2027-01")
    assert r.code == 2 and "calendar/2027.yaml" in r.err
    r = _outside(cli, tmp_path, "calendar", "2027-01", "--provisional")
    assert r.code == 0 and r.out.startswith("2027年1月（暂定")


def test_status_warns_from_october(cli, mini):
    r = cli("--data", mini, "calendar", "status", "--date", "2026-09-30")
    assert r.code == 0 and "警告" not in r.out
    r = cli("--data", mini, "calendar", "status", "--date", "2026-10-01")
    assert r.code == 1 and "calendar/2027.yaml: [calendar] 警告：2027 年节假日安排尚未加入" in r.out
    got = json.loads(cli("--data", mini, "calendar", "status", "--date", "2026-10-01", "--json").out)
    assert [(p["path"], p["severity"]) for p in got["problems"]] == [("calendar/2027.yaml", "warning")]
    assert got["years"]["2026"] == "package"
    write_ledger(mini, {"calendar/2027.yaml": SUPPLEMENT_2027})
    r = cli("--data", mini, "calendar", "status", "--date", "2026-10-01")
    assert r.code == 0
    assert "2027 年：calendar/2027.yaml（台账补充，软件包未含该年）" in r.out


def test_add_writes_an_invalid_until_filled_skeleton(cli, mini):
    r = cli("--data", mini, "calendar", "add", "2027")
    assert r.code == 0
    text = (mini / "calendar/2027.yaml").read_text(encoding="utf-8")
    assert "year: 2027" in text and "# - name: 春节" in text
    assert cli("--data", mini, "fmt", "--check").code == 0
    r = cli("--data", mini, "check", "--date", "2026-11-21")
    assert r.code == 1 and "尚未填写放假日期" in r.out
    # still not a calendar: computations keep refusing 2027
    assert cli("--data", mini, "deadline", "2026-12-24", "-w", "7").code == 2
    assert cli("--data", mini, "calendar", "add", "2027").code == 2  # never overwrites


def test_add_for_a_package_year_is_prefilled(cli, mini):
    assert cli("--data", mini, "calendar", "add", "2026").code == 0
    text = (mini / "calendar/2026.yaml").read_text(encoding="utf-8")
    assert "  - name: 国庆节\n    from: 2026-10-01\n    to: 2026-10-07\n" in text
    assert cli("--data", mini, "check", "--date", "2026-11-21").code == 0
