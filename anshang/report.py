"""One renderer for problems: ``path:line: [code] message`` lines, or a JSON list."""

from __future__ import annotations

import json


def render_text(problems) -> str:
    return "".join(p.render() + "\n" for p in problems)


def render_json(problems) -> str:
    return json.dumps([p.as_dict() for p in problems], ensure_ascii=False, indent=2) + "\n"


def summary(problems) -> str:
    errors = sum(1 for p in problems if p.severity == "error")
    warnings = len(problems) - errors
    if not problems:
        return "检查通过，没有发现问题。"
    return f"发现 {errors} 个错误、{warnings} 个警告。"
