"""Every document anshang writes for people, made on the sample ledger, opened by python-docx or
openpyxl and converted to PDF by LibreOffice: A4 (A3 only for the 18-column ledger), every column
of each sheet on the same page as the first, readable type, and the official layout of the Word
documents (GB/T 9704)."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import docx
import openpyxl
import pytest
from conftest import REPO, docx_text, run_cli
from docx.shared import Pt

DAY = "2026-11-21"
SESSION = "2026-12-10"
def _fonts() -> bool:
    """Chinese fonts, and Calibri's metrics (Carlito on Linux): column widths are measured in
    Calibri's digits, as in Excel and WPS on an office computer."""
    if shutil.which("fc-list") is None or shutil.which("fc-match") is None:
        return False
    chinese = subprocess.run(["fc-list", ":lang=zh"], capture_output=True, text=True).stdout.strip()
    calibri = subprocess.run(["fc-match", "Calibri"], capture_output=True, text=True).stdout
    return bool(chinese) and ("Calibri" in calibri or "Carlito" in calibri)


LIBREOFFICE = shutil.which("soffice") is not None and shutil.which("pdftotext") is not None and _fonts()
needs_office = pytest.mark.skipif(not LIBREOFFICE, reason="LibreOffice, poppler-utils, Chinese fonts or Carlito not installed")


def _ok(*args):
    r = run_cli(*[str(a) for a in args])
    assert r.code == 0, r
    return r


@pytest.fixture(scope="module")
def made(tmp_path_factory) -> dict:
    """Every document, from the sample ledger: name -> path."""
    root = tmp_path_factory.mktemp("print")
    ledger = root / "data"
    shutil.copytree(REPO / "data", ledger)
    out = root / "out"
    d = ["--data", ledger]
    # a demand too long for the slip's row as the template has it
    case = ledger / "cases/2026/260909-qy48j.yaml"
    text = case.read_text(encoding="utf-8")
    assert re.search(r"^facts: .+$", text, flags=re.M)
    case.write_text(re.sub(r"^facts: .+$", "facts: " + "企业反映的情况较为复杂，" * 40 + "以上为全部事实。", text,
                           flags=re.M), encoding="utf-8")
    _ok(*d, "weekly", "--date", DAY, "--out", out)
    _ok(*d, "session", "contacts", SESSION, "--date", DAY, "--out", out / "通知名单.xlsx")
    _ok(*d, "publish", "--date", DAY, "--out", out)
    _ok(*d, "roster", "list", "--out", out / "企业名录.xlsx")
    _ok(*d, "slip", "260909-qy48j", "--out", out / "交办单.xlsx")
    _ok(*d, "session", "notice", SESSION, "--out", out / "通告.docx")
    _ok(*d, "session", "attend", SESSION, "--date", DAY, "--out", out / "参会通知.docx")
    _ok(*d, "chase", "--date", DAY, "--out", out, "--no-record")
    _ok(*d, "task", "list", "--unit", "市财政局", "--year", "2026", "--date", DAY, "--out", out / "责任清单.xlsx")
    _ok(*d, "supervise", "xd2026-06", "--named", "--leader", "市长韩立成", "--reason", "小微企业融资担保降费是年度重点",
        "--date", DAY, "--out", out)
    letters = ["260924-wmrp0", "260924-btg2g", "250304-e2pzz", "261120-p7g7f", "261119-63j86"]
    _ok(*d, "letter", *letters, "--date", DAY, "--out", out)
    _ok(*d, "summary", "--year", "2026", "--date", DAY, "--out", out)
    _ok(*d, "project", "sheet", "--date", DAY, "--out", out / "一企一表.xlsx")
    _ok(*d, "campaign", "report", "fwy2026", "--date", DAY, "--out", out)
    files = {p.name: p for p in out.iterdir()}
    if LIBREOFFICE:
        pdf = root / "pdf"
        subprocess.run(["soffice", "--headless", "--norestore", f"-env:UserInstallation=file://{root}/profile",
                        "--convert-to", "pdf", "--outdir", str(pdf), *map(str, files.values())],
                       check=True, capture_output=True, timeout=600)
    return files


def _pdf(path: Path) -> Path:
    return path.parent.parent / "pdf" / (path.stem + ".pdf")


