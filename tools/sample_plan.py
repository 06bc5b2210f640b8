"""A responsibility list (责任清单) as a city office writes it, for the sample ledger and the tests:
a merged title row, the header, section headings (一、…), lead units merged over several rows,
units written several ways (简称、全称、旧称, separated by 、，or line breaks) and every kind of time
limit. ``bad=True`` adds rows that cannot be read (an unknown unit, an unreadable limit, a
number that is not a number). Deterministic: the same bytes every time."""

from __future__ import annotations

from pathlib import Path

TITLE = "北岚市2026年优化营商环境行动方案重点任务责任清单"
HEADER = ("序号", "工作任务", "牵头单位", "配合单位", "完成时限")
SECTIONS = {
    1: "一、提升政务服务效能",
    5: "二、优化要素保障",
    9: "三、加强企业服务和诉求办理",
}
ROWS = [  # number, task, lead, co, limit
    (1, "推行企业开办“一网通办”，全程网办率达到90%以上", "市政务服务局", "市市场监督管理局、市税务局", "2026年12月31日前"),
    (2, "编制公布政务服务事项“免证办”清单", "市政务服务局", "市司法局，市公安局", "2026年12月底前"),
    (3, "开展工程建设项目审批全流程网上办理", "市住建局", "市自然资源局\n市政务服务局", "2027年6月"),
    (4, "清理规范涉企行政事业性收费", "市发改委", "市财政局", "30日内"),
    (5, "建立重点项目用地保障清单，实行挂图作战", "市自然资源局", "市发改委、岚山区政府、高新区管委会", "2026年底前"),
    (6, "落实小微企业融资担保降费奖补政策", "市财政局", "市金融局", "15个工作日内"),
    (7, "推进企业用电报装“三零”服务", "市工信委", "市能源局", "长期坚持"),
    (8, "建立企业用工服务专员制度", "市人社局", "", "持续推进"),
    (9, "落实市长服务民营企业接待日制度，诉求交办件按期办结", "市营商局", "各区县政府", "长期坚持"),
    (10, "开展涉企政策“免申即享”改革", "市营商局", "市财政局、市政务服务局", "2026年第四季度"),
]
MERGED_LEAD = (1, 2)  # rows whose lead unit is one merged cell (the same lead for both)
BAD = [  # rows a responsibility list may carry that cannot be read
    (11, "建设企业服务数据专区", "市大数据中心", "市政务服务局", "2026年12月底前"),
    (12, "开展营商环境第三方评估", "市营商局", "市发改委", "尽快"),
    ("十三", "完善涉企执法检查计划备案制度", "市司法局", "", "2026年9月"),
]


def build_plan_book(path: Path, bad: bool = False, co_word: str = "配合单位", rows=None) -> Path:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    from anshang.documents.workbook import workbook_bytes

    wb = Workbook()
    ws = wb.active
    ws.title = "责任清单"
    ws.append([TITLE])
    ws.merge_cells("A1:E1")
    ws["A1"].font = Font(name="方正小标宋简体", size=18)
    ws["A1"].alignment = Alignment(horizontal="center")
    ws.append([h if h != "配合单位" else co_word for h in HEADER])
    for number, task, lead, co, limit in (rows or ROWS) + (BAD if bad else []):
        if number in SECTIONS:
            ws.append([SECTIONS[number]])
            ws.merge_cells(start_row=ws.max_row, start_column=1, end_row=ws.max_row, end_column=5)
        first = number == MERGED_LEAD[1] and not rows
        ws.append([number, task, None if first else lead, co, limit])
        if first:
            ws.merge_cells(start_row=ws.max_row - 1, start_column=3, end_row=ws.max_row, end_column=3)
    for col, width in zip("ABCDE", (6, 50, 18, 30, 16)):
        ws.column_dimensions[col].width = width
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(workbook_bytes(wb))
    return path
