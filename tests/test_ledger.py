"""Finding the ledger, creating one, ids, USCCs, path safety, and merging two clones."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys

import pytest

from anshang.core import ids, uscc
from anshang.core.problems import AnshangError
from anshang.steps.cases import create_case
from anshang.store.folder import Ledger, find_root

# --- ledger selection --------------------------------------------------------------------

def test_data_option_beats_environment(mini, tmp_path):
    assert find_root(str(mini), env={"ANSHANG_DATA": str(tmp_path)}) == mini.resolve()


def test_environment_variable(mini):
    assert find_root(None, env={"ANSHANG_DATA": str(mini)}) == mini.resolve()


def test_search_upwards_from_a_subfolder(mini):
    assert find_root(None, env={}, cwd=mini / "cases" / "2026") == mini.resolve()


def test_no_ledger_found_says_how_to_fix(tmp_path):
    with pytest.raises(AnshangError) as e:
        find_root(None, env={}, cwd=tmp_path)
    assert "--data" in e.value.message and "ANSHANG_DATA" in e.value.message


def test_cli_uses_environment_variable(cli, mini, monkeypatch):
    monkeypatch.setenv("ANSHANG_DATA", str(mini))
    assert cli("check").code == 0


# --- init --------------------------------------------------------------------------------

def test_init_creates_a_valid_commented_ledger(cli, tmp_path):
    target = tmp_path / "台账"
    r = cli("init", target, "--city", "北岚市")
    assert r.code == 0 and r.out.startswith("已新建台账：")
    text = (target / "anshang.yaml").read_text(encoding="utf-8")
    assert "city: 北岚市" in text and "# 全年接待日不少于 4 次" in text
    assert {p.name for p in target.iterdir()} >= {"anshang.yaml", "leaders.yaml", "units.yaml",
                                                   "enterprises", "sessions", "cases", "calendar",
                                                   ".gitignore"}
    assert "output/" in (target / ".gitignore").read_text(encoding="utf-8")
    assert cli("--data", target, "check", "--strict").code == 0
    assert cli("--data", target, "fmt", "--check").code == 0


def test_init_refuses_a_non_empty_folder(cli, tmp_path):
    (tmp_path / "x.txt").write_text("x", encoding="utf-8")
    r = cli("init", tmp_path)
    assert r.code == 2 and "不是空目录" in r.err
    assert not (tmp_path / "anshang.yaml").exists()


# --- ids ---------------------------------------------------------------------------------

def test_case_ids_sort_by_date_and_are_short():
    a = ids.new_case_id(dt.date(2026, 3, 5))
    b = ids.new_case_id(dt.date(2026, 11, 2))
    assert ids.id_problem(a) is None and len(a) == 12
    assert a.startswith("260305-") and sorted([b, a]) == [a, b]


def test_prefix_resolution():
    known = ["260305-k7m2x", "260305-k8aaa", "260306-00000"]
    assert ids.resolve("260306", known) == "260306-00000"
    assert ids.resolve("260305K7", known) == "260305-k7m2x"  # hyphen and case do not matter
    with pytest.raises(AnshangError, match="对应 2 件诉求"):
        ids.resolve("260305-k", known)
    with pytest.raises(AnshangError, match="没有编号"):
        ids.resolve("2701", known)


def test_cli_reports_ambiguous_prefix(cli, mini):
    shutil.copy(mini / "cases/2026/260305-k7m2x.yaml", mini / "cases/2026/260305-k8aaa.yaml")
    r = cli("--data", mini, "note", "260305", "x")
    assert r.code == 2 and "260305-k7m2x、260305-k8aaa" in r.err


# --- USCC --------------------------------------------------------------------------------

@pytest.mark.parametrize("code", ["91350100M000100Y43"])  # the example printed in GB 32100-2015
def test_valid_uscc(code):
    assert uscc.problem(code) is None


def test_uscc_problems_are_specific():
    assert uscc.problem("91350100M000100Y4") == "统一社会信用代码应为 18 位，实际 17 位：91350100M000100Y4"
    assert "应为 3，实际为 0" in uscc.problem("91350100M000100Y40")
    assert "非法字符 'I'" in uscc.problem("91350100M000100I43")
    assert uscc.normalize(" ９１３５０１００m０００１００y４３ ") == "91350100M000100Y43"


# --- names never become paths outside the ledger -----------------------------------------

@pytest.mark.parametrize("bad", ["../../etc/passwd", "260305-k7m2x/../../x", "..\\..\\x"])
def test_ids_cannot_escape(bad):
    with pytest.raises(AnshangError):
        Ledger.case_rel(bad)
    with pytest.raises(AnshangError):
        Ledger.session_rel(bad)
    with pytest.raises(AnshangError):
        Ledger.enterprise_rel(bad)


def test_path_refuses_outside(mini):
    with pytest.raises(AnshangError, match="在台账目录之外"):
        Ledger(mini).path("../outside.yaml")


# --- two clerks, two clones, one merge ---------------------------------------------------

def _git(cwd, *args):
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.cn",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.cn"}
    subprocess.run(["git", *args], cwd=cwd, check=True, env=env, capture_output=True)


@pytest.mark.skipif(shutil.which("git") is None, reason="git not installed")
def test_two_clones_create_cases_and_merge_cleanly(cli, mini, tmp_path):
    _git(mini, "init", "-q", "-b", "main")
    _git(mini, "add", "-A")
    _git(mini, "commit", "-qm", "start")
    a, b = tmp_path / "clerk_a", tmp_path / "clerk_b"
    _git(tmp_path, "clone", "-q", str(mini), str(a))
    _git(tmp_path, "clone", "-q", str(mini), str(b))
    same_day = {"registered": "2026-03-05", "channel": "hotline", "title": "同一天登记的诉求",
                "enterprise": "91350100M000100Y43", "fields": ["工业和信息化"]}
    made = []
    for clone in (a, b):
        for _ in range(20):  # many cases on the same day in both clones
            made.append(create_case(Ledger(clone), dict(same_day)))
        _git(clone, "add", "-A")
        _git(clone, "commit", "-qm", "cases")
    _git(a, "pull", "-q", "--no-rebase", "--no-edit", str(b), "main")
    assert len(set(made)) == 40
    assert len(list((a / "cases/2026").glob("*.yaml"))) == 41
    r = cli("--data", a, "check", "--date", "2026-11-21")  # (a fixed day: the year's session count is checked once it is over)
    assert (r.code, r.out) == (0, "")


def test_invalid_settings_stop_an_editing_command(cli, mini):
    p = mini / "anshang.yaml"
    p.write_text(p.read_text(encoding="utf-8").replace("session_capacity: 8", "session_capacity: 八"),
                 encoding="utf-8")
    r = cli("--data", mini, "note", "260305", "x")
    assert r.code == 2
    assert r.err.splitlines()[:2] == [
        "错误：设置无效：",
        "anshang.yaml:17: [schema] policy.session_capacity（每场接待诉求数上限） 应为整数，实际为 '八'",
    ]
    r = cli("--data", mini, "check", "--date", "2026-11-21")
    assert r.code == 1 and r.out.startswith("anshang.yaml:17: [schema] policy.session_capacity")


def test_fmt_remembers_canonical_files_by_identity_and_sees_every_change(cli, sample):
    import os
    import time

    old = time.time() - 60  # older than the memo's two-second safety window
    for f in sample.rglob("*.yaml"):
        os.utime(f, (old, old))
    assert cli("--data", sample, "fmt", "--check").code == 0
    assert (sample / ".anshang/fmt.bin").is_file()
    case = next((sample / "cases/2026").glob("*.yaml"))
    text = case.read_text(encoding="utf-8")
    # the same bytes count, the same inode and time: the memo answers without reading the file
    with open(case, "r+b") as f:
        f.write(text.replace("id: ", "id:\t", 1).encode("utf-8"))
    os.utime(case, (old, old))
    assert cli("--data", sample, "fmt", "--check").code == 0
    os.utime(case, (old + 1, old + 1))  # any change of identity is seen
    r = cli("--data", sample, "fmt", "--check")
    assert r.code == 1 and case.relative_to(sample).as_posix() in r.out
    assert cli("--data", sample, "fmt").code == 0
    assert case.read_text(encoding="utf-8") == text
    (sample / ".anshang/fmt.bin").write_bytes(b"\x00damaged")
    assert cli("--data", sample, "fmt", "--check").code == 0


def test_commands_with_text_numbers_and_flags_start_without_pydantic(cli, sample):
    """typer's pydantic-based checking of option values is not loaded for text, whole-number and
    flag options (about 0.17 s of every run); a wrong number is still refused in Chinese."""
    code = ("import sys; sys.argv = ['anshang', '--data', sys.argv[1], 'stats', '--year', '2026', '--json']\n"
            "from anshang.cli import main\n"
            "try:\n    main()\nexcept SystemExit:\n    pass\n"
            "print('pydantic' in sys.modules, file=sys.stderr)")
    r = subprocess.run([sys.executable, "-c", code, str(sample)], capture_output=True, text=True, encoding="utf-8")
    assert r.stderr.strip().endswith("False"), r.stderr[-500:]
    bad = cli("--data", sample, "stats", "--year", "二〇二六")
    assert bad.code == 2 and "'--year' 的值无效：'二〇二六' 不是有效的整数。" in bad.err
    assert cli("--data", sample, "stats", "--year", " 2026 ", "--json").out == cli("--data", sample, "stats", "--year", "2026",
                                                                                  "--json").out
