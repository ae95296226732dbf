"""Build benchmarks: the site at three sizes, against plain MkDocs and Hugo on the same pages.

Run with `make bench`. Writes the table into README.md (between the bench markers) and prints it.
Sizes: the shipped site, ×10 and ×100 synthetic (but valid) data from a fixed seed.
"""

from __future__ import annotations

import argparse
import gzip
import os
import platform
import random
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from projectsite.dates import today  # noqa: E402
from projectsite.languages import site_languages  # noqa: E402
from projectsite.load import load_site  # noqa: E402
from projectsite.progress import progress  # noqa: E402
from projectsite.render import Renderer  # noqa: E402

BIN = Path(sys.executable).parent
PARTS = ("mkdocs.yml", "docs", "data", "hooks", "overrides", "projectsite/theme")
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


# ---------------------------------------------------------------- synthetic data


def copy_project(dest: Path) -> Path:
    dest.mkdir(parents=True)
    for part in PARTS:
        if (ROOT / part).exists():
            (shutil.copytree if (ROOT / part).is_dir() else shutil.copy)(ROOT / part, dest / part)
    return dest


def _text(rng: random.Random, words: int) -> dict[str, str]:
    vocabulary = ["kool", "noor", "tugi", "võrgustik", "koostöö", "seminar", "õpe", "pere", "laps", "Võru"]
    et = " ".join(rng.choice(vocabulary) for _ in range(words)).capitalize()
    return {"et": et, "en": "EN " + et}


