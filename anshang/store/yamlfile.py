"""YAML at the edges: a fast line-aware reader and a comment-preserving writer.

Reading uses libyaml through PyYAML (C parser) with a YAML 1.2 resolver, so that the fast
path and ruamel.yaml's round-trip agree on every scalar (``no`` and ``8:30`` stay text).
Writing always goes through ruamel.yaml round-trip so comments and hand layout survive.
"""

from __future__ import annotations

import io
import os
import re
import sys

from anshang.core.lines import LINE, LINES, line_of, strip_lines  # noqa: F401 - re-exported


class YamlProblem(Exception):
    """A file that cannot be read as YAML, with the 1-based line where it went wrong."""

    def __init__(self, message: str, line: int = 1):
        super().__init__(message)
        self.message = message
        self.line = line


# Limits for files from outside hands: a ledger file is a few KB, a few levels deep, with short
# numbers and no anchors or tags. Anything beyond is refused before it is built, so that a broken
# or hostile file gives a message quickly instead of a hang, a memory blow-up or a traceback.
MAX_BYTES = 2 * 1024 * 1024
MAX_DEPTH = 50
MAX_NUMBER_CHARS = 100
_NUMBERISH = re.compile(r"[-+]?[0-9][0-9a-fA-FxXoObB_:]*\Z")  # an int to PyYAML or ruamel (1.1/1.2)
_ANCHOR_MSG = "不允许使用锚点和别名（&名称、*名称）：台账文件中请把内容直接写出来"
_LONG_RUN = re.compile(r"[-+0-9a-fA-FxXoObB_:]{%d}" % (MAX_NUMBER_CHARS + 1))
_C_NODES = 1000  # collections libyaml's recursive composer is given (it crashes near 100,000)


def _plain(text: str) -> bool:
    """Whether libyaml's own composer may take the text: it has no anchor, alias or tag (no
    ``&``, ``*`` or ``!`` at all), no run of characters long enough to be an over-long number,
    and too few indicators for deep recursion (every collection needs a ``-``, ``:``, ``?``,
    ``[`` or ``{``). Depth up to MAX_DEPTH is then counted while constructing."""
    return ("&" not in text and "*" not in text and "!" not in text
            and text.count(":") + text.count("-") + text.count("[") + text.count("{") + text.count("?") <= _C_NODES
            and _LONG_RUN.search(text) is None)


def _too_deep(line: int) -> YamlProblem:
    return YamlProblem(f"嵌套层数过多（超过 {MAX_DEPTH} 层）；台账文件不需要这么深的结构", line)


def _check_size(text: str) -> None:
    """YamlProblem if the text is larger than MAX_BYTES in UTF-8 (measured only when it may be:
    a character takes at most 4 bytes)."""
    if len(text) > MAX_BYTES // 4:
        size = len(text.encode("utf-8", "surrogatepass"))
        if size > MAX_BYTES:
            _too_big(size)


def _too_big(size: int) -> None:
    raise YamlProblem(f"文件过大（{size / 1048576:.1f} MB），台账文件不能超过 {MAX_BYTES // 1048576} MB；"
                      "请检查是否放错了文件", 1)


def _tag_name(tag: str) -> str:
    return "!!" + tag[len("tag:yaml.org,2002:"):] if tag.startswith("tag:yaml.org,2002:") else tag


