"""Editing by hand safely (``anshang edit``) and withdrawing a demand (``anshang withdraw``)."""

from __future__ import annotations

import sys

import pytest

EDITOR = """\
import os, pathlib, sys
p = pathlib.Path(sys.argv[1])
p.write_bytes(p.read_bytes().replace(os.environ["ED_FROM"].encode(), os.environ["ED_TO"].encode()))
"""


@pytest.fixture
def editor(tmp_path, monkeypatch):
    script = tmp_path / "ed.py"
    script.write_text(EDITOR, encoding="utf-8")
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.setenv("EDITOR", f'"{sys.executable}" "{script}"')

    def change(old: str, new: str):
        monkeypatch.setenv("ED_FROM", old)
        monkeypatch.setenv("ED_TO", new)

    return change


def test_a_valid_edit_is_saved_with_its_comments_and_endings(cli, sample, editor):
    path = sample / "cases/2026/261120-4eb3q.yaml"
    path.write_bytes(b"\xef\xbb\xbf# clerk's note\r\n" + path.read_bytes().replace(b"\n", b"\r\n"))
    editor("title: 留抵退税因上游发票协查长期暂停", "title: 留抵退税因发票协查长期暂停")
    r = cli("--data", sample, "edit", "261120-4eb")
    assert (r.code, r.out) == (0, "已保存：cases/2026/261120-4eb3q.yaml\n")
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf# clerk's note\r\n") and "title: 留抵退税因发票协查长期暂停\r\n".encode() in raw
    editor("nothing", "here")
    assert cli("--data", sample, "edit", "261120-4eb").out == "未修改：cases/2026/261120-4eb3q.yaml\n"


@pytest.mark.parametrize(("old", "new", "said"), [
    ("channel: reception_day", "channel: 接待", "cases/2026/261120-4eb3q.yaml:3: [schema] channel（渠道） 的值 '接待' 不在允许范围"),
    ("id: 261120-4eb3q", "id: 261120-4eb3z", "cases/2026/261120-4eb3q.yaml:1: [edit] 不能修改 id"),
    ("title: 留抵", "title: [留抵", "cases/2026/261120-4eb3q.yaml:"),
    ("  - 税务\n", "  - 能量\n", "cases/2026/261120-4eb3q.yaml:"),  # a field the settings do not have (check)
])
def test_an_invalid_edit_keeps_the_original(cli, sample, editor, old, new, said):
    path = sample / "cases/2026/261120-4eb3q.yaml"
    before = path.read_bytes()
    editor(old, new)
    r = cli("--data", sample, "edit", "261120-4eb3q")
    assert r.code == 2 and said in r.err and "未保存（原文件不变）" in r.err
    assert path.read_bytes() == before


def test_what_can_be_edited(cli, sample, editor):
    editor("city: 北岚市", "city: 北岚")
    assert cli("--data", sample, "edit", "设置").out == "已保存：anshang.yaml\n"
    editor("place: 北岚市行政中心A座第三会议室", "place: 北岚宾馆")
    assert cli("--data", sample, "edit", "2026年12月10日").out == "已保存：sessions/2026/2026-12-10.yaml\n"
    editor("industry: 氯碱化工", "industry: 化工")
    assert cli("--data", sample, "edit", "宏达氯碱").out == "已保存：enterprises/91150303MAE3GG836X.yaml\n"
    editor("不存在的文字", "另一些文字")
    assert cli("--data", sample, "edit", "承办单位").out == "未修改：units.yaml\n"
    editor("limit: 15个工作日内", "limit: 15个工作日内完成")
    assert cli("--data", sample, "edit", "xd2026-06").out == "已保存：tasks/xd2026/06.yaml\n"
    editor("title: 政府投资项目拖欠企业账款问题专题调研", "title: 政府投资项目拖欠账款专题调研")
    assert cli("--data", sample, "edit", "zt2611").out == "已保存：topics/2026/zt261105-k7m2x.yaml\n"
    editor("note: 了解冬季生产保供情况", "note: 了解冬季生产保供和用电情况")
    assert cli("--data", sample, "edit", "zf261015").out == "已保存：visits/2026/zf261015-nrvy1.yaml\n"
    editor("lead_unit: czj", "lead_unit: nobody")  # a unit units.yaml does not have: refused, the file kept
    r = cli("--data", sample, "edit", "xd2026-06")
    assert r.code == 2 and "承办单位 'nobody' 不在 units.yaml 中" in r.err + r.out
    assert "lead_unit: czj" in (sample / "tasks/xd2026/06.yaml").read_text(encoding="utf-8")
    r = cli("--data", sample, "edit", "北岚市")
    assert r.code == 2 and "可指多家企业" in r.err
    r = cli("--data", sample, "edit", "没有这个")
    assert r.code == 2 and "找不到 '没有这个'" in r.err
    assert cli("--data", sample, "check", "--date", "2026-11-22").code == 0


