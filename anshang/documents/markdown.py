"""Markdown table cells that outside text (enterprise names, demand titles, unit names) cannot
break: one line, no cell separator, no raw HTML, no links, no emphasis or headings."""

from __future__ import annotations

import re

# Line and paragraph separators a renderer would treat as a new line (and so a new table row).
_BREAKS = re.compile(r"[\r\n\v\f\x1c-\x1e\x85\u2028\u2029]+")
# Characters that open HTML, entities, code, links or autolinks: their full-width forms read
# the same to a person and mean nothing to a Markdown or HTML renderer.
_WIDE = str.maketrans({"|": "｜", "<": "＜", ">": "＞", "&": "＆", "`": "｀",
                       "[": "［", "]": "］", "@": "＠"})
# Emphasis and strikethrough markers (and the backslash itself) keep their look when escaped.
_EMPHASIS = re.compile(r"[\\*_~]")
# Bare addresses that GitHub-flavoured Markdown turns into links by itself.
_AUTOLINK = re.compile(r"://|(?i:www)\.")


def cell(value) -> str:
    """``value`` as the text of one Markdown table cell, safe to publish."""
    text = _BREAKS.sub(" ", "" if value is None else str(value)).strip().translate(_WIDE)
    text = _AUTOLINK.sub(lambda m: "：//" if m.group() == "://" else m.group()[:-1] + "．", text)
    text = _EMPHASIS.sub(lambda m: "\\" + m.group(), text)
    return "\\" + text if text.startswith("#") else text


def row(values) -> str:
    """One Markdown table row of safe cells."""
    return "| " + " | ".join(cell(v) for v in values) + " |"
