"""News posts: Markdown files under docs/<lang>/news/ whose front matter says date, title and summary."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path as FsPath

from .messages import say
from .models import NewsFrontMatter, NewsPost
from .problems import Problem
from .sourcefile import UnreadableFile, read_source
from .validate import validate_parsed
from .yamlfile import SyntaxProblem, parse

NEWS_DIR = "news"
# A post's file name: its date and a slug that is safe in an address, a link and a page as it is.
FILE_NAME = re.compile(r"^(\d{4})-(\d{2})-(\d{2})-[a-z0-9]+(-[a-z0-9]+)*\.md$", re.ASCII)  # ASCII digits only
NOT_POSTS = ("index.md", "README.md")


def shown(rel: str) -> str:
    """A path as a message may print it: no character that could forge a line or a terminal escape."""
    return "".join(c if c.isprintable() else "?" for c in rel)


def _name_problem(path: FsPath, rel: str) -> Problem | None:
    """A message when the file can't be a post: a folder, or a name not of the form YYYY-MM-DD-slug.md."""
    if not path.is_file():
        return Problem(shown(rel), None, "", say("news_not_a_file"))
    match = FILE_NAME.match(path.name)
    try:
        if match:
            dt.date(*(int(part) for part in match.groups()[:3]))
            return None
    except ValueError:
        pass
    return Problem(shown(rel), None, "", say("news_file_name"))


def front_matter(text: str) -> tuple[str, int] | None:
    """The YAML between the opening '---' and the closing '---', with the line it starts on (0-based)."""
    lines = text.splitlines()
    if not lines or lines[0].strip() != "---":
        return None
    for end, line in enumerate(lines[1:], start=1):
        if line.strip() in ("---", "..."):
            return "\n".join(lines[1:end]), 1
    return None


def read_post(path: FsPath, root: FsPath, lang: str) -> tuple[NewsPost | None, list[Problem]]:
    rel = path.relative_to(root).as_posix()
    try:
        found = front_matter(read_source(path, root))
    except UnreadableFile as exc:
        return None, [Problem(rel, exc.line, "", exc.message)]
    if found is None:
        return None, [Problem(rel, 1, "", say("front_matter"))]
    try:
        parsed = parse(found[0], line_offset=found[1])
    except SyntaxProblem as exc:
        return None, [Problem(rel, exc.line, "", exc.message)]
    meta, problems = validate_parsed(parsed, NewsFrontMatter, rel, "")
    if meta is None:
        return None, problems
    post = NewsPost(slug=path.stem, lang=lang, date=meta.date, title=meta.title, summary=meta.summary, src=rel)
    return post, problems


def read_news(root: FsPath, docs_dir: str, lang: str) -> tuple[list[NewsPost], list[Problem]]:
    """The posts of one language, newest first."""
    folder = root / docs_dir / lang / NEWS_DIR
    posts: list[NewsPost] = []
    problems: list[Problem] = []
    for path in sorted(folder.glob("*.md")):
        if path.name in NOT_POSTS:
            continue
        bad_name = _name_problem(path, path.relative_to(root).as_posix())
        if bad_name is not None:
            problems.append(bad_name)
            continue
        post, found = read_post(path, root, lang)
        problems += found
        if post is not None:
            posts.append(post)
    posts.sort(key=lambda p: (p.date, p.slug), reverse=True)
    return posts, problems
