"""`projectsite newsletter unsubscribe|subscribe|confirm`: the list managed with commands, on any backend."""

from __future__ import annotations

import argparse
from contextlib import nullcontext
from pathlib import Path

from ..labels import LABELS
from ..messages import Message, say, system_language
from ..problems import Problem
from ..progress import progress
from .backends import backend
from .backends_base import BackendFailure, BackendUnavailable
from .confirm import confirm
from .csvfile import Unreadable, decode, delimiter, file_bytes, read_table
from .lock import audience_lock
from .membership import addresses, subscribe, unsubscribe
from .settings import Settings, add_config_option, load_settings


def _say(lines: list[Message | Problem], lang: str) -> None:
    print("\n".join(line.text(lang) for line in lines))


def addresses_in(path: Path, fallback: str) -> list[str]:
    """The addresses of a file: its e-mail column when it is a CSV with one, else one address a line
    (empty lines and lines starting with # left out). `fallback`: the site's encoding for a file not in UTF-8."""
    text, _ = decode(path, file_bytes(path), fallback)
    lines = text.lstrip("\ufeff").splitlines()
    if lines and delimiter(lines[0]) is not None:
        table = read_table(path, fallback)
        column = table.header.index("email")
        return [cells[column] for _, cells in table.rows if len(cells) > column]
    return [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]


def _given(args: argparse.Namespace, fallback: str) -> list[str]:
    return list(args.address) + (addresses_in(Path(args.from_file), fallback) if args.from_file else [])


def _change(args: argparse.Namespace, action: str, root: Path, settings: Settings, given: list[str]) -> list[Message]:
    """The command's change (under the audience's lock unless a dry run) and its report."""
    lang = args.lang or system_language()
    with nullcontext() if args.dry_run else audience_lock(root, action):
        chosen = backend(args.backend, root, settings)
        if action == "confirm":
            label = say("nl_progress_ask").text(lang)
            return confirm(
                chosen,
                settings,
                root / "outbox",
                again=args.again,
                dry_run=args.dry_run,
                steps=lambda total: progress(label, total, quiet=args.quiet),
            )
        if action == "unsubscribe":
            return unsubscribe(chosen, given, args.dry_run)
        return subscribe(
            chosen,
            given,
            consent=args.consent,
            rejoin=args.rejoin,
            language=args.language,
            original=settings.languages.original,
            dry_run=args.dry_run,
        )


def _run(args: argparse.Namespace, action: str) -> int:
    root, lang = Path(args.root), args.lang or system_language()
    given: list[str] = []
    try:
        settings = load_settings(root, args.config_file)
        if action != "confirm":
            given = _given(args, settings.regional.csv_encoding)
            if not given:
                _say([say("nl_no_addresses")], lang)
                return 1
        report = _change(args, action, root, settings, given)
    except Unreadable as exc:
        _say([exc.problem], lang)
        return 1
    except (BackendUnavailable, BackendFailure) as exc:
        _say([exc.message], lang)
        return 2
    _say(list(report), lang)
    return 1 if addresses(given)[1] else 0  # an argument that is no address makes the exit 1


def _common(command: argparse.ArgumentParser) -> None:
    command.add_argument("--dry-run", action="store_true", help="say what would change, change nothing")
    command.add_argument("--root", default=".", help="the project folder")
    add_config_option(command)
    command.add_argument("--lang", choices=tuple(LABELS), help="the messages' language (default: the system's)")
    command.add_argument(
        "--backend",
        choices=("outbox", "smtp", "mailchimp"),
        help="default: mailchimp when MAILCHIMP_API_KEY and MAILCHIMP_LIST_ID are set, "
        "smtp when SMTP_HOST is set, else outbox",
    )


def _addresses(command: argparse.ArgumentParser) -> None:
    command.add_argument("address", metavar="ADDRESS", nargs="*", help="an e-mail address")
    command.add_argument(
        "--from",
        dest="from_file",
        metavar="FILE",
        help="the addresses of a file: one a line, or a CSV with an email column",
    )


def add_list_commands(actions: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    off = actions.add_parser(
        "unsubscribe",
        help="take people off the list, for good",
        description="Marks each address unsubscribed, with the time. Someone not on the list "
        "is recorded as unsubscribed, so that no later sync adds them.",
    )
    _addresses(off)
    _common(off)
    off.set_defaults(run=lambda args: _run(args, "unsubscribe"))
    on = actions.add_parser(
        "subscribe",
        help="add people, or record their confirmation (--consent)",
        description="A new address is pending until it confirms. --consent records that the "
        "person confirmed (their reply), now: pending becomes subscribed.",
    )
    _addresses(on)
    on.add_argument("--consent", action="store_true", help="the person confirmed: subscribe them")
    on.add_argument(
        "--rejoin", action="store_true", help="with --consent: the person had left and asked to come back themselves"
    )
    on.add_argument(
        "--language", choices=tuple(LABELS), help="their language (new people: the site's original language by default)"
    )
    _common(on)
    on.set_defaults(run=lambda args: _run(args, "subscribe"))
    ask = actions.add_parser(
        "confirm",
        help="ask pending people to confirm, each in their language",
        description="Sends each pending person an e-mail in their language that says how to "
        "confirm: by replying, or with the form on the site. Nobody is asked twice "
        "unless --again.",
    )
    ask.add_argument("--again", action="store_true", help="ask also those asked before")
    ask.add_argument("--quiet", action="store_true", help="no progress display")
    _common(ask)
    ask.set_defaults(run=lambda args: _run(args, "confirm"))
