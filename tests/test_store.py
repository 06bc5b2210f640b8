"""Reading and writing files: YAML 1.2 semantics with lines, comment-preserving edits, atomic
replacement under a kill, the write lock, and ``fmt``."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import threading

import pytest
from conftest import REPO

from anshang.core.problems import LockBusy
from anshang.store import canonical as fmt
from anshang.store import yamlfile as yamlio
from anshang.store.atomic import atomic_write
from anshang.store.folder import Ledger


def test_reader_keeps_text_that_yaml11_would_mangle():
    data = yamlio.loads("a: no\nb: 8:30\nc: 0479\nd: 2026-03-05\ne: true\n")
    assert yamlio.strip_lines(data) == {"a": "no", "b": "8:30", "c": 479, "d": "2026-03-05", "e": True}


def test_reader_records_lines_of_keys_and_list_items():
    data = yamlio.loads("a: 1\nl:\n  - x\n  - k: 2\n    j: 3\n")
    assert yamlio.line_of(data, "a") == 1
    assert yamlio.line_of(data, "l[1]") == 4
    assert yamlio.line_of(data["l"][1], "j") == 5


def test_duplicate_key_is_an_error_with_line():
    with pytest.raises(yamlio.YamlProblem) as e:
        yamlio.loads("a: 1\nb: 2\na: 3\n")
    assert e.value.line == 3 and "重复" in e.value.message


def test_reader_agrees_with_ruamel_on_every_sample_file():
    """The fast path and the round-trip writer must read the same data from each file."""
    from ruamel.yaml import YAML

    safe = YAML(typ="safe", pure=True)
    for path in sorted((REPO / "data").rglob("*.yaml"))[:60]:
        text = path.read_text(encoding="utf-8")
        fast = yamlio.strip_lines(yamlio.loads(text))
        slow = _stringify_dates(safe.load(text))
        assert fast == slow, path


TRICKY_TEXTS = [
    "", "# only a comment\n", "just text\n", "- 1\n- 2\n", "a: 1\nb: 2\na: 3\n", "? [1, 2]\n: x\n",
    "a:\n  ? {k: 1}\n  : v\n", "a: 1\nb: 1\nb: 2\nc: [\n", "a: &x 1\nb: *x\n", "a: !!binary aGk=\n",
    "a: ! 12\n", "a: !!str 12\n", "a: 1\n---\nb: 2\n", "n: " + "9" * 101 + "\n", "n: '" + "9" * 101 + "'\n",
    "x: " + "[" * 60 + "]" * 60 + "\n", "x: " + "[" * 50 + "]" * 50 + "\n",
    "a: .inf\nb: -.Inf\nc: 0x1F\nd: 0o17\ne: ~\nf: ''\ng:\nh: +1.5e3\ni: 1_000\nj: 2026-2-3\nk: 12:30\n",
    "true: 1\n1: 2\nnull: 3\n1.0: 4\n0x10: 5\n2026-01-01: 6\n'q': 7\n",
    "l:\n  - a\n  - {b: 1, c: [2, 3]}\n  -\n    - 4\n  - - 5\nm: {}\nn: []\n",
    "a: 'it''s'\nb: \"tab\\tend\"\nc: |\n  block\n  text\nd: >\n  folded\n  text\n",
    "__line__: 9\n__lines__: x\nz: 1\n", "a: [1, 2\n", "a: b: c\n", "\ta: 1\n", "a: \"\\q\"\n",
]


def _either(read, text):
    try:
        return ("ok", read(text))
    except yamlio.YamlProblem as e:
        return ("problem", e.message, e.line)


def test_event_reader_builds_what_the_node_tree_reader_builds_lines_and_problems_included():
    """The fast reader builds the data straight from libyaml's events; PyYAML's node tree and
    constructors (the reader it replaced) must give the same values, lines and problems on every
    file of the sample ledger and the fixtures, and on texts made to be awkward."""
    files = sorted((REPO / "data").rglob("*.yaml")) + sorted((REPO / "tests").rglob("*.yaml"))
    texts = [p.read_bytes().decode("utf-8-sig") for p in files] + TRICKY_TEXTS
    assert len(texts) > 250
    outcomes = set()
    for text in texts:
        fast, slow = _either(yamlio.loads, text), _either(yamlio.reference_loads, text)
        assert fast == slow, text[:200]
        outcomes.add(fast[0] if fast[0] == "ok" else fast[1][:6])
    assert len(outcomes) >= 6  # values, and problems of several kinds, were compared


def _stringify_dates(v):
    import datetime

    if isinstance(v, dict):
        return {k: _stringify_dates(x) for k, x in v.items()}
    if isinstance(v, list):
        return [_stringify_dates(x) for x in v]
    if isinstance(v, datetime.date):
        return v.isoformat()
    return v


def test_edit_keeps_comments_and_layout(cli, mini):
    p = mini / "cases/2026/260305-k7m2x.yaml"
    text = "# 手写注释：企业负责人要求电话联系\n" + p.read_text(encoding="utf-8").replace(
        "title: 厂房用电增容", "title: 厂房用电增容   # 张科长补充")
    p.write_text(text, encoding="utf-8")
    r = cli("--data", mini, "note", "260305", "企业来电询问进度", "--date", "2026年3月10日", "--by", "小王")
    assert r.code == 0, r
    assert r.out == "已记录：260305-k7m2x（cases/2026/260305-k7m2x.yaml）\n"
    after = p.read_text(encoding="utf-8")
    assert after.startswith(text)  # every byte before is kept, the event is appended
    assert after[len(text):] == "events:\n  - {date: 2026-03-10, kind: note, by: 小王, note: 企业来电询问进度}\n"
    assert cli("--data", mini, "check").code == 0


def test_new_key_lands_in_canonical_position():
    doc = yamlio.rt_load("id: x\nregistered: 2026-03-05\nchannel: hotline\ntitle: t\nnote: n\n")
    fmt.put(doc, "events", [{"date": "2026-03-06", "kind": "note"}], "case")
    assert list(doc) == ["id", "registered", "channel", "title", "events", "note"]


_KILLER = textwrap.dedent("""
    import os, sys, time
    sys.path.insert(0, {repo!r})
    from anshang.store.atomic import atomic_write
    real_fdopen = os.fdopen

    class Slow:
        def __init__(self, f): self.f = f
        def __enter__(self): return self
        def __exit__(self, *a): return self.f.__exit__(*a)
        def fileno(self): return self.f.fileno()
        def flush(self): self.f.flush()
        def write(self, data):
            half = len(data) // 2
            self.f.write(data[:half]); self.f.flush()
            print("HALF", flush=True)
            time.sleep(60)
            self.f.write(data[half:])

    os.fdopen = lambda fd, mode: Slow(real_fdopen(fd, mode))
    atomic_write(sys.argv[1], "title: 新内容\\n" + "备注 " * 200000)
