"""Schema validation: a generic walker over ``schema`` specs yielding (line, message)."""

from __future__ import annotations

import difflib

from anshang import schema
from anshang.dates import parse_date
from anshang.yamlio import LINE, LINES, line_of


def _label(name: str, key: schema.Key) -> str:
    return f"{name}（{key.label}）" if key.label else name


def check_value(value, key: schema.Key, name: str, line: int, out: list) -> None:
    """Append (line, severity, message) for ``value`` against ``key``."""
    t = key.type
    if value is None:
        if key.required:
            out.append((line, "error", f"{_label(name, key)} 不能为空"))
        return
    if t == "str":
        if isinstance(value, bool) or not isinstance(value, (str, int, float)):
            out.append((line, "error", f"{_label(name, key)} 应为文本"))
            return
        if key.required and isinstance(value, str) and not value.strip():
            out.append((line, "error", f"{_label(name, key)} 不能为空"))
            return
        if not isinstance(value, str):
            out.append((line, "warning",
                        f"{_label(name, key)} 写成了数字 {value!r}，请加引号作为文本（否则开头的 0 会丢失）"))
            value = str(value)
    elif t == "int":
        if isinstance(value, bool) or not isinstance(value, int):
            out.append((line, "error", f"{_label(name, key)} 应为整数，实际为 {value!r}"))
            return
        if key.min is not None and value < key.min:
            out.append((line, "error", f"{_label(name, key)} 不能小于 {key.min}，实际为 {value}"))
    elif t == "bool":
        if not isinstance(value, bool):
            out.append((line, "error", f"{_label(name, key)} 应写 true（是）或 false（否），实际为 {value!r}"))
            return
    elif t == "date":
        try:
            parse_date(value)
        except ValueError as e:
            out.append((line, "error", f"{_label(name, key)} {e}"))
        return
    elif t == "list":
        if not isinstance(value, list):
            out.append((line, "error", f"{_label(name, key)} 应为列表（每项一行，以“- ”开头）"))
            return
        return
    elif t in ("map", "dict"):
        if not isinstance(value, dict):
            out.append((line, "error", f"{_label(name, key)} 应为键值映射（下一级缩进两格）"))
        return
    if key.choices and value not in key.choices:
        allowed = key.choices
        if isinstance(allowed, tuple) and allowed and isinstance(allowed[0], tuple):
            allowed = tuple(a[0] for a in allowed)
        hint = ""
        if isinstance(value, str):
            close = difflib.get_close_matches(value, [str(a) for a in allowed], n=1)
            if close:
                hint = f"（是否想写 {close[0]}？）"
        shown = "、".join(str(a) for a in allowed)
        out.append((line, "error", f"{_label(name, key)} 的值 {value!r} 不在允许范围：{shown}{hint}"))


def check_mapping(data, spec: dict, out: list, prefix: str = "") -> None:
    """Required keys, unknown keys, and each value's type, recursing into maps and lists."""
    if not isinstance(data, dict):
        out.append((1, "error", "文件内容应为键值映射（例如 “id: …” 每行一项）"))
        return
    here = line_of(data)
    for name, key in spec.items():
        if key.required and name not in data:
            out.append((here, "error", f"缺少必填项 {prefix}{_label(name, key)}"))
    for name, value in data.items():
        if name in (LINE, LINES):
            continue
        line = line_of(data, name)
        key = spec.get(name)
        full = f"{prefix}{name}"
        if key is None:
            close = difflib.get_close_matches(name, list(spec), n=1)
            hint = f"（是否想写 {close[0]}？）" if close else ""
            out.append((line, "warning", f"未知的键 {full}{hint}"))
            continue
        check_value(value, key, full, line, out)
        if key.type == "map" and key.fields and isinstance(value, dict):
            check_mapping(value, key.fields, out, full + ".")
        elif key.type == "dict" and isinstance(value, dict) and key.values is not None:
            for k, v in value.items():
                if k in (LINE, LINES):
                    continue
                check_value(v, key.values, f"{full}.{k}", line_of(value, k), out)
                _check_items(v, key.values, f"{full}.{k}", value, k, out)
        elif key.type == "list" and isinstance(value, list):
            _check_items(value, key, full, data, name, out)


def _check_items(value, key, full, parent, name, out):
    if key.type != "list" or not isinstance(value, list) or key.item is None:
        return
    for i, item in enumerate(value):
        iline = line_of(parent, f"{name}[{i}]")
        if key.item.type == "map":
            if not isinstance(item, dict):
                out.append((iline, "error", f"{full} 第 {i + 1} 项应为键值映射"))
            else:
                check_mapping(item, key.item.fields or {}, out, f"{full}[{i + 1}].")
        else:
            check_value(item, key.item, f"{full} 第 {i + 1} 项", iline, out)
