"""`projectsite zensical-build`: the validated site → one Zensical project per language → one site folder, with the
same addresses as the MkDocs build (the original language at the root, the others under /<code>/)."""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from projectsite import links
from projectsite.dates import today, use_zone
from projectsite.load import load_site
from projectsite.messages import Message, say
from projectsite.problems import Problem
from projectsite.site_views import SiteViews

from . import extras, project, run
from .pages import language_pages


@dataclass(frozen=True)
class Outcome:
    """What the build did: the problems found in the data (errors stop it), or Zensical's failure, or the folder."""

    problems: list[Problem]
    failure: Message | None = None
    site: Path | None = None
    languages: tuple[str, ...] = ()


def _unsafe_site_dir(root: Path, docs: Path, out: Path) -> bool:
    """A folder that cleaning would empty the project or its pages with."""
    root, docs, out = root.resolve(), docs.resolve(), out.resolve()
    return out in (root, *root.parents) or out == docs or docs in out.parents or out in docs.parents


def build(root: Path, config_file: str | None = None, site_dir: str | None = None, docs_dir: str = "docs") -> Outcome:
    data, problems = load_site(root, docs_dir, config_file=config_file)
    if any(p.severity == "error" for p in problems):
        return Outcome(problems)
    settings = project.read_settings(root / (config_file or "mkdocs.yml"))
    site_url = str(settings.get("site_url") or "")
    out = root / (site_dir or str(settings.get("site_dir") or "site"))
    docs = root / docs_dir
    if _unsafe_site_dir(root, docs, out):
        return Outcome(problems, say("zensical_site_dir", folder=str(out)))
    use_zone(data.settings.regional.time_zone)
    day, views, original = today(), SiteViews(), data.languages.original
    own: dict[str, frozenset[str]] = {}
    with tempfile.TemporaryDirectory(prefix="projectsite-zensical-") as tmp:
        built: dict[str, Path] = {}
        for lang in data.languages:
            pages = language_pages(root, docs_dir, data, lang, site_url, day)
            own[lang] = pages.own
            site_name = project.language_setting(settings, lang, "site_name")
            config = project.config(settings, lang, data.languages, site_url, site_name)
            folder = project.write_project(Path(tmp) / lang, docs, pages, data.languages, config)
            try:
                run.build(folder, lang)
            except run.ZensicalFailed as failed:
                return Outcome(problems, failed.message)
            built[lang] = folder / project.SITE
            description = str(config.get("site_description") or "")
            extras.write_files(
                built[lang], extras.feed_files(data, lang, site_url, config["site_name"], description, day, views)
            )
            extras.add_event_json_ld(built[lang], data, lang, site_url, day, views)
        if out.exists():
            shutil.rmtree(out)
        shutil.move(str(built[original]), out)
        for lang, folder in built.items():
            if lang != original:
                shutil.move(str(folder), out / links.language_prefix(lang, original).rstrip("/"))
    extras.add_alternates(out, site_url, original, own)
    return Outcome(problems, site=out, languages=data.languages.codes)
