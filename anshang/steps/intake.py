"""Registration (登记) against the ledger: filled forms, on-site and other-channel demands,
each written whole or not at all, and unknown enterprises added to the roster on request."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from anshang.core import uscc as usccmod
from anshang.core.dates import parse_date
from anshang.core.problems import AnshangError, Problem
from anshang.documents import forms
from anshang.steps.cases import append, create_case, event, update_case
from anshang.store import canonical, loader
from anshang.store.folder import Ledger
from anshang.store.loader import World


def build_index(ledger: Ledger, with_cases: bool = True) -> World:
    return loader.load(ledger, {"units", "enterprise"} | ({"case"} if with_cases else set()))


@dataclass
class Outcome:
    """What happened to one registration: registered, duplicate or rejected."""

    source: str
    status: str  # registered | incomplete (待补正) | completed (待补正的补全了) | duplicate | rejected
    case_id: str | None = None
    title: str = ""
    enterprise: str = ""
    problems: list = field(default_factory=list)  # Problem records
    added_enterprise: bool = False
    duplicates: list = field(default_factory=list)  # likely the same demand registered before

    def problem(self, where: str, message: str) -> Problem:
        """A problem with this registration: in a form's cell, or in a command-line option."""
        if where.startswith("--"):
            return Problem(where, 0, "input", "error", message)
        return Problem(Path(self.source).name, 0, "form", "error", message, where)


def form_files(paths) -> list[Path]:
    """Forms named directly, and every .xlsx and .xls inside named folders (Excel's ~$ lock
    files skipped)."""
    out: list[Path] = []
    for p in paths:
        p = Path(p)
        if p.is_dir():
            # old .xls forms too: each gets its own message (save as .xlsx) instead of being skipped
            out += sorted(x for x in p.rglob("*") if x.suffix.lower() in (".xlsx", ".xls")
                          and x.is_file() and not x.name.startswith(("~$", ".")))
        else:
            out.append(p)
    return out


def register_forms(ledger: Ledger, settings, paths, registered: dt.date, add_unknown: bool = False,
                   confirm_add=None, progress=None) -> list[Outcome]:
    """Import filled registration forms; each becomes one case (or says why not)."""
    files = form_files(paths)
    outcomes: list[Outcome] = []
    with ledger.lock():
        idx = build_index(ledger)
        for path in (progress(files) if progress else files):
            outcomes.append(_register_form(ledger, settings, idx, path, registered, add_unknown, confirm_add))
    return outcomes


def _register_form(ledger, settings, idx, path, registered, add_unknown, confirm_add) -> Outcome:
    form = forms.read_form(path)
    out = Outcome(str(path), "rejected")
    if form.fatal:  # unreadable, or not a registration form: nothing to record
        out.problems = form.problems
        return out
    case, enterprise, problems = forms.to_case(form, settings, idx.units, registered, idx.enterprises)
    problems = form.problems + problems
    out.title, out.enterprise = case["title"], enterprise["name"]
    digest = case["source"]["digest"]
    if digest in idx.digests:
        out.status, out.case_id = "duplicate", idx.digests[digest]
        return out
    earlier = _incomplete_of(idx, case, form.file)
    if problems:
        # 待补正: the demand that arrived is recorded, with what is missing, and held back from
        # screening until completed (anshang edit, or the form sent again)
        out.problems = problems
        case["missing"] = [f"{p.cell + '：' if p.cell else ''}{p.message}" for p in problems]
        case["title"] = case["title"] or "（未填诉求事项）"
        if case["enterprise"] not in idx.enterprises:  # no file for an unknown or mistyped code
            case["enterprise_name"] = enterprise["name"] or "（未填企业名称）"
            if usccmod.problem(case["enterprise"] or ""):
                case.pop("enterprise")
        status = "incomplete"
    else:
        if not _ensure_enterprise(ledger, idx, enterprise, add_unknown, confirm_add, out):
            return out
        status = "registered"
    if earlier is not None:
        cid = _complete(ledger, earlier, case)
        status = "completed" if status == "registered" else "incomplete"
    else:
        cid = create_case(ledger, case)
    idx.digests[digest] = cid
    out.status, out.case_id = status, cid
    return out


