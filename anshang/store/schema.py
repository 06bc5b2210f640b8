"""The shape of every ledger file: keys in canonical order, types, allowed values, and the
Chinese name of each key (README: 文件格式 is checked against this table by a test).

Pure data plus one small walker; validators and ``fmt`` both read it.
"""

from __future__ import annotations

from dataclasses import dataclass

from anshang.core.labels import (
    CATEGORIES,
    CHANNELS,
    CO_UNIT_REPORTS,
    DEADLINE_KINDS,
    DECISIONS,
    DECLARED,
    EVENT_KINDS,
    LEADER_ROLES,
    LEVELS,
    LONGTERM_COUNTING,
    MATCH_STATUS,
    NOTIFY_HOW,
    OUTCOMES,
    PROJECT_STAGES,
    RECORD_KINDS,
    REVIEW_RESULTS,
    REVISIT,
    RULES,
    SATISFACTION,
    SESSION_EVENTS,
    SESSION_FORMS,
    SESSION_STATUS,
    SOURCE_KINDS,
    UNIT_KINDS,
)


@dataclass(frozen=True)
class Key:
    """One key of a mapping: its type, Chinese name, whether required, allowed values."""

    type: str  # str int bool date list map dict any
    label: str
    required: bool = False
    choices: tuple = ()
    item: "Key | None" = None  # element of a list
    fields: "dict[str, Key] | None" = None  # keys of a map (or of list items that are maps)
    values: "Key | None" = None  # value type of a free dict (routing)
    min: int | None = None
    unless: tuple | None = None  # (sibling key, value): required unless that sibling has that value
    flow: bool = False  # a map written on one line (list items that clones append: they merge cleanly)


def K(type, label, required=False, choices=(), item=None, fields=None, values=None, min=None, unless=None,
      flow=False):
    return Key(type, label, required, tuple(choices), item, fields, values, min, unless, flow)


STR_LIST = K("list", "", item=K("str", ""))

CONTACT = {
    "name": K("str", "姓名"),
    "role": K("str", "职务"),
    "phone": K("str", "电话"),
    "email": K("str", "电子邮箱"),
}

POLICY = {
    "sessions_per_year": K("int", "每年接待日不少于（次）", required=True, min=1),
    "notice_workdays": K("int", "提前发布通告（工作日）", required=True, min=0),
    "session_capacity": K("int", "每场接待诉求数上限", required=True, min=1),
    "progress_workdays": K("int", "报送落实情况时限（工作日）", required=True, min=1),
    "result_days": K("int", "报送办理结果时限（日）", required=True, min=1),
    "longterm_days": K("int", "长期整改报送周期（日）", required=True, min=1),
    "longterm_counting": K("str", "长期整改周期计法", required=True, choices=LONGTERM_COUNTING),
    "warning_workdays": K("int", "到期前预警（工作日）", required=True, min=0),
    "supervise_after_workdays": K("int", "超期超过几个工作日转督办", required=True, min=0),
    "provisional_calendar": K("bool", "允许按暂定日历（仅周末）计算"),
    "chase_reply_workdays": K("int", "催办后限期报送（工作日，缺省 2）", min=1),
    "registration_close_workdays": K("int", "接待日前截止预约登记（工作日，缺省 3）", min=0),
    "co_unit_reports": K("str", "配合单位报送方式（缺省 lead）", choices=CO_UNIT_REPORTS),
    "objection_workdays": K("int", "对交办有异议的，收到交办单后几个工作日内提出（缺省 2）", min=1),
    "notify_workdays": K("int", "接待日前几个工作日通知到已安排的企业（缺省 2）", min=0),
    "inform_workdays": K("int", "择期安排、不予受理、转办决定后几个工作日内告知企业（缺省 3）", min=0),
    "attend_workdays": K("int", "接待日前几个工作日发出参会通知（缺省 2）", min=0),
    "reply_workdays": K("int", "办理结果报来后几个工作日内答复企业（缺省 5）", min=0),
    "revisit": K("str", "回访哪些诉求（缺省 key）", choices=REVISIT),
    "revisit_workdays": K("int", "答复后几个工作日内回访（缺省 10）", min=0),
    "public_every_weeks": K("int", "每几周公开反馈一次（缺省 4；0 不提醒）", min=0),
    "agenda_workdays": K("int", "今日待办列出几个工作日内到期的（缺省 15）", min=0),
    "handover_workdays": K("int", "投诉中心、热线等不参加匹配的诉求登记后几个工作日内受理并交办（缺省 1）", min=0),
    "visits_per_leader_year": K("int", "每位领导每年走访企业的目标（家次；缺省 0，不设目标）", min=0),
    "project_report_day": K("int", "重大项目一月一报：每月几日前报送（缺省 5）", min=1),
    "project_review_day": K("int", "重大项目一季一审：每季度首月几日前完成上季度审核（缺省 15）", min=1),
    "weight_on_time": K("int", "单位排名权重：按时报送率（％，四项权重合计 100；缺省 30）", min=0),
    "weight_closure": K("int", "单位排名权重：办结率（缺省 30）", min=0),
    "weight_satisfaction": K("int", "单位排名权重：满意率（缺省 20）", min=0),
    "weight_evaluation": K("int", "单位排名权重：企业评议得分（缺省 20）", min=0),
    "office_since": K("date", "营商办待办从该日起计（此前的决定不再提醒；缺省全部）"),
    "alert_on_time_pct": K("int", "报告中列出按时报送率低于几％的单位（缺省 85；0 不列）", min=0),
    "alert_closure_pct": K("int", "报告中列出办结率低于几％的单位（缺省 0，不列）", min=0),
    "alert_satisfaction_pct": K("int", "报告中列出满意率低于几％的单位（缺省 80；0 不列）", min=0),
}