def synthesize(project: Path, factor: int, seed: int = 2022) -> None:
    """Adds factor-1 times the shipped volume: 20 events, 0.2 programmes (10 modules), 50 media, 5 posts."""
    if factor == 1:
        return
    rng = random.Random(seed)
    extra = factor - 1
    events = yaml.safe_load((project / "data/events.yaml").read_text(encoding="utf-8")) or []
    for i in range(20 * extra):
        day = f"{2020 + i % 8}-{1 + i % 12:02}-{1 + i % 28:02}"
        events.append(
            {
                "id": f"synthetic-{i}",
                "title": _text(rng, 4),
                "start": f"{day} 10:00",
                "end": f"{day} 16:00",
                "location": "Võru",
                "summary": _text(rng, 40),
                "agenda": [{"time": f"{10 + h}:00", "item": _text(rng, 5)} for h in range(5)],
            }
        )
    trainings = yaml.safe_load((project / "data/trainings.yaml").read_text(encoding="utf-8"))
    for p in range(max(1, extra // 5)):
        trainings.append(
            {
                "id": f"programme-{p}",
                "title": _text(rng, 6),
                "period": {"start": "2023-01-01", "end": "2023-12-31"},
                "volume": {"contact": 100, "independent": 50},
                "modules": [
                    {
                        "id": f"m-{m}",
                        "date": f"2023-{1 + m:02}-15",
                        "title": _text(rng, 5),
                        "trainers": ["A B"],
                        "hours": {"contact": 6, "independent": 2},
                        "goals": _text(rng, 20),
                    }
                    for m in range(10)
                ],
            }
        )
    media = yaml.safe_load((project / "data/media.yaml").read_text(encoding="utf-8"))
    media += [
        {
            "date": f"{2020 + i % 6}-{1 + i % 12:02}-{1 + i % 28:02}",
            "title": _text(rng, 8)["et"],
            "outlet": rng.choice(["Lõunaleht", "Ring FM", "Õpetajate Leht"]),
        }
        for i in range(50 * extra)
    ]
    for name, data in (("events", events), ("trainings", trainings), ("media", media)):
        (project / f"data/{name}.yaml").write_text(
            yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8"
        )
    for i in range(5 * extra):
        for lang in site_languages(project):
            post = project / "docs" / lang / "news" / f"2023-{1 + i % 12:02}-{1 + i % 28:02}-post-{i}.md"
            body = " ".join(_text(rng, 200)[lang].split())
            post.write_text(
                f"---\ndate: 2023-{1 + i % 12:02}-{1 + i % 28:02}\ntitle: Post {i} {lang}\n---\n\n# Post {i}\n\n{body}\n",
                encoding="utf-8",
            )


# ---------------------------------------------------------------- the same pages without hooks, and for Hugo


def plain_pages(project: Path) -> dict[str, dict[str, str]]:
    """Every page's Markdown as the hooks make it: {lang: {path in the language folder: markdown}}."""
    data, _ = load_site(project)
    pages: dict[str, dict[str, str]] = {}
    for lang in data.languages:
        renderer = Renderer(data, lang, today(), "https://loim.example.org/")
        out = pages.setdefault(lang, {})
        for path in sorted((project / "docs" / lang).rglob("*.md")):
            rel = path.relative_to(project / "docs" / lang).as_posix()
            out[rel] = renderer.fill(path.read_text(encoding="utf-8"), os.path.dirname(rel))[0]
        for event in data.events:
            out[f"events/{event.id}.md"] = renderer.fill(f"<!-- projectsite:event:{event.id} -->\n", "events")[0]
    return pages


def plain_mkdocs_project(project: Path, pages: dict[str, dict[str, str]], dest: Path) -> Path:
    """The same pages, the same theme and languages, no hooks and no theme overrides."""
    dest.mkdir(parents=True)
    config = yaml.safe_load((project / "mkdocs.yml").read_text(encoding="utf-8"))
    for key in ("hooks", "watch", "extra_javascript"):
        config.pop(key, None)
    config["plugins"] = [p for p in config["plugins"] if p != "projectsite" and "projectsite" not in p]
    config["theme"].pop("custom_dir", None)
    (dest / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    shutil.copytree(project / "docs" / "assets", dest / "docs" / "assets")
    for lang, files in pages.items():
        for rel, markdown in files.items():
            target = dest / "docs" / lang / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(markdown, encoding="utf-8")
    return dest


HUGO_LAYOUT = """<!doctype html><html lang="{{ .Site.Language.Lang }}"><head><meta charset="utf-8">
<title>{{ .Title }}</title></head><body><nav>{{ range .Site.Menus.main }}<a href="{{ .URL }}">{{ .Name }}</a> {{ end }}</nav>
<main>{{ .Content }}{{ range .Pages }}<a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ end }}</main></body></html>"""


def hugo_project(pages: dict[str, dict[str, str]], dest: Path) -> Path:
    """The same Markdown for Hugo, two languages, a minimal layout."""
    (dest / "layouts" / "_default").mkdir(parents=True)
    for name in ("single.html", "list.html"):
        (dest / "layouts" / "_default" / name).write_text(HUGO_LAYOUT, encoding="utf-8")
    (dest / "hugo.toml").write_text(
        """baseURL = "https://loim.example.org/"
defaultContentLanguage = "et"
disableKinds = ["taxonomy", "term", "RSS", "sitemap"]
[markup.goldmark.renderer]
unsafe = true
[markup.goldmark.parser.attribute]
block = true
title = true
[languages.et]
contentDir = "content/et"
weight = 1
[languages.en]
contentDir = "content/en"
weight = 2
""",
        encoding="utf-8",
    )
    for lang, files in pages.items():
        folders = {os.path.dirname(rel) for rel in files}
        for rel, markdown in files.items():
            stem = rel[:-3]
            if stem == "index" or stem.endswith("/index") or stem in folders:  # a section's own page
                rel = (stem.removesuffix("index").rstrip("/") + "/_index.md").lstrip("/")
            title = next((line[2:] for line in markdown.splitlines() if line.startswith("# ")), stem)
            body = re.sub(r"^---\n.*?\n---\n", "", markdown, flags=re.DOTALL)
            target = dest / "content" / lang / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(f"---\ntitle: {title!r}\n---\n{body}", encoding="utf-8")
    return dest


# ---------------------------------------------------------------- measuring


@dataclass
class Run:
    wall: float
    cpu: float
    rss_mb: float


def run_once(args: list[str], cwd: Path) -> Run:
    started = time.perf_counter()
    process = subprocess.Popen(args, cwd=cwd, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) != 0:
        assert process.stderr is not None
        raise SystemExit(f"{' '.join(args)} failed in {cwd}:\n{process.stderr.read().decode()[-2000:]}")
    return Run(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024)


def median_run(args: list[str], cwd: Path, repeat: int) -> Run:
    runs = [run_once(args, cwd) for _ in range(repeat)]
    return Run(
        statistics.median(r.wall for r in runs), statistics.median(r.cpu for r in runs), max(r.rss_mb for r in runs)
    )


def mkdocs_build(project: Path, repeat: int) -> Run:
    return median_run([str(BIN / "mkdocs"), "build", "--clean", "-q", "-d", str(project / "site")], project, repeat)


def hugo_build(project: Path, repeat: int) -> Run:
    return median_run(
        [str(BIN / "hugo"), "--quiet", "--cleanDestinationDir", "-d", str(project / "public")], project, repeat
    )


def free_port() -> int:
    """A port nobody listens on now (mkdocs serve cannot take port 0)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class Latency:
    data: float
    markdown: float


def serve_latency(project: Path, repeat: int = 9) -> Latency:
    """Seconds from saving a change to the changed page under `mkdocs serve`: in data/events.yaml, in a page."""
    port = free_port()
    server = subprocess.Popen(
        [str(BIN / "mkdocs"), "serve", "-a", f"127.0.0.1:{port}"],
        cwd=project,
        env=ENV,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}/"
    try:
        _wait_for(base + "en/events/avaseminar-2022/", "LÕIM opening seminar", timeout=120)
        data = _edits(
            project / "data" / "events.yaml", "en: LÕIM opening seminar", base + "en/events/avaseminar-2022/", repeat
        )
        markdown = _edits(
            project / "docs" / "en" / "project.md", "title: About the project", base + "en/project/", repeat
        )
        return Latency(data, markdown)
    finally:
        server.terminate()
        server.wait()


def _edits(path: Path, old: str, url: str, repeat: int) -> float:
    """The median time until `url` shows each of `repeat` edits of `path` (a word added after `old`)."""
    original = path.read_text(encoding="utf-8")
    assert old in original, (path, old)
    times = []
    try:
        for attempt in range(repeat):
            marker = f"edited{attempt}"
            started = time.perf_counter()
            path.write_text(original.replace(old, f"{old} {marker}", 1), encoding="utf-8")
            _wait_for(url, marker, timeout=60)
            times.append(time.perf_counter() - started)
            time.sleep(0.5)
    finally:
        path.write_text(original, encoding="utf-8")
    time.sleep(1)
    return statistics.median(times)


def _wait_for(url: str, text: str, timeout: float) -> None:
    deadline = time.perf_counter() + timeout
    while time.perf_counter() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if text in response.read().decode("utf-8"):
                    return
        except OSError:
            pass
        time.sleep(0.01)
    raise SystemExit(f"{url} never showed {text!r}")


def page_weights(site: Path) -> list[tuple[str, int]]:
    """Every page's transfer weight in a real Chromium: all it loads, each response gzip-compressed."""
    sys.path.insert(0, str(ROOT / "tests"))
    from browser import CHROMIUM, CHROMIUM_ARGS, serve
    from playwright.sync_api import Response, sync_playwright

    weights = []
    with serve(site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for path in sorted(site.rglob("index.html")):
            rel = path.relative_to(site).parent.as_posix()
            rel = "" if rel == "." else rel + "/"
            page = browser.new_page()
            bodies: list[bytes] = []

            def keep(response: Response, into: list[bytes] = bodies) -> None:
                if response.ok:
                    into.append(response.body())

            page.on("response", keep)
            page.goto(base + rel, wait_until="networkidle")
            page.close()
            weights.append((rel or "/", sum(len(gzip.compress(b, 6)) for b in bodies)))
        browser.close()
    return weights


# ---------------------------------------------------------------- the report


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__)
    options.add_argument("--repeat", type=int, default=3)
    options.add_argument("--sizes", default="1,10,100")
    options.add_argument("--no-readme", action="store_true", help="print the table only")
    args = options.parse_args()
    rows, latency, weights = [], None, []
    factors = [int(f) for f in args.sizes.split(",")]
    # A bar on a terminal (one step a build kind, two more for the preview and the page weights); a log keeps
    # the one line per size below.
    with tempfile.TemporaryDirectory() as tmp, progress("make bench", 3 * len(factors) + 2) as advance:
        for factor in factors:
            site = copy_project(Path(tmp) / f"x{factor}")
            synthesize(site, factor)
            pages = plain_pages(site)
            plain = plain_mkdocs_project(site, pages, Path(tmp) / f"plain{factor}")
            hugo = hugo_project(pages, Path(tmp) / f"hugo{factor}")
            count = sum(len(files) for files in pages.values())
            ours = mkdocs_build(site, args.repeat)
            advance(1)
            alone = mkdocs_build(plain, args.repeat)
            advance(1)
            fastest = hugo_build(hugo, args.repeat)
            advance(1)
            rows.append((factor, count, ours, alone, fastest))
            print(
                f"x{factor}: {count} pages, ours {ours.wall:.2f}s, plain {alone.wall:.2f}s, hugo {fastest.wall:.2f}s",
                flush=True,
            )
            if factor == 1:
                latency = serve_latency(site)
                advance(1)
                weights = page_weights(site / "site")
                advance(1)
    table = report(rows, latency, weights)
    print(table)
    if not args.no_readme:
        readme = ROOT / "README.md"
        text = readme.read_text(encoding="utf-8")
        start, end = "<!-- bench:start -->", "<!-- bench:end -->"
        before, rest = text.split(start, 1)
        readme.write_text(before + start + "\n" + table + "\n" + end + rest.split(end, 1)[1], encoding="utf-8")


def report(rows: list[tuple[int, int, Run, Run, Run]], latency: Latency | None, weights: list[tuple[str, int]]) -> str:
    small = rows[0][2].wall
    lines = [
        f"Measured {time.strftime('%Y-%m-%d')} on {platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}; medians of the runs; memory is the peak of the build process.",
        "",
        "| size | pages (both languages) | our build: wall / CPU | peak memory | ×small | plain MkDocs | hooks cost | Hugo | ours ÷ Hugo |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for factor, count, ours, alone, fastest in rows:
        lines.append(
            f"| ×{factor} | {count} | {ours.wall:.2f} s / {ours.cpu:.2f} s | {ours.rss_mb:.0f} MB | "
            f"{ours.wall / small:.1f} | {alone.wall:.2f} s | {100 * (ours.wall / alone.wall - 1):+.0f} % | "
            f"{fastest.wall:.2f} s | {ours.wall / fastest.wall:.0f}× |"
        )
    if latency is not None:
        lines += [
            "",
            (
                f"Under `mkdocs serve`, a change shows in the browser {latency.data:.2f} s after saving "
                f"`data/events.yaml` and {latency.markdown:.2f} s after saving a page (medians)."
            ),
        ]
    if weights:
        heaviest = max(weights, key=lambda w: w[1])
        lines.append(
            f"Page transfer weight (all a page loads, gzip-compressed), over {len(weights)} pages: median "
            f"{statistics.median(w for _, w in weights) / 1024:.0f} KB, heaviest {heaviest[0]} {heaviest[1] / 1024:.0f} KB."
        )
    return "\n".join(lines)


if __name__ == "__main__":
    main()
