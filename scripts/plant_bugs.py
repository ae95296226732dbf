"""Plant small bugs in projectsite/, one at a time in a copy of the project, and see whether the tests catch them.

Usage: python scripts/plant_bugs.py [--count 64] [--seed 10] [--timeout 150] [--only MODULE] [--list]

Each mutant is one change made through the syntax tree (kinds in KINDS), written into a fresh copy of the
repository in a temporary folder (the worktree is never written). The tests that cover the mutated module
(TESTS_FOR) then run there with `-x -q`, with the copy's package first on PYTHONPATH; a failing run or a
timeout counts as caught. Known equivalent mutants (EQUIVALENT) are reported and left out of the figure.
"""

from __future__ import annotations

import argparse
import ast
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from queue import Queue

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "projectsite"

KINDS = {
    "compare": "flip a comparison: < and <=, > and >=, == and !=, in and not in, is and is not",
    "negate": "negate the condition of an if, elif or conditional expression",
    "constant": "a small integer constant (below 100) off by one; True and False swapped",
    "drop-call": "drop a call to an escaping or normalising function, keeping its argument",
    "boolop": "swap and / or",
    "return": "return None instead of the value",
}

# Calls whose removal is a plausible bug: escaping, sanitising, normalising.
DROPPABLE = {
    "escape",
    "escape_attr",
    "escape_md",
    "escape_markdown",
    "escape_text",
    "html_escape",
    "quote",
    "sanitize",
    "clean",
    "normalize",
    "normalise",
    "strip",
    "lower",
    "casefold",
    "unicodedata.normalize",
    "json_text",
    "script_safe",
    "ld_json",
    "text",
    "plain",
    "safe_url",
    "check_url",
}

# How much of the sample each module gets: the logic modules weigh more.
WEIGHT = {
    "dates": 4,
    "rules": 4,
    "escape": 4,
    "urls": 4,
    "richtext": 3,
    "text": 3,
    "yamlfile": 3,
    "validate": 3,
    "fields": 3,
    "models": 3,
    "calendar": 3,
    "feeds": 3,
    "structured": 3,
    "period": 2,
    "views": 2,
    "plaintext": 2,
    "news": 2,
    "load": 2,
    "render": 2,
}
NEWSLETTER_WEIGHT = 3
SKIP = {"__init__", "messages", "cli", "schema", "explain", "progress"}

