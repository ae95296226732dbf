"""Build benchmarks: the site at ×1, ×10 and ×100 of its content, side by side with plain MkDocs (Material and
mkdocs-static-i18n on the same pages), Hugo and Zensical, and the preview's latency as an editor sees it.

Run with `make bench` (side by side at ×1, ×10, ×100) or `make bench-20k` (our build alone at ×500). Writes the
table into OUT/bench.md (default test-artifacts/bench/) and prints it. The generators' runs are interleaved (one
of each per repetition), so that a shared machine's drifting speed meets them all alike. Each row is printed and added to that file as
soon as its size is measured, so a run stopped later keeps its rows; the complete table replaces the file at the end.
A build that fails (a non-zero exit, a timeout, a project that cannot be made) is a "failed" row's cell, with its
reason, and the run goes on with the others.
`--smoke` is the test suite's run: the smallest size, one repetition, one edit of each kind, no page weights.
`--fake-failure NAME` puts a command that exits 1 in place of that generator's build (what the test of a failing
generator runs).
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import os
import platform
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import traceback
from collections.abc import Callable
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


GENERATORS = {"ours": "our build", "plain": "plain MkDocs", "hugo": "Hugo", "zensical": "Zensical"}
# What `--fake-failure` runs in place of a build: a command that fails as a build does, through the same code.
FAKE_FAILURE = [sys.executable, "-c", "import sys; sys.exit('fake failure (--fake-failure)')"]

Command = tuple[list[str], Path]


@dataclass(frozen=True)
class Run:
    wall: float
    cpu: float
    rss_mb: float


@dataclass(frozen=True)
class Failed:
    """A build that did not finish: `reason` goes in the table's cell, `detail` (its last error line) below it."""

    reason: str
    detail: str


Outcome = Run | Failed


@dataclass(frozen=True)
class Row:
    factor: int
    pages: int | None  # None: the size itself could not be made (every build of the row failed)
    events: int | None
    media: int | None
    ours: Outcome
    plain: Outcome | None  # None: not built at this size (--ours-only)
    hugo: Outcome | None
    zensical: Outcome | None


@dataclass(frozen=True)
class Plan:
    repeat: int
    timeout: float  # seconds for one build process
    fake_failures: frozenset[str]


def _last_line(text: str) -> str:
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return lines[-1][:300] if lines else "no error output"


def _kill_group(pid: int) -> None:
    with contextlib.suppress(ProcessLookupError):  # it ended meanwhile
        os.killpg(pid, signal.SIGKILL)


def run_once(args: list[str], cwd: Path, timeout: float) -> Outcome:
    """One build in a process (and process group) of its own: its times, or why it failed. Past `timeout` seconds
    the whole group is killed."""
    with tempfile.TemporaryFile() as stderr:  # a file, not a pipe: a build's helpers cannot keep us waiting
        started = time.perf_counter()
        process = subprocess.Popen(
            args, cwd=cwd, env=ENV, stdout=subprocess.DEVNULL, stderr=stderr, start_new_session=True
        )
        timed_out = threading.Event()

        def expire() -> None:
            timed_out.set()
            _kill_group(process.pid)

        timer = threading.Timer(timeout, expire)
        timer.start()
        try:
            _, status, usage = os.wait4(process.pid, 0)
        except BaseException:  # Ctrl-C: the build is in a session of its own and would go on without us
            _kill_group(process.pid)
            raise
        finally:
            timer.cancel()
        wall = time.perf_counter() - started
        process.returncode = code = os.waitstatus_to_exitcode(status)
        stderr.seek(0)
        errors = stderr.read()[-4000:].decode(errors="replace")
    if timed_out.is_set():
        reason = f"timed out after {timeout:g} s"
    elif code != 0:
        reason = f"exit {code}" if code > 0 else f"killed by signal {-code}"
    else:
        return Run(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024)
    print(f"{' '.join(args)} failed ({reason}) in {cwd}:\n{errors[-2000:]}", file=sys.stderr, flush=True)
    return Failed(reason, _last_line(errors))