def _pages(pdf: Path) -> list[str]:
    """The text of each page, without white space (LibreOffice spaces figures from Chinese)."""
    text = subprocess.run(["pdftotext", "-raw", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return [re.sub(r"\s+", "", page) for page in text.split("\f")[:-1]]


def _sizes(pdf: Path) -> list[tuple[float, float]]:
    info = subprocess.run(["pdfinfo", "-f", "1", "-l", "999", str(pdf)], capture_output=True, text=True,
                          check=True).stdout
    return [(float(w), float(h)) for w, h in re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)", info)]


A4 = {(595, 842), (842, 595)}
A3 = {(842, 1191), (1191, 842)}


def _paper(size) -> tuple[int, int]:
    return round(size[0]), round(size[1])


def test_every_document_is_made_with_names_people_read(made):
    names = set(made)
    assert {"企业诉求台账-2026-W47.xlsx", "通知名单.xlsx", f"公开反馈-{DAY}.xlsx", "企业名录.xlsx", "交办单.xlsx",
            "通告.docx", "参会通知.docx", f"督办清单-{DAY}.docx"} <= names
    assert f"催办通知-市自然资源局-{DAY}.docx" in names and f"督办通知-市自然资源局-{DAY}.docx" in names
    assert f"预警提醒-市能源局-{DAY}.docx" in names and f"挂牌督办通知-xd2026-06-{DAY}.docx" in names
    assert "责任清单.xlsx" in names
    for title in ("接待安排告知书", "择期安排告知书", "不予受理告知书", "转办告知书", "答复函", "转办函"):
        hits = [n for n in names if n.startswith(title + "-")]
        assert hits, title
        assert all(re.search(r"有限公司-2026-11-21-\d{6}-\w{5}\.docx$", n) for n in hits), hits
    assert not [n for n in names if re.search(r"-[a-z]+\.(docx|md)$", n)]  # never named by a unit id alone


def test_word_documents_have_the_official_layout(made):
    for name, path in made.items():
        if not name.endswith(".docx"):
            continue
        doc = docx.Document(str(path))
        sec = doc.sections[0]
        mm = [round(v.mm, 1) for v in (sec.page_width, sec.page_height, sec.top_margin, sec.bottom_margin,
                                       sec.left_margin, sec.right_margin)]
        assert mm == [210, 297, 37, 35, 28, 26], name  # A4; type area 156 x 225 mm
        normal = doc.styles["Normal"].font
        assert normal.size == Pt(16) and normal.name == "仿宋_GB2312", name
        title = next(p for p in doc.paragraphs if p.text.strip() and p.text != "附件1")
        assert title.runs[0].font.size == Pt(22) and title.runs[0].font.name == "方正小标宋简体", name
        assert title.alignment == 1  # centred
        # page numbers "— 1 —": odd pages at the right, even pages at the left
        assert doc.settings.odd_and_even_pages_header_footer
        for footer, align in ((sec.footer, 2), (sec.even_page_footer, 0)):
            p = footer.paragraphs[0]
            assert p.alignment == align and "PAGE" in p._p.xml and p.text.startswith("— ") and p.text.endswith(" —")
        # the issuing office and the date at the right, the date further in, room for the seal above
        paras = [p for p in doc.paragraphs]
        last = max(i for i, p in enumerate(paras) if re.fullmatch(r"\d{4}年\d{1,2}月\d{1,2}日", p.text))
        office, date = paras[last - 1], paras[last]
        assert office.text == "北岚市优化营商环境办公室" and office.alignment == date.alignment == 2, name
        assert date.paragraph_format.right_indent == Pt(64) and not paras[last - 2].text and not paras[last - 3].text


def test_letters_say_what_the_enterprise_needs(made):
    text = {n.split("-")[0].removesuffix(".docx"): docx_text(p) for n, p in made.items() if n.endswith(".docx")}
    scheduled = text["接待安排告知书"]
    assert "2026年12月10日（星期四）" in scheduled and "北岚市行政中心A座第三会议室" in scheduled
    assert "请携带：营业执照复印件" in scheduled and "市长韩立成" in scheduled
    assert "拟安排在2027年1月21日（星期四）由副市长李慧敏接待" in text["择期安排告知书"]
    excluded = text["不予受理告知书"]
    assert "“三、受理事项范围”第（二）项第5条规定的“没有明确的对象和具体的事实、理由和请求的”情形" in excluded
    assert "重新预约登记" in excluded
    assert "已转北岚高新区管理委员会办理" in text["转办告知书"]
    referral = text["转办函"]
    assert referral.startswith("关于转办企业诉求的函\n\n北岚高新区管理委员会：\n") and "事实：企业于2024年3月入驻" in referral
    assert "现将办理情况答复如下" in text["答复函"] and "（2025年4月" in text["答复函"]
    attend = text["参会通知"]
    assert "2026年12月10日（星期四）" in attend and "| 序号 | 企业 | 诉求事项 | 建议承办单位 | 属地 |" in attend


@needs_office
def test_every_document_converts_to_pdf_on_a4(made):
    for name, path in made.items():
        pdf = _pdf(path)
        assert pdf.is_file(), f"LibreOffice could not convert {name}"
        sizes = {_paper(s) for s in _sizes(pdf)}
        if name.startswith("企业诉求台账"):
            assert sizes <= A4 | A3 and sizes & A3, name  # the 18-column sheet on A3, the rest on A4
        else:
            assert sizes <= A4, (name, sizes)


@needs_office
def test_the_notice_carries_its_date_with_the_weekday(made):
    pages = _pages(_pdf(made["通告.docx"]))
    assert "2026年12月10日（星期四），市长韩立成将在北岚市行政中心A座第三会议室接待企业来访" in pages[0]
    assert pages[-1].endswith("北岚市优化营商环境办公室2026年11月19日—" + str(len(pages)) + "—")


def _sheets(path: Path) -> dict[str, list[str]]:
    """Each sheet's title (row 1) and headers (row 3)."""
    wb = openpyxl.load_workbook(path)
    out = {}
    for ws in wb.worksheets:
        title = str(ws["A1"].value)
        out[re.sub(r"\s+", "", title)] = [re.sub(r"\s+", "", str(c.value)) for c in ws[3] if c.value is not None]
    return out


@needs_office
def test_every_column_of_a_sheet_is_on_the_same_page_as_the_first(made):
    checked = 0
    for name, path in made.items():
        if not name.endswith(".xlsx") or name == "交办单.xlsx":
            continue
        sheets = _sheets(path)
        for n, page in enumerate(_pages(_pdf(path)), start=1):
            page = re.sub(r"第\d+页，共\d+页", "", page)  # the footer
            titles = sorted((t for t in sheets if t in page), key=len)
            assert titles, f"{name} page {n}: no title (the title rows repeat on every page)"
            title = titles[-1]
            missing = [h for h in sheets[title] if h not in page]
            assert not missing, f"{name} page {n} ({title}): columns {missing} are on another page"
            checked += 1
    assert checked >= 10


@needs_office
def test_printed_type_is_readable(made):
    """No text of a printed table smaller than 9 pt: a Chinese character is one em wide, so a
    word of Chinese characters only gives its size (fitting to the page width shrinks it)."""
    for name, path in made.items():
        if not name.endswith(".xlsx"):
            continue
        html = subprocess.run(["pdftotext", "-bbox", str(_pdf(path)), "-"], capture_output=True, text=True,
                              check=True).stdout
        sizes = [(float(x1) - float(x0)) / len(word) for x0, x1, word in
                 re.findall(r'xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([\u4e00-\u9fff]{4,})</word>', html)]
        assert len(sizes) > 10 and min(sizes) >= 8.9, (name, min(sizes))


@needs_office
def test_a_long_demand_grows_its_row_on_the_slip(made):
    """Every line of 诉求内容 is printed above the next row (a row of the template's height would
    clip it: its last lines would run under 接待领导)."""
    words = subprocess.run(["pdftotext", "-bbox", str(_pdf(made["交办单.xlsx"])), "-"], capture_output=True,
                           text=True, check=True).stdout
    boxes = {text: (float(top), float(bottom)) for top, bottom, text in
             re.findall(r'yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]+)</word>', words)}
    last = next(v for k, v in boxes.items() if k.startswith("诉求：请求"))
    assert "以上为全部事实。" in "".join(boxes)
    assert last[1] <= boxes["接待领导"][0]


@needs_office
def test_the_year_report_prints_on_a4_and_its_workbook_has_charts(made):
    import zipfile

    report = made["企业诉求办理情况报告-2026年.docx"]
    pages = _pages(_pdf(report))
    assert len(pages) >= 3 and {_paper(s) for s in _sizes(_pdf(report))} == {(595, 842)}
    text = "".join(pages).replace("“", "").replace("”", "")
    for words in ("北岚市市长服务民营企业接待日企业诉求办理情况报告", "（2026年，截至11月21日）", "一、总体情况",
                  "本期共登记企业诉求48件", "二、承办单位办理情况", "按时报送率低于85%的单位", "八、指标说明",
                  "北岚市优化营商环境办公室", "2026年11月21日"):
        assert words in text, words
    book = made["企业诉求办理情况数据-2026年.xlsx"]
    with zipfile.ZipFile(book) as zf:
        charts = [n for n in zf.namelist() if n.startswith("xl/charts/chart")]
    assert len(charts) == 5
    sheets = _pages(_pdf(book))
    assert sheets and {_paper(s) for s in _sizes(_pdf(book))} <= A4 | A3
    assert any("各承办单位按时报送率" in p for p in sheets)  # the chart's title is drawn on the page
