"""Content checks on the built handbook: quotation marks as readers see them, and every
page reachable from the home page.

The tests read the built HTML, so they see the text the way a reader does: no front-matter
syntax, no Markdown link or attribute syntax, no HTML attributes. Every expected value
comes from docs/ and mkdocs.yml, never from a list written here.
"""

from __future__ import annotations

import re
from collections import deque
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup, NavigableString

from conftest import ROOT, soup
from content import (
    CONFIG,
    DOCS,
    LANGUAGES,
    MODEL,
    ROOTS,
    front_matter,
    german_pages,
    page_url,
    source_file,
)
from tools.project import nav_entries

pytestmark = pytest.mark.content
BASE = "http://handbook.invalid/"  # any absolute base; only paths matter
SKIP_TAGS = {"code", "pre", "kbd", "samp", "script", "style", "template"}


def _url_path(stem: str, lang: str) -> str:
    """The site path of a page: 'tipps/kontakt' -> '/tipps/kontakt/', English under '/en/'."""
    return "/" + ROOTS[lang] + page_url(stem)


def _chapter_pages_without_card() -> list[str]:
    """Pages inside the nav's chapters that carry no card (a card's page is reached through
    the cards page, so a new card needs no link written by hand)."""
    stems = {
        entry.removesuffix(".md")
        for item in CONFIG["nav"]
        if isinstance(item, dict)
        for entry in nav_entries(item)
    }
    return sorted(
        stem for stem in stems if "card" not in front_matter(source_file(stem, LANGUAGES[0]))
    )


@pytest.fixture(scope="module")
def site(built) -> Path:
    return built.site


def _html(site: Path, url_path: str) -> BeautifulSoup:
    path = site / url_path.lstrip("/") / "index.html"
    assert path.is_file(), f"{url_path} was not built ({path})"
    return soup(path)


def _content(page: BeautifulSoup):
    """The page's own content (article), without navigation, header and footer."""
    article = page.select_one("article")
    assert article is not None, "page has no <article>"
    return article


def _reader_text(page: BeautifulSoup) -> list[str]:
    """Text nodes a reader sees in the content, outside code, plus the description."""
    texts = [
        str(node)
        for node in _content(page).find_all(string=True)
        if isinstance(node, NavigableString)
        and not any(parent.name in SKIP_TAGS for parent in node.parents)
    ]
    description = page.select_one('meta[name="description"]')
    if description is not None:
        content = description.get("content", "")
        assert isinstance(content, str), description  # one value: 'content' is not a list attribute
        texts.append(content)
    return texts


def _context(texts: list[str], char: str) -> str:
    joined = " ".join(" ".join(texts).split())
    return "; ".join(
        f"…{joined[max(0, m.start() - 40) : m.end() + 40]}…"
        for m in re.finditer(re.escape(char), joined)
    )


# --- (a) German quotation marks ---------------------------------------------------------


@pytest.mark.parametrize("stem", german_pages())
def test_german_page_uses_german_quotation_marks(site, stem):
    texts = _reader_text(_html(site, _url_path(stem, "de")))
    text = "".join(texts)
    for wrong in ('"', "”", "«", "»"):
        assert wrong not in text, (
            f"docs/{stem}.md: {wrong!r} in the text a reader sees; German quotes are „…“: "
            + _context(texts, wrong)
        )
    assert text.count("„") == text.count("“"), (
        f"docs/{stem}.md: {text.count('„')} opening „ but {text.count('“')} closing “"
    )


@pytest.mark.parametrize("stem", german_pages())
def test_english_page_uses_typographic_quotes_and_apostrophes(site, stem):
    texts = _reader_text(_html(site, _url_path(stem, "en")))
    for wrong in ('"', "'"):
        assert wrong not in "".join(texts), (
            f"docs/{stem}.en.md: straight {wrong} in the text a reader sees; use ‘…’ and ’: "
            + _context(texts, wrong)
        )


# --- one name per topic: a card is called what its page is called -----------------------

CARD_PAGES = sorted(p for p in DOCS.rglob("*.md") if "card" in front_matter(p))


@pytest.mark.parametrize("path", CARD_PAGES, ids=lambda p: p.relative_to(DOCS).as_posix())
def test_card_title_is_the_page_title(path):
    assert CARD_PAGES, "no page in docs/ carries a card"
    meta = front_matter(path)
    assert meta["card"]["title"] == meta["title"], (
        f"{path.relative_to(ROOT)}: card title {meta['card']['title']!r} differs from the "
        f"page title {meta['title']!r}; one topic, one name"
    )


# --- (b) every page reachable from the home page ----------------------------------------


def _content_links(page: BeautifulSoup, url_path: str) -> set[str]:
    """Site paths the page's content links to (fragments and queries dropped)."""
    found = set()
    base = urljoin(BASE, url_path)
    for link in _content(page).select("a[href]"):
        target = urlsplit(urljoin(base, link["href"]))
        if f"{target.scheme}://{target.netloc}/" != BASE:
            continue
        path = target.path.removesuffix("index.html")
        if path.endswith("/"):
            found.add(path)
    return found


def _reachable(site: Path, start: str) -> set[str]:
    seen, queue = {start}, deque([start])
    while queue:
        url_path = queue.popleft()
        if not (site / url_path.lstrip("/") / "index.html").is_file():
            continue
        for target in _content_links(_html(site, url_path), url_path) - seen:
            seen.add(target)
            queue.append(target)
    return seen


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_page_is_reachable_from_the_home_page(site, lang):
    expected = {_url_path(stem, lang) for stem in german_pages()}
    assert len(expected) > 1
    missing = expected - _reachable(site, _url_path("index", lang))
    files = sorted(
        f"docs/{MODEL.source_name(stem, lang)}"
        for stem in german_pages()
        if _url_path(stem, lang) in missing
    )
    assert not missing, (
        f"{', '.join(files)}: no page links to it, so readers cannot find it from the home page "
        f"({lang}); add a link to it in the text of another page, such as docs/"
        f"{MODEL.source_name('index', lang)} or the first page of its chapter (the nav alone is "
        "not enough: the printed book and phones without the menu follow links in the text)"
    )


@pytest.mark.parametrize("lang", LANGUAGES)
def test_home_page_links_every_chapter_page_without_a_card(site, lang):
    chapters = _chapter_pages_without_card()
    assert chapters, "mkdocs.yml nav has no sections"
    home = _url_path("index", lang)
    linked = _content_links(_html(site, home), home)
    missing = sorted(stem for stem in chapters if _url_path(stem, lang) not in linked)
    assert not missing, f"{lang}: the home page does not link the chapter pages {missing}"
