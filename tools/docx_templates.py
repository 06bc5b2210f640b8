"""Build the Word templates in templates/*.docx in the layout of GB/T 9704-2012 (党政机关公文格式):
A4; top margin 37 mm, left 28 mm, type area 156 mm x 225 mm; title 2号 (22 pt) 方正小标宋简体;
body 3号 (16 pt) 仿宋_GB2312, 22 lines of 28 characters; page numbers 4号 宋体 "— 1 —", odd
pages at the right and even pages at the left, one character in; the issuing office over the date
at the right (the date four characters in), with room for the seal above them.

The placeholders ({{ 名称 }}) are filled by anshang.documents.official; a clerk may edit
everything else in Word or WPS. Run through tools/make_templates.py.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

TITLE_FONT = "方正小标宋简体"
BODY_FONT = "仿宋_GB2312"
HEADING_FONT = "黑体"
PAGE_FONT = "宋体"
BODY_PT = 16  # 3号
TITLE_PT = 22  # 2号
PAGE_PT = 14  # 4号
TABLE_PT = 10.5  # 五号: tables in a 公文 may use a smaller size
LINE = Pt(28.95)  # 225 mm / 22 lines
FIXED = dt.datetime(2026, 1, 1)


def _fonts(run_or_style, name: str, size: float | None = None, bold: bool | None = None, latin: str = "") -> None:
    """Chinese text in ``name``; figures and Latin letters in ``latin`` when given."""
    font = run_or_style.font
    font.name = latin or name
    if size is not None:
        font.size = Pt(size)
    if bold is not None:
        font.bold = bold
    rpr = run_or_style.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for key in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(key), latin if latin and key != "w:eastAsia" else name)


def _page_field(paragraph) -> None:
    """"— PAGE —" with the page number as a field Word and LibreOffice fill in."""
    def run(text=None, field=None):
        r = paragraph.add_run(text or "")
        _fonts(r, PAGE_FONT, PAGE_PT)
        if field is not None:
            r.text = ""
            r._r.append(field)
        return r

    run("— ")
    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    run(field=begin)
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = " PAGE "
    run(field=instr)
    sep = OxmlElement("w:fldChar")
    sep.set(qn("w:fldCharType"), "separate")
    run(field=sep)
    run("1")
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    run(field=end)
    run(" —")


class Official:
    """One template under construction."""

    def __init__(self):
        doc = self.doc = Document()
        sec = doc.sections[0]
        sec.page_width, sec.page_height = Mm(210), Mm(297)
        sec.top_margin, sec.bottom_margin = Mm(37), Mm(35)
        sec.left_margin, sec.right_margin = Mm(28), Mm(26)
        sec.header_distance, sec.footer_distance = Mm(15), Mm(21)
        normal = doc.styles["Normal"]
        _fonts(normal, BODY_FONT, BODY_PT)
        pf = normal.paragraph_format
        pf.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        pf.line_spacing = LINE
        pf.space_before = pf.space_after = Pt(0)
        pf.widow_control = False
        doc.settings.odd_and_even_pages_header_footer = True
        for footer, align in ((sec.footer, WD_ALIGN_PARAGRAPH.RIGHT), (sec.even_page_footer, WD_ALIGN_PARAGRAPH.LEFT)):
            footer.is_linked_to_previous = False
            p = footer.paragraphs[0]
            p.alignment = align
            p.paragraph_format.line_spacing_rule = WD_LINE_SPACING.SINGLE
            if align == WD_ALIGN_PARAGRAPH.RIGHT:
                p.paragraph_format.right_indent = Pt(PAGE_PT)
            else:
                p.paragraph_format.left_indent = Pt(PAGE_PT)
            _page_field(p)
        props = doc.core_properties
        props.author = props.last_modified_by = "anshang"
        props.created = props.modified = FIXED
        props.revision = 1

    def _para(self, text: str, font: str = BODY_FONT, size: float = BODY_PT, align=None, indent: float = 0,
              right: float = 0, bold: bool | None = None):
        p = self.doc.add_paragraph()
        if align is not None:
            p.alignment = align
        if indent:
            p.paragraph_format.first_line_indent = Pt(indent)
        if right:
            p.paragraph_format.right_indent = Pt(right)
        if text:
            _fonts(p.add_run(text), font, size, bold)
        return p

    def annex(self, text: str) -> None:
        """"附件1" at the top left, 3号黑体."""
        self._para(text, HEADING_FONT, BODY_PT)

    def title(self, *texts: str) -> None:
        """The title, centred; a long one given in lines breaks where the office would break it."""
        for text in texts:
            p = self._para(text, TITLE_FONT, TITLE_PT, WD_ALIGN_PARAGRAPH.CENTER)
            p.paragraph_format.line_spacing = Pt(35)
        self.blank()

    def blank(self) -> None:
        self._para("")

    def to(self, text: str) -> None:
        """主送机关 (or the enterprise): flush left, ending with a full-width colon."""
        self._para(text)

    def para(self, text: str) -> None:
        self._para(text, indent=2 * BODY_PT, align=WD_ALIGN_PARAGRAPH.JUSTIFY)

    def lines(self, name: str) -> None:
        """One body paragraph per item of the list ``name`` (docxtpl's {%p for %}): text of
        several lines (事实、理由、诉求; each unit's result) stays justified line by line."""
        self._para("{%p for line in " + name + " %}")
        self.para("{{ line }}")
        self._para("{%p endfor %}")

    def heading(self, text: str, keep: bool = False) -> None:
        """一、二、… in 黑体; ``keep``: on the same page as what follows."""
        p = self._para(text, HEADING_FONT, BODY_PT, indent=2 * BODY_PT)
        if keep:
            p.paragraph_format.keep_with_next = True

    def caption(self, text: str) -> None:
        """A table's title (表1 …), centred, kept with its table."""
        p = self._para(text, HEADING_FONT, TABLE_PT + 1.5, WD_ALIGN_PARAGRAPH.CENTER)
        p.paragraph_format.keep_with_next = True

    def table(self, columns: list[tuple[str, str, float]], loop: str = "rows") -> None:
        """A bordered table: the header row repeats on every page, then one row per item of
        ``loop`` (docxtpl's {%tr for %}); ``columns`` are (header, field of the item, width mm)."""
        t = self.doc.add_table(rows=4, cols=len(columns))
        t.style = self.doc.styles["Table Grid"]
        t.alignment = WD_TABLE_ALIGNMENT.CENTER
        t.autofit = False
        for col, (_, _, mm) in zip(t._tbl.tblGrid.findall(qn("w:gridCol")), columns):
            col.set(qn("w:w"), str(int(Mm(mm).twips)))
        for row in t.rows[1:]:
            keep = OxmlElement("w:cantSplit")
            row._tr.get_or_add_trPr().append(keep)
        head = t.rows[0]
        trpr = head._tr.get_or_add_trPr()
        repeat = OxmlElement("w:tblHeader")
        repeat.set(qn("w:val"), "true")
        trpr.append(repeat)
        texts = [[h for h, _, _ in columns], [f"{{%tr for r in {loop} %}}"] + [""] * (len(columns) - 1),
                 [f"{{{{ r.{f} }}}}" for _, f, _ in columns], ["{%tr endfor %}"] + [""] * (len(columns) - 1)]
        for r, row in enumerate(t.rows):
            for c, cell in enumerate(row.cells):
                cell.width = Mm(columns[c][2])
                p = cell.paragraphs[0]
                p.paragraph_format.line_spacing_rule = WD_LINE_SPACING.SINGLE
                p.paragraph_format.first_line_indent = Pt(0)
                if r == 0:
                    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
                if texts[r][c]:  # figures (编号、日期) in Times New Roman: narrow, as offices print them
                    _fonts(p.add_run(texts[r][c]), HEADING_FONT if r == 0 else BODY_FONT, TABLE_PT,
                           latin="" if r == 0 else "Times New Roman")
        # after the table, a blank line in body text
        self.blank()

    def sign(self, office: str = "{{ office }}", date: str = "{{ date }}") -> None:
        """Room for the seal, the issuing office, and the date four characters from the right;
        kept on one page with the paragraph above (a signature never stands alone on a page)."""
        self.doc.paragraphs[-1].paragraph_format.keep_with_next = True
        for _ in range(2):
            self.blank()
            self.doc.paragraphs[-1].paragraph_format.keep_with_next = True
        self._para(office, align=WD_ALIGN_PARAGRAPH.RIGHT, right=2 * BODY_PT).paragraph_format.keep_with_next = True
        self._para(date, align=WD_ALIGN_PARAGRAPH.RIGHT, right=4 * BODY_PT)

    def copy_to(self, text: str) -> None:
        """版记: 抄送 line under the signature."""
        self.blank()
        p = self._para(text, size=14)
        p.paragraph_format.left_indent = Pt(14)
        p.paragraph_format.first_line_indent = Pt(-14)

    def save(self, path: Path) -> None:
        import io

        from anshang.documents.workbook import stable_zip

        raw = io.BytesIO()
        self.doc.save(raw)
        path.write_bytes(stable_zip(raw.getvalue()))


PLAN = "《{{ city }}“市长服务民营企业接待日”工作方案》"
OPENING = "贵单位于{{ registered }}预约登记反映的“{{ title }}”事项，经审查，"  # every letter to an enterprise
CONTACT = "联系电话：{{ phone }}"
OVERDUE = [("编号", "id", 30), ("企业或来源", "enterprise", 27), ("事项", "title", 30), ("应报送", "kind", 15),
           ("承办角色", "part", 12), ("截止日期", "due", 28), ("超期工作日", "late", 14)]


def notice(d: Official) -> None:
    d.annex("附件1")
    d.title("{{ city }}“市长服务民营企业接待日”通告")
    d.para("为进一步优化营商环境，多形式、多渠道解决我市企业发展中遇到的突出困难和问题，根据“市长服务民营企业接待日”"
           "制度要求，{{ date }}，{{ leader }}将在{{ place }}接待企业来访，时间半天。受理事项：{{ fields }}等方面企业在"
           "生产经营中存在的问题、项目建设中遇到的问题，以及对全市经济发展和营商环境的意见和建议等。根据中共中央、"
           "国务院《信访工作条例》要求，企业反映涉法涉诉、违纪违法问题由同级政法部门、纪检监察部门依法处理，"
           "市长服务民营企业接待日将不再现场受理企业涉法涉诉、违纪违法问题。")
    d.para("企业预约登记时间从{{ registration_from }}至{{ registration_to }}。企业可通过电话、传真、邮箱、现场登记等"
           "方式进行预约。")
    d.para("电话及传真：{{ phone_fax }}")
    d.para("电子邮箱：{{ email }}")
    d.para("现场预约时间：{{ hours }}")
    d.para("地点：{{ contact_place }}。")
    d.sign(date="{{ notice_date }}")


def chase(d: Official) -> None:
    d.title("催办通知")
    d.to("{{ unit }}：")
    d.para("按照优化营商环境工作要求，{{ limits }}。下列事项已超过报送时限，请于收到本通知后"
           "{{ reply_within }}内报送；确有困难需要延期的，请书面说明理由。")
    d.table(OVERDUE)
    d.para(CONTACT)
    d.sign()


def supervision(d: Official) -> None:
    d.title("督办通知")
    d.to("{{ unit }}：")
    d.para("下列事项已超过报送时限{{ threshold }}个工作日以上仍未报送。根据优化营商环境工作督查要求，"
           "由{{ office }}会同市政府督查室督办。请于收到本通知后{{ reply_within }}内报送办理情况，并书面说明超期原因"
           "和整改措施。")
    d.table(OVERDUE)
    d.para(CONTACT)
    d.sign()
    d.copy_to("抄送：市政府督查室。")


def warning(d: Official) -> None:
    d.title("预警提醒")
    d.to("{{ unit }}：")
    d.para("按照优化营商环境工作要求，{{ limits }}。下列事项将于"
           "{{ warning_days }}个工作日内到期，请按时报送；确有困难需要延期的，请在期限届满前书面说明理由。")
    d.table(OVERDUE)
    d.para(CONTACT)
    d.sign()


def named(d: Official) -> None:
    d.title("挂牌督办通知")
    d.to("{{ unit }}：")
    d.para("经{{ leader }}同意，对“{{ item }}”（{{ id }}）实行挂牌督办。理由：{{ reason }}。请于收到本通知后"
           "{{ reply_within }}内报送办理情况和整改措施，并按期报送此后的进展，直至办结销号。")
    d.table(OVERDUE)
    d.para(CONTACT)
    d.sign()
    d.copy_to("抄送：市政府督查室。")


def supervision_list(d: Official) -> None:
    d.title("督办清单")
    d.to("市政府督查室：")
    d.para("截至{{ date }}，下列交办事项超过报送时限{{ threshold }}个工作日以上仍未报送，"
           "共{{ count }}项，请予督办。")
    d.table([("承办单位", "unit", 24), ("编号", "id", 30), ("企业或来源", "enterprise", 21), ("事项", "title", 24),
             ("应报送", "kind", 15), ("截止日期", "due", 28), ("超期工作日", "late", 14)])
    d.sign()


def _to_enterprise(d: Official, title: str) -> None:
    d.title(title)
    d.to("{{ enterprise }}：")


def letter_scheduled(d: Official) -> None:
    _to_enterprise(d, "接待安排告知书")
    d.para(OPENING + "属于" + PLAN + "的受理范围，已安排在"
           "市长服务民营企业接待日由{{ leader }}当面听取。现将有关事项告知如下：")
    d.para("一、时间：{{ session_date }}，具体时段另行电话通知。")
    d.para("二、地点：{{ place }}。")
    d.para("三、参加人员：企业主要负责人或熟悉情况的负责人，一般不超过2人。")
    d.para("四、请携带：营业执照复印件；反映事项的书面材料（事实、理由和诉求）及有关证明材料（合同、批复、往来函件等）；"
           "参加人员的身份证件。")
    d.para("如不能按时参加，请提前告知我办。" + CONTACT + "。")
    d.sign()


def letter_deferred(d: Official) -> None:
    _to_enterprise(d, "择期安排告知书")
    d.para(OPENING + "属于" + PLAN + "的受理范围。"
           "因{{ reason }}，将择期安排接待，{{ when }}。确定接待时间和地点后，我办将另行告知。")
    d.para("如情况有变化，请及时告知我办。" + CONTACT + "。")
    d.sign()


def letter_excluded(d: Official) -> None:
    _to_enterprise(d, "不予受理告知书")
    d.para(OPENING + "属于" + PLAN + "“三、受理事项范围”"
           "{{ clause }}规定的“{{ clause_text }}”情形，不纳入市长服务民营企业接待日受理范围，不予受理。")
    d.para("{{ advice }}")
    d.para(CONTACT + "。")
    d.sign()


def letter_referred(d: Official) -> None:
    _to_enterprise(d, "转办告知书")
    d.para(OPENING + "{{ reason }}。根据" + PLAN +
           "第二部分第（三）项的规定，该事项已转{{ refer_to }}办理，由其直接答复贵单位。")
    d.para("如需了解办理进展，可与{{ refer_to }}联系，也可与我办联系。" + CONTACT + "。")
    d.sign()


def letter_reply(d: Official) -> None:
    d.title("关于企业诉求办理情况的答复函")
    d.to("{{ enterprise }}：")
    d.para("贵单位{{ when }}反映的“{{ title }}”事项，经{{ leader }}交办，由{{ units }}办理。现将办理情况答复如下：")
    d.lines("result")
    d.para("感谢贵单位对全市优化营商环境工作的支持。如对办理结果有意见，请与我办联系，我办将组织回访。" + CONTACT + "。")
    d.sign()


def referral(d: Official) -> None:
    d.title("关于转办企业诉求的函")
    d.to("{{ refer_to }}：")
    d.para("{{ enterprise }}于{{ registered }}通过市长服务民营企业接待日预约登记，反映“{{ title }}”事项。经审查，"
           "{{ reason }}。根据" + PLAN + "第二部分第（三）项的规定，现转你单位办理。请依法依规研究处理，直接答复企业，"
           "并将办理结果抄送{{ office }}。")
    d.heading("一、企业及联系人")
    d.para("企业名称：{{ enterprise }}（统一社会信用代码：{{ uscc }}）；联系人：{{ person }}；联系电话：{{ person_phone }}。")
    d.heading("二、反映的事项")
    d.lines("demand")
    d.para(CONTACT + "。")
    d.sign()


def attendance(d: Official) -> None:
    d.title("关于参加市长服务民营企业接待日的通知")
    d.to("{{ units }}：")
    d.para("定于{{ session_date }}在{{ place }}举办市长服务民营企业接待日，由{{ leader }}接待企业，时间半天。根据" + PLAN +
           "关于各区、各相关部门主要负责人、相关负责人配合接待的要求，请你单位主要负责人或分管负责人参加，"
           "熟悉下列诉求情况，现场协助答复企业。本期安排接待的企业及诉求如下：")
    d.table([("序号", "n", 12), ("企业", "enterprise", 36), ("诉求事项", "title", 40), ("建议承办单位", "units", 44),
             ("属地", "district", 24)])
    d.para("请于接待日前将参加人员姓名、职务报{{ office }}。" + CONTACT + "。")
    d.sign()


def summary(d: Official) -> None:
    d.title("{{ city }}“市长服务民营企业接待日”", "企业诉求办理情况报告")
    d._para("（{{ period }}）", align=WD_ALIGN_PARAGRAPH.CENTER)
    d.blank()
    d.to("市人民政府：")
    d.para("现将{{ scope }}企业诉求受理、交办和办理情况报告如下。")
    d.heading("一、总体情况", keep=True)
    d.lines("overview")
    d.heading("二、承办单位办理情况", keep=True)
    d.lines("unit_lines")
    d.caption("表1　承办单位办理情况（单位：件）")
    d.table([("排名", "rank", 11), ("承办单位", "unit", 31), ("交办", "handed", 11), ("办结", "closed", 11),
             ("办结率", "closure", 15), ("按时报送率", "on_time", 17), ("满意率", "satisfaction", 15),
             ("企业评议", "evaluation", 15), ("综合得分", "composite", 15), ("期末超期", "overdue", 15)], loop="unit_rows")
    d.heading("三、接待领导和受理领域", keep=True)
    d.caption("表2　各接待领导接待情况（单位：场、件）")
    d.table([("接待领导", "leader", 56), ("接待场次", "sessions", 25), ("接待诉求", "received", 25),
             ("交办", "handed", 25), ("已办结", "closed", 25)], loop="leader_rows")
    d.caption("表3　各领域诉求（单位：件）")
    d.table([("领域", "field", 46), ("登记", "registered", 22), ("受理", "accepted", 22), ("交办", "handed", 22),
             ("已了结", "finished", 22), ("结案率", "finish_rate", 22)], loop="field_rows")
    d.heading("四、各渠道诉求", keep=True)
    d.caption("表4　各渠道诉求（单位：件）")
    d.table([("渠道", "channel", 46), ("登记", "registered", 27), ("受理", "accepted", 27), ("已了结", "finished", 28),
             ("结案率", "finish_rate", 28)], loop="channel_rows")
    d.heading("五、共性问题", keep=True)
    d.lines("common")
    d.heading("六、行动方案任务、专项活动、重大项目、专题调研和领导走访", keep=True)
    d.lines("programme")
    d.heading("七、超期和长期整改事项", keep=True)
    d.lines("overdue_lines")
    d.caption("表5　超期和长期整改事项")
    d.table([("编号", "id", 28), ("企业或来源", "enterprise", 28), ("事项", "title", 30), ("牵头单位", "unit", 22),
             ("状态", "status", 18), ("下一期限", "due", 18), ("超期工作日", "late", 12)], loop="overdue_rows")
    d.heading("八、指标说明", keep=True)
    d.lines("definitions")
    d.sign()


def campaign(d: Official) -> None:
    d.title("{{ title }}", "工作总结")
    d.blank()
    d.to("{{ summary_to }}：")
    d.lines("intro")
    d.heading("一、重点活动开展情况", keep=True)
    d.lines("activity_lines")
    d.caption("表1　重点活动完成情况")
    d.table([("序号", "n", 12), ("活动", "title", 52), ("承办", "unit", 30), ("完成时间", "due", 22), ("完成情况", "status", 40)],
            loop="activity_rows")
    d.heading("二、企业诉求受理和办理", keep=True)
    d.lines("demand_lines")
    d.caption("表2　各渠道诉求（单位：件）")
    d.table([("渠道", "channel", 46), ("登记", "registered", 27), ("受理", "accepted", 27), ("已了结", "finished", 28),
             ("结案率", "finish_rate", 28)], loop="channel_rows")
    d.caption("表3　各承办单位办理情况（单位：件）")
    d.table([("承办单位", "unit", 56), ("交办", "handed", 25), ("办结", "closed", 25), ("办结率", "closure", 25),
             ("按时报送率", "on_time", 25)], loop="unit_rows")
    d.heading("三、部门开放日", keep=True)
    d.lines("open_day_lines")
    d.heading("四、企业评议", keep=True)
    d.lines("evaluation_lines")
    d.caption("表4　企业评议结果（百分制）")
    d.table([("名次", "rank", 20), ("被评议单位", "unit", 66), ("评分条数", "count", 35), ("平均得分", "score", 35)],
            loop="evaluation_rows")
    d.sign()


BUILDERS = {
    "notice.docx": notice, "chase.docx": chase, "supervision.docx": supervision,
    "supervision_list.docx": supervision_list, "warning.docx": warning, "named.docx": named,
    "letter_scheduled.docx": letter_scheduled,
    "letter_deferred.docx": letter_deferred, "letter_excluded.docx": letter_excluded,
    "letter_referred.docx": letter_referred, "letter_reply.docx": letter_reply, "referral.docx": referral,
    "attendance.docx": attendance, "summary.docx": summary, "campaign.docx": campaign,
}


def build_all(folder: Path) -> list[Path]:
    written = []
    for name, builder in BUILDERS.items():
        d = Official()
        builder(d)
        d.save(folder / name)
        written.append(folder / name)
    return written
