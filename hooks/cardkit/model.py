"""The card model and the validation of one card's front matter."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .text import describe, hidden_character, shown

KINDS = ("attitude", "tip")
FIELDS = ("kind", "title", "principle", "checklist", "question")
CHECKLIST_ITEMS = (3, 7)
# Longest text per field. The layout check catches the rest; these limits give editors
# an early, plain message and stop absurd input (a 1 MB field) before it reaches layout.
MAX_CHARS = {"title": 60, "principle": 160, "item": 120, "question": 220}
WHITESPACE = re.compile(r"[ \t\r\n]+")
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


class CardError(ValueError):
    """A problem an editor can fix. ``str()`` is the whole message for them."""

    def __init__(self, path: str, problem: str):
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem


@dataclass(frozen=True)
class Card:
    id: str
    lang: str
    kind: str
    order: int  # its number among the cards of its kind: their order in mkdocs.yml's nav
    title: str
    principle: str
    checklist: tuple[str, ...]
    question: str
    path: str  # the source file, as shown to editors (docs/tipps/kontakt.en.md)
    url: str = ""  # the page's URL below the site root (en/tipps/kontakt/)
    # the language its text is written in, where that is not `lang`: a card shown in a
    # language whose page has no file there yet (deck.with_fallbacks) is the default's
    written_in: str = ""

    @property
    def text_lang(self) -> str:
        """The language of the card's words: its `lang` attribute (hyphenation, screen
        readers), which a fallback card keeps from its original."""
        return self.written_in or self.lang


def card_from_meta(
    meta: Mapping[str, Any], *, card_id: str, lang: str, path: str, url: str = "", order: int = 1
) -> Card | None:
    """Return the page's card, None where the page has none; raise CardError if invalid.
    order: its number among its kind, which the nav decides (loader.number_by_nav)."""
    if "card" not in meta:
        return None
    raw = meta["card"]
    if not isinstance(raw, dict):
        raise CardError(
            path, f"card must be a set of fields ({', '.join(FIELDS)}), not {describe(raw)}"
        )
    if not SLUG.match(card_id):
        raise CardError(
            path,
            f"the file name gives the card id '{shown(card_id)}', which is "
            "not a lowercase slug; rename the file to letters a-z, digits "
            "and hyphens, such as 'klare-grenzen.md'",
        )
    if "order" in raw:
        raise CardError(
            path,
            "card.order is no longer used: the cards follow the order of their pages in the "
            "nav of mkdocs.yml. Delete the line 'order: …' here (in every language); to "
            "move the card, move its page's line in nav:",
        )
    unknown = sorted(str(key) for key in raw if key not in FIELDS)
    if unknown:
        raise CardError(
            path, f"card.{shown(unknown[0])} is not a card field; allowed are: {', '.join(FIELDS)}"
        )
    missing = [name for name in FIELDS if name not in raw]
    if missing:
        raise CardError(path, f"card.{missing[0]} is missing; a card needs {', '.join(FIELDS)}")
    return Card(
        id=card_id,
        lang=lang,
        kind=_kind(raw["kind"], path),
        order=order,
        title=_text(raw["title"], "title", path),
        principle=_text(raw["principle"], "principle", path),
        checklist=_checklist(raw["checklist"], path),
        question=_text(raw["question"], "question", path),
        path=path,
        url=url,
    )


def _kind(value, path: str) -> str:
    if value not in KINDS:
        raise CardError(path, f"card.kind is '{shown(value)}'; allowed are: {', '.join(KINDS)}")
    return value


def _text(
    value,
    field: str,
    path: str,
    limit_key: str | None = None,
    limits: dict[str, int] = MAX_CHARS,
) -> str:
    """Checked text of one field; field is named as editors write it below card:
    (title), or from the front matter's top where it contains a dot (cases[1].title)."""
    field = field if "." in field else f"card.{field}"
    if not isinstance(value, str):
        raise CardError(path, f"{field} is {describe(value)}; it must be text")
    hidden = hidden_character(value)
    if hidden:
        raise CardError(
            path,
            f"{field} contains {hidden}; delete it (retype the text if you cannot see where it is)",
        )
    # ASCII whitespace only: a non-breaking space (typography.py) is the editor's choice
    text = _squeeze(value)
    if not text.strip():  # also a field of non-breaking spaces alone
        raise CardError(path, f"{field} is empty; write a short text")
    limit = limits[limit_key or field.removeprefix("card.")]
    if len(text) > limit:
        raise CardError(
            path,
            f"{field} has {len(text)} characters; at most {limit} fit on a card, so shorten it",
        )
    return text


def _squeeze(text: str) -> str:
    return " ".join(WHITESPACE.split(text.strip(" \t\r\n")))


def _checklist(value, path: str) -> tuple[str, ...]:
    if not isinstance(value, list):
        raise CardError(
            path,
            f"card.checklist is {describe(value)}; it must be a list with one '- ' line per item",
        )
    low, high = CHECKLIST_ITEMS
    if not low <= len(value) <= high:
        raise CardError(
            path, f"card.checklist has {len(value)} items; a card holds {low} to {high}"
        )
    return tuple(
        _text(item, f"checklist[{number}]", path, limit_key="item")
        for number, item in enumerate(value, start=1)
    )
