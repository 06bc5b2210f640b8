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
    """Line of ``mapping`` itself, or of ``key`` inside it, as recorded by the reader."""
    if not isinstance(mapping, dict):
        return default
    if key is None:
        return mapping.get(LINE, default)
    return mapping.get(LINES, {}).get(key, mapping.get(LINE, default))
