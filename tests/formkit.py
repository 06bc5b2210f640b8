"""Test helpers: fill the shipped registration form, build restyled forms and roster sheets."""

from __future__ import annotations

from pathlib import Path

import openpyxl
from conftest import REPO

from anshang.documents.forms import FIELDS, QUESTIONS
from anshang.documents.workbook import set_text
from anshang.store.workbook import label_key

TEMPLATE = REPO / "templates" / "registration.xlsx"
LABEL_OF = {k: label for k, label, *_ in FIELDS}

GOOD = {
    "name": "测试新材料有限公司",
    "uscc": "91350100M000100Y43",
    "district": "东区",
    "categories": "规上企业、高新技术企业",
    "legal_rep": "王某",
    "contact": "李联系",
    "phone": "13800001111",
    "email": "li@example.cn",
    "fields": "工业和信息化",
    "title": "厂房用电增容迟迟未批",
    "facts": "企业2026年1月申请将厂区用电容量由800千伏安增至2000千伏安，至今未获答复。",
    "reasons": "新生产线已安装完毕，等电投产，每月损失订单约200万元。",
    "request": "请求协调供电部门在4月底前完成增容接入。",
    "units": "市工业和信息化局",
    "date": "2026年3月5日",
}
NO_ANSWERS = {"judicial": "否", "discipline": "否", "petition": "否", "proposal": "否",
              "vague": "是", "anonymous": "是"}


def fill_template(path: Path, values: dict | None = None, answers: dict | None = None) -> Path:
    """The shipped template with answers typed into the box right of each label."""
    values = {**GOOD, **(values or {})}
    answers = {**NO_ANSWERS, **(answers or {})}
    wb = openpyxl.load_workbook(TEMPLATE)
    ws = wb.active
    by_label = {label_key(LABEL_OF[k]): k for k in LABEL_OF}
    for row in ws.iter_rows():
        cell = row[0]
        if not isinstance(cell.value, str):
            continue
        key = by_label.get(label_key(cell.value))
        if key and values.get(key) is not None:
            set_text(ws.cell(row=cell.row, column=2), values[key])  # as typed, never a formula
        for qkey, text, *_ in QUESTIONS:
            if text in cell.value and answers.get(qkey) is not None:
                ws.cell(row=cell.row, column=2, value=answers[qkey])
    wb.save(path)
    return path


def restyled_form(path: Path, values: dict | None = None) -> Path:
    """A clerk's own layout: title rows, labels with colons in column B, merged label and answer
    boxes, two columns of fields, values further right, questions in a table of their own."""
    values = {**GOOD, **(values or {})}
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "预约登记"
    ws["B1"] = "北岚市“市长服务民营企业接待日”来访企业预约登记表（2026年第一期）"
    ws.merge_cells("B1:H1")
    row = 3
    pairs = [("企业（单位）名称：", "name"), ("社会信用代码：", "uscc"), ("所属区：", "district"),
             ("企业类别", "categories"), ("联系人：", "contact"), ("手机：", "phone")]
    for i, (label, key) in enumerate(pairs):
        r, c = row + i // 2, 2 + (i % 2) * 4
        ws.cell(row=r, column=c, value=label)
        ws.merge_cells(start_row=r, start_column=c + 1, end_row=r, end_column=c + 2)
        ws.cell(row=r, column=c + 1, value=values[key])
    row += 4
    for label, key in (("诉求领域", "fields"), ("反映事项", "title"), ("基本事实", "facts"),
                       ("理由依据", "reasons"), ("具体请求", "request")):
        ws.merge_cells(start_row=row, start_column=2, end_row=row, end_column=3)
        ws.cell(row=row, column=2, value=label)
        ws.merge_cells(start_row=row, start_column=4, end_row=row, end_column=8)
        ws.cell(row=row, column=4, value=values[key])
        row += 1
    row += 1
    for qkey, text, *_ in QUESTIONS:
        ws.cell(row=row, column=2, value=text + "？")
        ws.cell(row=row, column=7, value=NO_ANSWERS[qkey])
        row += 1
    wb.save(path)
    return path


def roster_sheet(path: Path, rows: list[list], title: str | None = "北岚市2026年市政府调度企业名单",
                 header: list[str] | None = None) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "名单"
    if title:
        ws.append([title])
        ws.append([])
    ws.append(header or ["序号", "企业 名称", "统一社会信用代码", "所属区", "规上", "上市后备", "高新",
                         "联系人", "联系电话"])
    for r in rows:
        ws.append(r)
    wb.save(path)
    return path
