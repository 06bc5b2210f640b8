"""Nothing lost, nothing leaked: concurrent writers, links out of the ledger, leftovers of killed
writes, and ordinary bad input that must give a message, never an internal error. Counts are
asserted to be zero; the rounds are kept small enough for CI."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import REPO

from anshang.store import yamlfile as yamlio
from anshang.store.folder import Ledger

ENV = {**os.environ, "PYTHONPATH": str(REPO), "ANSHANG_LOCK_TIMEOUT": "60"}


def _anshang(*args) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "anshang", *map(str, args)], env=ENV,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _waiting_on_lock(proc, ledger_root: Path) -> bool:
    """Whether ``proc`` holds the ledger's lock file open (it is waiting for the lock)."""
    lock = str((ledger_root / ".anshang/lock").resolve())
    for _ in range(600):
        try:
            if any(os.path.realpath(f"/proc/{proc.pid}/fd/{fd}") == lock for fd in os.listdir(f"/proc/{proc.pid}/fd")):
                return True
        except OSError:
            pass
        time.sleep(0.05)
    return False


def _case(root, cid):
    return yamlio.strip_lines(yamlio.loads((root / f"cases/20{cid[:2]}/{cid}.yaml").read_text(encoding="utf-8")))


# --- concurrent writers ------------------------------------------------------------------------

@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="needs /proc to see the waiting writer")
def test_fmt_keeps_a_note_acknowledged_while_it_waited(sample):
    rel = "cases/2026/261102-ecng5.yaml"
    p = sample / rel
    text = p.read_text(encoding="utf-8")
    p.write_text("title: 先写标题（不是规范顺序）\n" + re.sub(r"(?m)^title: .*\n", "", text), encoding="utf-8")
    with Ledger(sample).lock():
        proc = _anshang("--data", sample, "fmt")
        assert _waiting_on_lock(proc, sample)
        # meanwhile a note is acknowledged (written under the lock fmt is waiting for)
        p.write_text(p.read_text(encoding="utf-8") + "  - date: 2026-11-21\n    kind: note\n    note: 已确认的备注\n",
                     encoding="utf-8")
    assert proc.wait(timeout=60) == 0, proc.stderr.read()
    events = _case(sample, "261102-ecng5")["events"]
    assert events[-1]["note"] == "已确认的备注"
    assert p.read_text(encoding="utf-8").startswith("id: 261102-ecng5\n")  # and it was formatted


def test_two_receives_on_one_case_never_both_succeed(cli, sample):
    cases = ["261120-4e", "261119-63j86"]  # accepted, scheduled, not yet received (sample as of 11-21)
    ids = []
    for prefix in cases:
        r = cli("--data", sample, "show", prefix)
        assert r.code == 0, r
        ids.append(r.out.split()[0])
    both = 0
    for cid in ids:
        a = _anshang("--data", sample, "receive", cid, "--outcome", "solved", "--note", "甲")
        b = _anshang("--data", sample, "receive", cid, "--outcome", "explained", "--note", "乙")
        codes = sorted([a.wait(timeout=60), b.wait(timeout=60)])
        both += codes == [0, 0]
        assert codes == [0, 2], (a.stderr.read(), b.stderr.read())
        kind = _case(sample, cid)["outcome"]["kind"]
        assert kind in ("solved", "explained")
    assert both == 0


# --- paths and links -----------------------------------------------------------------------------

@pytest.mark.skipif(os.name == "nt", reason="symbolic links")
@pytest.mark.parametrize("name", ["output", ".anshang"])
def test_a_linked_output_or_state_folder_is_refused(cli, sample, tmp_path, name):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    target = sample / name
    if target.exists():
        import shutil

        shutil.rmtree(target)
    target.symlink_to(elsewhere, target_is_directory=True)
    r = cli("--data", sample, "weekly", "--date", "2026-11-21") if name == "output" else \
        cli("--data", sample, "note", "261102-ecng5", "x")
    assert r.code == 2 and f"{name}/ 是指向台账目录之外的链接" in r.err, r
    assert list(elsewhere.iterdir()) == []


