"""The header search in a real Chromium, answered by Pagefind's per-language index.

Each test types into the theme's own search box. What a query should find is read from
the built pages' article text (what the index is meant to hold), never written down here.
"""

from __future__ import annotations

import functools
import json
import re

import pytest

from browser import AXE, nginx, run_axe, shipped_csp, url_of
from conftest import LANGUAGES, fresh_soup, html_file, run_build, soup
from content import (
    CARDS,
    DEFAULT,
    WORDED,
    cards_page,
    front_matter,
    german_pages,
    plain_page,
    sample_card,
    source_file,
    title as page_title,
)
from handbook.search import BUNDLE, NOT_CONTENT
from test_situations import situations, tagged_scenes

PAGES = german_pages()
CARDS_PAGE = cards_page()
OTHER = {"de": "en", "en": "de"}
# Placeholder, "n results" and "no results for …" in the theme's and our own words.
NO_RESULTS = {"de": "Keine Treffer für „{query}“", "en": "No results for ‘{query}’"}
UNAVAILABLE = {"de": "Die Suche konnte nicht geladen werden", "en": "Search could not be loaded"}


@pytest.fixture(scope="module")
def tab(reused_tab):
    """The search tests share one tab: Pagefind, once loaded on a page, answers the next
    query there at once. Tests that record requests or set a policy open their own."""
    return reused_tab


def pages_with(site, lang: str, stem_of_word: str) -> set[str]:
    """Pages with a word that starts with the stem ('solution' in 'solutions', not in
    'resolution')."""
    word = re.compile(rf"\b{re.escape(stem_of_word)}", re.I)
    return {
        "/" + url_of(stem, lang) for stem in PAGES if word.search(indexed_text(site, lang, stem))
    }


def is_language(path: str, lang: str) -> bool:
    return path.startswith("/en/") == (lang == "en")


def search(tab, address: str, query: str) -> tuple[str, list[str]]:
    """Open the search with its keyboard shortcut, type a query; return the result count
    line and the paths of all result pages, best first (scrolling loads the rest)."""
    if tab.url != address:  # a second query on the same page types into the box
        tab.goto(address)  # "load": the theme's keyboard handling is ready
        tab.keyboard.press("/")
    else:
        tab.fill("input.md-search__input", "")
        tab.focus("input.md-search__input")
    tab.keyboard.type(query)  # real key events; the page answers the last query only
    tab.wait_for_function(
        "query => document.querySelector('.md-search-result').dataset.query === query", arg=query
    )
    meta = tab.inner_text(".md-search-result__meta")
    count = int(match.group()) if (match := re.search(r"\d+", meta)) else 0
    items = "document.querySelectorAll('.md-search-result__item').length"
    while (shown := tab.evaluate(items)) < count:
        tab.eval_on_selector(
            ".md-search__scrollwrap", "wrap => wrap.scrollTo(0, wrap.scrollHeight)"
        )
        tab.wait_for_function(f"shown => {items} > shown", arg=shown)  # the next results
    links = tab.eval_on_selector_all(
        ".md-search-result__item > .md-search-result__link:first-child",
        "links => links.map(a => new URL(a.href).pathname)",
    )
    return meta, links


def indexed_article(site, lang: str, stem: str):
    """A built page's article as the index reads it: without what it leaves out
    (hooks/handbook/search.py NOT_CONTENT). A copy of its own: the caller may change it."""
    article = fresh_soup(html_file(site, lang, stem)).select_one("article[data-pagefind-body]")
    for selector in (*NOT_CONTENT, "[data-pagefind-ignore]"):  # Pagefind skips these itself
        for element in article.select(selector):
            element.decompose()
    return article


@functools.lru_cache(maxsize=256)  # asked for again and again: 232 times for 46 pages
def indexed_text(site, lang: str, stem: str) -> str:
    """The words of a built page that the search is meant to find."""
    return indexed_article(site, lang, stem).get_text(" ")


