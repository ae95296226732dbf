"""The `projectsite` command: `projectsite check` validates every data file and news post."""
from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from .load import load_site
from .problems import Problem


def _summary(problems: list[Problem]) -> str:
    errors = sum(p.severity == "error" for p in problems)
    warnings = len(problems) - errors
    if not problems:
        return "All data files and news posts are valid."
    return f"{errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)}."


def check(args: argparse.Namespace) -> int:
    root = Path(args.root)
    _, problems = load_site(root, args.docs_dir)
    for problem in problems:
        print(problem)
    print(_summary(problems))
    failing = [p for p in problems if p.severity == "error" or args.strict]
    return 1 if failing else 0


def parser() -> argparse.ArgumentParser:
    main = argparse.ArgumentParser(prog="projectsite", description="The project website's data tools.")
    commands = main.add_subparsers(dest="command", required=True)
    chk = commands.add_parser("check", help="validate data/*.yaml and the news posts",
                              description="Validate every data file and news post; exit 1 on an error.")
    chk.add_argument("--root", default=".", help="the project folder (default: the current folder)")
    chk.add_argument("--docs-dir", default="docs", help="the pages folder, relative to the root")
    chk.add_argument("--strict", action="store_true", help="treat warnings as errors")
    chk.set_defaults(run=check)
    return main


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    return int(args.run(args))


if __name__ == "__main__":
    sys.exit(main())
