"""The service worker that keeps the handbook readable without a network (static/sw.js).
Plain Python, no MkDocs: from a built site, the worker's script with the build's version
(a hash of every file the site holds) and each language's search index (Pagefind's files).
"""

from __future__ import annotations

import hashlib
import json
import re
from importlib import resources
from pathlib import Path

from .languages import Languages

WORKER = "sw.js"  # at the site's root, so that it serves every page below it
SEARCH = "pagefind"
SHARED = ("pagefind.js", "pagefind-worker.js", "pagefind-highlight.js", "pagefind-entry.json")
PLACE = "var BUILD = {};"
# The engine's name in every page (MkDocs or its fork ProperDocs): the same handbook built by
# either is the same version.
GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')


def build_version(site_dir: Path) -> str:
    """A hash of every file's path and bytes: the same site, the same version."""
    digest = hashlib.sha256()
    for path in sorted(site_dir.rglob("*")):
        if path.is_file() and path.name != WORKER:
            digest.update(path.relative_to(site_dir).as_posix().encode() + b"\0")
            digest.update(hashlib.sha256(GENERATOR.sub(b"", path.read_bytes())).digest())
    return digest.hexdigest()[:16]


def search_files(site_dir: Path, lang: str) -> list[str]:
    """The search index of one language, as paths below the site's root."""
    bundle = site_dir / SEARCH
    mine = [
        path
        for path in bundle.rglob("*")
        if path.is_file()
        and (
            path.name in SHARED
            or path.name.startswith(f"{lang}_")
            or path.name.startswith(f"pagefind.{lang}_")
            or path.name == f"wasm.{lang}.pagefind"
        )
    ]
    return sorted(path.relative_to(site_dir).as_posix() for path in mine)


def worker_script(site_dir: Path, languages: Languages) -> str:
    template = resources.files(__package__).joinpath("static", WORKER).read_text("utf-8")
    build = {
        "version": build_version(site_dir),
        "search": {lang: search_files(site_dir, lang) for lang in languages.codes},
    }
    assert PLACE in template, f"static/{WORKER} keeps the line {PLACE}"
    return template.replace(PLACE, f"var BUILD = {json.dumps(build, sort_keys=True)};", 1)
