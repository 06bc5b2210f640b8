"""Public output carries no personal data in any written form, and Markdown tables cannot be broken
or turned into HTML or links by enterprise text (public feedback page, chase notices)."""

from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
from types import SimpleNamespace

import openpyxl
import pytest

from anshang.documents import chase, markdown, public
from anshang.documents.public import public_text
from anshang.store import loader
from anshang.store import yamlfile as yamlio
from anshang.store.folder import Ledger
from tests.conftest import CASE, write_ledger

DAY = "2026-11-21"

PERSONAL = [
    # mobiles
    "13800001111", "138 0000 1111", "138-0000-1111", "138.0000.1111", "138—0000—1111",
    "1 3 8 0 0 0 0 1 1 1 1", "+86 138 0000 1111", "+8613800001111", "0086-13800001111",
    "(+86)13800001111", "１３８００００１１１１", "１３８ ００００ １１１１", "＋８６ １３８－００００－１１１１",
    "一三八零零零零一一一一",
    # landlines and 400/800 numbers
    "0479-8991510", "(0479)8991510", "（0479）8991510", "0479 8991510", "（０４７９）８９９１５１０",
    "010-88776655", "021 6688 9900", "+86 479 8991510", "0479-8991510-8012", "0479-8991510转8012",
    "电话 8991510", "座机：899-1510", "400-123-4567", "400 123 4567", "800-810-8888", "4001234567",
    # e-mail addresses
    "li@x.cn", "zhang.san@example.com.cn", "zhangsan＠example.com", "zhangsan(at)example.com",
    "zhangsan[at]example.com", "zhangsan at example dot com", "zhangsan（at）example．com",
    "zhangsan【at】example.com", "zhangsan @ example . com", "ＺＨＡＮＧＳＡＮ＠ＥＸＡＭＰＬＥ．ＣＯＭ",
    "13800001111@163.com", "li@公司邮箱.公司", "张三@例子.中国", "li@163点com",
    # resident ID numbers
    "11010119900307123X", "11010119900307123x", "110101199003071234", "110101 19900307 123X",
    "１１０１０１１９９００３０７１２３Ｘ", "110101900307123",
    # QQ numbers and WeChat ids after their keyword
    "QQ:12345678", "QQ号 12345678", "qq：123456789", "ＱＱ１２３４５６７８", "QQ 1234 5678", "扣扣 87654321",
    "QQ号码是12345678", "微信：zhang_san88", "微信号: zs-2026abc", "wx:zhangsan_01", "WeChat: zhangsan88",
    "vx zhangsan88", "加V：zhangsan88", "微信 13800001111", "微信号是wxid_abc123", "ＷＸ：ｚｈａｎｇｓａｎ８８",
]

NOT_PERSONAL = [
    "3000万元", "2026年", "120亩", "91150302MA0FGE8BFD", "2026-03-05", "2026年3月5日",
    "2026.03.05-2026.04.30", "2019.01.01-2026.12.31", "1.5亿元", "13.5亿元", "北政发〔2026〕12号",
    "12345政务服务热线", "GB/T 19001-2016", "年产50万吨", "35千伏变电站", "0.8元/千瓦时", "20%",
    "2025—2027年", "10kV线路", "邮编024000", "12345678元", "1000 2000 3000 4000吨", "3号楼2单元",
    "二〇二六年", "企业微信公众号", "手机生产线2条", "电话费3000元", "QQ音乐", "ISO9001认证",
]


def _nfkc(text: str) -> str:
    return unicodedata.normalize("NFKC", text)


@pytest.mark.parametrize("written", PERSONAL)
def test_personal_data_is_masked_in_any_written_form(written):
    out = public_text(f"关于{written}的问题")
    assert "已隐去）" in out and out.endswith("的问题")
    assert written not in out
    assert not re.search(r"\d", _nfkc(out)), out  # no digit of it is left, full-width or not
    assert not re.search(r"[〇零一二三四五六七八九幺]{4}", out)
    assert not re.search(r"[A-Za-z]{2,}", _nfkc(out).replace("QQ号已隐去", "")), out  # nor a word of it
    assert "@" not in _nfkc(out)


def test_there_are_enough_planted_forms():
    assert len(PERSONAL) >= 40 and len(NOT_PERSONAL) >= 10


@pytest.mark.parametrize("text", NOT_PERSONAL)
def test_ordinary_numbers_stay(text):
    assert public_text(f"关于{text}的问题") == f"关于{text}的问题"


