"""The `projectsite` command: `check` validates the data, `schema` writes JSON Schemas, `newsletter` e-mails."""
from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from .load import load_site
from .messages import count, say, system_language
from .problems import Problem
from .newsletter.items import UnknownItem
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
    lines.append(counts.text(lang) if problems
                 else say("all_valid").text(lang))
    untranslated = summary(problems)
    if untranslated is not None:
        lines.append(untranslated.text(lang))
    return lines


def check(args: argparse.Namespace) -> int:
    _, problems = load_site(Path(args.root), args.docs_dir)
    lang = args.lang or system_language()
    print("\n".join(report(problems, lang, args.format)))
    failing = [p for p in problems if p.severity == "error" or args.strict]
    return 1 if failing else 0


def schema(args: argparse.Namespace) -> int:
    from .schema import write_schemas  # only this command needs it
    for path in write_schemas(Path(args.root) / args.out):
        print(path)
    return 0


def newsletter_preview(args: argparse.Namespace) -> int:
    """Writes the announcement e-mails of ITEM, both languages, HTML and text; prints their paths."""
    from .newsletter.preview import write_preview  # only this command needs it
    root = Path(args.root)
    data, problems = load_site(root)
    lang = args.lang or system_language()
    if any(p.severity == "error" for p in problems):
        print("\n".join(report(problems, lang, "text")))
        return 1
    try:
        paths = write_preview(root, data, args.item, root / args.out)
    except UnknownItem as exc:
        print(exc.message.text(lang))
        return 1
    print("\n".join(str(path) for path in paths))
    return 0


def _newsletter_context(args: argparse.Namespace) -> tuple[Path, str]:
    return Path(args.root), args.lang or system_language()


def newsletter_sync(args: argparse.Namespace) -> int:
    from .newsletter.announce import sync
    from .newsletter.audience import read_csv
    from .newsletter.backends import backend
    from .newsletter.backends_base import BackendUnavailable
    from .newsletter.settings import load_settings
    root, lang = _newsletter_context(args)
    subscribers, bad_rows = read_csv(Path(args.csv))
    lines = [p.text(lang) for p in bad_rows]
    if bad_rows:
        lines.append(say("nl_bad_rows", n=len(bad_rows)).text(lang))
    try:
        lines += [m.text(lang) for m in sync(backend(args.backend, root, load_settings(root)), subscribers, args.dry_run)]
    except BackendUnavailable as exc:
        print(exc.message.text(lang))
        return 2
    print("\n".join(lines))
    return 0


def newsletter_announce(args: argparse.Namespace) -> int:
    from .dates import today
    from .newsletter.announce import announce
    from .newsletter.backends import backend, chosen
    from .newsletter.backends_base import BackendFailure, BackendUnavailable
    from .newsletter.sendlog import SendLog
    from .newsletter.settings import load_settings
    root, lang = _newsletter_context(args)
    if args.schedule:
        print(say("nl_no_schedule", backend=chosen(args.backend)).text(lang))
        return 2
    data, problems = load_site(root)
    if any(p.severity == "error" for p in problems):
        print("\n".join(report(problems, lang, "text")))
        return 1
    settings = load_settings(root)
    try:
        lines = announce(backend(args.backend, root, settings), data, settings, SendLog(root / "data" / "newsletter-log.yaml"),
                         args.item, today(), send=args.send, test_to=args.test_to, resend=args.resend, dry_run=args.dry_run)
    except (BackendUnavailable, BackendFailure, UnknownItem) as exc:
        print(exc.message.text(lang))
        return 1 if isinstance(exc, UnknownItem) else 2
    print("\n".join(m.text(lang) for m in lines))
    return 0


def newsletter_status(args: argparse.Namespace) -> int:
    from .newsletter.announce import status
    from .newsletter.backends import backend
    from .newsletter.backends_base import BackendUnavailable
    from .newsletter.sendlog import SendLog
    from .newsletter.settings import load_settings
    root, lang = _newsletter_context(args)
    try:
        lines = status(backend(args.backend, root, load_settings(root)), SendLog(root / "data" / "newsletter-log.yaml"))
    except BackendUnavailable as exc:
        print(exc.message.text(lang))
        return 2
    print("\n".join(m.text(lang) for m in lines))
    return 0


