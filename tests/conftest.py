"""Shared fixtures: build the real handbook with the real plugins into temporary folders.

`make test` runs the tests in parallel (pytest-xdist); the handbook every test reads is
built once per run, by whichever worker asks first, and shared through a file lock.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from filelock import FileLock

from content import DEFAULT, LANGUAGES, ROOT, ROOTS, german_pages  # noqa: F401 - re-exported

PROJECT_PARTS = ("mkdocs.yml", "docs", "overrides", "hooks", "tools")
SITE_URL = "http://handbuch.test.intranet/"
EPOCH = "1767225600"            # SOURCE_DATE_EPOCH of the shared build: 2026-01-01


@dataclass
class Build:
    project: Path
    site: Path
    returncode: int
    log: str

    @property
    def ok(self) -> bool:
        return self.returncode == 0


def copy_project(target: Path) -> Path:
    target.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, target / part, symlinks=True,
                            ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, target / part)
    return target


def run_build(project: Path, *, site_url: str = SITE_URL, extra_env: dict | None = None,
              args: tuple[str, ...] = ()) -> Build:
    """`mkdocs build --strict`, exactly as `make site` runs it, in the given project copy."""
    env = {name: value for name, value in os.environ.items()
           if not name.startswith("HANDBOOK_") and name != "SOURCE_DATE_EPOCH"}
    env.update({"HANDBOOK_SITE_URL": site_url, "NO_MKDOCS_2_WARNING": "1", **(extra_env or {})})
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", *args],
        cwd=project, env=env, capture_output=True, text=True, timeout=600)
    return Build(project, project / "site", result.returncode, result.stdout + result.stderr)


@pytest.fixture(scope="session")
def built(tmp_path_factory) -> Build:
    """The real handbook, built once per test run and shared by every worker."""
    shared = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        shared = shared.parent               # the folder all workers of this run share
    with FileLock(str(shared / "handbook.lock")):
        project = shared / "handbook"
        log = project / "build.log"
        if not log.exists():
            copy_project(project)
            build = run_build(project, extra_env={"SOURCE_DATE_EPOCH": EPOCH})
            assert build.ok, build.log
            log.write_text(build.log, encoding="utf-8")
    return Build(project, project / "site", 0, log.read_text(encoding="utf-8"))


@pytest.fixture
def project(tmp_path) -> Path:
    """A fresh copy of the project to change and build in a test."""
    return copy_project(tmp_path / "handbook")


def page_url(stem: str) -> str:
    """The directory URL MkDocs gives a page stem ('index' -> '', 'a/b' -> 'a/b/')."""
    if stem == "index":
        return ""
    return stem[: -len("index")] if stem.endswith("/index") else stem + "/"


def html_file(site: Path, lang: str, stem: str) -> Path:
    return site / f"{ROOTS[lang]}{page_url(stem)}index.html"


def soup(path: Path):
    from bs4 import BeautifulSoup

    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
