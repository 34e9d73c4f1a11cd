"""Shared fixtures: build the real handbook with the real plugins into temporary folders."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))   # the plain card core, importable without MkDocs

PROJECT_PARTS = ("mkdocs.yml", "docs", "overrides", "hooks", "tools")
SITE_URL = "http://handbuch.test.intranet/"
LANGUAGES = ("de", "en")


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
            shutil.copytree(source, target / part, ignore=shutil.ignore_patterns("__pycache__"))
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
    """The real handbook, built once for the whole test session."""
    project = copy_project(tmp_path_factory.mktemp("handbook"))
    build = run_build(project, extra_env={"SOURCE_DATE_EPOCH": "1767225600"})
    assert build.ok, build.log
    return build


@pytest.fixture
def project(tmp_path) -> Path:
    """A fresh copy of the project to change and build in a test."""
    return copy_project(tmp_path / "handbook")


def german_pages() -> list[str]:
    """The stems of all German source pages (tipps/kontakt), from the real docs/."""
    return sorted(path.relative_to(ROOT / "docs").with_suffix("").as_posix()
                  for path in (ROOT / "docs").rglob("*.md") if not path.stem.endswith(".en"))


def page_url(stem: str) -> str:
    """The directory URL MkDocs gives a page stem ('index' -> '', 'a/b' -> 'a/b/')."""
    if stem == "index":
        return ""
    return stem[: -len("index")] if stem.endswith("/index") else stem + "/"


def html_file(site: Path, lang: str, stem: str) -> Path:
    prefix = "" if lang == "de" else f"{lang}/"
    return site / f"{prefix}{page_url(stem)}index.html"


def soup(path: Path):
    from bs4 import BeautifulSoup

    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