CHANNEL_RULE = {
    "screening": K("bool", "适用接待日受理审查（§三）；false 时登记即受理"),
    "matching": K("bool", "参加接待日双向匹配；false 时受理后直接交办"),
    "obligations": K("dict", "交办后须报送的事项：期限种类 → 计法和日数（缺省为接待日的落实情况和办理结果）",
                     values=K("map", "", fields={
                         "rule": K("str", "计法（workdays 工作日、days 日）", required=True,
                                   choices=("workdays", "days")),
                         "n": K("int", "日数", required=True, min=1),
                     })),
}

SETTINGS = {
    "version": K("int", "格式版本", required=True, choices=(1,)),
    "city": K("str", "城市", required=True),
    "office": K("str", "承办办公室", required=True),
    "contact": K("map", "联系方式", fields={
        "address": K("str", "地址"),
        "place": K("str", "现场登记地点"),
        "phone": K("str", "电话"),
        "fax": K("str", "传真"),
        "email": K("str", "电子邮箱"),
        "hours": K("str", "现场预约时间"),
    }),
    "districts": K("list", "属地（区县）", required=True, item=K("str", "")),
    "fields": K("list", "受理领域", required=True, item=K("str", "")),
    "routing": K("dict", "领域→建议承办单位", values=STR_LIST),
    "policy": K("map", "办理规则", required=True, fields=POLICY),
    "channels": K("dict", "各渠道的办理规则（渠道 → 规则；缺省：接待日审查和匹配只用于市长接待日）",
                  values=K("map", "", fields=CHANNEL_RULE)),
}

LEADER = {
    "id": K("str", "编号", required=True),
    "name": K("str", "姓名", required=True),
    "role": K("str", "职务类别", required=True, choices=LEADER_ROLES),
    "title": K("str", "职务"),
    "fields": K("list", "分管领域", required=True, item=K("str", "")),
    "active": K("bool", "在任"),
}
LEADERS_FILE = {"leaders": K("list", "接待领导", required=True, item=K("map", "", fields=LEADER))}

UNIT = {
    "id": K("str", "编号", required=True),
    "name": K("str", "名称", required=True),
    "aliases": K("list", "其他写法（简称、旧称，如 市发改委），导入清单时认得", item=K("str", "")),
    "kind": K("str", "类别", required=True, choices=UNIT_KINDS),
    "district": K("str", "所辖属地"),
    "fields": K("list", "负责领域（* 表示全部）", item=K("str", "")),
    "contact": K("map", "联络人", fields=CONTACT),
}
UNITS_FILE = {"units": K("list", "承办单位", required=True, item=K("map", "", fields=UNIT))}

ENTERPRISE = {
    "uscc": K("str", "统一社会信用代码", required=True),
    "name": K("str", "企业名称", required=True),
    "district": K("str", "属地", required=True),
    "categories": K("list", "企业类型", item=K("str", "", choices=CATEGORIES)),
    "dispatch_years": K("list", "纳入市政府调度年度", item=K("int", "")),
    "industry": K("str", "行业"),
    "legal_rep": K("str", "法定代表人"),
    "address": K("str", "地址"),
    "contacts": K("list", "联系人", item=K("map", "", fields=CONTACT)),
    "note": K("str", "备注"),
}