def _incomplete_of(idx, case: dict, source: str) -> str | None:
    """A demand registered earlier as 待补正 that this form completes: the same form file, or
    the same enterprise with the same 诉求事项."""
    for cid, c in sorted(idx.cases.items()):
        if not c.get("missing"):
            continue
        same_file = (c.get("source") or {}).get("file") == source \
            and c.get("enterprise") in (None, case.get("enterprise"))  # "登记表.xlsx" is a common name
        same_demand = c.get("enterprise") and c.get("enterprise") == case.get("enterprise") \
            and (c.get("title") or "") in (case.get("title") or "", "（未填诉求事项）")
        if same_file or same_demand:
            return cid
    return None


CONTENT = ("source", "enterprise", "enterprise_name", "contact", "fields", "title", "facts", "reasons", "request",
           "suggested_units", "declared", "form_date", "missing")


def _complete(ledger, cid: str, case: dict) -> str:
    """Put a re-sent form's content into the earlier 待补正 case (its id and date stay); the
    earlier forms' fingerprints are kept, so importing them again is not a new demand."""
    def decide(before):
        src = before.get("source") or {}
        earlier = [*src.get("earlier", []), src.get("digest")]
        new = {**case, "source": {**case["source"], "earlier": [d for d in dict.fromkeys(earlier) if d]}}

        def change(doc):
            for key in CONTENT:
                if new.get(key) not in (None, "", []):
                    canonical.put(doc, key, new[key], "case")
                else:
                    canonical.remove(doc, key)
            append(doc, event(case["registered"], "note", "登记表",
                              note=f"登记表补正（{case['source'].get('file', '')}）" + ("" if new.get("missing") else "，已补齐")))
        return change, cid

    return update_case(ledger, cid, decide)


def _ensure_enterprise(ledger, idx, enterprise, add_unknown, confirm_add, out) -> bool:
    code = enterprise["uscc"]
    if code in idx.enterprises:
        return True
    if add_unknown or (confirm_add is not None and confirm_add(enterprise)):
        ledger.create(Ledger.enterprise_rel(code), enterprise)
        idx.enterprises[code] = enterprise
        out.added_enterprise = True
        return True
    out.problems = [out.problem("", f"企业“{enterprise['name']}”（{code}）不在企业名录中：加 --add-unknown 自动建档"
                                    "（未纳入调度名单，筛查时将转属地），或先用 anshang roster import 导入名录")]
    return False