ENGINE = [
    "tests/test_boundaries.py",
    "tests/test_site_rules.py",
    "tests/test_validation.py",
    "tests/test_dates_in_sentences.py",
    "tests/test_markup_safety.py",
]
NEWS = ["tests/test_newsletter.py", "tests/test_newsletter_preview.py", "tests/test_newsletter_once.py"]
AUDIENCE = [
    "tests/test_newsletter_audience.py",
    "tests/test_newsletter_csv.py",
    "tests/test_newsletter_list.py",
    "tests/test_fuzz_audience.py",
]
# Which tests cover which module (found by grepping the tests for the module's imports and names).
TESTS_FOR: dict[str, list[str]] = {
    "dates": [
        "tests/test_boundaries.py",
        "tests/test_dates_in_sentences.py",
        "tests/test_site_rules.py",
        "tests/test_validation.py",
        "tests/test_calendars.py",
    ],
    "rules": [
        "tests/test_boundaries.py",
        "tests/test_site_rules.py",
        "tests/test_life_cycle.py",
        "tests/test_loader_limits.py",
        "tests/test_build_errors.py",
    ],
    "period": ["tests/test_boundaries.py", "tests/test_site_rules.py", "tests/test_life_cycle.py"],
    "escape": ["tests/test_fuzz_escaping.py", "tests/test_markup_safety.py", "tests/test_structured_data.py"],
    "text": [
        "tests/test_fuzz_escaping.py",
        "tests/test_markup_safety.py",
        "tests/test_site_content.py",
        "tests/test_validation.py",
        "tests/test_editor_report.py",
    ],
    "amounts": ["tests/test_project_facts.py"],
    "starter": ["tests/test_new_site.py"],
    "revisions": ["tests/test_page_dates.py"],
    "richtext": ["tests/test_markup_safety.py", "tests/test_fuzz_escaping.py", "tests/test_site_content.py"],
    "plaintext": ["tests/test_markup_safety.py", "tests/test_newsletter_preview.py"],
    "urls": ["tests/test_markup_safety.py", "tests/test_validation.py", "tests/test_fuzz_loaders.py"],
    "yamlfile": [
        "tests/test_loader_limits.py",
        "tests/test_yaml_messages.py",
        "tests/test_editor_report.py",
        "tests/test_fuzz_loaders.py",
        "tests/test_validation.py",
    ],
    "yamlsyntax": ["tests/test_loader_limits.py", "tests/test_yaml_messages.py", "tests/test_editor_report.py"],
    "load": [
        "tests/test_validation.py",
        "tests/test_loader_limits.py",
        "tests/test_fuzz_loaders.py",
        "tests/test_example_laane_viru.py",
        "tests/test_site_rules.py",
    ],
    "validate": ["tests/test_validation.py", "tests/test_editor_report.py", "tests/test_fuzz_loaders.py"],
    "fields": ["tests/test_validation.py", "tests/test_editor_report.py", "tests/test_fuzz_loaders.py"],
    "models": [
        "tests/test_validation.py",
        "tests/test_editor_report.py",
        "tests/test_boundaries.py",
        "tests/test_dates_in_sentences.py",
    ],
    "views": [
        "tests/test_dates_in_sentences.py",
        "tests/test_boundaries.py",
        "tests/test_site_content.py",
        "tests/test_date_not_known.py",
    ],
    "render": [
        "tests/test_boundaries.py",
        "tests/test_site_content.py",
        "tests/test_fuzz_escaping.py",
        "tests/test_missing_sections.py",
    ],
    "translations": ["tests/test_build_errors.py", "tests/test_validation.py"],
    "languages": ["tests/test_three_languages.py"],
    "calendar": ["tests/test_calendars.py", "tests/test_fuzz_loaders.py"],
    "feeds": ["tests/test_feeds.py", "tests/test_plugin.py", "tests/test_fuzz_loaders.py"],
    "structured": ["tests/test_structured_data.py", "tests/test_site_content.py"],
    "news": ["tests/test_site_content.py", "tests/test_feeds.py", "tests/test_build_errors.py"],
    "newsletter/address": AUDIENCE,
    "newsletter/audience": AUDIENCE,
    "newsletter/csvfile": AUDIENCE,
    "newsletter/membership": AUDIENCE,
    "newsletter/store": [*AUDIENCE, "tests/test_newsletter.py"],
    "newsletter/sendlog": ["tests/test_newsletter_once.py", "tests/test_newsletter.py"],
    "newsletter/smtp": ["tests/test_newsletter_smtp.py", "tests/test_newsletter_retry.py"],
    "newsletter/mailchimp": ["tests/test_newsletter_mailchimp.py", "tests/test_newsletter_list.py"],
    "newsletter/backends_base": ["tests/test_newsletter_retry.py", "tests/test_newsletter_smtp.py"],
}
CAUGHT = "tests/test_caught_planted_bugs.py"  # tests written for bugs that once survived; run for every module
MARKERS = "not browser and not validator"
WHOLE_SUITE_TIMEOUT = 900  # one process runs the whole suite without browser and validator tests in about 3 min

