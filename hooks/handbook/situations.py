"""The situations page ("Was tun, wenn …" / "What to do when …"): the page with
`situations_sheet: true` gets, per situation of docs/situationen.yml, a link to every scene
tagged with it and to that page's card. The index itself is cardkit.situations'; this module
only renders it with the theme's environment, in the language being built.
"""

from __future__ import annotations

from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from cardkit.reading_labels import LABELS

from . import search
from .pagehead import CARD_ANCHOR
from .state import BuildContext, Pass

TEMPLATE = "partials/hb-situations.html"


def add_index(page: Page, pass_: Pass, context: BuildContext) -> None:
    deck, lang = context.deck, pass_.lang
    # the page's file as this language names it: the default's page stands in where the
    # language has none (page.file keeps the original's name)
    if deck.situation_sheets.get(lang) != deck.source(page.file.src_uri, lang):
        return
    assert pass_.env is not None and pass_.nav is not None, "on_env has run"
    order = [each.file.src_uri for each in pass_.nav.pages]
    situations = []
    for situation, scenes in deck.situations.of(lang, order):
        entries = []
        for scene in scenes:
            link = get_relative_url(deck.urls[scene.src_uri], page.url)
            card = deck.card(scene.src_uri)
            entries.append(
                {
                    "scene": scene,
                    "link": f"{link}#{scene.anchor}",
                    "card": f"{link}#{CARD_ANCHOR}" if card and card.lang == lang else None,
                }
            )
        situations.append({"id": situation.id, "name": situation.names[lang], "entries": entries})
    index = pass_.env.get_template(TEMPLATE).render(situations=situations, text=LABELS[lang])
    # appended after the page's own words were given their search terms (on_page_content):
    # the situations' names and the scenes' first sentences are found by their synonyms too
    page.content = (page.content or "") + search.add_terms(index, pass_, context)
