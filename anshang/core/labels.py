"""The one table of labels: every value stored in English in the files, with its Chinese name.

The file schema, messages, help texts and documents all take their words from here, so a
label is written once.
"""

from __future__ import annotations

CHANNELS = {
    "reception_day": "市长接待日",
    "hotline": "服务热线",
    "open_day": "部门开放日",
    "complaint_centre": "投诉中心",
    "leader_visit": "领导走访",
    "service_month": "服务月活动",
    "other": "其他渠道",
}
CATEGORIES = {"above_scale": "规上企业", "listing_reserve": "上市后备企业", "high_tech": "高新技术企业"}
LEADER_ROLES = {"mayor": "市长", "vice_mayor": "副市长"}
UNIT_KINDS = {"department": "市直部门", "district": "属地政府", "other": "其他单位"}
SESSION_FORMS = {"symposium": "座谈会", "onsite": "现场会", "breakfast": "早餐会", "visit": "走访企业"}
SESSION_STATUS = {"planned": "计划", "held": "已举行", "cancelled": "已取消"}
DECISIONS = {"accepted": "受理", "excluded": "不予受理", "referred": "转属地或部门"}
MATCH_STATUS = {"scheduled": "当期安排", "deferred": "择期安排", "waiting": "待有场次"}
OUTCOMES = {"solved": "当场解决", "handover": "交办", "explained": "解释说明"}
EVENT_KINDS = {
    "progress": "报送落实情况",
    "result": "报送办理结果",
    "longterm": "转为长期整改",
    "periodic": "定期报送",
    "extension": "延期",
    "reassign": "调整承办单位",
    "reply": "答复企业",
    "revisit": "回访",
    "chase": "催办",
    "supervise": "督办",
    "close": "办结",
    "reopen": "重新办理",
    "withdraw": "企业撤回",
    "notify": "通知企业",
    "key": "重点诉求标记",
    "release": "移出场次",
    "acknowledge": "签收",
    "note": "备注",
    "review": "一季一审",
    "stage": "项目阶段变更",
}
# the notes of a ``key`` event (the mark put on, or taken off)
KEY_ON, KEY_OFF = "列为重点诉求（须回访）", "取消重点诉求标记"
# how the office told an enterprise (``events[].how`` of a ``notify`` event)
NOTIFY_HOW = {"phone": "电话", "sms": "短信", "wechat": "微信", "email": "邮件", "letter": "信函", "in_person": "当面"}
# what the office records on a session (``sessions/*.yaml`` ``events``)
SESSION_EVENTS = {"notice": "发布通告", "match": "截止预约并匹配", "attend": "发出参会通知", "cancel": "取消场次", "note": "备注"}
# what the office records for the programme as a whole (``records/<年>/<日期>-<类别>.yaml``)
RECORD_KINDS = {"public": "公开反馈"}
# which demands the office revisits (§四(五)) (``policy.revisit``)
REVISIT = {"key": "只回访重点诉求（key: true）", "all": "交办的诉求都回访", "none": "不要求回访"}
# the office's own duties (the party that owes them is the office, 营商办)
OFFICE = "营商办"
OFFICE_DUTIES = {
    "notice": "发布接待日通告",
    "match": "截止预约并双向匹配",
    "notify": "通知企业参加接待",
    "inform": "告知企业审查或安排结果",
    "handover": "交办其他渠道的诉求",
    "attend": "发出参会通知",
    "receive": "记录接待结果",
    "reply": "答复企业",
    "revisit": "回访企业",
    "chase": "催办、督办超期报送",
    "public": "公开反馈办理进度",
    "calendar": "加入节假日安排",
}
# the groups of the clerk's agenda (``anshang today``)
AGENDA_GROUPS = {"overdue": "超期", "today": "今天", "week": "本周", "later": "稍后"}
SATISFACTION = {"满意": "满意", "基本满意": "基本满意", "不满意": "不满意"}
SATISFIED = ("满意", "基本满意")  # counted in 满意率
UNSATISFIED = "不满意"  # reopens the case
# what a unit owes after a handover (the keys of a case's ``deadlines``)
DEADLINE_KINDS = {"acknowledge": "签收反馈", "progress": "落实情况", "result": "办理结果",
                  "periodic": "定期报送", "review": "季度审核"}
# 十日一报 by default; 签收 for channels whose rules ask for it; a major project's 一月一报 is its
# periodic report and its 一季一审 its quarterly review
# the kinds of tracked work (an item's id says which it is)
ITEM_KINDS = {"case": "诉求", "task": "工作任务", "topic": "专题调研", "project": "重大项目"}
# a major project's stages, from negotiation to full production (seed 001: 从项目洽谈到投产的全过程)
PROJECT_STAGES = {"negotiating": "洽谈", "signed": "签约", "preparing": "前期手续", "building": "开工建设",
                  "trial": "试生产", "producing": "全面投产", "stopped": "终止"}
