"""Word documents from templates: which letter a demand's stage calls for, refusals, templates a
clerk copies and edits, unknown placeholders, broken and hostile templates, and outside text
that stays text."""

from __future__ import annotations

import re
import zipfile

import docx
import pytest
from conftest import REPO, aged, docx_text, same_stop, under_rule

from anshang.documents import official

DAY = "2026-11-22"


def _letter(cli, sample, *args):
    return cli("--data", sample, "letter", *args, "--date", DAY)


def test_the_stage_picks_the_letter(cli, sample):
    r = _letter(cli, sample, "260924-wmrp0", "260924-btg2g", "261120-p7g7f", "261119-63j86", "250304-e2pzz")
    assert r.code == 0, r
    kinds = [line.split("（")[0] for line in r.out.splitlines()]
    assert kinds == ["转办告知书", "转办函", "不予受理告知书", "择期安排告知书", "接待安排告知书", "答复函"]
    out = sample / "output"
    assert r.out.splitlines()[0] == f"转办告知书（260924-wmrp0）：{out / '转办告知书-北岚市创想工业设计有限公司-2026-11-22-260924-wmrp0.docx'}"


def test_session_letters_and_kind_by_chinese_name(cli, sample):
    r = _letter(cli, sample, "--session", "2026年12月10日")
    assert r.code == 0 and len(r.out.splitlines()) == 5 and all(line.startswith("接待安排告知书（") for line in r.out.splitlines())
    r = _letter(cli, sample, "260924-btg2g", "--kind", "不予受理告知书")
    assert r.code == 0 and "不予受理告知书（260924-btg2g）" in r.out
    r = _letter(cli, sample, "260924-btg2g", "--kind", "invitation")
    assert r.code == 2 and "--kind 只能是 接待安排告知书（scheduled）" in r.err
    # a letter the stage does not call for is refused, saying which ones it does
    r = _letter(cli, sample, "260924-btg2g", "--kind", "deferred")
    assert r.code == 2 and "260924-btg2g 处于“不予受理”阶段，不能出具择期安排告知书（可出具：不予受理告知书）" in r.err
    r = _letter(cli, sample, "--session", "2026-12-10", "--kind", "deferred")
    assert r.code == 2 and "处于“已安排场次”阶段，不能出具择期安排告知书（可出具：接待安排告知书）" in r.err
    assert not list((sample / "output").glob("择期*"))
    r = _letter(cli, sample, "260924-wmrp0", "--kind", "转办函")
    assert r.code == 0 and r.out.startswith("转办函（260924-wmrp0）：") and len(r.out.splitlines()) == 1


@pytest.mark.parametrize(("case", "message"), [
    ("260909-qy48j", "260909-qy48j 承办单位尚未报送办理结果，还不能出具答复函（报送后：anshang report 260909-qy48j result）"),
    ("260309-as34x", "260309-as34x 已在接待日当场解决，无需出具告知书"),
    ("261118-b75pf", "261118-b75pf 尚未受理审查；先运行 anshang screen 261118-b75pf"),
])
def test_letters_that_do_not_fit_the_stage_are_refused(cli, sample, case, message):
    r = _letter(cli, sample, case)
    assert r.code == 2 and r.err.strip().endswith(message) and not (sample / "output").exists()


def test_an_exclusion_letter_needs_its_clause(cli, sample):
    path = sample / "cases/2026/260924-btg2g.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("    - §三(二)5\n", "    - §二(三)\n"), encoding="utf-8")
    r = _letter(cli, sample, "260924-btg2g")
    assert r.code == 2 and "没有注明 §三(二) 的条目" in r.err


def test_outside_text_stays_text(cli, sample):
    path = sample / "cases/2026/261119-63j86.yaml"
    text = path.read_text(encoding="utf-8")
    hostile = "'<w:p>&amp; {{ city }} {% if 1 %}x{% endif %} =1+1 </w:t>'"
    path.write_text(re.sub(r"^title: .+$", f"title: {hostile}", text, flags=re.M), encoding="utf-8")
    r = _letter(cli, sample, "261119-63j86")
    assert r.code == 0, r
    body = docx_text(next((sample / "output").glob("接待安排告知书-*.docx")))
    assert "“<w:p>&amp; {{ city }} {% if 1 %}x{% endif %} =1+1 </w:t>”事项" in body