def test_masks_name_the_kind_and_keep_the_keyword_of_phones():
    assert public_text("请联系13800001111或li@x.cn，电话0479-8991510") == \
        "请联系（电话已隐去）或（邮箱已隐去），电话（电话已隐去）"
    assert public_text("Tel: 8991510") == "Tel: （电话已隐去）"
    assert public_text("身份证11010119900307123X") == "身份证（身份证号已隐去）"
    assert public_text("加QQ:12345678或微信：zhang_san88") == "加（QQ号已隐去）或（微信号已隐去）"


def test_given_names_and_numbers_are_masked():
    out = public_text("张 三反映：李四电话8991510未接", names=["张三", "李四", "王"], numbers=["0479-8991510"])
    assert out == "（姓名已隐去）反映：（姓名已隐去）电话（电话已隐去）未接"
    # a number known as the person's own is masked even without a keyword; one-character names are not
    assert public_text("王总8991510", names=["王"], numbers=["0479 8991510"]) == "王总（电话已隐去）"



def test_digits_of_other_scripts_and_padded_names_are_masked():
    # Arabic-Indic, Devanagari and mathematical bold digits are read as the digits they are
    for written in ("١٣٨٠٠٠٠١١١١", "१३८००००११११", "𝟏𝟑𝟖𝟎𝟎𝟎𝟎𝟏𝟏𝟏𝟏"):
        assert public_text(f"请拨{written}联系") == "请拨（电话已隐去）联系"
    # a name stored with stray white space (a full-width space, a line break) is still found
    assert public_text("李　四反映", names=["李四\n"]) == "（姓名已隐去）反映"
    assert public_text("没有人名的事实描述", names=["李四"]) == "没有人名的事实描述"


def test_the_folded_copy_keeps_one_character_for_each():
    text = "电话：１３８－0000 一三八零零零零一一一一 ١٣٨ 【0479】 li＠x．cn\u3000张三"
    folded = public._fold(text)
    assert len(folded) == len(text)
    assert folded == "电话:138-0000 13800001111 138 (0479) li@x.cn 张三"

ENTERPRISE = """\
uscc: 91350100M000100Y43
name: 测试张大山新材料有限公司
district: 东区
legal_rep: 张大山
contacts:
  - name: 赵小红
    phone: '15839548836'
"""


def test_amounts_are_not_phone_numbers():
    assert public_text("项目总投资13500000000元") == "项目总投资13500000000元"
    assert public_text("拖欠13500000000 元货款") == "拖欠13500000000 元货款"
    assert public_text("请拨13500000000联系") == "请拨（电话已隐去）联系"


def test_public_rows_mask_the_cases_own_people(mini):
    case = CASE.replace("title: 厂房用电增容", "title: 联系人李联系和法人张大山反映赵小红办理厂房用电增容，电话8991510")
    case += "contact:\n  name: 李联系\n  phone: 0479-8991510\n"
    write_ledger(mini, {"enterprises/91350100M000100Y43.yaml": ENTERPRISE, "cases/2026/260305-k7m2x.yaml": case})
    (row,) = public.public_rows(loader.load(Ledger(mini)), dt.date(2026, 11, 21))
    assert row[1] == "测试张大山新材料有限公司"  # the registered name is public; it stays whole
    assert row[2] == "联系人（姓名已隐去）和法人（姓名已隐去）反映（姓名已隐去）办理厂房用电增容，电话（电话已隐去）"


HOSTILE = "标题\r\n第二行\u2028第三行 | 假列 <script>alert(1)</script> [x](http://e) `代码` &lt;b&gt; *粗* _斜_"


def _table(md: str) -> list[str]:
    return [line for line in md.splitlines() if line.startswith("|")]


def test_markdown_cell_is_one_safe_cell():
    cell = markdown.cell(HOSTILE)
    assert "\n" not in cell and "\r" not in cell and "\u2028" not in cell and "|" not in cell
    assert not set("<>&`[]") & set(cell) and "](" not in cell and "://" not in cell
    assert markdown.cell("# 标题") == "\\# 标题" and markdown.cell("a*b_c") == "a\\*b\\_c"
    assert markdown.cell("www.example.com") == "www．example.com" and markdown.cell(None) == ""
    assert markdown.cell("厂房用电增容") == "厂房用电增容"


