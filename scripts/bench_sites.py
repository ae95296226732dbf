"""The sites `make bench` builds: the shipped site grown ×N with valid synthetic data, and the same pages for
plain MkDocs (Material and mkdocs-static-i18n, no projectsite), for Hugo and for Zensical (one language a build)."""

from __future__ import annotations

import os
import random
import re
import shutil
from pathlib import Path
from typing import Any

import yaml

from projectsite.dates import today
from projectsite.languages import site_languages
from projectsite.load import load_site
from projectsite.render import Renderer

ROOT = Path(__file__).resolve().parent.parent
PARTS = ("mkdocs.yml", "docs", "data", "hooks")  # what a build of the site reads (the engine is the installed package)

# Added for each step of the factor beyond ×1: ×100 has about 4,000 events and 10,000 media items.
EVENTS_PER_STEP = 40
MEDIA_PER_STEP = 100
POSTS_PER_STEP = 5

Pages = dict[str, dict[str, str]]  # {language: {path in the language's folder: Markdown}}


def site_source() -> Path:
    """The site the benchmarks measure: the shipped one, or the folder PROJECTSITE_BENCH_SITE names (the smoke
    tests name the engine's fixture site, so that they pass whatever the shipped content is, or without it)."""
    given = os.environ.get("PROJECTSITE_BENCH_SITE")
    source = Path(given) if given else ROOT
    if not (source / "mkdocs.yml").is_file():
        raise SystemExit(f"{source}: no mkdocs.yml there; PROJECTSITE_BENCH_SITE must name a site's folder")
    return source


def copy_project(dest: Path) -> Path:
    """A copy of the measured site's sources (those it has)."""
    source = site_source()
    dest.mkdir(parents=True)
    for part in PARTS:
        if (source / part).is_dir():
            shutil.copytree(source / part, dest / part)
        elif (source / part).is_file():
            shutil.copy(source / part, dest / part)
    return dest


def _text(rng: random.Random, words: int) -> dict[str, str]:
    vocabulary = ["kool", "noor", "tugi", "võrgustik", "koostöö", "seminar", "õpe", "pere", "laps", "Võru"]
    et = " ".join(rng.choice(vocabulary) for _ in range(words)).capitalize()
    return {"et": et, "en": "EN " + et}


def _load(project: Path, name: str) -> list[Any]:
    loaded = yaml.safe_load((project / f"data/{name}.yaml").read_text(encoding="utf-8")) or []
    assert isinstance(loaded, list), name
    return loaded


def _event(rng: random.Random, i: int) -> dict[str, Any]:
    day = f"{2020 + i % 8}-{1 + i % 12:02}-{1 + i % 28:02}"
    return {
        "id": f"synthetic-{i}",
        "title": _text(rng, 4),
        "start": f"{day} 10:00",
        "end": f"{day} 16:00",
        "location": "Võru",
        "summary": _text(rng, 40),
        "agenda": [{"time": f"{10 + h}:00", "item": _text(rng, 5)} for h in range(5)],
    }


def _programme(rng: random.Random, p: int) -> dict[str, Any]:
    return {
        "id": f"programme-{p}",
        "title": _text(rng, 6),
        "period": {"start": "2023-01-01", "end": "2023-12-31"},
        "volume": {"contact": 100, "independent": 50},
        "modules": [
            {
                "id": f"m-{m}",
                "date": f"2023-{1 + m:02}-15",
                "title": _text(rng, 5),
                "trainers": ["A B"],
                "hours": {"contact": 6, "independent": 2},
                "goals": _text(rng, 20),
            }
            for m in range(10)
        ],
    }