# the conclusion of a quarterly review (一季一审)
REVIEW_RESULTS = {"on_track": "按计划推进", "behind": "进度滞后", "blocked": "存在困难需协调"}
# a service-month campaign's phases (seed 000/002) and what its desks (活动办公室内设部门) are called
CAMPAIGN_PHASES = ("启动阶段", "实施阶段", "总结阶段")
CAMPAIGN_DESKS = ("综合部", "工程部", "宣传部", "督办部", "评议部")
# graded supervision (督办分级): the levels in order, and the colour each has in the weekly ledger
LEVELS = {"warning": "预警", "chase": "催办", "supervise": "督办", "named": "挂牌督办"}
LEVEL_COLOURS = {"warning": "黄色", "chase": "橙色", "supervise": "红色", "named": "红色"}
# per-channel rules (``channels`` in the settings): what a handed-over item owes
CHANNEL_RULE_KEYS = {"screening": "适用接待日受理审查（§三）", "matching": "参加接待日双向匹配",
                     "obligations": "交办后须报送的事项和时限"}
# a unit's part in a handover
PARTS = {"lead": "牵头", "co": "配合"}
# how a deadline is counted (``deadlines.*.rule``)
RULES = {
    "workdays": "N 个工作日",
    "days": "N 日，末日为休息日顺延（民法典第二百零三条）",
    "every_days": "每 N 日",
    "every_workdays": "每 N 个工作日",
    "monthly": "每月第 N 日（休息日顺延）",
    "quarterly": "每季度首月第 N 日（休息日顺延）",
    "fixed": "指定日期（截止日期即该日）",
}
LONGTERM_COUNTING = {"calendar": "自然日（民法典第二百零三条顺延）", "workdays": "工作日"}
CO_UNIT_REPORTS = {"lead": "牵头单位汇总报送即视为配合单位已报送", "each": "配合单位须各自报送"}
SOURCE_KINDS = {"form": "登记表", "onsite": "现场登记", "channel": "其他渠道", "manual": "手工录入"}
DECLARED = {
    "judicial": "已进入诉讼、行政复议或仲裁程序（§三(二)1）",
    "discipline": "已由纪委监委受理（§三(二)2）",
    "petition": "已通过信访渠道反映（§三(二)3）",
    "proposal": "已作为人大建议或政协提案办理（§三(二)4）",
    "vague": "无明确对象、无具体事实理由和诉求（§三(二)5）",
    "anonymous": "匿名反映（§三(二)6）",
}
# the letters anshang writes about one demand (``anshang letter``)
LETTERS = {"scheduled": "接待安排告知书", "deferred": "择期安排告知书", "excluded": "不予受理告知书",
           "referred": "转办告知书", "reply": "答复函", "referral": "转办函"}
# §三(二): the words of each exclusion in the work plan, and what the enterprise can do instead
EXCLUSIONS = {
    "§三(二)1": ("已进入司法程序、行政复议和仲裁程序的", "请按照司法、行政复议或仲裁程序依法主张权利。"),
    "§三(二)2": ("已由纪委监委受理的", "该事项由纪检监察机关依规依纪依法处理。"),
    "§三(二)3": ("已通过信访渠道推动解决的", "请继续通过信访渠道跟进办理。"),
    "§三(二)4": ("已列入市级以上人大、政协建议提案办理的", "该事项按人大代表建议、政协提案的办理程序办理。"),
    "§三(二)5": ("没有明确的对象和具体的事实、理由和请求的",
                "请写明反映的对象和具体的事实、理由和请求后，重新预约登记。"),
    "§三(二)6": ("匿名的意见建议或诉求申请", "请以实名方式重新预约登记。"),
}
# the stage a case is in (``lifecycle.status``)
STATUS = {
    "registered": "已登记", "incomplete": "待补正", "excluded": "不予受理", "referred": "已转办", "accepted": "已受理待安排",
    "to_hand_over": "已受理待交办", "waiting": "待有场次", "scheduled": "已安排场次", "deferred": "择期安排", "solved": "当场解决", "explained": "已解释说明",
    "handling": "办理中", "longterm": "长期整改", "ongoing": "长期坚持", "overdue": "超期", "replied": "已答复",
    "closed": "已办结", "withdrawn": "已撤回",
}
# the reminder colour of a row in the weekly ledger
ALERTS = {"overdue": "超期", "soon": "即将到期", "closed": "已办结", "": "",
          **{k: v for k, v in (("warning", "预警"), ("chase", "催办"), ("supervise", "督办"), ("named", "挂牌督办"))}}


def label(table: dict, key, default: str | None = None) -> str:
    """The Chinese name of ``key`` in ``table`` (the key itself, or ``default``, if unknown)."""
    if key in table:
        return table[key]
    return str(key if default is None else default) if key is not None or default is not None else ""


def choices(table: dict, sep: str = " / ") -> str:
    """``key 名称 / key 名称`` for help texts and messages."""
    return sep.join(f"{k} {v}" if k != v else k for k, v in table.items())


def only(table: dict, option: str) -> str:
    """'--x 只能是 甲（a）、乙（b）' for a refused value (the Chinese word first: both are accepted)."""
    shown = "、".join(f"{v}（{k}）" if k != v else k for k, v in table.items())
    return f"{option} 只能是 {shown}"
