"""Checks across pages and cards: translations, unique ids and numbers, agreement."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping

from .languages import Languages
from .model import KINDS, Card, CardError, card_from_meta
from .source import Page


def check_translations(pages: list[Page], languages: Languages, shown_as: str) -> list[CardError]:
    """Every page exists in every language (the handbook shows no untranslated page)."""
    langs_by_stem = defaultdict(set)
    for page in pages:
        langs_by_stem[page.stem].add(page.lang)
    errors = []
    for stem, present in sorted(langs_by_stem.items()):
        first = next(lang for lang in languages if lang in present)
        source = f"{shown_as}/{languages.source_name(stem, first)}"
        for lang in languages:
            if lang not in present:
                wanted = f"{shown_as}/{languages.source_name(stem, lang)}"
                name = languages.english_name(lang)
                errors.append(
                    CardError(
                        source,
                        f"has no {name} version; create {wanted} (copy {source} and translate it)",
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


def check_deck(cards: list[Card], languages: Languages) -> list[CardError]:
    """Ids and numbers are unique per language; each card exists in every language alike."""
    errors = []
    first_by_id: dict[tuple[str, str], Card] = {}
    first_by_number: dict[tuple[str, str, int], Card] = {}
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
        other = first_by_number.setdefault((card.lang, card.kind, card.order), card)
        if other is not card:
            errors.append(
                CardError(
                    card.path,
                    f"card.order {card.order} is already used by "
                    f"{other.path}; give each {card.kind} its own "
                    "number",
                )
            )
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
            elif (translated.kind, translated.order) != (reference.kind, reference.order):
                errors.append(
                    CardError(
                        translated.path,
                        f"card.kind/order is {translated.kind} "
                        f"{translated.order}, but {reference.path} says "
                        f"{reference.kind} {reference.order}; the languages "
                        "must agree on kind and order",
                    )
                )
    return errors


def group_by_kind(cards: list[Card]) -> dict[str, list[Card]]:
    """Cards by kind, in the order of KINDS and then by card.order."""
    return {
        kind: sorted((c for c in cards if c.kind == kind), key=lambda c: c.order)
        for kind in KINDS
        if any(c.kind == kind for c in cards)
    }