def _compose(loader):
    """The single document's node tree, built from the parser's events without recursion
    (for every text that is not ``_plain``, and before ruamel.yaml reads one).

    Refuses, before anything is built from them, what a ledger file never needs and a hostile
    file uses: anchors and aliases (a "billion laughs" expands exponentially), explicit tags
    (``!!binary``, ``!!python/object``, ``!!float x``), nesting deeper than MAX_DEPTH (libyaml's
    own composer recurses in C and can crash) and numbers longer than MAX_NUMBER_CHARS."""
    from yaml.composer import ComposerError
    from yaml.events import (
        AliasEvent,
        DocumentEndEvent,
        MappingEndEvent,
        MappingStartEvent,
        ScalarEvent,
        SequenceEndEvent,
        SequenceStartEvent,
        StreamEndEvent,
    )
    from yaml.nodes import MappingNode, ScalarNode, SequenceNode

    get, resolve, longest = loader.get_event, loader.resolve, MAX_NUMBER_CHARS
    get()  # stream start
    event = get()
    if type(event) is StreamEndEvent:
        return None
    root = None
    stack: list = []  # [collection node, its pending key node or None]
    while True:
        event = get()
        kind = type(event)
        if kind is ScalarEvent:
            if event.anchor is not None or event.tag is not None:
                _refuse_extras(event)
            value = event.value
            node = ScalarNode(resolve(ScalarNode, value, event.implicit), value,
                              event.start_mark, event.end_mark, style=event.style)
            if len(value) > longest and event.implicit[0] and _NUMBERISH.match(value):
                raise YamlProblem(f"数字过长（{len(value)} 位，最多 {MAX_NUMBER_CHARS} 位）；"
                                  "如果这是编号或代码，请加引号作为文本", event.start_mark.line + 1)
        elif kind is MappingStartEvent or kind is SequenceStartEvent:
            if event.anchor is not None or event.tag is not None:
                _refuse_extras(event)
            if len(stack) >= MAX_DEPTH:
                raise _too_deep(event.start_mark.line + 1)
            if kind is MappingStartEvent:
                node = MappingNode("tag:yaml.org,2002:map", [], event.start_mark, None,
                                   flow_style=event.flow_style)
            else:
                node = SequenceNode("tag:yaml.org,2002:seq", [], event.start_mark, None,
                                    flow_style=event.flow_style)
            stack.append([node, None])
            continue
        elif kind is MappingEndEvent or kind is SequenceEndEvent:
            node = stack.pop()[0]
            node.end_mark = event.end_mark
        elif kind is AliasEvent:
            raise YamlProblem(_ANCHOR_MSG, event.start_mark.line + 1)
        elif kind is DocumentEndEvent:
            break
        else:  # the parser gives nothing else inside a document
            raise YamlProblem("YAML 语法错误：格式不对", event.start_mark.line + 1)
        if not stack:
            root = node
            continue
        top = stack[-1]
        if type(top[0]) is SequenceNode:
            top[0].value.append(node)
        elif top[1] is None:
            top[1] = node
        else:
            top[0].value.append((top[1], node))
            top[1] = None
    event = get()
    if type(event) is not StreamEndEvent:
        raise ComposerError("expected a single document in the stream", root.start_mark,
                            "but found another document", event.start_mark)
    return root


def _refuse_extras(event) -> None:
    if event.anchor is not None:
        raise YamlProblem(_ANCHOR_MSG, event.start_mark.line + 1)
    tag = event.tag
    if tag is not None and tag != "!":
        raise YamlProblem(f"不支持类型标签“{_tag_name(tag)}”：台账文件中不使用 ! 开头的标签，"
                          "文本请直接写出（必要时加引号）", event.start_mark.line + 1)


# --- fast reader -------------------------------------------------------------------------

_NO_KEY = object()


class PlainDate(str):
    """A date written without quotes, as ``fmt`` must know it (``loads(…, marks=True)``): the
    round trip keeps it a date, while the same text in quotes stays quoted text."""


class PlainText(str):
    """Text written without quotes that starts like a number (``1_000``): the round trip may
    read it as a number where this reader reads text (``loads(…, marks=True)``)."""


_NUMBER_START = frozenset("-+.0123456789=<")


class OddNumber(int):
    """A whole number written in a form the round trip keeps as written (0479, 0o17, 1_000)."""


