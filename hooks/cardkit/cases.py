"""Case cards: the cases of an attitude's or tip's page, written once in its front matter.

A case is a situation for the workshop's case work and role play. One entry feeds the case
card (situation only), the trainer's solution key and the two role cards (the customer's
side and what the member of staff knows). Every page with a checklist card holds at least
MIN_CASES cases, one of them at least on the phone, because the 90-minute workshop plays
phone calls (the trainer page's run sheet); the build names the page that has fewer.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .model import Card, CardError, _text
from .text import describe, shown

CHANNELS = ("phone", "counter", "email", "chat")
FIELDS = ("title", "channel", "situation", "solution", "customer", "mood", "unsaid", "staff")
MIN_CASES = 3
REQUIRED_CHANNEL = "phone"
MOODS = (1, 5)
MAX_CASES = 12
# Each field's limit. A card prints several fields; with every field at its limit in the
# pages' own words, each case still fits each card (tests/test_cases.py lays them out):
# at 420, the situation pushed two staff role cards 3 mm into their foot. Long words can
# still overflow; the build then names the case (crowded_errors).
MAX_CHARS = {
    "title": 60,
    "situation": 400,
    "solution": 420,
    "customer": 320,
    "unsaid": 200,
    "staff": 320,
}


@dataclass(frozen=True)
class Case:
    card: Card  # the page's card: topic, kind, page URL, language
    index: int  # 1, 2, … on its page
    title: str
    channel: str
    situation: str
    solution: str
    customer: str
    mood: int
    unsaid: str
    staff: str

    @property
    def key(self) -> str:
        """Unique in the language: the card's id and the case's place on its page."""
        return f"{self.card.id}-{self.index}"


def cases_from_meta(meta: Mapping[str, Any], card: Card | None, path: str) -> list[Case]:
    """The page's cases, checked; raise CardError naming the page and the fix."""
    raw = meta.get("cases")
    if card is None:
        if raw is not None:
            raise CardError(
                path,
                "has cases but no card; cases belong to the page of an attitude or tip, "
                "so move them there or add the page's card",
            )
        return []
    if raw is None:
        raw = []
    if not isinstance(raw, list):
        raise CardError(
            path, f"cases is {describe(raw)}; it must be a list, one '- title:' per case"
        )
    if len(raw) > MAX_CASES:
        raise CardError(path, f"cases has {len(raw)} entries; keep at most {MAX_CASES}")
    cases = [_case(entry, number, card, path) for number, entry in enumerate(raw, start=1)]
    if len(cases) < MIN_CASES:
        raise CardError(
            path,
            f"has {len(cases)} case(s) under 'cases:'; a page with a card needs at least "
            f"{MIN_CASES} (copy an existing case in the front matter and rewrite it; "
            "CONTRIBUTING.md, 'Add a case')",
        )
    if not any(case.channel == REQUIRED_CHANNEL for case in cases):
        raise CardError(
            path,
            f"has no case with 'channel: {REQUIRED_CHANNEL}'; at least one case per page "
            "must be a phone call (the 90-minute workshop plays them), so set one "
            f"case's channel to {REQUIRED_CHANNEL} or add one",
        )
    return cases


def _case(entry: Any, number: int, card: Card, path: str) -> Case:
    where = f"cases[{number}]"
    if not isinstance(entry, dict):
        raise CardError(
            path, f"{where} is {describe(entry)}; a case is a set of fields ({', '.join(FIELDS)})"
        )
    unknown = sorted(str(key) for key in entry if key not in FIELDS)
    if unknown:
        raise CardError(
            path,
            f"{where}.{shown(unknown[0])} is not a case field; allowed are: {', '.join(FIELDS)}",
        )
    missing = [name for name in FIELDS if name not in entry]
    if missing:
        raise CardError(path, f"{where}.{missing[0]} is missing; a case needs {', '.join(FIELDS)}")
    channel = entry["channel"]
    if channel not in CHANNELS:
        raise CardError(
            path, f"{where}.channel is '{shown(channel)}'; allowed are: {', '.join(CHANNELS)}"
        )
    mood = entry["mood"]
    low, high = MOODS
    if isinstance(mood, bool) or not isinstance(mood, int) or not low <= mood <= high:
        raise CardError(
            path,
            f"{where}.mood is '{shown(mood)}'; write a whole number from {low} (calm) "
            f"to {high} (very annoyed)",
        )

    def text(field: str) -> str:
        return _text(entry[field], f"{where}.{field}", path, limits=MAX_CHARS, limit_key=field)

    return Case(
        card=card,
        index=number,
        title=text("title"),
        channel=channel,
        situation=text("situation"),
        solution=text("solution"),
        customer=text("customer"),
        mood=mood,
        unsaid=text("unsaid"),
        staff=text("staff"),
    )


def check_case_translations(cases: Mapping[str, list[Case]]) -> list[CardError]:
    """Each card's cases agree across languages in number and channel, so that case 4 is
    the same scene in every language's PDFs. cases: every page's cases by source path."""
    by_id: dict[str, list[list[Case]]] = {}
    for page_cases in cases.values():
        if page_cases:
            by_id.setdefault(page_cases[0].card.id, []).append(page_cases)
    errors = []
    for versions in by_id.values():
        reference = versions[0]
        for other in versions[1:]:
            channels = [case.channel for case in other]
            wanted = [case.channel for case in reference]
            if channels != wanted:
                errors.append(
                    CardError(
                        other[0].card.path,
                        f"has cases on the channels {', '.join(channels)}, but "
                        f"{reference[0].card.path} has {', '.join(wanted)}; every language "
                        "keeps the same cases in the same order",
                    )
                )
    return errors


# A case's faces in the kit (print/hb-cases.html), each with what it prints of the case and,
# to tell an editor how much to cut, its text's line height in mm and about how many
# characters a line holds (print/hb-book.css: the situation 12 pt, a role card's text 10 pt).
FACES = {
    "case": ("case card", ("title", "situation"), 5.7, 36),
    "customer": ("customer's role card", ("customer", "unsaid"), 4.6, 46),
    "staff": ("staff member's role card", ("situation", "staff"), 4.6, 46),
}


def crowded_errors(crowded: list[tuple[str, float]], cases: list[Case]) -> list[CardError]:
    """The faces whose text runs into their foot (cardkit.pdf.crowded_faces: 'staff-<case
    key>' and by how many mm), as errors naming the page, the case and what to shorten."""
    by_key = {case.key: case for case in cases}
    errors = []
    for name, millimetres in sorted(crowded):
        face, key = name.split("-", 1)
        case = by_key[key]
        what, fields, line_height, per_line = FACES[face]
        lines = max(1, math.ceil(millimetres / line_height - 0.05))
        errors.append(
            CardError(
                case.card.path,
                f"cases[{case.index}] ('{case.title}') does not fit on its {what}: its text "
                f"runs {millimetres:.1f} mm into the foot; shorten "
                f"{' or '.join(repr(field) for field in fields)} by about {lines} "
                f"line{'s' if lines > 1 else ''} (some {lines * per_line} characters) together; "
                "text is never shrunk to fit",
            )
        )
    return errors
