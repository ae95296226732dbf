"""How many requests a Mailchimp sync of 10,000 subscribers takes, against the loopback Mailchimp of the tests."""
from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
from fake_mailchimp import FakeMailchimp  # noqa: E402

PEOPLE = 10_000


def main() -> None:
    fake = FakeMailchimp()
    with tempfile.TemporaryDirectory() as tmp, fake.running() as url:
        csv = Path(tmp) / "subscribers.csv"
        rows = "".join(f"person{i}@example.ee,P{i},{'et' if i % 3 else 'en'},2024-01-01T10:00,\n" for i in range(PEOPLE))
        csv.write_text("email,name,language,consent_at,tags\n" + rows, encoding="utf-8")
        env = {**os.environ, "MAILCHIMP_API_KEY": fake.key, "MAILCHIMP_LIST_ID": fake.list_id,
               "MAILCHIMP_API_URL": url, "NO_PROXY": "127.0.0.1,localhost"}
        for run in ("first sync (empty audience)", "second sync (nothing changed)"):
            fake.requests.clear()
            started = time.perf_counter()
            subprocess.run([str(Path(sys.executable).parent / "projectsite"), "newsletter", "sync", str(csv), "--root", str(ROOT)],
                           env=env, check=True, capture_output=True)
            print(f"{run}: {len(fake.requests)} requests, {time.perf_counter() - started:.1f} s")


if __name__ == "__main__":
    main()