def test_withdraw(cli, sample):
    r = cli("--data", sample, "withdraw", "261120-p7g7f", "--reason", "企业来电说明已自行解决", "--date", "2026-11-22")
    assert (r.code, r.out) == (0, "已撤回：261120-p7g7f\n")
    assert "2026-11-22 企业撤回：企业来电说明已自行解决（原安排在场次 2027-01-21，已让出）" in \
        cli("--data", sample, "show", "261120-p7g7f").out
    text = (sample / "cases/2026/261120-p7g7f.yaml").read_text(encoding="utf-8")
    assert "kind: withdraw" in text and "session: '2027-01-21'" in text  # kept on file, for --date before it
    shown = cli("--data", sample, "session", "show", "2027-01-21").out
    assert "261120-p7g7f" not in shown and "已安排：0/" in shown  # its place in the session is given back
    assert "已撤回" in cli("--data", sample, "show", "261120-p7g7f", "--date", "2026-11-22").out
    assert cli("--data", sample, "withdraw", "261120-p7g7f", "--reason", "x").err.strip() == "错误：261120-p7g7f 已撤回"
    # a handed-over demand withdrawn owes nothing more: no deadline, no chase
    assert cli("--data", sample, "withdraw", "260909-qy48j", "--reason", "企业已另行解决", "--date", "2026-11-22").code == 0
    assert "260909-qy48j" not in cli("--data", sample, "due", "--date", "2026-11-23").out
    r = cli("--data", sample, "report", "260909-qy48j", "result", "--date", "2026-11-23")
    assert r.code == 2 and "已由企业撤回，不再办理" in r.err
    assert cli("--data", sample, "withdraw", "260909-qy48j").code == 2  # the reason is required
    assert cli("--data", sample, "check", "--date", "2026-11-22").code == 0


def test_an_invalid_edit_can_be_reopened_at_a_terminal(cli, sample, tmp_path, monkeypatch):
    """At a terminal the problems are shown and the editor opens again on what was typed."""
    script = tmp_path / "twice.py"
    script.write_text(
        "import pathlib, sys\n"
        "p = pathlib.Path(sys.argv[1]); t = p.read_text(encoding='utf-8')\n"
        "t = t.replace('channel: 接待', 'channel: reception_day') if 'channel: 接待' in t "
        "else t.replace('channel: reception_day', 'channel: 接待').replace('title: 留抵', 'title: 【已核】留抵')\n"
        "p.write_text(t, encoding='utf-8')\n", encoding="utf-8")
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.setenv("EDITOR", f'"{sys.executable}" "{script}"')
    import anshang.steps.edit as edit_step
    from anshang.cli import ledger_cmds

    monkeypatch.setattr(edit_step, "interactive", lambda: True)
    asked = []
    monkeypatch.setattr(ledger_cmds.typer, "prompt", lambda text, **k: asked.append(text) or "是")
    r = cli("--data", sample, "edit", "261120-4eb3q")
    assert r.code == 0 and r.out == "已保存：cases/2026/261120-4eb3q.yaml\n"
    assert asked == ["重新打开修改？（是/否）"] and "channel（渠道） 的值 '接待' 不在允许范围" in r.err
    text = (sample / "cases/2026/261120-4eb3q.yaml").read_text(encoding="utf-8")
    assert "title: 【已核】留抵" in text and "channel: reception_day" in text  # the first edit kept
