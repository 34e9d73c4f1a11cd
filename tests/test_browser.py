"""What staff and trainers see in a real Chromium: offline, switchable, accessible,
printable and readable on a phone (the search is in test_search.py). These tests never
skip: CI installs Chromium."""

from __future__ import annotations

import math
from contextlib import contextmanager

import pypdf
import pytest

from browser import AXE, choose_language, first_screen_bottom, run_axe, url_of
from cardkit.reading_labels import LABELS as CARD_LABELS
from conftest import LANGUAGES
from content import CARDS, WORDED, cards_page, german_pages, in_deck_order, squash
from handbook.pagehead import CARD_ANCHOR
from pdftext import page_texts

PAGES = german_pages()
PHONE = 375  # CSS pixels: a small phone held upright
PHONE_SCREEN = {"width": PHONE, "height": 812}  # and its first screen
DESKTOP = {"width": 1280, "height": 720}  # a laptop's first screen
CARD_OF = {lang: {stem: card for stem, card in CARDS[lang].values()} for lang in LANGUAGES}


# Every Content-Security-Policy violation of the page, also those no console error reports.
VIOLATIONS = """window.__violations = [];
document.addEventListener('securitypolicyviolation',
  e => window.__violations.push(e.violatedDirective + ' ' + (e.blockedURI || 'inline')));"""


@pytest.fixture(scope="module")
def recording_tab(reused_tab):
    reused_tab.add_init_script(VIOLATIONS)  # runs again in every page the tab opens
    return reused_tab


@contextmanager
def recording(tab):
    """While the block runs: every URL the tab requests, and every console error, page
    error and violation of the site's Content-Security-Policy. The listeners stay for the
    whole visit (load, axe, the phone's width), so a request made after "load" is seen too;
    one to another host is also a policy violation, which the page reports itself."""
    requests, errors = [], []
    listeners = {
        "request": lambda request: requests.append(request.url),
        "console": lambda message: errors.append(message.text) if message.type == "error" else None,
        "pageerror": lambda error: errors.append(str(error)),
    }
    for event, listener in listeners.items():
        tab.on(event, listener)
    try:
        yield requests, errors
    finally:
        errors += tab.evaluate("window.__violations")
        for event, listener in listeners.items():
            tab.remove_listener(event, listener)


@pytest.mark.parametrize("lang", WORDED)
@pytest.mark.parametrize("stem", PAGES)
def test_every_page_loads_from_its_own_server_without_errors_and_passes_axe(
    site, recording_tab, stem, lang
):
    """One visit per page: no request to another host, no console error or policy
    violation, axe finds no serious or critical accessibility violation, and at a phone's
    width nothing scrolls sideways and a card stays whole and readable. A card's page
    links to its card ("Zur Karte" / "To the card") in the first screen, on a desktop and
    on a phone, without scrolling."""
    assert AXE.is_file(), "run make test: it installs axe-core from the npm registry"
    tab = recording_tab
    card = CARD_OF[lang].get(stem)
    with recording(tab) as (requests, errors):
        tab.set_viewport_size(DESKTOP)
        tab.goto(site + url_of(stem, lang))  # "load"; the listeners stay until the end
        violations = run_axe(tab)
        if card:
            link = tab.get_by_role("link", name=CARD_LABELS[lang]["to_card"], exact=True)
            assert link.get_attribute("href") == "#" + CARD_ANCHOR
            assert first_screen_bottom(tab, ".hb-to-card") <= DESKTOP["height"], "desktop"
        tab.set_viewport_size(PHONE_SCREEN)  # the same page on a phone
        phone_width = tab.evaluate("document.documentElement.scrollWidth")
        if card:  # in the first screen; its checklist, to screen readers; its face
            assert first_screen_bottom(tab, ".hb-to-card") <= PHONE_SCREEN["height"], "phone"
            label = {"de": "Checkliste", "en": "Checklist"}[lang] + ": " + card["title"]
            checklist = tab.get_by_role("list", name=label, exact=True)
            assert checklist.get_by_role("listitem").count() == len(card["checklist"])
            face = tab.locator(".hb-card-section .hb-front").bounding_box()
            assert face["x"] >= 0 and face["x"] + face["width"] <= PHONE
            assert (
                tab.evaluate(
                    "parseFloat(getComputedStyle(document.querySelector("
                    "'.hb-card-section .hb-checklist li')).fontSize)"
                )
                >= 13
            )
    assert [url for url in requests if not url.startswith((site, "data:", "blob:"))] == []
    assert errors == []
    assert violations == []
    assert phone_width <= PHONE