def test_attendance_notice_lists_units_and_district_governments(cli, sample):
    r = cli("--data", sample, "session", "attend", "2026-12-10", "--date", DAY)
    assert r.code == 0
    text = docx_text(sample / "output" / "参会通知-接待日2026年12月10日.docx")
    addressees = text.splitlines()[2]
    assert addressees.endswith("：") and "市税务局" in addressees and "新港区人民政府" in addressees
    assert "| 1 | 北岚市永泰碳纤维有限公司 | 二期碳化生产线用电增容 |" in text
    r = cli("--data", sample, "session", "attend", "2027-01-21")
    assert r.code == 0  # the deferred demand is scheduled there
    r = cli("--data", sample, "session", "attend", "2026-03-19")
    assert r.code == 0


def test_template_list_show_copy_and_check(cli, sample):
    r = cli("--data", sample, "template", "list")
    assert r.code == 0 and "chase.docx\t催办通知（每个承办单位一份）\t使用自带模板" in r.out
    assert len(r.out.splitlines()) == len(official.TEMPLATES)
    r = cli("--data", sample, "template", "show", "letter_excluded.docx")
    assert "{{ clause_text }}\t条款原文" in r.out
    r = cli("--data", sample, "template", "copy", "chase.docx")
    target = sample / "templates" / "chase.docx"
    assert r.code == 0 and target.read_bytes() == (REPO / "templates" / "chase.docx").read_bytes()
    assert "chase.docx\t催办通知（每个承办单位一份）\t使用台账中的 templates/chase.docx" in \
        cli("--data", sample, "template", "list").out
    r = cli("--data", sample, "template", "copy", "chase.docx")
    assert r.code == 2 and "加 --force" in r.err
    assert cli("--data", sample, "template", "copy", "chase.docx", "--force").code == 0
    r = cli("--data", sample, "template", "copy", "../anshang.yaml")
    assert r.code == 2 and "没有模板" in r.err
    assert cli("--data", sample, "template", "check").code == 0

    # mistakes only a trial fill finds: a row field, an attribute of a text, the sandbox
    for text, said in (("{{ r.enterprize }}", "templates/chase.docx:第1个表格第3行第2列: [template] 占位符中的 enterprize 不存在"
                                              "（表格行可用：r.id、"),
                       ("{{ date.year }}", "templates/chase.docx:第1个表格第3行第2列: [template] 占位符中的 year 不存在"),
                       ("{{ city.__class__ }}", "templates/chase.docx:第1个表格第3行第2列: [template] 占位符只能写名称"),
                       ("{{ r.title|safe }}", "templates/chase.docx:第1个表格第3行第2列: [template] 占位符只能写名称（如 {{ enterprise }}）"
                                              "或表格行的字段（如 {{ r.id }}），不能使用过滤器、运算或函数"),
                       ("{% for i in rows %}{% for j in rows %}x{% endfor %}{% endfor %}{{ 1/0 }}",
                        "templates/chase.docx:第1个表格第3行第2列: [template] 占位符只能写名称")):
        doc = docx.Document(str(REPO / "templates" / "chase.docx"))
        doc.tables[0].rows[2].cells[1].paragraphs[0].runs[0].text = text
        doc.save(str(target))
        r = cli("--data", sample, "template", "check")
        assert r.code == 1 and r.out.startswith(said), (text, r.out)
    target.write_bytes((REPO / "templates" / "chase.docx").read_bytes())
    # notice.md and handover.xlsx are checked too
    (sample / "templates" / "notice.md").write_text("{{city}}\n{{mayor}}\n", encoding="utf-8")
    r = cli("--data", sample, "template", "check")
    assert r.code == 1 and r.out == "templates/notice.md:2: [template] 占位符 {{mayor}} 不存在\n"
    (sample / "templates" / "notice.md").unlink()
    assert cli("--data", sample, "template", "show", "handover.xlsx").out.startswith("{{number}}\t诉求编号\n")

    # the clerk edits it: a new sentence, and a placeholder that does not exist
    doc = docx.Document(str(target))
    doc.paragraphs[3].runs[0].text += "请于{{ deadline }}前回复。"
    doc.save(str(target))
    r = cli("--data", sample, "template", "check")
    assert r.code == 1 and r.out == "templates/chase.docx:第4段: [template] 占位符 {{ deadline }} 不存在\n"
    r = cli("--data", sample, "check", "--date", "2026-11-21")
    assert r.code == 1 and "templates/chase.docx:第4段: [template] 占位符 {{ deadline }} 不存在\n" in r.out
    r = cli("--data", sample, "chase", "--date", "2026-11-21")
    assert r.code == 2 and "templates/chase.docx:第4段: [template] 占位符 {{ deadline }} 不存在" in r.err
    assert not (sample / "output").exists()  # nothing half-written, nothing recorded
    # fixed: the ledger's own wording is used
    doc.paragraphs[3].runs[0].text = doc.paragraphs[3].runs[0].text.replace("请于{{ deadline }}前回复。", "（本办自拟）")
    doc.save(str(target))
    assert cli("--data", sample, "chase", "--date", "2026-11-21", "--no-record").code == 0
    assert "（本办自拟）" in docx_text(sample / "output" / "催办通知-市自然资源局-2026-11-21.docx")