def register_manual(ledger: Ledger, settings, values: dict, registered: dt.date, channel: str,
                    add_unknown: bool = False, confirm_add=None) -> Outcome:
    """On-site registration or a demand from another channel, from options or prompts."""
    out = Outcome("现场登记" if channel == "reception_day" else "其他渠道", "rejected")
    problems: list = []
    code = usccmod.normalize(values.get("enterprise") or "")
    if code:
        p = usccmod.problem(code)
        if p:
            problems.append(out.problem("--enterprise", p))
    fields = []
    for f in values.get("fields") or []:
        if f in settings.fields:
            fields.append(f)
        else:
            problems.append(out.problem("--field", f"领域“{f}”不在设置的领域列表中{forms.closest(f, settings.fields)}"))
    with ledger.lock():
        idx = build_index(ledger, with_cases=False)
        units = []
        for u in values.get("units") or []:
            uid = forms.match_unit(u, idx.units)
            if uid is None:
                problems.append(out.problem("--unit", f"承办单位“{u}”不在 units.yaml 中"))
            else:
                units.append(uid)
        if problems:
            out.problems = problems
            return out
        contact = {k: v for k, v in (("name", values.get("contact")), ("phone", values.get("phone")),
                                     ("email", values.get("email"))) if v}
        case = {"registered": registered, "channel": channel,
                "source": {"kind": "onsite" if channel == "reception_day" else "channel"}}
        if values.get("visit"):  # raised during a leader's visit (走访)
            case["visit"] = values["visit"]
        if code:
            case["enterprise"] = code
            name = values.get("name") or idx.enterprises.get(code, {}).get("name", "")
            enterprise = {"uscc": code, "name": name, "district": values.get("district") or "",
                          "categories": forms.categories_of(values.get("categories") or ""),
                          "dispatch_years": [], "contacts": [contact] if contact else []}
            out.enterprise = name
            if code not in idx.enterprises:
                if not enterprise["name"] or not enterprise["district"]:
                    out.problems = [out.problem("--enterprise", f"企业 {code} 不在企业名录中：请加 --name 企业名称 "
                                                "--district 属地 --add-unknown 建档，或先用 anshang roster import 导入名录")]
                    return out
                district = forms.match_district(enterprise["district"], settings.districts)
                if district is None:
                    out.problems = [out.problem("--district", f"属地“{enterprise['district']}”不在设置的属地列表中"
                                                f"{forms.closest(enterprise['district'], settings.districts)}")]
                    return out
                enterprise["district"] = district
                if not _ensure_enterprise(ledger, idx, enterprise, add_unknown, confirm_add, out):
                    return out
        elif values.get("name"):
            case["enterprise_name"] = values["name"]
            out.enterprise = values["name"]
        if contact:
            case["contact"] = contact
        case.update({"fields": fields, "title": values.get("title") or "", "facts": values.get("facts") or "",
                     "reasons": values.get("reasons") or "", "request": values.get("request") or "",
                     "suggested_units": units})
        if channel == "reception_day" or values.get("declared"):  # what the enterprise said, for any channel
            declared = set(values.get("declared") or [])
            case["declared"] = {k: k in declared for k, *_ in forms.QUESTIONS}
        out.title = case["title"]
        out.case_id = create_case(ledger, {k: v for k, v in case.items() if v not in ("", None)})
        out.status = "registered"
        from anshang.core.common_problems import likely_duplicates

        others = loader.load(ledger, {"case"}).cases
        out.duplicates = likely_duplicates({**case, "id": out.case_id}, others.values())
    return out


def prefill(ledger: Ledger, values: dict, choose=None) -> None:
    """Before asking anything: an enterprise given by name is found in the roster (exactly, or
    by a unique part of its name; when several match, ``choose(options)`` picks one or they are
    listed), and its first roster contact fills a missing 联系人 and 联系电话."""
    ents = build_index(ledger, with_cases=False).enterprises
    name = (values.get("name") or "").strip()
    if not values.get("enterprise") and name:
        exact = [u for u, e in ents.items() if e.get("name") == name]
        part = exact or [u for u, e in ents.items() if name in str(e.get("name") or "")]
        if len(part) == 1:
            values["enterprise"], values["name"] = part[0], ents[part[0]].get("name")
        elif len(part) > 1:
            options = [(u, str(ents[u].get("name") or "")) for u in sorted(part, key=lambda u: ents[u].get("name") or "")]
            picked = choose(options) if choose is not None else None
            if picked is None:
                shown = "；".join(f"{n}（{u}）" for u, n in options[:8])
                raise AnshangError(f"名录中有 {len(part)} 家企业的名称含“{name}”：{shown}；请写全称，或用 --enterprise 代码指定")
            values["enterprise"], values["name"] = picked, ents[picked].get("name")
    code = usccmod.normalize(values.get("enterprise") or "")
    known = ents.get(code) or {}
    person = next((c for c in known.get("contacts") or [] if isinstance(c, dict)), {})
    if not values.get("contact") and person.get("name"):
        values["contact"] = person["name"]
        if not values.get("phone") and person.get("phone"):
            values["phone"] = str(person["phone"])


def registered_date(value) -> dt.date:
    try:
        return parse_date(value) if value else dt.date.today()
    except ValueError as e:
        raise AnshangError(f"--date：{e}") from None
