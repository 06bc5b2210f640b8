"""Hostile or broken files are refused quickly with a Chinese message, never a hang, a memory
blow-up or a traceback: YAML bombs in the ledger, Excel "zip bombs" and absurd sheets coming in.

Each hostile input is sized so that an unprotected reader would clearly blow up (a billion
laughs of 10^9 items, 200 MB unpacked, a million rows); no timing is asserted."""

from __future__ import annotations

import re
import zipfile

import openpyxl
import pytest
from formkit import fill_template, roster_sheet

from anshang.store import yamlfile as yamlio

# 9 anchors, each a list of ten aliases of the previous one: 10^9 strings once expanded
LAUGHS = "lol1: &a [" + ", ".join(["lol"] * 10) + "]\n" + "".join(
    f"lol{i + 2}: &{chr(98 + i)} [" + ", ".join([f"*{chr(97 + i)}"] * 10) + "]\n" for i in range(8))
DEEP_FLOW = "deep: " + "[" * 1200 + "]" * 1200 + "\n"
DEEP_BLOCK = "".join("  " * i + f"k{i}:\n" for i in range(1200)) + "  " * 1200 + "end\n"
HUGE_INT = "huge: " + "9" * 5000 + "\n"
PY_OBJECT = "evil: !!python/object/apply:os.system ['echo hi']\n"

HOSTILE_YAML = {  # name: (text appended to a file, message, line when appended to one line)
    "billion-laughs": (LAUGHS, "不允许使用锚点和别名", 2),
    "deep-flow": (DEEP_FLOW, "嵌套层数过多", 2),
    "deep-block": (DEEP_BLOCK, "嵌套层数过多", 52),
    "huge-int": (HUGE_INT, "数字过长", 2),
    "python-object": (PY_OBJECT, "不支持类型标签“!!python/object/apply:os.system”", 2),
    "binary": ("blob: !!binary aGVsbG8=\n", "不支持类型标签“!!binary”", 2),
    "bad-float": ("n: !!float x\n", "不支持类型标签“!!float”", 2),
    "too-big": ("big: '" + "甲" * (800 * 1024) + "'\n", "文件过大（2.3 MB），台账文件不能超过 2 MB", 1),
}


def _clean(r) -> str:
    both = r.out + r.err
    assert "Traceback" not in both and "内部错误" not in both, both
    return both


# --- YAML: the readers themselves ----------------------------------------------------------

@pytest.mark.parametrize("name", sorted(HOSTILE_YAML))
@pytest.mark.parametrize("read", [yamlio.loads, yamlio.rt_load], ids=["fast", "round-trip"])
def test_both_readers_refuse_hostile_yaml(read, name):
    text, message, line = HOSTILE_YAML[name]
    with pytest.raises(yamlio.YamlProblem) as e:
        read("id: x\n" + text)
    assert message in e.value.message and e.value.line == line


def test_nesting_limit():
    assert yamlio.strip_lines(yamlio.loads("a: " + "[" * 49 + "]" * 49))  # 50 levels with the mapping
    with pytest.raises(yamlio.YamlProblem, match="嵌套层数过多（超过 50 层）"):
        yamlio.loads("a: " + "[" * 50 + "]" * 50)
    # a million levels: libyaml's own composer would overflow the C stack
    with pytest.raises(yamlio.YamlProblem, match="嵌套层数过多"):
        yamlio.loads("[" * 1_000_000)


@pytest.mark.parametrize("text", [
    "".join("  " * i + f"k{i}:\n" for i in range(60)) + "  " * 60 + "v\n",
    "[" * 60 + "]" * 60,
    "- " * 60 + "x\n",
    "a:\n" + "".join("  " * i + "- k:\n" for i in range(1, 40)),
])
def test_nesting_limit_on_libyaml_own_composer(text):
    """Texts without anchors, tags or many indicators take libyaml's composer (fast); the depth
    is then counted while building, with the same message and line as the checked composer."""
    assert yamlio._plain(text)
    with pytest.raises(yamlio.YamlProblem) as fast:
        yamlio.loads(text)
    with pytest.raises(yamlio.YamlProblem) as checked:
        yamlio.rt_load(text)  # always through the checked composer first
    assert "嵌套层数过多（超过 50 层）" in fast.value.message
    assert (fast.value.message, fast.value.line) == (checked.value.message, checked.value.line)