def _build(loader, marks: bool = False):
    """The document's plain data built straight from the parser's events (no node tree), with
    the same values, lines and refusals as the node-tree reader (``reference_loads``).

    Refused at once, before anything more is built: anchors and aliases, explicit tags, nesting
    deeper than MAX_DEPTH and numbers longer than MAX_NUMBER_CHARS. A key that is not simple
    text and a repeated key are reported once the whole text has parsed (a syntax error further
    down is reported first, as the node-tree reader does)."""
    from yaml.composer import ComposerError
    from yaml.events import (
        AliasEvent,
        DocumentEndEvent,
        MappingEndEvent,
        MappingStartEvent,
        ScalarEvent,
        SequenceEndEvent,
        SequenceStartEvent,
        StreamEndEvent,
    )

    get, resolvers, longest, numberish = loader.get_event, loader.scalar_makers, MAX_NUMBER_CHARS, _NUMBERISH
    intern = sys.intern
    get()  # stream start
    if type(get()) is StreamEndEvent:
        return None
    root = None
    later = None  # the first problem reported once the text has parsed
    stack: list = []  # frames: [data, lines (mapping) or item lines (sequence), pending key, its line, own line, is mapping]
    while True:
        event = get()
        kind = type(event)
        items = None
        if kind is ScalarEvent:
            if event.anchor is not None or event.tag is not None:
                _refuse_extras(event)
            value = event.value
            line = event.start_mark.line + 1
            if event.implicit[0]:
                if len(value) > longest and numberish.match(value):
                    raise YamlProblem(f"数字过长（{len(value)} 位，最多 {MAX_NUMBER_CHARS} 位）；"
                                      "如果这是编号或代码，请加引号作为文本", line)
                for regexp, make in resolvers.get(value[:1], ()):
                    if regexp.match(value):
                        text, value = value, make(value)
                        if marks:
                            value = _marked(text, value)
                        break
                else:
                    if marks and value[:1] in _NUMBER_START:
                        value = PlainText(value)
            if type(value) is str and len(value) <= 24:
                value = intern(value)  # dates, unit ids, states: the same few thousand texts, held once
            scalar = True
        elif kind is MappingStartEvent or kind is SequenceStartEvent:
            if event.anchor is not None or event.tag is not None:
                _refuse_extras(event)
            line = event.start_mark.line + 1
            if len(stack) >= MAX_DEPTH:
                raise _too_deep(line)
            if kind is MappingStartEvent:
                stack.append([{}, [], _NO_KEY, 0, line, True])
            else:
                stack.append([[], [], None, 0, line, False])
            continue
        elif kind is MappingEndEvent:
            frame = stack.pop()
            value, line, scalar = frame[0], frame[4], False
            value[LINE] = line
            value[LINES] = tuple(frame[1])
        elif kind is SequenceEndEvent:
            frame = stack.pop()
            value, line, items, scalar = frame[0], frame[4], frame[1], False
        elif kind is AliasEvent:
            raise YamlProblem(_ANCHOR_MSG, event.start_mark.line + 1)
        elif kind is DocumentEndEvent:
            break
        else:  # the parser gives nothing else inside a document
            raise YamlProblem("YAML 语法错误：格式不对", event.start_mark.line + 1)
        if not stack:
            root = value
            continue
        top = stack[-1]
        if not top[5]:
            top[0].append(value)
            top[1].append(line)
        elif top[2] is _NO_KEY:
            if not scalar:
                later = later or YamlProblem("键必须是简单文本", line)
                key = ""
            else:
                key = intern(str(value))
                if key in top[0] and later is None:
                    first = top[1][list(top[0]).index(key)]
                    first = first[0] if type(first) is tuple else first
                    later = YamlProblem(f"键 {key!r} 重复出现（第一次在第 {first} 行）", line)
            top[2], top[3] = key, line
        else:
            top[0][top[2]] = value
            top[1].append((top[3], *items) if items else top[3])
            top[2] = _NO_KEY
    event = get()
    if type(event) is not StreamEndEvent:
        raise ComposerError("expected a single document in the stream", None,
                            "but found another document", event.start_mark)
    if later is not None:
        raise later
    return root


def _marked(text: str, value):
    """``value`` as ``fmt`` needs to see it: a plain date or an oddly written number marked."""
    if type(value) is str:
        return PlainDate(value)
    if type(value) is int and str(value) != text.lstrip("+"):
        return OddNumber(value)
    return value


