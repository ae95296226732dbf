"""Build benchmarks: the site at ×1, ×10 and ×100 of its content, side by side with plain MkDocs (Material and
mkdocs-static-i18n on the same pages), Hugo and Zensical, and the preview's latency as an editor sees it.

Run with `make bench`. Writes the table into OUT/bench.md (default test-artifacts/bench/) and prints it.
`--smoke` is the test suite's run: the smallest size, one repetition, one edit of each kind, no page weights.
"""

from __future__ import annotations

import argparse
import gzip
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from bench_preview import Latency, serve_latency
from bench_sites import (
    ROOT,
    copy_project,
    count_items,
    hugo_project,
    plain_mkdocs_project,
    plain_pages,
    synthesize,
    zensical_projects,
)

from projectsite.load import load_site
from projectsite.problems import errors

BIN = Path(sys.executable).parent
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
GOAL_RATIO = 1.3  # our build at ×100 within 1.3× of plain MkDocs on the same pages
GOAL_BIG_SECONDS = 600  # 20,000 events built in under 10 minutes


@dataclass(frozen=True)
class Run:
    wall: float
    cpu: float
    rss_mb: float


@dataclass(frozen=True)
class Row:
    factor: int
    pages: int
    events: int
    media: int
    ours: Run
    plain: Run | None
    hugo: Run | None
    zensical: Run | None