SESSION = {
    "id": K("str", "编号", required=True),
    "date": K("date", "接待日期", required=True),
    "leader": K("str", "接待领导", required=True),
    "fields": K("list", "本场受理领域（缺省为领导分管领域）", item=K("str", "")),
    "form": K("str", "接待形式", choices=SESSION_FORMS),
    "place": K("str", "地点"),
    "capacity": K("int", "本场诉求数上限", min=1),
    "notice_date": K("date", "通告发布日期"),
    "registration_from": K("date", "预约登记开始"),
    "registration_to": K("date", "预约登记截止"),
    "status": K("str", "状态", choices=SESSION_STATUS),
    "provisional": K("bool", "日期按暂定日历计算"),
    "note": K("str", "备注"),
    "events": K("list", "营商办记录（每条一行）", item=K("map", "", flow=True, fields={
        "date": K("date", "日期", required=True),
        "kind": K("str", "类别", required=True, choices=SESSION_EVENTS),
        "by": K("str", "经办人"),
        "note": K("str", "说明"),
    })),
}

DEADLINE = {
    "due": K("date", "截止日期", required=True),
    "basis": K("date", "起算日期", required=True),
    "rule": K("str", "计算规则", required=True, choices=RULES),
    "n": K("int", "日数（日、工作日或每月第几日；指定日期不填）", required=True, min=1, unless=("rule", "fixed")),
    "extended_from": K("date", "延期前的截止日期"),
    "provisional": K("bool", "暂定"),
}

EVENT = {
    "date": K("date", "日期", required=True),
    "kind": K("str", "类别", required=True, choices=EVENT_KINDS),
    "by": K("str", "经办人"),
    "unit": K("str", "单位"),
    "units": K("list", "新承办单位", item=K("str", "")),
    "was": K("list", "原承办单位（调整前，牵头单位在前）", item=K("str", "")),
    "due": K("date", "新截止日期"),
    "of": K("str", "延期的期限", choices=DEADLINE_KINDS),
    "session": K("str", "移出前的场次"),
    "matched": K("date", "移出前的匹配日期"),
    "status": K("str", "移出前的匹配结果", choices=MATCH_STATUS),
    "satisfaction": K("str", "满意度", choices=tuple(SATISFACTION)),
    "how": K("str", "通知方式", choices=NOTIFY_HOW),
    "level": K("str", "督办级别", choices=LEVELS),
    "owed": K("date", "所催事项的截止日期"),
    "leader": K("str", "挂牌督办的领导"),
    "stage": K("str", "项目新阶段", choices=PROJECT_STAGES),
    "conclusion": K("str", "季度审核结论", choices=REVIEW_RESULTS),
    "note": K("str", "说明"),
}

