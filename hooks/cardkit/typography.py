"""Spaces that must not break: between a number and its unit ("15 Min.", "3 mm",
"30. September") and between a title and a name ("Frau Berger", "Mr Kaya"). A plain
space there lets a line, or a card's narrow column, end after "15" and start with "Min.";
a non-breaking space (U+00A0) keeps the pair together.

`breakable_pairs` finds such pairs in an editor's Markdown, outside code, link targets
and HTML tags; `keep_together` writes the non-breaking spaces in. Plain Python, for the
lint (tools/nbsp.py) and the tests.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

NBSP = "\u00a0"

_UNITS = {
    "de": r"Min\.|Minuten|Sekunden|Std\.|Stunden|Tagen?|Wochen|Monaten?|Jahren?|Euro|€|"
    r"mm|cm|km|kg|g/m²|Uhr|%|Prozent",
    "en": r"min|minutes|seconds|hours?|days|weeks|months|years|euros?|€|mm|cm|km|kg|gsm|"
    r"am|pm|%|per cent",
}
_MONTHS = {
    "de": r"Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember",
    "en": r"January|February|March|April|May|June|July|August|September|October|November|"
    r"December",
}
_TITLES = {"de": r"Herr|Frau|Dr\.", "en": r"Mr|Ms|Mrs|Dr"}
_END = r"(?![\w²])"


def _pattern(lang: str) -> re.Pattern[str]:
    day = r"\d{1,2}\." if lang == "de" else r"\d{1,2}"
    return re.compile(
        rf"(?<![\w.:])\d+(?:[.,:]\d+)?(?P<unit> )(?:{_UNITS[lang]}){_END}"
        rf"|(?<![\w.]){day}(?P<month> )(?:{_MONTHS[lang]}){_END}"
        rf"|\b(?:{_TITLES[lang]})(?P<title> )[A-ZÄÖÜ][a-zäöüß]+(?:-[A-ZÄÖÜ][a-zäöüß]+)?"
    )


PATTERNS = {lang: _pattern(lang) for lang in _UNITS}
# What a reader never sees as text: inline code, a link's target, an HTML tag.
_SKIP = re.compile(r"`[^`\n]*`|\]\([^)\n]*\)|<[^>\n]*>")


@dataclass(frozen=True)
class Pair:
    line: int  # from 1
    column: int  # of the space, from 1
    text: str  # the pair as written, e.g. "15 Min."


def _skipped(line: str) -> list[tuple[int, int]]:
    return [match.span() for match in _SKIP.finditer(line)]


def _spaces(line: str, lang: str) -> list[tuple[int, str]]:
    """(offset of the breakable space, the pair) in one line."""
    skip = _skipped(line)
    found = []
    for match in PATTERNS[lang].finditer(line):
        space = next(match.start(group) for group in ("unit", "month", "title") if match[group])
        if not any(start <= space < end for start, end in skip):
            found.append((space, match[0]))
    return found


def has_rules(lang: str) -> bool:
    """Whether the lint knows the units, months and titles of this language (a language
    added by configuration alone has none: its pages are not checked)."""
    return lang in PATTERNS


def breakable_pairs(text: str, lang: str) -> list[Pair]:
    """Every number-unit, date and title-name pair joined by a plain space."""
    if lang not in PATTERNS:
        return []
    return [
        Pair(number, space + 1, pair)
        for number, line in enumerate(text.split("\n"), 1)
        for space, pair in _spaces(line, lang)
    ]


def keep_together(text: str, lang: str) -> str:
    """The text with a non-breaking space in every pair breakable_pairs finds."""
    if lang not in PATTERNS:
        return text
    lines = text.split("\n")
    for index, line in enumerate(lines):
        for space, _ in reversed(_spaces(line, lang)):
            line = line[:space] + NBSP + line[space + 1 :]
        lines[index] = line
    return "\n".join(lines)