@functools.lru_cache(maxsize=8)
def indexed_headings(site, lang: str) -> dict[str, list[str]]:
    """Every page's indexed headings (h1 to h3), per page: each page read once."""
    return {
        stem: [
            heading.get_text(" ")
            for heading in indexed_article(site, lang, stem).select("h1, h2, h3")
        ]
        for stem in PAGES
    }


def pages_about(site, lang: str, stem_of_word: str) -> set[str]:
    """Pages with a form of the word in an indexed heading of their article: pages about it."""
    word = re.compile(rf"\b{re.escape(stem_of_word)}", re.I)
    return {
        "/" + url_of(stem, lang)
        for stem, headings in indexed_headings(site, lang).items()
        if any(word.search(heading) for heading in headings)
    }


def for_other_readers() -> list[str]:
    """Pages whose front matter says they are written for readers other than staff."""
    return [
        stem
        for stem in PAGES
        if (front_matter(source_file(stem, DEFAULT)).get("search") or {}).get("staff") is False
    ]


@pytest.mark.parametrize("lang", WORDED)
def test_a_page_for_other_readers_is_found_by_its_headings_not_by_words_in_passing(
    built, site, tab, lang
):
    """A page for trainers or the curious (`search: staff: false`) names every topic in
    passing: a word only in its text finds the staff pages with it in a heading, not that
    page; its title finds it, after any staff page."""
    others = for_other_readers()
    assert others, "no page says `search: staff: false`; the trainers' page should"
    other_paths = {"/" + url_of(stem, lang) for stem in others}
    home = site + url_of("index", lang)
    for stem in others:
        article = indexed_article(built.site, lang, stem)
        weighted = "h1, h2, h3, h4, h5, h6, .hb-search-terms:not([data-pagefind-weight='1'])"
        headed = " ".join(element.get_text(" ") for element in article.select(weighted)).lower()
        words = sorted(set(re.findall(r"[^\W\d_]{8,}", article.get_text(" ").lower())))
        word = next(
            (
                word
                for word in words
                if word[:6] not in headed  # no form of it in a heading (Pagefind stems)
                and pages_about(built.site, lang, word) - other_paths
            ),
            None,
        )
        assert word, f"{stem}: no word of its text stands in a staff page's heading"
        _, found = search(tab, home, word)
        assert pages_about(built.site, lang, word) - other_paths <= set(found), (word, found)
        assert "/" + url_of(stem, lang) not in found, (word, found)
        _, found = search(tab, home, page_title(stem, lang))
        assert "/" + url_of(stem, lang) in found, found
        staff_first = sorted(found, key=lambda path: path in other_paths)
        assert found == staff_first, found


@pytest.mark.parametrize(
    "lang, query, base",
    [
        ("de", "Beschwerden", "Beschwerde"),
        ("de", "E-Mails", "E-Mail"),
        ("en", "complaints", "complaint"),
        ("en", "e-mails", "e-mail"),
    ],
)
def test_an_inflected_word_finds_what_its_base_form_finds_and_every_page_about_it(
    built, site, tab, lang, query, base
):
    """Plural and singular find the same pages, among them every page with the word in a
    heading. (Pages that only name it in passing may rank below the results shown: at
    least 80 % of them must be relevant, tests/test_search_relevance.py.)"""
    expected = pages_about(built.site, lang, base.lower())
    assert len(expected) >= 3, "pick a word the handbook uses in several headings"
    meta, found = search(tab, site + url_of("index", lang), query)
    _, found_base = search(tab, site + url_of("index", lang), base)
    assert all(is_language(path, lang) for path in found), found
    assert len(found) == len(set(found)), "a page listed twice"
    assert set(found) == set(found_base)
    assert expected <= set(found), (meta, sorted(expected - set(found)))