""")


@pytest.mark.skipif(os.name == "nt", reason="SIGKILL")
def test_killed_write_leaves_old_file(cli, mini):
    target = mini / "cases/2026/260305-k7m2x.yaml"
    before = target.read_bytes()
    proc = subprocess.Popen([sys.executable, "-c", _KILLER.format(repo=str(REPO)), str(target)],
                            stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "HALF"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert target.read_bytes() == before
    leftovers = [p.name for p in target.parent.iterdir() if p.name.endswith(".tmp")]
    assert leftovers and leftovers[0].startswith(".260305-k7m2x.yaml.")  # the half-written temp
    assert cli("--data", mini, "check").code == 0  # and it is not mistaken for a case


def test_atomic_write_keeps_file_mode(tmp_path):
    p = tmp_path / "a.yaml"
    p.write_text("a: 1\n", encoding="utf-8")
    os.chmod(p, 0o640)
    atomic_write(p, "a: 2\n")
    assert (p.stat().st_mode & 0o777, p.read_text(encoding="utf-8")) == (0o640, "a: 2\n")


def test_second_writer_stops_cleanly(cli, mini, monkeypatch):
    monkeypatch.setenv("ANSHANG_LOCK_TIMEOUT", "0.3")
    with Ledger(mini).lock():
        r = cli("--data", mini, "note", "260305-k7m2x", "备注")
    assert r.code == 2
    assert r.err.startswith("错误：另一个 anshang 进程正在写入本台账") and "Traceback" not in r.err
    assert "events" not in (mini / "cases/2026/260305-k7m2x.yaml").read_text(encoding="utf-8")


def test_second_writer_waits_for_a_short_write(mini):
    ledger = Ledger(mini)
    held = ledger.lock()
    held.__enter__()
    released = threading.Event()

    def release():
        released.set()
        held.__exit__(None, None, None)

    threading.Timer(0.3, release).start()
    with Ledger(mini).lock(timeout=5):  # another writer (a second Ledger is a second opener)
        got_it_after_release = released.is_set()
    assert got_it_after_release  # it waited for the first writer instead of failing or barging in


def test_lock_is_reentrant_for_one_writer(mini):
    ledger = Ledger(mini)
    with ledger.lock(timeout=0.2):
        with ledger.lock(timeout=0.2):  # a batch step taking the lock it already holds
            pass
        with pytest.raises(LockBusy):
            Ledger(mini).lock(timeout=0.2).__enter__()


def test_lock_is_released_when_holder_dies(mini):
    script = f"import sys,time; sys.path.insert(0,{str(REPO)!r}); from anshang.store.folder import Ledger; " \
             f"l=Ledger({str(mini)!r}).lock(); l.__enter__(); print('LOCKED', flush=True); time.sleep(60)"
    proc = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "LOCKED"
    with pytest.raises(LockBusy):
        Ledger(mini).lock(timeout=0.2).__enter__()
    proc.kill()
    proc.wait()
    with Ledger(mini).lock(timeout=2):
        pass


# --- fmt ---------------------------------------------------------------------------------

def test_fmt_orders_keys_normalises_dates_keeps_comments(cli, mini):
    p = mini / "cases/2026/260305-k7m2x.yaml"
    p.write_text(textwrap.dedent("""\
        # 手写注释
        title: 厂房用电增容  # 标题
        id: 260305-k7m2x
        registered: 2026年3月5日
        channel: "reception_day"
        enterprise: 91350100M000100Y43
        fields: [工业和信息化]
        screening: {date: 2026/3/6, decision: accepted, clauses: [§三(一)2], type: 2}
        session: '2026-03-19'
        """), encoding="utf-8")
    before = yamlio.strip_lines(yamlio.loads(p.read_text(encoding="utf-8")))
    r = cli("--data", mini, "fmt", "--check")
    assert (r.code, r.out) == (1, "需要格式化：cases/2026/260305-k7m2x.yaml\n")
    assert cli("--data", mini, "fmt").code == 0
    assert p.read_text(encoding="utf-8") == textwrap.dedent("""\
        # 手写注释
        id: 260305-k7m2x
        registered: 2026-03-05
        channel: reception_day
        enterprise: 91350100M000100Y43
        fields:
          - 工业和信息化
        title: 厂房用电增容  # 标题
        screening:
          decision: accepted
          date: 2026-03-06
          clauses:
            - §三(一)2
          type: 2
        session: '2026-03-19'
        """)
    after = yamlio.strip_lines(yamlio.loads(p.read_text(encoding="utf-8")))
    before["registered"], before["screening"]["date"] = "2026-03-05", "2026-03-06"
    assert after == before  # only the date spelling changed
    assert cli("--data", mini, "fmt", "--check").code == 0


def test_fmt_restores_scrambled_sample_files(cli, sample):
    """Reverse the key order of every case file: fmt must give back the committed text."""
    originals = {}
    for p in sorted(sample.glob("cases/*/*.yaml")):
        text = p.read_text(encoding="utf-8")
        originals[p] = text
        doc = yamlio.rt_load(text)
        for k in list(doc)[::-1]:
            doc.move_to_end(k)
        p.write_text(yamlio.rt_dump(doc), encoding="utf-8")
    r = cli("--data", sample, "fmt", "--check")
    assert r.code == 1 and r.out.count("需要格式化") == len(originals)
    assert cli("--data", sample, "fmt").code == 0
    for p, text in originals.items():
        assert p.read_text(encoding="utf-8") == text, p


def test_fmt_reports_unreadable_file_and_leaves_it(cli, mini):
    p = mini / "cases/2026/260305-k7m2x.yaml"
    p.write_text("id: [\n", encoding="utf-8")
    r = cli("--data", mini, "fmt")
    assert r.code == 1 and r.out.startswith("cases/2026/260305-k7m2x.yaml:2: [yaml]")
    assert p.read_text(encoding="utf-8") == "id: [\n"


def test_sample_is_canonical(cli, sample):
    r = cli("--data", sample, "fmt", "--check")
    assert (r.code, r.out) == (0, "")


def test_fast_reader_uses_libyaml_when_pyyaml_has_it():
    import yaml

    assert yamlio.using_libyaml() == bool(getattr(yaml, "__with_libyaml__", False))


def test_the_read_cache_round_trips_chinese_and_a_lone_surrogate_and_refuses_another_format(tmp_path):
    from anshang.store.cache import Cache, part_file, part_of

    folder = tmp_path / "cache"
    c = Cache(folder)
    c.put("cases/2026/a.yaml", (1, 2, 3), {"title": "厂房用电增容"})
    c.save()
    assert Cache(folder).get("cases/2026/a.yaml", (1, 2, 3)) == {"title": "厂房用电增容"}
    assert Cache(folder).get("cases/2026/a.yaml", (1, 2, 4)) is None  # another identity
    c.put("cases/2026/b.yaml", (1, 2, 3), {"title": "\ud800坏"})  # not encodable as UTF-8
    c.save()
    assert Cache(folder).get("cases/2026/b.yaml", (1, 2, 3)) == {"title": "\ud800坏"}
    part = folder / part_file(part_of("cases/2026/a.yaml"))
    raw = part.read_bytes()
    part.write_bytes(raw.replace(b"anshang-cache|", b"anshang-cache|0", 1))  # another version
    assert "cases/2026/a.yaml" not in Cache(folder).entries
    part.write_bytes(raw[: len(raw) // 2])  # cut short
    assert "cases/2026/a.yaml" not in Cache(folder).entries


def test_a_change_rewrites_only_the_cache_part_of_that_file(tmp_path):
    from anshang.store.cache import Cache, part_file, part_of

    folder = tmp_path / "cache"
    c = Cache(folder)
    rels = [f"cases/2026/{n:03d}.yaml" for n in range(200)]
    for rel in rels:
        c.put(rel, (1, 2, 3), {"id": rel})
    c.save()
    before = {p.name: p.stat().st_mtime_ns for p in folder.iterdir()}
    assert len(before) == 16
    c = Cache(folder)
    for rel in rels:
        c.get(rel, (1, 2, 3))
    c.put(rels[7], (1, 2, 4), {"id": "changed"})
    c.save()
    after = {p.name: p.stat().st_mtime_ns for p in folder.iterdir()}
    assert [name for name in before if before[name] != after[name]] == [part_file(part_of(rels[7]))]
    assert Cache(folder).get(rels[7], (1, 2, 4)) == {"id": "changed"}
    assert Cache(folder).get(rels[8], (1, 2, 3)) == {"id": rels[8]}


FORMAT_TEXTS = [
    # text values ruamel.yaml writes plain, quoted, or that the fast writer must leave to it
    "id: x\ntitle: 接待日 8:30 开始\nfacts: 'a: b'\nrequest: it's\nnote: \"- 开头\"\n",
    "id: x\nreasons: '# 不是注释'\n",
    "id: x\ntitle: '-5'\nfacts: '0479'\nreasons: 'true'\nrequest: '~'\nnote: ''\nchannel: '2026-03-05'\n",
    "id: x\ntitle: ?问\nfacts: '@某'\nreasons: '%比例'\nrequest: '`代码`'\nnote: '---x'\nchannel: '...x'\n",
    "id: x\ntitle: \"tab\\there\"\n", "id: x\nfacts: \"全角\\u3000空格\"\n", "id: x\nreasons: \"多\\n行\"\n",
    "id: x\nrequest: \"表情😀\"\n", "id: x\nnote: ' 前有空格'\n", "id: x\nnote: '引号''在内'\n",
    "id: x\nregistered: 2026-3-5\nsession: 2026-03-19\nchannel: '2026-03-19'\n", "id: x\nfacts: 2026-3-5\n",
    "id: x\nregistered: '2026-02-30'\n", "id: x\ntitle: 0o17\n", "id: x\nfacts: 1_000\n", "id: x\nreasons: 1.50\n",
    "id: x\nrequest: +5\nnote: True\nsatisfied: FALSE\n",
    "id: x\nevents:\n  - date: 2026-03-05\n    kind: note\n    note: 甲，乙, 丙\n"
    "  - {date: '2026-03-06', kind: note, note: '[括号]'}\n  - {date: 2026-03-07, kind: note, note: 'a:b'}\n",
    "id: x\nevents:\n  - date: 2026-03-08\n    kind: note\n    note:\n",
    "id: x\nfields: []\nsource: {}\ncontact:\n  name: 张三\n  phone: '13800000000'\nsuggested_units:\n  - swj\n  - 3\n",
    "id: x\nunknown:\n  deep:\n    - a\n    - b: 1\n      c:\n        - d\n        - e: {}\n", "id: x\nlist: [[1, 2]]\n",
    "\ufeffid: x\r\ntitle: 有 BOM 和 CRLF\r\n",
]


def test_fast_canonical_writer_writes_what_the_round_trip_writes_or_declines():
    """``fmt`` writes the files anshang itself wrote without ruamel.yaml; on every sample file it
    can write, and on texts made to be awkward, its text is the round trip's, or it declines."""
    from anshang.store import canonical
    from anshang.store.folder import Ledger, kind_of

    ledger = Ledger(REPO / "data")
    cases = [(rel, (ledger.root / rel).read_bytes().decode("utf-8-sig")) for rel in ledger.all_files() if kind_of(rel)]
    cases += [("cases/2026/x.yaml", text.lstrip("\ufeff")) for text in FORMAT_TEXTS]
    written = declined = 0
    for rel, text in cases:
        fast = canonical.fast_text(yamlio.loads(text, marks=True), kind_of(rel), text)
        if fast is None:
            declined += 1
            continue
        written += 1
        assert fast == canonical.format_text(text, kind_of(rel)), (rel, text[:300])
    assert written > 0.9 * len(cases) - len(FORMAT_TEXTS) and declined >= 3


