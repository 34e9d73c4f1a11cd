"""Practising with the cards: the deck for the home page's card of the week, and the
practice page ("Meine Häkchen" / "My checklists"), in the language being built.

- `hb-deck.json` beside the language's home page lists this language's cards in deck order
  (id, kind, title, principle, link); overrides/assets/hb-week.js picks the week's card.
- The page with `practice_sheet: true` gets every card's checklist appended (the same
  `ul.hb-checklist` as on the cards); overrides/assets/hb-practice.js ticks them and
  keeps the ticks in the reader's browser only.
"""

from __future__ import annotations

import json
import posixpath

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from cardkit.labels import LABELS as CARD_LABELS
from cardkit.model import Card
from cardkit.reading_labels import LABELS

from .pagehead import CARD_ANCHOR
from .state import BuildContext, Pass

DECK_FILE = "hb-deck.json"
TEMPLATE = "partials/hb-practice.html"


def deck_entries(cards: list[Card], lang: str, root: str) -> list[dict]:
    """What hb-week.js needs of each card; links relative to the language's home page."""
    return [
        {
            "id": card.id,
            "kind": f"{CARD_LABELS[lang]['kind'][card.kind]} {card.order}",
            "title": card.title,
            "principle": card.principle,
            "url": posixpath.relpath(card.url, root or ".") + "/",
        }
        for card in cards
    ]


def add_deck_file(files: Files, config: MkDocsConfig, pass_: Pass, context: BuildContext) -> None:
    entries = deck_entries(context.cards(pass_.lang), pass_.lang, pass_.root)
    content = json.dumps(entries, ensure_ascii=False, indent=1) + "\n"
    files.append(File.generated(config, pass_.root + DECK_FILE, content=content))


def add_checklists(page: Page, pass_: Pass, context: BuildContext) -> None:
    """The practice page: every card's checklist, rendered by the theme's environment."""
    if not page.meta.get("practice_sheet"):
        return
    lang = pass_.lang
    assert pass_.env is not None, "on_env has run"
    cards = [
        {
            "card": card,
            "link": get_relative_url(card.url, page.url) + "#" + CARD_ANCHOR,
            "kind": f"{CARD_LABELS[lang]['kind'][card.kind]} {card.order}",
        }
        for card in context.cards(lang)
    ]
    page.content = (page.content or "") + pass_.env.get_template(TEMPLATE).render(
        cards=cards, text=LABELS[lang], checklist=CARD_LABELS[lang]["checklist"], lang=lang
    )
