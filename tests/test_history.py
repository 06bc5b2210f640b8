"""History kept honestly: a reassignment shows the units before and after; receiving marks the
session 已举行; a cancelled session releases its demands."""

from __future__ import annotations

DAY = "2026-11-21"


def test_show_after_reassign_keeps_the_original_units(cli, sample):
    r = cli("--data", sample, "reassign", "260909-qy48j", "--lead", "财政局", "--reason", "单位提出异议",
            "--date", "2026-11-20", "--by", "营商办")
    assert r.code == 0 and r.out.startswith("已调整 260909-qy48j 的承办单位：牵头 市财政局；配合 市市场监督管理局\n")
    text = cli("--data", sample, "show", "260909-qy48j", "--date", DAY).out
    assert "2026-09-17 接待（副市长周永刚）：交办，牵头 市金融工作局，配合 市市场监督管理局；" in text
    assert ("2026-11-20 调整承办单位：原牵头 市金融工作局、配合 市市场监督管理局 → 牵头 市财政局、配合 市市场监督管理局"
            "：单位提出异议 [营商办]") in text
    assert "was: [jrj, scjgj]" in (sample / "cases/2026/260909-qy48j.yaml").read_text(encoding="utf-8")
    assert cli("--data", sample, "check", "--date", DAY).code == 0


def test_receiving_marks_the_session_held(cli, sample):
    session = sample / "sessions/2026/2026-12-10.yaml"
    assert "status: planned" in session.read_text(encoding="utf-8")
    r = cli("--data", sample, "receive", "261119-63j86", "--outcome", "当场解决", "--date", "2026-12-10",
            "--note", "当场协调")
    assert r.code == 0 and r.out == "已记录 261119-63j86：当场解决（2026-12-10）\n  场次 2026-12-10 已标为“已举行”\n"
    assert "status: held" in session.read_text(encoding="utf-8")
    r = cli("--data", sample, "session", "cancel", "2026-12-10", "--reason", "改期")
    assert r.code == 2 and "只能取消计划中的场次" in r.err


def test_cancel_releases_the_demands(cli, sample):
    r = cli("--data", sample, "session", "cancel", "2027年1月21日", "--reason", "接待领导出差", "--date", "2026-11-22")
    assert r.code == 0
    assert r.out == "已取消场次 2027-01-21；移出 1 件诉求：261120-p7g7f（运行 anshang match 重新安排）\n"
    text = (sample / "sessions/2027/2027-01-21.yaml").read_text(encoding="utf-8")
    assert "status: cancelled" in text and "note: 2026-11-22 取消：接待领导出差" in text
    case = (sample / "cases/2026/261120-p7g7f.yaml").read_text(encoding="utf-8")
    assert "\nsession:" not in case and "\nmatching:" not in case  # (the release event keeps them)
    assert "移出场次 2027-01-21：场次取消（接待领导出差）" in cli("--data", sample, "show", "261120-p7g7f").out
    assert cli("--data", sample, "check", "--date", "2026-11-22").code == 0
    r = cli("--data", sample, "session", "cancel", "2026-12-10")
    assert r.code == 2  # the reason is required