def test_reader_marks_plain_dates_and_oddly_written_numbers_only_when_asked():
    data = yamlio.loads("a: 2026-03-05\nb: '2026-03-05'\nc: 0479\nd: 479\ne: +5\n", marks=True)
    assert type(data["a"]) is yamlio.PlainDate and type(data["b"]) is str
    assert type(data["c"]) is yamlio.OddNumber and type(data["d"]) is int and type(data["e"]) is int
    plain = yamlio.loads("a: 2026-03-05\nc: 0479\n")
    assert type(plain["a"]) is str and type(plain["c"]) is int


def test_fast_canonical_writer_agrees_with_the_round_trip_on_random_text():
    import json
    import random

    from anshang.store import canonical

    rng = random.Random(20)
    alphabet = list("ab 12-:#?,[]{}&*!|>'\"%@`.~=<+_\t\\") + ["企", "业", "，", "：", "\u3000", "\n", "😀", "0", "e"]
    written = 0
    for _ in range(400):
        value = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 6)))
        for text in (f"id: x\ntitle: {json.dumps(value, ensure_ascii=False)}\n",
                     f"id: x\nevents:\n  - {{date: 2026-03-05, kind: note, note: {json.dumps(value, ensure_ascii=False)}}}\n"):
            fast = canonical.fast_text(yamlio.loads(text, marks=True), "case", text)
            if fast is not None:
                written += 1
                assert fast == canonical.format_text(text, "case"), repr(value)
    assert written > 200