FIRST_PART_ONLY = "maxsplit=1 -> 2 in a split of which only the first part is used"
# Mutants shown to change no behaviour: (module, line, kind) -> why.
EQUIVALENT: dict[tuple[str, int, str], str] = {
    ("views", 26, "return"): "None instead of '' for a scheduled event's notice: every reader of it "
    "(EventView.lines, calendar.py, the event template's `if v.notice`) only tests truthiness",
    ("newsletter/csvfile", 89, "constant"): FIRST_PART_ONLY,
    (
        "feeds",
        48,
        "constant",
    ): "quote=True in an RSS description's HTML: &quot; and \" are the same text in HTML content",
    ("newsletter/mailchimp", 101, "return"): "None instead of {} for a success with an empty body: the calls "
    "that get one (send, schedule, the test send, remove) do not read their result",
    ("newsletter/mailchimp", 243, "return"): "None instead of [] from the test send: its one caller only tests "
    "whether the list of files is empty",
    ("period", 12, "negate"): "the settings module imported at run time as well as for mypy: no import cycle",
    ("yamlfile", 159, "constant"): "added < 1 for added < 0: a document with an alias always adds at least one "
    "node (the alias), so the expansion is never 0",
    ("yamlfile", 159, "compare"): "added <= 0 for added < 0: for the same reason, the expansion is never 0",
    ("urls", 63, "constant"): "split('@', 2)[1] for split('@', 1)[1] in a mailto: address whose pattern allows one '@' "
    "before the '?': the part up to the '?' is the same",
    ("newsletter/membership", 140, "negate"): "a new person planned as an update and a known one as an addition "
    "in subscribe: every backend applies the two lists alike, and subscribe's report counts them together",
    ("validate", 79, "constant"): "pydantic's error dicts with their documentation 'url' key: no reader of them "
    "looks at that key",
    ("newsletter/smtp", 33, "constant"): "a host whose name does not resolve taken as this machine: the check runs "
    "only after a connection to that host succeeded, so its name resolved",
    ("views", 168, "constant"): "the year 1 instead of 0 for a past event with neither a date nor a year: there is "
    "none, since such an event stays upcoming (is_upcoming)",
    ("load", 85, "drop-call"): "lower() of the known data files' names, which are all lower-case already",
    ("load", 87, "constant"): "two close matches asked for instead of one: only the closest (the first) is used",
    ("plaintext", 18, "constant"): FIRST_PART_ONLY,
    ("newsletter/audience", 46, "constant"): "a member's asked_at compared too: every comparison of members (the "
    "sync's and subscribe's) is between a member and its own copy, which carries the same asked_at",
    ("yamlsyntax", 45, "constant"): "the line and column used when PyYAML's error has no mark at all; "
    "every error its scanner, parser and composer raise has one",
    ("amounts", 32, "constant"): "replace(..., 1) -> 2 in a pattern that holds '#,##0' once",
    ("calendar", 101, "constant"): "time-zone rules from two years before the first event instead of one: "
    "a longer VTIMEZONE, the same times",
}


@dataclass(frozen=True)
class Mutant:
    module: str  # "dates", "newsletter/smtp"
    line: int
    kind: str
    index: int  # which candidate node of the module
    description: str


def call_name(node: ast.Call) -> str:
    func = node.func
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        base = func.value.id + "." if isinstance(func.value, ast.Name) else ""
        return base + func.attr if base + func.attr in DROPPABLE else func.attr
    return ""


FLIP = {
    ast.Lt: ast.LtE,
    ast.LtE: ast.Lt,
    ast.Gt: ast.GtE,
    ast.GtE: ast.Gt,
    ast.Eq: ast.NotEq,
    ast.NotEq: ast.Eq,
    ast.In: ast.NotIn,
    ast.NotIn: ast.In,
    ast.Is: ast.IsNot,
    ast.IsNot: ast.Is,
}


def candidates(tree: ast.AST) -> list[tuple[ast.AST, str, str]]:
    """Every node that one kind can mutate, in a fixed order: (node, kind, description)."""
    found: list[tuple[ast.AST, str, str]] = []
    docstrings = {
        id(n.body[0].value)
        for n in ast.walk(tree)
        if isinstance(n, (ast.Module, ast.FunctionDef, ast.ClassDef, ast.AsyncFunctionDef))
        and n.body
        and isinstance(n.body[0], ast.Expr)
    }
    for node in ast.walk(tree):
        if isinstance(node, ast.Compare) and type(node.ops[0]) in FLIP:
            found.append((node, "compare", f"{type(node.ops[0]).__name__} -> {FLIP[type(node.ops[0])].__name__}"))
        elif isinstance(node, (ast.If, ast.IfExp, ast.While)):
            found.append((node, "negate", "not (condition)"))
        elif isinstance(node, ast.Constant) and id(node) not in docstrings:
            if isinstance(node.value, bool):
                found.append((node, "constant", f"{node.value} -> {not node.value}"))
            elif isinstance(node.value, int) and -2 <= node.value < 100:  # not size limits, timeouts, codes
                found.append((node, "constant", f"{node.value} -> {node.value + 1}"))
        elif isinstance(node, ast.Call) and call_name(node) in DROPPABLE:
            target = node.args[0] if node.args else (node.func.value if isinstance(node.func, ast.Attribute) else None)
            if target is not None:
                found.append((node, "drop-call", f"drop {call_name(node)}()"))
        elif isinstance(node, ast.BoolOp):
            found.append((node, "boolop", "and <-> or"))
        elif (
            isinstance(node, ast.Return)
            and node.value is not None
            and not (isinstance(node.value, ast.Constant) and node.value.value is None)
        ):
            found.append((node, "return", "return None"))
    return found


