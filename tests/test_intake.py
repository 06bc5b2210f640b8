"""Registration forms, on-site and channel registration, and every bad-input case of issue 4."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import openpyxl
import pytest
from conftest import REPO
from formkit import GOOD, fill_template, restyled_form, roster_sheet

from anshang.store import yamlfile as yamlio

FIXTURES = REPO / "tests" / "fixtures"


def _id(out: str) -> str:
    return re.search(r"\d{6}-[0-9a-z]{5}", out).group(0)


def _cases(root: Path) -> dict:
    return {p.stem: yamlio.strip_lines(yamlio.loads(p.read_text(encoding="utf-8")))
            for p in root.glob("cases/*/*.yaml")}


def test_register_a_filled_form(cli, mini, tmp_path):
    form = fill_template(tmp_path / "企业来信.xlsx")
    r = cli("--data", mini, "register", form, "--date", "2026年3月6日")
    assert r.code == 0, r
    cid = _id(r.out)
    assert r.out == f"已登记 {cid}：测试新材料有限公司 — 厂房用电增容迟迟未批\n"
    case = _cases(mini)[cid]
    assert cid.startswith("260306-")
    assert case["registered"] == "2026-03-06" and case["channel"] == "reception_day"
    assert case["source"]["file"] == "企业来信.xlsx" and case["source"]["digest"].startswith("sha256:")
    assert case["contact"] == {"name": "李联系", "phone": "13800001111", "email": "li@example.cn"}
    assert case["suggested_units"] == ["gxj"]  # 市工业和信息化局 by name
    assert case["declared"] == {k: False for k in case["declared"]}
    assert cli("--data", mini, "check").code == 0


def test_same_form_twice_is_not_duplicated(cli, mini, tmp_path):
    form = fill_template(tmp_path / "a.xlsx")
    first = cli("--data", mini, "register", form)
    cid = _id(first.out)
    second = cli("--data", mini, "register", form)
    assert (second.code, second.out) == (0, f"a.xlsx: 已登记为 {cid}，未重复登记\n")
    assert len(_cases(mini)) == 2  # the mini ledger's own case and this one


def test_libreoffice_output_is_read(cli, mini):
    r = cli("--data", mini, "register", FIXTURES / "form_libreoffice.xlsx")
    assert r.code == 0, r
    assert "厂房用电增容迟迟未批（LibreOffice 另存）" in r.out


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice not installed")
def test_live_libreoffice_resave_is_recognised_as_the_same_form(cli, mini, tmp_path):
    form = fill_template(tmp_path / "in.xlsx")
    outdir = tmp_path / "lo"
    subprocess.run(["soffice", "--headless", "--norestore", f"-env:UserInstallation=file://{tmp_path}/profile",
                    "--convert-to", "xlsx", "--outdir", str(outdir), str(form)],
                   check=True, capture_output=True, timeout=180)
    first = cli("--data", mini, "register", form)
    cid = _id(first.out)
    again = cli("--data", mini, "register", outdir / "in.xlsx")
    assert again.out == f"in.xlsx: 已登记为 {cid}，未重复登记\n"


def test_restyled_form_with_merged_cells(cli, mini, tmp_path):
    r = cli("--data", mini, "register", restyled_form(tmp_path / "r.xlsx"))
    assert r.code == 0, r
    (case,) = [c for c in _cases(mini).values() if c.get("source")]
    assert case["title"] == GOOD["title"] and case["facts"] == GOOD["facts"]
    assert case["enterprise"] == GOOD["uscc"]


def test_a_folder_of_attachments(cli, mini, tmp_path):
    box = tmp_path / "附件"
    box.mkdir()
    fill_template(box / "1.xlsx")
    fill_template(box / "2.xlsx", {"title": "第二件事：职工宿舍用地", "fields": "能源"})
    (box / "~$1.xlsx").write_bytes(b"lock file of an open workbook")
    (box / "说明.txt").write_text("不是表格", encoding="utf-8")
    r = cli("--data", mini, "register", box)
    assert r.code == 0, r
    assert r.out.count("已登记 ") == 2
    assert r.err.strip() == "登记 2 件，已登记过 0 件，未能登记 0 件。"


@pytest.mark.parametrize("values,expected", [
    ({"uscc": "91350100M000100Y44"}, "登记表!B5: [form] 统一社会信用代码校验位错误：91350100M000100Y44 的第 18 位应为 3，实际为 4"),
    ({"fields": "工业信息化"}, "登记表!B13: [form] 领域“工业信息化”不在设置的领域列表中（最接近的是“工业和信息化”）"),
    ({"phone": None}, "登记表!B10: [form] 必填项“联系电话”为空（企业名录中也没有）"),  # the cell to fill
    ({"district": "西区"}, "登记表!B6: [form] 属地“西区”不在设置的属地列表中（最接近的是“东区”）"),
    ({"date": "2026年2月30日"}, "登记表!B27: [form] 填表日期 日期不存在：'2026年2月30日'"),
])
def test_bad_forms_say_which_cell(cli, mini, tmp_path, values, expected):
    form = fill_template(tmp_path / "bad.xlsx", values)
    r = cli("--data", mini, "register", form)
    assert r.code == 1
    assert f"bad.xlsx:{expected}" in r.out.splitlines()
    # the demand that arrived is not dropped: registered as 待补正, with what to fix
    new = [c for c in _cases(mini).values() if (c.get("source") or {}).get("file") == "bad.xlsx"]
    cell, message = expected.split(": [form] ", 1)
    assert len(new) == 1 and new[0]["missing"] == [f"{cell}：{message}"]
    assert r.out.startswith(f"已登记 {new[0]['id']}（待补正，见下列问题；补正前不审查）")
    assert "（其中待补正 1 件）" in r.err


def test_an_incomplete_form_waits_and_is_completed_by_the_form_sent_again(cli, mini, tmp_path):
    form = fill_template(tmp_path / "企业来信.xlsx", {"phone": None, "facts": None})
    first = tmp_path / "first.xlsx"
    shutil.copy(form, first)
    r = cli("--data", mini, "register", form, "--date", "2026-03-09")
    assert r.code == 1
    cid = r.out.split()[1].split("（")[0]
    shown = cli("--data", mini, "show", cid, "--date", "2026-03-09").out
    assert "待补正（补正前不审查" in shown and "  - 登记表!B10：必填项“联系电话”为空（企业名录中也没有）" in shown
    assert json.loads(cli("--data", mini, "list", "--status", "待补正", "--json", "--date", "2026-03-09").out)[0]["id"] == cid
    r = cli("--data", mini, "screen", "--date", "2026-03-10")
    assert cid not in r.out  # held back from screening
    r = cli("--data", mini, "screen", cid)
    assert r.code == 2 and "待补正" in r.err and "补正后才能审查" in r.err
    assert cli("--data", mini, "check", "--date", "2026-03-10").code == 0
    # the enterprise sends the form again, complete: the same case is completed
    form = fill_template(tmp_path / "企业来信.xlsx")
    r = cli("--data", mini, "register", form, "--date", "2026-03-11")
    assert r.code == 0 and r.out.startswith(f"已补正 {cid}：")
    case = _cases(mini)[cid]
    assert "missing" not in case and case["facts"] and case["registered"] == "2026-03-09"
    assert cid in cli("--data", mini, "screen", "--date", "2026-03-12").out
    assert "登记表补正（企业来信.xlsx），已补齐" in cli("--data", mini, "show", cid).out
    # the incomplete form imported once more is not a new demand
    shutil.copy(first, tmp_path / "企业来信.xlsx")
    r = cli("--data", mini, "register", tmp_path / "企业来信.xlsx")
    assert r.out.strip() == f"企业来信.xlsx: 已登记为 {cid}，未重复登记"


def test_declarations_in_chinese(cli, mini):
    base = ["--enterprise", "91350100M000100Y43", "--contact", "张三", "--phone", "13900000000", "--field", "能源",
            "--title", "光伏并网", "--facts", "屋顶光伏已建成三个月未并网", "--reasons", "供电公司拒绝接入",
            "--request", "请协调尽快接入电网", "--date", "2026-03-09"]
    r = cli("--data", mini, "register", *base, "--declare", "信访")
    assert r.code == 0, r
    case = [c for c in _cases(mini).values() if c.get("source", {}).get("kind") == "onsite"][0]
    assert case["declared"]["petition"] is True and case["declared"]["judicial"] is False
    r = cli("--data", mini, "register", *base, "--declare", "不存在")
    assert r.code == 2 and "--declare 只能是 诉讼/复议（judicial）" in r.err


def test_unanswered_question(cli, mini, tmp_path):
    form = fill_template(tmp_path / "q.xlsx", answers={"petition": None, "judicial": "不知道"})
    r = cli("--data", mini, "register", form)
    assert r.code == 1
    assert "q.xlsx:登记表!B22: [form] 请回答“该事项是否已通过信访渠道反映”（是/否）" in r.out
    assert "q.xlsx:登记表!B20: [form] “该事项是否已进入诉讼、行政复议或仲裁程序”应填“是”或“否”，实际为 '不知道'" in r.out


def test_not_a_registration_form(cli, mini, tmp_path):
    wb = openpyxl.Workbook()
    wb.active["A1"] = "2026年第一季度经济运行情况"
    wb.save(tmp_path / "other.xlsx")
    r = cli("--data", mini, "register", tmp_path / "other.xlsx")
    assert r.code == 1 and "other.xlsx: [form] 不是来访企业预约登记表" in r.out


@pytest.mark.parametrize("content,message", [
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600 + "EncryptedPackage".encode("utf-16-le"), "文件受密码保护"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "这是旧版 .xls 文件"),  # an old .xls renamed .xlsx
    (b"PK\x03\x04broken zip", "文件已损坏"),
    (b"just text", "不是 Excel .xlsx 文件"),
])
def test_protected_and_corrupted_files(cli, mini, tmp_path, content, message):
    (tmp_path / "x.xlsx").write_bytes(content)
    r = cli("--data", mini, "register", tmp_path / "x.xlsx")
    assert r.code == 1 and message in r.out and "Traceback" not in r.err


def test_old_xls_is_named(cli, mini, tmp_path):
    (tmp_path / "old.xls").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    r = cli("--data", mini, "register", tmp_path / "old.xls")
    assert "旧版 .xls" in r.out


def test_unknown_enterprise_is_offered_for_adding(cli, mini, tmp_path):
    other = "91110108MA01ABCDEN"
    form = fill_template(tmp_path / "new.xlsx", {"uscc": other, "name": "名录外科技有限公司"})
    r = cli("--data", mini, "register", form)
    assert r.code == 1 and "不在企业名录中：加 --add-unknown 自动建档" in r.out
    r = cli("--data", mini, "register", form, "--add-unknown")
    assert r.code == 0 and "（已新建企业档案）" in r.out
    ent = yamlio.strip_lines(yamlio.loads((mini / f"enterprises/{other}.yaml").read_text(encoding="utf-8")))
    assert ent["name"] == "名录外科技有限公司" and ent["dispatch_years"] == []
    assert ent["categories"] == ["above_scale", "high_tech"]
    out = json.loads(cli("--data", mini, "screen", "--json").out)
    (decision,) = [d for d in out if d["id"] != "260305-k7m2x"]
    assert decision["decision"] == "referred" and decision["refer_to"] == "dq"


def test_formula_text_stays_text(cli, mini, tmp_path):
    form = fill_template(tmp_path / "f.xlsx", {"title": "=HYPERLINK(\"http://x\",\"点我\")", "contact": "@李"})
    r = cli("--data", mini, "register", form)
    assert r.code == 0
    case = [c for c in _cases(mini).values() if c.get("source")][0]
    assert case["title"] == '=HYPERLINK("http://x","点我")' and case["contact"]["name"] == "@李"
    out = tmp_path / "名录.xlsx"
    import datetime as dt

    from anshang.documents.sheets import Col, Table, book_bytes

    out.write_bytes(book_bytes([Table("t", "标题", "办", dt.date(2026, 3, 9), [Col("事项")],
                                      [[case["title"]], ["+1+2"], ["-3"]])]))
    ws = openpyxl.load_workbook(out).active
    assert [ws.cell(row=r, column=1).data_type for r in (4, 5, 6)] == ["s", "s", "s"]
    assert ws["A4"].value == case["title"]
    assert cli("--data", mini, "check").code == 0


def test_onsite_registration_from_options(cli, mini):
    r = cli("--data", mini, "register", "--enterprise", "91350100M000100Y43", "--contact", "张三",
            "--phone", "13900000000", "--field", "能源", "--title", "光伏并网", "--facts", "屋顶光伏已建成三个月未并网发电",
            "--reasons", "供电公司以容量不足为由拒绝接入", "--request", "请协调尽快接入电网", "--date", "2026-03-09")
    assert r.code == 0, r
    case = [c for c in _cases(mini).values() if c.get("source", {}).get("kind") == "onsite"][0]
    assert case["channel"] == "reception_day" and case["declared"]["judicial"] is False


def test_onsite_without_terminal_lists_what_is_missing(cli, mini):
    r = cli("--data", mini, "register", "--enterprise", "91350100M000100Y43", "--title", "光伏并网")
    assert r.code == 2
    assert r.err.startswith("错误：现场登记缺少：事实（--facts）、理由（--reasons）、具体诉求（--request）")


def test_other_channel_skips_matching_rules(cli, mini):
    r = cli("--data", mini, "register", "--channel", "hotline", "--name", "某个体商户", "--contact", "赵",
            "--phone", "13700000000", "--field", "工业和信息化", "--title", "热线反映：用电报装慢",
            "--facts", "商户报装用电已等待两个月", "--reasons", "超过承诺时限", "--request", "请尽快装表通电")
    assert r.code == 0, r
    case = [c for c in _cases(mini).values() if c.get("channel") == "hotline"][0]
    assert case["enterprise_name"] == "某个体商户" and "declared" not in case
    out = json.loads(cli("--data", mini, "screen", case["id"], "--json").out)
    assert out[0]["decision"] == "accepted"  # no dispatch-list referral outside the reception day
    assert cli("--data", mini, "check").code == 0


def test_unknown_channel(cli, mini):
    r = cli("--data", mini, "register", "--channel", "wechat")
    assert r.code == 2 and "--channel 只能是" in r.err


def test_a_blank_stays_blank(cli, mini, tmp_path):
    """An empty 电子邮箱 is not filled with the heading under it, nor an empty answer with the
    next section's heading."""
    form = fill_template(tmp_path / "e.xlsx", {"email": None})
    r = cli("--data", mini, "register", form, "--date", "2026-03-09")
    assert r.code == 0, r
    case = [c for c in _cases(mini).values() if c.get("source")][0]
    assert "email" not in case["contact"]
    form = fill_template(tmp_path / "a.xlsx", answers={"anonymous": None})
    r = cli("--data", mini, "register", form)
    assert r.code == 1 and "a.xlsx:登记表!B25: [form] 请回答“是否同意实名反映（署名企业和联系人）”（是/否）" in r.out