@pytest.mark.skipif(os.name == "nt", reason="symbolic links")
def test_a_case_file_linked_out_of_the_ledger_is_reported_not_read(cli, sample, tmp_path):
    outside = tmp_path / "secret.yaml"
    outside.write_text("id: 261102-zzzzz\ntitle: 台账之外的文件\n", encoding="utf-8")
    (sample / "cases/2026/261102-zzzzz.yaml").symlink_to(outside)
    r = cli("--data", sample, "check")
    assert r.code == 1 and "cases/2026/261102-zzzzz.yaml:1: [layout] 路径" in r.out
    r = cli("--data", sample, "due")
    assert r.code == 2 and "[layout]" in r.err and "台账之外的文件" not in r.out


def test_an_id_in_a_session_file_never_becomes_a_path(cli, sample, tmp_path):
    (sample / "sessions/2026/2026-12-10.yaml").write_text(
        (sample / "sessions/2026/2026-12-10.yaml").read_text(encoding="utf-8").replace(
            "id: '2026-12-10'", "id: 2026-12-10/../../../逃逸"), encoding="utf-8")
    r = cli("--data", sample, "session", "contacts", "2026-12-10/../../../逃逸")
    written = [p for p in sample.rglob("*逃逸*")] + [p for p in tmp_path.rglob("*逃逸*") if sample not in p.parents]
    assert all(sample / "output" in p.parents for p in written), written
    assert r.code in (0, 2) and "内部错误" not in r.err


def test_fmt_refuses_a_file_outside_the_ledger(cli, sample, tmp_path):
    other = tmp_path / "x.yaml"
    other.write_text("a: 1\n", encoding="utf-8")
    r = cli("--data", sample, "fmt", other)
    assert r.code == 2 and "在台账目录之外" in r.err and other.read_text(encoding="utf-8") == "a: 1\n"


# --- leftovers of killed writes ----------------------------------------------------------------

def test_leftover_temp_files_are_swept_by_the_next_write(cli, sample):
    leftovers = [sample / "cases/2026/.261102-ecng5.yaml.abc123.tmp", sample / "enterprises/.x.yaml.k2.tmp",
                 sample / ".anshang.yaml.q.tmp"]
    for p in leftovers:
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text("half", encoding="utf-8")
    assert cli("--data", sample, "check").code == 0  # not mistaken for ledger files
    assert cli("--data", sample, "note", "261102-ecng5", "x").code == 0
    assert [p for p in leftovers if p.exists()] == []
    assert ".*.tmp" in (REPO / "templates/ledger/gitignore").read_text(encoding="utf-8")


# --- ordinary bad input: a message, never an internal error ------------------------------------------

BAD_VALUES = [
    ("title: 厂房用电增容", 'title: "厂房\\a用电增容"', "控制字符 U+0007"),
    ("title: 厂房用电增容", "title: [1, 2]", "应为文本"),
    ("registered: 2026-11-02", "registered: 2026-02-30", "日期不存在"),
    ("id: 261102-ecng5", "id: [1, 2]", "应为文本"),
]


@pytest.mark.parametrize("old,new,says", BAD_VALUES)
@pytest.mark.parametrize("command", [["weekly", "--date", "2026-11-21"], ["publish"], ["note", "261102-ecng5", "x"],
                                     ["show", "261102-ecng5"], ["stats"]])
def test_bad_values_are_reported_by_check_and_stop_other_commands(cli, sample, old, new, says, command):
    p = sample / "cases/2026/261102-ecng5.yaml"
    text = p.read_text(encoding="utf-8")
    if old.startswith("title"):
        text = re.sub(r"(?m)^title: .*$", lambda m: new, text)
    else:
        assert old in text
        text = text.replace(old, new)
    p.write_text(text, encoding="utf-8")
    r = cli("--data", sample, "check")
    assert r.code == 1 and says in r.out
    r = cli("--data", sample, *command)
    if command[0] == "show" and new.startswith("id:"):
        assert r.code == 2 and "内部错误" not in r.err
        return
    assert r.code == 2 and says in r.err and "内部错误" not in r.err, r


