"""Numbers where the model wants text, given back as the editor wrote them: `time: 9.30` is '9.30', not 9.3."""

from __future__ import annotations

from typing import Any

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from .explain import type_at
from .problems import Path
from .text import Text


def as_written(value: Any, node: Node | None, root: Any, path: Path = ()) -> Any:
    """A copy of `value` in which every plain number at a text field is its source text."""
    if isinstance(node, ScalarNode):
        is_number = isinstance(value, (int, float)) and not isinstance(value, bool)
        return node.value if is_number and type_at(root, path) in (str, Text) else value
    if isinstance(node, SequenceNode) and isinstance(value, list) and len(value) == len(node.value):
        return [
            as_written(item, child, root, (*path, i))
            for i, (item, child) in enumerate(zip(value, node.value, strict=True))
        ]
    if isinstance(node, MappingNode) and isinstance(value, dict):
        children = {key.value: child for key, child in node.value if isinstance(key, ScalarNode)}
        return {
            key: as_written(item, children[key], root, (*path, key))
            if isinstance(key, str) and key in children
            else item
            for key, item in value.items()
        }
    return value
