"""The engine's layer of the theme: its templates and assets between a site's own `custom_dir` and Material.

A site gets the footer, the sign-up, the page dates, the language links and the styles without copying
any of them; a template in the site's own `custom_dir` still wins over the engine's.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

THEME_DIR = Path(__file__).resolve().parent.parent / "theme"
STYLES = "assets/projectsite.css"
SCRIPT = "assets/projectsite.js"


def add_engine_theme(config: MkDocsConfig) -> None:
    """Idempotent: on_config runs again for each language on the same Theme."""
    dirs: list[str] = config.theme.dirs
    if str(THEME_DIR) not in dirs:
        dirs.insert(1 if config.theme.custom_dir else 0, str(THEME_DIR))
    if STYLES not in [str(css) for css in config.extra_css]:
        config.extra_css.insert(0, STYLES)
    if SCRIPT not in [str(script) for script in config.extra_javascript]:
        config.extra_javascript.insert(0, SCRIPT)