def test_out_names_must_match_what_is_written(cli, sample, tmp_path):
    for args, suffix in ((["slip", "260909-qy48j"], ".xlsx"), (["session", "contacts", "2026-12-10"], ".xlsx"),
                         (["session", "notice", "2026-12-10"], ".docx"), (["session", "attend", "2026-12-10"], ".docx"),
                         (["session", "notice", "2026-12-10", "--format", "md"], ".md")):
        r = cli("--data", sample, *args, "--out", tmp_path / "x.pdf")
        assert r.code == 2 and f"--out 的文件名应以 {suffix}" in r.err and "（给出的是 x.pdf）" in r.err, args
    assert not (tmp_path / "x.pdf").exists()


def test_broken_and_hostile_templates(cli, sample, tmp_path):
    (sample / "templates").mkdir()
    (sample / "templates" / "notice.docx").write_bytes(b"not a document")
    r = cli("--data", sample, "session", "notice", "2026-12-10")
    assert r.code == 2 and "templates/notice.docx: 不是 Word .docx 文件" in r.err
    bomb = sample / "templates" / "notice.docx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("word/document.xml", b"<" * (60 * 1024 * 1024))
    r = cli("--data", sample, "session", "notice", "2026-12-10")
    assert r.code == 2 and "已拒绝打开" in r.err
    with zipfile.ZipFile(bomb, "w") as z:
        z.writestr("hello.txt", "x")
    r = cli("--data", sample, "session", "notice", "2026-12-10")
    assert r.code == 2 and "不是可用的 Word 文档" in r.err
    # a template that tries to reach Python is stopped by the sandbox
    doc = docx.Document(str(REPO / "templates" / "notice.docx"))
    doc.paragraphs[4].runs[0].text = "{{ city.__class__.__mro__ }}"
    doc.save(str(bomb))
    r = cli("--data", sample, "session", "notice", "2026-12-10")
    assert r.code == 2 and "templates/notice.docx:第5段: [template] 占位符只能写名称（如 {{ enterprise }}）" in r.err
    doc.paragraphs[4].runs[0].text = "电话：{{ phone }"
    doc.save(str(bomb))
    r = cli("--data", sample, "session", "notice", "2026-12-10")
    assert r.code == 2 and "templates/notice.docx:第5段: [template] 占位符写法有误：{{ 与 }}、{% 与 %} 须成对" in r.err
    (sample / "templates" / "letter_x.docx").write_bytes((REPO / "templates" / "chase.docx").read_bytes())
    r = cli("--data", sample, "template", "check")
    assert "templates/letter_x.docx: [template] 警告：anshang 不使用这个模板" in r.out


