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