def test_fast_canonical_writer_leaves_blank_lines_block_text_odd_keys_and_line_breaks_to_the_round_trip():
    """What review found: each of these would have been written differently from the round trip
    (or, for U+2028 and a comma in a one-line key, unreadably)."""
    from anshang.store import canonical

    for text in ("id: x\n\ntitle: y\n", "\nid: x\n", "id: x\ntitle: |-\n  one\n", "id: x\nnull: 1\n",
                 "id: x\n1.0: a\n", 'id: x\ntitle: "a\\u2028b"\n', "id: x\nevents:\n  - date: 2024-01-01\n    a,b: y\n",
                 "id: x\nfields:\n  -\n  - a\n", "id: x\n__line__: 3\n", "id: x\n" + "k" * 130 + ": v\n"):
        assert canonical.fast_text(yamlio.loads(text, marks=True), "case", text) is None, text
    assert canonical.fast_text(yamlio.loads("id: x\ntitle: y\n\n", marks=True), "case", "id: x\ntitle: y\n\n") \
        == canonical.format_text("id: x\ntitle: y\n\n", "case")


def test_a_read_of_cases_only_opens_no_part_of_the_enterprises_cache(tmp_path):
    from anshang.store.cache import Cache

    folder = tmp_path / "cache"
    c = Cache(folder)
    c.put("cases/2026/a.yaml", (1, 2, 3), {"id": "a"})
    c.put("enterprises/91350100M000100Y43.yaml", (1, 2, 3), {"name": "甲"})
    c.save()
    c = Cache(folder, keep_unseen=True)
    assert c.get("cases/2026/a.yaml", (1, 2, 3)) == {"id": "a"}
    assert {group for group, _ in c.parts} == {"cases"}
    assert "enterprises/91350100M000100Y43.yaml" in Cache(folder).entries


