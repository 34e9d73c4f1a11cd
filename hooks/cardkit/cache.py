"""A content cache for rendered PDFs: the same print document is never laid out twice."""
from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import tempfile
from pathlib import Path
from typing import Callable

KEY = re.compile(r"[0-9a-f]{32}")     # the name of a PDF entry; other names are left alone


def content_key(*parts: str | bytes) -> str:
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part if isinstance(part, bytes) else part.encode("utf-8"))
        digest.update(b"\0")
    return digest.hexdigest()[:32]


def load(cache_dir: Path, key: str) -> dict[str, bytes] | None:
    entry = cache_dir / key
    try:
        names = json.loads((entry / "index.json").read_text(encoding="utf-8"))
        return {name: (entry / f"{number}.pdf").read_bytes()
                for number, name in enumerate(names)}
    except (OSError, ValueError):
        return None


def store(cache_dir: Path, key: str, outputs: dict[str, bytes], keep: int = 8) -> None:
    """Write the entry whole or not at all, and keep only the newest few entries."""
    cache_dir.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(dir=cache_dir, prefix=".tmp-"))
    names = sorted(outputs)
    for number, name in enumerate(names):
        (staging / f"{number}.pdf").write_bytes(outputs[name])
    (staging / "index.json").write_text(json.dumps(names), encoding="utf-8")
    try:
        os.replace(staging, cache_dir / key)
    except OSError:          # another build stored the same entry first
        shutil.rmtree(staging, ignore_errors=True)
    entries = sorted((p for p in cache_dir.iterdir() if KEY.fullmatch(p.name)),
                     key=lambda p: p.stat().st_mtime, reverse=True)
    for old in entries[keep:]:
        shutil.rmtree(old, ignore_errors=True)


def remembered(path: Path, make: Callable[[], str]) -> str:
    """The text kept at path by an earlier build, or make()'s text, kept there for the next."""
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        pass
    text = make()
    path.parent.mkdir(parents=True, exist_ok=True)
    staging = path.with_name(f".tmp-{os.getpid()}-{path.name}")
    staging.write_text(text, encoding="utf-8")
    os.replace(staging, path)            # whole or not at all, even with two builds at once
    return text
