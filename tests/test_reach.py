"""What a reader reaches from a page's first screen, in a real Chromium and in the built HTML,
both languages: the card (a link under the title, an entry in the contents, the cards
page's overview, the card of the week and search landing on it), the staff's action
("Suggest a change") apart from the editors' (Git), no admin text outside a sample build,
and the language switch keeping the reader's section.

Expected values come from docs/ (cards, pages) and the handbook's word lists
(cardkit/labels/<lang>.yml), never from today's content.
"""

from __future__ import annotations

import pytest

from browser import AXE, choose_language, first_screen_bottom, run_axe, url_of
from cardkit.labels import LABELS as CARD_LABELS
from cardkit.reading_labels import LABELS
from conftest import html_file, soup
from content import CARDS, DEFAULT, LANGUAGES, WORDED, cards_page, german_pages, in_deck_order

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1366, "height": 900}
CARD_ANCHOR = "#hb-card-heading"
CARD_PAGES = [stem for stem, _ in in_deck_order(CARDS[DEFAULT])]
ADMIN_WORDS = ("HANDBOOK_SITE_URL", "site_url", "mkdocs.yml", "make site")


@pytest.fixture(scope="module")
def phone(browser):
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    yield context.new_page()
    context.close()


# --- the card within reach ------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_link_to_the_card_brings_it_to_the_top_of_a_phone_screen(site, phone, lang):
    """Every card page shows "Zur Karte" / "To the card" in its first screen, on a phone and
    on a desktop (checked in the visit of every page, test_browser.py); a tap on a phone
    brings the card's heading to the top of the screen."""
    phone.set_viewport_size(PHONE)
    phone.goto(site + url_of(CARD_PAGES[-1], lang))
    phone.get_by_role("link", name=LABELS[lang]["to_card"]).click()
    phone.wait_for_function("location.hash === '#hb-card-heading'")
    assert 0 <= phone.locator(CARD_ANCHOR).bounding_box()["y"] < PHONE["height"] / 3


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_card_is_in_each_card_pages_contents_and_every_card_in_the_cards_pages(built, lang):
    label = CARD_LABELS[lang]["card_heading"]
    for stem in CARD_PAGES:
        page = soup(html_file(built.site, lang, stem))
        entries = page.select("nav.md-nav--secondary a.md-nav__link")
        # (the theme repeats the contents in its phone menu: the same entries)
        assert {a.get_text(strip=True) for a in entries if a["href"] == CARD_ANCHOR} == {label}
        assert page.select_one(CARD_ANCHOR) is not None, stem
    page = soup(html_file(built.site, lang, cards_page()))
    targets = {a["href"] for a in page.select("nav.md-nav--secondary a.md-nav__link")}
    for card_id in CARDS[lang]:
        assert f"#hb-card-{card_id}" in targets
        assert page.select_one(f"#hb-card-{card_id}") is not None


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_cards_page_opens_with_an_overview_of_every_card_a_tap_away(site, phone, lang):
    phone.set_viewport_size(PHONE)
    phone.goto(site + url_of(cards_page(), lang))
    overview = phone.locator(".hb-overview")
    assert overview.bounding_box()["y"] < PHONE["height"]  # starts in the first screen
    first_card = phone.locator(".hb-screen-only .hb-card").first.bounding_box()
    assert overview.bounding_box()["y"] + overview.bounding_box()["height"] < first_card["y"]
    links = overview.locator("a")
    assert links.count() == len(CARDS[lang])
    for card_id, (_, card) in CARDS[lang].items():
        link = overview.locator(f'a[href="#hb-card-{card_id}"]')
        kind = CARD_LABELS[lang]["kind"][card["kind"]]
        assert link.locator(".hb-overview-number").text_content().startswith(kind)
        assert link.text_content().endswith(card["title"])
        assert link.bounding_box()["height"] >= 40  # a finger's tap target


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_card_of_the_week_is_in_the_first_phone_screen_and_opens_the_card(site, phone, lang):
    phone.set_viewport_size(PHONE)
    phone.goto(site + url_of("index", lang), wait_until="networkidle")
    week = phone.locator(".hb-week .hb-week-title")
    assert week.evaluate("a => new URL(a.href).hash") == CARD_ANCHOR
    assert first_screen_bottom(phone, ".hb-week .hb-week-title") <= PHONE["height"]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_search_hit_in_a_card_opens_the_page_at_its_card(site, tab, lang):
    stem, card = in_deck_order(CARDS[lang])[0]
    tab.goto(site + url_of("index", lang))
    tab.keyboard.press("/")
    query = card["principle"]  # words only the card says
    tab.keyboard.type(query)
    tab.wait_for_function(
        "query => document.querySelector('.md-search-result').dataset.query === query", arg=query
    )
    first = tab.locator(".md-search-result__item > .md-search-result__link:first-child").first
    target = first.evaluate("a => [new URL(a.href).pathname, new URL(a.href).hash]")
    assert target == ["/" + url_of(stem, lang), CARD_ANCHOR]


