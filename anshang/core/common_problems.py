"""Common problems (共性问题): demands from different enterprises in the same field that say much
the same, found by title similarity — candidates for thematic research (专题调研). Pure."""

from __future__ import annotations

import re


def _grams(text: str) -> set:
    t = re.sub(r"[\s，。、；：,.;:（）()“”\"'！？!?0-9]+", "", text)
    return {t[i:i + 2] for i in range(len(t) - 1)}


TITLE_SIMILAR = 0.12  # character-bigram overlap (Jaccard) of two titles
SAME_DEMAND = 0.5  # overlap above which one enterprise's two titles are likely the same demand


def similarity(a: str, b: str) -> float:
    """Character-bigram overlap (Jaccard) of two titles, 0 to 1."""
    ga, gb = _grams(a), _grams(b)
    return len(ga & gb) / len(ga | gb) if ga and gb else float(a.strip() == b.strip() and bool(a.strip()))


def likely_duplicates(case: dict, cases, days: int = 30) -> list[str]:
    """Earlier demands of the same enterprise with a similar title within ``days`` days: the
    same hotline call registered twice, say."""
    from anshang.core.dates import parse_date

    mine = case.get("enterprise") or case.get("enterprise_name")
    day = parse_date(case["registered"])
    found = []
    for c in cases:
        if c.get("id") == case.get("id") or not mine or (c.get("enterprise") or c.get("enterprise_name")) != mine:
            continue
        if abs((parse_date(c["registered"]) - day).days) > days:
            continue
        if similarity(c.get("title") or "", case.get("title") or "") >= SAME_DEMAND:
            found.append(c["id"])
    return sorted(found)
COMMON_BIGRAM = 0.05  # bigrams in more than this share of a field's demands say nothing


def common_problems(cases: dict) -> list[list[dict]]:
    """Groups of similar demands from different enterprises in the same field (共性问题),
    candidates for thematic research: identical titles, or titles whose character bigrams
    overlap enough, joined transitively. Excluded demands are left out.

    Only pairs that share at least two informative bigrams are compared (an inverted index),
    so the cost grows with the number of similar pairs, not with the square of the ledger."""
    items = [c for c in cases.values() if (c.get("screening") or {}).get("decision") != "excluded"]
    titles = {c["id"]: _grams(c.get("title", "")) for c in items}
    parent = {c["id"]: c["id"] for c in items}

    def root(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def join(a, b):
        if a.get("enterprise") and a.get("enterprise") == b.get("enterprise"):
            return
        parent[root(a["id"])] = root(b["id"])

    by_field: dict[str, list[dict]] = {}
    for c in items:
        for f in c.get("fields") or []:
            by_field.setdefault(f, []).append(c)
    for group in by_field.values():
        same: dict[str, dict] = {}
        index: dict[str, list[int]] = {}
        for i, c in enumerate(group):
            key = re.sub(r"\s+", "", str(c.get("title", "")))
            if key in same:
                join(c, same[key])  # identical titles
            else:
                same[key] = c
            for g in titles[c["id"]]:
                index.setdefault(g, []).append(i)
        limit = max(50, int(len(group) * COMMON_BIGRAM))
        shared: dict[tuple, int] = {}
        for members in index.values():
            if len(members) > limit:
                continue
            for x in range(len(members)):
                for y in range(x + 1, len(members)):
                    pair = (members[x], members[y])
                    shared[pair] = shared.get(pair, 0) + 1
        for (i, j), n in shared.items():
            if n < 2:
                continue
            a, b = group[i], group[j]
            ga, gb = titles[a["id"]], titles[b["id"]]
            if n / len(ga | gb) >= TITLE_SIMILAR:
                join(a, b)
    groups: dict[str, list[dict]] = {}
    for c in items:
        groups.setdefault(root(c["id"]), []).append(c)
    found = [sorted(g, key=lambda c: c["id"]) for g in groups.values()
             if len({c.get("enterprise") or c["id"] for c in g}) >= 2]
    return sorted(found, key=lambda g: g[0]["id"])
