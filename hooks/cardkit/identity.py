"""What makes a printed card traceable: its address, its edition, and whether the address
is still the shipped example (then every card says MUSTER / SAMPLE)."""

from __future__ import annotations

import subprocess
from datetime import date, datetime, timezone
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

from .model import CardError

# The address mkdocs.yml ships with (`site_url: !ENV [HANDBOOK_SITE_URL, ...]`). Cards built
# with it point nowhere real, so they carry a visible sample mark.
EXAMPLE_SITE_URL = "http://handbuch.intranet/"


def _site_url_problem(site_url: str) -> str | None:
    parts = urlsplit(site_url)
    if (
        parts.scheme not in ("http", "https")
        or not parts.hostname
        or any(char in site_url for char in " \"<>'`\\")
    ):
        return (
            "the QR codes need the handbook's web address with http:// or https:// and a "
            "host, such as https://handbuch.example.intranet/"
        )
    if parts.username is not None or parts.password is not None:
        return "holds a user name or password, which every card and page would print; leave it out"
    try:
        parts.port  # noqa: B018 - raises on a port that is not a number from 0 to 65535
    except ValueError:
        return "has a port that is not a number from 1 to 65535"
    if parts.query or parts.fragment or site_url.rstrip("/").endswith(("?", "#")):
        return "has a '?' or '#' part, which the QR codes cannot carry; end it with the path"
    if not parts.hostname.isascii():
        try:
            ascii_host = parts.hostname.encode("idna").decode()
        except UnicodeError:
            ascii_host = "xn--…"
        return f"has a host with non-ASCII letters; write it as {ascii_host}, as DNS knows it"
    return None


def check_site_url(site_url: str | None) -> None:
    """An address for QR codes must be http(s) with a host, no user or password, a valid
    port and no query or fragment; raise CardError otherwise. No address at all is
    allowed: the cards then carry no QR code."""
    if not site_url:
        return
    problem = _site_url_problem(site_url)
    if problem:
        raise CardError(
            "mkdocs.yml",
            f"site_url is '{' '.join(site_url.split())[:80]}'; {problem}; set the "
            "environment variable HANDBOOK_SITE_URL (or site_url in mkdocs.yml)",
        )


def is_example(site_url: str | None) -> bool:
    if not site_url:
        return False
    ours, example = urlsplit(site_url), urlsplit(EXAMPLE_SITE_URL)
    return (ours.hostname or "").lower() == example.hostname


def edition_date(docs_dir: Path, source_date_epoch: str | None) -> date:
    """The date of the build's content: SOURCE_DATE_EPOCH when set (reproducible builds),
    else the date of the last commit that changed docs/, else today (no git)."""
    if source_date_epoch:
        return datetime.fromtimestamp(int(source_date_epoch), tz=timezone.utc).date()
    return _last_docs_commit(docs_dir) or datetime.now(tz=timezone.utc).date()


@lru_cache(maxsize=4)
def _last_docs_commit(docs_dir: Path) -> date | None:
    try:
        out = subprocess.run(
            ["git", "log", "-1", "--format=%ct", "--", "."],
            cwd=docs_dir,
            capture_output=True,
            text=True,
            timeout=20,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    stamp = out.stdout.strip()
    if out.returncode != 0 or not stamp.isdigit():
        return None
    return datetime.fromtimestamp(int(stamp), tz=timezone.utc).date()
