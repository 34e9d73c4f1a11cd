"""The break-room screen ("Karte des Tages" / "Card of the day"), in the language being
built: the page with `daily_screen: true` gets every card of the deck, in deck order (the
order of the home page's card of the week, practice.py), each with its huddle question and
its QR code (the ones the printed cards carry). overrides/assets/hb-day.js shows the day's
card, chosen by the reader's local date, and browses by key and button.
"""

from __future__ import annotations

from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from cardkit.labels import LABELS as CARD_LABELS
from cardkit.reading_labels import LABELS

from .state import BuildContext, Pass

TEMPLATE = "partials/hb-day.html"


def add_screen(page: Page, pass_: Pass, context: BuildContext) -> None:
    if not page.meta.get("daily_screen"):
        return
    lang = pass_.lang
    assert pass_.env is not None, "on_env has run"
    infos = context.infos[lang]
    cards = [
        {"card": card, "info": infos[card.id], "link": get_relative_url(card.url, page.url)}
        for card in context.cards(lang)
    ]
    labels = CARD_LABELS[lang]
    page.content = (page.content or "") + pass_.env.get_template(TEMPLATE).render(
        cards=cards,
        text=LABELS[lang],
        checklist=labels["checklist"],
        sample=labels["sample"] if pass_.site.sample else None,
    )
