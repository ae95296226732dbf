"""One kind of problem for every file: where it is, which field, and what is wrong in plain words."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from .messages import FALLBACK, Message, say

Severity = Literal["error", "warning"]
Path = tuple[str | int, ...]


def field_path(root: str, path: Path) -> str:
    """('events', (2, 'end')) → 'events[2].end'."""
    out = root
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


@dataclass(frozen=True)
class Problem:
    file: str
    line: int | None
    field: str
    message: Message
    severity: Severity = "error"
    # "data" problems concern the site's correctness; "translation" ones only report missing English;
    # "period" ones an event outside the project's period (reported, never stopping a build).
    category: Literal["data", "translation", "period"] = "data"

    def text(self, lang: str = FALLBACK) -> str:
        """'data/events.yaml:14: events[2].end: ends ...', in English or Estonian (without a file: the message)."""
        where = f"{self.file}:{self.line}" if self.line else self.file
        label = "" if self.severity == "error" else say("warning").text(lang) + ": "
        field = f" {self.field}:" if self.field else ""
        return f"{where + ':' if where else ''}{field} {label}{self.message.text(lang)}".lstrip()

    def __str__(self) -> str:
        return self.text(FALLBACK)


def errors(problems: list[Problem]) -> list[Problem]:
    return [p for p in problems if p.severity == "error"]