def name_word_a_tagged_page_lacks(site, lang: str) -> tuple[str, str, set[str]]:
    """A word of a situation's name (docs/situationen.yml) that a page with a scene tagged
    with it never uses itself: the situation, the word, and the pages with such scenes."""
    scenes = tagged_scenes(lang)
    for situation in situations():
        pages = {stem for stem, _ in scenes.get(situation["id"], set())}
        name = situation.get(lang) or situation[DEFAULT]
        for word in sorted(re.findall(r"[^\W\d_]{6,}", name), key=len, reverse=True):
            start = re.compile(rf"\b{re.escape(word[:5])}", re.I)  # any form of it
            for stem in pages:
                if not start.search(visible_text(site, lang, stem)):
                    return situation["id"], word, pages
    raise AssertionError("every page with a tagged scene uses every word of its situation")


@functools.lru_cache(maxsize=256)
def visible_text(site, lang: str, stem: str) -> str:
    """A page's indexed text without the hidden search words (hooks/handbook/search.py)."""
    article = indexed_article(site, lang, stem)
    for hidden in article.select(".hb-search-terms"):
        hidden.decompose()
    return article.get_text(" ")


@pytest.mark.parametrize("lang", WORDED)
def test_a_scene_is_found_by_the_name_of_its_situation(built, site, tab, lang):
    """A scene's heading says where it happens ("At the counter"); the name of the situation
    it is tagged with says what staff meet and search for: every page with a scene tagged
    with it is found by a word of that name, also one whose own text lacks the word."""
    _, word, pages = name_word_a_tagged_page_lacks(built.site, lang)
    _, found = search(tab, site + url_of("index", lang), word)
    assert {"/" + url_of(stem, lang) for stem in pages} <= set(found), (word, found)


def scene_anchors(site, lang: str, stem: str, situation: str) -> set[str]:
    """The ids of a built page's scene headings tagged with a situation."""
    page = soup(html_file(site, lang, stem))
    return {
        heading["id"]
        for heading in page.select("[data-situations]")
        if situation in heading["data-situations"].split()
    }


WORDS = re.compile(r"[^\W\d_]+")


@pytest.mark.parametrize("lang", WORDED)
def test_a_result_found_by_a_situation_offers_its_scene_and_shows_no_hidden_word(
    built, site, tab, lang
):
    """Found by a word of a situation's name that only its hidden search words hold, a page
    offers the scene tagged with it (a link to the scene heading's anchor, which opens the
    page at the scene), and no result shows a hidden word as its title or excerpt."""
    situation, word, pages = name_word_a_tagged_page_lacks(built.site, lang)
    _, found = search(tab, site + url_of("index", lang), word)
    items = tab.eval_on_selector_all(
        ".md-search-result__item",
        """items => items.map(item => ({
            links: [...item.querySelectorAll("a")].map(a => new URL(a.href).pathname
                + new URL(a.href).hash),
            shown: [...item.querySelectorAll("h1, h2, p")].map(e => e.textContent).join(" "),
        }))""",
    )
    by_page = dict(zip(found, items, strict=True))
    for path, item in by_page.items():
        stem = next(stem for stem in PAGES if "/" + url_of(stem, lang) == path)
        shown = {w.lower() for w in WORDS.findall(item["shown"])}
        own = {w.lower() for w in WORDS.findall(visible_text(built.site, lang, stem))}
        own |= {w.lower() for w in WORDS.findall(page_title(stem, lang))}
        assert shown <= own, (word, path, sorted(shown - own))
    scenes = {}  # result path -> the anchors of its scenes tagged with the situation
    for stem in pages:
        path = "/" + url_of(stem, lang)
        anchors = scene_anchors(built.site, lang, stem, situation)
        assert anchors, (stem, situation)
        links = by_page.get(path, {"links": []})["links"]
        scenes[path] = [link.split("#")[1] for link in links if link.split("#")[-1] in anchors]
        assert scenes[path], (word, path, links, anchors)
    # following a scene's link opens its page at the scene
    path = next(path for path in found if path in scenes)
    link = tab.locator(f'.md-search-result__item a[href^="{path}"][href$="#{scenes[path][0]}"]')
    if not link.first.is_visible():  # a further section, behind "1 more on this page"
        link.first.locator("xpath=ancestor::details/summary").click()
    link.first.click()
    tab.wait_for_url(lambda url: url.endswith("#" + scenes[path][0]))
    landed = tab.evaluate(
        """id => { const box = document.getElementById(id).getBoundingClientRect();
                   return box.top >= 0 && box.bottom <= innerHeight; }""",
        scenes[path][0],
    )
    assert landed, (path, scenes[path][0])


