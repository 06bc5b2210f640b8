"""Unified social credit code (统一社会信用代码) per GB 32100-2015."""

from __future__ import annotations

CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_VALUE = {c: i for i, c in enumerate(CHARSET)}
_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
_FULLWIDTH = {i + 0xFEE0: i for i in range(0x21, 0x7F)}


def normalize(text: str) -> str:
    """Upper-case, half-width, without spaces: how a clerk means it."""
    return "".join(str(text).translate(_FULLWIDTH).split()).upper()


def check_char(first17: str) -> str:
    """The 18th character for the first 17 (raises KeyError on a foreign character)."""
    total = sum(_VALUE[c] * w for c, w in zip(first17, _WEIGHTS))
    return CHARSET[(31 - total % 31) % 31]


def problem(code: str) -> str | None:
    """None when ``code`` is a valid USCC, else a Chinese explanation of what is wrong."""
    if not isinstance(code, str):
        return f"统一社会信用代码应为 18 位文本，实际为 {code!r}"
    if len(code) != 18:
        return f"统一社会信用代码应为 18 位，实际 {len(code)} 位：{code}"
    bad = [c for c in code if c not in _VALUE]
    if bad:
        return (f"统一社会信用代码含非法字符 {''.join(dict.fromkeys(bad))!r}"
                f"（只允许数字和除 I、O、Z、S、V 外的大写字母）：{code}")
    expected = check_char(code[:17])
    if code[17] != expected:
        return f"统一社会信用代码校验位错误：{code} 的第 18 位应为 {expected}，实际为 {code[17]}"
    return None


def is_valid(code) -> bool:
    return problem(code) is None


def complete(first17: str) -> str:
    """Append the check character; used by generators and tests."""
    return first17 + check_char(first17)
