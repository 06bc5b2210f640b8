"""Public feedback (公开反馈) for the government portal: the progress of accepted demands, as a
workbook and a Markdown page, with no personal contact data in any written form."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

from anshang.core import lifecycle
from anshang.core.dates import cn_date, parse_date
from anshang.core.labels import STATUS, label
from anshang.core.obligations import packed, unpacked
from anshang.documents import markdown as md_table
from anshang.documents.names import enterprise_name, unit_name, unit_names
from anshang.documents.sheets import Col, Table, book_bytes

COLS = [Col("序号", "int"), Col("企业名称", most=30), Col("诉求事项", most=40), Col("承办单位", most=36),
        Col("办理状态", most=14), Col("登记日期", "date"), Col("交办日期", "date"), Col("办结日期", "date")]
HEADERS = [c.header for c in COLS]
PUBLIC_KINDS = frozenset({"case", "enterprise", "units"})  # what the table reads
MASKS = {"phone": "（电话已隐去）", "email": "（邮箱已隐去）", "id": "（身份证号已隐去）",
         "qq": "（QQ号已隐去）", "wechat": "（微信号已隐去）", "name": "（姓名已隐去）"}

# --- personal data in published text ------------------------------------------------------------
# Detection runs on a "folded" copy of the text with exactly one character per original character
# (full-width forms, other scripts' digits, Chinese numerals and dashes mapped to ASCII), so a
# match found in the copy is masked at the same place in the original.

_FOLD = {chr(c): chr(c - 0xFEE0) for c in range(0xFF01, 0xFF5F)}
_FOLD.update({ch: " " for ch in "\u00a0\u2002\u2003\u2009\u200a\u202f\u205f\u3000"})
_FOLD.update({ch: "-" for ch in "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63"})
_FOLD.update({ch: "(" for ch in "【〔〖"} | {ch: ")" for ch in "】〕〗"})
_CN_DIGIT = {ch: str(i) for i, ch in enumerate("〇一二三四五六七八九")} | {"零": "0", "幺": "1"}
_CN_NUMBER = re.compile(f"[{''.join(_CN_DIGIT)}]{{4,}}")  # 一三八零…: four or more in a row, not 张三

# A written number: digits split by at most three spaces, dots, dashes or brackets, an optional
# leading + (country code) and a trailing X (resident ID check character).
_RUN = re.compile(r"\+?\d(?:[ \t.\-()]{0,3}\d)*(?:[ \t\-]?[Xx](?![A-Za-z]))?")
_PART = re.compile(r"\d+|[Xx]")
_EXTENSION = re.compile(r"\s*(?:-|转|分机|ext\.?|x)\s*\d{1,5}(?![\d年月日])", re.IGNORECASE)
_MOBILE = re.compile(r"0?1[3-9]\d{9}|[48]00\d{7}")  # mobiles (0 = long-distance prefix), 400/800
_AREA = re.compile(r"0(?:10|2\d|[3-9]\d\d)")  # area codes: 010, 02x, 0xxx
_ID = re.compile(r"[1-9]\d{5}(?:18|19|20)\d\d(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx]"
                 r"|[1-9]\d{7}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}")  # 18 and old 15 digits
_GAP = r"(?:号码|号|账号|id)?\s*(?:是|为)?\s*:?\s*"  # between a keyword and its value
_PHONE_KEY = re.compile(r"(?:电话|電話|手机|手機|座机|联系方式|(?<![a-z])(?:tel|phone|mobile|fax)(?![a-z])|传真)"
                        + _GAP, re.IGNORECASE)
_QQ = re.compile(r"(?:(?<![a-z])qq(?![a-z])|扣扣|企鹅号)(?:群)?" + _GAP + r"(?=\d)", re.IGNORECASE)
_WECHAT = re.compile(r"(?:微信|薇信|威信|v信|(?<![a-z])(?:wechat|weixin|wx|vx|[加+]v)(?![a-z]))"
                     + _GAP + r"[a-z0-9][-_a-z0-9]{4,39}", re.IGNORECASE)
_CJK = "\u4e00-\u70b8\u70ba-\u9fff"  # CJK ideographs except 点, which also stands for a dot
_AT = r"(?:\s*@\s*|\s*[(\[{<]\s*(?:at|a|艾特)\s*[)\]}>]\s*|\s+at\s+|\s*艾特\s*)"
_DOT = r"(?:\s*[.。]\s*|\s*[(\[{<]\s*dot\s*[)\]}>]\s*|\s+dot\s+|点)"
_LABEL = rf"(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?|[{_CJK}]+)"
_TLD = r"(?:[a-z]{2,24}|中文网|中国|中國|公司|网络|網絡|政务|公益|在线|网址|商城|集团|企业|信息|移动|购物|香港|台湾|澳门)"
# The local part starts where a run of its characters starts (linear time), or is up to four ideographs.
_LOCAL = rf"(?:(?<![a-z0-9._%+\-])[a-z0-9._%+\-]+|[{_CJK}]{{1,4}})"
_EMAIL = re.compile(rf"{_LOCAL}{_AT}{_LABEL}(?:{_DOT}{_LABEL})*{_DOT}{_TLD}(?![a-z0-9])", re.IGNORECASE)


_FOLD_TABLE = str.maketrans(_FOLD)
_OTHER_DIGIT = re.compile(r"(?![0-9])\d")  # decimal digits of other scripts (٣, ३, 𝟑…)


def _fold(text: str) -> str:
    """Same-length copy of ``text`` for matching (see above)."""
    text = text.translate(_FOLD_TABLE)
    if not text.isascii():
        text = _OTHER_DIGIT.sub(lambda m: str(unicodedata.decimal(m.group())), text)
        text = _CN_NUMBER.sub(lambda m: "".join(_CN_DIGIT[ch] for ch in m.group()), text)
    return text


_NOT_DIGIT = re.compile(r"\D")


def _digits(value) -> str:
    return _NOT_DIGIT.sub("", _fold(str(value or "")))


def _number_kind(parts: list[str], plus: bool, known: set[str]) -> str | None:
    """What the written number made of ``parts`` (digit groups, maybe a final X) is, if personal."""
    digits = "".join(parts)
    if _ID.fullmatch(digits):
        return "id"
    if len(digits) >= 7 and any(k.endswith(digits) for k in known):
        return "phone"
    parts = _national(parts, plus)
    digits = "".join(parts)
    return "phone" if _MOBILE.fullmatch(digits) or _is_landline(parts, digits) else None


def _national(parts: list[str], plus: bool) -> list[str]:
    """``parts`` without a +86/0086 country code, and with the trunk 0 put back after one."""
    digits = "".join(parts)
    cut = 4 if digits.startswith("0086") else 2 if plus and digits.startswith("86") else 0
    if not cut:
        return parts
    out = []
    for part in parts:
        out += [part[cut:]] if part[cut:] else []
        cut = max(0, cut - len(part))
    return ["0" + out[0], *out[1:]] if out and not out[0].startswith("0") else out


def _is_landline(parts: list[str], digits: str) -> bool:
    """Area code and a 7- or 8-digit number; if written in groups, the first group is the area code
    (so that date ranges such as 2026.03.05-2026.04.30 are not taken for phone numbers)."""
    area = _AREA.match(digits)
    if not area or len(digits) - area.end() not in ((8,) if len(area.group()) == 3 else (7, 8)):
        return False
    return len(parts) == 1 or parts[0] == area.group()


def _number_spans(f: str, known: set[str]):
    """Phone and resident ID numbers among the written numbers of folded text ``f``: each run of
    digit groups is read from the left, taking the longest personal number at each group."""
    for run in _RUN.finditer(f):
        parts = [(run.start() + m.start(), run.start() + m.end(), m.group()) for m in _PART.finditer(run.group())]
        i = 0
        while i < len(parts):
            found = _longest_personal(parts, i, run.group().startswith("+"), known)
            if not found:
                i += 1
                continue
            last, kind = found
            start, end = run.start() if i == 0 else parts[i][0], parts[last][1]
            if kind == "phone" and _AMOUNT.match(f, end):  # 13500000000元 is an amount, not a phone
                i = last + 1
                continue
            ext = _EXTENSION.match(f, end) if kind == "phone" else None
            yield _with_bracket(f, start, ext.end() if ext else end), kind
            i = last + 1


def _longest_personal(parts, i: int, plus: bool, known: set[str]):
    """(last group, kind) of the longest personal number starting at group ``i``, or None."""
    ends, size = [], 0
    for j in range(i, len(parts)):
        size += len(parts[j][2])
        if size > 18:
            break
        ends.append(j)
    for j in reversed(ends):
        kind = _number_kind([p[2] for p in parts[i:j + 1]], plus and i == 0, known)
        if kind:
            return j, kind
    return None


_AMOUNT = re.compile(r"\s*(?:元|万|亿|千|百|吨|亩|平方|米|公里|公斤|千克|%|％|个|人|户|家|台|套|件|股)")


def _with_bracket(f: str, start: int, end: int) -> tuple[int, int]:
    """Take in the "(" before a span that closes it, as in (0479)8991510."""
    if ")" in f[start:end] and "(" not in f[start:f.index(")", start)] and f[:start].rstrip().endswith("("):
        start = f[:start].rstrip().rindex("(")
    return start, end


# every keyword of the three patterns below, without their look-arounds: text with none of them is skipped
_ANY_KEY = re.compile(r"电话|電話|手机|手機|座机|联系方式|tel|phone|mobile|fax|传真|qq|扣扣|企鹅号|微信|薇信|威信|v信"
                      r"|wechat|weixin|wx|vx|[加+]v", re.IGNORECASE)
# what every e-mail address has between its local part and domain (_AT): text with none of it is skipped
_ANY_AT = re.compile(r"@|艾特|at|[(\[{<]\s*a\s*[)\]}>]", re.IGNORECASE)


def _keyword_spans(f: str):
    """Numbers and ids written after a keyword: 电话/手机 (7+ digits), QQ (5+), 微信/wx (any id)."""
    if not _ANY_KEY.search(f):
        return
    for m in _PHONE_KEY.finditer(f):
        run = _RUN.match(f, m.end())
        if run and len(_digits(run.group())) >= 7:
            yield _with_bracket(f, run.start(), run.end()), "phone"
    for m in _QQ.finditer(f):
        run = _RUN.match(f, m.end())
        if run and len(_digits(run.group())) >= 5:
            yield (m.start(), run.end()), "qq"
    for m in _WECHAT.finditer(f):
        yield m.span(), "wechat"


def _name_spans(f: str, names):
    """The given people's names, also with spaces between the characters."""
    for name in {_fold(str(n)).strip().replace(" ", "") for n in names or () if n}:
        if len(name) >= 2 and all(ch in f for ch in name):  # (most texts name nobody: no pattern to build)
            for m in re.finditer(r"\s*".join(map(re.escape, name)), f):
                yield m.span(), "name"


