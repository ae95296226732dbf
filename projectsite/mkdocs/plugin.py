"""The projectsite plugin: MkDocs' events, handed to the engine. The state of a build lives on the instance.

mkdocs-static-i18n (`i18n`) runs the whole build once per language, so every event below fires once per
language. Each priority that matters is set against that plugin's own (it uses -100 for on_config, on_files,
on_nav, on_post_page and on_post_build, and 50 for on_page_markdown and on_page_context), so the order of
`projectsite` and `i18n` in mkdocs.yml's `plugins:` does not matter.
"""

from __future__ import annotations

import logging
from typing import Literal

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from . import (
    collector,
    data_pages,
    event_pages,
    feeds_calendars,
    html_fixes,
    localized_404,
    page_meta,
    preview,
    published,
    search_index,
    site_name,
    terminal,
    watching,
)
from .config import ProjectsiteConfig
from .engine_theme import add_engine_theme
from .fragments import Fragments
from .siteconfig import from_mkdocs
from .state import BuildState, DataProblems, language, languages_of, project_root


class ProjectsitePlugin(BasePlugin[ProjectsiteConfig]):  # type: ignore[no-untyped-call]  # MkDocs' own typing
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.state = BuildState()
        self.serving = False
        self.quiet: tuple[terminal.QuietNoise, list[logging.Handler]] | None = None
        self.thresholds: tuple[int, int, int] | None = None  # the process's own, while a build runs

    def on_startup(self, *, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
        """Having this event makes MkDocs keep this instance (and its state) across `mkdocs serve` rebuilds."""
        self.state, self.serving = BuildState(), command == "serve"
        self.quiet = terminal.quiet_noise()
        if self.thresholds is None:
            self.thresholds = collector.relax()

    @property
    def caching(self) -> bool:
        return self.serving and self.config.fast_preview

    def on_shutdown(self) -> None:
        if self.quiet is not None:
            terminal.loud_again(self.quiet)
            self.quiet = None
        if self.thresholds is not None:
            collector.restore(self.thresholds)
            self.thresholds = None
        self.state.search.abandon()

    # First: before any other plugin reads the theme (its templates, its language),
    # and i18n's (-100), which sets the theme's language on the same Theme object.
    @event_priority(100)
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        add_engine_theme(config)
        self.state.theme.install(config.theme, project_root(config))
        self.state.site = from_mkdocs(config)  # the settings as MkDocs loaded them: any -f file, !ENV, INHERIT
        return config

    def on_serve(self, server: LiveReloadServer, *, config: MkDocsConfig, builder: object) -> LiveReloadServer:
        if self.config.fast_preview:
            watching.watch_closely(server)
        preview.keep_serving(server, config, self.state, self.failing)
        return server

    def failing(self) -> None:
        """A rebuild raised (keep_serving): what follows from the problems page is quiet, as for a data error."""
        if self.quiet is not None:
            self.quiet[0].failing = True

    @event_priority(0)  # before i18n's on_files (-100), which sorts the files into languages
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        """The first event of each language's build: loads the data (again only if it changed)."""
        site_name.escape_for_theme(config)  # after i18n's on_config, which may set this language's own
        try:
            self.state.load_data(config)
        except DataProblems:
            if not self.serving:
                raise  # `mkdocs build` stops, and MkDocs prints the problems
        if language(config) == languages_of(config).original:  # once per build, not once per language
            self.state.new_build()
            terminal.report(self.state.problems, self.state.editor_language, self.serving)
        if self.quiet is not None:
            self.quiet[0].failing = self.state.failed
        if self.state.failed:
            return preview.without_pages(config)
        files = published.publishable(files, project_root(config))
        if self.config.event_pages:
            files = event_pages.add_pages(files, config, self.state)
        if self.caching:
            self.state.pages.start(files, config, language(config), self.state.stubs)
        return files

    def on_pre_page(self, page: Page, *, config: MkDocsConfig, files: Files) -> Page:
        event_pages.restore_content(page, self.state)
        return page

    # After i18n's on_page_markdown (50), which translates admonition titles.
    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        markdown = page_meta.on_page_markdown(
            markdown, page, config, files, self.state
        )  # before the markers are filled
        markdown = event_pages.on_page_markdown(markdown, page, config, files, self.state)
        markdown = data_pages.on_page_markdown(markdown, page, config, files, self.state)
        if self.caching:
            self.state.pages.reuse_markdown(page, markdown, language(config))
        return markdown

    @event_priority(100)  # first: the HTML as Markdown made it (i18n has no on_page_content)
    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        if self.caching:
            self.state.pages.keep_markdown(page, language(config))
        return html_fixes.on_page_content(html)

    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
        env = page_meta.on_env(env, config, files, self.state.settings)
        self.state.fragments = Fragments()  # a new navigation for each language and rebuild
        env.globals["fragments"] = self.state.fragments
        if self.caching:  # every page is read by now; none is written yet
            self.state.pages.choose(env, files, language(config))
        return env

    # Last, with i18n's on_post_page (-100), which only hands the page to the with-pdf plugin.
    @event_priority(-100)
    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        output = html_fixes.on_post_page(output, page, config)
        output = search_index.mark_content(output, page, config)
        return self.state.pages.output(page, output, language(config)) if self.caching else output

    def on_post_template(self, output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
        return html_fixes.on_post_template(output_content, template_name, config)

    @event_priority(0)  # before i18n's on_post_build (-100): it builds the next language from inside it
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        site_name.restore(config)  # before i18n builds the next language from its own on_post_build
        if self.state.failed:  # only under serve
            preview.write_error_page(config, self.state.problems, self.state.editor_language)
            return
        if self.config.feeds:
            feeds_calendars.on_post_build(config, self.state, keep=self.caching)
        localized_404.on_post_build(config, self.state)
        data_pages.on_post_build(config)  # the link check, once the last language is written
        search_index.on_post_build(config, self.state.search)  # this language's Pagefind run; all joined at the end

    def on_build_error(self, *, error: Exception) -> None:
        self.state.search.abandon()  # no Pagefind run goes on after a build that stopped
