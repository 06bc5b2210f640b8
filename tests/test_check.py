"""``anshang check``: exact problem lines, exit codes, JSON, strictness and the cache."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import time

import pytest
from conftest import CASE, ENTERPRISE, write_ledger

DAY = "2026-11-21"


def test_mini_ledger_is_clean(cli, mini):
    r = cli("--data", mini, "check", "--date", DAY)
    assert (r.code, r.out) == (0, "")
    assert r.err.strip() == "检查通过，没有发现问题。"


def test_yaml_syntax_error_reported_with_file_and_line(cli, mini):
    p = mini / "cases/2026/260305-k7m2x.yaml"
    lines = p.read_text(encoding="utf-8").splitlines()
    lines[5] = "fields: [工业和信息化"  # unclosed flow list on line 6
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    r = cli("--data", mini, "check", "--date", DAY)
    assert r.code == 1
    assert r.out.startswith("cases/2026/260305-k7m2x.yaml:7: [yaml] YAML 语法错误")


def test_invalid_uscc_names_the_expected_character(cli, mini):
    bad = "91350100M000100Y44"
    os.rename(mini / "enterprises/91350100M000100Y43.yaml", mini / f"enterprises/{bad}.yaml")
    for rel in (f"enterprises/{bad}.yaml", "cases/2026/260305-k7m2x.yaml"):
        p = mini / rel
        p.write_text(p.read_text(encoding="utf-8").replace("91350100M000100Y43", bad), encoding="utf-8")
    r = cli("--data", mini, "check", "--date", DAY)
    assert r.code == 1
    assert r.out == (
        "cases/2026/260305-k7m2x.yaml:4: [uscc] 统一社会信用代码校验位错误："
        "91350100M000100Y44 的第 18 位应为 3，实际为 4\n"
        "enterprises/91350100M000100Y44.yaml:1: [uscc] 统一社会信用代码校验位错误："
        "91350100M000100Y44 的第 18 位应为 3，实际为 4\n"
    )


def test_dangling_references(cli, mini):
    p = mini / "cases/2026/260305-k7m2x.yaml"
    p.write_text(p.read_text(encoding="utf-8").replace("session: '2026-03-19'", "session: '2026-04-16'"),
                 encoding="utf-8")
    s = mini / "sessions/2026/2026-03-19.yaml"
    s.write_text(s.read_text(encoding="utf-8").replace("leader: mayor", "leader: vm-nobody"), encoding="utf-8")
    r = cli("--data", mini, "check", "--date", DAY)
    assert r.code == 1
    assert r.out == (
        "cases/2026/260305-k7m2x.yaml:14: [ref] 接待场次 '2026-04-16' 不存在（sessions/ 中没有该场次）\n"
        "sessions/2026/2026-03-19.yaml:3: [ref] 接待领导 'vm-nobody' 不在 leaders.yaml 中\n"
    )


def test_schema_problems_all_reported_in_one_run(cli, mini):
    p = mini / "cases/2026/260305-k7m2x.yaml"
    text = p.read_text(encoding="utf-8")
    text = text.replace("channel: reception_day", "channel: hotlne").replace("title: 厂房用电增容\n", "")
    text += "titel: 错字\n"
    p.write_text(text, encoding="utf-8")
    r = cli("--data", mini, "check", "--date", DAY)
    assert r.code == 1
    assert r.out.splitlines() == [
        "cases/2026/260305-k7m2x.yaml:1: [schema] 缺少必填项 title（诉求事项）",
        "cases/2026/260305-k7m2x.yaml:3: [schema] channel（渠道） 的值 'hotlne' 不在允许范围："
        "reception_day、hotline、open_day、complaint_centre、leader_visit、service_month、other（是否想写 hotline？）",
        "cases/2026/260305-k7m2x.yaml:13: [procedure] 其他渠道的诉求不参与接待日匹配，不应有 session",
        "cases/2026/260305-k7m2x.yaml:14: [schema] 警告：未知的键 titel（是否想写 title？）",
    ]


def test_a_list_where_one_session_belongs_is_reported_not_a_crash(cli, mini):
    p = mini / "cases/2026/260305-k7m2x.yaml"
    p.write_text(p.read_text(encoding="utf-8").replace("session: '2026-03-19'", "session: ['2026-03-19', x]"),
                 encoding="utf-8")
    r = cli("--data", mini, "check", "--date", DAY)
    assert r.code == 1 and "内部错误" not in r.out + r.err
    assert r.out.splitlines() == ["cases/2026/260305-k7m2x.yaml:14: [schema] session（接待场次） 应为文本"]


def test_duplicate_ids_and_dates_out_of_order(cli, mini):
    other = CASE.replace("date: 2026-03-06", "date: 2026-03-01")
    write_ledger(mini, {"cases/2027/260305-k7m2x.yaml": other})
    r = cli("--data", mini, "check", "--json", "--date", DAY)
    assert r.code == 1
    found = {(p["path"], p["line"], p["code"], p["message"]) for p in json.loads(r.out)}
    assert ("cases/2027/260305-k7m2x.yaml", 1, "id", "诉求 260305-k7m2x 应放在 cases/2026/ 目录") in found
    assert ("cases/2027/260305-k7m2x.yaml", 10, "dates",
            "受理审查日期早于登记日期：2026-03-01 早于 2026-03-05") in found
    assert ("cases/2027/260305-k7m2x.yaml", 1, "id",
            "诉求编号 260305-k7m2x 重复（另见 cases/2026/260305-k7m2x.yaml）") in found


def test_json_shape(cli, mini):
    (mini / "enterprises/91350100M000100Y43.yaml").write_text(
        ENTERPRISE.replace("district: 东区", "district: 西区"), encoding="utf-8")
    r = cli("--data", mini, "check", "--json", "--date", DAY)
    assert r.code == 1
    assert json.loads(r.out) == [{
        "path": "enterprises/91350100M000100Y43.yaml", "line": 3, "code": "ref",
        "severity": "error", "message": "属地 '西区' 不在设置的 districts 列表中",
    }]


def test_warnings_pass_unless_strict(cli, mini):
    p = mini / "cases/2026/260305-k7m2x.yaml"
    p.write_text(p.read_text(encoding="utf-8") + "remark: 手工加的键\n", encoding="utf-8")
    assert cli("--data", mini, "check", "--date", DAY).code == 0
    r = cli("--data", mini, "check", "--strict", "--date", DAY)
    assert r.code == 1
    assert "[schema] 警告：未知的键 remark" in r.out


def test_not_a_ledger_is_exit_2_without_traceback(cli, tmp_path):
    r = cli("--data", tmp_path, "check")
    assert r.code == 2
    assert "Traceback" not in r.err
    assert r.err.startswith("错误：") and "anshang init" in r.err


def test_usage_error_is_exit_2(cli, mini):
    r = cli("--data", mini, "check", "--no-such-option")
    assert r.code == 2


def test_gbk_file_is_a_clear_problem(cli, mini):
    (mini / "cases/2026/260305-k7m2x.yaml").write_bytes(CASE.encode("gbk"))
    r = cli("--data", mini, "check", "--date", DAY)
    assert r.code == 1
    assert "cases/2026/260305-k7m2x.yaml:" in r.out and "不是 UTF-8 编码" in r.out


def test_utf8_bom_is_accepted(cli, mini):
    p = mini / "cases/2026/260305-k7m2x.yaml"
    p.write_bytes(b"\xef\xbb\xbf" + p.read_bytes())
    assert cli("--data", mini, "check", "--date", DAY).code == 0


def test_case_in_wrong_place(cli, mini):
    os.rename(mini / "cases/2026/260305-k7m2x.yaml", mini / "cases/260305-k7m2x.yaml")
    r = cli("--data", mini, "check", "--date", DAY)
    assert r.code == 1
    assert r.out.startswith("cases/260305-k7m2x.yaml:1: [layout]")


def test_calendar_supplement_problems_point_at_lines(cli, mini):
    write_ledger(mini, {"calendar/2027.yaml": """\
        year: 2027
        source: 国务院办公厅关于2027年部分节假日安排的通知
        holidays:
          - name: 元旦
            from: 2027-01-03
            to: 2027-01-01
          - name: 春节
            from: 2027-02-06
            to: 2027-02-12
        workdays:
          - 2027-02-07
          - 2028-01-02
        """})
    r = cli("--data", mini, "check", "--date", DAY)
    assert r.code == 1
    assert r.out.splitlines() == [
        "calendar/2027.yaml:6: [calendar] 放假结束日期 2027-01-01 早于开始日期 2027-01-03",
        "calendar/2027.yaml:11: [calendar] 2027-02-07 既是放假日（第 7 行）又是调休上班日",
        "calendar/2027.yaml:12: [calendar] 日期 2028-01-02 不在 2027 年内",
    ]


def test_cache_gives_same_answer_and_sees_edits(cli, mini):
    p = mini / "cases/2026/260305-k7m2x.yaml"
    old = time.time() - 60  # older than the cache's two-second safety window
    for f in mini.rglob("*.yaml"):
        os.utime(f, (old, old))
    first = cli("--data", mini, "check", "--date", DAY)
    assert list((mini / ".anshang/cache").glob("*.bin"))
    second = cli("--data", mini, "check", "--date", DAY)
    assert (first.code, first.out) == (second.code, second.out) == (0, "")
    p.write_text(p.read_text(encoding="utf-8").replace("type: 2", "type: 9"), encoding="utf-8")
    third = cli("--data", mini, "check", "--date", DAY)
    assert third.code == 1 and "type（受理类型（§三(一)1–5））" in third.out


def test_unchanged_ledger_reuses_the_last_answer(cli, mini):
    old = time.time() - 60
    for f in mini.rglob("*.yaml"):
        os.utime(f, (old, old))
    p = mini / "cases/2026/260305-k7m2x.yaml"
    p.write_text(p.read_text(encoding="utf-8").replace("type: 2", "type: 9"), encoding="utf-8")
    os.utime(p, (old, old))
    first = cli("--data", mini, "check", "--date", DAY)
    assert first.code == 1 and (mini / ".anshang/check.json").is_file()
    assert cli("--data", mini, "check", "--date", DAY).out == first.out
    p.write_text(p.read_text(encoding="utf-8").replace("type: 9", "type: 2"), encoding="utf-8")
    os.utime(p, (old + 1, old + 1))  # changed, though not just now: the identity differs
    assert cli("--data", mini, "check", "--date", DAY).code == 0


def test_corrupt_cache_is_ignored(cli, mini):
    (mini / ".anshang").mkdir()
    (mini / ".anshang/cache").mkdir()
    for n in range(16):
        (mini / f".anshang/cache/{n:02d}.bin").write_bytes(b"\x00not a cache")
    (mini / ".anshang/check.json").write_text("[1, 2", encoding="utf-8")
    assert cli("--data", mini, "check", "--date", DAY).code == 0


def test_sample_ledger_passes_check(cli, sample):
    r = cli("--data", sample, "check", "--date", "2026-11-21")  # the sample is "as of" this day
    assert r.code == 0, r.out
    # the only findings: the major projects' next quarterly reviews, the first 2027 session and an
    # ongoing task's next quarterly report wait for the 2027 holiday notice
    assert [line.split(":")[0] for line in r.out.splitlines()] == ["projects/2026/xm260302-7dq4k.yaml",
                                                                   "projects/2026/xm260520-h3ve9.yaml",
                                                                   "sessions/2027/2027-01-21.yaml",
                                                                   "tasks/xd2026/09.yaml"]
    assert "暂定" in r.out


def test_the_cache_answers_exactly_as_a_fresh_parse(cli, sample, monkeypatch):
    """The YAML files are the only source of truth: what comes from the cache (data, lines,
    schema findings, unreadable files) equals a fresh parse, and a check from it says the same."""
    from anshang.store import yamlfile
    from anshang.store.folder import Ledger

    case = next((sample / "cases/2026").glob("*.yaml"))
    case.write_text(case.read_text(encoding="utf-8").replace("channel:", "channel: [", 1), encoding="utf-8")
    other = sorted((sample / "cases/2026").glob("*.yaml"))[1]
    other.write_text(other.read_text(encoding="utf-8") + "surprise: 1\n", encoding="utf-8")
    old = time.time() - 60
    for f in sample.rglob("*.yaml"):
        os.utime(f, (old, old))

    def view(snap):
        return [(d.kind, d.rel, d.data, d.schema) for d in snap.docs()], sorted(snap.problems)

    built = view(Ledger(sample).load_all(schema=True))
    with monkeypatch.context() as m:  # the second read must not parse a single file
        m.setattr(yamlfile, "loads", lambda *a, **k: pytest.fail("parsed although cached"))
        cached = view(Ledger(sample).load_all(schema=True))
    fresh = view(Ledger(sample).load_all(use_cache=False, schema=True))
    assert cached == fresh == built
    assert any(p.code == "yaml" for p in fresh[1])
    no_cache = cli("--data", sample, "check", "--no-cache", "--date", DAY)
    assert no_cache.code == 1 and "surprise" in no_cache.out
    assert (cli("--data", sample, "check", "--date", DAY).out, cli("--data", sample, "check", "--date", DAY).out) == (no_cache.out, no_cache.out)


def test_a_partial_read_forgets_files_gone_of_the_kinds_it_read_and_keeps_the_others(mini):
    from anshang.store.cache import Cache
    from anshang.store.folder import Ledger

    old = time.time() - 60
    for f in mini.rglob("*.yaml"):
        os.utime(f, (old, old))
    Ledger(mini).load_all(plain=True, kinds={"case", "enterprise"})
    folder = mini / ".anshang/plain"
    assert {"cases/2026/260305-k7m2x.yaml", "enterprises/91350100M000100Y43.yaml"} <= set(Cache(folder).entries)
    (mini / "cases/2026/260305-k7m2x.yaml").unlink()
    Ledger(mini).load_all(plain=True, kinds={"case"})
    left = set(Cache(folder).entries)
    assert "cases/2026/260305-k7m2x.yaml" not in left and "enterprises/91350100M000100Y43.yaml" in left


def _aged(root, *files):
    """Files (default: every file of the ledger) older than the caches' two-second safety window;
    files named are a second younger than the rest, so that an edit is a new identity."""
    old = time.time() - 600 + (1 if files else 0)
    for f in files or root.rglob("*.yaml"):
        os.utime(f, (old, old))


@pytest.mark.parametrize("edit", ["enterprise gone", "session moved", "district dropped", "unit gone"])
def test_remembered_file_findings_follow_the_files_they_read(cli, sample, edit):
    """The findings of the rules about single case and enterprise files are remembered per file,
    but an edit to another file they read (the roster, a session, the settings, the units)
    makes them be worked out again: the answer equals a check without any cache."""
    _aged(sample)
    assert cli("--data", sample, "check", "--date", DAY).code == 0
    assert (sample / ".anshang/check-files.bin").is_file()
    if edit == "enterprise gone":
        (sample / "enterprises/91150304MA7FAABAFA.yaml").unlink()
        want = "cases/2026/260309-as34x.yaml:7: [ref] 企业 91150304MA7FAABAFA 不在企业名录中"
        p = sample / "units.yaml"  # (an unchanged file: nothing to age)
    elif edit == "session moved":
        p = sample / "sessions/2026/2026-03-19.yaml"
        p.write_text(p.read_text(encoding="utf-8").replace("date: 2026-03-19", "date: 2026-01-05"), encoding="utf-8")
        want = "[dates] 所排接待日早于诉求登记日期"
    elif edit == "district dropped":
        p = sample / "anshang.yaml"
        p.write_text(p.read_text(encoding="utf-8").replace("  - 河口区\n", ""), encoding="utf-8")
        want = "[ref] 属地 '河口区' 不在设置的 districts 列表中"
    else:
        p = sample / "units.yaml"
        text = p.read_text(encoding="utf-8")
        unit = re.search(r"lead_unit: (\S+)", (sample / "cases/2026/260609-01mc1.yaml").read_text(encoding="utf-8")).group(1)
        p.write_text(text.replace(f"id: {unit}\n", f"id: {unit}-gone\n"), encoding="utf-8")
        want = f"[ref] 承办单位 '{unit}' 不在 units.yaml 中"
    _aged(sample, p)
    remembered = cli("--data", sample, "check", "--date", DAY)
    fresh = cli("--data", sample, "check", "--no-cache", "--date", DAY)
    assert (remembered.code, remembered.out) == (fresh.code, fresh.out)
    assert remembered.code == 1 and want in remembered.out


def test_after_one_case_changed_only_its_file_rules_run_again(sample, monkeypatch):
    from anshang.store import checks
    from anshang.store.folder import Ledger

    _aged(sample)
    seen = []
    monkeypatch.setitem(checks.FILE_RULES, "case", [
        (code, lambda rel, d, ctx, fn=fn: (seen.append(rel), (yield from fn(rel, d, ctx))))
        for code, fn in checks.FILE_RULES["case"]])
    memo: dict = {}
    day = dt.date(2026, 11, 21)
    first = checks.run(Ledger(sample).load_all(schema=True), today=day, memo=memo)
    n_rules = len(checks.FILE_RULES["case"])
    assert len(seen) == n_rules * len(list(sample.glob("cases/*/*.yaml")))
    seen.clear()
    assert checks.run(Ledger(sample).load_all(schema=True), today=day, memo=memo) == first and seen == []
    p = sample / "cases/2026/260309-as34x.yaml"
    p.write_text(p.read_text(encoding="utf-8").replace("registered: 2026-03-09", "registered: 2026-03-25"),
                 encoding="utf-8")
    _aged(sample, p)
    again = checks.run(Ledger(sample).load_all(schema=True), today=day, memo=memo)
    assert seen == ["cases/2026/260309-as34x.yaml"] * n_rules
    assert again == checks.run(Ledger(sample).load_all(use_cache=False, schema=True), today=day)
    assert any(q.path == p.relative_to(sample).as_posix() and q.code == "dates" for q in again)


BAD_VALUES = [[1, [2]], {"a": [1]}, 3.5, None, True]


@pytest.mark.parametrize("kind", ["cases", "sessions", "tasks", "topics", "projects", "campaigns", "visits", "plans",
                                  "evaluations", "enterprises", "records"])
def test_a_value_of_the_wrong_type_anywhere_is_reported_not_a_crash(sample, kind):
    """Every key of a file of each kind, given a list, a mapping, a number, nothing or a flag: the
    checks report it (the schema check says what is wrong) and never fail themselves."""
    from anshang.store import checks
    from anshang.store.folder import Ledger

    snap = Ledger(sample).load_all(use_cache=False, schema=True)
    doc = getattr(snap, kind)[0]
    data = doc.data
    for key in [k for k in data if isinstance(k, str)]:
        for bad in BAD_VALUES:
            doc.data = {**data, key: bad}
            checks.run(snap, today=dt.date(2026, 11, 21), memo={})
    nested = {**data, "activities": [{"number": [1]}], "phases": [1], "events": [{"kind": "close", "date": [1]}]}
    doc.data = nested
    checks.run(snap, today=dt.date(2026, 11, 21), memo={})
