"""Schema validation: a generic walker over ``schema`` specs collecting (line, severity,
message). Lines and labels are only worked out for values that have a problem: on a large
ledger almost every value is fine, and this walk runs over every key of every file."""

from __future__ import annotations

import difflib
import re

from anshang.core.dates import parse_date
from anshang.store import schema
from anshang.store.yamlfile import LINE, LINES, line_of

_SKIP = (LINE, LINES)
_GOOD_DATES: set = set()  # date texts already found good (a ledger repeats the same few hundred dates)
_REQUIRED: dict = {}  # id(spec) -> (spec, its required keys): the spec is kept so that its id stays its own
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")  # what a workbook cannot hold


def _label(name: str, key: schema.Key) -> str:
    return f"{name}（{key.label}）" if key.label else name


def value_problems(value, key: schema.Key, name: str) -> list:
    """[(severity, message)] for ``value`` against ``key`` (empty when it is fine)."""
    t = key.type
    if value is None:
        return [("error", f"{_label(name, key)} 不能为空")] if key.required else []
    out = []
    if t == "str":
        if type(value) is str:
            if key.required and not value.strip():
                return [("error", f"{_label(name, key)} 不能为空")]
            bad = None if value.isprintable() else _CONTROL.search(value)
            if bad:
                return [("error", f"{_label(name, key)} 含有不可见的控制字符 U+{ord(bad.group()):04X}"
                                  "（Excel 和网页都无法保存它），请删去")]
        elif isinstance(value, bool) or not isinstance(value, (str, int, float)):
            return [("error", f"{_label(name, key)} 应为文本")]
        else:
            out.append(("warning", f"{_label(name, key)} 写成了数字 {value!r}，请加引号作为文本（否则开头的 0 会丢失）"))
            value = str(value)
    elif t == "int":
        if isinstance(value, bool) or not isinstance(value, int):
            return [("error", f"{_label(name, key)} 应为整数，实际为 {value!r}")]
        if key.min is not None and value < key.min:
            out.append(("error", f"{_label(name, key)} 不能小于 {key.min}，实际为 {value}"))
    elif t == "bool":
        if not isinstance(value, bool):
            return [("error", f"{_label(name, key)} 应写 true（是）或 false（否），实际为 {value!r}")]
    elif t == "date":
        if type(value) is str and value in _GOOD_DATES:
            return []
        try:
            parse_date(value)
        except ValueError as e:
            return [("error", f"{_label(name, key)} {e}")]
        if type(value) is str and len(_GOOD_DATES) < 100_000:
            _GOOD_DATES.add(value)
        return []
    elif t == "list":
        return [] if isinstance(value, list) else [("error", f"{_label(name, key)} 应为列表（每项一行，以“- ”开头）")]
    elif t in ("map", "dict"):
        return [] if isinstance(value, dict) else [("error", f"{_label(name, key)} 应为键值映射（下一级缩进两格）")]
    if key.choices and value not in key.choices:
        allowed = key.choices
        hint = ""
        if isinstance(value, str):
            close = difflib.get_close_matches(value, [str(a) for a in allowed], n=1)
            if close:
                hint = f"（是否想写 {close[0]}？）"
        shown = "、".join(str(a) for a in allowed)
        out.append(("error", f"{_label(name, key)} 的值 {value!r} 不在允许范围：{shown}{hint}"))
    return out


def check_mapping(data, spec: dict, out: list, prefix: str = "") -> None:
    """Required keys, unknown keys, and each value's type, recursing into maps and lists."""
    if not isinstance(data, dict):
        out.append((1, "error", "文件内容应为键值映射（例如 “id: …” 每行一项）"))
        return
    required = _REQUIRED.get(id(spec))
    if required is None:
        required = _REQUIRED[id(spec)] = (spec, [(name, key) for name, key in spec.items() if key.required])
    for name, key in required[1]:
        if name not in data and not (key.unless and data.get(key.unless[0]) == key.unless[1]):
            out.append((line_of(data), "error", f"缺少必填项 {prefix}{_label(name, key)}"))
    for name, value in data.items():
        if name in _SKIP:
            continue
        key = spec.get(name)
        if key is None:
            close = difflib.get_close_matches(name, list(spec), n=1)
            hint = f"（是否想写 {close[0]}？）" if close else ""
            out.append((line_of(data, name), "warning", f"未知的键 {prefix}{name}{hint}"))
            continue
        found = value_problems(value, key, prefix + name)
        if found:
            line = line_of(data, name)
            out.extend((line, sev, msg) for sev, msg in found)
        t = key.type
        if t == "map" and key.fields and isinstance(value, dict):
            check_mapping(value, key.fields, out, f"{prefix}{name}.")
        elif t == "list" and isinstance(value, list):
            _check_items(value, key, prefix + name, data, name, out)
        elif t == "dict" and isinstance(value, dict) and key.values is not None:
            for k, v in value.items():
                if k in _SKIP:
                    continue
                found = value_problems(v, key.values, f"{prefix}{name}.{k}")
                if found:
                    out.extend((line_of(value, k), sev, msg) for sev, msg in found)
                elif key.values.type == "map" and key.values.fields and isinstance(v, dict):
                    check_mapping(v, key.values.fields, out, f"{prefix}{name}.{k}.")  # channels.complaint_centre.…
                _check_items(v, key.values, f"{prefix}{name}.{k}", value, k, out)


def _check_items(value, key, full, parent, name, out):
    if key.type != "list" or not isinstance(value, list) or key.item is None:
        return
    item_key = key.item
    for i, item in enumerate(value):
        if item_key.type == "map":
            if not isinstance(item, dict):
                out.append((line_of(parent, f"{name}[{i}]"), "error", f"{full} 第 {i + 1} 项应为键值映射"))
            else:
                check_mapping(item, item_key.fields or {}, out, f"{full}[{i + 1}].")
        else:
            found = value_problems(item, item_key, f"{full} 第 {i + 1} 项")
            if found:
                line = line_of(parent, f"{name}[{i}]")
                out.extend((line, sev, msg) for sev, msg in found)
