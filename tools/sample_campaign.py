"""A service-month activity plan (服务月活动方案) and an evaluation sheet (企业评议部门) as a city
office writes them, for the sample ledger and the tests: a title row, the header, activities
organised by units or by desks of the campaign office (综合部、督办部…), time limits in 旬; one
row per score in the evaluation. ``bad=True`` adds rows that cannot be read. Deterministic."""

from __future__ import annotations

from pathlib import Path

TITLE = "北岚市2026年秋季服务企业月活动重点活动安排"
HEADER = ("序号", "活动名称", "承办部门", "配合部门", "完成时间")
ACTIVITIES = [  # number, title, lead (unit or desk), co, limit
    (1, "召开全市服务企业月活动动员大会", "综合部", "市政务服务局", "9月下旬"),
    (2, "开展涉企政策宣讲“直通车”活动", "市商务局", "市财政局、市税务局", "10月上、中旬"),
    (3, "组织各部门公开接待日，集中受理企业咨询和投诉", "督办部", "各区县政府", "10月20日前"),
    (4, "规范涉企行政事业性收费，公布举报电话", "市财政局", "市发改委", "10月下旬"),
    (5, "组织企业评议机关和测评区县投资环境", "评议部", "督办部", "10月31日前"),
    (6, "汇总全市服务月活动情况，书面报市领导小组", "综合部", "", "11月15日前"),
]
BAD = [(7, "开展优秀企业评选", "市表彰办", "", "10月底前"), (8, "宣传优秀典型", "宣传部", "", "适时")]

EVAL_TITLE = "2026年秋季服务企业月企业评议部门结果"
EVAL_HEADER = ("评议企业", "被评议单位", "得分")
SCORES = [  # enterprise (name as written), unit, score
    ("北岚市佳美装饰工程有限公司", "市政务服务局", 95), ("北岚市佳美装饰工程有限公司", "市市场监督管理局", 88),
    ("北岚市佳美装饰工程有限公司", "市税务局", 90), ("北岚市佳美装饰工程有限公司", "市自然资源局", 72),
    ("91150302MA0H489BCN", "市政务服务局", 92), ("91150302MA0H489BCN", "市自然资源局", 78),
    ("91150302MA0H489BCN", "市住建局", 81), ("91150302MA0H489BCN", "市税务局", 86),
    ("91150302MA16F19254", "市市场监督管理局", 84), ("91150302MA16F19254", "市住建局", 75),
    ("91150302MA16F19254", "市能源局", 70), ("91150302MA16F19254", "市政务服务局", 97),
]
EVAL_BAD = [("91150302MA16F19254", "市表彰办", 80), ("91150302MA16F19254", "市税务局", 120)]


def _book(title: str, header, rows, widths):
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    wb = Workbook()
    ws = wb.active
    ws.append([title])
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(header))
    ws["A1"].font = Font(name="方正小标宋简体", size=18)
    ws["A1"].alignment = Alignment(horizontal="center")
    ws.append(list(header))
    for row in rows:
        ws.append(list(row))
    for col, width in zip("ABCDE", widths):
        ws.column_dimensions[col].width = width
    return wb


BASICS = [  # the 基本情况 sheet: what ``campaign new`` is told, for a campaign imported straight from Excel
    ("活动名称", "北岚市2026年秋季服务企业月活动"), ("开始日期", "2026-09-21"), ("结束日期", "2026-10-31"),
    ("总结报送日期", "2026-11-15"), ("总结报送对象", "北岚市优化营商环境领导小组"), ("计入渠道", "服务月活动、部门开放日"),
    ("启动阶段", "2026-09-21", "2026-09-27"), ("实施阶段", "2026-09-28", "2026-10-24"), ("总结阶段", "2026-10-25", "2026-10-31"),
    ("综合部", "市营商环境建设局", "起草文件，组织会议，检查协助各部门开展活动"), ("督办部", "市营商环境建设局", "督促整改，调处投诉"),
    ("评议部", "市营商环境建设局", "组织企业评议部门"),
]


def build_campaign_book(path: Path, bad: bool = False, basics: bool = False) -> Path:
    """The activity plan; ``basics`` adds the 基本情况 sheet (a campaign made straight from the plan)."""
    from anshang.documents.workbook import workbook_bytes

    wb = _book(TITLE, HEADER, ACTIVITIES + (BAD if bad else []), (6, 46, 16, 26, 14))
    wb.active.title = "活动安排"
    if basics:
        ws = wb.create_sheet("基本情况")
        ws.append(["项目", "内容", "结束日期或职责"])
        for row in BASICS:
            ws.append(list(row))
        ws.column_dimensions["A"].width, ws.column_dimensions["B"].width = 16, 34
    path.write_bytes(workbook_bytes(wb))
    return path


def build_evaluation_book(path: Path, bad: bool = False) -> Path:
    from anshang.documents.workbook import workbook_bytes

    wb = _book(EVAL_TITLE, EVAL_HEADER, SCORES + (EVAL_BAD if bad else []), (34, 22, 10))
    wb.active.title = "评议结果"
    path.write_bytes(workbook_bytes(wb))
    return path
