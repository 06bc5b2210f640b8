"""Finding demands: ``anshang list`` filters, sorting, JSON and the printable table, on the sample."""

from __future__ import annotations

import json

import openpyxl
from conftest import aged, same_stop, under_rule

DAY = "2026-11-21"


def _rows(cli, sample, *args):
    r = cli("--data", sample, "list", "--date", DAY, "--json", *args)
    assert r.code == 0, r
    return json.loads(r.out)


def test_filters(cli, sample):
    late = _rows(cli, sample, "--overdue")
    stats = json.loads(cli("--data", sample, "stats", "--date", DAY, "--json").out)["overall"]
    assert len(late) == stats["overdue"] == 8 and {r["status"] for r in late} == {"overdue"}
    assert all(r["overdue_workdays"] > 0 for r in late)
    soon = {r["id"] for r in _rows(cli, sample, "--due-within", "2")}
    assert {r["id"] for r in late} < soon  # overdue ones, and those due within two working days
    assert [r["id"] for r in _rows(cli, sample, "光伏")] == ["261030-s40q5", "261118-b75pf"]
    assert [r["id"] for r in _rows(cli, sample, "光伏 并网 屋顶")] == ["261030-s40q5", "261118-b75pf"]
    assert [r["id"] for r in _rows(cli, sample, "光伏", "并网", "屋顶")] == ["261030-s40q5", "261118-b75pf"]
    ndrc = _rows(cli, sample, "--unit", "发改委")
    assert ndrc and all("市发展和改革委员会" in (r["lead"], *r["co"]) for r in ndrc)
    assert any(r["lead"] != "市发展和改革委员会" for r in ndrc)  # as a co-unit too
    assert [r["id"] for r in _rows(cli, sample, "--status", "择期安排")] == ["261120-p7g7f"]
    assert [r["id"] for r in _rows(cli, sample, "--enterprise", "宏达")] == ["261120-4eb3q", "261120-p7g7f"]
    hotline = _rows(cli, sample, "--channel", "服务热线")
    assert hotline and {r["channel"] for r in hotline} == {"hotline"}
    assert "accepted" not in {r["status"] for r in hotline}  # never 已受理待安排: no reception day for them
    assert {r["id"][:2] for r in _rows(cli, sample, "--year", "2025")} == {"25"}
    assert len(_rows(cli, sample, "--session", "2026年12月10日")) == 5
    due = [r["next_due"] for r in _rows(cli, sample, "--sort", "下一期限") if r["next_due"]]
    assert due == sorted(due) and len(due) > 5


def test_table_out_and_refusals(cli, sample, tmp_path):
    r = cli("--data", sample, "list", "--date", DAY, "--overdue", "--out", tmp_path / "超期.xlsx")
    assert r.code == 0 and "260909-qy48j" in r.out and "共 8 件。" in r.err
    ws = openpyxl.load_workbook(tmp_path / "超期.xlsx").active
    assert ws["A1"].value == "北岚市企业诉求查询结果" and ws.max_row == 3 + 8 + 1
    assert ws.cell(ws.max_row, 1).value == "条件：有超期事项；共 8 件。"
    r = cli("--data", sample, "list", "--date", DAY, "光伏", "--unit", "能源局", "--status", "办理中", "--out", tmp_path / "b.xlsx")
    ws = openpyxl.load_workbook(tmp_path / "b.xlsx").active
    assert ws.cell(ws.max_row, 1).value == "条件：文字“光伏”；状态：办理中；承办单位：市能源局；共 1 件。"
    for args, said in ((["--status", "没有"], "--status 只能是"), (["--field", "航天"], "不是设置中的领域"),
                       (["--unit", "航天局"], "不在 units.yaml 中"), (["--sort", "随便"], "--sort 只能是"),
                       (["--due-within", "-3"], "--due-within 应为不小于 0")):
        r = cli("--data", sample, "list", *args)
        assert r.code == 2 and said in r.err, args


def test_roster_show_lists_the_enterprise_cases(cli, sample):
    r = cli("--data", sample, "roster", "show", "北岚市宏达氯碱", "--date", DAY)
    assert r.code == 0
    assert r.out.splitlines()[-6:] == ["  诉求：2 件", "    261120-4eb3q  2026-11-20  已安排场次  留抵退税因上游发票协查长期暂停",
                                       "    261120-p7g7f  2026-11-20  择期安排  氯碱装置尾气治理设施改造环评批复",
                                       "  领导走访：无", "  重大项目：无", "  企业评议：无"]