def run_all(commands: list[Command], timeout: float) -> Outcome:
    """One run of the commands one after the other, their times added up; the first failure ends it."""
    parts = []
    for args, cwd in commands:
        part = run_once(args, cwd, timeout)
        if isinstance(part, Failed):
            return part
        parts.append(part)
    return Run(sum(p.wall for p in parts), sum(p.cpu for p in parts), max(p.rss_mb for p in parts))


def mkdocs_build(project: Path) -> Command:
    return [str(BIN / "mkdocs"), "build", "--clean", "-q", "-d", str(project / "site")], project


def hugo_build(project: Path) -> Command:
    return [str(BIN / "hugo"), "--quiet", "--cleanDestinationDir", "-d", str(project / "public")], project


def zensical_build(project: Path) -> Command:
    return [str(BIN / "zensical"), "build", "--clean", "-f", str(project / "mkdocs.yml")], project


def _setup_failed(error: Exception) -> Failed:
    traceback.print_exc()
    return Failed("setup failed", f"{type(error).__name__}: {error}"[:300])


def made(name: str, commands: Callable[[], list[Command]], plan: Plan) -> list[Command] | Failed:
    """A generator's project, made by `commands`: its build commands, or why it could not be made."""
    try:
        built = commands()
    except Exception as error:  # a project that cannot be made is that generator's failure, not the run's
        return _setup_failed(error)
    return [(FAKE_FAILURE, cwd) for _, cwd in built] if name in plan.fake_failures else built


def interleaved(factor: int, builds: dict[str, list[Command] | Failed], plan: Plan) -> dict[str, Outcome]:
    """Every generator's builds, one run of each in turn per repetition (ours, plain MkDocs, Hugo, Zensical, then
    again): on a shared machine whose speed drifts, all of them meet the same drift, and a ratio compares runs
    made minutes apart at most. A generator's first failure ends its runs."""
    outcomes: dict[str, Outcome] = {name: b for name, b in builds.items() if isinstance(b, Failed)}
    runs: dict[str, list[Run]] = {name: [] for name in builds}
    for _ in range(plan.repeat):
        for name, commands in builds.items():
            if name not in outcomes and not isinstance(commands, Failed):
                outcome = run_all(commands, plan.timeout)
                if isinstance(outcome, Failed):
                    outcomes[name] = outcome
                else:
                    runs[name].append(outcome)
    for name in builds:
        if name not in outcomes:
            walls, cpus = [r.wall for r in runs[name]], [r.cpu for r in runs[name]]
            rss = max(r.rss_mb for r in runs[name])
            outcomes[name] = Run(statistics.median(walls), statistics.median(cpus), rss)
        shown = outcomes[name]
        text = f"{shown.wall:.2f} s" if isinstance(shown, Run) else f"failed ({shown.reason}): {shown.detail}"
        print(f"×{factor} {GENERATORS[name]}: {text}", flush=True)
    return outcomes


def measure(factor: int, tmp: Path, plan: Plan, ours_only: bool) -> Row:
    site = tmp / f"x{factor}"
    try:
        copy_project(site)
        synthesize(site, factor)
        events, media = count_items(site)
        pages = plain_pages(site)
    except Exception as error:
        failed = _setup_failed(error)
        print(f"×{factor}: {failed.reason}: {failed.detail}", flush=True)
        if ours_only:
            return Row(factor, None, None, None, failed, None, None, None)
        return Row(factor, None, None, None, failed, failed, failed, failed)
    count = sum(len(files) for files in pages.values())
    builds = {"ours": made("ours", lambda: [mkdocs_build(site)], plan)}
    if not ours_only:
        builds["plain"] = made(
            "plain", lambda: [mkdocs_build(plain_mkdocs_project(site, pages, tmp / f"plain{factor}"))], plan
        )
        builds["hugo"] = made("hugo", lambda: [hugo_build(hugo_project(pages, tmp / f"hugo{factor}"))], plan)
        builds["zensical"] = made(
            "zensical",
            lambda: [zensical_build(p) for p in zensical_projects(site, pages, tmp / f"zensical{factor}")],
            plan,
        )
    done = interleaved(factor, builds, plan)
    return Row(factor, count, events, media, done["ours"], done.get("plain"), done.get("hugo"), done.get("zensical"))


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