def test_the_placeholder_lists_are_what_the_documents_fill(sample):
    """``template show`` and ``template check`` list exactly what each document fills in."""
    import datetime as dt

    from anshang.documents import chase, letters, notice
    from anshang.store import loader
    from anshang.store.folder import Ledger

    ledger = Ledger(sample)
    settings, world, cal = loader.settings(ledger), loader.load(ledger), loader.calendar(ledger)
    day = dt.date(2026, 11, 22)
    cases = {"scheduled": "261119-63j86", "deferred": "261120-p7g7f", "excluded": "260924-btg2g",
             "referred": "260924-wmrp0", "referral": "260924-wmrp0", "reply": "250304-e2pzz"}
    for kind, cid in cases.items():
        keys = set(letters.values(kind, world.cases[cid], world, settings, day))
        assert keys == set(official.PLACEHOLDERS[letters.TEMPLATE[kind]]), kind
    s = world.sessions["2026-12-10"]
    assert set(notice.values_for(s, world.leaders["mayor"], settings, [])) == set(official.PLACEHOLDERS["notice.docx"])
    assert set(letters.attendance_values(world, settings, "2026-12-10", day)) == set(official.PLACEHOLDERS["attendance.docx"])
    assert set(chase.chase_values("czj", [], world, cal, day, settings)) == set(official.PLACEHOLDERS["chase.docx"])
    from anshang.documents.slip import slip_values

    assert set(slip_values(world.cases["260909-qy48j"], world, settings)) == set(official.PLACEHOLDERS["handover.xlsx"])
    rows = chase.overdue_rows([o for o in _late(world, cal, day)][:1], world, cal, day)
    assert set(rows[0]) == set(official.ROW_FIELDS["chase.docx"])
    attend = letters.attendance_values(world, settings, "2026-12-10", day)["rows"]
    assert set(attend[0]) == set(official.ROW_FIELDS["attendance.docx"])
    assert set(official.MEANINGS) == {k for names in official.PLACEHOLDERS.values() for k in names}
    assert set(official.ROW_MEANINGS) == {k for names in official.ROW_FIELDS.values() for k in names}
    # and every packaged Word template fills in with its own placeholders
    for name in official.TEMPLATES:
        if name.endswith(".docx"):
            assert official.trial(REPO / "templates" / name, name) == [], name


def _late(world, cal, day):
    from anshang.documents.due_list import due_list

    return due_list(world, cal, day, 0).late()


def test_packaged_templates_are_what_the_builder_makes(tmp_path):
    """templates/*.docx are built by tools/docx_templates.py (GB/T 9704 layout): rebuilt, they say
    the same."""
    import sys

    sys.path.insert(0, str(REPO / "tools"))
    try:
        from docx_templates import build_all
    finally:
        sys.path.pop(0)
    built = build_all(tmp_path)
    assert sorted(p.name for p in built) == sorted(n for n in official.TEMPLATES if n.endswith(".docx"))
    for path in built:
        assert docx_text(path) == docx_text(REPO / "templates" / path.name), path.name


def test_file_names_stay_apart_and_short(cli, sample, tmp_path):
    # a second session on the same day: its own notice, call list and attendance notice
    first = (sample / "sessions/2026/2026-12-10.yaml").read_text(encoding="utf-8")
    (sample / "sessions/2026/2026-12-10-2.yaml").write_text(first.replace("id: '2026-12-10'", "id: 2026-12-10-2"),
                                                             encoding="utf-8")
    for args in (["session", "notice"], ["session", "contacts"], ["session", "attend"]):
        assert cli("--data", sample, *args, "2026-12-10").code == 0
        cli("--data", sample, *args, "2026-12-10-2")
    names = sorted(p.name for p in (sample / "output").iterdir())
    assert "通告-北岚市市长服务民营企业接待日-2026年12月10日.docx" in names
    assert "通告-北岚市市长服务民营企业接待日-2026年12月10日-2026-12-10-2.docx" in names
    assert "通知名单-接待日2026年12月10日-2026-12-10-2.xlsx" in names
    # a very long enterprise name is shortened; the date and the id are kept
    case = sample / "cases/2026/260924-btg2g.yaml"
    uscc = re.search(r"^enterprise: (\S+)$", case.read_text(encoding="utf-8"), flags=re.M).group(1)
    ent = sample / f"enterprises/{uscc}.yaml"
    ent.write_text(re.sub(r"^name: .+$", "name: " + "北岚市" + "超长名称" * 40 + "有限公司", ent.read_text(encoding="utf-8"),
                           flags=re.M), encoding="utf-8")
    r = cli("--data", sample, "letter", "260924-btg2g", "--date", DAY)
    assert r.code == 0, r
    path = next((sample / "output").glob("不予受理告知书-*"))
    assert path.name.endswith("-2026-11-22-260924-btg2g.docx") and len(path.name.encode()) < 255


