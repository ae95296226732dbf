"""The newsletter's figures: a sync of 100,000 subscribers into an empty local audience (goal: at most 10 s), and
how many requests a Mailchimp sync of 10,000 takes, against the loopback Mailchimp of the tests (goal: at most 25)."""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
from bench_sites import site_source  # noqa: E402
from fake_mailchimp import FakeMailchimp  # noqa: E402 (the tests folder goes on the path first)

PROJECTSITE = str(Path(sys.executable).parent / "projectsite")
LOCAL_PEOPLE = 100_000
MAILCHIMP_PEOPLE = 10_000


def subscribers(folder: Path, n: int) -> Path:
    csv = folder / f"subscribers-{n}.csv"
    rows = "".join(f"person{i}@example.ee,P{i},{'et' if i % 3 else 'en'},2024-01-01T10:00,\n" for i in range(n))
    csv.write_text("email,name,language,consent_at,tags\n" + rows, encoding="utf-8")
    return csv


def local(folder: Path, people: int) -> None:
    """The outbox backend's SQLite audience, in a project folder of its own (mkdocs.yml, its hooks/, empty docs/ and data/)."""
    project = folder / "project"
    for folder_name in ("docs", "data"):
        (project / folder_name).mkdir(parents=True)
    source = site_source()
    (project / "mkdocs.yml").write_text((source / "mkdocs.yml").read_text(encoding="utf-8"), encoding="utf-8")
    if (source / "hooks").is_dir():  # mkdocs.yml names the site's hook: MkDocs loads it
        shutil.copytree(source / "hooks", project / "hooks")
    csv = subscribers(folder, people)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("MAILCHIMP_", "SMTP_"))}
    for run in ("into an empty local audience", "again, nothing changed"):
        started = time.perf_counter()
        subprocess.run(
            [PROJECTSITE, "newsletter", "sync", str(csv), "--root", str(project), "--backend", "outbox", "--quiet"],
            env=env,
            check=True,
            stdout=subprocess.DEVNULL,
        )
        print(
            f"sync of {people:,} subscribers {run}: {time.perf_counter() - started:.1f} s (goal at 100,000: at most 10 s)"
        )


def mailchimp(folder: Path, people: int) -> None:
    fake = FakeMailchimp()
    csv = subscribers(folder, people)
    with fake.running() as url:
        env = {
            **os.environ,
            "MAILCHIMP_API_KEY": fake.key,
            "MAILCHIMP_LIST_ID": fake.list_id,
            "MAILCHIMP_API_URL": url,
            "NO_PROXY": "127.0.0.1,localhost",
        }
        for run in ("first sync (empty audience)", "second sync (nothing changed)"):
            fake.requests.clear()
            started = time.perf_counter()
            subprocess.run(
                [PROJECTSITE, "newsletter", "sync", str(csv), "--root", str(site_source()), "--quiet"],
                env=env,
                check=True,
                stdout=subprocess.DEVNULL,
            )
            print(
                f"Mailchimp sync of {people:,}, {run}: {len(fake.requests)} requests, "
                f"{time.perf_counter() - started:.1f} s"
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--smoke", action="store_true", help="100 and 50 subscribers: the test suite's run")
    smoke = parser.parse_args().smoke
    with tempfile.TemporaryDirectory() as tmp:
        local(Path(tmp), 100 if smoke else LOCAL_PEOPLE)
        mailchimp(Path(tmp), 50 if smoke else MAILCHIMP_PEOPLE)


if __name__ == "__main__":
    main()