def test_an_item_settled_by_the_day_is_taken_as_a_full_replay_would_give_it(sample):
    import datetime as dt

    from anshang.core.calendar import Calendar
    from anshang.core.snapshot import case_as_of, settled_on, world_as_of
    from anshang.store.folder import Ledger
    from anshang.store.loader import load

    world = load(Ledger(sample))
    cal = Calendar({}, allow_provisional=True)
    assert world.settled["cases"]  # the plain read cache gives each item's last day
    for day in (dt.date(2026, 3, 1), dt.date(2026, 6, 30), dt.date(2026, 11, 21), dt.date(2027, 12, 31)):
        fast = world_as_of(world, day, cal)
        for name in ("cases", "tasks", "topics", "projects"):
            slow = {i: s for i, c in getattr(world, name).items() if (s := case_as_of(c, day, cal.lenient())) is not None}
            assert getattr(fast, name) == slow, (name, day)
    c = next(iter(world.cases.values()))
    last = dt.date.fromisoformat(settled_on(c))
    assert case_as_of(c, last, cal) == c and case_as_of(c, last - dt.timedelta(days=1), cal) != c


def test_the_files_every_command_reads_first_come_from_the_read_cache_while_unchanged(mini, monkeypatch):
    import os

    from anshang.store import yamlfile
    from anshang.store.folder import SETTINGS_FILE, Ledger
    from anshang.store.yamlfile import YamlProblem

    parsed = []
    real = yamlfile.loads
    monkeypatch.setattr(yamlfile, "loads", lambda text, *a, **k: parsed.append(1) or real(text, *a, **k))
    ledger = Ledger(mini)
    settings = mini / SETTINGS_FILE
    old = os.stat(settings).st_mtime_ns - 10_000_000_000  # older than two seconds: remembered
    os.utime(settings, ns=(old, old))
    first = ledger.read(SETTINGS_FILE)
    assert Ledger(mini).read(SETTINGS_FILE) == first == real(settings.read_text(encoding="utf-8"))
    assert len(parsed) == 1  # the second read parsed nothing
    settings.write_text(settings.read_text(encoding="utf-8").replace("测试市", "测试乙市", 1), encoding="utf-8")
    assert Ledger(mini).read(SETTINGS_FILE) != first and len(parsed) == 2  # changed: parsed again
    cal = mini / "calendar" / "2031.yaml"
    cal.parent.mkdir(exist_ok=True)
    for text, want in (("a: [1\n", YamlProblem), ("", None), ("# 只有注释\n", None)):
        cal.write_text(text, encoding="utf-8")
        os.utime(cal, ns=(old, old))
        for _ in range(2):  # the second time from the cache: the same answer
            try:
                got = Ledger(mini).read("calendar/2031.yaml")
            except YamlProblem as e:
                got = (YamlProblem, e.line, e.message)
            assert got == want or (got[0] is want and got[1] == 2), (text, got)
    state = mini / ".anshang"  # a state folder that is a link out of the ledger: read without it, as before
    state.rename(mini.parent / "state")
    state.symlink_to(mini.parent / "state")
    assert Ledger(mini).read(SETTINGS_FILE) == real(settings.read_text(encoding="utf-8"))
    state.unlink()
    case = next(mini.glob("cases/*/*.yaml"))
    n = len(parsed)
    Ledger(mini).read(case.relative_to(mini).as_posix()), Ledger(mini).read(case.relative_to(mini).as_posix())
    assert len(parsed) == n + 2  # a case file is parsed each time (its part of the cache is large)


