"""Enterprises' evaluations of departments (``evaluation import``): a workbook with one row per
score — the enterprise (code or name), the unit evaluated, the score (0–100) — read whole and
written as one file (evaluations/<年>/<编号>.yaml) only when every row reads. The same workbook is
never imported twice (its content fingerprint is kept)."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

from anshang.core import naming
from anshang.core.ids import new_case_id
from anshang.core.problems import AnshangError, Problem, ProblemsFound
from anshang.store import loader
from anshang.store.folder import EVALUATIONS_DIR, Ledger
from anshang.store.workbook import BookProblem, clean, find_header, label_key, open_workbook

COLUMNS = {"enterprise": ("评议企业", "企业名称", "企业", "统一社会信用代码", "评议单位"),
           "unit": ("被评议单位", "被评议部门", "被评部门", "部门", "单位"),
           "score": ("得分", "评分", "分数", "评议得分", "总分")}
_HEADER = {label_key(w): k for k, words in COLUMNS.items() for w in words}
NOT_IMPORTED = "评议结果未导入（一条也未写入）；请按上面所列修改后重新导入"
TOTALS = ("合计", "小计", "总计", "平均")


def read_scores(path: Path, units: dict, enterprises: dict) -> tuple[list, list]:
    """(scores, problems) of the workbook's sheets that have the header."""
    name = Path(path).name
    try:
        wb = open_workbook(path)
    except BookProblem as e:
        raise AnshangError(f"{name}: {e}") from None
    scores, problems, found = [], [], False
    for ws in wb.worksheets:
        header, cols = find_header(ws, _HEADER, lambda f: {"unit", "score"} <= f)
        if header is None:
            continue
        found = True
        for row in ws.iter_rows(min_row=header + 1):
            vals = {cols[c.column]: (c.value, f"{ws.title}!{c.coordinate}") for c in row if c.column in cols}
            if not any(clean(v) for v, _ in vals.values()):
                continue

            def bad(key, msg):
                problems.append(Problem(name, 0, "evaluation", "error", msg, vals.get(key, (None, f"{ws.title}!A{row[0].row}"))[1]))

            unit_text, raw = clean(vals.get("unit", (None, ""))[0]), vals.get("score", (None, ""))[0]
            if not unit_text and (raw is None or any(w in clean(c.value) for c in row for w in TOTALS)):
                continue  # a total or average row (合计、平均), or a note under the table
            try:
                uid = naming.unit(unit_text, units)
            except AnshangError as e:
                bad("unit", e.message.replace("承办单位", "被评议单位", 1))
                continue
            if isinstance(raw, str) and clean(raw).replace(".", "", 1).isdigit():
                raw = float(clean(raw))
            if not isinstance(raw, (int, float)) or isinstance(raw, bool) or not 0 <= raw <= 100 or raw != int(raw):
                bad("score", f"得分“{clean(raw)}”应为 0–100 的整数")
                continue
            ent = clean(vals.get("enterprise", (None, ""))[0])
            code = None
            if ent:
                try:
                    code = naming.enterprise(ent, enterprises)
                except AnshangError:
                    code = None  # an enterprise not in the roster: its name is kept as written
            scores.append({k: v for k, v in {"unit": uid, "score": int(raw), "enterprise": code or ent}.items() if v not in (None, "")})
    if not found:
        raise AnshangError(f"{name}: 找不到表头：需要“被评议单位”（或被评议部门）和“得分”（或评分）两列，可另有“评议企业”一列")
    return scores, problems


def import_evaluation(ledger: Ledger, path: Path, title: str | None, day: dt.date, campaign: str | None) -> dict:
    """Import one evaluation; returns its data (refused, nothing written, on any bad row)."""
    world = loader.load(ledger, {"units", "enterprise", "evaluation", "campaign"})
    if campaign is not None and campaign not in world.campaigns:
        raise AnshangError(f"没有专项活动 {campaign!r}（已有：{'、'.join(sorted(world.campaigns)) or '无'}）")
    scores, problems = read_scores(path, world.units, world.enterprises)  # (a missing or hostile file stops here)
    digest = hashlib.sha256(Path(path).read_bytes()).hexdigest()[:16]
    if problems:
        raise ProblemsFound("评议表中有读不懂的行：", problems, NOT_IMPORTED)
    if not scores:
        raise AnshangError(f"{Path(path).name}: 表头下没有评分")
    with ledger.lock():
        for e in loader.load(ledger, {"evaluation"}).evaluations.values():
            if (e.get("source") or {}).get("digest") == digest:
                raise AnshangError(f"{Path(path).name} 已导入过（{e['id']}，{e.get('title', '')}），不重复导入")
        taken = {r.rsplit("/", 1)[1][2:-5] for r in ledger.evaluation_files()}
        eid = "pj" + new_case_id(day, taken)
        body = {"id": eid, "title": (title or Path(path).stem).strip(), "date": day, "campaign": campaign,
                "source": {"file": Path(path).name, "digest": digest}, "scores": scores}
        ledger.create(f"{EVALUATIONS_DIR}/{day.year}/{eid}.yaml", {k: v for k, v in body.items() if v not in (None, "", [])})
    return body
