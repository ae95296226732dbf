"""The record of announcements, committed as data/newsletter-log.yaml: what was created and sent, never who to.

Append-only: a campaign's creation, the start of its sending and its end are three entries, so a run that
stopped between them finds the campaign again instead of making a second one, and a sending that stopped
halfway is known whatever backend runs next (announce.py refuses to start it again on another backend). The log is validated whenever it is read (a hand
edit or a merge conflict is a message with its line, never a resend) and each entry is added by reading
the file again and replacing it whole (a temporary file, then os.replace), under the send lock.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import tempfile
from dataclasses import asdict, dataclass
from pathlib import Path

import yaml

from ..messages import Message, say
from ..problems import Problem, field_path
from ..yamlfile import SyntaxProblem, parse

HEADER = "# Announcements of the newsletter, written by `projectsite newsletter announce`. No personal data.\n"
STATUSES = ("created", "sent", "scheduled", "sending")
DELIVERED = ("sent", "scheduled")
STARTED = ("sending", "sent", "scheduled")  # someone may have it
REQUIRED = ("item", "language", "backend", "campaign", "status", "at")
CONFLICT = re.compile(r"^(<{7}|={7}|>{7}|\|{7})(\s|$)")
CHECKS: dict[str, tuple[re.Pattern[str], str]] = {
    "item": (re.compile(r"(event|news):[^\s:]+"), "event:<id> or news:<slug>"),
    # any language a site may have (its mkdocs.yml says which): a code like et, en, ru or pt-BR
    "language": (re.compile(r"[a-z]{2,3}(-[A-Za-z0-9]{1,8})*"), "a language code like et, en or ru"),
    "backend": (re.compile(r"outbox|smtp|mailchimp"), "outbox, smtp or mailchimp"),
    "campaign": (re.compile(r"[A-Za-z0-9._:-]+"), "a campaign id"),
    "status": (re.compile("|".join(STATUSES)), ", ".join(STATUSES)),
    "at": (re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\+00:00|Z)"), "a time like 2022-06-01T10:00:00+00:00"),
    "recipients": (re.compile(r"\d{1,9}"), "a whole number"),
}


@dataclass(frozen=True)
class Entry:
    item: str
    language: str
    backend: str
    campaign: str
    status: str  # created, sending (written before the first message leaves), sent, scheduled
    at: str
    recipients: int | None = None


class SendLogInvalid(Exception):
    def __init__(self, problem: Problem):
        self.problem = problem
        super().__init__(str(problem))


def _line(node: yaml.Node) -> int:
    return node.start_mark.line + 1


def _entry(node: yaml.Node, index: int, file: str) -> Entry:
    """One entry, read as written (no YAML 1.1 guessing), or the first thing wrong with it."""

    def wrong(line: int, field: str, message: Message) -> SendLogInvalid:
        return SendLogInvalid(Problem(file, line, field_path("", (index, field)) if field else f"[{index}]", message))

    if not isinstance(node, yaml.MappingNode):
        raise wrong(_line(node), "", say("nl_log_entry"))
    values: dict[str, str] = {}
    for key, value in node.value:
        name = str(key.value) if isinstance(key, yaml.ScalarNode) else "?"
        if name not in CHECKS:
            raise wrong(_line(key), name, say("unknown_known", key=name, known=", ".join(CHECKS)))
        if not isinstance(value, yaml.ScalarNode):
            raise wrong(_line(value), name, say("nl_log_value", expected=CHECKS[name][1], value="…"))
        pattern, expected = CHECKS[name]
        if not pattern.fullmatch(value.value):
            raise wrong(_line(value), name, say("nl_log_value", expected=expected, value=value.value))
        values[name] = value.value
    missing = [name for name in REQUIRED if name not in values]
    if missing:
        raise wrong(_line(node), missing[0], say("missing", field=missing[0]))
    recipients = values.pop("recipients", None)
    return Entry(**values, recipients=int(recipients) if recipients is not None else None)


def _compose(text: str, file: str) -> yaml.Node | None:
    """The log's YAML as nodes, through the site's bounded loader (YAML 1.2 core resolvers; limits on aliases,
    depth and expansion, so a hostile log can't hang or crash the command), and without any alias."""
    try:
        root = parse(text).node
    except SyntaxProblem as exc:
        raise SendLogInvalid(Problem(file, exc.line, "", say("nl_log_yaml", error=exc.message))) from None
    if root is not None and _has_anchor(root):
        raise SendLogInvalid(Problem(file, None, "", say("nl_log_alias")))
    return root


def _has_anchor(root: yaml.Node) -> bool:
    """Whether any node of the log is an anchor's or an alias's (an alias composes to its anchor's node, which
    then appears twice)."""
    seen: set[int] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            return True
        seen.add(id(node))
        if isinstance(node, yaml.SequenceNode):
            stack += node.value
        elif isinstance(node, yaml.MappingNode):
            stack += [part for pair in node.value for part in pair]
    return False


def read_entries(path: Path, file: str) -> list[Entry]:
    """The log's entries; a log changed by hand into something else is a SendLogInvalid naming file and line."""
    if not path.exists():
        return []
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise SendLogInvalid(Problem(file, None, "", say("nl_log_unreadable", error=str(exc)))) from None
    for number, text_line in enumerate(text.splitlines(), 1):
        if CONFLICT.match(text_line):
            raise SendLogInvalid(Problem(file, number, "", say("nl_log_conflict")))
    root = _compose(text, file)
    if root is None:
        return []
    if not isinstance(root, yaml.SequenceNode):
        raise SendLogInvalid(Problem(file, _line(root), "", say("nl_log_shape")))
    return [_entry(node, index, file) for index, node in enumerate(root.value)]


def _write(path: Path, entries: list[Entry]) -> None:
    """The whole log into a temporary file beside it, flushed to disk, then put in its place in one step."""
    body = yaml.safe_dump(
        [{k: v for k, v in asdict(e).items() if v is not None} for e in entries], allow_unicode=True, sort_keys=False
    )
    handle, temporary = tempfile.mkstemp(prefix=".newsletter-log.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(HEADER + body)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    directory = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(directory)
    finally:
        os.close(directory)


class SendLog:
    def __init__(
        self,
        path: Path,
        file: str = "data/newsletter-log.yaml",
    ):
        self.path, self.file = path, file
        self.entries = read_entries(path, file)

    def latest(self, item: str, language: str, backend: str) -> Entry | None:
        found = [e for e in self.entries if (e.item, e.language, e.backend) == (item, language, backend)]
        return found[-1] if found else None

    def delivered(self, item: str, language: str) -> Entry | None:
        """The last sending (or scheduling) of the item in the language, by any backend."""
        found = [e for e in self.entries if (e.item, e.language) == (item, language) and e.status in DELIVERED]
        return found[-1] if found else None

    def started(self, item: str, language: str) -> Entry | None:
        """The last sending of the item in the language that began, finished or not, by any backend."""
        found = [e for e in self.entries if (e.item, e.language) == (item, language) and e.status in STARTED]
        return found[-1] if found else None

    def record(
        self, item: str, language: str, backend: str, campaign: str, status: str, recipients: int | None = None
    ) -> Entry:
        """Adds an entry to the log as it is on disk now (never a stale copy), so no entry is ever lost."""
        at = dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()
        entry = Entry(item, language, backend, campaign, status, at, recipients)
        self.entries = read_entries(self.path, self.file) + [entry]
        self.path.parent.mkdir(parents=True, exist_ok=True)
        _write(self.path, self.entries)
        return entry