def test_a_cold_read_with_half_the_files_parsed_alongside_gives_what_one_process_reads(sample, monkeypatch):
    import shutil

    from conftest import aged

    from anshang.store import alongside, folder
    from anshang.store.cache import Cache

    old = aged(sample)
    broken = sample / "cases/2026/260309-as34x.yaml"  # a YAML error: the same problem, in the same place
    broken.write_text("id: [\n", encoding="utf-8")
    os.utime(broken, ns=(old, old))
    forks = alongside.can_fork()
    monkeypatch.setattr(folder, "PARSE_ALONGSIDE", 1)
    before = alongside.answers
    seen = {}
    for where in ("here", "alongside"):
        monkeypatch.setattr(alongside, "can_fork", lambda: forks and where == "alongside")
        for plain, kinds in ((False, None), (True, None), (True, {"case", "enterprise"})):
            shutil.rmtree(sample / ".anshang", ignore_errors=True)
            snap = Ledger(sample).load_all(kinds=kinds, schema=True, plain=plain)
            kept = Cache(sample / ".anshang" / ("plain" if plain else "cache")).entries
            seen[where, plain, bool(kinds)] = snap, kept
            assert any(p.path == broken.relative_to(sample).as_posix() for p in snap.problems)
            assert len(kept) > 100 and len(snap.cases) > 50
    for key in [k for k in seen if k[0] == "here"]:
        (snap, kept), (snap2, kept2) = seen[key], seen[("alongside", *key[1:])]
        assert kept == kept2, key
        for name in ("settings", "leaders", "units", "enterprises", "sessions", "cases", "records", "tasks", "topics",
                     "problems"):
            assert getattr(snap, name) == getattr(snap2, name), (key, name)
    assert alongside.answers == before + (3 if forks else 0)  # the copy's half was used each time


