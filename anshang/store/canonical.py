"""Canonical form of ledger files: keys in schema order, block collections, ISO dates,
multi-line text as literal blocks, plain scalars where YAML allows. Comments survive.

``fmt`` never changes content: the data read back after formatting equals the data before
(dates written as 2026年3月5日 become 2026-03-05, the same date).
"""

from __future__ import annotations

import datetime as dt

from anshang.core.dates import parse_date
from anshang.store import schema
from anshang.store import yamlfile as yamlio


def _spec_for(kind: str) -> dict:
    return schema.FILES[kind][0] if kind in schema.FILES else {}


def to_rt(value):
    """Plain data (possibly from the fast reader) as ruamel nodes."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    if isinstance(value, (CommentedMap, CommentedSeq)):
        return value  # already a node (keeps its style)
    if isinstance(value, dict):
        m = CommentedMap()
        for k, v in value.items():
            if k in (yamlio.LINE, yamlio.LINES):
                continue
            m[k] = to_rt(v)
        return m
    if isinstance(value, (list, tuple)):
        return CommentedSeq(to_rt(v) for v in value)
    return value


def canonicalize(node, spec: dict) -> None:
    """Reorder, restyle and normalise a ruamel mapping in place according to ``spec``."""
    from ruamel.yaml.comments import CommentedMap

    if not isinstance(node, CommentedMap):
        return
    order = [k for k in spec if k in node] + [k for k in node if k not in spec]
    for k in order:
        node.move_to_end(k)
    _block(node)
    for k in list(node):
        key = spec.get(k)
        node[k] = _value(node[k], key)


def _value(v, key: schema.Key | None):
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    if isinstance(v, CommentedMap):
        if key is not None and key.type == "map" and key.fields:
            canonicalize(v, key.fields)
        elif key is not None and key.type == "dict":
            _block(v)
            for k in list(v):
                v[k] = _value(v[k], key.values)
        else:
            canonicalize(v, {})
        return v
    if isinstance(v, CommentedSeq):
        _block(v)
        item = key.item if key is not None else None
        for i in range(len(v)):
            if isinstance(v[i], CommentedMap):
                canonicalize(v[i], item.fields if item is not None and item.fields else {})
                if item is not None and item.flow and not _commented(v[i]):
                    one_line(v[i])  # (an event with hand comments stays in block form: they stay put)
            else:
                v[i] = _value(v[i], item)
        return v
    if key is not None and key.type == "date" and isinstance(v, str):
        try:
            return parse_date(v)
        except ValueError:
            return v  # left as written; check reports it
    if isinstance(v, dt.datetime) and key is not None and key.type == "date":
        return v
    if isinstance(v, str):
        return _text(v)
    return v


def _commented(node) -> bool:
    """Whether a mapping carries comments inside it (they could not stay on one line)."""
    return any(any(x is not None for x in item) for item in node.ca.items.values()) or bool(node.ca.comment)


def one_line(node):
    """Write a mapping on one line (``{date: …, kind: …}``): an event appended in two clones is
    then one whole line on each side, and merges (or is kept on both sides) without breaking."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq
    from ruamel.yaml.scalarstring import LiteralScalarString

    node.fa.set_flow_style()
    for k in list(node) if isinstance(node, CommentedMap) else range(len(node)):
        v = node[k]
        if isinstance(v, LiteralScalarString):
            node[k] = str(v)  # a block scalar cannot stand inside a one-line mapping
        elif isinstance(v, (CommentedMap, CommentedSeq)):
            one_line(v)
    return node


def _block(node) -> None:
    # an empty collection has no block form: it stays {} or []
    if len(node):
        node.fa.set_block_style()


def _text(s: str):
    from ruamel.yaml.scalarstring import LiteralScalarString

    if "\n" in s.rstrip("\n"):
        return LiteralScalarString(s)
    return str(s) if type(s) is not str else s


def canonical_text(data, kind: str) -> str:
    """Canonical YAML text for plain data or a ruamel document of the given file kind."""
    node = to_rt(data) if not hasattr(data, "ca") else data
    canonicalize(node, _spec_for(kind))
    return yamlio.rt_dump(node, preserve_quotes=False)