def test_enormous_day_counts_are_a_message(cli, tmp_path):
    r = cli("deadline", "2026-01-01", "--days", "999999999999")
    assert r.code == 2 and "超出日历可计算范围" in r.err


def test_roster_import_writes_nothing_when_an_enterprise_file_is_broken(cli, mini, tmp_path):
    from formkit import roster_sheet
    from test_roster import ROWS

    (mini / "enterprises/91350100M000100Y43.yaml").write_text("", encoding="utf-8")
    before = sorted(p.name for p in (mini / "enterprises").iterdir())
    r = cli("--data", mini, "roster", "import", roster_sheet(tmp_path / "名单.xlsx", ROWS))
    assert r.code == 2 and "enterprises/91350100M000100Y43.yaml" in r.err and "名单未导入" in r.err
    assert sorted(p.name for p in (mini / "enterprises").iterdir()) == before


# --- hand edits survive anshang's edits ------------------------------------------------------------

def test_an_edit_keeps_bom_line_endings_marker_and_comments(cli, sample):
    p = sample / "cases/2026/261102-ecng5.yaml"
    text = "# 手写的说明\n---\n" + p.read_text(encoding="utf-8")
    p.write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))
    assert cli("--data", sample, "note", "261102-ecng5", "备注").code == 0
    raw = p.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf# \xe6\x89\x8b\xe5\x86\x99\xe7\x9a\x84\xe8\xaf\xb4\xe6\x98\x8e\r\n---\r\nid: ")
    assert raw.count(b"\r\n") == raw.count(b"\n")  # no mixed line endings
    assert "备注" in raw.decode("utf-8")
    assert cli("--data", sample, "check").code == 0


def test_release_keeps_the_comments_after_the_removed_keys(cli, sample):
    cid = "261119-c3tk9"  # session and matching are its last keys
    p = sample / f"cases/2026/{cid}.yaml"
    text = p.read_text(encoding="utf-8")
    assert text.rstrip("\n").split("\n")[-4].startswith("matching:")
    p.write_text(text.replace("session: '2026-12-10'", "session: '2026-12-10'  # 已通知企业")
                 + "# 办事员：此件企业要求改期\n", encoding="utf-8")
    assert cli("--data", sample, "match", "--release", cid).code == 0
    text = p.read_text(encoding="utf-8")
    assert "\nmatching:" not in text and "\nsession:" not in text and "已通知企业" not in text
    assert "# 办事员：此件企业要求改期\n" in text  # kept (the release event now follows it)
    assert "kind: release" in text and "session: '2026-12-10'" in text
    assert cli("--data", sample, "check").code == 0


def test_fmt_keeps_the_comments_above_a_document_marker(cli, sample):
    p = sample / "cases/2026/261102-ecng5.yaml"
    p.write_text("# 手写\n---\n" + p.read_text(encoding="utf-8"), encoding="utf-8")
    assert cli("--data", sample, "fmt").code == 0
    assert p.read_text(encoding="utf-8").startswith("# 手写\n---\nid: 261102-ecng5\n")


# --- clones merged with git ------------------------------------------------------------------------

def _git(cwd, *args):
    return subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True,
                          env={**os.environ, "GIT_AUTHOR_NAME": "a", "GIT_AUTHOR_EMAIL": "a@x",
                               "GIT_COMMITTER_NAME": "a", "GIT_COMMITTER_EMAIL": "a@x"})


