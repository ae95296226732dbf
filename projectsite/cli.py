"""The `projectsite` command: `check` validates the data, `schema` writes JSON Schemas, `newsletter` e-mails."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from .dates import in_zone
from .labels import LABELS as CATALOGUE_LANGUAGES
from .load import load_site
from .messages import count, say, system_language
from .newsletter.commands import add_newsletter_commands
from .newsletter.settings import add_config_option
from .problems import Problem
from .translations import summary


def _github_escape(text: str, property_value: bool = False) -> str:
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return text.replace(":", "%3A").replace(",", "%2C") if property_value else text


def github_annotation(problem: Problem, lang: str) -> str:
    """A GitHub workflow command, shown on the very line of the file in a pull request."""
    kind = "error" if problem.severity == "error" else "warning"
    props = [f"file={_github_escape(problem.file, True)}"]
    if problem.line:
        props.append(f"line={problem.line}")
    if problem.field:
        props.append(f"title={_github_escape(problem.field, True)}")
    return f"::{kind} {','.join(props)}::{_github_escape(problem.message.text(lang))}"


def report(problems: list[Problem], lang: str, output_format: str) -> list[str]:
    lines = [github_annotation(p, lang) if output_format == "github" else p.text(lang) for p in problems]
    errors = sum(p.severity == "error" for p in problems)
    counts = say("counts", errors=count(errors, "error"), warnings=count(len(problems) - errors, "warning"))
    lines.append(counts.text(lang) if problems else say("all_valid").text(lang))
    untranslated = summary(problems)
    if untranslated is not None:
        lines.append(untranslated.text(lang))
    return lines


def check(args: argparse.Namespace) -> int:
    _, problems = load_site(Path(args.root), args.docs_dir, config_file=args.config_file)
    lang = args.lang or system_language()
    print("\n".join(report(problems, lang, args.format)))
    failing = [p for p in problems if p.severity == "error" or args.strict]
    return 1 if failing else 0


def schema(args: argparse.Namespace) -> int:
    from .languages import site_languages
    from .schema import write_schemas  # only this command needs it

    for path in write_schemas(Path(args.root) / args.out, site_languages(Path(args.root), args.config_file)):
        print(path)
    return 0


def new(args: argparse.Namespace) -> int:
    from .dates import today
    from .starter import StarterRefused, create, parse_languages

    lang = args.lang or system_language()
    target = Path(args.folder)
    try:
        written = create(target, args.name or target.resolve().name, parse_languages(args.languages), today())
    except StarterRefused as refused:
        print(refused.message.text(lang), file=sys.stderr)
        return 1
    print(say("new_written", folder=str(target), n=written).text(lang))
    return 0


def zensical_build(args: argparse.Namespace) -> int:
    from .zensical.build import build  # only this command needs it

    lang = args.lang or system_language()
    outcome = build(Path(args.root), args.config_file, args.site_dir)
    errors = [p for p in outcome.problems if p.severity == "error"]
    if errors:
        print("\n".join(report(outcome.problems, lang, "text")), file=sys.stderr)
        return 1
    if outcome.failure is not None or outcome.site is None:
        print((outcome.failure or say("zensical_missing")).text(lang), file=sys.stderr)
        return 1
    print(say("zensical_built", languages=", ".join(outcome.languages), folder=str(outcome.site)).text(lang))
    return 0


def parser() -> argparse.ArgumentParser:
    main = argparse.ArgumentParser(prog="projectsite", description="The project website's data tools.")
    commands = main.add_subparsers(dest="command", required=True)
    chk = commands.add_parser(
        "check",
        help="validate data/*.yaml and the news posts, report missing English",
        description="Validate every data file and news post; exit 1 on an error. "
        "Texts and pages without English are reported as warnings.",
    )
    chk.add_argument("--root", default=".", help="the project folder (default: the current folder)")
    add_config_option(chk)
    chk.add_argument("--docs-dir", default="docs", help="the pages folder, relative to the root")
    chk.add_argument("--strict", action="store_true", help="treat warnings (missing English too) as errors")
    chk.add_argument(
        "--format", choices=("text", "github"), default="text", help="'github' prints GitHub workflow annotations"
    )
    chk.add_argument(
        "--lang", choices=tuple(CATALOGUE_LANGUAGES), help="the messages' language (default: the system's)"
    )
    chk.set_defaults(run=check)
    sch = commands.add_parser("schema", help="write JSON Schemas of the data files (for editors like VS Code)")
    sch.add_argument("--root", default=".", help="the project folder")
    add_config_option(sch)
    sch.add_argument("--out", default="schemas", help="the folder to write, relative to the root")
    sch.set_defaults(run=schema)
    new_site = commands.add_parser(
        "new",
        help="write a starter site for another project into a new folder",
        description="Write a starter site (mkdocs.yml, data/, docs/<language>/, a workflow) that builds as it is.",
    )
    new_site.add_argument("folder", help="the new site's folder (new or empty)")
    new_site.add_argument("--languages", default="et,en", help="language codes, the original first (default: et,en)")
    new_site.add_argument("--name", help="the project's name (default: the folder's name)")
    new_site.add_argument(
        "--lang", choices=tuple(CATALOGUE_LANGUAGES), help="the messages' language (default: the system's)"
    )
    new_site.set_defaults(run=new)
    zen = commands.add_parser(
        "zensical-build",
        help="build the site with Zensical instead of MkDocs (a measured alternative; see ENGINE.md)",
        description="Validate the data, build each language with Zensical (one project per language) and add the "
        "feeds, calendars, event JSON-LD and language links into one site folder, at the same addresses as "
        "mkdocs build. The MkDocs build stays the default.",
    )
    zen.add_argument("--root", default=".", help="the project folder (default: the current folder)")
    add_config_option(zen)
    zen.add_argument("--site-dir", help="the output folder, relative to the root (default: the configuration's, site)")
    zen.add_argument(
        "--lang", choices=tuple(CATALOGUE_LANGUAGES), help="the messages' language (default: the system's)"
    )
    zen.set_defaults(run=zensical_build)
    add_newsletter_commands(commands)
    return main


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    with in_zone(None):  # the command's site's time zone, once its settings are loaded; none after it
        return int(args.run(args))


if __name__ == "__main__":
    sys.exit(main())