def run_once(args: list[str], cwd: Path) -> Run:
    started = time.perf_counter()
    process = subprocess.Popen(args, cwd=cwd, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    assert process.stderr is not None
    errors = process.stderr.read()  # read while it runs: a full pipe would stop the build
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{' '.join(args)} failed in {cwd}:\n{errors.decode()[-2000:]}")
    return Run(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024)


def median_run(commands: list[tuple[list[str], Path]], repeat: int) -> Run:
    """The median over `repeat` runs of the commands one after the other (their times added up)."""
    runs = []
    for _ in range(repeat):
        parts = [run_once(args, cwd) for args, cwd in commands]
        runs.append(Run(sum(p.wall for p in parts), sum(p.cpu for p in parts), max(p.rss_mb for p in parts)))
    return Run(
        statistics.median(r.wall for r in runs), statistics.median(r.cpu for r in runs), max(r.rss_mb for r in runs)
    )


def mkdocs_build(project: Path) -> tuple[list[str], Path]:
    return [str(BIN / "mkdocs"), "build", "--clean", "-q", "-d", str(project / "site")], project


def hugo_build(project: Path) -> tuple[list[str], Path]:
    return [str(BIN / "hugo"), "--quiet", "--cleanDestinationDir", "-d", str(project / "public")], project


def zensical_build(project: Path) -> tuple[list[str], Path]:
    return [str(BIN / "zensical"), "build", "--clean", "-f", str(project / "mkdocs.yml")], project


def measure(factor: int, tmp: Path, repeat: int, ours_only: bool) -> Row:
    site = copy_project(tmp / f"x{factor}")
    synthesize(site, factor)
    events, media = count_items(site)
    pages = plain_pages(site)
    count = sum(len(files) for files in pages.values())
    ours = median_run([mkdocs_build(site)], repeat)
    if ours_only:
        return Row(factor, count, events, media, ours, None, None, None)
    plain = median_run([mkdocs_build(plain_mkdocs_project(site, pages, tmp / f"plain{factor}"))], repeat)
    hugo = median_run([hugo_build(hugo_project(pages, tmp / f"hugo{factor}"))], repeat)
    zensical = median_run(
        [zensical_build(p) for p in zensical_projects(site, pages, tmp / f"zensical{factor}")], repeat
    )
    return Row(factor, count, events, media, ours, plain, hugo, zensical)


def synthetic_data_is_valid(tmp: Path, factor: int = 2) -> None:
    """The synthetic data loads without an error (checked in the smoke run, which builds only ×1)."""
    site = copy_project(tmp / f"check{factor}")
    synthesize(site, factor)
    _, problems = load_site(site)
    if found := errors(problems):
        raise SystemExit("the synthetic data has errors:\n" + "\n".join(str(p) for p in found))


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


def _ratio(ours: Run, other: Run | None) -> str:
    return f"{ours.wall / other.wall:.2f}" if other is not None else "–"


def _wall(run: Run | None) -> str:
    return f"{run.wall:.2f} s" if run is not None else "–"


def report(rows: list[Row], latency: Latency | None, weights: list[tuple[str, int]], repeat: int) -> str:
    lines = [
        f"Measured {time.strftime('%Y-%m-%d %H:%M %Z')} on {platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}; the median of {repeat} run(s) each; memory is the peak of one "
        "build process; Zensical's time is its two builds (one per language) added up.",
        "",
        "| size | events | media | pages (all languages) | our build: wall / CPU | peak memory "
        "| plain MkDocs | ours ÷ plain | Hugo | ours ÷ Hugo | Zensical | ours ÷ Zensical |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for r in rows:
        lines.append(
            f"| ×{r.factor} | {r.events} | {r.media} | {r.pages} | {r.ours.wall:.2f} s / {r.ours.cpu:.2f} s "
            f"| {r.ours.rss_mb:.0f} MB | {_wall(r.plain)} | {_ratio(r.ours, r.plain)} | {_wall(r.hugo)} "
            f"| {_ratio(r.ours, r.hugo)} | {_wall(r.zensical)} | {_ratio(r.ours, r.zensical)} |"
        )
    lines += _goals(rows)
    if latency is not None:
        lines += [
            "",
            f"Under `mkdocs serve` at ×1, a saved change shows on the served page {latency.page:.2f} s after "
            f"saving a page and {latency.data:.2f} s after saving `data/events.yaml` (medians of {latency.edits} "
            "edits each, polled over HTTP; goals 0.5 s and 1 s).",
        ]
    if weights:
        heaviest = max(weights, key=lambda w: w[1])
        lines.append(
            f"Page transfer weight (all a page loads, gzip-compressed), over {len(weights)} pages: median "
            f"{statistics.median(w for _, w in weights) / 1024:.0f} KB, heaviest {heaviest[0]} {heaviest[1] / 1024:.0f} KB."
        )
    return "\n".join(lines)


def _goals(rows: list[Row]) -> list[str]:
    lines = []
    for r in rows:
        if r.factor == 100 and r.plain is not None:
            ratio = r.ours.wall / r.plain.wall
            met = "met" if ratio <= GOAL_RATIO else "not met"
            lines.append(f"\nGoal: our build at ×100 within {GOAL_RATIO}× of plain MkDocs: {ratio:.2f}× ({met}).")
        if r.events >= 20_000:
            met = "met" if r.ours.wall < GOAL_BIG_SECONDS else "not met"
            lines.append(f"\nGoal: {r.events:,} events built in under 10 minutes: {r.ours.wall:.0f} s ({met}).")
    return lines


def options() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="runs of each build (the median is reported)")
    parser.add_argument("--sizes", default="1,10,100", help="factors of the shipped content, all four builds")
    parser.add_argument("--ours-only", default="", help="factors built by our build only (500: 20,000 events)")
    parser.add_argument("--edits", type=int, default=7, help="edits of each kind under mkdocs serve")
    parser.add_argument("--no-weights", action="store_true", help="skip the page weights (Chromium)")
    parser.add_argument("--smoke", action="store_true", help="×1, one run, one edit, no weights: the test's run")
    parser.add_argument("--out", type=Path, default=ROOT / "test-artifacts" / "bench", help="where bench.md goes")
    args = parser.parse_args()
    if args.smoke:
        args.sizes, args.ours_only, args.repeat, args.edits, args.no_weights = "1", "", 1, 1, True
    return args


def main() -> None:
    args = options()
    factors = [int(f) for f in args.sizes.split(",") if f]
    big = [int(f) for f in args.ours_only.split(",") if f]
    rows: list[Row] = []
    latency, weights = None, []
    with tempfile.TemporaryDirectory(prefix="bench-") as folder:
        tmp = Path(folder)
        if args.smoke:
            synthetic_data_is_valid(tmp)
        for factor in factors + big:
            rows.append(row := measure(factor, tmp, args.repeat, ours_only=factor in big))
            print(f"×{factor}: {row.pages} pages, ours {row.ours.wall:.2f} s", flush=True)
        if 1 in factors:
            latency = serve_latency(tmp / "x1", args.edits)
            if not args.no_weights:
                weights = page_weights(tmp / "x1" / "site")
    table = report(rows, latency, weights, args.repeat)
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "bench.md").write_text(table + "\n", encoding="utf-8")
    print(table)


if __name__ == "__main__":
    main()
