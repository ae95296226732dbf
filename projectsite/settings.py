"""The site's own settings, `extra:` in mkdocs.yml: typed, and validated with the data's file:line messages.

mkdocs.yml may carry MkDocs' tags (`!ENV`) elsewhere; only the `extra:` block is read here, with the same
loader as the data files (YAML 1.2 values, positions for the messages).
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path as FsPath

import yaml
from pydantic import Field
from yaml.nodes import MappingNode, ScalarNode

from .fields import Currency, Url
from .languages import Languages
from .models import Period, Strict
from .problems import Problem
from .sourcefile import UnreadableFile, read_source
from .text import Text
from .validate import validate_parsed
from .yamlfile import SyntaxProblem, parse


class Funding(Strict):
    """The grant: its amount, currency and the share of the project's cost that it covers (per cent)."""

    amount: Decimal = Field(gt=0)
    currency: Currency = "EUR"
    rate: Decimal | None = Field(default=None, gt=0, le=100)


class ProjectSettings(Strict):
    """`extra.project`: the project's facts (the home page's `<!-- projectsite:facts -->` shows them), its
    period, the results the home page shows once it has ended, and what the sign-up says then."""

    period: Period
    name: Text | None = None
    programme: Text | None = None
    measure: Text | None = None
    call: Text | None = None
    funding: Funding | None = None
    beneficiary: Text | None = None
    partners: tuple[Text, ...] = ()
    funded_by: Text | None = None
    results: tuple[Text, ...] = ()
    list_after_end: Text | None = None


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


def read_settings(
    root: FsPath, languages: Languages, config_name: str = "mkdocs.yml"
) -> tuple[SiteExtra, list[Problem]]:
    """mkdocs.yml's `extra:` as typed settings, and its mistakes, each with its line and field. With a mistake
    (or no such file, or no `extra:`) the settings are empty: the site then shows none of them."""
    path = root / config_name
    if not path.is_file():
        return SiteExtra(), []
    try:
        text = read_source(path, root)
    except UnreadableFile as exc:
        return SiteExtra(), [Problem(config_name, exc.line, "", exc.message)]
    found = _extra_lines(text)
    if found is None:
        return SiteExtra(), []
    first, last = found
    block = "\n".join(text.splitlines()[first : last + 1]) + "\n"
    try:
        parsed = parse(block, line_offset=first)
    except SyntaxProblem as exc:
        return SiteExtra(), [Problem(config_name, exc.line, "extra", exc.message)]
    value, problems = validate_parsed(parsed, SiteFile, config_name, "", None, languages.codes)
    return (value.extra if isinstance(value, SiteFile) else SiteExtra()), problems
