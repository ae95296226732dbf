"""libyaml's complaints → the line where the broken construct begins, and advice in the editor's words.

No word of the parser reaches the editor: each known problem has its own message in both languages.
"""

from __future__ import annotations

import yaml

from .messages import Message, say

QUOTES = "'\""
BRACKETS = {"[": "]", "{": "}"}


def _char_at(lines: list[str], line: int, column: int) -> str:
    text = lines[line] if 0 <= line < len(lines) else ""
    return text[column] if 0 <= column < len(text) else ""


def _first_of(lines: list[str], line: int, column: int, wanted: str) -> str:
    """The first of `wanted` at or after (line, column): the quote or bracket that opens the construct."""
    text = lines[line][column:] if 0 <= line < len(lines) else ""
    return next((c for c in text if c in wanted), wanted[0])


def _ends_a_quote(lines: list[str], line: int, column: int) -> bool:
    """Whether the text just before (line, column) is a closing quote: words written after a quoted text."""
    before = (lines[line][:column] if 0 <= line < len(lines) else "").rstrip()
    return before[-1:] in QUOTES and len(before) > 1


def _unexpected_character(char: str) -> Message:
    if char == "\t":
        return say("yaml_tab")
    return say("yaml_reserved", char=char or "?")


def explain(exc: yaml.MarkedYAMLError, text: str) -> tuple[int, Message]:
    """The 0-based line to show and the message for one syntax error."""
    lines = text.splitlines()
    context, problem = exc.context or "", exc.problem or ""
    start, at = exc.context_mark, exc.problem_mark
    here = at or start
    line, column = (here.line, here.column) if here else (0, 0)
    if "tab" in problem:
        return line, say("yaml_tab")
    if "quoted scalar" in context and start is not None:
        if "escape" in problem:
            return line, say("yaml_escape")
        return start.line, say("yaml_quote", quote=_first_of(lines, start.line, start.column, QUOTES))
    if "flow sequence" in context or "flow mapping" in context:
        opening = _first_of(lines, start.line, start.column, "[{") if start else "["
        return (start.line if start else line), say("yaml_bracket", open=opening, close=BRACKETS[opening])
    if "simple key" in context and start is not None:
        return start.line, say("yaml_no_colon")
    if "mapping values are not allowed" in problem:
        return line, say("yaml_colon")
    if "cannot start any token" in problem:
        return line, _unexpected_character(_char_at(lines, line, column))
    if ("alias" in context or "anchor" in context) and start is not None:
        return start.line, say("yaml_reserved", char=_char_at(lines, start.line, start.column) or "*")
    if "undefined alias" in problem:
        return line, say("yaml_reserved", char="*")
    if "constructor for the tag" in problem:
        return line, say("yaml_reserved", char="!")
    if "another document" in problem:
        return line, say("yaml_two_documents")
    if "block" in context:
        if _ends_a_quote(lines, line, column):
            return line, say("yaml_after_quote")
        return line, say("yaml_indent")
    return line, say("yaml_other", column=column + 1)


def explain_reader(exc: yaml.reader.ReaderError, text: str) -> tuple[int, Message]:
    """A character YAML does not allow in a file (a control character): its line and code."""
    position = exc.position if isinstance(exc.position, int) else 0
    line = text.count("\n", 0, position)
    return line, say("control_character", code=f"U+{exc.character:04X}" if isinstance(exc.character, int) else "?")
