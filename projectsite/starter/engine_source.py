"""The requirement that installs this engine from where it was installed (PEP 610's direct_url.json)."""

from __future__ import annotations

import json
from importlib.metadata import PackageNotFoundError, distribution
from typing import Any


def _from_direct_url(info: dict[str, Any]) -> str | None:
    url = str(info.get("url") or "")
    if not url:
        return None
    vcs = info.get("vcs_info")
    if isinstance(vcs, dict) and vcs.get("vcs"):
        commit = vcs.get("commit_id") or vcs.get("requested_revision")
        return f"projectsite @ {vcs['vcs']}+{url}" + (f"@{commit}" if commit else "")
    return f"projectsite @ {url}"  # a local folder (dir_info) or an archive (archive_info)


def requirement() -> str:
    """`projectsite @ file:///...` or `@ git+...@commit` for a direct install; `projectsite==X` from an index."""
    try:
        dist = distribution("projectsite")
    except PackageNotFoundError:
        return "projectsite"
    text = dist.read_text("direct_url.json")
    if text:
        try:
            found = _from_direct_url(json.loads(text))
        except (ValueError, AttributeError):
            found = None
        if found:
            return found
    return f"projectsite=={dist.version}"