@pytest.mark.skipif(subprocess.run(["git", "--version"], capture_output=True).returncode != 0, reason="git")
def test_two_clones_appending_to_one_case_merge_cleanly(cli, sample, tmp_path):
    a = sample
    assert (a / ".gitattributes").read_text(encoding="utf-8").count("merge=union") == 5
    for args in (["init", "-q"], ["add", "-A"], ["commit", "-qm", "台账"]):
        assert _git(a, *args).returncode == 0
    b = tmp_path / "clone"
    assert _git(tmp_path, "clone", "-q", str(a), str(b)).returncode == 0
    broken = 0
    for n in range(3):  # three rounds of appending on both sides, then merging
        assert cli("--data", a, "note", "261102-ecng5", f"甲第{n}次", "--by", "甲").code == 0
        assert cli("--data", b, "note", "261102-ecng5", f"乙第{n}次", "--by", "乙").code == 0
        assert _git(a, "commit", "-qam", f"甲{n}").returncode == 0
        assert _git(b, "commit", "-qam", f"乙{n}").returncode == 0
        assert _git(b, "pull", "-q", "--no-rebase", "--no-edit").returncode == 0
        assert _git(a, "pull", "-q", "--no-rebase", "--no-edit", str(b), "HEAD").returncode == 0
        r = cli("--data", a, "check")
        broken += r.code != 0 or "[yaml]" in r.out
    notes = [e.get("note") for e in _case(a, "261102-ecng5")["events"] if e.get("kind") == "note"]
    assert broken == 0
    assert sorted(notes) == sorted([f"甲第{n}次" for n in range(3)] + [f"乙第{n}次" for n in range(3)])


def test_screening_by_rule_writes_the_same_bytes_in_two_clones(cli, mini, tmp_path):
    import shutil

    other = tmp_path / "other"
    shutil.copytree(mini, other)
    p = "cases/2026/260305-k7m2x.yaml"
    for root in (mini, other):
        text = (root / p).read_text(encoding="utf-8")
        (root / p).write_text(re.sub(r"(?ms)^screening:.*?(?=^session:)", "", text), encoding="utf-8")
    assert cli("--data", mini, "screen", "--date", "2026-03-06", "--by", "甲").code == 0
    assert cli("--data", other, "screen", "--date", "2026-03-06", "--by", "乙").code == 0
    assert (mini / p).read_bytes() == (other / p).read_bytes()


def test_a_form_registered_in_two_clones_is_flagged(cli, sample):
    digest = "  digest: sha256:0123456789abcdef0123456789abcdef\n"
    for cid in ("261102-ecng5", "261102-74exp"):  # the same form, registered once in each clone
        p = sample / f"cases/2026/{cid}.yaml"
        p.write_text(re.sub(r"(?m)^source:\n((?:  .*\n)*)", lambda m: m.group(0) + digest,
                            p.read_text(encoding="utf-8"), count=1), encoding="utf-8")
    r = cli("--data", sample, "check")
    assert r.code == 1 and r.out.count("同一张登记表登记了两次") == 1, r.out


def test_renumber_gives_a_colliding_case_a_fresh_id(cli, sample):
    import shutil

    src = sample / "cases/2026/261102-ecng5.yaml"
    saved = src.with_name("261102-ecng5-另一克隆.yaml")  # a copy kept from a git add/add conflict
    shutil.copy(src, saved)
    assert "[id]" in cli("--data", sample, "check").out
    r = cli("--data", sample, "renumber", saved.relative_to(sample).as_posix())
    assert r.code == 0, r
    new = re.search(r"→ (261102-[0-9a-z]{5})", r.out).group(1)
    assert new != "261102-ecng5" and not saved.exists()
    assert _case(sample, new)["id"] == new and _case(sample, new)["title"] == _case(sample, "261102-ecng5")["title"]
    assert _case(sample, new)["events"][-1]["note"] == f"编号由 261102-ecng5 改为 {new}（编号撞号）"
    assert cli("--data", sample, "check").code == 0