@pytest.mark.parametrize("lang", WORDED)
def test_a_word_both_languages_use_finds_only_pages_in_the_language_being_read(
    built, site, tab, lang
):
    shared = next(
        word
        for word in ("hotline", "qr", "e-mail")
        if all(pages_with(built.site, each, word) for each in LANGUAGES)
    )
    _, found = search(tab, site + url_of(sample_card("tip"), lang), shared)
    assert found and all(is_language(path, lang) for path in found), (shared, found)


@pytest.mark.parametrize(
    "with_umlaut, without",
    [
        ("Lösung", "Losung"),
        ("Lösung", "Loesung"),
        ("Augenhöhe", "Augenhohe"),
        ("Augenhöhe", "Augenhoehe"),
    ],
)
def test_a_word_typed_without_its_umlaut_finds_the_same_pages(
    built, site, tab, with_umlaut, without
):
    """Pagefind folds diacritics (ö = o) and its German stemmer reads oe as ö."""
    _, found = search(tab, site + url_of("index", "de"), with_umlaut)
    _, plain = search(tab, site + url_of("index", "de"), without)
    assert found and set(plain) == set(found)
    assert set(found) <= pages_with(built.site, "de", with_umlaut.lower()[:-1])


@pytest.mark.parametrize("lang", WORDED)
def test_a_query_without_results_says_so_in_the_page_language(built, site, tab, lang):
    everything = " ".join(indexed_text(built.site, lang, stem) for stem in PAGES).lower()
    query = next(word for word in ("qwertz", "zyxwvu", "qqqxxj") if word not in everything)
    meta, found = search(tab, site + url_of(plain_page(), lang), query)
    assert found == []
    assert NO_RESULTS[lang].format(query=query) in meta
    assert tab.locator("html").get_attribute("lang") == lang


@pytest.mark.parametrize("lang", WORDED)
def test_a_card_is_found_once_on_its_own_page_not_again_on_the_cards_page(built, site, tab, lang):
    for stem, card in list(CARDS[lang].values())[:3]:
        phrase = card["checklist"][0]  # every word of it must match (Pagefind: AND)
        _, found = search(tab, site + url_of("index", lang), phrase)
        # its own page, once; never the cards page (other pages may share the words)
        assert found.count("/" + url_of(stem, lang)) == 1, (phrase, found)
        assert "/" + url_of(CARDS_PAGE, lang) not in found, (phrase, found)
    # The cards page itself is found by its own words (its title and introduction).
    title = soup(html_file(built.site, lang, CARDS_PAGE)).select_one("article h1").get_text()
    _, found = search(tab, site + url_of("index", lang), title.strip())
    assert "/" + url_of(CARDS_PAGE, lang) in found


@pytest.mark.parametrize(
    "lang, query, stem_of_word",
    [("de", "Beschwerden", "beschwerde"), ("en", "complaints", "complaint")],
)
def test_enter_opens_the_best_result_with_every_form_of_the_word_marked(
    built, site, tab, lang, query, stem_of_word
):
    _, found = search(tab, site + url_of("index", lang), query)
    tab.keyboard.press("Enter")
    tab.wait_for_url(re.compile(r"\?h="))
    assert tab.url.split("?")[0] == site.rstrip("/") + found[0]
    stem = next(stem for stem in PAGES if "/" + url_of(stem, lang) == found[0])
    forms = set(re.findall(stem_of_word + r"\w*", indexed_text(built.site, lang, stem).lower()))
    tab.locator("article mark.pagefind-highlight").first.wait_for()
    marks = tab.locator("article mark.pagefind-highlight")
    marked = {text.lower() for text in marks.all_inner_texts()}
    assert marked == forms, "each form of the word on the page is marked, and nothing else"


