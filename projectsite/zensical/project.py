"""One language's Zensical project: its mkdocs.yml (the site's theme, Markdown extensions and navigation, in one
language) and its docs/ (the filled pages, and what docs/ holds outside the language folders, like assets/)."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import yaml

from projectsite import links
from projectsite.languages import Languages

from .pages import LanguagePages

SITE = "site"  # Zensical writes only inside its project: each language's output, moved into place afterwards
# What Zensical cannot use of the site's settings: the MkDocs plugins, their hooks and the engine's theme layer.
DROPPED = ("plugins", "hooks", "watch", "validation", "extra_css", "extra_javascript", "site_dir", "docs_dir")


class _Tolerant(yaml.SafeLoader):
    """The settings file's own tags (!ENV, !relative) read as nothing: the engine's loader has resolved what it
    needs (site_url, site_name, languages) and passes those."""


_Tolerant.add_multi_constructor("", lambda loader, suffix, node: None)  # type: ignore[no-untyped-call]  # PyYAML's stubs leave it untyped


def read_settings(path: Path) -> dict[str, Any]:
    """The settings file as written ({} when there is none: the engine's loader has already reported a bad one)."""
    try:
        loaded = yaml.load(path.read_text(encoding="utf-8"), Loader=_Tolerant)
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return {}
    return loaded if isinstance(loaded, dict) else {}


def _i18n_entry(settings: dict[str, Any], lang: str) -> dict[str, Any]:
    """mkdocs-static-i18n's entry for the language (its own site_name, site_description), or {}."""
    for plugin in settings.get("plugins") or []:
        if isinstance(plugin, dict) and isinstance(plugin.get("i18n"), dict):
            for entry in plugin["i18n"].get("languages") or []:
                if isinstance(entry, dict) and entry.get("locale") == lang:
                    return entry
    return {}


def language_setting(settings: dict[str, Any], lang: str, key: str) -> str:
    """A setting as the language's build sees it: i18n's per-language value, else the file's."""
    value = _i18n_entry(settings, lang).get(key, settings.get(key))
    return str(value) if value is not None else ""


def _not_in_nav(value: Any) -> str:
    """i18n's patterns ('/*/events/*.md') without the language folder, which a one-language project has not."""
    lines = str(value or "").splitlines()
    return "\n".join(line.replace("/*/", "/", 1) if line.startswith("/*/") else line for line in lines)


# The engine's namespace is dropped: Zensical 0.0.73 cannot read its dates ("failed to extract field Project.extra").
def config(settings: dict[str, Any], lang: str, languages: Languages, site_url: str, site_name: str) -> dict[str, Any]:
    """The language's Zensical settings: the same addresses as the MkDocs build (site_url at the language's root)."""
    out = {k: v for k, v in settings.items() if k not in DROPPED}
    theme = dict(settings.get("theme") or {})
    theme.pop("custom_dir", None)
    theme["language"] = lang
    extra = {k: v for k, v in dict(settings.get("extra") or {}).items() if k != "projectsite"}
    extra["alternate"] = [  # the header's language switch, as i18n's reconfigure_material makes it
        {
            "name": language_setting(settings, code, "name") or code,
            "link": links.language_path(site_url, code, languages.original),
            "lang": code,
        }
        for code in languages
    ]
    out.update(
        extra=extra,
        site_name=language_setting(settings, lang, "site_name") or site_name,
        site_url=links.language_root(site_url, lang, languages.original),
        site_description=language_setting(settings, lang, "site_description"),
        theme=theme,
        not_in_nav=_not_in_nav(settings.get("not_in_nav")),
        site_dir=SITE,
        docs_dir="docs",
    )
    return out


def write_project(
    folder: Path, docs: Path, pages: LanguagePages, languages: Languages, settings: dict[str, Any]
) -> Path:
    """The project in `folder`: mkdocs.yml, docs/ with the pages and the shared files. `settings` from config()."""
    (folder / "docs").mkdir(parents=True)
    for shared in sorted(docs.iterdir()) if docs.is_dir() else []:
        if shared.name in languages.codes or shared.name.startswith("."):
            continue
        (shutil.copytree if shared.is_dir() else shutil.copy)(shared, folder / "docs" / shared.name)
    for rel, markdown in pages.pages.items():
        target = folder / "docs" / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(markdown, encoding="utf-8")
    (folder / "mkdocs.yml").write_text(yaml.safe_dump(settings, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return folder