CASE = {
    "id": K("str", "编号", required=True),
    "registered": K("date", "登记日期", required=True),
    "channel": K("str", "渠道", required=True, choices=CHANNELS),
    "source": K("map", "来源", fields={
        "kind": K("str", "方式", choices=SOURCE_KINDS),
        "file": K("str", "文件名"),
        "digest": K("str", "内容指纹"),
        "earlier": K("list", "补正前登记表的内容指纹", item=K("str", "")),
    }),
    "enterprise": K("str", "企业（统一社会信用代码）"),
    "enterprise_name": K("str", "企业名称（名录外企业）"),
    "form_date": K("date", "填表日期（登记表上所填；判断是否在预约期内）"),
    "missing": K("list", "待补正：登记表缺少或填错的项目（补正后删去这一项；有它时不审查）", item=K("str", "")),
    "contact": K("map", "联系人", fields=CONTACT),
    "fields": K("list", "领域", item=K("str", "")),
    "title": K("str", "诉求事项", required=True),
    "facts": K("str", "事实"),
    "reasons": K("str", "理由"),
    "request": K("str", "具体诉求"),
    "suggested_units": K("list", "建议承办单位", item=K("str", "")),
    "declared": K("map", "登记表自述（是/否）", fields={k: K("bool", v) for k, v in DECLARED.items()}),
    "screening": K("map", "受理审查", fields={
        "decision": K("str", "结论", required=True, choices=DECISIONS),
        "date": K("date", "审查日期", required=True),
        "clauses": K("list", "依据条款", required=True, item=K("str", "")),
        "type": K("int", "受理类型（§三(一)1–5）", choices=(1, 2, 3, 4, 5)),
        "refer_to": K("str", "转交单位"),
        "reason": K("str", "理由"),
        "by": K("str", "经办人"),
        "override": K("str", "人工改判理由"),
    }),
    "session": K("str", "接待场次"),
    "matching": K("map", "双向匹配", fields={
        "status": K("str", "结果", required=True, choices=MATCH_STATUS),
        "date": K("date", "匹配日期"),
        "reason": K("str", "说明"),
    }),
    "outcome": K("map", "接待结果", fields={
        "kind": K("str", "结果", required=True, choices=OUTCOMES),
        "date": K("date", "日期", required=True),
        "lead_unit": K("str", "牵头单位"),
        "co_units": K("list", "配合单位", item=K("str", "")),
        "instruction": K("str", "交办意见"),
        "note": K("str", "说明"),
    }),
    "key": K("bool", "重点诉求（回访，§四(五)）"),
    "visit": K("str", "走访中提出的（领导走访记录的编号）"),
    "project": K("str", "关联的重大项目（编号）"),
    "deadlines": K("map", "办理时限", fields={
        k: K("map", v, fields=DEADLINE) for k, v in DEADLINE_KINDS.items()
    }),
    "events": K("list", "办理记录（每条一行）", item=K("map", "", fields=EVENT, flow=True)),
    "note": K("str", "备注"),
}

DEADLINES = K("map", "办理时限", fields={k: K("map", v, fields=DEADLINE) for k, v in DEADLINE_KINDS.items()})
EVENTS = K("list", "办理记录（每条一行）", item=K("map", "", fields=EVENT, flow=True))

PLAN = {
    "id": K("str", "方案编号（与目录名相同）", required=True),
    "title": K("str", "方案名称", required=True),
    "date": K("date", "印发日期（“N日内”等时限从此起算）", required=True),
    "year": K("int", "责任清单年度"),
    "document": K("str", "文号"),
    "periodic": K("map", "长期坚持的任务定期报送进展", fields={
        "rule": K("str", "计法", required=True, choices=RULES),
        "n": K("int", "日数（或每月、每季度首月第几日）", required=True, min=1),
    }),
    "source": K("str", "导入自（文件名）"),
    "campaign": K("str", "专项活动的编号（campaigns/<编号>.yaml；此时各项任务即活动）"),
    "note": K("str", "备注"),
}

TASK = {
    "id": K("str", "编号（方案编号-序号）", required=True),
    "plan": K("str", "行动方案编号", required=True),
    "number": K("int", "序号", required=True, min=1),
    "title": K("str", "工作任务", required=True),
    "lead_unit": K("str", "牵头单位", required=True),
    "co_units": K("list", "配合单位", item=K("str", "")),
    "limit": K("str", "完成时限（清单原文）"),
    "desk": K("str", "承办的活动办公室内设部门（专项活动）"),
    "assigned": K("date", "起算日期（方案印发日期）", required=True),
    "ongoing": K("bool", "长期坚持（没有完成日期，定期报送进展）"),
    "source": K("map", "来源", fields={"file": K("str", "文件名"), "cell": K("str", "工作表!单元格")}),
    "deadlines": DEADLINES,
    "events": EVENTS,
    "note": K("str", "备注"),
}

TOPIC = {
    "id": K("str", "编号", required=True),
    "title": K("str", "调研题目", required=True),
    "opened": K("date", "立项日期", required=True),
    "lead_unit": K("str", "牵头单位", required=True),
    "co_units": K("list", "配合单位", item=K("str", "")),
    "group": K("str", "共性问题（周台账中的名称）"),
    "cases": K("list", "关联诉求", item=K("str", "")),
    "policy_outcome": K("map", "制度性成果", fields={
        "document": K("str", "政策文件名称", required=True),
        "date": K("date", "印发日期", required=True),
    }),
    "deadlines": DEADLINES,
    "events": EVENTS,
    "note": K("str", "备注"),
}