def test_two_units_of_one_name_get_a_notice_each(cli, sample):
    units = sample / "units.yaml"
    text = units.read_text(encoding="utf-8")
    assert "name: 市自然资源局" in text and "name: 市住房和城乡建设局" in text
    units.write_text(text.replace("name: 市住房和城乡建设局", "name: 市自然资源局"), encoding="utf-8")
    r = cli("--data", sample, "chase", "--date", "2026-11-21", "--no-record")
    assert r.code == 0
    names = {p.name for p in (sample / "output").iterdir()}
    assert {"催办通知-市自然资源局-zrzyj-2026-11-21.docx", "催办通知-市自然资源局-zjj-2026-11-21.docx"} <= names


def test_out_into_a_file_is_said_plainly(cli, sample):
    r = cli("--data", sample, "session", "attend", "2026-12-10", "--out", sample / "anshang.yaml" / "x.docx")
    assert r.code == 2 and "无法写入" in r.err and "路径中的某一级是已有的文件，不是目录" in r.err
    r = cli("--data", sample, "letter", "260924-btg2g", "--out", sample / "anshang.yaml")
    assert r.code == 2 and "无法写入" in r.err and "Error" not in r.err


def test_text_width_counts_wide_characters_twice_whatever_the_text():
    import random
    import unicodedata

    from anshang.documents.workbook import text_width

    def by_hand(text):
        return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)

    rng = random.Random(7)
    pool = "ab 12，。企业（）《》😀\u3000ｱ한글\u1100\uff61\U00020000"
    for _ in range(3000):
        text = "".join(rng.choice(pool) for _ in range(rng.randint(0, 12)))
        assert text_width(text) == by_hand(text), text
    assert (text_width(None), text_width(12), text_width("北岚市"), text_width("😀a")) == (0, 2, 6, 3)
    # every character of the basic plane, in runs with a Chinese one (not the all-ASCII shortcut)
    for start in range(0, 0x10000, 4096):
        text = "企" + "".join(chr(i) for i in range(start, start + 4096))
        assert text_width(text) == by_hand(text), hex(start)


def test_row_height_is_the_lines_the_widest_cell_needs():
    from anshang.documents.sheets import LINE_PT, Tentative, lines_needed, row_height

    widths = [10, 20, 6]
    rows = [["短", "短", 1], ["企业" * 10, "", None], ["a\nb\nc", "企业" * 30, Tentative("x" * 99)], [None, None, None],
            ["", "x" * 19, "企业"], ["ab cd" * 5, 12345678901234, "两行\n" * 5]]
    for row in rows:
        n = max(lines_needed(v, w) for v, w in zip(row, widths))
        assert row_height(row, widths) == (None if n <= 1 else round(n * LINE_PT + 3, 1)), row


def test_sheet_names_are_shortened_cleaned_and_never_repeated():
    from anshang.documents.sheets import sheet_name

    taken: set = set()
    names = [sheet_name(n, taken) for n in ("台账", "台账", "台账", "A" * 40, "a" * 40, "a/b:c", "")]
    assert names[:3] == ["台账", "台账（2）", "台账（3）"]
    assert names[3] == "A" * 31 and names[4] == "a" * 28 + "（2）" and len(names[4]) == 31
    assert names[5] == "a_b_c" and names[6] == "表"


def test_workbook_footer_numbers_pages_in_whole_point_type(tmp_path):
    import datetime as dt
    import zipfile

    from anshang.documents.sheets import Col, Table, book_bytes

    data = book_bytes([Table("表", "标题", "营商办", dt.date(2026, 11, 21), [Col("编号")], [["=1+1"], [float("nan")]])] * 2)
    with zipfile.ZipFile(__import__("io").BytesIO(data)) as z:
        sheet = z.read("xl/worksheets/sheet1.xml").decode("utf-8")
        assert "<oddFooter>&amp;C&amp;10第 &amp;P 页，共 &amp;N 页</oddFooter>" in sheet
        assert "<f>" not in sheet  # text starting with = stays text
        assert z.read("xl/workbook.xml").decode("utf-8").count("<sheet ") == 2


