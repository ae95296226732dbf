"""The MkDocs side of projectsite: one plugin (`plugins: [projectsite]`) that drives the engine.

The rest of the package imports no MkDocs; only this subpackage does. It runs on MkDocs 1.6 and on its
maintained fork ProperDocs 1.6 (ENGINE.md, "Moving to another MkDocs core"). ProperDocs' modules are
`properdocs.*`; its own command makes `mkdocs.*` imports load them, and so does this module where ProperDocs
is installed without MkDocs (the `projectsite` command, which the `properdocs` command does not start).
"""

from __future__ import annotations

import importlib
import logging

try:
    import mkdocs
except ModuleNotFoundError:  # ProperDocs alone: its aliases make every `mkdocs.*` import a `properdocs.*` one
    importlib.import_module("properdocs.replacement")
    import mkdocs

# The core's own name: its loggers, and its command's terminal handler, hang under it.
CORE: str = mkdocs.__name__  # "mkdocs", or "properdocs" under ProperDocs


def core_logger(name: str = "") -> logging.Logger:
    """The core's logger ('mkdocs', or 'properdocs'), or `name` below it: what its terminal and --strict see."""
    return logging.getLogger(f"{CORE}.{name}" if name else CORE)