def _spans(f: str, names, numbers) -> list[tuple[int, int, str]]:
    """Non-overlapping (start, end, kind) to mask in folded text ``f``; overlapping finds are joined."""
    known = {d for d in map(_digits, numbers or ()) if len(d) >= 7}
    found = [(m.span(), "email") for m in _EMAIL.finditer(f)] if _ANY_AT.search(f) else []
    found += [*_keyword_spans(f), *_number_spans(f, known), *_name_spans(f, names)]
    merged: list[list] = []
    for (start, end), kind in sorted(found, key=lambda x: (x[0][0], x[0][0] - x[0][1])):
        if merged and start < merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end, kind])
    return [tuple(m) for m in merged]


def public_text(text: str, names=(), numbers=()) -> str:
    """Outside text for the government portal with personal data masked: phone numbers (mobile,
    landline, 400/800, with any spacing, prefix or full-width digits), e-mail addresses (also
    written with ＠, (at) or Chinese domains), resident ID numbers, QQ numbers and WeChat ids after
    their keyword, the given people's ``names``, and the given phone ``numbers`` however written.
    Amounts, years, areas and credit codes stay."""
    text = str(text or "")
    out, pos = [], 0
    for start, end, kind in _spans(_fold(text), names, numbers):
        out += [text[pos:start], MASKS[kind]]
        pos = end
    return "".join(out + [text[pos:]])


