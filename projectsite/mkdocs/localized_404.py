"""A 404 page per language: /404.html in Estonian, /en/404.html in English.

mkdocs-static-i18n builds every language into the same site_dir, so each build writes /404.html and
the last language would win. The default language's page is kept at the root; the others move to
their own folder.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from projectsite import links

from .state import BuildState, language


def on_post_build(config: MkDocsConfig, state: BuildState) -> None:
    lang, root_404 = language(config), Path(config.site_dir) / "404.html"
    if not root_404.is_file():
        return
    original = state.site_data(config).languages.original
    if lang == original:
        state.root_404 = root_404.read_bytes()
        return
    (Path(config.site_dir) / links.language_prefix(lang, original) / "404.html").write_bytes(root_404.read_bytes())
    if state.root_404 is not None:
        root_404.write_bytes(state.root_404)