def _common(command: argparse.ArgumentParser, backend: bool = True) -> None:
    command.add_argument("--root", default=".", help="the project folder")
    command.add_argument("--lang", choices=("et", "en"), help="the messages' language (default: the system's)")
    if backend:
        command.add_argument("--backend", choices=("outbox", "smtp", "mailchimp"),
                             help="default: mailchimp when MAILCHIMP_API_KEY and MAILCHIMP_LIST_ID are set, "
                                  "smtp when SMTP_HOST is set, else outbox (files in outbox/)")


def parser() -> argparse.ArgumentParser:
    main = argparse.ArgumentParser(prog="projectsite", description="The project website's data tools.")
    commands = main.add_subparsers(dest="command", required=True)
    chk = commands.add_parser("check", help="validate data/*.yaml and the news posts, report missing English",
                              description="Validate every data file and news post; exit 1 on an error. "
                                          "Texts and pages without English are reported as warnings.")
    chk.add_argument("--root", default=".", help="the project folder (default: the current folder)")
    chk.add_argument("--docs-dir", default="docs", help="the pages folder, relative to the root")
    chk.add_argument("--strict", action="store_true", help="treat warnings (missing English too) as errors")
    chk.add_argument("--format", choices=("text", "github"), default="text",
                     help="'github' prints GitHub workflow annotations")
    chk.add_argument("--lang", choices=("et", "en"), help="the messages' language (default: the system's)")
    chk.set_defaults(run=check)
    sch = commands.add_parser("schema", help="write JSON Schemas of the data files (for editors like VS Code)")
    sch.add_argument("--root", default=".", help="the project folder")
    sch.add_argument("--out", default="schemas", help="the folder to write, relative to the root")
    sch.set_defaults(run=schema)
    news = commands.add_parser("newsletter", help="announcements of events and news by e-mail",
                               description="Announcements of events and news, each subscriber in their language.")
    actions = news.add_subparsers(dest="action", required=True)
    preview = actions.add_parser("preview", help="write the e-mails of ITEM to a folder (nothing is sent)",
                                 description="Render the announcement of ITEM in Estonian and English, as HTML "
                                             "and plain text, into a folder, and print the files' paths.")
    preview.add_argument("item", metavar="ITEM", help="event:<id> or news:<post file name without .md>")
    preview.add_argument("--out", default="outbox/preview", help="the folder, relative to the root")
    _common(preview, backend=False)
    preview.set_defaults(run=newsletter_preview)
    sync = actions.add_parser("sync", help="bring the audience in line with a CSV file",
                              description="Columns: email (required), name, language (et/en), consent_at, tags (;). "
                                          "New people are pending unless consent_at is given; nobody who unsubscribed "
                                          "is subscribed again.")
    sync.add_argument("csv", metavar="SUBSCRIBERS.csv")
    sync.add_argument("--dry-run", action="store_true", help="say what would change, change nothing")
    _common(sync)
    sync.set_defaults(run=newsletter_sync)
    announce = actions.add_parser("announce", help="create (and send) the announcement of ITEM",
                                  description="Without options: creates the drafts. --send sends them, each "
                                              "subscriber in their language. An item is never sent twice.")
    announce.add_argument("item", metavar="ITEM", help="event:<id> or news:<post file name without .md>")
    announce.add_argument("--send", action="store_true", help="send to the subscribers")
    announce.add_argument("--schedule", metavar="YYYY-MM-DD HH:MM", help="send at that time, Tallinn (Mailchimp only)")
    announce.add_argument("--test-to", metavar="ADDRESS", action="append", help="send a test e-mail there (repeatable)")
    announce.add_argument("--resend", action="store_true", help="send again an item already sent")
    announce.add_argument("--dry-run", action="store_true", help="say what would happen, change nothing")
    _common(announce)
    announce.set_defaults(run=newsletter_announce)
    stat = actions.add_parser("status", help="the audience by status and language, and the announcements sent")
    _common(stat)
    stat.set_defaults(run=newsletter_status)
    return main


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    return int(args.run(args))


if __name__ == "__main__":
    sys.exit(main())
