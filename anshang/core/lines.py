"""Line bookkeeping of data read from ledger files: every mapping remembers the line of itself
(``__line__``) and of each key and list item (``__lines__``), so that problems name their line."""

from __future__ import annotations

LINE = "__line__"
LINES = "__lines__"


def strip_lines(value):
    """Data without the line bookkeeping keys (for comparisons and JSON output)."""
    if isinstance(value, dict):
        return {k: strip_lines(v) for k, v in value.items() if k not in (LINE, LINES)}
    if isinstance(value, list):
        return [strip_lines(v) for v in value]
    return value


def line_of(mapping, key=None, default: int = 1) -> int:
    """Line of ``mapping`` itself, of ``key`` inside it, or of item ``i`` of the list under
    ``key`` (``"key[i]"``), as recorded by the reader.

    ``__lines__`` is a tuple aligned with the mapping's keys in their order: a key's line, or for
    a key holding a list, (the key's line, each item's line…). A tuple of small numbers takes a
    fraction of the memory a dict of lines would, and problems (the only users) are few."""
    if not isinstance(mapping, dict):
        return default
    own = mapping.get(LINE, default)
    lines = mapping.get(LINES)
    if key is None or not isinstance(lines, tuple):
        return own
    item = None
    if isinstance(key, str) and key.endswith("]") and key not in mapping:
        base, _, index = key[:-1].rpartition("[")
        if index.isdigit():
            key, item = base, int(index)
    for position, name in enumerate(mapping):
        if name == key:
            if position >= len(lines):
                return own
            entry = lines[position]
            if type(entry) is tuple:
                if item is None:
                    return entry[0]
                return entry[item + 1] if item + 1 < len(entry) else own
            return entry if item is None else own
    return own