VISIT = {
    "id": K("str", "编号", required=True),
    "date": K("date", "走访日期", required=True),
    "leader": K("str", "走访领导（leaders.yaml 中的编号）", required=True),
    "enterprise": K("str", "企业（统一社会信用代码）", required=True),
    "with": K("list", "陪同单位", item=K("str", "")),
    "note": K("str", "走访情况"),
    "by": K("str", "经办人"),
}

PROJECT = {
    "id": K("str", "编号", required=True),
    "title": K("str", "项目名称", required=True),
    "enterprise": K("str", "企业（统一社会信用代码）", required=True),
    "stage": K("str", "当前阶段", required=True, choices=PROJECT_STAGES),
    "lead_unit": K("str", "承办单位（属地承办）", required=True),
    "co_units": K("list", "联办单位", item=K("str", "")),
    "leader": K("str", "挂点领导（leaders.yaml 中的编号）", required=True),
    "owner": K("str", "项目负责人（个人信息，不公开）"),
    "investment": K("str", "总投资"),
    "assigned": K("date", "纳入跟踪日期（一月一报、一季一审从此起算）", required=True),
    "ongoing": K("bool", "跟踪服务中（定期报送，没有完成日期）"),
    "deadlines": DEADLINES,
    "events": EVENTS,
    "note": K("str", "备注"),
}

PHASE = {"name": K("str", "阶段", required=True), "start": K("date", "开始", required=True),
         "end": K("date", "结束", required=True)}
DESK = {"name": K("str", "内设部门", required=True), "unit": K("str", "承担的单位（units.yaml 中的编号或名称）", required=True),
        "duty": K("str", "职责")}
ACTIVITY = {
    "number": K("int", "序号", required=True, min=1),
    "title": K("str", "活动名称", required=True),
    "lead": K("str", "承办部门（单位名称或内设部门）", required=True),
    "co": K("list", "配合部门", item=K("str", "")),
    "limit": K("str", "完成时间（如 6月上旬、6月8日前、7月15日前）", required=True),
}
OPEN_DAY = {"date": K("date", "日期", required=True), "unit": K("str", "举办部门", required=True),
            "place": K("str", "地点"), "note": K("str", "情况"), "by": K("str", "经办人")}
CAMPAIGN = {
    "id": K("str", "活动编号（与文件名相同）", required=True),
    "title": K("str", "活动名称", required=True),
    "start": K("date", "开始日期", required=True),
    "end": K("date", "结束日期", required=True),
    "channels": K("list", "活动期间计入本活动的诉求渠道", item=K("str", "", choices=CHANNELS)),
    "phases": K("list", "活动阶段", item=K("map", "", fields=PHASE, flow=True)),
    "desks": K("list", "活动办公室内设部门", item=K("map", "", fields=DESK, flow=True)),
    "summary_due": K("date", "书面总结报送日期"),
    "summary_to": K("str", "总结报送对象"),
    "activities": K("list", "重点活动（anshang campaign import 编号 后成为可催办的任务）", item=K("map", "", fields=ACTIVITY, flow=True)),
    "open_days": K("list", "部门开放日（接待日）", item=K("map", "", fields=OPEN_DAY, flow=True)),
    "source": K("str", "导入自（文件名）"),
    "note": K("str", "备注"),
}

SCORE = {"unit": K("str", "被评议单位", required=True), "score": K("int", "得分（0–100）", required=True, min=0),
         "enterprise": K("str", "评议企业（统一社会信用代码；不公开）")}
EVALUATION = {
    "id": K("str", "编号", required=True),
    "title": K("str", "评议名称", required=True),
    "date": K("date", "评议日期", required=True),
    "campaign": K("str", "所属专项活动"),
    "source": K("map", "来源", fields={"file": K("str", "文件名"), "digest": K("str", "内容指纹")}),
    "scores": K("list", "评分（每条一行）", item=K("map", "", fields=SCORE, flow=True)),
    "note": K("str", "备注"),
}

HOLIDAY = {
    "name": K("str", "节日", required=True),
    "from": K("date", "开始", required=True),
    "to": K("date", "结束", required=True),
}
CALENDAR = {
    "year": K("int", "年份", required=True),
    "source": K("str", "依据（国务院办公厅通知）", required=True),
    "holidays": K("list", "放假日期", item=K("map", "", fields=HOLIDAY)),
    "workdays": K("list", "调休上班日期", item=K("date", "")),
}

RECORD = {
    "date": K("date", "日期", required=True),
    "kind": K("str", "类别", required=True, choices=RECORD_KINDS),
    "by": K("str", "经办人"),
    "note": K("str", "说明"),
}