def test_a_memo_keeps_the_answers_used_and_works_out_the_rest(tmp_path):
    from anshang.store.cache import Memo, write_blob

    path = tmp_path / "memo.bin"
    calls = []

    def upper(text, extra=()):
        calls.append(text)
        return text.upper() + "".join(extra)

    m = Memo(path, "规则1", str)
    assert [m(upper, "a"), m(upper, "b", ["!"]), m(upper, "a")] == ["A", "B!", "A"] and calls == ["a", "b", "a"]
    m.save()
    m = Memo(path, "规则1", str)
    assert [m(upper, "a"), m(upper, "b", ["!"]), m(upper, "b", ["?"])] == ["A", "B!", "B?"] and calls[3:] == ["b"]
    m.save()
    m = Memo(path, "规则1", str)
    assert m(upper, "b", ["?"]) == "B?" and calls[4:] == []
    m.save()  # only "b?" was used: the others are dropped
    assert Memo(path, "规则1", str).old.__len__() == 1
    assert Memo(path, "规则2", str)(upper, "b", ["?"]) == "B?" and calls[4:] == ["b"]  # other rules: worked out again
    m = Memo(path, "规则1", str)
    key = next(iter(m.old))
    write_blob(path, {key: 42}, "规则1")  # an answer of another type (a damaged memo): worked out again
    assert Memo(path, "规则1", str)(upper, "b", ["?"]) == "B?" and calls[5:] == ["b"]
    path.write_bytes(b"garbage")
    assert Memo(path, "规则1", str)(upper, "c") == "C" and Memo(None, "规则1")(upper, "d") == "D"