class Plant(ast.NodeTransformer):
    """Apply the mutation to the one node with the given id."""

    def __init__(self, target: ast.AST, kind: str) -> None:
        self.target, self.kind = target, kind

    def visit(self, node: ast.AST) -> ast.AST:
        node = self.generic_visit(node)
        if node is not self.target:
            return node
        # Each kind's node is of the types candidates() chose it for.
        if self.kind == "compare":
            assert isinstance(node, ast.Compare)
            node.ops[0] = FLIP[type(node.ops[0])]()
        elif self.kind == "negate":
            assert isinstance(node, (ast.If, ast.IfExp, ast.While))
            node.test = ast.UnaryOp(op=ast.Not(), operand=node.test)
        elif self.kind == "constant":
            assert isinstance(node, ast.Constant) and isinstance(node.value, int)  # a bool is an int too
            node.value = (not node.value) if isinstance(node.value, bool) else node.value + 1
        elif self.kind == "drop-call":
            assert isinstance(node, ast.Call)
            if node.args:
                return node.args[0]
            assert isinstance(node.func, ast.Attribute)
            return node.func.value
        elif self.kind == "boolop":
            assert isinstance(node, ast.BoolOp)
            node.op = ast.Or() if isinstance(node.op, ast.And) else ast.And()
        elif self.kind == "return":
            assert isinstance(node, ast.Return)
            node.value = ast.Constant(value=None)
        return node


def module_name(path: Path) -> str:
    return path.relative_to(PACKAGE).with_suffix("").as_posix()


def weight(module: str) -> int:
    if module.startswith("newsletter/"):
        return NEWSLETTER_WEIGHT if module in TESTS_FOR else 0
    if module.startswith("mkdocs/") or module in SKIP:
        return 0
    return WEIGHT.get(module, 1)


def all_candidates() -> dict[str, list[Mutant]]:
    by_module: dict[str, list[Mutant]] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        module = module_name(path)
        if weight(module) == 0:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        by_module[module] = [
            Mutant(module, getattr(node, "lineno", 0), kind, i, desc)
            for i, (node, kind, desc) in enumerate(candidates(tree))
        ]
    return by_module


def sample(count: int, seed: int) -> list[Mutant]:
    """A fixed sample: modules drawn by weight, then one unused candidate of the module."""
    rng = random.Random(seed)
    pool = {m: list(c) for m, c in all_candidates().items() if c}
    chosen: list[Mutant] = []
    while len(chosen) < count and pool:
        modules = sorted(pool)
        module = rng.choices(modules, weights=[weight(m) for m in modules])[0]
        chosen.append(pool[module].pop(rng.randrange(len(pool[module]))))
        if not pool[module]:
            del pool[module]
    return chosen


def mutated_source(mutant: Mutant) -> str:
    path = PACKAGE / f"{mutant.module}.py"
    tree = ast.parse(path.read_text(encoding="utf-8"))
    node = candidates(tree)[mutant.index][0]
    return ast.unparse(ast.fix_missing_locations(Plant(node, mutant.kind).visit(tree)))


def tests_for(module: str) -> list[str]:
    return [CAUGHT, *TESTS_FOR.get(module, ENGINE)]


def first_failure(output: str) -> str:
    """The first failed test's id from pytest's short summary, or the last line of output."""
    for line in output.splitlines():
        if line.startswith(("FAILED ", "ERROR ")):
            return line.split(" - ")[0]
    return (output.strip().splitlines() or [""])[-1]