def test_public_markdown_table_cannot_be_broken():
    rows = [[1, "恶意<b>企业</b>|有限公司", HOSTILE, "市局\n[单位](http://e)", "办理中", "2026-03-05", "", ""],
            [2, "正常企业", "厂房用电增容", "市工业和信息化局", "已办结", "2026-03-06", "", ""]]
    md = public.markdown(rows, SimpleNamespace(city="测试市", office="测试市营商办"), dt.date(2026, 11, 21))
    table = _table(md)
    assert len(table) == 2 + len(rows)
    assert all(line.count("|") == len(public.HEADERS) + 1 for line in table)
    assert "<" not in md and "](" not in md and "\u2028" not in md and "\r" not in md
    assert table[-1] == "| 2 | 正常企业 | 厂房用电增容 | 市工业和信息化局 | 已办结 | 2026-03-06 |  |  |"


def test_chase_table_cannot_be_broken():
    ob = SimpleNamespace(id="260305-k7m2x", kind="progress", part="lead", unit="gxj",
                         due=dt.date(2026, 10, 15), met=dt.date(2026, 10, 16), provisional=False)
    from anshang.store.loader import World

    world = World(cases={ob.id: {"title": HOSTILE}}, units={"gxj": {"name": "市局<i>|"}})
    lines = chase._overdue_table("承办单位", [ob], world, None, dt.date(2026, 11, 2),
                                 lambda ob, case: world.units[ob.unit]["name"])
    assert len(lines) == 3 and lines[2].count("|") == 8
    assert not any(c in lines[2] for c in "<>\n\r\u2028") and "](" not in lines[2]


# --- the whole command on the sample ledger ---------------------------------------------------------

PLANTED = ["请回电138 0000 1111", "联系+86-139-0000-2222", "手机１３７００００３３３３", "座机（0479）8991510转8012",
           "热线400-123-4567", "邮箱zhang.san(at)example.com", "ＬＩ＠ＸＩＡＮ．ＣＮ", "身份证11010119900307123X",
           "QQ号 87654321", "微信：zhang_san88", "wx: lisi_2026"]
KEPT = "投资3000万元用地120亩（2026年）"


def _accepted_cases(sample):
    for path in sorted(sample.glob("cases/*/*.yaml")):
        d = yamlio.strip_lines(yamlio.loads(path.read_text(encoding="utf-8")))
        if (d.get("screening") or {}).get("decision") == "accepted":
            yield path, d


def _set_title(path, title: str):
    text = path.read_text(encoding="utf-8")
    new = re.sub(r"(?m)^title: .*$", lambda _: "title: " + json.dumps(title, ensure_ascii=False), text, count=1)
    assert new != text
    path.write_text(new, encoding="utf-8")


def _fragments(written: str) -> set[str]:
    """The planted string, and every 7-digit piece of its digits."""
    digits = re.sub(r"\D", "", _nfkc(written))
    return {written} | {digits[i:i + 7] for i in range(len(digits) - 6)}


def test_publish_masks_planted_personal_data(cli, sample, tmp_path):
    cases = list(_accepted_cases(sample))
    assert len(cases) > len(PLANTED) + 1
    for (path, _), planted in zip(cases, PLANTED):
        _set_title(path, f"关于{planted}的问题，{KEPT}")
    path, case = cases[len(PLANTED)]
    ent = yamlio.strip_lines(yamlio.loads((sample / f"enterprises/{case['enterprise']}.yaml").read_text(encoding="utf-8")))
    people = [case["contact"]["name"], ent["legal_rep"]]
    _set_title(path, f"{people[0]}反映法定代表人{people[1]}的诉求")

    r = cli("--data", sample, "publish", "--date", DAY, "--out", tmp_path, "--format", "all")
    assert r.code == 0, r
    md = (tmp_path / f"公开反馈-{DAY}.md").read_text(encoding="utf-8")
    cells = [str(c.value) for ws in openpyxl.load_workbook(tmp_path / f"公开反馈-{DAY}.xlsx").worksheets
             for row in ws.iter_rows() for c in row if c.value is not None]
    for text in (md, "\n".join(cells)):
        leaks = sorted(s for w in PLANTED + people for s in _fragments(w) if s in text or s in _nfkc(text))
        assert len(leaks) == 0, leaks
        assert text.count(KEPT) == len(PLANTED)
        assert "（姓名已隐去）反映法定代表人（姓名已隐去）的诉求" in text
    assert len(_table(md)) == 2 + len(cases)