def test_a_read_index_works_out_only_the_changed_file_and_keeps_the_others(sample):
    """``Ledger.derived`` marks every file it listed as seen: saving the index after one file changed
    keeps every other entry (else each change would empty the index)."""
    from conftest import aged

    from anshang.store.cache import Cache

    old = aged(sample)
    worked: list = []

    def derive(doc):
        worked.append(doc.rel)
        return doc.rel

    Ledger(sample).derived("probe-1", {"case"}, derive)
    everything = list(worked)
    index = sample / ".anshang/index/probe-1"
    assert len(everything) > 10 and set(Cache(index).entries) == set(everything)
    one = sample / everything[3]
    one.write_text(one.read_text(encoding="utf-8") + "# 手工加的一行注释\n", encoding="utf-8")
    os.utime(one, ns=(old + 1_000_000_000, old + 1_000_000_000))
    worked.clear()
    assert [v for _, _, v in Ledger(sample).derived("probe-1", {"case"}, derive)] == everything
    assert worked == [everything[3]]
    assert set(Cache(index).entries) == set(everything)
    worked.clear()
    Ledger(sample).derived("probe-1", {"case"}, derive)
    assert worked == []


def test_schema_findings_added_to_a_cached_entry_are_kept(cli, sample, monkeypatch):
    """A file cached by a single read (no schema findings) gets them in the next full read, and its
    cache part is written again, so the read after that works nothing out."""
    from conftest import aged

    from anshang.store import folder

    assert cli("--data", sample, "calendar", "add", "2027").code == 0
    old = aged(sample)
    Ledger(sample).load_all(schema=True)  # everything cached, with findings
    rel = "calendar/2027.yaml"
    p = sample / rel
    p.write_bytes(p.read_bytes())
    os.utime(p, ns=(old + 1_000_000_000, old + 1_000_000_000))  # another identity, the same text
    Ledger(sample).read(rel)  # cached again, without findings
    worked: list = []
    findings = folder._schema_findings
    monkeypatch.setattr(folder, "_schema_findings", lambda kind, data: worked.append(kind) or findings(kind, data))
    Ledger(sample).load_all(schema=True)
    assert worked == ["calendar"]
    worked.clear()
    Ledger(sample).load_all(schema=True)
    assert worked == []


def test_a_file_gone_between_the_look_and_the_read_is_passed_over_as_one_gone_before(sample, monkeypatch):
    """Another program may delete a file after ``load_all`` looked at it: the file is passed over, as
    one deleted before the look (leaders.yaml and units.yaml are reported missing), never a crash."""
    from anshang.store import folder

    read_bytes = folder.yamlio.read_bytes
    gone = {"cases/2026/261030-a9cg7.yaml", "leaders.yaml"}

    def racing(path):
        if any(str(path).endswith(rel) for rel in gone):
            raise FileNotFoundError(path)
        return read_bytes(path)

    monkeypatch.setattr(folder.yamlio, "read_bytes", racing)
    snap = Ledger(sample).load_all(use_cache=False)
    assert {doc.rel: doc.data for doc in snap.cases}["cases/2026/261030-a9cg7.yaml"] is None
    assert [(p.path, p.code) for p in snap.problems] == [("leaders.yaml", "missing")]
