"""`projectsite new DIR`: a starter site (settings, data, pages in each language, workflow) that builds as it is."""

from __future__ import annotations

import datetime as dt
import json
from html import escape
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from ..messages import Message, say
from .engine_source import requirement
from .words import WORDS

FILES = Path(__file__).resolve().parent / "files"
# Template → where it goes; `lang` in a path is each language's folder.
SHARED = {
    "mkdocs.yml.j2": "mkdocs.yml",
    "Makefile.j2": "Makefile",
    "gitignore.j2": ".gitignore",
    "requirements.txt.j2": "requirements.txt",
    "README.md.j2": "README.md",
    ".github/workflows/site.yml.j2": ".github/workflows/site.yml",
    "data/events.yaml.j2": "data/events.yaml",
    "data/trainings.yaml.j2": "data/trainings.yaml",
}
PER_LANGUAGE = ("index.md", "project.md", "events.md", "trainings.md", "accessibility.md", "news/index.md")


class StarterRefused(Exception):
    def __init__(self, message: Message):
        self.message = message
        super().__init__(str(message))


def parse_languages(given: str) -> list[str]:
    """'et,en' → ['et', 'en']: known codes, each once, at least one."""
    codes = [code.strip() for code in given.split(",")]
    if not codes or any(code not in WORDS for code in codes) or len(set(codes)) != len(codes):
        raise StarterRefused(say("new_languages", given=given, known=", ".join(WORDS)))
    return codes


def _environment(languages: list[str]) -> Environment:
    env = Environment(loader=FileSystemLoader(FILES), undefined=StrictUndefined, keep_trailing_newline=True)
    env.filters["yaml"] = lambda value: json.dumps(str(value), ensure_ascii=False)  # a JSON string is YAML
    env.filters["one_line"] = _one_line
    env.filters["html"] = lambda value: escape(_one_line(value), quote=True)
    env.filters["markdown"] = _markdown_text
    env.globals["text"] = lambda key: json.dumps({lang: WORDS[lang][key] for lang in languages}, ensure_ascii=False)
    return env


def _one_line(value: object) -> str:
    """A name on one line: a line break in it would end a heading, a YAML value or a mail header."""
    return " ".join(str(value).split())


def _markdown_text(value: object) -> str:
    """The text as Markdown that shows it as it is: every mark (link, emphasis, HTML, table) as a character reference."""
    return "".join(c if c.isalnum() or c == " " else f"&#{ord(c)};" for c in _one_line(value))


def _context(name: str, languages: list[str], today: dt.date) -> dict[str, object]:
    event_day = today + dt.timedelta(days=60)
    return {
        "name": name,
        "languages": languages,
        "words": WORDS,
        "site_url": "https://example.org/",
        "start": today.isoformat(),
        "end": (today + dt.timedelta(days=730)).isoformat(),
        "today": today.isoformat(),
        "event_day": event_day.isoformat(),
        "training_end": (event_day + dt.timedelta(days=30)).isoformat(),
        "requirement": requirement(),
    }


def _rendered(name: str, languages: list[str], today: dt.date) -> dict[str, str]:
    """Every file of the new site: its path → its text."""
    env, context = _environment(languages), _context(name, languages, today)
    out = {dest: env.get_template(src).render(context) for src, dest in SHARED.items()}
    for lang in languages:
        page = {**context, "lang": lang, "w": WORDS[lang]}
        for rel in PER_LANGUAGE:
            out[f"docs/{lang}/{rel}"] = env.get_template(f"docs/lang/{rel}.j2").render(page)
        out[f"docs/{lang}/news/{today.isoformat()}-welcome.md"] = env.get_template("docs/lang/news/post.md.j2").render(
            page
        )
    return out


def create(target: Path, name: str, languages: list[str], today: dt.date) -> int:
    """Writes the site into a new or empty folder; the number of files written."""
    if target.exists() and not target.is_dir():
        raise StarterRefused(say("new_not_folder", folder=str(target)))
    if target.is_dir() and any(target.iterdir()):
        raise StarterRefused(say("new_not_empty", folder=str(target)))
    files = _rendered(name, languages, today)
    try:
        for rel, text in files.items():
            path = target / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            with path.open("x", encoding="utf-8") as out:  # "x": never overwrite
                out.write(text)
    except OSError as exc:
        raise StarterRefused(say("new_cannot_write", folder=str(target), error=exc.strerror or str(exc))) from None
    return len(files)
