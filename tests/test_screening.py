"""``anshang screen``: each exclusion clause, each referral path, acceptance types, overrides."""

from __future__ import annotations

import json

import pytest
from conftest import ENTERPRISE

from anshang.store import yamlfile as yamlio

BASE = """\
id: {id}
registered: 2026-03-05
channel: reception_day
enterprise: 91350100M000100Y43
contact:
  name: 李联系
  phone: '13800001111'
fields:
  - 工业和信息化
title: 厂房用电增容
facts: 企业申请增容半年未获答复，新产线无法投产。
reasons: 按供电服务承诺应在30日内答复。
request: 请协调供电部门4月底前完成增容。
declared:
  judicial: false
  discipline: false
  petition: false
  proposal: false
  vague: false
  anonymous: false
"""


def _screen(cli, root, **changes):
    text = BASE.format(id="260305-aaaaa")
    for old, new in changes.get("replace", []):
        assert old in text
        text = text.replace(old, new)
    (root / "cases/2026/260305-aaaaa.yaml").write_text(text, encoding="utf-8")
    r = cli("--data", root, "screen", "260305-aaaaa", "--json", "--date", "2026-03-06")
    assert r.code == 0, r
    return json.loads(r.out)[0]


@pytest.fixture
def ledger(mini):
    (mini / "cases/2026/260305-k7m2x.yaml").unlink()
    return mini


@pytest.mark.parametrize("key,clause", [("judicial", "§三(二)1"), ("discipline", "§三(二)2"),
                                        ("petition", "§三(二)3"), ("proposal", "§三(二)4")])
def test_declared_exclusions(cli, ledger, key, clause):
    d = _screen(cli, ledger, replace=[(f"  {key}: false", f"  {key}: true")])
    assert (d["decision"], d["clauses"]) == ("excluded", [clause])
    assert d["reason"].startswith("登记表自述：")


def test_no_concrete_request_is_clause_5(cli, ledger):
    d = _screen(cli, ledger, replace=[("request: 请协调供电部门4月底前完成增容。", "request: 请支持")])
    assert (d["decision"], d["clauses"], d["reason"]) == ("excluded", ["§三(二)5"], "诉求不具体：缺少具体的具体诉求")


def test_declared_vague_is_clause_5(cli, ledger):
    d = _screen(cli, ledger, replace=[("  vague: false", "  vague: true")])
    assert d["clauses"] == ["§三(二)5"]


def test_no_contact_is_clause_6(cli, ledger):
    d = _screen(cli, ledger, replace=[("  phone: '13800001111'\n", "")])
    assert (d["decision"], d["clauses"], d["reason"]) == ("excluded", ["§三(二)6"], "匿名反映：没有可联系的联系人和电话")


def test_declined_real_name_is_clause_6(cli, ledger):
    d = _screen(cli, ledger, replace=[("  anonymous: false", "  anonymous: true")])
    assert (d["clauses"], d["reason"]) == (["§三(二)6"], "匿名反映：登记表表示不同意实名反映")


def test_no_enterprise_is_clause_6(cli, ledger):
    d = _screen(cli, ledger, replace=[("enterprise: 91350100M000100Y43\n", "")])
    assert (d["clauses"], d["reason"]) == (["§三(二)6"], "匿名反映：无法确认反映企业")


def test_outside_dispatch_list_referred_to_district(cli, ledger):
    p = ledger / "enterprises/91350100M000100Y43.yaml"
    p.write_text(ENTERPRISE.replace("  - 2026\n", "  - 2025\n"), encoding="utf-8")
    d = _screen(cli, ledger)
    assert d == {"id": "260305-aaaaa", "decision": "referred", "clauses": ["§二(三)"], "refer_to": "dq",
                 "reason": "企业未纳入市政府2026年调度名单，转东区人民政府接待受理"}


def test_no_key_category_referred_to_department_without_district_unit(cli, ledger):
    (ledger / "enterprises/91350100M000100Y43.yaml").write_text(
        ENTERPRISE.replace("categories:\n  - above_scale\n", "categories: []\n"), encoding="utf-8")
    units = ledger / "units.yaml"
    units.write_text(units.read_text(encoding="utf-8").split("  - id: dq")[0], encoding="utf-8")
    d = _screen(cli, ledger)
    assert (d["decision"], d["refer_to"]) == ("referred", "gxj")
    assert d["reason"] == "企业不属于规上、上市后备或高新技术企业，转市工业和信息化局接待受理"


