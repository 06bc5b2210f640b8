"""Build the packaged templates: templates/registration.xlsx (附件2 来访企业预约登记表, labels that
``anshang.documents.forms`` reads), handover.xlsx (附件3 交办单) and the Word templates
(tools/docx_templates.py). Deterministic: fixed document metadata.

Run: python tools/make_templates.py
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.worksheet.datavalidation import DataValidation

from anshang.documents.forms import FIELDS, QUESTIONS, TITLE
from anshang.documents.workbook import workbook_bytes

HINTS = {
    "uscc": "18 位，见营业执照",
    "district": "企业注册地所在区县",
    "categories": "规上企业、上市后备企业、高新技术企业（符合的都填，用顿号分隔；都不是可空）",
    "fields": "如：工业和信息化、能源（可填多个，用顿号分隔）",
    "title": "一句话概括反映的问题",
    "facts": "时间、地点、经过、涉及的部门和金额等具体情况",
    "reasons": "政策依据、合同约定或其他理由",
    "request": "希望解决到什么程度、由谁解决",
    "units": "可不填",
    "date": "如 2026年3月5日",
}
TALL = {"facts": 96, "reasons": 60, "request": 60}
FIXED = dt.datetime(2026, 1, 1)


def build(out: Path) -> None:
    wb = Workbook()
    ws = wb.active
    ws.title = "登记表"
    thin = Side(style="thin", color="000000")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)
    label_font = Font(name="宋体", size=11, bold=True)
    body = Font(name="宋体", size=11)
    hint_font = Font(name="宋体", size=9, color="808080")
    wrap = Alignment(wrap_text=True, vertical="center")
    ws.column_dimensions["A"].width = 26
    for col in "BCD":
        ws.column_dimensions[col].width = 21
    ws.merge_cells("A1:D1")
    ws["A1"] = TITLE
    ws["A1"].font = Font(name="方正小标宋简体", size=16, bold=True)
    ws["A1"].alignment = Alignment(horizontal="center", vertical="center")
    ws.row_dimensions[1].height = 36
    ws.merge_cells("A2:D2")
    ws["A2"] = "（附件2）带 * 的栏目必填。填好后保存为 .xlsx，作为邮件附件发送至通告所列邮箱；也可到现场登记。"
    ws["A2"].font = hint_font
    ws["A2"].alignment = wrap
    row = 3

    def section(text):
        nonlocal row
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=4)
        c = ws.cell(row=row, column=1, value=text)
        c.font = Font(name="黑体", size=12, bold=True)
        c.fill = PatternFill("solid", fgColor="E8E8E8")
        for col in range(1, 5):
            ws.cell(row=row, column=col).border = box
        row += 1

    def line(label, key, height=None):
        """A label in column A and an empty merged answer box in B:D."""
        nonlocal row
        c = ws.cell(row=row, column=1, value=label)
        c.font, c.alignment, c.border = label_font, wrap, box
        ws.merge_cells(start_row=row, start_column=2, end_row=row, end_column=4)
        for col in range(2, 5):
            ws.cell(row=row, column=col).border = box
        v = ws.cell(row=row, column=2)
        v.font, v.alignment = body, Alignment(wrap_text=True, vertical="top")
        ws.row_dimensions[row].height = height or 24
        row += 1
        return row - 1

    section("一、企业基本情况")
    for key, label, required, _ in FIELDS[:8]:
        line(("* " if required else "") + label, key)
    section("二、诉求内容")
    for key, label, required, _ in FIELDS[8:14]:
        line(("* " if required else "") + label, key, TALL.get(key))
    section("三、受理范围确认（请在右侧填“是”或“否”）")
    yes_no = DataValidation(type="list", formula1='"是,否"', allow_blank=True)
    yes_no.error = "请填“是”或“否”"
    yes_no.errorTitle = "填写有误"
    ws.add_data_validation(yes_no)
    for i, (key, text, _, _) in enumerate(QUESTIONS, start=1):
        r = line(f"* {i}. {text}", key, 36)
        yes_no.add(ws.cell(row=r, column=2))
    section("四、填表")
    line(FIELDS[14][1], "date")
    # hints go below the form so that the value cells stay empty for the enterprise
    row += 1
    ws.cell(row=row, column=1, value="填写说明").font = label_font
    row += 1
    for key, label, *_ in FIELDS:
        if key in HINTS:
            ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=4)
            c = ws.cell(row=row, column=1, value=f"【{label}】{HINTS[key]}")
            c.font, c.alignment = hint_font, wrap
            row += 1
    ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=4)
    c = ws.cell(row=row, column=1, value=(
        "根据《信访工作条例》，企业反映涉法涉诉、违纪违法问题由同级政法部门、纪检监察部门依法处理，"
        "接待日不受理；已进入诉讼、复议、仲裁、信访程序或已作为人大建议、政协提案办理的事项，以及匿名反映，不予受理。"))
    c.font, c.alignment = hint_font, wrap
    ws.row_dimensions[row].height = 42
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "portrait"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.5
    ws.print_area = f"A1:D{row}"
    wb.properties.creator = "anshang"
    wb.properties.created = FIXED
    wb.properties.modified = FIXED
    wb.properties.title = TITLE
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(workbook_bytes(wb))


HANDOVER_ROWS = [  # label, placeholder text, row height
    ("企业名称", "{{enterprise}}", 24),
    ("联系人及电话", "{{contact}}　{{phone}}", 24),
    ("诉求事项", "{{title}}", 30),
    ("诉求内容", "{{demand}}", 120),
    ("接待领导", "{{leader}}", 24),
    ("接待日期", "{{session_date}}", 24),
    ("交办意见", "{{instruction}}", 72),
    ("牵头单位", "{{lead_unit}}", 24),
    ("配合单位", "{{co_units}}", 24),
    ("办理时限", "{{deadlines}}", 60),
    ("交办日期", "{{handover_date}}", 24),
]


def build_handover(out: Path) -> None:
    """附件3 企业诉求交办单: every value is a {{placeholder}} that ``anshang slip`` fills."""
    wb = Workbook()
    ws = wb.active
    ws.title = "交办单"
    thin = Side(style="thin", color="000000")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)
    label_font = Font(name="宋体", size=12, bold=True)
    body = Font(name="仿宋", size=12)
    ws.column_dimensions["A"].width = 16
    for col in "BCD":
        ws.column_dimensions[col].width = 24
    ws.merge_cells("A1:D1")
    ws["A1"] = "“市长服务民营企业接待日”企业诉求交办单"
    ws["A1"].font = Font(name="方正小标宋简体", size=18, bold=True)
    ws["A1"].alignment = Alignment(horizontal="center", vertical="center")
    ws.row_dimensions[1].height = 40
    ws.merge_cells("A2:D2")
    ws["A2"] = "编号：{{number}}"
    ws["A2"].font = body
    ws["A2"].alignment = Alignment(horizontal="right")
    row = 3
    for label, value, height in HANDOVER_ROWS:
        c = ws.cell(row=row, column=1, value=label)
        c.font, c.border = label_font, box
        c.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        ws.merge_cells(start_row=row, start_column=2, end_row=row, end_column=4)
        for col in range(2, 5):
            ws.cell(row=row, column=col).border = box
        v = ws.cell(row=row, column=2, value=value)
        v.font = body
        v.alignment = Alignment(vertical="center", wrap_text=True)
        ws.row_dimensions[row].height = height
        row += 1
    row += 1
    ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=4)
    c = ws.cell(row=row, column=1, value="请承办单位按时限向{{office}}报送办理情况；对交办事项有异议的，请在收到本单后{{objection_limit}}内书面提出。")
    c.font, c.alignment = Font(name="仿宋", size=10), Alignment(wrap_text=True)
    ws.row_dimensions[row].height = 30
    row += 2
    ws.merge_cells(start_row=row, start_column=3, end_row=row, end_column=4)
    ws.cell(row=row, column=3, value="{{office}}（盖章）").font = body
    ws.cell(row=row, column=3).alignment = Alignment(horizontal="center")
    row += 1
    ws.merge_cells(start_row=row, start_column=3, end_row=row, end_column=4)
    ws.cell(row=row, column=3, value="{{handover_date}}").font = body
    ws.cell(row=row, column=3).alignment = Alignment(horizontal="center")
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "portrait"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0  # a long demand runs onto a second page rather than shrinking
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
    ws.print_area = f"A1:D{row}"
    wb.properties.creator = "anshang"
    wb.properties.created = FIXED
    wb.properties.modified = FIXED
    wb.properties.title = "企业诉求交办单"
    out.write_bytes(workbook_bytes(wb))


if __name__ == "__main__":
    here = Path(__file__).resolve().parent.parent / "templates"
    build(here / "registration.xlsx")
    build_handover(here / "handover.xlsx")
    from docx_templates import build_all

    build_all(here)
