"""YAML with line numbers: parse once, keep the node tree to point at the line of any field."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, SequenceNode

from .messages import Message, say
from .problems import Path


_Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml where the wheel has it: ten times faster


class _Loader(_Base):  # type: ignore[misc, valid-type]
    """Safe YAML that leaves dates as text: the models parse them, with messages an editor understands."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


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
                return value.start_mark.line if value.start_mark.line == key.start_mark.line else key.start_mark.line, value
    if isinstance(node, SequenceNode) and isinstance(part, int) and 0 <= part < len(node.value):
        return node.value[part].start_mark.line, node.value[part]
    return None


class SyntaxProblem(Exception):
    def __init__(self, line: int, message: Message):
        self.line, self.message = line, message
        super().__init__(str(message))


def parse(text: str, line_offset: int = 0) -> Parsed:
    """Parse YAML text; raise SyntaxProblem with a line and plain words when it is not well-formed."""
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = (mark.line + 1 if mark else 1) + line_offset
        column = say("column", column=mark.column + 1) if mark else ""
        raise SyntaxProblem(line, say("yaml_syntax", problem=exc.problem, column=column)) from None
    except yaml.YAMLError as exc:
        raise SyntaxProblem(1 + line_offset, say("yaml_unreadable", problem=str(exc))) from None
    finally:
        loader.dispose()
    return Parsed(data, node, line_offset)


def duplicate_keys(node: Node | None, path: Path = ()) -> list[tuple[Path, int, Message]]:
    """Keys written twice in one mapping (YAML would silently keep the last): path, 0-based line, message."""
    found: list[tuple[Path, int, Message]] = []
    if isinstance(node, MappingNode):
        seen: set[str] = set()
        for key, value in node.value:
            if key.value in seen:
                found.append(((*path, key.value), key.start_mark.line, say("twice", key=key.value)))
            seen.add(key.value)
            found += duplicate_keys(value, (*path, key.value))
    elif isinstance(node, SequenceNode):
        for index, item in enumerate(node.value):
            found += duplicate_keys(item, (*path, index))
    return found
