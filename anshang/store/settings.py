"""The ledger's settings as a typed object (``loader.settings`` reads and validates them)."""

from __future__ import annotations

from dataclasses import dataclass, field

from anshang.core.problems import Problem
from anshang.store import schema
from anshang.store.folder import SETTINGS_FILE
from anshang.store.validate import check_mapping
from anshang.store.yamlfile import line_of


@dataclass(frozen=True)
class Policy:
    """DOMAIN §4: every value comes from the ledger's settings, none from code."""

    sessions_per_year: int
    notice_workdays: int
    session_capacity: int
    progress_workdays: int
    result_days: int
    longterm_days: int
    longterm_counting: str
    warning_workdays: int
    supervise_after_workdays: int
    provisional_calendar: bool = False
    chase_reply_workdays: int = 2  # a chased unit reports within this many working days
    registration_close_workdays: int = 3  # registration closes this many working days before a session
    co_unit_reports: str = "lead"  # lead: the lead unit's report covers its co-units; each: every unit reports
    objection_workdays: int = 2  # a unit disputing its handover says so within this many working days
    notify_workdays: int = 2  # scheduled enterprises are told by this many working days before the session
    inform_workdays: int = 3  # deferred, excluded and referred enterprises are told within this many working days
    attend_workdays: int = 2  # the attendance notice goes out this many working days before the session
    reply_workdays: int = 5  # the enterprise gets the reply within this many working days of the result
    revisit: str = "key"  # which demands are revisited: key | all | none (labels.REVISIT)
    revisit_workdays: int = 10  # the revisit follows the reply within this many working days
    public_every_weeks: int = 4  # public feedback every N weeks (0: no reminder)
    agenda_workdays: int = 15  # ``anshang today`` lists what falls due within this many working days
    handover_workdays: int = 1  # a demand of a channel not matched to sessions is handed over within this
    visits_per_leader_year: int = 0  # each leader's yearly target of visits to enterprises (0: none)
    project_report_day: int = 5  # 一月一报: a major project reports by this day of each month
    project_review_day: int = 15  # 一季一审: the quarter's review by this day of the next quarter's first month
    weight_on_time: int = 30  # the unit ranking's weights (per cent, together 100)
    weight_closure: int = 30
    weight_satisfaction: int = 20
    weight_evaluation: int = 20
    office_since: object = None  # a date: the office's duties count from it (older decisions are not listed)
    alert_on_time_pct: int = 85  # the period report names units whose on-time rate is below this (0: not used)
    alert_closure_pct: int = 0  # … whose closure rate is below this
    alert_satisfaction_pct: int = 80  # … whose satisfaction rate is below this

    @property
    def limits(self):
        """Every time limit as a rule, with the sentences that state them."""
        from anshang.core.deadlines import Limits

        return Limits.of(self)


@dataclass(frozen=True)
class Settings:
    city: str
    office: str
    contact: dict
    districts: tuple
    fields: tuple
    routing: dict = field(default_factory=dict)
    policy: Policy | None = None
    channels: dict = field(default_factory=dict)  # channel -> its rule as written (core.channels reads it)

    def channel_rule(self, channel: str | None):
        """What a demand of ``channel`` goes through and owes (core.channels)."""
        from anshang.core.channels import rule_for

        return rule_for(self.channels, channel, self.policy.limits)


def settings_problems(data) -> list[Problem]:
    """Schema and consistency problems of the settings data (no references to other files)."""
    out: list = []
    check_mapping(data, schema.SETTINGS, out)
    problems = [Problem(SETTINGS_FILE, line, "schema", sev, msg) for line, sev, msg in out]
    if isinstance(data, dict):
        for key in ("fields", "districts"):
            values = data.get(key) if isinstance(data.get(key), list) else []
            seen = set()
            for i, v in enumerate(values):
                if v in seen:
                    problems.append(Problem(SETTINGS_FILE, line_of(data, f"{key}[{i}]"), "settings",
                                            "error", f"{key} 中 {v!r} 重复"))
                seen.add(v)
        from anshang.core.labels import CHANNELS, DEADLINE_KINDS

        chans = data.get("channels") if isinstance(data.get("channels"), dict) else {}
        for ch, rule in chans.items():
            if str(ch).startswith("__"):
                continue
            if ch not in CHANNELS:
                problems.append(Problem(SETTINGS_FILE, line_of(chans, ch), "settings", "error",
                                        f"channels 中的渠道 {ch!r} 不存在；可用：{'、'.join(CHANNELS)}"))
            obs = rule.get("obligations") if isinstance(rule, dict) and isinstance(rule.get("obligations"), dict) else {}
            for kind in obs:
                if str(kind).startswith("__"):
                    continue
                if kind not in DEADLINE_KINDS:
                    problems.append(Problem(SETTINGS_FILE, line_of(obs, kind), "settings", "error",
                                            f"channels.{ch}.obligations 中的 {kind!r} 不是期限种类；可用：{'、'.join(DEADLINE_KINDS)}"))
            if [k for k in obs if not str(k).startswith("__")] and "result" not in obs:
                problems.append(Problem(SETTINGS_FILE, line_of(obs), "settings", "error",
                                        f"channels.{ch}.obligations 须含 result（办理结果）"))
        pol = data.get("policy") if isinstance(data.get("policy"), dict) else {}
        weights = [pol.get(k, d) for k, d in (("weight_on_time", 30), ("weight_closure", 30),
                                              ("weight_satisfaction", 20), ("weight_evaluation", 20))]
        if all(isinstance(w, int) and not isinstance(w, bool) for w in weights) and sum(weights) != 100:
            problems.append(Problem(SETTINGS_FILE, line_of(pol, "weight_on_time") if "weight_on_time" in pol else line_of(pol),
                                    "settings", "error", f"单位排名的四项权重（weight_on_time、weight_closure、weight_satisfaction、"
                                    f"weight_evaluation）合计应为 100，现为 {sum(weights)}"))
        routing = data.get("routing") if isinstance(data.get("routing"), dict) else {}
        fields = set(data.get("fields") or []) if isinstance(data.get("fields"), list) else set()
        for f in routing:
            if not f.startswith("__") and f not in fields:
                problems.append(Problem(SETTINGS_FILE, line_of(routing, f), "settings", "error",
                                        f"routing 中的领域 {f!r} 不在 fields 列表中"))
    return problems


def from_data(data) -> Settings:
    """A Settings from valid data (call ``settings_problems`` first)."""
    policy = {k: v for k, v in data["policy"].items() if not k.startswith("__")}
    routing = {k: tuple(v) for k, v in (data.get("routing") or {}).items() if not k.startswith("__")}
    contact = {k: v for k, v in (data.get("contact") or {}).items() if not k.startswith("__")}
    return Settings(
        city=data["city"], office=data["office"], contact=contact,
        districts=tuple(data["districts"]), fields=tuple(data["fields"]), routing=routing,
        policy=Policy(**policy),
        channels={k: v for k, v in (data.get("channels") or {}).items() if not str(k).startswith("__")},
    )
