"""News posts: Markdown files under docs/<lang>/news/ whose front matter says date, title and summary."""
from __future__ import annotations

from pathlib import Path as FsPath

from .messages import say
from .models import NewsFrontMatter, NewsPost
from .problems import Problem
from .sourcefile import UnreadableFile, read_source
from .validate import validate_parsed
from .yamlfile import SyntaxProblem, parse

NEWS_DIR = "news"


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
        found = front_matter(read_source(path))
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
        if path.name in ("index.md", "README.md"):
            continue
        post, found = read_post(path, root, lang)
        problems += found
        if post is not None:
            posts.append(post)
    posts.sort(key=lambda p: (p.date, p.slug), reverse=True)
    return posts, problems
