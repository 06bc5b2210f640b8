"""Names wherever ids go: units by full or short name, fixed choices in Chinese, districts by
their beginning; unknown values refused with the closest names."""

from __future__ import annotations

import pytest

from anshang.core import naming
from anshang.core.labels import CATEGORIES, DECISIONS, OUTCOMES
from anshang.core.problems import AnshangError

UNITS = {"gxj": {"name": "市工业和信息化局"}, "czj": {"name": "市财政局"}, "zjj": {"name": "市住房和城乡建设局"},
         "zrzyj": {"name": "市自然资源局"}, "xgq": {"name": "新港区人民政府"}}


@pytest.mark.parametrize(("given", "uid"), [
    ("gxj", "gxj"), ("市工业和信息化局", "gxj"), ("工业和信息化局", "gxj"), ("工信局", "gxj"), ("财政局", "czj"),
    ("住建局", "zjj"), ("新港区", "xgq"), ("自然资源局", "zrzyj"),
])
def test_units_by_id_full_or_short_name(given, uid):
    assert naming.unit(given, UNITS) == uid


def test_ambiguous_and_unknown_units_are_refused():
    with pytest.raises(AnshangError, match="可指 .*请写全称或编号"):
        naming.unit("局", UNITS)
    with pytest.raises(AnshangError, match=r"承办单位 '税务局' 不在 units.yaml 中"):
        naming.unit("税务局", UNITS)


def test_choices_by_key_or_chinese():
    assert naming.choice("受理", DECISIONS, "--decision") == "accepted"
    assert naming.choice("referred", DECISIONS, "--decision") == "referred"
    assert naming.choice("规上企业", CATEGORIES, "--category") == "above_scale"
    assert naming.choice("规上", CATEGORIES, "--category") == "above_scale"  # a unique beginning
    assert naming.unit("GXJ", UNITS) == "gxj"
    assert naming.choice("交办", OUTCOMES, "--outcome") == "handover"
    with pytest.raises(AnshangError, match=r"--outcome 只能是 当场解决（solved）.*；是否是：交办"):
        naming.choice("交 办", OUTCOMES, "--outcome")
    assert naming.district("云台", ["岚山区", "云台县"]) == "云台县"
    with pytest.raises(AnshangError, match="不是设置中的属地"):
        naming.district("东城", ["岚山区", "云台县"])


def test_names_on_the_command_line(cli, sample):
    d = ["--data", sample]
    r = cli(*d, "receive", "261119-63j86", "--outcome", "交办", "--lead", "市住房和城乡建设局", "--co", "工信局",
            "--provisional")
    assert r.code == 0, r
    text = (sample / "cases/2026/261119-63j86.yaml").read_text(encoding="utf-8")
    assert "lead_unit: zjj" in text and "  - gxj" in text
    r = cli(*d, "report", "261119-63j86", "落实情况", "--unit", "工信局", "--date", "2026-12-11", "--provisional")
    assert r.code == 0 and r.out.startswith("已记录 261119-63j86：报送落实情况（市工业和信息化局）")
    r = cli(*d, "report", "261119-63j86", "progress", "--unit", "东城局")
    assert r.code == 2 and "承办单位 '东城局' 不在 units.yaml 中" in r.err
    r = cli(*d, "due", "--date", "2026-11-21", "--unit", "市财政局")
    assert r.code == 0
    r = cli(*d, "due", "--date", "2026-11-21", "--unit", "不存在的局")
    assert r.code == 2
    r = cli(*d, "roster", "list", "--category", "规上企业", "--district", "云台")
    assert r.code == 0 and r.out and all("\t云台县\t" in line and "规上企业" in line for line in r.out.splitlines())
    r = cli(*d, "roster", "list", "--district", "东城")
    assert r.code == 2 and "不是设置中的属地" in r.err
    r = cli(*d, "screen", "260924-wmrp0", "--decision", "转属地或部门", "--clause", "§二(三)", "--reason", "复核",
            "--refer-to", "高新区")
    assert r.code == 0 and "refer_to: gxq" in (sample / "cases/2026/260924-wmrp0.yaml").read_text(encoding="utf-8")