# file kind -> (root spec, Chinese name)
FILES = {
    "settings": (SETTINGS, "设置"),
    "leaders": (LEADERS_FILE, "接待领导"),
    "units": (UNITS_FILE, "承办单位"),
    "enterprise": (ENTERPRISE, "企业"),
    "session": (SESSION, "接待日"),
    "case": (CASE, "诉求"),
    "calendar": (CALENDAR, "节假日补充"),
    "record": (RECORD, "营商办记录"),
    "plan": (PLAN, "行动方案"),
    "task": (TASK, "工作任务"),
    "topic": (TOPIC, "专题调研"),
    "visit": (VISIT, "领导走访"),
    "project": (PROJECT, "重大项目"),
    "campaign": (CAMPAIGN, "专项活动"),
    "evaluation": (EVALUATION, "企业评议"),
}


def walk(spec: dict[str, Key], prefix: str = ""):
    """Every (dotted key path, Key) in a spec, parents before children."""
    for name, key in spec.items():
        path = f"{prefix}{name}"
        yield path, key
        if key.fields:
            yield from walk(key.fields, path + ".")
        elif key.item is not None and key.item.fields:
            yield from walk(key.item.fields, path + "[].")


_TYPE_CN = {"str": "文本", "int": "整数", "bool": "true/false", "date": "日期", "list": "列表",
            "map": "映射", "dict": "映射（键自定）", "any": "任意"}
_FILE_PATHS = {
    "settings": "anshang.yaml", "leaders": "leaders.yaml", "units": "units.yaml",
    "enterprise": "enterprises/<统一社会信用代码>.yaml", "session": "sessions/<年>/<场次编号>.yaml",
    "case": "cases/<年>/<诉求编号>.yaml", "calendar": "calendar/<年>.yaml",
    "record": "records/<年>/<日期>-<类别>.yaml",
    "plan": "tasks/<方案编号>/plan.yaml", "task": "tasks/<方案编号>/<序号>.yaml",
    "topic": "topics/<年>/<编号>.yaml", "visit": "visits/<年>/<编号>.yaml",
    "project": "projects/<年>/<编号>.yaml", "campaign": "campaigns/<活动编号>.yaml",
    "evaluation": "evaluations/<年>/<编号>.yaml",
}


def markdown() -> str:
    """The key tables of README: 文件格式 (a test keeps README in step with this schema)."""
    out = []
    for kind, (spec, title) in FILES.items():
        out.append(f"#### {title}：`{_FILE_PATHS[kind]}`\n")
        out.append("| 键 | 中文 | 类型 | 必填 | 取值 |")
        out.append("|---|---|---|---|---|")
        for path, key in walk(spec):
            typ = _TYPE_CN[key.type]
            if key.type == "list" and key.item is not None and key.item.type != "map":
                typ = f"{_TYPE_CN[key.item.type]}列表"
            elif key.type == "list":
                typ = "映射列表"
            choices = key.choices or (key.item.choices if key.item is not None else ())
            if isinstance(choices, tuple) and choices and not isinstance(choices[0], str):
                allowed = "、".join(str(c) for c in choices)
            else:
                names = _NAMES.get(path.rsplit(".", 1)[-1], {})
                allowed = "、".join(f"`{c}` {names.get(c, '')}".strip() for c in choices)
            needed = "是" if key.required and not key.unless else (f"是（{key.unless[0]}: {key.unless[1]} 时不填）"
                                                                   if key.required else "")
            out.append(f"| `{path}` | {key.label} | {typ} | {needed} | {allowed} |")
        out.append("")
    return "\n".join(out)


_NAMES = {
    "channel": CHANNELS, "categories": CATEGORIES, "role": LEADER_ROLES, "kind": {
        **UNIT_KINDS, **OUTCOMES, **EVENT_KINDS, **SOURCE_KINDS, **SESSION_EVENTS, **RECORD_KINDS},
    "form": SESSION_FORMS, "status": {**SESSION_STATUS, **MATCH_STATUS}, "decision": DECISIONS,
    "longterm_counting": LONGTERM_COUNTING, "rule": RULES, "co_unit_reports": CO_UNIT_REPORTS,
    "how": NOTIFY_HOW, "revisit": REVISIT, "level": LEVELS, "stage": PROJECT_STAGES, "conclusion": REVIEW_RESULTS,
}
