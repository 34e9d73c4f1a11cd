"""The break-room screen ("Karte des Tages" / "Card of the day") in a real Chromium at
1920 × 1080, in both languages: the day's card by the browser's local date, browsing by key
and button, the huddle's question, the QR code to the card's page, no scrolling, axe.

Expected values come from docs/ (the page marked daily_screen: true, the cards in deck
order) and the handbook's word lists, never from today's content.
"""

from __future__ import annotations

import io
from datetime import date, datetime

import pytest
import zxingcpp
from PIL import Image

from browser import AXE, run_axe, url_of
from cardkit.model import CHECKLIST_ITEMS, MAX_CHARS
from cardkit.reading_labels import LABELS
from conftest import SITE_URL
from content import (
    CARDS,
    DEFAULT,
    LANGUAGES,
    front_matter,
    german_pages,
    in_deck_order,
    short_address,
    source_file,
)

TV = {"width": 1920, "height": 1080}
DAY = date(2031, 5, 14)  # any date: the test computes which card it must show


def screen_page() -> str:
    return next(
        stem
        for stem in german_pages()
        if front_matter(source_file(stem, DEFAULT)).get("daily_screen")
    )


def day_card(lang: str, day: date) -> tuple[str, dict]:
    """The card of a day: days since 1 January 1970, round the deck."""
    deck = in_deck_order(CARDS[lang])
    return deck[(day - date(1970, 1, 1)).days % len(deck)]


def open_screen(browser, site: str, lang: str, day: date):
    context = browser.new_context(viewport=TV)
    tab = context.new_page()
    tab.clock.set_fixed_time(datetime(day.year, day.month, day.day, 7, 45))  # local time
    tab.goto(site + url_of(screen_page(), lang))
    return context, tab


def shown(tab) -> str:
    return tab.locator("[data-hb-day]").get_attribute("data-hb-day-shown")


def fits(tab) -> bool:
    return tab.evaluate("document.documentElement.scrollHeight <= window.innerHeight")


def card_id(stem: str) -> str:
    return stem.rsplit("/", 1)[-1]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_day_decides_the_card_and_every_card_fits_the_tv(browser, site, lang):
    assert AXE.is_file(), "run make test: it installs axe-core from the npm registry"
    deck = in_deck_order(CARDS[lang])
    context, tab = open_screen(browser, site, lang, DAY)
    text = LABELS[lang]
    try:
        stem, card = day_card(lang, DAY)
        assert shown(tab) == card_id(stem)
        visible = tab.locator("[data-hb-day-card]:visible")
        assert visible.count() == 1
        assert visible.locator("h2").inner_text() == card["title"]
        assert visible.locator(".hb-day-question").inner_text() == card["question"]
        assert visible.locator(".hb-day-label").text_content() == text["day_question"]
        assert tab.locator("[data-hb-day-date]").inner_text().find(str(DAY.year)) != -1
        # nothing a shared screen does not need: no edit link, no "last updated" line
        assert tab.locator(".md-content__button:visible, .hb-page-head:visible").count() == 0
        assert run_axe(tab) == []
        # the QR code on screen opens the card's page at the handbook's own address
        shot = Image.open(io.BytesIO(visible.locator(".hb-day-qr").screenshot()))
        codes = [code.text for code in zxingcpp.read_barcodes(shot)]
        assert codes == [SITE_URL + short_address(stem, lang)]  # its printed QR code

        # every card, by the keys a keyboard or a presenter sends, fits without scrolling
        start = deck.index((stem, card))
        for step in range(1, len(deck) + 1):
            tab.keyboard.press("ArrowRight" if step % 2 else "PageDown")
            expected = deck[(start + step) % len(deck)][0]
            assert shown(tab) == card_id(expected)
            assert fits(tab), expected
        tab.keyboard.press("PageUp")
        assert shown(tab) == card_id(deck[(start - 1) % len(deck)][0])
        tab.get_by_role("button", name=text["day_previous"]).click()
        assert shown(tab) == card_id(deck[(start - 2) % len(deck)][0])
        tab.get_by_role("button", name=text["day_today"]).click()
        assert shown(tab) == card_id(stem)
        tab.get_by_role("button", name=text["day_next"]).click()
        assert shown(tab) == card_id(deck[(start + 1) % len(deck)][0])
        position = text["day_position"].format(n=(start + 1) % len(deck) + 1, total=len(deck))
        assert tab.locator(".hb-day-position").inner_text() == position
    finally:
        context.close()

    # the next day, the next card of the deck
    context, tab = open_screen(browser, site, lang, date.fromordinal(DAY.toordinal() + 1))
    try:
        assert shown(tab) == card_id(deck[(start + 1) % len(deck)][0])
    finally:
        context.close()


def test_the_longest_card_an_editor_may_write_still_fits(browser, site):
    """Every field at the most the build allows: the type shrinks until the page fits."""
    context, tab = open_screen(browser, site, DEFAULT, DAY)
    try:
        longest = {field: ("Gesprächs " * 30)[: MAX_CHARS[field]] for field in MAX_CHARS}
        tab.evaluate(
            """([longest, items]) => {
                const card = document.querySelector('[data-hb-day-card]:not([hidden])');
                card.querySelector('.hb-day-title').textContent = longest.title;
                card.querySelector('.hb-day-principle').textContent = longest.principle;
                card.querySelector('.hb-day-question').textContent = longest.question;
                const list = card.querySelector('.hb-day-checklist');
                list.replaceChildren(...Array.from({length: items}, () => {
                    const item = document.createElement('li');
                    item.textContent = longest.item;
                    return item;
                }));
                window.dispatchEvent(new Event('resize'));
            }""",
            [longest, CHECKLIST_ITEMS[1]],
        )
        assert fits(tab)
    finally:
        context.close()