def personal(case: dict, enterprises: dict) -> dict:
    """The case's own people for ``public_text``: names of its contact and of the enterprise's
    legal representative and contacts, and their phone numbers."""
    ent = enterprises.get(case.get("enterprise")) or {}
    people = [case.get("contact") or {}, *(p for p in ent.get("contacts") or [] if isinstance(p, dict))]
    return {"names": [p.get("name") for p in people] + [ent.get("legal_rep")],
            "numbers": [p.get("phone") for p in people]}


def public_facts(kind: str, items: dict):
    """What the progress table needs of one demand, free of any day and as plain data (the read
    index keeps it, ``loader.items_as_of``): None when it is not accepted; else its enterprise,
    title and contact (for ``personal``), its units, dates, and under each co-unit rule in
    ``items`` (the demand under each) its stage before lateness, its open parts (packed) and
    whether any of its deadlines is provisional."""
    c = next(iter(items.values()))
    if (c.get("screening") or {}).get("decision") != "accepted":
        return None
    out = c.get("outcome") or {}
    contact = c.get("contact") if isinstance(c.get("contact"), dict) else {}
    per = {}
    for mode, item in items.items():
        obs = lifecycle.obligations(item, mode)
        per[mode] = (lifecycle.status(item, dt.date.min, obs), packed([o for o in obs if o.met is None]),
                     any(o.provisional for o in obs))
    handed = out.get("date") if out.get("kind") == "handover" else None
    closed = lifecycle.closed_on(c)
    return (c.get("enterprise"), c.get("enterprise_name"), c.get("title", ""),
            (contact.get("name"), contact.get("phone")) if c.get("contact") else None,
            out.get("lead_unit"), list(out.get("co_units") or []), parse_date(c["registered"]).isoformat(),
            parse_date(handed).isoformat() if handed else None, closed.isoformat() if closed else None, per)


