"""Enterprises' evaluations of departments (企业评议机关, seed 002): each unit's average score in a
span, and the weighted score of the unit ranking (按时报送率、办结率、满意率、企业评议得分, with the
weights of the settings). Pure."""

from __future__ import annotations

import datetime as dt

from anshang.core.dates import maybe_date

WEIGHTS = ("on_time_rate", "closure_rate", "satisfaction_rate", "evaluation_rate")


def unit_scores(evaluations: dict, start: dt.date, end: dt.date, campaign: str | None = None) -> dict:
    """unit -> {count, score}: how many scores the unit received in evaluations dated in the span
    (or of one campaign), and their average to one decimal."""
    sums: dict = {}
    for ev in evaluations.values():
        day = maybe_date(ev.get("date"))
        if campaign is not None:
            if ev.get("campaign") != campaign:
                continue
        elif day is None or not start <= day <= end:
            continue
        for s in ev.get("scores") or []:
            if isinstance(s, dict) and s.get("unit") and isinstance(s.get("score"), (int, float)):
                total, n = sums.get(s["unit"], (0, 0))
                sums[s["unit"]] = (total + s["score"], n + 1)
    return {u: {"count": n, "score": round(total / n, 1)} for u, (total, n) in sorted(sums.items())}


def weights(policy) -> dict:
    return {"on_time_rate": getattr(policy, "weight_on_time", 30), "closure_rate": getattr(policy, "weight_closure", 30),
            "satisfaction_rate": getattr(policy, "weight_satisfaction", 20),
            "evaluation_rate": getattr(policy, "weight_evaluation", 20)}


def composite(row: dict, w: dict) -> float | None:
    """The weighted score (0–100) of a unit's rates (each 0–1; the evaluation score / 100). A rate
    with no base (nothing due, no revisit, no evaluation) is left out and the other weights count in
    its place (their sum scaled to 100); None when the unit has none of them."""
    have = {k: row.get(k) for k in WEIGHTS if row.get(k) is not None and w.get(k, 0) > 0}
    total = sum(w[k] for k in have)
    if not have or not total:
        return None
    return round(sum(have[k] * w[k] for k in have) / total * 100, 1)
