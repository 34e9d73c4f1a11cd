"""One deck per build: docs/ is read and checked once, every card is built once.

`load_deck` is the only parse of the pages' front matter the card logic uses (the one
that names a YAML error's file and line, with the bounded loader of source.py). Its
Deck then feeds the card's own page, the cards page and the PDFs of every language.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .deck import cards_of, check_deck, check_translations, group_by_kind
from .languages import Languages
from .model import Card, CardError
from .pagemeta import check_page_meta
from .render import PDF_DIR
from .situations import SituationIndex, load_situations, scan_scenes
from .source import scan_pages


class CardProblems(Exception):
    """One or more CardErrors; the message lists them all, one per line."""

    def __init__(self, errors: list[CardError]):
        self.errors = errors
        lines = "\n".join(f"  - {error}" for error in errors)
        super().__init__(f"{len(errors)} problem(s) with pages or checklist cards:\n{lines}")


@dataclass(frozen=True)
class Deck:
    """Every card of every language by its source file, and each language's cards page."""

    cards: dict[str, Card]  # by src_uri (tipps/kontakt.en.md)
    sheets: dict[str, str]  # language -> src_uri of its page with `cards_sheet: true`
    urls: dict[str, str]  # src_uri -> the page's URL, for every page
    situations: SituationIndex  # the situations and the scenes tagged with them
    situation_sheets: dict[str, str]  # language -> src_uri of its `situations_sheet: true` page

    def of(self, lang: str) -> list[Card]:
        """One language's cards in deck order: kinds in order, then card.order."""
        mine = [card for card in self.cards.values() if card.lang == lang]
        return [card for group in group_by_kind(mine).values() for card in group]

    def card(self, src_uri: str) -> Card | None:
        return self.cards.get(src_uri)

    def sheet_url(self, lang: str) -> str | None:
        """The URL of the language's cards page, None where it has none."""
        src_uri = self.sheets.get(lang)
        return self.urls[src_uri] if src_uri else None


def load_deck(
    docs_dir: Path, shown_as: str, languages: Languages, url_of: Callable[[str], str]
) -> Deck:
    """Read and check every page of every language, build each card once (url_of gives a
    source file's page URL, as the engine will publish it); raise CardProblems listing
    every problem found."""
    pages, errors = scan_pages(docs_dir, shown_as, languages)
    if (docs_dir / PDF_DIR).exists():  # a file there would replace a made PDF
        errors.append(
            CardError(
                f"{shown_as}/{PDF_DIR}",
                "is where the build puts the card PDFs; move what is in it to another folder",
            )
        )
    if errors:  # the checks across pages would blame the pages that were read
        raise CardProblems(errors)
    errors += check_translations(pages, languages, shown_as)
    errors += check_page_meta(pages)
    try:
        situations = load_situations(docs_dir, shown_as, languages)
    except CardError as error:
        situations = []
        errors.append(error)
    scenes, scene_errors = scan_scenes(docs_dir, pages, situations)
    errors += scene_errors
    urls = {page.src_uri: url_of(page.src_uri) for page in pages}
    cards, card_errors = cards_of(pages, urls)
    errors += card_errors + check_deck(cards, languages)
    if errors:
        raise CardProblems(errors)
    by_path = {page.path: page.src_uri for page in pages}
    sheets = {page.lang: page.src_uri for page in pages if page.meta.get("cards_sheet") is True}
    situation_sheets = {
        page.lang: page.src_uri for page in pages if page.meta.get("situations_sheet") is True
    }
    return Deck(
        {by_path[card.path]: card for card in cards},
        sheets,
        urls,
        SituationIndex(situations, scenes),
        situation_sheets,
    )
