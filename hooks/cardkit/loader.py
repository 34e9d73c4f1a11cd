"""One deck per build: docs/ is read and checked once, every card is built once.

`load_deck` is the only parse of the pages' front matter the card logic uses (the one
that names a YAML error's file and line, with the bounded loader of source.py). Its
Deck then feeds the card's own page, the cards page and the PDFs of every language.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .cases import Case, cases_from_meta, check_case_translations
from .deck import (
    cards_of,
    check_deck,
    check_translations,
    group_by_kind,
    number_by_nav,
    with_fallbacks,
)
from .languages import Languages
from .model import Card, CardError
from .pagemeta import check_page_meta
from .render import PDF_DIR
from .situations import SituationIndex, load_situations, scan_scenes, with_fallback_scenes
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
    urls: dict[str, str]  # src_uri -> the page's URL, for every page (and stand-in)
    languages: Languages
    situations: SituationIndex  # the situations and the scenes tagged with them
    situation_sheets: dict[str, str]  # language -> src_uri of its `situations_sheet: true` page
    cases: dict[str, list[Case]] = field(default_factory=dict)  # by src_uri, pages with cards

    def cases_of(self, lang: str) -> list[Case]:
        """One language's cases in deck order: by card, then in the order of their page."""
        by_card = {found[0].card.path: found for found in self.cases.values()}
        return [case for card in self.of(lang) for case in by_card.get(card.path, [])]

    def of(self, lang: str) -> list[Card]:
        """One language's cards in deck order: kinds in order, then card.order."""
        mine = [card for card in self.cards.values() if card.lang == lang]
        return [card for group in group_by_kind(mine).values() for card in group]

    def source(self, src_uri: str, lang: str) -> str:
        """The file a page of lang has, or would have: a page shown in its original
        language (no file in lang) keeps its card and role under that name."""
        return self.languages.source_name(self.languages.split(src_uri)[0], lang)

    def card(self, src_uri: str, lang: str | None = None) -> Card | None:
        """The card on the page from src_uri, as shown in lang (default: the file's)."""
        return self.cards.get(self.source(src_uri, lang) if lang else src_uri)

    def sheet_url(self, lang: str) -> str | None:
        """The URL of the language's cards page, None where it has none."""
        src_uri = self.sheets.get(lang)
        return self.urls[src_uri] if src_uri else None


def _sheets(pages: list, key: str, languages: Languages) -> dict[str, str]:
    """language -> source file of the page with `key: true` (the cards or the situations
    page); in a language without a file of its own, the file name the default's page is
    shown under there (mkdocs-static-i18n's fallback)."""
    sheets = {page.lang: page.src_uri for page in pages if page.meta.get(key) is True}
    if languages.default in sheets:
        stem = languages.split(sheets[languages.default])[0]
        for lang in languages.others:
            sheets.setdefault(lang, languages.source_name(stem, lang))
    return sheets


def load_deck(
    docs_dir: Path,
    shown_as: str,
    languages: Languages,
    url_of: Callable[[str], str],
    nav: Sequence[str] | None = None,
) -> Deck:
    """Read and check every page of every language, build each card once (url_of gives a
    source file's page URL, as the engine will publish it; nav: the German files the nav
    lists, in order, which numbers the cards); raise CardProblems listing every problem."""
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
    translated = {page.lang for page in pages if page.meta.get("situations_sheet") is True}
    try:
        situations, listed = load_situations(docs_dir, shown_as, languages, translated), True
    except CardError as error:
        situations, listed = [], False
        errors.append(error)
    scenes, scene_errors = scan_scenes(docs_dir, pages, situations)
    if listed:  # with the list unreadable, every tag would be reported "unknown"
        errors += scene_errors
    urls = {page.src_uri: url_of(page.src_uri) for page in pages}
    cards, card_errors = cards_of(pages, urls)
    by_path = {page.path: page.src_uri for page in pages}
    # a page missing in a language: the default's stands in, its card and role too
    every = with_fallbacks(pages, {by_path[card.path]: card for card in cards}, languages, url_of)
    errors += card_errors + check_deck(list(every.values()), languages)
    if nav is None:  # no nav given (a check of docs/ alone): by file name
        nav = sorted(src for src in by_path.values() if languages.is_default_source(src))
    numbered, nav_errors = number_by_nav(every, nav, languages)
    errors += nav_errors
    cases = {}
    for page in pages:
        try:
            card = numbered.get(page.src_uri)
            cases[page.src_uri] = cases_from_meta(page.meta, card, page.path)
        except CardError as error:
            errors.append(error)
    errors += check_case_translations(cases)
    if errors:
        raise CardProblems(errors)
    sheets = _sheets(pages, "cards_sheet", languages)
    situation_sheets = _sheets(pages, "situations_sheet", languages)
    scenes = with_fallback_scenes(scenes, (page.src_uri for page in pages), languages)
    sources = [*numbered, *sheets.values(), *situation_sheets.values()]
    for src in sources + [scene.src_uri for scene in scenes]:
        urls.setdefault(src, url_of(src))
    found = {uri: mine for uri, mine in cases.items() if mine}
    index = SituationIndex(situations, scenes)
    return Deck(numbered, sheets, urls, languages, index, situation_sheets, found)
