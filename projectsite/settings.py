"""The engine's own settings, `extra.projectsite` in the configuration MkDocs loaded: typed, and validated with
the data's file:line messages. Material's own `extra` keys (social, analytics, alternate, consent, …) are not
the engine's and pass untouched.

The values are those MkDocs loaded (`!ENV`, `INHERIT`); the lines of the messages are found in the file's text.
"""

from __future__ import annotations

import difflib
from decimal import Decimal
from typing import Any

from pydantic import Field, PrivateAttr

from .fields import Currency, Url
from .messages import say
from .mkdocs.siteconfig import SiteConfig, line_of, node_at
from .models import Period, Strict
from .problems import Problem, errors
from .regional import Regional, chosen, regional_defaults
from .setting_fields import Encoding, SettingsEmail, SitePath, TimeZone, WebUrl
from .text import Text
from .validate import validate_parsed
from .yamlfile import MAX_DEPTH, Parsed

NAMESPACE = "projectsite"
MAX_AMOUNT = Decimal("1e15")  # more than any grant; a sum beyond it is a typing mistake (and breaks formatting)


class Funding(Strict):
    """The grant: its amount, currency (default: the site's) and the share of the project's cost it covers."""

    amount: Decimal = Field(gt=0, le=MAX_AMOUNT, allow_inf_nan=False)
    currency: Currency | None = None
    rate: Decimal | None = Field(default=None, gt=0, le=100, allow_inf_nan=False)


class ProjectSettings(Strict):
    """`project`: the project's facts (the home page's `<!-- projectsite:facts -->` shows them), its
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
    form_url: WebUrl = ""
    language_field: str = "LANGUAGE"
    from_name: str = ""
    reply_to: SettingsEmail = ""


class SiteExtra(Strict):
    """`extra.projectsite`: what names the project and where it is; every key is optional, a key the engine
    does not know is a mistake. The regional settings default to what the site's original language implies."""

    project: ProjectSettings | None = None
    organizer: Organizer | None = None
    funders: Text | None = None
    funder_logo: SitePath | None = None
    funder_logo_alt: Text | None = None
    funder_url: Url | None = None
    share_image: SitePath | None = None
    region: str | None = None
    country: str | None = None
    newsletter: NewsletterSettings | None = None
    time_zone: TimeZone | None = None
    currency: Currency | None = None
    csv_encoding: Encoding | None = None
    date_note: Text | None = None

    _regional: Regional = PrivateAttr(default_factory=Regional)

    @property
    def regional(self) -> Regional:
        """The time zone, currency and CSV encoding: as set, or as the site's original language implies."""
        return self._regional

    def placed(self, defaults: Regional) -> SiteExtra:
        """These settings with their regional ones filled from `defaults` where not set."""
        regional = chosen(defaults, self.time_zone, self.currency, self.csv_encoding)
        project, funding = self.project, self.project.funding if self.project is not None else None
        if project is not None and funding is not None and funding.currency is None:  # the grant's: the site's
            project = project.model_copy(update={"funding": funding.model_copy(update={"currency": regional.currency})})
        copy = self.model_copy(update={"project": project})
        copy._regional = regional
        return copy


class SiteFile(Strict):
    projectsite: SiteExtra


# The engine's keys of the old layout (straight under `extra:`): a site that still has them is told to move them.
OLD_KEYS = tuple(SiteExtra.model_fields)


def _depth(value: Any) -> int:
    """How deeply lists and mappings nest in `value` (without recursion)."""
    deepest, stack = 0, [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict | list):
            deepest = max(deepest, depth)
            if depth <= MAX_DEPTH:
                stack += [(child, depth + 1) for child in (item.values() if isinstance(item, dict) else item)]
    return deepest


def _old_layout(site: SiteConfig) -> list[Problem]:
    """ONE message for a site whose engine settings are still straight under `extra:`."""
    old = [key for key in site.extra if key in OLD_KEYS]
    if not old:
        return []
    line = line_of(site.node, "extra", old[0])
    moved = ", ".join(f"extra.{key}" for key in old)
    return [Problem(site.file, line, "extra", say("settings_old_layout", keys=moved, namespace=f"extra.{NAMESPACE}"))]


def _near_namespace(site: SiteConfig) -> list[Problem]:
    """`extra.projectsit:`: the namespace itself misspelt."""
    problems = []
    for key in site.extra:
        if isinstance(key, str) and key != NAMESPACE and difflib.get_close_matches(key, [NAMESPACE], cutoff=0.8):
            line = line_of(site.node, "extra", key)
            problems.append(Problem(site.file, line, f"extra.{key}", say("unknown_near", key=key, near=NAMESPACE)))
    return problems


def read_settings(site: SiteConfig) -> tuple[SiteExtra, list[Problem]]:
    """`extra.projectsite` as typed settings, and its mistakes, each with its line and field. With a mistake
    (or without the namespace) the settings are empty: the site then shows none of them."""
    defaults = regional_defaults(site.languages)
    empty = SiteExtra().placed(defaults)
    problems = _old_layout(site) + _near_namespace(site)
    value = site.extra.get(NAMESPACE)
    if value is None:
        return empty, problems
    node = node_at(site.node, "extra")
    parsed = Parsed({NAMESPACE: value}, node)
    if _depth(value) > MAX_DEPTH:
        line = parsed.line((NAMESPACE,))
        return empty, [*problems, Problem(site.file, line, f"extra.{NAMESPACE}", say("yaml_too_deep", limit=MAX_DEPTH))]
    found, more = validate_parsed(parsed, SiteFile, site.file, "extra", None, site.languages.codes)
    problems += more
    if not isinstance(found, SiteFile) or errors(problems):
        return empty, problems
    return found.projectsite.placed(defaults), problems