NOT_BUILT = "–"  # not built at this size (--ours-only)
FAILED_RATIO = "failed"  # a ratio with a failed build on either side


def _ratio(ours: Outcome, other: Outcome | None) -> str:
    if other is None:
        return NOT_BUILT
    if isinstance(ours, Failed) or isinstance(other, Failed):
        return FAILED_RATIO
    return f"{ours.wall / other.wall:.2f}"


def _wall(outcome: Outcome | None) -> str:
    if outcome is None:
        return NOT_BUILT
    if isinstance(outcome, Failed):
        return f"failed ({outcome.reason})"
    return f"{outcome.wall:.2f} s"


def _count(value: int | None) -> str:
    return str(value) if value is not None else "—"


def intro(repeat: int) -> list[str]:
    """The lines above the rows: when and how, and the table's head."""
    return [
        f"Measured {time.strftime('%Y-%m-%d %H:%M %Z')} on {platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}; the median of {repeat} run(s) each; memory is the peak of one "
        "build process; Zensical's time is its two builds (one per language) added up. A failed build shows "
        "its reason, and its ratios say failed.",
        "",
        "| size | events | media | pages (all languages) | our build: wall / CPU | peak memory "
        "| plain MkDocs | ours ÷ plain | Hugo | ours ÷ Hugo | Zensical | ours ÷ Zensical |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]


def table_row(r: Row) -> str:
    if isinstance(r.ours, Run):
        ours, memory = f"{r.ours.wall:.2f} s / {r.ours.cpu:.2f} s", f"{r.ours.rss_mb:.0f} MB"
    else:
        ours, memory = _wall(r.ours), "—"
    return (
        f"| ×{r.factor} | {_count(r.events)} | {_count(r.media)} | {_count(r.pages)} | {ours} | {memory} "
        f"| {_wall(r.plain)} | {_ratio(r.ours, r.plain)} | {_wall(r.hugo)} | {_ratio(r.ours, r.hugo)} "
        f"| {_wall(r.zensical)} | {_ratio(r.ours, r.zensical)} |"
    )


def failures(rows: list[Row]) -> list[str]:
    """One line for each failed build: its size, generator, reason and last line of error output."""
    lines = []
    for r in rows:
        for name, outcome in (("ours", r.ours), ("plain", r.plain), ("hugo", r.hugo), ("zensical", r.zensical)):
            if isinstance(outcome, Failed):
                lines.append(f"- ×{r.factor} {GENERATORS[name]}: {outcome.reason}: {outcome.detail}")
    return ["", "Failed builds:", "", *lines] if lines else []


def report(
    rows: list[Row], latency: Latency | None, weights: list[tuple[str, int]], repeat: int, notes: list[str]
) -> str:
    lines = intro(repeat) + [table_row(r) for r in rows] + failures(rows) + _goals(rows)
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
    if notes:
        lines += ["", *notes]
    return "\n".join(lines)


def _goals(rows: list[Row]) -> list[str]:
    lines = []
    for r in rows:
        if r.factor == 100 and isinstance(r.ours, Run) and isinstance(r.plain, Run):
            ratio = r.ours.wall / r.plain.wall
            met = "met" if ratio <= GOAL_RATIO else "not met"
            lines.append(f"\nGoal: our build at ×100 within {GOAL_RATIO}× of plain MkDocs: {ratio:.2f}× ({met}).")
        if r.events is not None and r.events >= 20_000:
            if isinstance(r.ours, Run):
                met = "met" if r.ours.wall < GOAL_BIG_SECONDS else "not met"
                lines.append(f"\nGoal: {r.events:,} events built in under 10 minutes: {r.ours.wall:.0f} s ({met}).")
            else:
                lines.append(f"\nGoal: {r.events:,} events built in under 10 minutes: not met (our build failed).")
    return lines


def options() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="runs of each build (the median is reported)")
    parser.add_argument("--sizes", default="1,10,100", help="factors of the shipped content, all four builds")
    parser.add_argument("--ours-only", default="", help="factors built by our build only (500: 20,000 events)")
    parser.add_argument("--timeout", type=float, default=3600, help="seconds one build may take before it is killed")
    parser.add_argument("--edits", type=int, default=7, help="edits of each kind under mkdocs serve")
    parser.add_argument("--no-weights", action="store_true", help="skip the page weights (Chromium)")
    parser.add_argument("--no-preview", action="store_true", help="skip the preview's latency and the page weights")
    parser.add_argument(
        "--fake-failure",
        action="append",
        default=[],
        choices=sorted(GENERATORS),
        help="run a command that exits 1 in place of this generator's builds (the test of a failing build)",
    )
    parser.add_argument("--smoke", action="store_true", help="×1, one run, one edit, no weights: the test's run")
    parser.add_argument("--out", type=Path, default=ROOT / "test-artifacts" / "bench", help="where bench.md goes")
    args = parser.parse_args()
    if args.smoke:
        args.sizes, args.ours_only, args.repeat, args.edits, args.no_weights = "1", "", 1, 1, True
    return args


