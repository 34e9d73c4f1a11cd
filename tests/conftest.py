"""Shared fixtures: build the real handbook with the real plugins into temporary folders.

`make test` runs the tests in parallel (pytest-xdist); the handbook every test reads is
built once per run, by whichever worker asks first, and shared through a file lock.
"""

from __future__ import annotations

import functools
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from filelock import FileLock

from content import (  # noqa: F401 - re-exported
    DEFAULT,
    LANGUAGES,
    ROOT,
    ROOTS,
    folder_of,
    german_pages,
    html_file,
    other_cards,
    page_url,
    sample_card,
)

# `make test` runs pytest beside the lint under `make --jobs=2`: a `make` a test starts would
# inherit that make's job slots (and warn "jobserver unavailable" on its first line). Each
# test's make is a make of its own, as an editor's would be.
for _make_variable in ("MAKEFLAGS", "MFLAGS", "MAKELEVEL", "MAKEOVERRIDES"):
    os.environ.pop(_make_variable, None)

PROJECT_PARTS = ("mkdocs.yml", "docs", "overrides", "hooks", "tools")
SITE_URL = "http://handbuch.test.intranet/"
EPOCH = "1767225600"  # SOURCE_DATE_EPOCH of the shared build: 2026-01-01


@dataclass
class Build:
    project: Path
    site: Path
    returncode: int
    log: str
    brand: dict[str, str] | None = None  # the brand options it was built with, if a test set them

    @property
    def ok(self) -> bool:
        return self.returncode == 0


def copy_project(target: Path) -> Path:
    target.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(
                source, target / part, symlinks=True, ignore=shutil.ignore_patterns("__pycache__")
            )
        else:
            shutil.copy2(source, target / part)
    return target


