"""`make fork-env`: .venv-fork/, the project's environment with ProperDocs in place of MkDocs.

Usage: python scripts/fork_env.py [--target DIR]

The same pins as the environment whose Python runs this script: pyproject.toml's dependencies, and every other
package at the version `pip freeze` shows there. Only the core changes: MkDocs 1.6.1 out, ProperDocs in
(pyproject.toml's extra `properdocs`), and projectsite itself is installed editable from this folder.

Material and mkdocs-static-i18n declare a dependency on the `mkdocs` package, so pip installs it along with them;
it is uninstalled afterwards, so that nothing built here can run MkDocs' own code (`pip check` reports those two
dependencies as missing, on purpose). A site that keeps MkDocs installed next to ProperDocs builds the same:
the `properdocs` command loads its own modules for every `mkdocs.*` import either way.

Made once: a stamp holding a digest of what went in (the pins, the versions, this folder, the Python) leaves an
environment that is up to date as it is, and a lock lets two test runs ask for it at the same time. Prints the
environment's folder on standard output, and how long making it took on standard error.
"""

from __future__ import annotations

import argparse
import fcntl
import hashlib
import re
import subprocess
import sys
import tempfile
import time
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / ".venv-fork"
CORE = "mkdocs"  # the package that leaves
FORK_EXTRA = "properdocs"  # pyproject.toml's extra that names the package that comes in, pinned
STAMP = ".installed"
PIP_TIMEOUT = 900


def name_of(requirement: str) -> str:
    """The package's normalised name ('pyyaml-env-tag' for 'pyyaml_env_tag==1.1')."""
    found = re.match(r"[A-Za-z0-9][A-Za-z0-9._-]*", requirement)
    if found is None:
        raise SystemExit(f"not a requirement: {requirement!r}")
    return re.sub(r"[-_.]+", "-", found.group(0)).lower()


def fork_pins(pyproject: dict[str, object]) -> list[str]:
    """pyproject.toml's dependencies with the core swapped for the fork."""
    project = pyproject["project"]
    assert isinstance(project, dict)
    dependencies: list[str] = project["dependencies"]
    fork: list[str] = project["optional-dependencies"][FORK_EXTRA]
    if [d for d in dependencies if name_of(d) == CORE] == [] or not fork:
        raise SystemExit(f"pyproject.toml: no {CORE} among the dependencies, or no extra {FORK_EXTRA!r}")
    return [d for d in dependencies if name_of(d) != CORE] + fork


def reference_versions(python: str) -> list[str]:
    """Every package of the environment of `python` as `name==version` (editable ones and projectsite left out)."""
    frozen = subprocess.run(
        [python, "-m", "pip", "freeze", "--exclude-editable"], capture_output=True, text=True, check=True
    ).stdout
    lines = [line.strip() for line in frozen.splitlines()]
    return sorted(
        line for line in lines if re.fullmatch(r"[A-Za-z0-9._-]+==\S+", line) and name_of(line) != "projectsite"
    )


def pip(target: Path, *args: str) -> None:
    done = subprocess.run(
        [str(target / "bin" / "python"), "-m", "pip", *args, "--quiet", "--disable-pip-version-check"],
        capture_output=True,
        text=True,
        timeout=PIP_TIMEOUT,
        check=False,
    )
    if done.returncode != 0:
        raise SystemExit(f"pip {' '.join(args)} failed:\n{done.stdout}{done.stderr}")


def make(target: Path, pins: list[str], constraints: list[str]) -> None:
    subprocess.run([sys.executable, "-m", "venv", "--clear", str(target)], check=True, timeout=PIP_TIMEOUT)
    with tempfile.NamedTemporaryFile("w", suffix=".txt", encoding="utf-8") as file:
        file.write("\n".join(constraints) + "\n")
        file.flush()
        pip(target, "install", "--constraint", file.name, *pins)
    pip(target, "uninstall", "--yes", CORE)
    pip(target, "install", "--no-deps", "--editable", str(ROOT))


def ensure(target: Path = TARGET) -> tuple[Path, float | None]:
    """The fork's environment at `target`, made if missing or out of date; the seconds making it took (None: it
    was up to date)."""
    pins = fork_pins(tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8")))
    constraints = reference_versions(sys.executable)
    facts = [*pins, "--", *constraints, "--", str(ROOT), sys.version]
    digest = hashlib.sha256("\n".join(facts).encode()).hexdigest()
    lock = (
        Path(tempfile.gettempdir())
        / f"projectsite-fork-env-{hashlib.sha256(str(target).encode()).hexdigest()[:16]}.lock"
    )
    with lock.open("w") as held:
        fcntl.flock(held, fcntl.LOCK_EX)  # a second caller waits, then finds the environment made
        stamp = target / STAMP
        if stamp.is_file() and stamp.read_text(encoding="utf-8") == digest:
            return target, None
        started = time.perf_counter()
        make(target, pins, constraints)
        stamp.write_text(digest, encoding="utf-8")
        return target, time.perf_counter() - started


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--target", type=Path, default=TARGET, help="the environment's folder (default: .venv-fork/)")
    args = parser.parse_args(argv)
    target, took = ensure(args.target.resolve())
    print(target)
    print("up to date" if took is None else f"made in {took:.0f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