# Every page's switcher links are checked in the built HTML (test_site.py); here a real
# click on the three kinds of page: home, a card's page and the cards page.
SWITCHER_PAGES = ["index", in_deck_order(CARDS[LANGUAGES[0]])[0][0], cards_page()]


@pytest.mark.parametrize("stem", SWITCHER_PAGES)
def test_language_switcher_leads_to_the_same_page_and_back(site, tab, stem):
    tab.goto(site + url_of(stem, "de"))
    for target in ("en", "de"):
        choose_language(tab, target)
        assert tab.url.rstrip("/") == (site + url_of(stem, target)).rstrip("/")
        assert tab.locator("html").get_attribute("lang") == target


@pytest.mark.parametrize("lang", WORDED)
def test_keyboard_reaches_switcher_search_and_downloads(site, tab, lang):
    tab.goto(site + url_of(SWITCHER_PAGES[1], lang))
    # Each element the keyboard focuses, recorded by the page as focus moves.
    tab.evaluate("""() => { window.__reached = [];
        document.addEventListener('focusin', ({target: e}) => window.__reached.push(
            [e.tagName, e.className || '', e.getAttribute('href') || '',
             e.closest('.md-select') ? 'switcher' : ''].join('|'))); }""")
    for _ in range(250):
        tab.keyboard.press("Tab")
    reached = tab.evaluate("window.__reached")
    assert any("switcher" in item for item in reached)
    assert any("md-search__input" in item for item in reached)
    assert any(".pdf" in item for item in reached)


@pytest.mark.parametrize("lang", WORDED)
def test_printed_article_has_no_chrome_and_keeps_its_card_whole(site, tab, lang):
    stem, card = in_deck_order(CARDS[lang])[0]
    tab.goto(site + url_of(stem, lang))
    tab.emulate_media(media="print")
    for chrome in (".md-header", ".md-sidebar--primary", ".md-search", ".md-footer"):
        assert not tab.locator(chrome).first.is_visible(), chrome
    pages = [squash(text) for text in page_texts(tab.pdf(prefer_css_page_size=True))]
    heading = {"de": "Checklistenkarte", "en": "Checklist card"}[lang]
    parts = [
        heading,
        card["principle"][:25],
        card["checklist"][0][:25],
        card["checklist"][-1][:25],
        card["question"][:25],
    ]
    found = {part: [n for n, text in enumerate(pages) if squash(part) in text] for part in parts}
    assert all(len(places) == 1 for places in found.values()), found
    assert len({places[0] for places in found.values()}) == 1, found


@pytest.mark.parametrize("lang", WORDED)
def test_printed_cards_page_gives_a4_sheets_of_four(site, tab, tmp_path, lang):
    tab.goto(site + url_of(cards_page(), lang))
    pdf = tab.pdf(prefer_css_page_size=True)
    path = tmp_path / "cards.pdf"
    path.write_bytes(pdf)
    reader = pypdf.PdfReader(path)
    count = len(CARDS[lang])
    assert len(reader.pages) == 2 + 2 * math.ceil(count / 4)  # instructions, then sheets
    for page in reader.pages:
        assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (595, 842)
    # squashed: Chromium writes "ff" in "Offene" as one ligature character
    fronts = squash(" ".join(page_texts(path, range(2, len(reader.pages), 2))))
    missing = [
        card["title"] for _, card in CARDS[lang].values() if squash(card["title"]) not in fronts
    ]
    assert not missing, missing
