"""What a reader finds right under a page's title, in the first screen: when the page was
last updated (in the reader's language), the way down to the page's card, and the note on an
out-of-date translation; and the card in the page's table of contents (on the cards page:
every card, by kind).
"""

from __future__ import annotations

import datetime
from html import escape

from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink

from cardkit.deck import group_by_kind
from cardkit.labels import kind_heading
from cardkit.reading_labels import LABELS, long_date

from .state import BuildContext, Pass

CARD_ANCHOR = "hb-card-heading"  # the card section's heading (partials/hb-card-section.html)
ISO_DATE = "git_revision_date_localized_raw_iso_date"  # set by the date plugin


def after_title(html: str, insert: str) -> str:
    """insert placed right after the page's h1 (or first, where the page has none)."""
    end = html.find("</h1>")
    if not insert or end < 0:
        return insert + html
    end += len("</h1>")
    return html[:end] + insert + html[end:]


def has_own_card(page: Page, pass_: Pass, context: BuildContext) -> bool:
    """The page carries its card in this language: its own, or the original's where the
    language shows the original page (page.file keeps the original's name there)."""
    card = context.deck.card(page.file.src_uri, pass_.lang)
    return card is not None and card.lang == pass_.lang


def head_html(page: Page, pass_: Pass, context: BuildContext) -> str:
    """The line under the title: last updated, and 'To the card' on a card's page."""
    words = LABELS[pass_.lang]
    parts = []
    iso = page.meta.get(ISO_DATE)
    home = pass_.site.languages.split(page.file.src_uri)[0] == "index"
    if iso and not home:  # a language's home page is a door, not a text to date
        day = long_date(datetime.date.fromisoformat(str(iso)[:10]), pass_.lang)
        parts.append(
            f'<span class="hb-updated">{escape(words["updated"])}: '
            f'<time datetime="{escape(str(iso))}">{escape(day)}</time></span>'
        )
    if has_own_card(page, pass_, context):
        parts.append(
            f'<a class="hb-to-card md-button" href="#{CARD_ANCHOR}">{escape(words["to_card"])}'
            ' <span aria-hidden="true">↓</span></a>'
        )
    if not parts:
        return ""
    return f'<p class="hb-page-head" data-pagefind-ignore>{"".join(parts)}</p>\n'


def add_to_toc(page: Page, pass_: Pass, context: BuildContext) -> None:
    """The card (on the cards page: every card) as entries of the page's contents."""
    labels = pass_.site.labels
    # The theme writes a contents entry's title as HTML (MkDocs' titles come escaped):
    # a card's title is an editor's text, so it is escaped here.
    if has_own_card(page, pass_, context):
        entries = [AnchorLink(escape(labels["card_heading"]), CARD_ANCHOR, 2)]
    elif context.deck.sheets.get(pass_.lang) == context.deck.source(page.file.src_uri, pass_.lang):
        entries = []
        groups = group_by_kind(context.cards(pass_.lang))
        for kind, cards in groups.items():
            entry = AnchorLink(escape(kind_heading(labels, kind, len(cards))), f"hb-{kind}", 2)
            entry.children = [
                AnchorLink(escape(card.title), f"hb-card-{card.id}", 3) for card in cards
            ]
            entries.append(entry)
    else:
        return
    toc = page.toc
    top = toc.items[0].children if len(toc.items) == 1 and toc.items[0].level == 1 else toc.items
    top.extend(entries)
