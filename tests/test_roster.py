"""``anshang roster``: importing the dispatch list as offices keep it, and finding enterprises."""

from __future__ import annotations

import pytest
from formkit import roster_sheet

from anshang.store import yamlfile as yamlio

ROWS = [
    [1, "测试新材料有限公司", "91350100M000100Y43", "东区", "是", "", "√", "李联系", 13800001111],
    [2, " 东区 新兴 软件有限公司 ", "９１１１０１０８ｍａ０１ａｂｃｄｅｎ", "东", "", "是", "", "周", "0479-1234567"],
    [3, "坏代码有限公司", "91110108MA01ABCDE0", "东区", "是", "", "", "", ""],
    [4, "外地有限公司", "91350100M000100Y43", "西区", "是", "", "", "", ""],
]


def _ent(root, code):
    return yamlio.strip_lines(yamlio.loads((root / f"enterprises/{code}.yaml").read_text(encoding="utf-8")))


def test_import_upserts_and_reports(cli, mini, tmp_path):
    book = roster_sheet(tmp_path / "名单.xlsx", ROWS)
    r = cli("--data", mini, "roster", "import", book)
    assert r.code == 1  # two rows rejected
    assert r.out.splitlines() == [
        "名单.xlsx:名单!C6: [roster] 统一社会信用代码校验位错误：91110108MA01ABCDE0 的第 18 位应为 N，实际为 0",
        "名单.xlsx:名单!D7: [roster] 属地“西区”不在设置的属地列表中（最接近的是“东区”）",
    ]
    assert r.err.strip() == "2026 年调度名单：新增 1 家，更新 1 家，未变 0 家，拒绝 2 行。"
    new = _ent(mini, "91110108MA01ABCDEN")
    assert new == {"uscc": "91110108MA01ABCDEN", "name": "东区 新兴 软件有限公司", "district": "东区",
                   "categories": ["listing_reserve"], "dispatch_years": [2026],
                   "contacts": [{"name": "周", "phone": "0479-1234567"}]}
    old = _ent(mini, "91350100M000100Y43")
    assert old["categories"] == ["above_scale", "high_tech"]
    assert old["contacts"] == [{"name": "李联系", "phone": "13800001111"}]  # number read as text
    assert cli("--data", mini, "check").code == 0
    assert cli("--data", mini, "fmt", "--check").code == 0


def test_import_twice_changes_nothing(cli, mini, tmp_path):
    book = roster_sheet(tmp_path / "名单.xlsx", ROWS[:2])
    cli("--data", mini, "roster", "import", book)
    before = {p: p.read_bytes() for p in mini.rglob("enterprises/*.yaml")}
    r = cli("--data", mini, "roster", "import", book)
    assert (r.code, r.err.strip()) == (0, "2026 年调度名单：新增 0 家，更新 0 家，未变 2 家，拒绝 0 行。")
    assert {p: p.read_bytes() for p in mini.rglob("enterprises/*.yaml")} == before


def test_year_option_adds_a_dispatch_year_and_keeps_comments(cli, mini, tmp_path):
    p = mini / "enterprises/91350100M000100Y43.yaml"
    p.write_text("# 重点企业，市长联系点\n" + p.read_text(encoding="utf-8"), encoding="utf-8")
    book = roster_sheet(tmp_path / "名单.xlsx", ROWS[:1], title=None)
    r = cli("--data", mini, "roster", "import", book, "--year", "2027")
    assert r.code == 0 and r.err.startswith("2027 年调度名单：新增 0 家，更新 1 家")
    assert p.read_text(encoding="utf-8").startswith("# 重点企业，市长联系点\n")
    assert _ent(mini, "91350100M000100Y43")["dispatch_years"] == [2026, 2027]


def test_type_column_instead_of_flags(cli, mini, tmp_path):
    book = roster_sheet(tmp_path / "名单.xlsx", [["测试新材料有限公司", "91350100M000100Y43", "东区", "规上企业、上市后备企业"]],
                        header=["企业名称", "统一社会信用代码", "属地", "企业类型"])
    assert cli("--data", mini, "roster", "import", book).code == 0
    assert _ent(mini, "91350100M000100Y43")["categories"] == ["above_scale", "listing_reserve"]


def test_sheet_without_header(cli, mini, tmp_path):
    book = roster_sheet(tmp_path / "x.xlsx", [["a", "b"]], header=["甲", "乙"])
    r = cli("--data", mini, "roster", "import", book)
    assert r.code == 2 and "找不到表头" in r.err


def test_show_and_list(cli, mini):
    r = cli("--data", mini, "roster", "show", "新材料")
    assert r.code == 0 and r.out.splitlines()[:3] == ["测试新材料有限公司", "  统一社会信用代码：91350100M000100Y43", "  属地：东区"]
    r = cli("--data", mini, "roster", "list", "--year", "2026")
    assert r.out == "91350100M000100Y43\t测试新材料有限公司\t东区\t规上企业\t2026\n"
    assert cli("--data", mini, "roster", "list", "--year", "2026", "--outside").out == ""
    r = cli("--data", mini, "roster", "show", "不存在的公司")
    assert r.code == 2


@pytest.mark.parametrize("name", ["../../etc/passwd", "CON", "a/b\\c", "..", "名称:?*"])
def test_safe_filename_stays_inside(tmp_path, name):
    from anshang.store.outputs import ensure_inside, safe_filename

    target = ensure_inside(tmp_path, safe_filename(name) + ".xlsx")
    assert target.parent == tmp_path.resolve()