def test_the_roster_fills_what_the_form_leaves_blank(cli, mini, tmp_path):
    ent = next(mini.glob("enterprises/*.yaml"))
    text = ent.read_text(encoding="utf-8")
    if "contacts:" not in text:
        text += "contacts:\n  - name: 赵六\n    phone: '13911112222'\n"
        ent.write_text(text, encoding="utf-8")
    form = fill_template(tmp_path / "r.xlsx", {"district": None, "contact": None, "phone": None, "date": "2026年3月4日"})
    r = cli("--data", mini, "register", form, "--date", "2026-03-20")
    assert r.code == 0, r
    case = [c for c in _cases(mini).values() if c.get("source")][0]
    assert case["contact"]["name"] and case["contact"]["phone"]
    assert case["form_date"] == "2026-03-04" and case["registered"] == "2026-03-20"  # 填表日期 kept


def test_old_xls_in_a_folder_and_a_roster_are_not_forms(cli, mini, tmp_path):
    folder = tmp_path / "附件"
    folder.mkdir()
    (folder / "旧表.xls").write_bytes(b"\xd0\xcf\x11\xe0" + b"\0" * 100)
    roster_sheet(folder / "名单.xlsx", [["测试新材料有限公司", "91350100M000100Y43", "东区", "规上企业"]])
    r = cli("--data", mini, "register", folder)
    assert r.code == 1
    assert "旧表.xls: [form] 这是旧版 .xls 文件，请在 Excel/WPS 中“另存为” .xlsx 后再导入" in r.out
    lines = [line for line in r.out.splitlines() if line.startswith("名单.xlsx")]
    assert len(lines) == 1 and "不是来访企业预约登记表" in lines[0]