def people(data: dict) -> dict:
    """What ``personal`` reads of an enterprise: its name, legal representative and contacts."""
    return {"name": data.get("name"), "legal_rep": data.get("legal_rep"),
            "contacts": [{"name": p.get("name"), "phone": p.get("phone")} for p in data.get("contacts") or []
                         if isinstance(p, dict)]}


def public_rows(w, today: dt.date, co_reports: str = "lead") -> list[list]:
    """The portal's progress table from a snapshot of ``today``: accepted demands only, and no personal data."""
    return rows_of({cid: public_facts("case", {co_reports: w.cases[cid]}) for cid in w.cases}, w.enterprises,
                   w.units, today, co_reports)


def rows_of(facts: dict, enterprises: dict, units: dict, today: dt.date, co_reports: str, memo=None) -> list[list]:
    """The table's rows from each demand's ``public_facts`` (by id) and the enterprises (``people``);
    ``memo`` (``store.cache.Memo``) may keep ``public_text``'s answers between runs."""
    def masked(text, names=(), numbers=()):
        return memo(public_text, text, names, numbers) if memo is not None else public_text(text, names, numbers)

    rows = []
    for cid in sorted(facts):
        f = facts[cid]
        if f is None:
            continue
        code, own_name, title, contact, lead, co, registered, handed, closed, per = f
        base, open_parts, provisional = per[co_reports]
        st = lifecycle.later_status(base, unpacked(cid, open_parts), today)
        shown = label(STATUS, st) + ("（暂定）" if st == "overdue" and provisional else "")
        c = {"enterprise": code, "enterprise_name": own_name}
        if contact is not None:
            c["contact"] = {"name": contact[0], "phone": contact[1]}
        them = personal(c, enterprises)
        # an enterprise's registered name is public even when it contains a person's name
        rows.append([len(rows) + 1, masked(enterprise_name(c, enterprises), numbers=them["numbers"]),
                     masked(title, **them), _units(units, {"lead_unit": lead, "co_units": co}), shown,
                     parse_date(registered), parse_date(handed) if handed else None,
                     parse_date(closed) if closed else None])
    return rows