def format_text(text: str, kind: str) -> str:
    """The canonical form of a file's text (raises yamlio.YamlProblem if it is not YAML)."""
    doc = yamlio.rt_load(text, preserve_quotes=False)
    if doc is None:
        return text
    return canonical_text(doc, kind)


def put(mapping, key: str, value, kind: str, path: tuple = ()) -> None:
    """Set ``mapping[key]``, inserting a new key at its canonical position.

    ``path`` names the enclosing keys from the file's root, so nested maps find their spec.
    """
    spec = _spec_for(kind)
    for p in path:
        k = spec.get(p)
        spec = (k.fields if k and k.fields else (k.item.fields if k and k.item and k.item.fields else {}))
    value = to_rt(value)
    if key in mapping:
        # the comment after the old value's last line (often the one above the next key) stays
        kept = _tail_comment(mapping, key)
        mapping[key] = value
        if kept is not None:
            _set_comment(_slot(mapping, key), kept)
        return
    if key not in spec:
        mapping[key] = value
        return
    order = list(spec)
    rank = order.index(key)
    pos = len(mapping)
    for i, existing in enumerate(mapping):
        if existing in spec and order.index(existing) > rank:
            pos = i
            break
    mapping.insert(pos, key, value)


# --- comments around edited keys ---------------------------------------------------------------
# ruamel.yaml keeps a comment on the line after a value (typically the comment above the next
# key) with the *last line* of that value: deleting or replacing the value would drop it.

def _slot(mapping, key):
    """(node, key or index, position) where the comment after ``mapping[key]``'s last line lives."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    node, k, pos = mapping, key, 2
    while True:
        v = node[k]
        if isinstance(v, CommentedMap) and len(v):
            node, k, pos = v, list(v.keys())[-1], 2
        elif isinstance(v, CommentedSeq) and len(v):
            node, k, pos = v, len(v) - 1, 0
        else:
            return node, k, pos


def _get_comment(slot):
    node, k, pos = slot
    item = node.ca.items.get(k)
    return item[pos] if item and len(item) > pos else None


def _set_comment(slot, token) -> None:
    node, k, pos = slot
    item = node.ca.items.setdefault(k, [None, None, None, None])
    item[pos] = token


def _tail_comment(mapping, key):
    return _get_comment(_slot(mapping, key))


def remove(mapping, key: str) -> None:
    """Delete ``mapping[key]`` keeping the comment lines that followed it (those above the next
    key); only the end-of-line comment of the deleted key itself goes with it."""
    from ruamel.yaml.error import CommentMark
    from ruamel.yaml.tokens import CommentToken

    if key not in mapping:
        return
    keys = list(mapping.keys())
    i = keys.index(key)
    token = _tail_comment(mapping, key)
    keep = ""
    if token is not None:
        keep = token.value
        if token.start_mark.column > 0:  # the deleted line's own end-of-line comment
            keep = keep.split("\n", 1)[1] if "\n" in keep else ""
    del mapping[key]
    if not keep.strip():
        return
    if i > 0:
        slot = _slot(mapping, keys[i - 1])
        old = _get_comment(slot)
        if old is None:
            _set_comment(slot, CommentToken("\n" + keep.lstrip("\n"), CommentMark(0), None))
        else:
            old.value = old.value.rstrip("\n") + "\n" + keep.lstrip("\n")
    else:
        lines = [line.strip().lstrip("#").strip() for line in keep.strip("\n").splitlines() if line.strip()]
        mapping.yaml_set_start_comment("\n".join(lines))


# --- the fast path: canonical text written directly from plain data -------------------------------
# ``fmt`` on tens of thousands of files cannot afford ruamel.yaml's round trip for each. For the
# files anshang itself writes (no comments, plain text values) the canonical text is written here
# directly; whatever this writer is not sure about (comments, quotes, colons, multi-line or very
# long text, numbers in a form of their own, dates kept as text) makes it answer None, and the
# round trip decides. Tests compare the two on every sample file and on generated ledgers.

_RESOLVER = None
_BLOCK_SCALAR = None
# characters ruamel.yaml writes as they are (allow_unicode); anything else makes it quote or escape
_UNSAFE = None


class _Unsure(Exception):
    """The fast writer cannot be sure of ruamel.yaml's output for this file."""