def test_printable_tables_write_their_cells_exactly_as_xlsxwriter_does(monkeypatch):
    """``sheets.worksheet_class`` writes ordinary cells itself: the whole workbook must be the one
    XlsxWriter's own worksheet writes, for every awkward value, and most cells must take the quick path."""
    import datetime as dt

    from xlsxwriter.worksheet import Worksheet

    from anshang.documents import sheets
    from anshang.documents.sheets import Chart, Col, Table, Tentative, book_bytes

    texts = ["诉求", "a & b", "<b>粗</b>", 'say "hi"', "tab\there", "两行\n文字", " 前空格", "后空格 ", "\u3000全角空格",
             "_x0041_", "under_score", "ctl\x01\x1f", "bad\ufffe\uffff", "=1+1", "+86 138", "𠀀 扩展区", "", "0012",
             "长" * 40, "长" * 90,  # (rows that grow: their heights, and the chart's place below them)
             "a" * 40000]  # (past XlsxWriter's limit: cut short)
    numbers = [0, 1, -7, 3.5, 1e20, 1 / 3, 123456789012345678, 0.1 + 0.2, float("nan"), float("-inf")]
    rows = []
    for n, t in enumerate(texts):
        v = numbers[n % len(numbers)]
        day = dt.date(2026, 1 + n % 12, 1) if n % 7 else dt.datetime(2026, 1 + n % 12, 1, 8, 30)
        rows.append([t, v, day, v / 10 if v else None, Tentative(dt.date(2026, 5, 6)), True if n % 2 else None])
    cols = [Col("文字"), Col("数", "int"), Col("日期", "date"), Col("比率", "pct"), Col("暂定", "date"), Col("其他")]
    plain = [["诉求", 1, dt.datetime(2026, 1, 2, 8, 30), 0.5, Tentative(dt.date(2026, 5, 6)), "x"]]
    # first: a table without notes whose one row is the first to use some formats (XlsxWriter numbers
    # them only when the workbook is closed); last: one whose rows all go at once (its dimension)
    tables = [Table("表零", "无说明", "营商办", dt.date(2026, 11, 21), [Col("比率", "pct"), Col("数", "num")], [[0.25, 1.5]]),
              Table("表一", "标题", "营商办", dt.date(2026, 11, 21), cols, rows, tones=["overdue", "soon", "closed", ""] * 5,
                    notes=["说明 & 注"], charts=[Chart("图", (2,), 1)]),
              Table("表二", "空表", "营商办", dt.date(2026, 11, 21), cols, []),
              Table("表三", "无说明", "营商办", dt.date(2026, 11, 21), cols, plain * 3)]
    quick = []
    fast_class = sheets.worksheet_class()
    original = Worksheet._write_cell

    def counted(self, row, col, cell):
        quick.append(type(self).__name__)
        return original(self, row, col, cell)

    whole_rows = []
    put_row = fast_class.put_row

    def counted_rows(self, r, cells, height):
        whole_rows.append(put_row(self, r, cells, height))
        return whole_rows[-1]

    monkeypatch.setattr(fast_class, "put_row", counted_rows)
    fast = book_bytes(tables, "题")
    assert 0 < whole_rows.count(True) < len(whole_rows) == len(rows) + 4, whole_rows  # some rows at once, the odd ones not
    monkeypatch.setattr(Worksheet, "_write_cell", counted)
    monkeypatch.setattr(sheets, "_WORKSHEET", fast_class)
    book_bytes(tables, "题")
    fell_back = len(quick)
    monkeypatch.setattr(sheets, "_WORKSHEET", Worksheet)
    quick.clear()
    stock = book_bytes(tables, "题")
    assert fast == stock
    assert 0 < fell_back < len(quick) / 2, (fell_back, len(quick))  # the odd cells only went to XlsxWriter


