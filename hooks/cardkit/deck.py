"""Checks across pages and cards: translations, unique ids and numbers, agreement."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace

from .languages import Languages
from .model import KINDS, Card, CardError, card_from_meta
from .source import Page


def check_translations(pages: list[Page], languages: Languages, shown_as: str) -> list[CardError]:
    """Every page exists in the default language. It may lack another language: that
    language shows the original, card and all, with a note (mkdocs-static-i18n's
    fallback_to_default; with_fallbacks)."""
    langs_by_stem = defaultdict(set)
    for page in pages:
        langs_by_stem[page.stem].add(page.lang)
    errors = []
    for stem, present in sorted(langs_by_stem.items()):
        if languages.default in present:
            continue
        first = next(lang for lang in languages if lang in present)
        source = f"{shown_as}/{languages.source_name(stem, first)}"
        wanted = f"{shown_as}/{languages.source_name(stem, languages.default)}"
        name = languages.english_name(languages.default)
        errors.append(
            CardError(
                source,
                f"has no {name} version; create {wanted} (copy {source} and translate it): "
                f"every page starts in {name}, other languages may follow",
            )
        )
    return errors


def cards_of(
    pages: list[Page], urls: Mapping[str, str] | None = None
) -> tuple[list[Card], list[CardError]]:
    """The pages' cards, each built once; urls: each page's URL by src_uri, where known."""
    cards, errors = [], []
    for page in pages:
        try:
            card = card_from_meta(
                page.meta,
                card_id=page.card_id,
                lang=page.lang,
                path=page.path,
                url=(urls or {}).get(page.src_uri, ""),
            )
        except CardError as error:
            errors.append(error)
            continue
        if card:
            cards.append(card)
    return cards, errors


def with_fallbacks(
    pages: list[Page],
    cards: Mapping[str, Card],
    languages: Languages,
    url_of: Callable[[str], str],
) -> dict[str, Card]:
    """Every card by source file, with the default language's card standing in where a
    page has no file in another language (mkdocs-static-i18n's fallback_to_default shows
    the original page there): keyed by the file it would have, with that language's URL."""
    existing = {page.src_uri for page in pages}
    found = dict(cards)
    for src, card in cards.items():
        if card.lang != languages.default:
            continue
        for lang in languages.others:
            missing = languages.source_name(languages.split(src)[0], lang)
            if missing not in existing:
                found[missing] = replace(
                    card, lang=lang, url=url_of(missing), written_in=card.text_lang
                )
    return found


def check_deck(cards: list[Card], languages: Languages) -> list[CardError]:
    """Ids are unique per language; each card exists in every language, of one kind."""
    errors = []
    first_by_id: dict[tuple[str, str], Card] = {}
    by_lang_and_id: dict[tuple[str, str], Card] = {}
    for card in cards:
        other = first_by_id.setdefault((card.lang, card.id), card)
        if other is not card:
            errors.append(
                CardError(
                    card.path,
                    f"makes a card with the id '{card.id}', like "
                    f"{other.path}; card ids come from file names, "
                    "so rename one of the files",
                )
            )
            continue
        by_lang_and_id[card.lang, card.id] = card
    ids = sorted({card_id for _, card_id in by_lang_and_id})
    for card_id in ids:
        present = [by_lang_and_id.get((lang, card_id)) for lang in languages]
        reference = next(card for card in present if card)
        for lang, translated in zip(languages.codes, present, strict=True):
            if translated is None:
                errors.append(
                    CardError(
                        reference.path,
                        f"has a card, but its "
                        f"{languages.english_name(lang)} version has none; "
                        "add the translated card to it",
                    )
                )
            elif translated.kind != reference.kind:
                errors.append(
                    CardError(
                        translated.path,
                        f"card.kind is {translated.kind}, but {reference.path} says "
                        f"{reference.kind}; the languages must agree on the kind",
                    )
                )
    return errors


def nav_entries(nav: object) -> list[str]:
    """Every page file named in mkdocs.yml's nav, at any depth, in order."""
    if isinstance(nav, str):
        return [nav]
    if isinstance(nav, list):
        return [entry for item in nav for entry in nav_entries(item)]
    if isinstance(nav, dict):
        return [entry for value in nav.values() for entry in nav_entries(value)]
    return []


def number_by_nav(
    cards: Mapping[str, Card], nav: Sequence[str], languages: Languages
) -> tuple[dict[str, Card], list[CardError]]:
    """Each card (by its source file) numbered within its kind and language in the order of
    its German page in the nav (nav: the German files it lists, in order); a card whose
    page the nav does not list is named."""
    place = {src: number for number, src in enumerate(nav)}

    def german(src: str) -> str:
        return languages.source_name(languages.split(src)[0], languages.default)

    errors, numbered = [], {}
    for src, card in cards.items():
        if german(src) not in place and src == german(src):
            errors.append(
                CardError(
                    card.path,
                    f"has a card, but mkdocs.yml's nav: does not list the page; add the line "
                    f"'- {src}' under nav:, where the card should come among the others",
                )
            )
    for lang in languages:
        for kind in KINDS:
            mine = [s for s, c in cards.items() if c.lang == lang and c.kind == kind]
            mine.sort(key=lambda s: (place.get(german(s), len(place)), s))
            numbered.update({s: replace(cards[s], order=n) for n, s in enumerate(mine, 1)})
    return numbered, errors


def group_by_kind(cards: list[Card]) -> dict[str, list[Card]]:
    """Cards by kind, in the order of KINDS and then by card.order (the nav's order)."""
    return {
        kind: sorted((c for c in cards if c.kind == kind), key=lambda c: c.order)
        for kind in KINDS
        if any(c.kind == kind for c in cards)
    }