def test_anchors_alone_and_other_numbers_forms():
    with pytest.raises(yamlio.YamlProblem, match="锚点"):
        yamlio.loads("a: &x 1\nb: 2\n")
    for text in ("a: 0x" + "f" * 5000, "a: 1" + "_0" * 3000):  # hex, and ruamel's 1_000 form
        for read in (yamlio.loads, yamlio.rt_load):
            with pytest.raises(yamlio.YamlProblem, match="数字过长"):
                read(text)
    assert yamlio.strip_lines(yamlio.loads("n: 12345678901234567890\n")) == {"n": 12345678901234567890}


def test_size_limit_in_decode_and_readers():
    raw = b"a: '" + b"x" * yamlio.MAX_BYTES + b"'\n"
    with pytest.raises(yamlio.YamlProblem) as e:
        yamlio.decode(raw)
    assert e.value.message.startswith("文件过大（2.0 MB），台账文件不能超过 2 MB")
    for read in (yamlio.loads, yamlio.rt_load):
        with pytest.raises(yamlio.YamlProblem, match="文件过大"):
            read(raw.decode())


def test_read_bytes_reads_a_file_that_grew_since_its_size_was_taken(tmp_path, monkeypatch):
    import os

    small, big = tmp_path / "a.yaml", tmp_path / "b.yaml"
    small.write_bytes(b"id: x\n" * 1000)
    big.write_bytes(b"x" * (yamlio.MAX_BYTES + 10))
    assert yamlio.read_bytes(small) == small.read_bytes()
    with pytest.raises(yamlio.YamlProblem, match="文件过大"):
        yamlio.read_bytes(big)
    real = os.fstat

    class Shrunk:  # the size as taken a moment before the file grew
        def __init__(self, st):
            self.st_size = 10

    monkeypatch.setattr(yamlio.os, "fstat", lambda fd: Shrunk(real(fd)))
    assert yamlio.read_bytes(small) == small.read_bytes()  # read on to the end
    raw = yamlio.read_bytes(big)  # …but never past the limit, which decode then refuses
    assert len(raw) == yamlio.MAX_BYTES + 1
    with pytest.raises(yamlio.YamlProblem, match="文件过大"):
        yamlio.decode(raw)


def test_round_trip_reader_keeps_an_impossible_date_as_text():
    # as the fast reader does: the schema reports it where a date is expected (check, every command)
    doc = yamlio.rt_load("id: x\nevents:\n  - date: 2026-02-30\n")
    assert doc["events"][0]["date"] == "2026-02-30"
    assert yamlio.strip_lines(yamlio.loads("id: x\nevents:\n  - date: 2026-02-30\n"))["events"][0]["date"] == "2026-02-30"


def test_ordinary_files_still_read_the_same():
    text = "a: no\nb: '8:30'\nc: [1, {d: e}]\nf: ! plain\n"
    assert yamlio.strip_lines(yamlio.loads(text)) == {"a": "no", "b": "8:30", "c": [1, {"d": "e"}], "f": "plain"}
    assert yamlio.rt_load(text)["c"][1]["d"] == "e"
    with pytest.raises(yamlio.YamlProblem, match="只能有一份内容"):
        yamlio.loads("a: 1\n---\nb: 2\n")


# --- YAML: through the commands ------------------------------------------------------------

@pytest.fixture
def case_file(sample):
    return sorted((sample / "cases/2026").glob("*.yaml"))[0]