def test_the_due_list_from_the_read_index_is_the_one_from_a_full_read(sample, monkeypatch):
    import datetime as dt
    import os

    from anshang.documents import due_list as dl
    from anshang.store import loader
    from anshang.store.folder import Ledger

    ledger = Ledger(sample)
    settings = loader.settings(ledger)
    cal = loader.calendar(ledger, True)
    old = aged(sample)

    def full(day, within, unit, co):
        world = loader.load_as_of(ledger, day, cal, dl.DUE_KINDS)
        return (dl.falling(dl.owed(world, co), cal, day, within, unit), world.units,
                {i["id"]: i.get("title", "") for i in world.tracked()})

    derived, reread = [], []
    real, read = loader._entry, loader.read
    monkeypatch.setattr(loader, "_entry", lambda doc, *a: derived.append(doc.rel) or real(doc, *a))
    monkeypatch.setattr(loader, "read", lambda ledger, rel, *a, **k: reread.append(rel) or read(ledger, rel, *a, **k))
    compared = changed_since = 0
    for co in ("lead", "each"):
        s = under_rule(settings, co)
        for day in (dt.date(2026, 3, 1), dt.date(2026, 4, 20), dt.date(2026, 6, 30), dt.date(2026, 9, 10),
                    dt.date(2026, 10, 20), dt.date(2026, 11, 10), dt.date(2026, 11, 21), dt.date(2027, 6, 30)):
            # on the earlier days many items have changed since: answered from their earlier days, or re-read
            for within, unit in ((None, None), (30, None), (60, "gxj")):
                got = dl.due_report(ledger, s, cal, day, within, unit)
                want = full(day, settings.policy.warning_workdays if within is None else within, unit, co)
                assert got[0] == want[0] and got[1] == want[1], (co, day, within, unit)
                assert {o.id: got[2][o.id] for o in got[0].items} == {o.id: want[2][o.id] for o in want[0].items}
                compared += len(got[0].items)
                world = loader.load(ledger, dl.DUE_KINDS)
                changed_since += sum(1 for t in world.settled.values() for d in t.values() if d > day.isoformat())
    assert compared > 100 and 0 < len([r for r in reread if r.startswith("cases/")]) < changed_since / 3
    tracked = len(ledger.case_files()) + len(ledger.task_files()) + len(ledger.topic_files()) + len(ledger.project_files())
    assert len(derived) == tracked  # each file worked out once, then taken from the index
    case = sorted(sample.glob("cases/2026/*.yaml"))[0]
    case.write_text(case.read_text(encoding="utf-8") + "# 手工加的注释\n", encoding="utf-8")
    os.utime(case, ns=(old, old))
    dl.due_report(ledger, settings, cal, dt.date(2026, 11, 21), None, None)
    assert derived[tracked:] == [case.relative_to(sample).as_posix()]  # a changed file is worked out again
    # a file with a problem: the same stop, with every problem listed, as a full read gives
    case.write_text("id: [\n", encoding="utf-8")
    same_stop(lambda: dl.due_report(ledger, settings, cal, dt.date(2026, 11, 21), None, None),
              lambda: loader.load_as_of(ledger, dt.date(2026, 11, 21), cal, dl.DUE_KINDS))


def test_the_figures_from_the_read_index_are_those_from_a_full_read(sample, monkeypatch):
    import datetime as dt

    from anshang.documents import statistics as st
    from anshang.store import loader
    from anshang.store.folder import Ledger

    ledger = Ledger(sample)
    settings = loader.settings(ledger)
    aged(sample)
    indexed = st._from_index
    compared = 0
    for co in ("lead", "each"):
        s = under_rule(settings, co)
        for day in (dt.date(2026, 3, 1), dt.date(2026, 6, 30), dt.date(2026, 10, 20), dt.date(2026, 11, 21),
                    dt.date(2027, 6, 30)):
            for year in (None, 2025, 2026):
                assert indexed(ledger, day, co) is not None
                got = st.stats(ledger, s, day, year)
                monkeypatch.setattr(st, "_from_index", lambda *a: None)  # the whole ledger read instead
                want = st.stats(ledger, s, day, year)
                monkeypatch.setattr(st, "_from_index", indexed)
                assert got == want, (co, day, year)
                compared += got[0]["overall"]["registered"]
    assert compared > 500
    facts = indexed(ledger, dt.date(2026, 11, 21), "lead")[1]
    assert any(f.all_obs for f in facts) and any(f.closed for f in facts) and any(f.open_obs for f in facts)


