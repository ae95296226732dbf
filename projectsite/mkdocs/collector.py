"""Python's cycle collector during a build: fewer, larger collections (issue #21).

A build makes millions of short-lived containers (Jinja's contexts, Markdown's element trees) while the data,
the views and MkDocs' pages live until its end. With Python's default thresholds (a collection of the young
objects every 700 new ones, and of everything every hundred of those) the collector took about a tenth of
a 9,000-page build: 139 s, and 125 s with the collector off (at 1.8 times the peak memory). With a young
generation of 50,000 the same build took 131 s at the same peak memory (MAINTAINING.md, "Figures").
The process's own thresholds are put back when MkDocs shuts down, so that whatever runs on in the process
(a test, a program that calls MkDocs) has them as before.
"""

from __future__ import annotations

import gc

THRESHOLDS = (50_000, 20, 10)


def relax() -> tuple[int, int, int]:
    """Sets the build's thresholds; give the result to restore() when the build is over."""
    before = gc.get_threshold()
    gc.set_threshold(*THRESHOLDS)
    return before


def restore(before: tuple[int, int, int]) -> None:
    gc.set_threshold(*before)