def _rules() -> str | None:
    """A fingerprint of the masking rules: this module's code (None when it cannot be read: nothing is kept)."""
    import hashlib
    from pathlib import Path

    try:
        return "mask|" + hashlib.blake2b(Path(__file__).read_bytes(), digest_size=16).hexdigest()
    except OSError:
        return None


RULES = _rules()  # (the code this process runs: worked out when it is loaded, not when a run ends)


INDEX = "public-1"  # the read index of ``public_facts`` (a new name when they change)
PEOPLE = "people-1"  # the read index of the enterprises' ``people``


def _from_index(ledger, cal, today: dt.date, co_reports: str):
    """(the units, the enterprises' ``people``, each demand's ``public_facts`` on ``today``) from the
    read indexes; None when they cannot answer (a file with a problem)."""
    from anshang.store import loader

    found = loader.indexed_as_of(ledger, INDEX, cal, today, co_reports, public_facts, {"units"}, {"case"})
    if found is None:
        return None
    enterprises = loader.indexed_values(ledger, PEOPLE, "enterprise", "uscc", people)
    if enterprises is None:
        return None
    world, facts = found
    return world.units, enterprises, facts["case"]


def _units(units: dict, out: dict) -> str:
    """承办单位 for the public: the lead unit, and the co-units after it."""
    if not out.get("lead_unit"):
        return ""
    co = unit_names(units, [u for u in out.get("co_units") or [] if u != out["lead_unit"]])
    return f"{unit_name(units, out['lead_unit'])}（牵头）、{co}" if co else unit_name(units, out["lead_unit"])


def markdown(rows: list[list], settings, today: dt.date) -> str:
    """The portal page: a Markdown table of ``rows``, every cell escaped by ``markdown.cell``."""
    md = [f"# {settings.city}“市长服务民营企业接待日”企业诉求办理进度", "",
          f"截至{cn_date(today)}，共 {len(rows)} 件。", "",
          "| " + " | ".join(HEADERS) + " |", "|" + "---|" * len(HEADERS)]
    md += [md_table.row(["" if v is None else v for v in r]) for r in rows]
    return "\n".join(md + ["", settings.office, ""])


def write_public(ledger, settings, today: dt.date, folder=None, formats=("xlsx",)) -> list:
    """Write the printable workbook and/or the portal page (Markdown); returns their paths."""
    from anshang.store import loader, outputs

    co_reports = settings.policy.co_unit_reports
    cal = loader.calendar(ledger, True)
    found = _from_index(ledger, cal, today, co_reports)
    if found is None:  # stops with the problems listed, as every read of the whole ledger does
        rows = public_rows(loader.load_as_of(ledger, today, cal, PUBLIC_KINDS), today, co_reports)
    else:
        memo = ledger.memo("public", RULES, str)  # the masked texts, while neither they nor the rules change
        rows = rows_of(found[2], found[1], found[0], today, co_reports, memo)
        memo.save()
    folder = folder or ledger.output_dir
    base = f"公开反馈-{today.isoformat()}"
    written = []
    if "xlsx" in formats:
        table = Table("办理进度", f"{settings.city}“市长服务民营企业接待日”企业诉求办理进度", settings.office, today,
                      COLS, rows, notes=[f"共 {len(rows)} 件。"])
        written.append(outputs.write(folder, base + ".xlsx", book_bytes([table])))
    if "md" in formats:
        written.append(outputs.write(folder, base + ".md", markdown(rows, settings, today)))
    return written
