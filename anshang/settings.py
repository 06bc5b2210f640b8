"""The ledger's settings as a typed object, validated on load (``invalid settings:``)."""

from __future__ import annotations

from dataclasses import dataclass, field

from anshang import schema
from anshang.errors import AnshangError, Problem
from anshang.ledger import SETTINGS_FILE, Ledger
from anshang.validate import check_mapping
from anshang.yamlio import YamlProblem, line_of


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


@dataclass(frozen=True)
class Settings:
    city: str
    office: str
    contact: dict
    districts: tuple
    fields: tuple
    routing: dict = field(default_factory=dict)
    policy: Policy | None = None


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
    )


def load_settings(ledger: Ledger) -> Settings:
    """Read and validate the settings; stop with every problem listed if they are invalid."""
    try:
        data = ledger.read(SETTINGS_FILE)
    except YamlProblem as e:
        raise AnshangError(f"invalid settings（设置无效）:\n{SETTINGS_FILE}:{e.line}: {e.message}") from None
    errors = [p for p in settings_problems(data) if p.severity == "error"]
    if errors:
        lines = "\n".join(f"{p.path}:{p.line}: {p.message}" for p in errors)
        raise AnshangError(f"invalid settings（设置无效）:\n{lines}\n请修改 {SETTINGS_FILE} 后重试（anshang check 可列出全部问题）")
    return from_data(data)
