"""The handbook offline: after Pagefind has indexed the whole site (the outermost pass's
on_post_build), sw.js goes to the site's root (cardkit/offline.py). It is written there,
like Pagefind's index, because its version is a hash of the finished site."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from cardkit.languages import Languages
from cardkit.offline import WORKER, worker_script


def write_worker(config: MkDocsConfig, languages: Languages) -> None:
    site_dir = Path(config.site_dir)
    (site_dir / WORKER).write_text(worker_script(site_dir, languages), encoding="utf-8")
