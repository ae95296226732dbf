"""`projectsite newsletter preview|sync|announce|status` (and the list commands of list_commands.py): reading
the arguments, printing the reports."""

from __future__ import annotations

import argparse
import datetime as dt
from collections.abc import Callable
from contextlib import nullcontext
from pathlib import Path

from ..dates import today, zone
from ..labels import LABELS
from ..load import SiteData, load_site
from ..messages import Message, say, system_language
from ..problems import Problem
from ..progress import Steps, progress
from .announce import announce, status
from .audience import read_csv
from .backends import backend
from .backends_base import BackendFailure, BackendUnavailable
from .csvfile import Unreadable
from .items import UnknownItem
from .list_commands import add_list_commands
from .lock import audience_lock
from .membership import pending, sync
from .preview import write_preview
from .sendlog import SendLog, SendLogInvalid
from .settings import SettingsUnreadable, add_config_option, load_settings

LOG = Path("data") / "newsletter-log.yaml"


def _say(lines: list[Message] | list[Problem], lang: str) -> None:
    print("\n".join(line.text(lang) for line in lines))


def _valid_data(root: Path, lang: str, config_file: str | None = None) -> SiteData | None:
    """The site's data, or None after printing its errors (an announcement needs the data to be right)."""
    data, problems = load_site(root, config_file=config_file)
    errors = [p for p in problems if p.severity == "error"]
    if errors:
        _say(errors, lang)
        return None
    return data


def _schedule_time(text: str) -> dt.datetime | None:
    """'YYYY-MM-DD HH:MM' in the site's time zone, in the future; None when it is neither."""
    try:
        when = dt.datetime.strptime(text.strip(), "%Y-%m-%d %H:%M").replace(tzinfo=zone())
    except ValueError:
        return None
    return when if when > dt.datetime.now(zone()) else None


def preview_command(args: argparse.Namespace) -> int:
    root, lang = Path(args.root), args.lang or system_language()
    data = _valid_data(root, lang, args.config_file)
    if data is None:
        return 1
    try:
        paths = write_preview(root, data, args.item, root / args.out, args.config_file)
    except UnknownItem as exc:
        _say([exc.message], lang)
        return 1
    print("\n".join(str(path) for path in paths))
    return 0


def sync_command(args: argparse.Namespace) -> int:
    """Exit 1 when the file can't be read or has no usable row (nothing changes then), 2 when the backend fails."""
    root, lang = Path(args.root), args.lang or system_language()
    try:
        settings = load_settings(root, args.config_file)
        subscribers, bad_rows = read_csv(Path(args.csv), settings.languages, settings.regional.csv_encoding)
    except Unreadable as exc:
        _say([exc.problem], lang)
        return 1
    report: list[Message | Problem] = list(bad_rows)
    failed = [p for p in bad_rows if p.severity == "error"]
    if not subscribers:
        _say(report + [say("nl_no_rows", file=Path(args.csv).name)], lang)  # type: ignore[arg-type]
        return 1
    if failed:
        report.append(say("nl_bad_rows", n=len(failed)))
    label = say("nl_progress_save").text(lang)
    try:
        with nullcontext() if args.dry_run else audience_lock(root, "sync"):
            report += sync(
                backend(args.backend, root, settings),
                subscribers,
                args.dry_run,
                lambda total: progress(label, total, quiet=args.quiet),
            )
    except (BackendUnavailable, BackendFailure) as exc:
        _say([exc.message], lang)
        return 2
    _say(report, lang)  # type: ignore[arg-type]
    return 0


def _sending_progress(lang: str, quiet: bool) -> Callable[[str], Steps]:
    """The progress display of a sending in one language: 'sending (et)'."""

    def steps(mail_lang: str) -> Steps:
        label = say("nl_progress_send", lang=mail_lang).text(lang)
        return lambda total: progress(label, total, quiet=quiet)

    return steps


def announce_command(args: argparse.Namespace) -> int:
    root, lang = Path(args.root), args.lang or system_language()
    data = _valid_data(root, lang, args.config_file)  # first: its settings give the schedule's time zone
    if data is None:
        return 1
    when = None
    if args.schedule:
        when = _schedule_time(args.schedule)
        if when is None:
            _say([say("nl_bad_schedule", value=args.schedule, zone=zone().key)], lang)
            return 1
    settings = load_settings(root, args.config_file)
    try:
        with nullcontext() if args.dry_run else audience_lock(root, "announce"):
            report = announce(
                backend(args.backend, root, settings),
                data,
                settings,
                SendLog(root / LOG),
                args.item,
                today(),
                send=args.send,
                schedule=when,
                test_to=args.test_to,
                resend=args.resend,
                dry_run=args.dry_run,
                steps=_sending_progress(lang, args.quiet),
            )
    except SendLogInvalid as exc:
        _say([exc.problem], lang)
        _say([say("nl_log_fix")], lang)
        return 1
    except UnknownItem as exc:
        _say([exc.message], lang)
        return 1
    except (BackendUnavailable, BackendFailure) as exc:
        _say([exc.message], lang)
        return 2
    _say(report, lang)
    return 0


