"""One cache and one key scheme for every PDF the build makes: each language's card PDFs
(one entry per set) and each book and trainer's-kit document (one entry per document).

A key hashes everything a PDF is made from and the PDF engines' versions; the same key
always gives the same bytes, so a warm build lays nothing out. Both kinds of entry share
one folder and one bound (cache.store prunes the least recently used).
"""

from __future__ import annotations

from pathlib import Path

from . import cache, pdf, qr

FOLDER = "pdfs"  # below the handbook's cache folder
# Entries kept: a build makes one card set and four documents per language; this keeps
# the last few builds of a handbook in a handful of languages.
KEEP = 60


def key(*inputs: str | bytes) -> str:
    """The cache key of a PDF (or a set of them) made from these inputs."""
    return cache.content_key(pdf.engine_version(), qr.engine_version(), *inputs)


def load(cache_dir: Path, key: str) -> dict[str, bytes] | None:
    return cache.load(cache_dir / FOLDER, key)


def store(cache_dir: Path, key: str, files: dict[str, bytes]) -> None:
    cache.store(cache_dir / FOLDER, key, files, keep=KEEP)
