"""YAML with line numbers: parse once, keep the node tree to point at the line of any field.

The loader is bounded (nesting depth, aliases and what they expand to) and reads values as written:
no YAML 1.1 octal (`030`), sexagesimal (`14:00`), `yes/no/on/off` booleans or timestamps.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from .messages import Message, say
from .problems import Path
from .yamlsyntax import explain, explain_reader

MAX_DEPTH = 32  # the data needs about 6 levels
MAX_ALIASES = 100
MAX_EXPANSION = 10_000  # nodes that aliases may add to the document, in all

_Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml where the wheel has it: ten times faster


class _Loader(_Base):  # type: ignore[misc, valid-type]
    """Safe YAML that reads plain values as written; the models parse dates and times, with plain messages."""


# YAML 1.2's core schema: only these plain values are not text. Everything else ('030', '14:00', 'no') is text.
# (tag, pattern, the characters such a value can start with; "" is the empty value)
_RESOLVERS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("tag:yaml.org,2002:bool", r"^(?:true|True|TRUE|false|False|FALSE)$", tuple("tTfF")),
    ("tag:yaml.org,2002:null", r"^(?:~|null|Null|NULL|)$", ("~", "n", "N", "")),
    ("tag:yaml.org,2002:int", r"^[-+]?(?:0|[1-9][0-9]*)$", tuple("-+0123456789")),
    (
        "tag:yaml.org,2002:float",
        r"^[-+]?(?:(?:0|[1-9][0-9]*)(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][-+]?[0-9]+)?$",
        tuple("-+.0123456789"),
    ),
    ("tag:yaml.org,2002:merge", r"^<<$", ("<",)),
)


def _core_resolvers() -> dict[str, list[tuple[str, re.Pattern[str]]]]:
    """The resolver table PyYAML's Resolver looks values up in, by their first character."""
    table: dict[str, list[tuple[str, re.Pattern[str]]]] = {}
    for tag, pattern, firsts in _RESOLVERS:
        for first in firsts:
            table.setdefault(first, []).append((tag, re.compile(pattern)))
    return table


_Loader.yaml_implicit_resolvers = _core_resolvers()


@dataclass
class Parsed:
    data: Any
    node: Node | None
    line_offset: int = 0

    def line(self, path: Path) -> int:
        """The 1-based line of the value at `path`, or of the nearest enclosing value that exists."""
        node = self.node
        if node is None:
            return 1 + self.line_offset
        line = node.start_mark.line
        for part in path:
            child = _child(node, part)
            if child is None:
                break
            node, line = child[1], child[0]
        return line + 1 + self.line_offset


def _child(node: Node, part: str | int) -> tuple[int, Node] | None:
    if isinstance(node, MappingNode):
        for key, value in node.value:
            if key.value == str(part):
                return (
                    value.start_mark.line if value.start_mark.line == key.start_mark.line else key.start_mark.line,
                    value,
                )
    if isinstance(node, SequenceNode) and isinstance(part, int) and 0 <= part < len(node.value):
        return node.value[part].start_mark.line, node.value[part]
    return None


class SyntaxProblem(Exception):
    def __init__(self, line: int, message: Message):
        self.line, self.message = line, message
        super().__init__(str(message))


def _screen(text: str) -> int | None:
    """Walk the parser's events (no recursion): refuse deep nesting and many aliases before composing.

    Returns the 0-based line of the first alias, if any."""
    depth, aliases, first_alias = 0, 0, None
    for event in yaml.parse(text, Loader=_Loader):
        if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            depth += 1
            if depth > MAX_DEPTH:
                raise SyntaxProblem(event.start_mark.line, say("yaml_too_deep", limit=MAX_DEPTH))
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            depth -= 1
        elif isinstance(event, yaml.AliasEvent):
            aliases += 1
            first_alias = event.start_mark.line if first_alias is None else first_alias
            if aliases > MAX_ALIASES:
                raise SyntaxProblem(event.start_mark.line, say("yaml_too_many_aliases", limit=MAX_ALIASES))
    return first_alias


def _expansion(root: Node) -> int:
    """How many nodes the aliases add once expanded; -1 when a node contains itself."""
    sizes: dict[int, int] = {}
    distinct: set[int] = set()
    stack: list[tuple[Node, bool]] = [(root, False)]
    open_nodes: set[int] = set()
    while stack:
        node, done = stack.pop()
        key = id(node)
        children = _children(node)
        if done:
            open_nodes.discard(key)
            sizes[key] = 1 + sum(sizes[id(c)] for c in children)
            continue
        if key in open_nodes:
            return -1
        if key in sizes:
            continue
        distinct.add(key)
        open_nodes.add(key)
        stack.append((node, True))
        for child in children:
            if id(child) in open_nodes:
                return -1
            if id(child) not in sizes:
                stack.append((child, False))
    return sizes[id(root)] - len(distinct)


def _children(node: Node) -> list[Node]:
    if isinstance(node, MappingNode):
        return [part for pair in node.value for part in pair]
    if isinstance(node, SequenceNode):
        return list(node.value)
    return []


def _compose(loader: Any, text: str) -> Node | None:
    first_alias = _screen(text)
    node: Node | None = loader.get_single_node()
    if node is not None and first_alias is not None:
        added = _expansion(node)
        if added < 0:
            raise SyntaxProblem(first_alias, say("yaml_recursive"))
        if added > MAX_EXPANSION:
            raise SyntaxProblem(first_alias, say("yaml_expands", limit=MAX_EXPANSION))
    return node


def parse(text: str, line_offset: int = 0) -> Parsed:
    """Parse YAML text; raise SyntaxProblem with a line and plain words when it is not well-formed."""
    loader = _Loader(text)
    try:
        node = _compose(loader, text)
        data = loader.construct_document(node) if node is not None else None
    except SyntaxProblem as exc:
        exc.line += 1 + line_offset
        raise
    except yaml.MarkedYAMLError as exc:
        line, message = explain(exc, text)
        raise SyntaxProblem(line + 1 + line_offset, message) from None
    except yaml.reader.ReaderError as exc:
        line, message = explain_reader(exc, text)
        raise SyntaxProblem(line + 1 + line_offset, message) from None
    except (yaml.YAMLError, ValueError, OverflowError, RecursionError):
        raise SyntaxProblem(1 + line_offset, say("yaml_other", column=1)) from None
    finally:
        loader.dispose()
    return Parsed(data, node, line_offset)


def duplicate_keys(node: Node | None, path: Path = ()) -> list[tuple[Path, int, Message]]:
    """Keys written twice in one mapping (YAML would silently keep the last): path, 0-based line, message."""
    found: list[tuple[Path, int, Message]] = []
    if isinstance(node, MappingNode):
        seen: set[str] = set()
        for key, value in node.value:
            if not isinstance(key, ScalarNode):
                continue
            if key.value in seen:
                found.append(((*path, key.value), key.start_mark.line, say("twice", key=key.value)))
            seen.add(key.value)
            found += duplicate_keys(value, (*path, key.value))
    elif isinstance(node, SequenceNode):
        for index, item in enumerate(node.value):
            found += duplicate_keys(item, (*path, index))
    return found