def status_command(args: argparse.Namespace) -> int:
    root, lang = Path(args.root), args.lang or system_language()
    try:
        settings = load_settings(root, args.config_file)
        chosen = backend(args.backend, root, settings)
        report = status(chosen, SendLog(root / LOG)) + pending(chosen.members())
    except SendLogInvalid as exc:
        _say([exc.problem], lang)
        return 1
    except (BackendUnavailable, BackendFailure) as exc:
        _say([exc.message], lang)
        return 2
    _say(report, lang)
    return 0


def _common(command: argparse.ArgumentParser, backend_option: bool = True) -> None:
    command.add_argument("--root", default=".", help="the project folder")
    add_config_option(command)
    command.add_argument("--lang", choices=tuple(LABELS), help="the messages' language (default: the system's)")
    if backend_option:
        command.add_argument(
            "--backend",
            choices=("outbox", "smtp", "mailchimp"),
            help="default: mailchimp when MAILCHIMP_API_KEY and MAILCHIMP_LIST_ID are set, "
            "smtp when SMTP_HOST is set, else outbox (files in outbox/)",
        )


def add_newsletter_commands(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    news = commands.add_parser(
        "newsletter",
        help="announcements of events and news by e-mail",
        description="Announcements of events and news, each subscriber in their language.",
    )
    actions = news.add_subparsers(dest="action", required=True)
    preview = actions.add_parser(
        "preview",
        help="write the e-mails of ITEM to a folder (nothing is sent)",
        description="Render the announcement of ITEM in Estonian and English, as HTML "
        "and plain text, into a folder, and print the files' paths.",
    )
    preview.add_argument("item", metavar="ITEM", help="event:<id> or news:<post file name without .md>")
    preview.add_argument("--out", default="outbox/preview", help="the folder, relative to the root")
    _common(preview, backend_option=False)
    preview.set_defaults(run=preview_command)
    sync = actions.add_parser(
        "sync",
        help="bring the audience in line with a CSV file",
        description="Columns: email (required), name, language (et/en), consent_at, tags (;). "
        "New people are pending unless consent_at is given; nobody who unsubscribed "
        "is subscribed again.",
    )
    sync.add_argument("csv", metavar="SUBSCRIBERS.csv")
    sync.add_argument("--dry-run", action="store_true", help="say what would change, change nothing")
    sync.add_argument("--quiet", action="store_true", help="no progress display")
    _common(sync)
    sync.set_defaults(run=sync_command)
    announce = actions.add_parser(
        "announce",
        help="create (and send) the announcement of ITEM",
        description="Without options: creates the drafts. --send sends them, each "
        "subscriber in their language. An item is never sent twice.",
    )
    announce.add_argument("item", metavar="ITEM", help="event:<id> or news:<post file name without .md>")
    announce.add_argument("--send", action="store_true", help="send to the subscribers")
    announce.add_argument(
        "--schedule", metavar="YYYY-MM-DD HH:MM", help="send at that time, in the site's time zone (Mailchimp only)"
    )
    announce.add_argument("--test-to", metavar="ADDRESS", action="append", help="send a test e-mail there (repeatable)")
    announce.add_argument("--resend", action="store_true", help="send again an item already sent")
    announce.add_argument("--dry-run", action="store_true", help="say what would happen, change nothing")
    announce.add_argument("--quiet", action="store_true", help="no progress display")
    _common(announce)
    announce.set_defaults(run=announce_command)
    stat = actions.add_parser("status", help="the audience by status and language, and the announcements sent")
    _common(stat)
    stat.set_defaults(run=status_command)
    add_list_commands(actions)
    for action in actions.choices.values():
        action.set_defaults(run=_settings_guarded(action.get_default("run")))


def _settings_guarded(run: Callable[[argparse.Namespace], int]) -> Callable[[argparse.Namespace], int]:
    """The command, or exit 2 with a message when mkdocs.yml (the newsletter's settings) can't be read."""

    def guarded(args: argparse.Namespace) -> int:
        try:
            return run(args)
        except SettingsUnreadable as exc:
            _say([exc.message], args.lang or system_language())
            return 2

    return guarded