def run_build(
    project: Path,
    *,
    site_url: str = SITE_URL,
    extra_env: dict | None = None,
    args: tuple[str, ...] = (),
    engine: str = "mkdocs",
) -> Build:
    """`mkdocs build --strict`, exactly as `make site` runs it, in the given project copy;
    engine="properdocs" builds with the fork instead (`make site ENGINE=properdocs`)."""
    env = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith("HANDBOOK_") and name != "SOURCE_DATE_EPOCH"
    }
    env.update({"HANDBOOK_SITE_URL": site_url, "NO_MKDOCS_2_WARNING": "1", **(extra_env or {})})
    result = subprocess.run(
        # always into the project copy's own site/, whatever site_dir mkdocs.yml names
        [
            sys.executable,
            "-m",
            engine,
            "build",
            "--strict",
            "--site-dir",
            str(project / "site"),
            *args,
        ],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    return Build(project, project / "site", result.returncode, result.stdout + result.stderr)


SHARED = ("built", "sample")  # the builds all workers share


def pytest_collection_modifyitems(items) -> None:
    """Order for the workers, longest first, so that the run ends on short tests that the
    two workers share out evenly (a long test left for the end keeps one core busy while
    the other waits): one test of each shared build (a worker starts that build at once),
    then the tests that build a project of their own (those that compare it with a shared
    build first: the longest), then the browser tests (a page visit each, or many), then
    those that read the shared builds' files, then those that need no build at all."""
    first = [
        next(item for item in items if name in item.fixturenames)
        for name in SHARED
        if any(name in item.fixturenames for item in items)
    ]

    def rank(item) -> int:
        shared = bool(set(SHARED) & set(item.fixturenames))
        if item in first:
            return 0
        if "project" in item.fixturenames:  # its own builds; compared with a shared one first
            return 1 if shared else 2
        if "browser" in item.fixturenames:
            return 3
        return 4 if shared else 5

    items.sort(key=rank)  # stable: the order within each group stays


def shared_build(tmp_path_factory, name: str, prepare=None, **build_options) -> Build:
    """A build that every worker of this test run shares: made once, by whichever worker
    asks first (the others wait on the lock), from a project copy that prepare() may change."""
    shared = shared_folder(tmp_path_factory)
    with FileLock(str(shared / f"{name}.lock")):
        project = shared / name
        log = project / "build.log"
        if not log.exists():
            copy_project(project)
            if prepare:
                prepare(project)
            build = run_build(project, **build_options)
            assert build.ok, build.log
            log.write_text(build.log, encoding="utf-8")
    return Build(project, project / "site", 0, log.read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def built(tmp_path_factory) -> Build:
    """The real handbook, built once per test run and shared by every worker. `make check`
    sets HANDBOOK_CHECK_SITE to the site/ it has just built: the content tests read that."""
    checked = os.environ.get("HANDBOOK_CHECK_SITE")
    if checked:
        return Build(ROOT, ROOT / checked, 0, "")
    return shared_build(tmp_path_factory, "handbook", extra_env={"SOURCE_DATE_EPOCH": EPOCH})


# The sample handbook: the shipped example address (every card says MUSTER/SAMPLE), a brand,
# an extra tip whose id is 'a4' (the name of the A4 collection's size), and card texts that
# try to inject markup. Cards tests and bad-input tests read the same build.
BRAND = {
    "organisation": "Stadtwerke Beispiel",
    "logo": "assets/test-logo.svg",
    "primary": "#123456",
    "accent": "#6a1b9a",
    "owner": "Stadtwerke Beispiel GmbH",
    "contact": "handbuch@example.intranet",
}
# The pages it changes are chosen from docs/: the first tip is copied as 'a4', and the
# next two cards carry the injections.
SAMPLE_COPIED = sample_card("tip")
A4_PAGE = folder_of(SAMPLE_COPIED) + "a4"
INJECTIONS = dict(
    zip(
        other_cards(SAMPLE_COPIED),
        ("<script>alert(1)</script>", '"><img src=x onerror=alert(1)>'),
        strict=False,
    )
)


def _sample(project: Path) -> None:
    from content import set_card, source_file

    docs = project / "docs"
    for lang in LANGUAGES:
        copied = source_file(SAMPLE_COPIED, lang, docs)
        if not copied.exists():
            continue  # this language shows the default's pages (and their changes)
        text = copied.read_text(encoding="utf-8")
        text = re.sub(r"(  title: )(.*)", r"\1A4 \2", text, count=1)
        source_file(A4_PAGE, lang, docs).write_text(text, encoding="utf-8")
        for stem, attack in INJECTIONS.items():
            if not source_file(stem, lang, docs).exists():
                continue
            set_card(
                project,
                source_file(stem, lang, docs).relative_to(docs).as_posix(),
                lambda card, attack=attack: card.update(
                    title=f"T {attack}"[:60],
                    principle=f"P {attack}",
                    checklist=[f"C{n} {attack}" for n in range(3)],
                    question=f"Q {attack}",
                ),
            )
    config = (project / "mkdocs.yml").read_text(encoding="utf-8").splitlines(keepends=True)
    line = next(n for n, entry in enumerate(config) if entry.strip() == f"- {SAMPLE_COPIED}.md")
    indent = config[line][: len(config[line]) - len(config[line].lstrip())]
    config.insert(line + 1, f"{indent}- {A4_PAGE}.md\n")
    text = "".join(config).replace("      printed_cards:\n", "      printed_cards:\n        - a4\n")
    config = text.splitlines(keepends=True)
    block = "      brand:\n" + "".join(
        f'        {key}: "{value}"\n' for key, value in BRAND.items()
    )
    text, found = re.subn(r"      brand:\n(?:        .*\n)+", block, "".join(config))
    assert found == 1, "mkdocs.yml: the handbook plugin's brand: block"
    (project / "mkdocs.yml").write_text(text, encoding="utf-8")
    (project / "overrides" / "assets" / "test-logo.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">'
        '<rect width="10" height="10" fill="#123456"/></svg>',
        encoding="utf-8",
    )


@pytest.fixture(scope="session")
def sample(tmp_path_factory) -> Build:
    from cardkit.identity import EXAMPLE_SITE_URL

    build = shared_build(tmp_path_factory, "sample", _sample, site_url=EXAMPLE_SITE_URL)
    build.brand = BRAND
    return build


def shared_folder(tmp_path_factory) -> Path:
    """The folder all workers of this test run share."""
    base = tmp_path_factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


def seed_caches(project: Path, tmp_path_factory) -> None:
    """Give a project copy what the shared build has already worked out and any build would
    work out the same: the German word splits (loading HanTa and splitting every word is
    about a quarter of a build without PDFs) and the theme's compiled templates (a sixth).
    Neither changes what a build makes: the splits are what HanTa answers, and Jinja
    compiles a template again when its source differs. Copied once that build is done."""
    from cardkit.searchterms import STORE

    shared = shared_folder(tmp_path_factory) / "handbook"
    if not (shared / "build.log").is_file():
        return
    cache, copied = shared / ".cache" / "cards", project / ".cache" / "cards"
    copied.mkdir(parents=True, exist_ok=True)
    if (cache / STORE).is_file():
        shutil.copy2(cache / STORE, copied / STORE)
    if (cache / "templates").is_dir():
        shutil.copytree(cache / "templates", copied / "templates", dirs_exist_ok=True)


@pytest.fixture
def project(tmp_path, tmp_path_factory) -> Path:
    """A fresh copy of the project to change and build in a test."""
    copied = copy_project(tmp_path / "handbook")
    seed_caches(copied, tmp_path_factory)
    return copied


def soup(path: Path):
    """A built HTML file, parsed once per test worker and shared by every test that reads
    it (parsing was 30 s of the workers' time): read it, never change it; fresh_soup gives
    a copy to change. A file built again (another size or time) is parsed again."""
    stat = path.stat()
    return _parsed(path.resolve(), stat.st_size, stat.st_mtime_ns)


def fresh_soup(path: Path):
    """A built HTML file, parsed for this caller alone: it may remove parts."""
    from bs4 import BeautifulSoup

    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


@functools.lru_cache(maxsize=1024)  # the whole handbook is about 35 MiB parsed
def _parsed(path: Path, size: int, mtime_ns: int):
    return fresh_soup(path)


# ---- the built site in Debian's Chromium, served by nginx with deploy/nginx.conf ----------


@pytest.fixture(scope="session")
def site(built, tmp_path_factory) -> Iterator[str]:
    """The built site as the intranet serves it; the base URL."""
    from browser import nginx

    with nginx(built.site, tmp_path_factory.mktemp("nginx")) as base:
        yield base


class WithoutServiceWorkers:
    """Chromium whose new profiles run no service worker unless a test asks for one
    (`service_workers="allow"`). On a profile's first visit the handbook's worker fetches
    the language's whole search index in the background: in a test about something else
    that doubles the requests, costs time, and races with what the test counts."""

    def __init__(self, browser) -> None:
        self.browser = browser

    def new_context(self, **options):
        return self.browser.new_context(**{"service_workers": "block", **options})

    def new_page(self, **options):
        return self.browser.new_page(**{"service_workers": "block", **options})

    def __getattr__(self, name: str):
        return getattr(self.browser, name)


@pytest.fixture(scope="session")
def browser():
    from browser import chromium

    with chromium() as chromium_browser:
        yield WithoutServiceWorkers(chromium_browser)


@pytest.fixture
def tab(browser):
    page = browser.new_page()
    yield page
    page.close()


@pytest.fixture(scope="module")
def reused_tab(browser):
    """One tab for all tests of a module that need no fresh profile: opening a tab costs
    about as much as loading a page. Tests must not leave state that changes what another
    test sees (ticks, colour scheme): those use `tab`. Its profile runs the service worker,
    as a reader's does: the visit of every page sees what the worker adds."""
    page = browser.new_page(service_workers="allow")
    yield page
    page.close()