def _scalar_makers(resolver_cls) -> dict:
    """For each first character, the (pattern, maker) pairs that turn a plain scalar into its
    value, in the resolver's order (YAML 1.2 core schema; dates stay text)."""
    import math

    def make_int(text):
        text = text.replace("_", "")
        if text.startswith("0o"):
            return int(text[2:], 8)
        if text.startswith("0x"):
            return int(text[2:], 16)
        return int(text)

    def make_float(text):
        text = text.replace("_", "").lower()
        sign = -1 if text[:1] == "-" else 1
        if text[:1] in "+-":
            text = text[1:]
        if text == ".inf":
            return sign * math.inf
        if text == ".nan":
            return math.nan
        return sign * float(text)

    makers = {"tag:yaml.org,2002:bool": lambda text: text.lower() == "true", "tag:yaml.org,2002:int": make_int,
              "tag:yaml.org,2002:float": make_float, "tag:yaml.org,2002:null": lambda text: None,
              "tag:yaml.org,2002:timestamp": lambda text: text}
    return {first: tuple((regexp, makers[tag]) for tag, regexp in pairs)
            for first, pairs in resolver_cls.yaml_implicit_resolvers.items()}


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
        """Plain dicts with string keys that remember the line of themselves and each key.
        Built depth first (``deep_construct``), counting the nesting against MAX_DEPTH."""

        depth = 0

        def construct_yaml_seq(self, node):
            data: list = []
            yield data
            self.depth += 1
            if self.depth > MAX_DEPTH:
                raise _too_deep(node.start_mark.line + 1)
            data.extend(self.construct_sequence(node))
            self.depth -= 1

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
            self.depth += 1
            if self.depth > MAX_DEPTH:
                raise _too_deep(node.start_mark.line + 1)
            lines: dict = {}
            for key_node, value_node in node.value:
                if not isinstance(key_node, ScalarNode):
                    raise YamlProblem("键必须是简单文本", key_node.start_mark.line + 1)
                key = str(self.construct_object(key_node, deep=True))
                if key in data:
                    raise YamlProblem(
                        f"键 {key!r} 重复出现（第一次在第 {lines[key][0]} 行）",
                        key_node.start_mark.line + 1)
                data[key] = self.construct_object(value_node, deep=True)
                lines[key] = (key_node.start_mark.line + 1,) + (
                    tuple(item.start_mark.line + 1 for item in value_node.value)
                    if isinstance(value_node, SequenceNode) else ())
            data[LINE] = node.start_mark.line + 1
            data[LINES] = tuple(x if len(x) > 1 else x[0] for x in lines.values())
            self.depth -= 1

    LineConstructor.add_constructor("tag:yaml.org,2002:map", LineConstructor.construct_yaml_map)
    LineConstructor.add_constructor("tag:yaml.org,2002:seq", LineConstructor.construct_yaml_seq)
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

    FastLoader.c_composer = parser is not None  # else PyYAML's composer, recursive in Python
    FastLoader.scalar_makers = _scalar_makers(Resolver12)
    return yaml, FastLoader


_LOADER = None


def read_bytes(path: str | os.PathLike) -> bytes:
    """A ledger file's bytes; one larger than the limit is refused before it is read."""
    with open(path, "rb") as f:
        size = os.fstat(f.fileno()).st_size
        if size > MAX_BYTES:
            _too_big(size)
        # asked for the size it has (asking for the limit would allocate 2 MB for every small
        # file); one that grew since is read on, still no further than the limit
        raw = f.read(size + 1)
        if len(raw) > size:
            raw += f.read(MAX_BYTES + 1 - len(raw))
        return raw


def decode(raw: bytes, path: str | os.PathLike = "") -> str:
    """UTF-8 text (a BOM from Windows Notepad is accepted), or a YamlProblem that says so."""
    if len(raw) > MAX_BYTES:
        _too_big(len(raw))
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


def loads(text: str, marks: bool = False):
    """Parse one YAML document into plain data with line information; YamlProblem on error.
    ``marks``: dates written without quotes come as PlainDate, numbers written in a form of
    their own as OddNumber (for ``fmt``, which must write them as the round trip would)."""
    return _fast(text, build=True, marks=marks)


def screen(text: str) -> None:
    """The fast reader's checks without constructing the data: size, syntax, anchors and
    aliases, tags, depth and number length (run before ruamel.yaml sees a text)."""
    _fast(text, build=False)


def _fast(text: str, build: bool, marks: bool = False):
    return _run(text, lambda loader: _build(loader, marks) if build else _compose(loader))


def reference_loads(text: str):
    """The same data as ``loads``, built the long way: PyYAML's node tree, then its constructors
    (tests compare the two readers on every file; nothing else uses this)."""
    def construct(loader):
        node = loader.get_single_node() if loader.c_composer and _plain(text) else _compose(loader)
        if node is None:
            return None
        loader.deep_construct = True  # depth first, so that the depth is counted
        return loader.construct_document(node)

    return _run(text, construct)


