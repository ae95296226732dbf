"""The site's own hook: a page at each of the project's old addresses that sends the visitor on to the new page.

`hooks/redirects.yaml` lists them, one entry each:

    - from: sundmused/      # the old address, from the site's root: a folder, or a file ending .html
      to: /events/          # the page that replaces it: an address of this site, from its root

After the last language is built (mkdocs-static-i18n builds the whole site once per language, and every event
fires once per language), each old address gets one small page: `<meta http-equiv="refresh">`, a
`<link rel="canonical">` and a visible link, in the language of the page it leads to; no script, nothing from
another host. An old address never leaves the built site and never replaces a file the build wrote; the page it
leads to must be one the build wrote. A mistake is a warning naming the file, the line and the field (so that
`mkdocs build --strict` fails), and its entry is not written.

Only public interfaces: MkDocs' events and logger, and the engine's `language`/`languages_of` (the language being
built, the site's languages) and its bounded YAML reader with line numbers. The engine knows nothing of this file.
"""

from __future__ import annotations

import html
import posixpath
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority, get_plugin_logger

from projectsite.mkdocs.state import language, languages_of
from projectsite.sourcefile import UnreadableFile, read_source
from projectsite.yamlfile import Parsed, SyntaxProblem, parse

log = get_plugin_logger("redirects")

SOURCE = "hooks/redirects.yaml"  # relative to the folder of mkdocs.yml
FIELDS = ("from", "to")
PAGE_SUFFIXES = (".html", ".htm")
# Characters an address may not hold as written: a way out of the folder (`\`), a query or fragment a static
# host can't answer (`?`, `#`), percent-encoding (write the character itself), and what would need quoting.
REFUSED = frozenset('\\?#%"<>|^`{}[]:')

# The visible words, in the language of the page the visitor is sent to (English where a language has none).
WORDS = {
    "et": ("Leht on kolinud", "See leht on nüüd aadressil"),
    "en": ("This page has moved", "This page is now at"),
}


@dataclass(frozen=True)
class Redirect:
    old: str  # below the site's root, without a leading slash: 'sundmused/' or 'vana/leht.html'
    target: str  # below the site's root, without a leading slash: '' (the home page), 'events/', 'en/x.html'
    old_line: int  # the lines of `from:` and `to:` in the file
    target_line: int


def _problem(line: int, field: str, words: str) -> None:
    log.warning(f"{SOURCE}:{line}: {field}: {words}")


def _shown(value: str) -> str:
    """A value as a message quotes it: invisible and control characters as '?', at most 80 characters."""
    text = "".join(c if c.isprintable() else "?" for c in value)
    return repr(text if len(text) <= 80 else text[:77] + "...")


def _address(value: Any) -> tuple[str | None, str]:
    """An address of this site from its root, without the leading slash; or None and why not."""
    if not isinstance(value, str):
        return None, "an address is text, such as /events/"
    if value.strip() != value or any(c.isspace() or unicodedata.category(c)[0] in "CZ" for c in value):
        return None, f"{_shown(value)} holds a space, a line break or an invisible character"
    if value.startswith("//") or any(c in REFUSED for c in value):
        return None, (
            f"{_shown(value)} is not an address of this site: write it from the site's root, such as /events/, "
            "without a scheme, a host, '\\', '?', '#', '%', '\"', '<' or '>'"
        )
    path = value.removeprefix("/")
    segments = path.split("/")
    inner = segments[:-1] if path.endswith("/") else segments
    if path and ("" in inner or any(s in (".", "..") for s in inner)):
        return None, f"{_shown(value)} has an empty, '.' or '..' part"
    return path, ""


def _old_address(value: Any) -> tuple[str | None, str]:
    path, why = _address(value)
    if path is None:
        return None, why
    if not path:
        return None, "the site's root is its home page, not an old address"
    last = path.rsplit("/", 1)[-1]
    if last and "." in last and not last.lower().endswith(PAGE_SUFFIXES):
        return None, f"{_shown(value)}: an old address is a folder (ending '/') or a page ending .html"
    return (path + "/" if last and "." not in last else path), ""


def _page_file(path: str) -> str:
    """The file below the site's root that answers an address: a folder's index.html, or the page itself."""
    return path if path.lower().endswith(PAGE_SUFFIXES) else path + "index.html"


def _target_address(value: Any) -> tuple[str | None, str]:
    """A page of this site: a folder ('/events/', '/', '/en/project') or a page ending .html."""
    path, why = _address(value)
    if path is None:
        return None, why
    last = path.rsplit("/", 1)[-1]
    if last and "." in last and not last.lower().endswith(PAGE_SUFFIXES):
        return None, f"{_shown(value)}: a page of this site is a folder (ending '/') or a page ending .html"
    return (path + "/" if last and "." not in last else path), ""


