"""Checks across pages and cards: translations, unique ids and numbers, agreement."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import replace

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
    cards: list[Card], nav: Sequence[str], languages: Languages, src_of: Mapping[str, str]
) -> tuple[list[Card], list[CardError]]:
    """Each card numbered within its kind and language in the order of its German page in
    the nav (nav: the German files it lists, in order); a card whose page the nav does not
    list is named. src_of: each card's source file by its path."""
    place = {src: number for number, src in enumerate(nav)}
    errors, numbered = [], []
    for card in cards:
        german = _german(card, languages, src_of)
        if german not in place and card.lang == languages.default:
            errors.append(
                CardError(
                    card.path,
                    f"has a card, but mkdocs.yml's nav: does not list the page; add the line "
                    f"'- {german}' under nav:, where the card should come among the others",
                )
            )
    for lang in languages:
        for kind in KINDS:
            mine = [c for c in cards if c.lang == lang and c.kind == kind]
            mine.sort(key=lambda c: place.get(_german(c, languages, src_of), len(place)))
            numbered += [replace(card, order=n) for n, card in enumerate(mine, 1)]
    return numbered, errors


def _german(card: Card, languages: Languages, src_of: Mapping[str, str]) -> str:
    return languages.source_name(languages.split(src_of[card.path])[0], languages.default)


def group_by_kind(cards: list[Card]) -> dict[str, list[Card]]:
    """Cards by kind, in the order of KINDS and then by card.order (the nav's order)."""
    return {
        kind: sorted((c for c in cards if c.kind == kind), key=lambda c: c.order)
        for kind in KINDS
        if any(c.kind == kind for c in cards)
    }