def synthesize(project: Path, factor: int, seed: int = 2022) -> None:
    """Adds (factor - 1) steps of synthetic but valid data: events, media items, programmes and news posts."""
    if factor == 1:
        return
    rng = random.Random(seed)
    extra = factor - 1
    events = _load(project, "events") + [_event(rng, i) for i in range(EVENTS_PER_STEP * extra)]
    trainings = _load(project, "trainings") + [_programme(rng, p) for p in range(max(1, extra // 5))]
    media = _load(project, "media") + [
        {
            "date": f"{2020 + i % 6}-{1 + i % 12:02}-{1 + i % 28:02}",
            "title": _text(rng, 8)["et"],
            "outlet": rng.choice(["Lõunaleht", "Ring FM", "Õpetajate Leht"]),
        }
        for i in range(MEDIA_PER_STEP * extra)
    ]
    for name, data in (("events", events), ("trainings", trainings), ("media", media)):
        (project / f"data/{name}.yaml").write_text(
            yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8"
        )
    for i in range(POSTS_PER_STEP * extra):
        day = f"2023-{1 + i % 12:02}-{1 + i % 28:02}"
        for lang in site_languages(project):
            body = " ".join(_text(rng, 200).get(lang, "").split())
            (project / "docs" / lang / "news" / f"{day}-post-{i}.md").write_text(
                f"---\ndate: {day}\ntitle: Post {i} {lang}\n---\n\n# Post {i}\n\n{body}\n", encoding="utf-8"
            )


def count_items(project: Path) -> tuple[int, int]:
    """(events, media items) in a project's data."""
    return len(_load(project, "events")), len(_load(project, "media"))


# ---------------------------------------------------------------- the same pages without the engine


def plain_pages(project: Path) -> Pages:
    """Every page's Markdown as the engine fills it (its markers replaced), and one page per event."""
    data, _ = load_site(project)
    pages: Pages = {}
    for lang in data.languages:
        renderer = Renderer(data, lang, today(), "https://loim.example.org/")
        out = pages.setdefault(lang, {})
        for path in sorted((project / "docs" / lang).rglob("*.md")):
            rel = path.relative_to(project / "docs" / lang).as_posix()
            out[rel] = renderer.fill(path.read_text(encoding="utf-8"), os.path.dirname(rel))[0]
        for event in data.events:
            out[f"events/{event.id}.md"] = renderer.fill(f"<!-- projectsite:event:{event.id} -->\n", "events")[0]
    return pages


def _write_pages(files: dict[str, str], docs: Path) -> None:
    for rel, markdown in files.items():
        target = docs / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(markdown, encoding="utf-8")


def _config(project: Path) -> dict[str, Any]:
    loaded = yaml.load((project / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Tolerant)
    assert isinstance(loaded, dict)
    return loaded


class _Tolerant(yaml.SafeLoader):
    """mkdocs.yml's own tags (!ENV) read as nothing: the plain projects do not use them."""


_Tolerant.add_multi_constructor("", lambda loader, suffix, node: None)  # type: ignore[no-untyped-call]  # PyYAML's stubs leave it untyped


def plain_mkdocs_project(project: Path, pages: Pages, dest: Path) -> Path:
    """The same pages, theme, languages (mkdocs-static-i18n) and navigation, without the projectsite plugin."""
    dest.mkdir(parents=True)
    config = _config(project)
    for key in ("hooks", "watch", "extra_javascript", "extra_css", "validation"):
        config.pop(key, None)
    config["plugins"] = [p for p in config["plugins"] if p != "projectsite" and "projectsite" not in p]
    config["theme"].pop("custom_dir", None)
    (dest / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    shutil.copytree(project / "docs" / "assets", dest / "docs" / "assets")
    for lang, files in pages.items():
        _write_pages(files, dest / "docs" / lang)
    return dest


def zensical_projects(project: Path, pages: Pages, dest: Path) -> list[Path]:
    """The same pages for Zensical, one project a language (Zensical builds one language per project)."""
    config = _config(project)
    projects = []
    for lang, files in pages.items():
        folder = dest / lang
        (folder / "docs").mkdir(parents=True)
        settings = {
            "site_name": config["site_name"],
            "site_url": config["site_url"],
            "theme": {"language": lang, "features": config["theme"].get("features", [])},
            "markdown_extensions": config.get("markdown_extensions", []),
            "nav": config.get("nav", []),
            "not_in_nav": config.get("not_in_nav", ""),
        }
        (folder / "mkdocs.yml").write_text(
            yaml.safe_dump(settings, allow_unicode=True, sort_keys=False), encoding="utf-8"
        )
        shutil.copytree(project / "docs" / "assets", folder / "docs" / "assets")
        _write_pages(files, folder / "docs")
        projects.append(folder)
    return projects


HUGO_LAYOUT = """<!doctype html><html lang="{{ .Site.Language.Lang }}"><head><meta charset="utf-8">
<title>{{ .Title }}</title></head><body><nav>{{ range .Site.Menus.main }}<a href="{{ .URL }}">{{ .Name }}</a> {{ end }}</nav>
<main>{{ .Content }}{{ range .Pages }}<a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ end }}</main></body></html>"""

HUGO_CONFIG = """baseURL = "https://loim.example.org/"
defaultContentLanguage = "{original}"
disableKinds = ["taxonomy", "term", "RSS", "sitemap"]
[markup.goldmark.renderer]
unsafe = true
[markup.goldmark.parser.attribute]
block = true
title = true
"""


def hugo_project(pages: Pages, dest: Path) -> Path:
    """The same Markdown for Hugo, every language, a minimal layout."""
    (dest / "layouts" / "_default").mkdir(parents=True)
    for name in ("single.html", "list.html"):
        (dest / "layouts" / "_default" / name).write_text(HUGO_LAYOUT, encoding="utf-8")
    languages = list(pages)
    config = HUGO_CONFIG.format(original=languages[0]) + "".join(
        f'[languages.{lang}]\ncontentDir = "content/{lang}"\nweight = {n}\n' for n, lang in enumerate(languages, 1)
    )
    (dest / "hugo.toml").write_text(config, encoding="utf-8")
    for lang, files in pages.items():
        folders = {os.path.dirname(rel) for rel in files}
        for rel, markdown in files.items():
            stem = rel[:-3]
            if stem == "index" or stem.endswith("/index") or stem in folders:  # a section's own page
                rel = (stem.removesuffix("index").rstrip("/") + "/_index.md").lstrip("/")
            title = next((line[2:] for line in markdown.splitlines() if line.startswith("# ")), stem)
            body = re.sub(r"^---\n.*?\n---\n", "", markdown, flags=re.DOTALL)
            target = dest / "content" / lang / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(f"---\ntitle: {title!r}\n---\n{body}", encoding="utf-8")
    return dest