@pytest.mark.parametrize("name", ["billion-laughs", "deep-flow", "huge-int", "python-object", "too-big"])
def test_commands_refuse_a_hostile_case_file(cli, sample, case_file, tmp_path, name):
    text, message, _ = HOSTILE_YAML[name]
    original = case_file.read_text(encoding="utf-8")
    case_file.write_text(original + text, encoding="utf-8")
    rel = f"cases/2026/{case_file.name}"
    cid = case_file.stem
    for args, code in ((["check"], 1), (["show", cid], 2), (["note", cid, "x"], 2),
                       (["fmt"], 1),  # fmt's own code for files it cannot read
                       (["weekly", "--date", "2026-11-21", "--out", tmp_path / "w"], 2),
                       (["today", "--date", "2026-11-21"], 2)):
        r = cli("--data", sample, *args)
        both = _clean(r)
        assert r.code == code, (args, r)
        assert f"{rel}:" in both and message in both, (args, both)
    assert case_file.read_text(encoding="utf-8") == original + text  # nothing was written


# --- Excel -----------------------------------------------------------------------------------

def _rewrite(src, dst, name, content):
    """A copy of the workbook ``src`` with part ``name`` replaced (bytes, or a function of them)."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info)
            if info.filename == name:
                data = content(data) if callable(content) else content
            zout.writestr(info.filename, data)
    return dst


def _zeros(dst, src, size):
    """``src`` with its sheet replaced by ``size`` bytes of zeros (written in chunks)."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            if info.filename == "xl/worksheets/sheet1.xml":
                with zout.open(info.filename, "w", force_zip64=True) as f:
                    chunk = b"\0" * (1 << 20)
                    for _ in range(size >> 20):
                        f.write(chunk)
            else:
                zout.writestr(info.filename, zin.read(info))
    return dst


@pytest.fixture
def form(tmp_path):
    return fill_template(tmp_path / "form.xlsx")


def _refused(cli, mini, book, message):
    """register, roster import, the call list read back and xlsx2text all refuse ``book`` with ``message``."""
    r = cli("--data", mini, "register", book)
    assert r.code == 1 and f"{book.name}: [form] " in r.out and message in _clean(r), r
    r = cli("--data", mini, "roster", "import", book)
    assert r.code == 2 and f"错误：{book.name}: " in r.err and message in _clean(r), r
    r = cli("--data", mini, "session", "contacts", "2026-03-19", "--import", book)
    assert r.code == 2 and f"错误：{book.name}: " in r.err and message in _clean(r), r
    r = cli("xlsx2text", book)
    assert r.code == 2 and message in _clean(r), r


def test_zip_bomb_is_refused(cli, mini, form, tmp_path):
    bomb = _zeros(tmp_path / "bomb.xlsx", form, 200 << 20)
    assert bomb.stat().st_size < 1 << 20
    _refused(cli, mini, bomb, "文件解压后过大（200.")


def test_absurd_compression_ratio_is_refused(cli, mini, form, tmp_path):
    bomb = _zeros(tmp_path / "ratio.xlsx", form, 40 << 20)  # under the total, but ~1000:1
    _refused(cli, mini, bomb, "压缩比高达")


def test_too_many_rows_are_refused(cli, mini, tmp_path):
    book = roster_sheet(tmp_path / "long.xlsx", [[i, f"企业{i}", "", "东区"] for i in range(30_000)])
    _refused(cli, mini, book, "工作表“名单”行数过多")


def test_too_many_columns_are_refused(cli, mini, tmp_path):
    wb = openpyxl.Workbook()
    wb.active.title = "宽表"
    wb.active.cell(row=1, column=300, value="x")
    wb.save(tmp_path / "wide.xlsx")
    _refused(cli, mini, tmp_path / "wide.xlsx", "工作表“宽表”列数过多")


def test_a_far_cell_behind_a_small_dimension_is_refused(cli, mini, form, tmp_path):
    """One cell at the very end of the sheet, the <dimension> saying A1: the readers' row loops
    would create 17 billion cells."""
    def far(xml):
        xml = re.sub(rb'<dimension ref="[^"]*"', b'<dimension ref="A1"', xml)
        return xml.replace(b"</sheetData>", b'<row r="1048576"><c r="XFD1048576" t="inlineStr">'
                                            b"<is><t>x</t></is></c></row></sheetData>")
    book = _rewrite(form, tmp_path / "far.xlsx", "xl/worksheets/sheet1.xml", far)
    _refused(cli, mini, book, "行数过多（至少 1048576 行")


