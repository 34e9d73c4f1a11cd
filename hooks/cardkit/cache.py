"""A content cache for rendered PDFs: the same print document is never laid out twice.

The cache is a folder anyone with the checkout can change, so nothing read from it is
trusted: each file is checked against the hash stored with it, names must be plain PDF
names below the language folder, and a damaged entry is dropped and made again with a
warning. A cache that cannot be written means a build without it, never a failed build.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import re
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

KEY = re.compile(r"[0-9a-f]{32}")  # the name of a PDF entry; other names are left alone
SAFE_NAME = re.compile(r"[a-z0-9][a-z0-9-]*(?:/[a-z0-9][a-z0-9-]*)*\.pdf")  # never '..'
MANIFEST = "manifest.json"  # [[name, sha256 of its bytes], ...] in file order
log = logging.getLogger(__name__)


def content_key(*parts: str | bytes) -> str:
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part if isinstance(part, bytes) else part.encode("utf-8"))
        digest.update(b"\0")
    return digest.hexdigest()[:32]


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _checked(entry: Path) -> dict[str, bytes]:
    """The entry's files by name; ValueError where anything does not match its manifest."""
    manifest = json.loads((entry / MANIFEST).read_text(encoding="utf-8"))
    if not isinstance(manifest, list) or not manifest:
        raise ValueError("the manifest lists no files")
    outputs = {}
    for number, item in enumerate(manifest):
        name, digest = item if isinstance(item, list) and len(item) == 2 else (None, None)
        if not isinstance(name, str) or not SAFE_NAME.fullmatch(name) or name in outputs:
            raise ValueError(f"file {number} has no plain PDF name")
        data = (entry / f"{number}.pdf").read_bytes()
        if _digest(data) != digest or not data.startswith(b"%PDF-") or b"%%EOF" not in data[-32:]:
            raise ValueError(f"{name} does not match its hash")
        outputs[name] = data
    return outputs


def load(cache_dir: Path, key: str) -> dict[str, bytes] | None:
    """The PDFs stored under key, checked; None where there are none or they are damaged
    (a damaged entry is removed, so the build stores a good one in its place)."""
    entry = cache_dir / key
    if not (entry / MANIFEST).is_file():
        if entry.exists() or entry.is_symlink():
            _drop(entry, "it has no manifest")
        return None
    try:
        outputs = _checked(entry)
    except (OSError, ValueError, TypeError) as error:
        _drop(entry, str(error))
        return None
    with contextlib.suppress(OSError):
        os.utime(entry)  # used now: pruning keeps the entries in use
    return outputs


def _drop(entry: Path, reason: str) -> None:
    log.warning(
        "PDF cache entry %s is damaged (%s): removed, the PDFs are made again", entry.name, reason
    )
    if entry.is_symlink() or entry.is_file():
        entry.unlink(missing_ok=True)
    else:
        shutil.rmtree(entry, ignore_errors=True)


def store(cache_dir: Path, key: str, outputs: dict[str, bytes], keep: int | None = 8) -> None:
    """Write the entry whole or not at all, and keep only the newest few entries (keep=None:
    the caller prunes once, after storing many)."""
    try:
        _store(cache_dir, key, outputs, keep)
    except OSError as error:
        log.warning(
            "cannot write the PDF cache in %s (%s): this build goes on without it",
            cache_dir,
            error.strerror or error,
        )


def _store(cache_dir: Path, key: str, outputs: dict[str, bytes], keep: int | None) -> None:
    cache_dir.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(dir=cache_dir, prefix=".tmp-"))
    names = sorted(outputs)
    for number, name in enumerate(names):
        (staging / f"{number}.pdf").write_bytes(outputs[name])
    manifest = [[name, _digest(outputs[name])] for name in names]
    (staging / MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")
    try:
        os.replace(staging, cache_dir / key)
    except OSError:  # another build stored the same entry first
        shutil.rmtree(staging, ignore_errors=True)
    if keep is not None:
        prune(cache_dir, keep)


def prune(cache_dir: Path, keep: int) -> None:
    """Keep the newest keep entries (by last use), so the cache stays bounded."""

    def used(path: Path) -> float:
        try:
            return path.stat().st_mtime
        except OSError:  # removed meanwhile by a build beside this one
            return 0.0

    try:
        entries = sorted(
            (p for p in cache_dir.iterdir() if KEY.fullmatch(p.name)), key=used, reverse=True
        )
    except OSError:
        return
    for old in entries[keep:]:
        shutil.rmtree(old, ignore_errors=True)


def remembered(path: Path, make: Callable[[], str], valid: Callable[[str], bool]) -> str:
    """The text kept at path by an earlier build if valid() accepts it, else make()'s text,
    kept there for the next build where the folder can be written."""
    try:
        kept = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        pass
    else:
        if valid(kept):
            return kept
        log.warning("cached file %s is damaged: made again", path.name)
    text = make()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        staging = path.with_name(f".tmp-{os.getpid()}-{path.name}")
        staging.write_text(text, encoding="utf-8")
        os.replace(staging, path)  # whole or not at all, even with two builds at once
    except OSError:
        pass  # a cache that cannot be written: build without it
    return text