def test_many_rows_are_listed_one_a_line_with_tabs(cli, sample, monkeypatch):
    from anshang.documents import case_list

    table = cli("--data", sample, "list", "--date", "2026-11-21", "--year", "2026")
    assert table.code == 0 and ("┃" in table.out or "│" in table.out)
    n = int(table.err.split("共 ")[1].split(" ")[0])
    monkeypatch.setattr(case_list, "TABLE_ROWS", 3)
    r = cli("--data", sample, "list", "--date", "2026-11-21", "--year", "2026")
    lines = r.out.splitlines()
    assert r.code == 0 and len(lines) == n + 1 and n > 3
    assert lines[0] == "编号\t登记\t企业\t诉求事项\t状态\t承办单位\t下一期限"
    assert all(line.count("\t") == 6 for line in lines)
    assert r.err == f"共 {n} 件。超过 3 件，逐行列出（各栏以制表符分隔）；要打印的表格请加 --out 文件.xlsx\n"
    ids = [line.split("\t")[0] for line in lines[1:]]
    assert ids == sorted(ids) and all(i in table.out for i in ids)


def test_the_list_from_the_read_indexes_is_the_one_from_a_full_read(sample, monkeypatch):
    import datetime as dt

    from anshang.documents import case_list as cl
    from anshang.store import loader
    from anshang.store.folder import Ledger

    ledger = Ledger(sample)
    settings = loader.settings(ledger)
    cal = loader.calendar(ledger, True)
    aged(sample)
    filters = [{}, {"statuses": ["overdue"]}, {"unit": "gxj"}, {"kinds": ["case", "task", "topic", "project"]},
               {"kinds": ["task"], "sort": "due"}, {"overdue": True}, {"due_within": 10}, {"sort": "enterprise"},
               {"year": 2026}, {"fields": ["政务服务"]}, {"enterprise": "北岚"}, {"kinds": ["project"], "enterprise": "北岚"},
               {"channel": "hotline"}, {"sort": "status"}]
    compared = 0
    for co in ("lead", "each"):
        s = under_rule(settings, co)
        for day in (dt.date(2026, 3, 1), dt.date(2026, 6, 30), dt.date(2026, 10, 20), dt.date(2026, 11, 21),
                    dt.date(2027, 6, 30)):
            world = loader.load_as_of(ledger, day, cal, cl.LIST_KINDS)
            for kw in filters:
                got = cl.list_cases(ledger, s, cal, day, cl.Filters(**kw))
                want = cl.select(world, s, cal, day, cl.Filters(**kw)), cl.describe(cl.Filters(**kw), world)
                assert got == want, (co, day, kw)
                compared += len(got[0])
    assert compared > 1000
    # the indexes answer: no file is read again on a day after every item's last change
    reads, read = [], loader.read
    monkeypatch.setattr(loader, "read", lambda ledger, rel, *a, **k: reads.append(rel) or read(ledger, rel, *a, **k))
    assert cl._from_index(ledger, settings, cal, dt.date(2027, 6, 30)) is not None and reads == []
    # a day long past: more files to read again than REREAD reads the whole ledger, with the same answer
    day = dt.date(2026, 6, 30)
    monkeypatch.setattr(loader, "REREAD", 0)
    assert cl._from_index(ledger, settings, cal, day) is None
    assert cl.list_cases(ledger, settings, cal, day, cl.Filters()) == want_all(loader, cl, ledger, settings, cal, day)
    # a text to find reads the whole ledger (the indexes hold no texts)
    assert [r["id"] for r in cl.list_cases(ledger, settings, cal, dt.date(2026, 11, 21), cl.Filters(text="光伏"))[0]] == \
        ["261030-s40q5", "261118-b75pf"]
    # a file with a problem: the same stop, with every problem listed, as a full read gives
    case = sorted(sample.glob("cases/2026/*.yaml"))[0]
    case.write_text("id: [\n", encoding="utf-8")
    same_stop(lambda: cl.list_cases(ledger, settings, cal, dt.date(2026, 11, 21), cl.Filters()),
              lambda: loader.load_as_of(ledger, dt.date(2026, 11, 21), cal, cl.LIST_KINDS))


def want_all(loader, cl, ledger, settings, cal, day):
    world = loader.load_as_of(ledger, day, cal, cl.LIST_KINDS)
    return cl.select(world, settings, cal, day, cl.Filters()), cl.describe(cl.Filters(), world)