def test_a_giant_merged_range_is_refused(cli, mini, form, tmp_path):
    def merge(xml):
        xml = re.sub(rb"<mergeCells.*?</mergeCells>", b"", xml, flags=re.DOTALL)
        return xml.replace(b"</sheetData>", b'</sheetData><mergeCells count="1">'
                                            b'<mergeCell ref="A1:XFD1048576"/></mergeCells>')
    book = _rewrite(form, tmp_path / "merged.xlsx", "xl/worksheets/sheet1.xml", merge)
    _refused(cli, mini, book, "合并单元格或超链接范围过大（A1:XFD1048576")


def test_broken_sheet_xml_is_refused(cli, mini, form, tmp_path):
    book = _rewrite(form, tmp_path / "broken.xlsx", "xl/worksheets/sheet1.xml", b"<worksheet><sheetData><row>\x00garbage")
    _refused(cli, mini, book, "已损坏，无法读取")
    book = _rewrite(form, tmp_path / "truncated.xlsx", "xl/worksheets/sheet1.xml",
                    lambda xml: xml[: len(xml) // 2])
    _refused(cli, mini, book, "已损坏，无法读取")


def test_ordinary_form_still_registers(cli, mini, form):
    r = cli("--data", mini, "register", form)
    assert r.code == 0, r


@pytest.mark.parametrize("cell", [b'<c r="A1" t="s"><v>99999</v></c>',  # no such shared string
                                  b'<c r="A1" t="b"><v>x</v></c>', b'<c r="A1"><v>abc</v></c>'])
def test_broken_cell_values_are_refused(cli, mini, form, tmp_path, cell):
    """Well-formed XML with a value openpyxl cannot read: xlsx2text meets it only while streaming."""
    book = _rewrite(form, tmp_path / "cell.xlsx", "xl/worksheets/sheet1.xml",
                    lambda xml: re.sub(rb"<sheetData>.*</sheetData>", b'<sheetData><row r="1">' + cell
                                       + b"</row></sheetData>", xml, flags=re.DOTALL))
    _refused(cli, mini, book, "已损坏，无法读取")


def test_xml_entity_bomb_in_a_sheet_is_refused(cli, mini, form, tmp_path):
    """A billion laughs inside the sheet XML (10^9 copies of "lol" once expanded)."""
    doctype = ('<!DOCTYPE worksheet [<!ENTITY a "lol">' + "".join(
        f'<!ENTITY {chr(98 + i)} "' + f"&{chr(97 + i)};" * 10 + '">' for i in range(9)) + "]>").encode()

    def laughs(xml):
        xml = xml.replace(b"?>", b"?>" + doctype, 1)
        return xml.replace(b"<sheetData>", b'<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&j;</t>'
                                           b"</is></c></row>", 1)
    book = _rewrite(form, tmp_path / "laughs.xlsx", "xl/worksheets/sheet1.xml", laughs)
    _refused(cli, mini, book, "已损坏，无法读取")


def test_a_folder_or_a_dangling_link_named_like_a_ledger_file_is_reported_not_a_crash(cli, sample):
    (sample / "cases/2026/261231-abcde.yaml").mkdir()
    (sample / "cases/2026/261230-abcde.yaml").symlink_to(sample / "不存在.yaml")
    for args in (("check",), ("match", "--dry-run"), ("publish", "--out", sample / "out"), ("due",)):
        r = cli("--data", sample, *args)
        assert r.code == 2 if args[0] != "check" else r.code == 1, (args, r)
        assert "内部错误" not in r.err + r.out and "Traceback" not in r.err + r.out
        shown = r.out if args[0] == "check" else r.err
        assert "cases/2026/261231-abcde.yaml:1: [layout] cases/2026/261231-abcde.yaml 是一个目录，不是文件" in shown, args
        assert "cases/2026/261230-abcde.yaml:1: [layout] cases/2026/261230-abcde.yaml 是一个链接，它指向的文件不存在" in shown, args