# --- staff actions, editor actions ----------------------------------------------------------


@pytest.mark.parametrize("lang", LANGUAGES)
def test_suggest_a_change_is_labelled_on_a_phone_and_git_editing_is_for_editors_at_the_end(
    site, phone, lang
):
    for viewport in (PHONE, DESKTOP):
        phone.set_viewport_size(viewport)
        phone.goto(site + url_of(CARD_PAGES[0], lang))
        suggest = phone.locator("a.hb-suggest")
        assert suggest.inner_text().strip() == LABELS[lang]["suggest"]
        assert suggest.is_visible() and suggest.bounding_box()["height"] >= 44
        assert first_screen_bottom(phone, "a.hb-suggest") <= viewport["height"]
        edit = phone.locator("a[rel=edit]")
        assert edit.count() == 1
        assert edit.inner_text().strip() == LABELS[lang]["edit_git"]
        # after the page's text, not beside the suggestion
        assert edit.bounding_box()["y"] > phone.locator(CARD_ANCHOR).bounding_box()["y"]


# --- nothing for admins on staff pages --------------------------------------------------------


def admin_text(site_dir) -> list[str]:
    """Admin words in what readers read: every page's article (the redirect pages of
    short and old addresses have none; they only lead on)."""
    articles = {path: soup(path).select_one("article") for path in site_dir.rglob("index.html")}
    return [
        f"{path.relative_to(site_dir)}: {word}"
        for path, article in sorted(articles.items())
        if article is not None
        for word in ADMIN_WORDS
        if word in article.get_text(" ")
    ]


def test_a_real_address_shows_no_sample_note_and_no_admin_text(built):
    assert admin_text(built.site) == []
    for lang in LANGUAGES:
        for stem in german_pages():
            page = soup(html_file(built.site, lang, stem))
            assert page.select(".hb-notice, .hb-sample-mark") == [], stem


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_sample_note_names_the_editors_and_is_not_indexed(sample, lang):
    assert admin_text(sample.site) == []
    for stem in (cards_page(), CARD_PAGES[0]):
        notice = soup(html_file(sample.site, lang, stem)).select_one(".hb-notice")
        assert notice.has_attr("data-pagefind-ignore"), stem
        # in the language's words; one without words of its own shows the default's
        words = lang if lang in WORDED else DEFAULT
        editors = {"de": "Redaktion des Handbuchs", "en": "handbook’s editors"}[words]
        assert editors in notice.get_text()


@pytest.fixture(scope="module")
def sample_site(sample, tmp_path_factory):
    from browser import nginx

    with nginx(sample.site, tmp_path_factory.mktemp("nginx-sample")) as base:
        yield base


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_a_sample_build_has_readable_sample_marks_in_both_colour_schemes(
    browser, sample_site, scheme
):
    assert AXE.is_file(), "run make test: it installs axe-core from the npm registry"
    context = browser.new_context(color_scheme=scheme)
    tab = context.new_page()
    try:
        for lang in LANGUAGES:
            for stem in (cards_page(), CARD_PAGES[0]):
                tab.goto(sample_site + url_of(stem, lang))
                assert tab.locator(".hb-sample-mark").count() > 0
                assert run_axe(tab) == [], (lang, stem, scheme)
    finally:
        context.close()


# --- the language switch keeps the section ----------------------------------------------------


def test_the_language_switch_keeps_the_section_being_read(site, tab):
    stem = CARD_PAGES[-1]
    tab.set_viewport_size(DESKTOP)
    # every late load done first (the deck, images): a layout shift after the scroll would
    # move another heading to the reader's line, as it would for a reader
    tab.goto(site + url_of(stem, DEFAULT), wait_until="networkidle")
    headings = tab.locator("article :is(h2, h3)[id]")
    middle = headings.count() // 2
    headings.nth(middle).evaluate("h => h.scrollIntoView({behavior: 'instant'})")
    for target in (lang for lang in LANGUAGES if lang != DEFAULT):
        choose_language(tab, target)
        there = tab.locator("article :is(h2, h3)[id]").nth(middle)
        assert tab.evaluate("location.pathname") == "/" + url_of(stem, target)
        assert tab.evaluate("location.hash") == "#" + there.get_attribute("id")
        assert 0 <= there.bounding_box()["y"] < DESKTOP["height"] / 3