def run_tests(copy: Path, tests: list[str], timeout: int, caught: str = "caught by") -> str:
    """'<caught> <test>', 'survived' or 'timeout' for one run of `tests` on the copy."""
    env = {**os.environ, "PYTHONPATH": str(copy), "PYTHONDONTWRITEBYTECODE": "1"}
    command = [sys.executable, "-m", "pytest", "-x", "-q", "-p", "no:cacheprovider", "-m", MARKERS, *tests]
    try:
        run = subprocess.run(command, cwd=copy, env=env, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return "timeout"
    return f"{caught} {first_failure(run.stdout)}" if run.returncode != 0 else "survived"


def run_one(mutant: Mutant, copy: Path, timeout: int, whole: bool) -> tuple[str, float]:
    """Plant the bug in the copy, run its tests, put the original back; 'caught', 'survived' or 'timeout'.

    A bug that the module's mapped tests miss is run against the whole suite (browser and validator tests
    left out) when `whole` is set: the map only makes the common case fast."""
    target = copy / "projectsite" / f"{mutant.module}.py"
    original = target.read_text(encoding="utf-8")
    target.write_text(mutated_source(mutant), encoding="utf-8")
    start = time.monotonic()
    try:
        outcome = run_tests(copy, tests_for(mutant.module), timeout)
        if outcome == "survived" and whole:
            outcome = run_tests(copy, ["tests"], WHOLE_SUITE_TIMEOUT, "caught by the whole suite:")
    finally:
        target.write_text(original, encoding="utf-8")
    return outcome, time.monotonic() - start


def make_copy(dest: Path) -> Path:
    """A copy of the repository's tracked sources (not .venv, not site/) with the package on the path."""
    ignore = shutil.ignore_patterns(
        ".venv",
        ".venv-fork",  # its projectsite is this folder's: a copy makes its own when a test asks for it
        "node_modules",
        "site",
        ".git",
        "__pycache__",
        "*.pyc",
        ".pytest_cache",
        ".hypothesis",
        "test-artifacts",
    )
    shutil.copytree(ROOT, dest, ignore=ignore)
    check = subprocess.run(
        [sys.executable, "-c", "import projectsite; print(projectsite.__file__)"],
        cwd=dest,
        env={**os.environ, "PYTHONPATH": str(dest)},
        capture_output=True,
        text=True,
    )
    if not check.stdout.strip().startswith(str(dest)):
        raise SystemExit(f"the copy's package is not the one imported: {check.stdout or check.stderr}")
    # The console scripts (mkdocs, projectsite) that the tests start also import from PYTHONPATH first.
    return dest


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=64)
    parser.add_argument("--seed", type=int, default=10)
    parser.add_argument("--timeout", type=int, default=150)
    parser.add_argument("--only", help="run only the mutants of this module (e.g. dates)")
    parser.add_argument("--jobs", type=int, default=2, help="mutants run side by side, each in its own copy")
    parser.add_argument("--pick", help="run only these mutants of the sample, by number (e.g. 2,3,7)")
    parser.add_argument("--list", action="store_true", help="list the sample and stop")
    parser.add_argument(
        "--mapped-only",
        action="store_true",
        help="do not run the whole suite (browser and validator tests left out) on a bug the mapped tests miss",
    )
    args = parser.parse_args()
    mutants = sample(args.count, args.seed)
    if args.pick:
        mutants = [mutants[int(n) - 1] for n in args.pick.split(",")]
    if args.only:
        mutants = [m for m in mutants if m.module == args.only]
    if args.list:
        for n, m in enumerate(mutants, 1):
            print(f"{n:3} {m.module}.py:{m.line} {m.kind}: {m.description}")
        return 0
    caught = total = 0
    survivors: list[str] = []
    with tempfile.TemporaryDirectory(prefix="plant-bugs-") as tmp:
        copies: Queue[Path] = Queue()
        for job in range(max(args.jobs, 1)):
            copies.put(make_copy(Path(tmp) / f"project{job}"))

        def judge(m: Mutant) -> tuple[str, float]:
            copy = copies.get()
            try:
                return run_one(m, copy, args.timeout, not args.mapped_only)
            finally:
                copies.put(copy)

        todo = [m for m in mutants if (m.module, m.line, m.kind) not in EQUIVALENT]
        for m in mutants:
            if m not in todo:
                print(
                    f"equivalent  {m.module}.py:{m.line} {m.kind}: {m.description}"
                    f" ({EQUIVALENT[(m.module, m.line, m.kind)]})",
                    flush=True,
                )
        with ThreadPoolExecutor(args.jobs) as pool:
            for n, (m, (outcome, seconds)) in enumerate(zip(todo, pool.map(judge, todo), strict=True), 1):
                where = f"{m.module}.py:{m.line} {m.kind}: {m.description}"
                total += 1
                caught += outcome != "survived"
                if outcome == "survived":
                    survivors.append(where)
                print(f"{n:3} {where}  [{seconds:.0f} s]: {outcome}", flush=True)
    print(f"\ncaught {caught} of {total} planted bugs ({100 * caught / max(total, 1):.0f} %)")
    for where in survivors:
        print(f"  survived: {where}")
    return 0 if total and caught * 10 >= total * 9 else 1


if __name__ == "__main__":
    sys.exit(main())
