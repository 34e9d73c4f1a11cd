"""Practising with the cards: the deck for the home page's card of the week, and the
practice page ("Meine Übung" / "My practice").

Thin adapter, run once per language like every hook (NOTES.md):
- `hb-deck.json` beside the language's home page lists this language's cards in deck order
  (id, kind, title, principle, link); overrides/assets/hb-week.js picks the week's card.
- The page with `practice_sheet: true` gets every card's checklist appended (the same
  `ul.hb-checklist` as on the cards); overrides/assets/hb-practice.js ticks them and
  keeps the ticks in the reader's browser only.
"""

from __future__ import annotations

import json
import posixpath
from pathlib import Path

import mkdocs.plugins
from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

import i18n_languages
from card_deck import current as card_deck  # the deck hooks/cards.py loaded, once
from cardkit.labels import LABELS as CARD_LABELS
from cardkit.model import Card
from reading_labels import LABELS

DECK_FILE = "hb-deck.json"
TEMPLATE = "partials/hb-practice.html"
_state: dict = {}  # this build's language: its cards and the theme's environment


def on_env(env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
    _state.clear()
    _state.update(
        env=env,
        cards=card_deck().of(i18n_languages.current(config)),  # in deck order
        lang=i18n_languages.current(config),
        root=i18n_languages.url_root(config),
    )
    return env


@mkdocs.plugins.event_priority(-50)  # before the cards hook's own additions are indexed
def on_page_context(context: dict, *, page: Page, config: MkDocsConfig, nav: Navigation) -> dict:
    if page.meta.get("practice_sheet"):
        lang = _state["lang"]
        cards = [
            {
                "card": card,
                "link": get_relative_url(card.url, page.url),
                "kind": f"{CARD_LABELS[lang]['kind'][card.kind]} {card.order}",
            }
            for card in _state["cards"]
        ]
        page.content += (
            _state["env"]
            .get_template(TEMPLATE)
            .render(
                cards=cards, text=LABELS[lang], checklist=CARD_LABELS[lang]["checklist"], lang=lang
            )
        )
    return context


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


def on_post_build(*, config: MkDocsConfig) -> None:
    target = Path(config.site_dir) / _state["root"] / DECK_FILE
    target.parent.mkdir(parents=True, exist_ok=True)
    entries = deck_entries(_state["cards"], _state["lang"], _state["root"])
    target.write_text(json.dumps(entries, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