def test_the_public_table_from_the_read_indexes_is_the_one_from_a_full_read(sample, monkeypatch, tmp_path):
    import datetime as dt
    import os

    from anshang.documents import public
    from anshang.store import loader
    from anshang.store.folder import Ledger

    case = sample / "cases/2026/260309-as34x.yaml"  # the contact's name and phone in the title: masked either way
    case.write_text(case.read_text(encoding="utf-8").replace(
        "title: 药品经营许可证仓库地址变更", "title: 药品经营许可证仓库地址变更，联系崔红忠 19232115478，法人金庆宇"), encoding="utf-8")
    late = sample / "cases/2026/260609-01mc1.yaml"  # a provisional deadline: 超期（暂定）either way
    late.write_text(late.read_text(encoding="utf-8").replace("provisional: false", "provisional: true", 1), encoding="utf-8")
    ledger = Ledger(sample)
    settings = loader.settings(ledger)
    old = aged(sample)
    indexed, masks = public._from_index, []
    real = public.public_text
    monkeypatch.setattr(public, "public_text", lambda *a, **k: masks.append(a[0]) or real(*a, **k))

    def table(s, day, index: bool):
        monkeypatch.setattr(public, "_from_index", indexed if index else (lambda *a: None))
        (path,) = public.write_public(ledger, s, day, tmp_path / ("index" if index else "full"), ("md",))
        return path.read_text(encoding="utf-8")

    compared = 0
    for co in ("lead", "each"):
        s = under_rule(settings, co)
        for day in (dt.date(2026, 3, 1), dt.date(2026, 4, 20), dt.date(2026, 6, 30), dt.date(2026, 10, 20),
                    dt.date(2026, 11, 21), dt.date(2027, 6, 30)):
            assert indexed(ledger, loader.calendar(ledger, True), day, co) is not None
            got, want = table(s, day, True), table(s, day, False)
            assert got == want, (co, day)
            compared += got.count("\n| ")
    assert compared > 100 and "联系（姓名已隐去） （电话已隐去），法人（姓名已隐去）" in got and "超期（暂定）" in got
    # the masked texts are kept while neither they nor the rules change: a run masks only what is new
    masks.clear()
    table(settings, dt.date(2026, 11, 21), True)
    assert masks == []
    case.write_text(case.read_text(encoding="utf-8").replace("联系崔红忠", "请崔红忠"), encoding="utf-8")
    os.utime(case, ns=(old, old))
    got = table(settings, dt.date(2026, 11, 21), True)
    assert masks == ["药品经营许可证仓库地址变更，请崔红忠 19232115478，法人金庆宇"] and "请（姓名已隐去） （电话已隐去）" in got
    monkeypatch.setattr(public, "RULES", "mask|other rules")
    masks.clear()
    assert table(settings, dt.date(2026, 11, 21), True) == got and len(masks) == 2 * got.count("\n| ") - 2
    # a file with a problem: the same stop, with every problem listed, as a full read gives
    ent = sorted(sample.glob("enterprises/*.yaml"))[0]
    ent.write_text("uscc: [\n", encoding="utf-8")
    same_stop(lambda: table(settings, dt.date(2026, 11, 21), True),
              lambda: loader.load_as_of(ledger, dt.date(2026, 11, 21), None, public.PUBLIC_KINDS))


def test_the_read_index_keeps_a_link_out_of_the_ledger_out_and_the_other_caches_whole(sample, tmp_path):
    import datetime as dt
    import os

    from anshang.core.problems import ProblemsFound
    from anshang.documents import due_list as dl
    from anshang.store import loader
    from anshang.store.cache import Cache
    from anshang.store.folder import Ledger

    ledger = Ledger(sample)
    settings = loader.settings(ledger)
    cal = loader.calendar(ledger, True)
    old = aged(sample)
    day = dt.date(2026, 7, 25)
    dl.due_report(Ledger(sample), settings, cal, day, None, None)  # the caches and the index filled
    plain = len(Cache(sample / ".anshang" / "plain").entries)
    # an id in two tables (check says it is malformed): the title is the first table's, as World.item finds it
    case = sample / "cases" / "2026" / "260609-01mc1.yaml"
    case.write_text(case.read_text(encoding="utf-8").replace("id: 260609-01mc1", "id: xd2026-06"), encoding="utf-8")
    os.utime(case, ns=(old, old))
    listing, _, titles = dl.due_report(Ledger(sample), settings, cal, day, 60, None)
    world = loader.load_as_of(Ledger(sample), day, cal, dl.DUE_KINDS)
    assert any(o.id == "xd2026-06" for o in listing.items)
    assert {o.id: titles[o.id] for o in listing.items} == {o.id: world.item(o.id).get("title", "") for o in listing.items}
    assert len(Cache(sample / ".anshang" / "plain").entries) == plain  # one file read again: none forgotten
    # a case moved out of the ledger and linked back: refused, cached or not, as a full read refuses it
    outside = tmp_path / "outside.yaml"
    case.rename(outside)
    case.symlink_to(outside)
    for _ in range(2):
        with pytest.raises(ProblemsFound) as got:
            dl.due_report(Ledger(sample), settings, cal, dt.date(2026, 11, 21), None, None)
        assert [(p.path, p.code) for p in got.value.problems] == [("cases/2026/260609-01mc1.yaml", "layout")]
