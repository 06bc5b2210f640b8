"""YAML at the edges: a fast line-aware reader and a comment-preserving writer.

Reading uses libyaml through PyYAML (C parser) with a YAML 1.2 resolver, so that the fast
path and ruamel.yaml's round-trip agree on every scalar (``no`` and ``8:30`` stay text).
Writing always goes through ruamel.yaml round-trip so comments and hand layout survive.
"""

from __future__ import annotations

import io
import os
import re

from anshang.core.lines import LINE, LINES, line_of, strip_lines  # noqa: F401 - re-exported


class YamlProblem(Exception):
    """A file that cannot be read as YAML, with the 1-based line where it went wrong."""

    def __init__(self, message: str, line: int = 1):
        super().__init__(message)
        self.message = message
        self.line = line


# --- fast reader -------------------------------------------------------------------------

def _build_loader():
    import yaml
    from yaml.constructor import SafeConstructor
    from yaml.nodes import MappingNode, ScalarNode, SequenceNode
    from yaml.resolver import BaseResolver

    class Resolver12(BaseResolver):
        """YAML 1.2 core schema, plus ISO dates (as ruamel.yaml does)."""

    Resolver12.yaml_implicit_resolvers = {}
    Resolver12.add_implicit_resolver(
        "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
        list("tTfF"))
    Resolver12.add_implicit_resolver(
        "tag:yaml.org,2002:int",
        re.compile(r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$"),
        list("-+0123456789"))
    Resolver12.add_implicit_resolver(
        "tag:yaml.org,2002:float",
        re.compile(r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
                   r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"),
        list("-+0123456789."))
    Resolver12.add_implicit_resolver(
        "tag:yaml.org,2002:null", re.compile(r"^(?:~|null|Null|NULL|)$"), ["~", "n", "N", ""])
    Resolver12.add_implicit_resolver(
        "tag:yaml.org,2002:timestamp",
        re.compile(r"^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}"
                   r"(?:(?:[Tt]|[ \t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]*)?"
                   r"(?:[ \t]*(?:Z|[-+][0-9]{1,2}(?::[0-9]{2})?))?)?$"),
        list("0123456789"))

    class LineConstructor(SafeConstructor):
        """Plain dicts with string keys that remember the line of themselves and each key."""

        def construct_yaml_timestamp(self, node):
            # Kept as text: the model parses dates, and the cache stays plain JSON.
            return self.construct_scalar(node)

        def construct_yaml_int(self, node):
            text = self.construct_scalar(node).replace("_", "")
            if text.startswith("0o"):
                return int(text[2:], 8)
            if text.startswith("0x"):
                return int(text[2:], 16)
            return int(text)

        def construct_yaml_map(self, node):
            data: dict = {}
            yield data
            if not isinstance(node, MappingNode):
                return
            lines: dict = {}
            for key_node, value_node in node.value:
                if not isinstance(key_node, ScalarNode):
                    raise YamlProblem("键必须是简单文本", key_node.start_mark.line + 1)
                key = str(self.construct_object(key_node, deep=True))
                if key in data:
                    raise YamlProblem(
                        f"键 {key!r} 重复出现（第一次在第 {lines[key]} 行）",
                        key_node.start_mark.line + 1)
                data[key] = self.construct_object(value_node, deep=True)
                lines[key] = key_node.start_mark.line + 1
                if isinstance(value_node, SequenceNode):
                    for i, item in enumerate(value_node.value):
                        lines[f"{key}[{i}]"] = item.start_mark.line + 1
            data[LINE] = node.start_mark.line + 1
            data[LINES] = lines

    LineConstructor.add_constructor("tag:yaml.org,2002:map", LineConstructor.construct_yaml_map)
    LineConstructor.add_constructor("tag:yaml.org,2002:timestamp",
                                    LineConstructor.construct_yaml_timestamp)
    LineConstructor.add_constructor("tag:yaml.org,2002:int", LineConstructor.construct_yaml_int)

    try:
        from yaml.cyaml import CParser as parser  # libyaml
    except ImportError:
        parser = None
    if parser is None:  # PyYAML without libyaml: correct, only slower
        from yaml.composer import Composer
        from yaml.parser import Parser
        from yaml.reader import Reader
        from yaml.scanner import Scanner

        class FastLoader(Reader, Scanner, Parser, Composer, LineConstructor, Resolver12):
            def __init__(self, stream):
                Reader.__init__(self, stream)
                Scanner.__init__(self)
                Parser.__init__(self)
                Composer.__init__(self)
                LineConstructor.__init__(self)
                Resolver12.__init__(self)
    else:
        class FastLoader(parser, LineConstructor, Resolver12):
            def __init__(self, stream):
                parser.__init__(self, stream)
                LineConstructor.__init__(self)
                Resolver12.__init__(self)

    return yaml, FastLoader


_LOADER = None


def decode(raw: bytes, path: str | os.PathLike = "") -> str:
    """UTF-8 text (a BOM from Windows Notepad is accepted), or a YamlProblem that says so."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = raw[: e.start].count(b"\n") + 1
        raise YamlProblem(
            "文件不是 UTF-8 编码（可能是 GBK）。请用记事本或 WPS“另存为”并选择 UTF-8 编码", line
        ) from None


def using_libyaml() -> bool:
    """Whether the fast reader runs on libyaml (README: 依赖说明)."""
    global _LOADER
    if _LOADER is None:
        _LOADER = _build_loader()
    return _LOADER[1].__mro__[1].__name__ == "CParser"


def loads(text: str):
    """Parse one YAML document into plain data with line information; YamlProblem on error."""
    global _LOADER
    if _LOADER is None:
        _LOADER = _build_loader()
    yaml, loader_cls = _LOADER
    loader = loader_cls(text)
    try:
        return loader.get_single_data()
    except YamlProblem:
        raise
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        line = mark.line + 1 if mark else 1
        what = e.problem or e.context or "格式错误"
        raise YamlProblem(f"YAML 语法错误：{_cn_yaml(what)}", line) from None
    except yaml.YAMLError as e:
        raise YamlProblem(f"YAML 语法错误：{_cn_yaml(str(e))}", 1) from None
    finally:
        loader.dispose()


def _cn_yaml(msg: str) -> str:
    """libyaml's and ruamel's English problem in Chinese; never passed through in English."""
    table = [
        ("could not find expected ':'", "缺少冒号“:”（中文冒号“：”不算）"),
        ("mapping values are not allowed here", "此处不能出现“键: 值”（检查缩进或给文本加引号）"),
        ("that cannot start any token", "出现了不能作为开头的字符（例如制表符 Tab 或 @、`），请改用空格或给文本加引号"),
        ("did not find expected key", "缩进不一致或缺少键"),
        ("found unexpected end of stream", "文件意外结束（引号或括号未闭合）"),
        ("did not find expected '-' indicator", "列表项缺少“- ”或缩进不一致"),
        ("found undefined alias", "引用了未定义的别名（*名称）"),
        ("did not find expected ',' or ']'", "方括号 [ ] 未闭合，或其中缺少逗号"),
        ("did not find expected ',' or '}'", "花括号 { } 未闭合，或其中缺少逗号"),
        ("did not find expected node content", "此处缺少内容（检查逗号、括号和“- ”）"),
        ("expected <block end>", "缩进不一致（同一层的键应对齐）"),
        ("expected a single document", "文件中只能有一份内容（不要用 --- 分隔多份）"),
        ("found unknown escape character", "双引号文本中有无法识别的转义符“\\”，请改用单引号"),
        ("found duplicate anchor", "锚点（&名称）重复"),
        ("found unexpected ':'", "此处不能出现冒号（给文本加引号）"),
        ("could not find expected", "缺少应有的符号（检查引号、括号和冒号）"),
        ("while scanning", "格式不对（检查该行的引号、括号和缩进）"),
    ]
    for en, cn in table:
        if en in msg:
            return cn
    return "格式不对（请检查该行及上一行的引号、括号、冒号和缩进）"


# --- round-trip writer -------------------------------------------------------------------

def rt_yaml(preserve_quotes: bool = True):
    """A ruamel.yaml round-trip instance configured for the ledger's canonical layout."""
    from ruamel.yaml import YAML

    y = YAML(typ="rt")
    y.preserve_quotes = preserve_quotes
    y.indent(mapping=2, sequence=4, offset=2)
    y.width = 4096  # never fold long Chinese lines
    y.allow_unicode = True
    y.default_flow_style = False
    # the same date object used twice must not become an &anchor / *alias pair
    y.representer.ignore_aliases = lambda *args: True
    # ...which also makes ruamel write empty values as "null"; keep them empty as written
    y.representer.add_representer(
        type(None), lambda rep, data: rep.represent_scalar("tag:yaml.org,2002:null", ""))
    return y


def rt_load(text: str, preserve_quotes: bool = True):
    """Round-trip parse for editing; YamlProblem on error."""
    from ruamel.yaml.error import MarkedYAMLError, YAMLError

    try:
        return rt_yaml(preserve_quotes).load(text)
    except MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        raise YamlProblem(f"YAML 语法错误：{_cn_yaml(str(e.problem or e.context))}",
                          mark.line + 1 if mark else 1) from None
    except YAMLError as e:
        raise YamlProblem(f"YAML 语法错误：{_cn_yaml(str(e))}", 1) from None


def rt_dump(data, preserve_quotes: bool = True) -> str:
    buf = io.StringIO()
    rt_yaml(preserve_quotes).dump(data, buf)
    text = buf.getvalue()
    return text.rstrip("\n") + "\n"