_RESOLVED: dict = {}  # texts already resolved (keys, states and unit ids repeat in every file)


def _resolve(text: str) -> str:
    """The tag ruamel.yaml gives ``text`` written plain (its own resolver, so the two agree)."""
    global _RESOLVER
    if _RESOLVER is None:
        from ruamel.yaml.nodes import ScalarNode
        from ruamel.yaml.resolver import VersionedResolver

        resolver = VersionedResolver()
        table = resolver.versioned_resolver
        firsts = None if table.get(None) else frozenset(k for k in table if k)  # what a non-text may start with
        _RESOLVER = (lambda value: resolver.resolve(ScalarNode, value, (True, False)), firsts)  # noqa: E731
    resolve, firsts = _RESOLVER
    if firsts is not None and text and text[0] not in firsts:
        return "tag:yaml.org,2002:str"
    tag = _RESOLVED.get(text)
    if tag is None:
        tag = str(resolve(text))
        if len(_RESOLVED) < 50_000:
            _RESOLVED[text] = tag
    return tag


def _plain_ok(v: str, flow: bool) -> bool:
    """ruamel.yaml's rules (Emitter.analyze_scalar) for writing text without quotes."""
    if v[0] in "#,[]{}&*!|>'\"%@`" or v.startswith(("---", "...")) or v[0] == " " or v[-1] == " ":
        return False
    if v[0] in "?:-" and (len(v) == 1 or v[1] == " "):
        return False
    if ": " in v or v.endswith(":") or " #" in v:
        return False
    return not (flow and any(c in v for c in ",[]{}"))


_WRITTEN: dict = {}  # short texts already written, by (text, date, flow): states, unit ids, dates repeat


def _scalar(value, date: bool = False, flow: bool = False) -> str:
    if type(value) is str and len(value) <= 24:
        key = (value, date, flow)
        done = _WRITTEN.get(key)
        if done is None:
            done = _scalar_of(value, date, flow)  # (raises _Unsure, which is never remembered)
            if len(_WRITTEN) < 50_000:
                _WRITTEN[key] = done
        return done
    return _scalar_of(value, date, flow)


def _scalar_of(value, date: bool, flow: bool) -> str:
    global _UNSAFE
    kind = type(value)
    if value is None:
        return ""
    if value is True or value is False:
        return "true" if value else "false"
    if kind is int:
        return str(value)
    if kind is not str and kind is not yamlio.PlainDate and kind is not yamlio.PlainText:
        raise _Unsure  # a float, or a number written in a form of its own, stays as written
    if date or kind is yamlio.PlainDate:
        try:
            day = parse_date(value) if date else dt.date.fromisoformat(value)
        except ValueError:
            day = None
        if day is not None and (date or len(value) == 10):
            return day.isoformat()
        if kind is yamlio.PlainDate:
            raise _Unsure  # an impossible or partial date: the round trip decides
    if not value:
        return "''"
    if _UNSAFE is None:
        import re

        # (U+2028 and U+2029 are line breaks to a YAML reader: never written plain)
        _UNSAFE = re.compile("[^\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd]")
    if len(value) > 1000 or _UNSAFE.search(value):
        raise _Unsure  # long (folded?), multi-line or with characters that need escapes
    tag = _resolve(value)
    if tag == "tag:yaml.org,2002:str" and _plain_ok(value, flow):
        return value
    if "'" in value or kind is yamlio.PlainText:
        raise _Unsure  # (unquoted text the round trip reads as something else: it decides)
    return f"'{value}'"  # text that would read as a number, a date, true/false, or starts like syntax


_ODD_KEYS = frozenset(("None", "True", "False", "inf", "-inf", "nan"))  # read from null:, true:, .inf: …


_GOOD_KEYS: set = set()  # (key, flow) already found good


def _key(name, flow: bool = False) -> str:
    """A key as written; a key that was written as something else (null, a number), that is long
    (ruamel.yaml then writes ``? key``) or that would need quotes is left to the round trip."""
    if (name, flow) in _GOOD_KEYS:
        return name
    if (type(name) is not str or not name or len(name) > 100 or name in _ODD_KEYS or name[0] in "-+.0123456789"
            or _scalar(name, flow=flow) != name):
        raise _Unsure
    if len(_GOOD_KEYS) < 10_000:
        _GOOD_KEYS.add((name, flow))
    return name