HOTLINE = ["--channel", "hotline", "--field", "能源", "--title", "热线反映：排污许可证延续办理慢", "--facts", "延续申请已等待两个月",
           "--reasons", "超过承诺时限", "--request", "请尽快办结延续"]


def test_enterprise_by_name_with_roster_contacts_and_a_duplicate_warning(cli, mini):
    ent = mini / "enterprises/91350100M000100Y43.yaml"
    ent.write_text(ent.read_text(encoding="utf-8") + "contacts:\n  - name: 钱七\n    phone: '13812345678'\n",
                   encoding="utf-8")
    r = cli("--data", mini, "register", "--name", "测试新材料有限公司", *HOTLINE, "--date", "2026-03-09")
    assert r.code == 0, r
    case = [c for c in _cases(mini).values() if c.get("channel") == "hotline"][0]
    assert case["enterprise"] == "91350100M000100Y43" and "enterprise_name" not in case  # linked to the roster
    assert case["contact"] == {"name": "钱七", "phone": "13812345678"}  # the roster's contact by default
    assert r.err.count("警告") == 0
    # the same call registered again a week later: registered, with a warning
    r = cli("--data", mini, "register", "--name", "新材料", *HOTLINE, "--date", "2026-03-16")
    assert r.code == 0 and f"可能与 {case['id']} 是同一诉求" in r.err
    other = mini / "enterprises/91350100MA2Y0K4L6G.yaml"
    other.write_text("uscc: 91350100MA2Y0K4L6G\nname: 测试电子有限公司\ndistrict: 东区\n", encoding="utf-8")
    r = cli("--data", mini, "register", "--name", "有限公司", *HOTLINE)
    assert r.code == 2 and "名录中有 2 家企业的名称含“有限公司”" in r.err  # asked to say which


