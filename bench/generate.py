"""Generate a large valid ledger for benchmarks: ``python -m bench.generate --cases N
--enterprises M OUT``.

Ten years of sessions (2017–2026, plus the planned ones), every stage and channel, long
Chinese texts built from the sample city's content. Settings, leaders and units are the
sample's. Files are written in ``fmt`` layout, as anshang writes them (``canonical.fast_text``).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import shutil
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tools"))

TODAY = dt.date(2026, 11, 21)
FIRST_YEAR = 2017


def q(v) -> str:
    """A YAML scalar: strings double-quoted (JSON strings are valid YAML), dates plain."""
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (int, float)):
        return str(v)
    if isinstance(v, dt.date):
        return v.isoformat()
    return json.dumps(str(v), ensure_ascii=False)


def emit(data, indent: int = 0) -> list[str]:
    pad = " " * indent
    lines = []
    for k, v in data.items():
        if isinstance(v, dict):
            lines.append(f"{pad}{k}:")
            lines += emit(v, indent + 2)
        elif isinstance(v, list):
            if not v:
                lines.append(f"{pad}{k}: []")
                continue
            lines.append(f"{pad}{k}:")
            for item in v:
                if isinstance(item, dict):
                    sub = emit(item, indent + 4)
                    lines.append(f"{pad}  - {sub[0].lstrip()}")
                    lines += sub[1:]
                else:
                    lines.append(f"{pad}  - {q(item)}")
        else:
            lines.append(f"{pad}{k}: {q(v)}")
    return lines


_ROOT: list = []  # the ledger being generated


def write(path: Path, data: dict) -> None:
    from anshang.store import canonical
    from anshang.store.folder import kind_of
    from anshang.store.yamlfile import loads

    path.parent.mkdir(parents=True, exist_ok=True)
    text = "\n".join(emit(data)) + "\n"
    kind = kind_of(path.relative_to(_ROOT[0]).as_posix()) if _ROOT else ""
    if kind:
        text = canonical.fast_text(loads(text, marks=True), kind, text) or canonical.format_text(text, kind)
    path.write_text(text, encoding="utf-8")


def generate(out: Path, cases: int, enterprises: int, seed: int = 2026) -> None:
    import sample_content as S

    _ROOT[:] = [out]
    from anshang.core import uscc
    from anshang.core.calendar import Calendar, package_arrangements
    from anshang.core.deadlines import Rule
    from anshang.core.ids import ALPHABET

    rng = random.Random(seed)
    cal = Calendar(package_arrangements(), allow_provisional=True)
    PROGRESS, RESULT, PERIODIC = Rule("workdays", 7), Rule("days", 30), Rule("every_days", 10)  # noqa: N806
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    for name in ("anshang.yaml", "leaders.yaml", "units.yaml", ".gitignore"):
        shutil.copy(REPO / "data" / name, out / name)
    for sub in ("enterprises", "sessions", "cases", "calendar"):
        (out / sub).mkdir(exist_ok=True)

    regions = ["150302", "150303", "150304", "150371", "150321"]
    districts = list(S.DISTRICTS)
    units_by_district = {u["district"]: u["id"] for u in S.UNITS if u["district"]}
    ents = []
    codes = set()
    for i in range(enterprises):
        base = S.ENTERPRISES[i % len(S.ENTERPRISES)]
        k = rng.randrange(len(districts))
        while True:
            code = uscc.complete("91" + regions[k] + "MA" + "".join(rng.choice("0123456789ABCDEFGH") for _ in range(7)))
            if code not in codes:
                codes.add(code)
                break
        key = rng.random() < 0.85
        k2 = i // len(S.ENTERPRISES)
        name = base["name"] if k2 == 0 else f"{base['name']}第{k2}分公司"
        e = {"uscc": code, "name": name, "district": districts[k],
             "categories": rng.sample(["above_scale", "listing_reserve", "high_tech"], rng.randint(1, 2)) if key else [],
             "dispatch_years": list(range(FIRST_YEAR, 2027)) if key else [],
             "industry": base["industry"], "legal_rep": base["legal_rep"],
             "contacts": [{"name": base["contact_name"], "role": "联系人", "phone": base["contact_phone"]}]}
        ents.append(e)
        write(out / "enterprises" / f"{code}.yaml", e)
    key_ents = [e for e in ents if e["dispatch_years"]]
    other_ents = [e for e in ents if not e["dispatch_years"]] or ents

    leaders = [x["id"] for x in S.LEADERS]
    sessions = []
    n = 0
    for year in range(FIRST_YEAR, 2027):
        for month in (3, 6, 9, 11):
            day = cal.next_workday(dt.date(year, month, 15))
            leader = leaders[n % len(leaders)]
            n += 1
            sessions.append({"id": day.isoformat(), "date": day, "leader": leader,
                             "fields": list(S.FIELDS), "form": "symposium",
                             "notice_date": cal.add_workdays(day, -15).due,
                             "registration_from": cal.add_workdays(day, -15).due,
                             "registration_to": cal.add_workdays(day, -3).due,
                             "capacity": 10_000, "status": "held" if day < TODAY else "planned"})
    future = cal.next_workday(dt.date(2026, 12, 10))
    sessions.append({"id": future.isoformat(), "date": future, "leader": "mayor", "fields": list(S.FIELDS),
                     "notice_date": cal.add_workdays(future, -15).due, "capacity": 10_000, "status": "planned"})
    for s in sessions:
        write(out / "sessions" / str(s["date"].year) / f"{s['id']}.yaml", s)
    held = [s for s in sessions if s["date"] < TODAY - dt.timedelta(days=60)]
    recent = [s for s in sessions if TODAY - dt.timedelta(days=60) <= s["date"] < TODAY]

    stages = (["registered"] * 5 + ["excluded"] * 10 + ["referred"] * 5 + ["accepted"] * 5 + ["scheduled"] * 5
              + ["solved"] * 6 + ["explained"] * 4 + ["handover"] * 20 + ["longterm"] * 10 + ["closed"] * 30)
    channels = ["reception_day"] * 17 + ["hotline", "open_day", "complaint_centre"]
    taken = set()
    for i in range(cases):
        c0 = S.CASES[i % len(S.CASES)]
        stage = rng.choice(stages)
        channel = rng.choice(channels)
        facts = "".join(rng.choice(S.CASES)["facts"] for _ in range(rng.randint(2, 4)))
        sess = None
        if stage == "scheduled":
            sess = sessions[-1]
        elif stage in ("solved", "explained", "handover", "longterm", "closed"):
            sess = rng.choice(recent if stage == "handover" and rng.random() < 0.5 else held)
        if sess is not None:
            registered = cal.add_workdays(sess["date"], -rng.randint(4, 12)).due
            if registered >= TODAY:
                registered = cal.add_workdays(TODAY, -1).due
        else:
            registered = cal.next_workday(dt.date(rng.randint(FIRST_YEAR, 2026), rng.randint(1, 12), rng.randint(1, 28)))
            if registered >= TODAY:
                registered = cal.add_workdays(TODAY, -3).due
        if channel != "reception_day":
            sess = None
        ent = rng.choice(other_ents if stage == "referred" else key_ents)
        while True:
            cid = f"{registered:%y%m%d}-" + "".join(rng.choice(ALPHABET) for _ in range(5))
            if cid not in taken:
                taken.add(cid)
                break
        units = list(c0["units"])
        case = {"id": cid, "registered": registered, "channel": channel,
                "source": {"kind": "form" if channel == "reception_day" else "channel"},
                "enterprise": ent["uscc"], "contact": {"name": ent["contacts"][0]["name"], "phone": ent["contacts"][0]["phone"]},
                "fields": c0["fields"], "title": c0["title"], "facts": facts, "reasons": c0["reasons"] or "详见事实部分所述情况。",
                "request": c0["request"], "suggested_units": units}
        screen_day = cal.add_workdays(registered, 1).due
        if stage == "excluded":
            case["screening"] = {"decision": "excluded", "date": screen_day, "clauses": ["§三(二)3"],
                                 "reason": "已通过信访渠道反映", "by": "营商办"}
        elif stage == "referred":
            if channel == "reception_day":
                case["screening"] = {"decision": "referred", "date": screen_day, "clauses": ["§二(三)"],
                                     "refer_to": units_by_district[ent["district"]], "reason": "企业未纳入调度名单", "by": "营商办"}
        elif stage != "registered":
            case["screening"] = {"decision": "accepted", "date": screen_day, "clauses": ["§二(三)", "§三(一)2"],
                                 "type": 2, "reason": "涉及多个部门", "by": "营商办"}
        if sess is not None and "screening" in case and case["screening"]["decision"] == "accepted":
            case["session"] = sess["id"]
            case["matching"] = {"status": "scheduled", "date": screen_day, "reason": "领域相符"}
        received = stage in ("solved", "explained", "handover", "longterm", "closed") and "screening" in case \
            and case["screening"]["decision"] == "accepted"
        if received:
            day = sess["date"] if sess is not None else cal.add_workdays(registered, 3).due
            if day >= TODAY:
                day = cal.add_workdays(TODAY, -1).due
            if stage in ("solved", "explained"):
                case["outcome"] = {"kind": stage, "date": day, "note": "现场答复。"}
            else:
                case["outcome"] = {"kind": "handover", "date": day, "lead_unit": units[0], "co_units": units[1:],
                                   "instruction": "请牵头单位研究解决，按时报送。"}
                case["deadlines"] = {"progress": PROGRESS.record(cal, day), "result": RESULT.record(cal, day)}
                prog = cal.add_workdays(day, 7)
                events = []
                if prog.due < TODAY or rng.random() < 0.5:
                    p = cal.add_workdays(day, rng.randint(2, 9)).due
                    if p < TODAY:
                        events.append({"date": p, "kind": "progress", "unit": units[0], "note": "已研究部署。"})
                if stage == "longterm":
                    start = cal.add_workdays(day, 10).due
                    if start < TODAY:
                        events.append({"date": start, "kind": "longterm", "by": "营商办", "note": "需长期整改。"})
                        last = start
                        for _ in range(rng.randint(1, 6)):
                            nxt = cal.add_days(last, 10).due
                            if nxt >= TODAY:
                                break
                            events.append({"date": nxt, "kind": "periodic", "unit": units[0], "note": "按计划推进。"})
                            last = nxt
                        case["deadlines"]["periodic"] = PERIODIC.record(cal, last)
                if stage == "closed":
                    done = cal.add_workdays(day, rng.randint(10, 25)).due
                    if done + dt.timedelta(days=20) < TODAY:
                        events += [{"date": done, "kind": "result", "unit": units[0], "note": "已办结。"},
                                   {"date": cal.add_workdays(done, 2).due, "kind": "reply", "by": "营商办"},
                                   {"date": cal.add_workdays(done, 5).due, "kind": "revisit", "by": "营商办",
                                    "satisfaction": rng.choice(["满意", "满意", "基本满意"])},
                                   {"date": cal.add_workdays(done, 6).due, "kind": "close", "by": "营商办"}]
                if events:
                    events.sort(key=lambda e: e["date"])
                    case["events"] = events
        write(out / "cases" / str(registered.year) / f"{cid}.yaml", case)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.generate", description="生成用于性能测量的大台账")
    ap.add_argument("out", type=Path, help="输出目录（会被清空重建）")
    ap.add_argument("--cases", type=int, default=20_000)
    ap.add_argument("--enterprises", type=int, default=20_000)
    ap.add_argument("--seed", type=int, default=2026)
    args = ap.parse_args(argv)
    generate(args.out, args.cases, args.enterprises, args.seed)
    print(f"已生成 {args.cases} 件诉求、{args.enterprises} 家企业：{args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
