"""What the terminal says: each build's problems, every time and plainly; other plugins' chatter only with -v.

MkDocs drops a message it already printed in the same `serve` session (a DuplicateFilter on the logger
of mkdocs.commands.build). This logger is another one, so each failed rebuild prints its problems again.
"""

from __future__ import annotations

import logging

from projectsite.messages import say
from projectsite.problems import Problem
from projectsite.translations import summary

from . import core_logger

log = core_logger("plugins.projectsite")

# Lines that ask nothing of an editor: shown only with `mkdocs serve -v` / `mkdocs build -v`.
NOISE = ("config 'site_description' with",)  # mkdocs-static-i18n: the English site_description, as configured
# While the preview shows the error page (a build without pages), what follows from that.
NOISE_WHILE_FAILING = ("Could not find a homepage for locale", '" code 404')


def plain(problem: Problem, lang: str) -> str:
    """'docs/en/x.md: this page has no English version' with no 'warning:' label."""
    where = f"{problem.file}:{problem.line}" if problem.line else problem.file
    field = f" {problem.field}:" if problem.field else ""
    return f"{where}:{field} {problem.message.text(lang)}"


def report(problems: list[Problem], lang: str, serving: bool) -> None:
    """Once per build: errors (under serve: the build goes on to the error page), warnings, missing English."""
    for problem in problems:
        if problem.severity == "error":
            log.error(problem.text(lang))
        elif problem.category == "data":
            log.warning(problem.text(lang))  # counts for --strict
        elif problem.category == "period":
            log.info(problem.text(lang))  # `projectsite check --strict` makes it an error; a build only tells
    if serving and any(p.severity == "error" for p in problems):
        log.error(say("preview_waiting").text(lang))
    untranslated = [p for p in problems if p.category == "translation"]
    if untranslated and (counted := summary(untranslated)) is not None:
        log.info(counted.text(lang))
        for problem in untranslated:
            log.info("  " + plain(problem, lang))


class QuietNoise(logging.Filter):
    """On MkDocs' terminal handler: the NOISE lines become DEBUG, shown only when MkDocs is verbose."""

    def __init__(self) -> None:
        super().__init__()
        self.failing = False  # set by the plugin while the data has errors

    def filter(self, record: logging.LogRecord) -> bool:
        noise = NOISE + NOISE_WHILE_FAILING if self.failing else NOISE
        if record.levelno > logging.WARNING or not any(n in record.getMessage() for n in noise):
            return True
        record.levelno, record.levelname = logging.DEBUG, "DEBUG"
        return core_logger().isEnabledFor(logging.DEBUG)


def quiet_noise() -> tuple[QuietNoise, list[logging.Handler]]:
    """Installs the filter on MkDocs' handlers; give the result to loud_again() when done."""
    noise, handlers = QuietNoise(), list(core_logger().handlers)
    for handler in handlers:
        handler.addFilter(noise)
    return noise, handlers


def loud_again(installed: tuple[QuietNoise, list[logging.Handler]]) -> None:
    noise, handlers = installed
    for handler in handlers:
        handler.removeFilter(noise)
