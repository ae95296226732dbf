"""The site's own settings, `extra:` in mkdocs.yml: typed, and validated with the data's file:line messages.

mkdocs.yml may carry MkDocs' tags (`!ENV`) elsewhere; only the `extra:` block is read here, with the same
loader as the data files (YAML 1.2 values, positions for the messages).
"""

from __future__ import annotations

from pathlib import Path as FsPath

import yaml
from yaml.nodes import MappingNode, ScalarNode

from .fields import Url
from .languages import Languages
from .models import Strict
from .period import ProjectSettings
from .problems import Problem
from .sourcefile import UnreadableFile, read_source
from .text import Text
from .validate import validate_parsed
from .yamlfile import SyntaxProblem, parse


class Organizer(Strict):
    name: str
    url: Url | None = None


class NewsletterSettings(Strict):
    form_url: str = ""
    language_field: str = "LANGUAGE"
    from_name: str = ""
    reply_to: str = ""


class SiteExtra(Strict):
    """`extra:`: what names the project; every key is optional, a key the engine does not know is a mistake."""

    project: ProjectSettings | None = None
    organizer: Organizer | None = None
    funders: Text | None = None
    funder_logo: str | None = None
    funder_logo_alt: Text | None = None
    funder_url: Url | None = None
    share_image: str | None = None
    region: str | None = None
    country: str | None = None
    newsletter: NewsletterSettings | None = None


class SiteFile(Strict):
    extra: SiteExtra


def _extra_lines(text: str) -> tuple[int, int] | None:
    """The 0-based first and last line of the top-level `extra:` block, found without constructing any tag."""
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return None
    if not isinstance(root, MappingNode):
        return None
    for key, value in root.value:
        if isinstance(key, ScalarNode) and key.value == "extra":
            return key.start_mark.line, value.end_mark.line
    return None


def settings_problems(root: FsPath, languages: Languages, config_name: str = "mkdocs.yml") -> list[Problem]:
    """The mistakes in mkdocs.yml's `extra:`, each with its line and field (none when there is no such file)."""
    path = root / config_name
    if not path.is_file():
        return []
    try:
        text = read_source(path, root)
    except UnreadableFile as exc:
        return [Problem(config_name, exc.line, "", exc.message)]
    found = _extra_lines(text)
    if found is None:
        return []
    first, last = found
    block = "\n".join(text.splitlines()[first : last + 1]) + "\n"
    try:
        parsed = parse(block, line_offset=first)
    except SyntaxProblem as exc:
        return [Problem(config_name, exc.line, "extra", exc.message)]
    return validate_parsed(parsed, SiteFile, config_name, "", None, languages.codes)[1]
