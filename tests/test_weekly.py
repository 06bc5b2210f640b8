"""The weekly ledger, statistics, public feedback and xlsx2text, on the sample for a fixed date."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import subprocess

import openpyxl
import pytest

from anshang.store import yamlfile as yamlio

DAY = "2026-11-21"
NAME = "企业诉求台账-2026-W47.xlsx"


@pytest.fixture
def book(cli, sample, tmp_path):
    r = cli("--data", sample, "weekly", "--date", DAY, "--out", tmp_path / "a")
    assert r.code == 0, r
    assert "已写入：" in r.out and "诉求" in r.out
    return tmp_path / "a" / NAME


def _rows(ws):
    return {row[0].value: row for row in ws.iter_rows(min_row=4) if row[0].value}


def test_same_ledger_and_date_give_identical_bytes(cli, sample, tmp_path, book):
    r = cli("--data", sample, "weekly", "--date", DAY, "--out", tmp_path / "b")
    assert r.code == 0
    assert (tmp_path / "b" / NAME).read_bytes() == book.read_bytes()


def test_sheets_and_layout(book):
    wb = openpyxl.load_workbook(book)
    assert wb.sheetnames == ["诉求台账", "工作任务", "专题调研", "重大项目", "到期与超期", "营商办待办", "承办单位统计", "接待场次",
                             "共性问题", "说明"]
    ws = wb["诉求台账"]
    assert ws["A1"].value == "北岚市企业诉求台账（未办结及2026年办结）"
    assert ws["A2"].value == "制表单位：北岚市优化营商环境办公室　　　　截至2026年11月21日" and ws["B2"].value is None
    assert ws.freeze_panes == "A4" and ws.auto_filter.ref == f"A3:R{ws.max_row}"
    assert ws.print_title_rows == "$1:$3"  # title and headers on every printed page
    # 18 columns are not readable on A4: A3 landscape, fitted to the page width, as tall as needed
    assert (ws.page_setup.paperSize, ws.page_setup.orientation) == (8, "landscape")
    assert ws.sheet_properties.pageSetUpPr.fitToPage  # fitted to one page wide (1 is the default when left out), as tall as needed
    assert (ws.page_setup.fitToWidth or 1, ws.page_setup.fitToHeight) == (1, 0)
    assert ws.max_row == 3 + 50  # open demands and those finished in 2026; 3 finished in 2025 left out
    assert ws.column_dimensions["G"].width >= 18  # titles in Chinese get room
    for name in wb.sheetnames[1:]:
        assert wb[name].page_setup.paperSize == 9  # the narrower sheets fit A4
    for row in ws.iter_rows(min_row=3):
        for c in row:
            assert c.font.sz >= 10.5 and c.border.left.style == "thin" and c.alignment.wrap_text is not False


def test_typed_cells(book):
    wb = openpyxl.load_workbook(book)
    rows = _rows(wb["诉求台账"])
    row = rows["260909-qy48j"]
    assert row[1].value == dt.datetime(2026, 9, 9) and row[1].number_format == "yyyy-mm-dd"
    assert row[14].value == dt.datetime(2026, 10, 19) and row[16].value == 24 and row[16].data_type == "n"
    units = {r[0].value: r for r in wb["承办单位统计"].iter_rows(min_row=4)}
    rate = units["市财政局"][8]
    assert isinstance(rate.value, float) and rate.number_format == "0.0%"
    assert all(isinstance(r[1].value, int) for r in units.values())
    sessions = [r for r in wb["接待场次"].iter_rows(min_row=4)]
    assert sessions[0][0].is_date and sessions[0][3].data_type == "n"


def test_weekly_all_lists_every_year(cli, sample, tmp_path):
    r = cli("--data", sample, "weekly", "--date", DAY, "--out", tmp_path / "all", "--all")
    assert r.code == 0
    ws = openpyxl.load_workbook(tmp_path / "all" / NAME)["诉求台账"]
    assert ws["A1"].value == "北岚市企业诉求台账（全部年度）" and ws.max_row == 3 + 53
    cli("--data", sample, "weekly", "--date", DAY, "--out", tmp_path / "d")
    shown = set(_rows(openpyxl.load_workbook(tmp_path / "d" / NAME)["诉求台账"]))
    left_out = set(_rows(ws)) - shown
    assert left_out == {"250304-e2pzz", "250304-ps51v", "250903-32y9y"}  # closed in 2025


def test_rows_are_coloured_by_state(book, sample):
    ws = openpyxl.load_workbook(book)["诉求台账"]
    rows = _rows(ws)
    alert = {cid: row[17].value for cid, row in rows.items()}
    states = {cid: row[15].value for cid, row in rows.items()}
    assert {alert[c] for c, s in states.items() if s == "已办结"} == {"已办结"}
    # the supervision ladder: overdue ones are 催办 (orange) or, late beyond the threshold, 督办 (red)
    assert {alert[c] for c, s in states.items() if s == "超期"} == {"催办", "督办"}
    assert all(rows[c][16].value > 5 for c, s in states.items() if alert[c] == "督办")
    assert all(rows[c][16].value <= 5 for c, s in states.items() if alert[c] == "催办")
    soon = [c for c, a in alert.items() if a == "预警"]
    assert soon and all(states[c] == "办理中" for c in soon)
    assert all(rows[c][16].value for c, s in states.items() if s == "超期")  # days overdue shown
    rules = {}
    for area in ws.conditional_formatting:
        assert str(area.sqref) == f"A4:R{ws.max_row}"
        for rule in area.rules:
            rules[rule.formula[0]] = rule.dxf.fill.fgColor.rgb[-6:]
    assert rules == {'$R4="超期"': "FFC7CE", '$R4="即将到期"': "FFEB9C", '$R4="已办结"': "D9D9D9",
                     '$R4="预警"': "FFEB9C", '$R4="催办"': "F8CBAD", '$R4="督办"': "FFC7CE", '$R4="挂牌督办"': "FF9999"}


def test_no_formula_anywhere(book, cli, sample, tmp_path):
    cli("--data", sample, "publish", "--date", DAY, "--out", tmp_path / "p")
    books = [book, *(tmp_path / "p").glob("*.xlsx")]
    for path in books:
        for ws in openpyxl.load_workbook(path).worksheets:
            for row in ws.iter_rows():
                for c in row:
                    assert c.data_type != "f", f"{path.name} {ws.title}!{c.coordinate}"
    ledger = openpyxl.load_workbook(book)["诉求台账"]
    titles = [r[6].value for r in ledger.iter_rows(min_row=4)]
    assert "=SUM(A1)企业名称被误写问题" in titles


def test_due_sheet_and_common_problems(book):
    wb = openpyxl.load_workbook(book)
    due = [[c.value for c in r] for r in wb["到期与超期"].iter_rows(min_row=4)]
    assert due and all(r[7].startswith("超期") or r[7] == "本周到期" for r in due)
    assert [r[0] for r in due] == sorted(r[0] for r in due)  # grouped by unit
    assert {r[1] for r in due} == {"牵头", "配合"}  # co-units owe their part too
    common = [[c.value for c in r] for r in wb["共性问题"].iter_rows(min_row=4)]
    groups: dict = {}
    for g, _, cid, ent, title in common:
        groups.setdefault(g, []).append(title)
    assert ["增值税留抵退税办理进度缓慢", "留抵退税因上游发票协查长期暂停"] in groups.values()
    assert ["屋顶光伏项目并网接入受阻", "厂房屋顶分布式光伏并网申请久拖未决"] in groups.values()


def test_statistics_for_a_fixed_date(cli, sample):
    r = cli("--data", sample, "stats", "--date", DAY, "--json")
    data = json.loads(r.out)
    o = data["overall"]
    assert (o["registered"], o["accepted"], o["excluded"], o["referred"]) == (53, 35, 9, 4)
    assert (o["handed_over"], o["closed"], o["overdue"]) == (20, 5, 8)
    assert o["closure_rate"] == round(5 / 20, 4)
    assert o["satisfaction_rate"] == round(4 / 5, 4)  # five revisits, one 不满意
    # every handed-over case is counted under exactly one lead unit, and under each co-unit
    assert sum(u["as_lead"] for u in data["by_unit"].values()) == 20
    co = 0
    for path in sample.glob("cases/*/*.yaml"):
        out = yamlio.strip_lines(yamlio.loads(path.read_text(encoding="utf-8"))).get("outcome") or {}
        co += len(out.get("co_units") or []) if out.get("kind") == "handover" else 0
    assert co > 0 and sum(u["as_co"] for u in data["by_unit"].values()) == co
    assert all(u["handed_over"] == u["as_lead"] + u["as_co"] for u in data["by_unit"].values())
    assert set(data["by_leader"]) <= {"mayor", "vm-zhao", "vm-qian", "vm-sun", "vm-li", "vm-zhou", "vm-wu"}
    weekly_units = cli("--data", sample, "stats", "--date", DAY).out
    assert weekly_units.startswith("总体\t登记 53\t受理 35\t交办 20\t办结 5\t办结率 25.0%")


def test_statistics_on_a_small_ledger(cli, mini):
    p = mini / "cases/2026/260305-k7m2x.yaml"
    p.write_text(p.read_text(encoding="utf-8") + (
        "outcome:\n  kind: handover\n  date: 2026-03-19\n  lead_unit: gxj\n"
        "deadlines:\n  progress:\n    due: 2026-03-30\n    basis: 2026-03-19\n    rule: workdays\n    n: 7\n"
        "  result:\n    due: 2026-04-20\n    basis: 2026-03-19\n    rule: days\n    n: 30\n"
        "events:\n  - date: 2026-03-27\n    kind: progress\n  - date: 2026-04-22\n    kind: result\n"
        "  - date: 2026-04-23\n    kind: reply\n  - date: 2026-04-30\n    kind: revisit\n    satisfaction: 基本满意\n"
        "  - date: 2026-05-06\n    kind: close\n"), encoding="utf-8")
    u = json.loads(cli("--data", mini, "stats", "--date", "2026-06-01", "--json").out)["by_unit"]["gxj"]
    assert (u["handed_over"], u["reports_due"], u["reports_on_time"], u["progress_on_time"], u["result_on_time"]) == (1, 2, 1, 1, 0)
    assert (u["closure_rate"], u["on_time_rate"], u["satisfaction_rate"]) == (1.0, 0.5, 1.0)


def test_publish_has_no_personal_contact_data(cli, sample, tmp_path):
    r = cli("--data", sample, "publish", "--date", DAY, "--out", tmp_path, "--format", "all")
    assert r.code == 0
    md = (tmp_path / f"公开反馈-{DAY}.md").read_text(encoding="utf-8")
    text = md + cli("xlsx2text", tmp_path / f"公开反馈-{DAY}.xlsx").out
    secrets = set()
    for path in list(sample.glob("enterprises/*.yaml")) + list(sample.glob("cases/*/*.yaml")):
        d = yamlio.strip_lines(yamlio.loads(path.read_text(encoding="utf-8")))
        for c in (d.get("contacts") or []) + [d.get("contact") or {}]:
            secrets |= {str(c[k]) for k in ("name", "phone", "email") if c.get(k)}
        if d.get("legal_rep"):
            secrets.add(d["legal_rep"])
    assert len(secrets) > 300
    leaked = sorted(s for s in secrets if s in text)
    assert leaked == []
    assert "| 序号 | 企业名称 | 诉求事项 | 承办单位 | 办理状态 |" in md
    assert "北岚市迈科机器人有限公司" in md  # the enterprise itself is public
    only = tmp_path / "only"
    r = cli("--data", sample, "publish", "--date", DAY, "--out", only)
    assert r.out == f"已写入：{only / ('公开反馈-' + DAY + '.xlsx')}\n" and len(list(only.iterdir())) == 1
    ws = openpyxl.load_workbook(only / f"公开反馈-{DAY}.xlsx").active
    assert ws["A1"].value == "北岚市“市长服务民营企业接待日”企业诉求办理进度" and ws["F4"].is_date
    r = cli("--data", sample, "publish", "--format", "doc")
    assert r.code == 2 and "--format 只能是 xlsx" in r.err


def test_public_text_masks_numbers_in_titles():
    from anshang.documents.public import public_text

    assert public_text("请联系13800001111或li@x.cn，电话0479-8991510") == "请联系（电话已隐去）或（邮箱已隐去），电话（电话已隐去）"


def test_xlsx2text_is_stable(cli, book):
    a = cli("xlsx2text", book)
    assert a.code == 0 and a.out == cli("xlsx2text", book).out
    lines = a.out.splitlines()
    assert lines[0] == "== 诉求台账 ==" and lines[3].startswith("编号\t登记日期\t企业")
    assert "\t2025-03-07\t" in lines[4] and "00:00:00" not in a.out  # dates as dates, without a time
    assert "== 说明 ==" in lines


def test_xlsx2text_on_a_broken_file(cli, tmp_path):
    (tmp_path / "x.xlsx").write_bytes(b"nope")
    r = cli("xlsx2text", tmp_path / "x.xlsx")
    assert r.code == 2 and "不是 Excel .xlsx 文件" in r.err


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice not installed")
def test_libreoffice_opens_the_weekly_workbook(book, tmp_path):
    out = tmp_path / "lo"
    subprocess.run(["soffice", "--headless", "--norestore", f"-env:UserInstallation=file://{tmp_path}/profile",
                    "--convert-to", "xlsx", "--outdir", str(out), str(book)],
                   check=True, capture_output=True, timeout=180)
    again = openpyxl.load_workbook(out / NAME)
    mine = openpyxl.load_workbook(book)
    assert again.sheetnames == mine.sheetnames
    assert [[c.value for c in r] for r in again["诉求台账"].iter_rows(max_row=5)] == \
           [[c.value for c in r] for r in mine["诉求台账"].iter_rows(max_row=5)]


def test_weekly_out_may_name_the_file(cli, sample, tmp_path):
    r = cli("--data", sample, "weekly", "--date", DAY, "--out", tmp_path / "本周台账.xlsx")
    assert r.code == 0 and (tmp_path / "本周台账.xlsx").is_file()
    assert openpyxl.load_workbook(tmp_path / "本周台账.xlsx").sheetnames[0] == "诉求台账"


def test_sheets_worked_out_alongside_give_the_same_workbook(sample, monkeypatch):
    """The big-ledger path (other sheets computed by a forked copy while the ledger sheet is
    written) and the plain one write identical bytes and report the same counts."""
    from anshang.core.lifecycle import remembering_obligations
    from anshang.documents.agenda import drafted_years
    from anshang.documents.weekly import _build
    from anshang.store import alongside as elsewhere
    from anshang.store import loader
    from anshang.store.folder import Ledger

    ledger = Ledger(sample)
    settings, cal = loader.settings(ledger), loader.calendar(ledger, True)
    day = dt.date(2026, 11, 20)
    w = loader.load_as_of(ledger, day, cal)
    made = []
    before = elsewhere.answers
    for worth in (10**9, 0):  # never alongside; always (where the system can fork)
        monkeypatch.setattr(elsewhere, "WORTH_IT", worth)
        with remembering_obligations():
            made.append(_build(w, cal, settings, day, None, False, drafted_years(ledger)))
    assert elsewhere.answers == before + (1 if elsewhere.can_fork() else 0)  # the child's sheets were used
    assert made[0][0] == made[1][0]
    assert made[0][1] == made[1][1] and made[0][1]["office_open"] > 0 and made[0][1]["cases"] > 0


def test_work_alongside_returns_its_answer_or_is_done_here():
    import os
    import time

    from anshang.core.problems import AnshangError
    from anshang.store.alongside import Alongside, can_fork

    parent = os.getpid()
    done = Alongside(lambda: {"n": [1, dt.date(2026, 1, 2)], "here": os.getpid() == parent})
    assert done.result() == {"n": [1, dt.date(2026, 1, 2)], "here": not can_fork()} and done.answered is can_fork()

    def fails_elsewhere():  # the child's failure is not an answer: the work is done again here
        if os.getpid() != parent:
            raise RuntimeError("child")
        return "here"

    failed = Alongside(fails_elsewhere)
    assert failed.result() == "here" and not failed.answered
    assert Alongside(None).result() is None and not Alongside(None).running  # nothing to do
    small = Alongside(lambda: 1, items=1)  # not worth a second process: done here
    assert not small.running and small.result() == 1

    def refused():
        raise AnshangError("不行")

    with pytest.raises(AnshangError, match="不行"):  # an error of the work itself shows here as usual
        Alongside(refused).result()
    if can_fork():
        start = time.monotonic()
        with Alongside(lambda: time.sleep(60)) as slow:  # leaving the block stops the child
            pid = slow.pid
            assert slow.running
        assert time.monotonic() - start < 10 and not slow.running
        with pytest.raises(ChildProcessError):
            os.waitpid(pid, 0)  # stopped and reaped: no process left behind


def test_work_alongside_is_stopped_when_the_wait_is_interrupted():
    import os
    import signal
    import time

    from anshang.store.alongside import Alongside, can_fork

    if not can_fork():
        pytest.skip("no second process here: the work is done in this one")

    class Stop(Exception):
        pass

    def interrupt(signum, frame):
        raise Stop

    old = signal.signal(signal.SIGALRM, interrupt)
    try:
        slow = Alongside(lambda: time.sleep(30))
        pid = slow.pid
        start = time.monotonic()
        signal.setitimer(signal.ITIMER_REAL, 0.3)
        with pytest.raises(Stop):
            slow.result()
        assert time.monotonic() - start < 10 and slow.pid is None
        with pytest.raises(ChildProcessError):
            os.waitpid(pid, 0)
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


def test_work_alongside_stops_when_its_parent_is_killed():
    import os
    import signal
    import subprocess
    import sys
    import time

    from anshang.store.alongside import can_fork

    if not can_fork():
        pytest.skip("no second process here: the work is done in this one")
    code = ("import sys, time\nfrom anshang.store.alongside import Alongside\n"
            "a = Alongside(lambda: time.sleep(60))\nprint(a.pid, flush=True)\ntime.sleep(60)\n")
    parent = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    child = int(parent.stdout.readline())
    os.kill(parent.pid, signal.SIGKILL)  # killed: no chance to stop its copy itself
    parent.wait()
    start = time.monotonic()
    while time.monotonic() - start < 10:
        try:
            state = open(f"/proc/{child}/stat", encoding="utf-8").read().split(")")[-1].split()[0]
        except FileNotFoundError:
            break
        if state in ("Z", "X"):  # (a zombie waiting for init to reap it: no longer running)
            break
        time.sleep(0.05)
    else:
        os.kill(child, signal.SIGKILL)
        pytest.fail("the copy kept running after its parent was killed")