def _entries(parsed: Parsed) -> list[Redirect]:
    """The entries that are well formed; a warning for each one that is not."""
    data = parsed.data
    if data is None:
        return []
    if not isinstance(data, list):
        _problem(parsed.line(()), "(the file)", "a list of entries, each with 'from:' and 'to:'")
        return []
    found: list[Redirect] = []
    seen: dict[str, int] = {}
    for index, entry in enumerate(data):
        where = parsed.line((index,))
        if not isinstance(entry, dict):
            _problem(where, f"entry {index + 1}", "an entry is 'from:' and 'to:' lines")
            continue
        unknown = [str(key) for key in entry if key not in FIELDS]
        missing = [key for key in FIELDS if key not in entry]
        if unknown or missing:
            field = unknown[0] if unknown else missing[0]
            _problem(where, field, f"an entry has exactly 'from:' and 'to:' ({'unknown' if unknown else 'missing'})")
            continue
        old, why_old = _old_address(entry["from"])
        target, why_target = _target_address(entry["to"])
        if old is None:
            _problem(parsed.line((index, "from")), "from", why_old)
        if target is None:
            _problem(parsed.line((index, "to")), "to", why_target)
        if old is None or target is None:
            continue
        old_file = _page_file(old)
        if old_file in seen:
            _problem(
                parsed.line((index, "from")), "from", f"{_shown(entry['from'])} is listed on line {seen[old_file]}"
            )
            continue
        seen[old_file] = parsed.line((index, "from"))
        found.append(Redirect(old, target, seen[old_file], parsed.line((index, "to"))))
    return found


def _inside(site: Path, rel: str) -> Path | None:
    """The file `rel` below the built site, or None when any part of the way is a link or leads out of it."""
    here = site
    for part in rel.split("/"):
        here = here / part
        if here.is_symlink():
            return None
    return here if here.resolve().is_relative_to(site.resolve()) else None


def _href(old: str, target: str) -> str:
    """The target's address relative to the old page, so that it works under any host and in the preview."""
    folder = posixpath.dirname(_page_file(old)) or "."
    if target.endswith("/") or not target:
        relative = posixpath.relpath(target.rstrip("/") or ".", folder)
        return "./" if relative == "." else relative + "/"
    return posixpath.relpath(target, folder)


def _folders_or_nothing(site: Path, path: Path) -> bool:
    """Whether every folder on the way from the site to `path` is a folder or not there yet (never a file)."""
    return all(not (site / p).exists() or (site / p).is_dir() for p in path.relative_to(site).parents)


def _page(redirect: Redirect, target_lang: str, site_url: str) -> str:
    """The page at the old address: every value escaped, nothing fetched, no script."""
    href = _href(redirect.old, redirect.target)
    canonical = site_url.rstrip("/") + "/" + redirect.target if site_url else href
    words_lang = target_lang if target_lang in WORDS else "en"
    title, words = WORDS[words_lang]
    other = f' lang="{words_lang}"' if words_lang != target_lang else ""  # English words on another language's page
    e = html.escape
    return (
        "<!doctype html>\n"
        f'<html lang="{e(target_lang)}">\n'
        "<head>\n"
        '<meta charset="utf-8">\n'
        f"<title{other}>{e(title)}</title>\n"
        f'<meta http-equiv="refresh" content="0; url={e(href)}">\n'
        f'<link rel="canonical" href="{e(canonical)}">\n'
        '<meta name="robots" content="noindex">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        "</head>\n"
        "<body>\n"
        f'<p{other}>{e(words)} <a href="{e(href)}">{e(canonical)}</a>.</p>\n'
        "</body>\n"
        "</html>\n"
    )


def read_redirects(config: MkDocsConfig) -> list[Redirect]:
    """The well-formed entries of the site's redirects file (none when it is absent); a warning for each mistake."""
    root = Path(config.config_file_path or "mkdocs.yml").resolve().parent
    path = root / SOURCE
    if not path.exists() and not path.is_symlink():
        return []
    try:
        parsed = parse(read_source(path, root))
    except UnreadableFile as exc:
        _problem(exc.line or 1, "(the file)", str(exc.message))
        return []
    except SyntaxProblem as exc:
        _problem(exc.line, "(the file)", str(exc.message))
        return []
    return _entries(parsed)


# After the engine's on_post_build (0: its feeds, link check and search index), before i18n's (-100), which
# builds the next language from inside it: so the redirect pages are written once, after the last language.
@event_priority(-50)
def on_post_build(config: MkDocsConfig) -> None:
    languages = languages_of(config)
    if language(config) != languages.codes[-1]:
        return
    site = Path(config.site_dir)
    redirects = read_redirects(config)
    olds = {_page_file(r.old): r.old_line for r in redirects}
    for redirect in redirects:
        old = _inside(site, _page_file(redirect.old))
        if old is None or old.exists() or not _folders_or_nothing(site, old):
            why = "it leads out of the built site" if old is None else "the built site already has a file there"
            _problem(redirect.old_line, "from", f"{_shown('/' + redirect.old)}: {why}")
            continue
        target = _inside(site, _page_file(redirect.target))
        chained = olds.get(_page_file(redirect.target))
        if chained is not None:
            why = f"is the old address on line {chained}: give the page that replaces it"
            _problem(redirect.target_line, "to", f"{_shown('/' + redirect.target)} {why}")
            continue
        if target is None or not target.is_file():
            _problem(redirect.target_line, "to", f"{_shown('/' + redirect.target)} is no page of this site")
            continue
        first = redirect.target.split("/", 1)[0]
        target_lang = first if first in languages.codes[1:] else languages.original
        try:
            old.parent.mkdir(parents=True, exist_ok=True)
            old.write_text(_page(redirect, target_lang, config.site_url or ""), encoding="utf-8")
        except OSError as exc:
            _problem(redirect.old_line, "from", f"{_shown('/' + redirect.old)}: not written ({exc.strerror})")