def _ordered(data: dict, spec: dict | None) -> list:
    keys = [k for k in data if k not in (yamlio.LINE, yamlio.LINES)]
    if spec:
        keys = [k for k in spec if k in data] + [k for k in keys if k not in spec]
    return keys


def _map_lines(data: dict, spec: dict | None, indent: int, out: list, first: str | None = None) -> None:
    """A block mapping at ``indent``; ``first`` is the prefix of its first line (``- ``)."""
    pad = " " * indent
    for n, k in enumerate(_ordered(data, spec)):
        head = (first if n == 0 and first is not None else pad) + _key(k) + ":"
        _value_lines(data[k], spec.get(k) if spec else None, indent, head, out)


def _value_lines(v, key, indent: int, head: str, out: list) -> None:
    if isinstance(v, dict):
        if not v or all(k in (yamlio.LINE, yamlio.LINES) for k in v):
            out.append(head + " {}")
            return
        out.append(head)
        if key is not None and key.type == "dict":
            inner = key.values
            pad = " " * (indent + 2)
            for k in _ordered(v, None):
                _value_lines(v[k], inner, indent + 2, pad + _key(k) + ":", out)
        else:
            _map_lines(v, key.fields if key is not None and key.type == "map" and key.fields else None,
                       indent + 2, out)
        return
    if isinstance(v, list):
        if not v:
            out.append(head + " []")
            return
        out.append(head)
        item = key.item if key is not None else None
        dash = " " * (indent + 2) + "- "
        for x in v:
            if isinstance(x, dict):
                fields = item.fields if item is not None and item.fields else None
                if item is not None and item.flow:
                    out.append(dash + _flow(x, fields))
                elif not _ordered(x, None):
                    out.append(dash + "{}")
                else:
                    _map_lines(x, fields, indent + 4, out, first=dash)
            elif isinstance(x, list):
                raise _Unsure
            elif x is None:
                raise _Unsure  # (an empty item: the round trip writes it)
            else:
                out.append(dash + _scalar(x, item is not None and item.type == "date"))
        return
    text = _scalar(v, key is not None and key.type == "date")
    out.append(f"{head} {text}" if text else head)


def _flow(data: dict, spec: dict | None) -> str:
    parts = []
    for k in _ordered(data, spec):
        v = data[k]
        if isinstance(v, (dict, list)) or v is None:
            raise _Unsure
        key = spec.get(k) if spec else None
        parts.append(f"{_key(k, flow=True)}: {_scalar(v, key is not None and key.type == 'date', flow=True)}")
    line = "{" + ", ".join(parts) + "}"
    if len(line) > 4000:
        raise _Unsure  # ruamel.yaml folds lines longer than its width
    return line


def fast_text(data, kind: str, text: str) -> str | None:
    """The canonical text of a file, from its data as read with ``yamlfile.loads(text, marks=True)``,
    written without ruamel.yaml; None when this writer cannot be sure it is what the round trip
    would write (comments, a ``---`` line, and the cases ``_scalar`` refuses)."""
    global _BLOCK_SCALAR
    if not isinstance(data, dict) or "#" in text or "\n---" in "\n" + text or "__line" in text \
            or not _ordered(data, None):
        return None  # comments, a document marker, keys of the reader's own
    if _BLOCK_SCALAR is None:
        import re

        # a blank line (ruamel.yaml keeps it, and it keeps an event in block form), or text written
        # as a block (| or >: ruamel.yaml keeps the style)
        _BLOCK_SCALAR = re.compile(r"(?m)(?:^[ \t]*\r?$(?=[\s\S]*\S)|(?:^|[:-][ \t])[ \t]*[|>][-+0-9]*[ \t]*\r?$)")
    if _BLOCK_SCALAR.search(text):
        return None
    out: list = []
    try:
        _map_lines(data, _spec_for(kind), 0, out)
    except _Unsure:
        return None
    return "\n".join(out) + "\n"