PARTIAL = (
    "In progress (or stopped): each row was added as its size was measured; the complete table, with the goals "
    "and the preview, replaces this file when the run ends."
)


def main() -> None:
    args = options()
    factors = [int(f) for f in args.sizes.split(",") if f]
    big = [int(f) for f in args.ours_only.split(",") if f]
    plan = Plan(args.repeat, args.timeout, frozenset(args.fake_failure))
    args.out.mkdir(parents=True, exist_ok=True)
    table_file = args.out / "bench.md"
    table_file.write_text("\n".join([PARTIAL, "", *intro(args.repeat)]) + "\n", encoding="utf-8")
    rows: list[Row] = []
    notes: list[str] = []
    latency: Latency | None = None
    weights: list[tuple[str, int]] = []
    with tempfile.TemporaryDirectory(prefix="bench-") as folder:
        tmp = Path(folder)
        if args.smoke:
            synthetic_data_is_valid(tmp)
        for factor in factors + big:
            rows.append(row := measure(factor, tmp, plan, ours_only=factor in big))
            line = table_row(row)
            with table_file.open("a", encoding="utf-8") as table:
                table.write(line + "\n")
            print(line, flush=True)
        x1 = next((r for r in rows if r.factor == 1 and r.factor in factors), None)
        if x1 is not None and not args.no_preview:
            if isinstance(x1.ours, Failed):
                notes.append("The preview was not measured: our build failed at ×1.")
            else:
                latency, weights = preview(tmp / "x1", args.edits, not args.no_weights, notes)
    table = report(rows, latency, weights, args.repeat, notes)
    table_file.write_text(table + "\n", encoding="utf-8")
    print(table)
    if failed := sum(isinstance(o, Failed) for r in rows for o in (r.ours, r.plain, r.hugo, r.zensical)):
        print(f"{failed} build(s) failed: see the table's rows and 'Failed builds'.", file=sys.stderr)


def preview(
    site: Path, edits: int, with_weights: bool, notes: list[str]
) -> tuple[Latency | None, list[tuple[str, int]]]:
    """The preview's latency and the page weights at ×1; a failure of either is a note, not the end of the run.
    (bench_preview reports its failures with SystemExit, hence its place in the except clauses.)"""
    latency, weights = None, []
    try:
        latency = serve_latency(site, edits)
    except (Exception, SystemExit) as error:
        traceback.print_exc()
        notes.append(f"The preview's latency was not measured: {type(error).__name__}: {error}"[:400])
    if with_weights:
        try:
            weights = page_weights(site / "site")
        except (Exception, SystemExit) as error:
            traceback.print_exc()
            notes.append(f"The page weights were not measured: {type(error).__name__}: {error}"[:400])
    return latency, weights


if __name__ == "__main__":
    main()