def test_an_edit_keeps_the_files_own_indentation(cli, mini):
    p = mini / "cases/2026/260305-k7m2x.yaml"
    flush = ("id: 260305-k7m2x\nregistered: 2026-03-05\nchannel: reception_day\n"
             "enterprise: 91350100M000100Y43\nfields:\n- 工业和信息化\ntitle: 厂房用电增容\n"
             "screening:\n    decision: accepted\n    date: 2026-03-06\n    clauses:\n    - §三(一)2\n"
             "    type: 2\nsession: '2026-03-19'\n")  # lists flush with their key, maps indented by 4
    p.write_text(flush, encoding="utf-8")
    assert cli("--data", mini, "check").code == 0
    assert cli("--data", mini, "note", "260305-k7m2x", "缩进不变", "--date", "2026-03-20", "--by", "甲").code == 0
    assert p.read_text(encoding="utf-8") == flush + "events:\n- {date: 2026-03-20, kind: note, by: 甲, note: 缩进不变}\n"


def test_union_merge_damage_is_flagged_by_check(cli, sample):
    p = sample / "cases/2026/261102-ecng5.yaml"
    text = p.read_text(encoding="utf-8")
    events = text[text.index("events:\n") + len("events:\n"):].split("\n")
    doubled = text.rstrip("\n") + "\n" + "\n".join(line for line in events if line.startswith("  - ")) + "\n"
    p.write_text(doubled.replace("co_units:\n", "co_units:\n    - jtysj\n", 1) if "co_units:\n" in doubled else doubled,
                 encoding="utf-8")
    r = cli("--data", sample, "check")
    assert r.code == 1 and "完全相同" in r.out, r.out


def test_an_impossible_date_in_a_text_field_neither_stops_an_edit_nor_passes_silently(cli, sample):
    p = sample / "cases/2026/261102-ecng5.yaml"
    p.write_text(p.read_text(encoding="utf-8").replace("\nevents:", "\nnote: 2026-02-30\nevents:", 1), encoding="utf-8")
    assert cli("--data", sample, "check").code == 0
    assert cli("--data", sample, "note", "261102-ecng5", "可以记录").code == 0
    assert "2026-02-30" in p.read_text(encoding="utf-8")


def test_fmt_keeps_a_commented_event_whole(cli, sample):
    p = sample / "cases/2026/261102-ecng5.yaml"
    p.write_text(p.read_text(encoding="utf-8") + "  - date: 2026-11-20  # 补录\n    kind: note\n    note: 手写的记录\n",
                 encoding="utf-8")
    assert cli("--data", sample, "fmt").code == 0
    text = p.read_text(encoding="utf-8")
    assert "# 补录" in text and "{date: 2026-11-20" not in text
    assert cli("--data", sample, "fmt", "--check").code == 0 and cli("--data", sample, "check").code == 0


@pytest.mark.skipif(subprocess.run(["git", "--version"], capture_output=True).returncode != 0, reason="git")
def test_two_clones_recording_on_one_session_merge_cleanly(cli, sample, tmp_path):
    a = sample
    for args in (["init", "-q"], ["add", "-A"], ["commit", "-qm", "台账"]):
        assert _git(a, *args).returncode == 0
    b = tmp_path / "clone"
    assert _git(tmp_path, "clone", "-q", str(a), str(b)).returncode == 0
    out = tmp_path / "out"
    assert cli("--data", a, "session", "notice", "2027-01-21", "--record", "--date", "2026-12-30", "--by", "甲",
               "--out", out / "n.docx").code == 0
    assert cli("--data", b, "session", "attend", "2026-12-10", "--record", "--date", "2026-12-08", "--by", "乙",
               "--out", out / "a.docx").code == 0
    assert cli("--data", b, "session", "notice", "2027-01-21", "--record", "--date", "2026-12-31", "--by", "乙",
               "--out", out / "n2.docx").code == 0
    assert _git(a, "commit", "-qam", "甲").returncode == 0
    assert _git(b, "commit", "-qam", "乙").returncode == 0
    assert _git(a, "pull", "-q", "--no-rebase", "--no-edit", str(b), "HEAD").returncode == 0
    r = cli("--data", a, "check")
    assert r.code == 0, r
    events = yamlio.loads((a / "sessions/2027/2027-01-21.yaml").read_text(encoding="utf-8"))["events"]
    assert sorted((str(e["date"]), e["by"]) for e in events) == [("2026-12-30", "甲"), ("2026-12-31", "乙")]