def _run(text: str, read):
    """``read(loader)`` on a parser of ``text``, every failure a YamlProblem with its line (in Chinese)."""
    global _LOADER
    if _LOADER is None:
        _LOADER = _build_loader()
    yaml, loader_cls = _LOADER
    _check_size(text)
    loader = loader_cls(text)
    try:
        return read(loader)
    except YamlProblem:
        raise
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        line = mark.line + 1 if mark else 1
        what = e.problem or e.context or "格式错误"
        raise YamlProblem(f"YAML 语法错误：{_cn_yaml(what)}", line) from None
    except yaml.YAMLError as e:
        raise YamlProblem(f"YAML 语法错误：{_cn_yaml(str(e))}", 1) from None
    except (ValueError, TypeError, KeyError, OverflowError, RecursionError, MemoryError):
        # not expected once tags and long numbers are refused while reading; never a traceback
        raise YamlProblem("文件内容无法读取（格式不对）", 1) from None
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
        ("found another document", "文件中只能有一份内容（不要用 --- 分隔多份）"),
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

CANONICAL_INDENT = (2, 4, 2)  # mapping indent, sequence indent, dash offset: "key:\n  - item"


def guess_indent(text: str) -> tuple[int, int, int]:
    """The indentation a hand-edited file uses, so that an edit keeps it (``fmt`` does not)."""
    mapping = dash = None
    lines = [line for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]
    for above, below in zip(lines, lines[1:]):
        if not above.rstrip().endswith(":") or above.lstrip().startswith("- "):
            continue
        step = (len(below) - len(below.lstrip(" "))) - (len(above) - len(above.lstrip(" ")))
        if below.lstrip().startswith("- ") and dash is None and step >= 0:
            dash = step
        elif not below.lstrip().startswith("- ") and mapping is None and step > 0:
            mapping = step
        if mapping is not None and dash is not None:
            break
    mapping = mapping or CANONICAL_INDENT[0]
    dash = CANONICAL_INDENT[2] if dash is None else dash
    return mapping, dash + 2, dash


def rt_yaml(preserve_quotes: bool = True, indent: tuple[int, int, int] = CANONICAL_INDENT):
    """A ruamel.yaml round-trip instance configured for the ledger's canonical layout."""
    from ruamel.yaml import YAML

    y = YAML(typ="rt")
    y.preserve_quotes = preserve_quotes
    y.indent(mapping=indent[0], sequence=indent[1], offset=indent[2])
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
    """Round-trip parse for editing; YamlProblem on error. The text passes the fast reader's
    checks first (size, anchors, tags, depth, numbers), so ruamel.yaml never sees a hostile one."""
    from ruamel.yaml.error import MarkedYAMLError, YAMLError

    screen(text)
    y = rt_yaml(preserve_quotes)
    y.Constructor = _rt_constructor()
    try:
        return y.load(text)
    except YamlProblem:
        raise
    except MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        raise YamlProblem(f"YAML 语法错误：{_cn_yaml(str(e.problem or e.context))}",
                          mark.line + 1 if mark else 1) from None
    except YAMLError as e:
        raise YamlProblem(f"YAML 语法错误：{_cn_yaml(str(e))}", 1) from None
    except (ValueError, TypeError, KeyError, OverflowError, RecursionError, MemoryError):
        raise YamlProblem("文件内容无法读取（格式不对）", 1) from None


_RT_CONSTRUCTOR = None


def _rt_constructor():
    """ruamel's round-trip constructor: an impossible date such as 2026-02-30 stays text (as the
    fast reader reads it, so ``check`` and every edit agree: the schema reports it where a date
    is expected); any other value it cannot build is reported with its line."""
    global _RT_CONSTRUCTOR
    if _RT_CONSTRUCTOR is None:
        from ruamel.yaml.constructor import RoundTripConstructor

        class Constructor(RoundTripConstructor):
            def construct_object(self, node, deep=False):
                try:
                    return super().construct_object(node, deep=deep)
                except (ValueError, TypeError, OverflowError):
                    line = node.start_mark.line + 1
                    value = node.value if isinstance(node.value, str) else ""
                    if node.tag == "tag:yaml.org,2002:timestamp":
                        return value
                    if value:
                        raise YamlProblem(f"此值无法读取：{value[:40]}", line) from None
                    raise YamlProblem("此处内容无法读取（格式不对）", line) from None

        _RT_CONSTRUCTOR = Constructor
    return _RT_CONSTRUCTOR


def rt_dump(data, preserve_quotes: bool = True, indent: tuple[int, int, int] = CANONICAL_INDENT) -> str:
    buf = io.StringIO()
    rt_yaml(preserve_quotes, indent).dump(data, buf)
    text = buf.getvalue()
    return text.rstrip("\n") + "\n"
