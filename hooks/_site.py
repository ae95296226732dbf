"""What the hooks share: where the project is, which language is being built, the loaded data."""
from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from projectsite import DEFAULT_LANGUAGE
from projectsite.load import SiteData, load_site_cached
from projectsite.problems import errors

log = logging.getLogger("mkdocs.hooks.projectsite")


def project_root(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).resolve().parent


def language(config: MkDocsConfig) -> str:
    """The language being built (valid from on_files on)."""
    return str(config.theme["language"])


_loaded: dict[str, SiteData] = {}


def site_data(config: MkDocsConfig) -> SiteData:
    """The data of the language being built, as loaded by load_data() in its on_files."""
    return _loaded.get(language(config)) or load_data(config)


def load_data(config: MkDocsConfig) -> SiteData:
    """Reads and validates the data (again if a file changed); stops the build with one line per problem."""
    root = project_root(config)
    docs_dir = Path(config.docs_dir).resolve().relative_to(root).as_posix()
    data, problems = load_site_cached(root, docs_dir)
    if errors(problems):
        raise PluginError("The site was not built; fix these problems in the data:\n"
                          + "\n".join(str(p) for p in problems))
    if language(config) == DEFAULT_LANGUAGE:  # once per build, not once per language
        for problem in problems:
            # Missing English is no fault of the site (it shows the Estonian): `projectsite check` reports it.
            (log.warning if problem.category == "data" else log.info)(str(problem))
    _loaded[language(config)] = data
    return data