def test_prompts_ask_again_and_accept_chinese_answers(monkeypatch):
    from anshang.cli import intake_cmds

    answers = iter(["不知道", "是", "航天", "能源、工业和信息化"])
    monkeypatch.setattr(intake_cmds.typer, "prompt", lambda *a, **k: next(answers))
    said = []
    monkeypatch.setattr(intake_cmds, "err", said.append)
    assert intake_cmds._yes_no("该事项是否已通过信访渠道反映") is True
    assert said == ["请回答“是”或“否”。"]

    class Settings:
        fields = ("能源", "工业和信息化")

    assert intake_cmds._ask_fields(Settings) == ["能源", "工业和信息化"]
    assert said[1].startswith("领域“航天”不在设置的领域列表中")


def test_choosing_among_enterprises_and_the_bar_pausing(monkeypatch):
    from anshang.cli import intake_cmds
    from anshang.cli.context import Bar

    answers = iter(["9", "2"])
    monkeypatch.setattr(intake_cmds.typer, "prompt", lambda *a, **k: next(answers))
    said = []
    monkeypatch.setattr(intake_cmds, "err", said.append)
    assert intake_cmds._choose([("A1", "甲有限公司"), ("B2", "乙有限公司")]) == "B2"
    assert said[-1] == "请输入 1 到 2 之间的序号。"
    calls = []

    class Live:
        def stop(self):
            calls.append("stop")

        def start(self):
            calls.append("start")

    bar = Bar("正在导入")
    bar._live = Live()
    with bar.paused():
        calls.append("ask")
    assert calls == ["stop", "ask", "start"]
    assert list(Bar("正在导入")([1, 2])) == [1, 2]  # no terminal: plain iteration