@pytest.mark.parametrize("lang", WORDED)
def test_open_search_dialog_has_no_serious_accessibility_problem(site, tab, lang):
    assert AXE.is_file(), "run `npm ci` (make test does): it installs axe-core"
    search(tab, site + url_of("index", lang), {"de": "Kundin", "en": "customer"}[lang])
    assert tab.locator(".md-search-result__list").is_visible()
    assert run_axe(tab) == []


@pytest.mark.parametrize("lang", WORDED)
def test_searching_requests_nothing_from_another_host(site, browser, lang):
    tab = browser.new_page()
    requests = []
    tab.on("request", lambda request: requests.append(request.url))
    try:
        _, found = search(
            tab,
            site + url_of(sample_card("tip"), lang),
            {"de": "Beschwerden", "en": "complaints"}[lang],
        )
    finally:
        tab.close()
    assert found
    assert [url for url in requests if not url.startswith(site)] == []
    assert any(
        url.startswith(f"{site}{BUNDLE}/") and url.endswith(".pagefind") for url in requests
    ), "the WebAssembly came from the site"


def test_search_works_when_the_site_is_served_below_a_sub_path(built, browser, tmp_path):
    tab = browser.new_page()
    try:
        with nginx(built.site, tmp_path / "nginx", path="/handbuch/") as base:
            _, found = search(tab, base + "en/", "complaints")
            tab.goto(base.removesuffix("handbuch/") + found[0].lstrip("/"))
            assert tab.locator("article h1").count() == 1
    finally:
        tab.close()
    assert found and all(path.startswith("/handbuch/en/") for path in found), found


def csp_tab(browser, policy: str):
    """A tab that gets every response with this Content-Security-Policy header, as the
    web server would send it. No service worker: its fetches would pass the route by."""
    tab = browser.new_context(service_workers="block").new_page()

    def with_policy(route):
        response = route.fetch()
        route.fulfill(
            response=response, headers={**response.headers, "content-security-policy": policy}
        )

    tab.route("**/*", with_policy)
    return tab


@pytest.mark.parametrize("wasm", [True, False])
def test_search_needs_wasm_unsafe_eval_in_the_csp_and_nothing_more(site, browser, wasm):
    """The shipped policy, and the same without 'wasm-unsafe-eval': search needs exactly it."""
    policy = shipped_csp()
    assert " 'wasm-unsafe-eval'" in policy
    tab = csp_tab(browser, policy if wasm else policy.replace(" 'wasm-unsafe-eval'", ""))
    violations = []
    tab.on(
        "console",
        lambda message: (
            violations.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    try:
        meta, found = search(tab, site, "Beschwerden")
    finally:
        tab.unroute_all(behavior="ignoreErrors")  # a fetch still in flight must not fail later
        tab.context.close()
    if wasm:
        assert found and violations == [], violations
    else:
        assert found == [] and UNAVAILABLE["de"] in meta
        assert any("WebAssembly" in text or "wasm" in text for text in violations), violations


def test_the_index_holds_every_page_once_per_language_and_the_theme_index_is_gone(built):
    entry = json.loads((built.site / BUNDLE / "pagefind-entry.json").read_text("utf-8"))
    assert {lang: entry["languages"][lang]["page_count"] for lang in entry["languages"]} == {
        lang: len(PAGES) for lang in LANGUAGES
    }
    assert not (built.site / "search" / "search_index.json").exists()
    for lang in LANGUAGES:
        page = soup(html_file(built.site, lang, "index"))
        assert page.select_one("html")["lang"] == lang
        assert len(page.select("[data-pagefind-body]")) == 1
        assert page.select_one("form[name=search]") is None  # the theme's index stays unused


def test_without_the_pagefind_binary_the_build_stops_with_a_clear_message(project):
    build = run_build(
        project,
        extra_env={"PAGEFIND_BINARY_PATH": str(project / "missing"), "HANDBOOK_PDFS": "false"},
    )
    assert not build.ok
    assert "search index:" in build.log and "run `make setup`" in build.log
    assert "Traceback" not in build.log