def test_accepted_type_depends_on_departments(cli, ledger):
    d = _screen(cli, ledger)
    assert (d["decision"], d["clauses"]) == ("accepted", ["§二(三)", "§三(一)4"])
    units = ledger / "units.yaml"
    units.write_text(units.read_text(encoding="utf-8")
                     + "  - id: nyj\n    name: 市能源局\n    kind: department\n    fields:\n      - 能源\n",
                     encoding="utf-8")
    s = ledger / "anshang.yaml"
    s.write_text(s.read_text(encoding="utf-8").replace("  能源:\n    - gxj\n", "  能源:\n    - nyj\n"), encoding="utf-8")
    d = _screen(cli, ledger, replace=[("  - 工业和信息化\n", "  - 工业和信息化\n  - 能源\n")])
    assert d["clauses"] == ["§二(三)", "§三(一)2"]
    case = yamlio.loads((ledger / "cases/2026/260305-aaaaa.yaml").read_text(encoding="utf-8"))
    assert case["suggested_units"] == ["gxj", "nyj"] and case["screening"]["type"] == 2


def test_screen_is_stable_and_keeps_decisions(cli, ledger):
    _screen(cli, ledger)
    a = cli("--data", ledger, "screen", "--json", "--date", "2026-04-01")
    b = cli("--data", ledger, "screen", "--json", "--date", "2026-05-01")
    assert a.out == b.out
    case = yamlio.loads((ledger / "cases/2026/260305-aaaaa.yaml").read_text(encoding="utf-8"))
    assert case["screening"]["date"] == "2026-03-06"  # not re-decided


def test_override_with_reason(cli, ledger):
    _screen(cli, ledger)
    r = cli("--data", ledger, "screen", "260305-a", "--decision", "excluded", "--clause", "§三(二)3",
            "--reason", "经核实已于2月向信访局反映", "--by", "小王", "--date", "2026-03-07")
    assert r.code == 0
    assert r.out == "260305-aaaaa 厂房用电增容 不予受理 §三(二)3：经核实已于2月向信访局反映\n"
    case = yamlio.strip_lines(yamlio.loads((ledger / "cases/2026/260305-aaaaa.yaml").read_text(encoding="utf-8")))
    assert case["screening"] == {"decision": "excluded", "date": "2026-03-07", "clauses": ["§三(二)3"],
                                 "reason": "经核实已于2月向信访局反映", "by": "小王",
                                 "override": "经核实已于2月向信访局反映"}
    redo = json.loads(cli("--data", ledger, "screen", "--redo", "--json").out)
    assert redo[0]["decision"] == "excluded"  # a person's decision is not redone by the rules


def test_override_needs_a_reason(cli, ledger):
    _screen(cli, ledger)
    r = cli("--data", ledger, "screen", "260305-a", "--decision", "accepted", "--clause", "§三(一)2")
    assert r.code == 2 and "--reason" in r.err


def test_sample_shows_every_decision(cli, sample):
    out = json.loads(cli("--data", sample, "screen", "--json", "--date", "2026-11-21").out)
    assert {d["decision"] for d in out} == {"accepted", "excluded", "referred"}
    clauses = {c for d in out for c in d["clauses"]}
    assert {f"§三(二){i}" for i in range(1, 7)} <= clauses
    assert cli("--data", sample, "check").code == 0


def test_screen_lists_what_this_run_decided(cli, sample):
    r = cli("--data", sample, "screen", "--date", "2026-11-22")
    lines = r.out.splitlines()
    assert r.code == 0 and lines and all("（原结论）" not in line for line in lines)
    assert r.err.startswith(f"本次审查 {len(lines)} 件；另有 ") and "此前已审查" in r.err
    assert lines[0].split()[1] != "受理"  # the title comes after the id
    r = cli("--data", sample, "screen", "--date", "2026-11-22")
    assert r.out == "" and r.err.startswith("本次审查 0 件；另有 ")
    r = cli("--data", sample, "screen", "260924-btg2g")
    assert r.out == "260924-btg2g 营商环境还需进一步改善 不予受理 §三(二)5：诉求无明确对象，无具体事实、理由和请求（原结论）\n"
