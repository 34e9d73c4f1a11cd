"""The bilingual handbook as built: pages, language pairs, navigation, strictness."""

from __future__ import annotations

import posixpath
import re
from urllib.parse import urlsplit

import pytest

from conftest import LANGUAGES, SITE_URL, html_file, page_url, run_build, soup
from content import ROOTS, german_pages, nav_sections, plain_page, site_name, title

PAGES = german_pages()


def test_the_build_log_has_no_warning_not_even_one_strict_mode_misses(built):
    """--strict fails only on MkDocs' own loggers; a plain logger's warning slips through."""
    assert not re.search(r"^WARNING", built.log, re.M), built.log


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("stem", PAGES)
def test_every_page_exists_in_both_languages(built, stem, lang):
    path = html_file(built.site, lang, stem)
    assert path.is_file(), f"{stem} missing in {lang}"
    page = soup(path)
    assert page.html["lang"] == lang
    assert page.find("h1").get_text(strip=True).startswith(title(stem, lang).strip())


def _resolve(from_url: str, href: str) -> str:
    """The site path an href on the page at from_url points to ('' = home)."""
    base = urlsplit(SITE_URL).path
    if href.startswith("/"):  # the i18n plugin links the home pages from the root
        assert href.startswith(base), href
        href, from_url = href[len(base) :], ""
    joined = posixpath.normpath(posixpath.join(from_url or ".", href or "."))
    return "" if joined == "." else joined.strip("/") + "/"


@pytest.mark.parametrize("stem", PAGES)
def test_alternate_links_pair_each_page_with_its_translation(built, stem):
    urls = {lang: ROOTS[lang] + page_url(stem) for lang in LANGUAGES}
    for lang, url in urls.items():
        links = {
            link["hreflang"]: link["href"]
            for link in soup(html_file(built.site, lang, stem)).select(
                "link[rel=alternate][hreflang]"
            )
        }
        assert set(links) == set(LANGUAGES)
        for other, href in links.items():
            assert _resolve(url, href) == (urls[other] or ""), (lang, other, href)


@pytest.mark.parametrize("stem", PAGES)
def test_language_switcher_leads_to_the_same_page(built, stem):
    urls = {lang: ROOTS[lang] + page_url(stem) for lang in LANGUAGES}
    for lang, url in urls.items():
        switcher = soup(html_file(built.site, lang, stem)).select("a.md-select__link[hreflang]")
        targets = {link["hreflang"]: _resolve(url, link["href"]) for link in switcher}
        assert targets == urls


def _nav_labels(path) -> set[str]:
    """Labels of the site navigation (not the page's table of contents)."""
    nav = soup(path).select_one("nav.md-nav--primary")
    return {
        " ".join(item.get_text(" ", strip=True).split())
        for item in nav.select(".md-nav__link .md-ellipsis:not(nav.md-nav--secondary *)")
    }


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("stem", PAGES)
def test_navigation_labels_are_in_the_page_language(built, stem, lang):
    labels = _nav_labels(html_file(built.site, lang, stem))
    other = "en" if lang == "de" else "de"
    assert title(stem, lang) in labels
    assert set(nav_sections(lang, top=True)) <= labels  # the chapter sections
    assert not (set(nav_sections(other)) - set(nav_sections(lang))) & labels
    theirs, ours = ({title(page, language) for page in PAGES} for language in (other, lang))
    assert not theirs - ours & labels


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_tab_title_names_the_page_and_the_site_once(built, lang):
    """'Checklistenkarten - Servicekultur-Handbuch'; the home page, titled with the site's
    name, is just the site's name (not the name twice)."""
    name = site_name(lang)
    for stem in PAGES:
        shown = soup(html_file(built.site, lang, stem)).select_one("title").get_text()
        page_title = title(stem, lang)
        assert shown == (name if page_title == name else f"{page_title} - {name}"), stem


@pytest.mark.parametrize("lang, search_label", [("de", "Suche"), ("en", "Search")])
def test_site_name_and_theme_strings_follow_the_language(built, lang, search_label):
    page = soup(html_file(built.site, lang, "index"))
    assert page.select_one(".md-header__topic").get_text(strip=True) == site_name(lang)
    assert page.select_one("input.md-search__input")["placeholder"] == search_label


def test_a_page_without_translation_shows_its_original_with_a_note(project):
    """Not yet translated: the original is shown, with a note in the reader's language; a
    page without the German original stops the build, naming the file to create."""
    stem = plain_page(langs=("en",))
    (project / "docs" / f"{stem}.en.md").unlink()
    build = run_build(project, extra_env={"HANDBOOK_PDFS": "false"})
    assert build.ok, build.log
    shown = soup(html_file(project / "site", "en", stem))
    note = shown.select_one("article .hb-untranslated").get_text(" ", strip=True)
    assert note.startswith("Not yet translated") and "German original" in note
    assert title(stem, "de") in shown.select_one("article h1").get_text(strip=True)
    assert not soup(html_file(project / "site", "de", stem)).select(".hb-untranslated")
    (project / "docs" / f"{stem}.md").rename(project / "docs" / f"{stem}.en.md")
    refused = run_build(project, extra_env={"HANDBOOK_PDFS": "false"})
    assert not refused.ok
    assert f"docs/{stem}.en.md: has no German version; create docs/{stem}.md" in refused.log
    assert "Traceback" not in refused.log
